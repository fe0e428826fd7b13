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
    chapters_offers,
    chapters_people,
    chapters_pitch,
    chapters_plan,
    chapters_practical,
    chapters_round,
    chapters_salary,
    chapters_you,
    summary,
    tasks,
)
from generator.content.blocks import (
    CalendarEvent,
    Fact,
    Labels,
    Pack,
    Section,
)
from generator.content.context import Context
from generator.content.matching import join_names
from generator.content.net_pay import estimate_all
from generator.content.offer_export import offer_records
from generator.content.offers import compare
from generator.content.schedule import Calendar, build_schedule, countdown
from generator.csvtext import default_dialect
from generator.language import load_language
from generator.options import RunOptions
from generator.slug import pack_slug
from generator.validate import Inputs

CHAPTERS = (
    chapters_round.section_purpose, chapters_round.section_differences, chapters_people.section_interviewers,
    chapters_plan.section_plan, chapters_you.section_first_round, chapters_pitch.section_pitch,
    chapters_you.section_stories, chapters_likely.section_likely_questions, chapters_assignment.section_assessment,
    chapters_close.section_questions, chapters_salary.section_salary, chapters_offers.section_offers,
    chapters_close.section_dos_donts, chapters_practical.section_practical, chapters_close.section_after,
    chapters_close.section_notes,
)


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
    if c.profile.application.sector:
        facts.append(Fact(t("labels.sector"), c.profile.application.sector))
    return facts


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
        events.append(CalendarEvent(f"step{number}", day, f"{number}/{total} {step['title']}"))
    events += tasks.task_events(c)
    events += [CalendarEvent("thanks", c.schedule.thank_you_by, c.t("labels.ics_thanks")),
               CalendarEvent("checkin", c.schedule.check_in, c.t("labels.ics_check_in"))]
    return events


def _labels(c: Context) -> Labels:
    t = c.t
    return Labels(at=t("labels.at"), vacancy=t("labels.vacancy"), summary=t("labels.summary"),
                  contents=t("labels.contents"), page=t("labels.page"), of=t("labels.of"))


def _date_warnings(c: Context) -> list[str]:
    """Warnings for the command line about the dates: an interview in the past, on a Sunday or a
    holiday; a first interview that the notes date after today or after the second one."""
    day = c.profile.application.second_interview.date
    holiday = c.schedule.calendar.holiday(day)
    found = []
    if c.schedule.days_to_go < 0:
        found.append(c.t("warnings.past", date=day.isoformat(), today=c.schedule.today.isoformat()))
    if holiday:
        found.append(c.t("warnings.closed_day", date=day.isoformat(), holiday=holiday))
    elif day.weekday() == 6:
        found.append(c.t("warnings.sunday", date=day.isoformat()))
    first = c.notes.date if c.notes else None
    if first and first >= day:
        found.append(c.t("warnings.notes_after", date=first.isoformat(), second=day.isoformat()))
    elif first and first > c.schedule.today:
        found.append(c.t("warnings.notes_future", date=first.isoformat(), today=c.schedule.today.isoformat()))
    return found


def build_pack(inputs: Inputs, *, options: RunOptions) -> Pack:
    """Turn checked input into the complete view model of one pack."""
    profile = inputs.profile
    app = profile.application
    language = load_language(options.language or profile.language, options.templates)
    plan_steps = list(language.texts.raw("sections.plan.steps"))
    schedule = build_schedule(options.today, app.second_interview.date, len(plan_steps),
                              Calendar(app.country, language.code))
    currency = profile.salary.currency if profile.salary else "EUR"
    c = Context(profile, inputs.notes, f"{inputs.profile_path.stem}.notes.md", language, schedule,
                compare(profile.offers), plan_steps, language.texts.with_register(profile.candidate.address),
                net=estimate_all(profile.offers, currency, app.country, options.today.year))
    sections: list[Section] = [section for build in CHAPTERS if (section := build(c)) is not None]
    warnings = _date_warnings(c)
    return Pack(
        lang=language.code, lang_tag=language.tag, slug=pack_slug(profile.candidate.name, app.company),
        title=c.t("labels.pack_title"), candidate=profile.candidate.name, company=app.company, role=app.role,
        made_date=options.today, cover_facts=_cover_facts(c), countdown=countdown(c.t, c.schedule.days_to_go),
        summary=summary.build_summary(c),
        sections=sections, labels=_labels(c), made_on=c.t("labels.made_on", date=c.date(options.today)),
        events=_events(c),
        offer_records=offer_records(c.comparison, profile.salary, c.net) if c.comparison else [],
        csv_dialect=options.csv_dialect or default_dialect(language.code),
        vacancy_url=app.vacancy_url or "", warnings=warnings, overview=summary.overview_facts(c),
    )
