"""Offers against the candidate's priorities: recognised in both languages, judged per offer as
meets, fails (a `priority-<kind>` flag) or unknown (a question to ask, saying what to ask)."""

from __future__ import annotations

from generator.content.offer_priorities import judge, priority_kind, to_ask
from generator.content.offers import compare
from generator.models import Offer


def offer(**values: object) -> Offer:
    base: dict[str, object] = {"name": "X", "monthly_salary": 4450, "hours_per_week": 36, "holiday_days": 25,
                               "pension_employer_pct": 10}
    return Offer.model_validate({**base, **values})


NOW = offer(name="Now", current=True, equipment=["laptop"], training_budget_annual=1000, home_days_per_week=2,
            commute_minutes=30)


def fails(new: Offer, priority: str, current: Offer = NOW) -> list[str]:
    comparison = compare([current, new])
    assert comparison is not None
    return judge(comparison, 1, [priority]).fails


def test_priorities_are_recognised_in_both_languages():
    written = ("Pensioen", "pension", "een vast contract", "job security", "meer vakantiedagen", "fewer hours",
               "laptop en telefoon", "opleidingsbudget", "training budget", "thuiswerken", "working from home",
               "korte reistijd", "short commute", "salarisgroei", "pay rise", "een goede sfeer")
    assert [priority_kind(p) for p in written] == [
        "pension", "pension", "permanent", "permanent", "holidays", "hours", "equipment", "training", "training",
        "home", "home", "travel", "travel", "growth", "growth", None]


def test_each_priority_fires_and_stays_quiet():
    assert fails(offer(pension_employer_pct=0), "pensioen") == ["pension"]
    assert fails(offer(pension_employer_pct=12), "pensioen") == []
    assert fails(offer(contract="temporary"), "vast contract") == ["permanent"]
    assert fails(offer(contract="permanent"), "vast contract") == []
    assert fails(offer(holiday_days=22), "vakantiedagen") == ["holidays"]
    assert fails(offer(holiday_days=27), "vakantiedagen") == []
    assert fails(offer(hours_per_week=40), "fewer hours") == ["hours"]
    assert fails(offer(hours_per_week=32), "fewer hours") == []
    assert fails(offer(equipment=["laptop"]), "laptop and phone") == ["equipment"]
    assert fails(offer(equipment=["Laptop", "phone"]), "laptop and phone") == []
    assert fails(offer(training_budget_annual=500), "opleidingsbudget") == ["training"]
    assert fails(offer(training_budget_annual=0), "opleidingsbudget", current=offer(current=True)) == ["training"]
    assert fails(offer(training_budget_annual=2500), "opleidingsbudget") == []
    assert fails(offer(home_days_per_week=0), "thuiswerken") == ["home"]
    assert fails(offer(home_days_per_week=3), "thuiswerken") == []
    assert fails(offer(commute_minutes=55), "reistijd") == ["travel"]
    assert fails(offer(commute_minutes=20), "reistijd") == []


def test_priorities_the_figures_do_not_answer_become_questions_with_their_kind():
    comparison = compare([NOW, offer(name="A", pension_employer_pct=12), offer(name="B", training_budget_annual=900)])
    assert comparison is not None
    priorities = ["pensioen", "opleidingsbudget", "salarisgroei", "een goede sfeer"]
    judged = judge(comparison, 1, priorities)
    assert judged.meets == ["pensioen"] and judged.fails == []
    assert judged.unknown == ["opleidingsbudget", "salarisgroei", "een goede sfeer"]
    assert judge(comparison, 2, priorities).fails == ["training"]
    # A's missing training budget makes it a question; growth is always one; the unknown kind too
    assert to_ask(comparison, priorities) == [("opleidingsbudget", "training"), ("salarisgroei", "growth"),
                                               ("een goede sfeer", None)]
    assert judge(comparison, 0, priorities).meets == []  # the current job is not judged against itself


def test_an_offer_that_names_no_equipment_is_asked_about_not_failed():
    comparison = compare([NOW, offer(equipment=[])])
    assert comparison is not None
    found = judge(comparison, 1, ["laptop van de zaak"])
    assert found.fails == [] and found.unknown == ["laptop van de zaak"]
    assert fails(offer(equipment=["telefoon"]), "laptop van de zaak") == ["equipment"]


def test_a_script_compares_with_now_only_when_the_current_job_backs_it():
    """'I have a permanent contract now' needs one; 'I have more days now' needs more days."""
    from generator.content.chapters_salary import _with_what_now

    temporary_now = offer(name="Now", current=True, contract="temporary", holiday_days=20)
    permanent_now = offer(name="Now", current=True, contract="permanent", holiday_days=30)
    new = offer(contract="temporary", holiday_days=24)
    assert _with_what_now("permanent", new, permanent_now) == "permanent"
    assert _with_what_now("permanent", new, temporary_now) == "permanent_open"
    assert _with_what_now("permanent", new, None) == "permanent_open"
    assert _with_what_now("holidays", new, permanent_now) == "holidays"
    assert _with_what_now("holidays", new, temporary_now) == "holidays_open"
    assert _with_what_now("pension", new, None) == "pension"
