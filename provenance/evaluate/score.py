"""Score a predicted alignment against gold: pure functions over beads.

A bead is anything with `src`, `tgt` (sentence indices) and `status`; the
checker's `types.Bead` and the generator's `GoldBead` both are. Counts are
kept, not ratios, so documents add up (micro-averaged) before dividing.

* links: the (source, target) sentence pairs a bead implies (a 2-1 bead gives 2);
* strict beads: exact bead matches over beads with both sides non-empty. Vecalign's
  scorer leaves one-sided beads out of recall; here they are left out of
  precision too, because dropped and added sentences are scored on their own;
* dropped / added: sentences of one-sided beads;
* flags: sentences in a dropped, added or drifted bead (a problem to report);
* per perturbation kind: merges and splits count as found when their gold bead
  is predicted exactly; every other kind when all the sentences it touched are
  flagged.

A gold bead marked `either` (a wrong sentence pasted in) is right both linked
and split into dropped + added, so neither reading counts for or against.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol, Sequence

from ..types import Status

#: Kinds scored by strict bead recall rather than by problem flags.
BEAD_KINDS = frozenset({"merge", "split"})

Sentence = tuple[str, int]  # ("src" | "tgt", index)
Link = tuple[int, int]
BeadKey = tuple[tuple[int, ...], tuple[int, ...]]


class BeadLike(Protocol):
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    status: Status


class PerturbationLike(Protocol):
    kind: str
    src: tuple[int, ...]
    tgt: tuple[int, ...]


@dataclass(frozen=True)
class Counts:
    """True positives, false positives, false negatives; None where undefined."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def to_dict(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


def compare_sets(gold: set, predicted: set) -> Counts:
    return Counts(len(gold & predicted), len(predicted - gold), len(gold - predicted))


@dataclass(frozen=True)
class Scores:
    """Counts for one document, or summed over many."""

    documents: int = 0
    sentences: int = 0  # both sides
    link: Counts = Counts()
    bead: Counts = Counts()
    dropped: Counts = Counts()
    added: Counts = Counts()
    flags: Counts = Counts()
    kinds: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (found, total)

    def __add__(self, other: "Scores") -> "Scores":
        kinds = dict(self.kinds)
        for kind, (found, total) in other.kinds.items():
            old = kinds.get(kind, (0, 0))
            kinds[kind] = (old[0] + found, old[1] + total)
        return Scores(
            self.documents + other.documents,
            self.sentences + other.sentences,
            self.link + other.link,
            self.bead + other.bead,
            self.dropped + other.dropped,
            self.added + other.added,
            self.flags + other.flags,
            kinds,
        )

    @property
    def one_sided(self) -> Counts:
        """Dropped and added sentences together."""
        return self.dropped + self.added

    @property
    def false_alarms_per_100(self) -> float | None:
        """Sentences flagged that are not problems, per 100 sentences (both sides)."""
        return 100 * self.flags.fp / self.sentences if self.sentences else None

    def kind_recall(self, kind: str) -> float | None:
        found, total = self.kinds.get(kind, (0, 0))
        return found / total if total else None

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "sentences": self.sentences,
            "link": self.link.to_dict(),
            "strict_bead": self.bead.to_dict(),
            "dropped_added": self.one_sided.to_dict(),
            "dropped": self.dropped.to_dict(),
            "added": self.added.to_dict(),
            "flags": self.flags.to_dict(),
            "false_alarms_per_100": self.false_alarms_per_100,
            "kinds": {
                kind: {
                    "found": found,
                    "total": total,
                    "recall": found / total if total else None,
                    "measure": "strict bead recall" if kind in BEAD_KINDS else "all touched sentences flagged",
                }
                for kind, (found, total) in sorted(self.kinds.items())
            },
        }


def total(scores: Iterable[Scores]) -> Scores:
    out = Scores()
    for one in scores:
        out = out + one
    return out


def score_document(
    gold: Sequence[BeadLike],
    predicted: Sequence[BeadLike],
    perturbations: Sequence[PerturbationLike] = (),
) -> Scores:
    """Scores of one predicted alignment against its gold."""
    either = [b for b in gold if getattr(b, "either", False)]
    either_links = links(either)
    either_beads = strict_beads(either)
    either_src = {i for b in either for i in b.src}
    either_tgt = {j for b in either for j in b.tgt}
    plain_gold = [b for b in gold if not getattr(b, "either", False)]
    predicted_flags = flagged(predicted)
    predicted_beads = strict_beads(predicted) - either_beads
    return Scores(
        documents=1,
        sentences=sum(len(b.src) + len(b.tgt) for b in gold),
        link=compare_sets(links(plain_gold), links(predicted) - either_links),
        bead=compare_sets(strict_beads(plain_gold), predicted_beads),
        dropped=compare_sets(one_sided(plain_gold, Status.DROPPED), one_sided(predicted, Status.DROPPED) - either_src),
        added=compare_sets(one_sided(plain_gold, Status.ADDED), one_sided(predicted, Status.ADDED) - either_tgt),
        flags=compare_sets(flagged(gold), predicted_flags),
        kinds=found_by_kind(perturbations, strict_beads(predicted), predicted_flags),
    )


def links(beads: Iterable[BeadLike]) -> set[Link]:
    return {(i, j) for b in beads for i in b.src for j in b.tgt}


def strict_beads(beads: Iterable[BeadLike]) -> set[BeadKey]:
    return {(tuple(b.src), tuple(b.tgt)) for b in beads if b.src and b.tgt}


def one_sided(beads: Iterable[BeadLike], status: Status) -> set[int]:
    """Source sentences of dropped beads, or target sentences of added ones."""
    side = "src" if status is Status.DROPPED else "tgt"
    return {i for b in beads if b.status is status for i in getattr(b, side)}


def flagged(beads: Iterable[BeadLike]) -> set[Sentence]:
    """Sentences of both sides that are in a problem bead (dropped, added, drifted)."""
    out: set[Sentence] = set()
    for b in beads:
        if b.status.is_problem:
            out.update(("src", i) for i in b.src)
            out.update(("tgt", j) for j in b.tgt)
    return out


def found_by_kind(
    perturbations: Sequence[PerturbationLike], predicted_beads: set[BeadKey], predicted_flags: set[Sentence]
) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    for p in perturbations:
        found = is_found(p, predicted_beads, predicted_flags)
        old = out.get(p.kind, (0, 0))
        out[p.kind] = (old[0] + found, old[1] + 1)
    return out


def is_found(p: PerturbationLike, predicted_beads: set[BeadKey], predicted_flags: set[Sentence]) -> bool:
    """Merges and splits: their gold bead predicted exactly; other kinds: every touched sentence flagged."""
    if p.kind in BEAD_KINDS:
        return (tuple(p.src), tuple(p.tgt)) in predicted_beads
    touched = {("src", i) for i in p.src} | {("tgt", j) for j in p.tgt}
    return touched <= predicted_flags
