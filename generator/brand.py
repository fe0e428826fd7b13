"""An agency's brand file: name, logo, colours, footer and contact line, and a Word reference.

The brand file is YAML like a profile and is checked the same way (every problem with
file:line:column). Files it names (the logo, a reference .docx) must sit inside the brand
file's own folder: a brand file from elsewhere can never make prep-pack read /etc/passwd.
The loaded `Brand` holds the file contents themselves, so a batch worker needs no file access
and the content hash (`digest`) tells `batch --resume` when the brand changed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from generator.errors import InputError, Problem
from generator.folders import resolve_inside
from generator.models import Strict
from generator.validate import check_mapping
from generator.yamlload import load_yaml_mapping, locate

Colour = Annotated[str, Field(pattern=r"^#(?:[0-9a-fA-F]{3}){1,2}$",
                              description="A hex colour such as #1f4e79.")]
BrandText = Annotated[str, Field(min_length=1, max_length=300)]
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 25_000_000          # a logo larger than this (5000 x 5000) is refused before use
MAX_UNPACKED = 50 * 1024 * 1024  # a reference .docx may unpack to at most this
# What a logo file must start with, by extension: nobody renames a PDF to logo.png unnoticed.
LOGO_KINDS = {".png": ("image/png", (b"\x89PNG\r\n\x1a\n",)),
              ".jpg": ("image/jpeg", (b"\xff\xd8\xff",)),
              ".jpeg": ("image/jpeg", (b"\xff\xd8\xff",)),
              ".svg": ("image/svg+xml", ())}


class BrandEmail(Strict):
    """The delivery draft of `batch --emails`: {first_name}, {date}, {company}, {role} and
    {consultant} are filled in."""

    subject: BrandText = Field(description="Subject line of the draft.")
    body: Annotated[str, Field(min_length=1, max_length=5000)] = Field(description="Text of the draft.")
    consultant: BrandText | None = Field(None, description="The consultant's name, for {consultant}.")


class BrandFile(Strict):
    """The keys of a brand file."""

    name: BrandText = Field(description="The agency's name, shown on the cover and in every footer.")
    logo: str | None = Field(None, description="A PNG, JPEG or SVG file in the brand file's folder.")
    primary: Colour | None = Field(None, description="Main colour: headings, rules, table headers.")
    accent: Colour | None = Field(None, description="Second colour: highlights and the chart.")
    footer: BrandText | None = Field(None, description="A line printed at the foot of every page.")
    contact: BrandText | None = Field(None, description="Contact line for the candidate (phone, e-mail).")
    reference_docx: str | None = Field(None, description="A .docx in the brand folder whose styles Word uses.")
    email: BrandEmail | None = Field(None, description="Subject and text of the e-mail drafts (batch --emails).")


@dataclass(frozen=True)
class Brand:
    """A checked brand, with its files already read (safe to send to worker processes)."""

    name: str
    primary: str | None = None
    accent: str | None = None
    footer: str | None = None
    contact: str | None = None
    logo: bytes | None = None
    logo_type: str = ""
    reference_docx: bytes | None = None
    email_subject: str | None = None
    email_body: str | None = None
    email_consultant: str | None = None
    path: Path | None = None  # the brand file itself (a batch leaves it out when it sits among the profiles)
    digest: str = ""

    @property
    def colours(self) -> dict[str, str]:
        """The colours the brand sets, by design token name (see render/design.py)."""
        return {k: v for k, v in (("primary", self.primary), ("accent", self.accent)) if v}


def _full_hex(colour: str | None) -> str | None:
    """'#abc' -> '#aabbcc', so every renderer gets six digits."""
    if colour and len(colour) == 4:
        colour = "#" + "".join(c * 2 for c in colour[1:])
    return colour.lower() if colour else None


def _read_inside(brand_path: Path, raw: object, key: str, name: str, suffixes: tuple[str, ...],
                 problems: list[Problem]) -> tuple[bytes, str] | None:
    """Read a file the brand names, refusing anything outside the brand file's folder."""
    line, column = locate(raw, (key,))

    def refuse(message: str, **values: object) -> None:
        problems.append(Problem(brand_path, line, column, key, message, {"name": name, **values}))

    folder = brand_path.resolve().parent
    target = resolve_inside(folder, name)
    if target is None:
        refuse("brand.outside")
        return None
    if target.suffix.lower() not in suffixes:
        refuse("brand.kind", kinds=", ".join(suffixes))
        return None
    if not target.is_file():
        refuse("brand.missing", folder=folder)
        return None
    if target.stat().st_size > MAX_FILE_BYTES:
        refuse("brand.too_big")
        return None
    try:
        data = target.read_bytes()
    except OSError as exc:
        refuse("brand.unreadable", reason=exc.strerror)
        return None
    if key == "logo":
        mime, magics = LOGO_KINDS[target.suffix.lower()]
        ok = any(data.startswith(m) for m in magics) if magics else b"<svg" in data[:4096]
        size = _opens_as_image(data) if magics else (0, 0)
        if not ok or size is None:
            refuse("brand.not_image", kind=target.suffix.lstrip(".").upper())
            return None
        if size[0] * size[1] > MAX_PIXELS:  # a 236 KB PNG of 9000 x 9000 costs 744 MB per pack
            refuse("brand.too_many_pixels", width=size[0], height=size[1], max=MAX_PIXELS)
            return None
        return data, mime
    if _unpacked_size(data) > MAX_UNPACKED:  # a small file that unpacks to gigabytes
        refuse("brand.too_big_inside", size=_unpacked_size(data), max=MAX_UNPACKED)
        return None
    if not _opens_as_document(data):
        refuse("brand.not_docx")
        return None
    return data, ""


def _opens_as_image(data: bytes) -> tuple[int, int] | None:
    """The logo's size in pixels when Word's image reader (python-docx) can read it, so every DOCX
    will work; None when it cannot (the header is read, never the pixels)."""
    from docx.image.image import Image

    try:
        image = Image.from_blob(data)
    except Exception:  # noqa: BLE001 - any parse failure means: refuse the logo up front
        return None
    return image.px_width, image.px_height


def _unpacked_size(data: bytes) -> int:
    """How many bytes a .docx (a ZIP archive) holds once unpacked, read from its directory."""
    import io
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return 0


def _opens_as_document(data: bytes) -> bool:
    """True when python-docx opens the reference document."""
    import io

    from docx import Document

    try:
        Document(io.BytesIO(data))
    except Exception:  # noqa: BLE001 - any parse failure means: refuse the reference up front
        return False
    return True


def load_brand(path: Path) -> Brand:
    """Read and check a brand file; every problem is reported at once as an `InputError`."""
    raw = load_yaml_mapping(path, "brand file")
    data, problems = check_mapping(BrandFile, raw, path)
    if not isinstance(data, BrandFile):
        raise InputError(problems)
    logo = reference = None
    if data.logo:
        logo = _read_inside(path, raw, "logo", data.logo, tuple(LOGO_KINDS), problems)
    if data.reference_docx:
        reference = _read_inside(path, raw, "reference_docx", data.reference_docx, (".docx",), problems)
    if problems:
        raise InputError(problems)
    digest = hashlib.sha256(path.read_bytes())
    for part in (logo, reference):
        digest.update(part[0] if part else b"-")
    return Brand(name=data.name, primary=_full_hex(data.primary), accent=_full_hex(data.accent),
                 footer=data.footer, contact=data.contact,
                 logo=logo[0] if logo else None, logo_type=logo[1] if logo else "",
                 reference_docx=reference[0] if reference else None,
                 email_subject=data.email.subject if data.email else None,
                 email_body=data.email.body if data.email else None,
                 email_consultant=data.email.consultant if data.email else None, path=path, digest=digest.hexdigest())
