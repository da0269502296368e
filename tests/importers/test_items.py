"""Findings, recommendations and policy questions read from prose: cues, asks, numbering, questions.

The documents here are invented, in the shapes real reports take: a modern workshop
report ("Key Takeaways", "Call to Action"), a chair's summary in prose, a communiqué
("Agree that:", "Recommend;", lettered items under sub-headings), a captioning
transcript, and proposals that ask their questions in a paragraph.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import importers
from govrecords.importers._asks import find_ask
from govrecords.importers._consensus_cues import find_cue
from govrecords.importers._operative_verbs import opens_with_verb
from govrecords.importers._sentences import questions, sentences
from govrecords.records import Session
from govrecords.vocabulary import ConsensusLevel, Force


def _session(text: str, template: str | None = None) -> Session:
    result = importers.import_text(text, template=template, source_id="t")
    return result.sessions[0]


def _quote(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


# --- consensus cues -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "level", "words"),
    [
        ("Delegates agreed that spectrum fees keep villages offline.", "common_view", "Delegates agreed"),
        ("It was agreed that the next meeting will be held in March.", "common_view", "It was agreed"),
        ("There was a common view among speakers that fees are too high.", "common_view", "a common view"),
        ("Panellists broadly agreed that audits help.", "broad_support", "Panellists broadly agreed"),
        ("There was broad consensus that archives should stay public.", "broad_support", "broad consensus"),
        ("Broad agreement emerged that radio licences cover streams.", "broad_support", "Broad agreement emerged"),
        ("Across the tracks there was wide support for open maps.", "broad_support", "wide support"),
        ("Rough consensus was reached that drafts stay open.", "rough_consensus", "Rough consensus was reached"),
        ("The rough consensus of the expert group was that hubs help.", "rough_consensus", "rough consensus"),
        ("After two rounds, consensus emerged that prices matter.", "emerging_consensus", "consensus emerged"),
        ("There was an emerging consensus that schools come first.", "emerging_consensus", "an emerging consensus"),
        ("Opinions differed on the value of local caches.", "opinions_varied", "Opinions differed"),
        ("Views diverged sharply on data localisation.", "opinions_varied", "Views diverged"),
        ("Opinions were divided on subsidies for terminals.", "opinions_varied", "Opinions were divided"),
        ("The group could not agree on who owns the archive.", "opinions_varied", "The group could not agree"),
        ("There was a divergence of views on filtering.", "opinions_varied", "a divergence of views"),
        ("No consensus was reached on a regional secretariat.", "contested", "No consensus was reached"),
        ("There was no consensus on compulsory IDs.", "contested", "no consensus"),
        ("Whether to license satellites remained contested.", "contested", "remained contested"),
        ("Agreement: Medium", "emerging_consensus", "Agreement: Medium"),
    ],
)
def test_a_cue_sets_its_level_and_quotes_its_words(sentence: str, level: str, words: str) -> None:
    cue = find_cue(sentence, 0, len(sentence))
    assert cue is not None
    assert cue.level is ConsensusLevel(level)
    assert _quote(sentence, (cue.start, cue.end)) == words


@pytest.mark.parametrize(
    "sentence",
    [
        "Mr Okoro disagreed, saying that fees are fair.",  # one speaker is not the room
        "The final text will be settled by rough consensus of the drafting team.",  # a procedure, not an outcome
        "The exchanges record the rough consensus views of their experts.",
        "By continuing to browse you are agreeing to our use of cookies.",
        "Support for a regional network of developers",  # an operative item, not a level
        "The session discussed consensus building in standards bodies.",
        "She agreed to chair the next call.",
        "A controversial proposal was tabled.",
        # what a session aims at, not what it found
        "The purpose of the meeting is to try reaching consensus on spectrum fees.",
        "Delegates are working towards reaching agreement on a shared code.",
        "Speakers stressed the importance of reaching agreement on data flows.",
        "The panel was convened in the hope of reaching consensus on roaming.",
    ],
)
def test_no_cue_no_level(sentence: str) -> None:
    assert find_cue(sentence, 0, len(sentence)) is None


# --- asks ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "force", "kind", "words"),
    [
        ("Regulators should publish their spectrum maps.", "recommend", "modal", "should"),
        ("Operators must keep an offline fallback.", "require", "modal", "must"),
        ("To keep the forum alive, each country should pay a fee.", "recommend", "modal", "should"),
        ("Donors are encouraged to fund maintenance.", "encourage", "passive", "encouraged"),
        ("Vendors are strongly encouraged to publish parts lists.", "urge", "passive", "strongly encouraged"),
        ("Ministries are called on to consult users.", "urge", "passive", "called on"),
        ("Universities are invited to teach the topic.", "encourage", "passive", "invited"),
        ("We call on platforms to explain suspensions.", "urge", "performative", "call on"),
        ("The Chair invites all stakeholders to comment.", "encourage", "performative", "invites"),
        ("Participants recommended that hotlines share lists.", "recommend", "performative", "recommended"),
        ("The organisers suggest a follow-up meeting.", "suggest", "performative", "suggest"),
    ],
)
def test_an_ask_in_the_main_clause_has_its_own_force(sentence: str, force: str, kind: str, words: str) -> None:
    ask = find_ask(sentence, 0, len(sentence))
    assert ask is not None
    assert (ask.force, ask.kind) == (Force(force), kind)
    assert _quote(sentence, (ask.start, ask.end)) == words


@pytest.mark.parametrize(
    "sentence",
    [
        "Ms Tan argued that fees should fall.",  # reported speech
        "Opinions differed on whether regulators should act.",
        "The panel asked who should pay for the network.",
        "Should operators report their energy use?",  # a question asks nothing of anyone
        "It should be noted that the room was full.",
        "The organisers will prepare a guide.",
        "Recalling that the forum must remain open;",
    ],
)
def test_no_ask_outside_the_main_clause(sentence: str) -> None:
    assert find_ask(sentence, 0, len(sentence)) is None


def test_an_operative_item_is_told_by_its_opening_verb() -> None:
    assert opens_with_verb("Rotate the chair among members", 0, 30) == (True, None)
    assert opens_with_verb("Jointly negotiate lower prices", 0, 30) == (True, None)
    opened, own = opens_with_verb("Encourage more women to speak", 0, 29)
    assert opened
    assert own is not None
    assert own[0] is Force.ENCOURAGE
    assert opens_with_verb("Cybercrime laws differ widely", 0, 29) == (False, None)


# --- sentences and questions --------------------------------------------------------------------------------------


def test_sentences_keep_abbreviations_and_split_cells_and_heading_lines() -> None:
    text = "Dr. A. Mensah opened (e.g. with data). Fees fell!\nKey points\nPrices are high.\tViews diverged on fees."
    assert [_quote(text, span) for span in sentences(text, 0, len(text))] == [
        "Dr. A. Mensah opened (e.g. with data).",
        "Fees fell!",
        "Key points",
        "Prices are high.",
        "Views diverged on fees.",
    ]


def test_questions_split_after_a_lead_in_and_a_label() -> None:
    text = "The panel takes up one question: who should pay for backhaul?"
    assert [_quote(text, s) for s in questions(text, 0, len(text))] == ["who should pay for backhaul?"]
    text = "Question 1: Who owns the data? Question 2: How is it kept?"
    assert [_quote(text, s) for s in questions(text, 0, len(text))] == ["Who owns the data?", "How is it kept?"]


# --- whole documents ----------------------------------------------------------------------------------------------

MODERN_REPORT = """\
IGF 2031 WS #12 Solar Power for Village Networks

Key Takeaways
- Batteries are the costliest part of an off-grid site.
- Participants agreed that village networks need tariffs of their own.
- Views diverged on whether operators should share towers with villages.

Call to Action
1. Energy regulators should publish a simple tariff for community sites.
2. Equipment makers are urged to offer repair kits in local languages.

Session Report
Ms Oduya explained how her cooperative pays for diesel. Mr Varga disagreed, saying that solar is not yet cheaper.
There was rough consensus in the room that training comes before hardware.
"""


def test_a_modern_report_gives_findings_with_levels_and_calls_to_action_with_force() -> None:
    session = _session(MODERN_REPORT, template="generic")
    assert [(f.text, f.consensus.value) for f in session.findings] == [
        ("Participants agreed that village networks need tariffs of their own.", "common_view"),
        ("Views diverged on whether operators should share towers with villages.", "opinions_varied"),
        ("There was rough consensus in the room that training comes before hardware.", "rough_consensus"),
    ]
    assert [(r.text, r.number, r.force) for r in session.recommendations] == [
        ("Energy regulators should publish a simple tariff for community sites.", "1.", Force.RECOMMEND),
        ("Equipment makers are urged to offer repair kits in local languages.", "2.", Force.URGE),
    ]


CHAIR_SUMMARY = """\
Lakeland Internet Governance Forum 2030: Summary by the Chair

OPENING

The forum met over two days and heard from forty speakers. Participants agreed that the lake shore needs a
second fibre route. Ms Dube disagreed with the ministry on fees.

The Chair urges the organising committee to publish the programme earlier next year.
"""


def test_prose_gives_the_rooms_findings_and_asks_but_not_one_speakers() -> None:
    session = _session(CHAIR_SUMMARY, template="generic")
    assert [(f.text, f.consensus) for f in session.findings] == [
        ("Participants agreed that the lake shore needs a second fibre route.", ConsensusLevel.COMMON_VIEW),
    ]
    assert [(r.text, r.number, r.force) for r in session.recommendations] == [
        ("The Chair urges the organising committee to publish the programme earlier next year.", None, Force.URGE),
    ]


COMMUNIQUE = """\
Riverland IGF 2030 Communique

We, the participants of the Riverland Internet Governance Forum, meeting in Portvale,

Recalling that the forum was founded to bring all stakeholders together;

Agree that:

  \u2022 Broadband prices in the river towns are twice those of the capital.
  \u2022 Member states should publish the licence conditions of every operator.

Recommend;

Every country shall hold a national forum each year.
Encourage young people to join the national forums.

a) On Access

- Build shared ducts along every new road;

b) On Trust

- Train magistrates in digital evidence.

Done in Portvale, 3 May 2030
"""


def test_a_communique_reads_operative_items_with_the_headings_force() -> None:
    session = _session(COMMUNIQUE, template="regional-igf-communique")
    assert [(f.text, f.consensus) for f in session.findings] == [
        ("Broadband prices in the river towns are twice those of the capital.", ConsensusLevel.COMMON_VIEW),
    ]
    got = [(r.text, r.number, r.force) for r in session.recommendations]
    assert got == [
        ("Member states should publish the licence conditions of every operator.", None, Force.AGREE),
        ("Every country shall hold a national forum each year.", None, Force.RECOMMEND),
        ("Encourage young people to join the national forums.", None, Force.ENCOURAGE),
        ("Build shared ducts along every new road;", None, Force.RECOMMEND),
        ("Train magistrates in digital evidence.", None, Force.RECOMMEND),
    ]
    assert not any(r.text.startswith(("On ", "Done in")) for r in session.recommendations)


def test_two_numbered_items_run_together_are_two() -> None:
    text = "Recommend the following:\n\n  a. Open the exchange points b. Publish the prices\n  c. Train engineers\n"
    session = _session(text, template="regional-igf-communique")
    assert [(r.number, r.text) for r in session.recommendations] == [
        ("a.", "Open the exchange points"),
        ("b.", "Publish the prices"),
        ("c.", "Train engineers"),
    ]


TRANSCRIPT = """\
Forum 2030 - Main Hall - raw captioning

>> AMARA OKEKE:  Good morning.  I think there was consensus that the fees must come down.

>> LEV IVANOV:  Participants agreed that we start on time.  Governments should listen.

>> AMARA OKEKE:  Thank you.  Next question.
"""


def test_a_transcript_reports_no_outcome() -> None:
    session = _session(TRANSCRIPT, template="generic")
    assert session.findings == ()
    assert session.recommendations == ()


PROPOSAL_PARAGRAPH = """\
Session title: Water for the Cloud
Policy Question(s):
How much water do data centres use? Should operators report it? What can towns ask of investors?
Session report
The session was well attended.
"""


def test_several_questions_in_one_paragraph_are_one_each_and_a_heading_ends_them() -> None:
    session = _session(PROPOSAL_PARAGRAPH, template="generic")
    assert [q.text for q in session.policy_questions] == [
        "How much water do data centres use?",
        "Should operators report it?",
        "What can towns ask of investors?",
    ]


ANNOUNCEMENT = """\
Session title: Cloud contracts for small towns

Towns are moving their records to cloud providers. The session will examine two questions. Who controls the
records? And how does a town leave its provider?
"""


def test_questions_announced_in_a_description_are_read() -> None:
    session = _session(ANNOUNCEMENT, template="generic")
    assert [q.text for q in session.policy_questions] == [
        "Who controls the records?",
        "And how does a town leave its provider?",
    ]


# --- properties ---------------------------------------------------------------------------------------------------

_NEUTRAL = st.sampled_from(
    [
        "The session opened with three short talks.",
        "Speakers described pilots in four towns.",
        "Ms Lindqvist presented figures on prices.",
        "The room asked about costs.",
        "Fees were discussed at length.",
        "A map of coverage was shown.",
    ]
)
_CUED = st.sampled_from(
    [
        ("Participants agreed that maps help.", "Participants agreed"),
        ("Views diverged on subsidies.", "Views diverged"),
        ("There was rough consensus that fees fall.", "rough consensus"),
        ("No consensus was reached on towers.", "No consensus was reached"),
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(_NEUTRAL, _CUED.map(lambda pair: pair[0])), min_size=1, max_size=8, unique=True), st.booleans()
)
def test_a_level_is_set_only_by_a_cue_inside_the_findings_own_span(parts: list[str], bullets: bool) -> None:
    body = "\n".join(f"- {part}" for part in parts) if bullets else " ".join(parts)
    text = f"Report of the meeting\n\nNotes\n\n{body}\n"
    session = _session(text, template="generic")
    cued = [part for part in parts if find_cue(part, 0, len(part)) is not None]
    assert len(session.findings) == len(cued)
    for finding in session.findings:
        whole = finding.provenance[0].span
        wording = next(p.span for p in finding.provenance if p.field == "consensus_wording")
        assert whole is not None
        assert wording is not None
        assert whole.start <= wording.start
        assert wording.end <= whole.end
        assert find_cue(text, whole.start, whole.end) is not None


@settings(max_examples=60, deadline=None)
@given(st.lists(_NEUTRAL, min_size=1, max_size=8))
def test_no_cue_no_finding_and_no_ask_no_recommendation(parts: list[str]) -> None:
    session = _session("Minutes\n\n" + " ".join(parts) + "\n", template="generic")
    assert session.findings == ()
    assert session.recommendations == ()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=string.ascii_letters + " .,;:!?\t\n|()'\"-", max_size=300))
def test_sentences_are_ordered_non_blank_spans_of_the_passage(text: str) -> None:
    spans = sentences(text, 0, len(text))
    last = 0
    for start, end in spans:
        assert last <= start < end <= len(text)
        assert text[start:end].strip()
        last = end
    for start, end in spans:
        cue = find_cue(text, start, end)
        if cue is not None:
            assert start <= cue.start < cue.end <= end
        ask = find_ask(text, start, end)
        if ask is not None:
            assert start <= ask.start < ask.end <= end


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Regulators should act.", "Donors are urged to pay.", "Fees rose."]),
        min_size=1,
        max_size=3,
        unique=True,
    )
)
def test_a_recommendations_force_is_read_from_its_own_sentence(parts: list[str]) -> None:
    text = "Session report\n\nWay forward\n\n" + "\n".join(f"- {part}" for part in parts) + "\n"
    session = _session(text, template="generic")
    for recommendation in session.recommendations:
        whole = recommendation.provenance[0].span
        wording = next(p.span for p in recommendation.provenance if p.field == "force_wording")
        assert whole is not None
        assert wording is not None
        assert whole.start <= wording.start
        assert wording.end <= whole.end
        assert recommendation.number is None  # dashes carry no number
    assert len(session.recommendations) == sum(part != "Fees rose." for part in parts)


NUMBERED = """\
Outcome of the Harbour Town meeting

Key messages
* Participants agreed that the harbour needs a public exchange point.
* Port operators should open their ducts to every carrier.

Recommendations
(a) Town councils should map their fibre.
(b) Schools are invited to host community servers.
i. Regulators must publish wholesale prices.
ii. The meeting recommended a yearly review.
"""


def test_every_numbering_is_kept_as_written_and_bullets_have_none() -> None:
    session = _session(NUMBERED, template="generic")
    assert [(f.text, f.consensus) for f in session.findings] == [
        ("Participants agreed that the harbour needs a public exchange point.", ConsensusLevel.COMMON_VIEW),
    ]
    in_order = sorted(session.recommendations, key=lambda r: NUMBERED.index(r.text))
    assert [(r.number, r.force) for r in in_order] == [
        (None, Force.RECOMMEND),
        ("(a)", Force.RECOMMEND),
        ("(b)", Force.ENCOURAGE),
        ("i.", Force.REQUIRE),
        ("ii.", Force.RECOMMEND),
    ]


SPLIT_LIST = """\
Delta IGF 2030 Communique

Recommend the following:

  1. Lower the price of international bandwidth on the new cable.

Safety and Trust:

  1. Adopt a cybercrime law in each member state.
  2. Establish a regional response team.
  3. Greater awareness of mobile fraud among users.

Annex: Participants

  1. Ms Ama Owusu
  2. Mr Kofi Mensah
"""


def test_a_sub_heading_inside_an_operative_list_does_not_end_it() -> None:
    session = _session(SPLIT_LIST, template="regional-igf-communique")
    assert [(r.number, r.text, r.force) for r in session.recommendations] == [
        ("1.", "Lower the price of international bandwidth on the new cable.", Force.RECOMMEND),
        ("1.", "Adopt a cybercrime law in each member state.", Force.RECOMMEND),
        ("2.", "Establish a regional response team.", Force.RECOMMEND),
        ("3.", "Greater awareness of mobile fraud among users.", Force.RECOMMEND),
    ]


def test_two_levels_in_one_sentence_are_two_findings() -> None:
    text = "Notes\n\nAlthough delegates agreed that fees are high, views diverged on who should pay.\n"
    session = _session(text, template="generic")
    assert [(f.text, f.consensus) for f in session.findings] == [
        ("Although delegates agreed that fees are high", ConsensusLevel.COMMON_VIEW),
        ("views diverged on who should pay.", ConsensusLevel.OPINIONS_VARIED),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "\u201cThere was broad agreement that fees are too high,\u201d one speaker recalled of the 2009 meeting.",
        "\u201cOperators should share their masts,\u201d a delegate said, quoting the 2012 charter.",
        '"States shall cooperate on spam" is how the 2005 text put it, the moderator recalled.',
    ],
)
def test_words_inside_quotation_marks_are_someone_s_not_the_session_s_outcome(sentence: str) -> None:
    result = importers.import_text(f"Session title: Spam\n\nDiscussion\n\n{sentence}\n", template="generic")
    (session,) = result.sessions
    assert session.findings == ()
    assert session.recommendations == ()
    # the sentence is not lost: it stays in the discussion kept as a section
    assert [section.text for section in session.sections] == [sentence]


@pytest.mark.parametrize(
    "heading", ["Where opinions differed", "Issues where opinions varied", "Points of broad agreement"]
)
def test_a_line_that_only_names_a_level_is_a_heading_not_a_finding(heading: str) -> None:
    text = f"Lakeside minutes\n\n{heading}\n- Whether fees should fund community networks.\n"
    result = importers.import_text(text, template="generic")
    (session,) = result.sessions
    assert [finding.text for finding in session.findings if finding.text == heading] == []


def test_a_line_read_across_a_flattened_table_s_columns_states_no_outcome() -> None:
    row = "14    Spam filters    Security   Opinions differed on    Participants agreed that\n"
    text = f"Lakeside reports\n\n{row}      at home         Rules      who pays for filters    hotlines should merge.\n"
    result = importers.import_text(text, template="generic")
    (session,) = result.sessions
    assert session.findings == ()
    assert session.recommendations == ()


def test_a_time_slot_in_a_list_is_not_a_point_raised() -> None:
    text = "Session title: Agenda\n\nKey issues\n\n- 12:45 - 14:15\n- 09.30 CET\n- Rural access remains costly.\n"
    result = importers.import_text(text, template="generic")
    (session,) = result.sessions
    assert [issue.text for issue in session.key_issues] == ["Rural access remains costly."]
    kept = " ".join(section.text for section in session.sections)
    assert "12:45 - 14:15" in kept
    assert "09.30 CET" in kept
