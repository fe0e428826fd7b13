"""Offers judged against the candidate: their wish and floor, and the risks an offer carries.

The arithmetic of `offers.py` says what each offer is worth; this module says what that means
for this candidate: how far each salary is from `desired_monthly` and `minimum_monthly`, and the
flags a coach would raise (a temporary contract against a permanent job, no employer pension,
fewer holidays than the law allows, longer hours than now, and a verdict that rests on pay that
is only expected). Flag names are the `data-offer-flag` values of SPEC 7.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.offers import Comparison, evaluate, without_expected
from generator.models import Offer, Salary

STATUTORY_WEEKS = 4  # Dutch law: at least four times the working days per week in holiday (BW 7:634)


@dataclass(frozen=True)
class Against:
    """One offer's monthly salary against the candidate's wish and floor (None: not given).

    A salary for other hours than the current job's is also converted to those hours: € 4.150
    for 32 hours is € 4.669 for 36, and that is what a wish for a 36-hour job should meet."""

    vs_desired: float | None          # the monthly salary as offered, minus the wish
    vs_minimum: float | None
    converted: float | None = None    # the salary at the current job's hours, when they differ
    desired: float | None = None
    minimum: float | None = None
    hours_ratio: float = 1.0          # the offer's hours over the current job's

    def at_offer_hours(self, amount: float) -> float:
        """A monthly figure for the current hours (the wish, the floor) at this offer's hours, so a
        script for a 32-hour offer names what the wish is worth for 32 hours."""
        return amount * self.hours_ratio

    def percent(self, amount: float | None, base: float | None) -> float | None:
        """The difference as a percentage of the wish or floor it is measured from."""
        return None if amount is None or not base else amount / base * 100

    @property
    def fair_vs_desired(self) -> float | None:
        """The difference from the wish at the same hours (the flags judge on this)."""
        return self._fair(self.vs_desired, self.desired)

    @property
    def fair_vs_minimum(self) -> float | None:
        """The difference from the floor at the same hours."""
        return self._fair(self.vs_minimum, self.minimum)

    def _fair(self, raw: float | None, base: float | None) -> float | None:
        return raw if raw is None or self.converted is None or base is None else self.converted - base


def against(offer: Offer, salary: Salary | None, current: Offer | None = None) -> Against:
    """The signed monthly difference from the desired salary and from the minimum, as offered and
    (when the hours differ from the current job's) at the current hours."""
    desired = salary.desired_monthly if salary else None
    minimum = salary.minimum_monthly if salary else None
    converted, ratio = None, 1.0
    if current is not None and not offer.current and current.hours_per_week != offer.hours_per_week:
        ratio = offer.hours_per_week / current.hours_per_week
        converted = offer.monthly_salary / ratio
    return Against(None if desired is None else offer.monthly_salary - desired,
                   None if minimum is None else offer.monthly_salary - minimum, converted, desired, minimum, ratio)


def guaranteed(comparison: Comparison) -> Comparison:
    """The same offers counted without the pay that is only expected."""
    return comparison.certain


def has_expected_pay(offer: Offer) -> bool:
    """True when part of the offer's value is an expected bonus or profit share."""
    return offer.bonus_expected > 0 or offer.profit_share_expected > 0


def expected_pay_decides(comparison: Comparison) -> bool:
    """True when the best offer per hour would be another one without expected bonus and profit
    share: the verdict then rests on money nobody promised."""
    return guaranteed(comparison).best_per_hour_index != comparison.best_per_hour_index


def warn_apples_and_pears(comparison: Comparison) -> bool:
    """The apples-and-pears warning applies: the best offer per hour is not the best-paid one,
    and not merely because of expected pay (then the certain verdict already says it)."""
    return comparison.apples_and_pears and \
        guaranteed(comparison).best_per_hour_index != comparison.highest_monthly_index


def flags(comparison: Comparison, index: int, salary: Salary | None) -> list[str]:
    """The flags of one offer, in the order the pack lists them; none for the current job."""
    offer = comparison.offers[index]
    if offer.current:
        return []
    current = comparison.current
    found = []
    wish = against(offer, salary, current)
    if wish.fair_vs_minimum is not None and wish.fair_vs_minimum < 0:
        found.append("below-minimum")
    elif wish.fair_vs_desired is not None and wish.fair_vs_desired < 0:
        found.append("below-desired")
    if offer.contract == "temporary" and current is not None and current.contract == "permanent":
        found.append("temporary")
    if offer.pension_employer_pct == 0:
        found.append("no-pension")
    if offer.holiday_days < STATUTORY_WEEKS * offer.days_per_week:
        found.append("below-statutory-holidays")
    if current is not None and offer.hours_per_week > current.hours_per_week:
        found.append("more-hours")
    if index == comparison.best_per_hour_index and expected_pay_decides(comparison):
        found.append("expected-pay-decides")
    return found


def break_even(offer: Offer, current: Offer) -> float:
    """The monthly salary at which `offer` is worth as much per hour worked as `current` (the
    current job, or a better offer), both counted without expected pay and with at least the
    holidays the law gives: what a salary must be to make up for a missing pension, fewer
    holidays or more hours. Value per hour grows in a straight line with the salary."""
    target = evaluate(without_expected(current)).value_per_hour
    lawful = max(offer.holiday_days, STATUTORY_WEEKS * offer.days_per_week)  # fewer days do not hold
    certain = without_expected(offer)
    low, high = (evaluate(certain.model_copy(update={"holiday_days": lawful, "monthly_salary": m})).value_per_hour
                 for m in (1000, 2000))
    slope = (high - low) / 1000
    return (target - (low - slope * 1000)) / slope
