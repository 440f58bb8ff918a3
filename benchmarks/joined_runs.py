"""How close composed two-sentence embeddings are to encoding the joined text.

    python benchmarks/joined_runs.py [--pairs 200]

The default encoder composes the embedding of sentences i and i+1 from their
pooled token features (no second forward pass). This compares it with
encoding "sentence_i sentence_i+1" directly, on consecutive kpc-dev lines of
both languages, and prints the cosine distribution.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

KPC = Path(__file__).resolve().parents[2] / "shared" / "data" / "kpc-dev"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=200)
    args = parser.parse_args()
    if not KPC.is_dir():
        print(f"skipped: {KPC} is absent")
        return 0
    from provenance.embed import get_encoder

    encoder = get_encoder("use-m3")
    result = {}
    for lang in ("ko", "en"):
        lines = (KPC / f"korean-english-park.dev.{lang}").read_text(encoding="utf-8").splitlines()[: args.pairs + 1]
        composed = encoder.embed_runs([lines], 2)[0][2]
        joined = encoder.encode([f"{a} {b}" for a, b in zip(lines, lines[1:])])
        cosines = (composed * joined).sum(axis=1)
        result[lang] = {
            "pairs": len(cosines),
            "min": round(float(cosines.min()), 3),
            "p5": round(float(np.percentile(cosines, 5)), 3),
            "median": round(float(np.median(cosines)), 3),
        }
        r = result[lang]
        print(f"{lang}: {r['pairs']} runs  min {r['min']:.3f}  5th pct {r['p5']:.3f}  median {r['median']:.3f}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
