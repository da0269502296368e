"""Who speaks: the IGF's stakeholder groups and the UN regional groups, with the wordings that name them.

:class:`StakeholderKind` and :class:`RegionalGroup`, the tables of how speaker
lists and reports write them, and :func:`read_stakeholder` and
:func:`read_regional_group` that read a source's wording. Their public home is
``govrecords.vocabulary``.
"""

from __future__ import annotations

import enum

from govrecords.vocabulary._wording import normalise_wording

__all__ = [
    "AMBIGUOUS_STAKEHOLDER_WORDING",
    "RegionalGroup",
    "StakeholderKind",
    "read_regional_group",
    "read_stakeholder",
]


class StakeholderKind(enum.Enum):
    """The IGF's stakeholder groups."""

    GOVERNMENT = "government"
    PRIVATE_SECTOR = "private_sector"
    CIVIL_SOCIETY = "civil_society"
    TECHNICAL_COMMUNITY = "technical_community"
    ACADEMIA = "academia"
    INTERGOVERNMENTAL = "intergovernmental"
    PARLIAMENT = "parliament"
    YOUTH = "youth"
    UNKNOWN = "unknown"


_STAKEHOLDER_WORDING: dict[str, StakeholderKind] = {}
for _kind, _words in {
    StakeholderKind.GOVERNMENT: (
        "government",
        "governments",
        "governmental",
        "public sector",
        "state",
        "states",
        "european governments",
        "member states",
    ),
    StakeholderKind.PRIVATE_SECTOR: (
        "private sector",
        "private sectors",
        "business",
        "business sector",
        "business community",
        "industry",
        "the private sector",
        "business and industry",
        "commercial",
    ),
    StakeholderKind.CIVIL_SOCIETY: (
        "civil society",
        "civil societies",
        "ngo",
        "ngos",
        "non-governmental organization",
        "non-governmental organisation",
        "nongovernmental organizations",
        "social society",
        "civil society organisation",
        "civil society organization",
    ),
    StakeholderKind.TECHNICAL_COMMUNITY: (
        "technical community",
        "technical",
        "technical and academic community",
        "the technical community",
        "internet technical community",
    ),
    StakeholderKind.ACADEMIA: ("academia", "academic", "academic community", "university", "research"),
    StakeholderKind.INTERGOVERNMENTAL: (
        "intergovernmental organization",
        "intergovernmental organisation",
        "intergovernmental",
        "international organization",
        "international organisation",
        "igo",
        "igos",
        "treaty organizations",
        "treaty organisations",
    ),
    StakeholderKind.PARLIAMENT: ("parliament", "parliaments", "parliamentarian", "parliamentarians", "legislature"),
    StakeholderKind.YOUTH: ("youth", "young people", "youth igf"),
}.items():
    for _word in _words:
        _STAKEHOLDER_WORDING[_word] = _kind

AMBIGUOUS_STAKEHOLDER_WORDING: frozenset[str] = frozenset(
    {"technical and academic community", "technical and academic communities"}
)
"""Wordings that join two groups; read as the first, and flagged as ambiguous."""


def read_stakeholder(wording: str) -> StakeholderKind:
    """The stakeholder group a source's wording names (``UNKNOWN`` when it names none).

    >>> read_stakeholder("Business Sector")
    <StakeholderKind.PRIVATE_SECTOR: 'private_sector'>
    >>> read_stakeholder("NGO")
    <StakeholderKind.CIVIL_SOCIETY: 'civil_society'>
    >>> read_stakeholder("Inter-governmental Organization")
    <StakeholderKind.INTERGOVERNMENTAL: 'intergovernmental'>
    """
    key = normalise_wording(wording).strip(" .,;:()")
    if key in _STAKEHOLDER_WORDING:
        return _STAKEHOLDER_WORDING[key]
    # "Civil Society, Asia-Pacific Group" or "Technical Community, WEOG": the first part.
    head = key.split(",")[0].strip()
    if head in _STAKEHOLDER_WORDING or "-" not in head:
        return _STAKEHOLDER_WORDING.get(head, StakeholderKind.UNKNOWN)
    # "Inter-governmental Organization", "Civil-Society": the same words, hyphenated
    for variant in (head.replace("-", ""), head.replace("-", " ")):
        if variant in _STAKEHOLDER_WORDING:
            return _STAKEHOLDER_WORDING[variant]
    return StakeholderKind.UNKNOWN


class RegionalGroup(enum.Enum):
    """The UN regional groups, as speaker lists give them."""

    AFRICAN = "african"
    ASIA_PACIFIC = "asia_pacific"
    EASTERN_EUROPEAN = "eastern_european"
    LATIN_AMERICAN_AND_CARIBBEAN = "latin_american_and_caribbean"
    WESTERN_EUROPEAN_AND_OTHERS = "western_european_and_others"
    INTERGOVERNMENTAL = "intergovernmental"


_REGIONAL_WORDING = {
    "african group": RegionalGroup.AFRICAN,
    "africa": RegionalGroup.AFRICAN,
    "asia-pacific group": RegionalGroup.ASIA_PACIFIC,
    "asia pacific group": RegionalGroup.ASIA_PACIFIC,
    "asia-pacific": RegionalGroup.ASIA_PACIFIC,
    "eastern european group": RegionalGroup.EASTERN_EUROPEAN,
    "latin american and caribbean group (grulac)": RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN,
    "latin american and caribbean group": RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN,
    "grulac": RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN,
    "western european and others group (weog)": RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
    "western european and others group": RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
    "weog": RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
    "intergovernmental organization": RegionalGroup.INTERGOVERNMENTAL,
    "intergovernmental organisation": RegionalGroup.INTERGOVERNMENTAL,
}


def read_regional_group(wording: str) -> RegionalGroup | None:
    """The UN regional group a wording names, or None.

    >>> read_regional_group("Western European and Others Group (WEOG)")
    <RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS: 'western_european_and_others'>
    """
    return _REGIONAL_WORDING.get(normalise_wording(wording).strip(" .,;:"))
