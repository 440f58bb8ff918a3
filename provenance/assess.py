"""Turn an alignment into statuses, reasons and findings people can act on.

Beads get a status (ok, drifted, dropped, added, excluded) and reasons with
evidence; findings roll those up, so a whole paragraph left out is one
finding that names the paragraph rather than five sentence findings.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Sequence

from .align import Link
from .codes import MOVED, lookup
from .config import Settings
from .types import Bead, Document, Evidence, Finding, Reason, Role, Sentence, Severity, Status

Checker = Callable[[str, str, str, str], list]


def assess(
    source: Document,
    target: Document,
    links: Sequence[Link],
    settings: Settings,
    checker: Checker | None = None,
) -> tuple[list[Bead], list[Finding]]:
    """Beads over every sentence of both documents, and the findings they add up to."""
    src_content = [s.index for s in source.sentences if s.role is Role.CONTENT]
    tgt_content = [s.index for s in target.sentences if s.role is Role.CONTENT]
    beads = []
    for link in links:
        src = tuple(src_content[i] for i in link.src)
        tgt = tuple(tgt_content[j] for j in link.tgt)
        bead = _judge(src, tgt, link.similarity, source, target, settings, checker)
        beads.append(_moved(bead, target) if link.moved else bead)
    if checker is not None and (settings.checks is None or "date" in settings.checks):
        beads = _with_weekdays(beads, source, target)
    beads = _with_excluded(beads, source, target)
    return beads, findings_for(beads, source, target)


def _judge(
    src: tuple[int, ...],
    tgt: tuple[int, ...],
    similarity: float,
    source: Document,
    target: Document,
    settings: Settings,
    checker: Checker | None,
) -> Bead:
    score = round(max(0.0, similarity), 4)
    if not tgt:
        return Bead(src, tgt, score, Status.DROPPED, (_reason("omission.sentence", "not translated"),))
    if not src:
        return Bead(src, tgt, score, Status.ADDED, (_reason("addition.sentence", "no source in the original"),))
    limits = settings.thresholds
    reasons: list[Reason] = []
    # asked only of the few pairs below a threshold: shared exact figures or Latin words
    anchored = similarity < limits.drift and _anchored(src, tgt, source, target)
    if similarity < limits.unrelated and not anchored:
        reasons.append(_reason("drift.unrelated", f"the sentences look unrelated (similarity {similarity:.2f})"))
    elif checker is not None:
        reasons.extend(_check(src, tgt, source, target, checker))
    if not reasons and similarity < limits.drift and not anchored:
        # "$2.16 to $131.04" in both: the same sentence the encoder reads poorly (trade jargon)
        reasons.append(_reason("drift.low-similarity", f"low similarity ({similarity:.2f})"))
    drifted = any(r.severity.rank >= Severity.WARNING.rank for r in reasons)
    return Bead(src, tgt, score, Status.DRIFTED if drifted else Status.OK, tuple(reasons))


#: shared numbers or Latin-script words that make a low-similarity pair the same sentence after all
MIN_ANCHORS = 2


def _anchored(src, tgt, source: Document, target: Document) -> bool:
    from .checks.anchors import shared_anchors

    src_text = _join([source.sentences[i] for i in src])
    tgt_text = _join([target.sentences[j] for j in tgt])
    return shared_anchors(src_text, tgt_text, source.lang, target.lang) >= MIN_ANCHORS


def _moved(bead: Bead, target: Document) -> Bead:
    """A pair `align.with_moves` found out of order: judged as any pair, and said to be moved."""
    there = target.sentences[bead.tgt[0]].line
    note = _reason(MOVED, f"translated at line {there} of the translation, out of the original's order")
    return dataclasses.replace(bead, reasons=bead.reasons + (note,))


def _reason(code: str, message: str, evidence: tuple[Evidence, ...] = (), severity: Severity | None = None) -> Reason:
    return Reason(code, message, severity or lookup(code).severity, evidence)


def _check(src, tgt, source: Document, target: Document, checker: Checker) -> list[Reason]:
    """Run the drift checks on the joined sides and locate their evidence."""
    src_text, tgt_text = _join([source.sentences[i] for i in src]), _join([target.sentences[j] for j in tgt])
    results = checker(src_text, tgt_text, source.lang, target.lang)
    return [Reason(r.code, r.message, r.severity, _evidence(r, src, tgt, source, target)) for r in results]


def _evidence(result, src, tgt, source: Document, target: Document) -> tuple[Evidence, ...]:
    """A check's spans (in the bead's joined sides) as evidence in the sentences."""
    return tuple(source.evidence("src", src, span.start, span.end, span.text) for span in result.src) + tuple(
        target.evidence("tgt", tgt, span.start, span.end, span.text) for span in result.tgt
    )


def _with_weekdays(beads: list[Bead], source: Document, target: Document) -> list[Bead]:
    """The document-level weekday check: a weekday the rest of the article contradicts.

    Two lone pairings that disagree are both reported (as warnings): nothing
    tells which is wrong, but in one article one of them is. Generated documents
    that join stories of different months pay for it (benchmarks/written and
    benchmarks/paraphrased, whose every story has its own month: 0.6–1.7 false
    alarms per 100 sentences as notes, 1.3–3.0 as warnings); documents of one
    month's news find more changed weekdays (kpc-dev eval date recall 0.65/0.74/
    0.62/0.62 as notes, 0.71/0.80/0.70/0.78 as warnings; benchmarks/newsfeed).
    """
    from .checks.weekdays import check_weekdays

    texts = [
        (
            _join([source.sentences[i] for i in b.src]),
            "" if any(r.code == "drift.unrelated" for r in b.reasons) else _join([target.sentences[j] for j in b.tgt]),
        )
        for b in beads
    ]
    out = []
    for bead, results in zip(beads, check_weekdays(texts, source.lang, target.lang, tie=Severity.WARNING)):
        if results:
            extra = tuple(Reason(r.code, r.message, r.severity, _evidence(r, bead.src, bead.tgt, source, target))
                          for r in results)
            drifted = bead.status is Status.DRIFTED or any(r.severity.rank >= Severity.WARNING.rank for r in extra)
            bead = dataclasses.replace(bead, status=Status.DRIFTED if drifted else bead.status, reasons=bead.reasons + extra)
        out.append(bead)
    return out


def _join(sentences: Sequence[Sentence]) -> str:
    return " ".join(s.text for s in sentences)


def _with_excluded(beads: list[Bead], source: Document, target: Document) -> list[Bead]:
    """Add a bead for each credit or boilerplate sentence, in document order."""
    extra = [
        Bead((s.index,), (), 0.0, Status.EXCLUDED, (Reason(f"excluded.{s.role.value}", s.role.value, Severity.INFO),))
        for s in source.sentences
        if s.role is not Role.CONTENT
    ] + [
        Bead((), (s.index,), 0.0, Status.EXCLUDED, (Reason(f"excluded.{s.role.value}", s.role.value, Severity.INFO),))
        for s in target.sentences
        if s.role is not Role.CONTENT
    ]
    if not extra:
        return beads
    return _merge_in_order(beads, extra)


def _merge_in_order(beads: list[Bead], extra: list[Bead]) -> list[Bead]:
    """Place one-sided beads so both sides' indices stay non-decreasing."""
    out = list(beads)
    for bead in extra:
        side = 0 if bead.src else 1
        index = (bead.src or bead.tgt)[0]
        position = len(out)
        for k, other in enumerate(out):
            mine = other.src if side == 0 else other.tgt
            if mine and mine[0] > index:
                position = k
                break
        else:
            position = len(out)
        out.insert(position, bead)
    return out


# -- findings ------------------------------------------------------------------
def findings_for(beads: Sequence[Bead], source: Document, target: Document) -> list[Finding]:
    """Findings for people from judged beads (also after a later step changed some)."""
    findings: list[Finding] = []
    whole_src = _whole_passages(beads, source, "src", Status.DROPPED)
    whole_tgt = _whole_passages(beads, target, "tgt", Status.ADDED)
    reported_src: set[int] = set()
    reported_tgt: set[int] = set()
    for bead in beads:
        if bead.status is Status.DROPPED:
            passage = source.sentences[bead.src[0]].passage
            if passage in whole_src:
                if passage not in reported_src:
                    reported_src.add(passage)
                    findings.append(_passage_finding("omission.passage", source, passage, "src"))
                continue
        if bead.status is Status.ADDED:
            passage = target.sentences[bead.tgt[0]].passage
            if passage in whole_tgt:
                if passage not in reported_tgt:
                    reported_tgt.add(passage)
                    findings.append(_passage_finding("addition.passage", target, passage, "tgt"))
                continue
        if bead.status.is_problem or any(r.code in LISTED_NOTES for r in bead.reasons):
            findings.extend(_bead_findings(bead, source, target))
    return findings


#: info notes listed as findings (other info notes stay on their bead, for the JSON and HTML reports)
LISTED_NOTES = frozenset({MOVED})


def _whole_passages(beads: Sequence[Bead], doc: Document, side: str, status: Status) -> set[int]:
    """Passages whose content sentences all have `status` (two or more sentences,
    or one long one: a lone short line is reported as a sentence)."""
    flagged = {i for b in beads if b.status is status for i in (b.src if side == "src" else b.tgt)}
    whole = set()
    for passage in doc.passages:
        content = [i for i in passage.sentences if doc.sentences[i].role is Role.CONTENT]
        if content and all(i in flagged for i in content) and len(content) >= 2:
            whole.add(passage.index)
    return whole


def _passage_finding(code: str, doc: Document, passage: int, side: str) -> Finding:
    info = doc.passages[passage]
    content = [i for i in info.sentences if doc.sentences[i].role is Role.CONTENT]
    first = doc.sentences[content[0]].text
    what = "not translated" if side == "src" else "has no source in the original"
    message = f"paragraph {passage + 1} ({len(content)} sentences, line {info.line}) {what}: {_quote(first)}"
    src, tgt = (tuple(content), ()) if side == "src" else ((), tuple(content))
    return Finding(
        code,
        lookup(code).severity,
        message,
        src,
        tgt,
        info.line if side == "src" else None,
        info.line if side == "tgt" else None,
        passage if side == "src" else None,
        passage if side == "tgt" else None,
    )


def _bead_findings(bead: Bead, source: Document, target: Document) -> list[Finding]:
    src_line = source.sentences[bead.src[0]].line if bead.src else None
    tgt_line = target.sentences[bead.tgt[0]].line if bead.tgt else None
    out = []
    for reason in bead.reasons:
        if reason.severity is Severity.INFO and reason.code not in LISTED_NOTES:
            continue
        if bead.status is Status.DROPPED:
            message = f"not translated: {_quote(source.sentences[bead.src[0]].text)}"
        elif bead.status is Status.ADDED:
            message = f"no source in the original: {_quote(target.sentences[bead.tgt[0]].text)}"
        else:
            message = reason.message
        out.append(Finding(reason.code, reason.severity, message, bead.src, bead.tgt, src_line, tgt_line))
    return out


def _quote(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= width else text[: width - 1] + '…'}”"
