"""Dates, money and numbers in the pack's language, through Babel.

Every function takes a Babel locale (`Language.locale`, from the language folder's language.yaml).

Dutch packs read `donderdag 3 december 2026` and `€ 4.300`; English packs read
`Thursday 3 December 2026` and `€4,300`. Whole euros for salaries, cents for per-hour figures.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal


def long_date(day: dt.date, locale: str) -> str:
    """'donderdag 3 december 2026' / 'Thursday 3 December 2026'."""
    return format_date(day, "EEEE d MMMM y", locale=locale)


def short_date(day: dt.date, locale: str) -> str:
    """'do 3 dec.' / 'Thu 3 Dec': for tables and checklists."""
    return format_date(day, "EEE d MMM", locale=locale)


def money(amount: float, locale: str, currency: str = "EUR", cents: bool = False) -> str:
    """An amount of money, in whole units unless `cents` is asked for."""
    if cents:
        return format_currency(amount, currency, locale=locale)
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(round(amount), currency, format=pattern, locale=locale, currency_digits=False)


def signed_money(amount: float, locale: str, currency: str = "EUR", cents: bool = False) -> str:
    """A difference of money with an explicit sign: '+ € 1.200' reads better than '€ 1.200'."""
    text = money(abs(amount), locale, currency, cents)
    if (round(amount, 2) if cents else round(amount)) == 0:
        return text
    return ("+" if amount > 0 else "−") + text


def number(value: float, locale: str) -> str:
    """A quantity such as hours or days: '36', '36,5' / '36.5', never '36.0'."""
    return format_decimal(value, format="#,##0.##", locale=locale)


def percent(value: float, locale: str, signed: bool = False) -> str:
    """'+4,5%' / '+4.5%': one decimal."""
    text = format_decimal(round(abs(value), 1), format="#,##0.0", locale=locale) + "%"
    if signed and round(value, 1) != 0:
        return ("+" if value > 0 else "−") + text
    return text
