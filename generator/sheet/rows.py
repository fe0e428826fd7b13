"""One spreadsheet row -> one checked profile, with every problem named by sheet, row and column.

A row's cells are set at their dotted keys over the YAML profile its `profile` column names (if
any), so a row completes or overrides a file that holds what a cell cannot (stories, offers).
The result is validated like any profile. A problem in a value that came from a cell is named
by that cell (`kandidaten.xlsx!Blad1:C7 application.role: ...`); one in the YAML file by its
file:line:column; a required key nobody gave by the row (`kandidaten.xlsx!Blad1:7`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.errors import InputError, Problem
from generator.folders import resolve_inside
from generator.language import plain
from generator.messages import choose_language
from generator.models import Profile, cross_field_problems, field_at, model_in
from generator.notes import find_beside
from generator.sheet.cells import Cell, Table, read_table
from generator.sheet.columns import Column, cell_value, read_header
from generator.slug import pack_slug
from generator.validate import field_path, load_notes, problems_from
from generator.yamlload import load_yaml_mapping, locate


@dataclass
class SheetRow:
    """One candidate's row: the profile it makes, or its problems."""

    table: Table
    number: int                        # the row number as the spreadsheet shows it
    data: dict[str, Any] = field(default_factory=dict)   # the merged profile, as plain data
    profile: Profile | None = None     # set when the row is valid
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notes: Path | None = None          # the notes file its `notes` column names
    base: Path | None = None           # the YAML profile its `profile` column names
    language: str = ""
    columns: dict[str, str] = field(default_factory=dict)  # profile key -> column letter, for messages

    @property
    def name(self) -> str:
        """How the report and messages name the row: 'kandidaten.xlsx!Blad1:7'."""
        return self.table.place("", self.number)

    @property
    def slug(self) -> str | None:
        """The pack name the row will get; None when it is not valid."""
        if self.profile is None:
            return None
        return pack_slug(self.profile.candidate.name, self.profile.application.company)


def read_rows(path: Path, lang: str | None = None) -> list[SheetRow]:
    """Every candidate row of a spreadsheet, each checked; a problem with the sheet itself (its
    headings, its format) is an `InputError` for the whole file."""
    try:
        table = read_table(path)
    except InputError as exc:
        raise exc.in_language(choose_language(lang)) from None
    columns, problems = read_header(table)
    if problems:
        raise InputError(problems, choose_language(lang))
    return [_row(table, columns, cells, lang) for cells in table.rows]


def _inside(table: Table, cell: Cell, what: str) -> Path | Problem:
    """A file a cell names, refused unless it is a file in the sheet's folder (an agency runs other
    people's sheets: no `..`, no absolute path, no link out)."""
    name = str(cell.value).strip()
    try:
        target = resolve_inside(table.file.parent, name)
        if target is None:
            return table.problem(cell.column, cell.row, "sheet.file_outside", name=name)
        if not target.is_file():
            return table.problem(cell.column, cell.row, "file.missing", what=what)
    except (OSError, RuntimeError) as exc:  # a name too long, a loop of links
        return table.problem(cell.column, cell.row, "file.unreadable", what=what, reason=str(exc))
    return target


def _has_time(date_path: tuple[str, ...]) -> bool:
    """True when the block holding a date also has a `time` key (the second interview does)."""
    return field_at((*date_path[:-1], "time"), Profile) is not None


def _set(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    """Set a value at a dotted key, making (or replacing) the blocks on the way."""
    node = data
    for part in path[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[path[-1]] = value


Values = dict[tuple[str, ...], tuple[Any, Cell]]  # profile key -> (value, the cell it came from)


def _cells(row: SheetRow, columns: list[Column], cells: list[Cell]) -> tuple[Values, set[str]]:
    """The row's cells as profile values by key, and the keys whose cell was refused (a formula:
    its problem is given, so the key is not also reported missing)."""
    table = row.table
    by_letter = {column.letter: column for column in columns}
    values: Values = {}
    refused: set[str] = set()
    for cell in cells:
        column = by_letter.get(cell.column)
        if column is None:
            row.problems.append(table.problem(cell.column, cell.row, "sheet.no_heading"))
            continue
        value, problem = cell_value(column, cell, table)
        if problem:
            row.problems.append(problem)
            refused.add(".".join(column.path))
            continue
        values[column.path] = (value, cell)
        clock = (*column.path[:-1], "time")
        if column.kind == "date" and isinstance(cell.value, dt.datetime) and cell.value.time() != dt.time() \
                and clock not in values and _has_time(column.path):  # 3-12-2026 14:00: the time is kept
            values[clock] = (cell.value.strftime("%H:%M"), cell)
    return values, refused


def _files(row: SheetRow, values: Values) -> Any:
    """Take the `profile` and `notes` cells out of `values`: read the YAML profile the row
    completes (returned as loaded, for its line numbers) and find the notes file."""
    table, base_raw = row.table, None
    if ("profile",) in values:
        found = _inside(table, values.pop(("profile",))[1], "profile")
        if isinstance(found, Problem):
            row.problems.append(found)
        else:
            row.base = found
            try:
                base_raw = load_yaml_mapping(found, "profile")
            except InputError as exc:
                row.problems.extend(exc.problems)
    if ("notes",) in values:
        found = _inside(table, values.pop(("notes",))[1], "notes_file")
        row.problems.append(found) if isinstance(found, Problem) else setattr(row, "notes", found)
    elif row.base is not None:  # the notes beside the YAML profile come with it, as for `generate`
        beside = find_beside(row.base)
        if beside is not None and beside.resolve().is_relative_to(table.file.resolve().parent):
            row.notes = beside
    return base_raw


def _row(table: Table, columns: list[Column], cells: list[Cell], lang: str | None) -> SheetRow:
    """Read, merge and check one row."""
    row = SheetRow(table, cells[0].row, columns={".".join(column.path): column.letter for column in columns})
    values, refused = _cells(row, columns, cells)
    base_raw = _files(row, values)
    row.data = plain(base_raw) if base_raw is not None else {}  # fresh containers: the file's data stays as read
    for path, (value, _cell) in values.items():
        _set(row.data, path, value)
    row.language = choose_language(lang, raw=row.data)
    if not any(problem.file == row.base for problem in row.problems if row.base):  # its YAML could be read
        _check(row, base_raw, {".".join(path): cell for path, (_value, cell) in values.items()}, refused)
    row.problems = [problem.in_language(row.language) for problem in row.problems]
    return row


def _check(row: SheetRow, base_raw: Any, origin: dict[str, Cell], refused: set[str]) -> None:
    """Validate the merged profile (and the notes file) and name each problem where it came from."""
    path = row.base or row.table.file

    def locator(loc: tuple, on_key: bool = False) -> tuple[int | None, int | None]:
        return locate(base_raw, loc, on_key) if base_raw is not None else (None, None)

    try:
        row.profile = Profile.model_validate(row.data)
        found: list[Problem] = []
    except ValidationError as exc:
        found = problems_from(exc, path, locator, Profile)
    found += [Problem(path, *locator(loc, False), field_path(loc), key, values) for loc, key, values
              in cross_field_problems(row.data)]
    row.problems += [_placed(row, problem, origin, base_raw is not None) for problem in found
                     if problem.field not in refused]
    if row.notes is not None:
        try:
            _notes, problems, warnings = load_notes(row.notes)
        except InputError as exc:
            problems, warnings = exc.problems, []
        row.problems += problems
        row.warnings += warnings
    if row.problems:
        row.profile = None


def _placed(row: SheetRow, problem: Problem, origin: dict[str, Cell], has_base: bool) -> Problem:
    """A problem named by the cell its value came from, else by its place in the YAML file, else by the row."""
    fields = [key for key in origin if problem.field == key or problem.field.startswith((key + ".", key + "["))]
    if fields:
        cell = origin[max(fields, key=len)]
        return replace(problem, place=row.table.place(cell.column, cell.row))
    if has_base:
        return problem
    if problem.key in ("value.missing", "value.missing_top"):  # no YAML block to add it to: a column
        letter = row.columns.get(problem.field)
        place = row.table.place(letter, row.number) if letter else row.name
        return replace(problem, place=place, key="sheet.missing_column",
                       values={"path": ", ".join(required_leaves(problem.field))})
    return replace(problem, place=row.name)


def required_leaves(path: str) -> list[str]:
    """The keys a cell can hold that a missing block needs ('application' -> application.company,
    application.role, application.second_interview.date); the key itself when it is no block."""
    found = field_at(tuple(path.split(".")), Profile)
    model = model_in(found.annotation) if found is not None else None
    if model is None:
        return [path]
    leaves = []
    for name, declared in model.model_fields.items():
        if declared.is_required():
            leaves += required_leaves(f"{path}.{name}")
    return leaves or [path]
