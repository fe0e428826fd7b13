"""What they will probably ask you: questions drawn from everything the candidate gave, each
paired with the story to answer it.

The questions come, most certain first, from what went less well in round one, the required
skills that have no story yet, the kinds of interviewer, the family of the job, the announced
assignment, the sector and the facts learned in round one. Every question is one of our own
complete sentences: what it is about (a could-improve note, a skill, a name, a learned fact) is
the candidate's text and stands beside it as the item's bold label, and the story to answer with
is the item's note. Nothing the candidate typed is ever put inside one of our sentences.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from generator.content.blocks import Block, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context
from generator.content.matching import (
    fold,
    improve_kind,
    join_names,
    role_kind,
    stems,
)
from generator.content.pairing import pick_story
from generator.language import Texts, load_language, words

MAX_QUESTIONS = 15
# Job families with questions of their own, tried in this order ('Account manager' is sales
# before it is lead); 'other' when none fits. Their words are `job_words` in language.yaml.
JOB_FAMILIES = ("sales", "lead", "engineer", "care", "policy")

# What they may come back with after a point that could have gone better, by its kind.
IMPROVE_QUESTIONS = {
    "too_long": "sections.likely_questions.improve.too_long",
    "vague": "sections.likely_questions.improve.vague",
    "unknown": "sections.likely_questions.improve.unknown",
    "nerves": "sections.likely_questions.improve.nerves",
    "doubt": "sections.likely_questions.improve.doubt",
    "other": "sections.likely_questions.improve.other",
}
# The question each kind of interviewer is most likely to bring.
INTERVIEWER_QUESTIONS = {
    "hr": "sections.likely_questions.interviewers.hr",
    "director": "sections.likely_questions.interviewers.director",
    "manager": "sections.likely_questions.interviewers.manager",
    "colleague": "sections.likely_questions.interviewers.colleague",
    "other": "sections.likely_questions.interviewers.other",
}
# Questions typical of each job family.
ROLE_QUESTIONS = {
    "lead": "sections.likely_questions.roles.lead",
    "engineer": "sections.likely_questions.roles.engineer",
    "sales": "sections.likely_questions.roles.sales",
    "care": "sections.likely_questions.roles.care",
    "policy": "sections.likely_questions.roles.policy",
    "other": "sections.likely_questions.roles.other",
}
# The follow-up question after each kind of assignment.
ASSESSMENT_QUESTIONS = {
    "case": "sections.likely_questions.assessment.case",
    "presentation": "sections.likely_questions.assessment.presentation",
    "sales_pitch": "sections.likely_questions.assessment.sales_pitch",
    "test": "sections.likely_questions.assessment.test",
    "work_sample": "sections.likely_questions.assessment.work_sample",
    "job_shadowing": "sections.likely_questions.assessment.job_shadowing",
    "psychological_test": "sections.likely_questions.assessment.psychological_test",
    "other": "sections.likely_questions.assessment.other",
}
SECTOR_QUESTIONS = {
    "care": "sections.likely_questions.sector.care",
    "government": "sections.likely_questions.sector.government",
}
# What to write when no story fits, by where the question comes from.
NO_STORY = {
    "improve": "sections.likely_questions.no_story.improve",
    "gap": "sections.likely_questions.no_story.gap",
    "role": "sections.likely_questions.no_story.role",
    "interviewer": "sections.likely_questions.no_story.other",
    "assessment": "sections.likely_questions.no_story.assessment",
    "sector": "sections.likely_questions.no_story.other",
    "notes": "sections.likely_questions.no_story.plan",
}
# Questions a STARR story does not answer: knowledge, motivation and plans get a short prepared
# answer instead (a could-improve point by its kind, an interviewer's question by their role).
NO_STORY_IMPROVE = {
    "too_long": "sections.likely_questions.no_story.shorter",
    "unknown": "sections.likely_questions.no_story.knowledge",
    "nerves": "sections.likely_questions.no_story.plan",
    "doubt": "sections.likely_questions.no_story.motivation",
}
NO_STORY_NEEDED = ("nerves", "doubt")  # an example does not answer these: a few prepared sentences do
NO_STORY_INTERVIEWER = {
    "hr": "sections.likely_questions.no_story.motivation",
    "director": "sections.likely_questions.no_story.plan",
    "manager": "sections.likely_questions.no_story.plan",
}
# Sources whose subject is a quote from the notes, shown as context rather than as a bold label.
QUOTED = ("improve", "notes")


@dataclass(frozen=True)
class Likely:
    """One likely question: our sentence, what it is about (the candidate's words, or empty), the
    title of the story to answer it with (empty when none fits) and an optional tip of ours."""

    source: str
    text: str
    about: str = ""
    story: str = ""
    tip: str = ""
    no_story: str = ""   # the text key for the answer when there is no story; NO_STORY by source if empty
    match: str = ""      # the text to find a story for (the note, or the question); empty: no story wanted


def _has_word(text: str, wanted: tuple[str, ...]) -> bool:
    """True when one of the words occurs in the text; words of three letters or fewer must stand alone."""
    padded = " " + re.sub(r"[^\w&]+", " ", fold(text)) + " "
    return any((f" {word} " in padded) if len(word) <= 3 else (word in padded) for word in map(fold, wanted))


def job_family(role: str | None) -> str:
    """The family of a job title (sales, lead, engineer, care, policy or other), so the pack can
    add the questions that every interviewer for such a job asks. The words of every language count."""
    families = words("job_words")
    return next((family for family in JOB_FAMILIES if _has_word(role or "", families.get(family, ()))), "other")


def _family(c: Context) -> str:
    """The family of the job applied for; the current job's when the title says nothing."""
    family = job_family(c.profile.application.role)
    return family if family != "other" else job_family(c.profile.candidate.current_role)


def _improve(c: Context) -> list[Likely]:
    """Per could-improve point, what they may come back with; repeated kinds get the next wording."""
    asked: dict[str, int] = {}
    found = []
    for point in c.notes.could_improve if c.notes else []:
        kind = improve_kind(point)
        wordings = c.t.list(IMPROVE_QUESTIONS[kind])
        turn = asked.get(kind, 0)
        asked[kind] = turn + 1
        tip = c.t("sections.likely_questions.two_minutes") if kind == "too_long" else ""
        no_story = NO_STORY_IMPROVE.get(kind, "")
        match = "" if kind in NO_STORY_NEEDED else point.text
        found.append(Likely("improve", wordings[turn % len(wordings)], point.text, tip=tip, no_story=no_story,
                            match=match))
    return found


def _gaps(c: Context) -> list[Likely]:
    """The competency question for each required skill that no story shows yet."""
    wordings = c.t.list("sections.likely_questions.gap_questions")
    return [Likely("gap", wordings[n % len(wordings)], skill) for n, skill in enumerate(c.gaps)]


@cache
def _texts_of(code: str) -> Texts:
    """The built-in texts of a language, to match questions against stories in the language the
    stories are written in (an English pack of a Dutch profile pairs the same stories)."""
    return load_language(code).texts


def _in_profile_language(c: Context, key: str) -> list[str]:
    """The question(s) at `key` in the profile's own language, for matching only."""
    found = _texts_of(c.profile.language).raw(key)
    return [str(item) for item in found] if isinstance(found, list) else [str(found)]


def _hinted(question: str, hint_key: str) -> str:
    """The text a story is matched on: the question and the words of a story that answers it
    (`question_hints` in every language.yaml), so 'a team that has to change' finds the story
    tagged Kwaliteitsverbetering."""
    return " ".join([question, *words("question_hints").get(hint_key, ())])


def _interviewers(c: Context) -> list[Likely]:
    """One question per kind of interviewer present, labelled with the names of those who may ask
    it; a story only where the question is about a skill a story shows."""
    names: dict[str, list[str]] = {}
    for person in c.interviewers:
        names.setdefault(role_kind(person.role), []).append(person.name)
    found = []
    for kind, who in names.items():
        no_story = NO_STORY_INTERVIEWER.get(kind, "")
        match = "" if no_story else _hinted(_in_profile_language(c, INTERVIEWER_QUESTIONS[kind])[0],
                                            f"interviewer_{kind}")
        found.append(Likely("interviewer", c.t(INTERVIEWER_QUESTIONS[kind]), join_names(who, c.t("sections.after.and")),
                            no_story=no_story, match=match))
    return found


def _role(c: Context) -> list[Likely]:
    """The questions typical of the job's family, each with a story only where the question is
    about a skill that story shows: no story is better than the wrong one."""
    key = ROLE_QUESTIONS[_family(c)]
    family = _family(c)
    return [Likely("role", question, match=_hinted(match, f"{family}_{number}"))
            for number, (question, match) in enumerate(zip(c.t.list(key), _in_profile_language(c, key), strict=True),
                                                         start=1)]


def _assessment(c: Context) -> list[Likely]:
    """The follow-up question after the announced assignment, if any."""
    assessment = c.profile.application.second_interview.assessment
    return [Likely("assessment", c.t(ASSESSMENT_QUESTIONS[assessment.kind]))] if assessment else []


def _sector(c: Context) -> list[Likely]:
    """For healthcare and government: the question about working safely or with integrity there."""
    sector = c.public_sector
    if not sector:
        return []
    setting = "care" if _has_word(sector, words("job_words").get("care", ())) else "government"
    key = SECTOR_QUESTIONS[setting]
    return [Likely("sector", c.t(key), match=_hinted(_in_profile_language(c, key)[0], f"sector_{setting}"))]


def _learned(c: Context) -> list[Likely]:
    """'What would you do about this?' for the two facts from round one that touch the open
    questions or the required skills most (the hot topics), the fact shown as the label."""
    if not c.notes:
        return []
    topics = stems(" ".join([*c.notes.open_questions, *c.profile.application.required_skills]))
    ranked = sorted(c.notes.learned, key=lambda fact: len(stems(fact) & topics), reverse=True)
    wordings = c.t.list("sections.likely_questions.learned")
    return [Likely("notes", question, fact) for question, fact in zip(wordings, ranked, strict=False)]


# The sources, most certain first: they will surely come back to what went wrong and to the gaps.
SOURCES: tuple[Callable[[Context], list[Likely]], ...] = (
    _improve, _gaps, _interviewers, _role, _assessment, _sector, _learned)


def likely_questions(c: Context) -> list[Likely]:
    """All likely questions in order of certainty, without repeats, at most fifteen: enough to
    practise, few enough to finish."""
    found: list[Likely] = []
    seen: set[tuple[str, str]] = set()
    for source in SOURCES:
        for question in source(c):
            if (question.text, question.about) not in seen:
                seen.add((question.text, question.about))
                found.append(question)
    used: dict[str, int] = {}
    paired = []
    for question in found[:MAX_QUESTIONS]:
        story = pick_story(c.profile, question.match, used) if question.match else ""
        if story:
            used[story] = used.get(story, 0) + 1
        paired.append(dataclasses.replace(question, story=story))
    return paired


def _item(c: Context, question: Likely) -> Item:
    """The question as a list item: who asks it or the skill as label, a note quoted from round
    one as context, then the story to answer with (or what to prepare instead)."""
    if question.story:
        answer = f"{c.t('sections.likely_questions.story_label')}: {question.story}"
    else:
        answer = c.t(question.no_story or NO_STORY[question.source])
    label, context = _about(c, question)
    note = " · ".join(part for part in (context, question.tip, answer) if part)
    return Item(question.text, label=label, note=note,
                attrs={"data-likely-question": "", "data-source": question.source, "data-story": question.story})


def _about(c: Context, question: Likely) -> tuple[str, str]:
    """What the question is about, as (bold label, context): a name or a skill is the label; a
    line from the notes is context, quoted and marked as the candidate's own, so it never reads
    as if the interviewer said it."""
    if question.about and question.source in QUOTED:
        return "", f"{c.t('sections.likely_questions.from_notes')}: “{question.about}”"
    return question.about, ""


def section_likely_questions(c: Context) -> Section | None:
    """The chapter `likely-questions`: the questions to practise, each with the story to answer it,
    so the candidate prepares for this interview rather than for interviews in general."""
    questions = likely_questions(c)
    if not questions:
        return None
    t = c.t
    blocks: list[Block] = [Para(t("sections.likely_questions.intro"), ParaStyle.LEAD)]
    if c.notes is None:
        blocks.append(Para(t("sections.likely_questions.no_notes"), ParaStyle.PROMPT))
    blocks += [ItemList([_item(c, q) for q in questions], ListStyle.NUMBER),
               Para(t("sections.likely_questions.practise"), ParaStyle.TIP)]
    return Section("likely-questions", t("sections.likely_questions.title"), blocks)


def top_likely_questions(c: Context) -> list[Item]:
    """The three most likely questions for the summary page, each with the candidate's words it
    is about as its label (a question such as 'can you make that concrete?' needs them)."""
    found = []
    for question in likely_questions(c)[:3]:
        label, context = _about(c, question)
        found.append(Item(question.text, label=label, note=context))
    return found
