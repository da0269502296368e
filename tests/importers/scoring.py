"""Score the importers against the hand-labelled corpus in ``tests/corpus/importers``.

The corpus layout and the truth format are described in ``tests/corpus/importers/README.md``.
This module is the one home of the rules that README states:

* :data:`FAMILIES` and the value tables a truth file is checked against;
* :func:`load_truth`, which reads and validates a ``.truth.json`` file;
* :func:`extract`, which reads an :class:`~govrecords.importers.ImportResult` into the same
  shape as a truth file;
* :func:`fold` and :func:`texts_match`, the text fold and the matching rule;
* :func:`score_document` and :class:`Table`, per-field counts, precision and recall.

Run it as a script to print the per-field table for the corpus::

    python tests/importers/scoring.py [--corpus DIR] [--show-misses]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar, cast

from govrecords.errors import DateParseError, GovRecordsError
from govrecords.importers import ImportResult
from govrecords.records import Session, Workshop
from govrecords.vocabulary import ConsensusLevel, Force, Role, StakeholderKind

__all__ = [
    "CORPUS",
    "FAMILIES",
    "FIELDS",
    "Counts",
    "Document",
    "Miss",
    "Person",
    "Recommendation",
    "Table",
    "Truth",
    "TruthError",
    "documents",
    "extract",
    "fold",
    "load_truth",
    "main",
    "match_pairs",
    "parse_truth",
    "score_corpus",
    "score_document",
    "similarity",
    "texts_match",
    "unsupported_labels",
]

CORPUS = Path(__file__).parent.parent / "corpus" / "importers"
"""The corpus directory: one sub-directory per family."""

FAMILIES: tuple[str, ...] = (
    "igf-session-report",
    "igf-2013-workshop-proposal",
    "igf-2015-workshop-proposal",
    "igf-2015-workshop-report",
    "igf-workshop-report",
    "igf-workshop-page",
    "workshop-announcement",
    "igf-messages",
    "chair-summary",
    "regional-igf-communique",
    "eurodig-session-page",
    "main-session-page",
    "synthesis-draft",
    "report-table",
    "transcript",
    "generic",
)
"""The family names (the template the importer should detect), fixed by the corpus format."""

ROLES: frozenset[str] = frozenset(role.value for role in Role)
"""The role values a truth file may use."""

STAKEHOLDERS: frozenset[str] = frozenset(kind.value for kind in StakeholderKind) - {StakeholderKind.UNKNOWN.value}
"""The stakeholder values a truth file may use (``unknown`` is written as null)."""

LEVELS: frozenset[str] = frozenset(level.value for level in ConsensusLevel) - {ConsensusLevel.NOT_DISCUSSED.value}
"""The consensus levels a truth file may use."""

FORCES: frozenset[str] = frozenset(force.value for force in Force)
"""The force values a truth file may use."""

FIELDS: tuple[str, ...] = (
    "family",
    "title",
    "identifier",
    "date",
    "city",
    "people.name",
    "people.role",
    "people.affiliation",
    "people.stakeholder",
    "findings.text",
    "findings.level",
    "recommendations.text",
    "recommendations.number",
    "recommendations.force",
    "policy_questions",
)
"""The scored fields, in table order."""

TRUTH_KEYS: tuple[str, ...] = (
    "family",
    "title",
    "identifier",
    "date",
    "city",
    "people",
    "findings",
    "recommendations",
    "policy_questions",
)
PERSON_KEYS: tuple[str, ...] = ("name", "role", "affiliation", "stakeholder")
FINDING_KEYS: tuple[str, ...] = ("text", "level")
RECOMMENDATION_KEYS: tuple[str, ...] = ("text", "number", "force")

RATIO = 0.9
"""Two folded texts whose difflib ratio reaches this match."""


class TruthError(GovRecordsError, ValueError):
    """A truth file is not valid JSON or does not follow the truth format (names the file and key)."""


# --------------------------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Person:
    """A person or organisation named in a role."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    stakeholder: str | None = None


@dataclass(frozen=True)
class Finding:
    """A point reported with a consensus level."""

    text: str
    level: str | None = None


@dataclass(frozen=True)
class Recommendation:
    """A point the document asks for."""

    text: str
    number: str | None = None
    force: str | None = None


@dataclass(frozen=True)
class Truth:
    """What a document holds: a truth file, or what an import read, in the same shape."""

    family: str | None = None
    title: str | None = None
    identifier: str | None = None
    date: str | None = None
    city: str | None = None
    people: tuple[Person, ...] = ()
    findings: tuple[Finding, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    policy_questions: tuple[str, ...] = ()


# ------------------------------------------------------------------------------------------ truth files


def _fail(path: Path | str, key: str, problem: str) -> TruthError:
    return TruthError(f"{path}: {key}: {problem}")


def _string(path: Path | str, key: str, value: object, *, nullable: bool = True) -> str | None:
    if value is None and nullable:
        return None
    if not isinstance(value, str) or not value.strip():
        wanted = "a non-empty string or null" if nullable else "a non-empty string"
        raise _fail(path, key, f"must be {wanted}, got {value!r}")
    return value


def _member(path: Path | str, key: str, value: object, allowed: frozenset[str] | tuple[str, ...]) -> str | None:
    text = _string(path, key, value)
    if text is not None and text not in allowed:
        raise _fail(path, key, f"{text!r} is not one of {', '.join(sorted(allowed))}")
    return text


def _object(path: Path | str, key: str, value: object, keys: tuple[str, ...]) -> Mapping[str, object]:
    if not isinstance(value, dict):
        raise _fail(path, key, f"must be an object, got {type(value).__name__}")
    items: dict[str, object] = {str(k): v for k, v in cast("dict[object, object]", value).items()}
    unknown = sorted(set(items) - set(keys))
    if unknown:
        raise _fail(path, f"{key}.{unknown[0]}" if key else unknown[0], f"unknown key (the keys are {', '.join(keys)})")
    missing = [k for k in keys if k not in items]
    if missing:
        raise _fail(path, f"{key}.{missing[0]}" if key else missing[0], "missing (write null or [] for nothing)")
    return items


def _list(path: Path | str, key: str, value: object) -> list[object]:
    if not isinstance(value, list):
        raise _fail(path, key, f"must be a list, got {type(value).__name__}")
    return list(value)  # pyright: ignore[reportUnknownArgumentType]


def _date(path: Path | str, value: object) -> str | None:
    text = _string(path, "date", value)
    if text is None:
        return None
    from govrecords.dates import when_from_iso

    try:
        return when_from_iso(text).isoformat()
    except (DateParseError, ValueError) as error:
        problem = f"{text!r} is not an EDTF date or interval as govrecords writes one ({error})"
        raise _fail(path, "date", problem) from None


def parse_truth(data: object, path: Path | str = "<truth>") -> Truth:
    """Validate decoded truth JSON and build a :class:`Truth`.

    Raises:
        TruthError: A key is unknown or missing, or a value has the wrong type or is not one
            of the allowed values; the message names *path* and the key.
    """
    if not isinstance(data, dict):
        raise _fail(path, "(top level)", f"must be a JSON object, got {type(data).__name__}")
    top = _object(path, "", cast("object", data), TRUTH_KEYS)
    family = _member(path, "family", top["family"], FAMILIES)
    if family is None:
        raise _fail(path, "family", "must name a family, not null")
    people: list[Person] = []
    for index, item in enumerate(_list(path, "people", top["people"])):
        key = f"people[{index}]"
        entry = _object(path, key, item, PERSON_KEYS)
        name = _string(path, f"{key}.name", entry["name"], nullable=False)
        assert name is not None
        people.append(
            Person(
                name=name,
                role=_member(path, f"{key}.role", entry["role"], ROLES),
                affiliation=_string(path, f"{key}.affiliation", entry["affiliation"]),
                stakeholder=_member(path, f"{key}.stakeholder", entry["stakeholder"], STAKEHOLDERS),
            )
        )
    findings: list[Finding] = []
    for index, item in enumerate(_list(path, "findings", top["findings"])):
        key = f"findings[{index}]"
        entry = _object(path, key, item, FINDING_KEYS)
        text = _string(path, f"{key}.text", entry["text"], nullable=False)
        level = _member(path, f"{key}.level", entry["level"], LEVELS)
        if level is None:
            raise _fail(path, f"{key}.level", "a finding needs a consensus level")
        assert text is not None
        findings.append(Finding(text, level))
    recommendations: list[Recommendation] = []
    for index, item in enumerate(_list(path, "recommendations", top["recommendations"])):
        key = f"recommendations[{index}]"
        entry = _object(path, key, item, RECOMMENDATION_KEYS)
        text = _string(path, f"{key}.text", entry["text"], nullable=False)
        assert text is not None
        recommendations.append(
            Recommendation(
                text,
                _string(path, f"{key}.number", entry["number"]),
                _member(path, f"{key}.force", entry["force"], FORCES),
            )
        )
    questions: list[str] = []
    for index, item in enumerate(_list(path, "policy_questions", top["policy_questions"])):
        question = _string(path, f"policy_questions[{index}]", item, nullable=False)
        assert question is not None
        questions.append(question)
    return Truth(
        family=family,
        title=_string(path, "title", top["title"]),
        identifier=_string(path, "identifier", top["identifier"]),
        date=_date(path, top["date"]),
        city=_string(path, "city", top["city"]),
        people=tuple(people),
        findings=tuple(findings),
        recommendations=tuple(recommendations),
        policy_questions=tuple(questions),
    )


def load_truth(path: Path | str) -> Truth:
    """Read and validate a ``.truth.json`` file.

    Raises:
        TruthError: The file is not JSON or breaks the truth format (the message names the file
            and the key).
    """
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise TruthError(f"{path}: not valid JSON: {error}") from None
    return parse_truth(data, path)


# -------------------------------------------------------------------------------------- import results


def _value(member: object) -> str | None:
    """An enum member's value, or None (``StakeholderKind.UNKNOWN`` counts as no value)."""
    if member is None or member is StakeholderKind.UNKNOWN:
        return None
    value = getattr(member, "value", member)
    return str(value)


def extract(result: ImportResult) -> Truth:
    """Read an :class:`~govrecords.importers.ImportResult` into the shape of a truth file.

    title, identifier, date and city come from the principal record: the first session, else
    the first workshop, else the forum (its name, dates and place). people are every
    participant of every session and every organiser of every workshop; findings and
    recommendations those of every session; policy questions those of every session and
    workshop.
    """
    forum = result.forum
    sessions = tuple(forum.sessions)
    workshops = tuple(forum.workshops)
    title: str | None
    principal: Session | Workshop | None = sessions[0] if sessions else workshops[0] if workshops else None
    if principal is not None:
        title, identifier, when, place = principal.title, principal.identifier, principal.date, principal.place
    else:
        title, identifier, when, place = forum.name, None, forum.dates, forum.place
    people = [
        Person(
            name=person.name,
            role=_value(person.role),
            affiliation=person.affiliation,
            stakeholder=_value(person.stakeholder.kind) if person.stakeholder is not None else None,
        )
        for group in (*(s.participants for s in sessions), *(w.organisers for w in workshops))
        for person in group
    ]
    return Truth(
        family=result.template,
        title=title or None,
        identifier=identifier or None,
        date=when.isoformat() if when is not None else None,
        city=place.city if place is not None and place.city else None,
        people=tuple(people),
        findings=tuple(Finding(f.text, _value(f.consensus)) for s in sessions for f in s.findings),
        recommendations=tuple(
            Recommendation(r.text, r.number, _value(r.force)) for s in sessions for r in s.recommendations
        ),
        policy_questions=(
            *(q.text for s in sessions for q in s.policy_questions),
            *(q.text for w in workshops for q in w.policy_questions),
        ),
    )


# ------------------------------------------------------------------------------------ fold and matching

_PLAIN = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
    }
)
_SPACE = re.compile(r"\s+")
_NUMBERING = re.compile(
    r"^(?:"
    r"\(?\d{1,3}(?:\.\d{1,3})*[.)]"  # 1.  1)  (1)  2.3.  1)foo
    r"|\d{1,3}(?:\.\d{1,3})+(?=\s)"  # 2.3 foo
    r"|\([a-z]{1,2}\)|[a-z][.)](?=\s)"  # (a)  a)  a.
    r"|\(?[ivxlc]{1,6}[.)](?=\s)"  # iv.  (ii)
    r"|[-*\u2022\u00b7\u25aa\u25cf\u25e6>+]"  # bullets
    r")\s*"
)
_EDGE = "".join(
    (" ", "\t", ".", ",", ";", ":", "!", "?", '"', "'", "(", ")", "[", "]", "{", "}", "-", "*", "|", "/", "\u2022")
)


def _fold_once(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().translate(_PLAIN)
    text = _SPACE.sub(" ", text).strip()
    previous = None
    while previous != text:
        previous = text
        text = _NUMBERING.sub("", text, count=1).strip(_EDGE)
    return text


def fold(text: str) -> str:
    """The form texts are compared in.

    Unicode NFKC, case folded, curly quotes and dashes made plain, whitespace collapsed,
    leading list numbering and surrounding punctuation removed. Idempotent.

    >>> fold("  2) \u201cOpen\u00a0Data\u201d \u2013 now!  ")
    'open data" - now'
    """
    for _ in range(8):
        folded = _fold_once(text)
        if folded == text:
            return folded
        text = folded
    return text


def similarity(left: str, right: str) -> float:
    """difflib's ratio of two folded texts, computed in a fixed order so it is symmetric."""
    if left == right:
        return 1.0
    if not left or not right:
        return 0.0
    first, second = sorted((left, right))
    matcher = difflib.SequenceMatcher(None, first, second, autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):  # cheap upper bounds first
        ratio = bound()
        if ratio < RATIO:
            return ratio
    return matcher.ratio()


def texts_match(left: str | None, right: str | None) -> bool:
    """Whether two texts match: their folds are equal, or difflib's ratio of the folds is >= 0.9.

    >>> texts_match("Open data needs open standards.", "1) open data needs open standards")
    True
    >>> texts_match("Open data", "Closed data")
    False
    """
    if left is None or right is None:
        return False
    return similarity(fold(left), fold(right)) >= RATIO


def _compact(text: str) -> str:
    return fold(text).replace(" ", "")


def _same_identifier(left: str, right: str) -> bool:
    return _compact(left) == _compact(right)


def _same_number(left: str, right: str) -> bool:
    return left.strip() == right.strip()


def _same_city(left: str, right: str) -> bool:
    return fold(left) == fold(right)


def _same_date(left: str, right: str) -> bool:
    return left == right


def _same(left: str, right: str) -> bool:
    return left == right


T = TypeVar("T")
U = TypeVar("U")


def match_pairs(
    truths: Sequence[T],
    found: Sequence[U],
    key_truth: Callable[[T], str],
    key_found: Callable[[U], str],
    prefer: Callable[[T, U], bool] | None = None,
) -> list[tuple[int, int]]:
    """A one-to-one matching of labelled and extracted items by their texts.

    Pairs whose texts match are taken best first (highest similarity, then those *prefer*
    favours, then text order), each item at most once.

    Returns:
        ``(truth index, found index)`` pairs.
    """
    folded_truth = [fold(key_truth(item)) for item in truths]
    folded_found = [fold(key_found(item)) for item in found]
    candidates: list[tuple[float, int, int, int]] = []
    for i, left in enumerate(folded_truth):
        for j, right in enumerate(folded_found):
            ratio = similarity(left, right)
            if ratio >= RATIO:
                favoured = 0 if prefer is not None and prefer(truths[i], found[j]) else 1
                candidates.append((-ratio, favoured, i, j))
    candidates.sort()
    used_truth: set[int] = set()
    used_found: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, i, j in candidates:
        if i not in used_truth and j not in used_found:
            used_truth.add(i)
            used_found.add(j)
            pairs.append((i, j))
    return sorted(pairs)


# -------------------------------------------------------------------------------------------- scoring


@dataclass
class Counts:
    """One field's counts: right (true positives), extracted and labelled."""

    right: int = 0
    extracted: int = 0
    labelled: int = 0

    @property
    def precision(self) -> float:
        """right / extracted (1.0 when nothing was extracted: nothing extracted was wrong)."""
        return self.right / self.extracted if self.extracted else 1.0

    @property
    def recall(self) -> float:
        """right / labelled (1.0 when nothing is labelled)."""
        return self.right / self.labelled if self.labelled else 1.0

    def add(self, other: Counts) -> None:
        """Add *other*'s counts to these."""
        self.right += other.right
        self.extracted += other.extracted
        self.labelled += other.labelled


@dataclass(frozen=True)
class Miss:
    """A false positive (an extracted value that is wrong) or a miss (a labelled value not extracted)."""

    document: str
    field: str
    kind: str  # "false positive" or "miss"
    value: str

    def __str__(self) -> str:
        return f"{self.document}: {self.field}: {self.kind}: {self.value}"


@dataclass
class Table:
    """Per-field counts, summed over documents, with the misses that explain them."""

    counts: dict[str, Counts] = field(default_factory=lambda: {name: Counts() for name in FIELDS})
    misses: list[Miss] = field(default_factory=list[Miss])
    documents: int = 0

    def add(self, other: Table) -> None:
        """Add another table's counts and misses to this one."""
        for name in FIELDS:
            self.counts[name].add(other.counts[name])
        self.misses.extend(other.misses)
        self.documents += other.documents

    def total(self) -> Counts:
        """The counts of every field together."""
        total = Counts()
        for counts in self.counts.values():
            total.add(counts)
        return total

    def format(self, *, show_misses: bool = False) -> str:
        """The table as text: field, labelled, extracted, right, precision, recall."""
        lines = [f"{'field':<24}{'labelled':>9}{'extracted':>10}{'right':>7}{'precision':>10}{'recall':>8}"]
        rows: list[tuple[str, Counts]] = [*self.counts.items(), ("total", self.total())]
        for name, counts in rows:
            lines.append(
                f"{name:<24}{counts.labelled:>9}{counts.extracted:>10}{counts.right:>7}"
                f"{counts.precision:>10.3f}{counts.recall:>8.3f}"
            )
        lines.append(f"({self.documents} documents)")
        if show_misses:
            lines.extend(str(miss) for miss in self.misses)
        return "\n".join(lines)


def _scalar(
    table: Table, name: str, document: str, *, truth: str | None, found: str | None, same: Callable[[str, str], bool]
) -> bool:
    counts = table.counts[name]
    counts.labelled += truth is not None
    counts.extracted += found is not None
    right = truth is not None and found is not None and same(truth, found)
    counts.right += right
    if not right:
        if found is not None:
            table.misses.append(Miss(document, name, "false positive", found))
        if truth is not None:
            table.misses.append(Miss(document, name, "miss", truth))
    return right


def _items(
    table: Table,
    name: str,
    document: str,
    *,
    truths: Sequence[T],
    found: Sequence[U],
    key_truth: Callable[[T], str],
    key_found: Callable[[U], str],
    prefer: Callable[[T, U], bool] | None = None,
) -> list[tuple[int, int]]:
    pairs = match_pairs(truths, found, key_truth, key_found, prefer)
    counts = table.counts[name]
    counts.labelled += len(truths)
    counts.extracted += len(found)
    counts.right += len(pairs)
    matched_truth = {i for i, _ in pairs}
    matched_found = {j for _, j in pairs}
    table.misses.extend(
        Miss(document, name, "false positive", key_found(item))
        for j, item in enumerate(found)
        if j not in matched_found
    )
    table.misses.extend(
        Miss(document, name, "miss", key_truth(item)) for i, item in enumerate(truths) if i not in matched_truth
    )
    return pairs


def score_document(truth: Truth, found: Truth, document: str = "<document>") -> Table:
    """Compare what an import read (*found*) with a document's labels (*truth*), field by field."""
    table = Table(documents=1)
    _scalar(table, "family", document, truth=truth.family, found=found.family, same=_same)
    _scalar(table, "title", document, truth=truth.title, found=found.title, same=texts_match)
    _scalar(table, "identifier", document, truth=truth.identifier, found=found.identifier, same=_same_identifier)
    _scalar(table, "date", document, truth=truth.date, found=found.date, same=_same_date)
    _scalar(table, "city", document, truth=truth.city, found=found.city, same=_same_city)

    pairs = _items(
        table,
        "people.name",
        document,
        truths=truth.people,
        found=found.people,
        key_truth=lambda p: p.name,
        key_found=lambda p: p.name,
        prefer=lambda t, f: t.role == f.role,
    )
    for i, j in pairs:
        person, read = truth.people[i], found.people[j]
        where = f"{document} [{person.name}]"
        _scalar(table, "people.role", where, truth=person.role, found=read.role, same=_same)
        _scalar(table, "people.affiliation", where, truth=person.affiliation, found=read.affiliation, same=texts_match)
        _scalar(table, "people.stakeholder", where, truth=person.stakeholder, found=read.stakeholder, same=_same)

    pairs = _items(
        table,
        "findings.text",
        document,
        truths=truth.findings,
        found=found.findings,
        key_truth=lambda f: f.text,
        key_found=lambda f: f.text,
    )
    for i, j in pairs:
        want_finding, got_finding = truth.findings[i], found.findings[j]
        where = f"{document} [{want_finding.text[:40]}]"
        _scalar(table, "findings.level", where, truth=want_finding.level, found=got_finding.level, same=_same)

    pairs = _items(
        table,
        "recommendations.text",
        document,
        truths=truth.recommendations,
        found=found.recommendations,
        key_truth=lambda r: r.text,
        key_found=lambda r: r.text,
    )
    for i, j in pairs:
        want, got = truth.recommendations[i], found.recommendations[j]
        where = f"{document} [{want.text[:40]}]"
        _scalar(table, "recommendations.number", where, truth=want.number, found=got.number, same=_same_number)
        _scalar(table, "recommendations.force", where, truth=want.force, found=got.force, same=_same)

    _items(
        table,
        "policy_questions",
        document,
        truths=truth.policy_questions,
        found=found.policy_questions,
        key_truth=lambda q: q,
        key_found=lambda q: q,
    )
    return table


@dataclass(frozen=True)
class Document:
    """One corpus document: its text file, its truth file and its family directory."""

    text: Path
    truth: Path
    family: str

    @property
    def name(self) -> str:
        """``family/name`` (without the extension)."""
        return f"{self.family}/{self.text.stem}"


def documents(corpus: Path = CORPUS) -> list[Document]:
    """Every document of the corpus, sorted by family and name.

    Raises:
        TruthError: A directory is not a family name, a document has no truth file, or a
            truth file has no document.
    """
    found: list[Document] = []
    for directory in sorted(path for path in corpus.iterdir() if path.is_dir()):
        if directory.name not in FAMILIES:
            raise TruthError(f"{directory}: not a family name (the families are {', '.join(FAMILIES)})")
        texts = sorted(directory.glob("*.txt"))
        truths = sorted(directory.glob("*.truth.json"))
        for truth in truths:
            if not truth.with_name(truth.name.removesuffix(".truth.json") + ".txt").is_file():
                raise TruthError(f"{truth}: no document {truth.name.removesuffix('.truth.json')}.txt beside it")
        for text in texts:
            truth = text.with_name(text.stem + ".truth.json")
            if not truth.is_file():
                raise TruthError(f"{text}: no truth file {truth.name} beside it")
            found.append(Document(text, truth, directory.name))
    return found


_WORD = re.compile(r"\w+")


def unsupported_labels(document: Document) -> list[str]:
    """The labelled texts of *document* with a word that does not occur in its text.

    Each word of every labelled title, name, affiliation, finding, recommendation and question
    must occur in the document (after the :func:`fold`): a label cannot be invented or
    mistyped. Words, not whole strings, because a flattened table may interleave one value
    with another. Returns one line per offending value, naming the document and the words.
    """
    truth = load_truth(document.truth)
    words = set(_WORD.findall(fold(document.text.read_text(encoding="utf-8"))))
    values = [
        truth.title,
        *(person.name for person in truth.people),
        *(person.affiliation for person in truth.people),
        *(finding.text for finding in truth.findings),
        *(recommendation.text for recommendation in truth.recommendations),
        *truth.policy_questions,
    ]
    wrong: list[str] = []
    for value in values:
        missing = set(_WORD.findall(fold(value))) - words if value else set()
        if missing:
            wrong.append(f"{document.name}: {value!r}: not in the document: {sorted(missing)}")
    return wrong


def score_corpus(corpus: Path = CORPUS, *, check_family: bool = True) -> Table:
    """Import every corpus document and score it against its truth file.

    Args:
        corpus: The corpus directory.
        check_family: Whether to check that each truth file's family is its directory's name.

    Raises:
        TruthError: A truth file is invalid, or its family is not its directory's name.
    """
    from govrecords.importers import import_file

    table = Table(documents=0)
    for document in documents(corpus):
        truth = load_truth(document.truth)
        if check_family and truth.family != document.family:
            raise _fail(document.truth, "family", f"{truth.family!r}, but the file is in {document.family}/")
        found = extract(import_file(document.text, source_id=document.text.stem))
        table.add(score_document(truth, found, document.name))
    return table


def main(argv: Iterable[str] | None = None) -> int:
    """Print the per-field table for a corpus; 0 on success, 2 on an invalid corpus."""
    parser = argparse.ArgumentParser(description="Score the importers against the labelled corpus.")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="the corpus directory (default: %(default)s)")
    parser.add_argument("--show-misses", action="store_true", help="list each false positive and miss")
    options = parser.parse_args(list(argv) if argv is not None else None)
    try:
        table = score_corpus(options.corpus)
    except (TruthError, OSError) as error:
        print(f"importer scoring: {error}", file=sys.stderr)
        return 2
    print(table.format(show_misses=options.show_misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
