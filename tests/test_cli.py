"""The command line as a user runs it: exit codes, what goes to stdout and stderr."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import PROFILES


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the installed `prep-pack` (or `python -m generator` if it is not on PATH)."""
    exe = shutil.which("prep-pack", path=str(Path(sys.executable).parent)) or shutil.which("prep-pack")
    command = [exe, *args] if exe else [sys.executable, "-m", "generator", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120)


def test_help_and_version():
    result = run("--help")
    assert result.returncode == 0
    for command in ("init", "validate", "generate", "compare", "batch", "schema"):
        assert command in result.stdout
    assert run("--version").stdout.startswith("prep-pack, version ")
    for command in ("init", "validate", "generate", "compare", "batch", "schema"):
        assert run(command, "--help").returncode == 0


def test_generate_html_and_ics_from_another_folder(tmp_path):
    """Works from any folder: the installed command finds its own templates."""
    result = run("generate", str(PROFILES / "noor-bakker.yaml"), "-o", str(tmp_path / "out"),
                 "--format", "html,ics,csv", "--today", "2026-12-20", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = result.stdout.split()
    assert [Path(p).name for p in written] == ["noor-bakker_gemeente-utrecht.html", "noor-bakker_gemeente-utrecht.ics",
                                               "noor-bakker_gemeente-utrecht.csv"]
    assert all(Path(p).is_file() for p in written)
    shown = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert shown == sorted(Path(p).name for p in written)
    hidden = sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.startswith("."))
    assert hidden == [".prep-pack-owners.json", ".prep-pack.lock"]  # whose pack it is; one writer at a time


def test_generate_in_english_on_request(tmp_path):
    result = run("generate", str(PROFILES / "noor-bakker.yaml"), "-o", str(tmp_path), "--format", "html",
                 "--lang", "en", "--today", "2026-12-20")
    html = Path(result.stdout.strip()).read_text("utf-8")
    assert '<html lang="en">' in html and "Questions you can ask" in html or "Questions to ask" in html


def test_past_interview_still_gives_a_pack_with_a_warning(tmp_path):
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "-o", str(tmp_path), "--format", "html",
                 "--today", "2027-03-01")
    assert result.returncode == 0
    assert "warning:" in result.stderr and "past" in result.stderr
    html = Path(result.stdout.strip()).read_text("utf-8")
    assert "data-date=\"2027-03-01\"" in html


def test_bad_input_exits_2_without_traceback_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("candidate:\n  name: X\napplication:\n  company: Y\n  role: Z\n  second_interview:\n"
                   "    date: 2026-13-01\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run("generate", str(bad), "-o", str(out))
    assert result.returncode == 2
    assert f"{bad}:7:11: application.second_interview.date:" in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_unknown_format_and_missing_file_are_usage_errors(tmp_path):
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "--format", "pdf,odt", "-o", str(tmp_path))
    assert result.returncode == 2 and "odt" in result.stderr and "docx" in result.stderr
    result = run("validate", str(tmp_path / "nope.yaml"))
    assert result.returncode == 2 and "bestaat niet" in result.stderr and "Traceback" not in result.stderr
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "--today", "tomorrow")
    assert result.returncode == 2 and "YYYY-MM-DD" in result.stderr


def test_an_output_folder_that_cannot_be_made_is_a_plain_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x", "utf-8")
    for command in (["generate", str(PROFILES / "ahmet-yilmaz.yaml")], ["batch", str(PROFILES)]):
        result = run(*command, "-o", str(blocker / "out"), "--format", "html")
        assert result.returncode == 2, result.stderr
        assert "Traceback" not in result.stderr and str(blocker) in result.stderr


def test_a_broken_override_template_is_a_plain_error(tmp_path):
    templates = tmp_path / "huisstijl"
    templates.mkdir()
    (templates / "pack.html.j2").write_text("<h1>{{ pack.candidate }</h1>\n", "utf-8")
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "-o", str(tmp_path / "out"), "--format", "html",
                 "--templates", str(templates))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "pack.html.j2 (line 1)" in result.stderr and "--templates" in result.stderr
