"""One side of a bead: its text, its language, and what it asserts (computed once)."""

from __future__ import annotations

from types import ModuleType

from .lang import language

#: at or above this share of another script the original is not in its own language
#: (a headline pasted in English): what it asserts cannot be read, so it is not checked
MOSTLY_FOREIGN = 0.5
from .values import Counted, DateMention, Marker, Name, Quantity, Span


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


class extracted:
    """A list the side's language module extracts from the text (empty when it has no such
    extractor), on first access: the descriptor calls the module itself, with no method in
    between, as every bead reads several of these (issue #8)."""

    def __init__(self, extractor: str, doc: str = "") -> None:
        self.extractor = extractor
        self.__doc__ = doc

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, side, owner: type | None = None):
        if side is None:
            return self
        extract = getattr(side.module, self.extractor, None)
        value = side.__dict__[self.name] = extract(side.text) if extract else []
        return value


class Side:
    """Extraction results for one text, computed lazily and shared by all checks."""

    quantities: list[Quantity] = extracted("quantities")
    from_to: list[tuple[Quantity, Quantity]] = extracted("from_to", 'A figure\'s start and end: 3.5%에서 3.25%로, "from 3.5 to 3.25".')
    casualties: list[Counted] = extracted("casualties", 'People counted with what befell them: "dead", "injured", "missing".')
    dates: list[DateMention] = extracted("dates")
    names: list[Name] = extracted("names")
    negations: list[Marker] = extracted("negations")
    affirmed_reports: list[Span] = extracted("affirmed_reports", 'Statements reported: "…고 말했다", "said".')
    denied_reports: list[Span] = extracted("denied_reports", 'Reports denied: "말하지 않았다", "did not say".')
    changes: list[Marker] = extracted("changes", 'Figures going "up" (증가, "rose") or "down" (감소, "fell").')
    sexes: list[Marker] = extracted("sexes", 'People said to be "male" (남성, "a man") or "female" (여성, "a woman").')
    extremes: list[Marker] = extracted("extremes", 'Superlatives of amount: the "most" (가장 많, "highest") or the "least".')
    verdicts: list[Marker] = extracted("verdicts", 'Verdicts of "guilty" (징역, "convicted") or "not guilty" (무죄, "acquitted").')
    ranges: list[Marker] = extracted("ranges", 'Ranges said to be "short", "medium" or "long" (단거리, "long-range").')
    measures: list[Marker] = extracted("measures", 'Measures made "stronger" (강화, "tightened") or "weaker" (완화, "eased").')
    balances: list[Marker] = extracted("balances", 'Balances in the "black" (흑자, "surplus") or the "red" (적자, "deficit").')
    conditions: list[Marker] = extracted("conditions", 'Conditions said to be "stable" (안정, "stable") or "unstable" (위독, "critical").')
    majorities: list[Marker] = extracted("majorities", 'Majorities said to be "kept" (과반을 유지, "kept its majority") or "lost".')
    venues: list[Marker] = extracted("venues", 'Games played at "home" (홈 경기, "host") or "away" (원정, "visit").')
    places: list[Marker] = extracted("places", 'Things said to be "inside" (안에, "within") or "outside" (밖에, "outside") something.')
    strengths: list[Marker] = extracted("strengths", 'Sales or demand said to be "weak" (부진, "sluggish") or "strong" (호조, "robust").')
    outcomes: list[Marker] = extracted("outcomes", 'Attempts said to have "succeeded" (성공, "success") or "failed" (실패, "failed").')
    quarters: list[Marker] = extracted("quarters", 'Parts of a place: its "south" (남부, "Southern"), "north", "east" or "west".')
    sides: list[Marker] = extracted("sides", 'Sides said to be the "left" (왼쪽, "left engine") or the "right" one.')
    scopes: list[Marker] = extracted("scopes", 'Things said to be "domestic" (국내) or "overseas" (해외, "abroad").')
    seasons: list[Marker] = extracted("seasons", 'Times in the "spring" (봄), "summer", "autumn" (가을, "fall") or "winter".')
    injuries: list[Marker] = extracted("injuries", 'Injuries said to be "minor" (경상, "minor injuries") or "serious" (중상).')
    day_parts: list[Marker] = extracted("day_parts", 'Times in the "morning" (오전) or "later in the day" (오후, 밤, "evening").')
    supplies: list[Marker] = extracted("supplies", 'Supplies said to be "short" (부족) or "plentiful" (충분).')
    stances: list[Marker] = extracted("stances", 'What a report does: "allow" / "ban", "admit" / "deny", "accept" / "reject".')

    def __init__(self, text: str, lang: str) -> None:
        self.lang = lang
        self.module: ModuleType | None = language(lang)
        fold = getattr(self.module, "FOLD", None)
        # folds map letters outside ASCII, and `translate` is not free even when nothing changes
        self.text = text.translate(fold) if fold and not text.isascii() else text

    @property
    def reports(self) -> tuple[list[Span], list[Span]]:
        """(affirmed, denied); each is found only when asked for, and most beads ask for one."""
        return self.affirmed_reports, self.denied_reports

    @cached
    def negated(self) -> list[Marker]:
        """The "negation" markers of `negations` (negated predicates)."""
        return self._negations_part("negated", lambda m: m.kind == "negation")

    def turning(self, marker: Span) -> Marker | None:
        """The negated predicate that turns the stance or move at `marker` ("did not allow",
        늘지 않았다: the language's `negates`); in a language without that rule, any."""
        negates = getattr(self.module, "negates", None)
        return next((m for m in self.negated if negates is None or negates(self.text, m.span, marker)), None)

    @cached
    def negative_words(self) -> list[Marker]:
        """The other markers of `negations` (words negative in themselves)."""
        return self._negations_part("negative_words", lambda m: m.kind != "negation")

    def _negations_part(self, extractor: str, keep) -> list[Marker]:
        """Found on its own when the module can (a check may need one part only, issue #8),
        else picked out of `negations`."""
        extract = getattr(self.module, extractor, None)
        return extract(self.text) if extract else [m for m in self.negations if keep(m)]

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
