"""How close composed two-sentence embeddings are to encoding the joined text.

    python benchmarks/joined_runs.py [--pairs 200]

The default encoder composes the embedding of sentences i and i+1 from their
pooled token features (no second forward pass). This compares it with
encoding "sentence_i sentence_i+1" directly, on consecutive kpc-dev lines of
both languages, and prints the cosine distribution.

The same for the parts of a sentence the lost-clause step compares
(`provenance.checks.coverage`: prefixes and suffixes at clause boundaries,
the sentence less each half-span), composed by `embed_parts` from one
forward pass, against encoding each part as a text: Korean kpc-dev lines.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

KPC = Path(__file__).resolve().parents[2] / "shared" / "data" / "kpc-dev"


def _summary(cosines: np.ndarray, count_key: str) -> dict:
    return {
        count_key: len(cosines),
        "min": round(float(cosines.min()), 3),
        "p5": round(float(np.percentile(cosines, 5)), 3),
        "median": round(float(np.median(cosines)), 3),
    }


def composed_parts(encoder, sentences: list[str]) -> np.ndarray:
    """Cosines between composed parts of each sentence and the parts encoded as texts."""
    from provenance.checks.coverage import clause_starts, half_spans
    from provenance.embed import embed_parts, part_text

    parts = []
    for text in sentences:
        end, inner = len(text), clause_starts(text, "ko")[1:]
        spans = [((0, k),) for k in inner] + [((k, end),) for k in inner]
        parts.append(spans + [((0, a), (b, end)) for a, b in half_spans(text)])
    composed = embed_parts(encoder, sentences, parts)
    texts = [part_text(text, spans) for text, group in zip(sentences, parts) for spans in group]
    encoded = encoder.encode(texts)
    return (np.concatenate([np.asarray(c) for c in composed if len(c)]) * encoded).sum(axis=1)


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
        result[lang] = r = _summary(cosines, "pairs")
        print(f"{lang}: {r['pairs']} runs  min {r['min']:.3f}  5th pct {r['p5']:.3f}  median {r['median']:.3f}")
    lines = (KPC / "korean-english-park.dev.ko").read_text(encoding="utf-8").splitlines()[: args.pairs]
    result["ko parts"] = r = _summary(composed_parts(encoder, lines), "parts")
    print(f"ko parts of {len(lines)} sentences: {r['parts']} parts  min {r['min']:.3f}  5th pct {r['p5']:.3f}  median {r['median']:.3f}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
