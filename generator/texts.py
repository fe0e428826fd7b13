"""Where templates live, and the guidance texts of each language.

Built-in templates sit in `templates/` (inside the installed package as
`generator/templates`). An agency may pass its own folder: any file found there wins over the
built-in one, and its `<lang>/texts.yaml` only has to hold the keys it wants to change.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from generator.yamlload import load_yaml_mapping

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def builtin_templates() -> Path:
    """The templates folder shipped with prep-pack (installed copy first, then the source tree)."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "pack.html.j2").is_file():
            return candidate
    raise RuntimeError(f"prep-pack's templates are missing (looked in {here})")


def template_dirs(override: Path | None = None) -> list[Path]:
    """Folders to search for templates, the user's own first."""
    dirs = [builtin_templates()]
    return [override, *dirs] if override else dirs


def _plain(node: Any) -> Any:
    """ruamel's round-trip containers as plain dicts and lists."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    return node


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) \
            else value
    return merged


class Texts:
    """The guidance texts of one language, looked up by dotted key and filled with personal data."""

    def __init__(self, data: dict[str, Any], lang: str) -> None:
        self.data = data
        self.lang = lang

    def raw(self, key: str) -> Any:
        """The value at a dotted key (a string, list or mapping), unfilled."""
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise KeyError(f"guidance text '{key}' is missing for language '{self.lang}'")
            node = node[part]
        return node

    def __call__(self, key: str, **values: Any) -> str:
        """The text at `key` with `{placeholders}` filled; user data is inserted, never interpreted."""
        return fill(str(self.raw(key)), **values)

    def list(self, key: str, **values: Any) -> list[str]:
        """A list of texts at `key`, each filled."""
        return [fill(str(item), **values) for item in self.raw(key)]


def fill(text: str, **values: Any) -> str:
    """Replace `{name}` by values[name]; unknown placeholders stay as written."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


@lru_cache(maxsize=16)
def _load(path: Path) -> dict[str, Any]:
    return _plain(load_yaml_mapping(path, "texts file"))


def load_texts(lang: str, override: Path | None = None) -> Texts:
    """The texts for `lang`: built-in ones, with an override folder's keys laid over them."""
    data: dict[str, Any] = {}
    for folder in reversed(template_dirs(override)):
        path = folder / lang / "texts.yaml"
        if path.is_file():
            data = _merge(data, _load(path))
    return Texts(data, lang)
