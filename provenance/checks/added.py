"""A negation in a clause the original does not have is an addition, not a reversal.

Translators add clauses ("…, who asked not to be identified because his
agency is not leading the probe"), and the negation check, which counts
negated predicates, reads their "not" as a polarity flip. This step reads
the clause around such a negation with the encoder: when the clause alone is
no closer to the original, nor to any of its clauses, than
`Thresholds.added_clause` and the translation
matches the original better without it, the finding becomes an info note
saying so. A denied report ("did not say") is never lowered: its clause is
the frame of a quotation and reads as unrelated by itself.

Measured on the dev corpora (`python benchmarks/checks.py`): negation false
alarms on real translations 9 → 4 in 1,681 pairs; 16 of 1,012 negated
sentences lost (recall 0.906 → 0.892). Reading the original's clauses too
(a clause that renders one clause of a long original reads far from the
whole) gave 0.909 → 0.910 of the harness's negations, 0.889 → 0.894 of the
targeted ones, with the same false alarms. Only beads with such a finding
are read, so the cost is a few encodings per article.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np

from ..types import Bead, Document, Reason, Severity, Status
from .clauses import clause_around, clauses as split_clauses
from .lang import language
from .negation import CODE
from .result import shorten


@dataclass(frozen=True)
class Clause:
    """The clause of a translation around a negation, and how it reads against the original."""

    start: int
    end: int
    text: str
    similarity: float  # the clause alone against the original (or its closest clause)


def added_clauses(
    items: Sequence[tuple[str, str, Sequence[tuple[int, int]]]],
    lang: str,
    encode: Callable[[list[str]], Any],
    below: float,
    source_lang: str | None = None,
) -> list[list[Clause] | None]:
    """For each (original, translation, negation spans in the translation): the clauses
    holding the spans when every one reads as added, else None. `encode` gives unit vectors.

    A clause reads as added when it is no closer than `below` to the original, nor (given
    `source_lang`) to any clause of it: a clause that renders one clause of a long
    original can read far from the whole."""
    denied = getattr(language(lang), "denied_reports", None)
    plans: list[tuple[int, list[tuple[int, int]], int] | None] = []
    texts: list[str] = []
    for original, translation, spans in items:
        bounds = [clause_around(translation, a, b, lang) for a, b in spans]
        if not spans or any(b is None for b in bounds) or (denied and any(denied(translation[a:b]) for a, b in bounds)):
            plans.append(None)
            continue
        parts = [original[a:b].strip() for a, b in split_clauses(original, source_lang)] if source_lang else []
        plans.append((len(texts), bounds, len(parts) if len(parts) > 1 else 0))
        texts += [original, translation]
        for a, b in bounds:
            texts += [translation[a:b].strip(), _without(translation, a, b)]
        texts += parts if len(parts) > 1 else []
    vectors = np.asarray(encode(texts), dtype=np.float32) if texts else np.zeros((0, 0), dtype=np.float32)
    out: list[list[Clause] | None] = []
    for (original, translation, _), plan in zip(items, plans):
        if plan is None:
            out.append(None)
            continue
        at, bounds, count = plan
        source, whole = vectors[at], vectors[at + 1]
        parts_at = at + 2 + 2 * len(bounds)
        originals = np.vstack([source[None, :], vectors[parts_at : parts_at + count]])
        clauses = []
        for k, (a, b) in enumerate(bounds):
            alone, rest = vectors[at + 2 + 2 * k], vectors[at + 3 + 2 * k]
            similarity = float((originals @ alone).max())
            if similarity >= below or float(rest @ source) <= float(whole @ source):
                break
            clauses.append(Clause(a, b, translation[a:b].strip(), similarity))
        out.append(clauses if len(clauses) == len(bounds) else None)
    return out


def lower_added_negations(
    beads: Sequence[Bead], source: Document, target: Document, encode: Callable[[list[str]], Any], below: float
) -> list[Bead]:
    """The beads, with each "the translation negates" error whose negations all sit in added
    clauses lowered to an info note (and the bead ok when nothing else is wrong with it)."""
    cases = [  # (bead, reason) of each negation the translation alone makes
        (k, r)
        for k, bead in enumerate(beads)
        if bead.status is Status.DRIFTED
        for r, reason in enumerate(bead.reasons)
        if reason.code == CODE and reason.severity is Severity.ERROR and reason.evidence
        and all(e.side == "tgt" for e in reason.evidence)
    ]
    items = []
    for k, r in cases:
        translation, starts = target.joined(beads[k].tgt)
        spans = [(starts[e.sentence] + e.start, starts[e.sentence] + e.end) for e in beads[k].reasons[r].evidence]
        items.append((source.joined(beads[k].src)[0], translation, spans))
    out = list(beads)
    for (k, r), clauses in zip(cases, added_clauses(items, target.lang, encode, below, source.lang) if items else []):
        if clauses:
            reason = out[k].reasons[r]
            note = Reason(CODE, lowered_message([e.text for e in reason.evidence], clauses[0]), Severity.INFO, reason.evidence)
            reasons = out[k].reasons[:r] + (note,) + out[k].reasons[r + 1 :]
            drifted = any(x.severity.rank >= Severity.WARNING.rank for x in reasons)
            out[k] = dataclasses.replace(out[k], reasons=reasons, status=Status.DRIFTED if drifted else Status.OK)
    return out


def _without(text: str, start: int, end: int) -> str:
    return " ".join(part for part in (text[:start].strip(), text[end:].strip()) if part)


def lowered_message(spans: Sequence[str], clause: Clause) -> str:
    quoted = ", ".join(f"“{s}”" for s in spans)
    return (
        f"the translation negates ({quoted}) in a clause the original does not seem to have: "
        f"“{shorten(clause.text, 70)}” (similarity {clause.similarity:.2f}); an addition, not a reversal?"
    )


__all__ = ["Clause", "added_clauses", "clause_around", "lower_added_negations", "lowered_message"]
