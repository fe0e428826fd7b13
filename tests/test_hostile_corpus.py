"""Hostile and broken input (issue 6): a corpus of bad files, each refused with a located message.

Every file in `tests/data/bad/` is one kind of bad input; `EXPECTED` below says where the problem
must be reported and what the user must read. Each file goes through three doors:
`load_inputs` (in-process), `prep-pack validate`, `prep-pack generate` and `prep-pack batch`.
The file over 1 MiB is made at test time, so the repository stays small.

Also here: YAML 1.2 pitfalls that must *not* be errors, the Big List of Naughty Strings through
every free-text field of the view model, HTML and DOCX, and hostile output names.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.errors import InputError, Problem
from generator.messages import has
from generator.notes import is_notes_file
from generator.validate import load_inputs
from generator.yamlload import WHOLE_FILE
from tests.conftest import TODAY, csv_number, read_csv, render

CORPUS = Path(__file__).parent / "data" / "bad"
BLNS = Path(__file__).parent / "data" / "blns.json"
BIG = "over-1mib.yaml"
MANY = "many-values.yaml"
GENERATED = (BIG, MANY)


@dataclass(frozen=True)
class Bad:
    """Where a problem must be reported and what it must say, in English and in Dutch."""

    line: int
    field: str     # the field path; "" only for a problem with the file as a whole (WHOLE_FILE)
    en: str        # a substring of the English message
    nl: str        # a substring of the Dutch message
    file: str = ""  # the file named in the message, when not the profile itself (a notes file)
    default: str = "en"  # the language of the messages without --lang: the profile's own, else nl

    def message(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


ROLE = "application.role"
DATE = "application.second_interview.date"
SALARY = "offers[1].monthly_salary"
DEEP = "candidate.pitch." + ".".join(f"k{i}" for i in range(31))
EXPECTED: dict[str, Bad] = {
    # YAML syntax: the field is the one the broken line belongs to
    "unclosed-double-quote.yaml": Bad(8, ROLE, 'the quote opened on line 8 is never closed; add the closing "',
                                      'het aanhalingsteken dat op regel 8 opent, wordt nergens gesloten'),
    "unclosed-single-quote.yaml": Bad(8, ROLE, "the quote opened on line 8 is never closed; add the closing '",
                                      "sluit de tekst af met '"),
    "tab-indentation.yaml": Bad(8, ROLE, "a tab character is used for indentation; YAML needs spaces",
                                "hier wordt met een tab ingesprongen; YAML accepteert alleen spaties"),
    "bad-indentation.yaml": Bad(8, ROLE, "or check the indentation", "of controleer het inspringen"),
    "bad-indentation-dedent.yaml": Bad(8, ROLE, "the indentation or structure is off here",
                                       "het inspringen of de opbouw klopt hier niet"),
    "duplicate-key.yaml": Bad(9, ROLE, "the key 'role' appears twice here; keep one",
                              "het veld 'role' staat hier twee keer; laat er één staan"),
    "complex-key.yaml": Bad(9, "application", "a key must be a plain word, not a list or a block",
                            "een veldnaam moet een gewoon woord zijn, geen lijst of blok"),
    "empty-key.yaml": Bad(9, "application", "a key is missing here: write its name before the ':'",
                          "hier ontbreekt een veldnaam: schrijf de naam vóór de ':'"),
    # the shape of the file: problems with the file as a whole, which has no field
    "empty.yaml": Bad(1, "", "the profile is empty; start from the example that `prep-pack init` writes",
                      "het profiel is leeg", default="nl"),
    "only-comments.yaml": Bad(1, "", "the profile is empty", "het profiel is leeg", default="nl"),
    "top-level-list.yaml": Bad(1, "", "the profile holds a list; it must be keys and values such as 'candidate:'",
                               "het profiel bevat een lijst", default="nl"),
    "binary.yaml": Bad(3, "", "this looks like a binary file (an image, a Word document ...), not a text profile",
                       "dit lijkt een binair bestand", default="nl"),
    "latin-1.yaml": Bad(8, ROLE, "the file is not UTF-8 text; save it as UTF-8 in your editor",
                        "dit bestand is niet als UTF-8 opgeslagen"),
    "utf-16.yaml": Bad(1, "", "the file is not UTF-8 text but UTF-16", "als UTF-16 opgeslagen", default="nl"),
    BIG: Bad(1, "", "at most 1 MiB (1,048,576 bytes) is accepted", "hoogstens 1 MiB (1.048.576 bytes)"),
    MANY: Bad(24_981, "", "the file holds more than 25,000 values; a profile needs far fewer",
              "het bestand bevat meer dan 25.000 waarden"),
    # values
    "impossible-date.yaml": Bad(10, DATE, "'2026-02-30' is not a real date: February 2026 has only 28 days",
                                "'2026-02-30' is geen bestaande datum: februari 2026 heeft maar 28 dagen"),
    "date-as-number.yaml": Bad(10, DATE, "'20261203' is not written as YYYY-MM-DD; write it as 2026-12-03",
                               "'20261203' staat niet in de vorm JJJJ-MM-DD; schrijf 2026-12-03"),
    "date-year-9999.yaml": Bad(10, DATE, "'9999-12-31' is out of range; use a year from 1900 to 2999",
                               "'9999-12-31' valt buiten het bereik; gebruik een jaar van 1900 tot en met 2999"),
    "list-for-text.yaml": Bad(8, ROLE, "must be text, not a list or a block", "moet tekst zijn, geen lijst of blok"),
    "text-for-number.yaml": Bad(15, SALARY, "'lots' is not a number", "'lots' is geen getal"),
    "money-nan.yaml": Bad(15, SALARY, "'nan' is not a number", "'nan' is geen gewoon getal"),
    "money-fraction-of-a-cent.yaml": Bad(15, SALARY, "'0.001' has more than two decimals; write money in whole cents",
                                         "'0.001' heeft meer dan twee cijfers achter de punt"),
    "negative-salary.yaml": Bad(15, SALARY, "'-3000' is too small; it must be at least 0",
                                "'-3000' is te klein; het moet minstens 0 zijn"),
    "hours-per-week-200.yaml": Bad(16, "offers[1].hours_per_week", "'200' is too large; it must be at most 80",
                                   "'200' is te groot; het mag hoogstens 80 zijn"),
    "thousands-separator.yaml": Bad(15, SALARY, "write '4.300' without a thousands separator, e.g. 4300",
                                    "schrijf '4.300' zonder scheidingsteken voor de duizendtallen, dus 4300"),
    "unknown-assessment-kind.yaml": Bad(13, "application.second_interview.assessment.kind",
                                        "'dance' is not allowed; use one of: 'case', 'presentation'",
                                        "'dance' is geen geldige keuze; mogelijk zijn 'case', 'presentation'"),
    "unknown-language.yaml": Bad(1, "language", "'de' is not allowed; use one of: 'nl' or 'en'",
                                 "'de' is geen geldige keuze; mogelijk zijn 'nl' of 'en'", default="nl"),
    "unknown-key.yaml": Bad(4, "candidate.emial", "unknown key 'emial'; did you mean 'email'?",
                            "onbekend veld 'emial'; bedoel je 'email'?"),
    "notes-unknown-answered.yaml": Bad(10, "answered[2]", "'salary' is not allowed; use one of: 'feedback'",
                                       "'salary' is geen geldige keuze; mogelijk zijn 'feedback'",
                                       file="notes-unknown-answered.notes.md"),
    # attacks
    "billion-laughs.yaml": Bad(2, "a", "anchors and aliases (&name / *name) are not accepted",
                               "ankers en verwijzingen (&naam / *naam) zijn niet toegestaan", default="nl"),
    "python-object-apply.yaml": Bad(8, ROLE, "the tag '!!python/object/apply:os.system' is not accepted: "
                                             "it would build a Python object",
                                    "de tag '!!python/object/apply:os.system' is niet toegestaan"),
    "python-name.yaml": Bad(8, ROLE, "the tag '!!python/name:os.system' is not accepted",
                            "de tag '!!python/name:os.system' is niet toegestaan"),
    "deep-nesting.yaml": Bad(34, DEEP, "nested more than 32 levels deep", "meer dan 32 niveaus diep genest",
                             default="nl"),
}
LANGS = ("en", "nl")
SLOW_ATTACKS = ("billion-laughs.yaml", BIG, MANY)


def prep_pack(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed `prep-pack` (or `python -m generator` when it is not on PATH)."""
    exe = shutil.which("prep-pack", path=str(Path(sys.executable).parent)) or shutil.which("prep-pack")
    command = [exe] if exe else [sys.executable, "-m", "generator"]
    return subprocess.run([*command, *map(str, args)], capture_output=True, text=True, timeout=120, cwd=cwd)


def valid_profile(name: str) -> str:
    """A valid profile (the unknown-key case with the typo fixed) for a candidate called `name`."""
    text = (CORPUS / "unknown-key.yaml").read_text("utf-8").replace("emial", "email")
    return text.replace("name: Unknown Key", f"name: {name}")


def big_profile(path: Path) -> Path:
    """A valid profile padded with a comment to just over 1 MiB."""
    path.write_text(valid_profile("Over One Mib") + "# " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    return path


def many_values(path: Path) -> Path:
    """A valid profile under 1 MiB with a quarter of a million questions (slow to parse, if parsed)."""
    path.write_text(valid_profile("Many Values") + "questions:\n" + "- x\n" * 250_000, encoding="utf-8")
    assert path.stat().st_size < 1024 * 1024
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The corpus copied to a temporary folder, plus the file over 1 MiB."""
    folder = tmp_path_factory.mktemp("bad")
    for path in CORPUS.iterdir():
        shutil.copy(path, folder / path.name)
    big_profile(folder / BIG)
    many_values(folder / MANY)
    return folder


def named_file(bad: Bad, name: str) -> str:
    """The file the message must name: the profile, or its notes file."""
    return bad.file or name


def test_the_manifest_covers_the_whole_corpus() -> None:
    profiles = {p.name for p in CORPUS.iterdir() if not is_notes_file(p)}
    assert profiles | set(GENERATED) == set(EXPECTED), "every corpus file needs an entry in EXPECTED, and back"
    assert len(EXPECTED) >= 30


def only_problem(path: Path, lang: str | None) -> Problem:
    with pytest.raises(InputError) as info:
        load_inputs(path, None, lang)
    assert len(info.value.problems) == 1, "\n".join(map(str, info.value.problems))
    return info.value.problems[0]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_inputs_reports_one_located_problem(corpus: Path, name: str, lang: str) -> None:
    bad = EXPECTED[name]
    problem = only_problem(corpus / name, lang)
    assert problem.file.name == named_file(bad, name)
    assert problem.line == bad.line, str(problem)
    assert problem.column is not None and problem.column >= 1, str(problem)
    assert problem.field == bad.field, str(problem)
    assert bad.message(lang) in problem.message, str(problem)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_message_names_file_line_column_and_field_in_dutch_and_english(corpus: Path, name: str) -> None:
    """Issue 14: each message exists in both languages (from the catalogues, fully filled in) and is located
    as `file:line:column: field: message`; only a problem with the file as a whole has no field."""
    english, dutch = only_problem(corpus / name, "en"), only_problem(corpus / name, "nl")
    for code in LANGS:
        assert has(english.key, code), f"{english.key} is missing in {code}"
    assert english.message != dutch.message
    for problem in (english, dutch):
        assert not re.search(r"\{\w+(:\w+)?\}", problem.message), problem.message
        assert problem.line == EXPECTED[name].line and problem.column
        assert bool(problem.field) != (problem.key in WHOLE_FILE), str(problem)
        where = f"{problem.file}:{problem.line}:{problem.column}: "
        assert str(problem) == where + (f"{problem.field}: " if problem.field else "") + problem.message


def test_only_problems_with_the_whole_file_have_no_field() -> None:
    assert {name for name, bad in EXPECTED.items() if not bad.field} == {
        "empty.yaml", "only-comments.yaml", "top-level-list.yaml", "binary.yaml", "utf-16.yaml", BIG, MANY}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_without_lang_messages_are_in_the_profiles_language_else_dutch(corpus: Path, name: str) -> None:
    problem = only_problem(corpus / name, None)
    assert (problem.lang or "nl") == EXPECTED[name].default, str(problem)


@pytest.mark.parametrize("name", SLOW_ATTACKS)
def test_size_attacks_are_refused_within_a_second_or_two(corpus: Path, name: str) -> None:
    started = time.perf_counter()
    with pytest.raises(InputError):
        load_inputs(corpus / name)
    assert time.perf_counter() - started < 2.0
    started = time.perf_counter()
    result = prep_pack("validate", corpus / name)
    assert result.returncode == 2
    assert time.perf_counter() - started < 5.0, "the command (start-up included) took too long"


def test_python_tags_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    for name in ("python-object-apply.yaml", "python-name.yaml"):
        text = (CORPUS / name).read_text("utf-8").replace("echo hi", f"touch {marker}")
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        for door in (("validate", path), ("generate", path, "-o", tmp_path / "out", "--format", "html")):
            result = prep_pack(*door)
            assert result.returncode == 2 and "not accepted" in result.stderr
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


def assert_reported(stderr: str, folder: Path, name: str, lang: str | None = None) -> None:
    """stderr holds `file:line:column: field: message` for this corpus file, and no traceback."""
    bad = EXPECTED[name]
    assert "Traceback" not in stderr
    file = str(folder / named_file(bad, name))
    lines = [line for line in stderr.splitlines() if line.startswith(f"{file}:{bad.line}:")]
    assert len(lines) == 1, f"no line starting with {file}:{bad.line}: in\n{stderr}"
    assert (f": {bad.field}: " if bad.field else ": ") in lines[0]
    assert bad.message(lang or bad.default) in lines[0], lines[0]


SUMMARY = {"en": "1 problem found.", "nl": "1 probleem gevonden."}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_command(corpus: Path, name: str) -> None:
    """The real command, without --lang: the messages are in the profile's language, else Dutch."""
    result = prep_pack("validate", corpus / name)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert_reported(result.stderr, corpus, name)
    assert result.stderr.rstrip().endswith(SUMMARY[EXPECTED[name].default])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_validate_command_with_lang(corpus: Path, name: str, lang: str) -> None:
    """`validate --lang` (in this process, for speed): every message and the count in that language."""
    from click.testing import CliRunner

    from generator.cli import cli

    result = CliRunner().invoke(cli, ["validate", str(corpus / name), "--lang", lang])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert_reported(result.stderr, corpus, name, lang)
    assert result.stderr.rstrip().endswith(SUMMARY[lang])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_generate_command_writes_nothing(corpus: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "out"
    result = prep_pack("generate", corpus / name, "-o", out, "--format", "html", "--today", TODAY.isoformat())
    assert result.returncode == 2, result.stdout + result.stderr
    assert_reported(result.stderr, corpus, name)
    assert not out.exists() or not any(out.rglob("*")), sorted(out.rglob("*"))


def test_batch_command_reports_every_bad_profile(corpus: Path, tmp_path: Path) -> None:
    """One row per profile in report.csv; a bad profile fails with the validate message
    and never stops the others; exit status 1 when any failed."""
    folder = tmp_path / "in"
    shutil.copytree(corpus, folder)
    (folder / "good.yaml").write_text(valid_profile("Good Person"), encoding="utf-8")
    out = tmp_path / "out"
    result = prep_pack("batch", folder, "-o", out, "--format", "html", "--today", TODAY.isoformat(),
                       "--workers", "2")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    found = read_csv(out / "report.csv")
    assert list(found[0]) == ["profile", "slug", "status", "error", "seconds"]
    rows = {Path(row["profile"]).name: row for row in found}
    assert set(rows) == set(EXPECTED) | {"good.yaml"}
    assert rows["good.yaml"]["status"] == "ok", rows["good.yaml"]
    for name, bad in EXPECTED.items():
        row = rows[name]
        assert row["status"] == "failed", row
        assert "\n" not in row["error"] and "Traceback" not in row["error"], row
        assert f"{named_file(bad, name)}:{bad.line}:" in row["error"], row
        assert bad.field in row["error"] and bad.message(bad.default) in row["error"], row
        csv_number(row["seconds"])
    written = {p.relative_to(out) for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")}
    assert written == {Path("report.csv"), Path("overview.html"), Path("overview.csv"),
                       Path("good-person_acme/good-person_acme.html")}, written


def test_batch_a_bad_profile_never_takes_the_pack_name_of_a_good_one(tmp_path: Path) -> None:
    """One bad profile never stops the others. A profile that fails validation makes no
    pack, so it must not claim its pack name and fail a later valid profile with the same name."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-draft.yaml").write_text(valid_profile("Sam Same").replace("2026-12-03", "2026-02-30"), "utf-8")
    (folder / "b-final.yaml").write_text(valid_profile("Sam Same"), encoding="utf-8")
    out = tmp_path / "out"
    result = prep_pack("batch", folder, "-o", out, "--format", "html", "--today", TODAY.isoformat(),
                       "--workers", "1")
    assert result.returncode == 1, result.stdout + result.stderr
    rows = {Path(row["profile"]).name: row for row in read_csv(out / "report.csv")}
    assert rows["a-draft.yaml"]["status"] == "failed"
    assert "'2026-02-30' is not a real date" in rows["a-draft.yaml"]["error"], rows["a-draft.yaml"]
    assert rows["b-final.yaml"]["status"] == "ok", rows["b-final.yaml"]
    assert (out / "sam-same_acme" / "sam-same_acme.html").is_file()


# ----------------------------------------------------------------------------- YAML 1.2 pitfalls

PITFALLS = """\
language: en
candidate:
  name: Test Person
  phone: 0612345678
  current_role: no
  strengths: [yes, no, on, off, 0612345678, 1e3, 0x1F, 1_000, 12:30, ~text, .inf]
application:
  company: No
  role: on
  sector: yes
  second_interview:
    date: 2026-12-03
    time: 09:05
    location: 01234 Groningen
    interviewers:
      - name: Off
        role: 007
        met_before: yes
questions: [no, 010]
offers:
  - name: 01234
    monthly_salary: 0300
    hours_per_week: 036
    holiday_days: 025
"""


def test_yaml_1_2_pitfalls_keep_text_as_written(tmp_path: Path) -> None:
    path = tmp_path / "pitfalls.yaml"
    path.write_text(PITFALLS, encoding="utf-8")
    profile = load_inputs(path).profile
    assert profile.candidate.phone == "0612345678"
    assert profile.candidate.current_role == "no"
    assert profile.candidate.strengths == ["yes", "no", "on", "off", "0612345678", "1e3", "0x1F", "1_000",
                                           "12:30", "~text", ".inf"]
    interview = profile.application.second_interview
    assert (profile.application.company, profile.application.role, profile.application.sector) == ("No", "on", "yes")
    assert interview.time == dt.time(9, 5)
    assert interview.location == "01234 Groningen"
    assert interview.interviewers[0].name == "Off" and interview.interviewers[0].role == "007"
    assert interview.interviewers[0].met_before is True
    assert profile.questions == ["no", "010"]
    offer = profile.offers[0]
    assert offer.name == "01234"  # not the octal number 668, not 1234
    assert (offer.monthly_salary, offer.hours_per_week, offer.holiday_days) == (300, 36, 25)

    html = render(path, tmp_path / "out", formats=("html",)).html
    for shown in ("01234 Groningen", 'data-offer="01234"', ">0612345678", "12:30", "0x1F", 'data-interviewer="Off"'):
        assert shown in html, shown
    assert "test-person_no.html" in {p.name for p in (tmp_path / "out").iterdir()}


# ----------------------------------------------------------------------------- naughty strings everywhere


def _blns() -> list[str]:
    from generator.yamlload import clean_text

    strings = json.loads(BLNS.read_text(encoding="utf-8"))
    assert len(strings) == 515
    kept = []
    for text in strings:
        text = clean_text(text).strip()
        if text and text not in kept:
            kept.append(text)
    return kept


def _dump(data: object) -> str:
    import io

    from ruamel.yaml import YAML

    dumper = YAML(typ="safe", pure=True)
    dumper.allow_unicode = True
    dumper.default_flow_style = False
    dumper.width = 1_000_000  # no folding: see test_validate.py
    dumper.representer.ignore_aliases = lambda _data: True  # we refuse aliases; write each list out
    stream = io.StringIO()
    dumper.dump(data, stream)
    return stream.getvalue()


SLOTS = ("strengths", "weaknesses", "interviewers", "assessment", "stories", "questions", "priorities",
         "equipment", "remarks", "offers", "met", "learned", "went_well", "could_improve", "open_questions",
         "other", "pitch", "location")


def _naughty_profile(strings: list[str], spread: bool) -> dict:
    """One profile that carries every string in every free-text field (or, with `spread`, every
    string in one of the fields, which keeps the document small enough for a quick DOCX).

    Fields that hold one text (an interviewer's role, a story part) get one person or story per
    string. The skills matrix and the offer chart are kept small.
    """
    def slot(name: str) -> list[str]:
        return strings[SLOTS.index(name)::len(SLOTS)] if spread else strings

    chunks = [chunk for chunk in (slot("offers")[j::12] for j in range(12)) if chunk]  # names unique when casefolded
    offers = [{"name": f"{j} {chunk[0]}", "current": j == 0, "monthly_salary": 3000 + j, "hours_per_week": 36,
               "holiday_days": 25, "remarks": chunk} for j, chunk in enumerate(chunks)]
    offers[0].update(equipment=slot("equipment"), remarks=chunks[0] + slot("remarks"))
    return {
        "language": "nl" if spread else "en",
        "candidate": {"name": strings[0], "email": "kandidaat@example.nl", "phone": strings[2],
                      "current_role": strings[3],
                      "pitch": "\n".join(slot("pitch")), "strengths": slot("strengths"),
                      "weaknesses": slot("weaknesses")},
        "application": {
            "company": strings[4], "role": strings[5], "sector": strings[6], "vacancy_url": strings[7],
            "required_skills": strings[:12],
            "second_interview": {
                "date": "2026-12-10", "time": "14:00", "location": " / ".join(slot("location")[:40]),
                "interviewers": [{"name": s, "role": s, "met_before": i % 2 == 0}
                                 for i, s in enumerate(slot("interviewers"))],
                "assessment": {"kind": "presentation", "description": "\n".join(slot("assessment"))},
            },
        },
        "stories": [{"title": s, "skills": [strings[i % 12]], "situation": s, "task": s, "action": s,
                     "result": s, "reflection": s} for i, s in enumerate(slot("stories"))],
        "questions": slot("questions"),
        "salary": {"currency": "EUR", "desired_monthly": 4000, "minimum_monthly": 3500,
                   "priorities": slot("priorities")},
        "offers": offers,
        "first_interview_notes": {
            "date": "2026-11-20",
            "met": [{"name": s, "role": s} for s in slot("met")],
            "learned": slot("learned"), "went_well": slot("went_well"), "could_improve": slot("could_improve"),
            "open_questions": slot("open_questions"),
            "other": {heading: slot("other") for heading in strings[10:13]},
        },
    }


def _chunks(strings: list[str], size: int) -> list[list[str]]:
    """The strings in as few groups of at most `size` as it takes (a profile's lists are capped)."""
    count = -(-len(strings) // size)
    return [strings[i::count] for i in range(count)]


@pytest.fixture(scope="module")
def naughty(tmp_path_factory):
    """(strings, packs with every string in every field as HTML, packs with every string somewhere
    as HTML and DOCX). A profile holds at most 20 people, so the strings take several profiles."""
    from generator.fieldtypes import PEOPLE

    strings = _blns()
    folder = tmp_path_factory.mktemp("naughty")
    made: dict[bool, list] = {False: [], True: []}
    for spread, size, formats in ((False, PEOPLE, ("html",)), (True, PEOPLE * len(SLOTS) // 2, ("html", "docx"))):
        for number, chunk in enumerate(_chunks(strings, size)):
            name = f"{'spread' if spread else 'full'}-{number}"
            path = folder / f"{name}.yaml"
            path.write_text(_dump(_naughty_profile(chunk, spread)), encoding="utf-8")
            made[spread].append(render(path, folder / name, formats=formats))
    return strings, made[False], made[True]


def test_naughty_strings_are_shown_literally_in_html(naughty) -> None:
    from markupsafe import escape

    strings, full, spread = naughty
    for packs in (full, spread):
        html = "".join(pack.html for pack in packs)
        missing = [s for s in strings if str(escape(s)).replace("\n", "<br>") not in html]
        assert not missing, f"{len(missing)} strings not shown literally, e.g. {missing[:5]!r}"
    # each field of the full profiles shows every string: spot-check a few fields by their markers
    assert sum(pack.html.count("data-interviewer=") for pack in full) >= len(strings)


def test_naughty_strings_add_no_markup(naughty) -> None:
    from tests.conftest import html_tree

    _, full, spread = naughty
    for pack in full + spread:
        elements = html_tree(pack.html)
        tags = {e["tag"] for e in elements}
        assert not tags & {"script", "iframe", "object", "embed", "svg", "math", "form", "input", "link", "base",
                           "frame", "video", "audio", "meta http-equiv"}, tags
        for element in elements:
            for attr, value in element["attrs"].items():
                assert not attr.startswith("on"), (element["tag"], attr)
                if attr == "src":
                    assert (value or "").startswith("data:image/"), (element["tag"], value)
                if attr == "href":
                    assert (value or "").startswith("#"), (element["tag"], value)
        assert sum(e["tag"] == "style" for e in elements) == 1


def test_naughty_strings_are_kept_in_docx(naughty) -> None:
    strings, _, spread = naughty
    text = "".join(pack.docx_text for pack in spread)
    missing = [s for s in strings if s not in text]
    assert not missing, f"{len(missing)} strings lost in the DOCX, e.g. {missing[:5]!r}"


# ----------------------------------------------------------------------------- output names

NAME_TRICKS = [
    ("../../etc", "passwd"),
    ("/etc/passwd", "/tmp/x"),
    ("C:\\Windows\\System32", "..\\..\\evil"),
    ("CON", "NUL"),
    ("aux", "Prn"),
    ("COM1", "lpt9"),
    ("😀🎉", "!!!"),
    ("...", "---"),
]


@pytest.mark.parametrize("candidate, company", NAME_TRICKS)
def test_hostile_names_never_write_outside_the_output_folder(tmp_path: Path, candidate: str, company: str) -> None:
    from generator.slug import pack_slug

    profile = tmp_path / "in" / "p.yaml"
    profile.parent.mkdir()
    profile.write_text(_dump({"candidate": {"name": candidate},
                              "application": {"company": company, "role": "r",
                                              "second_interview": {"date": "2026-12-10"}}}), encoding="utf-8")
    out = tmp_path / "out"
    result = prep_pack("generate", profile, "-o", out, "--format", "html,ics,csv", "--today", TODAY.isoformat(),
                       cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    everything = {p.relative_to(tmp_path) for p in tmp_path.rglob("*")}
    slug = pack_slug(candidate, company)
    bookkeeping = (Path("out/.prep-pack.lock"), Path("out/.prep-pack-owners.json"))  # one writer; whose pack
    assert everything == {Path("in"), Path("in/p.yaml"), Path("out"), *bookkeeping,
                          *(Path("out") / f"{slug}.{ext}" for ext in ("html", "ics", "csv"))}, everything
    assert [Path(line).name for line in result.stdout.split()] == [f"{slug}.{ext}" for ext in ("html", "ics", "csv")]


@pytest.mark.parametrize("candidate, company, expected", [
    ("CON", "NUL", "con-pack_nul-pack"),
    ("aux", "Prn", "aux-pack_prn-pack"),
    ("COM1", "lpt9", "com1-pack_lpt9-pack"),
    ("😀🎉", "!!!", "grinning-tada_pack"),
    ("...", "---", "pack_pack"),
    ("../../etc", "passwd", "etc_passwd"),
    ("Con Air", "Nullable", "con-air_nullable"),  # reserved only as a whole part
    ("COM10", "LPT0", "com10_lpt0"),
])
def test_hostile_names_give_sensible_slugs(candidate: str, company: str, expected: str) -> None:
    from generator.slug import pack_slug

    assert pack_slug(candidate, company) == expected
