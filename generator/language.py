"""Languages as data: a language is a folder `templates/<code>/`, found at start-up.

Each language folder holds everything that differs per language:
- `texts.yaml`: every guidance text and label of the pack (see docs/architecture.md);
- `language.yaml`: the Babel locale for dates and money, the document language tag for Word,
  the Markdown headings its notes may use, and the words that tell an interviewer's role and a
  sector apart;
- `example-profile.yaml` and `example-notes.md` for `prep-pack init`.
The code holds no list of languages: adding one is adding a folder. An agency's `--templates`
folder may override any text key of an existing language, and needs only the keys it changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.folders import builtin_templates, template_dirs
from generator.yamlload import load_yaml_mapping

DEFAULT_LANGUAGE = "nl"
_PLACEHOLDER = re.compile(r"\{(\w+)\}(\.?)")


def plain(node: Any) -> Any:
    """ruamel's round-trip containers as plain dicts and lists (keys as text)."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return node


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) \
            else value
    return merged


def fill(text: str, **values: Any) -> str:
    """Replace `{name}` by values[name]; unknown placeholders stay as written. A value that ends
    in a full stop ('Veldwerk B.V.') swallows the one after the placeholder: no 'B.V..'."""
    def one(match: re.Match[str]) -> str:
        if match.group(1) not in values:
            return match.group(0)
        value = str(values[match.group(1)])
        return value if value.endswith(".") else value + match.group(2)

    return _PLACEHOLDER.sub(one, text)


def is_register_pair(node: Any) -> bool:
    """True for a text written twice, for the informal `je` and the formal `u` (Dutch letters)."""
    return isinstance(node, dict) and set(node) == {"je", "u"}


PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}


def is_plural(node: Any) -> bool:
    """True for a text written per plural form (`one:` and `other:`), chosen by the count."""
    return isinstance(node, dict) and "other" in node and set(node) <= PLURAL_FORMS


def plural_form(code: str, count: Any) -> str:
    """The CLDR plural form ('one', 'other', ...) of a count in a language, from Babel."""
    from babel import Locale

    return str(Locale.parse(code).plural_form(abs(count)))


class Texts:
    """The guidance texts of one language, looked up by their full dotted key.

    Keys are always written out in full where they are used (`t("sections.plan.title")`), so a
    search for a key finds every use; tests/test_language.py checks that every key used exists
    in every language and that every key in a texts.yaml is used.
    """

    def __init__(self, data: dict[str, Any], code: str, register: str = "je") -> None:
        self.data = data
        self.code = code
        self.register = register  # 'je' or 'u': how the candidate addresses interviewers

    def with_register(self, register: str) -> Texts:
        """The same texts, choosing the `je` or `u` form wherever a text has both."""
        return Texts(self.data, self.code, register)

    def _resolve(self, node: Any) -> Any:
        """A text with a `je` and a `u` form becomes the form of this register (in lists too)."""
        if is_register_pair(node):
            return node[self.register]
        if isinstance(node, list):
            return [self._resolve(item) for item in node]
        return node

    def raw(self, key: str) -> Any:
        """The value at a dotted key (a string, list or mapping), unfilled."""
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"guidance text '{key}' is missing for language '{self.code}'")
            node = node[part]
        return self._resolve(node)

    def __call__(self, key: str, **values: Any) -> str:
        """The text at `key` with `{placeholders}` filled; user data is inserted, never interpreted.

        A text written per plural form takes the form for `n` (or `count`): "1 dag", "2 dagen".
        """
        node = self.raw(key)
        if is_plural(node):
            count = values.get("n", values.get("count"))
            node = node.get(plural_form(self.code, count), node["other"])
        return fill(str(node), **values)

    def list(self, key: str, **values: Any) -> list[str]:
        """A list of texts at `key`, each filled; one text where an agency wrote a single one (never
        a paragraph per character)."""
        found = self.raw(key)
        return [fill(str(item), **values) for item in ([found] if isinstance(found, str) else found)]


@dataclass(frozen=True)
class Language:
    """One language folder, loaded: its texts and the facts the code needs about it."""

    code: str                                 # the folder name, as written in `language:` and `--lang`
    locale: str                               # Babel locale for dates and money, e.g. nl_NL
    tag: str                                  # document language tag (Word, PDF), e.g. nl-NL
    texts: Texts


def read_own_yaml(path: Path) -> dict[str, Any]:
    """One of prep-pack's own template files, parsed by libyaml (C) with every scalar as text,
    exactly as the careful loader reads it (a test checks every file both ways) but fifty times
    faster: reading the language files took a sixth of a cold `generate`."""
    import yaml

    loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)  # C when PyYAML was built with libyaml
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - base loader: text only
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=32)
def _read(path: Path) -> dict[str, Any]:
    """A language file: our own quickly; an agency's (`--templates`) with the careful loader, which
    refuses what could hurt and names the line of a mistake."""
    if path.resolve().is_relative_to(builtin_templates().resolve()):
        return read_own_yaml(path)
    return plain(load_yaml_mapping(path, "language file"))


def forget_files() -> None:
    """Read the language files again next time (`preview`: an agency may be editing its texts)."""
    _read.cache_clear()


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    """The codes of the built-in languages: every folder in templates/ with a language.yaml.

    The default language comes first, then the others in alphabetical order.
    """
    root = builtin_templates()
    found = sorted(p.name for p in root.iterdir() if (p / "language.yaml").is_file())
    return tuple(sorted(found, key=lambda code: code != DEFAULT_LANGUAGE))


def language_facts(code: str) -> dict[str, Any]:
    """The built-in `language.yaml` of one language."""
    return _read(builtin_templates() / code / "language.yaml")


def load_language(code: str, override: Path | None = None) -> Language:
    """A language with its texts: the built-in ones, with an override folder's keys laid over them."""
    data: dict[str, Any] = {}
    for folder in reversed(template_dirs(override)):
        path = folder / code / "texts.yaml"
        if path.is_file():
            data = _merge(data, _read(path))
    facts = language_facts(code)
    return Language(code=code, locale=str(facts["locale"]), tag=str(facts["tag"]), texts=Texts(data, code))


@lru_cache(maxsize=64)
def words(key: str) -> dict[str, tuple[str, ...]]:
    """A word list from every language's `language.yaml`, merged per entry.

    Notes headings, interviewer roles and sectors are recognised whatever the pack's language:
    a Dutch candidate may ask for an English pack and still write Dutch notes.
    """
    merged: dict[str, list[str]] = {}
    for code in languages():
        for entry, values in language_facts(code).get(key, {}).items():
            bucket = merged.setdefault(entry, [])
            bucket += [str(v).casefold() for v in values if str(v).casefold() not in bucket]
    return {entry: tuple(values) for entry, values in merged.items()}


@lru_cache(maxsize=16)
def aliases(kind: str) -> dict[str, str]:
    """Words of every language for the options of one enumeration (`kantine` -> `canteen`)."""
    merged: dict[str, str] = {}
    for code in languages():
        for word, option in language_facts(code).get("aliases", {}).get(kind, {}).items():
            merged["_".join(str(word).casefold().split())] = str(option)
    return merged
