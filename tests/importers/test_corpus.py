"""The importers against the hand-labelled corpus: per-field precision and recall floors.

Every document under ``tests/corpus/importers/<family>/`` is imported with
:func:`govrecords.importers.import_file` and scored against its ``.truth.json`` by the
rules of ``tests/importers/scoring.py`` (described in ``tests/corpus/importers/README.md``).
The floors below are the project's target (issue 11): every field at precision >= 0.95
and recall >= 0.85. The table is printed (``pytest -s``) and repeated in the assertion
message, with the misses, so a failure says what went wrong where.
"""

from __future__ import annotations

import time
from collections import Counter

import pytest

from .scoring import CORPUS, FAMILIES, FIELDS, Table, documents, load_truth, score_corpus, unsupported_labels

FLOORS: dict[str, tuple[float, float]] = {
    "family": (0.95, 0.85),
    "title": (0.95, 0.85),
    "identifier": (0.95, 0.85),
    "date": (0.95, 0.85),
    "city": (0.95, 0.85),
    "people.name": (0.95, 0.85),
    "people.role": (0.95, 0.85),
    "people.affiliation": (0.95, 0.85),
    "people.stakeholder": (0.95, 0.85),
    "findings.text": (0.95, 0.85),
    "findings.level": (0.95, 0.85),
    "recommendations.text": (0.95, 0.85),
    "recommendations.number": (0.95, 0.85),
    "recommendations.force": (0.95, 0.85),
    "policy_questions": (0.95, 0.85),
}
"""(precision, recall) floor of each scored field: the one table the corpus test reads."""

MIN_DOCUMENTS = 60
MIN_PER_FAMILY = 2


@pytest.fixture(scope="module")
def table() -> Table:
    started = time.perf_counter()
    scored = score_corpus(CORPUS)
    print(f"\n{scored.format()}\n(scored in {time.perf_counter() - started:.1f} s)")
    return scored


def test_every_scored_field_has_a_floor() -> None:
    assert set(FLOORS) == set(FIELDS)


def test_every_truth_file_is_valid_and_in_its_family() -> None:
    for document in documents(CORPUS):
        assert load_truth(document.truth).family == document.family, document.name


def test_every_labelled_text_is_taken_from_its_document() -> None:
    """Each word of every labelled text occurs in its document (the rule is
    :func:`scoring.unsupported_labels`)."""
    wrong = [line for document in documents(CORPUS) for line in unsupported_labels(document)]
    assert not wrong, "\n".join(wrong)


def test_the_corpus_is_large_enough_and_covers_every_family() -> None:
    found = documents(CORPUS)
    per_family = Counter(document.family for document in found)
    assert len(found) >= MIN_DOCUMENTS, f"{len(found)} documents, fewer than {MIN_DOCUMENTS}"
    thin = {family: per_family[family] for family in FAMILIES if per_family[family] < MIN_PER_FAMILY}
    assert not thin, f"families with fewer than {MIN_PER_FAMILY} documents: {thin}"


def test_the_importers_meet_the_floors(table: Table) -> None:
    below = [
        f"{name}: precision {table.counts[name].precision:.3f} (floor {precision}), "
        f"recall {table.counts[name].recall:.3f} (floor {recall})"
        for name, (precision, recall) in FLOORS.items()
        if table.counts[name].precision < precision or table.counts[name].recall < recall
    ]
    assert not below, "\n".join(["fields below their floors:", *below, "", table.format(show_misses=True)])
