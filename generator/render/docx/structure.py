"""The parts of the Word file a coach works with, in WordprocessingML python-docx has no API for.

- Chapter headings are numbered by Word numbering linked to the Heading 1 style, so moving or
  deleting a chapter renumbers the rest.
- The table of contents is a TOC field whose result is already written (one hyperlinked line per
  chapter), so Word and LibreOffice show it on opening without updating fields; updating it in
  Word adds page numbers. Its own heading is not an outline level, so it never lists itself.
- Checklist items carry a checkbox content control (w14:checkbox) that Word ticks with a click;
  LibreOffice shows the same ☐/☒ character.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.oxml.text.parfmt import CT_PPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.text.paragraph import Paragraph

HEADING_NUMBERING = 9001  # the numId and abstractNumId of the chapter numbering (clear of Word's own)
UNCHECKED, CHECKED = "2610", "2612"  # ☐ and ☒, as Word's checkbox control writes them
CHECKBOX_FONT = "Segoe UI Symbol"


def number_headings(doc: DocxDocument) -> None:
    """Number every Heading 1 '1.', '2.' ... through the style, not typed into the text."""
    style = doc.styles["Heading 1"]
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{HEADING_NUMBERING}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{style.style_id}"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:tabs><w:tab w:val="num" w:pos="567"/></w:tabs><w:ind w:left="567" w:hanging="567"/></w:pPr>'
        "</w:lvl></w:abstractNum>")
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:  # the schema wants every abstractNum before the first num
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="{HEADING_NUMBERING}">'
                               f'<w:abstractNumId w:val="{HEADING_NUMBERING}"/></w:num>'))
    _number(style.element.get_or_add_pPr(), HEADING_NUMBERING)
    _number(doc.styles["TOC Heading"].element.get_or_add_pPr(), 0)  # based on Heading 1, but no number


def _number(p_pr: CT_PPr, num_id: int) -> None:
    num_pr = p_pr.get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = num_id


def unnumbered(paragraph: Paragraph) -> None:
    """A Heading 1 outside the chapter numbering (the summary)."""
    _number(paragraph._p.get_or_add_pPr(), 0)


def bookmark(paragraph: Paragraph, number: int) -> str:
    """Wrap a heading in a hidden bookmark (Word's `_Toc` convention) and return its name."""
    name = f"_Toc{number:09d}"
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
    paragraph._p.append(end)
    return name


def _run(text: str | None = None, *, field: str | None = None, instruction: str | None = None,
         tab: bool = False) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    if field:
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), field)
        run.append(char)
    if instruction:
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        run.append(instr)
    if tab:
        run.append(OxmlElement("w:tab"))
    if text is not None:
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        run.append(t)
    return run


def table_of_contents(doc: DocxDocument, entries: list[tuple[str, str, str]]) -> None:
    """A TOC field over level-1 headings whose result lists `entries` (number, title, bookmark)
    as hyperlinks, so it shows without an update."""
    for index, (number, title, anchor) in enumerate(entries):
        paragraph = doc.add_paragraph(style="toc 1")
        p = paragraph._p
        if index == 0:
            for run in (_run(field="begin"), _run(instruction='TOC \\o "1-1" \\h \\z \\u'), _run(field="separate")):
                p.append(run)
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), anchor)
        link.set(qn("w:history"), "1")
        if number:
            link.append(_run(number))
            link.append(_run(tab=True))
        link.append(_run(title))
        p.append(link)
        if index == len(entries) - 1:
            p.append(_run(field="end"))


def checkbox(paragraph: Paragraph, colour: str) -> None:
    """A checkbox content control at the start of a paragraph, in the document's primary colour."""
    paragraph._p.append(parse_xml(
        f'<w:sdt {nsdecls("w", "w14")}><w:sdtPr>'
        f'<w:rPr><w:rFonts w:ascii="{CHECKBOX_FONT}" w:hAnsi="{CHECKBOX_FONT}"/><w:color w:val="{colour}"/></w:rPr>'
        f'<w14:checkbox><w14:checked w14:val="0"/>'
        f'<w14:checkedState w14:val="{CHECKED}" w14:font="{CHECKBOX_FONT}"/>'
        f'<w14:uncheckedState w14:val="{UNCHECKED}" w14:font="{CHECKBOX_FONT}"/></w14:checkbox></w:sdtPr>'
        f'<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="{CHECKBOX_FONT}" w:hAnsi="{CHECKBOX_FONT}"/>'
        f'<w:color w:val="{colour}"/></w:rPr><w:t>\u2610</w:t></w:r></w:sdtContent></w:sdt>'))
    paragraph.add_run("  ")
