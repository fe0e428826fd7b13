"""The candidate's own dated tasks, worked out from the data: a story to write for each gap, the
missing parts of a story, the assignment to build and rehearse, questions to find out, the day
to plan. The plan chapter lists them, the summary names the assignment, the calendar holds them.

The six steps of the plan are the same for everyone; these tasks are what makes the plan this
candidate's own. Every date comes from the schedule, which keeps them off Sundays and public
holidays; work on the stories starts now, the rest falls in the last two weeks.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.content.blocks import CalendarEvent
from generator.content.chapters_you import STARR_PARTS
from generator.content.context import Context
from generator.content.matching import join_names, skill_key, stories_for

# The `data-task` values, in the order tasks that share a day are listed.
TASK_KINDS = ("story-gap", "story-parts", "research", "assessment-build", "assessment-rehearse", "practical")

# Where tasks fall in the window from today (0) to the day before the interview (1): the story
# work and the research early, building the assignment halfway, rehearsing late, the day itself last.
EARLY_UNTIL = 0.4
BUILD_AT = 0.5
REHEARSE_AT = 0.75

# What building the assignment means, per kind of assignment.
BUILD = {
    "case": "sections.plan.tasks.build.case",
    "presentation": "sections.plan.tasks.build.presentation",
    "sales_pitch": "sections.plan.tasks.build.sales_pitch",
    "test": "sections.plan.tasks.build.test",
    "work_sample": "sections.plan.tasks.build.work_sample",
    "job_shadowing": "sections.plan.tasks.build.job_shadowing",
    "psychological_test": "sections.plan.tasks.build.psychological_test",
    "other": "sections.plan.tasks.build.other",
}

# The kind of assignment in our words, for the summary line.
ASSESSMENT_NAMES = {
    "case": "sections.assessment.names.case",
    "presentation": "sections.assessment.names.presentation",
    "sales_pitch": "sections.assessment.names.sales_pitch",
    "test": "sections.assessment.names.test",
    "work_sample": "sections.assessment.names.work_sample",
    "job_shadowing": "sections.assessment.names.job_shadowing",
    "psychological_test": "sections.assessment.names.psychological_test",
    "other": "sections.assessment.names.other",
}

# Planning the day itself differs per kind of interview.
PRACTICAL = {
    "in_person": "sections.plan.tasks.practical.in_person",
    "video": "sections.plan.tasks.practical.video",
    "phone": "sections.plan.tasks.practical.phone",
}


# Each kind of task in a few words, for the summary's next step.
SHORT = {
    "story-gap": "sections.plan.tasks.short.story_gap",
    "story-parts": "sections.plan.tasks.short.story_parts",
    "research": "sections.plan.tasks.short.research",
    "assessment-build": "sections.plan.tasks.short.assessment_build",
    "assessment-rehearse": "sections.plan.tasks.short.assessment_rehearse",
    "practical": "sections.plan.tasks.short.practical",
}


@dataclass(frozen=True)
class PlanTask:
    """One personal task: its kind (`data-task`), its date, what to do and what it is about."""

    kind: str            # one of TASK_KINDS
    day: dt.date
    title: str           # our words: what to do, a complete sentence on its own
    subject: str = ""    # the candidate's words it is about (a skill, a story title), shown apart


def assessment_days(c: Context) -> tuple[dt.date, dt.date, dt.date]:
    """The days to build the assignment, to rehearse it and to rehearse it again.

    Rehearsing twice only helps on two different days, and building comes first: with enough
    days each gets its own; with fewer they share, and squeezed to today everything is today.
    """
    span = len(c.schedule.prep_days) - 1
    first = min(REHEARSE_AT, (span - 1) / span) if span >= 1 else 0.0
    build = min(BUILD_AT, (span - 2) / span) if span >= 2 else 0.0
    return c.schedule.day_at(build), c.schedule.day_at(first), c.schedule.day_at(1.0)


def _story_tasks(c: Context) -> list[tuple[str, str, str]]:
    """A story to write for each required skill that has none, and the missing parts of each story."""
    found: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for skill in c.profile.application.required_skills:
        if skill_key(skill) not in seen and not stories_for(skill, c.profile.stories):
            found.append(("story-gap", c.t("sections.plan.tasks.story_gap"), skill))
        seen.add(skill_key(skill))
    for story in c.profile.stories:
        missing = [c.t(key) for part, key in STARR_PARTS.items() if not getattr(story, part)]
        if missing:
            parts = join_names(missing, c.t("sections.after.and"))
            found.append(("story-parts", c.t("sections.plan.tasks.story_parts", parts=parts), story.title))
    return found


def _research_task(c: Context) -> tuple[str, str, str]:
    """What to look up beforehand: the open questions from round one, else the company's facts."""
    open_questions = c.notes.open_questions if c.notes else []
    if open_questions:
        return "research", c.t("sections.plan.tasks.research_questions", n=len(open_questions)), ""
    return "research", c.t("sections.plan.tasks.research_company"), ""


def _assessment_tasks(c: Context) -> list[PlanTask]:
    """Build the announced assignment, then rehearse it twice; nothing when none is announced."""
    assessment = c.profile.application.second_interview.assessment
    if assessment is None:
        return []
    build, first, second = assessment_days(c)
    return [PlanTask("assessment-build", build, c.t(BUILD[assessment.kind])),
            PlanTask("assessment-rehearse", first, c.t("sections.plan.tasks.rehearse_first")),
            PlanTask("assessment-rehearse", second, c.t("sections.plan.tasks.rehearse_second"))]


def personal_tasks(c: Context) -> list[PlanTask]:
    """Every personal task, in date order; tasks of one day in the order of TASK_KINDS."""
    early = list(dict.fromkeys([*_story_tasks(c), _research_task(c)]))  # two alike stories: one task
    last = max(len(early) - 1, 1)
    found = [PlanTask(kind, c.schedule.day_at(EARLY_UNTIL * i / last, early=True), title, subject)
             for i, (kind, title, subject) in enumerate(early)]
    found += _assessment_tasks(c)
    found.append(PlanTask("practical", c.schedule.day_at(1.0), c.t(PRACTICAL[c.mode])))
    return sorted(found, key=lambda task: task.day)


def task_events(c: Context) -> list[CalendarEvent]:
    """Calendar entries for the tasks that need time in the diary: building and rehearsing the
    assignment. Their keys stay the same between runs, so a re-imported calendar updates them."""
    assessment = c.profile.application.second_interview.assessment
    if assessment is None:
        return []
    build, first, second = assessment_days(c)
    about = assessment.description or ""
    return [CalendarEvent("assessment-build", build, c.t("labels.ics_assessment_build"), description=about),
            CalendarEvent("assessment-rehearse-1", first, c.t("labels.ics_rehearse_first"), description=about),
            CalendarEvent("assessment-rehearse-2", second, c.t("labels.ics_rehearse_second"), description=about)]


def assignment_line(c: Context) -> str | None:
    """One line for the summary: the kind of assignment in our words and when you prepare it.

    The candidate's description is not repeated here; the assignment chapter quotes it.
    """
    assessment = c.profile.application.second_interview.assessment
    if assessment is None:
        return None
    kind = c.t(ASSESSMENT_NAMES[assessment.kind])
    build, first, second = assessment_days(c)
    if build == second:
        return c.t("sections.assessment.line_today", kind=kind)
    return c.t("sections.assessment.line", kind=kind, build=c.short_date(build), first=c.short_date(first),
               second=c.short_date(second))
