"""Per-language splitting rules, loaded lazily by language code.

Each language is a data-only module named by its code (`en.py`, `ko.py`);
adding a language means adding a module. Any other code gets the generic
rules: Unicode sentence-final punctuation, initials and numbers only.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from functools import lru_cache
from types import ModuleType



@dataclass(frozen=True)
class LangRules:
    """What the boundary decisions need to know about one language."""

    name: str = "generic"
    titles: frozenset[str] = frozenset()
    never_final: frozenset[str] = frozenset()
    number_prefixes: frozenset[str] = frozenset()
    months: frozenset[str] = frozenset()
    ambiguous: frozenset[str] = frozenset()
    sentence_starters: frozenset[str] = frozenset()
    sentence_endings: frozenset[str] = frozenset()
    quotative_words: frozenset[str] = frozenset()
    quotative_prefixes: tuple[str, ...] = field(default=())
    digit_period_is_final: bool = True


def language_code(lang: str) -> str:
    """Primary subtag, lower-cased: "ko-KR" and "KO_kr" are both "ko"."""
    return lang.replace("_", "-").split("-", 1)[0].strip().lower()


@lru_cache(maxsize=None)
def rules_for(lang: str) -> LangRules:
    """Rules for `lang`, or the generic rules when no module exists for it."""
    code = language_code(lang)
    if code not in available():
        return LangRules()
    return _build(code)


@lru_cache(maxsize=1)
def available() -> frozenset[str]:
    """Codes that have a data module; an arbitrary code never reaches importlib."""
    names = os.listdir(os.path.dirname(__file__))
    return frozenset(n[:-3] for n in names if n.endswith(".py") and not n.startswith("_"))


def _build(code: str) -> LangRules:
    module = importlib.import_module(f"{__name__}.{code}")
    inherited = _build(module.INHERIT) if hasattr(module, "INHERIT") else LangRules()
    return LangRules(
        name=code,
        titles=_merged(module, "TITLES", inherited.titles),
        never_final=_merged(module, "NEVER_FINAL", inherited.never_final),
        number_prefixes=_merged(module, "NUMBER_PREFIXES", inherited.number_prefixes),
        months=_merged(module, "MONTHS", inherited.months),
        ambiguous=_merged(module, "AMBIGUOUS", inherited.ambiguous),
        sentence_starters=_merged(module, "SENTENCE_STARTERS", inherited.sentence_starters),
        sentence_endings=_merged(module, "SENTENCE_ENDINGS", inherited.sentence_endings),
        quotative_words=_merged(module, "QUOTATIVE_WORDS", inherited.quotative_words),
        quotative_prefixes=tuple(getattr(module, "QUOTATIVE_PREFIXES", inherited.quotative_prefixes)),
        digit_period_is_final=getattr(module, "DIGIT_PERIOD_IS_FINAL", inherited.digit_period_is_final),
    )


def _merged(module: ModuleType, name: str, inherited: frozenset[str]) -> frozenset[str]:
    return inherited | frozenset(getattr(module, name, ()))
