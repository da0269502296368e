"""The comparison says what a careful reader says about three invented series.

``tests/fixtures/compare/real_series/`` holds three series written in our own words
after the kinds of document real comparisons failed on: three communiqués of a
regional IGF (2009, 2011, 2015, the last an excerpt cut off mid-sentence), three
years of IGF messages, and two drafts of one synthesis document. ``claims.json``
states, claim by claim, what a careful reader says about each; every claim is read
here and checked against what the library makes of the texts: imported with the
importers, then compared, put on a timeline, or compared as versions.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from govrecords.comparison import Comparison, compare
from govrecords.comparison.refs import RecordRef
from govrecords.comparison.timelines import Timeline, timeline
from govrecords.importers import import_text
from govrecords.records import Forum
from govrecords.render import to_text
from govrecords.versions import EditKind, VersionComparison, compare_versions

HERE = Path(__file__).parent.parent / "fixtures" / "compare" / "real_series"
CLAIMS: dict[str, Any] = json.loads((HERE / "claims.json").read_text("utf-8"))


@cache
def _forums(series: str) -> tuple[Forum, ...]:
    files = CLAIMS["series"][series]["files"]
    return tuple(import_text((HERE / name).read_text("utf-8"), source_id=Path(name).stem).forum for name in files)


@cache
def _pair(series: str, first: int, second: int) -> Comparison:
    forums = _forums(series)
    return compare(forums[first], forums[second])


@cache
def _timeline(series: str) -> Timeline:
    return timeline(list(_forums(series)))


@cache
def _versions() -> VersionComparison:
    first, second = (HERE / name for name in CLAIMS["series"]["drafts"]["files"])
    return compare_versions(first.read_text("utf-8"), second.read_text("utf-8"))


def _year(ref_date: Any) -> int:
    return int(ref_date.sort_key()[0].year)


def _check_order(series: str, claim: dict[str, Any]) -> None:
    points = _timeline(series).topics[0].points
    assert all(point.date is not None for point in points), "a point is undated"
    assert [_year(point.date) for point in points] == claim["years"]
    assert all(point.order_known for point in points)


def _check_topic(series: str, claim: dict[str, Any]) -> None:
    row = _pair(series, *claim["pair"]).topic(claim["topic"])
    assert row is not None, f"{claim['topic']} is on neither side"
    assert row.change.value in claim["change"], row.explanation


def _check_recommendation(series: str, claim: dict[str, Any]) -> None:
    report = _pair(series, *claim["pair"])
    found = [
        match
        for match in report.recommendations
        if any(claim["before"] in ref.text.casefold() for ref in match.before)
        and any(claim["after"] in ref.text.casefold() for ref in match.after)
    ]
    assert found, [m.explanation for m in report.recommendations]
    assert found[0].kind.value in claim["kind"], found[0].explanation
    for ref in (*found[0].before, *found[0].after):
        assert any(p.span is not None for p in ref.provenance), "a matched recommendation has no span"


def _check_never(series: str, claim: dict[str, Any]) -> None:
    for pair in claim["pairs"]:
        report = _pair(series, *pair)
        changes = {row.topic: row.change.value for row in report.topics}
        assert not {topic for topic, change in changes.items() if change in claim["changes"]}, changes
        for detail in (False, True):
            text = " ".join(to_text(report, detail=detail).split())
            for word in claim["words"]:
                assert word not in text, (pair, word)


def _check_partial(series: str, claim: dict[str, Any]) -> None:
    report = _pair(series, *claim["pair"])
    side = report.after if claim["pair"][1] == claim["index"] else report.before
    assert side.coverage.partial
    assert all(ref.partial for ref in side.records)
    _check_topic(series, claim)


def _check_first_last(series: str, claim: dict[str, Any]) -> None:
    line = _timeline(series).topic(claim["topic"])
    assert line is not None
    first, last = line.point(line.first_raised or ""), line.point(line.last_seen or "")
    assert first is not None
    assert last is not None
    assert (_year(first.date), _year(last.date)) == (claim["first"], claim["last"])


def _check_edit(claim: dict[str, Any]) -> None:
    kind = EditKind(claim["kind"])
    found = [
        edit
        for edit in _versions().edits
        if edit.kind is kind
        and any(
            block is not None and block.heading is claim["heading"] and claim["text"] in block.text
            for block in (edit.before, edit.after)
        )
    ]
    assert found, [edit.words() for edit in _versions().edits]
    for word in claim.get("removed", ()):
        assert word in found[0].removed_words


def _check_renumbered(claim: dict[str, Any]) -> None:
    for text, (old, new) in zip(claim["text"], claim["numbers"], strict=True):
        edit = next(e for e in _versions().edits if e.after is not None and text in e.after.text)
        assert edit.kind is EditKind.UNCHANGED
        assert edit.renumbered
        assert edit.before is not None
        assert edit.after is not None
        assert (edit.before.number, edit.after.number) == (old, new)


def _check_version_recommendation(claim: dict[str, Any]) -> None:
    changed = _versions().recommendations
    assert any(rec.kind == claim["kind"] and any(claim["text"] in t for t, _ in rec.after) for rec in changed)
    assert not any(claim["unchanged"] in t for rec in changed for t, _ in (*rec.before, *rec.after))
    assert all(span is not None for rec in changed for _, span in (*rec.before, *rec.after))


CASES = [(series, claim["id"]) for series, body in CLAIMS["series"].items() for claim in body["claims"]]


@pytest.mark.parametrize(("series", "claim_id"), CASES)
def test_claim(series: str, claim_id: str) -> None:
    """Each claim of claims.json holds of what the library makes of the texts."""
    claim = next(c for c in CLAIMS["series"][series]["claims"] if c["id"] == claim_id)
    check = claim["check"]
    if check in ("edit", "renumbered", "version_recommendation"):
        {"edit": _check_edit, "renumbered": _check_renumbered, "version_recommendation": _check_version_recommendation}[
            check
        ](claim)
        return
    checks = {
        "order": _check_order,
        "topic": _check_topic,
        "recommendation": _check_recommendation,
        "never": _check_never,
        "partial": _check_partial,
        "first_last": _check_first_last,
    }
    checks[check](series, claim)


def test_every_claim_says_what_it_checks() -> None:
    """Every claim is written out in words and names a check this module knows."""
    known = {"order", "topic", "recommendation", "never", "partial", "first_last", "edit", "renumbered"}
    known.add("version_recommendation")
    for body in CLAIMS["series"].values():
        assert body["claims"]
        for claim in body["claims"]:
            assert claim["says"].strip()
            assert claim["check"] in known


def test_drafts_are_one_document_not_two_forums() -> None:
    """Two drafts compared as versions report edits, with spans on both sides, not topic changes."""
    report = _versions()
    kept = [edit for edit in report.edits if edit.before is not None and edit.after is not None]
    assert kept
    text = (HERE / CLAIMS["series"]["drafts"]["files"][1]).read_text("utf-8")
    for edit in kept:
        assert edit.after is not None
        assert text[edit.after.span.start : edit.after.span.end] == edit.after.text


def test_refs_carry_the_document_kind() -> None:
    """The communiqués are read as communiqués, the messages as messages."""
    for series, kind in (("communiques", "communique"), ("messages", "messages")):
        refs: list[RecordRef] = [ref for forum in _forums(series) for ref in compare(forum, []).before.records]
        assert refs
        assert {ref.document.value for ref in refs if ref.document is not None} == {kind}
