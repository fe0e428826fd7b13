"""The PDF as a professional hands it over: tagged, described, navigable, laid out without breakage."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import PROFILES, TODAY
from tests.test_cli import run

SECTIONS_NL = ["Waar dit tweede gesprek om draait", "Wie je gaat spreken", "Je STARR-voorbeelden",
               "Vragen die je kunt stellen", "Na het gesprek", "Aantekeningen"]


def reader(pack) -> PdfReader:
    return PdfReader(str(pack.paths["pdf"]))


@pytest.mark.parametrize("who, lang", [("sanne", "nl"), ("liam", "en")])
def test_pdf_is_tagged_with_language_and_metadata(who, lang, request):
    pack = request.getfixturevalue(who)
    pdf = reader(pack)
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == lang
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root
    info = pdf.metadata
    assert pack.profile.stem.split("-")[0].capitalize() in info["/Author"]
    assert info["/Title"].endswith((", Zorggroep Noord", ", Kestrel & Finch B.V.")) and info["/Subject"]
    assert b"pdfuaid:part" in pdf.trailer["/Root"]["/Metadata"].get_object().get_data()


@pytest.mark.parametrize("who", ["sanne", "liam"])
def test_pdf_passes_qpdf_check(who, request):
    pack = request.getfixturevalue(who)
    check = subprocess.run(["qpdf", "--check", str(pack.paths["pdf"])], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


def test_every_section_has_a_bookmark_in_order(sanne):
    pdf = reader(sanne)

    def titles(outline):
        for entry in outline:
            if isinstance(entry, list):
                yield from titles(entry)
            else:
                yield entry.title

    marks = list(titles(pdf.outline))
    positions = [next(i for i, m in enumerate(marks) if title in m) for title in SECTIONS_NL]
    assert positions == sorted(positions)
    assert len([m for m in marks if m[:2].rstrip(".").strip().isdigit() or m[0].isdigit()]) >= 13


def test_text_extracts_in_reading_order(sanne):
    text = " ".join(sanne.pdf_text.split())
    body = text[text.index("Waar dit tweede gesprek om draait", text.index("Aantekeningen")):]
    positions = [body.find(title) for title in SECTIONS_NL]
    assert -1 not in positions and positions == sorted(positions)


def test_running_headers_and_page_x_of_y(sanne):
    pdf = reader(sanne)
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages[1:], start=2):  # the cover has none
        text = page.extract_text()
        assert "Sanne de Vries · Zorggroep Noord" in text
        assert f"{number} / {total}" in text


def _layout(pack):
    """WeasyPrint's laid-out pages of a pack (the same HTML, stylesheet and fonts as the PDF)."""
    from weasyprint import HTML

    from generator.options import RunOptions
    from generator.render.assets import Assets
    from generator.render.html import pack_html  # noqa: F401 - same template as the PDF

    assets = Assets(RunOptions(today=TODAY))
    html = pack.paths["html"].read_text("utf-8")
    return HTML(string=html, base_url=str(assets.dirs[0]) + "/", url_fetcher=assets.fetcher).render(
        font_config=assets.font_config)


def _boxes(box):
    yield box
    for child in getattr(box, "children", []) or []:
        yield from _boxes(child)


@pytest.fixture(scope="module")
def layouts(sanne, liam):
    return {"sanne": _layout(sanne), "liam": _layout(liam)}


@pytest.mark.parametrize("who", ["sanne", "liam"])
def test_no_heading_is_left_alone_at_the_bottom_of_a_page(layouts, who):
    for number, page in enumerate(layouts[who].pages, start=1):
        boxes = [b for b in _boxes(page._page_box) if getattr(b, "element_tag", None)]
        headings = [b for b in boxes if b.element_tag in ("h1", "h2", "h3") and b.height]
        for heading in headings:
            below = [b for b in boxes if b.element_tag in ("p", "li", "tr", "figure", "div", "dl")
                     and b.position_y >= heading.position_y + heading.height - 0.5 and b.height]
            assert below, f"{who}: page {number} ends with the heading {heading.element.text_content()!r}"


@pytest.mark.parametrize("who", ["sanne", "liam"])
def test_table_rows_never_split_and_tables_fit_the_page(layouts, who):
    seen: dict[int, int] = {}
    for number, page in enumerate(layouts[who].pages, start=1):
        page_box = page._page_box
        right = page_box.margin_width() - page_box.margin_right
        for box in _boxes(page_box):
            for row in (getattr(box, "children", None) or []) if getattr(box, "element_tag", None) == "tbody" else []:
                key = id(row.element)  # header rows repeat on every page on purpose: only body rows count
                assert seen.setdefault(key, number) == number, f"{who}: a table row is split over pages"
            if getattr(box, "element_tag", None) in ("table", "td", "th"):
                assert box.position_x + box.margin_width() <= right + 1, f"{who}: page {number} overflows"
    assert len(seen) >= 5  # the skills matrix and the offer table were looked at


def test_pdf_a_for_archiving(tmp_path):
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "-o", str(tmp_path), "--format", "pdf",
                 "--pdf-variant", "pdf/a-3b", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    pdf = PdfReader(result.stdout.strip())
    xmp = pdf.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in xmp and b"<pdfaid:conformance>B</pdfaid:conformance>" in xmp.replace(b" ", b"") \
        or b'pdfaid:conformance="B"' in xmp
    assert "/StructTreeRoot" in pdf.trailer["/Root"]  # still tagged


NAMES = {"Arabic": "ليلى حداد", "Turkish": "Ağrı Şükrü Yılmaz", "Polish": "Łukasz Żółć",
         "Chinese": "王小明", "Cyrillic": "Ольга Петрова"}


def test_names_in_other_scripts_have_glyphs(tmp_path):
    """Each name is drawn by a font that has its letters (no empty boxes), and extracts as typed."""
    people = "".join(f"      - name: {name}\n        role: {script}\n" for script, name in NAMES.items())
    profile = tmp_path / "world.yaml"
    profile.write_text(
        "language: en\ncandidate:\n  name: Zoë Ağaoğlu-Wiśniewska\napplication:\n  company: Ünal & Łódź B.V.\n"
        "  role: Analyst\n  second_interview:\n    date: 2026-12-10\n    interviewers:\n" + people, "utf-8")
    result = run("generate", str(profile), "-o", str(tmp_path / "out"), "--format", "pdf", "--today", "2026-11-26")
    assert result.returncode == 0, result.stderr
    pdf = Path(result.stdout.strip())
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Inter" in fonts
    names = fonts.replace("-", "").replace(" ", "")
    assert "NotoSansArabic" in names or "NotoNaskhArabic" in names
    assert "WenQuanYi" in fonts
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    for script, name in NAMES.items():
        if script != "Arabic":  # right-to-left text extracts in visual order
            assert name in text, script


def test_long_unbroken_text_is_laid_out_quickly_and_kept_whole(tmp_path):
    """Four 20,000-character words (a pasted hash, a key held down) took minutes; now seconds."""
    import time

    from generator.options import RunOptions
    from generator.pipeline import generate
    from tests.conftest import PROFILES, TODAY, pdf_text

    word = "abcdefghij" * 2_000
    text = (PROFILES / "ahmet-yilmaz.yaml").read_text("utf-8")
    added = f"\n  pitch: {word}\n  strengths: [{word}, {word}]"
    text = text.replace("  name: Ahmet Yılmaz", "  name: Ahmet Yılmaz" + added, 1)
    profile = tmp_path / "p.yaml"
    profile.write_text(text.replace("  current_role:", f"  current_role: {word} #", 1), "utf-8")
    started = time.perf_counter()
    path = generate(profile, options=RunOptions(today=TODAY, formats=("pdf",)), out_dir=tmp_path).paths[0]
    assert time.perf_counter() - started < 30
    shown = re.sub("[\u200b\u2010\n-]", "", pdf_text(path)[0])  # the breaks and hyphens of the layout
    assert "abcdefghij" * 40 in shown
