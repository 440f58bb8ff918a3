"""What a check reports: a stable code, a severity, a sentence for people, evidence."""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Severity
from .values import Span


@dataclass(frozen=True, slots=True)
class CheckResult:
    code: str  # "drift.number", "drift.date", … (see provenance/codes.py)
    severity: Severity
    message: str
    src: tuple[Span, ...]  # evidence in the original, spans within the joined side text
    tgt: tuple[Span, ...]  # evidence in the translation


def quote(span: Span) -> str:
    return f'"{span.text.strip()}"'


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
