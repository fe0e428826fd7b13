"""The net-pay estimate against examples worked by hand from the published 2026 parameters.

Parameters (templates/tax/nl-2026.yaml): box 1 35.75% to 38,883, 37.56% to 78,426, 49.50% above;
general credit 3,115 less 6.398% above 29,736; labour credit 8.324% to 11,965, then 996 + 31.009%,
from 25,845 5,300 + 1.950%, from 45,592 5,685 - 6.510%, nil from 132,920. Each example below is
written out step by step so a reader can check it with a calculator.
"""

from __future__ import annotations

import pytest

from generator.content.net_pay import estimate_all, net_pay, tax_year
from generator.folders import builtin_templates
from generator.models import Offer

RATES = tax_year(2026)


def offer(monthly: float, **values: object) -> Offer:
    return Offer.model_validate({"name": "X", "monthly_salary": monthly, "hours_per_week": 36, "holiday_days": 25,
                                 **values})


def test_rates_of_2026_are_loaded():
    assert RATES is not None and RATES.year == 2026


def test_2000_a_month_full_general_credit_rising_labour_credit():
    # wage 24,000: box 1 24,000 x 35.75% = 8,580.00; general credit 3,115 (below 29,736);
    # labour credit 996 + 31.009% x (24,000 - 11,965) = 996 + 3,731.93 = 4,727.93
    # tax 8,580.00 - 3,115 - 4,727.93 = 737.07; net a month (24,000 - 737.07) / 12 = 1,938.58
    # year 24,000 + 8% holiday allowance 1,920 = 25,920: box 1 9,266.40; labour credit (past 25,845)
    # 5,300 + 1.95% x 75 = 5,301.46; tax 9,266.40 - 3,115 - 5,301.46 = 849.94; net 25,070.06
    assert RATES is not None
    estimate = net_pay(offer(2000), RATES)
    assert round(estimate.monthly) == 1939 and round(estimate.annual) == 25070


def test_4000_a_month_second_bracket_both_credits_phasing_out():
    # wage 48,000: box 1 38,883 x 35.75% = 13,900.67 + 9,117 x 37.56% = 3,424.35 -> 17,325.02
    # general 3,115 - 6.398% x 18,264 = 1,946.47; labour 5,685 - 6.51% x 2,408 = 5,528.24
    # tax 9,850.31; net a month (48,000 - 9,850.31) / 12 = 3,179.14
    assert RATES is not None
    assert round(net_pay(offer(4000), RATES).monthly) == 3179


def test_6000_with_own_pension_and_a_thirteenth_month():
    # own pension 7.5% x 72,000 = 5,400, so the wage is 66,600:
    # box 1 13,900.67 + 27,717 x 37.56% = 10,410.51 -> 24,311.18; general 3,115 - 6.398% x 36,864 = 756.44;
    # labour 5,685 - 6.51% x 21,008 = 4,317.38; tax 19,237.36; net a month 47,362.64 / 12 = 3,946.89
    # year 66,600 + holiday allowance 5,760 + thirteenth month 6,000 = 78,360:
    # box 1 13,900.67 + 39,477 x 37.56% = 14,827.56 -> 28,728.23; general 3,115 - 6.398% x 48,624 = 4.04;
    # labour 5,685 - 6.51% x 32,768 = 3,551.80; tax 25,172.39; net 78,360 - 25,172.39 = 53,187.61
    assert RATES is not None
    estimate = net_pay(offer(6000, pension_employee_pct=7.5, thirteenth_month=True), RATES)
    assert round(estimate.monthly) == 3947 and round(estimate.annual) == 53188
    assert estimate.pension_monthly == 450


def test_12000_a_month_top_bracket_no_credits_left():
    # wage 144,000: 13,900.67 + 39,543 x 37.56% = 14,852.35 + 65,574 x 49.5% = 32,459.13 -> 61,212.15
    # both credits nil (past 78,426 and 132,920); net a month (144,000 - 61,212.15) / 12 = 6,898.99
    assert RATES is not None
    assert round(net_pay(offer(12000), RATES).monthly) == 6899


def test_800_a_month_credits_exceed_the_tax():
    # wage 9,600: box 1 3,432; general 3,115; labour 8.324% x 9,600 = 799.10: tax would be negative, so 0
    assert RATES is not None
    assert net_pay(offer(800), RATES).monthly == pytest.approx(800)


def test_expected_bonus_is_left_out_and_year_end_bonus_counts():
    assert RATES is not None
    plain = net_pay(offer(4000), RATES)
    assert net_pay(offer(4000, bonus_expected=5000, profit_share_expected=2000), RATES) == plain
    assert net_pay(offer(4000, year_end_bonus_pct=8.33), RATES).annual > plain.annual


def test_only_for_euros_in_the_netherlands_and_from_the_latest_known_year():
    offers = [offer(4000)]
    assert estimate_all(offers, "USD", "NL", 2026) is None
    assert estimate_all(offers, "EUR", "BE", 2026) is None
    assert estimate_all(offers, "EUR", "NL", 2025) is None  # no figures before the first file
    later = estimate_all(offers, "EUR", "NL", 2031)
    assert later is not None and later[0].year == 2026


def test_every_parameter_names_its_source():
    text = (builtin_templates() / "tax" / "nl-2026.yaml").read_text(encoding="utf-8")
    assert RATES is not None
    for part in (RATES.brackets, RATES.general_credit, RATES.labour_credit):
        assert len(part.source) > 40
    assert "aplusbadviesgroep.nl" in text and "salure.nl" in text
