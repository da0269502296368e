"""The text folds: how wording is made comparable, in one place, with the variants that need to differ.

There is one fold for looking wording up (:func:`fold_text`, and :func:`fold` that
keeps where each folded character came from): case folded, curly quotes and dashes
made plain, invisible characters dropped, white space runs made one space. Accents
are kept: "Communiqué" and "Communique" are different words to a reader, and the
tables hold the accented spellings. Every wording table (the vocabularies, the
importers' cues, places and names) is looked up through it.

Three uses compare *words* rather than wording, and each needs its own rule:

* :func:`title_words`: the words of a title, case folded; punctuation, hyphens
  and spacing are editorial, so "Multi-stakeholder" and "multi stakeholder" are
  the same title.
* :func:`joined_words`: the words of a recommendation for matching, case folded
  with hyphens dropped, so "multi-stakeholder" and "multistakeholder" count as one
  word in a similarity score.
* :func:`topic_words`: the words of a topic's wording, each also made singular
  and American ("organisations" = "organization"), so a taxonomy phrase matches
  however a forum spells it.

:func:`without_accents` strips accents where only ASCII will do (an identifier).
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "BLANKS",
    "INVISIBLE",
    "TOPIC_TOKEN",
    "fold",
    "fold_text",
    "fold_tight",
    "joined_words",
    "source_of",
    "title_words",
    "topic_word",
    "topic_words",
    "without_accents",
]

# Characters that print nothing: white space (str.isspace) and the invisible
# formatting characters pasted text carries (BOM, soft hyphen, zero-width ones).
INVISIBLE = "\ufeff\u00ad\u200b\u200c\u200d\u2060\u180e"
_SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
BLANKS = _SPACES + INVISIBLE
"""Every character the importer treats as blank."""

_FOLDS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\uff1a": ":",
        "\ufe55": ":",
    }
)
_fold_cache: dict[str, str] = {}


def _fold_char(char: str) -> str:
    folded = _fold_cache.get(char)
    if folded is None:
        if char in INVISIBLE:
            folded = ""
        elif char.isspace():
            folded = " "
        else:
            folded = char.translate(_FOLDS).casefold()
        if len(_fold_cache) < 4096:  # bounded: pasted text may hold any character
            _fold_cache[char] = folded
    return folded


def fold(text: str, start: int, end: int, *, spaces: bool = True) -> tuple[str, list[int]]:
    r"""Fold ``text[start:end]`` for lookup, keeping where each folded character came from.

    Folding lowers case, makes curly quotes and dashes plain, drops invisible
    characters, and collapses white space to single spaces (or, with
    ``spaces=False``, drops it).

    Returns:
        The folded text, and for each of its characters the offset in *text* it
        came from, plus one more entry: *end*.

    >>> fold("A\u00a0\u00a0B\u2019s", 0, 6)
    ("a b's", [0, 1, 3, 4, 5, 6])
    """
    passage = text[start:end]
    if passage.isascii():
        return _fold_words(text, passage, passage.lower(), start, end, spaces=spaces)
    if not any(char in passage for char in INVISIBLE):
        folded = _swap(passage).casefold()
        if len(folded) == len(passage):  # every character folds to one: fold a word at a time
            return _fold_words(text, passage, folded, start, end, spaces=spaces)
    out: list[str] = []
    offsets: list[int] = []
    after_space = True
    for index in range(start, end):
        folded = _fold_char(text[index])
        if not folded:
            continue
        if folded == " ":
            if not spaces or after_space:
                continue
            after_space = True
        else:
            after_space = False
        for char in folded:
            out.append(char)
            offsets.append(index)
    if spaces and out and out[-1] == " ":
        out.pop()
        offsets.pop()
    offsets.append(end)
    return "".join(out), offsets


_RUN = re.compile(r"\S+")  # a run of characters that are not white space (str.isspace): linear


def _fold_words(text: str, passage: str, folded: str, start: int, end: int, *, spaces: bool) -> tuple[str, list[int]]:
    """:func:`fold` of ``passage = text[start:end]``, given *folded*: each of its characters folded to one.

    Only the white space is left to do, a word (a run of characters that are not
    white space) at a time, in C.
    """
    if " ".join(passage.split()) == passage and (spaces or " " not in passage):
        return folded, list(range(start, end + 1))  # single spaces between words, none at either end
    words: list[str] = []
    offsets: list[int] = []
    after = -1  # where the last word ended
    for word in _RUN.finditer(text, start, end):
        if after >= 0 and spaces:
            words.append(" ")
            offsets.append(after)  # a run of blanks folds to one space, at its first character
        words.append(folded[word.start() - start : word.end() - start])
        offsets.extend(range(word.start(), word.end()))
        after = word.end()
    offsets.append(end)
    return "".join(words), offsets


def source_of(text: str, start: int, end: int, index: int) -> int:
    r"""Where in *text* the folded character *index* of ``fold(text, start, end, spaces=False)`` came from.

    The same as that fold's ``offsets[index]``, reading only as far as it must.

    >>> source_of("A \u00a0B\u2019s", 0, 6, 1)  # "a", then "b"
    3
    """
    head = text[start : start + index + 1]
    if len(head) == index + 1 and head.isascii() and head.isprintable() and " " not in head:
        return start + index  # printable ASCII without spaces folds one character to one
    count = 0
    for at in range(start, end):
        folded = _fold_char(text[at])
        if not folded or folded == " ":
            continue
        count += len(folded)
        if count > index:
            return at
    return end


_FOLD_PAIRS = tuple((chr(code), str(folded)) for code, folded in _FOLDS.items())


def _plain(text: str) -> str:
    """*text* with invisible characters dropped and curly quotes, dashes and wide colons made plain.

    The same as ``translate`` with :data:`_FOLDS` and the invisible characters deleted,
    but one C-speed scan per character in the table: ``str.translate`` with a dict
    goes character by character through Python objects on any text that is not ASCII.
    """
    if text.isascii():
        return text  # every character the table changes is beyond ASCII
    for char in INVISIBLE:
        if char in text:
            text = text.replace(char, "")
    return _swap(text)


def _swap(text: str) -> str:
    """*text* with curly quotes, dashes and wide colons made plain (:data:`_FOLDS`, one character for one)."""
    for char, folded in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, folded)
    return text


def fold_tight(text: str) -> str:
    """Fold like :func:`fold` with ``spaces=False``, without offsets (C-speed, for a first look)."""
    return _plain("".join(text.split())).casefold()  # str.split splits at exactly the white space _SPACES lists


def fold_text(text: str) -> str:
    """Fold a whole text for substring search (no offsets): see :func:`fold`."""
    return " ".join(_plain(text).casefold().split())


def without_accents(text: str) -> str:
    """*text* with its accents taken off (NFKD, combining marks dropped).

    >>> without_accents("communiqu\u00e9 s\u00e3o")
    'communique sao'
    """
    return "".join(char for char in unicodedata.normalize("NFKD", text) if not unicodedata.combining(char))


_WORD = re.compile(r"\w+")


def title_words(text: str) -> list[str]:
    """The words of a title, case folded: punctuation, hyphens and spacing are editorial.

    >>> title_words("Multi-stakeholder  Governance?")
    ['multi', 'stakeholder', 'governance']
    """
    return _WORD.findall(text.casefold())


def joined_words(text: str) -> list[str]:
    """The words of *text* for matching, case folded, a hyphenated word written as one.

    >>> joined_words("A multi-stakeholder IGF")
    ['a', 'multistakeholder', 'igf']
    """
    return _WORD.findall(text.casefold().replace("-", ""))


TOPIC_TOKEN = re.compile("\\w+(?:[-\u2010\u2011]\\w+)*")
"""A word of a topic wording, hyphenated parts kept together ("net-neutrality")."""
_HYPHENS = str.maketrans("", "", "-\u2010\u2011")

# British -> American spellings that suffix rules do not cover (both sides are folded).
_SPELLING = {
    "centre": "center",
    "programme": "program",
    "defence": "defense",
    "licence": "license",
    "offence": "offense",
    "judgement": "judgment",
    "analyse": "analyze",
    "catalogue": "catalog",
    "dialogue": "dialog",
    "cyberspace": "cyberspace",
}


def topic_word(word: str) -> str:
    """One word as a taxonomy matches it: lower case, no hyphens, singular, American spelling.

    >>> [topic_word(word) for word in ("Organisations", "net-neutrality", "centres")]
    ['organization', 'netneutrality', 'center']
    """
    word = word.casefold().translate(_HYPHENS)
    word = _SPELLING.get(word, word)
    if len(word) > 5 and word.endswith(("sses", "xes", "ches", "shes")):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for british, american in (("isation", "ization"), ("ised", "ized"), ("ising", "izing"), ("ise", "ize")):
        if word.endswith(british) and len(word) > len(british) + 2:
            word = word[: -len(british)] + american
            break
    if len(word) >= 6 and word.endswith("our"):
        word = word[:-3] + "or"
    return _SPELLING.get(word, word)


def topic_words(text: str) -> tuple[str, ...]:
    """The words of a topic wording, each folded by :func:`topic_word`."""
    return tuple(topic_word(token) for token in TOPIC_TOKEN.findall(text))
