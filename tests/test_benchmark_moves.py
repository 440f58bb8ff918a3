"""The moves benchmark moves a block of lines far enough and says where each went."""

from __future__ import annotations

import random
from pathlib import Path

import pytest


@pytest.mark.parametrize("block", [1, 2, 3])
def test_a_block_moves_far_and_every_line_is_found_where_it_went(monkeypatch, block):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import moves

    lines = [f"line {k}" for k in range(30)]
    rng = random.Random(block)
    done = None
    while done is None:
        done = moves.move_block(lines, block, rng)
    shuffled, where = done
    assert sorted(shuffled) == sorted(lines) and shuffled != lines
    assert len(where) == block and all(shuffled[new] == lines[old] for old, new in where.items())
    assert all(abs(new - old) >= moves.MIN_DISTANCE for old, new in where.items())
