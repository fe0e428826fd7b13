"""First-interview notes: where to find them and how to read the Markdown form.

Notes may be YAML (the keys of `models.Notes`) or Markdown with `##` sections in Dutch or
English. The Markdown reader returns plain data plus the line of every item, so a wrong
`answered` id is reported at its own line, just as YAML errors are.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.dates import find_date, yearless
from generator.errors import InputError, Problem, Refusal
from generator.language import aliases, language_facts, languages, words
from generator.models import IMPROVE_KINDS
from generator.yamlload import MAX_NODES

NOTE_SUFFIXES = (".notes.md", ".notes.yaml", ".notes.yml")

_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])(?:\s+(.*))?$")
_KIND_TAG = re.compile(r"\(\s*([A-Za-z_ ]{2,30})\s*\)\s*$")
SUGGEST_CUTOFF = 0.72  # how alike an unknown heading and a known one must be for 'did you mean'


@dataclass
class MarkdownNotes:
    """Notes read from Markdown: the data for `models.Notes` and where each item stood."""

    data: dict = field(default_factory=dict)
    lines: dict[tuple, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


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


def _likeness(heading: str, known: str) -> float:
    """How alike two headings are: one inside the other (as whole words) counts as very alike."""
    for inner, outer in ((known, heading), (heading, known)):
        if len(inner) >= 5 and re.search(rf"\b{re.escape(inner)}\b", outer):
            return 0.95
    return difflib.SequenceMatcher(None, heading, known).ratio()


def suggestions(heading: str) -> list[str]:
    """The known headings (the main one of its key, in the language it matched in) closest to `heading`."""
    scored: dict[str, float] = {}
    for code in languages():
        for names in language_facts(code).get("notes_headings", {}).values():
            best = max(_likeness(heading.casefold(), str(name).casefold()) for name in names)
            main = str(names[0])[:1].upper() + str(names[0])[1:]
            if best >= SUGGEST_CUTOFF:
                scored[main] = max(best, scored.get(main, 0.0))
    return sorted(scored, key=lambda name: -scored[name])[:2]


def _open_section(notes: MarkdownNotes, path: Path, line: str, number: int) -> tuple[str, str]:
    """A `##` heading starts a section: (notes key, heading as written); unknown ones are kept as 'other',
    with a warning when they look like a known heading written differently."""
    heading = line.lstrip("#").strip().rstrip(":").strip()
    key = headings().get(heading.casefold())
    if key is None:
        notes.data.setdefault("other", {}).setdefault(heading, [])
        hints = suggestions(heading)
        if hints:
            notes.warnings.append(Problem(path, number, 1, "", "notes.heading_unknown",
                                          {"heading": heading, "hints": [f"'## {hint}'" for hint in hints]}))
        return "other", heading
    return key, heading


def _read_title(notes: MarkdownNotes, path: Path, line: str, number: int) -> None:
    """The date in the title, in any common form; one that cannot exist is a problem, one without a year a warning."""
    try:
        found = find_date(line)
    except Refusal as refusal:
        notes.problems.append(Problem(path, number, 1, "date", refusal.key, refusal.values))
        return
    if found is not None:
        notes.data["date"] = found.isoformat()
        notes.lines[("date",)] = number
    elif (partial := yearless(line)) is not None:
        notes.warnings.append(Problem(path, number, 1, "date", "notes.date_no_year", {"value": partial}))


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
    heading, so nothing a candidate wrote is lost, and one that looks like a known heading written
    differently gets a warning. The title's date is read in any common form, or reported.
    """
    notes = MarkdownNotes()
    section: tuple[str, str] | None = None  # (key, heading as written)
    seen_title = False
    in_comment = False
    lines = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip()
        if in_comment or line.lstrip().startswith("<!--"):  # HTML comments are notes to self
            in_comment = "-->" not in line
            continue
        if not line.strip():
            continue
        if line.startswith("# ") and not seen_title:
            seen_title = True
            _read_title(notes, path, line, number)
        elif line.startswith("##"):
            section = _open_section(notes, path, line, number)
        else:
            if section is None:
                notes.data.setdefault("other", {}).setdefault("", [])
                section = ("other", "")
            lines += 1
            if lines > MAX_NODES:  # the same bound as a YAML file: a pack cannot show more
                raise InputError([Problem(path, number, 1, "", "yaml.too_many_values", {"max": MAX_NODES})])
            _add_line(notes, section, raw, number)
    if not notes.data and not notes.problems:
        raise InputError([Problem(path, 1, 1, "", "notes.empty")])
    return notes
