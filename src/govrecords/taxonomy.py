"""Topics, and the taxonomy that maps each forum's wording to stable topics.

Labels change from year to year for the same topic ("Security" → "Security,
openness and privacy" → "Cybersecurity and Trust"). A :class:`Topic` has a stable
``id``, a current ``label``, ``aliases`` used to tag free text, and the
year-specific :class:`TopicLabel` entries forums used. A :class:`Taxonomy` looks
labels up (:meth:`Taxonomy.find`) and tags text (:meth:`Taxonomy.tag`) in time
linear in the text.

:func:`default_taxonomy` returns the bundled taxonomy: the topics of the two seed
documents and the IGF themes of 2006-2022.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import attrs
from attrs.validators import deep_iterable, instance_of, optional

__all__ = ["Taxonomy", "Topic", "TopicLabel", "default_taxonomy"]

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_WORD = re.compile(r"\w+")


def _topic_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (not isinstance(value, str) or _ID.fullmatch(value) is None):
        raise ValueError(f"{attribute.name} must be a lower-case slug such as 'privacy', got {value!r}")


def _opt_year(instance: object, attribute: attrs.Attribute[int | None], value: object) -> None:
    if value is not None and type(value) is not int:  # bool is an int subclass, and no year
        raise TypeError(f"{attribute.name} must be a whole number or None, got {value!r}")


def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.casefold().replace("-", "")))


@attrs.frozen
class TopicLabel:
    """The label one forum (or one year of a series) used for a topic.

    Args:
        label: The label as worded ("Security, openness and privacy").
        year: The year it was used.
        series: The series that used it ("IGF", "EuroDIG").
    """

    label: str = attrs.field(validator=instance_of(str))
    year: int | None = attrs.field(default=None, validator=_opt_year)
    series: str | None = attrs.field(default=None, validator=optional(instance_of(str)))


@attrs.frozen
class Topic:
    """A stable topic.

    Args:
        id: A stable slug ("privacy").
        label: The label to show.
        aliases: Other words for it, used to tag free text.
        broader: The id of a broader topic, if any.
        labels: The year-specific labels forums gave it.
    """

    id: str = attrs.field(validator=_topic_id)
    label: str = attrs.field(validator=instance_of(str))
    aliases: tuple[str, ...] = attrs.field(default=(), validator=deep_iterable(instance_of(str), instance_of(tuple)))
    broader: str | None = attrs.field(default=None, validator=_topic_id)
    labels: tuple[TopicLabel, ...] = attrs.field(
        default=(), validator=deep_iterable(instance_of(TopicLabel), instance_of(tuple))
    )


@attrs.frozen
class Taxonomy:
    """A set of topics with lookup by label and tagging of free text.

    Raises:
        ValueError: Two topics share an id, or a ``broader`` id names no topic.

    >>> taxonomy = default_taxonomy()
    >>> taxonomy.find("Security, openness and privacy", year=2009).id
    'security'
    >>> taxonomy.tag("privacy and personal information leakage")
    ('privacy',)
    """

    name: str = attrs.field(validator=instance_of(str))
    topics: tuple[Topic, ...] = attrs.field(validator=deep_iterable(instance_of(Topic), instance_of(tuple)))
    version: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    _by_id: dict[str, Topic] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _phrases: dict[str, list[tuple[tuple[str, ...], str]]] = attrs.field(init=False, eq=False, repr=False, hash=False)
    _labels: dict[tuple[str, ...], list[tuple[TopicLabel | None, str]]] = attrs.field(
        init=False, eq=False, repr=False, hash=False
    )

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Topic] = {}
        for topic in self.topics:
            if topic.id in by_id:
                raise ValueError(f"topics: duplicate topic id {topic.id!r}")
            by_id[topic.id] = topic
        for topic in self.topics:
            if topic.broader is not None and topic.broader not in by_id:
                raise ValueError(f"topics: {topic.id!r} names a broader topic {topic.broader!r} that is not defined")
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        labels: dict[tuple[str, ...], list[tuple[TopicLabel | None, str]]] = {}
        for topic in self.topics:
            for text in (topic.label, *topic.aliases):
                words = _words(text)
                if words:
                    phrases.setdefault(words[0], []).append((words, topic.id))
            labels.setdefault(_words(topic.label), []).append((None, topic.id))
            for alias in topic.aliases:
                labels.setdefault(_words(alias), []).append((None, topic.id))
            for entry in topic.labels:
                labels.setdefault(_words(entry.label), []).append((entry, topic.id))
        for candidates in phrases.values():
            candidates.sort(key=lambda item: -len(item[0]))  # longest phrase wins
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_phrases", phrases)
        object.__setattr__(self, "_labels", labels)

    def __contains__(self, topic_id: object) -> bool:
        return topic_id in self._by_id

    def __getitem__(self, topic_id: str) -> Topic:
        """The topic with this id.

        Raises:
            KeyError: No topic has that id.
        """
        return self._by_id[topic_id]

    def get(self, topic_id: str) -> Topic | None:
        """The topic with this id, or None."""
        return self._by_id.get(topic_id)

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

    def tag(self, text: str) -> tuple[str, ...]:
        """The ids of the topics whose label or aliases occur in *text*, in order of first mention.

        Matching is on whole words, case-insensitive, hyphens ignored
        ("multi-stakeholder" matches "multistakeholder"). Runs in time linear in
        the length of the text.
        """
        words = _words(text)
        found: dict[str, None] = {}
        index = 0
        while index < len(words):
            step = 1
            for phrase, topic_id in self._phrases.get(words[index], ()):
                if words[index : index + len(phrase)] == phrase:
                    found.setdefault(topic_id, None)
                    step = len(phrase)
                    break
            index += step
        return tuple(found)

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

    def extend(self, topics: Iterable[Topic], *, name: str | None = None) -> Taxonomy:
        """A new taxonomy with *topics* added; a topic with an existing id replaces it.

        >>> extra = Topic("zero-rating", "Zero rating", aliases=("zero-rating",), broader="internet-economy")
        >>> "zero-rating" in default_taxonomy().extend([extra])
        True
        """
        replaced = {topic.id: topic for topic in topics}
        kept = [t for t in self.topics if t.id not in replaced]
        return Taxonomy(name or self.name, (*kept, *replaced.values()), self.version)


@functools.cache
def default_taxonomy() -> Taxonomy:
    """The taxonomy bundled with govrecords (IGF themes 2006-2022 and the seeds' topics)."""
    from govrecords.formats import loads

    text = resources.files("govrecords").joinpath("data/taxonomy.json").read_text("utf-8")
    return loads(text, Taxonomy)
