"""Chapter 10: the salary talk, with the candidate's own figures and what to say about each offer."""

from __future__ import annotations

import math
from collections.abc import Callable

from generator.content.blocks import Block, Heading, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context
from generator.content.matching import fold, mentions_word
from generator.content.offer_checks import Against, against, break_even, flags
from generator.content.offer_priorities import judge
from generator.language import words
from generator.models import Offer

# What to say about an offer that meets the wish but fails a priority, by the priority's kind.
SCRIPT_TOPICS = {
    "pension": "sections.salary.script.topic.pension",
    "permanent": "sections.salary.script.topic.permanent",
    "permanent_open": "sections.salary.script.topic.permanent_open",
    "holidays": "sections.salary.script.topic.holidays",
    "holidays_open": "sections.salary.script.topic.holidays_open",
    "hours": "sections.salary.script.topic.hours",
    "training": "sections.salary.script.topic.training",
    "home": "sections.salary.script.topic.home",
    "travel": "sections.salary.script.topic.travel",
    "equipment": "sections.salary.script.topic.equipment",
    "no_pension": "sections.salary.script.topic.no_pension",
}
# The risk flags a script raises when the salary is fine and no priority fails, most serious first.
FLAG_TOPICS = {"temporary": "permanent", "no-pension": "no_pension", "below-statutory-holidays": "holidays",
               "more-hours": "hours"}
STEP = 50  # a counter-offer is a round figure: the middle of the gap, rounded up to this


def section_salary(c: Context) -> Section:
    """How the salary talk goes, the candidate's own figures and priorities, and per offer what to say."""
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
        blocks += [Heading(t("sections.salary.answer_title")), _answer(c, salary.desired_monthly)]
    blocks += _offers_in_hand(c)
    return Section("salary", t("sections.salary.title"), blocks + _scale_advice(c) + _commission(c) + _scripts(c))


def own_offer(c: Context) -> Offer | None:
    """The offer the employer of this interview has already made, if the candidate listed it."""
    return next((offer for offer in c.profile.offers if not offer.current and _from_this_employer(c, offer)), None)


def salary_anchor(c: Context, desired: float) -> float:
    """The lowest monthly figure to name when asked (for the current hours): the wish, or more
    when this employer or another has already offered more; the summary shows the same figure."""
    figure = desired
    own = own_offer(c)
    if own is not None:
        figure = max(figure, own.monthly_salary)
    best = _best_other(c)
    if best is not None and _at_current_hours(c, best) > figure:
        figure = math.ceil(_at_current_hours(c, best) / STEP) * STEP
    return figure


def _answer(c: Context, desired: float) -> Para:
    """What to say when asked for a figure: when this employer has already offered one, no lower
    figure (talk on from there); else the wish, or a better offer in hand at the current hours."""
    own = own_offer(c)
    if own is not None:
        return Para(c.t("sections.salary.answer_own_offer", amount=c.money(own.monthly_salary),
                        hours=c.number(own.hours_per_week)), ParaStyle.TIP)
    return Para(c.t("sections.salary.answer", desired=c.money(salary_anchor(c, desired))), ParaStyle.QUOTE)


def _commission(c: Context) -> list[Block]:
    """In a sales role: what to ask about commission, which the offer figures only guess at."""
    if not mentions_word(c.profile.application.role, words("job_words").get("sales", ())):
        return []
    return [Heading(c.t("sections.salary.commission_title")),
            *[Para(text) for text in c.t.list("sections.salary.commission")]]


def _scale_advice(c: Context) -> list[Block]:
    """Where pay follows a collective agreement (an offer names a cao or scale, or the sector is
    healthcare or government), the talk is about the step in the scale, not a free figure."""
    if not (c.public_sector or any(offer.cao or offer.scale for offer in c.profile.offers)):
        return []
    t = c.t
    ikb = [Para(t("sections.salary.ikb"))] if c.municipality else []
    answer = [] if own_offer(c) is not None else [Para(t("sections.salary.scale_answer"), ParaStyle.QUOTE)]
    return [Heading(t("sections.salary.scale_title")), *[Para(text) for text in t.list("sections.salary.scale_body")],
            *ikb, *answer]


def counter_offer(offered: float, desired: float) -> float:
    """What to propose when an offer is under the wish: halfway, rounded up to a round figure."""
    return min(desired, math.ceil((offered + desired) / 2 / STEP) * STEP)


def _with_what_now(topic: str, offer: Offer, current: Offer | None) -> str:
    """The topic's words that compare with the current job only when the current job backs them:
    'I have a permanent contract now' needs a permanent contract, 'I have more days now' more days."""
    if topic == "permanent" and (current is None or current.contract != "permanent"):
        return "permanent_open"
    if topic == "holidays" and (current is None or current.holiday_days <= offer.holiday_days):
        return "holidays_open"
    return topic


def _topic(c: Context, index: int, offer: Offer) -> str:
    """What to raise about an offer whose salary is fine: the first priority it fails, else its most
    serious risk; 'at_wish' when there is nothing to raise."""
    assert c.comparison is not None and c.profile.salary is not None
    current = c.comparison.current
    failed = judge(c.comparison, index, c.profile.salary.priorities).fails
    risks = [FLAG_TOPICS[flag] for flag in flags(c.comparison, index, c.profile.salary) if flag in FLAG_TOPICS]
    topics = ["no_pension" if topic == "pension" and offer.pension_employer_pct == 0 else topic
              for topic in [*failed, *risks]]
    # the pension scripts compare with what the current employer pays: only when it pays something
    pays = current is not None and (current.pension_employer_pct or 0) > 0
    found = next((topic for topic in topics if pays or topic not in ("pension", "no_pension")), "at_wish")
    return _with_what_now(found, offer, current)


def _here(amount: float, wish: Against) -> float:
    """The wish or floor at this offer's hours; a converted figure is rounded up to a round amount,
    as one says it out loud."""
    if wish.hours_ratio == 1.0:
        return amount
    return math.ceil(wish.at_offer_hours(amount) / STEP) * STEP


def _at_current_hours(c: Context, offer: Offer) -> float:
    """An offer's monthly salary at the current job's hours (as offered without a current job)."""
    current = c.comparison.current if c.comparison else None
    return against(offer, c.profile.salary, current).converted or offer.monthly_salary


def _best_other(c: Context, offer: Offer | None = None) -> Offer | None:
    """The best-paid offer in hand besides `offer` (never the current job), at the current hours."""
    others = [other for other in c.profile.offers if not other.current and other is not offer]
    return max(others, key=lambda other: _at_current_hours(c, other), default=None)


def _worth_most(c: Context, offer: Offer) -> Offer | None:
    """The offer in hand besides `offer` worth the most per hour on what is certain."""
    assert c.comparison is not None
    offers, certain = c.comparison.offers, c.comparison.certain.values
    others = [i for i, other in enumerate(offers) if not other.current and other is not offer]
    best = max(others, key=lambda i: certain[i].value_per_hour, default=None)
    return None if best is None else offers[best]


def _figure(c: Context, offer: Offer, desired_here: float, others: bool = True) -> tuple[float, str, str]:
    """The monthly figure to name for an offer under the wish, and why: the wish at the offer's
    hours; more when it must make up for a missing pension, fewer holidays or more hours to be
    worth per hour what the current job is; with `others`, more again to match a better offer in
    hand. The reason is '', 'current' or 'other'."""
    assert c.comparison is not None
    figure, reason = desired_here, ""
    current, other = c.comparison.current, _worth_most(c, offer) if others else None
    for rival, why in ((current, "current"), (other, "other")):
        if rival is not None:
            needed = math.ceil(break_even(offer, rival) / STEP) * STEP
            if needed > figure:
                figure, reason = needed, why
    keys = {"current": "sections.salary.script.break_even", "other": "sections.salary.script.break_even_other"}
    return figure, reason, c.t(keys[reason], amount=c.money(figure)) if reason else ""


def _script(c: Context, index: int, offer: Offer) -> Item | None:
    """What to say when this offer is on the table: it depends on where the salary stands against
    the wish and the floor (at the current job's hours), on a better offer in hand, on a pay
    scale, and on what the offer lacks that the candidate cares about. Every figure said is for
    the offer's own hours."""
    salary = c.profile.salary
    if salary is None or salary.desired_monthly is None or c.comparison is None:
        return None
    current = c.comparison.current
    wish = against(offer, salary, current)
    desired_here = _here(salary.desired_monthly, wish)
    attrs = {"data-offer-script": offer.name}
    hours_note = ""
    if wish.hours_ratio != 1.0 and current is not None:  # "your € 4.600 for 36 hours is € 4.100 for 32"
        hours_note = c.t("sections.salary.script.other_hours", wish=c.money(salary.desired_monthly),
                         hours=c.number(current.hours_per_week), offer_hours=c.number(offer.hours_per_week),
                         here=c.money(desired_here))
    scaled = offer.cao or offer.scale or (c.public_sector and _from_this_employer(c, offer))

    def said(key: str, *notes: str, **values: str) -> Item:
        return Item(c.t(key, **values), label=offer.name, attrs=attrs, note=" ".join(filter(None, notes)))

    if wish.fair_vs_desired is not None and wish.fair_vs_desired < 0:
        return _under_wish(c, offer, wish, desired_here, bool(scaled), said, hours_note)
    if scaled:
        return said("sections.salary.script.scale_at_wish")
    per_hour = ""  # under the wish per month, yet at or above it per hour: say why it 'matches'
    if wish.vs_desired is not None and wish.vs_desired < 0 and current is not None:
        per_hour = c.t("sections.salary.script.per_hour", wish=c.money(salary.desired_monthly),
                       offer_hours=c.number(offer.hours_per_week), hours=c.number(current.hours_per_week))
    topic = _topic(c, index, offer)
    if topic == "at_wish":
        return said("sections.salary.script.at_wish", per_hour)
    amount = c.money(c.comparison.values[c.comparison.current_index].employer_pension) \
        if c.comparison.current_index is not None else ""
    return said(SCRIPT_TOPICS[topic], per_hour, amount=amount)


def _under_wish(c: Context, offer: Offer, wish: Against, desired_here: float, scaled: bool,
                said: Callable[..., Item], hours_note: str) -> Item:
    """The script for an offer under the wish: on a scale, ask for a higher step; under the floor,
    say the move cannot be made at this salary; with a better offer in hand, ask to match it;
    else ask for the wish, with a fair middle as a private note."""
    salary = c.profile.salary
    assert salary is not None
    if scaled:
        return said("sections.salary.script.scale", hours_note)
    if wish.fair_vs_minimum is not None and wish.fair_vs_minimum < 0:  # against the current job alone
        figure, _reason, why = _figure(c, offer, desired_here, others=False)
        floor_here = math.ceil(_here(salary.minimum_monthly or 0, wish) * figure / desired_here / STEP) * STEP
        floor = c.t("sections.salary.script.floor", minimum=c.money(floor_here))
        return said("sections.salary.script.below_minimum", hours_note, why, floor, desired=c.money(figure))
    figure, reason, why = _figure(c, offer, desired_here)
    if reason == "other":  # a better offer in hand is the lever
        return said("sections.salary.script.other_offer", hours_note, why, amount=c.money(figure))
    middle = c.t("sections.salary.script.middle", middle=c.money(counter_offer(offer.monthly_salary, figure)))
    return said("sections.salary.script.below_desired", hours_note, why, middle, desired=c.money(figure))


def _from_this_employer(c: Context, offer: Offer) -> bool:
    """True when an offer is the one from the employer of this second interview (not another)."""
    company, name = fold(c.profile.application.company), fold(offer.name)
    return bool(company and name) and (company in name or name in company)


def _offers_in_hand(c: Context) -> list[Block]:
    """With offers from other employers in hand: name no lower figure than the best of them (for the
    same hours), and use their deadlines."""
    salary = c.profile.salary
    others = [offer for offer in c.profile.offers if not offer.current and not _from_this_employer(c, offer)]
    if not others:
        return []
    blocks: list[Block] = []
    current = c.comparison.current if c.comparison else None
    best = max(others, key=lambda offer: _at_current_hours(c, offer))
    converted = against(best, salary, current).converted
    if salary and salary.desired_monthly is not None and (converted or best.monthly_salary) > salary.desired_monthly:
        values = {"amount": c.money(best.monthly_salary), "hours": c.number(best.hours_per_week)}
        if converted is not None and current is not None:
            blocks.append(Para(c.t("sections.salary.answer_offer_hours", converted=c.money(converted),
                                   current_hours=c.number(current.hours_per_week), **values), ParaStyle.TIP))
        else:
            blocks.append(Para(c.t("sections.salary.answer_offer", **values), ParaStyle.TIP))
    return [*blocks, Para(c.t("sections.salary.deadline"))]


def _scripts(c: Context) -> list[Block]:
    """Per offer on the table (not the current job), the sentences to say about it."""
    found = [item for index, offer in enumerate(c.profile.offers)
             if not offer.current and (item := _script(c, index, offer)) is not None]
    if not found:
        return []
    return [Heading(c.t("sections.salary.script.title")), Para(c.t("sections.salary.script.intro")),
            ItemList(found)]
