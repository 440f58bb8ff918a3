"""One side of a bead: its text, its language, and what it asserts (computed once)."""

from __future__ import annotations

from functools import cached_property
from types import ModuleType

from .lang import language

#: at or above this share of another script the original is not in its own language
#: (a headline pasted in English): what it asserts cannot be read, so it is not checked
MOSTLY_FOREIGN = 0.5
from .values import DateMention, Marker, Name, Quantity


class Side:
    """Extraction results for one text, computed lazily and shared by all checks."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.module: ModuleType | None = language(lang)

    def _call(self, name: str) -> list:
        extractor = getattr(self.module, name, None)
        return extractor(self.text) if extractor else []

    @cached_property
    def quantities(self) -> list[Quantity]:
        return self._call("quantities")

    @cached_property
    def dates(self) -> list[DateMention]:
        return self._call("dates")

    @cached_property
    def names(self) -> list[Name]:
        return self._call("names")

    @cached_property
    def negations(self) -> list[Marker]:
        return self._call("negations")

    @cached_property
    def reports(self) -> tuple[list, list]:
        """Reported statements: (affirmed "…고 말했다" / "said", denied "did not say")."""
        return self._call("affirmed_reports"), self._call("denied_reports")

    @cached_property
    def foreign_share(self) -> float:
        """Share of the text written in another language's script (0 when unknown)."""
        measure = getattr(self.module, "foreign_share", None)
        return measure(self.text) if measure else 0.0

    @cached_property
    def size(self) -> float | None:
        measure = getattr(self.module, "content_size", None)
        return measure(self.text) if measure else None

    @property
    def known(self) -> bool:
        return self.module is not None
