"""Reading an agency's spreadsheet (.xlsx or .csv) into plain rows of cells, each with its place.

Nothing here knows the profile format: a `Table` is the heading row and the data rows, every
cell keeping its column letter and row number so that each problem can be named as
`kandidaten.xlsx!Blad1:C7`. What a spreadsheet can hold that a profile cannot (a formula, merged
heading cells, a file far too big) is refused here, with the place.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils import get_column_letter

from generator.errors import InputError, Problem
from generator.textfile import clean_text

MAX_FILE = 20 * 1024 * 1024        # bytes on disk
MAX_UNPACKED = 100 * 1024 * 1024   # bytes of XML inside an .xlsx (a zip bomb stops here)
MAX_ROWS = 10_000
MAX_COLUMNS = 200                  # far more than the profile has keys
SUFFIXES = (".xlsx", ".csv")



class Formula(str):
    """A cell that holds a formula (`=A2&" "&B2`): refused in its row, as its value is not saved
    reliably (a file written by a script has none) and a formula is not data."""


Value = str | int | float | bool | dt.date | dt.datetime | dt.time


@dataclass(frozen=True)
class Cell:
    """One filled cell: where it is and what it holds."""

    column: str      # the column letter, as the spreadsheet shows it: C
    row: int         # the row number, as the spreadsheet shows it: 7
    value: Value


@dataclass
class Table:
    """One sheet: its heading cells and the data rows below them (empty rows left out)."""

    file: Path
    sheet: str                              # the sheet's name; '' for a CSV file
    header: list[Cell] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    def place(self, column: str = "", row: int | None = None) -> str:
        """'kandidaten.xlsx!Blad1:C7', 'kandidaten.csv:C7', or a whole row: 'kandidaten.xlsx!Blad1:7'."""
        where = f"{self.file.name}!{self.sheet}" if self.sheet else self.file.name
        if not column and row is None:
            return where
        return f"{where}:{column}{row if row is not None else ''}"

    def problem(self, column: str, row: int | None, key: str, **values: object) -> Problem:
        """A problem at one cell (or a whole row when `column` is empty), for the report and `validate`."""
        return Problem(self.file, None, None, "", key, values, place=self.place(column, row))


def is_sheet(path: Path) -> bool:
    """True for a file `batch`, `validate` and `import` read as a spreadsheet."""
    return path.suffix.lower() in SUFFIXES and not path.is_dir()


def _refuse(path: Path, key: str, **values: object) -> InputError:
    return InputError([Problem(path, None, None, "", key, values)])


def read_table(path: Path) -> Table:
    """The first sheet of an .xlsx, or a CSV file (`;` or `,`, UTF-8 with or without byte order mark)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _refuse(path, "file.missing" if isinstance(exc, FileNotFoundError) else "sheet.unreadable",
                      what="spreadsheet", detail=exc.strerror or str(exc)) from None
    if size > MAX_FILE:
        raise _refuse(path, "file.too_big", what="spreadsheet", size=size, max=MAX_FILE)
    table = _read_xlsx(path) if path.suffix.lower() == ".xlsx" else _read_csv(path)
    if not table.header:
        raise InputError([table.problem("", None, "sheet.empty")])
    if not table.rows:
        raise InputError([table.problem("", None, "sheet.no_rows")])
    if len(table.rows) > MAX_ROWS:
        raise _refuse(path, "sheet.too_many_rows", rows=len(table.rows), max=MAX_ROWS)
    return table


def _split(path: Path, grid: list[list[Cell]]) -> Table:
    """The first row with anything in it is the heading; the filled rows below it are the data."""
    filled = [row for row in grid if any(cell.value != "" for cell in row)]
    table = Table(path, "")
    if filled:
        table.header = [cell for cell in filled[0] if cell.value != ""]
        table.rows = [[cell for cell in row if cell.value != ""] for row in filled[1:]]
    return table


def _read_csv(path: Path) -> Table:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse(path, "sheet.not_utf8", offset=exc.start) from None
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = ";" if first.count(";") >= first.count(",") else ","  # Dutch Excel writes ';'
    records = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)  # a record is a row
    grid: list[list[Cell]] = []
    try:
        for line, row in enumerate(records, start=1):
            grid.append([Cell(get_column_letter(number), line, clean_text(value).strip())
                         for number, value in enumerate(row, 1)])
    except csv.Error as exc:  # a quote left open (it would swallow the rows after it), a huge cell
        raise _refuse(path, "sheet.csv_broken", row=len(grid) + 1, detail=str(exc)) from None
    return _split(path, grid)


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook  # uses defusedxml when installed (a dependency): no entity bombs

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > MAX_UNPACKED:
            raise _refuse(path, "sheet.too_big_inside", size=unpacked, max=MAX_UNPACKED)
        book = load_workbook(path, data_only=False)  # formulas as written, so they can be refused
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise _refuse(path, "sheet.unreadable", what="spreadsheet", detail=f"{type(exc).__name__}: {exc}") from None
    if not book.worksheets:
        raise _refuse(path, "sheet.empty")
    sheet = book.worksheets[0]
    if sheet.max_column > MAX_COLUMNS or sheet.max_row > MAX_ROWS + 100:  # a stray far-away cell would
        far = f"{get_column_letter(sheet.max_column)}{sheet.max_row}"    # make millions of empty cells
        raise InputError([Problem(path, None, None, "", "sheet.too_far", {"cell": far},
                                  place=f"{path.name}!{sheet.title}")])
    grid = [[Cell(get_column_letter(cell.column), cell.row, _value(cell)) for cell in row] for row in sheet.iter_rows()]
    table = _split(path, grid)
    table.sheet = sheet.title
    heading_row = table.header[0].row if table.header else 0
    problems = [table.problem(get_column_letter(merged.min_col), merged.min_row,
                              "sheet.merged_header" if merged.min_row <= heading_row <= merged.max_row
                              else "sheet.merged_cells", cells=str(merged))
                for merged in sheet.merged_cells.ranges if merged.max_row >= heading_row]
    if problems:
        raise InputError(problems)
    return table


def _value(cell: object) -> Value:
    """A cell's value as written: a formula marked as one, an empty cell as ''."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if getattr(cell, "data_type", "") == "f":
        return Formula(str(value))
    if isinstance(value, str):
        return clean_text(value).strip()
    return value if isinstance(value, int | float | bool | dt.date | dt.time) else clean_text(str(value))
