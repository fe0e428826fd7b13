"""Offers against the candidate's priorities, as they wrote them ('pensioen', 'thuiswerken').

A priority is recognised by its words (`priority_words` in each language's language.yaml) as one
of a few kinds. For each offer a kind is judged against the current job or the priority's own
words: it holds, it fails (a `priority-<kind>` flag), or the offer's figures do not say (then
the pack lists it as a question to ask, with what to ask).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.content.matching import fold
from generator.content.offers import Comparison
from generator.language import words
from generator.models import Offer

# The kinds of priority the program knows, in the order they are recognised. A kind's flag is
# `priority-<kind>`; its texts are `sections.offers.priority.<kind>` and `sections.offers.ask.<kind>`.
PRIORITY_KINDS = ("pension", "permanent", "holidays", "hours", "training", "home", "travel", "growth", "equipment")


def priority_kind(priority: str) -> str | None:
    """What a priority as the candidate wrote it is about ('pensioen' -> pension); None when
    prep-pack does not know the kind (then it can only be asked about)."""
    text = fold(priority)
    found = words("priority_words")
    return next((kind for kind in PRIORITY_KINDS if any(word in text for word in found.get(kind, ()))), None)


def _less(mine: float | None, theirs: float | None) -> bool | None:
    """True when an offer has less of something than the current job (None: not known)."""
    if mine is None:
        return None
    return mine == 0 or (theirs is not None and mine < theirs)


def _equipment(priority: str, offer: Offer, _current: Offer | None) -> bool | None:
    if not offer.equipment:
        return None  # the offer names nothing: ask, do not fail it
    wanted = [word for word in words("priority_words").get("equipment", ()) if word in fold(priority)]
    have = fold(" ".join(offer.equipment))
    return any(word not in have for word in wanted) if wanted else None


def _more(attribute: str) -> Callable[[str, Offer, Offer | None], bool | None]:
    """A judge that fails an offer asking more of `attribute` than the current job."""
    def judge(_priority: str, offer: Offer, current: Offer | None) -> bool | None:
        mine = getattr(offer, attribute)
        theirs = getattr(current, attribute) if current else None
        return None if mine is None or theirs is None else mine > theirs
    return judge


def _fewer(attribute: str) -> Callable[[str, Offer, Offer | None], bool | None]:
    """A judge that fails an offer with none, or less of `attribute` than the current job."""
    def judge(_priority: str, offer: Offer, current: Offer | None) -> bool | None:
        return _less(getattr(offer, attribute), getattr(current, attribute) if current else None)
    return judge


# How each kind is judged: True fails the offer, False passes it, None means the figures do not say.
JUDGES: dict[str, Callable[[str, Offer, Offer | None], bool | None]] = {
    "pension": _fewer("pension_employer_pct"),
    "permanent": lambda _p, offer, _c: None if offer.contract is None else offer.contract == "temporary",
    "holidays": lambda _p, offer, current: None if current is None else offer.holiday_days < current.holiday_days,
    "hours": _more("hours_per_week"),
    "training": _fewer("training_budget_annual"),
    "home": _fewer("home_days_per_week"),
    "travel": _more("commute_minutes"),
    "growth": lambda _p, _offer, _c: None,  # no figure says how pay grows: always a question
    "equipment": _equipment,
}


@dataclass(frozen=True)
class Judged:
    """One offer on the candidate's priorities: the kinds it fails and the priorities it meets."""

    fails: list[str]          # kinds, in the candidate's order (`priority-<kind>` flags)
    meets: list[str]          # the candidate's own words for the priorities it meets
    unknown: list[str]        # the candidate's own words for the priorities its figures do not answer


def judge(comparison: Comparison, index: int, priorities: list[str]) -> Judged:
    """How offer `index` does on each priority; nothing for the current job itself."""
    offer = comparison.offers[index]
    fails: list[str] = []
    meets: list[str] = []
    unknown: list[str] = []
    if offer.current:
        return Judged(fails, meets, unknown)
    for priority in priorities:
        kind = priority_kind(priority)
        verdict = JUDGES[kind](priority, offer, comparison.current) if kind else None
        if verdict is None:
            unknown.append(priority)
        elif verdict and kind and kind not in fails:
            fails.append(kind)
        elif not verdict:
            meets.append(priority)
    return Judged(fails, meets, unknown)


def to_ask(comparison: Comparison, priorities: list[str]) -> list[tuple[str, str | None]]:
    """The priorities at least one offer's figures do not answer, with their kind (None: unknown
    kind): the questions to put to each employer."""
    open_ = {p for i in range(len(comparison.offers)) for p in judge(comparison, i, priorities).unknown}
    return [(priority, priority_kind(priority)) for priority in priorities if priority in open_]
