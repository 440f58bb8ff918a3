"""Phonetic skeletons: compare a Latin name with a romanised Hangul transliteration.

Korean renders foreign sounds with fewer contrasts (f/p, v/b, r/l, z/j) and
adds vowels ("Smith" → 스미스 → seumiseu), so vowels are dropped and
consonants folded into classes: both "Vladivostok" and 블라디보스토크 become
"pltpstk". Deliberately crude: the name check only needs "could be the same".
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGRAPHS = (
    ("tch", "j"), ("sch", "s"), ("zh", "j"), ("chr", "kl"), ("ph", "p"), ("th", "s"), ("sh", "s"), ("ch", "j"),
    ("ck", "k"), ("kh", "k"), ("gh", "k"), ("tz", "j"), ("dg", "j"),
    ("qu", "k"), ("x", "ks"), ("kk", "k"), ("tt", "t"), ("pp", "p"),
    ("ss", "s"), ("jj", "j"), ("eu", ""),
)
#: no sound above has an h, so a word without one needs none of the digraphs with one
_DIGRAPHS_WITHOUT_H = tuple((digraph, sound) for digraph, sound in _DIGRAPHS if "h" not in digraph)
_FOLD = str.maketrans({
    "g": "k", "c": "k", "q": "k", "d": "t", "b": "p", "f": "p", "v": "p",
    "r": "l", "z": "j",
})
#: the consonant classes, with vowels and glides dropped, in one `str.translate`
_FOLD_AND_DROP_VOWELS = {**_FOLD, **{ord(vowel): None for vowel in "aeiouwyh"}}
_SILENT_R = re.compile(r"(?<=[aeiou])r(?=[^aeiouy]|e?$)")
_SOFT_C = re.compile(r"c(?=[eiy])")
_NG = re.compile(r"ng(?![aeiou])")
_NOT_LETTER = re.compile(r"[^a-z]")
_REPEAT = re.compile(r"(.)\1+")
#: Skeletons are pure functions of a word and the name check asks for the same
#: words bead after bead, so each is computed once per process (issue #8).
_CACHE_SIZE = 1 << 15


@lru_cache(maxsize=_CACHE_SIZE)
def skeletons(latin: str) -> tuple[str, ...]:
    """The skeleton with and without r before consonants (Livermore 리버모어, Hermas 헤르마스)."""
    full = skeleton(latin, silent_r=False)
    quiet = skeleton(latin)
    return (quiet,) if quiet == full else (quiet, full)


def skeleton(latin: str, *, silent_r: bool = True) -> str:
    """Consonant skeleton of a Latin-script word or romanised Hangul."""
    return _skeleton(latin, silent_r)


@lru_cache(maxsize=_CACHE_SIZE)
def _skeleton(latin: str, silent_r: bool) -> str:
    # each step is skipped when it cannot apply: most words are romanised Hangul (issue #8)
    word = latin.lower()
    if not (word.isascii() and word.isalpha()):
        word = _NOT_LETTER.sub("", word)
    if word.startswith(("xi", "xu")):
        word = "s" + word[1:]  # Xinhua → 신화
    if word.startswith("ts"):
        word = "j" + word[2:]  # Tsvangirai → 창기라이
    if silent_r and "r" in word:
        word = _SILENT_R.sub("", word)  # "Livermore" → 리버모어: no r before consonants
    if "c" in word:
        word = _SOFT_C.sub("s", word)
    if "ng" in word:
        word = _NG.sub("n", word)  # 평양 pyeongyang ↔ Pyongyang; but Tsvangirai keeps its g
    for digraph, sound in _DIGRAPHS if "h" in word else _DIGRAPHS_WITHOUT_H:
        word = word.replace(digraph, sound)
    word = word.translate(_FOLD_AND_DROP_VOWELS)
    return _REPEAT.sub(_first_of_run, word)


def _first_of_run(run: re.Match[str]) -> str:
    return run.group(1)
