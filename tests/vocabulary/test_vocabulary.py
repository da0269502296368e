"""The forums' vocabularies: normalising source wording, and the ordered consensus scale."""

from __future__ import annotations

import pytest

from govrecords.vocabulary import (
    AMBIGUOUS_STAKEHOLDER_WORDING,
    ConsensusLevel,
    Force,
    RegionalGroup,
    StakeholderKind,
    normalise_wording,
    read_consensus,
    read_force,
    read_regional_group,
    read_stakeholder,
)


@pytest.mark.parametrize(
    ("wording", "kind"),
    [
        ("Government", StakeholderKind.GOVERNMENT),
        ("business sector", StakeholderKind.PRIVATE_SECTOR),
        ("Private Sector", StakeholderKind.PRIVATE_SECTOR),
        ("NGO", StakeholderKind.CIVIL_SOCIETY),
        ("social society", StakeholderKind.CIVIL_SOCIETY),
        ("Technical Community", StakeholderKind.TECHNICAL_COMMUNITY),
        ("technical and academic community", StakeholderKind.TECHNICAL_COMMUNITY),
        ("Academia", StakeholderKind.ACADEMIA),
        ("Intergovernmental Organization", StakeholderKind.INTERGOVERNMENTAL),
        ("Parliamentarians", StakeholderKind.PARLIAMENT),
        ("Youth", StakeholderKind.YOUTH),
        ("Civil Society, Asia-Pacific Group", StakeholderKind.CIVIL_SOCIETY),
        ("astronauts", StakeholderKind.UNKNOWN),
        # hyphenated spellings of the same words
        ("Inter-governmental Organization", StakeholderKind.INTERGOVERNMENTAL),
        ("Civil-Society", StakeholderKind.CIVIL_SOCIETY),
        ("Private-Sector, WEOG", StakeholderKind.PRIVATE_SECTOR),
        ("Multi-stakeholder", StakeholderKind.UNKNOWN),
    ],
)
def test_stakeholder_spellings(wording: str, kind: StakeholderKind) -> None:
    """The many spellings of stakeholder groups in real documents map to the IGF's groups."""
    assert read_stakeholder(wording) is kind


def test_ambiguous_wording_is_flagged() -> None:
    """'technical and academic community' joins two groups and is listed as ambiguous."""
    assert normalise_wording("Technical and Academic Community") in AMBIGUOUS_STAKEHOLDER_WORDING


@pytest.mark.parametrize(
    ("wording", "group"),
    [
        ("Western European and Others Group (WEOG)", RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS),
        ("GRULAC", RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN),
        ("African Group", RegionalGroup.AFRICAN),
        ("Asia-Pacific Group", RegionalGroup.ASIA_PACIFIC),
        ("Eastern European Group", RegionalGroup.EASTERN_EUROPEAN),
        ("Mars", None),
    ],
)
def test_regional_groups(wording: str, group: RegionalGroup | None) -> None:
    """UN regional groups are read from their usual spellings."""
    assert read_regional_group(wording) is group


def test_consensus_scale_is_ordered() -> None:
    """The consensus levels are ordered from contested to common view; not_discussed is off the scale."""
    scale = [level for level in ConsensusLevel if level.rank is not None]
    assert scale == sorted(scale)
    assert ConsensusLevel.CONTESTED < ConsensusLevel.OPINIONS_VARIED < ConsensusLevel.COMMON_VIEW
    assert ConsensusLevel.COMMON_VIEW >= ConsensusLevel.ROUGH_CONSENSUS
    assert ConsensusLevel.EMERGING_CONSENSUS <= ConsensusLevel.EMERGING_CONSENSUS
    assert ConsensusLevel.COMMON_VIEW > ConsensusLevel.BROAD_SUPPORT
    assert ConsensusLevel.NOT_DISCUSSED.rank is None
    with pytest.raises(TypeError, match="not on the consensus scale"):
        _ = ConsensusLevel.NOT_DISCUSSED < ConsensusLevel.COMMON_VIEW
    with pytest.raises(TypeError, match="cannot compare"):
        _ = ConsensusLevel.COMMON_VIEW < 3


@pytest.mark.parametrize(
    ("wording", "level"),
    [
        ("Issues which reached a common view :", ConsensusLevel.COMMON_VIEW),
        ("Issues where opinions varied:", ConsensusLevel.OPINIONS_VARIED),
        ("there was an emerging consensus that", ConsensusLevel.EMERGING_CONSENSUS),
        ("the rough consensus views of the lead experts", ConsensusLevel.ROUGH_CONSENSUS),
        ("broad support for", ConsensusLevel.BROAD_SUPPORT),
        ("Agreement: Medium", ConsensusLevel.EMERGING_CONSENSUS),
        ("there was no common view", ConsensusLevel.OPINIONS_VARIED),
        ("Summary of Presentations", None),
    ],
)
def test_consensus_phrases(wording: str, level: ConsensusLevel | None) -> None:
    """Headings and phrases that state a consensus level are read to it."""
    assert read_consensus(wording) is level


@pytest.mark.parametrize(
    ("wording", "force", "phrase"),
    [
        ("We strongly suggest :", Force.URGE, "strongly suggest"),
        ("Recommend the following:", Force.RECOMMEND, "recommend"),
        ("Agree that:", Force.AGREE, "agree that"),
        ("We encourage", Force.ENCOURAGE, "encourage"),
        ("1) Elect to:", Force.AGREE, "elect to"),
    ],
)
def test_force_phrases(wording: str, force: Force, phrase: str) -> None:
    """A recommendation's force is read from its wording, with the phrase that says so."""
    assert read_force(wording) == (force, phrase)


def test_force_absent_and_ranked() -> None:
    """Wording without a force reads as None; forces are ranked weakest first."""
    assert read_force("The panel met") is None
    assert Force.NOTE.rank < Force.RECOMMEND.rank < Force.REQUIRE.rank
