"""Hypothesis strategies for every govrecords record type.

Use them in your own property tests (install ``govrecords[strategies]``)::

    from hypothesis import given
    from govrecords import dumps, loads, testing

    @given(testing.sessions())
    def test_round_trip(session):
        assert loads(dumps(session)) == session

Once govrecords is installed, Hypothesis also knows the record classes, so
``st.from_type(Session)`` and ``@given(session=...)`` with type inference work
without importing this module: Hypothesis runs ``_hypothesis_setup_hook`` through
its ``hypothesis`` entry point.

Every value drawn is valid (it builds without error, and it round-trips through
JSON): dates respect month lengths, a range never ends before it starts, text
holds no surrogate code points. Records nest (forums hold sessions, which hold
findings, which hold positions), so nested tuples are kept short by default.
"""

from __future__ import annotations

import calendar
import functools
import string
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

import attrs

from govrecords.dates import DateRange, PartialDate, Precision, Relation, When
from govrecords.provenance import Method, MethodKind, Provenance, SourceDocument, Span
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
from govrecords.vocabulary import (
    ActorKind,
    ConsensusLevel,
    Force,
    ParticipantKind,
    RegionalGroup,
    Role,
    SessionFormat,
    SessionKind,
    StakeholderKind,
    Stance,
)

__all__ = [
    "actors",
    "date_ranges",
    "findings",
    "forums",
    "methods",
    "partial_dates",
    "participants",
    "places",
    "positions",
    "provenances",
    "recommendations",
    "sections",
    "sessions",
    "source_documents",
    "spans",
    "stakeholder_groups",
    "statements",
    "taxonomies",
    "topic_labels",
    "topics",
    "whens",
    "workshops",
]


def _hypothesis_setup_hook() -> None:  # pyright: ignore[reportUnusedFunction]  # Hypothesis calls it
    """Register a strategy for each record class with Hypothesis (run by its entry point).

    Defined before Hypothesis is imported: importing Hypothesis runs this hook, possibly
    while this module is itself half-imported, so each registration names its strategy
    function lazily instead of calling it now.
    """
    from hypothesis import strategies as st

    st.register_type_strategy(PartialDate, lambda _: partial_dates())
    st.register_type_strategy(DateRange, lambda _: date_ranges())
    st.register_type_strategy(Span, lambda _: spans())
    st.register_type_strategy(SourceDocument, lambda _: source_documents())
    st.register_type_strategy(Method, lambda _: methods())
    st.register_type_strategy(Provenance, lambda _: provenances())
    st.register_type_strategy(StakeholderGroup, lambda _: stakeholder_groups())
    st.register_type_strategy(Place, lambda _: places())
    st.register_type_strategy(Participant, lambda _: participants())
    st.register_type_strategy(Actor, lambda _: actors())
    st.register_type_strategy(Statement, lambda _: statements())
    st.register_type_strategy(Position, lambda _: positions())
    st.register_type_strategy(Finding, lambda _: findings())
    st.register_type_strategy(Recommendation, lambda _: recommendations())
    st.register_type_strategy(Section, lambda _: sections())
    st.register_type_strategy(Session, lambda _: sessions())
    st.register_type_strategy(Workshop, lambda _: workshops())
    st.register_type_strategy(Forum, lambda _: forums())
    st.register_type_strategy(TopicLabel, lambda _: topic_labels())
    st.register_type_strategy(Topic, lambda _: topics())
    st.register_type_strategy(Taxonomy, lambda _: taxonomies())


try:
    from hypothesis import assume
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as _missing:
    raise ImportError(
        "govrecords.testing needs Hypothesis; install it with: pip install 'govrecords[strategies]'"
    ) from _missing

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

T = TypeVar("T")
P = ParamSpec("P")

_TEXT_SIZE = 20  # short text keeps nested records fast to draw and to shrink
_CHARACTERS = st.characters(codec="utf-8")  # no lone surrogates: documents are written as UTF-8
_SLUG_PART = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)


def _cached(function: Callable[P, T]) -> Callable[P, T]:
    # The same strategy for the same options, as Hypothesis does for its own: records
    # nest, and building their strategies afresh for every draw is slow.
    return cast("Callable[P, T]", functools.cache(function))


def _texts(*, min_size: int = 0) -> SearchStrategy[str]:
    return st.text(_CHARACTERS, min_size=min_size, max_size=_TEXT_SIZE)


def _names() -> SearchStrategy[str]:
    """Text with at least one non-space character, as identifiers and titles need."""
    return _texts(min_size=1).filter(lambda text: not text.isspace())


def _maybe(strategy: SearchStrategy[T]) -> SearchStrategy[T | None]:
    return st.none() | strategy


def _tuples(strategy: SearchStrategy[T], max_size: int) -> SearchStrategy[tuple[T, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


def _topic_ids(max_size: int) -> SearchStrategy[tuple[str, ...]]:
    return _tuples(_names(), max_size)


def _slugs() -> SearchStrategy[str]:
    return st.lists(_SLUG_PART, min_size=1, max_size=3).map("-".join)


def _check_size(name: str, value: int, *, low: int = 0) -> None:
    if type(value) is not int or value < low:
        raise InvalidArgument(f"{name}={value!r} must be a whole number >= {low}")


def _nested(max_size: int) -> int:
    # Records a level down get at most one of each part: sizes multiply with depth.
    return min(max_size, 1)


# ---------------------------------------------------------------------------
# Dates and spans.


@_cached
def partial_dates(
    *,
    min_year: int = 1,
    max_year: int = 9999,
    min_precision: Precision = Precision.YEAR,
    max_precision: Precision = Precision.MINUTE,
    allow_offsets: bool = True,
) -> SearchStrategy[PartialDate]:
    """Partial dates, each with a precision from *min_precision* to *max_precision*.

    Args:
        min_year: The earliest year drawn (at least 1).
        max_year: The latest year drawn (at most 9999).
        min_precision: The coarsest precision drawn.
        max_precision: The finest precision drawn.
        allow_offsets: Whether dates with an hour may carry a UTC offset.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are out of range or crossed.

    >>> from hypothesis import find
    >>> find(partial_dates(min_precision=Precision.DAY), lambda date: date.year >= 2013)
    PartialDate(year=2013, month=1, day=1, hour=None, minute=None, utc_offset=None)
    """
    _check_years(min_year, max_year)
    try:
        low, high = Precision(min_precision), Precision(max_precision)
    except ValueError:
        raise InvalidArgument(f"{min_precision=} and {max_precision=} must be Precision members") from None
    if low > high:
        raise InvalidArgument(f"min_precision={low!r} is finer than max_precision={high!r}")
    return _partial_dates(min_year=min_year, max_year=max_year, low=low, high=high, offsets=allow_offsets)


def _check_years(min_year: int, max_year: int) -> None:
    for name, value in (("min_year", min_year), ("max_year", max_year)):
        if type(value) is not int or not 1 <= value <= 9999:
            raise InvalidArgument(f"{name}={value!r} must be a whole number from 1 to 9999")
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year} is after max_year={max_year}")


@st.composite
def _partial_dates(
    draw: st.DrawFn, *, min_year: int, max_year: int, low: Precision, high: Precision, offsets: bool
) -> PartialDate:
    precision = draw(st.integers(low, high))
    year = draw(st.integers(min_year, max_year))
    if precision < Precision.MONTH:
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision < Precision.DAY:
        return PartialDate(year, month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    if precision < Precision.HOUR:
        return PartialDate(year, month, day)
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59)) if precision >= Precision.MINUTE else None
    offset = draw(_maybe(st.integers(-18 * 60, 18 * 60))) if offsets else None
    return PartialDate(year, month, day, hour, minute, offset)


@_cached
def date_ranges(*, min_year: int = 1, max_year: int = 9999, allow_open: bool = True) -> SearchStrategy[DateRange]:
    """Date ranges whose end is never before their start.

    Args:
        min_year: The earliest year either end falls in.
        max_year: The latest year either end falls in.
        allow_open: Whether one end may be unknown (``2013/`` or ``/2012-11-06``).

    Raises:
        hypothesis.errors.InvalidArgument: The years are out of range or crossed.
    """
    _check_years(min_year, max_year)
    ends = partial_dates(min_year=min_year, max_year=max_year)
    return _date_ranges(ends, allow_open)


@st.composite
def _date_ranges(draw: st.DrawFn, ends: SearchStrategy[PartialDate], allow_open: bool) -> DateRange:
    start: PartialDate | None = draw(ends)
    end: PartialDate | None = draw(ends)
    assert start is not None  # drawn just above
    assert end is not None
    if end.relation(start) is Relation.BEFORE:
        start, end = end, start  # seen from the other side, "before" becomes "after"
    if allow_open:
        start, end = draw(st.sampled_from([(start, end), (start, None), (None, end)]))
    return DateRange(start, end)


@_cached
def whens(*, min_year: int = 1, max_year: int = 9999) -> SearchStrategy[When]:
    """Partial dates and date ranges: the values of a ``date`` or ``dates`` field."""
    return partial_dates(min_year=min_year, max_year=max_year) | date_ranges(min_year=min_year, max_year=max_year)


@_cached
def spans(*, max_value: int = 10_000) -> SearchStrategy[Span]:
    """Character spans ``[start, end)`` with ``0 <= start <= end <= max_value``.

    Args:
        max_value: The largest offset, such as the length of the source text.
    """
    _check_size("max_value", max_value)
    offsets = st.integers(0, max_value)
    return st.tuples(offsets, offsets).map(lambda pair: Span(min(pair), max(pair)))


# ---------------------------------------------------------------------------
# Sources and provenance.


@_cached
def source_documents() -> SearchStrategy[SourceDocument]:
    """Source documents, with a well-formed (not necessarily matching) SHA-256."""
    return st.builds(
        SourceDocument,
        id=_names(),
        sha256=st.binary(min_size=32, max_size=32).map(bytes.hex),
        title=_maybe(_texts()),
        url=_maybe(_texts()),
        retrieved=_maybe(partial_dates()),
        length=_maybe(st.integers(min_value=0, max_value=10**7)),
        note=_maybe(_texts()),
    )


@_cached
def methods() -> SearchStrategy[Method]:
    """How values were obtained: by hand, by an importer, derived."""
    return st.builds(
        Method,
        kind=st.sampled_from(MethodKind),
        tool=_maybe(_texts()),
        version=_maybe(_texts()),
        template=_maybe(_texts()),
    )


@_cached
def provenances() -> SearchStrategy[Provenance]:
    """Provenance entries, for the record as a whole or for one of its fields."""
    return st.builds(
        Provenance,
        source=_names(),
        span=_maybe(spans()),
        quote=_maybe(_texts()),
        field=_maybe(_texts()),
        method=methods(),
    )


# ---------------------------------------------------------------------------
# Records.


@_cached
def stakeholder_groups() -> SearchStrategy[StakeholderGroup]:
    """Stakeholder groups, with or without the source's wording."""
    return st.builds(StakeholderGroup, kind=st.sampled_from(StakeholderKind), wording=_maybe(_texts()))


@_cached
def places() -> SearchStrategy[Place]:
    """Places, each field possibly unknown; countries are two capital letters."""
    country = st.text(string.ascii_uppercase, min_size=2, max_size=2)
    return st.builds(Place, city=_maybe(_texts()), country=_maybe(country), venue=_maybe(_texts()))


@_cached
def participants(*, max_size: int = 2) -> SearchStrategy[Participant]:
    """Participants in a session or workshop.

    Args:
        max_size: The most provenance entries each holds.
    """
    _check_size("max_size", max_size)
    return st.builds(
        Participant,
        name=_names(),
        kind=st.sampled_from(ParticipantKind),
        role=_maybe(st.sampled_from(Role)),
        honorific=_maybe(_texts()),
        title=_maybe(_texts()),
        affiliation=_maybe(_texts()),
        stakeholder=_maybe(stakeholder_groups()),
        regional_group=_maybe(st.sampled_from(RegionalGroup)),
        country=_maybe(_texts()),
        provenance=_tuples(provenances(), max_size),
    )


@_cached
def actors() -> SearchStrategy[Actor]:
    """Actors: who holds a position, or whom a recommendation addresses."""
    return st.builds(
        Actor,
        kind=st.sampled_from(ActorKind),
        name=_maybe(_texts()),
        stakeholder=_maybe(stakeholder_groups()),
        wording=_maybe(_texts()),
    )


@_cached
def statements(*, max_size: int = 2) -> SearchStrategy[Statement]:
    """Statements: key issues, premises, policy questions.

    Args:
        max_size: The most entries in each of its tuple fields (topics, provenance).
    """
    _check_size("max_size", max_size)
    return st.builds(
        Statement,
        text=_names(),
        number=_maybe(_texts()),
        topics=_topic_ids(max_size),
        provenance=_tuples(provenances(), max_size),
    )


@_cached
def positions(*, max_size: int = 2) -> SearchStrategy[Position]:
    """Positions: who held which stance on what.

    Args:
        max_size: The most entries in each of its tuple fields (topics, provenance).
    """
    _check_size("max_size", max_size)
    return st.builds(
        Position,
        actor=actors(),
        stance=st.sampled_from(Stance),
        claim=_names(),
        topics=_topic_ids(max_size),
        provenance=_tuples(provenances(), max_size),
    )


@_cached
def findings(*, max_size: int = 2) -> SearchStrategy[Finding]:
    """Findings with their consensus level, possibly with positions.

    Args:
        max_size: The most entries in each of its tuple fields (topics, positions,
            provenance); the positions hold at most one of each.
    """
    _check_size("max_size", max_size)
    return st.builds(
        Finding,
        text=_names(),
        consensus=st.sampled_from(ConsensusLevel),
        consensus_wording=_maybe(_texts()),
        topics=_topic_ids(max_size),
        positions=_tuples(positions(max_size=_nested(max_size)), max_size),
        id=_maybe(_texts()),
        provenance=_tuples(provenances(), max_size),
    )


@_cached
def recommendations(*, max_size: int = 2) -> SearchStrategy[Recommendation]:
    """Recommendations, with their addressees and force.

    Args:
        max_size: The most entries in each of its tuple fields (addressees, topics, provenance).
    """
    _check_size("max_size", max_size)
    return st.builds(
        Recommendation,
        text=_names(),
        number=_maybe(_texts()),
        addressees=_tuples(actors(), max_size),
        force=_maybe(st.sampled_from(Force)),
        force_wording=_maybe(_texts()),
        topics=_topic_ids(max_size),
        id=_maybe(_texts()),
        provenance=_tuples(provenances(), max_size),
    )


@_cached
def sections(*, max_size: int = 2) -> SearchStrategy[Section]:
    """Unmapped sections of a source, with or without a heading.

    Args:
        max_size: The most provenance entries each holds.
    """
    _check_size("max_size", max_size)
    return st.builds(Section, heading=_maybe(_texts()), text=_texts(), provenance=_tuples(provenances(), max_size))


@_cached
def sessions(*, max_size: int = 2) -> SearchStrategy[Session]:
    """Sessions as reported, with participants, findings and recommendations.

    Args:
        max_size: The most entries in each of its tuple fields; the records they
            hold have at most one of each.
    """
    _check_size("max_size", max_size)
    inner = _nested(max_size)
    return st.builds(
        Session,
        kind=_maybe(st.sampled_from(SessionKind)),
        participants=_tuples(participants(max_size=inner), max_size),
        summary=_maybe(_texts()),
        key_issues=_tuples(statements(max_size=inner), max_size),
        findings=_tuples(findings(max_size=inner), max_size),
        recommendations=_tuples(recommendations(max_size=inner), max_size),
        proposal=_maybe(_texts()),
        **_held_or_proposed(max_size, inner),
    )


def _held_or_proposed(max_size: int, inner: int) -> dict[str, SearchStrategy[Any]]:
    """The fields a Session and a Workshop share, with the same strategies."""
    return {
        "id": _names(),
        "title": _names(),
        "forum": _maybe(_texts()),
        "identifier": _maybe(_texts()),
        "format": _maybe(st.sampled_from(SessionFormat)),
        "format_wording": _maybe(_texts()),
        "date": _maybe(whens()),
        "place": _maybe(places()),
        "theme": _maybe(_texts()),
        "policy_questions": _tuples(statements(max_size=inner), max_size),
        "topics": _topic_ids(max_size),
        "sections": _tuples(sections(max_size=inner), max_size),
        "notes": _maybe(_texts()),
        "provenance": _tuples(provenances(), max_size),
    }


@_cached
def workshops(*, max_size: int = 2) -> SearchStrategy[Workshop]:
    """Workshops as proposed or announced.

    Args:
        max_size: The most entries in each of its tuple fields; the records they
            hold have at most one of each.
    """
    _check_size("max_size", max_size)
    inner = _nested(max_size)
    return st.builds(
        Workshop,
        kind=st.sampled_from(SessionKind),
        organisers=_tuples(participants(max_size=inner), max_size),
        description=_maybe(_texts()),
        issues=_tuples(statements(max_size=inner), max_size),
        status=_maybe(_texts()),
        **_held_or_proposed(max_size, inner),
    )


@_cached
def forums(*, max_size: int = 2) -> SearchStrategy[Forum]:
    """Forums with their sessions, workshops and sources.

    Args:
        max_size: The most entries in each of its tuple fields; the sessions and
            workshops it holds have at most one of each part.
    """
    _check_size("max_size", max_size)
    inner = _nested(max_size)
    return st.builds(
        Forum,
        id=_names(),
        name=_maybe(_texts()),
        series=_maybe(_texts()),
        scope=_maybe(_texts()),
        edition=_maybe(_texts()),
        place=_maybe(places()),
        dates=_maybe(whens()),
        theme=_maybe(_texts()),
        reports_to=_maybe(_texts()),
        sessions=_tuples(sessions(max_size=inner), max_size),
        workshops=_tuples(workshops(max_size=inner), max_size),
        sources=_tuples(source_documents(), max_size),
        notes=_maybe(_texts()),
        provenance=_tuples(provenances(), max_size),
    )


# ---------------------------------------------------------------------------
# Topics.


@_cached
def topic_labels() -> SearchStrategy[TopicLabel]:
    """Year- and series-specific labels of a topic."""
    return st.builds(TopicLabel, label=_texts(), year=_maybe(st.integers(1, 9999)), series=_maybe(_texts()))


@_cached
def topics(*, max_size: int = 2) -> SearchStrategy[Topic]:
    """Topics with slug ids; ``broader`` is any slug (see :func:`taxonomies` for consistent ones).

    Args:
        max_size: The most aliases and the most labels each holds.
    """
    _check_size("max_size", max_size)
    return _topics(_slugs(), _maybe(_slugs()), max_size)


def _topics(ids: SearchStrategy[str], broader: SearchStrategy[str | None], max_size: int) -> SearchStrategy[Topic]:
    return st.builds(
        Topic,
        id=ids,
        label=_texts(),
        aliases=_tuples(_texts(), max_size),
        broader=broader,
        labels=_tuples(topic_labels(), max_size),
        cues=_tuples(_texts(), max_size),
    )


@_cached
def taxonomies(*, min_size: int = 0, max_size: int = 4) -> SearchStrategy[Taxonomy]:
    """Taxonomies whose topic ids are unique and whose ``broader`` ids name one of their topics.

    Args:
        min_size: The fewest topics.
        max_size: The most topics.

    Raises:
        hypothesis.errors.InvalidArgument: The sizes are negative or crossed.
    """
    _check_size("min_size", min_size)
    _check_size("max_size", max_size, low=min_size)
    return _taxonomies(min_size, max_size)


@st.composite
def _taxonomies(draw: st.DrawFn, min_size: int, max_size: int) -> Taxonomy:
    from govrecords.taxonomy import _words  # pyright: ignore[reportPrivateUsage]  # the taxonomy's own rule

    ids = draw(st.lists(_slugs(), min_size=min_size, max_size=max_size, unique=True))
    # A taxonomy gives each wording to one topic (or to its names and idioms), and its
    # broader links form no cycle: each topic's broader topic is one drawn before it.
    owner: dict[tuple[str, ...], str] = {}

    def free(texts: tuple[str, ...], who: str) -> tuple[str, ...]:
        kept: list[str] = []
        for text in texts:
            words = _words(text)
            if words and owner.setdefault(words, who) == who:
                kept.append(text)
        return tuple(kept)

    members: list[Topic] = []
    for index, topic_id in enumerate(ids):
        broader: SearchStrategy[str | None] = _maybe(st.sampled_from(ids[:index])) if index else st.none()
        topic = draw(_topics(st.just(topic_id), broader, 1))
        assume(not _words(topic.label) or free((topic.label,), topic_id))
        members.append(
            attrs.evolve(
                topic,
                aliases=free(topic.aliases, topic_id),
                cues=free(topic.cues, topic_id),
            )
        )
    names = free(draw(_tuples(_texts(), 1)), "")
    return Taxonomy(draw(_texts()), tuple(members), draw(_maybe(_texts())), names)
