"""`prep-pack preview` end to end: served on loopback, made again on save, errors shown in the page."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from generator.options import RunOptions
from generator.preview import Preview
from tests.conftest import PROFILES, TODAY


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own loopback server
        return response.read().decode("utf-8")


def _wait_for(url: str, check, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        page = _get(url)
        if check(page):
            return page
        time.sleep(0.2)
    raise AssertionError(f"the page did not change as expected within {seconds} s:\n{page[:2000]}")


def test_preview_serves_rerenders_shows_errors_and_stops(tmp_path: Path):
    profile = tmp_path / "sanne.yaml"
    shutil.copy(PROFILES / "sanne-de-vries.yaml", profile)
    shutil.copy(PROFILES / "sanne-de-vries.notes.md", tmp_path / "sanne.notes.md")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([sys.executable, "-m", "generator", "preview", str(profile), "--no-open",
                                "--today", "2026-11-26"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, env=env)
    try:
        line = process.stdout.readline() if process.stdout else ""
        assert line.startswith("Preview: http://127.0.0.1:"), line
        url = line.split()[1]
        page = _get(url)
        time.sleep(1)  # the watcher is running; give the file system a moment as a person would
        assert "Sanne de Vries" in page and "Teamleider verpleging" in page and "/__version" in page
        rebound = urllib.request.Request(url, headers={"Host": "attacker.example:" + url.rsplit(":", 1)[1].strip("/")})
        try:  # a web page whose name was pointed at 127.0.0.1 (DNS rebinding) reads nothing
            urllib.request.urlopen(rebound, timeout=5)  # noqa: S310
            raise AssertionError("a foreign Host header was served")
        except urllib.error.HTTPError as refused:
            assert refused.code == 403

        profile.write_text(profile.read_text("utf-8").replace("Teamleider verpleging", "Teamleider wijkzorg"), "utf-8")
        _wait_for(url, lambda p: "Teamleider wijkzorg" in p)

        good = profile.read_text("utf-8")
        profile.write_text(good.replace("  date: 2026-12-03", "  date: 2026-02-30"), "utf-8")
        page = _wait_for(url, lambda p: 'id="prep-pack-preview-error"' in p)
        assert f"{profile}:" in page and "second_interview.date" in page
        assert "Teamleider wijkzorg" in page  # the last good pack stays under the error

        profile.write_text(good, "utf-8")
        _wait_for(url, lambda p: 'id="prep-pack-preview-error"' not in p and "Teamleider wijkzorg" in p)
    finally:
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=15)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "Preview stopped." in err
    assert "made again in" in err


def _preview(tmp_path: Path, templates: Path) -> Preview:
    profile = tmp_path / "sanne.yaml"
    shutil.copy(PROFILES / "sanne-de-vries.yaml", profile)
    return Preview(profile, None, RunOptions(today=TODAY, formats=("html",), templates=templates))


def test_only_inputs_set_off_a_render_never_the_pdf_it_writes(tmp_path: Path):
    """`--pdf` into a folder under the profile's must not make the preview render for ever."""
    templates = tmp_path / "huisstijl"
    profile = tmp_path / "sanne.yaml"
    preview = Preview(profile, tmp_path / "notes" / "sanne.md", RunOptions(today=TODAY, formats=("html",),
                      templates=templates), pdf_dir=tmp_path / "output")
    assert preview.relevant(str(profile)) and preview.relevant(str(tmp_path / "notes" / "sanne.md"))
    assert preview.relevant(str(templates / "nl" / "texts.yaml"))
    assert preview.relevant(str(tmp_path / "sanne.notes.md"))  # notes found beside the profile
    assert not preview.relevant(str(tmp_path / "output" / "sanne.pdf"))
    assert not preview.relevant(str(tmp_path / "output" / "anything.yaml"))
    assert not preview.relevant(str(tmp_path / ".sanne.pdf.abc.part"))
    assert not preview.relevant(str(tmp_path / "sanne.pdf"))
    assert not preview.relevant(str(tmp_path / "other" / "x.yaml"))


def test_a_broken_template_is_shown_in_the_page_and_a_fixed_one_reads_afresh(tmp_path: Path):
    templates = tmp_path / "huisstijl"
    templates.mkdir()
    preview = _preview(tmp_path, templates=templates)
    preview.render()
    assert "Sanne de Vries" in preview.html() and not preview.error
    (templates / "pack.html.j2").write_text("{% for %}", "utf-8")
    preview.render()
    assert 'id="prep-pack-preview-error"' in preview.html() and "pack.html.j2" in preview.error
    assert "Sanne de Vries" in preview.html()  # the last good pack stays
    (templates / "pack.html.j2").write_text("<html><body><p>Eigen sjabloon</p></body></html>", "utf-8")
    preview.render()
    assert not preview.error and "Eigen sjabloon" in preview.html()
