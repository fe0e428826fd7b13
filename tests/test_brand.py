"""Brand files: checked like a profile, files only from their own folder, applied to PDF, HTML, DOCX."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from docx import Document

from generator.brand import load_brand
from generator.errors import InputError
from tests.conftest import PROFILES, TODAY, docx_text, pdf_text
from tests.test_cli import run

LOGO = (PROFILES / "agency" / "logo.png").read_bytes()
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="10"><rect width="40" height="10" fill="#123"/></svg>'


def brand_dir(tmp_path: Path, text: str, files: dict[str, bytes] | None = None) -> Path:
    folder = tmp_path / "brand"
    folder.mkdir(exist_ok=True)
    for name, data in (files or {"logo.png": LOGO}).items():
        (folder / name).write_bytes(data)
    (folder / "brand.yaml").write_text(text, "utf-8")
    return folder / "brand.yaml"


def problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_brand(path)
    return [str(p) for p in caught.value.in_language("en").problems]  # a brand file has no language of its own


def test_a_good_brand_is_read_whole(tmp_path):
    path = brand_dir(tmp_path, "name: Werving Oost\nlogo: logo.png\nprimary: '#0F7'\naccent: '#D97706'\n"
                               "footer: Vertrouwelijk\ncontact: 020 123 45 67\n")
    brand = load_brand(path)
    assert (brand.name, brand.primary, brand.accent) == ("Werving Oost", "#00ff77", "#d97706")
    assert brand.logo == LOGO and brand.logo_type == "image/png"
    # the hash changes with the logo, so --resume notices a new logo
    before = brand.digest
    (path.parent / "logo.png").write_bytes(LOGO + b"\0")
    assert load_brand(path).digest != before


@pytest.mark.parametrize("logo, message", [
    ("../secret.png", "outside the brand file's folder"),
    ("/etc/passwd", "outside the brand file's folder"),
    ("logo.gif", "must be one of these kinds"),
    ("missing.png", "does not exist"),
    ("fake.png", "is not really a PNG image"),
    ("link.png", "outside the brand file's folder"),
])
def test_logo_must_be_a_real_image_inside_the_folder(tmp_path, logo, message):
    (tmp_path / "secret.png").write_bytes(LOGO)
    path = brand_dir(tmp_path, f"name: X\nlogo: {logo}\n",
                     {"logo.gif": b"GIF89a", "fake.png": b"%PDF-1.7 not a png"})
    os.symlink(tmp_path / "secret.png", path.parent / "link.png")
    found = problems(path)
    assert len(found) == 1 and found[0].startswith(f"{path}:2:7: logo: ") and message in found[0]


def test_every_brand_problem_is_reported_at_once(tmp_path):
    path = brand_dir(tmp_path, "name: X\nprimary: blue\naccent: '#12345'\nfooter_text: y\nreference_docx: x.docx\n",
                     {"x.docx": b"not a zip"})
    found = problems(path)
    assert [f.split(": ")[1] for f in found] == ["primary", "accent", "footer_text"]
    # the reference document is only looked at once the keys are right
    fixed = brand_dir(tmp_path, "name: X\nreference_docx: x.docx\n", {"x.docx": b"not a zip"})
    assert "is not a Word .docx document that can be opened" in problems(fixed)[0]


def test_damaged_logo_and_word_template_are_refused_up_front(tmp_path):
    """Files that only look right (a PNG signature then junk, a .dotx renamed .docx) would break
    every Word file later; they are refused when the brand is read."""
    template = Document()
    buffer = io.BytesIO()
    template.save(buffer)
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            target.writestr(info, data)
    path = brand_dir(tmp_path, "name: X\nlogo: logo.png\nreference_docx: huisstijl.docx\n",
                     {"logo.png": LOGO[:40] + b"junk" * 10, "huisstijl.docx": out.getvalue()})
    found = problems(path)
    assert [f.split(": ")[1] for f in found] == ["logo", "reference_docx"]
    assert "damaged" in found[0] and ".dotx" in found[1]


def test_bad_brand_is_exit_2_before_anything_is_written(tmp_path):
    path = brand_dir(tmp_path, "name: X\nlogo: ../../../etc/passwd\n")
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "-o", str(tmp_path / "out"),
                 "--brand", str(path), "--format", "html")
    assert result.returncode == 2 and f"{path}:2:7: logo:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def branded(tmp_path_factory):
    """Sanne's pack with the example agency brand, as PDF, DOCX and HTML."""
    from tests.conftest import render

    out = tmp_path_factory.mktemp("branded")
    brand = load_brand(PROFILES / "agency" / "brand.yaml")
    return brand, render(PROFILES / "sanne-de-vries.yaml", out, ("pdf", "docx", "html"), brand=brand)


def test_brand_is_on_every_pdf_page(branded):
    from pypdf import PdfReader

    brand, pack = branded
    pages = PdfReader(str(pack.paths["pdf"])).pages
    for number, page in enumerate(pages, start=1):
        text = " ".join((page.extract_text() or "").split())
        assert brand.name.casefold() in text.casefold(), f"page {number} lacks the agency name"
    assert brand.footer in " ".join(pdf_text(pack.paths["pdf"])[0].split())
    assert brand.contact in pack.html


def test_brand_colours_and_logo_in_html(branded):
    brand, pack = branded
    assert f"--primary: {brand.primary}" in pack.html and f"--accent: {brand.accent}" in pack.html
    assert pack.html.count("data:image/png;base64,") == 2  # cover and the running mark


def test_brand_in_word_header_footer_and_cover(branded):
    brand, pack = branded
    doc = pack.docx
    section = doc.sections[0]
    assert section.header._element.xpath(".//pic:pic")  # the logo in the header
    assert brand.name in section.footer.paragraphs[0].text and brand.footer in section.footer.paragraphs[0].text
    assert "PAGE" in section.footer._element.xml
    assert brand.contact in pack.docx_text
    assert str(doc.styles["Heading 1"].font.color.rgb) == brand.primary.lstrip("#").upper()


def _reference_without_lists() -> bytes:
    """A reference document like one saved from Word: no List Bullet / List Number, its own font."""
    doc = Document()
    for name in ("List Bullet", "List Number", "Heading 3"):
        element = doc.styles[name].element
        element.getparent().remove(element)
    doc.styles["Normal"].font.name = "Georgia"
    doc.sections[0].header.paragraphs[0].text = "Agency letterhead"
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def test_reference_docx_styles_are_used_and_missing_ones_fall_back(tmp_path):
    path = brand_dir(tmp_path, "name: Werving Oost\nlogo: logo.svg\nreference_docx: huisstijl.docx\n",
                     {"logo.svg": SVG, "huisstijl.docx": _reference_without_lists()})
    out = tmp_path / "out"
    result = run("generate", str(PROFILES / "sanne-de-vries.yaml"), "-o", str(out), "--brand", str(path),
                 "--format", "docx,html", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    doc = Document(str(out / "sanne-de-vries_zorggroep-noord.docx"))
    assert doc.styles["Normal"].font.name == "Georgia"
    header = doc.sections[0].header
    assert header.paragraphs[0].text == "Agency letterhead"     # kept
    assert "Werving Oost" in header._element.xml                 # an SVG logo becomes the name in Word
    bullets = [p for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets and all(p.text.startswith("•") for p in bullets)
    assert any(p.style.name == "Heading 3" for p in doc.paragraphs)
    assert "Conflicthantering" in docx_text(doc)
    html = (out / "sanne-de-vries_zorggroep-noord.html").read_text("utf-8")
    assert "data:image/svg+xml;base64," in html


def test_a_logo_or_reference_that_costs_too_much_to_open_is_refused(tmp_path):
    """A small PNG of 9000 x 9000 pixels, or a .docx that unpacks to gigabytes, is refused up front."""
    import zipfile

    from PIL import Image

    Image.new("1", (9000, 9000)).save(tmp_path / "huge.png")
    assert (tmp_path / "huge.png").stat().st_size < 1024 * 1024
    reference = io.BytesIO()
    Document().save(reference)
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as bomb, \
            zipfile.ZipFile(io.BytesIO(reference.getvalue())) as real:
        for item in real.infolist():
            bomb.writestr(item, real.read(item))
        bomb.writestr("word/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    (tmp_path / "brand.yaml").write_text("name: X\nlogo: huge.png\nreference_docx: bomb.docx\n", "utf-8")
    with pytest.raises(InputError) as caught:
        load_brand(tmp_path / "brand.yaml")
    text = str(caught.value.in_language("en"))
    assert "'huge.png' is 9000 x 9000 pixels, more than the 25,000,000 pixels accepted" in text
    assert "'bomb.docx' unpacks to" in text and "more than the 52,428,800 accepted" in text


def test_a_reference_without_page_settings_still_makes_a_word_file(tmp_path):
    """A .docx whose body has no section properties (some tools write them so) used to crash Word output."""
    import re
    import zipfile

    plain = io.BytesIO()
    Document().save(plain)
    with zipfile.ZipFile(tmp_path / "ref.docx", "w") as out, zipfile.ZipFile(io.BytesIO(plain.getvalue())) as src:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = re.sub(rb"<w:sectPr.*?</w:sectPr>", b"", data, flags=re.S)
            out.writestr(item, data)
    (tmp_path / "brand.yaml").write_text("name: Bureau\nreference_docx: ref.docx\n", "utf-8")
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "--brand", str(tmp_path / "brand.yaml"),
                 "--format", "docx", "-o", str(tmp_path / "out"), "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    assert "Maasland Logistics" in docx_text(Document(next((tmp_path / "out").glob("*.docx"))))


def test_external_links_in_a_reference_header_are_not_carried_into_packs(tmp_path):
    """A `file:///` hyperlink in the agency's header would travel in every candidate's Word file."""
    import zipfile

    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    reference = Document()
    header = reference.sections[0].header
    paragraph = header.paragraphs[0]
    r_id = header.part.relate_to("file:///etc/passwd", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    run_element = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Bureau Oost"
    run_element.append(text)
    link.append(run_element)
    paragraph._p.append(link)
    reference.save(tmp_path / "ref.docx")
    (tmp_path / "brand.yaml").write_text("name: Bureau Oost\nreference_docx: ref.docx\n", "utf-8")
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "--brand", str(tmp_path / "brand.yaml"),
                 "--format", "docx", "-o", str(tmp_path / "out"), "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(next((tmp_path / "out").glob("*.docx"))) as archive:
        everything = b"".join(archive.read(name) for name in archive.namelist())
    assert b"file:///" not in everything and b"/etc/passwd" not in everything


def test_macros_and_an_attached_template_of_a_reference_are_not_carried_into_packs(tmp_path):
    """A macro-enabled reference with a template on a web server: every candidate's Word file
    would carry the macros and fetch the template when opened. Only styles and page set-up come along."""
    import zipfile

    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    reference = Document()
    settings = reference.part._settings_part
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    r_id = settings.relate_to("http://evil.example/agency.dotm", office + "attachedTemplate", is_external=True)
    attached = OxmlElement("w:attachedTemplate")
    attached.set(qn("r:id"), r_id)
    settings.element.append(attached)
    macros = Part(PackURI("/word/vbaProject.bin"), "application/vnd.ms-office.vbaProject", b"Attribute VB_Name",
                  reference.part.package)
    reference.part.relate_to(macros, "http://schemas.microsoft.com/office/2006/relationships/vbaProject")
    reference.save(tmp_path / "ref.docx")
    with zipfile.ZipFile(tmp_path / "ref.docx") as archive:  # the reference really has both
        assert "word/vbaProject.bin" in archive.namelist()
        assert b"evil.example" in archive.read("word/_rels/settings.xml.rels")
    (tmp_path / "brand.yaml").write_text("name: Bureau Oost\nreference_docx: ref.docx\n", "utf-8")
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "--brand", str(tmp_path / "brand.yaml"),
                 "--format", "docx", "-o", str(tmp_path / "out"), "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(next((tmp_path / "out").glob("*.docx"))) as archive:
        names = archive.namelist()
        everything = b"".join(archive.read(name) for name in names)
    assert not [name for name in names if "vba" in name.lower()]
    assert b"evil.example" not in everything and b"vbaProject" not in everything
    assert b"attachedTemplate" not in everything
