"""Issue 19: a pack is never written over the pack of a different candidate whose name gives the
same file name (José Peña and Jose Pena at one company), by `generate` or across `batch` runs;
the same candidate's new pack (an edited or renamed profile) replaces the old one as before."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.batch import run_batch
from tests.conftest import PROFILES, read_csv
from tests.test_batch import options
from tests.test_cli import run

SLUG = "jose-pena_maasland-logistics-b-v"


def _profile(path: Path, name: str, role: str = "Planner") -> Path:
    text = (PROFILES / "ahmet-yilmaz.yaml").read_text("utf-8")
    text = text.replace("name: Ahmet Yılmaz", f"name: {name}", 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.replace("\n  role: ", f"\n  role: {role} #", 1), "utf-8")
    return path


def test_generate_refuses_to_overwrite_another_candidates_pack(tmp_path):
    first = _profile(tmp_path / "jose.yaml", "José Peña")
    other = _profile(tmp_path / "other" / "jose.yaml", "Jose Pena")
    out = tmp_path / "out"
    assert run("generate", str(first), "-o", str(out), "--format", "html,ics").returncode == 0
    before = {p.name: p.read_bytes() for p in out.glob(f"{SLUG}.*")}
    assert sorted(before) == [f"{SLUG}.html", f"{SLUG}.ics"] and "José Peña" in before[f"{SLUG}.html"].decode()
    refused = run("generate", str(other), "-o", str(out), "--format", "html,ics")
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "are the pack of José Peña" in refused.stderr
    assert "Jose Pena's pack would get the same name" in refused.stderr
    assert {p.name: p.read_bytes() for p in out.glob(f"{SLUG}.*")} == before
    assert not list(out.glob(".*.part"))
    assert run("generate", str(other), "-o", str(tmp_path / "elsewhere"), "--format", "html").returncode == 0


def test_the_same_candidate_replaces_their_own_pack(tmp_path):
    out = tmp_path / "out"
    first = _profile(tmp_path / "jose.yaml", "José Peña", role="Planner")
    assert run("generate", str(first), "-o", str(out), "--format", "html").returncode == 0
    _profile(first, "José Peña (edited)", role="Planner")  # the same profile file, name corrected
    assert run("generate", str(first), "-o", str(out), "--format", "html").returncode == 0
    copy = _profile(tmp_path / "copy.yaml", "José Peña", role="Senior planner")  # the same candidate, another file
    assert run("generate", str(copy), "-o", str(out), "--format", "html").returncode == 0
    assert "Senior planner" in (out / f"{SLUG}.html").read_text("utf-8")


def test_a_later_batch_does_not_overwrite_another_candidates_pack_folder(tmp_path):
    out = tmp_path / "out"
    _profile(tmp_path / "one" / "jose.yaml", "José Peña")
    _profile(tmp_path / "two" / "pena.yaml", "Jose Pena")
    shutil.copy(PROFILES / "noor-bakker.yaml", tmp_path / "two")
    run_batch(tmp_path / "one", out_dir=out, options=options(("html",)), workers=1)
    before = (out / SLUG / f"{SLUG}.html").read_bytes()
    result = run_batch(tmp_path / "two", out_dir=out, options=options(("html",)), workers=1)
    rows = {row["profile"]: row for row in read_csv(out / "report.csv")}
    assert rows["pena.yaml"]["status"] == "failed"
    assert "holds the pack of José Peña (from jose.yaml)" in rows["pena.yaml"]["error"]
    assert rows["noor-bakker.yaml"]["status"] == "ok" and result.count("failed") == 1
    assert (out / SLUG / f"{SLUG}.html").read_bytes() == before
