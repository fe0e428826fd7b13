"""The dates of a pack: plan steps, decision window and follow-up, across month and year ends."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.content.schedule import Calendar, Schedule, build_schedule
from generator.language import load_language
from generator.localize import long_date, short_date

D = dt.date


NL = Calendar()


def _every_day(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _proposed(s: Schedule) -> list[dt.date]:
    """Every date a pack built on this schedule proposes: plan, task days, thank-you, check-in."""
    tasks = [s.day_at(share / 10) for share in range(11)] + [s.day_at(share / 10, early=True) for share in range(11)]
    return [*s.plan, *tasks, s.thank_you_by, s.check_in]


def _no_day_left(s: Schedule) -> bool:
    """Only today is left before the interview and it is closed: nothing else can be proposed."""
    return not s.prep_days


# Interview dates: every day of 2027, and the weeks around Easter and Christmas 2026; lead times
# from one day to two months.
INTERVIEWS = _every_day(D(2027, 1, 1), D(2027, 12, 31)) + _every_day(D(2026, 3, 25), D(2026, 4, 15)) \
    + _every_day(D(2026, 12, 15), D(2026, 12, 31))


@pytest.mark.parametrize("lead", [1, 2, 3, 5, 9, 16, 45])
def test_a_year_of_interviews_proposes_no_sunday_no_holiday_and_no_early_check_in(lead):
    for interview in INTERVIEWS:
        s = build_schedule(interview - dt.timedelta(days=lead), interview, 6, NL)
        proposed = _proposed(s)
        if _no_day_left(s):
            proposed = [s.thank_you_by, s.check_in]
        bad = [day for day in proposed if day.weekday() == 6 or NL.holiday(day)]
        assert not bad, (interview, lead, bad)
        assert s.check_in >= s.decision_from, interview
        window = (s.decision_early, s.decision_from, s.decision_to)
        assert all(NL.business(day) for day in window), (interview, window)
        assert s.thank_you_by > interview and s.thank_you_by.weekday() < 5
        assert s.plan == sorted(s.plan) and all(s.today <= day < interview for day in s.plan)


def test_the_country_of_the_interview_adds_its_holidays():
    """21 July is Belgium's national day: no task for an interview in Brussels on the 22nd."""
    s = build_schedule(D(2027, 7, 1), D(2027, 7, 22), 6, Calendar("BE"))
    assert D(2027, 7, 21) not in _proposed(s)
    assert D(2027, 7, 21) in build_schedule(D(2027, 7, 1), D(2027, 7, 22), 6, NL).plan


def test_a_long_lead_puts_the_plan_in_the_last_two_weeks_and_story_work_now():
    s = build_schedule(D(2026, 11, 2), D(2027, 2, 1), 6, NL)
    assert s.plan[0] >= D(2027, 2, 1) - dt.timedelta(days=14)
    assert s.plan[-1] == D(2027, 1, 29)  # the Friday before a Monday interview
    assert s.day_at(0, early=True) == D(2026, 11, 2)


def test_weekdays_are_preferred_and_christmas_eve_avoided():
    s = build_schedule(D(2026, 12, 14), D(2026, 12, 28), 6, NL)
    assert all(day.weekday() < 5 for day in s.plan)
    assert D(2026, 12, 24) not in _proposed(s)


def test_a_short_lead_over_a_weekend_uses_saturday_rather_than_one_day():
    s = build_schedule(D(2027, 3, 6), D(2027, 3, 9), 6, NL)  # Saturday; interview Tuesday
    assert set(s.plan) == {D(2027, 3, 6), D(2027, 3, 8)}


@pytest.mark.parametrize("days", [1, 0, -1, -400])
def test_tomorrow_today_or_past_puts_every_step_on_today(days):
    today = D(2026, 12, 30)
    assert build_schedule(today, today + dt.timedelta(days=days), 6, NL).plan == [today] * 6


def test_thank_you_after_a_friday_interview_is_monday():
    s = build_schedule(D(2027, 1, 2), D(2027, 1, 29), 6, NL)
    assert s.thank_you_by == D(2027, 2, 1)


def test_thank_you_skips_easter_monday():
    assert build_schedule(D(2026, 3, 20), D(2026, 4, 2), 6, NL).thank_you_by == D(2026, 4, 7)


def test_check_in_waits_for_the_window_and_for_the_new_year():
    s = build_schedule(D(2026, 11, 26), D(2026, 12, 3), 6, NL)
    # three weeks would be Christmas Eve: the window opens on the first working day of the new year
    # six weeks would be 14 January; over Christmas the latest decision day allows a week more
    assert (s.decision_early, s.decision_from, s.decision_to) == (D(2026, 12, 17), D(2027, 1, 4), D(2027, 1, 21))
    assert s.check_in == D(2027, 1, 25)  # a few days after the latest decision day
    assert s.window_season() == "christmas"


def test_summer_and_plain_windows():
    assert build_schedule(D(2027, 6, 1), D(2027, 6, 24), 6, NL).window_season() == "summer"
    plain = build_schedule(D(2027, 3, 1), D(2027, 3, 16), 6, NL)
    assert plain.window_season() is None
    assert [name for _, name in build_schedule(D(2027, 4, 1), D(2027, 4, 8), 6, NL).window_holidays()] \
        == ["Koningsdag", "Hemelvaartsdag", "Tweede pinksterdag"]


def test_holiday_names_follow_the_pack_language():
    assert Calendar("NL", "en").holiday(D(2026, 12, 25)) == "Christmas Day"
    assert Calendar("NL", "nl").holiday(D(2026, 12, 25)) == "Eerste kerstdag"


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
    plan = build_schedule(D(2026, 11, 20), D(2026, 12, 3), steps, NL).plan
    assert len(plan) == steps and plan == sorted(plan)
    assert plan[0] == D(2026, 11, 20) and (steps == 1 or plan[-1] == D(2026, 12, 2))
