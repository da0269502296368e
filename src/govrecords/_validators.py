"""The attrs validators that record classes share: text, tuples, counts, codes, hashes, slugs.

One home for each rule, so that two records never check the same kind of value in
two ways, and so that :mod:`govrecords.testing` can read the rule off a field to
draw values that pass it. It imports nothing from govrecords, so any module may use
it; the date fields' validator lives with the dates (``dates.optional_when``).
"""

from __future__ import annotations

import re
from typing import Any

import attrs
from attrs.validators import deep_iterable, instance_of, optional

__all__ = [
    "COUNTRY",
    "SHA256",
    "TOPIC_ID",
    "WholeNumber",
    "country",
    "ids",
    "many",
    "non_empty",
    "opt_str",
    "sha256",
    "topic_id",
]

COUNTRY = re.compile(r"[A-Z]{2}")
"""An ISO 3166-1 alpha-2 code."""
SHA256 = re.compile(r"[0-9a-f]{64}")
"""A SHA-256 in lower-case hex."""
TOPIC_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
"""A topic id: lower-case words of letters and digits joined by hyphens."""


def non_empty(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string with at least one character that is not white space."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{attribute.name} must be a non-empty string, got {value!r}")


def country(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """None, or an ISO 3166-1 alpha-2 code in capitals."""
    if value is not None and (not isinstance(value, str) or COUNTRY.fullmatch(value) is None):
        raise ValueError(f"{attribute.name} must be an ISO 3166-1 alpha-2 code such as 'AZ', got {value!r}")


def sha256(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A SHA-256 written as 64 lower-case hex digits."""
    if not isinstance(value, str) or SHA256.fullmatch(value) is None:
        raise ValueError(f"{attribute.name} must be 64 lower-case hex digits, got {value!r}")


def topic_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """None, or a topic id (a lower-case slug)."""
    if value is not None and (not isinstance(value, str) or TOPIC_ID.fullmatch(value) is None):
        raise ValueError(f"{attribute.name} must be a lower-case slug such as 'privacy', got {value!r}")


@attrs.frozen
class WholeNumber:
    """A validator for an ``int`` (not a bool) of at least *low*; None too when *optional*."""

    low: int
    optional: bool = False

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if type(value) is not int or value < self.low:
            raise ValueError(f"{attribute.name} must be a whole number >= {self.low}, got {value!r}")


def many(kind: type[object]) -> Any:
    """A tuple whose members are all instances of *kind*."""
    return deep_iterable(instance_of(kind), instance_of(tuple))


opt_str: Any = optional(instance_of(str))
"""None, or a string."""
ids: Any = deep_iterable(non_empty, instance_of(tuple))
"""A tuple of identifiers: strings that are not blank."""
