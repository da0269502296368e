"""Hypothesis strategies for every govrecords record type, each derived from the record's fields.

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

Each record's strategy is read off its attrs fields (their types and validators),
so a field added to a record is drawn with no change here; only values with rules
of their own (dates, ranges, spans, a taxonomy's unique wordings) are written out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from govrecords.testing._types import record_classes

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

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
    while this module is itself half-imported, so each registration looks its strategy
    up when Hypothesis first asks for it instead of now.
    """
    from hypothesis import strategies as st  # here: Hypothesis may still be importing itself

    for cls in record_classes():
        st.register_type_strategy(cls, _registered)


def _registered(cls: type[Any]) -> SearchStrategy[Any]:
    strategy: SearchStrategy[Any] = strategy_for(cls)
    return strategy


try:
    import hypothesis  # noqa: F401  # pyright: ignore[reportUnusedImport]  # checked first, to name the extra
except ImportError as _missing:
    raise ImportError(
        "govrecords.testing needs Hypothesis; install it with: pip install 'govrecords[strategies]'"
    ) from _missing

from govrecords.testing._derive import strategy_for  # noqa: E402 -- after the check for Hypothesis
from govrecords.testing._records import (  # noqa: E402 -- after the check for Hypothesis
    actors,
    findings,
    forums,
    methods,
    participants,
    places,
    positions,
    provenances,
    recommendations,
    sections,
    sessions,
    source_documents,
    stakeholder_groups,
    statements,
    taxonomies,
    topic_labels,
    topics,
    workshops,
)
from govrecords.testing._values import date_ranges, partial_dates, spans, whens  # noqa: E402 -- as above
