"""`batch --scheduler`: the same packs on a real Dask cluster (LocalCluster on 127.0.0.1 only)."""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from pathlib import Path

import cloudpickle
import dask
import pytest
from distributed import Client, LocalCluster, WorkerPlugin

from generator.batch import run_batch
from generator.batch.dask import DaskExecutor
from tests.test_batch import BROKEN, make_folder, options, report, snapshot

cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the plugin below travels to the workers


def cluster() -> tuple[LocalCluster, Client]:
    """Two single-thread worker processes; a task is given up after killing 2 workers, and each
    worker holds one task at a time (so a dying worker takes no innocent queued task with it)."""
    config = {"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(config):
        local = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                             dashboard_address=None, silence_logs=logging.ERROR)
    return local, Client(local, set_as_default=False)


@pytest.fixture(scope="module")
def client():
    local, client = cluster()
    yield client
    client.close()
    local.close()


def files(out):
    """Every pack file's bytes (report and manifests aside)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "report.csv" and not p.name.startswith(".")}


def without_seconds(out):
    return [{k: v for k, v in row.items() if k != "seconds"} for row in report(out)]


def test_cluster_gives_the_same_report_and_byte_identical_packs(client, tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 6)
    local = run_batch(folder, out_dir=tmp_path / "local", options=options(("pdf", "html")), workers=2)
    remote = run_batch(folder, out_dir=tmp_path / "dask", options=options(("pdf", "html")),
                       executor=DaskExecutor(client))
    assert remote.count("ok") == 6 and remote.count("failed") == len(BROKEN)
    assert without_seconds(tmp_path / "dask") == without_seconds(tmp_path / "local")
    assert files(tmp_path / "dask") == files(tmp_path / "local")
    assert local.workers == 2 and remote.workers == 2


def test_resume_works_the_same_on_the_cluster(client, tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 3, broken=False)
    out = tmp_path / "out"
    run_batch(folder, out_dir=out, options=options(("html",)), workers=2)
    rows = run_batch(folder, out_dir=out, options=options(("html",)), resume=True, executor=DaskExecutor(client)).rows
    assert [r.status for r in rows] == ["skipped"] * 3


def test_a_worker_killed_mid_run_loses_nothing(client, tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 8, broken=False)
    killed = []

    def kill_one_worker(row, done, total):
        if not killed:
            pid = next(iter(client.run(os.getpid).values()))
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    out = tmp_path / "out"
    result = run_batch(folder, out_dir=out, options=options(("html", "ics")),
                       executor=DaskExecutor(client, in_flight=8), progress=kill_one_worker)
    assert killed and result.count("ok") == 8, [r.error for r in result.rows]
    run_batch(folder, out_dir=tmp_path / "local", options=options(("html", "ics")), workers=2)
    assert snapshot(out) == snapshot(tmp_path / "local")


class Poison(WorkerPlugin):
    """Makes the worker process die whenever it is given the profile `poison.yaml`."""

    def setup(self, worker):
        import generator.batch.worker as packs

        original = packs.make_pack

        def deadly(task, *, options, scratch=None):
            if task.name == "poison.yaml":
                os._exit(1)
            return original(task, options=options, scratch=scratch)

        packs.make_pack = deadly


def test_a_profile_that_keeps_killing_workers_fails_without_hanging(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 2, broken=False)
    (folder / "poison.yaml").write_bytes(next(folder.glob("p000-*.yaml")).read_bytes().replace(b"000", b"999"))
    local, client = cluster()
    try:
        client.register_plugin(Poison())
        result = run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)), executor=DaskExecutor(client))
    finally:
        client.close()
        local.close()
    rows = {r.profile: r for r in result.rows}
    assert rows["poison.yaml"].status == "failed" and "gave up" in rows["poison.yaml"].error
    assert [rows[n].status for n in rows if n != "poison.yaml"] == ["ok", "ok"], [r.error for r in result.rows]


def test_cli_without_distributed_or_scheduler_is_a_usage_error(tmp_path):
    from tests.test_cli import run

    folder = tmp_path / "in"
    make_folder(folder, 1, broken=False)
    env_free = run("batch", str(folder), "-o", str(tmp_path / "out"), "--executor", "dask")
    assert env_free.returncode == 2 and "DASK_SCHEDULER_ADDRESS" in env_free.stderr
    both = run("batch", str(folder), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:1",
               "--workers", "2")
    assert both.returncode == 2 and "--workers" in both.stderr
    started = time.monotonic()
    scheme = run("batch", str(folder), "-o", str(tmp_path / "out"), "--scheduler", "foo://127.0.0.1:1")
    assert scheme.returncode == 2 and "'foo' is not a Dask address" in scheme.stderr
    assert "Traceback" not in scheme.stderr and time.monotonic() - started < 15  # no 20 s wait for Dask
    assert not (tmp_path / "out").exists()


def test_templates_travel_once_into_a_private_folder_per_worker(tmp_path):
    """The plugin carries a `--templates` folder's files; each worker writes them into a folder
    of its own (mode 0700, an unpredictable name) and removes it when the run ends."""
    import dataclasses
    import stat
    import tempfile

    from generator.batch.dask import OptionsPlugin

    shipped = options(("html",))
    files = {"style.css": b"h1 { color: red; }\n", "en/texts.yaml": b"x: 1\n"}
    first, second = OptionsPlugin("a", shipped, files), OptionsPlugin("b", shipped, files)
    first.setup(None)
    second.setup(None)
    try:
        folder = first.options.templates
        assert folder is not None and folder != second.options.templates
        assert folder.parent == Path(tempfile.gettempdir()) and stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()} == files
        assert first.options == dataclasses.replace(shipped, templates=folder)
        first.setup(None)  # a second call writes nothing new
        assert first.options.templates == folder
    finally:
        first.teardown(None)
        second.teardown(None)
    assert not folder.exists() and not second.folder
    plain = OptionsPlugin("c", shipped)
    plain.setup(None)
    assert plain.options == shipped and plain.folder is None
    with pytest.raises(ValueError, match="refusing"):
        OptionsPlugin("d", shipped, {"../escape.css": b""}).setup(None)


def test_templates_on_the_cluster_give_the_same_packs_as_locally(client, tmp_path):
    from tests.conftest import ROOT

    folder = tmp_path / "in"
    make_folder(folder, 2, broken=False)
    huisstijl = tmp_path / "huisstijl"
    (huisstijl / "en").mkdir(parents=True)
    css = (ROOT / "templates" / "style.css").read_text("utf-8")
    (huisstijl / "style.css").write_text(css + "\n/* huisstijl */\n", "utf-8")
    run_options = options(("html", "pdf"), templates=huisstijl)
    run_batch(folder, out_dir=tmp_path / "local", options=run_options, workers=2)
    remote = run_batch(folder, out_dir=tmp_path / "dask", options=run_options, executor=DaskExecutor(client))
    assert remote.count("ok") == 2, [r.error for r in remote.rows]
    assert files(tmp_path / "dask") == files(tmp_path / "local")
    assert all("huisstijl" in text for text in snapshot(tmp_path / "dask").values())
