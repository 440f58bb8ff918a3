"""The HTML report: structure and escaping here, behaviour in a real headless Chromium.

Structure tests parse the page with the standard library. Browser tests open
`page.html?selftest`, which makes the page check itself (rows, filter,
next/previous problem, errors) and write the results into the DOM that
`--dump-dom` prints; they skip when no `chromium` is on PATH.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import struct
import subprocess
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest

from provenance.report.html import render_html, render_index, write_html_dir
from provenance.report.html_assets import heat_png, pool_max
from provenance.types import (
    Bead,
    Document,
    Evidence,
    Finding,
    Passage,
    Reason,
    Report,
    Role,
    Sentence,
    Severity,
    Status,
)

from .conftest import FIXTURES

HOSTILE = "<script>document.title='pwned'</script><img src=x onerror=\"document.title='pwned'\"> & </td>"
OK, DRIFTED, DROPPED, ADDED, EXCLUDED = Status.OK, Status.DRIFTED, Status.DROPPED, Status.ADDED, Status.EXCLUDED


# ----------------------------------------------------------------------------- building reports by hand


@dataclass
class Row:
    """One bead to build: texts of each side, status, and evidence as (side, sentence text, snippet)."""

    src: tuple[str, ...]
    tgt: tuple[str, ...]
    status: Status = OK
    code: str = ""
    severity: Severity = Severity.WARNING
    evidence: tuple[tuple[str, str], ...] = ()  # (side, snippet found in that side's first sentence)
    offsets: tuple[int, int] | None = None  # force these offsets on every evidence item (to test fallbacks)


@dataclass
class Case:
    name: str
    rows: list[Row]
    credits: dict = field(default_factory=dict)


def build_report(case: Case) -> Report:
    """A Report with one passage per bead, findings for each problem bead."""
    src_sentences: list[Sentence] = []
    tgt_sentences: list[Sentence] = []
    beads, findings = [], []
    for row in case.rows:
        role = Role.CREDIT if row.status is EXCLUDED else Role.CONTENT
        src = _add(src_sentences, row.src, "ko", role)
        tgt = _add(tgt_sentences, row.tgt, "en", role)
        reasons = ()
        if row.code:
            evidence = tuple(
                _evidence(row, side, snippet, src, tgt, src_sentences, tgt_sentences) for side, snippet in row.evidence
            )
            reasons = (Reason(row.code, f"{row.code} here", row.severity, evidence),)
        score = 0.7 if src and tgt else 0.0
        beads.append(Bead(src, tgt, score, row.status, reasons))
        if row.status.is_problem:
            findings.append(
                Finding(
                    row.code or "x.y",
                    row.severity,
                    f"problem: {row.src or row.tgt}",
                    src,
                    tgt,
                    _line(src_sentences, src),
                    _line(tgt_sentences, tgt),
                )
            )
    return Report(
        source=_document("original/ko.txt", "ko", src_sentences),
        target=_document("translation/en.txt", "en", tgt_sentences),
        alignment=tuple(beads),
        findings=tuple(findings),
        signature={"tool": "provenance test", "odd": HOSTILE},
        credits=case.credits,
    )


def _add(sentences: list[Sentence], texts: tuple[str, ...], lang: str, role: Role) -> tuple[int, ...]:
    indices = []
    for text in texts:
        index = len(sentences)
        start = sentences[-1].end + 2 if sentences else 0
        sentences.append(Sentence(index, text, lang, index, start, start + len(text), 2 * index + 1, role))
        indices.append(index)
    return tuple(indices)


def _evidence(row, side, snippet, src, tgt, src_sentences, tgt_sentences) -> Evidence:
    index = (src if side == "src" else tgt)[0]
    text = (src_sentences if side == "src" else tgt_sentences)[index].text
    start = text.index(snippet)
    start, end = row.offsets or (start, start + len(snippet))
    return Evidence(side, index, start, end, snippet)


def _line(sentences: list[Sentence], indices: tuple[int, ...]) -> int | None:
    return sentences[indices[0]].line if indices else None


def _document(path: str, lang: str, sentences: list[Sentence]) -> Document:
    passages = tuple(Passage(s.index, s.start, s.end, s.line, (s.index,)) for s in sentences)
    return Document(path, lang, "\n\n".join(s.text for s in sentences), passages, tuple(sentences))


CREDITS = {
    "source": {
        "lang": "ko",
        "roles": {"reporter": ["김지은"]},
        "credits": [{"role": "reporter", "names": ["김지은"], "sentence": 3, "line": 7, "text": "기자 김지은"}],
    },
    "target": {
        "lang": "en",
        "roles": {"reporter": [f"Jieun Kim {HOSTILE}"], "translator": ["Daniel Cho"]},
        "credits": [],
    },
    "reporters": [
        {"english": f"Jieun Kim {HOSTILE}", "korean": "김지은", "confidence": 0.9, "how": "variant", "matched": True}
    ],
}

MIXED = Case(
    "mixed",
    [
        Row(
            ("북한이 노동자 3천 명을 보낸다.",),
            ("North Korea sends 30,000 workers.",),
            DRIFTED,
            "drift.number",
            Severity.ERROR,
            (("src", "3천 명"), ("tgt", "30,000")),
        ),
        Row(("날씨가 좋습니다.",), ("The weather is fine, see https://example.com/x.",)),
        Row((f"제목 {HOSTILE}",), (), DROPPED, "omission.sentence"),
        Row((), (f"Added & <b>bold</b> {HOSTILE}",), ADDED, "addition.sentence"),
        Row(("기자 김지은",), (), EXCLUDED, "excluded.credit", Severity.INFO),
        Row(("첫 문장입니다.", "둘째 문장입니다."), ("One sentence for two.",)),
        Row(
            ("12월 22일에 끝났다.",),
            ("It ended on Dec. 24.",),
            DRIFTED,
            "drift.date",
            Severity.ERROR,
            (("src", "12월 22일"), ("tgt", "Dec. 24")),
            offsets=(90, 99),
        ),  # stale offsets: found by text
    ],
    CREDITS,
)
CLEAN = Case("clean", [Row(("하나.",), ("One.",)), Row(("둘.",), ("Two.",))])
EMPTY = Case("empty", [])
CASES = [MIXED, CLEAN, EMPTY]


# ----------------------------------------------------------------------------- reading pages back


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None]) -> None:
        self.tag, self.attrs, self.children = tag, attrs, []

    def walk(self):
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find(self, tag: str, **attrs: str) -> list[Node]:
        return [n for n in self.walk() if n.tag == tag and all(_has(n, k, v) for k, v in attrs.items())]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


def _has(node: Node, key: str, value: str) -> bool:
    key = key.rstrip("_").replace("_", "-")
    if key == "class":
        return value in (node.attrs.get("class") or "").split()
    return value == "*" and key in node.attrs or node.attrs.get(key) == value


_VOID = {"meta", "input", "br", "col", "img", "link", "hr", "source", "wbr", "area", "base", "embed"}


class Tree(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.stack = [self.root]
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, dict(attrs)))

    def handle_endtag(self, tag):
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(page: str) -> Node:
    return Tree(page).root


def bead_rows(root: Node) -> list[Node]:
    return root.find("tr", class_="bead")


# ----------------------------------------------------------------------------- structure


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_one_row_per_bead_in_order_with_its_status(case):
    report = build_report(case)
    rows = bead_rows(parse(render_html(report)))
    assert [r.attrs["data-status"] for r in rows] == [b.status.value for b in report.alignment]
    assert [r.attrs["data-problem"] for r in rows] == [str(int(b.status.is_problem)) for b in report.alignment]
    assert len({r.attrs["id"] for r in rows}) == len(rows)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_summary_counts_match_the_report(case):
    report = build_report(case)
    root = parse(render_html(report))
    shown = {li.attrs["data-status"]: int(li.attrs["data-count"]) for li in root.find("li", class_="count")}
    assert shown == report.counts()
    severities = {li.attrs["data-severity"]: int(li.attrs["data-count"]) for li in root.find("li", class_="sevcount")}
    assert severities == {s.value: sum(f.severity is s for f in report.findings) for s in Severity}


SIDE_CELLS = [  # (row number, side cell class, placeholder text): one-sided beads show an empty cell
    (2, "tgt", "not translated"),
    (3, "src", "not in the original"),
]


@pytest.mark.parametrize("row, side, placeholder", SIDE_CELLS)
def test_dropped_and_added_sentences_face_an_empty_cell(row, side, placeholder):
    rows = bead_rows(parse(render_html(build_report(MIXED))))
    cell = [td for td in rows[row].find("td") if "text" in td.attrs["class"].split() and side in td.attrs["class"]]
    assert len(cell) == 1 and "empty" in cell[0].attrs["class"].split()
    assert cell[0].text().strip() == placeholder


def test_a_moved_sentence_is_labelled_moved_beside_its_status():
    report = build_report(
        Case("moved", [Row(("하나.",), ("One.",), OK, "order.moved", Severity.INFO), Row(("둘.",), ("Two.",))])
    )
    rows = bead_rows(parse(render_html(report)))
    assert [[b.text() for b in row.find("span", class_="badge")] for row in rows] == [["ok", "moved"], ["ok"]]


def test_article_text_is_escaped_everywhere():
    page = render_html(build_report(MIXED))
    root = parse(page)
    assert len(root.find("script")) == 2  # the page's own two
    assert not root.find("img") and not root.find("table", class_="beads")[0].find("b")
    assert not any(k.startswith("on") for n in root.walk() for k in n.attrs)
    assert page.count(HOSTILE) == 0
    assert root.find("table", class_="beads")[0].text().count(HOSTILE) == 2  # shown as text, in two rows
    assert HOSTILE in root.find("footer")[0].text()  # the signature too


URL_ATTRIBUTES = ("src", "href", "action", "formaction", "poster", "srcset", "data", "xlink:href", "background")
EXTERNAL = re.compile(r"^\s*([a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_no_external_resources(case):
    report = build_report(case)
    S = np.full((len(report.source.content()), len(report.target.content())), 0.5)
    root = parse(render_html(report, similarity=S))
    for node in root.walk():
        for name in URL_ATTRIBUTES:
            value = node.attrs.get(name)
            if value is not None and EXTERNAL.match(value):
                assert node.tag == "image" and value.startswith("data:image/png;base64,"), (node.tag, value)
    for node in root.find("style") + root.find("script"):
        assert not re.search(r"https?:|@import|url\(", node.text())


def test_the_page_allows_only_its_own_scripts():
    root = parse(render_html(build_report(MIXED)))
    policy = root.find("meta", http_equiv="Content-Security-Policy")[0].attrs["content"]
    assert "default-src 'none'" in policy
    for script in root.find("script"):
        digest = base64.b64encode(hashlib.sha256(script.text().encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in policy


EVIDENCE_MARKS = [  # row number, side, the marked snippet
    (0, "src", "3천 명"),
    (0, "tgt", "30,000"),
    (6, "src", "12월 22일"),  # the offsets given are stale; the snippet is found in the sentence
    (6, "tgt", "Dec. 24"),
]


@pytest.mark.parametrize("row, side, snippet", EVIDENCE_MARKS)
def test_evidence_is_marked_inside_the_sentence(row, side, snippet):
    rows = bead_rows(parse(render_html(build_report(MIXED))))
    cell = next(td for td in rows[row].find("td") if side in (td.attrs.get("class") or "").split())
    assert [m.text() for m in cell.find("mark")] == [snippet]
    assert snippet in cell.text()


STRAY_EVIDENCE = [  # evidence on the sentence "가나다." -> what is marked
    (Evidence("src", 0, 50, 60, "없는 말"), []),  # offsets out of range, text absent: nothing
    (Evidence("src", 0, 3, 1, ""), []),  # an empty span: nothing
    (Evidence("src", 0, 0, 2, ""), ["가나"]),  # no text to check: the offsets are trusted
    (Evidence("src", 0, 0, 1, "다."), ["다."]),  # offsets disagree with the text: the text wins
]


@pytest.mark.parametrize("evidence, marked", STRAY_EVIDENCE)
def test_evidence_is_marked_only_where_it_is_found(evidence, marked):
    report = build_report(Case("one", [Row(("가나다.",), ("abc.",))]))
    bead = Bead((0,), (0,), 0.5, DRIFTED, (Reason("drift.name", "m", Severity.WARNING, (evidence,)),))
    report = Report(report.source, report.target, (bead,), (), {})
    row = bead_rows(parse(render_html(report)))[0]
    assert [m.text() for m in row.find("mark")] == marked
    assert "가나다." in row.text()


def test_problems_only_starts_with_the_filter_on():
    for problems_only in (False, True):
        box = parse(render_html(build_report(MIXED), problems_only=problems_only)).find("input", id="problems-only")[0]
        assert ("checked" in box.attrs) is problems_only
        assert box.attrs["type"] == "checkbox"


def test_credits_and_their_cross_check_are_shown():
    root = parse(render_html(build_report(MIXED)))
    credits = root.find("table", class_="credits")[0]
    roles = [th.text() for th in credits.find("th", scope="row")]
    assert roles == ["reporter", "translator"]
    assert "김지은" in credits.text() and "Daniel Cho" in credits.text()
    assert "same person" in root.find("ul", class_="crosscheck")[0].text()


# ----------------------------------------------------------------------------- the alignment map


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def map_image(page: str) -> bytes | None:
    images = parse(page).find("image")
    if not images:
        return None
    return base64.b64decode(images[0].attrs["href"].split(",", 1)[1])


MATRIX_SHAPES = [  # (sentences per side, pooled image size)
    (5, (5, 5)),
    (200, (200, 200)),
    (450, (200, 200)),
]


@pytest.mark.parametrize("n, size", MATRIX_SHAPES)
def test_heat_map_is_an_inline_png_of_at_most_200_cells(n, size):
    case = Case("long", [Row((f"문장 {i}.",), (f"Sentence {i}.",)) for i in range(n)])
    S = np.eye(n, dtype=np.float32)
    page = render_html(build_report(case), similarity=S)
    image = map_image(page)
    assert image is not None and png_size(image) == size
    assert len(parse(page).find("line", class_="seg")) == n


def test_heat_map_accepts_a_matrix_over_all_sentences_and_ignores_other_shapes():
    report = build_report(MIXED)
    n_all, m_all = len(report.source.sentences), len(report.target.sentences)
    n, m = len(report.source.content()), len(report.target.content())
    assert map_image(render_html(report, similarity=np.zeros((n_all, m_all)))) is not None
    assert png_size(map_image(render_html(report, similarity=np.zeros((n, m))))) == (m, n)
    assert map_image(render_html(report, similarity=np.zeros((n + 3, m)))) is None


def test_the_path_steps_down_for_dropped_and_across_for_added():
    root = parse(render_html(build_report(MIXED)))
    segments = {s.attrs["class"].split()[1]: s.attrs for s in root.find("line", class_="seg")}
    dropped, added = segments["st-dropped"], segments["st-added"]
    assert dropped["x1"] == dropped["x2"] and dropped["y1"] != dropped["y2"]
    assert added["y1"] == added["y2"] and added["x1"] != added["x2"]


POOLING = [  # (shape, bright cell): a single bright cell survives max-pooling
    ((450, 450), (321, 17)),
    ((1000, 30), (999, 29)),
    ((30, 30), (0, 0)),
]


@pytest.mark.parametrize("shape, cell", POOLING)
def test_pooling_keeps_isolated_bright_cells(shape, cell):
    matrix = np.zeros(shape, dtype=np.float32)
    matrix[cell] = 0.9
    pooled = pool_max(matrix)
    assert pooled.shape == tuple(min(200, s) for s in shape)
    assert pooled.max() == pytest.approx(0.9) and (pooled > 0).sum() == 1
    assert png_size(heat_png(matrix)) == pooled.shape[::-1]


# ----------------------------------------------------------------------------- the index


ENTRIES = [
    {
        "title": "story-1 ko → en",
        "href": "001-story-1.html",
        "counts": {"ok": 30, "drifted": 2, "excluded": 3},
        "worst": "error",
        "findings": 2,
    },
    {"title": "story-2 <b>clean</b>", "href": "002-story-2.html", "counts": {"ok": 12}, "worst": None, "findings": 0},
    {"title": "story-3", "href": None, "error": "not a translation of story-3.ko.txt"},
]


def test_index_lists_every_pair_with_its_counts_and_link():
    root = parse(render_index(ENTRIES))
    rows = root.find("tr", class_="pair")
    assert [r.find("th")[0].text() for r in rows] == [e["title"] for e in ENTRIES]
    assert [a.attrs["href"] for a in root.find("a")] == ["001-story-1.html", "002-story-2.html"]
    assert [r.attrs["data-problem"] for r in rows] == ["1", "0", "1"]
    counts = {td.attrs["data-status"]: int(td.attrs["data-count"]) for td in rows[0].find("td", data_status="*")}
    assert counts == {"ok": 30, "drifted": 2, "dropped": 0, "added": 0, "excluded": 3}
    assert "not a translation" in rows[2].text()
    assert not root.find("table", class_="pairs")[0].find("b")


@pytest.mark.parametrize("href", ["https://example.com/x.html", "//example.com/x", "javascript:alert(1)"])
def test_index_refuses_links_that_leave_the_directory(href):
    with pytest.raises(ValueError):
        render_index([{"title": "x", "href": href, "counts": {}, "worst": None, "findings": 0}])


def test_write_html_dir_writes_linked_pages(tmp_path):
    index = write_html_dir(
        tmp_path / "out", [("a/b", build_report(MIXED)), ("a/b", build_report(CLEAN)), ("broken", "cannot read it")]
    )
    root = parse(index.read_text(encoding="utf-8"))
    links = [a.attrs["href"] for a in root.find("a")]
    assert len(links) == len(set(links)) == 2
    for href in links:
        assert bead_rows(parse((index.parent / href).read_text(encoding="utf-8")))
    assert "cannot read it" in root.text()


# ----------------------------------------------------------------------------- the real pipeline


@pytest.fixture(scope="module")
def fixture_page(encoder, tmp_path_factory):
    """The changed-numbers fixture as a page, with its similarity matrix."""
    from provenance.api import compare
    from provenance.embed import embed_sides

    report = compare(FIXTURES / "nk-workers/ko.txt", FIXTURES / "nk-workers/en-changed-numbers.txt", encoder=encoder)
    src, tgt = embed_sides(
        encoder, [s.text for s in report.source.content()], [s.text for s in report.target.content()]
    )
    page = render_html(report, similarity=src.single @ tgt.single.T)
    path = tmp_path_factory.mktemp("html") / "report.html"
    path.write_text(page, encoding="utf-8")
    return report, path


@pytest.mark.model
def test_fixture_page_marks_the_changed_numbers(fixture_page):
    report, path = fixture_page
    root = parse(path.read_text(encoding="utf-8"))
    rows = bead_rows(root)
    assert [r.attrs["data-status"] for r in rows] == [b.status.value for b in report.alignment]
    drifted = [r for r in rows if r.attrs["data-status"] == "drifted"]
    marked = {m.text() for r in drifted for m in r.find("mark", class_="ev")}
    assert {"3천 명", "30,000", "$180 million"} <= marked
    assert map_image(path.read_text(encoding="utf-8")) is not None


# ----------------------------------------------------------------------------- in the browser

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not on PATH (apt-get install -y chromium); browser tests skipped"
)
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    command = [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def selftest(tmp_path: Path, page: Path) -> tuple[dict, list[str]]:
    """Open `page?selftest`; its results and the console messages Chromium logged."""
    run = chromium(tmp_path, "--enable-logging=stderr", "--v=0", "--dump-dom", f"{page.as_uri()}?selftest")
    found = re.search(r'<pre id="selftest"[^>]*>(.*?)</pre>', run.stdout, re.DOTALL)
    assert found, f"no self-test results in the DOM (exit {run.returncode}): {run.stderr[-2000:]}"
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return json.loads(unescape(found.group(1))), console


def check_selftest(result: dict, console: list[str], report: Report) -> None:
    statuses = [b.status.value for b in report.alignment]
    problems = [s for s in statuses if Status(s).is_problem]
    problem_ids = [f"b{n}" for n, s in enumerate(statuses) if Status(s).is_problem]
    assert console == [] and result["errors"] == []
    assert result["statuses"] == statuses and result["visibleBefore"] == len(statuses)
    assert result["filterChecked"] is True
    assert result["visibleStatusesAfter"] == problems  # the filter hides ok and excluded rows
    assert result["visibleRestored"] == len(statuses)
    second = problem_ids[1 % len(problem_ids)]
    assert result["focus"][:3] == [problem_ids[0], second, problem_ids[0]]
    assert result["scripts"] == 2 and result["images"] == 0 and result["handlers"] == 0


@pytest.mark.browser
@needs_chromium
def test_hostile_page_runs_nothing_and_filters_in_the_browser(tmp_path):
    report = build_report(MIXED)
    page = tmp_path / "hostile.html"
    page.write_text(render_html(report), encoding="utf-8")
    result, console = selftest(tmp_path, page)
    check_selftest(result, console, report)
    assert "pwned" not in result["title"]


@pytest.mark.browser
@pytest.mark.model
@needs_chromium
def test_fixture_page_in_the_browser(fixture_page, tmp_path):
    report, page = fixture_page
    result, console = selftest(tmp_path, page)
    check_selftest(result, console, report)
    assert result["heatImage"] == 1 and result["mapSegments"] > 0


@pytest.mark.browser
@pytest.mark.model
@needs_chromium
def test_fixture_page_screenshot(fixture_page, tmp_path):
    _, page = fixture_page
    shot = tmp_path / "shot.png"
    run = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", page.as_uri())
    assert shot.is_file(), run.stderr[-2000:]
    data = shot.read_bytes()
    assert png_size(data) == (1280, 900) and len(data) > 20_000  # a page was drawn, not a blank
