"""CSV as spreadsheets read it: the two dialects of `--csv-dialect`, and safe text cells.

- `excel-nl` is what Dutch Excel and LibreOffice open with a double-click: `;` between cells,
  a decimal comma, CRLF line ends and a UTF-8 byte-order mark (without it "Zoë" is mangled).
  It is the default for Dutch packs and a Dutch batch's report.csv.
- `rfc` is RFC 4180 with a decimal point and no byte-order mark, for programs (and English packs).

Every CSV prep-pack writes goes through `csv_text`, so both dialects and the guard against
spreadsheet formulas (a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return is
prefixed with `'`, as OWASP advises) hold everywhere.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence

DIALECTS = ("excel-nl", "rfc")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def default_dialect(language: str) -> str:
    """The dialect a pack or report in `language` gets when none is asked for."""
    return "excel-nl" if language == "nl" else "rfc"


def cell(value: object, dialect: str) -> str:
    """One value as CSV text: numbers unrounded (decimal comma in excel-nl), booleans as
    true/false, lists joined with '; ', None empty, and text that a spreadsheet would run as a
    formula defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        text = repr(value).removesuffix(".0") if isinstance(value, float) else str(value)
        return text.replace(".", ",") if dialect == "excel-nl" else text
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, object]], dialect: str) -> str:
    """A whole CSV file: a header of `columns`, then one line per row, in `dialect`."""
    buffer = io.StringIO()
    if dialect == "excel-nl":
        buffer.write("\ufeff")
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    else:
        writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([cell(row.get(column), dialect) for column in columns] for row in rows)
    return buffer.getvalue()
