"""Build the bundled example records from the two seed documents, by hand.

Every value below was chosen by a person reading the seed texts; this script only
finds each quoted passage in its text (so every span is exact) and writes the
records as JSON package data. Run it after changing a record here:

    python tools/build_examples.py

The outputs are src/govrecords/data/examples/*.json; the seed texts themselves
are bundled verbatim as src/govrecords/data/sources/*.txt.
"""

from __future__ import annotations

import re
from pathlib import Path

from govrecords import (
    Actor,
    ActorKind,
    ConsensusLevel,
    DateRange,
    Finding,
    Force,
    Forum,
    PartialDate,
    Participant,
    Place,
    Position,
    Provenance,
    Recommendation,
    Role,
    Session,
    SessionKind,
    SourceDocument,
    Span,
    Stance,
    Statement,
    Workshop,
    default_taxonomy,
    dump,
)
from govrecords.vocabulary import SessionFormat

DATA = Path(__file__).resolve().parent.parent / "src" / "govrecords" / "data"
TAXONOMY = default_taxonomy()


class Reader:
    """Finds quoted passages in one source text, in reading order."""

    def __init__(self, source_id: str) -> None:
        self.id = source_id
        self.text = (DATA / "sources" / f"{source_id}.txt").read_bytes().decode("utf-8")
        self.cursor = 0

    def at(self, quote: str, field: str | None = None, *, anywhere: bool = False) -> Provenance:
        """The provenance of *quote*; any run of white space in it matches any run in the text.

        The seeds hold tabs and no-break spaces where a reader sees plain spaces, so
        the passage is located by its words and quoted exactly as the text has it.
        """
        pattern = r"\s+".join(re.escape(word) for word in quote.split())
        match = re.compile(pattern).search(self.text, 0 if anywhere else self.cursor)
        if match is None:
            raise ValueError(f"not in {self.id}: {quote[:60]!r}")
        if not anywhere:
            self.cursor = match.start()
        return Provenance(self.id, Span(match.start(), match.end()), match.group(), field)

    def source(self, title: str, note: str) -> SourceDocument:
        return SourceDocument.from_text(self.id, self.text, title=title, note=note)


def tags(text: str) -> tuple[str, ...]:
    return TAXONOMY.tag(text)


def session_report() -> Forum:
    doc = Reader("session-report-future-of-internet")
    text = doc.text
    reports_to = doc.at("will be reported to the IGF Baku", "reports_to")
    title = doc.at("The Future of Internet : Where we go? And how?", "title")
    moderator = doc.at("Kuo-Wei Wu")
    summary = doc.at("as the issue described below.", "summary")

    common_heading = "Issues which reached a common view"
    common_text = (
        "We tried to discuss the issues about \u201cSovereignty, Piracy and IPR, Privacy and Security\u201d as the "
        "article from the \u201cVanity Fair\u201d described. And we also touch the \u201cmonopoly\u2019 issue on the "
        "internet based on functions."
    )
    common = Finding(
        text=common_text,
        consensus=ConsensusLevel.COMMON_VIEW,
        consensus_wording=common_heading,
        topics=tags(common_text),
        id="common-view-1",
        provenance=(doc.at(common_text), doc.at(common_heading, "consensus_wording", anywhere=True)),
    )

    varied_heading = "Issues where opinions varied"
    heading_prov = doc.at(varied_heading, "consensus_wording")
    paragraphs = text[heading_prov.span.end if heading_prov.span else 0 :].split("\n\n")
    first = paragraphs[0].lstrip(": ")
    second = paragraphs[1].strip()
    first_prov = doc.at(first)

    def position(actor: Actor, stance: Stance, claim: str, quote: str) -> Position:
        return Position(actor, stance, claim, topics=tags(claim), provenance=(doc.at(quote, anywhere=False),))

    # Positions are read in the order the paragraph states them; each quote is exact.
    positions_1 = (
        position(
            Actor(ActorKind.PARTICIPANTS, wording="Majority of panelists and audience"),
            Stance.SUPPORTS,
            "dialog among different stakeholders (governments, private sectors, civil societies)",
            "Majority of panelists and audience looking for dialog among different stakeholders",
        ),
        position(
            Actor(ActorKind.AUDIENCE, wording="one audience"),
            Stance.UNDECIDED,
            "asked what the role of government is",
            "There is one audience asking \u201cwhat is the role of government here\u201d?",
        ),
        position(
            Actor(ActorKind.PANEL, wording="no one in the panel"),
            Stance.SUPPORTS,
            "the role of government is not questioned, in treaty organizations or non-traditional "
            "international organizations",
            "no one in the panel questioned about \u201cthe role of government\u201d",
        ),
        position(
            Actor(ActorKind.PARTICIPANTS, wording="we"),
            Stance.SUPPORTS,
            "process is an important outcome of dialog",
            "we believe \u201cprocess\u201d is an important \u201coutcome\u201d of dialog",
        ),
        position(
            Actor(ActorKind.PARTICIPANTS, wording="few"),
            Stance.SUPPORTS,
            "a legal form is needed",
            "few asking for \u201clegal form\u201d",
        ),
    )
    varied_1 = Finding(
        text=first,
        consensus=ConsensusLevel.OPINIONS_VARIED,
        consensus_wording=varied_heading,
        topics=tags(first),
        positions=positions_1,
        id="opinions-varied-1",
        provenance=(first_prov, heading_prov),
    )
    second_prov = doc.at(second)
    positions_2 = (
        position(
            Actor(ActorKind.PARTICIPANTS, wording="We"),
            Stance.OPPOSES,
            "government or treaty policy development without dialog with all the stakeholders, which would "
            "fragment the single interconnected internet space",
            "We recognized the government traditional policy development process or treaty agreement",
        ),
    )
    varied_2 = Finding(
        text=second,
        consensus=ConsensusLevel.OPINIONS_VARIED,
        consensus_wording=varied_heading,
        topics=tags(second),
        positions=positions_2,
        id="opinions-varied-2",
        provenance=(second_prov, heading_prov),
    )

    force = doc.at("We strongly suggest", "force_wording")
    recommendations = []
    for number, body in (
        ("1)", "to continue IGF platform for dialog and communication among different stakeholders,"),
        (
            "2)",
            (
                "to enhance and expand the IGF model into region, nation, and community to recognize \u201cprocess "
                "learning\u201d is an important outcome. Sometime \u201cprocess\u201d is more important than \u201ca "
                "quick under preparation policy decision\u201d."
            ),
        ),
        (
            "3)",
            (
                "any policy making have to consider the possible or potential harm to \u201cthe single "
                "interconnected internet space\u201d"
            ),
        ),
        (
            "4)",
            (
                "No single nation, no single society, no single institution, no single treaty organization can "
                "solve complicated internet governance issues today. We have to bring all together to enhance "
                "communication, dialog, and exchange idea and thru the process to improve or resolve issues we "
                "have today."
            ),
        ),
    ):
        number_prov = doc.at(f"{number} {body}").span
        assert number_prov is not None
        recommendations.append(
            Recommendation(
                text=body,
                number=number,
                force=Force.URGE,
                force_wording="strongly suggest",
                topics=tags(body),
                id=f"recommendation-{number[0]}",
                provenance=(
                    doc.at(body),
                    Provenance(doc.id, Span(number_prov.start, number_prov.start + len(number)), number, "number"),
                    force,
                ),
            )
        )

    session = Session(
        id="future-of-internet",
        title="The Future of Internet : Where we go? And how?",
        forum="unnamed-forum-before-igf-2012",
        participants=(Participant("Kuo-Wei Wu", role=Role.MODERATOR, provenance=(moderator,)),),
        summary="as the issue described below.",
        findings=(common, varied_1, varied_2),
        recommendations=tuple(recommendations),
        topics=tags(title.quote or ""),
        notes=(
            "The report's \u201cIssues where opinions varied\u201d section appears twice, word for word; the "
            "second copy, after the recommendations, adds nothing and is not repeated here. The report names "
            "no speakers other than the moderator, and no date, kind or format for the session."
        ),
        provenance=(Provenance(doc.id, None, None, None), title, summary),
    )
    return Forum(
        id="unnamed-forum-before-igf-2012",
        reports_to="IGF 2012 Baku",
        dates=DateRange(None, PartialDate(2012, 11, 9)),
        sessions=(session,),
        sources=(
            doc.source(
                "Session Report: The Future of Internet : Where we go? And how?",
                "A session report from a forum the text does not name, whose summary is reported to IGF 2012 "
                "Baku. Bundled verbatim as one of govrecords' two seed documents.",
            ),
        ),
        notes=(
            "The text names neither the forum nor its date. It says only that the meeting's summary \u201cwill be "
            "reported to the IGF Baku\u201d (IGF 2012, held 6-9 November 2012), so the forum was held no later "
            "than 9 November 2012: its dates are that bound and nothing more."
        ),
        provenance=(reports_to,),
    )


def workshop_announcement() -> Forum:
    doc = Reader("workshop-enhanced-cooperation-bali-2013")
    title = doc.at("Enhanced Cooperation for Sustainable Development", "title")
    date = doc.at("24 October 2013", "date")
    kind = doc.at("Workshop", "kind")
    theme = doc.at("Enhanced Cooperation", "theme")
    place = doc.at("Bali, Indonesia", "place")
    background_prov = doc.at(
        doc.text[doc.text.index("According to the Tunis Agenda") : doc.text.index("Internet users.") + 15],
        "description",
        anywhere=True,
    )
    background = " ".join((background_prov.quote or "").split())

    def statement(quote: str) -> Statement:
        return Statement(quote, topics=tags(quote), provenance=(doc.at(quote, anywhere=True),))

    issues = (
        statement(
            "enhanced cooperation in the future, to enable governments, on an equal footing, to carry out their "
            "roles and responsibilities, in international public policy issues pertaining to the Internet,"
        ),
        statement("involve all stakeholders in their respective roles"),
        statement(
            "the current multi-stakeholder model of Internet governance has laid a solid basis for enhanced cooperation"
        ),
        statement(
            "the current cooperation model need to be further improved in terms of sustainablity in order to "
            "support global Internet prosperity"
        ),
        statement("the growth of Internet penetration has been slowing down in recent years"),
        statement(
            "Digital divide, online crime, personal information leakage and limited local content have "
            "significantly endangered the online consumer trust."
        ),
        statement("This situation may impede the generation of the next billion Internet users."),
        statement(
            "One fundamental issue we need to address for Internet governance is to transform the minority into "
            "empowered group, users into internet innovators so that the Internet will fuel the economic "
            "transformation and international development in the future."
        ),
    )
    questions = []
    for number, question in enumerate(
        (
            "What are the major obstacles for sustainable Internet development.",
            "What kind of ICT development/cooperation model is unsustainable?",
            (
                "Are there any implications for the Internet infrastructure development or policy-making framework "
                "we can draw from the current sustainability issues?"
            ),
            "How to enhance the current global cooperation model for sustainable Internet development.",
            (
                "How to empower the developing regions, minority and consumers in the future enhanced cooperation "
                "initiatives."
            ),
        ),
        start=1,
    ):
        questions.append(Statement(question, number=str(number), topics=tags(question), provenance=(doc.at(question),)))
    fmt = doc.at("this workshop will be a panel discussion", "format_wording")
    workshop = Workshop(
        id="enhanced-cooperation-bali-2013",
        title="Enhanced Cooperation for Sustainable Development",
        forum="igf-2013",
        kind=SessionKind.WORKSHOP,
        format=SessionFormat.PANEL,
        format_wording="panel discussion",
        theme="Enhanced Cooperation",
        date=PartialDate(2013, 10, 24),
        place=Place(city="Bali", country="ID"),
        description=background,
        issues=issues,
        policy_questions=tuple(questions),
        topics=tags(doc.text[: doc.text.index("\n\n", doc.text.index("Bali"))]),
        notes="Announced before the forum: it raises questions and premises, and reports no outcome.",
        provenance=(
            Provenance(doc.id, None, None, None),
            title,
            date,
            kind,
            theme,
            place,
            fmt,
            background_prov,
        ),
    )
    return Forum(
        id="igf-2013",
        name="IGF 2013",
        series="IGF",
        scope="global",
        edition="2013",
        place=Place(city="Bali", country="ID"),
        dates=DateRange(PartialDate(2013, 10, 22), PartialDate(2013, 10, 25)),
        workshops=(workshop,),
        sources=(
            doc.source(
                "Enhanced Cooperation for Sustainable Development",
                "A workshop announced for IGF 2013 Bali. Bundled verbatim as one of govrecords' two seed documents.",
            ),
        ),
        notes="The forum's dates (22-25 October 2013) are the IGF's published dates; the seed text gives only "
        "the workshop's own date and place.",
        provenance=(place,),
    )


def main() -> None:
    out = DATA / "examples"
    out.mkdir(exist_ok=True)
    dump(session_report(), out / "future-of-internet.json")
    dump(workshop_announcement(), out / "enhanced-cooperation-bali-2013.json")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
