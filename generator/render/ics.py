"""The pack's calendar as an iCalendar file: the interview, each plan step, the follow-up."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from icalendar import Alarm, Calendar, Event

from generator.atomic import inside, write_atomic
from generator.content.blocks import CalendarEvent, Pack
from generator.render.assets import Assets

TIMEZONE = "Europe/Amsterdam"
STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # fixed, so identical input gives identical bytes


def _uid(pack: Pack, key: str) -> str:
    """A stable id, so importing a regenerated pack updates events instead of doubling them."""
    interview = next((e.day for e in pack.events if e.key == "interview"), pack.made_date)
    digest = hashlib.sha256(f"{pack.slug}|{interview}|{key}".encode()).hexdigest()[:24]
    return f"{digest}@prep-pack"


def _event(pack: Pack, item: CalendarEvent) -> Event:
    """One VEVENT: timed (in the Netherlands' time zone) with a reminder, or a whole day."""
    from zoneinfo import ZoneInfo

    event = Event()
    event.add("uid", _uid(pack, item.key))
    event.add("dtstamp", STAMP)
    if item.start is not None:
        start = dt.datetime.combine(item.day, item.start, tzinfo=ZoneInfo(TIMEZONE))
        event.add("dtstart", start)
        event.add("dtend", start + dt.timedelta(minutes=item.minutes))
    else:
        event.add("dtstart", item.day)
        event.add("dtend", item.day + dt.timedelta(days=1))
    event.add("summary", item.summary)
    if item.reminder:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", item.summary)
        alarm.add("trigger", dt.timedelta(hours=-2))
        event.add_component(alarm)
    if not item.busy:
        event.add("transp", "TRANSPARENT")  # a reminder, not time taken
    if item.location:
        event.add("location", item.location)
    if item.description:
        event.add("description", item.description)
    return event


def ics_bytes(pack: Pack) -> bytes:
    """Build the calendar from the pack's events."""
    cal = Calendar()
    cal.add("prodid", "-//prep-pack//prep-pack//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{pack.title}: {pack.company}")
    for item in pack.events:
        cal.add_component(_event(pack, item))
    cal.add_missing_timezones()  # RFC 5545: every TZID used needs its VTIMEZONE
    return cal.to_ical()


def render_ics(pack: Pack, out_dir: Path, _assets: Assets) -> Path:
    """Write `<slug>.ics` into `out_dir` and return its path."""
    return write_atomic(inside(out_dir, f"{pack.slug}.ics"), ics_bytes(pack))
