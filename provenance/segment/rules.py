"""Sentence boundaries inside one run of text, decided by punctuation rules.

A candidate is sentence-final punctuation plus any closing quotes or brackets,
followed by whitespace (or, for full-width punctuation and Korean endings, by
anything). Each candidate is then accepted or rejected from the word before it
and the word after it, using the language's data.

Quotation policy: a quote is split where a sentence inside it ends and a new
sentence starts, so “A. B,” he said. gives “A. and B,” he said. — the same
place a line break falls in line-per-sentence corpora. A quote closed by
final punctuation and continued in lower case or by a Korean quotative
(“…했다.”고 말했다) stays one sentence with what follows. In Korean, a
closed quote followed by a new clause (“…했다.” 그는 이렇게 말했다.) is two
sentences, as in the English line-per-sentence data; the aligner's 1-2 beads
cover the English "…," he said. that translates it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .lang import LangRules

# Final punctuation that needs whitespace after it to end a sentence.
SPACED_FINALS = ".!?…‼‽⁇⁈⁉؟۔।॥።፧᙮᠃᠉"
# Full-width finals end a sentence whatever follows (CJK uses no spaces).
CLOSED_FINALS = "。！？｡"
CLOSERS = "\"'”’»›)]}」』】〕〉》）］｝"
OPENERS = "\"'“‘«‹([{「『【〔〈《（［｛"
ELLIPSIS_CHARS = frozenset(".…")
QUESTION_EXCLAMATION = frozenset("?!‼‽⁇⁈⁉؟")
# Words are looked at no further than this, so long unspaced text stays linear.
MAX_WORD = 40
_CONTINUATION_STARTS = frozenset(",;:")
_OPENER_SPLIT = re.compile(f"[{re.escape(OPENERS)}]")
_LAST_WORD = re.compile(rf"\S{{1,{MAX_WORD}}}\Z")
_NEXT_WORD = re.compile(rf"\s*(\S{{0,{MAX_WORD}}})")


@lru_cache(maxsize=None)
def candidate_pattern(endings: frozenset[str]) -> re.Pattern[str]:
    """One regex for all candidates; `punct` and `close` name the parts."""
    spaced = re.escape(SPACED_FINALS)
    closers = re.escape(CLOSERS)
    alternatives = [
        rf"(?P<punct>[{spaced}]+)(?P<close>[{closers}]*)(?=\s|$)",
        rf"(?P<wide>[{re.escape(CLOSED_FINALS)}]+)(?P<wclose>[{closers}]*)",
    ]
    # Korean: 했다.그는 / 했다.”그는 — an ending, a period, then Hangul.
    # Without endings the alternative is kept, unmatchable, so groups always exist.
    after_ending = f"(?<=[{re.escape(''.join(sorted(endings)))}])" if endings else "(?!)"
    alternatives.append(rf"{after_ending}(?P<kpunct>[.?!]+)(?P<kclose>[{closers}]*)(?=[\uac00-\ud7a3])")
    return re.compile("|".join(alternatives))


def boundaries(text: str, rules: LangRules) -> list[int]:
    """Offsets in `text` where a new sentence may start (after the punctuation)."""
    found = []
    for match in candidate_pattern(rules.sentence_endings).finditer(text):
        if match.group("wide"):
            found.append(match.end())
            continue
        punct, close, kpunct, kclose = match.group("punct", "close", "kpunct", "kclose")
        punct = punct or kpunct
        close = close or kclose or ""
        before = _word_before(text, match.start())
        after = _word_after(text, match.end())
        if after and is_sentence_end(before, punct, close, after, rules):
            found.append(match.end())
    return found


def is_sentence_end(before: str, punct: str, close: str, after: str, rules: LangRules) -> bool:
    """Whether `before` + `punct` + `close`, followed by the word `after`, ends a sentence."""
    first = after[0]
    if first.islower() or first in _CONTINUATION_STARTS:
        return False  # "…?" he asked / 8 p.m. this evening / etc.,
    if _continues_quotation(close, after, rules):
        return False
    marks = set(punct)
    if marks & QUESTION_EXCLAMATION:
        return True
    if marks <= ELLIPSIS_CHARS and (len(punct) > 1 or punct == "…"):
        return _ellipsis_ends(before, close, after, rules)
    if punct == ".":
        return not _is_abbreviation(before, after, rules)
    return True  # other scripts' finals: । ۔ ።


def _continues_quotation(close: str, after: str, rules: LangRules) -> bool:
    if not rules.quotative_words or not any(c in close for c in "\"'”’"):
        return False
    word = after.rstrip(".,!?")
    return word in rules.quotative_words or word.startswith(rules.quotative_prefixes)


def _ellipsis_ends(before: str, close: str, after: str, rules: LangRules) -> bool:
    """"disappointed ... that" goes on; "over... The" and "했다… 그는" end."""
    if after[0].isupper() or after[0] in OPENERS:
        return True
    ends_like_sentence = bool(before) and before[-1] in rules.sentence_endings
    return _is_hangul(after[0]) and (ends_like_sentence or bool(close))


def _is_abbreviation(before: str, after: str, rules: LangRules) -> bool:
    """Whether the period after `before` marks an abbreviation, not an end."""
    word = _OPENER_SPLIT.split(before)[-1]  # 미국(U.S → U.S
    if not word:
        return False
    if word[-1].isdigit():
        # 2008. 7. 15. / No. 1. 2 — a number then a number is a date or a list.
        return after[0].isdigit() or (not rules.digit_period_is_final and word.isdigit())
    key = word.lower()
    if key in rules.never_final:
        return True
    if len(word) == 1 and word.isupper():
        # John F. Kennedy / 조지 W. 부시, but "Plan B. The" and "so did I. But" end.
        return _bare(after) not in rules.sentence_starters
    if key in rules.titles and word[0].isupper():
        return True
    if after[0].isdigit() and (key in rules.number_prefixes or key in rules.months):
        return True
    if key in rules.ambiguous or _is_dotted(word):
        return not starts_sentence(after, rules)
    return False


def _is_dotted(word: str) -> bool:
    """U.S / a.m / Ph.D: letters with inner periods, short enough to be initials."""
    letters = word.replace(".", "")
    return "." in word and len(word) <= 6 and letters.isalpha()


def starts_sentence(after: str, rules: LangRules) -> bool:
    """Whether the word `after` clearly opens a sentence (not just a capital).

    Hangul does not count: a Korean sentence ends in a Hangul ending, so a
    Latin abbreviation before Hangul (미국(U.S.) 정부는) is mid-sentence.
    """
    return after[0] in OPENERS or _bare(after) in rules.sentence_starters


def _bare(word: str) -> str:
    return word.strip(OPENERS + CLOSERS + ",;:.!?").lower()


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" or "\u3130" <= char <= "\u318f"


def _word_before(text: str, end: int) -> str:
    found = _LAST_WORD.search(text, max(0, end - MAX_WORD), end)
    return found.group() if found else ""


def _word_after(text: str, start: int) -> str:
    return _NEXT_WORD.match(text, start).group(1)
