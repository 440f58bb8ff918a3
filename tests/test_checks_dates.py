"""Date extractors (Korean and English) and the date check."""

from __future__ import annotations

import pytest

from provenance.checks import check_pair
from provenance.checks.lang import en, ko
from provenance.types import Severity
from .helpers import serious

FIELDS = ("year", "month", "day", "weekday", "relative", "hour", "minute", "decade", "period")


def extracted(module, text):
    return [{f: getattr(d, f) for f in FIELDS if getattr(d, f) not in (None, False)} for d in module.dates(text)]


KOREAN = [
    ("12월 22일", [{"month": 12, "day": 22}]),
    ("지난 14일", [{"day": 14}]),
    ("1~5월 수주량", [{"month": 1}, {"month": 5}]),  # a range of months: January to May
    ("2019년", [{"year": 2019}]),
    ("2030년 여름에는", [{"year": 2030}]),  # 여름 (summer) is not 여 ("about 2,030 years")
    ("2010학년도부터", [{"year": 2010}]),  # the 2010 school year
    ("1990년대", [{"year": 1990, "decade": True}]),
    ("90년대 초", [{"year": 1990, "decade": True}]),  # two digits: the 1990s, not 90 years
    ("00년대", [{"year": 2000, "decade": True}]),
    ("수요일", [{"weekday": 2}]),
    ("지난해", [{"relative": "year:-1"}]),
    ("작년", [{"relative": "year:-1"}]),
    ("내년", [{"relative": "year:1"}]),
    ("지난주", [{"relative": "week:-1"}]),
    ("오전 10시", [{"hour": 10}]),
    ("오후 3시 30분", [{"hour": 15, "minute": 30}]),
    ("지난 24~26일", [{"day": 24}, {"day": 26}]),
    ("6.15 공동선언", [{"month": 6, "day": 15}]),
    ("2005.10", [{"year": 2005, "month": 10}]),
    ("10일 후", []),  # ten days later: a number of days
    ("3개월", []),
    ("50년 이상", []),  # a length of time, not a year
    ("1년 전보다 늘었다", [{"relative": "year:-1"}]),
    ("한 달 전", [{"relative": "month:-1"}]),
    ("이틀 전에", [{"relative": "day:-2"}]),
    ("일주일 전부터", [{"relative": "week:-1"}]),
    ("전월 대비", [{"relative": "month:-1"}]),
    ("전월세 가격", []),  # rents, not the month before
    ("5년 전쟁", []),  # a war
    ("1분기", [{"period": "quarter:1"}]),
    ("1/4분기", [{"period": "quarter:1"}]),
    ("하반기에도", [{"period": "half:2"}]),
    ("3분기 연속", []),  # three quarters running: a count
    ("이달 둘째 주", [{"relative": "month:0"}, {"period": "week:2"}]),
    ("전주보다 늘었다", [{"relative": "week:-1"}]),
    ("전주 시내", []),  # the city of Jeonju
    ("전 분기보다 늘었다", [{"relative": "quarter:-1"}]),
]

ENGLISH = [
    ("Dec. 22", [{"month": 12, "day": 22}]),
    ("in the January-May period", [{"month": 1}, {"month": 5}]),
    ("the 2024-25 season", [{"year": 2024}, {"year": 2025}]),  # a season: 25 is 2025
    ("as of 15 a.m. today", [{"hour": 15}, {"relative": "day:0"}]),  # no such hour: compared as written
    ("between May and June", [{"month": 5}, {"month": 6}]),
    ("December 22", [{"month": 12, "day": 22}]),
    ("22 December", [{"month": 12, "day": 22}]),
    ("December 22, 2019", [{"year": 2019, "month": 12, "day": 22}]),
    ("on the 14th.", [{"day": 14}]),
    ("in 2019", [{"year": 2019}]),
    ("the 1990s", [{"year": 1990, "decade": True}]),
    ("on Wednesday", [{"weekday": 2}]),
    ("last year", [{"relative": "year:-1"}]),
    ("next year", [{"relative": "year:1"}]),
    ("10 a.m.", [{"hour": 10}]),
    ("3:30 p.m.", [{"hour": 15, "minute": 30}]),
    ("in May 2008", [{"year": 2008, "month": 5}]),
    ("the 9/11 attacks", [{"month": 9, "day": 11}]),
    ("Friday the 13th is unlucky", [{"day": 13}, {"weekday": 4}]),
    ("on 2019-12-15", [{"year": 2019, "month": 12, "day": 15}]),
    ("on 12/15/2019", [{"year": 2019, "month": 12, "day": 15}]),
    ("You may go.", []),  # the modal, not the month
    ("2,000 people", []),
    ("from a year earlier", [{"relative": "year:-1"}]),
    ("three months ago", [{"relative": "month:-3"}]),
    ("up 5% year-on-year", [{"relative": "year:-1"}]),
    ("than the previous month", [{"relative": "month:-1"}]),
    ("a week before the Olympics", []),  # before an event, not before the news
    ("a month earlier this season", []),
    ("in the first quarter", [{"period": "quarter:1"}]),
    ("third-quarter profit", [{"period": "quarter:3"}]),
    ("Q4 results", [{"period": "quarter:4"}]),
    ("in the second half", [{"period": "half:2"}]),
    ("for the third straight quarter", []),
    ("in the second week of May", [{"period": "week:2"}, {"month": 5}]),
    ("up 18 percent from the previous week", [{"relative": "week:-1"}]),
    ("The agency said on the 17th that cases rose.", [{"day": 17}]),
    ("It was the 7th that came.", []),  # "that" makes a date only after "on"
    ("The board on the 11th lowered the rate.", [{"day": 11}]),
    ("The rain would stop from the night of the 17th but return later.", [{"day": 17}]),
    ("The dust will clear from the afternoon of the 14th as winds blow.", [{"day": 14}]),
    ("He lives on the 3rd floor.", []),
    ("up 5% from a quarter earlier", [{"relative": "quarter:-1"}]),
    ("up 5% quarter-on-quarter", [{"relative": "quarter:-1"}]),
]


@pytest.mark.parametrize(("text", "expected"), KOREAN)
def test_korean_dates(text, expected):
    assert extracted(ko, text) == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_dates(text, expected):
    assert extracted(en, text) == expected


def test_weekday_with_day_of_month():
    found = extracted(en, "on Wednesday the 14th.")
    assert {"day": 14} in found and {"weekday": 2} in found


FAITHFUL = [
    ("12월 22일 발표했다.", "It was announced on Dec. 22."),
    ("12월 22일 발표했다.", "It was announced on December 22."),
    ("지난 14일 발표했다.", "It was announced on the 14th."),
    ("2019년에 시작됐다.", "It began in 2019."),
    ("수요일에 만났다.", "They met on Wednesday."),
    ("지난해 문을 닫았다.", "It closed last year."),
    ("1990년대에 지어졌다.", "It was built in the 1990s."),
    ("오전 10시에 열린다.", "It opens at 10 a.m."),
    ("28일(현지시간) 보도했다.", "It reported on Monday."),  # weekday for date: house style
    ("10일 후에 다시 만난다.", "They meet again in 10 days."),
    ("3분기 성장률은 2%였다.", "Growth was 2 percent in the third quarter."),
    ("1/4분기 성장률은 2%였다.", "Growth was 2 percent in Q1."),
    ("하반기에도 이어질 것이다.", "It will continue in the second half of the year."),
    ("수출이 1년 전보다 5% 늘었다.", "Exports rose 5 percent from a year earlier."),
    ("수출이 전년 동월 대비 5% 늘었다.", "Exports rose 5 percent year-on-year."),
    ("한 달 전 문을 닫았다.", "It closed four weeks ago."),  # as long ago in other units
]

CHANGED = [
    ("12월 22일 발표했다.", "It was announced on Dec. 25.", "day 22", "day 25"),
    ("지난 14일 발표했다.", "It was announced on the 24th.", "day 14", "day 24"),
    ("2019년에 시작됐다.", "It began in 2017.", "2019", "2017"),
    ("수요일에 만났다.", "They met on Friday.", "Wednesday", "Friday"),
    ("지난해 문을 닫았다.", "It closed next year.", "last year", "next year"),
    ("12월에 열린다.", "It opens in October.", "December", "October"),
    ("오전 10시에 열린다.", "It opens at 11 a.m.", "10:00", "11:00"),
    ("3분기 성장률은 2%였다.", "Growth was 2 percent in the fourth quarter.", "the third quarter", "the fourth quarter"),
    ("하반기에도 이어질 것이다.", "It will continue in the first half.", "the second half", "the first half"),
    ("상반기 실적이 늘었다.", "First-quarter earnings rose.", "the first half", "the first quarter"),
    ("이달 둘째 주 환자가 늘었다.", "Cases rose in the first week of this month.", "the second week", "the first week"),
]


@pytest.mark.parametrize(("ko_text", "en_text"), FAITHFUL)
def test_faithful_dates_are_quiet(ko_text, en_text):
    found = check_pair(ko_text, en_text, enabled=["date"])
    assert serious(found) == []


@pytest.mark.parametrize(("ko_text", "en_text", "original", "translated"), CHANGED)
def test_changed_dates_are_errors(ko_text, en_text, original, translated):
    errors = [r for r in check_pair(ko_text, en_text, enabled=["date"]) if r.severity is Severity.ERROR]
    assert len(errors) == 1
    assert errors[0].code == "drift.date"
    assert f"date {original} in the original" in errors[0].message
    assert f"is {translated} in the translation" in errors[0].message


def test_dropped_year_is_at_most_info():
    found = check_pair("2019년 12월 22일 발표했다.", "It was announced on Dec. 22.", enabled=["date"])
    assert found and all(r.severity is Severity.INFO for r in found)


@pytest.mark.parametrize(
    ("ko_text", "en_text", "severity"),
    [
        # a week or a month off by one is often when the translation went out
        ("당국은 지난주 초 비상사태를 선포했다.", "Officials declared an emergency earlier this week.", Severity.INFO),
        ("지난 달 테러에 이어 두 번째다.", "It was the second attack this month.", Severity.INFO),
        ("지난해 수출이 늘었다.", "Exports rose this year.", Severity.ERROR),
        ("지난주 발표했다.", "It was announced next week.", Severity.ERROR),
    ],
)
def test_relative_dates_one_step_apart_are_info(ko_text, en_text, severity):
    found = [r for r in check_pair(ko_text, en_text, enabled=["date"]) if "relative" in r.message or "week" in r.message or "month" in r.message or "year" in r.message]
    assert found and max(r.severity.rank for r in found) == severity.rank


@pytest.mark.parametrize(
    ("ko_text", "en_text", "flagged"),
    [
        ("북한은 지난달 미사일 2발을 발사했다.", "North Korea fired two missiles last week.", True),
        ("지난해 수출이 늘었다.", "Exports rose last month.", True),
        ("북한은 지난달 미사일 2발을 발사했다.", "North Korea fired two missiles last month.", False),
        # a relative date given as a calendar date is no change of unit
        ("북한은 지난달 14일 미사일 2발을 발사했다.", "North Korea fired two missiles on March 14.", False),
        ("지난달 수출이 1년 전보다 늘었다.", "Exports rose last month from a month earlier.", True),  # said twice for two
        ("수출이 1년 전보다 늘었다.", "Exports rose from a month earlier.", True),
        ("한 달 전 문을 닫았다.", "It closed a week ago.", True),
        ("환자가 전주보다 18% 늘었다.", "Cases rose 18 percent from the previous month.", True),
        ("환자가 전주보다 18% 늘었다.", "Cases rose 18 percent from the previous week.", False),
        ("영업이익이 지난해 같은 기간보다 277% 늘었다.", "Operating profit rose 277 percent from a quarter earlier.", True),
        ("영업이익이 전 분기보다 5% 늘었다.", "Operating profit rose 5 percent from a quarter earlier.", False),
    ],
)
def test_a_relative_date_in_another_unit_is_a_change(ko_text, en_text, flagged):
    errors = [r for r in check_pair(ko_text, en_text, enabled=["date"]) if r.severity is Severity.ERROR]
    assert bool(errors) is flagged
    if flagged:
        assert "in the translation" in errors[0].message and errors[0].src and errors[0].tgt


@pytest.mark.parametrize(
    ("text", "days", "durations"),
    [
        ("29일 만료되는 협정", [29], []),  # 만료 ("expires") is not 만 ("after")
        ("올림픽을 10일 앞둔 시점", [], [10]),  # ten days before: a duration
        ("3일간 계속됐다", [], [3]),
        ("지난 26일부터 28일까지 조사했다", [26, 28], []),  # 일부터 (from the day), not 일부 (a part)
        ("위원회는 12일 전원회의에서 의결했다", [12], []),  # 전원회의 (a plenary), not 전 (ago)
        ("3일 전에 발표했다", [], [3]),
        ("수출 물량의 일부가 줄었다", [], []),
    ],
)
def test_days_of_month_and_durations(text, days, durations):
    assert [d.day for d in ko.dates(text) if d.day] == days
    assert [q.value for q in ko.quantities(text) if q.unit == "day"] == durations


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        (en, "the 2001-2004 term", [{"year": 2001}, {"year": 2004}]),
        (en, "from 1950–1953", [{"year": 1950}, {"year": 1953}]),
        (en, "more than 2000 were hurt", []),  # a hedged count, not a year
        (en, "the April 310 vote", [{"month": 4, "day": 310}]),  # a slipped day, still a date
        (en, "since April 2004.", [{"year": 2004, "month": 4}]),
        (en, "at 70:00 sharp", [{"hour": 70}]),  # a clock time gone wrong, compared as one
        (en, "a 25:75 split", []),  # a ratio, not a clock
        (ko, "3/1 운동 기념식", [{"month": 3, "day": 1}]),
        (ko, "전체의 1/3 정도", []),  # a share, not January 3rd
        (ko, "최소 4일이 더 걸린다", []),  # at least four days: a length of time
        (ko, "90년 동안 살았다", []),  # ninety years, not the 1990s
    ],
)
def test_more_date_shapes(module, text, expected):
    assert extracted(module, text) == expected


@pytest.mark.parametrize(
    ("ko_text", "en_text", "flagged"),
    [
        ("그는 2001년부터 2004년까지 재임했다.", "He served during the 2001-2004 term.", False),
        ("그는 2001년부터 2004년까지 재임했다.", "He served during the 1998-2004 term.", True),
        ("그는 2001년부터 2004년까지 재임했다.", "He served during the 2004-2004 term.", True),
        ("토요일은 쉬고, 토요일 밤에 떠난다.", "Saturday is free and they leave on Saturday night.", False),
        ("토요일은 쉬고, 토요일 밤에 떠난다.", "Saturday is free and they leave on Thursday night.", True),
        ("토요일은 쉬고, 토요일 밤에 떠난다.", "Saturday is free, and on Saturday they leave.", False),
        ("2019년에 시작됐고 2019년에 끝났다.", "It began in 2019 and ended the same year.", False),
        ("90년대 초 경제 위기", "the economic crisis of the early 1990s", False),
        ("90년대 초 경제 위기", "the economic crisis of the early 1980s", True),
        ("13일의 금요일은 불길한 날이다.", "Friday the 13th is an unlucky day.", False),
        ("13일의 금요일은 불길한 날이다.", "Friday the 14th is an unlucky day.", True),  # a weekday, "the" and an ordinal: a day
        ("그는 14번째 생일에 떠났다.", "He left on his 14th birthday.", False),
        ("2019년 12월 14일 회의가 열렸다.", "The meeting was held on 2019-12-14.", False),
        ("2019년 12월 14일 회의가 열렸다.", "The meeting was held on 2019-12-15.", True),
        ("2019년 12월 14일 회의가 열렸다.", "The meeting was held on 12/14/2019.", False),
        ("2019년 12월 14일 회의가 열렸다.", "The meeting was held on 14/12/2019.", False),  # 14 cannot be a month
        ("2019년 12월 14일 회의가 열렸다.", "The meeting was held on 12/15/2019.", True),
    ],
)
def test_repeated_and_ranged_dates(ko_text, en_text, flagged):
    found = check_pair(ko_text, en_text, enabled=["date"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("ko_text", "en_text", "flagged"),
    [
        ("경기가 열린다.", "The games open on April 8.", False),  # a date the original leaves out: a note
        ("경기가 열린다.", "The games open on April 80.", True),  # no such day
        ("경기가 열린다.", "The games open at 50:00.", True),  # no such hour
        ("3/1 운동 기념일이다.", "It is the anniversary of the March 10 movement.", True),
    ],
)
def test_dates_that_cannot_be(ko_text, en_text, flagged):
    found = check_pair(ko_text, en_text, enabled=["date"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("home at half past two", [{"hour": 2, "minute": 30}]),
        ("at a quarter to six", [{"hour": 5, "minute": 45}]),
        ("left at seven-thirty", [{"hour": 7, "minute": 30}]),
        ("at nine o'clock", [{"hour": 9}]),
        ("five to ten people", []),  # a range, not a clock
        ("talks on June 21-24", [{"month": 6, "day": 21}, {"month": 6, "day": 24}]),
        ("opens on August 0", [{"month": 8}]),  # day 0: extracted, and the check calls it impossible
        ("held on 140 July", [{"month": 7, "day": 140}]),
        ("won the March 45 vote", [{"month": 3, "day": 45}]),
        ("March 45 times", []),  # at the start "March" may be the verb
    ],
)
def test_english_clock_words_ranges_and_slips(text, expected):
    assert extracted(en, text) == expected


@pytest.mark.parametrize(
    ("ko_text", "en_text", "flagged"),
    [
        ("3시 반에 집에 왔다.", "I came home at half past three.", False),
        ("3시 반에 집에 왔다.", "I came home at half past four.", True),
        ("10시에 문을 연다.", "It opens at 10:00.", False),
        ("10시에 문을 연다.", "It opens at 10:20.", True),  # 10시 says the minutes are zero
        ("10시쯤 문을 연다.", "It opens at 10:20.", False),  # about ten
        ("6월 21~24일 열린다.", "It is held June 21-24.", False),
        ("6월 21~24일 열린다.", "It is held June 21-27.", True),
        ("행사가 열린다.", "It opens on August 0.", True),
        ("14일 오후 3시 회의가 열렸다.", "The meeting was held at 3 p.m. on the 14th.", False),
        ("14일 오후 3시 회의가 열렸다.", "The meeting was held at 3 p.m. on the 15th.", True),  # 15:00 is not the 15th
    ],
)
def test_times_and_day_ranges_are_compared(ko_text, en_text, flagged):
    found = check_pair(ko_text, en_text, enabled=["date"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("ko_text", "en_text", "flagged"),
    [
        ("8시 직전에 왔다.", "She came just before 8 a.m.", False),
        ("8시 직전에 왔다.", "She came just before 80 a.m.", True),
        ("오후 6시까지 일한다.", "She works until 60:00 p.m.", True),
        ("6시에 상영된다.", "It is shown at 6:00 and at 8:75.", True),  # no such minute
        ("사망자는 30명이다.", "45 a.m. local time), the toll was 30.", False),  # a time cut off at "9:", not a slip
    ],
)
def test_clock_times_that_cannot_be(ko_text, en_text, flagged):
    found = check_pair(ko_text, en_text, enabled=["date"])
    assert bool(serious(found)) is flagged
