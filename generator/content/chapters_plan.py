"""The six-step plan, with a date for each step, and the candidate's own dated tasks."""

from __future__ import annotations

from generator.content.blocks import Block, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context
from generator.language import fill


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
