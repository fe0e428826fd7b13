"""A git revision against the working tree, side by side in one run (issue 18).

    .venv/bin/pip install -e ".[bench]"              # the libraries older revisions need
    .venv/bin/python -m tests.benchmarks.compare     # against BASE, 5 rounds, about 6 minutes
    .venv/bin/python -m tests.benchmarks.compare --base HEAD~1 --rounds 3

The revision is checked out into a temporary git worktree and both trees run with this Python:
PYTHONPATH puts the tree's own `generator` package (and so its templates) first. Each round
runs the revision and then the working tree, so a busy machine slows both alike; each figure is
the median over the rounds, and each ratio is working tree / revision:

1. cold `prep-pack generate` of the Dutch example, PDF+DOCX, a new process each time
   (target: at most 0.55);
2. `batch` of 20 profiles with 2 workers, PDF+DOCX, as packs per hour (target: at least 1.7);
3. `preview`'s re-render of the HTML after a save, in a warm process (target: under 0.3 s);
4. the Dutch example's PDF in bytes (target: at most 250 KiB), with its PDF/UA mark.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BASE = "c8e3165"  # main before the speed work of issue 18
EXAMPLE = "profiles/sanne-de-vries.yaml"
TODAY = "2026-11-26"
PROFILES = 20
PREVIEW = """
import json, statistics, sys
from pathlib import Path
from generator.options import RunOptions
from generator.preview import Preview
import datetime as dt
preview = Preview(Path(sys.argv[1]), None, RunOptions(today=dt.date(2026, 11, 26), formats=("html",)))
preview.render()  # the first render loads templates and fonts, as the preview does when it starts
times = []
for _ in range(7):
    preview.render()
    times.append(preview.seconds)
print(json.dumps(statistics.median(times)))
"""


def _run(tree: Path, *args: str, cwd: Path) -> float:
    """Seconds one `python -m generator ...` takes in a new process running `tree`'s code."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{tree}: prep-pack {' '.join(args)} failed:\n{done.stderr}")
    return seconds


def _profiles(folder: Path) -> Path:
    """20 profiles: the four examples with numbered names, their notes beside them."""
    folder.mkdir(parents=True)
    sources = ["sanne-de-vries", "liam-oconnor", "noor-bakker", "ahmet-yilmaz"]
    for number in range(PROFILES):
        stem = sources[number % len(sources)]
        text = (ROOT / "profiles" / f"{stem}.yaml").read_text("utf-8")
        text = re.sub(r"(candidate:\n  name: )(.*)", rf"\g<1>\g<2> {number:03d}", text, count=1)
        (folder / f"p{number:03d}.yaml").write_text(text, "utf-8")
        for notes in (ROOT / "profiles").glob(f"{stem}.notes.*"):
            (folder / f"p{number:03d}{notes.name[len(stem):]}").write_bytes(notes.read_bytes())
    return folder


def _round(tree: Path, work: Path) -> dict[str, float]:
    """One measurement of every figure for one tree."""
    out = work / "out"
    shutil.rmtree(out, ignore_errors=True)
    figures = {"generate_s": _run(tree, "generate", str(ROOT / EXAMPLE), "-o", str(out), "--format", "pdf,docx",
                                  "--today", TODAY, cwd=work)}
    pdf = next(out.glob("*.pdf"))
    figures["pdf_bytes"] = pdf.stat().st_size
    figures["pdf_ua"] = float(_tagged_pdf_ua(pdf))
    shutil.rmtree(work / "batch", ignore_errors=True)
    seconds = _run(tree, "batch", str(work / "in"), "-o", str(work / "batch"), "--format", "pdf,docx",
                   "--workers", "2", "--today", TODAY, cwd=work)
    figures["batch_packs_per_hour"] = PROFILES * 3600 / seconds
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run([sys.executable, "-c", PREVIEW, str(ROOT / EXAMPLE)], env=env, capture_output=True,
                          text=True, cwd=work, check=True)
    figures["preview_s"] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def _tagged_pdf_ua(pdf: Path) -> bool:
    """True when the PDF says it is PDF/UA-1 (in its XMP metadata), is tagged, and embeds its fonts as subsets."""
    from pypdf import PdfReader

    root = PdfReader(pdf).trailer["/Root"]
    metadata = root["/Metadata"].get_object().get_data() if "/Metadata" in root else b""
    fonts = [font.get_object() for page in PdfReader(pdf).pages
             for font in (page["/Resources"].get("/Font") or {}).values()]
    embedded = all("/FontFile3" in descendant["/FontDescriptor"] or "/FontFile2" in descendant["/FontDescriptor"]
                   for font in fonts for descendant in [f.get_object() for f in font.get("/DescendantFonts", [font])])
    subset = all(re.match(r"/[A-Z]{6}\+", str(font["/BaseFont"])) for font in fonts)
    return b"pdfuaid:part" in metadata and "/StructTreeRoot" in root and embedded and subset


def _worktree(revision: str, into: Path) -> Path:
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(into), revision],
                   check=True, capture_output=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default=BASE, help=f"the git revision to compare against [default: {BASE}]")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="prep-pack-compare-") as tmp:
        work = Path(tmp)
        base = _worktree(args.base, work / "base")
        try:
            _profiles(work / "in")
            trees = {"base": base, "now": ROOT}
            runs: dict[str, list[dict[str, float]]] = {"base": [], "now": []}
            for number in range(args.rounds):
                for name, tree in trees.items():
                    runs[name].append(_round(tree, work))
                print(f"round {number + 1}/{args.rounds} done", file=sys.stderr)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base)], capture_output=True)
    median = {name: {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
              for name, rounds in runs.items()}
    _report(args.base, args.rounds, median)


def _report(revision: str, rounds: int, median: dict[str, dict[str, float]]) -> None:
    base, now = median["base"], median["now"]
    lines = [
        f"working tree against {revision}, medians of {rounds} alternating rounds, {os.cpu_count()} cores",
        f"1. cold generate PDF+DOCX:  {base['generate_s']:.2f} s -> {now['generate_s']:.2f} s  "
        f"ratio {now['generate_s'] / base['generate_s']:.2f}  (target <= 0.55)",
        f"2. batch, 2 workers:        {base['batch_packs_per_hour']:,.0f} -> "
        f"{now['batch_packs_per_hour']:,.0f} packs/h  "
        f"ratio {now['batch_packs_per_hour'] / base['batch_packs_per_hour']:.2f}  (target >= 1.7)",
        f"3. preview re-render:       {base['preview_s']:.3f} s -> {now['preview_s']:.3f} s  (target < 0.3 s)",
        f"4. example PDF:             {base['pdf_bytes'] / 1024:.0f} KiB -> {now['pdf_bytes'] / 1024:.0f} KiB  "
        f"(target <= 250 KiB; tagged PDF/UA-1, fonts embedded and subset: {'yes' if now['pdf_ua'] else 'NO'})",
    ]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
