"""`prep-pack batch`: one row per profile, bad ones reported, clashes caught, resumable."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.batch import MANIFEST, run_batch
from generator.options import RunOptions
from tests.conftest import PROFILES, csv_number, read_csv
from tests.test_cli import run

TODAY = dt.date(2026, 11, 26)
BROKEN = {
    "typo.yaml": ("language: nl\ncandidate:\n  name: Typo Tom\n  emial: x@example.nl\n"
                  "application:\n  company: Acme\n  role: Tester\n  second_interview:\n    date: 2026-12-10\n",
                  "typo.yaml:4:3: candidate.emial: onbekend veld 'emial'"),  # a Dutch profile: Dutch messages
    "date.yaml": ("candidate:\n  name: Datum Dirk\napplication:\n  company: Acme\n  role: Tester\n"
                  "  second_interview:\n    date: 2026-02-30\n", "date.yaml:7:11: application.second_interview.date"),
    "syntax.yaml": ("candidate:\n  name: \"Open Quote\napplication: {}\n", "syntax.yaml:2:9"),
}


def options(formats: tuple[str, ...], today: dt.date = TODAY, **fields) -> RunOptions:
    """The run's options, as the command line would build them from its flags."""
    return RunOptions(today=today, formats=formats, **fields)


def make_folder(folder: Path, count: int, broken: bool = True) -> list[str]:
    """`count` good profiles (variants of the examples, notes beside them) plus the broken ones."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = ["sanne-de-vries", "liam-oconnor", "ahmet-yilmaz", "noor-bakker"]
    names = []
    for number in range(count):
        stem = sources[number % len(sources)]
        text = (PROFILES / f"{stem}.yaml").read_text("utf-8")
        text = re.sub(r"(candidate:\n  name: )(.*)", rf"\g<1>\g<2> {number:03d}", text, count=1)
        name = f"p{number:03d}-{stem}.yaml"
        (folder / name).write_text(text, "utf-8")
        for notes in PROFILES.glob(f"{stem}.notes.*"):
            (folder / name.replace(".yaml", notes.name[len(stem):])).write_bytes(notes.read_bytes())
        names.append(name)
    if broken:
        for name, (text, _message) in BROKEN.items():
            (folder / name).write_text(text, "utf-8")
            names.append(name)
    return sorted(names)


def report(out: Path) -> list[dict[str, str]]:
    rows = read_csv(out / "report.csv")
    assert rows and list(rows[0]) == ["profile", "slug", "status", "error", "seconds"]
    return rows


def snapshot(out: Path) -> dict[str, str]:
    """Every HTML, ICS and CSV pack file with its content (the runs that use it make only those);
    the run's own report and overview beside the packs are left out."""
    return {str(p.relative_to(out)): p.read_text("utf-8") for p in sorted(out.rglob("*"))
            if p.is_file() and p.suffix in (".html", ".ics", ".csv") and p.parent != out}


@pytest.fixture(scope="module")
def fifty(tmp_path_factory):
    """50 mixed profiles, three of them broken, made into branded HTML/ICS/CSV packs by the CLI."""
    root = tmp_path_factory.mktemp("fifty")
    names = make_folder(root / "in", 47)
    brand = root / "brand"
    brand.mkdir()
    (brand / "logo.png").write_bytes((PROFILES / "agency" / "logo.png").read_bytes())
    (brand / "brand.yaml").write_text("name: Werving Oost\nlogo: logo.png\nprimary: '#0f766e'\n"
                                      "footer: Vertrouwelijk\n", "utf-8")
    started = time.perf_counter()
    result = run("batch", str(root / "in"), "-o", str(root / "out"), "--format", "html,ics,csv",
                 "--brand", str(brand / "brand.yaml"), "--today", "2026-11-26", "--workers", "2")
    return root, names, result, time.perf_counter() - started


def test_fifty_profiles_give_fifty_rows_and_exit_1(fifty):
    root, names, result, _seconds = fifty
    assert result.returncode == 1, result.stderr
    rows = report(root / "out")
    assert [r["profile"] for r in rows] == names
    assert sum(r["status"] == "ok" for r in rows) == 47
    assert "50 profiles: 47 ok, 3 failed, 0 skipped" in result.stdout
    assert "Traceback" not in result.stderr


def test_broken_rows_say_what_to_fix_like_validate(fifty):
    root, _names, result, _seconds = fifty
    rows = {r["profile"]: r for r in report(root / "out")}
    for name, (_text, message) in BROKEN.items():
        row = rows[name]
        assert row["status"] == "failed" and message in row["error"], row
        single = run("validate", str(root / "in" / name))
        assert single.returncode == 2
        assert row["error"] == "; ".join(single.stderr.strip().splitlines()[:-1])  # minus "N problems found."
        assert f"failed: {name}: " in result.stderr


def test_every_good_pack_is_complete_and_branded(fifty):
    root, _names, _result, _seconds = fifty
    for row in report(root / "out"):
        if row["status"] != "ok":
            continue
        folder = root / "out" / row["slug"]
        files = sorted(p.name for p in folder.iterdir())
        assert files == sorted([MANIFEST] + [f"{row['slug']}.{ext}" for ext in ("csv", "html", "ics")])
        html = (folder / f"{row['slug']}.html").read_text("utf-8")
        assert "Werving Oost" in html and "--primary: #0f766e" in html and "data:image/png;base64," in html
        assert csv_number(row["seconds"]) > 0


def test_the_same_slug_twice_is_reported_not_overwritten(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 1, broken=False)
    original = next(folder.glob("p000-*.yaml"))
    (folder / "zz-copy.yaml").write_bytes(original.read_bytes())
    (folder / "zz-copy.notes.md").write_text("## Geleerd\n- Een andere kopie\n", "utf-8")
    result = run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)), workers=1)
    first, second = result.rows
    assert (first.status, second.status) == ("ok", "failed")
    assert first.slug == second.slug and original.name in second.error and "same pack name" in second.error
    html = (tmp_path / "out" / first.slug / f"{first.slug}.html").read_text("utf-8")
    assert "Een andere kopie" not in html


def test_resume_skips_unchanged_and_redoes_changed(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 3, broken=False)
    out = tmp_path / "out"
    first = run_batch(folder, out_dir=out, options=options(("html",)), workers=2)
    assert [r.status for r in first.rows] == ["ok"] * 3
    notes = next(folder.glob("p000-*.notes.md"))
    notes.write_text(notes.read_text("utf-8") + "\n- Nog een punt\n", "utf-8")
    rows = run_batch(folder, out_dir=out, options=options(("html",)), workers=2, resume=True).rows
    assert [r.status for r in rows] == ["ok", "skipped", "skipped"]
    # another format is another pack: nothing is skipped
    rows = run_batch(folder, out_dir=out, options=options(("html", "csv")), workers=2, resume=True).rows
    assert [r.status for r in rows] == ["ok"] * 3
    # a missing file makes the pack incomplete
    (out / rows[1].slug / f"{rows[1].slug}.html").unlink()
    rows = run_batch(folder, out_dir=out, options=options(("html", "csv")), workers=2, resume=True).rows
    assert [r.status for r in rows] == ["skipped", "ok", "skipped"]


def test_ctrl_c_leaves_whole_packs_and_resume_finishes_like_a_clean_run(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 6, broken=False)
    clean = tmp_path / "clean"
    run_batch(folder, out_dir=clean, options=options(("html", "ics")), workers=2)

    out = tmp_path / "out"

    def interrupt(row, done, total):
        if done == 2:
            raise KeyboardInterrupt

    result = run_batch(folder, out_dir=out, options=options(("html", "ics")), workers=2, progress=interrupt)
    assert result.interrupted and len(result.rows) == 6
    assert [r.status for r in result.rows].count("ok") == 2
    assert [r.status for r in result.rows].count("interrupted") == 4  # not "failed": nothing went wrong with them
    assert all("stopped before this profile" in r.error for r in result.rows if r.status != "ok")
    assert not list(out.rglob("*.part")) and not (out / ".prep-pack-staging").exists()
    for folder_out in out.iterdir():
        if folder_out.is_dir():  # every folder left behind holds a complete pack
            assert json.loads((folder_out / MANIFEST).read_text("utf-8"))["files"]
    resumed = run_batch(folder, out_dir=out, options=options(("html", "ics")), workers=2, resume=True)
    assert sorted(r.status for r in resumed.rows) == ["ok"] * 4 + ["skipped"] * 2
    # exactly the interrupted ones are made; the two finished before Ctrl-C are skipped
    assert {r.profile for r in resumed.rows if r.status == "ok"} == \
        {r.profile for r in result.rows if r.status == "interrupted"}
    assert snapshot(out) == snapshot(clean)


def test_killed_run_is_finished_by_resume(tmp_path):
    """A `kill -9` of the whole run, then `--resume`: the same packs as one clean run."""
    folder = tmp_path / "in"
    make_folder(folder, 6, broken=False)
    out = tmp_path / "out"
    exe = run("--version").args[0]
    process = subprocess.Popen([exe, "batch", str(folder), "-o", str(out), "--format", "html,ics",
                                "--today", "2026-11-26", "--workers", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list(out.glob(f"*/{MANIFEST}")) and time.monotonic() < deadline:
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    done_before = len(list(out.glob(f"*/{MANIFEST}")))
    assert 1 <= done_before
    result = run("batch", str(folder), "-o", str(out), "--format", "html,ics", "--today", "2026-11-26", "--resume")
    assert result.returncode == 0, result.stderr
    statuses = [r["status"] for r in report(out)]
    assert statuses.count("skipped") >= done_before and set(statuses) <= {"ok", "skipped"}
    assert not list(out.rglob("*.part")) and not (out / ".prep-pack-staging").exists()
    clean = tmp_path / "clean"
    run_batch(folder, out_dir=clean, options=options(("html", "ics")), workers=2)
    assert snapshot(out) == snapshot(clean)


def test_usage_errors_exit_2(tmp_path):
    missing = run("batch", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert missing.returncode == 2 and "does not exist" in missing.stderr
    (tmp_path / "empty").mkdir()
    empty = run("batch", str(tmp_path / "empty"), "-o", str(tmp_path / "out"))
    assert empty.returncode == 2 and "no profiles" in empty.stderr
    (tmp_path / "brand.yaml").write_text("name: X\nlogo: ../../etc/passwd\n", "utf-8")
    bad_brand = run("batch", str(PROFILES), "-o", str(tmp_path / "out"), "--brand", str(tmp_path / "brand.yaml"))
    assert bad_brand.returncode == 2 and "brand.yaml:2:7: logo:" in bad_brand.stderr
    assert not (tmp_path / "out").exists()
    assert "Traceback" not in missing.stderr + empty.stderr + bad_brand.stderr


def test_quiet_without_a_terminal(fifty):
    _root, _names, result, _seconds = fifty
    assert "\r" not in result.stdout and "[###" not in result.stdout


# --- robustness: dying workers, odd files, locks, recycling ------------------------------------

def crash_on_poison(task, *, options):
    """A worker function that kills its own process for one profile (module level: workers import it)."""
    from generator.batch.worker import make_pack

    if task.name.startswith("zz-poison"):
        os._exit(1)
    return make_pack(task, options=options)


def test_a_worker_that_dies_costs_only_its_own_profile(tmp_path):
    from generator.batch.local import LocalPool

    folder = tmp_path / "in"
    make_folder(folder, 5, broken=False)
    (folder / "zz-poison.yaml").write_bytes(next(folder.glob("p000-*.yaml")).read_bytes().replace(b" 000", b" 999"))
    result = run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)),
                       executor=LocalPool(2, crash_on_poison))
    rows = {r.profile: r for r in result.rows}
    assert rows["zz-poison.yaml"].status == "failed" and "stopped unexpectedly" in rows["zz-poison.yaml"].error
    assert [r.status for n, r in rows.items() if n != "zz-poison.yaml"] == ["ok"] * 5


def test_workers_are_recycled_without_losing_packs(tmp_path, monkeypatch):
    import generator.batch.local as local

    monkeypatch.setattr(local, "RECYCLE_AFTER", 2)
    folder = tmp_path / "in"
    make_folder(folder, 9, broken=False)
    result = run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)), workers=2)
    assert [r.status for r in result.rows] == ["ok"] * 9


def test_a_file_too_big_to_be_a_profile_fails_alone(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 1, broken=False)
    (folder / "dump.yml").write_bytes(b"# x\n" * 300_000)
    result = run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)), workers=1)
    rows = {r.profile: r for r in result.rows}
    # no `language:` can be read from it, so the message is in the default language (Dutch)
    assert rows["dump.yml"].status == "failed" and "hoogstens 1 MiB" in rows["dump.yml"].error
    assert rows["p000-sanne-de-vries.yaml"].status == "ok"


def test_resume_redoes_packs_when_the_date_or_brand_changes(tmp_path):
    from generator.brand import load_brand

    folder = tmp_path / "in"
    make_folder(folder, 2, broken=False)
    out = tmp_path / "out"
    brand_file = tmp_path / "brand.yaml"
    brand_file.write_text("name: Oost\n", "utf-8")
    run_batch(folder, out_dir=out, options=options(("html",), brand=load_brand(brand_file)), workers=2)
    same = run_batch(folder, out_dir=out, options=options(("html",), brand=load_brand(brand_file)), workers=2,
                     resume=True)
    assert [r.status for r in same.rows] == ["skipped"] * 2
    later = run_batch(folder, out_dir=out, options=options(("html",), TODAY + dt.timedelta(days=1),
                                                           brand=load_brand(brand_file)), workers=2, resume=True)
    assert [r.status for r in later.rows] == ["ok"] * 2
    brand_file.write_text("name: West\n", "utf-8")
    rebranded = run_batch(folder, out_dir=out, options=options(("html",), TODAY + dt.timedelta(days=1),
                                                               brand=load_brand(brand_file)), workers=2, resume=True)
    assert [r.status for r in rebranded.rows] == ["ok"] * 2


def test_a_coach_file_in_a_pack_folder_survives_a_new_run(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 1, broken=False)
    out = tmp_path / "out"
    slug = run_batch(folder, out_dir=out, options=options(("html", "csv")), workers=1).rows[0].slug
    (out / slug / "notities-coach.docx").write_bytes(b"mine")
    run_batch(folder, out_dir=out, options=options(("html",)), workers=1)
    assert (out / slug / "notities-coach.docx").read_bytes() == b"mine"
    assert not (out / slug / f"{slug}.csv").exists()  # the old pack's own file that the new one lacks


def test_brand_file_among_the_profiles_is_not_a_profile(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 1, broken=False)
    (folder / "brand.yaml").write_text("name: Oost\n", "utf-8")
    result = run("batch", str(folder), "-o", str(tmp_path / "out"), "--format", "html",
                 "--brand", str(folder / "brand.yaml"), "--today", "2026-11-26")
    assert result.returncode == 0, result.stderr
    assert [r["profile"] for r in report(tmp_path / "out")] == ["p000-sanne-de-vries.yaml"]


def test_two_batches_never_write_into_one_folder(tmp_path):
    import fcntl

    folder = tmp_path / "in"
    make_folder(folder, 1, broken=False)
    out = tmp_path / "out"
    out.mkdir()
    with open(out / ".prep-pack.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        second = run("batch", str(folder), "-o", str(out), "--format", "html")
    assert second.returncode == 2 and "another prep-pack batch" in second.stderr
    assert not (out / "report.csv").exists()


def test_interrupted_profiles_get_a_row_saying_so(tmp_path):
    folder = tmp_path / "in"
    make_folder(folder, 4, broken=False)

    def interrupt(row, done, total):
        raise KeyboardInterrupt

    result = run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)), workers=2, progress=interrupt)
    assert result.interrupted and len(result.rows) == 4
    assert [r.status for r in result.rows].count("ok") == 1
    assert [r.status for r in result.rows].count("interrupted") == 3 and result.count("failed") == 0


def test_a_templates_folder_is_used_where_it_is_and_counts_for_resume(tmp_path):
    """Local workers read `--templates` from its own folder (nothing is unpacked into the temp
    folder); editing a template there makes `--resume` redo the packs."""
    import tempfile

    from tests.conftest import ROOT

    folder = tmp_path / "in"
    make_folder(folder, 2, broken=False)
    huisstijl = tmp_path / "huisstijl"
    huisstijl.mkdir()
    css = (ROOT / "templates" / "style.css").read_text("utf-8")
    (huisstijl / "style.css").write_text(css + "\n/* huisstijl-1 */\n", "utf-8")
    out = tmp_path / "out"
    before = set(Path(tempfile.gettempdir()).glob("prep-pack-templates-*"))
    made = run_batch(folder, out_dir=out, options=options(("html",), templates=huisstijl), workers=2)
    assert [r.status for r in made.rows] == ["ok"] * 2
    assert set(Path(tempfile.gettempdir()).glob("prep-pack-templates-*")) == before
    assert all("huisstijl-1" in text for text in snapshot(out).values())
    same = run_batch(folder, out_dir=out, options=options(("html",), templates=huisstijl), workers=2, resume=True)
    assert [r.status for r in same.rows] == ["skipped"] * 2
    (huisstijl / "style.css").write_text(css + "\n/* huisstijl-2 */\n", "utf-8")
    edited = run_batch(folder, out_dir=out, options=options(("html",), templates=huisstijl), workers=2, resume=True)
    assert [r.status for r in edited.rows] == ["ok"] * 2
    assert all("huisstijl-2" in text for text in snapshot(out).values())


def test_executor_choices_are_checked_before_anything_is_written(tmp_path, monkeypatch):
    from generator.errors import UsageProblem

    folder = tmp_path / "in"
    make_folder(folder, 1, broken=False)
    monkeypatch.delenv("DASK_SCHEDULER_ADDRESS", raising=False)
    for kwargs, message in [({"executor": "dask"}, "DASK_SCHEDULER_ADDRESS"),
                            ({"executor": "local", "scheduler": "tcp://127.0.0.1:1"}, "leave out --executor local"),
                            ({"scheduler": "tcp://127.0.0.1:1", "workers": 2}, "--workers"),
                            ({"executor": "threads"}, "unknown executor")]:
        with pytest.raises(UsageProblem, match=re.escape(message)):
            run_batch(folder, out_dir=tmp_path / "out", options=options(("html",)), **kwargs)
    assert not (tmp_path / "out").exists()


INTERRUPT_SCRIPT = """
import sys
from pathlib import Path
from tests.test_batch import make_folder, options
from generator.batch import run_batch
folder = Path(sys.argv[1]) / "in"
make_folder(folder, 4, broken=False)
def interrupt(row, done, total):
    raise KeyboardInterrupt
result = run_batch(folder, out_dir=Path(sys.argv[1]) / "out", options=options(("html",)), workers=2,
                   progress=interrupt)
print("interrupted" if result.interrupted else "not interrupted")
"""


def test_an_interrupted_run_lets_the_process_exit(tmp_path):
    """Ctrl-C can end a worker half-way through sending its result; the process must still exit
    (the pool's manager thread once waited forever for the rest of that message)."""
    for attempt in range(3):
        done = subprocess.run([sys.executable, "-c", INTERRUPT_SCRIPT, str(tmp_path / str(attempt))],
                              capture_output=True, text=True, timeout=90, cwd=Path(__file__).resolve().parent.parent)
        assert done.returncode == 0 and "interrupted" in done.stdout, done.stderr
