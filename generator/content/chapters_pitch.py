"""Your pitch (with its speaking time), and your strengths and weaknesses put to work: each
strength tied to the story that proves it, each weakness to the reflection that answers it."""

from __future__ import annotations

from generator.content.blocks import Block, Heading, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context, items
from generator.content.matching import stems, stories_for
from generator.models import Story

WORDS_PER_MINUTE = 130  # a calm speaking pace
SHORTEST, LONGEST = 30, 60  # seconds: what a pitch should take


def pitch_seconds(pitch: str) -> int:
    """How long the pitch takes to say, at a calm pace."""
    return round(len(pitch.split()) / WORDS_PER_MINUTE * 60)


def _pitch(c: Context, pitch: str) -> list[Block]:
    """The pitch as written, its speaking time, and what to add or cut."""
    t = c.t
    seconds = pitch_seconds(pitch)
    if seconds < SHORTEST:
        verdict = Para(t("sections.pitch.too_short"), ParaStyle.TIP)
    elif seconds > LONGEST:
        verdict = Para(t("sections.pitch.too_long"), ParaStyle.TIP)
    else:
        verdict = Para(t("sections.pitch.good_length"))
    return [Heading(t("sections.pitch.yours")),
            Para(pitch, ParaStyle.QUOTE, attrs={"data-pitch-seconds": str(seconds)}),
            Para(t("sections.pitch.length", seconds=seconds)), verdict]


def proving_story(strength: str, stories: list[Story]) -> Story | None:
    """The story that shows a strength: one tagged with it as a skill, else one whose title or
    skills share a word stem with it."""
    tagged = stories_for(strength, stories)
    if tagged:
        return tagged[0]
    wanted = stems(strength)
    return next((s for s in stories if wanted & stems(" ".join([s.title, *s.skills]))), None)


def answering_story(weakness: str, stories: list[Story]) -> Story | None:
    """A story whose reflection speaks to a weakness (they share a word stem)."""
    wanted = stems(weakness)
    return next((s for s in stories if s.reflection and wanted & stems(s.reflection)), None)


def _strengths(c: Context) -> list[Block]:
    t = c.t
    entries = []
    for strength in c.profile.candidate.strengths:
        story = proving_story(strength, c.profile.stories)
        entries.append(Item(t("sections.pitch.proven_by"), label=strength, note=story.title) if story
                       else Item(t("sections.pitch.unproven"), label=strength, attrs={"data-unproven": "true"}))
    return [Heading(t("sections.pitch.strengths")), ItemList(entries)]


def _weaknesses(c: Context) -> list[Block]:
    t = c.t
    blocks: list[Block] = [Heading(t("sections.pitch.weaknesses"))]
    for weakness in c.profile.candidate.weaknesses:
        story = answering_story(weakness, c.profile.stories)
        if story and story.reflection:
            blocks += [ItemList([Item(t("sections.pitch.weakness_answered"), label=weakness, note=story.title)]),
                       Para(story.reflection, ParaStyle.QUOTE)]
        else:
            blocks.append(ItemList([Item(t("sections.pitch.weakness_open"), label=weakness)]))
    return blocks + [Para(t("sections.pitch.weakness_tip"), ParaStyle.TIP)]


def _step(c: Context) -> list[Block]:
    """Where the candidate stands now and where this job takes them, when the profile says so."""
    now = c.profile.candidate.current_role
    if not now:
        return []
    app = c.profile.application
    return [ItemList([Item(now, label=c.t("sections.pitch.step_now")),
                      Item(f"{app.role}, {app.company}", label=c.t("sections.pitch.step_next"))], ListStyle.FACTS),
            Para(c.t("sections.pitch.bridge"))]


def section_pitch(c: Context) -> Section:
    """The personal pitch, with tips, strengths and weaknesses."""
    t = c.t
    person = c.profile.candidate
    blocks: list[Block] = [Para(t("sections.pitch.intro")), *_step(c)]
    if person.pitch:
        blocks += _pitch(c, person.pitch)
    else:
        blocks.append(Para(t("sections.pitch.missing"), ParaStyle.PROMPT))
    blocks.append(ItemList(items(t.list("sections.pitch.tips"))))
    if person.strengths:
        blocks += _strengths(c)
    if person.weaknesses:
        blocks += _weaknesses(c)
    return Section("pitch", t("sections.pitch.title"), blocks)

