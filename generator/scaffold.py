"""`prep-pack init`: a commented example profile and notes to start from."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.atomic import write_atomic
from generator.errors import UsageProblem
from generator.folders import builtin_templates
from generator.language import fill
from generator.models import json_schema

PROFILE = "profile.yaml"
NOTES = "notes.md"
SCHEMA = "prep-pack.schema.json"


def init(folder: Path, lang: str, today: dt.date, force: bool = False) -> list[Path]:
    """Write profile.yaml, notes.md and the JSON Schema into `folder`; never overwrite without `force`.

    The example interview is dated two weeks after today, so a fresh example always makes a
    sensible plan.
    """
    targets = [folder / PROFILE, folder / NOTES, folder / SCHEMA]
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        raise UsageProblem(f"{', '.join(existing)} already exist{'s' if len(existing) == 1 else ''}; "
                           "nothing was written (use --force to overwrite)")
    if folder.exists() and not folder.is_dir():
        raise UsageProblem(f"{folder} is a file, not a folder")
    source = builtin_templates() / lang
    values = {"interview_date": (today + dt.timedelta(weeks=2)).isoformat(),
              "first_interview_date": (today - dt.timedelta(days=3)).isoformat()}
    profile_text = fill((source / "example-profile.yaml").read_text(encoding="utf-8"), **values)
    notes_text = fill((source / "example-notes.md").read_text(encoding="utf-8"), **values)
    folder.mkdir(parents=True, exist_ok=True)
    return [write_atomic(targets[0], profile_text), write_atomic(targets[1], notes_text),
            write_atomic(targets[2], json_schema() + "\n")]
