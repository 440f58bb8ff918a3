"""English rules for the perturbation generator: data, compiled once."""

from __future__ import annotations

import re

#: A split keeps both halves at least this many words long.
MIN_PART_WORDS = 4

#: Clause boundaries a sentence may be split at, best first, with what the
#: second sentence starts with ("" keeps its first word, capitalised).
SPLITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r",\s+and\s+"), ""),
    (re.compile(r",\s+but\s+"), "But "),
    (re.compile(r";\s+"), ""),
    (re.compile(r",\s+which\s+"), "That "),
    (re.compile(r",\s+while\s+"), "Meanwhile, "),
)
#: Fallback split: any comma followed by a space.
COMMA = re.compile(r",\s+")

#: Where a clause may end, for cutting a sentence short (partial translation).
CLAUSE_END = re.compile(
    r"[,;:]\s+|\s+[-–—]\s+|\s(?=(?:and|but|because|while|when|after|before|which|who|that|although|as|if|since)\s)"
)
#: What a cut-off clause must not end with: punctuation and conjunctions.
DANGLING = re.compile(
    r"(?:[\s,;:\-–—]+|\s+(?:and|but|or|which|who|that|because|while|when|after|before|although|as|if|since))+$"
)
#: A partial translation keeps at most this share of the sentence's characters.
PARTIAL_KEEP = 0.6

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b(?:\s+(\d{1,2})\b)?")
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
YEAR = re.compile(r"(?<![\w.,$])(1[89]\d\d|20\d\d)(?![\w.,%])")

#: A number written in digits (not part of a word such as "G20").
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
#: Number words and what they may be changed into.
NUMBER_WORDS: dict[str, tuple[str, ...]] = {
    "two": ("three", "four"),
    "three": ("two", "five"),
    "four": ("five", "three"),
    "five": ("four", "six"),
    "six": ("seven", "eight"),
    "seven": ("six", "nine"),
    "eight": ("nine", "six"),
    "nine": ("eight", "seven"),
    "ten": ("twelve", "eleven"),
    "dozens": ("hundreds",),
    "hundreds": ("thousands", "dozens"),
    "thousands": ("hundreds", "millions"),
    "million": ("billion",),
    "billion": ("million", "trillion"),
    "trillion": ("billion",),
    "a half": ("a third", "a quarter"),  # before "half", so "a half" is not left as "a a third"
    "half": ("a third", "a quarter"),
}
NUMBER_WORD = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b")

#: Auxiliaries and the negated forms they may take; the leftmost match in a
#: sentence is negated, which is usually the main clause's verb.
NEGATIONS: dict[str, tuple[str, ...]] = {
    "is": ("is not", "is no longer"),
    "are": ("are not", "are no longer"),
    "was": ("was not", "was never"),
    "were": ("were not", "were never"),
    "will": ("will not", "will never"),
    "would": ("would not", "would never"),
    "can": ("cannot",),
    "could": ("could not",),
    "should": ("should not",),
    "must": ("must not",),
    "may": ("may not",),
    "might": ("might not",),
    "has": ("has not", "has never"),
    "have": ("have not", "have never"),
    "had": ("had not", "had never"),
}
#: Simple past forms negated as "did not" + base form.
PAST_TO_BASE: dict[str, str] = {
    "said": "say", "told": "tell", "announced": "announce", "reported": "report",
    "agreed": "agree", "decided": "decide", "confirmed": "confirm", "added": "add",
    "warned": "warn", "denied": "deny", "accepted": "accept", "approved": "approve",
    "won": "win", "lost": "lose", "met": "meet", "signed": "sign", "visited": "visit",
    "found": "find", "showed": "show", "called": "call", "asked": "ask",
    "wanted": "want", "expected": "expect", "began": "begin", "became": "become",
    "received": "receive", "launched": "launch", "admitted": "admit",
    "claimed": "claim", "promised": "promise", "urged": "urge", "opened": "open",
    "closed": "close", "rose": "rise", "fell": "fall", "made": "make", "took": "take",
    "gave": "give", "went": "go", "came": "come", "knew": "know", "thought": "think",
    "believed": "believe", "needed": "need", "helped": "help", "played": "play",
    "liked": "like", "loved": "love", "used": "use", "looked": "look",
}  # fmt: skip
NEGATABLE = re.compile(r"\b(" + "|".join([*NEGATIONS, *PAST_TO_BASE]) + r")\b(?!\s+(?:not|never|no)\b)(?!n't)")
#: A sentence that already negates something is left alone.
NEGATED = re.compile(r"\b(?:not|never|no longer|cannot)\b|n't\b", re.IGNORECASE)
