"""The moves benchmark moves a block of lines (edited or not) and says which pairs a checker should mark."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

LINES = [f"Line {k} says something, and then it goes on for a while." for k in range(30)]


@pytest.fixture
def moves(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import moves

    return moves


def _moved(moves, block: int, edit: str, seed: int = 1):
    rng = random.Random(seed)
    done = None
    while done is None:
        done = moves.move_block(LINES, block, rng, edit)
    return done


@pytest.mark.parametrize("block", [1, 2, 3])
def test_a_block_moves_far_and_every_line_is_found_where_it_went(moves, block):
    shuffled, expected = _moved(moves, block, "none", seed=block)
    assert sorted(shuffled) == sorted(LINES) and shuffled != LINES
    assert len(expected) == block
    for src, tgt in expected:  # 1-based lines, one to one
        assert len(src) == len(tgt) == 1 and shuffled[tgt[0] - 1] == LINES[src[0] - 1]
        assert abs(tgt[0] - src[0]) >= moves.MIN_DISTANCE


def test_joined_and_split_blocks_expect_two_to_one_and_one_to_two(moves):
    shuffled, expected = _moved(moves, 2, "merge")
    assert len(shuffled) == len(LINES) - 1 and len(expected) == 1
    (src, tgt), = expected
    assert len(src) == 2 and src[1] == src[0] + 1 and len(tgt) == 1
    assert shuffled[tgt[0] - 1] == f"{LINES[src[0] - 1]} {LINES[src[1] - 1]}"

    shuffled, expected = _moved(moves, 1, "split")
    assert len(shuffled) == len(LINES) + 1
    (src, tgt), = expected
    assert len(src) == 1 and tgt == (tgt[0], tgt[0] + 1)
    halves = " ".join(shuffled[j - 1] for j in tgt)
    assert halves.replace(".", "").split()[:3] == LINES[src[0] - 1].split()[:3]


def test_a_drop_leaves_out_the_line_after_the_block(moves):
    shuffled, expected = _moved(moves, 2, "drop")
    last = max(max(src) for src, _ in expected)
    assert len(shuffled) == len(LINES) - 1 and LINES[last] not in shuffled  # the 0-based line after it


def test_a_swap_expects_both_passages_paired(moves):
    shuffled, expected = _moved(moves, 1, "swap")
    assert sorted(shuffled) == sorted(LINES)
    lines = sorted(src[0] for src, _ in expected)
    assert len(expected) in (2, 3) and lines == list(range(lines[0], lines[0] + len(lines)))
    assert all(shuffled[tgt[0] - 1] == LINES[src[0] - 1] for src, tgt in expected)
    assert any(src != tgt for src, tgt in expected)
