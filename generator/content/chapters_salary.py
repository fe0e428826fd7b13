"""Chapter 10: the salary talk, with the candidate's own figures and what to say about each offer."""

from __future__ import annotations

import math

from generator.content.blocks import Block, Heading, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context
from generator.content.matching import is_assessment_sector
from generator.content.offer_checks import against
from generator.content.offer_priorities import priority_flags
from generator.models import Offer

# What to say about an offer that meets the wish but fails a priority, by the priority's kind.
SCRIPT_TOPICS = {
    "pension": "sections.salary.script.topic.pension",
    "permanent": "sections.salary.script.topic.permanent",
    "holidays": "sections.salary.script.topic.holidays",
    "hours": "sections.salary.script.topic.hours",
    "training": "sections.salary.script.topic.training",
    "home": "sections.salary.script.topic.home",
    "travel": "sections.salary.script.topic.travel",
    "equipment": "sections.salary.script.topic.equipment",
}
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
        blocks += [Heading(t("sections.salary.answer_title")),
                   Para(t("sections.salary.answer", desired=c.money(salary.desired_monthly)), ParaStyle.QUOTE)]
    return Section("salary", t("sections.salary.title"), blocks + _scale_advice(c) + _scripts(c))


def _scale_advice(c: Context) -> list[Block]:
    """Where pay follows a collective agreement (an offer names a cao or scale, or the sector is
    healthcare or government), the talk is about the step in the scale, not a free figure."""
    if not (is_assessment_sector(c.profile.application.sector)
            or any(offer.cao or offer.scale for offer in c.profile.offers)):
        return []
    t = c.t
    return [Heading(t("sections.salary.scale_title")), *[Para(text) for text in t.list("sections.salary.scale_body")],
            Para(t("sections.salary.scale_answer"), ParaStyle.QUOTE)]


def counter_offer(offered: float, desired: float) -> float:
    """What to propose when an offer is under the wish: halfway, rounded up to a round figure."""
    return min(desired, math.ceil((offered + desired) / 2 / STEP) * STEP)


def _script(c: Context, index: int, offer: Offer) -> Item | None:
    """What to say when this offer is on the table: it depends on where the salary stands against
    the wish and the floor, on a pay scale, and on the first priority the offer fails."""
    salary = c.profile.salary
    if salary is None or salary.desired_monthly is None or c.comparison is None:
        return None
    wish = against(offer, salary)
    desired = c.money(salary.desired_monthly)
    attrs = {"data-offer-script": offer.name}
    if wish.vs_desired is not None and wish.vs_desired < 0 and (offer.cao or offer.scale):
        return Item(c.t("sections.salary.script.scale"), label=offer.name, attrs=attrs)
    if wish.vs_minimum is not None and wish.vs_minimum < 0:
        return Item(c.t("sections.salary.script.below_minimum", desired=desired), label=offer.name, attrs=attrs,
                    note=c.t("sections.salary.script.floor", minimum=c.money(salary.minimum_monthly or 0)))
    if wish.vs_desired is not None and wish.vs_desired < 0:
        middle = c.money(counter_offer(offer.monthly_salary, salary.desired_monthly))
        return Item(c.t("sections.salary.script.below_desired", desired=desired, middle=middle),
                    label=offer.name, attrs=attrs)
    failed = priority_flags(c.comparison, index, salary.priorities)
    if failed:
        return Item(c.t(SCRIPT_TOPICS[failed[0]]), label=offer.name, attrs=attrs)
    return Item(c.t("sections.salary.script.at_wish"), label=offer.name, attrs=attrs)


def _scripts(c: Context) -> list[Block]:
    """Per offer on the table (not the current job), the sentences to say about it."""
    found = [item for index, offer in enumerate(c.profile.offers)
             if not offer.current and (item := _script(c, index, offer)) is not None]
    if not found:
        return []
    return [Heading(c.t("sections.salary.script.title")), Para(c.t("sections.salary.script.intro")),
            ItemList(found)]
