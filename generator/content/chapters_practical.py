"""The day itself: when to be there, the route, what to bring, and what a video, phone or panel
interview asks of you.

Practical worries cost attention on the day; settled beforehand, they leave it all for the
conversation. Times are computed from the interview's start, and what the candidate noted about
getting there in round one (parking, the station, the reception) is shown as written.
"""

from __future__ import annotations

import datetime as dt

from generator.content.blocks import Block, Heading, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context, items
from generator.content.matching import mentions_word
from generator.language import words

# How long before the start to be there: at the door in person, at the screen or phone otherwise.
ARRIVE_EARLY = {"in_person": 15, "video": 5, "phone": 5}

# When to be ready, per kind of interview.
ARRIVE = {
    "in_person": "sections.practical.arrive.in_person",
    "video": "sections.practical.arrive.video",
    "phone": "sections.practical.arrive.phone",
}

# What to have with you, and the assignment on top when one is announced.
BRING = {
    "in_person": "sections.practical.bring.in_person",
    "video": "sections.practical.bring.video",
    "phone": "sections.practical.bring.phone",
}
BRING_ASSIGNMENT = {
    "in_person": "sections.practical.bring_assignment.in_person",
    "video": "sections.practical.bring_assignment.remote",
    "phone": "sections.practical.bring_assignment.remote",
}

PANEL_SIZE = 3  # from three people on, the conversation asks for some extra care


def practical_notes(c: Context) -> list[str]:
    """The notes from round one about getting there: parking, route, station, reception."""
    if c.notes is None:
        return []
    signs = words("practical_words").get("arrival", ())
    pool = [*c.notes.learned, *(entry for entries in c.notes.other.values() for entry in entries)]
    return list(dict.fromkeys(entry for entry in pool if mentions_word(entry, signs)))


def _arrival(c: Context) -> list[Block]:
    """When to be there, as a time; where, as the candidate wrote it; and the route advice."""
    interview = c.profile.application.second_interview
    blocks: list[Block] = [Heading(c.t("sections.practical.arrival_title"))]
    if interview.time:
        start = dt.datetime.combine(interview.date, interview.time)
        ready = (start - dt.timedelta(minutes=ARRIVE_EARLY[c.mode])).strftime("%H:%M")
        blocks.append(Para(c.t(ARRIVE[c.mode], time=ready), ParaStyle.LEAD))
    else:
        blocks.append(Para(c.t("sections.practical.arrive.no_time"), ParaStyle.PROMPT))
    if interview.location:
        blocks.append(ItemList([Item(interview.location, label=c.t("sections.practical.where"))], ListStyle.PLAIN))
    if c.mode == "in_person":
        blocks.append(ItemList(items(c.t.list("sections.practical.route"))))
    noted = practical_notes(c)
    if noted:
        blocks += [Para(c.t("sections.practical.from_notes"), ParaStyle.TIP), ItemList(items(noted))]
    return blocks


def _bring(c: Context) -> list[Block]:
    """What to bring or have at hand, with the assignment when one is announced."""
    things = c.t.list(BRING[c.mode])
    if c.profile.application.second_interview.assessment is not None:
        things.insert(1, c.t(BRING_ASSIGNMENT[c.mode]))
    return [Heading(c.t("sections.practical.bring_title")), ItemList(items(things), ListStyle.CHECK)]


def _mode_advice(c: Context) -> list[Block]:
    """For video, a check of the technology and the room the day before; for phone, what differs."""
    if c.mode == "video":
        check_on = c.schedule.day_at(1.0)
        return [Heading(c.t("sections.practical.video_title")),
                Para(c.t("sections.practical.video_when", date=c.date(check_on))),
                ItemList(items(c.t.list("sections.practical.video_checks")), ListStyle.CHECK)]
    if c.mode == "phone":
        return [Heading(c.t("sections.practical.phone_title")),
                ItemList(items(c.t.list("sections.practical.phone_tips")))]
    return []


def _panel(c: Context) -> list[Block]:
    """How to talk to several people at once, from three interviewers on."""
    count = len(c.interviewers)
    if count < PANEL_SIZE:
        return []
    return [Heading(c.t("sections.practical.panel_title")), Para(c.t("sections.practical.panel_intro", n=count)),
            ItemList(items(c.t.list("sections.practical.panel_tips")))]


def section_practical(c: Context) -> Section:
    """The chapter `practical`: arriving, what to bring, and the kind of interview."""
    blocks: list[Block] = [Para(c.t("sections.practical.intro"))]
    blocks += _arrival(c) + _bring(c) + _mode_advice(c) + _panel(c)
    return Section("practical", c.t("sections.practical.title"), blocks)
