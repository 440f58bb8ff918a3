"""Korean: numerals, counters, dates, names and negation, as data plus extractors.

Numbers come in three shapes: Arabic digits with Sino-Korean place units
(1억1천만, 2만 5천, 27만5000), Sino-Korean words (삼십 퍼센트, 천 명) and
native words before a counter (세 명, 스무 살). Single Sino-Korean syllables
(이, 일, 사, 만 …) are everyday words too, so a Hangul-only numeral counts only
when it stands as a word of its own and a counter follows.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...romanize import romanize
from ..values import Counted, DateMention, Marker, Name, Quantity, Span, in_order, marked

CODE = "ko"
CASED_NAMES = False  # no capitals: names are looked up among all words

# --- numerals -------------------------------------------------------------

SINO_DIGITS = {"일": 1, "이": 2, "삼": 3, "사": 4, "오": 5, "육": 6, "칠": 7, "팔": 8, "구": 9}
SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
BIG_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12, "경": 10**16}

NATIVE_UNITS = {
    "한": 1, "하나": 1, "두": 2, "둘": 2, "세": 3, "셋": 3, "석": 3, "네": 4, "넷": 4, "넉": 4,
    "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9,
}
NATIVE_TENS = {
    "열": 10, "스물": 20, "스무": 20, "서른": 30, "마흔": 40, "쉰": 50,
    "예순": 60, "일흔": 70, "여든": 80, "아흔": 90,
}
#: native words for numbers of days (이틀 = two days)
DAY_WORDS = {"하루": 1, "이틀": 2, "사흘": 3, "나흘": 4, "닷새": 5, "엿새": 6, "이레": 7, "열흘": 10, "보름": 15}
#: native words for spans of time other than days, as (value, unit): 일주일 = "a week"
TIME_WORDS = {**{word: (days, "day") for word, days in DAY_WORDS.items()}, "일주일": (1, "week")}

#: counter -> canonical unit (None: a plain count); longest first when matched
COUNTERS: dict[str, str | None] = {
    "명": None, "개": None, "번": None, "차례": None, "세": "age", "살": "age", "마리": None,
    "가지": None, "사람": None, "곳": None, "권": None, "대": None, "채": None, "척": None,
    "건": None, "편": None, "장": None, "개국": None, "가구": None, "세대": None, "표": None,
    "석": None, "쌍": None, "그루": None, "병": None, "잔": None, "군데": None, "회": None,
    "층": None, "호": None, "쪽": None, "페이지": None, "개사": None, "기": None, "발": None,
    "단계": None, "종류": None, "급": "category",
    "세기": "ordinal", "분기": "ordinal",  # 4세기 = "the fourth century", 3분기 = "the third quarter"
    "위": "ordinal", "번째": "ordinal", "주년": "ordinal", "회째": "ordinal", "째": "ordinal", "차": "ordinal", "등": "ordinal",
    "년": "year", "해": "year", "개월": "month", "달": "month", "주": "week", "주일": "week",
    "일": "day", "시간": "hour", "분": "minute", "초": "second", "배": "times", "배럴": "barrel",
    "%": "percent", "％": "percent", "퍼센트": "percent", "프로": "percent",
    "%포인트": "percent", "％포인트": "percent", "포인트": "percent",
    "달러": "USD", "불": "USD", "원": "KRW", "위안": "CNY", "엔": "JPY", "유로": "EUR",
    "파운드": "GBP",
    "km": "km", "킬로미터": "km", "킬로": "km", "m": "m", "미터": "m", "mm": "mm",
    "밀리미터": "mm", "cm": "cm", "센티미터": "cm", "센티": "cm", "마일": "mile",
    "피트": "ft", "인치": "inch", "야드": "yard", "kg": "kg", "킬로그램": "kg", "g": "g",
    "그램": "g", "톤": "t", "파운드중": "lb", "㎞": "km", "㎏": "kg", "㎡": "m2",
    "제곱미터": "m2", "평방미터": "m2", "m²": "m2", "m2": "m2", "㎢": "km2", "km²": "km2", "km2": "km2",
    "제곱킬로미터": "km2", "평방킬로미터": "km2", "평": "pyeong", "헥타르": "ha", "에이커": "acre", "와트": "W", "킬로와트": "kW",
    "kw": "kW", "kW": "kW", "메가와트": "MW", "MW": "MW", "기가와트": "GW", "GW": "GW",
    "광년": "lightyear", "℃": "C", "°C": "C", "℉": "F", "°F": "F",
}
#: counters a native numeral may touch without a space (세대, 열차 and 열대 are words)
NATIVE_ATTACHED = ("번째", "번", "살", "명", "개", "가지", "차례", "마리", "시간", "달", "시")
_COUNTER_ALT = "|".join(sorted(map(re.escape, COUNTERS), key=len, reverse=True))

#: words before a number that make it approximate
APPROX_BEFORE = ("약", "대략", "거의", "최소", "최대", "최고", "근", "적어도", "대략적으로")
#: words right after the number (or its counter) that make it approximate
APPROX_AFTER = (
    "여", "이상", "이하", "미만", "초과", "가량", "정도", "쯤", "남짓", "안팎", "내외",
    "넘는", "넘게", "넘어", "넘었", "넘은", "가까이", "가까운", "이내", "내",
    "여만", "이상의", "여개", "여명",
)
#: prefixes that make a numeral vague (수천 = thousands): never compared
VAGUE_PREFIXES = ("수", "십수", "수십", "몇", "여러", "수백", "수천", "수만", "수억")

_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"
_GROUP = rf"{_DIGITS}[십백천만억조]*"
_DIGIT_NUMERAL = re.compile(
    # 3억 5천만, 1억 2000만, 1조 2천억: a space may follow a big unit before the next group;
    # so may the last digits before a currency or counter: 1만 30원 (10,030 won), 209만 6,270원
    rf"(?<![0-9A-Za-z.,]){_GROUP}(?:(?<=[십백천만억조]){_GROUP}|(?<=[만억조]) {_DIGITS}(?:[십백천]+[만억]?|[만억])"
    rf"|(?<=[만억조]) {_DIGITS}(?= ?(?:원|달러|위안|엔|유로|명|개|톤|대|건|표|가구|곳))"
    # and after 천 or 백 before a smaller unit: 4천 5백억 (450 billion), 1천 9백 원, 2천 4백여 명
    rf"|(?<=천) {_DIGITS}[백십]십?[만억조]?|(?<=백) {_DIGITS}십[만억조]?)*"
)
_SINO_SECTION = r"(?:[일이삼사오육칠팔구]?[십백천])+[일이삼사오육칠팔구]?"
#: Hangul-only numerals: 삼십, 오백, 이천오백만; a bare 천/만/백 needs a space before its counter
_HANGUL_NUMERAL = re.compile(
    rf"(?<![가-힣0-9.,])(?:(?=[일이삼사오육칠팔구십백천만억조]{{2}}){_SINO_SECTION}(?:[만억조](?:{_SINO_SECTION})?)*(?=(?: ?여)? ?(?:{_COUNTER_ALT}))"
    rf"|[백천만억](?= (?:{_COUNTER_ALT})))"
)
_NATIVE_NUMERAL = re.compile(
    r"(?<![가-힣0-9.,])(?:(열|스물|스무|서른|마흔|쉰|예순|일흔|여든|아흔)"
    r"(한|하나|두|둘|세|셋|네|넷|다섯|여섯|일곱|여덟|아홉)?"
    r"|(두|세|석|네|넉|다섯|여섯|일곱|여덟|아홉|한))"
    rf"(?=(?: ([가-힣]+)|({'|'.join(NATIVE_ATTACHED)})))"
)
_TIME_WORD = re.compile(rf"(?<![가-힣])({'|'.join(TIME_WORDS)})(?:(?=간의|간에|간은|만에|만의|째인|째를)|(?![가-힣]?[가-힣]{{2}}))")  # 열흘간의
#: one of `TIME_WORDS` anywhere, what `_TIME_WORD` needs: one search, not one `in` per word (issue #8)
_ANY_TIME_WORD = re.compile("|".join(TIME_WORDS))
_NUMERAL_TOKEN = re.compile(rf"{_DIGITS}|[일이삼사오육칠팔구십백천만억조경]")
_VAGUE_BEFORE = re.compile(rf"(?:{'|'.join(VAGUE_PREFIXES)})$")
#: a rate in tenths, hundredths and thousandths (batting averages): 2할6푼8리 = .268
_RATE = re.compile(r"(?<![0-9])(\d)할(?:\s?(\d)푼)?(?:\s?(\d)리)?")
#: a share: 3분의 1 (one third), 삼분의 이, 절반 (half)
_FRACTION = re.compile(r"(?<![0-9.,가-힣])(\d+|[일이삼사오육칠팔구십])\s?분의\s?(\d+(?:\.\d+)?|[일이삼사오육칠팔구])(?![0-9])|(?<![가-힣])절반")
#: a span of years and months as one count of months: 1년 6개월 (18 months), 징역 1년 6월 (a sentence), 1년 반
_YEARS_MONTHS = re.compile(
    r"(?<![0-9.,])(\d+)\s?년\s?(\d+)\s?개월|(?<=징역 )(\d+)\s?년\s?(\d+)\s?월(?!\s?\d+\s?일)|(?<![0-9.,])(\d+)\s?년\s?반(?=[이은을의에도]?(?![가-힣]))"
)
#: 양국, 양측, 양 후보: "the two countries, sides, candidates"
_BOTH = re.compile(r"(?<![가-힣])양 ?(?:국|측|사|당|진영|정상|후보|팀|선수)(?=[가-힣]?(?![가-힣]))")
#: 수백 = "hundreds", 수십만 = "hundreds of thousands": an order of magnitude in words
MAGNITUDES = {
    "십": 10, "백": 100, "천": 10**3, "만": 10**4, "십만": 10**5, "백만": 10**6, "천만": 10**7,
    "억": 10**8, "십억": 10**9, "백억": 10**10, "천억": 10**11, "조": 10**12,
}
_MAGNITUDE = re.compile(
    rf"(?<![가-힣0-9])(?:수|십수|몇) ?({'|'.join(sorted(MAGNITUDES, key=len, reverse=True))})"
    rf"(?= ?(?:{_COUNTER_ALT})|여|의|\s)"
)


def parse_numeral(text: str) -> float | None:
    """1억1천만 → 110000000, 2만 5천 → 25000, 삼십 → 30; None if not a numeral."""
    total, section, current = 0.0, 0.0, None
    for token in _NUMERAL_TOKEN.findall(text):
        if token in SMALL_UNITS:
            section += (1 if current is None else current) * SMALL_UNITS[token]
            current = None
        elif token in BIG_UNITS:
            chunk = section + (current or 0)
            total += (chunk or 1) * BIG_UNITS[token]
            section, current = 0.0, None
        elif token in SINO_DIGITS:
            current = SINO_DIGITS[token]
        else:
            current = float(token.replace(",", ""))
    if current is None and section == 0 and total == 0:
        return None
    return total + section + (current or 0)


def _counter_after(text: str, end: int) -> tuple[str | None, int]:
    """The counter right after a number (one optional space), and where it ends."""
    match = _COUNTER_AFTER.match(text, end)
    if not match:
        return None, end
    return match.group(1), match.end()


_TRILLION_AFTER = re.compile(r" ?(?:\d|[일이삼사오육칠팔구]?[십백천]|원|달러|위안|엔|유로|파운드|개|번|명|대|배|여)")
#: the counter may follow 여 ("20여 년", "300여명"): the unit still counts
_COUNTER_AFTER = re.compile(rf"(?: ?여)? ?({_COUNTER_ALT})")
#: 도 after a number is a temperature only with one of these before it (38도선 is a latitude)
_DEGREES_AFTER = re.compile(r" ?도(?!선)")
_TEMPERATURE_BEFORE = re.compile(r"(섭씨|화씨|영상|영하|기온)[^0-9]{0,4}$")
#: 영하 before a temperature, also after the scale's name (섭씨 영하 5도)
_BELOW_ZERO = re.compile(r"영하[^0-9]{0,4}$")
_APPROX_AFTER = re.compile(rf" ?(?:{'|'.join(sorted(APPROX_AFTER, key=len, reverse=True))})")
_APPROX_BEFORE = re.compile(rf"(?:{'|'.join(APPROX_BEFORE)}) ?$")


def _is_approx(text: str, start: int, end: int) -> bool:
    return bool(_APPROX_BEFORE.search(text, max(0, start - 6), start)) or bool(
        _APPROX_AFTER.match(text, end)
    )


_SPEED_BEFORE = re.compile(r"시속(?=[^.,]*$)")
#: hedges that bound the number from below (300명 이상, 최소 70명), from below within its last
#: digit (300여명) or from above (100명 가까이, 최대 5명)
_AT_LEAST = re.compile(r"(?:최소|적어도) ?$")
_AT_LEAST_AFTER = re.compile(r" ?(?:이상|초과|(?:[이가을를]\s?)?넘(?!지\s?(?:못|않)))")  # 400mm가 넘는, 100만 명을 넘어
_ODD_AFTER = re.compile(r" ?여")
_AT_MOST = re.compile(r"(?:거의|최대) ?$")
_AT_MOST_AFTER = re.compile(r" ?(?:이하|미만|가까|이내|(?:[이가을를]\s?)?넘지\s?(?:못|않))")  # 30%를 넘지 못했다


def _bound(text: str, start: int, end: int) -> str | None:
    if _ODD_AFTER.match(text, end):
        return "odd"
    if _AT_LEAST.search(text, max(0, start - 6), start) or _AT_LEAST_AFTER.match(text, end):
        return "min"
    if _AT_MOST.search(text, max(0, start - 6), start) or _AT_MOST_AFTER.match(text, end):
        return "max"
    return None


def quantities(text: str) -> list[Quantity]:
    """Every number in `text` that is not part of a date (see `dates`)."""
    taken = _date_spans(text)
    found: list[Quantity] = []
    digit = _has_digit(text)
    taken += [(m.start(), m.end()) for m in _finditer(_NAMED_NUMBER, text, digit and "코로나" in text)]
    for match in _finditer(_FRACTION, text, "분의" in text or "절반" in text):  # 3분의 1 = 1/3, not 3 minutes and 1
        found.append(_fraction(text, match))
        taken.append((match.start(), match.end()))
    for match in _finditer(_RATE, text, digit and "할" in text):  # 2할6푼8리 = .268, not 2, 6 and 8
        value = sum(int(d or 0) / 10**k for k, d in enumerate(match.groups(), start=1))
        found.append(Quantity(value, None, False, _span(match)))
        taken.append((match.start(), match.end()))
    for match in _finditer(_YEARS_MONTHS, text, digit and "년" in text):
        years, months = (int(g) for g in (match.group(1, 2) if match.group(1) else match.group(3, 4) if match.group(3) else (match.group(5), 6)))
        found.append(Quantity(12.0 * years + months, "month", False, _span(match)))
        taken.append((match.start(), match.end()))
    for match in _finditer(_DIGIT_NUMERAL, text, digit):
        _add_numeral(text, match.start(), match.end(), taken, found)
    for match in _HANGUL_NUMERAL.finditer(text):
        _add_numeral(text, match.start(), match.end(), taken, found)
    for match in _NATIVE_NUMERAL.finditer(text):
        _add_native(text, match, taken, found)
    for match in _finditer(_MAGNITUDE, text, "수" in text or "몇" in text):
        _add_magnitude(text, match, taken, found)
    for match in _finditer(_BOTH, text, "양" in text):
        found.append(Quantity(2.0, None, False, Span(match.start(), match.end(), match.group())))
    for match in _finditer(_TIME_WORD, text, _ANY_TIME_WORD.search(text) is not None):
        value, unit = TIME_WORDS[match.group(1)]
        span = Span(match.start(), match.end(), match.group())
        found.append(Quantity(value, unit, False, span, weak=value == 1))
    return in_order(found)


#: a number that is part of a name, as "COVID-19" is in English (코로나19 is no count of 19)
_NAMED_NUMBER = re.compile(r"(?<=코로나)\s?19")

#: counters of times, and what makes their count the ordinal of a run: 세 번 연속 (the third in a row)
_TIMES_COUNTERS = frozenset({"번", "차례", "회"})
_IN_A_ROW = re.compile(r"\s?연속")


def _run_unit(text: str, counter: str | None, stop: int) -> str | None:
    """The counter's unit, or "ordinal" for times counted in a row (세 번 연속 성공: the third success in a row)."""
    if counter in _TIMES_COUNTERS and _IN_A_ROW.match(text, stop):
        return "ordinal"
    return COUNTERS.get(counter) if counter else None


def _add_numeral(text: str, start: int, end: int, taken: list[tuple[int, int]], out: list[Quantity]) -> None:
    if any(a <= start < b for a, b in taken):
        return
    if _VAGUE_BEFORE.search(text, max(0, start - 2), start):
        return  # 수천, 수십만: vague, never compared
    numeral = text[start:end]
    if numeral.endswith("조") and not _TRILLION_AFTER.match(text, end):
        numeral, end = numeral[:-1], end - 1  # 헌법 9조: article 9, not nine trillion
        out.append(Quantity(parse_numeral(numeral) or 0, "ordinal", False, Span(start, end + 1, text[start : end + 1])))
        return
    value = parse_numeral(numeral)
    if value is None:
        return
    counter, stop = _counter_after(text, end)
    approx = _is_approx(text, start, stop) or _is_approx(text, start, end)
    unit = _run_unit(text, counter, stop)
    if unit == "km" and _SPEED_BEFORE.search(text, max(0, start - 16), start):
        unit = "km/h"  # 시속 120km, and "시속 120km에서 약 150km" for the second too
    scale = _TEMPERATURE_BEFORE.search(text, max(0, start - 6), start) if counter is None or unit in ("C", "F") else None
    if scale and counter is None and (degrees := _DEGREES_AFTER.match(text, end)):
        # 섭씨 30도, 영하 10도, 화씨 86도; a bare 38도 may be a latitude (북위 38도선)
        unit, stop = ("F" if scale.group(1) == "화씨" else "C"), degrees.end()
    if scale and unit in ("C", "F") and _BELOW_ZERO.search(text, max(0, start - 8), start):
        value = -value  # 영하 10도, 섭씨 영하 10도, 영하 10℃: ten below zero
    bound = _bound(text, start, stop) or _bound(text, start, end)
    # 1 is weak ("a", "one" say it in passing), but not 1명 in digits with people counted: "7명 가운데 1명"
    weak = value == 1 and not (counter == "명" and numeral.isdigit())
    out.append(Quantity(value, unit, approx, Span(start, stop, text[start:stop]), weak=weak, bound=bound))


def _fraction(text: str, match: re.Match[str]) -> Quantity:
    denominator, numerator = match.groups()
    value = 0.5 if denominator is None else (parse_numeral(numerator) or 0) / (parse_numeral(denominator) or 1)
    span = Span(match.start(), match.end(), match.group())
    return Quantity(value, "fraction", _is_approx(text, match.start(), match.end()), span, bound=_bound(text, match.start(), match.end()))


def _add_magnitude(text: str, match: re.Match[str], taken: list[tuple[int, int]], out: list[Quantity]) -> None:
    if any(a <= match.start() < b for a, b in taken):
        return
    counter, stop = _counter_after(text, match.end())
    unit = _run_unit(text, counter, stop)
    span = Span(match.start(), stop, text[match.start() : stop])
    out.append(Quantity(float(MAGNITUDES[match.group(1)]), unit, True, span, magnitude=True))


def _add_native(text: str, match: re.Match[str], taken: list[tuple[int, int]], out: list[Quantity]) -> None:
    if any(a <= match.start() < b for a, b in taken):
        return
    tens, units, alone, following, counter_next = match.groups()
    if alone in ("네", "넉", "석") and not counter_next and not (following or "").startswith(tuple(COUNTERS)):
        return  # 네 is also "yes"; 석 also "stone"
    value = NATIVE_TENS.get(tens or "", 0) + NATIVE_UNITS.get(units or alone or "", 0)
    counter, stop = _counter_after(text, match.end())
    unit = _run_unit(text, counter, stop)
    span = Span(match.start(), stop, text[match.start() : stop])
    out.append(Quantity(value, unit, _is_approx(text, match.start(), stop), span, weak=value == 1))


# --- people counted ---------------------------------------------------------

#: what befell the people a number counts, after it: 3명이 숨지고, 150명 이상이 다쳤다, 2명 실종
_ROLE_AFTER = re.compile(
    r"\s*(?:이상|가량|여|정도)?\s*(?:이|가|은|는|도|씩)?\s*(숨지|숨졌|숨진|사망|목숨|죽|다치|다쳤|다친|부상|중상|경상|실종)"
)
#: or before it: 사망자는 3명, 부상자 7명
_ROLE_BEFORE = re.compile(r"(사망자|부상자|실종자)(?:는|가|도|만|수는|수가)?\s*(?:모두|총|최소|적어도)?\s*$")
_ROLE_WORD = re.compile(r"숨지|숨졌|숨진|사망|목숨|죽|다치|다쳤|다친|부상|중상|경상|실종")
_ROLES = {"숨": "dead", "사": "dead", "목": "dead", "죽": "dead", "다": "injured", "부": "injured", "중": "injured",
          "경": "injured", "실": "missing"}


def casualties(text: str) -> list[Counted]:
    """Numbers of people said to have died, been hurt or gone missing."""
    if "명" not in text or not _ROLE_WORD.search(text):  # most sentences are not read (issue #8)
        return []
    out = []
    for q in quantities(text):
        if not text.startswith("명", q.span.end - 1):
            continue
        after = _ROLE_AFTER.match(text, q.span.end)
        before = None if after else _ROLE_BEFORE.search(text, max(0, q.span.start - 12), q.span.start)
        found = after or before
        if found:
            out.append(Counted(_ROLES[found.group(1)[0]], q))
    return out


def from_to(text: str) -> list[tuple[Quantity, Quantity]]:
    """A figure's start and end where it is said to go from one to the other: 3.5%에서 3.25%로."""
    if "에서" not in text:
        return []
    found = quantities(text)
    return [(a, b) for a, b in zip(found, found[1:]) if _FROM_TO.fullmatch(text, a.span.end, b.span.start)]


_FROM_TO = re.compile(r"\s*에서\s*")


# --- dates ------------------------------------------------------------------

WEEKDAYS = {"월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}
#: relative expressions -> "unit:offset"
RELATIVE = {
    "재작년": "year:-2", "지난해": "year:-1", "작년": "year:-1", "전년": "year:-1",
    "올해": "year:0", "금년": "year:0", "올 ": "year:0", "내년": "year:1", "후년": "year:2",
    "그저께": "day:-2", "그제": "day:-2", "어제": "day:-1", "오늘": "day:0", "금일": "day:0",
    "내일": "day:1", "모레": "day:2",
    "지난주": "week:-1", "지난 주": "week:-1", "이번 주": "week:0", "이번주": "week:0",
    "금주": "week:0", "다음 주": "week:1", "다음주": "week:1", "내주": "week:1",
    "지난달": "month:-1", "지난 달": "month:-1", "이달": "month:0", "이번 달": "month:0",
    "다음 달": "month:1", "다음달": "month:1", "내달": "month:1",
    "전날": "day:-1",
}
#: after "N일" these make it a number of days, not a day of the month
DAY_COUNT_AFTER = (
    "앞두", "앞둔", "짜리", "간", "동안", "만", "째", "이내", "내내", "후", "뒤", "전", "이상", "여", "가량", "정도", "쯤",
    "연속", "내로", "이 지나", "이 더", "이 걸", "가 걸", "씩", "에 걸쳐",
)
#: before "N일" these make it a number of days: 최소 3일, 불과 5일
DAY_COUNT_BEFORE = re.compile(r"(?:최소한?|적어도|불과|무려|약|꼬박) ?$")
YEAR_COUNT_AFTER = ("간", "동안", "만", "째", "이내", "후", "뒤", "전", "이상", "여", "가량", "정도", "쯤", "이 지나", "된", "의 역사")
TIME_OF_DAY = {"오전": "am", "새벽": "am", "아침": "am", "오후": "pm", "저녁": "pm", "밤": "pm", "낮": "pm"}

_YEAR = re.compile(r"(?<![0-9.,])(\d{4})\s?(?:년|학년도|회계연도)(대)?")  # 2010학년도: the 2010 school year
#: 90년대 = the 1990s, 00년대 = the 2000s
_SHORT_DECADE = re.compile(r"(?<![0-9.,])(\d)0\s?년대")
#: 2005.10 or 2005.10.3: a dotted date
_DOTTED_DATE = re.compile(r"(?<![0-9.,])((?:19|20)\d{2})\.(\d{1,2})(?:\.(\d{1,2}))?(?![0-9])")
_MONTH_DAY = re.compile(r"(?<![0-9.,])(\d{1,2})\s?월(?:\s?(\d{1,2})\s?일)?")
#: 징역 1년 6월: the months of a prison term, not June
_SENTENCE_YEARS = re.compile(r"징역 \d+\s?년\s?$")
#: the first month of a range: 1~5월 (January to May)
_MONTH_FROM = re.compile(r"(?<![0-9.,])(\d{1,2})\s?[~～∼-]\s?(?=\d{1,2}\s?월(?!\s?\d))")
_DAY = re.compile(r"(?<![0-9.,월])(\d{1,2})(?:\s?[~～∼-]\s?(\d{1,2}))?\s?일(?!본|부(?!터)|반|대|정|단|시|어)")  # 26일부터, not 일부
_WEEKDAY = re.compile(r"([월화수목금토일])요일")
#: 6.15 공동선언, 5.18 민주화운동, 9/11 테러: events named by month.day
_EVENT_DATE = re.compile(r"(?<![0-9./])(\d{1,2})[./](\d{1,2})(?![0-9./])(?=\s?(?:남북|공동|선언|전쟁|사태|항쟁|운동|민주|정상|합의|절|기념|테러|참사|대란))")
_RELATIVE = re.compile("|".join(sorted(map(re.escape, RELATIVE), key=len, reverse=True)))
#: so long ago: 1년 전, 한 달 전, 3개월 전, 일주일 전, 이틀 전; not 전쟁, 전국, 전체 after a count
_AGO = re.compile(
    r"(?<![0-9.,가-힣])(?:(\d{1,2}|한|두|세|네|다섯)\s?(년|개월|달|주일?)|(일주일|하루|이틀|사흘|나흘|닷새)|(\d{1,2})\s?일)"
    r"\s?전(?=[^가-힣]|$|(?:보다|에|의|부터|까지|인|과|만|엔|쯤|께)(?![가-힣]))"
)
#: 전월 대비 (from the month before); not 전월세 (rents)
_LAST_MONTH = re.compile(r"(?<![가-힣])전월(?!세)")
#: 전 분기보다, 직전 분기 대비 (from the quarter before)
_LAST_QUARTER = re.compile(r"(?<![가-힣])(?:전|직전)\s?분기(?=보다|\s?대비|에\s?비해|와|에)")
#: 전주보다, 전주 대비 (from the week before); 전주 alone is also the city of Jeonju
_LAST_WEEK = re.compile(r"(?<![가-힣])전주(?=보다|\s?대비|에\s?비해)")
#: a week of the month: 둘째 주, 첫째 주 (not 둘째 아들)
_WEEK_OF = re.compile(r"(첫|둘|셋|넷|다섯)째\s?주(?![가-힣])")
_ORDINAL_WORDS = {"첫": 1, "둘": 2, "셋": 3, "넷": 4, "다섯": 5}
_AGO_COUNTS = {"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5}
_AGO_UNITS = {"년": "year", "개월": "month", "달": "month", "주": "week", "주일": "week"}
_AGO_WORDS = {"일주일": ("week", 1), "하루": ("day", 1), "이틀": ("day", 2), "사흘": ("day", 3), "나흘": ("day", 4), "닷새": ("day", 5)}
#: a part of the year: 1분기 (also 1/4분기, 1·4분기), 상반기; not 3분기 연속 (three quarters running)
_QUARTER = re.compile(r"(?<![0-9.,])([1-4])\s?(?:[/·]\s?4\s?)?분기(?!\s?(?:연속|째|만|동안|간|내리))")
_HALF = re.compile(r"(상|하|전|후)반기")
_TIME = re.compile(
    r"(?:(오전|오후|새벽|아침|저녁|밤|낮)\s?)?(?<![0-9.,])(\d{1,2})\s?시(?!간|즌|리|장|청|민|내|의회|대)(?:\s?(\d{1,2})\s?분|\s?(반))?"
)


#: words that start like a duration marker but are not one (29일 만료 = "expires on the 29th")
_NOT_AFTER = ("만료", "만기", "만찬", "만남", "전국", "전략", "전쟁", "여름")  # 2030년 여름: summer, not 여 ("about")
#: 전 begins many words (전원회의, 전체, 전세): after a day it means "ago" only before a particle or the word's end
_AGO_AFTER = re.compile(r"전(?:[^가-힣]|$|(?:보다|에|의|부터|까지|인|과|만|엔|쯤|께|에는)(?![가-힣]))")


def _follows(text: str, end: int, words: tuple[str, ...]) -> bool:
    rest = text[end : end + 6].lstrip()
    if not rest.startswith(words) or rest.startswith(_NOT_AFTER):
        return False
    return not rest.startswith("전") or _AGO_AFTER.match(rest) is not None


def dates(text: str) -> list[DateMention]:
    """Every date, weekday, relative date and time in `text` (cached: several checks ask)."""
    return list(_dates_cached(text))


def _find_dates(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    digit = _has_digit(text)  # all but the weekday and relative patterns need one, and most a syllable too
    for m in _finditer(_YEAR, text, digit and "년" in text):
        if m.group(2) or not _follows(text, m.end(), YEAR_COUNT_AFTER):
            year = int(m.group(1))
            if 1500 <= year <= 2100:
                found.append(DateMention(_span(m), year=year, decade=bool(m.group(2))))
    for m in _finditer(_SHORT_DECADE, text, digit and "년대" in text):
        tens = int(m.group(1))
        found.append(DateMention(_span(m), year=(1900 if tens >= 3 else 2000) + 10 * tens, decade=True))
    for m in _finditer(_DOTTED_DATE, text, digit):
        month, day = int(m.group(2)), int(m.group(3) or 1)
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(DateMention(_span(m), year=int(m.group(1)), month=month, day=int(m.group(3)) if m.group(3) else None))
    for m in _finditer(_MONTH_DAY, text, digit and "월" in text):
        month, day = int(m.group(1)), m.group(2)
        if 1 <= month <= 12 and not text.startswith("개", m.start(1) + len(m.group(1))) and not _SENTENCE_YEARS.search(text, 0, m.start()):
            found.append(DateMention(_span(m), month=month, day=int(day) if day else None))
    for m in _finditer(_MONTH_FROM, text, digit and "월" in text):
        if 1 <= int(m.group(1)) <= 12:
            found.append(DateMention(_span(m), month=int(m.group(1))))
    months_end = {d.span.end for d in found if d.day is not None}
    for m in _finditer(_DAY, text, digit and "일" in text):
        if m.end() in months_end or _follows(text, m.end(), DAY_COUNT_AFTER) or DAY_COUNT_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue
        for group in (1, 2):
            if m.group(group) and 1 <= int(m.group(group)) <= 31:
                found.append(DateMention(_span(m), day=int(m.group(group))))
    for m in _finditer(_EVENT_DATE, text, digit):
        month, day = int(m.group(1)), int(m.group(2))
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(DateMention(_span(m), month=month, day=day))
    for m in _WEEKDAY.finditer(text):
        found.append(DateMention(_span(m), weekday=WEEKDAYS[m.group(1)]))
    for m in _RELATIVE.finditer(text):
        found.append(DateMention(_span(m), relative=RELATIVE[m.group()]))
    if "전" in text:
        found.extend(DateMention(_span(m), relative=_ago(m)) for m in _AGO.finditer(text))
        found.extend(DateMention(_span(m), relative="month:-1") for m in _LAST_MONTH.finditer(text))
        found.extend(DateMention(_span(m), relative="week:-1") for m in _LAST_WEEK.finditer(text))
        found.extend(DateMention(_span(m), relative="quarter:-1") for m in _LAST_QUARTER.finditer(text))
    if "째" in text:
        found.extend(DateMention(_span(m), period=f"week:{_ORDINAL_WORDS[m.group(1)]}") for m in _WEEK_OF.finditer(text))
    if "분기" in text:
        found.extend(DateMention(_span(m), period=f"quarter:{m.group(1)}") for m in _QUARTER.finditer(text))
    if "반기" in text:
        found.extend(DateMention(_span(m), period="half:1" if m.group(1) in "상전" else "half:2") for m in _HALF.finditer(text))
    for m in _finditer(_TIME, text, digit and "시" in text):
        found.extend(_time(m))
    found.sort(key=lambda d: d.span.start)
    return found


def _ago(m: re.Match[str]) -> str:
    """"unit:-count" of an `_AGO` match (3개월 전 → "month:-3")."""
    if m.group(3):
        unit, count = _AGO_WORDS[m.group(3)]
    elif m.group(4):
        unit, count = "day", int(m.group(4))
    else:
        unit, count = _AGO_UNITS[m.group(2)], _AGO_COUNTS.get(m.group(1)) or int(m.group(1))
    return f"{unit}:-{count}"


#: "10시쯤", "10시께": about ten, so the minutes are not said to be zero
_ABOUT_AFTER = re.compile(r" ?(?:쯤|께|경|무렵|가량|정도|전후|안팎)")


def _on_the_hour(m: re.Match[str]) -> int | None:
    """10시 is 10:00 (against "10:20"); 10시쯤 leaves the minutes unsaid."""
    return None if _ABOUT_AFTER.match(m.string, m.end()) else 0


def _time(m: re.Match[str]) -> list[DateMention]:
    period, hour, minute, half = m.groups()
    hour_value = int(hour)
    if not 0 <= hour_value <= 24:
        return []
    if period and hour_value <= 12:
        pm = TIME_OF_DAY[period] == "pm" and not (period == "밤" and hour_value == 12)
        hour_value = hour_value % 12 + (12 if pm else 0)
    minute_value = int(minute) if minute else 30 if half else _on_the_hour(m)
    twelve = not period and hour_value <= 12
    return [DateMention(_span(m), hour=hour_value, minute=minute_value, hour12=twelve)]


def _date_spans(text: str) -> list[tuple[int, int]]:
    return [(d.span.start, d.span.end) for d in _dates_cached(text) if d.relative is None]


@lru_cache(maxsize=4096)
def _dates_cached(text: str) -> tuple[DateMention, ...]:
    return tuple(_find_dates(text))


def _span(m: re.Match[str]) -> Span:
    return Span(m.start(), m.end(), m.group())


def _has_digit(text: str) -> bool:
    return _ANY_DIGIT.search(text) is not None


def _finditer(pattern: re.Pattern[str], text: str, possible: bool):
    """`pattern.finditer(text)`, or nothing when a cheap test showed it cannot match:
    most patterns need a digit, which half the sentences lack (issue #8)."""
    return pattern.finditer(text) if possible else ()


_ANY_DIGIT = re.compile(r"\d")


# --- names ------------------------------------------------------------------

def _ministry(keys: tuple[str, ...], *names: str) -> dict[str, tuple[str, ...]]:
    """Exonyms of a ministry: "Foreign" gives "Foreign Ministry", "foreign minister" and the
    rest; a name with a space is a form of its own ("Ministry of Foreign Affairs")."""
    forms: list[str] = []
    for name in names:
        if " " in name or name.isupper():
            forms.append(name)
        else:
            forms += [f"{name} {office}" for office in ("Ministry", "Minister")]
            forms += [f"{name.lower()} {office}" for office in ("ministry", "minister")]
    return dict.fromkeys(keys, tuple(forms))


def _province(stem: str, *names: str, short: str = "") -> dict[str, tuple[str, ...]]:
    """Exonyms of a province split in two: 평안남도 is "South Pyongan", 평안북도 "North
    Pyongan"; `short` names them in two syllables too (충남, 충북)."""
    out = {}
    for side, word in (("남", "South"), ("북", "North")):
        forms = tuple(f"{word} {name}" for name in names)
        out[f"{stem}{side}도"] = forms
        if short:
            out[f"{short}{side}"] = forms
    return out


#: exonyms and Sino-Korean readings that romanisation cannot recover
EXONYMS: dict[str, tuple[str, ...]] = {
    "유엔": ("UN", "U.N.", "United Nations"),
    "국제연합": ("UN", "U.N.", "United Nations"),
    "미국": ("US", "U.S.", "United States", "America", "American", "Americans", "USA", "Washington"),
    "영국": ("UK", "U.K.", "United Kingdom", "Britain", "Briton", "Britons", "British", "England", "English", "London"),
    "중국": ("China", "Chinese", "Beijing"),
    "일본": ("Japan", "Japanese", "Tokyo"),
    "북한": ("North Korea", "North Korean", "DPRK", "Pyongyang", "N. Korea", "the North"),
    "남한": ("South Korea", "South Korean", "Seoul", "ROK"),
    "남측": ("South Korea", "South Korean", "Seoul", "the South"),  # in inter-Korean news
    "북측": ("North Korea", "North Korean", "Pyongyang", "the North"),
    "한국": ("Korea", "Korean", "South Korea", "South Korean", "Seoul", "ROK"),
    "대한민국": ("Korea", "South Korea", "Republic of Korea", "ROK"),
    "조선": ("Korea", "DPRK", "Joseon", "Chosun"),
    "러시아": ("Russia", "Russian", "Moscow", "Kremlin"),
    "독일": ("Germany", "German", "Berlin"),
    "프랑스": ("France", "French", "Paris"),
    "호주": ("Australia", "Australian", "Canberra"),
    "대만": ("Taiwan", "Taiwanese", "Taipei"),
    "북경": ("Beijing", "Peking"),
    "베이징": ("Beijing", "Peking"),
    "동경": ("Tokyo",),
    "평양": ("Pyongyang",),
    "서울": ("Seoul",),
    "신의주": ("Sinuiju",),
    "단둥": ("Dandong",),
    "블라디보스토크": ("Vladivostok",),
    "하바롭스크": ("Khabarovsk",),
    "남아공": ("South Africa", "South African"),
    "유럽": ("Europe", "European", "Europeans", "EU"),
    "웹": ("Web", "web"),
    "인터넷": ("Internet", "Web", "online"),
    "이슬람교": ("Islam", "Islamic", "Muslim", "Muslims"),
    "유럽연합": ("EU", "European Union"),
    "나토": ("NATO",),
    "백악관": ("White House",),
    "국방부": ("Pentagon", "Defense", "Defence", "defense ministry", "defense minister"),
    "국무부": ("State Department",),
    "의회": ("Congress", "Parliament"),
    "김정은": ("Kim Jong Un", "Kim Jong-un", "Kim Jong-Un"),
    "김정일": ("Kim Jong Il", "Kim Jong-il", "Kim Jong-Il"),
    "김일성": ("Kim Il Sung", "Kim Il-sung", "Kim Il-Sung"),
    "문재인": ("Moon Jae-in", "Moon Jae In", "Moon"),
    "이명박": ("Lee Myung-bak", "Lee Myung Bak", "Lee"),
    "박근혜": ("Park Geun-hye", "Park Geun Hye", "Park"),
    "노무현": ("Roh Moo-hyun", "Roh Moo Hyun", "Roh"),
    "김대중": ("Kim Dae-jung", "Kim Dae Jung", "Kim"),
    "시진핑": ("Xi Jinping", "Xi"),
    "마오쩌둥": ("Mao Zedong", "Mao"),
    "모택동": ("Mao Zedong", "Mao"),
    "이스라엘": ("Israel", "Israeli"),
    "이집트": ("Egypt", "Egyptian"),
    "이라크": ("Iraq", "Iraqi"),
    "이란": ("Iran", "Iranian"),
    "아프가니스탄": ("Afghanistan", "Afghan"),
    "파키스탄": ("Pakistan", "Pakistani"),
    "인도": ("India", "Indian"),
    "스위스": ("Switzerland", "Swiss"),
    "스웨덴": ("Sweden", "Swedish"),
    "네덜란드": ("Netherlands", "Dutch", "Holland"),
    "그리스": ("Greece", "Greek"),
    "터키": ("Turkey", "Turkish"),
    "튀르키예": ("Turkey", "Turkish", "Turkiye"),
    "멕시코": ("Mexico", "Mexican"),
    "캐나다": ("Canada", "Canadian"),
    "몽골": ("Mongolia", "Mongolian"),
    "베트남": ("Vietnam", "Vietnamese"),
    "태국": ("Thailand", "Thai"),
    "필리핀": ("Philippines", "Philippine", "Filipino"),
    "인도네시아": ("Indonesia", "Indonesian"),
    "캄보디아": ("Cambodia", "Cambodian"),
    "가나": ("Ghana", "Ghanaian"),
    "나이지리아": ("Nigeria", "Nigerian"),
    "케냐": ("Kenya", "Kenyan"),
    "에티오피아": ("Ethiopia", "Ethiopian"),
    "소말리아": ("Somalia", "Somali"),
    "수단": ("Sudan", "Sudanese"),
    "모로코": ("Morocco", "Moroccan"),
    "알제리": ("Algeria", "Algerian"),
    "짐바브웨": ("Zimbabwe", "Zimbabwean"),
    "탄자니아": ("Tanzania", "Tanzanian"),
    "우간다": ("Uganda", "Ugandan"),
    "콩고": ("Congo", "Congolese"),
    "라오스": ("Laos", "Laotian"),
    "미얀마": ("Myanmar", "Burma", "Burmese"),
    "말레이시아": ("Malaysia", "Malaysian"),
    "싱가포르": ("Singapore", "Singaporean"),
    "우크라이나": ("Ukraine", "Ukrainian"),
    "폴란드": ("Poland", "Polish"),
    "이탈리아": ("Italy", "Italian"),
    "스페인": ("Spain", "Spanish"),
    "브라질": ("Brazil", "Brazilian"),
    "사우디아라비아": ("Saudi Arabia", "Saudi"),
    "사우디": ("Saudi Arabia", "Saudi"),
    "시리아": ("Syria", "Syrian"),
    "쿠바": ("Cuba", "Cuban"),
    "베네수엘라": ("Venezuela", "Venezuelan"),
    "뉴질랜드": ("New Zealand",),
    "노르웨이": ("Norway", "Norwegian"),
    "덴마크": ("Denmark", "Danish"),
    "벨기에": ("Belgium", "Belgian"),
    "포르투갈": ("Portugal", "Portuguese"),
    "카자흐스탄": ("Kazakhstan", "Kazakh"),
    "네팔": ("Nepal", "Nepalese", "Nepali"),
    "방글라데시": ("Bangladesh", "Bangladeshi"),
    "아르헨티나": ("Argentina", "Argentine", "Argentinian"),
    "칠레": ("Chile", "Chilean"),
    "레바논": ("Lebanon", "Lebanese"),
    "요르단": ("Jordan", "Jordanian"),
    "리비아": ("Libya", "Libyan"),
    "예멘": ("Yemen", "Yemeni"),
    "카타르": ("Qatar", "Qatari"),
    "홍콩": ("Hong Kong",),
    "뉴욕": ("New York",),
    "유네스코": ("UNESCO",),
    "올림픽": ("Olympic", "Olympics", "Games"),
    "노벨": ("Nobel",),
    "기독교": ("Christian", "Christianity"),
    "이슬람": ("Islam", "Islamic", "Muslim"),
    "민주당": ("Democratic", "Democrat", "Democrats"),
    "공화당": ("Republican", "Republicans", "GOP"),
    "연준": ("Fed", "Federal Reserve"),
    "조선중앙통신": ("KCNA",),
    "자유아시아방송": ("RFA", "Radio Free Asia"),
    **_province("평안", "Pyongan", "Pyeongan"),
    **_province("함경", "Hamgyong", "Hamgyeong"),
    **_province("황해", "Hwanghae"),
    **_province("충청", "Chungcheong", short="충"),
    **_province("전라", "Jeolla", short="전"),
    **_province("경상", "Gyeongsang", short="경"),
    "자강도": ("Chagang",),
    "양강도": ("Ryanggang", "Yanggang"),
    "강원도": ("Gangwon", "Kangwon"),
    "경기도": ("Gyeonggi",),
    "부산": ("Busan", "Pusan"),
    "인천": ("Incheon", "Inchon"),
    "대구": ("Daegu", "Taegu"),
    "대전": ("Daejeon", "Taejon"),
    "광주": ("Gwangju", "Kwangju"),
    "울산": ("Ulsan",),
    "수원": ("Suwon",),
    "원산": ("Wonsan",),
    "남포": ("Nampo",),
    "함흥": ("Hamhung", "Hamheung"),
    "청진": ("Chongjin", "Cheongjin"),
    "혜산": ("Hyesan",),
    "도쿄": ("Tokyo",),
    "오사카": ("Osaka",),
    "로스앤젤레스": ("Los Angeles", "LA", "L.A."),
    "샌프란시스코": ("San Francisco",),
    "시카고": ("Chicago",),
    "베를린": ("Berlin",),
    "로마": ("Rome",),
    "시드니": ("Sydney",),
    "방콕": ("Bangkok",),
    "하노이": ("Hanoi",),
    "마닐라": ("Manila",),
    "자카르타": ("Jakarta",),
    "키이우": ("Kyiv", "Kiev"),
    "키예프": ("Kyiv", "Kiev"),
    "예루살렘": ("Jerusalem",),
    "두바이": ("Dubai",),
    "제네바": ("Geneva",),
    "브뤼셀": ("Brussels",),
    "타이베이": ("Taipei",),
    "세종": ("Sejong",),
    "제주": ("Jeju", "Cheju"),
    "창원": ("Changwon",),
    "포항": ("Pohang",),
    "청주": ("Cheongju",),
    "춘천": ("Chuncheon",),
    "강릉": ("Gangneung",),
    "여수": ("Yeosu",),
    "광저우": ("Guangzhou",),
    "선양": ("Shenyang",),
    "칭다오": ("Qingdao",),
    "톈진": ("Tianjin",),
    "충칭": ("Chongqing",),
    "우한": ("Wuhan",),
    "상하이": ("Shanghai",),
    "워싱턴": ("Washington",),
    "모스크바": ("Moscow",),
    "런던": ("London",),
    "파리": ("Paris",),
    "경찰": ("police", "Police", "policeman", "policemen"),
    "변호인": ("lawyer", "lawyers", "attorney", "attorneys", "defense", "defence", "counsel"),
    "변호인단": ("lawyer", "lawyers", "attorney", "attorneys", "defense", "defence", "counsel"),
    "검찰": ("prosecutors", "Prosecutors", "prosecutor", "Prosecutor", "prosecution", "Prosecution"),
    "트럼프": ("Trump",),
    "바이든": ("Biden",),
    "오바마": ("Obama",),
    "부시": ("Bush",),
    "푸틴": ("Putin",),
    "기시다": ("Kishida",),
    "아베": ("Abe",),
    "윤석열": ("Yoon Suk Yeol", "Yoon Suk-yeol", "Yoon"),
    "여당": ("ruling party", "governing party", "ruling bloc"),
    "야당": ("opposition",),
    "동해": ("East Sea", "Sea of Japan"),
    "서해": ("West Sea", "Yellow Sea"),
    **_ministry(("외교부",), "Foreign", "Ministry of Foreign Affairs"),
    **_ministry(("통일부",), "Unification", "Ministry of Unification"),
    **_ministry(("기획재정부", "기재부"), "Finance", "Ministry of Economy and Finance", "Ministry of Finance"),
    **_ministry(("산업통상자원부", "산업부"), "Trade", "Industry", "Ministry of Trade, Industry and Energy", "MOTIE"),
    **_ministry(("법무부",), "Justice", "Ministry of Justice", "Justice Department", "Department of Justice"),
    **_ministry(("교육부",), "Education", "Ministry of Education"),
    **_ministry(("보건복지부", "복지부"), "Health", "Welfare", "Ministry of Health and Welfare"),
    **_ministry(("고용노동부", "노동부"), "Labor", "Employment", "Ministry of Employment and Labor"),
    **_ministry(("국토교통부", "국토부"), "Land", "Transport", "Ministry of Land, Infrastructure and Transport"),
    **_ministry(("행정안전부", "행안부"), "Interior", "Safety", "Ministry of the Interior and Safety"),
    **_ministry(("환경부",), "Environment", "Ministry of Environment", "Ministry of the Environment"),
    **_ministry(("과학기술정보통신부", "과기정통부"), "Science", "ICT", "Ministry of Science and ICT"),
    **_ministry(("농림축산식품부", "농식품부"), "Agriculture", "Ministry of Agriculture, Food and Rural Affairs"),
    **_ministry(("해양수산부", "해수부"), "Oceans", "Fisheries", "Ministry of Oceans and Fisheries"),
    **_ministry(("문화체육관광부", "문체부"), "Culture", "Tourism", "Ministry of Culture, Sports and Tourism"),
    **_ministry(("여성가족부", "여가부"), "Gender", "Family", "Ministry of Gender Equality and Family"),
    **_ministry(("중소벤처기업부", "중기부"), "SMEs", "Startups", "Ministry of SMEs and Startups"),
    # the capital area: Seoul with Incheon and Gyeonggi, often "the Seoul area" in English
    "수도권": ("capital area", "Capital Area", "metropolitan area", "Metropolitan Area", "Seoul", "greater Seoul", "Greater Seoul"),
}

#: exonyms that name one country, city, leader, province, sea, ministry or law-enforcement
#: body (not a faith, a party or a medium), each with its kind: the original naming one and the translation another of
#: the same kind in its place is a swap (일본 as "China"). Not 인도 (also handing over,
#: 인도적), 조선 (also the dynasty, 조선중앙통신).
SWAPPABLE: dict[str, str] = {
    **dict.fromkeys((
        "미국", "영국", "중국", "일본", "북한", "남한", "남측", "북측", "한국", "대한민국", "러시아", "독일", "프랑스", "호주",
        "대만", "남아공", "이스라엘", "이집트", "이라크", "이란", "아프가니스탄", "파키스탄", "스위스", "스웨덴",
        "네덜란드", "그리스", "터키", "튀르키예", "멕시코", "캐나다", "몽골", "베트남", "태국", "필리핀", "인도네시아",
        "캄보디아", "라오스", "미얀마", "말레이시아", "싱가포르", "우크라이나", "폴란드", "이탈리아", "스페인", "브라질", "사우디아라비아", "사우디", "시리아", "쿠바", "베네수엘라", "뉴질랜드", "노르웨이", "덴마크", "벨기에", "포르투갈", "카자흐스탄", "네팔", "방글라데시", "아르헨티나", "칠레", "레바논", "요르단", "리비아", "예멘", "카타르", "가나", "나이지리아", "케냐",
        "에티오피아", "소말리아", "수단", "모로코", "알제리", "짐바브웨", "탄자니아", "우간다", "콩고",
    ), "country"),
    **dict.fromkeys((
        "북경", "베이징", "동경", "평양", "서울", "신의주", "단둥", "블라디보스토크", "하바롭스크", "홍콩", "뉴욕",
        "부산", "인천", "대구", "대전", "광주", "울산", "수원", "원산", "남포", "함흥", "청진", "혜산", "도쿄", "오사카",
        "상하이", "워싱턴", "모스크바", "런던", "파리", "수도권", "로스앤젤레스", "샌프란시스코", "시카고", "베를린", "로마",
        "시드니", "방콕", "하노이", "마닐라", "자카르타", "키이우", "키예프", "예루살렘", "두바이", "제네바", "브뤼셀", "타이베이",
        "세종", "제주", "창원", "포항", "청주", "춘천", "강릉", "여수", "광저우", "선양", "칭다오", "톈진", "충칭", "우한",
    ), "city"),
    **dict.fromkeys(("경찰", "검찰", "변호인", "변호인단"), "law"),
    **dict.fromkeys((
        "김정은", "김정일", "김일성", "문재인", "이명박", "박근혜", "노무현", "김대중", "윤석열", "시진핑", "마오쩌둥", "모택동",
        "트럼프", "바이든", "오바마", "부시", "푸틴", "기시다", "아베",
    ), "leader"),
    **dict.fromkeys(("여당", "야당"), "party"),
    **dict.fromkeys((
        "평안남도", "평안북도", "함경남도", "함경북도", "황해남도", "황해북도", "충청남도", "충청북도", "충남", "충북",
        "전라남도", "전라북도", "전남", "전북", "경상남도", "경상북도", "경남", "경북", "자강도", "양강도", "강원도", "경기도",
    ), "province"),
    **dict.fromkeys(("동해", "서해"), "sea"),
    **dict.fromkeys((
        "외교부", "통일부", "국방부", "기획재정부", "기재부", "산업통상자원부", "산업부", "법무부", "교육부", "보건복지부",
        "복지부", "고용노동부", "노동부", "국토교통부", "국토부", "행정안전부", "행안부", "환경부", "과학기술정보통신부",
        "과기정통부", "농림축산식품부", "농식품부", "해양수산부", "해수부", "문화체육관광부", "문체부", "여성가족부", "여가부",
        "중소벤처기업부", "중기부",
    ), "ministry"),
}
#: words that name an entity of `SWAPPABLE` without its name: 국내 ("at home") is Korea, which a
#: translation names ("repatriated to South Korea")
IMPLIED_ENTITIES = {"국내": "한국", "우리나라": "한국", "우리 정부": "한국", "귀국": "한국"}
#: what may follow a country's or city's name in one word: 중국인, 중국산, 서울시, 미국측, 한국계, 동해상
_SWAPPABLE_TAILS = ("", "인", "인들", "산", "시", "측", "계", "군", "정부", "상", "지법", "지검", "지방법원", "공항", "발")


def named_entities(text: str) -> list[tuple[str, Span]]:
    """(exonym key, its span) of each country, city or leader in `SWAPPABLE` the text names,
    as a word of its own (particles aside): 중국인들은 names 중국, 인도주의 names nothing."""
    return [
        (m.group(1), Span(m.start(1), m.end(1), m.group(1)))
        for m in _SWAPPABLE_WORD.finditer(text)
        if _entity_tail(m.group(2))
    ]


def _entity_tail(rest: str) -> bool:
    """What follows a name in its word: nothing, a particle, or a tail of `_SWAPPABLE_TAILS`
    and a particle (김정은 keeps its 은, 중국인들은 is 중국 + 인들 + 은)."""
    return any(rest.startswith(tail) and (rest == tail or rest[len(tail):] in _ENTITY_PARTICLES) for tail in _SWAPPABLE_TAILS)



#: a word starting with a key of `SWAPPABLE` (the longest that fits), and the rest of the word
_SWAPPABLE_WORD = re.compile(
    r"(?<![가-힣])(" + "|".join(sorted(SWAPPABLE, key=len, reverse=True)) + r")([가-힣]*)"
)


#: what follows a person's name in news copy: 오세훈 서울시장, 이재명 대표, 김민지 기자
TITLES = (
    "대통령", "총리", "장관", "차관", "의원", "대표", "위원장", "시장", "지사", "청장", "총장", "원장", "회장",
    "사장", "교수", "기자", "특파원", "대변인", "감독", "선수", "씨", "국무위원장", "부위원장", "비서실장", "후보", "총재", "의장", "국장", "실장", "단장",
)


def titled_people(text: str) -> list[tuple[str, Span]]:
    """(name, span) of each person named with a title (오세훈 서울시장, 김민지 기자): a
    surname, two syllables of given name, and a title, perhaps after a place or party."""
    return [(m.group(1), Span(m.start(1), m.end(1), m.group(1))) for m in _titled_person().finditer(text)]


@lru_cache(maxsize=1)
def _titled_person() -> re.Pattern[str]:
    from ...credits.surnames import SURNAMES

    surnames = "|".join(sorted(SURNAMES, key=len, reverse=True))
    titles = "|".join(sorted(TITLES, key=len, reverse=True))
    after_place = "|".join(sorted(set(TITLES) - {"씨"}, key=len, reverse=True))  # "사절인 전영수씨" names 전영수
    name = rf"(?<![가-힣])((?:{surnames})[가-힣]{{2}})"
    return re.compile(rf"{name}(?:\s?(?:{titles})|\s[가-힣]{{1,4}}\s?(?:{after_place}))(?![가-힣]{{2}})")


def personal_names(text: str) -> list[str]:
    """Every word that may be a person's name (a surname and two syllables, particles aside)."""
    from ...credits.surnames import SURNAMES

    return [stem for stem in map(_strip_particle, _HANGUL_LETTERS.findall(text)) if len(stem) == 3 and stem[0] in SURNAMES]


#: particles and endings stripped before a word is romanised for name matching
PARTICLES = (
    "에게서", "으로부터", "로부터", "에서는", "에서도", "에서의", "에서만", "으로는", "으로의", "으로도", "으로만",
    "에게는", "에게도", "이라는", "라는", "보다는", "까지의", "에는", "에도", "에만", "와는", "과는", "만의",
    "에서", "에게", "으로", "까지", "부터", "처럼", "보다", "과의", "와의", "이며", "이다",
    "인들", "들은", "들이", "들의", "들을", "들", "서",
    "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "로", "만", "씨", "측",
)
#: particles after a known name: `PARTICLES` and those that would cut a name's own last
#: syllable if stripped from any word (몬테네그로의 is not 몬테네그 + 로의; 중국으로의 is 중국)
_ENTITY_PARTICLES = frozenset(PARTICLES) | {"로의", "로도", "로만", "이나", "나", "하고", "이랑", "랑", "조차", "마저", "뿐"}
_WORD = re.compile(r"[가-힣]+|[A-Za-z][A-Za-z.&'-]*[A-Za-z.]|[A-Za-z]")


def names(text: str) -> list[Name]:
    """Words that may be names: every Hangul word (particles stripped) and Latin word.

    Korean has no capitals, so every word is a candidate; the name check
    looks up the other side's names among these, not the other way round.
    """
    out: list[Name] = []
    for m in _WORD.finditer(text):
        stem, key = _name_key(m.group())
        start = m.start()
        out.append(Name(stem, key, Span(start, start + len(stem), stem)))
    return out


def word_keys(text: str) -> list[tuple[str, str]]:
    """The text and key of every name `names` gives, in order, without their spans: the
    name check looks up every word and reports few, so it asks for these (issue #8)."""
    return list(map(_name_key, _WORD.findall(text)))


@lru_cache(maxsize=1 << 15)
def _name_key(word: str) -> tuple[str, str]:
    """A word's stem and key, once per word (news repeats its words): a Latin word
    whole and lower-cased, a Hangul word without its particle and romanised."""
    if word[0].isascii():
        return word, word.lower()
    stem = _strip_particle(word)
    return stem, romanize(stem)


def _strip_particle(word: str) -> str:
    """The word without the first particle in `PARTICLES` it ends in (two syllables kept).

    Looks up the word's last one to three characters rather than trying all
    forty particles in turn: same answer, a fraction of the calls (issue #8).
    """
    best = None
    for size in _PARTICLE_SIZES:
        if len(word) - size >= 2:
            rank = _PARTICLE_RANK.get(word[-size:])
            if rank is not None and (best is None or rank < best[0]):
                best = (rank, size)
    return word[: -best[1]] if best else word


#: particle -> its place in `PARTICLES` (the first listed wins, as before)
_PARTICLE_RANK = {particle: rank for rank, particle in reversed(list(enumerate(PARTICLES)))}
_PARTICLE_SIZES = tuple(sorted({len(particle) for particle in PARTICLES}))


#: syllables rare in Korean words but common in transliterated names (스미스, 로렌스)
FOREIGN_SYLLABLES = frozenset("즈츠트프브쯔퀴켈젤펠벨텔렐쿠푸튜뉴큐")
FOREIGN_ENDINGS = ("스", "크", "드", "즈", "츠", "트", "프", "브", "르그")
#: endings of verbs and adverbs, which are never names
VERBAL_ENDINGS = ("다", "고", "며", "서", "게", "면", "지", "요", "니", "던", "했", "된", "한", "할", "운", "픈", "쁜")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
#: exonym keys a name-like word may start with, as one tuple for a single `startswith`
_EXONYM_PREFIXES = tuple(key for key in EXONYMS if len(key) >= 2)


def looks_like_name(word: str) -> bool:
    """Could this word be a name? Latin words, exonyms, and transliteration-like words."""
    if _LATIN_WORD.fullmatch(word):
        return True
    if word.startswith(_EXONYM_PREFIXES):
        return True
    if len(word) < 3 or word.endswith(VERBAL_ENDINGS):
        return False
    return bool(FOREIGN_SYLLABLES.intersection(word)) or word.endswith(FOREIGN_ENDINGS)


def exonyms(word: str) -> tuple[str, ...]:
    """English forms of a Korean name that romanisation cannot produce."""
    return EXONYMS.get(word, ())


# --- script -----------------------------------------------------------------

_HANGUL_LETTERS = re.compile(r"[가-힣]+")
_LATIN_LETTERS = re.compile(r"[A-Za-z]+")


def _count(letters: re.Pattern[str], text: str) -> int:
    """Characters of `text` within runs of `letters`: one match per run, not one per letter."""
    return sum(map(len, letters.findall(text)))


@lru_cache(maxsize=64)
def _hangul_letters(text: str) -> int:
    """Hangul syllables in `text`: both the script share and the size of a bead's original need them."""
    return _count(_HANGUL_LETTERS, text)


def foreign_share(text: str) -> float:
    """Share of Latin letters among the letters (a syllable block counts as two):
    a line that is mostly English (a headline pasted in) is not Korean to compare."""
    latin, hangul = _count(_LATIN_LETTERS, text), 2 * _hangul_letters(text)
    return latin / (latin + hangul) if latin + hangul else 0.0


# --- dateline -------------------------------------------------------------------

#: "(서울=연합뉴스) 김철수 기자 = ", "【베이징=뉴시스】": where and by whom an agency story was filed
_DATELINE = re.compile(
    r"\s*[(【\[][^()【】\[\]=]{1,12}=[^()【】\[\]]{1,20}[)】\]]\s*(?:[가-힣]{2,4}\s*(?:기자|특파원)\s*=\s*)?"
)


def dateline_end(text: str) -> int:
    """Where the sentence starts after a leading dateline (0 without one)."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


# --- attribution ----------------------------------------------------------------

#: "…"라고 말했다 at the end of a sentence: the English often moves or drops "she said"
_ATTRIBUTION_TAIL = re.compile(
    r"(?P<quote>[\"”’']?)\s*(?:이?라고|라며|고)\s*(?:말했|밝혔|전했|덧붙였|설명했|강조했|물었|답했)(?:다|습니다)\.?\s*$"
)


def strip_attribution(text: str) -> str:
    """The sentence without a closing "…라고 말했다" (kept: the quotation itself)."""
    match = _ATTRIBUTION_TAIL.search(text)
    if not match or match.start() < len(text) // 3:
        return text
    return text[: match.start()] + match.group("quote")


# --- polarity ---------------------------------------------------------------

#: one of these begins every `_NEGATION` match (말 and 마 may follow a space)
NEGATION_SYLLABLES = "않못없아안말마모몰"
_NEGATION_SYLLABLES = re.compile(f"[{NEGATION_SYLLABLES}]")
#: a negated predicate: 않다, 못하다, 없다, 아니다, 말다, 안 + verb, 모르다; not the
#: "or not" of a question (계속할지 아닐지, 사실인지 아닌지 = whether or not)
#: nor a number not reached: 50명이 채 되지 않는, 기대에 못 미쳤다 (see `_NEGATIVE_WORDS`)
_NEGATION = re.compile(
    # the lookahead lets `re` pass over other syllables at once (issue #8)
    rf"(?=[{NEGATION_SYLLABLES}\s])(?:"
    r"(?<!머지)(?<!우연치 )(?<!우연치)(?<!채 되지 )(?<!채 되지)않|(?<!잘)(?<!미치지 )(?<!미치지)못(?!지|된|한 짓|\s?미치|\s?미쳐|\s?미친|\s?미쳤)|없(?!애|앤|이)|(?<!뿐 )(?<!뿐만 )(?<!뿐)(?<!뿐만)아니(?!면|고서는)|(?<!지 )아닌|(?<!지 )아닐|아님|아냐|아녜"
    r"|(?<![가-힣])(?<!채 )안\s(?=[가-힣])|(?<=[지고])\s?(?:말(?:라|아|고|자|것)|마(?:라|세요|십시오|요|(?=[.!?\"”\s])))"
    r"|(?<!지도 )(?<!지도)모르|몰라|몰랐|(?<!지도 )(?<!지도)모른)"
)
#: words that are negative in themselves (무관 = "not related"); weaker evidence. 반대로 (conversely),
#: 반대편/반대쪽 (the other side) and 일반대중 (the general public) oppose nothing. Some answer an
#: English negation that says the same thing: 처음 본다 ("I have never seen"; not 처음으로, "for
#: the first time"), 부족했다 ("was not enough"), 비겼다 ("could not be separated"), 제한된다 ("may
#: not be driven"). A number not reached (50명이 채 되지 않는, 절반에도 못 미치는) is a negative
#: word, not a negated predicate: "fewer than 50" or "not even half".
_NEGATIVE_WORDS = re.compile(r"부족|비겼|비긴(?![가-힣])|무승부|제한(?:됩|된다|됐|되고|되며|될)|처음\s?(?:본다|봤|보았|보는|겪)|채 되지 않|채 안 되|못 미[치쳐쳤]|미치지 못|없이|힘들|어렵|피하|피한|피해야|(?<!일)반대(?![로편쪽])|거절|무관|불참|불가능|불가|미확인|부인(?=했|하|한)|거부(?=했|하|한)|부정(?=했|하|한)(?!하게|한\s?(?:방법|행위|입학|합격|채용|청탁|거래|선거|돈|수단|이득|자금))|실패|결코|전혀|아무도|아무것도|아무런|(?<!통행)금지")

#: where a clause ends: a connective ending (…지만, …는데, …으며, …면서, 했고, …하기 위해) or a
#: comma after a verb's ending. Commas in a list ("미국, 한국, 중국") and 하고 있다 or 에서 break nothing
#: (`provenance.checks.flipped` reads a sentence clause by clause). Coarser than the clause
#: starts of `checks.coverage`, which cut at every comma and -고, -다고 for the prefixes they
#: try: cut that finely, a negated report ("…당했다고 말할 수 없었다") loses its negation to
#: the next piece, and `benchmarks/checks.py` counts one more false alarm for 0.016 recall.
CLAUSE_BREAK = re.compile(
    r"(?:(?<=지만)|(?<=는데)|(?<=은데)|(?<=으며)|(?<=이며)|(?<=하며)|(?<=되며)|(?<=면서)|(?<=으나)"
    r"|(?<=었고)|(?<=았고)|(?<=였고)|(?<=했고)|(?<=됐고)|(?<=위해)|(?<=위해서)"
    r"),?\s+|(?<=[고며서면만데나니다]),\s*"
)

#: a statement reported affirmatively: "…고 말했다", "…라고 밝혔다"
_REPORT = re.compile(r"(?:말했|밝혔|전했|주장했|보도했|덧붙였|강조했|설명했|지적했|발표했|확인했|말한|밝힌"
                     r"|비난했|비판했|경고했|촉구했|언급했|전망했|내다봤|(?<=[다라])며\s)")


_DENIED_REPORT = re.compile(r"(?:말하|밝히|전하|언급하|확인하|발표하|공개하)지\s?(?:않|못)")


def affirmed_reports(text: str) -> list[Span]:
    return [_span(m) for m in _REPORT.finditer(text)]


def denied_reports(text: str) -> list[Span]:
    return [_span(m) for m in _DENIED_REPORT.finditer(text)]


def negations(text: str) -> list[Marker]:
    """Negated predicates ("negation") and negative words ("negative")."""
    return sorted(negated(text) + negative_words(text), key=lambda m: m.span.start)


def negated(text: str) -> list[Marker]:
    """The negated predicates of `negations`: the negation check reads a side's negative
    words only when the other side negates a predicate, which few do (issue #8)."""
    possible = _NEGATION_SYLLABLES.search(text) is not None
    return [Marker("negation", _span(m)) for m in _finditer(_NEGATION, text, possible)]


def negative_words(text: str) -> list[Marker]:
    """The negative words of `negations`, less the emphatic ones (아무도, 전혀) where the text
    negates a predicate: "아무도 다치지 않았다" is one negation ("nobody was hurt"), not two."""
    found = list(_NEGATIVE_WORDS.finditer(text))
    if found and any(_EMPHATIC.fullmatch(m.group()) for m in found) and negated(text):
        found = [m for m in found if not _EMPHATIC.fullmatch(m.group())]
    return [Marker("negative", _span(m)) for m in found]


#: negative words that only strengthen a negated predicate (결코 … 않다, 아무도 … 없다)
_EMPHATIC = re.compile("결코|전혀|아무도|아무것도|아무런")


#: a verb negated with 않/못 (하지 않았다, 되지 못했다, 안 / 못 + verb), or no one hurt (다친 사람은
#: 없었다): not 없다 otherwise nor 아니다, which faithful translations often render affirmatively
#: ("오차도 없어야" as "as precise as possible")
_VERB_NEGATION = re.compile(
    r"(?<!채 되)(?<!미치)지\s?(?:않|못)|(?<![가-힣])(?<!채 )(?:안|못)\s(?=[가-힣])(?!미치|미쳐|미친|미쳤)"
    # and no one hurt, nothing happened: 다친 사람은 없었다, 인명 피해는 없었다, 총격은 없었다, 특이 동향은 없다
    r"|(?:(?<=사람)|(?<=상자)|(?<=망자)|(?<=종자)|(?<=피해)|(?<=총격)|(?<=교전)|(?<=동향)|(?<=이상)|(?<=변화)|(?<=문제)|(?<=지장))"
    r"(?:은|는|가|이|도)?\s?없(?=었|다|습|는)"
)
#: what may follow the statement's own negation: its ending, an auxiliary (않고 있다, 않을 것이다)
_STATEMENT_END = re.compile(
    r"[가-힣]*(?:\s(?:있|것|수|예정|방침|전망|상태)[가-힣]*)?"
    r"(?:\s(?:알려졌|전해졌|파악됐|확인됐|나타났|드러났|집계됐)[가-힣]*)?[.!?\"”’'…]*\s*"  # …없는 것으로 알려졌다
)


#: a contrast before a statement: …했지만, …했으나, …했는데, 그러나, 반면
CONTRAST = re.compile(r"지만|으나|는데|그러나|하지만|그런데|반면")


#: a closing report with its speaker between the quote and the verb: …않았다고 호쿠리쿠전력이 밝혔습니다
_SAID_BY = re.compile(
    r"(?<=[다\"”’'])(고)\s*(?:\S+\s+){0,3}?(?:말했|밝혔|전했|덧붙였|설명했|강조했|보도했|발표했|지적했|주장했|경고했|비판했|촉구했)"
    r"(?:다|습니다)\.?\s*$"
)


def negated_statement(text: str) -> Span | None:
    """The negation of the sentence's own verb, once a closing "…고 밝혔다" is set aside:
    "북한은 아직 입장을 내놓지 않았습니다", "사퇴하지 않겠다고 밝혔습니다"; not a negation
    in a clause before it (…지 않아 결렬됐다) or in a modifier (검거되지 않은 조직원)."""
    statement = strip_attribution(text)
    said_by = _SAID_BY.search(statement)
    if said_by is not None:
        statement = statement[: said_by.start(1)]  # "…않았다고 호쿠리쿠전력이 밝혔습니다": the speaker after the quote
    last = None
    for last in _VERB_NEGATION.finditer(statement):
        pass
    if last is None or _STATEMENT_END.fullmatch(statement, last.end()) is None:
        return None
    return _span(last)


#: stances a report may take, each the opposite of another (`checks.values.OPPOSITE_STANCES`):
#: 허용 (allow) / 금지 (ban), 인정 (admit) / 부인 (deny), 수락 (accept) / 거부 (reject),
#: 찬성, 지지 (support) / 반대 (oppose).
#: Not 수용 (also a camp, 수용소) nor 인정받다 (be recognised).
_STANCES = (
    ("allow", re.compile(r"허용|허가(?:했|하|한|해|됐|된|되)")),
    ("ban", re.compile(r"(?<!통행)금지")),  # not 통행금지, a curfew
    ("admit", re.compile(r"인정(?:했|하|한|해)(?!\s?받)")),
    ("deny", re.compile(r"부인(?=했|하|한|해)|부정(?=했|하|한|해)(?!하게|한\s?(?:방법|행위|입학|합격|채용|청탁|거래|선거|돈|수단|이득|자금))")),  # not 부정하게 (illicitly)
    # 합의했다 (agreed), not the noun (2004년 합의에 대해: "the agreement")
    ("accept", re.compile(r"수락|받아들(?:였|인|이)|받아(?:주|줄|준|줬)|(?:동의|합의|승인)(?=했|하|한|해|됐|된)|(?:허가|승인)(?:를|을)\s?받")),
    ("reject", re.compile(r"거부|거절|불복")),
    # 지지 at a word's start (not 밝혀지지 않았다), not 지지부진 (sluggish) nor 지지율 / 지지도
    # (a rating); not 반대로 (conversely), 반대편 / 반대쪽 / 반대 방향, 정반대, 반대급부, 일반대중
    ("support", re.compile(r"찬성|(?<![가-힣])지지(?!부진|율|도)")),
    ("oppose", re.compile(r"(?<![정일])반대(?!로|편|쪽|급부|\s?방향)|반발(?!\s?매수|\s?매입)")),
    ("criticize", re.compile(r"비난|비판|규탄|질타")),
    ("praise", re.compile(r"칭찬|찬사|호평|치하|극찬|환영")),
)
_STANCE_SYLLABLES = re.compile(r"[허금인부수받거찬지반동합불비규질칭호치극승환]")


def stances(text: str) -> list[Marker]:
    """What a report does to what it reports: allows or bans it, admits or denies it,
    accepts or rejects it (the negation check compares them)."""
    if _STANCE_SYLLABLES.search(text) is None:
        return []
    return marked(text, _STANCES)


#: what may stand between a stance or a move and the negation after it that turns it:
#: 허용하지 않았다, 허용되지 않으면, 허용할 수 없다, 받아들이지 않았다, 허용 안 한다, 늘지 않았다
_TO_NEGATION = re.compile(r"(?:하|되|할|될|해|돼|시키|시킬)?(?:지|게)?\s*(?:수\s*(?:는|도|가)?\s*)?")


def negates(text: str, negation: Span, marker: Span) -> bool:
    """Whether the negated predicate `negation` turns the stance or move `marker` ("허용하지
    않았다" bans, "늘지 않았다" is no rise)."""
    return negation.start >= marker.end and _TO_NEGATION.fullmatch(text, marker.end, negation.start) is not None


# --- direction of change ------------------------------------------------------

#: what a comparison's "higher" or "lower" follows: 지난해보다 (than last year), 2.1%포인트, 3%
_COMPARED = "(?:" + "|".join(rf"(?<={w})" for w in ("보다 ", "보다", "보다는 ", "보다는", "보다도 ", "보다도", "포인트 ", "% ", "%")) + ")"
#: 수익을 올렸다 (earned), 사진을 올렸다 (posted), 기도를 올렸다 (prayed): no figure raised
_NOT_EARNED = "".join(rf"(?<!{w} )" for w in ("수익을", "매출을", "성과를", "실적을", "이익을", "사진을", "영상을", "글을", "기도를", "박수를"))
#: an exchange rate quoted as won to the dollar: 환율이 올랐다 is the won falling (see `checks.direction`)
EXCHANGE_RATE = re.compile(r"환율")
#: a rate or price as the noun's object: 금리 인하 ("a rate cut"), 요금 인상 ("a fare rise")
_RATE_NOUN = "(?:(?<=금리 )|(?<=금리)|(?<=가격 )|(?<=가격)|(?<=요금 )|(?<=요금)|(?<=관세 )|(?<=관세)|(?<=세율 )|(?<=세율)|(?<=수수료 )|(?<=수수료))"
#: a figure going up: 증가, 상승, 늘었다, 올랐다, 올렸다 (raised), 높아졌다, (지난해보다) 높았다, (구형보다) 무거운 형; not 늘 (always), 오른쪽 (right),
#: 올라탔다 (got on), 인상적 (striking)
_UP = re.compile(
    # the lookahead lets `re` pass over other syllables at once (issue #8)
    r"(?=[증점상급폭치솟늘올오높커확인많무연더])(?:"
    # not 증가율, 상승률: a rate, which the sentence says more of (상승률이 낮아졌다 fell)
    r"증가(?!율|세율)|점증|상승(?!률)|급등|급증|폭등|치솟|솟(?:아|았|은|구)|연장(?:했|하|한|해|됐|된|되)"
    r"|늘(?:었|어났|어난|어날|어나|어(?![놓서선뜨])|린|렸|리|려|고|면서|며|게)"
    r"|올랐|오른(?![쪽손발편])|(?<![\s(]위로 )(?<!^위로 )올라(?![타탔])|오르(?:고|는|며|면서|자|기|던)|오를"
    r"|높(?:였|인|여)|" + _NOT_EARNED + r"(?:올렸|올린|올리(?:기|고|며|면|자|겠|는))"
    r"|높아(?:졌|지|진|져|집)|커(?:졌|지|진|져|집)|오릅|더\s?(?:높|커|크)|(?<=\s)늘(?=\s?것)|늘어납|" + _COMPARED + r"(?:높았|많았|높은|많은|무거운|무거웠|높다|높고|높아|많다)"
    r"|확대(?:됐|했|되|하|된|한|해)|인상(?:했|됐|된|하|되|한|해)|" + _RATE_NOUN + r"인상(?!적))"
)
#: a figure going down: 감소, 하락, 줄었다, 떨어졌다, 낮아졌다, (4년 전보다) 낮았다; not 줄 (a line: 줄이 길다),
#: "3km 떨어진 곳" (three kilometres away), "떨어져 살았다" (lived apart)
_DOWN = re.compile(
    r"(?=[감하급폭내떨낮줄작축인적가단더])(?:"
    r"감소(?!율)|감퇴|하락(?!률)|하강|급락|급감|폭락|감축|내려(?:가|간|갔|앉)|떨어(?:뜨|트)|낮(?:추|춘|춰|췄)|단축(?:했|하|한|해|됐|된|되)"
    r"|줄(?:었|어들|어든|어(?![서])|인|였|이(?=[기고며려면겠었는])|여|고|면서|며)"
    r"|(?<!km )(?<!km)(?<![0-9]m )(?<!마일 )(?<!미터 )떨어(?:졌|지|진|져)(?!\s?(?:있|살|지내|곳|지점|거리|위치))"
    r"|낮아(?:졌|지|진|져|집)|작아(?:졌|지|진|져|집)|줄어듭|더\s?(?:낮|작)|떨어집|내립|(?<=\s)줄(?=\s?것)|" + _COMPARED + r"(?:낮았|적었|낮은|적은|가벼운|가벼웠|내렸|내려|내린|낮다|낮고|낮아|적다)"
    r"|축소(?:됐|했|되|하|된|한|해)|인하(?:했|됐|된|하|되|한|해)|" + _RATE_NOUN + r"인하)"
)
#: a syllable every match of `_UP` or `_DOWN` has: most sentences have none (issue #8)
_CHANGE_SYLLABLES = re.compile(r"[증점상급폭치솟늘올오높커확인감하줄떨낮작축내많적렸릴무가연단더]")


#: a rate or price someone raises (올렸다) or lowers (내렸다): the object said, since 내리다 alone
#: is also rain falling, an order given, a conclusion drawn (비가 내렸다, 명령을 내렸다)
_SET = r"(?:금리|기준금리|가격|값|요금|세율|수수료|이자율|목표치|전망치|등급|관세)(?:를|을)\s?(?:\S+\s){0,6}?"
_SET_BY = re.compile(_SET + r"(올(?:렸|릴|리)|내(?:렸|릴|리))")


def changes(text: str) -> list[Marker]:
    """Figures said to go up ("up") or down ("down"), for the direction check."""
    if _CHANGE_SYLLABLES.search(text) is None:
        return []
    found = marked(text, (("up", _UP), ("down", _DOWN)))
    if "렸" in text or "릴" in text or "리" in text:
        taken = {m.span.start for m in found}  # 올렸다 is a rise of its own too
        found += [Marker("up" if m.group(1)[0] == "올" else "down", Span(m.start(1), m.end(1), m.group(1)))
                  for m in _SET_BY.finditer(text) if m.start(1) not in taken]
        found.sort(key=lambda marker: marker.span.start)
    return found



# --- balance -------------------------------------------------------------------

def _said(text: str, words: tuple[str, ...], patterns) -> list[Marker]:
    """The markers of `patterns` in `text`, read only when one of `words` is in it (issue #8)."""
    return marked(text, patterns) if any(word in text for word in words) else []


#: a balance in the black (흑자, 영업이익) or in the red (적자, 순손실), for the direction check;
#: not 이익 alone (국익, 이익 단체: an interest) nor 손실 alone (a loss of anything)
_BLACK = re.compile(r"흑자|(?:영업|순|당기순|세전)이익|(?:영업|순)익(?![가-힣])")
_RED = re.compile(r"적자(?!생존)|(?:영업|순|당기순|세전)손실")


def balances(text: str) -> list[Marker]:
    """Balances said to be in the black ("black") or in the red ("red")."""
    return _said(text, ("흑", "적", "익", "손실"), (("black", _BLACK), ("red", _RED)))


#: a measure made stronger (강화) or weaker (완화, 약화, 해제: lifted); not 강화도 (the island),
#: not 무장 해제 (disarming)
_STRONGER = re.compile(r"강화(?!도)|단속(?=하|했|한|해|을|에|이|에서)")  # 단속: a crackdown
_WEAKER = re.compile(r"완화|약화|(?<!무장\s)(?<!무장)해제")


def measures(text: str) -> list[Marker]:
    """Measures (rules, watch, sanctions) said to be made "stronger" or "weaker"."""
    return _said(text, ("화", "해제", "단속"), (("stronger", _STRONGER), ("weaker", _WEAKER)))


#: a person's sex as the report gives it: 40대 남성, 남자 against 여성, 여자; not 남성복 or 여성부
_SEXES = (("male", re.compile(r"남성(?![복용부지])|남자(?!친구)")), ("female", re.compile(r"여성(?![복용부지])|여자(?!친구)")))


def sexes(text: str) -> list[Marker]:
    """People said to be "male" or "female"."""
    return _said(text, ("남", "여"), _SEXES)


#: the most or the least of a group: 가장 많았다, 최고, 최대, 가장 더웠다 against 가장 적었다, 최저, 최소, 가장 추웠다
_EXTREMES = (
    # not 최대 30명, 최소한 네 명: bounds ("up to", "at least"), which the number check reads
    ("most", re.compile(r"(?:가장|번째로)\s?(?:많|높|크|컸|더웠|더운|따뜻)|최고|최대(?!\s?[0-9한두세네수십백천만])|최다")),
    ("least", re.compile(r"(?:가장|번째로)\s?(?:적|낮|작|추웠|추운|시원)|최저|최소(?!한|\s?[0-9한두세네수십백천만])")),
)


def extremes(text: str) -> list[Marker]:
    """Superlatives of amount: the "most" or the "least" of a group."""
    return _said(text, ("가장", "최", "번째로"), _EXTREMES)


#: a verdict: guilty (유죄, 징역 5년, 실형) or not (무죄); 집행유예 is a guilty verdict too
_VERDICTS = (("guilty", re.compile(r"유죄|징역|실형|금고\s?\d")), ("not guilty", re.compile(r"무죄")))


def verdicts(text: str) -> list[Marker]:
    """Verdicts said to be "guilty" or "not guilty"."""
    return _said(text, ("죄", "징역", "실형", "금고"), _VERDICTS)


_RANGES = (("short", re.compile(r"단거리")), ("medium", re.compile(r"중거리")), ("long", re.compile(r"장거리|대륙간")))


def ranges(text: str) -> list[Marker]:
    """Ranges (of a missile, a flight) said to be "short", "medium" or "long"."""
    return _said(text, ("거리", "대륙간"), _RANGES)


#: a patient's or a situation's condition: 위독, 중태, 불안정 against 안정 (안정세, 안정된 상태)
_CONDITIONS = (("unstable", re.compile(r"불안정|위독|위중|중태")), ("stable", re.compile(r"(?<!불)안정|양호")))


def conditions(text: str) -> list[Marker]:
    """Conditions said to be "stable" or "unstable" (critical)."""
    return _said(text, ("안정", "위독", "위중", "중태", "양호"), _CONDITIONS)


#: injuries said to be minor (경상, 가벼운 부상) or serious (중상, 크게 다쳐)
_INJURIES = (("minor", re.compile(r"경상|가벼운\s?(?:부상|상처)|가볍게\s?다")), ("serious", re.compile(r"중상|크게\s?다|심하게\s?다")))


def injuries(text: str) -> list[Marker]:
    """Injuries said to be "minor" or "serious"."""
    return _said(text, ("경상", "가벼", "가볍", "중상", "크게", "심하게"), _INJURIES)


#: a majority kept (과반을 유지, 확보) or lost (과반이 무너졌다, 과반을 잃었다)
_MAJORITIES = (
    ("kept", re.compile(r"과반(?:\s?의석)?(?:을|를)?\s?(?:유지|확보|지켜|지키|차지|얻|넘)")),
    ("lost", re.compile(r"과반(?:\s?의석)?(?:이|을|를)?\s?(?:잃|상실|붕괴|무너|내줬|내주)")),
)


def majorities(text: str) -> list[Marker]:
    """Majorities said to be "kept" or "lost"."""
    return _said(text, ("과반",), _MAJORITIES)


#: where a team plays: 원정 경기 (away) against 홈 경기, 안방 (home); not 원정 출산 or 원정 도박 (trips abroad)
_VENUES = (
    ("away", re.compile(r"원정(?!\s?(?:출산|도박|성매매|쇼핑))")),
    ("at home", re.compile(r"홈\s?(?:경기|구장|팬|에서)|안방")),
)


def venues(text: str) -> list[Marker]:
    """Games said to be played at "home" or "away"."""
    return _said(text, ("원정", "홈", "안방"), _VENUES)


#: inside (EEZ 안에, 기한 내에, 내부) or outside (밖에, 바깥, 외부, 역외) something; not 국내 (at home),
#: 시내 or 관내 (in the city, the district), nor 밖에 없다 ("only")
_PLACES = (
    ("inside", re.compile(r"(?<=[^\s가-힣]|[가-힣])\s?안쪽?(?=에|으로|에서)|(?<![국시관])내(?=에|에서|로)|내부|역내")),
    ("outside", re.compile(r"밖(?=에|으로|에서|의)(?!에\s?(?:없|안|못))|바깥|외부|역외")),
)


def places(text: str) -> list[Marker]:
    """Things said to be "inside" or "outside" something."""
    return _said(text, ("안", "내", "밖", "바깥", "외부", "역외"), _PLACES)


#: the part of a place: 캘리포니아주 남부 (Southern California), 나폴리 서부 (west of Naples)
_REGION = r"(?=아프리카|아시아|유럽|아메리카)"  # 서아프리카 (West Africa), 동유럽 (Eastern Europe)
_QUARTERS = (("centre", re.compile(r"중부")),
             ("south", re.compile(rf"남부|남쪽|(?<![가-힣])남{_REGION}")), ("north", re.compile(rf"북부|북쪽|(?<![가-힣])북{_REGION}")),
             ("east", re.compile(rf"동부|동쪽|(?<![가-힣])동{_REGION}")), ("west", re.compile(rf"서부|서쪽|(?<![가-힣])서{_REGION}")))


def quarters(text: str) -> list[Marker]:
    """Parts of a place said to be its "north", "south", "east" or "west"."""
    return _said(text, ("중부", "남부", "남쪽", "북부", "북쪽", "동부", "동쪽", "서부", "서쪽", "아프리카", "아시아", "유럽", "아메리카"), _QUARTERS)


#: a left or right side (왼쪽 엔진, 오른손), and a domestic or overseas one (국내, 해외 조직)
_SIDES = (("left", re.compile(r"왼쪽|좌측|왼(?=손|발|팔|다리|눈|귀|무릎|어깨)")),
          ("right", re.compile(r"오른쪽|우측|오른(?=손|발|팔|다리|눈|귀|무릎|어깨)")))
_SCOPES = (("domestic", re.compile(r"(?<![가-힣])국내(?!외)")), ("overseas", re.compile(r"해외|국외")))


def sides(text: str) -> list[Marker]:
    """Sides said to be the "left" or the "right" one."""
    return _said(text, ("왼", "좌측", "오른", "우측"), _SIDES)


def scopes(text: str) -> list[Marker]:
    """Things said to be "domestic" or "overseas"."""
    return _said(text, ("국내", "해외", "국외"), _SCOPES)


#: a season: 봄, 여름, 가을, 겨울 (내년 가을부터 as "from next fall")
_SEASONS = (("spring", re.compile(r"(?<![가-힣])봄(?=[철에을이은의학방\s]|$)")), ("summer", re.compile(r"여름")),
            ("autumn", re.compile(r"가을")), ("winter", re.compile(r"겨울")))


def seasons(text: str) -> list[Marker]:
    """Times said to be in the "spring", "summer", "autumn" or "winter"."""
    return _said(text, ("봄", "여름", "가을", "겨울"), _SEASONS)


#: the part of the day: 오전, 아침 against 오후, 저녁, 밤 ("the morning of the 15th" against "evening")
_DAY_PARTS = (("morning", re.compile(r"오전|아침")), ("later in the day", re.compile(r"오후|저녁|(?<![가-힣])밤")))
#: supplies said to be short (부족, 품귀) or plentiful (충분, 풍부)
_SUPPLIES = (("short", re.compile(r"부족|모자라|품귀")), ("plentiful", re.compile(r"충분|풍부|넉넉")))


def day_parts(text: str) -> list[Marker]:
    """Times said to be in the "morning" or "later in the day"."""
    return _said(text, ("오전", "아침", "오후", "저녁", "밤"), _DAY_PARTS)


def supplies(text: str) -> list[Marker]:
    """Supplies said to be "short" or "plentiful"."""
    return _said(text, ("부족", "모자라", "품귀", "충분", "풍부", "넉넉"), _SUPPLIES)


#: an attempt said to succeed (성공) or fail (실패); not 성공률 (a success rate)
_OUTCOMES = (("succeeded", re.compile(r"성공(?!률)")), ("failed", re.compile(r"실패")))


def outcomes(text: str) -> list[Marker]:
    """Attempts said to have "succeeded" or "failed"."""
    return _said(text, ("성공", "실패"), _OUTCOMES)


#: sales, demand or a market said to be weak (부진, 약세, 둔화, 침체) or strong (호조, 견조, 강세, 호황)
_STRENGTHS = (("weak", re.compile(r"부진|약세|둔화|침체|위축|약화")), ("strong", re.compile(r"호조|견조|강세|호황|활황|탄탄")))


def strengths(text: str) -> list[Marker]:
    """Sales, demand or markets said to be "weak" or "strong"."""
    return _said(text, ("부진", "약세", "둔화", "침체", "위축", "약화", "호조", "견조", "강세", "호황", "활황", "탄탄"), _STRENGTHS)

# --- size -------------------------------------------------------------------

def content_size(text: str) -> float:
    """How much the text says, in English-letter equivalents.

    A Hangul syllable carries about as much as 2.3 English letters in news
    translation (measured on dev data), Latin letters and digits count once.
    """
    return _hangul_letters(text) * 2.3 + _count(_ASCII_ALNUM, text)


_ASCII_ALNUM = re.compile(r"[A-Za-z0-9]+")
