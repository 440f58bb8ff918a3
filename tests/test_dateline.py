"""Agency datelines ("BEIJING, China (CNN)") are left out of what the encoder reads."""

from __future__ import annotations

import pytest

from provenance.checks.lang import without_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BEIJING, China (CNN) Questions about salaries are out.", "Questions about salaries are out."),
        ("(CNN) He armors himself.", "He armors himself."),
        ("(AP) — Rain fell across the south.", "Rain fell across the south."),
        ("SEOUL, South Korea — The president spoke.", "The president spoke."),
        # no agency and no dash: nothing tells where a dateline would end
        ("SEOUL, South Korea The president spoke.", "SEOUL, South Korea The president spoke."),
        ("U.S. officials said on Monday.", "U.S. officials said on Monday."),
        ("BEIJING, China (CNN)", "BEIJING, China (CNN)"),  # nothing else: kept whole
    ],
)
def test_english_datelines(text, expected):
    assert without_dateline(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(서울=연합뉴스) 김철수 기자 = 정부는 금리를 내렸다.", "정부는 금리를 내렸다."),
        ("【베이징=뉴시스】 중국은 관세를 올렸다.", "중국은 관세를 올렸다."),
        ("정부는 (서울=연합뉴스) 금리를 내렸다.", "정부는 (서울=연합뉴스) 금리를 내렸다."),  # only at the start
    ],
)
def test_korean_datelines(text, expected):
    assert without_dateline(text, "ko") == expected


def test_a_language_without_rules_keeps_its_text():
    assert without_dateline("PARIS (AFP) Il pleut.", "fr") == "PARIS (AFP) Il pleut."


def test_the_lost_clause_step_reads_the_translation_without_its_dateline():
    from provenance.checks.coverage import candidate

    ko = "중남미 국가와 유럽연합이 세계무역기구 각료회담에서 장기간에 걸친 바나나 분쟁을 해소키로 합의했으며 아프리카 국가들이 반발했다."
    en = "GENEVA, Switzerland (CNN) African countries stood in the way of a deal Sunday."
    found = candidate(ko, en, "ko", "en", examine_below=10.0)
    assert found is not None and found.tgt == "African countries stood in the way of a deal Sunday."


@pytest.mark.model
def test_a_short_sentence_behind_a_dateline_is_not_read_as_unrelated():
    from provenance.api import compare_texts

    ko = "\n".join([
        "중국 기업에서는 동료의 월급을 묻지 않는 것이 예의다.",
        "상대방의 월급에 대해 묻는 것을 자제한다.",
        "대신 회사의 복지 제도에 대해 이야기하는 경우가 많다.",
    ])
    en = "\n".join([
        "In Chinese companies it is polite not to ask colleagues what they earn.",
        "BEIJING, China (CNN) Questions about salaries are out.",
        "Instead, people often talk about their company's benefits.",
    ])
    report = compare_texts(ko, en, presegmented=True)
    bead = next(b for b in report.alignment if b.src == (1,))
    assert bead.tgt == (1,)
    assert not any(r.code == "drift.unrelated" for r in bead.reasons)
