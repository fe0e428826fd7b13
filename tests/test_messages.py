"""Messages are language data (issue 14): templates/<lang>/messages.yaml holds every problem and
warning message in Dutch and English with the same keys and placeholders, the code holds none, and
the language is --lang, else the profile's own, else the default."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import pytest

from generator.errors import InputError, Problem
from generator.language import DEFAULT_LANGUAGE, languages
from generator.messages import catalogue, choose_language, has, text

ROOT = Path(__file__).resolve().parent.parent
GROUPS = ("count", "label", "file", "yaml", "key", "value", "date", "time", "country", "rule", "notes", "compare",
          "brand", "init", "schema", "generate", "sheet")
KEY = re.compile(rf"^(?:{'|'.join(GROUPS)})\.(?!md$|ya?ml$)[a-z_0-9]+$")  # not a file name such as notes.md
DYNAMIC = ("what.", "blocks.", "fields.")  # nouns and schema descriptions, looked up by a computed key
PLACEHOLDER = re.compile(r"\{(\w+)(?::\w+)?\}")


def leaves(node: Any, prefix: str = "") -> dict[str, str]:
    """Every message by its dotted key (a plural's forms as `key.one` / `key.other`)."""
    if isinstance(node, dict):
        found: dict[str, str] = {}
        for key, value in node.items():
            found |= leaves(value, f"{prefix}{key}.")
        return found
    return {prefix.rstrip("."): str(node)}


def used_keys() -> set[str]:
    """The message keys written out in prep-pack's code."""
    found = set()
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value):
                found.add(node.value)
    return found


def test_every_language_has_the_same_messages_with_the_same_placeholders() -> None:
    reference = leaves(catalogue(DEFAULT_LANGUAGE))
    assert len(reference) > 150
    for code in languages():
        found = leaves(catalogue(code))
        assert set(found) == set(reference), f"{code}: missing {sorted(set(reference) - set(found))}, " \
                                             f"extra {sorted(set(found) - set(reference))}"
        for key, message in found.items():
            assert set(PLACEHOLDER.findall(message)) == set(PLACEHOLDER.findall(reference[key])), (code, key)


def test_dutch_and_english_are_both_written_out() -> None:
    dutch, english = leaves(catalogue("nl")), leaves(catalogue("en"))
    same = {key for key in dutch if dutch[key] == english[key]}
    assert same == set(), sorted(same)


def test_every_key_the_code_uses_exists_and_every_message_is_used() -> None:
    used = used_keys()
    assert len(used) > 60  # the scan finds the keys (a broken pattern would find none)
    defined = {key.removesuffix(".one").removesuffix(".other") for key in leaves(catalogue("en"))}
    assert used - defined == set(), "keys used in the code but missing from messages.yaml"
    assert {key for key in defined - used if not key.startswith(DYNAMIC)} == set(), "messages no code uses"


def test_the_code_holds_no_message_text() -> None:
    """Problems and refusals are made with a message key: no sentence is passed where a key belongs."""
    calls = 0
    for path in (ROOT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("Problem", "Refusal")):
                continue
            position = 4 if node.func.id == "Problem" else 0  # type: ignore[attr-defined]
            key = node.args[position] if len(node.args) > position else None
            calls += 1
            if isinstance(key, ast.Constant):
                assert KEY.match(str(key.value)), f"{path.name}:{node.lineno}: {key.value!r} is not a message key"
    assert calls > 40


def test_placeholders_insert_user_text_without_interpreting_it() -> None:
    message = text("value.not_number", "en", {"value": "{value} {x:n} {{"})
    assert message == "'{value} {x:n} {{' is not a number"


def test_plurals_and_number_formats_follow_the_language() -> None:
    assert text("count.problems", "nl", {"count": 1}) == "1 probleem gevonden."
    assert text("count.problems", "en", {"count": 3}) == "3 problems found."
    assert "1.048.576" in text("file.too_big", "nl", {"what": "profile", "size": 2_000_000, "max": 1_048_576})
    assert "2,000,000" in text("file.too_big", "en", {"what": "profile", "size": 2_000_000, "max": 1_048_576})
    assert text("value.choice", "nl", {"value": "x", "options": ["'a'", "'b'", "'c'"]}).endswith("'a', 'b' of 'c'")


def test_a_problem_is_shown_in_the_language_asked_for(tmp_path: Path) -> None:
    problem = Problem(tmp_path / "p.yaml", 3, 5, "candidate.name", "value.empty")
    assert str(problem.in_language("en")) == f"{tmp_path / 'p.yaml'}:3:5: candidate.name: is empty; fill it in"
    assert str(problem.in_language("nl")) == f"{tmp_path / 'p.yaml'}:3:5: candidate.name: is leeg; vul het in"
    error = InputError([problem, problem], "en")
    assert error.format_message().endswith("\n2 problems found.")
    assert error.in_language("nl").format_message().endswith("\n2 problemen gevonden.")


@pytest.mark.parametrize("explicit, content, expected", [
    ("en", "language: nl\n", "en"),                  # --lang wins
    (None, "language: en\n", "en"),                  # else the profile's own
    (None, "language: 'en'\ncandidate: [\n", "en"),  # also when the YAML is broken further on
    (None, "language: de\n", DEFAULT_LANGUAGE),      # a language that has no folder
    (None, "candidate: {}\n", DEFAULT_LANGUAGE),     # else the default
])
def test_the_language_of_the_messages(tmp_path: Path, explicit: str | None, content: str, expected: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(content, encoding="utf-8")
    assert choose_language(explicit, path=path) == expected


def test_every_message_key_exists_in_every_language() -> None:
    for key in used_keys():
        for code in languages():
            assert has(key, code) or has(f"{key}.one", code), (code, key)
