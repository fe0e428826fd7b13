"""The input format, as pydantic models: the single source of truth.

Validation, the JSON Schema printed by `prep-pack schema`, and the field names used in error
messages all come from these classes. Unknown keys are refused everywhere (`extra="forbid"`)
so a typo such as `hours_per_weak` is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

STANDARD_QUESTION_IDS = (
    "feedback", "priorities", "team", "canteen", "lunch",
    "workplace", "collaboration", "development", "perception", "personalities",
)
ASSESSMENT_KINDS = (
    "case", "presentation", "sales_pitch", "test", "work_sample",
    "job_shadowing", "psychological_test", "other",
)
_THOUSANDS = re.compile(r"^\s*\d{1,3}([.,]\d{3})+\s*$")


def _plain_amount(value: object) -> object:
    """Refuse `4.300` or `4,300` for an amount: in YAML that is 4.3, not four thousand three hundred."""
    if isinstance(value, str) and _THOUSANDS.match(value):
        raise ValueError(f"write '{value.strip()}' without a thousands separator, e.g. "
                         f"{re.sub(r'[.,]', '', value.strip())}")
    return value


Money = Annotated[float, BeforeValidator(_plain_amount), Field(ge=0, le=100_000_000)]
Percent = Annotated[float, Field(ge=0, le=100)]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]
QuestionId = Literal[STANDARD_QUESTION_IDS]  # type: ignore[valid-type]
AssessmentKind = Literal[ASSESSMENT_KINDS]  # type: ignore[valid-type]


class Strict(BaseModel):
    """Base for every block of the input: unknown keys are errors, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Candidate(Strict):
    """Who the pack is for."""

    name: Text = Field(description="Your full name, as printed on the cover.")
    email: str | None = None
    phone: str | None = Field(None, description="Quote it (\"+31 6 12345678\") so no digit is lost.")
    current_role: str | None = None
    pitch: str | None = Field(None, description="Your personal pitch of 30 to 60 seconds.")
    strengths: list[Text] = []
    weaknesses: list[Text] = []


class Interviewer(Strict):
    """One person you will meet in the second interview."""

    name: Text
    role: str | None = Field(None, description="Their job, e.g. 'HR adviseur' or 'future colleague'.")
    met_before: bool = Field(False, description="true if they were in the first interview.")


class Assessment(Strict):
    """Something to do or present during the second interview."""

    kind: AssessmentKind = "other"  # type: ignore[assignment]
    description: str | None = None


class SecondInterview(Strict):
    """When and where the second interview takes place, and with whom."""

    date: dt.date = Field(description="YYYY-MM-DD")
    time: dt.time | None = Field(None, description="HH:MM, in quotes.")
    duration_minutes: int | None = Field(None, ge=5, le=600)
    location: str | None = Field(None, description="An address, or e.g. 'video (Teams)'.")
    interviewers: list[Interviewer] = []
    assessment: Assessment | None = None


class Application(Strict):
    """The job you applied for."""

    company: Text
    role: Text
    sector: str | None = Field(None, description="Free text; zorg/healthcare and overheid/government add advice.")
    vacancy_url: str | None = Field(None, description="Printed in the pack, never opened.")
    required_skills: list[Text] = []
    second_interview: SecondInterview


class Story(Strict):
    """A STARR example: Situation, Task, Action, Result, Reflection."""

    title: Text
    skills: list[Text] = []
    situation: str | None = None
    task: str | None = None
    action: str | None = None
    result: str | None = None
    reflection: str | None = None


class Salary(Strict):
    """What you want to earn, per month, gross."""

    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")] = "EUR"
    desired_monthly: Money | None = None
    minimum_monthly: Money | None = None
    priorities: list[Text] = []


class Offer(Strict):
    """Your current job or an offer, in the terms of SPEC section 5."""

    name: Text
    current: bool = False
    monthly_salary: Money = Field(description="Gross per month.")
    hours_per_week: Annotated[float, Field(ge=1, le=80)]
    days_per_week: Annotated[float, Field(ge=1, le=7)] = 5
    holiday_days: Annotated[float, Field(ge=0, le=100)]
    holiday_allowance_pct: Percent = 8
    thirteenth_month: bool = False
    year_end_bonus_pct: Percent = 0
    bonus_expected: Money = 0
    profit_share_expected: Money = 0
    pension_employer_pct: Percent = 0
    allowances_annual: Money = 0
    equipment: list[Text] = []
    contract: Literal["permanent", "temporary"] | None = None
    remarks: list[Text] = []


class Person(Strict):
    """Someone who was at the first interview."""

    name: Text
    role: str | None = None


def _person_from_text(value: object) -> object:
    """Accept 'Name, Role' as a shorthand for a person."""
    if isinstance(value, str):
        name, _, role = value.partition(",")
        return {"name": name.strip(), "role": role.strip() or None}
    return value


class Notes(Strict):
    """What you wrote down after the first interview (SPEC section 4)."""

    date: dt.date | None = None
    met: list[Annotated[Person, BeforeValidator(_person_from_text)]] = []
    learned: list[Text] = []
    went_well: list[Text] = []
    could_improve: list[Text] = []
    open_questions: list[Text] = []
    answered: list[QuestionId] = Field([], description="Ids of standard questions already covered.")  # type: ignore[valid-type]
    other: dict[str, list[Text]] = Field({}, description="Any other notes, by heading.")


class Profile(Strict):
    """A candidate profile: the whole input of one preparation pack."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, title="prep-pack profile")

    language: Literal["nl", "en"] = "nl"
    candidate: Candidate
    application: Application
    stories: list[Story] = []
    questions: list[Text] = []
    salary: Salary | None = None
    offers: list[Offer] = []
    first_interview_notes: Notes | None = None


def all_field_names() -> set[str]:
    """Every key the format knows, for 'did you mean ...?' hints on unknown keys."""
    names: set[str] = set()
    for model in (Profile, Candidate, Interviewer, Assessment, SecondInterview, Application,
                  Story, Salary, Offer, Person, Notes):
        names.update(model.model_fields)
    return names


def cross_field_problems(profile: Profile) -> list[tuple[tuple[str | int, ...], str]]:
    """Rules that involve more than one field, as (location, message) pairs.

    Kept apart from the models so every message can point at the exact key that breaks the rule.
    """
    problems: list[tuple[tuple[str | int, ...], str]] = []
    currents = [i for i, offer in enumerate(profile.offers) if offer.current]
    for index in currents[1:]:
        problems.append((("offers", index, "current"),
                         f"only one offer can be the current job; '{profile.offers[currents[0]].name}' already is"))
    for index, offer in enumerate(profile.offers):
        if offer.thirteenth_month and offer.year_end_bonus_pct > 0:
            problems.append((("offers", index, "year_end_bonus_pct"),
                             "use either thirteenth_month: true or a year_end_bonus_pct, not both"))
        if offer.holiday_days / offer.days_per_week >= 52:
            problems.append((("offers", index, "holiday_days"),
                             "that many holiday days leaves no weeks to work"))
    names = [offer.name.casefold() for offer in profile.offers]
    for index, name in enumerate(names):
        if name in names[:index]:
            problems.append((("offers", index, "name"), f"two offers are called '{profile.offers[index].name}'; "
                                                        "give each a different name"))
    salary = profile.salary
    if salary and salary.desired_monthly is not None and salary.minimum_monthly is not None \
            and salary.minimum_monthly > salary.desired_monthly:
        problems.append((("salary", "minimum_monthly"), "the minimum is higher than the desired salary"))
    return problems
