"""`prep-pack compare`: the offer comparison alone, for the terminal, CSV or JSON.

Reads a full profile or a file with just `offers:` (and optionally `language:` and `salary:`),
validated like any profile, and shows the same figures the pack shows: the table (fitted to the
terminal, turned on its side when it is narrow), the flags per offer and the verdict; or every
record of `offer_export` as CSV or JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from generator.content.net_pay import NetPay, estimate_all
from generator.content.offer_checks import guaranteed, warn_apples_and_pears
from generator.content.offer_export import COLUMNS, offer_records
from generator.content.offers import Comparison, compare
from generator.csvtext import csv_text, default_dialect
from generator.errors import InputError, Problem
from generator.fieldtypes import Few
from generator.language import DEFAULT_LANGUAGE, Texts, load_language
from generator.messages import choose_language
from generator.models import LanguageCode, Offer, Profile, Salary, Strict
from generator.validate import check_mapping
from generator.yamlload import load_yaml_mapping

WIDE = 110  # below this many columns the table is turned on its side: one column per offer


class OffersFile(Strict):
    """A file holding only offers to compare."""

    language: LanguageCode = DEFAULT_LANGUAGE
    salary: Salary | None = None
    offers: Annotated[list[Offer], Few]  # as many as a profile may hold


@dataclass(frozen=True)
class OffersInput:
    """What `compare` needs from a file: the offers, and the candidate's salary wishes if given."""

    offers: list[Offer]
    language: str
    salary: Salary | None
    country: str = "NL"

    @property
    def currency(self) -> str:
        """The currency of every amount."""
        return self.salary.currency if self.salary else "EUR"


def load_offers(path: Path, lang: str | None = None) -> OffersInput:
    """The offers of a profile or offers-only file (problems in `lang`, if given)."""
    try:
        raw = load_yaml_mapping(path, "file")
    except InputError as exc:
        raise exc.in_language(choose_language(lang, path=path)) from None
    whole = "candidate" in raw or "application" in raw  # a full profile; its notes are not needed here
    data, problems = check_mapping(Profile if whole else OffersFile, raw, path)  # read once: stdin too
    if problems or not isinstance(data, Profile | OffersFile):
        raise InputError(problems, choose_language(lang, raw=raw))
    if isinstance(data, Profile):
        return OffersInput(data.offers, data.language, data.salary, data.application.country)
    return OffersInput(data.offers, data.language, data.salary)


def _flag_lines(comparison: Comparison, texts: Texts, salary: Salary | None) -> list[str]:
    """One line per offer with flags: its name and the short names of what the pack warns about."""
    from generator.content.offer_texts import flag_names

    return [f"{offer.name}: {'; '.join(names)}" for index, offer in enumerate(comparison.offers)
            if (names := flag_names(texts, comparison, index, salary))]


def _verdict_lines(comparison: Comparison, texts: Texts, rows: list[list[str]]) -> list[str]:
    """The verdict as in the pack: best per hour, the certain winner when it differs, apples and pears."""
    best = comparison.offers[comparison.best_per_hour_index]
    lines = [f"{texts('sections.offers.verdict')} {best.name} ({rows[comparison.best_per_hour_index][7]})"]
    certain = guaranteed(comparison)
    if certain.best_per_hour_index != comparison.best_per_hour_index:
        winner = comparison.offers[certain.best_per_hour_index]
        lines.append(f"{texts('sections.offers.verdict_guaranteed')} {winner.name}")
    if warn_apples_and_pears(comparison):
        top = comparison.offers[comparison.highest_monthly_index]
        lines += [" ".join(texts("sections.offers.warning").split()),
                  f"{texts('sections.offers.highest_monthly')} {top.name}"]
    return lines


def as_table(comparison: Comparison, source: OffersInput, lang: str, net: list[NetPay] | None = None,
             width: int | None = None) -> str:
    """The offer table fitted to `width` columns (default: the terminal's), then flags and verdict."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from generator.content.chapters_offers import offer_rows

    language = load_language(lang)
    texts = language.texts
    header, table_rows = offer_rows(comparison, texts, language.locale, source.currency, source.salary, net)
    cells = [[cell.replace("\n", " ") if i == 0 else cell for i, cell in enumerate(row.cells)] for row in table_rows]
    width = width or shutil.get_terminal_size((100, 24)).columns
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    if width >= WIDE:
        for i, title in enumerate(header):
            table.add_column(title, justify="left" if i == 0 else "right", overflow="fold")
        for row in cells:
            table.add_row(*row)
    else:  # on its side: one row per quantity, one column per offer
        table.add_column("", overflow="fold")
        for row in cells:
            table.add_column(row[0], justify="right", overflow="fold")
        for i, title in enumerate(header[1:], start=1):
            table.add_row(title, *[row[i] for row in cells])
    console = Console(file=io.StringIO(), width=width, color_system=None, force_terminal=False)
    console.print(table)
    lines = console.file.getvalue().rstrip("\n").split("\n")  # type: ignore[attr-defined]
    flag_lines = _flag_lines(comparison, texts, source.salary)
    if flag_lines:
        lines += ["", texts("sections.offers.against_title") + ":", *_wrap(flag_lines, width)]
    if len(comparison.offers) > 1:
        lines += ["", *_wrap(_verdict_lines(comparison, texts, [[c.split("\n")[0] for c in row] for row in cells]),
                             width)]
    return "\n".join(line.rstrip() for line in lines)


def _wrap(lines: list[str], width: int) -> list[str]:
    """Lines wrapped to the terminal, continuation lines indented."""
    return [part for line in lines
            for part in textwrap.wrap(line, width, subsequent_indent="  ", break_on_hyphens=False)]


def run_compare(path: Path, fmt: str, lang: str | None, *, csv_dialect: str | None = None,
                today: dt.date | None = None) -> str:
    """The comparison of the offers in `path` in the asked-for format."""
    source = load_offers(path, lang)
    comparison = compare(source.offers)
    if comparison is None:
        raise InputError([Problem(path, None, None, "offers", "compare.no_offers")], lang or source.language)
    year = (today or dt.date.today()).year
    net = estimate_all(source.offers, source.currency, source.country, year)
    if fmt == "json":
        return json.dumps(offer_records(comparison, source.salary, net), indent=2, ensure_ascii=False)
    if fmt == "csv":
        dialect = csv_dialect or default_dialect(lang or source.language)
        return csv_text(COLUMNS, offer_records(comparison, source.salary, net), dialect)
    return as_table(comparison, source, lang or source.language, net)
