"""JUnit XML output of a check run: one test case per pair, for CI test dashboards.

A pair fails when it has a finding at or above the failing severity; the
failure lists those findings one per line (`file:line: severity code:
message`), lesser findings go to `system-out`. The run's signature is in the
suite's `<properties>` (`signature.<key>`), so a dashboard shows what
settings produced the numbers.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from ..check.render import finding_line
from ..check.result import CheckResult, PairResult

SUITE = "provenance check"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render_junit(result: CheckResult, **_: Any) -> str:
    cases = [_case(pair) for pair in result.pairs]
    failures = sum(1 for p in result.pairs if p.failed)
    counts = {
        "tests": str(len(result.pairs)),
        "failures": str(failures),
        "errors": "0",
        "skipped": "0",
        "time": f"{result.elapsed:.3f}",
    }
    root = ET.Element("testsuites", {"name": SUITE, **counts})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **counts})
    properties = ET.SubElement(suite, "properties")
    for key, value in result.signature.items():
        ET.SubElement(properties, "property", {"name": f"signature.{key}", "value": _clean(value)})
    suite.extend(cases)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _case(pair: PairResult) -> ET.Element:
    case = ET.Element(
        "testcase",
        {
            "classname": "provenance.check",
            "name": pair.pair.translation,
            "file": pair.pair.translation,
            "time": f"{0.0 if pair.cached else pair.seconds:.3f}",  # a cached pair took no time
        },
    )
    failing = [f for f in pair.findings if f.fails]
    others = [f for f in pair.active if not f.fails]
    if failing:
        codes = sorted({f.code for f in failing})
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": codes[0] if len(codes) == 1 else "multiple",
                "message": _clean(f"{len(failing)} finding{'s' * (len(failing) != 1)}: {', '.join(codes)}"),
            },
        )
        failure.text = _clean("\n".join(finding_line(f) for f in failing))
    if others:
        ET.SubElement(case, "system-out").text = _clean("\n".join(finding_line(f) for f in others))
    return case


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot hold are dropped (they cannot be escaped either)."""
    return _NOT_XML.sub("", text)
