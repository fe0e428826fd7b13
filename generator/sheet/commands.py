"""What `validate SHEET` and `import SHEET` do, apart from the command line: check every row and
say where each problem is, or write each good row as a YAML profile (with its notes beside it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import inside, write_atomic
from generator.errors import InputError, Problem
from generator.messages import text
from generator.sheet.export import profile_yaml
from generator.sheet.rows import SheetRow, read_rows


def check_sheet(path: Path, lang: str | None = None) -> list[SheetRow]:
    """Every row checked; an `InputError` listing every problem of every row when any has one."""
    rows = read_rows(path, lang)
    problems = [problem for row in rows for problem in row.problems] + same_name_problems(rows)
    if problems:
        raise InputError(problems, lang)
    return rows


def notes_suffix(notes: Path | None) -> str:
    """The name a copied notes file ends in, so it is found beside its profile."""
    markdown = notes is not None and notes.suffix.lower() in (".md", ".markdown", ".txt")
    return ".notes.md" if markdown else ".notes.yaml"


def same_name_problems(rows: list[SheetRow]) -> list[Problem]:
    """A problem for every good row that gives the same pack name as an earlier one: a batch makes
    only the first, `import` writes only the first."""
    seen: dict[str, SheetRow] = {}
    problems = []
    for row in rows:
        if row.slug is None:
            continue
        if row.slug in seen:
            problems.append(Problem(row.table.file, None, None, "", "label.import_same",
                                    {"other": seen[row.slug].name}, lang=row.language, place=row.name))
        else:
            seen[row.slug] = row
    return problems


@dataclass
class Imported:
    """What `import` did: the profiles written, the rows refused, the files it kept."""

    written: list[tuple[Path, SheetRow]] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def import_sheet(path: Path, out_dir: Path, *, today: dt.date, lang: str | None = None,
                 force: bool = False) -> Imported:
    """Write `<slug>.yaml` (and `<slug>.notes.md` or `.notes.yaml`, copied from the notes file the
    row names) into `out_dir` for every good row; an existing file is kept unless `force`."""
    result = Imported()
    rows = read_rows(path, lang)
    duplicates = same_name_problems(rows)
    result.problems += [problem for row in rows for problem in row.problems] + duplicates
    skipped = {problem.place for problem in duplicates}
    for row in rows:
        if row.problems or row.slug is None or row.name in skipped:
            continue
        target = inside(out_dir, f"{row.slug}.yaml")
        notes = inside(out_dir, f"{row.slug}{notes_suffix(row.notes)}") if row.notes is not None else None
        kept = [file for file in (target, notes) if file is not None and file.exists() and not force]
        if kept:  # never over a file someone may have edited since
            result.kept += kept
            continue
        write_atomic(target, profile_yaml(row, today, target.name))
        if row.notes is not None and notes is not None:
            write_atomic(notes, row.notes.read_bytes())
        result.written.append((target, row))
    return result


def kept_message(target: Path, lang: str | None) -> str:
    """The line for a profile `import` did not overwrite."""
    return text("label.import_kept", lang, {"file": target})
