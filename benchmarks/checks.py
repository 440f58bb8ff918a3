"""Drift checks on real translations: false alarms, and recall on perturbed ones.

    python benchmarks/checks.py [--data DIR | --corpus FOLDER ...] [--show CHECK]

Runs `check_pair` on every faithful line pair of kpc-dev (noisy lines
skipped) and jhe-dev: findings there are false alarms, mostly. Then
perturbs the English side of the same pairs — a number changed, a day of
month changed, a main verb negated, the sentence cut at a clause boundary,
a name swapped, a rise turned into a fall or a ban into an allowing (where
the original says which way the figure went, or what was done) — and counts
how often the matching check notices.
Prints a table, then one JSON line. Skips politely when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import random
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from provenance.checks import CHECKS, check_pair  # noqa: E402
from provenance.checks.added import added_clauses  # noqa: E402
from provenance.checks.flipped import flipped_negations  # noqa: E402
from provenance.checks.result import CheckResult  # noqa: E402
from provenance.embed import embed_parts  # noqa: E402
from provenance.checks.lang import en  # noqa: E402
from provenance.checks.numbers import Value, compatible, stated_values  # noqa: E402
from provenance.checks.side import Side  # noqa: E402
from provenance.evaluate.lang import rules_for  # noqa: E402
from provenance.evaluate.perturb import change_date, change_number, cut_clause, negate  # noqa: E402
from provenance.types import Severity  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
SEED = 20240611
CODES = {name: f"drift.{name}" for name in CHECKS}
#: perturbation kind -> the check meant to catch it
TARGETS = {"number": "number", "date": "date", "negation": "negation", "partial": "partial", "name": "name",
           "direction": "direction", "stance": "negation"}

Pair = tuple[str, str, str]  # id, Korean, English


def load_pairs(data: Path) -> list[Pair]:
    """kpc-dev (without its noisy lines) and jhe-dev from `data`."""
    return corpus_pairs([[str(data / "kpc-dev")], [str(data / "jhe-dev")]])


def corpus_pairs(specs: list[list[str]]) -> list[Pair]:
    """The clean pairs of each corpus: a folder, a file stem or two files, as
    `provenance eval` takes them (noise.json beside them left out)."""
    from provenance.evaluate.cli import resolve_corpus

    pairs: list[Pair] = []
    for spec in specs:
        try:
            corpus = resolve_corpus(spec)
        except (OSError, ValueError) as exc:
            print(f"checks.py: error: {exc}", file=sys.stderr)
            raise SystemExit(2) from None
        label = Path(spec[0]).name.split("-")[0] if len(spec) == 1 else corpus.name
        for number, k, e in zip(corpus.lines, corpus.source, corpus.target):
            pairs.append((f"{label}:{number}", k, e))
    return pairs


# --- perturbations of the English side ---------------------------------------

_WORD_NUMBERS = {
    "two": "five", "three": "eight", "four": "nine", "five": "two", "six": "three",
    "seven": "four", "eight": "three", "nine": "six", "ten": "four", "twelve": "seven",
    "twenty": "sixty", "thirty": "seventy", "forty": "ninety", "fifty": "twenty", "hundred": "thousand",
}


def perturb_number(text: str, rng: random.Random, ko: str) -> str | None:
    """Change one number both sides state: another leading digit, or ten times as much."""
    stated = stated_values(Side(ko, "ko"))
    candidates = [
        q for q in en.quantities(text)
        if not q.weak and q.unit != "ordinal" and any(compatible(Value(q.value, q.unit, q.approx), v) for v in stated)
    ]
    if not candidates:
        return None
    q = rng.choice(candidates)
    span = text[q.span.start : q.span.end]
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", span)
    if digits:
        old = digits.group()
        if rng.random() < 0.5:
            new = rng.choice([d for d in "123456789" if d != old[0]]) + old[1:]
        else:
            value = float(old.replace(",", "")) * 10
            new = f"{value:,.0f}" if value >= 1000 and value == int(value) else f"{value:g}"
        new_span = span[: digits.start()] + new + span[digits.end() :]
    else:
        word = next((w for w in re.findall(r"[A-Za-z]+", span) if w.lower() in _WORD_NUMBERS), None)
        if word is None:
            return None
        replacement = _WORD_NUMBERS[word.lower()]
        new_span = span.replace(word, replacement.capitalize() if word[0].isupper() else replacement, 1)
    return text[: q.span.start] + new_span + text[q.span.end :]


def perturb_date(text: str, rng: random.Random) -> str | None:
    """Change a day of month (or, failing that, a year)."""
    dates = en.dates(text)
    days = [d for d in dates if d.day is not None]
    if days:
        d = rng.choice(days)
        match = re.search(r"\b\d{1,2}(?!\d)", text[d.span.start : d.span.end])
        if match and int(match.group()) == d.day:
            new_day = (d.day + rng.randint(2, 9) - 1) % 28 + 1
            start = d.span.start + match.start()
            return text[:start] + str(new_day) + text[start + len(match.group()) :]
    years = [d for d in dates if d.year is not None and not d.decade]
    if years:
        d = rng.choice(years)
        match = re.search(str(d.year), text[d.span.start : d.span.end])
        if match:
            start = d.span.start + match.start()
            return text[:start] + str(d.year + rng.choice((-3, -2, -1, 1, 2, 3))) + text[start + 4 :]
    return None


_AUXILIARY = re.compile(r"\b(is|are|was|were|will|would|can|could|should|has|have|had|said|says)\b(?!\s+(?:not|never)\b|n?['’]t)")
_NEGATED = {"said": "did not say", "says": "does not say"}


def perturb_negation(text: str, rng: random.Random) -> str | None:
    """Negate the first auxiliary or reporting verb: is → is not, said → did not say."""
    match = _AUXILIARY.search(text)
    if not match:
        return None
    verb = match.group(1)
    negated = _NEGATED.get(verb, f"{verb} not")
    return text[: match.start()] + negated + text[match.end() :]


_BOUNDARY = re.compile(r", | and | but | which ")


def perturb_partial(text: str, rng: random.Random) -> str | None:
    """Keep the first half: cut at the clause boundary nearest the middle."""
    if len(text.split()) < 8:
        return None
    middle = len(text) / 2
    cuts = [m.start() for m in _BOUNDARY.finditer(text) if 0.3 * len(text) <= m.start() <= 0.7 * len(text)]
    if not cuts:
        return None
    cut = min(cuts, key=lambda c: abs(c - middle))
    return text[:cut].rstrip(" ,;:") + "."


#: each way a figure moves, as the other way in the same form
_OPPOSITE = {
    "rose": "fell", "rise": "fall", "rises": "falls", "rising": "falling", "risen": "fallen",
    "increased": "decreased", "increase": "decrease", "increases": "decreases", "increasing": "decreasing",
    "grew": "shrank", "grow": "shrink", "grows": "shrinks", "growing": "shrinking", "grown": "shrunk",
    "climbed": "dropped", "jumped": "dropped", "surged": "plunged", "soared": "plunged", "gained": "lost",
    "higher": "lower", "up": "down", "raised": "lowered", "expanded": "shrank",
}
_OPPOSITE.update({down: up for up, down in list(_OPPOSITE.items()) if down not in _OPPOSITE})
_OPPOSITE.update({"declined": "rose", "dropped": "rose", "tumbled": "soared", "plunged": "soared",
                  "cut": "raised", "reduced": "increased", "slid": "rose", "dipped": "rose"})


def perturb_direction(text: str, rng: random.Random, ko: str) -> str | None:
    """Turn the one way a sentence says a figure moves into the other (rose → fell, down → up),
    where the original says the figure moves one way too: no harness edit does this, and
    words that move nothing ("grow rice", "ended up") are not edits a checker could see."""
    if len({m.kind for m in Side(ko, "ko").changes}) != 1:
        return None
    moves = en.changes(text)
    if not moves or len({m.kind for m in moves}) != 1:
        return None
    return _turned(text, [m.span for m in moves], _OPPOSITE)


def _turned(text: str, spans: list, opposites: dict[str, str]) -> str | None:
    """`text` with the word of each span replaced by its opposite in the same case, or None
    when one has no opposite in the table."""
    out = text
    for span in reversed(spans):
        word = text[span.start : span.end]
        opposite = opposites.get(word.lower())
        if opposite is None:
            return None
        out = out[: span.start] + (opposite.capitalize() if word[0].isupper() else opposite) + out[span.end :]
    return out


#: each stance a report takes, as the opposite one in the same form
_OPPOSITE_STANCE = {
    "allowed": "banned", "allow": "ban", "allows": "bans", "allowing": "banning", "permitted": "prohibited",
    "admitted": "denied", "admit": "deny", "admits": "denies", "admitting": "denying", "acknowledged": "denied",
    "accepted": "rejected", "accept": "reject", "accepts": "rejects", "accepting": "rejecting",
    "backed": "opposed", "supported": "opposed", "support": "oppose", "supports": "opposes", "supporting": "opposing",
}
_OPPOSITE_STANCE.update({b: a for a, b in list(_OPPOSITE_STANCE.items()) if b not in _OPPOSITE_STANCE})
_OPPOSITE_STANCE.update({"refused": "accepted"})


def perturb_stance(text: str, rng: random.Random, ko: str) -> str | None:
    """Turn what a report does into its opposite (banned → allowed, denied → admitted) where
    both sides take the same one stance: no harness edit does this."""
    stated = {m.kind for m in Side(ko, "ko").stances}
    found = en.stances(text)
    if len(stated) != 1 or len(found) != 1 or found[0].kind not in stated:
        return None  # the same stance on both sides, once: the edit turns it around
    return _turned(text, [found[0].span], _OPPOSITE_STANCE)


def perturb_name(text: str, rng: random.Random, pool: list[str]) -> str | None:
    """Swap one name for a name from another sentence."""
    names = [n for n in en.names(text) if n.key]
    if not names or not pool:
        return None
    name = rng.choice(names)
    keys = set(name.key.split())
    others = [p for p in pool if not keys & set(en.name_key(p).split())]
    if not others:
        return None
    return text[: name.span.start] + rng.choice(others) + text[name.span.end :]


# --- measuring ----------------------------------------------------------------

def checked(ko: str, english: str, enabled: list[str] | None = None) -> list:
    """`check_pair`, then the pipeline's next steps for negations: one in a clause the
    original does not seem to have is lowered to info (`provenance.checks.added`); one in
    a clause the original states affirmatively, while it negates another, is raised to an
    error (`provenance.checks.flipped`)."""
    results = check_pair(ko, english, "ko", "en", enabled=enabled)
    if enabled is not None and "negation" not in enabled:
        return results
    cases = [k for k, r in enumerate(results) if r.code == CODES["negation"] and r.severity is Severity.ERROR and r.tgt and not r.src]
    encoder, thresholds = _clause_reader()
    if cases:
        items = [(ko, english, [(s.start, s.end) for s in results[k].tgt]) for k in cases]
        for k, clauses in zip(cases, added_clauses(items, "en", encoder.encode, thresholds.added_clause, "ko")):
            if clauses:
                results[k] = dataclasses.replace(results[k], severity=Severity.INFO)
    if not any(r.code == CODES["negation"] for r in results):
        parts = functools.partial(embed_parts, encoder)
        [flips] = flipped_negations([(ko, english)], ("ko", "en"), parts, thresholds.flipped_clause)
        if flips:
            message = "the translation negates a clause the original states affirmatively"
            results.append(CheckResult(CODES["negation"], Severity.ERROR, message, (flips[0].original,), tuple(f.negation for f in flips)))
    return results


@functools.cache
def _clause_reader():
    """The default encoder and the calibrated thresholds, loaded once."""
    from provenance.api import resolve_settings
    from provenance.embed import get_encoder

    return get_encoder("use-m3"), resolve_settings().thresholds


def findings(ko: str, english: str, enabled: list[str], min_severity: Severity) -> set[tuple[str, str]]:
    results = checked(ko, english, enabled)
    return {(r.code, r.message) for r in results if r.severity.rank >= min_severity.rank}


def harness_edit(edit: Callable) -> Callable[[str, random.Random, str], str | None]:
    """One of the evaluation harness's own sentence edits (provenance/evaluate/perturb.py)."""
    rules = rules_for("en")

    def make(text: str, rng: random.Random, ko: str) -> str | None:
        out = edit(text, rules) if edit is cut_clause else edit(text, rules, rng)
        return out[0] if out else None

    return make


def perturbed(pairs: list[Pair], edits: str = "harness") -> Iterator[tuple[str, Pair, str]]:
    rng = random.Random(SEED)
    pool = sorted({n.text for _, _, e in pairs for n in en.names(e) if n.key and len(n.text) > 3})
    makers: dict[str, Callable[[str, random.Random, str], str | None]] = {
        "number": perturb_number,
        "date": lambda text, r, ko: perturb_date(text, r),
        "negation": lambda text, r, ko: perturb_negation(text, r),
        "partial": lambda text, r, ko: perturb_partial(text, r),
        "name": lambda text, r, ko: perturb_name(text, r, pool),
        "direction": perturb_direction,
        "stance": perturb_stance,
    }
    if edits == "harness":  # the edits `provenance eval` makes, applied to every pair
        makers.update(
            number=harness_edit(change_number), date=harness_edit(change_date),
            negation=harness_edit(negate), partial=harness_edit(cut_clause),
        )
    for pair in pairs:
        for kind, make in makers.items():
            changed = make(pair[2], rng, pair[1])
            if changed and changed != pair[2]:
                yield kind, pair, changed


def measure(pairs: list[Pair], enabled: list[str], min_severity: Severity, edits: str = "harness") -> dict:
    baseline: dict[str, set[tuple[str, str]]] = {}
    alarms = {name: 0 for name in CHECKS}
    infos = {name: 0 for name in CHECKS}
    for pid, ko, english in pairs:
        results = checked(ko, english, enabled)
        baseline[pid] = {(r.code, r.message) for r in results}
        for result in results:
            name = result.code.split(".", 1)[1]
            if result.severity.rank >= min_severity.rank:
                alarms[name] += 1
            else:
                infos[name] += 1
    caught: dict[str, list[int]] = {kind: [0, 0] for kind in TARGETS}
    caught_any: dict[str, list[int]] = {kind: [0, 0] for kind in TARGETS}
    for kind, (pid, ko, _), changed in perturbed(pairs, edits):
        new = findings(ko, changed, enabled, min_severity) - baseline[pid]
        target = CODES[TARGETS[kind]]
        caught[kind][1] += 1
        caught_any[kind][1] += 1
        caught[kind][0] += any(code == target for code, _ in new)
        caught_any[kind][0] += bool(new)
    per100 = 100 / max(1, len(pairs))
    return {
        "pairs": len(pairs),
        "false_alarms_per_100": {k: round(v * per100, 2) for k, v in alarms.items()},
        "false_alarms_per_100_total": round(sum(alarms.values()) * per100, 2),
        "info_per_100": {k: round(v * per100, 2) for k, v in infos.items()},
        "recall": {k: round(c / n, 3) if n else None for k, (c, n) in caught.items()},
        "recall_any_check": {k: round(c / n, 3) if n else None for k, (c, n) in caught_any.items()},
        "perturbed": {k: n for k, (_, n) in caught.items()},
    }


def show_false_alarms(pairs: list[Pair], check: str, min_severity: Severity) -> None:
    for pid, ko, english in pairs:
        results = [r for r in checked(ko, english, [check]) if r.severity.rank >= min_severity.rank]
        if results:
            print(pid, "\n  ko:", ko, "\n  en:", english)
            for r in results:
                print("  ->", r.severity.value, r.message)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--corpus", nargs="+", action="append", metavar="FOLDER|SRC TGT",
                        help="measure on this corpus instead (repeatable): a folder with one *.ko and one *.en "
                        "(and its noise.json), a file stem or two files")
    parser.add_argument("--severity", default="warning", choices=[s.value for s in Severity])
    parser.add_argument("--edits", choices=("harness", "targeted"), default="harness",
                        help="harness: the edits `provenance eval` makes (default); targeted: edits aimed at what each check reads")
    parser.add_argument("--show", choices=list(CHECKS), help="print the findings of one check on real pairs")
    parser.add_argument("--ablation", action="store_true", help="also run with each check left out")
    args = parser.parse_args()
    if args.corpus:
        pairs = corpus_pairs(args.corpus)
    elif not (args.data / "kpc-dev").is_dir() or not (args.data / "jhe-dev").is_dir():
        print(f"skipped: no dev data at {args.data} (kpc-dev and jhe-dev are needed)")
        return 0
    else:
        pairs = load_pairs(args.data)
    min_severity = Severity(args.severity)
    if args.show:
        show_false_alarms(pairs, args.show, min_severity)
        return 0
    started = time.perf_counter()
    runs = {"all": list(CHECKS)}
    if args.ablation:
        runs.update({f"without {name}": [n for n in CHECKS if n != name] for name in CHECKS})
        runs.update({f"only {name}": [name] for name in CHECKS})
    results = {label: measure(pairs, enabled, min_severity, args.edits) for label, enabled in runs.items()}
    print_table(results, min_severity)
    print(json.dumps({
        "benchmark": "checks", "severity": min_severity.value, "edits": args.edits,
        "seconds": round(time.perf_counter() - started, 1), "runs": results,
    }, ensure_ascii=False))
    return 0


def print_table(results: dict, min_severity: Severity) -> None:
    first = next(iter(results.values()))
    print(f"{first['pairs']} real pairs (noisy lines left out); findings at ≥ {min_severity.value}")
    print("\nfalse alarms per 100 real pairs (info findings in brackets)")
    for name in CHECKS:
        print(f"  {name:<10} {first['false_alarms_per_100'][name]:>6.2f}   ({first['info_per_100'][name]:.2f} info)")
    print(f"  {'total':<10} {first['false_alarms_per_100_total']:>6.2f}")
    print("\nrecall on perturbed English (by its own check / by any check), perturbed pairs")
    for kind in TARGETS:
        print(f"  {kind:<10} {first['recall'][kind]!s:>6} / {first['recall_any_check'][kind]!s:<6} n={first['perturbed'][kind]}")
    if len(results) > 1:
        print("\nablation: total false alarms per 100; recall by any check")
        print(f"  {'run':<18} {'FA/100':>7} " + " ".join(f"{k:>9}" for k in TARGETS))
        for label, r in results.items():
            recalls = " ".join(f"{r['recall_any_check'][k]!s:>9}" for k in TARGETS)
            print(f"  {label:<18} {r['false_alarms_per_100_total']:>7.2f} {recalls}")
    print()


if __name__ == "__main__":
    raise SystemExit(main())
