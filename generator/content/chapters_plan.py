"""The six-step plan, with a date for each step, and the candidate's own dated tasks."""

from __future__ import annotations

from generator.content.blocks import Block, Heading, Item, ItemList, ListStyle, Para, ParaStyle, Section
from generator.content.context import Context
from generator.content.tasks import personal_tasks


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


def _task_list(c: Context) -> list[Block]:
    """The candidate's own tasks as a dated checklist; what they are about (a skill, a story title,
    in the candidate's words) is the bold label, never part of our sentence."""
    tasks = [Item(task.title, label=task.subject, note=c.short_date(task.day),
                  attrs={"data-task": task.kind, "data-date": task.day.isoformat()})
             for task in personal_tasks(c)]
    return [Heading(c.t("sections.plan.tasks.title")), Para(c.t("sections.plan.tasks.intro")),
            ItemList(tasks, ListStyle.CHECK)]


def section_plan(c: Context) -> Section:
    """The six steps, each with its date, then the tasks that follow from this candidate's data.

    The steps are the backbone everyone gets; the tasks make the plan this candidate's own.
    """
    t = c.t
    blocks: list[Block] = [Para(t("sections.plan.intro"))]
    warning = _plan_warning(c)
    if warning:
        blocks.append(warning)
    steps = [Item(step["detail"], label=step["title"], note=c.short_date(day),
                  attrs={"data-step": str(number), "data-date": day.isoformat()})
             for number, (step, day) in enumerate(zip(c.plan_steps, c.schedule.plan, strict=True), start=1)]
    blocks += [ItemList(steps, ListStyle.CHECK), *_task_list(c), Para(t("sections.plan.start_note"), ParaStyle.TIP)]
    return Section("plan", t("sections.plan.title"), blocks)
