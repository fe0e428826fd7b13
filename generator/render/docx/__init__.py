"""The pack as a Word document a coach can edit: real styles, so it navigates by headings.

Built with python-docx on its default template (Heading 1-3, List Bullet, List Number, Quote,
Title, table styles), or on an agency's reference document (`base.py`). A few things
python-docx has no API for (fields for the table of contents and page numbers, repeating table
header rows, paragraph borders) are small, well-known pieces of WordprocessingML added directly.
`look.py` holds the styles, `blocks.py` draws the content, `page.py` the header, footer and cover.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Cm

from generator.atomic import inside, write_atomic
from generator.content.blocks import Pack
from generator.render.assets import Assets
from generator.render.docx.base import base_document
from generator.render.docx.blocks import add_block
from generator.render.docx.look import Look, settings, setup_styles
from generator.render.docx.package import KEPT_SUFFIX, clean_package, edited_since_written, stamp
from generator.render.docx.page import cover, header_footer
from generator.render.docx.structure import bookmark, number_headings, table_of_contents, unnumbered

PROPERTY_MAX = 255  # Word (and python-docx) refuse a longer document property


def _fits(text: str) -> str:
    """A document property cut to what Word accepts, with an ellipsis when cut (a 300-character
    role is still shown whole in the document itself)."""
    return text if len(text) <= PROPERTY_MAX else text[:PROPERTY_MAX - 1] + "…"


def _properties(doc: DocxDocument, pack: Pack) -> None:
    """Title, author, subject and language, dated by the pack, not the clock (identical input, identical file)."""
    props = doc.core_properties
    props.title = _fits(f"{pack.title}: {pack.role}, {pack.company}")
    props.author = _fits(pack.candidate)
    props.subject = _fits(f"{pack.role} · {pack.company}")
    props.language = pack.lang_tag
    props.keywords = "prep-pack"
    props.created = props.modified = dt.datetime.combine(pack.made_date, dt.time(0, 0))
    props.last_modified_by = "prep-pack"


def _page_break(doc: DocxDocument) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _remember_styles(doc: DocxDocument) -> None:
    """Look each style up once. python-docx finds a style by name by scanning every style of the
    file, twice, for each paragraph: two thirds of the time a pack's Word file took. Styles are
    all in place (`setup_styles`) before the first paragraph, so a name's answer never changes."""
    part = doc.part
    lookup = part.get_style_id
    known: dict[tuple[object, object], str | None] = {}  # (name or style id, style type) -> style id

    def style_id(style: object, style_type: object) -> str | None:
        key = (style if isinstance(style, str) else getattr(style, "style_id", None) or repr(style), style_type)
        if key not in known:
            known[key] = lookup(style, style_type)
        return known[key]

    part.get_style_id = style_id  # type: ignore[method-assign]


def docx_bytes(pack: Pack, assets: Assets) -> bytes:
    """Build the Word document in memory, on the brand's reference document when it has one."""
    brand = assets.brand
    doc, typed_bullets = base_document(brand.reference_docx if brand else None)
    look = Look(assets.design, brand, typed_bullets, own_styles=not (brand and brand.reference_docx))
    setup_styles(doc, look)
    _remember_styles(doc)
    settings(doc, pack.lang_tag)
    _properties(doc, pack)
    if look.own_styles:
        section = doc.sections[0]
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2)
    header_footer(doc, pack, look)
    cover(doc, pack, look)

    number_headings(doc)
    summary = doc.add_heading(pack.labels.summary, level=1)
    unnumbered(summary)
    entries = [("", pack.labels.summary, bookmark(summary, 0))]
    for block in pack.summary:
        add_block(doc, block, look)
    _page_break(doc)
    doc.add_paragraph(pack.labels.contents, style="TOC Heading")
    anchors = [f"_Toc{number:09d}" for number in range(1, len(pack.sections) + 1)]
    entries += [(f"{number}.", chapter.title, anchor)
                for number, (chapter, anchor) in enumerate(zip(pack.sections, anchors, strict=True), start=1)]
    table_of_contents(doc, entries)
    _page_break(doc)

    for number, chapter in enumerate(pack.sections, start=1):
        if chapter.page_break:
            _page_break(doc)
        bookmark(doc.add_heading(chapter.title, level=1), number)
        for block in chapter.blocks:
            add_block(doc, block, look)
    clean_package(doc, brand.name if brand else "")
    stamp(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    return _stable_zip(buffer.getvalue(), pack.made_date)


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


def render_docx(pack: Pack, out_dir: Path, assets: Assets) -> Path:
    """Write `<slug>.docx` into `out_dir` and return its path; when a coach has edited the file
    there since prep-pack wrote it, keep theirs and write `<slug>.new.docx` instead."""
    target = inside(out_dir, f"{pack.slug}.docx")
    if edited_since_written(target):
        target = inside(out_dir, f"{pack.slug}{KEPT_SUFFIX}")
    return write_atomic(target, docx_bytes(pack, assets))
