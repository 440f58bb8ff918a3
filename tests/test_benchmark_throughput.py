"""The throughput benchmark reads its corpus as new text in every pass, and times the batch
command in passes that alternate with the raw encoder's."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest


@pytest.fixture()
def throughput(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import throughput

    return throughput


def test_forgetting_texts_empties_the_checkers_caches(throughput):
    from provenance.checks import check_pair
    from provenance.checks.lang import en

    check_pair("김정은 위원장이 3일 평양에서 말했다.", "Kim Jong Un said in Pyongyang on the 3rd.", "ko", "en")
    assert en.name_key.cache_info().currsize > 0
    assert throughput._forget_texts() > 0
    assert en.name_key.cache_info().currsize == 0


def test_the_batch_ratio_is_the_median_of_alternating_passes(throughput, monkeypatch):
    """Each pass times the raw encoder, then one `check` run; a slow burst on one side of one
    pass moves that pass's ratio, not the reported one."""
    clock = [0.0]
    order: list[str] = []
    raw_pass = iter([10.0, 10.0, 30.0])  # the third raw pass hit a busy machine
    check_run = iter([12.5, 20.0, 12.5])  # the second check run did

    class Encoder:
        def encode(self, texts):
            if len(texts) == 100:  # the warm-up
                return
            if not order or order[-1] != "raw":
                order.append("raw")
                clock[0] += next(raw_pass)

    def run(args, **kwargs):
        assert args[3] == "check" and "--no-cache" in args
        order.append("check")
        clock[0] += next(check_run)
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(throughput.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr("provenance.embed.get_encoder", lambda name: Encoder())
    monkeypatch.setattr(subprocess, "run", run)
    ko, en = [f"문장 {k}." for k in range(120)], [f"Sentence {k}." for k in range(120)]
    result = throughput.batch_check(ko, en, docs=2, workers=2, copies=1, passes=3)
    assert order == ["raw", "check"] * 3
    assert result["ratio"] == 0.8  # 10/12.5, 10/20, 30/12.5: the median pass
    assert (result["ratio_min"], result["ratio_max"]) == (0.5, 2.4)
    assert result["exit_code"] == 0 and result["passes"] == 3


def test_the_steady_ratio_takes_out_a_one_copy_run(throughput, monkeypatch):
    """Each pass also runs `check` over the first copy alone; the raw encoder's time for the other
    copies against the time the whole run took beyond that run is the steady-state ratio."""
    clock = [0.0]
    runs: list[list[str]] = []

    class Encoder:
        def encode(self, texts):
            if len(texts) != 100:  # not the warm-up: each document costs 1 s raw
                clock[0] += 1.0

    def run(args, **kwargs):
        files = [a for a in args if a.endswith(".txt")]
        runs.append(files)
        clock[0] += 3.0 if files else 9.0  # one copy (2 documents) alone: 3 s; all 4 copies: 9 s
        return subprocess.CompletedProcess(args, 0, "", "")

    monkeypatch.setattr(throughput.time, "perf_counter", lambda: clock[0])
    monkeypatch.setattr("provenance.embed.get_encoder", lambda name: Encoder())
    monkeypatch.setattr(subprocess, "run", run)
    ko, en = [f"문장 {k}번." for k in range(120)], [f"Sentence number {k}." for k in range(120)]
    result = throughput.batch_check(ko, en, docs=2, workers=2, copies=4, passes=1)
    assert result["documents"] == 8 and result["ratio"] == round(8 / 9, 3)
    assert len(runs[1]) == 4 and all(Path(f).stem in ("000", "001") for f in runs[1])  # one copy: both sides
    assert result["steady_ratio"] == round(6 / (9 - 3), 3)  # 6 documents' raw 6 s in the 6 s beyond


def test_copies_read_as_new_text_but_encode_the_same_tokens(throughput, encoder):
    lines = ["북한은 지난 22일 평양에서 발표했다.", "Kim Jong Un said in Pyongyang on the 3rd."]
    widened = throughput._widened(lines, 2)
    assert widened != lines and throughput._widened(lines, 0) == lines
    assert [line.split() for line in widened] == [line.split() for line in lines]
    assert encoder._sp.encode(widened) == encoder._sp.encode(lines)
