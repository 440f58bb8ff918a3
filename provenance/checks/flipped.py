"""A negation the translation puts in a clause the original states affirmatively.

The negation check counts negated predicates, so a "not" added to one clause
goes unseen when the original negates another one:

    소프트웨어 암호화는 아주 저렴하고, 구입한 뒤에는 돈이 들지 않게 됩니다.
    Software encryption is not very cheap, essentially free once you've bought it.

One negation a side. This step reads the clauses with the encoder: each
negated clause of the translation is matched against the clauses of the
original, and when the closest one is affirmative, closer by
`Thresholds.flipped_clause` than every negated one, the negation is a
reversal. Only beads whose original mixes negated and affirmative clauses are
read, so the cost is a few encodings per article.

Measured on the dev corpora (`python benchmarks/checks.py`): negation recall
0.901 → 0.911 on the harness's edits (11 more of 1,117), 0.880 → 0.895 on
the targeted ones, and no real translation of the 1,681 is flagged.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Sequence

import numpy as np

from ..types import Bead, Document, Reason, Severity, Status
from .clauses import clause_in_sentence, clauses
from .negation import CODE
from .result import quote, shorten
from .side import Side
from .values import Span

#: (texts, parts of each: character spans) -> one array of part vectors per text
PartsEmbedder = Callable[[list[str], list[list[list[tuple[int, int]]]]], Sequence[np.ndarray]]


@dataclasses.dataclass(frozen=True)
class Flip:
    """A negated clause of the translation and the affirmative clause of the original it renders."""

    negation: Span  # in the translation
    clause: Span  # the translation's clause around it
    original: Span  # the original's clause it matches best


#: a negated clause of fewer words than this says too little to match
MIN_WORDS = 4


def _reading(src: Side, tgt: Side) -> tuple[list[tuple[Span, tuple[int, int]]], list[tuple[int, int]], list[bool]] | None:
    """(negations with their clauses, the original's clauses, whether each is negated),
    when the bead is worth reading: negations to place, clauses of both polarities."""
    negations = []
    for marker in tgt.negated:
        span = marker.span
        if tgt.text[max(0, span.start - 4) : span.start].endswith("or "):
            continue  # "may or may not", "whether or not": no stance
        bounds = clause_in_sentence(tgt.text, span.start, span.end, tgt.lang)
        if bounds is not None and len(tgt.text[bounds[0] : bounds[1]].split()) >= MIN_WORDS:
            negations.append((span, bounds))
    if not negations:
        return None
    module = src.module
    parts = clauses(src.text, src.lang)
    polarity = [bool(module.negations(src.text[a:b])) for a, b in parts]
    if all(polarity) or not any(polarity):
        return None  # nothing to tell apart (and no negation at all is the count's to find)
    return negations, parts, polarity


def flipped_negations(
    items: Sequence[tuple[str, str]], langs: tuple[str, str], embed_parts: PartsEmbedder, margin: float
) -> list[list[Flip]]:
    """For each (original, translation): the translation's negations whose clause reads
    closest to an affirmative clause of the original, by more than `margin`.

    The clauses are parts of texts the pipeline has just encoded, so `embed_parts`
    (`provenance.embed.embed_parts` with the run's encoder) composes them from
    that forward pass instead of encoding each clause as a text.
    """
    plans, texts, parts = [], [], []
    for original, translation in items:
        src, tgt = Side(original, langs[0]), Side(translation, langs[1])
        reading = _reading(src, tgt) if src.known and tgt.known and tgt.negated else None
        plans.append(reading and (len(texts), src.text, tgt.text, *reading))
        if reading:
            negations, clause_spans, _ = reading
            texts += [src.text, tgt.text]
            parts += [[[span] for span in clause_spans], [[bounds] for _, bounds in negations]]
    vectors = embed_parts(texts, parts) if texts else []
    out: list[list[Flip]] = []
    for plan in plans:
        if not plan:
            out.append([])
            continue
        at, src_text, tgt_text, negations, clause_spans, polarity = plan
        originals, negated_clauses = vectors[at], vectors[at + 1]
        found = []
        for (span, (a, b)), clause in zip(negations, negated_clauses):
            similarity = originals @ clause
            best = max(range(len(clause_spans)), key=lambda p: (not polarity[p], similarity[p]))
            negated_best = max(float(similarity[p]) for p in range(len(clause_spans)) if polarity[p])
            if float(similarity[best]) > negated_best + margin:
                start, end = clause_spans[best]
                found.append(Flip(span, Span(a, b, tgt_text[a:b]), Span(start, end, src_text[start:end])))
        out.append(found)
    return out


def raise_flipped_negations(
    beads: Sequence[Bead], source: Document, target: Document, embed_parts: PartsEmbedder, margin: float
) -> list[Bead]:
    """The beads, with a drift.negation error on each whose translation negates a clause the
    original states affirmatively; beads the negation check already spoke about are left."""
    cases = [
        k for k, bead in enumerate(beads)
        if bead.src and bead.tgt and bead.status in (Status.OK, Status.DRIFTED)
        and not any(r.code == CODE for r in bead.reasons)
    ]
    items = [(source.joined(beads[k].src)[0], target.joined(beads[k].tgt)[0]) for k in cases]
    out = list(beads)
    for k, flips in zip(cases, flipped_negations(items, (source.lang, target.lang), embed_parts, margin) if items else []):
        if flips:
            reason = _reason(flips, beads[k], source, target)
            out[k] = dataclasses.replace(out[k], status=Status.DRIFTED, reasons=out[k].reasons + (reason,))
    return out


def _reason(flips: list[Flip], bead: Bead, source: Document, target: Document) -> Reason:
    first = flips[0]
    message = (
        f"the translation negates ({', '.join(quote(f.negation) for f in flips)}) in "
        f"“{shorten(first.clause.text.strip(), 60)}”, where the original says it affirmatively: "
        f"“{shorten(first.original.text.strip(), 60)}”"
    )
    evidence = [source.evidence("src", bead.src, first.original.start, first.original.end)]
    evidence += [target.evidence("tgt", bead.tgt, f.negation.start, f.negation.end) for f in flips]
    return Reason(CODE, message, Severity.ERROR, tuple(evidence))


__all__ = ["Flip", "clauses", "flipped_negations", "raise_flipped_negations"]
