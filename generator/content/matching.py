"""Reading meaning into the candidate's free text: roles, sectors, skills and stories.

Matching ignores case and accents ('Conflicthantering' finds 'conflicthántering'). The words
that tell roles and sectors apart live in each language folder's language.yaml, and those of
every language count, whatever language the pack is in.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from generator.language import words
from generator.models import ImprovePoint, Notes, Story

# The kinds of interviewer a job title alone can tell apart; 'other' when no word fits. HR wins
# outright ('HR manager' is HR); otherwise the most specific (longest) role word decides, so
# 'afdelingshoofd' is a manager although it holds 'hoofd', and 'productmanager' a colleague.
# On a card, `interviewer_kind` adds 'report': a future team member of a candidate who will lead.
ROLE_KINDS = ("hr", "manager", "director", "colleague")


def fold(text: str) -> str:
    """Lower-case and strip accents, so 'Conflicthantering' matches 'conflicthántering'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def skill_key(skill: str) -> str:
    """A skill as compared with another: folded, without spaces, hyphens or other marks, so
    'Stakeholdermanagement', 'stakeholder management' and 'Stakeholder-management' are one skill."""
    return re.sub(r"[\W_]+", "", fold(skill))


def role_kind(role: str | None) -> str:
    """Classify an interviewer's role as hr, manager, director, colleague or other.

    HR words win outright; otherwise the longest role word found decides (ties go to the kind
    listed first in ROLE_KINDS), so a specific title beats a general word inside it.
    """
    role_words = words("role_words")
    if _longest_word(role, role_words.get("hr", ())):
        return "hr"
    best, length = "other", 0
    for kind in ROLE_KINDS[1:]:
        found = _longest_word(role, role_words.get(kind, ()))
        if found > length:
            best, length = kind, found
    return best


def is_assessment_sector(sector: str | None) -> bool:
    """True for sectors (government, healthcare) where an assessment often ends the procedure."""
    text = fold(sector or "")
    return any(word in text for word in words("sector_words").get("assessment", ()))


def stories_for(skill: str, stories: list[Story]) -> list[Story]:
    """The stories that show a skill, matched without regard to case, accents, spaces or hyphens."""
    wanted = skill_key(skill)
    return [story for story in stories if any(skill_key(s) == wanted for s in story.skills)]


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


def stems(text: str) -> set[str]:
    """The first six letters of each longer, meaningful word: enough to see that 'delegeren' and
    'delegeerde' or 'perfectionism' and 'perfect' are about the same thing."""
    common = set(words("common_words").get("all", ()))
    return {word[:6] for word in re.findall(r"\w+", fold(text)) if len(word) >= 5 and word not in common}


def _longest_word(role: str | None, role_words: tuple[str, ...]) -> int:
    """The length of the longest of these words in a job title, 0 when none is in it.

    Hyphens and slashes separate words ('HR-adviseur', 'P&O/recruitment'). Words of three letters
    or fewer must stand alone ('hr', 'cto'); longer ones may be part of a word ('personeelsadviseur').
    """
    text = " " + re.sub(r"[^\w&]+", " ", fold(role or "")) + " "
    found = [len(word) for word in map(fold, role_words)
             if ((f" {word} " in text) if len(word) <= 3 else (word in text))]
    return max(found, default=0)


def is_senior(role: str | None) -> bool:
    """True for a leading or senior role (lead, manager, senior, staff, principal): such a hire
    asks about priorities and influence, not about the staff restaurant."""
    return leads(role) or _longest_word(role, words("leader_words").get("senior", ())) > 0


def leads(role: str | None) -> bool:
    """True for a leadership role (teamleider, manager, head of; not a staff engineer, who is
    senior but leads no one): the candidate who takes it will lead the team members they meet,
    which changes what those people want to know."""
    return _longest_word(role, words("leader_words").get("all", ())) > 0


def interviewer_kind(role: str | None, own_role: str | None) -> str:
    """The kind of interviewer seen from the candidate's own role: `role_kind`, except that a
    future team member of a candidate taking a leadership role is a 'report', not a peer."""
    kind = role_kind(role)
    if kind == "colleague" and _longest_word(role, words("role_words").get("report", ())) and leads(own_role):
        return "report"
    return kind


def skills_named(text: str, skills: list[str]) -> list[str]:
    """The skills a free text is about, compared on the first eight letters of each longer word
    of the skill (as `improve_hint` does), so 'Conflicthantering' finds 'een conflict'."""
    folded = fold(text)
    return [skill for skill in skills
            if any(stem in folded for stem in [w[:8] for w in fold(skill).split() if len(w) >= 4] or [fold(skill)])]


def story_about(text: str, skills: list[str], stories: list[Story]) -> Story | None:
    """The story that fits a notes item: one showing a required skill the item is about, else one
    whose title or skills share a word stem with it ('Black Friday-verhaal' finds 'Black Friday ...')."""
    for skill in skills_named(text, skills):
        found = stories_for(skill, stories)
        if found:
            return found[0]
    wanted = stems(text)
    return next((story for story in stories if wanted & _story_stems(story.title, tuple(story.skills))), None)


@lru_cache(maxsize=4096)
def _story_stems(title: str, skills: tuple[str, ...]) -> frozenset[str]:
    """The word stems of a story's title and skills, worked out once: every notes item is compared
    with every story, and a profile may hold hundreds of both."""
    return frozenset(stems(" ".join([title, *skills])))


ROLE_LINKED = ("could_improve", "open_questions")  # the notes lists a job title in them links to a card
MIN_ROLE_LETTERS = 8  # a job title specific enough to find in a note (productmanager, recruiter is too short)


class Mentions:
    """Which notes items name which person (the rule of `names_person`), each item folded once.

    `Context.mentions` folds every item again for every person; a card per interviewer asks it
    items x people times, which a hostile profile with hundreds of both turns into many seconds.
    """

    def __init__(self, lists: dict[str, list[str]]) -> None:
        self._lists = {key: [(entry, fold(entry), set(re.findall(r"\w+", fold(entry)))) for entry in entries]
                       for key, entries in lists.items()}

    def of(self, name: str) -> dict[str, list[str]]:
        """The items that name this person by first or full name, by notes key (keys without any left out)."""
        full, first = fold(name), fold(first_name(name))
        several = len(full.split()) > 1
        found: dict[str, list[str]] = {}
        for key, entries in self._lists.items():
            hits = [entry for entry, folded, words in entries if first in words or (several and full in folded)]
            if hits:
                found[key] = hits
        return found

    def of_role(self, role: str | None) -> dict[str, list[str]]:
        """The could-improve points and open questions that name this person's job ('productmanagers'
        for a Productmanager): what went wrong or stayed open about that kind of colleague concerns
        them too. Facts (a head count of 'verpleegkundigen') are no reason to link. Only a specific
        job title of one word of at least eight letters counts, so 'Manager' finds nothing."""
        title = fold(re.sub(r"\(.*?\)", "", role or "")).strip()
        if " " in title or len(title) < MIN_ROLE_LETTERS:
            return {}
        found = {key: [entry for entry, folded, _ in entries if title in folded]
                 for key, entries in self._lists.items() if key in ROLE_LINKED}
        return {key: hits for key, hits in found.items() if hits}


def mentions_word(text: str, word_list: tuple[str, ...]) -> bool:
    """True when `text` holds a word or phrase of the list, without regard to case or accents.

    An entry matches whole words only ('bus' misses 'business'); a trailing * lets it start a
    longer word ('parkeer*' finds 'parkeerplaats') but never end one ('visie*' misses 'televisie').
    """
    folded = fold(text)
    for word in word_list:
        entry = fold(word)
        end = "" if entry.endswith("*") else r"(?!\w)"
        if re.search(r"(?<!\w)" + re.escape(entry.rstrip("*")) + end, folded):
            return True
    return False
