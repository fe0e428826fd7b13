"""Read YAML input safely and remember where every value came from.

Profiles come from strangers (an agency runs hundreds), so this module refuses what could hurt
before anything is built: files over 1 MiB, anchors and aliases (the "billion laughs" bomb),
tags that would build Python objects, and absurd nesting. Every plain scalar is kept as a
string (only an empty value or `~`/`null` means "nothing"), so `0612345678` keeps its leading
zero and `14:00` stays a time; the pydantic models then turn strings into numbers and dates,
with messages a person understands.

The result is ruamel.yaml's round-trip data, which knows the line and column of every key and
item, so `locate()` can point a validation error at the exact spot in the file.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq, TaggedScalar
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag
from ruamel.yaml.tokens import ScalarToken

from generator.errors import InputError, Problem
from generator.textfile import MAX_BYTES, clean_text, decode, read_bytes, read_text  # noqa: F401 - re-exported
from generator.yamlpath import field_at_line

MAX_DEPTH = 32
# A real profile holds a few hundred values; parsing is slow enough (pure Python, with positions)
# that a file of a quarter of a million one-character list items would take half a minute.
MAX_NODES = 25_000
# Tags a person may write by hand to force a type; anything else (!!python/..., !custom) is refused.
ALLOWED_TAGS = {
    None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
}
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_NULLS = {"", "~", "null", "Null", "NULL"}
# Problems with the file as a whole: they have no field, even when they have a line.
WHOLE_FILE = {"file.missing", "file.unreadable", "file.folder", "file.not_a_file", "file.too_big", "file.grew",
              "file.binary", "file.utf16", "file.empty", "file.empty_start", "file.top_list", "file.top_value",
              "yaml.too_many_values"}
_FIRST_KEY = {"profile": "candidate:", "notes file": "learned:", "brand file": "name:"}  # for 'keys such as ...'


class _StringResolver(VersionedResolver):
    """Resolve every plain scalar to a string, except the spellings of 'nothing'."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return Tag(suffix="tag:yaml.org,2002:null" if value in _NULLS else "tag:yaml.org,2002:str")
        return super().resolve(kind, value, implicit)


def _new_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _StringResolver
    yaml.allow_duplicate_keys = False
    return yaml


def _friendly(exc: MarkedYAMLError) -> tuple[str, dict[str, Any]]:
    """Turn ruamel.yaml's parser wording into advice for someone editing a profile by hand (a message key)."""
    problem = (exc.problem or exc.context or "").strip()
    if "\\t" in problem or "'\\t'" in repr(problem) or "tab" in problem.lower():
        return "yaml.tab", {}
    if "duplicate key" in str(exc).lower():
        key = re.search(r'found duplicate key "([^"]*)"', str(exc))
        return ("yaml.duplicate_key", {"key": key.group(1)}) if key else ("yaml.duplicate_key_unnamed", {})
    if "mapping values are not allowed" in problem:
        return "yaml.colon", {}
    if "could not find expected ':'" in problem:
        return "yaml.no_colon", {}
    if "expected <block end>" in problem:
        return "yaml.structure", {}
    return "yaml.invalid", {"detail": problem}


def _unclosed_quote(text: str, exc: MarkedYAMLError) -> tuple[int, int, str] | None:
    """The (line, column, quote) of a quote opened and never closed, if that caused `exc`.

    Either the file ends inside the quoted text (the scanner says so and marks the opening), or
    the quoted text ran on over several lines until the next quote of the same kind closed it,
    and the parser tripped right there. Only then is the opening quote blamed: a quoted value
    that legitimately spans lines earlier in the file is not.
    """
    if "quoted scalar" in (exc.context or "") and exc.context_mark is not None:
        mark = exc.context_mark
        quote = text[mark.index:mark.index + 1]
        return mark.line + 1, mark.column + 1, quote if quote == "'" else '"'
    error = exc.problem_mark or exc.context_mark
    if error is None:
        return None
    last = None
    try:
        for token in _new_yaml().scan(text):
            if token.start_mark.index >= error.index:
                break
            if isinstance(token, ScalarToken) and token.style in ('"', "'"):
                last = token
    except YAMLError:
        pass
    if last is not None and last.end_mark.line > last.start_mark.line and error.line - last.end_mark.line <= 1:
        return last.start_mark.line + 1, last.start_mark.column + 1, last.style
    return None


def _tag_problem(path: Path, line: int | None, column: int | None, tag: str) -> InputError:
    """Name a refused tag the way it was written (`!!python/...`, not `tag:yaml.org,2002:python/...`)."""
    shown = "!!" + tag[len(_YAML_TAG_PREFIX):] if tag.startswith(_YAML_TAG_PREFIX) else tag
    key = "yaml.tag_python" if "python/" in shown else "yaml.tag"
    return InputError([Problem(path, line, column, "", key, {"tag": shown})])


def _check_key(path: Path, event: NodeEvent, tag_text: str | None, line: int | None, column: int | None) -> None:
    """A key must be a name: not a list or block, not empty, not forced to a number by a tag."""
    if isinstance(event, CollectionStartEvent):
        key = "yaml.key_collection"
    elif tag_text is not None:
        key = "yaml.key_tagged"
    elif isinstance(event, ScalarEvent) and (not event.value.strip()
                                             or (event.style is None and event.value in _NULLS)):
        key = "yaml.key_missing"
    else:
        return
    raise InputError([Problem(path, line, column, "", key)])


def _prepass(path: Path, text: str) -> None:
    """Refuse aliases, foreign tags, deep nesting and keys that are lists or blocks, by walking
    parse events before any data is built."""
    open_collections: list[list] = []  # per open list or mapping: [is_mapping, nodes seen in it]
    nodes = 0
    for event in _new_yaml().parse(text):
        mark = getattr(event, "start_mark", None)
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        if isinstance(event, AliasEvent):
            raise InputError([Problem(path, line, column, "", "yaml.alias")])
        if isinstance(event, NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                raise InputError([Problem(path, line, column, "", "yaml.too_many_values", {"max": MAX_NODES})])
            tag = getattr(event, "tag", None)
            tag_text = None if tag is None else str(getattr(tag, "value", tag) or "") or None
            if getattr(event, "anchor", None):
                raise InputError([Problem(path, line, column, "", "yaml.alias")])
            if tag_text not in ALLOWED_TAGS:
                raise _tag_problem(path, line, column, str(tag_text))
            if open_collections:
                parent = open_collections[-1]
                if parent[0] and parent[1] % 2 == 0:
                    _check_key(path, event, tag_text, line, column)
                parent[1] += 1
        if isinstance(event, CollectionStartEvent):
            open_collections.append([isinstance(event, MappingStartEvent), 0])
            if len(open_collections) > MAX_DEPTH:
                raise InputError([Problem(path, line, column, "", "yaml.too_deep", {"max": MAX_DEPTH})])
        elif isinstance(event, CollectionEndEvent):
            open_collections.pop()


def _clean_tree(node: Any) -> None:
    """Strip unsafe characters from every string value, in place, keeping positions.

    A value written with an explicit `!!str` tag arrives as a TaggedScalar; it becomes plain text.
    """
    if isinstance(node, CommentedMap):
        slots = list(node.keys())
    elif isinstance(node, CommentedSeq):
        slots = list(range(len(node)))
    else:
        return
    for slot in slots:
        value = node[slot]
        if isinstance(value, TaggedScalar):
            value = str(value.value)
        if isinstance(value, str):
            node[slot] = clean_text(value)
        else:
            _clean_tree(value)


def _with_fields(error: InputError, text: str) -> InputError:
    """Name the field of each problem at a line inside the document (not those about the file as a whole)."""
    return InputError([replace(p, field=field_at_line(text, p.line)) if p.line and not p.field
                       and p.key not in WHOLE_FILE else p for p in error.problems])


def parse_yaml(path: Path, text: str) -> Any:
    """Parse YAML text that came from `path`; syntax problems become an `InputError` located at line, column
    and, where the broken line sits inside a block, the field."""
    try:
        return _parse(path, text)
    except InputError as exc:
        raise _with_fields(exc, text) from None


def _parse(path: Path, text: str) -> Any:
    try:
        _prepass(path, text)
        data = _new_yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        if "could not find expected ':'" in (exc.problem or "") and exc.context_mark:
            mark = exc.context_mark  # the line that lacks its ':', not the next one where the parser gave up
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        opened = _unclosed_quote(text, exc)
        if opened is not None:
            raise InputError([Problem(path, opened[0], opened[1], "", "yaml.quote_never_closed",
                                      {"line": opened[0], "quote": opened[2]})]) from None
        key, values = _friendly(exc)
        raise InputError([Problem(path, line, column, "", key, values)]) from None
    except YAMLError as exc:
        raise InputError([Problem(path, None, None, "", "yaml.invalid", {"detail": str(exc)})]) from None
    except RecursionError:
        raise InputError([Problem(path, None, None, "", "yaml.too_deep", {"max": MAX_DEPTH})]) from None
    _clean_tree(data)
    return data


def load_yaml_mapping(path: Path, what: str = "profile") -> CommentedMap:
    """Load a YAML file that must hold a mapping (keys and values) at the top."""
    try:
        text = read_text(path, what)
    except InputError as exc:  # a wrong byte in a value: say which field it is in
        if exc.problems[0].key != "file.not_utf8":
            raise
        raise _with_fields(exc, path.read_bytes()[:MAX_BYTES].decode("utf-8", "replace")) from None
    data = parse_yaml(path, text)
    if data is None:
        key = "file.empty_start" if what in ("profile", "notes file") else "file.empty"
        raise InputError([Problem(path, 1, 1, "", key, {"what": what})])
    if not isinstance(data, CommentedMap):
        key = "file.top_list" if isinstance(data, CommentedSeq) else "file.top_value"
        raise InputError([Problem(path, 1, 1, "", key, {"what": what, "example": _FIRST_KEY.get(what, "name:")})])
    return data


def locate(root: Any, loc: tuple[int | str, ...], on_key: bool = False) -> tuple[int | None, int | None]:
    """Find the (line, column), 1-based, of the value at `loc` in loaded YAML.

    Walks as deep as the path exists in the file: a missing key is reported at its parent, so a
    message about a required field points at the block that should hold it. With `on_key`, the
    position of the last key itself is given (for unknown keys).
    """
    node = root
    line: int | None = 0
    column: int | None = 0
    for depth, part in enumerate(loc):
        last = depth == len(loc) - 1
        if isinstance(node, CommentedMap) and part in node:
            position = node.lc.key(part) if (on_key and last) else node.lc.value(part)
            if not isinstance(node[part], (CommentedMap, CommentedSeq)) or (on_key and last):
                line, column = position
            else:
                line, column = node.lc.key(part)
            node = node[part]
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
            line, column = node.lc.item(part)
            node = node[part]
        else:
            break
    if line is None:
        return None, None
    return line + 1, (column or 0) + 1
