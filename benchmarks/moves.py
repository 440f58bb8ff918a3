#!/usr/bin/env python3
"""Sentences moved by the translator: found as moved, or left as dropped + added.

    python benchmarks/moves.py [--size 30] [--blocks 1 2 3] [--edit none merge split] [--seed 7] [--corpus FOLDER|SRC TGT] [--json out.json]

Documents of `--size` consecutive clean line pairs are cut from kpc-dev (noisy
pairs left out, as the evaluation harness does); in each, a block of 1, 2 or 3
English sentences is moved at least 5 places away, as an editor swapping
paragraphs would. With `--edit merge` the block's first two English sentences
are also joined into one (a 2-1 pair inside the moved block), with `--edit
split` its first sentence is cut in two at a clause boundary (a 1-2 pair), as
translators do; with `--edit drop` the English sentence after the block is
left out, so the moved pair beside it must not take its Korean sentence in;
with `--edit swap` the block changes places with the one or two sentences
right after it (two neighbouring passages swapped) instead of moving far.
Every document goes through `compare_texts(..., presegmented=True)`. Figures
per edit and block size:

* recovered: Korean sentences of the moved block marked `order.moved` and
  paired with exactly the English sentences that translate them (for a swap:
  the sentences of both passages paired right, either passage marked moved);
* still dropped (`--edit drop`): the Korean sentence whose translation was left
  out, reported as dropped;
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


def moved_marks(report) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(source lines, target lines) of each bead the report marks as moved (lines are 1-based)."""
    return [
        (tuple(report.source.sentences[i].line for i in b.src), tuple(report.target.sentences[j].line for j in b.tgt))
        for b in report.alignment
        if any(r.code == "order.moved" for r in b.reasons)
    ]


#: A translation line and the original lines (0-based) it translates.
Unit = tuple[str, tuple[int, ...]]


def edited(units: list[Unit], start: int, edit: str, block: int = 1) -> list[Unit] | None:
    """The units with the one at `start` split at a clause boundary, or it and the next
    joined into one sentence, or the one after the block left out; None when that cannot
    be done there."""
    if edit in ("none", "swap"):
        return units
    if edit == "drop":
        return None if start + block >= len(units) else units[: start + block] + units[start + block + 1 :]
    if edit == "merge":
        (first, src_a), (second, src_b) = units[start : start + 2]
        return [*units[:start], (f"{first} {second}", src_a + src_b), *units[start + 2 :]]
    from provenance.evaluate.lang import rules_for
    from provenance.evaluate.perturb import split_sentence

    halves = split_sentence(units[start][0], rules_for("en"))
    if halves is None:
        return None
    src = units[start][1]
    return [*units[:start], (halves[0], src), (halves[1], src), *units[start + 1 :]]


def move_block(lines: list[str], block: int, rng: random.Random, edit: str = "none") -> tuple[list[str], list[tuple]] | None:
    """`lines` with `block` consecutive ones moved (after `edit` inside the block), and the
    pairs a checker should mark as moved: (original lines, translation lines), 1-based."""
    start = rng.randrange(0, len(lines) - block + 1)
    units = edited([(line, (k,)) for k, line in enumerate(lines)], start, edit, block)
    if units is None:
        return None
    size = block + {"none": 0, "drop": 0, "swap": 0, "merge": -1, "split": 1}[edit]  # units the block became
    rest = units[:start] + units[start + size :]
    if edit == "swap":  # past the next passage of one or two sentences
        to = start + rng.choice((1, 2))
        if to > len(rest):
            return None
    else:
        to = rng.randrange(0, len(rest) + 1)
        if abs(to - start) < MIN_DISTANCE:
            return None
    moved = units[start : start + size]
    final = rest[:to] + moved + rest[to:]
    # a swap is two passages moved, either of which a checker may call the moved one
    watched = {src for _, src in (final[start : to + size] if edit == "swap" else moved)}
    expected: dict[tuple[int, ...], list[int]] = {}
    for k, (_, src) in enumerate(final):
        if src in watched:
            expected.setdefault(src, []).append(k + 1)
    pairs = [(tuple(i + 1 for i in src), tuple(tgt)) for src, tgt in expected.items()]
    return [text for text, _ in final], pairs


def all_pairs(report) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    """(source lines, target lines) of every bead with both sides."""
    return {
        (tuple(report.source.sentences[i].line for i in b.src), tuple(report.target.sentences[j].line for j in b.tgt))
        for b in report.alignment
        if b.src and b.tgt
    }


def run(source: list[str], target: list[str], size: int, blocks: list[int], seed: int, edits: list[str] = ("none",)) -> dict:
    from provenance.api import compare_texts
    from provenance.embed import get_encoder

    encoder = get_encoder("use-m3")
    docs = [(source[i : i + size], target[i : i + size]) for i in range(0, len(source) - size + 1, size)]
    compare = lambda ko, en: compare_texts("\n".join(ko), "\n".join(en), presegmented=True, encoder=encoder)  # noqa: E731
    false_moves = sum(len(moved_marks(compare(ko, en))) for ko, en in docs)
    out = {"documents": len(docs), "size": size, "false_moves_in_order": false_moves, "edits": {}}
    for edit in edits:
        figures = out["edits"][edit] = {}
        for block in blocks:
            if edit == "merge" and block < 2:
                continue  # a merge needs two sentences in the block
            rng = random.Random(seed * 100 + block + {"none": 0, "merge": 10, "split": 20, "drop": 30, "swap": 40}[edit])
            moved = recovered = still_dropped = 0
            for ko, en in docs:
                done = None
                while done is None:
                    done = move_block(en, block, rng, edit)
                shuffled, expected = done
                report = compare(ko, shuffled)
                # a swap: both passages paired right, whichever is marked moved
                marks = all_pairs(report) if edit == "swap" else set(moved_marks(report))
                moved += sum(len(src) for src, _ in expected)
                recovered += sum(len(src) for src, tgt in expected if (src, tgt) in marks)
                if edit == "drop":  # the Korean line after the block's last one
                    line = max(max(src) for src, _ in expected) + 1
                    still_dropped += any(b.status.value == "dropped" and report.source.sentences[b.src[0]].line == line
                                         for b in report.alignment if b.src)
            figures[str(block)] = {"moved": moved, "recovered": recovered, "recall": round(recovered / moved, 3)}
            if edit == "drop":
                figures[str(block)]["still_dropped"] = f"{still_dropped}/{len(docs)}"
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=30, help="line pairs per document")
    parser.add_argument("--blocks", type=int, nargs="+", default=[1, 2, 3], help="sentences moved together")
    parser.add_argument("--edit", nargs="+", default=["none"], choices=["none", "merge", "split", "drop", "swap"],
                        help="inside the moved block: nothing, two sentences joined, or one split; or the next one "
                             "left out; or the block swapped with the next passage")
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
    except (OSError, ValueError) as exc:
        print(f"moves.py: error: {exc}", file=sys.stderr)
        return 2
    start = time.perf_counter()
    result = run(list(corpus.source), list(corpus.target), args.size, args.blocks, args.seed, args.edit)
    print(f"{result['documents']} documents of {args.size} clean line pairs of {corpus.name}")
    print(f"  left in order: {result['false_moves_in_order']} sentences marked moved (false moves)")
    for edit, by_block in result["edits"].items():
        inside = {"none": "", "merge": ", two of them joined", "split": ", one of them split",
                  "drop": ", the next one left out", "swap": ", with the next passage"}[edit]
        for block, figures in by_block.items():
            dropped = f"; the left-out one still dropped: {figures['still_dropped']}" if "still_dropped" in figures else ""
            print(f"  {block} sentence(s) moved together{inside}: {figures['recovered']}/{figures['moved']} "
                  f"recovered as moved (recall {figures['recall']}){dropped}")
    return emit({"benchmark": "moves", "seconds": round(time.perf_counter() - start, 1), **result}, args.json)


if __name__ == "__main__":
    sys.exit(main())
