#!/usr/bin/env python3
"""Each join the merged-halves experiment makes on kpc-dev, right or wrong by the gold.

    git apply benchmarks/experiments/merged-halves.patch
    PROV_MERGED=1 python benchmarks/experiments/merged_halves.py [--seeds 1 2 3 4 5 6 7 8]
    git checkout -- provenance/

Runs `provenance eval`'s documents (300 a seed) through `compare_texts` and
prints every 2-1 bead `align.with_merged_halves` made: how much the joined
sentence reads like the translation, how much joining raised the bead's
similarity, and the perturbations there; "right" when the gold has that bead.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import provenance.align as align  # noqa: E402
from provenance.api import compare_texts  # noqa: E402
from provenance.evaluate.cli import resolve_corpus  # noqa: E402
from provenance.evaluate.perturb import make_documents  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5, 6, 7, 8])
    args = parser.parse_args()
    if not hasattr(align, "with_merged_halves"):
        print("apply benchmarks/experiments/merged-halves.patch first", file=sys.stderr)
        return 2
    joins: list[tuple] = []
    merged = align.with_merged_halves

    def logged(links, source, target, gaps):
        out = merged(links, source, target, gaps)
        before = {(link.src, link.tgt) for link in links}
        for link in out:
            if len(link.src) == 2 and (link.src, link.tgt) not in before:
                half = next(i for i in link.src if ((i,), ()) in before)
                other = next(i for i in link.src if i != half)
                j = link.tgt[0]
                alone = float(source.single[other] @ target.single[j])
                joins.append((link.src, link.tgt, float(source.single[half] @ target.single[j]), link.similarity - alone))
        return out

    align.with_merged_halves = logged
    corpus = resolve_corpus(["kpc"])
    right = wrong = 0
    for seed in args.seeds:
        for doc in make_documents(corpus, count=300, seed=seed, mode="full"):
            joins.clear()
            compare_texts("\n".join(doc.source), "\n".join(doc.target), presegmented=True)
            gold = {(g.src, g.tgt) for g in doc.gold}
            for src, tgt, half, gain in joins:
                kinds = sorted({p.kind for p in doc.perturbations if set(p.src) & set(src) or set(p.tgt) & set(tgt)})
                ok = (src, tgt) in gold
                right, wrong = right + ok, wrong + (not ok)
                print(f"{'right' if ok else 'wrong'}  seed {seed} doc {doc.index} {src}->{tgt}  half {half:.3f}  gain {gain:+.3f}  {kinds}")
    print(f"{right} right, {wrong} wrong")
    return 0


if __name__ == "__main__":
    sys.exit(main())
