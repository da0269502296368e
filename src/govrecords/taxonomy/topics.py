"""The taxonomy's model: :class:`TopicLabel`, :class:`Topic`, and :class:`Taxonomy` with its look-ups and tagging.

A :class:`Taxonomy` checks its topics when made (unique ids, ``broader`` links that
resolve and form no cycle, one topic per wording), indexes their wordings with the
phrase matcher (``_phrases``) and tags text with them.
"""

from __future__ import annotations

import contextvars
import difflib
import itertools
from collections.abc import Iterable, Iterator

import attrs
from attrs.validators import instance_of

from govrecords._fold import TOPIC_TOKEN as _TOKEN
from govrecords._fold import topic_word as _fold
from govrecords._fold import topic_words as _words
from govrecords._validators import many as _many
from govrecords._validators import opt_str as _opt_str
from govrecords._validators import topic_id as _topic_id
from govrecords.errors import TaxonomyError, UnknownTopicError
from govrecords.serialisation.constraints import WHOLE_NUMBER
from govrecords.serialisation.registry import record_type
from govrecords.taxonomy._phrases import CONFIDENCE, SOFT_GAP, Entry, entry_for, joined, name_around
from govrecords.taxonomy.tags import DEFAULT_MIN_CONFIDENCE, TagDecision, TopicTag

__all__ = ["Taxonomy", "Topic", "TopicLabel"]

# Set by load_taxonomy while it reads a file that extends another taxonomy: the file's
# broader links may name that taxonomy's topics, so they are checked after the merge.
# Not public (not in __all__).
DEFER_LINKS: contextvars.ContextVar[bool] = contextvars.ContextVar("DEFER_LINKS", default=False)


_opt_year = WHOLE_NUMBER.validator(optional=True)  # bool is an int subclass, and no year


@attrs.frozen
class TopicLabel:
    """The label one forum (or one year of a series) used for a topic.

    Args:
        label: The label as worded ("Security, openness and privacy").
        year: The year it was used.
        series: The series that used it ("IGF", "EuroDIG", "WSIS action line",
            "Global Digital Compact").
    """

    label: str = attrs.field(validator=instance_of(str))
    year: int | None = attrs.field(default=None, validator=_opt_year)
    series: str | None = attrs.field(default=None, validator=_opt_str)


@record_type("topic")
@attrs.frozen
class Topic:
    """A stable topic.

    Args:
        id: A stable slug ("privacy"); never renamed or reused.
        label: The label to show.
        aliases: Phrases that tag free text with this topic.
        broader: The id of a broader topic, if any.
        labels: The year-specific labels forums gave it.
        cues: Common words that only hint at the topic; they tag with a low
            confidence, below the default threshold.
    """

    id: str = attrs.field(validator=_topic_id)
    label: str = attrs.field(validator=instance_of(str))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=_many(str))
    broader: str | None = attrs.field(default=None, validator=_topic_id)
    labels: tuple[TopicLabel, ...] = attrs.field(default=(), validator=_many(TopicLabel))
    cues: tuple[str, ...] = attrs.field(default=(), validator=_many(str))


@record_type("taxonomy")
@attrs.frozen
class Taxonomy:
    """A set of topics with lookup by label and tagging of free text.

    Args:
        name: The taxonomy's name.
        topics: Its topics.
        version: Its version (the bundled one follows its own changelog).
        names: Names of bodies, agreements and documents that contain topic words
            but are not topics ("Access Now", "Tunis Agenda").
        idioms: Phrases that contain topic words but are idioms ("enabling environment").

    Raises:
        TaxonomyError: Two topics share an id, a ``broader`` id names no topic,
            broader links form a cycle, or one wording is given to two topics.

    >>> from govrecords.taxonomy import default_taxonomy
    >>> taxonomy = default_taxonomy()
    >>> taxonomy.find("Security, openness and privacy", year=2009).id
    'security'
    >>> taxonomy.tag("privacy and personal information leakage")
    ('privacy',)
    """

    name: str = attrs.field(validator=instance_of(str))
    topics: tuple[Topic, ...] = attrs.field(validator=_many(Topic))
    version: str | None = attrs.field(default=None, validator=_opt_str)
    names: tuple[str, ...] = attrs.field(default=(), validator=_many(str))
    idioms: tuple[str, ...] = attrs.field(default=(), validator=_many(str))
    _by_id: dict[str, Topic] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _phrases: dict[str, list[Entry]] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _labels: dict[tuple[str, ...], list[tuple[TopicLabel | None, str]]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Topic] = {}
        for topic in self.topics:
            if topic.id in by_id:
                raise TaxonomyError(f"topics: duplicate topic id {topic.id!r}")
            by_id[topic.id] = topic
        if not DEFER_LINKS.get():
            _check_links(by_id)
        phrases: dict[str, list[Entry]] = {}
        owner: dict[tuple[str, ...], tuple[str | None, str]] = {}

        def add(text: str, topic: str | None, kind: str) -> None:
            entry = entry_for(text, topic, kind)
            if entry is None:
                raise TaxonomyError(f"topics: {topic or kind!r} has a wording with no words: {text!r}")
            earlier = owner.setdefault(entry.words, (topic, text))
            if earlier[0] != topic:
                first = earlier[0] or "a name or idiom"
                raise TaxonomyError(
                    f"topics: the wording {text!r} is given to {topic or 'a name or idiom'!r} "
                    f"and already to {first!r} (as {earlier[1]!r})"
                )
            phrases.setdefault(entry.words[0], []).append(entry)
            for variant in joined(entry):  # "net neutrality" also matches "net-neutrality"
                if owner.setdefault(variant.words, (topic, text))[0] == topic:
                    phrases.setdefault(variant.words[0], []).append(variant)

        for text in self.names:
            add(text, None, "name")
        for text in self.idioms:
            add(text, None, "idiom")
        labels: dict[tuple[str, ...], list[tuple[TopicLabel | None, str]]] = {}
        for topic in self.topics:
            if _words(topic.label):  # a label of signs only ("—") tags nothing
                add(topic.label, topic.id, "label")
            for alias in topic.aliases:
                add(alias, topic.id, "phrase")
            for cue in topic.cues:
                add(cue, topic.id, "cue")
            labels.setdefault(_words(topic.label), []).append((None, topic.id))
            for alias in topic.aliases:
                labels.setdefault(_words(alias), []).append((None, topic.id))
            for entry in topic.labels:
                labels.setdefault(_words(entry.label), []).append((entry, topic.id))
        for candidates in phrases.values():
            candidates.sort(key=lambda item: -len(item.words))  # longest phrase wins (stable: wordings first)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_phrases", phrases)
        object.__setattr__(self, "_labels", labels)

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self._by_id

    def __getitem__(self, topic_id: str) -> Topic:
        """The topic with this id.

        Raises:
            UnknownTopicError: No topic has that id (a :class:`KeyError`), with the
                closest ids suggested.
        """
        found = self._by_id.get(topic_id)
        if found is None:
            raise UnknownTopicError(topic_id, self.suggest(topic_id), self.name)
        return found

    def get(self, topic_id: str) -> Topic | None:
        """The topic with this id, or None."""
        return self._by_id.get(topic_id)

    def require(self, topic_id: object) -> str:
        """*topic_id* itself if the taxonomy defines it.

        Raises:
            UnknownTopicError: It does not, with the closest ids suggested.

        >>> from govrecords.taxonomy import default_taxonomy
        >>> default_taxonomy().require("privcy")
        Traceback (most recent call last):
          ...
        govrecords.errors.UnknownTopicError: unknown topic 'privcy' in taxonomy 'govrecords default taxonomy'; \
did you mean 'privacy'?
        """
        if not isinstance(topic_id, str) or topic_id not in self._by_id:
            text = topic_id if isinstance(topic_id, str) else repr(topic_id)
            raise UnknownTopicError(text, self.suggest(text), self.name)
        return topic_id

    def suggest(self, text: str, limit: int = 3) -> tuple[str, ...]:
        """The ids closest to *text*: by spelling of the id, or by a label or alias it matches.

        >>> from govrecords.taxonomy import default_taxonomy
        >>> default_taxonomy().suggest("net-neutraility")
        ('net-neutrality',)
        """
        close = difflib.get_close_matches(text.casefold(), list(self._by_id), n=limit, cutoff=0.75)
        found = self.find(text.replace("-", " "))
        if found is not None and found.id not in close:
            close.insert(0, found.id)
        return tuple(close[:limit])

    def narrower(self, topic_id: str) -> tuple[str, ...]:
        """The ids of the topics whose ``broader`` topic is *topic_id*.

        >>> from govrecords.taxonomy import default_taxonomy
        >>> default_taxonomy().narrower("role-of-governments")
        ('sovereignty', 'legal-frameworks')
        """
        return tuple(topic.id for topic in self.topics if topic.broader == topic_id)

    def find(self, label: str, *, year: int | None = None, series: str | None = None) -> Topic | None:
        """The topic a forum's label stands for, preferring labels of that year and series.

        Args:
            label: The label as a forum worded it.
            year: The year of the forum, to choose among year-specific labels.
            series: The series of the forum.

        Returns:
            The topic, or None when no label or alias matches.
        """
        candidates = self._labels.get(_words(label))
        if not candidates:
            return None

        def score(item: tuple[TopicLabel | None, str]) -> tuple[int, int]:
            entry = item[0]
            if entry is None:
                return (0, 0)
            return (int(year is not None and entry.year == year), int(series is not None and entry.series == series))

        best = max(candidates, key=score)
        return self._by_id[best[1]]

    def explain_tags(self, text: str, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> tuple[TagDecision, ...]:
        """Every phrase of *text* the taxonomy knows, and whether it gave a tag and why.

        >>> from govrecords.taxonomy import default_taxonomy
        >>> for decision in default_taxonomy().explain_tags("Access Now spoke on net neutrality and trust."):
        ...     print(decision)
        0-10 'Access Now' → -: not tagged (the name 'Access Now' is not a topic)
        20-34 'net neutrality' → net-neutrality: tagged (label 'Net neutrality', confidence 0.95)
        39-44 'trust' → security: not tagged (cue 'trust', confidence 0.40 is below 0.50)
        """
        return tuple(self._decide(text, min_confidence))

    def tags(self, text: str, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> tuple[TopicTag, ...]:
        """Each mention of a topic in *text*, with its phrase, span and confidence.

        Tags below *min_confidence* are left out; :meth:`explain_tags` shows them
        and the phrases that were refused as names or idioms. Runs in time linear
        in the length of the text.
        """
        return tuple(
            TopicTag(d.topic, d.phrase, d.span, d.confidence, d.wording)
            for d in self._decide(text, min_confidence)
            if d.kept and d.topic is not None
        )

    def tag(self, text: str, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> tuple[str, ...]:
        """The ids of the topics :meth:`tags` finds in *text*, in order of first mention.

        Matching is on whole phrases, case-insensitive, hyphens ignored
        ("multi-stakeholder" matches "multistakeholder"). Runs in time linear in
        the length of the text.
        """
        return tuple(dict.fromkeys(tag.topic for tag in self.tags(text, min_confidence=min_confidence)))

    def _decide(self, text: str, min_confidence: float) -> Iterator[TagDecision]:
        tokens = [(match.group(), match.start(), match.end()) for match in _TOKEN.finditer(text)]
        folded = [_fold(token[0]) for token in tokens]
        gaps = [text[a[2] : b[1]] for a, b in itertools.pairwise(tokens)]
        joined = [False] + [gap in {" ", "\u00a0"} for gap in gaps]
        soft = [False] + [SOFT_GAP.fullmatch(gap) is not None for gap in gaps]  # a phrase spans these only
        index = 0
        while index < len(tokens):
            entry = self._match(tokens, folded, soft, index)
            if entry is None:
                index += 1
                continue
            end = index + len(entry.words)
            span = (tokens[index][1], tokens[end - 1][2])
            phrase = text[span[0] : span[1]]
            index = end
            if entry.topic is None:
                kind = "name" if entry.kind == "name" else "idiom"
                yield TagDecision(
                    phrase, span, None, 0.0, False, f"the {kind} {entry.wording!r} is not a topic", entry.wording
                )
                continue
            name = name_around(tokens, joined, end - len(entry.words), end)
            if name is not None:
                start, stop = name
                whole = text[tokens[start][1] : tokens[stop - 1][2]]
                yield TagDecision(
                    phrase, span, entry.topic, 0.0, False, f"part of the name {whole!r}, not a topic", entry.wording
                )
                continue
            confidence = CONFIDENCE[entry.kind]
            kind = "label" if entry.kind == "label" else ("cue" if entry.kind == "cue" else "alias")
            why = f"{kind} {entry.wording!r}, confidence {confidence:.2f}"
            if confidence < min_confidence:
                yield TagDecision(
                    phrase, span, entry.topic, confidence, False, f"{why} is below {min_confidence:.2f}", entry.wording
                )
            else:
                yield TagDecision(phrase, span, entry.topic, confidence, True, why, entry.wording)

    def _match(
        self, tokens: list[tuple[str, int, int]], folded: list[str], soft: list[bool], index: int
    ) -> Entry | None:
        for entry in self._phrases.get(folded[index], ()):
            size = len(entry.words)
            if tuple(folded[index : index + size]) != entry.words or not all(soft[index + 1 : index + size]):
                continue
            if any(
                exact is not None and tokens[index + offset][0] != exact for offset, exact in enumerate(entry.exact)
            ):
                continue
            if entry.initial and any(
                word[:1].isupper() and not tokens[index + offset][0][:1].isupper()
                for offset, word in enumerate(_TOKEN.findall(entry.wording))
            ):
                continue
            return entry
        return None

    def broader_chain(self, topic_id: str) -> tuple[str, ...]:
        """The topic's id followed by the ids of each broader topic, outward."""
        chain = [topic_id]
        seen = {topic_id}
        current = self._by_id.get(topic_id)
        while current is not None and current.broader is not None and current.broader not in seen:
            chain.append(current.broader)
            seen.add(current.broader)
            current = self._by_id.get(current.broader)
        return tuple(chain)

    def extend(self, topics: Iterable[Topic], *, name: str | None = None, version: str | None = None) -> Taxonomy:
        """A new taxonomy with *topics* added; a topic with an existing id replaces it.

        >>> from govrecords.taxonomy import default_taxonomy
        >>> extra = Topic("cable-landing", "Cable landing stations", aliases=("cable landing stations",),
        ...               broader="infrastructure")
        >>> "cable-landing" in default_taxonomy().extend([extra])
        True
        """
        replaced = {topic.id: topic for topic in topics}
        kept = [t for t in self.topics if t.id not in replaced]
        return Taxonomy(
            name or self.name, (*kept, *replaced.values()), version or self.version, self.names, self.idioms
        )


def _check_links(by_id: dict[str, Topic]) -> None:
    for topic in by_id.values():
        if topic.broader is not None and topic.broader not in by_id:
            raise TaxonomyError(f"topics: {topic.id!r} names a broader topic {topic.broader!r} that is not defined")
    for topic in by_id.values():
        path = [topic.id]
        current = topic
        while current.broader is not None:
            if current.broader in path:
                cycle = " → ".join([*path[path.index(current.broader) :], current.broader])
                raise TaxonomyError(f"topics: broader links form a cycle: {cycle}")
            path.append(current.broader)
            current = by_id[current.broader]
