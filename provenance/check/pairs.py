"""Check one pair: the same pipeline as `provenance compare`, never raising on bad input.

A missing half, an unreadable file or two unrelated articles become findings
of the pair (so one bad file does not stop a run over hundreds), while a bug
still raises. The reading steps are those of `api.compare` (text, Markdown or
HTML reduced to text, segmented, lines mapped back to the file), with inline
waiver markers blanked out in between; the Markdown and HTML readers drop
HTML comments themselves, so markers are read from the decoded file.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from ..types import Finding, Report
from .codes import INVALID_PAIR, MISSING_ORIGINAL, MISSING_TRANSLATION, rule
from .discover import Pair
from .result import PairOutcome, RawFinding
from .waivers import strip_markers


def check_pair(
    pair: Pair,
    root: Path,
    settings: Settings,
    encoder: Any,
    encoding: str | None = None,
    input_format: str | None = None,
) -> PairOutcome:
    """Compare the two files of `pair` (paths relative to `root`); `settings` already resolved."""

    start = time.perf_counter()
    original, translation = pair.paths(root)
    has_original, has_translation = original.is_file(), translation.is_file()
    if not (has_original and has_translation):
        return _missing(pair, has_original, has_translation, translation, encoding)
    try:
        report, markers = report_for_pair(pair, root, settings, encoder, encoding, input_format)
    except InputError as exc:
        return _invalid(pair, exc, (original, translation), time.perf_counter() - start)
    return PairOutcome(
        pair=pair,
        findings=tuple(raw_findings(report)),
        markers=tuple(markers),
        counts=report.counts(),
        signature=dict(report.signature),
        seconds=time.perf_counter() - start,
    )


def report_for_pair(
    pair: Pair, root: Path, settings: Settings, encoder: Any, encoding: str | None = None, input_format: str | None = None
) -> tuple[Report, list]:
    """The pair's full report (waiver markers blanked out) and its markers; InputError if unreadable."""
    from ..api import compare_documents

    original, translation = pair.paths(root)
    read = (settings, encoding, input_format)
    source, _ = _document(original, pair.original, settings.source_lang, *read)
    target, markers = _document(translation, pair.translation, settings.target_lang, *read)
    return compare_documents(source, target, settings=settings, encoder=encoder), markers


def _document(path: Path, shown: str, lang: str, settings: Settings, encoding: str | None, input_format: str | None):
    """The segmented file (as `api.compare` reads it) without its markers, and the markers."""
    from ..formats import with_source_lines
    from ..read import read_article, read_text
    from ..segment import segment

    article = read_article(path, encoding, input_format, lang=lang)
    if article.format == "text":
        text, markers = strip_markers(article.text)
    else:  # the reader dropped comments; read the markers from the file's own lines
        text, markers = article.text, strip_markers(read_text(path, encoding, lang=lang))[1]
    document = segment(text, lang, path=shown, presegmented=settings.presegmented)
    return with_source_lines(document, article), markers


def raw_findings(report: Report) -> list[RawFinding]:
    """The report's findings with their sentences, and a nearby line for a side without one."""
    near = _Neighbours(report)
    return [_raw(f, report, near) for f in report.findings]


def _raw(finding: Finding, report: Report, near: "_Neighbours") -> RawFinding:
    src_text = tuple(report.source.sentences[i].text for i in finding.src)
    tgt_text = tuple(report.target.sentences[i].text for i in finding.tgt)
    return RawFinding(
        code=finding.code,
        severity=finding.severity,
        message=finding.message,
        src_line=finding.src_line,
        tgt_line=finding.tgt_line,
        src_near=near.line("src", finding.tgt) if finding.src_line is None else None,
        tgt_near=near.line("tgt", finding.src) if finding.tgt_line is None else None,
        src_text=src_text,
        tgt_text=tgt_text,
    )


class _Neighbours:
    """For sentences of one side, the line of the closest aligned sentence on the other."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.bead_of = {
            side: {i: k for k, bead in enumerate(report.alignment) for i in getattr(bead, side)}
            for side in ("src", "tgt")
        }

    def line(self, want: str, indices: tuple[int, ...]) -> int | None:
        """A line on side `want` next to the beads holding `indices` (of the other side)."""
        have = "tgt" if want == "src" else "src"
        beads = self.report.alignment
        if not indices or indices[0] not in self.bead_of[have]:
            return None
        doc = self.report.source if want == "src" else self.report.target
        first = self.bead_of[have][indices[0]]
        for k in range(first - 1, -1, -1):  # after the sentence before, where it would go
            if getattr(beads[k], want):
                return doc.sentences[getattr(beads[k], want)[-1]].line
        for k in range(first + 1, len(beads)):
            if getattr(beads[k], want):
                return doc.sentences[getattr(beads[k], want)[0]].line
        return None


def _missing(
    pair: Pair, has_original: bool, has_translation: bool, translation: Path, encoding: str | None
) -> PairOutcome:
    findings = []
    if not has_translation:
        message = f"{pair.original} has no translation: {pair.translation} does not exist"
        findings.append(RawFinding(MISSING_TRANSLATION, rule(MISSING_TRANSLATION).severity, message))
    if not has_original:
        message = f"{pair.translation} has no original: {pair.original} does not exist"
        findings.append(RawFinding(MISSING_ORIGINAL, rule(MISSING_ORIGINAL).severity, message))
    markers = _markers_of(translation, encoding) if has_translation else []
    return PairOutcome(
        pair,
        tuple(findings),
        tuple(markers),
        compared=False,
        has_original=has_original,
        has_translation=has_translation,
    )


def _markers_of(path: Path, encoding: str | None) -> list:
    from ..read import read_text

    try:
        return strip_markers(read_text(path, encoding))[1]
    except InputError:
        return []  # the missing half is the finding; an unreadable file adds nothing


def _invalid(pair: Pair, exc: InputError, paths: tuple[Path, Path], seconds: float) -> PairOutcome:
    """The pair as one finding, its file named as the other findings name it (relative to the root)."""
    names = {str(path): name for path, name in zip(paths, (pair.original, pair.translation))}
    message = f"cannot be compared: {names.get(exc.path, exc.path)}: {exc.problem}"
    finding = RawFinding(INVALID_PAIR, rule(INVALID_PAIR).severity, message)
    return PairOutcome(pair, (finding,), seconds=seconds, compared=False)
