"""Comparison: topic changes, stance shifts, the numeric consensus measure, the laws, the golden fixtures.

Checks that :func:`govrecords.compare` names every kind of change from records built
for it, computes the group-informed consensus by its formula, says plainly when a
side only raises a topic, and obeys its laws under Hypothesis: comparing a side with
itself reports no change, ``compare(b, a)`` is ``compare(a, b).mirror()``, and the
result does not depend on the order of the records. The bundled seed comparison is
checked for what the demo must show, and the ``compare`` and ``demo`` commands are run.

Golden fixtures live in ``tests/fixtures/compare/``, one directory per case:
``seeds`` compares the two bundled examples, ``series`` compares ``before.json`` with
``after.jsonl``; each holds ``expected.json``, the comparison as :func:`govrecords.dumps`
writes it. After an intended change to the comparison (or to the examples), regenerate
them from the repository root, read the diff, and commit it::

    PYTHONPATH=tests python tests/comparison/test_compare.py --regenerate
"""

from __future__ import annotations

import json
import sys
from fractions import Fraction
from pathlib import Path
from typing import Any
from unittest import mock

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_strategies import Side, any_sides, shuffled, sides, small_workshops
from govrecords import (
    Actor,
    ActorKind,
    Comparison,
    ConsensusLevel,
    Finding,
    Forum,
    Method,
    MethodKind,
    PartialDate,
    Position,
    Provenance,
    Recommendation,
    Session,
    Span,
    StakeholderGroup,
    StakeholderKind,
    Stance,
    Statement,
    ValidationError,
    Workshop,
    compare,
    default_taxonomy,
    dumps,
    examples,
    json_schema,
    load,
    loads,
)
from govrecords.cli import main
from govrecords.comparison import Aggregate, Change, MatchKind, StanceShift, TopicStatus
from govrecords.comparison.consensus import GroupSupport, aggregate_levels, group_informed_consensus
from govrecords.comparison.evidence import EvidenceKind, state_of
from govrecords.errors import UnknownTopicError
from govrecords.render import to_text
from govrecords.serialisation.jsonl import iter_jsonl

FIXTURES = Path(__file__).parent.parent / "fixtures" / "compare"
L = ConsensusLevel


def _session(sid: str, *findings: Finding, **fields: Any) -> Session:
    return Session(id=sid, title=sid.upper(), findings=findings, **fields)


def _finding(level: ConsensusLevel, *topics: str, positions: tuple[Position, ...] = ()) -> Finding:
    return Finding(f"a point at {level.value}", level, topics=topics, positions=positions)


def _position(group: StakeholderKind | None, stance: Stance, *topics: str) -> Position:
    stakeholder = StakeholderGroup(group) if group is not None else None
    return Position(Actor(ActorKind.STAKEHOLDER_GROUP, stakeholder=stakeholder), stance, "a claim", topics)


def _seeds() -> Comparison:
    before, after = (examples.load(name) for name in examples.names())
    return compare(before, after)


# ---------------------------------------------------------------------------
# Topic changes.


@pytest.mark.parametrize(
    ("first", "second", "change"),
    [
        (L.OPINIONS_VARIED, L.COMMON_VIEW, Change.STRENGTHENED),
        (L.COMMON_VIEW, L.CONTESTED, Change.WEAKENED),
        (L.ROUGH_CONSENSUS, L.ROUGH_CONSENSUS, Change.UNCHANGED),
    ],
)
def test_levels_on_both_sides(first: ConsensusLevel, second: ConsensusLevel, change: Change) -> None:
    """Concluded on both sides: strengthened, weakened or unchanged by the levels' order."""
    report = compare(_session("a", _finding(first, "privacy")), _session("b", _finding(second, "privacy")))
    row = report.topic("privacy")
    assert row is not None
    assert (row.before.level, row.after.level, row.change) == (first, second, change)
    assert row.change.value in row.explanation


def test_strengthened_counts_the_steps() -> None:
    """The explanation says how far the level moved on the scale."""
    row = compare(_session("a", _finding(L.CONTESTED, "x")), _session("b", _finding(L.COMMON_VIEW, "x"))).topics[0]
    assert "5 steps up" in row.explanation


def test_newly_raised_and_no_longer_discussed() -> None:
    """A topic on one side only is newly raised or no longer discussed."""
    report = compare(_session("a", _finding(L.COMMON_VIEW, "old")), _session("b", _finding(L.CONTESTED, "new")))
    changes = {row.topic: row.change for row in report.topics}
    assert changes == {"old": Change.NO_LONGER_DISCUSSED, "new": Change.NEWLY_RAISED}


def test_raised_is_not_a_level() -> None:
    """A topic only raised (a policy question) against a level is raised again or concluded, never weakened."""
    concluded = _session("a", _finding(L.COMMON_VIEW, "privacy"))
    announced = Workshop(id="w", title="W", policy_questions=(Statement("What about privacy?", topics=("privacy",)),))
    row = compare(concluded, announced).topics[0]
    assert row.after.status is TopicStatus.RAISED
    assert row.after.level is None
    assert row.change is Change.RAISED_WITHOUT_OUTCOME
    assert "not placed on the consensus scale" in row.explanation
    assert "raised, not yet concluded" in row.explanation
    assert "workshop announcement" in row.explanation
    assert compare(announced, concluded).topics[0].change is Change.CONCLUDED


def test_still_open_and_absent() -> None:
    """Raised on both sides is still open; a topic asked for and absent on both is absent."""
    first = _session("a", key_issues=(Statement("issue", topics=("x",)),))
    second = _session("b", policy_questions=(Statement("question", topics=("x",)),))
    report = compare(first, second, topics=["x", "privacy"])
    assert [(row.topic, row.change) for row in report.topics] == [
        ("privacy", Change.ABSENT),
        ("x", Change.STILL_OPEN),
    ]
    assert "raised without a reported consensus level" in report.topics[1].explanation


def test_a_misspelt_topic_is_refused_with_a_suggestion() -> None:
    """A topic asked for that neither the taxonomy nor a side knows is an error, never a silent absence."""
    first = _session("a", key_issues=(Statement("issue", topics=("x",)),))
    with pytest.raises(UnknownTopicError, match="did you mean 'privacy'"):
        compare(first, first, topics=["privcy"])


def test_not_discussed_finding_is_not_on_the_scale() -> None:
    """A finding that says a topic was not discussed leaves it not discussed, with the finding as evidence."""
    report = compare(_session("a", _finding(L.NOT_DISCUSSED, "x")), _session("b", _finding(L.NOT_DISCUSSED, "x")))
    row = report.topics[0]
    assert row.before.status is TopicStatus.NOT_DISCUSSED
    assert len(row.before.evidence) == 1
    assert row.change is Change.ABSENT


def test_every_kind_of_evidence_raises_a_topic() -> None:
    """Key issues, policy questions, premises, recommendations, positions and tags each make a topic raised."""
    session = Session(
        id="s",
        title="S",
        key_issues=(Statement("k", topics=("a",)),),
        policy_questions=(Statement("q", topics=("b",)),),
        recommendations=(Recommendation("r", topics=("c",)),),
        findings=(Finding("f", L.NOT_DISCUSSED, topics=("z",), positions=(_position(None, Stance.SUPPORTS, "d"),)),),
        topics=("e",),
    )
    workshop = Workshop(id="w", title="W", issues=(Statement("premise", topics=("f",)),))
    report = compare([session, workshop], [])
    statuses = {row.topic: row.before.status for row in report.topics}
    assert statuses == dict.fromkeys("abcdef", TopicStatus.RAISED) | {"z": TopicStatus.NOT_DISCUSSED}


def test_positions_without_topics_take_their_findings() -> None:
    """A position tagged with no topic is about its finding's topic when the finding has one."""
    positions = (
        _position(StakeholderKind.GOVERNMENT, Stance.SUPPORTS),
        _position(StakeholderKind.YOUTH, Stance.OPPOSES),
    )
    finding = _finding(L.COMMON_VIEW, "privacy", positions=positions)
    row = compare(_session("a", finding), []).topics[0]
    assert row.before.consensus is not None
    assert row.before.consensus.groups == (
        GroupSupport(StakeholderKind.GOVERNMENT, 1, 1),
        GroupSupport(StakeholderKind.YOUTH, 0, 1),
    )


def test_untagged_positions_of_a_many_topic_finding_are_evidence_for_none() -> None:
    """A position tagged with no topic, in a finding about several topics, is not quoted under each of them."""
    finding = _finding(L.COMMON_VIEW, "a", "b", positions=(_position(StakeholderKind.YOUTH, Stance.OPPOSES),))
    report = compare(_session("s", finding), [])
    assert all(not row.before.of_kind(EvidenceKind.POSITION) for row in report.topics)
    assert report.stances == ()


def test_group_informed_consensus_needs_two_declared_groups() -> None:
    """One declared group, or none, gives no measure but the reason; two give the measure."""
    one = _finding(L.COMMON_VIEW, "x", positions=(_position(StakeholderKind.YOUTH, Stance.OPPOSES),))
    state = compare(_session("a", one), []).topics[0].before
    assert state.consensus is None
    assert state.consensus_note is not None
    assert "one declared stakeholder group (youth)" in state.consensus_note
    pooled = _finding(L.COMMON_VIEW, "x", positions=(_position(None, Stance.SUPPORTS), _position(None, Stance.OPPOSES)))
    state = compare(_session("a", pooled), []).topics[0].before
    assert state.consensus is None
    assert state.consensus_note is not None
    assert "none from a declared stakeholder group" in state.consensus_note


@pytest.mark.parametrize(
    ("how", "expected"),
    [
        (Aggregate.WEAKEST, L.OPINIONS_VARIED),
        (Aggregate.MOST_COMMON, L.COMMON_VIEW),
        (Aggregate.STRONGEST, L.COMMON_VIEW),
    ],
)
def test_aggregate(how: Aggregate, expected: ConsensusLevel) -> None:
    """A side's level combines its findings' levels as the aggregate says."""
    side = _session(
        "a",
        _finding(L.COMMON_VIEW, "x"),
        _finding(L.OPINIONS_VARIED, "x"),
        Finding("again", L.COMMON_VIEW, topics=("x",)),
    )
    report = compare(side, [], aggregate=how)
    assert report.topics[0].before.level is expected
    assert report.settings.aggregate is how


def test_aggregate_levels_ties_and_nothing() -> None:
    """Most common breaks ties toward the weaker level; no level on the scale gives None."""
    assert aggregate_levels([L.COMMON_VIEW, L.CONTESTED], Aggregate.MOST_COMMON) is L.CONTESTED
    assert aggregate_levels([L.NOT_DISCUSSED]) is None


def test_rollup_counts_broader_topics() -> None:
    """With roll-up, a tag counts for every broader topic of the taxonomy too."""
    side = _session("a", _finding(L.COMMON_VIEW, "sovereignty"))
    assert [row.topic for row in compare(side, []).topics] == ["sovereignty"]
    rolled = compare(side, [], rollup=True)
    assert [row.topic for row in rolled.topics] == ["multistakeholder-model", "role-of-governments", "sovereignty"]
    assert rolled.settings.rollup
    assert rolled.topics[0].label == default_taxonomy()["multistakeholder-model"].label


def test_topics_filter_limits_stances_too() -> None:
    """Asking for some topics reports only those, in topic rows and stance rows alike."""
    position = attrs.evolve(_position(StakeholderKind.YOUTH, Stance.OPPOSES), topics=("a", "b"))
    finding = _finding(L.COMMON_VIEW, "a", "b", positions=(position,))
    report = compare(_session("s", finding), [], topics=["a"])
    assert [row.topic for row in report.topics] == ["a"]
    assert [(row.group, row.topic) for row in report.stances] == [(StakeholderKind.YOUTH, "a")]


# ---------------------------------------------------------------------------
# Stances and the numeric measure.


@pytest.mark.parametrize(
    ("first", "second", "shift"),
    [
        ((), (Stance.SUPPORTS,), StanceShift.ADOPTED),
        ((Stance.OPPOSES,), (), StanceShift.ABANDONED),
        ((Stance.SUPPORTS,), (Stance.OPPOSES,), StanceShift.REVERSED),
        ((Stance.SUPPORTS,), (Stance.SUPPORTS, Stance.OPPOSES), StanceShift.SHIFTED),
        ((Stance.UNDECIDED,), (Stance.UNDECIDED,), StanceShift.UNCHANGED),
    ],
)
def test_stance_shifts(first: tuple[Stance, ...], second: tuple[Stance, ...], shift: StanceShift) -> None:
    """A group's stance per topic: adopted, abandoned, reversed, shifted (to mixed here) or unchanged."""

    def side(stances: tuple[Stance, ...]) -> Session:
        held = tuple(_position(StakeholderKind.CIVIL_SOCIETY, stance, "privacy") for stance in stances)
        return _session("s", _finding(L.COMMON_VIEW, "privacy", positions=held))

    report = compare(side(first), side(second))
    (row,) = report.stances
    assert (row.group, row.topic, row.shift) == (StakeholderKind.CIVIL_SOCIETY, "privacy", shift)
    assert len(row.before_evidence) == len(first)
    assert len(row.after_evidence) == len(second)
    assert shift.value in row.explanation


def test_stances_need_a_declared_group() -> None:
    """Positions of a panel or an audience make no stance row and no group-informed consensus."""
    finding = _finding(L.COMMON_VIEW, "x", positions=(_position(None, Stance.SUPPORTS),))
    report = compare(_session("a", finding), [])
    assert report.stances == ()
    assert report.topics[0].before.consensus is None
    assert report.topics[0].before.consensus_note is not None


def test_group_informed_consensus_formula() -> None:
    """GIC = product over groups of (supporting + 1) / (with a stance + 2), the undeclared pool last."""
    stances = [
        (StakeholderKind.GOVERNMENT, Stance.SUPPORTS),
        (StakeholderKind.GOVERNMENT, Stance.MIXED),
        (StakeholderKind.CIVIL_SOCIETY, Stance.SUPPORTS),
        (None, Stance.OPPOSES),
        (None, Stance.UNDECIDED),
        (None, Stance.SUPPORTS),
    ]
    measure = group_informed_consensus(stances)
    assert measure is not None
    assert [support.group for support in measure.groups] == [
        StakeholderKind.GOVERNMENT,
        StakeholderKind.CIVIL_SOCIETY,
        None,
    ]
    assert measure.fraction == Fraction(2, 4) * Fraction(2, 3) * Fraction(2, 5)
    assert measure.value == pytest.approx(2 / 15)
    assert group_informed_consensus([]) is None


@given(st.lists(st.tuples(st.sampled_from([*StakeholderKind, None]), st.sampled_from(Stance)), min_size=1))
@settings(max_examples=60)
def test_group_informed_consensus_bounds(stances: list[tuple[StakeholderKind | None, Stance]]) -> None:
    """The measure lies strictly between 0 and 1, and adding a supporting position never lowers it."""
    measure = group_informed_consensus(stances)
    assert measure is not None
    assert 0 < measure.fraction < 1
    group = stances[0][0]
    more = group_informed_consensus([*stances, (group, Stance.SUPPORTS)])
    assert more is not None
    assert more.fraction > measure.fraction


def test_records_of_the_report_validate() -> None:
    """Report records refuse states that cannot be: a level without a conclusion, no groups, no stances."""
    from govrecords.comparison import GroupInformedConsensus, TopicState

    with pytest.raises(ValueError, match="exactly when"):
        TopicState(TopicStatus.RAISED, L.COMMON_VIEW)
    with pytest.raises(ValueError, match="exactly when"):
        TopicState(TopicStatus.CONCLUDED)
    with pytest.raises(ValueError, match="on the consensus scale"):
        TopicState(TopicStatus.CONCLUDED, L.NOT_DISCUSSED)
    with pytest.raises(ValueError, match="at least one group"):
        GroupInformedConsensus(())
    with pytest.raises(ValueError, match="each group once"):
        GroupInformedConsensus((GroupSupport(None, 1, 1), GroupSupport(None, 0, 1)))
    with pytest.raises(ValueError, match="at least one side"):
        StanceShift.between(None, None)
    assert state_of([]).status is TopicStatus.NOT_DISCUSSED


def test_evidence_order_tells_an_absent_text_from_an_empty_one() -> None:
    """Two sessions that differ only in a method's template (None or "") give the same comparison in
    either order: the evidence order is total, so a result never depends on input order (found by
    Hypothesis on duplicate session ids)."""

    def session(template: str | None) -> Session:
        method = Method(MethodKind.IMPORTER, template=template)
        statement = Statement("Access for all", topics=("access",), provenance=(Provenance("doc", method=method),))
        return Session(id="s", title="A session", date=PartialDate(2020), key_issues=(statement,))

    one, other = session(None), session("")
    assert compare([], [one, other]) == compare([], [other, one])


def test_evidence_order_tells_a_partial_record_from_a_whole_one() -> None:
    """Two workshops alike but for their own provenance (so one is read as a partial copy) give the
    same comparison in either order (found by Hypothesis on duplicate workshop ids)."""
    question = (Statement("Access for all", topics=("access",)),)
    whole = Workshop("w", "A workshop", date=PartialDate(2020), policy_questions=question)
    quoted = attrs.evolve(whole, provenance=(Provenance("doc", Span(0, 0), "A"),))
    assert compare([], [whole, quoted]) == compare([], [quoted, whole])


def test_group_support_validates() -> None:
    """Counts are whole numbers, support never exceeds the positions, a group has a position."""
    with pytest.raises(ValueError, match="exceeds"):
        GroupSupport(None, 2, 1)
    with pytest.raises(ValueError, match="at least one"):
        GroupSupport(None, 0, 0)
    with pytest.raises(ValueError, match="whole number"):
        GroupSupport(None, -1, 1)


# ---------------------------------------------------------------------------
# Sides and input.


def test_sides_are_summarised() -> None:
    """Each side names its records (with forum and date) and its forums."""
    forum = Forum(id="f", name="IGF 2013", dates=PartialDate(2013), sessions=(Session(id="s", title="S"),))
    report = compare(forum, [Session(id="x", title="X", forum="g"), Workshop(id="y", title="Y")])
    assert report.before.label == "S"
    assert report.before.records[0].forum == "f"
    assert report.before.records[0].date == PartialDate(2013)
    assert [ref.id for ref in report.before.forums] == ["f"]
    assert report.after.label == "2 sessions and workshops from 1 forums"
    assert not report.after.announcements_only
    assert compare([], Workshop(id="y", title="Y")).after.announcements_only
    assert compare([], []).before.label == "nothing"


def test_label_of_a_whole_forum() -> None:
    """A side of one forum is named after it, or after what it reports to."""
    sessions = (Session(id="a", title="A"), Session(id="b", title="B"))
    assert compare(Forum(id="f", name="EuroDIG 2015", sessions=sessions), []).before.label == "EuroDIG 2015"
    unnamed = Forum(id="f", reports_to="IGF 2012 Baku", sessions=sessions)
    assert compare(unnamed, []).before.label == "a forum reporting to IGF 2012 Baku"
    loose = [Session(id="a", title="A", forum="g"), Session(id="b", title="B", forum="g")]
    assert compare(loose, []).before.label == "g"


def test_bad_input_is_named() -> None:
    """Something that is not a record is reported with its side and position, never a bare traceback."""
    with pytest.raises(ValidationError) as caught:
        compare([Session(id="a", title="A"), "not a record"], 42)  # type: ignore[list-item, arg-type]  # a wrong type on purpose: the point of the test
    assert [problem.path for problem in caught.value.problems] == ["before[1]"]
    with pytest.raises(ValidationError) as caught:
        compare([], 42)  # type: ignore[arg-type]  # a wrong type on purpose: the point of the test
    assert caught.value.problems[0].path == "after"


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ({"repeated_at": 101}, "repeated_at"),
        ({"reworded_at": 0}, "reworded_at"),
        ({"reworded_at": 0.5}, "reworded_at"),
        ({"repeated_at": 60, "reworded_at": 70}, "reworded_at"),
        ({"aggregate": "weakest"}, "aggregate"),
        ({"rollup": "yes"}, "rollup"),
    ],
)
def test_bad_options_are_named(options: dict[str, object], path: str) -> None:
    """Thresholds out of range, or options of the wrong kind, are reported by name."""
    with pytest.raises(ValidationError) as caught:
        compare([], [], **options)  # type: ignore[arg-type]  # a wrong type on purpose: the point of the test
    assert caught.value.problems[0].path == path


# ---------------------------------------------------------------------------
# The laws.


@given(sides)
@settings(max_examples=150)
def test_self_comparison_reports_no_change(side: Side) -> None:
    """Comparing anything with itself: every topic unchanged (or still open), every recommendation repeated."""
    report = compare(side, side)
    assert report.is_unchanged
    assert all(match.kind is MatchKind.REPEATED for match in report.recommendations)
    assert all(row.before == row.after for row in report.topics)


@given(sides, sides)
@settings(max_examples=150)
def test_mirror(first: Side, second: Side) -> None:
    """compare(b, a) is the mirror of compare(a, b), and mirroring twice gives the comparison back."""
    forward = compare(first, second)
    assert compare(second, first) == forward.mirror()
    assert forward.mirror().mirror() == forward


@given(sides, sides, st.integers(0, 2**32), st.integers(0, 2**32))
@settings(max_examples=150)
def test_input_order_does_not_matter(first: Side, second: Side, seed1: int, seed2: int) -> None:
    """Shuffling the records, a forum's sessions or a session's parts leaves the comparison as it was."""
    expected = compare(first, second)
    assert compare(shuffled(first, seed1), shuffled(second, seed2)) == expected


@given(sides, sides, st.integers(0, 2**32))
@settings(max_examples=60)
def test_laws_hold_when_the_search_is_limited(first: Side, second: Side, seed: int) -> None:
    """With every word too common to search on, matching loses recall but keeps its laws."""
    with mock.patch("govrecords.comparison.similarity.INDEX_LIMIT", 1):
        report = compare(first, second)
        assert compare(second, first) == report.mirror()
        assert compare(shuffled(first, seed), shuffled(second, seed + 1)) == report
        assert compare(first, first).is_unchanged


@given(any_sides, any_sides, st.integers(0, 2**32))
@settings(max_examples=40)
def test_laws_hold_for_any_records(first: Side, second: Side, seed: int) -> None:
    """The laws hold for any valid records (govrecords.testing), and the report round-trips as JSON."""
    report = compare(first, second)
    assert compare(first, first).is_unchanged
    assert compare(second, first) == report.mirror()
    assert compare(shuffled(first, seed), shuffled(second, seed + 1)) == report
    assert loads(dumps(report), Comparison) == report


def test_reports_match_the_json_schema() -> None:
    """A comparison written as JSON is valid against the shipped JSON Schema."""
    document = json.loads(dumps(_seeds()))
    jsonschema.validate(document, json_schema())
    series = _series()
    jsonschema.validate(json.loads(dumps(series)), json_schema())


# ---------------------------------------------------------------------------
# The seeds, and the golden fixtures.


def test_seed_comparison_covers_the_shared_topics() -> None:
    """The seeds: the multistakeholder model, governments' role, privacy and security appear on both sides."""
    report = _seeds()
    for topic in ("multistakeholder-model", "role-of-governments", "privacy", "security"):
        row = report.topic(topic)
        assert row is not None, topic
        assert row.before.status is TopicStatus.CONCLUDED
        assert row.after.status is TopicStatus.RAISED
        assert row.change is Change.RAISED_WITHOUT_OUTCOME
        assert row.before.evidence
        assert row.after.evidence


def test_seed_evidence_quotes_the_seeds() -> None:
    """Every quote in the seed comparison is exactly the passage its span covers in the bundled text."""
    report = _seeds()
    quotes = 0
    for row in report.topics:
        for state in (row.before, row.after):
            for item in state.evidence:
                for prov in item.provenance:
                    if prov.span is not None and prov.quote is not None:
                        assert examples.source_text(prov.source)[prov.span.start : prov.span.end] == prov.quote
                        quotes += 1
    assert quotes > 20


def test_seed_recommendations_have_no_counterpart() -> None:
    """The 2013 side is an announcement, which makes no recommendations: the four 2012 ones have no
    counterpart there, and are never called dropped."""
    report = _seeds()
    assert [match.kind for match in report.recommendations] == [MatchKind.NO_COUNTERPART_AFTER] * 4
    assert all("not a kind of document that makes recommendations" in m.explanation for m in report.recommendations)
    assert all("dropped" not in m.explanation for m in report.recommendations)
    before, after = (examples.load(name) for name in examples.names())
    assert report.mirror() == compare(after, before)


def _series() -> Comparison:
    before = load(FIXTURES / "series" / "before.json")
    after = list(iter_jsonl(FIXTURES / "series" / "after.jsonl"))
    return compare(before, after)


CASES = {"seeds": _seeds, "series": _series}


@pytest.mark.parametrize("case", sorted(CASES))
def test_golden_fixture(case: str) -> None:
    """Each fixture's comparison is exactly its expected.json (see the module docstring to regenerate)."""
    expected = (FIXTURES / case / "expected.json").read_text("utf-8")
    assert dumps(CASES[case]()) + "\n" == expected
    assert loads(expected, Comparison) == CASES[case]()


def test_series_fixture_names_every_kind() -> None:
    """The series fixture exercises the changes, shifts and matches a person reads about first."""
    report = _series()
    assert {row.change for row in report.topics} >= {Change.STRENGTHENED, Change.WEAKENED, Change.NEWLY_RAISED}
    assert {row.shift for row in report.stances} >= {StanceShift.REVERSED, StanceShift.ADOPTED, StanceShift.SHIFTED}
    kinds = {match.kind for match in report.recommendations}
    assert kinds >= {MatchKind.REPEATED, MatchKind.REWORDED, MatchKind.SPLIT}
    assert kinds & {MatchKind.NEW, MatchKind.NO_COUNTERPART_BEFORE}
    assert kinds & {MatchKind.DROPPED, MatchKind.NO_COUNTERPART_AFTER}


# ---------------------------------------------------------------------------
# The command line.


def test_demo_fits_one_screen(capsys: pytest.CaptureFixture[str]) -> None:
    """By default the demo is one screen: the table of topics and what matters most, never "dropped"
    or "reopened" for the announcement side, and the group-informed consensus never abbreviated."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert len(out.splitlines()) <= 48  # one screen of a 50-line terminal, with the prompt
    for word in ("dropped", "reopened", "GIC", "no longer discussed"):
        assert word not in out, word
    flat = " ".join(out.split())
    assert "not raised in the later document" in flat
    assert "no counterpart" in flat
    assert "consumer rights \u2194 consumer trust, linked by the taxonomy" in flat


def test_demo_topic_filter(capsys: pytest.CaptureFixture[str]) -> None:
    """demo --topic shows only that topic; an unknown topic is an error with no traceback."""
    assert main(["demo", "--topic", "privacy"]) == 0
    out = capsys.readouterr().out
    assert "Privacy and data protection" in out
    assert "Spam" not in out
    assert main(["demo", "--topic", "not-a-topic"]) == 1
    err = capsys.readouterr().err
    assert "not-a-topic" in err
    assert "Traceback" not in err


def test_demo_prints_the_seed_comparison(capsys: pytest.CaptureFixture[str]) -> None:
    """govrecords demo --detail shows the shared topics with quotes, and raised plainly."""
    assert main(["demo", "--detail"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("govrecords demo: a session report")
    assert "GIC" not in out
    flat = " ".join(out.split())  # the text is wrapped at 100 columns
    for needed in (
        "The multistakeholder model",
        "The role of governments",
        "Privacy and data protection",
        "Security and trust",
        "raised, not yet concluded",
        "workshop announcement",
        "not placed on the consensus scale",
        "security concern and privacy issues",
        "Digital divide, online crime, personal information leakage",
        "enable governments, on an equal footing",
    ):
        assert needed in flat, needed


def test_demo_formats(capsys: pytest.CaptureFixture[str]) -> None:
    """demo --format json prints the report as a document; markdown has headings."""
    assert main(["demo", "--format", "json"]) == 0
    assert loads(capsys.readouterr().out, Comparison) == _seeds()
    assert main(["demo", "--format", "markdown", "--detail"]) == 0
    assert "## Topics" in capsys.readouterr().out
    assert main(["demo", "--format", "markdown"]) == 0
    assert "## What matters most" in capsys.readouterr().out


def test_compare_command(capsys: pytest.CaptureFixture[str]) -> None:
    """compare BEFORE AFTER reads .json and .jsonl files and prints the report in the format asked for."""
    before, after = str(FIXTURES / "series" / "before.json"), str(FIXTURES / "series" / "after.jsonl")
    assert main(["compare", before, after, "--format", "json"]) == 0
    assert loads(capsys.readouterr().out, Comparison) == _series()
    assert (
        main(["compare", before, after, "--rollup", "--aggregate", "strongest", "--reworded-at", "60", "--detail"]) == 0
    )
    out = capsys.readouterr().out
    assert "Comparison:" in out
    assert "rolled up" in out


def test_compare_topic_filter(capsys: pytest.CaptureFixture[str]) -> None:
    """--topic keeps only the topics named; a topic neither the taxonomy nor the sides know is an error."""
    before, after = str(FIXTURES / "series" / "before.json"), str(FIXTURES / "series" / "after.jsonl")
    assert main(["compare", before, after, "--topic", "privacy", "--format", "json"]) == 0
    report = loads(capsys.readouterr().out, Comparison)
    assert [row.topic for row in report.topics] == ["privacy"]
    assert main(["compare", before, after, "--topic", "no-such-topic"]) == 1
    err = capsys.readouterr().err
    assert "no-such-topic" in err
    assert "unknown topic" in err
    assert "Traceback" not in err


def test_compare_from_an_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """compare --archive takes each side from the archive by forum id; an unknown forum is reported."""
    archive = tmp_path / "archive.jsonl"
    before, after = str(FIXTURES / "series" / "before.json"), str(FIXTURES / "series" / "after.jsonl")
    assert main(["archive", "add", str(archive), before, after]) == 0
    capsys.readouterr()
    listed = [line.split("\t")[0] for line in _archive_list(archive, capsys)[1:]]
    assert listed
    first, last = min(listed), max(listed)
    assert main(["compare", "--archive", str(archive), first, last, "--format", "json"]) == 0
    report = loads(capsys.readouterr().out, Comparison)
    assert {ref.forum for ref in report.before.records} == {first}
    assert main(["compare", "--archive", str(archive), "nowhere", last]) == 1
    assert "no forum 'nowhere'" in capsys.readouterr().err


def _archive_list(archive: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["archive", "list", str(archive)]) == 0
    return capsys.readouterr().out.splitlines()


def test_compare_versions_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """compare --versions reports the edits between two texts, with spans, in text and in JSON."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Scope\n\n1. The forum will meet in May.\n\n2. Old point.", "utf-8")
    second.write_text("Scope\n\n1. The forum met in May.\n\nNew part\n\n2. New point here.", "utf-8")
    assert main(["compare", "--versions", str(first), str(second), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = sorted(edit["kind"] for edit in data["edits"])
    assert kinds.count("added") >= 1
    assert "removed" in kinds
    assert main(["compare", "--versions", str(first), str(second)]) == 0
    assert "Versions of one document" in capsys.readouterr().out
    assert main(["compare", "--versions", str(first), str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def test_compare_command_reports_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file, a bad document, a record of the wrong type or a bad threshold exits 1 with a message."""
    good = str(FIXTURES / "series" / "before.json")
    assert main(["compare", good, str(tmp_path / "missing.json")]) == 1
    assert "missing.json" in capsys.readouterr().err
    bad = tmp_path / "bad.json"
    bad.write_text('{"format_version": 3, "type": "session", "record": {"id": 7}}', "utf-8")
    assert main(["compare", str(bad), good]) == 1
    assert "bad.json: $.record" in capsys.readouterr().err
    topic = tmp_path / "topic.json"
    topic.write_text(dumps(default_taxonomy()["privacy"]), "utf-8")
    assert main(["compare", str(topic), good]) == 1
    assert "expected a Forum, Session or Workshop" in capsys.readouterr().err
    assert main(["compare", good, good, "--repeated-at", "200"]) == 1
    assert "repeated_at" in capsys.readouterr().err


def test_facade_exports_the_functions() -> None:
    """govrecords.compare and govrecords.timeline are the functions, even once their modules are imported."""
    import govrecords.comparison
    import govrecords.comparison.timelines

    assert govrecords.compare is govrecords.comparison.compare
    assert govrecords.timeline is govrecords.comparison.timelines.timeline


def _regenerate() -> None:
    for case, make in CASES.items():
        (FIXTURES / case).mkdir(parents=True, exist_ok=True)
        (FIXTURES / case / "expected.json").write_text(dumps(make()) + "\n", "utf-8", newline="\n")
        print(f"wrote {FIXTURES / case / 'expected.json'}")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        raise SystemExit("usage: python tests/comparison/test_compare.py --regenerate")
    _regenerate()


@given(sides, st.lists(small_workshops, min_size=1, max_size=2))
@settings(max_examples=80, deadline=None)
def test_an_announcement_never_drops_or_ends_a_topic(before: Side, announced: list[Workshop]) -> None:
    """Against workshop announcements alone, nothing is dropped and no topic is "no longer discussed":
    the announcement makes no recommendations and does not report everything discussed."""
    report = compare(before, announced)
    assert all(row.change is not Change.NO_LONGER_DISCUSSED for row in report.topics)
    assert all(row.change is not Change.REOPENED for row in report.topics)
    assert all(match.kind is not MatchKind.DROPPED for match in report.recommendations)
    assert all(match.kind is MatchKind.NO_COUNTERPART_AFTER for match in report.recommendations)
    assert "dropped" not in to_text(report, detail=False)
