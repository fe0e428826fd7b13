"""Nothing silently dropped: every field of the profile and the notes reaches the pack.

`tests/data/complete.yaml` fills in every field of the input format (checked here against the
models, so a new field without a place in the pack fails). Every free-text value is replaced by
a unique marker that must appear in the HTML pack or in a warning; every other value (numbers,
switches, options, dates) is changed one at a time and must change the HTML pack.
"""

from __future__ import annotations

import copy
import datetime as dt
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from pydantic import BaseModel
from ruamel.yaml import YAML

from generator.content.build import build_pack
from generator.models import Profile
from generator.options import RunOptions
from generator.render.assets import load_assets
from generator.render.html import pack_html
from generator.validate import check_mapping

COMPLETE = Path(__file__).resolve().parent / "data" / "complete.yaml"
TODAY = dt.date(2027, 7, 1)  # three weeks before the interview, with Belgium's 21 July in between
OPTIONS = RunOptions(today=TODAY)

Path_ = tuple[str | int, ...]


def _raw() -> dict[str, Any]:
    return YAML(typ="safe").load(COMPLETE.read_text(encoding="utf-8"))


def _html(raw: dict[str, Any]) -> tuple[str, list[str]]:
    """The HTML pack and the warnings for a profile given as data."""
    profile, problems = check_mapping(Profile, raw, COMPLETE)
    assert not problems, [str(p) for p in problems]
    from generator.validate import Inputs

    inputs = Inputs(profile, COMPLETE, profile.first_interview_notes, None)  # type: ignore[arg-type]
    pack = build_pack(inputs, options=OPTIONS)
    return pack_html(pack, load_assets(OPTIONS)), pack.warnings


def _unwrap(annotation: Any) -> Any:
    """The type inside Optional[...] and Annotated[...]."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _model_in(annotation: Any) -> type[BaseModel] | None:
    inner = _unwrap(annotation)
    if typing.get_origin(inner) is list:
        inner = _unwrap(typing.get_args(inner)[0])
    return inner if isinstance(inner, type) and issubclass(inner, BaseModel) else None


def _leaves(model: type[BaseModel], data: dict[str, Any], path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every leaf value of the data with the type its field declares (list items one by one)."""
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        value, annotation = data[name], _unwrap(info.annotation)
        sub = _model_in(annotation)
        if sub is not None and isinstance(value, list):
            for i, item in enumerate(value):
                yield from _leaves(sub, item, (*path, name, i))
        elif sub is not None:
            yield from _leaves(sub, value, (*path, name))
        elif isinstance(value, list):
            item_type = _unwrap(typing.get_args(annotation)[0])
            for i, _item in enumerate(value):
                yield (*path, name, i), item_type
        elif isinstance(value, dict):  # notes `other`: heading -> list of lines
            for heading, lines in value.items():  # the lines first: the heading's marker renames the key
                for i, _line in enumerate(lines):
                    yield (*path, name, heading, i), str
                yield (*path, name, "{key}", heading), str
        else:
            yield (*path, name), annotation


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        data = data[part]
    return data


def _set(data: Any, path: Path_, value: Any) -> None:
    _get(data, path[:-1])[path[-1]] = value


def _is_text(annotation: Any, path: Path_) -> bool:
    """Free text, as the candidate writes it (not an option, a code or a date)."""
    return annotation is str and path[-1] not in ("language", "currency", "country", "address")


def _field_paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field of the input format as a dotted path without list positions."""
    paths = set()
    for name, info in model.model_fields.items():
        paths.add(prefix + name)
        sub = _model_in(info.annotation)
        if sub is not None:
            paths |= _field_paths(sub, f"{prefix}{name}.")
    return paths


def _filled_paths(data: Any, prefix: str = "") -> set[str]:
    """Every key the fixture fills in, in the same form; the notes' free headings are not fields."""
    paths = set()
    if isinstance(data, list):
        for item in data:
            paths |= _filled_paths(item, prefix)
    elif isinstance(data, dict) and not prefix.endswith("other."):
        for key, value in data.items():
            paths.add(prefix + key)
            paths |= _filled_paths(value, f"{prefix}{key}.")
    return paths


def test_the_fixture_fills_in_every_field_of_every_model():
    assert _field_paths(Profile) - _filled_paths(_raw()) == set()


def _marked() -> tuple[dict[str, Any], dict[str, Path_]]:
    """The fixture with every free-text value replaced by a unique marker, and where each went."""
    raw = copy.deepcopy(_raw())
    markers: dict[str, Path_] = {}
    for path, annotation in list(_leaves(Profile, _raw())):
        if not _is_text(annotation, path):
            continue
        marker = f"Qz{len(markers)}xQ"
        markers[marker] = path
        if "{key}" in path:  # a notes heading: rename the key, keep its lines
            container = _get(raw, path[:-2])
            container[marker] = container.pop(path[-1])
            continue
        special = {"vacancy_url": f"https://example.nl/{marker}", "email": f"{marker}@example.nl"}
        _set(raw, path, special.get(str(path[-1]), marker))
    return raw, markers


def test_every_free_text_reaches_the_pack_or_a_warning():
    raw, markers = _marked()
    html, warnings = _html(raw)
    lost = [".".join(map(str, path)) for marker, path in markers.items()
            if marker not in html and not any(marker in w for w in warnings)]
    assert len(markers) > 30
    assert lost == []


def _changed(annotation: Any, value: Any) -> Any:
    """Another valid value for a field that is not free text."""
    if isinstance(value, bool):
        return not value
    if typing.get_origin(annotation) is Literal:
        return next(option for option in typing.get_args(annotation) if option != value)
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, (int, float)):
        return value - 1 if value > 1 else value + 1
    return {"10:00": "11:30", "nl": "en", "EUR": "USD", "NL": "BE", "je": "u"}[value]


OTHER_VALUES = [(path, annotation) for path, annotation in _leaves(Profile, _raw())
                if not _is_text(annotation, path)]


@pytest.fixture(scope="module")
def baseline() -> str:
    return _html(_raw())[0]


@pytest.mark.parametrize("path, annotation", OTHER_VALUES, ids=[".".join(map(str, p)) for p, _ in OTHER_VALUES])
def test_every_other_value_changes_the_pack(path, annotation, baseline):
    raw = _raw()
    value = _get(raw, path)
    changed = _changed(annotation, value)
    if path[-2:] == ("answered", 0):  # an id already in the list would not change the list
        changed = "lunch"
    _set(raw, path, changed)
    assert _html(raw)[0] != baseline, f"{'.'.join(map(str, path))}: {value!r} -> {changed!r} changed nothing"


def _emptied(data: Any) -> Any:
    """The data with every list emptied, at every level."""
    if isinstance(data, list):
        return []
    if isinstance(data, dict):
        return {key: _emptied(value) for key, value in data.items()}
    return data


def test_a_profile_with_every_list_empty_claims_nothing_it_cannot_support():
    raw = _emptied(_raw())
    del raw["candidate"]["pitch"]
    profile, problems = check_mapping(Profile, raw, COMPLETE)
    assert not problems
    from generator.content.blocks import ItemList
    from generator.language import load_language
    from generator.validate import Inputs

    pack = build_pack(Inputs(profile, COMPLETE, None, None), options=OPTIONS)  # type: ignore[arg-type]
    texts = load_language("nl").texts
    summary = [item for block in pack.summary if isinstance(block, ItemList) for item in block.items]
    assert texts("summary.no_gaps") not in [item.text for item in summary]
    assert not [item for item in summary if item.label == texts("summary.gaps")]
    todo = [item.attrs["data-todo"] for item in summary if "data-todo" in item.attrs]
    assert todo == ["candidate.pitch", "application.required_skills", "stories",
                    "application.second_interview.interviewers", "notes"]
