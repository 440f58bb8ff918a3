"""Measure sentence splitters: boundary accuracy, load time, speed.

    python benchmarks/segmentation.py [--show N]

Gold: consecutive lines of ../shared/data (one sentence, sometimes two, per
line) are joined with spaces into paragraphs of 3-6 lines; a splitter should
recover the line boundaries. Precision is a lower bound (a line holding two
sentences makes a correct split count as wrong); "R(punct)" is recall over the
boundaries a punctuation-based splitter can see (the line before ends in final
punctuation — headlines and broken lines do not). Our own hand-written cases
from tests/test_segment.py are scored too (exact sentence lists).

Candidates other than ours (pysbd, blingfire, kss) are measured only when
installed. Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
sys.path.insert(0, str(ROOT))

CORPORA = {
    "kpc-dev": ("kpc-dev/korean-english-park.dev.{lang}", "kpc-dev/noise.json"),
    "jhe-dev": ("jhe-dev/jhe-koen-dev.{lang}", None),
}
PUNCTUATED_END = re.compile(r"[.!?…。！？][\"'”’)\]]*\s*$")

Splitter = Callable[[str], list[str]]


@dataclass
class Candidate:
    name: str
    module: str  # must be importable for the candidate to run
    load: str  # Python statements that build `split` (a str -> list[str])
    langs: tuple[str, ...] = ("en", "ko")

    def available(self) -> bool:
        return importlib.util.find_spec(self.module) is not None

    def build(self, lang: str) -> Splitter:
        scope: dict = {"LANG": lang}
        exec(self.load, scope)
        return scope["split"]


CANDIDATES = [
    Candidate(
        "rules",
        "provenance",
        "from provenance.segment import segment\n"
        "split = lambda t: [s.text for s in segment(t, LANG).sentences]",
    ),
    Candidate(
        "pysbd",
        "pysbd",
        "import pysbd\n_s = pysbd.Segmenter(language='en', clean=False)\n"
        "split = lambda t: [x.strip() for x in _s.segment(t) if x.strip()]",
    ),
    Candidate(
        "blingfire",
        "blingfire",
        "import blingfire\nsplit = lambda t: [x for x in blingfire.text_to_sentences(t).split('\\n') if x.strip()]",
    ),
    Candidate(
        "kss",
        "kss",
        "import kss\nsplit = lambda t: [x.strip() for x in kss.split_sentences(t) if x.strip()]",
        langs=("ko",),
    ),
]


def read_lines(corpus: str, lang: str) -> list[str]:
    pattern, noise_file = CORPORA[corpus]
    lines = (DATA / pattern.format(lang=lang)).read_text(encoding="utf-8").split("\n")
    noisy: set[int] = set()
    if noise_file:
        noise = json.loads((DATA / noise_file).read_text(encoding="utf-8"))
        noisy = {n - 1 for key in ("unrelated", "partial") for n in noise.get(key, [])}
    return [line.strip() for i, line in enumerate(lines) if i not in noisy and line.strip()]


def paragraphs(lines: list[str], seed: int = 13) -> list[tuple[str, set[int], set[int]]]:
    """(paragraph, all gold starts, starts a punctuation splitter can see)."""
    rng = random.Random(seed)
    out = []
    i = 0
    while i < len(lines):
        chunk = lines[i : i + rng.randint(3, 6)]
        i += len(chunk)
        text, starts, visible = "", set(), set()
        for k, line in enumerate(chunk):
            if k:
                starts.add(len(text) + 1)
                if PUNCTUATED_END.search(chunk[k - 1]):
                    visible.add(len(text) + 1)
                text += " "
            text += line
        out.append((text, starts, visible))
    return out


def predicted_starts(text: str, sentences: list[str]) -> set[int]:
    """Offsets where sentences 2.. start, found by walking `text` (any splitter)."""
    starts, cursor = set(), 0
    for k, sentence in enumerate(sentences):
        tokens = sentence.split()
        if not tokens:
            continue
        found = re.compile(r"\s*".join(map(re.escape, tokens))).search(text, cursor)
        if found is None:
            continue
        if k:
            starts.add(found.start())
        cursor = found.end()
    return starts


def score(split: Splitter, data: list[tuple[str, set[int], set[int]]], show: int = 0) -> dict:
    tp = fp = fn = seen = visible_total = n_sent = 0
    shown = 0
    began = time.perf_counter()
    outputs = [split(text) for text, _, _ in data]
    elapsed = time.perf_counter() - began
    for (text, gold, visible), sentences in zip(data, outputs):
        n_sent += len(gold) + 1
        pred = predicted_starts(text, sentences)
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
        seen += len(pred & visible)
        visible_total += len(visible)
        if shown < show:
            for kind, starts in (("extra split", pred - gold), ("missed", (visible - pred))):
                for start in sorted(starts):
                    print(f"  {kind}: …{text[max(0, start - 50):start]}|{text[start:start + 30]}…")
                    shown += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        "recall_punct": round(seen / visible_total, 4) if visible_total else 0.0,
        "sent_per_s": round(n_sent / elapsed) if elapsed else 0,
    }


def own_cases() -> dict[str, list[tuple[str, list[str]]]]:
    """Hand-written cases from tests/test_segment.py, by language."""
    spec = importlib.util.spec_from_file_location("test_segment", ROOT / "tests" / "test_segment.py")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except ImportError as exc:  # pytest/hypothesis absent
        print(f"(own cases skipped: {exc})")
        return {}
    return {"en": module.EN_CASES, "ko": module.KO_CASES}


def case_accuracy(split: Splitter, cases: list[tuple[str, list[str]]]) -> float:
    right = sum(1 for text, expected in cases if split(text) == expected)
    return round(right / len(cases), 4) if cases else 0.0


def load_seconds(candidate: Candidate, lang: str) -> float:
    """Cold start in a fresh interpreter: import plus building the splitter."""
    code = (
        "import time; t = time.perf_counter()\n"
        f"scope = {{'LANG': {lang!r}}}; exec({candidate.load!r}, scope); scope['split']('Hi. There.')\n"
        "print(time.perf_counter() - t)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    return round(float(done.stdout.strip().splitlines()[-1]), 4) if done.returncode == 0 else float("nan")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print this many extra splits per row")
    parser.add_argument("--only", default="", help="comma-separated candidate names")
    args = parser.parse_args(argv)
    if not DATA.is_dir():
        print(f"skipped: {DATA} not found (the shared development data sits beside the checkout)")
        return 0
    wanted = set(filter(None, args.only.split(",")))
    cases = own_cases()
    rows = []
    for candidate in CANDIDATES:
        if wanted and candidate.name not in wanted:
            continue
        if not candidate.available():
            print(f"({candidate.name}: not installed, skipped)")
            continue
        for lang in candidate.langs:
            split = candidate.build(lang)
            row = {"splitter": candidate.name, "lang": lang, "load_s": load_seconds(candidate, lang)}
            row["cases"] = case_accuracy(split, cases.get(lang, []))
            for corpus in CORPORA:
                if args.show:
                    print(f"{candidate.name} {lang} {corpus}:")
                row[corpus] = score(split, paragraphs(read_lines(corpus, lang)), args.show)
            rows.append(row)
    print_table(rows)
    print(json.dumps({"benchmark": "segmentation", "rows": rows}, ensure_ascii=False))
    return 0


def print_table(rows: list[dict]) -> None:
    head = f"{'splitter':<10} {'lang':<4} {'load s':>7} {'cases':>6}"
    for corpus in CORPORA:
        head += f" | {corpus:<7} {'P':>6} {'R':>6} {'R(punct)':>8} {'sent/s':>8}"
    print(head)
    for row in rows:
        line = f"{row['splitter']:<10} {row['lang']:<4} {row['load_s']:>7.3f} {row['cases']:>6.3f}"
        for corpus in CORPORA:
            m = row[corpus]
            line += f" | {'':<7} {m['precision']:>6.3f} {m['recall']:>6.3f} {m['recall_punct']:>8.3f} {m['sent_per_s']:>8}"
        print(line)


if __name__ == "__main__":
    raise SystemExit(main())
