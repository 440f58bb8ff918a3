"""Is "Jieun Kim" the same person as "김지은"? Cross-script name matching.

A Hangul name is split into surname (one syllable, or two for 남궁, 선우, …)
and given name. The surname is checked against the spellings in real use
(`surnames.py`); the given name against the syllable-by-syllable spellings
that Revised Romanization, McCune–Reischauer and everyday usage produce
(ㅓ as eo/o/u, ㅡ as eu/u, ㄱ as g/k, ㅈ as j/ch, 우 as woo, …), built as one
regular expression per name. Separators and order are free: "Ji-eun Kim",
"Kim Ji Eun" and "Kim Jieun" all match. What the rules do not cover is
scored by rapidfuzz on a consonant/vowel skeleton of both sides, with a
steep curve, so that two people who share a surname and differ in one
syllable of their given name stay well below the match threshold.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

from ..romanize import is_hangul_syllable, romanize
from .model import NameMatch
from .surnames import SURNAMES, TWO_SYLLABLE

MATCH_THRESHOLD = 0.75
EXACT, SURNAME_VARIANT, SPELLING_VARIANT, GIVEN_ONLY, FUZZY_CEILING = 1.0, 0.9, 0.85, 0.6, 0.8

# Spellings per jamo, indexed like the Unicode syllable block.
_INITIALS = (
    "g|k", "kk|gg|k|g", "n", "d|t", "tt|dd|t|d", "r|l", "m", "b|p", "pp|bb|p|b", "s|sh",
    "ss|s|sh", "", "j|ch|z", "jj|tch|ch|j", "ch|c|j", "k|kh", "t|th", "p|ph|f", "h",
)
_VOWELS = (
    "a|ah", "ae|e|ai", "ya", "yae|ye", "eo|o|u|uh|ou", "e|ae", "yeo|yo|yu|you|ye|yeu",
    "ye|yae|e", "o|oh", "wa|oa", "wae|we|wa", "oe|oi|we|wae|oy", "yo|yoh", "u|oo|ou",
    "wo|weo|wu", "we|wae", "wi|wee|ui", "yu|yoo|you", "eu|u", "ui|eui|ee|i|ei|uy", "i|ee|ie",
)
# after a silent ㅇ the vowel alone is written, sometimes with a glide letter
_VOWELS_AFTER_SILENT = {13: "woo|wu|u|oo", 18: "eu|u", 20: "i|yi|ee|lee|yee"}
_FINALS = (
    "", "k|g|c|ck", "k|g|c|ck", "k|g", "n", "n", "n", "t|d|s", "l|r", "k|l", "m|l", "l|p",
    "l", "l", "l|p", "l", "m", "p|b", "p|b", "t|s|d", "t|s|d", "ng", "t|d|j", "t|ch|d",
    "k|g", "t|d", "p|b", "t|h",
)
_SKELETON = (
    ("tch", "c"), ("ch", "c"), ("j", "c"), ("sh", "s"), ("eo", "o"), ("eu", "u"), ("oo", "u"),
    ("ou", "u"), ("ee", "i"), ("ae", "e"), ("k", "g"), ("p", "b"), ("t", "d"), ("r", "l"),
    ("f", "b"), ("z", "c"),
)
_SILENT = 11


def match_name(english: str, korean: str) -> NameMatch:
    """How confident we are that `english` (romanised) and `korean` (Hangul) name one person."""
    hangul = "".join(korean.split())
    if hangul and all(is_hangul_syllable(c) for c in hangul) and 2 <= len(hangul) <= 5:
        if any(is_hangul_syllable(c) for c in english):
            same = "".join(english.split()) == hangul
            return NameMatch(english, korean, 1.0 if same else 0.0, "same-script" if same else "none")
        tokens = _latin_tokens(english)
        if not tokens:
            return NameMatch(english, korean, 0.0, "unsupported")
        confidence, how = _cross_script(tokens, hangul)
        return NameMatch(english, korean, confidence, how)
    if _is_latin(english) and _is_latin(korean):
        confidence, how = _same_script(english, korean)
        return NameMatch(english, korean, confidence, how)
    return NameMatch(english, korean, 0.0, "unsupported")


def _cross_script(tokens: list[str], hangul: str) -> tuple[float, str]:
    best = (0.0, "none")
    for surname, given in _hangul_splits(hangul):
        for family, personal in _latin_splits(tokens):
            best = max(best, _score(family, personal, surname, given))
    if len(tokens) == 1:
        best = max(best, _one_token(tokens[0], hangul))
    return best


def _hangul_splits(hangul: str) -> list[tuple[str, str]]:
    splits = [(hangul[:1], hangul[1:])]
    if hangul[:2] in TWO_SYLLABLE and len(hangul) >= 3:
        splits.insert(0, (hangul[:2], hangul[2:]))
    return splits


def _latin_splits(tokens: list[str]) -> list[tuple[str, str]]:
    """(surname, given name) readings of the tokens: surname first or last."""
    if len(tokens) < 2:
        return []
    splits = [(tokens[0], "".join(tokens[1:])), (tokens[-1], "".join(tokens[:-1]))]
    if len(tokens) >= 3:  # a two-syllable surname written as two words ("Nam Gung")
        splits += [(tokens[0] + tokens[1], "".join(tokens[2:])), (tokens[-2] + tokens[-1], "".join(tokens[:-2]))]
    return splits


def _score(family: str, personal: str, surname: str, given: str) -> tuple[float, str]:
    family_level = _surname_level(family, surname)
    given_level = _given_level(personal, given)
    if family_level and given_level:
        if family_level == given_level == "exact":
            return EXACT, "exact"
        return (SURNAME_VARIANT if given_level == "exact" else SPELLING_VARIANT), "variant"
    return _fuzzy(family + personal, surname, given), "fuzzy"


def _surname_level(family: str, surname: str) -> str | None:
    if family == romanize(surname):
        return "exact"
    if family in SURNAMES.get(surname, ()) or _spellings(surname).fullmatch(family):
        return "variant"
    return None


def _given_level(personal: str, given: str) -> str | None:
    if personal == romanize(given):
        return "exact"
    return "variant" if _spellings(given).fullmatch(personal) else None


def _one_token(token: str, hangul: str) -> tuple[float, str]:
    """A single word: the whole name run together, or a given name alone."""
    for surname, given in _hangul_splits(hangul):
        for family in (*SURNAMES.get(surname, ()), romanize(surname)):
            rest = token[len(family):] if token.startswith(family) else None
            if rest and _given_level(rest, given):
                return SPELLING_VARIANT, "variant"
        if _given_level(token, given):
            return GIVEN_ONLY, "given-name-only"
    return 0.0, "none"


def _fuzzy(latin: str, surname: str, given: str) -> float:
    target = _skeleton(latin)
    spellings = (*SURNAMES.get(surname, ()), romanize(surname))
    ratio = max(fuzz.ratio(target, _skeleton(s + romanize(given))) for s in spellings) / 100
    return FUZZY_CEILING * ratio**3


def _same_script(a: str, b: str) -> tuple[float, str]:
    ta, tb = _latin_tokens(a), _latin_tokens(b)
    if not ta or not tb:
        return 0.0, "none"
    if sorted(ta) == sorted(tb) or "".join(ta) in ("".join(tb), "".join(tb[1:] + tb[:1])):
        return EXACT, "same-script"
    ratio = fuzz.token_sort_ratio(" ".join(ta), " ".join(tb)) / 100
    return FUZZY_CEILING * ratio**3, "fuzzy"


@lru_cache(maxsize=4096)
def _spellings(hangul: str) -> re.Pattern:
    """One regular expression matching every usual spelling of `hangul`, syllables run together."""
    parts = []
    for char in hangul:
        code = ord(char) - 0xAC00
        initial, rest = divmod(code, 21 * 28)
        vowel, final = divmod(rest, 28)
        vowels = _VOWELS_AFTER_SILENT.get(vowel, _VOWELS[vowel]) if initial == _SILENT else _VOWELS[vowel]
        parts.append(f"(?:{_INITIALS[initial]})(?:{vowels})(?:{_FINALS[final]})")
    return re.compile("".join(parts))


def _latin_tokens(text: str) -> list[str]:
    """Lower-case letter runs, without accents, apostrophes, hyphens or middle initials ("J.")."""
    plain = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    tokens = []
    for raw in plain.split():
        if re.fullmatch(r"[a-z]\.", raw):
            continue
        token = re.sub(r"[^a-z]", "", raw)
        if token:
            tokens.append(token)
    return tokens


def _skeleton(text: str) -> str:
    for old, new in _SKELETON:
        text = text.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", text)


def _is_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(c, "") for c in letters)
