"""The pack as a Word document a coach can edit: real styles, so it navigates by headings.

Built with python-docx on its default template (Heading 1-3, List Bullet, List Number, Quote,
Title, table styles). A few things python-docx has no API for (fields for the table of
contents and page numbers, repeating table header rows, paragraph borders) are small, well-known
pieces of WordprocessingML added directly.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from generator.atomic import inside, write_atomic
from generator.document import Block, Card, Chart, Heading, ItemList, Lines, Pack, Para, Table

PRIMARY = RGBColor(0x1F, 0x4E, 0x79)
ACCENT = RGBColor(0xE0, 0x7A, 0x2F)
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


def _setup_styles(doc: DocxDocument) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name = "Inter"
    normal.font.size = Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    for level, size in ((1, 16), (2, 12.5), (3, 11)):
        style = styles[f"Heading {level}"]
        style.font.color.rgb = PRIMARY
        style.font.size = Pt(size)
        style.font.name = "Inter"
        style.paragraph_format.keep_with_next = True
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


def _header_footer(doc: DocxDocument, pack: Pack) -> None:
    section = doc.sections[-1]
    section.different_first_page_header_footer = False
    header = section.header.paragraphs[0]
    header.text = f"{pack.candidate} · {pack.company}"
    header.style.font.size = Pt(8)
    footer = section.footer.paragraphs[0]
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


def _list(doc: DocxDocument, block: ItemList) -> None:
    style = {"bullet": "List Bullet", "number": "List Number"}.get(block.style, "Normal")
    for item in block.items:
        paragraph = doc.add_paragraph(style=style)
        if block.style == "check":
            paragraph.add_run("☐  ").font.color.rgb = PRIMARY
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
            note.font.color.rgb = PRIMARY
            note.bold = block.style == "check"


def _repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)


def _table(doc: DocxDocument, block: Table) -> None:
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


def _block(doc: DocxDocument, block: Block) -> None:
    if isinstance(block, Para):
        style = "Quote" if block.style == "quote" else CUSTOM_STYLES.get(block.style, ("Normal",))[0]
        _add_text(doc.add_paragraph(style=style), block.text)
    elif isinstance(block, Heading):
        doc.add_heading(block.text, level=min(block.level, 3))
    elif isinstance(block, ItemList):
        _list(doc, block)
    elif isinstance(block, Table):
        _table(doc, block)
    elif isinstance(block, Card):
        title = block.title + (f" ({block.badge})" if block.badge else "")
        doc.add_heading(title, level=3)
        if block.subtitle:
            doc.add_paragraph(block.subtitle, style="Small Note")
        for inner in block.blocks:
            _block(doc, inner)
    elif isinstance(block, Chart):
        doc.add_picture(io.BytesIO(block.png), width=Cm(16))
        doc.add_paragraph(block.alt, style="Small Note")
    elif isinstance(block, Lines):
        for _ in range(block.count // 2):
            _bottom_border(doc.add_paragraph())


def _cover(doc: DocxDocument, pack: Pack) -> None:
    kicker = doc.add_paragraph(pack.title.upper())
    kicker.runs[0].font.color.rgb = ACCENT
    kicker.runs[0].bold = True
    doc.add_paragraph(pack.candidate, style="Title")
    subtitle = doc.add_paragraph(style="Subtitle")
    subtitle.add_run(f"{pack.role} {pack.labels['at']} {pack.company}")
    countdown = doc.add_paragraph()
    run = countdown.add_run(pack.countdown)
    run.bold = True
    run.font.color.rgb = ACCENT
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


def docx_bytes(pack: Pack) -> bytes:
    """Build the Word document in memory."""
    doc = Document()
    _setup_styles(doc)
    _settings(doc, pack.lang)
    props = doc.core_properties
    props.title = f"{pack.title}: {pack.role}, {pack.company}"
    props.author = pack.candidate
    props.subject = f"{pack.role} · {pack.company}"
    props.language = "nl-NL" if pack.lang == "nl" else "en-GB"
    props.keywords = "prep-pack"
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2)
    _header_footer(doc, pack)
    _cover(doc, pack)

    doc.add_heading(pack.labels["summary"], level=1)
    for block in pack.summary:
        _block(doc, block)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_heading(pack.labels["contents"], level=1)
    _field(doc.add_paragraph(), 'TOC \\o "1-3" \\h \\z \\u', pack.labels["contents"] + " …")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    for number, chapter in enumerate(pack.sections, start=1):
        if chapter.page_break:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        doc.add_heading(f"{number}. {chapter.title}", level=1)
        for block in chapter.blocks:
            _block(doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render_docx(pack: Pack, out_dir: Path) -> Path:
    """Write `<slug>.docx` into `out_dir` and return its path."""
    return write_atomic(inside(out_dir, f"{pack.slug}.docx"), docx_bytes(pack))
