"""Reading dates and times as people write them, and saying exactly what is wrong with one that
cannot be a date: 'February 2026 has only 28 days', not 'use YYYY-MM-DD' to someone who did.

The profile takes dates as YYYY-MM-DD only (so a file means the same to everyone); a date written
another way is refused with the YYYY-MM-DD form of what was meant. The title of Markdown notes
may also carry `19-11-2026`, `19/11/2026`, `19 november 2026`, `19 nov 2026` or `November 19, 2026`.
Month names come from Babel for every language folder, so a new language brings its own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from babel.dates import get_month_names

from generator.errors import Refusal
from generator.language import language_facts, languages

FIRST_YEAR, LAST_YEAR = 1900, 2999
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_CLOCK = re.compile(r"(\d{1,2})\s*([:.hHuU])\s*(\d{2})(?::(\d{2}))?")
_AM_PM = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\.?", re.IGNORECASE)


@lru_cache(maxsize=1)
def month_words() -> dict[str, int]:
    """Month names and their usual short forms in every language, case-folded: 'nov' -> 11."""
    words: dict[str, int] = {}
    for code in languages():
        locale = str(language_facts(code).get("locale", "en_GB"))
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                name = str(name).casefold().rstrip(".")
                words.setdefault(name, number)
                words.setdefault(name[:3], number)
    return words


def _month_pattern() -> str:
    return "|".join(sorted((re.escape(w) for w in month_words()), key=len, reverse=True))


def days_in(year: int, month: int) -> int:
    """How many days a month has (any year, also those `datetime` cannot hold)."""
    return _DAYS[month - 1] + (month == 2 and calendar.isleap(year))


def calendar_date(year: int, month: int, day: int, written: str) -> dt.date:
    """The date, or a `Refusal` that names what does not exist (month 13, 30 February...)."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Refusal("date.year_range", value=written, first=FIRST_YEAR, last=LAST_YEAR)
    if not 1 <= month <= 12:
        if 1 <= day <= 12 and 1 <= month <= days_in(year, day):
            raise Refusal("date.no_month_swap", value=written, month=month,
                              fixed=dt.date(year, day, month).isoformat())
        raise Refusal("date.no_month", value=written, month=month)
    if day == 0:
        raise Refusal("date.day_zero", value=written)
    if day > days_in(year, month):
        raise Refusal("date.no_day", value=written, ym=(year, month), days=days_in(year, month), day=day)
    return dt.date(year, month, day)


def in_range(day: dt.date) -> dt.date:
    """Keep dates where date arithmetic (plan steps, decision window) cannot overflow."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Refusal("date.year_range", value=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
    return day


def iso_date(text: str) -> dt.date:
    """A YYYY-MM-DD date; any other form is refused with what it would be as YYYY-MM-DD."""
    match = _ISO.fullmatch(text)
    if match:
        return calendar_date(int(match[1]), int(match[2]), int(match[3]), text)
    try:
        found = find_date(text, whole=True)
    except Refusal:
        found = None
    if found is not None:
        raise Refusal("date.form_fix", value=text, fixed=found.isoformat())
    raise Refusal("date.form", value=text)


def _year(text: str) -> int:
    return int(text) + 2000 if len(text) == 2 else int(text)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    months = _month_pattern()
    return [  # (pattern, order of its groups): y year, m month (number or name), d day; compact YYYYMMDD
        (re.compile(r"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"), "ymd"),
        (re.compile(r"(\d{8})"), "compact"),
        (re.compile(r"(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?!\d)"), "dmy"),
        (re.compile(rf"(?<!\d)(\d{{1,2}})(?:st|nd|rd|th|e)?\s+({months})\.?,?\s+(\d{{4}})(?!\d)", re.I), "dmy"),
        (re.compile(rf"\b({months})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.I), "mdy"),
    ]


def _month_number(text: str) -> int:
    return int(text) if text.isdigit() else month_words()[text.casefold()]


def _from_match(match: re.Match[str], order: str) -> dt.date:
    written = match.group(0)
    if order == "compact":
        digits = match[1]
        return calendar_date(int(digits[:4]), int(digits[4:6]), int(digits[6:]), written)
    parts = dict(zip(order, match.groups(), strict=True))
    return calendar_date(_year(parts["y"]), _month_number(parts["m"]), int(parts["d"]), written)


def find_date(text: str, *, whole: bool = False) -> dt.date | None:
    """The first full date in `text` in any common form (with `whole`, `text` must be just the date).

    A date that cannot exist raises a `Refusal`; no date at all gives None.
    """
    for pattern, order in _patterns():
        if order == "compact" and not whole:  # eight digits in a title may be anything
            continue
        match = pattern.fullmatch(text.strip()) if whole else pattern.search(text)
        if match:
            return _from_match(match, order)
    return None


def yearless(text: str) -> str | None:
    """A day and month without a year ('19-11', '19 november'), as written, if `text` holds one."""
    months = _month_pattern()
    for pattern in (r"(?<![\d\-/.])\d{1,2}[-/]\d{1,2}(?![\d\-/.])",
                    rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th|e)?\s+(?:{months})\b\.?(?!,?\s*\d)"):
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            return match.group(0)
    return None


def clock_time(text: str) -> dt.time:
    """An HH:MM time on the 24-hour clock; anything else is refused with what it should be."""
    match = _CLOCK.fullmatch(text)
    if match is None:
        return _not_a_clock(text)
    hours, sep, minutes, seconds = match.groups()
    if int(hours) > 23:
        raise Refusal("time.no_hour", value=text, hour=int(hours))
    if int(minutes) > 59 or (seconds is not None and int(seconds) > 59):
        raise Refusal("time.no_minute", value=text)
    fixed = f"{int(hours):02d}:{minutes}"
    if sep != ":":
        raise Refusal("time.separator", value=text, sep=sep, fixed=fixed)
    if " " in text:
        raise Refusal("time.spaces", value=text, fixed=fixed)
    if len(hours) == 1:
        raise Refusal("time.leading_zero", value=text, fixed=fixed)
    return dt.time(int(hours), int(minutes), int(seconds or 0))


def _not_a_clock(text: str) -> dt.time:
    match = _AM_PM.fullmatch(text)
    if match and 1 <= int(match[1]) <= 12 and int(match[2] or 0) <= 59:
        hours = int(match[1]) % 12 + (12 if match[3].lower() == "p" else 0)
        raise Refusal("time.am_pm", value=text, fixed=f"{hours:02d}:{match[2] or '00'}")
    raise Refusal("time.form", value=text)
