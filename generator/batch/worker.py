"""The worker side of a batch: one profile's bytes in, the pack's file bytes out.

`make_pack` runs in a local worker process or on a Dask worker alike, so a pack is the same
wherever it was made and a worker needs no access to the folder the profiles came from.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import InputError, PrepPackError, UsageProblem
from generator.options import PACK_TIMEOUT, RunOptions

__all__ = ["PACK_TIMEOUT", "ExecutorStopped", "Outcome", "Task", "make_pack", "timed_out", "warm"]


@dataclass(frozen=True)
class Task:
    """One profile to make a pack from, as bytes: a worker needs no access to our files."""

    name: str                          # the file name in the folder, as in the report
    folder: str                        # the folder as the user named it, for error messages
    profile: bytes
    notes: tuple[str, bytes] | None    # the notes file beside the profile, if any
    slug: str
    file_name: str = ""                # the profile's file name when `name` is none (a spreadsheet row)


@dataclass(frozen=True)
class Outcome:
    """What a worker returns: the pack's files, or the one-line reason it could not be made."""

    name: str
    slug: str
    files: dict[str, bytes] = field(default_factory=dict)
    error: str = ""
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0
    overview: dict[str, object] = field(default_factory=dict)  # the candidate at a glance (batch overview)


class ExecutorStopped(Exception):
    """An executor cannot go on (a Dask cluster lost mid-run): the packs not made yet become
    failed rows with this message, and the run still writes its report."""


def timed_out(seconds: float) -> str:
    """The report's reason for a pack stopped by `--pack-timeout`."""
    return (f"making this pack took longer than {seconds:g} s (--pack-timeout), so it was stopped; very long "
            "texts make a very long pack: shorten them, or give the batch a larger --pack-timeout")


def one_line(error: PrepPackError) -> str:
    """The message `validate` prints, on one line for the report."""
    if isinstance(error, InputError):
        return "; ".join(str(problem) for problem in error.problems)
    return " ".join(error.format_message().split())


def warm(options: RunOptions) -> None:
    """Load this process's templates, stylesheet and fonts for `options` now, not in the first pack.

    They land in the process-wide `load_assets` cache that every later pack of the run reuses.
    """
    from generator.render.assets import load_assets

    assets = load_assets(options)
    if "pdf" in options.formats:
        from weasyprint.urls import FatalURLFetchingError

        try:
            assets.weasy_css  # noqa: B018 - parse the stylesheet once, here
        except (Exception, FatalURLFetchingError):
            pass  # not cached: each pack meets the same problem and reports it in plain words


def _unpack(task: Task, folder: Path) -> Path:
    """Write the task's profile (and notes beside it) into `folder` under their own names."""
    folder.mkdir()
    profile = folder / (task.file_name or task.name)
    profile.write_bytes(task.profile)
    if task.notes:
        (folder / task.notes[0]).write_bytes(task.notes[1])
    return profile


def _render(task: Task, profile: Path, out_dir: Path,
            options: RunOptions) -> tuple[dict[str, bytes], list[str], dict[str, object]]:
    """The pack's files by name, its warnings (labelled in the pack's language) and its overview
    facts; a `PrepPackError` for bad input."""
    from generator.pipeline import generate

    if not task.slug:  # unreadable: validation gives the located message
        from generator.validate import load_inputs

        load_inputs(profile)
        raise UsageProblem("the candidate's name and company could not be read")
    result = generate(profile, options=options, out_dir=out_dir)
    return {path.name: path.read_bytes() for path in result.paths}, result.labelled_warnings(), result.overview


def make_pack(task: Task, *, options: RunOptions, scratch: str | None = None) -> Outcome:
    """Make one pack from bytes and return its files as bytes (runs in a worker process).

    The input is written to a private temporary folder under its own names, so notes are found
    beside the profile and error messages read as they would locally (the folder is renamed back).
    The folder is made in `scratch` when given (a Dask worker's own space, which Dask clears
    even after the worker was killed), else in the process's temporary folder.
    """
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="prep-pack-", dir=scratch) as tmp:
        folder = Path(tmp) / "in"
        profile = _unpack(task, folder)
        try:
            files, warnings, overview = _render(task, profile, Path(tmp) / "out", options)
            warnings = [warning.replace(str(folder), task.folder) for warning in warnings]
            return Outcome(task.name, task.slug, files, "", tuple(warnings), time.perf_counter() - started, overview)
        except PrepPackError as exc:
            message = one_line(exc).replace(str(folder), task.folder)
        except Exception as exc:  # a bug in prep-pack: report it for this profile, go on with the rest
            message = f"internal error ({type(exc).__name__}: {exc}); please report this with the profile"
        return Outcome(task.name, task.slug, {}, message, (), time.perf_counter() - started)
