"""The registered templates (the built-in ones first) and template detection."""

from __future__ import annotations

import functools
import json
from importlib import resources

from govrecords.importers._result import Detection
from govrecords.importers._template import Template
from govrecords.importers._text import fold_text

__all__ = [
    "BUILT_IN",
    "DETECT_LIMIT",
    "FALLBACK",
    "LOW_CONFIDENCE",
    "detect",
    "get",
    "register",
    "templates",
    "unregister",
]

BUILT_IN = (
    "igf-session-report",
    "workshop-announcement",
    "igf-2015-workshop-report",
    "igf-2013-workshop-proposal",
    "igf-2015-workshop-proposal",
    "igf-workshop-page",
    "eurodig-session-page",
    "regional-igf-communique",
    "igf-messages",
    "igf-workshop-report",
    "chair-summary",
    "main-session-page",
    "synthesis-draft",
    "report-table",
    "transcript",
    "generic",
)
"""The names of the built-in templates, in the order detection prefers them on a tie."""

FALLBACK = "generic"
"""The template used when none fits (see :data:`LOW_CONFIDENCE`)."""

LOW_CONFIDENCE = 0.3
"""Below this confidence, detection falls back to :data:`FALLBACK`, with a warning."""

DETECT_LIMIT = 65_536
"""How many characters from the start of a text detection reads."""

_registered: dict[str, Template] = {}


def _load_built_in() -> None:
    if _registered:
        return
    folder = resources.files("govrecords.importers").joinpath("templates")
    for name in BUILT_IN:
        data = json.loads(folder.joinpath(f"{name}.json").read_text("utf-8"))
        _registered[name] = Template.from_dict(data)


def templates() -> tuple[Template, ...]:
    """Every registered template, the built-in ones first.

    >>> [t.name for t in templates()][:2]
    ['igf-session-report', 'workshop-announcement']
    """
    _load_built_in()
    return tuple(_registered.values())


def get(name: str) -> Template:
    """The registered template called *name*.

    Raises:
        KeyError: No template has that name (the message lists the names).
    """
    _load_built_in()
    found = _registered.get(name)
    if found is None:
        raise KeyError(f"no template named {name!r}; the templates are {', '.join(_registered)}")
    return found


def register(template: Template, *, replace: bool = False) -> None:
    """Add a template, so detection considers it and it can be named.

    Raises:
        ValueError: A template of that name is registered and *replace* is false.
        TypeError: *template* is not a :class:`Template`.
    """
    if not isinstance(template, Template):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers
        raise TypeError(f"expected a Template, got {type(template).__name__}")
    _load_built_in()
    if template.name in _registered and not replace:
        raise ValueError(f"a template named {template.name!r} is already registered; pass replace=True to replace it")
    _registered[template.name] = template


def unregister(name: str) -> None:
    """Remove a template added with :func:`register` (built-in templates stay).

    Raises:
        KeyError: No such template was registered.
        ValueError: *name* is a built-in template.
    """
    _load_built_in()
    if name in BUILT_IN:
        raise ValueError(f"{name!r} is a built-in template and cannot be removed")
    if name not in _registered:
        raise KeyError(f"no template named {name!r} is registered")
    del _registered[name]


SATURATION = 8.0
"""The cue weight that makes a template certain, once one of its strong cues is found.

A template with many alternative cues (every wording of a report's headings) is not
less likely for having them: once a cue of weight 2 or more is found, its confidence
is measured against this weight or half of all its cues' weight, whichever is more,
not against the sum of all its cues.
"""


@functools.lru_cache(maxsize=64)
def _cues(template: Template) -> tuple[float, tuple[tuple[float, tuple[str, ...]], ...]]:
    """A template's cues folded once: the total positive weight, and each cue's weight and folded alternatives."""
    cues = tuple(
        (cue.weight, tuple(folded for phrase in cue.phrase.split("|") if (folded := fold_text(phrase))))
        for cue in template.cues
        if cue.weight != 0
    )
    return sum(weight for weight, _ in cues if weight > 0), cues


def score(template: Template, folded: str) -> Detection:
    """How well *template* fits a folded text.

    The weight of its cues found, less the weight of its negative cues found (a
    phrase that speaks against it: "Key Takeaways" against a chair's summary),
    over the weight of all its positive cues; or, when a strong cue (weight 2
    or more) is found, over :data:`SATURATION` or half that total, whichever
    is more (and never over more than the total); between 0 and 1.
    Weak cues alone ("speakers", "report") never count for more than their
    share of the whole.
    """
    total, cues = _cues(template)
    if total <= 0:
        return Detection(template.name, 0.0)
    found: list[str] = []
    weight = 0.0
    strong = False
    for cue_weight, alternatives in cues:
        hit = next((phrase for phrase in alternatives if phrase in folded), None)
        if hit is not None:
            if cue_weight > 0:
                found.append(hit)
                strong = strong or cue_weight >= 2
            weight += cue_weight
    scale = max(min(total, SATURATION), total / 2) if strong else total
    return Detection(template.name, round(max(0.0, min(1.0, weight / scale)), 4), tuple(found))


def detect(text: str) -> tuple[Detection, ...]:
    r"""Score every registered template against *text*, best first (ties in registration order).

    A template's confidence is the weight of its cues found in the first
    65,536 characters, less the weight of its negative cues found, over the
    weight of all its positive cues, or a smaller measure once a strong cue
    is found (between 0 and 1; see :func:`score`). Below
    :data:`LOW_CONFIDENCE` an import falls back to ``generic`` with a warning.

    >>> detect("Session Name: X\nIssues which reached a common view: Y")[0].template
    'igf-session-report'
    """
    folded = " " + fold_text(text[:DETECT_LIMIT]) + " "
    scored = [score(template, folded) for template in templates()]
    order = {detection.template: index for index, detection in enumerate(scored)}
    return tuple(sorted(scored, key=lambda d: (-d.confidence, order[d.template])))
