"""Credit grammars per language code: `lang/<code>.py` defines `GRAMMAR`.

Adding a language is adding a module; languages without one read credits
with the English grammar, which also covers credit lines left in English in
an otherwise translated article.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from ..grammar import Grammar

FALLBACK = "en"


@lru_cache(maxsize=None)
def grammar_for(lang: str) -> Grammar:
    code = (lang or FALLBACK).lower().split("-")[0].split("_")[0]
    try:
        module = importlib.import_module(f"{__name__}.{code}")
    except ModuleNotFoundError:
        module = importlib.import_module(f"{__name__}.{FALLBACK}")
    return module.GRAMMAR
