"""Small helpers shared by the check tests."""

from __future__ import annotations

from provenance.types import Severity


def serious(findings) -> list:
    """The findings that flag a bead: warnings and errors, not info notes."""
    return [r for r in findings if r.severity is not Severity.INFO]
