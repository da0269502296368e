"""Operative items: a line that opens with its verb ("Adopt ...", "Encourage ...") and that verb's force.

:func:`opens_with_verb` tells an operative item and the force of its own verb.
"""

from __future__ import annotations

from govrecords.importers._asks import WORD, force_of
from govrecords.importers._text import fold
from govrecords.vocabulary import Force

__all__ = ["opens_with_verb"]


# Verbs that open an operative item ("Adopt data protection laws ...", "Encourage more participation ...").
_OPERATIVE_VERBS = frozenset(
    [
        "adopt",
        "establish",
        "encourage",
        "promote",
        "support",
        "ensure",
        "strengthen",
        "develop",
        "create",
        "set",
        "host",
        "rotate",
        "undertake",
        "open",
        "sensitize",
        "sensitise",
        "provide",
        "publish",
        "invest",
        "build",
        "enhance",
        "increase",
        "improve",
        "facilitate",
        "foster",
        "include",
        "involve",
        "engage",
        "consider",
        "recognise",
        "recognize",
        "request",
        "urge",
        "invite",
        "call",
        "continue",
        "hold",
        "organise",
        "organize",
        "convene",
        "mobilise",
        "mobilize",
        "implement",
        "harmonise",
        "harmonize",
        "review",
        "raise",
        "reduce",
        "lower",
        "make",
        "work",
        "use",
        "take",
        "launch",
        "share",
        "collaborate",
        "cooperate",
        "coordinate",
        "designate",
        "elect",
        "endorse",
        "welcome",
        "acknowledge",
        "affirm",
        "reaffirm",
        "commit",
        "pursue",
        "prioritise",
        "prioritize",
        "expand",
        "extend",
        "allocate",
        "fund",
        "finance",
        "train",
        "educate",
        "protect",
        "respect",
        "uphold",
        "negotiate",
        "integrate",
        "institutionalise",
        "institutionalize",
        "accelerate",
        "advocate",
        "align",
        "bridge",
        "empower",
        "enable",
        "maintain",
        "monitor",
        "mainstream",
        "prepare",
        "recommend",
        "resolve",
        "revise",
        "secure",
        "simplify",
        "strive",
        "submit",
        "translate",
        "upgrade",
        "address",
        "apply",
        "assess",
        "connect",
        "deploy",
        "enact",
        "ensure",
        "explore",
        "identify",
        "introduce",
        "leverage",
        "lead",
        "offer",
        "partner",
        "protect",
        "put",
        "remove",
        "ratify",
        "reform",
        "regulate",
        "reinforce",
        "seek",
        "give",
        "grant",
        "hand",
        "bring",
    ]
)


def opens_with_verb(text: str, start: int, end: int) -> tuple[bool, tuple[Force, str, tuple[int, int]] | None]:
    """Whether an item opens with an operative verb, and the force that verb states itself ("Encourage ...").

    >>> opens_with_verb("Jointly negotiate lower prices", 0, 30)
    (True, None)
    >>> found = opens_with_verb("Encourage more participation", 0, 28)
    >>> found[0], found[1][0].value, found[1][2]
    (True, 'encourage', (0, 9))
    """
    folded, offsets = fold(text, start, min(end, start + 200))
    words = list(WORD.finditer(folded))
    if not words:
        return False, None
    first = 1 if words[0].group().endswith("ly") and len(words) > 1 else 0
    verb = words[first].group()
    if verb not in _OPERATIVE_VERBS:
        return False, None
    wording = folded[words[0].start() : words[min(first + 1, len(words) - 1)].end()]
    own = force_of(verb) or force_of(wording)
    if own is None or own[0] is Force.AGREE:
        return True, None
    at, stop = words[first].start(), words[first].end()
    if own[1] == "call on":
        stop = words[min(first + 1, len(words) - 1)].end()
    return True, (own[0], own[1], (offsets[at], offsets[stop - 1] + 1))
