#!/usr/bin/env python3
"""Extra features for the lost-clause model, measured on `benchmarks/partial.py`'s pairs and not kept.

    python benchmarks/experiments/lost_clause_features.py

Every variant is fitted and measured as `benchmarks/partial.py` fits the
shipped model (both corpora, threshold at 0.5 % of faithful pairs, fitted on
the beads under its first length gate, measured on those the checker
examines) and also fitted on one corpus and measured on the other:

* shipped: the eight features of `provenance.checks.coverage`;
* words: three more from word-level soft coverage, each Korean word's best
  cosine to an English content word (stop words left out), as the mean, the
  mean less the worst run of 30 % of the words, and head less tail at the best
  clause cut;
* clause parts: two more, the least of each clause's (and each half-span's)
  cosine to the translation less its cosine to the whole original;
* clause matrix: two more, each clause of the original against each clause of the
  translation and its whole (the worst-covered clause's best cosine, the share of
  the original in clauses whose best is under 0.3);
* products: the eight features, their squares and pairwise products;
* budget: the shipped features with 0.75 % and 1 % of faithful pairs flagged.

Prints recall and faithful pairs flagged (of them, pairs judged real errors) per
corpus. Reads ../shared/data; skips when it is absent.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # benchmarks/
sys.path.insert(0, str(HERE.parents[1]))

import partial as P  # noqa: E402
from provenance.checks import coverage  # noqa: E402
from provenance.embed import embed_parts, vectors_for  # noqa: E402

STOP_WORDS = frozenset(
    "a an the of to in on at by for with from and or but as is are was were be been being has have had do does did "
    "it its this that these those he she they them his her their we our you your i me my not no will would could "
    "should may might can said says say also which who whom whose what when where while there here than then into "
    "over about after before up out s 's if so such more most very just only".split()
)


def word_features(candidates: list[coverage.Candidate], encoder) -> np.ndarray:
    cache: dict[str, np.ndarray] = {}

    def vectors(words: list[str]) -> np.ndarray:
        new = sorted({w for w in words if w not in cache})
        if new:
            cache.update(zip(new, encoder.encode(new)))
        return np.array([cache[w] for w in words])

    rows = []
    for c in candidates:
        ko = c.src.split()
        en = [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*", c.tgt)]
        en = [w for w in en if w not in STOP_WORDS]
        if len(ko) < 2 or not en:
            rows.append([0.0, 0.0, 0.0])
            continue
        best = (vectors(ko) @ vectors(en).T).max(axis=1)
        width = max(2, round(0.3 * len(ko)))
        runs = np.convolve(best, np.ones(width) / width, mode="valid")
        cuts = [len(c.src[:s].split()) for s in c.starts[1:]]
        gaps = [best[:k].mean() - best[k:].mean() for k in cuts if 0 < k < len(ko)]
        rows.append([float(best.mean()), float(best.mean() - runs.min()), max(gaps, default=0.0)])
    return np.array(rows, dtype=float).reshape(-1, 3)


def clause_part_features(candidates: list[coverage.Candidate], encoder) -> np.ndarray:
    parts = []
    for c in candidates:
        ends = [*c.starts, len(c.src)]
        clauses = [((ends[i], ends[i + 1]),) for i in range(len(ends) - 1)]
        parts.append([((0, len(c.src)),), *clauses, *(((a, b),) for a, b in c.spans)])
    originals = embed_parts(encoder, [c.src for c in candidates], parts)
    translations = vectors_for(encoder, [c.tgt for c in candidates], {})
    rows = []
    for c, v, t in zip(candidates, originals, translations):
        v = np.asarray(v)
        n = len(c.starts)
        clause, half = v[1 : 1 + n], v[1 + n :]
        clause_gap = float((clause @ t - clause @ v[0]).min()) if n > 1 else 0.0
        half_gap = float((half @ t - half @ v[0]).min()) if len(half) else 0.0
        rows.append([clause_gap, half_gap])
    return np.array(rows, dtype=float).reshape(-1, 2)


_EN_BOUNDARY = re.compile(r"(?:,|;|:|\s—)\s+|\s(?=(?:and|but|while|which|who|after|before|because|as|when|where|that|saying|said)\s)")


def english_starts(text: str) -> list[int]:
    """Where the translation's clauses start: after a comma, before a conjunction or relative
    word (short clauses merged), else thirds of its words (`coverage.word_starts`)."""
    starts = [0]
    for m in _EN_BOUNDARY.finditer(text):
        end = m.end()
        while end < len(text) and text[end].isspace():
            end += 1
        if end < len(text) and len(text[starts[-1] : end].split()) >= 3:
            starts.append(end)
    if len(starts) > 1 and len(text[starts[-1] :].split()) < 3:
        starts.pop()
    return starts if len(starts) > 1 else coverage.word_starts(text)


def clause_matrix_features(candidates: list[coverage.Candidate], encoder) -> np.ndarray:
    """Each clause of the original against every clause of the translation (and its whole):
    the worst-covered clause's best cosine, and the share of the original's characters in
    clauses whose best is under 0.3."""
    src_parts, tgt_parts = [], []
    for c in candidates:
        ends = [*c.starts, len(c.src)]
        src_parts.append([((ends[i], ends[i + 1]),) for i in range(len(ends) - 1)])
        starts = english_starts(c.tgt)
        tends = [*starts, len(c.tgt)]
        tgt_parts.append([((0, len(c.tgt)),), *(((tends[i], tends[i + 1]),) for i in range(len(tends) - 1))])
    originals = embed_parts(encoder, [c.src for c in candidates], src_parts)
    translations = embed_parts(encoder, [c.tgt for c in candidates], tgt_parts)
    rows = []
    for c, s, t in zip(candidates, originals, translations):
        best = (np.asarray(s) @ np.asarray(t).T).max(axis=1)
        ends = [*c.starts, len(c.src)]
        sizes = np.array([ends[i + 1] - ends[i] for i in range(len(ends) - 1)], dtype=float)
        rows.append([float(best.min()), float(sizes[best < 0.3].sum() / sizes.sum())])
    return np.array(rows, dtype=float).reshape(-1, 2)


def products(x: np.ndarray) -> np.ndarray:
    n = x.shape[1]
    return np.hstack([x, *(x[:, i : i + 1] * x[:, j : j + 1] for i in range(n) for j in range(i, n))])


def dataset(encoder, corpora, examine_lost_below: float | None) -> dict[str, dict]:
    """`partial.dataset`'s rows, with the extra features of each candidate beside them."""
    out = {}
    for name, corpus in corpora.items():
        found, labels, judged, totals = P.examined_pairs(corpus, P.EXAMINE_BELOW, examine_lost_below)
        errors = P.judged_errors_of(name)
        x = np.array([coverage.vector(r) for r in coverage.features(found, encoder)], dtype=float)
        out[name] = {
            "x": x.reshape(-1, len(coverage.FEATURES)),
            "words": word_features(found, encoder),
            "clause parts": clause_part_features(found, encoder),
            "clause matrix": clause_matrix_features(found, encoder),
            "y": np.array(labels, dtype=float), "faithful": totals[0], "cut": totals[1],
            "judged": np.array(judged, dtype=bool), "judged_total": sum(1 for n in corpus.lines if n in errors),
        }
    return out


VARIANTS = {
    "shipped": lambda d: d["x"],
    "words": lambda d: np.hstack([d["x"], d["words"]]),
    "clause parts": lambda d: np.hstack([d["x"], d["clause parts"]]),
    "products": lambda d: products(d["x"]),
    "clause matrix": lambda d: np.hstack([d["x"], d["clause matrix"]]),
}


def report(label: str, fit: dict, measured: dict, rate: float) -> None:
    intercept, weights, threshold = P.fitted(fit, tuple(fit), rate)
    cells = []
    for name in measured:
        m = P.measure(measured[name], intercept, weights, threshold)
        cells.append(f"{name} {m['recall']:.3f} ({m['faithful_flagged']} flagged, {m['flagged_on_judged_errors']} judged errors)")
    for train, test in (("kpc", "jhe"), ("jhe", "kpc")):
        intercept, weights, threshold = P.fitted(fit, (train,), rate)
        cells.append(f"fitted on {train}, {test} {P.measure(measured[test], intercept, weights, threshold)['recall']:.3f}")
    print(f"{label:<22} " + "; ".join(cells))


def main() -> int:
    from provenance.embed import get_encoder
    from provenance.evaluate.corpus import CorpusMissing

    try:
        corpora = P.dev_corpora()
    except CorpusMissing as exc:
        print(f"skipped: {exc}")
        return 0
    encoder = get_encoder("use-m3")
    fit, examined = dataset(encoder, corpora, None), dataset(encoder, corpora, P.EXAMINE_LOST_BELOW)
    for label, columns in VARIANTS.items():
        def with_x(data):
            return {n: {**d, "x": columns(d)} for n, d in data.items()}

        report(label, with_x(fit), with_x(examined), P.FALSE_ALARMS)
    for rate in (0.0075, 0.01):
        report(f"budget {rate:.2%}", fit, examined, rate)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
