"""The false-alarm benchmark tells flags on judged translation errors from the rest."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace


def test_flags_on_judged_errors_leave_the_faithful_rate_and_its_denominator(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import false_alarms

    doc = lambda lines, perturbed=False: SimpleNamespace(  # noqa: E731
        lines=tuple(lines), size=2 * len(lines), perturbed=perturbed
    )
    documents = [doc(range(1, 51)), doc(range(51, 101)), doc(range(101, 151), perturbed=True)]
    flags = [
        {"perturbed": False, "lines": [7], "sentences": 2},  # a judged error: the checker was right
        {"perturbed": False, "lines": [60], "sentences": 1},
        {"perturbed": True, "lines": [120], "sentences": 2},  # perturbed documents are not counted
    ]
    figures = false_alarms.split_false_alarms(documents, flags, errors={7, 8})
    assert figures["sentences"] == 200 and figures["flagged"] == 3 and figures["flagged_on_judged_errors"] == 2
    assert figures["per_100"] == 1.5
    assert figures["per_100_faithful"] == round(100 * 1 / (200 - 4), 2)


def test_the_judged_lines_are_numbers_with_a_reason_each():
    import json

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "judged" / "kpc-dev-translation-errors.json"
    judged = json.loads(path.read_text(encoding="utf-8"))
    for section in ("translation_errors", "checker_wrong"):
        assert all(line.isdigit() and 1 <= int(line) <= 1000 and reason for line, reason in judged[section].items())
    assert not set(judged["translation_errors"]) & set(judged["checker_wrong"])
