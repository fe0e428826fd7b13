"""`prep-pack compare`: the same figures in the terminal, CSV and JSON."""

from __future__ import annotations

import json

import pytest

from generator.content.offer_export import COLUMNS
from generator.content.offers import QUANTITIES, evaluate
from generator.validate import load_inputs
from tests.conftest import PROFILES, csv_number, read_csv
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


def test_json_has_every_input_and_quantity_unrounded_in_input_order():
    result = run("compare", str(PROFILES / "liam-oconnor.yaml"), "--format", "json", "--today", "2026-11-28")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    profile = load_inputs(PROFILES / "liam-oconnor.yaml").profile
    assert [r["name"] for r in rows] == [o.name for o in profile.offers]
    for row, offer in zip(rows, profile.offers, strict=True):
        assert list(row) == list(COLUMNS)
        expected = evaluate(offer)
        for quantity in QUANTITIES:
            assert row[quantity] == pytest.approx(getattr(expected, quantity), abs=1e-9)
        assert row["monthly_salary"] == offer.monthly_salary and row["equipment"] == offer.equipment
        assert row["vs_desired"] == offer.monthly_salary - profile.salary.desired_monthly
        assert row["net_monthly"] < offer.monthly_salary
    northdesk = rows[1]
    assert northdesk["flags"].split() == ["temporary", "no-pension", "priority-pension", "priority-equipment"]
    assert northdesk["guaranteed_total_annual_value"] < northdesk["total_annual_value"]


@pytest.mark.parametrize("dialect", ["rfc", "excel-nl"])
def test_csv_matches_json_in_both_dialects(dialect):
    as_json = json.loads(run("compare", str(PROFILES / "liam-oconnor.yaml"), "--format", "json").stdout)
    out = run("compare", str(PROFILES / "liam-oconnor.yaml"), "--format", "csv", "--csv-dialect", dialect).stdout
    assert out.startswith("\ufeffname;current;") if dialect == "excel-nl" else out.startswith("name,current,")
    rows = read_csv(out)
    assert [r["name"] for r in rows] == [r["name"] for r in as_json]
    for row, obj in zip(rows, as_json, strict=True):
        assert list(row) == list(COLUMNS)
        assert csv_number(row["value_per_hour"]) == pytest.approx(obj["value_per_hour"], abs=1e-9)
        assert csv_number(row["hours_per_week"]) == obj["hours_per_week"]
        assert row["equipment"] == "; ".join(obj["equipment"]) and row["flags"] == obj["flags"]
    if dialect == "excel-nl":
        assert "," in rows[0]["value_per_hour"] and "." not in rows[0]["value_per_hour"]


def test_a_dutch_file_gets_the_dutch_excel_dialect_by_default(tmp_path):
    path = tmp_path / "offers.yaml"
    path.write_text(OFFERS_ONLY, encoding="utf-8")
    assert run("compare", str(path), "--format", "csv").stdout.startswith("\ufeffname;")
    assert run("compare", str(PROFILES / "liam-oconnor.yaml"), "--format", "csv").stdout.startswith("name,")


@pytest.mark.parametrize("width", [60, 90, 160])
def test_table_fits_the_terminal_and_shows_flags_and_verdict(width):
    from generator.compare import as_table, load_offers
    from generator.content.offers import compare

    source = load_offers(PROFILES / "liam-oconnor.yaml")
    comparison = compare(source.offers)
    assert comparison is not None
    text = as_table(comparison, source, "en", width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    flat = " ".join(text.split())
    if width >= 110:  # one row per offer: the mark follows the name
        assert "Lumen Analytics (best per" in text
    else:  # on its side: one column per offer, the header wrapped
        assert text.index("Lumen") < text.index("(best") < text.index("────")
    assert "€53.90" in text and "+€16.16" in text
    assert "Northdesk: temporary contract; no employer pension; falls short on your priority: pension, equipment" \
        in flat
    assert "Lumen Analytics:" not in flat.split("What each offer means for you:")[1]  # nothing to flag
    assert "Worth the most per hour worked: Lumen Analytics (€53.90)" in flat
    assert "Highest monthly salary: Northdesk" in flat


def test_table_through_the_command_line_follows_columns():
    import os
    import subprocess
    import sys

    for columns in ("70", "150"):
        env = {**os.environ, "COLUMNS": columns}
        out = subprocess.run([sys.executable, "-m", "generator", "compare", str(PROFILES / "liam-oconnor.yaml")],
                             capture_output=True, text=True, env=env, timeout=60).stdout
        assert max(len(line) for line in out.splitlines()) <= int(columns)
        assert "Lumen Analytics" in out and "Northdesk" in out.splitlines()[-1]


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


def test_a_whole_profile_on_standard_input_is_read_once():
    """`cat profile.yaml | prep-pack compare -`: the same figures as from the file itself."""
    from tests.test_cli_options import run_with_input

    text = (PROFILES / "liam-oconnor.yaml").read_text("utf-8")
    piped = run_with_input(text, "compare", "-", "--format", "json", "--today", "2026-11-28")
    direct = run("compare", str(PROFILES / "liam-oconnor.yaml"), "--format", "json", "--today", "2026-11-28")
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout) == json.loads(direct.stdout)


def test_against_a_current_salary_of_nothing_no_share_is_shown(tmp_path):
    """Out of work now (salary 0): '+€ 38.880', never '+€ 38.880 (0,0%)'."""
    path = tmp_path / "offers.yaml"
    path.write_text(OFFERS_ONLY.replace("monthly_salary: 4000", "monthly_salary: 0"), "utf-8")
    out = " ".join(run("compare", str(path), "--lang", "nl").stdout.split())
    assert "+€ 56.160" in out and "(0,0%)" not in out
