"""The attrs validators that record classes share: text, tuples, counts, codes, hashes, slugs.

One home for each rule, so that two records never check the same kind of value in
two ways. A check with a wire rule (non-blank text, a country code, a hash, a topic
id, a count) is made from its constraint in
:mod:`govrecords.serialisation.constraints`, so the schema states exactly what the
record refuses and :mod:`govrecords.testing` can draw values that pass it; the date
fields' validator lives with the dates (``dates.optional_when``).
"""

from __future__ import annotations

from typing import Any

from attrs.validators import deep_iterable, instance_of, optional

from govrecords.serialisation.constraints import COUNT, COUNTRY, NON_BLANK, SHA256, TOPIC_ID

__all__ = [
    "count",
    "country",
    "ids",
    "many",
    "non_empty",
    "opt_count",
    "opt_str",
    "sha256",
    "topic_id",
]

non_empty = NON_BLANK.validator()
"""A string with at least one character that is not white space."""
country = COUNTRY.validator(optional=True)
"""None, or an ISO 3166-1 alpha-2 code in capitals."""
sha256 = SHA256.validator()
"""A SHA-256 written as 64 lower-case hex digits."""
topic_id = TOPIC_ID.validator(optional=True)
"""None, or a topic id (a lower-case slug)."""
count = COUNT.validator()
"""A whole number (not a bool) that is not negative."""
opt_count = COUNT.validator(optional=True)
"""None, or a count."""


def many(kind: type[object]) -> Any:
    """A tuple whose members are all instances of *kind*."""
    return deep_iterable(instance_of(kind), instance_of(tuple))


opt_str: Any = optional(instance_of(str))
"""None, or a string."""
ids: Any = deep_iterable(non_empty, instance_of(tuple))
"""A tuple of identifiers: strings that are not blank."""
