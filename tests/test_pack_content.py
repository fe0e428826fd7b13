"""What a candidate reads: the text of the PDF, the DOCX and the HTML hooks of each example."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.conftest import TODAY, html_tree

SECTION_IDS = ["purpose", "differences", "interviewers", "plan", "first-round", "pitch", "stories",
               "assessment", "questions", "salary", "offers", "dos-donts", "after", "notes"]


def squash(text: str) -> str:
    """Join PDF lines and hyphenated breaks so phrases can be searched for."""
    text = re.sub(r"[-\u2010\u00ad]\n", "", text).replace("\u00a0", " ")
    return " ".join(text.split())


def elements(html: str, attr: str) -> list[dict]:
    return [e for e in html_tree(html) if attr in e["attrs"]]


# --- structure and hooks ---------------------------------------------------------------------------

@pytest.mark.parametrize("who", ["sanne", "liam"])
def test_every_section_is_present_in_spec_order(who, request):
    pack = request.getfixturevalue(who)
    ids = [e["attrs"]["id"] for e in html_tree(pack.html) if e["tag"] == "section" and e["attrs"].get("id")
           in SECTION_IDS]
    assert ids == SECTION_IDS


@pytest.mark.parametrize("who", ["noor", "ahmet"])
def test_assessment_section_only_when_announced(who, request):
    pack = request.getfixturevalue(who)
    ids = [e["attrs"].get("id") for e in html_tree(pack.html) if e["tag"] == "section"]
    assert "assessment" not in ids
    assert [i for i in ids if i in SECTION_IDS] == [i for i in SECTION_IDS if i != "assessment"]


def test_interviewers_carry_name_and_met_before(sanne, liam, noor):
    def people(pack):
        return {e["attrs"]["data-interviewer"]: e["attrs"]["data-met-before"]
                for e in elements(pack.html, "data-interviewer")}

    assert people(sanne) == {"Mark Jansen": "true", "Fatima El Amrani": "false"}
    assert set(people(liam).values()) == {"false"}
    assert set(people(noor).values()) == {"true", "false"}


def test_all_new_faces_are_told_it_feels_like_a_first_interview(liam, sanne):
    assert "first interview" in squash(liam.pdf_text).lower()
    liam_intro = squash(liam.pdf_text)
    assert "only meeting people you don't know yet" in liam_intro or "feel like a first" in liam_intro.lower()
    assert "eerste gesprek" in squash(sanne.pdf_text)


def test_plan_has_six_dated_steps_from_today_to_the_day_before(sanne):
    steps = elements(sanne.html, "data-step")
    assert [s["attrs"]["data-step"] for s in steps] == ["1", "2", "3", "4", "5", "6"]
    dates = [dt.date.fromisoformat(s["attrs"]["data-date"]) for s in steps]
    assert dates == sorted(dates)
    assert dates[0] == TODAY
    assert dates[-1] == dt.date(2026, 12, 2)


def test_questions_skip_answered_and_add_procedure_open_and_own(sanne):
    ids = [e["attrs"]["data-question-id"] for e in elements(sanne.html, "data-question-id")]
    for answered in ("team", "canteen", "development"):
        assert answered not in ids
    for kept in ("feedback", "priorities", "lunch", "workplace", "collaboration", "perception", "personalities"):
        assert ids.count(kept) == 1
    assert ids.count("procedure") == 3
    assert ids.count("open") == 3
    assert ids.count("own") == 2


def test_skill_without_story_is_flagged_as_gap(sanne, liam):
    gaps = [e["attrs"]["data-gap-skill"] for e in elements(sanne.html, "data-gap-skill")]
    assert gaps == ["Conflicthantering"]
    assert elements(liam.html, "data-gap-skill") == []
    # the notes' "could improve" point about a conflict is tied to the gap
    assert "conflict tussen twee collega" in squash(sanne.pdf_text)


def test_story_missing_a_part_is_flagged(sanne):
    missing = [e for e in elements(sanne.html, "data-missing-part")]
    assert [e["attrs"]["data-missing-part"] for e in missing] == ["reflection"]
    assert "Reflectie ontbreekt nog" in squash(sanne.pdf_text)


def test_decision_window_is_three_to_six_weeks_after(sanne):
    after = elements(sanne.html, "data-decision-from")[0]["attrs"]
    # three weeks after 3 December is Christmas Eve: the window opens on the first working day after
    assert after["data-decision-from"] == "2027-01-04"
    assert after["data-decision-to"] == "2027-01-21"
    text = squash(sanne.pdf_text)
    assert "maandag 4 januari 2027" in text and "donderdag 21 januari 2027" in text


def test_offer_rows_are_marked(liam):
    rows = [e["attrs"]["data-offer"] for e in elements(liam.html, "data-offer") if e["tag"] == "tr"]
    assert rows == ["Current job (Brightwave Software)", "Northdesk", "Lumen Analytics"]
    flagged = {(e["attrs"]["data-offer"], e["attrs"]["data-offer-flag"])
               for e in elements(liam.html, "data-offer-flag")}
    assert flagged == {("Northdesk", "temporary"), ("Northdesk", "no-pension"),
                       ("Northdesk", "priority-pension"), ("Northdesk", "priority-equipment")}  # his priorities
    assert "realistic commission plan" in squash(liam.pdf_text)  # a priority no figure answers: ask it
    assert "Compared with your target: +€400 (+7.7%)" in squash(liam.pdf_text)
    assert "A temporary contract, while your current job is permanent." in squash(liam.docx_text)


# --- the PDF: what a candidate reads ----------------------------------------------------------------

def test_dutch_pdf_is_personal(sanne):
    text = squash(sanne.pdf_text)
    for phrase in ("Sanne de Vries", "Teamleider verpleging", "Zorggroep Noord", "donderdag 3 december 2026",
                   "14:00", "Hoofdkantoor, Groningen", "nog 7 dagen", "Mark Jansen", "Fatima El Amrani",
                   "Onderbezetting in de nachtdienst", "€ 4.300", "€ 3.950"):
        assert phrase in text, phrase
    assert sanne.pdf_pages >= 8
    assert re.search(r"\b2 / \d+\b", sanne.pdf_text), "page numbers 'n / total' are printed"


def test_dutch_pdf_covers_every_guidance_point(sanne):
    text = squash(sanne.pdf_text).lower()
    points = {
        "1 purpose": "wederzijdse verkenning",
        "2 differences": "salaris en arbeidsvoorwaarden komen in deze ronde meestal ter sprake",
        "3 met before asks STARR": "star",
        "4 plan": "scherp je persoonlijke pitch aan",
        "5 first round": "wat je leerde",
        "6 stories": "geen voorbeeld",
        "7 assessment": "presentatie",
        "8 questions": "beoogde startdatum",
        "9 salary": "appels met appels",
        "10 dos and don'ts": "begin niet zelf over salaris",
        "11 after": "psychologisch onderzoek",
        "12 notes": "aantekeningen",
    }
    for point, phrase in points.items():
        assert phrase in text, point


def test_english_pdf_is_personal_and_in_english(liam):
    text = squash(liam.pdf_text)
    for phrase in ("Liam O'Connor", "Account Executive", "Kestrel & Finch B.V.", "Thursday 10 December 2026",
                   "10:30", "14 days to go", "Joost van der Linden", "Amira Haddad", "€5,600"):
        assert phrase in text, phrase
    for dutch in ("Voorbereiding", "Vragen", "Aantekeningen", "donderdag", "gesprek"):
        assert dutch not in text, f"untranslated Dutch: {dutch}"


def test_healthcare_gets_final_assessment_note_but_software_does_not(sanne, liam):
    assert "psychologisch onderzoek" in squash(sanne.pdf_text)
    assert "psychological" not in squash(liam.pdf_text).split("After the interview")[-1]


def test_thank_you_draft_names_the_interviewers(sanne):
    assert "Beste Mark en Fatima" in squash(sanne.pdf_text)


# --- the DOCX: what a coach edits --------------------------------------------------------------------

def test_docx_has_real_headings_lists_and_tables(sanne):
    doc = sanne.docx
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert any("Waar dit tweede gesprek om draait" in h for h in headings)
    assert any("Na het gesprek" in h for h in headings)
    chapters = [e for e in html_tree(sanne.html) if e["tag"] == "section" and "chapter" in e["attrs"].get("class", "")]
    assert len(headings) == len(chapters) + 1 >= 16  # every chapter, and the summary (numbered by Word)
    styles = {p.style.name for p in doc.paragraphs}
    assert {"Heading 2", "Heading 3", "List Bullet", "Title"} <= styles
    assert len(doc.tables) >= 2
    header_row = doc.tables[0].rows[0]._tr
    assert header_row.xpath("./w:trPr/w:tblHeader"), "table header rows repeat on every page"
    assert doc.core_properties.author == "Sanne de Vries"
    assert "Zorggroep Noord" in doc.core_properties.title


def test_docx_holds_the_same_personal_content(sanne, liam):
    for pack, phrases in ((sanne, ["Sanne de Vries", "donderdag 3 december 2026", "Conflicthantering",
                                   "Beste Mark en Fatima", "€ 4.300"]),
                          (liam, ["Liam O'Connor", "Thursday 10 December 2026", "Lumen Analytics", "€5,600"])):
        for phrase in phrases:
            assert phrase in squash(pack.docx_text), phrase


def test_docx_has_page_number_fields_and_toc(sanne):
    xml = sanne.docx.sections[0].footer._element.xml
    assert "PAGE" in xml and "NUMPAGES" in xml
    body = sanne.docx.element.xml
    assert 'TOC \\o "1-1"' in body


# --- packs with little data show prompts ----------------------------------------------------------------

def test_minimal_profile_gets_prompts_instead_of_empty_sections(ahmet):
    prompts = [e for e in html_tree(ahmet.html) if e["tag"] == "p" and "prompt" in e["attrs"].get("class", "")]
    assert len(prompts) >= 5
    text = ahmet.docx_text
    assert "ahmet-yilmaz.notes.md" in text  # tells where to put the notes
    assert "no offer" in text.lower() or "not yet an offer" in text.lower() or "once one arrives" in text.lower()


def test_notes_inside_profile_are_used(noor):
    assert "Erik Smit" in noor.docx_text
    assert "psychologisch onderzoek" in noor.docx_text  # government sector


# --- the calendar and CSV -------------------------------------------------------------------------------

def test_calendar_parses_back_with_interview_steps_and_follow_up(sanne):
    from icalendar import Calendar

    cal = Calendar.from_ical(sanne.paths["ics"].read_bytes())
    events = [c for c in cal.walk("VEVENT")]
    assert len(events) == 1 + 6 + 3 + 2  # interview, steps, building and twice rehearsing the assignment, follow-up
    interview = events[0]
    assert interview.decoded("dtstart").isoformat().startswith("2026-12-03T14:00")
    assert (interview.decoded("dtend") - interview.decoded("dtstart")) == dt.timedelta(minutes=60)
    assert str(interview.get("location")) == "Hoofdkantoor, Groningen"
    assert len({str(e.get("uid")) for e in events}) == len(events)
    # one all-day reminder per plan step on the step's date, the assignment on its task dates, then the
    # thank-you and the check-in
    steps = [e["attrs"]["data-date"] for e in elements(sanne.html, "data-step")]
    assignment = [e["attrs"]["data-date"] for e in elements(sanne.html, "data-task")
                  if e["attrs"]["data-task"].startswith("assessment-")]
    days = [e.decoded("dtstart").isoformat() for e in events[1:]]
    # thank-you the next working day; check-in a few days after the latest decision day (21 January: six
    # weeks and, over Christmas, one more)
    assert days == steps + assignment + ["2026-12-04", "2027-01-25"]
    raw = sanne.paths["ics"].read_bytes()
    assert b"\r\n" in raw and b"BEGIN:VTIMEZONE" in raw and b"TZID:Europe/Amsterdam" in raw


# --- the examples differ where their input differs ------------------------------------------------

def test_examples_give_visibly_different_packs(sanne, liam, noor, ahmet):
    """Met before / new faces / mixed; with and without assignment; notes from every source."""
    from generator.language import load_language

    nl, en = load_language("nl").texts, load_language("en").texts
    # who you meet: mixed (Sanne), all new (Liam), all met (Ahmet), in their own language
    assert squash(nl("sections.interviewers.mixed")) in squash(sanne.docx_text)
    assert squash(en("sections.interviewers.all_new")) in squash(liam.docx_text)
    assert squash(en("sections.interviewers.all_met")) in squash(ahmet.docx_text)
    # the assignment section and its kind-specific advice only where one is announced
    assert squash(nl("sections.assessment.kinds.presentation")) in squash(sanne.docx_text)
    assert squash(en("sections.assessment.kinds.sales_pitch")) in squash(liam.docx_text)
    assert 'id="assessment"' not in noor.html and 'id="assessment"' not in ahmet.html
    # the first round comes from Markdown, YAML, the profile itself, or is a prompt to write it
    assert "28 verpleegkundigen" in sanne.pdf_text           # sanne-de-vries.notes.md
    assert "seven Account Executives" in squash(liam.pdf_text)  # liam-oconnor.notes.yaml
    assert "Erik Smit" in noor.docx_text                      # first_interview_notes: in the profile
    assert "ahmet-yilmaz.notes.md" in ahmet.docx_text         # none: where to write them
    # and the same hooks carry different people and dates
    firsts = {p.profile.stem: elements(p.html, "data-step")[-1]["attrs"]["data-date"]
              for p in (sanne, liam, noor, ahmet)}
    assert firsts == {"sanne-de-vries": "2026-12-02", "liam-oconnor": "2026-12-09",
                      "noor-bakker": "2027-01-07", "ahmet-yilmaz": "2026-12-14"}


def test_questions_follow_the_spec_order_in_the_pdf(sanne):
    ids = [e["attrs"]["data-question-id"] for e in elements(sanne.html, "data-question-id")]
    order = ["standard" if i not in ("procedure", "open", "own") else i for i in ids]
    firsts = [order.index(k) for k in ("standard", "procedure", "open", "own")]
    assert firsts == sorted(firsts)
    text = squash(sanne.pdf_text)
    assert text.index("Hoe krijg ik feedback") < text.index("Wat zijn de volgende stappen")
