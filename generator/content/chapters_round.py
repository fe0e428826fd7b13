"""Chapters 1-4: what round two is about, how it differs, who you will meet, and the plan."""

from __future__ import annotations

from generator.content.blocks import Block, Card, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context, items
from generator.content.matching import role_kind
from generator.language import fill
from generator.models import Interviewer

# Per kind of interviewer: what they care about, and a question to ask them.
ROLE_ADVICE = {
    "hr": ("sections.interviewers.roles.hr.cares", "sections.interviewers.roles.hr.ask"),
    "director": ("sections.interviewers.roles.director.cares", "sections.interviewers.roles.director.ask"),
    "manager": ("sections.interviewers.roles.manager.cares", "sections.interviewers.roles.manager.ask"),
    "colleague": ("sections.interviewers.roles.colleague.cares", "sections.interviewers.roles.colleague.ask"),
    "other": ("sections.interviewers.roles.other.cares", "sections.interviewers.roles.other.ask"),
}


def section_purpose(c: Context) -> Section:
    """Why there is a second round, and that it is the candidate's test of the employer too."""
    paragraphs = c.t.list("sections.purpose.body", **c.values())
    return Section("purpose", c.t("sections.purpose.title"),
                   [Para(p, ParaStyle.LEAD if i == 0 else ParaStyle.BODY) for i, p in enumerate(paragraphs)])


def section_differences(c: Context) -> Section:
    """What is different from round one."""
    return Section("differences", c.t("sections.differences.title"), [
        Para(c.t("sections.differences.intro")),
        ItemList(items(c.t.list("sections.differences.points", **c.values()))),
    ])


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


def _plan_warning(c: Context) -> Para | None:
    """A warning when the plan has to be squeezed into today or tomorrow, or is too late."""
    days = c.schedule.days_to_go
    if days < 0:
        return Para(c.t("sections.plan.past", date=c.date(c.schedule.interview)), ParaStyle.WARNING)
    if days == 0:
        return Para(c.t("sections.plan.compressed_today"), ParaStyle.WARNING)
    if days == 1:
        return Para(c.t("sections.plan.compressed_tomorrow"), ParaStyle.WARNING)
    return None


def section_plan(c: Context) -> Section:
    """The six steps, each with its date, as a checklist."""
    t = c.t
    blocks: list[Block] = [Para(t("sections.plan.intro"))]
    warning = _plan_warning(c)
    if warning:
        blocks.append(warning)
    steps = [Item(fill(step["detail"], **c.values()), label=fill(step["title"], **c.values()),
                  note=c.short_date(day), attrs={"data-step": str(number), "data-date": day.isoformat()})
             for number, (step, day) in enumerate(zip(c.plan_steps, c.schedule.plan, strict=True), start=1)]
    blocks += [ItemList(steps, ListStyle.CHECK), Para(t("sections.plan.start_note"), ParaStyle.TIP)]
    return Section("plan", t("sections.plan.title"), blocks)
