"""Hypothesis strategies for comparison and timeline tests: small worlds that collide.

:mod:`govrecords.testing` draws any valid record, but its topic ids, texts and record
ids are free text, so two sides rarely share a topic or a recommendation. These
strategies draw from tiny vocabularies on purpose: the same topics, the same words,
the same session ids and stakeholder groups turn up on both sides, which is where
matching, mirroring and ordering can go wrong.
"""

from __future__ import annotations

import random
from typing import TypeVar

import attrs
from hypothesis import strategies as st

from govrecords import (
    Actor,
    ActorKind,
    ConsensusLevel,
    DateRange,
    Finding,
    Force,
    Forum,
    PartialDate,
    Position,
    Recommendation,
    Session,
    StakeholderGroup,
    StakeholderKind,
    Stance,
    Statement,
    Workshop,
)
from govrecords.testing import forums, sessions, workshops

TOPICS = ("privacy", "security", "sovereignty", "development")
WORDS = ("igf", "dialog", "stakeholders", "continue", "privacy", "model", "open", "the", "and", "local")
GROUPS = (StakeholderKind.GOVERNMENT, StakeholderKind.CIVIL_SOCIETY, StakeholderKind.PRIVATE_SECTOR)

topic_sets = st.lists(st.sampled_from(TOPICS), max_size=2, unique=True).map(tuple)
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)
levels = st.sampled_from(ConsensusLevel)


@st.composite
def years(draw: st.DrawFn) -> PartialDate | DateRange | None:
    """A date from a few years, at year or day precision, or an open range, or none."""
    year = draw(st.integers(2010, 2013))
    return draw(
        st.sampled_from([None, PartialDate(year), PartialDate(year, 10, 24), DateRange(None, PartialDate(year, 11, 9))])
    )


actors = st.builds(
    Actor,
    kind=st.sampled_from((ActorKind.STAKEHOLDER_GROUP, ActorKind.PANEL, ActorKind.AUDIENCE)),
    stakeholder=st.none() | st.sampled_from(GROUPS).map(StakeholderGroup),
)
positions = st.builds(Position, actor=actors, stance=st.sampled_from(Stance), claim=texts, topics=topic_sets)
findings = st.builds(
    Finding, text=texts, consensus=levels, topics=topic_sets, positions=st.lists(positions, max_size=2).map(tuple)
)
statements = st.builds(Statement, text=texts, topics=topic_sets)
recommendations = st.builds(
    Recommendation,
    text=texts,
    number=st.none() | st.sampled_from(("1)", "2)", "10)")),
    force=st.none() | st.sampled_from((Force.URGE, Force.ENCOURAGE)),
    topics=topic_sets,
)


def _small(strategy: st.SearchStrategy[object], size: int = 2) -> st.SearchStrategy[tuple[object, ...]]:
    return st.lists(strategy, max_size=size).map(tuple)


small_sessions = st.builds(
    Session,
    id=st.sampled_from(("s1", "s2", "s3")),
    title=st.sampled_from(("Session one", "Session two")),
    forum=st.none() | st.sampled_from(("f1", "f2")),
    date=years(),
    key_issues=_small(statements, 1),
    policy_questions=_small(statements, 1),
    findings=_small(findings),
    recommendations=_small(recommendations, 3),
    topics=topic_sets,
)
small_workshops = st.builds(
    Workshop,
    id=st.sampled_from(("w1", "w2")),
    title=st.sampled_from(("Workshop one", "Workshop two")),
    date=years(),
    issues=_small(statements),
    policy_questions=_small(statements),
    topics=topic_sets,
)
small_forums = st.builds(
    Forum,
    id=st.sampled_from(("f1", "f2", "f3")),
    name=st.none() | st.sampled_from(("IGF 2012", "IGF 2013")),
    dates=years(),
    sessions=_small(small_sessions),
    workshops=_small(small_workshops, 1),
)

items = st.one_of(small_forums, small_sessions, small_workshops)
"""One forum, session or workshop from the small world."""
sides = st.lists(items, max_size=3)
"""A side of a comparison: a few forums, sessions and workshops from the small world."""
any_sides = st.lists(st.one_of(forums(max_size=1), sessions(max_size=1), workshops(max_size=1)), max_size=2)
"""A side drawn from :mod:`govrecords.testing`: any valid records at all."""


T = TypeVar("T")
Side = list[Forum | Session | Workshop]
"""What a comparison side or a timeline takes in these tests."""


def shuffled(side: Side, seed: int) -> Side:
    """*side* in another order, and every forum's sessions and workshops, every session's
    findings, recommendations and statements, in another order too."""
    rng = random.Random(seed)

    def mix(values: tuple[T, ...]) -> tuple[T, ...]:
        out = list(values)
        rng.shuffle(out)
        return tuple(out)

    def session(item: Session) -> Session:
        return attrs.evolve(
            item,
            findings=mix(item.findings),
            recommendations=mix(item.recommendations),
            key_issues=mix(item.key_issues),
            policy_questions=mix(item.policy_questions),
        )

    def deep(item: Forum | Session | Workshop) -> Forum | Session | Workshop:
        if isinstance(item, Forum):
            return attrs.evolve(item, sessions=mix(tuple(map(session, item.sessions))), workshops=mix(item.workshops))
        if isinstance(item, Session):
            return session(item)
        return attrs.evolve(item, issues=mix(item.issues), policy_questions=mix(item.policy_questions))

    out = [deep(item) for item in side]
    rng.shuffle(out)
    return out
