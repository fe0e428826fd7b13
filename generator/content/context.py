"""What every chapter builder needs: the checked input, the language and the dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.content.blocks import Item
from generator.content.offers import Comparison
from generator.content.schedule import Schedule
from generator.language import Language, Texts
from generator.localize import long_date, money, short_date
from generator.models import Notes, Profile


@dataclass(frozen=True)
class Context:
    """One pack's input, language and dates, handed to each chapter builder."""

    profile: Profile
    notes: Notes | None
    notes_hint: str               # the notes file name the pack suggests when there are none
    language: Language
    schedule: Schedule
    comparison: Comparison | None
    plan_steps: list[dict[str, Any]]  # the six steps of the plan, from the texts

    @property
    def t(self) -> Texts:
        """The guidance texts: `c.t("sections.plan.title")`."""
        return self.language.texts

    @property
    def currency(self) -> str:
        """The currency of every amount in the pack."""
        return self.profile.salary.currency if self.profile.salary else "EUR"

    def date(self, day: dt.date) -> str:
        """A date written out in the pack's language."""
        return long_date(day, self.language.locale)

    def short_date(self, day: dt.date) -> str:
        """A short date for checklists."""
        return short_date(day, self.language.locale)

    def money(self, amount: float, cents: bool = False) -> str:
        """An amount in the pack's currency and language."""
        return money(amount, self.language.locale, self.currency, cents)

    def values(self) -> dict[str, str]:
        """Placeholders every guidance text may use."""
        app = self.profile.application
        return {"company": app.company, "role": app.role, "name": self.profile.candidate.name,
                "date": self.date(app.second_interview.date), "notes_file": self.notes_hint}


def items(texts: list[str], **attrs: str) -> list[Item]:
    """List items from plain texts, each with the same `data-*` attributes."""
    return [Item(text, attrs=dict(attrs)) for text in texts]
