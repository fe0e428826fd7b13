"""The Word file as a coach works in it: fields, settings, numbering, and a LibreOffice round trip."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.render.docx.base import restart_numbering


def test_word_refreshes_the_table_of_contents_on_open(sanne):
    settings = sanne.docx.settings.element
    update = settings.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    assert 'TOC \\o "1-3" \\h \\z \\u' in sanne.docx.element.xml


def test_document_properties_and_language(sanne, liam):
    assert sanne.docx.core_properties.language == "nl-NL" and liam.docx.core_properties.language == "en-GB"
    assert liam.docx.core_properties.author == "Liam O'Connor"
    assert 'w:val="nl-NL"' in sanne.docx.styles.element.xml


def test_plan_steps_are_checkboxes_and_the_chart_is_a_picture(liam):
    steps = [p.text for p in liam.docx.paragraphs if p.text.startswith("☐")]
    assert len(steps) >= 6
    assert liam.docx.inline_shapes, "the offer chart is embedded"


def test_numbered_lists_restart_at_one(tmp_path):
    doc = Document()
    lists = [[doc.add_paragraph(f"{name} {i}", style="List Number") for i in range(3)] for name in ("a", "b")]
    for paragraphs in lists:
        restart_numbering(doc, paragraphs)
    ids = [{p._p.pPr.numPr.numId.val for p in paragraphs} for paragraphs in lists]
    assert all(len(i) == 1 for i in ids) and ids[0] != ids[1]
    numbering = doc.part.numbering_part.element
    for (num_id,) in ids:
        num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
        assert num.find(qn("w:lvlOverride") + "/" + qn("w:startOverride")).get(qn("w:val")) == "1"
    path = tmp_path / "lists.docx"
    doc.save(str(path))
    text = _libreoffice(path, "txt", tmp_path).read_text("utf-8-sig")
    assert text.count("1.") == 2 and "3." in text and "6." not in text


def _libreoffice(path: Path, fmt: str, out: Path) -> Path:
    """Convert with LibreOffice headless, as a coach's office suite would open and save the file."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice is needed for this test; scripts/setup installs it"
    profile = out / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                    "--outdir", str(out / fmt), str(path)], check=True, capture_output=True, timeout=180)
    return out / fmt / f"{path.stem}.{fmt.split(':')[0]}"


@pytest.fixture(scope="module")
def round_trip(sanne, tmp_path_factory):
    """Sanne's DOCX opened and saved by LibreOffice, and printed to PDF by it."""
    out = tmp_path_factory.mktemp("libreoffice")
    saved = _libreoffice(sanne.paths["docx"], "docx:MS Word 2007 XML", out)
    printed = _libreoffice(sanne.paths["docx"], "pdf", out)
    return Document(str(saved)), printed


def test_structure_survives_a_save_in_libreoffice(sanne, round_trip):
    saved, _printed = round_trip

    def outline(doc):
        return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]

    assert outline(saved) == outline(sanne.docx)
    assert len(saved.tables) == len(sanne.docx.tables)
    assert saved.tables[0].rows[0]._tr.xpath("./w:trPr/w:tblHeader")


def test_libreoffice_prints_it_with_sensible_page_count(sanne, round_trip):
    from pypdf import PdfReader

    _saved, printed = round_trip
    pages = len(PdfReader(str(printed)).pages)
    assert 10 <= pages <= 30, pages
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True).stdout
    assert "Sanne de Vries" in text and "Conflicthantering" in text


def test_identical_input_gives_an_identical_file(tmp_path):
    """Zip entries and document dates come from the pack's date, not the clock."""
    from generator.options import RunOptions
    from generator.pipeline import generate
    from tests.conftest import PROFILES, TODAY

    options = RunOptions(today=TODAY, formats=("docx",))
    first = generate(PROFILES / "ahmet-yilmaz.yaml", options=options, out_dir=tmp_path / "a").paths[0]
    second = generate(PROFILES / "ahmet-yilmaz.yaml", options=options, out_dir=tmp_path / "b").paths[0]
    assert first.read_bytes() == second.read_bytes()
    assert Document(str(first)).core_properties.created.date() == TODAY
