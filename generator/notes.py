"""First-interview notes: where to find them and how to read the Markdown form.

Notes may be YAML (the keys of `models.Notes`) or Markdown with `##` sections in Dutch or
English. The Markdown reader returns plain data plus the line of every item, so a wrong
`answered` id is reported at its own line, just as YAML errors are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputError, Problem

NOTE_SUFFIXES = (".notes.md", ".notes.yaml", ".notes.yml")

# Markdown headings (case-insensitive) and the Notes key each one fills.
HEADINGS = {
    "gesproken met": "met", "met": "met", "met with": "met", "aanwezig": "met", "people": "met",
    "who i met": "met", "people i met": "met",
    "geleerd": "learned", "learned": "learned", "learnt": "learned", "wat ik leerde": "learned",
    "wat ik geleerd heb": "learned", "what i learned": "learned", "what i learnt": "learned",
    "ging goed": "went_well", "went well": "went_well", "wat ging goed": "went_well", "what went well": "went_well",
    "kan beter": "could_improve", "kon beter": "could_improve", "could improve": "could_improve",
    "could be better": "could_improve", "verbeterpunten": "could_improve", "wat kan beter": "could_improve",
    "to improve": "could_improve", "what could be better": "could_improve",
    "open vragen": "open_questions", "open questions": "open_questions", "open punten": "open_questions",
    "open points": "open_questions",
    "al besproken": "answered", "al beantwoord": "answered", "beantwoord": "answered", "besproken": "answered",
    "already covered": "answered", "already answered": "answered", "answered": "answered", "covered": "answered",
}
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])(?:\s+(.*))?$")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class MarkdownNotes:
    """Notes read from Markdown: the data for `models.Notes` and where each item stood."""

    data: dict = field(default_factory=dict)
    lines: dict[tuple, int] = field(default_factory=dict)


def is_notes_file(path: Path) -> bool:
    """True for files named `<stem>.notes.md/.yaml/.yml`, which are never profiles themselves."""
    return path.name.lower().endswith(NOTE_SUFFIXES)


def find_beside(profile: Path) -> Path | None:
    """The notes file next to a profile (`<stem>.notes.md`, then `.notes.yaml`, `.notes.yml`)."""
    for suffix in NOTE_SUFFIXES:
        candidate = profile.with_name(profile.stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def parse_markdown(path: Path, text: str) -> MarkdownNotes:
    """Read Markdown notes into the shape of `models.Notes`.

    Known `##` sections become lists; any other section is kept under `other` with its own
    heading, so nothing a candidate wrote is lost.
    """
    notes = MarkdownNotes()
    section: tuple[str, str] | None = None  # (key, heading as written)
    seen_title = False
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if in_comment or line.lstrip().startswith("<!--"):  # HTML comments are notes to self
            in_comment = "-->" not in line
            continue
        if not line.strip():
            continue
        if line.startswith("# ") and not seen_title:
            seen_title = True
            match = _DATE.search(line)
            if match:
                notes.data["date"] = match.group(0)
                notes.lines[("date",)] = number
            continue
        if line.startswith("##"):
            heading = line.lstrip("#").strip().rstrip(":")
            key = HEADINGS.get(heading.casefold())
            section = (key, heading) if key else ("other", heading)
            if key is None:
                notes.data.setdefault("other", {}).setdefault(heading, [])
            continue
        if section is None:
            notes.data.setdefault("other", {}).setdefault("", [])
            section = ("other", "")
        bullet = _BULLET.match(line)
        item = (bullet.group(1) or "").strip() if bullet else line.strip()
        if not item:  # an empty bullet waiting to be filled in
            continue
        key, heading = section
        if not bullet and raw[:1].isspace():
            items = notes.data["other"][heading] if key == "other" else notes.data.get(key)
            if items:  # an indented line continues the previous bullet
                items[-1] = f"{items[-1]} {item}"
                continue
        if key == "other":
            notes.data["other"][heading].append(item)
            continue
        if key == "answered":
            item = item.split()[0].strip(",.;:`'\"").lower()
        items = notes.data.setdefault(key, [])
        notes.lines[(key, len(items))] = number
        items.append(item)
    if not notes.data:
        raise InputError([Problem(path, 1, 1, "", "no notes found; use '## Geleerd', '## Ging goed' ... "
                                                 "or '## Learned', '## Went well' ... sections")])
    return notes
