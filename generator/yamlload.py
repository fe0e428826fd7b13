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
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, CollectionEndEvent, NodeEvent
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.tag import Tag

from generator.errors import InputError, Problem

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 32
# Tags a person may write by hand to force a type; anything else (!!python/..., !custom) is refused.
ALLOWED_TAGS = {
    None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null", "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq", "tag:yaml.org,2002:timestamp",
}
# Characters Word and XML cannot hold; removed once here so every renderer can trust the text.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
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


def read_text(path: Path, what: str = "file") -> str:
    """Read a UTF-8 text file of at most 1 MiB, or raise a located `InputError`."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError([Problem(path, None, None, "", f"this {what} does not exist")]) from None
    except OSError as exc:
        raise InputError([Problem(path, None, None, "", f"cannot read this {what}: {exc.strerror}")]) from None
    if not path.is_file():
        raise InputError([Problem(path, None, None, "", f"this is not a file (a folder?); give the {what} itself")])
    if size > MAX_BYTES:
        raise InputError([Problem(path, None, None, "",
                                  f"the {what} is {size:,} bytes; at most 1 MiB ({MAX_BYTES:,} bytes) is accepted")])
    data = path.read_bytes()
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError([Problem(path, None, None, "", f"this looks like a binary file, not a text {what}")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError([Problem(path, line, column, "",
                                  "the file is not UTF-8 text; save it as UTF-8 in your editor")]) from None
    return clean_text(text)


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


def _unclosed_quote(text: str, error_line: int | None) -> tuple[int, int] | None:
    """The (line, column) of a double quote opened and never closed before a syntax error.

    The parser only notices a missing closing quote lines later (often at the next quoted
    value), so look back for the first line with an odd number of unescaped double quotes.
    """
    lines = text.splitlines()
    last = len(lines) if error_line is None else min(error_line, len(lines))
    for number, line in enumerate(lines[:last], start=1):
        code = re.sub(r"'[^']*'", "", line.replace('\\"', ""))
        if code.lstrip().startswith("#"):
            continue
        opens_value = re.match(r'^\s*(?:-\s+)?(?:[^:#"]+:\s+)?"', code)
        if opens_value and code.count('"') % 2 == 1:
            return number, line.find('"') + 1
    return None


def _prepass(path: Path, text: str) -> None:
    """Refuse aliases, foreign tags and deep nesting by walking parse events, before building data."""
    depth = 0
    for event in _new_yaml().parse(text):
        mark = getattr(event, "start_mark", None)
        line = mark.line + 1 if mark else None
        column = mark.column + 1 if mark else None
        if isinstance(event, AliasEvent):
            raise InputError([Problem(path, line, column, "",
                                      "anchors and aliases (&name / *name) are not accepted; write the value out")])
        if isinstance(event, NodeEvent):
            tag = getattr(event, "tag", None)
            tag_text = None if tag is None else str(getattr(tag, "value", tag) or "") or None
            if getattr(event, "anchor", None):
                raise InputError([Problem(path, line, column, "",
                                          "anchors and aliases (&name / *name) are not accepted; write the value out")])
            if tag_text not in ALLOWED_TAGS:
                raise InputError([Problem(path, line, column, "",
                                          f"the tag '{tag_text}' is not accepted; remove it")])
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise InputError([Problem(path, line, column, "", f"nested more than {MAX_DEPTH} levels deep")])
        elif isinstance(event, CollectionEndEvent):
            depth -= 1


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
        opened = _unclosed_quote(text, line)
        if opened is not None:
            raise InputError([Problem(path, opened[0], opened[1], "",
                                      f"the quote opened on line {opened[0]} is never closed; "
                                      "add the closing \"")]) from None
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
