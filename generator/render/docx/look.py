"""The Word file's look: its styles from the design tokens, fields, and the document language."""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from generator.brand import Brand
from generator.content.blocks import ParaStyle
from generator.render.design import Design


def rgb(colour: str) -> RGBColor:
    """A design token's hex colour as Word wants it."""
    return RGBColor.from_string(colour.lstrip("#").upper())


@dataclass
class Look:
    """What one document looks like: its design, its brand, and which lists need typed bullets."""

    design: Design
    brand: Brand | None = None
    typed_bullets: set[str] = field(default_factory=set)
    own_styles: bool = True  # False when an agency's reference .docx sets the styles

    @property
    def primary(self) -> RGBColor:
        """Headings, table headers, checkboxes."""
        return rgb(self.design.primary)

    @property
    def accent(self) -> RGBColor:
        """The cover's highlights."""
        return rgb(self.design.accent)

    def paragraph_styles(self) -> dict[ParaStyle, tuple[str, bool, str]]:
        """Our paragraph styles for the kinds of paragraph the HTML colours: (name, italic, colour)."""
        d = self.design
        return {ParaStyle.PROMPT: ("Prompt", True, d.warn), ParaStyle.WARNING: ("Warning", False, d.warn),
                ParaStyle.TIP: ("Tip", False, d.tip), ParaStyle.NOTE: ("Small Note", False, d.muted),
                ParaStyle.LEAD: ("Lead", False, d.ink)}


def add_field(paragraph: Paragraph, instruction: str, placeholder: str = "") -> None:
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


def bottom_border(paragraph: Paragraph, colour: str) -> None:
    """A ruled line under a paragraph (the notes pages); `colour` is a design token."""
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "4"), ("space", "1"), ("color", colour.lstrip("#").upper())):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    p_pr.append(borders)


def _paint(doc: DocxDocument, name: str, colour: RGBColor, font: str) -> None:
    """Give a style, and the character style Word links to it, our colour and typeface instead of
    the template's theme colours (so a brand's colours reach every style we use)."""
    for style_name in (name, f"{name} Char"):
        if style_name in [s.name for s in doc.styles]:
            style = doc.styles[style_name]
            style.font.color.rgb = colour
            style.font.name = font
    border = doc.styles[name].element.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}")
    if border is not None:  # the Title's rule
        border.set(qn("w:color"), str(colour))
        border.attrib.pop(qn("w:themeColor"), None)


def setup_styles(doc: DocxDocument, look: Look) -> None:
    """Set the document's styles from the design tokens (unless a reference document sets them)."""
    styles = doc.styles
    normal = styles["Normal"]
    font = look.design.fonts[0]
    if look.own_styles:
        normal.font.name = font
        normal.font.size = Pt(look.design.body_size)
        normal.paragraph_format.space_after = Pt(5)
        for name, paint in (("Title", look.primary), ("Subtitle", look.accent), ("TOC Heading", look.primary),
                            ("Quote", rgb(look.design.ink))):
            _paint(doc, name, paint, font)
    if "toc 1" not in [s.name for s in styles]:
        toc = styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = normal
        toc.paragraph_format.space_after = Pt(3)
    for level, size in enumerate(look.design.heading_sizes, start=1):
        style = styles[f"Heading {level}"]
        style.paragraph_format.keep_with_next = True
        if look.own_styles:
            _paint(doc, f"Heading {level}", look.primary, font)
            style.font.size = Pt(size)
    for name, italic, colour in look.paragraph_styles().values():
        if name in [s.name for s in styles]:
            continue
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.italic = italic
        style.font.color.rgb = rgb(colour)
        if name == "Small Note":
            style.font.size = Pt(8)
        if name == "Lead":
            style.font.size = Pt(11)
        else:
            style.paragraph_format.left_indent = Cm(0.4)


def settings(doc: DocxDocument, lang_tag: str) -> None:
    """Set the proofing language. Fields are not refreshed on opening: the table of contents is
    written out already, and Word would ask the coach a question about it every time."""
    r_pr_default = doc.styles.element.find(qn("w:docDefaults"))
    if r_pr_default is not None:
        r_pr = r_pr_default.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if r_pr is not None:
            lang_el = OxmlElement("w:lang")
            lang_el.set(qn("w:val"), lang_tag)
            r_pr.append(lang_el)
