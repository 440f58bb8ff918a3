#!/usr/bin/env python3
"""Sentences moved by the translator: found as moved, or left as dropped + added.

    python benchmarks/moves.py [--size 30] [--blocks 1 2 3] [--seed 7] [--corpus FOLDER|SRC TGT] [--json out.json]

Documents of `--size` consecutive clean line pairs are cut from kpc-dev (noisy
pairs left out, as the evaluation harness does); in each, a block of 1, 2 or 3
English sentences is moved at least 5 places away, as an editor swapping
paragraphs would. Every document goes through `compare_texts(...,
presegmented=True)`. Figures per block size:

* recovered: moved sentences marked `order.moved` and paired with their own
  Korean sentence;
* false moves: `order.moved` marks on the same documents left in order.

Skips politely when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _output import emit  # noqa: E402

MIN_DISTANCE = 5


def moved_marks(report) -> list[tuple[int, int]]:
    """(source line, target line) of each pair the report marks as moved (lines are 1-based)."""
    return [
        (report.source.sentences[b.src[0]].line, report.target.sentences[b.tgt[0]].line)
        for b in report.alignment
        if any(r.code == "order.moved" for r in b.reasons)
    ]


def move_block(lines: list[str], block: int, rng: random.Random) -> tuple[list[str], dict[int, int]] | None:
    """`lines` with `block` consecutive ones moved; and where each moved line went (old → new index)."""
    start = rng.randrange(0, len(lines) - block + 1)
    rest = lines[:start] + lines[start + block :]
    to = rng.randrange(0, len(rest) + 1)
    if abs(to - start) < MIN_DISTANCE:
        return None
    return rest[:to] + lines[start : start + block] + rest[to:], {start + k: to + k for k in range(block)}


def run(source: list[str], target: list[str], size: int, blocks: list[int], seed: int) -> dict:
    from provenance.api import compare_texts
    from provenance.embed import get_encoder

    encoder = get_encoder("use-m3")
    docs = [(source[i : i + size], target[i : i + size]) for i in range(0, len(source) - size + 1, size)]
    compare = lambda ko, en: compare_texts("\n".join(ko), "\n".join(en), presegmented=True, encoder=encoder)  # noqa: E731
    false_moves = sum(len(moved_marks(compare(ko, en))) for ko, en in docs)
    out = {"documents": len(docs), "size": size, "false_moves_in_order": false_moves, "blocks": {}}
    for block in blocks:
        rng = random.Random(seed * 100 + block)
        moved = recovered = 0
        for ko, en in docs:
            done = None
            while done is None:
                done = move_block(en, block, rng)
            shuffled, where = done
            marks = set(moved_marks(compare(ko, shuffled)))
            moved += block
            recovered += sum((old + 1, new + 1) in marks for old, new in where.items())
        out["blocks"][str(block)] = {"moved": moved, "recovered": recovered, "recall": round(recovered / moved, 3)}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=30, help="line pairs per document")
    parser.add_argument("--blocks", type=int, nargs="+", default=[1, 2, 3], help="sentences moved together")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", nargs="+", default=["kpc"], help="kpc, jhe, a folder or two files")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from provenance.evaluate.cli import resolve_corpus
    from provenance.evaluate.corpus import CorpusMissing

    try:
        corpus = resolve_corpus(args.corpus)
    except CorpusMissing as exc:
        print(f"skipped: {exc}")
        return 0
    start = time.perf_counter()
    result = run(list(corpus.source), list(corpus.target), args.size, args.blocks, args.seed)
    print(f"{result['documents']} documents of {args.size} clean kpc-dev pairs ({corpus.name})")
    print(f"  left in order: {result['false_moves_in_order']} sentences marked moved (false moves)")
    for block, figures in result["blocks"].items():
        print(f"  {block} sentence(s) moved together: {figures['recovered']}/{figures['moved']} recovered as moved "
              f"(recall {figures['recall']})")
    return emit({"benchmark": "moves", "seconds": round(time.perf_counter() - start, 1), **result}, args.json)


if __name__ == "__main__":
    sys.exit(main())
