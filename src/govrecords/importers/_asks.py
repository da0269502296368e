"""Asks: how a sentence asks someone to act ("Regulators should", "We urge"), with its force.

:func:`find_ask` finds the ask in a sentence's main clause (a modal, a passive
"are encouraged to", or a collective performative "We urge"); a modal inside
reported speech ("she argued that ... should") asks nothing.
"""

from __future__ import annotations

import re

import attrs

from govrecords.importers._sentences import SENTENCE_LIMIT
from govrecords.importers._text import fold
from govrecords.vocabulary import FORCE_WORDING, Force

__all__ = ["WORD", "Ask", "find_ask", "force_of"]


@attrs.frozen
class Ask:
    """How a sentence asks someone to act: its force, the wording as the force table has it, and where.

    ``kind`` is ``"modal"`` (should, must, shall), ``"passive"`` ("are encouraged
    to"), or ``"performative"`` ("We urge", "The Chair invites").
    """

    force: Force
    wording: str
    start: int
    end: int
    kind: str


# --- asks --------------------------------------------------------------------------------------------------------

_SUBORDINATE = frozenset(
    {
        "that",
        "whether",
        "if",
        "who",
        "whom",
        "which",
        "what",
        "how",
        "why",
        "when",
        "where",
        "because",
        "while",
        "although",
        "though",
        "whereas",
        "unless",
        "said",
        "says",
        "argued",
        "argues",
        "noted",
        "notes",
        "stated",
        "explained",
        "warned",
        "asked",
        "suggested",
        "believed",
        "believes",
        "felt",
        "thought",
        "think",
        "thinks",
        "claimed",
        "added",
        "stressed",
        "emphasised",
        "emphasized",
        "insisted",
        "replied",
        "considered",
        "wondered",
        "questioned",
        "recalling",
        "considering",
        "noting",
        "convinced",
        "aware",
        "recognising",
        "recognizing",
        "acknowledging",
        "desirous",
        "reaffirming",
        "welcoming",
        "mindful",
        "conscious",
        "bearing",
        "having",
        "taking",
        "i",
        "whose",
        "so",
        "as",
        "than",
        "until",
        "once",
        "after",
        "before",
    }
)
_BAD_SUBJECT_START = frozenset(
    {
        "it",
        "this",
        "that",
        "these",
        "those",
        "there",
        "which",
        "what",
        "who",
        "how",
        "i",
        "he",
        "she",
        "one",
        "nothing",
        "anyone",
        "nobody",
    }
)
_MODALS = (("should", Force.RECOMMEND), ("must", Force.REQUIRE), ("shall", Force.REQUIRE))
WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*|[,;:]")
_PASSIVE = re.compile(
    r"^(?:is|are|were|was|be)\s+(?:(?:also|further|hereby|therefore|again|once again|particularly|"
    r"especially|thus|now)\s+)*(?P<verb>encouraged|urged|invited|called upon|called on|requested|recommended|"
    r"advised|strongly encouraged|strongly recommended)\s+to\b"
)
_PERFORMERS = re.compile(
    r"^(?:we|the\s+(?:participants|chair|chairman|chairperson|chairs|co-chairs|meeting|forum|workshop|session|panel|"
    r"organi[sz]ers|group|conference|committee|igf|secretariat|speakers|plenary|delegates|members|host country|"
    r"organi[sz]ing committee|steering committee)|participants|delegates|speakers|panel+ists|members|attendees|"
    r"it\s+(?:is|was))\s+(?:(?:also|further|therefore|hereby|strongly|again|unanimously|collectively|jointly|"
    r"once again|all)\s+)*(?P<verb>(?:strongly\s+)?(?:recommended|recommends|recommend|urged|urges|urge|"
    r"called upon|calls upon|call upon|called on|calls on|call on|called for|calls for|call for|invited|invites|"
    r"invite|encouraged|encourages|"
    r"encourage|suggested|suggests|suggest|proposed|proposes|propose))\b"
)


def force_of(wording: str) -> tuple[Force, str] | None:
    wording = wording.replace("called ", "call ").replace("calls ", "call ")
    for phrase, force in FORCE_WORDING:
        at = wording.find(phrase)
        if at >= 0 and (at == 0 or not wording[at - 1].isalnum()):
            return force, phrase
    return None


def find_ask(text: str, start: int, end: int) -> Ask | None:
    """How one sentence asks someone to act in its main clause, or None.

    >>> text = "Regulators are strongly encouraged to publish their rules."
    >>> ask = find_ask(text, 0, len(text))
    >>> ask.force.value, ask.kind, text[ask.start : ask.end]
    ('urge', 'passive', 'strongly encouraged')
    >>> find_ask("Mr Chen argued that fees should fall.", 0, 37) is None
    True
    """
    folded, offsets = fold(text, start, min(end, start + SENTENCE_LIMIT))
    if not folded or folded.endswith("?"):
        return None  # a question asks nothing of anyone
    for head in _clause_starts(folded):
        found = _ask_in_clause(folded, head, offsets)
        if found is not None:
            return found
    return None


def _clause_starts(folded: str) -> list[int]:
    """Where a sentence's main clause may start: at its start, or after a leading phrase closed by a comma."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r",\s*", folded[:300]))
    return starts[:6]


def _ask_in_clause(folded: str, head: int, offsets: list[int]) -> Ask | None:
    clause = folded[head:]
    performed = _PERFORMERS.search(clause)
    if performed is not None:
        found = force_of(performed.group("verb"))
        if found is not None:
            at, stop = head + performed.start("verb"), head + performed.end("verb")
            return Ask(found[0], found[1], offsets[at], offsets[stop - 1] + 1, "performative")
    words = list(WORD.finditer(clause[:400]))
    if not words or words[0].group() in _BAD_SUBJECT_START:
        return None
    for index, word in enumerate(words):
        token = word.group()
        if token in _SUBORDINATE or token in {",", ";", ":"} or index > _SUBJECT_WORDS:
            return None
        if index == 0:
            continue
        modal = next((force for name, force in _MODALS if token == name), None)
        if modal is None and token in _SUGGESTING and words[0].group() in _ADDRESSEES:
            modal = Force.SUGGEST  # "Governments could pool their purchases": a suggestion to a named actor
        if modal is not None:
            if clause[word.end() :].lstrip().startswith(("be noted", "be said", "be stressed", "be mentioned")):
                return None
            at, stop = head + word.start(), head + word.end()
            return Ask(modal, token, offsets[at], offsets[stop - 1] + 1, "modal")
        if token in {"is", "are", "were", "was", "be"}:
            passive = _PASSIVE.match(clause[word.start() :])
            if passive is None:
                return None
            found = force_of(passive.group("verb"))
            if found is None:
                return None
            at = head + word.start() + passive.start("verb")
            stop = head + word.start() + passive.end("verb")
            return Ask(found[0], found[1], offsets[at], offsets[stop - 1] + 1, "passive")
        if token in _AUXILIARIES:
            return None
    return None


_SUBJECT_WORDS = 14  # a subject longer than this is not a subject
_SUGGESTING = frozenset({"could"})
# Who a "could" sentence must open with to be a suggestion ("Governments could ..."), not a possibility.
_ADDRESSEES = frozenset(
    {
        "governments",
        "regulators",
        "states",
        "operators",
        "platforms",
        "companies",
        "donors",
        "parliaments",
        "ministries",
        "stakeholders",
        "authorities",
        "countries",
        "policymakers",
        "legislators",
        "providers",
        "developers",
        "funders",
        "agencies",
        "igf",
    }
)
_AUXILIARIES = frozenset({"will", "would", "can", "could", "may", "might", "has", "have", "had", "do", "does", "did"})
