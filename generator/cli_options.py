"""The command line's shared options and conventions, so each command in `cli.py` stays a few lines.

- `-` is standard input for the commands that read one file (`validate -`, `compare -`) and is
  refused with a plain sentence where a file or folder is needed.
- `--quiet` and `--verbose` on the group: quiet keeps results and errors only; verbose adds
  where the time went. Results go to stdout; warnings, progress and hints to stderr.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator.csvtext import DIALECTS
from generator.errors import InputError, UsageProblem
from generator.language import languages
from generator.options import PDF_VARIANTS
from generator.textfile import STDIN

if TYPE_CHECKING:
    from generator.brand import Brand


TODAY_RANGE = (1980, 2107)  # the years a ZIP (Word) timestamp can hold


def parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    """`--today`: the given date, else the real one."""
    if value is None:
        return dt.date.today()
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD") from None
    if not TODAY_RANGE[0] <= day.year <= TODAY_RANGE[1]:  # Word and ZIP files cannot hold other years
        raise click.BadParameter(f"'{value}' is outside the years prep-pack can date a pack "
                                 f"({TODAY_RANGE[0]} to {TODAY_RANGE[1]})")
    return day


def load_brand(value: Path | None, lang: str) -> Brand | None:
    """Check the brand file before any work starts: a bad one is an input error (exit 2), in `lang`."""
    if value is None:
        return None
    from generator.brand import load_brand as read_brand

    try:
        return read_brand(value)
    except InputError as exc:
        raise exc.in_language(lang) from None


def message_language(lang: str | None, profile: Path | None = None) -> str:
    """The language of the messages: --lang, else the profile's `language:`, else the default."""
    from generator.messages import choose_language

    return choose_language(lang.lower() if lang else None, path=profile)


BRAND = click.option("--brand", "brand_file", type=click.Path(path_type=Path, dir_okay=False),
                     help="An agency's brand file (YAML): name, logo, colours, footer, contact.")
TEMPLATES = click.option("--templates", type=click.Path(path_type=Path, file_okay=False, exists=True),
                         help="A folder whose templates and texts override the built-in ones.")
FORMATS = click.option("--format", "formats", default="pdf,docx", show_default=True, metavar="LIST",
                       help="Comma-separated: pdf, docx, html, ics, csv.")
PDF_VARIANT = click.option("--pdf-variant", type=click.Choice(PDF_VARIANTS), default=PDF_VARIANTS[0],
                           show_default=True,
                           help="pdf/ua-1: tagged and accessible; pdf/a-3b: for archiving (also tagged).")
CSV_DIALECT = click.option("--csv-dialect", type=click.Choice(DIALECTS), default=None,
                           help="CSV for Dutch Excel/LibreOffice (excel-nl: ';', decimal comma, byte-order mark) "
                                "or RFC 4180 (rfc) [default: excel-nl for Dutch, else rfc].")
TODAY = click.option("--today", metavar="YYYY-MM-DD", callback=parse_today,
                     help="Pretend today is this date (plan dates and days to go count from it).")
PATH_ARG = click.Path(path_type=Path, dir_okay=False)
LANGS = click.Choice(languages(), case_sensitive=False)  # the folders in templates/, found at start-up
FOLDER = click.Path(path_type=Path, file_okay=False)


def _file_or_stdin(_ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """`-` for an input file means standard input."""
    return STDIN if value is not None and str(value) == "-" else value


def refuse_dash(_ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """Refuse `-` where prep-pack needs a real file or folder, saying why."""
    if value is not None and str(value) == "-":
        name = param.opts[-1] if param.opts and param.opts[-1].startswith("-") else (param.name or "").upper()
        raise UsageProblem(f"{name} cannot be '-' here: prep-pack needs a real file or folder for it "
                           "(the notes, pictures and output are found or written beside it)")
    return value


INPUT_FILE_CALLBACK = _file_or_stdin  # for the one input file of `validate` and `compare`


def quiet() -> bool:
    """True when the group was given `--quiet`."""
    return bool(click.get_current_context().find_root().params.get("quiet"))


def verbose() -> bool:
    """True when the group was given `--verbose`."""
    return bool(click.get_current_context().find_root().params.get("verbose"))


def examples(*lines: str) -> str:
    """A `--help` epilog listing example commands (kept as written by Click's `\\b`)."""
    return "\b\nExamples:\n" + "\n".join(f"  {line}" for line in lines)
