#!/usr/bin/env python3
"""Fit the merged-halves rule (`align.with_merged_halves`) on evaluation documents of kpc-dev.

    python benchmarks/merge_rule.py [--train 9 10 11 12 13 14] [--test 1 2 3 4 5 6 7 8] [--json out.json]
    python benchmarks/merge_rule.py --borrowing [--train 9 10 11 12 13 14] [--test 1 2 3 4 5 6 7 8]
    python benchmarks/merge_rule.py --shedding [--train 9 10 11 12 13 14] [--test 1 2 3 4 5 6 7 8 15 16 17 18]

Runs `provenance eval`'s documents (300 a seed, the same generator) through
`compare_texts` with the rule switched off and collects every original
sentence the pipeline leaves untranslated beside a 1-1 link: "merge" when the
gold joins the two originals in one bead with that translation, else "not".
For each it measures what the rule reads: the log size ratio of the link
alone and joined, how much the left-out original reads like the translation,
and how much joining changes the link's similarity. It then tries a grid of
thresholds (how much longer than usual the translation must be for its
original alone, the least similarity of the left-out original, the most the
pair may lose joined), chooses on the training seeds the one with the most
right joins less twice the wrong ones (ties: the stricter), and prints what it
does on the test seeds, the seeds the README's figures use.
With `--borrowing` it lists instead the beads behind `align.REPLACED_SHORT`:
each 2-1 (or 1-2) bead beside a sentence of the other side left one-sided, as
`with_replacements` receives them: how much the bead's sentence next to it
reads like the bead's other side (below chance, the similarity test already
gives it away), whether the gold puts that sentence in the bead, and whether
the length test at the shipped threshold gives it away.
With `--shedding` it lists the 2-1 and 1-2 beads `align.without_unrelated_parts`
would split for a sentence below chance: which side, how much that sentence
reads like the other side, whether the gold has the bead (then splitting it is
wrong), and whether the shipped `align.WHOLE_HALF` keeps it whole (a 1-2 bead
whose weaker translation sentence reads at least that much like the original).
Reads ../shared/data at run time; skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _output import emit  # noqa: E402 - benchmarks/ is the running script's own folder

LONG = (0.3, 0.4, 0.5, 0.6)
FLOOR = (0.1, 0.2, 0.25, 0.3, 0.35, 0.4)
SLACK = (0.0, 0.01, 0.03, 0.05)


def collect(seeds: list[int]) -> list[dict]:
    """Each original left untranslated beside a 1-1 link, with the rule off, and its gold."""
    import provenance.align as align
    from provenance.api import compare_texts
    from provenance.checks.coverage import log_size_ratio
    from provenance.checks.lang import without_dateline
    from provenance.checks.side import Side
    from provenance.embed import embed_sides, get_encoder
    from provenance.evaluate.cli import resolve_corpus
    from provenance.evaluate.perturb import make_documents

    align.with_merged_halves = lambda links, *args: links  # what the pipeline leaves without the rule
    encoder = get_encoder("use-m3")
    corpus = resolve_corpus(["kpc"])
    rows = []
    for seed in seeds:
        for doc in make_documents(corpus, count=300, seed=seed, mode="full"):
            if not doc.perturbed:
                continue
            beads = compare_texts("\n".join(doc.source), "\n".join(doc.target), presegmented=True).alignment
            source, target = embed_sides(encoder, [without_dateline(s, "ko") for s in doc.source],
                                         [without_dateline(t, "en") for t in doc.target])
            gold = {i: b for b in doc.gold for i in b.src}

            def ratio(sources: tuple[int, ...], j: int) -> float:
                text = " ".join(doc.source[i] for i in sources)
                value = log_size_ratio(Side(text, "ko"), Side(doc.target[j], "en"))
                return 0.0 if value is None else value

            for k, bead in enumerate(beads):
                if len(bead.src) != 1 or len(bead.tgt) != 1:
                    continue
                (i,), (j,) = bead.src, bead.tgt
                for n in (k - 1, k + 1):
                    if not 0 <= n < len(beads) or beads[n].tgt or len(beads[n].src) != 1:
                        continue
                    (h,) = beads[n].src
                    if abs(h - i) != 1 or h not in gold:
                        continue
                    first = min(i, h)
                    link = float(source.single[i] @ target.single[j])
                    rows.append({
                        "seed": seed, "document": doc.index, "merge": i in gold[h].src and j in gold[h].tgt,
                        "alone": ratio((i,), j), "joined_ratio": ratio((first, first + 1), j),
                        "left_out": float(source.single[h] @ target.single[j]),
                        "gain": float(source.runs[2][first] @ target.single[j]) - link,
                    })
    return rows


def borrowing(seeds: list[int]) -> list[dict]:
    """Each 2-1 or 1-2 bead beside a one-sided sentence of the other side as `with_replacements`
    receives them, judged with its length test and then run without it, and what the gold says
    of the bead's sentence next to the one-sided one."""
    import provenance.align as align

    shipped = align.with_replacements
    rows: list[dict] = []
    context: dict = {}

    def listed(links, source, target, below=None, ratio=None):
        doc = context["doc"]
        gold_of = {("src", i): b for b in doc.gold for i in b.src} | {("tgt", j): b for b in doc.gold for j in b.tgt}
        for k, link in enumerate(links):
            for side, mine, other in (("src", link.src, link.tgt), ("tgt", link.tgt, link.src)):
                if len(mine) != 2 or len(other) != 1 or link.moved or link.halves or len(link.parts) != 2:
                    continue
                for n, place in ((k - 1, 0), (k + 1, 1)):
                    near = links[n] if 0 <= n < len(links) else None
                    theirs, ours = (near.src, near.tgt) if near is not None and side == "src" else (
                        (near.tgt, near.src) if near is not None else ((), ()))
                    if near is None or near.moved or len(ours) != 1 or theirs:
                        continue  # the neighbour is not a sentence of the other side left one-sided
                    gold = gold_of[(side, mine[place])]
                    rows.append({
                        "seed": context["seed"], "document": doc.index, "side": side, "reads": round(link.parts[place], 3),
                        "below_chance": below is not None and link.parts[place] < below,
                        "belongs": other[0] in (gold.tgt if side == "src" else gold.src),
                        "taken": ratio is not None and align._too_long_joined(link, side, place, ratio),
                    })
        return shipped(links, source, target, below, None)  # the length test off: as before it

    _run_with(align, "with_replacements", listed, seeds, context)
    return rows


def shedding(seeds: list[int]) -> list[dict]:
    """Each 2-1 or 1-2 bead `without_unrelated_parts` splits, or keeps only by its `whole` rule,
    with what the gold says of it."""
    import provenance.align as align

    shipped = align.without_unrelated_parts
    rows: list[dict] = []
    context: dict = {}

    def listed(links, below, gain=0.0, whole=None):
        gold = {(b.src, b.tgt) for b in context["doc"].gold}
        kept = {(link.src, link.tgt) for link in shipped(links, below, gain, whole)}
        for link in links:
            key = (link.src, link.tgt)
            if len(link.parts) != 2:
                continue
            by_whole = key in kept and key not in {(x.src, x.tgt) for x in shipped([link], below, gain)}
            if key not in kept or by_whole:
                rows.append({
                    "seed": context["seed"], "document": context["doc"].index,
                    "side": "src" if len(link.src) == 2 else "tgt", "reads": round(min(link.parts), 3),
                    "belongs": key in gold, "kept": by_whole,
                })
        return shipped(links, below, gain, whole)

    _run_with(align, "without_unrelated_parts", listed, seeds, context)
    return rows


def _run_with(align, step: str, replacement, seeds: list[int], context: dict) -> None:
    """The evaluation's perturbed kpc-dev documents (300 a seed) through `compare_texts` with the
    alignment step `step` replaced; `context` holds the seed and document being compared."""
    from provenance.api import compare_texts
    from provenance.evaluate.cli import resolve_corpus
    from provenance.evaluate.perturb import make_documents

    shipped = getattr(align, step)
    corpus = resolve_corpus(["kpc"])
    setattr(align, step, replacement)
    try:
        for seed in seeds:
            context["seed"] = seed
            for doc in make_documents(corpus, count=300, seed=seed, mode="full"):
                if doc.perturbed:
                    context["doc"] = doc
                    compare_texts("\n".join(doc.source), "\n".join(doc.target), presegmented=True)
    finally:
        setattr(align, step, shipped)


def takes(row: dict, long: float, floor: float, slack: float) -> bool:
    """The rule as `align.with_merged_halves` applies it."""
    return (row["alone"] > long and abs(row["joined_ratio"]) < abs(row["alone"])
            and row["left_out"] >= floor and row["gain"] >= -slack)


def tally(rows: list[dict], long: float, floor: float, slack: float) -> tuple[int, int]:
    taken = [row for row in rows if takes(row, long, floor, slack)]
    return sum(row["merge"] for row in taken), sum(not row["merge"] for row in taken)


def _shedding_summary(split: str, rows: list[dict]) -> None:
    for side in ("tgt", "src"):
        mine = [r for r in rows if r["side"] == side]
        print(f"{split}, {side} side: {len(mine)} beads split or kept by the rule, {sum(r['belongs'] for r in mine)} "
              f"of them right whole; the rule keeps {sum(r['kept'] and r['belongs'] for r in mine)} rightly, "
              f"{sum(r['kept'] and not r['belongs'] for r in mine)} wrongly")


def _borrowing_summary(split: str, rows: list[dict]) -> None:
    above = [r for r in rows if not r["below_chance"]]  # what the similarity test leaves
    print(f"{split}: {len(rows)} beads ({len(above)} reading their sentence above chance), "
          f"{sum(not r['belongs'] for r in above)} of those with a sentence not theirs; the length test "
          f"gives away {sum(r['taken'] and not r['belongs'] for r in above)} rightly, "
          f"{sum(r['taken'] and r['belongs'] for r in above)} wrongly")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, nargs="+", default=[9, 10, 11, 12, 13, 14])
    parser.add_argument("--test", type=int, nargs="+", default=[1, 2, 3, 4, 5, 6, 7, 8])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--borrowing", action="store_true", help="list the beads behind align.REPLACED_SHORT instead")
    parser.add_argument("--shedding", action="store_true", help="list the beads behind align.WHOLE_HALF's shedding rule instead")
    args = parser.parse_args()
    from provenance.evaluate.corpus import CorpusMissing

    if args.shedding or args.borrowing:
        listing, summary = (shedding, _shedding_summary) if args.shedding else (borrowing, _borrowing_summary)
        try:
            found = {"train": listing(args.train), "test": listing(args.test)}
        except CorpusMissing as exc:
            print(f"skipped: {exc}")
            return 0
        for split, rows in found.items():
            for row in rows:
                print(split, " ".join(f"{key}={value}" for key, value in row.items()))
            summary(split, rows)
        return emit(found, args.json)

    try:
        train, test = collect(args.train), collect(args.test)
    except CorpusMissing as exc:
        print(f"skipped: {exc}")
        return 0
    grid = []
    for long, floor, slack in itertools.product(LONG, FLOOR, SLACK):
        right, wrong = tally(train, long, floor, slack)
        strictness = (long, floor, -slack)
        grid.append((right - 2 * wrong, strictness, long, floor, slack))
    _, _, long, floor, slack = max(grid)
    from provenance.align import MERGED_FLOOR, MERGED_LONG, MERGED_SLACK

    figures = {"chosen": {"long": long, "floor": floor, "slack": slack},
               "shipped": {"long": MERGED_LONG, "floor": MERGED_FLOOR, "slack": MERGED_SLACK}}
    print(f"candidates: {len(train)} on training seeds {args.train} ({sum(r['merge'] for r in train)} merges), "
          f"{len(test)} on test seeds {args.test} ({sum(r['merge'] for r in test)} merges)")
    for name, rule in figures.items():
        thresholds = rule["long"], rule["floor"], rule["slack"]
        for split, rows in (("train", train), ("test", test)):
            right, wrong = tally(rows, *thresholds)
            rule[split] = {"right": right, "wrong": wrong}
        print(f"{name}: long > {rule['long']}, left-out original >= {rule['floor']}, joined >= link - {rule['slack']}: "
              f"train {rule['train']['right']} right / {rule['train']['wrong']} wrong, "
              f"test {rule['test']['right']} right / {rule['test']['wrong']} wrong")
    emit(figures, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
