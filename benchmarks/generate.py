"""A seeded generator of realistic forum archives, for the benchmarks.

Each session looks like an IGF workshop report as govrecords holds it: a title,
kind, format, date and place; three to five participants with roles, affiliations,
stakeholder groups and countries; a summary; key issues and policy questions;
findings with a consensus level, topics and the positions of stakeholder groups;
recommendations with addressees and force; topic tags and provenance (source,
span, quote) on the session and on its findings. Texts are drawn from a
Zipf-distributed vocabulary (a few words everywhere, most words rare), with
non-ASCII names, typographic and straight quotes, colons and line breaks, as real
reports have. A session is about 4.5 KiB of compact JSON.

The same seed always gives the same archive, byte for byte.

``evolve`` makes the "after" side of a comparison: the same forum a year later
with a share of sessions changed (a finding's consensus moved, a recommendation
reworded, one added), as when an archive is re-imported after corrections.

    python benchmarks/generate.py --sessions 10000 --out /tmp/archive   # forum.json + sessions.jsonl
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from govrecords import (
    Actor,
    ActorKind,
    ConsensusLevel,
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
    Span,
    StakeholderGroup,
    StakeholderKind,
    Stance,
    Statement,
)
from govrecords.vocabulary import SessionFormat

SEED = 2006  # the first IGF

TOPICS = [
    "security", "cybercrime", "spam", "privacy", "data-governance", "multistakeholder-model",
    "enhanced-cooperation", "role-of-governments", "sovereignty", "intellectual-property",
    "market-concentration", "consumer-protection", "critical-internet-resources", "internet-fragmentation",
    "access-and-inclusion", "development", "multilingualism", "human-rights", "freedom-of-expression",
    "openness", "internet-economy", "interconnection-costs", "internet-governance-principles", "igf-future",
    "emerging-issues", "artificial-intelligence", "environment", "legal-frameworks",
]  # fmt: skip
BASE_WORDS = """internet governance stakeholders multistakeholder policy access security privacy data
rights development capacity infrastructure cooperation dialogue platform regulation standards trust
community digital inclusion innovation openness interoperability cybersecurity frameworks
accountability transparency participation developing countries youth gender content freedom
expression jurisdiction cross-border connectivity broadband affordability local languages users
resilience critical resources names numbers protocols sovereignty fragmentation economy markets
competition consumers protection principles sustainable environment artificial intelligence
algorithms platforms responsibility law enforcement human network neutrality spectrum""".split()  # noqa: SIM905 -- a word list reads best as text
SYLLABLES = "ka lo mi ne ru sa te vo di ga ber tan lin dor mes pal cor vin sul hem".split()  # noqa: SIM905 -- as above
FIRST = ["Ana", "Kuo-Wei", "Jānis", "Nnenna", "Olga", "Raúl", "Mei", "Amadou", "Sofía", "Ivan", "Leïla", "Tomás"]
LAST = ["Wu", "Berziņš", "Nwakanma", "Cavalli", "Echeberría", "Zhang", "Diallo", "Müller", "Kapoor", "Ngugi"]
ORGS = ["ISOC", "ICANN", "ITU", "UNESCO", "Ministry of ICT", "APC", "Google", "Access Now", "RIPE NCC", "Diplo"]
COUNTRIES = ["AZ", "ID", "BR", "KE", "DE", "IN", "US", "MX", "EG", "JP", "TW", "FR", "NG", "LV"]
CITIES = [("Bali", "ID"), ("Baku", "AZ"), ("Nairobi", "KE"), ("Rio de Janeiro", "BR"), ("Paris", "FR")]
LEVELS = [level for level in ConsensusLevel if level is not ConsensusLevel.NOT_DISCUSSED]
GROUPS = [kind for kind in StakeholderKind if kind is not StakeholderKind.UNKNOWN]
WORDINGS = {"common_view": "Issues which reached a common view", "opinions_varied": "Issues where opinions varied"}


class _Words:
    """A Zipf-distributed vocabulary: real words first (most frequent), then made-up rare ones."""

    def __init__(self, rng: random.Random, size: int = 6000) -> None:
        made_up: list[str] = []
        seen = set(BASE_WORDS)
        while len(BASE_WORDS) + len(made_up) < size:
            word = "".join(rng.choices(SYLLABLES, k=rng.randint(2, 4)))
            if word not in seen:
                seen.add(word)
                made_up.append(word)
        self.words = BASE_WORDS + made_up
        self.cumulative: list[float] = []
        total = 0.0
        for rank in range(len(self.words)):
            total += 1 / (rank + 1)
            self.cumulative.append(total)

    def text(self, rng: random.Random, low: int, high: int) -> str:
        picked = rng.choices(self.words, cum_weights=self.cumulative, k=rng.randint(low, high))
        picked[0] = picked[0].capitalize()
        roll = rng.random()
        if roll < 0.2:
            at = rng.randrange(len(picked))
            picked[at] = f"“{picked[at]}”"  # typographic quotes, as real reports have
        elif roll < 0.25:
            at = rng.randrange(len(picked))
            picked[at] = f'"{picked[at]}"'  # and straight ones, escaped in JSON
        elif roll < 0.3:
            picked[0] += ":"  # "Theme: ...", "Note: ..."
        text = " ".join(picked) + "."
        return text + "\n" + self.text(rng, low, high) if roll > 0.97 else text  # a second paragraph


def _provenance(rng: random.Random, text: str, source: str, field: str | None = None) -> Provenance:
    start = rng.randrange(200_000)
    quote = text[: rng.randint(20, 60)]
    return Provenance(source, Span(start, start + len(quote)), quote, field)


def _actor(rng: random.Random) -> Actor:
    kind = rng.choice(GROUPS)
    return Actor(ActorKind.STAKEHOLDER_GROUP, stakeholder=StakeholderGroup(kind, kind.value.replace("_", " ")))


def _session(rng: random.Random, words: _Words, forum: str, year: int, number: int) -> Session:
    source = f"{forum}-report-{number}"
    city, country = rng.choice(CITIES)
    participants = tuple(
        Participant(
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            role=Role.MODERATOR if index == 0 else Role.SPEAKER,
            affiliation=rng.choice(ORGS),
            stakeholder=StakeholderGroup(rng.choice(GROUPS)),
            country=rng.choice(COUNTRIES),
        )
        for index in range(rng.randint(3, 5))
    )
    findings = []
    for index in range(rng.randint(2, 3)):
        text = words.text(rng, 18, 32)
        level = rng.choice(LEVELS)
        findings.append(
            Finding(
                text,
                level,
                consensus_wording=WORDINGS.get(level.value),
                topics=tuple(rng.sample(TOPICS, 2)),
                positions=tuple(
                    Position(_actor(rng), rng.choice(list(Stance)), words.text(rng, 5, 12))
                    for _ in range(rng.randint(1, 2))
                ),
                id=f"finding-{index + 1}",
                provenance=(_provenance(rng, text, source),),
            )
        )
    recommendations = tuple(
        Recommendation(
            words.text(rng, 10, 20),
            number=f"{index + 1})",
            addressees=(_actor(rng),),
            force=rng.choice(list(Force)),
            topics=(rng.choice(TOPICS),),
        )
        for index in range(rng.randint(2, 3))
    )
    summary = words.text(rng, 30, 60)
    title = words.text(rng, 5, 10).rstrip(".")
    return Session(
        id=f"{forum}-ws-{number}",
        title=title,
        forum=forum,
        identifier=f"WS #{number}",
        kind=SessionKind.WORKSHOP,
        format=rng.choice(list(SessionFormat)),
        date=PartialDate(year, rng.randint(9, 12), rng.randint(1, 28)),
        place=Place(city, country),
        participants=participants,
        summary=summary,
        key_issues=(Statement(words.text(rng, 10, 20), topics=(rng.choice(TOPICS),)),),
        policy_questions=tuple(
            Statement(words.text(rng, 8, 16) + "?", number=f"{i + 1}.") for i in range(rng.randint(1, 2))
        ),
        findings=tuple(findings),
        recommendations=recommendations,
        topics=tuple(rng.sample(TOPICS, 3)),
        provenance=(_provenance(rng, title, source), _provenance(rng, summary, source, "summary")),
    )


def sessions(size: int, *, seed: int = SEED, forum: str = "igf-2013", year: int = 2013) -> list[Session]:
    """*size* realistic sessions, the same for the same seed."""
    rng = random.Random(seed)
    words = _Words(random.Random(seed))
    return [_session(rng, words, forum, year, number) for number in range(1, size + 1)]


def archive(size: int, *, seed: int = SEED) -> Forum:
    """A forum of *size* sessions."""
    return Forum(
        id="igf-2013",
        name="Internet Governance Forum 2013",
        series="IGF",
        scope="global",
        edition="8th",
        place=Place("Bali", "ID"),
        dates=PartialDate(2013, 10),
        theme="Building Bridges - Enhancing Multistakeholder Cooperation for Growth and Sustainable Development",
        sessions=tuple(sessions(size, seed=seed)),
    )


def evolve(forum: Forum, *, changed: float = 0.05, seed: int = SEED + 1) -> Forum:
    """*forum* a year later, with a share *changed* of its sessions changed.

    A changed session has one finding's consensus moved, one recommendation
    reworded (a word replaced) and one recommendation added; the rest are the same.
    """
    import attrs

    rng = random.Random(seed)
    words = _Words(random.Random(SEED))
    out: list[Session] = []
    for original in forum.sessions:
        session = original
        if rng.random() < changed:
            findings = list(session.findings)
            findings[0] = attrs.evolve(findings[0], consensus=rng.choice(LEVELS))
            recommendations = list(session.recommendations)
            text = recommendations[0].text.split()
            text[rng.randrange(len(text))] = rng.choice(words.words)
            recommendations[0] = attrs.evolve(recommendations[0], text=" ".join(text))
            recommendations.append(Recommendation(words.text(rng, 10, 20), number=f"{len(recommendations) + 1})"))
            session = attrs.evolve(session, findings=tuple(findings), recommendations=tuple(recommendations))
        out.append(session)
    return attrs.evolve(forum, id="igf-2014", dates=PartialDate(2014, 9), sessions=tuple(out))


def main() -> None:
    """Write an archive as one forum document and as JSON Lines of sessions."""
    from govrecords import dump, write_jsonl

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, required=True, help="a directory; created if missing")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    forum = archive(args.sessions, seed=args.seed)
    dump(forum, args.out / "forum.json", indent=None)
    write_jsonl(forum.sessions, args.out / "sessions.jsonl")
    print(f"wrote {args.out / 'forum.json'} and {args.out / 'sessions.jsonl'} ({args.sessions} sessions)")


if __name__ == "__main__":
    main()
