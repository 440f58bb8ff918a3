#!/usr/bin/env python3
"""Number and date edits of `provenance eval`, split by whether the original states what was edited.

    python benchmarks/stated_edits.py [--corpus kpc] [--docs 300] [--seeds 1 2 3 4] [--json out.json]

The evaluation changes a number or a date anywhere in an English sentence. In
kpc-dev the English often says more than the Korean (an age, "40 million
homes", a weekday the Korean gives as a day of the month), and a change to
what only the English says leaves nothing to compare: the checker reports
such a number as "not in the original" (info) whether it was edited or not.
This splits each kind's recall, on the same documents through the same code
path as `provenance eval`, into edits of a number the original states (its
value matches one of the Korean side's numbers, or a date part) and the rest;
for dates, into sentences whose original has a date at all and the rest.

Caveat: "states" is read with the checker's own extractors, so a Korean number
the checker cannot read counts as not stated. The headline recall is
`provenance eval`'s; this explains it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._output import emit  # noqa: E402


def stated(kind: str, note: str, source: str, source_lang: str, target_lang: str) -> bool:
    """Whether the original states what the edit changed (see the module's caveat)."""
    from provenance.checks.lang import language
    from provenance.checks.numbers import Value, compatible, stated_values
    from provenance.checks.side import Side

    src = Side(source, source_lang)
    if kind == "date":
        return bool(src.dates)
    old = note.split(" → ")[0]
    values = [Value.of(q) for q in language(target_lang).quantities(old)]
    return any(compatible(v, o) for v in values for o in stated_values(src))


def split_recall(corpus_name: str, docs: int, seed: int, encoder) -> dict:
    from provenance.api import compare_texts
    from provenance.evaluate.cli import resolve_corpus
    from provenance.evaluate.perturb import make_documents

    corpus = resolve_corpus([corpus_name])
    counts: Counter[tuple[str, bool, bool]] = Counter()
    for doc in make_documents(corpus, count=docs, seed=seed):
        edits = [p for p in doc.perturbations if p.kind in ("number", "date")]
        if not edits:
            continue
        report = compare_texts("\n".join(doc.source), "\n".join(doc.target), presegmented=True, encoder=encoder)
        for p in edits:
            beads = [b for b in report.alignment if set(p.src) & set(b.src) or set(p.tgt) & set(b.tgt)]
            found = bool(beads) and all(b.status.is_problem for b in beads)
            source = " ".join(doc.source[i] for i in p.src)
            counts[(p.kind, stated(p.kind, p.note, source, "ko", "en"), found)] += 1
    out = {}
    for kind in ("number", "date"):
        for is_stated, label in ((True, "stated"), (False, "not_stated")):
            found, total = counts[(kind, is_stated, True)], counts[(kind, is_stated, True)] + counts[(kind, is_stated, False)]
            out[f"{kind}_{label}"] = {"found": found, "edits": total, "recall": round(found / total, 3) if total else None}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="kpc")
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from provenance.embed import get_encoder
    from provenance.evaluate.corpus import CorpusMissing

    encoder = get_encoder("use-m3")
    start = time.perf_counter()
    try:
        seeds = {seed: split_recall(args.corpus, args.docs, seed, encoder) for seed in args.seeds}
    except CorpusMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(f"{args.corpus}, {args.docs} documents a seed: recall of number and date edits")
    print(f"{'seed':>4}  {'number, stated':>15}  {'number, not':>12}  {'date, stated':>13}  {'date, not':>10}")
    for seed, f in seeds.items():
        cells = [f"{f[k]['found']}/{f[k]['edits']}" for k in ("number_stated", "number_not_stated", "date_stated", "date_not_stated")]
        print(f"{seed:>4}  {cells[0]:>15}  {cells[1]:>12}  {cells[2]:>13}  {cells[3]:>10}")
    return emit({"benchmark": "stated_edits", "corpus": args.corpus, "docs": args.docs,
                 "seconds": round(time.perf_counter() - start, 1), "seeds": seeds}, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
