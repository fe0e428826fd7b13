"""Who you will meet: one card per interviewer, reasoned from what is known about that person.

A card is built from three things: what the notes of round one say about this person (items
that name them by first or full name), whether the candidate met them before, and the kind of
role they have, seen from the candidate's own role (a future team member is someone a team
leader will lead, not a peer). So two people on one panel get different advice, and a card says
what to bring for *them*: the story that answers their doubt, the story they liked, one layer
deeper. The person's name is the card's title only; our sentences never contain it, and the
candidate's notes are shown as their own list items, so no user text is spliced into our words.
"""

from __future__ import annotations

from generator.content.blocks import Block, Card, Heading, Item, ItemList, Para, ParaStyle, Section
from generator.content.context import Context, items
from generator.content.matching import Mentions, improve_kind, interviewer_kind, skills_named, stories_for, story_about
from generator.models import Interviewer

# Per kind of interviewer (matching.interviewer_kind): what they care about, a question to ask
# them, and what to find out about them when the notes say nothing about them.
ROLE_ADVICE = {
    "hr": ("sections.interviewers.roles.hr.cares", "sections.interviewers.roles.hr.ask",
           "sections.interviewers.roles.hr.find"),
    "director": ("sections.interviewers.roles.director.cares", "sections.interviewers.roles.director.ask",
                 "sections.interviewers.roles.director.find"),
    "manager": ("sections.interviewers.roles.manager.cares", "sections.interviewers.roles.manager.ask",
                "sections.interviewers.roles.manager.find"),
    "colleague": ("sections.interviewers.roles.colleague.cares", "sections.interviewers.roles.colleague.ask",
                  "sections.interviewers.roles.colleague.find"),
    "report": ("sections.interviewers.roles.report.cares", "sections.interviewers.roles.report.ask",
               "sections.interviewers.roles.report.find"),
    "other": ("sections.interviewers.roles.other.cares", "sections.interviewers.roles.other.ask",
              "sections.interviewers.roles.other.find"),
}

# The notes lists that can name a person, in card order, each under our own heading.
MENTION_HEADINGS = {
    "went_well": "sections.interviewers.liked",
    "learned": "sections.interviewers.asked",
    "could_improve": "sections.interviewers.doubted",
    "open_questions": "sections.interviewers.open",
}

# What to bring for a point that went less well with this person, by its kind, when no story answers it.
BRING_FOR_POINT = {
    "too_long": "sections.interviewers.bring.too_long",
    "vague": "sections.interviewers.bring.vague",
    "unknown": "sections.interviewers.bring.unknown",
    "nerves": "sections.interviewers.bring.nerves",
    "doubt": "sections.interviewers.bring.doubt",
    "other": "sections.interviewers.bring.other",
}


def _opening(c: Context, person: Interviewer, known: bool, by_role: bool = False) -> str:
    """The card's first line: met before or new, and whether the notes tell us anything about them
    (by name, or only about their kind of job)."""
    if by_role:
        return c.t("sections.interviewers.role_known")
    if person.met_before:
        return c.t("sections.interviewers.met_known") if known else c.t("sections.interviewers.met_unknown")
    return c.t("sections.interviewers.new_known") if known else c.t("sections.interviewers.new_unknown")


def _mentions(c: Context, found: dict[str, list[str]], by_role: bool = False) -> list[Block]:
    """The notes items that name this person, each list under our heading, as the candidate wrote
    them; items that only name their job, under one heading that says so."""
    if by_role:
        return [Heading(c.t("sections.interviewers.about_role"), level=3),
                ItemList(items([entry for key in MENTION_HEADINGS for entry in found.get(key, [])]))]
    blocks: list[Block] = []
    for key, heading in MENTION_HEADINGS.items():
        if found.get(key):
            blocks += [Heading(c.t(heading), level=3), ItemList(items(found[key]))]
    return blocks


def _bring_for_point(c: Context, text: str) -> Item:
    """A doubt or weak answer: the story that answers it, else the missing story to write, else
    what to do about this kind of point. A story told too long or nervously needs telling better,
    not defending, so it keeps the advice of its kind."""
    point = next((p for p in c.notes.could_improve if p.text == text), None) if c.notes else None
    kind = improve_kind(point) if point else "other"
    skills = c.profile.application.required_skills
    story = story_about(text, skills, c.profile.stories)
    if story:
        key = BRING_FOR_POINT[kind] if kind in ("too_long", "nerves") else "sections.interviewers.bring.evidence"
        return Item(c.t(key), label=story.title)
    gap = next((skill for skill in skills_named(text, skills) if not stories_for(skill, c.profile.stories)), None)
    if gap:
        return Item(c.t("sections.interviewers.bring.gap"), label=gap)
    return Item(c.t(BRING_FOR_POINT[kind]))


def _bring_for_strength(c: Context, text: str, with_story: str, without: str) -> Item:
    """Something they liked or care about: go deeper, with the story that fits when there is one."""
    story = story_about(text, c.profile.application.required_skills, c.profile.stories)
    return Item(c.t(with_story), label=story.title) if story else Item(c.t(without))


def _bring(c: Context, person: Interviewer, found: dict[str, list[str]]) -> list[Block]:
    """What to bring for this person, worked out from what the notes say about them, in the order
    of the lists above it (liked, asked or cares about, doubted); the same advice only once."""
    t = c.t
    bring = [_bring_for_strength(c, text, "sections.interviewers.bring.liked_story",
                                 "sections.interviewers.bring.liked") for text in found.get("went_well", [])]
    if person.met_before:
        bring += [_bring_for_strength(c, text, "sections.interviewers.bring.deeper_story",
                                      "sections.interviewers.bring.deeper") for text in found.get("learned", [])]
    else:
        bring += [_bring_for_strength(c, text, "sections.interviewers.bring.cares_story",
                                      "sections.interviewers.bring.cares") for text in found.get("learned", [])]
    bring += [_bring_for_point(c, text) for text in found.get("could_improve", [])]
    unique = list({(item.label, item.text): item for item in bring}.values())  # equal items, first place kept
    return [Heading(t("sections.interviewers.bring_title"), level=3), ItemList(unique)] if unique else []


def _landed_stories(c: Context) -> list[str]:
    """The titles of the stories that went well in round one (read from the notes), in order."""
    went_well = c.notes.went_well if c.notes else []
    found = [story_about(text, c.profile.application.required_skills, c.profile.stories) for text in went_well]
    return list(dict.fromkeys(story.title for story in found if story))


def _first_round_again(c: Context, landed: list[str]) -> list[Block]:
    """For a new face: the round-one basics to prepare again, and the stories that landed then."""
    t = c.t
    blocks: list[Block] = [Para(t("sections.interviewers.repeat_topics_title"), ParaStyle.TIP),
                           ItemList(items(t.list("sections.interviewers.repeat_topics")))]
    if landed:
        blocks += [Para(t("sections.interviewers.landed_title")), ItemList(items(landed))]
    return blocks


def panel_mentions(c: Context) -> Mentions:
    """The notes lists that can name a person (the same as `Context.mentions` reads), indexed once
    for the whole panel."""
    notes = c.notes
    if not notes:
        return Mentions({})
    return Mentions({"learned": notes.learned, "went_well": notes.went_well,
                     "could_improve": [p.text for p in notes.could_improve], "open_questions": notes.open_questions})


def _interviewer_card(c: Context, person: Interviewer, found: dict[str, list[str]], landed: list[str],
                      role_found: dict[str, list[str]]) -> Card:
    t = c.t
    kind = interviewer_kind(person.role, c.profile.application.role)
    cares, ask, find = ROLE_ADVICE[kind]
    lens = ItemList([Item(t(cares), label=t("sections.interviewers.cares_label")),
                     Item(t(ask), label=t("sections.interviewers.ask_label"))])
    by_role = not found and bool(role_found)
    found = found or role_found
    blocks: list[Block] = [Para(_opening(c, person, bool(found), by_role)), lens, *_mentions(c, found, by_role),
                           *_bring(c, person, {} if by_role else found)]  # not "for them": they were not there
    if not person.met_before:
        blocks += _first_round_again(c, landed)
    if not found:
        blocks.append(Para(t("sections.interviewers.recall") if person.met_before else t(find), ParaStyle.PROMPT))
    badge = t("labels.met_before") if person.met_before else t("labels.new_face")
    return Card(person.name, person.role or "", badge, blocks,
                attrs={"data-interviewer": person.name,
                       "data-met-before": "true" if person.met_before else "false"})


def section_interviewers(c: Context) -> Section:
    """One card per interviewer, with advice for who they are, whether you met them and what the
    notes say about them."""
    t = c.t
    people = c.profile.application.second_interview.interviewers
    title = t("sections.interviewers.title")
    if not people:
        return Section("interviewers", title, [Para(t("sections.interviewers.none"), ParaStyle.PROMPT)])
    met = sum(p.met_before for p in people)
    if met == len(people):
        intro = t("sections.interviewers.all_met")
    elif met == 0:
        intro = t("sections.interviewers.all_new")
    else:
        intro = t("sections.interviewers.mixed")
    named, landed = panel_mentions(c), _landed_stories(c)  # worked out once for the whole panel
    return Section("interviewers", title,
                   [Para(intro, ParaStyle.LEAD), *[_interviewer_card(c, p, named.of(p.name), landed,
                                                                    named.of_role(p.role)) for p in people]])
