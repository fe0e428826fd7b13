"""Which field a line of a broken YAML file belongs to, so a syntax problem names its field too.

A file with a tab, an unclosed quote or a duplicate key cannot be loaded, so there is no data to
point into. But ruamel.yaml's scanner reads the file up to the broken line, and the keys and list
items it met on the way say where that line sits: `offers[2].monthly_salary`. The broken line
itself is read by its indentation: its key belongs to the open block whose keys start nearest to
its own column (a line indented one space too few or too many still lands in its block).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

_KEY_LINE = re.compile(r"^[ \t]*((?:-[ \t]+)*)([^\s:#'\"\[\]{}?&*!|>-][^:#]*?)[ \t]*:(?:\s|$)")
_OPENERS = {"BlockMappingStartToken": "map", "FlowMappingStartToken": "map",
            "BlockSequenceStartToken": "seq", "FlowSequenceStartToken": "seq"}
_CLOSERS = {"BlockEndToken", "FlowMappingEndToken", "FlowSequenceEndToken"}


@dataclass
class _Block:
    kind: str          # "map" or "seq"
    column: int        # where its keys or its '- ' start, 0-based
    key: str | None = None
    index: int = -1
    indentless: bool = False  # a list written at its key's own indentation ('offers:' then '- name: ...')
    awaiting: bool = False    # its last key has no value yet: a block under it may follow
    value_at: int = 0         # where the value of its last key starts in the text


class _Reader:
    """Follows the scanner's tokens and keeps the stack of blocks that are open at each point."""

    def __init__(self) -> None:
        self.stack: list[_Block] = []
        self.expecting_key = False

    def token(self, name: str, token: Any) -> None:
        """Apply one scanner token to the stack of open blocks."""
        column = token.start_mark.column
        top = self.stack[-1] if self.stack else None
        if top is not None and name != "ValueToken":  # a value has come (or the block went on): none awaited
            top.awaiting = top.awaiting and name in ("BlockEntryToken", "KeyToken")
        handler = getattr(self, "_" + name, None)
        if name in _OPENERS:
            self.stack.append(_Block(_OPENERS[name], column, index=0 if name.startswith("Flow") else -1))
        elif name in _CLOSERS:
            self._close()
        elif handler is not None:
            handler(token, column)
        self.expecting_key = name == "KeyToken"

    def _close(self) -> None:
        if self.stack and self.stack[-1].indentless:
            self.stack.pop()
        if self.stack:
            self.stack.pop()

    def _ValueToken(self, token: Any, _column: int) -> None:  # noqa: N802 - named after the token
        if self.stack and self.stack[-1].kind == "map":
            self.stack[-1].awaiting, self.stack[-1].value_at = True, token.end_mark.index

    def _BlockEntryToken(self, _token: Any, column: int) -> None:  # noqa: N802
        """A '- ' starts the next item of the list at this column (pushing a list written without indentation)."""
        top = self.stack[-1] if self.stack else None
        if top is not None and top.kind == "seq" and top.column == column:
            top.index += 1
        else:
            self.stack.append(_Block("seq", column, index=0, indentless=True))

    def _FlowEntryToken(self, _token: Any, _column: int) -> None:  # noqa: N802
        if self.stack and self.stack[-1].kind == "seq":
            self.stack[-1].index += 1

    def _KeyToken(self, _token: Any, column: int) -> None:  # noqa: N802
        while self.stack and self.stack[-1].indentless and column <= self.stack[-1].column:
            self.stack.pop()

    def _ScalarToken(self, token: Any, _column: int) -> None:  # noqa: N802
        if self.expecting_key and self.stack and self.stack[-1].kind == "map":
            self.stack[-1].key = str(token.value)


def _open_blocks(text: str, cut: int) -> list[_Block]:
    """The blocks still open where the line at offset `cut` starts, with their current key or item."""
    reader = _Reader()
    try:
        for token in YAML(typ="rt").scan(text):
            if token.start_mark.index >= cut:
                break
            reader.token(type(token).__name__, token)
    except YAMLError:
        pass
    for block in reader.stack:  # a value the scanner had not finished (it ran on into the broken line) is a value
        end = text.find("\n", block.value_at)
        rest = text[block.value_at:end if end >= 0 else len(text)].strip()
        if block.awaiting and rest and not rest.startswith(("#", "|", ">", "&")):
            block.awaiting = False
    return reader.stack


def _nearest_map(stack: list[_Block], column: int) -> int | None:
    """The open block of keys whose keys start nearest to `column` (the deeper one on a tie)."""
    maps = [i for i, block in enumerate(stack) if block.kind == "map"]
    return min(maps, key=lambda i: (abs(stack[i].column - column), -i)) if maps else None


def _place(stack: list[_Block], line: str) -> None:
    """Put the broken line's own key (or the block, or the list item, it is in) on top of the stack."""
    stripped = line.lstrip(" \t")
    indent = len(line) - len(stripped)
    match = _KEY_LINE.match(line)
    if match or stripped.startswith(("?", ":")):  # a key, or a key that is missing or not a plain word
        dashes = match.group(1) if match else ""
        key = match.group(2).strip() if match else None
        column = indent + len(dashes)
        chosen = _nearest_map(stack, column)
        if chosen is None or (stack[chosen].awaiting and column > stack[chosen].column):
            del stack[(chosen if chosen is not None else -1) + 1:]
            if dashes:  # the first item of a list under the last key
                stack.append(_Block("seq", indent, index=0))
            stack.append(_Block("map", column, key=key))
            return
        del stack[chosen + 1:]
        stack[chosen].key = key
        if dashes and chosen > 0 and stack[chosen - 1].kind == "seq":
            stack[chosen - 1].index += 1
    elif stripped.startswith("-"):  # a new item of a list: the list it belongs to starts at this column
        lists = [i for i, block in enumerate(stack) if block.kind == "seq" and block.column == indent]
        if lists:
            del stack[lists[-1] + 1:]
            stack[-1].index += 1


def field_at_line(text: str, line: int) -> str:
    """The field path (`application.role`, `offers[2].name`) of a 1-based line of YAML text, or ''."""
    lines = text.splitlines(keepends=True)
    if not 1 <= line <= len(lines):
        return ""
    cut = sum(len(item) for item in lines[:line - 1])
    stack = _open_blocks(text, cut)
    _place(stack, lines[line - 1])
    path = ""
    for block in stack:
        if block.kind == "seq" and block.index >= 0:
            path += f"[{block.index + 1}]"
        elif block.kind == "map" and block.key is not None:
            path += f".{block.key}" if path else block.key
    return path
