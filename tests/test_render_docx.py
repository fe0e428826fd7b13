"""The Word file as a coach works in it: fields, settings, numbering, and a LibreOffice round trip."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from generator.render.docx.base import restart_numbering

W14 = "{http://schemas.microsoft.com/office/word/2010/wordml}"


def _toc_lines(doc) -> list[str]:
    """The table of contents' lines (LibreOffice calls the style 'Contents 1' when it saves)."""
    return [p.text for p in doc.paragraphs if p.style.name.lower() in ("toc 1", "contents 1")]


def test_the_table_of_contents_is_written_out_and_does_not_list_itself(sanne):
    lines = _toc_lines(sanne.docx)
    chapters = [p.text for p in sanne.docx.paragraphs if p.style.name == "Heading 1"]
    assert lines[0] == "In één oogopslag"
    assert lines[1:] == [f"{n}.\t{title}" for n, title in enumerate(chapters[1:], start=1)]
    assert "Inhoud" not in " ".join(lines) and len(lines) == 17
    assert 'TOC \\o "1-1" \\h \\z \\u' in sanne.docx.element.xml  # Word can still update it
    assert sanne.docx.settings.element.find(qn("w:updateFields")) is None  # so no question on opening
    contents = next(p for p in sanne.docx.paragraphs if p.text == "Inhoud")
    assert contents.style.name == "TOC Heading"


def test_the_thank_you_draft_is_kept_together(sanne):
    [letter] = [p for p in sanne.docx.paragraphs if "Met vriendelijke groet" in p.text]
    assert letter.style.name == "Quote" and letter.paragraph_format.keep_together
    assert "Beste Mark en Fatima" in letter.text  # greeting to signature: one paragraph, kept on one page


def test_headings_are_numbered_by_word_not_typed(sanne):
    chapters = [p for p in sanne.docx.paragraphs if p.style.name == "Heading 1"]
    assert chapters[1].text == "Waar dit tweede gesprek om draait"  # no "1. " typed in
    assert not any(p.text[:1].isdigit() for p in chapters)
    num_id = sanne.docx.styles["Heading 1"].element.pPr.numPr.numId.val
    numbering = sanne.docx.part.numbering_part.element
    assert any(n.get(qn("w:numId")) == str(num_id) for n in numbering.findall(qn("w:num")))
    assert chapters[0].paragraph_format.element.pPr.numPr.numId.val == 0  # the summary has no number


def test_checklists_are_checkbox_controls_and_the_chart_is_a_picture(liam):
    boxes = liam.docx.element.body.findall(f".//{W14}checkbox")
    assert len(boxes) >= 6
    assert all(box.find(f"{W14}checked").get(f"{W14}val") == "0" for box in boxes)
    assert not any(p.text.startswith("☐  —") for p in liam.docx.paragraphs)
    assert liam.docx.inline_shapes, "the offer chart is embedded"


def test_document_properties_and_language(sanne, liam):

    assert sanne.docx.core_properties.language == "nl-NL" and liam.docx.core_properties.language == "en-GB"
    assert liam.docx.core_properties.author == "Liam O'Connor"
    assert 'w:val="nl-NL"' in sanne.docx.styles.element.xml
    with zipfile.ZipFile(sanne.paths["docx"]) as archive:
        names = archive.namelist()
        app = archive.read("docProps/app.xml").decode()
    assert "<Application>prep-pack " in app and "Macintosh" not in app
    assert not [n for n in names if "thumbnail" in n or n.startswith("customXml") or "stylesWithEffects" in n]


def edit_like_a_coach(path):
    """Add a paragraph to a Word file's body as a coach would, and return the file's bytes."""
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    files["word/document.xml"] = files["word/document.xml"].replace(b"</w:body>", b"<w:p><w:r><w:t>Coach</w:t>"
                                                                    b"</w:r></w:p></w:body>")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path.read_bytes()


def test_brand_colours_reach_every_style(tmp_path):
    from generator.brand import load_brand
    from tests.conftest import PROFILES, render

    folder = tmp_path / "brand"
    folder.mkdir()
    (folder / "brand.yaml").write_text("name: Werving Oost\nprimary: '#0f766e'\naccent: '#d97706'\n", "utf-8")
    pack = render(PROFILES / "ahmet-yilmaz.yaml", tmp_path / "out", ("docx",), brand=load_brand(folder / "brand.yaml"))
    styles = pack.docx.styles
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "TOC Heading"):
        assert str(styles[name].font.color.rgb) == "0F766E", name
    assert str(styles["Subtitle"].font.color.rgb) == "D97706"
    assert "<Company>Werving Oost</Company>" in __import__("zipfile").ZipFile(pack.paths["docx"]).read(
        "docProps/app.xml").decode()


def test_a_coach_edit_is_never_overwritten(tmp_path):


    from generator.options import RunOptions
    from generator.pipeline import generate
    from tests.conftest import PROFILES, TODAY

    options = RunOptions(today=TODAY, formats=("docx",))
    path = generate(PROFILES / "ahmet-yilmaz.yaml", options=options, out_dir=tmp_path).paths[0]
    again = generate(PROFILES / "ahmet-yilmaz.yaml", options=options, out_dir=tmp_path)
    assert again.paths == [path] and again.warnings == []  # untouched: simply made again
    edited = edit_like_a_coach(path)
    third = generate(PROFILES / "ahmet-yilmaz.yaml", options=options, out_dir=tmp_path)
    assert path.read_bytes() == edited  # the coach's file is as they left it
    assert third.paths == [path.with_name(path.stem + ".new.docx")] and third.paths[0].exists()
    assert len(third.warnings) == 1 and "was changed since prep-pack wrote it" in third.warnings[0]


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
    body = saved.element.body  # LibreOffice keeps the contents and the checkboxes, inside content controls
    toc = body.xpath(".//w:sdt[.//w:docPartGallery[@w:val='Table of Contents']]")
    assert toc and "Waar dit tweede gesprek om draait" in "".join(toc[0].itertext())
    assert len(body.findall(f".//{W14}checkbox")) == len(sanne.docx.element.body.findall(f".//{W14}checkbox"))
    assert len(saved.tables) == len(sanne.docx.tables)
    assert saved.tables[0].rows[0]._tr.xpath("./w:trPr/w:tblHeader")


def test_libreoffice_prints_it_with_sensible_page_count(sanne, round_trip):
    from pypdf import PdfReader

    _saved, printed = round_trip
    pages = len(PdfReader(str(printed)).pages)
    assert 10 <= pages <= 30, pages
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True).stdout
    assert "Sanne de Vries" in text and "Conflicthantering" in text
    pages = text.split("\f")
    contents = next(page for page in pages if "Inhoud" in page)
    assert "Waar dit tweede gesprek om draait" in contents and "16." in contents and "Aantekeningen" in contents
    assert "1.\nWaar dit tweede gesprek om draait" in text.replace("\t", "\n").replace("\n\n", "\n")  # numbered
    assert text.count("\u2610") >= 6  # the checkboxes, as LibreOffice draws them


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


def test_names_longer_than_a_word_property_still_make_a_word_file(tmp_path):
    """A 256-character name or a 222-character role: cut in the file's properties, whole in the text."""
    from generator.options import RunOptions
    from generator.pipeline import generate
    from tests.conftest import PROFILES, TODAY, docx_text

    name, role = "Anna " + "van " * 62 + "Dijk", "Senior " + "x" * 215
    profile = tmp_path / "p.yaml"
    text = (PROFILES / "ahmet-yilmaz.yaml").read_text("utf-8")
    text = text.replace("  name: Ahmet Yılmaz", f"  name: {name}").replace("  role: ", f"  role: {role} # ", 1)
    profile.write_text(text, "utf-8")
    path = generate(profile, options=RunOptions(today=TODAY, formats=("docx",)), out_dir=tmp_path / "out").paths[0]
    document = Document(str(path))
    assert len(name) > 255 and len(document.core_properties.author) == 255
    assert len(document.core_properties.title) <= 255 and len(document.core_properties.subject) <= 255
    assert role in docx_text(document)
