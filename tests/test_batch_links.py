"""Links and faults in a batch: no file from outside carried in, nothing written through a link, and one
bad file or folder costs one row, never the batch."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

from generator.batch import run_batch
from generator.batch.publish import MANIFEST
from tests.conftest import PROFILES, read_csv
from tests.test_batch import options


def test_links_out_of_the_folder_are_refused_on_their_row(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "secret.md").write_text("# Eerste gesprek 2026-11-19\n\n## Geleerd\n\n- GEHEIM-1234\n", "utf-8")
    shutil.copy(PROFILES / "ahmet-yilmaz.yaml", elsewhere / "other.yaml")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "sanne-de-vries.yaml", folder / "sanne.yaml")
    (folder / "sanne.notes.md").symlink_to(elsewhere / "secret.md")
    (folder / "linked.yaml").symlink_to(elsewhere / "other.yaml")
    shutil.copy(PROFILES / "liam-oconnor.yaml", folder / "liam.yaml")
    (folder / "liam-copy.yaml").symlink_to(folder / "liam.yaml")  # a link inside the folder is fine
    out = tmp_path / "out"
    result = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    rows = {row["profile"]: row for row in read_csv(out / "report.csv")}
    assert rows["sanne.yaml"]["status"] == "failed" and "sanne.notes.md: a link to a file outside" in \
        rows["sanne.yaml"]["error"]
    assert rows["linked.yaml"]["status"] == "failed" and "outside the folder" in rows["linked.yaml"]["error"]
    assert {rows["liam.yaml"]["status"], rows["liam-copy.yaml"]["status"]} == {"ok", "failed"}  # one slug, one pack
    assert not any("GEHEIM-1234" in path.read_text("utf-8", "replace") for path in out.rglob("*") if path.is_file())
    assert result.count("failed") == 3


def test_links_planted_in_the_output_folder_are_never_followed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "ahmet-yilmaz.yaml", folder)
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / "keep.txt").write_text("mine", "utf-8")
    out = tmp_path / "out"
    first = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    slug = first.rows[0].slug
    shutil.rmtree(out / slug)
    (out / slug).symlink_to(victim)  # the pack folder: a link to someone else's folder
    (out / ".prep-pack-staging").symlink_to(victim)  # and the staging folder too
    again = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    assert again.rows[0].status == "failed" and "the pack folder is a link" in again.rows[0].error
    assert sorted(p.name for p in victim.iterdir()) == ["keep.txt"] and (victim / "keep.txt").read_text() == "mine"


def test_a_vanished_profile_or_an_unwritable_pack_folder_costs_one_row(tmp_path, monkeypatch):
    """Each fault is that profile's failed row; the others are made and the report is written."""
    import generator.batch.run as batch_run
    from generator.slug import pack_slug

    folder = tmp_path / "in"
    folder.mkdir()
    for stem in ("ahmet-yilmaz", "liam-oconnor", "noor-bakker"):
        shutil.copy(PROFILES / f"{stem}.yaml", folder)
    out = tmp_path / "out"
    out.mkdir()
    blocked = pack_slug("Liam O'Connor", "Kestrel & Finch B.V.")
    (out / blocked).write_text("a file where the pack folder should be", "utf-8")
    planned = batch_run.plan_jobs

    def plan_then_lose_one(*args, **kwargs):
        jobs = planned(*args, **kwargs)
        (folder / "noor-bakker.yaml").unlink()  # gone between planning and making
        return jobs

    monkeypatch.setattr(batch_run, "plan_jobs", plan_then_lose_one)
    result = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    rows = {row["profile"]: row for row in read_csv(out / "report.csv")}
    assert rows["ahmet-yilmaz.yaml"]["status"] == "ok"
    liam = rows["liam-oconnor.yaml"]
    assert liam["status"] == "failed" and "could not be written" in liam["error"]
    assert rows["noor-bakker.yaml"]["status"] == "failed" and "bestaat niet" in rows["noor-bakker.yaml"]["error"]
    assert result.count("failed") == 2


def _start(tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """A batch of eight PDF packs in its own process group, once its first pack is made."""
    from tests.test_batch import make_folder
    from tests.test_cli import run

    folder = tmp_path / "in"
    make_folder(folder, 8, broken=False)
    out = tmp_path / "out"
    process = subprocess.Popen([run("--version").args[0], "batch", str(folder), "-o", str(out), "--format", "html,pdf",
                                "--today", "2026-11-26", "--workers", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 90
    while not list(out.glob(f"*/{MANIFEST}")) and time.monotonic() < deadline:
        time.sleep(0.05)
    return process, out


def _group_is_empty(pgid: int, seconds: float = 15) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)  # anyone left in the batch's process group?
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    os.killpg(pgid, signal.SIGKILL)  # do not leave them to the next test
    return False


def test_sigterm_stops_a_batch_like_ctrl_c_and_leaves_no_process(tmp_path):
    """A service manager's SIGTERM: interrupted rows, a report, exit 130, and every worker gone."""
    process, out = _start(tmp_path)
    process.send_signal(signal.SIGTERM)  # to the batch alone, as `kill PID` does
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    statuses = [row["status"] for row in read_csv(out / "report.csv")]
    assert len(statuses) == 8 and "interrupted" in statuses and "ok" in statuses
    assert _group_is_empty(process.pid)


def test_workers_stop_when_the_batch_itself_is_killed(tmp_path):
    """kill -9 of the batch alone: its workers (about 150 MB each, holding candidates' data) go too."""
    process, _out = _start(tmp_path)
    process.kill()
    process.wait(timeout=30)
    assert _group_is_empty(process.pid)


def test_a_profile_whose_file_name_is_not_utf8_gets_its_row_and_a_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "ahmet-yilmaz.yaml", folder)
    name = os.fsdecode(b"caf\xe9.yaml")  # a Latin-1 file name, as an old system wrote it
    (folder / name).write_bytes(b"candidate: {name: Kapot}\n")
    out = tmp_path / "out"
    result = run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    rows = {row["profile"]: row for row in read_csv(out / "report.csv")}
    assert rows["caf\\udce9.yaml"]["status"] == "failed" and rows["ahmet-yilmaz.yaml"]["status"] == "ok"
    assert "caf\\udce9" in (out / "overview.html").read_text("utf-8") and result.count("ok") == 1


def where_workers_scratch(task, *, options):
    """A stand-in for make_pack: says where the worker's temporary files would go."""
    import tempfile

    from generator.batch.worker import Outcome

    return Outcome(task.name, task.slug, error=tempfile.gettempdir())


def test_workers_keep_their_scratch_files_inside_the_run(tmp_path):
    """A killed worker's temporary copy of a candidate's profile stays in OUTDIR's staging folder,
    which the run (or the next one) removes, never in a shared /tmp."""
    from generator.batch.local import LocalPool
    from generator.batch.plan import plan_jobs
    from generator.batch.publish import STAGING

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "ahmet-yilmaz.yaml", folder)
    scratch = tmp_path / "out" / STAGING / "scratch"
    pool = LocalPool(1, function=where_workers_scratch, scratch=scratch)
    tasks = [job.task(folder) for job in plan_jobs(folder, options=options(("html",)))]
    try:
        [outcome] = list(pool.run(iter(tasks), options(("html",))))
    finally:
        pool.stop()
    assert outcome.error == str(scratch) and oct(scratch.stat().st_mode & 0o777) == "0o700"
