"""`prep-pack init`: a commented example profile and notes to start from, with the JSON Schemas.

The example profile's first line points an editor (the YAML language server) at the profile
schema; the notes end with a comment saying how a YAML notes file gets the notes schema.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.atomic import write_atomic
from generator.errors import UsageProblem
from generator.folders import builtin_templates
from generator.language import fill
from generator.messages import text
from generator.schema import SCHEMA_FILES, json_schema

PROFILE = "profile.yaml"
NOTES = "notes.md"
SCHEMA = SCHEMA_FILES["profile"]
NOTES_SCHEMA = SCHEMA_FILES["notes"]
SCHEMA_LINE = "# yaml-language-server: $schema={file}"


def wired(profile_text: str) -> str:
    """The example profile with its first line pointing at the schema file written beside it."""
    first = SCHEMA_LINE.format(file=SCHEMA)
    lines = profile_text.splitlines(keepends=True)
    if lines and lines[0].startswith("# yaml-language-server:"):
        lines = lines[1:]
    return first + "\n" + "".join(lines)


def notes_with_hint(notes_text: str, lang: str) -> str:
    """The example notes, ending with how to get the notes schema in a YAML notes file."""
    hint = text("init.notes_schema", lang, {"line": SCHEMA_LINE.format(file=NOTES_SCHEMA)})
    return notes_text.rstrip("\n") + f"\n\n<!-- {hint} -->\n"


def init(folder: Path, lang: str, today: dt.date, force: bool = False) -> list[Path]:
    """Write profile.yaml, notes.md and both JSON Schemas into `folder`; never overwrite without `force`.

    The example interview is dated two weeks after today, so a fresh example always makes a
    sensible plan.
    """
    targets = [folder / PROFILE, folder / NOTES, folder / SCHEMA, folder / NOTES_SCHEMA]
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        raise UsageProblem(f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
                           "nothing was written (use --force to overwrite)")
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{folder} is a file, not a folder")
    source = builtin_templates() / lang
    values = {"interview_date": (today + dt.timedelta(weeks=2)).isoformat(),
              "first_interview_date": (today - dt.timedelta(days=3)).isoformat()}
    profile_text = wired(fill((source / "example-profile.yaml").read_text(encoding="utf-8"), **values))
    notes_text = notes_with_hint(fill((source / "example-notes.md").read_text(encoding="utf-8"), **values), lang)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_atomic(targets[0], profile_text), write_atomic(targets[1], notes_text),
            write_atomic(targets[2], json_schema("profile") + "\n"),
            write_atomic(targets[3], json_schema("notes") + "\n")]
