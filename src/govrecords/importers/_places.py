"""Countries, places, and the global IGF meetings the importer recognises by name or place.

A place such as "Bali, Indonesia" or "Room Tornimäe II, Swissotel, Tallinn" is
split into venue, city and country (an ISO 3166-1 alpha-2 code, when the country
is named). The IGF meetings table lets an announcement dated 24 October 2013 in
Bali be placed at IGF 2013, and "the IGF Baku" be read as IGF 2012.
"""

from __future__ import annotations

import re

import attrs

from govrecords.dates import DateRange, PartialDate
from govrecords.importers._text import fold_text

__all__ = [
    "KNOWN_FORUMS",
    "KnownForum",
    "country_code",
    "find_forum",
    "is_venue",
    "names_another_forum",
    "split_place",
]

_COUNTRIES = """
AF Afghanistan|AL Albania|DZ Algeria|AD Andorra|AO Angola|AG Antigua and Barbuda|AR Argentina|AM Armenia|
AU Australia|AT Austria|AZ Azerbaijan|BS Bahamas|BH Bahrain|BD Bangladesh|BB Barbados|BY Belarus|BE Belgium|
BZ Belize|BJ Benin|BT Bhutan|BO Bolivia|BA Bosnia and Herzegovina|BW Botswana|BR Brazil|BN Brunei|
BG Bulgaria|BF Burkina Faso|BI Burundi|CV Cabo Verde|CV Cape Verde|KH Cambodia|CM Cameroon|CA Canada|
CF Central African Republic|TD Chad|CL Chile|CN China|CO Colombia|KM Comoros|CG Congo|
CD Democratic Republic of the Congo|CD DR Congo|CR Costa Rica|CI Cote d'Ivoire|CI Ivory Coast|HR Croatia|CU Cuba|
CY Cyprus|CZ Czech Republic|CZ Czechia|DK Denmark|DJ Djibouti|DM Dominica|DO Dominican Republic|EC Ecuador|
EG Egypt|SV El Salvador|GQ Equatorial Guinea|ER Eritrea|EE Estonia|SZ Eswatini|ET Ethiopia|FJ Fiji|FI Finland|
FR France|GA Gabon|GM Gambia|GM The Gambia|GE Georgia|DE Germany|GH Ghana|GR Greece|GD Grenada|GT Guatemala|
GN Guinea|GW Guinea-Bissau|GY Guyana|HT Haiti|HN Honduras|HK Hong Kong|HU Hungary|IS Iceland|IN India|
ID Indonesia|IR Iran|IQ Iraq|IE Ireland|IL Israel|IT Italy|JM Jamaica|JP Japan|JO Jordan|KZ Kazakhstan|KE Kenya|
KI Kiribati|KP North Korea|KR South Korea|KR Korea|KR Republic of Korea|XK Kosovo|KW Kuwait|KG Kyrgyzstan|
LA Laos|LV Latvia|LB Lebanon|LS Lesotho|LR Liberia|LY Libya|LI Liechtenstein|LT Lithuania|LU Luxembourg|
MO Macao|MG Madagascar|MW Malawi|MY Malaysia|MV Maldives|ML Mali|MT Malta|MH Marshall Islands|MR Mauritania|
MU Mauritius|MX Mexico|FM Micronesia|MD Moldova|MC Monaco|MN Mongolia|ME Montenegro|MA Morocco|MZ Mozambique|
MM Myanmar|NA Namibia|NR Nauru|NP Nepal|NL Netherlands|NL The Netherlands|NZ New Zealand|NI Nicaragua|NE Niger|
NG Nigeria|MK North Macedonia|NO Norway|OM Oman|PK Pakistan|PW Palau|PS Palestine|PA Panama|
PG Papua New Guinea|PY Paraguay|PE Peru|PH Philippines|PL Poland|PT Portugal|PR Puerto Rico|QA Qatar|
RO Romania|RU Russia|RU Russian Federation|RW Rwanda|KN Saint Kitts and Nevis|LC Saint Lucia|
VC Saint Vincent and the Grenadines|WS Samoa|SM San Marino|ST Sao Tome and Principe|SA Saudi Arabia|SN Senegal|
RS Serbia|SC Seychelles|SL Sierra Leone|SG Singapore|SK Slovakia|SI Slovenia|SB Solomon Islands|SO Somalia|
ZA South Africa|SS South Sudan|ES Spain|LK Sri Lanka|SD Sudan|SR Suriname|SE Sweden|CH Switzerland|SY Syria|
TW Taiwan|TJ Tajikistan|TZ Tanzania|TH Thailand|TL Timor-Leste|TG Togo|TO Tonga|TT Trinidad and Tobago|
TN Tunisia|TR Turkey|TR Turkiye|TM Turkmenistan|TV Tuvalu|UG Uganda|UA Ukraine|AE United Arab Emirates|
AE UAE|GB United Kingdom|GB UK|GB Great Britain|US United States|US United States of America|US USA|UY Uruguay|
UZ Uzbekistan|VU Vanuatu|VA Holy See|VE Venezuela|VN Viet Nam|VN Vietnam|YE Yemen|ZM Zambia|ZW Zimbabwe
"""


def _country_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for entry in _COUNTRIES.replace("\n", "").split("|"):
        code, _, name = entry.strip().partition(" ")
        table[fold_text(name)] = code
    return table


_COUNTRY = _country_table()
_COUNTRY.update({"côte d'ivoire": "CI", "türkiye": "TR", "são tomé and príncipe": "ST"})


def country_code(name: str) -> str | None:
    r"""The ISO 3166-1 alpha-2 code of a country named in English, or None.

    >>> country_code("Indonesia"), country_code("Côte d\u2019Ivoire"), country_code("Atlantis")
    ('ID', 'CI', None)
    """
    if len(name) > 60:
        return None
    return _COUNTRY.get(fold_text(name).strip(" .,;()"))


def split_place(text: str) -> tuple[str | None, str | None, str | None]:
    """Split a place into (venue, city, country code).

    The last comma-separated part is the country when it names one; the part
    before it (or the last part, when no country is named) is the city; anything
    earlier is the venue.

    >>> split_place("Bali, Indonesia")
    (None, 'Bali', 'ID')
    >>> split_place("Room Tornimäe II, Swissotel, Tallinn")
    ('Room Tornimäe II, Swissotel', 'Tallinn', None)
    """
    parts = [" ".join(part.split()) for part in text.split(",")]
    parts = [part for part in parts if part]
    if not parts:
        return None, None, None
    code = country_code(parts[-1]) if len(parts) > 1 or country_code(parts[-1]) else None
    if code is not None:
        parts = parts[:-1]
    if not parts:
        return None, None, code
    city = parts[-1]
    if is_venue(city):
        return ", ".join(parts), None, code  # "Main Hall", "Caucus Room 7": a room, not a city
    venue = ", ".join(parts[:-1]) or None
    return venue, city, code


_VENUE_WORDS = frozenset(
    {
        "hall",
        "room",
        "auditorium",
        "salle",
        "sala",
        "centre",
        "center",
        "building",
        "floor",
        "conference",
        "plenary",
        "workshop",
        "workshops",
        "online",
        "virtual",
        "video",
        "recording",
        "record",
        "stage",
        "tent",
        "lounge",
        "wing",
        "level",
        "hotel",
        "palais",
        "campus",
        "venue",
        "annex",
        "pavilion",
        "theatre",
        "theater",
        "studio",
        "booth",
        "hub",
        "last",
        "updated",
        "hybrid",
        "remote",
        "zoom",
    }
)


def is_venue(text: str) -> bool:
    """Whether a place names a room or a venue rather than a city: a venue word or a number in it.

    >>> is_venue("Caucus Room 7"), is_venue("Main Hall"), is_venue("Rio de Janeiro")
    (True, True, False)
    """
    words = fold_text(text[:200]).replace("-", " ").split()
    return any(word in _VENUE_WORDS or any(char.isdigit() for char in word) for word in words)


@attrs.frozen
class KnownForum:
    """A global IGF meeting: its id, year, host city and country, and dates."""

    id: str
    year: int
    city: str
    country: str
    dates: DateRange
    aliases: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The forum's name ("IGF 2012")."""
        return f"IGF {self.year}"


def _igf(
    year: int, city: str, country: str, first: tuple[int, int], last: tuple[int, int], *aliases: str
) -> KnownForum:
    dates = DateRange(PartialDate(year, *first), PartialDate(year, *last))
    return KnownForum(f"igf-{year}", year, city, country, dates, aliases)


KNOWN_FORUMS: tuple[KnownForum, ...] = (
    _igf(2006, "Athens", "GR", (10, 30), (11, 2)),
    _igf(2007, "Rio de Janeiro", "BR", (11, 12), (11, 15), "Rio"),
    _igf(2008, "Hyderabad", "IN", (12, 3), (12, 6)),
    _igf(2009, "Sharm El Sheikh", "EG", (11, 15), (11, 18), "Sharm"),
    _igf(2010, "Vilnius", "LT", (9, 14), (9, 17)),
    _igf(2011, "Nairobi", "KE", (9, 27), (9, 30)),
    _igf(2012, "Baku", "AZ", (11, 6), (11, 9)),
    _igf(2013, "Bali", "ID", (10, 22), (10, 25), "Nusa Dua"),
    _igf(2014, "Istanbul", "TR", (9, 2), (9, 5)),
    _igf(2015, "João Pessoa", "BR", (11, 10), (11, 13), "Joao Pessoa"),
    _igf(2016, "Guadalajara", "MX", (12, 6), (12, 9)),
    _igf(2017, "Geneva", "CH", (12, 18), (12, 21)),
    _igf(2018, "Paris", "FR", (11, 12), (11, 14)),
    _igf(2019, "Berlin", "DE", (11, 25), (11, 29)),
    _igf(2021, "Katowice", "PL", (12, 6), (12, 10)),
    _igf(2022, "Addis Ababa", "ET", (11, 28), (12, 2)),
    _igf(2023, "Kyoto", "JP", (10, 8), (10, 12)),
    _igf(2024, "Riyadh", "SA", (12, 15), (12, 19)),
    _igf(2025, "Lillestrøm", "NO", (6, 23), (6, 27), "Lillestrom", "Oslo"),
)
"""The global IGF meetings held in a host city, 2006-2025 (2020 was held online)."""


_GLOBAL_QUALIFIERS = frozenset(
    {"the", "a", "at", "to", "of", "for", "in", "global", "annual", "un", "united", "nations"}
)


_QUALIFIED_IGF = re.compile(
    r"\b(?P<glued>[A-Z][A-Za-z]{0,5})-?IGF\b"
    r"|\b(?P<spaced>[A-Z][\w'.-]*(?:[ ][A-Z][\w'.-]*){0,2})[ ](?:IGF|Internet[ ]Governance[ ]Forum)\b"
    r"|\bIGF-(?P<after>[A-Z][A-Za-z]{0,5})\b"
    r"|\bInternet[ ]Governance[ ]Forum[ ](?:\(IGF\)[ ])?(?P<country>[A-Z][\w ]{1,30}?)[ ]*(?:$|[,|\u2013\u2014(]|\d)",
    re.MULTILINE,
)
_REGION_TEXT = """africa african arab asia asian pacific asia-pacific caribbean europe european latin america american
    east west north south central eastern western southern northern regional sub-regional subregional national youth
    nordic baltic balkan mediterranean commonwealth francophone lusophone"""
_REGION_WORDS = frozenset(_REGION_TEXT.split())
"""Words of a region or a kind of forum before "IGF": "West Africa IGF", "Youth IGF"."""


def names_another_forum(head: str) -> bool:
    """Whether the head of a text names a national, regional or youth IGF (not the global one) as its forum.

    "UKIGF 2013", "IGF-USA 2012", "Internet Governance Forum USA", "West Africa IGF",
    "Youth IGF", "Kenya IGF"; never the global meeting ("The 8th IGF", "IGF 2019",
    "Paris IGF") or a document's words before it ("Session Report IGF 2019").

    >>> names_another_forum("Report from the plenary at UKIGF 2013"), names_another_forum("IGF-USA 2012")
    (True, True)
    >>> names_another_forum("Internet Governance Forum USA"), names_another_forum("West Africa IGF communique")
    (True, True)
    >>> names_another_forum("The Global IGF 2019 in Paris"), names_another_forum("Session Report IGF 2019")
    (False, False)
    >>> names_another_forum("Kyoto IGF 2023: Workshop report"), names_another_forum("Sixth IGF, Nairobi")
    (False, False)
    """
    for found in _QUALIFIED_IGF.finditer(head):
        glued = found.group("glued") or found.group("after")
        if glued is not None:
            if glued.upper() == glued and fold_text(glued) not in {"ws", "of", "dc", "un", "the", "mag"}:
                return True  # "UKIGF", "EA-IGF", "IGF-USA", "IGF-D"
            continue
        spaced = found.group("spaced") or found.group("country") or ""
        words = fold_text(spaced).split()
        if not words:
            continue
        if country_code(spaced.strip()) is not None or all(word in _REGION_WORDS for word in words):
            return True
    return False


def find_forum(*, name: str | None = None, year: int | None = None, city: str | None = None) -> KnownForum | None:
    """The global IGF meeting a name ("the IGF Baku", "IGF 2012"), a year or a city points to.

    >>> find_forum(name="the IGF Baku").id
    'igf-2012'
    >>> find_forum(year=2013, city="Bali").id
    'igf-2013'
    >>> find_forum(name="Ruritania IGF 2024") is None
    True
    """
    if name is not None:
        words = fold_text(name[:200]).replace(",", " ").split()
        if "igf" not in words and "internet governance forum" not in " ".join(words):
            return None
        # "Ruritania IGF 2024", "Youth IGF", "West Africa IGF": a qualifier before the
        # name makes it a national, youth or regional IGF, never the global meeting.
        head = words[: words.index("igf")] if "igf" in words else words[: words.index("internet")]
        if any(word not in _GLOBAL_QUALIFIERS for word in head):
            return None
        joined = " " + " ".join(words) + " "
        for forum in KNOWN_FORUMS:
            if f" {forum.year} " in joined:
                return forum
        for forum in KNOWN_FORUMS:
            if any(f" {fold_text(place)} " in joined for place in (forum.city, *forum.aliases)):
                return forum
        return None
    candidates = [forum for forum in KNOWN_FORUMS if year is None or forum.year == year]
    if city is not None:
        key = fold_text(city)
        candidates = [f for f in candidates if key in {fold_text(p) for p in (f.city, *f.aliases)}]
    elif year is None:
        return None
    return candidates[0] if len(candidates) == 1 else None
