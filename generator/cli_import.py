"""`prep-pack import SHEET -o DIR`: an agency's spreadsheet rows as YAML profiles to go on editing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from generator.cli_options import FOLDER, LANGS, TODAY, examples, quiet, refuse_dash


@click.command("import", epilog=examples("prep-pack import kandidaten.xlsx -o profielen",
                                       "prep-pack import kandidaten.csv -o profielen --force"))
@click.argument("sheet", type=click.Path(path_type=Path, dir_okay=False), callback=refuse_dash)
@click.option("-o", "--output", "out_dir", type=FOLDER, callback=refuse_dash, required=True,
              help="Folder for the profiles (one <name>_<company>.yaml per row).")
@click.option("--lang", type=LANGS, help="Language of the messages and comments (default: each row's).")
@click.option("--force", is_flag=True, help="Write over profiles that already exist in the folder.")
@TODAY
def import_command(sheet: Path, out_dir: Path, lang: str | None, force: bool, today: dt.date) -> None:
    """Write one commented YAML profile per row of a spreadsheet (.xlsx or .csv), for candidates who
    need more than a row can hold (stories, offers); bad rows are listed and nothing is written for them."""
    from generator.batch.publish import make_out_dir
    from generator.errors import InputError
    from generator.messages import text
    from generator.sheet.commands import import_sheet, kept_message

    language = lang.lower() if lang else None
    make_out_dir(out_dir)
    result = import_sheet(sheet, out_dir, today=today, lang=language, force=force)
    for target, row in result.written:
        click.echo(text("label.imported", language or row.language, {"file": target, "row": row.name}))
    for target in result.kept:
        if not quiet():
            click.echo(kept_message(target, language), err=True)
    if result.problems:
        raise InputError(result.problems, language)
