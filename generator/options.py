"""One run's options: the single object every step of the pipeline receives.

The command line builds a `RunOptions` from its flags; nothing else re-derives an option. It is
frozen, so a worker process or a Dask task can hold it without anyone changing it underneath,
and it is passed keyword-only (`options=`) everywhere. `digest()` covers every field, so a new
option automatically counts for `batch --resume`: add a field, use it, and you are done.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__

if TYPE_CHECKING:  # not at run time: the command line imports this module before any brand is read
    from generator.brand import Brand

FORMATS = ("pdf", "docx", "html", "ics", "csv")
DEFAULT_FORMATS = ("pdf", "docx")
PDF_VARIANTS = ("pdf/ua-1", "pdf/a-3b", "pdf/a-3u", "pdf/a-2b")  # ua-1: tagged, accessible; a-*: archiving
PACK_TIMEOUT = 300.0  # seconds one batch pack may take (--pack-timeout); the largest valid pack takes about 20


def folder_files(folder: Path) -> dict[str, bytes]:
    """A templates folder's files by relative path, sorted; hidden files (.git) and swap files left out."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not any(part.startswith(".") or part.endswith("~") for part in relative.parts):
            found[relative.as_posix()] = path.read_bytes()
    return found


def folder_digest(folder: Path) -> str:
    """A content hash of a templates folder (names and bytes), so an edited template is noticed."""
    digest = hashlib.sha256()
    for name, data in folder_files(folder).items():
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


@dataclass(frozen=True, kw_only=True)
class RunOptions:
    """Everything about a run that is the same for every pack it makes."""

    today: dt.date
    formats: tuple[str, ...] = DEFAULT_FORMATS
    language: str | None = None   # None: each profile's own `language:`
    brand: Brand | None = None
    templates: Path | None = None  # an agency's folder whose files override the built-in ones
    pdf_variant: str = PDF_VARIANTS[0]
    csv_dialect: str | None = None  # excel-nl or rfc; None: by each pack's language (csvtext.default_dialect)
    emails: bool = False            # batch: an .eml delivery draft beside each pack (batch/emails.py)

    @cached_property
    def _templates_digest(self) -> str:
        return folder_digest(self.templates) if self.templates else "-"

    def _part(self, name: str) -> str:
        """One field as text for the digest: contents, not names, for the brand and templates."""
        value = getattr(self, name)
        if name == "templates":
            return self._templates_digest
        if isinstance(getattr(value, "digest", None), str):  # a Brand: its content hash
            return value.digest
        if isinstance(value, (tuple, list)):
            return ",".join(map(str, value))
        if isinstance(value, dt.date):
            return value.isoformat()
        return "-" if value is None else str(value)

    def digest(self) -> str:
        """A hash of prep-pack's version and every option, for `batch --resume`."""
        parts = [f"{f.name}={self._part(f.name)}" for f in dataclasses.fields(self)]
        return hashlib.sha256("|".join([__version__, *parts]).encode()).hexdigest()
