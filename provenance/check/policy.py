"""From what the pipeline found to what fails the run.

Applied to every pair's outcome, in order: codes to ignore, per-code
severities, inline markers, then the baseline, then the failing severity and
codes. Unreadable and unused inline markers are findings too, so a typo in a
marker or a waiver outlived by an edit is visible rather than silent.
"""

from __future__ import annotations

from typing import Iterable

from .codes import INVALID_WAIVER, UNUSED_WAIVER, rule
from .config import CheckConfig
from .result import CheckFinding, Location, PairOutcome, PairResult, RawFinding
from .waivers import Baseline, Marker, finding_id, fingerprint


def judge(outcomes: Iterable[PairOutcome], config: CheckConfig, baseline: Baseline | None) -> list[PairResult]:
    return [judge_pair(outcome, config, baseline) for outcome in outcomes]


def judge_pair(outcome: PairOutcome, config: CheckConfig, baseline: Baseline | None) -> PairResult:
    markers = list(outcome.markers)
    used: set[int] = set()
    findings = []
    for raw in outcome.findings:
        finding = _judged(raw, outcome, config, baseline, markers, used)
        if finding is not None:
            findings.append(finding)
    for raw in _marker_findings(markers, used):
        finding = _judged(raw, outcome, config, baseline, [], set())
        if finding is not None:
            findings.append(finding)
    return PairResult(
        pair=outcome.pair,
        findings=tuple(findings),
        counts=outcome.counts,
        seconds=outcome.seconds,
        compared=outcome.compared,
        cached=outcome.cached,
    )


def _judged(
    raw: RawFinding,
    outcome: PairOutcome,
    config: CheckConfig,
    baseline: Baseline | None,
    markers: list[Marker],
    used: set[int],
) -> CheckFinding | None:
    if config.is_ignored_code(raw.code):
        return None
    severity = config.severity_of(raw.code, raw.severity)
    ident = finding_id(raw.code, raw.src_text, raw.tgt_text)
    key = fingerprint(ident, outcome.pair.translation)
    waived, reason = "", ""
    for index, marker in enumerate(markers):
        if index not in used and marker.waives(raw.code, ident):
            used.add(index)
            waived, reason = "inline", marker.reason
            break
    if not waived and baseline is not None and baseline.take(key):
        waived = "baseline"
    location, related = _locations(raw, outcome)
    return CheckFinding(
        code=raw.code,
        severity=severity,
        message=raw.message,
        its=rule(raw.code).its,
        location=location,
        related=related,
        ident=ident,
        fingerprint=key,
        waived=waived,
        waiver_reason=reason,
        fails=not waived and config.fails(raw.code, severity),
    )


def _marker_findings(markers: list[Marker], used: set[int]) -> list[RawFinding]:
    out = []
    for index, marker in enumerate(markers):
        if marker.problem:
            message = f"inline waiver cannot be read: {marker.problem}"
            out.append(_marker_finding(INVALID_WAIVER, message, marker))
        elif index not in used:
            message = (
                f"inline waiver for {marker.code} {marker.ident} matches no finding: "
                "the sentences changed or the finding is gone; update or remove the marker"
            )
            out.append(_marker_finding(UNUSED_WAIVER, message, marker))
    return out


def _marker_finding(code: str, message: str, marker: Marker) -> RawFinding:
    what = f"line {marker.line}: {marker.code} {marker.ident} {marker.problem}"
    return RawFinding(code, rule(code).severity, message, tgt_line=marker.line, tgt_text=(what,))


def _locations(raw: RawFinding, outcome: PairOutcome) -> tuple[Location, tuple[Location, ...]]:
    """Where to fix it (the translation when it has a line) and the other side."""
    pair = outcome.pair
    translation = Location(pair.translation, raw.tgt_line or raw.tgt_near, raw.tgt_line is not None, "translation")
    original = Location(pair.original, raw.src_line or raw.src_near, raw.src_line is not None, "original")
    if not outcome.has_translation:
        return original, ()
    if not outcome.has_original:
        return translation, ()
    if translation.line is None and original.line is not None:
        return original, (translation,)
    return translation, ((original,) if original.line is not None else ())
