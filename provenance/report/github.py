"""GitHub Actions workflow commands: one annotation per finding, shown on the pull request.

`::error file=en/story.txt,line=5,title=drift.number::message` — `error`,
`warning` and `notice` follow the finding's severity. Waived findings are
not annotated. Values are escaped as the runner expects (`%`, CR, LF; and
`:` `,` in properties), so a quote in an article cannot end the command.
A plain summary line closes the output for the log.
"""

from __future__ import annotations

from typing import Any

from ..check.render import summary_line, where
from ..check.result import CheckFinding, CheckResult
from ..types import Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render_github(result: CheckResult, **_: Any) -> str:
    lines = [annotation(f) for f in result.findings if f.active]
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def annotation(finding: CheckFinding) -> str:
    properties = {"file": finding.location.path}
    if finding.location.line is not None:
        properties["line"] = str(finding.location.line)
    properties["title"] = f"{finding.code} ({finding.severity.value})"
    message = finding.message
    others = [f"{loc.role}: {where(loc)}" for loc in finding.related if loc.line is not None]
    if others:
        message += f" [{'; '.join(others)}]"
    message += f"\nAccept with <!-- provenance: ignore {finding.code} {finding.ident[:8]} --> in the translation."
    rendered = ",".join(f"{k}={_escape_property(v)}" for k, v in properties.items())
    return f"::{COMMANDS[finding.severity]} {rendered}::{_escape_data(message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")
