"""Gale & Church (1993) length-only sentence alignment: the floor beside every figure.

A bead costs −log P(bead kind) − log P(lengths | bead kind), where the target
length is modelled as normal around c × source length with variance s² per
source character. c and s² are fitted on kpc-dev (961 pairs left after the
noise list, non-space characters, Korean → English) with `fit_length_model`:
c = Σ en / Σ ko = 2.162, s² = Σ (en − c·ko)² / Σ ko = 22.06.

It sees the sentences' lengths only; the similarity it reports for a linked
bead is how plausible those lengths are (the two-sided tail probability of
the length difference), so its drift flags mean "implausible length".
"""

from __future__ import annotations

import math
from itertools import accumulate
from typing import Iterable

from ..align import Link
from ..config import Thresholds
from ..embed import SideEmbeddings

#: Prior probability of each bead kind (Gale & Church 1993, table 5).
PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.089,
    (1, 2): 0.089,
    (2, 2): 0.011,
}
#: English characters per Korean character, and variance per Korean character (kpc-dev).
MEAN_RATIO = 2.162
VARIANCE = 22.06
#: Half-width, in sentences, of the band searched around the diagonal.
BAND = 30

_PRIOR_COST = {move: -math.log(p) for move, p in PRIORS.items()}
_SQRT2 = math.sqrt(2.0)


def align_lengths(source: SideEmbeddings, target: SideEmbeddings, thresholds: Thresholds) -> list[Link]:
    """Lowest-cost monotonic alignment of the two sides by character lengths.

    Same interface as `align.align`; `thresholds` is accepted for that and unused.
    """
    src = [char_count(t) for t in source.texts]
    tgt = [char_count(t) for t in target.texts]
    n, m = len(src), len(tgt)
    if not n or not m:
        return [Link((i,), (), 0.0) for i in range(n)] + [Link((), (j,), 0.0) for j in range(m)]
    src_sum = [0, *accumulate(src)]
    tgt_sum = [0, *accumulate(tgt)]
    lo, hi = _band(n, m)
    moves = _search(n, lo, hi, src_sum, tgt_sum)
    return _links(_backtrack(n, m, lo, moves), src_sum, tgt_sum)


def char_count(text: str) -> int:
    """Characters that are not whitespace (Korean spacing differs from English)."""
    return len("".join(text.split()))


def length_p(src_chars: int, tgt_chars: int, ratio: float = MEAN_RATIO, variance: float = VARIANCE) -> float:
    """Two-sided tail probability of this length pair under the length model."""
    mean = (src_chars + tgt_chars / ratio) / 2
    if mean == 0:
        return 1.0
    delta = (tgt_chars - ratio * src_chars) / math.sqrt(variance * mean)
    return math.erfc(abs(delta) / _SQRT2)


def bead_cost(move: tuple[int, int], src_chars: int, tgt_chars: int) -> float:
    return _PRIOR_COST[move] - math.log(max(length_p(src_chars, tgt_chars), 1e-300))


def fit_length_model(pairs: Iterable[tuple[str, str]]) -> tuple[float, float]:
    """(c, s²) from aligned sentence pairs: target chars per source char, and variance per source char."""
    lengths = [(char_count(s), char_count(t)) for s, t in pairs]
    src_total = sum(s for s, _ in lengths)
    if not src_total:
        raise ValueError("no source characters to fit on")
    ratio = sum(t for _, t in lengths) / src_total
    variance = sum((t - ratio * s) ** 2 for s, t in lengths) / src_total
    return ratio, variance


def _band(n: int, m: int) -> tuple[list[int], list[int]]:
    """Columns searched in each row: the diagonal ± BAND, wide enough that each
    row reaches the next one, so a path always exists."""
    width = max(BAND, math.ceil(m / n) + 2)
    lo = [max(0, math.floor(i * m / n) - width) for i in range(n + 1)]
    hi = [min(m, math.ceil(i * m / n) + width) for i in range(n + 1)]
    return lo, hi


def _search(n: int, lo: list[int], hi: list[int], src_sum: list[int], tgt_sum: list[int]) -> list[list]:
    """Best move into each cell of the band (None at the origin)."""
    inf = math.inf
    costs = [[inf] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    moves: list[list[tuple[int, int] | None]] = [[None] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    costs[0][0] = 0.0
    for i in range(n + 1):
        row = costs[i]
        for j in range(lo[i], hi[i] + 1):
            best, choice = row[j - lo[i]], None
            for a, b in PRIORS:
                pi, pj = i - a, j - b
                if pi < 0 or not lo[pi] <= pj <= hi[pi]:
                    continue
                prev = costs[pi][pj - lo[pi]]
                if prev == inf:
                    continue
                total = prev + bead_cost((a, b), src_sum[i] - src_sum[pi], tgt_sum[j] - tgt_sum[pj])
                if total < best:
                    best, choice = total, (a, b)
            row[j - lo[i]] = best
            moves[i][j - lo[i]] = choice
    return moves


def _backtrack(n: int, m: int, lo: list[int], moves) -> list[tuple[int, int, int, int]]:
    """Beads as (i0, i1, j0, j1) prefix ranges, in order."""
    path = []
    i, j = n, m
    while i or j:
        move = moves[i][j - lo[i]]
        if move is None:
            raise RuntimeError(f"length alignment lost its path at ({i}, {j})")
        a, b = move
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path


def _links(path: list[tuple[int, int, int, int]], src_sum: list[int], tgt_sum: list[int]) -> list[Link]:
    links = []
    for i0, i1, j0, j1 in path:
        similarity = 0.0
        if i1 > i0 and j1 > j0:
            similarity = length_p(src_sum[i1] - src_sum[i0], tgt_sum[j1] - tgt_sum[j0])
        links.append(Link(tuple(range(i0, i1)), tuple(range(j0, j1)), similarity))
    return links
