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

import ast as _ast
import importlib as _importlib
from pathlib import Path as _Path
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
    """Each public name and the module it lives in, read from the ``TYPE_CHECKING`` block above."""
    tree = _ast.parse(_Path(__file__).read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, _ast.If) and isinstance(node.test, _ast.Name) and node.test.id == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name: node.module
        for node in block.body
        if isinstance(node, _ast.ImportFrom) and node.module is not None
        for alias in node.names
    }


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
