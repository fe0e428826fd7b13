"""Load and check the input files, reporting every problem at once with its file:line:column.

`load_inputs` is the front door of the pipeline: it reads the profile, finds the notes in the
order the spec gives (--notes, the profile's own `first_interview_notes:`, a file beside the
profile), validates both against the pydantic models, and either returns the checked data or
raises one `InputError` that lists every problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.errors import InputError, Problem
from generator.explain import explain
from generator.messages import choose_language
from generator.models import Notes, Profile, cross_field_problems
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
    warnings: list[Problem] = field(default_factory=list)  # not errors: shown, and the pack is still made


def field_path(loc: tuple[Any, ...]) -> str:
    """Write a pydantic location as the user sees it: `offers[1].hours_per_week` (counted from 1)."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def problems_from(error: ValidationError, path: Path, locator: Locator, model: type[BaseModel]) -> list[Problem]:
    """Turn a pydantic ValidationError into located problems, one per error."""
    problems = []
    for item in error.errors(include_url=False):
        loc = tuple(item["loc"])
        line, column = locator(loc, item["type"] == "extra_forbidden")
        key, values = explain(item, model)
        problems.append(Problem(path, line, column, field_path(loc), key, values))
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
    for loc, key, values in cross_field_problems(raw):
        line, column = locate(raw, loc)
        problems.append(Problem(path, line, column, field_path(loc), key, values))
    problems.sort(key=lambda p: (p.line or 0, p.column or 0))
    return result, problems


def load_notes(path: Path) -> tuple[Notes | None, list[Problem], list[Problem]]:
    """Read a notes file in YAML or Markdown, chosen by its extension: (notes, problems, warnings)."""
    if path.suffix.lower() in (".md", ".markdown", ".txt"):
        markdown = parse_markdown(path, read_text(path, "notes file"))

        def md_locator(loc: tuple, _on_key: bool) -> tuple[int | None, int | None]:
            return markdown.lines.get(tuple(loc[:2])) or markdown.lines.get(tuple(loc[:1])), 1

        notes, problems = _validate(Notes, markdown.data, path, md_locator)
        return notes, markdown.problems + problems, markdown.warnings  # type: ignore[return-value]
    raw = load_yaml_mapping(path, "notes file")
    notes, problems = _validate(Notes, raw, path, lambda loc, on_key: locate(raw, loc, on_key))
    return notes, problems, []  # type: ignore[return-value]


def _notes_for(profile_path: Path, raw: Any, profile: BaseModel | None,
               notes_path: Path | None) -> tuple[Notes | None, Path | None, list[Problem], list[Problem]]:
    """The notes in the order the spec gives: --notes, the profile's own key, a file beside the profile."""
    if notes_path is None and "first_interview_notes" not in raw:
        notes_path = find_beside(profile_path)
    if notes_path is None:
        return (profile.first_interview_notes if isinstance(profile, Profile) else None), None, [], []
    try:
        notes, problems, warnings = load_notes(notes_path)
    except InputError as exc:
        return None, notes_path, exc.problems, []
    return notes, notes_path, problems, warnings


def load_inputs(profile_path: Path, notes_path: Path | None = None, lang: str | None = None) -> Inputs:
    """Load, validate and pair a profile with its notes; raise `InputError` listing every problem.

    Messages are in `lang` when given, else in the profile's own `language:`, else the default.
    """
    try:
        raw = load_yaml_mapping(profile_path, "profile")
    except InputError as exc:
        raise exc.in_language(choose_language(lang, path=profile_path)) from None
    language = choose_language(lang, raw=raw)
    if set(raw) <= set(Notes.model_fields):  # every key is a notes key: the notes were given as the profile
        raise InputError([Problem(profile_path, 1, 1, "", "file.notes_not_profile")], language)
    profile, problems = check_mapping(Profile, raw, profile_path)
    notes, notes_path, notes_problems, warnings = _notes_for(profile_path, raw, profile, notes_path)
    problems.extend(notes_problems)
    if problems:
        raise InputError(problems, language)
    assert isinstance(profile, Profile)
    return Inputs(profile, profile_path, notes, notes_path, [w.in_language(language) for w in warnings])
