"""The dates of a pack: the six-step plan, the decision window, the follow-up.

Pure date arithmetic, kept apart so it can be tested across month and year ends.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Schedule:
    """Every date the pack mentions, derived from the interview date and today."""

    today: dt.date
    interview: dt.date
    plan: list[dt.date]
    decision_early: dt.date
    decision_from: dt.date
    decision_to: dt.date
    thank_you_by: dt.date
    check_in: dt.date

    @property
    def days_to_go(self) -> int:
        """Days from today until the interview; negative when it is past."""
        return (self.interview - self.today).days


def plan_dates(today: dt.date, interview: dt.date, steps: int) -> list[dt.date]:
    """Spread the plan's steps from today to the day before the interview, in order.

    With fewer days than steps, several steps share a day; when the interview is today, tomorrow
    or already past, every step is due today.
    """
    days = (interview - today).days
    if days <= 1:
        return [today] * steps
    span = days - 1  # the last step falls on the day before the interview
    last = max(steps - 1, 1)
    return [today + dt.timedelta(days=round(i * span / last)) for i in range(steps)]


def next_working_day(day: dt.date) -> dt.date:
    """Move a Saturday or Sunday to the Monday after, so a follow-up never falls in a weekend."""
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def build_schedule(today: dt.date, interview: dt.date, steps: int) -> Schedule:
    """All dates of one pack, with `steps` plan dates: a decision 3 to 6 weeks after the interview,
    maybe within 2."""
    return Schedule(
        today=today,
        interview=interview,
        plan=plan_dates(today, interview, steps),
        decision_early=interview + dt.timedelta(weeks=2),
        decision_from=interview + dt.timedelta(weeks=3),
        decision_to=interview + dt.timedelta(weeks=6),
        thank_you_by=interview + dt.timedelta(days=1),
        check_in=next_working_day(interview + dt.timedelta(weeks=2, days=1)),
    )
