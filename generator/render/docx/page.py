"""The Word file's page furniture: running header, footer with page X of Y, and the cover."""

from __future__ import annotations

import io

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

from generator.brand import Brand
from generator.content.blocks import Pack
from generator.render.docx.look import Look, add_field

RASTER_LOGOS = ("image/png", "image/jpeg")  # Word takes these; an SVG logo shows as the agency name


def _has_field(part_element: BaseOxmlElement, name: str) -> bool:
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


def header_footer(doc: DocxDocument, pack: Pack, look: Look) -> None:
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
    footer.add_run(f"{pack.labels.page.capitalize()} ")
    add_field(footer, "PAGE", "1")
    footer.add_run(f" {pack.labels.of} ")
    add_field(footer, "NUMPAGES", "1")


def cover(doc: DocxDocument, pack: Pack, look: Look) -> None:
    """The first page: the agency, the candidate, the role, the countdown and the facts."""
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
    subtitle.add_run(f"{pack.role} {pack.labels.at} {pack.company}")
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
        paragraph.add_run(f"{pack.labels.vacancy}: ").bold = True
        paragraph.add_run(pack.vacancy_url)
    doc.add_paragraph(pack.made_on, style="Small Note")
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
