"""Text and JSON output of a check run; SARIF, JUnit and GitHub are in `provenance.report`.

Text is what linters print: grouped by pair, one line per finding starting
with `file:line:`, so editors and terminals can jump to it, then one summary
line and the signature. Waived findings are counted, not listed (JSON and
SARIF list them, marked as suppressed).
"""

from __future__ import annotations

import json
import re
from typing import Any, Callable

from .result import CheckFinding, CheckResult, Location, PairResult
from .waivers import SHORT_ID, marker_text

CHECK_SCHEMA = "provenance.check/1"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMATS = ("text", "json", "sarif", "junit", "github")


def render_check(result: CheckResult, fmt: str) -> str:
    return renderer(fmt)(result)


def renderer(fmt: str) -> Callable[[CheckResult], str]:
    if fmt == "text":
        return render_text
    if fmt == "json":
        return render_json
    if fmt == "sarif":
        from ..report.sarif import render_sarif

        return render_sarif
    if fmt == "junit":
        from ..report.junit import render_junit

        return render_junit
    if fmt == "github":
        from ..report.github import render_github

        return render_github
    from ..errors import ConfigError

    raise ConfigError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


# -- text ------------------------------------------------------------------------------
def render_text(result: CheckResult) -> str:
    lines: list[str] = []
    for pair in result.pairs:
        active = pair.active
        if not active:
            continue
        lines.append(_pair_header(pair))
        lines.extend(f"  {finding_line(f)}" for f in active)
        lines.append("")
    lines.append(summary_line(result))
    if result.stats:
        lines.append(work_line(result))
    if any(f.active for f in result.findings):
        lines.append(
            "To accept a finding, put <!-- provenance: ignore CODE ID --> in the translation "
            "(ID as printed), or record all current findings with --write-baseline."
        )
    lines.append("|".join(f"{k}:{v}" for k, v in result.signature.items()))
    return "\n".join(lines) + "\n"


def _pair_header(pair: PairResult) -> str:
    return f"{pair.pair.translation} (original: {pair.pair.original})"


def finding_line(finding: CheckFinding) -> str:
    """`path:line: severity code: message [other side, id]`, one line."""
    notes = [f"{loc.role} {where(loc)}" for loc in finding.related if loc.line is not None]
    if not finding.location.exact and finding.location.line is not None:
        notes.insert(0, "nearest line")
    notes.append(f"id {finding.ident[:SHORT_ID]}")
    return (
        f"{where(finding.location)}: {finding.severity.value} {finding.code}: "
        f"{_one_line(finding.message)} [{', '.join(notes)}]"
    )


def where(location: Location) -> str:
    return f"{location.path}:{location.line}" if location.line is not None else location.path


def summary_line(result: CheckResult) -> str:
    s = result.summary()
    pairs = f"{s['pairs']} pair{'s' * (s['pairs'] != 1)} checked"
    severities = ", ".join(f"{n} {level}" for level, n in s["by_severity"].items() if n)
    found = f"{s['findings']} finding{'s' * (s['findings'] != 1)}" + (f" ({severities})" if severities else "")
    parts = [pairs, found]
    waived = s["waived"]
    if waived["baseline"] or waived["inline"]:
        total = waived["baseline"] + waived["inline"]
        parts.append(f"{total} waived ({waived['baseline']} baseline, {waived['inline']} inline)")
    if s["baseline_unused"]:
        parts.append(f"{s['baseline_unused']} baseline entries match nothing (rewrite with --write-baseline)")
    fail_on = "never" if result.fail_on == "never" else f"{result.fail_on} or worse"
    verdict = (
        f"FAILED: {s['failing']} at {fail_on} in {s['failed_pairs']} pair{'s' * (s['failed_pairs'] != 1)}"
        if result.failed
        else f"passed (fails on {fail_on})"
    )
    return f"{' · '.join(parts)} — {verdict}"


def work_line(result: CheckResult) -> str:
    """How the run got its answers: what the caches saved, workers, time."""
    stats = result.stats
    parts = [f"{stats.get('compared', 0)} compared", f"{stats.get('from_result_cache', 0)} from the result cache"]
    encoded, hits = stats.get("embedding_misses", 0), stats.get("embedding_hits", 0)
    if encoded or hits:
        parts.append(f"{encoded} embeddings computed, {hits} read from the cache")
    workers = stats.get("workers", 1)
    parts.append(f"{workers} worker{'s' * (workers != 1)}, {result.elapsed:.1f} s")
    return " · ".join(parts)


def _one_line(text: str) -> str:
    """No line breaks or control characters from an article in a one-line finding."""
    return " ".join(_CONTROL.sub("", text).split())


# -- JSON ---------------------------------------------------------------------------------
def render_json(result: CheckResult) -> str:
    return json.dumps(check_dict(result), ensure_ascii=False, indent=2) + "\n"


def check_dict(result: CheckResult) -> dict[str, Any]:
    return {
        "schema": CHECK_SCHEMA,
        "signature": result.signature,
        "root": result.root,
        "fail_on": result.fail_on,
        "baseline": result.baseline,
        "summary": result.summary(),
        "pairs": [_pair(p) for p in result.pairs],
        "stats": {**result.stats, "seconds": round(result.elapsed, 3)},
    }


def _pair(pair: PairResult) -> dict[str, Any]:
    return {
        "original": pair.pair.original,
        "translation": pair.pair.translation,
        "found_by": pair.pair.found_by,
        "status": pair.status,
        "compared": pair.compared,
        "cached": pair.cached,
        "counts": pair.counts,
        "seconds": round(pair.seconds, 4),
        "findings": [finding_dict(f) for f in pair.findings],
    }


def finding_dict(finding: CheckFinding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "its": finding.its,
        "message": finding.message,
        "location": _location(finding.location),
        "related": [_location(loc) for loc in finding.related],
        "id": finding.ident[:SHORT_ID],
        "fingerprint": finding.fingerprint,
        "fails": finding.fails,
        "waived": finding.waived or None,
        "waiver_reason": finding.waiver_reason or None,
        "waiver": marker_text(finding.code, finding.ident),
    }


def _location(location: Location) -> dict[str, Any]:
    return {"path": location.path, "line": location.line, "exact": location.exact, "role": location.role}
