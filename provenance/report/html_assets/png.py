"""A similarity matrix as a small PNG, in pure Python (numpy and zlib).

One pixel per cell, one colour with the similarity as its opacity (a palette
of 256 opacities: one byte a cell), so the same image reads on a light and a
dark page. Large matrices are max-pooled
first: a bright off-path cell (a moved sentence) must survive downsampling.
"""

from __future__ import annotations

import struct
import zlib

import numpy as np

#: cosine similarities mapped to opacity 0..1; fixed so pages can be compared.
LOW, HIGH = 0.2, 0.8
MAX_CELLS = 200
COLOUR = (59, 130, 246)


def pool_max(matrix: np.ndarray, max_cells: int = MAX_CELLS) -> np.ndarray:
    """At most `max_cells` rows and columns, each pooled cell the max of its block."""
    out = np.asarray(matrix, dtype=np.float32)
    for axis in (0, 1):
        size = out.shape[axis]
        if size > max_cells:
            edges = np.linspace(0, size, max_cells + 1).astype(int)[:-1]
            out = np.maximum.reduceat(out, edges, axis=axis)
    return out


def heat_png(matrix: np.ndarray, max_cells: int = MAX_CELLS) -> bytes:
    """PNG bytes of `matrix` after pooling: 256 opacities of one colour, one byte per cell."""
    pooled = pool_max(matrix, max_cells)
    if pooled.size == 0:
        raise ValueError("empty similarity matrix")
    opacity = np.clip((np.nan_to_num(pooled) - LOW) / (HIGH - LOW), 0.0, 1.0)
    height, width = pooled.shape
    levels = np.round(opacity * 255).astype(np.uint8)
    filter_none = np.zeros((height, 1), dtype=np.uint8)
    raw = np.concatenate([filter_none, levels], axis=1).tobytes()
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8-bit palette
    palette = bytes(COLOUR) * 256
    alphas = bytes(range(256))
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"PLTE", palette)
        + _chunk(b"tRNS", alphas)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
