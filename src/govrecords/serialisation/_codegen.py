"""Python functions written as source from a record class's fields and compiled: the package's one use of ``compile``.

attrs writes each class's ``__init__`` as Python source and compiles it, and cattrs
its hooks, because a straight run of lines a field costs less per record than a loop
that looks each field's kind up again. The fast path's readers (``_classcodec``) and
writers (``_classwriter``) are made the same way, here.

No document ever reaches this module. The source is written from a record class
alone, once per class: the names it holds are the class's field names (checked
here to be Python identifiers, as attrs requires) and the names of the values given
in *scope*; every value (a default, a pattern's search, a slot's setter) is passed
in *scope*, never written into the source. The scan in ``tests/test_safety.py``
allows ``compile`` and ``exec`` in this module only.
"""

from __future__ import annotations

import keyword
import linecache
from collections.abc import Callable, Iterable
from typing import Any

__all__ = ["function", "is_name"]


def is_name(text: str) -> bool:
    """Whether *text* can be written into source as a name (an identifier, not a keyword)."""
    return text.isidentifier() and not keyword.iskeyword(text)


def function(name: str, lines: list[str], scope: dict[str, Any], *, fields: Iterable[str], filename: str) -> Any:
    """The function *name* that the source *lines* define, run with the names in *scope*.

    Args:
        name: The function's name, defined by *lines*.
        lines: The source, one line each.
        scope: The values the source names (its globals).
        fields: The field names written into the source (each must be a name: :func:`is_name`).
        filename: What tracebacks name the source by (``<govrecords builder module.Class>``);
            the source is put in :mod:`linecache` under it, so that a traceback shows its lines.

    Raises:
        ValueError: A field name is not a Python identifier.
    """
    for field in fields:
        if not is_name(field):
            raise ValueError(f"{field!r} is not a Python identifier: no source is written with it")
    source = "\n".join(lines) + "\n"
    namespace = dict(scope)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 -- source written from a record class's fields alone
    linecache.cache[filename] = (len(source), None, source.splitlines(keepends=True), filename)
    made: Callable[..., Any] = namespace[name]
    return made
