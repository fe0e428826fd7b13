"""Messages about the input, in the user's language: the catalogue in `templates/<lang>/messages.yaml`.

A problem or warning carries a message key and plain values, not a sentence. The sentence is
looked up only when it is shown, so the language can be chosen after the profile has been read:
`--lang` when given, else the profile's own `language:`, else the default language. The code
holds no message text; a language folder brings its own `messages.yaml`.

Placeholders are `{name}`, filled by plain replacement (user text is inserted, never
interpreted). A placeholder may name a way of showing its value, `{name:how}`:
`n` a number with the language's digit grouping, `month` a (year, month) pair as a month name
and year, `list` items joined with the language's "or", `noun` a noun from `what:`, `aliases`
the language's own words for the options of an enumeration (`aliases:` in language.yaml).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

from generator.folders import builtin_templates
from generator.language import DEFAULT_LANGUAGE, aliases, language_facts, languages

MESSAGES_FILE = "messages.yaml"
FALLBACK = "en"  # a new language folder without a message yet shows the English one
_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")
_DECLARED = re.compile(rb"^language:[ \t]*[\"']?([A-Za-z]{2,8})", re.MULTILINE)


@lru_cache(maxsize=16)
def catalogue(lang: str) -> dict[str, Any]:
    """The messages of one language as nested plain data ({} when the folder has none)."""
    from generator.language import read_own_yaml

    path = builtin_templates() / lang / MESSAGES_FILE
    return read_own_yaml(path) if path.is_file() else {}


def _walk(data: Any, key: str) -> Any:
    for part in key.split("."):
        if not isinstance(data, dict) or part not in data:
            return None
        data = data[part]
    return data


def has(key: str, lang: str) -> bool:
    """True when the language's own catalogue holds `key` (no fallback to another language)."""
    return _walk(catalogue(lang), key) is not None


def lookup(key: str, lang: str | None = None) -> Any:
    """The catalogue entry at a dotted key, in `lang`, else in English, else in the default language."""
    for code in dict.fromkeys((lang or DEFAULT_LANGUAGE, FALLBACK, DEFAULT_LANGUAGE)):
        found = _walk(catalogue(code), key)
        if found is not None:
            return found
    raise KeyError(f"message '{key}' is missing from every {MESSAGES_FILE}")


def _locale(lang: str) -> str:
    return str(language_facts(lang).get("locale", "en_GB"))


def _number(value: Any, lang: str) -> str:
    return format_decimal(value, locale=_locale(lang)) if isinstance(value, (int, float)) else str(value)


def _month(value: Any, lang: str) -> str:
    year, month = value
    return format_date(dt.date(int(year), int(month), 1), "MMMM y", locale=_locale(lang))


def _list(value: Any, lang: str) -> str:
    items = [str(item) for item in value]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {lookup('label.or', lang)} {items[-1]}"


def _noun(value: Any, lang: str) -> str:
    return str(lookup(f"what.{str(value).replace(' ', '_')}", lang))


def _aliases(value: Any, lang: str) -> str:
    """The language's own words for an enumeration's options, else every language's words."""
    own = language_facts(lang).get("aliases", {}).get(str(value), {})
    words = [str(word) for word, option in own.items() if word != option] or list(aliases(str(value)))
    return _list([f"'{word}'" for word in words], lang)


_SHOW: dict[str, Callable[[Any, str], str]] = {
    "n": _number, "month": _month, "list": _list, "noun": _noun, "aliases": _aliases,
}


def fill(template: str, values: Mapping[str, Any], lang: str) -> str:
    """Fill `{name}` and `{name:how}` placeholders; unknown names stay as written."""
    def one(match: re.Match[str]) -> str:
        name, how = match.group(1), match.group(2)
        if name not in values:
            return match.group(0)
        return _SHOW[how](values[name], lang) if how in _SHOW else str(values[name])
    return _PLACEHOLDER.sub(one, template)


def text(key: str, lang: str | None = None, values: Mapping[str, Any] | None = None) -> str:
    """The message at `key` in `lang`, filled with `values`.

    An entry with `one:` and `other:` is a plural, chosen by the value `count`.
    """
    lang = lang or DEFAULT_LANGUAGE
    values = values or {}
    try:
        entry = lookup(key, lang)
    except Exception:  # noqa: BLE001 - a broken catalogue must not hide the problem being reported
        return f"{key} {dict(values)}"
    if isinstance(entry, dict):
        entry = entry["one"] if values.get("count") == 1 else entry["other"]
    return fill(str(entry), values, lang)


def _declared(raw: Any) -> str | None:
    value = raw.get("language") if isinstance(raw, Mapping) else None
    return value.strip().lower() if isinstance(value, str) else None


def _sniffed(path: Path | None) -> str | None:
    """The `language:` line of a file that could not be read as YAML (a syntax error, say)."""
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            head = handle.read(1024 * 1024)
    except OSError:
        return None
    found = _DECLARED.search(head)
    return found.group(1).decode("ascii").lower() if found else None


def choose_language(explicit: str | None = None, *, raw: Any = None, path: Path | None = None) -> str:
    """The language of the messages: `--lang`, else the profile's `language:`, else the default."""
    for candidate in (explicit, _declared(raw), _sniffed(path) if raw is None else None):
        if candidate and candidate.lower() in languages():
            return candidate.lower()
    return DEFAULT_LANGUAGE
