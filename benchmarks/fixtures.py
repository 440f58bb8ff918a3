"""Planted problems in the bundled fixtures: found, missed, and false alarms.

    python benchmarks/fixtures.py [--json out.json]

Runs `provenance.compare` on every case of `fixtures/cases.json` and checks
each planted problem against the report (status and reason code), and that
nothing else is flagged. The test suite runs the same function.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "fixtures"

#: the reason named in cases.json -> reason codes that count as naming it
REASON_CODES = {
    "number": ("drift.number",),
    "date": ("drift.date",),
    "name": ("drift.name",),
    "negation": ("drift.negation",),
    "direction": ("drift.direction",),
    "partial": ("drift.partial",),
    "wrong_passage": ("drift.unrelated", "omission.sentence", "addition.sentence"),
    "dropped": ("omission.sentence", "omission.passage"),
    "added": ("addition.sentence", "addition.passage"),
    "moved": ("order.moved",),
}
#: statuses an expectation only meets with its reason's code on the bead (a drifted bead
#: drifted for another reason, an ok bead that is not the moved one, do not count)
NAMED_BY_REASON = ("drifted", "ok")
CREDIT_CODES = {"translator_missing": "credit.translator-missing", "reporter_mismatch": "credit.reporter-mismatch"}


@dataclass
class CaseResult:
    id: str
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missed and not self.false_alarms


def load_cases() -> list[dict]:
    return json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))


def run_case(case: dict, encoder=None) -> CaseResult:
    from provenance import compare

    report = compare(FIXTURES / case["original"], FIXTURES / case["translation"], encoder=encoder)
    return judge(case, report)


def judge(case: dict, report) -> CaseResult:
    result = CaseResult(case["id"])
    explained: set[int] = set()  # bead positions accounted for by an expectation
    for expect in case["expect"]:
        label = f"{expect['status']}:{expect['reason']}"
        if expect["status"] == "credit":
            code = CREDIT_CODES[expect["reason"]]
            (result.found if any(f.code == code for f in report.findings) else result.missed).append(label)
            continue
        beads = _beads_for(report, expect)
        statuses = {expect["status"], *expect.get("accept", [])}
        codes = REASON_CODES[expect["reason"]]
        hit = [
            k
            for k in beads
            if report.alignment[k].status.value in statuses
            and (expect["status"] not in NAMED_BY_REASON or any(r.code in codes for r in report.alignment[k].reasons))
        ]
        if hit and len(hit) == len(beads):
            result.found.append(label)
            explained.update(hit)
        else:
            result.missed.append(f"{label} ({_describe(report, beads)})")
    for group in case.get("links", []):
        if not _linked(report, group):
            result.missed.append(f"link {group}")
    for k, bead in enumerate(report.alignment):
        if bead.status.is_problem and k not in explained:
            result.false_alarms.append(_describe(report, [k]))
    expected_credit = {CREDIT_CODES[e["reason"]] for e in case["expect"] if e["status"] == "credit"}
    for finding in report.findings:
        if finding.code.startswith("credit.") and finding.code not in expected_credit and finding.severity.rank > 0:
            result.false_alarms.append(f"{finding.code}: {finding.message}")
    return result


def _sentence(doc, needle: str) -> int:
    hits = [s.index for s in doc.sentences if needle in s.text]
    if len(hits) != 1:
        raise ValueError(f"{needle!r} is in {len(hits)} sentences of {doc.path}")
    return hits[0]


def _beads_for(report, expect: dict) -> list[int]:
    wanted = []
    if "src_contains" in expect:
        i = _sentence(report.source, expect["src_contains"])
        wanted += [k for k, b in enumerate(report.alignment) if i in b.src]
    if "tgt_contains" in expect:
        j = _sentence(report.target, expect["tgt_contains"])
        wanted += [k for k, b in enumerate(report.alignment) if j in b.tgt]
    return sorted(set(wanted))


def _linked(report, group: dict) -> bool:
    src = {_sentence(report.source, n) for n in group.get("src", [])}
    tgt = {_sentence(report.target, n) for n in group.get("tgt", [])}
    return any(src <= set(b.src) and tgt <= set(b.tgt) for b in report.alignment)


def _describe(report, beads: list[int]) -> str:
    parts = []
    for k in beads:
        b = report.alignment[k]
        text = (report.source.sentences[b.src[0]].text if b.src else report.target.sentences[b.tgt[0]].text)[:50]
        codes = ",".join(r.code for r in b.reasons)
        parts.append(f"{b.status.value}[{codes}] {b.src}->{b.tgt} {text!r}")
    return "; ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    start = time.perf_counter()
    results = [run_case(case) for case in load_cases()]
    planted = sum(len(r.found) + len(r.missed) for r in results)
    found = sum(len(r.found) for r in results)
    alarms = sum(len(r.false_alarms) for r in results)
    for r in results:
        print(f"{'ok ' if r.ok else 'BAD'} {r.id:<32} found {len(r.found)}  missed {len(r.missed)}  false alarms {len(r.false_alarms)}")
        for line in r.missed:
            print(f"      missed: {line}")
        for line in r.false_alarms:
            print(f"      false alarm: {line}")
    summary = {"planted": planted, "found": found, "false_alarms": alarms, "seconds": round(time.perf_counter() - start, 2)}
    print(f"planted problems found: {found}/{planted}; false alarms: {alarms}")
    print(json.dumps(summary))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "cases": [r.__dict__ for r in results]}, indent=2))
    return 0 if found == planted and alarms == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
