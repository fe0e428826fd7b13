"""The pack's offer comparison as CSV: every input next to every derived figure (offer_export)."""

from __future__ import annotations

from pathlib import Path

from generator.atomic import inside, write_atomic
from generator.content.blocks import Pack
from generator.content.offer_export import COLUMNS
from generator.csvtext import csv_text
from generator.render.assets import Assets


def render_csv(pack: Pack, out_dir: Path, _assets: Assets) -> Path:
    """Write `<slug>.csv` (the offer records) into `out_dir` in the pack's CSV dialect and return its path."""
    return write_atomic(inside(out_dir, f"{pack.slug}.csv"), csv_text(COLUMNS, pack.offer_records, pack.csv_dialect))
