"""check_pair: the API the assessment stage calls for every aligned bead."""

from __future__ import annotations

import pytest

from provenance.checks import CHECKS, CheckResult, Span, check_pair
from provenance.types import Severity
from .helpers import serious

FAITHFUL = [
    ("정부는 지난 14일 주민 3천여 명을 대피시켰다고 밝혔다.", "The government said it evacuated about 3,000 residents on the 14th."),
    ("김정은 위원장은 2019년 2월 하노이에서 트럼프 대통령을 만났다.", "Kim Jong Un met President Trump in Hanoi in February 2019."),
    ("유엔은 지난해 북한에 대한 제재를 강화했다.", "The U.N. tightened sanctions on North Korea last year."),
    ("그는 그 계획이 실패하지 않을 것이라고 말했다.", "He said the plan would not fail."),
    ("이 수퍼컴퓨터는 초당 12조3천억 번의 계산을 할 수 있다.", "The supercomputer can perform 12.3 trillion calculations a second."),
    ("두 사람은 수요일 오전 10시에 만났다.", "The two met at 10 a.m. on Wednesday."),
    ("블라디보스토크와 하바롭스크에서 온 노동자 120만 명이 일하고 있다.", "Some 1.2 million workers from Vladivostok and Khabarovsk are employed."),
]

DRIFTED = [
    ("정부는 주민 3천 명을 대피시켰다.", "The government evacuated 30,000 residents.", "drift.number"),
    ("회의는 12월 22일 열린다.", "The meeting will be held on Dec. 25.", "drift.date"),
    ("정부는 그 집회를 금지했습니다.", "The government did not ban the rally.", "drift.negation"),
    (
        "경찰은 시위대가 시청 앞에 모여 정부의 새 정책에 항의하며 행진했고 밤늦게까지 광장에 머물렀으며 일부는 연행됐다고 밝혔다.",
        "Police said protesters gathered.",
        "drift.partial",
    ),
]


@pytest.mark.parametrize(("ko_text", "en_text"), FAITHFUL)
def test_faithful_pairs_find_nothing(ko_text, en_text):
    assert serious(check_pair(ko_text, en_text)) == []


@pytest.mark.parametrize(("ko_text", "en_text", "code"), DRIFTED)
def test_drifted_pairs_are_flagged(ko_text, en_text, code):
    found = check_pair(ko_text, en_text)
    assert code in {r.code for r in found if r.severity is not Severity.INFO}


@pytest.mark.parametrize(("ko_text", "en_text", "code"), DRIFTED)
def test_disabling_a_check_silences_it(ko_text, en_text, code):
    name = code.split(".", 1)[1]
    others = [n for n in CHECKS if n != name]
    assert code not in {r.code for r in check_pair(ko_text, en_text, enabled=others)}


@pytest.mark.parametrize(("ko_text", "en_text", "code"), DRIFTED)
def test_evidence_spans_point_into_the_texts(ko_text, en_text, code):
    for result in check_pair(ko_text, en_text):
        assert isinstance(result, CheckResult)
        for text, spans in ((ko_text, result.src), (en_text, result.tgt)):
            for span in spans:
                assert isinstance(span, Span)
                assert text[span.start : span.end] == span.text


def test_worst_first():
    found = check_pair("사망자는 17명이고 부상자는 3천 명이다.", "Seventeen died; 30,000 were hurt, and many more.")
    ranks = [r.severity.rank for r in found]
    assert ranks == sorted(ranks, reverse=True) and ranks[0] == Severity.ERROR.rank


def test_registry_names_the_stable_codes():
    assert set(CHECKS) == {"number", "date", "name", "negation", "direction", "partial"}


@pytest.mark.parametrize(
    ("src", "tgt", "src_lang", "tgt_lang"),
    [
        ("Le 14 décembre, 3 000 personnes.", "On Dec. 24, 30,000 people.", "fr", "en"),
        ("정부는 3천 명을 대피시켰다.", "Le gouvernement a évacué 30 000 personnes.", "ko", "fr"),
        ("", "", "ko", "en"),
        ("???", "!!!", "ko", "en"),
    ],
)
def test_unknown_languages_and_odd_text_never_raise(src, tgt, src_lang, tgt_lang):
    found = check_pair(src, tgt, src_lang, tgt_lang)
    if "fr" in (src_lang, tgt_lang):
        assert found == []


def test_language_codes_with_regions():
    found = check_pair("정부는 3천 명을 대피시켰다.", "The government evacuated 30,000 people.", "ko-KR", "en-US")
    assert [r.code for r in found] == ["drift.number"]


def test_original_mostly_in_another_script_is_not_checked():
    # a headline pasted in English before the Korean one: its numbers are not the article's claims
    mixed = "More than 25% of university students have experience of sex.대학생 25% 이상 성경험 있어"
    assert check_pair(mixed, "they were 20-21 when it first happened") == []
    korean = "대학생 25% 이상이 성경험이 있다고 답했다."
    assert check_pair(korean, "More than 20% of students said so.") != []


def test_folds_change_only_letters_outside_ascii():
    """A Side leaves ASCII text unfolded, which is right only while no fold maps an ASCII letter."""
    from provenance.checks.lang import AVAILABLE, language

    for code in AVAILABLE:
        fold = getattr(language(code), "FOLD", {})
        assert all(key > 0x7F for key in fold)


@pytest.mark.parametrize("text", ["He said: 'It's 3,000 won (US$2.50)!'", "Café au lait — 50¢, ½ price, ٣ days", "", "A_B c-d"])
def test_english_size_counts_letters_and_digits(text):
    from provenance.checks.lang import en

    assert en.content_size(text) == sum(ch.isalnum() for ch in text)
