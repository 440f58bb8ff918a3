"""drift.negation: a negated predicate on one side, an affirmative on the other.

Polarity is counted, not parsed: each language module marks negated
predicates (않/못/없/아니/말; "not", "n't", "never", "no") and words that
are negative in themselves (불가능, 무관; "without", "unable", "failed").
Translators often turn one into the other ("못 보게 한다" → "keeps you from
seeing"), so a side's negative words may stand in for the other side's
negated predicates, but a negated predicate with nothing negative left to
answer it on the other side is a finding. A negative word the other side
answers with one of its own ("없이" for "without") is not left.

Two reversals have no negation to count: a report turned into a denial
("말했다" → "did not say"), and a stance turned into its opposite with no
negation on either side (허용 → "banned", 인정 → "denied", 거부 → "accepted").
"""

from __future__ import annotations

import re

from ..types import Severity
from .clauses import clauses
from .result import CheckResult, quote
from .side import Side
from .values import OPPOSITE_STANCES, Span

CODE = "drift.negation"


def check_negation(src: Side, tgt: Side) -> list[CheckResult]:
    if not (src.known and tgt.known):
        return []
    # a side's negative words only matter against the other side's negated predicates,
    # so most beads never look for them (issue #8)
    src_neg, tgt_neg = src.negated, tgt.negated
    out: list[CheckResult] = _denied_report(src, tgt) or _opposite_stance(src, tgt)
    if not out and tgt_neg and len(tgt_neg) > (answered := _unanswered(src_neg, tgt, src) + _spare(src.negative_words, tgt.negative_words)):
        spans = tuple(m.span for m in tgt_neg[answered:])
        out.append(CheckResult(
            CODE, Severity.ERROR,
            f"the translation negates ({', '.join(quote(s) for s in spans)}) where the original does not",
            (), spans,
        ))
    if src_neg and len(src_neg) > len(tgt_neg) + len(tgt.negative_words):
        out.append(_dropped_statement(src, tgt) or _dropped(src_neg))
    return out


def _dropped(src_neg: list) -> CheckResult:
    spans = tuple(m.span for m in src_neg)
    return CheckResult(
        CODE, DROPPED_SEVERITY,
        f"the original negates ({', '.join(quote(s) for s in spans)}) where the translation does not",
        spans, (),
    )


def _dropped_statement(src: Side, tgt: Side) -> CheckResult | None:
    """"입장을 내놓지 않았습니다" as "has issued a statement": the original's own verb negated,
    and nothing negative in the translation, not even a word that may render a negation
    ("yet to", "free", "declined"). A lost negation elsewhere stays a note."""
    statement = getattr(src.module, "negated_statement", None)
    renders = getattr(tgt.module, "renders_negation", None)
    if statement is None or renders is None or tgt.negated or tgt.negative_words:
        return None
    span = statement(src.text)
    if span is None or renders(tgt.text) or _contrast_kept(src, tgt, span):
        return None
    return CheckResult(
        CODE, Severity.WARNING,
        f"the original's statement is negated ({quote(span)}) and the translation's is not",
        (span,), (),
    )


def _contrast_kept(src: Side, tgt: Side, negation: Span) -> bool:
    """"NBC가 요청했지만 그는 받아들이지 않았다" as "NBC wants to keep him, but he is ready to
    leave": a negated statement set against what comes before it, and a translation that keeps
    the contrast, most likely says the negation in other words. Dropping a negation an editor
    turns "but" into "and" ("…, and luck was on our side")."""
    src_contrast, tgt_contrast = getattr(src.module, "CONTRAST", None), getattr(tgt.module, "CONTRAST", None)
    if src_contrast is None or tgt_contrast is None:
        return False
    return src_contrast.search(src.text, 0, negation.start) is not None and tgt_contrast.search(tgt.text) is not None


def _unanswered(negated: list, other: Side, side: Side) -> int:
    """Negated predicates of `side` not already rendered by a word of `other` that says a
    negated predicate on its own ("이르지 못한" as "failed to reach", "아무도 … 않았다" as
    "nobody"): only those may answer `other`'s negated predicates. Weaker negative words
    ("few", "against", "without") often render something else and are not counted."""
    renders = getattr(other.module, "RENDERS_NEGATED", None)
    if not negated or renders is None:
        return len(negated)
    strong = [m for m in other.negative_words if _renders(renders, other.text, m.span)]
    return max(0, len(negated) - _spare(strong, side.negative_words))


def _renders(pattern: re.Pattern[str], text: str, span: Span) -> bool:
    """Whether the negative word at `span` is one `pattern` matches, read in its text."""
    match = pattern.match(text, span.start)
    return match is not None and match.end() == span.end


def _spare(words: list, answered_by: list) -> int:
    """Negative words of one side not already answered by negative words of the other
    ("없이" for "without"): only those may stand in for a negated predicate."""
    return max(0, len(words) - len(answered_by))


def _denied_report(src: Side, tgt: Side) -> list[CheckResult]:
    """"…고 말했다" as "did not say": the report itself denied. Counting misses it when
    the quoted statement has a negation of its own to answer the new one."""
    tgt_denied = tgt.denied_reports
    if not tgt_denied or src.denied_reports or not src.affirmed_reports:
        return []  # the original's reports are read only for a denied one, which is rare (issue #8)
    src_said = src.affirmed_reports
    return [CheckResult(
        CODE, Severity.ERROR,
        f"the translation denies a statement the original reports ({quote(src_said[-1])} → {quote(tgt_denied[0])})",
        (src_said[-1],), (tgt_denied[0],),
    )]


def _opposite_stance(src: Side, tgt: Side) -> list[CheckResult]:
    """"금지했다" as "allowed", "인정했다" as "denied", "허용하지 않았다" as "did not ban": a
    stance turned into its opposite, where a negation attached to a stance turns it too
    (`negates` of each language: "did not allow" bans). Each side must take that
    stance only (a sentence that bans one thing and allows another is left alone), and a
    negated predicate in a stance's clause attached to no stance leaves the bead to the
    counting below."""
    src_stances = src.stances
    if not src_stances:
        return []  # most beads: the translation's stances are never read (issue #8)
    tgt_stances = tgt.stances
    if not tgt_stances:
        return []
    src_taken, tgt_taken = _taken(src, src_stances), _taken(tgt, tgt_stances)
    if src_taken is None or tgt_taken is None:
        return []
    src_kinds, tgt_kinds = {kind for _, kind in src_taken}, {kind for _, kind in tgt_taken}
    for said, kind in src_taken:
        opposite = OPPOSITE_STANCES[kind]
        if opposite not in tgt_kinds or kind in tgt_kinds or opposite in src_kinds:
            continue
        turned = next(span for span, other in tgt_taken if other == opposite)
        return [CheckResult(
            CODE, Severity.ERROR,
            f"the translation says the opposite of the original ({quote(said)} → {quote(turned)})",
            (said,), (turned,),
        )]
    return []


def _taken(side: Side, stances: list) -> list[tuple[Span, str]] | None:
    """Each stance as the side takes it: (its words, with the negation that turns it, and the
    stance it then takes); None when a negated predicate in a stance's clause turns none
    (a negation in another clause leaves the stances as they are)."""
    out, used = [], set()
    for stance in stances:
        by = side.turning(stance.span) if side.negated else None
        if by is None:
            out.append((stance.span, stance.kind))
            continue
        used.add(id(by))
        first, last = sorted((stance.span, by.span), key=lambda span: span.start)
        out.append((Span(first.start, last.end, side.text[first.start : last.end]), OPPOSITE_STANCES[stance.kind]))
    stray = [m.span for m in side.negated if id(m) not in used]
    if stray and _share_a_clause(side, stray, [stance.span for stance in stances]):
        return None  # "haven't confirmed nor denied": a negation that may turn a stance unseen
    return out


def _share_a_clause(side: Side, spans: list[Span], others: list[Span]) -> bool:
    """Whether some span of `spans` lies in the same clause as some span of `others`; a
    quotation is a clause of its own ("받아들인다"며 사퇴하지 않겠다: the quote accepts, the
    speaker refuses to resign)."""
    bounds = clauses(side.text, side.lang)
    quotes = [(m.start(), m.end()) for m in _QUOTATION.finditer(side.text)]

    def clause_of(span: Span) -> tuple[int, int | None]:
        clause = next((k for k, (_, end) in enumerate(bounds) if span.start < end), len(bounds) - 1)
        return clause, next((k for k, (start, end) in enumerate(quotes) if start <= span.start < end), None)

    return not {clause_of(s) for s in spans}.isdisjoint(clause_of(s) for s in others)


#: a quotation between double quotes, straight or curly
_QUOTATION = re.compile(r"[\"“][^\"“”]+[\"”]")


#: Korean negations are often rendered affirmatively ("없어야 한다" → "must be
#: precise"), so a lost negation is only worth a look
DROPPED_SEVERITY = Severity.INFO

