"""Measure HTML main-text extractors on news pages written for the tests.

    python benchmarks/html_extraction.py

Pages and the passages a reader sees in them are in tests/data/html
(`NAME.html`, `NAME.expected.txt`: headline, standfirst, byline, caption,
body, credit line; never navigation, comments, share buttons or footers).
Scores per extractor, averaged over pages: word recall and precision against
the expected text, expected passages found whole, milliseconds per page, and
the cold import time in a fresh interpreter. Candidates other than ours
(trafilatura, readability-lxml, jusText, Resiliparse, boilerpy3, inscriptis)
are measured only when installed. Prints a table, then one JSON line.
"""

from __future__ import annotations

import importlib.util
import json
import re
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "data" / "html"
sys.path.insert(0, str(ROOT))

#: Written after the rules of provenance.formats.html were settled, to check they generalise.
HELD_OUT = ("portal-ko", "wire-en", "fragment-en")


def ours(html: str) -> str:
    from provenance.formats.html import html_to_text

    return html_to_text(html)[0]


def trafilatura(html: str) -> str:
    import trafilatura as lib

    return (lib.extract(html, include_comments=False, include_tables=True, deduplicate=False) or "").replace("\n", "\n\n")


def readability(html: str) -> str:
    import lxml.html
    from readability import Document

    doc = Document(html)
    tree = lxml.html.fromstring(doc.summary(html_partial=True))
    blocks = [" ".join(e.text_content().split()) for e in tree.iter("p", "h1", "h2", "h3", "li", "figcaption", "td")]
    return "\n\n".join([doc.short_title(), *filter(None, blocks)])


def justext(html: str) -> str:
    import justext as lib

    language = "Korean" if re.search("[\uac00-\ud7a3]", html) else "English"
    try:
        stoplist = lib.get_stoplist(language)
    except ValueError:
        stoplist = lib.get_stoplist("English")
    return "\n\n".join(p.text for p in lib.justext(html.encode("utf-8"), stoplist) if not p.is_boilerplate)


def resiliparse(html: str) -> str:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    return extract_plain_text(HTMLTree.parse(html), main_content=True).replace("\n", "\n\n")


def boilerpy3(html: str) -> str:
    from boilerpy3 import extractors

    return extractors.ArticleExtractor(raise_on_failure=False).get_content(html).replace("\n", "\n\n")


def inscriptis(html: str) -> str:
    from inscriptis import get_text

    return get_text(html).replace("\n", "\n\n")


#: name -> (module that must be importable, import statement timed cold, extractor)
EXTRACTORS: dict[str, tuple[str, str, Callable[[str], str]]] = {
    "provenance (lxml + rules)": ("lxml", "import lxml.html", ours),
    "trafilatura": ("trafilatura", "import trafilatura", trafilatura),
    "readability-lxml": ("readability", "import readability", readability),
    "jusText": ("justext", "import justext", justext),
    "Resiliparse": ("resiliparse", "from resiliparse.extract.html2text import extract_plain_text", resiliparse),
    "boilerpy3": ("boilerpy3", "from boilerpy3 import extractors", boilerpy3),
    "inscriptis (all text)": ("inscriptis", "import inscriptis", inscriptis),
}


def passages(text: str) -> list[str]:
    return [" ".join(unicodedata.normalize("NFKC", p).split()) for p in text.split("\n\n") if p.strip()]


def score(got: list[str], expected: list[str]) -> tuple[float, float, int]:
    have, want = Counter(" ".join(got).split()), Counter(" ".join(expected).split())
    common = sum((have & want).values())
    found = set(got)
    return common / max(1, sum(want.values())), common / max(1, sum(have.values())), sum(p in found for p in expected)


def page_html(name: str) -> str:
    """The page decoded as the tool decodes it (its <meta charset>, CP949 detection)."""
    from provenance.read import _declared_charset, decode

    raw = (PAGES / f"{name}.html").read_bytes()
    text, used = decode(raw, name)
    return _declared_charset(raw, text, used)[0]


def cold_import(statement: str, runs: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); {statement}; print(time.perf_counter() - t)"
    times = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout) for _ in range(runs)]
    return statistics.median(times)


def main() -> None:
    names = sorted(p.stem for p in PAGES.glob("*.html"))
    results = []
    print(f"{'extractor':28} {'set':9} {'recall':>7} {'prec.':>7} {'passages':>9} {'ms/page':>8} {'import s':>9}")
    for label, (module, statement, extract) in EXTRACTORS.items():
        if importlib.util.find_spec(module) is None:
            print(f"{label:28} (not installed)")
            continue
        imported = cold_import(statement)
        for subset, pages in (("dev", [n for n in names if n not in HELD_OUT]), ("held-out", list(HELD_OUT))):
            recalls, precisions, whole, total, elapsed = [], [], 0, 0, 0.0
            for name in pages:
                html = page_html(name)
                expected = passages((PAGES / f"{name}.expected.txt").read_text(encoding="utf-8"))
                start = time.perf_counter()
                try:
                    got = passages(extract(html))
                except Exception:  # noqa: BLE001 - a failing extractor scores zero
                    got = []
                elapsed += time.perf_counter() - start
                r, p, k = score(got, expected)
                recalls.append(r)
                precisions.append(p)
                whole += k
                total += len(expected)
            row = {"extractor": label, "set": subset, "recall": round(statistics.mean(recalls), 3),
                   "precision": round(statistics.mean(precisions), 3), "passages": f"{whole}/{total}",
                   "ms_per_page": round(1000 * elapsed / len(pages), 1), "import_s": round(imported, 3)}
            results.append(row)
            print(f"{label:28} {subset:9} {row['recall']:7.3f} {row['precision']:7.3f} {row['passages']:>9} "
                  f"{row['ms_per_page']:8.1f} {row['import_s']:9.3f}")
    print(json.dumps({"benchmark": "html_extraction", "results": results}, ensure_ascii=False))


if __name__ == "__main__":
    main()
