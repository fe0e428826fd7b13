"""The day itself: arriving, what to bring, a video or panel interview."""

from __future__ import annotations

from generator.content.blocks import Section
from generator.content.context import Context


def section_practical(c: Context) -> Section | None:
    """The chapter `practical` (to be built)."""
    return None
