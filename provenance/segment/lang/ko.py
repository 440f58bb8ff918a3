"""Korean sentence-splitting data: endings and quotative particles.

Data only. Latin-script abbreviations and initials in Korean news
("조지 W. 부시", "U.S.") follow the English data, hence INHERIT.
"""

INHERIT = "en"

# Final syllables of sentence endings (했다. 했습니다. 할까? 했죠. 해요.):
# after one of these, a period ends a sentence even with no space after it.
SENTENCE_ENDINGS = frozenset("다요까죠")

# Words that continue a sentence after a quotation closes
# (“…했다.”고 말했다 / “…했다.” 라며): the quote is part of the sentence.
QUOTATIVE_WORDS = frozenset("고 며 는 란 라 하고 하며 면서 라고 라며 라는 라던 이라고 이라며 이라는".split())
QUOTATIVE_PREFIXES = ("라고", "이라고", "라며", "이라며", "라면서", "이라면서", "라는", "이라는", "하고", "하며", "하면서")

# "2008. 7. 15." and "1." before a number are dates and list numbers, not ends.
DIGIT_PERIOD_IS_FINAL = False
