"""Nothing lost: every record type survives every writer and reader exactly, many thousand times.

For each type a document may hold (``govrecords.serialisation.registry.record_types()``), a record drawn
from the public strategies goes through ``dumps``/``loads`` (indented and compact, as
text and as UTF-8 bytes) and through JSON Lines, and must come back equal; writing it
again must give the same bytes. Under the ``ci`` Hypothesis profile
(``HYPOTHESIS_PROFILE=ci``, see ``conftest.py``) the types share 10 000 examples between
them (in shares that follow each type's cost, at least 800 each); the default profile runs
400, for development.

Comparisons and timelines are not drawn directly: they are computed (by ``compare`` and
``timeline``) from the small record worlds of ``comparison_strategies.py``, so each is
one the library can really produce.
"""

from __future__ import annotations

import io
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from comparison_strategies import sides
from govrecords import dumps, iter_jsonl, loads, testing
from govrecords.comparison import compare
from govrecords.comparison.timelines import timeline
from govrecords.serialisation.registry import record_type_name, record_types

CI = os.environ.get("HYPOTHESIS_PROFILE") == "ci"
# (strategy, examples under ci). The shares follow the cost of drawing each type (a
# comparison is computed from two drawn sides), so 10 000 examples fit in about two CPU
# minutes; every type gets at least 800. The default profile runs 1/25 of each.
STRATEGIES: dict[str, tuple[st.SearchStrategy[object], int]] = {
    "comparison": (st.builds(compare, sides, sides), 800),
    "timeline": (st.builds(timeline, sides), 800),
    "forum": (testing.forums(max_size=1), 1200),  # its sessions and workshops get their own share
    "session": (testing.sessions(), 1200),
    "workshop": (testing.workshops(), 1300),
    "taxonomy": (testing.taxonomies(), 1300),
    "topic": (testing.topics(), 1700),
    "source": (testing.source_documents(), 1700),
}


def _examples(name: str) -> int:
    share = STRATEGIES[name][1]
    return share if CI else share // 25


def test_every_record_type_has_a_strategy() -> None:
    """The round trip below covers every type a document may hold, and no other."""
    assert set(STRATEGIES) == set(record_types())
    assert sum(_examples(name) for name in STRATEGIES) == (10_000 if CI else 400)


@pytest.mark.parametrize("name", sorted(STRATEGIES))
def test_round_trip(name: str) -> None:
    """loads(dumps(x)) == x for compact and indented text and UTF-8 bytes and JSON Lines; writing is stable."""

    @settings(max_examples=_examples(name), suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(STRATEGIES[name][0])
    def round_trip(record: object) -> None:
        assert record_type_name(type(record)) == name
        compact = dumps(record, indent=None)
        assert loads(compact) == record
        assert loads(compact.encode("utf-8")) == record
        indented = dumps(record)
        assert loads(indented, type(record)) == record
        assert list(iter_jsonl(io.StringIO(compact + "\n" + compact + "\n"))) == [record, record]
        assert dumps(loads(indented)) == indented

    round_trip()
