"""How the cost of ``govrecords.compare`` grows with the number of records.

Builds two seeded, synthetic sides of N sessions each (findings on a few dozen
topics, positions by stakeholder group, recommendations drawn from a Zipf-like
vocabulary, a tenth of them repeated and a tenth reworded on the other side),
compares them, and prints the processor time per record for each N (processor time,
so other work on the machine disturbs it less). Linear growth shows as a cost per
record that stays flat while N doubles. Nothing is asserted: timings depend on the
machine.

    python benchmarks/bench_compare.py                 # N = 250, 500, ..., 4000
    python benchmarks/bench_compare.py --sizes 1000 8000
    python benchmarks/bench_compare.py --smoke         # a tiny run, to keep the script working
"""

from __future__ import annotations

import argparse
import random
import time

from govrecords import (
    Actor,
    ActorKind,
    ConsensusLevel,
    Finding,
    Forum,
    PartialDate,
    Position,
    Recommendation,
    Session,
    StakeholderGroup,
    StakeholderKind,
    Stance,
    Statement,
    compare,
)

TOPICS = [f"topic-{number}" for number in range(40)]
VOCABULARY = [f"w{number}" for number in range(5000)]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]  # Zipf: a few words are everywhere
LEVELS = [level for level in ConsensusLevel if level.rank is not None]
GROUPS = [kind for kind in StakeholderKind if kind is not StakeholderKind.UNKNOWN]


def _text(rng: random.Random) -> str:
    return " ".join(rng.choices(VOCABULARY, WEIGHTS, k=rng.randint(8, 16)))


def _session(rng: random.Random, number: int, recommendations: list[str]) -> Session:
    findings = tuple(
        Finding(
            _text(rng),
            rng.choice(LEVELS),
            topics=tuple(rng.sample(TOPICS, 2)),
            positions=tuple(
                Position(
                    Actor(ActorKind.STAKEHOLDER_GROUP, stakeholder=StakeholderGroup(rng.choice(GROUPS))),
                    rng.choice(list(Stance)),
                    _text(rng),
                )
                for _ in range(2)
            ),
        )
        for _ in range(3)
    )
    return Session(
        id=f"s{number}",
        title=f"Session {number}",
        findings=findings,
        key_issues=(Statement(_text(rng), topics=(rng.choice(TOPICS),)),),
        recommendations=tuple(
            Recommendation(text, number=f"{index})", topics=(rng.choice(TOPICS),))
            for index, text in enumerate(recommendations, start=1)
        ),
    )


def sides(size: int, seed: int = 2012) -> tuple[Forum, Forum]:
    """Two forums of *size* sessions each, the second repeating and rewording some recommendations."""
    rng = random.Random(seed)
    before_texts = [[_text(rng) for _ in range(4)] for _ in range(size)]
    after_texts: list[list[str]] = []
    for texts in before_texts:
        kept: list[str] = []
        for text in texts:
            roll = rng.random()
            if roll < 0.1:
                kept.append(text)  # repeated
            elif roll < 0.2:
                words = text.split()
                words[rng.randrange(len(words))] = rng.choice(VOCABULARY)
                kept.append(" ".join(words))  # reworded
            else:
                kept.append(_text(rng))
        after_texts.append(kept)
    before = Forum(
        id="before", dates=PartialDate(2012), sessions=tuple(_session(rng, n, t) for n, t in enumerate(before_texts))
    )
    after = Forum(
        id="after", dates=PartialDate(2013), sessions=tuple(_session(rng, n, t) for n, t in enumerate(after_texts))
    )
    return before, after


def run(sizes: list[int], repeat: int) -> None:
    """Time the comparison at each size and print the cost per session."""
    print(f"{'sessions/side':>13} {'records':>8} {'cpu s':>9} {'us/record':>10} {'x previous':>10}")
    previous: float | None = None
    for size in sizes:
        before, after = sides(size)
        best = float("inf")
        for _ in range(repeat):
            started = time.process_time()
            report = compare(before, after)
            best = min(best, time.process_time() - started)
        records = 2 * size
        per_record = best / records * 1e6
        growth = "" if previous is None else f"{per_record / previous:10.2f}"
        print(f"{size:>13} {records:>8} {best:>9.3f} {per_record:>10.1f} {growth:>10}")
        previous = per_record
        assert report.recommendations  # keep the result alive until it is timed


def main() -> None:
    """Parse the arguments and run."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000, 4000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest is kept")
    parser.add_argument("--smoke", action="store_true", help="a tiny run that only checks the script works")
    args = parser.parse_args()
    if args.smoke:
        run([10, 20], 1)
    else:
        run(args.sizes, args.repeat)


if __name__ == "__main__":
    main()
