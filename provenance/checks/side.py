"""One side of a bead: its text, its language, and what it asserts (computed once)."""

from __future__ import annotations

from types import ModuleType

from .lang import language

#: at or above this share of another script the original is not in its own language
#: (a headline pasted in English): what it asserts cannot be read, so it is not checked
MOSTLY_FOREIGN = 0.5
from .values import DateMention, Marker, Name, Quantity


class cached:
    """`functools.cached_property` without the lock Python 3.11 takes on every
    first access: a Side is never shared between threads, and beads are many (issue #8)."""

    def __init__(self, compute) -> None:
        self.compute = compute
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, instance, owner: type | None = None):
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


class Side:
    """Extraction results for one text, computed lazily and shared by all checks."""

    def __init__(self, text: str, lang: str) -> None:
        self.lang = lang
        self.module: ModuleType | None = language(lang)
        fold = getattr(self.module, "FOLD", None)
        self.text = text.translate(fold) if fold else text

    def _call(self, name: str) -> list:
        extractor = getattr(self.module, name, None)
        return extractor(self.text) if extractor else []

    @cached
    def quantities(self) -> list[Quantity]:
        return self._call("quantities")

    @cached
    def dates(self) -> list[DateMention]:
        return self._call("dates")

    @cached
    def names(self) -> list[Name]:
        return self._call("names")

    @cached
    def negations(self) -> list[Marker]:
        return self._call("negations")

    @cached
    def reports(self) -> tuple[list, list]:
        """Reported statements: (affirmed "…고 말했다" / "said", denied "did not say")."""
        return self._call("affirmed_reports"), self._call("denied_reports")

    @cached
    def foreign_share(self) -> float:
        """Share of the text written in another language's script (0 when unknown)."""
        measure = getattr(self.module, "foreign_share", None)
        return measure(self.text) if measure else 0.0

    @cached
    def size(self) -> float | None:
        measure = getattr(self.module, "content_size", None)
        return measure(self.text) if measure else None

    @property
    def known(self) -> bool:
        return self.module is not None
