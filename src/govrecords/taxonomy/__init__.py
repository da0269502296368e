"""Topics, and the taxonomy that maps each forum's wording to stable topics.

Labels change from year to year for the same topic ("Security" → "Security,
openness and privacy" → "Cybersecurity and Trust"). A :class:`Topic` has a stable
``id``, a current ``label``, ``aliases`` used to tag free text, weak ``cues``, a
``broader`` topic, and the year-specific :class:`TopicLabel` entries forums used.
A :class:`Taxonomy` looks labels up (:meth:`Taxonomy.find`), tags text with evidence
(:meth:`Taxonomy.tags`, :class:`TopicTag`) and explains each decision
(:meth:`Taxonomy.explain_tags`), in time linear in the text.

How text is tagged (the rules are explained in the documentation, "Topics and tags"):

* A tag comes from a whole phrase of the taxonomy: a topic's label or one of its
  aliases, matched on whole words, ignoring case, hyphens, plural ``-s`` and the
  British/American spellings ("organisation" = "organization", "favour" =
  "favor", "centre" = "center"). The longest phrase starting at a word wins.
* An alias written with capitals inside the word ("AI", "IoT", "DNS") matches only
  that exact spelling, so the interjection "ai" or the word "dns" in a URL do not.
* ``cues`` are common words that only hint at a topic ("trust", "access"); they get
  a low confidence and are left out at the default threshold.
* Names of organisations, agreements and documents (the taxonomy's ``names``, and
  any capitalised run of words ending or starting with an organisation word such
  as "Foundation", "Ministry", "Coalition") and idioms (the taxonomy's
  ``idioms``, such as "enabling environment") are never topics.

:func:`default_taxonomy` returns the bundled taxonomy; :func:`load_taxonomy`
reads one from a file, to replace or extend it.

The subpackage reads from the bottom up; each module imports only those above it:

* ``tags``: what tagging yields (:class:`TopicTag`, :class:`TagDecision`) and
  :data:`DEFAULT_MIN_CONFIDENCE`;
* ``_phrases``: the phrase matcher (indexed wordings, names of bodies), private;
* ``topics``: :class:`TopicLabel`, :class:`Topic` and :class:`Taxonomy`;
* ``loading``: :func:`default_taxonomy`, :func:`load_taxonomy` and :func:`explain_tags`.

Every public name is importable from ``govrecords.taxonomy`` itself.
"""

from __future__ import annotations

from govrecords.taxonomy.loading import default_taxonomy, explain_tags, load_taxonomy
from govrecords.taxonomy.tags import DEFAULT_MIN_CONFIDENCE, TagDecision, TopicTag
from govrecords.taxonomy.topics import Taxonomy, Topic, TopicLabel

__all__ = [
    "DEFAULT_MIN_CONFIDENCE",
    "TagDecision",
    "Taxonomy",
    "Topic",
    "TopicLabel",
    "TopicTag",
    "default_taxonomy",
    "explain_tags",
    "load_taxonomy",
]
