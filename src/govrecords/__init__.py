"""govrecords: typed, validated, comparable records of internet-governance forums.

The public API is what this module exports (its ``__all__``); everything lives in
modules named for what they hold and is re-exported here. Names are imported on
first use, so ``import govrecords`` stays fast and pulls in cattrs only when a
record is read or written.

>>> import govrecords
>>> govrecords.PartialDate(2013, 10, 24).precision.name
'DAY'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from govrecords._version import __version__

if TYPE_CHECKING:
    from govrecords.changes import Change, StanceShift
    from govrecords.checks import Issue, Severity, check
    from govrecords.comparison import (
        Comparison,
        ComparisonSettings,
        SideSummary,
        StanceComparison,
        TopicComparison,
        compare,
    )
    from govrecords.consensus import Aggregate, GroupInformedConsensus, GroupSupport
    from govrecords.dateparse import parse_date, parse_when
    from govrecords.dates import (
        DateRange,
        PartialDate,
        Precision,
        Relation,
        When,
    )
    from govrecords.errors import (
        DateParseError,
        FormatVersionError,
        GovRecordsError,
        GovRecordsWarning,
        ImportFailedError,
        LimitExceededError,
        Problem,
        RecordImportWarning,
        SerializationError,
        TaxonomyError,
        UnknownTopicError,
        ValidationError,
    )
    from govrecords.evidence import Evidence, EvidenceKind, ForumRef, RecordKind, RecordRef, TopicState, TopicStatus
    from govrecords.formats import (
        FORMAT_VERSION,
        dump,
        dumps,
        iter_jsonl,
        load,
        loads,
        make_converter,
        write_jsonl,
    )
    from govrecords.limits import Limits
    from govrecords.matching import MatchKind, RecommendationLink, RecommendationMatch, RecommendationRef
    from govrecords.provenance import Method, MethodKind, Provenance, SourceDocument, Span, content_hash
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
    from govrecords.schema import json_schema
    from govrecords.taxonomy import (
        TagDecision,
        Taxonomy,
        Topic,
        TopicLabel,
        TopicTag,
        default_taxonomy,
        explain_tags,
        load_taxonomy,
    )
    from govrecords.timelines import Timeline, TimelinePoint, TopicTimeline, Trend, timeline
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

_WHERE = {
    "Change": "changes",
    "StanceShift": "changes",
    "Issue": "checks",
    "Severity": "checks",
    "check": "checks",
    "Comparison": "comparison",
    "ComparisonSettings": "comparison",
    "SideSummary": "comparison",
    "StanceComparison": "comparison",
    "TopicComparison": "comparison",
    "compare": "comparison",
    "Aggregate": "consensus",
    "GroupInformedConsensus": "consensus",
    "GroupSupport": "consensus",
    "DateRange": "dates",
    "PartialDate": "dates",
    "Precision": "dates",
    "Relation": "dates",
    "When": "dates",
    "parse_date": "dateparse",
    "parse_when": "dateparse",
    "DateParseError": "errors",
    "FormatVersionError": "errors",
    "GovRecordsError": "errors",
    "GovRecordsWarning": "errors",
    "ImportFailedError": "errors",
    "LimitExceededError": "errors",
    "Problem": "errors",
    "RecordImportWarning": "errors",
    "SerializationError": "errors",
    "TaxonomyError": "errors",
    "UnknownTopicError": "errors",
    "ValidationError": "errors",
    "Evidence": "evidence",
    "EvidenceKind": "evidence",
    "ForumRef": "evidence",
    "RecordKind": "evidence",
    "RecordRef": "evidence",
    "TopicState": "evidence",
    "TopicStatus": "evidence",
    "FORMAT_VERSION": "formats",
    "dump": "formats",
    "dumps": "formats",
    "iter_jsonl": "formats",
    "load": "formats",
    "loads": "formats",
    "make_converter": "formats",
    "write_jsonl": "formats",
    "Limits": "limits",
    "MatchKind": "matching",
    "RecommendationLink": "matching",
    "RecommendationMatch": "matching",
    "RecommendationRef": "matching",
    "Method": "provenance",
    "MethodKind": "provenance",
    "Provenance": "provenance",
    "SourceDocument": "provenance",
    "Span": "provenance",
    "content_hash": "provenance",
    "Actor": "records",
    "Finding": "records",
    "Forum": "records",
    "Participant": "records",
    "Place": "records",
    "Position": "records",
    "Recommendation": "records",
    "Section": "records",
    "Session": "records",
    "StakeholderGroup": "records",
    "Statement": "records",
    "Workshop": "records",
    "json_schema": "schema",
    "TagDecision": "taxonomy",
    "Taxonomy": "taxonomy",
    "Topic": "taxonomy",
    "TopicLabel": "taxonomy",
    "TopicTag": "taxonomy",
    "default_taxonomy": "taxonomy",
    "explain_tags": "taxonomy",
    "load_taxonomy": "taxonomy",
    "Timeline": "timelines",
    "TimelinePoint": "timelines",
    "TopicTimeline": "timelines",
    "Trend": "timelines",
    "timeline": "timelines",
    "ActorKind": "vocabulary",
    "ConsensusLevel": "vocabulary",
    "Force": "vocabulary",
    "ParticipantKind": "vocabulary",
    "RegionalGroup": "vocabulary",
    "Role": "vocabulary",
    "SessionFormat": "vocabulary",
    "SessionKind": "vocabulary",
    "StakeholderKind": "vocabulary",
    "Stance": "vocabulary",
}

__all__ = [
    "FORMAT_VERSION",
    "Actor",
    "ActorKind",
    "Aggregate",
    "Change",
    "Comparison",
    "ComparisonSettings",
    "ConsensusLevel",
    "DateParseError",
    "DateRange",
    "Evidence",
    "EvidenceKind",
    "Finding",
    "Force",
    "FormatVersionError",
    "Forum",
    "ForumRef",
    "GovRecordsError",
    "GovRecordsWarning",
    "GroupInformedConsensus",
    "GroupSupport",
    "ImportFailedError",
    "Issue",
    "LimitExceededError",
    "Limits",
    "MatchKind",
    "Method",
    "MethodKind",
    "PartialDate",
    "Participant",
    "ParticipantKind",
    "Place",
    "Position",
    "Precision",
    "Problem",
    "Provenance",
    "Recommendation",
    "RecommendationLink",
    "RecommendationMatch",
    "RecommendationRef",
    "RecordImportWarning",
    "RecordKind",
    "RecordRef",
    "RegionalGroup",
    "Relation",
    "Role",
    "Section",
    "SerializationError",
    "Session",
    "SessionFormat",
    "SessionKind",
    "Severity",
    "SideSummary",
    "SourceDocument",
    "Span",
    "StakeholderGroup",
    "StakeholderKind",
    "Stance",
    "StanceComparison",
    "StanceShift",
    "Statement",
    "TagDecision",
    "Taxonomy",
    "TaxonomyError",
    "Timeline",
    "TimelinePoint",
    "Topic",
    "TopicComparison",
    "TopicLabel",
    "TopicState",
    "TopicStatus",
    "TopicTag",
    "TopicTimeline",
    "Trend",
    "UnknownTopicError",
    "ValidationError",
    "When",
    "Workshop",
    "__version__",
    "check",
    "compare",
    "content_hash",
    "default_taxonomy",
    "dump",
    "dumps",
    "explain_tags",
    "iter_jsonl",
    "json_schema",
    "load",
    "load_taxonomy",
    "loads",
    "make_converter",
    "parse_date",
    "parse_when",
    "timeline",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'govrecords' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"govrecords.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
