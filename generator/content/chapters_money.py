"""Chapters 10-11: the salary talk and the offer comparison (docs/offers.md)."""

from __future__ import annotations

from generator.content.blocks import (
    Block,
    Chart,
    Emphasis,
    Heading,
    Item,
    ItemList,
    ListStyle,
    Para,
    ParaStyle,
    Section,
    Table,
    TableRow,
)
from generator.content.context import Context
from generator.content.matching import fold
from generator.content.offers import Comparison
from generator.language import Texts
from generator.localize import money, percent, signed_money
from generator.models import Offer

CONTRACTS = {"permanent": "sections.offers.permanent", "temporary": "sections.offers.temporary"}


def section_salary(c: Context) -> Section:
    """How the salary talk goes, and the candidate's own figures and priorities."""
    t = c.t
    salary = c.profile.salary
    blocks: list[Block] = [Para(p) for p in t.list("sections.salary.body")]
    blocks.append(Heading(t("sections.salary.yours")))
    facts = []
    if salary and salary.desired_monthly is not None:
        facts.append(Item(c.money(salary.desired_monthly), label=t("sections.salary.desired")))
    if salary and salary.minimum_monthly is not None:
        facts.append(Item(c.money(salary.minimum_monthly), label=t("sections.salary.minimum")))
    if salary and salary.priorities:
        facts.append(Item(", ".join(salary.priorities), label=t("sections.salary.priorities")))
    if facts:
        blocks.append(ItemList(facts, ListStyle.PLAIN))
    if not salary or salary.desired_monthly is None:
        blocks.append(Para(t("sections.salary.missing"), ParaStyle.PROMPT))
    else:
        blocks += [Heading(t("sections.salary.answer_title")),
                   Para(t("sections.salary.answer", desired=c.money(salary.desired_monthly)), ParaStyle.QUOTE)]
    return Section("salary", t("sections.salary.title"), blocks)


def _offer_name(comparison: Comparison, index: int, t: Texts) -> str:
    """The offer's name with '(current, best per hour)' marks."""
    offer = comparison.offers[index]
    marks = []
    if offer.current and fold(t("sections.offers.current_marker")) not in fold(offer.name):  # no doubling
        marks.append(t("sections.offers.current_marker"))
    if index == comparison.best_per_hour_index and len(comparison.offers) > 1:
        marks.append(t("sections.offers.best_marker"))
    return offer.name + (f"\n({', '.join(marks)})" if marks else "")  # the marks on a line of their own


def offer_rows(comparison: Comparison, t: Texts, locale: str, currency: str) -> tuple[list[str], list[TableRow]]:
    """The offer table: header and one row per offer, with differences from the current job."""
    header = [t("sections.offers.columns.name"), t("sections.offers.columns.monthly"),
              t("sections.offers.columns.hours"), t("sections.offers.columns.holidays"),
              t("sections.offers.columns.cash"), t("sections.offers.columns.pension"),
              t("sections.offers.columns.total"), t("sections.offers.columns.per_hour")]
    rows = []
    for index, (offer, value) in enumerate(zip(comparison.offers, comparison.values, strict=True)):
        cells = [_offer_name(comparison, index, t), money(offer.monthly_salary, locale, currency),
                 f"{offer.hours_per_week:g}", f"{offer.holiday_days:g}",
                 money(value.gross_annual_cash, locale, currency), money(value.employer_pension, locale, currency),
                 money(value.total_annual_value, locale, currency),
                 money(value.value_per_hour, locale, currency, cents=True)]
        total_diff = comparison.difference(index, "total_annual_value")
        hour_diff = comparison.difference(index, "value_per_hour")
        if total_diff and hour_diff:
            cells[6] += f"\n{signed_money(total_diff[0], locale, currency)} ({percent(total_diff[1], locale, True)})"
            cells[7] += (f"\n{signed_money(hour_diff[0], locale, currency, cents=True)} "
                         f"({percent(hour_diff[1], locale, True)})")
        emphasis = Emphasis.BEST if index == comparison.best_per_hour_index else Emphasis.NONE
        rows.append(TableRow(cells, attrs={"data-offer": offer.name}, emphasis=emphasis))
    return header, rows


def _details(offer: Offer, t: Texts) -> str:
    """Equipment, contract and remarks of one offer on one line ('' when there are none)."""
    parts = []
    if offer.equipment:
        parts.append(f"{t('sections.offers.equipment')}: {', '.join(offer.equipment)}")
    if offer.contract:
        parts.append(f"{t('sections.offers.contract')}: {t(CONTRACTS[offer.contract])}")
    if offer.remarks:
        parts.append(f"{t('sections.offers.remarks')}: {'; '.join(offer.remarks)}")
    return " · ".join(parts)


def _verdict(c: Context, comparison: Comparison) -> list[Block]:
    """Which offer is best per hour, the apples-and-pears warning, and the chart."""
    t = c.t
    best_index = comparison.best_per_hour_index
    best = comparison.offers[best_index]
    per_hour = c.money(comparison.values[best_index].value_per_hour, cents=True)
    blocks: list[Block] = [ItemList([Item(best.name, label=t("sections.offers.verdict"), note=per_hour)],
                                    ListStyle.PLAIN, attrs={"data-verdict": "best-per-hour"})]
    if comparison.apples_and_pears:
        top = comparison.offers[comparison.highest_monthly_index]
        top_monthly = c.money(top.monthly_salary)
        blocks += [Para(t("sections.offers.warning"), ParaStyle.WARNING),
                   ItemList([Item(top.name, label=t("sections.offers.highest_monthly"), note=top_monthly)],
                            ListStyle.PLAIN)]
    blocks.append(Chart(names=tuple(v.name for v in comparison.values),
                        totals=tuple(v.total_annual_value for v in comparison.values),
                        per_hour=tuple(v.value_per_hour for v in comparison.values), highlight=best_index,
                        title_total=t("sections.offers.chart_total"), title_hour=t("sections.offers.chart_hour"),
                        alt=t("sections.offers.chart_title"), locale=c.language.locale, currency=c.currency))
    return blocks


def section_offers(c: Context) -> Section:
    """The offer table, the details of each offer, the verdict and the chart."""
    t = c.t
    comparison = c.comparison
    if comparison is None:
        return Section("offers", t("sections.offers.title"), [Para(t("sections.offers.none"), ParaStyle.PROMPT)])
    header, rows = offer_rows(comparison, t, c.language.locale, c.currency)
    blocks: list[Block] = [Para(t("sections.offers.intro")),
                           Table(header, rows, numeric=[False] + [True] * 7,
                                 widths=[0.15, 0.13, 0.07, 0.10, 0.12, 0.11, 0.16, 0.16], css_class="offers")]
    details = [Item(text, label=offer.name) for offer in comparison.offers if (text := _details(offer, t))]
    if details:
        blocks += [Heading(t("sections.offers.details")), ItemList(details)]
    if len(comparison.offers) == 1:
        blocks.append(Para(t("sections.offers.single"), ParaStyle.PROMPT))
    else:
        blocks += _verdict(c, comparison)
    blocks.append(Para(t("sections.offers.formula_note"), ParaStyle.NOTE))
    return Section("offers", t("sections.offers.title"), blocks)
