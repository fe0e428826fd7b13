"""A spreadsheet row written out as a YAML profile: for `prep-pack import` (a file the agency goes
on to edit, with a comment saying where it came from and what a row cannot hold) and for the
batch, which hands each row to its workers exactly as a profile file.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from generator.messages import text
from generator.sheet.rows import SheetRow

ORDER = ("language", "candidate", "application", "stories", "questions", "salary", "offers", "first_interview_notes")


def _ordered(data: dict[str, Any]) -> CommentedMap:
    """The profile's blocks in the order of the example profile; anything else after them."""
    ordered = CommentedMap()
    for key in sorted(data, key=lambda k: ORDER.index(k) if k in ORDER else len(ORDER)):
        ordered[key] = data[key]
    return ordered


def profile_yaml(row: SheetRow, today: dt.date | None = None, file_name: str = "") -> str:
    """The row's profile as YAML text; with `today` and the file's name, headed by a comment for a
    person to read, in the row's language."""
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 100
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    stream = io.StringIO()
    data = _ordered(row.data)
    if today is not None and file_name:
        lines = [text("sheet.import_made", row.language, {"row": row.name, "date": today.isoformat()})]
        if row.base is not None:
            lines.append(text("sheet.import_base", row.language, {"file": row.base.name}))
        if not row.data.get("stories") or not row.data.get("offers"):
            lines.append(text("sheet.import_more", row.language))
        lines.append(text("sheet.import_check", row.language, {"file": file_name}))
        data.yaml_set_start_comment("\n".join(lines))
    yaml.dump(data, stream)
    return stream.getvalue()
