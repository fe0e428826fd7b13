"""The `prep-pack` command line: parse options, call the pipeline, print what happened.

No work is done here beyond turning options into arguments; see `pipeline.py`.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click
from jinja2 import TemplateError

from generator import __version__
from generator.cli_import import import_command
from generator.cli_options import (
    BRAND,
    CSV_DIALECT,
    FOLDER,
    FORMATS,
    INPUT_FILE_CALLBACK,
    LANGS,
    PATH_ARG,
    PDF_VARIANT,
    TEMPLATES,
    TODAY,
    examples,
    load_brand,
    message_language,
    quiet,
    refuse_dash,
    verbose,
)
from generator.errors import UsageProblem, labelled, template_problem, visible
from generator.language import DEFAULT_LANGUAGE
from generator.options import PACK_TIMEOUT, RunOptions


def _run_options(*, today: dt.date, formats: str, lang: str | None = None, brand=None, templates: Path | None,
                 pdf_variant: str, csv_dialect: str | None, emails: bool = False) -> RunOptions:
    """The one `RunOptions` of this run, from the command's flags; nothing else derives an option."""
    from generator.pipeline import parse_formats

    return RunOptions(today=today, formats=parse_formats(formats), language=lang.lower() if lang else None,
                      brand=brand, templates=templates, pdf_variant=pdf_variant, csv_dialect=csv_dialect,
                      emails=emails)


@click.group(context_settings={"help_option_names": ["-h", "--help"]},
             epilog=examples("prep-pack init my-pack",
                             "prep-pack generate my-pack/profile.yaml --notes my-pack/notes.md",
                             "prep-pack preview my-pack/profile.yaml",
                             "Shell completion: see the README (bash, zsh and fish)."))
@click.version_option(__version__, prog_name="prep-pack")
@click.option("--debug", is_flag=True, help="Show a traceback with every error, also for bad input (for developers).")
@click.option("-q", "--quiet", is_flag=True, help="Only results and errors: no warnings, hints or progress bar.")
@click.option("-v", "--verbose", is_flag=True, help="Also say where the time went.")
def cli(debug: bool, quiet: bool, verbose: bool) -> None:
    """Prepare for your second job interview: a personal pack as PDF and Word, from a YAML profile
    and your notes from the first interview.

    Start with `prep-pack init`, fill in profile.yaml and notes.md, then run
    `prep-pack generate profile.yaml --notes notes.md`. Results go to stdout; warnings, hints and
    progress to stderr. NO_COLOR is honoured.
    """
    # `--debug` is read by `main` from the command line itself, before Click has parsed anything.
    if quiet and verbose:
        raise UsageProblem("choose --quiet or --verbose, not both")


def _say(message: str) -> None:
    """A warning or hint on stderr, unless --quiet."""
    if not quiet():
        click.echo(message, err=True)


@cli.command(epilog=examples("prep-pack init", "prep-pack init my-pack --lang en"))
@click.argument("folder", type=FOLDER, callback=refuse_dash, default=".")
@click.option("--lang", type=LANGS, default=DEFAULT_LANGUAGE, show_default=True, help="Language of the example.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@TODAY
def init(folder: Path, lang: str, force: bool, today: dt.date) -> None:
    """Write an example profile.yaml and notes.md to start from."""
    from generator.scaffold import init as write_examples

    for path in write_examples(folder, lang.lower(), today, force):
        click.echo(str(path))
    profile, notes = folder / "profile.yaml", folder / "notes.md"
    _say(f"Next: edit {profile} and {notes}, then run\n"
         f"  prep-pack validate {profile} --notes {notes}\n"
         f"  prep-pack generate {profile} --notes {notes}")


@cli.command(epilog=examples("prep-pack validate profile.yaml --notes notes.md",
                             "cat profile.yaml | prep-pack validate -"))
@click.argument("profile", type=PATH_ARG, callback=INPUT_FILE_CALLBACK)
@click.option("--notes", type=PATH_ARG, callback=refuse_dash, help="Notes from the first interview (.md or .yaml).")
@click.option("--lang", type=LANGS,
              help=f"Language of the messages (default: the profile's `language`, else {DEFAULT_LANGUAGE}).")
def validate(profile: Path, notes: Path | None, lang: str | None) -> None:
    """Check a profile (and its notes) and list every problem with file:line:column; warnings do not
    fail it. PROFILE may be '-' for standard input, or an agency's spreadsheet (.xlsx or .csv)."""
    from generator.messages import text
    from generator.sheet import is_sheet
    from generator.validate import load_inputs

    if is_sheet(profile):  # an agency's spreadsheet: every row, each problem by sheet, row and column
        from generator.sheet.commands import check_sheet

        rows = check_sheet(profile, lang.lower() if lang else None)
        click.echo(text("label.ok_sheet", lang or DEFAULT_LANGUAGE, {"file": profile, "count": len(rows)}))
        return
    inputs = load_inputs(profile, notes, lang.lower() if lang else None)
    language = message_language(lang, profile) if lang else inputs.profile.language
    for warning in inputs.warnings:
        _say(labelled(warning, language))
    key = "label.ok_notes_file" if inputs.notes_path else \
        ("label.ok_notes_inside" if inputs.notes else "label.ok_no_notes")
    click.echo(text(key, language, {"file": profile, "notes": inputs.notes_path}))


@cli.command(epilog=examples("prep-pack generate profile.yaml --notes notes.md",
                             "prep-pack generate profile.yaml -o packs --format pdf,docx,ics --lang en",
                             "prep-pack --quiet generate profile.yaml --brand agency/brand.yaml"))
@click.argument("profile", type=PATH_ARG, callback=refuse_dash)
@click.option("--notes", type=PATH_ARG, callback=refuse_dash, help="Notes from the first interview (.md or .yaml).")
@click.option("-o", "--output", "out_dir", type=FOLDER, callback=refuse_dash, default="output", show_default=True,
              help="Folder to write the pack into.")
@FORMATS
@click.option("--lang", type=LANGS,
              help=f"Language of the pack (default: the profile's `language`, else {DEFAULT_LANGUAGE}).")
@BRAND
@TEMPLATES
@PDF_VARIANT
@CSV_DIALECT
@click.option("--timings", is_flag=True, help="Print how long each step took (to stderr); as --verbose.")
@TODAY
def generate(profile: Path, notes: Path | None, out_dir: Path, formats: str, lang: str | None,
             brand_file: Path | None, templates: Path | None, pdf_variant: str, csv_dialect: str | None,
             timings: bool, today: dt.date) -> None:
    """Make the preparation pack and print the paths written."""
    from generator.pipeline import generate as run

    brand = load_brand(brand_file, message_language(lang, profile))
    options = _run_options(today=today, formats=formats, lang=lang, brand=brand, templates=templates,
                           pdf_variant=pdf_variant, csv_dialect=csv_dialect)
    result = run(profile, options=options, out_dir=out_dir, notes=notes)
    for warning in result.labelled_warnings():
        _say(warning)
    for path in result.paths:
        click.echo(str(path))
    if timings or verbose():
        click.echo(" ".join(f"{step}={seconds:.2f}s" for step, seconds in result.timings.items()), err=True)


@cli.command(epilog=examples("prep-pack preview profile.yaml", "prep-pack preview profile.yaml --notes notes.md --pdf",
                             "prep-pack preview profile.yaml --no-open --port 8123"))
@click.argument("profile", type=PATH_ARG, callback=refuse_dash)
@click.option("--notes", type=PATH_ARG, callback=refuse_dash, help="Notes from the first interview (.md or .yaml).")
@click.option("--lang", type=LANGS, help="Language of the pack (default: the profile's `language`).")
@BRAND
@TEMPLATES
@click.option("--pdf", "pdf_dir", type=FOLDER, callback=refuse_dash, is_flag=False, flag_value="output",
              default=None, help="Also write the PDF to this folder on every change [flag alone: output].")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True, help="Open the browser.")
@click.option("--port", type=click.IntRange(0, 65535), default=0, help="Port on 127.0.0.1 [default: any free one].")
@TODAY
def preview(profile: Path, notes: Path | None, lang: str | None, brand_file: Path | None, templates: Path | None,
            pdf_dir: Path | None, open_browser: bool, port: int, today: dt.date) -> None:
    """Show the pack in the browser and make it again each time you save the profile, the notes,
    the brand or the templates. A problem in a file is shown on the page; Ctrl-C stops."""
    from generator.preview import Preview, serve

    brand = load_brand(brand_file, message_language(lang, profile))
    options = _run_options(today=today, formats="html", lang=lang, brand=brand, templates=templates,
                           pdf_variant="pdf/ua-1", csv_dialect=None)
    silent = quiet()  # read here: the watcher thread has no Click context
    serve(Preview(profile, notes, options, brand_file=brand_file, pdf_dir=pdf_dir), port=port,
          open_browser=open_browser, say=lambda message: None if silent else click.echo(message, err=True))
    _say("Preview stopped.")


@cli.command(epilog=examples("prep-pack compare profile.yaml",
                             "prep-pack compare offers.yaml --format csv > offers.csv",
                             "cat offers.yaml | prep-pack compare - --format json"))
@click.argument("file", type=PATH_ARG, callback=INPUT_FILE_CALLBACK)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="table for the terminal; csv and json hold every input and quantity unrounded.")
@click.option("--lang", type=LANGS,
              help=f"Language of the table (default: the file's `language`, else {DEFAULT_LANGUAGE}).")
@CSV_DIALECT
@TODAY
def compare(file: Path, fmt: str, lang: str | None, csv_dialect: str | None, today: dt.date) -> None:
    """Compare offers (from a profile, or a file with just `offers:`) per year and per hour worked.

    The table fits the terminal (set COLUMNS to change its width) and lists each offer's flags.
    FILE may be '-' for standard input."""
    from generator.compare import run_compare

    click.echo(run_compare(file, fmt, lang.lower() if lang else None, csv_dialect=csv_dialect, today=today),
               nl=fmt != "csv")


@cli.command(epilog=examples("prep-pack batch profiles/ -o packs --brand agency/brand.yaml",
                             "prep-pack batch kandidaten.xlsx -o packs --emails",
                             "prep-pack batch profiles/ -o packs --resume --format pdf --workers 4"))
@click.argument("folder", type=click.Path(path_type=Path), metavar="FOLDER|SHEET", callback=refuse_dash)
@click.option("-o", "--output", "out_dir", type=FOLDER, callback=refuse_dash, required=True,
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
@CSV_DIALECT
@click.option("--pack-timeout", type=click.FloatRange(min=1, max=86_400), default=PACK_TIMEOUT, show_default=True,
              metavar="SECONDS", help="Stop a pack that takes longer than this; it gets a failed row.")
@click.option("--emails", is_flag=True, help="Write an .eml draft beside each pack, addressed to the candidate "
                                             "with the PDF attached (never sent); words from the brand's email:.")
@TODAY
def batch(folder: Path, out_dir: Path, workers: int | None, brand_file: Path | None, formats: str, resume: bool,
          templates: Path | None, pdf_variant: str, scheduler: str | None, executor: str | None,
          csv_dialect: str | None, pack_timeout: float, emails: bool, today: dt.date) -> None:
    """Make a pack for every profile in FOLDER, or for every row of a spreadsheet (.xlsx or .csv);
    report.csv says what failed and why."""
    from generator.batch import run_batch
    from generator.progress import ProgressBar

    brand = load_brand(brand_file, message_language(None))
    options = _run_options(today=today, formats=formats, brand=brand, templates=templates, pdf_variant=pdf_variant,
                           csv_dialect=csv_dialect, emails=emails)
    bar = ProgressBar(enabled=not quiet())
    try:
        result = run_batch(folder, out_dir=out_dir, options=options, workers=workers, resume=resume,
                           progress=bar.counter(), executor=executor, scheduler=scheduler,
                           exclude=(brand.path,) if brand and brand.path else (), pack_timeout=pack_timeout)
    finally:
        bar.close()
    for row in result.rows:
        if row.status == "failed":
            click.echo(visible(f"failed: {row.profile}: {row.error}"), err=True)
        elif verbose():
            click.echo(visible(f"{row.status}: {row.profile} ({row.seconds:.2f} s)"), err=True)
    done = str(result.total)
    stopped = f", {result.count('interrupted')} interrupted" if result.count("interrupted") else ""
    click.echo(f"{done} profile{'s' if result.total != 1 else ''}: {result.count('ok')} ok, "
               f"{result.count('failed')} failed, {result.count('skipped')} skipped{stopped} in "
               f"{result.seconds:.1f} s with {result.workers} worker{'s' if result.workers != 1 else ''}. "
               f"Report: {result.report}; overview: {result.overview}")
    if result.stopped:
        click.echo(visible(f"Stopped: {result.stopped}"), err=True)
    if result.interrupted:
        click.echo("Interrupted: every finished pack is complete; run the same command with --resume "
                   "to make the rest.", err=True)
        sys.exit(130)
    if result.count("failed"):
        sys.exit(1)


@cli.command(epilog=examples("prep-pack schema > profile.schema.json", "prep-pack schema --notes > notes.schema.json"))
@click.option("--notes", "notes", is_flag=True, help="The schema of a YAML notes file instead of the profile's.")
def schema(notes: bool) -> None:
    """Print the JSON Schema of the profile format (for editor autocompletion)."""
    from generator.schema import json_schema

    click.echo(json_schema("notes" if notes else "profile"))


INTERRUPTED = "Interrupted; every file is whole or not written at all. Run the command again to finish."


cli.add_command(import_command)


def _user_error(exc: Exception) -> click.ClickException:
    """The plain message for a problem the user can fix; OS and template errors are put in words."""
    if isinstance(exc, click.ClickException):
        return exc
    if isinstance(exc, OSError):  # the machine said no: a full disk, a folder we may not write to
        where = f"{exc.filename}: " if exc.filename else ""
        return UsageProblem(f"{where}{exc.strerror or exc}. Every file written is whole.")
    return template_problem(exc)  # a mistake in --templates


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
