r"""The constraints on field values beyond their type, as JSON Schema keywords the library tests too.

The second half of the wire rules (:mod:`govrecords.serialisation.rules` holds the
value types). A :class:`Constraint` states a check as JSON Schema keywords; the
record classes' validators are made from it (:meth:`Constraint.validator`) and test
a value by those very keywords: a ``pattern`` is searched for, as JSON Schema does,
and a ``minimum`` compared. So the schema refuses exactly what a record refuses.
The schema generator finds a field's constraint on its validator
(:func:`constraint_of`); a validator that states none is accepted only where the
field's type says all it checks (``instance_of`` and the like), else the schema is
not generated.

=============  =================================  ============================
constraint     JSON Schema keywords               fields
=============  =================================  ============================
NON_BLANK      a character that is not a space    identifiers, texts, quotes
COUNTRY        ``^(?:[A-Z]{2})`` to the end       places' countries
SHA256         64 of ``[0-9a-f]``                 sources' content hashes
TOPIC_ID       a lower-case slug                  topic ids and their links
COUNT          ``minimum: 0``, whole              lengths, offsets, counts
WHOLE_NUMBER   (``integer``: the type says it)    a topic's year
=============  =================================  ============================

It imports nothing from govrecords, so that every record module can use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

import attrs

__all__ = [
    "COUNT",
    "COUNTRY",
    "END",
    "NON_BLANK",
    "SHA256",
    "TOPIC_ID",
    "WHOLE_NUMBER",
    "Constraint",
    "ConstraintValidator",
    "constraint_of",
    "whole",
]

END = r"(?![\s\S])"
"""The end of the text, in every regex dialect (Python's ``$`` also matches before a final newline)."""


def whole(pattern: str) -> str:
    """*pattern* anchored to match a whole text, as a JSON Schema ``pattern``."""
    return f"^(?:{pattern}){END}"


# ---------------------------------------------------------------------------
# Constraints.


def _read_only(keywords: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType(dict(keywords))


@attrs.frozen
class Constraint:
    """A check on a field's value, stated as JSON Schema keywords that the library tests too.

    Args:
        keywords: ``pattern`` (searched for in a string) and/or ``minimum`` (of a
            whole number).
        kind: The Python type the value must be: ``str`` (or a subclass), or
            ``int`` exactly (a bool is refused).
        message: What a bad value is said to break, after the field's name
            ("must be 64 lower-case hex digits").
        error: The exception a bad value raises.
    """

    keywords: Mapping[str, Any] = attrs.field(converter=_read_only)
    kind: type
    message: str
    error: type[Exception] = ValueError
    _regex: re.Pattern[str] | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        pattern = self.keywords.get("pattern")
        object.__setattr__(self, "_regex", None if pattern is None else re.compile(pattern))

    def holds(self, value: object) -> bool:
        """Whether *value* passes: of the kind, matching the pattern, at least the minimum."""
        if self.kind is str:
            return isinstance(value, str) and (self._regex is None or self._regex.search(value) is not None)
        if type(value) is not self.kind:
            return False
        minimum = self.keywords.get("minimum")
        return minimum is None or cast("int", value) >= minimum

    @property
    def search(self) -> Callable[[str], object] | None:
        """The pattern's search, which a string passes when it finds something; None without a pattern."""
        return None if self._regex is None else self._regex.search

    def validator(self, *, optional: bool = False) -> ConstraintValidator:
        """The attrs validator testing this constraint (letting None through if *optional*)."""
        return ConstraintValidator(self, optional=optional)


@attrs.frozen
class ConstraintValidator:
    """An attrs validator made from a :class:`Constraint`, which the schema generator reads off it."""

    constraint: Constraint
    optional: bool = False

    def __call__(self, instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        """Raise ``ValueError``, naming the field, if *value* breaks the constraint."""
        if value is None and self.optional:
            return
        if not self.constraint.holds(value):
            raise self.constraint.error(f"{attribute.name} {self.constraint.message}, got {value!r}")


def _non_blank_pattern() -> str:
    # "Not blank" as str.strip() means it: one character that str.isspace() does not
    # count as white space. Listed explicitly, because regex dialects disagree on \s.
    spaces = [code for code in range(0x3001) if chr(code).isspace()]
    ranges: list[tuple[int, int]] = []
    for code in spaces:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    parts = "".join(f"\\u{low:04x}" if low == high else f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)
    return f"[^{parts}]"


NON_BLANK = Constraint({"pattern": _non_blank_pattern()}, str, "must be a non-empty string")
"""A text with at least one character that is not white space (identifiers, quotes)."""
COUNTRY = Constraint({"pattern": whole("[A-Z]{2}")}, str, "must be an ISO 3166-1 alpha-2 code such as 'AZ'")
"""An ISO 3166-1 alpha-2 country code, in capitals."""
SHA256 = Constraint({"pattern": whole("[0-9a-f]{64}")}, str, "must be 64 lower-case hex digits")
"""A SHA-256 content hash, in lower-case hex."""
TOPIC_ID = Constraint(
    {"pattern": whole("[a-z0-9]+(?:-[a-z0-9]+)*")}, str, "must be a lower-case slug such as 'privacy'"
)
"""A topic id, lower-case words of letters and digits joined by hyphens."""
WHOLE_NUMBER = Constraint({}, int, "must be a whole number or None", TypeError)
"""A whole number, not a bool, or None; the schema's ``integer`` type says all of it."""
COUNT = Constraint({"minimum": 0}, int, "must be a whole number >= 0")
"""A count or an offset, a whole number that is not negative."""


def constraint_of(validator: object) -> Constraint | None:
    """The constraint a validator was made from, or None."""
    return validator.constraint if isinstance(validator, ConstraintValidator) else None
