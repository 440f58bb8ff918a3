"""The report's stylesheet: system fonts for Korean and English, light and dark, print.

Status is always a word in a badge; colour only repeats it. Fonts are those
already on the reader's machine (no web fonts: the page must work offline).
"""

STYLE = """
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --link: #0969da; --focus: #0969da; --mark: #ffe58f; --mark-edge: #bf8700;
  --ok: #1a7f37; --drifted: #9a6700; --dropped: #cf222e; --added: #8250df; --excluded: #6e7781;
  --tint-drifted: #fff8c5; --tint-dropped: #ffebe9; --tint-added: #fbefff; --tint-excluded: transparent;
  --error: #cf222e; --warning: #9a6700; --info: #59636e;
  --font-en: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", "Noto Sans CJK KR", sans-serif;
  --font-ko: "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", "맑은 고딕", "Noto Sans CJK KR",
    "Nanum Gothic", system-ui, sans-serif;
  --font-mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", Menlo, Consolas, "Liberation Mono", monospace;
}
@media screen and (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --link: #4493f8; --focus: #4493f8; --mark: rgba(242, 204, 96, 0.38); --mark-edge: #e3b341;
    --ok: #3fb950; --drifted: #d29922; --dropped: #f85149; --added: #a371f7; --excluded: #8b949e;
    --tint-drifted: rgba(187, 128, 9, 0.15); --tint-dropped: rgba(248, 81, 73, 0.13);
    --tint-added: rgba(163, 113, 247, 0.15);
    --error: #f85149; --warning: #d29922; --info: #9198a1;
  }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0; font: 15px/1.55 var(--font-en); -webkit-text-size-adjust: 100%; }
:lang(ko) { font-family: var(--font-ko); word-break: keep-all; line-break: strict; line-height: 1.75; }
a { color: var(--link); }
code, .mono { font-family: var(--font-mono); font-size: 0.86em; }
h1 { font-size: 1.25rem; margin: 0 0 0.15rem; overflow-wrap: anywhere; }
h2 { font-size: 1rem; margin: 0 0 0.5rem; }
.muted { color: var(--muted); }
.wrap { max-width: 1500px; margin: 0 auto; padding: 0 1rem; }
header.page { padding-top: 0.9rem; padding-bottom: 0.6rem; }
.files { margin: 0; color: var(--muted); font-size: 0.86rem; overflow-wrap: anywhere; }
.toolbar { background: var(--bg); border-bottom: 1px solid var(--line); padding: 0.45rem 0; }
@media screen and (min-width: 900px) and (min-height: 600px) { .toolbar { position: sticky; top: 0; z-index: 5; } }
.toolbar .wrap { display: flex; flex-wrap: wrap; gap: 0.4rem 1.1rem; align-items: center; }
.counts, .severities { display: flex; flex-wrap: wrap; gap: 0.35rem; margin: 0; padding: 0; list-style: none; }
.count, .sevcount { border: 1px solid var(--line); border-radius: 999px; padding: 0.05rem 0.6rem; font-size: 0.85rem;
  white-space: nowrap; }
.count b, .sevcount b { font-variant-numeric: tabular-nums; }
.count::before, .sevcount::before { content: ""; display: inline-block; width: 0.6em; height: 0.6em;
  border-radius: 50%; margin-right: 0.35em; background: var(--c, var(--muted)); }
.count[data-count="0"], .sevcount[data-count="0"] { opacity: 0.55; }
.verdict { margin: 0; font-weight: 600; font-size: 0.9rem; }
.controls { display: flex; gap: 0.5rem; align-items: center; margin-left: auto; flex-wrap: wrap; }
.controls label { cursor: pointer; font-size: 0.9rem; white-space: nowrap; }
.controls input { width: 1rem; height: 1rem; vertical-align: -0.15rem; margin: 0 0.3rem 0 0; }
button { font: inherit; font-size: 0.85rem; color: var(--fg); background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; padding: 0.15rem 0.6rem; cursor: pointer; }
button:hover { border-color: var(--muted); }
kbd { font-family: var(--font-mono); font-size: 0.78rem; border: 1px solid var(--line); border-bottom-width: 2px;
  border-radius: 4px; padding: 0 0.3em; background: var(--panel); }
.position { font-size: 0.85rem; color: var(--muted); min-width: 6.5em; font-variant-numeric: tabular-nums; }
.bar { display: block; width: 100%; height: 6px; margin-top: 0.45rem; border-radius: 3px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
tr.item:focus, tr.item:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
tr.item:target { outline: 2px dashed var(--focus); outline-offset: -2px; }

.overview { display: grid; grid-template-columns: minmax(240px, 300px) minmax(0, 1fr) minmax(260px, 380px);
  gap: 1rem; margin: 1rem 0; align-items: start; }
@media (max-width: 1000px) { .overview { grid-template-columns: 1fr; } }
.card { border: 1px solid var(--line); border-radius: 8px; padding: 0.7rem 0.85rem; background: var(--panel);
  min-width: 0; }
.card p { margin: 0.3rem 0; }
.findings { margin: 0; padding: 0; list-style: none; font-size: 0.88rem; }
.findings li { padding: 0.2rem 0; line-height: 1.45; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
.findings li:first-child { border-top: 0; }
.sev { display: inline-block; min-width: 4.6em; font-weight: 600; font-size: 0.78rem; text-transform: uppercase;
  letter-spacing: 0.02em; }
.sev-error { --c: var(--error); } .sev-warning { --c: var(--warning); } .sev-info { --c: var(--info); }
.sev { color: var(--c); }

figure.map { margin: 0; }
figure.map svg.heat { display: block; width: 100%; max-width: 420px; height: auto; max-height: 420px; background: var(--bg);
  border: 1px solid var(--line); }
svg.heat image { image-rendering: pixelated; }
figure.map figcaption { font-size: 0.78rem; color: var(--muted); margin-top: 0.3rem; line-height: 1.45; }
figure.map figcaption details { margin: 0; font-size: inherit; }
.axis { font-size: 0.75rem; color: var(--muted); display: flex; justify-content: space-between; }
svg .seg { stroke-width: 2.5; stroke-linecap: round; fill: none; }
svg .seg.st-ok { stroke: var(--fg); stroke-width: 1.6; }
svg .seg.st-drifted { stroke: var(--drifted); stroke-width: 3.5; }
svg .seg.st-dropped { stroke: var(--dropped); stroke-width: 3.5; }
svg .seg.st-added { stroke: var(--added); stroke-width: 3.5; }
svg .block { fill: var(--c); fill-opacity: 0.18; stroke: none; }
svg a:hover .seg { stroke-width: 5; }
.legend { display: flex; flex-wrap: wrap; gap: 0.2rem 0.7rem; margin: 0.3rem 0 0; padding: 0; list-style: none;
  font-size: 0.75rem; }
.legend li::before { content: ""; display: inline-block; width: 1em; height: 0.25em; vertical-align: 0.2em;
  margin-right: 0.3em; background: var(--c); }
.legend li.st-ok::before { background: var(--fg); }
.legend li.heat::before { height: 0.8em; vertical-align: -0.05em; background: rgb(59, 130, 246); }

table { border-collapse: collapse; width: 100%; }
table.credits { font-size: 0.86rem; }
table.credits th, table.credits td { text-align: left; padding: 0.2rem 0.4rem 0.2rem 0; vertical-align: top;
  border-top: 1px solid var(--line); overflow-wrap: anywhere; }
table.credits thead th { border-top: 0; color: var(--muted); font-weight: 600; }
.crosscheck { margin: 0.5rem 0 0; padding: 0; list-style: none; font-size: 0.86rem; }
.crosscheck li { padding: 0.15rem 0; }
details { font-size: 0.82rem; margin-top: 0.4rem; }
details summary { cursor: pointer; color: var(--muted); }

table.beads { table-layout: fixed; margin: 0 0 1.5rem; }
table.beads caption { text-align: left; font-weight: 600; padding: 0.3rem 0 0.5rem; }
table.beads col.ln { width: 4.6rem; } table.beads col.why { width: 17rem; }
table.beads thead th { text-align: left; font-size: 0.8rem; color: var(--muted); font-weight: 600;
  border-bottom: 2px solid var(--line); padding: 0.3rem 0.6rem; }
table.beads tbody + tbody { border-top: 2px solid var(--line); }
tr.item > * { padding: 0.45rem 0.6rem; vertical-align: top; border-top: 1px solid var(--line); }
tr.item { scroll-margin: 6rem 0 2rem; }
tr.item > th.ln { border-left: 4px solid var(--c); font-weight: 400; text-align: right; white-space: nowrap;
  font-variant-numeric: tabular-nums; font-size: 0.8rem; color: var(--muted); }
th.ln a { color: inherit; text-decoration: none; }
th.ln a:hover { text-decoration: underline; }
td.text { overflow-wrap: anywhere; }
td.text .sent + .sent::before { content: " "; }
td.empty { background: repeating-linear-gradient(135deg, transparent 0 6px, var(--line) 6px 7px); }
td.empty .none { font-size: 0.8rem; font-style: italic; color: var(--muted); background: var(--bg);
  padding: 0 0.3em; border-radius: 3px; }
.st-ok { --c: var(--ok); } .st-drifted { --c: var(--drifted); } .st-dropped { --c: var(--dropped); }
.st-added { --c: var(--added); } .st-excluded { --c: var(--excluded); } .badge.moved { --c: var(--info); }
tr.st-drifted { background: var(--tint-drifted); } tr.st-dropped { background: var(--tint-dropped); }
tr.st-added { background: var(--tint-added); }
tr.st-excluded td.text { color: var(--muted); }
.badge { display: inline-block; border: 1.5px solid var(--c); color: var(--c); border-radius: 4px; font-weight: 700;
  font-size: 0.76rem; padding: 0 0.4em; text-transform: uppercase; letter-spacing: 0.03em; background: var(--bg); }
.score { font-size: 0.78rem; color: var(--muted); margin-left: 0.35rem; font-variant-numeric: tabular-nums; }
ul.reasons { margin: 0.3rem 0 0; padding: 0; list-style: none; font-size: 0.84rem; line-height: 1.45; }
ul.reasons li { margin: 0.15rem 0; overflow-wrap: anywhere; }
ul.reasons code { color: var(--c); font-weight: 600; }
mark.ev { background: var(--mark); color: inherit; border-radius: 2px; padding: 0 0.08em;
  box-shadow: inset 0 -2px 0 var(--mark-edge); }
mark.ev.note { background: none; box-shadow: none; padding: 0; text-decoration: underline dotted var(--muted);
  text-underline-offset: 0.2em; }
details.notes { margin-top: 0.25rem; font-size: 0.8rem; }
details.notes ul.reasons { font-size: 0.8rem; color: var(--muted); }
details.notes code { color: var(--muted); }
html.problems-only tr.item[data-problem="0"],
body:has(#problems-only:checked) tr.item[data-problem="0"] { display: none; }
footer.page { border-top: 1px solid var(--line); margin-top: 1rem; padding-top: 0.8rem; padding-bottom: 2rem; font-size: 0.78rem;
  color: var(--muted); overflow-wrap: anywhere; }
footer.page p { margin: 0.2rem 0; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

table.pairs { margin: 1rem 0 2rem; font-size: 0.9rem; }
table.pairs th, table.pairs td { padding: 0.4rem 0.6rem; border-top: 1px solid var(--line); text-align: right;
  font-variant-numeric: tabular-nums; vertical-align: top; }
table.pairs thead th { color: var(--muted); font-size: 0.8rem; border-bottom: 2px solid var(--line); border-top: 0; }
table.pairs th[scope="row"], table.pairs thead th:first-child { text-align: left; font-weight: 400;
  overflow-wrap: anywhere; border-left: 4px solid var(--c); }
table.pairs td.zero { color: var(--muted); opacity: 0.6; }
tr.pair.has-problems { --c: var(--drifted); } tr.pair.clean { --c: var(--ok); } tr.pair.failed { --c: var(--dropped); }
table.pairs td.failed { text-align: left; color: var(--dropped); }

@media print {
  .toolbar { position: static; border: 0; }
  .controls, .keys { display: none !important; }
  body { font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  .overview { grid-template-columns: 1fr 1fr; }
  .card { background: none; break-inside: avoid; }
  figure.map svg.heat { max-height: 8cm; width: auto; }
  tr.item { break-inside: avoid; }
  thead { display: table-header-group; }
  mark.ev, .badge, tr.item, td.empty, .count::before, .sevcount::before {
    -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr.item:focus, tr.item:target { outline: none; }
  table.beads col.ln { width: 3.2rem; } table.beads col.why { width: 11rem; }
  tr.item > * { padding: 0.3rem 0.4rem; }
}
@page { margin: 1.4cm 1.2cm; }
"""
