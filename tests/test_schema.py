"""The JSON Schemas agree with the program (issue 14): every example validates under a strict
validator (jsonschema, Draft 2020-12, format checking on), invalid documents are refused by both,
Dutch words for options are listed, and every block and key has a Dutch and an English description.

An editor reads YAML as YAML 1.2 (`2026-12-03` and `14:00` are text, `0612345678` is a number),
so the documents are read that way here too (`editor_view`), not the way prep-pack reads them.
"""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from generator.errors import InputError
from generator.fieldtypes import ALIAS_KINDS
from generator.language import aliases, language_facts, languages
from generator.messages import lookup
from generator.notes import is_notes_file
from generator.schema import bilingual, schema
from generator.validate import load_inputs

ROOT = Path(__file__).resolve().parent.parent
PROFILES = ROOT / "profiles"
EXAMPLE_PROFILES = sorted(p for p in PROFILES.rglob("*.y*ml") if not is_notes_file(p) and p.parent == PROFILES)
EXAMPLE_NOTES = sorted(p for p in PROFILES.rglob("*.notes.y*ml"))
TEMPLATE_PROFILES = sorted((ROOT / "templates").glob("*/example-profile.yaml"))
COMPLETE = ROOT / "tests" / "data" / "complete.yaml"  # every field of the format filled in
# Every keyword a Draft 2020-12 schema of ours may use; pydantic's `ge`/`le` once slipped through as text.
KEYWORDS = {"$schema", "$id", "$defs", "$ref", "title", "description", "type", "properties", "required",
            "additionalProperties", "items", "anyOf", "enum", "default", "minimum", "maximum", "minLength",
            "maxLength", "maxItems", "maxProperties", "pattern", "format"}
FILL = {"{interview_date}": "2026-12-10", "{first_interview_date}": "2026-11-20"}


class _CoreConstructor(SafeConstructor):
    """YAML 1.2's core schema has no timestamps: `2026-12-03` stays the text it is."""


_CoreConstructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def editor_view(text: str) -> Any:
    """YAML as an editor's language server reads it (YAML 1.2 core schema), as JSON data."""
    yaml = YAML(typ="safe", pure=True)
    yaml.Constructor = _CoreConstructor
    return yaml.load(io.StringIO(text))


def validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind), format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(kind: str, text: str) -> list[str]:
    """What a strict validator says about a document, one line per error (empty when it validates)."""
    errors = validator(kind).iter_errors(editor_view(text))
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors]


def filled(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    for placeholder, value in FILL.items():
        text = text.replace(placeholder, value)
    return text


# ----------------------------------------------------------------------------- the schemas themselves


@pytest.mark.parametrize("kind", ["profile", "notes"])
def test_the_schema_is_a_valid_draft_2020_12_schema(kind: str) -> None:
    Draft202012Validator.check_schema(schema(kind))
    assert schema(kind)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def _subschemas(node: Any) -> list[dict[str, Any]]:
    """Every schema object inside a schema (property names and $defs names are not keywords)."""
    found = [node]
    for key, value in node.items():
        if key in ("properties", "$defs"):
            for child in value.values():
                found += _subschemas(child)
        elif key in ("items", "additionalProperties") and isinstance(value, dict):
            found += _subschemas(value)
        elif key == "anyOf":
            for child in value:
                found += _subschemas(child)
    return found


@pytest.mark.parametrize("kind", ["profile", "notes"])
def test_only_real_json_schema_keywords_are_used(kind: str) -> None:
    for node in _subschemas(schema(kind)):
        assert set(node) <= KEYWORDS, sorted(set(node) - KEYWORDS)


def _properties(node: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = [(name, prop) for name, prop in node.get("properties", {}).items()]
    for block in node.get("$defs", {}).values():
        found += _properties(block)
    return found


@pytest.mark.parametrize("kind", ["profile", "notes"])
def test_every_property_and_block_has_a_dutch_and_an_english_description(kind: str) -> None:
    body = schema(kind)
    properties = _properties(body)
    assert len(properties) >= (69 if kind == "profile" else 10)
    blocks = [body, *body.get("$defs", {}).values()]
    for name, node in properties + [(block.get("title", ""), block) for block in blocks]:
        description = node.get("description", "")
        dutch, _, english = description.partition(" — ")
        assert dutch and english and dutch != english, f"{name}: {description!r}"


def test_descriptions_come_from_both_catalogues() -> None:
    body = schema("profile")
    prop = body["$defs"]["SecondInterview"]["properties"]["time"]
    assert prop["description"] == f"{lookup('fields.SecondInterview.time', 'nl')} — " \
                                  f"{lookup('fields.SecondInterview.time', 'en')}"
    assert bilingual("fields.Offer.no_such_key") is None


def test_money_limits_are_minimum_and_maximum() -> None:
    salary = schema("profile")["$defs"]["Offer"]["properties"]["monthly_salary"]
    assert (salary["minimum"], salary["maximum"]) == (0, 100_000_000)


# ----------------------------------------------------------------------------- every example validates


@pytest.mark.parametrize("path", EXAMPLE_PROFILES + TEMPLATE_PROFILES + ([COMPLETE] if COMPLETE.exists() else []),
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_profile_validates_against_the_schema(path: Path) -> None:
    assert schema_errors("profile", filled(path)) == []


@pytest.mark.parametrize("path", EXAMPLE_NOTES, ids=lambda p: p.name)
def test_every_example_notes_file_validates_against_the_notes_schema(path: Path) -> None:
    assert schema_errors("notes", path.read_text(encoding="utf-8")) == []


def test_the_examples_are_the_ones_named_in_the_issue() -> None:
    assert PROFILES / "noor-bakker.yaml" in EXAMPLE_PROFILES
    assert PROFILES / "liam-oconnor.notes.yaml" in EXAMPLE_NOTES
    assert len(TEMPLATE_PROFILES) == len(languages())


# ----------------------------------------------------------------------------- schema and program agree

PROFILE = """\
language: nl
candidate:
  name: Sanne de Vries
  phone: 0612345678
application:
  company: Zorggroep Noord
  role: Teamleider
  country: nl
  second_interview:
    date: 2026-12-03
    time: "14:00"
    mode: op_locatie
    assessment:
      kind: presentatie
offers:
  - name: Nu
    current: true
    monthly_salary: 3850.50
    hours_per_week: 36
    holiday_days: 25
first_interview_notes:
  date: 2026-11-19
  met:
    - Mark Jansen, Manager zorg
    - name: Ingrid Bos
  could_improve:
    - Te lang antwoord
    - {text: Vaag voorbeeld, kind: vaag}
  answered: [team, kantine, werkplek]
"""


def _program_accepts(tmp_path: Path, text: str) -> bool:
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        load_inputs(path)
    except InputError:
        return False
    return True


def test_a_profile_with_dutch_words_quoted_times_and_name_role_strings_is_accepted_by_both(tmp_path: Path) -> None:
    assert schema_errors("profile", PROFILE) == []
    assert _program_accepts(tmp_path, PROFILE)


def test_the_program_is_more_lenient_only_in_the_documented_ways(tmp_path: Path) -> None:
    """docs/input-format.md: options in any capitalisation, a number in quotes, yes/no for a switch."""
    for old, new in (("kantine, werkplek]", "Kantine, WERKPLEK]"), ("hours_per_week: 36", "hours_per_week: '36'"),
                     ("current: true", "current: yes")):
        text = PROFILE.replace(old, new)
        assert schema_errors("profile", text) and _program_accepts(tmp_path, text)


@pytest.mark.parametrize("old, new", [
    ("    time: \"14:00\"", "    time: \"9:30\""),
    ("    time: \"14:00\"", "    time: \"25:00\""),
    ("    date: 2026-12-03", "    date: 2026-02-30"),
    ("    date: 2026-12-03", "    date: 03-12-2026"),
    ("    date: 2026-12-03", "    date: 9999-12-31"),
    ("    hours_per_week: 36", "    hours_per_week: 90"),
    ("    monthly_salary: 3850.50", "    monthly_salary: -1"),
    ("      kind: presentatie", "      kind: dans"),
    ("    mode: op_locatie", "    mode: per_post"),
    ("  country: nl", "  country: XX"),
    ("  country: nl", "  country: NLD"),
    ("  answered: [team, kantine, werkplek]", "  answered: [salary]"),
    ("  name: Sanne de Vries\n", "  naam: Sanne de Vries\n"),
    ("  name: Sanne de Vries\n", ""),
    ("language: nl", "language: de"),
    ("  date: 2026-11-19", "  date: 2026-11-31"),
    ("    current: true", "    current: misschien"),
])
def test_an_invalid_document_is_refused_by_schema_and_program(tmp_path: Path, old: str, new: str) -> None:
    assert PROFILE.count(old) == 1
    text = PROFILE.replace(old, new)
    assert schema_errors("profile", text), f"the schema accepts {new!r}"
    assert not _program_accepts(tmp_path, text), f"the program accepts {new!r}"


@pytest.mark.parametrize("text", ["answered: [salary]\n", "date: 2026-02-30\n", "met: [{role: HR}]\n",
                                  "learned: fact\n", "went_wel: [x]\n"])
def test_an_invalid_notes_file_is_refused_by_schema_and_program(tmp_path: Path, text: str) -> None:
    assert schema_errors("notes", text)
    profile = tmp_path / "p.yaml"
    profile.write_text(PROFILE.split("first_interview_notes:")[0], encoding="utf-8")
    notes = tmp_path / "p.notes.yaml"
    notes.write_text(text, encoding="utf-8")
    with pytest.raises(InputError):
        load_inputs(profile, notes)


# ----------------------------------------------------------------------------- words in other languages


def _accepted_words(kind: str) -> set[str]:
    """Every option word the schema accepts where this enumeration is used."""
    canonical = next(options for options, name in ALIAS_KINDS.items() if name == kind)
    words: set[str] = set()
    for node in _subschemas(schema("profile")) + _subschemas(schema("notes")):
        branches = node.get("anyOf", [])
        if any(tuple(branch.get("enum", ())) == canonical for branch in branches):
            for branch in branches:
                words |= set(branch.get("enum", ()))
    return words


@pytest.mark.parametrize("kind", sorted(ALIAS_KINDS.values()))
def test_the_schema_lists_every_alias(kind: str) -> None:
    canonical = next(options for options, name in ALIAS_KINDS.items() if name == kind)
    assert _accepted_words(kind) == set(canonical) | set(aliases(kind))
    assert {"kantine", "presentatie", "op_locatie", "te_lang"} & _accepted_words(kind)


@pytest.mark.parametrize("kind", sorted(ALIAS_KINDS.values()))
def test_every_option_has_a_dutch_word(kind: str) -> None:
    """Dutch aliases (language.yaml) cover every question id, assessment kind, mode and improve kind."""
    canonical = next(options for options, name in ALIAS_KINDS.items() if name == kind)
    dutch = language_facts("nl")["aliases"][kind]
    assert set(dutch.values()) == set(canonical), sorted(set(canonical) - set(dutch.values()))


def test_the_schema_prints_as_json() -> None:
    from generator.schema import json_schema

    assert json.loads(json_schema("notes")) == schema("notes")
