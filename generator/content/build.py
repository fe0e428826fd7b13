"""Build the pack's view model from checked input: what the pack says, for every format.

Each chapter builder (`chapters_*.py`) writes one chapter from the guidance texts and the
candidate's data; where data is missing, it shows a short prompt to fill it in instead of an
empty heading. This module adds the cover, the one-page summary and the calendar, and puts the
whole `Pack` together. Renderers never decide content; they only draw these blocks.
"""

from __future__ import annotations

from generator.content import (
    chapters_assignment,
    chapters_close,
    chapters_likely,
    chapters_money,
    chapters_people,
    chapters_pitch,
    chapters_plan,
    chapters_practical,
    chapters_round,
    chapters_you,
    tasks,
)
from generator.content.blocks import (
    Block,
    CalendarEvent,
    Fact,
    Heading,
    Item,
    ItemList,
    Labels,
    ListStyle,
    Pack,
    Section,
)
from generator.content.context import Context, items
from generator.content.matching import join_names, stories_for
from generator.content.offers import compare
from generator.content.schedule import build_schedule
from generator.language import fill, load_language
from generator.options import RunOptions
from generator.slug import pack_slug
from generator.validate import Inputs

TOP_QUESTIONS = 3  # questions to ask, on the summary page (which must stay one page)
CHAPTERS = (
    chapters_round.section_purpose, chapters_round.section_differences, chapters_people.section_interviewers,
    chapters_plan.section_plan, chapters_you.section_first_round, chapters_pitch.section_pitch,
    chapters_you.section_stories, chapters_likely.section_likely_questions, chapters_assignment.section_assessment,
    chapters_close.section_questions, chapters_money.section_salary, chapters_money.section_offers,
    chapters_close.section_dos_donts, chapters_practical.section_practical, chapters_close.section_after,
    chapters_close.section_notes,
)


def _countdown(c: Context) -> str:
    days = c.schedule.days_to_go
    if days > 1:
        return c.t("labels.days_to_go", n=days)
    if days == 1:
        return c.t("labels.one_day_to_go")
    if days == 0:
        return c.t("labels.today")
    return c.t("labels.days_ago", n=-days)


def _cover_facts(c: Context) -> list[Fact]:
    t = c.t
    interview = c.profile.application.second_interview
    facts = [Fact(t("labels.date"), c.date(interview.date))]
    if interview.time:
        facts.append(Fact(t("labels.time"), interview.time.strftime("%H:%M")))
    if interview.duration_minutes:
        facts.append(Fact(t("labels.duration"), t("labels.minutes", n=interview.duration_minutes)))
    facts.append(Fact(t("labels.place"), interview.location or t("labels.unknown")))
    if interview.interviewers:
        names = join_names([p.name for p in interview.interviewers], t("sections.after.and"))
        facts.append(Fact(t("labels.with"), names))
    return facts


def _top_questions(c: Context) -> list[str]:
    """Four questions for the summary: two open points, one own question, then the first others."""
    questions = chapters_close.questions_to_ask(c)
    top = questions.open[:2] + questions.own[:1]
    top += [q for q in questions.all() if q not in top][: max(0, TOP_QUESTIONS - len(top))]
    return top[:TOP_QUESTIONS]


def _summary_facts(c: Context) -> list[Item]:
    t = c.t
    s = c.schedule
    profile = c.profile
    interview = profile.application.second_interview
    when = c.date(interview.date) + (f", {interview.time.strftime('%H:%M')}" if interview.time else "")
    facts = [Item(when, label=t("summary.when")),
             Item(interview.location or t("labels.unknown"), label=t("summary.where"))]
    if interview.interviewers:
        facts.append(Item("; ".join(p.name + (f", {p.role}" if p.role else "") for p in interview.interviewers),
                          label=t("summary.who")))
    upcoming = next((i for i, day in enumerate(s.plan) if day >= s.today), 0)
    facts.append(Item(f"{upcoming + 1}. {c.plan_steps[upcoming]['title']}", label=t("summary.next_step")))
    gaps = [skill for skill in profile.application.required_skills if not stories_for(skill, profile.stories)]
    if not profile.application.required_skills:  # nothing to claim: say what to fill in instead
        facts.append(Item(t("summary.no_skills"), label=t("summary.gaps")))
    else:
        facts.append(Item(", ".join(gaps) if gaps else t("summary.no_gaps"), label=t("summary.gaps")))
    if profile.salary and profile.salary.desired_monthly is not None:
        text = c.money(profile.salary.desired_monthly)
        if profile.salary.minimum_monthly is not None:
            text += f" (min. {c.money(profile.salary.minimum_monthly)})"
        facts.append(Item(text, label=t("summary.salary")))
    assignment = tasks.assignment_line(c)
    if assignment:
        facts.append(Item(assignment, label=t("summary.assignment")))
    facts.append(Item(f"{c.date(s.decision_from)} – {c.date(s.decision_to)}", label=t("summary.decision")))
    return facts


def _summary(c: Context) -> list[Block]:
    """The one-page summary: the essentials to reread in the waiting room."""
    t = c.t
    plan = [Item(fill(step["title"], **c.values()), note=c.short_date(day))
            for step, day in zip(c.plan_steps, c.schedule.plan, strict=True)]
    blocks: list[Block] = [ItemList(_summary_facts(c), ListStyle.FACTS),
                           Heading(t("sections.plan.title")), ItemList(plan, ListStyle.CHECK)]
    likely = chapters_likely.top_likely_questions(c)
    if likely:
        blocks += [Heading(t("summary.likely")), ItemList(likely)]
    return blocks + [Heading(t("summary.top_questions")), ItemList(items(_top_questions(c)))]


def _events(c: Context) -> list[CalendarEvent]:
    """The calendar: the interview, a reminder per plan step, the thank-you and the check-in."""
    interview = c.profile.application.second_interview
    app = c.profile.application
    events = [CalendarEvent("interview", interview.date, f"{app.role} · {app.company}", start=interview.time,
                            minutes=interview.duration_minutes or 60, location=interview.location or "",
                            description=", ".join(p.name for p in interview.interviewers),
                            reminder=interview.time is not None, busy=True)]
    total = len(c.plan_steps)
    for number, (step, day) in enumerate(zip(c.plan_steps, c.schedule.plan, strict=True), start=1):
        events.append(CalendarEvent(f"step{number}", day, f"{number}/{total} {fill(step['title'], **c.values())}"))
    events += tasks.task_events(c)
    events += [CalendarEvent("thanks", c.schedule.thank_you_by, c.t("labels.ics_thanks")),
               CalendarEvent("checkin", c.schedule.check_in, c.t("labels.ics_check_in"))]
    return events


def _labels(c: Context) -> Labels:
    t = c.t
    return Labels(at=t("labels.at"), vacancy=t("labels.vacancy"), summary=t("labels.summary"),
                  contents=t("labels.contents"), page=t("labels.page"), of=t("labels.of"))


def build_pack(inputs: Inputs, *, options: RunOptions) -> Pack:
    """Turn checked input into the complete view model of one pack."""
    profile = inputs.profile
    app = profile.application
    language = load_language(options.language or profile.language, options.templates)
    plan_steps = list(language.texts.raw("sections.plan.steps"))
    schedule = build_schedule(options.today, app.second_interview.date, len(plan_steps))
    c = Context(profile, inputs.notes, f"{inputs.profile_path.stem}.notes.md", language, schedule,
                compare(profile.offers), plan_steps, language.texts.with_register(profile.candidate.address))
    sections: list[Section] = [section for build in CHAPTERS if (section := build(c)) is not None]
    warnings = []
    if schedule.days_to_go < 0:
        warnings.append(f"the interview date {app.second_interview.date.isoformat()} is in the past "
                        f"(today is {options.today.isoformat()}); the pack is made anyway")
    return Pack(
        lang=language.code, lang_tag=language.tag, slug=pack_slug(profile.candidate.name, app.company),
        title=c.t("labels.pack_title"), candidate=profile.candidate.name, company=app.company, role=app.role,
        made_date=options.today, cover_facts=_cover_facts(c), countdown=_countdown(c), summary=_summary(c),
        sections=sections, labels=_labels(c), made_on=c.t("labels.made_on", date=c.date(options.today)),
        events=_events(c), offer_quantities=[v.as_dict() for v in c.comparison.values] if c.comparison else [],
        vacancy_url=app.vacancy_url or "", warnings=warnings,
    )
