"""drift.name: a name in the translation with no counterpart in the original.

Names are taken from the side that capitalises them (English) and looked
for among the words of the other side: written the same (IBM, NHK), through
an exonym table (평양 ↔ Pyongyang, 유엔 ↔ U.N.), or by sound, comparing
phonetic skeletons of the name and of each romanised word (블라디보스토크 ↔
Vladivostok). A name with no counterpart is an info note, naming the other
side's one name-like word nothing matched when there is one (what a swapped
name looks like): translators add titles, datelines and explanations. Only a
country, city or leader of the exonym table named in the place of another of
its kind (일본 as "China") is an error: both sides are known there, not sounded out.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import chain

from rapidfuzz import fuzz, process

from ..types import Severity
from .phonetic import skeleton, skeletons
from .result import CheckResult, quote
from .side import Side, cached
from .values import Name, Span

CODE = "drift.name"
MIN_RATIO = 80  # rapidfuzz ratio between skeletons that counts as the same name
MIN_PREFIX = 3  # a skeleton this long may match the start of a compound word
MIN_CONTAINED = 4  # … and this long, any part of one
MIN_SWAP_KEY = 4  # a swap is reported only between names this distinctive


def check_names(src: Side, tgt: Side) -> list[CheckResult]:
    if not (src.known and tgt.known):
        return []
    swapped = _swapped_entity(src, tgt) or _swapped_person(src, tgt)
    if swapped:
        return swapped
    out: list[CheckResult] = []
    for names_side, words_side, names_are_src in ((tgt, src, False), (src, tgt, True)):
        if not getattr(names_side.module, "CASED_NAMES", False):
            continue
        out += _missing_names(names_side, words_side, names_are_src)
    return out


def _missing_names(names_side: Side, words_side: Side, names_are_src: bool) -> list[CheckResult]:
    names = [n for n in names_side.names if n.key]
    if not names:
        return []  # most beads: the other side's words are never read
    words = _Words(words_side)
    missing = [n for n in names if not words.has_counterpart(n)]
    if not missing:
        return []
    partner = None if getattr(words_side.module, "CASED_NAMES", False) else _swap_partner(missing, words, names_side)
    here, there = ("translation", "original") if not names_are_src else ("original", "translation")
    out = []
    for name in missing:
        if partner is not None:
            message = f"name {quote(name.span)} in the {here} has no counterpart in the {there}, which names {quote(partner.span)}"
            evidence = ((name.span,), (partner.span,))
            # Measured on kpc/jhe: as a warning this caught 3% of swapped names
            # at 0.36 false alarms per 100 pairs, so it informs, it does not fail.
            severity = Severity.INFO
        else:
            message = f"name {quote(name.span)} in the {here} has no counterpart in the {there}"
            evidence = ((name.span,), ())
            severity = Severity.INFO
        src_spans, tgt_spans = (evidence[1], evidence[0]) if not names_are_src else evidence
        out.append(CheckResult(CODE, severity, message, src_spans, tgt_spans))
    return out


def _swapped_entity(src: Side, tgt: Side) -> list[CheckResult]:
    """일본 as "China", 평양 as "Seoul", 김정은 as "Kim Il Sung": the one country, city or
    leader of the original's exonym table the translation leaves out, against the one the
    translation names that the original does not. Both come from the table, so unlike a
    sounded-out name this is no guess: an error."""
    named = _original_names(src, tgt, "named_entities")
    if not named:
        return []  # most beads
    table = src.module.EXONYMS
    missing = {key: span for key, span in named if not any(_names(form, tgt.text) for form in table[key])}
    if not missing:
        return []
    keys_of = _keys_of(src.module)
    implied = {key for word, key in getattr(src.module, "IMPLIED_ENTITIES", {}).items() if word in src.text}
    strays = {
        m.group(): m for m in _entity_forms(src.module).finditer(tgt.text, _dateline_end(tgt))
        if not any(other in src.text or other in implied for other in keys_of[m.group()])
    }
    if len(strays) != 1:
        return []
    (form, at), = strays.items()
    kinds = {src.module.SWAPPABLE[other] for other in keys_of[form]}
    # the one left out of the stray's kind: 미국 로스앤젤레스 as "New York" leaves out a country too
    # (the translation may drop it), but only one city; 베이징 left out and "Sweden" added are two edits
    alike = [(key, span) for key, span in missing.items() if src.module.SWAPPABLE[key] in kinds]
    if len(alike) != 1:
        return []
    (key, span), = alike
    stray = Span(at.start(), at.end(), form)
    return [CheckResult(
        CODE, Severity.ERROR,
        f"the original names {quote(span)} where the translation names {quote(stray)}",
        (span,), (stray,),
    )]


def _original_names(src: Side, tgt: Side, extractor: str) -> list[tuple[str, Span]]:
    """What the original's language module finds with `extractor` (countries, titled people),
    when it has one and the translation's language capitalises its names; else nothing."""
    extract = getattr(src.module, extractor, None)
    if extract is None or not getattr(tgt.module, "CASED_NAMES", False):
        return []
    return extract(src.text)


#: a romanised name scored below this against a person is surely someone else
#: (the same person scores at least `credits.names.MATCH_THRESHOLD`)
OTHER_PERSON = 0.4


def _swapped_person(src: Side, tgt: Side) -> list[CheckResult]:
    """오세훈 서울시장 as "Seoul Mayor Park Won-soon": the one titled person of the original
    that no Korean-style name of the translation spells, against the one such name that
    spells nobody of the original (`credits.names.match_name`, as the credits are matched)."""
    named = _original_names(src, tgt, "titled_people")
    if not named:
        return []  # most beads
    english = [(m.group(), Span(m.start(), m.end(), m.group())) for m in _korean_style_name().finditer(tgt.text)]
    if not english:
        return []
    from ..credits.names import MATCH_THRESHOLD as SAME_PERSON
    from ..credits.names import match_name
    from ..romanize import romanize

    sounds = _sound_keys(tgt.text)
    unspelled = [
        (k, span) for k, span in named
        if all(match_name(e, k).confidence < SAME_PERSON for e, _ in english)
        and not any(_similar(key, skeleton(romanize(k), silent_r=False)) for key in sounds)  # 라이스 is Rice
    ]
    if len(unspelled) != 1:
        return []
    candidates = src.module.personal_names(src.text)  # 박의춘 with a title the list lacks still answers
    strangers = [(e, span) for e, span in english if all(match_name(e, k).confidence < SAME_PERSON for k in candidates)]
    if len(strangers) != 1:
        return []
    (korean, src_span), (latin, tgt_span) = unspelled[0], strangers[0]
    if match_name(latin, korean).confidence >= OTHER_PERSON and not _other_surname(latin, korean):
        return []  # a spelling nobody uses, not another person
    return [CheckResult(
        CODE, Severity.WARNING,
        f"the original names {quote(src_span)} where the translation names {quote(tgt_span)}",
        (src_span,), (tgt_span,),
    )]


def _other_surname(latin: str, korean: str) -> bool:
    """"Kim Min-su" for 박민수: the given name alike, but Kim is a spelling of 김 and never of 박."""
    from ..credits.surnames import SURNAMES

    family = latin.split()[0].lower()
    spelled = SURNAMES.get(korean[0], ())
    return bool(spelled) and family not in spelled and any(family in spellings for spellings in SURNAMES.values())


@cache
def _korean_style_name() -> re.Pattern[str]:
    """A Korean name in Korean order: a surname as spelled in English and a given name of
    two parts ("Park Won-soon", "Kim Jong Un", "Oh Sehoon" is left out: it could be anyone)."""
    from ..credits.surnames import SURNAMES

    surnames = "|".join(sorted({s.capitalize() for spellings in SURNAMES.values() for s in spellings if len(s) > 1}, key=len, reverse=True))
    return re.compile(rf"\b(?:{surnames})\s+[A-Z][a-z]+(?:-[a-z]+|\s+[A-Z][a-z]+)\b")


def _dateline_end(side: Side) -> int:
    """Where the text starts after a leading dateline ("SDEROT, Israel (CNN) —": the place an
    agency story was filed from, which the Korean leaves out), as the side's language tells."""
    end = getattr(side.module, "dateline_end", None)
    return end(side.text) if end is not None else 0


def _names(form: str, text: str) -> bool:
    """`form` written in `text` as a word of its own (U.S. included)."""
    at = text.find(form)
    while at >= 0:
        end = at + len(form)
        if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(form, at + 1)
    return False


#: forms that name more than one leader (a surname alone) or begin longer names ("the South"
#: in "the South Pyongan Province"): never a swap's stray; in the original, any form still
#: answers for its entity
_NOT_ENTITY_FORMS = frozenset({"Kim", "Lee", "Park", "Roh", "Moon", "Yoon", "Xi", "Mao", "the North", "the South"})
#: the adjectives of a country, which also name its language ("RFA's Korean Service") or
#: its people anywhere: they name the country only before its state ("the Japanese government")
_ADJECTIVES = frozenset({
    "Afghan", "American", "Americans", "Australian", "British", "Briton", "Britons", "Canadian", "Chinese",
    "Dutch", "Egyptian", "English", "Filipino", "French", "German", "Greek", "Indonesian", "Iranian", "Iraqi",
    "Israeli", "Japanese", "Korean", "Mexican", "Mongolian", "North Korean", "Pakistani", "Philippine",
    "Russian", "South African", "South Korean", "Swedish", "Swiss", "Taiwanese", "Thai", "Turkish", "Vietnamese",
    "Argentine", "Argentinian", "Bangladeshi", "Belgian", "Brazilian", "Burmese", "Cambodian", "Chilean", "Cuban",
    "Danish", "Italian", "Jordanian", "Kazakh", "Laotian", "Lebanese", "Libyan", "Malaysian", "Nepalese", "Nepali",
    "Norwegian", "Polish", "Portuguese", "Qatari", "Saudi", "Singaporean", "Spanish", "Syrian", "Ukrainian",
    "Venezuelan", "Yemeni", "Ghanaian", "Nigerian", "Kenyan", "Ethiopian", "Somali", "Sudanese", "Moroccan", "Algerian",
    "Zimbabwean", "Tanzanian", "Ugandan", "Congolese",
})


@cache
def _keys_of(module) -> dict[str, frozenset[str]]:
    """Each English form of a swappable entity -> the exonym keys that give it."""
    keys: dict[str, set[str]] = {}
    for key in module.SWAPPABLE:
        for form in module.EXONYMS[key]:
            if form not in _NOT_ENTITY_FORMS:
                keys.setdefault(form, set()).add(key)
    return {form: frozenset(found) for form, found in keys.items()}


#: what an adjective of `_ADJECTIVES` names its country by: "the South Korean government"
_STATE = (
    r"government|authorities|officials|military|army|navy|troops|forces|embassy|president|"
    r"prime\s+minister|foreign\s+minister|foreign\s+ministry|parliament|police|coast\s+guard"
)


@cache
def _entity_forms(module) -> re.Pattern[str]:
    """The forms of `_keys_of`, longest first (North Korea before Korea), as words of their
    own; an adjective only before its state."""
    forms = sorted(_keys_of(module), key=len, reverse=True)
    names = "|".join(re.escape(form) for form in forms if form not in _ADJECTIVES)
    adjectives = "|".join(re.escape(form) for form in forms if form in _ADJECTIVES)
    # not "inter-Korean", not "the Beijing Games" (an event, not the city)
    return re.compile(
        rf"(?<![A-Za-z-])(?:(?:{names})(?![A-Za-z])(?!\s+(?:Games|Olympics?)\b)"
        rf"|(?:{adjectives})(?=\s+(?:{_STATE})\b))"
    )


def _swap_partner(missing: list[Name], words: _Words, names_side: Side) -> Name | None:
    """The other side's one name-like word that nothing matched, when exactly one name
    is missing: what a swapped name looks like (both need a distinctive skeleton).

    Asked only then, so most beads never sound out the other side's words (issue #8).
    """
    if len(missing) != 1 or len(skeleton(missing[0].key.replace(" ", ""))) < MIN_SWAP_KEY:
        return None
    orphans = words.orphans(names_side, limit=2)  # two already rule a swap out
    if len(orphans) != 1 or len(skeleton(orphans[0].key, silent_r=False)) < MIN_SWAP_KEY:
        return None
    return orphans[0]


class _Words:
    """The words of the side without capitals, ready for lookup by name.

    Each lookup table is built on first use: a name written the same on both
    sides is found without romanising or skeletonising any word.
    """

    def __init__(self, side: Side) -> None:
        self.side = side

    @cached
    def words(self) -> list[tuple[str, str]]:
        """(text, key) of each word, as the language's `names` gives them; without the spans
        when the language can leave them out, as only the few orphans need one."""
        keyed = getattr(self.side.module, "word_keys", None)
        return keyed(self.side.text) if keyed else [(w.text, w.key) for w in self.side.names]

    @cached
    def latin(self) -> set[str]:
        return {text.lower().rstrip(".") for text, _ in self.words if text.isascii()}

    @cached
    def latin_text(self) -> str:
        return self.side.text.lower()

    @cached
    def skeletons(self) -> list[tuple[int, str]]:
        """(place among the words, skeleton) of each word not in Latin script."""
        # romanised Hangul has no silent r: 헤르마스 keeps it
        return [(place, skeleton(key, silent_r=False)) for place, (text, key) in enumerate(self.words) if not text.isascii()]

    @cached
    def skeleton_keys(self) -> list[str]:
        return [word_key for _, word_key in self.skeletons]

    @cached
    def skeleton_set(self) -> frozenset[str]:
        return frozenset(self.skeleton_keys)

    @cached
    def skeleton_text(self) -> str:
        """The skeletons, each after a newline: a key starts some skeleton when newline + key
        occurs in it, and is inside one when it occurs at all, as skeletons are letters a-z
        only. One `in` test replaces a Python loop over the words (issue #8)."""
        return "".join(f"\n{word_key}" for word_key in self.skeleton_keys)

    @cached
    def exonym_tokens(self) -> dict[str, str]:
        return _exonym_tokens(self.side.module, tuple(text for text, _ in self.words))

    def has_counterpart(self, name: Name) -> bool:
        """Some token of the name is written here (or is an exonym of a word here), or the
        name sounds like a word here; the cheap lookups go first, for all tokens (issue #8)."""
        tokens = [t for t in name.key.split() if len(t) >= 2]
        if not tokens:
            return True
        looked_up = [t for t in tokens if len(t) >= 3 or len(tokens) == 1]
        if any(self._written(t) for t in looked_up):
            return True
        # a two-letter token of a longer name ("UN Security Council") only as a whole word or exonym
        if any(t in self.latin or t in self.exonym_tokens for t in tokens if len(t) == 2 and len(tokens) > 1):
            return True
        keys = chain.from_iterable(map(skeletons, [*looked_up, "".join(tokens)]))
        return any(self._sounds_like(key) for key in keys)

    def _written(self, token: str) -> bool:
        if _starts_a_word(token, self.latin_text) or token in self.latin:  # text first: no word list needed
            return True
        return token in self.exonym_tokens or token.rstrip("s") in self.exonym_tokens

    def _sounds_like(self, key: str) -> bool:
        """Some word's skeleton is `key`, starts with it, contains it, or is close to it.

        Each test runs over all words before the next, dearest last: the
        answer is the same as word by word, and the edit distance is one C call.
        """
        if not key:
            return False
        if key in self.skeleton_set:
            return True
        if len(key) >= MIN_PREFIX and f"\n{key}" in self.skeleton_text:
            return True
        if len(key) >= MIN_CONTAINED and key in self.skeleton_text:
            return True  # 이스트예루살렘 ↔ "East Jerusalem"
        return len(key) >= 3 and process.extractOne(key, self.skeleton_keys, scorer=fuzz.ratio, score_cutoff=MIN_RATIO) is not None

    def orphans(self, other: Side, limit: int | None = None) -> list[Name]:
        """Name-like words here (the first `limit`) that sound like no word at all of the other side."""
        if getattr(self.side.module, "looks_like_name", None) is None:
            return []
        other_keys: set[str] | None = None
        found: list[Name] = []
        for place, word_key in self.skeletons:
            text = self.words[place][0]
            if len(word_key) < 2 or not _looks_like_name(self.side.module, text):
                continue
            if text in self.exonym_tokens.values():
                continue  # countries and capitals are often left implicit
            if other_keys is None:  # the other side's words are sounded out only for a candidate
                other_keys = _sound_keys(other.text)
            if any(_similar(k, word_key) for k in other_keys):
                continue
            found.append(self.side.names[place])  # the span, for the few reported
            if len(found) == limit:
                break
        return found


def _sound_keys(text: str) -> set[str]:
    """The skeletons of every Latin word in `text`."""
    keys = {key for w in _LATIN_WORDS.findall(text) for key in skeletons(w)}
    keys.discard("")
    return keys


def _starts_a_word(token: str, text: str) -> bool:
    """`token` occurs in `text` not preceded by a letter a-z (a compiled regex per token was slower)."""
    at = text.find(token)
    while at >= 0:
        if at == 0 or not "a" <= text[at - 1] <= "z":
            return True
        at = text.find(token, at + 1)
    return False


@lru_cache(maxsize=1 << 14)
def _looks_like_name(module, word: str) -> bool:
    """The language's `looks_like_name`, once per word: it scans the whole exonym table."""
    return module.looks_like_name(word)


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if min(len(a), len(b)) >= MIN_PREFIX and (a.startswith(b) or b.startswith(a)):
        return True
    return min(len(a), len(b)) >= 3 and fuzz.ratio(a, b) >= MIN_RATIO


_LATIN_WORDS = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _exonym_tokens(module, words: tuple[str, ...]) -> dict[str, str]:
    """English tokens the exonym table gives for these words (미국인 → us, america …)."""
    tokens: dict[str, str] = {}
    starts = _exonym_starts(module)
    for word in words:
        if word[:2] in starts:  # most words begin no exonym: not even the cache is asked (issue #8)
            for token in _word_exonym_tokens(module, word):
                tokens[token] = word
    return tokens


@lru_cache(maxsize=1 << 14)
def _word_exonym_tokens(module, word: str) -> tuple[str, ...]:
    """One word's exonym tokens, from its longest prefix in the table; once per word (issue #8).

    Asked only for words whose first two letters begin an exonym (see `_exonym_starts`)."""
    table = getattr(module, "EXONYMS", {})
    for end in range(len(word), 1, -1):
        forms = table.get(word[:end])
        if forms:
            return tuple(
                token
                for form in forms
                for token in (*form.lower().replace(".", "").split(), form.lower().replace(".", ""))
            )
    return ()


@cache
def _exonym_starts(module) -> frozenset[str]:
    """The first two letters of every exonym a word may start with (prefixes of two or more)."""
    return frozenset(key[:2] for key in getattr(module, "EXONYMS", {}) if len(key) >= 2)
