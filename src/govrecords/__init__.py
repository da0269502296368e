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
from govrecords.serialisation import registry as _registry

# Where each record type is defined, in the order documents and the JSON Schema list
# them: serialisation sits below these modules and learns of them only from here.
# A look-up of a type tag imports its module on first use (see the registry).
_registry.declare(
    {
        "forum": "govrecords.records",
        "session": "govrecords.records",
        "workshop": "govrecords.records",
        "source": "govrecords.provenance",
        "taxonomy": "govrecords.taxonomy",
        "topic": "govrecords.taxonomy",
        "comparison": "govrecords.comparison.report",
        "timeline": "govrecords.comparison.timelines",
    }
)

if TYPE_CHECKING:
    from govrecords.checks import Issue, Severity, check
    from govrecords.comparison import (
        Comparison,
        ComparisonSettings,
        SideSummary,
        StanceComparison,
        TopicComparison,
        compare,
    )
    from govrecords.comparison.changes import Change, StanceShift
    from govrecords.comparison.consensus import Aggregate, GroupInformedConsensus, GroupSupport
    from govrecords.comparison.evidence import Evidence, EvidenceKind, TopicState, TopicStatus
    from govrecords.comparison.matching import MatchKind, RecommendationLink, RecommendationMatch, RecommendationRef
    from govrecords.comparison.refs import ForumRef, RecordKind, RecordRef
    from govrecords.comparison.timelines import Timeline, TimelinePoint, TopicTimeline, Trend, timeline
    from govrecords.dateparse import parse_date, parse_when
    from govrecords.dates import (
        DateRange,
        PartialDate,
        Precision,
        Relation,
        When,
    )
    from govrecords.errors import (
        ArgumentTypeError,
        DateParseError,
        FileAccessError,
        FormatVersionError,
        GovRecordsError,
        GovRecordsWarning,
        ImportFailedError,
        LimitExceededError,
        MissingExtraError,
        Problem,
        RecordImportWarning,
        SerializationError,
        TaxonomyError,
        UnknownTopicError,
        ValidationError,
    )
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
    from govrecords.serialisation import (
        FORMAT_VERSION,
        Limits,
        dump,
        dumps,
        iter_jsonl,
        json_schema,
        load,
        loads,
        make_converter,
        write_jsonl,
    )
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
    "Change": "comparison.changes",
    "StanceShift": "comparison.changes",
    "Issue": "checks.rules",
    "Severity": "checks.rules",
    "check": "checks",
    "Comparison": "comparison.report",
    "ComparisonSettings": "comparison.report",
    "SideSummary": "comparison.report",
    "StanceComparison": "comparison.report",
    "TopicComparison": "comparison.report",
    "compare": "comparison.two_sides",
    "Aggregate": "comparison.consensus",
    "GroupInformedConsensus": "comparison.consensus",
    "GroupSupport": "comparison.consensus",
    "DateRange": "dates",
    "PartialDate": "dates",
    "Precision": "dates",
    "Relation": "dates",
    "When": "dates",
    "parse_date": "dateparse",
    "parse_when": "dateparse",
    "ArgumentTypeError": "errors",
    "DateParseError": "errors",
    "FileAccessError": "errors",
    "FormatVersionError": "errors",
    "GovRecordsError": "errors",
    "GovRecordsWarning": "errors",
    "ImportFailedError": "errors",
    "LimitExceededError": "errors",
    "MissingExtraError": "errors",
    "Problem": "errors",
    "RecordImportWarning": "errors",
    "SerializationError": "errors",
    "TaxonomyError": "errors",
    "UnknownTopicError": "errors",
    "ValidationError": "errors",
    "Evidence": "comparison.evidence",
    "EvidenceKind": "comparison.evidence",
    "ForumRef": "comparison.refs",
    "RecordKind": "comparison.refs",
    "RecordRef": "comparison.refs",
    "TopicState": "comparison.evidence",
    "TopicStatus": "comparison.evidence",
    "FORMAT_VERSION": "serialisation",
    "dump": "serialisation",
    "dumps": "serialisation",
    "iter_jsonl": "serialisation",
    "load": "serialisation",
    "loads": "serialisation",
    "make_converter": "serialisation",
    "write_jsonl": "serialisation",
    "Limits": "serialisation",
    "MatchKind": "comparison.matching",
    "RecommendationLink": "comparison.matching",
    "RecommendationMatch": "comparison.matching",
    "RecommendationRef": "comparison.matching",
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
    "json_schema": "serialisation",
    "TagDecision": "taxonomy",
    "Taxonomy": "taxonomy",
    "Topic": "taxonomy",
    "TopicLabel": "taxonomy",
    "TopicTag": "taxonomy",
    "default_taxonomy": "taxonomy",
    "explain_tags": "taxonomy",
    "load_taxonomy": "taxonomy",
    "Timeline": "comparison.timelines",
    "TimelinePoint": "comparison.timelines",
    "TopicTimeline": "comparison.timelines",
    "Trend": "comparison.timelines",
    "timeline": "comparison.timelines",
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
    "ArgumentTypeError",
    "Change",
    "Comparison",
    "ComparisonSettings",
    "ConsensusLevel",
    "DateParseError",
    "DateRange",
    "Evidence",
    "EvidenceKind",
    "FileAccessError",
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
    "MissingExtraError",
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
