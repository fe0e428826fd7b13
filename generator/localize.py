"""Dates, money and numbers in the pack's language, through Babel.

Dutch packs read `donderdag 3 december 2026` and `€ 4.300`; English packs read
`Thursday 3 December 2026` and `€4,300`. Whole euros for salaries, cents for per-hour figures.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALES = {"nl": "nl_NL", "en": "en_GB"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, "nl_NL")


def long_date(day: dt.date, lang: str) -> str:
    """'donderdag 3 december 2026' / 'Thursday 3 December 2026'."""
    return format_date(day, "EEEE d MMMM y", locale=_locale(lang))


def short_date(day: dt.date, lang: str) -> str:
    """'do 3 dec.' / 'Thu 3 Dec': for tables and checklists."""
    return format_date(day, "EEE d MMM", locale=_locale(lang))


def money(amount: float, lang: str, currency: str = "EUR", cents: bool = False) -> str:
    """An amount of money, in whole units unless `cents` is asked for."""
    if cents:
        return format_currency(amount, currency, locale=_locale(lang))
    pattern = Locale.parse(_locale(lang)).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(round(amount), currency, format=pattern, locale=_locale(lang), currency_digits=False)


def signed_money(amount: float, lang: str, currency: str = "EUR", cents: bool = False) -> str:
    """A difference of money with an explicit sign: '+ € 1.200' reads better than '€ 1.200'."""
    text = money(abs(amount), lang, currency, cents)
    if (round(amount, 2) if cents else round(amount)) == 0:
        return text
    return ("+" if amount > 0 else "−") + text


def number(value: float, lang: str, decimals: int = 0) -> str:
    """A plain number with the language's separators."""
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(round(value, decimals), format=fmt, locale=_locale(lang))


def percent(value: float, lang: str, signed: bool = False) -> str:
    """'+4,5%' / '+4.5%': one decimal."""
    text = format_decimal(round(abs(value), 1), format="#,##0.0", locale=_locale(lang)) + "%"
    if signed and round(value, 1) != 0:
        return ("+" if value > 0 else "−") + text
    return text
