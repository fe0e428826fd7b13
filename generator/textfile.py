"""Reading an input text file safely: at most 1 MiB, UTF-8, no binary, no characters a document cannot hold.

Every refusal is a located `InputError` (`file:line:column`), so a user learns where the bad byte is.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from generator.errors import InputError, Problem

MAX_BYTES = 1024 * 1024
STDIN = Path("<stdin>")  # what the command line passes for `-`: read standard input instead of a file
# Characters Word and XML cannot hold; removed once here so every renderer can trust the text.
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


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
    if path == STDIN:
        return _checked(path, sys.stdin.buffer.read(MAX_BYTES + 1), what)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError([Problem(path, None, None, "", "file.missing", {"what": what})]) from None
    except OSError as exc:
        raise _unreadable(path, what, exc) from None
    if not path.is_file():
        key = "file.folder" if path.is_dir() else "file.not_a_file"
        raise InputError([Problem(path, None, None, "", key, {"what": what})])
    if size > MAX_BYTES:
        raise InputError([Problem(path, 1, 1, "", "file.too_big", {"what": what, "size": size, "max": MAX_BYTES})])
    try:
        with path.open("rb") as handle:  # read no more than allowed, even if the file grew since stat()
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise _unreadable(path, what, exc) from None
    if len(data) > MAX_BYTES:
        raise InputError([Problem(path, 1, 1, "", "file.grew", {"what": what, "max": MAX_BYTES})])
    return _checked(path, data, what)


def _checked(path: Path, data: bytes, what: str) -> bytes:
    """The content checks of `read_bytes`, for a file or standard input."""
    if len(data) > MAX_BYTES:
        raise InputError([Problem(path, 1, 1, "", "file.too_big", {"what": what, "size": len(data), "max": MAX_BYTES})])
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        line, column = _position(data, data.index(b"\x00"))
        raise InputError([Problem(path, line, column, "", "file.binary", {"what": what})])
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position(data, exc.start)
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        raise InputError([Problem(path, line, column, "", "file.utf16" if utf16 else "file.not_utf8")]) from None
    return data


def decode(data: bytes) -> str:
    """Text from bytes that `read_bytes` accepted: UTF-8 (a BOM dropped), control characters removed."""
    return clean_text(data.decode("utf-8-sig"))


def read_text(path: Path, what: str = "file") -> str:
    """Read a UTF-8 text file of at most 1 MiB, or raise a located `InputError`."""
    return decode(read_bytes(path, what))


def _unreadable(path: Path, what: str, exc: OSError) -> InputError:
    return InputError([Problem(path, None, None, "", "file.unreadable", {"what": what, "reason": exc.strerror or exc})])
