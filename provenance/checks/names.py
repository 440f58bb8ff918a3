"""drift.name: a name in the translation with no counterpart in the original.

Names are taken from the side that capitalises them (English) and looked
for among the words of the other side: written the same (IBM, NHK), through
an exonym table (평양 ↔ Pyongyang, 유엔 ↔ U.N.), or by sound, comparing
phonetic skeletons of the name and of each romanised word (블라디보스토크 ↔
Vladivostok). A missing name is only a warning when the other side also
has a name-like word nothing matched, which is what a swapped name looks
like; a name with no counterpart and nothing left over is left alone, since
translators add titles, datelines and explanations.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..types import Severity
from .phonetic import skeleton, skeletons
from .result import CheckResult, quote
from .side import Side, cached
from .values import Name

CODE = "drift.name"
MIN_RATIO = 80  # rapidfuzz ratio between skeletons that counts as the same name
MIN_PREFIX = 3  # a skeleton this long may match the start of a compound word
MIN_CONTAINED = 4  # … and this long, any part of one
MIN_SWAP_KEY = 4  # a swap is reported only between names this distinctive


def check_names(src: Side, tgt: Side) -> list[CheckResult]:
    if not (src.known and tgt.known):
        return []
    out: list[CheckResult] = []
    for names_side, words_side, names_are_src in ((tgt, src, False), (src, tgt, True)):
        if not getattr(names_side.module, "CASED_NAMES", False):
            continue
        out += _missing_names(names_side, words_side, names_are_src)
    return out


def _missing_names(names_side: Side, words_side: Side, names_are_src: bool) -> list[CheckResult]:
    names = [n for n in names_side.names if n.key]
    if not names:
        return []  # most beads: the other side's words are never read
    words = _Words(words_side)
    missing = [n for n in names if not words.has_counterpart(n)]
    if not missing:
        return []
    orphans = words.orphans(names_side) if not getattr(words_side.module, "CASED_NAMES", False) else []
    out = []
    for name in missing:
        here, there = ("translation", "original") if not names_are_src else ("original", "translation")
        strong = [o for o in orphans if len(skeleton(o.key, silent_r=False)) >= MIN_SWAP_KEY]
        if len(orphans) == 1 and strong and len(missing) == 1 and len(skeleton(name.key.replace(" ", ""))) >= MIN_SWAP_KEY:
            orphan = strong[0]
            message = f"name {quote(name.span)} in the {here} has no counterpart in the {there}, which names {quote(orphan.span)}"
            evidence = ((name.span,), (orphan.span,))
            # Measured on kpc/jhe: as a warning this caught 3% of swapped names
            # at 0.36 false alarms per 100 pairs, so it informs, it does not fail.
            severity = Severity.INFO
        else:
            message = f"name {quote(name.span)} in the {here} has no counterpart in the {there}"
            evidence = ((name.span,), ())
            severity = Severity.INFO
        src_spans, tgt_spans = (evidence[1], evidence[0]) if not names_are_src else evidence
        out.append(CheckResult(CODE, severity, message, src_spans, tgt_spans))
    return out


class _Words:
    """The words of the side without capitals, ready for lookup by name.

    Each lookup table is built on first use: a name written the same on both
    sides is found without romanising or skeletonising any word.
    """

    def __init__(self, side: Side) -> None:
        self.side = side

    @cached
    def words(self) -> list[Name]:
        return self.side.names

    @cached
    def latin(self) -> set[str]:
        return {w.text.lower().rstrip(".") for w in self.words if w.text.isascii()}

    @cached
    def latin_text(self) -> str:
        return self.side.text.lower()

    @cached
    def skeletons(self) -> list[tuple[Name, str]]:
        # romanised Hangul has no silent r: 헤르마스 keeps it
        return [(w, skeleton(w.key, silent_r=False)) for w in self.words if not w.text.isascii()]

    @cached
    def skeleton_keys(self) -> list[str]:
        return [word_key for _, word_key in self.skeletons]

    @cached
    def skeleton_set(self) -> frozenset[str]:
        return frozenset(self.skeleton_keys)

    @cached
    def exonym_tokens(self) -> dict[str, str]:
        return _exonym_tokens(self.side.module, tuple(w.text for w in self.words))

    def has_counterpart(self, name: Name) -> bool:
        tokens = [t for t in name.key.split() if len(t) >= 2]
        if not tokens:
            return True
        joined = "".join(tokens)
        return (
            any(self._token_found(t) for t in tokens if len(t) >= 3 or len(tokens) == 1)
            or any(self._sounds_like(key) for key in skeletons(joined))
        )

    def _token_found(self, token: str) -> bool:
        if _starts_a_word(token, self.latin_text) or token in self.latin:  # text first: no word list needed
            return True
        if token in self.exonym_tokens or token.rstrip("s") in self.exonym_tokens:
            return True
        return any(self._sounds_like(key) for key in skeletons(token))

    def _sounds_like(self, key: str) -> bool:
        """Some word's skeleton is `key`, starts with it, contains it, or is close to it.

        Each test runs over all words before the next, dearest last: the
        answer is the same as word by word, and the edit distance is one C call.
        """
        if not key:
            return False
        keys = self.skeleton_keys
        if key in self.skeleton_set:
            return True
        if len(key) >= MIN_PREFIX and any(word_key.startswith(key) for word_key in keys):
            return True
        if len(key) >= MIN_CONTAINED and any(key in word_key for word_key in keys):
            return True  # 이스트예루살렘 ↔ "East Jerusalem"
        return len(key) >= 3 and process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=MIN_RATIO) is not None

    def orphans(self, other: Side) -> list[Name]:
        """Name-like words here that sound like no word at all of the other side."""
        other_keys = {key for w in _LATIN_WORDS.findall(other.text) for key in skeletons(w)}
        other_keys.discard("")
        name_like = getattr(self.side.module, "looks_like_name", None)
        found = []
        for word, word_key in self.skeletons:
            if name_like is None or len(word_key) < 2 or not _looks_like_name(self.side.module, word.text):
                continue
            if word.text in self.exonym_tokens.values():
                continue  # countries and capitals are often left implicit
            if any(_similar(k, word_key) for k in other_keys):
                continue
            found.append(word)
        return found


def _starts_a_word(token: str, text: str) -> bool:
    """`token` occurs in `text` not preceded by a letter a-z (a compiled regex per token was slower)."""
    at = text.find(token)
    while at >= 0:
        if at == 0 or not "a" <= text[at - 1] <= "z":
            return True
        at = text.find(token, at + 1)
    return False


@lru_cache(maxsize=1 << 14)
def _looks_like_name(module, word: str) -> bool:
    """The language's `looks_like_name`, once per word: it scans the whole exonym table."""
    return module.looks_like_name(word)


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) >= MIN_PREFIX and (a.startswith(b) or b.startswith(a)):
        return True
    return min(len(a), len(b)) >= 3 and fuzz.ratio(a, b) >= MIN_RATIO


_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _exonym_tokens(module, words: tuple[str, ...]) -> dict[str, str]:
    """English tokens the exonym table gives for these words (미국인 → us, america …)."""
    tokens: dict[str, str] = {}
    for word in words:
        for token in _word_exonym_tokens(module, word):
            tokens[token] = word
    return tokens


@lru_cache(maxsize=1 << 14)
def _word_exonym_tokens(module, word: str) -> tuple[str, ...]:
    """One word's exonym tokens, from its longest prefix in the table; once per word (issue #8)."""
    table = getattr(module, "EXONYMS", {})
    for end in range(len(word), 1, -1):
        forms = table.get(word[:end])
        if forms:
            return tuple(
                token
                for form in forms
                for token in (*form.lower().replace(".", "").split(), form.lower().replace(".", ""))
            )
    return ()
