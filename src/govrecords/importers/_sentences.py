"""Cutting prose into sentences and questions, for the outcome readers.

A report states an outcome in its own words wherever it stands; the readers of
:mod:`._consensus_cues`, :mod:`._asks` and :mod:`._operative_verbs` read one
sentence at a time, so they work under any heading and in any layout.

* :func:`sentences` cuts a passage into sentences (abbreviations such as "Mr."
  and "e.g." do not end one; a short line with no closing stop is a heading);
* :func:`questions` cuts a passage holding several questions into one span each.

Every function reads a bounded passage once: linear in the text.
"""

from __future__ import annotations

import re

from govrecords.importers._text import BLANKS, fold

__all__ = ["QUESTION_LABEL", "SENTENCE_LIMIT", "questions", "sentences"]

SENTENCE_LIMIT = 2000  # characters of one sentence read for cues and asks

_ABBREVIATIONS = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nr",
        "eg",
        "e.g",
        "ie",
        "i.e",
        "vs",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "h.e",
        "hon",
        "eng",
        "ing",
        "u.s",
        "u.n",
        "cf",
        "approx",
        "art",
        "para",
        "vol",
        "fig",
        "p",
        "pp",
        "sen",
        "rep",
        "gen",
        "gov",
        "messrs",
        "mme",
        "mlle",
        "esq",
        "dept",
        "univ",
        "assoc",
        "corp",
        "ph.d",
        "phd",
    }
)
_CLOSERS = "\"')]\u201d\u2019\u00bb"
_HEADING_LINE = 60
_PILCROW = re.compile(
    r"\u00b6\s*\d{0,4}(?:\s*leave a comment on (?:paragraph|whole page)\s*\d{0,4}\s*\d{0,4})?", re.IGNORECASE
)  # a line this short with no closing stop, before a capital, is a heading


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``, as spans without surrounding blanks.

    >>> text = "Mr. Diallo spoke. Views diverged on fees! Next?"
    >>> [text[s:e] for s, e in sentences(text, 0, len(text))]
    ['Mr. Diallo spoke.', 'Views diverged on fees!', 'Next?']
    """
    out: list[tuple[int, int]] = []
    begin = _skip(text, start, end)
    line_begin = begin
    index = begin
    while index < end:
        char = text[index]
        if char in ".!?":
            stop = index + 1
            while stop < end and text[stop] in _CLOSERS:
                stop += 1
            after = _skip(text, stop, end)
            if after >= end:
                break
            if after > stop and _opens_sentence(text[after]) and not _abbreviation(text, begin, index, char):
                out.append((begin, stop))
                begin = index = line_begin = after
                continue
        elif char == "\u00b6":
            # a paragraph counter ("¶ 7 Leave a comment on paragraph 7 3") is a comment widget, not text
            if text[begin:index].strip(BLANKS):
                out.append((begin, _trim_end(text, begin, index)))
            widget = _PILCROW.match(text, index, end)
            begin = index = line_begin = _skip(text, widget.end() if widget else index + 1, end)
            continue
        elif (char == "\t" or (char == "|" and index > begin and text[index - 1] in " \t")) and _cell_break(
            text, begin, index, end
        ):
            # a table cell ends here: a sentence never runs across cells
            out.append((begin, _trim_end(text, begin, index)))
            begin = index = line_begin = _skip(text, index + 1, end)
            continue
        elif char == "\n" or (char == "\r" and (index + 1 >= end or text[index + 1] != "\n")):
            first = max(line_begin, begin)
            line_end = _trim_end(text, first, index)
            after = _skip(text, index, end)
            if (
                line_end > first
                and after < end
                and line_end - first <= _HEADING_LINE
                and text[line_end - 1] not in ".!?;:,-\u2013\u2014"
                and text[after].isupper()
            ):
                if first > begin:
                    out.append((begin, _trim_end(text, begin, first)))
                out.append((first, line_end))
                begin = index = line_begin = after
                continue
            line_begin = after
            index = after
            continue
        index += 1
    if begin < end:
        last = _trim_end(text, begin, end)
        if last > begin:
            out.append((begin, last))
    return [(s, e) for s, e in out if e > s]


def _cell_break(text: str, begin: int, at: int, end: int) -> bool:
    """Whether a tab or a " | " at *at* separates two cells with text on both sides."""
    after = text[at + 1 : min(end, at + 200)].split("\n", 1)[0]
    return bool(text[begin:at].strip(BLANKS)) and bool(after.strip(BLANKS))


def _skip(text: str, at: int, end: int) -> int:
    while at < end and (text[at] in BLANKS or text[at] == "|"):  # a table's cell rule is not text
        at += 1
    return at


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1] in BLANKS or text[end - 1] == "|"):
        end -= 1
    return end


def _opens_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in "\"'(\u201c\u2018\u00ab["


def _abbreviation(text: str, begin: int, at: int, char: str) -> bool:
    if char != ".":
        return False
    word_start = at
    while word_start > begin and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:at].casefold()
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in _ABBREVIATIONS or word.rstrip(".") in _ABBREVIATIONS


# --- questions ---------------------------------------------------------------------------------------------------

_QUESTION_LEAD = re.compile(
    r"(?:\bquestions?\b[^.?!,;]{0,80}[:.]|\b(?:asks?|ask(?:ed|ing)?|address(?:es|ed)?|examines?|explores?|"
    r"considers?|discuss(?:es)?)\s*:)\s*$"
)


def questions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The questions in ``text[start:end]``: each sentence that ends with "?", after any lead-in.

    A lead-in ("The workshop will examine three questions." or "...and ask one
    question:") is left out; a question that starts after a colon starts there.

    >>> text = "It asks two questions. Who pays? And who decides?"
    >>> [text[s:e] for s, e in questions(text, 0, len(text))]
    ['Who pays?', 'And who decides?']
    """
    out: list[tuple[int, int]] = []
    for first, last in sentences(text, start, end):
        if text[last - 1] != "?":
            continue
        label = QUESTION_LABEL.match(text, first, last)
        if label is not None:
            out.append((label.end(), last))
            continue
        folded, offsets = fold(text, first, last)
        colon = folded.rfind(": ")
        out.append((offsets[colon + 2] if colon >= 0 else first, last))
    return out


QUESTION_LABEL = re.compile(
    r"[ \t]*(?:(?:policy|key)\s+)?(?:question|q|pq)\s*#?\s*\d{1,2}\s*[:.)\-\u2013]\s*", re.IGNORECASE
)
"""A label before one question: "Question 2:", "Q1.", "Policy Question 3 -"."""


def lead_in_for_questions(text: str, start: int, end: int) -> bool:
    """Whether a sentence announces the questions after it ("The discussion will address the following questions:")."""
    folded, _ = fold(text, max(start, end - 300), end)
    return _QUESTION_LEAD.search(folded) is not None
