"""Where taxonomies come from: the bundled one and files; and :func:`explain_tags`, which uses the bundled one.

:func:`default_taxonomy` returns the taxonomy bundled with govrecords;
:func:`load_taxonomy` replaces the bundled taxonomy with a file's, or extends it
(a topic with an existing id replaces it; the file's ``broader`` ids may name the
taxonomy it extends).
"""

from __future__ import annotations

import functools
import os
from importlib import resources
from pathlib import Path

import attrs

from govrecords.errors import TaxonomyError
from govrecords.taxonomy.tags import DEFAULT_MIN_CONFIDENCE
from govrecords.taxonomy.topics import DEFER_LINKS, Taxonomy

__all__ = ["default_taxonomy", "explain_tags", "load_taxonomy"]


def explain_tags(text: str, taxonomy: Taxonomy | None = None, *, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> str:
    """Which words of *text* tag which topic, and which were refused, one line each.

    >>> print(explain_tags("An environment that favours investment; e-waste from data centres."))
    3-19 'environment that' → -: not tagged (the idiom 'environment that' is not a topic)
    28-38 'investment' → internet-economy: not tagged (cue 'investment', confidence 0.40 is below 0.50)
    40-47 'e-waste' → environment: tagged (alias 'e-waste', confidence 0.80)
    53-65 'data centres' → infrastructure: tagged (alias 'data centres', confidence 0.90)
    """
    taxonomy = default_taxonomy() if taxonomy is None else taxonomy
    decisions = taxonomy.explain_tags(text, min_confidence=min_confidence)
    return "\n".join(str(decision) for decision in decisions) or "no phrase of the taxonomy in the text"


def load_taxonomy(path: str | os.PathLike[str], *, extend: Taxonomy | None = None) -> Taxonomy:
    """A taxonomy read from a govrecords JSON document of type ``taxonomy``.

    Args:
        path: The file.
        extend: If given, the file's topics are added to this taxonomy (a topic
            with an existing id replaces it) and its ``broader`` ids may name this
            taxonomy's topics; the file's names and idioms are added too. If not,
            the file's taxonomy replaces it.

    Raises:
        ValidationError: The file is not a valid taxonomy document; each problem
            names its JSON path.
        TaxonomyError: Its topics are inconsistent (a duplicate id, a dangling or
            circular ``broader`` link, one wording for two topics), named with the file.
        OSError: The file cannot be read (as ``open()`` raises it), or it is a
            FIFO or a device (``FileAccessError``).
    """
    from govrecords.serialisation.documents import load  # here for start-up speed: it imports cattrs

    where = Path(path).name
    token = DEFER_LINKS.set(extend is not None)
    try:
        read = load(path, Taxonomy)
    except TaxonomyError as error:
        raise TaxonomyError(f"{where}: {error}") from None
    finally:
        DEFER_LINKS.reset(token)
    if extend is None:
        return read
    try:
        merged = extend.extend(read.topics, name=read.name, version=read.version)
        return attrs.evolve(
            merged,
            names=tuple(dict.fromkeys((*extend.names, *read.names))),
            idioms=tuple(dict.fromkeys((*extend.idioms, *read.idioms))),
        )
    except TaxonomyError as error:
        raise TaxonomyError(f"{where}: {error}") from None


@functools.cache
def default_taxonomy() -> Taxonomy:
    """The taxonomy bundled with govrecords: IGF themes 2006-2025, WSIS action lines, GDC objectives."""
    from govrecords.serialisation.documents import loads  # here for start-up speed: it imports cattrs

    text = resources.files("govrecords").joinpath("data/taxonomy.json").read_text("utf-8")
    return loads(text, Taxonomy)
