"""Domain checks: what a well-typed set of records can still get wrong, found by :func:`check`.

The rules, their severities and the :class:`~govrecords.checks.rules.Issue` each
finding is are in :mod:`govrecords.checks.rules`; the walk over the records that
applies them is :mod:`govrecords.checks._walk`. Neither imports this module, so the
three form no circle.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from govrecords.checks._walk import Checker
from govrecords.checks.rules import RULES, Issue, Rule, Severity
from govrecords.taxonomy import Taxonomy

__all__ = ["RULES", "Issue", "Rule", "Severity", "check"]


def check(
    *documents: object,
    taxonomy: Taxonomy | None = None,
    sources: Mapping[str, str] | None = None,
    names: Sequence[str] | None = None,
) -> list[Issue]:
    """Check records against the domain rules, within and across documents.

    Args:
        documents: Each a record (a forum, session, workshop, source document,
            taxonomy or topic), or a sequence of records (what a JSON Lines
            file holds). References resolve among everything given, so pass
            every document the records refer to. Derived records (a
            comparison, a timeline) may be given too; they are not checked
            themselves, as they restate the records they were made from.
        taxonomy: The topics that topic ids must name. Without it, the taxonomies
            and topics among *documents*; without those, the default taxonomy.
        sources: Source texts by :attr:`~govrecords.provenance.SourceDocument.id`,
            to check spans and quotes against the text itself.
        names: A name for each document (a file name), used in messages.

    Returns:
        Every issue found, errors and warnings, in document order.
    """
    return Checker(documents, taxonomy, sources or {}, names).run()
