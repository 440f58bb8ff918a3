"""Lost clauses (drift.partial): clause splitting, the re-examination step, the fitted model."""

from __future__ import annotations

import numpy as np
import pytest

from provenance.api import compare_texts
from provenance.checks import coverage
from provenance.checks.coverage import Model, candidate, clause_starts, find_lost_clauses, model_for, word_starts
from provenance.segment import segment
from provenance.types import Bead, Status

WAGES_KO = "북한 노동자들의 월급은 중국인 노동자보다 30%가량 적고, 그나마 받는 임금의 대부분도 북한 당국이 가져갑니다."


def clause_texts(text: str) -> list[str]:
    starts = clause_starts(text)
    return [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]


@pytest.mark.parametrize(
    ("text", "second_starts"),
    [
        (WAGES_KO, "그나마"),  # -고 and a comma
        ("경찰은 사고 원인을 조사하고 있으며 운전자는 병원으로 옮겨졌다고 말했다.", "운전자는"),  # -며, not -고 있다
        ("시장은 새 다리가 다음 달 개통될 예정이지만 공사비가 두 배로 늘었다.", "공사비가"),  # -지만
        ("그는 “팀 전체의 문제다”라며 재활을 하기로 했다고 밝혔다.", "재활을"),  # -라며
        ("소식통은 지난 14일 “북한 당국이 노동자들을 보내려 한다”고 말했다.", "“북한"),  # an opening quote
    ],
)
def test_korean_clauses_end_at_connective_endings_commas_and_quotes(text, second_starts):
    assert any(clause.startswith(second_starts) for clause in clause_texts(text)[1:])


def test_short_clauses_join_their_neighbour():
    # "하고" ends a clause of two syllables only: not a clause of its own
    assert clause_texts("하고 정부는 내년부터 보조금을 줄이겠다고 밝혔다.")[0].startswith("하고 정부는")


def test_a_sentence_without_clause_ending_is_cut_into_runs_of_words():
    text = "배관 수리회사에 근무하는 내 딸 주디는 집에 배관공을 불러야 한다는 것을 알았다."
    assert clause_starts(text) == word_starts(text)
    assert len(word_starts(text)) == 3
    assert word_starts("짧은 문장이다.") == [0]


def test_only_translations_shorter_than_usual_are_examined():
    full = "North Koreans are paid about 30% less than Chinese workers, and most of their wages are taken by the state."
    short = "North Koreans are paid about 30% less than Chinese workers."
    assert candidate(WAGES_KO, full, "ko", "en", -0.3) is None
    found = candidate(WAGES_KO, short, "ko", "en", -0.3)
    assert found is not None and found.ratio < -0.3
    assert (found.src, found.tgt) == (WAGES_KO, short)
    assert found.parts()[0] == ((0, len(WAGES_KO)),)  # the whole original comes first
    assert candidate(WAGES_KO, short, "xx", "en", -0.3) is None  # no language module: nothing to measure
    assert candidate("나는 그 새가 가엾게 느껴졌다.", "I felt sorry for it.", "ko", "en", -0.3) is None  # too short to split


class CountingEncoder:
    """Unit vectors from a text hash; counts calls so batching can be asserted."""

    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts):
        self.calls += 1
        rows = [np.random.default_rng(sum(map(ord, t))).normal(size=8) for t in texts]
        return np.array([r / np.linalg.norm(r) for r in rows], dtype=np.float32)


#: flags on length alone: logit = -10 * ratio, above 5 when the ratio is below -0.5
LENGTH_ONLY = Model(0.0, (-10.0,) + (0.0,) * (len(coverage.FEATURES) - 1), 5.0, -0.3)


def _documents():
    src = segment(f"{WAGES_KO}\n정부는 집회를 금지했습니다.\n중국 업체들이 북한 노동자를 선호한다.", "ko", presegmented=True)
    tgt = segment(
        "North Koreans are paid less.\nThe government banned the rally.\nChinese companies prefer North Korean workers.",
        "en",
        presegmented=True,
    )
    return src, tgt


def test_short_ok_beads_turn_drifted_with_the_lost_clause_as_evidence():
    src, tgt = _documents()
    beads = [Bead((0,), (0,), 0.7), Bead((1,), (1,), 0.8), Bead((2,), (), 0.0, Status.DROPPED)]
    encoder = CountingEncoder()
    out = find_lost_clauses(beads, src, tgt, encoder, LENGTH_ONLY)
    assert encoder.calls <= 2  # per document: one batch of original parts, one of translations
    assert out[0].status is Status.DRIFTED
    (reason,) = out[0].reasons
    assert reason.code == "drift.partial"
    assert all(e.side == "src" and e.sentence == 0 and e.text in WAGES_KO for e in reason.evidence)
    assert out[1:] == beads[1:]  # a faithful length and a dropped sentence are left alone


def test_nothing_to_examine_encodes_nothing():
    src, tgt = _documents()
    beads = [Bead((1,), (1,), 0.8)]
    encoder = CountingEncoder()
    assert find_lost_clauses(beads, src, tgt, encoder, LENGTH_ONLY) == beads
    assert encoder.calls == 0


FARE_KO = "새 노선은 주로 강남과 홍대 일대를 지나며, 요금은 2,500원으로 동결됩니다."
FARE_CUT = "The new routes will mainly pass through Gangnam and Hongdae."
FARE_EN = "The new routes will mainly pass through Gangnam and Hongdae, and the fare stays frozen at 2,500 won."


def test_a_translation_a_little_short_is_examined_when_it_lacks_a_number():
    assert candidate(FARE_KO, FARE_CUT, "ko", "en", -0.45) is None  # 73% of the usual length
    found = candidate(FARE_KO, FARE_CUT, "ko", "en", -0.45, -0.2)
    assert found is not None and -0.45 < found.ratio < -0.2 and found.lost == 1
    # as short, with nothing of the original's missing: not examined
    no_fare = FARE_KO.replace("2,500원으로", "지금처럼")
    assert candidate(no_fare, FARE_CUT, "ko", "en", -0.45, -0.2) is None
    assert candidate(FARE_KO, FARE_EN, "ko", "en", -0.45, -0.2) is None  # the whole translation


def test_the_model_comes_from_the_encoders_calibration_file():
    model = model_for("use-m3", "ko", "en")
    assert model is not None and len(model.weights) == len(coverage.FEATURES)
    assert model.examine_lost_below is not None and model.examine_lost_below > model.examine_below
    assert model_for("hashing", "ko", "en") is None  # no calibration: the step is skipped


# -- the real encoder --------------------------------------------------------------
BRIDGE_KO = "시장은 새 다리가 다음 달 개통될 예정이지만, 공사비가 처음 계획보다 두 배 가까이 늘었다고 설명했다."
BRIDGE_EN = "The mayor said the new bridge would open next month, but that construction costs had nearly doubled from the original plan."
BRIDGE_CUT = "The mayor said the new bridge would open next month."
CONTEXT_KO = "정부는 올해 예산안을 국회에 제출했다.\n야당은 예산안에 반대한다고 밝혔다.\n"
CONTEXT_EN = "The government submitted this year's budget to the National Assembly.\nThe opposition said it opposed the budget.\n"


def _bridge_bead(report):
    return next(b for b in report.alignment if 2 in b.src)


@pytest.mark.model
def test_a_translation_cut_after_its_first_clause_is_found(encoder):
    report = compare_texts(CONTEXT_KO + BRIDGE_KO, CONTEXT_EN + BRIDGE_CUT, encoder=encoder, presegmented=True)
    bead = _bridge_bead(report)
    assert bead.status is Status.DRIFTED
    assert "drift.partial" in {r.code for r in bead.reasons}
    assert any(f.code == "drift.partial" for f in report.findings)


@pytest.mark.model
def test_a_clause_lost_with_its_number_is_found_in_a_translation_a_little_short(encoder):
    cut = compare_texts(CONTEXT_KO + FARE_KO, CONTEXT_EN + FARE_CUT, encoder=encoder, presegmented=True)
    (reason,) = [r for r in _bridge_bead(cut).reasons if r.code == "drift.partial"]
    assert "2,500원" in reason.evidence[0].text
    whole = compare_texts(CONTEXT_KO + FARE_KO, CONTEXT_EN + FARE_EN, encoder=encoder, presegmented=True)
    assert _bridge_bead(whole).status is Status.OK


@pytest.mark.model
def test_the_whole_translation_is_not_flagged(encoder):
    report = compare_texts(CONTEXT_KO + BRIDGE_KO, CONTEXT_EN + BRIDGE_EN, encoder=encoder, presegmented=True)
    assert _bridge_bead(report).status is Status.OK


@pytest.mark.model
def test_the_step_is_off_with_the_partial_check(encoder):
    report = compare_texts(
        CONTEXT_KO + BRIDGE_KO, CONTEXT_EN + BRIDGE_CUT, encoder=encoder, presegmented=True,
        checks=("number", "date", "name", "negation"),
    )
    assert "drift.partial" not in {r.code for r in _bridge_bead(report).reasons}


def test_rewriting_thresholds_keeps_the_fitted_lost_clause_model(tmp_path):
    import json

    from provenance.calibration import write_calibration
    from provenance.config import Settings, Thresholds

    path = tmp_path / "ko-en.json"
    path.write_text(json.dumps({"thresholds": {}, "partial": {"intercept": 1.0}}), encoding="utf-8")
    write_calibration(path, Settings(), Thresholds(), {"date": "today"})
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["partial"] == {"intercept": 1.0} and written["date"] == "today"


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ('그것들은 아드님이 사냥하신 거예요."라고 말했다.', '그것들은 아드님이 사냥하신 거예요."'),
        ("그는 “통증이 없다”고 밝혔다.", "그는 “통증이 없다”"),
        ("말했다.", "말했다."),  # nothing but the verb: kept
        ("정부는 집회를 금지했습니다.", "정부는 집회를 금지했습니다."),
    ],
)
def test_attribution_tail_is_left_out_of_the_coverage_analysis(text, stripped):
    from provenance.checks.lang.ko import strip_attribution

    assert strip_attribution(text) == stripped


def test_a_short_line_is_not_partial_by_length_alone():
    from provenance.checks import check_pair

    assert [r for r in check_pair("왜 그럴까?", "Why?") if r.code == "drift.partial"] == []
    long_ko = "정부는 내년부터 최저임금을 올리고 근로시간을 줄이며 중소기업 지원을 크게 늘리겠다고 발표했다."
    assert [r for r in check_pair(long_ko, "The government spoke.") if r.code == "drift.partial"] != []
