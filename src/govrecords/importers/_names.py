"""The shape of a personal name, and of an organisation's name.

A personal name is a short run of capitalised words ("Amina Diallo", "Jean-Luc
Ndiaye", "O'Neill", all capitals in a transcript's turns), with particles
("van", "de", "al-", "bin") and initials ("J."), after any honorifics ("H.E. Ms.",
"Dr.", "Eng."). An organisation's name holds a word such as "Ministry", "Network"
or "Institute", or is "Government of X", or an acronym. Label words ("Family
name / Surname"), form instructions, table rules ("|") and sentences are neither.
"""

from __future__ import annotations

import functools
import itertools
import re

from govrecords.importers._text import fold_text

__all__ = ["honorific_end", "is_label_word", "is_organisation", "is_person_name", "name_run"]

_HONORIFIC = re.compile(
    r"(?:H\.\s?E\.|S\.\s?E\.|Hon\.?|Mr\.?|Mrs\.?|Ms\.?|Mx\.?|Dr\.?|Prof\.?|Eng\.|Ing\.|Amb\.|Sen\.|Rev\.|Sir|Dame"
    r"|Madam|Mme\.?|M\.|Miss|Professor|Ambassador|Senator|Honourable|Honorable|Excellency)(?=[\s\u00a0])[\s\u00a0]+"
)
_PARTICLE_TEXT = """van von de der den del della degli di da das do dos du des la le el al bin binti bint ibn ben y e
    zu ter ten st. mac ap"""
_PARTICLES = frozenset(_PARTICLE_TEXT.split())
_ORG_TEXT = """ministry ministère ministerio ministério university université universidad universidade universität
    network networks forum council association associação asociación institute institut instituto foundation
    fundación fundação fondazione lab labs laboratory centre center centro coalition society consortium group
    union initiative alliance collective cooperative co-operative trust agency authority office commission
    committee company corporation corp inc inc. ltd ltd. llc gmbh bank department secretariat government
    observatory project programme program federation organisation organization school college academy
    partnership watch hub registry platform exchange fund board chamber mission parliament municipality
    directorate service services systems technologies technology analytics communications telecom telecoms
    media press unit bureau assembly club movement campaign red rede réseau associazione verein stiftung
    polytechnic politecnico diplo icann isoc itu unesco oecd undp unicef"""
_ORG_WORDS = frozenset(_ORG_TEXT.split())
# Words that start sentences, labels and instructions; never a word of a personal name.
_NOT_NAME_TEXT = """the a an this that these those there it its our we you your they their he she his her i my me us
    is are was were be been being has have had do does did would shall should could might must
    please provide name names surname family first last given full title role position email e-mail phone
    country city stakeholder affiliation organisation organization organizational organisational
    moderator moderators speaker speakers panel panellist panelist panellists panelists organizer organiser
    organizers organisers chair chairperson rapporteur reporter notes note taker contact focal point
    session workshop forum meeting description question questions page and or of for to in on at by with
    from as no yes none n/a tbd tbc not other others all any each list see also key participants
    participant confirmed invited pending attendees present apologies members member agenda minutes
    date time venue theme topic subject remote online onsite in-person report reports summary
    opening closing welcome thank thanks good morning afternoon evening ladies gentlemen everyone
    civil private public sector society academia government technical community intergovernmental youth
    ms mr mrs dr prof round table roundtable debate open lightning talk town hall break-out breakout plenary
    main outputs output outcomes inputs background objectives purpose agenda format obstacles issues
    figures adoption next steps action actions conclusions recommendations messages"""
_NOT_NAME = frozenset(_NOT_NAME_TEXT.split())
# Words of a job or a portfolio ("Executive Director", "Senior Advisor on Regional Policy"), never a word of
# a personal name: a title that a list split from its person ("Founding Member and Executive Director")
# is not taken for a second person.
_JOB_TEXT = """director directors executive executives manager managers advisor advisors adviser advisers president
    vice deputy secretary officer coordinator co-ordinator researcher researchers lecturer founder co-founder
    consultant analyst specialist engineer lawyer journalist student commissioner minister chief senior
    policy policies regional global governance affairs relations strategy programme programmes director-general
    representative spokesperson associate assistant intern"""
_JOB = frozenset(_JOB_TEXT.split())
# Words that open instructions and sentences, never an organisation's name.
_NOT_ORG_TEXT = """a an this that these those there it its our we you your they their he she his her i my me us is are
    was were be has have had do does did would shall should could might must please provide name names list see
    no yes none n/a tbd tbc if when where what which who how why"""
_NOT_ORG_START = frozenset(_NOT_ORG_TEXT.split())
_CLOSERS = ',;:)(\u201d\u201c".'
_TOKEN = re.compile(r"[^\s\u00a0]+")
_INITIAL = re.compile(r"^[A-Z]\.(?:[A-Z]\.)*$")
_WORD = re.compile(r"^[^\W\d_]+(?:['\u2019\-][^\W\d_]+)*\.?$")
_ACRONYM = re.compile(r"^\(?[A-Z][A-Z0-9&\-]{1,9}\)?$")


def honorific_end(text: str, start: int, end: int) -> int:
    """Where the honorifics at ``text[start:]`` end ("H.E. Ms. Jane Roe" → before "Jane"); *start* if none.

    >>> honorific_end("H.E. Ms. Jane Roe", 0, 17)
    9
    """
    at = start
    while at < end:
        found = _HONORIFIC.match(text, at, end)
        if found is None:
            break
        at = found.end()
    return at


def is_label_word(word: str) -> bool:
    """Whether *word* is one that starts labels, instructions and sentences, never a word of a personal name.

    >>> is_label_word("Round"), is_label_word("Amina")
    (True, False)
    """
    return fold_text(word).strip(".,:;") in _NOT_NAME


def _name_token(token: str) -> bool:
    if token.lower() in _PARTICLES:
        return True
    if _INITIAL.match(token):
        return True
    if not _WORD.match(token) or len(token) > 24:
        return False
    head = token[0]
    if not head.isupper():
        # "al-Hassan", "d'Souza", "el-Amin": a particle joined to the name
        lowered = token.lower()
        return any(
            lowered.startswith(p) and len(token) > len(p) + 1 and token[len(p)].isupper()
            for p in ("al-", "el-", "d'", "d\u2019", "ad-", "as-", "ash-", "bin-")
        )
    folded = fold_text(token)
    word = folded.strip(".")
    return word not in _NOT_NAME and word not in _JOB and folded not in _ORG_WORDS


NAME_MEMO = 1024
"""How many distinct strings the name checks remember their answer for: the same names are checked
by several readers (the template's people, the role labels, prose) and recur through a long report."""


@functools.lru_cache(maxsize=NAME_MEMO)
def is_person_name(value: str, *, single: bool = False) -> bool:
    """Whether *value* has the shape of a personal name (no honorific).

    Args:
        value: The candidate, as written.
        single: Accept a name of one word ("Emeka"), as a labelled field may hold.

    >>> is_person_name("Noor van Dijk"), is_person_name("Family name / Surname"), is_person_name("|")
    (True, False, False)
    >>> is_person_name("Digital Skills Network"), is_person_name("SIONE TAUFA")
    (False, True)
    """
    tokens = _TOKEN.findall(value)
    if not tokens or len(tokens) > 6 or (len(tokens) == 1 and not single):
        return False
    if not all(_name_token(token) for token in tokens):
        return False
    if tokens[0].lower() in _PARTICLES and len(tokens) == 1:
        return False
    if tokens[-1].lower() in _PARTICLES or _INITIAL.match(tokens[-1]):
        return False
    if sum(1 for token in tokens if token[0].isupper() and not _INITIAL.match(token)) == 0:
        return False
    if len(tokens) == 1:
        return len(tokens[0]) >= 3 and not tokens[0].isupper()
    return True


@functools.lru_cache(maxsize=NAME_MEMO)
def is_organisation(value: str) -> bool:
    """Whether *value* has the shape of an organisation's name.

    >>> is_organisation("Government of Niger"), is_organisation("Ministry of ICT"), is_organisation("CNOG")
    (True, True, True)
    >>> is_organisation("Please list the organisers here:"), is_organisation("Jane Roe")
    (False, False)
    """
    value = value.strip()
    if not value or len(value) > 150 or value[-1] in ":?" or not (value[0].isupper() or value[0].isdigit()):
        return False
    tokens = _TOKEN.findall(value)
    if len(tokens) > 14:
        return False
    words = [fold_text(token).strip("().,;") for token in tokens]
    if words[0] in _NOT_ORG_START:
        return False
    if len(tokens) == 1:
        return bool(_ACRONYM.match(tokens[0]))
    if any(word in _ORG_WORDS for word in words):
        return True
    capitals = sum(1 for token in tokens if token[0].isupper())
    return any(_ACRONYM.match(token) for token in tokens) and capitals == len(tokens)


def name_run(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The longest personal name starting at *start* (after honorifics), within *end*; its span.

    Used in prose: "chaired by Mr. Levan Kobakhidze, Minister..." gives "Levan Kobakhidze".

    >>> line = "moderated by Ms. Jane Roe of the Open Lab."
    >>> span = name_run(line, 13, len(line))
    >>> line[span[0]:span[1]]
    'Jane Roe'
    """
    at = honorific_end(text, start, end)
    tokens = [(m.start(), m.end()) for m in itertools.islice(_TOKEN.finditer(text, at, end), 7)]
    best: tuple[int, int] | None = None
    for count in range(1, len(tokens) + 1):
        last_start, last_end = tokens[count - 1]
        word_end = last_end
        while word_end > last_start and text[word_end - 1] in _CLOSERS:
            if text[word_end - 1] == "." and _INITIAL.match(text[last_start:word_end]):
                break
            word_end -= 1
        if word_end <= last_start:
            break
        candidate = text[tokens[0][0] : word_end]
        if is_person_name(candidate):
            best = (tokens[0][0], word_end)
        if word_end < last_end:
            break  # punctuation closes the name
    if best is not None:
        following = _TOKEN.match(text, best[1] + 1, end) if best[1] < end and text[best[1]] in " \u00a0" else None
        if following is not None and following.group()[:1].isupper() and fold_text(following.group()) in _ORG_WORDS:
            return None  # "Velda Ports Council": the capitalised run goes on into an organisation's name
    return best
