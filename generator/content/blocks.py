"""The view model's types: a pack as a tree of simple blocks that every renderer understands.

The builder (`content.build.build_pack`) decides *what* the pack says; the renderers (HTML/PDF,
DOCX, ICS, CSV) only decide *how* it looks. Nothing here knows a colour, a font or a file: all
text is plain text that renderers escape for their format, so nothing a candidate typed can
become markup. `attrs` carry the stable `data-*` hooks (docs/html-hooks.md) into the HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class ParaStyle(StrEnum):
    """What a paragraph is for; each renderer gives each its own look."""

    BODY = "body"
    LEAD = "lead"         # the opening line of a chapter, a little larger
    PROMPT = "prompt"     # something the candidate still has to fill in
    WARNING = "warning"
    TIP = "tip"
    QUOTE = "quote"       # words to say or send: a pitch, a draft answer, a thank-you note
    NOTE = "note"         # small print


class ListStyle(StrEnum):
    """How a list is drawn."""

    BULLET = "bullet"
    NUMBER = "number"
    CHECK = "check"       # a checklist with a date per item (the plan)
    PLAIN = "plain"       # label and text, no marker
    FACTS = "facts"       # label and value rows (the summary)


class Emphasis(StrEnum):
    """A table row to highlight."""

    NONE = ""
    BEST = "best"         # the best offer per hour worked
    GAP = "gap"           # a required skill without a story


@dataclass
class Para:
    """A paragraph of plain text."""

    text: str
    style: ParaStyle = ParaStyle.BODY
    attrs: dict[str, str] = field(default_factory=dict)
    kind: str = "para"


@dataclass
class Heading:
    """A heading inside a section (level 2) or inside a card (level 3)."""

    text: str
    level: int = 2
    kind: str = "heading"


@dataclass
class Item:
    """One entry of a list; `label` is shown in bold before the text, `note` in small type after."""

    text: str
    label: str = ""
    note: str = ""
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class ItemList:
    """A bulleted, numbered or checkbox list."""

    items: list[Item]
    style: ListStyle = ListStyle.BULLET
    attrs: dict[str, str] = field(default_factory=dict)
    kind: str = "list"


@dataclass
class TableRow:
    """A table row; `emphasis` marks a row to highlight (the best offer, a gap)."""

    cells: list[str]
    attrs: dict[str, str] = field(default_factory=dict)
    emphasis: Emphasis = Emphasis.NONE


@dataclass
class Table:
    """A table with one header row; `numeric` says which columns are right-aligned figures."""

    header: list[str]
    rows: list[TableRow]
    numeric: list[bool] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    css_class: str = ""
    kind: str = "table"


@dataclass
class Card:
    """A boxed group of blocks about one thing: an interviewer, a story."""

    title: str
    subtitle: str = ""
    badge: str = ""
    blocks: list[Block] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    kind: str = "card"


@dataclass(frozen=True)
class Chart:
    """The figures of the offer chart: two bar panels, per year and per hour worked.

    Renderers draw it (`render.chart`) in their own colours; `highlight` is the bar to set apart.
    """

    names: tuple[str, ...]
    totals: tuple[float, ...]
    per_hour: tuple[float, ...]
    highlight: int
    title_total: str
    title_hour: str
    alt: str
    locale: str
    currency: str
    certain_totals: tuple[float, ...] = ()    # the same without expected bonus and profit share
    certain_per_hour: tuple[float, ...] = ()
    title_expected: str = ""                  # the legend of the expected part of a bar
    kind: str = "chart"


@dataclass
class Lines:
    """Ruled lines to write on (the notes pages)."""

    count: int
    kind: str = "lines"


Block = Para | Heading | ItemList | Table | Card | Chart | Lines


@dataclass
class Section:
    """One numbered chapter of the pack; `id` is the stable HTML id from the spec."""

    id: str
    title: str
    blocks: list[Block]
    attrs: dict[str, str] = field(default_factory=dict)
    page_break: bool = False


@dataclass
class Fact:
    """A label and value on the cover or the summary page."""

    label: str
    value: str


@dataclass(frozen=True)
class CalendarEvent:
    """One entry of the pack's calendar: a whole day, or a start time with a duration."""

    key: str                        # stable per pack, so a re-imported calendar updates, not doubles
    day: dt.date
    summary: str
    start: dt.time | None = None
    minutes: int = 60
    location: str = ""
    description: str = ""
    reminder: bool = False          # remind two hours before (the interview itself)
    busy: bool = False              # takes time in the calendar (the interview), else a to-do


@dataclass(frozen=True)
class Labels:
    """The few fixed words renderers print around the content."""

    at: str
    vacancy: str
    summary: str
    contents: str
    page: str
    of: str


@dataclass
class Pack:
    """Everything a renderer needs for one candidate's pack."""

    lang: str
    lang_tag: str
    slug: str
    title: str
    candidate: str
    company: str
    role: str
    made_date: dt.date              # the run's `--today`: stamps files so identical input gives identical bytes
    cover_facts: list[Fact]
    countdown: str
    summary: list[Block]
    sections: list[Section]
    labels: Labels
    made_on: str
    events: list[CalendarEvent]
    offer_records: list[dict[str, object]] = field(default_factory=list)  # for the CSV (offer_export)
    csv_dialect: str = "rfc"                                              # excel-nl or rfc (csvtext)
    overview: dict[str, object] = field(default_factory=dict)              # for a batch's overview (summary)
    vacancy_url: str = ""
    warnings: list[str] = field(default_factory=list)
