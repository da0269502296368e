"""The layout-first recognisers: refusal, detection, flattened fields, titles, session ids, dates and cities.

Each recogniser is tested on short texts written for the purpose (invented names
and places), in the layouts real forum documents have.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import importers
from govrecords.cli import main
from govrecords.errors import ImportFailedError
from govrecords.importers._cities import find_city
from govrecords.importers._dates import find_date, normalise_when
from govrecords.importers._identifiers import find_identifier
from govrecords.importers._refuse import NOISE_SHARE, noise_share
from govrecords.importers._tables import first_row
from govrecords.importers._title_lines import is_masthead, title_rejection
from govrecords.importers._titles import choose_title, trim_title

# ------------------------------------------------------------------------------------------- refusal


def test_random_bytes_are_refused_with_a_place(tmp_path: Path) -> None:
    """A file of random bytes is not a forum document: ImportFailedError with a line and column."""
    data = random.Random(11).randbytes(4000)
    path = tmp_path / "noise.bin"
    path.write_bytes(data)
    with pytest.raises(ImportFailedError, match="not a forum document") as caught:
        importers.import_file(path)
    assert caught.value.line is not None
    assert caught.value.column is not None


def test_binary_data_is_refused() -> None:
    """NUL and other control characters making up much of a text mark it as binary."""
    with pytest.raises(ImportFailedError, match="binary data or random bytes"):
        importers.import_text("PK\x03\x04\x14\x00\x00\x00\x08\x00" * 20)


def test_the_command_line_exits_1_on_random_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(3).randbytes(2000))
    assert main(["import", str(path), "-o", str(tmp_path / "out.json")]) == 1
    captured = capsys.readouterr()
    assert "not a forum document" in captured.err
    assert "Traceback" not in captured.err


def test_a_few_bad_bytes_are_imported_with_a_warning(tmp_path: Path) -> None:
    """A damaged file (one bad byte in a report) is still read; only noise is refused."""
    path = tmp_path / "report.txt"
    path.write_bytes(b"Session Name:\nOpen data \xff in Africa\nModerator:\nAna Silva\n")
    result = importers.import_file(path)
    assert [w.code for w in result.warnings if w.code == "invalid-utf8"] == ["invalid-utf8"]
    assert noise_share(result.text) < NOISE_SHARE


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Zs", "Nd", "Po")), min_size=1))
def test_ordinary_text_is_never_noise(text: str) -> None:
    """Letters, digits, spaces and punctuation hold no noise, so such a text is never refused as binary."""
    assert noise_share(text) == 0.0


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_noise_share_ignores_line_ends_and_byte_order_marks(text: str) -> None:
    assert noise_share(text) == noise_share("\ufeff" + text.replace("\n", "\r\n"))


# ----------------------------------------------------------------------------------------- detection

WORKSHOP_REPORT = """IGF 2021 WS #77 Repair Cafes for Routers

Katowice, Poland
8 December 2021, 11:00 - 12:00 CET

Organizers:
Open Repair Network (Civil Society)

Speakers:
- Ms. Lena Vogt, Open Repair Network
- Mr. Ravi Menon, Router Makers Guild

Onsite Moderator: Ms. Lena Vogt
Rapporteur: Mr. Tom Berg

Key Takeaways
Participants agreed that firmware updates must outlive the warranty.

Call to Action
Manufacturers should publish firmware sources when support ends.
"""


def test_a_modern_workshop_report_is_one_workshop_report() -> None:
    """The report of issue 11: one session, its title, id, date and city, not three fake message sessions."""
    result = importers.import_text(WORKSHOP_REPORT, source_id="ws77")
    assert result.template == "igf-workshop-report"
    assert result.confidence >= importers.LOW_CONFIDENCE
    (session,) = result.sessions
    assert session.title == "Repair Cafes for Routers"
    assert session.identifier == "WS #77"
    assert str(session.date) == "2021-12-08T11:00+01:00/2021-12-08T12:00+01:00"
    assert session.place is not None
    assert session.place.city == "Katowice"


@pytest.mark.parametrize(
    ("text", "family"),
    [
        (
            "Lakeside IGF 2015 - Chair's Summary\n\nParticipants agreed that the forum should meet again.\n",
            "chair-summary",
        ),
        (
            (
                "Open maps - WS #4\n\n>> ANA ROSS:  Good morning.\n\n>> AUDIENCE:  (Off microphone).\n\n"
                "The text is the output of real-time captioning.\n"
            ),
            "transcript",
        ),
        (
            "Riverside IGF 2020 Synthesis Document - Draft 1\n\n1. Contributions came from 20 groups.\n",
            "synthesis-draft",
        ),
        (
            "Main Session on Access\nModerators: Ms. Ada Lin\nPanellists: Mr. Bo Sun\nVenue: Hall A\n",
            "main-session-page",
        ),
        (
            (
                "Lessons from the first year \u2013 2009\n\nFrom EuroDIG Wiki\n\n14 May 2009 | 10:00-11:30\n\n"
                "Co-moderators\n\n  \u2022 Ada Lin, Lakeside Lab\n"
            ),
            "eurodig-session-page",
        ),
    ],
)
def test_each_family_is_detected_above_the_threshold(text: str, family: str) -> None:
    best = importers.detect(text)[0]
    assert (best.template, best.confidence >= importers.LOW_CONFIDENCE) == (family, True)


def test_a_text_no_family_fits_is_generic_with_a_warning() -> None:
    result = importers.import_text("Notes for the team\n\nThe printer on floor two is out of toner.\n")
    assert result.template == "generic"
    assert "low-confidence" in [w.code for w in result.warnings]


def test_negative_cues_lower_a_family() -> None:
    """ "Key Takeaways" and speakers speak against a messages document: a report is not read as one."""
    scores = {d.template: d.confidence for d in importers.detect(WORKSHOP_REPORT)}
    assert scores["igf-workshop-report"] > scores["igf-messages"]


# ------------------------------------------------------------------------------------ flattened fields


def test_fields_flattened_onto_one_line_are_split() -> None:
    text = "Title: Open data\nDate: 7 November 2012   Time: 14.30 - 16.00   Moderator: Ana Silva\n"
    session = importers.import_text(text, template="generic", source_id="flat").sessions[0]
    assert str(session.date) == "2012-11-07T14:30/2012-11-07T16:00"
    assert [p.name for p in session.participants] == ["Ana Silva"]


def test_a_label_inside_a_line_of_other_words_is_read() -> None:
    text = "Report form for sessions Session title: Open data for cities  Rapporteur: Ben Okoro\n"
    session = importers.import_text(text, template="generic", source_id="inline").sessions[0]
    assert session.title == "Open data for cities"
    assert [p.name for p in session.participants] == ["Ben Okoro"]


def test_a_compound_label_is_not_split() -> None:
    """ "Date & Time:" is one label, not "Date &" and then "Time:"."""
    text = "Title: X\n- Date & Time: 27 Nov 2019, 15:00-16:00\n"
    session = importers.import_text(text, template="generic", source_id="dt").sessions[0]
    assert str(session.date) == "2019-11-27T15:00/2019-11-27T16:00"


# -------------------------------------------------------------------------------------------- titles


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ("Welcome to the Lakeside Forum | Department of Affairs", "boilerplate"),
        ("You are on page 1 of 12", "boilerplate"),
        ("Revision as of 10:02, 3 May 2021 by Somebot", "boilerplate"),
        ("* Template only - do not fill in", "boilerplate"),
        ("News | Events | About | Contact", "navigation"),
        ("Main Sessions » Trust and Security", "navigation"),
        ("November 2017", "dateline"),
        ("Port Lumen, 3-5 September 2013", "dateline"),
        ("Venue: Hall B", "label"),
        ("Speaker 1: Ana Ross, Civil Society", "label"),
        ("LAKESIDE INTERNET GOVERNANCE FORUM", "masthead"),
        ("Programme for the Main Sessions", "heading"),
        ("Please describe the discussions that took place", "instruction"),
        ("Round Table - 90 Min", "instruction"),
        ("\u2022 Ms. Ada Lin, Open Maps Lab", "item"),
        ("\u2022 Ada Lin", "item"),
        ("- Opening remarks", "item"),
        ("Loading\u2026", "boilerplate"),
        ("Page created by Ada Lin", "boilerplate"),
        ("[Programme] [Speakers] [Report]", "navigation"),
        ("Workshop Reports", "boilerplate"),
        ("CONTINUE READING", "boilerplate"),
        ("arrow_back View all dates", "boilerplate"),
        ("The session has closed. Visit the archive for the recording", "sentence"),
        (">> ANA ROSS:  Good morning.", "turn"),
        ("III. Background and Context", "section"),
        ("2. Introduction", "section"),
        ("8:30 AM \u2013 9:15 AM \u2013 Welcome coffee (Lobby, ground floor)", "schedule"),
        ("14.00 Closing plenary", "schedule"),
        ("https://lakeside-igf.example/programme", "boilerplate"),
        ("Lakeshore Convention Centre", "venue"),
        ("Room 2B (second floor)", "venue"),
        ("77 Quay Street, Port Lumen", "venue"),
        ("The Lakeside IGF will be held on 3 June 2031 at the Quay Hotel", "sentence"),
        ("Delegates from eleven countries took place in the first regional meeting", "sentence"),
        (" ".join(["word"] * 25), "sentence"),
    ],
)
def test_title_candidates_are_rejected_with_a_reason(line: str, why: str) -> None:
    assert title_rejection(line) == why


@pytest.mark.parametrize(
    "line",
    [
        "Governing generative AI: who writes the rules?",
        "Open data in Africa",
        "Report of the Third Lakeside Internet Governance Forum",
        "Kigali IGF Messages",
        "Youth Town Hall on digital skills",
        "5G and the road ahead",
        "Lakeside IGF 2031 \u2013 Final Report",
        "Closing Report of the Youth Forum",
        "Introduction to network neutrality for regulators",
    ],
)
def test_titles_are_accepted(line: str) -> None:
    assert title_rejection(line) is None


@pytest.mark.parametrize(
    "body",
    [
        "I. Introduction\n1. The meeting opened with a welcome from the host.\n",
        "9:00 \u2013 10:30 Opening plenary\n10:30 \u2013 11:00 Coffee\n",
        "The Lakeside IGF will be held on 3 June at the Quay Hotel\nRegistration opens at eight.\n",
    ],
)
def test_the_forum_s_name_is_the_title_when_the_body_begins_below_it(body: str) -> None:
    """Below a masthead, a venue and an address, the body begins: no line of it is the title."""
    text = f"Lakeside Internet Governance Forum 2031\nQuay Conference Centre\n77 Quay Street, Port Lumen\n{body}"
    start, end, _ = choose_title(text) or (0, 0, 0)
    assert text[start:end] == "Lakeside Internet Governance Forum 2031"


def test_mastheads_name_only_the_forum() -> None:
    assert is_masthead("Fifth Meeting of the Internet Governance Forum")
    assert is_masthead("IGF 2009 Port Lumen - Workshop Report")
    assert not is_masthead("Youth Participation in Internet Governance")


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Regulating algorithms in public services \u2013 PL 03 2017", "Regulating algorithms in public services"),
        ("Safe Harbours for Researchers | IGF 2023 Open Forum #61", "Safe Harbours for Researchers"),
        ("Open maps for towns \u2013 2010", "Open maps for towns"),
        ("Lakeside IGF Messages (draft for community review)", "Lakeside IGF Messages"),
        ("Lakeside IGF 2016 Chair's Summary - draft", "Lakeside IGF 2016 Chair's Summary"),
        ("IGF 2022 Day 3 Open Forum #23 Digital goods in small states \u2013 RAW", "Digital goods in small states"),
        ("African IGF 2017 - Day 2 - Main Hall - WS #14 Community networks", "Community networks"),
        ("Cross-Border Trade for Small Producers (WS214)", "Cross-Border Trade for Small Producers"),
        ("Andean IGF 2018 \u2013 Summary by the Chair", "Andean IGF 2018 \u2013 Summary by the Chair"),
    ],
)
def test_title_suffixes_and_prefixes_are_trimmed(line: str, title: str) -> None:
    start, end = trim_title(line, 0, len(line))
    assert line[start:end] == title


def test_the_title_is_chosen_past_banners_and_a_guess_is_warned() -> None:
    text = (
        "Skip to main content\nHome | Blog | About | Contact\nLAKESIDE INTERNET GOVERNANCE FORUM\n"
        "Port Lumen, 3 - 4 May 2018\n\nNotes from the youth track: three lessons\n\nThe youth track met twice.\n"
    )
    start, end, skipped = choose_title(text) or (0, 0, 0)
    assert (text[start:end], skipped) == ("Notes from the youth track: three lessons", 4)
    result = importers.import_text(text, template="generic", source_id="blog")
    assert result.sessions[0].title == "Notes from the youth track: three lessons"
    assert "guessed-title" in [w.code for w in result.warnings]


@pytest.mark.parametrize("site", ["the Ministry of Coastal Affairs", "Harbour Town's digital portal", "Lumen IGF"])
def test_any_sites_greeting_banner_is_boilerplate_not_text(site: str) -> None:
    """A short "Welcome to ..." line is a site's greeting, whichever the site: not a title, not
    unread text; a long sentence that opens the same way is still read."""
    text = (
        f"Welcome to {site}\nSHORE INTERNET GOVERNANCE FORUM 2019\nChair's Summary\n\n"
        "Participants agreed that open standards help small registries.\n"
    )
    result = importers.import_text(text, source_id="banner")
    assert not result.sessions[0].title.startswith("Welcome")
    assert all("Welcome" not in text[start:end] for start, end in result.uncovered())
    assert "boilerplate" in [warning.code for warning in result.warnings]
    sentence = (
        "Welcome to all who travelled from the islands to discuss how open standards, shared "
        "registries and local exchange points can lower the cost of reaching the network.\n"
    )
    kept = importers.import_text("SHORE IGF 2019\n\n" + sentence, source_id="long").sessions[0]
    assert any("Welcome to all who travelled" in section.text for section in kept.sections)


@pytest.mark.parametrize("wiki", ["Harbour Forum Wiki", "Lumen IGF wiki", "the Shore Dialogue Wiki"])
def test_any_wikis_tagline_is_boilerplate_not_text(wiki: str) -> None:
    """A short "From ... Wiki" line is a wiki's page tagline, whichever the wiki: not a title,
    not unread text; a sentence that opens with "From" is still read."""
    text = (
        f"WS 4: Open registries for small islands\nFrom {wiki}\n\n"
        "Participants agreed that open standards help small registries.\n"
    )
    result = importers.import_text(text, source_id="tagline")
    assert result.sessions[0].title == "Open registries for small islands"
    assert all("Wiki" not in text[start:end] and "wiki" not in text[start:end] for start, end in result.uncovered())
    assert "boilerplate" in [warning.code for warning in result.warnings]
    sentence = "From the islands, speakers asked for shared registries and local exchange points.\n"
    kept = importers.import_text("SHORE IGF 2019\n\n" + sentence, source_id="long").sessions[0]
    assert any("From the islands" in section.text for section in kept.sections)


# ------------------------------------------------------------------------------------------ session ids


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("IGF 2019 WS #12 Open data", "WS #12"),
        ("Safe Harbours | IGF 2023 Open Forum #61", "Open Forum #61"),
        ("WORKSHOP 61: KEEPING CHILDREN SAFE", "WORKSHOP 61"),
        ("Gig Workers | Town Hall #55", "Town Hall #55"),
        ("Cross-Border Trade (WS214)", "WS214"),
        ("Regulating algorithms - PL 03 2017", "PL 03"),
    ],
)
def test_session_ids_are_read_from_title_lines(text: str, code: str) -> None:
    found = find_identifier(text)
    assert found is not None
    assert text[found[0] : found[1]] == code


@pytest.mark.parametrize(
    "text", ["IGF 2018 Report   Page 1 of 2", "Day 2 - Room 5", "Thanks to the 40 participants of 2019."]
)
def test_page_numbers_and_rooms_are_not_session_ids(text: str) -> None:
    assert find_identifier(text) is None


# ---------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Forum met in Jinja from 14th to 16th October 2009.", "2009-10-14/2009-10-16"),
        ("PORT LUMEN, 18 \u2013 19 JUNE 2015\n", "2015-06-18/2015-06-19"),
        ("10 October 2023, 09:00 \u2013 10:00 JST\n", "2023-10-10T09:00+09:00/2023-10-10T10:00+09:00"),
        ("Tuesday, 13 November 2018 - 10:10 to 11:40\n", "2018-11-13T10:10/2018-11-13T11:40"),
        ("10 Oct 2023 06:15h - 07:45h UTC\n", "2023-10-10T06:15Z/2023-10-10T07:45Z"),
        ("Workshop | Room 5 | 17 Dec 2024, 10:30\u201312:00 (local time)\n", "2024-12-17T10:30/2024-12-17T12:00"),
        ("Last weekend (16 \u2013 17 March 2019) about 120 people met.", "2019-03-16/2019-03-17"),
    ],
)
def test_dates_are_read_in_prose_and_headers(text: str, expected: str) -> None:
    found = find_date(text)
    assert found is not None
    assert str(found[2]) == expected


def test_revision_posting_and_draft_dates_are_passed_over() -> None:
    text = (
        "[Draft, 09:10 UTC-5, 19 October 2018]\nRevision as of 13:22, 14 September 2023\n"
        "Posted on 2 May 2019\nComments are open until 30 June 2019.\n"
        "Reports are due no later than two weeks following the event (27 November 2015).\n"
    )
    assert find_date(text) is None


def test_the_session_day_wins_over_the_meeting_range() -> None:
    text = "The forum was held from 3 to 5 October 2017 in Port Lumen.\n\nWednesday, 4 October 2017\n\n>> A: Hi.\n"
    found = find_date(text)
    assert found is not None
    assert str(found[2]) == "2017-10-04"


def test_the_meeting_range_wins_over_a_release_dateline() -> None:
    text = "Port Lumen, 28 August 2015 \u2014 The forum closed today after three days, from 26 to 28 August 2015.\n"
    found = find_date(text)
    assert found is not None
    assert str(found[2]) == "2015-08-26/2015-08-28"


def test_a_date_without_a_year_takes_the_documents_year_with_a_warning() -> None:
    text = "IGF 2019 WS #5 Open maps\n\nTuesday 26 November, 10:00-11:30\n\nThe session looked at maps.\n"
    found = find_date(text)
    assert found is not None
    assert found[3] is True
    assert str(found[2]) == "2019-11-26T10:00/2019-11-26T11:30"
    result = importers.import_text(text, template="generic", source_id="y")
    assert str(result.sessions[0].date) == "2019-11-26T10:00/2019-11-26T11:30"
    assert any("completed with the year" in w.message for w in result.warnings if w.code == "guessed-value")


def test_normalise_when_keeps_what_reads_and_repairs_what_does_not() -> None:
    assert normalise_when("6-9 November 2012") == "6-9 November 2012"
    assert normalise_when("Wed, 30 Nov, 2022 09:50 - 11:20") is not None
    assert normalise_when("no date here") is None


# --------------------------------------------------------------------------------------------- cities


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("The Forum met in Jinja, Uganda, from 11th to 13th March 2019.", "Jinja, Uganda"),
        ("Tbilisi, Georgia\n14\u201317 September 2010\n", "Tbilisi, Georgia"),
        ("6-9 November 2016, Valletta, Malta\n", "Valletta, Malta"),
        ("Internet Governance Forum 2021 | Katowice, Poland | Hybrid\n", "Katowice, Poland"),
    ],
)
def test_cities_are_read_from_datelines_and_venue_phrases(text: str, city: str) -> None:
    found = find_city(text)
    assert found is not None
    assert text[found[0] : found[1]] == city


@pytest.mark.parametrize(
    "text",
    [
        "\u2022 Maria Santos, Instituto Conecta, Brazil\n",
        "Kwame Mensah, Ghana Open Data Initiative\n",
        "Watch the video record of the session\n",
        "Venue: Main Hall\n",
        "Agenda, 12 May 2019\n",
        "The workshop was held in English, French and Spanish.\n",
    ],
)
def test_people_organisations_and_rooms_are_not_cities(text: str) -> None:
    assert find_city(text) is None


# --------------------------------------------------------------------------------------------- tables


def test_a_tabbed_table_gives_its_first_row_but_no_id_from_a_row_count() -> None:
    text = "Valoria IGF 2017 - Session reports\n\nNo.\tSession\tOrganiser\n1\tSpectrum for schools\tRural Links\n"
    row = first_row(text)
    assert row is not None
    assert (row.title, row.is_id) == ("Spectrum for schools", False)


def test_a_table_with_bars_gives_the_id_of_its_id_column() -> None:
    text = "You are on page 1 of 3\n\nID | Title | Name\n31 | Open standards in procurement | Ana Ross\n"
    row = first_row(text)
    assert row is not None
    assert (row.title, text[row.number[0] : row.number[1]], row.is_id) == ("Open standards in procurement", "31", True)


def test_a_table_of_lined_up_columns_joins_a_wrapped_title() -> None:
    text = (
        "Reports of the workshops\n\n"
        "ID    Title           Name\n\n"
        "12    Botnets and     Ruth Vermeulen\n"
        "      the home user   \n\n"
        "27    Child safety    Giulia Rossi\n"
    )
    row = first_row(text)
    assert row is not None
    assert (row.title, text[row.number[0] : row.number[1]]) == ("Botnets and the home user", "12")


def test_a_table_of_reports_imports_its_first_record() -> None:
    text = "Reports of the workshops\n\nID | Title | Organizer | Report\n7 | Cloud contracts | City Cloud | Notes.\n"
    result = importers.import_text(text, source_id="table")
    assert result.template == "report-table"
    session = result.sessions[0]
    assert (session.title, session.identifier) == ("Cloud contracts", "7")


def test_no_table_no_row() -> None:
    assert first_row("Open data in Africa\n\nThe session looked at maps.\n") is None


# ------------------------------------------------------------------------------------------- messages


def test_a_messages_document_drops_its_banner_and_dateline_and_keeps_its_title() -> None:
    text = (
        "Lakeside IGF Messages (draft for community review)\n\nDecember 2019\n\n"
        "The messages come from the sessions of the forum, held in Port Lumen from 2 to 5 December 2019.\n\n"
        "Access\n\n\u2022 Opinions differed on spectrum fees.\n"
    )
    result = importers.import_text(text, template="igf-messages", source_id="msg")
    assert result.sessions[0].title == "Lakeside IGF Messages"
    assert str(result.sessions[0].date) == "2019-12-02/2019-12-05"
    assert result.uncovered() == []
