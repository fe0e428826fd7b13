"""`prep-pack compare`: the offer comparison alone, for the terminal, CSV or JSON.

Reads a full profile or a file with just `offers:` (and optionally `language:` and `salary:`),
validated like any profile, and shows the same figures the pack shows.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.content.offers import Comparison, compare
from generator.errors import InputError, Problem
from generator.language import DEFAULT_LANGUAGE, load_language
from generator.messages import choose_language
from generator.models import LanguageCode, Offer, Salary, Strict
from generator.render.offers_csv import offers_csv
from generator.validate import check_mapping, load_inputs
from generator.yamlload import load_yaml_mapping


class OffersFile(Strict):
    """A file holding only offers to compare."""

    language: LanguageCode = DEFAULT_LANGUAGE
    salary: Salary | None = None
    offers: list[Offer]


def load_offers(path: Path, lang: str | None = None) -> tuple[list[Offer], str, str]:
    """The offers of a profile or offers-only file, its language and currency (problems in `lang`, if given)."""
    try:
        raw = load_yaml_mapping(path, "file")
    except InputError as exc:
        raise exc.in_language(choose_language(lang, path=path)) from None
    if "candidate" in raw or "application" in raw:
        profile = load_inputs(path, lang=lang).profile
        currency = profile.salary.currency if profile.salary else "EUR"
        return profile.offers, profile.language, currency
    data, problems = check_mapping(OffersFile, raw, path)
    if problems or not isinstance(data, OffersFile):
        raise InputError(problems, choose_language(lang, raw=raw))
    return data.offers, data.language, data.salary.currency if data.salary else "EUR"


def as_json(comparison: Comparison) -> str:
    """One object per offer, in input order, with every quantity of docs/offers.md, unrounded."""
    return json.dumps([value.as_dict() for value in comparison.values], indent=2, ensure_ascii=False)


def as_csv(comparison: Comparison) -> str:
    """The same as the JSON, as CSV."""
    return offers_csv([value.as_dict() for value in comparison.values])


def as_table(comparison: Comparison, lang: str, currency: str) -> str:
    """An aligned terminal table with the best value per hour marked and a verdict below."""
    from generator.content.chapters_money import offer_rows

    texts = load_language(lang).texts
    header, rows = offer_rows(comparison, texts, load_language(lang).locale, currency)
    # the offer's marks (current, best) follow its name; a difference follows its figure after a gap
    cells = [header] + [[cell.replace("\n", " " if i == 0 else "  ") for i, cell in enumerate(row.cells)]
                        for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = []
    for number, row in enumerate(cells):
        text = "  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(row))
        lines.append(click.style(text, bold=True) if number == 0 else text)
        if number == 0:
            lines.append("-" * len(text))
    if len(comparison.offers) > 1:
        best = comparison.offers[comparison.best_per_hour_index]
        per_hour = rows[comparison.best_per_hour_index].cells[7].split("\n")[0]
        lines += ["", f"{texts('sections.offers.verdict')} {best.name} ({per_hour})"]
        if comparison.apples_and_pears:
            top = comparison.offers[comparison.highest_monthly_index]
            lines += [" ".join(texts("sections.offers.warning").split()),
                      f"{texts('sections.offers.highest_monthly')} {top.name}"]
    return "\n".join(lines)


def run_compare(path: Path, fmt: str, lang: str | None) -> str:
    """The comparison of the offers in `path` in the asked-for format."""
    offers, file_lang, currency = load_offers(path, lang)
    comparison = compare(offers)
    if comparison is None:
        raise InputError([Problem(path, None, None, "offers", "compare.no_offers")], lang or file_lang)
    if fmt == "json":
        return as_json(comparison)
    if fmt == "csv":
        return as_csv(comparison).rstrip("\n")
    return as_table(comparison, lang or file_lang, currency)
