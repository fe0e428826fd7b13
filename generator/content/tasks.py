"""The candidate's own dated tasks, worked out from the data: a story to write for each gap, the
missing parts of a story, the assignment to build and rehearse, questions to find out, the day
to plan. The plan chapter lists them, the summary names the next, the calendar holds them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.content.blocks import CalendarEvent
from generator.content.context import Context


@dataclass(frozen=True)
class PlanTask:
    """One personal task: its kind (`data-task`), its date, what to do and what it is about."""

    kind: str            # story-gap, story-parts, assessment-build, assessment-rehearse, research, practical
    day: dt.date
    title: str           # our words: what to do
    subject: str = ""    # the candidate's words it is about (a skill, a story title), shown apart


def personal_tasks(c: Context) -> list[PlanTask]:
    """Every personal task, in date order (to be built)."""
    return []


def task_events(c: Context) -> list[CalendarEvent]:
    """Calendar entries for the tasks that need time in the diary (the assignment)."""
    return []


def assignment_line(c: Context) -> str | None:
    """One line for the summary about the announced assignment, or None."""
    return None
