"""Clauses: where a sentence's clauses start and end, by each language's `CLAUSE_BREAK`.

The negation steps read a negation's clause against the original with the
encoder (`checks.added`, `checks.flipped`): counting negated predicates
cannot tell which clause a "not" belongs to.
"""

from __future__ import annotations

import re

from .lang import language


def clause_around(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The clause of `text` holding [start, end), cut where the language's module says
    clauses break (None when it has no such rule or the clause is the whole text)."""
    breaks = getattr(language(lang), "CLAUSE_BREAK", None)
    if breaks is None:
        return None
    first, last = 0, len(text)
    for match in breaks.finditer(text):
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start()
            break
    if first == 0 and last == len(text):
        return None
    return first, last


#: a clause shorter than this (letters) is a connective ("하지만", "but") or a frame ("It did
#: not, however, …"): it is read with the clause after it, or not at all
MIN_CLAUSE = 4
#: a sentence's end inside a bead's joined text (a 1-2 or 2-1 bead): always a clause break
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’']?\s+")


def clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """The clauses of `text`, cut at sentence ends and where the language's module says
    clauses break; a piece too short to be a clause ("하지만") stays with the clause after it."""
    breaks = getattr(language(lang), "CLAUSE_BREAK", None)
    cuts = sorted(
        [(m.start(), m.end()) for m in _SENTENCE_END.finditer(text)]
        + ([(m.start(), m.end()) for m in breaks.finditer(text)] if breaks is not None else [])
    )
    out, start = [], 0
    for cut_start, cut_end in cuts:
        if cut_start >= start and _letters(text[start:cut_start]) >= MIN_CLAUSE:
            out.append((start, cut_start))
            start = cut_end
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def clause_in_sentence(text: str, start: int, end: int, lang: str) -> tuple[int, int] | None:
    """The clause around [start, end) (`clause_around`) within its sentence;
    None when that is the whole text (nothing to match against clauses)."""
    first, last = clause_around(text, start, end, lang) or (0, len(text))
    for match in _SENTENCE_END.finditer(text, first, last):
        if match.end() <= start:
            first = match.end()
        elif match.start() >= end:
            last = match.start()
            break
    if (first, last) == (0, len(text)):
        return None
    return text.rfind(" ", 0, first + 1) + 1, last  # from its first word's start ("“We will not")


def _letters(text: str) -> int:
    return sum(1 for c in text if c.isalnum())
