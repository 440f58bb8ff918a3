"""English: numerals, units, dates, names and negation, as data plus extractors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from ..values import Counted, DateMention, Marker, Name, OPPOSITE_STANCES, Quantity, Span, in_order, marked

CODE = "en"
CASED_NAMES = True  # names are told by capitals, so the name check reads them here
#: Read İ, ı and ſ as I, i and s: case-insensitive patterns match them as those letters
#: while lower() and the word tables do not, so "TWİCE" matched a pattern and then failed
#: its lookup. One character for one, so every span stays where it was.
FOLD = str.maketrans({"\u0130": "I", "\u0131": "i", "\u017f": "s"})

# --- numerals -------------------------------------------------------------

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}
#: words that are numbers without digits: "twice", "a couple"
MULTIPLES = {"twice": 2, "double": 2, "doubled": 2, "triple": 3, "tripled": 3, "quadrupled": 4, "quintupled": 5, "once": 1,
             "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
             "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100}
#: multiples that are always amounts ("double" and "twice" often are not: "double standards", "twice weekly")
#: "double", "triple" after a hedge are amounts ("nearly triple that of"), not a double standard
_HEDGED_MULTIPLES = frozenset({"double", "doubled", "triple", "tripled", "twice"})
_HEDGE_BEFORE = re.compile(r"\b(?:nearly|almost|about|roughly|more\s+than|over|around|some)\s+$", re.IGNORECASE)
_SURE_MULTIPLES = frozenset({"tripled", "quadrupled", "quintupled"} | {word for word in MULTIPLES if word.endswith("fold") and word != "twofold"})
#: words that often are not numbers at all ("one of", "at first", "a second")
WEAK_WORDS = {"one", "first", "second", "once", "half", "double", "doubled"}
#: "the second time this year": a count ("the first time in years" stays an idiom)
_TIME_THIS = re.compile(r"\s+time\s+(?:this|in|since)\b", re.IGNORECASE)
#: "fell for the second month", "for a second week": the step of a spell, a count all the same
_FOR_THE_BEFORE = re.compile(r"\bfor\s+(?:the|a)\s+$", re.IGNORECASE)
_SPELL_UNIT_AFTER = re.compile(r"\s+(?:day|week|month|quarter|year|session)\b", re.IGNORECASE)


def _spell_step(text: str, match: re.Match[str]) -> bool:
    return _SPELL_UNIT_AFTER.match(text, match.end()) is not None and _FOR_THE_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None


#: after "second" or "first", a count all the same: "the second straight month", "second month in a row",
#: "second success in a row"
_RUNNING = re.compile(
    r"[\s-]+(?:(?:straight|consecutive|successive)\b|[a-z]+\s+(?:in\s+a\s+row|running)\b)",
    re.IGNORECASE,
)

CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "W": "KRW"}
#: unit word (lower case) after a number -> canonical unit
UNIT_WORDS: dict[str, str] = {
    "percent": "percent", "per cent": "percent", "%": "percent", "percentage point": "percent",
    "percentage points": "percent", "pct": "percent",
    "dollar": "USD", "dollars": "USD", "bucks": "USD", "won": "KRW", "yuan": "CNY",
    "renminbi": "CNY", "yen": "JPY", "euro": "EUR", "euros": "EUR", "pound": "GBP",
    "pounds": "GBP",
    "mile": "mile", "miles": "mile", "kilometer": "km", "kilometers": "km", "kilometre": "km",
    "kilometres": "km", "km": "km", "meter": "m", "meters": "m", "metre": "m", "metres": "m",
    "m": "m", "feet": "ft", "foot": "ft", "ft": "ft", "inch": "inch", "inches": "inch",
    "yard": "yard", "yards": "yard", "mm": "mm", "millimeters": "mm", "cm": "cm",
    "centimeters": "cm", "kg": "kg", "kilogram": "kg", "kilograms": "kg", "gram": "g",
    "grams": "g", "ton": "t", "tons": "t", "tonne": "t", "tonnes": "t", "lb": "lb", "lbs": "lb",
    "mph": "mph", "km/h": "km/h", "kph": "km/h", "miles per hour": "mph", "miles an hour": "mph",
    "kilometers per hour": "km/h", "kilometres per hour": "km/h", "kilometers an hour": "km/h", "kilometres an hour": "km/h", "square kilometers": "km2", "square meters": "m2",
    "square kilometres": "km2", "square kilometer": "km2", "square kilometre": "km2", "square-kilometer": "km2",
    "square-kilometre": "km2", "sq km": "km2", "km2": "km2", "km²": "km2", "square metres": "m2", "square meter": "m2",
    "square metre": "m2", "square-meter": "m2", "square-metre": "m2", "m2": "m2", "m²": "m2",
    "square feet": "ft2", "square foot": "ft2", "square-foot": "ft2", "square-feet": "ft2", "sq ft": "ft2",
    "sq. ft.": "ft2", "sq. ft": "ft2", "square miles": "mile2", "square mile": "mile2", "square-mile": "mile2",
    "hectares": "ha", "acres": "acre", "watts": "W", "kilowatts": "kW", "kw": "kW",
    "megawatts": "MW", "mw": "MW", "gigawatts": "GW", "gw": "GW", "watt": "W", "kilowatt": "kW",
    "megawatt": "MW", "gigawatt": "GW",
    "light years": "lightyear", "light-years": "lightyear", "light year": "lightyear", "light-year": "lightyear",
    "degrees celsius": "C", "degrees centigrade": "C", "degrees c": "C", "celsius": "C", "°c": "C", "℃": "C",
    "degrees fahrenheit": "F", "degrees f": "F", "fahrenheit": "F", "°f": "F", "℉": "F",
    "second": "second", "seconds": "second", "minute": "minute", "minutes": "minute",
    "hour": "hour", "hours": "hour", "day": "day", "days": "day", "week": "week",
    "weeks": "week", "month": "month", "months": "month", "year": "year", "years": "year",
    "year-old": "age", "years-old": "age", "years old": "age", "year old": "age", "decade": "decade", "decades": "decade",
    "century": "century", "centuries": "century", "times": "times", "fold": "times",
    "point": "percent", "points": "percent",
}
APPROX_BEFORE = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "some", "over",
    "more than", "less than", "fewer than", "under", "at least", "at most", "up to",
    "as many as", "as much as", "as few as", "close to", "just over", "just under",
    "an estimated", "estimated", "upwards of", "in excess of", "below", "above",
    "slightly more than", "well over", "barely", "circa", "c.", "~",
)
APPROX_AFTER = ("or so", "or more", "-plus", "+", "odd", "or less", "and up")

_WORDS = "|".join(sorted([*SMALL, *SCALES], key=len, reverse=True))
_ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TOKEN = rf"(?:{_DIGITS}|(?:{_WORDS})\b)"
_NUMBER = re.compile(
    rf"(?<![\w.,/$€£¥₩-])(?<![A-Za-z]-)"
    rf"(?P<cur>US\$|[$€£¥₩])?\s?"
    rf"(?P<a>\ban?\s+(?=(?:{'|'.join(SCALES)}|dozen)\b))?"
    rf"(?P<num>{_TOKEN}(?:(?:-|\s+|\s+and\s+(?=(?:{_WORDS})\b))(?:{_TOKEN}))*)"
    # "10km", "5kg", "60mph": a unit written on (not "5m", which is also five million, nor "5G")
    rf"(?:(?P<ord>st|nd|rd|th)(?![\w])|(?=(?:km|kg|mm|cm|mph|kph|km/h|ft|lbs?|kw|mw|gw)\b)|(?![\w]))"
    rf"(?!-(?:{_ORDINAL_WORDS})\b)",  # "twenty-third" is one ordinal, not 20 and a 3rd
    re.IGNORECASE,
)
_ORDINAL = re.compile(rf"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?(?:{_ORDINAL_WORDS})\b", re.IGNORECASE)
#: "World War II" is the second (2차 세계대전), not the number a count nearby must answer
_WORLD_WAR = re.compile(r"\bWorld War (II?)\b")
_MULTIPLE = re.compile(rf"\b(?:{'|'.join(MULTIPLES)})\b|\ba couple(?: of)?\b", re.IGNORECASE)
#: one describing word may stand between a number and its unit: "five intense days"; not "20 last
#: year", "84 this year", which say when, not how long, nor a unit of its own, which is the
#: number's unit ("a 40-hour week": hours) or begins one ("6 square kilometers")
_BETWEEN = (
    r"(?:(?!(?:of|the|and|or|to|in|on|at|for|by|per|a|an|from|with|light|last|this|next|that|each|every|same"
    rf"|{'|'.join(sorted({re.escape(w.split()[0]) for w in UNIT_WORDS}, key=len, reverse=True))})\s)[a-z]+\s)?"
)
_UNIT_AFTER = re.compile(
    rf"(?:\s?-?\s?){_BETWEEN}({'|'.join(sorted(map(re.escape, UNIT_WORDS), key=len, reverse=True))})(?![A-Za-z])",
    re.IGNORECASE,
)
_APPROX_BEFORE = re.compile(rf"(?:\b|^)(?:{'|'.join(map(re.escape, APPROX_BEFORE))})\s*$", re.IGNORECASE)
_APPROX_AFTER = re.compile(rf"\s?(?:{'|'.join(map(re.escape, APPROX_AFTER))})", re.IGNORECASE)
_NUM_WORD = re.compile(rf"{_DIGITS}|[a-z]+", re.IGNORECASE)


#: "hundreds", "tens of thousands", "several million": an order of magnitude in words
MAGNITUDE_WORDS = {"dozens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6, "billions": 10**9, "trillions": 10**12}
_MAGNITUDE = re.compile(
    r"\b(?:(tens|hundreds) of )?(dozens|hundreds|thousands|millions|billions|trillions)\b"
    r"|\b(?:several|a few) (hundred|thousand|million|billion)\b(?! (?:and|thousand|million|billion))",
    re.IGNORECASE,
)
_MAGNITUDE_CUES = frozenset(MAGNITUDE_WORDS) | {"several", "few"}


_BOTH = re.compile(r"\bboth\b", re.IGNORECASE)
#: shares: "a third of", "two-thirds", "a quarter as much"; "half" alone is weak (half an hour, second half)
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10,
}
NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION = re.compile(
    r"\b(?:(a|an|one|two|three|four|nine)[\s-])?(half|halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b"
    # "a third" may be an ordinal ("a third term"); "two-thirds" is a share whatever follows
    r"(?:(?=\s+(?:of|as|to|the|a|an)\b|\s*[,.;:)]|\s*$|[\s-]+(?:percentage[\s-]+)?points?\b)|(?<=-third)|(?<=-thirds)|(?<=-quarter)|(?<=-quarters)|(?<=-fourth)|(?<=-fourths)|(?<=-fifth)|(?<=-fifths)|(?<=-tenth)|(?<=-tenths))",
    re.IGNORECASE,
)
#: an age by decade: "in their 20s", "in his early 40s" (not "the 1920s", a date)
_AGE_DECADE = re.compile(r"\b(?:their|his|her|its)\s+(?:(?:early|mid|late)[\s-]+)?([1-9]0)s\b", re.IGNORECASE)
_AGE_WORDS = frozenset({"their", "his", "her", "its"})
#: "half a million" (500,000), "a half-million"
_HALF_SCALE = re.compile(r"\b(?:half\s+an?\s+|a\s+half[-\s])(million|billion|trillion)\b", re.IGNORECASE)
#: "$1.5bn", "£300m", "€2tn", "$400k"; without a currency sign only the unambiguous bn/mn/tn
#: ("5m" is five metres, "5k" a race)
ABBREVIATED_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12, "trn": 10**12}
_ABBREVIATED = re.compile(
    r"(?<![\w.,/$€£¥₩-])(?:(?P<cur>US\$|[$€£¥₩])\s?(?P<num>\d+(?:\.\d+)?)\s?(?P<scale>bn|b|mn|m|tn|trn|k)"
    r"|(?P<bare>\d+(?:\.\d+)?)\s?(?P<bare_scale>bn|mn|tn|trn))\b"
)
#: the fraction words, one of which `_FRACTION` needs
_FRACTION_WORDS = frozenset(DENOMINATORS)
_RATE = re.compile(r"(?<![\w.,$])\.\d{3}\b")


def parse_number(text: str) -> float | None:
    """'1.2 million' → 1200000, 'twenty-five' → 25, 'three hundred and five' → 305."""
    total, current, seen = 0.0, 0.0, False
    for token in _NUM_WORD.findall(text.lower()):
        if token in ("and", "a", "an"):
            current = current or (1.0 if token != "and" else current)
            continue
        if token == "dozen":
            current = (current or 1) * 12
        elif token in SMALL:
            current += SMALL[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0.0
        else:
            current += float(token.replace(",", ""))
        seen = True
    return total + current if seen else None


#: years and months as one count of months: "one year and six months", "a year and a half" (18),
#: "a year and a quarter" (15)
_YEARS_AND_MONTHS = re.compile(
    r"\b(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+years?\s+and\s+"
    r"(?:(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months?|a\s+(half|quarter))\b",
    re.IGNORECASE,
)


def _years_and_months(m: re.Match[str]) -> Quantity:
    years = parse_number("one" if m.group(1).lower() in ("a", "an") else m.group(1)) or 0
    months = {"half": 6, "quarter": 3}[m.group(3).lower()] if m.group(3) else parse_number(m.group(2)) or 0
    return Quantity(12.0 * years + months, "month", False, _span(m))


def quantities(text: str) -> list[Quantity]:
    """Every number in `text` that is not part of a date (see `dates`)."""
    taken = [(d.span.start, d.span.end) for d in _dates_cached(text) if d.relative is None]
    clues = _clues(text)
    spans = [_years_and_months(m) for m in _finditer(_YEARS_AND_MONTHS, text, "year" in clues.lowered and " and " in text)]
    taken += [(q.span.start, q.span.end) for q in spans]
    scaled = [_scaled(text, m) for m in _finditer(_HALF_SCALE, text, clues.says(_HALF_WORDS))]
    scaled += [  # "women in their 20s" against 20대 여성
        Quantity(float(m.group(1)), None, False, Span(m.start(1), m.end(), text[m.start(1) : m.end()]))
        for m in _finditer(_AGE_DECADE, text, clues.digit and clues.says(_AGE_WORDS))
    ]
    scaled += [_scaled(text, m) for m in _finditer(_ABBREVIATED, text, clues.digit and clues.says(_ABBREVIATION_WORDS))]
    taken += [(q.span.start, q.span.end) for q in scaled]
    shares = [
        q for m in _finditer(_FRACTION, text, clues.says(_FRACTION_WORDS))
        if not any(a <= m.start() < b for a, b in taken) and (q := _fraction(text, m))
    ]
    shared = [(q.span.start, q.span.end) for q in shares]
    found: list[Quantity] = shares + scaled + spans
    for match in _finditer(_NUMBER, text, clues.digit or clues.says(_NUMBER_WORDS)):
        if any(a <= match.start("num") < b for a, b in taken + shared):
            continue
        for piece_start, piece_end in _split_run(text, match.start("num"), match.end("num")):
            quantity = _quantity(text, match, piece_start, piece_end)
            if quantity:
                found.append(quantity)
    for match in _finditer(_MAGNITUDE, text, clues.says(_MAGNITUDE_CUES)):
        found.append(_magnitude(text, match))
    for match in _finditer(_RATE, text, clues.digit):  # a batting average, ".268"
        found.append(Quantity(float(match.group()), None, False, _span(match)))
    for match in _finditer(_BOTH, text, clues.says(_BOTH_WORDS)):  # "both sides" answers 양측 without being a number to report
        found.append(Quantity(2.0, None, False, _span(match), weak=True))
    periods = [(d.span.start, d.span.end) for d in _dates_cached(text) if d.period]  # "the third quarter" is a date
    for match in _finditer(_ORDINAL, text, clues.says(_ORDINAL_CUES)):
        if any(a <= match.start() < b for a, b in shared + periods):
            continue
        word = match.group().lower()
        value = ORDINALS[word.split("-")[-1]] + (SMALL[word.split("-")[0]] if "-" in word else 0)
        weak = (word in WEAK_WORDS and _RUNNING.match(text, match.end()) is None and not _spell_step(text, match)
                and not (word == "second" and _TIME_THIS.match(text, match.end())))
        found.append(Quantity(value, "ordinal", False, _span(match), weak=weak))
    for match in _finditer(_WORLD_WAR, text, "War I" in text):  # 2차 세계대전, whose 2 is no count of anything
        found.append(Quantity(float(len(match.group(1))), "ordinal", False, Span(match.start(1), match.end(1), match.group(1))))
    for match in _finditer(_MULTIPLE, text, clues.says(_MULTIPLE_CUES)):
        word = match.group().lower()
        value = 2 if word.startswith("a couple") else MULTIPLES[word]
        sure = word in _SURE_MULTIPLES or (_HEDGE_BEFORE.search(text, max(0, match.start() - 16), match.start()) and word in _HEDGED_MULTIPLES)
        found.append(Quantity(value, "times", word.startswith("a couple"), _span(match), weak=not sure))
    return in_order(found)


# --- people counted ---------------------------------------------------------

#: what befell the people a number counts, before it: "killing three", "injuring 7", "injured five", "a death toll of 15"
_ROLE_BEFORE = re.compile(
    r"\b(killing|killed|kills|injuring|injured|wounding|wounded|hurting|death\s+toll(?:\s+(?:rose|climbed|reached|stood|stands))?\s+(?:to|of|at))"
    r"\s+(?:at\s+least\s+|about\s+|more\s+than\s+|nearly\s+|some\s+|another\s+)?$",
    re.IGNORECASE,
)
#: or after it, within two words: "three workers were killed", "15 deaths", "12 were missing"
_ROLE_AFTER = re.compile(
    r"(?:\s+(?!and\b|or\b|but\b|of\b)[A-Za-z-]+){0,2}?\s+(?:(?:were|was|are|is|have\s+been|had\s+been)\s+)?"
    r"(dead|killed|died|deaths|fatalities|injured|wounded|hurt|injuries|missing)\b",
    re.IGNORECASE,
)
_ROLES = {"kil": "dead", "dea": "dead", "die": "dead", "fat": "dead", "inj": "injured", "wou": "injured",
          "hur": "injured", "mis": "missing"}
_ROLE_WORDS = frozenset({"killing", "killed", "kills", "injuring", "wounding", "hurting", "toll", "dead", "died",
                         "deaths", "fatalities", "injured", "wounded", "hurt", "injuries", "missing"})


def casualties(text: str) -> list[Counted]:
    """Numbers of people said to have died, been hurt or gone missing."""
    if not _clues(text).says(_ROLE_WORDS):
        return []
    out = []
    for q in quantities(text):
        if q.unit is not None:
            continue
        before = _ROLE_BEFORE.search(text, max(0, q.span.start - 40), q.span.start)
        found = before or _ROLE_AFTER.match(text, q.span.end)
        if found:
            out.append(Counted(_ROLES[found.group(1)[:3].lower()], q))
    return out


def from_to(text: str) -> list[tuple[Quantity, Quantity]]:
    """A figure's start and end where it is said to go from one to the other: "from 3.5 percent to 3.25 percent"."""
    if not _clues(text).says(_FROM_TO_WORDS):
        return []
    found = quantities(text)
    return [
        (a, b) for a, b in zip(found, found[1:])
        if _TO.fullmatch(text, a.span.end, b.span.start) and _FROM.search(text, max(0, a.span.start - 30), a.span.start)
    ]


_FROM = re.compile(r"\bfrom\s+(?:(?:the|its|their)\s+(?:current|present|previous|existing)\s+)?(?:\$|US\$|€|£|¥|₩)?$")
_TO = re.compile(r"\s+to\s+(?:\$|US\$|€|£|¥|₩)?")
_FROM_TO_WORDS = frozenset({"from"})


# --- clues: which patterns can match at all ------------------------------------

@dataclass(frozen=True, slots=True)
class _Clues:
    """What a text contains, found once, so patterns that cannot match it are not run.

    `re` tries each word of a case-insensitive alternation at every word
    boundary; whether "million" is one of the text's words is a set lookup.
    Most sentences have no digit, no number word, no month (issue #8).
    """

    lowered: str
    words: frozenset[str] | None  # runs of a-z in `lowered`; None when unsure (see `_clues`)
    digit: bool

    def says(self, words: frozenset[str]) -> bool:
        """Could a pattern that needs one of `words` (each bounded by non-letters) match?"""
        return self.words is None or not self.words.isdisjoint(words)

    def starts(self, prefixes: tuple[str, ...]) -> bool:
        """Could a pattern whose matches begin a word with one of `prefixes` match?"""
        # map() keeps the loop in C: this runs for every sentence (issue #8)
        return self.words is None or any(map(str.startswith, self.words, repeat(prefixes)))


@lru_cache(maxsize=1024)
def _clues(text: str) -> _Clues:
    lowered = text.lower()
    # re.IGNORECASE matches İ, ı and ſ to i and s, which lower() does not: no shortcut then
    words = None if _ODD_FOLDS.search(text) else frozenset(_ASCII_WORD.findall(lowered))
    return _Clues(lowered, words, _ANY_DIGIT.search(text) is not None)


def _finditer(pattern: re.Pattern[str], text: str, possible: bool):
    """`pattern.finditer(text)`, or nothing when the text's clues say it cannot match."""
    return pattern.finditer(text) if possible else ()


_ODD_FOLDS = re.compile("[\u0130\u0131\u017f]")
_ASCII_WORD = re.compile(r"[a-z]+")
_ANY_DIGIT = re.compile(r"\d")
#: words one of which each pattern needs (see the patterns)
_NUMBER_WORDS = frozenset(SMALL) | frozenset(SCALES)
_ORDINAL_CUES = frozenset(ORDINALS)
_MULTIPLE_CUES = frozenset(MULTIPLES) | {"couple"}
_BOTH_WORDS = frozenset({"both"})


def _fraction(text: str, match: re.Match[str]) -> Quantity | None:
    """'a third' = 1/3, 'two-thirds' = 2/3; 'half' alone is weak, 'third' alone an ordinal."""
    numerator, denominator = (g.lower() if g else g for g in match.groups())
    if numerator is None and denominator != "half":
        return None
    value = NUMERATORS.get(numerator or "a", 1) / DENOMINATORS[denominator]
    approx = bool(_APPROX_BEFORE.search(text, max(0, match.start() - 24), match.start()))
    weak = denominator == "half" and numerator in (None, "a", "one")
    bound = _bound(text, match.start(), match.end()) if approx else None
    of_time = _SHARE_OF_TIME.match(text, match.end())
    if of_time:  # "half an hour" = 0.5 hours, against 30분
        span = Span(match.start(), of_time.end(), text[match.start() : of_time.end()])
        return Quantity(value, UNIT_WORDS[of_time.group(1).lower()], approx, span, weak=weak, bound=bound)
    point = _SHARE_OF_POINT.match(text, match.end())
    if point:  # "a quarter-point cut", "a quarter of a percentage point" = 0.25 points, against 0.25%포인트
        span = Span(match.start(), point.end(), text[match.start() : point.end()])
        return Quantity(value, "percent", approx, span, bound=bound)
    return Quantity(value, "fraction", approx, _span(match), weak=weak, bound=bound)


#: a share of a percentage point: "a quarter-point", "half a point", "a quarter of a percentage point"
_SHARE_OF_POINT = re.compile(r"(?:[\s-]+|\s+of\s+a\s+)(?:percentage[\s-]+)?points?\b", re.IGNORECASE)
_HALF_WORDS = frozenset({"half"})
_ABBREVIATION_WORDS = frozenset(ABBREVIATED_SCALES) | {f"{scale}s" for scale in ("bn", "mn", "tn")}


def _scaled(text: str, match: re.Match[str]) -> Quantity:
    """A number with its scale in short ("$1.5bn") or as "half a million"."""
    groups = match.groupdict()
    if "bare" not in groups:  # _HALF_SCALE
        value, currency = 0.5 * SCALES[match.group(1).lower()], None
    elif groups["bare"] is not None:
        value, currency = float(groups["bare"]) * ABBREVIATED_SCALES[groups["bare_scale"]], None
    else:
        value, currency = float(groups["num"]) * ABBREVIATED_SCALES[groups["scale"]], CURRENCY_SIGNS[groups["cur"]]
    unit_match = None if currency else _UNIT_AFTER.match(text, match.end())
    unit = currency or (UNIT_WORDS[unit_match.group(1).lower()] if unit_match else None)
    stop = unit_match.end() if unit_match else match.end()
    approx = bool(_APPROX_BEFORE.search(text, max(0, match.start() - 24), match.start()))
    bound = _bound(text, match.start(), stop) if approx else None
    return Quantity(value, unit, approx, Span(match.start(), stop, text[match.start() : stop]), bound=bound)


_SHARE_OF_TIME = re.compile(r"\s+an?\s+(hour|day|week|month|year|minute|decade|century)\b", re.IGNORECASE)


def _magnitude(text: str, match: re.Match[str]) -> Quantity:
    times, plural, several = (g.lower() if g else g for g in match.groups())
    value = MAGNITUDE_WORDS[plural] * {"tens": 10, "hundreds": 100}.get(times or "", 1) if plural else SCALES[several]
    unit_match = _UNIT_AFTER.match(text, match.end())
    unit = UNIT_WORDS[unit_match.group(1).lower()] if unit_match else None
    return Quantity(float(value), unit, True, _span(match), magnitude=True)


def _split_run(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """'15 19' or 'two three' are two numbers; 'twenty-five' and '1.2 million' one."""
    pieces: list[tuple[int, int]] = []
    piece_start, last_small = start, False
    for token in _RUN_TOKEN.finditer(text[start:end]):
        word = token.group().lower()
        small = word not in SCALES and word not in ("and", "dozen")
        if small and last_small and not _tens_then_unit(text[start:end], token):
            pieces.append((piece_start, start + token.start()))
            piece_start = start + token.start()
        last_small = small
    pieces.append((piece_start, end))
    return [(a, b - len(text[a:b]) + len(text[a:b].rstrip(" -"))) for a, b in pieces]


_RUN_TOKEN = re.compile(rf"{_DIGITS}|[A-Za-z]+")


def _tens_then_unit(run: str, token: re.Match[str]) -> bool:
    before = run[: token.start()].rstrip(" -").split()
    previous = re.split(r"[-\s]", before[-1])[-1].lower() if before else ""
    word = token.group().lower()
    return previous in SMALL and SMALL[previous] % 10 == 0 and SMALL[previous] >= 20 and SMALL.get(word, 10) < 10


def _quantity(text: str, match: re.Match[str], start: int, end: int) -> Quantity | None:
    raw = text[start:end]
    first = raw.split()[0].split("-")[0].lower()
    a_scale = match.group("a") and start == match.start("num")
    if first in SCALES and not a_scale:
        return None  # "several hundred": vague
    value = parse_number(raw)
    if value is None:
        return None
    span_start = match.start() if start == match.start("num") else start
    currency = CURRENCY_SIGNS.get(match.group("cur") or "") if start == match.start("num") else None
    unit_match = _UNIT_AFTER.match(text, end)
    unit = currency or (UNIT_WORDS[unit_match.group(1).lower()] if unit_match else None)
    if unit is None and _CATEGORY_BEFORE.search(text, max(0, span_start - 10), span_start):
        unit = "category"
    if match.group("ord") and end == match.end("num"):
        unit = "ordinal"
        end = match.end()
    stop = unit_match.end() if unit_match and not currency else end
    approx = bool(_APPROX_BEFORE.search(text, max(0, span_start - 24), span_start)) or bool(
        _APPROX_AFTER.match(text, stop)
    )
    # 1 is weak ("one of", "a"), but not 1 in digits with a unit: "by 1 percentage point"
    weak = raw.lower() in ("one", "a", "an") or (value == 1 and not (unit and raw.isdigit()))
    bound = _bound(text, span_start, stop) if approx else None
    if unit in ("C", "F") and _MINUS_BEFORE.search(text, max(0, span_start - 8), span_start):
        value = -value  # "minus 10 degrees Celsius" against 영하 10도
    return Quantity(value, unit, approx, Span(span_start, stop, text[span_start:stop]), weak=weak, bound=bound)


_MINUS_BEFORE = re.compile(r"\bminus\s+$", re.IGNORECASE)


#: "a Category 4 storm": the number is the storm's category (1급 태풍)
_CATEGORY_BEFORE = re.compile(r"\bCategory[\s-]$", re.IGNORECASE)
#: hedges that bound the number from below ("more than 80") or above ("almost 350")
_AT_LEAST = re.compile(r"\b(?:over|more than|at least|upwards of|in excess of|above)\s*$", re.IGNORECASE)
_AT_LEAST_AFTER = re.compile(r"\s?(?:or more|-plus|\+|and up)", re.IGNORECASE)
_AT_MOST = re.compile(r"\b(?:nearly|almost|less than|fewer than|under|at most|up to|close to|below)\s*$", re.IGNORECASE)
_AT_MOST_AFTER = re.compile(r"\s?or less", re.IGNORECASE)


def _bound(text: str, start: int, stop: int) -> str | None:
    before = text[max(0, start - 24) : start]
    if _AT_LEAST.search(before) or _AT_LEAST_AFTER.match(text, stop):
        return "min"
    if _AT_MOST.search(before) or _AT_MOST_AFTER.match(text, stop):
        return "max"
    return None


# --- dates ------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
    "sep.": 9, "sept.": 9, "sept": 9, "oct.": 10, "nov.": 11, "dec.": 12,
    "jan": 1, "feb": 2, "apr": 4, "aug": 8, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
RELATIVE = {
    "the year before last": "year:-2", "last year": "year:-1", "this year": "year:0",
    "next year": "year:1", "yesterday": "day:-1", "today": "day:0", "tomorrow": "day:1",
    "last week": "week:-1", "this week": "week:0", "next week": "week:1",
    "last month": "month:-1", "this month": "month:0", "next month": "month:1",
}
#: the ambiguous month names count only next to a day, year or these words
_MONTH_CONTEXT = re.compile(
    r"(?:(?:in|of|on|since|until|till|by|early|late|mid|last|next|this|from|through|to|and|between)\s+"
    r"|(?:uary|ruary|March|April|June|July|August|tember|October|vember|cember)\s?[-–]\s?)$",  # January-May
    re.IGNORECASE,
)

_MONTH_ALT = "|".join(sorted((re.escape(m.capitalize()) for m in MONTHS), key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(\d{4})"
#: up to three digits: "September 110" is a slipped day, still compared as one (see `_slipped_day`);
#: "June 21-24" gives its second day too
_MONTH_DAY = re.compile(
    rf"\b({_MONTH_ALT})(?!\w)\s*(\d{{1,3}})(?!\d)(?:st|nd|rd|th)?(?![\d,]\d)(?:,?\s+{_YEAR}\b)?(?:\s?[-–]\s?(\d{{1,3}})\b(?![-–.,]?\d))?"
)
_DAY_MONTH = re.compile(rf"\b(\d{{1,3}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_ALT})(?!\w)(?:,?\s+{_YEAR}\b)?")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_ALT})(?!\w),?\s+{_YEAR}\b")
_MONTH = re.compile(rf"\b({_MONTH_ALT})(?!\w)")
_THE_DAY = re.compile(r"\b(?:(on|[A-Z][a-z]+day),?\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b(?=\s*(?:$|[.,;:)\"']|(?:of|and|or|but|when|at|in|to|until|through|after|before|as)\b))")
#: "on the 11th" is a date whatever follows ("the board on the 11th lowered the rate"), but
#: not a floor, a round or an anniversary
_ON_THE_DAY = re.compile(
    r"\bon\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:floor|day|anniversary|time|round|attempt|try|occasion|place"
    r"|lap|hole|ballot|vote|tee|leg|page|line|row|level|street|avenue|of\s+(?:those|these|them|its|the\s+\w+s)\b))"
)
#: "Friday the 13th": after a weekday, "the" and an ordinal are a day whatever follows
_WEEKDAY_THE_DAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b")
_SLASH_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?![\d/])")
#: 12/15/2019 (month first, as American news writes it, unless the first number cannot be a month)
_SLASH_DATE_YEAR = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])")
#: 2019-12-15
_ISO_DATE = re.compile(r"(?<![\d-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d-])")
#: "the 1992-1995 war": both ends are years
#: 2008-2009, and the season or fiscal year 2024-25 (2024 and 2025)
_YEAR_RANGE = re.compile(r"(?<![\d,.$€£¥₩#-])(1[5-9]\d{2}|20\d{2})\s?[-–]\s?(1[5-9]\d{2}|20\d{2}|\d{2})(?![\d%])")
#: a hedge before a four-digit number makes it a count: "more than 2000", "about 1500"
_HEDGED = re.compile(r"\b(?:more than|fewer than|less than|about|nearly|almost|over|some|at least|up to|around|roughly|approximately)\s+$", re.IGNORECASE)
_YEAR_ALONE = re.compile(r"(?<![\d,.$€£¥₩#-])(?:'(\d0)s|(1[5-9]\d{2}|20\d{2})(s)?)(?!\d|,\d|%|\.\d|-(?!year)|\s?(?:percent|per cent|hundred|thousand|million|billion|trillion|people|persons|troops|soldiers|workers|units|times|[a-z]+s\b))")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_RELATIVE = re.compile(r"\b(?:" + "|".join(sorted(RELATIVE, key=len, reverse=True)) + r")\b", re.IGNORECASE)
#: so long before: "a year ago", "three months earlier", "two weeks before"; and the base of a
#: comparison: "year-on-year", "from the previous month". Not "a week before the Olympics" nor
#: "a month earlier this season": a span before some other time, not before the news
_AGO = re.compile(
    r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[\s-]+(year|quarter|month|week|day)s?\s+"
    r"(?:ago|earlier(?!\s+(?:this|that|in|on|at|today|than)\b)|before(?=\s*(?:[.,;:)\"']|$)))"
    r"|\b(?:year[\s-]on[\s-]year|month[\s-]on[\s-]month|year[\s-]over[\s-]year|month[\s-]over[\s-]month"
    r"|quarter[\s-]on[\s-]quarter|on[\s-](?:year|quarter|month)|(?:from|over|than)\s+(?:the\s+)?(?:previous|preceding)\s+(?:year|quarter|month|week|day))\b",
    re.IGNORECASE,
)
_AGO_WORDS = frozenset({"ago", "earlier", "before", "on", "over", "previous", "preceding"})
#: a part of the year: "the first quarter", "second-quarter", "Q3", "the first half"; not
#: "third straight quarter" (a count), nor a game's halves unless the original has 반기
_QUARTER = re.compile(r"\b(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter|Q([1-4]))\b", re.IGNORECASE)
_HALF = re.compile(r"\b(?:(first|second|1st|2nd)[\s-]half|H([12]))\b", re.IGNORECASE)
#: a week of the month: "the second week of this month", "the first week of May"
_WEEK_OF = re.compile(r"\b(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+week(?=\s+of\b)", re.IGNORECASE)
_PERIOD_WORDS = frozenset({"quarter", "half", "q", "h", "week"})  # Q3 and H1 are the words "q" and "h" to `_clues`
_PART_NUMBERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "fifth": 5, "5th": 5}
#: words one of which the date patterns need (the month patterns need a month, the rest mostly a digit)
_MONTH_WORDS = frozenset(month.rstrip(".") for month in MONTHS)
_WEEKDAY_WORDS = frozenset(WEEKDAYS) | {f"{day}s" for day in WEEKDAYS}
_RELATIVE_ENDS = frozenset(phrase.split()[-1] for phrase in RELATIVE)
_CLOCK_WORDS = frozenset({"noon", "midnight"})
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})  # "the 3rd": a digit, then one of these as a word of letters
#: what `_TIME` needs after its digits: a colon, "a.m." or "am", "o'clock", "at 0930", "0900 GMT"
_CLOCK_MARKS = (":", "a.m", "p.m", "o'clock", "at 0", "GMT", "UTC", "hours", "hrs", "local time")
_AM_PM = frozenset({"am", "pm"})
_TIME = re.compile(
    r"\b([01]\d|2[0-3])([0-5]\d)\s?(?=GMT|UTC|hours|hrs|local time)|(?<=at )(0\d)([0-5]\d)\b|\b(\d{1,3})(?::(\d{2}))?\s?(a\.m\.?|p\.m\.?|am\b|pm\b|AM\b|PM\b|o'clock)|\b(noon|midnight)\b|\b(\d{1,2}):(\d{2})\b"
)

_HOUR_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
#: a clock in words: "half past two", "a quarter to six", "seven o'clock", "at seven-thirty", "at nine forty"
_WORD_TIME = re.compile(
    rf"\b(?:(half|(?:a )?quarter|twenty-five|twenty|ten|five) (past|after|(?<=quarter )to) ({_HOUR_WORDS}|\d{{1,2}})\b(?![\s-]+[a-z]+s\b)"
    rf"|({_HOUR_WORDS}) o'clock\b"
    rf"|(?<=\bat )({_HOUR_WORDS})[\s-](fifteen|thirty|forty-five|forty|twenty|fifty|ten)\b)",
    re.IGNORECASE,
)
#: minutes (or "o'clock"), one of which each way of `_WORD_TIME` needs
_WORD_TIME_WORDS = frozenset({"half", "quarter", "twenty", "ten", "five", "clock", "fifteen", "thirty", "forty", "fifty"})
_CLOCK_MINUTES = {"half": 30, "quarter": 15, "a quarter": 15, "twenty-five": 25, "twenty": 20, "ten": 10, "five": 5,
                  "fifteen": 15, "thirty": 30, "forty-five": 45, "forty": 40, "fifty": 50}


def _word_time(m: re.Match[str]) -> DateMention | None:
    """'half past two' = 2:30, 'a quarter to six' = 5:45; twelve-hour, as said."""
    minutes, direction, hour, whole, hour_at, minutes_at = (g.lower() if g else g for g in m.groups())
    if whole:
        return DateMention(_span(m), hour=SMALL[whole], minute=0, hour12=True)
    if hour_at:
        return DateMention(_span(m), hour=SMALL[hour_at], minute=_CLOCK_MINUTES[minutes_at], hour12=True)
    h = SMALL.get(hour) or int(hour)
    if not 1 <= h <= 12:
        return None
    if direction == "to":
        return DateMention(_span(m), hour=h - 1 or 12, minute=60 - _CLOCK_MINUTES[minutes], hour12=True)
    return DateMention(_span(m), hour=h, minute=_CLOCK_MINUTES[minutes], hour12=True)


def dates(text: str) -> list[DateMention]:
    """Every date, weekday, relative date and time in `text` (cached: several checks ask)."""
    return list(_dates_cached(text))


def _find_dates(text: str) -> list[DateMention]:
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    clues = _clues(text)
    digit, month = clues.digit, clues.says(_MONTH_WORDS)

    def add(mention: DateMention) -> None:
        found.append(mention)
        taken.append((mention.span.start, mention.span.end))

    def free(m: re.Match[str]) -> bool:
        return not any(a < m.end() and m.start() < b for a, b in taken)

    for m in _finditer(_MONTH_DAY, text, digit and month):
        if 1 <= int(m.group(2)) <= 31 or _slipped_day(m, m.group(1), m.group(2)):
            add(DateMention(_span(m), month=_month(m.group(1)), day=int(m.group(2)), year=_int(m.group(3))))
            if m.group(4):  # June 21-24: the 24th as well
                found.append(DateMention(_span(m), month=_month(m.group(1)), day=int(m.group(4))))
    for m in _finditer(_DAY_MONTH, text, digit and month):
        if free(m) and (1 <= int(m.group(1)) <= 31 or _slipped_day(m, m.group(2), m.group(1))):
            add(DateMention(_span(m), day=int(m.group(1)), month=_month(m.group(2)), year=_int(m.group(3))))
    for m in _finditer(_MONTH_YEAR, text, digit and month):
        if free(m):
            add(DateMention(_span(m), month=_month(m.group(1)), year=int(m.group(2))))
    for m in _finditer(_MONTH, text, month):
        if free(m) and _is_month(text, m):
            add(DateMention(_span(m), month=_month(m.group(1))))
    for m in _finditer(_ON_THE_DAY, text, digit and clues.says(_ORDINAL_SUFFIXES)):
        if free(m) and 1 <= int(m.group(1)) <= 31:
            add(DateMention(_span(m), day=int(m.group(1))))
    for m in _finditer(_THE_DAY, text, digit and clues.says(_ORDINAL_SUFFIXES)):
        if free(m) and 1 <= int(m.group(2)) <= 31:
            add(DateMention(_span(m), day=int(m.group(2))))
    for m in _finditer(_WEEKDAY_THE_DAY, text, digit and clues.says(_WEEKDAY_WORDS)):
        if free(m) and 1 <= int(m.group(1)) <= 31:
            add(DateMention(_span(m), day=int(m.group(1))))
    for m in _finditer(_ISO_DATE, text, digit and "-" in text):
        year, month, day = (int(g) for g in m.groups())
        if free(m) and 1 <= month <= 12 and 1 <= day <= 31:
            add(DateMention(_span(m), year=year, month=month, day=day))
    for m in _finditer(_SLASH_DATE_YEAR, text, digit and "/" in text):
        month, day, year = (int(g) for g in m.groups())
        if month > 12:
            month, day = day, month
        if free(m) and 1 <= month <= 12 and 1 <= day <= 31:
            add(DateMention(_span(m), year=year, month=month, day=day))
    for m in _finditer(_SLASH_DATE, text, digit and "/" in text):
        month, day = int(m.group(1)), int(m.group(2))
        if free(m) and 1 <= month <= 12 and 1 <= day <= 31:
            add(DateMention(_span(m), month=month, day=day))
    for m in _finditer(_YEAR_RANGE, text, digit and ("-" in text or "–" in text)):
        first, second = int(m.group(1)), int(m.group(2))
        if second < 100:  # 2024-25: the same century, a later year
            second += first - first % 100
        if free(m) and (len(m.group(2)) == 4 or second > first):
            for group, year in ((1, first), (2, second)):
                add(DateMention(Span(m.start(group), m.end(group), m.group(group)), year=year))
    for m in _finditer(_YEAR_ALONE, text, digit):
        if free(m) and not (m.group(2) and _HEDGED.search(text, max(0, m.start() - 16), m.start())):
            add(_year(m))
    for m in _finditer(_WEEKDAY, text, clues.says(_WEEKDAY_WORDS)):
        found.append(DateMention(_span(m), weekday=WEEKDAYS[m.group(1).lower()]))
    for m in _finditer(_RELATIVE, text, clues.says(_RELATIVE_ENDS)):
        found.append(DateMention(_span(m), relative=RELATIVE[m.group().lower()]))
    for m in _finditer(_AGO, text, clues.says(_AGO_WORDS)):
        found.append(DateMention(_span(m), relative=_ago(m)))
    if clues.says(_PERIOD_WORDS):
        for pattern, kind in ((_QUARTER, "quarter"), (_HALF, "half"), (_WEEK_OF, "week")):
            for m in pattern.finditer(text):
                number = _PART_NUMBERS[m.group(1).lower()] if m.group(1) else int(m.group(2))
                found.append(DateMention(_span(m), period=f"{kind}:{number}"))
    for m in _finditer(_TIME, text, digit and _says_clock(text, clues) or clues.says(_CLOCK_WORDS)):
        if free(m):
            mention = _time(m)
            if mention:
                add(mention)
    for m in _finditer(_WORD_TIME, text, clues.says(_WORD_TIME_WORDS)):
        if free(m) and (mention := _word_time(m)):
            add(mention)
    found.sort(key=lambda d: d.span.start)
    return found


def _ago(m: re.Match[str]) -> str:
    """"unit:-count" of an `_AGO` match ("three months earlier" → "month:-3", "on-year" → "year:-1")."""
    if m.group(2):
        count = m.group(1).lower()
        number = 1 if count in ("a", "an") else int(count) if count.isdigit() else SMALL[count]
        return f"{m.group(2).lower()}:-{number}"
    said = m.group().lower()
    return next((f"{unit}:-1" for unit in ("year", "quarter", "month", "week") if unit in said), "day:-1")


def _says_clock(text: str, clues: _Clues) -> bool:
    """Could `_TIME` find a time with digits ("10:30", "3 p.m.", "9am", "0900 GMT")?"""
    return clues.says(_AM_PM) or any(mark in text for mark in _CLOCK_MARKS)


def _slipped_day(m: re.Match[str], month: str, day: str) -> bool:
    """"September 41", "August 0", "240 July", "Nov. 240": no such day, but a date all the same,
    so it is compared as one (a month name in full or with its period beside a number is not a count;
    March and May only inside a sentence, where the capital cannot be the verb's)."""
    if month.lower() not in _FULL_MONTHS or 1 <= int(day) <= 31:
        return False
    return month.lower() not in ("march", "may") or not _SENTENCE_START.search(m.string, 0, m.start())


#: month names a slipped day may follow: in full, or shortened with its period ("Nov. 240")
_FULL_MONTHS = frozenset(name for name in MONTHS if (len(name) > 3 or name.endswith(".")) and name != "sept")


def _year(m: re.Match[str]) -> DateMention:
    if m.group(1):
        return DateMention(_span(m), year=1900 + int(m.group(1)), decade=True)
    return DateMention(_span(m), year=int(m.group(2)), decade=bool(m.group(3)))


def _time(m: re.Match[str]) -> DateMention | None:
    military = m.group(1) or m.group(3)
    if military:
        return DateMention(_span(m), hour=int(military), minute=int(m.group(2) or m.group(4)))
    hour, minute, marker, word, hour24, minute24 = m.groups()[4:]
    if word:
        return DateMention(_span(m), hour=12 if word == "noon" else 0, minute=0)
    if hour24:
        h = int(hour24)
        if h > 24 and minute24 != "00":
            return None  # 25:75 is a ratio; "90:00" is a clock time gone wrong, compared as one
        return DateMention(_span(m), hour=h, minute=int(minute24), hour12=h <= 12)
    h = int(hour)
    if h > 24 and (minute or h > 59):  # "70 a.m.", "50:00 p.m.": a clock gone wrong, compared as one
        return DateMention(_span(m), hour=h, minute=int(minute) if minute else None)  # ("45 a.m." is a cut "9:45")
    if 12 < h <= 24 and marker.lower()[0] in "ap":  # "15 a.m.": no such hour; compared as written
        return DateMention(_span(m), hour=h, minute=int(minute) if minute else None)
    if not 1 <= h <= 12:
        return None
    if marker == "o'clock":
        return DateMention(_span(m), hour=h, minute=int(minute) if minute else None, hour12=True)
    pm = marker.lower().startswith("p")
    return DateMention(_span(m), hour=h % 12 + (12 if pm else 0), minute=int(minute) if minute else None)


def _is_month(text: str, m: re.Match[str]) -> bool:
    word = m.group(1)
    if word.lower() in ("may", "march", "jan", "sept", "dec", "oct", "nov", "aug", "apr", "feb"):
        return bool(_MONTH_CONTEXT.search(text, max(0, m.start() - 12), m.start()))
    return True


def _month(word: str) -> int:
    return MONTHS[word.lower()]


def _int(group: str | None) -> int | None:
    return int(group) if group else None


@lru_cache(maxsize=4096)
def _dates_cached(text: str) -> tuple[DateMention, ...]:
    return tuple(_find_dates(text))


def _span(m: re.Match[str]) -> Span:
    return Span(m.start(), m.end(), m.group())


# --- names ------------------------------------------------------------------

#: capitalised words that are not names (titles, function words, calendar)
NOT_NAMES = frozenset(
    """
    a an the this that these those there their they them he she it its his her we our you your i
    me my mine us in on at of for from to by with without about as and or but nor so yet if when
    while where who whom whose which what why how after before since until during because though
    although despite also not no yes all any some many most more much other another each every both
    either neither one two three four five six seven eight nine ten first second third last next
    mr mrs ms dr prof sir madam president vice prime minister ministers secretary general gen
    chairman chairwoman chief director spokesman spokeswoman spokesperson ambassador senator sen
    rep gov governor mayor king queen prince princess emperor pope lord judge justice officer
    commander colonel col lt capt sgt adm lieutenant captain sergeant admiral marshal premier
    professor reporter editor correspondent translator according monday tuesday wednesday thursday
    friday saturday sunday january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow
    is are was were be been being have has had do does did will would shall should can could may
    might must said says say
    north south east west northern southern eastern western central old great upper lower
    national international federal state states public royal supreme united democratic people
    peoples republic party committee council department ministry office agency association
    university college school institute center centre foundation company corp inc ltd co group
    bank court army navy air force forces police service news press times post daily journal
    radio television tv network station house senate congress parliament assembly union league
    club games olympic olympics cup world war day year month week program programme project plan
    act law bill treaty resolution summit conference meeting talks forum city province county district region
    island islands river mountain mount mt sea ocean bay lake street st avenue road airport port
    hospital church temple museum library hall tower bridge park station laboratory lab
    free asia korean korea english chinese japanese american russian british french german
    european african asian western eastern islamic muslim christian catholic jewish arab
    """.split()
)
_NAME_WORD = r"(?:Mc|Mac|O'|De|Di|La|Le)?[A-Z][a-z]+(?:[A-Z][a-z]+)*|[A-Z](?:\.[A-Z])+\.?|[A-Z]{2,}[a-z]?|[A-Z]\."
#: every name word begins with a capital: the lookahead lets `re` pass over the rest at once (issue #8)
_NAME = re.compile(
    rf"(?=[A-Z])(?<![\w'’])(?:{_NAME_WORD})(?:[-'’][A-Za-z]+)*"
    rf"(?:\s+(?:(?:de|van|von|der|bin|al|el|la|le|du)\s+)?(?:{_NAME_WORD})(?:[-'’][A-Za-z]+)*)*"
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”‘’'(\[—–-]\s*|\n)\s*$")
_SUFFIX = re.compile(r"-[a-z][a-z-]*$|['’]s$|['’]$")
_CONTRACTION = re.compile(r"^I['’](?:m|ve|ll|d)$")
_INITIAL = re.compile(r"[a-z]\.?")


def names(text: str) -> list[Name]:
    """Capitalised names, minus titles and words capitalised only by position."""
    if _is_headline(text):
        return []  # "Car Collides With Train": every word has a capital
    out: list[Name] = []
    for m in _NAME.finditer(text):
        words = m.group().split()
        start = m.start()
        if len(words) == 1 and _SENTENCE_START.search(text, max(0, start - 4), start):
            continue  # "They", "After": capitalised by position
        span = Span(start, m.end(), text[start : m.end()])
        out.append(Name(span.text, name_key(span.text), span))
    return out


_TITLE_CASE_SMALL = frozenset("With In On At Of For To And The From By Is Are Over After Into".split())


def _is_headline(text: str) -> bool:
    """Title case: most words capitalised, small words included ("Car Collides With Train")."""
    first = _LETTER_RUN.search(text)
    if first is None or _TITLE_CASE_SMALL_WORD.search(text, first.end()) is None:
        return False  # no capitalised small word after the first: the words need not be listed (issue #8)
    words = _LETTER_RUN.findall(text)
    if len(words) < 4 or _TITLE_CASE_SMALL.isdisjoint(words[1:]):
        return False  # the cheap tests first: most sentences have no capitalised small word
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals / len(words) > 0.6


_LETTER_RUN = re.compile(r"[A-Za-z]+")
#: one of `_TITLE_CASE_SMALL` ending a run of letters (a word of its own wherever one starts it)
_TITLE_CASE_SMALL_WORD = re.compile(rf"(?:{'|'.join(sorted(_TITLE_CASE_SMALL, key=len, reverse=True))})(?![A-Za-z])")


@lru_cache(maxsize=1 << 14)  # news names the same people bead after bead
def name_key(name: str) -> str:
    """The words of a name that carry it: 'Prime Minister Junichiro Koizumi' → 'junichiro koizumi'."""
    kept = []
    for word in name.split():
        if _CONTRACTION.match(word):
            continue
        word = _SUFFIX.sub("", word.strip(".,'’-"))
        lower = word.lower()
        if not lower or lower in NOT_NAMES or _INITIAL.fullmatch(lower):
            continue
        kept.append(lower.replace(".", ""))
    return " ".join(kept)


# --- polarity ---------------------------------------------------------------

_AUX = r"(?:is|are|am|was|were|be|been|do|does|did|will|would|can|could|should|shall|may|might|must|has|have|had|need)"
#: what every match of `_NEGATION` begins with (an auxiliary, "never", "cannot", "n't", "'s not")
_NEGATION_FIRST = "abcdhimnsw'’"
#: after "did not", a question left open: "did not say where", "didn't disclose how many".
#: News adds these to a report; they reverse nothing the original says, so they are not
#: negated predicates, only negative words (which may answer a negation of the original:
#: "몇 명인지는 밝히지 않았다" stays one, as it may come out as "did not give the number").
_OPEN_QUESTION = (
    r"(?:\s+(?:immediately|yet|publicly|officially|specifically))?"
    r"\s+(?:say|said|tell|told|specif(?:y|ied)|disclosed?|reveal(?:ed)?|explain(?:ed)?|elaborated?\s+on|indicated?"
    r"|commented?\s+on|confirm(?:ed)?)"
    r"(?:\s+(?:us|me|him|her|them|reporters|journalists))?"
    r"\s+(?:where|when|how|why|what|which|who|whom|whose|whether)\b"
)
#: "not … until", "not … for at least": a time when something does happen ("would not come until
#: after 2050" renders 2050년 이후에나 나타날, "would not resume for at least two weeks" 2주는 걸릴), so
#: no negation; a negated original ("멈추지 않겠다 … 때까지") is answered by `_RENDERS_NEGATION`
_NOT_UNTIL = r"(?:\s+\w+){0,3}\s+(?:until|for\s+at\s+least)\b"
#: "can't be less than 50 bucks", "not fewer than 300": a lower bound, 50달러 이상, said affirmatively
#: (not "was not less than forecast", a comparison turned around)
_NOT_LESS = (r"(?:\s+be)?\s+(?:less|fewer)\s+than\s+(?:[$€£¥₩]\s?)?(?:\d|(?:a|one|two|three|four|five|six|seven|eight"
             r"|nine|ten|a\s+dozen|half|a\s+third|a\s+quarter)\b)")
#: a negated verb: an auxiliary with "not" (a word may come between), "n't", "never", "cannot";
#: not the idioms that assert ("can't help but marvel", "won't cut it" = falls short, said either way)
_NEGATION = re.compile(
    # the lookahead lets `re` pass over words that begin otherwise at once (issue #8)
    rf"(?=[{_NEGATION_FIRST}])(?:"
    rf"(?:\b{_AUX}|['’](?:s|re|m))(?:\s+\w+)?\s+not\b(?!\s+(?:only|just|least|to\s+mention|unlike|long)|{_NOT_UNTIL}|{_NOT_LESS}|{_OPEN_QUESTION})"
    rf"|\b{_AUX}(?:\s+\w+)?\s+no\s+longer\b"
    rf"|\bnever\b|\bcannot\b(?!\s+help\s+but\b|{_NOT_LESS})"
    r"|(?<!\bor\s)\bnot\s+(?:all|every(?:one|body|thing)?)\b"  # "not everyone was rescued": a quantity denied
    rf"|n[’']t\b(?!\s+(?:it|he|she|they|you|we|I|there)\s*\?|\s+help\s+but\b|\s+cut\s+it\b|{_NOT_UNTIL}|{_NOT_LESS}|{_OPEN_QUESTION}))",
    re.IGNORECASE,
)
#: words one of which `_NEGATION` needs, but for "n't"
_NEGATION_WORDS = frozenset({"not", "longer", "never", "cannot"})
#: how each of `_NEGATIVE_WORDS` begins
_NEGATIVE_STARTS = (
    "no", "neither", "without", "un", "impossible", "fail", "refus", "den", "reject", "lack", "few",
    "little", "hardly", "barely", "rarely", "seldom", "absen", "free", "instead", "prevent", "kept",
    "keep", "illegal", "inability", "incapable", "insufficient", "ineffective", "invisible", "dis",
    "against", "oppos", "ban", "prohibit", "forb", "regardless", "boycott", "turn", "out",
)
#: words that are negative in themselves, or negate a noun ("no connection"); weaker evidence
_NEGATIVE_WORDS = re.compile(
    # the first-letter lookahead lets `re` pass over most words at once (issue #8)
    rf"\b(?=[{''.join(sorted({start[0] for start in _NEGATIVE_STARTS}))}])"
    r"(?:(?<!or )not|no(?!\.?\s*\d)|nobody|nothing|none|neither|nor|nowhere|"
    r"ban(?:s|ned|ning)?|prohibit(?:s|ed|ing)?|forb(?:id|ids|ade|idden)|"
    r"without|unable|impossible|unlikely|fail(?:s|ed|ing|ure)?|refus(?:e|es|ed|ing|al)|"
    r"den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|lack(?:s|ed|ing)?|few|little|hardly|barely|"
    r"rarely|seldom|unknown|absent|absence|free\s+of|instead|prevent(?:s|ed|ing)?|kept\s+\w+\s+from|keeps?\s+\w+\s+from|"
    r"unrelated|no\s+longer|non-?[a-z]{3,}|against|oppos(?:e|es|ed|ing)|"
    r"opposition(?!\s+(?:leaders?|part(?:y|ies)|lawmakers?|camp|candidates?|members?|politicians?|bloc|coalition|groups?|figures?))|"
    r"un(?:able|likely|known|clear|certain|usual|necessary|willing|prepared|aware|employed|related|beaten|defeated|"
    r"identified|confirmed|finished|successful|safe|fair|happy|able|affected|changed|harmed|hurt|"
    r"armed|paid|named|explained|resolved|precedented|acceptable|available|popular|lawful|legal)"
    r"|un[a-z]{3,}able|regardless|boycott(?:s|ed|ing)?|turn(?:s|ed|ing)?\s+down|"
    r"out\s+of\s+the\s+question|impossible|illegal|inability|incapable|insufficient|ineffective|invisible|"
    r"dis(?:agree[sd]?|approve[sd]?|miss(?:ed|es)?|allow(?:ed)?|prove[sd]?|continued?|qualif(?:y|ied)))\b",
    re.IGNORECASE,
)

#: negative words that say a negated predicate on their own ("못했다" as "failed", "아무도
#: 없었다" as "nobody"): they answer the other language's negated predicate (checks/negation.py)
#: ("very few", not "a few"; "no" but not the answer "No, …" nor "no later than"), matched
#: where the word is in its text, so the look-arounds see its neighbours
RENDERS_NEGATED = re.compile(
    r"(?:fail(?:s|ed|ing|ure)?|unable|unlikely|impossible|no(?!\s*[,.!?]|\s+(?:later|earlier|sooner|more|less|fewer|longer|further|matter|doubt)\b)|nothing|nobody|none|(?<!\ba\s)few)\b", re.IGNORECASE
)


#: where a clause ends or starts: punctuation, a quotation mark, a conjunction or relative
#: pronoun opening a clause (`provenance.checks.added` reads the clause around a negation)
CLAUSE_BREAK = re.compile(
    r"[,;:—–]\s+|\s[\"“”]|[\"“”]\s"
    r"|\s+(?=(?:but|because|while|although|though|whereas|who|which|after|before|since|unless|so that|even though)\b)",
    re.IGNORECASE,
)

#: a report denied: "did not say", "hasn't confirmed" (see checks/negation.py), but not a
#: question left open ("did not say where": `_OPEN_QUESTION`)
_DENIED_REPORT = re.compile(
    r"\b(?:did|does|do|has|have|had)(?:\s+not|n[’']t)(?!" + _OPEN_QUESTION + r")\s+"
    r"(?:say|said|tell|told|claim(?:ed)?|report(?:ed)?|announce[d]?|add(?:ed)?|note[d]?|state[d]?|call(?:ed)?|confirm(?:ed)?)\b",
    re.IGNORECASE,
)


REPORT_VERBS = ("said", "says", "told", "tells", "claimed", "reported", "announced", "added", "noted", "stated", "confirmed")
_REPORT = re.compile(rf"\b(?:{'|'.join(REPORT_VERBS)})\b")
_REPORT_WORDS = frozenset(REPORT_VERBS)


def affirmed_reports(text: str) -> list[Span]:
    return [_span(m) for m in _finditer(_REPORT, text, _clues(text).says(_REPORT_WORDS))]


def denied_reports(text: str) -> list[Span]:
    return [_span(m) for m in _finditer(_DENIED_REPORT, text, _says_not(_clues(text)))]


def _says_not(clues: _Clues) -> bool:
    """Could the text negate a verb with "not" or "n't" (what `_NEGATION` and `_DENIED_REPORT` need)?"""
    return clues.says(_NEGATION_WORDS) or "n't" in clues.lowered or "n’t" in clues.lowered


def negations(text: str) -> list[Marker]:
    """Negated predicates ("negation") and negative words ("negative")."""
    return sorted(negated(text) + negative_words(text), key=lambda m: m.span.start)


def negated(text: str) -> list[Marker]:
    """The negated predicates of `negations`: the negation check reads a side's negative
    words only when the other side negates a predicate, which few do (issue #8)."""
    return [Marker("negation", _span(m)) for m in _finditer(_NEGATION, text, _says_not(_clues(text)))]


def negative_words(text: str) -> list[Marker]:
    """The negative words of `negations`, less those inside a negated predicate ("no longer")."""
    found = list(_finditer(_NEGATIVE_WORDS, text, _clues(text).starts(_NEGATIVE_STARTS)))
    taken = [(m.span.start, m.span.end) for m in negated(text)] if found else []
    return [Marker("negative", _span(m)) for m in found if not any(a <= m.start() < b for a, b in taken)]


#: words that may render a negated verb with none (아직 않았다 as "yet to", 들지 않게 as "free",
#: 잘 읽지 못했다 as "a poor reader", 받아들이지 않았다 as "refused", 꺼지지 않고 있다 as "has been
#: burning"): a lost negation is not asserted where one of them is in the translation
_RENDERS_NEGATION = re.compile(
    r"\b(?:yet|only|still|free|poor(?:ly)?|premature|less|short\s+of|unless|avoid\w*|stop\w*|quit\w*|declin\w*"
    r"|los[te]s?|losing|remain\w*|hid\w*|away|off|outside|absent|miss\w*|far\s+from|forget|rather|kept|keeps?|keeping"
    r"|instead|other\s+than|apart\s+from|except|beyond|continu\w*|stuck|stranded|s[ai]t\w*\s+out|(?:held|kept|stay\w*)\s+(?:\w+\s+)?(?:under|below|above|high|low|unchanged|flat|steady|put|home|closed|shut|indoors|silent|quiet)|(?:has|have|had)\s+been\s+\w+ing|until|for\s+at\s+least)\b",
    re.IGNORECASE,
)


#: a currency's own value as the subject ("the won fell"): the other way round from an exchange
#: rate quoted in it (환율이 올랐다, see `checks.direction`)
CURRENCY_VALUE = re.compile(r"\b(?:the|Korean)\s+won\b(?!\s+(?:a|per|for|to)\b)", re.IGNORECASE)


#: a contrast: "but", "however", "although"
CONTRAST = re.compile(r"\b(?:but|however|although|though|whereas|while)\b", re.IGNORECASE)


def renders_negation(text: str) -> bool:
    """Whether the text has a word that may render another language's negation (see above)."""
    return _RENDERS_NEGATION.search(text) is not None


#: stances a report may take (see the Korean module): allow / ban, admit / deny,
#: accept / reject, support / oppose; not "lifted the ban" (an allowing), "refused to comment"
_STANCES = (
    ("allow", re.compile(r"\b(?:allow(?:s|ed|ing)?|permit(?:s|ted|ting)?|lift(?:s|ed|ing)?\s+(?:the\s+|a\s+|its\s+|their\s+)?ban)\b", re.I)),
    ("ban", re.compile(r"\b(?<!lifted\s)(?<!lifted\sthe\s)(?<!lift\sthe\s)(?<!lifting\sthe\s)(?:ban(?:s|ned|ning)?|prohibit(?:s|ed|ing)?|forb(?:id|ids|ade|idden))\b", re.I)),
    ("admit", re.compile(r"\b(?:admit(?:s|ted|ting)?|acknowledg(?:e|es|ed|ing))\b", re.I)),
    ("deny", re.compile(r"\bden(?:y|ies|ied|ying)\b", re.I)),
    ("accept", re.compile(r"\b(?:accept(?:s|ed|ing)?|agree(?:s|d|ing)?|approv(?:e|es|ed|ing))\b", re.I)),
    ("reject", re.compile(r"\b(?:reject(?:s|ed|ing)?|turn(?:s|ed)?\s+down|refus(?:e|es|ed|ing)(?!\s+to\s+(?:comment|say|elaborate|give|disclose))"
                          r"|appeal(?:s|ed|ing)?\s+(?:against\s+)?the\s+(?:ruling|verdict|decision|sentence))\b", re.I)),
    # "backed", not "backed down"; "against" only where it takes a side ("voted against"),
    # not "the war against terror"; "opposition" only to or from something, not a party
    ("support", re.compile(r"\b(?:support(?:s|ed|ing|ers?)?|back(?:s|ed|ing)(?!\s+(?:away|down|off|out|up)\b)|in\s+favou?r\s+of|endors(?:e|es|ed|ing))\b", re.I)),
    ("oppose", re.compile(r"\b(?:oppos(?:e|es|ed|ing)|opposition\s+(?:to|from)|objec(?:t|ts|ted|ting|tions?)\s+to"
                          r"|(?:vot(?:e|es|ed|ing)|is|are|was|were|be|been|stand|stands|stood|spoke|argued?|campaign(?:s|ed|ing)?)\s+against)\b", re.I)),
    ("criticize", re.compile(r"\b(?:denounc\w*|condemn\w*|critici[sz]\w*|critical\s+of|slamm?(?:s|ed|ing)?|blast(?:s|ed|ing)?"
                             r"|decr(?:y|ied|ies))\b", re.I)),
    ("praise", re.compile(r"\b(?:prais(?:e|es|ed|ing)|hail(?:s|ed|ing)?|laud(?:s|ed|ing)?|commend(?:s|ed|ing)?|applaud\w*"
                          r"|welcom(?:e|es|ed|ing)(?!\s+to\b))\b", re.I)),
)
_STANCE_WORDS_START = ("allow", "permit", "lift", "ban", "prohibit", "forb", "admit", "acknowledg", "den", "accept", "agree", "reject", "turn",
                       "refus", "appeal", "support", "back", "favo", "endors", "oppos", "objec", "against", "condemn", "critic",
                       "slam", "blast", "decr", "prais", "hail", "laud", "commend", "applaud", "approv", "welcom")


def stances(text: str) -> list[Marker]:
    """What a report does to what it reports: allows or bans it, admits or denies it,
    accepts or rejects it (the negation check compares them). A refusal turns the stance
    it governs: "refused to allow" bans, "declined to accept" rejects."""
    if not _clues(text).starts(_STANCE_WORDS_START):
        return []
    found = marked(text, _STANCES)
    out: list[Marker] = []
    for marker in found:
        refusal = _REFUSAL_BEFORE.search(text, 0, marker.span.start)
        if refusal is None:
            out.append(marker)
            continue
        if out and out[-1].span.start == refusal.start():
            out.pop()  # "refused" itself, read as a rejection: the composed stance replaces it
        span = Span(refusal.start(), marker.span.end, text[refusal.start() : marker.span.end])
        out.append(Marker(OPPOSITE_STANCES[marker.kind], span))
    return out


#: "refused to", "declined to", "failed to" right before a stance
_REFUSAL_BEFORE = re.compile(r"\b(?:refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|fail(?:s|ed|ing)?)\s+to\s+$", re.I)


#: what may stand between a negation and the stance or move after it that it turns: "did
#: not allow", "was not allowed", "has not been accepted", "would never formally admit",
#: "did not rise"
_NEGATION_TO = re.compile(
    r"\s+(?:(?:be|been|being|have|yet|formally|officially|publicly|immediately|explicitly)\s+){0,2}", re.I
)


def negates(text: str, negation: Span, marker: Span) -> bool:
    """Whether the negated predicate `negation` turns the stance or move `marker` ("did not
    allow" bans, "did not rise" is no rise)."""
    return marker.start >= negation.end and _NEGATION_TO.fullmatch(text, negation.end, marker.start) is not None


# --- direction of change ------------------------------------------------------

#: "is up", "were down": a verb before a bare up/down that reports a figure's move
_MOVE_BEFORE = "(?:" + "|".join(rf"(?<=\b{w}\s)" for w in ("is", "was", "are", "were")) + ")"
#: a figure going up: "rose", "increased", "jumped", "up 40 points"; not the idioms that
#: move nothing ("rose to power", "grew up", "raised concerns", "gained access")
_UP = re.compile(
    r"\b(?:"
    r"(?:rose|rise[sn]?|rising)(?!\s+(?:to\s+(?:power|fame|prominence)|up)\b)"
    r"|increas(?:e[sd]?|ing)"
    r"|(?<!-)(?:grew|grows?|grown|growing)(?!\s+(?:up|in|on|near|food|crops?|rice|wheat|vegetables|fruit|plants?)\b)"
    r"|climb(?:s|ed|ing)?|surg(?:e[sd]?|ing)|soar(?:s|ed|ing)?|hik(?:e[sd]?|ing)|expand(?:s|ed|ing)?"
    r"|jump(?:s|ed|ing)?(?!\s+at\b)"
    r"|gain(?:s|ed|ing)?(?!\s+(?:access|control|entry|independence|power|ground|support|recognition|momentum)\b)"
    r"|rais(?:e[sd]?|ing)(?!\s+(?:the\s+)?(?:concerns?|questions?|fears?|doubts?|issues?|awareness|hopes?|funds?|money|the\s+(?:issue|question|matter|possibility)|children|a\s+family)\b)"
    r"|higher(?!\s+(?:education|court|authorities|learning)\b)|(?:doubl|tripl|quadrupl)(?:ed|es|ing)"
    r"|(?:heavier|harsher|stiffer)\s+(?:sentences?|penalt(?:y|ies)|punishments?)|widen(?:s|ed|ing)?|lengthen(?:s|ed|ing)?"
    r"|up(?=\s+(?:[$€£¥]?\d|by\b|from\b))|" + _MOVE_BEFORE + r"up"
    r")\b",
    re.IGNORECASE,
)
#: a figure going down: "fell", "declined", "dropped", "down 5%"; not "fell ill",
#: "declined to comment" (refused), "this fall" (autumn), "lower house", "cut ties"
_DOWN = re.compile(
    r"\b(?:"
    r"fell(?!\s+(?:ill|asleep|silent|apart|short|victim|in\s+love|into|behind)\b)"
    r"|(?<!\bthis\s)(?<!\blast\s)(?<!\bnext\s)(?<!\bin\sthe\s)fall(?:s|en|ing)?(?!\s+(?:ill|asleep|silent|apart|short|victim|in\s+love|into|behind|of)\b)"
    r"|decreas(?:e[sd]?|ing)"
    r"|declin(?:e[sd]?|ing)(?!\s+to\b)"
    r"|drop(?:s|ped|ping)?(?!\s+(?:out|off|in)\b|\s+by\s+(?![$€£¥]?\d))"
    r"|slid(?:e|es|ing)?|slump(?:s|ed|ing)?|plung(?:e[sd]?|ing)|shr[ai]nk(?:s|ing)?|shrunk|dip(?:s|ped|ping)?|tumbl(?:e[sd]?|ing)"
    r"|lower(?:ed|ing)?(?!\s+(?:house|court|chamber|body|end|half|part|level|floor|deck)\b)"
    r"|cut(?:s|ting)?(?!\s+(?:off|ties|short|down|in)\b)"
    r"|reduc(?:e[sd]?|ing)|halv(?:e[sd]?|ing)|shorten(?:s|ed|ing)?|withdr(?:aw|aws|awn|awing|ew)"
    r"|(?:lighter|more\s+lenient|milder)\s+(?:sentences?|penalt(?:y|ies)|punishments?)|narrow(?:s|ed|ing)(?!\s+(?:escape|victory|win|margin)\b)"
    r"|down(?=\s+(?:[$€£¥]?\d|by\b|from\b))|" + _MOVE_BEFORE + r"down"
    r")\b",
    re.IGNORECASE,
)
#: how the words of `_UP` and `_DOWN` begin: most sentences have none (issue #8)
_CHANGE_STARTS = (
    "ris", "rose", "increas", "gr", "climb", "surg", "soar", "hik", "expand", "jump", "gain", "rais",
    "higher", "doubl", "tripl", "quadrupl", "up", "fell", "fall", "decreas", "declin", "drop", "slid", "slump", "plung", "shr",
    "dip", "tumbl", "lower", "cut", "reduc", "down", "heavier", "harsher", "stiffer", "lighter", "more", "milder", "widen", "narrow", "halv", "lengthen", "shorten", "withdr",
)


def changes(text: str) -> list[Marker]:
    """Figures said to go up ("up") or down ("down"), for the direction check."""
    if not _clues(text).starts(_CHANGE_STARTS):
        return []
    return marked(text, (("up", _UP), ("down", _DOWN)))


#: a balance in the black: "surplus", "operating profit", "in the black"; not "profits"
#: alone ("put profits before safety"), which is no balance reported
_BLACK = re.compile(
    r"\b(?:surplus(?:es)?|in\s+the\s+black"
    r"|(?:net|operating|quarterly|annual|pre-?tax)\s+(?:profits?|income|earnings)"
    r"|(?:posted|turned|swung\s+to|returned\s+to|back\s+to)\s+(?:a\s+)?profit)\b",
    re.IGNORECASE,
)
#: a balance in the red: "deficit", "net loss", "in the red"; not "loss" alone (loss of life)
_RED = re.compile(
    r"\b(?:deficits?|in\s+the\s+red"
    r"|(?:net|operating|quarterly|annual|pre-?tax)\s+loss(?:es)?"
    r"|(?:posted|turned|swung\s+to|returned\s+to|fell\s+into)\s+(?:a\s+)?loss)\b",
    re.IGNORECASE,
)
_BALANCE_WORDS = frozenset({"surplus", "surpluses", "black", "profit", "profits", "income", "earnings",
                            "deficit", "deficits", "red", "loss", "losses"})


def _said(text: str, words: frozenset[str], patterns) -> list[Marker]:
    """The markers of `patterns` in `text`, read only when one of `words` is there (issue #8)."""
    return marked(text, patterns) if _clues(text).says(words) else []


def _started(text: str, prefixes: tuple[str, ...], patterns) -> list[Marker]:
    """The markers of `patterns` in `text`, read only when a word begins with one of `prefixes` (issue #8)."""
    return marked(text, patterns) if _clues(text).starts(prefixes) else []


def balances(text: str) -> list[Marker]:
    """Balances said to be in the black ("black") or in the red ("red")."""
    return _said(text, _BALANCE_WORDS, (("black", _BLACK), ("red", _RED)))


#: a measure made stronger: "tightened", "stepped up", "bolstered"
_STRONGER = re.compile(
    r"\b(?:strengthen|tighten|toughen|bolster)(?:s|ed|ing)?\b|\b(?:step(?:s|ped|ping)?|beef(?:s|ed|ing)?)\s+up\b"
    r"|\breinforc(?:e|es|ed|ing)\b|\bcrack(?:s|ed|ing)?\s+down\b",
    re.IGNORECASE,
)
#: a measure made weaker: "eased", "relaxed rules", "loosened", "lifted"; not "with ease",
#: "at ease", "a relaxing evening"
_WEAKER = re.compile(
    r"(?<!\bwith\s)(?<!\bat\s)\beas(?:e|es|ed|ing)\b|\brelax(?:es|ed)?\b|\b(?:loosen|soften|weaken|lift)(?:s|ed|ing)?\b"
    r"|\b(?:scal(?:e|es|ed|ing)|cut(?:s|ting)?|wind(?:s|ing)?|wound)\s+(?:back|down)\b",
    re.IGNORECASE,
)
_MEASURE_STARTS = ("strengthen", "tighten", "toughen", "bolster", "step", "beef", "reinforc", "crack",
                   "eas", "relax", "loosen", "soften", "weaken", "lift", "scal", "cut", "wind", "wound")


def measures(text: str) -> list[Marker]:
    """Measures (rules, watch, sanctions) said to be made "stronger" or "weaker"."""
    if not _clues(text).starts(_MEASURE_STARTS):
        return []
    return marked(text, (("stronger", _STRONGER), ("weaker", _WEAKER)))


#: a person's sex as the report gives it: "a man in his 40s" against "a woman"
_SEXES = (
    ("male", re.compile(r"\b(?:man|men|male|males|boy|boys)\b", re.IGNORECASE)),
    ("female", re.compile(r"\b(?:woman|women|female|females|girl|girls)\b", re.IGNORECASE)),
)
_SEX_WORDS = frozenset({"man", "men", "male", "males", "boy", "boys", "woman", "women", "female", "females", "girl", "girls"})


def sexes(text: str) -> list[Marker]:
    """People said to be "male" or "female"."""
    return _said(text, _SEX_WORDS, _SEXES)


#: the most or the least of a group: "the highest rate", "the most cases", "the hottest day" against "the lowest", "the fewest", "the coldest"
_EXTREMES = (
    # not "at least", "at most", "up to": bounds, which the number check reads
    ("most", re.compile(r"\b(?:highest|largest|biggest|greatest|hottest|warmest|(?<!\bat\s)most)\b", re.IGNORECASE)),
    ("least", re.compile(r"\b(?:lowest|smallest|fewest|coldest|coolest|(?<!\bat\s)least)\b", re.IGNORECASE)),
)
_EXTREME_WORDS = frozenset({"highest", "largest", "biggest", "greatest", "hottest", "warmest", "most",
                            "lowest", "smallest", "fewest", "coldest", "coolest", "least"})


def extremes(text: str) -> list[Marker]:
    """Superlatives of amount: the "most" or the "least" of a group."""
    return _said(text, _EXTREME_WORDS, _EXTREMES)


#: a verdict: guilty ("convicted", "sentenced to", "found guilty") or not ("acquitted", "cleared of")
_VERDICTS = (
    ("guilty", re.compile(r"\b(?:convict(?:s|ed|ing)?|(?<!not\s)guilty|sentenc(?:e|es|ed|ing)\s+(?:\w+\s+){0,6}?to)\b", re.IGNORECASE)),
    ("not guilty", re.compile(r"\b(?:acquit(?:s|ted|ting)?|acquittal|cleared\s+(?:\w+\s+){0,3}?of|not\s+guilty)\b", re.IGNORECASE)),
)
_VERDICT_WORDS = frozenset({"convict", "convicts", "convicted", "convicting", "guilty", "sentence", "sentences", "sentenced",
                            "sentencing", "acquit", "acquits", "acquitted", "acquitting", "acquittal", "cleared"})


def verdicts(text: str) -> list[Marker]:
    """Verdicts said to be "guilty" or "not guilty"."""
    return _said(text, _VERDICT_WORDS, _VERDICTS)


_RANGES = (
    ("short", re.compile(r"\bshort(?:er)?[\s-]range\b", re.IGNORECASE)),
    ("medium", re.compile(r"\b(?:medium|intermediate|mid)[\s-]range\b", re.IGNORECASE)),
    ("long", re.compile(r"\blong(?:er)?[\s-]range\b|\bintercontinental\b|\bICBMs?\b", re.IGNORECASE)),
)
_RANGE_WORDS = frozenset({"range", "intercontinental", "icbm", "icbms"})


def ranges(text: str) -> list[Marker]:
    """Ranges (of a missile, a flight) said to be "short", "medium" or "long"."""
    return _said(text, _RANGE_WORDS, _RANGES)


#: a condition: "unstable", "critical condition", "critically ill" against "stable", "stabilized"
_CONDITIONS = (
    ("unstable", re.compile(
        r"\b(?:unstable|instability|(?:critical|serious|grave)\s+condition|critically\s+(?:ill|injured|wounded|hurt))\b",
        re.IGNORECASE)),
    ("stable", re.compile(r"\b(?:stable|stabili[sz](?:e|es|ed|ing)|stability)\b", re.IGNORECASE)),
)
_CONDITION_WORDS = frozenset({"unstable", "instability", "condition", "critically", "stable", "stabilise", "stabilize",
                              "stabilised", "stabilized", "stabilises", "stabilizes", "stabilising", "stabilizing", "stability"})


def conditions(text: str) -> list[Marker]:
    """Conditions said to be "stable" or "unstable" (critical)."""
    return _said(text, _CONDITION_WORDS, _CONDITIONS)


_MAJORITIES = (
    ("kept", re.compile(r"\b(?:keep|keeps|kept|keeping|retain\w*|maintain\w*|secur\w*|hold|holds|held|holding|win|wins|won"
                        r"|winning|gain\w*)\s+(?:\w+\s+){0,2}?majority\b", re.IGNORECASE)),
    ("lost", re.compile(r"\b(?:lose|loses|lost|losing|forfeit\w*)\s+(?:\w+\s+){0,2}?majority\b", re.IGNORECASE)),
)


def majorities(text: str) -> list[Marker]:
    """Majorities said to be "kept" or "lost"."""
    return _said(text, frozenset({"majority"}), _MAJORITIES)


#: where a team plays: "away game", "visit", "on the road" against "host", "home game", "at home"
_VENUES = (
    ("away", re.compile(r"\b(?:away\s+(?:game|match|fixture|trip|win|loss|leg)s?|away\s+(?:against|at|to)|on\s+the\s+road|visit(?:s|ed|ing)?)\b",
                        re.IGNORECASE)),
    ("at home", re.compile(r"\b(?:host(?:s|ed|ing)?|home\s+(?:game|match|fixture|win|loss|leg|crowd|fans|ground|stadium)s?"
                        r"|at\s+home)\b", re.IGNORECASE)),
)
_VENUE_WORDS = frozenset({"away", "road", "visit", "visits", "visited", "visiting", "host", "hosts", "hosted", "hosting", "home"})


def venues(text: str) -> list[Marker]:
    """Games said to be played at "home" or "away"."""
    return _said(text, _VENUE_WORDS, _VENUES)


_PLACES = (("inside", re.compile(r"\b(?:inside|within)\b", re.IGNORECASE)), ("outside", re.compile(r"\boutside\b", re.IGNORECASE)))


def places(text: str) -> list[Marker]:
    """Things said to be "inside" or "outside" something."""
    return _said(text, frozenset({"inside", "within", "outside"}), _PLACES)


#: the part of a place: "Southern California", "west of Naples"; not "South Korea", a country's name
_QUARTERS = (("centre", re.compile(r"\bcentral\s+(?:region|front|part|area|province|district)s?\b", re.IGNORECASE)),) + tuple(
    (way, re.compile(rf"\b(?:{way}ern|{way}\s+of|{way}ward|{way.title()}\s+(?:Africa|Asia|Europe|America))\b", re.IGNORECASE))
    for way in ("south", "north", "east", "west")
)


def quarters(text: str) -> list[Marker]:
    """Parts of a place said to be its "north", "south", "east" or "west"."""
    return _started(text, ("central", "south", "north", "east", "west"), _QUARTERS)


#: a left or right side ("left engine", "right hand"; not "left Incheon"), and a domestic or overseas one
_SIDE_NOUNS = r"(?:[\s-]+(?:hand|side|wing|engine|arm|leg|foot|feet|eye|ear|knee|shoulder|lane|turn|hip|lung|kidney|bank)s?)\b"
_SIDES = (("left", re.compile(r"\bleft" + _SIDE_NOUNS, re.IGNORECASE)), ("right", re.compile(r"\bright" + _SIDE_NOUNS, re.IGNORECASE)))
_SCOPES = (("domestic", re.compile(r"\b(?:domestic(?:ally)?|home-grown)\b", re.IGNORECASE)),
           ("overseas", re.compile(r"\b(?:overseas|abroad)\b", re.IGNORECASE)))


def sides(text: str) -> list[Marker]:
    """Sides said to be the "left" or the "right" one."""
    return _started(text, ("left", "right"), _SIDES)


def scopes(text: str) -> list[Marker]:
    """Things said to be "domestic" or "overseas"."""
    return _started(text, ("domestic", "home", "overseas", "abroad"), _SCOPES)


#: a season; "spring" and "fall" only as times ("next fall", "in the spring"), not a spring of water or a fall in prices
_SEASONS = (
    ("spring", re.compile(r"\b(?:(?:this|next|last|the|in|early|late)\s+)spring\b|\bspringtime\b", re.IGNORECASE)),
    ("summer", re.compile(r"\bsummers?\b", re.IGNORECASE)),
    ("autumn", re.compile(r"\bautumn\b|\b(?:this|next|last|the|early|late)\s+fall\b", re.IGNORECASE)),
    ("winter", re.compile(r"\bwinters?\b", re.IGNORECASE)),
)


def seasons(text: str) -> list[Marker]:
    """Times said to be in the "spring", "summer", "autumn" or "winter"."""
    return _started(text, ("spring", "summer", "autumn", "fall", "winter"), _SEASONS)


_INJURIES = (("minor", re.compile(r"\b(?:minor|light|slight)\s+injur(?:y|ies)|slightly\s+(?:injured|hurt)\b", re.IGNORECASE)),
             ("serious", re.compile(r"\b(?:serious|severe|critical|major)\s+injur(?:y|ies)|(?:seriously|severely|critically|badly)\s+(?:injured|hurt)\b", re.IGNORECASE)))


def injuries(text: str) -> list[Marker]:
    """Injuries said to be "minor" or "serious"."""
    return _started(text, ("minor", "light", "slight", "serious", "severe", "critical", "major", "badly"), _INJURIES)


_DAY_PARTS = (("morning", re.compile(r"\bmorning\b", re.IGNORECASE)),
              ("later in the day", re.compile(r"\b(?:afternoon|evening|night|tonight)\b", re.IGNORECASE)))
_SUPPLIES = (("short", re.compile(r"\b(?:short(?:ages?)?|scarce|scarcity|insufficient)\b", re.IGNORECASE)),
             ("plentiful", re.compile(r"\b(?:plentiful|ample|abundant|sufficient)\b", re.IGNORECASE)))


def day_parts(text: str) -> list[Marker]:
    """Times said to be in the "morning" or "later in the day"."""
    return _started(text, ("morning", "afternoon", "evening", "night", "tonight"), _DAY_PARTS)


def supplies(text: str) -> list[Marker]:
    """Supplies said to be "short" or "plentiful"."""
    return _started(text, ("short", "scarc", "insufficient", "plentiful", "ample", "abundant", "sufficient"), _SUPPLIES)


_OUTCOMES = (
    ("succeeded", re.compile(r"\b(?:succeed(?:s|ed|ing)?|success(?:ful|fully|es)?)\b", re.IGNORECASE)),
    ("failed", re.compile(r"\b(?:fail(?:s|ed|ing|ure|ures)?|unsuccessful(?:ly)?)\b", re.IGNORECASE)),
)


def outcomes(text: str) -> list[Marker]:
    """Attempts said to have "succeeded" or "failed"."""
    return _started(text, ("succe", "fail", "unsucce"), _OUTCOMES)


_STRENGTHS = (
    ("weak", re.compile(r"\b(?:weak(?:en\w*|ness|er)?|sluggish|slow(?:ing|down|ed|er)?|soft(?:en\w*|er|ness)?|slump\w*|poor)\b",
                        re.IGNORECASE)),
    ("strong", re.compile(r"\b(?:strong(?:er)?|robust|solid|brisk|buoyant|booming)\b", re.IGNORECASE)),
)
_STRENGTH_STARTS = ("weak", "sluggish", "slow", "soft", "slump", "poor", "strong", "robust", "solid", "brisk", "buoyant", "booming")


def strengths(text: str) -> list[Marker]:
    """Sales, demand or markets said to be "weak" or "strong"."""
    return _started(text, _STRENGTH_STARTS, _STRENGTHS)


# --- dateline ---------------------------------------------------------------

#: "BEIJING, China (CNN) —", "(AP) —", "SEOUL, South Korea —": where and by whom an agency story
#: was filed, before its first sentence; an agency's name or a dash must close it
_DATELINE = re.compile(
    r"(?:[A-Z]{3}[A-Z .'-]*,(?:\s+[A-Z][\w.]*)*\s*)?\((?:CNN|AP|AFP|Reuters|Yonhap|UPI|RFA|Xinhua|Kyodo)\)\s*[-—–]*\s*"
    r"|[A-Z]{3}[A-Z .'-]*,(?:\s+[A-Z][\w.]*)*\s*[-—–]+\s*"
)


def dateline_end(text: str) -> int:
    """Where the sentence starts after a leading dateline (0 without one)."""
    match = _DATELINE.match(text)
    return match.end() if match else 0


# --- size -------------------------------------------------------------------

def content_size(text: str) -> float:
    """Letters and digits: the unit other languages' sizes are expressed in."""
    if text.isascii():  # most sentences: bytes.translate drops the rest in one C call (issue #8)
        return float(len(text.encode("ascii").translate(None, _NOT_ALNUM_ASCII)))
    return float(sum(map(str.isalnum, text)))  # = the characters matching [^\W_], counted without a list


_NOT_ALNUM_ASCII = bytes(code for code in range(128) if not chr(code).isalnum())
