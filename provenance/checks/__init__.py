"""Drift checks: does each aligned bead assert the same things on both sides?

Sentence similarity misses what hurts most in news: "3천 명" as "30,000",
"14일" as "the 24th", "금지했습니다" as "did not ban", a quote cut in half.
Each check extracts what both sides assert (numbers, dates, names,
polarity, coverage) through per-language modules (`lang/`), compares the
values, and explains every flag with evidence spans on both sides.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from ..types import Severity
from .dates import check_dates
from .direction import check_direction
from .names import check_names
from .negation import check_negation
from .numbers import check_numbers
from .partial import check_partial
from .result import CheckResult
from .side import MOSTLY_FOREIGN, Side
from .values import Span

__all__ = ["CHECKS", "CheckResult", "Severity", "Span", "check_pair"]

Check = Callable[[Side, Side], list[CheckResult]]

#: registry name -> check; evaluation runs with and without each
CHECKS: dict[str, Check] = {
    "number": check_numbers,
    "date": check_dates,
    "name": check_names,
    "negation": check_negation,
    "direction": check_direction,
    "partial": check_partial,
}


def check_pair(
    src_text: str,
    tgt_text: str,
    src_lang: str = "ko",
    tgt_lang: str = "en",
    *,
    enabled: Collection[str] | None = None,
) -> list[CheckResult]:
    """Every finding for one aligned bead (sides joined with a space), worst first.

    Languages without a module get no findings from the checks that need
    them; nothing here raises on odd text.
    """
    src, tgt = Side(src_text, src_lang), Side(tgt_text, tgt_lang)
    if src.foreign_share >= MOSTLY_FOREIGN:
        return []
    names = CHECKS if enabled is None else [name for name in CHECKS if name in enabled]
    found: list[CheckResult] = []
    for name in names:
        found.extend(CHECKS[name](src, tgt))
    return sorted(found, key=lambda r: -r.severity.rank)
