"""Number normalisers (Korean and English) and the number check."""

from __future__ import annotations

import pytest

from provenance.checks import check_pair
from provenance.checks.lang import en, ko
from provenance.checks.numbers import looks_edited, same_number, significant_digits
from provenance.types import Severity
from .helpers import serious

KOREAN = [
    # text, value, unit, approx
    ("1억1천만 달러", 110_000_000, "USD", False),
    ("2만 5천 명", 25_000, None, False),
    ("1년 6개월", 18, "month", False),  # one span of months, against "18 months"
    ("1년 반이", 18, "month", False),  # a year and a half
    ("징역 1년 6월", 18, "month", False),  # a prison term: 6월 is not June
    ("4천 5백억 원", 450_000_000_000, "KRW", False),  # a space after 천 before a smaller unit
    ("1천 9백 원", 1_900, "KRW", False),
    ("2천 4백여 명", 2_400, None, True),
    ("8천 7백만 배럴", 87_000_000, "barrel", False),  # 배럴 is a barrel, not 배 (times)
    ("3천여 명", 3_000, None, True),
    ("120만", 1_200_000, None, False),
    ("12조3천억 번", 12_300_000_000_000, None, False),
    ("57억1000만위안", 5_710_000_000, "CNY", False),
    ("27만5000명", 275_000, None, False),
    ("1만8500메가와트", 18_500, "MW", False),
    ("1,000배", 1_000, "times", False),
    ("약 240km", 240, "km", True),
    ("50만여척", 500_000, None, True),
    ("세 명", 3, None, False),
    ("두 번째", 2, "ordinal", False),
    ("스무 살", 20, "age", False),
    ("스물다섯 살", 25, "age", False),
    ("열두 명", 12, None, False),
    ("30%", 30, "percent", False),
    ("30퍼센트", 30, "percent", False),
    ("삼십 퍼센트", 30, "percent", False),
    ("이천오백만 원", 25_000_000, "KRW", False),
    ("천 명", 1_000, None, False),
    ("9%포인트", 9, "percent", False),
    ("이틀 동안", 2, "day", False),
    ("10일 후", 10, "day", False),
    ("64.5 메가와트", 64.5, "MW", False),
    ("975 m²의 공간", 975, "m2", False),
    ("면적 2.9㎢", 2.9, "km2", False),
    ("30평 아파트", 30, "pyeong", False),
    ("102위", 102, "ordinal", False),
    ("헌법 9조", 9, "ordinal", False),
    ("9조 원", 9_000_000_000_000, "KRW", False),
    ("200명 이상", 200, None, True),
    ("3억 5천만 명", 350_000_000, None, False),  # a space after a big unit: still one number
    ("1억 2000만 달러", 120_000_000, "USD", False),
    ("1조 2천억 원", 1_200_000_000_000, "KRW", False),
    ("4세기", 4, "ordinal", False),  # a century, not four years of age
    ("3분기 연속", 3, "ordinal", False),  # quarters, not three minutes (3분기 alone is a date: the third quarter)
    ("세 번 연속", 3, "ordinal", False),  # the third in a row, not a count of three
    ("1만 30원", 10_030, "KRW", False),  # the last digits after a space: 10,030 won
    ("209만 6,270원", 2_096_270, "KRW", False),
    ("17광년", 17, "lightyear", False),
    ("섭씨 30도", 30, "C", False),
    ("영하 10도", -10, "C", False),  # ten below zero
    ("30℃", 30, "C", False),
    ("화씨 86도", 86, "F", False),
]

ENGLISH = [
    ("three", 3, None, False),
    ("a quarter-point cut", 0.25, "percent", False),  # against 0.25%포인트
    ("a quarter of a percentage point", 0.25, "percent", False),
    ("one year and six months", 18, "month", False),  # against 1년 6개월
    ("a year and a half", 18, "month", False),
    ("a year and a quarter", 15, "month", False),
    ("84 this year", 84, None, False),  # when, not 84 years
    ("a 40-hour week", 40, "hour", False),  # hours, not weeks
    ("6 square kilometers", 6, "km2", False),
    ("five intense days", 5, "day", False),
    ("a dozen", 12, None, False),
    ("1.2 million", 1_200_000, None, False),
    ("110 million", 110_000_000, None, False),
    ("$110 million", 110_000_000, "USD", False),
    ("1,000", 1_000, None, False),
    ("12.3 trillion", 12_300_000_000_000, None, False),
    ("30 percent", 30, "percent", False),
    ("30 per cent", 30, "percent", False),
    ("30%", 30, "percent", False),
    ("third", 3, "ordinal", False),
    ("3rd", 3, "ordinal", False),
    ("21st", 21, "ordinal", False),
    ("twenty-five", 25, None, False),
    ("three hundred and five", 305, None, False),
    ("5.71 billion yuan", 5_710_000_000, "CNY", False),
    ("about 275,000", 275_000, None, True),
    ("more than 50,000", 50_000, None, True),
    ("slightly more than 1,000", 1_000, None, True),
    ("the 34-year-old", 34, "age", False),
    ("75 mph", 75, "mph", False),
    ("a 10,500-square-foot reflector", 10_500, "ft2", False),
    ("a 5-gigawatt plant", 5, "GW", False),
    ("6 square kilometres", 6, "km2", False),
    ("1,200 square miles", 1_200, "mile2", False),
    ("a four-day slide", 4, "day", False),
    ("a hundred", 100, None, False),
    ("$3 billion", 3_000_000_000, "USD", False),
    ("a 9-point lead", 9, "percent", False),
    ("$1.5bn", 1_500_000_000, "USD", False),
    ("£300m", 300_000_000, "GBP", False),
    ("US$4.2bn", 4_200_000_000, "USD", False),
    ("2.5bn euros", 2_500_000_000, "EUR", False),
    ("about $400k", 400_000, "USD", True),
    ("half a million", 500_000, None, False),
    ("a half-million", 500_000, None, False),
    ("two-thirds voted", 2 / 3, "fraction", False),
    ("a 10km walk", 10, "km", False),
    ("120km/h winds", 120, "km/h", False),
    ("17 light years", 17, "lightyear", False),
    ("30 degrees Celsius", 30, "C", False),
    ("86°F", 86, "F", False),
    ("minus 10 degrees Celsius", -10, "C", False),
    ("women in their 20s", 20, None, False),  # 20대 여성
    ("a man in his early 40s", 40, None, False),
    ("one-fourth voted", 0.25, "fraction", False),
    ("his twenty-fifth birthday", 25, "ordinal", False),  # one ordinal, not 20 and a 5th
]

NOT_NUMBERS = [
    (ko, "구조대가 도착했다"),  # 구조 is "rescue", not nine trillion
    (ko, "열린 회의에서"),  # 열린 is "opened", not ten
    (ko, "세계 여러 나라"),  # 세계 is "world", not three
    (ko, "입장을 천명했다"),  # 천명 is "declare"
    (ko, "14일 발표했다"),  # a day of the month, handled by dates
    (ko, "코로나19 확산을 막았다"),  # a name, as "COVID-19" is in English
    (ko, "코로나 19 방역"),
    (en, "He won for the second time."),  # "second" stays weak unless a run of days or months follows
    (en, "in 2019"),  # a year, handled by dates
    (en, "the F-16 fighter"),
    (en, "a 5G network"),
    (en, "he ran the 100m"),  # metres or millions: left alone
]


@pytest.mark.parametrize(("text", "value", "unit", "approx"), KOREAN)
def test_korean_numbers(text, value, unit, approx):
    found = [q for q in ko.quantities(text) if not q.weak]
    assert [(q.value, q.unit, q.approx) for q in found] == [(pytest.approx(value), unit, approx)]


@pytest.mark.parametrize(("text", "value", "unit", "approx"), ENGLISH)
def test_english_numbers(text, value, unit, approx):
    found = [q for q in en.quantities(text) if not q.weak]
    assert [(q.value, q.unit, q.approx) for q in found] == [(pytest.approx(value), unit, approx)]


@pytest.mark.parametrize(("module", "text"), NOT_NUMBERS)
def test_words_that_are_not_numbers(module, text):
    assert [q for q in module.quantities(text) if not q.weak] == []


MAGNITUDES = [
    (ko, "수천 명이 모였다", 1_000),
    (ko, "수백명 이상이 다쳤다", 100),
    (ko, "수십만 명이 대피했다", 100_000),
    (ko, "수천억 달러 규모", 100_000_000_000),
    (en, "several hundred people", 100),
    (en, "dozens of people", 10),
    (en, "thousands of fans", 1_000),
    (en, "tens of thousands of people", 10_000),
    (en, "hundreds of millions of euros", 100_000_000),
]


@pytest.mark.parametrize(("module", "text", "value"), MAGNITUDES)
def test_orders_of_magnitude_in_words(module, text, value):
    found = [q for q in module.quantities(text) if not q.weak]
    assert [(q.value, q.magnitude, q.approx) for q in found] == [(value, True, True)]


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("수백명이 다쳤다", "hundreds were hurt", False),
        ("수백명이 다쳤다", "about 300 were hurt", False),
        ("수백명이 다쳤다", "dozens were hurt", True),
        ("수백명이 다쳤다", "thousands were hurt", True),
        ("수십명이 다쳤다", "dozens were hurt", False),
    ],
)
def test_magnitudes_are_compared(original, translation, flagged):
    found = [r for r in check_pair(original, translation) if r.code == "drift.number" and r.severity is not Severity.INFO]
    assert bool(found) is flagged


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("the devices were placed 15 meters (49 feet) apart", False),
        ("the devices were placed 15 meters (41 feet) apart", True),
        ("a 6-mile (10-km) radius", False),
        ("a 6-mile (100-km) radius", True),
        ("it cost $15 (20,000 won)", False),  # money converts at a rate of the day: not checked
    ],
)
def test_conversions_inside_the_translation(translation, flagged):
    found = [r for r in check_pair("폭발물은 15m 간격이었다", translation) if "conversion" in r.message]
    assert bool(found) is flagged


def test_impossible_day_after_a_month_is_compared_as_a_date():
    found = serious(check_pair("9월 11일 테러", "the September 41 attacks"))
    assert found and "41" in found[0].message


@pytest.mark.parametrize(("text", "value"), [("1억1천만", 110_000_000), ("2만 5천", 25_000), ("삼십", 30), ("3천500", 3_500), ("1,000만", 10_000_000)])
def test_parse_korean_numeral(text, value):
    assert ko.parse_numeral(text) == value


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (1_200_000, 1_187_000, True),  # rounded
        (1_187_000, 1_200_000, True),
        (3_000, 30_000, False),
        (14, 24, False),
        (275_000, 275_000, True),
        (2_000, 2_400, False),  # rounds to 2,000 at one significant digit, but 20% off: another figure
        (2_000, 1_960, True),
        (20_000_000, 17_000_000, False),  # 1,700만 as "20 million"
        (2_000, 2_600, False),
    ],
)
def test_same_number_up_to_rounding(a, b, same):
    assert same_number(a, b) is same


@pytest.mark.parametrize(("value", "digits"), [(1_200_000, 2), (275_000, 3), (64.5, 3), (7, 1), (0.5, 1)])
def test_significant_digits(value, digits):
    assert significant_digits(value) == digits


@pytest.mark.parametrize(("a", "b", "edited"), [(34, 74, True), (102, 1020, True), (6, 2, False), (975, 10_500, False), (2, 1_500, False)])
def test_looks_edited(a, b, edited):
    assert looks_edited(a, b) is edited


FAITHFUL = [
    ("정부는 3천 명을 대피시켰다.", "The government evacuated 3,000 people."),
    ("이 수퍼컴퓨터는 1억1천만 달러 짜리다.", "The supercomputer cost $110 million."),
    ("초당 12조3천억 번 계산한다.", "It performs 12.3 trillion calculations a second."),
    ("주민 1천여 명이 대피했다.", "Slightly more than 1,000 residents were evacuated."),
    ("외국인은 하루에만 4천 5백억 원어치를 순매도했다.", "Foreigners were net sellers of 450 billion won worth in a day."),
    ("올해 들어 입국한 탈북자는 2천 4백여 명이다.", "About 2,400 defectors have arrived this year."),
    ("사망 1천 명, 부상 2백 명으로 집계됐다.", "The toll was 1,000 dead and 200 injured."),  # two numbers, not 1,200
    ("부부가 함께 쓰면 최대 1년 6개월까지 쓸 수 있다.", "Couples can take up to 18 months."),
    ("국경이 막힌 지 1년 반이 다 돼 간다.", "It has been almost a year and a half since the border closed."),
    ("금통위원 2명은 0.25%포인트 인하가 필요하다는 소수의견을 냈다.", "Two members dissented, calling for a quarter-point cut."),
    ("2024∼2025 곡물 시즌 동안 곡물이 수출됐다.", "Grain was exported in the 2024-25 season."),
    ("인구는 120만 명이다.", "The population is 1.2 million."),
    ("두 사람이 다쳤다.", "Two people were hurt."),
    ("그들은 30% 올랐다고 말했다.", "They said it rose 30 percent."),
    ("시속 120km의 바람이 불었다.", "Winds reached 75 mph."),
    ("975 m²의 공간에 반사경을 설치한다.", "Workers spread a 10,500-square-foot reflector."),  # converted
    ("세 정상은 2차 세계대전 희생자를 추모했다.", "The three leaders honored the victims of World War II."),
    ("1차 세계대전이 끝났다.", "World War I ended."),
    ("30평 아파트 값이 올랐다.", "Prices of 1,070-square-foot apartments rose."),
    ("오늘은 1억5천만 유로, 내일은 2억 유로가 될 것이다.", "Today it is 150 million euros and tomorrow it will be 200."),
    ("베일(34)은 말했다.", "The 34-year-old Bale said."),
    ("이적료는 2억3800만달러(약 2400억 원)이다.", "The fee is $238 million."),  # the won conversion left out
    ("이적료는 2억3800만달러(약 2400억 원)이다.", "The fee is $238 million (240 billion won)."),
    ("회사는 3억 원(약 25만 달러)을 투자했다.", "The company invested 300 million won ($250,000)."),
]

CHANGED = [
    ("정부는 3천 명을 대피시켰다.", "The government evacuated 30,000 people.", "3,000", "30,000"),
    ("리터당 1천 9백 원을 넘었다.", "It passed 1,600 won a liter.", "1,900", "1,600"),
    ("징역 1년 6월을 선고받았다.", "He was sentenced to 16 months.", "18", "16"),
    ("이 수퍼컴퓨터는 1억1천만 달러 짜리다.", "The supercomputer cost $170 million.", "110,000,000", "170,000,000"),
    ("부상자는 14명이다.", "Seventeen people were injured.", "14", "17"),
    ("그는 34세다.", "He is 74 years old.", "34", "74"),
    ("런던에서 240km 떨어진 곳이다.", "It is 1,500 miles from London.", "240", "1,500"),
    ("975 m²의 공간에 반사경을 설치한다.", "Workers spread a 975-square-foot reflector.", "975", "975"),
    # the scale word said once, the figure repeated bare and changed
    ("오늘은 1억5천만 유로, 내일은 2억 유로가 될 것이다.", "Today it is 150 million euros and tomorrow it will be 203.", "200,000,000", "203"),
    # World War II answers 2차 세계대전, so "two" must answer 세
    ("세 정상은 2차 세계대전 희생자를 추모했다.", "The two leaders honored the victims of World War II.", "3", "2"),
    # a speed is no distance, however close the figures: 150 km/h stays unmatched by "165 miles"
    ("시속 120km에서 약 150km의 강풍이 불며 약 266km 떨어진 곳에 있다.",
     "Winds near 75 mph with gusts of 50 mph, about 165 miles away.", "150", "50"),
    # a million as a billion: $238 billion is about the won figure, but no dollar amount is a won amount
    ("이적료는 2억3800만달러(약 2400억 원)이다.", "The fee is $238 billion.", "238,000,000", "238,000,000,000"),
    ("수익은 1억5840만달러 (약 1600억원)였다.", "It took $158.4 billion.", "158,400,000", "158,400,000,000"),
]


@pytest.mark.parametrize(
    ("ko_text", "en_text", "original", "translated"),
    [
        ("회사는 3억 원을 투자했다.", "The company invested $300 million.", "3억 원", "$300 million"),
        ("수출액은 5억 달러로 늘었다.", "Exports rose to 500 million yuan.", "5억 달러", "500 million yuan"),
    ],
)
def test_the_same_figure_in_another_currency_is_an_error(ko_text, en_text, original, translated):
    (error,) = [r for r in check_pair(ko_text, en_text, enabled=["number"]) if r.severity is Severity.ERROR]
    assert "another currency" in error.message
    assert [span.text for span in error.src] == [original] and [span.text for span in error.tgt] == [translated]


@pytest.mark.parametrize(
    ("ko_text", "en_text", "turned"),
    [
        ("최소 10명이 숨졌다.", "Up to 10 people died.", True),
        ("최대 10명이 숨졌다.", "At least 10 people died.", True),
        ("실업률은 5% 미만이다.", "Unemployment is more than 5%.", True),
        ("최소 10명이 숨졌다.", "At least 10 people died.", False),
        ("10명 이상이 숨졌다.", "More than 10 people died.", False),
        ("실업률은 5% 미만이다.", "Unemployment is under 5%.", False),
        ("최소 10명이 숨졌다.", "Ten people died.", False),  # a bound left out is not turned
    ],
)
def test_a_bound_turned_around_is_an_error(ko_text, en_text, turned):
    errors = [r for r in check_pair(ko_text, en_text, enabled=["number"]) if r.severity is Severity.ERROR]
    assert bool(errors) is turned
    if turned:
        assert "at least" in errors[0].message and "at most" in errors[0].message


@pytest.mark.parametrize(("ko_text", "en_text"), FAITHFUL)
def test_faithful_numbers_are_quiet(ko_text, en_text):
    found = check_pair(ko_text, en_text, enabled=["number"])
    assert serious(found) == []


@pytest.mark.parametrize(("ko_text", "en_text", "original", "translated"), CHANGED)
def test_changed_numbers_are_errors(ko_text, en_text, original, translated):
    found = check_pair(ko_text, en_text, enabled=["number"])
    errors = [r for r in found if r.severity is Severity.ERROR]
    assert len(errors) == 1
    assert errors[0].code == "drift.number"
    assert f"number {original} in the original" in errors[0].message
    assert f"is {translated} in the translation" in errors[0].message
    assert errors[0].src and errors[0].tgt


def test_the_same_figure_in_another_measure_answers_nothing():
    """"five years" is no 5 watts (kpc-dev's 5와트 for "5 gigawatts"): 3년 stays to be compared."""
    found = check_pair("5와트 목표를 3년 앞당겨 달성했다.", "The goal of 5 gigawatts was met five years early.", enabled=["number"])
    assert ("3년", "five years") in [(r.src[0].text, r.tgt[0].text) for r in found if r.severity is Severity.ERROR]


def test_missing_number_is_info_with_evidence():
    found = check_pair("사망자는 17명이다.", "Several people died.", enabled=["number"])
    assert [(r.severity, r.src[0].text) for r in found] == [(Severity.INFO, "17명")]


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("the two nations would resume talks", False),
        ("both nations would resume talks", False),
        ("the nations would resume talks", False),  # a number left out is only a note
        ("their four nations would resume talks", True),
    ],
)
def test_korean_two_of_a_pair(translation, flagged):
    found = check_pair("양국이 협의를 재개하기로 합의했다", translation)
    assert bool(serious(found)) is flagged


def test_batting_average_is_one_number_on_both_sides():
    ko_text = "2할6푼8리의 타율, 홈런 3개, 타점 22개"
    assert [q.value for q in ko.quantities(ko_text)] == [pytest.approx(0.268), 3, 22]
    assert serious(check_pair(ko_text, "hitting .268 with three homers and 22 RBIs")) == []
    changed = serious(check_pair(ko_text, "hitting .268 with two homers and 22 RBIs"))
    assert changed and '"3개"' in changed[0].message


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("about 280,000 people were evacuated", False),  # rounded: the hedge covers it
        ("about 275,000 people were evacuated", False),
        ("about 277,000 people were evacuated", True),  # three digits stated, and wrong
    ],
)
def test_a_hedge_covers_rounding_not_a_different_figure(translation, flagged):
    found = check_pair("주민 27만5000명을 대피시켰다", translation)
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("지지율이 80%였다", "more than 80 percent", False),
        ("지지율이 80%였다", "more than 87 percent", True),  # a lower bound above the figure
        ("지지율이 80%였다", "nearly 75 percent", True),  # an upper bound below it
        ("지지율이 80%였다", "75 percent", True),  # 80 is not 75 rounded
        ("300여명이 다쳤다", "more than 300 were hurt", False),
        ("300여명이 다쳤다", "about 310 were hurt", False),
        ("최소 70명이 숨졌다", "at least 70 were killed", False),
        ("1천여 명이 모였다", "slightly more than 1,000 gathered", False),
        # 여 ("and some") reaches up to the next step of its last digit: 10여 is 10 to 19
        ("미사일을 10여 차례 발사했다", "fired missiles about a dozen times", False),
        ("미사일을 10여 차례 발사했다", "fired missiles more than 20 times", True),
        ("2천여 명이 모였다", "some 2,500 gathered", False),
        ("2천여 명이 모였다", "3,000 gathered", True),
        ("1천여 명이 모였다", "2,000 gathered", True),
        ("40개국 이상이 참가했다", "more than 46 countries took part", True),  # 이상 has no such range
        ("40여 개국이 참가했다", "more than 46 countries took part", False),
        ("118만7천 명이 투표했다", "1.2 million voted", False),  # rounding of a large number
        ("지갑에 겨우 10달러밖에 없었다", "he had only $10 in his wallet", False),
        ("지갑에 겨우 10달러밖에 없었다", "he had only $9 in his wallet", True),  # "only" stresses, it does not round
        ("200명이 모였다", "just 190 gathered", True),
        ("200명이 모였다", "just under 200 gathered", False),
        ("불과 200명이 모였다", "only 190 gathered", True),  # 불과 and 무려 stress a figure, they do not hedge it
        ("무려 200명이 모였다", "a staggering 210 gathered", True),
        ("무려 200명이 모였다", "as many as 200 gathered", False),
    ],
)
def test_hedges_bound_and_small_numbers_are_exact(original, translation, flagged):
    found = check_pair(original, translation)
    assert bool([r for r in found if r.severity is not Severity.INFO and r.code == "drift.number"]) is flagged


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("Nadal won 6-3 6-2 over Kiefer.", False),  # the original runs the sets together: 6-36-2
        ("Nadal won 6-4 6-2 over Kiefer.", True),
    ],
)
def test_scores_compare_by_their_digits(translation, flagged):
    found = check_pair("나달이 키퍼를 2-0(6-36-2)으로 꺾었다.", translation)
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("module", "text", "value"),
    [
        (en, "roughly a third of the staff", 1 / 3),
        (en, "two-thirds of the members", 2 / 3),
        (en, "paid a quarter as much", 0.25),
        (ko, "직원의 3분의 1이", 1 / 3),
        (ko, "삼분의 이가 찬성했다", 2 / 3),
        (ko, "예산의 절반을 썼다", 0.5),
    ],
)
def test_shares_are_fractions(module, text, value):
    found = [q for q in module.quantities(text) if not q.weak]
    assert [(q.value, q.unit) for q in found] == [(pytest.approx(value), "fraction")]


@pytest.mark.parametrize("text", ["the third round begins", "his third term in office"])
def test_a_third_of_something_is_not_an_ordinal_but_the_third_is(text):
    assert [q.unit for q in en.quantities(text)] == ["ordinal"]


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("응답자의 30%가 찬성했다", "About a third of those asked agreed.", False),
        ("응답자의 50%가 찬성했다", "About a third of those asked agreed.", True),
        ("임금은 남성의 절반 수준이다", "Their pay is half that of men.", False),
        ("임금은 남성의 절반 수준이다", "Their pay is a quarter of that of men.", True),
        ("직원의 3분의 2가 떠났다", "Two-thirds of the staff left.", False),
        ("직원의 3분의 2가 떠났다", "Three-quarters of the staff left.", True),
    ],
)
def test_shares_compare_with_percentages_and_each_other(original, translation, flagged):
    found = check_pair(original, translation, enabled=["number"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("계획은 네 단계로 나뉜다", "The plan has four stages.", False),
        ("계획은 네 단계로 나뉜다", "The plan has three stages.", True),
        ("새는 두 종류다", "There are five kinds of bird.", True),
    ],
)
def test_native_numerals_before_counting_nouns(original, translation, flagged):
    found = check_pair(original, translation, enabled=["number"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("They shipped 300,000 tons of rice.", False),
        ("They shipped 300,004 tons of rice.", True),  # a digit stuck on the round figure
        ("They shipped 301,200 tons of rice.", False),  # a precise count the original rounded
    ],
)
def test_rounding_is_not_a_digit_added_after_zeros(translation, flagged):
    found = check_pair("쌀 30만 톤을 보냈다", translation, enabled=["number"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("about 48 percent of the vote", False),
        ("about 47 percent of the vote", True),  # both hedged, both to the unit: two figures
        ("about 50 percent of the vote", False),  # a round figure may be the hedge's rounding
    ],
)
def test_a_shared_hedge_does_not_cover_two_precise_figures(translation, flagged):
    found = check_pair("약 48%를 득표했다", translation, enabled=["number"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        # a weak native amount of time against a changed one
        ("회담 하루 전에 폭발이 있었다", "The blast came 24 hours before the talks.", False),
        ("회담 하루 전에 폭발이 있었다", "The blast came 72 hours before the talks.", True),
        # a count the translation states as a bare four-digit number, read as a year
        ("명단에는 180명이 올라 있다", "The list names 180 suspects.", False),
        ("명단에는 180명이 올라 있다", "The list names 1800 possible suspects.", True),
        ("부상자는 300명이었다", "It injured more than 3000.", True),
        # the same figure in another unit of its dimension is another amount
        ("미사일은 약 350km를 비행했다", "The missile flew about 350 miles.", True),
        ("미사일은 약 350km를 비행했다", "The missile flew about 217 miles.", False),  # converted
        ("시속 80km가 넘는 강풍이 분다", "Winds of more than 80 miles per hour are blowing.", True),
        ("시속 80km가 넘는 강풍이 분다", "Winds of more than 50 miles per hour are blowing.", False),  # converted
        ("약 3주 만이다", "It is the first in about three months.", True),
        ("약 3주 만이다", "It is the first in about three weeks.", False),
        # a spell counted on one side is the ordinal of its last step on the other
        ("수출은 석 달째 감소했다", "Exports fell for the third month in a row.", False),
        ("수출은 석 달째 감소했다", "Exports fell for the second month in a row.", True),
        ("수출은 2개월 연속 감소했다", "Exports fell for a second straight month.", False),
        ("수출은 3개월 연속 감소했다", "Exports fell for a second straight month.", True),
        ("누리호는 세 번 연속 성공했다", "Nuri succeeded for the third time in a row.", False),
        ("귀순한 것은 올해 들어 세 번째입니다", "It is the second time this year.", True),  # "second time this year": a count
        ("제조업 취업자는 4개월째 줄었다", "Manufacturing jobs fell for the second month.", True),  # the step of a spell
        ("지난해 20여 건에서 올해 48건으로 늘었다", "It rose from about 20 last year to 84 this year.", True),
        ("최대 400mm가 넘는 폭우가 쏟아졌다", "Downpours of more than 400 millimeters hit.", False),  # the peak was over 400
        ("보험료율은 해마다 0.5%포인트씩 오른다", "The rate will rise by 1 percentage point a year.", True),  # 1 with a unit
        ("영화제는 열흘간의 일정에 들어갔다", "The festival began its 12-day run.", True),
        ("투자 규모를 170억 달러에서 440억 달러로 늘렸다", "It raised the investment from $17 billion to $40 billion.", True),
        ("보험료율을 현행 9%에서 13%로 올린다", "It raises the rate from the current 13 percent to 9 percent.", True),
        ("최대 400mm의 폭우가 쏟아졌다", "Downpours of more than 400 millimeters hit.", True),
        ("제조업 취업자는 4개월째 줄었다", "Manufacturing jobs fell for the fourth month.", False),
        ("누리호는 세 번 연속 성공했다", "It was Nuri's second success in a row.", True),  # "second", counted before "in a row"
        # a figure's move turned around, both numbers kept
        ("기준금리를 연 3.5%에서 3.25%로 내렸다.", "It cut the rate from 3.5 percent to 3.25 percent.", False),
        ("기준금리를 연 3.5%에서 3.25%로 내렸다.", "It cut the rate from 3.25 percent to 3.5 percent.", True),
        # a multiple after a hedge is an amount, not a double standard
        ("전 분기보다 2배 가까이 늘었다", "It was nearly double that of the previous quarter.", False),
        ("전 분기보다 2배 가까이 늘었다", "It was nearly triple that of the previous quarter.", True),
        # one of seven, said in digits, is a count to compare
        ("금통위원 7명 가운데 1명은 동결을 주장했다.", "One of the seven members argued for a hold.", False),
        ("금통위원 7명 가운데 1명은 동결을 주장했다.", "Two of the seven members argued for a hold.", True),
        # with another number left over on either side
        ("독감 환자 3주 연속 증가…65세 이상 접종 서둘러야", "Flu cases rise for second straight week; over-65s urged to get shots", True),
        ("독감 환자 3주 연속 증가…65세 이상 접종 서둘러야", "Flu cases rise for third straight week; over-65s urged to get shots", False),
        # the one number each side has left, when the bare one may leave its unit unsaid
        ("그 아이는 당시 5살이었다", "The child was five at the time.", False),
        ("그 아이는 당시 5살이었다", "The child was nearly four at the time.", True),
        ("그 아이는 당시 5살이었다", "The child had 40 toys at the time.", False),  # not a plausible age slip
        ("수색에는 최소 5일이 걸린다", "The search will take at least five days.", False),
        ("수색에는 최소 5일이 걸린다", "The search will take at least four days.", True),
    ],
)
def test_numbers_left_over_in_other_shapes(original, translation, flagged):
    found = check_pair(original, translation, enabled=["number", "date"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("1급 태풍으로 약해졌다", "It weakened to a Category 1 storm.", False),
        ("1급 태풍으로 약해졌다", "It weakened to a Category 3 storm.", True),
        ("3급 허리케인이 접근한다", "A Category 3 hurricane approaches.", False),
        ("3급 허리케인이 접근한다", "A Category 5 hurricane approaches.", True),
    ],
)
def test_storm_categories(original, translation, flagged):
    found = check_pair(original, translation, enabled=["number"])
    assert bool(serious(found)) is flagged


def test_same_value_with_the_same_unit_is_matched_first():
    # 두 시간 must not be used up by "second", leaving 두 번째 over and the hours unnoticed
    original = "두 시간 뒤 두 번째 신고가 들어왔다"
    assert serious(check_pair(original, "Two hours later came a second report.", enabled=["number"])) == []
    changed = [r for r in check_pair(original, "Five hours later came a second report.", enabled=["number"]) if r.severity is Severity.ERROR]
    assert len(changed) == 1 and '"두 시간"' in changed[0].message


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("3천여 가구가 피해를 입었다", "About 3,000 homes were damaged.", False),
        ("3천여 가구가 피해를 입었다", "About 3,005 homes were damaged.", True),  # no hedge rounds to that
        ("3천여 가구가 피해를 입었다", "About 3,200 homes were damaged.", False),
        ("1,300년 된 사원이다", "It is a 1,300-year-old temple.", False),
        ("1,300년 된 사원이다", "It is a 1,800-year-old temple.", True),  # years of age, said as a length of time
        ("총 2억 유로를 제시했다", "It offered 200 million euros in all.", False),
        ("총 2억 유로를 제시했다", "It offered 2000 million euros in all.", True),  # not the year 2000
        ("4세기 그리스어 필사본", "a fourth-century Greek manuscript", False),  # 세기 is a century, not 세 (age)
        ("4세기 그리스어 필사본", "a fifth-century Greek manuscript", True),
        ("3분기 연속 영업이익이 늘었다", "Operating profit rose for the third straight quarter.", False),  # not 분 (minutes)
        ("3분기 연속 영업이익이 늘었다", "Operating profit rose for the fourth straight quarter.", True),
        ("일주일 동안 머물렀다", "He stayed for a week.", False),
        ("일주일 동안 머물렀다", "He stayed for two weeks.", True),
        ("그 별은 17광년 떨어져 있다", "The star is 17 light years away.", False),
        ("그 별은 17광년 떨어져 있다", "The star is 34 light-years away.", True),
        ("그 별은 17광년 떨어져 있다", "The star is 34 light years away.", True),
        ("3억 5천만 명이 산다", "350 million people live there.", False),
        ("3억 5천만 명이 산다", "530 million people live there.", True),
        ("15억 달러를 투자했다", "It invested $1.5bn.", False),
        ("15억 달러를 투자했다", "It invested $2.5bn.", True),
        ("50만 명이 모였다", "Half a million people gathered.", False),
        ("50만 명이 모였다", "A million people gathered.", True),
        ("수출이 4배 늘었다", "Exports quadrupled.", False),
        ("수출이 2배 늘었다", "Exports tripled.", True),
        ("수출이 10배 늘었다", "Exports rose tenfold.", False),
        ("수출이 2배 늘었다", "Exports rose threefold.", True),
        ("낮 기온이 섭씨 30도까지 올랐다", "Temperatures rose to 86 degrees Fahrenheit.", False),  # converted
        ("낮 기온이 섭씨 30도까지 올랐다", "Temperatures rose to 96 degrees Fahrenheit.", True),
        ("영하 10도까지 떨어졌다", "It fell to minus 10 degrees Celsius.", False),
        ("영하 10도까지 떨어졌다", "It fell to 14 degrees Fahrenheit.", False),
        ("영하 10도까지 떨어졌다", "It fell to 10 degrees Fahrenheit.", True),
        # 영하 after the scale's name; a sign on both sides (this raised ValueError)
        ("기온은 섭씨 영하 5도였다", "It was minus 5 degrees Celsius.", False),
        ("기온은 섭씨 영하 5도였다", "It was minus 15 degrees Celsius.", True),
        ("북위 38도선 부근", "near the 38th parallel", False),  # a latitude, not a temperature
        ("20대 여성이 대부분이다", "Most are women in their 20s.", False),
        ("20대 여성이 대부분이다", "Most are women in their 30s.", True),
        ("5분의 1이 찬성했다", "One-fifth voted for it.", False),
        ("5분의 1이 찬성했다", "One-fourth voted for it.", True),
    ],
)
def test_more_number_shapes(original, translation, flagged):
    found = check_pair(original, translation, enabled=["number", "date"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("그는 7차전에서 이겼다", "He won Game 7.", False),
        ("그는 7차전에서 이겼다", "He won Game 6.", True),  # an ordinal the translation says as a label
        ("그는 7차전에서 이겼다", "He won all 20 games.", False),  # too far apart to be the same one
    ],
)
def test_an_ordinal_may_be_said_as_a_bare_number(original, translation, flagged):
    found = check_pair(original, translation, enabled=["number"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("회의는 30분 동안 이어졌다", "The meeting went on for half an hour.", False),
        ("회의는 30분 동안 이어졌다", "The meeting went on for a quarter an hour.", True),
        ("삼백여 년 전에 지어졌다", "It was built more than three hundred years ago.", False),
        ("삼백여 년 전에 지어졌다", "It was built more than five hundred years ago.", True),
        ("경찰 600명이 투입됐다", "Up to 600 police were sent in.", False),
        ("경찰 600명이 투입됐다", "Up to 604 police were sent in.", True),  # a hedge does not round to 604
        ("시속 90km에서 약 130km의 바람", "winds of 56 to 81 mph", False),
        ("시속 90km에서 약 130km의 바람", "winds of 56 to 40 mph", True),  # the second speed is a speed too
    ],
)
def test_shares_of_time_tilde_counters_and_slips(original, translation, flagged):
    found = check_pair(original, translation, enabled=["number"])
    assert bool(serious(found)) is flagged


def test_a_conversion_of_weak_numbers_is_checked_with_nothing_else_stated():
    """Beads with no number but weak ones skip the matching, not the conversions."""
    found = check_pair("그것은 가까이 있다", "it is one mile (one kilometer) away", enabled=["number"])
    assert [r.severity for r in found if "conversion" in r.message] == [Severity.WARNING]


@pytest.mark.parametrize(("coarse", "fine", "same"), [(300_000, 300_004, False), (1_500, 1_507, False), (1_300_000, 1_304_000, True), (1_300_000, 1_300_683, True)])
def test_a_digit_stuck_on_a_round_figure_is_not_rounding(coarse, fine, same):
    assert same_number(coarse, fine) is same


@pytest.mark.parametrize(
    ("translation", "flagged"),
    [
        ("On Friday the 17th, the 17th floor was shut, so 17 is feared.", False),
        ("On Friday the 17th, the 17th floor was shut, so 170 is feared.", True),  # the day does not also answer the number
    ],
)
def test_a_date_answers_one_number_only(translation, flagged):
    found = check_pair("17일 금요일에 17층이 폐쇄되어 17이란 숫자를 꺼린다", translation, enabled=["number"])
    assert bool(serious(found)) is flagged


CLUE_TEXTS = [
    (en, "Twice, a couple of dozen people came on March 3, 1999 at noon."),
    (en, "Hundreds of thousands left at half past two on the 21st."),
    (en, "He came TWICE in the seventh week of LAST YEAR, Monday."),
    (en, "Three-fourths of both teams won ٣ games."),
    (en, "The talks resumed."),
    (en, "At 10:30 p.m., 9am, 9 AM, 0900 GMT, at 0930 and seven o'clock in the 1992-1995 war, on 5/12 and the 3rd."),
    (en, "Two-thirds left at a quarter to six, the rest at nine forty, a fifth of them at 1400 hours."),
    (en, "In 2008 they won 3 of 5 games."),
    (ko, "양측은 3분의 1과 절반, 수백 명을 두고 이틀 동안 2008년 6월 15일 오후 3시에 만났다."),
    (ko, "수천 명이 모였다."),
    (ko, "회의는 조용히 끝났다."),
    (ko, "2할6푼8리를 친 그는 10시쯤 5일 동안 7월의 2009년 경기를 돌아봤다."),
    (ko, "3명이 5개를 샀다."),
]


@pytest.mark.parametrize(("module", "text"), CLUE_TEXTS)
def test_skipped_patterns_could_not_have_matched(monkeypatch, module, text):
    """Numbers and dates are the same when every pattern runs, clues or not."""
    found = (module.quantities(text), module.dates(text))
    module._dates_cached.cache_clear()
    monkeypatch.setattr(module, "_finditer", lambda pattern, text, possible: pattern.finditer(text))
    assert (module.quantities(text), module.dates(text)) == found
    module._dates_cached.cache_clear()



@pytest.mark.parametrize(
    "english, flagged",
    [
        ("He came TWİCE.", False),  # dotted capital I: "twice", two times, as the original says
        ("He came three tımes.", True),  # dotless i
        ("He came 2 times on ſunday.", False),  # long s
        ("A mıllion people came twice.", False),
    ],
)
def test_letters_that_fold_to_i_and_s_are_read_as_those_letters(english, flagged):
    found = check_pair("그는 두 번 왔다.", english, enabled=["number"])  # raised KeyError / ValueError before
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    "ko_text, en_text, flagged",
    [
        ("항공사는 보잉 74730대를 점검했다.", "The airline checked its 30 Boeing 747 jets.", False),  # space lost
        ("항공사는 보잉 747 30대를 점검했다.", "The airline checked its 74730 Boeing jets.", False),  # the other way
        ("항공사는 보잉 74730대를 점검했다.", "The airline checked its 31 Boeing 747 jets.", True),  # 747 and 31 do not run together
        ("항공사는 보잉 7430대를 점검했다.", "The airline checked its 0 Boeing 743 jets.", True),  # a lone digit is no part
    ],
)
def test_two_numbers_run_together_are_not_a_changed_number(ko_text, en_text, flagged):
    found = check_pair(ko_text, en_text, enabled=["number"])
    assert bool(serious(found)) is flagged


@pytest.mark.parametrize(
    ("original", "translation"),
    [
        ("1" * 400 + "억 명", "3 people"),  # 1e408 is infinity as a float
        ("주문번호 " + "7" * 320 + "번", "order 0.5 was lost"),
        ("3명", "ID " + "9" * 400 + " and 0.001"),
    ],
)
def test_a_digit_run_too_long_to_be_a_figure_is_not_one(original, translation):
    found = check_pair(original, translation, enabled=["number"])
    assert all(len(r.message) < 300 for r in found)  # no quantity made of the whole run


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        (ko, "작업자 3명이 숨지고 7명이 다쳤습니다.", [("dead", 3), ("injured", 7)]),
        (ko, "15명이 숨지고 150명 이상이 다쳤다.", [("dead", 15), ("injured", 150)]),
        (ko, "사망자는 모두 12명, 부상자 30명이다.", [("dead", 12), ("injured", 30)]),
        (ko, "2명이 실종됐다.", [("missing", 2)]),
        (ko, "3명이 회의에 참석했다.", []),
        (en, "killing three workers and injuring seven.", [("dead", 3), ("injured", 7)]),
        (en, "officials confirmed 15 deaths and more than 150 injuries.", [("dead", 15), ("injured", 150)]),
        (en, "At least 12 were missing.", [("missing", 12)]),
        (en, "The death toll rose to 20.", [("dead", 20)]),
        (en, "The fire destroyed 1,200 homes and injured five people.", [("injured", 5)]),
        (en, "Three workers attended and seven were injured.", [("injured", 7)]),
    ],
)
def test_people_counted_with_what_befell_them(module, text, expected):
    assert [(c.role, c.quantity.value) for c in module.casualties(text)] == expected


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("불이 나 3명이 숨지고 7명이 다쳤다.", "The fire killed three and injured seven.", False),
        ("불이 나 3명이 숨지고 7명이 다쳤다.", "The fire killed seven and injured three.", True),
        ("불이 나 3명이 숨지고 7명이 다쳤다.", "The fire left three dead and seven injured.", False),
        ("불이 나 3명이 숨지고 7명이 다쳤다.", "The fire left seven dead and three injured.", True),
        ("2명이 숨지고 2명이 다쳤다.", "Two were killed and two injured.", False),  # one number, both roles
        ("2명이 실종됐다.", "Two people died.", True),
    ],
)
def test_a_number_of_people_put_to_another_fate_is_an_error(original, translation, flagged):
    found = [r for r in check_pair(original, translation, enabled=["number"]) if r.severity is Severity.ERROR]
    assert bool(found) is flagged
    if flagged:
        assert "in the translation" in found[0].message and found[0].src and found[0].tgt
