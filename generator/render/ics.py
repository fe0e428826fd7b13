"""The pack's dates as an iCalendar file: the interview, each plan step, the follow-up."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from generator.atomic import inside, write_atomic
from generator.document import Pack

TIMEZONE = "Europe/Amsterdam"


def _uid(pack: Pack, what: str) -> str:
    """A stable id, so importing a regenerated pack updates events instead of doubling them."""
    digest = hashlib.sha256(f"{pack.slug}|{pack.interview_date}|{what}".encode()).hexdigest()[:24]
    return f"{digest}@prep-pack"


def _all_day(pack: Pack, what: str, day: dt.date, summary: str, description: str = "") -> Event:
    event = Event()
    event.add("uid", _uid(pack, what))
    event.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("transp", "TRANSPARENT")
    if description:
        event.add("description", description)
    return event


def ics_bytes(pack: Pack) -> bytes:
    """Build the calendar: the interview with place and duration, and a reminder per step."""
    from zoneinfo import ZoneInfo

    cal = Calendar()
    cal.add("prodid", "-//prep-pack//prep-pack//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{pack.title}: {pack.company}")
    interview = Event()
    interview.add("uid", _uid(pack, "interview"))
    interview.add("dtstamp", dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
    title = f"{pack.role} · {pack.company}"
    interview.add("summary", title)
    if pack.start_time:
        start = dt.datetime.combine(pack.interview_date, pack.start_time, tzinfo=ZoneInfo(TIMEZONE))
        interview.add("dtstart", start)
        interview.add("dtend", start + dt.timedelta(minutes=pack.duration_minutes or 60))
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", title)
        alarm.add("trigger", dt.timedelta(hours=-2))
        interview.add_component(alarm)
    else:
        interview.add("dtstart", pack.interview_date)
        interview.add("dtend", pack.interview_date + dt.timedelta(days=1))
    if pack.location:
        interview.add("location", pack.location)
    if pack.interviewer_names:
        interview.add("description", ", ".join(pack.interviewer_names))
    cal.add_component(interview)
    for number, (title_text, day) in enumerate(zip(pack.plan_titles, pack.schedule.plan), start=1):
        cal.add_component(_all_day(pack, f"step{number}", day, f"{number}/6 {title_text}"))
    labels = pack.labels
    cal.add_component(_all_day(pack, "thanks", pack.schedule.thank_you_by, labels.get("ics_thanks", "Thank-you")))
    cal.add_component(_all_day(pack, "checkin", pack.schedule.check_in, labels.get("ics_check_in", "Check in")))
    cal.add_missing_timezones()  # RFC 5545: every TZID used needs its VTIMEZONE
    return cal.to_ical()


def render_ics(pack: Pack, out_dir: Path) -> Path:
    """Write `<slug>.ics` into `out_dir` and return its path."""
    return write_atomic(inside(out_dir, f"{pack.slug}.ics"), ics_bytes(pack))
