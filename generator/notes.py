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
from generator.language import aliases, words
from generator.models import IMPROVE_KINDS

NOTE_SUFFIXES = (".notes.md", ".notes.yaml", ".notes.yml")

_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])(?:\s+(.*))?$")
_KIND_TAG = re.compile(r"\(\s*([A-Za-z_ ]{2,30})\s*\)\s*$")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class MarkdownNotes:
    """Notes read from Markdown: the data for `models.Notes` and where each item stood."""

    data: dict = field(default_factory=dict)
    lines: dict[tuple, int] = field(default_factory=dict)


def headings() -> dict[str, str]:
    """Markdown headings (case-folded) and the notes key each fills, from every language folder."""
    return {heading: key for key, names in words("notes_headings").items() for heading in names}


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


def _open_section(notes: MarkdownNotes, line: str) -> tuple[str, str]:
    """A `##` heading starts a section: (notes key, heading as written); unknown ones are kept as 'other'."""
    heading = line.lstrip("#").strip().rstrip(":")
    key = headings().get(heading.casefold())
    if key is None:
        notes.data.setdefault("other", {}).setdefault(heading, [])
        return "other", heading
    return key, heading


def _add_line(notes: MarkdownNotes, section: tuple[str, str], raw: str, number: int) -> None:
    """One line inside a section: a new bullet, or an indented line that continues the last one."""
    bullet = _BULLET.match(raw.rstrip())
    item = (bullet.group(1) or "").strip() if bullet else raw.strip()
    if not item:  # an empty bullet waiting to be filled in
        return
    key, heading = section
    items = notes.data["other"][heading] if key == "other" else notes.data.setdefault(key, [])
    if not bullet and raw[:1].isspace() and items:
        items[-1] = f"{items[-1]} {item}"
        return
    if key == "answered":
        item = item.split()[0].strip(",.;:`'\"").lower()
    if key != "other":
        notes.lines[(key, len(items))] = number
    items.append(_tagged(item) if key == "could_improve" else item)


def _tagged(item: str) -> str | dict[str, str]:
    """'Te lang antwoord (te_lang)': a trailing tag that names a kind of point becomes its `kind`."""
    match = _KIND_TAG.search(item)
    if match:
        word = "_".join(match.group(1).casefold().split())
        kind = aliases("improve_kind").get(word, word)
        if kind in IMPROVE_KINDS:
            return {"text": item[:match.start()].rstrip(), "kind": kind}
    return item


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
        elif line.startswith("##"):
            section = _open_section(notes, line)
        else:
            if section is None:
                notes.data.setdefault("other", {}).setdefault("", [])
                section = ("other", "")
            _add_line(notes, section, raw, number)
    if not notes.data:
        raise InputError([Problem(path, 1, 1, "", "no notes found; use '## Geleerd', '## Ging goed' ... "
                                                 "or '## Learned', '## Went well' ... sections")])
    return notes
