"""First-interview notes (docs/input-format.md): Markdown and YAML forms, and where the notes are found."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from generator.errors import InputError, Problem
from generator.models import STANDARD_QUESTION_IDS
from generator.validate import load_inputs
from tests.conftest import read_csv

PROFILE = """\
language: en
candidate:
  name: Test Person
application:
  company: Acme
  role: Engineer
  second_interview:
    date: 2026-12-03
"""

INLINE_NOTES = """\
first_interview_notes:
  learned:
    - from the profile itself
"""

DUTCH = """\
# Eerste gesprek 2026-11-19

## Gesproken met

- Mark Jansen, Manager zorg
- Ingrid Bos

## Geleerd

- Het team telt 28 mensen.
- Er komt een nieuw dossier.

## Ging goed

- Mijn verhaal over de nachtdiensten.

## Kan beter

- Mijn conflictvoorbeeld bleef vaag.

## Open vragen

- Hoe is het verzuim ontstaan?

## Al besproken

- team
- canteen
"""

ENGLISH = """\
# First interview 2026-11-24

## Met

- Sophie Vermeulen, Talent Acquisition Partner

## Learned

- Seven account executives.

## Went well

- My territory story.

## Could improve

- Forecasting was vague.

## Open questions

- Is commission capped?

## Already covered

- priorities
"""


# ----------------------------------------------------------------------------- helpers


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def load_notes(tmp_path: Path, markdown: str, name: str = "notes.md"):
    """Load a valid profile with `markdown` as its --notes file; return the Notes."""
    profile = write(tmp_path, "profile.yaml", PROFILE)
    inputs = load_inputs(profile, write(tmp_path, name, markdown))
    assert inputs.notes is not None
    return inputs.notes


def notes_problems(tmp_path: Path, text: str, name: str = "notes.md") -> list[Problem]:
    profile = write(tmp_path, "profile.yaml", PROFILE)
    notes = write(tmp_path, name, text)
    with pytest.raises(InputError) as info:
        load_inputs(profile, notes)
    assert info.value.problems
    assert all(p.file == notes for p in info.value.problems), info.value.problems
    return info.value.problems


# ----------------------------------------------------------------------------- Markdown


def test_dutch_headings(tmp_path: Path) -> None:
    notes = load_notes(tmp_path, DUTCH)
    assert notes.date == dt.date(2026, 11, 19)
    assert [(p.name, p.role) for p in notes.met] == [("Mark Jansen", "Manager zorg"), ("Ingrid Bos", None)]
    assert notes.learned == ["Het team telt 28 mensen.", "Er komt een nieuw dossier."]
    assert notes.went_well == ["Mijn verhaal over de nachtdiensten."]
    assert [p.text for p in notes.could_improve] == ["Mijn conflictvoorbeeld bleef vaag."]
    assert notes.open_questions == ["Hoe is het verzuim ontstaan?"]
    assert notes.answered == ["team", "canteen"]
    assert notes.other == {}


def test_english_headings(tmp_path: Path) -> None:
    notes = load_notes(tmp_path, ENGLISH)
    assert notes.date == dt.date(2026, 11, 24)
    assert [(p.name, p.role) for p in notes.met] == [("Sophie Vermeulen", "Talent Acquisition Partner")]
    assert notes.learned == ["Seven account executives."]
    assert notes.went_well == ["My territory story."]
    assert [p.text for p in notes.could_improve] == ["Forecasting was vague."]
    assert notes.open_questions == ["Is commission capped?"]
    assert notes.answered == ["priorities"]


@pytest.mark.parametrize("heading", ["Learned", "LEARNED", "learned", "LeArNeD", "Geleerd", "GELEERD",
                                     "geleerd:", "  Learned  "])
def test_headings_in_any_case(tmp_path: Path, heading: str) -> None:
    notes = load_notes(tmp_path, f"## {heading}\n- a fact\n")
    assert notes.learned == ["a fact"]
    assert notes.other == {}


@pytest.mark.parametrize("heading, key", [
    ("GESPROKEN MET", "met"), ("Ging Goed", "went_well"), ("WENT WELL", "went_well"),
    ("kan beter", "could_improve"), ("Could Improve", "could_improve"),
    ("OPEN VRAGEN", "open_questions"), ("open questions", "open_questions"),
])
def test_every_section_in_any_case(tmp_path: Path, heading: str, key: str) -> None:
    notes = load_notes(tmp_path, f"## {heading}\n- Anna de Boer\n")
    value = getattr(notes, key)
    if key in ("met", "could_improve"):
        value = [item.name if key == "met" else item.text for item in value]
    assert value == ["Anna de Boer"]


@pytest.mark.parametrize("heading", ["AL BESPROKEN", "already covered", "Already Covered"])
def test_answered_heading_in_any_case(tmp_path: Path, heading: str) -> None:
    assert load_notes(tmp_path, f"## {heading}\n- lunch\n").answered == ["lunch"]


def test_bullet_styles_and_continuation_lines(tmp_path: Path) -> None:
    notes = load_notes(tmp_path, "## Learned\n- dash\n* star\n+ plus\n1. one\n2) two\n- long point\n  continued here\n")
    assert notes.learned == ["dash", "star", "plus", "one", "two", "long point continued here"]


def test_windows_line_endings(tmp_path: Path) -> None:
    notes = load_notes(tmp_path, "# First interview 2026-11-20\r\n## Learned\r\n- a\r\n- b\r\n")
    assert notes.learned == ["a", "b"]
    assert notes.date == dt.date(2026, 11, 20)


def test_empty_bullets_are_ignored(tmp_path: Path) -> None:
    """A template often has empty '- ' lines waiting to be filled in; they are not notes."""
    notes = load_notes(tmp_path, "## Learned\n- \n- a real point\n-\n\n## Already covered\n- \n- team\n")
    assert notes.learned == ["a real point"]
    assert notes.answered == ["team"]


def test_unknown_sections_are_kept_under_other(tmp_path: Path) -> None:
    notes = load_notes(tmp_path, "## Learned\n- fact\n## Overig\n- parking is scarce\n- bring ID\n"
                                 "## My Hunches\n- they want someone fast\n")
    assert notes.learned == ["fact"]
    assert notes.other == {"Overig": ["parking is scarce", "bring ID"],
                           "My Hunches": ["they want someone fast"]}


def test_html_comments_are_ignored(tmp_path: Path) -> None:
    text = ("# First interview 2026-11-20\n"
            "<!-- write short points under each heading -->\n"
            "## Learned\n"
            "<!--\n"
            "## Went well\n"
            "- hidden in a comment\n"
            "-->\n"
            "- visible\n"
            "  <!-- indented comment -->\n"
            "- also visible\n")
    notes = load_notes(tmp_path, text)
    assert notes.learned == ["visible", "also visible"]
    assert notes.went_well == []
    assert notes.other == {}


def test_answered_ids_are_lowercased_and_cleaned(tmp_path: Path) -> None:
    notes = load_notes(tmp_path, "## Already covered\n- Feedback\n- TEAM\n- `Lunch`\n- Workplace: we saw the office\n")
    assert notes.answered == ["feedback", "team", "lunch", "workplace"]


def test_unknown_answered_id_is_reported_at_its_line(tmp_path: Path) -> None:
    text = "# First interview 2026-11-20\n\n## Learned\n- fact\n\n## Already covered\n- team\n- salary\n"
    found = notes_problems(tmp_path, text)
    assert len(found) == 1
    problem = found[0]
    assert problem.line == 8
    assert problem.field == "answered[2]"
    assert "'salary' is not allowed" in problem.message
    for valid in STANDARD_QUESTION_IDS:
        assert f"'{valid}'" in problem.message
    assert str(problem).startswith(f"{problem.file}:8:")


def test_unknown_answered_id_in_dutch_notes(tmp_path: Path) -> None:
    found = notes_problems(tmp_path, "## Geleerd\n- iets\n## Al besproken\n- Koffie\n")
    assert [(p.line, p.field) for p in found] == [(4, "answered[1]")]
    assert "'koffie'" in found[0].message and "'feedback'" in found[0].message


def test_dutch_words_for_answered_ids(tmp_path: Path) -> None:
    """SPEC 7: Dutch aliases are accepted for the standard question ids."""
    notes = load_notes(tmp_path, "## Al besproken\n- Kantine\n- werkplek\n- ontwikkeling\n")
    assert notes.answered == ["canteen", "workplace", "development"]


def test_notes_without_any_section_are_an_error(tmp_path: Path) -> None:
    found = notes_problems(tmp_path, "<!-- nothing yet -->\n\n")
    assert "no notes found" in found[0].message


def test_impossible_date_in_the_title(tmp_path: Path) -> None:
    found = notes_problems(tmp_path, "# First interview 2026-02-30\n## Learned\n- x\n")
    assert [(p.line, p.field) for p in found] == [(1, "date")]
    assert "not a real date" in found[0].message


# ----------------------------------------------------------------------------- YAML notes


def test_yaml_notes_file(tmp_path: Path) -> None:
    text = ("date: 2026-11-24\n"
            "met:\n"
            "  - Daan Kuiper, Sales Team Lead\n"
            "  - name: Sophie\n"
            "    role: Recruiter\n"
            "learned: [a, b]\n"
            "answered: [team]\n")
    notes = load_notes(tmp_path, text, name="notes.yaml")
    assert notes.date == dt.date(2026, 11, 24)
    assert [(p.name, p.role) for p in notes.met] == [("Daan Kuiper", "Sales Team Lead"), ("Sophie", "Recruiter")]
    assert notes.learned == ["a", "b"]
    assert notes.answered == ["team"]


def test_yaml_notes_errors_are_located(tmp_path: Path) -> None:
    text = "learned:\n  - a\nanswered:\n  - team\n  - salary\nwent_wel:\n  - b\n"
    found = notes_problems(tmp_path, text, name="notes.yaml")
    assert sorted((p.line, p.field) for p in found) == [(5, "answered[2]"), (6, "went_wel")]
    messages = " | ".join(p.message for p in found)
    assert "'feedback'" in messages and "did you mean 'went_well'?" in messages


def test_yaml_notes_inside_the_profile(tmp_path: Path) -> None:
    profile = write(tmp_path, "profile.yaml", PROFILE + INLINE_NOTES)
    inputs = load_inputs(profile)
    assert inputs.notes is not None and inputs.notes.learned == ["from the profile itself"]
    assert inputs.notes_path is None


def test_bad_answered_id_inside_the_profile(tmp_path: Path) -> None:
    text = PROFILE + "first_interview_notes:\n  answered:\n    - team\n    - bogus\n"
    profile = write(tmp_path, "profile.yaml", text)
    with pytest.raises(InputError) as info:
        load_inputs(profile)
    [problem] = info.value.problems
    assert (problem.line, problem.field) == (12, "first_interview_notes.answered[2]")
    assert "'bogus'" in problem.message and "'feedback'" in problem.message


# ----------------------------------------------------------------------------- where notes are found


def test_notes_option_beats_notes_inside_the_profile_and_beside_it(tmp_path: Path) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE + INLINE_NOTES)
    write(tmp_path, "sam.notes.md", "## Learned\n- from beside the profile\n")
    chosen = write(tmp_path, "chosen.md", "## Learned\n- from --notes\n")
    inputs = load_inputs(profile, chosen)
    assert inputs.notes is not None and inputs.notes.learned == ["from --notes"]
    assert inputs.notes_path == chosen


def test_notes_inside_the_profile_beat_a_file_beside_it(tmp_path: Path) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE + INLINE_NOTES)
    write(tmp_path, "sam.notes.md", "## Learned\n- from beside the profile\n")
    inputs = load_inputs(profile)
    assert inputs.notes is not None and inputs.notes.learned == ["from the profile itself"]
    assert inputs.notes_path is None


@pytest.mark.parametrize("name, text", [
    ("sam.notes.md", "## Learned\n- from beside the profile\n"),
    ("sam.notes.yaml", "learned:\n  - from beside the profile\n"),
])
def test_notes_file_beside_the_profile(tmp_path: Path, name: str, text: str) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE)
    beside = write(tmp_path, name, text)
    inputs = load_inputs(profile)
    assert inputs.notes is not None and inputs.notes.learned == ["from beside the profile"]
    assert inputs.notes_path == beside


def test_notes_md_beside_beats_notes_yaml_beside(tmp_path: Path) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE)
    write(tmp_path, "sam.notes.yaml", "learned:\n  - yaml\n")
    write(tmp_path, "sam.notes.md", "## Learned\n- markdown\n")
    inputs = load_inputs(profile)
    assert inputs.notes is not None and inputs.notes.learned == ["markdown"]


def test_notes_of_another_profile_are_not_used(tmp_path: Path) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE)
    write(tmp_path, "other.notes.md", "## Learned\n- not mine\n")
    write(tmp_path, "notes.md", "## Learned\n- not named after me\n")
    assert load_inputs(profile).notes is None


def test_profile_without_notes_loads_with_notes_none(tmp_path: Path) -> None:
    inputs = load_inputs(write(tmp_path, "sam.yaml", PROFILE))
    assert inputs.notes is None
    assert inputs.notes_path is None


def test_missing_notes_option_file_is_an_error(tmp_path: Path) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE)
    with pytest.raises(InputError) as info:
        load_inputs(profile, tmp_path / "missing.md")
    assert "does not exist" in info.value.problems[0].message


def test_cli_reports_bad_markdown_notes_with_their_line(tmp_path: Path) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE)
    notes = write(tmp_path, "sam.notes.md", "## Learned\n- x\n\n## Already covered\n- feedback\n- nope\n")
    result = subprocess.run([sys.executable, "-m", "generator", "validate", str(profile)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"{notes}:6:1: answered[2]: 'nope' is not allowed")


# ----------------------------------------------------------------------------- dates in the title (issue 14)


def load_with_warnings(tmp_path: Path, markdown: str, lang: str | None = None):
    """The Inputs (notes and warnings) of a valid profile with `markdown` as its notes."""
    profile = write(tmp_path, "profile.yaml", PROFILE)
    return load_inputs(profile, write(tmp_path, "notes.md", markdown), lang)


@pytest.mark.parametrize("title", [
    "# Eerste gesprek 2026-11-19",
    "# Eerste gesprek 19-11-2026",
    "# Eerste gesprek 19/11/2026",
    "# Eerste gesprek 19.11.2026",
    "# Eerste gesprek 19-11-26",
    "# Eerste gesprek op 19 november 2026",
    "# Eerste gesprek, 19 nov 2026",
    "# Eerste gesprek 19 nov. 2026",
    "# Eerste gesprek 19e november 2026",
    "# First interview 19 November 2026",
    "# First interview, November 19, 2026",
    "# First interview 19th Nov 2026",
    "# Gesprek donderdag 19 NOVEMBER 2026 om 10.30",
])
def test_title_dates_in_common_forms_are_read(tmp_path: Path, title: str) -> None:
    inputs = load_with_warnings(tmp_path, f"{title}\n## Geleerd\n- iets\n")
    assert inputs.notes is not None and inputs.notes.date == dt.date(2026, 11, 19)
    assert inputs.warnings == []


@pytest.mark.parametrize("title, message", [
    ("# Eerste gesprek 31-02-2026", "'31-02-2026' is not a real date: February 2026 has only 28 days, "
                                    "so there is no day 31"),
    ("# Eerste gesprek 30 februari 2026", "'30 februari 2026' is not a real date: February 2026 has only 28 days"),
    ("# First interview 11/19/2026", "'11/19/2026' is not a real date: there is no month 19; did you mean 2026-11-19?"),
    ("# First interview 2026-19-11", "there is no month 19; did you mean 2026-11-19?"),
])
def test_title_date_that_cannot_exist_is_refused_at_its_line(tmp_path: Path, title: str, message: str) -> None:
    profile = write(tmp_path, "profile.yaml", PROFILE)
    notes = write(tmp_path, "notes.md", f"<!-- notes -->\n{title}\n## Learned\n- x\n")
    with pytest.raises(InputError) as info:
        load_inputs(profile, notes)
    [problem] = info.value.problems
    assert (problem.file, problem.line, problem.column, problem.field) == (notes, 2, 1, "date")
    assert message in problem.message


def test_title_date_without_a_year_is_a_warning_not_silence(tmp_path: Path) -> None:
    inputs = load_with_warnings(tmp_path, "# Eerste gesprek 19-11\n## Geleerd\n- iets\n", "nl")
    assert inputs.notes is not None and inputs.notes.date is None
    [warning] = inputs.warnings
    assert (warning.line, warning.field) == (1, "date")
    assert warning.message.startswith("in de titel staat '19-11' zonder jaartal")


def test_title_without_a_date_gives_no_warning(tmp_path: Path) -> None:
    inputs = load_with_warnings(tmp_path, "# Eerste gesprek bij Acme, ronde 1\n## Geleerd\n- iets\n")
    assert inputs.notes is not None and inputs.notes.date is None
    assert inputs.warnings == []


def test_yaml_notes_date_in_another_form_is_refused_with_the_form_to_use(tmp_path: Path) -> None:
    found = notes_problems(tmp_path, "date: 19-11-2026\nlearned: [x]\n", name="notes.yaml")
    assert [(p.line, p.field) for p in found] == [(1, "date")]
    assert found[0].message == "'19-11-2026' is not written as YYYY-MM-DD; write it as 2026-11-19"


# ----------------------------------------------------------------------------- unknown headings (issue 14)


@pytest.mark.parametrize("heading, hint, lang, start", [
    ("Wat ik heb geleerd", "'## Geleerd'", "nl", "'## Wat ik heb geleerd' is geen kopje dat prep-pack kent"),
    ("Geleerd vandaag", "'## Geleerd'", "nl", "'## Geleerd vandaag' is geen kopje"),
    ("Open vraag", "'## Open vragen'", "nl", "'## Open vraag' is geen kopje"),
    ("What I have learned", "'## Learned'", "en", "'## What I have learned' is not a heading prep-pack knows"),
    ("Went wel", "'## Went well'", "en", "'## Went wel' is not a heading"),
])
def test_a_heading_like_a_known_one_is_kept_and_warned_about(tmp_path: Path, heading: str, hint: str, lang: str,
                                                            start: str) -> None:
    inputs = load_with_warnings(tmp_path, f"# Notes 2026-11-19\n\n## {heading}\n- a fact\n", lang)
    assert inputs.notes is not None and inputs.notes.other == {heading: ["a fact"]}  # kept, shown as free notes
    [warning] = inputs.warnings
    assert (warning.file.name, warning.line, warning.column) == ("notes.md", 3, 1)
    assert warning.message.startswith(start) and hint in warning.message
    assert str(warning).startswith(f"{warning.file}:3:1: ")


def test_a_heading_unlike_any_known_one_is_kept_without_a_warning(tmp_path: Path) -> None:
    """'## Overig' or '## Parkeren' is a free-notes section on purpose (docs: kept under `other`)."""
    inputs = load_with_warnings(tmp_path, "## Overig\n- parkeren achter\n## Parkeren\n- P2\n")
    assert inputs.notes is not None and set(inputs.notes.other) == {"Overig", "Parkeren"}
    assert inputs.warnings == []


def test_validate_prints_warnings_and_still_exits_0(tmp_path: Path) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE.replace("language: en", "language: nl"))
    notes = write(tmp_path, "sam.notes.md", "# Eerste gesprek 19-11-2026\n## Wat ik heb geleerd\n- iets\n")
    result = subprocess.run([sys.executable, "-m", "generator", "validate", str(profile)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (f"waarschuwing: {notes}:2:1: '## Wat ik heb geleerd' is geen kopje dat prep-pack kent, "
                             "dus de punten eronder komen bij de overige aantekeningen, onder dat kopje; "
                             "bedoel je '## Geleerd'?\n")
    assert result.stdout.startswith(f"{profile}: OK")
    english = subprocess.run([sys.executable, "-m", "generator", "validate", str(profile), "--lang", "en"],
                             capture_output=True, text=True, timeout=60)
    assert english.returncode == 0 and english.stderr.startswith(f"warning: {notes}:2:1: '## Wat ik heb geleerd' "
                                                                 "is not a heading prep-pack knows")


def test_generate_prints_notes_warnings_on_stderr(tmp_path: Path) -> None:
    profile = write(tmp_path, "sam.yaml", PROFILE)
    write(tmp_path, "sam.notes.md", "# First interview 2026-11-19\n## What I have learned\n- a fact\n")
    result = subprocess.run([sys.executable, "-m", "generator", "generate", str(profile), "-o", str(tmp_path / "out"),
                             "--format", "html", "--today", "2026-11-26"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "warning: " in result.stderr and "'## What I have learned'" in result.stderr
    assert "a fact" in (tmp_path / "out" / "test-person_acme.html").read_text("utf-8")


def test_batch_puts_notes_warnings_in_the_report_row(tmp_path: Path) -> None:

    folder = tmp_path / "in"
    folder.mkdir()
    write(folder, "sam.yaml", PROFILE)
    write(folder, "sam.notes.md", "# First interview 2026-11-19\n## What I have learned\n- a fact\n")
    result = subprocess.run([sys.executable, "-m", "generator", "batch", str(folder), "-o", str(tmp_path / "out"),
                             "--format", "html", "--workers", "1", "--today", "2026-11-26"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    [row] = read_csv(tmp_path / "out" / "report.csv")
    assert row["status"] == "ok"
    assert f"warning: {folder / 'sam.notes.md'}:2:1: '## What I have learned' is not a heading" in row["error"]


def test_markdown_notes_have_the_same_bound_as_yaml(tmp_path):
    """A quarter of a million bullets would validate and then never finish as a Word file."""
    from generator.errors import InputError
    from generator.validate import load_notes

    path = tmp_path / "n.notes.md"
    path.write_text("# Eerste gesprek 2026-11-19\n\n## Geleerd\n\n" + "- x\n" * 25_001, "utf-8")
    with pytest.raises(InputError) as caught:
        load_notes(path)
    assert "more than 25,000 values" in str(caught.value.in_language("en")) and caught.value.problems[0].line
