"""Lines that are not a title: site banners, navigation, datelines, mastheads, labels, form instructions.

:func:`title_rejection` says why a line cannot be a document's title (or None);
:func:`is_masthead` tells a line that only names the forum. The session-code
pattern ("WS #12") lives here, as both titles and identifiers read it.
"""

from __future__ import annotations

import re

from govrecords.importers._city_names import CITY_COUNTRY, known_city
from govrecords.importers._dates import MONTH, PASSAGE, TIME_ONLY
from govrecords.importers._places import country_code
from govrecords.vocabulary import SessionKind

__all__ = [
    "BODY_STARTS",
    "CODE",
    "CODE_KINDS",
    "DOCUMENT_WORDS",
    "FORUM_WORDS",
    "SHORT_CODE",
    "is_masthead",
    "title_rejection",
]


_CODE_WORDS = (
    r"WS|OF|TH|DC|BPF|NRI|PL|FS|LT|(?i:Workshop|Open\s+Forum|Town\s*Hall|Flash\s+Session|Lightning\s+Talk"
    r"|Networking\s+Session)"
)
CODE = re.compile(rf"\b(?:{_CODE_WORDS})(?:\s*(?:#|No\.?|N°)\s*|\s+|(?<=[A-Z]{{2}}))\d{{1,4}}\b(?![.:]\d)")
CODE_KINDS = {
    "ws": SessionKind.WORKSHOP,
    "of": SessionKind.OPEN_FORUM,
    "dc": SessionKind.DYNAMIC_COALITION,
    "bpf": SessionKind.BEST_PRACTICE_FORUM,
    "fs": SessionKind.FLASH_SESSION,
    "lt": SessionKind.LIGHTNING_TALK,
}
"""The session kinds the short codes of :data:`CODE` name ("WS #12", "OF 27"); a town hall, an NRI
session or a main session ("PL") has none of its own."""
SHORT_CODE = re.compile(r"^(?:WS|OF|TH|DC|BPF|NRI|PL|FS|LT)")


_BOILERPLATE_TITLE = re.compile(
    r"^(?:welcome\s+to|skip\s+to|jump\s+to|you\s+are\s+(?:on|here)|page\s+\d+\s+of|home\s*[|>»/]|main\s+menu|menu\b"
    r"|for\s+immediate\s+release|this\s+(?:legacy\s+)?(?:site|page)|search\b|log\s*in|sign\s+(?:in|up)|share\b"
    r"|print\b|back\s+to|click|cookie|template\s+only|\*\s*template|note\s*:|disclaimer|breadcrumb|menu"
    r"|also\s+available|download|printer|from\s+eurodig\s+wiki|retrieved\s+from|last\s+(?:edited|updated)"
    r"|this\s+is\s+an?\s+(?:old|earlier|draft)|revision\s+as\s+of|draft\b|continue\s+reading|read\s+more"
    r"|[a-z]+_[a-z_]+\b)",
    re.IGNORECASE,
)
_REPORT_BANNER = re.compile(r"\b(?:report\s+)?page\s+\d+\s+of\s+\d+\b|\breports?\s*$", re.IGNORECASE)
# a page's status or byline: "Loading...", "Page created by J. Doe", "Last modified by ..."
_STATUS_LINE = re.compile(
    r"^[^\W\d_]+\s*(?:\u2026|\.{3})$|^(?:page\s+)?(?:created|modified|edited|maintained)\s+by\b", re.IGNORECASE
)
# a row of bracketed links: "[Programme] [Speakers] [Report]"
_LINK_ROW = re.compile(r"^(?:\[[^\]\n]{1,80}\]\s*){2,}$")
# a list item: "\u2022 Ada Quill", "- Panel one", "* Opening"
_ITEM = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25e6\u2013]|[-*](?=\s))\s*")
FORUM_WORDS = frozenset(
    {
        "internet",
        "governance",
        "forum",
        "igf",
        "meeting",
        "annual",
        "secretariat",
        "documents",
        "document",
        "the",
        "of",
        "on",
        "a",
        "an",
        "for",
        "regional",
        "national",
        "youth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "5th",
        "6th",
        "7th",
        "8th",
        "9th",
        "10th",
        "11th",
        "12th",
        "13th",
        "14th",
        "15th",
        "16th",
        "17th",
        "18th",
        "19th",
        "20th",
        "edition",
        "global",
        "united",
        "nations",
        "un",
        "website",
        "archive",
        "official",
        "reports",
        "sessions",
        "programme",
        "program",
        "schedule",
        "site",
        "page",
        "day",
        "and",
    }
)
DOCUMENT_WORDS = frozenset(
    {
        "summary",
        "messages",
        "minutes",
        "communique",
        "communiqué",
        "declaration",
        "synthesis",
        "outcome",
        "statement",
        "resolution",
        "report",
        "resolutions",
        "proceedings",
        "transcript",
        "notes",
        "recommendations",
    }
)
_GENERIC_HEADING = frozenset(
    {
        "workshop",
        "workshops",
        "report",
        "reports",
        "session",
        "sessions",
        "main",
        "programme",
        "program",
        "for",
        "of",
        "the",
        "on",
        "and",
        "summary",
        "preparatory",
        "process",
        "venue",
        "map",
        "page",
        "compiled",
        "by",
        "secretariat",
        "template",
        "proposal",
        "agenda",
        "schedule",
        "day",
        "annex",
        "contents",
        "table",
        "documents",
        "document",
        "transcript",
        "full",
        "also",
        "available",
        "in",
        "overview",
        "background",
        "a",
        "open",
        "forum",
        "forums",
        "town",
        "hall",
        "halls",
        "list",
        "all",
        "archive",
        "news",
        "event",
        "events",
        "details",
        "information",
        "info",
        "description",
        "abstract",
        "title",
        "home",
        "minutes",
    }
)
_INSTRUCTION = re.compile(
    r"\bplease\b|\bfields?\s+marked\b|\bcompulsory\b|\bmandatory\b|^if\s|\[\s*clear\s+filter\s*\]"
    r"|\bclick\b|^(?:posted|published|written|updated|filed)\b|^by\s|\b\d+\s*(?:min|mins|minutes)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^(?:[-*\u2022\u00b7]\s*)?(?:Mr|Ms|Mrs|Dr|Prof|H\.\s?E|Hon|Eng|Ing)\.?\s+[A-Z]")
_LABEL_LINE = re.compile("^[\\w'\u2019 ()/&.-]{1,40}:\\s+\\S|^[\\w'\u2019 ()/&.-]{1,60}:$")


# a document's own section heading after its number: "I. Introduction", "2. Background"
_SECTION_NUMBER = re.compile(r"^(?:[ivxlc]{1,5}|\d{1,2}(?:\.\d{1,2})*)[.)]\s+", re.IGNORECASE)
_SECTION_WORDS = frozenset(
    {
        "introduction",
        "background",
        "overview",
        "conclusion",
        "conclusions",
        "preamble",
        "context",
        "acknowledgements",
        "acknowledgments",
        "executive",
        "methodology",
        "opening",
        "closing",
        "remarks",
        "annexes",
        "appendix",
    }
)
"""The words of a document's own section headings besides those of :data:`_GENERIC_HEADING`."""
# a programme's time slot: "8:00 AM - 9:00 AM - Plenary", "9.30 Opening", "14:00h Panel"
_TIME_SLOT = re.compile(r"^\d{1,2}[:.]\d{2}\b")
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# a venue on its own line: "Harbour Conference Centre", "Grand Hotel Orion", "Room B (2nd floor)"
_VENUE = re.compile(
    r"^(?:(?:[^\W\d_][\w'\u2019&.-]*\s+){0,5}(?<!town )(?:cent(?:er|re)|hotel|hall|auditorium|ballroom|building|"
    r"campus|pavilion|palais|theatre|theater)|hotel\s+[^\W\d_][\w'\u2019.-]*(?:\s+[^\W\d_][\w'\u2019.-]*){0,3}|room\s+\S{1,6})"
    r"(?:\s*\([^)]{0,40}\))?$",
    re.IGNORECASE,
)
# a street address: "1800 K Street, NW, Washington", "12 rue des Lilas"
_ADDRESS = re.compile(
    r"^\d{1,5}(?-i:[a-z])?,?\s+(?:(?:[\w'\u2019.-]+\s+){0,4}(?:street|st\.?|avenue|ave\.?|road|rd\.?|boulevard|"
    r"blvd\.?|lane|drive|square|place|plaza|strasse|straße|way)\s*(?:,|$)|(?:rue|via|calle|avenida|avenue)\s)",
    re.IGNORECASE,
)
# words that make a line a sentence about the meeting, never its title: "IGF-X will be held on 26 July at ..."
_EVENT_VERB = re.compile(
    r"\b(?:will\s+be\s+held|was\s+held|were\s+held|is\s+(?:being\s+)?held|has\s+been\s+held|took\s+place|"
    r"takes\s+place|will\s+take\s+place|was\s+organi[sz]ed|wrapped\s+up)\b",
    re.IGNORECASE,
)
BODY_STARTS = frozenset({"section", "schedule", "sentence"})
"""The reasons that say the document's body has begun: no line below is its title."""
_TWO_SENTENCES = re.compile(r"[a-z]{2}\.\s+[A-Z][a-z]")
"""One sentence ending and the next beginning on the line: "The event has ended. View the site"."""
SENTENCE_WORDS = 25
"""A line of this many words or more is prose, never a title (the longest labelled title has 12)."""


_REPORT_PHRASE = re.compile(r"\b(?:workshop|session)\s+reports?\b", re.IGNORECASE)


def is_masthead(line: str) -> bool:
    """Whether a line only names the forum, its year and place, not a document's own title.

    "LESOTHO INTERNET GOVERNANCE FORUM", "Fifth Meeting of the Internet
    Governance Forum" and "IGF 2019 Reports" are mastheads.

    >>> is_masthead("Pacific Internet Governance Forum 2013"), is_masthead("Kigali IGF Messages")
    (True, False)
    """
    line = _REPORT_PHRASE.sub(" ", line)
    words = re.findall(r"[^\W_]+", line.lower())
    if not words:
        return False
    if any(word in DOCUMENT_WORDS for word in words):
        return False
    if not ({"igf", "forum"} & set(words) or "reports" in words):
        return False
    shouting = line.upper() == line
    rest = [
        w
        for w in re.findall(r"[^\W_]+", line)
        if w.lower() not in FORUM_WORDS and not w.isdigit() and not MONTH.fullmatch(w)
    ]
    return len(rest) <= 3 and all(shouting or w[:1].isupper() or w.isupper() for w in rest)


def _only_date_or_place(line: str) -> bool:
    if TIME_ONLY.match(line):
        return True
    stripped = line
    passage = PASSAGE.sub(" ", stripped)
    passage = CITY_COUNTRY.sub(" ", passage)
    leftover = re.findall(r"[^\W\d_]{2,}", passage)
    leftover = [w for w in leftover if w.lower() not in FORUM_WORDS and country_code(w) is None and not known_city(w)]
    dated = bool(MONTH.search(line))
    named = [w for w in leftover if w not in ("from", "of", "in", "de", "du")]  # "Messages from Halvarn | 19 June"
    if dated and len(line) <= 70 and len(named) <= 4 and all(w[:1].isupper() for w in named):
        return True  # "Port Lumen, 3-5 September 2013": a place and a date
    return len(leftover) <= 1 and (dated or bool(CITY_COUNTRY.search(line)))


_LABEL_WORDS = frozenset(
    {
        "name",
        "title",
        "date",
        "dates",
        "time",
        "list",
        "venue",
        "place",
        "location",
        "room",
        "organizer",
        "organiser",
        "organizers",
        "organisers",
        "speaker",
        "speakers",
        "moderator",
        "moderators",
        "rapporteur",
        "session",
        "type",
        "theme",
        "subtheme",
        "track",
        "format",
        "chair",
        "status",
        "contact",
        "email",
        "country",
        "affiliation",
        "paper",
        "description",
        "summary",
        "report",
        "notes",
        "panellists",
        "panelists",
        "question",
        "questions",
        "where",
        "when",
        "by",
        "proposer",
        "proposers",
        "reporter",
        "focal",
        "source",
    }
)


def _is_label(prefix: str) -> bool:
    """Whether the words before a colon are a field's label, not the first half of a title with a subtitle.

    "Venue" and "Speaker 1" are labels; "Governing generative AI" (before "who
    writes the rules?") is not.
    """
    if CODE.fullmatch(prefix.strip()):
        return False  # "WORKSHOP 61: KEEPING CHILDREN SAFE ...": a session id, then the title
    words = re.findall(r"[^\W_]+", prefix.lower())
    if len(words) <= 2 or re.search(r"[\d()&/\[]", prefix):
        return True
    return len(words) <= 4 and any(word in _LABEL_WORDS for word in words) and "," not in prefix


def _banner_only(line: str) -> bool:
    """Whether a line ending "Report(s)" is a banner: short, and nothing but the forum's words besides.

    "IGF 2019 Reports" and "Workshop Reports" are banners; "IGF 2031 \u2013 Final Report" is a title.
    """
    words = re.findall(r"[^\W_]+", line.lower())
    return len(line) < 40 and all(
        word in FORUM_WORDS or word in _GENERIC_HEADING or word.isdigit() or word in ("report", "reports")
        for word in words
    )


def title_rejection(line: str) -> str | None:
    """Why a line cannot be a title, or None when it can.

    The reasons: "item", "boilerplate", "navigation", "heading", "section" (a numbered one: the body has
    begun), "instruction", "person", "turn", "schedule", "venue", "dateline", "label", "sentence",
    "masthead".

    >>> title_rejection("News | Events | Contact"), title_rejection("Open data in Africa")
    ('navigation', None)
    >>> title_rejection("II. Background"), title_rejection("9:30 \u2013 11:00 Opening plenary")
    ('section', 'schedule')
    >>> title_rejection("Lakeshore Conference Centre"), title_rejection("Youth Town Hall")
    ('venue', None)
    >>> title_rejection("250 Harbour Road, Port Lumen"), title_rejection("5 ways to make the road safer")
    ('venue', None)
    >>> title_rejection("The forum will be held on 12 May at the Lakeshore Conference Centre")
    'sentence'
    """
    stripped = line.strip(" \t*#=_-\u2022>")
    if not stripped or not any(char.isalpha() for char in stripped):
        return "boilerplate"
    if _BOILERPLATE_TITLE.match(stripped) or (_REPORT_BANNER.search(stripped) and _banner_only(stripped)):
        return "boilerplate"
    if _ITEM.match(line.lstrip()) and not line.lstrip().startswith(("--", "**", "- -")):
        return "item"  # the first of a list ("\u2022 Ada Quill" under "Speakers"), never the page's title
    if _STATUS_LINE.match(stripped):
        return "boilerplate"
    if _LINK_ROW.match(stripped):
        return "navigation"
    pieces = re.split(r"\s+[|»>·/]\s+|\s+\u2022\s+", stripped)
    if len(pieces) >= 3 and sum(len(p.split()) <= 3 for p in pieces) >= len(pieces) - 1:
        return "navigation"
    if "»" in stripped or " > " in stripped or "\u203a" in stripped:
        return "navigation"
    words = re.findall(r"[^\W\d_]+", stripped.lower())
    if words and all(word in _GENERIC_HEADING for word in words):
        return "heading"
    numbered = _SECTION_NUMBER.match(stripped)
    if numbered is not None:
        after = re.findall(r"[^\W\d_]+", stripped[numbered.end() :].lower())
        if after and all(word in _SECTION_WORDS or word in _GENERIC_HEADING for word in after):
            return "section"
    if _TIME_SLOT.match(stripped):
        return "schedule"
    if _URL.match(stripped):
        return "boilerplate"
    if _VENUE.match(stripped) or _ADDRESS.match(stripped):
        return "venue"
    if _INSTRUCTION.search(stripped):
        return "instruction"
    if _PERSON.match(stripped):
        return "person"
    if line.lstrip().startswith((">>", "&gt;&gt;")):
        return "turn"
    if _PERSON.match(stripped):
        return "person"
    if _LABEL_LINE.match(stripped) and _is_label(stripped.split(":", 1)[0]):
        return "label"
    if _only_date_or_place(stripped):
        return "dateline"
    if stripped.endswith(":"):
        return "label"
    if len(stripped) > 160 or (stripped.endswith(".") and len(stripped.split()) > 3):
        return "sentence"
    if len(stripped.split()) >= SENTENCE_WORDS or _EVENT_VERB.search(stripped) or _TWO_SENTENCES.search(stripped):
        return "sentence"
    if is_masthead(stripped):
        return "masthead"
    return None
