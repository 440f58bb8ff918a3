"""Stable finding codes: one table for the report, the CI check, SARIF and JUnit.

Each code names its W3C ITS 2.0 localization-quality issue type where one
fits (omission, addition, mistranslation, …), so SARIF consumers that know
ITS can group our findings without a lookup table of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

from .types import Severity


@dataclass(frozen=True, slots=True)
class Code:
    id: str
    its: str  # ITS 2.0 locQualityIssueType
    severity: Severity  # default; configuration may change it
    title: str


_TABLE = (
    Code("omission.sentence", "omission", Severity.WARNING, "Sentence of the original not translated"),
    Code("omission.passage", "omission", Severity.ERROR, "Passage of the original not translated"),
    Code("addition.sentence", "addition", Severity.WARNING, "Sentence with no source in the original"),
    Code("addition.passage", "addition", Severity.WARNING, "Passage with no source in the original"),
    Code("order.moved", "other", Severity.INFO, "Sentence translated in another place"),  # MOVED
    Code("drift.unrelated", "mistranslation", Severity.ERROR, "Aligned sentences say unrelated things"),
    Code("drift.low-similarity", "mistranslation", Severity.WARNING, "Translation differs in meaning"),
    Code("drift.number", "mistranslation", Severity.ERROR, "Number or quantity differs"),
    Code("drift.date", "mistranslation", Severity.ERROR, "Date or time differs"),
    Code("drift.name", "mistranslation", Severity.WARNING, "Name or place differs"),
    Code("drift.negation", "mistranslation", Severity.ERROR, "Negation differs"),
    Code("drift.direction", "mistranslation", Severity.ERROR, "Direction of change differs (up against down)"),
    Code("drift.partial", "omission", Severity.WARNING, "Part of the sentence not translated"),
    Code("credit.missing", "other", Severity.WARNING, "No credit line in the translation"),
    Code("credit.translator-missing", "other", Severity.WARNING, "No translator credited"),
    Code("credit.reporter-mismatch", "inconsistency", Severity.WARNING, "Reporter differs between the versions"),
    Code("credit.unparsed", "other", Severity.INFO, "Credit line could not be read"),
)

CODES: dict[str, Code] = {code.id: code for code in _TABLE}

#: a sentence the translation moved elsewhere (`align.with_moves`): an info note, listed as a finding
MOVED = "order.moved"


def lookup(code_id: str) -> Code:
    """The code's entry; unknown codes (from plug-ins) get a neutral one."""
    return CODES.get(code_id) or Code(code_id, "other", Severity.WARNING, code_id)
