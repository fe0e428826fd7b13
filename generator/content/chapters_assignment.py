"""The assignment or assessment announced for round two, and how to prepare it."""

from __future__ import annotations

from generator.content.blocks import Block, Heading, Para, ParaStyle, Section
from generator.content.context import Context

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


def section_assessment(c: Context) -> Section | None:
    """Advice for an announced assignment; no chapter when none is announced."""
    assessment = c.profile.application.second_interview.assessment
    if assessment is None:
        return None
    t = c.t
    blocks: list[Block] = [Para(t("sections.assessment.intro"))]
    if assessment.description:
        blocks += [Heading(t("sections.assessment.announced")), Para(assessment.description, ParaStyle.QUOTE)]
    blocks.append(Para(t(ASSESSMENT_ADVICE[assessment.kind]), ParaStyle.TIP))
    return Section("assessment", t("sections.assessment.title"), blocks)
