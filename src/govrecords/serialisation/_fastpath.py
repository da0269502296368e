r"""The fast path for reading and writing documents: per-class functions, orjson when installed.

Reading: the text is parsed (by orjson when the ``orjson`` extra is installed, else
by the standard library's C parser, without the Python hooks the general path uses)
and the record built by :mod:`govrecords.serialisation._classcodec`. The fast path never reports
an error: whenever it cannot prove that the general path
(:func:`govrecords.serialisation._parsing.parse_json`, then the converters of
:mod:`govrecords.serialisation.documents`) would accept the input and return the same record, it
gives up (:data:`FAIL`), and the caller runs the general path, which makes every
check and words every problem. The strict parsing rules hold without a scan of the
text in Python:

- UTF-8, NaN, control characters, lone surrogates: orjson refuses them itself; the
  standard library's parser is given a ``parse_constant`` that refuses NaN, and a
  text holding any ``\ud...`` escape goes the general way;
- nesting depth: a record class's documents can nest no deeper than its fields'
  types allow (:func:`govrecords.serialisation._classcodec.depth_of`), so a built record proves
  the depth whenever that bound is within the limit;
- string length: the text's length bounds every string in it; past the limit, the
  builder measures each string;
- repeated keys, which a parser silently collapses: orjson writes again exactly the
  text govrecords wrote, or the text's keys are counted with C-speed byte
  operations (:func:`keys_match`) against those the builder consumed.

Writing: orjson, when installed, encodes the converter's JSON-ready data to exactly
the bytes the standard library's ``json`` writes with govrecords' settings
(``ensure_ascii=False``, compact ``(",", ":")`` separators or an indent of two), so
installing the extra changes the speed, never the documents.

The cyclic garbage collector is paused while a whole document is built or taken
apart (:func:`govrecords._collector.paused`, used by the callers in
:mod:`govrecords.serialisation.documents`).
"""

from __future__ import annotations

import json
import re
import types
from collections.abc import Mapping
from typing import Any

from govrecords.provenance import Method
from govrecords.serialisation import _classcodec, _classwriter
from govrecords.serialisation.rules import MethodTable, read_default_source

__all__ = ["FAIL", "encode", "encode_text", "keys_match", "plan", "read_document"]

orjson: types.ModuleType | None
try:
    import orjson
except ImportError:  # pragma: no cover -- the suite runs with the extra; tests also switch it off
    orjson = None

EncodeError: type[Exception] = orjson.JSONEncodeError if orjson is not None else type("EncodeError", (Exception,), {})
"""What orjson raises for data it cannot write (never raised without orjson)."""

FAIL: Any = object()
"""What :func:`read_document` returns when the general path must decide."""

_ENVELOPE = frozenset(("format_version", "type", "record"))
_ENVELOPE_KEYS = _ENVELOPE | {"source", "methods"}
_METHODS_DEPTH = 3
"""How deep a methods table nests: the envelope, its ``methods`` list, an entry."""
_SPACED_KEY = re.compile(rb'"[ \t\r\n]+:')
_BOM = "\ufeff".encode()
_PLANS: dict[type, tuple[int, int] | None] = {}
_DICT: Any = dict  # typed Any: parsed JSON is untyped, not Unknown


def keys_match(raw: bytes, consumed: int) -> bool:
    r"""Whether the JSON text *raw* holds exactly *consumed* keys: none repeated, so none lost.

    A parser keeps one of two equal keys in an object and drops the other without
    a word; *consumed* is how many keys the parsed value has, so the text must be
    shown to hold no more. Outside strings, a colon only ever ends a key, so when
    the text holds no more colons than *consumed*, no key was lost (the common
    case: one byte count at C speed). Otherwise some strings hold colons: with the
    escapes ``\\`` and ``\"`` taken out, every ``"`` delimits a string and each key
    is the string whose closing quote is followed by ``:``, directly unless
    whitespace comes between (then give up), so the count of ``":`` is the number
    of keys plus the strings that begin with a colon, and must equal *consumed*.

    >>> keys_match(b'{"a": 1, "b": {"c": "d"}}', 3)
    True
    >>> keys_match(b'{"a": 1, "a": 2}', 1)
    False
    >>> keys_match(b'{"a": "x:y", "b": "say \\":"}', 2)
    True
    """
    if raw.count(b":") == consumed:
        return True
    if b"\\" in raw:
        raw = raw.replace(b"\\\\", b"").replace(b'\\"', b"")
    return _SPACED_KEY.search(raw) is None and raw.count(b'":') == consumed


def _same_text(raw: bytes, document: Any) -> bool:
    # What govrecords writes, orjson writes again byte for byte from what it read:
    # then no key was lost (the text holds the keys the value holds), and this is
    # quicker to show than counting.
    if orjson is None:
        return False
    again: bytes = orjson.dumps(document, option=orjson.OPT_INDENT_2 if raw[1:2] == b"\n" else 0)
    return raw.startswith(again) and not raw[len(again) :].strip()


def _refuse(name: str) -> object:
    raise _classcodec.GiveUpError(name)


def _parse(raw: bytes) -> Any:
    if orjson is not None:
        return orjson.loads(raw)
    if b"\\ud" in raw or b"\\uD" in raw:
        raise _classcodec.GiveUpError("a surrogate escape: the general path checks its pairing")
    return json.loads(raw.decode("utf-8"), parse_constant=_refuse)


def plan(cls: type) -> tuple[int, int] | None:
    """How deep *cls*'s documents can nest and its longest key; None if the fast path does not read it."""
    if cls not in _PLANS:
        try:
            _PLANS[cls] = (_classcodec.depth_of(cls) + 1, max(_classcodec.longest_key(cls), len("format_version")))
            _classcodec.builder(cls)
        except _classcodec.UnsupportedError:
            _PLANS[cls] = None
    return _PLANS[cls]


def unstructurer(cls: type) -> _classwriter.Unstructure | None:
    """The converter's unstructuring of *cls* records, made faster; None if not handled."""
    try:
        return _classwriter.unstructurer(cls)
    except _classcodec.UnsupportedError:
        return None


def _piece(data: Any) -> Any:
    assert orjson is not None  # piecewise_unstructurer hands this out only with orjson
    return orjson.Fragment(orjson.dumps(data))


class _TextPiece:
    """One record of a long tuple, encoded by orjson and decoded to text at once (see :func:`encode_text`)."""

    __slots__ = ("text",)

    def __init__(self, data: Any) -> None:
        assert orjson is not None  # piecewise_unstructurer hands this out only with orjson
        self.text = orjson.dumps(data).decode("utf-8")


def piecewise_unstructurer(cls: type, *, text: bool = False) -> _classwriter.Unstructure | None:
    """As :func:`unstructurer`, each record of a long tuple of *cls* already encoded by orjson.

    For the compact form only (an indented document's records are indented by their
    depth). With *text*, each record is also decoded to text while it is in the
    processor's caches, for :func:`encode_text`; else it is embedded as orjson's bytes,
    for :func:`encode`. None without orjson (or one too old to embed encoded JSON), or
    if *cls* is not handled. An item orjson refuses raises :data:`EncodeError`: the
    caller then writes the document whole, which says why.
    """
    if orjson is None or not hasattr(orjson, "Fragment"):
        return None
    try:
        return _classwriter.piecewise_unstructurer(cls, _TextPiece if text else _piece)
    except _classcodec.UnsupportedError:
        return None


def read_document(
    data: str | bytes,
    cls: type | None,
    *,
    max_bytes: int,
    max_depth: int,
    max_string: int,
    bom: bool,
    record_types: Mapping[str, type],
    version: int,
) -> Any:
    """The record in the document *data*, or :data:`FAIL` when the general path must read it.

    Args:
        data: One document or one JSON Lines line.
        cls: The record class expected, or None for any in *record_types*.
        max_bytes: The limits in force (the general path enforces them, and the
            fast path gives up rather than pass anything it would refuse).
        max_depth: As above.
        max_string: As above.
        bom: Whether a byte order mark may start *data*.
        record_types: The record types by type tag.
        version: The format version read without migration.
    """
    if len(data) > max_bytes:
        return FAIL
    try:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        if bom and raw.startswith(_BOM):
            raw = raw[len(_BOM) :]
        document = _parse(raw)
        if type(document) is not _DICT or document["format_version"] != version:
            return FAIL
        keys = document.keys()
        if keys != _ENVELOPE and not (_ENVELOPE <= keys <= _ENVELOPE_KEYS):
            return FAIL
        if "methods" in document and type(document["methods"]) is not list:
            return FAIL
        if type(document["format_version"]) is not int or type(document["type"]) is not str:
            return FAIL
        target = record_types.get(document["type"])
        if target is None or (cls is not None and target is not cls):
            return FAIL
        shape = plan(target)
        depth = max(shape[0], _METHODS_DEPTH if "methods" in document else 0) if shape is not None else 0
        if shape is None or depth > max_depth or shape[1] > max_string:
            return FAIL  # the general path refuses it, or would not say why the depth is within the limit
        measure = len(raw) > max_string  # else no string can be longer than the limit
        if measure and len(document["type"]) > max_string:
            return FAIL
        source = read_default_source(document["source"]) if "source" in document else None
        if measure and source is not None and len(source) > max_string:
            return FAIL
        build = _classcodec.builder(target, measure=measure)
        counter = [len(keys), max_string]
        entries: list[Any] = []
        if "methods" in document:
            build_method = _classcodec.builder(Method, measure=measure)
            entries = [build_method(entry, counter) for entry in document["methods"]]
        with MethodTable(entries, source):
            record = build(document["record"], counter)
        if not (_same_text(raw, document) or keys_match(raw, counter[0])):
            return FAIL  # a repeated key, or a text this count cannot read
    except Exception:  # noqa: BLE001 -- whatever it was, the general path finds it again and says what
        return FAIL
    return record


# ---------------------------------------------------------------------------
# Writing.


def encode(data: Any, indent: int | None) -> bytes | None:
    """*data* as JSON by orjson, byte for byte what ``json.dumps`` writes; None to let ``json`` do it.

    None too when orjson refuses the data (a lone surrogate, an integer past 64
    bits): the standard library then writes it, or says why it cannot.
    """
    if orjson is None or indent not in (None, 2):
        return None
    try:
        encoded: bytes = orjson.dumps(data, option=orjson.OPT_INDENT_2 if indent == 2 else 0)
    except orjson.JSONEncodeError:
        return None
    return encoded


_HOLE = "\x00"
"""Where :func:`encode_text` puts each record written apart: orjson escapes every control character it writes."""


def encode_text(data: Any) -> str | None:
    """*data*, the compact form of :func:`piecewise_unstructurer` with *text*, as JSON text; None as :func:`encode`.

    The document around the records written apart is encoded by orjson with a hole
    for each, and the records' text is put into the holes: the document's text is
    made at once, without orjson's bytes of the whole document (as large again) and
    their decoding after every record has left the processor's caches. The text is
    the same as :func:`encode`'s, decoded.
    """
    assert orjson is not None  # piecewise_unstructurer(text=True) hands out pieces only with orjson
    texts: list[str] = []
    hole = orjson.Fragment(_HOLE.encode())

    def fill(value: object) -> object:  # orjson asks for each piece in document order
        if type(value) is not _TextPiece:
            raise TypeError(type(value).__name__)  # as orjson itself refuses it
        texts.append(value.text)
        return hole

    try:
        around = orjson.dumps(data, default=fill).decode("utf-8").split(_HOLE)
    except orjson.JSONEncodeError:
        return None
    parts: list[str] = [""] * (2 * len(texts) + 1)
    parts[::2], parts[1::2] = around, texts
    return "".join(parts)
