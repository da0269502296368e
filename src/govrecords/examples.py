"""The bundled example records: the two seed documents govrecords started from.

Both were built by hand from their texts (see ``tools/build_examples.py`` in the
source tree), and both texts are bundled verbatim as their provenance sources:

``"future-of-internet"``
    A session report, "The Future of Internet : Where we go? And how?", from a forum
    the text does not name, whose summary "will be reported to the IGF Baku". The
    forum's dates are only a bound (no later than the close of IGF 2012). The
    report's findings are one per paragraph of its "Issues which reached a common
    view" and "Issues where opinions varied" sections, with the positions each
    paragraph states, and its four numbered recommendations.

``"enhanced-cooperation-bali-2013"``
    A workshop announced for IGF 2013 Bali, 24 October 2013: the premises and
    obstacles its background raises, its five policy questions and its format.

>>> from govrecords import examples
>>> examples.names()
('future-of-internet', 'enhanced-cooperation-bali-2013')
>>> forum = examples.load("future-of-internet")
>>> [finding.consensus.value for finding in forum.sessions[0].findings]
['common_view', 'opinions_varied', 'opinions_varied']
"""

from __future__ import annotations

import functools
from importlib import resources

from govrecords.records import Forum

__all__ = ["describe", "load", "names", "source_text"]

_NAMES = ("future-of-internet", "enhanced-cooperation-bali-2013")


def names() -> tuple[str, ...]:
    """The names of the bundled examples, oldest first."""
    return _NAMES


@functools.cache
def load(name: str) -> Forum:
    """Load a bundled example: a :class:`~govrecords.records.Forum` with its source documents.

    Args:
        name: One of :func:`names`.

    Raises:
        KeyError: No example has that name (the message lists the names).
    """
    if name not in _NAMES:
        raise KeyError(f"no example named {name!r}; the examples are {', '.join(_NAMES)}")
    from govrecords.serialisation.documents import loads  # here for start-up speed: it imports cattrs

    text = resources.files("govrecords").joinpath(f"data/examples/{name}.json").read_text("utf-8")
    return loads(text, Forum)


@functools.cache
def source_text(source_id: str) -> str:
    """The verbatim text of a bundled source document, by its id.

    >>> source_text("workshop-enhanced-cooperation-bali-2013")[:48]
    'Enhanced Cooperation for Sustainable Development'

    Raises:
        KeyError: No bundled source has that id.
    """
    path = resources.files("govrecords").joinpath(f"data/sources/{source_id}.txt")
    if "/" in source_id or not path.is_file():
        raise KeyError(f"no bundled source document {source_id!r}")
    # Decoded from bytes, not read as text: no newline translation, so spans index it exactly.
    return path.read_bytes().decode("utf-8")


def describe() -> str:
    """A readable summary of both examples: what each record holds, with quotes."""
    lines: list[str] = []
    for name in _NAMES:
        forum = load(name)
        lines.append(f"{forum.name or forum.id} (dates: {forum.dates or 'unknown'})")
        if forum.reports_to:
            lines.append(f"  reports to: {forum.reports_to}")
        for session in forum.sessions:
            lines.append(f"  session {session.id}: {session.title}")
            for finding in session.findings:
                lines.append(f"    [{finding.consensus.value}] topics: {', '.join(finding.topics)}")
                lines.append(f"      \u201c{_clip(finding.text)}\u201d")
            lines.extend(
                f"    recommendation {rec.number} ({rec.force_wording}): {_clip(rec.text)}"
                for rec in session.recommendations
            )
        for workshop in forum.workshops:
            lines.append(f"  workshop {workshop.id}: {workshop.title} ({workshop.date})")
            lines.extend(
                f"    policy question {question.number}: {_clip(question.text)}"
                for question in workshop.policy_questions
            )
    return "\n".join(lines)


def _clip(text: str, width: int = 100) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "\u2026"
