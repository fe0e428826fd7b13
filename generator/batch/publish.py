"""Writing packs into the output folder: whole files only, the manifest last, one batch at a time.

Each pack's files are written into a staging folder, then moved into `<slug>/` with the manifest
(`.prep-pack.json`, which holds the input hash `--resume` compares) last. A run killed at any
moment leaves whole files only, and a folder without a current manifest is redone by `--resume`.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from generator import __version__
from generator.atomic import write_atomic
from generator.batch.plan import Job
from generator.batch.report import ReportRow
from generator.batch.worker import Outcome
from generator.errors import UsageProblem
from generator.folderlock import locked as folder_lock
from generator.language import DEFAULT_LANGUAGE
from generator.messages import text
from generator.owners import same_candidate

MANIFEST = ".prep-pack.json"
STAGING = ".prep-pack-staging"  # packs are written here and moved into place when whole


def is_complete(folder: Path, digest: str) -> bool:
    """True when `folder` holds a pack made from inputs with this hash, every file present."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return manifest.get("digest") == digest and all((folder / name).is_file() for name in manifest.get("files", []))


def stored_overview(folder: Path) -> dict[str, object]:
    """The overview facts a finished pack's manifest keeps (for a profile `--resume` skipped)."""
    try:
        found = json.loads((folder / MANIFEST).read_text("utf-8")).get("overview", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return found if isinstance(found, dict) else {}


def publish(staging: Path, target: Path) -> None:
    """Move a finished pack from `staging` into `target`, file by file, manifest last.

    The old manifest goes first, so a crash half-way leaves a folder that `--resume` redoes.
    Files of the old pack that the new one lacks are removed, except a Word file a coach has
    edited since; anything else in the folder is left alone.
    """
    from generator.render.docx.package import edited_since_written  # python-docx only when publishing

    target.mkdir(parents=True, exist_ok=True)
    old_files: list[str] = []
    try:
        old_files = json.loads((target / MANIFEST).read_text("utf-8")).get("files", [])
    except (OSError, ValueError):
        pass
    (target / MANIFEST).unlink(missing_ok=True)
    new_files = [p.name for p in staging.iterdir() if p.name != MANIFEST]
    for name in new_files:
        os.replace(staging / name, target / name)
    for name in set(old_files) - set(new_files):
        if Path(name).name == name and not (name.endswith(".docx") and edited_since_written(target / name)):
            (target / name).unlink(missing_ok=True)
    os.replace(staging / MANIFEST, target / MANIFEST)
    staging.rmdir()


def store(outcome: Outcome, job: Job, out_dir: Path) -> ReportRow:
    """Write a made pack into `<out_dir>/<slug>/` whole, and say how it went."""
    if outcome.error:
        return ReportRow(job.name, job.slug or "", "failed", outcome.error, outcome.seconds)
    if (out_dir / outcome.slug).is_symlink():  # never write (or delete) through a link planted in OUTDIR
        return ReportRow(job.name, outcome.slug, "failed", f"{out_dir / outcome.slug}: the pack folder is a link; "
                         "it is not written through (remove the link and run again)", outcome.seconds)
    if other := _another_candidate(out_dir / outcome.slug, job.name, outcome.overview):
        return ReportRow(job.name, outcome.slug, "failed", other, outcome.seconds)
    warnings = [" ".join(w.split()) for w in outcome.warnings]  # already 'warning: ...', one line each
    warnings += _keep_edited_word(outcome, out_dir / outcome.slug)
    staging = out_dir / STAGING / outcome.slug
    shutil.rmtree(staging, ignore_errors=True)
    for name, data in outcome.files.items():
        write_atomic(staging / name, data)
    manifest = {"digest": job.digest, "profile": job.name, "files": sorted(outcome.files),
                "version": __version__, "overview": outcome.overview}
    write_atomic(staging / MANIFEST, json.dumps(manifest, indent=2))
    publish(staging, out_dir / outcome.slug)
    return ReportRow(job.name, outcome.slug, "ok", "; ".join(warnings), outcome.seconds, outcome.overview)


def _another_candidate(folder: Path, profile: str, overview: dict[str, object]) -> str:
    """Why `folder` may not take this pack: it holds the pack of another candidate, made from
    another profile (by an earlier run); "" when it is free or this candidate's own."""
    try:
        manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
        before = str(manifest.get("overview", {}).get("candidate", ""))
        source = str(manifest.get("profile", ""))
        present = any((folder / str(name)).is_file() for name in manifest.get("files", []))
    except (OSError, ValueError, AttributeError, TypeError):
        return ""
    if not present:  # the old pack's files were removed: the folder is free
        return ""
    candidate = str(overview.get("candidate", ""))
    if not before or source == profile or same_candidate(before, candidate):
        return ""
    return (f"{folder}: this folder holds the pack of {before} (from {source}), and this candidate's pack would "
            "get the same name; it was not written. Use another -o folder for one of them, or remove the old "
            "folder first")


def _keep_edited_word(outcome: Outcome, target: Path) -> list[str]:
    """Give a new Word file the name `<slug>.new.docx` when the one already published was edited
    by a coach since prep-pack wrote it, so a batch never overwrites their work; the warnings."""
    from generator.render.docx.package import KEPT_SUFFIX, edited_since_written

    warnings = []
    for name in [name for name in outcome.files if name.endswith(".docx")]:
        if edited_since_written(target / name):
            new = name.removesuffix(".docx") + KEPT_SUFFIX
            outcome.files[new] = outcome.files.pop(name)
            language = str(outcome.overview.get("language") or DEFAULT_LANGUAGE)
            warnings.append("warning: " + text("generate.kept_edited", language, {"kept": name, "new": new}))
    return warnings


def clear_staging(out_dir: Path) -> None:
    """Remove half-written packs (of a killed run, or of this one when it stops); a link planted in
    its place is removed itself, never followed."""
    staging = out_dir / STAGING
    if staging.is_symlink():
        staging.unlink()
    shutil.rmtree(staging, ignore_errors=True)


def make_out_dir(out_dir: Path) -> None:
    """Create the output folder, or say plainly why it cannot be."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageProblem(f"{out_dir}: cannot create the output folder ({exc.strerror})") from None


@contextlib.contextmanager
def locked(out_dir: Path) -> Iterator[None]:
    """Hold the output folder's lock, so two batches never write into one folder at once."""
    busy = UsageProblem(f"{out_dir}: another prep-pack batch is writing into this folder; "
                        "wait for it to finish or choose another -o folder")
    with folder_lock(out_dir, busy):
        yield
