"""What tagging finds and decides: :class:`TopicTag`, :class:`TagDecision`, and the default threshold.

A :class:`TopicTag` is one topic found in a text, with the words that caused it; a
:class:`TagDecision` is what :meth:`~govrecords.taxonomy.Taxonomy.explain_tags` decided
about one matched phrase, kept or not. Both are made by
:class:`~govrecords.taxonomy.Taxonomy`; this module only defines them.
"""

from __future__ import annotations

import attrs
from attrs.validators import instance_of

from govrecords._validators import many as _many
from govrecords._validators import topic_id as _topic_id

__all__ = ["DEFAULT_MIN_CONFIDENCE", "TagDecision", "TopicTag"]

DEFAULT_MIN_CONFIDENCE = 0.5
"""Tags with a lower confidence are left out unless the caller asks for them."""


def _confidence(instance: object, attribute: attrs.Attribute[float], value: object) -> None:
    if type(value) is not float or not 0.0 <= value <= 1.0:
        raise ValueError(f"{attribute.name} must be a number from 0 to 1, got {value!r}")


@attrs.frozen
class TopicTag:
    """One topic found in a text, with the words that caused it.

    Args:
        topic: The topic's id.
        phrase: The words of the text that matched, as written there.
        span: Where they are, as ``[start, end)`` offsets into the tagged text.
        confidence: How sure the tag is, from 0 to 1 (see :class:`Taxonomy`).
        wording: The taxonomy's wording that matched (a label, alias or cue).

    >>> from govrecords.taxonomy import default_taxonomy
    >>> tag = default_taxonomy().tags("We discussed data protection.")[0]
    >>> tag.topic, tag.phrase, tag.span, tag.confidence
    ('privacy', 'data protection', (13, 28), 0.9)
    """

    topic: str = attrs.field(validator=_topic_id)
    phrase: str = attrs.field(validator=instance_of(str))
    span: tuple[int, int] = attrs.field(validator=_many(int))
    confidence: float = attrs.field(validator=_confidence)
    wording: str = attrs.field(default="", validator=instance_of(str))

    def __str__(self) -> str:
        return (
            f"{self.topic}: tagged because of {self.phrase!r} at {self.span[0]}-{self.span[1]} ({self.confidence:.2f})"
        )


@attrs.frozen
class TagDecision:
    """What :meth:`~govrecords.Taxonomy.explain_tags` decided about one matched phrase.

    Args:
        phrase: The words of the text, as written there.
        span: Where they are in the text.
        topic: The topic the words stand for, or None for a name or idiom.
        confidence: The confidence the tag would have (0 for a name or idiom).
        kept: Whether the tag is given.
        reason: Why, in words.
    """

    phrase: str
    span: tuple[int, int]
    topic: str | None
    confidence: float
    kept: bool
    reason: str
    wording: str = ""

    def __str__(self) -> str:
        verdict = "tagged" if self.kept else "not tagged"
        topic = self.topic or "-"
        return f"{self.span[0]}-{self.span[1]} {self.phrase!r} → {topic}: {verdict} ({self.reason})"
