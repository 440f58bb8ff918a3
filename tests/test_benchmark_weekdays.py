"""The weekday benchmark measures any corpus the way `provenance eval` reads it."""

from __future__ import annotations

import json

import pytest

from benchmarks.weekdays import main

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _write_corpus(folder, lines: int = 30) -> None:
    """Faithful pairs: a date in Korean, its weekday in English (2024-07-01 was a Monday)."""
    folder.mkdir()
    ko = [f"위원회는 2024년 7월 {d}일 {d}번째 회의를 열었다." for d in range(1, lines + 1)]
    en = [f"The committee held its meeting number {d} on {WEEKDAYS[(d - 1) % 7]}, July {d}, 2024." for d in range(1, lines + 1)]
    (folder / "week.ko").write_text("\n".join(ko) + "\n", encoding="utf-8")
    (folder / "week.en").write_text("\n".join(en) + "\n", encoding="utf-8")


def test_a_corpus_folder_is_measured_instead_of_the_dev_data(tmp_path, capsys):
    _write_corpus(tmp_path / "week-test")
    assert main(["--corpus", str(tmp_path / "week-test"), "--docs", "3", "--seeds", "1", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert list(figures) == ["week-test"]
    week = figures["week-test"]
    assert week["faithful_beads"] > 0 and week["false_alarms"] == 0
    assert week["swaps"] > 0 and week["swaps_caught"] == week["swaps"]  # every changed weekday contradicts its date


def test_a_corpus_that_is_not_there_is_one_line(tmp_path):
    with pytest.raises(SystemExit, match="--corpus") as refused:
        main(["--corpus", str(tmp_path / "nothing.ko"), str(tmp_path / "nothing.en")])
    assert refused.value.code == 2
