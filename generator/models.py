"""The input format, as pydantic models: the single source of truth.

Validation, the JSON Schema printed by `prep-pack schema`, and the field names used in error
messages all come from these classes. Unknown keys are refused everywhere (`extra="forbid"`)
so a typo such as `hours_per_weak` is reported instead of silently ignored.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError

from generator.fieldtypes import (  # noqa: F401 - the constants are part of this module's interface
    ASSESSMENT_KINDS,
    IMPROVE_KINDS,
    MODES,
    STANDARD_QUESTION_IDS,
    AssessmentKind,
    Date,
    ImproveKind,
    LanguageCode,
    Mode,
    Money,
    Percent,
    QuestionId,
    Text,
)
from generator.language import DEFAULT_LANGUAGE


class Strict(BaseModel):
    """Base for every block of the input: unknown keys are errors, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class Candidate(Strict):
    """Who the pack is for."""

    name: Text = Field(description="Your full name, as printed on the cover.")
    email: str | None = None
    phone: str | None = Field(None, description="Quote it (\"+31 6 12345678\") so no digit is lost.")
    current_role: str | None = None
    pitch: str | None = Field(None, description="Your personal pitch of 30 to 60 seconds.")
    address: Literal["je", "u"] = Field("je", description="Dutch packs: address interviewers as 'je' or 'u' in "
                                                          "questions and letters.")
    strengths: list[Text] = []
    weaknesses: list[Text] = []


class Interviewer(Strict):
    """One person you will meet in the second interview."""

    name: Text
    role: str | None = Field(None, description="Their job, e.g. 'HR adviseur' or 'future colleague'.")
    met_before: bool = Field(False, description="true if they were in the first interview.")


class Assessment(Strict):
    """Something to do or present during the second interview."""

    kind: AssessmentKind = "other"
    description: str | None = None


class SecondInterview(Strict):
    """When and where the second interview takes place, and with whom."""

    date: Date = Field(description="YYYY-MM-DD")
    time: dt.time | None = Field(None, description="HH:MM, in quotes.")
    duration_minutes: int | None = Field(None, ge=5, le=600)
    location: str | None = Field(None, description="An address, or e.g. 'video (Teams)'.")
    mode: Mode | None = Field(None, description="in_person, video or phone; when left out, 'Teams', 'Zoom', "
                                                "'Meet', 'video' or 'online' in the location mean video.")
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
    """Your current job or an offer, in the terms of docs/offers.md."""

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


class ImprovePoint(Strict):
    """A point from the first interview that could have gone better, and what kind of point it is."""

    text: Text
    kind: ImproveKind | None = Field(None, description="too_long, vague, unknown, nerves, doubt or other; "
                                                        "recognised from the words when left out.")


def _point_from_text(value: object) -> object:
    """Accept a plain string as a point whose kind is recognised from its words."""
    return {"text": value} if isinstance(value, str) else value


class Notes(Strict):
    """What you wrote down after the first interview (docs/input-format.md, notes)."""

    date: Date | None = None
    met: list[Annotated[Person, BeforeValidator(_person_from_text)]] = []
    learned: list[Text] = []
    went_well: list[Text] = []
    could_improve: list[Annotated[ImprovePoint, BeforeValidator(_point_from_text)]] = []
    open_questions: list[Text] = []
    answered: list[QuestionId] = Field([], description="Ids of standard questions already covered.")
    other: dict[str, list[Text]] = Field({}, description="Any other notes, by heading.")


class Profile(Strict):
    """A candidate profile: the whole input of one preparation pack."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False,
                              title="prep-pack profile")

    language: LanguageCode = DEFAULT_LANGUAGE
    candidate: Candidate
    application: Application
    stories: list[Story] = []
    questions: list[Text] = []
    salary: Salary | None = None
    offers: list[Offer] = []
    first_interview_notes: Notes | None = None


def fields_at(loc: tuple[str | int, ...], model: type[BaseModel] | None = None) -> set[str]:
    """The keys allowed in the block at `loc` (e.g. ('offers', 0)), for 'did you mean' hints."""
    model = model or Profile
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        found = _model_in(field.annotation) if field else None
        if found is None:
            return set()
        model = found
    return set(model.model_fields)


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as `list[Offer]` or `Notes | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def json_schema() -> str:
    """The JSON Schema of the profile, generated from these models (`prep-pack schema`)."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://prep-pack.invalid/profile.schema.json", **Profile.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False)


def _is_true(value: object) -> bool:
    try:
        return TypeAdapter(bool).validate_python(value) if value is not None else False
    except ValidationError:
        return False


def _valid(model: type[BaseModel], data: object) -> BaseModel | None:
    try:
        return model.model_validate(data)
    except ValidationError:
        return None


def cross_field_problems(raw: Mapping[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    """Rules that involve more than one field, as (location, message) pairs.

    Checked on each block that is valid on its own, so these problems are reported together
    with every other problem in the file, and each message points at the key that breaks the rule.
    """
    problems: list[tuple[tuple[str | int, ...], str]] = []
    raw_offers: list[Any] = raw["offers"] if isinstance(raw.get("offers"), list) else []
    offers = [(i, o) for i, item in enumerate(raw_offers) if isinstance(o := _valid(Offer, item), Offer)]
    currents = [i for i, item in enumerate(raw_offers) if isinstance(item, Mapping) and _is_true(item.get("current"))]
    for index in currents[1:]:
        first = raw_offers[currents[0]].get("name") or f"offer {currents[0] + 1}"
        problems.append((("offers", index, "current"), f"only one offer can be the current job; '{first}' already is"))
    seen: dict[str, str] = {}
    for index, offer in offers:
        if offer.thirteenth_month and offer.year_end_bonus_pct > 0:
            problems.append((("offers", index, "year_end_bonus_pct"),
                             "use either thirteenth_month: true or a year_end_bonus_pct, not both"))
        if offer.holiday_days / offer.days_per_week >= 52:
            problems.append((("offers", index, "holiday_days"), "that many holiday days leaves no weeks to work"))
        if offer.name.casefold() in seen:
            problems.append((("offers", index, "name"),
                             f"two offers are called '{offer.name}'; give each a different name"))
        seen[offer.name.casefold()] = offer.name
    salary = _valid(Salary, raw.get("salary")) if raw.get("salary") is not None else None
    if isinstance(salary, Salary) and salary.desired_monthly is not None and salary.minimum_monthly is not None \
            and salary.minimum_monthly > salary.desired_monthly:
        problems.append((("salary", "minimum_monthly"), "the minimum is higher than the desired salary"))
    return problems
