"""Consensus cues: the phrase a sentence states the room's consensus level with ("Participants agreed that").

:func:`find_cue` finds the phrase that states a consensus level, and only in a
form that reports the outcome of the room (a collective subject, "there was",
"consensus emerged"...): "Mr X disagreed" or "decided by rough consensus" state
none. :func:`continues_cue` tells a sentence that carries on the previous one's cue.
"""

from __future__ import annotations

import re

import attrs

from govrecords.importers._sentences import SENTENCE_LIMIT
from govrecords.importers._text import fold
from govrecords.vocabulary import ConsensusLevel

__all__ = ["Cue", "continues_cue", "find_cue"]


@attrs.frozen
class Cue:
    """A consensus level a sentence states, and the span of the words that state it."""

    level: ConsensusLevel
    start: int
    end: int


# --- consensus cues ---------------------------------------------------------------------------------------------

_SUBJECTS = (
    r"(?:(?:all|most|the|both|many of the|most of the|all the|the other)\s+)?"
    r"(?:participants|speakers|panel+ists|panel|group|groups|delegates|delegations|attendees|fellows|members|"
    r"stakeholders|experts|discussants|contributors|meeting|forum|session|workshop|room|committee|audience|"
    r"respondents|sides|parties|organi[sz]ers|panels|conference|plenary|working group|task force|those present|"
    r"everyone|everybody|all|we)"
)
_AGREE_ADVERBS = r"(?:also|all|broadly|generally|largely|widely|unanimously|fully|strongly|mostly|clearly|readily)"
_QUALIFIED_SUPPORT = frozenset(
    {"broad", "wide", "widespread", "general", "overwhelming", "strong", "unanimous", "full"}
)
_BROAD_ADVERBS = frozenset({"broadly", "generally", "largely", "widely", "mostly"})
_NOUNS = r"(?:consensus|agreement|support|common view|convergence|common understanding|shared view)"
_QUALIFIERS = (
    r"(?:rough|broad|wide|widespread|general|overwhelming|strong|clear|full|unanimous|emerging|growing|"
    r"near|no)"
)
_VARIED_VERBS = (
    r"(?:disagreed|differed|were divided|were split|remained divided|could not agree|did not agree|"
    r"failed to agree|held different views|had different views|held differing views|were not able to agree)"
)

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "There was (broad) agreement/consensus/support that/on/for ..."
    (
        re.compile(
            r"\bthere\s+(?:was|is|has been|were|appeared to be|seemed to be|remains|remained)\s+(?:also\s+)?"
            r"(?P<cue>(?:(?:a|an)\s+)?(?:" + _QUALIFIERS + r"\s+){0,2}" + _NOUNS + r")\b(?![- ]?(?:based|building))"
        ),
        "noun",
    ),
    (
        re.compile(
            r"\bthere\s+(?:was|is|were|has been)\s+(?P<cue>(?:(?:a|an|some|considerable|much|strong)\s+)?"
            r"(?:disagreement|divergence of (?:views|opinions)|difference of (?:views|opinions)|"
            r"(?:differing|diverging|divergent|conflicting|opposing)\s+(?:views|opinions)))\b"
        ),
        "varied",
    ),
    # "(After a long exchange,) consensus emerged that ...", "Rough consensus was reached that ..."
    (
        re.compile(
            r"^(?:[^,]{0,80},\s+)?(?P<cue>(?:(?:the|a|an)\s+)?(?:"
            + _QUALIFIERS
            + r"\s+){0,2}"
            + _NOUNS
            + r"\s+(?:(?:also\s+)?(?:was|has been|could be)\s+(?:reached|found|achieved|expressed|not reached)|emerged|"
            r"has emerged|began to emerge|is emerging|was emerging|existed|exists|could not be reached|"
            r"was not reached))\b"
        ),
        "noun",
    ),
    (
        re.compile(
            r"^(?:the\s+)?(?P<cue>(?:" + _QUALIFIERS + r"\s+){0,2}(?:consensus|agreement|common view))\s+"
            r"(?:of|among|in)\s+[^.;]{1,120}?\s+(?:was|is)\s+that\b"
        ),
        "noun",
    ),
    # a headline: "Broad agreement on a youth track", "Rough consensus that ..."
    (
        re.compile(
            r"^(?:(?:a|an|the)\s+)?(?P<cue>(?:(?:"
            + _QUALIFIERS
            + r")\s+){1,2}(?:consensus|agreement|support|common view)|"
            r"consensus|common view)\s+(?:on|that|for|about|over|regarding|in favour of|among|in)\b"
        ),
        "noun",
    ),
    # "... reached (a rough) consensus", "noted an emerging consensus"
    (
        re.compile(
            r"\b(?P<cue>(?:reached|reaching|found|achieved|noted|observed|identified|expressed|showed|voiced)\s+"
            r"(?:(?:a|an)\s+)?(?:" + _QUALIFIERS + r"\s+){0,2}(?:consensus|agreement|common view|support))\b"
            r"(?![- ]?(?:based|building))"
        ),
        "noun",
    ),
    (
        re.compile(
            r"\b(?P<cue>(?:did not|could not|failed to|was unable to|were unable to)\s+reach\s+(?:a\s+)?"
            r"(?:consensus|agreement|common view))\b"
        ),
        "contested",
    ),
    # "Participants (broadly) agreed", "Speakers disagreed"
    (
        re.compile(
            r"(?:^(?:while\s+|although\s+|though\s+|whereas\s+)?|[,;:]\s+|\band\s+|\bbut\s+)(?P<cue>"
            + _SUBJECTS
            + r"(?:\s+(?:in|at|of|from)\s+the\s+(?:room|session|"
            r"workshop|meeting|panel|floor))?\s+(?:(?:"
            + _AGREE_ADVERBS
            + r")\s+)?(?:agreed|agree|concurred|resolved|"
            + _VARIED_VERBS[3:]
            + r")\b"
        ),
        "verb",
    ),
    (re.compile(r"\b(?P<cue>it\s+was\s+(?:(?:" + _AGREE_ADVERBS + r")\s+)?(?:agreed|resolved|decided))\b"), "verb"),
    # "Opinions differed", "views diverged sharply", "Opinions were divided"
    (
        re.compile(
            r"\b(?P<cue>(?:opinions|views|positions|perspectives)\s+(?:(?:were|remained|have)\s+)?(?:(?:sharply|widely|"
            r"strongly|also|greatly)\s+)?(?:differed|diverged|varied|divided|split|mixed|differ|diverge|vary))\b"
        ),
        "varied",
    ),
    (re.compile(r"\b(?P<cue>(?:a\s+)?divergence of (?:views|opinions))\b"), "varied"),
    (re.compile(r"\b(?P<cue>no common view)\b"), "varied"),
    (
        re.compile(
            r"\b(?P<cue>(?:remained|remains|was|were|is|are|stayed|proved)\s+(?:(?:highly|strongly|hotly|deeply|very)\s+)?"
            r"(?:contested|controversial))\b"
        ),
        "contested",
    ),
    (re.compile(r"\b(?P<cue>agreement:\s*(?:high|medium|low))\b"), "rating"),
)

# words that make the consensus after them an aim, not a report: "the purpose is to try reaching
# consensus on ...", "with a view to reaching agreement", "the importance of finding common view"
_AIM = re.compile(
    r"\b(?:to|try|trying|tried|aims?|aimed|aiming|seeks?|seeking|sought|hopes?|hoped|hoping|attempts?|attempted|"
    r"attempting|strive|strives|striving|towards?|(?:importance|need|hope|aim|goal|purpose|objective|prospect|chance|"
    r"ways?|means|view|order)\s+(?:of|for|to))\s+$"
)

_CONTINUATION = re.compile(
    r"^(?:some|others|several|a few|one side|the other side|on the one hand|on the other hand|while some|"
    r"whereas|still others|proponents|opponents|supporters|critics)\b"
)


def _noun_level(cue: str) -> ConsensusLevel:
    words = cue.split()
    if "no" in words or "not" in words or "unable" in words:
        return ConsensusLevel.CONTESTED if "common" not in words else ConsensusLevel.OPINIONS_VARIED
    if "rough" in words:
        return ConsensusLevel.ROUGH_CONSENSUS
    if any(w in words for w in ("broad", "wide", "widespread", "general", "overwhelming")) or (
        "support" in words and "strong" in words
    ):
        return ConsensusLevel.BROAD_SUPPORT
    if any(w in words for w in ("emerging", "growing", "emerged", "emerge", "near")):
        return ConsensusLevel.EMERGING_CONSENSUS
    if "convergence" in words:
        return ConsensusLevel.EMERGING_CONSENSUS
    return ConsensusLevel.COMMON_VIEW


def _level(kind: str, cue: str) -> ConsensusLevel | None:
    words = cue.split()
    if kind == "noun" and words[-1] == "support" and not _QUALIFIED_SUPPORT & set(words):
        return None  # "there was support for X" says someone supported it, not how widely
    if kind == "varied":
        return ConsensusLevel.OPINIONS_VARIED
    if kind == "contested":
        return ConsensusLevel.CONTESTED
    if kind == "rating":
        return {"high": ConsensusLevel.COMMON_VIEW, "medium": ConsensusLevel.EMERGING_CONSENSUS}.get(
            words[-1], ConsensusLevel.OPINIONS_VARIED
        )
    if kind == "verb":
        if any(
            w in cue
            for w in (
                "disagreed",
                "differed",
                "divided",
                "split",
                "not agree",
                "to agree",
                "different views",
                "differing views",
                "able to agree",
            )
        ):
            return ConsensusLevel.OPINIONS_VARIED
        if any(w in _BROAD_ADVERBS for w in words) or words[0] in ("most", "many"):
            return ConsensusLevel.BROAD_SUPPORT
        return ConsensusLevel.COMMON_VIEW
    return _noun_level(cue)


def find_cue(text: str, start: int, end: int) -> Cue | None:
    """The consensus level one sentence reports, and where its words stand; None if it reports none.

    >>> text = "After a long debate, broad agreement emerged that fees are too high."
    >>> cue = find_cue(text, 0, len(text))
    >>> cue.level.value, text[cue.start : cue.end]
    ('broad_support', 'broad agreement emerged')
    >>> find_cue("Mr Karimov disagreed with her.", 0, 30) is None
    True
    >>> find_cue("The aim is to try reaching consensus on fees.", 0, 45) is None
    True
    """
    folded, offsets = fold(text, start, min(end, start + SENTENCE_LIMIT))
    best: tuple[int, Cue] | None = None
    for pattern, kind in _PATTERNS:
        found = pattern.search(folded)
        if found is None:
            continue
        cue = found.group("cue")
        level = _level(kind, cue)
        if level is None:
            continue
        at, stop = found.start("cue"), found.end("cue")
        if kind == "noun" and _AIM.search(folded, max(0, at - 40), at) is not None:
            continue  # "... to try reaching consensus on": what a session aims at, not what it found
        candidate = Cue(level, offsets[at], offsets[stop - 1] + 1)
        if best is None or at < best[0]:
            best = (at, candidate)
    return best[1] if best else None


def continues_cue(text: str, start: int, end: int) -> bool:
    """Whether a sentence goes on to lay out the sides of a divided view ("Some argued ...; others ...")."""
    folded, _ = fold(text, start, min(end, start + 60))
    return _CONTINUATION.search(folded) is not None
