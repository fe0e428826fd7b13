"""What the Word file carries besides its content: clean properties, no template leftovers, and a
stamp that tells whether a coach has edited the file since prep-pack wrote it.

python-docx starts from a template made on a Mac in 2013: its app.xml says "Microsoft Macintosh
Word", it carries a blank thumbnail, a bibliography item and a Word 2010 styles copy. An
agency's reference document may bring macros or an attached template. All of that is dropped.

The stamp is the SHA-256 of the document body as written, kept in the `identifier` core
property. A later run that finds a file whose body no longer matches (or that has no stamp at
all) keeps it and writes the new pack beside it: a coach's work is never overwritten.
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument

from generator import __version__

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
STAMP = "prep-pack:sha256:"
KEPT_SUFFIX = ".new.docx"  # the name of a new pack beside a Word file a coach has edited
# Relationships that bring nothing a coach needs (or that reach outside the file).
DROPPED = ("thumbnail", "customXml", "stylesWithEffects", "vbaProject", "attachedTemplate", "glossaryDocument")
APP_XML = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           "<Application>prep-pack {version}</Application><DocSecurity>0</DocSecurity>"
           "<Company>{company}</Company></Properties>")
_STAMP_IN_CORE = re.compile(rb"<dc:identifier>" + re.escape(STAMP.encode()) + rb"([0-9a-f]{64})</dc:identifier>")


def clean_package(doc: DocxDocument, company: str) -> None:
    """Drop the template's leftovers and write our own application properties."""
    for owner in (doc.part.package, doc.part, doc.part._settings_part):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in DROPPED:
                owner.rels.pop(r_id)
                _drop_references(owner, r_id)
    for part in doc.part.package.iter_parts():
        _drop_external_links(part)
        if str(part.partname) == "/docProps/app.xml":
            part._blob = APP_XML.format(version=__version__, company=escape(company)).encode("utf-8")


def _referring(part: Any, r_id: str) -> list[Any]:
    """The XML elements of `part` that point at its relationship `r_id`."""
    element = getattr(part, "_element", None)
    return [] if element is None else [node for node in element.iter() if node.get(R_ID) == r_id]


def _drop_references(part: Any, r_id: str) -> None:
    """Remove the elements of `part` that point at a dropped relationship (the settings'
    `w:attachedTemplate`), so Word finds no reference to something that is not there."""
    for node in _referring(part, r_id):
        node.getparent().remove(node)


def _drop_external_links(part: Any) -> None:
    """Remove the links to outside the file that a reference document's headers and footers
    brought (a `file:///` or web hyperlink): each candidate's file stands alone. The linked text
    stays, as plain text."""
    if not str(part.partname).startswith(("/word/header", "/word/footer")):  # the pack's own links stay
        return
    external = [r_id for r_id, rel in part.rels.items() if rel.is_external and rel.reltype.endswith("/hyperlink")]
    for r_id in external:
        for node in _referring(part, r_id):
            del node.attrib[R_ID]
        part.rels.pop(r_id)


def stamp(doc: DocxDocument) -> None:
    """Record the hash of the body about to be written (call last, just before saving)."""
    doc.core_properties.identifier = STAMP + hashlib.sha256(doc.part.blob).hexdigest()


def edited_since_written(path: Path) -> bool:
    """True when a Word file at `path` is not exactly as prep-pack wrote it: edited, re-saved by an
    office suite, or not stamped by prep-pack at all. False when there is no file."""
    if not path.exists():
        return False
    try:
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml")
            found = _STAMP_IN_CORE.search(archive.read("docProps/core.xml"))
    except (OSError, KeyError, zipfile.BadZipFile):
        return True
    return found is None or found.group(1).decode() != hashlib.sha256(body).hexdigest()
