"""The offer comparison as CSV, with the exact quantity names of docs/offers.md, unrounded."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.atomic import inside, write_atomic
from generator.content.blocks import Pack
from generator.content.offers import QUANTITIES
from generator.render.assets import Assets

COLUMNS = ("name", "current", *QUANTITIES)


def offers_csv(values: list[dict[str, object]]) -> str:
    """One row per offer, in input order; numbers unrounded so spreadsheets can recompute."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in values:
        writer.writerow({key: (str(row[key]).lower() if key == "current" else row[key]) for key in COLUMNS})
    return buffer.getvalue()


def render_csv(pack: Pack, out_dir: Path, _assets: Assets) -> Path:
    """Write `<slug>.csv` (the offer table) into `out_dir` and return its path."""
    return write_atomic(inside(out_dir, f"{pack.slug}.csv"), offers_csv(pack.offer_quantities))
