"""The public strategies for the records, provenance and topics, each derived from its class's fields.

Each function names its class, checks its options and says what it draws; the
fields themselves are read off the class (:mod:`govrecords.testing._derive`), with
an override only where a field needs more than its type and validator say.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs
from hypothesis import assume
from hypothesis import strategies as st

from govrecords._fold import topic_words
from govrecords.dates import DateRange, PartialDate
from govrecords.provenance import Method, Provenance, SourceDocument, Span
from govrecords.records import (
    Actor,
    Finding,
    Forum,
    Participant,
    Place,
    Position,
    Recommendation,
    Section,
    Session,
    StakeholderGroup,
    Statement,
    Workshop,
)
from govrecords.taxonomy import Taxonomy, Topic, TopicLabel
from govrecords.testing._derive import derive, fields, register
from govrecords.testing._values import (
    cached,
    check_size,
    date_ranges,
    maybe,
    partial_dates,
    slugs,
    spans,
)

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy


@cached
def source_documents() -> SearchStrategy[SourceDocument]:
    """Source documents, with a well-formed (not necessarily matching) SHA-256."""
    return derive(SourceDocument)


@cached
def methods() -> SearchStrategy[Method]:
    """How values were obtained: by hand, by an importer, derived."""
    return derive(Method)


@cached
def provenances() -> SearchStrategy[Provenance]:
    """Provenance entries, for the record as a whole or for one of its fields."""
    return derive(Provenance)


@cached
def stakeholder_groups() -> SearchStrategy[StakeholderGroup]:
    """Stakeholder groups, with or without the source's wording."""
    return derive(StakeholderGroup)


@cached
def places() -> SearchStrategy[Place]:
    """Places, each field possibly unknown; countries are two capital letters."""
    return derive(Place)


@cached
def participants(*, max_size: int = 2) -> SearchStrategy[Participant]:
    """Participants in a session or workshop.

    Args:
        max_size: The most provenance entries each holds.
    """
    check_size("max_size", max_size)
    return derive(Participant, max_size=max_size)


@cached
def actors() -> SearchStrategy[Actor]:
    """Actors: who holds a position, or whom a recommendation addresses."""
    return derive(Actor)


@cached
def statements(*, max_size: int = 2) -> SearchStrategy[Statement]:
    """Statements: key issues, premises, policy questions.

    Args:
        max_size: The most entries in each of its tuple fields (topics, provenance).
    """
    check_size("max_size", max_size)
    return derive(Statement, max_size=max_size)


@cached
def positions(*, max_size: int = 2) -> SearchStrategy[Position]:
    """Positions: who held which stance on what.

    Args:
        max_size: The most entries in each of its tuple fields (topics, provenance).
    """
    check_size("max_size", max_size)
    return derive(Position, max_size=max_size)


@cached
def findings(*, max_size: int = 2) -> SearchStrategy[Finding]:
    """Findings with their consensus level, possibly with positions.

    Args:
        max_size: The most entries in each of its tuple fields (topics, positions,
            provenance); the positions hold at most one of each.
    """
    check_size("max_size", max_size)
    return derive(Finding, max_size=max_size)


@cached
def recommendations(*, max_size: int = 2) -> SearchStrategy[Recommendation]:
    """Recommendations, with their addressees and force.

    Args:
        max_size: The most entries in each of its tuple fields (addressees, topics, provenance).
    """
    check_size("max_size", max_size)
    return derive(Recommendation, max_size=max_size)


@cached
def sections(*, max_size: int = 2) -> SearchStrategy[Section]:
    """Unmapped sections of a source, with or without a heading.

    Args:
        max_size: The most provenance entries each holds.
    """
    check_size("max_size", max_size)
    return derive(Section, max_size=max_size)


@cached
def sessions(*, max_size: int = 2) -> SearchStrategy[Session]:
    """Sessions as reported, with participants, findings and recommendations.

    Args:
        max_size: The most entries in each of its tuple fields; the records they
            hold have at most one of each.
    """
    check_size("max_size", max_size)
    return derive(Session, max_size=max_size)


@cached
def workshops(*, max_size: int = 2) -> SearchStrategy[Workshop]:
    """Workshops as proposed or announced.

    Args:
        max_size: The most entries in each of its tuple fields; the records they
            hold have at most one of each.
    """
    check_size("max_size", max_size)
    return derive(Workshop, max_size=max_size)


@cached
def forums(*, max_size: int = 2) -> SearchStrategy[Forum]:
    """Forums with their sessions, workshops and sources.

    Args:
        max_size: The most entries in each of its tuple fields; the sessions and
            workshops it holds have at most one of each part.
    """
    check_size("max_size", max_size)
    return derive(Forum, max_size=max_size)


@cached
def topic_labels() -> SearchStrategy[TopicLabel]:
    """Year- and series-specific labels of a topic."""
    # Any whole number passes the check; a label's year is a calendar year.
    return derive(TopicLabel, year=maybe(st.integers(1, 9999)))


@cached
def topics(*, max_size: int = 2) -> SearchStrategy[Topic]:
    """Topics with slug ids; ``broader`` is any slug (see :func:`taxonomies` for consistent ones).

    Args:
        max_size: The most aliases and the most labels each holds.
    """
    check_size("max_size", max_size)
    return derive(Topic, max_size=max_size)


@cached
def taxonomies(*, min_size: int = 0, max_size: int = 4) -> SearchStrategy[Taxonomy]:
    """Taxonomies whose topic ids are unique and whose ``broader`` ids name one of their topics.

    Args:
        min_size: The fewest topics.
        max_size: The most topics.

    Raises:
        hypothesis.errors.InvalidArgument: The sizes are negative or crossed.
    """
    check_size("min_size", min_size)
    check_size("max_size", max_size, low=min_size)
    return _taxonomies(min_size, max_size)


@st.composite
def _taxonomies(draw: st.DrawFn, min_size: int, max_size: int) -> Taxonomy:
    ids = draw(st.lists(slugs(), min_size=min_size, max_size=max_size, unique=True))
    # A taxonomy gives each wording to one topic (or to its names and idioms), and its
    # broader links form no cycle: each topic's broader topic is one drawn before it.
    owner: dict[tuple[str, ...], str] = {}

    def free(texts: tuple[str, ...], who: str) -> tuple[str, ...]:
        kept: list[str] = []
        for text in texts:
            words = topic_words(text)
            if words and owner.setdefault(words, who) == who:
                kept.append(text)
        return tuple(kept)

    members: list[Topic] = []
    for index, topic_id in enumerate(ids):
        broader: SearchStrategy[str | None] = maybe(st.sampled_from(ids[:index])) if index else st.none()
        topic = draw(derive(Topic, max_size=1, id=st.just(topic_id), broader=broader))
        assume(not topic_words(topic.label) or free((topic.label,), topic_id))
        members.append(attrs.evolve(topic, aliases=free(topic.aliases, topic_id), cues=free(topic.cues, topic_id)))
    parts = fields(Taxonomy, max_size=1, overrides={"topics": st.just(tuple(members))})
    drawn: dict[str, Any] = draw(st.fixed_dictionaries(parts))
    values: dict[str, Any] = {**drawn, "names": free(drawn["names"], ""), "idioms": free(drawn["idioms"], "")}
    return Taxonomy(**values)


_PUBLIC: dict[type, Callable[..., SearchStrategy[Any]]] = {
    PartialDate: partial_dates,
    DateRange: date_ranges,
    Span: spans,
    SourceDocument: source_documents,
    Method: methods,
    Provenance: provenances,
    StakeholderGroup: stakeholder_groups,
    Place: places,
    Participant: participants,
    Actor: actors,
    Statement: statements,
    Position: positions,
    Finding: findings,
    Recommendation: recommendations,
    Section: sections,
    Session: sessions,
    Workshop: workshops,
    Forum: forums,
    TopicLabel: topic_labels,
    Topic: topics,
    Taxonomy: taxonomies,
}
for _cls, _function in _PUBLIC.items():
    register(_cls, _function)
