"""drift.partial: the translation covers only part of the original.

Two signals, neither enough alone: the translation is much shorter than the
original (sizes in English-letter equivalents, see each language's
`content_size`), and things the original states — numbers, dates, words in
Latin script — are missing from it. Real translators shorten and merge, so
only a translation far shorter than usual is flagged on length alone
(thresholds measured on kpc-dev and jhe-dev: the log size ratio of faithful
pairs has median −0.08 and standard deviation 0.25).
"""

from __future__ import annotations

import math
import re

from ..types import Severity
from .dates import leftovers, parts
from .numbers import match_one_to_one
from .result import CheckResult, quote
from .side import Side
from .values import Span

CODE = "drift.partial"
#: log(size of translation / size of original) below which length alone is enough
SHORT_ALONE = -1.0
#: the original's size (English-letter equivalents) below which length alone says nothing
MIN_SIZE_ALONE = 30
#: … below which it is enough when something the original states is missing
SHORT_WITH_LOSS = -0.8
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9.&-]*[A-Za-z0-9]")


def check_partial(src: Side, tgt: Side) -> list[CheckResult]:
    if not (src.known and tgt.known) or not src.size or not tgt.size:
        return []
    ratio = math.log(tgt.size / src.size)
    if ratio >= SHORT_WITH_LOSS:
        return []
    lost = missing_anchors(src, tgt)
    if (ratio >= SHORT_ALONE or src.size < MIN_SIZE_ALONE) and not lost:
        return []  # "왜 그럴까?" → "Why?": a short line says little that length could show
    share = math.exp(ratio)
    message = f"the translation is {share:.0%} as long as the original usually is"
    if lost:
        message += "; missing: " + ", ".join(quote(s) for s in lost[:4])
    whole = Span(0, len(tgt.text), tgt.text)
    return [CheckResult(CODE, Severity.WARNING, message, tuple(lost), (whole,))]


def missing_anchors(src: Side, tgt: Side) -> list[Span]:
    """What the original states that the translation does not: numbers, dates, Latin words."""
    lost_numbers, _ = match_one_to_one(src, tgt)
    lost_dates = leftovers(parts(src.dates), parts(tgt.dates), set())
    target_text = tgt.text.lower()
    lost_words = [
        Span(m.start(), m.end(), m.group()) for m in _LATIN.finditer(src.text)
        if m.group().lower() not in target_text
    ]
    spans = [q.span for q in lost_numbers] + [p.mention.span for p in lost_dates] + lost_words
    return sorted(set(spans), key=lambda s: s.start)
