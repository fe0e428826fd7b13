"""The assignment or assessment announced for round two, and how to prepare it.

Beyond the advice per kind, the chapter connects the assignment to what the candidate already
has: a structure that fits the brief when its words say what it is (a 100-day plan, an advisory
memo, a vision, a system design, a sales call), what was learned in round one, and the strengths
and stories that fit. The candidate's own words are listed as they are, never worked into ours.
"""

from __future__ import annotations

from generator.content.blocks import Block, Heading, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context, items
from generator.content.matching import mentions_word, skill_key, stems
from generator.content.tasks import assessment_days
from generator.language import words
from generator.models import Story

# Advice per kind of announced assignment.
ASSESSMENT_ADVICE = {
    "case": "sections.assessment.kinds.case",
    "presentation": "sections.assessment.kinds.presentation",
    "sales_pitch": "sections.assessment.kinds.sales_pitch",
    "test": "sections.assessment.kinds.test",
    "work_sample": "sections.assessment.kinds.work_sample",
    "job_shadowing": "sections.assessment.kinds.job_shadowing",
    "psychological_test": "sections.assessment.kinds.psychological_test",
    "other": "sections.assessment.kinds.other",
}

# Structures for briefs whose words say what they are (word lists: `assignment_words` in each
# language.yaml), in the order they are shown when a brief asks for more than one.
STRUCTURES = {
    "vision": ("sections.assessment.structures.vision.title", "sections.assessment.structures.vision.steps"),
    "hundred_days": ("sections.assessment.structures.hundred_days.title",
                     "sections.assessment.structures.hundred_days.steps"),
    "memo": ("sections.assessment.structures.memo.title", "sections.assessment.structures.memo.steps"),
    "system_design": ("sections.assessment.structures.system_design.title",
                      "sections.assessment.structures.system_design.steps"),
    "sales_call": ("sections.assessment.structures.sales_call.title",
                   "sections.assessment.structures.sales_call.steps"),
}


def structures_for(description: str) -> list[str]:
    """The structures a brief asks for, recognised from its words in any language."""
    found = words("assignment_words")
    return [name for name in STRUCTURES if mentions_word(description, found.get(name, ()))]


def _structure(c: Context, description: str) -> list[Block]:
    """A numbered outline per structure the brief asks for, with one word on how to use it."""
    blocks: list[Block] = []
    for name in structures_for(description):
        title, steps = STRUCTURES[name]
        blocks.append(Heading(c.t(title)))
        if len(blocks) == 1:
            blocks.append(Para(c.t("sections.assessment.structure_intro")))
        blocks.append(ItemList(items(c.t.list(steps)), ListStyle.NUMBER))
    return blocks


def fitting_strengths(c: Context, description: str) -> list[str]:
    """The strengths that share a word stem with the brief or the required skills."""
    wanted = stems(" ".join([description, *c.profile.application.required_skills]))
    return [strength for strength in c.profile.candidate.strengths if stems(strength) & wanted]


def fitting_stories(c: Context) -> list[Story]:
    """The stories that show one of the required skills: proof to point to in the assignment."""
    required = {skill_key(skill) for skill in c.profile.application.required_skills}
    return [story for story in c.profile.stories if any(skill_key(skill) in required for skill in story.skills)]


def _material(c: Context, description: str) -> list[Block]:
    """What to build the assignment from: round one's lessons, fitting strengths and stories."""
    t = c.t
    blocks: list[Block] = []
    learned = c.notes.learned if c.notes else []
    if learned:
        blocks += [Heading(t("sections.assessment.learned_title")), Para(t("sections.assessment.learned_intro")),
                   ItemList(items(learned))]
    strengths = fitting_strengths(c, description)
    if strengths:
        blocks += [Heading(t("sections.assessment.strengths_title")), ItemList(items(strengths))]
    stories = fitting_stories(c)
    if stories:
        blocks += [Heading(t("sections.assessment.stories_title")), Para(t("sections.assessment.stories_intro")),
                   ItemList([Item(story.title) for story in stories])]
    return blocks


def _when(c: Context) -> Para:
    """When to build and rehearse: the same dates as the plan and the calendar."""
    build, first, second = assessment_days(c)
    if build == second:
        return Para(c.t("sections.assessment.when_today"), ParaStyle.TIP)
    return Para(c.t("sections.assessment.when", build=c.date(build), first=c.date(first), second=c.date(second)),
                ParaStyle.TIP)


def section_assessment(c: Context) -> Section | None:
    """Advice for an announced assignment; no chapter when none is announced."""
    assessment = c.profile.application.second_interview.assessment
    if assessment is None:
        return None
    t = c.t
    description = assessment.description or ""
    blocks: list[Block] = [Para(t("sections.assessment.intro"))]
    if description:
        blocks += [Heading(t("sections.assessment.announced")), Para(description, ParaStyle.QUOTE)]
    blocks.append(Para(t(ASSESSMENT_ADVICE[assessment.kind]), ParaStyle.TIP))
    blocks += _structure(c, description) + _material(c, description)
    blocks.append(_when(c))
    return Section("assessment", t("sections.assessment.title"), blocks)
