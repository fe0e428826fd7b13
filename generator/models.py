"""The input format, as pydantic models: the single source of truth.

Validation, the JSON Schema printed by `prep-pack schema`, and the field names used in error
messages all come from these classes. Unknown keys are refused everywhere (`extra="forbid"`)
so a typo such as `hours_per_weak` is reported instead of silently ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from generator.fieldtypes import (  # noqa: F401 - the constants are part of this module's interface
    ASSESSMENT_KINDS,
    IMPROVE_KINDS,
    MODES,
    STANDARD_QUESTION_IDS,
    AssessmentKind,
    CountryCode,
    Date,
    EmailAddress,
    Few,
    ImproveKind,
    LanguageCode,
    Many,
    Mode,
    Money,
    Percent,
    QuestionId,
    SomePeople,
    Text,
    Time,
)
from generator.language import DEFAULT_LANGUAGE


class Strict(BaseModel):
    """Base for every block of the input: unknown keys are errors, text is trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False)


class Candidate(Strict):
    """Who the pack is for."""

    name: Text
    email: EmailAddress | None = None
    phone: str | None = None
    current_role: str | None = None
    pitch: str | None = None
    address: Literal["je", "u"] = "je"
    strengths: Annotated[list[Text], Many] = []
    weaknesses: Annotated[list[Text], Many] = []


class Interviewer(Strict):
    """One person you will meet in the second interview."""

    name: Text
    role: str | None = None
    met_before: bool = False


class Assessment(Strict):
    """Something to do or present during the second interview."""

    kind: AssessmentKind = "other"
    description: str | None = None


class SecondInterview(Strict):
    """When and where the second interview takes place, and with whom."""

    date: Date
    time: Time | None = None
    duration_minutes: int | None = Field(None, ge=5, le=600)
    location: str | None = None
    mode: Mode | None = None
    interviewers: Annotated[list[Interviewer], SomePeople] = []
    assessment: Assessment | None = None


class Application(Strict):
    """The job you applied for."""

    company: Text
    role: Text
    sector: str | None = None
    vacancy_url: str | None = None
    required_skills: Annotated[list[Text], Many] = []
    country: CountryCode = "NL"
    second_interview: SecondInterview


class Story(Strict):
    """A STARR example: Situation, Task, Action, Result, Reflection."""

    title: Text
    skills: Annotated[list[Text], Many] = []
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
    priorities: Annotated[list[Text], Many] = []


class Offer(Strict):
    """Your current job or an offer, in the terms of docs/offers.md."""

    name: Text
    current: bool = False
    monthly_salary: Money
    hours_per_week: Annotated[float, Field(ge=1, le=80)]
    days_per_week: Annotated[float, Field(ge=1, le=7)] = 5
    holiday_days: Annotated[float, Field(ge=0, le=100)]
    holiday_allowance_pct: Percent = 8
    thirteenth_month: bool = False
    year_end_bonus_pct: Percent = 0
    bonus_expected: Money = 0
    profit_share_expected: Money = 0
    pension_employer_pct: Percent | None = None  # not given is not 'none': the pack asks, and counts 0
    allowances_annual: Money = 0
    equipment: Annotated[list[Text], Many] = []
    contract: Literal["permanent", "temporary"] | None = None
    remarks: Annotated[list[Text], Many] = []
    cao: Text | None = None
    scale: Text | None = None
    pension_employee_pct: Percent = 0
    training_budget_annual: Money | None = None
    home_days_per_week: Annotated[float, Field(ge=0, le=7)] | None = None
    commute_minutes: Annotated[float, Field(ge=0, le=600)] | None = None


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
    kind: ImproveKind | None = None


def _point_from_text(value: object) -> object:
    """Accept a plain string as a point whose kind is recognised from its words."""
    return {"text": value} if isinstance(value, str) else value


class Notes(Strict):
    """What you wrote down after the first interview (docs/input-format.md, notes)."""

    date: Date | None = None
    met: Annotated[list[Annotated[Person, BeforeValidator(_person_from_text, json_schema_input_type=str | Person)]],
                   SomePeople] = []
    learned: Annotated[list[Text], Many] = []
    went_well: Annotated[list[Text], Many] = []
    could_improve: Annotated[list[Annotated[ImprovePoint, BeforeValidator(_point_from_text,
                                                                          json_schema_input_type=str | ImprovePoint)]],
                             Many] = []
    open_questions: Annotated[list[Text], Many] = []
    answered: Annotated[list[QuestionId], Many] = []
    other: Annotated[dict[str, Annotated[list[Text], Many]], SomePeople] = {}


class Profile(Strict):
    """A candidate profile: the whole input of one preparation pack."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, allow_inf_nan=False,
                              title="prep-pack profile")

    language: LanguageCode = DEFAULT_LANGUAGE
    candidate: Candidate
    application: Application
    stories: Annotated[list[Story], Many] = []
    questions: Annotated[list[Text], Many] = []
    salary: Salary | None = None
    offers: Annotated[list[Offer], Few] = []
    first_interview_notes: Notes | None = None


def _block_at(loc: tuple[str | int, ...], model: type[BaseModel]) -> type[BaseModel] | None:
    """The model of the block at `loc` (e.g. ('offers', 0) -> Offer), or None when `loc` is no block."""
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(part)
        found = model_in(field.annotation) if field else None
        if found is None:
            return None
        model = found
    return model


def fields_at(loc: tuple[str | int, ...], model: type[BaseModel] | None = None) -> list[str]:
    """The keys allowed in the block at `loc` (e.g. ('offers', 0)), in model order, for 'did you mean' hints."""
    block = _block_at(loc, model or Profile)
    return list(block.model_fields) if block else []


def field_at(loc: tuple[str | int, ...], model: type[BaseModel] | None = None) -> FieldInfo | None:
    """The declared field at `loc` (list positions skipped), to tell a required key from an optional one."""
    keys = [index for index, part in enumerate(loc) if isinstance(part, str)]
    if not keys:
        return None
    block = _block_at(loc[:keys[-1]], model or Profile)
    return block.model_fields.get(str(loc[keys[-1]])) if block else None


def model_in(annotation: object) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as `list[Offer]` or `Notes | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = model_in(arg)
        if found is not None:
            return found
    return None


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


Rule = tuple[tuple[str | int, ...], str, dict[str, Any]]  # where, message key, values


def _number(value: float) -> str:
    return f"{value:g}"


def _offer_rules(raw_offers: list[Any]) -> list[Rule]:
    """At most one current job; per offer: 13th month or a year-end bonus, weeks left to work, a unique name."""
    problems: list[Rule] = []
    currents = [i for i, item in enumerate(raw_offers) if isinstance(item, Mapping) and _is_true(item.get("current"))]
    for index in currents[1:]:
        first = raw_offers[currents[0]].get("name")
        problems.append((("offers", index, "current"), "rule.one_current" if first else "rule.one_current_unnamed",
                         {"first": first, "number": currents[0] + 1}))
    seen: set[str] = set()
    offers = [(i, o) for i, item in enumerate(raw_offers) if isinstance(o := _valid(Offer, item), Offer)]
    for index, offer in offers:
        if offer.thirteenth_month and offer.year_end_bonus_pct > 0:
            problems.append((("offers", index, "year_end_bonus_pct"), "rule.thirteenth_and_bonus", {}))
        if offer.holiday_days / offer.days_per_week >= 52:
            problems.append((("offers", index, "holiday_days"), "rule.no_weeks_left",
                             {"days": _number(offer.holiday_days), "per_week": _number(offer.days_per_week)}))
        if offer.name.casefold() in seen:
            problems.append((("offers", index, "name"), "rule.duplicate_offer", {"name": offer.name}))
        seen.add(offer.name.casefold())
    return problems


def cross_field_problems(raw: Mapping[str, Any]) -> list[Rule]:
    """Rules that involve more than one field, as (location, message key, values).

    Checked on each block that is valid on its own, so these problems are reported together
    with every other problem in the file, and each message points at the key that breaks the rule.
    """
    problems = _offer_rules(raw["offers"] if isinstance(raw.get("offers"), list) else [])
    salary = _valid(Salary, raw.get("salary")) if raw.get("salary") is not None else None
    if isinstance(salary, Salary) and salary.desired_monthly is not None and salary.minimum_monthly is not None \
            and salary.minimum_monthly > salary.desired_monthly:
        problems.append((("salary", "minimum_monthly"), "rule.minimum_above_desired",
                         {"minimum": _number(salary.minimum_monthly), "desired": _number(salary.desired_monthly)}))
    return problems
