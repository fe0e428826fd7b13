"""The value types of the input format: money, percentages, dates, times, text, and the enumerations
with their words in other languages (`aliases:` in each language.yaml).

Each refusal is a message key with values (templates/<lang>/messages.yaml), so validate can say it
in the user's language; each type's JSON Schema says exactly what its validator accepts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any, Literal

import holidays
from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.dates import clock_time, in_range, iso_date
from generator.errors import Refusal
from generator.language import aliases, languages

STANDARD_QUESTION_IDS = (
    "feedback", "priorities", "team", "canteen", "lunch",
    "workplace", "collaboration", "development", "perception", "personalities",
)
ASSESSMENT_KINDS = (
    "case", "presentation", "sales_pitch", "test", "work_sample",
    "job_shadowing", "psychological_test", "other",
)
IMPROVE_KINDS = ("too_long", "vague", "unknown", "nerves", "doubt", "other")
MODES = ("in_person", "video", "phone")

_THOUSANDS = re.compile(r"^\s*[1-9]\d{0,2}([.,]\d{3})+\s*$")  # 4.300, 1,250,000; not 0.001


def refuse(problem: Refusal) -> PydanticCustomError:
    """A refusal as a pydantic error: its type is the message key, its context the values, so validate
    can say it in the user's language."""
    return PydanticCustomError(problem.key, problem.key, problem.values)


def _plain_amount(value: object) -> object:
    """Refuse `4.300` or `4,300` for an amount: in YAML that is 4.3, not four thousand three hundred."""
    if isinstance(value, str) and _THOUSANDS.match(value):
        raise refuse(Refusal("value.thousands", value=value.strip(), fixed=re.sub(r"[.,]", "", value.strip())))
    return value


def _checked(check: Callable[[Any], Any], value: Any) -> Any:
    """Run one of the date and time checks, turning its `Refusal` into pydantic's error."""
    try:
        return check(value)
    except Refusal as problem:
        raise refuse(problem) from None


def _iso_date(value: object) -> object:
    """Accept a date only as YYYY-MM-DD; pydantic alone would read `0` or `1700000000` as a Unix time."""
    return _checked(iso_date, value.strip()) if isinstance(value, str) else value


def _sane_year(value: dt.date) -> dt.date:
    """Keep dates where date arithmetic (plan steps, decision window) cannot overflow."""
    return _checked(in_range, value)


def _clock(value: object) -> object:
    """Accept a time as HH:MM (24-hour clock); say what is off with '9:30', '9.30' or '2pm'."""
    return _checked(clock_time, value.strip()) if isinstance(value, str) else value


# What the JSON Schema says about dates and times: exactly what the validators above accept.
DATE_PATTERN = r"^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$"
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"
Date = Annotated[dt.date, BeforeValidator(_iso_date), AfterValidator(_sane_year),
                 WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN})]
Time = Annotated[dt.time, BeforeValidator(_clock), WithJsonSchema({"type": "string", "pattern": TIME_PATTERN})]


def _whole_cents(value: float) -> float:
    """Money is counted in cents: 4300.5 is fine, 0.001 or 1e-20 is a typo (and breaks percentages)."""
    if round(value, 2) != value:
        raise refuse(Refusal("value.money_cents", value=repr(value)))
    return value


Money = Annotated[float, Field(ge=0, le=100_000_000), BeforeValidator(_plain_amount), AfterValidator(_whole_cents)]
Percent = Annotated[float, Field(ge=0, le=100)]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]

# How many items a list may hold. Far above what anyone writes for one interview, and low enough
# that a pack stays a readable document that renders in seconds: 200 interviewers took a PDF over
# four minutes, and 250,000 notes bullets never finished as Word.
FEW_ITEMS = 12       # offers: the table puts them side by side
PEOPLE = 20          # interviewers, people met
MANY_ITEMS = 50      # stories, skills, questions, notes bullets, remarks...
Few = Field(max_length=FEW_ITEMS)
SomePeople = Field(max_length=PEOPLE)
Many = Field(max_length=MANY_ITEMS)

# One plain address, `name@example.nl`: no display name, no second address, no line break, so a
# delivery draft (`batch --emails`) can never be sent to someone the candidate did not name.
EMAIL_PATTERN = r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"


def _email(value: object) -> object:
    """Refuse anything but one plain e-mail address, saying what was written."""
    if isinstance(value, str) and not re.fullmatch(EMAIL_PATTERN, value.strip()):
        raise refuse(Refusal("value.email", value=value.strip()[:80]))
    return value


EmailAddress = Annotated[str, BeforeValidator(_email), Field(max_length=254),
                         WithJsonSchema({"type": "string", "format": "email", "pattern": EMAIL_PATTERN})]


def _alias(kind: str, options: tuple[str, ...]) -> Any:
    """A validator that turns another language's word for an option into the option (`kantine` -> canteen).

    The aliases are language data (`aliases:` in each language.yaml); case, spaces and dashes do not
    matter, for the options themselves too (`Sales pitch` is `sales_pitch`).
    """
    def resolve(value: object) -> object:
        if isinstance(value, str):
            key = "_".join(value.strip().casefold().replace("-", " ").split())
            return key if key in options else aliases(kind).get(key, value)
        return value
    return BeforeValidator(resolve)


QuestionId = Annotated[Literal[STANDARD_QUESTION_IDS],  # type: ignore[valid-type]
                       _alias("question_id", STANDARD_QUESTION_IDS)]
ImproveKind = Annotated[Literal[IMPROVE_KINDS], _alias("improve_kind", IMPROVE_KINDS)]  # type: ignore[valid-type]
Mode = Annotated[Literal[MODES], _alias("mode", MODES)]  # type: ignore[valid-type]
if TYPE_CHECKING:
    LanguageCode = str
else:  # one of the language folders in templates/, found at start-up
    LanguageCode = Literal[languages()]


def _country(value: object) -> object:
    """An ISO 3166 country code the public-holiday calendar knows (`nl` is read as NL)."""
    if isinstance(value, str):
        code = value.strip().upper()
        if len(code) != 2 or code not in holidays.list_supported_countries():
            raise refuse(Refusal("country.unknown", value=value.strip()))
        return code
    return value


def _country_codes() -> list[str]:
    """The two-letter codes the validator accepts, in both cases (for the JSON Schema)."""
    codes = sorted(code for code in holidays.list_supported_countries() if len(code) == 2)
    return codes + [code.lower() for code in codes]


CountryCode = Annotated[str, BeforeValidator(_country), Field(pattern=r"^[A-Z]{2}$"),
                        WithJsonSchema({"type": "string", "enum": _country_codes()})]
AssessmentKind = Annotated[Literal[ASSESSMENT_KINDS],  # type: ignore[valid-type]
                           _alias("assessment_kind", ASSESSMENT_KINDS)]
# The enumerations whose options have words in other languages, by their options (for messages and the schema).
ALIAS_KINDS = {STANDARD_QUESTION_IDS: "question_id", ASSESSMENT_KINDS: "assessment_kind",
               IMPROVE_KINDS: "improve_kind", MODES: "mode"}
