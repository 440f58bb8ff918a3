"""Run the checker over generated test documents and score it.

Every document goes through `api.compare_texts` in presegmented mode, the
same code path users run; the Gale–Church aligner runs through the same
scorer so every figure has a floor beside it. Same corpus, seed and settings
give the same figures (wall time aside).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

from ..config import Settings
from ..types import Report, Status
from .corpus import Corpus, load_corpus
from .perturb import TestDocument, make_documents
from .score import Scores, flagged, is_found, score_document, strict_beads, total

ALIGNERS = ("embedding", "length")
#: Targets from the issues: issue #3 for the full mode, issue #2's link F1 for structural edits.
TARGETS: dict[str, dict[str, tuple[str, float]]] = {
    "full": {
        "perturbed.link_f1": (">=", 0.97),
        "unperturbed.link_f1": (">=", 0.99),
        "perturbed.dropped_added_f1": (">=", 0.90),
        "unperturbed.false_alarms_per_100": ("<=", 1.0),
    },
    "structural": {
        "perturbed.link_f1": (">=", 0.95),
        "unperturbed.link_f1": (">=", 0.95),
        "perturbed.dropped_added_f1": (">=", 0.90),
        "unperturbed.false_alarms_per_100": ("<=", 1.0),
    },
}


@dataclass(frozen=True, slots=True)
class PredictedBead:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    status: Status


@dataclass
class AlignerRun:
    """Scores of one aligner over the perturbed and the unperturbed documents."""

    aligner: str
    perturbed: Scores
    unperturbed: Scores
    seconds: float  # wall time inside compare_texts, summed over documents
    cpu_seconds: float  # process CPU time over the same calls: steadier on a busy machine
    refused: int  # documents the checker refused as unrelated (scored as all dropped + added)
    signature: dict[str, str]
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    stages: dict[str, float] = field(default_factory=dict)  # seconds per pipeline stage, summed

    @property
    def sentences(self) -> int:
        return self.perturbed.sentences + self.unperturbed.sentences

    @property
    def sentences_per_second(self) -> float | None:
        return self.sentences / self.seconds if self.seconds else None

    def figure(self, key: str) -> float | None:
        """A headline figure by name: "perturbed.link_f1", "unperturbed.false_alarms_per_100", …"""
        group, name = key.split(".")
        scores = self.perturbed if group == "perturbed" else self.unperturbed
        return {
            "link_f1": scores.link.f1,
            "dropped_added_f1": scores.one_sided.f1,
            "false_alarms_per_100": scores.false_alarms_per_100,
        }[name]

    def to_dict(self, mode: str) -> dict:
        return {
            "aligner": self.aligner,
            "perturbed": self.perturbed.to_dict(),
            "unperturbed": self.unperturbed.to_dict(),
            "speed": {  # the only figures that change run to run
                "seconds": self.seconds,
                "cpu_seconds": self.cpu_seconds,
                "sentences": self.sentences,
                "sentences_per_second": self.sentences_per_second,
                "stages": self.stages,
            },
            "refused_documents": self.refused,
            "targets": {
                key: {"target": f"{op} {value}", "value": self.figure(key), "met": _meets(self.figure(key), op, value)}
                for key, (op, value) in TARGETS[mode].items()
            },
            "signature": self.signature,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
        }


@dataclass
class EvalResult:
    corpus: str
    pairs: int
    left_out: int
    mode: str
    seed: int
    perturbed_documents: int
    unperturbed_documents: int
    runs: dict[str, AlignerRun]
    encoder_seconds: float = 0.0
    warm_up_seconds: float = 0.0

    def to_dict(self) -> dict:
        return {
            "corpus": self.corpus,
            "pairs": self.pairs,
            "pairs_left_out": self.left_out,
            "mode": self.mode,
            "seed": self.seed,
            "documents": {"perturbed": self.perturbed_documents, "unperturbed": self.unperturbed_documents},
            "speed": {"encoder_load_seconds": self.encoder_seconds, "warm_up_seconds": self.warm_up_seconds},
            "aligners": {name: run.to_dict(self.mode) for name, run in self.runs.items()},
        }

    def render_table(self) -> str:
        from .table import render

        return render(self)


def evaluate(
    corpus_src: str | Path,
    corpus_tgt: str | Path,
    *,
    docs: int = 80,
    seed: int = 1,
    mode: str = "full",
    aligner: str = "both",
    encoder: Any = None,
    noise: str | Path | set[int] | None = None,
    source_lang: str = "ko",
    target_lang: str = "en",
    name: str | None = None,
    settings: Settings | None = None,
) -> EvalResult:
    """Load a line-aligned corpus and evaluate the checker on documents cut from it."""
    corpus = load_corpus(corpus_src, corpus_tgt, noise=noise, source_lang=source_lang, target_lang=target_lang, name=name)
    return evaluate_corpus(corpus, docs=docs, seed=seed, mode=mode, aligner=aligner, encoder=encoder, settings=settings)


def evaluate_corpus(
    corpus: Corpus,
    *,
    docs: int = 80,
    seed: int = 1,
    mode: str = "full",
    aligner: str = "both",
    encoder: Any = None,
    settings: Settings | None = None,
) -> EvalResult:
    """Evaluate on `docs` documents (a quarter left unperturbed) cut from `corpus`.

    `settings` (thresholds to try, say) replace the defaults plus calibration file;
    set their `calibration` field to name them, or the file for the encoder applies.
    """
    aligners = ALIGNERS if aligner == "both" else (aligner,)
    if any(a not in ALIGNERS for a in aligners):
        raise ValueError(f"unknown aligner {aligner!r} (known: {', '.join(ALIGNERS)}, both)")
    documents = make_documents(corpus, count=docs, seed=seed, mode=mode)
    started = time.perf_counter()
    encoder = _encoder(encoder)
    encoder_seconds = time.perf_counter() - started
    started = time.perf_counter()
    _warm_up(encoder, documents)
    warm_up_seconds = time.perf_counter() - started
    runs = {name: run_aligner(documents, corpus, name, encoder, settings) for name in aligners}
    perturbed = sum(d.perturbed for d in documents)
    return EvalResult(
        corpus=corpus.name,
        pairs=len(corpus),
        left_out=corpus.dropped,
        mode=mode,
        seed=seed,
        perturbed_documents=perturbed,
        unperturbed_documents=len(documents) - perturbed,
        runs=runs,
        encoder_seconds=encoder_seconds,
        warm_up_seconds=warm_up_seconds,
    )


def run_aligner(
    documents: Sequence[TestDocument], corpus: Corpus, aligner: str, encoder: Any, settings: Settings | None = None
) -> AlignerRun:
    """Check every document with one aligner and score the alignments."""
    check = _checker(corpus, aligner, encoder, settings)
    check(documents[0])  # warm-up: lazy imports and caches are not the checker's speed
    seconds = cpu_seconds = 0.0
    refused = 0
    signature: dict[str, str] = {}
    scored: dict[bool, list[Scores]] = {True: [], False: []}
    misses: list[dict] = []
    false_alarms: list[dict] = []
    stages: dict[str, float] = {}
    for doc in documents:
        started, cpu_started = time.perf_counter(), time.process_time()
        predicted, report = check(doc)
        seconds += time.perf_counter() - started
        cpu_seconds += time.process_time() - cpu_started
        if report is None:
            refused += 1
        else:
            signature = signature or report.signature
            for stage, spent in report.timings.items():
                stages[stage] = stages.get(stage, 0.0) + spent
        scored[doc.perturbed].append(score_document(doc.gold, predicted, doc.perturbations))
        misses.extend(_misses(doc, predicted))
        false_alarms.extend(_false_alarms(doc, predicted))
    return AlignerRun(
        aligner=aligner,
        perturbed=total(scored[True]),
        unperturbed=total(scored[False]),
        seconds=seconds,
        cpu_seconds=cpu_seconds,
        refused=refused,
        signature=signature,
        misses=misses,
        false_alarms=false_alarms,
        stages=stages,
    )


def _checker(corpus: Corpus, aligner: str, encoder: Any, settings: Settings | None = None):
    """check(doc) -> (predicted beads, the report, or None when the checker refused)."""
    from ..api import compare_texts
    from ..errors import InputError

    settings = settings or Settings(encoder=getattr(encoder, "name", "use-m3"))

    def check(doc: TestDocument) -> tuple[list[PredictedBead], Report | None]:
        try:
            report = compare_texts(
                "\n".join(doc.source),
                "\n".join(doc.target),
                settings=settings,
                encoder=encoder,
                presegmented=True,
                source_lang=corpus.source_lang,
                target_lang=corpus.target_lang,
                aligner=aligner,
            )
        except InputError:
            return _refused(doc), None
        if len(report.source.sentences) != len(doc.source) or len(report.target.sentences) != len(doc.target):
            raise RuntimeError(
                f"document {doc.index}: presegmented input of {len(doc.source)}/{len(doc.target)} lines "
                f"came back as {len(report.source.sentences)}/{len(report.target.sentences)} sentences"
            )
        return [PredictedBead(b.src, b.tgt, b.status) for b in report.alignment], report

    return check


def _refused(doc: TestDocument) -> list[PredictedBead]:
    """A refusal reads as: nothing is a translation of anything."""
    return [PredictedBead((i,), (), Status.DROPPED) for i in range(len(doc.source))] + [
        PredictedBead((), (j,), Status.ADDED) for j in range(len(doc.target))
    ]


def _encoder(encoder: Any) -> Any:
    from ..embed import get_encoder

    if encoder is None or isinstance(encoder, str):
        return get_encoder(encoder or "use-m3")
    return encoder


def _warm_up(encoder: Any, documents: Sequence[TestDocument]) -> None:
    """Encode every sentence once, untimed: the first pass over a memory-mapped
    model pays for page faults, which would make whichever aligner runs first
    look slower. The figures are throughput with the model resident."""
    texts = sorted({text for doc in documents for side in (doc.source, doc.target) for text in side})
    for start in range(0, len(texts), 512):
        encoder.encode(texts[start : start + 512])


def _misses(doc: TestDocument, predicted: Sequence[PredictedBead]) -> list[dict]:
    beads, flags = strict_beads(predicted), flagged(predicted)
    return [
        {
            "document": doc.index,
            "kind": p.kind,
            "src": list(p.src),
            "tgt": list(p.tgt),
            "lines": [doc.lines[i] for i in p.src],
            "note": p.note,
        }
        for p in doc.perturbations
        if not is_found(p, beads, flags)
    ]


def _false_alarms(doc: TestDocument, predicted: Sequence[PredictedBead]) -> list[dict]:
    """Flagged sentences that are not problems, with the corpus line of the source side."""
    problems = flagged(doc.gold)
    out = []
    for bead in predicted:
        if not bead.status.is_problem:
            continue
        wrong = [("src", i) for i in bead.src if ("src", i) not in problems]
        wrong += [("tgt", j) for j in bead.tgt if ("tgt", j) not in problems]
        if wrong:
            out.append(
                {
                    "document": doc.index,
                    "perturbed": doc.perturbed,
                    "status": bead.status.value,
                    "src": list(bead.src),
                    "tgt": list(bead.tgt),
                    "lines": [doc.lines[i] for i in bead.src],
                    "sentences": len(wrong),
                }
            )
    return out


def _meets(value: float | None, op: str, target: float) -> bool | None:
    if value is None:
        return None
    return value >= target if op == ">=" else value <= target
