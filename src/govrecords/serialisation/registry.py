"""The record types a document may hold, by type tag: each record class registers itself.

Serialisation sits below every module that makes records, so it cannot import them
to list them (it once did, and the imports made a circle through the analysis
code). Instead:

- each record class registers itself where it is defined, with the class decorator
  :func:`record_type` (``@record_type("session")``);
- the package's top module, which sits above everything, declares once which module
  defines each tag, in the order documents and the JSON Schema list them
  (:func:`declare`).

Looking a tag up imports the module declared for it, on first use only. So a
document of any declared type, a comparison result included, reads from a fresh
interpreter after nothing but ``import govrecords``; reading a session never imports
the comparison code; and nothing here imports a record module when it is itself
imported: ``import govrecords`` runs :func:`declare`, so this module imports
nothing at all when it is loaded (not even attrs, which the errors need: they are
imported when one is raised). Listing every type (iterating :func:`record_types`)
imports every declared module.

A class may also register under a tag nobody declared (an application's own record
type, a test's subclass): it is then listed after the declared ones, and
:func:`unregister` takes it away again.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from govrecords.errors import SerializationError

__all__ = ["declare", "record_type", "record_type_name", "record_types", "register", "unregister"]

C = TypeVar("C", bound=type)


def _error(message: str) -> SerializationError:
    # Imported here for start-up speed: `import govrecords` loads this module, and the
    # errors module imports attrs.
    from govrecords.errors import SerializationError

    return SerializationError(message)


_DECLARED: dict[str, str] = {}  # tag -> the module that defines it, in listing order
_TYPES: dict[str, type] = {}  # tag -> class, as registered
_TAGS: dict[type, str] = {}  # class -> tag


def declare(modules: Mapping[str, str]) -> None:
    """Declare which module defines each type tag, in the order types are listed.

    Args:
        modules: Type tag to the dotted name of the module whose import registers it.

    Raises:
        SerializationError: A tag is already declared for another module.
    """
    for tag, module in modules.items():
        known = _DECLARED.setdefault(tag, module)
        if known != module:
            raise _error(f"the record type {tag!r} is declared in {known}, not {module}")


def register(tag: str, cls: type) -> None:
    """Register *cls* as the record type written with the tag *tag*.

    Registering the same class under the same tag again does nothing.

    Raises:
        SerializationError: The tag is taken by another class, or *cls* has
            another tag.
    """
    if _TYPES.get(tag, cls) is not cls:
        raise _error(f"the record type {tag!r} is already {_TYPES[tag].__qualname__}")
    if _TAGS.get(cls, tag) != tag:
        raise _error(f"{cls.__qualname__} is already the record type {_TAGS[cls]!r}")
    _TYPES[tag] = cls
    _TAGS[cls] = tag


def unregister(tag: str) -> None:
    """Take the record type *tag* away (a type registered for a while, as by a test)."""
    cls = _TYPES.pop(tag, None)
    if cls is not None:
        del _TAGS[cls]


def record_type(tag: str) -> Callable[[C], C]:
    """A class decorator registering the record class under *tag* (see :func:`register`).

    >>> import attrs
    >>> from govrecords.serialisation.registry import record_type, record_type_name, unregister
    >>> @record_type("memo")
    ... @attrs.frozen
    ... class Memo:
    ...     text: str
    >>> record_type_name(Memo)
    'memo'
    >>> unregister("memo")
    """

    def decorate(cls: C) -> C:
        register(tag, cls)
        return cls

    return decorate


class _RecordTypes(Mapping[str, type]):
    """The registered types by tag, read-only and live; a look-up imports the declaring module."""

    def __getitem__(self, tag: str) -> type:
        found = _TYPES.get(tag)
        if found is None and tag in _DECLARED:
            importlib.import_module(_DECLARED[tag])  # registers the tag's class
            found = _TYPES.get(tag)
        if found is None:
            raise KeyError(tag)
        return found

    def __iter__(self) -> Iterator[str]:
        for module in dict.fromkeys(_DECLARED.values()):
            importlib.import_module(module)
        yield from (tag for tag in _DECLARED if tag in _TYPES)
        yield from (tag for tag in list(_TYPES) if tag not in _DECLARED)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, tag: object) -> bool:
        return isinstance(tag, str) and self.get(tag) is not None

    def __repr__(self) -> str:
        return f"record_types({dict(self)!r})"


_VIEW = _RecordTypes()


def record_types() -> Mapping[str, type]:
    """The record types a document may hold, by their type tag (read-only, and live).

    >>> from govrecords.serialisation.registry import record_types
    >>> record_types()["session"].__name__
    'Session'
    """
    return _VIEW


def record_type_name(cls: type) -> str:
    """The type tag written for records of class *cls*.

    Raises:
        SerializationError: *cls* is not a registered record type.
    """
    tag = _TAGS.get(cls)
    if tag is None:
        raise _error(f"{cls.__name__} is not a govrecords record type")
    return tag
