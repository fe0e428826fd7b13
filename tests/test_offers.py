"""The offer arithmetic of docs/offers.md against hand-worked figures, and agreement across formats."""

from __future__ import annotations

import csv
import io
import re

import pytest

from generator.content.offers import compare, evaluate
from generator.models import Offer


def offer(**fields) -> Offer:
    base = {"name": "X", "monthly_salary": 4000, "hours_per_week": 40, "holiday_days": 25}
    return Offer.model_validate({**base, **fields})


def test_plain_offer_worked_by_hand():
    # 12 x 4000 = 48000; holiday allowance 8% = 3840; cash 51840; no pension
    # weeks 52 - 25/5 = 47; hours 40 x 47 = 1880; per hour 51840 / 1880 = 27.574...
    v = evaluate(offer())
    assert v.holiday_allowance == pytest.approx(3840)
    assert v.year_end == 0
    assert v.gross_annual_cash == pytest.approx(51840)
    assert v.total_annual_value == pytest.approx(51840)
    assert v.weeks_worked == pytest.approx(47)
    assert v.hours_worked == pytest.approx(1880)
    assert v.value_per_hour == pytest.approx(27.574468, abs=1e-6)


def test_thirteenth_month_pension_allowances_and_four_day_week():
    # base 12 x 5000 = 60000; allowance 8% 4800; 13th month 5000; bonus 2000; profit 1000
    # cash 72800; pension 10% 6000; allowances 1200 -> total 80000
    # weeks 52 - 24/4 = 46; hours 36 x 46 = 1656; per hour 80000/1656 = 48.309...
    v = evaluate(offer(monthly_salary=5000, thirteenth_month=True, bonus_expected=2000, profit_share_expected=1000,
                       pension_employer_pct=10, allowances_annual=1200, days_per_week=4, hours_per_week=36,
                       holiday_days=24))
    assert v.year_end == pytest.approx(5000)
    assert v.gross_annual_cash == pytest.approx(72800)
    assert v.employer_pension == pytest.approx(6000)
    assert v.total_annual_value == pytest.approx(80000)
    assert v.weeks_worked == pytest.approx(46)
    assert v.value_per_hour == pytest.approx(80000 / 1656)


def test_year_end_percentage_and_zero_holiday_allowance():
    # base 36000; no holiday allowance; year-end 8.33% = 2998.8
    v = evaluate(offer(monthly_salary=3000, holiday_allowance_pct=0, year_end_bonus_pct=8.33))
    assert v.holiday_allowance == 0
    assert v.year_end == pytest.approx(2998.8)
    assert v.gross_annual_cash == pytest.approx(38998.8)


def test_highest_salary_can_be_worst_per_hour():
    rich = offer(name="Rich", monthly_salary=5600, hours_per_week=40, holiday_days=20)
    fair = offer(name="Fair", monthly_salary=5000, hours_per_week=32, holiday_days=30, pension_employer_pct=12)
    comparison = compare([rich, fair])
    assert comparison.highest_monthly_index == 0
    assert comparison.best_per_hour_index == 1
    assert comparison.apples_and_pears


def test_difference_from_current_job():
    now = offer(name="Now", current=True)
    new = offer(name="New", monthly_salary=4400)
    comparison = compare([now, new])
    amount, pct = comparison.difference(1, "total_annual_value")
    assert amount == pytest.approx(12 * 400 * 1.08)
    assert pct == pytest.approx(10.0)
    assert comparison.difference(0, "total_annual_value") is None


def test_no_offers_means_no_comparison():
    assert compare([]) is None


def test_csv_matches_formulas_and_pack_table(liam):
    """The CSV's unrounded figures, the HTML table and the PDF agree to the cent."""
    from generator.localize import money
    from generator.validate import load_inputs

    rows = list(csv.DictReader(io.StringIO(liam.paths["csv"].read_text("utf-8"))))
    profile = load_inputs(liam.profile).profile
    assert [r["name"] for r in rows] == [o.name for o in profile.offers]
    for row, source in zip(rows, profile.offers, strict=True):
        expected = evaluate(source)
        assert float(row["total_annual_value"]) == pytest.approx(expected.total_annual_value, abs=1e-9)
        assert float(row["value_per_hour"]) == pytest.approx(expected.value_per_hour, abs=1e-9)
        shown_total = money(expected.total_annual_value, "en_GB")
        shown_hour = money(expected.value_per_hour, "en_GB", cents=True)
        pdf = liam.pdf_text.replace("\u00a0", " ")
        assert shown_total in pdf and shown_hour in pdf
        assert shown_total in liam.docx_text and shown_hour in liam.docx_text
        assert re.search(re.escape(f'data-offer="{source.name}"'.replace("'", "&#39;")), liam.html)


def _offer_warnings(html: str) -> list[str]:
    from tests.conftest import html_tree

    inside, found = False, []
    for element in html_tree(html):
        if element["tag"] == "section":
            inside = element["attrs"].get("id") == "offers"
        if inside and element["tag"] == "p" and "warning" in element["attrs"].get("class", ""):
            found.append(element["text"])
    return found


def test_verdict_and_apples_and_pears_warning(liam, sanne):
    text = " ".join(liam.pdf_text.replace("\u00a0", " ").split())
    assert re.search(r"Worth the most per hour worked: Lumen Analytics \(?€53\.90", text), text
    warnings = _offer_warnings(liam.html)
    assert len(warnings) == 1 and "highest monthly salary" in warnings[0]
    # the two offers are named beside the warning, each in its own element, not inside the sentence
    assert re.search(r"Highest monthly salary: Northdesk[^€]*€\d", text)
    assert "Northdesk" not in warnings[0] and "Lumen" not in warnings[0]
    # Sanne's best-paid offer is also the best per hour: a verdict, no warning
    assert _offer_warnings(sanne.html) == []
    assert "Meeste waarde per gewerkt uur: Thuiszorg Hunzedal" in " ".join(sanne.pdf_text.split())


def test_chart_is_embedded_as_svg_in_html_and_png_in_docx(liam):
    assert 'src="data:image/svg+xml;base64,' in liam.html
    images = [rel for rel in liam.docx.part.rels.values() if "image" in rel.reltype]
    assert images and images[0].target_part.content_type == "image/png"
