"""The role labels people are named under ("Moderator:", "Organizer 1:") and what a plausible candidate is.

:data:`ROLE_LABELS` maps label wordings to roles, :func:`read_role_label` reads
one label, :class:`Candidate` is a person or organisation found in a role, and
:func:`plausible` tells whether a candidate has the shape its role admits.
"""

from __future__ import annotations

import functools
import re

import attrs

from govrecords.importers._names import NAME_MEMO, is_label_word, is_organisation, is_person_name
from govrecords.importers._speakers import ParsedParticipant
from govrecords.importers._text import fold_text
from govrecords.vocabulary import Role, StakeholderKind, read_regional_group, read_stakeholder

__all__ = [
    "JOINERS",
    "LABEL_BODY",
    "LABEL_CORE",
    "LABEL_HEAD",
    "LABEL_LIMIT",
    "ORG_CONNECT",
    "ORG_ROLES",
    "PARTS_LIMIT",
    "PRONOUNS",
    "ROLE_LABELS",
    "clearly_not",
    "only_a_group",
    "plausible",
    "read_role_label",
]

ORG_ROLES = frozenset({Role.ORGANISER, Role.CO_ORGANISER})
PARTS_LIMIT = 8
LABEL_LIMIT = 500
_NOT_NAME_START = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "have",
        "has",
        "no",
        "yes",
        "please",
        "provide",
        "description",
        "questions",
        "name",
        "names",
        "family",
        "first",
        "list",
        "page",
        "civil",
        "private",
        "see",
        "none",
        "tbd",
        "tbc",
        "n/a",
    }
)

ROLE_LABELS: tuple[tuple[str, Role], ...] = (
    (r"(?:organi[sz]ing team\s*/\s*)?focal points?", Role.FOCAL_POINT),
    (r"co-?proposer(?:'s|\u2019s|s)?(?:\s+name)?", Role.CO_ORGANISER),
    (r"(?:institutional\s+)?co-?organi[sz]ers?(?:\s*\(s\))?", Role.CO_ORGANISER),
    (r"(?:main\s+)?proposer(?:'s|\u2019s)?\s+name", Role.ORGANISER),
    (r"(?:workshop\s+)?(?:proposal\s+)?submitted by", Role.ORGANISER),
    (r"organi[sz]ing team(?:\s*\(org team\))?|org team", Role.ORGANISER),
    (r"(?:workshop\s+|session\s+)?organi[sz]ers?(?:\s*\(s\))?|organi[sz]ed by", Role.ORGANISER),
    (r"(?:name of\s+)?(?:online|remote)(?:\s+participation)?\s+moderators?(?:\s*\(s\))?", Role.REMOTE_MODERATOR),
    (r"chair(?:person)?\s*(?:/|&|and)\s*moderators?", Role.MODERATOR),
    (r"(?:name of\s+)?(?:in-person\s+|onsite\s+|on-site\s+|lead\s+)?(?:co-?)?moderators?(?:\s*\(s\))?", Role.MODERATOR),
    (r"moderated by|facilitators?|facilitated by", Role.MODERATOR),
    (r"(?:co-?)?chair(?:person|man|woman|s)?|chaired by|directed by", Role.CHAIR),
    (r"rapporteurs?\s*/\s*note\s*-?\s*takers?|(?:name of\s+)?rapporteurs?(?:\s*\(s\))?|reporters?", Role.RAPPORTEUR),
    (r"note\s*-?\s*takers?|reported by|minutes taken by|minute taker|compiled by|notes", Role.RAPPORTEUR),
    (r"list of speakers(?:\s+and their (?:institutional\s+)?affiliations)?", Role.SPEAKER),
    (r"(?:additional\s+|confirmed\s+|proposed\s+|invited\s+)?speakers?(?:\s*#?\s*\d+)?|panel(?:l)?ists?", Role.SPEAKER),
    (
        r"key participants(?:\s*\(for workshop\) or panel(?:l)?ists \(for plenary\))?|lecturers|presenters?",
        Role.SPEAKER,
    ),
    (r"keynote speakers?|discussants?|resource persons?", Role.SPEAKER),
    (r"editors?|edited by", Role.EDITOR),
    (r"contact person", Role.CONTACT),
    (r"(?:members\s+)?present|attendees|attending|participants present", Role.PARTICIPANT),
)
# A form's instruction used as a label: "Provide the names and affiliations of the panellists ...:"
_INSTRUCTION = (
    r"(?:please\s+)?(?:provide|give|list|enter|indicate)\b[^:\n|]{0,200}?(?=[\s\u00a0]*(?::|\Z|\r?$))"
    r"|names?(?:,|\s+of\b)[^:\n|]{0,200}?(?=[\s\u00a0]*(?::|\Z|\r?$))"
)
LABEL_BODY = "|".join(f"(?:{pattern})" for pattern, _ in ROLE_LABELS)
# where a label may stand: the line's start (after a marker), or after a wide gap, " - ", " | " on a flattened line
LABEL_CORE = (
    r"(?:(?:[-*\u2022\u00b7]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])[\s\u00a0]+)?"
    rf"(?P<label>(?:{LABEL_BODY})(?:[\s\u00a0]+(?:and|&)[\s\u00a0]+(?:{LABEL_BODY})(?=[\s\u00a0]*:))?"
    rf"(?:[\s\u00a0]*#?[\s\u00a0]*\d{{1,2}}\b)?(?:[\s\u00a0]*\([^)\n]{{0,80}}\))?"
    rf"|{_INSTRUCTION})"
    r"(?:[\s\u00a0]+(?:provisionally[\s\u00a0]+)?(?:confirmed|invited|tbc|to[\s\u00a0]+be[\s\u00a0]+confirmed)"
    r"(?=[\s\u00a0]*:))?"  # "Speakers provisionally confirmed:": the label, then the status of its list
    r"(?:,[^:\n|]{0,60})?[\s\u00a0]*(?P<sep>:[\s\u00a0]*\|?|\|)?"
)
# a label at the start of a line (``match`` anchors it there) ...
LABEL_HEAD = re.compile(LABEL_CORE, re.IGNORECASE)
_ROLE_OF = [(re.compile(rf"(?:{pattern})\Z", re.IGNORECASE), role) for pattern, role in ROLE_LABELS]
JOINERS = ("of", "for", "and", "the", "de", "du", "des", "la", "del", "&", ",", "-", "\u2013")
PRONOUNS = frozenset({"I", "We", "He", "She", "It", "They", "This", "That", "Our", "My"})
ORG_CONNECT = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "del", "on", "&", "in"})


@attrs.frozen
class Candidate:
    """A person or organisation found in a role: the span of its whole mention, and its parts."""

    role: Role
    whole: tuple[int, int]
    parsed: ParsedParticipant
    organisation: bool
    more_name: tuple[int, int] | None = None  # a family name given under its own label


def plausible(name: str, role: Role | None, *, organisation: bool = False, single: bool = False) -> bool:
    """Whether *name* can be a participant in *role*: a personal name, or an organisation where one fits.

    >>> plausible("Family name / Surname", Role.CONTACT), plausible("Ministry of ICT", Role.ORGANISER)
    (False, True)
    >>> plausible("Ministry of ICT", Role.SPEAKER)
    False
    """
    if only_a_group(name):
        return False
    if is_person_name(name, single=single):
        return True
    return (organisation or role in ORG_ROLES) and is_organisation(name)


@functools.lru_cache(maxsize=NAME_MEMO)
def only_a_group(name: str) -> bool:
    """Whether *name* is only a stakeholder or regional group's wording ("Technical Community"), which names nobody."""
    if read_regional_group(name) is not None:
        return True
    halves = ("western european and {}", "latin american and {}", "{} and others group", "{} and caribbean group")
    if any(read_regional_group(whole.format(name)) is not None for whole in halves):
        return True  # "Others Group": half of a regional group's name cut at "and" by a wrapped line
    words = name.split()
    if read_stakeholder(name) is StakeholderKind.UNKNOWN or name.lower().startswith(("government", "parliament")):
        return False
    return len(words) <= 2 or not is_organisation(name) or words[-1].lower() in {"organization", "organisation"}


def clearly_not(name: str, role: Role | None, *, organisation: bool) -> bool:
    """Whether a value the template read as a participant is plainly no name: a rule, a label, a sentence."""
    words = name.split()
    if only_a_group(name):
        return True
    if not words or any(char in name for char in ":|?/") or len(words) > 6 or len(words) == 1:
        return True
    if fold_text(words[0]).strip(".,") in _NOT_NAME_START or (is_label_word(words[0]) and not is_organisation(name)):
        return True
    if all(word[:1].islower() for word in words[1:]):
        return True
    return is_organisation(name) and not organisation and role not in ORG_ROLES


@functools.lru_cache(maxsize=NAME_MEMO)
def read_role_label(label: str) -> Role | None:
    """The role a label names ("Organizer 1", "Co-Proposer's Name", "Provide the names of the panellists...").

    >>> read_role_label("Co-Proposer's Name"), read_role_label("Speaker 3"), read_role_label("Title")
    (<Role.CO_ORGANISER: 'co_organiser'>, <Role.SPEAKER: 'speaker'>, None)
    """
    words = " ".join(label.split()).strip(" :|*")
    bare = re.sub(r"[\s\u00a0]*(?:#[\s\u00a0]*)?\d{1,2}\Z", "", words)
    bare = re.sub(r"[\s\u00a0]*\((?!s\))[^)]*\)\Z", "", bare)
    for pattern, role in _ROLE_OF:
        if pattern.match(bare) or pattern.match(words):
            return role
    lowered = fold_text(words)
    if not re.match(r"(?:please )?(?:provide|give|list|enter|indicate|names?\b)", lowered):
        return None
    for needle, role in (
        ("co-organi", Role.CO_ORGANISER),
        ("co-proposer", Role.CO_ORGANISER),
        ("remote moderator", Role.REMOTE_MODERATOR),
        ("online moderator", Role.REMOTE_MODERATOR),
        ("moderator", Role.MODERATOR),
        ("rapporteur", Role.RAPPORTEUR),
        ("panel", Role.SPEAKER),
        ("speaker", Role.SPEAKER),
        ("organi", Role.ORGANISER),
    ):
        if needle in lowered:
            return role
    return None
