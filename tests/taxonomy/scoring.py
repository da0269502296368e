"""Scoring the tagger against the labelled topic corpus (tests/corpus/topics/*.jsonl).

Each line of the corpus is ``{"id", "text", "topics", "trap"?}``: a sentence written
by the team in forum style, the topics a careful reader gives it, and whether it is
a trap (an idiom or a name that must get no tag). Run this module to print the
figures::

    PYTHONPATH=src python tests/taxonomy/scoring.py
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from govrecords.taxonomy import Taxonomy, default_taxonomy

CORPUS = Path(__file__).parent.parent / "corpus" / "topics"


@dataclass(frozen=True)
class Example:
    """One labelled sentence."""

    id: str
    text: str
    topics: frozenset[str]
    trap: bool = False


@dataclass
class Score:
    """Counts of true and false tags, overall and per topic."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[Example, frozenset[str]]] = field(default_factory=list)

    @staticmethod
    def ratio(good: int, bad: int) -> float:
        return good / (good + bad) if good + bad else 1.0

    @property
    def precision(self) -> float:
        return self.ratio(sum(self.tp.values()), sum(self.fp.values()))

    @property
    def recall(self) -> float:
        return self.ratio(sum(self.tp.values()), sum(self.fn.values()))

    def report(self) -> str:
        lines = [f"{'topic':32} {'P':>6} {'R':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
        for topic in sorted(set(self.tp) | set(self.fp) | set(self.fn)):
            tp, fp, fn = self.tp[topic], self.fp[topic], self.fn[topic]
            p, r = self.ratio(tp, fp), self.ratio(tp, fn)
            lines.append(f"{topic:32} {p:6.3f} {r:6.3f} {tp:4} {fp:4} {fn:4}")
        tp, fp, fn = (sum(c.values()) for c in (self.tp, self.fp, self.fn))
        lines.append(f"{'overall':32} {self.precision:6.3f} {self.recall:6.3f} {tp:4} {fp:4} {fn:4}")
        return "\n".join(lines)


def read(paths: Iterable[Path] | None = None) -> list[Example]:
    """The labelled sentences of the corpus files (all of them by default)."""
    examples = []
    for path in sorted(paths if paths is not None else CORPUS.glob("*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                data = json.loads(line)
                examples.append(Example(data["id"], data["text"], frozenset(data["topics"]), data.get("trap", False)))
    return examples


def score(examples: Iterable[Example], taxonomy: Taxonomy | None = None) -> Score:
    """Tag each sentence and count the tags against its labels."""
    taxonomy = default_taxonomy() if taxonomy is None else taxonomy
    result = Score()
    for example in examples:
        found = frozenset(taxonomy.tag(example.text))
        for topic in found & example.topics:
            result.tp[topic] += 1
        for topic in found - example.topics:
            result.fp[topic] += 1
        for topic in example.topics - found:
            result.fn[topic] += 1
        if found != example.topics:
            result.errors.append((example, found))
    return result


if __name__ == "__main__":
    chosen = [Path(arg) for arg in sys.argv[1:]] or None
    outcome = score(read(chosen))
    print(outcome.report())
    for example, found in outcome.errors:
        print(f"{example.id}: want {sorted(example.topics)} got {sorted(found)}: {example.text}")
