"""Revised Romanization of Hangul, syllable by syllable.

Written here rather than imported: the maintained romanisers on PyPI are GPL.
Names are matched fuzzily afterwards, so sound changes across syllable
boundaries (신라 → Silla) are deliberately not modelled; each syllable is
romanised on its own, which is also how Korean given names are usually
spelled ("Ji-eun", not "Jieun" with assimilation).
"""

from __future__ import annotations

_INITIALS = ("g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h")
_VOWELS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe",
    "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i",
)
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
    "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t",
)
_FIRST, _LAST = 0xAC00, 0xD7A3


def is_hangul_syllable(char: str) -> bool:
    return _FIRST <= ord(char) <= _LAST


def syllable(char: str, *, initial_r_as_l: bool = False) -> str:
    """Romanise one Hangul syllable; other characters come back unchanged."""
    code = ord(char) - _FIRST
    if not 0 <= code <= _LAST - _FIRST:
        return char
    initial, rest = divmod(code, 21 * 28)
    vowel, final = divmod(rest, 28)
    head = _INITIALS[initial]
    if head == "r" and initial_r_as_l:
        head = "l"
    return head + _VOWELS[vowel] + _FINALS[final]


def syllables(text: str) -> list[str]:
    """One romanised string per character (Hangul syllables romanised)."""
    return [syllable(c) for c in text]


def romanize(text: str, sep: str = "") -> str:
    """Romanise every Hangul syllable of `text`, joining syllables with `sep`.

    Non-Hangul characters are kept; `sep` is only put between two Hangul
    syllables, so "김지은" → "gimjieun" or, with sep="-", "gim-ji-eun".
    """
    if not sep:
        return text.translate(_SYLLABLE_TABLE)
    out: list[str] = []
    previous_hangul = False
    for char in text:
        hangul = is_hangul_syllable(char)
        if hangul and previous_hangul and sep:
            out.append(sep)
        out.append(syllable(char))
        previous_hangul = hangul
    return "".join(out)


class _SyllableTable(dict):
    """Code point -> romanised syllable for `str.translate`, filled on first sight.

    Romanising by table is several times faster than syllable by syllable in
    Python, and the name check romanises every new word (issue #8). Other
    characters map to themselves.
    """

    def __missing__(self, code: int) -> str:
        self[code] = romanised = syllable(chr(code))
        return romanised


_SYLLABLE_TABLE = _SyllableTable()
