"""People read wherever a document names them in a role: labels, prose, transcript turns.

The documents here are invented, in the layouts real forum pages use.
"""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

from govrecords import importers
from govrecords.importers._names import is_organisation, is_person_name, name_run
from govrecords.importers._people_values import items
from govrecords.importers._role_labels import plausible, read_role_label
from govrecords.records import Participant
from govrecords.vocabulary import Role, StakeholderKind


def _people(text: str, template: str = "generic") -> list[Participant]:
    result = importers.import_text(text, template=template)
    found: list[Participant] = []
    for session in result.forum.sessions:
        found.extend(session.participants)
    for workshop in result.forum.workshops:
        found.extend(workshop.organisers)
    for person in found:  # every person carries the words it was read from
        for prov in person.provenance:
            assert prov.span is not None
            assert result.text[prov.span.start : prov.span.end] == prov.quote
    return found


def _by_name(people: list[Participant]) -> dict[str, Participant]:
    return {person.name: person for person in people}


def test_names_have_the_shape_of_names() -> None:
    for name in (
        "Odile van der Berg",
        "Tiago da Costa",
        "Zoë Ånström",
        "Kwabena Mensah-Bonsu",
        "Seán O'Rourke",
        "J. R. Talbot",
        "Hamid al-Rashed",
    ):
        assert is_person_name(name), name
    for not_name in (
        "|",
        "Family name / Surname",
        "Round Table",
        "Civil Society",
        "Provide the names of the panel",
        "Lakeside Radio Network",
        "Description of the session",
        "Have you",
        "of Senegal",
    ):
        assert not is_person_name(not_name), not_name


def test_organisations_are_not_people_but_may_organise() -> None:
    assert is_organisation("Government of Veldoria")
    assert is_organisation("Harbour Data Institute")
    assert not is_organisation("Please list the organisers:")
    assert plausible("Harbour Data Institute", Role.ORGANISER)
    assert not plausible("Harbour Data Institute", Role.SPEAKER)


def test_role_labels_outside_the_template_list() -> None:
    assert read_role_label("Co-Proposer's Name") is Role.CO_ORGANISER
    assert read_role_label("Organizer 2") is Role.ORGANISER
    assert read_role_label("Onsite Moderator") is Role.MODERATOR
    assert read_role_label("Online moderator") is Role.REMOTE_MODERATOR
    assert read_role_label("Rapporteur/Notetaker") is Role.RAPPORTEUR
    assert read_role_label("Provide the names and affiliations of the panellists you will invite") is Role.SPEAKER
    assert read_role_label("Relevance to Theme") is None


def test_several_people_in_one_value() -> None:
    value = "Odile Marchal (Lakeside Lab) and Pavel Rusu (Delta Radio Network)"
    assert [value[a:b] for a, b in items(value, 0, len(value), Role.SPEAKER)] == [
        "Odile Marchal (Lakeside Lab)",
        "Pavel Rusu (Delta Radio Network)",
    ]
    one = "Ministry of Rivers and Lakes of Veldoria"
    assert [one[a:b] for a, b in items(one, 0, len(one), Role.ORGANISER)] == [one]


def test_name_run_in_prose() -> None:
    line = "The forum was chaired by H.E. Mr. Ilir Daka, Minister of Transport, Government of Veldoria."
    span = name_run(line, line.index("H.E."), len(line))
    assert span is not None
    assert line[span[0] : span[1]] == "Ilir Daka"


def test_labels_anywhere_bullets_and_wrapped_affiliations() -> None:
    text = (
        "Session on harbour data\n\n"
        "Organizer 1: Odile Marchal, Lakeside Lab\n"
        "Co-Proposer's Name: Pavel Rusu\n\n"
        "Speakers:\n"
        "\u2022 Dr. Amara Sesay, Centre for Port Studies, University of\n"
        "Upper Velda, Academia\n"
        "\u2022 Ms Ines Roux, Delta Shipping Ltd, Private Sector\n\n"
        "Onsite Moderator: Tomas Ek\n"
    )
    people = _by_name(_people(text))
    assert people["Odile Marchal"].role is Role.ORGANISER
    assert people["Odile Marchal"].affiliation == "Lakeside Lab"
    assert people["Pavel Rusu"].role is Role.CO_ORGANISER
    assert people["Amara Sesay"].affiliation == "Centre for Port Studies, University of Upper Velda"
    assert people["Amara Sesay"].stakeholder is not None
    assert people["Amara Sesay"].stakeholder.kind is StakeholderKind.ACADEMIA
    assert people["Ines Roux"].role is Role.SPEAKER
    assert people["Tomas Ek"].role is Role.MODERATOR


def test_flattened_labels_do_not_leak_into_affiliations() -> None:
    text = "Focal point: Nadia Berg, Fjord Youth Forum  Reporter: Lars Holt  Online moderator: Eva Lind\n"
    people = _by_name(_people(text))
    assert people["Nadia Berg"].affiliation == "Fjord Youth Forum"
    assert people["Nadia Berg"].role is Role.FOCAL_POINT
    assert people["Lars Holt"].role is Role.RAPPORTEUR
    assert people["Eva Lind"].role is Role.REMOTE_MODERATOR


def test_people_in_prose() -> None:
    text = (
        "Harbour Forum 2031\n\n"
        "The meeting was organised by the Velda Ports Council and the Government of Veldoria. "
        "It was chaired by Eng. Ruth Obi, Director General, Velda Ports Council, and the moderator "
        "(Ms. Ana Lupu, Delta Radio Network) kept time.\n"
    )
    people = _by_name(_people(text))
    assert people["Velda Ports Council"].role is Role.ORGANISER
    government = people["Government of Veldoria"]
    assert government.role is Role.ORGANISER
    assert government.stakeholder is not None
    assert government.stakeholder.kind is StakeholderKind.GOVERNMENT
    assert people["Ruth Obi"].role is Role.CHAIR
    assert people["Ana Lupu"].role is Role.MODERATOR
    assert people["Ana Lupu"].affiliation == "Delta Radio Network"


def test_transcript_turns_name_speakers_and_the_moderator() -> None:
    text = (
        "ROUGH EDITED COPY\n\n"
        ">> MODERATOR:  We are starting now.\n\n"
        ">> NADIA BERG:  Thank you.  I am Nadia Berg from the Fjord Youth Forum and I will moderate today.\n\n"
        ">> PAVEL RUSU:  Thanks, Nadia.  Our network has two hundred users.\n\n"
        ">> AUDIENCE:  (Off microphone).\n\n"
        ">> NADIA BERG:  Thank you, Pavel.\n"
    )
    people = _by_name(_people(text))
    assert set(people) == {"NADIA BERG", "PAVEL RUSU"}
    assert people["NADIA BERG"].role is Role.MODERATOR
    assert people["NADIA BERG"].affiliation == "Fjord Youth Forum"
    assert people["PAVEL RUSU"].role is Role.SPEAKER


def test_form_instructions_and_rules_are_not_people() -> None:
    text = (
        "Workshop proposal\n\n"
        "Speakers:\n"
        "Please provide the names of the speakers here.\n\n"
        "Moderator: |\n"
        "Rapporteur: Family name / Surname\n"
    )
    assert _people(text) == []


_WORDS = st.sampled_from(
    [
        "Ana",
        "Lupu",
        "van",
        "der",
        "Berg",
        "Ruth",
        "Obi",
        "the",
        "Council",
        "of",
        "Velda",
        "Ms.",
        "Dr.",
        ",",
        "and",
        "(",
        ")",
        "|",
        "Network",
        "Zoë",
        "O'Neill",
        "said",
        "chaired",
        "by",
        "\n",
        "NADIA",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=18))
def test_a_recognised_name_is_always_the_text_at_its_span(words: list[str]) -> None:
    text = " ".join(words)
    for start in range(len(text) + 1):
        span = name_run(text, start, len(text))
        if span is None:
            continue
        assert 0 <= span[0] < span[1] <= len(text)
        found = text[span[0] : span[1]]
        assert found.strip() == found
        assert is_person_name(found)


def test_a_contact_block_gives_one_contact_with_its_family_name() -> None:
    text = (
        "Workshop proposal form\n\n"
        "1. Primary contact information: a. Ms. / Mr. Mr. b. First name Oskar c. Family name / Surname Lindahl "
        "d. City Umea h. Stakeholder group Technical Community i. Organizational affiliation Northern Mesh Lab\n"
        "2. Workshop title: Mesh networks in the far north\n"
    )
    (person,) = [p for p in _people(text) if p.role is Role.CONTACT]
    assert person.name == "Oskar Lindahl"
    assert person.affiliation == "Northern Mesh Lab"
    assert person.stakeholder is not None
    assert person.stakeholder.kind is StakeholderKind.TECHNICAL_COMMUNITY
    assert {prov.quote for prov in person.provenance if prov.field == "name"} == {"Oskar", "Lindahl"}


def test_members_present_take_the_role_their_parenthesis_names() -> None:
    text = (
        "Steering committee minutes\n\n"
        "Present: Wanza Mutua (Chair, Digital Access Office), Kofi Mensah (Private Sector), Lena Ekholm (Academia)\n"
        "Minutes taken by: Kofi Mensah\n"
    )
    people = _people(text)
    roles = {(p.name, p.role) for p in people}
    # a member present who is named in a role elsewhere is that role, not a second, bare entry
    assert roles == {("Wanza Mutua", Role.CHAIR), ("Kofi Mensah", Role.RAPPORTEUR), ("Lena Ekholm", Role.PARTICIPANT)}
    chair = _by_name(people)["Wanza Mutua"]
    assert chair.affiliation == "Digital Access Office"


def test_a_row_naming_only_groups_names_nobody() -> None:
    text = (
        "Workshop page\n\n"
        "Organizer 1: Civil Society, Asia-Pacific Group\n"
        "Organizer 2: Harbour Data Institute, Academia\n"
    )
    people = _people(text)
    assert [p.name for p in people] == ["Harbour Data Institute"]
    assert people[0].stakeholder is not None
    assert people[0].stakeholder.kind is StakeholderKind.ACADEMIA


def test_a_label_followed_by_its_instructions_reads_the_list_below() -> None:
    text = (
        "Session page\n\n"
        "Organising Team (Org Team) List the team members here as they join.\n\n"
        "  \u2022 Mirela Popa\n"
        "  \u2022 Jonas Aalto\n\n"
        "Moderator\n\n"
        "  \u2022 Ines Roux, Delta Shipping Ltd\n"
    )
    roles = {(p.name, p.role) for p in _people(text)}
    assert roles == {("Mirela Popa", Role.ORGANISER), ("Jonas Aalto", Role.ORGANISER), ("Ines Roux", Role.MODERATOR)}


def test_a_trailing_city_is_not_part_of_the_affiliation() -> None:
    text = "Speakers:\nMr. Arvid Stolt, Baltic Cable Forum, Tallinn\nMs. Rita Okoro, Lagos Data Trust (Civil Society)\n"
    people = _by_name(_people(text))
    assert people["Arvid Stolt"].affiliation == "Baltic Cable Forum"
    assert people["Rita Okoro"].affiliation == "Lagos Data Trust"
    assert people["Rita Okoro"].stakeholder is not None
    assert people["Rita Okoro"].stakeholder.kind is StakeholderKind.CIVIL_SOCIETY


def test_a_titled_speaker_with_an_organisation_in_a_report_sentence() -> None:
    text = (
        "Open consultations: summary report\n\n"
        "1. The meeting took place online. Mr. Amos Kirui moderated the meeting. "
        "Ms. Selin Aydin, Ministry of Transport of Veldoria, noted that rural coverage had doubled. "
        "Ms. Aydin described the new tender.\n"
    )
    roles = {(p.name, p.role, p.affiliation) for p in _people(text)}
    assert roles == {
        ("Amos Kirui", Role.MODERATOR, None),
        ("Selin Aydin", Role.SPEAKER, "Ministry of Transport of Veldoria"),
    }


def test_a_form_tip_between_a_label_and_its_list_is_skipped() -> None:
    text = (
        "Session page\n\n"
        "Key Participants\n\n"
        "Until 3 May. Please provide name and institution of each key participant.\n\n"
        "  \u2022 Aleksi Salo, Ministry of Finance, Finland\n"
        "  \u2022 Noor van Dijk\n"
    )
    people = _by_name(_people(text))
    assert set(people) == {"Aleksi Salo", "Noor van Dijk"}
    assert people["Aleksi Salo"].affiliation == "Ministry of Finance"
    assert people["Aleksi Salo"].country == "Finland"
    assert people["Noor van Dijk"].role is Role.SPEAKER


def test_a_numbered_form_question_without_a_colon_and_dashed_rows() -> None:
    text = (
        "Workshop proposal\n\n"
        "10. Name, stakeholder group, and organizational affiliation of each panelist/speaker\n"
        "Ms. Efua Asare \u2013 Government \u2013 Coastal Spectrum Office; "
        "Mr. Ivo Brandt \u2013 Private Sector \u2013 Skylane Ltd\n"
    )
    people = _by_name(_people(text))
    assert set(people) == {"Efua Asare", "Ivo Brandt"}
    assert people["Efua Asare"].affiliation == "Coastal Spectrum Office"
    assert people["Efua Asare"].stakeholder is not None
    assert people["Efua Asare"].stakeholder.kind is StakeholderKind.GOVERNMENT
    assert people["Ivo Brandt"].role is Role.SPEAKER


def test_a_schedule_export_proposer_organisation_and_raw_comma_row() -> None:
    text = (
        "Schedule\n\n"
        "Proposer's Name: Ms. Dalia Mansour\n"
        "Proposer's Organization: Levant Trade Lab\n"
        "Ms.,Kerstin,LUNDQVIST,Academia,Uppsala School of Commerce\n"
    )
    people = _by_name(_people(text))
    assert people["Dalia Mansour"].role is Role.ORGANISER
    assert people["Dalia Mansour"].affiliation == "Levant Trade Lab"
    row = people["Kerstin LUNDQVIST"]
    assert row.role is Role.CO_ORGANISER
    assert row.affiliation == "Uppsala School of Commerce"
    assert row.stakeholder is not None
    assert row.stakeholder.kind is StakeholderKind.ACADEMIA


def test_turns_in_capitals_without_chevrons() -> None:
    text = (
        "Main session transcript\n\n"
        "KEY ISSUES: none recorded\n"
        "LINA HADDAD: Good morning. I will be moderating this session.\n"
        "OMAR FARES: Thank you, Lina.\n"
        "LINA HADDAD: Thank you, Omar.\n"
    )
    roles = {(p.name, p.role) for p in _people(text)}
    assert roles == {("LINA HADDAD", Role.MODERATOR), ("OMAR FARES", Role.SPEAKER)}


def test_a_job_joined_by_and_is_not_a_second_person() -> None:
    text = (
        "Session title: Rural broadband\n"
        "Speakers:\n"
        "Ms. Rukia Nyambura, Founding Member and Executive Director, Hillside Connect, Kenya\n"
        "Pavel Horak, Senior Advisor on Global and Regional Policy, Danube Forum\n"
    )
    people = _people(text)
    assert sorted(p.name for p in people) == ["Pavel Horak", "Rukia Nyambura"]
    for job in ("Executive Director", "Regional Policy", "Senior Advisor", "Chief Policy Officer"):
        assert not is_person_name(job), job


def _import(text: str) -> importers.ImportResult:
    return importers.import_text(text, template="generic", source_id="s")


def test_a_one_line_role_value_ends_at_the_blank_line_below_it() -> None:
    text = (
        "Harbour Forum 2031 programme\n\n"
        "Session title: Cables under the sea\n"
        "Moderator: Ines Carvalho, Senior Advisor, Ministry of Ports\n\n"
        "\u00b7 Ruben Alvarez, President, Cable Owners Association\n\n"
        "\u00b7 Mei Tanaka, Professor, Bay University\n"
    )
    result = _import(text)
    (session,) = result.sessions
    # the panel below is not lost: its people are read with their jobs, their role left unsaid, with a warning
    assert [(p.name, p.role, p.title) for p in session.participants] == [
        ("Ines Carvalho", Role.MODERATOR, "Senior Advisor"),
        ("Ruben Alvarez", None, "President"),
        ("Mei Tanaka", None, "Professor"),
    ]
    assert sum(w.code == "guessed-value" and "read with no role" in w.message for w in result.warnings) == 2


def test_a_value_under_its_label_still_runs_past_a_blank_line() -> None:
    text = (
        "Session title: Cables under the sea\nSpeakers:\n\n"
        "Ruben Alvarez, Cable Owners Association\nMei Tanaka, Bay University\n"
    )
    names = [p.name for p in _import(text).sessions[0].participants if p.role is Role.SPEAKER]
    assert names == ["Ruben Alvarez", "Mei Tanaka"]


def test_a_role_label_the_template_does_not_know_gives_its_own_role() -> None:
    text = (
        "Session title: Data and dragons\n"
        "Organized by: Tomas Vikberg \u2013 Policy Lead, Northwind Institute\n"
        "Moderated by: Lina Osei \u2013 Programme Officer, Northwind Institute\n"
    )
    roles = {p.name: p.role for p in _import(text).sessions[0].participants}
    assert roles == {"Tomas Vikberg": Role.ORGANISER, "Lina Osei": Role.MODERATOR}


_NAMES = st.builds(
    lambda first, last: f"{first} {last}",
    st.sampled_from(["Amara", "Bruno", "Chiara", "Dmitri", "Esi", "Farid", "Greta", "Hiro"]),
    st.sampled_from(["Okafor", "Lindqvist", "Moreau", "Tanaka", "Haddad", "Novak", "Quispe", "Roux"]),
)


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(["Moderator", "Chair", "Rapporteur", "Remote Moderator"]),
    _NAMES,
    st.lists(_NAMES, min_size=1, max_size=4, unique=True),
    st.sampled_from(["\u00b7 ", "- ", "", "* "]),
)
def test_nobody_below_a_blank_line_takes_a_one_line_label_s_role(
    label: str, named: str, panel: list[str], marker: str
) -> None:
    panel = [name for name in panel if name != named]
    body = "\n\n".join(f"{marker}{name}, Harbour Lab" for name in panel)
    text = f"Session title: Ports and packets\n{label}: {named}, Harbour Lab\n\n{body}\n"
    result = _import(text)
    (session,) = result.sessions
    role = read_role_label(label)
    assert [p.name for p in session.participants if p.role is role] == [named]
    # nothing lost, nothing claimed: each of the panel is read with no role
    assert [p.name for p in session.participants if p.role is None] == panel


def test_a_comma_list_ending_in_and_gives_every_member() -> None:
    text = (
        "Session title: Cables under the sea\n"
        "Organizers: ITU, UNESCO, UNDP and UNCTAD\n"
        "Speakers: Ruben Alvarez, Mei Tanaka and Ines Carvalho\n"
    )
    people = _import(text).sessions[0].participants
    assert [(p.name, p.role, p.affiliation) for p in people] == [
        ("ITU", Role.ORGANISER, None),
        ("UNESCO", Role.ORGANISER, None),
        ("UNDP", Role.ORGANISER, None),
        ("UNCTAD", Role.ORGANISER, None),
        ("Ruben Alvarez", Role.SPEAKER, None),
        ("Mei Tanaka", Role.SPEAKER, None),
        ("Ines Carvalho", Role.SPEAKER, None),
    ]


def test_a_bare_heading_below_a_one_line_role_value_is_not_a_person() -> None:
    text = "Session title: Cables under the sea\nRapporteur: Ines Carvalho, Port Lab\n\nOcean Futures\n"
    result = _import(text)
    (session,) = result.sessions
    assert [p.name for p in session.participants] == ["Ines Carvalho"]
    assert [section.text for section in session.sections] == ["Ocean Futures"]


def test_a_labelled_line_under_an_entry_is_its_attribute_never_a_name() -> None:
    text = (
        "IGF 2031 Open Forum #27 Lantern data for all\n\n"
        "Organizers\n"
        "Ministry of Lanterns\n"
        "Organizational Affiliation: Ministry of Lanterns, Freedonia\n"
        "Stakeholder: Government\n\n"
        "Speakers\n"
        "Ada Quill\n"
        "Organizational Affiliation: Lantern Research Institute\n"
    )
    people = _import(text).sessions[0].participants
    assert all(":" not in p.name for p in people)
    by_name = _by_name(people)
    assert by_name["Ministry of Lanterns"].stakeholder is not None
    assert by_name["Ministry of Lanterns"].stakeholder.kind is StakeholderKind.GOVERNMENT
    assert by_name["Ministry of Lanterns"].affiliation is None  # not affiliated with itself
    assert by_name["Ada Quill"].affiliation == "Lantern Research Institute"


def test_a_value_that_ends_its_line_with_a_comma_goes_on_on_the_next() -> None:
    text = (
        "Session title: Lanterns\n"
        "Moderator: Jan Vos,\n"
        "Senior Fellow Peace Studies, Harbour Foundation\n"
        "Rapporteur: Eva Lind, Harbour Polytechnic\n"
    )
    people = _import(text).sessions[0].participants
    assert [(p.name, p.role, p.title, p.affiliation) for p in people] == [
        ("Jan Vos", Role.MODERATOR, "Senior Fellow Peace Studies", "Harbour Foundation"),
        ("Eva Lind", Role.RAPPORTEUR, None, "Harbour Polytechnic"),
    ]


def test_a_role_named_in_prose_reaches_only_to_the_next_role_of_the_sentence() -> None:
    text = (
        "Session title: Lanterns\n\n"
        "The session was chaired by Ms. Ada Quill, Director of the Lantern Office, and moderated by "
        "Mr. Jan Vos, of Harbour Lab, and Ms. Eva Lind of Port Radio.\n"
    )
    roles = {p.name: p.role for p in _import(text).sessions[0].participants}
    assert roles == {"Ada Quill": Role.CHAIR, "Jan Vos": Role.MODERATOR, "Eva Lind": Role.MODERATOR}


@pytest.mark.parametrize("status", ["confirmed", "provisionally confirmed", "invited", "to be confirmed"])
def test_a_role_label_may_state_its_list_s_status(status: str) -> None:
    text = f"Session title: Lanterns\n\nSpeakers {status}:\n- Ada Quill, Harbour Lab\n- Jan Vos, Port Radio\n"
    people = _import(text).sessions[0].participants
    assert [(p.name, p.role, p.affiliation) for p in people] == [
        ("Ada Quill", Role.SPEAKER, "Harbour Lab"),
        ("Jan Vos", Role.SPEAKER, "Port Radio"),
    ]
