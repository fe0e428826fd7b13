"""Reading meaning into the candidate's free text: roles, sectors, skills and stories.

Matching ignores case and accents ('Conflicthantering' finds 'conflicthántering'). The words
that tell roles and sectors apart live in each language folder's language.yaml, and those of
every language count, whatever language the pack is in.
"""

from __future__ import annotations

import re
import unicodedata

from generator.language import words
from generator.models import ImprovePoint, Notes, Story

# The kinds of interviewer the pack has advice for, tried in this order; 'other' when none fits.
ROLE_KINDS = ("hr", "director", "manager", "colleague")


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Conflicthantering' matches 'conflicthántering'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def role_kind(role: str | None) -> str:
    """Classify an interviewer's role as hr, director, manager, colleague or other."""
    # Hyphens and slashes separate words too: 'HR-adviseur', 'P&O/recruitment'.
    text = " " + re.sub(r"[^\w&]+", " ", fold(role or "")) + " "
    role_words = words("role_words")
    for kind in ROLE_KINDS:
        for word in role_words.get(kind, ()):
            if (f" {word} " in text) if len(word) <= 3 else (word in text):
                return kind
    return "other"


def is_assessment_sector(sector: str | None) -> bool:
    """True for sectors (government, healthcare) where an assessment often ends the procedure."""
    text = fold(sector or "")
    return any(word in text for word in words("sector_words").get("assessment", ()))


def stories_for(skill: str, stories: list[Story]) -> list[Story]:
    """The stories that show a skill, matched without regard to case or accents."""
    wanted = fold(skill)
    return [story for story in stories if any(fold(s) == wanted for s in story.skills)]


def improve_hint(skill: str, notes: Notes | None) -> str | None:
    """A 'could improve' point from the notes that mentions this skill, if any.

    Compares word stems (the first eight letters), so 'Conflicthantering' finds 'een conflict'.
    """
    if not notes:
        return None
    stems = [word[:8] for word in fold(skill).split() if len(word) >= 4] or [fold(skill)]
    return next((point.text for point in notes.could_improve if any(stem in fold(point.text) for stem in stems)),
                None)


def join_names(names: list[str], word_and: str) -> str:
    """'A', 'A en B', 'A, B en C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {word_and} {names[-1]}"


def first_name(name: str) -> str:
    """The first word of a name: 'Mark' for 'Mark Jansen' (what a letter or a later mention uses)."""
    return name.split()[0] if name.split() else name


def names_person(text: str, name: str) -> bool:
    """True when `text` names the person by first or full name, as a whole word."""
    words = set(re.findall(r"\w+", fold(text)))
    full = fold(name)
    return fold(first_name(name)) in words or (len(full.split()) > 1 and full in fold(text))


def improve_kind(point: ImprovePoint) -> str:
    """What kind of point a 'could improve' note is: as the notes say, else recognised from its words.

    too_long, vague, unknown, nerves, doubt, or other when no word gives it away.
    """
    if point.kind:
        return point.kind
    text = fold(point.text)
    for kind, signs in words("improve_words").items():
        if any(fold(sign) in text for sign in signs):
            return kind
    return "other"
