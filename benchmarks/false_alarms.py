#!/usr/bin/env python3
"""False alarms on unperturbed kpc-dev documents: the checker's, and the corpus's own errors.

    python benchmarks/false_alarms.py [--docs 300] [--seeds 1 2 3 4] [--json out.json]

`provenance eval` counts every flag on a document it left unperturbed as a
false alarm. Some of those pairs are real translation errors that
`../shared/data/kpc-dev/noise.json` does not list (500,000 boats read as
50,000, a quote left out): flagging them is the checker being right. The
pairs read by hand so far are in `benchmarks/judged/kpc-dev-translation-errors.json`
(each with the difference found). This splits the eval's unperturbed false
alarms, on the same documents (`make_documents`, the same seeds) and through
the same code path, into flags on those pairs and the rest, per 100
sentences: the rest is the false-alarm rate on translations judged faithful
(their sentences only in the denominator). Pairs not read by hand count as
faithful, so the figure can only err high.

Skips politely when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _judged import judged_errors  # noqa: E402
from _output import emit  # noqa: E402


def split_false_alarms(documents, false_alarms: list[dict], errors: set[int]) -> dict:
    """Per 100 sentences of the unperturbed documents: all flags, flags on judged errors, and
    the rest over the sentences of the pairs judged faithful (each pair is two sentences)."""
    unperturbed = [doc for doc in documents if not doc.perturbed]
    sentences = sum(doc.size for doc in unperturbed)
    on_errors = sum(2 for doc in unperturbed for line in doc.lines if line in errors)
    flagged = [fa for fa in false_alarms if not fa["perturbed"]]
    at_errors = sum(fa["sentences"] for fa in flagged if set(fa["lines"]) & errors)
    total = sum(fa["sentences"] for fa in flagged)
    return {
        "sentences": sentences,
        "flagged": total,
        "flagged_on_judged_errors": at_errors,
        "per_100": round(100 * total / sentences, 2),
        "per_100_faithful": round(100 * (total - at_errors) / (sentences - on_errors), 2),
    }


def run(docs: int, seeds: list[int]) -> dict:
    from provenance.embed import get_encoder
    from provenance.evaluate.cli import resolve_corpus
    from provenance.evaluate.perturb import make_documents
    from provenance.evaluate.run import run_aligner

    corpus = resolve_corpus("kpc")
    encoder = get_encoder("use-m3")
    errors = judged_errors()
    out = {}
    for seed in seeds:
        documents = make_documents(corpus, count=docs, seed=seed, mode="full")
        result = run_aligner(documents, corpus, "embedding", encoder)
        out[str(seed)] = split_false_alarms(documents, result.false_alarms, errors)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    from provenance.evaluate.corpus import CorpusMissing

    try:
        figures = run(args.docs, args.seeds)
    except CorpusMissing as exc:
        print(f"skipped: {exc}")
        return 0
    print(f"kpc-dev, {args.docs} documents a seed; unperturbed documents' false alarms per 100 sentences")
    print(f"{'seed':>4}  {'all flags':>9}  {'on judged errors':>16}  {'faithful pairs only':>19}")
    for seed, f in figures.items():
        print(f"{seed:>4}  {f['per_100']:>9}  {f['flagged_on_judged_errors']:>9} of {f['flagged']:<4}  {f['per_100_faithful']:>19}")
    return emit({"benchmark": "false_alarms", "docs": args.docs, "seeds": figures}, args.json)


if __name__ == "__main__":
    sys.exit(main())
