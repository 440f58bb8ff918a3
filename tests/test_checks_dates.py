"""Date extractors (Korean and English) and the date check."""

from __future__ import annotations

import pytest

from provenance.checks import check_pair
from provenance.checks.lang import en, ko
from provenance.types import Severity

FIELDS = ("year", "month", "day", "weekday", "relative", "hour", "minute", "decade")


def extracted(module, text):
    return [{f: getattr(d, f) for f in FIELDS if getattr(d, f) not in (None, False)} for d in module.dates(text)]


KOREAN = [
    ("12월 22일", [{"month": 12, "day": 22}]),
    ("지난 14일", [{"day": 14}]),
    ("2019년", [{"year": 2019}]),
    ("1990년대", [{"year": 1990, "decade": True}]),
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
]

ENGLISH = [
    ("Dec. 22", [{"month": 12, "day": 22}]),
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
    ("You may go.", []),  # the modal, not the month
    ("2,000 people", []),
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
]

CHANGED = [
    ("12월 22일 발표했다.", "It was announced on Dec. 25.", "day 22", "day 25"),
    ("지난 14일 발표했다.", "It was announced on the 24th.", "day 14", "day 24"),
    ("2019년에 시작됐다.", "It began in 2017.", "2019", "2017"),
    ("수요일에 만났다.", "They met on Friday.", "Wednesday", "Friday"),
    ("지난해 문을 닫았다.", "It closed next year.", "last year", "next year"),
    ("12월에 열린다.", "It opens in October.", "December", "October"),
    ("오전 10시에 열린다.", "It opens at 11 a.m.", "10:00", "11:00"),
]


@pytest.mark.parametrize(("ko_text", "en_text"), FAITHFUL)
def test_faithful_dates_are_quiet(ko_text, en_text):
    found = check_pair(ko_text, en_text, enabled=["date"])
    assert [r for r in found if r.severity is not Severity.INFO] == []


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
    ("text", "days", "durations"),
    [
        ("29일 만료되는 협정", [29], []),  # 만료 ("expires") is not 만 ("after")
        ("올림픽을 10일 앞둔 시점", [], [10]),  # ten days before: a duration
        ("3일간 계속됐다", [], [3]),
    ],
)
def test_days_of_month_and_durations(text, days, durations):
    assert [d.day for d in ko.dates(text) if d.day] == days
    assert [q.value for q in ko.quantities(text) if q.unit == "day"] == durations
