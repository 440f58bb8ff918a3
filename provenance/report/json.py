"""JSON output: a versioned, documented schema (see README, "JSON output").

Indices are 0-based sentence indices of each side (with --presegmented, line
indices); `line` fields are 1-based. Bump SCHEMA on any incompatible change.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from ..types import Bead, Document, Finding, Reason, Report

SCHEMA = "provenance.report/1"


def report_dict(report: Report, fail_on: str | None = None) -> dict[str, Any]:
    worst = report.worst()
    return {
        "schema": SCHEMA,
        "signature": report.signature,
        "source": _document(report.source),
        "target": _document(report.target),
        "alignment": [_bead(b) for b in report.alignment],
        "findings": [_finding(f) for f in report.findings],
        "credits": report.credits,
        "summary": {
            "counts": report.counts(),
            "findings": len(report.findings),
            "worst": worst.value if worst else None,
        },
        "timings": {stage: round(seconds, 4) for stage, seconds in report.timings.items()},
    }


def render_json(report: Report, **_: Any) -> str:
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def _document(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "lang": doc.lang,
        "passages": [
            {"index": p.index, "line": p.line, "start": p.start, "end": p.end, "sentences": list(p.sentences)}
            for p in doc.passages
        ],
        "sentences": [
            {
                "index": s.index,
                "text": s.text,
                "passage": s.passage,
                "start": s.start,
                "end": s.end,
                "line": s.line,
                "role": s.role.value,
            }
            for s in doc.sentences
        ],
    }


def _bead(bead: Bead) -> dict[str, Any]:
    return {
        "src": list(bead.src),
        "tgt": list(bead.tgt),
        "status": bead.status.value,
        "score": bead.score,
        "reasons": [_reason(r) for r in bead.reasons],
    }


def _reason(reason: Reason) -> dict[str, Any]:
    return {
        "code": reason.code,
        "message": reason.message,
        "severity": reason.severity.value,
        "evidence": [asdict(e) for e in reason.evidence],
    }


def _finding(finding: Finding) -> dict[str, Any]:
    out = asdict(finding)
    out["severity"] = finding.severity.value
    out["src"], out["tgt"] = list(finding.src), list(finding.tgt)
    return out
