"""What they will probably ask you: questions drawn from everything the candidate gave, each
paired with the story to answer it."""

from __future__ import annotations

from generator.content.blocks import Section
from generator.content.context import Context


def section_likely_questions(c: Context) -> Section | None:
    """The chapter `likely-questions` (to be built)."""
    return None


def top_likely_questions(c: Context) -> list[str]:
    """The three most likely questions, for the summary page."""
    return []
