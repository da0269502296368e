"""The domain rules :func:`~govrecords.checks.check` applies, and the :class:`Issue` each finding is.

Reading a document checks types, enums, dates and keys. :func:`~govrecords.checks.check` goes
further, across records and across documents: identifiers used twice, references
to topics, workshops or sources that are not there, provenance spans that fall
outside their source, sessions dated outside their forum, and a workshop report
that disagrees with its proposal.

Each :class:`Issue` names a rule by a stable identifier (``GR101``), has a
:class:`Severity`, and says where it is with the same JSON paths as
:class:`~govrecords.errors.ValidationError` (``$.record.sessions[2].id``).
Errors are contradictions or dangling references; warnings are disagreements
that real records sometimes hold on purpose (a proposal renamed or rescheduled
before it was held, a pre-event held the day before its forum).

The rules (:data:`RULES`):

=========  ============================  ========  =====================================================
rule       name                          severity  what it finds
=========  ============================  ========  =====================================================
GR101      duplicate-id                  error     two sessions, workshops, sources, findings or
                                                   recommendations with one id in the same record
GR102      id-clash                      error     one id, two different records, in two documents
GR103      repeated-record               warning   the same record stored twice, in two documents
GR201      unknown-topic                 error     a topic id not in the taxonomy
GR202      unknown-proposal              error     a session's ``proposal`` names no workshop given
GR203      unknown-source                error     a provenance ``source`` names no source given
GR204      forum-mismatch                error     a session or workshop inside a forum names another forum
GR301      span-outside-source           error     a span ends past the end of its source text
GR302      quote-mismatch                error     a span does not hold its quote
GR303      source-text-mismatch          error     a text given for a source is not that source's text
GR304      unknown-provenance-field      error     provenance names a field its record does not have
GR401      date-outside-forum            error     a session or workshop dated entirely outside its forum
GR402      date-at-forum-edge            warning   dated partly outside its forum, or a pre-event outside
GR403      report-title-differs          warning   a report's title is not its proposal's title
GR404      report-date-differs           warning   a report's date does not fall on its proposal's date
=========  ============================  ========  =====================================================
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

__all__ = ["RULES", "Issue", "Rule", "Severity"]


class Severity(enum.Enum):
    """How serious an :class:`Issue` is."""

    ERROR = "error"
    """The records contradict themselves or refer to something that is not there."""
    WARNING = "warning"
    """The records disagree in a way real records sometimes do on purpose."""


@attrs.frozen
class Rule:
    """A domain rule :func:`check` applies.

    Args:
        code: The stable identifier (``"GR101"``); never reused for another rule.
        name: A short name (``"duplicate-id"``).
        severity: The severity of every issue it finds.
        summary: What it finds, in words.
    """

    code: str
    name: str
    severity: Severity
    summary: str


_E, _W = Severity.ERROR, Severity.WARNING
RULES: Mapping[str, Rule] = MappingProxyType(
    {
        rule.code: rule
        for rule in (
            Rule("GR101", "duplicate-id", _E, "two records in one collection share an id"),
            Rule("GR102", "id-clash", _E, "one id names two different records in two documents"),
            Rule("GR103", "repeated-record", _W, "the same record is stored in two documents"),
            Rule("GR201", "unknown-topic", _E, "a topic id is not in the taxonomy"),
            Rule("GR202", "unknown-proposal", _E, "a session's proposal names no workshop"),
            Rule("GR203", "unknown-source", _E, "provenance names no source document"),
            Rule("GR204", "forum-mismatch", _E, "a record inside a forum names another forum"),
            Rule("GR301", "span-outside-source", _E, "a span ends past the end of its source"),
            Rule("GR302", "quote-mismatch", _E, "a span does not hold its quote"),
            Rule("GR303", "source-text-mismatch", _E, "a text given for a source is not its text"),
            Rule("GR304", "unknown-provenance-field", _E, "provenance names a field its record does not have"),
            Rule("GR401", "date-outside-forum", _E, "a session or workshop is dated outside its forum"),
            Rule("GR402", "date-at-forum-edge", _W, "a date is partly outside its forum, or a pre-event's is"),
            Rule("GR403", "report-title-differs", _W, "a report's title differs from its proposal's"),
            Rule("GR404", "report-date-differs", _W, "a report's date differs from its proposal's"),
        )
    }
)
"""Every rule, by its code."""


@attrs.frozen
class Issue:
    """One thing :func:`check` found, where, and by which rule.

    Args:
        rule: The rule's code (see :data:`RULES`).
        severity: Error or warning.
        path: Where, as a JSON path into the document (``$.record.sessions[2].id``).
        message: What is wrong, in words.
        value: The offending value, if there is one.
        document: The position of the argument of :func:`check` it is in.
        record: The position of the record within that argument, when the
            argument was a sequence of records (a JSON Lines file).

    >>> from govrecords import Session, check
    >>> issue, = check(Session(id="s1", title="T", topics=("no-such-topic",)))
    >>> print(issue)
    $.record.topics[0]: [GR201 unknown-topic] topic 'no-such-topic' is not in the taxonomy 'govrecords default taxonomy'
    """

    rule: str
    severity: Severity
    path: str
    message: str
    value: Any = None
    document: int = 0
    record: int | None = None

    @property
    def name(self) -> str:
        """The rule's short name (``"duplicate-id"``)."""
        return RULES[self.rule].name

    def __str__(self) -> str:
        return f"{self.path}: [{self.rule} {self.name}] {self.message}"
