"""What a sentence asserts, as plain values the checks can compare.

Each language module turns text into these; the checks never look at the
text itself, so comparison logic is the same for every language pair.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A character span within one side's (joined) text, end exclusive."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as asserted: 1억1천만 달러 → Quantity(110_000_000, "USD", False, …).

    `approx` marks hedged or vague forms (1천여, "about", "more than"), which
    only need to agree within rounding. `weak` marks words that are often
    not numbers at all ("a", "one", 한, "first") and are never flagged.
    `magnitude` marks an order of magnitude said in words (수백 = "hundreds",
    수십만 = "hundreds of thousands"): `value` is its lower bound, 100 or 100,000.
    """

    value: float
    unit: str | None
    approx: bool
    span: Span
    weak: bool = False
    magnitude: bool = False
    #: "min" for "more than", 이상; "odd" for 여 ("and some": at least the value, short of its
    #: last digit's next step, 10여 = 10 to 19); "max" for "almost", 미만, 가까이
    bound: str | None = None


#: No news figure comes near this; a longer run of digits is an ID or a hash, and as a
#: float it would overflow the comparisons (1e400 is infinity).
MAX_QUANTITY = 1e30


def in_order(found: list[Quantity]) -> list[Quantity]:
    """The quantities by position, without runs of digits too long to be a figure."""
    found.sort(key=lambda q: q.span.start)
    return [q for q in found if abs(q.value) < MAX_QUANTITY]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time as asserted; fields the text does not give are None.

    `relative` is "unit:offset" ("year:-1" for 지난해 / "last year").
    `period` is a part of a year: "quarter:1" (1분기, "the first quarter"), "half:2" (하반기).
    `decade` marks "the 1990s" / 1990년대. `hour` is 0–23 when the text
    says a.m./p.m. (오전/오후), else 1–12 with `hour12` set.
    """

    span: Span
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None  # Monday = 0
    relative: str | None = None
    decade: bool = False
    hour: int | None = None
    minute: int | None = None
    hour12: bool = False
    period: str | None = None


@dataclass(frozen=True, slots=True)
class Name:
    """A proper name and its matching key (a phonetic skeleton, see names.py)."""

    text: str
    key: str
    span: Span


@dataclass(frozen=True, slots=True)
class Marker:
    """A polarity marker: a negated predicate or negative word; a move ("up", "down");
    a stance ("allow", "ban" …)."""

    kind: str  # "negation"
    span: Span


@dataclass(frozen=True, slots=True)
class Counted:
    """A number of people and what befell them: 3명이 숨지고 → Counted("dead", Quantity(3, …)).
    `role` is "dead", "injured" or "missing"."""

    role: str
    quantity: Quantity


#: each stance a report may take and its opposite (`checks.negation`, each language's `stances`)
OPPOSITE_STANCES = {"allow": "ban", "ban": "allow", "admit": "deny", "deny": "admit", "accept": "reject", "reject": "accept",
                    "support": "oppose", "oppose": "support", "criticize": "praise", "praise": "criticize"}


def marked(text: str, patterns) -> list[Marker]:
    """A Marker of the kind for each match of each (kind, compiled pattern), by position."""
    found = [Marker(kind, Span(m.start(), m.end(), m.group())) for kind, pattern in patterns for m in pattern.finditer(text)]
    return sorted(found, key=lambda marker: marker.span.start)
