"""Chapter 11: the offer comparison (docs/offers.md), judged against the candidate, with net pay."""

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
from generator.content.matching import fold, join_names
from generator.content.net_pay import NetPay
from generator.content.offer_checks import (
    STATUTORY_WEEKS,
    against,
    flags,
    guaranteed,
    has_expected_pay,
    warn_apples_and_pears,
)
from generator.content.offer_priorities import judge, to_ask
from generator.content.offer_texts import ASK_TEXTS, FLAG_TEXTS, PRIORITY_TEXTS, flag_names
from generator.content.offers import Comparison
from generator.language import Texts
from generator.localize import money, number, percent, signed_money
from generator.models import Offer, Salary

CONTRACTS = {"permanent": "sections.offers.permanent", "temporary": "sections.offers.temporary"}


def _offer_name(comparison: Comparison, index: int, t: Texts) -> str:
    """The offer's name with '(current, best per hour)' marks."""
    offer = comparison.offers[index]
    marks = []
    if offer.current and fold(t("sections.offers.current_marker")) not in fold(offer.name):  # no doubling
        marks.append(t("sections.offers.current_marker"))
    if index == comparison.best_per_hour_index and len(comparison.offers) > 1:
        marks.append(t("sections.offers.best_marker"))
    return offer.name + (f"\n({', '.join(marks)})" if marks else "")  # the marks on a line of their own


def _wish_attrs(offer: Offer, salary: Salary | None) -> dict[str, str]:
    """`data-vs-desired` and `data-vs-minimum` for an offer's row: signed monthly amounts."""
    wish = against(offer, salary)
    attrs = {}
    if wish.vs_desired is not None:
        attrs["data-vs-desired"] = f"{wish.vs_desired:+.2f}"
    if wish.vs_minimum is not None:
        attrs["data-vs-minimum"] = f"{wish.vs_minimum:+.2f}"
    return attrs


def _signed(difference: tuple[float, float | None], locale: str, currency: str, cents: bool = False) -> str:
    """'+€ 1.684 (+2,7%)'; without the share when the current job's figure is 0."""
    amount, share = difference
    text = signed_money(amount, locale, currency, cents)
    return text if share is None else f"{text} ({percent(share, locale, True)})"


def offer_rows(comparison: Comparison, t: Texts, locale: str, currency: str,
               salary: Salary | None = None, net: list[NetPay] | None = None) -> tuple[list[str], list[TableRow]]:
    """The offer table: header and one row per offer, with differences from the current job and,
    when estimated, the net monthly pay under the gross salary."""
    header = [t("sections.offers.columns.name"), t("sections.offers.columns.monthly"),
              t("sections.offers.columns.hours"), t("sections.offers.columns.holidays"),
              t("sections.offers.columns.cash"), t("sections.offers.columns.pension"),
              t("sections.offers.columns.total"), t("sections.offers.columns.per_hour")]
    rows = []
    certain = guaranteed(comparison)
    for index, (offer, value) in enumerate(zip(comparison.offers, comparison.values, strict=True)):
        cells = [_offer_name(comparison, index, t), money(offer.monthly_salary, locale, currency),
                 number(offer.hours_per_week, locale), number(offer.holiday_days, locale),
                 money(value.gross_annual_cash, locale, currency),
                 money(value.employer_pension, locale, currency) if offer.pension_employer_pct is not None
                 else t("sections.offers.not_given"),
                 money(value.total_annual_value, locale, currency),
                 money(value.value_per_hour, locale, currency, cents=True)]
        total_diff = comparison.difference(index, "total_annual_value")
        hour_diff = comparison.difference(index, "value_per_hour")
        if total_diff and hour_diff:
            cells[6] += "\n" + _signed(total_diff, locale, currency)
            cells[7] += "\n" + _signed(hour_diff, locale, currency, cents=True)
        if has_expected_pay(offer):  # the total twice: with the expected pay, and what is certain
            total = certain.values[index].total_annual_value
            cells[6] += f"\n{t('sections.offers.guaranteed')} {money(total, locale, currency)}"
        emphasis = Emphasis.BEST if index == comparison.best_per_hour_index else Emphasis.NONE
        attrs = {"data-offer": offer.name, **_wish_attrs(offer, salary)}
        if net:
            cells[1] += f"\n{t('sections.offers.net_short')} {money(net[index].monthly, locale, currency)}"
            attrs["data-net-monthly"] = f"{net[index].monthly:.2f}"
        rows.append(TableRow(cells, attrs=attrs, emphasis=emphasis))
    return header, rows


def _details(offer: Offer, c: Context) -> str:
    """Equipment, contract, remarks, pay scale and the other conditions of one offer on one line
    ('' when none)."""
    t = c.t
    shown = [
        ("sections.offers.equipment", ", ".join(offer.equipment)),
        ("sections.offers.contract", t(CONTRACTS[offer.contract]) if offer.contract else ""),
        ("sections.offers.remarks", "; ".join(offer.remarks)),
        ("sections.offers.cao", offer.cao or ""),
        ("sections.offers.scale", offer.scale or ""),
        ("sections.offers.pension_employee", f"{offer.pension_employee_pct:g}%" if offer.pension_employee_pct else ""),
        ("sections.offers.training",
         c.money(offer.training_budget_annual) if offer.training_budget_annual is not None else ""),
        ("sections.offers.home_days", f"{offer.home_days_per_week:g}" if offer.home_days_per_week is not None else ""),
        ("sections.offers.commute", f"{offer.commute_minutes:g} min" if offer.commute_minutes is not None else ""),
    ]
    return " · ".join(f"{t(label)}: {value}" for label, value in shown if value)


def _wish_line(c: Context, offer: Offer) -> str:
    """'Against your wish: -€150 (-3.3%); against your minimum: +€150 (+3.5%)', for what is given;
    at the current job's hours when the offer's hours differ, and then saying so first."""
    wish = against(offer, c.profile.salary, c.comparison.current if c.comparison else None)
    parts = []
    if wish.converted is not None and (wish.desired is not None or wish.minimum is not None):
        current = c.comparison.current if c.comparison else None
        parts.append(c.t("sections.offers.converted", hours=c.number(current.hours_per_week) if current else "",
                         amount=c.money(wish.converted)))
    lines = (("sections.offers.against_desired", wish.fair_vs_desired, wish.desired),
             ("sections.offers.against_minimum", wish.fair_vs_minimum, wish.minimum))
    for key, amount, base in lines:
        share = wish.percent(amount, base)
        if amount is not None and share is not None:
            signed = signed_money(amount, c.language.locale, c.currency)
            parts.append(c.t(key, amount=signed[:1] + "\u2060" + signed[1:],  # the sign never ends a line
                             percent=percent(share, c.language.locale, True)))
    if wish.converted is not None and parts:  # "At your current 36 hours: € 4.669. Against your wish: ..."
        return f"{parts[0]} {'; '.join(parts[1:])}".strip()
    return "; ".join(parts)


def _for_you(c: Context, comparison: Comparison) -> list[Block]:
    """Per offer (not the current job), under its name: the salary against wish and floor, each
    flag with what to do about it, the priorities it fails and those it meets; then the
    priorities to ask about."""
    blocks: list[Block] = []
    priorities = c.profile.salary.priorities if c.profile.salary else []
    for index, offer in enumerate(comparison.offers):
        if offer.current:
            continue
        mark = {"data-offer": offer.name}
        entries = [Item(line, attrs=dict(mark)) for line in [_wish_line(c, offer)] if line]
        if offer.pension_employer_pct is None and not offer.current:
            entries.append(Item(c.t("sections.offers.pension_unknown"), attrs=dict(mark)))
        statutory = {"days": c.number(STATUTORY_WEEKS * offer.days_per_week), "given": c.number(offer.holiday_days)}
        entries += [Item(c.t(FLAG_TEXTS[flag], **statutory), attrs={**mark, "data-offer-flag": flag})
                    for flag in flags(comparison, index, c.profile.salary)]
        judged = judge(comparison, index, priorities)
        entries += [Item(c.t(PRIORITY_TEXTS[kind]), attrs={**mark, "data-offer-flag": f"priority-{kind}"})
                    for kind in judged.fails]
        if judged.meets:
            entries.append(Item(f"{c.t('sections.offers.meets')} {', '.join(judged.meets)}",
                                attrs={**mark, "data-offer-meets": str(len(judged.meets))}))
        if entries:
            blocks += [Heading(offer.name, level=3), ItemList(entries)]
    if blocks:
        blocks.insert(0, Heading(c.t("sections.offers.against_title")))
    questions = to_ask(comparison, priorities) if len(comparison.offers) > 1 else []
    if questions:
        blocks += [Heading(c.t("sections.offers.ask_title")), Para(c.t("sections.offers.ask_intro")),
                   ItemList([Item(c.t(ASK_TEXTS[kind] if kind else "sections.offers.ask.other"), label=priority,
                                  note=_unknown_at(comparison, priorities, priority))
                             for priority, kind in questions])]
    return blocks


def _unknown_at(comparison: Comparison, priorities: list[str], priority: str) -> str:
    """The offers whose figures do not answer this priority, when not all of them ('Startup Delta')."""
    offers = [offer for offer in comparison.offers if not offer.current]
    open_at = [offer.name for index, offer in enumerate(comparison.offers)
               if not offer.current and priority in judge(comparison, index, priorities).unknown]
    return ", ".join(open_at) if len(open_at) < len(offers) else ""


def _net(c: Context, comparison: Comparison) -> list[Block]:
    """Each offer's estimated net pay per month and per year, and what the estimate leaves out."""
    if not c.net:
        return []
    entries = []
    for offer, value, estimate in zip(comparison.offers, comparison.values, c.net, strict=True):
        special = [c.t("sections.offers.net.holiday_allowance")] if value.holiday_allowance else []
        if value.year_end:
            special.append(c.t("sections.offers.net.thirteenth_month" if offer.thirteenth_month
                               else "sections.offers.net.year_end"))
        included = join_names(special, c.t("sections.after.and"))
        notes = [f"{c.t('sections.offers.net.with')} {included}."] if special else []
        if estimate.pension_monthly:
            notes.append(c.t("sections.offers.net.pension", amount=c.money(estimate.pension_monthly)))
        entries.append(Item(c.t("sections.offers.net.line", monthly=c.money(estimate.monthly),
                                annual=c.money(estimate.annual)), label=offer.name, note=" ".join(notes)))
    return [Heading(c.t("sections.offers.net.title")), ItemList(entries),
            Para(c.t("sections.offers.net.note", year=str(c.net[0].year)), ParaStyle.NOTE)]


def _verdict(c: Context, comparison: Comparison) -> list[Block]:
    """Which offer is best per hour, the apples-and-pears warning, and the chart."""
    t = c.t
    best_index = comparison.best_per_hour_index
    best = comparison.offers[best_index]
    per_hour = c.money(comparison.values[best_index].value_per_hour, cents=True)
    blocks: list[Block] = [ItemList([Item(best.name, label=t("sections.offers.verdict"), note=per_hour)],
                                    ListStyle.PLAIN, attrs={"data-verdict": "best-per-hour"})]
    certain = guaranteed(comparison)
    if certain.best_per_hour_index != best_index:  # the verdict rests on expected pay: say who wins without it
        other = certain.best_per_hour_index
        blocks.append(ItemList([Item(comparison.offers[other].name, label=t("sections.offers.verdict_guaranteed"),
                                     note=c.money(certain.values[other].value_per_hour, cents=True))],
                               ListStyle.PLAIN, attrs={"data-verdict": "best-per-hour-guaranteed"}))
    elif any(has_expected_pay(offer) for offer in comparison.offers):
        blocks.append(Para(t("sections.offers.verdict_holds")))
    if warn_apples_and_pears(comparison):
        top = comparison.offers[comparison.highest_monthly_index]
        top_monthly = c.money(top.monthly_salary)
        blocks += [Para(t("sections.offers.warning"), ParaStyle.WARNING),
                   ItemList([Item(top.name, label=t("sections.offers.highest_monthly"), note=top_monthly)],
                            ListStyle.PLAIN)]
    blocks.append(Chart(names=tuple(v.name for v in comparison.values),
                        totals=tuple(v.total_annual_value for v in comparison.values),
                        per_hour=tuple(v.value_per_hour for v in comparison.values), highlight=best_index,
                        certain_totals=tuple(v.total_annual_value for v in certain.values),
                        certain_per_hour=tuple(v.value_per_hour for v in certain.values),
                        title_expected=t("sections.offers.chart_expected"),
                        title_total=t("sections.offers.chart_total"), title_hour=t("sections.offers.chart_hour"),
                        alt=t("sections.offers.chart_title"), locale=c.language.locale, currency=c.currency))
    return blocks


def section_offers(c: Context) -> Section:
    """The offer table, the details of each offer, the verdict and the chart."""
    t = c.t
    comparison = c.comparison
    if comparison is None:
        return Section("offers", t("sections.offers.title"), [Para(t("sections.offers.none"), ParaStyle.PROMPT)])
    header, rows = offer_rows(comparison, t, c.language.locale, c.currency, c.profile.salary, c.net)
    blocks: list[Block] = [Para(t("sections.offers.intro")),
                           Table(header, rows, numeric=[False] + [True] * 7,
                                 widths=[0.13, 0.16, 0.06, 0.09, 0.12, 0.11, 0.17, 0.16], css_class="offers")]
    details = [Item(text, label=offer.name) for offer in comparison.offers if (text := _details(offer, c))]
    if details:
        blocks += [Heading(t("sections.offers.details")), ItemList(details)]
    blocks += _net(c, comparison) + _for_you(c, comparison)
    if len(comparison.offers) == 1:
        blocks.append(Para(t("sections.offers.single"), ParaStyle.PROMPT))
    else:
        blocks += _verdict(c, comparison)
    blocks.append(Para(t("sections.offers.formula_note"), ParaStyle.NOTE))
    return Section("offers", t("sections.offers.title"), blocks)


def best_offer_facts(c: Context) -> list[Item]:
    """For the summary: the offer worth most per hour and, on a row of its own, what to watch in it."""
    comparison = c.comparison
    if comparison is None or len(comparison.offers) < 2:
        return []
    index = comparison.best_per_hour_index
    facts = [Item(comparison.offers[index].name, label=c.t("summary.best_offer"))]
    certain = guaranteed(comparison).best_per_hour_index
    if certain != index:  # the verdict rests on expected pay: name the winner on what is certain
        facts.append(Item(comparison.offers[certain].name, label=c.t("summary.best_certain")))
    watch = flag_names(c.t, comparison, index, c.profile.salary)
    if watch:
        facts.append(Item(", ".join(watch), label=c.t("summary.watch")))
    return facts
