"""Which of the candidate's stories answers a question: pairing by skills and words.

A question gets a story only when the story shares a skill or enough words with it: no story is
better than the wrong one, and a story already given to earlier questions gives way to another
that fits as well, so one story does not answer everything.
"""

from __future__ import annotations

from generator.content.matching import fold, skill_key, stems
from generator.models import Profile, Story

MIN_STORY_SCORE = 2  # a mentioned skill, a word of the title, or two words of the story itself


def mentioned_skills(profile: Profile, text: str) -> list[str]:
    """The required and story skills a free text is about, compared by word stems: every longer
    word of the skill must be in the text ('Technisch leiderschap' is not found in 'technische schuld')."""
    folded = fold(text)
    skills = [*profile.application.required_skills, *(s for story in profile.stories for s in story.skills)]
    unique: dict[str, str] = {}
    for skill in skills:
        unique.setdefault(skill_key(skill), skill)
    return [skill for skill in unique.values() if all(stem in folded for stem in stems(skill) or {fold(skill)})]


def story_score(profile: Profile, text: str, story: Story) -> int:
    """How well a story answers a text: a skill the text is about counts most, then the words
    the text shares with the story's title, then those it shares with the story itself."""
    wanted = stems(text)
    score = 3 * sum(1 for skill in mentioned_skills(profile, text) if skill_key(skill) in map(skill_key, story.skills))
    score += 2 * len(wanted & stems(story.title))
    body = " ".join(part or "" for part in (story.situation, story.task, story.action, story.result))
    return score + len(wanted & stems(body))


def pick_story(profile: Profile, text: str, used: dict[str, int]) -> str:
    """The story that answers a text best, or '' when none shares enough with it (a forced match
    is worse than none); a story already paired with earlier questions gives way to a fresh one
    that fits as well."""
    scored = [(story_score(profile, text, story) - used.get(story.title, 0), story.title) for story in profile.stories
              if story_score(profile, text, story) >= MIN_STORY_SCORE]
    return max(scored, key=lambda pair: pair[0], default=(0, ""))[1]
