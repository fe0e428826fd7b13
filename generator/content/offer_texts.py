"""The text keys of everything the pack says about an offer, by flag and priority kind.

Keys are written out (not built from the flag names) so the language test can check that every
text is used and every used text exists in each language.
"""

from __future__ import annotations

from generator.content.offer_checks import flags
from generator.content.offer_priorities import judge
from generator.content.offers import Comparison
from generator.language import Texts
from generator.models import Salary

# What each flag means for the candidate, by its `data-offer-flag` name.
FLAG_TEXTS = {
    "below-minimum": "sections.offers.flags.below_minimum",
    "below-desired": "sections.offers.flags.below_desired",
    "temporary": "sections.offers.flags.temporary",
    "no-pension": "sections.offers.flags.no_pension",
    "below-statutory-holidays": "sections.offers.flags.below_statutory_holidays",
    "more-hours": "sections.offers.flags.more_hours",
    "expected-pay-decides": "sections.offers.flags.expected_pay_decides",
}


# What failing each priority the figures can judge means, by its kind.
PRIORITY_TEXTS = {
    "pension": "sections.offers.priority.pension",
    "permanent": "sections.offers.priority.permanent",
    "holidays": "sections.offers.priority.holidays",
    "hours": "sections.offers.priority.hours",
    "equipment": "sections.offers.priority.equipment",
    "training": "sections.offers.priority.training",
    "home": "sections.offers.priority.home",
    "travel": "sections.offers.priority.travel",
}

# Short names of the flags and priority kinds, for the summary and the terminal.
FLAG_NAMES = {
    "below-minimum": "sections.offers.flag_names.below_minimum",
    "below-desired": "sections.offers.flag_names.below_desired",
    "temporary": "sections.offers.flag_names.temporary",
    "no-pension": "sections.offers.flag_names.no_pension",
    "below-statutory-holidays": "sections.offers.flag_names.below_statutory_holidays",
    "more-hours": "sections.offers.flag_names.more_hours",
    "expected-pay-decides": "sections.offers.flag_names.expected_pay_decides",
}
PRIORITY_NAMES = {
    "pension": "sections.offers.priority_names.pension",
    "permanent": "sections.offers.priority_names.permanent",
    "holidays": "sections.offers.priority_names.holidays",
    "hours": "sections.offers.priority_names.hours",
    "equipment": "sections.offers.priority_names.equipment",
    "training": "sections.offers.priority_names.training",
    "home": "sections.offers.priority_names.home",
    "travel": "sections.offers.priority_names.travel",
}


def flag_names(t: Texts, comparison: Comparison, index: int, salary: Salary | None) -> list[str]:
    """The short names of an offer's flags and failed priorities ('tijdelijk contract', 'pensioen')."""
    priorities = salary.priorities if salary else []
    names = [t(FLAG_NAMES[flag]) for flag in flags(comparison, index, salary)]
    kinds = judge(comparison, index, priorities).fails
    if kinds:
        names.append(f"{t('sections.offers.flag_names.priority')} {', '.join(t(PRIORITY_NAMES[k]) for k in kinds)}")
    return names


# What to ask an employer about a priority whose figures are missing, by its kind.
ASK_TEXTS = {
    "pension": "sections.offers.ask.pension",
    "permanent": "sections.offers.ask.permanent",
    "holidays": "sections.offers.ask.holidays",
    "hours": "sections.offers.ask.hours",
    "equipment": "sections.offers.ask.equipment",
    "training": "sections.offers.ask.training",
    "home": "sections.offers.ask.home",
    "travel": "sections.offers.ask.travel",
    "growth": "sections.offers.ask.growth",
}
