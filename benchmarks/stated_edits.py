#!/usr/bin/env python3
"""Number, date, lost-clause and split edits of `provenance eval`, split by whether the original states what was edited.

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

A lost clause (the harness cuts an English sentence at a clause boundary,
keeping 40-60% of it) is split the same way: by whether the cut took something
the original says, read as the cut lowering the sentence's similarity to the
original by at least `CUT_TOOK` (the corpus's own English is the uncut
sentence). A kpc-dev translation often says more than its Korean ("BEIJING,
China (CNN)", a clause of background), and a cut of that part leaves a
translation as faithful as before, or more. A split sentence is read the same
way, its first half as the cut: a second half that says only what the Korean
does not ("Also the parent company of CNN.") is an addition to the checker, not
half of a translation.

Found is `provenance eval`'s own test (`evaluate.score.is_found`: every touched
sentence flagged, or a split's exact bead), so each kind's two cells add up to
its recall there.

Caveat: "states" is read with the checker's own extractors (and, for cuts, its
encoder), so a Korean number the checker cannot read counts as not stated. The
headline recall is `provenance eval`'s; this explains it.
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


#: A cut took something the original says when the translation reads at least this much less
#: like the original after it (cosine; faithful kpc-dev pairs' similarities spread over 0.3-0.9)
CUT_TOOK = 0.03


def cut_took(source: str, uncut: str, cut: str, encoder) -> bool:
    """Whether cutting `uncut` down to `cut` lost some of what `source` says (see CUT_TOOK)."""
    src, whole, kept = encoder.encode([source, uncut, cut])
    return float(src @ whole) - float(src @ kept) >= CUT_TOOK


KINDS = ("number", "date", "partial", "split")


def split_recall(corpus_name: str, docs: int, seed: int, encoder) -> dict:
    from provenance.api import compare_texts
    from provenance.evaluate.cli import resolve_corpus
    from provenance.evaluate.perturb import make_documents
    from provenance.evaluate.score import flagged, is_found, strict_beads

    corpus = resolve_corpus([corpus_name])
    uncut = dict(zip(corpus.lines, corpus.target))  # a document's source sentence's corpus line → its English
    counts: Counter[tuple[str, bool, bool]] = Counter()
    for doc in make_documents(corpus, count=docs, seed=seed):
        edits = [p for p in doc.perturbations if p.kind in KINDS]
        if not edits:
            continue
        report = compare_texts("\n".join(doc.source), "\n".join(doc.target), presegmented=True, encoder=encoder)
        beads, flags = strict_beads(report.alignment), flagged(report.alignment)
        for p in edits:
            source = " ".join(doc.source[i] for i in p.src)
            if p.kind in ("partial", "split"):  # what is left of the sentence, or its first half
                said = cut_took(source, uncut[doc.lines[p.src[0]]], doc.target[p.tgt[0]], encoder)
            else:
                said = stated(p.kind, p.note, source, corpus.source_lang, corpus.target_lang)
            counts[(p.kind, said, is_found(p, beads, flags))] += 1
    out = {}
    for kind in KINDS:
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
    print(f"{args.corpus}, {args.docs} documents a seed: edits found, split by whether the original states what was edited")
    heads = [f"{kind}, {label}" for kind in KINDS for label in ("stated", "not")]
    print(f"{'seed':>4}  " + "  ".join(f"{h:>15}" for h in heads))
    for seed, f in seeds.items():
        cells = [f"{f[k]['found']}/{f[k]['edits']}" for kind in KINDS for k in (f"{kind}_stated", f"{kind}_not_stated")]
        print(f"{seed:>4}  " + "  ".join(f"{c:>15}" for c in cells))
    return emit({"benchmark": "stated_edits", "corpus": args.corpus, "docs": args.docs,
                 "seconds": round(time.perf_counter() - start, 1), "seeds": seeds}, args.json)


if __name__ == "__main__":
    raise SystemExit(main())
