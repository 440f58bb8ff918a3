"""drift.number: a number on one side with no compatible number on the other.

Compatible means equal once normalised (120만 = 1.2 million), equal up to the
rounding the other side shows (1,187,000 ≈ "1.2 million"), within 15% when
either side hedges (1천여 ≈ "about 1,000"), or equal after converting units
(120 km/h ≈ 75 mph, 30% ≈ "a third"). A value left over on both sides, in
convertible units, is a changed number (error); so is a weak amount of time
or category (하루, 1급) against a left-over one, a count the translation
writes as a bare year-like number, and the single number each side has over
when the bare one may leave its unit unsaid (4살 ↔ "three"). A value left
over on one side only is an omission the translator may have meant (info).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..types import Severity
from . import units
from .result import CheckResult, quote
from .side import Side
from .values import Quantity

CODE = "drift.number"
APPROX_TOLERANCE = 0.10
CONVERSION_TOLERANCE = 0.12


@dataclass(frozen=True, slots=True)
class Value:
    """A number a side states, for matching: its quantities and its date parts."""

    value: float
    unit: str | None
    approx: bool
    magnitude: bool = False
    bound: str | None = None

    @classmethod
    def of(cls, q: Quantity) -> "Value":
        return cls(q.value, q.unit, q.approx, q.magnitude, q.bound)


def significant_digits(value: float) -> int:
    """1,200,000 → 2; 275,000 → 3; 64.5 → 3."""
    if value == 0:
        return 1
    text = f"{abs(value):.10g}"
    if "e" in text:
        mantissa = text.split("e")[0]
        return max(1, len(mantissa.replace(".", "").strip("0")))
    if "." in text:
        return len(text.replace(".", "").lstrip("0"))
    return max(1, len(text.rstrip("0")))


def round_to(value: float, digits: int) -> float:
    if value == 0:
        return 0.0
    exponent = math.floor(math.log10(abs(value))) - digits + 1
    return math.floor(value / 10**exponent + 0.5) * 10**exponent


#: below this a number is taken as stated, not as rounded (1,187,000 ≈ "1.2 million", but 75 ≠ 80)
ROUNDED_FROM = 1000


def same_number(a: float, b: float) -> bool:
    """Equal, or equal once the more precise one is rounded like the other."""
    if math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9):
        return True
    sig_a, sig_b = significant_digits(a), significant_digits(b)
    if sig_a == sig_b:
        return False
    coarse, fine = (a, b) if sig_a < sig_b else (b, a)
    if abs(coarse) < ROUNDED_FROM:
        return False  # 80 is not 75 rounded: a trailing zero in a small number is a digit
    return (math.isclose(round_to(fine, min(sig_a, sig_b)), coarse, rel_tol=1e-9) and not _padded(coarse, fine)
            and abs(fine - coarse) < ROUNDING_SLACK * abs(coarse))


#: rounding without a hedge moves a figure less than this: 1,546 as "1,500", 95만 as "950,000",
#: not 1,700만 as "20 million" nor 440억 달러 as "$40 billion" (a hedge may go further: `_roughly`)
ROUNDING_SLACK = 0.1


def _padded_either(a: float, b: float) -> bool:
    """"about 2,006" against 2천여: no hedge rounds to a figure like that."""
    return _padded(a, b) or _padded(b, a)


def _padded(coarse: float, fine: float) -> bool:
    """200,002, 2,006 or 507 against 20만, 2천여 or 500: the round figure with one digit
    stuck on after its zeros is a slip, not a precise count someone rounded (1,203,000
    against 120만 is rounding; so is 1,200,457, whose tail is a count of its own)."""
    head, digits = _digits(coarse).rstrip("0"), _digits(fine).rstrip("0")
    if not head or not digits.startswith(head):
        return False
    zeros = _SLIPPED_TAIL.fullmatch(digits[len(head) :])
    return bool(zeros) and (len(zeros.group(1)) >= 2 or fine % 10 != 0)


_SLIPPED_TAIL = re.compile(r"(0+)[1-9]")


def compatible(a: Value, b: Value) -> bool:
    if _other_currency(a, b) or _other_unit(a, b):
        return False
    if a.magnitude or b.magnitude:
        return _within_magnitude(a, b)
    if same_number(a.value, b.value) or _scale_dropped(a, b):
        return True
    if (a.approx or b.approx) and _roughly(a.value, b.value) and _bounds_hold(a, b) and not _padded_either(a.value, b.value):
        return True
    if _in_lower_range(a, b) or _in_lower_range(b, a):
        return True
    if a.unit and b.unit and a.unit != b.unit and units.dimension(a.unit) == units.dimension(b.unit):
        return _close(units.in_base(a.value, a.unit), units.in_base(b.value, b.unit), CONVERSION_TOLERANCE)
    return False


#: dimensions in which the same figure in another unit is another amount (350 km is not 350 miles)
MEASURED = frozenset({"length", "mass", "speed", "area", "power", "time", "temperature"})


def _other_unit(a: Value, b: Value) -> bool:
    """350km against "350 miles", 3주 against "three months": the figure kept, the unit
    changed, and the two amounts apart (a conversion that holds is no change). Measures of
    two kinds are never one amount: 약 150km (an hour) is not "about 165 miles", however
    close the figures, and "five years" is not 5와트."""
    if not (a.unit and b.unit) or a.unit == b.unit:
        return False
    dimension, other = units.dimension(a.unit), units.dimension(b.unit)
    if dimension not in MEASURED:
        return False
    if dimension != other:
        return other in MEASURED
    return not _close(units.in_base(a.value, a.unit), units.in_base(b.value, b.unit), CONVERSION_TOLERANCE)


def _other_currency(a: Value, b: Value) -> bool:
    """$238 billion is not 약 2,400억 원: amounts in two currencies never match by value. A
    won is about a thousandth of a dollar, so a million read as a billion hid behind the
    won conversion Korean copy adds in brackets ("2억3800만달러(약 2400억 원)")."""
    first, second = units.dimension(a.unit), units.dimension(b.unit)
    return bool(first and second and first != second and first.startswith("money:") and second.startswith("money:"))


def _within_magnitude(a: Value, b: Value) -> bool:
    """수백 ≈ "hundreds" ≈ 300: an order of magnitude covers [value, 10 × value)."""
    if a.magnitude and b.magnitude:
        return a.value == b.value
    scale, exact = (a, b) if a.magnitude else (b, a)
    return scale.value <= exact.value < 10 * scale.value


def _scale_dropped(a: Value, b: Value) -> bool:
    """2억 유로 … "it will be 200": the scale word said once, the number repeated bare."""
    small, large = sorted((a, b), key=lambda v: abs(v.value))
    if small.unit is not None and small.unit != large.unit or not 0 < small.value < 1000 or large.value <= 0:
        return False  # (영하 5도 against "minus 15 degrees": no scale word drops a sign)
    exponent = math.log10(large.value / small.value)
    return exponent >= 3 and abs(exponent - round(exponent)) < 1e-9 and round(exponent) % 3 == 0


def _roughly(a: float, b: float) -> bool:
    """A hedge ("about", 1천여) covers rounding, not a different precise figure:
    "about 277,000" against 27만5000 states three digits and gets them wrong."""
    sig_a, sig_b = significant_digits(a), significant_digits(b)
    if min(sig_a, sig_b) > 2 or sig_a == sig_b == 2:
        return False  # "nearly 66%" against "nearly 65 percent": two figures, both stated to the unit
    return _close(a, b, APPROX_TOLERANCE)


def _in_lower_range(low: Value, other: Value) -> bool:
    """10여 차례 ("ten-odd times") as "about a dozen times": 여 reaches up to the next step of
    the last stated digit, 10여 to 19 and 2천여 to 2,999, so a figure in that range says the
    same (1천여 is not 2,000). "More than 40", 40개국 이상, has no such range: 46 is a new figure."""
    if low.bound != "odd" or other.bound == "max" or low.value <= 0 or other.value < low.value:
        return False
    step = 10 ** (math.floor(math.log10(low.value)) - significant_digits(low.value) + 1)
    return other.value < low.value + step * (1 - 1e-9) and not _padded_either(low.value, other.value)


#: slack for a bound: "more than 2,000" against 1,990 is rounding, against 1,800 it is not
BOUND_SLACK = 0.02


def _bounds_hold(a: Value, b: Value) -> bool:
    """"more than 87 percent" cannot be 80%; "almost 350" cannot be 400."""
    for x, y in ((a, b), (b, a)):
        if x.bound in ("min", "odd") and y.value < x.value * (1 - BOUND_SLACK):
            return False
        if x.bound == "max" and y.value > x.value * (1 + BOUND_SLACK):
            return False
    return True


def _close(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b))


def stated_values(side: Side, clock: bool = True) -> list[Value]:
    """Everything on a side another number may be matched with (`clock`: hours and minutes too)."""
    found = [Value.of(q) for q in side.quantities]
    for date in side.dates:
        for part in (date.year, date.day, *((date.hour, date.minute) if clock else ())):
            if part is not None:
                found.append(Value(float(part), None, False))
    return found


def unmatched(quantities: Iterable[Quantity], others: list[Value]) -> list[Quantity]:
    return [
        q for q in quantities
        if not q.weak and not any(compatible(Value.of(q), o) for o in others)
    ]


def match_one_to_one(src: Side, tgt: Side) -> tuple[list[Quantity], list[Quantity]]:
    """Quantities of each side left once each is matched with its own counterpart.

    A number the original states once is used up by one mention in the
    translation, so "two killed … two bombings" against 2명 … 5곳 still
    leaves a number over. Exact values are matched before approximate ones.
    """
    mine = [q for q in src.quantities if not q.weak]
    theirs = [Value.of(q) for q in tgt.quantities] + _date_values(tgt, src)
    left_src, used = _match(mine, theirs)
    their_own = [q for q in tgt.quantities if not q.weak]
    back = [Value.of(q) for q in src.quantities] + _date_values(src, tgt)
    left_tgt, _ = _match(their_own, back)
    return left_src, left_tgt


def _match(quantities: list[Quantity], others: list[Value]) -> tuple[list[Quantity], set[int]]:
    """Same value and unit first, then same value, then compatible: 두 시간 … 두 번째
    against "three hours … second" leaves the hours over, not the ordinal."""
    used: set[int] = set()
    left = list(quantities)
    for rule in (_same_value_and_unit, _same_value, compatible):
        pending, left = left, []
        for q in pending:
            value = Value.of(q)
            index = next((i for i, o in enumerate(others) if i not in used and rule(value, o)), None)
            if index is None:
                left.append(q)
            else:
                used.add(index)
    return left, used


def _same_value_and_unit(a: Value, b: Value) -> bool:
    return a.value == b.value and a.unit == b.unit


def _same_value(a: Value, b: Value) -> bool:
    return a.value == b.value and not _other_currency(a, b) and not _other_unit(a, b)


DATE_FIELDS = ("year", "day", "hour", "minute")


def _date_values(side: Side, other: Side) -> list[Value]:
    """Date parts a number may be matched with ("10일만에" ↔ "in 10 days"), less those the
    other side's dates already answer: "Friday the 13th" is 13일, not also "the number 13"."""
    answered = {(field, getattr(d, field)) for d in other.dates for field in DATE_FIELDS}
    return [
        Value(float(getattr(date, field)), None, False)
        for date in side.dates
        for field in DATE_FIELDS
        if getattr(date, field) is not None and (field, getattr(date, field)) not in answered
    ]


def pair_up(left: list[Quantity], right: list[Quantity]) -> tuple[list[tuple[Quantity, Quantity]], list[Quantity], list[Quantity]]:
    """Pair leftovers of the two sides: same unit, then units that convert, then look-alikes."""
    pairs: list[tuple[Quantity, Quantity]] = []
    left, right = list(left), list(right)
    for rule in (_same_unit, _same_dimension, _years_and_age, _edited):
        for q in list(left):
            match = next((r for r in right if rule(q, r)), None)
            if match is not None:
                pairs.append((q, match))
                right.remove(match)
                left.remove(q)
    return pairs, left, right


def _same_unit(a: Quantity, b: Quantity) -> bool:
    return a.unit == b.unit


def _same_dimension(a: Quantity, b: Quantity) -> bool:
    return a.unit is not None and units.dimension(a.unit) == units.dimension(b.unit)


def _years_and_age(a: Quantity, b: Quantity) -> bool:
    """4,500년 된 against "4,600-year-old": years of age, said as a length of time."""
    return {a.unit, b.unit} == {"year", "age"}


def _edited(a: Quantity, b: Quantity) -> bool:
    """A bare number against a unit-bearing one pairs only if one looks like an edit of the other;
    numbers of 10 or more a power of ten apart pair whatever their units (4,500년 vs "45,000-year-old")."""
    if a.unit is None or b.unit is None:
        return looks_edited(a.value, b.value) or looks_edited(*_without_scale(a.value, b.value))
    return min(a.value, b.value) >= 10 and _power_of_ten_apart(a.value, b.value)


def _without_scale(a: float, b: float) -> tuple[float, float]:
    """The larger of two figures with its thousands taken off, so that a bare number repeated
    without its scale word (2억 유로 … "it will be 203") compares digit by digit."""
    small, large = sorted((a, b))
    while large >= 1000 and large % 1000 == 0:
        large /= 1000
    return small, large


def _power_of_ten_apart(a: float, b: float) -> bool:
    ratio = math.log10(a / b)
    return round(ratio) != 0 and abs(ratio - round(ratio)) < 1e-9


def looks_edited(a: float, b: float) -> bool:
    """34 → 74, 102 → 1020, 1,500 → 2,500: a slip of a digit or of a power of ten."""
    if a <= 0 or b <= 0 or a == b:
        return False
    ratio = math.log10(a / b)
    if abs(ratio - round(ratio)) < 1e-9:
        return True
    da, db = _digits(a), _digits(b)
    return len(da) == len(db) > 1 and any(x == y for x, y in zip(da, db))


def _digits(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", "")


#: dimensions a translator converts with a fixed factor (not money, not time)
CONVERTED = frozenset({"length", "mass", "speed", "area", "power", "temperature"})
_OPEN_BRACKET = re.compile(r"\s*[(\[]\s*")


def bad_conversions(quantities: Sequence[Quantity], text: str) -> list[tuple[Quantity, Quantity]]:
    """"15 meters (41 feet)": a quantity and its bracketed conversion that disagree."""
    out = []
    for a, b in zip(quantities, quantities[1:]):
        if not (a.unit and b.unit and a.unit != b.unit and units.dimension(a.unit) == units.dimension(b.unit)):
            continue
        if units.dimension(a.unit) not in CONVERTED or not _OPEN_BRACKET.fullmatch(text[a.span.end : b.span.start]):
            continue
        if not _close(units.in_base(a.value, a.unit), units.in_base(b.value, b.unit), CONVERSION_TOLERANCE):
            out.append((a, b))
    return out


#: a score or tally: "6-3 6-2", "2-0(6-36-2)"
_SCORES = re.compile(r"(?<!\d)\d+(?:[-–:]\d+)+(?:[\s(),]+\d+(?:[-–:]\d+)+)*")


def _same_scores(lost: list[Quantity], src_text: str, extra: list[Quantity], tgt_text: str) -> tuple[list[Quantity], list[Quantity]]:
    """Leftovers inside scores whose digits read the same on both sides ("6-3 6-2" written
    "6-36-2") are not changed numbers: only the separators differ."""
    src_runs = [(m.start(), m.end(), re.sub(r"\D", "", m.group())) for m in _SCORES.finditer(src_text)]
    tgt_runs = [(m.start(), m.end(), re.sub(r"\D", "", m.group())) for m in _SCORES.finditer(tgt_text)]
    if not src_runs or not tgt_runs:
        return lost, extra
    shared = {
        digits
        for _, _, a in src_runs
        for _, _, b in tgt_runs
        if a == b or (len(b) >= 2 and b in a) or (len(a) >= 2 and a in b)
        for digits in (a, b)
    }

    def inside(q: Quantity, runs) -> bool:
        return any(start <= q.span.start < end and digits in shared for start, end, digits in runs)

    return [q for q in lost if not inside(q, src_runs)], [q for q in extra if not inside(q, tgt_runs)]


#: dimensions in which a weak number (1, 하루) still says something definite
WEAK_BUT_DEFINITE = frozenset({"time", "category"})


def _weak_pairs(src: Side, tgt: Side, lost: list[Quantity], extra: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """하루 ("a day", weak) against "240 hours", 1급 태풍 against "a Category 4 storm": a weak
    amount of time or category still pairs with a left-over one it does not match."""
    found = []
    for weak, others, flip in ((_weak_definite(src, tgt), extra, False), (_weak_definite(tgt, src), lost, True)):
        for w in weak:
            match = next((o for o in others if _same_dimension(o, w)), None)
            if match is not None:
                others.remove(match)
                found.append((match, w) if flip else (w, match))
    return found


def _weak_definite(side: Side, other: Side) -> list[Quantity]:
    weak = [q for q in side.quantities if q.weak and units.dimension(q.unit) in WEAK_BUT_DEFINITE]
    if not weak:
        return []
    theirs = stated_values(other)
    return [q for q in weak if not any(compatible(Value.of(q), o) for o in theirs)]


def _year_pairs(lost: list[Quantity], tgt: Side, src: Side) -> list[tuple[Quantity, Quantity]]:
    """170명 against "a list of 1700 co-conspirators": a count the translation states
    as a bare four-digit number, read there as a year the original does not have."""
    known = {d.year for d in src.dates if d.year} | {q.value for q in src.quantities}
    years = [
        Quantity(float(d.year), None, False, d.span)
        for d in tgt.dates
        if d.year and d.month is None and d.day is None and not d.decade and d.year not in known
    ]
    found = []
    for q in list(lost):
        match = next((y for y in years if q.unit is None and looks_edited(q.value, y.value)), None)
        if match is not None:
            years.remove(match)
            lost.remove(q)
            found.append((q, match))
    return found


#: units a translation often leaves unsaid: "she was three" for 3살, "up 5" for 5%, "Game 7" for 7차전
IMPLIED_UNITS = frozenset({"age", "percent", "times", "ordinal", "category"})


def _last_pair(lost: list[Quantity], extra: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """4살 against "nearly three" when nothing else is left on either side: the one number
    each side has over is one number changed, if the bare one may leave its unit unsaid."""
    if len(lost) != 1 or len(extra) != 1:
        return []
    a, b = lost[0], extra[0]
    units_said = {a.unit, b.unit} - {None}
    if a.magnitude or b.magnitude or len(units_said) != 1 or not units_said <= IMPLIED_UNITS:
        return []
    if not (a.value and b.value and 0.5 <= a.value / b.value <= 2):
        return []
    lost.clear()
    extra.clear()
    return [(a, b)]


def _roles_swapped(src: Side, tgt: Side) -> list[CheckResult]:
    """3명이 숨지고 7명이 다쳤다 as "killing seven and injuring three": every number kept,
    each put to what befell the others. A number the original gives one role and the
    translation only another is an error."""
    src_counted = src.casualties
    if not src_counted:
        return []  # most beads
    tgt_counted = tgt.casualties
    out = []
    for mine in src_counted:
        same = [c for c in tgt_counted if same_number(c.quantity.value, mine.quantity.value)]
        roles_here = {c.role for c in src_counted if same_number(c.quantity.value, mine.quantity.value)}
        if same and len(roles_here) == 1 and not any(c.role == mine.role for c in same):
            theirs = same[0]
            out.append(CheckResult(
                CODE, Severity.ERROR,
                f"the original's {show(mine.quantity)} {mine.role} ({quote(mine.quantity.span)}) are "
                f"{show(theirs.quantity)} {theirs.role} in the translation ({quote(theirs.quantity.span)})",
                (mine.quantity.span,), (theirs.quantity.span,),
            ))
    return out


def _ends_swapped(src: Side, tgt: Side) -> list[CheckResult]:
    """3.5%에서 3.25%로 as "from 3.25 percent to 3.5 percent": both numbers kept, the
    move turned around."""
    src_moves = src.from_to
    if not src_moves:
        return []  # most beads
    out = []
    for start, end in src_moves:
        if same_number(start.value, end.value):
            continue
        for their_start, their_end in tgt.from_to:
            if same_number(their_start.value, end.value) and same_number(their_end.value, start.value):
                out.append(CheckResult(
                    CODE, Severity.ERROR,
                    f"the original goes from {show(start)} to {show(end)} ({quote(start.span)} → {quote(end.span)}), "
                    f"the translation from {show(their_start)} to {show(their_end)}",
                    (start.span, end.span), (their_start.span, their_end.span),
                ))
    return out


def _running_pairs(lost: list[Quantity], extra: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """석 달째 against "the second month in a row", 3주 연속 against "the second straight
    week": a spell of time counted on one side is the ordinal of its last step on the
    other. The one spell left over against the one ordinal left over, whatever else is."""
    pairs = []
    for mine, theirs in ((lost, extra), (extra, lost)):
        spells = [q for q in mine if units.dimension(q.unit) == "time" and not q.magnitude]
        ordinals = [q for q in theirs if q.unit == "ordinal" and not q.weak]
        if len(spells) == 1 and len(ordinals) == 1 and spells[0].value and 0.5 <= ordinals[0].value / spells[0].value <= 2:
            pairs.append((spells[0], ordinals[0]) if mine is lost else (ordinals[0], spells[0]))
            mine.remove(spells[0])
            theirs.remove(ordinals[0])
    return pairs


def show(q: Quantity) -> str:
    if q.magnitude:
        return f"{q.value:,.0f}s"
    value = f"{q.value:,.0f}" if q.value == int(q.value) else f"{q.value:,.4g}"
    return value


def check_numbers(src: Side, tgt: Side) -> list[CheckResult]:
    if not (src.known and tgt.known) or not _anything_to_check(src, tgt):
        return []
    lost, extra = match_one_to_one(src, tgt)
    lost, extra = _same_scores(lost, src.text, extra, tgt.text)
    lost, extra = _run_together(lost, extra)
    pairs, lost, extra = pair_up(lost, extra)
    pairs += _weak_pairs(src, tgt, lost, extra)
    pairs += _year_pairs(lost, tgt, src)
    pairs += _running_pairs(lost, extra)
    pairs += _last_pair(lost, extra)
    out = [
        CheckResult(
            CODE, Severity.ERROR,
            f"number {show(a)} in the original ({quote(a.span)}) is {show(b)} in the translation ({quote(b.span)})",
            (a.span,), (b.span,),
        )
        for a, b in pairs
    ]
    out += _roles_swapped(src, tgt)
    out += _ends_swapped(src, tgt)
    out += [
        CheckResult(
            CODE, Severity.ERROR,
            f"amount {quote(a.span)} in the original is in another currency in the translation ({quote(b.span)})",
            (a.span,), (b.span,),
        )
        for a, b in _currency_swaps(lost, extra)
    ]
    out += [
        CheckResult(
            CODE, Severity.ERROR,
            f"the original's {_BOUND_WORDS[a.bound]} {show(a)} ({quote(a.span)}) is {_BOUND_WORDS[b.bound]} {show(b)} in the translation ({quote(b.span)})",
            (a.span,), (b.span,),
        )
        for a, b in _bounds_turned(src.quantities, tgt.quantities)
    ]
    out += [
        CheckResult(
            CODE, Severity.WARNING,
            f"the translation's conversion does not add up: {quote(a.span)} is not {quote(b.span)}",
            (), (a.span, b.span),
        )
        for a, b in bad_conversions(tgt.quantities, tgt.text)
    ]
    out += [
        CheckResult(CODE, Severity.INFO, f"number {show(q)} in the original ({quote(q.span)}) is not in the translation", (q.span,), ())
        for q in lost
    ]
    out += [
        CheckResult(CODE, Severity.INFO, f"number {show(q)} in the translation ({quote(q.span)}) is not in the original", (), (q.span,))
        for q in extra
    ]
    return out


_BOUND_WORDS = {"min": "at least", "max": "at most"}


def _bounds_turned(src: list[Quantity], tgt: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """최소 10명 as "up to 10", 10% 미만 as "more than 10%": the figure kept, its bound turned
    around. Only where the translation does not also state the figure with the same bound."""
    turned = []
    for a in src:
        if a.bound not in _BOUND_WORDS:
            continue
        same = [b for b in tgt if b.value == a.value and b.unit == a.unit]
        if same and not any(b.bound == a.bound for b in same):
            b = next((b for b in same if b.bound in _BOUND_WORDS), None)
            if b is not None:
                turned.append((a, b))
    return turned


def _currency_swaps(lost: list[Quantity], extra: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """3억 원 as "$300 million": the same figure in another currency, which no conversion
    gives (a converted amount has another figure). Taken out of `lost` and `extra`."""
    swaps = []
    for a in list(lost):
        b = next((b for b in extra if _other_currency(Value.of(a), Value.of(b)) and same_number(a.value, b.value)), None)
        if b is not None and not (a.magnitude or b.magnitude):
            swaps.append((a, b))
            lost.remove(a)
            extra.remove(b)
    return swaps


def _anything_to_check(src: Side, tgt: Side) -> bool:
    """Only a number that is not weak can be left over, and only two numbers can be a
    conversion: most beads have neither, and every step below would find nothing (issue #8)."""
    return _states_a_number(src) or _states_a_number(tgt) or len(tgt.quantities) >= 2


def _states_a_number(side: Side) -> bool:
    return any(not q.weak for q in side.quantities)


def _run_together(lost: list[Quantity], extra: list[Quantity]) -> tuple[list[Quantity], list[Quantity]]:
    """Two numbers whose separating space was lost ("보잉 74730대" for "30 Boeing 747s",
    common in text copied out of a CMS) are not a changed number: one side's digit run
    is the other side's two numbers side by side, in either order."""
    lost, extra = list(lost), list(extra)
    for one, other in ((lost, extra), (extra, lost)):
        for glued in list(one):
            digits = _plain_digits(glued)
            if digits is None or len(digits) < 2 * MIN_RUN_PART:
                continue
            parts = _parts_of(digits, other)
            if parts:
                one.remove(glued)
                for part in parts:
                    other.remove(part)
    return lost, extra


#: digits each of two run-together numbers must have (a lone digit joins too much by chance)
MIN_RUN_PART = 2


def _parts_of(digits: str, candidates: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    plain = [(q, _plain_digits(q)) for q in candidates]
    for a, first in plain:
        for b, second in plain:
            if a is not b and first and second and min(len(first), len(second)) >= MIN_RUN_PART and first + second == digits:
                return a, b
    return None


def _plain_digits(q: Quantity) -> str | None:
    """The digits a quantity is written with, when it is a bare run of them (no 만, no comma)."""
    match = _LEADING_DIGITS.match(q.span.text)
    if match is None or q.magnitude or float(match.group()) != q.value:
        return None
    return match.group()


_LEADING_DIGITS = re.compile(r"\d+(?![\d.,])")
