"""Whose pack a set of files in an output folder is, so that two candidates whose names give the
same file name (José Peña and Jose Pena at one company) never overwrite each other's pack.

`generate` records, per file name (slug), the candidate and the profile it was made from in
`<folder>/.prep-pack-owners.json`; it refuses to replace files that belong to someone else.
"""

from __future__ import annotations

import json
from pathlib import Path

from generator.atomic import write_atomic
from generator.errors import UsageProblem, visible
from generator.options import FORMATS

OWNERS = ".prep-pack-owners.json"


def same_candidate(one: object, other: str) -> bool:
    """Whether two names are the same candidate's, whatever the case and spacing."""
    return isinstance(one, str) and one.casefold().split() == other.casefold().split()


def claim(folder: Path, slug: str, candidate: str, profile: str) -> None:
    """Record that the files `<slug>.*` in `folder` are `candidate`'s, made from `profile`; a
    `UsageProblem` when they are still there and belong to another candidate made from another
    profile. Runs under the folder's lock, just before the files are moved into place."""
    path = folder / OWNERS
    try:
        owners = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        owners = {}
    owners = owners if isinstance(owners, dict) else {}
    known = owners.get(slug)
    present = any((folder / f"{slug}.{fmt}").exists() for fmt in FORMATS)
    if present and isinstance(known, dict) and not same_candidate(known.get("candidate"), candidate) \
            and known.get("profile") != profile:
        raise UsageProblem(
            f"{folder / slug}.*: these files are the pack of {visible(str(known.get('candidate')))} "
            f"(made from {visible(str(known.get('profile')))}), and {visible(candidate)}'s pack would get the same "
            "name; nothing was written. Write this pack to another folder with -o, or remove the old files first.")
    owners[slug] = {"candidate": candidate, "profile": profile}
    write_atomic(path, json.dumps(owners, indent=1, ensure_ascii=False))
