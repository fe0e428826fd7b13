"""Chapters 9, 12-14: questions to ask, do's and don'ts, after the interview, notes pages."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.blocks import Block, Heading, ItemList, Lines, Para, ParaStyle, Section
from generator.content.context import Context, items
from generator.content.matching import is_assessment_sector, join_names
from generator.models import STANDARD_QUESTION_IDS

# The standard questions, by the id a notes file uses to mark one as already answered.
STANDARD_QUESTIONS = {
    "feedback": "sections.questions.standard.feedback",
    "priorities": "sections.questions.standard.priorities",
    "team": "sections.questions.standard.team",
    "canteen": "sections.questions.standard.canteen",
    "lunch": "sections.questions.standard.lunch",
    "workplace": "sections.questions.standard.workplace",
    "collaboration": "sections.questions.standard.collaboration",
    "development": "sections.questions.standard.development",
    "perception": "sections.questions.standard.perception",
    "personalities": "sections.questions.standard.personalities",
}
assert tuple(STANDARD_QUESTIONS) == STANDARD_QUESTION_IDS, "one text per standard question id"


@dataclass(frozen=True)
class Questions:
    """The questions to ask, in the pack's order: standard (minus answered), procedure, open, own."""

    standard: list[tuple[str, str]]  # (id, text)
    procedure: list[str]
    open: list[str]
    own: list[str]

    def all(self) -> list[str]:
        """Every question's text, in order."""
        return [text for _id, text in self.standard] + self.procedure + self.open + self.own


def questions_to_ask(c: Context) -> Questions:
    """Work out the questions from the input: the chapter and the summary both show these."""
    answered = set(c.notes.answered) if c.notes else set()
    return Questions(
        standard=[(qid, c.t(key)) for qid, key in STANDARD_QUESTIONS.items() if qid not in answered],
        procedure=c.t.list("sections.questions.procedure"),
        open=list(c.notes.open_questions) if c.notes else [],
        own=list(c.profile.questions),
    )


def section_questions(c: Context) -> Section:
    """The questions to ask, each with its `data-question-id`."""
    t = c.t
    questions = questions_to_ask(c)
    answered = set(c.notes.answered) if c.notes else set()
    blocks: list[Block] = [Para(t("sections.questions.intro")), Heading(t("sections.questions.standard_title"))]
    if answered:
        count = len(answered & set(STANDARD_QUESTION_IDS))
        blocks.append(Para(t("sections.questions.answered_note", count=count), ParaStyle.TIP))
    if questions.standard:
        blocks.append(ItemList([item for qid, text in questions.standard
                                for item in items([text], **{"data-question-id": qid})]))
    blocks += [Heading(t("sections.questions.procedure_title")),
               ItemList(items(questions.procedure, **{"data-question-id": "procedure"}))]
    if questions.open:
        blocks += [Heading(t("sections.questions.open_title")),
                   ItemList(items(questions.open, **{"data-question-id": "open"}))]
    if questions.own:
        blocks += [Heading(t("sections.questions.own_title")),
                   ItemList(items(questions.own, **{"data-question-id": "own"}))]
    return Section("questions", t("sections.questions.title"), blocks)


def section_dos_donts(c: Context) -> Section:
    """What to do and what not to do in round two."""
    t = c.t
    return Section("dos-donts", t("sections.dos_donts.title"), [
        Heading(t("sections.dos_donts.do_title")), ItemList(items(t.list("sections.dos_donts.do"))),
        Heading(t("sections.dos_donts.dont_title")), ItemList(items(t.list("sections.dos_donts.dont"))),
    ])


def section_after(c: Context) -> Section:
    """The decision window as dates, the thank-you message and the check-in date."""
    t = c.t
    s = c.schedule
    profile = c.profile
    names = [p.name for p in profile.application.second_interview.interviewers]
    greeting = t("sections.after.thanks_greeting", names=join_names(names, t("sections.after.and"))) if names \
        else t("sections.after.thanks_greeting_none")
    window = t("sections.after.window", **{"from": c.date(s.decision_from), "to": c.date(s.decision_to),
                                           "early": c.date(s.decision_early)})
    blocks: list[Block] = [Para(window, ParaStyle.LEAD), Para(t("sections.after.ask_procedure"))]
    if is_assessment_sector(profile.application.sector):
        blocks.append(Para(t("sections.after.sector"), ParaStyle.WARNING))
    letter = [greeting, t("sections.after.thanks_body", **c.values()),
              t("sections.after.thanks_sign", name=profile.candidate.name)]
    blocks += [
        Heading(t("sections.after.thanks_title", date=c.date(s.thank_you_by))),
        Para(t("sections.after.thanks_intro")),
        Para("\n\n".join(letter), ParaStyle.QUOTE),
        Para(t("sections.after.check_in", date=c.date(s.check_in)), ParaStyle.TIP),
    ]
    return Section("after", t("sections.after.title"), blocks,
                   attrs={"data-decision-from": s.decision_from.isoformat(),
                          "data-decision-to": s.decision_to.isoformat()})


def section_notes(c: Context) -> Section:
    """Ruled pages to write on."""
    return Section("notes", c.t("sections.notes.title"), [Para(c.t("sections.notes.intro")), Lines(24)],
                   page_break=True)
