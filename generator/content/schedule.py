"""The dates of a pack: the six-step plan, the personal tasks, the decision window, the follow-up.

Every date the pack proposes is a day someone can act on: never a Sunday or a public holiday
(of the Netherlands and of the interview's country, from the `holidays` package), a weekday
where there is one, and a thank-you or check-in on a day the employer works. Kept apart from the
chapters so it can be tested over a whole year of interview dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

import holidays

HOME_COUNTRY = "NL"        # where the candidate prepares: its holidays always count
PREP_DAYS = 14             # with more lead time, the plan falls in the last two weeks
ENOUGH_WEEKDAYS = 3        # fewer weekdays than this left: Saturdays are used as well
CHECK_IN_AFTER = 2         # the check-in comes this many days after the latest decision day
DECISION_EARLY, DECISION_FROM, DECISION_TO = 14, 21, 42  # days after the interview
SLOW_SEASON_EXTRA = 7     # days the latest decision moves when the wait spans Christmas or summer
SUMMER = ((7, 1), (8, 31))  # the Dutch school summer holidays of all regions fall in July and August


@cache
def _holidays(country: str, language: str) -> holidays.HolidayBase:
    """The public holidays of a country, named in the pack's language where the package has it."""
    calendar = holidays.country_holidays(country)
    if language in calendar.supported_languages:
        return holidays.country_holidays(country, language=language)
    english = next((code for code in calendar.supported_languages if code.startswith("en")), None)
    return holidays.country_holidays(country, language=english) if english else calendar


@dataclass(frozen=True)
class Calendar:
    """Which days a candidate can act on: no Sundays or public holidays, weekdays preferred."""

    country: str = HOME_COUNTRY
    language: str = "nl"

    def holiday(self, day: dt.date) -> str | None:
        """The name of the public holiday on `day` in the Netherlands or the interview's country."""
        for country in dict.fromkeys((HOME_COUNTRY, self.country)):
            name = _holidays(country, self.language).get(day)
            if name:
                return str(name)
        return None

    def open(self, day: dt.date) -> bool:
        """A day a task may fall on at all: not a Sunday, not a public holiday."""
        return day.weekday() != 6 and self.holiday(day) is None

    def preferred(self, day: dt.date) -> bool:
        """A weekday that is not a holiday, nor Christmas Eve or New Year's Eve."""
        return day.weekday() < 5 and self.open(day) and (day.month, day.day) not in ((12, 24), (12, 31))

    def business(self, day: dt.date) -> bool:
        """A day the employer works: Monday to Friday, not a public holiday."""
        return day.weekday() < 5 and self.holiday(day) is None

    def days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        """The days from `first` to `last` to put tasks on: the preferred ones, plus Saturdays and
        the like when there are too few weekdays left; empty when no day at all is open."""
        span = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        weekdays = [day for day in span if self.preferred(day)]
        return weekdays if len(weekdays) >= ENOUGH_WEEKDAYS else [day for day in span if self.open(day)]

    def next_business(self, day: dt.date, quiet: bool = False) -> dt.date:
        """`day` or the first business day after it; with `quiet`, also past Christmas week,
        when a message to an employer waits until the new year anyway."""
        while not self.business(day) or (quiet and day.month == 12 and day.day >= 24):
            day += dt.timedelta(days=1)
        return day

    def holidays_between(self, first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
        """The public holidays from `first` to `last`, in date order, with their names."""
        found = []
        for offset in range((last - first).days + 1):
            day = first + dt.timedelta(days=offset)
            name = self.holiday(day)
            if name:
                found.append((day, name))
        return found


@dataclass(frozen=True)
class Schedule:
    """Every date the pack mentions, derived from the interview date, today and the calendar."""

    today: dt.date
    interview: dt.date
    plan: list[dt.date]
    decision_early: dt.date
    decision_from: dt.date
    decision_to: dt.date
    thank_you_by: dt.date
    check_in: dt.date
    calendar: Calendar = field(default_factory=Calendar)
    prep_days: list[dt.date] = field(default_factory=list)   # the days of the plan window
    early_days: list[dt.date] = field(default_factory=list)  # every day from today: for "start now" tasks

    @property
    def days_to_go(self) -> int:
        """Days from today until the interview; negative when it is past."""
        return (self.interview - self.today).days

    def day_at(self, share: float, early: bool = False) -> dt.date:
        """The day `share` of the way through the plan window (0 its first day, 1 the last before
        the interview); with `early`, through every day from today, for tasks that start now.
        Today when no day is left before the interview."""
        days = (self.early_days if early else self.prep_days) or [self.today]
        return days[round(min(max(share, 0.0), 1.0) * (len(days) - 1))]

    def window_holidays(self) -> list[tuple[dt.date, str]]:
        """The public holidays on weekdays in the whole wait, from the day after the interview to
        the latest decision day."""
        first = self.interview + dt.timedelta(days=1)
        return [(day, name) for day, name in self.calendar.holidays_between(first, self.decision_to)
                if day.weekday() < 5]

    def window_season(self) -> str | None:
        """'christmas' or 'summer' when the wait for a decision spans a season when decisions slow
        down, else None."""
        first, last = self.interview + dt.timedelta(days=1), self.decision_to
        if any(first <= dt.date(year, 12, 25) <= last for year in (first.year, last.year)):
            return "christmas"
        for year in {first.year, last.year}:
            start, end = dt.date(year, *SUMMER[0]), dt.date(year, *SUMMER[1])
            if first <= end and last >= start:
                return "summer"
        return None


def plan_window(today: dt.date, interview: dt.date, calendar: Calendar) -> tuple[list[dt.date], list[dt.date]]:
    """The days for the plan (the last two weeks before the interview) and for tasks that start
    now (every day from today), both without Sundays and holidays; empty when none is left."""
    last = interview - dt.timedelta(days=1)
    if last < today:
        return [], []
    start = max(today, interview - dt.timedelta(days=PREP_DAYS))
    return calendar.days(start, last), calendar.days(today, last)


def spread(days: list[dt.date], count: int, today: dt.date) -> list[dt.date]:
    """`count` dates spread evenly over `days`, first to last, in order; today when there are none."""
    if not days:
        return [today] * count
    last = max(count - 1, 1)
    return [days[round(i * (len(days) - 1) / last)] for i in range(count)]


def build_schedule(today: dt.date, interview: dt.date, steps: int, calendar: Calendar | None = None) -> Schedule:
    """All dates of one pack, with `steps` plan dates: a decision 3 to 6 weeks after the interview,
    maybe within 2 (each moved to a business day, past Christmas week); a thank-you on the next
    business day; a check-in a few days after the latest decision day, when silence means asking."""
    calendar = calendar or Calendar()
    prep, early = plan_window(today, interview, calendar)
    def decision_day(days: int) -> dt.date:  # an estimate, but never shown as a holiday or a weekend
        return calendar.next_business(interview + dt.timedelta(days=days), quiet=True)

    decision_from = decision_day(DECISION_FROM)
    schedule = Schedule(
        today=today,
        interview=interview,
        plan=spread(prep, steps, today),
        decision_early=decision_day(DECISION_EARLY),
        decision_from=decision_from,
        decision_to=decision_day(DECISION_TO),
        thank_you_by=calendar.next_business(interview + dt.timedelta(days=1)),
        check_in=calendar.next_business(decision_day(DECISION_TO) + dt.timedelta(days=CHECK_IN_AFTER), quiet=True),
        calendar=calendar,
        prep_days=prep,
        early_days=early,
    )
    if schedule.window_season():  # Christmas or summer: decisions slow down, so the window ends a week later
        latest = decision_day(DECISION_TO + SLOW_SEASON_EXTRA)
        schedule = replace(schedule, decision_to=latest, check_in=calendar.next_business(
            latest + dt.timedelta(days=CHECK_IN_AFTER), quiet=True))
    return schedule


def countdown(t: Callable[..., str], days: int) -> str:
    """How far off the interview is, in words ('nog 5 dagen', 'morgen is het zover', 'het gesprek
    was gisteren'): on the cover and in an agency's overview, never 'nog -3 dagen'."""
    if days > 1:
        return t("labels.days_to_go", n=days)
    if days == 1:
        return t("labels.one_day_to_go")
    if days == 0:
        return t("labels.today")
    return t("labels.days_ago", n=-days)
