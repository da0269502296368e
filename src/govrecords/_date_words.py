"""The words dates are written in: month and weekday names, zone abbreviations, ordinals, range words.

The tables :mod:`govrecords.dateparse` reads dates with, apart from the reading
itself: month and weekday names in English, French and Spanish (:data:`MONTH_WORDS`,
and :data:`WORDS` as python-dateutil's ``parserinfo``), the zone abbreviations
forum documents use with their offsets (:data:`ZONES`), an IANA zone name's form,
the suffixes of ordinal days, the words that join the two ends of a range, and
the dashes read as a hyphen. :data:`MONTH_WORDS`, :data:`WEEKDAY_WORDS` and :data:`ZONES` are public as
``govrecords.dateparse.MONTH_WORDS``, ``govrecords.dateparse.WEEKDAY_WORDS`` and ``govrecords.dateparse.ZONES``.

>>> WORDS.month("septiembre"), WORDS.weekday("jeudi"), ZONES["eest"]
(9, 3, 180)
"""

from __future__ import annotations

import re
from typing import Any, cast

from dateutil.parser import parserinfo

__all__ = [
    "DASHES",
    "IANA_ZONE",
    "MONTH_WORDS",
    "ORDINALS",
    "RANGE_WORDS",
    "WEEKDAY_NAMES",
    "WEEKDAY_WORDS",
    "WORDS",
    "ZONES",
]


# The month and weekday names read: English, French and Spanish, as global, regional
# and national forums write them; each French name also without its accents, as
# plain-text exports lose them. Weekday abbreviations are English only: the French
# and Spanish ones clash with month abbreviations ("mar").
# fmt: off
_MONTH_NAMES: list[tuple[str, ...]] = [
    ("jan", "january", "janvier", "janv", "enero", "ene"),
    ("feb", "february", "février", "fevrier", "févr", "fevr", "févr", "febrero"),
    ("mar", "march", "mars", "marzo"),
    ("apr", "april", "avril", "avr", "abril", "abr"),
    ("may", "mai", "mayo"),
    ("jun", "june", "juin", "junio"),
    ("jul", "july", "juillet", "juil", "julio"),
    ("aug", "august", "août", "aout", "agosto", "ago"),
    ("sep", "sept", "september", "septembre", "septiembre", "setiembre", "set"),
    ("oct", "october", "octobre", "octubre"),
    ("nov", "november", "novembre", "noviembre"),
    ("dec", "december", "décembre", "decembre", "déc", "diciembre", "dic"),
]
# fmt: on
MONTH_WORDS: frozenset[str] = frozenset(word for names in _MONTH_NAMES for word in names)
"""Every month name and abbreviation the date reader takes, in every language it reads."""
# fmt: off
_WEEKDAY_WORDS: list[tuple[str, ...]] = [
    ("mon", "monday", "lundi", "lunes"),
    ("tue", "tues", "tuesday", "mardi", "martes"),
    ("wed", "wednesday", "mercredi", "miércoles", "miercoles"),
    ("thu", "thur", "thurs", "thursday", "jeudi", "jueves"),
    ("fri", "friday", "vendredi", "viernes"),
    ("sat", "saturday", "samedi", "sábado", "sabado"),
    ("sun", "sunday", "dimanche", "domingo"),
]
# fmt: on
WEEKDAY_WORDS: frozenset[str] = frozenset(word for names in _WEEKDAY_WORDS for word in names)
"""Every weekday name and abbreviation the date reader takes, in every language it reads."""


class _Words(parserinfo):
    """The names above as python-dateutil's vocabulary (``parserinfo`` is its documented way to localise)."""

    def __init__(self) -> None:
        self.MONTHS = cast("Any", _MONTH_NAMES)
        self.WEEKDAYS = cast("Any", _WEEKDAY_WORDS)
        super().__init__()


WORDS = _Words()
"""The month and weekday names: ``WORDS.month(word)`` is 1 to 12, ``WORDS.weekday(word)`` 0 (Monday) to 6, or None."""

# Zone abbreviations seen in forum records, with their offsets in minutes. An
# abbreviation names an offset in use, so the offset is exact for the document.
# fmt: off
ZONES: dict[str, int] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "west": 60, "bst": 60, "cet": 60, "cest": 120,
    "eet": 120, "eest": 180, "msk": 180, "ast": 180, "gst": 240, "pkt": 300, "ist": 330, "wib": 420,
    "ict": 420, "wita": 480, "cst": 480, "sgt": 480, "jst": 540, "kst": 540, "aest": 600, "nzst": 720,
    "brt": -180, "art": -180, "edt": -240, "est": -300, "cdt": -300, "mdt": -360, "pdt": -420, "pst": -480,
    "azt": 240, "cat": 120, "eat": 180, "wat": 60, "sast": 120,
}
# fmt: on

ORDINALS = {"st", "nd", "rd", "th", "er", "re", "ère", "e", "º"}  # 1st, 1er, 1re, 2e, 1º
RANGE_WORDS = {"to", "until", "till", "through", "and", "au", "et", "al", "hasta", "y"}  # du 2 au 4, del 2 al 4
# An IANA zone name ("Europe/Paris"): python-dateutil's tz gives its offset on the day,
# summer time included, which no fixed table can.
IANA_ZONE = re.compile(
    r"(?<![\w/])(?:Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_]+(?:/[A-Za-z_]+)?"
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""The weekdays' names as error messages write them, Monday first (as :func:`calendar.weekday` counts)."""
DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " "})
"""For :meth:`str.translate`: en, em and figure dashes and the minus sign to a hyphen, a no-break space to a space."""
