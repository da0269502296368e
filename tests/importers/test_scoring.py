"""The corpus scorer itself: truth validation, reading an import, the fold, matching and counts.

The scorer (``tests/importers/scoring.py``) decides whether the importers meet their floors, so
its rules are tested here on their own: a perfect prediction scores 1.0/1.0, an empty one
has recall 0 and no false positives, a wrong value never raises precision, the fold is
idempotent and matching is symmetric.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govrecords import importers

from .scoring import (
    FAMILIES,
    FIELDS,
    FORCES,
    LEVELS,
    ROLES,
    STAKEHOLDERS,
    Counts,
    Finding,
    Person,
    Recommendation,
    Truth,
    TruthError,
    documents,
    extract,
    fold,
    load_truth,
    main,
    match_pairs,
    parse_truth,
    score_corpus,
    score_document,
    texts_match,
)

# ------------------------------------------------------------------------------------------ strategies

_WORDS = st.sampled_from(
    (
        "open",
        "data",
        "trust",
        "Internet",
        "governance",
        "youth",
        "access",
        "rights",
        "policy",
        "Africa",
        "cyber",
        "security",
        "norms",
        "platforms",
        "inclusion",
        "broadband",
        "languages",
        "AI",
        "gender",
        "IXP",
    )
)
texts = st.lists(_WORDS, min_size=2, max_size=9).map(" ".join)
names = st.tuples(
    st.sampled_from(("Amina", "Jonas", "Priya", "Kofi", "Lucía", "Mei", "Tomasz", "Farah")),
    st.sampled_from(("Diallo", "Berg", "Raman", "Mensah", "Ortega", "Chen", "Nowak", "Haddad")),
).map(" ".join)
maybe = st.none() | texts


@st.composite
def truths(draw: st.DrawFn) -> Truth:
    people = draw(
        st.lists(
            st.builds(
                Person,
                name=names,
                role=st.none() | st.sampled_from(sorted(ROLES)),
                affiliation=maybe,
                stakeholder=st.none() | st.sampled_from(sorted(STAKEHOLDERS)),
            ),
            max_size=5,
            unique_by=lambda p: p.name,
        )
    )
    return Truth(
        family=draw(st.sampled_from(FAMILIES)),
        title=draw(maybe),
        identifier=draw(st.none() | st.integers(1, 999).map(lambda n: f"WS #{n}")),
        date=draw(st.none() | st.sampled_from(("2019", "2019-11-26", "2012-11-06/2012-11-09"))),
        city=draw(st.none() | st.sampled_from(("Berlin", "Nairobi", "Bali"))),
        people=tuple(people),
        findings=tuple(
            draw(
                st.lists(
                    st.builds(Finding, text=texts, level=st.sampled_from(sorted(LEVELS))),
                    max_size=4,
                    unique_by=lambda f: fold(f.text),
                )
            )
        ),
        recommendations=tuple(
            draw(
                st.lists(
                    st.builds(
                        Recommendation,
                        text=texts,
                        number=st.none() | st.sampled_from(("1)", "(a)", "2.")),
                        force=st.none() | st.sampled_from(sorted(FORCES)),
                    ),
                    max_size=4,
                    unique_by=lambda r: fold(r.text),
                )
            )
        ),
        policy_questions=tuple(draw(st.lists(texts, max_size=3, unique_by=fold))),
    )


# ------------------------------------------------------------------------------------------ properties


@given(truths())
def test_a_prediction_equal_to_the_truth_scores_one(truth: Truth) -> None:
    table = score_document(truth, truth)
    for name in FIELDS:
        counts = table.counts[name]
        assert counts.right == counts.labelled == counts.extracted, name
        assert (counts.precision, counts.recall) == (1.0, 1.0), name
    assert table.misses == []


@given(truths())
def test_an_empty_prediction_has_no_false_positives_and_recall_zero(truth: Truth) -> None:
    table = score_document(truth, Truth())
    for name in FIELDS:
        counts = table.counts[name]
        assert counts.extracted == 0, name
        assert counts.right == 0, name
        assert counts.precision == 1.0
        if counts.labelled:
            assert counts.recall == 0.0, name
    assert all(miss.kind == "miss" for miss in table.misses)


@given(truths(), texts)
def test_adding_a_wrong_value_never_raises_precision(truth: Truth, wrong: str) -> None:
    wrong = "zz " + wrong + " qq unrelated filler words"
    before = score_document(truth, truth)
    found = replace(
        truth,
        people=(*truth.people, Person("Quentin Zyx", "speaker")),
        findings=(*truth.findings, Finding(wrong, "common_view")),
        recommendations=(*truth.recommendations, Recommendation(wrong, "9)", "urge")),
        policy_questions=(*truth.policy_questions, wrong),
    )
    after = score_document(truth, found)
    for name in FIELDS:
        assert after.counts[name].precision <= before.counts[name].precision, name
        assert after.counts[name].recall == before.counts[name].recall, name
    for name in ("people.name", "findings.text", "recommendations.text", "policy_questions"):
        assert after.counts[name].extracted == before.counts[name].extracted + 1


@given(st.text(max_size=60))
def test_the_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(alphabet="1234567890()abciv.-*\u2022\u201c\u201d\u2018\u2019\u2013\u2014 \u00a0\tXYZxyz?!", max_size=40))
def test_the_fold_is_idempotent_on_list_like_texts(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(st.text(max_size=40), st.text(max_size=40))
def test_matching_is_symmetric(left: str, right: str) -> None:
    assert texts_match(left, right) == texts_match(right, left)


@given(texts, texts)
def test_matching_is_symmetric_on_near_texts(left: str, right: str) -> None:
    near = left + " " + right[:3]
    assert texts_match(left, near) == texts_match(near, left)
    assert texts_match(left, right) == texts_match(right, left)


@given(st.lists(texts, max_size=5), st.lists(texts, max_size=5))
def test_match_pairs_is_one_to_one(left: list[str], right: list[str]) -> None:
    pairs = match_pairs(left, right, str, str)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert all(texts_match(left[i], right[j]) for i, j in pairs)
    assert sorted((j, i) for i, j in pairs) == sorted(match_pairs(right, left, str, str))


# ------------------------------------------------------------------------------------------ examples


def test_the_fold_makes_typography_and_numbering_plain() -> None:
    assert fold("  2) \u201cOpen\u00a0Data\u201d \u2013 NOW!  ") == 'open data" - now'
    assert fold("(a) Governments should act.") == "governments should act"
    assert fold("\u2022 iv. Close the gap;") == "close the gap"
    assert fold("\uff21\uff29 ethics") == "ai ethics"  # NFKC: full-width letters


def test_texts_match_at_the_ratio_and_not_below() -> None:
    assert texts_match("Open data needs open standards.", "Open data needs open standard")
    assert not texts_match("Open data needs open standards.", "Closed data needs closed borders.")
    assert not texts_match("WS #12", None)


def test_counts_precision_and_recall() -> None:
    counts = Counts(right=3, extracted=4, labelled=6)
    assert (counts.precision, counts.recall) == (0.75, 0.5)
    assert (Counts().precision, Counts().recall) == (1.0, 1.0)


def test_attributes_are_scored_on_matched_people_only() -> None:
    truth = Truth(
        family="generic",
        people=(
            Person("Amina Diallo", "moderator", "Open Data Lab", "civil_society"),
            Person("Kofi Mensah", "speaker", None, "government"),
        ),
    )
    found = Truth(
        family="generic",
        people=(
            Person("AMINA DIALO", "moderator", "Open Data Lab", "academia"),  # near enough: ratio >= 0.9
            Person("Jonas Berg", "speaker", "Somewhere", "government"),  # not labelled
        ),
    )
    table = score_document(truth, found, "doc")
    assert (table.counts["people.name"].right, table.counts["people.name"].extracted) == (1, 2)
    role, affiliation, stakeholder = (table.counts[f"people.{k}"] for k in ("role", "affiliation", "stakeholder"))
    assert (role.right, role.extracted, role.labelled) == (1, 1, 1)
    assert (affiliation.right, affiliation.extracted, affiliation.labelled) == (1, 1, 1)
    assert (stakeholder.right, stakeholder.extracted, stakeholder.labelled) == (0, 1, 1)
    assert {str(m) for m in table.misses} >= {
        "doc: people.name: false positive: Jonas Berg",
        "doc: people.name: miss: Kofi Mensah",
        "doc [Amina Diallo]: people.stakeholder: false positive: academia",
    }


def test_a_person_in_two_roles_is_matched_role_first() -> None:
    truth = Truth(family="generic", people=(Person("Mei Chen", "organiser"), Person("Mei Chen", "speaker")))
    found = Truth(family="generic", people=(Person("Mei Chen", "speaker"), Person("Mei Chen", "organiser")))
    table = score_document(truth, found)
    assert table.counts["people.role"].right == 2


def test_a_value_where_the_truth_is_null_is_a_false_positive() -> None:
    truth = Truth(family="workshop-announcement", title="Data flows", city=None, date="2019-11-26")
    found = Truth(family="workshop-announcement", title="Data flows", city="Video Record", date="2019-11")
    table = score_document(truth, found)
    assert (table.counts["city"].extracted, table.counts["city"].right, table.counts["city"].labelled) == (1, 0, 0)
    assert (table.counts["date"].right, table.counts["date"].labelled) == (0, 1)
    assert table.counts["title"].right == 1


def test_identifiers_ignore_spacing_and_case() -> None:
    table = score_document(Truth(family="generic", identifier="WS #12"), Truth(family="generic", identifier="ws#12"))
    assert table.counts["identifier"].right == 1
    table = score_document(Truth(family="generic", identifier="WS #12"), Truth(family="generic", identifier="WS #13"))
    assert table.counts["identifier"].right == 0


# ------------------------------------------------------------------------------------------ truth files

_GOOD: dict[str, object] = {
    "family": "igf-workshop-report",
    "title": "Data flows and trust across borders",
    "identifier": "WS #12",
    "date": "2019-11-26T10:00/2019-11-26T11:30",
    "city": "Berlin",
    "people": [
        {"name": "Amina Diallo", "role": "moderator", "affiliation": "Open Data Lab", "stakeholder": "civil_society"}
    ],
    "findings": [{"text": "Open data needs open standards.", "level": "common_view"}],
    "recommendations": [{"text": "Governments should publish data openly.", "number": "1)", "force": "recommend"}],
    "policy_questions": ["How can open data be sustained?"],
}


def _write(tmp_path: Path, data: object, name: str = "doc.truth.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_valid_truth_file_loads(tmp_path: Path) -> None:
    truth = load_truth(_write(tmp_path, _GOOD))
    assert truth.people[0] == Person("Amina Diallo", "moderator", "Open Data Lab", "civil_society")
    assert truth.date == "2019-11-26T10:00/2019-11-26T11:30"
    assert truth.recommendations[0].number == "1)"


@pytest.mark.parametrize(
    ("change", "key"),
    [
        ({"surprise": 1}, "surprise"),
        ({"people": [{**_GOOD["people"][0], "role": "boss"}]}, "people[0].role"),  # type: ignore[index]
        ({"people": [{**_GOOD["people"][0], "stakeholder": "unknown"}]}, "people[0].stakeholder"),  # type: ignore[index]
        ({"people": [{"name": "X", "role": None, "affiliation": None}]}, "people[0].stakeholder"),
        (
            {"people": [{"name": "X", "role": None, "affiliation": None, "stakeholder": None, "age": 3}]},
            "people[0].age",
        ),
        ({"findings": [{"text": "A point.", "level": "mostly"}]}, "findings[0].level"),
        ({"findings": [{"text": "A point.", "level": None}]}, "findings[0].level"),
        ({"recommendations": [{"text": "Act.", "number": None, "force": "beg"}]}, "recommendations[0].force"),
        ({"family": "igf-poems"}, "family"),
        ({"date": "26 Nov 2019"}, "date"),
        ({"date": "2019-02-30"}, "date"),
        ({"title": 12}, "title"),
        ({"policy_questions": "one?"}, "policy_questions"),
        ({"policy_questions": [""]}, "policy_questions[0]"),
    ],
)
def test_a_bad_truth_file_names_the_file_and_key(tmp_path: Path, change: dict[str, object], key: str) -> None:
    path = _write(tmp_path, {**_GOOD, **change})
    with pytest.raises(TruthError) as raised:
        load_truth(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: {key}:"), message


def test_a_missing_key_and_bad_json_are_named(tmp_path: Path) -> None:
    data = {k: v for k, v in _GOOD.items() if k != "city"}
    with pytest.raises(TruthError, match=r"doc\.truth\.json: city: missing"):
        load_truth(_write(tmp_path, data))
    bad = tmp_path / "bad.truth.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(TruthError, match=r"bad\.truth\.json: not valid JSON"):
        load_truth(bad)
    with pytest.raises(TruthError, match=r"top level"):
        parse_truth([], "list.truth.json")


# ------------------------------------------------------------------------------------------ imports


def test_extract_reads_the_principal_record_and_every_participant() -> None:
    result = importers.import_text(
        "Session Name:\nOpen data in Africa\n\nModerator:\nAmina Diallo\n\n"
        "Issues which reached a common view: Open data needs open standards.\n",
        source_id="demo",
    )
    found = extract(result)
    assert found.family == "igf-session-report"
    assert found.title == "Open data in Africa"
    assert found.people == (Person("Amina Diallo", "moderator", None, None),)
    assert found.findings == (Finding("Open data needs open standards.", "common_view"),)
    truth = Truth(
        family="igf-session-report",
        title="Open data in Africa",
        people=(Person("Amina Diallo", "moderator"),),
        findings=(Finding("Open data needs open standards.", "common_view"),),
    )
    table = score_document(truth, found)
    assert all(table.counts[name].precision == 1.0 and table.counts[name].recall == 1.0 for name in FIELDS)


def _corpus(tmp_path: Path) -> Path:
    family = tmp_path / "igf-session-report"
    family.mkdir()
    (family / "one.txt").write_text(
        "Session Name:\nOpen data in Africa\n\nModerator:\nAmina Diallo\n", encoding="utf-8"
    )
    truth = {
        **_GOOD,
        "family": "igf-session-report",
        "title": "Open data in Africa",
        "identifier": None,
        "date": None,
        "city": None,
        "findings": [],
        "recommendations": [],
        "policy_questions": [],
        "people": [
            {"name": "Amina Diallo", "role": "moderator", "affiliation": None, "stakeholder": None},
            {"name": "Kofi Mensah", "role": "speaker", "affiliation": None, "stakeholder": None},
        ],
    }
    _write(family, truth, "one.truth.json")
    return tmp_path


def test_score_corpus_and_main_print_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path)
    table = score_corpus(corpus)
    assert table.documents == 1
    assert (table.counts["people.name"].right, table.counts["people.name"].labelled) == (1, 2)
    assert main(["--corpus", str(corpus), "--show-misses"]) == 0
    out = capsys.readouterr().out
    assert "precision" in out
    assert "recall" in out
    assert "igf-session-report/one: people.name: miss: Kofi Mensah" in out


def test_main_reports_a_bad_corpus_without_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _corpus(tmp_path)
    (corpus / "igf-session-report" / "two.txt").write_text("Session Name:\nX\n", encoding="utf-8")
    assert main(["--corpus", str(corpus)]) == 2
    assert "two.truth.json" in capsys.readouterr().err
    (corpus / "igf-session-report" / "two.txt").unlink()
    (corpus / "poems").mkdir()
    with pytest.raises(TruthError, match="not a family name"):
        documents(corpus)


def test_a_truth_file_in_the_wrong_family_directory_is_refused(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    path = corpus / "igf-session-report" / "one.truth.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    _write(path.parent, {**data, "family": "generic"}, "one.truth.json")
    with pytest.raises(TruthError, match="family"):
        score_corpus(corpus)
