"""`prep-pack compare`: the same figures in the terminal, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator.content.offers import QUANTITIES, evaluate
from generator.validate import load_inputs
from tests.conftest import PROFILES
from tests.test_cli import run

OFFERS_ONLY = """\
language: nl
offers:
  - name: Nu
    current: true
    monthly_salary: 4000
    hours_per_week: 40
    holiday_days: 25
  - name: Vier dagen
    monthly_salary: 3900
    hours_per_week: 32
    days_per_week: 4
    holiday_days: 20
    pension_employer_pct: 12
"""


def test_json_has_every_quantity_unrounded_in_input_order():
    result = run("compare", str(PROFILES / "liam-oconnor.yaml"), "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    offers = load_inputs(PROFILES / "liam-oconnor.yaml").profile.offers
    assert [r["name"] for r in rows] == [o.name for o in offers]
    for row, offer in zip(rows, offers, strict=True):
        assert set(row) == {"name", "current", *QUANTITIES}
        expected = evaluate(offer)
        for quantity in QUANTITIES:
            assert row[quantity] == pytest.approx(getattr(expected, quantity), abs=1e-9)


def test_csv_matches_json():
    as_json = json.loads(run("compare", str(PROFILES / "liam-oconnor.yaml"), "--format", "json").stdout)
    out = run("compare", str(PROFILES / "liam-oconnor.yaml"), "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["name"] for r in rows] == [r["name"] for r in as_json]
    for row, obj in zip(rows, as_json, strict=True):
        assert float(row["value_per_hour"]) == pytest.approx(obj["value_per_hour"], abs=1e-9)


def test_table_marks_best_and_warns(tmp_path):
    result = run("compare", str(PROFILES / "liam-oconnor.yaml"))
    assert result.returncode == 0
    assert "Lumen Analytics (best per hour)" in result.stdout
    assert "€53.90" in result.stdout and "+€16.16 (+42.8%)" in result.stdout
    assert "Northdesk" in result.stdout.splitlines()[-1]


def test_offers_only_file_in_dutch(tmp_path):
    path = tmp_path / "offers.yaml"
    path.write_text(OFFERS_ONLY, encoding="utf-8")
    result = run("compare", str(path))
    assert result.returncode == 0, result.stderr
    assert "Vier dagen (beste per uur)" in result.stdout
    assert "€ 4.000" in result.stdout.replace("\u00a0", " ")
    english = run("compare", str(path), "--lang", "en")
    assert "Four" not in english.stdout and "(best per hour)" in english.stdout


def test_bad_offers_file_is_located(tmp_path):
    path = tmp_path / "offers.yaml"
    path.write_text(OFFERS_ONLY.replace("hours_per_week: 32", "hours_per_week: 99").replace("name: Vier dagen\n",
                    "name: Vier dagen\n    current: true\n"), encoding="utf-8")
    result = run("compare", str(path))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert f"{path}:11:21: offers[2].hours_per_week:" in result.stderr
    assert "offers[2].current" in result.stderr


def test_no_offers_is_a_clear_error():
    result = run("compare", str(PROFILES / "ahmet-yilmaz.yaml"))
    assert result.returncode == 2 and "no offers to compare" in result.stderr
