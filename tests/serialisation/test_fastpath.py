"""The fast path of reading and writing gives what the general path gives, with or without orjson.

``govrecords.serialisation._classcodec`` builds records without cattrs and takes them apart with its
own hooks, and ``govrecords.serialisation._fastpath`` parses with orjson when it is installed and
gives up whenever it cannot prove the general path would agree. Checked here:

- the per-class builders accept exactly what the strict converter accepts (on valid
  records and on records mutated into invalid ones) and build the same record;
- the per-class unstructurers give exactly the converter's JSON-ready data;
- ``dumps`` and ``write_jsonl`` write the same bytes with orjson and without it;
  ``loads``, ``load`` and ``iter_jsonl`` read the same records, and refuse hostile
  input (repeated keys, NaN, lone surrogates, deep nesting, long strings) with the
  same errors, either way;
- the duplicate-key proof never passes a text that repeats a key;
- the fast path is really taken for valid documents, and the garbage collector is
  left as it was found.
"""

from __future__ import annotations

import gc
import io
import json
import typing
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from govrecords import (
    Forum,
    Place,
    Session,
    Stance,
    ValidationError,
    compare,
    dump,
    dumps,
    examples,
    iter_jsonl,
    load,
    loads,
    testing,
    timeline,
    write_jsonl,
)
from govrecords.errors import LimitExceededError, SerializationError
from govrecords.provenance import BY_HAND, Method, Provenance, SourceDocument, Span
from govrecords.records import Workshop
from govrecords.serialisation import Limits, _classcodec, _classwriter, _fastpath
from govrecords.serialisation.converter import converters as _converters
from govrecords.serialisation.documents import fast_read as _fast_read
from govrecords.serialisation.limits import DEFAULT_LIMITS
from govrecords.serialisation.registry import record_types
from govrecords.serialisation.rules import VALUES, MethodTable
from govrecords.taxonomy import Taxonomy, Topic

RECORDS: dict[type, st.SearchStrategy[Any]] = {
    Forum: testing.forums(),
    Session: testing.sessions(),
    Workshop: testing.workshops(),
    SourceDocument: testing.source_documents(),
    Topic: testing.topics(),
}
ANY_RECORD = st.one_of(list(RECORDS.values()))
BIG = 10**9


@pytest.fixture
def without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run as if the orjson extra were not installed."""
    monkeypatch.setattr(_fastpath, "orjson", None)


def _without_orjson(function: Callable[[], Any]) -> Any:
    saved = _fastpath.orjson
    _fastpath.orjson = None
    try:
        return function()
    finally:
        _fastpath.orjson = saved


def _outcome(function: Callable[[], Any]) -> tuple[str, Any]:
    try:
        return "ok", function()
    except (ValidationError, LimitExceededError) as error:
        return type(error).__name__, str(error)


# ---------------------------------------------------------------------------
# Builders and unstructurers against the converter.


@settings(max_examples=60, deadline=None)
@given(record=ANY_RECORD)
def test_unstructurer_gives_the_converters_data(record: Any) -> None:
    """The per-class unstructurer's output equals the cattrs converter's, key order included.

    Both run inside one document (its methods table), as dumps runs them.
    """
    with MethodTable():
        mine = _classwriter.unstructurer(type(record))(record)
        theirs = _converters()[0].unstructure(record)
    assert mine == theirs
    assert json.dumps(mine) == json.dumps(theirs)


HELD_RECORDS = st.one_of(
    testing.findings(),
    testing.recommendations(),
    testing.participants(),
    testing.places(),
    testing.positions(),
    testing.provenances(),
    testing.sections(),
    testing.statements(),
    testing.stakeholder_groups(),
    testing.actors(),
    testing.topic_labels(),
)
"""Records of the classes the record types hold, each class's unstructurer tested on its own."""


def _some_at_default(record: Any, data: st.DataObject) -> Any:
    """*record* with some fields at their default: the default itself, or an equal copy of a record default."""
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(record)):
        if field.default is attrs.NOTHING or not data.draw(st.booleans(), label=f"{field.name} at its default"):
            continue
        default: Any = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
            default = default.factory()
        elif attrs.has(type(default)) and data.draw(st.booleans(), label="an equal copy"):
            default = attrs.evolve(default)  # equal, not the same object: still left out
        changes[field.name] = default
    try:
        return attrs.evolve(record, **changes)
    except (TypeError, ValueError):  # a check across fields the defaults fail
        assume(False)


@settings(max_examples=150, deadline=None)
@given(record=st.one_of(ANY_RECORD, HELD_RECORDS), data=st.data())
def test_generated_unstructurer_is_the_converters_unstructure(record: Any, data: st.DataObject) -> None:
    """Each class's generated function gives the converter's data, with fields at their default and None.

    The same keys in the same order, the same values, and the same methods table
    and default source (the provenance entries written in the same order).
    """
    record = _some_at_default(record, data)
    with MethodTable() as fast:
        mine = _classwriter.unstructurer(type(record))(record)
    with MethodTable() as plain:
        theirs = _converters()[0].unstructure(record)
    assert json.dumps(mine) == json.dumps(theirs)
    assert mine == theirs
    assert (fast.source, fast.entries) == (plain.source, plain.entries)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=ANY_RECORD, data=st.data())
def test_the_piecewise_unstructurer_is_the_converters_unstructure(
    record: Any, data: st.DataObject, pieces_from_one: None
) -> None:
    """Given records through pieces that keep them as they are, the piecewise function gives the converter's data."""
    record = _some_at_default(record, data)
    with MethodTable() as fast:
        mine = _classwriter.piecewise_unstructurer(type(record), _kept)(record)
    with MethodTable() as plain:
        theirs = _converters()[0].unstructure(record)
    assert json.dumps(mine) == json.dumps(theirs)
    assert (fast.source, fast.entries) == (plain.source, plain.entries)


def _kept(data: Any) -> Any:
    return data


@attrs.frozen(eq=False)
class _EqualToNone:
    """Equal to None: ``!= None`` is not ``is not None`` for it."""

    value: int = 0

    def __eq__(self, other: object) -> bool:
        return other is None or (isinstance(other, _EqualToNone) and other.value == self.value)

    def __hash__(self) -> int:
        return self.value


@attrs.frozen
class _Defaults:
    odd: _EqualToNone | None = None
    place: Place | None = None
    method: Method = BY_HAND
    made: Method = attrs.Factory(Method)
    count: int | None = 3
    tags: tuple[str, ...] = ()


def test_fields_at_their_default_are_left_out_as_cattrs_leaves_them_out() -> None:
    """cattrs' ``!=`` is kept where a shorter test would differ: a type equal to None, equal copies, factories."""
    write = _classwriter.unstructurer(_Defaults)
    with MethodTable():
        for record in (
            _Defaults(),
            _Defaults(_EqualToNone(1), Place(city="Bali"), Method(), Method(), None, ()),
            _Defaults(method=Method(tool="x"), made=Method(tool="y"), count=0, tags=("a",)),
        ):
            assert json.dumps(write(record)) == json.dumps(_converters()[0].unstructure(record))
        assert write(_Defaults(_EqualToNone(1), method=Method(), count=None)) == {"count": None}


@attrs.frozen
class _Required:
    place: Place | None
    places: tuple[Place, ...]
    kind: Stance | None
    provenance: tuple[Provenance, ...]
    last: str = "x"


def test_fields_without_a_default_are_written_in_the_literal_in_field_order() -> None:
    """Required records, None where None is not the default, enums and entries: as cattrs writes them."""
    write = _classwriter.unstructurer(_Required)
    entry = Provenance("d", Span(0, 1), "x", "last")
    for record in (
        _Required(None, (), None, ()),
        _Required(Place(city="Bali"), (Place(), Place(venue="Hall")), Stance.SUPPORTS, (entry, entry)),
    ):
        with MethodTable() as fast:
            mine = write(record)
        with MethodTable() as plain:
            theirs = _converters()[0].unstructure(record)
        assert json.dumps(mine) == json.dumps(theirs)
        assert (fast.source, fast.entries) == (plain.source, plain.entries)


@settings(max_examples=60, deadline=None)
@given(record=ANY_RECORD)
def test_builder_rebuilds_every_valid_record(record: Any) -> None:
    """Built from the converter's data, a record is equal to the original, and every key is counted."""
    counter = [0, BIG]
    with MethodTable():  # one document, as loads reads it
        data = _converters()[0].unstructure(record)
        assert _classcodec.builder(type(record))(data, counter) == record
    assert counter[0] == _count_keys(data)


def _count_keys(data: object) -> int:
    if isinstance(data, dict):
        return len(data) + sum(_count_keys(value) for value in data.values())
    if isinstance(data, list):
        return sum(_count_keys(item) for item in data)
    return 0


def _paths(data: object, path: tuple[str | int, ...] = ()) -> Iterator[tuple[str | int, ...]]:
    yield path
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*path, key))
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _paths(item, (*path, index))


BAD_VALUES = st.sampled_from(
    [None, 0, 1, -1, True, 1.5, "", " ", "x", "2013-02-30", "2013-10", "supports", [], [1, 2], [-1, 0], {}, {"x": 1}]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=ANY_RECORD, data=st.data())
def test_builder_accepts_only_what_the_converter_accepts(record: Any, data: st.DataObject) -> None:
    """Mutated data (a value replaced, a key dropped, added or renamed) is built only as the converter builds it.

    A key renamed to one no field has leaves the object as many keys as before: the
    builders' count of the fields found must still tell it from a valid record.
    """
    document = _converters()[0].unstructure(record)
    paths = list(_paths(document))
    path = data.draw(st.sampled_from(paths), label="path")
    action = data.draw(st.sampled_from(["replace", "drop", "add", "rename"]), label="action")
    if path:
        parent: Any = document
        for step in path[:-1]:
            parent = parent[step]
        if action == "replace":
            parent[path[-1]] = data.draw(BAD_VALUES, label="value")
        elif action == "drop":
            del parent[path[-1]]
        elif action == "rename":
            if isinstance(parent, dict):
                parent["unknown"] = parent.pop(path[-1])
        else:
            target = parent[path[-1]]
            if isinstance(target, dict):
                target["unknown"] = 1
    cls = type(record)
    try:
        expected: Any = _converters()[0].structure(document, cls)
    except Exception:
        expected = "refused"
    try:
        built: Any = _classcodec.builder(cls)(document, [0, BIG])
    except Exception:
        built = "refused"
    if built != "refused":
        assert built == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=ANY_RECORD, data=st.data())
def test_builders_refuse_a_key_no_field_has_in_place_of_an_optional_one(record: Any, data: st.DataObject) -> None:
    """Each builder counts the fields it finds: a record's JSON with a key no field has, in
    place of an optional field left out or taken out (as many keys as a valid record),
    is refused, not built."""
    cls = type(record)
    build = _classcodec.builder(cls)
    table = MethodTable()  # read back in the document it was written for, its methods table shared
    with table:
        document: dict[str, Any] = _converters()[0].unstructure(record)
        assert build(document, [0, BIG]) == record
    optional = [field.name for field in attrs.fields(cls) if field.default is not attrs.NOTHING]
    absent = [name for name in optional if name not in document]
    present = [name for name in optional if name in document]
    assume(absent or present)
    if absent and (not present or data.draw(st.booleans(), label="added")):
        changed = {**document, "unknown": 1}  # as many keys as the record with one of *absent* given
    else:
        taken = data.draw(st.sampled_from(present), label="taken")
        changed = {key: value for key, value in document.items() if key != taken} | {"unknown": document[taken]}
    with table, pytest.raises(_classcodec.GiveUpError):
        build(changed, [0, BIG])


@settings(max_examples=5, deadline=None)
@given(taxonomy=testing.taxonomies())
def test_unsupported_classes_are_left_to_cattrs(taxonomy: Taxonomy) -> None:
    """A taxonomy (fields not set by __init__) has no builder; its documents still read and write."""
    with pytest.raises(_classcodec.UnsupportedError):
        _classcodec.builder(Taxonomy)
    assert _fastpath.plan(Taxonomy) is None
    assert _fastpath.unstructurer(Taxonomy) is None
    assert loads(dumps(taxonomy), Taxonomy) == taxonomy
    assert _without_orjson(lambda: dumps(taxonomy)) == dumps(taxonomy)


@settings(max_examples=40, deadline=None)
@given(record=ANY_RECORD, indent=st.sampled_from([None, 2]))
def test_the_fast_path_reads_every_valid_document(record: Any, indent: int | None) -> None:
    """A valid document is read by the fast path itself (the general path is for errors and old versions).

    Without orjson, a text holding a string that starts with a colon, once the escaped
    backslashes and quotes the key count drops are dropped (``:x``, ``\\":x``), is left
    to the general path (the count cannot tell it from a key), so it is not asserted;
    nor is a text in which ``\\ud`` or ``\\uD`` appears (a string holding a backslash
    before ``uD`` is written so): the standard library's parser pairs surrogate escapes
    loosely, so the fast path leaves any text that may hold one to the general path.
    """
    text = dumps(record, indent=indent)
    colon_first = any(_as_counted(string).startswith(":") for string in _strings(json.loads(text)))
    surrogate_like = "\\ud" in text or "\\uD" in text
    for data in (text, text.encode("utf-8")):
        assert _fast_read(data, None, DEFAULT_LIMITS, bom=True) == record
        stdlib = _without_orjson(lambda data=data: _fast_read(data, None, DEFAULT_LIMITS, bom=True))
        assert stdlib == record or ((colon_first or surrogate_like) and stdlib is _fastpath.FAIL)


@pytest.mark.parametrize("notes", ['":', "\\:", ":", 'a":b'])
def test_a_string_the_key_count_reads_as_a_key_is_still_read(notes: str, without_orjson: None) -> None:
    """A string that looks like a key's end to the count (a quote or backslash, then a colon) is read
    right: by the fast path when the count is not fooled, else by the general path."""
    forum = Forum(id="f", notes=notes)
    for indent in (None, 2):
        assert loads(dumps(forum, indent=indent)) == forum


def _as_counted(string: str) -> str:
    # A string's text as keys_match reads it: written as JSON, escaped backslashes and quotes dropped.
    return json.dumps(string, ensure_ascii=False)[1:-1].replace("\\\\", "").replace('\\"', "")


def _strings(data: object) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from _strings(value)
    elif isinstance(data, list):
        for item in data:
            yield from _strings(item)


def test_comparisons_and_timelines_round_trip_through_the_fast_path() -> None:
    """The derived record types (comparison, timeline) read and write through the fast path too."""
    first, second = (examples.load(name) for name in examples.names())
    for record in (compare(first, second), timeline([first, second])):
        text = dumps(record)
        assert _fast_read(text, None, DEFAULT_LIMITS, bom=True) == record
        assert loads(text) == record
        assert _without_orjson(lambda record=record: dumps(record)) == text


# ---------------------------------------------------------------------------
# With orjson and without: the same bytes, the same records, the same errors.


@settings(max_examples=80, deadline=None)
@given(record=ANY_RECORD, indent=st.sampled_from([None, 2]))
def test_dumps_writes_the_same_bytes_without_orjson(record: Any, indent: int | None) -> None:
    """orjson and the standard library write byte-identical documents."""
    assert dumps(record, indent=indent) == _without_orjson(lambda: dumps(record, indent=indent))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=ANY_RECORD, indent=st.sampled_from([None, 2]))
def test_dump_writes_what_dumps_gives_to_every_kind_of_target(record: Any, indent: int | None, tmp_path: Path) -> None:
    """``dump`` writes ``dumps``'s text and a line end, to a path, a binary file and a text file, either way."""
    expected = dumps(record, indent=indent) + "\n"

    def written() -> tuple[bytes, bytes, str]:
        path, binary, text = tmp_path / "record.json", io.BytesIO(), io.StringIO()
        dump(record, path, indent=indent)
        dump(record, binary, indent=indent)
        dump(record, text, indent=indent)
        return path.read_bytes(), binary.getvalue(), text.getvalue()

    encoded = expected.encode("utf-8")
    assert written() == (encoded, encoded, expected)
    assert _without_orjson(written) == (encoded, encoded, expected)


@pytest.fixture
def pieces_from_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Write every tuple of records of a document's record piece by piece, however short."""
    monkeypatch.setattr(_classwriter, "PIECES_FROM", 1)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(record=ANY_RECORD)
def test_compact_records_written_piece_by_piece_are_the_same_bytes(record: Any, pieces_from_one: None) -> None:
    """A record's tuples of records encoded one record at a time give the document written whole, as text or bytes."""
    whole = _without_orjson(lambda: dumps(record, indent=None))
    assert dumps(record, indent=None) == whole
    written, text = io.BytesIO(), io.StringIO()
    dump(record, written, indent=None)  # orjson's bytes of the pieces, never decoded
    dump(record, text, indent=None)  # the pieces' text, never encoded
    assert written.getvalue() == whole.encode("utf-8") + b"\n"
    assert text.getvalue() == whole + "\n"


def _forum_of(count: int, **changed: Any) -> Forum:
    sessions = [Session(f"s{number}", f"Session {number}") for number in range(count)]
    sessions[count // 2] = attrs.evolve(sessions[count // 2], **changed)
    return Forum("f", name="Forum", sessions=tuple(sessions))


def test_a_forum_is_written_session_by_session_from_the_threshold() -> None:
    """From PIECES_FROM sessions a forum's sessions are encoded one by one, and the bytes do not change."""
    for count in (_classwriter.PIECES_FROM - 1, _classwriter.PIECES_FROM, 3 * _classwriter.PIECES_FROM):
        forum = _forum_of(count)
        pieces = _fastpath.piecewise_unstructurer(Forum)
        assert pieces is not None
        with MethodTable():
            sessions = pieces(forum)["sessions"]
        assert all(type(item) is not dict for item in sessions) == (count >= _classwriter.PIECES_FROM)
        assert dumps(forum, indent=None) == _without_orjson(lambda forum=forum: dumps(forum, indent=None))


def test_text_written_in_pieces_keeps_control_characters_and_quotes_where_they_are() -> None:
    """The holes left for the pieces of text are never confused with a character of the document."""
    count = 2 * _classwriter.PIECES_FROM
    forum = attrs.evolve(_forum_of(count, summary="nul \x00 “quoted” \u2028 😀"), theme="\x00 at the forum")
    text = dumps(forum, indent=None)
    assert text == _without_orjson(lambda: dumps(forum, indent=None))
    assert "\x00" not in text
    assert loads(text) == forum


def test_encode_text_gives_way_to_the_whole_path_for_what_orjson_refuses() -> None:
    """Anything but a piece where orjson asks for one is refused (None), as encode refuses it."""
    assert _fastpath.encode_text({"record": [object()]}) is None
    assert _fastpath.encode({"record": [object()]}, None) is None
    assert _fastpath.encode_text({"record": ["a"]}) == '{"record":["a"]}'


def test_what_orjson_refuses_in_one_session_is_written_or_refused_as_whole() -> None:
    """A session orjson cannot encode: the document is written whole, as the standard library writes or refuses it."""
    count = 2 * _classwriter.PIECES_FROM
    big = _forum_of(count, provenance=(Provenance("d", Span(2**70, 2**70 + 1)),))
    assert dumps(big, indent=None) == _without_orjson(lambda: dumps(big, indent=None))
    with pytest.raises(SerializationError, match=rf"\$\.record\.sessions\[{count // 2}\]\.summary: .*lone surrogate"):
        dumps(_forum_of(count, summary="a \ud800 b"), indent=None)
    with pytest.raises(SerializationError, match=r"\$\.record\.theme: .*lone surrogate"):
        dumps(attrs.evolve(_forum_of(count), theme="\udfff"), indent=None)


def test_compact_documents_have_no_whitespace_between_tokens() -> None:
    """indent=None writes the compact form, the same either way."""
    session = Session("s", "Über “quotes”", summary='a "b" \\ c\n\t\x00\x1f\u2028 😀')
    compact = dumps(session, indent=None)
    assert compact.startswith('{"format_version":3,"type":"session","record":{"id":"s",')
    assert compact == _without_orjson(lambda: dumps(session, indent=None))
    assert compact == json.dumps(json.loads(compact), ensure_ascii=False, separators=(",", ":"))
    assert loads(compact) == session


@settings(max_examples=20, deadline=None)
@given(records=st.lists(ANY_RECORD, max_size=4))
def test_write_jsonl_writes_the_same_bytes_without_orjson(records: list[Any]) -> None:
    """JSON Lines files are byte-identical either way, and read back the same either way."""
    with_it, without_it = io.BytesIO(), io.BytesIO()
    _write(records, with_it)
    _without_orjson(lambda: _write(records, without_it))
    assert with_it.getvalue() == without_it.getvalue()
    assert list(iter_jsonl(io.BytesIO(with_it.getvalue()))) == records
    assert _without_orjson(lambda: list(iter_jsonl(io.BytesIO(with_it.getvalue())))) == records


def _write(records: list[Any], out: io.BytesIO) -> None:
    # write_jsonl writes files; go through a temporary one.
    import tempfile

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory, "records.jsonl")
        assert write_jsonl(records, path) == len(records)
        out.write(path.read_bytes())


HOSTILE = [
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T","id":"t"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T"},"type":"session"}',
    '{"format_version":3,"type":"session","record":{"id":"s" ,"title":"T","title" :"U"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T:","title":"U"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":":T","title":"U"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"a\\":","title":"U"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":NaN}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"\\ud800"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"\\ud83d\\ude00"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T","topics":[' + "[" * 70 + "]" * 70 + "]}}",
    '{"format_version":3,"type":"session","record":{"id":"s","title":"' + "x" * 50 + '"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T\x01"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T","date":"2013-02-30"}}',
    '{"format_version":0,"type":"session","record":{"id":"s","title":"T"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T"}} x',
    '\ufeff{"format_version":3,"type":"session","record":{"id":"s","title":"T"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T","participants":[{"name":"n","kind":1}]}}',
    '{"format_version":true,"type":"session","record":{"id":"s","title":"T"}}',
    '{"format_version":3,"type":"session","record":{"id":"s","title":"T","provenance":[{"source":"d","span":[1,'
    + "9" * 30
    + "]}]}}",
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("limits", [DEFAULT_LIMITS, Limits(max_string=40, max_depth=8)], ids=["default", "tight"])
def test_hostile_input_gets_the_same_answer_either_way(text: str, limits: Limits) -> None:
    """Repeated keys, NaN, surrogates, depth, long strings: the same record or error, with orjson or without."""
    for data in (text, text.encode("utf-8")):
        with_it = _outcome(lambda data=data: loads(data, limits=limits))
        without_it = _without_orjson(lambda data=data: _outcome(lambda: loads(data, limits=limits)))
        assert with_it == without_it
        lines = data + (b"\n" if isinstance(data, bytes) else "\n")
        source: Any = io.BytesIO(lines) if isinstance(lines, bytes) else io.StringIO(lines)
        streamed = _outcome(lambda source=source: list(iter_jsonl(source, limits=limits)))
        assert streamed[0] == with_it[0]


def test_repeated_keys_are_refused_however_the_text_is_spaced() -> None:
    """Each form of a repeated key is found, whatever the whitespace and escapes around it."""
    for text in HOSTILE[:6]:
        with pytest.raises(ValidationError, match="duplicate key"):
            loads(text)
        with pytest.raises(ValidationError, match="duplicate key"):
            _without_orjson(lambda text=text: loads(text))


def test_load_reads_through_the_fast_path(tmp_path: Path) -> None:
    """load() reads what dump() wrote, with or without orjson, indented or not."""
    forum = examples.load("future-of-internet")
    for indent in (None, 2):
        path = tmp_path / f"forum-{indent}.json"
        dump(forum, path, indent=indent)
        assert load(path, Forum) == forum
        assert _without_orjson(lambda path=path: load(path, Forum)) == forum


# ---------------------------------------------------------------------------
# The duplicate-key proof.

JSON_TEXT = st.text(st.sampled_from(['"', "\\", ":", " ", "a", "b", "\n", "é", "{", "["]), max_size=6)
JSON_VALUES = st.recursive(
    st.none() | st.integers() | JSON_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(JSON_TEXT, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(value=JSON_VALUES, indent=st.sampled_from([None, 0, 2]), separators=st.sampled_from([None, (",", ":")]))
def test_keys_match_counts_keys_exactly_or_gives_up(
    value: Any, indent: int | None, separators: tuple[str, str] | None
) -> None:
    """For any JSON text, keys_match never confirms fewer keys than the text holds (a key lost)."""
    raw = json.dumps(value, indent=indent, separators=separators, ensure_ascii=False).encode("utf-8")
    true = _count_keys(value)
    assert not any(keys_match(raw, fewer) for fewer in range(true))


keys_match = _fastpath.keys_match


@settings(max_examples=300, deadline=None)
@given(value=JSON_VALUES.filter(lambda v: isinstance(v, dict) and v), data=st.data())
def test_keys_match_never_passes_a_repeated_key(value: dict[str, Any], data: st.DataObject) -> None:
    """A text that repeats a key is never taken for the keys its parse keeps."""
    key = data.draw(st.sampled_from(sorted(value)))
    body = json.dumps(value, ensure_ascii=False)
    repeated = body[:-1] + ", " + json.dumps(key, ensure_ascii=False) + ": 1}"
    parsed = json.loads(repeated)
    assert not keys_match(repeated.encode("utf-8"), _count_keys(parsed))


# ---------------------------------------------------------------------------
# The garbage collector.


def test_the_collector_is_left_as_it_was() -> None:
    """loads and dumps pause the collector and turn it back on, also after an error; off stays off."""
    forum = examples.load("future-of-internet")
    assert gc.isenabled()
    loads(dumps(forum))
    assert gc.isenabled()
    with pytest.raises(ValidationError):
        loads('{"format_version":3,"type":"session","record":{"id":7}}')
    assert gc.isenabled()
    gc.disable()
    try:
        loads(dumps(forum))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_without_orjson_fixture_really_switches_it_off(without_orjson: None) -> None:
    """The standard library's path is taken (and reads documents) when orjson is absent."""
    assert _fastpath.orjson is None
    assert _fastpath.encode({"a": 1}, None) is None
    session = Session("s", "T")
    assert loads(dumps(session, indent=None)) == session
    assert (
        _fastpath.read_document(
            dumps(session),
            None,
            max_bytes=BIG,
            max_depth=64,
            max_string=BIG,
            bom=True,
            record_types=record_types(),
            version=3,
        )
        == session
    )


# ---------------------------------------------------------------------------
# What the builders do not handle is left to cattrs; what they do handle, they check.


@attrs.frozen
class _Converted:
    value: int = attrs.field(converter=int)


@attrs.frozen
class _PreInit:
    value: int

    def __attrs_pre_init__(self) -> None:
        pass


@attrs.define(init=False)
class _HandWritten:
    value: int

    def __init__(self, value: int) -> None:
        self.value = value


@attrs.frozen
class _TakesSelf:
    value: int = attrs.field(default=attrs.Factory(lambda self: 1, takes_self=True))


@attrs.frozen
class _Recursive:
    children: tuple[_Recursive, ...] = ()


@attrs.frozen
class _Mixed:
    value: int | str


@attrs.frozen
class _Floating:
    value: float


@attrs.frozen
class _HoldsFloating:
    held: _Floating | None = None


@attrs.frozen
class _Numbers:
    values: tuple[int, ...]


@attrs.frozen
class _Unresolved:
    value: NotDefinedAnywhere  # noqa: F821 -- on purpose: an annotation that cannot be resolved


@pytest.mark.parametrize(
    "cls",
    [
        _Converted,
        _PreInit,
        _HandWritten,
        _TakesSelf,
        _Recursive,
        _Mixed,
        _Floating,
        _HoldsFloating,
        _Numbers,
        _Unresolved,
        dict,
    ],
)
def test_classes_the_builders_do_not_handle_are_refused(cls: type) -> None:
    """Converters, pre-init, a hand-written __init__, takes_self factories, recursion, unions, floats..."""
    with pytest.raises(_classcodec.UnsupportedError):
        _classcodec.builder(cls)
    with pytest.raises(_classcodec.UnsupportedError):
        _classwriter.unstructurer(cls)
    assert _fastpath.plan(cls) is None
    assert _fastpath.unstructurer(cls) is None


def _classcodec_check(instance: object, attribute: object, value: str) -> None:
    if value == "bad":
        raise ValueError("bad")


@attrs.define(slots=False)
class _Plain:
    """Not slotted, not frozen: set through setattr; validators of every kind attrs offers."""

    name: str = attrs.field(validator=attrs.validators.and_(attrs.validators.instance_of(str), _classcodec_check))
    tags: tuple[str, ...] = attrs.field(
        default=(), validator=attrs.validators.deep_iterable(attrs.validators.instance_of(str))
    )
    count: int | None = attrs.field(default=None)
    made: tuple[str, ...] = attrs.field(factory=tuple)


def test_a_plain_class_is_built_and_checked_like_cattrs() -> None:
    """Non-slotted classes, and_ validators, factories and None where None is not allowed."""
    build = _classcodec.builder(_Plain)
    assert build({"name": "x", "tags": ["a"], "count": 2}, [0, BIG]) == _Plain("x", ("a",), 2)
    assert build({"name": "x"}, [0, BIG]).made == ()
    for bad in ({"name": None}, {"name": "x", "tags": None}, {"name": "bad"}, {}):
        with pytest.raises(Exception):  # noqa: B017 -- any refusal: the caller's general path words it
            build(bad, [0, BIG])
    assert _classwriter.unstructurer(_Plain)(_Plain("x", ("a",), None)) == {"name": "x", "tags": ["a"]}


def test_encode_leaves_what_orjson_refuses_to_the_standard_library() -> None:
    """A lone surrogate or an integer past 64 bits: encode gives None, and the caller's json decides."""
    assert _fastpath.encode({"a": "\ud800"}, None) is None
    assert _fastpath.encode({"a": 2**70}, 2) is None
    assert _fastpath.encode({"a": 1}, 4) is None  # an indent orjson does not write
    assert dumps(Session("s", "T"), indent=4) == json.dumps(
        json.loads(dumps(Session("s", "T"))), indent=4, ensure_ascii=False
    )


# ---------------------------------------------------------------------------
# Constraints tested in line.


def _built_classes() -> list[type]:
    """Every class the builders build: the record types and the classes their fields hold."""
    found: dict[type, None] = {}
    stack: list[Any] = [*record_types().values(), Method]
    while stack:
        cls = stack.pop()
        if cls in found or not attrs.has(cls):
            continue
        try:
            _classcodec.plan_of(cls, False, {})
        except _classcodec.UnsupportedError:
            continue
        found[cls] = None
        for hint in _classcodec.type_hints(cls).values():
            stack.extend(typing.get_args(hint) or (hint,))
            stack.extend(arg for inner in typing.get_args(hint) for arg in typing.get_args(inner))
    return sorted(found, key=lambda cls: (cls.__module__, cls.__qualname__))


@pytest.mark.parametrize("cls", _built_classes(), ids=lambda cls: cls.__name__)
def test_constraints_tested_in_line_pass_what_their_validators_pass(cls: type) -> None:
    """Where a builder tests a field's constraint in line instead of calling its validator,
    the test passes exactly the sample values the validator passes (and the validator is
    then not called: it is not among the plan's validators)."""
    plan = _classcodec.plan_of(cls, False, {})
    samples = ["", " ", "\u3000", "\u00a0x", "x", "AZ", "az", "A", "privacy", "Privacy", "a-b", "-a", "0" * 64, "ab\n"]
    called = {name for _, _, name in plan.validators}
    for field, spec in zip(attrs.fields(cls), plan.fields, strict=True):
        test = spec[7]
        if test is None:
            continue
        assert field.name not in called
        for value in [-1, 0, 1, 7] if spec[2] == _classcodec._INT else samples:
            checked = (value,) if spec[2] == _classcodec._STRS else value
            try:
                field.validator(None, field, checked)  # type: ignore[misc]  # a field with a test has one
            except (TypeError, ValueError):
                expected = False
            else:
                expected = True
            passes = value >= test if spec[2] == _classcodec._INT else test(value) is not None
            assert passes == expected, (cls.__name__, field.name, value)


def test_some_constraints_are_tested_in_line() -> None:
    """Non-blank text, country codes, topic ids and counts are among those tested in line."""
    tested = {
        (cls.__name__, spec[0])
        for cls in _built_classes()
        for spec in _classcodec.plan_of(cls, False, {}).fields
        if spec[7] is not None
    }
    assert {("Session", "title"), ("Place", "country"), ("Session", "topics"), ("Provenance", "source")} <= tested


def _made(make: Callable[[], Span]) -> tuple[str, Any]:
    try:
        span = make()
    except (TypeError, ValueError) as error:
        return type(error).__name__, str(error)
    return "made", (type(span), span.start, span.end, span == Span(span.start, span.end))


@settings(max_examples=300, deadline=None)
@given(start=st.integers(-3, 2**70), end=st.integers(-3, 2**70) | st.integers(0, 40))
def test_a_span_read_is_what_span_makes_of_its_two_numbers(start: int, end: int) -> None:
    # The wire rule makes a valid span without Span's checks (govrecords._trusted.trusted_span):
    # it must make exactly what Span(start, end) makes, and refuse what it refuses, in the same words.
    assert _made(lambda: VALUES[Span].read([start, end])) == _made(lambda: Span(start, end))  # type: ignore[misc]  # read is set for spans


def test_generated_builders_name_their_class_in_a_traceback() -> None:
    # Each builder is Python source written from its class's plan; its frames say which class.
    build = _classcodec.builder(Span)
    assert build.__code__.co_filename == "<govrecords builder govrecords.provenance.Span>"
    with pytest.raises(KeyError):  # a required key missing: the fast path's caller gives up
        build({"start": 1}, [0, BIG])
