"""A deterministic, model-free encoder for tests and for quick runs.

Character n-grams hashed into a fixed number of buckets: texts that share
words and numbers get similar vectors. It knows nothing across languages, so
it is only useful where both sides share surface forms (tests, same-language
checks); the pipeline runs end to end with it in milliseconds.
"""

from __future__ import annotations

import zlib
from typing import Sequence

import numpy as np


class HashingEncoder:
    name = "hashing"

    def __init__(self, dim: int = 256, order: int = 3) -> None:
        self.dim = dim
        self.order = order

    @property
    def signature(self) -> str:
        return f"hashing-{self.dim}d-{self.order}gram"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            padded = f" {text.lower()} "
            for i in range(max(1, len(padded) - self.order + 1)):
                gram = padded[i : i + self.order].encode("utf-8")
                out[row, zlib.crc32(gram) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        norms[norms == 0] = 1.0
        return out / norms
