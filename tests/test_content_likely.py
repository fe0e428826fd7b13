"""The chapter 'What they will probably ask you': questions drawn from the candidate's own data,
each with the story to answer it, checked on the view model (and rendered to HTML once)."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from generator.content.blocks import Heading, Item, ItemList, Pack
from generator.content.build import build_pack
from generator.content.chapters_likely import IMPROVE_QUESTIONS, job_family
from generator.content.matching import improve_kind, stories_for
from generator.language import load_language
from generator.models import Profile
from generator.options import RunOptions
from generator.render.assets import load_assets
from generator.render.html import pack_html
from generator.validate import Inputs, load_inputs

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
TODAY = dt.date(2026, 11, 26)
ORDER = ("improve", "gap", "interviewer", "role", "assessment", "sector", "notes")
RICH = ("sanne-de-vries", "liam-oconnor", "noor-bakker", "daan-visser")
EXAMPLES = (*RICH, "ahmet-yilmaz", "eva-jansen")


@cache
def inputs_of(name: str) -> Inputs:
    return load_inputs(PROFILES / f"{name}.yaml")


@cache
def example(name: str, lang: str | None = None) -> Pack:
    return build_pack(inputs_of(name), options=RunOptions(today=TODAY, language=lang))


def questions(pack: Pack) -> list[Item]:
    section = next(s for s in pack.sections if s.id == "likely-questions")
    return [item for block in section.blocks if isinstance(block, ItemList) for item in block.items
            if "data-likely-question" in item.attrs]


def our_texts(lang: str) -> set[str]:
    """Every sentence the chapter may use as a question, in one language."""
    def walk(node: Any) -> set[str]:
        if isinstance(node, dict):
            return set().union(set(), *(walk(v) for v in node.values()))
        if isinstance(node, list):
            return set().union(set(), *(walk(v) for v in node))
        return {str(node)}
    return walk(load_language(lang).texts.raw("sections.likely_questions"))


def gaps(profile: Profile) -> list[str]:
    return [s for s in profile.application.required_skills if not stories_for(s, profile.stories)]


def about(q: Item) -> str:
    """What a question is about: its bold label, or the line from the notes quoted in its note."""
    if q.label:
        return q.label
    match = re.search(r"“(.*?)”", q.note)
    return match.group(1) if match else ""


# --- the example profiles ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", RICH)
@pytest.mark.parametrize("lang", [None, "nl", "en"])
def test_rich_examples_get_eight_to_fifteen_questions(name, lang):
    assert 8 <= len(questions(example(name, lang))) <= 15


@pytest.mark.parametrize("name", ["eva-jansen", "ahmet-yilmaz"])
def test_thin_profiles_still_get_some_questions(name):
    found = questions(example(name))
    assert len(found) >= 3
    assert {q.attrs["data-source"] for q in found} >= {"interviewer", "role"}


@pytest.mark.parametrize("name", EXAMPLES)
def test_every_question_has_a_source_and_an_existing_story_or_a_prompt(name):
    pack = example(name)
    profile = inputs_of(name).profile
    t = load_language(pack.lang).texts
    titles = {story.title for story in profile.stories}
    for q in questions(pack):
        assert q.attrs["data-likely-question"] == ""
        assert q.attrs["data-source"] in ORDER
        story = q.attrs["data-story"]
        assert story == "" or story in titles
        if story:
            assert q.note.endswith(f"{t('sections.likely_questions.story_label')}: {story}")
        else:
            assert q.note.endswith(tuple(t.raw("sections.likely_questions.no_story").values()))


@pytest.mark.parametrize("name", EXAMPLES)
def test_sources_come_in_order_of_certainty_without_repeats(name):
    found = questions(example(name))
    ranks = [ORDER.index(q.attrs["data-source"]) for q in found]
    assert ranks == sorted(ranks)
    texts = [q.text for q in found]
    assert len(texts) == len(set(texts))


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_gap_question_exactly_for_each_skill_without_a_story(name):
    found = questions(example(name))
    assert [q.label for q in found if q.attrs["data-source"] == "gap"] == gaps(inputs_of(name).profile)
    assert all(q.attrs["data-story"] == "" for q in found if q.attrs["data-source"] == "gap")


@pytest.mark.parametrize("name", EXAMPLES)
def test_an_improve_question_for_each_could_improve_note_fitted_to_its_kind(name):
    pack = example(name)
    notes = inputs_of(name).notes
    points = notes.could_improve if notes else []
    found = [q for q in questions(pack) if q.attrs["data-source"] == "improve"]
    assert [about(q) for q in found] == [p.text for p in points]
    assert all(q.label == "" for q in found)  # a note is context, never a bold label the interviewer seems to say
    t = load_language(pack.lang).texts
    for q, point in zip(found, points, strict=True):
        assert q.text in t.list(IMPROVE_QUESTIONS[improve_kind(point)])


@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_questions_are_our_own_sentences_with_the_candidates_words_beside_them(name, lang):
    """The question text is always one of our texts; user text only ever sits in the label or the note."""
    ours = our_texts(lang)
    for q in questions(example(name, lang)):
        assert q.text in ours


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_top_three_are_on_the_summary(name):
    pack = example(name)
    t = load_language(pack.lang).texts
    heading = next(i for i, b in enumerate(pack.summary) if isinstance(b, Heading) and b.text == t("summary.likely"))
    listed = pack.summary[heading + 1]
    assert isinstance(listed, ItemList)
    assert [(item.text, item.label) for item in listed.items] == [(q.text, q.label) for q in questions(pack)][:3]
    assert all(q.note.startswith(item.note) for item, q in zip(listed.items, questions(pack), strict=False))


def test_both_languages_word_the_same_questions_differently():
    nl, en = questions(example("sanne-de-vries", "nl")), questions(example("sanne-de-vries", "en"))
    assert [q.attrs for q in nl] == [q.attrs for q in en]
    assert all(a.text != b.text for a, b in zip(nl, en, strict=True))
    assert nl[0].text in our_texts("nl") and en[0].text in our_texts("en")


def test_sanne_gets_the_questions_her_data_points_to():
    found = questions(example("sanne-de-vries"))
    by_source = {source: [q for q in found if q.attrs["data-source"] == source] for source in ORDER}
    assert [q.label for q in by_source["gap"]] == ["Conflicthantering"]
    assert [q.label for q in by_source["interviewer"]] == ["Mark Jansen", "Fatima El Amrani"]
    # each lead question gets the story whose skills answer it (question_hints), three different ones:
    # trust in a new team (Leidinggeven), underperformance (Coachen), a change (Kwaliteitsverbetering)
    assert [q.attrs["data-story"] for q in by_source["role"]] == [
        "Onderbezetting in de nachtdienst", "Nieuwe collega's inwerken", "Valincidenten terugdringen"]
    assert len(by_source["assessment"]) == len(by_source["sector"]) == 1
    assert len(by_source["notes"]) == 2  # the facts that touch her open questions most
    assert about(by_source["notes"][0]).startswith("Mark wil een teamleider")


def test_a_question_gets_the_story_it_is_about_and_no_story_twice_when_another_fits():
    found = questions(example("daan-visser"))
    outage = next(q for q in found if "storing" in q.text)
    assert outage.attrs["data-story"] == "Black Friday zonder storing"  # the title says it
    stories = [q.attrs["data-story"] for q in found if q.attrs["data-story"]]
    assert all(stories.count(story) <= 2 for story in stories)  # not one story for everything


def test_motivation_knowledge_and_the_assignment_need_no_story():
    for name in EXAMPLES:
        for q in questions(example(name)):
            if q.attrs["data-source"] in ("assessment", "notes"):
                assert q.attrs["data-story"] == ""


def test_a_named_story_fits_a_skill_the_note_mentions():
    found = questions(example("liam-oconnor"))
    closing = next(q for q in found if about(q).startswith("I had no example of closing"))
    assert closing.attrs["data-story"] == "Saving a deal at the pricing stage"  # skills: Negotiation, Closing


# --- small made-up profiles -------------------------------------------------------------------------

BASE = """\
language: {lang}
candidate:
  name: Eva Smit
  current_role: {current}
application:
  company: Voorbeeld B.V.
  role: {role}
  sector: {sector}
  required_skills: {skills}
  second_interview:
    date: 2026-12-10
    interviewers:
{interviewers}
{assessment}
stories:
  - title: Het project
    skills: [Conflicthantering]
    situation: s
{notes}
"""


def make(tmp_path: Path, *, lang: str = "nl", role: str = "Adviseur", current: str = "Medewerker",
         sector: str = "retail", skills: str = "[conflicthántering]", interviewers: str = "",
         assessment: str = "", notes: str = "") -> Pack:
    """Write a small profile and build its view model as `generate` would."""
    people = interviewers or "      - name: Piet Bos\n        role: HR-adviseur\n"
    profile = tmp_path / "eva.yaml"
    profile.write_text(BASE.format(lang=lang, role=role, current=current, sector=sector, skills=skills,
                                   interviewers=people, assessment=assessment, notes=notes), encoding="utf-8")
    return build_pack(load_inputs(profile), options=RunOptions(today=TODAY))


def notes_with(*points: str, learned: tuple[str, ...] = ()) -> str:
    lines = ["first_interview_notes:", "  could_improve:", *(f"    - {p}" for p in points)]
    if learned:
        lines += ["  learned:", *(f"    - {fact}" for fact in learned)]
    return "\n".join(lines)


def test_a_story_is_named_when_its_skill_matches_without_regard_to_case_or_accents(tmp_path):
    pack = make(tmp_path, notes=notes_with("Mijn voorbeeld over CONFLICTHÁNTERING bleef vaag."))
    improve = [q for q in questions(pack) if q.attrs["data-source"] == "improve"]
    assert [q.attrs["data-story"] for q in improve] == ["Het project"]
    assert not [q for q in questions(pack) if q.attrs["data-source"] == "gap"]  # conflicthántering is covered


def test_each_gap_gets_its_own_wording_and_a_prompt(tmp_path):
    pack = make(tmp_path, skills="[Plannen, Coachen, Budgetbeheer, Conflicthantering]")
    gap_items = [q for q in questions(pack) if q.attrs["data-source"] == "gap"]
    assert [q.label for q in gap_items] == ["Plannen", "Coachen", "Budgetbeheer"]
    assert len({q.text for q in gap_items}) == 3
    prompt = load_language("nl").texts("sections.likely_questions.no_story.gap")
    assert all(q.note == prompt and q.attrs["data-story"] == "" for q in gap_items)


def test_improve_questions_fit_each_kind_and_too_long_gets_the_two_minute_tip(tmp_path):
    kinds = ("too_long", "vague", "unknown", "nerves", "doubt", "other")
    pack = make(tmp_path, notes=notes_with(*(f"{{text: Punt {kind}, kind: {kind}}}" for kind in kinds)))
    t = load_language("nl").texts
    improve = [q for q in questions(pack) if q.attrs["data-source"] == "improve"]
    assert len(improve) == len(kinds)
    for q, kind in zip(improve, kinds, strict=True):
        assert q.text == t.list(IMPROVE_QUESTIONS[kind])[0]
        assert (t("sections.likely_questions.two_minutes") in q.note) == (kind == "too_long")


def test_two_points_of_the_same_kind_get_different_wordings(tmp_path):
    pack = make(tmp_path, notes=notes_with("Het bleef vaag.", "Mijn antwoord was te algemeen."))
    improve = [q for q in questions(pack) if q.attrs["data-source"] == "improve"]
    assert len(improve) == 2 and improve[0].text != improve[1].text


def test_one_question_per_kind_of_interviewer_naming_everyone_of_that_kind(tmp_path):
    people = ("      - name: Piet Bos\n        role: HR-adviseur\n"
              "      - name: Ans Smit\n        role: Recruiter\n"
              "      - name: Jan de Boer\n        role: Teamleider\n")
    pack = make(tmp_path, interviewers=people)
    asked = [q for q in questions(pack) if q.attrs["data-source"] == "interviewer"]
    assert [q.label for q in asked] == ["Piet Bos en Ans Smit", "Jan de Boer"]


@pytest.mark.parametrize("role, family", [
    ("Teamleider verpleging", "lead"), ("Account Executive", "sales"), ("Accountmanager", "sales"),
    ("Staff engineer", "engineer"), ("Engineering manager", "lead"), ("Senior beleidsadviseur", "policy"),
    ("Verpleegkundige", "care"), ("Registered nurse", "care"), ("Warehouse Shift Supervisor", "lead"),
    ("SRE", "engineer"), ("Career coach", "other"), ("Bakker", "other"), (None, "other"),
])
def test_job_family(role, family):
    assert job_family(role) == family


def test_the_current_role_gives_the_family_when_the_title_says_nothing(tmp_path):
    pack = make(tmp_path, role="Medewerker", current="Software developer")
    t = load_language("nl").texts
    role_items = [q.text for q in questions(pack) if q.attrs["data-source"] == "role"]
    assert role_items == t.list("sections.likely_questions.roles.engineer")


@pytest.mark.parametrize("sector, key", [
    ("zorg", "sections.likely_questions.sector.care"), ("gemeente", "sections.likely_questions.sector.government"),
    ("retail", None),
])
def test_a_sector_question_for_care_and_government_only(tmp_path, sector, key):
    pack = make(tmp_path, sector=sector)
    asked = [q.text for q in questions(pack) if q.attrs["data-source"] == "sector"]
    assert asked == ([load_language("nl").texts(key)] if key else [])


def test_an_assignment_brings_its_follow_up_question(tmp_path):
    pack = make(tmp_path, assessment="    assessment:\n      kind: case\n      description: Een casus.")
    asked = [q.text for q in questions(pack) if q.attrs["data-source"] == "assessment"]
    assert asked == [load_language("nl").texts("sections.likely_questions.assessment.case")]
    assert not [q for q in questions(make(tmp_path)) if q.attrs["data-source"] == "assessment"]


def test_learned_facts_stand_beside_the_question_and_the_hot_topics_come_first(tmp_path):
    facts = ("Het kantoor ligt aan het water.", "De vorige adviseur is vertrokken.",
             "Het conflict in het team loopt al een jaar.")
    pack = make(tmp_path, notes=notes_with("Te lang.", learned=facts))
    asked = [q for q in questions(pack) if q.attrs["data-source"] == "notes"]
    assert [about(q) for q in asked] == [facts[2], facts[0]]  # the conflict touches a required skill
    assert all(fact not in q.text for q in asked for fact in facts)


def test_no_more_than_fifteen_and_the_surest_first(tmp_path):
    skills = "[" + ", ".join(f"Vaardigheid{n}" for n in range(14)) + "]"
    pack = make(tmp_path, skills=skills, notes=notes_with("Het bleef vaag.", "Te lang."))
    found = questions(pack)
    assert len(found) == 15
    assert [q.attrs["data-source"] for q in found] == ["improve"] * 2 + ["gap"] * 13


def test_an_english_pack_asks_in_english(tmp_path):
    pack = make(tmp_path, lang="en", role="Account Executive")
    t = load_language("en").texts
    assert [q.text for q in questions(pack) if q.attrs["data-source"] == "role"] == \
        t.list("sections.likely_questions.roles.sales")


# --- rendered once ----------------------------------------------------------------------------------

def test_the_chapter_renders_in_html_with_its_hooks():
    options = RunOptions(today=TODAY, formats=("html",))
    html = pack_html(example("sanne-de-vries"), load_assets(options))
    assert '<section id="likely-questions"' in html
    assert 'data-likely-question=""' in html
    for source in ORDER:
        assert f'data-source="{source}"' in html
    assert 'data-story="Onderbezetting in de nachtdienst"' in html
    assert 'data-story=""' in html


def test_a_lost_deal_is_not_answered_with_a_deal_that_was_saved():
    """The coach's example of a forced match: no story of Liam's is about a lost deal."""
    lost = next(q for q in questions(example("liam-oconnor")) if "deal you lost" in q.text)
    assert lost.attrs["data-story"] == ""
