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

MAX_BYTES = 1024 * 1024
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
# Characters Word and XML cannot hold; removed once here so every renderer can trust the text.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_YAML_TAG_PREFIX = "tag:yaml.org,2002:"
_NULLS = {"", "~", "null", "Null", "NULL"}


class _StringResolver(VersionedResolver):
    """Resolve every plain scalar to a string, except the spellings of 'nothing'."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return Tag(suffix="tag:yaml.org,2002:null" if value in _NULLS else "tag:yaml.org,2002:str")
        return super().resolve(kind, value, implicit)


def clean_text(text: str) -> str:
    """Drop control characters, lone surrogates and non-characters that no document format can hold."""
    return _UNSAFE_CHARS.sub("", text)


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based (line, column) of a byte offset in raw file content."""
    return data.count(b"\n", 0, offset) + 1, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def read_bytes(path: Path, what: str = "file") -> bytes:
    """The bytes of a UTF-8 text file of at most 1 MiB, or a located `InputError`.

    One read, with every check `read_text` makes; for callers that need the exact bytes (the
    batch hashes and ships them) without reading the file twice.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError([Problem(path, None, None, "", f"this {what} does not exist")]) from None
    except OSError as exc:
        raise InputError([Problem(path, None, None, "", f"cannot read this {what}: {exc.strerror}")]) from None
    if not path.is_file():
        raise InputError([Problem(path, None, None, "", f"this is not a file (a folder?); give the {what} itself")])
    if size > MAX_BYTES:
        raise InputError([Problem(path, 1, 1, "",
                                  f"the {what} is {size:,} bytes; at most 1 MiB ({MAX_BYTES:,} bytes) is accepted")])
    try:
        with path.open("rb") as handle:  # read no more than allowed, even if the file grew since stat()
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError([Problem(path, None, None, "", f"cannot read this {what}: {exc.strerror}")]) from None
    if len(data) > MAX_BYTES:
        raise InputError([Problem(path, 1, 1, "", f"the {what} is over 1 MiB ({MAX_BYTES:,} bytes), "
                                                  "the most that is accepted")])
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        line, column = _position(data, data.index(b"\x00"))
        raise InputError([Problem(path, line, column, "", f"this looks like a binary file, not a text {what}")])
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        raise InputError([Problem(path, line, column, "",
                                  "the file is not UTF-8 text; save it as UTF-8 in your editor")]) from None
    return data


def decode(data: bytes) -> str:
    """Text from bytes that `read_bytes` accepted: UTF-8 (a BOM dropped), control characters removed."""
    return clean_text(data.decode("utf-8-sig"))


def read_text(path: Path, what: str = "file") -> str:
    """Read a UTF-8 text file of at most 1 MiB, or raise a located `InputError`."""
    return decode(read_bytes(path, what))


def _new_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _StringResolver
    yaml.allow_duplicate_keys = False
    return yaml


def _friendly(exc: MarkedYAMLError) -> str:
    """Turn ruamel.yaml's parser wording into advice for someone editing a profile by hand."""
    problem = (exc.problem or exc.context or "").strip()
    if "\\t" in problem or "'\\t'" in repr(problem) or "tab" in problem.lower():
        return "a tab character is used for indentation; YAML needs spaces"
    if "duplicate key" in str(exc).lower():
        key = re.search(r'found duplicate key "([^"]*)"', str(exc))
        return f"the key '{key.group(1)}' appears twice here; keep one" if key else "a key appears twice; keep one"
    if "end of stream" in problem and "quoted" in (exc.context or ""):
        start = exc.context_mark.line + 1 if exc.context_mark else None
        return f"the quote opened on line {start} is never closed" if start else "a quote is opened but never closed"
    if "mapping values are not allowed" in problem:
        return "unexpected ':'; put a value that contains ': ' in quotes, or check the indentation"
    if "expected <block end>" in problem or "could not find expected ':'" in problem:
        return "the indentation or structure is off here (check the spaces at the start of the line)"
    return f"this is not valid YAML ({problem})"


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


def _tag_message(tag: str) -> str:
    """Name a refused tag the way it was written (`!!python/...`, not `tag:yaml.org,2002:python/...`)."""
    shown = "!!" + tag[len(_YAML_TAG_PREFIX):] if tag.startswith(_YAML_TAG_PREFIX) else tag
    why = ": it would build a Python object" if "python/" in shown else ""
    return f"the tag '{shown}' is not accepted{why}; remove it"


def _check_key(path: Path, event: NodeEvent, tag_text: str | None, line: int | None, column: int | None) -> None:
    """A key must be a name: not a list or block, not empty, not forced to a number by a tag."""
    if isinstance(event, CollectionStartEvent):
        message = "a key must be a plain word, not a list or a block ('? ' starts one)"
    elif tag_text is not None:
        message = "a key must be a plain word; remove the tag in front of it"
    elif isinstance(event, ScalarEvent) and (not event.value.strip()
                                             or (event.style is None and event.value in _NULLS)):
        message = "a key is missing here: write its name before the ':'"
    else:
        return
    raise InputError([Problem(path, line, column, "", message)])


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
            raise InputError([Problem(path, line, column, "",
                                      "anchors and aliases (&name / *name) are not accepted; write the value out")])
        if isinstance(event, NodeEvent):
            nodes += 1
            if nodes > MAX_NODES:
                raise InputError([Problem(path, line, column, "",
                                          f"the file holds more than {MAX_NODES:,} values; "
                                          "a profile needs far fewer (is this the right file?)")])
            tag = getattr(event, "tag", None)
            tag_text = None if tag is None else str(getattr(tag, "value", tag) or "") or None
            if getattr(event, "anchor", None):
                raise InputError([Problem(path, line, column, "",
                                          "anchors and aliases (&name / *name) are not accepted; write the value out")])
            if tag_text not in ALLOWED_TAGS:
                raise InputError([Problem(path, line, column, "", _tag_message(str(tag_text)))])
            if open_collections:
                parent = open_collections[-1]
                if parent[0] and parent[1] % 2 == 0:
                    _check_key(path, event, tag_text, line, column)
                parent[1] += 1
        if isinstance(event, CollectionStartEvent):
            open_collections.append([isinstance(event, MappingStartEvent), 0])
            if len(open_collections) > MAX_DEPTH:
                raise InputError([Problem(path, line, column, "", f"nested more than {MAX_DEPTH} levels deep")])
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


def parse_yaml(path: Path, text: str) -> Any:
    """Parse YAML text that came from `path`; syntax problems become a located `InputError`."""
    try:
        _prepass(path, text)
        data = _new_yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        opened = _unclosed_quote(text, exc)
        if opened is not None:
            raise InputError([Problem(path, opened[0], opened[1], "",
                                      f"the quote opened on line {opened[0]} is never closed; "
                                      f"add the closing {opened[2]}")]) from None
        raise InputError([Problem(path, line, column, "", _friendly(exc))]) from None
    except YAMLError as exc:
        raise InputError([Problem(path, None, None, "", f"this is not valid YAML ({exc})")]) from None
    except RecursionError:
        raise InputError([Problem(path, None, None, "", "the file is nested too deeply")]) from None
    _clean_tree(data)
    return data


def load_yaml_mapping(path: Path, what: str = "profile") -> CommentedMap:
    """Load a YAML file that must hold a mapping (keys and values) at the top."""
    data = parse_yaml(path, read_text(path, what))
    if data is None:
        raise InputError([Problem(path, 1, 1, "", f"the {what} is empty; start from `prep-pack init`")])
    if not isinstance(data, CommentedMap):
        kind = "a list" if isinstance(data, CommentedSeq) else "a single value"
        raise InputError([Problem(path, 1, 1, "",
                                  f"the {what} holds {kind}; it must be keys and values such as 'candidate:'")])
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
