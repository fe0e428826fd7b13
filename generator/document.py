"""The view model: a pack as a tree of simple blocks that every renderer understands.

The builder (`viewmodel.build_pack`) decides *what* the pack says; the renderers (HTML/PDF,
DOCX) only decide *how* each kind of block looks. All text in here is plain text: renderers
escape it for their format, so nothing a candidate typed can become markup.
`attrs` carry the stable `data-*` hooks of the spec into the HTML.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Union

from generator.schedule import Schedule


@dataclass
class Para:
    """A paragraph. `style`: body, lead, prompt (something to fill in), warning, tip or quote."""

    text: str
    style: str = "body"
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
    style: str = "bullet"  # bullet | number | check
    attrs: dict[str, str] = field(default_factory=dict)
    kind: str = "list"


@dataclass
class Row:
    """A table row; `emphasis` marks a row to highlight (the best offer, a gap)."""

    cells: list[str]
    attrs: dict[str, str] = field(default_factory=dict)
    emphasis: str = ""


@dataclass
class Table:
    """A table with one header row; `numeric` says which columns are right-aligned figures."""

    header: list[str]
    rows: list[Row]
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
    blocks: list["Block"] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    kind: str = "card"


@dataclass
class Chart:
    """A drawn chart, as SVG for HTML/PDF and PNG for Word."""

    svg: str
    png: bytes
    alt: str
    kind: str = "chart"


@dataclass
class Lines:
    """Ruled lines to write on (the notes pages)."""

    count: int
    kind: str = "lines"


Block = Union[Para, Heading, ItemList, Table, Card, Chart, Lines]


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


@dataclass
class Pack:
    """Everything a renderer needs for one candidate's pack."""

    lang: str
    slug: str
    title: str
    candidate: str
    company: str
    role: str
    interview_date: dt.date
    cover_facts: list[Fact]
    countdown: str
    summary: list[Block]
    sections: list[Section]
    labels: dict[str, str]
    made_on: str
    schedule: Schedule
    plan_titles: list[str]
    interviewer_names: list[str]
    location: str = ""
    start_time: dt.time | None = None
    duration_minutes: int | None = None
    offer_values: list[dict[str, object]] = field(default_factory=list)
    vacancy_url: str = ""
    warnings: list[str] = field(default_factory=list)
