"""Property: whatever the input, the pipeline ends in a pack or in a PrepPackError that names the file.

Hypothesis builds profiles (valid ones, and ones broken by deleting keys, swapping types, hostile
text, odd dates and raw edits of the YAML text), writes them as YAML and runs load_inputs ->
build_pack -> HTML in-process. Any other exception is a bug. PDF is left out: it is slow, and
the HTML is its source.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from generator.content.build import build_pack
from generator.errors import PrepPackError
from generator.models import ASSESSMENT_KINDS, STANDARD_QUESTION_IDS
from generator.options import RunOptions
from generator.render.assets import Assets
from generator.render.html import pack_html
from generator.validate import load_inputs
from generator.yamlload import clean_text

# 100 keeps the suite quick (~10 s); run e.g. PREP_PACK_PROPERTY_EXAMPLES=3000 to search harder.
EXAMPLES = int(os.environ.get("PREP_PACK_PROPERTY_EXAMPLES", "100"))
ASSETS = Assets(RunOptions(today=dt.date(2026, 11, 26)))  # templates and styles only: no date is used
FOLDER = Path(tempfile.mkdtemp(prefix="prep-pack-property-"))

# Text with everything a stranger may type: control characters, bidi marks, emoji, markup.
CHARS = st.characters(blacklist_categories=("Cs",))
NASTY = st.sampled_from(["<script>alert(1)</script>", "{{ 7*7 }}", "{% raw %}", "\x00", "\x1b[31m", "\u202e",
                         "\ufeff", "\r\n", "'", '"', ":", "- ", "#", "&amp;", "ﷺ", "😀", "Ω" * 50, "\t",
                         "file:///etc/passwd", "0612345678", "no", "~", "null", "1e400", "-0", "\\", "%s {name}"])
ANY_TEXT = st.one_of(st.text(CHARS, min_size=1, max_size=40), NASTY,
                     st.lists(NASTY | st.text(CHARS, max_size=5), min_size=1, max_size=4).map("".join))
# Text that survives cleaning and trimming, so a required field holding it is valid.
TEXT = ANY_TEXT.filter(lambda text: clean_text(text).strip() != "")
NAME = st.one_of(st.text(st.characters(whitelist_categories=("Lu", "Ll", "Zs")), min_size=1, max_size=20)
                 .filter(str.strip), TEXT)
GOOD_DATE = st.dates(dt.date(1900, 1, 1), dt.date(2999, 12, 31)).map(dt.date.isoformat)
BAD_DATE = st.sampled_from(["2026-02-30", "2026-13-01", "0", "20261203", "9999-12-31", "2026-12-3", "tomorrow",
                            "0001-01-01", "2026-12-03T10:00", ""])
BAD_NUMBER = st.one_of(st.floats(allow_nan=True, allow_infinity=True).map(str),
                       st.sampled_from(["4.300", "4,300", "0x10", "nan", "inf", "-1", "", "lots", "1e400", "1e-20",
                                        "0.001", "3.3e-211"]))
GOOD_TIME = st.times().map(lambda t: t.strftime("%H:%M"))
BAD_TIME = st.sampled_from(["25:00", "14.00", "2pm", "1400"])


def texts(max_size: int = 4) -> st.SearchStrategy[list[str]]:
    return st.lists(TEXT, max_size=max_size)


@st.composite
def offers(draw, ok) -> dict[str, Any]:
    offer: dict[str, Any] = {
        "name": draw(NAME),
        "monthly_salary": draw(ok(st.integers(0, 2_000_000).map(lambda cents: cents / 100), BAD_NUMBER)),
        "hours_per_week": draw(ok(st.integers(1, 80), BAD_NUMBER)),
        "holiday_days": draw(ok(st.integers(0, 60), BAD_NUMBER)),
    }
    optional = {
        "days_per_week": st.integers(1, 7), "holiday_allowance_pct": st.integers(0, 100),
        "thirteenth_month": st.booleans(), "year_end_bonus_pct": ok(st.integers(0, 100), BAD_NUMBER),
        "bonus_expected": st.integers(0, 50_000), "profit_share_expected": ok(st.integers(0, 9_999), BAD_NUMBER),
        "pension_employer_pct": st.floats(0, 100), "allowances_annual": st.integers(0, 10_000),
        "equipment": texts(), "contract": ok(st.sampled_from(["permanent", "temporary"]), st.just("zzp")),
        "remarks": texts(),
    }
    for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=6)):
        offer[key] = draw(optional[key])
    return offer


@st.composite
def profiles(draw, valid: bool) -> dict[str, Any]:
    """A profile; when not `valid`, some values are drawn from the bad ones too."""
    def ok(good: st.SearchStrategy, bad: st.SearchStrategy) -> st.SearchStrategy:
        return good if valid else st.one_of(good, good, bad)

    interview: dict[str, Any] = {"date": draw(ok(GOOD_DATE, BAD_DATE))}
    if draw(st.booleans()):
        interview["time"] = draw(ok(GOOD_TIME, BAD_TIME))
    if draw(st.booleans()):
        interview["location"] = draw(TEXT)
    if draw(st.booleans()):
        interview["duration_minutes"] = draw(ok(st.integers(5, 600), st.integers(-5, 700).map(str) | BAD_NUMBER))
    interview["interviewers"] = draw(st.lists(st.fixed_dictionaries(
        {"name": NAME}, optional={"role": TEXT, "met_before": ok(st.booleans(), TEXT)}), max_size=3))
    if draw(st.booleans()):
        interview["assessment"] = draw(st.fixed_dictionaries(
            {}, optional={"kind": ok(st.sampled_from(ASSESSMENT_KINDS), st.just("dance")), "description": TEXT}))
    skills = draw(texts(3))
    current = draw(st.integers(-1, 2))
    offer_list = draw(st.lists(offers(ok), max_size=3, unique_by=lambda o: clean_text(o["name"]).strip().casefold()))
    for index, offer in enumerate(offer_list):
        if index == current or (not valid and draw(st.integers(0, 5)) == 0):
            offer["current"] = True
        if valid and offer.get("thirteenth_month"):
            offer["year_end_bonus_pct"] = 0
        if valid:
            offer["holiday_days"] = min(offer["holiday_days"], 5 * offer.get("days_per_week", 5))
    profile: dict[str, Any] = {
        "language": draw(ok(st.sampled_from(["nl", "en"]), st.just("de"))),
        "candidate": draw(st.fixed_dictionaries({"name": NAME}, optional={
            "email": TEXT, "phone": TEXT, "current_role": TEXT, "pitch": TEXT, "strengths": texts(),
            "weaknesses": texts()})),
        "application": draw(st.fixed_dictionaries(
            {"company": NAME, "role": TEXT, "second_interview": st.just(interview)},
            optional={"sector": TEXT | st.sampled_from(["zorg", "government"]), "vacancy_url": TEXT,
                      "required_skills": st.just(skills)})),
        "stories": draw(st.lists(st.fixed_dictionaries({"title": TEXT}, optional={
            "skills": st.lists(st.sampled_from(skills) if skills else TEXT, max_size=2),
            **{part: TEXT for part in ("situation", "task", "action", "result", "reflection")}}), max_size=3)),
        "questions": draw(texts()),
        "offers": offer_list,
    }
    if draw(st.booleans()):
        salary = draw(st.fixed_dictionaries({}, optional={
            "currency": ok(st.sampled_from(["EUR", "USD", "GBP"]), st.sampled_from(["eur", "€", "EURO"])),
            "desired_monthly": ok(st.integers(3000, 9000), BAD_NUMBER),
            "minimum_monthly": ok(st.integers(0, 3000), BAD_NUMBER), "priorities": texts()}))
        profile["salary"] = salary
    if draw(st.booleans()):
        profile["first_interview_notes"] = draw(st.fixed_dictionaries({}, optional={
            "date": ok(GOOD_DATE, BAD_DATE), "met": st.lists(TEXT, max_size=3), "learned": texts(),
            "went_well": texts(), "could_improve": texts(), "open_questions": texts(),
            "answered": st.lists(ok(st.sampled_from(STANDARD_QUESTION_IDS), st.just("salary")), max_size=3),
            "other": st.dictionaries(TEXT, texts(2), max_size=2)}))
    return profile


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every key or item position in a nested structure."""
    found = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, value in items:
        found.append(prefix + (key,))
        found.extend(_paths(value, prefix + (key,)))
    return found


WRONG = st.one_of(ANY_TEXT, st.lists(ANY_TEXT, max_size=2), st.dictionaries(TEXT, TEXT, max_size=2), st.none(),
                  st.booleans(), st.integers(), BAD_NUMBER, BAD_DATE)


@st.composite
def broken(draw, profile: dict[str, Any]) -> dict[str, Any]:
    """The profile with a few keys deleted, values of the wrong type and unknown keys added."""
    for _ in range(draw(st.integers(0, 3))):
        paths = _paths(profile)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = profile
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["delete", "wrong", "unknown"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "wrong":
            parent[path[-1]] = draw(WRONG)
        elif isinstance(parent, dict):
            parent[draw(TEXT)] = draw(WRONG)
    return profile


def dump(data: Any) -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = None  # ruamel chooses block or flow per collection
    yaml.width = 1_000_000
    yaml.representer.ignore_aliases = lambda _data: True
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


@st.composite
def yaml_texts(draw) -> str:
    """A profile as YAML text: valid, broken in structure, or with raw characters spliced in."""
    valid = draw(st.booleans())
    profile = draw(profiles(valid))
    if valid:
        return dump(profile)
    if draw(st.booleans()):
        profile = draw(broken(profile))
    text = dump(profile)
    if draw(st.booleans()):  # a raw edit: a stray quote, tab, colon, anchor, tag or byte
        where = draw(st.integers(0, len(text)))
        splice = draw(st.sampled_from(['"', "'", "\t", ": ", "&a ", "*a", "!!python/name:os.system ", "{", "[",
                                       "\n  - ", "%YAML 1.1\n", "---\n", "\x00", "\x85", "\ufeff", "? "]))
        text = text[:where] + splice + text[where:]
    return text


NOTES = st.lists(st.one_of(
    st.sampled_from(["## Learned", "## Geleerd", "## Al besproken", "## Already covered", "## Open vragen",
                     "## Went well", "## Kan beter", "## Whatever", "# First 2026-11-20", "# 2026-02-30"]),
    TEXT.map(lambda t: "- " + t), st.sampled_from([f"- {q}" for q in (*STANDARD_QUESTION_IDS, "salary", "")]),
    TEXT, st.just("<!-- note"), st.just("-->")), max_size=12).map("\n".join)


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=yaml_texts(), notes=st.none() | st.none() | NOTES,
       today=st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)), lang=st.sampled_from([None, "nl", "en"]))
def test_pipeline_ends_in_a_pack_or_a_located_input_error(text: str, notes: str | None, today: dt.date,
                                                          lang: str | None) -> None:
    profile = FOLDER / "profile.yaml"
    profile.write_text(text, encoding="utf-8", errors="surrogatepass")
    notes_path = None
    (FOLDER / "profile.notes.md").unlink(missing_ok=True)  # never found beside the profile by accident
    if notes is not None:
        notes_path = FOLDER / "notes.md"
        notes_path.write_text(notes, encoding="utf-8")
    try:
        inputs = load_inputs(profile, notes_path)
    except PrepPackError as exc:
        event("refused")
        assert exc.exit_code == 2
        message = exc.format_message()
        assert str(profile) in message or (notes_path is not None and str(notes_path) in message), message
        assert "Traceback" not in message
        return
    event("pack")
    pack = build_pack(inputs, options=RunOptions(today=today, language=lang))
    html = pack_html(pack, ASSETS)
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert "<script" not in html
