"""Languages are data: every language folder is complete, every text key is used, and a new
language is one folder and no code."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from generator.folders import builtin_templates
from generator.language import is_plural, is_register_pair, languages, load_language

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r"^(?:labels|summary|sections|warnings)\.[a-z_]+(?:\.[a-z_]+)*$")


def leaf_keys(node: Any, prefix: str = "") -> set[str]:
    """Every dotted key whose value is text or a list (the things code asks for)."""
    if isinstance(node, dict) and not is_register_pair(node) and not is_plural(node):
        return set().union(*(leaf_keys(value, f"{prefix}{key}.") for key, value in node.items()))
    return {prefix.rstrip(".")}


def keys_in(source: str) -> set[str]:
    """The string literals in Python source that look like text keys."""
    return {node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KEY.match(node.value)}


def used_keys() -> set[str]:
    """Every text key written out in prep-pack's code."""
    return set().union(*(keys_in(path.read_text(encoding="utf-8")) for path in (ROOT / "generator").rglob("*.py")))


def test_languages_are_found_from_the_folders():
    assert languages() == ("nl", "en")  # the default first
    for code in languages():
        language = load_language(code)
        assert language.code == code and language.locale.startswith(code) and language.tag.startswith(code)


def test_every_language_has_exactly_the_same_text_keys():
    keys = {code: leaf_keys(load_language(code).texts.data) for code in languages()}
    reference = keys["nl"]
    for code, found in keys.items():
        assert found == reference, f"{code}: missing {sorted(reference - found)}, extra {sorted(found - reference)}"
    for code in languages():  # lists that the code zips with data have the same length everywhere
        steps = load_language(code).texts.raw("sections.plan.steps")
        assert len(steps) == len(load_language("nl").texts.raw("sections.plan.steps"))
        assert all(set(step) == {"title", "detail"} for step in steps)


def test_every_key_used_exists_and_every_key_is_used():
    used = used_keys()
    assert len(used) > 150  # the scan finds the written-out keys (a broken regex would find none)
    for code in languages():
        defined = leaf_keys(load_language(code).texts.data)
        assert used - defined == set(), f"{code} lacks keys the code uses"
        assert defined - used == set(), f"{code} has keys no code uses"


def test_key_scan_can_fail():
    """A key assembled from pieces is not seen as used, and its prefix is not a key: both fail above."""
    found = keys_in('key = "sections.plan"\nt(f"{key}.title")\nt("sections.plan.intro")\n')
    assert "sections.plan.title" not in found
    assert found - leaf_keys(load_language("nl").texts.data) == {"sections.plan"}


# --- a third language is one folder and no code ---------------------------------------------------

SCRIPT = """
import sys
from pathlib import Path
import generator.folders as folders
root = Path(sys.argv[1])
folders.builtin_templates = lambda: root
from generator.cli import main
sys.argv = ["prep-pack", *sys.argv[2:]]
main()
"""


@pytest.fixture(scope="module")
def third_language(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A copy of the built-in templates plus a German folder (English texts, German locale)."""
    base = tmp_path_factory.mktemp("lang")
    root = base / "templates"
    shutil.copytree(builtin_templates(), root)
    shutil.copytree(root / "en", root / "de")
    facts = (root / "en" / "language.yaml").read_text(encoding="utf-8")
    (root / "de" / "language.yaml").write_text(facts.replace("locale: en_GB", "locale: de_DE")
                                               .replace("tag: en-GB", "tag: de-DE"), encoding="utf-8")
    profile = base / "anna.yaml"
    profile.write_text((ROOT / "profiles" / "liam-oconnor.yaml").read_text(encoding="utf-8")
                       .replace("language: en", "language: de"), encoding="utf-8")
    shutil.copy(ROOT / "profiles" / "liam-oconnor.notes.yaml", base / "anna.notes.yaml")
    out = base / "out"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(root), "generate", str(profile), "-o", str(out),
                           "--format", "pdf,docx,html,ics,csv", "--today", "2026-11-20"],
                          capture_output=True, text=True, timeout=300)
    return out, done


def test_a_new_language_folder_makes_a_complete_pack_in_every_format(third_language):
    out, done = third_language
    assert done.returncode == 0, done.stderr
    written = sorted(p.suffix for p in out.iterdir() if not p.name.startswith("."))
    assert written == [".csv", ".docx", ".html", ".ics", ".pdf"]
    html = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert '<html lang="de">' in html
    assert "Dezember 2026" in html  # dates come from the folder's locale, not a fallback to Dutch
    with zipfile.ZipFile(next(out.glob("*.docx"))) as docx:
        assert 'w:val="de-DE"' in docx.read("word/styles.xml").decode()  # Word's proofing language
        assert "<dc:language>de-DE</dc:language>" in docx.read("docProps/core.xml").decode()
    assert next(out.glob("*.pdf")).stat().st_size > 20_000


def test_a_language_that_has_no_folder_is_refused_with_the_choices(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text((ROOT / "profiles" / "ahmet-yilmaz.yaml").read_text(encoding="utf-8")
                       .replace("language: en", "language: de"), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "generator", "validate", str(profile)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "language" in done.stderr and "'nl'" in done.stderr and "'en'" in done.stderr


def _texts_in(node: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every value a text key holds, list items one by one, with its key."""
    if isinstance(node, dict) and not is_register_pair(node) and not is_plural(node):
        return [found for k, v in node.items() for found in _texts_in(v, f"{key}.{k}" if key else k)]
    if isinstance(node, list):
        return [(f"{key}[{i}]", item) for i, item in enumerate(node)]
    return [(key, node)]


def test_every_text_is_text():
    """A list item such as `- Don't: wait` is a mapping in YAML, and would print as "{'Don't': ...}"."""
    for code in languages():
        for key, value in _texts_in(load_language(code).texts.data):
            if key.startswith("sections.plan.steps"):
                continue  # steps are {title, detail} pairs, checked above
            forms = value.values() if isinstance(value, dict) and (is_register_pair(value) or is_plural(value)) \
                else [value]
            assert all(isinstance(form, (str, int, float)) for form in forms), f"{code}: {key} is {value!r}"


@pytest.mark.parametrize("path", sorted(str(p.relative_to(ROOT)) for p in (ROOT / "templates").glob("*/*.yaml")
                                        if p.name in ("texts.yaml", "messages.yaml", "language.yaml")))
def test_our_own_template_files_read_the_same_fast_and_carefully(path: str) -> None:
    """Issue 18: prep-pack's own language files are read by libyaml (fifty times faster); every
    value must be exactly what the careful loader for strangers' files gives (all text)."""
    from generator.language import plain, read_own_yaml
    from generator.yamlload import load_yaml_mapping

    fast = read_own_yaml(ROOT / path)
    assert fast and fast == plain(load_yaml_mapping(ROOT / path, "language file"))
