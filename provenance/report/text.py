"""Terminal output: the two versions side by side, problems highlighted.

Status is shown by a word as well as a colour, so the view reads the same in
a CI log without colour. A one-line summary and the signature close it.
"""

from __future__ import annotations

import io
from typing import Any

from ..codes import MOVED
from ..types import Bead, Document, Report, Severity, Status

_STYLE = {
    Status.OK: "green",
    Status.DRIFTED: "bold yellow",
    Status.DROPPED: "bold red",
    Status.ADDED: "bold magenta",
    Status.EXCLUDED: "dim",
}
_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "dim"}


def render_text(
    report: Report,
    *,
    color: bool = False,
    width: int | None = None,
    problems_only: bool = False,
    notes: bool = False,
    **_: Any,
) -> str:
    """The report for a terminal; `notes` lists the info notes too (a name with no
    counterpart, a negation the translation renders without one), which an editor may
    want to read but a check never fails on."""
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width or 120, highlight=False)
    console.print(_header(report))
    table = _table(report, problems_only)
    if table.row_count:
        console.print(table)
    if report.findings:
        console.print(_findings(report))
    if notes and (listed := _notes(report)):
        console.print(listed)
    if report.credits:
        console.print(_credits(report))
    console.print(summary_line(report))
    console.print(f"[dim]{signature_line(report)}[/dim]", soft_wrap=True)
    return buffer.getvalue()


def summary_line(report: Report) -> str:
    counts = report.counts()
    parts = [f"{counts[s.value]} {s.value}" for s in Status if counts[s.value] or s is not Status.EXCLUDED]
    worst = report.worst()
    count = len(report.findings)
    verdict = "no problems" if not count else f"{count} finding{'s' * (count != 1)}, worst: {worst.value}"
    return f"{' · '.join(parts)} — {verdict}"


def signature_line(report: Report) -> str:
    return "|".join(f"{k}:{v}" for k, v in report.signature.items())


def _header(report: Report) -> str:
    src, tgt = report.source, report.target
    return (
        f"[bold]{src.path}[/bold] ({src.lang}, {len(src.sentences)} sentences) → "
        f"[bold]{tgt.path}[/bold] ({tgt.lang}, {len(tgt.sentences)} sentences)"
    )


def _table(report: Report, problems_only: bool):
    from rich.table import Table
    from rich.text import Text

    table = Table(show_lines=False, expand=True, pad_edge=False)
    table.add_column("line", justify="right", style="dim", no_wrap=True)
    # "fold", not rich's default "ellipsis": wrapping Hangul (two cells a character) left
    # lines a cell too long, and the ellipsis then hid a character ("노동자 3천 명" read "노동자 3 … 명")
    table.add_column(f"original ({report.source.lang})", ratio=1, overflow="fold")
    table.add_column(f"translation ({report.target.lang})", ratio=1, overflow="fold")
    table.add_column("status", no_wrap=True)
    for bead in report.alignment:
        if problems_only and not bead.status.is_problem:
            continue
        style = _STYLE[bead.status]
        cell_style = style if bead.status.is_problem else ("dim" if bead.status is Status.EXCLUDED else "")
        label = Text(bead.status.value, style=style)
        if bead.status is Status.DRIFTED:
            label.append("\n" + ", ".join(_drift_kinds(bead)), style="yellow")
        if any(r.code == MOVED for r in bead.reasons):
            label.append("\nmoved", style="cyan")
        table.add_row(
            _lines(bead, report),
            Text(_side(report.source, bead.src), style=cell_style),
            Text(_side(report.target, bead.tgt), style=cell_style),
            label,
        )
    return table


def _drift_kinds(bead: Bead) -> list[str]:
    """The kinds of drift the findings list for this bead ("number", "date"), each once;
    info notes (a name with no counterpart) are left to the JSON and HTML reports."""
    kinds = [r.code.split(".")[-1] for r in bead.reasons if r.severity.rank >= Severity.WARNING.rank]
    return list(dict.fromkeys(kinds))


def _lines(bead: Bead, report: Report) -> str:
    src = str(report.source.sentences[bead.src[0]].line) if bead.src else "-"
    tgt = str(report.target.sentences[bead.tgt[0]].line) if bead.tgt else "-"
    return f"{src}:{tgt}"


def _side(doc: Document, indices: tuple[int, ...]) -> str:
    return " ".join(doc.sentences[i].text for i in indices) if indices else "—"


def _findings(report: Report) -> str:
    lines = ["", "[bold]Findings[/bold]"]
    for finding in report.findings:
        where = []
        if finding.src_line is not None:
            where.append(f"{report.source.path}:{finding.src_line}")
        if finding.tgt_line is not None:
            where.append(f"{report.target.path}:{finding.tgt_line}")
        style = _SEVERITY_STYLE[finding.severity]
        message = finding.message.replace("[", "\\[")
        lines.append(f"  [{style}]{finding.severity.value:<7}[/{style}] {finding.code}  [dim]{' → '.join(where)}[/dim]")
        lines.append(f"          {message}")
    lines.append("")
    return "\n".join(lines)


def _notes(report: Report) -> str:
    """The info notes of every bead, where they are, in the order of the article."""
    lines = []
    for bead in report.alignment:
        for reason in bead.reasons:
            if reason.severity is not Severity.INFO or bead.status is Status.EXCLUDED:
                continue
            where = _lines(bead, report)
            lines.append(f"  [dim]info   [/dim] {reason.code}  [dim]line {where}[/dim]")
            lines.append(f"          {reason.message.replace('[', chr(92) + '[')}")
    return "\n".join(["[bold]Notes[/bold] [dim](info: worth a look; a failure only with --fail-on info)[/dim]", *lines, ""]) if lines else ""


def _credits(report: Report) -> str:
    from ..credits.render import role_label

    lines = ["[bold]Credits[/bold]"]
    for side in ("source", "target"):
        roles = (report.credits.get(side) or {}).get("roles", {})
        text = "; ".join(f"{role_label(role)}: {', '.join(names) or '?'}" for role, names in roles.items()) or "none found"
        lines.append(f"  {side:<7} {text}".replace("[", "\\["))
    for match in report.credits.get("reporters", []):
        verdict = "same person" if match["matched"] else "NOT the same person"
        lines.append(
            f"  reporter {match['english']} ↔ {match['korean'] or '?'}: {verdict} "
            f"(confidence {match['confidence']:.2f}, {match['how']})"
        )
    lines.append("")
    return "\n".join(lines)
