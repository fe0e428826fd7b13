"""Validation of profiles: every kind of bad input is reported at its exact line, with its field
path and a message a person understands (docs/input-format.md).

Most cases call `generator.validate.load_inputs` and look at `InputError.problems`; a few run
`python -m generator validate` end to end to check exit codes and the printed format.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import InputError, Problem
from generator.notes import is_notes_file
from generator.validate import load_inputs

REPO = Path(__file__).resolve().parents[1]
PROFILES = REPO / "profiles"

# A small valid profile. Cases below patch one spot of it and assert on the line of that spot.
BASE = """\
language: en
candidate:
  name: Test Person
  email: test@example.com
  phone: "+31 6 12345678"
application:
  company: Acme
  role: Engineer
  second_interview:
    date: 2026-12-03
    time: "14:00"
offers:
  - name: Current job
    current: true
    monthly_salary: 3000
    hours_per_week: 40
    holiday_days: 25
  - name: New job
    monthly_salary: 3500
    hours_per_week: 36
    holiday_days: 24
"""

# One problem line as the CLI prints it: `file:line:column: field.path: message`.
PROBLEM_LINE = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): "
                          r"(?P<field>[A-Za-z_][\w.\[\]]*): (?P<message>.+)$")


# ----------------------------------------------------------------------------- helpers


def write(tmp_path: Path, text: str | bytes, name: str = "profile.yaml") -> Path:
    """Write `text` (str as UTF-8, or raw bytes) to tmp_path/name and return the path."""
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def patch(old: str, new: str, text: str = BASE) -> str:
    """BASE with exactly one occurrence of `old` replaced by `new`."""
    assert text.count(old) == 1, f"test setup: {old!r} must occur exactly once"
    return text.replace(old, new)


def line_of(text: str, needle: str) -> int:
    """1-based number of the only line of `text` that contains `needle`."""
    hits = [number for number, line in enumerate(text.splitlines(), start=1) if needle in line]
    assert len(hits) == 1, f"test setup: {needle!r} must be on exactly one line, found {hits}"
    return hits[0]


def problems(path: Path, notes: Path | None = None, lang: str | None = "en") -> list[Problem]:
    """The problems `load_inputs` reports (in English unless asked); fails the test if the input is accepted."""
    with pytest.raises(InputError) as info:
        load_inputs(path, notes, lang)
    assert info.value.problems, "an InputError must list at least one problem"
    return info.value.problems


def only_problem(path: Path, notes: Path | None = None, lang: str | None = "en") -> Problem:
    found = problems(path, notes, lang)
    assert len(found) == 1, "expected exactly one problem, got:\n" + "\n".join(map(str, found))
    return found[0]


def run_cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *map(str, args)],
                          capture_output=True, text=True, timeout=60, cwd=cwd)


# ----------------------------------------------------------------------------- valid input


def test_base_profile_is_valid(tmp_path: Path) -> None:
    inputs = load_inputs(write(tmp_path, BASE))
    assert inputs.profile.candidate.name == "Test Person"
    assert inputs.profile.application.second_interview.date == dt.date(2026, 12, 3)
    assert inputs.notes is None


def test_unquoted_phone_number_keeps_its_leading_zero(tmp_path: Path) -> None:
    path = write(tmp_path, patch('  phone: "+31 6 12345678"', "  phone: 0612345678"))
    assert load_inputs(path).profile.candidate.phone == "0612345678"


def test_unquoted_time_stays_a_time(tmp_path: Path) -> None:
    # YAML 1.1 would read 14:00 as the sexagesimal number 840.
    path = write(tmp_path, patch('    time: "14:00"', "    time: 14:00"))
    assert load_inputs(path).profile.application.second_interview.time == dt.time(14, 0)


@pytest.mark.parametrize("profile", sorted(p.name for p in PROFILES.glob("*.y*ml") if not is_notes_file(p)))
def test_example_profiles_load(profile: str) -> None:
    inputs = load_inputs(PROFILES / profile)
    assert inputs.profile.candidate.name


# ----------------------------------------------------------------------------- schema problems


def test_unknown_key_is_named_with_a_did_you_mean_hint(tmp_path: Path) -> None:
    text = patch("  email: test@example.com", "  emial: test@example.com")
    problem = only_problem(write(tmp_path, text))
    assert (problem.line, problem.column) == (line_of(text, "emial"), 3)
    assert problem.field == "candidate.emial"
    assert "unknown key 'emial'" in problem.message
    assert "did you mean 'email'?" in problem.message


def test_unknown_key_in_a_list_item(tmp_path: Path) -> None:
    text = patch("    hours_per_week: 36", "    hours_per_weak: 36")
    found = problems(write(tmp_path, text))
    unknown = [p for p in found if p.field == "offers[2].hours_per_weak"]
    assert len(unknown) == 1
    assert unknown[0].line == line_of(text, "hours_per_weak")
    assert "did you mean 'hours_per_week'?" in unknown[0].message
    # the typo also leaves the required hours_per_week missing, reported at the offer itself
    missing = [p for p in found if p.field == "offers[2].hours_per_week"]
    assert len(missing) == 1 and "required" in missing[0].message
    assert missing[0].line == line_of(text, "name: New job")


@pytest.mark.parametrize("text, key, needle", [
    # `company` put under candidate instead of application
    (patch("  email: test@example.com", "  company: Acme Corp"), "company", "Acme Corp"),
    # the notes' `date` key put at the top of a profile
    ("date: 2026-11-20\n" + BASE, "date", "2026-11-20"),
], ids=["company-under-candidate", "date-at-top"])
def test_did_you_mean_never_suggests_the_unknown_key_itself(tmp_path: Path, text: str, key: str,
                                                            needle: str) -> None:
    """A key that is valid elsewhere in the format must not get the hint "did you mean '<itself>'?"."""
    problem = only_problem(write(tmp_path, text))
    assert f"unknown key '{key}'" in problem.message
    assert problem.line == line_of(text, needle)
    assert f"did you mean '{key}'" not in problem.message, problem.message


def test_missing_candidate_name(tmp_path: Path) -> None:
    text = patch("  name: Test Person\n", "")
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "candidate.name"
    assert "required" in problem.message
    # a missing key is reported at the block that should hold it
    assert problem.line == line_of(text, "candidate:")


def test_missing_second_interview_date(tmp_path: Path) -> None:
    text = patch("    date: 2026-12-03\n", "")
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "application.second_interview.date"
    assert "required" in problem.message
    assert problem.line == line_of(text, "second_interview:")


def test_missing_whole_blocks(tmp_path: Path) -> None:
    found = problems(write(tmp_path, "language: en\n"))
    assert {p.field for p in found} == {"candidate", "application"}
    assert all("required" in p.message for p in found)


def test_impossible_date(tmp_path: Path) -> None:
    text = patch("2026-12-03", "2026-02-30")
    problem = only_problem(write(tmp_path, text))
    assert (problem.line, problem.column) == (line_of(text, "2026-02-30"), 11)
    assert problem.field == "application.second_interview.date"
    # the date is written as YYYY-MM-DD: the message says what is really wrong with it
    assert problem.message == "'2026-02-30' is not a real date: February 2026 has only 28 days, so there is no day 30"
    assert "YYYY-MM-DD" not in problem.message


def test_hours_per_week_out_of_range(tmp_path: Path) -> None:
    text = patch("    hours_per_week: 40", "    hours_per_week: 90")
    problem = only_problem(write(tmp_path, text))
    assert (problem.line, problem.column) == (line_of(text, "hours_per_week: 90"), 21)
    assert problem.field == "offers[1].hours_per_week"
    assert "too large" in problem.message and "at most 80" in problem.message


def test_holiday_allowance_pct_out_of_range(tmp_path: Path) -> None:
    text = patch("    holiday_days: 24\n", "    holiday_days: 24\n    holiday_allowance_pct: 120\n")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "holiday_allowance_pct: 120")
    assert problem.field == "offers[2].holiday_allowance_pct"
    assert "too large" in problem.message and "at most 100" in problem.message


def test_negative_money(tmp_path: Path) -> None:
    text = patch("    monthly_salary: 3500", "    monthly_salary: -1")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "monthly_salary: -1")
    assert problem.field == "offers[2].monthly_salary"
    assert "too small" in problem.message and "at least 0" in problem.message


def test_list_where_text_is_expected(tmp_path: Path) -> None:
    text = patch("  role: Engineer", "  role: [Engineer, Architect]")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "role: [")
    assert problem.field == "application.role"
    assert "must be text" in problem.message


def test_text_where_a_number_is_expected(tmp_path: Path) -> None:
    text = patch("    monthly_salary: 3500", "    monthly_salary: lots")
    problem = only_problem(write(tmp_path, text))
    assert (problem.line, problem.column) == (line_of(text, "monthly_salary: lots"), 21)
    assert problem.field == "offers[2].monthly_salary"
    assert "'lots' is not a number" in problem.message


def test_text_where_a_list_is_expected(tmp_path: Path) -> None:
    text = patch("  phone: \"+31 6 12345678\"\n", "  phone: \"+31 6 12345678\"\n  strengths: Plannen\n")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "strengths:")
    assert problem.field == "candidate.strengths"
    assert "must be a list" in problem.message


def test_unknown_assessment_kind(tmp_path: Path) -> None:
    text = patch('    time: "14:00"\n', '    time: "14:00"\n    assessment:\n      kind: dance\n')
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "kind: dance")
    assert problem.field == "application.second_interview.assessment.kind"
    assert "'dance' is not allowed" in problem.message
    assert "'presentation'" in problem.message and "'job_shadowing'" in problem.message


def test_bad_bool(tmp_path: Path) -> None:
    text = patch("    current: true", "    current: maybe")
    problem = only_problem(write(tmp_path, text))
    assert (problem.line, problem.column) == (line_of(text, "current: maybe"), 14)
    assert problem.field == "offers[1].current"
    assert "'maybe' is not true or false" in problem.message


def test_two_current_offers(tmp_path: Path) -> None:
    text = patch("  - name: New job\n", "  - name: New job\n    current: true\n")
    problem = only_problem(write(tmp_path, text))
    # the second `current: true` is the one at fault
    second = [n for n, line in enumerate(text.splitlines(), start=1) if "current: true" in line][1]
    assert (problem.line, problem.column) == (second, 14)
    assert problem.field == "offers[2].current"
    assert "only one offer can be the current job" in problem.message
    assert "'Current job'" in problem.message


def test_thirteenth_month_with_year_end_bonus(tmp_path: Path) -> None:
    text = patch("    holiday_days: 24\n",
                 "    holiday_days: 24\n    thirteenth_month: true\n    year_end_bonus_pct: 8.33\n")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "year_end_bonus_pct")
    assert problem.field == "offers[2].year_end_bonus_pct"
    assert "thirteenth_month" in problem.message and "not both" in problem.message


@pytest.mark.parametrize("amount", ["4.300", "4,300", "1.250.000"])
def test_thousands_separator_in_an_amount(tmp_path: Path, amount: str) -> None:
    text = patch("    monthly_salary: 3500", f"    monthly_salary: {amount}")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, f"monthly_salary: {amount}")
    assert problem.field == "offers[2].monthly_salary"
    assert f"'{amount}' without a thousands separator" in problem.message
    assert re.sub(r"[.,]", "", amount) in problem.message


def test_decimal_amount_is_not_a_thousands_separator(tmp_path: Path) -> None:
    text = patch("    monthly_salary: 3500", "    monthly_salary: 3500.50")
    assert load_inputs(write(tmp_path, text)).profile.offers[1].monthly_salary == 3500.5


# ----------------------------------------------------------------------------- YAML problems


def test_unclosed_quote_is_reported_where_the_quote_opens(tmp_path: Path) -> None:
    # No other quote follows, so the quoted text runs to the end of the file.
    text = patch('  phone: "+31 6 12345678"', "  phone: 0612345678", patch('    time: "14:00"\n', ""))
    text = patch("  role: Engineer", '  role: "Engineer', text)
    assert text.count('"') == 1
    problem = only_problem(write(tmp_path, text))
    opened = line_of(text, 'role: "Engineer')
    assert f"line {opened}" in problem.message and "never closed" in problem.message
    assert problem.line == opened, f"reported at {problem}, but the quote opens on line {opened}"


def test_unclosed_quote_before_another_quoted_value_points_at_the_opening_line(tmp_path: Path) -> None:
    # The usual case: a later quoted value ("14:00") closes the quote, and the parser trips there.
    text = patch("  role: Engineer", '  role: "Engineer')
    problem = only_problem(write(tmp_path, text))
    opened = line_of(text, 'role: "Engineer')
    assert problem.line == opened or f"line {opened}" in problem.message, \
        f"got {problem}; nothing points at line {opened}, where the quote that is never closed opens"


def test_tab_indentation(tmp_path: Path) -> None:
    text = patch("  role: Engineer", "\trole: Engineer")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "\trole")
    assert "tab" in problem.message and "spaces" in problem.message


def test_duplicate_key(tmp_path: Path) -> None:
    text = patch("  role: Engineer\n", "  role: Engineer\n  role: Architect\n")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "role: Architect")
    assert "'role' appears twice" in problem.message


def test_duplicate_key_in_a_list_item(tmp_path: Path) -> None:
    text = patch("    monthly_salary: 3500\n", "    monthly_salary: 3500\n    monthly_salary: 3600\n")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "monthly_salary: 3600")
    assert "'monthly_salary' appears twice" in problem.message


def test_unquoted_colon_in_a_value(tmp_path: Path) -> None:
    text = patch("  role: Engineer", "  role: Engineer: backend")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "Engineer: backend")
    assert "quotes" in problem.message


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "~\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    problem = only_problem(write(tmp_path, text))
    assert problem.line == 1
    assert "empty" in problem.message


def test_list_at_the_top_level(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, "- candidate\n- application\n"))
    assert problem.line == 1
    assert "holds a list" in problem.message and "keys and values" in problem.message


def test_single_value_at_the_top_level(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, "just some text\n"))
    assert "single value" in problem.message


def test_non_utf8_bytes(tmp_path: Path) -> None:
    text = patch("  role: Engineer", "  role: Ing\xe9nieur")
    data = text.encode("latin-1")
    problem = only_problem(write(tmp_path, data))
    assert (problem.line, problem.column) == (line_of(text, "Ing"), len("  role: Ing") + 1)
    assert "not UTF-8" in problem.message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, b"\xef\xbb\xbf" + BASE.encode("utf-8"))
    assert load_inputs(path).profile.language == "en"


def test_binary_file(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert "binary" in problem.message


def test_file_over_one_mib(tmp_path: Path) -> None:
    path = write(tmp_path, BASE + "# padding " + "x" * (1024 * 1024) + "\n")
    problem = only_problem(path)
    assert "1 MiB" in problem.message


def test_file_of_exactly_one_mib_is_read(tmp_path: Path) -> None:
    head = BASE + "# "
    text = head + "x" * (1024 * 1024 - len(head.encode()) - 1) + "\n"
    assert len(text.encode()) == 1024 * 1024
    assert load_inputs(write(tmp_path, text)).profile.candidate.name == "Test Person"


def test_more_interviewers_than_a_pack_shows_are_refused_with_the_cap(tmp_path: Path) -> None:
    """Issue 19: 200 interviewers took over four minutes for one PDF; lists are capped, and the
    message names the count and the cap at the list's line."""
    people = "".join(f"      - name: Person {i}\n" for i in range(21))
    text = patch('    time: "14:00"\n', f'    time: "14:00"\n    interviewers:\n{people}')
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "application.second_interview.interviewers"
    assert problem.line == line_of(text, "interviewers:")
    assert "has 21 items; a pack shows at most 20" in problem.message
    assert load_inputs(write(tmp_path, text.replace("      - name: Person 20\n", ""), "twenty.yaml"))


def test_markdown_notes_with_more_bullets_than_a_pack_shows_are_refused_in_the_notes_file(tmp_path: Path) -> None:
    """Issue 19: 250,000 Markdown bullets validated and the Word file never finished."""
    notes = write(tmp_path, "# First interview 2026-11-20\n\n## Learned\n\n" + "- a point\n" * 51, "profile.notes.md")
    found = problems(write(tmp_path, BASE), notes, "nl")
    assert [(p.field, Path(p.file).name) for p in found] == [("learned", "profile.notes.md")]
    assert "heeft 51 punten; een pakket toont er hoogstens 50" in found[0].message


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    problem = only_problem(write(tmp_path, "\n".join(lines) + "\n"))
    assert problem.line == 1
    assert "anchors and aliases" in problem.message


def test_anchor_and_alias_in_a_profile_are_refused(tmp_path: Path) -> None:
    text = patch("  role: Engineer\n", "  role: &job Engineer\n  sector: *job\n")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "&job")
    assert "anchors and aliases" in problem.message


def test_python_object_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    text = patch("  role: Engineer", f'  role: !!python/object/apply:os.system ["touch {marker}"]')
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "!!python")
    assert "python/object/apply:os.system" in problem.message and "not accepted" in problem.message
    assert not marker.exists()


def test_python_object_tag_at_the_top_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    path = write(tmp_path, f'!!python/object/apply:os.system ["touch {marker}"]\n')
    problem = only_problem(path)
    assert "not accepted" in problem.message
    assert not marker.exists()


def test_custom_tag_is_refused(tmp_path: Path) -> None:
    text = patch("  role: Engineer", "  role: !secret Engineer")
    problem = only_problem(write(tmp_path, text))
    assert problem.line == line_of(text, "!secret")
    assert "'!secret'" in problem.message


def test_standard_str_tag_is_allowed(tmp_path: Path) -> None:
    text = patch('  phone: "+31 6 12345678"', "  phone: !!str 0612345678")
    assert load_inputs(write(tmp_path, text)).profile.candidate.phone == "0612345678"


def test_absurd_nesting_is_refused(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, "candidate: " + "[" * 200 + "]" * 200 + "\n"))
    assert "nested" in problem.message


def test_missing_file(tmp_path: Path) -> None:
    problem = only_problem(tmp_path / "nope.yaml")
    assert "does not exist" in problem.message


# ----------------------------------------------------------------------------- all at once


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    text = patch("  email: test@example.com", "  emial: test@example.com")
    text = patch("2026-12-03", "2026-02-30", text)
    text = patch("    hours_per_week: 40", "    hours_per_week: 90", text)
    found = problems(write(tmp_path, text))
    assert [(p.line, p.field) for p in sorted(found, key=lambda p: p.line or 0)] == [
        (line_of(text, "emial"), "candidate.emial"),
        (line_of(text, "2026-02-30"), "application.second_interview.date"),
        (line_of(text, "hours_per_week: 90"), "offers[1].hours_per_week"),
    ]


def test_cross_field_problems_are_reported_together_with_other_problems(tmp_path: Path) -> None:
    """`validate` prints *every* problem; a rule between fields must not hide behind a typo."""
    text = patch("  - name: New job\n", "  - name: New job\n    current: true\n")
    text = patch("    hours_per_week: 40", "    hours_per_week: 90", text)
    found = problems(write(tmp_path, text))
    assert {p.field for p in found} == {"offers[1].hours_per_week", "offers[2].current"}, \
        "\n".join(map(str, found))


def test_profile_and_notes_problems_are_reported_together(tmp_path: Path) -> None:
    text = patch("    hours_per_week: 40", "    hours_per_week: 90")
    notes = write(tmp_path, "## Learned\n- something\n\n## Already covered\n- bogus\n", "notes.md")
    found = problems(write(tmp_path, text), notes)
    assert [(p.file.name, p.line, p.field) for p in found] == [
        ("profile.yaml", line_of(text, "hours_per_week: 90"), "offers[1].hours_per_week"),
        ("notes.md", 5, "answered[1]"),
    ]


# ----------------------------------------------------------------------------- the command line


def test_cli_prints_every_problem_as_file_line_column_field_message(tmp_path: Path) -> None:
    text = patch("  email: test@example.com", "  emial: test@example.com")
    text = patch("2026-12-03", "2026-02-30", text)
    text = patch("    hours_per_week: 40", "    hours_per_week: 90", text)
    path = write(tmp_path, text)
    result = run_cli("validate", path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == "3 problems found."
    parsed = [PROBLEM_LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    assert [(m["file"], int(m["line"]), m["field"]) for m in parsed] == [  # type: ignore[index]
        (str(path), line_of(text, "emial"), "candidate.emial"),
        (str(path), line_of(text, "2026-02-30"), "application.second_interview.date"),
        (str(path), line_of(text, "hours_per_week: 90"), "offers[1].hours_per_week"),
    ]
    assert f"{path}:{line_of(text, 'emial')}:3: candidate.emial: unknown key 'emial'; did you mean 'email'?" in lines


def test_cli_refuses_python_tag_without_running_it(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    path = write(tmp_path, f'candidate: !!python/object/apply:os.system ["touch {marker}"]\n')
    result = run_cli("validate", path, "--lang", "en")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "not accepted" in result.stderr
    assert not marker.exists()


@pytest.mark.parametrize("content, phrase", [
    ("", "empty"),
    (b"candidate:\n  name: Ren\xe9\n", "not UTF-8"),
    ('candidate:\n  name: "Test\n', "never closed"),
])
def test_cli_bad_yaml_exits_2_without_traceback(tmp_path: Path, content: str | bytes, phrase: str) -> None:
    path = write(tmp_path, content)
    result = run_cli("validate", path, "--lang", "en")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert phrase in result.stderr
    assert result.stderr.startswith(f"{path}:")


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    result = run_cli("validate", tmp_path / "nope.yaml")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "bestaat niet" in result.stderr  # nothing to read a language from: the default language
    assert result.stderr.strip().endswith("1 probleem gevonden.")


def test_cli_valid_profile_exits_0(tmp_path: Path) -> None:
    result = run_cli("validate", write(tmp_path, BASE))
    assert result.returncode == 0, result.stderr
    assert "OK" in result.stdout


@pytest.mark.parametrize("profile", sorted(p.name for p in PROFILES.glob("*.y*ml") if not is_notes_file(p)))
def test_cli_validates_every_example_profile(profile: str) -> None:
    result = run_cli("validate", PROFILES / profile)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


# ------------------------------------------------------------------- fuzz with the Big List of Naughty Strings


BLNS = Path(__file__).parent / "data" / "blns.json"  # MIT licence: data/blns.LICENSE


def _blns() -> list[str]:
    import json

    return json.loads(BLNS.read_text(encoding="utf-8"))


def test_blns_strings_either_validate_intact_or_give_an_input_error(tmp_path: Path) -> None:
    """Each naughty string as candidate.name, candidate.pitch, a story title and a notes bullet:
    the profile validates with the text kept (minus the characters `clean_text` strips), or it is
    refused with an InputError; nothing else may escape."""
    import io

    from ruamel.yaml import YAML

    from generator.yamlload import clean_text

    strings = _blns()
    assert len(strings) == 515
    dumper = YAML(typ="safe", pure=True)
    dumper.allow_unicode = True
    dumper.default_flow_style = False
    # No line folding: ruamel's emitter does not round-trip some folded scalars (a run of spaces
    # or an escape at the fold comes back changed even with ruamel's own loader).
    dumper.width = 1_000_000

    def profile_data(name: str, pitch: str, title: str) -> dict:
        return {
            "language": "en",
            "candidate": {"name": name, "pitch": pitch},
            "application": {"company": "Acme", "role": "Engineer",
                            "second_interview": {"date": "2026-12-03"}},
            "stories": [{"title": title, "situation": "s"}],
        }

    def dump(data: dict) -> str:
        stream = io.StringIO()
        dumper.dump(data, stream)
        return stream.getvalue()

    def expected(text: str) -> str:
        return clean_text(text).strip()

    def check(index: int, name: str, pitch: str, title: str, bullet: str) -> tuple[bool, list[str]]:
        """Load once; return (accepted, list of mismatches)."""
        profile = tmp_path / f"p{index}.yaml"
        profile.write_text(dump(profile_data(name, pitch, title)), encoding="utf-8")
        notes = tmp_path / f"p{index}.notes.md"
        notes.write_text(f"# First interview 2026-11-20\n\n## Learned\n\n- {bullet}\n", encoding="utf-8")
        try:
            inputs = load_inputs(profile, notes)
        except InputError as exc:
            assert exc.problems
            return False, []
        except Exception as exc:  # noqa: BLE001 - the point of the test
            pytest.fail(f"string #{index} {bullet!r}: {type(exc).__name__}: {exc}")
        wrong = []
        if inputs.profile.candidate.name != expected(name):
            wrong.append(f"name {inputs.profile.candidate.name!r} != {expected(name)!r}")
        if (inputs.profile.candidate.pitch or "") != expected(pitch):
            wrong.append(f"pitch {inputs.profile.candidate.pitch!r} != {expected(pitch)!r}")
        if inputs.profile.stories[0].title != expected(title):
            wrong.append(f"title {inputs.profile.stories[0].title!r} != {expected(title)!r}")
        bullet_kept = expected(bullet)
        # A Markdown bullet is one line: only a string without line breaks (\n, \x85, \u2028 ...)
        # can come back unchanged.
        if len(clean_text(bullet).splitlines()) <= 1 and bullet_kept:
            learned = inputs.notes.learned if inputs.notes else []
            if learned != [bullet_kept]:
                wrong.append(f"bullet {learned!r} != {[bullet_kept]!r}")
        return True, wrong

    failures = []
    for index, text in enumerate(strings):
        accepted, wrong = check(index, text, text, text, text)
        if not accepted:
            # Find which field refuses it: each alone must again validate intact or be an InputError.
            wrong = []
            for fields in ((text, "", "t", "n"), ("n", text, "t", "n"), ("n", "", text, "n"), ("n", "", "t", text)):
                _, more = check(index, *fields)
                wrong += more
        failures += [f"#{index} {text!r}: {item}" for item in wrong]
    assert not failures, "\n".join(failures[:30])


# ------------------------------------------------------------------- each message names the real problem (issue 14)


@pytest.mark.parametrize("old, new, field, english, dutch", [
    ('    time: "14:00"', '    time: "9:30"', "application.second_interview.time",
     "'9:30' needs a leading zero: write \"09:30\"", "'9:30' mist een nul vooraan: schrijf \"09:30\""),
    ('    time: "14:00"', "    time: 9.30", "application.second_interview.time",
     "'9.30' separates hours and minutes with '.'; write a colon: \"09:30\"",
     "in '9.30' staat '.' tussen uren en minuten; gebruik een dubbele punt: \"09:30\""),
    ('    time: "14:00"', '    time: "25:00"', "application.second_interview.time",
     "there is no hour 25", "uur 25 bestaat niet"),
    ('    time: "14:00"', "    time: 2pm", "application.second_interview.time",
     "'2pm': write the time on the 24-hour clock: \"14:00\"", "volgens de 24-uursklok: \"14:00\""),
    ("2026-12-03", "2026-13-03", "application.second_interview.date",
     "there is no month 13; did you mean 2026-03-13?", "maand 13 is er niet; bedoel je 2026-03-13?"),
    ("2026-12-03", "03-12-2026", "application.second_interview.date",
     "'03-12-2026' is not written as YYYY-MM-DD; write it as 2026-12-03",
     "'03-12-2026' staat niet in de vorm JJJJ-MM-DD; schrijf 2026-12-03"),
    ("2026-12-03", "2027-02-29", "application.second_interview.date",
     "February 2027 has only 28 days, so there is no day 29", "februari 2027 heeft maar 28 dagen"),
    ("    hours_per_week: 40", "    hours_per_week: 36,5", "offers[1].hours_per_week",
     "'36,5' has a decimal comma; write a decimal point: 36.5",
     "'36,5' heeft een decimale komma; schrijf een punt: 36.5"),
    ("    monthly_salary: 3000", "    monthly_salary: € 3.000", "offers[1].monthly_salary",
     "'€ 3.000' is not a plain number; write the number alone, e.g. 3000",
     "'€ 3.000' is geen kaal getal; schrijf alleen het getal, bijvoorbeeld 3000"),
    ("  name: Test Person", "  name:", "candidate.name", "is empty; fill it in", "is leeg; vul het in"),
    ("  phone: \"+31 6 12345678\"", "  strengths: [a, '', b]", "candidate.strengths[2]",
     "this list item is empty; fill it in or remove it", "dit punt in de lijst is leeg"),
    ("  email: test@example.com", "  naam: Test", "candidate.naam",
     "unknown key 'naam'; did you mean 'name'?", "onbekend veld 'naam'; bedoel je 'name'?"),
    ("  email: test@example.com", "  woonplaats: Groningen", "candidate.woonplaats",
     "the keys allowed here are 'name', 'email', ", "hier kunnen alleen deze velden staan: 'name', 'email', "),
    ("  role: Engineer", "  role: Engineer\n  just some words", "application",
     "this line is not of the form 'key: value' (a ':' is missing)", "deze regel heeft niet de vorm 'veld: waarde'"),
    ("    current: true", "    current: misschien", "offers[1].current",
     "'misschien' is not true or false; write true or false", "'misschien' is niet true of false"),
])
def test_each_message_names_the_real_problem_in_both_languages(tmp_path: Path, old: str, new: str, field: str,
                                                               english: str, dutch: str) -> None:
    text = patch(old, new)
    path = write(tmp_path, text)
    for lang, expected in (("en", english), ("nl", dutch)):
        problem = only_problem(path, lang=lang)
        assert problem.field.startswith(field), str(problem)
        assert expected in problem.message, str(problem)
        assert "in quotes" not in problem.message


def test_a_missing_block_is_added_at_the_top_of_the_file(tmp_path: Path) -> None:
    problem = only_problem(write(tmp_path, BASE.replace("candidate:\n  name: Test Person\n  email: test@example.com\n"
                                                              "  phone: \"+31 6 12345678\"\n", "")))
    assert (problem.field, problem.message) == (
        "candidate", "required, but missing: add 'candidate:' to the file, at the start of a line")


def test_a_notes_file_given_as_the_profile_is_named_as_such(tmp_path: Path) -> None:
    problem = only_problem(PROFILES / "liam-oconnor.notes.yaml")
    assert problem.message == ("this looks like a notes file, not a profile: give the profile, "
                               "and this file with --notes")


@pytest.mark.parametrize("text, lang, start", [
    (BASE.replace("language: en", "language: nl").replace("  email:", "  emial:"), None, "onbekend veld 'emial'"),
    (BASE.replace("  email:", "  emial:"), None, "unknown key 'emial'"),
    (BASE.replace("  email:", "  emial:"), "nl", "onbekend veld 'emial'"),
    (BASE.replace("language: en\n", "").replace("  email:", "  emial:"), None, "onbekend veld 'emial'"),
    (BASE.replace("  role: Engineer", "\trole: Engineer"), None, "a tab character"),  # language read despite the tab
])
def test_messages_are_in_lang_else_the_profiles_language_else_dutch(tmp_path: Path, text: str, lang: str | None,
                                                                    start: str) -> None:
    path = write(tmp_path, text)
    args = ("--lang", lang) if lang else ()
    result = run_cli("validate", path, *args)
    assert result.returncode == 2
    assert start in result.stderr.splitlines()[0]
    summary = "1 probleem gevonden." if "veld" in start else "1 problem found."
    assert result.stderr.splitlines()[-1] == summary


@pytest.mark.parametrize("written", ["test@example", "a@b.nl, c@d.nl", "Test <test@example.com>",
                                     '"a@b.nl\\nBcc: c@d.nl"'])
def test_an_email_that_is_not_one_plain_address_is_refused(tmp_path: Path, written: str) -> None:
    """A draft must only ever go to the one address the candidate wrote (batch --emails)."""
    text = patch("  email: test@example.com", f"  email: {written}")
    problem = only_problem(write(tmp_path, text))
    assert problem.field == "candidate.email" and problem.line == line_of(text, "email:")
    assert "is not an e-mail address" in problem.message


def test_limits_are_written_as_numbers_and_a_long_text_says_its_length(tmp_path: Path) -> None:
    """'at most 100000000', never '1e+08'; 'is too long: 20,001 characters, at most 20,000'."""
    text = patch("  name: Test Person", "  name: " + "x" * 20_001)
    problem = only_problem(write(tmp_path, text))
    assert "20,001 characters, at most 20,000" in problem.message
    text = patch("    monthly_salary: 3500", "    monthly_salary: 200000000")
    problem = only_problem(write(tmp_path, text))
    assert problem.message.endswith("it must be at most 100000000") and "e+" not in problem.message
