"""govrecords: typed, validated, comparable records of internet-governance forums.

The top level holds what most work needs: the records and their vocabulary, dates,
provenance, reading and writing, comparison and timeline, the taxonomy, the checks
and the root errors. Everything else is documented and imported from its home:
:mod:`govrecords.comparison` (the results' detail types), :mod:`govrecords.serialisation`,
:mod:`govrecords.taxonomy`, :mod:`govrecords.vocabulary`, :mod:`govrecords.dates`,
:mod:`govrecords.errors`, :mod:`govrecords.importers` and the rest. Names are
imported on first use, so ``import govrecords`` stays fast and pulls in cattrs only
when a record is read or written.

>>> import govrecords
>>> govrecords.PartialDate(2013, 10, 24).precision.name
'DAY'
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING, Any

from govrecords._version import __version__ as __version__
from govrecords.serialisation import registry as _registry

# Where each record type is defined, in the order documents and the JSON Schema list
# them: serialisation sits below these modules and learns of them only from here.
# A look-up of a type tag imports its module on first use (see the registry).
_registry.declare(
    {
        "forum": "govrecords.records",
        "session": "govrecords.records",
        "workshop": "govrecords.records",
        "source": "govrecords.provenance",
        "taxonomy": "govrecords.taxonomy.topics",
        "topic": "govrecords.taxonomy.topics",
        "comparison": "govrecords.comparison.report",
        "timeline": "govrecords.comparison.timelines",
    }
)

# The public names, each written once. Type checkers read these imports (``X as X``
# re-exports X); at run time the block is read back (``_public_names``) into the table
# that imports each name from its home on first use, as scientific Python's
# lazy_loader does from a stub.
if TYPE_CHECKING:
    from govrecords.checks import check as check
    from govrecords.comparison import Comparison as Comparison
    from govrecords.comparison import Timeline as Timeline
    from govrecords.comparison import compare as compare
    from govrecords.comparison import timeline as timeline
    from govrecords.dateparse import parse_date as parse_date
    from govrecords.dateparse import parse_when as parse_when
    from govrecords.dates import DateRange as DateRange
    from govrecords.dates import PartialDate as PartialDate
    from govrecords.errors import GovRecordsError as GovRecordsError
    from govrecords.errors import ValidationError as ValidationError
    from govrecords.provenance import Method as Method
    from govrecords.provenance import MethodKind as MethodKind
    from govrecords.provenance import Provenance as Provenance
    from govrecords.provenance import SourceDocument as SourceDocument
    from govrecords.provenance import Span as Span
    from govrecords.records import Actor as Actor
    from govrecords.records import Finding as Finding
    from govrecords.records import Forum as Forum
    from govrecords.records import Participant as Participant
    from govrecords.records import Place as Place
    from govrecords.records import Position as Position
    from govrecords.records import Recommendation as Recommendation
    from govrecords.records import Section as Section
    from govrecords.records import Session as Session
    from govrecords.records import StakeholderGroup as StakeholderGroup
    from govrecords.records import Statement as Statement
    from govrecords.records import Workshop as Workshop
    from govrecords.serialisation import dump as dump
    from govrecords.serialisation import dumps as dumps
    from govrecords.serialisation import iter_jsonl as iter_jsonl
    from govrecords.serialisation import json_schema as json_schema
    from govrecords.serialisation import load as load
    from govrecords.serialisation import loads as loads
    from govrecords.serialisation import write_jsonl as write_jsonl
    from govrecords.taxonomy import Taxonomy as Taxonomy
    from govrecords.taxonomy import default_taxonomy as default_taxonomy
    from govrecords.taxonomy import load_taxonomy as load_taxonomy
    from govrecords.vocabulary import ActorKind as ActorKind
    from govrecords.vocabulary import ConsensusLevel as ConsensusLevel
    from govrecords.vocabulary import Force as Force
    from govrecords.vocabulary import Role as Role
    from govrecords.vocabulary import SessionKind as SessionKind
    from govrecords.vocabulary import StakeholderKind as StakeholderKind
    from govrecords.vocabulary import Stance as Stance


def _public_names() -> dict[str, str]:
    """Each public name and the module it lives in, read from the ``TYPE_CHECKING`` block above.

    A scan of its lines with string methods, not :mod:`ast` or :mod:`re`: importing
    either would add more to ``import govrecords`` than the rest of it. Every line of
    the block must be one ``from MODULE import NAME as NAME``; any other is refused,
    so no name is lost.
    """
    with open(__file__, encoding="utf-8") as source:
        text = source.read()
    start = text.index("\nif TYPE_CHECKING:\n") + len("\nif TYPE_CHECKING:\n")
    block = text[start : text.index("\n\n", start)]
    names: dict[str, str] = {}
    for line in block.splitlines():
        words = line.split(" ")
        shape = words[:4] == ["", "", "", ""] and len(words) == 10 and words[4:9:2] == ["from", "import", "as"]
        if not shape or words[7] != words[9] or not words[9].isidentifier():
            raise ImportError(f"govrecords: not a re-export in the TYPE_CHECKING block: {line!r}")
        names[words[9]] = words[5]
    return names


def _isort_key(name: str) -> tuple[int, str]:
    return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)


_WHERE = _public_names()
globals()["__all__"] = sorted([*_WHERE, "__version__"], key=_isort_key)  # from the table, not by hand


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'govrecords' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*_WHERE, "__version__"])
