"""Two offer sets of our own, end to end: in `offers-risky.yaml` every flag fires on the offer it
was built for and on no other, and the expected profit share decides the verdict; in
`offers-calm.yaml` nothing fires. Checked in the PDF, the Word file, the HTML, the CSV and `compare`."""

from __future__ import annotations

import pytest

from generator.content.offer_texts import FLAG_TEXTS, PRIORITY_TEXTS
from generator.language import load_language
from tests.conftest import ROOT, csv_number, read_csv, render
from tests.test_cli import run
from tests.test_pack_content import elements, squash

DATA = ROOT / "tests" / "data"
EXPECTED = {
    "Startup Delta": {"below-minimum", "temporary", "no-pension", "below-statutory-holidays", "more-hours",
                      "priority-pension"},
    "Scale-up Epsilon": {"below-desired", "expected-pay-decides", "priority-home"},
    "Gemeente Zeta": set(),
}


@pytest.fixture(scope="module")
def risky(tmp_path_factory):
    return render(DATA / "offers-risky.yaml", tmp_path_factory.mktemp("risky"), ("pdf", "docx", "html", "csv"))


@pytest.fixture(scope="module")
def calm(tmp_path_factory):
    return render(DATA / "offers-calm.yaml", tmp_path_factory.mktemp("calm"), ("html", "csv"))


def _flags_in_html(html: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for element in elements(html, "data-offer-flag"):
        found.setdefault(element["attrs"]["data-offer"], set()).add(element["attrs"]["data-offer-flag"])
    return found


def test_each_flag_fires_on_its_offer_only_in_html_and_csv(risky):
    assert _flags_in_html(risky.html) == {name: flags for name, flags in EXPECTED.items() if flags}
    rows = {row["name"]: row for row in read_csv(risky.paths["csv"])}
    for name, flags in EXPECTED.items():
        assert set(rows[name]["flags"].split()) == flags, name
    assert rows["Huidige baan"]["flags"] == ""


def test_each_flag_is_explained_in_the_pdf_and_word(risky):
    texts = load_language("nl").texts
    pdf, docx = squash(risky.pdf_text), squash(risky.docx_text)
    for flag in set().union(*EXPECTED.values()):
        key = PRIORITY_TEXTS[flag.removeprefix("priority-")] if flag.startswith("priority-") else FLAG_TEXTS[flag]
        sentence = " ".join(texts(key, given="16", days="20").split())  # Delta: 16 days where the law gives 20
        assert sentence in pdf, flag
        assert sentence in docx, flag


def test_wish_and_floor_in_every_format(risky):
    rows = {e["attrs"]["data-offer"]: e["attrs"] for e in elements(risky.html, "data-offer") if e["tag"] == "tr"}
    assert rows["Startup Delta"]["data-vs-desired"] == "-400.00"
    assert rows["Startup Delta"]["data-vs-minimum"] == "-100.00"
    assert rows["Gemeente Zeta"]["data-vs-desired"] == "+100.00"
    csv_rows = {row["name"]: row for row in read_csv(risky.paths["csv"])}
    assert csv_number(csv_rows["Scale-up Epsilon"]["vs_desired"]) == -100
    assert csv_number(csv_rows["Scale-up Epsilon"]["vs_minimum"]) == 200
    pdf = squash(risky.pdf_text)
    # Delta asks 40 hours against 36 now: judged at 36 hours, € 4.200 is € 3.780
    assert "Omgerekend naar je huidige 36 uur per week is dit € 3.780 per maand. Ten opzichte van je wens: −€ 820 " \
           "(−17,8%); ten opzichte van je minimum: −€ 520 (−12,1%)" in pdf
    assert "Ten opzichte van je wens: −€ 100 (−2,2%)" in squash(risky.docx_text).replace("\u2060", "")  # Epsilon
    assert csv_number(csv_rows["Startup Delta"]["monthly_at_current_hours"]) == 3780


def test_the_expected_profit_share_decides_the_verdict(risky):
    verdicts = {e["attrs"]["data-verdict"]: e["text"] for e in elements(risky.html, "data-verdict")}
    assert set(verdicts) == {"best-per-hour", "best-per-hour-guaranteed"}
    pdf = squash(risky.pdf_text)
    assert "Meeste waarde per gewerkt uur: Scale-up Epsilon" in pdf
    assert "(zonder verwachte bonus of winstdeling): Gemeente Zeta" in pdf
    assert "vast: € 63.720" in pdf  # Epsilon's certain total, without its € 10.000 profit share
    # Zeta is both the best paid and the certain winner: no apples-and-pears warning to contradict that
    assert "Let op appels en peren" not in pdf
    summary = pdf.split("Je voorbereiding in zes stappen")[0]
    assert "Beste aanbod per uur Scale-up Epsilon Beste op wat vaststaat Gemeente Zeta" in summary
    rows = {row["name"]: row for row in read_csv(risky.paths["csv"])}
    assert csv_number(rows["Scale-up Epsilon"]["total_annual_value"]) - \
        csv_number(rows["Scale-up Epsilon"]["guaranteed_total_annual_value"]) == pytest.approx(10000)


def test_scale_and_scripts_follow_the_offers(risky):
    pdf = squash(risky.pdf_text)
    assert "Onderhandelen binnen een salarisschaal" in pdf  # Zeta names a cao
    assert "Startup Delta: \"Dank jullie wel voor het aanbod. Met dit salaris kan ik de overstap alleen niet " \
           "maken" in pdf
    # Delta is for 40 hours against her 36: her wish and floor are said for 40 hours (rounded up to € 50), and
    # with no pension (and at least the 20 days the law gives) it must pay € 5.500 to be worth per hour what her
    # job is (€ 36,82); the floor rises with it
    assert "Dit aanbod is voor 40 uur per week, je wens van € 4.600 voor 36 uur: voor deze uren is dat ongeveer " \
           "€ 5.150." in pdf
    assert "Per gewerkt uur is dit aanbod pas evenveel waard als je huidige baan bij ongeveer € 5.500 per maand" in pdf
    assert "ik had gerekend op ongeveer € 5.500 bruto per maand" in pdf
    assert "je ondergrens is € 5.150" in pdf
    # Epsilon is under her wish, and Zeta (fixed year-end pay, 14 % pension) is worth more per hour: matching it
    # on what is certain takes € 5.150, not Zeta's monthly € 4.700
    assert "Scale-up Epsilon: \"Dank jullie wel voor het aanbod. Ik heb een ander aanbod dat per gewerkt uur meer " \
           "oplevert; om daarop uit te komen denk ik aan ongeveer € 5.150 bruto per maand." in pdf
    # Zeta meets her wish on a scale: the step is the lever; and its own offer is the floor for any figure named
    assert "Gemeente Zeta: \"Dank jullie wel, het aanbod spreekt me aan. Voordat ik ja zeg: kunnen we nog eens naar " \
           "de trede kijken?" in pdf
    assert "Deze werkgever heeft je al € 4.700 bruto per maand geboden voor 36 uur per week. Noem nu geen lager " \
           "bedrag" in pdf
    assert "vakantiegeld en eindejaarsuitkering uitbetaald via het individueel keuzebudget (IKB)" in pdf
    # Zeta's own € 4.700 is not "another offer" to hold against Zeta; the others are below her wish
    assert "Een andere werkgever biedt je al" not in pdf
    # the summary names the same figure as the salary chapter: Zeta's € 4.700, not her wish of € 4.600
    assert "Je salarisindicatie € 4.700 (niet lager: je hebt al een aanbod dat meer waard is dan je wens van " \
           "€ 4.600)" in pdf
    assert "verwacht ik een trede die minstens aansluit bij wat ik nu verdien" not in pdf  # Zeta's own line says it


def test_compare_shows_the_same_flags():
    out = " ".join(run("compare", str(DATA / "offers-risky.yaml")).stdout.split())
    assert "Startup Delta: onder je minimum; tijdelijk contract; geen pensioen werkgever; minder vakantiedagen " \
           "dan de wet vraagt; meer uren dan nu; schiet tekort op je prioriteit: pensioen" in out
    assert "Scale-up Epsilon: onder je wens; alleen de beste dankzij verwachte bonus of winstdeling; schiet tekort " \
           "op je prioriteit: thuiswerken" in out
    assert "Gemeente Zeta:" not in out.split("Wat elk aanbod voor jou betekent:")[1]
    assert "Als je alleen telt wat vaststaat (zonder verwachte bonus of winstdeling): Gemeente Zeta" in out


def test_nothing_fires_on_the_calm_set(calm):
    assert _flags_in_html(calm.html) == {}
    assert all(row["flags"] == "" for row in read_csv(calm.paths["csv"]))
    [meets] = elements(calm.html, "data-offer-meets")
    assert meets["attrs"]["data-offer"] == "Calm Co" and meets["attrs"]["data-offer-meets"] == "3"
    assert "Meets your priorities: pension, permanent contract, holidays" in squash(meets["text"])
    out = run("compare", str(DATA / "offers-calm.yaml")).stdout
    assert "What each offer means for you" not in out and "Worth the most per hour worked: Calm Co" in out
    assert "certain" not in out  # nothing is only expected


def test_no_pension_script_only_when_the_current_employer_pays_one(tmp_path):
    profile = tmp_path / "p.yaml"
    profile.write_text("""\
language: nl
candidate: {name: Test Persoon}
application: {company: X, role: Y, second_interview: {date: 2026-12-14}}
salary: {desired_monthly: 4000, priorities: [pensioen]}
offers:
  - {name: Nu, current: true, monthly_salary: 3800, hours_per_week: 36, holiday_days: 25, PENSION}
  - {name: Nieuw, monthly_salary: 4200, hours_per_week: 36, holiday_days: 25, contract: permanent,
     pension_employer_pct: 0}
""".replace(", PENSION", ""), "utf-8")
    [script] = elements(render(profile, tmp_path / "none", ("html",)).html, "data-offer-script")
    assert "geen pensioenregeling" not in script["text"] and "€ 0" not in script["text"]  # nothing to compare with
    profile.write_text(profile.read_text("utf-8").replace("holiday_days: 25}", "holiday_days: 25, "
                                                          "pension_employer_pct: 10}", 1), "utf-8")
    [script] = elements(render(profile, tmp_path / "some", ("html",)).html, "data-offer-script")
    assert "geen pensioenregeling" in script["text"] and "€ 4.560 per jaar" in script["text"]
