"""The one fold every wording table of the vocabulary is looked up with."""

from __future__ import annotations

from govrecords._fold import fold_text

__all__ = ["normalise_wording"]


def normalise_wording(text: str) -> str:
    """Fold a phrase for lookup: lower case, curly quotes and dashes plain, spaces single.

    The one fold every wording table is looked up with (``govrecords._fold.fold_text``).

    >>> normalise_wording("  Business  Sector ")
    'business sector'
    """
    return fold_text(text)
