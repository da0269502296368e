"""The importers' parts: speaker lines, dates, line patterns, list markers, force and consensus phrases, places."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import importers
from govrecords._fold import _fold_char  # pyright: ignore[reportPrivateUsage]  # the per-character rule fold is built on
from govrecords.importers._patterns import match_pattern
from govrecords.importers._places import country_code, find_forum, split_place
from govrecords.importers._text import fold, list_marker, slug, split_lines
from govrecords.importers._vocab import find_consensus, find_force
from govrecords.vocabulary import ConsensusLevel, Force, RegionalGroup, StakeholderKind


def _speaker(line: str) -> dict[str, object]:
    result = importers.import_text(f"Session title: x\nSpeakers:\n{line}\n", template="generic", source_id="s")
    (person,) = result.sessions[0].participants
    for prov in person.provenance:
        assert prov.span is not None
        assert result.text[prov.span.start : prov.span.end] == prov.quote
    return {
        "name": person.name,
        "honorific": person.honorific,
        "title": person.title,
        "affiliation": person.affiliation,
        "stakeholder": person.stakeholder.kind if person.stakeholder else None,
        "region": person.regional_group,
        "country": person.country,
    }


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kuo-Wei Wu", {"name": "Kuo-Wei Wu"}),
        ("Amina Diallo, Dakar Digital Rights Lab", {"name": "Amina Diallo", "affiliation": "Dakar Digital Rights Lab"}),
        (
            "Ms. Priya Raman, Policy Director, Mobile Operators Forum, India",
            {
                "name": "Priya Raman",
                "honorific": "Ms.",
                "title": "Policy Director",
                "affiliation": "Mobile Operators Forum",
                "country": "India",
            },
        ),
        (
            "Jane Roe, Civil Society, Asia-Pacific Group",
            {"name": "Jane Roe", "stakeholder": StakeholderKind.CIVIL_SOCIETY, "region": RegionalGroup.ASIA_PACIFIC},
        ),
        (
            "Jonas Weber, Technical Community, Western European and Others Group (WEOG)",
            {
                "name": "Jonas Weber",
                "stakeholder": StakeholderKind.TECHNICAL_COMMUNITY,
                "region": RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
            },
        ),
        (
            "Ahmed Yusuf, Intergovernmental Organization, Intergovernmental Organization",
            {
                "name": "Ahmed Yusuf",
                "stakeholder": StakeholderKind.INTERGOVERNMENTAL,
                "region": RegionalGroup.INTERGOVERNMENTAL,
            },
        ),
        ("João Silva (Instituto Conecta)", {"name": "João Silva", "affiliation": "Instituto Conecta"}),
        (
            "Dr. Maria Alleyne - University of the West Indies",
            {"name": "Maria Alleyne", "honorific": "Dr.", "affiliation": "University of the West Indies"},
        ),
        ("Lena Fischer, Senior Advisor", {"name": "Lena Fischer", "title": "Senior Advisor"}),
        (
            "Mr. Sione Tupou, Ministry of Information, Government of Tonga, Tonga",
            {
                "name": "Sione Tupou",
                "honorific": "Mr.",
                "affiliation": "Ministry of Information, Government of Tonga",
                "country": "Tonga",
            },
        ),
        (
            "Tomás Herrera, Business Sector, Confirmed",
            {"name": "Tomás Herrera", "stakeholder": StakeholderKind.PRIVATE_SECTOR},
        ),
        # a dash after the name, then a job and an organisation after a comma
        (
            "Wanjiru Kamau \u2013 Doctoral Candidate, Lakeside University",
            {"name": "Wanjiru Kamau", "title": "Doctoral Candidate", "affiliation": "Lakeside University"},
        ),
        (
            "Oskar Lindahl- Head of Public Affairs, Nordwave Telecom, Sweden",
            {
                "name": "Oskar Lindahl",
                "title": "Head of Public Affairs",
                "affiliation": "Nordwave Telecom",
                "country": "Sweden",
            },
        ),
        (
            "Dr. Hana Sato \u2014 Lecturer, Harbour Press",
            {"name": "Hana Sato", "honorific": "Dr.", "title": "Lecturer", "affiliation": "Harbour Press"},
        ),
        # a job, then one organisation whose name looks like a place: the organisation is kept
        (
            "Kofi Mensah, President, TechHarbour",
            {"name": "Kofi Mensah", "title": "President", "affiliation": "TechHarbour"},
        ),
        (
            "Anita Rao, Founding Member and Executive Director, Open Change",
            {"name": "Anita Rao", "title": "Founding Member and Executive Director", "affiliation": "Open Change"},
        ),
        (
            "Lena Varga, Research Associate in Diplomacy, Civic Works Institute",
            {"name": "Lena Varga", "title": "Research Associate in Diplomacy", "affiliation": "Civic Works Institute"},
        ),
        # but a title whose phrase a comma cut does not lend its tail to the affiliation
        ("Sam Roe, Minister of Communications, Science", {"name": "Sam Roe", "title": "Minister of Communications"}),
        # a hyphen inside a name is not a dash after it
        ("Jean-Pierre Mbeki, Open Data Lab", {"name": "Jean-Pierre Mbeki", "affiliation": "Open Data Lab"}),
    ],
)
def test_speaker_lines_are_split_with_care(line: str, expected: dict[str, object]) -> None:
    """Each speaker line splits into the parts it holds, every part traced to its span."""
    got = _speaker(line)
    assert {key: value for key, value in got.items() if value is not None} == expected


def test_ambiguous_stakeholder_wording_is_flagged() -> None:
    """'technical and academic community' is read as the technical community, with a warning."""
    text = "Title: x\nSpeakers:\nAna Lima, technical and academic community\n"
    result = importers.import_text(text, template="generic")
    person = result.sessions[0].participants[0]
    assert person.stakeholder is not None
    assert (person.stakeholder.kind, person.stakeholder.wording) == (
        StakeholderKind.TECHNICAL_COMMUNITY,
        "technical and academic community",
    )
    assert [w.code for w in result.warnings] == ["ambiguous-stakeholder"]


DATES = [
    ("6-9 November 2012, Baku, Azerbaijan", "2012-11-06/2012-11-09"),
    ("18 \u2013 19 JUNE 2015", "2015-06-18/2015-06-19"),
    ("27th -29th July 2011", "2011-07-27/2011-07-29"),
    ("from 14th to 16th October 2009", "2009-10-14/2009-10-16"),
    ("[Draft, 13:30 UTC+3, 5 September 2014]", "2014-09-05T13:30+03:00"),
    ("Revision as of 13:22, 14 September 2023", "2023-09-14T13:22"),
    ("EDITORS\u2019 NOTE (8 December 2015)", "2015-12-08"),
    ("Thursday, 12 November 2015, 14:00 16:00", "2015-11-12T14:00/2015-11-12T16:00"),
    ("April, 24\nth\n2014\n19:31 BRT", "2014-04-24T19:31-03:00"),
    ("17 SEPTEMBER 10\n1130", "2010-09-17T11:30"),
    ("September 28, 2011 - 09:00AM", "2011-09-28T09:00"),
    ("10 Oct 2023 06:15h - 07:45h UTC", "2023-10-10T06:15Z/2023-10-10T07:45Z"),
    ("20 June 2023 | 17:00 - 17:45 EEST", "2023-06-20T17:00+03:00/2023-06-20T17:45+03:00"),
    ("30 April 2010 | 16:30-18:00", "2010-04-30T16:30/2010-04-30T18:00"),
    ("12.09.2022 \u2013 31.10.2022", "2022-09-12/2022-10-31"),
    ("Date post: 03-Feb-2022", "2022-02-03"),
]


@pytest.mark.parametrize(("form", "expected"), DATES)
def test_every_date_form_becomes_a_partial_date(form: str, expected: str) -> None:
    """The date forms of igf-formats.md section 5 read, under a Date label, as partial dates or ranges."""
    result = importers.import_text(f"Title: T\nDate:\n{form}\n", template="generic", source_id="d")
    session = result.sessions[0]
    assert str(session.date) == expected
    (prov,) = session.provenance_of("date")
    assert prov.quote == form


def test_date_and_time_labels_combine_and_a_year_can_come_from_the_forum() -> None:
    """'Date:' and 'Time:' make one value; a date without a year takes the forum's year from the title."""
    result = importers.import_text("Title: T\nDate: 7 November 2012\nTime: 15.00 - 18.00\n", template="generic")
    assert str(result.sessions[0].date) == "2012-11-07T15:00/2012-11-07T18:00"
    assert [p.quote for p in result.sessions[0].provenance_of("date")] == ["7 November 2012", "15.00 - 18.00"]
    page = "IGF 2017 WS #186 Trust online\nSession Time: Monday, December 18 / 09:00 CET\n"
    workshop = importers.import_text(page, template="igf-workshop-page").workshops[0]
    assert str(workshop.date) == "2017-12-18T09:00+01:00"
    assert workshop.forum == "igf-2017"


def test_an_unreadable_date_is_a_warning() -> None:
    """A date that cannot be read leaves the field empty and says so."""
    result = importers.import_text("Title: T\nDate: the week after the summit\n", template="generic")
    assert result.sessions[0].date is None
    assert [w.code for w in result.warnings] == ["unparsed-date"]


@pytest.mark.parametrize(
    ("pattern", "line", "expected"),
    [
        (
            "{date:date} - A {kind} on {theme} in {place}",
            "24 October 2013 - A Workshop on Enhanced Cooperation in Bali, Indonesia",
            {
                "date": "24 October 2013",
                "kind": "Workshop",
                "theme": "Enhanced Cooperation",
                "place": "Bali, Indonesia",
            },
        ),
        (
            "IGF {forum.year:year} {identifier:code} {title}",
            "IGF 2018 WS #436 Cybersecurity norms",
            {"forum.year": "2018", "identifier": "WS #436", "title": "Cybersecurity norms"},
        ),
        (
            "IGF {forum.year:year} {identifier:code} {title}",
            "igf 2017 ws186 Trust",
            {"forum.year": "2017", "identifier": "ws186", "title": "Trust"},
        ),
        (
            "{format} - {venue} - {duration:int} Min",
            "Birds of a Feather - Auditorium - 60 Min",
            {"format": "Birds of a Feather", "venue": "Auditorium", "duration": "60"},
        ),
        ("{format} - {venue} - {duration:int} Min", "Round Table - 90 Min", None),
        ("{date:date} - A {kind} on {theme}", "Not a date - A Workshop on X", None),
        (
            "{title} in {place}",
            "Human rights in the digital age in Paris, France",
            {"title": "Human rights in the digital age", "place": "Paris, France"},
        ),
    ],
)
def test_line_patterns(pattern: str, line: str, expected: dict[str, str] | None) -> None:
    """Placeholders capture their passage (case-insensitively, typed ones checked), or the pattern fails."""
    found = match_pattern(pattern, line, 0, len(line))
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert {c.name: line[c.start : c.end] for c in found.captures} == expected


def test_square_brackets_choose_the_evidence() -> None:
    """A bracketed stretch of the pattern is the passage quoted for the placeholders inside it."""
    line = "A summary will be reported to the IGF Baku."
    found = match_pattern("{_}[will be reported to the {forum.reports_to}].", line, 0, len(line))
    assert found is not None
    capture = found.captures[1]
    assert line[capture.start : capture.end] == "IGF Baku"
    assert line[capture.evidence_start : capture.evidence_end] == "will be reported to the IGF Baku"


@pytest.mark.parametrize(
    ("line", "marker"),
    [
        ("1) to continue", "1)"),
        ("12. Regulators", "12."),
        ("a. Governments", "a."),
        ("(iv) Fourth", "(iv)"),
        ("B) Second", "B)"),
        ("* x", "*"),
        ("*How to", "*"),
        ("\u2022 bullet", "\u2022"),
        ("- dash", "-"),
        ("1.Proponent", "1."),
        ("1.5 billion users", None),
        ("e.g. this", None),
        ("**bold**", None),
        ("-based", None),
        ("2013. A year", None),
        ("Title: x", None),
    ],
)
def test_list_markers(line: str, marker: str | None) -> None:
    """Numbers, letters, roman numerals and bullets open list items; decimals, abbreviations and emphasis do not."""
    (first, *_) = split_lines(line)
    found = list_marker(line, first)
    assert (line[found.start : found.end] if found else None) == marker


@pytest.mark.parametrize(
    ("text", "force", "phrase"),
    [
        ("We strongly suggest :", Force.URGE, "strongly suggest"),
        ("Agree that:", Force.AGREE, "agree that"),
        ("The forum agrees and makes the following recommendations:", Force.RECOMMEND, "recommend"),
        ("Recommend the following:", Force.RECOMMEND, "recommend"),
        ("1) Elect to:", Force.AGREE, "elect to"),
        ("Governments should publish budgets", Force.RECOMMEND, "should"),
        ("We call upon all States", Force.URGE, "call upon"),
    ],
)
def test_force_phrases(text: str, force: Force, phrase: str) -> None:
    """The force a passage states, and where the phrase stands."""
    found = find_force(text, 0, len(text))
    assert found is not None
    assert found[:2] == (force, phrase)
    start, end = found[2]
    assert text[start:end].casefold() == phrase


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("There was an emerging consensus on this.", ConsensusLevel.EMERGING_CONSENSUS),
        ("Rough consensus was reached.", ConsensusLevel.ROUGH_CONSENSUS),
        ("Broad support for open standards.", ConsensusLevel.BROAD_SUPPORT),
        ("Topic factors: Importance: High / Agreement: Medium", ConsensusLevel.EMERGING_CONSENSUS),
        ("There was no consensus on ratification.", ConsensusLevel.CONTESTED),
        ("Consensus-building takes time.", None),
        ("A controversial topic.", None),
    ],
)
def test_consensus_phrases_in_free_text(text: str, level: ConsensusLevel | None) -> None:
    """Free text states a consensus only with a phrase of two words or more."""
    found = find_consensus(text, 0, len(text))
    assert (found[0] if found else None) == level


def test_places_countries_and_known_forums() -> None:
    """Places split into venue, city and country code; IGF meetings are found by name, year or city."""
    assert split_place("João Pessoa, Brazil") == (None, "João Pessoa", "BR")
    assert split_place("Auditorium") == ("Auditorium", None, None)  # a room, never a city
    assert country_code("Côte d\u2019Ivoire") == "CI"
    assert country_code("Kuweit") is None  # a typo stays a typo
    assert find_forum(name="IGF 2015 João Pessoa") == find_forum(year=2015)
    assert find_forum(name="the Internet Governance Forum") is None
    assert find_forum(name="EuroDIG Baku") is None
    assert find_forum(year=2020) is None  # held online
    assert find_forum(year=2013, city="Paris") is None


def test_slugs() -> None:
    """Ids from titles: accents folded, a leading article dropped, cut at the first colon or question mark."""
    assert slug("The Future of Internet : Where we go?") == "future-of-internet"
    assert slug("Communiqu\u00e9 of the WAIGF") == "communique-of-the-waigf"
    assert slug("\u4e2d\u6587") == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_fold_offsets_point_back_to_their_characters(text: str) -> None:
    """Every folded character came from the character its offset names."""
    folded, offsets = fold(text, 0, len(text))
    assert len(offsets) == len(folded) + 1
    assert offsets[-1] == len(text)
    for char, offset in zip(folded, offsets, strict=False):
        assert char in _fold_char(text[offset]) or (char == " " and text[offset].isspace())
    assert offsets[:-1] == sorted(offsets[:-1])
