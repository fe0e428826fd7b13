"""Load and check the input files, reporting every problem at once with its file:line:column.

`load_inputs` is the front door of the pipeline: it reads the profile, finds the notes in the
order the spec gives (--notes, the profile's own `first_interview_notes:`, a file beside the
profile), validates both against the pydantic models, and either returns the checked data or
raises one `InputError` that lists every problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.errors import InputError, Problem
from generator.models import Notes, Profile, cross_field_problems, fields_at
from generator.notes import find_beside, parse_markdown
from generator.yamlload import load_yaml_mapping, locate, read_text

Locator = Callable[[tuple, bool], tuple[int | None, int | None]]


@dataclass(frozen=True)
class Inputs:
    """The checked input of one pack."""

    profile: Profile
    profile_path: Path
    notes: Notes | None
    notes_path: Path | None


def field_path(loc: tuple[Any, ...]) -> str:
    """Write a pydantic location as the user sees it: `offers[1].hours_per_week` (counted from 1)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _number(value: Any) -> str:
    """Show 80.0 as 80 and 2.5 as 2.5."""
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


# pydantic's error types that need no more than the value shown ({shown}) in our own words.
_PLAIN_MESSAGES = {
    "missing": "required, but missing",
    "int_parsing": "{shown} is not a whole number",
    "int_from_float": "{shown} is not a whole number",
    "float_parsing": "{shown} is not a number",
    "float_type": "{shown} is not a number",
    "int_type": "{shown} is not a number",
    "finite_number": "{shown} is not a number",
    "bool_parsing": "{shown} is not true or false",
    "list_type": "must be a list: one item per line, each starting with '- '",
    "model_type": "must be a block of keys and values (indented lines such as 'name: ...')",
    "dict_type": "must be a block of keys and values (indented lines such as 'name: ...')",
    "model_attributes_type": "must be a block of keys and values (indented lines such as 'name: ...')",
    "string_too_short": "is empty; fill it in or remove the key",
    "string_too_long": "is too long",
    "string_pattern_mismatch": "{shown} has the wrong form (for a currency use a code such as EUR)",
}


def _message(error: ErrorDetails, model: type[BaseModel]) -> str:
    """Say what is wrong in words a candidate understands, not pydantic's internal wording."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    shown = f"'{value}'" if isinstance(value, str) else "this value"
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind].format(shown=shown)
    if kind == "extra_forbidden":
        key = str(error["loc"][-1])
        allowed = fields_at(tuple(error["loc"][:-1]), model)
        hint = difflib.get_close_matches(key, sorted(allowed - {key}), n=1)
        return f"unknown key '{key}'" + (f"; did you mean '{hint[0]}'?" if hint else "")
    if kind == "literal_error":
        return f"{shown} is not allowed; use one of: {ctx.get('expected', '').replace(' or ', ', ')}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{shown} is too small; it must be at least {_number(ctx.get('ge', ctx.get('gt')))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{shown} is too large; it must be at most {_number(ctx.get('le', ctx.get('lt')))}"
    if kind.startswith("date"):  # date_* and datetime_*
        return f"{shown} is not a real date; write it as YYYY-MM-DD, e.g. 2026-12-03"
    if kind.startswith("time"):
        return f"{shown} is not a time; write it as \"14:00\" (in quotes)"
    if kind == "string_type":
        if isinstance(value, (list, dict)):
            return "must be text, not a list or a block"
        return "must be text; remove the tag in front of it or put the value in quotes"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"]))
    return str(error["msg"])


def problems_from(error: ValidationError, path: Path, locator: Locator, model: type[BaseModel]) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems, one per error."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        line, column = locator(loc, item["type"] == "extra_forbidden")
        problems.append(Problem(path, line, column, field_path(loc), _message(item, model)))
    return problems


def _validate(model: type[BaseModel], data: Any, path: Path,
              locator: Locator) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, problems_from(exc, path, locator, model)


def check_mapping(model: type[BaseModel], raw: Any, path: Path) -> tuple[BaseModel | None, list[Problem]]:
    """Validate loaded YAML against `model` plus the cross-field rules; every problem located, in file order."""
    result, problems = _validate(model, raw, path, lambda loc, on_key: locate(raw, loc, on_key))
    for loc, message in cross_field_problems(raw):
        line, column = locate(raw, loc)
        problems.append(Problem(path, line, column, field_path(loc), message))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return result, problems


def _load_notes(path: Path) -> tuple[Notes | None, list[Problem]]:
    """Read a notes file in YAML or Markdown, chosen by its extension."""
    if path.suffix.lower() in (".md", ".markdown", ".txt"):
        markdown = parse_markdown(path, read_text(path, "notes file"))

        def md_locator(loc: tuple, _on_key: bool) -> tuple[int | None, int | None]:
            return markdown.lines.get(tuple(loc[:2])) or markdown.lines.get(tuple(loc[:1])), 1

        return _validate(Notes, markdown.data, path, md_locator)  # type: ignore[return-value]
    raw = load_yaml_mapping(path, "notes file")
    return _validate(Notes, raw, path, lambda loc, on_key: locate(raw, loc, on_key))  # type: ignore[return-value]


def load_inputs(profile_path: Path, notes_path: Path | None = None) -> Inputs:
    """Load, validate and pair a profile with its notes; raise `InputError` listing every problem."""
    raw = load_yaml_mapping(profile_path, "profile")
    profile, problems = check_mapping(Profile, raw, profile_path)

    notes: Notes | None = None
    if notes_path is None and not (isinstance(profile, Profile) and profile.first_interview_notes):
        if "first_interview_notes" not in raw:
            notes_path = find_beside(profile_path)
    if notes_path is not None:
        try:
            notes, notes_problems = _load_notes(notes_path)
        except InputError as exc:
            notes_problems = exc.problems
        problems.extend(notes_problems)
    elif isinstance(profile, Profile):
        notes = profile.first_interview_notes

    if problems:
        raise InputError(problems)
    assert isinstance(profile, Profile)
    return Inputs(profile, profile_path, notes, notes_path)
