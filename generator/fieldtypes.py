"""The value types of the input format: money, percentages, dates, text, and the enumerations
with their words in other languages (`aliases:` in each language.yaml)."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field

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


def _plain_amount(value: object) -> object:
    """Refuse `4.300` or `4,300` for an amount: in YAML that is 4.3, not four thousand three hundred."""
    if isinstance(value, str) and _THOUSANDS.match(value):
        raise ValueError(f"write '{value.strip()}' without a thousands separator, e.g. "
                         f"{re.sub(r'[.,]', '', value.strip())}")
    return value


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _iso_date(value: object) -> object:
    """Accept a date only as YYYY-MM-DD; pydantic alone would read `0` or `1700000000` as a Unix time."""
    if isinstance(value, str):
        value = value.strip()
        if not _ISO_DATE.match(value):
            raise ValueError(f"'{value}' is not a real date; write it as YYYY-MM-DD, e.g. 2026-12-03")
    return value


def _sane_year(value: dt.date) -> dt.date:
    """Keep dates where date arithmetic (plan steps, decision window) cannot overflow."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"'{value.isoformat()}' is out of range; use a year from {FIRST_YEAR} to {LAST_YEAR}")
    return value


Date = Annotated[dt.date, BeforeValidator(_iso_date), AfterValidator(_sane_year)]
def _whole_cents(value: float) -> float:
    """Money is counted in cents: 4300.5 is fine, 0.001 or 1e-20 is a typo (and breaks percentages)."""
    if round(value, 2) != value:
        raise ValueError(f"'{value!r}' has more than two decimals; write money in whole cents, e.g. 4300.50")
    return value


Money = Annotated[float, BeforeValidator(_plain_amount), Field(ge=0, le=100_000_000), AfterValidator(_whole_cents)]
Percent = Annotated[float, Field(ge=0, le=100)]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]


def _alias(kind: str) -> Any:
    """A validator that turns another language's word for an option into the option (`kantine` -> canteen).

    The aliases are language data (`aliases:` in each language.yaml); case and spaces do not matter.
    """
    def resolve(value: object) -> object:
        if isinstance(value, str):
            key = "_".join(value.strip().casefold().replace("-", " ").split())
            return aliases(kind).get(key, key if key in aliases(kind).values() else value)
        return value
    return BeforeValidator(resolve)


QuestionId = Annotated[Literal[STANDARD_QUESTION_IDS], _alias("question_id")]  # type: ignore[valid-type]
ImproveKind = Annotated[Literal[IMPROVE_KINDS], _alias("improve_kind")]  # type: ignore[valid-type]
Mode = Annotated[Literal[MODES], _alias("mode")]  # type: ignore[valid-type]
if TYPE_CHECKING:
    LanguageCode = str
else:  # one of the language folders in templates/, found at start-up
    LanguageCode = Literal[languages()]
AssessmentKind = Annotated[Literal[ASSESSMENT_KINDS], _alias("assessment_kind")]  # type: ignore[valid-type]
