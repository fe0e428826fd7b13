"""`RunOptions`: adding a render option is one field plus its use.

`digest()` (what `batch --resume` compares) covers every field by itself, so a new field counts
for `--resume` without any other code change; these tests hold that promise.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import shutil
from pathlib import Path

import pytest

from generator.brand import load_brand
from generator.options import PDF_VARIANTS, RunOptions
from tests.conftest import ROOT, TODAY


def brand(folder: Path, name: str):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brand.yaml").write_text(f"name: {name}\n", "utf-8")
    return load_brand(folder / "brand.yaml")


def templates(folder: Path, css: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "style.css").write_text(css, "utf-8")
    (folder / "en").mkdir(exist_ok=True)
    (folder / "en" / "notes.txt").write_text("agency\n", "utf-8")
    return folder


@pytest.fixture
def values(tmp_path) -> dict[str, list]:
    """At least two different values for every field of `RunOptions`."""
    return {
        "today": [TODAY, TODAY + dt.timedelta(days=1), dt.date(2030, 1, 1)],
        "formats": [("pdf", "docx"), ("pdf",), ("docx", "pdf"), ("html", "ics", "csv")],
        "language": [None, "nl", "en"],
        "brand": [None, brand(tmp_path / "oost", "Oost"), brand(tmp_path / "west", "West")],
        "templates": [None, templates(tmp_path / "a", "h1 { color: red; }\n"),
                      templates(tmp_path / "b", "h1 { color: blue; }\n")],
        "pdf_variant": list(PDF_VARIANTS),
        "csv_dialect": [None, "excel-nl", "rfc"],
        "emails": [False, True],
    }


def test_every_field_has_values_to_try(values):
    """A new field needs a line in `values` above, and nothing else: the digest already covers it."""
    assert set(values) == {field.name for field in dataclasses.fields(RunOptions)}


def test_changing_any_field_changes_the_digest(values):
    base = RunOptions(**{name: choices[0] for name, choices in values.items()})
    for name, choices in values.items():
        digests = [dataclasses.replace(base, **{name: value}).digest() for value in choices]
        assert len(set(digests)) == len(choices), name
    for name, other in itertools.combinations(values, 2):  # two fields at once: neither change hides the other
        one = dataclasses.replace(base, **{name: values[name][1]})
        both = dataclasses.replace(one, **{other: values[other][1]})
        assert both.digest() not in (base.digest(), one.digest()), (name, other)


def test_equal_options_give_equal_digests(tmp_path, values):
    every = {name: choices[1] for name, choices in values.items()}
    assert RunOptions(**every).digest() == RunOptions(**every).digest()
    assert RunOptions(today=TODAY).digest() == RunOptions(today=TODAY).digest()
    # the brand and templates count by content, not by where they are or which object holds them
    again = dict(every, brand=load_brand(every["brand"].path))
    copy = tmp_path / "copy"
    shutil.copytree(every["templates"], copy)
    assert RunOptions(**again).digest() == RunOptions(**dict(again, templates=copy)).digest() \
        == RunOptions(**every).digest()
    assert len(RunOptions(today=TODAY).digest()) == 64


def test_editing_a_template_changes_the_digest(tmp_path):
    folder = templates(tmp_path / "huisstijl", "h1 { color: red; }\n")
    before = RunOptions(today=TODAY, templates=folder).digest()
    (folder / "en" / "notes.txt").write_text("agency!\n", "utf-8")
    edited = RunOptions(today=TODAY, templates=folder).digest()
    assert edited != before
    (folder / "en" / "extra.yaml").write_text("x: 1\n", "utf-8")
    added = RunOptions(today=TODAY, templates=folder).digest()
    assert added not in (before, edited)
    (folder / "en" / "notes.txt").write_text("agency\n", "utf-8")
    (folder / "en" / "extra.yaml").unlink()
    assert RunOptions(today=TODAY, templates=folder).digest() == before
    # an editor's swap file or a .git folder is not a template
    (folder / "style.css~").write_text("old", "utf-8")
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref", "utf-8")
    assert RunOptions(today=TODAY, templates=folder).digest() == before


def test_the_built_in_templates_copied_as_an_override_differ_from_none(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(ROOT / "templates", copy)
    assert RunOptions(today=TODAY, templates=copy).digest() != RunOptions(today=TODAY).digest()


@dataclasses.dataclass(frozen=True, kw_only=True)
class WithWatermark(RunOptions):
    """A render option added the way a developer would: one new field (its use is elsewhere)."""

    watermark: str = "none"


def test_a_new_field_counts_without_any_other_change():
    base = WithWatermark(today=TODAY)
    assert base.digest() != dataclasses.replace(base, watermark="concept").digest()
    assert base.digest() == WithWatermark(today=TODAY, watermark="none").digest()
    tomorrow = dataclasses.replace(base, today=TODAY + dt.timedelta(days=1))
    assert dataclasses.replace(base, watermark="concept").digest() != tomorrow.digest()

    Margins = dataclasses.make_dataclass("Margins", [("margin_mm", int, dataclasses.field(default=20))],
                                         bases=(RunOptions,), frozen=True, kw_only=True)
    narrow, wide = Margins(today=TODAY), Margins(today=TODAY, margin_mm=30)
    assert narrow.digest() != wide.digest()
    assert narrow.digest() == Margins(today=TODAY, margin_mm=20).digest()
    templated = Margins(today=TODAY, margin_mm=30, formats=("html",))
    assert templated.digest() not in (narrow.digest(), wide.digest())
