"""The pack's blocks as Word paragraphs, lists and tables, in real Word styles."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Row
from docx.text.paragraph import Paragraph

from generator.content.blocks import (
    Block,
    Card,
    Chart,
    Emphasis,
    Heading,
    Item,
    ItemList,
    Lines,
    ListStyle,
    Para,
    ParaStyle,
    Table,
)
from generator.render.chart import chart_png
from generator.render.docx.base import restart_numbering
from generator.render.docx.look import Look, bottom_border, rgb
from generator.render.docx.structure import checkbox

WORD_LISTS = {ListStyle.BULLET: "List Bullet", ListStyle.NUMBER: "List Number"}
LABELLED = (ListStyle.BULLET, ListStyle.NUMBER, ListStyle.FACTS, ListStyle.PLAIN)  # 'Label: text'


def add_text(paragraph: Paragraph, text: str) -> None:
    """Add text keeping its line breaks as Word line breaks."""
    for index, line in enumerate(text.split("\n")):
        if index:
            paragraph.add_run().add_break()
        paragraph.add_run(line)


def _list_item(paragraph: Paragraph, item: Item, style: ListStyle, look: Look) -> None:
    """One list entry: a checkbox for the plan, a bold label, the text and a note."""
    check = style == ListStyle.CHECK
    if check:
        checkbox(paragraph, str(look.primary))
    if item.label:
        label = item.label
        if style in LABELLED and item.text and label[-1] not in ":?.!":
            label += ":"
        paragraph.add_run(label + (" " if item.text else "")).bold = True
    add_text(paragraph, "— " + item.text if check and item.label and item.text else item.text)
    if item.note and not check and style in (ListStyle.BULLET, ListStyle.NUMBER):  # context: on a line below
        paragraph.add_run().add_break()
        note = paragraph.add_run(item.note)
        note.font.size = Pt(8.5)
        note.font.color.rgb = rgb(look.design.muted)
    elif item.note:
        note = paragraph.add_run(f"  [{item.note}]" if check else f"  ({item.note})")
        note.font.color.rgb = look.primary
        note.bold = check


def add_list(doc: DocxDocument, block: ItemList, look: Look) -> None:
    """A bulleted, numbered or checkbox list; numbered lists restart at 1."""
    style = WORD_LISTS.get(block.style, "Normal")
    typed = style in look.typed_bullets  # a reference document without numbering for this style
    paragraphs = []
    for number, item in enumerate(block.items, start=1):
        paragraph = doc.add_paragraph(style=style)
        paragraphs.append(paragraph)
        if typed:
            paragraph.add_run("•  " if block.style == ListStyle.BULLET else f"{number}.  ")
        _list_item(paragraph, item, block.style, look)
    if style == "List Number" and not typed:
        restart_numbering(doc, paragraphs)


def _repeat_header(row: _Row) -> None:
    """Repeat this row at the top of every page the table runs onto, and never split it."""
    tr_pr = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    tr_pr.append(marker)
    tr_pr.append(OxmlElement("w:cantSplit"))


def _header_row(row: _Row, header: list[str], size: Pt, look: Look) -> None:
    _repeat_header(row)
    for cell, text in zip(row.cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        run.font.size = size
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        shading = OxmlElement("w:shd")
        for key, value in (("val", "clear"), ("color", "auto"), ("fill", str(look.primary))):
            shading.set(qn(f"w:{key}"), value)
        cell._tc.get_or_add_tcPr().append(shading)


TABLE_WIDTH = Cm(17)
CHAR_WIDTH = 0.58  # an average character of the body font, in ems (bold headers a little wider)
CELL_PADDING = Pt(11)  # left and right margin of a cell together


def fitted_widths(block: Table, size: Pt) -> list[float]:
    """Column widths as shares of the table: each column at least as wide as its longest word
    (header or cell) so no word is broken, the rest shared as the block asks (or evenly).

    Word cannot hyphenate a header the way the PDF does, so the widths come from the content.
    """
    columns = len(block.header)
    longest = [max([len(word) * 1.1 for word in block.header[i].split()]
                   + [len(word) for row in block.rows for word in row.cells[i].split()], default=1)
               for i in range(columns)]
    need = [(chars * CHAR_WIDTH * size + CELL_PADDING) / TABLE_WIDTH for chars in longest]
    wish = block.widths or [1 / columns] * columns
    if sum(need) >= 1:
        return [n / sum(need) for n in need]
    spare = 1 - sum(need)
    return [n + spare * w / sum(wish) for n, w in zip(need, wish, strict=True)]


def _set_widths(table: DocxTable, shares: list[float]) -> None:
    """Word reads the cells' widths and LibreOffice the grid's: set both, and switch autofit off."""
    table.autofit = False
    for column, share in zip(table.columns, shares, strict=True):
        column.width = int(TABLE_WIDTH * share)
    for row in table.rows:
        for cell, share in zip(row.cells, shares, strict=True):
            cell.width = int(TABLE_WIDTH * share)


def add_table(doc: DocxDocument, block: Table, look: Look) -> None:
    """A table with a repeating, coloured header row; figures right-aligned."""
    table = doc.add_table(rows=1, cols=len(block.header))
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    small = Pt(8) if len(block.header) > 4 else Pt(9)
    _header_row(table.rows[0], block.header, small, look)
    for row in block.rows:
        added = table.add_row()
        added._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # an offer's row stays on one page
        for index, (cell, text) in enumerate(zip(added.cells, row.cells, strict=True)):
            paragraph = cell.paragraphs[0]
            for line_no, line in enumerate(text.split("\n")):
                if line_no:
                    paragraph = cell.add_paragraph()
                run = paragraph.add_run(line)
                run.font.size = small
                if row.emphasis == Emphasis.GAP:
                    run.font.color.rgb = rgb(look.design.warn)
                run.bold = True if row.emphasis == Emphasis.BEST and index == 0 else None
            if block.numeric and block.numeric[index]:
                for p in cell.paragraphs:
                    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _set_widths(table, fitted_widths(block, small))
    doc.add_paragraph()


def _add_card(doc: DocxDocument, card: Card, look: Look) -> None:
    doc.add_heading(card.title + (f" ({card.badge})" if card.badge else ""), level=3)
    if card.subtitle:
        doc.add_paragraph(card.subtitle, style="Small Note")
    for inner in card.blocks:
        add_block(doc, inner, look)


def add_block(doc: DocxDocument, block: Block, look: Look) -> None:
    """Draw any block of the view model."""
    if isinstance(block, Para):
        styles = look.paragraph_styles()
        style = "Quote" if block.style == ParaStyle.QUOTE else styles[block.style][0] if block.style in styles \
            else "Normal"
        paragraph = doc.add_paragraph(style=style)
        add_text(paragraph, block.text)
        if block.text.endswith(":"):  # "A draft:" stays on the page of the draft that follows
            paragraph.paragraph_format.keep_with_next = True
        if block.style == ParaStyle.QUOTE:  # a script or the thank-you draft is never split over two pages
            paragraph.paragraph_format.keep_together = True
    elif isinstance(block, Heading):
        doc.add_heading(block.text, level=min(block.level, 3))
    elif isinstance(block, ItemList):
        add_list(doc, block, look)
    elif isinstance(block, Table):
        add_table(doc, block, look)
    elif isinstance(block, Card):
        _add_card(doc, block, look)
    elif isinstance(block, Chart):
        doc.add_picture(io.BytesIO(chart_png(block, look.design)), width=Cm(16))
        doc.add_paragraph(block.alt, style="Small Note")
    elif isinstance(block, Lines):
        for _ in range(block.count):
            bottom_border(doc.add_paragraph(), look.design.writing_line)
