"""Record classes: they are frozen, validate their fields on construction, and name the field at fault."""

from __future__ import annotations

import attrs
import pytest

from govrecords import (
    Actor,
    ActorKind,
    ConsensusLevel,
    Finding,
    Forum,
    PartialDate,
    Participant,
    Place,
    Position,
    Provenance,
    Recommendation,
    Section,
    Session,
    StakeholderGroup,
    StakeholderKind,
    Stance,
    Statement,
    Workshop,
    examples,
)

RECORD_CLASSES = [
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
]


@pytest.mark.parametrize("cls", RECORD_CLASSES)
def test_records_are_frozen_and_slotted(cls: type) -> None:
    """Every record class is a frozen, slotted attrs class."""
    assert attrs.has(cls)
    assert "__slots__" in cls.__dict__
    instance = _minimal(cls)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, attrs.fields(cls)[0].name, None)


def _minimal(cls: type) -> object:
    return {
        Actor: lambda: Actor(ActorKind.PANEL),
        Finding: lambda: Finding("x", ConsensusLevel.COMMON_VIEW),
        Forum: lambda: Forum("f"),
        Participant: lambda: Participant("Kuo-Wei Wu"),
        Place: lambda: Place(city="Bali"),
        Position: lambda: Position(Actor(ActorKind.AUDIENCE), Stance.UNDECIDED, "asked"),
        Recommendation: lambda: Recommendation("do it"),
        Section: lambda: Section("Heading", "body"),
        Session: lambda: Session("s", "Title"),
        StakeholderGroup: lambda: StakeholderGroup(StakeholderKind.YOUTH),
        Statement: lambda: Statement("why?"),
        Workshop: lambda: Workshop("w", "Title"),
    }[cls]()


@pytest.mark.parametrize(
    ("build", "fragment"),
    [
        (lambda: Session("", "Title"), "id must be a non-empty string"),
        (lambda: Session("s", 3), "title must be a non-empty string"),  # type: ignore[arg-type]  # the point of the test
        (lambda: Session("s", "T", findings=[]), "'findings' must be <class 'tuple'>"),  # type: ignore[arg-type]  # as above
        (lambda: Session("s", "T", date="2013"), "'date' must be"),  # type: ignore[arg-type]  # as above
        (lambda: Session("s", "T", topics=("",)), "topics must be a non-empty string"),
        (lambda: Finding("x", "common_view"), "'consensus' must be"),  # type: ignore[arg-type]  # as above
        (lambda: Place(country="Indonesia"), "country must be an ISO 3166-1 alpha-2 code"),
        (lambda: Participant("  "), "name must be a non-empty string"),
        (lambda: Forum("f", sessions=(Workshop("w", "T"),)), "'sessions' must be"),  # type: ignore[arg-type]  # as above
    ],
)
def test_constructors_name_the_field(build: object, fragment: str) -> None:
    """Impossible values are refused when the record is built, with the field's name in the message."""
    with pytest.raises((TypeError, ValueError), match=fragment):
        build()  # type: ignore[operator]  # a zero-argument lambda


def test_stakeholder_group_keeps_the_wording() -> None:
    """Normalising a stakeholder wording keeps the source's own words beside the kind."""
    group = StakeholderGroup.from_wording("business sector")
    assert group.kind is StakeholderKind.PRIVATE_SECTOR
    assert group.wording == "business sector"


def test_provenance_lookup_by_field() -> None:
    """provenance_of picks the entries for one field; None selects the record-level entry."""
    whole = Provenance("doc")
    title = Provenance("doc", field="title")
    session = Session("s", "T", provenance=(whole, title))
    assert session.provenance_of("title") == (title,)
    assert session.provenance_of() == (whole,)
    assert session.provenance_of("date") == ()


def test_all_topics_gathers_parts() -> None:
    """A session's and a workshop's topics include those of their parts."""
    session = Session(
        "s",
        "T",
        topics=("a",),
        findings=(Finding("x", ConsensusLevel.CONTESTED, topics=("b",)),),
        recommendations=(Recommendation("r", topics=("c",)),),
    )
    assert session.all_topics() == {"a", "b", "c"}
    workshop = Workshop(
        "w", "T", issues=(Statement("i", topics=("d",)),), policy_questions=(Statement("q", topics=("e",)),)
    )
    assert workshop.all_topics() == {"d", "e"}


def test_forum_walks_all_provenance() -> None:
    """Forum.all_provenance reaches provenance nested anywhere inside it."""
    forum = examples.load("future-of-internet")
    found = forum.all_provenance()
    assert len(found) > 20
    assert all(isinstance(p, Provenance) for p in found)


def test_workshop_defaults_to_workshop_kind() -> None:
    """A workshop proposal is of kind workshop unless it says otherwise; its date is a partial date."""
    workshop = Workshop("w", "T", date=PartialDate(2013, 10, 24))
    assert workshop.kind.value == "workshop"
