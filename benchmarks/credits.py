"""Credit extraction, scored per role: precision and recall of (role, name) pairs.

    python benchmarks/credits.py [CASES.toml ...]

Each case (format: tests/data/credits/cases.toml) is put at the end of a small
article, segmented with the project's segmenter, marked with `mark_roles` and
read with `extract_credits`, so the figures cover finding the credit lines as
well as parsing them. Services are scored as (role, service) pairs the same
way. Without arguments the project's own case table is scored.
"""

from __future__ import annotations

import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.credits import ROLES, extract_credits, mark_roles  # noqa: E402
from provenance.segment import segment  # noqa: E402

DEFAULT_CASES = ROOT / "tests" / "data" / "credits" / "cases.toml"

#: body passages put before each case, so the credits sit at the end of an article
BODY = {
    "en": "North Korea has reopened a border crossing with China for the first time in three years, "
    "a source said.\n\n“Trucks started moving again on Monday,” the source told RFA.\n\n",
    "ko": "북한이 3년 만에 중국과의 국경 통로를 다시 열었다고 소식통이 전했습니다.\n\n"
    "이 소식통은 “월요일부터 화물차가 다시 오가기 시작했다”고 말했습니다.\n\n",
}


def normal(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").replace("\u00a0", " ").split()).casefold()


def article(case: dict) -> str:
    return BODY.get(case["lang"], BODY["en"]) + case["text"]


def expected_pairs(case: dict) -> tuple[set, set]:
    names = {(c["role"], normal(n)) for c in case["credits"] for n in c["names"]}
    services = {(c["role"], normal(c["service"])) for c in case["credits"] if c.get("service")}
    return names, services


def found_pairs(case: dict) -> tuple[set, set]:
    doc = mark_roles(segment(article(case), case["lang"], path=case.get("id", "<case>")))
    credits = extract_credits(doc)
    names = {(c.role, normal(n)) for c in credits.credits for n in c.names}
    services = {(c.role, normal(c.service)) for c in credits.credits if c.service}
    return names, services


def load(paths: list[Path]) -> list[dict]:
    cases = []
    for path in paths:
        with path.open("rb") as handle:
            cases.extend(tomllib.load(handle)["case"])
    return cases


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [DEFAULT_CASES]
    cases = load(paths)
    start = time.perf_counter()
    counts, misses = score(cases)
    elapsed = time.perf_counter() - start
    by_lang = Counter(c["lang"] for c in cases)
    print(f"{len(cases)} cases ({', '.join(f'{n} {lang}' for lang, n in sorted(by_lang.items()))}) "
          f"from {', '.join(str(p) for p in paths)}; {elapsed * 1000 / max(len(cases), 1):.1f} ms per article")
    print(f"{'role':<22}{'pairs':>7}{'precision':>11}{'recall':>9}")
    order = [*ROLES, *(f"{r} service" for r in ROLES)]
    for key in sorted(counts, key=lambda k: order.index(k) if k in order else len(order)):
        tally = counts[key]
        tp, fp, fn = tally["tp"], tally["fp"], tally["fn"]
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        print(f"{key:<22}{tp + fn:>7}{precision:>11.3f}{recall:>9.3f}")
    print(f"cases fully right: {len(cases) - len(misses)}/{len(cases)}")
    for case_id, names, services in misses:
        print(f"  MISS {case_id}: names differing {sorted(names)}; services missing {sorted(services)}")
    return 0 if not misses else 1


def score(cases: list[dict]) -> tuple[dict[str, Counter], list]:
    """Per role: true positives, false positives, false negatives of (role, name) pairs; and the misses."""
    counts: dict[str, Counter] = {}
    misses = []
    for case in cases:
        want_names, want_services = expected_pairs(case)
        got_names, got_services = found_pairs(case)
        for suffix, want, got in (("", want_names, got_names), (" service", want_services, got_services)):
            for pair in want | got:
                tally = counts.setdefault(pair[0] + suffix, Counter())
                tally["tp" if pair in want and pair in got else "fp" if pair in got else "fn"] += 1
        if want_names != got_names or want_services != got_services:
            misses.append((case.get("id", "?"), want_names ^ got_names, want_services ^ got_services))
    return counts, misses


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
