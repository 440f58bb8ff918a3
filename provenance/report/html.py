"""HTML output: a page an editor reads, original and translation side by side.

One self-contained file per page (inline style, script and image, no external
fonts or links), so it opens from disk, offline, from a CI artefact or a mail.
Every piece of article text is escaped segment by segment; evidence spans are
wrapped in `<mark>` between escaped segments, never spliced into raw text. A
Content-Security-Policy allows only the page's own scripts (by hash), so even
a slip in escaping could not run anything.

    render_html(report, similarity=S)   # S: (content sentences of the original, of the translation)
    render_index(entries)               # one line per pair, linking its page
    write_html_dir(directory, pairs)    # both, for `provenance check --html-dir`
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from ..codes import MOVED
from ..types import Bead, Document, Evidence, Report, Severity, Status
from .html_assets import EARLY_SCRIPT, SCRIPT, STYLE, heat_png

_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_EMPTY = {"src": "not in the original", "tgt": "not translated"}
_MAP_WIDTH = 300
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
_SLUG = re.compile(r"[^A-Za-z0-9]+")


# ----------------------------------------------------------------------------- pages


def render_html(
    report: Report,
    *,
    similarity: Any = None,
    problems_only: bool = False,
    title: str | None = None,
    **_: Any,
) -> str:
    """One report as a self-contained page.

    `similarity` is the cosine similarity of the content sentences, shape
    (len(source.content()), len(target.content())) — or of all sentences —
    and draws the heat map; without it the map shows the path alone.
    """
    if similarity is None:
        similarity = getattr(report, "similarity", None)
    title = title or f"{_name(report.source.path)} → {_name(report.target.path)}"
    body = "\n".join(
        (
            _page_header(report, title),
            _toolbar(report, problems_only),
            '<main class="wrap">',
            _overview(report, similarity),
            _bead_table(report),
            "</main>",
            _page_footer(report),
        )
    )
    return _document(f"{title} — provenance", body)


def render_index(entries: Sequence[dict]) -> str:
    """An index of compared pairs: counts, findings, worst severity, a link to each page.

    Each entry: {"title", "href" (relative to the index), "counts": {status: n},
    "worst": severity or None, "findings": n}; "error": message for a pair that
    could not be compared (it is listed, without counts).
    """
    problems = sum(1 for e in entries if _entry_has_problems(e))
    totals = {s.value: sum(int((e.get("counts") or {}).get(s.value, 0)) for e in entries) for s in Status}
    head = [
        '<header class="page wrap">',
        f"<h1>{len(entries)} pair{'s' * (len(entries) != 1)} compared</h1>",
        f'<p class="files">{problems} with problems · {len(entries) - problems} without</p>',
        "</header>",
        '<div class="toolbar"><div class="wrap">',
        _status_counts(totals, "Sentence groups by status, all pairs"),
        _controls(False, "Show only pairs with problems"),
        "</div></div>",
    ]
    table = [
        '<main class="wrap">',
        '<table class="pairs"><caption class="sr-only">Pairs compared</caption><thead><tr>',
        '<th scope="col">pair</th>',
        *(f'<th scope="col">{s.value}</th>' for s in Status),
        '<th scope="col">findings</th><th scope="col">worst</th>',
        "</tr></thead><tbody>",
        *(_index_row(n, entry) for n, entry in enumerate(entries)),
        "</tbody></table></main>",
    ]
    return _document("provenance — pairs compared", "\n".join(head + table))


def index_entry(report: Report, href: str, title: str | None = None) -> dict:
    """What `render_index` needs to know about one report."""
    worst = report.worst()
    return {
        "title": title or f"{report.source.path} → {report.target.path}",
        "href": href,
        "counts": report.counts(),
        "worst": worst.value if worst else None,
        "findings": len(report.findings),
    }


def write_html_dir(
    directory: str | Path,
    pairs: Iterable[tuple[str, Report | str]],
    *,
    similarities: dict[str, Any] | None = None,
) -> Path:
    """Write a page per pair and `index.html` into `directory`; return the index path.

    `pairs` are (title, report) or (title, error message) for a pair that could
    not be compared. Page names are numbered, so equal titles cannot collide.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    entries = []
    for number, (title, outcome) in enumerate(pairs, start=1):
        if isinstance(outcome, str):
            entries.append({"title": title, "href": None, "counts": {}, "worst": None, "findings": 0, "error": outcome})
            continue
        href = f"{number:03d}-{_slug(title)}.html"
        similarity = (similarities or {}).get(title)
        page = render_html(outcome, similarity=similarity, title=title)
        (directory / href).write_text(page, encoding="utf-8")
        entries.append(index_entry(outcome, href, title))
    index = directory / "index.html"
    index.write_text(render_index(entries), encoding="utf-8")
    return index


# ----------------------------------------------------------------------------- page frame


def _document(title: str, body: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_content_security_policy()}">\n'
        '<meta name="generator" content="provenance">\n'
        f"<title>{escape(title)}</title>\n<style>{STYLE}</style>\n<script>{EARLY_SCRIPT}</script>\n"
        f"</head>\n<body>\n{body}\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


@lru_cache(maxsize=1)
def _content_security_policy() -> str:
    hashes = " ".join(f"'sha256-{_sha256(script)}'" for script in (EARLY_SCRIPT, SCRIPT))
    return (
        f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _page_header(report: Report, title: str) -> str:
    src, tgt = report.source, report.target
    return (
        '<header class="page wrap">'
        f"<h1>{escape(title)}</h1>"
        f'<p class="files">original <b>{escape(src.path)}</b> ({escape(src.lang)}, {_sentences(src)}) → '
        f"translation <b>{escape(tgt.path)}</b> ({escape(tgt.lang)}, {_sentences(tgt)})</p>"
        "</header>"
    )


def _sentences(doc: Document) -> str:
    content = len(doc.content())
    return f"{content} sentence{'s' * (content != 1)} compared of {len(doc.sentences)}"


def _toolbar(report: Report, problems_only: bool) -> str:
    counts = report.counts()
    return (
        '<div class="toolbar"><div class="wrap">'
        + _status_counts(counts, "Sentence groups by status")
        + _severity_counts(report)
        + f'<p class="verdict">{escape(_verdict(report))}</p>'
        + _controls(problems_only, "Show only problems")
        + _status_bar(counts)
        + "</div></div>"
    )


def _status_counts(counts: dict[str, int], label: str) -> str:
    items = "".join(
        f'<li class="count st-{s.value}" data-status="{s.value}" data-count="{counts.get(s.value, 0)}">'
        f"<b>{counts.get(s.value, 0)}</b> {s.value}</li>"
        for s in Status
    )
    return f'<ul class="counts" aria-label="{escape(label)}">{items}</ul>'


def _severity_counts(report: Report) -> str:
    by_severity = {s: sum(1 for f in report.findings if f.severity is s) for s in _SEVERITIES}
    items = "".join(
        f'<li class="sevcount sev-{s.value}" data-severity="{s.value}" data-count="{n}"><b>{n}</b> {s.value}</li>'
        for s, n in by_severity.items()
    )
    return f'<ul class="severities" aria-label="Findings by severity">{items}</ul>'


def _verdict(report: Report) -> str:
    count, worst = len(report.findings), report.worst()
    return "no problems" if not count else f"{count} finding{'s' * (count != 1)}, worst: {worst.value}"


def _controls(problems_only: bool, label: str) -> str:
    checked = " checked" if problems_only else ""
    return (
        '<div class="controls">'
        f'<label><input type="checkbox" id="problems-only"{checked}>{escape(label)}</label>'
        '<button type="button" data-move="-1" title="Previous problem (k or p)">◀ previous</button>'
        '<button type="button" data-move="1" title="Next problem (j or n)">next ▶</button>'
        '<output class="position" id="position" aria-live="polite"></output>'
        '<span class="keys muted"><kbd>j</kbd>/<kbd>k</kbd> next/previous problem</span>'
        "</div>"
    )


def _status_bar(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    if not total:
        return ""
    rects, x = [], 0
    for status in Status:
        n = counts.get(status.value, 0)
        if n:
            rects.append(f'<rect class="st-{status.value}" x="{x}" y="0" width="{n}" height="1" fill="var(--c)"/>')
            x += n
    label = ", ".join(f"{counts.get(s.value, 0)} {s.value}" for s in Status)
    return (
        f'<svg class="bar" viewBox="0 0 {total} 1" preserveAspectRatio="none" role="img" '
        f'aria-label="{escape(label)}">{"".join(rects)}</svg>'
    )


def _page_footer(report: Report) -> str:
    signature = "|".join(f"{k}:{v}" for k, v in report.signature.items())
    timings = " · ".join(f"{stage} {seconds:.2f} s" for stage, seconds in report.timings.items())
    parts = ['<footer class="page wrap">', f'<p class="mono">{escape(signature)}</p>']
    if timings:
        parts.append(f"<p>{escape(timings)}</p>")
    parts.append("</footer>")
    return "".join(parts)


# ----------------------------------------------------------------------------- overview


def _overview(report: Report, similarity: Any) -> str:
    lookup = _BeadLookup(report)
    return (
        '<section class="overview" aria-label="Overview">'
        f'<div class="card">{_alignment_map(report, similarity)}</div>'
        f'<div class="card"><h2>Findings</h2>{_findings(report, lookup)}</div>'
        f'<div class="card">{_credits(report, lookup)}</div>'
        "</section>"
    )


class _BeadLookup:
    """Which bead holds a sentence, so findings and credits can link to its row."""

    def __init__(self, report: Report) -> None:
        self.src: dict[int, int] = {}
        self.tgt: dict[int, int] = {}
        for number, bead in enumerate(report.alignment):
            for i in bead.src:
                self.src.setdefault(i, number)
            for j in bead.tgt:
                self.tgt.setdefault(j, number)

    def row(self, src: Sequence[int], tgt: Sequence[int]) -> int | None:
        for i in src:
            if i in self.src:
                return self.src[i]
        for j in tgt:
            if j in self.tgt:
                return self.tgt[j]
        return None


def _findings(report: Report, lookup: _BeadLookup) -> str:
    if not report.findings:
        return '<p class="muted">No findings: every sentence is accounted for.</p>'
    items = []
    for finding in sorted(report.findings, key=lambda f: -f.severity.rank):
        row = lookup.row(finding.src, finding.tgt)
        where = _where(finding.src_line, finding.tgt_line)
        tip = 'title="original line → translation line"'
        link = f'<a href="#b{row}" {tip}>{where}</a>' if row is not None else f"<span {tip}>{where}</span>"
        items.append(
            f'<li class="sev-{finding.severity.value}" data-code="{escape(finding.code)}">'
            f'<span class="sev">{finding.severity.value}</span> {link} <code>{escape(finding.code)}</code> '
            f"{escape(finding.message)}</li>"
        )
    return f'<ul class="findings">{"".join(items)}</ul>'


def _where(src_line: int | None, tgt_line: int | None) -> str:
    src = "–" if src_line is None else str(src_line)
    tgt = "–" if tgt_line is None else str(tgt_line)
    return f"line {src} → {tgt}"


def _credits(report: Report, lookup: _BeadLookup) -> str:
    credits = report.credits or {}
    src, tgt = credits.get("source") or {}, credits.get("target") or {}
    if not src and not tgt:
        return '<h2>Credits</h2><p class="muted">Credits were not read (one sentence per line input).</p>'
    src_roles, tgt_roles = src.get("roles") or {}, tgt.get("roles") or {}
    roles = list(dict.fromkeys([*src_roles, *tgt_roles]))
    rows = "".join(
        f'<tr><th scope="row">{escape(role.replace("_", " "))}</th>'
        f"<td>{_names(src_roles.get(role), report.source.lang)}</td>"
        f"<td>{_names(tgt_roles.get(role), report.target.lang)}</td></tr>"
        for role in roles
    )
    table = (
        '<table class="credits"><thead><tr><th scope="col">role</th>'
        f'<th scope="col">original ({escape(report.source.lang)})</th>'
        f'<th scope="col">translation ({escape(report.target.lang)})</th></tr></thead>'
        f"<tbody>{rows or '<tr><td colspan=3>none found on either side</td></tr>'}</tbody></table>"
    )
    return "<h2>Credits</h2>" + table + _cross_check(report, credits) + _credit_lines(report, src, tgt, lookup)


def _names(names: Sequence[str] | None, lang: str) -> str:
    if not names:
        return '<span class="muted">—</span>'
    return f'<span lang="{escape(lang)}">{escape(", ".join(names))}</span>'


def _cross_check(report: Report, credits: dict) -> str:
    items = []
    for match in credits.get("reporters") or []:
        same = bool(match.get("matched"))
        status = "ok" if same else "dropped"
        verdict = "same person" if same else "not the same person"
        items.append(
            f'<li class="st-{status}"><span class="badge">{"match" if same else "mismatch"}</span> '
            f"reporter {escape(str(match.get('english') or '?'))} ↔ "
            f'<span lang="{escape(report.source.lang)}">{escape(str(match.get("korean") or "?"))}</span>: '
            f'{verdict} <span class="muted">(confidence {float(match.get("confidence") or 0):.2f}, '
            f"{escape(str(match.get('how') or ''))})</span></li>"
        )
    for finding in report.findings:
        if finding.code.startswith("credit."):
            items.append(
                f'<li class="sev-{finding.severity.value}"><span class="sev">{finding.severity.value}</span> '
                f"{escape(finding.message)}</li>"
            )
    if not items:
        items.append('<li class="st-ok"><span class="badge">ok</span> the credits agree</li>')
    return f'<ul class="crosscheck" aria-label="Credit cross-check">{"".join(items)}</ul>'


def _credit_lines(report: Report, src: dict, tgt: dict, lookup: _BeadLookup) -> str:
    items = []
    for side, info, doc in (("src", src, report.source), ("tgt", tgt, report.target)):
        for credit in info.get("credits") or []:
            sentence = credit.get("sentence")
            row = lookup.row([sentence] if side == "src" else [], [sentence] if side == "tgt" else [])
            text = f'<span lang="{escape(doc.lang)}">{escape(str(credit.get("text", "")))}</span>'
            where = f"line {credit.get('line')}"
            anchor = f'<a href="#b{row}">{escape(where)}</a>' if row is not None else escape(where)
            items.append(f"<li>{escape(str(credit.get('role', '')))} · {anchor}: {text}</li>")
    if not items:
        return ""
    return f"<details><summary>credit lines as read</summary><ul>{''.join(items)}</ul></details>"


# ----------------------------------------------------------------------------- alignment map


def _alignment_map(report: Report, similarity: Any) -> str:
    """The similarity of every content sentence pair, with the alignment path on top."""
    src_pos = {s.index: k for k, s in enumerate(report.source.content())}
    tgt_pos = {s.index: k for k, s in enumerate(report.target.content())}
    rows, cols = len(src_pos), len(tgt_pos)
    heading = "<h2>Alignment map</h2>"
    if not rows or not cols:
        return heading + '<p class="muted">One side has no sentences to compare.</p>'
    matrix = _content_matrix(report, similarity, src_pos, tgt_pos)
    height = max(120, min(2 * _MAP_WIDTH, round(_MAP_WIDTH * rows / cols)))
    opening = (
        f'<svg class="heat" viewBox="0 0 {cols} {rows}" width="{_MAP_WIDTH}" height="{height}" '
        'preserveAspectRatio="none" role="img" aria-labelledby="map-title">'
        f'<title id="map-title">{rows} original sentences (rows) against {cols} translation sentences (columns)</title>'
    )
    parts = [opening]
    if matrix is not None:
        data = base64.b64encode(heat_png(matrix)).decode("ascii")
        parts.append(
            f'<image href="data:image/png;base64,{data}" x="0" y="0" width="{cols}" height="{rows}" '
            'preserveAspectRatio="none"/>'
        )
    parts.extend(_path_segments(report, src_pos, tgt_pos, with_blocks=matrix is None))
    parts.append("</svg>")
    return heading + _figure("".join(parts), report, matrix is not None)


def _content_matrix(report: Report, similarity: Any, src_pos: dict, tgt_pos: dict):
    """The similarity restricted to content sentences, or None when absent or of another shape."""
    if similarity is None:
        return None
    import numpy as np

    matrix = np.asarray(similarity, dtype=np.float32)
    if matrix.ndim != 2:
        return None
    if matrix.shape == (len(src_pos), len(tgt_pos)):
        return matrix
    if matrix.shape == (len(report.source.sentences), len(report.target.sentences)):
        return matrix[np.ix_(list(src_pos), list(tgt_pos))]
    return None


def _path_segments(report: Report, src_pos: dict, tgt_pos: dict, *, with_blocks: bool) -> list[str]:
    """Diagonal steps for matched beads, vertical for dropped, horizontal for added."""
    out, row, col = [], 0, 0
    for number, bead in enumerate(report.alignment):
        rows = [src_pos[i] for i in bead.src if i in src_pos]
        cols = [tgt_pos[j] for j in bead.tgt if j in tgt_pos]
        if not rows and not cols:
            continue
        y0, y1 = (min(rows), max(rows) + 1) if rows else (row, row)
        x0, x1 = (min(cols), max(cols) + 1) if cols else (col, col)
        status = bead.status.value
        tip = f"{_lines(report, bead)} {status}" + (f" ({bead.score:.2f})" if rows and cols else "")
        block = ""
        if with_blocks and rows and cols:
            opacity = max(0.08, min(1.0, bead.score))
            block = (
                f'<rect class="block st-{status}" x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" '
                f'fill-opacity="{opacity * 0.45:.2f}"/>'
            )
        out.append(
            f'<a href="#b{number}" tabindex="-1">{block}<line class="seg st-{status}" x1="{x0}" y1="{y0}" '
            f'x2="{x1}" y2="{y1}" vector-effect="non-scaling-stroke"><title>{escape(tip)}</title></line></a>'
        )
        row, col = max(row, y1), max(col, x1)
    return out


def _figure(svg: str, report: Report, has_heat: bool) -> str:
    legend = [
        '<li class="st-ok">ok</li><li class="st-drifted">drifted</li>',
        '<li class="st-dropped">dropped ↓</li><li class="st-added">added →</li>',
    ]
    if has_heat:
        legend.insert(0, '<li class="heat">similar</li>')
    explain = (
        "Darker cells are more similar sentence pairs; bright cells away from the line are passages moved or repeated. "
        if has_heat
        else "Similarity of each sentence group is the shade of its box. "
    )
    return (
        '<figure class="map">'
        f'<div class="axis"><span>translation ({escape(report.target.lang)}) →</span></div>{svg}'
        f'<ul class="legend">{"".join(legend)}</ul>'
        f"<figcaption><details><summary>How to read it</summary>Rows: original "
        f"({escape(report.source.lang)}), top to bottom; columns: translation. {explain}The line is the "
        "alignment: diagonal steps are matched sentences, vertical steps sentences dropped, horizontal steps "
        "sentences added. Click a step to go to its row.</details></figcaption></figure>"
    )


# ----------------------------------------------------------------------------- bead table


def _bead_table(report: Report) -> str:
    src_lang, tgt_lang = escape(report.source.lang), escape(report.target.lang)
    evidence = _evidence_by_sentence(report)
    groups = []
    for group in _passage_groups(report):
        rows = "".join(_bead_row(report, number, evidence) for number in group)
        groups.append(f"<tbody>{rows}</tbody>")
    empty = '<tbody><tr><td colspan="4" class="muted">No sentences.</td></tr></tbody>' if not groups else ""
    return (
        '<table class="beads" id="alignment">'
        f"<caption>Alignment: one row per sentence group, {len(report.alignment)} rows, passages separated</caption>"
        '<colgroup><col class="ln"><col class="src"><col class="tgt"><col class="why"></colgroup>'
        '<thead><tr><th scope="col">line</th>'
        f'<th scope="col">original ({src_lang})</th><th scope="col">translation ({tgt_lang})</th>'
        '<th scope="col">status and reasons</th></tr></thead>'
        f"{''.join(groups)}{empty}</table>"
    )


def _passage_groups(report: Report) -> list[list[int]]:
    """Bead numbers grouped by passage: a new group whenever either side starts a new passage."""
    groups: list[list[int]] = []
    last_src = last_tgt = None
    for number, bead in enumerate(report.alignment):
        src = report.source.sentences[bead.src[0]].passage if bead.src else last_src
        tgt = report.target.sentences[bead.tgt[0]].passage if bead.tgt else last_tgt
        if not groups or (bead.src and src != last_src) or (bead.tgt and tgt != last_tgt):
            groups.append([])
        groups[-1].append(number)
        last_src, last_tgt = src, tgt
    return groups


def _bead_row(report: Report, number: int, evidence: dict) -> str:
    bead = report.alignment[number]
    status = bead.status.value
    severity = bead.severity.value if bead.severity and bead.status.is_problem else ""
    problem = "1" if bead.status.is_problem else "0"
    focus = ' tabindex="0"' if bead.status.is_problem else ' tabindex="-1"'
    lines = _lines(report, bead)
    return (
        f'<tr id="b{number}" class="item bead st-{status}" data-status="{status}" data-problem="{problem}" '
        f'data-severity="{severity}"{focus}>'
        f'<th scope="row" class="ln"><a href="#b{number}" title="original line : translation line">{lines}</a></th>'
        f"{_cell(report.source, bead.src, 'src', evidence)}{_cell(report.target, bead.tgt, 'tgt', evidence)}"
        f'<td class="why">{_why(bead)}</td></tr>'
    )


def _lines(report: Report, bead: Bead) -> str:
    src = str(report.source.sentences[bead.src[0]].line) if bead.src else "–"
    tgt = str(report.target.sentences[bead.tgt[0]].line) if bead.tgt else "–"
    return f"{src}:{tgt}"


def _cell(doc: Document, indices: Sequence[int], side: str, evidence: dict) -> str:
    lang = escape(doc.lang)
    if not indices:
        return f'<td class="text {side} empty"><span class="none">{_EMPTY[side]}</span></td>'
    sentences = "".join(
        f'<span class="sent" data-sentence="{i}">{_highlight(doc.sentences[i].text, evidence.get((side, i), ()))}'
        "</span>"
        for i in indices
    )
    return f'<td class="text {side}" lang="{lang}">{sentences}</td>'


def _evidence_by_sentence(report: Report) -> dict[tuple[str, int], list[tuple[Evidence, str, bool]]]:
    """Evidence spans per (side, sentence); the flag says whether they explain a problem or a note."""
    out: dict[tuple[str, int], list[tuple[Evidence, str, bool]]] = {}
    for bead in report.alignment:
        for reason in bead.reasons:
            for ev in reason.evidence:
                out.setdefault((ev.side, ev.sentence), []).append((ev, reason.code, bead.status.is_problem))
    return out


def _highlight(text: str, evidence: Iterable[tuple[Evidence, str, bool]]) -> str:
    """The sentence escaped, each evidence span in a <mark>; a span overlapping an earlier one is cut."""
    spans = sorted(span for span in (_locate(text, *item) for item in evidence) if span)
    out, pos = [], 0
    for start, end, code, problem in spans:
        start = max(start, pos)
        if start >= end:
            continue
        kind = "ev" if problem else "ev note"
        out.append(escape(text[pos:start]))
        out.append(
            f'<mark class="{kind}" data-code="{escape(code)}" title="{escape(code)}">{escape(text[start:end])}</mark>'
        )
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def _locate(text: str, ev: Evidence, code: str, problem: bool) -> tuple[int, int, str, bool] | None:
    """The span of `ev` in `text`: its offsets when they hold its text, else where its text occurs."""
    if 0 <= ev.start < ev.end <= len(text) and (not ev.text or text[ev.start : ev.end] == ev.text):
        return ev.start, ev.end, code, problem
    found = text.find(ev.text) if ev.text else -1
    return (found, found + len(ev.text), code, problem) if found >= 0 else None


def _why(bead: Bead) -> str:
    label = f'<span class="badge">{bead.status.value}</span>'
    if any(r.code == MOVED for r in bead.reasons):  # as the text report labels it
        label += ' <span class="badge moved">moved</span>'
    score = f'<span class="score" title="similarity">{bead.score:.2f}</span>' if bead.src and bead.tgt else ""
    if bead.status is Status.EXCLUDED:
        kinds = ", ".join(dict.fromkeys(r.message or r.code.split(".")[-1] for r in bead.reasons))
        return f'{label} <span class="score">{escape(kinds or "not compared")}</span>'
    reasons = "".join(
        f'<li class="sev-{r.severity.value}"><code>{escape(r.code)}</code> '
        f'<span class="sr-only">({r.severity.value})</span> {escape(r.message)}</li>'
        for r in bead.reasons
    )
    if not reasons:
        return label + score
    if bead.status.is_problem:
        return f'{label}{score}<ul class="reasons">{reasons}</ul>'
    count = len(bead.reasons)
    return (
        f'{label}{score}<details class="notes"><summary>{count} note{"s" * (count != 1)}</summary>'
        f'<ul class="reasons">{reasons}</ul></details>'
    )


# ----------------------------------------------------------------------------- index rows


def _entry_has_problems(entry: dict) -> bool:
    counts = entry.get("counts") or {}
    return (
        bool(entry.get("error"))
        or bool(entry.get("findings"))
        or any(counts.get(s.value, 0) for s in Status if s.is_problem)
    )


def _index_row(number: int, entry: dict) -> str:
    title = escape(str(entry.get("title", f"pair {number + 1}")))
    href = entry.get("href")
    if href and _SCHEME.match(str(href)):
        raise ValueError(f"index links must be relative to the index page, not {href!r}")
    name = f'<a href="{escape(str(href))}">{title}</a>' if href else title
    problem = _entry_has_problems(entry)
    if entry.get("error"):
        return (
            f'<tr id="p{number}" class="item pair failed" data-status="error" data-problem="1" tabindex="0">'
            f'<th scope="row">{name}</th><td class="failed" colspan="{len(Status) + 2}">'
            f'<span class="badge st-dropped">not compared</span> {escape(str(entry["error"]))}</td></tr>'
        )
    counts = entry.get("counts") or {}
    cells = "".join(_count_cell(s, int(counts.get(s.value, 0))) for s in Status)
    worst = entry.get("worst")
    worst_cell = f'<span class="sev sev-{escape(worst)}">{escape(worst)}</span>' if worst else "—"
    kind = "has-problems" if problem else "clean"
    return (
        f'<tr id="p{number}" class="item pair {kind}" data-status="{"problems" if problem else "clean"}" '
        f'data-problem="{int(problem)}" data-worst="{escape(worst or "")}" tabindex="{0 if problem else -1}">'
        f'<th scope="row">{name}</th>{cells}<td data-findings="{int(entry.get("findings") or 0)}">'
        f"{int(entry.get('findings') or 0)}</td><td>{worst_cell}</td></tr>"
    )


def _count_cell(status: Status, n: int) -> str:
    zero = ' class="zero"' if not n else ""
    return f'<td data-status="{status.value}" data-count="{n}"{zero}>{n}</td>'


# ----------------------------------------------------------------------------- small helpers


def _name(path: str) -> str:
    return Path(path).name or path


def _slug(title: str) -> str:
    return _SLUG.sub("-", title).strip("-").lower()[:60] or "pair"


__all__ = ["index_entry", "render_html", "render_index", "write_html_dir"]
