"""Write the small intersphinx inventories the documentation links through.

The documentation builds without network access, so instead of fetching each
project's ``objects.inv`` it reads the ones in this folder. They hold only the
names govrecords' pages and signatures refer to, each with its address on the
project's real site; the links in the built pages point at those sites.

Add a name here when a build reports a missing reference to Python, attrs,
cattrs or Hypothesis, then run ``python docs/_inventories/make_inventories.py``
and commit the ``.inv`` files it rewrites.
"""

from __future__ import annotations

import zlib
from pathlib import Path

HERE = Path(__file__).parent

# project -> (version, [(name, domain:role, uri)]); "$" in a uri stands for the name.
INVENTORIES: dict[str, tuple[str, str, list[tuple[str, str, str]]]] = {
    "python": (
        "Python",
        "3",
        [
            ("bool", "py:class", "library/functions.html#$"),
            ("bytes", "py:class", "library/stdtypes.html#$"),
            ("dict", "py:class", "library/stdtypes.html#$"),
            ("float", "py:class", "library/functions.html#$"),
            ("frozenset", "py:class", "library/stdtypes.html#$"),
            ("int", "py:class", "library/functions.html#$"),
            ("list", "py:class", "library/stdtypes.html#$"),
            ("object", "py:class", "library/functions.html#$"),
            ("str", "py:class", "library/stdtypes.html#$"),
            ("tuple", "py:class", "library/stdtypes.html#$"),
            ("type", "py:class", "library/functions.html#$"),
            ("None", "py:data", "library/constants.html#$"),
            ("Exception", "py:exception", "library/exceptions.html#$"),
            ("KeyError", "py:exception", "library/exceptions.html#$"),
            ("OSError", "py:exception", "library/exceptions.html#$"),
            ("TypeError", "py:exception", "library/exceptions.html#$"),
            ("UserWarning", "py:exception", "library/exceptions.html#$"),
            ("ValueError", "py:exception", "library/exceptions.html#$"),
            ("collections.abc.Callable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Iterable", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Iterator", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Mapping", "py:class", "library/collections.abc.html#$"),
            ("collections.abc.Sequence", "py:class", "library/collections.abc.html#$"),
            ("datetime.datetime", "py:class", "library/datetime.html#$"),
            ("datetime.datetime.max", "py:attribute", "library/datetime.html#$"),
            ("io.StringIO", "py:class", "library/io.html#$"),
            ("open", "py:function", "library/functions.html#$"),
            ("json.dump", "py:function", "library/json.html#$"),
            ("json.load", "py:function", "library/json.html#$"),
            ("enum.Enum", "py:class", "library/enum.html#$"),
            ("enum.IntEnum", "py:class", "library/enum.html#$"),
            ("fractions.Fraction", "py:class", "library/fractions.html#$"),
            ("json", "py:module", "library/json.html#module-json"),
            ("os.PathLike", "py:class", "library/os.html#$"),
            ("pathlib.Path", "py:class", "library/pathlib.html#$"),
            ("typing.Any", "py:data", "library/typing.html#$"),
            ("typing.IO", "py:class", "library/typing.html#$"),
            ("typing.Literal", "py:data", "library/typing.html#$"),
            ("warnings", "py:module", "library/warnings.html#module-warnings"),
            ("importlib.resources", "py:module", "library/importlib.resources.html#module-importlib.resources"),
        ],
    ),
    "attrs": (
        "attrs",
        "stable",
        [
            ("attrs.Attribute", "py:class", "api.html#$"),
            ("attrs.define", "py:function", "api.html#$"),
            ("attrs.evolve", "py:function", "api.html#$"),
            ("attrs.field", "py:function", "api.html#$"),
            ("attrs.fields", "py:function", "api.html#$"),
            ("attrs.frozen", "py:function", "api.html#$"),
            ("attrs.validators.instance_of", "py:function", "api.html#$"),
        ],
    ),
    "cattrs": (
        "cattrs",
        "stable",
        [
            ("cattrs.Converter", "py:class", "cattrs.html#$"),
            # Signatures name the class by the module that defines it.
            ("cattrs.converters.Converter", "py:class", "cattrs.html#cattrs.Converter"),
            ("cattrs.Converter.structure", "py:method", "cattrs.html#$"),
            ("cattrs.Converter.unstructure", "py:method", "cattrs.html#$"),
        ],
    ),
    "hypothesis": (
        "Hypothesis",
        "latest",
        [
            ("hypothesis.errors.InvalidArgument", "py:exception", "reference/api.html#$"),
            ("hypothesis.given", "py:function", "reference/api.html#$"),
            ("hypothesis.settings", "py:class", "reference/api.html#$"),
            ("hypothesis.strategies.SearchStrategy", "py:class", "reference/strategies.html#$"),
            ("hypothesis.strategies.builds", "py:function", "reference/strategies.html#$"),
            ("hypothesis.strategies.from_type", "py:function", "reference/strategies.html#$"),
            ("hypothesis.strategies.register_type_strategy", "py:function", "reference/strategies.html#$"),
        ],
    ),
}


def inventory(project: str, version: str, entries: list[tuple[str, str, str]]) -> bytes:
    """The bytes of an inventory in Sphinx's version 2 format."""
    header = (
        "# Sphinx inventory version 2\n"
        f"# Project: {project}\n"
        f"# Version: {version}\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    body = "".join(f"{name} {role} 1 {uri} -\n" for name, role, uri in sorted(entries))
    return header.encode() + zlib.compress(body.encode())


def main() -> None:
    """Rewrite every ``<name>.inv`` in this folder."""
    for name, (project, version, entries) in INVENTORIES.items():
        (HERE / f"{name}.inv").write_bytes(inventory(project, version, entries))


if __name__ == "__main__":
    main()
