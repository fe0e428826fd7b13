"""The pack as a Word document a coach can edit: real styles, so it navigates by headings.

Built with python-docx on its default template (Heading 1-3, List Bullet, List Number, Quote,
Title, table styles). A few things python-docx has no API for (fields for the table of
contents and page numbers, repeating table header rows, paragraph borders) are small, well-known
pieces of WordprocessingML added directly.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from generator.atomic import inside, write_atomic
from generator.brand import Brand, colours_of
from generator.document import Block, Card, Chart, Heading, ItemList, Lines, Pack, Para, Table
from generator.render.docx_base import base_document, restart_numbering

RASTER_LOGOS = ("image/png", "image/jpeg")  # Word takes these; an SVG logo shows as the agency name
# Our paragraph styles for the kinds of paragraph the HTML colours: (name, italic, colour).
CUSTOM_STYLES = {
    "prompt": ("Prompt", True, RGBColor(0x9A, 0x4A, 0x00)),
    "warning": ("Warning", False, RGBColor(0x9A, 0x4A, 0x00)),
    "tip": ("Tip", False, RGBColor(0x2F, 0x6B, 0x33)),
    "note": ("Small Note", False, RGBColor(0x5B, 0x65, 0x70)),
    "lead": ("Lead", False, RGBColor(0x1D, 0x23, 0x2B)),
}


def _field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
    """Insert a Word field (PAGE, NUMPAGES, TOC ...) that Word computes when it opens the file."""
    for kind, text in (("begin", None), ("instr", instruction), ("separate", None), ("text", placeholder),
                       ("end", None)):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text or ""
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                element.set(qn("w:dirty"), "true")
        run._r.append(element)


def _bottom_border(paragraph: Paragraph, colour: str = "C9D3DD") -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", colour)):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p_pr.append(borders)


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


@dataclass
class _Look:
    """What one document looks like: its colours, its brand, and which lists need typed bullets."""

    primary: RGBColor
    accent: RGBColor
    brand: Brand | None = None
    typed_bullets: set[str] = field(default_factory=set)
    own_styles: bool = True  # False when an agency's reference .docx sets the styles


def _setup_styles(doc: DocxDocument, look: _Look) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    if look.own_styles:
        normal.font.name = "Inter"
        normal.font.size = Pt(10)
        normal.paragraph_format.space_after = Pt(5)
    for level, size in ((1, 16), (2, 12.5), (3, 11)):
        style = styles[f"Heading {level}"]
        style.paragraph_format.keep_with_next = True
        if look.own_styles:
            style.font.color.rgb = look.primary
            style.font.size = Pt(size)
            style.font.name = "Inter"
    for name, italic, colour in CUSTOM_STYLES.values():
        if name in [s.name for s in styles]:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.italic = italic
        style.font.color.rgb = colour
        if name == "Small Note":
            style.font.size = Pt(8)
        if name == "Lead":
            style.font.size = Pt(11)
        else:
            style.paragraph_format.left_indent = Cm(0.4)


def _settings(doc: DocxDocument, lang: str) -> None:
    """Ask Word to refresh fields (the table of contents) on open, and set the proofing language."""
    settings = doc.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
    r_pr_default = doc.styles.element.find(qn("w:docDefaults"))
    if r_pr_default is not None:
        r_pr = r_pr_default.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if r_pr is not None:
            lang_el = OxmlElement("w:lang")
            lang_el.set(qn("w:val"), "nl-NL" if lang == "nl" else "en-GB")
            r_pr.append(lang_el)


def _has_field(part_element, name: str) -> bool:
    """True when a header or footer already holds a field such as PAGE (from a reference .docx)."""
    instructions = part_element.iter(qn("w:instrText"))
    simple = part_element.iter(qn("w:fldSimple"))
    return any(name in (i.text or "") for i in instructions) or any(name in (f.get(qn("w:instr")) or "")
                                                                    for f in simple)


def _logo_run(paragraph: Paragraph, brand: Brand | None, height: Cm) -> bool:
    """Put the brand's logo in a paragraph when Word can show it (PNG or JPEG)."""
    if not brand or not brand.logo or brand.logo_type not in RASTER_LOGOS:
        return False
    paragraph.add_run().add_picture(io.BytesIO(brand.logo), height=height)
    return True


def _header_footer(doc: DocxDocument, pack: Pack, look: _Look) -> None:
    """Running header (brand, candidate, company) and a footer with the brand line and page X of Y."""
    section = doc.sections[-1]
    section.different_first_page_header_footer = False
    brand = look.brand
    header = section.header.paragraphs[0]
    if header.text.strip() or header._p.xpath(".//w:drawing"):
        header = section.header.add_paragraph()  # keep what a reference document put there
    if _logo_run(header, brand, Cm(0.7)):
        header.add_run("   ")
    elif brand:
        header.add_run(f"{brand.name}   ").bold = True
    header.add_run(f"{pack.candidate} · {pack.company}").font.size = Pt(8)
    if brand:
        line = section.footer.paragraphs[0]
        if line.text.strip():
            line = section.footer.add_paragraph()
        run = line.add_run(brand.name + (f" · {brand.footer}" if brand.footer else ""))
        run.font.size = Pt(8)
        run.font.color.rgb = look.primary
    if _has_field(section.footer._element, "PAGE"):
        return
    footer = section.footer.add_paragraph() if brand else section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run(f"{pack.labels['page'].capitalize()} ")
    _field(footer, "PAGE", "1")
    footer.add_run(f" {pack.labels['of']} ")
    _field(footer, "NUMPAGES", "1")


def _add_text(paragraph: Paragraph, text: str) -> None:
    """Add text keeping its line breaks as Word line breaks."""
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        paragraph.add_run(line)


def _list(doc: DocxDocument, block: ItemList, look: _Look) -> None:
    style = {"bullet": "List Bullet", "number": "List Number"}.get(block.style, "Normal")
    typed = style in look.typed_bullets
    paragraphs = []
    for number, item in enumerate(block.items, start=1):
        paragraph = doc.add_paragraph(style=style)
        paragraphs.append(paragraph)
        if typed:
            paragraph.add_run("•  " if block.style == "bullet" else f"{number}.  ")
        if block.style == "check":
            paragraph.add_run("☐  ").font.color.rgb = look.primary
        if item.label:
            label = item.label
            if block.style in ("bullet", "number", "facts", "plain") and item.text and label[-1] not in ":?.!":
                label += ":"
            paragraph.add_run(label + (" " if item.text else "")).bold = True
        if block.style == "check" and item.text:
            _add_text(paragraph, "— " + item.text)
        else:
            _add_text(paragraph, item.text)
        if item.note:
            note = paragraph.add_run(f"  ({item.note})" if block.style != "check" else f"  [{item.note}]")
            note.font.color.rgb = look.primary
            note.bold = block.style == "check"
    if style == "List Number" and not typed:
        restart_numbering(doc, paragraphs)


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def _table(doc: DocxDocument, block: Table, look: _Look) -> None:
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _repeat_header(table.rows[0])
    small = Pt(8) if len(block.header) > 4 else Pt(9)
    for cell, text in zip(table.rows[0].cells, block.header):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = small
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        shading = OxmlElement("w:shd")
        for key, value in (("val", "clear"), ("color", "auto"), ("fill", str(look.primary))):
            shading.set(qn(f"w:{key}"), value)
        cell._tc.get_or_add_tcPr().append(shading)
    for row in block.rows:
        cells = table.add_row().cells
        for index, (cell, text) in enumerate(zip(cells, row.cells)):
            paragraph = cell.paragraphs[0]
            for line_no, line in enumerate(text.split("\n")):
                if line_no:
                    paragraph = cell.add_paragraph()
                run = paragraph.add_run(line)
                run.font.size = small
                if row.emphasis == "gap":
                    run.font.color.rgb = RGBColor(0x9A, 0x4A, 0x00)
                if row.emphasis == "best" and index == 0:
                    run.bold = True
            if block.numeric and block.numeric[index]:
                for p in cell.paragraphs:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if block.widths:
        total = Cm(17)
        for row in table.rows:
            for cell, width in zip(row.cells, block.widths):
                cell.width = int(total * width)
    doc.add_paragraph()


def _block(doc: DocxDocument, block: Block, look: _Look) -> None:
    if isinstance(block, Para):
        style = "Quote" if block.style == "quote" else CUSTOM_STYLES.get(block.style, ("Normal",))[0]
        _add_text(doc.add_paragraph(style=style), block.text)
    elif isinstance(block, Heading):
        doc.add_heading(block.text, level=min(block.level, 3))
    elif isinstance(block, ItemList):
        _list(doc, block, look)
    elif isinstance(block, Table):
        _table(doc, block, look)
    elif isinstance(block, Card):
        title = block.title + (f" ({block.badge})" if block.badge else "")
        doc.add_heading(title, level=3)
        if block.subtitle:
            doc.add_paragraph(block.subtitle, style="Small Note")
        for inner in block.blocks:
            _block(doc, inner, look)
    elif isinstance(block, Chart):
        doc.add_picture(io.BytesIO(block.png), width=Cm(16))
        doc.add_paragraph(block.alt, style="Small Note")
    elif isinstance(block, Lines):
        for _ in range(block.count):
            _bottom_border(doc.add_paragraph())


def _cover(doc: DocxDocument, pack: Pack, look: _Look) -> None:
    brand = look.brand
    if brand:
        agency = doc.add_paragraph()
        if not _logo_run(agency, brand, Cm(1.6)):
            run = agency.add_run(brand.name.upper())
            run.bold = True
            run.font.color.rgb = look.primary
        if brand.contact:
            doc.add_paragraph(f"{brand.name} · {brand.contact}", style="Small Note")
    kicker = doc.add_paragraph(pack.title.upper())
    kicker.runs[0].font.color.rgb = look.accent
    kicker.runs[0].bold = True
    doc.add_paragraph(pack.candidate, style="Title")
    subtitle = doc.add_paragraph(style="Subtitle")
    subtitle.add_run(f"{pack.role} {pack.labels['at']} {pack.company}")
    countdown = doc.add_paragraph()
    run = countdown.add_run(pack.countdown)
    run.bold = True
    run.font.color.rgb = look.accent
    run.font.size = Pt(13)
    for fact in pack.cover_facts:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{fact.label}: ").bold = True
        paragraph.add_run(fact.value)
    if pack.vacancy_url:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{pack.labels['vacancy']}: ").bold = True
        paragraph.add_run(pack.vacancy_url)
    doc.add_paragraph(pack.made_on, style="Small Note")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def docx_bytes(pack: Pack, brand: Brand | None = None) -> bytes:
    """Build the Word document in memory, on the brand's reference document when it has one."""
    doc, typed_bullets = base_document(brand.reference_docx if brand else None)
    primary, accent = colours_of(brand)
    look = _Look(_rgb(primary), _rgb(accent),
                 brand, typed_bullets, own_styles=not (brand and brand.reference_docx))
    _setup_styles(doc, look)
    _settings(doc, pack.lang)
    props = doc.core_properties
    props.title = f"{pack.title}: {pack.role}, {pack.company}"
    props.author = pack.candidate
    props.subject = f"{pack.role} · {pack.company}"
    props.language = "nl-NL" if pack.lang == "nl" else "en-GB"
    props.keywords = "prep-pack"
    made = dt.datetime.combine(pack.schedule.today, dt.time(0, 0))
    props.created = props.modified = made  # the pack's date, not the clock: identical input, identical file
    props.last_modified_by = "prep-pack"
    if look.own_styles:
        section = doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2)
    _header_footer(doc, pack, look)
    _cover(doc, pack, look)

    doc.add_heading(pack.labels["summary"], level=1)
    for block in pack.summary:
        _block(doc, block, look)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading(pack.labels["contents"], level=1)
    _field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', pack.labels["contents"] + " …")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    for number, chapter in enumerate(pack.sections, start=1):
        if chapter.page_break:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(f"{number}. {chapter.title}", level=1)
        for block in chapter.blocks:
            _block(doc, block, look)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable_zip(buffer.getvalue(), pack.schedule.today)


def _stable_zip(data: bytes, day: dt.date) -> bytes:
    """The same .docx with every zip entry dated `day`, so identical input gives identical bytes."""
    stamp = (day.year, day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()


def render_docx(pack: Pack, out_dir: Path, brand: Brand | None = None) -> Path:
    """Write `<slug>.docx` into `out_dir` and return its path."""
    return write_atomic(inside(out_dir, f"{pack.slug}.docx"), docx_bytes(pack, brand))
