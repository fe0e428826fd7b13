"""The consultant's view of a batch: `overview.html` and `overview.csv`, one row per candidate.

Sorted by interview date, it shows who interviews when and whose preparation is thin (skills
without a story, stories missing a STARR part, no notes, fields still empty), with each row's
status and a link to the pack. The HTML is one self-contained file (no external resources), in
the brand's colours, and reads as cards on a phone. Its words come from `labels.overview` in the
batch's language, so an agency's `--templates` folder can reword it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.atomic import write_atomic
from generator.batch.report import ReportRow
from generator.content.schedule import countdown
from generator.content.summary import TODO_FIELDS
from generator.content.tasks import ASSESSMENT_NAMES
from generator.csvtext import csv_text
from generator.errors import visible
from generator.language import Texts, load_language
from generator.localize import long_date
from generator.options import RunOptions
from generator.render.assets import load_assets

COLUMNS = ("candidate", "email", "company", "role", "date", "time", "days_to_go", "mode", "assignment", "gaps",
           "incomplete_stories", "notes", "lacking", "status", "error", "pack")
LINKED = ("pdf", "html", "docx")  # the pack file a row links to: the first of these the run makes
# The overview's words, by the name the template uses.
LABELS = {
    "title": "labels.overview.title", "intro": "labels.overview.intro", "candidate": "labels.overview.candidate",
    "when": "labels.overview.when", "how": "labels.overview.how",
    "preparation": "labels.overview.preparation", "gaps": "labels.overview.gaps",
    "incomplete": "labels.overview.incomplete", "no_notes": "labels.overview.no_notes",
    "lacking": "labels.overview.lacking", "ready": "labels.overview.ready", "status": "labels.overview.status",
    "pack": "labels.overview.pack", "open": "labels.overview.open", "assignment": "labels.overview.assignment",
    "in_person": "labels.overview.in_person", "video": "labels.overview.video", "phone": "labels.overview.phone",
    "ok": "labels.overview.ok", "failed": "labels.overview.failed", "skipped": "labels.overview.skipped",
    "interrupted": "labels.overview.interrupted", "empty": "labels.overview.empty",
}
PLURALS = ("gaps", "incomplete")  # counted texts, filled per record in `_shown`


def _records(rows: list[ReportRow], formats: tuple[str, ...], today: dt.date) -> list[dict[str, object]]:
    """One flat record per row, soonest interview first; rows without a date (failed) last. Days to
    go are counted from today, also for a pack a resumed run kept from an earlier day."""
    fmt = next((f for f in LINKED if f in formats), formats[0] if formats else "pdf")
    records = []
    for row in rows:
        facts = row.overview
        made = row.status in ("ok", "skipped") and row.slug
        records.append({**{key: facts.get(key, "") for key in COLUMNS}, "candidate": facts.get("candidate") or
                        visible(Path(row.profile).stem), "status": row.status,
                        "error": visible(row.error) if row.status != "ok" else "",
                        "pack": f"{row.slug}/{row.slug}.{fmt}" if made else ""})
        if records[-1]["date"]:
            records[-1]["days_to_go"] = (dt.date.fromisoformat(str(records[-1]["date"])) - today).days
    return sorted(records, key=lambda r: (not r["date"], str(r["date"]), str(r["time"]), str(r["candidate"])))


def _shown(record: dict[str, object], texts: Texts, locale: str) -> dict[str, object]:
    """What the page shows for one record, in the batch's language: the date written out with how
    far off it is, the assignment named, and the list of what is still thin (plural forms from Babel)."""
    thin = []
    if record["gaps"]:
        thin.append(texts("labels.overview.gaps", n=record["gaps"]))
    if record["incomplete_stories"]:
        thin.append(texts("labels.overview.incomplete", n=record["incomplete_stories"]))
    if record["date"] and not record["notes"]:
        thin.append(texts("labels.overview.no_notes"))
    lacking = record["lacking"] if isinstance(record["lacking"], list) else []
    thin += [f"{texts('labels.overview.lacking')}: {texts(TODO_FIELDS[path])}" for path in lacking
             if path in TODO_FIELDS and path != "notes"]
    day = dt.date.fromisoformat(str(record["date"])) if record["date"] else None
    kind = str(record["assignment"])
    return {**record, "thin": thin, "when": long_date(day, locale) if day else "",
            "days": countdown(texts, int(str(record["days_to_go"]))) if day else "",
            "assignment_name": texts(ASSESSMENT_NAMES[kind]) if kind in ASSESSMENT_NAMES else kind}


def write_overview(out_dir: Path, rows: list[ReportRow], options: RunOptions, language: str,
                   dialect: str) -> list[Path]:
    """Write overview.html and overview.csv into `out_dir` and return their paths."""
    records = _records(rows, options.formats, options.today)
    loaded = load_language(language, options.templates)
    texts = loaded.texts
    assets = load_assets(options)
    html = assets.env.get_template("overview.html.j2").render(
        records=[_shown(record, texts, loaded.locale) for record in records], brand=assets.brand,
        labels={name: texts(key) for name, key in LABELS.items() if name not in PLURALS},
        design=assets.design, lang=language)
    return [write_atomic(out_dir / "overview.html", html),
            write_atomic(out_dir / "overview.csv", csv_text(COLUMNS, records, dialect))]
