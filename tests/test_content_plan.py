"""The plan with the candidate's own tasks, the day itself, and assignment advice fitted to the brief.

Checked on the view model (no rendering, so it is fast), on the six example profiles and on small
made-up ones; the calendar and the HTML are checked once each.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.content.blocks import Card, Heading, Item, ItemList, Pack, Para, ParaStyle, Section
from generator.content.build import build_pack
from generator.content.chapters_practical import mentions_word
from generator.content.matching import fold, stories_for
from generator.content.schedule import Calendar
from generator.language import load_language
from generator.options import RunOptions
from generator.validate import Inputs, load_inputs

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["sanne-de-vries", "liam-oconnor", "noor-bakker", "ahmet-yilmaz", "daan-visser", "eva-jansen"]
TODAY = dt.date(2026, 11, 28)
KINDS = {"story-gap", "story-parts", "assessment-build", "assessment-rehearse", "research", "practical"}
STARR = ("situation", "task", "action", "result", "reflection")

SMALL = """\
language: {lang}
candidate:
  name: Eva Smit
  strengths: [Heldere adviezen schrijven, Geduld]
application:
  company: Voorbeeld B.V.
  role: Adviseur
  required_skills: [Conflicthantering, CONFLICTHANTERING, Plannen, plannen, Rekenen]
  second_interview:
    date: {date}
{time}    mode: {mode}
    interviewers:
{people}{assessment}
stories:
  - title: Het project
    skills: [conflicthántering]
    situation: s
    task: t
  - title: Het project
    skills: [Plannen]
    situation: s
    task: t
  - title: Af
    skills: [Geduld]
    situation: s
    task: t
    action: a
    result: r
    reflection: r
"""


def example(name: str) -> Inputs:
    return load_inputs(ROOT / "profiles" / f"{name}.yaml")


def build(inputs: Inputs, today: dt.date = TODAY) -> Pack:
    return build_pack(inputs, options=RunOptions(today=today))


def small(tmp_path: Path, *, lang="nl", days=10, mode="in_person", time="14:00", people=2,
          assessment="presentation", description="Tien minuten over onze plannen", notes=None) -> Inputs:
    """A small made-up profile, `days` days before its interview (from TODAY)."""
    block = f"    assessment:\n      kind: {assessment}\n      description: {description}\n" if assessment else ""
    text = SMALL.format(lang=lang, date=(TODAY + dt.timedelta(days=days)).isoformat(), mode=mode,
                        time=f'    time: "{time}"\n' if time else "", assessment=block,
                        people="".join(f"      - name: Persoon {i}\n        role: Collega\n" for i in range(people)))
    path = tmp_path / "eva.yaml"
    path.write_text(text, encoding="utf-8")
    if notes is not None:
        (tmp_path / "eva.notes.md").write_text(notes, encoding="utf-8")
    return load_inputs(path)


def section(pack: Pack, sid: str) -> Section:
    return next(s for s in pack.sections if s.id == sid)


def task_items(pack: Pack) -> list[Item]:
    return [i for b in section(pack, "plan").blocks if isinstance(b, ItemList) for i in b.items
            if "data-task" in i.attrs]


def of_kind(pack: Pack, kind: str) -> list[Item]:
    return [i for i in task_items(pack) if i.attrs["data-task"] == kind]


def day(item: Item) -> dt.date:
    return dt.date.fromisoformat(item.attrs["data-date"])


def elements(blocks) -> list[tuple[str, str]]:
    """Every visible text of the blocks as (what, text): paragraphs with their style, items in parts."""
    out: list[tuple[str, str]] = []
    for b in blocks:
        if isinstance(b, Para):
            out.append((str(b.style), b.text))
        elif isinstance(b, Heading):
            out.append(("heading", b.text))
        elif isinstance(b, ItemList):
            out += [(part, value) for i in b.items for part, value in (("label", i.label), ("text", i.text),
                                                                       ("note", i.note)) if value]
        elif isinstance(b, Card):
            out += [("card", b.title), *elements(b.blocks)]
    return out


def list_after(blocks, heading: str) -> list[str]:
    """The item texts of the first list after a heading."""
    start = next(n for n, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    found = next(b for b in blocks[start:] if isinstance(b, ItemList))
    return [i.text for i in found.items]


def user_strings(inputs: Inputs) -> set[str]:
    """The candidate's own words: skills, story titles, notes items, the brief, names, places."""
    p = inputs.profile
    app = p.application
    interview = app.second_interview
    found = {app.company, app.role, p.candidate.name, *app.required_skills, *p.candidate.strengths,
             *(s.title for s in p.stories), *(s for story in p.stories for s in story.skills),
             *(person.name for person in interview.interviewers), interview.location or ""}
    if interview.assessment and interview.assessment.description:
        found.add(interview.assessment.description)
    if inputs.notes:
        n = inputs.notes
        found |= {*n.learned, *n.went_well, *n.open_questions, *(x.text for x in n.could_improve),
                  *(e for entries in n.other.values() for e in entries)}
    return {s for s in found if len(s) >= 4}


# --- the plan: the six steps stay, the candidate's tasks follow ---------------------------------------

@pytest.mark.parametrize("name", EXAMPLES)
@pytest.mark.parametrize("today", [TODAY, dt.date(2026, 12, 1)])
def test_every_task_has_an_allowed_kind_and_a_date_between_today_and_the_day_before(name, today):
    inputs = example(name)
    pack = build(inputs, today)
    interview = inputs.profile.application.second_interview.date
    tasks = task_items(pack)
    assert tasks and {t.attrs["data-task"] for t in tasks} <= KINDS
    dates = [day(t) for t in tasks]
    assert dates == sorted(dates)
    last = max(today, interview - dt.timedelta(days=1))
    assert all(today <= d <= last for d in dates)
    assert [t.note for t in tasks] == [pack_short(pack, d) for d in dates]
    steps = [i for b in section(pack, "plan").blocks if isinstance(b, ItemList) for i in b.items
             if "data-step" in i.attrs]
    assert [s.attrs["data-step"] for s in steps] == ["1", "2", "3", "4", "5", "6"]  # the backbone is unchanged


def pack_short(pack: Pack, d: dt.date) -> str:
    from generator.localize import short_date

    return short_date(d, load_language(pack.lang).locale)


def test_the_tasks_come_after_the_steps_under_their_own_heading_as_a_checklist():
    pack = build(example("sanne-de-vries"))
    blocks = section(pack, "plan").blocks
    lists = [b for b in blocks if isinstance(b, ItemList)]
    assert "data-step" in lists[0].items[0].attrs and all("data-task" in i.attrs for i in lists[1].items)
    assert lists[1].style == "check"
    heading = blocks[blocks.index(lists[1]) - 2]
    assert isinstance(heading, Heading) and heading.text == load_language("nl").texts("sections.plan.tasks.title")


@pytest.mark.parametrize("name", EXAMPLES)
def test_a_story_gap_task_for_exactly_each_skill_without_a_story(name):
    inputs = example(name)
    profile = inputs.profile
    uncovered = [s for s in profile.application.required_skills if not stories_for(s, profile.stories)]
    assert [t.label for t in of_kind(build(inputs), "story-gap")] == uncovered


def test_a_skill_written_twice_gets_one_gap_task(tmp_path):
    pack = build(small(tmp_path))
    assert [t.label for t in of_kind(pack, "story-gap")] == ["Rekenen"]  # Conflicthantering and Plannen are covered
    assert [t.label for t in of_kind(pack, "story-parts")] == ["Het project"]  # two alike stories, one task
    texts = load_language("nl").texts
    assert of_kind(pack, "story-gap")[0].text == texts("sections.plan.tasks.story_gap")


@pytest.mark.parametrize("name", EXAMPLES)
def test_story_parts_for_each_incomplete_story_naming_the_missing_parts_in_our_words(name):
    inputs = example(name)
    texts = load_language(inputs.profile.language).texts
    incomplete = {s.title: [texts(f"sections.stories.parts.{part}") for part in STARR if not getattr(s, part)]
                  for s in inputs.profile.stories}
    tasks = of_kind(build(inputs), "story-parts")
    assert [t.label for t in tasks] == [title for title, missing in incomplete.items() if missing]
    for task in tasks:
        assert all(part in task.text for part in incomplete[task.label])


def test_daan_is_asked_for_the_reflection_of_black_friday():
    (task,) = of_kind(build(example("daan-visser")), "story-parts")
    assert task.label == "Black Friday zonder storing"
    assert task.text == load_language("nl").texts("sections.plan.tasks.story_parts", parts="Reflectie")


@pytest.mark.parametrize("days", [2, 3, 4, 5, 8, 30])
def test_the_assignment_is_built_before_it_is_rehearsed_twice_on_different_days(tmp_path, days):
    """Build, rehearse, rehearse again on days that can be used (TODAY is a Saturday: a Monday
    interview two days on leaves one day; a longer lead leaves weekdays only)."""
    pack = build(small(tmp_path, days=days))
    (built,) = of_kind(pack, "assessment-build")
    first, second = of_kind(pack, "assessment-rehearse")
    usable = Calendar().days(max(TODAY, TODAY + dt.timedelta(days=days - 14)), TODAY + dt.timedelta(days=days - 1))
    assert day(built) <= day(first) <= day(second) == usable[-1]
    if len(usable) >= 2:
        assert day(first) < day(second)
    if len(usable) >= 3:
        assert day(built) < day(first)
    practical = of_kind(pack, "practical")
    assert [day(t) for t in practical] == [usable[-1]]


@pytest.mark.parametrize("name", ["sanne-de-vries", "liam-oconnor", "daan-visser"])
def test_the_examples_with_an_assignment_build_then_rehearse(name):
    pack = build(example(name))
    (built,) = of_kind(pack, "assessment-build")
    first, second = of_kind(pack, "assessment-rehearse")
    assert day(built) < day(first) < day(second)
    gaps = of_kind(pack, "story-gap") + of_kind(pack, "story-parts")
    assert all(day(g) <= day(built) for g in gaps)  # story work early


@pytest.mark.parametrize("days", [1, 0, -3])
def test_short_notice_squeezes_every_task_to_today(tmp_path, days):
    pack = build(small(tmp_path, days=days))
    assert {day(t) for t in task_items(pack)} == {TODAY}
    assert len(of_kind(pack, "assessment-rehearse")) == 2
    line = next(i for i in pack.summary[0].items if i.label == load_language("nl").texts("summary.assignment"))
    assert line.text == load_language("nl").texts("sections.assessment.line_today",
                                                  kind=load_language("nl").texts("sections.assessment.names.presentation"))


@pytest.mark.parametrize("name", EXAMPLES)
def test_research_is_one_task_and_practical_is_the_day_before(name):
    inputs = example(name)
    pack = build(inputs)
    (research,) = of_kind(pack, "research")
    texts = load_language(inputs.profile.language).texts
    questions = inputs.notes.open_questions if inputs.notes else []
    if questions:
        assert research.text == texts("sections.plan.tasks.research_questions", n=len(questions))
    else:
        assert research.text == texts("sections.plan.tasks.research_company")
    (practical,) = of_kind(pack, "practical")
    assert day(practical) == inputs.profile.application.second_interview.date - dt.timedelta(days=1)


@pytest.mark.parametrize("name", EXAMPLES)
def test_no_two_tasks_read_the_same_and_no_user_words_inside_our_sentences(name):
    inputs = example(name)
    tasks = task_items(build(inputs))
    assert len({(t.text, fold(t.label)) for t in tasks}) == len(tasks)
    ours = [t.text for t in tasks]
    # Without the user's words, only tasks told apart by those words (a skill, a story) share a text.
    for text in set(ours):
        same = [t for t in tasks if t.text == text]
        assert len(same) == 1 or all(t.label for t in same)
    for text in ours:
        assert not any(u in text for u in user_strings(inputs)), text


@pytest.mark.parametrize("name", ["noor-bakker", "ahmet-yilmaz", "eva-jansen"])
def test_without_an_assignment_no_assignment_tasks_events_or_summary_line(name):
    pack = build(example(name))
    assert not of_kind(pack, "assessment-build") and not of_kind(pack, "assessment-rehearse")
    assert not [e for e in pack.events if e.key.startswith("assessment")]
    label = load_language(pack.lang).texts("summary.assignment")
    assert not [i for i in pack.summary[0].items if i.label == label]


# --- the calendar and the summary ---------------------------------------------------------------------

def test_the_calendar_holds_the_assignment_on_the_task_dates():
    from icalendar import Calendar

    from generator.render.ics import ics_bytes

    pack = build(example("sanne-de-vries"))
    texts = load_language("nl").texts
    keys = {e.key: e for e in pack.events}
    (built,) = of_kind(pack, "assessment-build")
    first, second = of_kind(pack, "assessment-rehearse")
    assert [keys[k].day for k in ("assessment-build", "assessment-rehearse-1", "assessment-rehearse-2")] == \
        [day(built), day(first), day(second)]
    events = {str(e.get("summary")): e.decoded("dtstart") for e in Calendar.from_ical(ics_bytes(pack)).walk("VEVENT")}
    assert events[texts("labels.ics_assessment_build")] == day(built)
    assert events[texts("labels.ics_rehearse_first")] == day(first)
    assert events[texts("labels.ics_rehearse_second")] == day(second)


@pytest.mark.parametrize("name, kind", [("sanne-de-vries", "presentation"), ("liam-oconnor", "sales_pitch"),
                                        ("daan-visser", "case")])
def test_the_summary_names_the_assignment_in_our_words_and_when_to_prepare_it(name, kind):
    inputs = example(name)
    pack = build(inputs)
    texts = load_language(pack.lang).texts
    (line,) = [i.text for i in pack.summary[0].items if i.label == texts("summary.assignment")]
    (built,) = of_kind(pack, "assessment-build")
    first, second = of_kind(pack, "assessment-rehearse")
    assert line == texts("sections.assessment.line", kind=texts(f"sections.assessment.names.{kind}"),
                         build=built.note, first=first.note, second=second.note)
    assert not any(u in line for u in user_strings(inputs))


# --- the day itself -----------------------------------------------------------------------------------

def test_in_person_gives_an_arrival_time_and_the_parking_note_from_round_one():
    pack = build(example("sanne-de-vries"))
    practical = section(pack, "practical")
    texts = load_language("nl").texts
    leads = [b.text for b in practical.blocks if isinstance(b, Para) and b.style == ParaStyle.LEAD]
    assert leads == [texts("sections.practical.arrive.in_person", time="13:45")]  # 14:00 minus a quarter
    items = [t for what, t in elements(practical.blocks) if what == "text"]
    assert "Parkeren bij het hoofdkantoor is beperkt; op tijd vertrekken of met de trein gaan." in items
    assert not any("arbeidsvoorwaardenbrochure" in t for t in items)  # only notes about getting there
    assert all(route in items for route in texts.list("sections.practical.route"))
    bring = list_after(practical.blocks, texts("sections.practical.bring_title"))
    assert texts("sections.practical.bring_assignment.in_person") in bring
    assert texts.list("sections.practical.bring.in_person")[0] in bring
    assert texts("sections.practical.panel_title") not in [t for what, t in elements(practical.blocks)]


def test_video_panel_gets_the_tech_check_the_day_before_and_panel_advice():
    pack = build(example("daan-visser"))
    practical = section(pack, "practical")
    texts = load_language("nl").texts
    shown = [t for _, t in elements(practical.blocks)]
    assert texts("sections.practical.arrive.video", time="13:25") in shown
    assert texts("sections.practical.video_when", date="woensdag 16 december 2026") in shown
    assert list_after(practical.blocks, texts("sections.practical.video_title")) == \
        texts.list("sections.practical.video_checks")
    assert texts("sections.practical.panel_intro", n=4) in shown
    assert list_after(practical.blocks, texts("sections.practical.panel_title")) == \
        texts.list("sections.practical.panel_tips")
    assert not any(route in shown for route in texts.list("sections.practical.route"))  # no route to a screen


def test_a_phone_interview_says_what_differs_and_without_a_time_asks_for_one(tmp_path):
    pack = build(small(tmp_path, lang="en", mode="phone", time=None, people=1, assessment=None))
    practical = section(pack, "practical")
    texts = load_language("en").texts
    shown = [t for _, t in elements(practical.blocks)]
    assert texts("sections.practical.arrive.no_time") in shown
    assert list_after(practical.blocks, texts("sections.practical.phone_title")) == \
        texts.list("sections.practical.phone_tips")
    assert texts("sections.practical.video_title") not in shown
    assert texts("sections.plan.tasks.practical.phone") in [t.text for t in of_kind(pack, "practical")]


@pytest.mark.parametrize("people, panel", [(2, False), (3, True)])
def test_panel_advice_from_three_interviewers(tmp_path, people, panel):
    pack = build(small(tmp_path, people=people))
    shown = [t for _, t in elements(section(pack, "practical").blocks)]
    assert (load_language("nl").texts("sections.practical.panel_title") in shown) is panel


@pytest.mark.parametrize("text, words, found", [
    ("Parkeerplaats achter het gebouw", ("parkeer*",), True),
    ("Zakelijk business-model", ("bus",), False),
    ("Met de bus, lijn 5", ("bus",), True),
    ("Hun televisie-reclame", ("visie*",), False),
    ("Een VISIEpresentatie", ("visie*",), True),
    ("Bij de récéptie melden", ("receptie*",), True),
])
def test_words_match_as_whole_words_or_by_their_start(text, words, found):
    assert mentions_word(text, words) is found


# --- assignment advice that uses the brief --------------------------------------------------------------

STRUCTURE_TITLE = "sections.assessment.structures.{}.title"


def structures(pack: Pack) -> list[str]:
    texts = load_language(pack.lang).texts
    headings = [b.text for b in section(pack, "assessment").blocks if isinstance(b, Heading)]
    names = ["vision", "hundred_days", "memo", "system_design", "sales_call"]
    return [name for name in names if texts(STRUCTURE_TITLE.format(name)) in headings]


@pytest.mark.parametrize("name, expected", [("sanne-de-vries", ["vision", "hundred_days"]),
                                            ("liam-oconnor", ["sales_call"]),
                                            ("daan-visser", ["system_design"])])
def test_the_examples_get_a_structure_that_fits_their_brief(name, expected):
    assert structures(build(example(name))) == expected


@pytest.mark.parametrize("lang, description, expected", [
    ("nl", "Schrijf een adviesnotitie over de huisvesting", ["memo"]),
    ("en", "Present your 100-day plan for the team", ["hundred_days"]),
    ("en", "An advisory memo on the new warehouse", ["memo"]),
    ("nl", "Een korte kennismaking met het team", []),
    ("en", "A systems design session", ["system_design"]),
])
def test_structures_are_recognised_in_either_language(tmp_path, lang, description, expected):
    pack = build(small(tmp_path, lang=lang, description=description))
    assert structures(pack) == expected
    if expected:
        steps = load_language(lang).texts.list(f"sections.assessment.structures.{expected[0]}.steps")
        assert list_after(section(pack, "assessment").blocks,
                          load_language(lang).texts(STRUCTURE_TITLE.format(expected[0]))) == steps


def test_the_assignment_is_tied_to_round_one_strengths_and_stories():
    inputs = example("daan-visser")
    pack = build(inputs)
    blocks = section(pack, "assessment").blocks
    texts = load_language("nl").texts
    assert list_after(blocks, texts("sections.assessment.learned_title")) == inputs.notes.learned
    assert list_after(blocks, texts("sections.assessment.strengths_title")) == ["Systeemontwerp"]
    assert list_after(blocks, texts("sections.assessment.stories_title")) == ["Black Friday zonder storing",
                                                                              "Een junior die vastliep"]
    kind_advice = [b.text for b in blocks if isinstance(b, Para) and b.style == ParaStyle.TIP]
    assert kind_advice[0] == texts("sections.assessment.kinds.case")


@pytest.mark.parametrize("name, strengths", [("sanne-de-vries", ["Plannen"]),
                                             ("liam-oconnor", ["Discovery questioning"])])
def test_only_the_strengths_that_fit_are_listed(name, strengths):
    pack = build(example(name))
    texts = load_language(pack.lang).texts
    assert list_after(section(pack, "assessment").blocks, texts("sections.assessment.strengths_title")) == strengths


def test_without_notes_there_is_no_round_one_material(tmp_path):
    pack = build(small(tmp_path))
    headings = [b.text for b in section(pack, "assessment").blocks if isinstance(b, Heading)]
    assert load_language("nl").texts("sections.assessment.learned_title") not in headings


@pytest.mark.parametrize("name", ["sanne-de-vries", "liam-oconnor", "daan-visser", "noor-bakker"])
@pytest.mark.parametrize("sid", ["plan", "practical", "assessment"])
def test_user_words_stand_alone_in_their_own_element(name, sid):
    """An element that holds the candidate's words holds nothing else (quote, item, label, note)."""
    inputs = example(name)
    pack = build(inputs)
    owned = user_strings(inputs)
    found = [s for s in pack.sections if s.id == sid]
    for _, text in elements(found[0].blocks if found else []):
        inside = [u for u in owned if u in text]
        assert not inside or text in owned, (text, inside)


# --- the HTML, once -----------------------------------------------------------------------------------

def test_the_html_has_the_practical_section_and_task_hooks():
    from generator.render.assets import load_assets
    from generator.render.html import pack_html

    options = RunOptions(today=TODAY)
    html = pack_html(build(example("sanne-de-vries")), load_assets(options))
    assert '<section id="practical"' in html
    # TODAY is a Saturday: the story work starts on the Monday
    assert 'data-task="story-gap" data-date="2026-11-30"' in html or 'data-date="2026-11-30" data-task="story-gap"' \
        in html
    for kind in KINDS:
        assert f'data-task="{kind}"' in html
