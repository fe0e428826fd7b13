"""The Word document a pack starts from: python-docx's default, or an agency's reference .docx.

An agency may hand over a reference document (pandoc's reference-doc idea): the pack then uses
its styles, page size and headers. A file saved from Word only holds the built-in styles that
were ever used in it, so `List Bullet` or `Heading 3` may be missing. Each missing style is
copied from python-docx's default template; list styles are copied without their numbering
(which points into the default's numbering part) and the renderer types the bullets instead.
"""

from __future__ import annotations

import copy
import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

# Every style the DOCX renderer asks for by name.
NEEDED_STYLES = ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet",
                 "List Number", "Quote", "Light Grid Accent 1", "TOC Heading")
LIST_STYLES = ("List Bullet", "List Number")


def _copy_style(doc: DocxDocument, source: DocxDocument, name: str) -> None:
    """Copy one style definition from `source` into `doc`, without links that would dangle."""
    element = copy.deepcopy(source.styles[name].element)
    for tag in ("w:link", "w:rsid"):
        for child in element.findall(qn(tag)):
            element.remove(child)
    p_pr = element.find(qn("w:pPr"))
    if p_pr is not None:
        for num in p_pr.findall(qn("w:numPr")):
            p_pr.remove(num)
    taken = {s.style_id for s in doc.styles}
    if element.get(qn("w:styleId")) in taken:
        element.set(qn("w:styleId"), element.get(qn("w:styleId")) + "PrepPack")
    doc.styles.element.append(element)


def base_document(reference: bytes | None) -> tuple[DocxDocument, set[str]]:
    """The document to build on, and the list styles that have no numbering of their own.

    With a reference, its body is emptied (its section settings, headers and footers stay) and
    every style the renderer needs is made to exist.
    """
    if reference is None:
        return Document(), set()
    doc = Document(io.BytesIO(reference))
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    if body.find(qn("w:sectPr")) is None:  # saved without page settings: take those of a new document
        body.append(copy.deepcopy(Document().element.body.find(qn("w:sectPr"))))
    present = {style.name for style in doc.styles}
    default = Document()
    typed_bullets: set[str] = set()
    for name in NEEDED_STYLES:
        if name not in present:
            _copy_style(doc, default, name)
            if name in LIST_STYLES:
                typed_bullets.add(name)
    return doc, typed_bullets


def restart_numbering(doc: DocxDocument, paragraphs: list[Paragraph]) -> None:
    """Make a `List Number` list start again at 1 (python-docx would continue the previous list).

    Adds a new `w:num` that points at the style's abstract numbering with a start override,
    and gives these paragraphs that number.
    """
    style_num = doc.styles["List Number"].element.find(qn("w:pPr") + "/" + qn("w:numPr") + "/" + qn("w:numId"))
    if style_num is None or not paragraphs:
        return
    numbering = doc.part.numbering_part.element
    old = next((n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == style_num.get(qn("w:val"))),
               None)
    if old is None:
        return
    abstract = old.find(qn("w:abstractNumId")).get(qn("w:val"))
    new_id = str(max(int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))) + 1)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), new_id)
    abstract_ref = OxmlElement("w:abstractNumId")
    abstract_ref.set(qn("w:val"), abstract)
    num.append(abstract_ref)
    override = OxmlElement("w:lvlOverride")
    override.set(qn("w:ilvl"), "0")
    start = OxmlElement("w:startOverride")
    start.set(qn("w:val"), "1")
    override.append(start)
    num.append(override)
    numbering.append(num)
    for paragraph in paragraphs:
        num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = int(new_id)
