"""The failure kinds a held-out scoring run showed, each on a short invented text.

Titles joined from a masthead and a document-type line, detection that does not
punish a template for its alternative cues, the signing date of a communiqué,
cities a document names as its own, a year from the session id, page furniture
inside a wrapped item, people in session-page blocks and prose, and the generic
fallback's operative items.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govrecords import importers
from govrecords.importers._cities import find_city
from govrecords.importers._dates import find_date
from govrecords.importers._identifiers import find_session_year
from govrecords.importers._places import names_another_forum
from govrecords.importers._registry import SATURATION, score
from govrecords.importers._template import Template
from govrecords.importers._text import fold_text
from govrecords.importers._titles import choose_title, is_document_type
from govrecords.vocabulary import ConsensusLevel, Force, Role, SessionKind, StakeholderKind


def _one(text: str) -> importers.ImportResult:
    return importers.import_text(text, source_id="kinds")


def test_a_document_type_line_joins_the_masthead_above_it() -> None:
    text = "3rd Ferrow Bay Internet Governance Forum\nCOMMUNIQUE\n\nWe, the participants, met.\n"
    start, end, _ = choose_title(text) or (0, 0, 0)
    assert " ".join(text[start:end].split()) == "3rd Ferrow Bay Internet Governance Forum COMMUNIQUE"


def test_a_document_type_line_alone_stays_alone_and_a_section_label_is_never_a_title() -> None:
    text = "Policy questions\nCommuniqué\n\nBody.\n"
    start, end, _ = choose_title(text) or (0, 0, 0)
    assert text[start:end] == "Communiqué"
    assert is_document_type("Final Communiqué")
    assert not is_document_type("Communiqué on open data")


def test_the_signing_date_yields_to_the_meeting_range() -> None:
    text = "We met in Kessa from 2nd to 4th May 2016.\n\nDone at Kessa, 4th May 2016\n"
    found = find_date(text)
    assert found is not None
    assert str(found[2]) == "2016-05-02/2016-05-04"


def test_the_signing_date_is_used_when_it_is_the_only_date() -> None:
    found = find_date("Resolutions.\n\nDone at Kessa, 4th May 2016\n")
    assert found is not None
    assert str(found[2]) == "2016-05-04"


def test_spanish_dates_are_read() -> None:
    found = find_date("Reunión regional, del 9 al 11 de septiembre de 2013\n")
    assert found is not None
    assert str(found[2]) == "2013-09-09/2013-09-11"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("including an open-source day held on 29 May 2031", "2031-05-27/2031-05-31"),  # an event inside the meeting
        ("with a ministerial lunch on 28 May 2031", "2031-05-27/2031-05-31"),
        ("This workshop was held on 29 May 2031", "2031-05-29"),  # the session's own day
        ("The panel met on 28 May 2031", "2031-05-28"),
    ],
)
def test_a_day_inside_the_meeting_is_the_date_only_when_it_is_the_session_s(sentence: str, expected: str) -> None:
    text = f"The Lakeside forum was held from 27 to 31 May 2031 in Port Lumen. {sentence}.\n"
    found = find_date(text)
    assert found is not None
    assert str(found[2]) == expected


def test_a_month_mentioned_in_passing_is_not_the_meeting_s_date() -> None:
    text = (
        "Notes from the regional consultation\n\nThe idea of a shared exchange point, first raised in "
        "October 2013 by a group of registries, came back again and again in the discussion of the day.\n"
    )
    assert find_date(text) is None
    found = find_date("Notes from the regional consultation\nNovember 2031\n\nThe consultation met twice.\n")
    assert found is not None
    assert str(found[2]) == "2031-11"


def test_cities_a_document_names_as_its_own() -> None:
    for text, city in (
        ("Messages from Ostrava Vale\n\nBody.\n", "Ostrava Vale"),
        ("Resolutions.\n\nDone at Port Elbe, 4 May 2016\n", "Port Elbe"),
    ):
        found = find_city(text)
        assert found is not None
        assert text[found[0] : found[1]] == city


@pytest.mark.parametrize("document", ["Forum Communiqu\u00e9", "Final Report", "Annual Meeting", "Youth IGF Summit"])
def test_a_dateline_s_document_name_is_not_its_city(document: str) -> None:
    """ "<document>, 14-16 October 2009 <City>, <Country>": the city follows the date."""
    text = f"West Lumen IGF\n{document}, 14-16 October 2009 Port Lumen, Ghana\n\nBody.\n"
    found = find_city(text)
    assert found is not None
    assert text[found[0] : found[1]] == "Port Lumen, Ghana"
    alone = f"{document}, 14-16 October 2009\n\nBody.\n"
    assert find_city(alone) is None


def test_a_held_session_is_dated_by_the_year_of_its_id_but_a_proposal_page_is_not() -> None:
    text = "IGF 2022 WS #341 Repair Rights\n\nKey Takeaways\n1. Participants agreed that parts matter.\n"
    assert find_session_year(text) is not None
    result = _one(text)
    assert result.template == "igf-workshop-report"
    assert str(result.forum.sessions[0].date) == "2022"
    assert any("year of the session id" in issue.message for issue in result.warnings)


def test_a_running_header_inside_a_wrapped_item_is_left_out_of_its_text() -> None:
    text = (
        "Recommendations\n1. Regulators should publish transit prices, so that\n"
        "FERROW INTERNET GOVERNANCE FORUM          Page 2 of 5\noperators can compare them.\n"
    )
    recommendations = _one(text).forum.sessions[0].recommendations
    assert [r.text for r in recommendations] == [
        "Regulators should publish transit prices, so that operators can compare them."
    ]
    span = recommendations[0].provenance[0].span
    assert span is not None
    assert "Page 2 of 5" in text[span.start : span.end]


def test_session_page_blocks_give_roles_affiliations_and_groups() -> None:
    text = (
        "IGF 2024 Open Forum #12 Lake Data\n\nModerator and Organizer: Ada Verin (main), Tomo Kalsi (sub)\n\n"
        "Speakers\nIrma Solberg\nNorth Lake Commission\nStakeholder: Intergovernmental Organization\n\n"
        "Key Takeaways\n1. Participants agreed that readings must be shared.\n"
    )
    people = {(p.name, p.role): p for p in _one(text).forum.sessions[0].participants}
    for name in ("Ada Verin", "Tomo Kalsi"):
        assert (name, Role.MODERATOR) in people
        assert (name, Role.ORGANISER) in people
        assert people[name, Role.MODERATOR].affiliation is None  # "(main)" is a note, not an organisation
    irma = people["Irma Solberg", Role.SPEAKER]
    assert irma.affiliation == "North Lake Commission"
    assert irma.stakeholder is not None
    assert irma.stakeholder.kind is StakeholderKind.INTERGOVERNMENTAL


def test_the_generic_fallback_reads_operative_items_and_a_convener() -> None:
    text = (
        "Statement of the Young People of Ferrow\n\nThe meeting was convened by the Ferrow Youth Network.\n\n"
        "Hereby:\n\n1. Call upon the Government of Ferrow to teach digital skills;\n"
        "2. Urge operators to lower data prices.\n"
    )
    result = _one(text)
    assert result.template == "generic"
    session = result.forum.sessions[0]
    assert [(r.number, r.force) for r in session.recommendations] == [("1.", Force.URGE), ("2.", Force.URGE)]
    assert ("Ferrow Youth Network", Role.ORGANISER) in {(p.name, p.role) for p in session.participants}


def test_a_cue_in_a_flattened_summary_is_a_finding() -> None:
    text = "Chair's Summary\n\nKey Facts: 90 participants.   Summary: Participants agreed that prices must fall.\n"
    findings = _one(text).forum.sessions[0].findings
    assert [(f.text, f.consensus) for f in findings] == [
        ("Participants agreed that prices must fall.", ConsensusLevel.COMMON_VIEW)
    ]


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=0, max_value=12))
def test_alternative_cues_do_not_lower_a_template_s_confidence_below_the_cap(found: int, extra: int) -> None:
    """Cues a text lacks lower a template's confidence only down to its found weight over the cap (or half)."""
    present = [{"phrase": f"alpha{index}", "weight": 2} for index in range(found)]
    absent = [{"phrase": f"omega{index}", "weight": 2} for index in range(extra)]
    text = " " + fold_text(" ".join(str(cue["phrase"]) for cue in present)) + " "
    common = {"description": "cues only", "produces": "session"}
    small = score(Template.from_dict({**common, "name": "small", "cues": present}), text)
    large = score(Template.from_dict({**common, "name": "large", "cues": present + absent}), text)
    assert small.confidence == 1.0
    total = 2.0 * (found + extra)
    assert large.confidence == round(min(1.0, 2.0 * found / max(min(total, SATURATION), total / 2)), 4)
    assert large.confidence >= round(2.0 * found / total, 4)  # never less than the old share of the whole


def test_a_region_is_not_a_city() -> None:
    assert find_city("The forum met in Kessa State, Nigeria, on 3 May 2016.") is None
    found = find_city("The forum met in Kessa, Nigeria, on 3 May 2016.")
    assert found is not None


def test_a_wiki_s_writing_instruction_left_in_a_field_is_not_its_value() -> None:
    text = (
        "Session title: Satellites and the last mile\n"
        "Session description: Always use your own words to describe the session; name any source you quote.\n"
        "Summary: Always use your own words when you summarise.\n"
    )
    result = importers.import_text(text, template="generic", source_id="wiki")
    (session,) = result.sessions
    assert session.summary is None
    assert "placeholder" in [w.code for w in result.warnings]
    form = importers.import_text("Session title: Satellites\nSummary: Describe your session in two lines.\n")
    assert form.sessions[0].summary is None
    filled = importers.import_text("Session title: Satellites\nSummary: Use of your data by satellites was debated.\n")
    assert filled.sessions[0].summary == "Use of your data by satellites was debated."


@pytest.mark.parametrize(
    ("head", "series"),
    [
        ("Report from the closing plenary at UKIGF 2031", None),
        ("IGF-USA 2031: Session report", None),
        ("West Africa IGF 2031 - Session report", None),
        ("Internet Governance Forum Kenya, 2031", None),
        ("IGF 2031 - Session report", "IGF"),
        ("The Global IGF 2031: Session report", "IGF"),
    ],
)
def test_a_national_or_regional_igf_read_with_a_global_template_is_not_the_igf(head: str, series: str | None) -> None:
    text = f"{head}\n\nSession title: Rural spectrum\n\nKey Takeaways\n1. Participants agreed that fees are too high.\n"
    result = importers.import_text(text, template="igf-workshop-report", source_id="nat")
    assert result.forum.series == series


def test_the_global_igf_is_told_from_a_national_one_by_the_words_before_it() -> None:
    assert names_another_forum("Youth IGF Ghana, 2031")
    assert names_another_forum("Asia Pacific Regional Internet Governance Forum 2031")
    assert not names_another_forum("Workshop Report IGF 2031")
    assert not names_another_forum("Berlin IGF 2019 | WS #12")


def test_a_transcript_reports_no_outcome_however_few_its_turns() -> None:
    """The captioning disclaimer's "should not be taken as ..." is not a recommendation, even with one turn."""
    text = (
        "IGF 2031 - Day 2 - Hall 4 - Open data - RAW\n\n"
        "The following is the raw output of the captioning of this session. It is offered as an aid, "
        "but it should not be taken as an official record of the proceedings.\n\n"
        ">> ADA QUILL: Good morning. Everyone agreed yesterday that we should start on time.\n"
    )
    result = importers.import_text(text, template="transcript", source_id="raw")
    (session,) = result.sessions
    assert session.recommendations == ()
    assert session.findings == ()
    assert importers.get_template("transcript").outcomes is False
    assert importers.get_template("generic").outcomes is True


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        ("IGF 2031 Open Forum #27 Lantern data", SessionKind.OPEN_FORUM),
        ("IGF 2031 OF 27 Lantern data", SessionKind.OPEN_FORUM),
        ("IGF 2031 DC #3 Lantern data", SessionKind.DYNAMIC_COALITION),
        ("IGF 2031 WS #12 Lantern data", SessionKind.WORKSHOP),
    ],
)
def test_a_session_id_names_the_session_s_kind(head: str, kind: SessionKind) -> None:
    text = f"{head}\n\nFormat: a panel that will create an open forum of ideas\nModerator: Ada Quill\n"
    result = importers.import_text(text, template="igf-workshop-report", source_id="id")
    (session,) = result.sessions
    assert session.kind is kind


@pytest.mark.parametrize(
    ("head", "city"),
    [
        ("IGF 2024 Riyadh | Open Forum #5: a review of IGF 2023 Kyoto", "Riyadh"),
        ("IGF 2031 Lakeville | Open Forum #5: a review of IGF2023 Kyoto", None),
        ("IGF 2019 Berlin | WS #12 Open data", "Berlin"),
    ],
)
def test_a_header_line_is_at_the_host_city_of_the_first_year_it_names(head: str, city: str | None) -> None:
    text = f"{head}\n\nThe session looked back at the outcomes of earlier meetings.\n"
    found = find_city(text)
    assert (text[found[0] : found[1]] if found else None) == city


def test_a_year_glued_to_the_forum_s_name_counts_as_the_document_s_year() -> None:
    text = "Welcome to IGF2031!\n\nThe forum, first held in 2006, meets again on Wednesday, December 17.\n"
    found = find_date(text)
    assert found is not None
    assert str(found[2]) == "2031-12-17"
