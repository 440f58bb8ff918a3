"""The merge-rule benchmark judges a candidate as the shipped step does, and chooses the strictest of equals."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from provenance.align import MERGED_FLOOR, MERGED_LONG, MERGED_SLACK, Link, with_merged_halves
from provenance.embed import SideEmbeddings


@pytest.fixture()
def merge_rule(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import merge_rule

    return merge_rule


def _along(*weights):
    v = np.zeros(16, dtype=np.float32)
    v[: len(weights)] = weights
    v[15] = np.sqrt(max(0.0, 1 - sum(w * w for w in weights)))
    return v


def _shipped_step_joins(row) -> bool:
    """What `with_merged_halves` does with one candidate of these measurements."""
    link = 0.6
    src = np.stack([_along(link), _along(row["left_out"]), _along(0, 0, 0, 0.9)])
    tgt = np.stack([_along(1.0), _along(0, 0, 0, 1.0)])
    source = SideEmbeddings({1: src, 2: np.stack([_along(link + row["gain"]), _along(0.1)])})
    target = SideEmbeddings({1: tgt, 2: np.stack([_along(0.7, 0, 0, 0.7)])})
    sizes = {(0,): row["alone"], (0, 1): row["joined_ratio"]}
    links = [Link((0,), (0,), link), Link((1,), (), 0.0), Link((2,), (1,), 0.9)]
    out = with_merged_halves(links, source, target, set(), lambda sources, j: sizes.get(sources, 0.0))
    return out[0].src == (0, 1)


ROWS = [
    {"alone": 0.8, "joined_ratio": 0.1, "left_out": 0.45, "gain": 0.01},
    {"alone": 0.8, "joined_ratio": -0.1, "left_out": 0.45, "gain": -0.04},
    {"alone": 0.45, "joined_ratio": 0.1, "left_out": 0.45, "gain": 0.01},
    {"alone": 0.8, "joined_ratio": 0.85, "left_out": 0.45, "gain": 0.01},
    {"alone": 0.8, "joined_ratio": 0.1, "left_out": 0.3, "gain": 0.01},
    {"alone": 0.8, "joined_ratio": 0.1, "left_out": 0.45, "gain": -0.08},
    {"alone": -0.8, "joined_ratio": 0.1, "left_out": 0.45, "gain": 0.01},
]


@pytest.mark.parametrize("row", ROWS)
def test_the_benchmark_judges_a_candidate_as_the_shipped_step_does(merge_rule, row):
    assert merge_rule.takes(row, MERGED_LONG, MERGED_FLOOR, MERGED_SLACK) == _shipped_step_joins(row)


def test_right_and_wrong_joins_are_counted_apart(merge_rule):
    rows = [dict(ROWS[0], merge=True), dict(ROWS[1], merge=False), dict(ROWS[2], merge=True)]
    assert merge_rule.tally(rows, 0.5, 0.35, 0.05) == (1, 1)
    assert merge_rule.tally(rows, 0.3, 0.35, 0.05) == (2, 1)
    assert merge_rule.tally(rows, 0.5, 0.35, 0.0) == (1, 0)
