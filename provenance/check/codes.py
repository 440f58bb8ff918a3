"""Finding codes the CI check adds to those of `provenance.codes`.

A pair with a missing half, a pair that cannot be compared, and a waiver
that cannot be read are findings like any other: they have stable codes, a
default severity, an ITS 2.0 issue type, and can be configured and waived.
"""

from __future__ import annotations

from ..codes import CODES, Code, lookup
from ..types import Severity

MISSING_TRANSLATION = "pair.missing-translation"
MISSING_ORIGINAL = "pair.missing-original"
INVALID_PAIR = "pair.invalid"
INVALID_WAIVER = "waiver.invalid"
UNUSED_WAIVER = "waiver.unused"

_TABLE = (
    Code(MISSING_TRANSLATION, "omission", Severity.ERROR, "Original with no translation"),
    Code(MISSING_ORIGINAL, "other", Severity.ERROR, "Translation with no original"),
    Code(INVALID_PAIR, "other", Severity.ERROR, "Pair cannot be compared"),
    Code(INVALID_WAIVER, "other", Severity.WARNING, "Inline waiver cannot be read"),
    Code(UNUSED_WAIVER, "other", Severity.INFO, "Inline waiver matches no finding"),
)

CHECK_CODES: dict[str, Code] = {code.id: code for code in _TABLE}


def rule(code_id: str) -> Code:
    """The entry for any code the check can report."""
    return CHECK_CODES.get(code_id) or lookup(code_id)


def all_codes() -> tuple[str, ...]:
    """Every known code, pipeline first: the order of SARIF rules."""
    return (*CODES, *CHECK_CODES)
