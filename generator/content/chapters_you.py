"""What you learned in round one (and what to do about it), and your STARR stories against the skills."""

from __future__ import annotations

from generator.content.blocks import (
    Block,
    Card,
    Emphasis,
    Heading,
    Item,
    ItemList,
    ListStyle,
    Para,
    ParaStyle,
    Section,
    Table,
    TableRow,
)
from generator.content.context import Context, items
from generator.content.matching import improve_hint, improve_kind, stories_for
from generator.models import Story

# The five parts of a STARR story, in order, with the label each gets.
STARR_PARTS = {
    "situation": "sections.stories.parts.situation",
    "task": "sections.stories.parts.task",
    "action": "sections.stories.parts.action",
    "result": "sections.stories.parts.result",
    "reflection": "sections.stories.parts.reflection",
}
def _notes_list(title: str, empty: str, entries: list[str]) -> list[Block]:
    """A heading with the candidate's points, or a prompt to write them down."""
    return [Heading(title), ItemList(items(entries)) if entries else Para(empty, ParaStyle.PROMPT)]


def _draft_answer(c: Context) -> list[Block]:
    """The draft answer to 'which topics would you like to discuss?', built from the open points."""
    t = c.t
    points = c.notes.open_questions if c.notes else []
    blocks: list[Block] = [Heading(t("sections.first_round.draft_title"))]
    if not points:
        return blocks + [Para(t("sections.first_round.draft_empty"), ParaStyle.PROMPT)]
    return blocks + [Para(t("sections.first_round.draft_intro")),
                     Para(t("sections.first_round.draft_open"), ParaStyle.QUOTE),
                     ItemList(items(points), ListStyle.NUMBER),
                     Para(t("sections.first_round.draft_close"), ParaStyle.QUOTE)]


# What to do about a point that could have gone better, by its kind (matching.improve_kind).
IMPROVE_ACTIONS = {
    "too_long": "sections.first_round.improve_actions.too_long",
    "vague": "sections.first_round.improve_actions.vague",
    "unknown": "sections.first_round.improve_actions.unknown",
    "nerves": "sections.first_round.improve_actions.nerves",
    "doubt": "sections.first_round.improve_actions.doubt",
    "other": "sections.first_round.improve_actions.other",
}


def _could_improve(c: Context) -> list[Block]:
    """Each point as the candidate wrote it (in bold), then the action that fits its kind."""
    t = c.t
    points = c.notes.could_improve if c.notes else []
    blocks: list[Block] = [Heading(t("sections.first_round.could_improve"))]
    if not points:
        return blocks + [Para(t("sections.first_round.could_improve_empty"), ParaStyle.PROMPT)]
    actions = [Item(t(IMPROVE_ACTIONS[improve_kind(point)]), label=point.text,
                    attrs={"data-improve-kind": improve_kind(point)}) for point in points]
    return blocks + [Para(t("sections.first_round.improve_intro")), ItemList(actions)]


def section_first_round(c: Context) -> Section:
    """Everything the notes of round one hold, and what follows from it."""
    t = c.t
    notes = c.notes
    title = t("sections.first_round.title")
    if notes is None:
        return Section("first-round", title,
                       [Para(t("sections.first_round.no_notes", **c.values()), ParaStyle.PROMPT), *_draft_answer(c)])
    blocks: list[Block] = []
    if notes.date:
        blocks.append(Para(t("sections.first_round.date", date=c.date(notes.date)), ParaStyle.LEAD))
    if notes.met:
        blocks += [Heading(t("sections.first_round.met")),
                   ItemList([Item(p.role or "", label=p.name) if p.role else Item(p.name) for p in notes.met])]
    blocks += _notes_list(t("sections.first_round.learned"), t("sections.first_round.learned_empty"), notes.learned)
    blocks += _notes_list(t("sections.first_round.went_well"), t("sections.first_round.went_well_empty"),
                          notes.went_well)
    blocks += _could_improve(c)
    blocks += _notes_list(t("sections.first_round.open_points"), t("sections.first_round.open_empty"),
                          notes.open_questions)
    blocks += _draft_answer(c)
    for heading, lines in notes.other.items():
        if lines:
            blocks += [Heading(heading or t("sections.first_round.other")), ItemList(items(lines))]
    return Section("first-round", title, blocks)


def _story_card(c: Context, story: Story) -> Card:
    t = c.t
    parts = []
    for part, label_key in STARR_PARTS.items():
        text = getattr(story, part)
        label = t(label_key)
        if text:
            parts.append(Item(text, label=label))
        else:
            parts.append(Item(t("sections.stories.missing_part", part=label), label=label,
                              attrs={"data-missing-part": part}))
    subtitle = f"{t('sections.stories.skills_label')}: {', '.join(story.skills)}" if story.skills else ""
    return Card(story.title, subtitle, "", [ItemList(parts, ListStyle.PLAIN)], attrs={"data-story": story.title})


def _skill_matrix(c: Context) -> list[Block]:
    """The required skills against the stories, every skill without one flagged as a gap, and one
    whose story the first interview put in doubt (a point to improve about it) as one to strengthen."""
    t = c.t
    skills = c.profile.application.required_skills
    stories = c.profile.stories
    rows = []
    doubted = []  # covered by a story, yet the first interview left a doubt about it
    for skill in skills:
        found = stories_for(skill, stories)
        point = improve_hint(skill, c.notes) if found else None
        if point:
            doubted.append(Item(point, label=skill))
            rows.append(TableRow([skill, ", ".join(s.title for s in found), t("sections.stories.doubted")]))
        elif found:
            rows.append(TableRow([skill, ", ".join(s.title for s in found), t("sections.stories.ok")]))
        else:
            rows.append(TableRow([skill, t("sections.stories.gap_prompt"), t("sections.stories.gap")],
                                 attrs={"data-gap-skill": skill}, emphasis=Emphasis.GAP))
    header = [t("sections.stories.skill"), t("sections.stories.covered_by"), t("sections.stories.status")]
    blocks: list[Block] = [Heading(t("sections.stories.matrix_title")),
                           Table(header, rows, widths=[0.28, 0.54, 0.18], css_class="matrix")]
    hints = [(skill, improve_hint(skill, c.notes)) for skill in c.gaps]
    linked = [Item(point, label=skill) for skill, point in hints if point]
    if linked:
        blocks += [Para(t("sections.stories.gap_improve"), ParaStyle.TIP), ItemList(linked)]
    if doubted:
        blocks += [Para(t("sections.stories.doubted_intro"), ParaStyle.TIP), ItemList(doubted)]
    return blocks


def section_stories(c: Context) -> Section:
    """The skill matrix and each story in its five parts, missing parts flagged."""
    t = c.t
    blocks: list[Block] = [Para(t("sections.stories.intro"))]
    if c.profile.application.required_skills:
        blocks += _skill_matrix(c)
    else:
        blocks.append(Para(t("sections.stories.no_skills"), ParaStyle.PROMPT))
    if c.profile.stories:
        blocks += [_story_card(c, story) for story in c.profile.stories]
    else:
        blocks.append(Para(t("sections.stories.no_stories"), ParaStyle.PROMPT))
    return Section("stories", t("sections.stories.title"), blocks)
