"""Who you will meet: one card per interviewer, with what follows from the notes for each."""

from __future__ import annotations

from generator.content.blocks import Block, Card, Item, ItemList, Para, ParaStyle, Section
from generator.content.context import Context, items
from generator.content.matching import role_kind
from generator.models import Interviewer

# Per kind of interviewer: what they care about, and a question to ask them.
ROLE_ADVICE = {
    "hr": ("sections.interviewers.roles.hr.cares", "sections.interviewers.roles.hr.ask"),
    "director": ("sections.interviewers.roles.director.cares", "sections.interviewers.roles.director.ask"),
    "manager": ("sections.interviewers.roles.manager.cares", "sections.interviewers.roles.manager.ask"),
    "colleague": ("sections.interviewers.roles.colleague.cares", "sections.interviewers.roles.colleague.ask"),
    "other": ("sections.interviewers.roles.other.cares", "sections.interviewers.roles.other.ask"),
}


def _interviewer_card(c: Context, person: Interviewer) -> Card:
    t = c.t
    cares, ask = ROLE_ADVICE[role_kind(person.role)]
    opening = "sections.interviewers.met_before" if person.met_before else "sections.interviewers.new_face"
    blocks: list[Block] = [Para(t(opening, name=person.name))]
    if not person.met_before:
        blocks += [Para(t("sections.interviewers.repeat_topics_title"), ParaStyle.TIP),
                   ItemList(items(t.list("sections.interviewers.repeat_topics")))]
    blocks.append(ItemList([
        Item(t(cares), label=t("sections.interviewers.cares_label")),
        Item(t(ask), label=t("sections.interviewers.ask_label")),
    ]))
    badge = t("labels.met_before") if person.met_before else t("labels.new_face")
    return Card(person.name, person.role or "", badge, blocks,
                attrs={"data-interviewer": person.name,
                       "data-met-before": "true" if person.met_before else "false"})


def section_interviewers(c: Context) -> Section:
    """One card per interviewer, with advice for who they are and whether you met them."""
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
    return Section("interviewers", title, [Para(intro, ParaStyle.LEAD), *[_interviewer_card(c, p) for p in people]])
