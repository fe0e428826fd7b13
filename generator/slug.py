"""File names for packs, derived from the candidate and company names (README: output names)."""

from __future__ import annotations

import re

from anyascii import anyascii

_RUNS = re.compile(r"[^a-z0-9]+")
MAX_PART = 60
# Device names Windows reserves whatever the extension; a part equal to one gets `-pack` added, so a
# slug part is a safe file or folder name on its own, too.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                              *(f"lpt{i}" for i in range(1, 10))})


def slug_part(text: str) -> str:
    """Fold one name to lower-case ASCII with single dashes, transliterating every script (anyascii:
    'محمد' is 'mhmd', '王小明' 'wangxiaoming', 'Zoë' 'zoe'), so two candidates whose names are not
    in Latin letters do not share a file name; `pack` when nothing is left."""
    part = _RUNS.sub("-", anyascii(text).lower()).strip("-")[:MAX_PART].strip("-")
    if part in WINDOWS_RESERVED:
        return f"{part}-pack"
    return part or "pack"


def pack_slug(candidate: str, company: str) -> str:
    """`<candidate>_<company>`, e.g. 'sanne-de-vries_zorggroep-noord'; always a safe file name."""
    return f"{slug_part(candidate)}_{slug_part(company)}"
