"""Per-class functions that build records from parsed JSON quickly (the fast path's readers).

Reading a large archive is dominated by per-object work in Python. cattrs builds each
record through a chain of hooks and then ``__init__``, whose validators check again
every type the hooks have just checked. The builders here (made once per class, as
Python source written from a table of the class's fields) check each JSON value's
exact type inline and fill the instance in without calling ``__init__``; the record
classes' validators still hold: a validator is skipped only where the builder has already
proved it passes (an ``instance_of`` on a value whose exact type was just checked,
an ``optional`` or ``deep_iterable`` of such, on the default too), and every other
validator, then ``__attrs_post_init__``, is called just as ``__init__`` would, in the
same order. A class using anything else attrs offers (converters, ``init=False``
fields, aliases, hash caching, ``__attrs_pre_init__``, a hand-written ``__init__``) is
not handled (:class:`UnsupportedError`), and the caller uses cattrs.

A builder accepts exactly what the strict converter of :mod:`govrecords.serialisation.documents`
accepts and builds the same record, or raises (anything): it never explains. The
caller then runs the converter, which words every problem.

How each value type is read, and how deep it nests, comes from the wire rules
(:data:`govrecords.serialisation.rules.VALUES`), as for the converter. A field's
constraint (:mod:`govrecords.serialisation.constraints`: non-blank text, a country
code, a minimum) is tested in line rather than through its validator where that
is the same test (:func:`inline_test`).

Everything a builder needs is worked out once per class as a :class:`Plan`; the
builder is compiled from it (:func:`_compile`, through ``_codegen``), as attrs
writes each class's ``__init__``: a straight run of lines a field, with nothing left
to look up per record. The unstructurers, which take records apart again, are in
``_classwriter``.
"""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs

from govrecords._trusted import slot_setter
from govrecords.dates import DateRange, PartialDate
from govrecords.serialisation import _codegen
from govrecords.serialisation.constraints import ConstraintValidator
from govrecords.serialisation.rules import VALUES, entry_fields, read_entry

__all__ = [
    "Build",
    "GiveUpError",
    "UnsupportedError",
    "builder",
    "depth_of",
    "is_plain",
    "longest_key",
    "split_optional",
    "tuple_item",
    "type_hints",
]

Build = Callable[[Any, list[int]], Any]
"""A builder: ``(data, counter)``, *counter* being ``[keys consumed, max_string]``."""

_NONE = type(None)
_WHEN = PartialDate | DateRange
_REQUIRED: Any = object()
# Kinds of field value: each is written into a builder's source its own way (_field_source).
_STR, _RECORDS, _RECORD, _READ, _READ_TEXT, _ENUM, _STRS, _INT, _BOOL, _ENTRIES = range(10)


class GiveUpError(Exception):
    """Raised by a builder on input it does not accept: the caller's general path decides."""


class UnsupportedError(Exception):
    """A class or type the builders and unstructurers do not handle."""


def type_hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls)
    except NameError as error:  # an annotation that cannot be resolved at run time
        raise UnsupportedError(str(error)) from None


def is_plain(cls: type) -> bool:
    """Whether *cls* is an attrs class whose ``__init__`` only sets fields, validates and post-inits."""
    if not attrs.has(cls) or hasattr(cls, "__attrs_pre_init__") or "_attrs_cached_hash" in vars(cls):
        return False
    init = getattr(cls.__init__, "__code__", None)
    if init is None or not init.co_filename.startswith("<attrs generated"):
        return False  # a hand-written __init__ may do more than set and validate
    for field in attrs.fields(cls):
        if field.converter is not None or not field.init or field.alias != field.name:
            return False
        if isinstance(field.default, attrs.Factory) and field.default.takes_self:  # type: ignore[arg-type]  # a class at run time
            return False
    return True


def _union_args(hint: Any) -> tuple[Any, ...] | None:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return typing.get_args(hint)
    return None


def tuple_item(hint: Any) -> Any:
    args = typing.get_args(hint)
    if typing.get_origin(hint) is tuple and len(args) == 2 and args[1] is Ellipsis:
        return args[0]
    return None


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, enum.Enum)


def split_optional(hint: Any) -> tuple[Any, bool]:
    """*hint* without None, and whether None was allowed."""
    args = _union_args(hint)
    if args is None or _NONE not in args:
        return hint, False
    rest = [arg for arg in args if arg is not _NONE]
    if len(rest) == 1:
        return rest[0], True
    if set(rest) == {PartialDate, DateRange}:
        return _WHEN, True
    raise UnsupportedError(repr(hint))


def depth_of(hint: Any, seen: frozenset[type] = frozenset()) -> int:
    """How deep JSON arrays and objects can nest in a value of type *hint*.

    Raises:
        UnsupportedError: The type is recursive, or not one the builders handle.
    """
    hint, _ = split_optional(hint)
    if (rule := VALUES.get(hint)) is not None:
        return rule.depth
    if _is_enum(hint):
        return 0
    if (item := tuple_item(hint)) is not None:
        return 1 + depth_of(item, seen)
    if isinstance(hint, type) and is_plain(hint):
        if hint in seen:
            raise UnsupportedError(f"{hint.__name__} is recursive")
        hints = type_hints(hint)
        return 1 + max((depth_of(hints[field.name], seen | {hint}) for field in attrs.fields(hint)), default=0)
    raise UnsupportedError(repr(hint))


def longest_key(cls: type, seen: set[type] | None = None) -> int:
    """The longest field name of *cls* and of every class its fields hold."""
    seen = set() if seen is None else seen
    if cls in seen:
        return 0
    seen.add(cls)
    longest = 0
    hints = type_hints(cls)
    for field in attrs.fields(cls):
        longest = max(longest, len(field.name))
        stack = [hints[field.name]]
        while stack:
            hint = stack.pop()
            if isinstance(hint, type) and attrs.has(hint):
                longest = max(longest, longest_key(hint, seen))
            stack.extend(typing.get_args(hint))
    return longest


# ---------------------------------------------------------------------------
# Which validators the builder's own checks already prove.

# The classes of attrs' own validators, found from samples (their names are private).
_ANY_INSTANCE_OF: Any = attrs.validators.instance_of(int)
_INSTANCE_OF: Any = type(_ANY_INSTANCE_OF)  # pyright: ignore[reportUnknownVariableType]  # a validator class, used only with isinstance
_OPTIONAL: Any = type(attrs.validators.optional(attrs.validators.instance_of(int)))
_DEEP: Any = type(attrs.validators.deep_iterable(_ANY_INSTANCE_OF))  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]  # as above
_AND: Any = type(attrs.validators.and_(attrs.validators.instance_of(int), attrs.validators.instance_of(int)))


def _produces(hint: Any) -> tuple[type, ...]:
    """The classes a built value of type *hint* can be."""
    if (args := _union_args(hint)) is not None:
        return tuple(kind for arg in args for kind in _produces(arg))
    if tuple_item(hint) is not None:
        return (tuple,)
    return (hint,)


def _proved(validator: Any, kinds: tuple[type, ...]) -> bool:
    """Whether *validator* surely passes on any value of the classes *kinds*."""
    if validator is None:
        return True
    if isinstance(validator, _INSTANCE_OF):
        return all(issubclass(kind, validator.type) for kind in kinds)
    if isinstance(validator, _OPTIONAL):
        return _proved(validator.validator, tuple(kind for kind in kinds if kind is not _NONE))
    if isinstance(validator, _AND):
        return all(_proved(inner, kinds) for inner in validator._validators)  # attrs keeps and_'s parts there
    return False


def proved(validator: Any, hint: Any, default: Any) -> bool:
    """Whether a field's *validator* surely passes on whatever the builder sets (else it is called)."""
    default_kind: type = type(cast("object", default))
    kinds = _produces(hint) + (() if default is attrs.NOTHING else (default_kind,))
    if isinstance(validator, _DEEP):
        item = tuple_item(hint)
        return (
            item is not None
            and set(kinds) == {tuple}
            and _proved(validator.iterable_validator, (tuple,))
            and _proved(validator.member_validator, _produces(item))
        )
    return _proved(validator, kinds)


# ---------------------------------------------------------------------------
# Builders.


def _slot_setter(cls: type, name: str) -> Callable[[Any, Any], None]:
    # A slot's own setter is the quickest way in (a frozen class refuses setattr).
    setter = slot_setter(cls, name)
    if setter is not None:
        return setter
    return lambda instance, value: object.__setattr__(instance, name, value)


def _field_kind(hint: Any, measure: bool, cache: dict[type, Build]) -> tuple[int, Any]:
    """How the builder reads a (non-None) value of type *hint*: a kind and its argument."""
    if hint is str:
        return _STR, None
    if hint is int:
        return _INT, None
    if hint is bool:
        return _BOOL, None
    if _is_enum(hint):
        return _ENUM, {member.value: member for member in hint}
    if (rule := VALUES.get(hint)) is not None and rule.read is not None:  # a date, a span: its wire rule reads it
        return (_READ_TEXT if rule.text else _READ), rule.read
    if (item := tuple_item(hint)) is not None:
        if item is str:
            return _STRS, None
        if isinstance(item, type) and attrs.has(item):
            return _RECORDS, _builder(item, measure, cache)
    elif isinstance(hint, type) and attrs.has(hint):
        return _RECORD, _builder(hint, measure, cache)
    raise UnsupportedError(repr(hint))


Spec = tuple[str, Callable[[Any, Any], None], int, Any, Any, Any, bool, Any]
"""How a builder fills one field: name, slot setter, kind, argument, default, factory, nullable, test.

The test is the field's constraint checked in line (see :func:`inline_test`): a
string's (or each string's) pattern search, a whole number's minimum, or None.
"""

_NO_TEST: tuple[bool, Any] = (False, None)


def _passes(field: attrs.Attribute[Any], value: Any) -> bool:
    try:
        field.validator(None, field, value)  # type: ignore[misc]  # only called on fields with a validator
    except Exception:  # noqa: BLE001 -- any refusal
        return False
    return True


def inline_test(field: attrs.Attribute[Any], kind: int, nullable: bool) -> tuple[bool, Any]:
    """Whether a builder can check *validator* in line instead of calling it, and with what.

    A constraint validator (:mod:`govrecords.serialisation.constraints`) on a string,
    a whole number or a tuple of strings, whose value the builder has already checked
    the exact type of, comes down to a pattern search or a minimum. It is checked in
    line when what the builder sets without that check passes it too: None on a
    nullable field, and the field's default (a factory's is unknown: not in line).
    """
    validator: Any = field.validator
    default = field.default
    if kind == _STRS and isinstance(validator, _DEEP):
        member = validator.member_validator
        if (
            isinstance(member, ConstraintValidator)
            and member.constraint.kind is str
            and _proved(validator.iterable_validator, (tuple,))
            and not nullable
            and (default is attrs.NOTHING or (type(default) is tuple and _passes(field, default)))
        ):
            return True, member.constraint.search
        return _NO_TEST
    if not isinstance(validator, ConstraintValidator) or validator.constraint.kind is not {_STR: str, _INT: int}.get(
        kind
    ):
        return _NO_TEST
    if (nullable and not validator.optional) or isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
        return _NO_TEST
    if default is not attrs.NOTHING and not _passes(field, default):
        return _NO_TEST
    constraint = validator.constraint
    return True, constraint.search if kind == _STR else constraint.keywords.get("minimum")


class Plan(typing.NamedTuple):
    """Everything a builder of one class needs, worked out once from the class and the wire rules."""

    fields: tuple[Spec, ...]
    validators: tuple[tuple[Any, Any, str], ...]
    """The field validators the builder's own checks do not prove: (validator, field, name)."""
    post_init: Callable[[Any], None] | None


def plan_of(cls: type, measure: bool, cache: dict[type, Build]) -> Plan:
    """The builder plan of *cls*; the builders of the classes its fields hold go into *cache*.

    Raises:
        UnsupportedError: *cls*, or a class it holds, is not handled.
    """
    if not is_plain(cls):
        raise UnsupportedError(cls.__name__)
    hints = type_hints(cls)
    fields = attrs.fields(cls)
    specs: list[Spec] = []
    checks: list[tuple[Any, Any, str]] = []
    entries = entry_fields(cls)
    for field in fields:
        hint, nullable = split_optional(hints[field.name])
        kind, argument = _field_kind(hint, measure, cache)
        if field.name in entries:  # provenance entries: what the document says put back first
            kind = _ENTRIES
        default = field.default
        factory = None
        if default is attrs.NOTHING:
            default = _REQUIRED
        elif isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
            default, factory = _REQUIRED, default.factory
        inline, test = inline_test(field, kind, nullable)
        specs.append((field.name, _slot_setter(cls, field.name), kind, argument, default, factory, nullable, test))
        if field.validator is not None and not inline and not proved(field.validator, hints[field.name], field.default):
            checks.append((field.validator, field, field.name))
    post_init = getattr(cls, "__attrs_post_init__", None)
    return Plan(tuple(specs), tuple(checks), post_init)


def _builder(cls: type, measure: bool, cache: dict[type, Build]) -> Build:
    if cls in cache:
        return cache[cls]
    plan = plan_of(cls, measure, cache)
    build = _compile(cls, plan, measure)
    cache[cls] = build
    return build


def _field_source(index: int, spec: Spec, measure: bool) -> list[str]:
    """The lines of a builder's body that fill one field (see :func:`_compile`)."""
    name, _, kind, _, default, factory, nullable, test = spec
    i = index
    if default is _REQUIRED and factory is None:  # a missing key raises KeyError: the caller gives up
        lines = [f"value = data[{name!r}]", "if value is None:"]
    else:
        lines = [f"value = data.get({name!r}, counter)", "if value is counter:", "    absent += 1"]
        lines.append(f"    set{i}(instance, default{i})" if factory is None else f"    set{i}(instance, factory{i}())")
        lines.append("elif value is None:")
    lines.append(f"    set{i}(instance, None)" if nullable else "    raise GiveUpError")
    lines.append("else:")
    body: list[str] = []
    too_long = " or len(value) > counter[1]" if measure else ""
    if kind == _STR:
        body.append(f"if type(value) is not str{too_long}:")
        body.append("    raise GiveUpError")
        if test is not None:
            body += [f"if test{i}(value) is None:", "    raise GiveUpError"]
        body.append(f"set{i}(instance, value)")
    elif kind == _RECORDS:
        body += ["if type(value) is not list:", "    raise GiveUpError"]
        body.append(f"set{i}(instance, tuple([argument{i}(item, counter) for item in value]))")
    elif kind == _ENTRIES:  # each with what its document says put back (rules.read_entry)
        body += ["if type(value) is not list:", "    raise GiveUpError", "entries = []", "for item in value:"]
        body += ["    full = read_entry(item, data)", "    if full is not item:"]
        body.append("        counter[0] -= len(full) - len(item)  # only the keys the text holds are counted")
        body += [f"    entries.append(argument{i}(full, counter))", f"set{i}(instance, tuple(entries))"]
    elif kind == _RECORD:
        body.append(f"set{i}(instance, argument{i}(value, counter))")
    elif kind == _READ:
        body.append(f"set{i}(instance, argument{i}(value))")
    elif kind == _READ_TEXT:
        body += [f"if type(value) is not str{too_long}:", "    raise GiveUpError"]
        body.append(f"set{i}(instance, argument{i}(value))")
    elif kind == _ENUM:
        body.append(f"value = argument{i}[value]")
        if measure:
            body += ["if len(value.value) > counter[1]:", "    raise GiveUpError"]
        body.append(f"set{i}(instance, value)")
    elif kind == _STRS:
        body += ["if type(value) is not list:", "    raise GiveUpError", "for item in value:"]
        body += [f"    if type(item) is not str{too_long.replace('value', 'item')}:", "        raise GiveUpError"]
        if test is not None:
            body += [f"    if test{i}(item) is None:", "        raise GiveUpError"]
        body.append(f"set{i}(instance, tuple(value))")
    else:  # _INT or _BOOL
        exact = "int" if kind == _INT else "bool"
        minimum = f" or value < test{i}" if test is not None else ""
        body += [f"if type(value) is not {exact}{minimum}:", "    raise GiveUpError", f"set{i}(instance, value)"]
    return lines + ["    " + line for line in body]


def _compile(cls: type, plan: Plan, measure: bool) -> Build:
    """The builder of *cls*: Python source written from its *plan*, one straight run of lines a field.

    What each field's value must be is decided once, here, rather than on every
    record: the builder tests exactly what the plan says, in the plan's order (the
    same checks a loop over the plan would make, without looking each field's kind up
    again per record), as attrs and cattrs generate their own ``__init__`` and hooks.
    """
    table, validators, post_init = plan
    scope: dict[str, Any] = {
        "GiveUpError": GiveUpError,
        "new": object.__new__,
        "cls": cls,
        "read_entry": read_entry,
        "post_init": post_init,
    }
    lines = [
        "def build(data, counter):",
        "    if type(data) is not dict:",
        "        raise GiveUpError",
        "    size = len(data)",
        "    counter[0] += size",
        "    absent = 0",
        "    instance = new(cls)",
    ]
    for index, spec in enumerate(table):
        _, setter, _, argument, default, factory, _, test = spec
        scope |= {
            f"set{index}": setter,
            f"argument{index}": argument,
            f"default{index}": default,
            f"factory{index}": factory,
            f"test{index}": test,
        }
        lines += ["    " + line for line in _field_source(index, spec, measure)]
    # Every key of *data* is a field's (no unknown key) when the fields found number as many as its keys:
    # a required field missing has raised KeyError; each optional field is counted found or absent.
    lines += [f"    if size != {len(table)} - absent:", "        raise GiveUpError"]
    for index, (validator, field, name) in enumerate(validators):
        scope |= {f"validator{index}": validator, f"field{index}": field}
        lines.append(f"    validator{index}(instance, field{index}, instance.{name})")
    if post_init is not None:
        lines.append("    post_init(instance)")
    lines.append("    return instance")
    filename = f"<govrecords builder {cls.__module__}.{cls.__qualname__}{' measuring' if measure else ''}>"
    build: Build = _codegen.function("build", lines, scope, fields=[spec[0] for spec in table], filename=filename)
    return build


_BUILDERS: tuple[dict[type, Build], dict[type, Build]] = ({}, {})


def builder(cls: type, *, measure: bool = False) -> Build:
    """The builder of *cls* (measuring each string against ``counter[1]`` if *measure*).

    A builder takes ``(data, counter)``: the parsed JSON of one record and a list
    ``[keys, max_string]``; it adds to ``counter[0]`` the number of keys it consumed.

    Raises:
        UnsupportedError: *cls*, or a class it holds, is not handled.
    """
    cache = _BUILDERS[measure]
    if cls not in cache:
        depth_of(cls)  # first: it refuses recursive classes, which _builder would not
    return _builder(cls, measure, cache)
