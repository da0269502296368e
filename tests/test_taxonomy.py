"""Topics and taxonomies: the default taxonomy, label lookup by year, tagging text, extending."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govrecords import Taxonomy, Topic, TopicLabel, default_taxonomy, dumps, loads

# The IGF themes of 2006-2022 (igf-formats.md, section 4), each with its stable topic.
IGF_THEMES = [
    ("Spam", 2006, "spam"),
    ("Cybersecurity", 2006, "security"),
    ("Privacy and Data Protection", 2006, "privacy"),
    ("Security", 2007, "security"),
    ("Reaching the Next Billion", 2008, "access-and-inclusion"),
    ("Promoting Cyber-Security and Trust", 2008, "security"),
    ("Security, openness and privacy", 2009, "security"),
    ("Access and diversity", 2011, "access-and-inclusion"),
    ("Enhanced Cooperation", 2013, "enhanced-cooperation"),
    ("Principles of Multi-stakeholder Cooperation", 2013, "multistakeholder-model"),
    ("Cybersecurity and Trust", 2015, "security"),
    ("Internet Economy", 2015, "internet-economy"),
    ("Security, Safety, Stability & Resilience", 2019, "security"),
    ("Data", 2020, "data-governance"),
    ("Trust", 2020, "security"),
    ("Environmental sustainability and climate change", 2021, "environment"),
    ("Avoiding internet fragmentation", 2022, "internet-fragmentation"),
    ("Addressing advanced technologies, including AI", 2022, "artificial-intelligence"),
]


@pytest.mark.parametrize(("label", "year", "topic"), IGF_THEMES)
def test_igf_theme_labels_map_to_stable_topics(label: str, year: int, topic: str) -> None:
    """Each year's IGF theme label maps to one stable topic."""
    found = default_taxonomy().find(label, year=year)
    assert found is not None
    assert found.id == topic


def test_find_prefers_the_year_and_series() -> None:
    """A label used by several series resolves by the series asked for; unknown labels give None."""
    taxonomy = default_taxonomy()
    assert taxonomy.find("Inclusion", series="APrIGF") is not None
    assert taxonomy.find("no such theme") is None


def test_tag_finds_topics_in_order() -> None:
    """Tagging finds topics by label and alias, whole words, hyphens ignored, in order of first mention."""
    taxonomy = default_taxonomy()
    text = "Multi-stakeholder mechanism or traditional treaty organizations; privacy and security."
    assert taxonomy.tag(text) == ("multistakeholder-model", "role-of-governments", "privacy", "security")
    assert taxonomy.tag("privateness") == ()


def test_seed_topics_are_covered() -> None:
    """The topics of both seed documents are in the default taxonomy."""
    taxonomy = default_taxonomy()
    for topic in (
        "sovereignty",
        "intellectual-property",
        "privacy",
        "security",
        "market-concentration",
        "multistakeholder-model",
        "role-of-governments",
        "enhanced-cooperation",
        "development",
        "access-and-inclusion",
        "consumer-protection",
        "multilingualism",
    ):
        assert topic in taxonomy
        assert taxonomy[topic].id == topic


def test_broader_chain_and_get() -> None:
    """broader_chain walks outward from a topic to its broader themes."""
    taxonomy = default_taxonomy()
    assert taxonomy.broader_chain("sovereignty") == ("sovereignty", "role-of-governments", "multistakeholder-model")
    assert taxonomy.get("nothing") is None


def test_extend_replaces_and_adds() -> None:
    """extend adds new topics and replaces those with the same id, leaving the original untouched."""
    base = default_taxonomy()
    extra = Topic(
        "cable-landing",
        "Cable landing stations",
        aliases=("cable landing stations",),
        broader="infrastructure",
        labels=(TopicLabel("Cables Ashore", 2015, "IGF"),),
    )
    renamed = Topic("privacy", "Privacy", aliases=("privacy",))
    extended = base.extend([extra, renamed], name="mine")
    assert extended.name == "mine"
    assert extended["privacy"].label == "Privacy"
    assert extended.tag("new cable landing stations") == ("cable-landing",)
    assert "cable-landing" not in base


def test_invalid_taxonomies_are_refused() -> None:
    """Duplicate ids and dangling broader ids are refused; ids must be slugs."""
    with pytest.raises(ValueError, match="duplicate topic id"):
        Taxonomy("t", (Topic("a", "A"), Topic("a", "A again")))
    with pytest.raises(ValueError, match="broader topic 'b'"):
        Taxonomy("t", (Topic("a", "A", broader="b"),))
    with pytest.raises(ValueError, match="lower-case slug"):
        Topic("Not A Slug", "x")


def test_taxonomy_round_trips() -> None:
    """The default taxonomy survives dumps/loads, indexes rebuilt."""
    taxonomy = default_taxonomy()
    again = loads(dumps(taxonomy), Taxonomy)
    assert again == taxonomy
    assert again.tag("spam") == ("spam",)


@given(st.text(max_size=300))
def test_tag_returns_known_ids(text: str) -> None:
    """Tagging any text returns only ids of topics in the taxonomy, each once."""
    taxonomy = default_taxonomy()
    found = taxonomy.tag(text)
    assert len(set(found)) == len(found)
    assert all(topic in taxonomy for topic in found)
