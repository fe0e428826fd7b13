"""What every chapter builder needs: the checked input, the language and the dates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.content.blocks import Item
from generator.content.matching import fold, is_assessment_sector, stories_for
from generator.content.net_pay import NetPay
from generator.content.offers import Comparison
from generator.content.schedule import Schedule
from generator.language import Language, Texts
from generator.localize import long_date, money, number, short_date
from generator.models import Interviewer, Notes, Profile

# Words in a location that mean the interview is held over video.
VIDEO_WORDS = ("teams", "zoom", "meet", "video", "online", "webex", "skype")


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
    t: Texts                      # the guidance texts in the candidate's register: `c.t("sections.plan.title")`
    net: list[NetPay] | None = None   # each offer's estimated net pay, when Dutch tax applies

    @cached_property
    def gaps(self) -> list[str]:
        """The required skills no story shows yet, in the profile's order: the summary, the likely
        questions, the story matrix and the agency's overview all speak of these."""
        stories = self.profile.stories
        return [skill for skill in self.profile.application.required_skills if not stories_for(skill, stories)]

    @property
    def public_sector(self) -> str:
        """The sector as written, with the employer's name, when they say government or healthcare
        ('Gemeente Zeta' with no sector given); '' otherwise. There pay follows a scale and an
        assessment or a certificate of conduct often ends the procedure."""
        app = self.profile.application
        text = " ".join(filter(None, [app.sector, app.company]))
        return text if is_assessment_sector(text) else ""

    @property
    def municipality(self) -> bool:
        """True when the employer is a Dutch municipality (its cao pays holiday money through the IKB)."""
        app = self.profile.application
        text = fold(" ".join(filter(None, [app.sector, app.company, *(o.cao or "" for o in self.profile.offers)])))
        return "gemeente" in text or "municipal" in text

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

    def number(self, value: float) -> str:
        """Hours or days in the pack's language: '36,5' in Dutch."""
        return number(value, self.language.locale)

    @property
    def interviewers(self) -> list[Interviewer]:
        """The people of round two."""
        return self.profile.application.second_interview.interviewers

    @property
    def mode(self) -> str:
        """in_person, video or phone: as the profile says, else read from the location."""
        interview = self.profile.application.second_interview
        if interview.mode:
            return interview.mode
        location = fold(interview.location or "")
        return "video" if any(word in location for word in VIDEO_WORDS) else "in_person"

    def values(self) -> dict[str, str]:
        """Placeholders every guidance text may use."""
        app = self.profile.application
        return {"company": app.company, "role": app.role, "name": self.profile.candidate.name,
                "date": self.date(app.second_interview.date), "notes_file": self.notes_hint}


def items(texts: list[str], **attrs: str) -> list[Item]:
    """List items from plain texts, each with the same `data-*` attributes."""
    return [Item(text, attrs=dict(attrs)) for text in texts]
