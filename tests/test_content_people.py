"""Interviewer cards that reason over the notes, the role lens, and a thank-you note a person
would write, in the register the profile asks for. Checked on the view model (fast, no rendering)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from generator.content.blocks import Card, Heading, Item, ItemList, Pack, Para, ParaStyle
from generator.content.build import build_pack
from generator.content.chapters_close import STANDARD_QUESTIONS
from generator.content.matching import Mentions, first_name, interviewer_kind, leads, names_person, role_kind
from generator.language import is_register_pair, load_language
from generator.options import RunOptions
from generator.validate import load_inputs

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
EXAMPLES = sorted(p for p in PROFILES.glob("*.yaml") if ".notes." not in p.name)
TODAY = dt.date(2026, 11, 28)
NL = load_language("nl").texts
EN = load_language("en").texts

JE_WORDS = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
U_WORDS = re.compile(r"\b(u|uw)\b", re.IGNORECASE)

PROFILE = """\
language: {lang}
candidate:
  name: Eva Smit
  address: {address}
application:
  company: Voorbeeld B.V.
  role: {role}
  required_skills: [Conflicthantering, Plannen]
  second_interview:
    date: 2026-12-10
    interviewers:
{people}
stories:
  - title: Het ruzieproject
    skills: [Conflicthantering]
    situation: s
    task: t
    action: a
    result: r
"""


def person(name: str, role: str, met: bool = False) -> str:
    return f"      - name: {name}\n        role: {role}\n        met_before: {'true' if met else 'false'}\n"


def build(tmp_path: Path, people: str, *, role: str = "Adviseur", notes: str | None = None, lang: str = "nl",
          address: str = "je") -> Pack:
    """A small profile (and notes) built into a view model as `generate` would."""
    profile = tmp_path / "eva.yaml"
    profile.write_text(PROFILE.format(lang=lang, address=address, role=role, people=people), encoding="utf-8")
    if notes is not None:
        (tmp_path / "eva.notes.md").write_text(notes, encoding="utf-8")
    return build_pack(load_inputs(profile, None), options=RunOptions(today=TODAY))


def example(profile: Path, lang: str | None = None) -> Pack:
    return build_pack(load_inputs(profile), options=RunOptions(today=TODAY, language=lang))


def section(pack: Pack, sid: str):
    return next(s for s in pack.sections if s.id == sid)


def cards(pack: Pack) -> list[Card]:
    return [b for b in section(pack, "interviewers").blocks if isinstance(b, Card)]


def list_items(blocks) -> list[Item]:
    return [item for b in blocks if isinstance(b, ItemList) for item in b.items]


def card_texts(card: Card) -> list[str]:
    """Every visible string of a card's body (not its title or subtitle)."""
    out: list[str] = []
    for b in card.blocks:
        if isinstance(b, (Para, Heading)):
            out.append(b.text)
        elif isinstance(b, ItemList):
            out += [f"{i.label} {i.text} {i.note}".strip() for i in b.items]
    return out


def notes_items(pack_notes: Any) -> list[str]:
    return [*pack_notes.learned, *pack_notes.went_well, *(p.text for p in pack_notes.could_improve),
            *pack_notes.open_questions]


# --- every card reasons over its own person ---------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: p.stem)
def test_no_two_cards_are_the_same_text_apart_from_the_name(profile, lang):
    bodies = []
    for card in cards(example(profile, lang)):
        text = " ".join(card_texts(card))
        for name in (card.title, first_name(card.title)):
            text = text.replace(name, "")
        bodies.append(text)
    assert len(set(bodies)) == len(bodies)


@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: p.stem)
def test_a_notes_item_naming_one_interviewer_is_on_that_card_only(profile):
    """... or also on the card of someone whose job it names (Koen, Productmanager)."""
    inputs = load_inputs(profile)
    if inputs.notes is None:
        return
    people = inputs.profile.application.second_interview.interviewers
    by_name = {card.title: [i.text for i in list_items(card.blocks)] for card in cards(example(profile))}
    checked = 0
    for entry in notes_items(inputs.notes):
        named = [p.name for p in people if names_person(entry, p.name)]
        by_job = [p.name for p in people if p.role and p.name not in named and len(p.role) >= 8
                  and " " not in p.role.strip() and p.role.casefold() in entry.casefold()]
        if len(named) == 1:
            checked += 1
            assert [name for name, texts in by_name.items() if entry in texts] == named + by_job, entry
    assert checked or profile.stem in ("liam-oconnor", "ahmet-yilmaz")


@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: p.stem)
def test_the_mentions_index_finds_what_names_person_finds(profile):
    notes = load_inputs(profile).notes
    if notes is None:
        return
    lists = {"learned": notes.learned, "went_well": notes.went_well,
             "could_improve": [p.text for p in notes.could_improve], "open_questions": notes.open_questions}
    people = [p.name for p in load_inputs(profile).profile.application.second_interview.interviewers]
    for name in [*people, *(p.name for p in notes.met), "Nobody Here"]:
        expected = {key: hits for key, entries in lists.items()
                    if (hits := [entry for entry in entries if names_person(entry, name)])}
        assert Mentions(lists).of(name) == expected


@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: p.stem)
def test_our_sentences_and_labels_never_hold_the_name(profile):
    inputs = load_inputs(profile)
    own = set(notes_items(inputs.notes)) if inputs.notes else set()
    for card in cards(example(profile)):
        ours = [b.text for b in card.blocks if isinstance(b, (Para, Heading))]
        ours += [text for i in list_items(card.blocks) for text in (i.label, i.text) if text not in own]
        for name in (card.title, first_name(card.title)):
            assert not [text for text in ours if re.search(rf"\b{re.escape(name)}\b", text)], name


def test_the_daan_visser_panel_gets_four_kinds_of_advice():
    daan = cards(example(PROFILES / "daan-visser.yaml"))
    sanne, bram, yara, koen = (card_texts(card) for card in daan)
    assert NL("sections.interviewers.doubted") in sanne and NL("sections.interviewers.asked") in sanne
    assert any(line.startswith("Black Friday zonder storing ") for line in bram)  # the story Bram liked
    assert NL("sections.interviewers.roles.colleague.find") in yara  # nothing in the notes: what to find out
    # the notes name no Koen, but they do name his job: what the candidate wrote about product managers
    assert NL("sections.interviewers.role_known") in koen
    assert any("productmanagers" in line for line in koen)


def test_a_doubt_points_to_the_story_that_answers_it_or_the_one_to_write(tmp_path):
    notes = ("## Kan beter\n- Piet twijfelde aan mijn aanpak van conflicten.\n"
             "- Anna vond mijn plannen vaag.\n## Ging goed\n- Piet vond het ruzieproject sterk.\n")
    piet, anna = cards(build(tmp_path, person("Piet Bos", "Teamleider", True) + person("Anna Kok", "Collega", True),
                             notes=notes))
    assert ("Het ruzieproject", NL("sections.interviewers.bring.evidence")) in \
        [(i.label, i.text) for i in list_items(piet.blocks)]
    assert ("Plannen", NL("sections.interviewers.bring.gap")) in [(i.label, i.text) for i in list_items(anna.blocks)]


def test_a_story_told_too_long_is_to_be_told_shorter_not_defended(tmp_path):
    notes = "## Kan beter\n- Mijn antwoord aan Piet over het ruzieproject was te lang.\n"
    piet = cards(build(tmp_path, person("Piet Bos", "Teamleider", True), notes=notes))[0]
    assert ("Het ruzieproject", NL("sections.interviewers.bring.too_long")) in \
        [(i.label, i.text) for i in list_items(piet.blocks)]


def test_met_before_goes_deeper_new_faces_get_round_one_and_silence_gets_a_prompt(tmp_path):
    notes = "## Geleerd\n- Piet wil dat de planning op orde komt.\n## Ging goed\n- Mijn ruzieproject sloeg aan.\n"
    people = person("Piet Bos", "Teamleider", True) + person("Kees Bos", "HR-adviseur", True) \
        + person("Nina Nieuw", "Directeur", False)
    piet, kees, nina = cards(build(tmp_path, people, notes=notes))
    assert NL("sections.interviewers.bring.deeper") in card_texts(piet)
    assert NL("sections.interviewers.recall") in card_texts(kees)
    assert NL("sections.interviewers.roles.director.find") in card_texts(nina)
    assert all(topic in card_texts(nina) for topic in NL.list("sections.interviewers.repeat_topics"))
    assert "Het ruzieproject" in card_texts(nina)  # a story that landed, which this person has not heard


# --- the role lens ------------------------------------------------------------------------------------

@pytest.mark.parametrize("role, kind", [
    ("Afdelingshoofd Wonen", "manager"), ("Hoofd afdeling Burgerzaken", "manager"), ("Teammanager", "manager"),
    ("Head of Department", "manager"), ("Hoofd", "director"), ("Head of Engineering", "director"),
    ("HR manager", "hr"), ("Toekomstig leidinggevende", "manager"), ("Productmanager", "colleague"),
])
def test_role_words_the_most_specific_wins(role, kind):
    assert role_kind(role) == kind


@pytest.mark.parametrize("role, own, kind", [
    ("Toekomstig teamlid", "Teamleider verpleging", "report"),
    ("Senior engineer (toekomstig teamlid)", "Staff engineer", "colleague"),  # senior, but leads no one
    ("Senior engineer (toekomstig teamlid)", "Lead engineer", "report"),
    ("Future team member", "Team lead", "report"),
    ("Toekomstig teamlid", "Beleidsadviseur", "colleague"),
    ("Toekomstige collega", "Teamleider", "colleague"),  # a fellow team leader is a peer
    ("Afdelingshoofd", "Teamleider", "manager"),
])
def test_a_team_member_of_a_future_lead_is_a_report(role, own, kind):
    assert interviewer_kind(role, own) == kind


def test_leadership_roles():
    assert all(leads(r) for r in ("Teamleider", "Team lead", "Manager zorg", "Leidinggevende", "Afdelingshoofd"))
    assert not any(leads(r) for r in ("Beleidsadviseur", "Verpleegkundige", "Account Executive", "",
                                      "Staff engineer"))


@pytest.mark.parametrize("own, kind", [("Teamleider", "report"), ("Adviseur", "colleague")])
def test_the_card_of_a_future_team_member_depends_on_your_own_role(tmp_path, own, kind):
    card = cards(build(tmp_path, person("Fatima El Amrani", "Verpleegkundige (toekomstig teamlid)"), role=own))[0]
    assert f"{NL.raw('sections.interviewers.cares_label')} {NL(f'sections.interviewers.roles.{kind}.cares')}" \
        in card_texts(card)


def test_a_department_head_gets_the_hiring_manager_card(tmp_path):
    card = cards(build(tmp_path, person("Erik Smit", "Afdelingshoofd Wonen", True)))[0]
    assert any(NL("sections.interviewers.roles.manager.cares") in line for line in card_texts(card))


# --- the thank-you note -------------------------------------------------------------------------------

def letter(pack: Pack) -> str:
    return next(b.text for b in section(pack, "after").blocks if isinstance(b, Para) and b.style == ParaStyle.QUOTE)


@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: p.stem)
def test_the_greeting_uses_first_names_only(profile):
    people = load_inputs(profile).profile.application.second_interview.interviewers
    greeting = letter(example(profile)).split("\n")[0]
    for p in people:
        assert re.search(rf"\b{re.escape(first_name(p.name))}\b", greeting)
        assert p.name not in greeting or p.name == first_name(p.name)


def test_the_letter_hangs_on_something_an_interviewer_said():
    text = letter(example(PROFILES / "sanne-de-vries.yaml"))
    assert text.startswith("Beste Mark en Fatima,")
    assert "\n[Mark wil een teamleider die zichtbaar is op de vloer, niet alleen achter het bureau.]\n" in text
    assert text.endswith("Met vriendelijke groet,\nSanne de Vries\nsanne.devries@example.nl\n+31 6 12345678")


def test_a_letter_without_notes_asks_for_a_hook_of_your_own(tmp_path):
    text = letter(build(tmp_path, person("Piet Bos", "Teamleider", True)))
    assert NL("sections.after.thanks_hook_none") in text.split("\n\n")


def test_first_names_shared_by_two_people_stay_full(tmp_path):
    pack = build(tmp_path, person("Mark Jansen", "Teamleider") + person("Mark de Boer", "Collega"))
    assert letter(pack).split("\n")[0] == "Beste Mark Jansen en Mark de Boer,"


# --- the register: 'je' or 'u', wherever the candidate speaks to the interviewers ---------------------

def spoken(pack: Pack) -> list[str]:
    """Our texts the candidate says or sends to the interviewers: the questions, the draft answers,
    the question on each card and the letter (without the names and the notes line in it)."""
    ids = {*STANDARD_QUESTIONS, "procedure"}
    texts = [i.text for i in list_items(section(pack, "questions").blocks) if i.attrs.get("data-question-id") in ids]
    ask = (NL if pack.lang == "nl" else EN)("sections.interviewers.ask_label")
    texts += [i.text for card in cards(pack) for i in list_items(card.blocks) if i.label == ask]
    for sid in ("first-round", "salary"):
        texts += [b.text for b in section(pack, sid).blocks if isinstance(b, Para) and b.style == ParaStyle.QUOTE]
    lines = letter(pack).split("\n")
    texts += [line for line in lines[1:-1] if not line.startswith("[")]
    return texts


def test_with_u_the_candidate_never_says_je():
    texts = spoken(example(PROFILES / "daan-visser.yaml"))
    assert len(texts) > 10
    assert [t for t in texts if JE_WORDS.search(t)] == []
    assert sum(bool(U_WORDS.search(t)) for t in texts) >= 5


def test_with_je_the_candidate_never_says_u():
    texts = spoken(example(PROFILES / "sanne-de-vries.yaml"))
    assert [t for t in texts if U_WORDS.search(t)] == []
    assert sum(bool(JE_WORDS.search(t)) for t in texts) >= 5


def test_a_letter_to_one_person_in_je_says_je_not_jullie(tmp_path):
    text = letter(build(tmp_path, person("Piet Bos", "Teamleider", True)))
    assert "jullie" not in text and re.search(r"\bje\b", text)


def register_pairs(node: Any, key: str = "") -> list[tuple[str, dict[str, str]]]:
    if is_register_pair(node):
        return [(key, node)]
    if isinstance(node, dict):
        return [pair for k, v in node.items() for pair in register_pairs(v, f"{key}.{k}".lstrip("."))]
    if isinstance(node, list):
        return [pair for v in node for pair in register_pairs(v, key)]
    return []


def test_every_dutch_pair_keeps_to_its_register():
    pairs = register_pairs(NL.data)
    mine = [(k, p) for k, p in pairs if k.startswith(("sections.interviewers", "sections.questions", "sections.after",
                                                      "sections.first_round.draft", "sections.salary.answer"))]
    assert len(mine) >= 12
    for key, pair in mine:
        assert not JE_WORDS.search(pair["u"]), key
        assert not U_WORDS.search(pair["je"]), key
        assert U_WORDS.search(pair["u"]), key


def test_english_does_not_depend_on_the_address(tmp_path):
    people = person("Piet Bos", "Teamleider", True) + person("Anna Kok", "Collega")
    said = {}
    for address in ("je", "u"):
        (tmp_path / address).mkdir()
        said[address] = spoken(build(tmp_path / address, people, lang="en", address=address))
    assert said["je"] == said["u"] and said["je"]
    assert register_pairs(EN.data) == []  # English texts are plain strings
