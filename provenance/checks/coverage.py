"""Lost clauses: does the translation cover the whole original sentence?

A translation cut at a clause boundary ("…30% less than Chinese workers."
without "and even then most of their wages are taken by the state") keeps a
fair sentence similarity and a plausible length, so neither alone finds it.
Coverage does: a cut translation matches a *prefix* of the original better
than the whole, the rest of the original is barely reflected in it, and
leaving part of the original out makes it match better. A tiny logistic
model over these similarities, the length ratio (measured from the
document's own, whose offset is a feature too) and the missing anchors
(numbers, dates, Latin words) decides; its coefficients are fitted per
encoder and language pair by `benchmarks/partial.py` and stored under the
key "partial" of the calibration file.

Only beads whose translation is shorter than usual are examined, and the
parts of each original are composed from one forward pass over it
(`embed_parts`), so the cost stays small.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from ..codes import lookup
from ..embed import embed_parts, vectors_for
from ..types import Bead, Document, Reason, Status
from .lang import language, without_dateline
from .partial import CODE, missing_anchors
from .result import shorten
from .side import MOSTLY_FOREIGN, Side

#: Model inputs, in the order of the stored coefficients.
FEATURES = ("ratio", "similarity", "lost", "prefix_gain", "tail_gap", "head_sim", "drop_gain", "offset")
#: Missing anchors beyond this many add nothing.
MAX_LOST = 3

#: Korean connective endings that close a clause: -고, -며, -면서, -지만, -는데,
#: -다며/-라며, -다고/-라고 (a quote or report ends), -어서, -으나, -도록, -려고, -면.
_KO_ENDING = (
    r"(?:고|며|면서|지만|는데|은데|인데|던데|다며|라며|다고|라고|자고|냐고|라면서|다면서"
    r"|어서|아서|해서|여서|으나|도록|려고|으면|다면|하면|되면|므로|니까)"
)
_KO_BOUNDARY = re.compile(
    rf"(?<=[가-힣]){_KO_ENDING},?(?=\s)(?!\s+(?:있|싶|계시|계신|말았))"  # a connective ending, not -고 있다
    r"|[,;:](?=\s)"  # punctuation
    r"|[”\"’'](?=\s)"  # a closing quote followed by a space
    r"|\s(?=[“\"‘])"  # before an opening quote
)
#: A clause shorter than this many characters (spaces not counted) joins its neighbour.
MIN_CLAUSE_CHARS = 6
#: Originals of fewer words are not examined: too short to split, and a pronoun for a
#: noun ("I felt sorry for it") already looks like a lost half. (About 1% of the
#: harness's cut sentences are that short.)
MIN_SOURCE_WORDS = 6
#: Without a clause ending, the sentence is cut into this many runs of words.
WORD_PARTS = 3


@dataclass(frozen=True)
class Model:
    """The fitted decision: logistic over FEATURES, flag when the logit is above `threshold`."""

    intercept: float
    weights: tuple[float, ...]
    threshold: float
    examine_below: float  # log size ratio under which a bead is examined at all
    #: … or, when the translation lacks a number, date or Latin word of the original, under this
    examine_lost_below: float | None = None
    #: ratios measured from the document's own (`document_offset`): fitted that way
    relative: bool = False

    def logit(self, values: Sequence[float]) -> float:
        return self.intercept + sum(w * v for w, v in zip(self.weights, values))


# -- clauses ---------------------------------------------------------------------
def clause_starts(text: str, lang: str = "ko") -> list[int]:
    """Offsets where the clauses of a sentence start (0 first); short clauses are merged.

    Korean clauses end in a connective ending, a comma or a quote; a sentence
    without one (or in another language) is cut into runs of words instead.
    """
    module = language(lang)
    starts = _ending_starts(text) if module is not None and module.CODE == "ko" else [0]
    return starts if len(starts) > 1 else word_starts(text)


def _ending_starts(text: str) -> list[int]:
    starts = [0]
    for m in _KO_BOUNDARY.finditer(text):
        end = m.end()
        while end < len(text) and text[end].isspace():
            end += 1
        if end < len(text) and _chars(text[starts[-1] : end]) >= MIN_CLAUSE_CHARS:
            starts.append(end)
    while len(starts) > 1 and _chars(text[starts[-1] :]) < MIN_CLAUSE_CHARS:
        starts.pop()
    return starts


def word_starts(text: str, parts: int = WORD_PARTS) -> list[int]:
    """Starts of `parts` runs of about equally many words ([0] for a short text)."""
    words = [m.start() for m in re.finditer(r"\S+", text)]
    if len(words) < 2 * parts:
        return [0]
    return [0] + [words[round(len(words) * k / parts)] for k in range(1, parts)]


def half_spans(text: str) -> list[tuple[int, int]]:
    """Runs of half the words, every quarter of the sentence: what may have been left out.

    (Runs of 35% and 65% as well cost 2.5 times the encoding for no gain on the dev pairs.)
    """
    words = [m.span() for m in re.finditer(r"\S+", text)]
    n = len(words)
    k = max(1, round(n / 2))
    if k >= n:
        return []
    step = max(1, k // 2)
    firsts = list(range(0, n - k + 1, step))
    if firsts[-1] != n - k:
        firsts.append(n - k)
    return [(words[a][0], words[a + k - 1][1]) for a in firsts]


def _chars(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


# -- features --------------------------------------------------------------------
def log_size_ratio(src: Side, tgt: Side) -> float | None:
    if not (src.known and tgt.known) or not src.size or not tgt.size:
        return None
    return math.log(tgt.size / src.size)


#: beads a document's median ratio is worth: with n beads, the offset is the median × n / (n + this)
OFFSET_PRIOR = 4


def document_offset(ratios: Sequence[float]) -> float:
    """How much longer than usual this translator writes: the median log size ratio of the
    document's beads, shrunk towards none for a short document. One newsroom translates
    21일(현지시간) as "on Monday" and keeps every clause, another condenses: a translation
    cut by half stands out against its own document's habit, not against a corpus's."""
    if not ratios:
        return 0.0
    from ..align import median  # not np.median (see there)

    return median(np.asarray(ratios, dtype=np.float64)) * len(ratios) / (len(ratios) + OFFSET_PRIOR)


@dataclass(frozen=True)
class Candidate:
    """One bead to examine: its two sides and the parts of the original to encode."""

    src: str
    tgt: str
    ratio: float
    lost: int
    starts: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]
    offset: float = 0.0  # the document's own ratio, already taken off `ratio`

    def parts(self) -> list[tuple[tuple[int, int], ...]]:
        """Spans of the original to embed: whole, each proper prefix and suffix, less each half-span."""
        end = len(self.src)
        inner = self.starts[1:]
        prefixes = [((0, k),) for k in inner]
        suffixes = [((k, end),) for k in inner]
        rests = [((0, a), (b, end)) for a, b in self.spans]
        return [((0, end),), *prefixes, *suffixes, *rests]


def candidate(
    src_text: str, tgt_text: str, src_lang: str, tgt_lang: str, examine_below: float,
    examine_lost_below: float | None = None, offset: float = 0.0,
) -> Candidate | None:
    """A candidate when the translation is shorter than usual (and the original not short), else None.

    `offset` is the document's own ratio (`document_offset`), taken off this bead's.

    With `examine_lost_below`, a translation only a little short is a candidate too when
    it lacks a number, date or Latin word of the original: "…지나며, 요금은 2,500원으로
    동결됩니다" as "…will pass through Gangnam and Hongdae." keeps 73% of the usual length.
    """
    strip = getattr(language(src_lang), "strip_attribution", None)
    if strip is not None:
        src_text = strip(src_text)  # "…"라고 말했다: the English often moves or drops "she said"
    if len(src_text.split()) < MIN_SOURCE_WORDS:
        return None
    tgt_text = without_dateline(tgt_text, tgt_lang)  # as the encoder read it ("GENEVA (CNN) …")
    src, tgt = Side(src_text, src_lang), Side(tgt_text, tgt_lang)
    if src.foreign_share >= MOSTLY_FOREIGN:
        return None  # a line mostly in another script (a pasted headline) is not read
    ratio = log_size_ratio(src, tgt)
    if ratio is None:
        return None
    ratio -= offset
    loose = examine_below if examine_lost_below is None else max(examine_below, examine_lost_below)
    if ratio >= loose:
        return None
    lost = len(missing_anchors(src, tgt))
    if ratio >= examine_below and not lost:
        return None
    return Candidate(src_text, tgt_text, ratio, lost, tuple(clause_starts(src_text, src_lang)), tuple(half_spans(src_text)), offset)


def features(
    candidates: Sequence[Candidate], encoder: Any, known: dict[str, np.ndarray] | None = None
) -> list[dict[str, float]]:
    """Coverage features of each candidate.

    The parts of each original are composed from one forward pass over it
    (`embed_parts`); translations come from `known`, the vectors the pipeline
    already has, or are encoded in one batch.
    """
    if not candidates:
        return []
    originals = embed_parts(encoder, [c.src for c in candidates], [c.parts() for c in candidates])
    translations = vectors_for(encoder, [c.tgt for c in candidates], known or {})
    return [
        _features(c, np.vstack([translation[None, :], np.asarray(parts, dtype=np.float32)]))
        for c, translation, parts in zip(candidates, translations, originals)
    ]


def _features(c: Candidate, v: np.ndarray) -> dict[str, float]:
    tgt, src = v[0], v[1]
    n, m = len(c.starts) - 1, len(c.spans)
    whole = float(tgt @ src)
    out = {"ratio": c.ratio, "offset": c.offset, "similarity": whole, "lost": float(min(c.lost, MAX_LOST)), "cut_at": 0.0}
    out.update(prefix_gain=0.0, tail_gap=0.0, head_sim=whole, drop_gain=0.0)
    if n:
        prefixes, suffixes = v[2 : 2 + n] @ tgt, v[2 + n : 2 + 2 * n]
        best = int(np.argmax(prefixes))
        out["prefix_gain"] = float(prefixes[best]) - whole  # > 0: a prefix matches better than the whole
        out["tail_gap"] = float(suffixes[best] @ tgt - suffixes[best] @ src)  # the rest: in T vs in S
        out["head_sim"] = float(prefixes[0])
        out["cut_at"] = float(c.starts[1 + best])
    if m:
        rests = v[2 + 2 * n : 2 + 2 * n + m] @ tgt
        out["drop_gain"] = float(rests.max()) - whole  # > 0: leaving half out matches better
    return out


def vector(values: dict[str, float]) -> list[float]:
    return [values[name] for name in FEATURES]


# -- the pipeline step -----------------------------------------------------------
def find_lost_clauses(
    beads: Sequence[Bead], source: Document, target: Document, encoder: Any, model: Model,
    known: dict[str, np.ndarray] | None = None,
) -> list[Bead]:
    """The beads with ok ones whose translation stops short turned drifted (drift.partial)."""
    examined = []
    offset = document_offset(_one_to_one_ratios(beads, source, target)) if model.relative else 0.0
    for k, bead in enumerate(beads):
        if bead.status is not Status.OK or not bead.src or not bead.tgt:
            continue
        src_text, tgt_text = source.joined(bead.src)[0], target.joined(bead.tgt)[0]
        found = candidate(src_text, tgt_text, source.lang, target.lang, model.examine_below, model.examine_lost_below, offset)
        if found is not None:
            examined.append((k, found))
    out = list(beads)
    for (k, found), values in zip(examined, features([c for _, c in examined], encoder, known)):
        logit = model.logit(vector(values))
        if logit > model.threshold:
            out[k] = _drifted(beads[k], found, values, logit, source)
    return out


def _one_to_one_ratios(beads: Sequence[Bead], source: Document, target: Document) -> list[float]:
    """Log size ratios of the document's 1-1 beads that are not already problems."""
    ratios = []
    for bead in beads:
        if len(bead.src) == 1 and len(bead.tgt) == 1 and bead.status is Status.OK:
            src, tgt = source.sentences[bead.src[0]], target.sentences[bead.tgt[0]]
            ratio = log_size_ratio(Side(src.text, source.lang), Side(tgt.text, target.lang))
            if ratio is not None:
                ratios.append(ratio)
    return ratios


def _drifted(bead: Bead, found: Candidate, values: dict[str, float], logit: float, source: Document) -> Bead:
    cut = int(values["cut_at"]) or len(found.src)
    rest = found.src[cut:].strip()
    share = math.exp(found.ratio)
    message = f"the translation may stop short: it is {share:.0%} as long as usual"
    if rest:
        message += f" and does not seem to cover “{shorten(rest, 60)}”"
    message += f" (lost-clause score {1 / (1 + math.exp(-logit)):.2f})"
    evidence = (source.evidence("src", bead.src, cut, len(found.src)),) if rest else ()
    reason = Reason(CODE, message, lookup(CODE).severity, evidence)
    return dataclasses.replace(bead, status=Status.DRIFTED, reasons=bead.reasons + (reason,))


# -- calibration -----------------------------------------------------------------
def model_for(encoder: str, source_lang: str, target_lang: str) -> Model | None:
    """The fitted model in the calibration file for this encoder and pair, or None (no step)."""
    from ..calibration import calibration_path

    path = calibration_path(encoder, source_lang, target_lang)
    return _read_model(str(path)) if path is not None else None


@lru_cache(maxsize=16)
def _read_model(path: str) -> Model | None:
    data = json.loads(Path(path).read_text(encoding="utf-8")).get("partial")
    if not data or list(data.get("features", ())) != list(FEATURES):
        return None  # fitted for other features: not applied
    lost_below = data.get("examine_lost_below")
    return Model(float(data["intercept"]), tuple(float(w) for w in data["weights"]),
                 float(data["threshold"]), float(data["examine_below"]),
                 None if lost_below is None else float(lost_below), data.get("ratio") == "relative")
