#!/usr/bin/env python3
"""Editor's errors planted one at a time: how many the checker finds, kind by kind.

    python benchmarks/edits.py [--json out.json] [--misses]

`fixtures/edits.json` lists articles (a Korean original and a faithful English
translation in `fixtures/`) and edits an editor would plant in the translation:
a figure changed, a negation dropped, a city swapped, a clause cut. Each edit
replaces one passage of the faithful translation; the changed pair goes
through `compare_texts`, the way users run the checker, and is judged as
`fixtures/cases.json` cases are (`benchmarks/fixtures.py`): the expected bead
must carry its reason, and any other problem is a false alarm.

The list keeps the known misses (a dropped negation, a winner turned loser,
an adverb of place turned around): the figure is recall on errors people
make, not on those the checker was built for.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks._output import emit  # noqa: E402
from benchmarks.fixtures import FIXTURES, judge  # noqa: E402


def load() -> dict:
    return json.loads((FIXTURES / "edits.json").read_text(encoding="utf-8"))


def edited(translation: str, edit: dict) -> str:
    """The translation with the edit made; the passage must be there exactly once."""
    if translation.count(edit["find"]) != 1:
        raise ValueError(f"edit {edit['article']}/{edit['id']}: {edit['find']!r} is not in the translation once")
    return translation.replace(edit["find"], edit["replace"])


def run(spec: dict, encoder=None) -> list[dict]:
    """One row per edit (and one per faithful article): found, missed, false alarms."""
    from provenance.api import compare_texts

    def compare(article: str, translation: str):
        paths = spec["articles"][article]
        original = (FIXTURES / paths["original"]).read_text(encoding="utf-8")
        return compare_texts(original, translation, encoder=encoder)

    rows = []
    faithful = {name: (FIXTURES / paths["translation"]).read_text(encoding="utf-8") for name, paths in spec["articles"].items()}
    for name, text in faithful.items():
        result = judge({"id": f"{name}/faithful", "expect": []}, compare(name, text))
        rows.append({"id": result.id, "reason": None, "found": True, "false_alarms": result.false_alarms})
    for edit in spec["edits"]:
        case = {"id": f"{edit['article']}/{edit['id']}", "expect": [edit["expect"]]}
        result = judge(case, compare(edit["article"], edited(faithful[edit["article"]], edit)))
        rows.append({"id": case["id"], "reason": edit["expect"]["reason"], "found": not result.missed,
                     "missed": result.missed, "false_alarms": result.false_alarms})
    return rows


def summary(rows: list[dict]) -> dict:
    planted = [r for r in rows if r["reason"]]
    by_reason: dict[str, list[int]] = {}
    for r in planted:
        counts = by_reason.setdefault(r["reason"], [0, 0])
        counts[0] += r["found"]
        counts[1] += 1
    return {
        "planted": len(planted),
        "found": sum(r["found"] for r in planted),
        "by_reason": {k: {"found": f, "planted": n} for k, (f, n) in sorted(by_reason.items())},
        "false_alarms": sum(len(r["false_alarms"]) for r in rows),
        "missed": [r["id"] for r in planted if not r["found"]],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    parser.add_argument("--misses", action="store_true", help="show what each miss and false alarm looked like")
    args = parser.parse_args()
    start = time.perf_counter()
    rows = run(load())
    figures = summary(rows)
    for reason, counts in figures["by_reason"].items():
        print(f"{reason:<20} {counts['found']:>3} / {counts['planted']:<3}")
    print(f"planted errors found: {figures['found']}/{figures['planted']}; false alarms: {figures['false_alarms']}")
    print("missed: " + ", ".join(figures["missed"]))
    if args.misses:
        for r in rows:
            for line in r.get("missed", []) + r["false_alarms"]:
                print(f"  {r['id']}: {line}")
    kinds = Counter(r["reason"] for r in rows if r["reason"])
    emit({"benchmark": "edits", "seconds": round(time.perf_counter() - start, 2), "kinds": dict(kinds), **figures}, args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
