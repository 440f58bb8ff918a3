"""The document-level weekday check: a weekday that disagrees with the rest of the article."""

from __future__ import annotations

import pytest

from provenance.checks.weekdays import check_weekdays
from provenance.types import Severity

# July 2008: the 25th a Friday, the 27th a Sunday, the 28th a Monday, the 29th a Tuesday.
ARTICLE = [
    ("태풍 풍웡이 27일(현지시간) 대만을 강타했다.", "Typhoon Fung-Wong hit Taiwan on Sunday."),
    ("대만 정부는 28일 오전 학교에 휴교령을 내렸다.", "Taiwan closed its schools early Monday."),
    ("주민 수천 명이 대피했다.", "Thousands of residents were evacuated."),
    ("필리핀 북부도 27일 강풍 피해를 입었다.", "The northern Philippines was lashed by strong winds on Sunday."),
    ("태풍은 29일 중국 푸젠성에 상륙할 예정이다.", "The storm is expected to reach Fujian on Tuesday."),
    ("당국은 25일 경보를 발령했다.", "Authorities issued a warning on Friday."),
]


def edited(beads, index, old, new):
    src, tgt = beads[index]
    return beads[:index] + [(src, tgt.replace(old, new))] + beads[index + 1 :]


def flagged(found):
    return [k for k, results in enumerate(found) if any(r.severity.rank >= Severity.WARNING.rank for r in results)]


def test_consistent_article_has_no_finding():
    found = check_weekdays(ARTICLE, "ko", "en")
    assert len(found) == len(ARTICLE)
    assert all(results == [] for results in found)


def test_changed_weekday_is_found_on_that_bead_only():
    beads = edited(ARTICLE, 3, "Sunday", "Wednesday")
    found = check_weekdays(beads, "ko", "en")
    assert flagged(found) == [3]
    (result,) = found[3]
    assert result.code == "drift.date" and result.severity is Severity.WARNING
    assert "Sunday" in result.message and '"Wednesday"' in result.message
    src, tgt = beads[3]
    assert [src[s.start : s.end] for s in result.src] == ["27일"]
    assert [tgt[s.start : s.end] for s in result.tgt] == ["Wednesday"]


def test_changed_weekday_of_another_day_is_found():
    found = check_weekdays(edited(ARTICLE, 4, "Tuesday", "Thursday"), "ko", "en")
    assert flagged(found) == [4]
    assert "Tuesday" in found[4][0].message


def test_days_across_a_month_end_are_not_compared():
    # 30 and 31 July 2008 were Wednesday and Thursday; 3 August a Sunday.
    beads = [
        ("회의는 30일(현지시간) 시작됐다.", "The talks began on Wednesday."),
        ("양측은 31일 합의문에 서명했다.", "Both sides signed an agreement on Thursday."),
        ("대표단은 3일 귀국했다.", "The delegation flew home on Sunday."),
    ]
    assert check_weekdays(beads, "ko", "en") == [[], [], []]


def test_stated_months_keep_far_days_apart_and_near_days_together():
    # 2 July 2008 was a Wednesday; 31 July a Thursday: same month, stated, 29 days apart.
    beads = [
        ("회의는 7월 2일 열렸다.", "The meeting was held on Wednesday."),
        ("협상은 7월 31일 재개됐다.", "Talks resumed on Friday."),
        ("양측은 7월 30일 만났다.", "The two sides met on Wednesday."),
    ]
    found = check_weekdays(beads, "ko", "en")
    assert flagged(found) == [1]


def test_days_of_different_stated_months_are_not_compared():
    # 20 June 2008 was a Friday; 5 and 6 July a Saturday and a Sunday.
    beads = [
        ("회의는 6월 20일 열렸다.", "The meeting was held on Friday."),
        ("협상은 7월 5일 재개됐다.", "Talks resumed on Saturday."),
        ("양측은 7월 6일 만났다.", "The two sides met on Sunday."),
    ]
    assert check_weekdays(beads, "ko", "en") == [[], [], []]


def test_full_date_elsewhere_gives_the_weekday():
    beads = [
        ("이 대회는 2008년 7월 27일 개막했다.", "The tournament opened on July 27, 2008."),
        ("대표단은 28일 로잔에 도착했다.", "The delegation arrived in Lausanne on Wednesday."),
    ]
    found = check_weekdays(beads, "ko", "en")
    assert found[0] == []
    (result,) = found[1]
    assert result.severity is Severity.WARNING
    assert "Monday" in result.message and "2008년 7월 27일" in result.message


def test_full_date_in_the_same_sentence_is_an_error():
    beads = [("이 대회는 2008년 7월 27일 개막했다.", "The tournament opened on Wednesday.")]
    (result,) = check_weekdays(beads, "ko", "en")[0]
    assert result.severity is Severity.ERROR
    assert "Sunday" in result.message
    assert [s.text for s in result.src] == ["2008년 7월 27일"]


def test_dotted_full_date_is_used():
    beads = [
        ("[서울=뉴스] 2008.7.27 국제부", "Seoul, July 27 (News)"),
        ("대표단은 28일 로잔에 도착했다.", "The delegation arrived in Lausanne on Wednesday."),
    ]
    assert flagged(check_weekdays(beads, "ko", "en")) == [1]


def test_history_older_than_the_news_is_not_a_full_date_for_it():
    # 13 September 2001 was a Thursday, but a 2008 story's 13th is another day.
    beads = [
        ("2001년 9월 11일 테러 이후 보안이 강화됐다.", "Security was tightened after the 9/11 attacks."),
        ("2008년 행사는 13일 열렸다.", "The 2008 ceremony was held on Saturday."),
    ]
    assert check_weekdays(beads, "ko", "en") == [[], []]


def test_two_lone_contradicting_weekdays_are_noted_on_both():
    beads = [ARTICLE[0], ("대만 정부는 28일 오전 학교에 휴교령을 내렸다.", "Taiwan closed its schools early Thursday.")]
    found = check_weekdays(beads, "ko", "en")
    assert [[r.severity for r in results] for results in found] == [[Severity.INFO], [Severity.INFO]]
    warned = check_weekdays(beads, "ko", "en", tie=Severity.WARNING)
    assert flagged(warned) == [0, 1]


def test_weekday_stated_in_the_original_votes_but_is_left_to_the_date_check():
    beads = [
        ("선거는 27일(일요일) 치러졌다.", "The election was held on Wednesday."),
        ("개표는 28일 끝났다.", "Counting ended on Thursday."),
    ]
    found = check_weekdays(beads, "ko", "en")
    assert found[0] == []
    assert flagged(found) == [1] and "Monday" in found[1][0].message


AMBIGUOUS = [
    ("양측은 27~28일 회담했다.", "The two sides met on Wednesday."),  # two days
    ("회의는 27일 열렸다.", "Meetings are held on Wednesdays."),  # every Wednesday
    ("대표단은 다음달 12일 떠난다.", "The delegation leaves on Tuesday."),  # 12 August, another month
    ("그는 27일 도착해 28일 떠났다.", "He arrived on Sunday and left on Monday."),  # two days (a day apart, as they should be)
    ("6월 27일과 7월 27일 집회가 열렸다.", "Rallies were held on Wednesday."),  # two months
    ("지난해 7월 27일 세운 기록을 넘었다.", "It topped the record set on Wednesday, July 27, last year."),  # last year's day
    ("7월 20일부터 어제까지 집계됐다.", "It was tallied from July 20 through Wednesday."),  # the weekday is 어제's
]
CONTEXT = [("선거는 27일 치러졌다.", "The election was held on Sunday."), ("개표는 27일 밤 끝났다.", "Counting ended on Sunday night.")]


def test_ambiguous_beads_are_not_paired():
    assert check_weekdays(AMBIGUOUS + CONTEXT, "ko", "en") == [[]] * (len(AMBIGUOUS) + len(CONTEXT))


def test_each_ambiguous_bead_would_be_flagged_if_it_were_paired():
    """The cases above are not silent by luck: unambiguous, each one is outvoted."""
    for src, tgt in [("양측은 27일 회담했다.", "The two sides met on Wednesday."),
                     ("회의는 27일 열렸다.", "Meetings are held on Wednesday."),
                     ("대표단은 12일 떠난다.", "The delegation leaves on Tuesday."),
                     ("7월 27일 집회가 열렸다.", "A rally was held on Wednesday."),
                     ("7월 27일 세운 기록을 넘었다.", "It topped the record set on Wednesday, July 27."),
                     ("7월 20일 집계됐다.", "It was tallied on Wednesday.")]:
        assert flagged(check_weekdays([(src, tgt), *CONTEXT], "ko", "en")) == [0]


def test_empty_sides_and_unknown_languages_give_no_findings():
    beads = [("", "An added sentence on Wednesday."), ("27일 회의가 열렸다.", ""), *ARTICLE]
    assert flagged(check_weekdays(beads, "ko", "en")) == []
    assert check_weekdays(edited(ARTICLE, 3, "Sunday", "Wednesday"), "xx", "en") == [[]] * len(ARTICLE)
    assert check_weekdays([], "ko", "en") == []


TWO_DAYS = [
    # (original, translation, flagged): two days and the translation's two weekdays for them
    ("발사는 현지시간 3일, 한국시간으로는 4일에 이뤄졌다.", "It lifted off on Monday local time, Thursday in Korea.", True),
    ("발사는 현지시간 3일, 한국시간으로는 4일에 이뤄졌다.", "It lifted off on Monday local time, Tuesday in Korea.", False),
    ("그는 27일 도착해 28일 떠났다.", "He left on Monday, having arrived on Sunday.", False),  # in the other order
    ("사전투표는 다음 달 8일과 9일 실시된다.", "Early voting is on Wednesday and Saturday, Nov. 8-9.", True),  # another month, still a day apart
    ("그는 3일 도착해 20일 떠났다.", "He arrived on Monday and left on Monday.", False),  # too far apart to be sure of the month
    ("어제(3일)와 4일 회의가 열렸다.", "Meetings were held on Monday and Thursday.", False),  # 어제 may be a third day
]


@pytest.mark.parametrize(("original", "translation", "flagged"), TWO_DAYS)
def test_two_days_of_one_sentence_and_their_two_weekdays_lie_as_far_apart(original, translation, flagged):
    found = check_weekdays([(original, translation)], "ko", "en")[0]
    assert bool(found) is flagged
    if flagged:
        assert found[0].severity is Severity.WARNING and "apart" in found[0].message
