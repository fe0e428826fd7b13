"""Spreadsheet intake for agencies: `batch SHEET`, `validate SHEET` and `import SHEET`.

`cells` reads an .xlsx or .csv file into cells that know their place, `columns` says what each
heading fills and turns cells into profile values, `rows` makes and checks one profile per row,
and `export` writes a row as a YAML profile.
"""

from generator.sheet.cells import is_sheet
from generator.sheet.rows import SheetRow, read_rows

__all__ = ["SheetRow", "is_sheet", "read_rows"]
