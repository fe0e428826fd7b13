"""Issue 19: a 20-profile batch on a bad day. One fault of each kind is injected (a profile that
vanishes mid-run, a pack folder that cannot be written, a pack that runs past --pack-timeout,
SIGTERM, a Dask scheduler that dies, Dask workers that all die) and each run must end with a
report holding a row per profile, no process left behind, and nothing written outside OUTDIR.

Every cluster here listens on 127.0.0.1 only.
"""

from __future__ import annotations

import io
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.batch import MANIFEST, run_batch
from generator.slug import pack_slug
from tests.conftest import PROFILES, read_csv
from tests.test_batch import make_folder, options
from tests.test_batch_links import _group_is_empty
from tests.test_cli import run

TIMEOUT = 8  # --pack-timeout of these runs: an ordinary pack takes about 1.5 s, the slow one about 20


def _slow_profile(path: Path) -> None:
    """A valid profile of 0.8 MB whose PDF runs to 250 pages (about 20 s)."""
    loader = YAML(typ="safe", pure=True)
    data = loader.load((PROFILES / "ahmet-yilmaz.yaml").read_text("utf-8"))
    data["candidate"]["name"] = "Trage Tinus"
    paragraph = "Een gewone zin met woorden van gemiddelde lengte die de opmaak flink laat werken. " * 240
    data["stories"] = [{"title": f"Lang verhaal {i}", "situation": paragraph} for i in range(40)]
    stream = io.StringIO()
    loader.dump(data, stream)
    path.write_text(stream.getvalue(), "utf-8")


def _twenty(folder: Path) -> list[str]:
    """18 ordinary profiles, the slow one, and one more that the test makes vanish (20 in all)."""
    names = make_folder(folder, 19, broken=False)
    _slow_profile(folder / "p001-slow.yaml")
    return sorted([*names, "p001-slow.yaml"])


CACHES = ("home/.cache/matplotlib/", "home/.cache/fontconfig/")  # the libraries' font lists: no candidate's data


def _tree(root: Path, skip: Path) -> dict[str, int]:
    """Every file under `root` but those under `skip`, with its size: what a run may not touch."""
    return {str(p.relative_to(root)): p.stat().st_size for p in root.rglob("*")
            if p.is_file() and skip not in p.parents and not str(p.relative_to(root)).startswith(CACHES)}


def _environment(tmp_path: Path) -> dict[str, str]:
    """A private TMPDIR and HOME, so a file written there shows up."""
    for name in ("tmp", "home"):
        (tmp_path / name).mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "HOME": str(tmp_path / "home")}


def _batch(tmp_path: Path, out: Path, *extra: str) -> subprocess.Popen:
    return subprocess.Popen([run("--version").args[0], "batch", str(tmp_path / "in"), "-o", str(out), "--format", "pdf",
                             "--today", "2026-11-26", "--workers", "2", "--pack-timeout", str(TIMEOUT), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=_environment(tmp_path))


def _published(out: Path) -> int:
    return len(list(out.glob(f"*/{MANIFEST}")))


def _wait_for(condition, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.05)


def test_a_vanishing_profile_an_unwritable_folder_and_a_slow_pack_each_cost_one_row(tmp_path):
    names = _twenty(tmp_path / "in")
    out = tmp_path / "out"
    out.mkdir()
    blocked = pack_slug("Liam O'Connor 001", "Kestrel & Finch B.V.")  # p001-liam-oconnor.yaml
    (out / blocked).write_text("a file where the pack folder should be", "utf-8")
    vanishing = "p017-liam-oconnor.yaml"  # read late: deleted once the first pack is out
    before = _tree(tmp_path, out)
    process = _batch(tmp_path, out)
    _wait_for(lambda: _published(out) >= 1)
    (tmp_path / "in" / vanishing).unlink()
    stdout, stderr = process.communicate(timeout=300)
    assert process.returncode == 1, stderr
    assert "Traceback" not in stderr
    rows = {row["profile"]: row for row in read_csv(out / "report.csv")}
    assert sorted(rows) == names
    failed = {name: row["error"] for name, row in rows.items() if row["status"] != "ok"}
    assert set(failed) == {"p001-slow.yaml", "p001-liam-oconnor.yaml", vanishing}, failed
    assert f"longer than {TIMEOUT} s (--pack-timeout)" in failed["p001-slow.yaml"]
    assert "could not be written" in failed["p001-liam-oconnor.yaml"]
    assert "bestaat niet" in failed[vanishing]
    assert "17 ok, 3 failed" in stdout
    assert _group_is_empty(process.pid)
    after = _tree(tmp_path, out)
    assert after == {name: size for name, size in before.items() if not name.endswith(vanishing)}


def test_sigterm_mid_run_leaves_a_row_per_profile_and_no_process(tmp_path):
    names = _twenty(tmp_path / "in")
    out = tmp_path / "out"
    before = _tree(tmp_path, out)
    process = _batch(tmp_path, out)
    _wait_for(lambda: _published(out) >= 3)
    process.send_signal(signal.SIGTERM)
    _stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in stderr, stderr
    statuses = {row["profile"]: row["status"] for row in read_csv(out / "report.csv")}
    assert sorted(statuses) == names
    assert "ok" in statuses.values() and "interrupted" in statuses.values()
    assert _group_is_empty(process.pid)
    assert _tree(tmp_path, out) == before
    assert not list(out.glob(".prep-pack-staging*"))


# ----------------------------------------------------------------------------- a Dask cluster that goes away


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def loopback(tmp_path):
    """A scheduler and two single-thread workers, each its own process on 127.0.0.1; all ended after."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = _environment(tmp_path)
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "env": env, "start_new_session": True}
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                                  "--port", address.rsplit(":", 1)[1], "--no-dashboard"], **quiet)
    workers = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1",
                                 "--host", "127.0.0.1", "--no-dashboard", "--death-timeout", "10"], **quiet)
               for _ in range(2)]
    processes = [scheduler, *workers]
    yield address, scheduler, workers
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)


def _dask_run(tmp_path: Path, address: str, fault, monkeypatch, **patch: float):
    """Run the 20 profiles on the cluster at `address` in this process; `fault()` once 3 packs are out."""
    import generator.batch.watch as watch

    for name, value in patch.items():
        monkeypatch.setattr(watch, name, value)
    names = _twenty(tmp_path / "in")
    out = tmp_path / "out"
    done: list[int] = []

    def progress(row, count, total):
        done.append(count)
        if count == 3:
            fault()

    started = time.monotonic()
    result = run_batch(tmp_path / "in", out_dir=out, options=options(("html",)), scheduler=address,
                       progress=progress, pack_timeout=TIMEOUT)
    rows = {row["profile"]: row for row in read_csv(out / "report.csv")}
    assert sorted(rows) == names
    return result, rows, time.monotonic() - started


def test_a_dead_scheduler_stops_the_run_with_a_message_and_a_full_report(tmp_path, loopback, monkeypatch):
    address, scheduler, _workers = loopback
    # 15 s: longer than the client's own 10 s of reconnecting, after which it closes and refuses
    # new tasks (before, that surfaced as a ClosedClientError traceback and no report)
    result, rows, seconds = _dask_run(tmp_path, address, scheduler.kill, monkeypatch, LOST_AFTER=15.0)
    assert "lost the Dask scheduler" in result.stopped and "--resume" in result.stopped
    assert seconds < 60
    assert {row["status"] for row in rows.values()} == {"ok", "failed"}
    assert sum(row["error"] == result.stopped for row in rows.values()) >= 10
    assert all("Error" not in row["error"] for row in rows.values())  # every reason in words


def test_a_cluster_whose_workers_all_died_stops_the_run(tmp_path, loopback, monkeypatch):
    address, _scheduler, workers = loopback

    def kill_workers():
        for worker in workers:
            os.killpg(worker.pid, signal.SIGKILL)

    result, rows, seconds = _dask_run(tmp_path, address, kill_workers, monkeypatch, EMPTY_AFTER=3.0)
    assert "has had no workers for 3 s" in result.stopped
    assert seconds < 60
    # the killed workers' copies of candidates' profiles are in Dask's own scratch space, which
    # the next worker clears; never loose in the temporary folder
    assert not list((tmp_path / "tmp").glob("prep-pack-*"))
    assert sum(row["error"] == result.stopped for row in rows.values()) >= 10


def test_ctrl_c_after_the_scheduler_died_still_writes_the_report(tmp_path, loopback, monkeypatch):
    """Before: a traceback from cancelling on a dead scheduler, and no report."""
    address, scheduler, _workers = loopback

    def kill_then_ctrl_c():
        scheduler.kill()
        signal.setitimer(signal.ITIMER_REAL, 2)  # Ctrl-C two seconds later, while the run waits

    def interrupt(_signum, _frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        result, rows, seconds = _dask_run(tmp_path, address, kill_then_ctrl_c, monkeypatch)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert result.interrupted and seconds < 60
    assert {row["status"] for row in rows.values()} <= {"ok", "failed", "interrupted"}
    assert "interrupted" in {row["status"] for row in rows.values()}
    cut_off = [row["error"] for row in rows.values() if row["status"] == "failed"]  # in flight when it died
    assert all(error.startswith("the connection to the Dask scheduler was lost") for error in cut_off), cut_off


def test_a_pack_running_past_the_timeout_on_the_cluster_is_a_failed_row(tmp_path, loopback):
    address, _scheduler, _workers = loopback
    folder = tmp_path / "in"
    make_folder(folder, 2, broken=False)
    _slow_profile(folder / "p001-slow.yaml")
    result = run_batch(folder, out_dir=tmp_path / "out", options=options(("pdf",)), scheduler=address,
                       pack_timeout=TIMEOUT)
    rows = {row["profile"]: row for row in read_csv(tmp_path / "out" / "report.csv")}
    assert rows["p001-slow.yaml"]["status"] == "failed"
    assert f"longer than {TIMEOUT} s" in rows["p001-slow.yaml"]["error"]
    assert result.count("ok") == 2
