"""What the pack says for a given input, checked on the view model (no rendering, so it is fast)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.content.blocks import Card, Heading, Item, ItemList, Pack, Para, Table
from generator.content.build import build_pack
from generator.content.matching import is_assessment_sector, role_kind
from generator.language import load_language
from generator.options import RunOptions
from generator.validate import load_inputs
from tests.conftest import TODAY

BASE = """\
language: {lang}
candidate:
  name: Eva Smit
application:
  company: Voorbeeld B.V.
  role: Adviseur
  sector: {sector}
  required_skills: {skills}
  second_interview:
    date: {date}
    interviewers:
{interviewers}
{extra}
stories:
  - title: Het project
    skills: [Conflicthantering]
    situation: s
    task: t
    action: a
    result: r
    reflection: r
"""


def person(name: str, role: str, met: bool) -> str:
    return f"      - name: {name}\n        role: {role}\n        met_before: {'true' if met else 'false'}\n"


def make(tmp_path: Path, *, lang="nl", sector="retail", skills="[conflicthántering]", date="2026-12-10",
         interviewers=None, extra="", notes: str | None = None, today=TODAY) -> Pack:
    """Write a small profile (and notes) and build its view model as `generate` would."""
    text = BASE.format(lang=lang, sector=sector, skills=skills, date=date, extra=extra,
                       interviewers=interviewers or person("Piet Bos", "HR-adviseur", True))
    profile = tmp_path / "eva.yaml"
    profile.write_text(text, encoding="utf-8")
    if notes is not None:
        (tmp_path / "eva.notes.md").write_text(notes, encoding="utf-8")
    return build_pack(load_inputs(profile, None), options=RunOptions(today=today))


def section(pack: Pack, sid: str):
    return next((s for s in pack.sections if s.id == sid), None)


def texts_of(blocks) -> list[str]:
    """Every visible string in a list of blocks, depth first."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, (Para, Heading)):
            out.append(b.text)
        elif isinstance(b, ItemList):
            out += [f"{i.label} {i.text} {i.note}".strip() for i in b.items]
        elif isinstance(b, Table):
            out += [" ".join(r.cells) for r in b.rows]
        elif isinstance(b, Card):
            out += [b.title, b.subtitle, *texts_of(b.blocks)]
    return out


def items(blocks, attr: str) -> list[Item]:
    found: list[Item] = []
    for b in blocks:
        if isinstance(b, ItemList):
            found += [i for i in b.items if attr in i.attrs]
        elif isinstance(b, Card):
            found += items(b.blocks, attr)
    return found


# --- who you will meet ------------------------------------------------------------------------------

@pytest.mark.parametrize("role, kind", [
    ("HR-adviseur", "hr"), ("Recruiter", "hr"), ("P&O-adviseur", "hr"),
    ("Teamleider", "manager"), ("Hiring Manager", "manager"), ("Leidinggevende", "manager"),
    ("Toekomstige collega", "colleague"), ("Future colleague", "colleague"),
    ("Directeur", "director"), ("Managing Director", "director"), ("CEO", "director"),
    ("Bakker", "other"), ("", "other"),
])
def test_role_is_recognised_in_dutch_and_english(role, kind):
    assert role_kind(role) == kind


def test_each_role_gets_its_own_concerns_and_question(tmp_path):
    people = (person("Anna HR", "HR-adviseur", False) + person("Bram Baas", "Teamleider", False)
              + person("Cor Collega", "Toekomstige collega", False) + person("Dirk Direct", "Directeur", False))
    pack = make(tmp_path, interviewers=people)
    cards = [b for b in section(pack, "interviewers").blocks if isinstance(b, Card)]
    assert [c.title for c in cards] == ["Anna HR", "Bram Baas", "Cor Collega", "Dirk Direct"]
    texts = load_language("nl").texts
    for card, kind in zip(cards, ("hr", "manager", "colleague", "director"), strict=True):
        body = texts_of(card.blocks)
        assert any(texts(f"sections.interviewers.roles.{kind}.ask") in line for line in body)
        assert any(texts(f"sections.interviewers.roles.{kind}.cares") in line for line in body)


def test_met_before_goes_deeper_and_new_faces_get_first_round_topics(tmp_path):
    pack = make(tmp_path, interviewers=person("Oud Bekend", "Teamleider", True) + person("Nieuw Gezicht",
                                                                                        "Collega", False))
    known, new = [b for b in section(pack, "interviewers").blocks if isinstance(b, Card)]
    assert known.attrs == {"data-interviewer": "Oud Bekend", "data-met-before": "true"}
    assert new.attrs == {"data-interviewer": "Nieuw Gezicht", "data-met-before": "false"}
    assert any("STARR" in line for line in texts_of(known.blocks))
    repeat = load_language("nl").texts.list("sections.interviewers.repeat_topics")
    assert all(topic in texts_of(new.blocks) for topic in repeat)
    assert not any(topic in texts_of(known.blocks) for topic in repeat)


@pytest.mark.parametrize("mets, key", [((True, True), "all_met"), ((False, False), "all_new"),
                                       ((True, False), "mixed")])
def test_intro_depends_on_who_was_met_before(tmp_path, mets, key):
    people = "".join(person(f"Persoon {i}", "Collega", met) for i, met in enumerate(mets))
    lead = section(make(tmp_path, interviewers=people), "interviewers").blocks[0]
    assert lead.text == load_language("nl").texts(f"sections.interviewers.{key}")


# --- plan -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("days, key", [(1, "compressed_tomorrow"), (0, "compressed_today"), (-3, "past")])
def test_short_notice_or_past_interview_is_said_in_the_plan(tmp_path, days, key):
    date = TODAY + dt.timedelta(days=days)
    pack = make(tmp_path, date=date.isoformat(), lang="en")
    plan = section(pack, "plan")
    warnings = [b.text for b in plan.blocks if isinstance(b, Para) and b.style == "warning"]
    expected = load_language("en").texts(f"sections.plan.{key}", date="X").split("X")[0]
    assert len(warnings) == 1 and warnings[0].startswith(expected)
    assert [i.attrs["data-date"] for i in items(plan.blocks, "data-step")] == [TODAY.isoformat()] * 6
    assert bool(pack.warnings) == (days < 0)


def test_plan_spread_over_a_year_end(tmp_path):
    pack = make(tmp_path, date="2027-01-05", today=dt.date(2026, 12, 22))
    dates = [i.attrs["data-date"] for i in items(section(pack, "plan").blocks, "data-step")]
    assert dates[0] == "2026-12-22" and dates[-1] == "2027-01-04"
    after = section(pack, "after")
    assert after.attrs == {"data-decision-from": "2027-01-26", "data-decision-to": "2027-02-16"}


# --- stories --------------------------------------------------------------------------------------

def test_skills_match_stories_without_regard_to_case_or_accents(tmp_path):
    pack = make(tmp_path, skills="[CONFLICTHANTERING, conflicthántering, Plannen]")
    table = next(b for b in section(pack, "stories").blocks if isinstance(b, Table))
    assert [r.attrs.get("data-gap-skill") for r in table.rows] == [None, None, "Plannen"]


def test_gap_uses_a_matching_could_improve_point(tmp_path):
    notes = "## Kon beter\n- Mijn antwoord over plannen onder tijdsdruk was vaag\n- Iets anders\n"
    pack = make(tmp_path, skills="[Plannen, Rekenen]", notes=notes)
    blocks = section(pack, "stories").blocks
    tips = [i for i, b in enumerate(blocks) if isinstance(b, Para) and b.style == "tip"]
    assert len(tips) == 1
    linked = blocks[tips[0] + 1]  # the skill and the point as written, each in its own element
    assert isinstance(linked, ItemList)
    assert [(item.label, item.text) for item in linked.items] == [
        ("Plannen", "Mijn antwoord over plannen onder tijdsdruk was vaag")]


# --- assessment -----------------------------------------------------------------------------------

KINDS = ["case", "presentation", "sales_pitch", "test", "work_sample", "job_shadowing",
         "psychological_test", "other"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_assessment_kind_gets_its_own_advice(tmp_path, lang):
    advice = set()
    for kind in KINDS:
        extra = f"    assessment:\n      kind: {kind}\n      description: Tien minuten over onze visie"
        pack = make(tmp_path, lang=lang, extra=extra)
        blocks = section(pack, "assessment").blocks
        assert "Tien minuten over onze visie" in texts_of(blocks)
        tip = next(b.text for b in blocks if isinstance(b, Para) and b.style == "tip")  # the advice by kind
        assert tip == load_language(lang).texts(f"sections.assessment.kinds.{kind}")
        advice.add(tip)
    assert len(advice) == len(KINDS)


def test_no_assessment_section_when_none_is_announced(tmp_path):
    assert section(make(tmp_path), "assessment") is None


# --- questions ------------------------------------------------------------------------------------

def test_questions_come_in_spec_order_without_the_answered_ones(tmp_path):
    notes = ("## Open vragen\n- Hoe ziet de inwerkperiode eruit?\n\n"
             "## Al beantwoord\n- team\n- lunch\n")
    extra = "questions:\n  - Mag ik een dag meelopen?"
    pack = make(tmp_path, notes=notes, extra=extra)
    ids = [i.attrs["data-question-id"] for i in items(section(pack, "questions").blocks, "data-question-id")]
    assert ids == ["feedback", "priorities", "canteen", "workplace", "collaboration", "development",
                   "perception", "personalities", "procedure", "procedure", "procedure", "open", "own"]


# --- after the interview --------------------------------------------------------------------------

@pytest.mark.parametrize("sector, expected", [
    ("zorg", True), ("Gezondheidszorg", True), ("overheid", True), ("Rijksoverheid", True),
    ("Healthcare", True), ("government", True), ("Public Sector", True), ("elderly care", True),
    ("gemeente", True), ("retail", False), ("software", False), ("logistiek", False), ("", False),
])
def test_sector_for_the_final_assessment_note(sector, expected):
    assert is_assessment_sector(sector) is expected


def test_thank_you_names_every_interviewer_and_is_dated(tmp_path):
    people = person("Anna de Wit", "HR", True) + person("Bram Zwart", "Teamleider", False)
    pack = make(tmp_path, interviewers=people, lang="en", date="2026-12-10")
    body = " ".join(texts_of(section(pack, "after").blocks))
    assert "Dear Anna and Bram," in body             # every interviewer, by first name
    assert "Friday 11 December 2026" in body          # thank-you within a day
    assert "Monday 4 January 2027" in body            # decision from: three weeks after is New Year's Eve
    assert "Thursday 28 January 2027" in body         # decision to: six weeks after, and a week more over Christmas


# --- could-improve points become the right action ---------------------------------------------------

@pytest.mark.parametrize("point, kind", [
    ("Mijn antwoord over samenwerken was te lang", "too_long"),
    ("Mijn conflictvoorbeeld bleef vaag", "vague"),
    ("Ik wist niet hoeveel vestigingen ze hebben", "unknown"),
    ("Ik was erg nerveus aan het begin", "nerves"),
    ("Piet twijfelde of ik genoeg ervaring heb", "doubt"),
    ("De koffie was koud", "other"),
    ("I rambled about my first job", "too_long"),
    ("My answer on budgets was vague", "vague"),
    ("Samenwerken (te_lang)", "too_long"),
    ("Budget (twijfel)", "doubt"),
])
def test_each_could_improve_point_gets_the_action_for_its_kind(tmp_path, point, kind):
    pack = make(tmp_path, notes=f"## Kan beter\n- {point}\n")
    texts = load_language("nl").texts
    lists = [b for b in section(pack, "first-round").blocks if isinstance(b, ItemList)]
    action = next(item for block in lists for item in block.items if item.attrs.get("data-improve-kind"))
    assert action.attrs["data-improve-kind"] == kind
    assert action.text == texts(f"sections.first_round.improve_actions.{kind}")
    assert action.label == point.split(" (")[0]  # the note as written, on its own, without the tag


def test_a_kind_can_be_given_in_yaml_notes(tmp_path):
    notes_yaml = "could_improve:\n  - {text: Over de planning, kind: vaag}\n  - Gewoon een punt\n"
    (tmp_path / "eva.notes.yaml").write_text(notes_yaml, encoding="utf-8")
    pack = make(tmp_path)
    kinds = [item.attrs["data-improve-kind"] for block in section(pack, "first-round").blocks
             if isinstance(block, ItemList) for item in block.items if "data-improve-kind" in item.attrs]
    assert kinds == ["vague", "other"]


# --- the pitch and the strengths and weaknesses put to work ---------------------------------------

@pytest.mark.parametrize("words, verdict", [(40, "too_short"), (100, "good_length"), (160, "too_long")])
def test_pitch_length_is_estimated_and_judged(tmp_path, words, verdict):
    pitch = " ".join(["woord"] * words)
    profile = BASE.format(lang="nl", sector="retail", skills="[]", date="2026-12-10", extra="",
                          interviewers=person("Piet Bos", "HR-adviseur", True))
    profile = profile.replace("  name: Eva Smit\n", f"  name: Eva Smit\n  pitch: {pitch}\n")
    (tmp_path / "eva.yaml").write_text(profile, encoding="utf-8")
    pack = build_pack(load_inputs(tmp_path / "eva.yaml", None), options=RunOptions(today=TODAY))
    blocks = section(pack, "pitch").blocks
    quote = next(b for b in blocks if isinstance(b, Para) and "data-pitch-seconds" in b.attrs)
    assert quote.attrs["data-pitch-seconds"] == str(round(words / 130 * 60))
    assert any(isinstance(b, Para) and b.text == load_language("nl").texts(f"sections.pitch.{verdict}")
               for b in blocks)


def test_strengths_are_tied_to_stories_and_weaknesses_to_reflections():
    pack = build_pack(load_inputs(Path(__file__).resolve().parent.parent / "profiles" / "noor-bakker.yaml"),
                      options=RunOptions(today=TODAY))
    items = [item for b in section(pack, "pitch").blocks if isinstance(b, ItemList) for item in b.items]
    by_label = {item.label: item for item in items if item.label}
    assert by_label["Helder schrijven"].note == "Woonvisie met huurders en corporaties"  # proven by a story
    assert by_label["Politiek gevoel"].attrs.get("data-unproven") == "true"  # no story shows it
    assert by_label["Delegeren gaat nog niet vanzelf"].note == "Woonvisie met huurders en corporaties"
    quotes = [b.text for b in section(pack, "pitch").blocks if isinstance(b, Para) and b.style == "quote"]
    assert any("delegeer" in q for q in quotes)  # the reflection itself, ready to use
    assert "data-pitch-seconds" in next(b for b in section(pack, "pitch").blocks
                                        if isinstance(b, Para) and b.style == "quote").attrs


def test_a_thin_profile_summary_makes_no_claim_it_cannot_support():
    """No required skills and no stories: the summary must not say every skill has an example."""
    pack = build_pack(load_inputs(Path(__file__).resolve().parent.parent / "profiles" / "eva-jansen.yaml"),
                      options=RunOptions(today=TODAY))
    texts = load_language("en").texts
    facts = [item for block in pack.summary if isinstance(block, ItemList) for item in block.items]
    assert not [item for item in facts if item.label == texts("summary.gaps")]
    assert texts("summary.no_gaps") not in [item.text for item in facts]
    todo = [item.attrs["data-todo"] for item in facts if "data-todo" in item.attrs]
    assert {"candidate.pitch", "application.required_skills", "stories", "salary.desired_monthly"} <= set(todo)
