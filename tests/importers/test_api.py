"""The importers' public API: import_text and import_file, templates, detection, errors, warnings, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

from govrecords import examples, importers
from govrecords.cli import main
from govrecords.errors import ImportFailedError, LimitExceededError, RecordImportWarning, ValidationError
from govrecords.importers import Cue, Label, LinePattern, Template
from govrecords.provenance import MethodKind, Span
from govrecords.records import Forum
from govrecords.serialisation.documents import loads
from govrecords.serialisation.limits import Limits
from govrecords.taxonomy import Topic, default_taxonomy
from govrecords.vocabulary import ConsensusLevel, Force, Role

SEED = examples.source_text("session-report-future-of-internet")

MY_TEMPLATE = Template(
    name="my-minutes",
    description="A national IGF's minutes: 'Meeting:', 'Chaired by:', 'Agreed:'.",
    produces="session",
    labels=(
        Label("title", ("Meeting",)),
        Label("chair", ("Chaired by",)),
        Label("findings", ("Agreed", "Points of agreement")),
        Label("recommendations", ("Actions",)),
    ),
    cues=(Cue("meeting:", 1), Cue("chaired by", 2), Cue("agreed:", 2)),
)
MINUTES = "Meeting: Kenya IGF planning call\nChaired by: Wanjiru Kamau\nAgreed:\n- Broad agreement on a youth track.\n"


def test_detects_the_seed_report_with_full_confidence() -> None:
    """The seed report is detected as the IGF session report, confidence 1, all other templates lower."""
    detections = importers.detect(SEED)
    assert detections[0].template == "igf-session-report"
    assert detections[0].confidence == 1.0
    assert all(d.confidence < 0.5 for d in detections[1:])
    assert [d.confidence for d in detections] == sorted((d.confidence for d in detections), reverse=True)
    result = importers.import_text(SEED, source_id="seed")
    assert (result.template, result.confidence, result.detected) == ("igf-session-report", 1.0, True)


def test_a_named_template_is_used_and_still_scored() -> None:
    """Naming a template skips detection but still reports how well it fits."""
    result = importers.import_text(SEED, template="generic", source_id="seed")
    assert (result.template, result.detected, result.confidence) == ("generic", False, 0.0)
    result = importers.import_text(SEED, template="igf-session-report", source_id="seed")
    assert (result.detected, result.confidence) == (False, 1.0)


def test_provenance_names_the_importer_and_template() -> None:
    """Every provenance entry names the importer, its version and the template, and points into the source."""
    result = importers.import_text(SEED, source_id="seed")
    assert result.source.id == "seed"
    assert result.source.matches(SEED)
    for prov in result.provenance():
        assert prov.source == "seed"
        assert prov.method.kind is MethodKind.IMPORTER
        assert (prov.method.tool, prov.method.template) == ("govrecords.importers", "igf-session-report")
        assert prov.method.version == importers.__dict__.get("__version__", prov.method.version)


def test_topics_come_from_the_taxonomy_given() -> None:
    """A caller's taxonomy tags the records: a topic it adds is found in the text."""
    extra = Topic("community-radio", "Community radio", aliases=("community radio",), broader="media")
    text = "Session Name: Community radio in Africa\nIssues which reached a common view: Community radio works.\n"
    plain = importers.import_text(text, source_id="t").sessions[0]
    mine = importers.import_text(text, source_id="t", taxonomy=default_taxonomy().extend([extra])).sessions[0]
    assert "community-radio" not in plain.all_topics()
    assert mine.topics == ("community-radio",)
    assert "community-radio" in mine.findings[0].topics


def test_text_that_fits_no_template_falls_back_with_a_warning() -> None:
    """Text that fits no template is read with 'generic' and a low-confidence warning, nothing lost."""
    result = importers.import_text("Notes from the hallway\nWe talked about DNS abuse.\n", source_id="notes")
    assert result.template == "generic"
    assert result.confidence < importers.LOW_CONFIDENCE
    codes = [w.code for w in result.warnings]
    assert "low-confidence" in codes
    assert "guessed-title" in codes
    assert result.sessions[0].title == "Notes from the hallway"
    assert result.uncovered() == []


def test_a_template_of_ones_own_without_registering() -> None:
    """A Template passed to import_text is used as given, without touching the registry."""
    result = importers.import_text(MINUTES, template=MY_TEMPLATE, source_id="minutes")
    session = result.sessions[0]
    assert session.title == "Kenya IGF planning call"
    assert [(p.name, p.role) for p in session.participants] == [("Wanjiru Kamau", Role.CHAIR)]
    assert [f.consensus for f in session.findings] == [ConsensusLevel.BROAD_SUPPORT]
    assert "my-minutes" not in {t.name for t in importers.templates()}


def test_registering_a_template_makes_it_detectable() -> None:
    """A registered template is listed, detected when its cues fit best, and can be removed again."""
    importers.register(MY_TEMPLATE)
    try:
        assert importers.get_template("my-minutes") is MY_TEMPLATE
        assert importers.detect(MINUTES)[0].template == "my-minutes"
        assert importers.import_text(MINUTES, source_id="m").template == "my-minutes"
        with pytest.raises(ValueError, match="already registered"):
            importers.register(MY_TEMPLATE)
        importers.register(MY_TEMPLATE, replace=True)
    finally:
        importers.unregister("my-minutes")
    assert "my-minutes" not in {t.name for t in importers.templates()}
    with pytest.raises(KeyError, match="my-minutes"):
        importers.unregister("my-minutes")
    with pytest.raises(ValueError, match="built-in"):
        importers.unregister("generic")
    with pytest.raises(KeyError, match="the templates are"):
        importers.get_template("no-such-template")
    with pytest.raises(TypeError):
        importers.register("generic")  # type: ignore[arg-type]  # a wrong type on purpose: the point of the test


def test_templates_round_trip_through_their_json_form() -> None:
    """Every built-in template reads back from its JSON-ready form unchanged."""
    for template in importers.templates():
        assert Template.from_dict(json.loads(json.dumps(template.to_dict()))) == template


def test_bad_templates_are_refused_with_every_problem() -> None:
    """Unknown keys, unknown fields and malformed patterns are all reported, each with its path."""
    with pytest.raises(ValidationError) as caught:
        Template.from_dict(
            {
                "name": "bad",
                "description": "",
                "produces": "session",
                "colour": "red",
                "labels": [{"field": "nonsense", "aliases": ["X"]}, {"field": "title", "aliases": ["Y"], "extra": 1}],
            }
        )
    paths = {problem.path for problem in caught.value.problems}
    assert {"$.colour", "$.labels[0]", "$.labels[1].extra"} <= paths
    for pattern in ("{title", "no placeholder", "{title}{date}", "{title:colour}", "[{title}"):
        with pytest.raises(ValueError, match="pattern"):
            Template("t", "", "session", patterns=(LinePattern(pattern),))
    with pytest.raises(ValueError, match="not a field"):
        Template("t", "", "session", patterns=(LinePattern("{colour} x"),))
    with pytest.raises(ValueError, match="produces"):
        Template("t", "", "report")


def test_load_template_reads_a_json_file(tmp_path: Path) -> None:
    """A template file is read; a broken one is a ValidationError naming the file."""
    good = tmp_path / "mine.json"
    good.write_text(json.dumps(MY_TEMPLATE.to_dict()), encoding="utf-8")
    assert importers.load_template(good) == MY_TEMPLATE
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"bad\.json"):
        importers.load_template(bad)


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t\u00a0\ufeff\u00ad"])
def test_blank_text_is_an_import_error_at_line_one(text: str) -> None:
    """A blank text cannot be imported: ImportFailedError at line 1, column 1."""
    with pytest.raises(ImportFailedError) as caught:
        importers.import_text(text)
    assert (caught.value.line, caught.value.column) == (1, 1)


def test_a_lone_surrogate_is_an_import_error_with_its_place() -> None:
    """A lone surrogate is not a character: ImportFailedError names its line and column."""
    with pytest.raises(ImportFailedError) as caught:
        importers.import_text("Title: x\nab\ud800c")
    assert (caught.value.line, caught.value.column) == (2, 3)


def test_limits_and_types_are_enforced(tmp_path: Path) -> None:
    """Over-long texts and files raise LimitExceededError; bytes are refused with a pointer to import_file."""
    with pytest.raises(LimitExceededError):
        importers.import_text("x" * 11, limits=Limits(max_bytes=10))
    big = tmp_path / "big.txt"
    big.write_text("x" * 11, encoding="utf-8")
    with pytest.raises(LimitExceededError):
        importers.import_file(big, limits=Limits(max_bytes=10))
    with pytest.raises(TypeError, match="import_file"):
        importers.import_text(b"Title: x")  # type: ignore[arg-type]  # a wrong type on purpose: the point of the test
    with pytest.raises(ImportFailedError, match="cannot be read"):
        importers.import_file(tmp_path / "missing.txt")


def test_invisible_characters_inside_labels_are_read_through() -> None:
    """Non-breaking spaces, soft hyphens, a BOM, CRLF and curly quotes do not hide a label; spans stay exact."""
    text = "\ufeffSession\u00a0Name :\r\nThe \u201cdigital\u201d divide\r\nMod\u00aderator:\r\nAmina Diallo\r\n"
    result = importers.import_text(text, template="igf-session-report", source_id="t")
    session = result.sessions[0]
    assert session.title == "The \u201cdigital\u201d divide"
    assert session.participants[0].name == "Amina Diallo"
    for prov in result.provenance():
        if prov.span is not None:
            assert text[prov.span.start : prov.span.end] == prov.quote


def test_label_variants_are_read_alike() -> None:
    """Numbering, case and a colon moved past the instructions do not change what a label reads."""
    for label in (
        "Key Issues raised (1 sentence per issue):",
        "KEY ISSUES RAISED: (1 sentence per issue)",
        "3. Key Issues raised:",
        "c) key issues raised :",
    ):
        text = f"Session title: Spectrum\n{label}\n- Licences cost too much.\n"
        result = importers.import_text(text, template="igf-2015-workshop-report", source_id="t")
        assert [s.text for s in result.sessions[0].key_issues] == ["Licences cost too much."], label


def test_files_are_decoded_with_a_stated_policy(tmp_path: Path) -> None:
    """UTF-8 with BOM and CRLF keeps every byte's character; invalid bytes are replaced with one warning, or refused."""
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xef\xbb\xbfSession Name:\r\nOpen data\r\nModerator:\r\nAna \xff\xfeSilva\r\n")
    result = importers.import_file(path)
    assert result.text.startswith("\ufeffSession Name:\r\n")
    assert result.source.id == "report"
    (issue,) = [w for w in result.warnings if w.code == "invalid-utf8"]
    assert (issue.line, issue.column) == (4, 5)
    assert "byte 0xff at byte offset 45" in issue.message
    assert result.text[issue.span.start] == "\ufffd"
    assert result.sessions[0].participants[0].name == "Ana \ufffd\ufffdSilva"
    with pytest.raises(ImportFailedError) as caught:
        importers.import_file(path, errors="strict")
    assert (caught.value.line, caught.value.column) == (4, 5)
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Session Name:\nOpen data\n".encode("utf-16"))
    assert importers.import_file(utf16).sessions[0].title == "Open data"


def test_warnings_can_be_issued_as_python_warnings() -> None:
    """Each ImportIssue becomes a RecordImportWarning carrying its line, column and code."""
    result = importers.import_text(SEED, source_id="seed")
    issue = next(w for w in result.warnings if w.code == "duplicate-section")
    assert isinstance(issue.as_warning(), RecordImportWarning)
    assert str(issue).startswith(f"line {issue.line}, column {issue.column}: duplicate-section:")
    with pytest.warns(RecordImportWarning) as record:
        result.warn()
    assert len(record) == len(result.warnings)
    assert any("duplicate-section" in str(warning.message) for warning in record)


def test_seed_recommendations_carry_their_force() -> None:
    """'We strongly suggest :' gives all four numbered recommendations the force URGE."""
    session = importers.import_text(SEED, source_id="seed").sessions[0]
    assert [(r.number, r.force) for r in session.recommendations] == [(f"{n})", Force.URGE) for n in range(1, 5)]


def test_cli_imports_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`govrecords import FILE` prints the forum document; warnings and a summary go to standard error."""
    path = tmp_path / "seed.txt"
    path.write_text(SEED, encoding="utf-8", newline="")
    assert main(["import", str(path)]) == 0
    out, err = capsys.readouterr()
    assert loads(out, Forum).sessions[0].title == "The Future of Internet : Where we go? And how?"
    assert "duplicate-section" in err
    assert "template igf-session-report (detected, confidence 1.00)" in err


def test_cli_writes_a_file_and_reports_failures(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o` writes the document; a named template is used; bad input exits 1 and an unknown template 2."""
    path = tmp_path / "minutes.txt"
    path.write_text("Title: Planning call\nChair: Wanjiru Kamau\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["import", str(path), "--template", "generic", "-o", str(out), "--source-id", "call"]) == 0
    forum = loads(out.read_text(encoding="utf-8"), Forum)
    assert forum.sources[0].id == "call"
    assert "(chosen, confidence" in capsys.readouterr().err
    assert main(["import", str(path), "--template", "nope"]) == 2
    blank = tmp_path / "blank.txt"
    blank.write_text("\n\n", encoding="utf-8")
    assert main(["import", str(blank)]) == 1
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"Title: \xff")
    assert main(["import", str(broken), "--strict-utf8"]) == 1
    assert "line 1, column 8" in capsys.readouterr().err


WORKSHOP_REPORT_2019 = """IGF 2019 WS #123 Community data trusts for smart villages

Organizers
Jane Doe, Civil Society, Western European and Others Group (WEOG)
Kofi Mensah, Technical Community, African Group

Speakers
- Amara Okafor, Private Sector, African Group
- Luis Ferreira, Government, GRULAC

Moderator: Jane Doe

Date: 27 November 2019, 10:30-12:00
Venue: Berlin

Key messages
Participants agreed that villages should own the data their sensors collect.
Opinions differed on whether national regulators should certify data trusts.

Recommendations
1. Governments should fund pilot data trusts in rural districts.
2. The IGF should publish a toolkit on community data governance.
"""


def test_a_workshop_report_in_the_2016_onward_layout_is_one_workshop_report() -> None:
    """Title line with its WS number, organisers and speakers with their groups, key messages, recommendations."""
    result = importers.import_text(WORKSHOP_REPORT_2019, source_id="ws")
    assert result.template == "igf-workshop-report"
    (record,) = result.sessions
    assert (record.title, record.identifier, str(record.date)) == (
        "Community data trusts for smart villages",
        "WS #123",
        "2019-11-27T10:30/2019-11-27T12:00",
    )
    people = {(p.name, p.role.value, p.stakeholder.kind.value if p.stakeholder else None) for p in record.participants}
    assert {
        ("Jane Doe", "organiser", "civil_society"),
        ("Kofi Mensah", "organiser", "technical_community"),
        ("Amara Okafor", "speaker", "private_sector"),
        ("Luis Ferreira", "speaker", "government"),
    } <= people
    assert [f.consensus.value for f in record.findings] == ["common_view", "opinions_varied"]
    assert [r.number for r in record.recommendations] == ["1.", "2."]


def test_an_import_results_tuples_hold_what_they_say() -> None:
    result = importers.import_text("Session Name:\nOpen data\n\nModerator:\nAmina Diallo\n")
    assert result.structure
    assert all(type(span) is Span for span in result.structure)
    assert attrs.evolve(result, structure=(Span(0, 1),)).structure == (Span(0, 1),)
    # checked in C, and what is wrong said as attrs says it
    for wrong in ((Span(0, 1), (0, 1)), [Span(0, 1)], ((0, 1),)):
        with pytest.raises(TypeError, match="'structure' must be"):
            attrs.evolve(result, structure=wrong)
    with pytest.raises(TypeError, match="'warnings' must be"):
        attrs.evolve(result, warnings=("not a warning",))
