"""Tests for govrecords.testing: the public Hypothesis strategies.

Checks that every strategy draws valid instances of its class that can be written as
UTF-8 JSON; that the options (years, precisions, offsets, open ends, sizes) are
respected and bad options are refused with Hypothesis's ``InvalidArgument``; that the
``hypothesis`` entry point registers the strategies, so ``st.from_type(Session)``
works (both through the installed entry point and by calling the hook); and that
importing the module without Hypothesis fails with an ImportError naming the extra.
"""

from __future__ import annotations

import contextlib
import enum
import importlib.metadata
import importlib.util
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import govrecords.testing
from govrecords import testing
from govrecords._validators import country, ids, many, non_empty, opt_count, opt_str
from govrecords.dates import DateRange, PartialDate, Precision, Relation, When
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
from govrecords.serialisation.converter import make_converter
from govrecords.taxonomy import Taxonomy, Topic, TopicLabel
from govrecords.testing._derive import derive  # pyright: ignore[reportPrivateUsage]  # the derivation itself is tested
from govrecords.testing._types import record_classes  # pyright: ignore[reportPrivateUsage]  # what a forum holds

STRATEGIES: dict[type, Callable[[], st.SearchStrategy[Any]]] = {
    PartialDate: testing.partial_dates,
    DateRange: testing.date_ranges,
    Span: testing.spans,
    SourceDocument: testing.source_documents,
    Method: testing.methods,
    Provenance: testing.provenances,
    StakeholderGroup: testing.stakeholder_groups,
    Place: testing.places,
    Participant: testing.participants,
    Actor: testing.actors,
    Statement: testing.statements,
    Position: testing.positions,
    Finding: testing.findings,
    Recommendation: testing.recommendations,
    Section: testing.sections,
    Session: testing.sessions,
    Workshop: testing.workshops,
    Forum: testing.forums,
    TopicLabel: testing.topic_labels,
    Topic: testing.topics,
    Taxonomy: testing.taxonomies,
}
CLASSES = list(STRATEGIES)
CONVERTER = make_converter()
IDS = [cls.__name__ for cls in CLASSES]


def test_every_public_strategy_is_covered_here() -> None:
    """Each name in ``govrecords.testing.__all__`` is exercised by these tests."""
    tested = {function.__name__ for function in STRATEGIES.values()} | {"whens"}
    assert set(testing.__all__) == tested


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_strategies_draw_valid_instances(cls: type, data: st.DataObject) -> None:
    """Each strategy draws instances of its class that pass the class's validators
    and whose JSON form is valid UTF-8 (no lone surrogates)."""
    value: Any = data.draw(STRATEGIES[cls](), label="value")
    if attrs.has(cls):
        attrs.validate(value)
    assert type(value) is cls
    json.dumps(CONVERTER.unstructure(value), ensure_ascii=False).encode("utf-8")


@settings(max_examples=50)
@given(
    st.integers(1, 9999).flatmap(lambda low: st.tuples(st.just(low), st.integers(low, 9999))),
    st.sampled_from(Precision).flatmap(
        lambda low: st.tuples(st.just(low), st.sampled_from([p for p in Precision if p >= low]))
    ),
    st.booleans(),
    st.data(),
)
def test_partial_dates_respect_their_options(
    years: tuple[int, int], precisions: tuple[Precision, Precision], offsets: bool, data: st.DataObject
) -> None:
    """Years, precisions and offsets stay within the options given."""
    strategy = testing.partial_dates(
        min_year=years[0],
        max_year=years[1],
        min_precision=precisions[0],
        max_precision=precisions[1],
        allow_offsets=offsets,
    )
    value = data.draw(strategy)
    assert years[0] <= value.year <= years[1]
    assert precisions[0] <= value.precision <= precisions[1]
    if not offsets:
        assert value.utc_offset is None


@settings(max_examples=100)
@given(testing.date_ranges(allow_open=False))
def test_closed_date_ranges_have_both_ends_in_order(value: DateRange) -> None:
    """With ``allow_open=False`` both ends are known, and the end is not before the start."""
    assert value.start is not None
    assert value.end is not None
    assert value.end.relation(value.start) is not Relation.BEFORE


@settings(max_examples=50)
@given(testing.date_ranges(min_year=2000, max_year=2001))
def test_date_ranges_stay_within_their_years(value: DateRange) -> None:
    """Both known ends fall within the years asked for."""
    for end in (value.start, value.end):
        assert end is None or 2000 <= end.year <= 2001


@settings(max_examples=50)
@given(testing.whens(min_year=1990, max_year=1990))
def test_whens_stay_within_their_years(value: PartialDate | DateRange) -> None:
    """``whens`` draws dates or ranges whose known dates fall in the years asked for."""
    dates = [value] if isinstance(value, PartialDate) else [value.start, value.end]
    assert all(date is None or date.year == 1990 for date in dates)


def test_whens_draw_both_kinds() -> None:
    """``whens`` draws single dates and ranges alike."""
    assert isinstance(find(testing.whens(), lambda value: isinstance(value, PartialDate)), PartialDate)
    assert isinstance(find(testing.whens(), lambda value: isinstance(value, DateRange)), DateRange)


@given(st.integers(0, 50), st.data())
def test_spans_stay_within_max_value(limit: int, data: st.DataObject) -> None:
    """Spans are well ordered and end at or before ``max_value``."""
    span = data.draw(testing.spans(max_value=limit))
    assert 0 <= span.start <= span.end <= limit


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 3).flatmap(lambda low: st.tuples(st.just(low), st.integers(low, 5))), st.data())
def test_taxonomies_respect_sizes_and_name_their_broader_topics(sizes: tuple[int, int], data: st.DataObject) -> None:
    """Taxonomies hold between ``min_size`` and ``max_size`` topics, each ``broader`` id one of them."""
    taxonomy = data.draw(testing.taxonomies(min_size=sizes[0], max_size=sizes[1]))
    assert sizes[0] <= len(taxonomy.topics) <= sizes[1]
    ids = {topic.id for topic in taxonomy.topics}
    assert all(topic.broader is None or topic.broader in ids for topic in taxonomy.topics)


@settings(max_examples=20, deadline=None)
@given(testing.sessions(max_size=0))
def test_max_size_zero_draws_empty_tuples(session: Session) -> None:
    """``max_size=0`` leaves every tuple field of the record empty."""
    for field in attrs.fields(Session):
        value = getattr(session, field.name)
        if isinstance(value, tuple):
            assert value == ()


BAD_OPTIONS: dict[str, Callable[[], object]] = {
    "year 0": lambda: testing.partial_dates(min_year=0),
    "year 10000": lambda: testing.partial_dates(max_year=10000),
    "crossed years": lambda: testing.date_ranges(min_year=2014, max_year=2013),
    "crossed precisions": lambda: testing.partial_dates(min_precision=Precision.DAY, max_precision=Precision.YEAR),
    "no such precision": lambda: testing.partial_dates(max_precision=9),  # type: ignore[arg-type]  # a wrong type on purpose: the point of the test
    "negative max_value": lambda: testing.spans(max_value=-1),
    "negative max_size": lambda: testing.sessions(max_size=-1),
    "max_size not a number": lambda: testing.findings(max_size=1.5),  # type: ignore[arg-type]  # a wrong type on purpose: the point of the test
    "crossed sizes": lambda: testing.taxonomies(min_size=3, max_size=2),
}


@pytest.mark.parametrize("make", BAD_OPTIONS.values(), ids=BAD_OPTIONS.keys())
def test_bad_options_are_refused(make: Callable[[], object]) -> None:
    """Options out of range are refused at once with ``InvalidArgument``."""
    with pytest.raises(InvalidArgument):
        make()


def test_the_entry_point_names_the_hook() -> None:
    """The installed package declares the hook under Hypothesis's entry-point group."""
    entries = importlib.metadata.entry_points(group="hypothesis")
    ours = [entry for entry in entries if entry.name == "govrecords"]
    assert len(ours) == 1
    assert ours[0].load() is govrecords.testing._hypothesis_setup_hook


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_from_type_uses_the_registered_strategies(cls: type, data: st.DataObject) -> None:
    """``st.from_type`` draws valid instances of every record class."""
    testing._hypothesis_setup_hook()
    value = data.draw(st.from_type(cls))
    assert type(value) is cls


def test_type_inference_works_in_a_fresh_interpreter() -> None:
    """Importing Hypothesis alone registers the strategies: from_type(Session) and
    inference from annotations work without importing govrecords.testing."""
    code = (
        "import sys\n"
        "from hypothesis import HealthCheck, given, settings, strategies as st\n"
        "from govrecords import Forum, Session\n"
        "assert 'govrecords.testing' in sys.modules\n"
        "def user(forum: Forum, session: Session) -> tuple[Forum, Session]:\n"
        "    return forum, session\n"
        "seen = []\n"
        "@settings(max_examples=5, database=None, suppress_health_check=[HealthCheck.too_slow])\n"
        "@given(st.from_type(Session), st.builds(user))\n"
        "def check(session: Session, pair: tuple[Forum, Session]) -> None:\n"
        "    seen.append((type(session), type(pair[0]), type(pair[1])))\n"
        "check()\n"
        "print(len(seen), set(seen) == {(Session, Forum, Session)})\n"
    )
    result = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["5", "True"]


def test_import_without_hypothesis_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Hypothesis, importing the module fails with an ImportError naming ``govrecords[strategies]``."""
    monkeypatch.setitem(sys.modules, "hypothesis", None)
    path = Path(govrecords.testing.__file__)
    spec = importlib.util.spec_from_file_location("govrecords_testing_without_hypothesis", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    with pytest.raises(ImportError, match=r"govrecords\[strategies\]"):
        spec.loader.exec_module(module)


def test_every_record_class_has_a_public_strategy() -> None:
    """Every attrs class a forum or a taxonomy holds, at any depth, is one this module tests."""
    assert set(record_classes()) == set(CLASSES)


class _AllSeen(Exception):  # noqa: N818 -- not an error: it ends the drawing early
    """Every field has been seen with a value of its own: no need to draw more."""


def _generated(cls: type, value: object, seen: set[str]) -> None:
    wanted = [field for field in attrs.fields(cls) if field.init]
    for field in wanted:
        if field.default is attrs.NOTHING or getattr(value, field.name) != field.default:
            seen.add(field.name)
    if len(seen) == len(wanted):
        raise _AllSeen


def _draw_until_all_seen(strategy: st.SearchStrategy[Any], cls: type, seen: set[str]) -> None:
    """Draw up to 200 values, stopping once every field has had a value other than its default."""

    @settings(max_examples=200, deadline=None, database=None, phases=[Phase.generate], report_multiple_bugs=False)
    @given(strategy)
    def draw(value: Any) -> None:
        attrs.validate(value)
        _generated(cls, value, seen)

    with contextlib.suppress(_AllSeen):
        draw()


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_every_field_of_every_record_is_generated(cls: type) -> None:
    """Over many draws, each field of each record takes a value other than its default:
    a field the strategies forgot would stay at its default, and fail here."""
    seen: set[str] = set()
    _draw_until_all_seen(STRATEGIES[cls](), cls, seen)
    expected = {field.name for field in attrs.fields(cls) if field.init}
    assert expected - seen == set()


class Mood(enum.Enum):
    """An enum for the made-up record below."""

    GLAD = "glad"
    SAD = "sad"


@attrs.frozen
class Diary:
    """A made-up record: each kind of field a real record has, as a field added tomorrow would be."""

    id: str = attrs.field(validator=non_empty)
    note: str | None = attrs.field(default=None, validator=opt_str)
    mood: Mood | None = attrs.field(default=None)
    country: str | None = attrs.field(default=None, validator=country)
    pages: int | None = attrs.field(default=None, validator=opt_count)
    date: When | None = attrs.field(default=None)
    place: Place | None = attrs.field(default=None)
    topics: tuple[str, ...] = attrs.field(default=(), validator=ids)
    sessions: tuple[Session, ...] = attrs.field(default=(), validator=many(Session))


@attrs.frozen
class Odd:
    """A made-up record with a field of a type the strategies cannot draw."""

    weights: dict[str, float] | None = None


def test_a_new_field_is_drawn_with_no_change_to_the_strategies() -> None:
    """A record the strategies have never seen is drawn field by field, each value passing
    its validator, records inside tuples kept small."""
    seen: set[str] = set()
    _draw_until_all_seen(derive(Diary, max_size=2), Diary, seen)
    assert seen == {field.name for field in attrs.fields(Diary)}


def test_a_field_the_strategies_cannot_draw_is_named() -> None:
    """A field of a type with no strategy is refused at once, by name, not left at its default."""
    with pytest.raises(TypeError, match=r"Odd\.weights"):
        derive(Odd)
    with pytest.raises(TypeError, match="no field 'colour'"):
        derive(Diary, colour=st.none())


@settings(max_examples=30, deadline=None)
@given(derive(Diary, max_size=2))
def test_records_inside_a_derived_tuple_are_kept_small(diary: Diary) -> None:
    """A tuple field holds at most ``max_size`` records, and those records at most one of each part."""
    assert len(diary.sessions) <= 2
    assert all(len(session.findings) <= 1 and len(session.participants) <= 1 for session in diary.sessions)
