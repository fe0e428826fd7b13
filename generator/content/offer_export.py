"""Every offer as one flat record: what the candidate wrote, what it is worth, what it means.

The pack's CSV and `compare --format csv|json` both export these records, so a spreadsheet gets
the inputs (salary, hours, holidays, ...) next to the derived quantities of docs/offers.md
(unrounded, under exactly those names), the certain figures without expected pay, the difference
from the candidate's wish and floor, the net estimate, and the flags the pack raises.
"""

from __future__ import annotations

from generator.content.net_pay import NetPay
from generator.content.offer_checks import against, flags, guaranteed
from generator.content.offer_priorities import judge
from generator.content.offers import QUANTITIES, Comparison
from generator.models import Offer, Salary

INPUTS = tuple(name for name in Offer.model_fields if name not in ("name", "current"))
EXTRAS = ("guaranteed_total_annual_value", "guaranteed_value_per_hour", "vs_desired", "vs_minimum",
          "monthly_at_current_hours",
          "net_monthly", "net_annual", "flags")
COLUMNS = ("name", "current", *INPUTS, *QUANTITIES, *EXTRAS)


def offer_records(comparison: Comparison, salary: Salary | None = None,
                  net: list[NetPay] | None = None) -> list[dict[str, object]]:
    """One record per offer, in input order, with every column of `COLUMNS` (None: not known)."""
    certain = guaranteed(comparison)
    priorities = salary.priorities if salary else []
    records = []
    for index, (offer, value) in enumerate(zip(comparison.offers, comparison.values, strict=True)):
        wish = against(offer, salary, comparison.current)
        raised = flags(comparison, index, salary) + [f"priority-{kind}" for kind in
                                                      judge(comparison, index, priorities).fails]
        records.append({
            "name": offer.name, "current": offer.current,
            **{name: getattr(offer, name) for name in INPUTS},
            **{name: getattr(value, name) for name in QUANTITIES},
            "guaranteed_total_annual_value": certain.values[index].total_annual_value,
            "guaranteed_value_per_hour": certain.values[index].value_per_hour,
            "vs_desired": wish.vs_desired, "vs_minimum": wish.vs_minimum, "monthly_at_current_hours": wish.converted,
            "net_monthly": net[index].monthly if net else None, "net_annual": net[index].annual if net else None,
            "flags": " ".join(raised),
        })
    return records
