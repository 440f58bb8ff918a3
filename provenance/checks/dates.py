"""drift.date: a year, month, day, weekday, relative date or time that disagrees.

Each part is compared with the same kind of part on the other side: 12월 22일
against "Dec. 22", 지난해 against "last year", 오전 10시 against "10 a.m.".
Translators drop implied years and turn "28일" into "Monday", so a part
with nothing of its kind on the other side is at most info; only a part
contradicted by a different one of the same kind is an error.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Severity
from .numbers import stated_values
from .result import CheckResult, quote
from .side import Side
from .values import DateMention

CODE = "drift.date"
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
RELATIVE_NAMES = {
    "year:-2": "two years ago", "year:-1": "last year", "year:0": "this year", "year:1": "next year",
    "year:2": "in two years", "day:-2": "two days ago", "day:-1": "yesterday", "day:0": "today",
    "day:1": "tomorrow", "day:2": "in two days", "week:-1": "last week", "week:0": "this week",
    "week:1": "next week", "month:-1": "last month", "month:0": "this month", "month:1": "next month",
}


PERIOD_NAMES = {
    "quarter:1": "the first quarter", "quarter:2": "the second quarter", "quarter:3": "the third quarter",
    "quarter:4": "the fourth quarter", "half:1": "the first half", "half:2": "the second half",
    "week:1": "the first week", "week:2": "the second week", "week:3": "the third week", "week:4": "the fourth week",
    "week:5": "the fifth week",
}
#: days in each unit of a relative date, to tell "한 달 전" from "four weeks ago" (the same) and
#: from "a week ago" (not)
UNIT_DAYS = {"day": 1, "week": 7, "month": 30.4, "quarter": 91.3, "year": 365.2}
#: relative dates this close in days (as a ratio) say the same in other units
SAME_SPAN = 1.25


@dataclass(frozen=True, slots=True)
class Part:
    kind: str  # year, month, day, weekday, relative:<unit>, time, period
    mention: DateMention

    def describe(self) -> str:
        d = self.mention
        if self.kind == "year":
            return f"the {d.year}s" if d.decade else str(d.year)
        if self.kind == "month":
            return MONTH_NAMES[d.month - 1]
        if self.kind == "day":
            return f"day {d.day}"
        if self.kind == "weekday":
            return WEEKDAY_NAMES[d.weekday]
        if self.kind == "time":
            minute = f":{d.minute:02d}" if d.minute is not None else ":00"
            return f"{d.hour}{minute}"
        if self.kind == "period":
            return PERIOD_NAMES.get(d.period or "", d.period or "")
        return RELATIVE_NAMES.get(d.relative or "", _relative_name(d.relative or ""))


def _relative_name(relative: str) -> str:
    """"month:-3" → "3 months ago", "day:4" → "in 4 days" (the common ones are in `RELATIVE_NAMES`)."""
    unit, _, offset = relative.partition(":")
    if not offset.lstrip("-").isdigit():
        return relative
    count = abs(int(offset))
    units = unit if count == 1 else unit + "s"
    return f"{count} {units} ago" if int(offset) < 0 else f"in {count} {units}"


def parts(mentions: list[DateMention]) -> list[Part]:
    out: list[Part] = []
    for d in mentions:
        out += [Part(kind, d) for kind, value in (
            ("year", d.year), ("month", d.month), ("day", d.day), ("weekday", d.weekday), ("time", d.hour),
        ) if value is not None]
        if d.relative:
            out.append(Part("relative:" + d.relative.split(":")[0], d))
        if d.period:
            out.append(Part("period", d))
    return out


def _same(a: Part, b: Part) -> bool:
    x, y = a.mention, b.mention
    if a.kind == "year":
        if x.decade or y.decade:
            return x.year // 10 == y.year // 10
        return x.year == y.year
    if a.kind == "month":
        return x.month == y.month
    if a.kind == "day":
        return x.day == y.day
    if a.kind == "weekday":
        return x.weekday == y.weekday
    if a.kind == "time":
        twelve_hour = (x.hour12 or y.hour12) and max(x.hour, y.hour) <= 24
        hours_agree = x.hour == y.hour or (twelve_hour and x.hour % 12 == y.hour % 12)
        return hours_agree and (x.minute is None or y.minute is None or x.minute == y.minute)
    if a.kind == "period":
        return x.period == y.period
    return x.relative == y.relative


def _matched_by_number(part: Part, numbers: set[float]) -> bool:
    """A day or year may come back as a plain number ("10일만에" ↔ "in 10 days")."""
    d = part.mention
    value = d.year if part.kind == "year" else d.day if part.kind == "day" else None
    return value is not None and float(value) in numbers


def leftovers(mine: list[Part], theirs: list[Part], numbers: set[float]) -> list[Part]:
    """Parts of `mine` with no counterpart; each of `theirs` answers one part of a kind
    it is stated for, so "Friday … Friday" against 금요일 … 월요일 leaves a Friday over."""
    used: set[int] = set()
    left: list[Part] = []
    for p in mine:
        match = next((i for i, q in enumerate(theirs) if i not in used and p.kind == q.kind and _same(p, q)), None)
        if match is not None:
            used.add(match)
        elif any(p.kind == q.kind and _same(p, q) for q in theirs):
            if _repeated(p, mine, theirs):
                left.append(p)
        elif not _matched_by_number(p, numbers):
            left.append(p)
    return left


def _repeated(p: Part, mine: list[Part], theirs: list[Part]) -> bool:
    """A value said more often on this side only counts as left over when the other
    side has a value of the kind that this side lacks (a changed copy, not a repeat)."""
    return any(_kin(q, p) and not any(_same(q, r) for r in mine if r.kind == q.kind) for q in theirs)


def _kin(a: Part, b: Part) -> bool:
    """Parts that may stand for each other: the same kind, or relative dates in any unit
    ("a month earlier" twice against 지난달 and 1년 전)."""
    return a.kind == b.kind or (a.kind.startswith("relative:") and b.kind.startswith("relative:"))


def check_dates(src: Side, tgt: Side) -> list[CheckResult]:
    if not (src.known and tgt.known):
        return []
    src_parts, tgt_parts = parts(src.dates), parts(tgt.dates)
    # the other side's numbers are gathered only for parts to match (most beads have none)
    lost = leftovers(src_parts, tgt_parts, _numbers(tgt)) if src_parts else []
    extra = leftovers(tgt_parts, src_parts, _numbers(src)) if tgt_parts else []
    out: list[CheckResult] = []
    seen_pairs: set[tuple[int, int]] = set()
    for part in lost:
        rival = next((q for q in extra if q.kind == part.kind), None) or _other_unit(part, extra)
        if rival is not None:
            key = (id(part.mention), id(rival.mention))
            if key not in seen_pairs:
                seen_pairs.add(key)
                out.append(_changed(part, rival))
            continue
        if _worth_noting(part):
            out.append(CheckResult(
                CODE, _lone_severity(part),
                f"date {part.describe()} in the original ({quote(part.mention.span)}) is not in the translation{_no_such(part)}",
                (part.mention.span,), (),
            ))
    for part in extra:
        if not any(p.kind == part.kind for p in lost) and _worth_noting(part):
            out.append(CheckResult(
                CODE, _lone_severity(part),
                f"date {part.describe()} in the translation ({quote(part.mention.span)}) is not in the original{_no_such(part)}",
                (), (part.mention.span,),
            ))
    return out


def _other_unit(part: Part, extra: list[Part]) -> Part | None:
    """A relative date left over against one of another unit left over on the other side:
    지난달 as "last week", 지난해 as "last month"."""
    if not part.kind.startswith("relative:"):
        return None
    return next((q for q in extra if q.kind.startswith("relative:") and q.kind != part.kind
                 and not _same_span(part.mention.relative, q.mention.relative)), None)


def _same_span(a: str | None, b: str | None) -> bool:
    """한 달 전 and "four weeks ago": as long ago in days, give or take a quarter."""
    days = []
    for relative in (a, b):
        unit, _, offset = (relative or "").partition(":")
        if unit not in UNIT_DAYS or not offset.lstrip("-").isdigit() or int(offset) == 0:
            return False
        days.append(UNIT_DAYS[unit] * int(offset))
    low, high = sorted(days, key=abs)
    return low * high > 0 and abs(high) <= SAME_SPAN * abs(low)


def _numbers(side: Side) -> set[float]:
    """What a day or year may come back as: the side's numbers, years and days, not its
    clock (오후 3시 must not stand in for "the 15th")."""
    return {v.value for v in stated_values(side, clock=False)}


def _impossible(part: Part) -> bool:
    """"August 80", "90:00", "9:70": no calendar or clock has it, so one side was mistyped."""
    d = part.mention
    if part.kind == "time":
        return d.hour > 24 or (d.minute is not None and d.minute > 59)
    return part.kind == "day" and not 1 <= d.day <= 31


def _lone_severity(part: Part) -> Severity:
    return Severity.WARNING if _impossible(part) else Severity.INFO


def _no_such(part: Part) -> str:
    return ", and there is no such date" if _impossible(part) else ""


def _change_severity(a: Part, b: Part) -> Severity:
    """Last week against this week (or month) is often publication timing, not a
    changed fact: the translation went out a day or two later. Worth a look only."""
    if a.kind in ("relative:week", "relative:month", "relative:day"):
        offsets = [int(p.mention.relative.split(":")[1]) for p in (a, b)]
        if abs(offsets[0] - offsets[1]) == 1:
            return Severity.INFO
    return Severity.ERROR


def _worth_noting(part: Part) -> bool:
    """Weekdays and relative dates have too many faithful renderings to note alone."""
    return part.kind in ("year", "month", "day", "time")


def _changed(a: Part, b: Part) -> CheckResult:
    return CheckResult(
        CODE, _change_severity(a, b),
        f"date {a.describe()} in the original ({quote(a.mention.span)}) is {b.describe()} in the translation ({quote(b.mention.span)})",
        (a.mention.span,), (b.mention.span,),
    )

