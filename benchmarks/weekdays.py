#!/usr/bin/env python3
"""The document-level weekday check (provenance/checks/weekdays.py) on real articles.

    python benchmarks/weekdays.py [--docs 80] [--seeds 1 2 3] [--corpus FOLDER ...] [--show] [--json]

Documents are cut from kpc-dev and jhe-dev as the evaluation harness cuts
them (`make_documents`, 12–40 consecutive line pairs) and checked bead by
bead on the gold alignment, so the figures measure the check, not the
aligner. Three figures:

* false alarms: warnings or errors on faithful beads — in documents left
  unperturbed, and on untouched beads of perturbed ones (where a tie between
  an edited weekday and a faithful one lands); info notes counted apart;
* harness recall: the harness's `date` edits that changed a weekday, caught
  (a warning or error on the edited bead);
* every-weekday recall: each checkable bead of the faithful documents (one
  source day, one target weekday) with its weekday swapped for another,
  caught — many more cases than the harness deals out.

`--tie warning` reports lone contradicting pairs as warnings (default: info).

`--corpus` (repeatable) measures other articles instead of kpc-dev and
jhe-dev: a folder with one *.ko and one *.en file (and its noise.json), a
file stem, or two files, as `provenance eval` takes them.

Skips politely when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._corpus import CorpusError  # noqa: E402
from provenance.checks.result import CheckResult  # noqa: E402
from provenance.checks.side import Side  # noqa: E402
from provenance.checks.weekdays import check_weekdays, pairing  # noqa: E402
from provenance.evaluate.cli import resolve_corpus  # noqa: E402
from provenance.evaluate.corpus import Corpus, CorpusMissing  # noqa: E402
from provenance.evaluate.lang.en import WEEKDAY, WEEKDAYS  # noqa: E402
from provenance.evaluate.perturb import TestDocument, make_documents  # noqa: E402
from provenance.types import Severity  # noqa: E402

CORPORA = ("kpc", "jhe")


@dataclass
class Tally:
    faithful_beads: int = 0
    false_alarms: list[str] = field(default_factory=list)  # in unperturbed documents
    beside_edits: list[str] = field(default_factory=list)  # untouched beads of perturbed documents
    notes: int = 0  # info findings on faithful beads
    harness_edits: int = 0
    harness_caught: int = 0
    harness_reachable: int = 0  # edited bead pairs one source day with one target weekday
    swaps: int = 0
    swaps_caught: int = 0

    def add(self, other: Tally) -> None:
        for name in ("faithful_beads", "harness_edits", "harness_caught", "harness_reachable", "swaps", "swaps_caught"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.false_alarms += other.false_alarms
        self.beside_edits += other.beside_edits
        self.notes += other.notes


def beads_of(doc: TestDocument) -> list[tuple[str, str]]:
    """The gold beads as (source text, target text), sentences joined with a space."""
    return [(" ".join(doc.source[i] for i in g.src), " ".join(doc.target[j] for j in g.tgt)) for g in doc.gold]


def flagged(results: list[CheckResult]) -> bool:
    return any(r.severity.rank >= Severity.WARNING.rank for r in results)


def measure(corpus: Corpus, docs: int, seed: int, tie: Severity) -> Tally:
    name, src_lang, tgt_lang = corpus.name, corpus.source_lang, corpus.target_lang
    tally = Tally()
    rng = random.Random(seed)
    for doc in make_documents(corpus, count=docs, seed=seed, mode="full"):
        beads = beads_of(doc)
        found = check_weekdays(beads, src_lang, tgt_lang, tie=tie)
        edited = {k for p in doc.perturbations for k, g in enumerate(doc.gold) if g.tgt == p.tgt and g.src == p.src}
        alarms = tally.beside_edits if doc.perturbations else tally.false_alarms
        for k, results in enumerate(found):
            if k in edited:
                continue
            tally.faithful_beads += 1
            tally.notes += sum(r.severity is Severity.INFO for r in results)
            alarms += [f"{name} line {_line(doc, k)}: {r.message}" for r in results if flagged([r])]
        for p in doc.perturbations:
            if p.kind == "date" and p.note.split(" → ")[0] in WEEKDAYS:
                k = next(i for i, g in enumerate(doc.gold) if g.tgt == p.tgt and g.src == p.src)
                tally.harness_edits += 1
                tally.harness_caught += flagged(found[k])
                tally.harness_reachable += _checkable(beads[k], src_lang, tgt_lang)
        if not doc.perturbations:
            _swap_each(beads, src_lang, tgt_lang, rng, tally, tie)
    return tally


def _swap_each(
    beads: list[tuple[str, str]], src_lang: str, tgt_lang: str, rng: random.Random, tally: Tally, tie: Severity
) -> None:
    """Change the weekday of each checkable bead in turn; count the documents that notice."""
    for k, (src, tgt) in enumerate(beads):
        m = WEEKDAY.search(tgt)
        if not m or not _checkable((src, tgt), src_lang, tgt_lang):
            continue
        new = rng.choice([w for w in WEEKDAYS if w != m.group()])
        edited = list(beads)
        edited[k] = (src, tgt[: m.start()] + new + tgt[m.end() :])
        tally.swaps += 1
        tally.swaps_caught += flagged(check_weekdays(edited, src_lang, tgt_lang, tie=tie)[k])


def _checkable(bead: tuple[str, str], src_lang: str, tgt_lang: str) -> bool:
    found = pairing(0, Side(bead[0], src_lang), Side(bead[1], tgt_lang))
    return bool(found and found.checkable)


def _line(doc: TestDocument, bead: int) -> str:
    src = doc.gold[bead].src
    return str(doc.lines[src[0]]) if src else "(added)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=80, help="documents per corpus and seed (harness default 80)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3, 4, 5])
    parser.add_argument("--tie", choices=("info", "warning"), default="info",
                        help="severity of two lone pairings that contradict each other")
    parser.add_argument("--corpus", nargs="+", action="append", metavar="FOLDER|SRC TGT",
                        help="measure on this corpus instead of kpc-dev and jhe-dev (repeatable): a folder with "
                        "one *.ko and one *.en file (and its noise.json), a file stem or two files")
    parser.add_argument("--show", action="store_true", help="print every false alarm")
    parser.add_argument("--json", action="store_true", help="also print one JSON line")
    args = parser.parse_args(argv)
    rows: dict[str, Tally] = {}
    for spec in args.corpus or [[name] for name in CORPORA]:
        try:
            corpus = resolve_corpus(spec)
        except CorpusMissing as missing:
            print(f"skipped: {missing}")
            continue
        except (OSError, ValueError) as exc:
            raise CorpusError(f"--corpus {' '.join(spec)}: {exc}") from None
        tally = Tally()
        for seed in args.seeds:
            tally.add(measure(corpus, args.docs, seed, Severity(args.tie)))
        rows[corpus.name] = tally
    if not rows:
        return 0
    _print(rows, args.show)
    if args.json:
        print(json.dumps({name: _figures(t) for name, t in rows.items()}))
    return 0


def _figures(t: Tally) -> dict[str, float | int]:
    return {
        "faithful_beads": t.faithful_beads,
        "false_alarms": len(t.false_alarms),
        "false_alarms_beside_edits": len(t.beside_edits),
        "false_alarm_rate": round((len(t.false_alarms) + len(t.beside_edits)) / max(1, t.faithful_beads), 5),
        "info_notes": t.notes,
        "harness_weekday_edits": t.harness_edits,
        "harness_reachable": t.harness_reachable,
        "harness_caught": t.harness_caught,
        "harness_recall": round(t.harness_caught / max(1, t.harness_edits), 3),
        "swaps": t.swaps,
        "swaps_caught": t.swaps_caught,
        "swap_recall": round(t.swaps_caught / max(1, t.swaps), 3),
    }


def _print(rows: dict[str, Tally], show: bool) -> None:
    width = max(7, *map(len, rows))
    print(f"{'corpus':{width}} {'faithful':>8} {'false alarms':>12} {'beside edits':>12} {'info':>5} "
          f"{'weekday edits':>19} {'caught':>6} {'recall':>6} {'swaps':>5} {'caught':>6} {'recall':>6}")
    for name, t in rows.items():
        f = _figures(t)
        edits = f"{t.harness_edits} ({t.harness_reachable} pairable)"
        print(f"{name:{width}} {t.faithful_beads:>8} {len(t.false_alarms):>12} {len(t.beside_edits):>12} {t.notes:>5} "
              f"{edits:>19} {t.harness_caught:>6} {f['harness_recall']:>6.2f} {t.swaps:>5} {t.swaps_caught:>6} "
              f"{f['swap_recall']:>6.2f}")
    if show:
        for t in rows.values():
            for alarm in sorted(set(t.false_alarms + t.beside_edits)):
                print("  " + alarm)


if __name__ == "__main__":
    sys.exit(main())
