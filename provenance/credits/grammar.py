"""What a language's credit grammar must answer, whatever its script.

`locate` asks these questions sentence by sentence to find the credit lines
and boilerplate at the end of an article; `extract` asks `read` to turn the
found lines into credits. A language plugs in by providing one object with
these methods (see `lang/`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Protocol


def alternation(words: Iterable[str], space: str) -> str:
    """A regex alternative of `words`, longest first, with `space` for their inner spaces."""
    return "|".join(re.escape(w).replace(r"\ ", space) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class Parsed:
    """One credit read from a text: a role, names, a service, and where it sits."""

    role: str | None  # None: a credit we recognise but do not report (photo credits)
    names: tuple[str, ...]
    service: str | None
    start: int  # character span in the text that was read
    end: int


@dataclass(frozen=True)
class Reading:
    """Everything read from one credit text; `ok` is False if part of it made no sense."""

    credits: tuple[Parsed, ...]
    ok: bool


class Grammar(Protocol):
    def is_boilerplate(self, text: str) -> bool:
        """Site furniture: comment-form notices, copyright, share links."""

    def starts_credit(self, text: str) -> bool:
        """The sentence is (or plainly tries to be) a credit line."""

    def continues_credit(self, text: str) -> bool:
        """A fragment a sentence splitter cut off a credit line ("Jun." after "Leejin J.")."""

    def read(self, text: str) -> Reading | None:
        """The credits in `text`, or None when it is not a credit line at all."""

    def embedded(self, text: str) -> int | None:
        """Offset of a credit line run into the end of a body sentence, if any."""

    def head_byline(self, text: str) -> bool:
        """A byline standing alone at the top of an article ("By Jieun Kim", "김지은 기자")."""


def clean_space(text: str) -> str:
    return " ".join(text.split())
