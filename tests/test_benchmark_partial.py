"""The lost-clause benchmark reports cuts by the share of the sentence they keep."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture()
def partial(monkeypatch):
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import partial

    return partial


@pytest.mark.parametrize(("share", "band"), [(0.1, 0), (0.4, 1), (0.45, 1), (0.59, 2), (0.6, 3), (0.79, 4), (0.8, 5), (1.0, 5), (1.2, 5)])
def test_a_kept_share_falls_in_one_band(partial, share, band):
    assert partial.kept_band(share) == band
    assert partial.KEPT_BANDS[band] > share or band == len(partial.KEPT_BANDS) - 1


PAIRS = [
    ("정부는 올해 예산을 5% 늘리기로 했고 늘어난 예산은 대부분 복지 사업에 쓰일 예정이다.",
     "The government decided to raise this year's budget by 5 percent, and most of the increase will go to welfare programmes."),
    ("경찰은 용의자 두 명을 체포했지만 나머지 한 명은 아직 도주 중이라고 밝혔다.",
     "Police said they had arrested two suspects, but the third is still on the run."),
    ("시장은 새 다리가 내년 봄에 개통될 것이라며 교통 체증이 크게 줄어들 것이라고 말했다.",
     "The mayor said the new bridge would open next spring and would greatly ease traffic congestion."),
    ("회의에 참석한 대표단은 공동 성명을 발표하고 다음 달 서울에서 다시 만나기로 합의했다.",
     "The delegations at the meeting issued a joint statement and agreed to meet again in Seoul next month."),
    ("연구진은 이 약이 증상을 완화하는 데 효과가 있었지만 부작용도 적지 않았다고 설명했다.",
     "The researchers explained that the drug was effective in easing symptoms, but that its side effects were considerable."),
    ("태풍으로 항공편 130편이 결항됐고 제주도에서는 배 3천 척이 대피했다.",
     "The typhoon grounded 130 flights, and 3,000 boats took shelter on Jeju Island."),
]


def test_measure_reads_the_shipped_model_on_a_corpus_folder(partial, tmp_path):
    import json

    from provenance.checks.coverage import model_for

    folder = tmp_path / "clauses-test"
    folder.mkdir()
    (folder / "news.ko").write_text("\n".join(ko for ko, _ in PAIRS) + "\n", encoding="utf-8")
    (folder / "news.en").write_text("\n".join(en for _, en in PAIRS) + "\n", encoding="utf-8")
    out = tmp_path / "partial.json"
    assert partial.main(["--measure", str(folder), "--json", str(out)]) == 0
    result = json.loads(out.read_text(encoding="utf-8"))
    shipped = model_for("use-m3", "ko", "en")
    assert result["model"] == "shipped" and result["threshold"] == shipped.threshold
    figures = result["figures"]["clauses-test"]
    assert figures["faithful_pairs"] == len(PAIRS) and 0 < figures["cut_pairs"] <= len(PAIRS)
    assert 0.0 <= figures["recall"] <= 1.0 and figures["faithful_flagged"] <= len(PAIRS)
    assert list(result["last_clause_cuts"]) == ["clauses-test"]


def test_measure_fits_nothing_so_it_cannot_write(partial, tmp_path):
    with pytest.raises(SystemExit):
        partial.main(["--measure", str(tmp_path), "--write"])


def test_flags_on_pairs_judged_translation_errors_are_counted_apart(partial):
    import numpy as np

    # one feature, weight 1, threshold 0.5: rows above it are flagged
    data = {
        "x": np.array([[1.0], [1.0], [0.0], [1.0], [0.0]]),
        "y": np.array([0.0, 0.0, 0.0, 1.0, 1.0]),
        "judged": np.array([True, False, False, False, False]),  # the first faithful pair is a real partial
        "judged_total": 2,  # one more judged pair was never examined
        "faithful": 10,
        "cut": 4,
    }
    figures = partial.measure(data, 0.0, np.array([1.0]), 0.5)
    assert figures["faithful_flagged"] == 2 and figures["flagged_on_judged_errors"] == 1
    assert figures["false_alarm_rate"] == 0.2
    assert figures["false_alarm_rate_judged_faithful"] == 1 / 8
    assert figures["recall"] == 0.25


def test_only_the_corpus_read_by_hand_has_judged_lines(partial):
    from _judged import judged_errors_of

    assert {14, 688, 804} <= judged_errors_of("kpc")
    assert judged_errors_of("jhe") == set() and judged_errors_of("clauses-test") == set()


def test_leaving_out_judged_errors_sets_the_threshold_on_the_rest(partial):
    import numpy as np

    # the two highest-scoring faithful pairs are real partial translations, judged so by hand
    x = np.array([[3.0], [2.5], [1.0], [0.5], [0.0], [2.8], [2.2], [1.8], [1.2]])
    y = np.array([0, 0, 0, 0, 0, 1, 1, 1, 1], dtype=float)
    judged = np.array([True, True, False, False, False, False, False, False, False])
    data = {"kpc": {"x": x, "y": y, "judged": judged, "judged_total": 2, "faithful": 5, "cut": 4}}
    kept = partial.measure(data["kpc"], *partial.fitted(data, ("kpc",), 0.0))
    cleaned = partial.measure(data["kpc"], *partial.fitted(data, ("kpc",), 0.0, leave_out_judged=True))
    # flagging no faithful pair used to mean flagging nothing above a real partial translation
    assert kept["recall"] == 0.0 and kept["faithful_flagged"] == 0
    assert cleaned["recall"] == 1.0 and cleaned["flagged_on_judged_errors"] == 2
    assert cleaned["false_alarm_rate_judged_faithful"] == 0.0


def test_the_threshold_lies_midway_between_the_last_faithful_pair_flagged_and_the_next(partial):
    import numpy as np

    logits = np.array([3.0, 2.0, 1.0, 0.0, 5.0])
    labels = np.array([0, 0, 0, 0, 1])
    threshold = partial.threshold_for(logits, labels, faithful_total=4, rate=0.25)  # one may be flagged
    assert threshold == 2.5  # not 2.0, where the second pair sat on the threshold
    assert int(((logits > threshold) & (labels == 0)).sum()) == 1
    assert partial.threshold_for(logits, labels, faithful_total=4, rate=0.0) == 4.0  # none; midway to the cut pair
