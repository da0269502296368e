"""Templates: what a kind of document looks like, as data the import engine reads.

A :class:`Template` names the headings and labels of one kind of document, with
their aliases and the variants real documents use, and says which record field
each one fills. It carries no code: the engine (:mod:`._layout`, :mod:`._build`)
is the same for every template. Built-in templates are JSON files in the
``templates`` folder of this package; a user's own template is a :class:`Template`
made in Python or read with :meth:`Template.from_dict` / :func:`load_template`.

Labels are matched on folded text (case, curly quotes, dashes, white space and
invisible characters do not matter), after any list numbering (``7.``, ``a)``).
After the label come any of ``:``, ``;``, ``?``, ``*`` and parenthesised
instructions, in any order, so "Key Issues raised (1 sentence per issue):" and
"Key Issues raised: (1 sentence per issue)" both match "Key Issues raised". A
label is recognised when a colon follows it or when it fills its line; ``#`` in an
alias stands for a number ("Speaker #" matches "Speaker 12"); an alias ending in
``...`` runs on to the first colon of the line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, cast

import attrs
from attrs.validators import deep_iterable, instance_of, optional

from govrecords._files import read_bytes
from govrecords.errors import Problem, ValidationError
from govrecords.importers._patterns import placeholder_names
from govrecords.serialisation._parsing import parse_json
from govrecords.serialisation.limits import DEFAULT_LIMITS
from govrecords.vocabulary import Role, SessionKind

__all__ = [
    "FIELDS",
    "Cue",
    "Label",
    "LinePattern",
    "PhraseRule",
    "Template",
    "load_template",
]

_TEXT_FIELDS = frozenset(
    {
        "title",
        "identifier",
        "theme",
        "status",
        "summary",
        "description",
        "place",
        "venue",
        "format",
        "kind",
        "date",
        "time",
        "notes",
        "duration",
    }
)
_LIST_FIELDS = frozenset({"key_issues", "policy_questions", "findings", "discussion", "recommendations"})
_CONTACT_FIELDS = frozenset(
    {
        "contact.honorific",
        "contact.first_name",
        "contact.last_name",
        "contact.name",
        "contact.title",
        "contact.affiliation",
        "contact.stakeholder",
        "contact.country",
        "contact.regional_group",
    }
)
_FORUM_FIELDS = frozenset({"forum.name", "forum.reports_to", "forum.year", "forum.series"})
_STRUCTURE_FIELDS = frozenset({"heading", "section", "boilerplate", "skip"})
_ROLE_FIELDS = frozenset(role.value for role in Role)
FIELDS: frozenset[str] = (
    _TEXT_FIELDS | _LIST_FIELDS | _CONTACT_FIELDS | _FORUM_FIELDS | _STRUCTURE_FIELDS | _ROLE_FIELDS
)
"""The fields a label, pattern or rule may fill.

* text: ``title``, ``identifier``, ``theme``, ``status``, ``summary``,
  ``description``, ``place``, ``venue``, ``format``, ``kind``, ``date``, ``time``,
  ``notes``, ``duration`` (in a pattern: the format's wording then runs to the end
  of its line, "Round Table - 90 Min");
* lists: ``key_issues``, ``policy_questions``, ``findings`` (consensus from the
  heading or from phrases), ``discussion`` (paragraphs stating a consensus become
  findings, the rest is kept), ``recommendations``;
* people: one field per :class:`~govrecords.vocabulary.Role` value (``moderator``,
  ``speaker``...), one participant per line; ``contact.*`` fields build one
  participant from several labels (``contact.first_name``, ``contact.last_name``,
  ``contact.honorific``, ``contact.affiliation``, ``contact.stakeholder``,
  ``contact.country``, ``contact.title``, ``contact.name``,
  ``contact.regional_group``);
* the forum: ``forum.name``, ``forum.reports_to``, ``forum.year``, ``forum.series``;
* structure: ``heading`` (a heading with no value of its own), ``section`` (kept as
  a :class:`~govrecords.records.Section`), ``boilerplate`` (reported and dropped),
  ``skip`` (a pattern placeholder whose text is reported as unmapped).
"""

PRODUCES = frozenset({"session", "workshop", "messages"})


def _field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in FIELDS:
        raise ValueError(
            f"{attribute.name}: {value!r} is not a field templates can fill; see govrecords.importers.FIELDS"
        )


def _optional_field(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        _field(instance, attribute, value)


def _words(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, tuple) or not value:
        raise ValueError(f"{attribute.name} must be a non-empty tuple of strings, got {value!r}")
    for item in value:  # pyright: ignore[reportUnknownVariableType]  # checked just below
        if not isinstance(item, str) or not item.strip(" :*#.\u2026"):
            raise ValueError(f"{attribute.name} holds an empty or non-string entry: {item!r}")


def _strings_tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


_strings = deep_iterable(instance_of(str), instance_of(tuple))
_optional_str = optional(instance_of(str))


def _role(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in _ROLE_FIELDS:
        raise ValueError(f"{attribute.name} must be a Role value such as 'organiser', got {value!r}")


def _kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and value not in {kind.value for kind in SessionKind}:
        raise ValueError(f"{attribute.name} must be a SessionKind value such as 'workshop', got {value!r}")


@attrs.frozen(cache_hash=True)  # templates key caches; hash them once
class Label:
    """A heading or label, its aliases, and the field its value fills.

    Args:
        field: The field its value fills (one of :data:`FIELDS`).
        aliases: The wordings it appears under ("Session title", "Title of
            Proposed Workshop").
        within: Only recognised inside the context another label opened (the
            "Title:" under "Summary of Presentations").
        opens: The context this label opens, for labels marked ``within`` it.
        keep_label: The label's words are part of its value ("Recalling the
            Tunis Agenda..."): the label need not be followed by a colon.
        role: For a ``heading`` that introduces a contact block ("Co-proponent"),
            the role of the participant the block describes.
        organisation: Its participants are organisations, not people.
        states_force: Its wording states the force of the recommendations under
            it, over their own words ("Agree that:" in a communiqué); otherwise
            it is used only for those whose own words state none.
    """

    field: str = attrs.field(validator=_field)
    aliases: tuple[str, ...] = attrs.field(converter=_strings_tuple, validator=_words)
    within: str | None = attrs.field(default=None, validator=_optional_str)
    opens: str | None = attrs.field(default=None, validator=_optional_str)
    keep_label: bool = attrs.field(default=False, validator=instance_of(bool))
    role: str | None = attrs.field(default=None, validator=_role)
    organisation: bool = attrs.field(default=False, validator=instance_of(bool))
    states_force: bool = attrs.field(default=False, validator=instance_of(bool))


@attrs.frozen(cache_hash=True)  # templates key caches; hash them once
class LinePattern:
    """A line read by a pattern with named placeholders.

    ``{name}`` captures text up to the next literal; ``{name:int}`` digits,
    ``{name:year}`` four digits, ``{name:code}`` a session code such as "WS #436",
    ``{name:date}`` text that reads as a date. Literals match case-insensitively,
    any run of white space matching one space. Square brackets mark the passage
    quoted as evidence for the placeholders inside them; ``{_}`` captures text that
    fills no field (reported as unmapped).

    Args:
        pattern: The pattern, e.g. ``"{date:date} - A {kind} on {theme} in {place}"``.
        lines: How many non-blank lines from the start of the document it may
            match (0: any line before the first label).
    """

    pattern: str = attrs.field(validator=instance_of(str))
    lines: int = attrs.field(default=0, validator=instance_of(int))


@attrs.frozen(cache_hash=True)  # templates key caches; hash them once
class PhraseRule:
    """A paragraph that contains one of some phrases fills a field.

    Args:
        field: ``format`` (the session format named after the phrase) or any
            text field (the whole paragraph).
        phrases: The phrases ("this workshop will be a").
    """

    field: str = attrs.field(validator=_field)
    phrases: tuple[str, ...] = attrs.field(converter=_strings_tuple, validator=_words)


@attrs.frozen(cache_hash=True)  # templates key caches; hash them once
class Cue:
    """A phrase whose presence suggests a template, with its weight for detection.

    A negative weight marks a phrase that speaks against the template ("Key
    Takeaways" against a chair's summary): found, it lowers the confidence.
    Alternatives are separated by ``|``.
    """

    phrase: str = attrs.field(validator=instance_of(str))
    weight: float = attrs.field(default=1.0, converter=float)


def _produces(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value not in PRODUCES:
        raise ValueError(f"{attribute.name} must be one of {', '.join(sorted(PRODUCES))}, got {value!r}")


def _name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value or not all(c.isalnum() or c in "-_." for c in value):
        raise ValueError(f"{attribute.name} must be letters, digits, '-', '_' or '.', got {value!r}")


@attrs.frozen(cache_hash=True)  # templates key caches; hash them once
class Template:
    """What one kind of document looks like: its labels, patterns and cues.

    Args:
        name: A short name ("igf-session-report") used by ``--template``.
        description: What documents it reads, for people.
        produces: ``"session"`` (a report), ``"workshop"`` (a proposal or
            announcement) or ``"messages"`` (themes, sub-headings and bullets; one
            session per sub-heading).
        labels: The headings and labels, with their fields.
        patterns: Lines read by a pattern (a title line, a date line).
        paragraphs: Paragraphs recognised by a phrase they contain.
        first_line: The field the first non-blank line fills when no pattern
            read it (``"title"``), or None.
        bullets: The field unlabelled bulleted or numbered lists fill.
        default: The field unlabelled paragraphs fill (None: kept as sections).
        boilerplate: Phrases that mark a line as boilerplate to drop (with a warning).
        placeholders: Phrases that mark a value as an unfilled form's instructions.
        cues: Phrases that suggest the template, for detection.
        kind: The :class:`~govrecords.vocabulary.SessionKind` value of what it produces.
        series: The forum series its documents belong to ("IGF", "EuroDIG").
        table: The text is a table of records, one row each (flattened by tabs,
            bars or lined-up spaces); the first row gives the principal record's
            title, and its session id when the column is an id ("ID").
        outcomes: Whether the documents report outcomes. False for a kind that
            reports none (a transcript: what speakers said, not what the session
            found): no findings or recommendations are read from its text outside
            a label that holds them.
    """

    name: str = attrs.field(validator=_name)
    description: str = attrs.field(validator=instance_of(str))
    produces: str = attrs.field(validator=_produces)
    labels: tuple[Label, ...] = attrs.field(default=(), converter=tuple, validator=deep_iterable(instance_of(Label)))
    patterns: tuple[LinePattern, ...] = attrs.field(
        default=(), converter=tuple, validator=deep_iterable(instance_of(LinePattern))
    )
    paragraphs: tuple[PhraseRule, ...] = attrs.field(
        default=(), converter=tuple, validator=deep_iterable(instance_of(PhraseRule))
    )
    first_line: str | None = attrs.field(default=None, validator=_optional_field)
    bullets: str | None = attrs.field(default=None, validator=_optional_field)
    default: str | None = attrs.field(default=None, validator=_optional_field)
    boilerplate: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_strings)
    placeholders: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_strings)
    cues: tuple[Cue, ...] = attrs.field(default=(), converter=tuple, validator=deep_iterable(instance_of(Cue)))
    kind: str | None = attrs.field(default=None, validator=_kind)
    series: str | None = attrs.field(default=None, validator=_optional_str)
    table: bool = attrs.field(default=False, validator=instance_of(bool))
    outcomes: bool = attrs.field(default=True, validator=instance_of(bool))

    def __attrs_post_init__(self) -> None:

        for pattern in self.patterns:
            for name in placeholder_names(pattern.pattern):  # raises ValueError naming a malformed pattern
                if name != "_" and name not in FIELDS:
                    raise ValueError(
                        f"patterns: {pattern.pattern!r} names {name!r}, which is not a field templates can fill"
                    )

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Template:
        """Make a template from JSON-ready data (the form of the built-in template files).

        Raises:
            ValidationError: Every problem with the data, each with its path.

        >>> Template.from_dict({"name": "mine", "description": "My forms", "produces": "session",
        ...                     "labels": [{"field": "title", "aliases": ["Name of the session"]}]}).labels[0].field
        'title'
        """
        problems: list[Problem] = []
        if not isinstance(data, Mapping):  # pyright: ignore[reportUnnecessaryIsInstance]  # JSON may hold a list
            raise ValidationError([Problem("$", "a template must be a JSON object", data)])
        allowed = {field.name for field in attrs.fields(cls)}
        problems.extend(Problem(f"$.{key}", "unknown key", data[key]) for key in data if key not in allowed)
        problems.extend(
            Problem(f"$.{field.name}", "a template needs this field; it is missing")
            for field in attrs.fields(cls)
            if field.init and field.default is attrs.NOTHING and field.name not in data
        )
        parts: dict[str, Any] = {key: data[key] for key in data if key in allowed}
        for key, part_cls in (("labels", Label), ("patterns", LinePattern), ("paragraphs", PhraseRule), ("cues", Cue)):
            if key in parts:
                parts[key] = _build_many(part_cls, parts[key], f"$.{key}", problems)
        if problems:
            raise ValidationError(problems)
        try:
            return cls(**parts)
        except (TypeError, ValueError) as error:
            raise ValidationError([Problem("$", str(error))]) from None

    def to_dict(self) -> dict[str, Any]:
        """The template as JSON-ready data, as :meth:`from_dict` reads it (defaults left out)."""

        def keep(attribute: attrs.Attribute[Any], value: object) -> bool:
            return value != attribute.default

        data: dict[str, Any] = json.loads(json.dumps(attrs.asdict(self, filter=keep)))  # tuples become lists
        return data


def _build_many(cls: type[Any], values: object, path: str, problems: list[Problem]) -> tuple[Any, ...]:
    if not isinstance(values, list):
        problems.append(Problem(path, "expected a list", values))
        return ()
    allowed = {field.name for field in attrs.fields(cls)}
    built: list[Any] = []
    for index, value in enumerate(cast("list[object]", values)):
        where = f"{path}[{index}]"
        if not isinstance(value, Mapping):
            problems.append(Problem(where, "expected an object", value))
            continue
        entry = cast("Mapping[str, Any]", value)
        unknown = [key for key in entry if key not in allowed]
        problems.extend(Problem(f"{where}.{key}", "unknown key", entry[key]) for key in unknown)
        if unknown:
            continue
        try:
            built.append(cls(**entry))
        except (TypeError, ValueError) as error:
            problems.append(Problem(where, str(error)))
    return tuple(built)


def load_template(path: str | Path) -> Template:
    """Read a template from a JSON file, strictly and within the default limits.

    Raises:
        ValidationError: The file is not strict JSON in UTF-8 or not a valid template.
        LimitExceededError: The file is larger or deeper than the default limits.
        FileAccessError: *path* is not a regular file.
        OSError: The file cannot be read.
    """
    try:
        data = parse_json(read_bytes(path, DEFAULT_LIMITS), DEFAULT_LIMITS)
        return Template.from_dict(data)  # type: ignore[arg-type]  # from_dict refuses what is not an object
    except ValidationError as error:
        raise error.with_source(str(path)) from None
