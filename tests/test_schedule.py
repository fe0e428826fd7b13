"""The dates of a pack: plan steps, decision window and follow-up, across month and year ends."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.content.schedule import build_schedule, next_working_day, plan_dates
from generator.language import load_language
from generator.localize import long_date, short_date

D = dt.date


@pytest.mark.parametrize("today, interview", [
    (D(2026, 11, 26), D(2026, 12, 3)),    # across a month end
    (D(2026, 12, 20), D(2027, 1, 8)),     # across a year end
    (D(2028, 2, 25), D(2028, 3, 2)),      # across a leap day
    (D(2026, 11, 26), D(2027, 3, 1)),     # months away
    (D(2026, 11, 26), D(2026, 11, 29)),   # fewer days than steps
])
def test_plan_runs_from_today_to_the_day_before_in_order(today, interview):
    plan = plan_dates(today, interview, 6)
    assert len(plan) == 6
    assert plan[0] == today
    assert plan[-1] == interview - dt.timedelta(days=1)
    assert plan == sorted(plan)


@pytest.mark.parametrize("days", [1, 0, -1, -400])
def test_tomorrow_today_or_past_puts_every_step_on_today(days):
    today = D(2026, 12, 31)
    assert plan_dates(today, today + dt.timedelta(days=days), 6) == [today] * 6


def test_decision_window_crosses_the_year_end():
    s = build_schedule(D(2026, 11, 26), D(2026, 12, 3), 6)
    assert (s.decision_early, s.decision_from, s.decision_to) == (D(2026, 12, 17), D(2026, 12, 24), D(2027, 1, 14))
    assert s.thank_you_by == D(2026, 12, 4)
    assert s.days_to_go == 7


def test_thank_you_after_a_month_end_interview_is_next_month():
    s = build_schedule(D(2027, 1, 2), D(2027, 1, 31), 6)
    assert s.thank_you_by == D(2027, 2, 1)
    assert s.decision_to == D(2027, 3, 14)


@pytest.mark.parametrize("day, expected", [
    (D(2026, 12, 19), D(2026, 12, 21)),   # Saturday -> Monday
    (D(2027, 1, 3), D(2027, 1, 4)),       # Sunday -> Monday
    (D(2026, 12, 18), D(2026, 12, 18)),   # Friday stays
])
def test_check_in_never_falls_in_a_weekend(day, expected):
    assert next_working_day(day) == expected


def test_check_in_is_a_working_day_about_two_weeks_after():
    s = build_schedule(D(2026, 11, 26), D(2026, 12, 3), 6)
    assert s.check_in.weekday() < 5
    assert 15 <= (s.check_in - s.interview).days <= 17


@pytest.mark.parametrize("day, lang, expected", [
    (D(2026, 12, 3), "nl", "donderdag 3 december 2026"),
    (D(2026, 12, 3), "en", "Thursday 3 December 2026"),
    (D(2027, 1, 1), "nl", "vrijdag 1 januari 2027"),
    (D(2027, 1, 1), "en", "Friday 1 January 2027"),
])
def test_dates_are_written_in_the_pack_language(day, lang, expected):
    assert long_date(day, load_language(lang).locale) == expected


def test_short_dates_are_localised():
    assert short_date(D(2026, 12, 3), "nl_NL").startswith("do 3 dec")
    assert short_date(D(2026, 12, 3), "en_GB") == "Thu 3 Dec"


@pytest.mark.parametrize("steps", [1, 3, 6, 8])
def test_the_plan_has_as_many_dates_as_steps(steps):
    """The number of plan dates follows the number of steps in the texts, not a constant."""
    plan = plan_dates(D(2026, 11, 20), D(2026, 12, 3), steps)
    assert len(plan) == steps and plan == sorted(plan)
    assert plan[0] == D(2026, 11, 20) and (steps == 1 or plan[-1] == D(2026, 12, 2))
