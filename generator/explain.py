"""What is really wrong with a value pydantic refused, as a message key and values (messages.yaml).

pydantic says *which* rule failed ("float_parsing"); the user needs to know *what to change*:
'36,5' has a decimal comma, '€ 3500' has a currency sign, an empty `name:` is empty (not "not
text"), and 'dans' is not an assessment kind but 'presentatie' would be. Each error type has a
small function here; the wording lives in each language's messages.yaml.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from generator.fieldtypes import ALIAS_KINDS
from generator.models import field_at, fields_at

Explained = tuple[str, dict[str, Any]]
_DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*$")
_NUMBER_INSIDE = re.compile(r"-?\d+(?:[.,]\d+)*")
_THOUSANDS = re.compile(r"^[1-9]\d{0,2}([.,]\d{3})+$")
_CONTAINERS = (list, dict)


def shown(value: Any) -> str:
    """A value as the user wrote it, for quoting in a message."""
    return value if isinstance(value, str) else str(value)


def _empty(error: ErrorDetails, model: type[BaseModel]) -> Explained:
    """A value left empty: a list item to fill in or remove, a required key to fill in, an optional one either."""
    loc = tuple(error["loc"])
    if loc and isinstance(loc[-1], int):
        return "value.empty_item", {}
    info = field_at(loc, model)
    return ("value.empty_optional" if info is not None and not info.is_required() else "value.empty"), {}


def _missing(error: ErrorDetails, _model: type[BaseModel]) -> Explained:
    """A required key: it belongs in the block it is reported at, or at the top of the file."""
    return ("value.missing" if len(error["loc"]) > 1 else "value.missing_top"), {"key": str(error["loc"][-1])}


def _not_number(error: ErrorDetails, _model: type[BaseModel]) -> Explained:
    """Say which part of the text keeps it from being a number: a decimal comma, a unit, or all of it."""
    value = error.get("input")
    whole = error["type"].startswith("int")
    if not isinstance(value, str):
        return "value.not_number", {"value": shown(value)}
    if _DECIMAL_COMMA.match(value) and not whole:
        return "value.decimal_comma", {"value": value.strip(), "fixed": value.strip().replace(",", ".")}
    inside = _NUMBER_INSIDE.search(value)
    if inside and inside.group(0) != value.strip():
        number = inside.group(0)
        fixed = re.sub(r"[.,]", "", number) if _THOUSANDS.match(number) else number.replace(",", ".")
        return "value.number_with_unit", {"value": value.strip(), "fixed": fixed}
    return ("value.not_whole" if whole else "value.not_number"), {"value": value.strip()}


def _unknown_key(error: ErrorDetails, model: type[BaseModel]) -> Explained:
    key = str(error["loc"][-1])
    allowed = [name for name in fields_at(tuple(error["loc"][:-1]), model) if name != key]
    hint = difflib.get_close_matches(key, allowed, n=1)
    if hint:
        return "key.unknown_hint", {"key": key, "hint": hint[0]}
    return "key.unknown_list", {"key": key, "allowed": [f"'{name}'" for name in allowed]}


def _choice(error: ErrorDetails, _model: type[BaseModel]) -> Explained:
    """Not one of the options: list them, and the language's own words for them where it has some."""
    options = re.findall(r"'([^']*)'", str((error.get("ctx") or {}).get("expected", "")))
    values = {"value": shown(error.get("input")), "options": [f"'{option}'" for option in options]}
    kind = ALIAS_KINDS.get(tuple(options))
    if kind:
        return "value.choice_aliases", {**values, "kind": kind}
    return "value.choice", values


def _limit(error: ErrorDetails, _model: type[BaseModel]) -> Explained:
    ctx = error.get("ctx") or {}
    small = error["type"].startswith("greater")
    limit = ctx.get("ge", ctx.get("gt")) if small else ctx.get("le", ctx.get("lt"))
    if isinstance(limit, (int, float)):  # 100000000, never 1e+08
        shown_limit = str(int(limit)) if float(limit).is_integer() else f"{limit:f}".rstrip("0")
    else:
        shown_limit = str(limit)
    return ("value.too_small" if small else "value.too_large"), {"value": shown(error.get("input")),
                                                                  "limit": shown_limit}


def _pattern(error: ErrorDetails, _model: type[BaseModel]) -> Explained:
    pattern = str((error.get("ctx") or {}).get("pattern", ""))
    value = {"value": shown(error.get("input"))}
    if "#" in pattern:
        return "value.colour", value
    if "{3}" in pattern:
        return "value.currency", value
    return "value.pattern", value


def _text(error: ErrorDetails, _model: type[BaseModel]) -> Explained:
    return "value.tagged", {}


def _too_long(error: ErrorDetails, _model: type[BaseModel]) -> Explained:
    written = error.get("input")
    if isinstance(written, list | dict):  # a list (or block of headings) with more items than a pack can show
        return "value.too_many", {"length": len(written), "max": (error.get("ctx") or {}).get("max_length", 0)}
    return "value.too_long", {"length": len(written) if isinstance(written, str) else len(shown(written)),
                              "max": (error.get("ctx") or {}).get("max_length", 0)}


def _fixed(key: str) -> Callable[[ErrorDetails, type[BaseModel]], Explained]:
    """An error type whose message needs at most the value itself."""
    return lambda error, _model: (key, {"value": shown(error.get("input"))})


def _block(error: ErrorDetails, model: type[BaseModel]) -> Explained:
    """Not a block of keys: show the first key the block should hold (a mapping of headings for `other`)."""
    keys = fields_at(tuple(error["loc"]), model)
    return ("value.not_block", {"example": f"{keys[0]}: ..."}) if keys else ("value.not_mapping", {})


_BY_TYPE: dict[str, Callable[[ErrorDetails, type[BaseModel]], Explained]] = {
    "missing": _missing,
    "int_parsing": _not_number, "int_from_float": _fixed("value.not_whole"), "float_parsing": _not_number,
    "float_type": _not_number, "int_type": _not_number, "finite_number": _fixed("value.not_finite"),
    "bool_parsing": _fixed("value.not_bool"), "bool_type": _fixed("value.not_bool"),
    "list_type": lambda _error, _model: ("value.not_list", {}),
    "model_type": _block, "dict_type": _block, "model_attributes_type": _block,
    "string_too_long": _too_long, "too_long": _too_long, "string_pattern_mismatch": _pattern, "string_type": _text,
    "extra_forbidden": _unknown_key, "literal_error": _choice, "enum": _choice,
    "greater_than_equal": _limit, "greater_than": _limit, "less_than_equal": _limit, "less_than": _limit,
}


def explain(error: ErrorDetails, model: type[BaseModel]) -> Explained:
    """The message key and values for one pydantic error, in terms of what the user should change."""
    kind = error["type"]
    value = error.get("input")
    if kind == "string_too_short" or (value is None and kind != "missing"):
        return _empty(error, model)
    if isinstance(value, _CONTAINERS) and kind not in ("missing", "extra_forbidden", "list_type", "too_long") \
            and not kind.startswith(("model", "dict")):
        return ("value.text_not_container" if kind == "string_type" else "value.not_single"), {}
    if kind in _BY_TYPE:
        return _BY_TYPE[kind](error, model)
    if "." in kind:  # our own refusals: the type is the message key, the context its values
        return kind, dict(error.get("ctx") or {})
    if kind.startswith(("date", "time")):
        return ("date.form" if kind.startswith("date") else "time.form"), {"value": shown(value)}
    return "value.invalid", {"detail": error["msg"]}
