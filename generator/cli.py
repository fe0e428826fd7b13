"""The `prep-pack` command line: parse options, call the pipeline, print what happened.

No work is done here beyond turning options into arguments; see `pipeline.py`.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

import click
from jinja2 import TemplateError

from generator import __version__
from generator.errors import InputError, UsageProblem

LANGS = click.Choice(["nl", "en"], case_sensitive=False)


def _parse_today(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD") from None


def _load_brand(_ctx: click.Context, _param: click.Parameter, value: Path | None):
    """Check the brand file before any work starts: a bad one is a usage error (exit 2)."""
    if value is None:
        return None
    from generator.brand import load_brand

    return load_brand(value)


BRAND = click.option("--brand", type=click.Path(path_type=Path, dir_okay=False), callback=_load_brand,
                     help="An agency's brand file (YAML): name, logo, colours, footer, contact.")
TEMPLATES = click.option("--templates", type=click.Path(path_type=Path, file_okay=False, exists=True),
                         help="A folder whose templates and texts override the built-in ones.")
FORMATS = click.option("--format", "formats", default="pdf,docx", show_default=True, metavar="LIST",
                       help="Comma-separated: pdf, docx, html, ics, csv.")
PDF_VARIANT = click.option("--pdf-variant", type=click.Choice(["pdf/ua-1", "pdf/a-3b", "pdf/a-3u", "pdf/a-2b"]),
                           default="pdf/ua-1", show_default=True,
                           help="pdf/ua-1: tagged and accessible; pdf/a-3b: for archiving (also tagged).")
TODAY = click.option("--today", metavar="YYYY-MM-DD", callback=_parse_today,
                     help="Pretend today is this date (plan dates and days to go count from it).")
PATH_ARG = click.Path(path_type=Path, dir_okay=False)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="prep-pack")
@click.option("--debug", is_flag=True, help="Show a traceback with every error, also for bad input (for developers).")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Prepare for your second job interview: a personal pack as PDF and Word, from a YAML profile
    and your notes from the first interview.

    Start with `prep-pack init`, fill in profile.yaml and notes.md, then run
    `prep-pack generate profile.yaml --notes notes.md`.
    """
    ctx.obj = {"debug": debug}


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False), default=".")
@click.option("--lang", type=LANGS, default="nl", show_default=True, help="Language of the example.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@TODAY
def init(folder: Path, lang: str, force: bool, today: dt.date) -> None:
    """Write an example profile.yaml and notes.md to start from."""
    from generator.scaffold import init as write_examples

    for path in write_examples(folder, lang.lower(), today, force):
        click.echo(str(path))
    profile, notes = folder / "profile.yaml", folder / "notes.md"
    click.echo(f"Next: edit {profile} and {notes}, then run\n"
               f"  prep-pack validate {profile} --notes {notes}\n"
               f"  prep-pack generate {profile} --notes {notes}", err=True)


@cli.command()
@click.argument("profile", type=PATH_ARG)
@click.option("--notes", type=PATH_ARG, help="Notes from the first interview (.md or .yaml).")
def validate(profile: Path, notes: Path | None) -> None:
    """Check a profile (and its notes) and list every problem with file:line:column."""
    from generator.validate import load_inputs

    inputs = load_inputs(profile, notes)
    where = f" with notes from {inputs.notes_path}" if inputs.notes_path else \
        (" with notes inside the profile" if inputs.notes else " (no notes found)")
    click.echo(f"{profile}: OK{where}")


@cli.command()
@click.argument("profile", type=PATH_ARG)
@click.option("--notes", type=PATH_ARG, help="Notes from the first interview (.md or .yaml).")
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), default="output",
              show_default=True, help="Folder to write the pack into.")
@FORMATS
@click.option("--lang", type=LANGS, help="Language of the pack (default: the profile's `language`, else nl).")
@BRAND
@TEMPLATES
@PDF_VARIANT
@click.option("--timings", is_flag=True, help="Print how long each step took (to stderr).")
@TODAY
def generate(profile: Path, notes: Path | None, out_dir: Path, formats: str, lang: str | None, brand,
             templates: Path | None, pdf_variant: str, timings: bool, today: dt.date) -> None:
    """Make the preparation pack and print the paths written."""
    from generator.pipeline import generate as run, parse_formats
    from generator.render.assets import Assets

    result = run(profile, out_dir, parse_formats(formats), notes, lang.lower() if lang else None, today,
                 Assets(templates, brand, pdf_variant))
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for path in result.paths:
        click.echo(str(path))
    if timings:
        click.echo(" ".join(f"{step}={seconds:.2f}s" for step, seconds in result.timings.items()), err=True)


@cli.command()
@click.argument("file", type=PATH_ARG)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table for the terminal; csv and json hold every quantity unrounded.")
@click.option("--lang", type=LANGS, help="Language of the table (default: the file's `language`, else nl).")
def compare(file: Path, fmt: str, lang: str | None) -> None:
    """Compare offers (from a profile, or a file with just `offers:`) per year and per hour worked."""
    from generator.compare import run_compare

    click.echo(run_compare(file, fmt, lang.lower() if lang else None))


@cli.command()
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("-o", "--output", "out_dir", type=click.Path(path_type=Path, file_okay=False), required=True,
              help="Folder for the packs (one sub-folder per candidate) and report.csv.")
@click.option("--workers", type=click.IntRange(min=1, max=256), help="Parallel processes [default: CPU cores].")
@BRAND
@FORMATS
@click.option("--resume", is_flag=True, help="Skip candidates whose pack is complete and whose input is unchanged.")
@TEMPLATES
@PDF_VARIANT
@click.option("--scheduler", metavar="ADDRESS",
              help="Run on a Dask cluster: the scheduler's address, e.g. tcp://10.0.0.5:8786.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default=None,
              help="local (default) or dask; dask without --scheduler uses $DASK_SCHEDULER_ADDRESS.")
@TODAY
def batch(folder: Path, out_dir: Path, workers: int | None, brand, formats: str, resume: bool,
          templates: Path | None, pdf_variant: str, scheduler: str | None, executor: str | None,
          today: dt.date) -> None:
    """Make a pack for every profile in FOLDER; report.csv says what failed and why."""
    from generator.batch import run_batch

    brand_path = brand.path if brand else None
    from generator.pipeline import parse_formats
    from generator.progress import ProgressBar

    chosen = None
    if scheduler and executor == "local":
        raise UsageProblem("--scheduler runs the batch on a Dask cluster; leave out --executor local, or --scheduler")
    if scheduler or executor == "dask":
        address = scheduler or os.environ.get("DASK_SCHEDULER_ADDRESS")
        if not address:
            raise UsageProblem("--executor dask needs --scheduler ADDRESS or $DASK_SCHEDULER_ADDRESS")
        if workers:
            raise UsageProblem("--workers sizes the local pool; on a cluster, start as many `dask worker` "
                               "processes as you want instead")
        from generator.dask_executor import DaskExecutor, connect

        chosen = DaskExecutor(connect(address))

    bar = ProgressBar()
    counts = {"failed": 0, "skipped": 0, "ok": 0}

    def show(row, done: int, total: int) -> None:
        counts[row.status] += 1
        bar.update(done, total, counts["failed"], counts["skipped"])

    try:
        exclude = (brand_path,) if brand_path else ()
        result = run_batch(folder, out_dir, parse_formats(formats), today, workers, brand, resume, templates, show,
                           pdf_variant, chosen, exclude)
    finally:
        bar.close()
        if chosen is not None:
            chosen.client.close()
    for row in result.rows:
        if row.status == "failed":
            click.echo(f"failed: {row.profile}: {row.error}", err=True)
    done = f"{len(result.rows)} of {result.total}" if result.interrupted else str(result.total)
    click.echo(f"{done} profile{'s' if result.total != 1 else ''}: {result.count('ok')} ok, {result.count('failed')} failed, "
               f"{result.count('skipped')} skipped in {result.seconds:.1f} s with {result.workers} "
               f"worker{'s' if result.workers != 1 else ''}. Report: {result.report}")
    if result.interrupted:
        click.echo("Interrupted: every finished pack is complete; run the same command with --resume "
                   "to make the rest.", err=True)
        sys.exit(130)
    if result.count("failed"):
        sys.exit(1)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of the profile format (for editor autocompletion)."""
    from generator.models import json_schema

    click.echo(json_schema())


INTERRUPTED = "Interrupted; every file is whole or not written at all. Run the command again to finish."


def _user_error(exc: Exception) -> click.ClickException:
    """The plain message for a problem the user can fix; OS and template errors are put in words."""
    if isinstance(exc, click.ClickException):
        return exc
    if isinstance(exc, OSError):  # the machine said no: a full disk, a folder we may not write to
        where = f"{exc.filename}: " if exc.filename else ""
        return UsageProblem(f"{where}{exc.strerror or exc}. Every file written is whole.")
    line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""  # a mistake in --templates
    return UsageProblem(f"{getattr(exc, 'filename', None) or 'a template'}{line}: {exc.message}; "
                        "fix the template in your --templates folder")


def main() -> None:
    """Entry point of the `prep-pack` console script.

    User-facing problems (`PrepPackError`, Click's usage errors, a refusal from the operating
    system, a mistake in an agency's templates) print one plain message and exit 2; anything
    else is a bug in prep-pack and keeps its traceback. `--debug` shows tracebacks for all.
    """
    try:
        cli.main(standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo(INTERRUPTED, err=True)
        sys.exit(130)
    except (click.ClickException, OSError, TemplateError) as exc:
        if "--debug" in sys.argv[1:2]:
            raise
        error = _user_error(exc)
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
