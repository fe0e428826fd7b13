"""What each spreadsheet column fills in a profile, and how a cell becomes a profile value.

A heading is a profile key in dotted form (`application.second_interview.date`) or one of the
Dutch and English names in each language.yaml (`sheet_column:` aliases: `functie`, `Datum
gesprek`, `Interview date`). Two more columns name files beside the sheet: `profile` (a YAML
profile the row completes or overrides) and `notes` (the notes of the first interview).

What a cell may hold follows the profile key's type, read from the pydantic model: dates as an
Excel date or YYYY-MM-DD (or d-m-yyyy, as Dutch sheets write them), times as an Excel time or
HH:MM, numbers also when stored as text, yes/no in both languages, and lists in one cell with
`;` between the entries. Interviewers are written `Name (Role)`, with a `*` after someone the
candidate met in the first interview: `Mark de Boer (Teamleider)*; Fatima El Idrissi (HR)`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
from dataclasses import dataclass, replace
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from generator.errors import Problem
from generator.language import aliases
from generator.models import Interviewer, Profile, field_at
from generator.sheet.cells import Cell, Formula, Table

FILE_COLUMNS = ("profile", "notes")   # columns naming a file beside the sheet, not a profile key
SEPARATOR = ";"                        # between the entries of a list in one cell (a new line works too)
MET_BEFORE = "*"                       # after an interviewer the candidate met in round one
_DUTCH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}([.,]\d{3})+$")
_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_PERSON = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<role>[^()]*)\))?\s*(?P<met>\*)?$")
YES = {"ja", "j", "yes", "y", "true", "waar", "1", "x", "wel"}
NO = {"nee", "n", "no", "false", "onwaar", "0", "niet"}


@dataclass(frozen=True)
class Column:
    """One heading cell and what its cells fill."""

    letter: str
    heading: str
    path: tuple[str, ...]   # the profile key, ('application', 'role'), or ('profile',) / ('notes',)
    kind: str               # text, number, bool, date, time, list, people, file


def _normal(heading: str) -> str:
    return "_".join(heading.casefold().replace("-", " ").split())


def _alias_table() -> dict[str, str]:
    return {_normal(word): path for word, path in aliases("sheet_column").items()}


def _bare(annotation: Any) -> Any:
    """The type under `X | None` and `Annotated[X, ...]`: `Time | None` is a time."""
    while True:
        if get_origin(annotation) in (Union, types.UnionType):
            annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
        elif get_origin(annotation) is Annotated:
            annotation = get_args(annotation)[0]
        else:
            return annotation


def _kind(path: tuple[str, ...]) -> str | None:
    """What a profile key takes, read from the model; None for no such key, 'block' for one a cell
    cannot hold (a list of stories, a whole block)."""
    if path in {(name,) for name in FILE_COLUMNS}:
        return "file"
    try:
        found = field_at(path, Profile)
    except (AttributeError, TypeError):
        return None
    if found is None:
        return None
    annotation = _bare(found.annotation)
    if get_origin(annotation) is list:
        inner = _bare(get_args(annotation)[0])
        if inner is Interviewer:
            return "people"
        return "block" if isinstance(inner, type) and issubclass(inner, BaseModel) else "list"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "block"
    return {bool: "bool", dt.date: "date", dt.time: "time", float: "number", int: "number"}.get(
        annotation if isinstance(annotation, type) else str, "text")


def _path_valid(path: tuple[str, ...]) -> bool:
    """True when every step of a dotted path is a key of the block before it."""
    return all(part.isidentifier() for part in path) and _kind(path) is not None


def read_header(table: Table) -> tuple[list[Column], list[Problem]]:
    """The columns of a sheet by their headings, with every heading that cannot be used."""
    table_aliases = _alias_table()
    columns: list[Column] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, ...], str] = {}
    for cell in table.header:
        heading = str(cell.value).strip()
        written = tuple(heading.casefold().split("."))
        path = written if _path_valid(written) else tuple(table_aliases.get(_normal(heading), "").split("."))
        kind = _kind(path) if path != ("",) else None
        if kind is None:
            problems.append(_unknown(table, cell, heading, table_aliases))
        elif kind == "block":
            problems.append(table.problem(cell.column, cell.row, "sheet.block_column", path=".".join(path)))
        elif path in seen:
            problems.append(table.problem(cell.column, cell.row, "sheet.duplicate_column", heading=heading,
                                          path=".".join(path), other=seen[path]))
        else:
            seen[path] = cell.column
            columns.append(Column(cell.column, heading, path, kind))
    return columns, problems


def _unknown(table: Table, cell: Cell, heading: str, table_aliases: dict[str, str]) -> Problem:
    """An unknown heading, with the nearest known name when one is close."""
    known = sorted(set(table_aliases) | set(table_aliases.values()))
    hint = difflib.get_close_matches(_normal(heading), known, n=1, cutoff=0.6)
    if hint:
        return table.problem(cell.column, cell.row, "sheet.unknown_column", heading=heading, hint=hint[0])
    return table.problem(cell.column, cell.row, "sheet.unknown_column_plain", heading=heading,
                         known=["candidate.name", "application.company", "application.role",
                                "application.second_interview.date"])


def _text(value: Any) -> str:
    """A cell as text: whole numbers without '.0', dates as YYYY-MM-DD."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()


def _entries(value: Any) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", _text(value)) if part.strip()]


def _person(entry: str) -> dict[str, object] | str:
    """'Mark de Boer (Teamleider)*' -> name, role and met_before; anything else is left to validation."""
    found = _PERSON.match(entry)
    if not found:
        return entry
    person: dict[str, object] = {"name": found["name"].strip()}
    if found["role"] and found["role"].strip():
        person["role"] = found["role"].strip()
    if found["met"]:
        person["met_before"] = True
    return person


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = _text(value)
    dutch = _DUTCH_DATE.match(text)
    if dutch:  # 3-12-2026: day first, as Dutch spreadsheets write it
        day, month, year = (int(part) for part in dutch.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"  # validation says what is wrong with 30-2-2026
    return text


def _time(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.strftime("%H:%M")
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    if isinstance(value, float) and 0 <= value < 1:  # a time whose cell format was lost: a fraction of a day
        minutes = round(value * 24 * 60)
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 <= value < 24:
        hours, minutes = divmod(round(value * 100), 100)  # 9.30 typed in Excel is stored as the number 9.3
        if minutes < 60:
            return f"{hours:02d}:{minutes:02d}"
    text = _text(value)
    clock = _CLOCK.match(text)
    return f"{int(clock[1]):02d}:{clock[2]}" if clock else text


def _number(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    text = _text(value)
    if _THOUSANDS.match(text):
        return text  # 4.300 or 4,300: validation explains that it reads as 4.3
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # 4300,50 with a Dutch decimal comma; 4,300 is left to be refused
    try:  # a number stored as text: a number again, so the YAML of `import` reads 4600, not '4600'
        number = float(text)
    except ValueError:
        return text  # validation says what is wrong with it
    return int(number) if number.is_integer() and "." not in text else number


def _bool(value: Any) -> Any:
    if isinstance(value, bool):
        return value
    word = _text(value).casefold()
    return True if word in YES else False if word in NO else word


CONVERT = {"text": _text, "file": _text, "number": _number, "bool": _bool, "date": _date, "time": _time,
           "list": _entries, "people": lambda value: [_person(entry) for entry in _entries(value)]}


def cell_value(column: Column, cell: Cell, table: Table) -> tuple[Any, Problem | None]:
    """The profile value of one cell, or the problem with it (a formula)."""
    if isinstance(cell.value, Formula):
        problem = table.problem(cell.column, cell.row, "sheet.formula", formula=str(cell.value)[:60])
        return None, replace(problem, field=".".join(column.path))
    return CONVERT[column.kind](cell.value), None
