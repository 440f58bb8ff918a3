"""Per-language rules for the perturbations, one data module per language code.

A module holds what the generator needs to edit sentences of its language:
clause boundaries, month and weekday names, number patterns and the words
that negate a verb. Adding a target language is adding a module here.
"""

from __future__ import annotations

import importlib
from types import ModuleType


def rules_for(lang: str) -> ModuleType:
    """The rules module for `lang` (e.g. "en"); ValueError if there is none."""
    try:
        return importlib.import_module(f"{__name__}.{lang}")
    except ModuleNotFoundError:
        raise ValueError(f"no perturbation rules for language {lang!r}") from None
