"""The one family of errors a user may see.

Every problem caused by the user's input or usage is raised as a `PrepPackError` (a
`click.ClickException`), so the command line prints a plain sentence and exits with status 2,
never a traceback. Anything else that escapes is a bug in prep-pack and is allowed to show one.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import Any

import click

# Characters a terminal or spreadsheet would act on rather than show: C0 and C1 controls (ESC starts
# a terminal sequence, BEL rings), and the bidirectional overrides that reorder what is shown.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")  # + a name's non-UTF-8 bytes


def visible(text: str) -> str:
    """`text` with every control character written as an escape (ESC as \\x1b): safe on a
    terminal and in a report, and the reader still sees what was there."""
    return _INVISIBLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class PrepPackError(click.ClickException):
    """A problem the user can fix: bad input, a missing file, a refused option."""

    exit_code = 2

    def show(self, file=None) -> None:
        """Print the message as plain text on stderr, without Click's 'Error:' prefix noise."""
        click.echo(self.format_message(), err=True)


@dataclass(frozen=True)
class Problem:
    """One problem (or warning) in an input file, located as precisely as the file allows.

    It holds a message key and plain values rather than a sentence, so the same problem can be
    shown in the user's language (`templates/<lang>/messages.yaml`), chosen once the file is read.
    """

    file: Path
    line: int | None
    column: int | None
    field: str
    key: str
    values: Mapping[str, Any] = dataclass_field(default_factory=dict, hash=False)
    lang: str | None = None
    place: str = ""   # a spreadsheet cell or row, 'kandidaten.xlsx!Blad1:C7', instead of file:line:column

    @property
    def message(self) -> str:
        """The message in this problem's language."""
        from generator.messages import text

        return text(self.key, self.lang, self.values)

    def in_language(self, lang: str | None) -> Problem:
        """The same problem, shown in `lang`."""
        return replace(self, lang=lang) if lang else self

    def __str__(self) -> str:
        return visible(self._located())

    def _located(self) -> str:
        if self.place:
            return f"{self.place} {self.field}: {self.message}" if self.field else f"{self.place}: {self.message}"
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def labelled(warning: Problem | str, lang: str | None) -> str:
    """A warning line as printed: 'warning: ...' / 'waarschuwing: ...'."""
    from generator.messages import text

    return f"{text('label.warning', lang)} {warning}"


class InputError(PrepPackError):
    """One or more problems in the input files, all reported together, with a count."""

    def __init__(self, problems: list[Problem], lang: str | None = None) -> None:
        from generator.messages import text

        self.problems = [problem.in_language(lang) for problem in problems]
        self.lang = lang or next((p.lang for p in self.problems if p.lang), None)
        summary = text("count.problems", self.lang, {"count": len(problems)})
        super().__init__("\n".join([str(p) for p in self.problems] + [summary]))

    def in_language(self, lang: str | None) -> InputError:
        """The same problems, shown in `lang`."""
        return InputError(self.problems, lang)


class Refusal(ValueError):
    """Why a value is refused: a message key of messages.yaml and its values (not yet a sentence)."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key)
        self.key = key
        self.values = values


class UsageProblem(PrepPackError):
    """A command used in a way that cannot work (a missing folder, an unknown format...)."""


def template_problem(exc: Exception, folder: Path | None = None) -> UsageProblem:
    """A mistake in an agency's --templates folder, in words: the template and line when known."""
    lineno, message = getattr(exc, "lineno", None), getattr(exc, "message", None) or str(exc)
    line = f" (line {lineno})" if lineno else ""
    name = getattr(exc, "filename", None) or (f"{folder}" if folder else "a template")
    kind = "" if type(exc).__module__.startswith("jinja2") else f"{type(exc).__name__}: "
    return UsageProblem(f"{name}{line}: {kind}{message}; fix the template in your --templates folder")
