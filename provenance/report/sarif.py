"""SARIF 2.1.0 output of a check run, for code-scanning dashboards (GitHub, Azure DevOps, IDEs).

One run; one rule per finding code, in a fixed order so `ruleIndex` is stable
across runs; the rule id is our code (`drift.number`) and its ITS 2.0
localization-quality issue type (omission, addition, mistranslation, …) is in
the rule's and the result's `properties.its` and tags. Each result points at
the translation (where the fix goes) with the original as a related
location; waived findings are kept with a `suppressions` entry (`inSource`
for a marker in the translation, `external` for the baseline), and the
baseline fingerprint is the result's `partialFingerprints`, so dashboards
track a finding across runs as the baseline does. The run's signature is in
`run.properties`.

Code scanning needs a line for every result: a finding about a whole file
(a missing half, a credit line missing) points at line 1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..check.codes import all_codes, rule
from ..check.result import CheckFinding, CheckResult, Location
from ..types import Severity

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
ROOT_ID = "SRCROOT"
FINGERPRINT_KEY = "provenance/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SUPPRESSION = {"inline": "inSource", "baseline": "external"}


def render_sarif(result: CheckResult, **_: Any) -> str:
    return json.dumps(sarif_log(result), ensure_ascii=False, indent=2) + "\n"


def sarif_log(result: CheckResult) -> dict[str, Any]:
    codes = all_codes()
    index = {code: i for i, code in enumerate(codes)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "provenance",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule(code) for code in codes],
                    }
                },
                "originalUriBaseIds": {ROOT_ID: {"uri": _directory_uri(result.root)}},
                "invocations": [{"executionSuccessful": True, "exitCode": result.exit_code}],
                "results": [_result(f, index) for f in result.findings],
                "properties": {"signature": result.signature, "summary": result.summary()},
            }
        ],
    }


def _rule(code: str) -> dict[str, Any]:
    entry = rule(code)
    return {
        "id": code,
        "name": "".join(part.capitalize() for part in code.replace("-", ".").split(".")),
        "shortDescription": {"text": entry.title},
        "fullDescription": {"text": f"{entry.title} (ITS 2.0 localization-quality issue type: {entry.its})."},
        "help": {
            "text": f"{entry.title}. If the difference is intended, accept it with an inline marker in the "
            f"translation, <!-- provenance: ignore {code} ID --> (ID as printed with the finding), "
            "or record it in the baseline with `provenance check --write-baseline`."
        },
        "defaultConfiguration": {"level": LEVELS[entry.severity]},
        "properties": {"its": entry.its, "tags": ["translation", f"its:{entry.its}"]},
    }


def _result(finding: CheckFinding, index: dict[str, int]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": finding.code,
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding.location, primary=True)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"its": finding.its, "id": finding.ident[:8], "fails": finding.fails},
    }
    if finding.code in index:
        out["ruleIndex"] = index[finding.code]
    related = [_location(loc, primary=False, ident=i) for i, loc in enumerate(finding.related)]
    if related:
        out["relatedLocations"] = related
    if finding.waived:
        suppression: dict[str, Any] = {"kind": _SUPPRESSION[finding.waived], "status": "accepted"}
        justification = finding.waiver_reason or ("accepted in the baseline" if finding.waived == "baseline" else "")
        if justification:
            suppression["justification"] = justification
        out["suppressions"] = [suppression]
    return out


def _location(location: Location, primary: bool, ident: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": quote(location.path), "uriBaseId": ROOT_ID}}
    line = location.line if location.line is not None else (1 if primary else None)
    if line is not None:
        physical["region"] = {"startLine": line}
    out: dict[str, Any] = {"physicalLocation": physical}
    if ident is not None:
        out["id"] = ident
    label = location.role if location.exact or location.line is None else f"{location.role} (nearest line)"
    out["message"] = {"text": label}
    return out


def _directory_uri(root: str) -> str:
    uri = Path(root).resolve().as_uri()
    return uri if uri.endswith("/") else uri + "/"
