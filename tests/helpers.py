"""Small helpers shared by the check tests."""

from __future__ import annotations

import numpy as np

from provenance.types import Severity


def serious(findings) -> list:
    """The findings that flag a bead: warnings and errors, not info notes."""
    return [r for r in findings if r.severity is not Severity.INFO]


def unit(vector) -> np.ndarray:
    return np.asarray(vector, dtype=np.float32) / np.linalg.norm(vector)


class FakeEncoder:
    """Texts to vectors by a table: the decision, not the model, is under test."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = {text: unit(vector) for text, vector in table.items()}
        self.asked: list[str] = []

    def encode(self, texts):
        self.asked += list(texts)
        return np.stack([self.table[t] for t in texts]) if texts else np.zeros((0, 3), dtype=np.float32)
