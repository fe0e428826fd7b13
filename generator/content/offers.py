"""The offer arithmetic (docs/offers.md), with no input or output of its own.

Everything that shows an offer (the pack, `compare`, CSV, JSON) takes its numbers from
`evaluate`, so the figures agree across formats by construction.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import cached_property

from generator.models import Offer

# The quantities of docs/offers.md, in the order they are exported.
QUANTITIES = (
    "holiday_allowance", "year_end", "gross_annual_cash", "employer_pension",
    "total_annual_value", "weeks_worked", "hours_worked", "value_per_hour",
)


@dataclass(frozen=True)
class OfferValue:
    """One offer's yearly value, unrounded."""

    name: str
    current: bool
    holiday_allowance: float
    year_end: float
    gross_annual_cash: float
    employer_pension: float
    total_annual_value: float
    weeks_worked: float
    hours_worked: float
    value_per_hour: float

    def as_dict(self) -> dict[str, object]:
        """`name`, `current` and every quantity under its documented name (for JSON and CSV)."""
        return asdict(self)


def evaluate(offer: Offer) -> OfferValue:
    """Work out what one offer is worth per year and per hour worked."""
    monthly = offer.monthly_salary
    base = 12 * monthly
    holiday_allowance = base * offer.holiday_allowance_pct / 100
    year_end = monthly if offer.thirteenth_month else base * offer.year_end_bonus_pct / 100
    gross_annual_cash = base + holiday_allowance + year_end + offer.bonus_expected + offer.profit_share_expected
    employer_pension = base * (offer.pension_employer_pct or 0) / 100  # not given: counted as none, said so
    total_annual_value = gross_annual_cash + employer_pension + offer.allowances_annual
    weeks_worked = 52 - offer.holiday_days / offer.days_per_week
    hours_worked = offer.hours_per_week * weeks_worked
    return OfferValue(
        name=offer.name, current=offer.current,
        holiday_allowance=holiday_allowance, year_end=year_end, gross_annual_cash=gross_annual_cash,
        employer_pension=employer_pension, total_annual_value=total_annual_value,
        weeks_worked=weeks_worked, hours_worked=hours_worked,
        value_per_hour=total_annual_value / hours_worked,
    )


@dataclass(frozen=True)
class Comparison:
    """All offers evaluated, with the facts the verdict needs."""

    offers: list[Offer]
    values: list[OfferValue]
    current_index: int | None
    best_per_hour_index: int
    highest_monthly_index: int

    @property
    def current(self) -> Offer | None:
        """The current job among the offers, if the candidate marked one."""
        return self.offers[self.current_index] if self.current_index is not None else None

    @property
    def apples_and_pears(self) -> bool:
        """True when the best offer per hour is not the one with the highest monthly salary."""
        best = self.offers[self.best_per_hour_index].monthly_salary
        top = self.offers[self.highest_monthly_index].monthly_salary
        return best < top

    @cached_property
    def certain(self) -> Comparison:
        """The same offers counted without the pay that is only expected (bonus, profit share);
        worked out once, as the table, verdicts, flags and exports all ask for it."""
        found = compare([without_expected(offer) for offer in self.offers])
        assert found is not None  # the same, non-empty list of offers
        return found

    def difference(self, index: int, quantity: str) -> tuple[float, float | None] | None:
        """(amount, percent) by which offer `index` differs from the current job; None for the current
        job itself, and no percent when the current job's figure is 0 (no share of nothing)."""
        if self.current_index is None or index == self.current_index:
            return None
        mine = getattr(self.values[index], quantity)
        base = getattr(self.values[self.current_index], quantity)
        return mine - base, ((mine - base) / base * 100 if base else None)


def without_expected(offer: Offer) -> Offer:
    """The offer without the pay that is only expected (bonus, profit share)."""
    return offer.model_copy(update={"bonus_expected": 0, "profit_share_expected": 0})


def compare(offers: list[Offer]) -> Comparison | None:
    """Evaluate every offer in input order; None when there is nothing to compare."""
    if not offers:
        return None
    values = [evaluate(offer) for offer in offers]
    current = next((i for i, offer in enumerate(offers) if offer.current), None)
    best = max(range(len(values)), key=lambda i: values[i].value_per_hour)
    highest = max(range(len(offers)), key=lambda i: offers[i].monthly_salary)
    return Comparison(offers, values, current, best, highest)
