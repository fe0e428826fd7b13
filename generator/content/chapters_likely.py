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

import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.content.blocks import Block, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context
from generator.content.matching import (
    fold,
    improve_kind,
    is_assessment_sector,
    join_names,
    role_kind,
    stems,
    stories_for,
)
from generator.language import words

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
    "assessment": "sections.likely_questions.no_story.other",
    "sector": "sections.likely_questions.no_story.other",
    "notes": "sections.likely_questions.no_story.other",
}


@dataclass(frozen=True)
class Likely:
    """One likely question: our sentence, what it is about (the candidate's words, or empty), the
    title of the story to answer it with (empty when none fits) and an optional tip of ours."""

    source: str
    text: str
    about: str = ""
    story: str = ""
    tip: str = ""


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


def _mentioned_skills(c: Context, text: str) -> list[str]:
    """The required and story skills a free text is about, compared by word stems ('Projectleiding'
    is found in 'een project dat ik leidde')."""
    folded = fold(text)
    skills = [*c.profile.application.required_skills, *(s for story in c.profile.stories for s in story.skills)]
    unique: dict[str, str] = {}
    for skill in skills:
        unique.setdefault(fold(skill), skill)
    return [skill for skill in unique.values() if any(stem in folded for stem in stems(skill) or {fold(skill)})]


def _story_for_text(c: Context, text: str) -> str:
    """The first story that shows a skill the text is about, or '' (a mentioned skill without one is a gap)."""
    for skill in _mentioned_skills(c, text):
        found = stories_for(skill, c.profile.stories)
        if found:
            return found[0].title
    return ""


def _best_story(c: Context) -> str:
    """The story whose skills cover the most required skills: the all-round answer, or ''."""
    required = {fold(skill) for skill in c.profile.application.required_skills}
    scored = [(len({fold(s) for s in story.skills} & required), story.title) for story in c.profile.stories]
    score, title = max(scored, key=lambda pair: pair[0], default=(0, ""))
    return title if score else ""


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
        found.append(Likely("improve", wordings[turn % len(wordings)], point.text, _story_for_text(c, point.text),
                            tip))
    return found


def _gaps(c: Context) -> list[Likely]:
    """The competency question for each required skill that no story shows yet."""
    wordings = c.t.list("sections.likely_questions.gap_questions")
    gaps = [skill for skill in c.profile.application.required_skills if not stories_for(skill, c.profile.stories)]
    return [Likely("gap", wordings[n % len(wordings)], skill) for n, skill in enumerate(gaps)]


def _interviewers(c: Context) -> list[Likely]:
    """One question per kind of interviewer present, labelled with the names of those who may ask it."""
    names: dict[str, list[str]] = {}
    for person in c.interviewers:
        names.setdefault(role_kind(person.role), []).append(person.name)
    story = _best_story(c)
    return [Likely("interviewer", c.t(INTERVIEWER_QUESTIONS[kind]), join_names(who, c.t("sections.after.and")), story)
            for kind, who in names.items()]


def _role(c: Context) -> list[Likely]:
    """The questions typical of the job's family, each with a story whose skills fit the family."""
    family = _family(c)
    wanted = words("job_words").get(f"{family}_skills", ())
    fitting = [story.title for story in c.profile.stories
               if any(_has_word(skill, wanted) for skill in story.skills)]
    return [Likely("role", question, "", fitting[n % len(fitting)] if fitting else "")
            for n, question in enumerate(c.t.list(ROLE_QUESTIONS[family]))]


def _assessment(c: Context) -> list[Likely]:
    """The follow-up question after the announced assignment, if any."""
    assessment = c.profile.application.second_interview.assessment
    return [Likely("assessment", c.t(ASSESSMENT_QUESTIONS[assessment.kind]), "", _best_story(c))] if assessment else []


def _sector(c: Context) -> list[Likely]:
    """For healthcare and government: the question about working safely or with integrity there."""
    sector = c.profile.application.sector
    if not is_assessment_sector(sector):
        return []
    setting = "care" if _has_word(sector or "", words("job_words").get("care", ())) else "government"
    return [Likely("sector", c.t(SECTOR_QUESTIONS[setting]), "", _best_story(c))]


def _learned(c: Context) -> list[Likely]:
    """'What would you do about this?' for the two facts from round one that touch the open
    questions or the required skills most (the hot topics), the fact shown as the label."""
    if not c.notes:
        return []
    topics = stems(" ".join([*c.notes.open_questions, *c.profile.application.required_skills]))
    ranked = sorted(c.notes.learned, key=lambda fact: len(stems(fact) & topics), reverse=True)
    story = _best_story(c)
    wordings = c.t.list("sections.likely_questions.learned")
    return [Likely("notes", question, fact, story) for question, fact in zip(wordings, ranked, strict=False)]


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
    return found[:MAX_QUESTIONS]


def _item(c: Context, question: Likely) -> Item:
    """The question as a list item: the candidate's words as label, the story (or what to write) as note."""
    if question.story:
        answer = f"{c.t('sections.likely_questions.story_label')}: {question.story}"
    else:
        answer = c.t(NO_STORY[question.source])
    note = " · ".join(part for part in (question.tip, answer) if part)
    return Item(question.text, label=question.about, note=note,
                attrs={"data-likely-question": "", "data-source": question.source, "data-story": question.story})


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
    return [Item(q.text, label=q.about) for q in likely_questions(c)[:3]]
