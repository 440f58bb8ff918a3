"""Per-language data and extractors, one module per language code.

A language module provides `quantities`, `dates`, `names`, `negations` and
`content_size` (see ko.py / en.py), and may provide `word_keys`, its names'
texts and keys without spans, which the name check reads when it can, and
`negated` and `negative_words`, the two kinds of `negations` apart, which the
negation check reads when it can. Adding
a language is adding a module and listing it here; checks that need a
missing language quietly do nothing.
"""

from __future__ import annotations

import importlib
from functools import cache
from types import ModuleType

AVAILABLE = ("ko", "en")


@cache  # a Side asks for every bead; importlib's lookup is not free
def language(code: str) -> ModuleType | None:
    """The module for `code` ("ko", "en-US" → "en"), or None if there is none."""
    base = code.lower().replace("_", "-").split("-")[0]
    if base not in AVAILABLE:
        return None
    return importlib.import_module(f"{__name__}.{base}")


def without_dateline(text: str, code: str) -> str:
    """The text after a leading agency dateline ("BEIJING, China (CNN)"), when the language
    can tell one; the text itself when nothing would be left."""
    module = language(code)
    end = getattr(module, "dateline_end", None) if module is not None else None
    return (text[end(text):] or text) if end is not None else text
