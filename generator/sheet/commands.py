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
    problems = [problem for row in rows for problem in row.problems]
    if problems:
        raise InputError(problems, lang)
    return rows


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
    names: dict[str, SheetRow] = {}
    for row in read_rows(path, lang):
        if row.problems or row.slug is None:
            result.problems += row.problems
            continue
        if row.slug in names:
            result.problems.append(Problem(path, None, None, "", "label.import_same", {"other": names[row.slug].name},
                                           lang=row.language, place=row.name))
            continue
        names[row.slug] = row
        target = inside(out_dir, f"{row.slug}.yaml")
        if target.exists() and not force:
            result.kept.append(target)
            continue
        write_atomic(target, profile_yaml(row, today, target.name))
        if row.notes is not None:
            suffix = ".notes.md" if row.notes.suffix.lower() in (".md", ".markdown", ".txt") else ".notes.yaml"
            notes = inside(out_dir, f"{row.slug}{suffix}")
            write_atomic(notes, row.notes.read_bytes())
        result.written.append((target, row))
    return result


def kept_message(target: Path, lang: str | None) -> str:
    """The line for a profile `import` did not overwrite."""
    return text("label.import_kept", lang, {"file": target})
