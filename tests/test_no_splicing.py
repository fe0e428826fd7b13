"""No user text spliced into the middle of one of our sentences, anywhere in the pack.

A candidate's words (a could-improve note, a skill, a story title, a name, the company) are
shown in an element of their own: a bold label, a note, a list item, a table cell, a quote.
Pasting them into a template sentence gives broken grammar in Dutch and advice that fits the
words badly ("prepare an example about Te lang antwoord ..."). The one exception is a draft
the candidate will say or send (a quote paragraph: the thank-you letter, a draft answer).
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.content.build import build_pack
from generator.options import RunOptions
from generator.render.assets import load_assets
from generator.render.html import pack_html
from generator.validate import load_inputs
from generator.yamlload import load_yaml_mapping

PROFILES = Path(__file__).resolve().parent.parent / "profiles"
EXAMPLES = sorted(p for p in PROFILES.glob("*.yaml") if ".notes." not in p.name)
# Keys whose values are options or machine values, not the candidate's words.
NOT_WORDS = {"language", "kind", "contract", "currency", "address", "mode", "answered", "date", "time", "email",
             "phone", "vacancy_url", "current", "met_before"}
EXEMPT_CLASSES = {"quote"}  # drafts the candidate will say or send
SKIPPED_TAGS = {"title", "style", "head"}


def user_strings(node: object, key: str = "") -> set[str]:
    """Every free-text value the candidate wrote (three letters or more)."""
    if isinstance(node, dict):
        return set().union(set(), *(user_strings(v, str(k)) for k, v in node.items() if str(k) not in NOT_WORDS))
    if isinstance(node, list):
        return set().union(set(), *(user_strings(v, key) for v in node))
    text = " ".join(node.split()) if isinstance(node, str) else ""
    return {text} if len(re.findall(r"[^\W\d_]", text)) >= 3 else set()


def is_common(text: str) -> bool:
    """A single lower-case word ('laptop', 'zorg', 'team') is a common noun in our own texts too."""
    return re.fullmatch(r"[a-z\-]+", text) is not None


def inputs_of(profile: Path) -> set[str]:
    found = user_strings(load_yaml_mapping(profile, "profile"))
    for notes in PROFILES.glob(f"{profile.stem}.notes.*"):
        if notes.suffix == ".yaml":
            found |= user_strings(load_yaml_mapping(notes, "notes"))
        else:
            found |= set().union(*(user_strings(" ".join(line.lstrip("-*# ").split()))
                                   for line in notes.read_text("utf-8").split("## Al besproken")[0].splitlines()
                                   if line.startswith(("-", "*"))))
    return found


class Segments(HTMLParser):
    """Each run of text with the element it sits in directly, skipping exempt elements."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.segments: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("br", "img", "meta", "col", "link"):
            self.stack.append((tag, dict(attrs).get("class") or ""))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not data.strip() or any(t in SKIPPED_TAGS or c in EXEMPT_CLASSES for t, c in self.stack):
            return
        where = self.stack[-1][0] if self.stack else ""
        self.segments.append((where, " ".join(data.split())))


def spliced(segment: str, strings: list[str]) -> str | None:
    """The user string that sits inside our words in this segment, or None.

    Allowed: the string alone; several user strings with only punctuation or one joining word
    ('A en B', 'X (Y)'); 'our label: user values'; and several of those joined by ' · '.
    """
    return next((hit for part in segment.split(" · ") if (hit := _spliced_part(part, strings))), None)


def _spliced_part(segment: str, strings: list[str]) -> str | None:
    present = [s for s in strings if not is_common(s) and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", segment)]
    if not present:
        return None
    label, colon, value = segment.partition(": ")
    rest = value if colon and not any(s in label for s in present) else segment
    for s in strings:  # longest first, common words too: what is left is ours
        rest = re.sub(rf"(?<!\w){re.escape(s)}(?!\w)", " ", rest)
    if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 1:
        return None
    return present[0]


@pytest.fixture(scope="module", params=[(p, lang) for p in EXAMPLES for lang in ("nl", "en")],
                ids=lambda v: f"{v[0].stem}-{v[1]}")
def example(request) -> tuple[str, list[str]]:
    profile, lang = request.param
    options = RunOptions(today=dt.date(2026, 11, 28), language=lang, formats=("html",))
    pack = build_pack(load_inputs(profile), options=options)
    strings = sorted(inputs_of(profile), key=len, reverse=True)
    return pack_html(pack, load_assets(options)), strings


def test_no_user_text_inside_our_sentences(example):
    html, strings = example
    parser = Segments()
    parser.feed(html)
    found = [(tag, segment, hit) for tag, segment in parser.segments if (hit := spliced(segment, strings))]
    assert found == []


@pytest.mark.parametrize("segment, expected", [
    ("Schrijf vóór het gesprek een STARR-voorbeeld over Conflicthantering.", "Conflicthantering"),
    ("Per gewerkt uur levert Thuiszorg Hunzedal het meest op: € 31,12.", "Thuiszorg Hunzedal"),
    ("Conflicthantering", None),
    ("Mark Jansen en Fatima El Amrani", None),
    ("Laat zien: Plannen, Leidinggeven", None),
    ("Mark Jansen (Manager zorg)", None),
    ("Van de zaak: laptop, Plannen · Opmerkingen: Conflicthantering", None),
    ("Van de zaak: laptop · levert Thuiszorg Hunzedal het meest op", "Thuiszorg Hunzedal"),
])
def test_the_check_finds_a_splice(segment, expected):
    strings = ["Conflicthantering", "Thuiszorg Hunzedal", "Mark Jansen", "Fatima El Amrani", "Plannen",
               "Leidinggeven", "Manager zorg"]
    assert spliced(segment, strings) == expected
