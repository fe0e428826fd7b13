"""An estimate of what an offer leaves in the candidate's pocket, under Dutch tax for employees.

The rates are data, not code: `templates/tax/nl-<year>.yaml` holds one year's box 1 brackets,
general tax credit and labour tax credit, each with its source, so a new year is a new file.

The estimate is deliberately simple and says so in the pack. It follows the annual method of
the wage tax, below state-pension age, for someone with one employer:
- the regular wage is 12 x the monthly salary less the employee's pension contribution;
- tax = the box 1 brackets over the wage, less the general and the labour tax credit;
- holiday allowance and a 13th month or year-end bonus are "special pay": they carry the extra
  tax they cause on top of the regular wage, which is what the wage tax's special rate
  approximates;
- the net monthly pay is the regular wage after its own tax, divided by twelve.
Expected bonus and profit share (not promised), allowances (often untaxed), deductions such as
mortgage interest and other tax credits are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from generator.content.offers import evaluate
from generator.folders import builtin_templates
from generator.language import plain
from generator.models import Offer
from generator.yamlload import load_yaml_mapping


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Bracket(_Data):
    """One step of box 1: the rate up to an income (None: no upper limit)."""

    up_to: float | None
    rate: float


class Brackets(_Data):
    """The box 1 table and where it comes from."""

    source: str
    steps: list[Bracket]


class GeneralCredit(_Data):
    """The algemene heffingskorting: a maximum, phased out above an income."""

    source: str
    maximum: float
    phase_out_from: float
    phase_out_rate: float


class Segment(_Data):
    """From an income on, the labour credit is `base` plus `rate` percent of the income above it."""

    start: float = Field(alias="from")
    base: float
    rate: float


class LabourCredit(_Data):
    """The arbeidskorting as a table of segments."""

    source: str
    segments: list[Segment]


class TaxYear(_Data):
    """One year's figures, as in `templates/tax/nl-<year>.yaml`."""

    country: str
    year: int
    brackets: Brackets
    general_credit: GeneralCredit
    labour_credit: LabourCredit

    def box1(self, income: float) -> float:
        """Tax and national insurance over a year's income, before tax credits."""
        tax, lower = 0.0, 0.0
        for step in self.brackets.steps:
            upper = income if step.up_to is None else min(income, step.up_to)
            if upper > lower:
                tax += (upper - lower) * step.rate / 100
            lower = step.up_to if step.up_to is not None else income
            if lower >= income:
                break
        return tax

    def general(self, income: float) -> float:
        """The general tax credit at this income."""
        credit = self.general_credit
        over = max(0.0, income - credit.phase_out_from)
        return max(0.0, credit.maximum - over * credit.phase_out_rate / 100)

    def labour(self, income: float) -> float:
        """The labour tax credit at this income from work."""
        segment = [s for s in self.labour_credit.segments if income >= s.start][-1]
        return max(0.0, segment.base + (income - segment.start) * segment.rate / 100)

    def tax(self, income: float) -> float:
        """What an employee pays over a year's wage: box 1 less both credits, never below zero."""
        return max(0.0, self.box1(income) - self.general(income) - self.labour(income))


def _tax_folder() -> list[int]:
    """The years that have a Dutch tax file, oldest first."""
    folder = builtin_templates() / "tax"
    return sorted(int(path.stem.removeprefix("nl-")) for path in folder.glob("nl-[0-9][0-9][0-9][0-9].yaml"))


@lru_cache(maxsize=8)
def tax_year(year: int) -> TaxYear | None:
    """The figures for `year`, or the latest earlier year that has a file; None before the first."""
    known = [y for y in _tax_folder() if y <= year]
    if not known:
        return None
    path = builtin_templates() / "tax" / f"nl-{known[-1]}.yaml"
    return TaxYear.model_validate(plain(load_yaml_mapping(path, "file")))


@dataclass(frozen=True)
class NetPay:
    """One offer's estimated net pay, in euros."""

    monthly: float          # a regular month, after tax and the employee's pension contribution
    annual: float           # the year, with holiday allowance and 13th month or year-end bonus
    pension_monthly: float  # the employee's pension contribution per month
    year: int               # the tax year whose figures were used


def net_pay(offer: Offer, rates: TaxYear) -> NetPay:
    """The estimate of the module docstring for one offer."""
    value = evaluate(offer)
    pension = 12 * offer.monthly_salary * offer.pension_employee_pct / 100
    regular = 12 * offer.monthly_salary - pension
    total = regular + value.holiday_allowance + value.year_end
    return NetPay(monthly=(regular - rates.tax(regular)) / 12, annual=total - rates.tax(total),
                  pension_monthly=pension / 12, year=rates.year)


def estimate_all(offers: list[Offer], currency: str, country: str, year: int) -> list[NetPay] | None:
    """Every offer's net estimate, in input order; None when Dutch tax does not apply (another
    currency or country) or no tax year is known."""
    rates = tax_year(year) if currency == "EUR" and country.upper() == "NL" else None
    if rates is None or not offers:
        return None
    return [net_pay(offer, rates) for offer in offers]
