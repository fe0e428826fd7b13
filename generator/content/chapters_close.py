"""Chapters 9, 12-14: questions to ask, do's and don'ts, after the interview, notes pages."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.blocks import Block, Heading, ItemList, Lines, Para, ParaStyle, Section
from generator.content.context import Context, items
from generator.content.matching import Mentions, first_name, is_senior, join_names, leads
from generator.models import STANDARD_QUESTION_IDS, Interviewer

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

# What each standard question is about, to name the ones already covered.
TOPICS = {
    "feedback": "sections.questions.topics.feedback",
    "priorities": "sections.questions.topics.priorities",
    "team": "sections.questions.topics.team",
    "canteen": "sections.questions.topics.canteen",
    "lunch": "sections.questions.topics.lunch",
    "workplace": "sections.questions.topics.workplace",
    "collaboration": "sections.questions.topics.collaboration",
    "development": "sections.questions.topics.development",
    "perception": "sections.questions.topics.perception",
    "personalities": "sections.questions.topics.personalities",
}

# The standard questions from most to least telling for a candidate deciding on the job, for the
# summary's must-asks (the chapter keeps the spec's order): a leading role puts what the job must
# change first; a remote interview or a senior hire drops the building and the lunch.
RANKED = ("priorities", "feedback", "team", "collaboration", "development", "perception",
          "personalities", "workplace", "lunch", "canteen")
LEADER_FIRST = ("priorities", "perception", "team")
ON_SITE = ("workplace", "lunch", "canteen")    # you see these for yourself when you visit
SMALL_TALK = ("lunch", "canteen")              # not what a senior hire spends interview time on


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


def must_ask_ids(c: Context) -> list[str]:
    """The standard question ids worth a place among the must-asks, best first, for this role,
    seniority and kind of interview."""
    order = list(RANKED)
    if leads(c.profile.application.role):
        order = [*LEADER_FIRST, *(qid for qid in order if qid not in LEADER_FIRST)]
    dropped = set(ON_SITE) if c.mode != "in_person" else set()
    if is_senior(c.profile.application.role):
        dropped |= set(SMALL_TALK)
    return [qid for qid in order if qid not in dropped]


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
    covered = [t(TOPICS[qid]) for qid in STANDARD_QUESTION_IDS if qid in answered]
    if covered:
        blocks.append(Para(t("sections.questions.answered_note", topics=join_names(covered, t("sections.after.and"))),
                           ParaStyle.TIP))
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


def greeting_names(people: list[Interviewer]) -> list[str]:
    """The names a letter's greeting uses: first names, as a person writes them; a full name only
    where two people share a first name, so each still knows who is meant."""
    firsts = [first_name(p.name) for p in people]
    return [first if firsts.count(first) == 1 else p.name for first, p in zip(firsts, people, strict=True)]


def thanks_hook(c: Context) -> str | None:
    """One concrete thing from the conversation to hang the thank-you on.

    What an interviewer said (learned) beats what went well for the candidate, and only an item
    that names one of the people of round two will do: a fact someone else told you is not what
    stayed with you from this conversation. Without one, the letter leaves a line to fill in.
    """
    if not c.notes:
        return None
    said = Mentions({"learned": c.notes.learned, "went_well": c.notes.went_well})
    named = {entry for p in c.interviewers for entries in said.of(p.name).values() for entry in entries}
    ordered = [*c.notes.learned, *c.notes.went_well]
    return next((entry for entry in ordered if entry in named), None)


def _letter(c: Context, hook: str | None) -> str:
    """The thank-you note in the profile's register: first names in the greeting, the hook on a
    line of its own in brackets (the candidate rewrites it), and the candidate's name below."""
    t = c.t
    names = greeting_names(c.interviewers)
    greeting = t("sections.after.thanks_greeting", names=join_names(names, t("sections.after.and"))) if names \
        else t("sections.after.thanks_greeting_none")
    one = len(names) == 1  # Dutch 'je' turns into 'jullie' for a panel
    return "\n\n".join([
        greeting,
        t("sections.after.thanks_open_one") if one else t("sections.after.thanks_open"),
        f"[{hook}]" if hook else t("sections.after.thanks_hook_none"),
        t("sections.after.thanks_close_one") if one else t("sections.after.thanks_close"),
        "\n".join([t("sections.after.thanks_sign", name=c.profile.candidate.name),
                   *filter(None, [c.profile.candidate.email, c.profile.candidate.phone])]),
    ])


SLOW_SEASONS = {"christmas": "sections.after.window_christmas", "summer": "sections.after.window_summer"}


def _slow_season(c: Context) -> list[Block]:
    """A sentence when the decision window spans Christmas, the summer or public holidays."""
    season = c.schedule.window_season()
    if season:
        return [Para(c.t(SLOW_SEASONS[season]))]
    names = [f"{name} ({c.short_date(day)})" for day, name in c.schedule.window_holidays()]
    if names:
        return [Para(c.t("sections.after.window_holidays", names=join_names(names, c.t("sections.after.and"))))]
    return []


def section_after(c: Context) -> Section:
    """The decision window as dates, the thank-you message and the check-in date."""
    t = c.t
    s = c.schedule
    hook = thanks_hook(c)
    window = t("sections.after.window", **{"from": c.date(s.decision_from), "to": c.date(s.decision_to),
                                           "early": c.date(s.decision_early)})
    blocks: list[Block] = [Para(window, ParaStyle.LEAD), *_slow_season(c), Para(t("sections.after.ask_procedure"))]
    if c.public_sector:
        blocks.append(Para(t("sections.after.sector"), ParaStyle.WARNING))
    blocks += [Heading(t("sections.after.thanks_title", date=c.date(s.thank_you_by))),
               Para(t("sections.after.thanks_intro"), attrs={"data-thank-you-by": s.thank_you_by.isoformat()}),
               Para(_letter(c, hook), ParaStyle.QUOTE)]
    if hook:  # the placeholder speaks for itself; a line from the notes needs rewriting
        blocks.append(Para(t("sections.after.thanks_hook_tip"), ParaStyle.TIP))
    blocks.append(Para(t("sections.after.check_in", date=c.date(s.check_in)), ParaStyle.TIP,
                       attrs={"data-check-in": s.check_in.isoformat()}))
    return Section("after", t("sections.after.title"), blocks,
                   attrs={"data-decision-from": s.decision_from.isoformat(),
                          "data-decision-to": s.decision_to.isoformat()})


def section_notes(c: Context) -> Section:
    """Ruled pages to write on."""
    return Section("notes", c.t("sections.notes.title"), [Para(c.t("sections.notes.intro")), Lines(24)],
                   page_break=True)
