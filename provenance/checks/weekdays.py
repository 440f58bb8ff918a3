"""drift.date across a document: a weekday that disagrees with the rest of the article.

Korean news dates events by day of month ("27일(현지시간)"), English news by
weekday ("on Sunday"), so a changed weekday is invisible in one sentence
pair. An article is consistent, though: within one month, day − weekday is
the same number mod 7 for every date. Each bead that pairs exactly one
source day with exactly one target weekday votes for that offset; a bead
outvoted by the other beads near its day (or by a full date the article
states, whose weekday `datetime` knows) gets a finding.

Days of different stated months (6월 20일, 7월 5일) are never compared, nor
days without a month more than half a month apart (30일 and 3일 may straddle
a month end); a day with a relative month (다음달 2일) is not paired at all.
Full dates count only in the newest year the article names, so a 2008 story
recalling 2001년 9월 11일 does not date its own weekdays by it.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import Severity
from .dates import WEEKDAY_NAMES
from .result import CheckResult, quote
from .side import Side
from .values import DateMention, Span

CODE = "drift.date"
#: days further apart than this may straddle a month end
MAX_DAY_GAP = 15
#: votes of a pairing the translation made, one the original states itself, a stated full date
WEIGHT_TRANSLATED, WEIGHT_STATED, WEIGHT_FULL_DATE = 1, 2, 2


@dataclass(frozen=True, slots=True)
class Pairing:
    """A day of month and the weekday it falls on, as one bead asserts them."""

    bead: int
    day: int
    month: int | None
    weekday: int
    src: Span  # the day in the original
    tgt: tuple[Span, ...]  # the weekday in the translation; empty when the original states it
    weight: int

    @property
    def offset(self) -> int:
        return (self.day - self.weekday) % 7

    @property
    def checkable(self) -> bool:
        """Only weekdays the translation added are checked; stated ones are the date check's."""
        return bool(self.tgt)

    def describe(self) -> str:
        weekday = quote(self.tgt[0]) if self.tgt else WEEKDAY_NAMES[self.weekday]
        return f"{quote(self.src)} is {weekday}"


@dataclass(frozen=True, slots=True)
class FullDate:
    """A year, month and day the article states: its weekday is known."""

    bead: int
    date: datetime.date
    span: Span
    in_source: bool

    @property
    def offset(self) -> int:
        return (self.date.day - self.date.weekday()) % 7

    @property
    def weight(self) -> int:
        return WEIGHT_FULL_DATE

    def describe(self) -> str:
        return f"{quote(self.span)} is a {WEEKDAY_NAMES[self.date.weekday()]}"


Evidence = Pairing | FullDate


def check_weekdays(
    beads: Sequence[tuple[str, str]],
    source_lang: str = "ko",
    target_lang: str = "en",
    *,
    tie: Severity = Severity.INFO,
) -> list[list[CheckResult]]:
    """Findings for each bead (same order as `beads`), from the whole document's dates.

    `beads` are the aligned (source text, target text) pairs of one document,
    sentences of an n-m bead joined with a space; spans index those texts.
    Empty sides (dropped or added sentences) are fine. A weekday outvoted by
    the article is a warning (an error when its own sentence gives the full
    date); two lone pairings that contradict each other both get `tie`, as
    nothing tells which one is wrong.
    """
    sides = [(Side(src, source_lang), Side(tgt, target_lang)) for src, tgt in beads]
    found: list[list[CheckResult]] = [[] for _ in beads]
    if not sides or not (sides[0][0].known and sides[0][1].known):
        return found
    pairings = [p for i, (src, tgt) in enumerate(sides) if (p := pairing(i, src, tgt))]
    full_dates = _newest([f for i, (src, tgt) in enumerate(sides) for f in stated_dates(i, src, tgt)], sides)
    for p in pairings:
        if p.checkable:
            result = judge(p, [q for q in pairings if q.bead != p.bead] + full_dates, tie)
            if result:
                found[p.bead].append(result)
    for i, (src, tgt) in enumerate(sides):
        result = two_days_apart(src, tgt)
        if result:
            found[i].append(result)
    return found


#: two days of one sentence further apart than this may lie in two months
MAX_SPAN = 6


def two_days_apart(src: Side, tgt: Side) -> CheckResult | None:
    """"현지시간 3일 …, 한국시간으로는 4일" as "Monday local time … Thursday in Korea": two days of
    the original and the translation's two weekdays for them, which must lie as far apart (in
    either order) whatever the month. The sentence checks itself; no other is needed."""
    days = [d for d in src.dates if d.day is not None and not _in_another_year(d, src)]
    if len({d.day for d in days}) != 2 or len(days) != 2 or len({d.month for d in days if d.month}) > 1:
        return None
    if any(d.relative and d.relative.startswith("day:") for d in src.dates) or any(d.weekday is not None for d in src.dates):
        return None
    weekdays = [d for d in tgt.dates if d.weekday is not None]
    if len(weekdays) != 2 or len({d.weekday for d in weekdays}) != 2 or any(_plural(d) for d in weekdays):
        return None
    gap = abs(days[1].day - days[0].day)
    if gap > MAX_SPAN:
        return None
    apart = (weekdays[1].weekday - weekdays[0].weekday) % 7
    if apart in (gap % 7, -gap % 7):
        return None
    return CheckResult(
        CODE, Severity.WARNING,
        f"weekday: {quote(days[0].span)} and {quote(days[1].span)} are {gap} day{'s' * (gap != 1)} apart, "
        f"but {quote(weekdays[0].span)} and {quote(weekdays[1].span)} are not",
        tuple(d.span for d in days), tuple(d.span for d in weekdays),
    )


# --- what one bead asserts ----------------------------------------------------------
def pairing(bead: int, src: Side, tgt: Side) -> Pairing | None:
    """The bead's (day, weekday), when it has exactly one of each and nothing muddles them."""
    day_mentions = [d for d in src.dates if d.day is not None and not _in_another_year(d, src)]
    months = {d.month for d in day_mentions if d.month is not None}
    if len({d.day for d in day_mentions}) != 1 or len(months) > 1 or any(_relative_month(d) for d in src.dates):
        return None
    if _relative_day_apart(src, day_mentions[0]):
        return None  # "5월 20일부터 어제까지" as "between May 20 and Monday": the weekday is 어제's
    day, month, span = day_mentions[0].day, next(iter(months), None), day_mentions[0].span
    stated = {d.weekday for d in src.dates if d.weekday is not None}
    if stated:
        return Pairing(bead, day, month, stated.pop(), span, (), WEIGHT_STATED) if len(stated) == 1 else None
    weekdays = [d for d in tgt.dates if d.weekday is not None]
    if len({d.weekday for d in weekdays}) != 1 or any(_plural(d) for d in weekdays):
        return None
    return Pairing(bead, day, month, weekdays[0].weekday, span, tuple(d.span for d in weekdays), WEIGHT_TRANSLATED)


def stated_dates(bead: int, src: Side, tgt: Side) -> list[FullDate]:
    """Full dates on either side: one mention (July 27, 2008; 2008.7.27) or 2008년 + 7월 27일."""
    out = []
    for side, in_source in ((src, True), (tgt, False)):
        mentions = side.dates
        for k, d in enumerate(mentions):
            year, span = d.year, d.span
            if year is None and k and _year_then_day(side.text, mentions[k - 1], d):
                year, before = mentions[k - 1].year, mentions[k - 1].span
                span = Span(before.start, d.span.end, side.text[before.start : d.span.end])
            if year is not None and d.month is not None and d.day is not None and not d.decade:
                try:
                    out.append(FullDate(bead, datetime.date(year, d.month, d.day), span, in_source))
                except ValueError:  # 2월 30일: not a date
                    continue
    return out


def _year_then_day(text: str, first: DateMention, second: DateMention) -> bool:
    # matched in place: a slice of what lies between would copy the rest of a long text
    return (
        first.year is not None and first.month is None and not first.decade
        and first.span.end <= second.span.start
        and _BLANK.fullmatch(text, first.span.end, second.span.start) is not None
    )


_BLANK = re.compile(r"\s*")


def _newest(full_dates: list[FullDate], sides: Sequence[tuple[Side, Side]]) -> list[FullDate]:
    """Only dates in the newest year the article names: older ones are history
    (2001년 9월 11일 in a 2008 story), not the news."""
    if not full_dates:
        return []
    years = [d.year for pair in sides for side in pair for d in side.dates if d.year is not None and not d.decade]
    return [f for f in full_dates if f.date.year == max(years)]


def _in_another_year(d: DateMention, side: Side) -> bool:
    """지난해 8월 7일: a day of last (or next) year, set right after that year, is no day of this story."""
    return any(
        other.relative and other.relative.startswith("year:") and other.relative != "year:0"
        and other.span.end <= d.span.start and not side.text[other.span.end : d.span.start].strip()
        for other in side.dates
    )


def _relative_day_apart(side: Side, day: DateMention) -> bool:
    """A relative day (어제, 오늘) the stated day does not restate: 어제(14일) is one day, 5월 20일부터
    어제까지 two, and a translation's one weekday may be either."""
    for other in side.dates:
        if other.relative and other.relative.startswith("day:"):
            between = side.text[other.span.end : day.span.start]
            if not (other.span.end <= day.span.start and between.strip() in ("(", "（")):
                return True
    return False


def _relative_month(d: DateMention) -> bool:
    return bool(d.relative) and d.relative.startswith("month:") and d.relative != "month:0"


def _plural(d: DateMention) -> bool:
    """A plural ("on Sundays") is every Sunday, not a date."""
    return d.span.text.rstrip().endswith(("s", "S"))


# --- the article's verdict ----------------------------------------------------------
def comparable(p: Pairing, other: Evidence) -> bool:
    """Same month for sure, or near enough in the month to be taken as the same."""
    day, month = (other.date.day, other.date.month) if isinstance(other, FullDate) else (other.day, other.month)
    if p.month is not None and month is not None:
        return p.month == month
    return abs(p.day - day) <= MAX_DAY_GAP


def judge(p: Pairing, others: Sequence[Evidence], tie: Severity = Severity.INFO) -> CheckResult | None:
    """A finding when the other evidence near `p`'s day outvotes it (its own vote
    included), or when `p` and one other translated weekday contradict each other."""
    near = [e for e in others if comparable(p, e)]
    votes: Counter[int] = Counter()
    for e in near:
        votes[e.offset] += e.weight
    rivals = [(weight, offset) for offset, weight in votes.items() if offset != p.offset]
    if not rivals:
        return None
    weight, offset = max(rivals)
    if weight > p.weight + sum(votes.values()) - weight:
        return _outvoted(p, offset, [e for e in near if e.offset == offset])
    if len(near) == 1 and near[0].weight == p.weight:
        return _contradicted(p, near[0], tie)
    return None


def _outvoted(p: Pairing, offset: int, support: list[Evidence]) -> CheckResult:
    expected = WEEKDAY_NAMES[(p.day - offset) % 7]
    stated = next((e for e in support if isinstance(e, FullDate) and e.bead == p.bead and e.date.day == p.day), None)
    if stated:  # 2008년 7월 27일 ↔ "Wednesday" in one sentence: certain
        message = f"weekday: {quote(stated.span)} is a {expected}, but the translation says {quote(p.tgt[0])}"
        src, tgt = ((stated.span,), p.tgt) if stated.in_source else ((p.src,), (stated.span, *p.tgt))
        return CheckResult(CODE, Severity.ERROR, message, src, tgt)
    example = next((e for e in support if isinstance(e, FullDate)), support[0])
    where = "in this sentence" if example.bead == p.bead else "elsewhere in this article"
    message = (
        f"weekday: the original's {quote(p.src)} is a {expected} ({example.describe()} {where}), "
        f"but the translation says {quote(p.tgt[0])} here"
    )
    return CheckResult(CODE, Severity.WARNING, message, (p.src,), p.tgt)


def _contradicted(p: Pairing, other: Evidence, severity: Severity) -> CheckResult:
    message = (
        f"weekday: {p.describe()} here but {other.describe()} elsewhere in this article; "
        "the two weekdays cannot both be right"
    )
    return CheckResult(CODE, severity, message, (p.src,), p.tgt)
