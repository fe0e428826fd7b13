"""Chapters 1-2: what round two is about and how it differs from round one."""

from __future__ import annotations

from generator.content.blocks import ItemList, Para, ParaStyle, Section
from generator.content.context import Context, items


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
