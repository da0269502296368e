"""Reading prose for outcomes: sentences, consensus cues, asks and questions.

A report states an outcome in its own words wherever it stands: "Participants
agreed that ...", "Views diverged on ...", "There was rough consensus that ...",
"The Chair urges ...", "Regulators should ...". These recognisers read one
sentence at a time, so they work under any heading and in any layout:

* :func:`sentences` cuts a passage into sentences (abbreviations such as "Mr."
  and "e.g." do not end one; a short line with no closing stop is a heading);
* :func:`find_cue` finds the phrase that states a consensus level, and only in a
  form that reports the outcome of the room (a collective subject, "there was",
  "consensus emerged"...): "Mr X disagreed" or "decided by rough consensus"
  state none;
* :func:`find_ask` finds how a sentence asks someone to act, in its main clause
  (a modal, a passive "are encouraged to", or a collective performative "We
  urge"), with its force; a modal inside reported speech ("she argued that ...
  should") asks nothing;
* :func:`opens_with_verb` tells an operative item ("Adopt ...", "Encourage
  ...") and the force of its own verb;
* :func:`questions` cuts a passage holding several questions into one span each.

Every function reads a bounded passage once: linear in the text.
"""

from __future__ import annotations

import re

import attrs

from govrecords.importers._text import BLANKS, fold
from govrecords.vocabulary import FORCE_WORDING, ConsensusLevel, Force

__all__ = [
    "QUESTION_LABEL",
    "Ask",
    "Cue",
    "continues_cue",
    "find_ask",
    "find_cue",
    "opens_with_verb",
    "questions",
    "sentences",
]

_LIMIT = 2000  # characters of one sentence read for cues and asks

_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nr",
        "eg",
        "e.g",
        "ie",
        "i.e",
        "vs",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "h.e",
        "hon",
        "eng",
        "ing",
        "u.s",
        "u.n",
        "cf",
        "approx",
        "art",
        "para",
        "vol",
        "fig",
        "p",
        "pp",
        "sen",
        "rep",
        "gen",
        "gov",
        "messrs",
        "mme",
        "mlle",
        "esq",
        "dept",
        "univ",
        "assoc",
        "corp",
        "ph.d",
        "phd",
    }
)
_CLOSERS = "\"')]\u201d\u2019\u00bb"
_HEADING_LINE = 60
_PILCROW = re.compile(
    r"\u00b6\s*\d{0,4}(?:\s*leave a comment on (?:paragraph|whole page)\s*\d{0,4}\s*\d{0,4})?", re.IGNORECASE
)  # a line this short with no closing stop, before a capital, is a heading


@attrs.frozen
class Cue:
    """A consensus level a sentence states, and the span of the words that state it."""

    level: ConsensusLevel
    start: int
    end: int


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


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``, as spans without surrounding blanks.

    >>> text = "Mr. Diallo spoke. Views diverged on fees! Next?"
    >>> [text[s:e] for s, e in sentences(text, 0, len(text))]
    ['Mr. Diallo spoke.', 'Views diverged on fees!', 'Next?']
    """
    out: list[tuple[int, int]] = []
    begin = _skip(text, start, end)
    line_begin = begin
    index = begin
    while index < end:
        char = text[index]
        if char in ".!?":
            stop = index + 1
            while stop < end and text[stop] in _CLOSERS:
                stop += 1
            after = _skip(text, stop, end)
            if after >= end:
                break
            if after > stop and _opens_sentence(text[after]) and not _abbreviation(text, begin, index, char):
                out.append((begin, stop))
                begin = index = line_begin = after
                continue
        elif char == "\u00b6":
            # a paragraph counter ("¶ 7 Leave a comment on paragraph 7 3") is a comment widget, not text
            if text[begin:index].strip(BLANKS):
                out.append((begin, _trim_end(text, begin, index)))
            widget = _PILCROW.match(text, index, end)
            begin = index = line_begin = _skip(text, widget.end() if widget else index + 1, end)
            continue
        elif (char == "\t" or (char == "|" and index > begin and text[index - 1] in " \t")) and _cell_break(
            text, begin, index, end
        ):
            # a table cell ends here: a sentence never runs across cells
            out.append((begin, _trim_end(text, begin, index)))
            begin = index = line_begin = _skip(text, index + 1, end)
            continue
        elif char == "\n" or (char == "\r" and (index + 1 >= end or text[index + 1] != "\n")):
            first = max(line_begin, begin)
            line_end = _trim_end(text, first, index)
            after = _skip(text, index, end)
            if (
                line_end > first
                and after < end
                and line_end - first <= _HEADING_LINE
                and text[line_end - 1] not in ".!?;:,-\u2013\u2014"
                and text[after].isupper()
            ):
                if first > begin:
                    out.append((begin, _trim_end(text, begin, first)))
                out.append((first, line_end))
                begin = index = line_begin = after
                continue
            line_begin = after
            index = after
            continue
        index += 1
    if begin < end:
        last = _trim_end(text, begin, end)
        if last > begin:
            out.append((begin, last))
    return [(s, e) for s, e in out if e > s]


def _cell_break(text: str, begin: int, at: int, end: int) -> bool:
    """Whether a tab or a " | " at *at* separates two cells with text on both sides."""
    after = text[at + 1 : min(end, at + 200)].split("\n", 1)[0]
    return bool(text[begin:at].strip(BLANKS)) and bool(after.strip(BLANKS))


def _skip(text: str, at: int, end: int) -> int:
    while at < end and (text[at] in BLANKS or text[at] == "|"):  # a table's cell rule is not text
        at += 1
    return at


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1] in BLANKS or text[end - 1] == "|"):
        end -= 1
    return end


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in "\"'(\u201c\u2018\u00ab["


def _abbreviation(text: str, begin: int, at: int, char: str) -> bool:
    if char != ".":
        return False
    word_start = at
    while word_start > begin and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:at].casefold()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS


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
    """
    folded, offsets = fold(text, start, min(end, start + _LIMIT))
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
        candidate = Cue(level, offsets[at], offsets[stop - 1] + 1)
        if best is None or at < best[0]:
            best = (at, candidate)
    return best[1] if best else None


def continues_cue(text: str, start: int, end: int) -> bool:
    """Whether a sentence goes on to lay out the sides of a divided view ("Some argued ...; others ...")."""
    folded, _ = fold(text, start, min(end, start + 60))
    return _CONTINUATION.search(folded) is not None


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
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*|[,;:]")
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


def _force_of(wording: str) -> tuple[Force, str] | None:
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
    folded, offsets = fold(text, start, min(end, start + _LIMIT))
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
        found = _force_of(performed.group("verb"))
        if found is not None:
            at, stop = head + performed.start("verb"), head + performed.end("verb")
            return Ask(found[0], found[1], offsets[at], offsets[stop - 1] + 1, "performative")
    words = list(_WORD.finditer(clause[:400]))
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
            found = _force_of(passive.group("verb"))
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
    words = list(_WORD.finditer(folded))
    if not words:
        return False, None
    first = 1 if words[0].group().endswith("ly") and len(words) > 1 else 0
    verb = words[first].group()
    if verb not in _OPERATIVE_VERBS:
        return False, None
    wording = folded[words[0].start() : words[min(first + 1, len(words) - 1)].end()]
    own = _force_of(verb) or _force_of(wording)
    if own is None or own[0] is Force.AGREE:
        return True, None
    at, stop = words[first].start(), words[first].end()
    if own[1] == "call on":
        stop = words[min(first + 1, len(words) - 1)].end()
    return True, (own[0], own[1], (offsets[at], offsets[stop - 1] + 1))


# --- questions ---------------------------------------------------------------------------------------------------

_QUESTION_LEAD = re.compile(
    r"(?:\bquestions?\b[^.?!,;]{0,80}[:.]|\b(?:asks?|ask(?:ed|ing)?|address(?:es|ed)?|examines?|explores?|"
    r"considers?|discuss(?:es)?)\s*:)\s*$"
)


def questions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The questions in ``text[start:end]``: each sentence that ends with "?", after any lead-in.

    A lead-in ("The workshop will examine three questions." or "...and ask one
    question:") is left out; a question that starts after a colon starts there.

    >>> text = "It asks two questions. Who pays? And who decides?"
    >>> [text[s:e] for s, e in questions(text, 0, len(text))]
    ['Who pays?', 'And who decides?']
    """
    out: list[tuple[int, int]] = []
    for first, last in sentences(text, start, end):
        if text[last - 1] != "?":
            continue
        label = QUESTION_LABEL.match(text, first, last)
        if label is not None:
            out.append((label.end(), last))
            continue
        folded, offsets = fold(text, first, last)
        colon = folded.rfind(": ")
        out.append((offsets[colon + 2] if colon >= 0 else first, last))
    return out


QUESTION_LABEL = re.compile(
    r"[ \t]*(?:(?:policy|key)\s+)?(?:question|q|pq)\s*#?\s*\d{1,2}\s*[:.)\-\u2013]\s*", re.IGNORECASE
)
"""A label before one question: "Question 2:", "Q1.", "Policy Question 3 -"."""


def lead_in_for_questions(text: str, start: int, end: int) -> bool:
    """Whether a sentence announces the questions after it ("The discussion will address the following questions:")."""
    folded, _ = fold(text, max(start, end - 300), end)
    return _QUESTION_LEAD.search(folded) is not None
