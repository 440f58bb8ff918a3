"""Anchors: what two sentences share verbatim or by value (numbers, Latin-script words).

A translation can read far from its original to the sentence encoder (a
terse market report, a headline) and still be plainly the same sentence:
"2.16달러 오른 131.04달러" and "up $2.16 to $131.04" share two exact
numbers. Two shared anchors are strong evidence against "unrelated".
"""

from __future__ import annotations

import re

from .numbers import match_one_to_one
from .side import Side

_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9&.-]*[A-Za-z0-9]")


def shared_anchors(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) -> int:
    """Numbers matched one to one (10 or more, or with decimals) plus Latin-script words both sides use."""
    src, tgt = Side(src_text, src_lang), Side(tgt_text, tgt_lang)
    numbers = 0
    if src.known and tgt.known:
        lost, _ = match_one_to_one(src, tgt)
        left = {id(q) for q in lost}
        numbers = sum(1 for q in src.quantities if not q.weak and _specific(q.value) and id(q) not in left)
    words = {w.lower() for w in _LATIN_WORD.findall(src_text) if len(w) >= 3}
    shared = words & {w.lower() for w in _LATIN_WORD.findall(tgt_text)}
    return numbers + len(shared)


def _specific(value: float) -> bool:
    """2.16 or 131 say something; 3 could be anything."""
    return value >= 10 or value != int(value)
