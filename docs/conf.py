"""Sphinx configuration for the govrecords documentation.

Build (warnings are errors, every reference must resolve)::

    python tools/build_docs.py            # HTML, then every code example as a doctest

which runs ``sphinx-build -W -n --keep-going -b html docs docs/_build/html`` and
``sphinx-build -W -n --keep-going -b doctest docs docs/_build/doctest``.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import json
import os
from pathlib import Path
from typing import Any

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.ext.intersphinx import missing_reference
from sphinx.util.docutils import SphinxDirective

import govrecords
import govrecords.comparison
from govrecords.serialisation import FORMAT_VERSION

HERE = Path(__file__).parent

project = "govrecords"
author = "The govrecords engineers"
copyright = "2026, The govrecords engineers"
release = govrecords.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = [
    "_build",
    "_inventories",
    "_generated",
    "Thumbs.db",
    ".DS_Store",
]

nitpicky = True
nitpick_ignore = [
    # The type variable of loads(text, cls) -> T: it says "an instance of cls" and has no page.
    ("py:class", "govrecords.serialisation.documents.T"),
    # The class type variable of the record_type decorator: "the class decorated".
    ("py:class", "govrecords.serialisation.registry.C"),
    # Named in govrecords.testing's module docstring; private, so it has no entry.
    ("py:func", "_hypothesis_setup_hook"),
]
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- Autodoc ---------------------------------------------------------------------
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "short"
# Record classes have attrs-generated __init__ methods: show their default values,
# not the source expression attrs wrote for them.
autodoc_preserve_defaults = False
# One parameter per line once a signature is long (record classes have many fields).
python_maximum_signature_line_length = 88
autoclass_content = "class"
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
add_module_names = False
python_use_unqualified_type_names = True

# -- Intersphinx -------------------------------------------------------------------
# The machine that builds the docs has no network, so each project's inventory is
# read from docs/_inventories (see make_inventories.py there); links still point at
# the real sites.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", str(HERE / "_inventories" / "python.inv")),
    "attrs": ("https://www.attrs.org/en/stable/", str(HERE / "_inventories" / "attrs.inv")),
    "cattrs": ("https://catt.rs/en/stable/", str(HERE / "_inventories" / "cattrs.inv")),
    "hypothesis": ("https://hypothesis.readthedocs.io/en/latest/", str(HERE / "_inventories" / "hypothesis.inv")),
}

# -- Doctest -----------------------------------------------------------------------
# The doctest builder runs the ``{doctest}`` blocks of the Markdown pages, the ``>>>``
# blocks of the reStructuredText pages, and the docstring examples autodoc pulls in.
# Docstring examples (pulled in by autodoc) are written against their module's
# names, as ``pytest --doctest-modules`` runs them; give them the public names.
doctest_global_setup = """
import importlib
import govrecords
import govrecords.comparison
from govrecords.examples import source_text
from govrecords.testing import *

for _name in govrecords.__all__:
    try:
        globals()[_name] = getattr(govrecords, _name)
    except ImportError:  # a module another change has not added yet
        pass
# The modules whose docstrings the API reference pulls in beyond the facade's names.
_REFERENCED = (
    "comparison.changes", "comparison.consensus", "comparison.evidence", "comparison.matching",
    "comparison.timelines", "importers", "render", "extraction", "tables",
    "checks", "dates", "dateparse", "errors", "provenance", "serialisation", "taxonomy", "vocabulary",
)
for _module in _REFERENCED:
    _module = importlib.import_module(f"govrecords.{_module}")
    globals().update({_name: getattr(_module, _name) for _name in _module.__all__})
# The pages' Hypothesis examples check what is drawn, not how fast: a busy machine that
# draws slowly must not fail the documentation (as the tests' "ci" profile).
import hypothesis as _hypothesis
_hypothesis.settings.register_profile(
    "docs", deadline=None, suppress_health_check=[_hypothesis.HealthCheck.too_slow]
)
_hypothesis.settings.load_profile("docs")
"""
doctest_test_doctest_blocks = "default"

# -- HTML --------------------------------------------------------------------------
html_theme = "furo"
html_title = f"govrecords {release}"
html_show_sourcelink = False
html_theme_options = {
    "source_repository": "https://github.com/govrecords/govrecords/",
    "source_branch": "main",
    "source_directory": "docs/",
}


# -- References autodoc cannot resolve by itself ------------------------------------
# govrecords.testing imports SearchStrategy for type checking only, so autodoc sees
# the bare name in its signatures.
_ALIASES = {"SearchStrategy": "hypothesis.strategies.SearchStrategy"}


def _link_alias(app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element) -> nodes.Node | None:
    target = _ALIASES.get(node.get("reftarget", ""))
    if node.get("refdomain") != "py" or target is None:
        return None
    node["reftarget"] = target
    return missing_reference(app, env, node, contnode)


def _link_unique_suffix(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element
) -> nodes.Node | None:
    # A docstring documented under the ``govrecords`` facade may name a sibling of
    # its own module (":data:`RULES`" in govrecords.checks): link it when exactly one
    # documented object has that name.
    if node.get("refdomain") != "py" or "." in node.get("reftarget", ".") or node.get("reftype") == "mod":
        return None
    objects = env.domains["py"].objects
    hits = [name for name in objects if name.startswith("govrecords.") and name.endswith("." + node["reftarget"])]
    # A class documented under a package is also recorded by its defining module's
    # name (its canonical name): one object, two names.
    if len({(objects[name].docname, objects[name].node_id) for name in hits}) != 1:
        return None
    entry = objects[hits[0]]
    reference = nodes.reference("", "", internal=True)
    reference["refuri"] = app.builder.get_relative_uri(node["refdoc"], entry.docname) + "#" + entry.node_id
    reference["reftitle"] = hits[0]
    reference.append(contnode)
    return reference


# Where the reference documents public names: the facade first, then the home of each
# name that is not at the top level.
_HOMES = tuple(
    importlib.import_module(name)
    for name in (
        "govrecords",
        "govrecords.comparison",
        "govrecords.checks",
        "govrecords.dates",
        "govrecords.dateparse",
        "govrecords.errors",
        "govrecords.provenance",
        "govrecords.serialisation",
        "govrecords.taxonomy",
        "govrecords.vocabulary",
    )
)


def _documented_name(objects: dict[str, Any], target: str) -> str | None:
    """The name the reference documents the object *target* names under, if another."""
    # Names at the top level are documented there; the others under their home
    # (govrecords.comparison.ForumRef, govrecords.errors.Problem).
    module, _, name = target.rpartition(".")
    try:
        named = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    for package in _HOMES:
        if name in package.__all__ and getattr(package, name) is named and f"{package.__name__}.{name}" in objects:
            return f"{package.__name__}.{name}"
    return None


def _link_facade(app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element) -> nodes.Node | None:
    # Docstrings name functions by the module that defines them
    # (":func:`~govrecords.taxonomy.default_taxonomy`"), while the reference documents
    # them under the facade (govrecords.default_taxonomy): link the one to the other.
    # (autodoc records such aliases itself for classes, by the module that defines
    # them: not for a class defined in a private module and named by its package,
    # such as govrecords.vocabulary.StakeholderKind.)
    target = node.get("reftarget", "")
    if node.get("refdomain") != "py" or not target.startswith("govrecords."):
        return None
    objects = env.domains["py"].objects
    home = _documented_name(objects, target)
    if home is None:
        return None
    entry = objects[home]
    reference = nodes.reference("", "", internal=True)
    reference["refuri"] = app.builder.get_relative_uri(node["refdoc"], entry.docname) + "#" + entry.node_id
    reference["reftitle"] = home
    reference.append(contnode)
    return reference


# -- References to record fields and enum members -----------------------------------
# Docstrings say :attr:`Forum.id` or :attr:`ConsensusLevel.NOT_DISCUSSED`. Record
# fields are described in their class's parameter list and enum members in its
# example, so such a reference links to the class that owns the field or member.


def _owner_of(env: BuildEnvironment, target: str, module: str | None) -> str | None:
    domain = env.domains["py"]
    owner, _, member = target.rpartition(".")
    if not owner:
        return None
    for prefix in ("", "govrecords.", f"{module}." if module else ""):
        name = prefix + owner
        if name not in domain.objects and name.startswith("govrecords."):
            # govrecords.vocabulary.ConsensusLevel, documented as govrecords.ConsensusLevel
            name = _documented_name(domain.objects, name) or name
        if name in domain.objects:
            cls = _resolve(name)
            if cls is None:
                continue
            fields = {field.name for field in attrs.fields(cls)} if attrs.has(cls) else set()
            members = set(cls.__members__) if isinstance(cls, type) and issubclass(cls, enum.Enum) else set()
            if member in fields or member in members:
                return domain.objects[name].docname + "#" + domain.objects[name].node_id
    return None


def _resolve(name: str) -> Any:
    module_name, _, attribute = name.rpartition(".")
    try:
        module = __import__(module_name, fromlist=[attribute])
        return getattr(module, attribute)
    except (ImportError, AttributeError):
        return None


def _link_members(app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element) -> nodes.Node | None:
    if node.get("refdomain") != "py" or node.get("reftype") != "attr":
        return None
    target = node["reftarget"]
    module, cls = node.get("py:module"), node.get("py:class")
    # A bare member of the class being documented (":attr:`provenance`") is tried last.
    candidates = [target, f"{cls}.{target}"] if cls else [target]
    found = next((hit for name in candidates if (hit := _owner_of(env, name, module)) is not None), None)
    if found is None:
        return None
    docname, anchor = found.split("#")
    reference = nodes.reference("", "", internal=True)
    reference["refuri"] = app.builder.get_relative_uri(node["refdoc"], docname) + "#" + anchor
    reference["reftitle"] = target
    reference.append(contnode)
    return reference


# -- The command line's help, as the installed command prints it ----------------------


class CommandLineHelp(SphinxDirective):
    """``.. govrecords-cli::`` shows ``govrecords --help`` and each subcommand's help.

    Generated from the argument parser itself, so the page lists every subcommand
    there is, with the options it really takes.
    """

    def run(self) -> list[nodes.Node]:
        """The help texts, each under a rubric naming its command."""
        from govrecords.cli import build_parser  # imported when the page is built, not with conf.py

        columns = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "88"  # argparse wraps to the terminal; make the page independent of it
        try:
            parser, _ = build_parser()
            commands = next(action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
            helps = [("govrecords", parser.format_help())]
            helps += [(f"govrecords {name}", sub.format_help()) for name, sub in commands.choices.items()]
        finally:
            if columns is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = columns
        result: list[nodes.Node] = []
        for title, text in helps:
            result.append(nodes.rubric(text=title, ids=[nodes.make_id(title)]))
            block = nodes.literal_block(text.rstrip(), text.rstrip())
            block["language"] = "text"
            result.append(block)
        return result


class RuleTable(SphinxDirective):
    """``.. govrecords-rules::`` tabulates the domain rules of ``govrecords.checks.rules.RULES``.

    Generated from the rules themselves, so the page lists every rule there is, with
    its real severity.
    """

    def run(self) -> list[nodes.Node]:
        """One row per rule: its code, name, severity and summary."""
        from govrecords.checks import RULES  # imported when the page is built, not with conf.py

        header = ("rule", "name", "severity", "what it finds")
        rows = [(rule.code, rule.name, rule.severity.value, rule.summary) for rule in RULES.values()]
        group = nodes.tgroup(cols=len(header))
        group.extend(nodes.colspec(colwidth=width) for width in (8, 24, 10, 58))
        head, body = nodes.thead(), nodes.tbody()
        head.append(_row(header, literal=()))
        body.extend(_row(row, literal=(0, 1)) for row in rows)
        group.extend((head, body))
        return [nodes.table("", group, classes=["govrecords-rules"])]


class MappingTable(SphinxDirective):
    """``.. govrecords-mapping:: module.NAME`` tabulates a mapping of strings to strings.

    For the vocabularies the library keeps as data (the importers' warning codes):
    the page shows what the installed release holds. The ``:header:`` option names
    the two columns.
    """

    required_arguments = 1
    option_spec = {"header": directives.unchanged_required}  # noqa: RUF012 -- docutils' own declaration style

    def run(self) -> list[nodes.Node]:
        """One row per key, the key as code."""
        module_name, _, name = self.arguments[0].rpartition(".")
        mapping = getattr(importlib.import_module(module_name), name)
        header = tuple(part.strip() for part in self.options.get("header", "key, value").split(","))
        group = nodes.tgroup(cols=2)
        group.extend(nodes.colspec(colwidth=width) for width in (30, 70))
        head, body = nodes.thead(), nodes.tbody()
        head.append(_row(header, literal=()))
        body.extend(_row((key, value), literal=(0,)) for key, value in mapping.items())
        group.extend((head, body))
        return [nodes.table("", group)]


def _row(cells: tuple[str, ...], *, literal: tuple[int, ...]) -> nodes.row:
    row = nodes.row()
    for index, text in enumerate(cells):
        inline = nodes.literal(text, text) if index in literal else nodes.Text(text)
        row.append(nodes.entry("", nodes.paragraph("", "", inline)))
    return row


# -- Reports and pictures made by the library itself --------------------------------
# The tutorial shows the timeline picture its own example draws, and the report of its
# comparison. Both are made again at every build, by the same calls, so the pages
# always show what the current release makes (docs/_generated is not kept in version
# control).
GENERATED = HERE / "_generated"


def _generate(app: Sphinx) -> None:
    from govrecords import compare, examples, render, timeline  # imported when the docs are built

    forums = [examples.load(name) for name in examples.names()]
    made = {
        "timeline-multistakeholder-model.svg": render.to_svg(timeline(forums, "multistakeholder-model").topics[0]),
        "seed-comparison.md": render.to_markdown(compare(*forums)),
    }
    GENERATED.mkdir(exist_ok=True)
    for name, text in made.items():
        path = GENERATED / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:  # an unchanged file keeps pages current
            path.write_text(text, encoding="utf-8")


def _publish_schema(app: Sphinx, exception: Exception | None) -> None:
    # The schema's $id is its address on the documentation site: put it there.
    if exception is not None or app.builder.format != "html":
        return
    schema = govrecords.json_schema()
    path = Path(app.outdir) / "schema" / f"v{FORMAT_VERSION}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert schema["$id"].endswith(f"/schema/{path.name}"), "the schema's $id no longer matches where it is published"


def setup(app: Sphinx) -> None:
    """Register the reference resolvers and the schema's publication."""
    app.connect("builder-inited", _generate)
    app.connect("build-finished", _publish_schema)
    app.add_directive("govrecords-cli", CommandLineHelp)
    app.add_directive("govrecords-rules", RuleTable)
    app.add_directive("govrecords-mapping", MappingTable)
    app.connect("missing-reference", _link_alias)
    app.connect("missing-reference", _link_members)
    app.connect("missing-reference", _link_unique_suffix)
    app.connect("missing-reference", _link_facade)
