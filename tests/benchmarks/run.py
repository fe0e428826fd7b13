"""prep-pack benchmarks, measured in one run on one machine (not part of the normal test run).

    .venv/bin/python -m tests.benchmarks.run            # full: 20 profiles, 200 packs for memory
    .venv/bin/python -m tests.benchmarks.run --quick    # a smoke run in about a minute

What it reports (as ratios, so machines can be compared):
(a) one pack's PDF: our renderer (template + shared stylesheet/fonts + safe fetcher + atomic
    write) against WeasyPrint rendering the very same HTML alone with its defaults;
(b) batch throughput with 1 and 2 workers on 20 profiles, next to a plain WeasyPrint process
    pool rendering the same HTML, so the scaling of our batch can be judged against the ceiling;
(c) resident memory of each batch worker process across 200 packs: the peak of every worker
    generation (workers are replaced after `RECYCLE_AFTER` packs), first against last;
(d) with `distributed` installed: 40 profiles on the local pool and on a 2-worker Dask
    LocalCluster (time, identical files and report), and the scheduler's cost per task.
It also says which font subsetting path WeasyPrint took (HarfBuzz or fontTools).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import re
import statistics
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROFILES = ROOT / "profiles"
TODAY = dt.date(2026, 11, 26)
RESULTS = Path(__file__).with_name("last-run.json")


def subsetting_path() -> str:
    """'HarfBuzz' when WeasyPrint can subset fonts with libharfbuzz-subset, else 'fontTools'."""
    from weasyprint.text.ffi import harfbuzz, harfbuzz_subset

    return "HarfBuzz" if harfbuzz_subset and harfbuzz.hb_version_atleast(4, 1, 0) else "fontTools"


def make_profiles(folder: Path, count: int) -> Path:
    """`count` profiles: the examples with numbered names, notes beside them."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = ["sanne-de-vries", "liam-oconnor", "noor-bakker", "ahmet-yilmaz"]
    for number in range(count):
        stem = sources[number % len(sources)]
        text = (PROFILES / f"{stem}.yaml").read_text("utf-8")
        text = re.sub(r"(candidate:\n  name: )(.*)", rf"\g<1>\g<2> {number:03d}", text, count=1)
        (folder / f"p{number:03d}.yaml").write_text(text, "utf-8")
        for notes in PROFILES.glob(f"{stem}.notes.*"):
            (folder / f"p{number:03d}{notes.name[len(stem):]}").write_bytes(notes.read_bytes())
    return folder


# --- (a) one PDF --------------------------------------------------------------------------------

def bench_pdf(repeat: int) -> dict:
    """Median seconds of our PDF render and of WeasyPrint alone on the same HTML, interleaved.

    "Alone" is measured twice: with the same PDF options as ours (tagged PDF/UA), which isolates
    what prep-pack adds (template, safe fetcher, shared stylesheet and fonts, atomic write), and
    with WeasyPrint's defaults (untagged), which shows what accessibility tagging costs.
    """
    from weasyprint import HTML

    from generator.content.build import build_pack
    from generator.options import RunOptions
    from generator.render.assets import Assets
    from generator.render.html import pack_html
    from generator.render.pdf import render_pdf
    from generator.validate import load_inputs

    options = RunOptions(today=TODAY, formats=("pdf",))
    assets = Assets(options)
    pack = build_pack(load_inputs(PROFILES / "sanne-de-vries.yaml"), options=options)
    html = pack_html(pack, assets, inline_css=True)
    base = str(assets.dirs[0]) + "/"
    same = {"pdf_variant": assets.pdf_variant, "pdf_tags": True}
    times: dict[str, list[float]] = {"ours": [], "alone": [], "alone_untagged": []}
    with tempfile.TemporaryDirectory() as out:
        runs = {"ours": lambda: render_pdf(pack, Path(out), assets),
                "alone": lambda: HTML(string=html, base_url=base).write_pdf(**same),
                "alone_untagged": lambda: HTML(string=html, base_url=base).write_pdf()}
        for run in runs.values():  # warm-up: fonts found, stylesheet parsed
            run()
        for _ in range(repeat):
            for name, run in runs.items():
                started = time.perf_counter()
                run()
                times[name].append(time.perf_counter() - started)
    ours, alone, untagged = (statistics.median(times[k]) for k in ("ours", "alone", "alone_untagged"))
    return {"ours_s": ours, "weasyprint_alone_s": alone, "overhead": ours / alone - 1,
            "weasyprint_untagged_s": untagged, "tagging_cost": alone / untagged - 1, "repeat": repeat}


# --- (b) throughput -----------------------------------------------------------------------------

def _plain_render(html: str) -> int:
    from weasyprint import HTML

    return len(HTML(string=html).write_pdf())


def bench_throughput(count: int, formats: tuple[str, ...]) -> dict:
    """Our batch with 1 and 2 workers, and a plain WeasyPrint pool, on `count` profiles."""
    from generator.batch import run_batch
    from generator.content.build import build_pack
    from generator.options import RunOptions
    from generator.render.assets import Assets
    from generator.render.html import pack_html
    from generator.validate import load_inputs

    result: dict = {"profiles": count, "formats": list(formats)}
    options = RunOptions(today=TODAY, formats=formats)
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_profiles(Path(tmp) / "in", count)
        for workers in (1, 2):
            batch = run_batch(folder, out_dir=Path(tmp) / f"out{workers}", options=options, workers=workers)
            assert batch.count("ok") == count, [r.error for r in batch.rows if r.status != "ok"]
            result[f"batch_{workers}_workers_s"] = batch.seconds
        result["batch_speedup"] = result["batch_1_workers_s"] / result["batch_2_workers_s"]
        assets = Assets(options)
        pages = [pack_html(build_pack(load_inputs(p), options=options), assets) for p in sorted(folder.glob("p*.yaml"))
                 if not p.name.endswith((".notes.yaml", ".notes.yml"))]
        context = multiprocessing.get_context("forkserver")
        for workers in (1, 2):
            started = time.perf_counter()
            with context.Pool(workers) as pool:
                pool.map(_plain_render, pages, chunksize=1)
            result[f"plain_pool_{workers}_workers_s"] = time.perf_counter() - started
        result["plain_pool_speedup"] = result["plain_pool_1_workers_s"] / result["plain_pool_2_workers_s"]
    return result


# --- (c) memory ---------------------------------------------------------------------------------

def _rss_mib(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _descendants(pid: int) -> set[int]:
    """Every process below `pid` (pool workers are children of the fork server, our child)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int(Path(entry, "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def bench_memory(count: int, formats: tuple[str, ...]) -> dict:
    """Peak RSS of every worker process of a batch of `count` packs, sampled 5 times a second."""
    from generator.batch import run_batch
    from generator.batch.local import RECYCLE_AFTER
    from generator.options import RunOptions

    peaks: dict[int, float] = {}
    first_seen: dict[int, float] = {}
    stop = threading.Event()

    def sample() -> None:
        me = os.getpid()
        while not stop.is_set():
            for pid in _descendants(me):
                rss = _rss_mib(pid)
                if rss is not None and rss > 60:  # workers, not the small fork server
                    peaks[pid] = max(peaks.get(pid, 0), rss)
                    first_seen.setdefault(pid, time.perf_counter())
            time.sleep(0.2)

    with tempfile.TemporaryDirectory() as tmp:
        folder = make_profiles(Path(tmp) / "in", count)
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        batch = run_batch(folder, out_dir=Path(tmp) / "out", options=RunOptions(today=TODAY, formats=formats),
                          workers=2)
        stop.set()
        sampler.join()
    generations = [round(peaks[pid], 1) for pid in sorted(peaks, key=first_seen.get)]
    first, last = generations[:2], generations[-2:]
    return {"packs": count, "ok": batch.count("ok"), "recycle_after": RECYCLE_AFTER,
            "worker_peaks_mib": generations,
            "growth": max(last) / max(first) - 1 if generations else None,
            "seconds": batch.seconds}


# --- (d) Dask -------------------------------------------------------------------------------------

def _noop(value: int) -> int:
    return value


def bench_dask(count: int, formats: tuple[str, ...]) -> dict:
    """The same batch on the local pool and on a 2-worker LocalCluster: time, identical output,
    and the scheduler's own cost per task (no-op tasks through the same client)."""
    import logging

    from distributed import Client, LocalCluster

    from generator.batch import run_batch
    from generator.batch.dask import DaskExecutor
    from generator.options import RunOptions

    result: dict = {"profiles": count, "formats": list(formats)}
    options = RunOptions(today=TODAY, formats=formats)
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_profiles(Path(tmp) / "in", count)
        local = run_batch(folder, out_dir=Path(tmp) / "local", options=options, workers=2)
        with LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None,
                          silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
            client.submit(_noop, 0).result()  # workers up and connected
            remote = run_batch(folder, out_dir=Path(tmp) / "dask", options=options, executor=DaskExecutor(client))
            started = time.perf_counter()
            client.gather([client.submit(_noop, i, pure=False) for i in range(500)])
            result["scheduler_ms_per_task"] = (time.perf_counter() - started) / 500 * 1000
        same = all((Path(tmp) / "local" / p.relative_to(Path(tmp) / "dask")).read_bytes() == p.read_bytes()
                   for p in (Path(tmp) / "dask").rglob("*") if p.is_file() and p.name != "report.csv")
        result.update(local_s=local.seconds, dask_s=remote.seconds, identical_files=same,
                      same_report=[(r.profile, r.slug, r.status, r.error) for r in local.rows]
                      == [(r.profile, r.slug, r.status, r.error) for r in remote.rows],
                      local_packs_per_s=count / local.seconds, dask_packs_per_s=count / remote.seconds)
    return result


def main() -> None:
    """Run the three measurements and print them as a small report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer profiles and packs (a smoke run)")
    args = parser.parse_args()
    profiles, packs, repeat = (6, 30, 3) if args.quick else (20, 200, 7)
    report = {"machine": {"cores": os.cpu_count(), "python": platform.python_version(),
                          "subsetting": subsetting_path()},
              "when": dt.datetime.now().isoformat(timespec="seconds")}
    print(f"{os.cpu_count()} cores, font subsetting by {report['machine']['subsetting']}", flush=True)
    report["pdf"] = bench_pdf(repeat)
    pdf = report["pdf"]
    print(f"(a) one PDF: ours {pdf['ours_s']:.2f} s, WeasyPrint alone with the same options "
          f"{pdf['weasyprint_alone_s']:.2f} s -> overhead {pdf['overhead']:+.1%} (target < +15%); "
          f"tagging (PDF/UA) itself costs {pdf['tagging_cost']:+.1%} over untagged "
          f"({pdf['weasyprint_untagged_s']:.2f} s)", flush=True)
    report["throughput"] = bench_throughput(profiles, ("pdf", "docx"))
    tp = report["throughput"]
    print(f"(b) {profiles} packs (pdf+docx): 1 worker {tp['batch_1_workers_s']:.1f} s, 2 workers "
          f"{tp['batch_2_workers_s']:.1f} s -> {tp['batch_speedup']:.2f}x (target >= 1.8x); plain WeasyPrint "
          f"pool {tp['plain_pool_speedup']:.2f}x", flush=True)
    report["memory"] = bench_memory(packs, ("pdf",))
    mem = report["memory"]
    print(f"(c) {packs} packs, 2 workers replaced every {mem['recycle_after']} packs: worker peaks (MiB) "
          f"{mem['worker_peaks_mib']} -> growth {mem['growth']:+.1%} (target < +10%)", flush=True)
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("(d) skipped: install prep-pack[dask] to compare with a Dask LocalCluster")
    else:
        report["dask"] = bench_dask(8 if args.quick else 40, ("pdf", "docx"))
        dk = report["dask"]
        print(f"(d) {dk['profiles']} packs: local pool {dk['local_s']:.1f} s ({dk['local_packs_per_s']:.2f}/s), "
              f"2-worker LocalCluster {dk['dask_s']:.1f} s ({dk['dask_packs_per_s']:.2f}/s); identical files: "
              f"{dk['identical_files']}, same report: {dk['same_report']}; scheduler cost "
              f"{dk['scheduler_ms_per_task']:.2f} ms per task", flush=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
