"""Build the pack's view model from checked input: what the pack says, for every format.

Each `_section_*` function writes one chapter of SPEC section 6 from the guidance texts and the
candidate's data. Where data is missing, the chapter shows a short prompt to fill it in instead
of an empty heading. Renderers never decide content; they only draw these blocks.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.brand import DEFAULT_ACCENT, DEFAULT_PRIMARY
from generator.chart import offer_chart
from generator.document import (
    Block, Card, Fact, Heading, Item, ItemList, Lines, Pack, Para, Row, Section, Table,
)
from generator.localize import long_date, money, percent, short_date, signed_money
from generator.models import STANDARD_QUESTION_IDS, Interviewer, Notes, Profile, Story
from generator.offers import Comparison, compare
from generator.schedule import Schedule, build_schedule
from generator.slug import pack_slug
from generator.texts import Texts, fill, load_texts
from generator.validate import Inputs

STARR_PARTS = ("situation", "task", "action", "result", "reflection")
# Words in an interviewer's role that tell what kind of person they are (Dutch and English).
ROLE_WORDS = {
    "hr": ("hr", "p&o", "recruit", "personeel", "talent", "people", "human resources", "hrm"),
    "director": ("direct", "ceo", "cfo", "coo", "cto", "bestuur", "head of", "hoofd", "vp", "vice president",
                 "partner", "eigenaar", "owner", "founder", "oprichter"),
    "manager": ("manager", "leidinggevende", "teamleider", "team lead", "teamlead", "chef", "supervisor",
                "coördinator", "coordinator", "lead"),
    "colleague": ("collega", "colleague", "teamlid", "team member", "toekomstig", "future", "medewerker"),
}
# Sectors where a final assessment or psychological test is common (SPEC 6, point 11).
ASSESSMENT_SECTORS = ("zorg", "overheid", "healthcare", "health care", "government", "care", "public sector",
                      "publieke sector", "gemeente", "rijksoverheid", "ministerie", "municipality", "ziekenhuis",
                      "hospital", "provincie", "semi-overheid", "publiek", "nhs", "civil service")


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Conflicthantering' matches 'conflicthántering'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def role_kind(role: str | None) -> str:
    """Classify an interviewer's role as hr, director, manager, colleague or other."""
    # Hyphens and slashes separate words too: 'HR-adviseur', 'P&O/recruitment'.
    text = " " + re.sub(r"[^\w&]+", " ", fold(role or "")) + " "
    for kind in ("hr", "director", "manager", "colleague"):
        for word in ROLE_WORDS[kind]:
            if (f" {word} " in text) if len(word) <= 3 else (word in text):
                return kind
    return "other"


def is_assessment_sector(sector: str | None) -> bool:
    """True for government and healthcare sectors, in Dutch or English."""
    text = fold(sector or "")
    return any(word in text for word in ASSESSMENT_SECTORS)


def join_names(names: list[str], word_and: str) -> str:
    """'A', 'A en B', 'A, B en C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word_and} {names[-1]}"


@dataclass
class _Context:
    """What every section builder needs."""

    profile: Profile
    notes: Notes | None
    notes_hint: str
    t: Texts
    lang: str
    schedule: Schedule
    comparison: Comparison | None
    colours: tuple[str, str]

    @property
    def currency(self) -> str:
        return self.profile.salary.currency if self.profile.salary else "EUR"

    def date(self, day: dt.date) -> str:
        return long_date(day, self.lang)

    def values(self) -> dict[str, str]:
        """Placeholders every guidance text may use."""
        app = self.profile.application
        return {"company": app.company, "role": app.role, "name": self.profile.candidate.name,
                "date": self.date(app.second_interview.date), "notes_file": self.notes_hint}


def _items(texts: list[str], **attrs: str) -> list[Item]:
    return [Item(text, attrs=dict(attrs)) for text in texts]


# --- sections -----------------------------------------------------------------------------------

def _section_purpose(c: _Context) -> Section:
    t = c.t
    return Section("purpose", t("sections.purpose.title"),
                   [Para(p, "lead" if i == 0 else "body") for i, p in enumerate(t.list("sections.purpose.body",
                                                                                         **c.values()))])


def _section_differences(c: _Context) -> Section:
    t = c.t
    return Section("differences", t("sections.differences.title"), [
        Para(t("sections.differences.intro")),
        ItemList(_items(t.list("sections.differences.points", **c.values()))),
    ])


def _interviewer_card(c: _Context, person: Interviewer) -> Card:
    t = c.t
    key = "sections.interviewers"
    kind = role_kind(person.role)
    blocks: list[Block] = [Para(t(f"{key}.met_before" if person.met_before else f"{key}.new_face", name=person.name))]
    if not person.met_before:
        topics = t.list(f"{key}.repeat_topics")
        blocks += [Para(t(f"{key}.repeat_topics_title"), "tip"), ItemList(_items(topics))]
    blocks.append(ItemList([
        Item(t(f"{key}.roles.{kind}.cares"), label=t(f"{key}.cares_label")),
        Item(t(f"{key}.roles.{kind}.ask"), label=t(f"{key}.ask_label")),
    ]))
    badge = t("labels.met_before") if person.met_before else t("labels.new_face")
    return Card(person.name, person.role or "", badge, blocks,
                attrs={"data-interviewer": person.name,
                       "data-met-before": "true" if person.met_before else "false"})


def _section_interviewers(c: _Context) -> Section:
    t = c.t
    people = c.profile.application.second_interview.interviewers
    key = "sections.interviewers"
    if not people:
        return Section("interviewers", t(f"{key}.title"), [Para(t(f"{key}.none"), "prompt")])
    met = sum(p.met_before for p in people)
    intro = t(f"{key}.all_met") if met == len(people) else t(f"{key}.all_new") if met == 0 else t(f"{key}.mixed")
    return Section("interviewers", t(f"{key}.title"),
                   [Para(intro, "lead"), *[_interviewer_card(c, p) for p in people]])


def _section_plan(c: _Context) -> Section:
    t = c.t
    s = c.schedule
    blocks: list[Block] = [Para(t("sections.plan.intro"))]
    if s.days_to_go < 0:
        blocks.append(Para(t("sections.plan.past", date=c.date(s.interview)), "warning"))
    elif s.days_to_go == 0:
        blocks.append(Para(t("sections.plan.compressed_today"), "warning"))
    elif s.days_to_go == 1:
        blocks.append(Para(t("sections.plan.compressed_tomorrow"), "warning"))
    steps = t.raw("sections.plan.steps")
    items = []
    for number, (step, day) in enumerate(zip(steps, s.plan), start=1):
        items.append(Item(fill(step["detail"], **c.values()), label=fill(step["title"], **c.values()),
                          note=short_date(day, c.lang),
                          attrs={"data-step": str(number), "data-date": day.isoformat()}))
    blocks.append(ItemList(items, "check"))
    blocks.append(Para(t("sections.plan.start_note"), "tip"))
    return Section("plan", t("sections.plan.title"), blocks)


def _notes_list(c: _Context, title_key: str, empty_key: str, items: list[str]) -> list[Block]:
    t = c.t
    blocks: list[Block] = [Heading(t(title_key))]
    blocks.append(ItemList(_items(items)) if items else Para(t(empty_key), "prompt"))
    return blocks


def _draft_answer(c: _Context) -> list[Block]:
    """The draft answer to 'which topics would you like to discuss?', built from the open points."""
    t = c.t
    key = "sections.first_round"
    points = c.notes.open_questions if c.notes else []
    blocks: list[Block] = [Heading(t(f"{key}.draft_title"))]
    if not points:
        return blocks + [Para(t(f"{key}.draft_empty"), "prompt")]
    return blocks + [Para(t(f"{key}.draft_intro")), Para(t(f"{key}.draft_open"), "quote"),
                     ItemList(_items(points), "number"), Para(t(f"{key}.draft_close"), "quote")]


def _section_first_round(c: _Context) -> Section:
    t = c.t
    key = "sections.first_round"
    notes = c.notes
    if notes is None:
        return Section("first-round", t(f"{key}.title"),
                       [Para(t(f"{key}.no_notes", **c.values()), "prompt"), *_draft_answer(c)])
    blocks: list[Block] = []
    if notes.date:
        blocks.append(Para(t(f"{key}.date", date=c.date(notes.date)), "lead"))
    if notes.met:
        blocks += [Heading(t(f"{key}.met")),
                   ItemList([Item(p.role or "", label=p.name) if p.role else Item(p.name) for p in notes.met])]
    blocks += _notes_list(c, f"{key}.learned", f"{key}.learned_empty", notes.learned)
    blocks += _notes_list(c, f"{key}.went_well", f"{key}.went_well_empty", notes.went_well)
    blocks.append(Heading(t(f"{key}.could_improve")))
    if notes.could_improve:
        blocks.append(ItemList([Item(t(f"{key}.may_ask", point=point), label=point) for point in notes.could_improve]))
    else:
        blocks.append(Para(t(f"{key}.could_improve_empty"), "prompt"))
    blocks += _notes_list(c, f"{key}.open_points", f"{key}.open_empty", notes.open_questions)
    blocks += _draft_answer(c)
    for heading, lines in notes.other.items():
        if lines:
            blocks += [Heading(heading or t(f"{key}.other")), ItemList(_items(lines))]
    return Section("first-round", t(f"{key}.title"), blocks)


def _section_pitch(c: _Context) -> Section:
    t = c.t
    key = "sections.pitch"
    person = c.profile.candidate
    blocks: list[Block] = [Para(t(f"{key}.intro", **c.values()))]
    if person.pitch:
        blocks += [Heading(t(f"{key}.yours")), Para(person.pitch, "quote")]
    else:
        blocks.append(Para(t(f"{key}.missing"), "prompt"))
    blocks.append(ItemList(_items(t.list(f"{key}.tips", **c.values()))))
    if person.strengths:
        blocks += [Heading(t(f"{key}.strengths")), ItemList(_items(person.strengths))]
    if person.weaknesses:
        blocks += [Heading(t(f"{key}.weaknesses")), ItemList(_items(person.weaknesses)),
                   Para(t(f"{key}.weakness_tip"), "tip")]
    return Section("pitch", t(f"{key}.title"), blocks)


def stories_for(skill: str, stories: list[Story]) -> list[Story]:
    """The stories that show a skill, matched without regard to case or accents."""
    wanted = fold(skill)
    return [story for story in stories if any(fold(s) == wanted for s in story.skills)]


def _improve_hint(skill: str, notes: Notes | None) -> str | None:
    """A 'could improve' point from the notes that mentions this skill, if any.

    Compares word stems (the first eight letters), so 'Conflicthantering' finds 'een conflict'.
    """
    if not notes:
        return None
    stems = [word[:8] for word in fold(skill).split() if len(word) >= 4] or [fold(skill)]
    return next((point for point in notes.could_improve if any(stem in fold(point) for stem in stems)), None)


def _story_card(c: _Context, story: Story) -> Card:
    t = c.t
    key = "sections.stories"
    items = []
    for part in STARR_PARTS:
        text = getattr(story, part)
        label = t(f"{key}.parts.{part}")
        if text:
            items.append(Item(text, label=label))
        else:
            items.append(Item(t(f"{key}.missing_part", part=label), label=label,
                              attrs={"data-missing-part": part}))
    subtitle = f"{t(f'{key}.skills_label')}: {', '.join(story.skills)}" if story.skills else ""
    return Card(story.title, subtitle, "", [ItemList(items, "plain")], attrs={"data-story": story.title})


def _section_stories(c: _Context) -> Section:
    t = c.t
    key = "sections.stories"
    skills = c.profile.application.required_skills
    stories = c.profile.stories
    blocks: list[Block] = [Para(t(f"{key}.intro"))]
    if skills:
        rows = []
        for skill in skills:
            found = stories_for(skill, stories)
            if found:
                rows.append(Row([skill, ", ".join(s.title for s in found), t(f"{key}.ok")]))
            else:
                rows.append(Row([skill, t(f"{key}.gap_prompt", skill=skill), t(f"{key}.gap")],
                                attrs={"data-gap-skill": skill}, emphasis="gap"))
        blocks += [Heading(t(f"{key}.matrix_title")),
                   Table([t(f"{key}.skill"), t(f"{key}.covered_by"), t(f"{key}.status")], rows,
                         widths=[0.28, 0.54, 0.18], css_class="matrix")]
        hints = [(skill, _improve_hint(skill, c.notes)) for skill in skills if not stories_for(skill, stories)]
        tips = [t(f"{key}.gap_improve", skill=skill, point=point) for skill, point in hints if point]
        blocks += [Para(tip, "tip") for tip in tips]
    else:
        blocks.append(Para(t(f"{key}.no_skills"), "prompt"))
    if stories:
        blocks += [_story_card(c, story) for story in stories]
    else:
        blocks.append(Para(t(f"{key}.no_stories"), "prompt"))
    return Section("stories", t(f"{key}.title"), blocks)


def _section_assessment(c: _Context) -> Section | None:
    assessment = c.profile.application.second_interview.assessment
    if assessment is None:
        return None
    t = c.t
    key = "sections.assessment"
    blocks: list[Block] = [Para(t(f"{key}.intro"))]
    if assessment.description:
        blocks += [Heading(t(f"{key}.announced")), Para(assessment.description, "quote")]
    blocks.append(Para(t(f"{key}.kinds.{assessment.kind}"), "tip"))
    return Section("assessment", t(f"{key}.title"), blocks)


def _section_questions(c: _Context) -> Section:
    t = c.t
    key = "sections.questions"
    answered = set(c.notes.answered) if c.notes else set()
    blocks: list[Block] = [Para(t(f"{key}.intro"))]
    # SPEC 6.8 order: standard questions, the procedure questions, then the notes' and own ones.
    standard = [Item(t(f"{key}.standard.{qid}"), attrs={"data-question-id": qid})
                for qid in STANDARD_QUESTION_IDS if qid not in answered]
    blocks.append(Heading(t(f"{key}.standard_title")))
    if answered:
        blocks.append(Para(t(f"{key}.answered_note", count=len(answered & set(STANDARD_QUESTION_IDS))), "tip"))
    if standard:
        blocks.append(ItemList(standard))
    blocks += [Heading(t(f"{key}.procedure_title")),
               ItemList(_items(t.list(f"{key}.procedure"), **{"data-question-id": "procedure"}))]
    if c.notes and c.notes.open_questions:
        blocks += [Heading(t(f"{key}.open_title")),
                   ItemList(_items(c.notes.open_questions, **{"data-question-id": "open"}))]
    if c.profile.questions:
        blocks += [Heading(t(f"{key}.own_title")),
                   ItemList(_items(c.profile.questions, **{"data-question-id": "own"}))]
    return Section("questions", t(f"{key}.title"), blocks)


def _section_salary(c: _Context) -> Section:
    t = c.t
    key = "sections.salary"
    blocks: list[Block] = [Para(p) for p in t.list(f"{key}.body")]
    salary = c.profile.salary
    blocks.append(Heading(t(f"{key}.yours")))
    facts = []
    if salary and salary.desired_monthly is not None:
        facts.append(Item(money(salary.desired_monthly, c.lang, c.currency), label=t(f"{key}.desired")))
    if salary and salary.minimum_monthly is not None:
        facts.append(Item(money(salary.minimum_monthly, c.lang, c.currency), label=t(f"{key}.minimum")))
    if salary and salary.priorities:
        facts.append(Item(", ".join(salary.priorities), label=t(f"{key}.priorities")))
    if facts:
        blocks.append(ItemList(facts, "plain"))
    if not salary or salary.desired_monthly is None:
        blocks.append(Para(t(f"{key}.missing"), "prompt"))
    else:
        blocks += [Heading(t(f"{key}.answer_title")),
                   Para(t(f"{key}.answer", desired=money(salary.desired_monthly, c.lang, c.currency)), "quote")]
    return Section("salary", t(f"{key}.title"), blocks)


def offer_rows(comparison: Comparison, t: Texts, lang: str, currency: str) -> tuple[list[str], list[Row]]:
    """The offer table: header and one row per offer, with differences from the current job."""
    key = "sections.offers.columns"
    header = [t(f"{key}.name"), t(f"{key}.monthly"), t(f"{key}.hours"), t(f"{key}.holidays"), t(f"{key}.cash"),
              t(f"{key}.pension"), t(f"{key}.total"), t(f"{key}.per_hour")]
    rows = []
    for index, (offer, value) in enumerate(zip(comparison.offers, comparison.values)):
        name = offer.name
        marks = []
        if offer.current:
            marks.append(t("sections.offers.current_marker"))
        if index == comparison.best_per_hour_index and len(comparison.offers) > 1:
            marks.append(t("sections.offers.best_marker"))
        if marks:
            name += f" ({', '.join(marks)})"
        cells = [name, money(offer.monthly_salary, lang, currency), f"{offer.hours_per_week:g}",
                 f"{offer.holiday_days:g}", money(value.gross_annual_cash, lang, currency),
                 money(value.employer_pension, lang, currency), money(value.total_annual_value, lang, currency),
                 money(value.value_per_hour, lang, currency, cents=True)]
        total_diff = comparison.difference(index, "total_annual_value")
        hour_diff = comparison.difference(index, "value_per_hour")
        if total_diff and hour_diff:
            cells[6] += f"\n{signed_money(total_diff[0], lang, currency)} ({percent(total_diff[1], lang, True)})"
            cells[7] += f"\n{signed_money(hour_diff[0], lang, currency, cents=True)} ({percent(hour_diff[1], lang, True)})"
        rows.append(Row(cells, attrs={"data-offer": offer.name},
                        emphasis="best" if index == comparison.best_per_hour_index else ""))
    return header, rows


def _section_offers(c: _Context) -> Section:
    t = c.t
    key = "sections.offers"
    comparison = c.comparison
    if comparison is None:
        return Section("offers", t(f"{key}.title"), [Para(t(f"{key}.none"), "prompt")])
    header, rows = offer_rows(comparison, t, c.lang, c.currency)
    blocks: list[Block] = [Para(t(f"{key}.intro")),
                           Table(header, rows, numeric=[False] + [True] * 7,
                                 widths=[0.17, 0.11, 0.07, 0.09, 0.12, 0.12, 0.16, 0.16], css_class="offers")]
    details = []
    for offer in comparison.offers:
        parts = []
        if offer.equipment:
            parts.append(f"{t(f'{key}.equipment')}: {', '.join(offer.equipment)}")
        if offer.contract:
            parts.append(f"{t(f'{key}.contract')}: {t(f'{key}.{offer.contract}')}")
        if offer.remarks:
            parts.append(f"{t(f'{key}.remarks')}: {'; '.join(offer.remarks)}")
        if parts:
            details.append(Item(" · ".join(parts), label=offer.name))
    if details:
        blocks += [Heading(t(f"{key}.details")), ItemList(details)]
    if len(comparison.offers) == 1:
        blocks.append(Para(t(f"{key}.single"), "prompt"))
    else:
        best = comparison.offers[comparison.best_per_hour_index]
        top = comparison.offers[comparison.highest_monthly_index]
        per_hour = money(comparison.values[comparison.best_per_hour_index].value_per_hour, c.lang, c.currency, True)
        blocks.append(Para(t(f"{key}.verdict", best=best.name, per_hour=per_hour), "lead"))
        if comparison.apples_and_pears:
            blocks.append(Para(t(f"{key}.warning", best=best.name, top=top.name), "warning"))
        blocks.append(offer_chart(comparison, c.lang, c.currency, t(f"{key}.chart_total"), t(f"{key}.chart_hour"),
                                  t(f"{key}.chart_title"), *c.colours))
    blocks.append(Para(t(f"{key}.formula_note"), "note"))
    return Section("offers", t(f"{key}.title"), blocks)


def _section_dos_donts(c: _Context) -> Section:
    t = c.t
    key = "sections.dos_donts"
    return Section("dos-donts", t(f"{key}.title"), [
        Heading(t(f"{key}.do_title")), ItemList(_items(t.list(f"{key}.do"))),
        Heading(t(f"{key}.dont_title")), ItemList(_items(t.list(f"{key}.dont"))),
    ])


def _section_after(c: _Context) -> Section:
    t = c.t
    key = "sections.after"
    s = c.schedule
    profile = c.profile
    names = [p.name for p in profile.application.second_interview.interviewers]
    greeting = t(f"{key}.thanks_greeting", names=join_names(names, t(f"{key}.and"))) if names \
        else t(f"{key}.thanks_greeting_none")
    blocks: list[Block] = [
        Para(t(f"{key}.window", **{"from": c.date(s.decision_from), "to": c.date(s.decision_to),
                                   "early": c.date(s.decision_early)}), "lead"),
        Para(t(f"{key}.ask_procedure")),
    ]
    if is_assessment_sector(profile.application.sector):
        blocks.append(Para(t(f"{key}.sector"), "warning"))
    blocks += [
        Heading(t(f"{key}.thanks_title", date=c.date(s.thank_you_by))),
        Para(t(f"{key}.thanks_intro")),
        Para("\n\n".join([greeting, t(f"{key}.thanks_body", **c.values()),
                          t(f"{key}.thanks_sign", name=profile.candidate.name)]), "quote"),
        Para(t(f"{key}.check_in", date=c.date(s.check_in)), "tip"),
    ]
    return Section("after", t(f"{key}.title"), blocks,
                   attrs={"data-decision-from": s.decision_from.isoformat(),
                          "data-decision-to": s.decision_to.isoformat()})


def _section_notes(c: _Context) -> Section:
    t = c.t
    return Section("notes", t("sections.notes.title"), [Para(t("sections.notes.intro")), Lines(24)],
                   page_break=True)


# --- cover and summary ----------------------------------------------------------------------------

def _countdown(c: _Context) -> str:
    days = c.schedule.days_to_go
    if days > 1:
        return c.t("labels.days_to_go", n=days)
    if days == 1:
        return c.t("labels.one_day_to_go")
    if days == 0:
        return c.t("labels.today")
    return c.t("labels.days_ago", n=-days)


def _cover_facts(c: _Context) -> list[Fact]:
    t = c.t
    interview = c.profile.application.second_interview
    facts = [Fact(t("labels.date"), c.date(interview.date))]
    if interview.time:
        facts.append(Fact(t("labels.time"), interview.time.strftime("%H:%M")))
    if interview.duration_minutes:
        facts.append(Fact(t("labels.duration"), t("labels.minutes", n=interview.duration_minutes)))
    facts.append(Fact(t("labels.place"), interview.location or t("labels.unknown")))
    if interview.interviewers:
        facts.append(Fact(t("labels.with"), join_names([p.name for p in interview.interviewers],
                                                       t("sections.after.and"))))
    return facts


def _summary(c: _Context, sections: list[Section]) -> list[Block]:
    """The one-page summary: the essentials to reread in the waiting room."""
    t = c.t
    s = c.schedule
    profile = c.profile
    interview = profile.application.second_interview
    when = c.date(interview.date) + (f", {interview.time.strftime('%H:%M')}" if interview.time else "")
    facts = [Item(when, label=t("summary.when")),
             Item(interview.location or t("labels.unknown"), label=t("summary.where"))]
    if interview.interviewers:
        facts.append(Item("; ".join(f"{p.name}" + (f" ({p.role})" if p.role else "") for p in interview.interviewers),
                          label=t("summary.who")))
    upcoming = next((i for i, day in enumerate(s.plan) if day >= s.today), 0)
    step_title = t.raw("sections.plan.steps")[upcoming]["title"]
    facts.append(Item(f"{upcoming + 1}. {step_title}", label=t("summary.next_step")))
    gaps = [skill for skill in profile.application.required_skills if not stories_for(skill, profile.stories)]
    facts.append(Item(", ".join(gaps) if gaps else t("summary.no_gaps"), label=t("summary.gaps")))
    if profile.salary and profile.salary.desired_monthly is not None:
        text = money(profile.salary.desired_monthly, c.lang, c.currency)
        if profile.salary.minimum_monthly is not None:
            text += f" (min. {money(profile.salary.minimum_monthly, c.lang, c.currency)})"
        facts.append(Item(text, label=t("summary.salary")))
    facts.append(Item(f"{c.date(s.decision_from)} – {c.date(s.decision_to)}", label=t("summary.decision")))
    questions = next(sec for sec in sections if sec.id == "questions")
    asked = [item.text for block in questions.blocks if isinstance(block, ItemList) for item in block.items]
    top = (c.notes.open_questions[:2] if c.notes else []) + profile.questions[:1]
    top += [q for q in asked if q not in top][: max(0, 4 - len(top))]
    plan = [Item(fill(step["title"], **c.values()), note=short_date(day, c.lang))
            for step, day in zip(t.raw("sections.plan.steps"), s.plan)]
    return [ItemList(facts, "facts"),
            Heading(t("sections.plan.title")), ItemList(plan, "check"),
            Heading(t("summary.top_questions")), ItemList(_items(top[:4])),
            Heading(t("summary.remember")), Para(t("summary.remember_text"), "lead")]


# --- the whole pack -------------------------------------------------------------------------------

def build_pack(inputs: Inputs, today: dt.date, lang: str | None = None, templates: Path | None = None,
               colours: tuple[str, str] = (DEFAULT_PRIMARY, DEFAULT_ACCENT)) -> Pack:
    """Turn checked input into the complete view model of one pack."""
    profile = inputs.profile
    lang = lang or profile.language
    texts = load_texts(lang, templates)
    app = profile.application
    schedule = build_schedule(today, app.second_interview.date)
    c = _Context(profile, inputs.notes, f"{inputs.profile_path.stem}.notes.md", texts, lang, schedule,
                 compare(profile.offers), colours)
    builders = [_section_purpose, _section_differences, _section_interviewers, _section_plan,
                _section_first_round, _section_pitch, _section_stories, _section_assessment,
                _section_questions, _section_salary, _section_offers, _section_dos_donts, _section_after,
                _section_notes]
    sections = [section for build in builders if (section := build(c)) is not None]
    warnings = []
    if schedule.days_to_go < 0:
        warnings.append(f"the interview date {app.second_interview.date.isoformat()} is in the past "
                        f"(today is {today.isoformat()}); the pack is made anyway")
    return Pack(
        lang=lang, slug=pack_slug(profile.candidate.name, app.company), title=texts("labels.pack_title"),
        candidate=profile.candidate.name, company=app.company, role=app.role,
        interview_date=app.second_interview.date, cover_facts=_cover_facts(c), countdown=_countdown(c),
        summary=_summary(c, sections), sections=sections,
        labels={k: str(v) for k, v in texts.raw("labels").items()},
        made_on=texts("labels.made_on", date=long_date(today, lang)),
        schedule=schedule, plan_titles=[fill(step["title"], **c.values()) for step in texts.raw("sections.plan.steps")],
        interviewer_names=[p.name for p in app.second_interview.interviewers],
        location=app.second_interview.location or "", start_time=app.second_interview.time,
        duration_minutes=app.second_interview.duration_minutes,
        offer_values=[v.as_dict() for v in c.comparison.values] if c.comparison else [],
        vacancy_url=app.vacancy_url or "", warnings=warnings,
    )
