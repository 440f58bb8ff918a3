"""drift.direction: a figure that goes up on one side and down on the other.

"수출이 5% 줄었다" as "Exports rose 5 percent" keeps every number and most
of the words, so neither the number check nor sentence similarity sees it.
Each language module marks the verbs and nouns of change ("up": 증가,
늘었다, "rose"; "down": 감소, 줄었다, "fell"). A bead is flagged only when
each side moves one way and the two ways differ; a sentence that moves
both ways ("exports fell but imports rose") or negates a move ("did not
fall", 늘지 않았다: not a rise, and not a fall either) is left alone, since
counting cannot pair the movements. A negation elsewhere ("Supplies cannot
keep up with rising demand") does not turn the move.

Opposite states are read the same way: a balance, 흑자 ("surplus", "operating
profit") against 적자 ("deficit", "net loss"), is the same figure with its sign
turned; a measure, 강화 ("tightened", "stepped up") against 완화 ("eased"), is the
same policy turned around; a range, 단거리 ("short-range") against 장거리
("long-range"), is another weapon; a verdict, 징역 5년 ("sentenced to five years") against
무죄 ("acquitted"), is another judgment. So are the rest of `STATES`: the most and the
least, a sex, a patient's condition, a majority kept or lost, a game at home or away,
inside or outside, sales weak or strong, an attempt that succeeded or failed, the part
of a place, the left or right one, domestic or overseas, and a season, injuries minor or serious, the part of the day, and supplies short or
plentiful. Each axis was
checked on the 1,681 real kpc-dev/jhe-dev pairs before it was added: none flags a pair
(benchmarks/checks.py). With a negation anywhere in the bead ("흑자를 내지 못했다") they
are not compared.
"""

from __future__ import annotations

from ..types import Severity
from .result import CheckResult, quote
from .side import Side
from .values import Marker

CODE = "drift.direction"


def check_direction(src: Side, tgt: Side) -> list[CheckResult]:
    if not (src.known and tgt.known):
        return []
    return _opposite_moves(src, tgt) + _opposite_states(src, tgt)


def _opposite_moves(src: Side, tgt: Side) -> list[CheckResult]:
    src_moves = src.changes
    if not src_moves:
        return []  # most beads: the translation is never read (issue #8)
    tgt_moves = tgt.changes
    src_ways, tgt_ways = {m.kind for m in src_moves}, {m.kind for m in tgt_moves}
    if len(src_ways) != 1 or len(tgt_ways) != 1 or src_ways == tgt_ways:
        return []
    if _negated_move(src, src_moves) or _negated_move(tgt, tgt_moves) or _quoted_inversely(src, tgt):
        return []
    return [_contradiction(src_moves, tgt_moves, "says it went {}")]


def _quoted_inversely(src: Side, tgt: Side) -> bool:
    """환율이 4.7원 올랐다 as "the won fell 4.7 won": a rate in won per dollar rises as the
    won falls, so one side's move is the other's turned round."""
    return _rate_against_value(src, tgt) or _rate_against_value(tgt, src)


def _rate_against_value(rate_side: Side, value_side: Side) -> bool:
    rate = getattr(rate_side.module, "EXCHANGE_RATE", None)
    value = getattr(value_side.module, "CURRENCY_VALUE", None)
    return (rate is not None and value is not None
            and rate.search(rate_side.text) is not None and value.search(value_side.text) is not None)


#: what each axis of opposite states says of a side: (extractor of `Side`, message pattern)
STATES = (
    ("balances", "puts the balance in the {}"),  # 흑자 / 적자: "black" / "red"
    ("measures", "makes it {}"),  # 강화 / 완화: "stronger" / "weaker"
    ("ranges", "says {} range"),  # 단거리 / 장거리: "short" / "long" (a missile's, a flight's)
    ("verdicts", "gives a verdict of {}"),  # 징역 / 무죄: "guilty" / "not guilty"
    ("extremes", "says the {}"),  # 가장 많았다 / 가장 적었다: "the highest" / "the lowest"
    ("sexes", "says the person is {}"),  # 남성 / 여성: "a man" / "a woman"
    ("conditions", "says the condition is {}"),  # 안정 / 위독: "stable" / "critical"
    ("majorities", "says the majority was {}"),  # 과반을 유지 / 잃었다: "kept" / "lost"
    ("venues", "says the game is played {}"),  # 홈 / 원정: "at home" / "away"
    ("places", "puts it {}"),  # 안에 / 밖에: "inside" / "outside"
    ("strengths", "says it is {}"),  # 부진 / 호조: "weak" / "strong" (sales, demand, a market)
    ("outcomes", "says it {}"),  # 성공 / 실패: "succeeded" / "failed"
    ("quarters", "puts it in the {}"),  # 남부 / 북부: "Southern" / "Northern"
    ("sides", "says the {} one"),  # 왼쪽 / 오른쪽: "left" / "right"
    ("scopes", "says {}"),  # 국내 / 해외: "domestic" / "overseas"
    ("seasons", "says it is in the {}"),  # 가을 / 봄: "fall" / "spring"
    ("injuries", "says the injuries are {}"),  # 경상 / 중상: "minor" / "serious"
    ("day_parts", "says it was in the {}"),  # 오전 / 오후: "morning" / "evening"
    ("supplies", "says supplies are {}"),  # 부족 / 충분: "short" / "plentiful"
)


def _opposite_states(src: Side, tgt: Side) -> list[CheckResult]:
    """흑자 as "deficit", 규제 강화 as "eased rules": each side in one state of an axis, the
    two states opposite, and no negation on either side to turn one."""
    for extractor, says in STATES:
        src_marks = getattr(src, extractor)
        if not src_marks:
            continue  # most beads: the translation is never read
        tgt_marks = getattr(tgt, extractor)
        src_kinds, tgt_kinds = {m.kind for m in src_marks}, {m.kind for m in tgt_marks}
        if len(src_kinds) != 1 or len(tgt_kinds) != 1 or src_kinds == tgt_kinds or src.negated or tgt.negated:
            continue
        return [_contradiction(src_marks, tgt_marks, says)]
    return []


def _contradiction(src_marks: list[Marker], tgt_marks: list[Marker], says: str) -> CheckResult:
    """The error for two sides each in one state, the states opposite, with every marker as evidence."""
    src_spans, tgt_spans = tuple(m.span for m in src_marks), tuple(m.span for m in tgt_marks)
    return CheckResult(
        CODE, Severity.ERROR,
        f"the original {says.format(src_marks[0].kind)} ({', '.join(quote(s) for s in src_spans)}), "
        f"the translation {says.format(tgt_marks[0].kind)} ({', '.join(quote(s) for s in tgt_spans)})",
        src_spans, tgt_spans,
    )


def _negated_move(side: Side, moves: list) -> bool:
    """Whether a negated predicate turns one of the moves (`Side.turning`)."""
    return bool(side.negated) and any(side.turning(m.span) for m in moves)
