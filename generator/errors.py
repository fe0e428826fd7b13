"""The one family of errors a user may see.

Every problem caused by the user's input or usage is raised as a `PrepPackError` (a
`click.ClickException`), so the command line prints a plain sentence and exits with status 2,
never a traceback. Anything else that escapes is a bug in prep-pack and is allowed to show one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click


class PrepPackError(click.ClickException):
    """A problem the user can fix: bad input, a missing file, a refused option."""

    exit_code = 2

    def show(self, file=None) -> None:
        """Print the message as plain text on stderr, without Click's 'Error:' prefix noise."""
        click.echo(self.format_message(), err=True)


@dataclass(frozen=True)
class Problem:
    """One problem in an input file, located as precisely as the file allows."""

    file: Path
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = str(self.file)
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class InputError(PrepPackError):
    """One or more problems in the input files, all reported together."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        count = len(problems)
        lines = [str(p) for p in problems]
        summary = "1 problem found." if count == 1 else f"{count} problems found."
        super().__init__("\n".join(lines + [summary]))


class UsageProblem(PrepPackError):
    """A command used in a way that cannot work (a missing folder, an unknown format...)."""
