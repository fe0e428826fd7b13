"""The one pipeline: load -> validate -> view model -> render, for every command.

The command line only parses options and calls these functions, so a batch runner or a test
can do exactly what `prep-pack generate` does.
"""

from __future__ import annotations

import contextlib
import glob
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.atomic import one_unit
from generator.content.blocks import Pack
from generator.content.build import build_pack
from generator.errors import UsageProblem, labelled
from generator.messages import text
from generator.options import FORMATS, RunOptions
from generator.owners import claim
from generator.render.assets import Assets, load_assets
from generator.validate import Inputs, load_inputs


def parse_formats(text: str) -> tuple[str, ...]:
    """'pdf,docx' -> ('pdf', 'docx'); unknown names are a usage error that lists the valid ones."""
    wanted = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [name for name in wanted if name not in FORMATS]
    if unknown or not wanted:
        raise UsageProblem(f"unknown format '{', '.join(unknown) or text}'; choose from {', '.join(FORMATS)}")
    return wanted


@dataclass
class Result:
    """What `generate` did: the files written, warnings for the user, and where the time went."""

    paths: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    language: str | None = None  # of the pack, and so of the warnings
    overview: dict[str, object] = field(default_factory=dict)  # the pack at a glance (batch overview)

    def labelled_warnings(self) -> list[str]:
        """Each warning as printed: 'warning: ...' / 'waarschuwing: ...', in the pack's language."""
        return [labelled(warning, self.language) for warning in self.warnings]


def _renderer(fmt: str) -> Callable[[Pack, Path, Assets], Path]:
    """The render function of one format, imported only when that format is asked for."""
    if fmt == "pdf":
        from generator.render.pdf import render_pdf
        return render_pdf
    if fmt == "html":
        from generator.render.html import render_html
        return render_html
    if fmt == "docx":
        from generator.render.docx import render_docx
        return render_docx
    if fmt == "ics":
        from generator.render.ics import render_ics
        return render_ics
    from generator.render.offers_csv import render_csv
    return render_csv


STALE_PART_SECONDS = 600  # a part file this old was left by a run that was killed (kill -9, power cut)


def _clear_stale_parts(out_dir: Path, slug: str) -> None:
    """Remove the half-written files (`.<slug>.<ext>.*.part`, and `.old` copies set aside while a
    pack was being moved in) that a killed earlier run left behind. Called under the folder's
    lock, and only for files far older than any live run's, so no running pack loses its own."""
    for pattern in (f".{glob.escape(slug)}.*.part", f".{glob.escape(slug)}.*.old"):
        for part in out_dir.glob(pattern):
            with contextlib.suppress(OSError):
                if time.time() - part.stat().st_mtime > STALE_PART_SECONDS:
                    part.unlink()


def render(pack: Pack, *, out_dir: Path, options: RunOptions, result: Result, assets: Assets | None = None,
           profile: Path | None = None) -> None:
    """Write each format the options ask for, of an already built pack (with this process's cached
    assets unless others are given: `preview` reads edited templates afresh).

    The files appear together when all are written, or not at all (`one_unit`); with `profile`,
    never over the files of another candidate whose pack has the same name (`owners.claim`).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    assets = assets or load_assets(options)
    candidate = str(pack.overview.get("candidate", ""))

    def before_moving_in() -> None:  # under the folder's lock
        _clear_stale_parts(out_dir, pack.slug)
        if profile is not None:
            claim(out_dir, pack.slug, candidate, str(profile.resolve()))

    with one_unit(out_dir, before_moving_in):
        _render_each(pack, out_dir, options, result, assets)


def _render_each(pack: Pack, out_dir: Path, options: RunOptions, result: Result, assets: Assets) -> None:
    for fmt in options.formats:
        started = time.perf_counter()
        path = _renderer(fmt)(pack, out_dir, assets)
        result.paths.append(path)
        result.timings[fmt] = time.perf_counter() - started
        if path.name != f"{pack.slug}.{fmt}":  # a Word file the coach edited was kept (render.docx)
            result.warnings.append(text("generate.kept_edited", result.language,
                                        {"kept": path.with_name(f"{pack.slug}.{fmt}"), "new": path}))


def generate(profile: Path, *, options: RunOptions, out_dir: Path, notes: Path | None = None) -> Result:
    """Make one candidate's pack: every input problem is reported before anything is written."""
    result = Result()
    started = time.perf_counter()
    inputs: Inputs = load_inputs(profile, notes, options.language)
    result.language = options.language or inputs.profile.language
    result.warnings.extend(str(warning.in_language(result.language)) for warning in inputs.warnings)
    result.timings["load"] = time.perf_counter() - started
    started = time.perf_counter()
    pack = build_pack(inputs, options=options)
    result.timings["model"] = time.perf_counter() - started
    result.warnings.extend(pack.warnings)
    result.overview = pack.overview
    render(pack, out_dir=out_dir, options=options, result=result, profile=profile)
    return result
