"""Visual regression: each example PDF, page by page at low resolution, against committed images.

After an intended change of layout, look at the new pages and then update the references:

    .venv/bin/python -m pytest tests/test_visual.py --update-visual
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat

REFERENCES = Path(__file__).with_name("visual")
DPI = 20
# Mean difference per page on a 0-255 grey scale. Anti-aliasing noise stays far below 1; a
# paragraph that moves, a colour that changes or a table that grows gives several points.
TOLERANCE = 1.5


def pages_as_images(pdf: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", str(DPI), str(pdf), str(out / "page")], check=True)
    return sorted(out.glob("page-*.png"))


def difference(a: Path, b: Path) -> float:
    first, second = Image.open(a).convert("L"), Image.open(b).convert("L")
    if first.size != second.size:
        return 255.0
    return ImageStat.Stat(ImageChops.difference(first, second)).mean[0]


@pytest.mark.parametrize("who", ["sanne", "liam"])
def test_pages_look_like_the_references(who, request, tmp_path):
    pack = request.getfixturevalue(who)
    pages = pages_as_images(pack.paths["pdf"], tmp_path / who)
    reference_dir = REFERENCES / who
    if request.config.getoption("--update-visual"):
        reference_dir.mkdir(parents=True, exist_ok=True)
        for old in reference_dir.glob("page-*.png"):
            old.unlink()
        for page in pages:
            page.replace(reference_dir / page.name)
        return
    references = sorted(reference_dir.glob("page-*.png"))
    assert references, f"no reference images in {reference_dir}; run with --update-visual"
    assert len(pages) == len(references), f"{who}: {len(pages)} pages, the reference has {len(references)}"
    changed = {page.name: round(difference(page, ref), 2) for page, ref in zip(pages, references, strict=True)
               if difference(page, ref) > TOLERANCE}
    assert not changed, f"{who}: pages differ from the reference (mean grey difference): {changed}"
