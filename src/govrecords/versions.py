r"""Versions of one document: what an edit added, removed, moved and reworded.

Two drafts of one synthesis document, or a report and its revision, are one
document in two versions, not two forums: comparing them as forums would say a
topic "changed" because a sentence moved. :func:`compare_versions` reads both
texts as blocks (headings and paragraphs, each with its span) and reports each
block as:

* **unchanged** — the same words (a paragraph whose number alone changed is
  unchanged, and says it was renumbered);
* **reworded** — the same paragraph with some words changed (at least
  :data:`REWORDED_AT` percent of words in common), with the words added and removed;
* **moved** — its place among the other kept blocks changed (it may also be reworded);
* **added** / **removed** — on one side only.

Recommendations are read from each version by the importers and matched as in a
comparison (as ``govrecords.comparison.matching`` does): each that was reworded, added or removed is
listed with its spans on both sides.

>>> from govrecords.versions import compare_versions
>>> first = "Access\n\n1. Access should be affordable for everyone.\n\n2. Local content matters."
>>> second = "Access\n\n1. Local content matters.\n\n2. Access must be affordable for everyone."
>>> report = compare_versions(first, second)
>>> [(edit.kind.value, edit.after.text) for edit in report.edits[1:]]
[('moved', '1. Local content matters.'), ('reworded', '2. Access must be affordable for everyone.')]
>>> report.edits[2].added_words, report.edits[2].removed_words, report.edits[2].renumbered
(('must',), ('should',), True)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from typing import Any

import attrs

from govrecords.comparison.matching import MatchKind, RecommendationRef, match_recommendations
from govrecords.comparison.refs import RecordKind, RecordRef
from govrecords.comparison.sentences import match_explanation
from govrecords.errors import GovRecordsError
from govrecords.importers import import_text
from govrecords.provenance import Span

__all__ = ["REWORDED_AT", "Block", "Edit", "EditKind", "VersionComparison", "compare_versions", "versions_text"]

REWORDED_AT = 50
"""The least share of words, in percent, two blocks must have in common to be one block reworded."""

_NUMBER = re.compile(r"^\s*(\(?[0-9]{1,3}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\)|[ivx]{1,4}[.)]|[-*•])\s+", re.IGNORECASE)
_WORD = re.compile(r"[\w'\u2019-]+")


class EditKind(enum.Enum):
    """What happened to a block between two versions."""

    UNCHANGED = "unchanged"
    REWORDED = "reworded"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"


@attrs.frozen
class Block:
    """A heading or a paragraph of one version, with its span.

    Args:
        heading: Whether the block is a heading.
        text: The block as written.
        span: Where it stands in its version's text.
        number: The paragraph's number as written ("4.", "(b)"), if any.
        section: The heading it stands under, if any.
    """

    heading: bool
    text: str
    span: Span
    number: str | None = None
    section: str | None = None

    @property
    def words(self) -> tuple[str, ...]:
        """The block's words, lower-cased, without its number."""
        body = _NUMBER.sub("", self.text, count=1) if self.number else self.text
        return tuple(word.casefold() for word in _WORD.findall(body))


@attrs.frozen
class Edit:
    """One block's fate between the versions.

    Args:
        kind: Unchanged, reworded, moved, added or removed.
        before: The block in the earlier version (None when added).
        after: The block in the later version (None when removed).
        similarity: The share of words in common, in percent (100 when the same).
        reworded: For a moved block, whether its words changed too.
        added_words: Words only the later block has.
        removed_words: Words only the earlier block has.
        renumbered: Whether the paragraph's number changed.
    """

    kind: EditKind
    before: Block | None
    after: Block | None
    similarity: int = 100
    reworded: bool = False
    added_words: tuple[str, ...] = ()
    removed_words: tuple[str, ...] = ()
    renumbered: bool = False

    @property
    def heading(self) -> bool:
        """Whether the edit is of a heading."""
        block = self.after if self.after is not None else self.before
        return block is not None and block.heading

    def words(self) -> str:
        """The edit in words, with its spans on both sides."""
        where: list[str] = []
        if self.before is not None:
            where.append(f"before {self.before.span.start}\u2013{self.before.span.end}")
        if self.after is not None:
            where.append(f"after {self.after.span.start}\u2013{self.after.span.end}")
        what = "heading" if self.heading else "paragraph"
        text = f"{what} {self.kind.value}"
        if self.kind is EditKind.MOVED and self.reworded:
            text += " and reworded"
        if self.reworded or self.kind is EditKind.REWORDED:
            text += f" ({self.similarity}% of words in common"
            if self.added_words:
                text += f"; added: {', '.join(self.added_words[:8])}"
            if self.removed_words:
                text += f"; removed: {', '.join(self.removed_words[:8])}"
            text += ")"
        if self.renumbered and self.before is not None and self.after is not None:
            text += f"; renumbered {self.before.number} \u2192 {self.after.number}"
        return f"{text} [{', '.join(where)}]"


@attrs.frozen
class RecommendationEdit:
    """A recommendation changed between the versions, with its spans on both sides."""

    kind: str
    before: tuple[tuple[str, Span | None], ...]
    after: tuple[tuple[str, Span | None], ...]
    explanation: str


@attrs.frozen
class VersionComparison:
    """Two versions of one document, block by block.

    Args:
        before_name: A name for the earlier version.
        after_name: A name for the later version.
        edits: Every block of both versions in exactly one edit, in the later
            version's order, removed blocks at their earlier place.
        recommendations: The recommendations that changed.
        notes: What could not be read (a version the importers could not read).
    """

    before_name: str
    after_name: str
    edits: tuple[Edit, ...]
    recommendations: tuple[RecommendationEdit, ...] = ()
    notes: tuple[str, ...] = ()

    def count(self, kind: EditKind, *, heading: bool | None = None) -> int:
        """How many edits are of *kind* (only headings, or only paragraphs, when asked)."""
        return sum(1 for edit in self.edits if edit.kind is kind and (heading is None or edit.heading is heading))

    def to_dict(self) -> dict[str, Any]:
        """The comparison as plain data, for JSON."""

        def block(value: Block | None) -> dict[str, Any] | None:
            if value is None:
                return None
            return {
                "heading": value.heading,
                "text": value.text,
                "span": [value.span.start, value.span.end],
                "number": value.number,
                "section": value.section,
            }

        return {
            "before": self.before_name,
            "after": self.after_name,
            "edits": [
                {
                    "kind": edit.kind.value,
                    "before": block(edit.before),
                    "after": block(edit.after),
                    "similarity": edit.similarity,
                    "reworded": edit.reworded,
                    "added_words": list(edit.added_words),
                    "removed_words": list(edit.removed_words),
                    "renumbered": edit.renumbered,
                }
                for edit in self.edits
            ],
            "recommendations": [
                {
                    "kind": rec.kind,
                    "explanation": rec.explanation,
                    "before": [{"text": t, "span": [s.start, s.end] if s else None} for t, s in rec.before],
                    "after": [{"text": t, "span": [s.start, s.end] if s else None} for t, s in rec.after],
                }
                for rec in self.recommendations
            ],
            "notes": list(self.notes),
        }


def _is_heading(text: str) -> bool:
    flat = " ".join(text.split())
    if "\n" in text.strip() or len(flat) > 90 or (_NUMBER.match(flat) and len(flat) > 60):
        return False
    return not re.search(r"[.;,:!?]$", flat) and len(_WORD.findall(flat)) <= 12


def blocks_of(text: str) -> list[Block]:
    """The headings and paragraphs of *text*: runs of lines separated by blank lines."""
    out: list[Block] = []
    section: str | None = None
    for match in re.finditer(r"\S(?:.*\S)?(?:\n[ \t]*\S.*)*", text):
        body = match.group(0).rstrip()
        start = match.start()
        heading = _is_heading(body)
        number = _NUMBER.match(body)
        block = Block(
            heading,
            body,
            Span(start, start + len(body)),
            number.group(1) if number and not heading else None,
            None if heading else section,
        )
        if heading:
            section = " ".join(body.split())
        out.append(block)
    return out


def _similarity(first: Sequence[str], second: Sequence[str]) -> int:
    a, b = set(first), set(second)
    if not a and not b:
        return 100
    return round(100 * len(a & b) / len(a | b))


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """The indexes of one longest increasing run of *values* (patience sorting)."""
    tails: list[int] = []
    previous: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if values[tails[middle]] < value:
                low = middle + 1
            else:
                high = middle
        if low > 0:
            previous[index] = tails[low - 1]
        if low == len(tails):
            tails.append(index)
        else:
            tails[low] = index
    kept: set[int] = set()
    at = tails[-1] if tails else -1
    while at >= 0:
        kept.add(at)
        at = previous[at]
    return kept


def _pair(before: list[Block], after: list[Block], reworded_at: int) -> dict[int, tuple[int, int]]:
    """After index -> (before index, similarity)."""
    pairs: dict[int, tuple[int, int]] = {}
    taken: set[int] = set()
    exact: dict[tuple[bool, tuple[str, ...]], list[int]] = {}
    for index, block in enumerate(before):
        exact.setdefault((block.heading, block.words), []).append(index)
    for index, block in enumerate(after):
        waiting = exact.get((block.heading, block.words))
        if waiting:
            first = waiting.pop(0)
            pairs[index] = (first, 100)
            taken.add(first)
    scored = sorted(
        (
            (-_similarity(a.words, b.words), i, j)
            for j, b in enumerate(after)
            if j not in pairs
            for i, a in enumerate(before)
            if i not in taken and a.heading == b.heading
        ),
    )
    for negative, i, j in scored:
        if -negative < reworded_at:
            break
        if i in taken or j in pairs:
            continue
        pairs[j] = (i, -negative)
        taken.add(i)
    return pairs


def compare_versions(
    before: str,
    after: str,
    *,
    before_name: str = "before",
    after_name: str = "after",
    reworded_at: int = REWORDED_AT,
) -> VersionComparison:
    """Compare two versions of one document, block by block (see the module documentation).

    Args:
        before: The earlier version's text.
        after: The later version's text.
        before_name: A name for the earlier version (a file name).
        after_name: A name for the later version.
        reworded_at: The least share of words in common, in percent, for two
            blocks to be one block reworded.
    """
    first, second = blocks_of(before), blocks_of(after)
    pairs = _pair(first, second, reworded_at)
    order = sorted(pairs)
    in_order = _longest_increasing([pairs[j][0] for j in order])
    moved = {order[k] for k in range(len(order)) if k not in in_order}
    edits: list[tuple[tuple[int, int], Edit]] = []
    for j, block in enumerate(second):
        if j not in pairs:
            edits.append(((j, 1), Edit(EditKind.ADDED, None, block, 0)))
            continue
        i, similarity = pairs[j]
        old = first[i]
        changed = old.words != block.words
        added = tuple(dict.fromkeys(w for w in block.words if w not in set(old.words)))
        removed = tuple(dict.fromkeys(w for w in old.words if w not in set(block.words)))
        kind = EditKind.MOVED if j in moved else (EditKind.REWORDED if changed else EditKind.UNCHANGED)
        renumbered = old.number is not None and block.number is not None and old.number != block.number
        edits.append(((j, 1), Edit(kind, old, block, similarity, changed, added, removed, renumbered)))
    kept = {i for i, _ in pairs.values()}
    # A removed block goes after the later block that follows it in the earlier version.
    later_of = {i: j for j, (i, _) in pairs.items()}
    for i, block in enumerate(first):
        if i in kept:
            continue
        anchor = next((later_of[k] for k in range(i - 1, -1, -1) if k in later_of), -1)
        edits.append(((anchor, 2 + i), Edit(EditKind.REMOVED, block, None, 0)))
    ordered = tuple(edit for _, edit in sorted(edits, key=lambda pair: pair[0]))
    recommendations, notes = _recommendations(before, after)
    return VersionComparison(before_name, after_name, ordered, recommendations, notes)


def _recommendations(before: str, after: str) -> tuple[tuple[RecommendationEdit, ...], tuple[str, ...]]:
    """The recommendations each version's importer reads, matched; those that changed."""
    sides: list[list[RecommendationRef]] = []
    notes: list[str] = []
    for name, text in (("before", before), ("after", after)):
        found: list[RecommendationRef] = []
        try:
            result = import_text(text)
        except GovRecordsError as error:
            notes.append(f"the {name} version's recommendations could not be read: {error}")
            sides.append(found)
            continue
        for session in result.sessions:
            ref = RecordRef(RecordKind.SESSION, session.id, session.title)
            found += [
                RecommendationRef(ref, rec.text, rec.number, rec.id, rec.force, rec.topics, rec.provenance)
                for rec in session.recommendations
            ]
        sides.append(found)
    out: list[RecommendationEdit] = []
    for match in match_recommendations(sides[0], sides[1]):
        if match.kind is MatchKind.REPEATED:
            continue

        def spans(refs: Sequence[RecommendationRef]) -> tuple[tuple[str, Span | None], ...]:
            return tuple((ref.text, next((p.span for p in ref.provenance if p.span is not None), None)) for ref in refs)

        kind = {MatchKind.NEW: "added", MatchKind.DROPPED: "removed"}.get(match.kind, match.kind.value)
        text = match_explanation(match)
        if match.kind in (MatchKind.NEW, MatchKind.DROPPED):
            text = f"{kind}: only in the {'later' if kind == 'added' else 'earlier'} version"
        out.append(RecommendationEdit(kind, spans(match.before), spans(match.after), text))
    return tuple(out), tuple(notes)


def _quote(block: Block | None, width: int = 90) -> str:
    if block is None:
        return ""
    flat = " ".join(block.text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "\u2026"


def versions_text(report: VersionComparison, *, detail: bool = False, shown: int = 20) -> str:
    """The comparison as plain text: counts, then each edit with its spans (the first *shown* unless *detail*)."""
    lines = [f"Versions of one document: {report.before_name} \u2192 {report.after_name}", ""]
    parts: list[str] = []
    for heading, noun in ((True, "headings"), (False, "paragraphs")):
        counts = [
            f"{report.count(kind, heading=heading)} {kind.value}"
            for kind in EditKind
            if report.count(kind, heading=heading)
        ]
        if counts:
            parts.append(f"{noun}: {', '.join(counts)}")
    renumbered = sum(1 for edit in report.edits if edit.renumbered)
    if renumbered:
        parts.append(f"{renumbered} paragraphs renumbered")
    lines.append("; ".join(parts) + ".")
    lines.append("")
    changed = [edit for edit in report.edits if edit.kind is not EditKind.UNCHANGED or edit.renumbered]
    for edit in changed if detail else changed[:shown]:
        lines.append(f"  {edit.words()}")
        if edit.before is not None and edit.kind is not EditKind.ADDED:
            lines.append(f"    before: \u201c{_quote(edit.before)}\u201d")
        if edit.after is not None:
            lines.append(f"    after: \u201c{_quote(edit.after)}\u201d")
    if not detail and len(changed) > shown:
        lines.append(f"  and {len(changed) - shown} more (--detail)")
    if report.recommendations:
        lines += ["", "Recommendations changed:"]
        for rec in report.recommendations:
            lines.append(f"  {rec.explanation}")
            for side, refs in (("before", rec.before), ("after", rec.after)):
                for text, span in refs:
                    where = f" [{span.start}\u2013{span.end}]" if span is not None else ""
                    lines.append(f"    {side}{where}: \u201c{_quote(Block(False, text, Span(0, 0)))}\u201d")
    lines += [f"Note: {note}" for note in report.notes]
    return "\n".join(lines) + "\n"
