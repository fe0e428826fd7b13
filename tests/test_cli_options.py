"""Command-line conventions: `-` for standard input, `--quiet` and `--verbose`, results on stdout
and everything else on stderr, NO_COLOR, and an example in every `--help`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PROFILES
from tests.test_cli import run

COMMANDS = ("init", "validate", "generate", "preview", "compare", "batch", "import", "schema")
COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7])(;[0-9]+)*m")  # an SGR sequence that sets a colour


def run_with_input(text: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], input=text, capture_output=True, text=True,
                          timeout=120)


def test_a_dash_reads_standard_input_for_validate_and_compare():
    profile = (PROFILES / "ahmet-yilmaz.yaml").read_text("utf-8")
    result = run_with_input(profile, "validate", "-")
    assert result.returncode == 0 and "<stdin>: OK" in result.stdout, result.stderr
    broken = run_with_input(profile.replace("  company:", "  compnay:"), "validate", "-")
    assert broken.returncode == 2 and "Traceback" not in broken.stderr
    assert re.search(r"<stdin>:\d+:\d+: application\.compnay", broken.stderr), broken.stderr
    offers = "offers: [{name: A, monthly_salary: 4000, hours_per_week: 36, holiday_days: 25}]\n"
    table = run_with_input(offers, "compare", "-", "--format", "json")
    assert table.returncode == 0 and '"monthly_salary": 4000' in table.stdout


@pytest.mark.parametrize("args", [("generate", "-"), ("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "-o", "-"),
                                  ("batch", "-", "-o", "out"), ("preview", "-"), ("init", "-"),
                                  ("import", "-", "-o", "out")])
def test_a_dash_is_refused_where_a_file_or_folder_is_needed(args, tmp_path):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "cannot be '-' here" in result.stderr
    assert not (tmp_path / "-").exists()


def test_results_on_stdout_warnings_on_stderr_and_quiet_and_verbose(tmp_path):
    profile = str(PROFILES / "ahmet-yilmaz.yaml")
    late = ("--today", "2027-06-01")  # after the interview: a warning
    normal = run("generate", profile, "-o", str(tmp_path), "--format", "html", *late)
    assert normal.returncode == 0
    assert normal.stdout.strip().endswith(".html") and len(normal.stdout.strip().splitlines()) == 1
    assert "warning" in normal.stderr
    quiet = run("--quiet", "generate", profile, "-o", str(tmp_path), "--format", "html", *late)
    assert quiet.returncode == 0 and quiet.stderr == "" and quiet.stdout == normal.stdout
    verbose = run("--verbose", "generate", profile, "-o", str(tmp_path), "--format", "html", *late)
    assert re.search(r"load=\d+\.\d+s .*html=\d+\.\d+s", verbose.stderr) and verbose.stdout == normal.stdout
    both = run("--quiet", "--verbose", "generate", profile)
    assert both.returncode == 2 and "not both" in both.stderr


def test_every_help_has_an_example():
    for command in COMMANDS:
        result = run(command, "--help")
        assert result.returncode == 0 and "Examples:" in result.stdout, command
        assert "prep-pack " + command in result.stdout.split("Examples:")[1], command


def _in_a_terminal(args: list[str], env: dict[str, str], cwd: Path) -> str:
    """Run prep-pack with a pseudo-terminal as stdout and stderr (as a user at a terminal would)."""
    import pty

    main, secondary = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "generator", *args], stdout=secondary, stderr=secondary,
                               stdin=subprocess.DEVNULL, env=env, cwd=cwd)
    os.close(secondary)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=120)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def test_no_color_means_no_colour_even_on_a_terminal(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(PROFILES / "ahmet-yilmaz.yaml", folder)
    env = {**os.environ, "NO_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "100"}
    env.pop("FORCE_COLOR", None)
    out = _in_a_terminal(["batch", str(folder), "-o", str(tmp_path / "out"), "--format", "html", "--workers", "1"],
                         env, tmp_path)
    assert "1 ok" in out
    assert not COLOUR.search(out), repr(out[:500])
    coloured = _in_a_terminal(["batch", str(folder), "-o", str(tmp_path / "out2"), "--format", "html",
                               "--workers", "1"], {k: v for k, v in env.items() if k != "NO_COLOR"}, tmp_path)
    assert "1 ok" in coloured and COLOUR.search(coloured), "the control: without NO_COLOR the bar is in colour"


@pytest.mark.parametrize("day, words", [("1970-01-01", "outside the years"), ("2200-01-01", "outside the years"),
                                        ("2026-13-01", "is not a date")])
def test_a_today_no_pack_can_carry_is_a_usage_error(day, words):
    """Word files are ZIP archives, whose timestamps hold the years 1980 to 2107 only."""
    result = run("generate", str(PROFILES / "ahmet-yilmaz.yaml"), "--today", day, "-o", "/nonexistent-never-written")
    assert result.returncode == 2 and words in result.stderr and "Traceback" not in result.stderr


def test_control_characters_in_input_are_shown_escaped_never_sent_to_the_terminal(tmp_path):
    """A key such as ESC ]2;OWNED BEL would retitle the terminal; it is shown as \\x1b]2;OWNED\\x07."""
    from generator.batch.report import ReportRow

    profile = tmp_path / "p.yaml"
    profile.write_text('candidate:\n  name: Test\n  "\\e]2;OWNED\\a": x\n', "utf-8")
    result = run("validate", str(profile), "--lang", "en")
    assert result.returncode == 2 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "candidate.\\x1b]2;OWNED\\x07: unknown key" in result.stderr
    record = ReportRow("\x1b]2;X\x07.yaml", "", "failed", "line one\nline two \u202e").as_record()
    assert record["profile"] == "\\x1b]2;X\\x07.yaml" and record["error"] == "line one line two \\u202e"
