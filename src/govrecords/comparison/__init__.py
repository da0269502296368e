"""The comparison: what records say about each topic, and how that changed between sides or over time.

The subpackage reads from the bottom up; each module imports only those above it
in this list (and the record modules below the subpackage):

* ``consensus``: how agreed a topic is on one side (the :class:`Aggregate` rule,
  the :class:`GroupInformedConsensus` measure);
* ``refs``: references to records (:class:`RecordRef`, :class:`ForumRef`) and their
  stable order;
* ``evidence``: the :class:`Evidence` on a topic and the :class:`TopicState` it adds
  up to;
* ``units``: reading records as units (each session or workshop with its forum) and
  gathering their evidence by topic, the hub both :func:`compare` and
  :func:`timeline` start from;
* ``changes``: the vocabulary of change (:class:`Change`, :class:`StanceShift`);
* ``similarity`` and ``matching``: recommendations matched across two sides;
* ``sentences``: every sentence a result carries or a report shows (explanations,
  states, evidence in words);
* ``report``: the :class:`Comparison` and its rows;
* ``two_sides``: :func:`compare`, which builds it;
* ``timelines``: :func:`timeline`, topics across forums.

The names below are the subpackage's public names; the most used are also
importable from ``govrecords`` itself. Like the top level, the subpackage loads a
module on first use of one of its names, so that importing one module (the command
line reads the matching thresholds) does not load them all.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govrecords.comparison.changes import Change, StanceShift
    from govrecords.comparison.consensus import (
        MIN_GROUPS,
        Aggregate,
        GroupInformedConsensus,
        GroupSupport,
        aggregate_levels,
        group_informed_consensus,
    )
    from govrecords.comparison.evidence import Evidence, EvidenceKind, TopicState, TopicStatus
    from govrecords.comparison.matching import (
        REPEATED_AT,
        REWORDED_AT,
        MatchKind,
        RecommendationLink,
        RecommendationMatch,
        RecommendationRef,
        match_recommendations,
    )
    from govrecords.comparison.refs import ForumRef, RecordKind, RecordRef
    from govrecords.comparison.report import (
        Comparison,
        ComparisonSettings,
        SideSummary,
        StanceComparison,
        TopicComparison,
    )
    from govrecords.comparison.similarity import INDEX_LIMIT
    from govrecords.comparison.timelines import Timeline, TimelinePoint, TopicTimeline, Trend, timeline
    from govrecords.comparison.two_sides import compare
    from govrecords.comparison.units import Records

# Where the names of __all__ are defined, in import order (each module imports only
# those before it).
_MODULES = (
    "consensus",
    "refs",
    "evidence",
    "units",
    "changes",
    "similarity",
    "matching",
    "sentences",
    "report",
    "two_sides",
    "timelines",
)

__all__ = [
    "INDEX_LIMIT",
    "MIN_GROUPS",
    "REPEATED_AT",
    "REWORDED_AT",
    "Aggregate",
    "Change",
    "Comparison",
    "ComparisonSettings",
    "Evidence",
    "EvidenceKind",
    "ForumRef",
    "GroupInformedConsensus",
    "GroupSupport",
    "MatchKind",
    "RecommendationLink",
    "RecommendationMatch",
    "RecommendationRef",
    "RecordKind",
    "RecordRef",
    "Records",
    "SideSummary",
    "StanceComparison",
    "StanceShift",
    "Timeline",
    "TimelinePoint",
    "TopicComparison",
    "TopicState",
    "TopicStatus",
    "TopicTimeline",
    "Trend",
    "aggregate_levels",
    "compare",
    "group_informed_consensus",
    "match_recommendations",
    "timeline",
]


def __getattr__(name: str) -> Any:
    # Load the module that defines *name* on first use (start-up speed: see above).
    if name in __all__:
        for module_name in _MODULES:
            module = importlib.import_module(f"govrecords.comparison.{module_name}")
            if name in module.__all__:
                value = getattr(module, name)
                globals()[name] = value  # later look-ups skip this function
                return value
    raise AttributeError(f"module 'govrecords.comparison' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
