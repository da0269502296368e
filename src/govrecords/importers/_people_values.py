"""Splitting a role's value into people: at ";", at commas and at "and" between whole names.

:func:`items` gives one span per person or organisation in a value.
"""

from __future__ import annotations

import functools
import re

from govrecords.importers._names import honorific_end, is_organisation, is_person_name
from govrecords.importers._places import country_code
from govrecords.importers._role_labels import ORG_ROLES, only_a_group
from govrecords.importers._text import BLANKS, fold_text
from govrecords.vocabulary import Role

__all__ = ["split_at", "trim_value"]


def trim_value(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in BLANKS or text[start] in "|*\u2022\u00b7"):
        start += 1
    while end > start and (text[end - 1] in BLANKS or text[end - 1] in "|;,"):
        end -= 1
    return start, end


def split_at(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at *separator* outside parentheses; each part's span, trimmed."""
    out: list[tuple[int, int]] = []
    depth = 0
    begin = start
    for found in _splitter(separator).finditer(text, start, end):
        char = found.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and found.start() >= begin:
            out.append(trim_value(text, begin, found.start()))
            begin = found.end()
    out.append(trim_value(text, begin, end))
    return [(a, b) for a, b in out if b > a]


@functools.lru_cache(maxsize=16)
def _splitter(separator: str) -> re.Pattern[str]:
    return re.compile(r"[()\[\]]|" + re.escape(separator))


def _head_name(text: str, start: int, end: int) -> str:
    """A part's words before any parenthesis, after honorifics."""
    at = honorific_end(text, start, end)
    paren = text.find("(", at, end)
    return " ".join(text[at : paren if paren >= 0 else end].split()).strip(" .")


def _whole_names(text: str, parts: list[tuple[int, int]], role: Role) -> bool:
    """Whether every part is a whole name (with at most a parenthesis), so a list of people, not one."""
    if len(parts) < 2:
        return False
    last = parts[-1]
    for joiner in (" and ", " & "):
        halves = split_at(text, last[0], last[1], joiner)
        if len(halves) == 2:
            parts = [*parts[:-1], *halves]  # "A, B, C and D": the last two are judged as names of their own
            break
    heads = [(_head_name(text, a, b), text[b - 1] == ")") for a, b in parts]
    if any(only_a_group(head) or country_code(head) is not None for head, _ in heads):
        return False  # "Org, Civil Society", "Org, Kenya": one organisation and its group or country
    titled = all(honorific_end(text, a, b) > a for a, b in parts)
    if all(is_person_name(head) and (paren or titled or len(parts) >= 3) for head, paren in heads):
        return True  # "A B (Org), C D (Org)", "Ms. A B, Mr. C D", "A B, C D, E F": not "A B, Some Org Name"
    return all(is_organisation(head) and (paren or role in ORG_ROLES) for head, paren in heads)


def items(text: str, start: int, end: int, role: Role) -> list[tuple[int, int]]:
    """The spans of the people in one value: split at ";", then at commas or "and" between whole names.

    >>> value = "Jane Doe (Org A) and John Roe (Org B)"
    >>> [value[a:b] for a, b in items(value, 0, len(value), Role.SPEAKER)]
    ['Jane Doe (Org A)', 'John Roe (Org B)']
    >>> value = "ITU, UNESCO, UNDP and UNCTAD"
    >>> [value[a:b] for a, b in items(value, 0, len(value), Role.ORGANISER)]
    ['ITU', 'UNESCO', 'UNDP', 'UNCTAD']
    """
    out: list[tuple[int, int]] = []
    for a, b in split_at(text, start, end, ";"):
        for c, d in split_at(text, a, b, " | ") if " | " in text[a:b] and role in ORG_ROLES else [(a, b)]:
            commas = split_at(text, c, d, ",")
            pieces = commas if _whole_names(text, commas, role) else [(c, d)]
            for e, f in pieces:
                for joiner in (" and ", " & ", " with "):
                    halves = split_at(text, e, f, joiner)
                    if len(halves) == 2 and _and_split(text, halves, role):
                        out.extend(halves)
                        break
                else:
                    out.append((e, f))
    return out


def _and_split(text: str, halves: list[tuple[int, int]], role: Role) -> bool:
    (a, b), (c, d) = halves
    left = text[a:b].split(",", maxsplit=1)[0]
    right_start = c + 4 if text[c:d].lower().startswith("the ") else c
    right = _head_name(text, right_start, d).split(",")[0]
    left_head = _head_name(text, a, a + len(left))
    if is_person_name(left_head) and is_person_name(right):
        return True
    last = fold_text(left_head.split()[-1]) if left_head.split() else ""
    ends_whole = (
        text[b - 1] == ")"
        or last
        in {
            "network",
            "association",
            "forum",
            "council",
            "institute",
            "foundation",
            "lab",
            "centre",
            "center",
            "coalition",
            "society",
            "consortium",
            "group",
            "union",
            "initiative",
            "alliance",
            "collective",
            "cooperative",
            "trust",
            "agency",
            "authority",
            "office",
            "commission",
            "committee",
            "secretariat",
        }
        or (is_organisation(left_head) and left_head.isupper())
    )
    return ends_whole and (is_organisation(right) or is_person_name(right)) and role in ORG_ROLES | {Role.SPEAKER}
