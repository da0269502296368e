r"""Importers: forum report text into records, every value traced to its passage.

.. warning:: Provisional. The records an import produces, the templates' JSON
   form and the warning codes may still change in minor releases.

:func:`import_text` reads a text (a string) and :func:`import_file` a file into
an :class:`ImportResult`: a :class:`~govrecords.records.Forum` holding the
session(s) or workshop(s) read, the :class:`~govrecords.provenance.SourceDocument`
of the text, the warnings, the template used and how confident its detection
was. Every value carries a :class:`~govrecords.provenance.Provenance` whose span
slices the text to exactly the quoted passage; nothing in the text is dropped
without a warning (:data:`CODES` lists them).

What a kind of document looks like is data, not code: a :class:`Template` maps
headings and labels (with their aliases and the variants real documents use) to
fields. Sixteen are built in (:func:`templates`); :func:`register` adds your own, or
pass one to ``template=`` directly.

Any text at all gives either records with warnings, or
:class:`~govrecords.errors.ImportFailedError` with a line and column (a blank
text, a lone surrogate); a text over the size limit gives
:class:`~govrecords.errors.LimitExceededError`. Import runs in time linear in
the length of the text.

>>> from govrecords import importers
>>> result = importers.import_text(
...     "Session Name:\nOpen data in Africa\n\nModerator:\nAmina Diallo\n\n"
...     "Issues which reached a common view: Open data needs open standards.\n",
...     source_id="demo",
... )
>>> result.template, result.confidence
('igf-session-report', 0.7059)
>>> session = result.sessions[0]
>>> session.title, session.participants[0].name, session.findings[0].consensus.value
('Open data in Africa', 'Amina Diallo', 'common_view')
>>> span = session.findings[0].provenance[0].span
>>> result.text[span.start : span.end]
'Open data needs open standards.'
"""

from __future__ import annotations

from govrecords.importers._pipeline import get_template, import_file, import_text
from govrecords.importers._registry import LOW_CONFIDENCE, detect, register, templates, unregister
from govrecords.importers._result import CODES, Detection, ImportIssue, ImportResult
from govrecords.importers._template import FIELDS, Cue, Label, LinePattern, PhraseRule, Template, load_template

__all__ = [
    "CODES",
    "FIELDS",
    "LOW_CONFIDENCE",
    "Cue",
    "Detection",
    "ImportIssue",
    "ImportResult",
    "Label",
    "LinePattern",
    "PhraseRule",
    "Template",
    "detect",
    "get_template",
    "import_file",
    "import_text",
    "load_template",
    "register",
    "templates",
    "unregister",
]
