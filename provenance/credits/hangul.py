"""Korean bylines and broadcast sign-offs.

Three shapes cover the bylines of Korean news sites and broadcasters:
role words before names ("기자 김지은, 최동훈, 에디터 양성원, 웹팀 이경하"),
names before a title ("김지은 기자", "워싱턴=김지은 특파원", "[RFA 김지은 기자]"), and
the sign-off of a radio script ("RFA 자유아시아방송 김지은입니다."). A name is 2–4
Hangul syllables that is not itself a role word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from .grammar import alternation, Parsed, Reading

_EMAIL = re.compile(r"[(<\[]?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*[)>\]]?")
_LEAD_JUNK = re.compile(r"^[\s\-–—*•·|>▲■◆●○□\[【<(/]+")
_TRAIL_JUNK = re.compile(r"[\s.。!\-–—*•·|\]】>)/,]+$")
_NAME_SEPARATOR = re.compile(r"\s*[·,、]\s*")
_VERB_ENDING = re.compile(r"(?:다|요|죠|까|네)\s*[.!?。]?\s*$")
_SENTENCE_END = re.compile(r"[.!?。]\s*")
_DATELINE = r"(?:\(?[^()=]{1,12}=[^()]{0,20}\)|[가-힣A-Za-z]{1,10}\s*=)"


@dataclass(frozen=True)
class BylineWords:
    """The words of one language's bylines (see `lang/ko.py`)."""

    roles: Mapping[str, str | None]
    titles: Mapping[str, str | None]
    service: str
    signoff_endings: tuple[str, ...]
    signoff_openers: tuple[str, ...]
    end_marks: tuple[str, ...]
    boilerplate: tuple[str, ...]
    furniture: tuple[str, ...]


def _alternation(words) -> str:
    return alternation(words, r"\s*")


class BylineGrammar:
    """The `Grammar` for Hangul bylines, built from one `BylineWords`."""

    def __init__(self, words: BylineWords) -> None:
        self.words = words
        roles, titles = _alternation(words.roles), _alternation(words.titles)
        endings = _alternation(words.signoff_endings)
        service = words.service
        not_role = rf"(?!(?:{roles})(?![가-힣]))"
        name = rf"{not_role}[가-힣]{{2,4}}(?![가-힣])"
        names = rf"{name}(?:\s*[·,、]\s*{name})*"
        name_before_title = rf"{not_role}[가-힣]{{2,4}}?"
        self._role_first = re.compile(
            rf"(?P<roles>(?:{roles})(?:\s*[·/]\s*(?:{roles}))*)\s*[:：]?\s*(?P<names>{names})"
            rf"(?:\s*(?:{titles})(?![가-힣])(?!\s*[:：]?\s*{name}))?"  # "글 김지은 기자"
        )
        self._gap = re.compile(r"[\s,/|·;]*")
        openers = _alternation(words.signoff_openers)
        self._name_first = re.compile(
            rf"(?:(?:{openers})\s*)?(?:(?P<dateline>{_DATELINE})\s*)?(?P<service>(?:{service}\s*)*)"
            rf"(?P<names>{name_before_title}(?:\s*[·,、]\s*{name_before_title})*)\s*"
            rf"(?P<title>{titles})(?:{endings})?"
        )
        self._signoff = re.compile(
            rf"(?:(?:{openers})\s*)?(?:[가-힣A-Za-z]{{1,10}}에서\s*)?"
            rf"(?P<service>{service}(?:\s*{service})*)\s*(?P<name>[가-힣]{{2,4}}?)\s*(?:{endings})"
        )
        self._service = re.compile(rf"{service}(?:\s*{service})*")
        self._role_start = re.compile(rf"(?:{roles})\s*[:：\s]")
        self._title_end = re.compile(rf"(?:{titles})$")
        self._end_marks = re.compile("|".join(words.end_marks))
        self._boilerplate = re.compile("|".join(f"(?:{p})" for p in words.boilerplate), re.I)
        self._furniture = frozenset(words.furniture)

    # --- sentence questions -------------------------------------------------

    def is_boilerplate(self, text: str) -> bool:
        if self._boilerplate.search(text):
            return True
        tokens = [t for t in re.split(r"[\s|·•,/]+", text.strip().lower().strip(".:")) if t]
        return bool(tokens) and len(tokens) <= 12 and all(t in self._furniture for t in tokens)

    def starts_credit(self, text: str) -> bool:
        reading = self.read(text)
        return reading is not None

    def continues_credit(self, text: str) -> bool:
        return False

    def read(self, text: str) -> Reading | None:
        body, lead = self._clean(text)
        if not body:
            return None
        credits = self._parse(body)
        if credits is not None:
            shifted = tuple(Parsed(c.role, c.names, c.service, c.start + lead, c.end + lead) for c in credits)
            return Reading(tuple(c for c in shifted if c.role is not None), True)
        return Reading((), False) if self._looks_like_byline(body) else None

    def embedded(self, text: str) -> int | None:
        for end in _SENTENCE_END.finditer(text):
            rest = text[end.end():]
            if end.end() < len(text) and rest.strip():
                reading = self.read(rest)
                if reading is not None and reading.ok and reading.credits:
                    return end.end()
        return None

    def head_byline(self, text: str) -> bool:
        reading = self.read(text)
        return (
            reading is not None
            and reading.ok
            and bool(reading.credits)
            and len(text.split()) <= 4
            and all(c.role == "reporter" for c in reading.credits)
        )

    # --- parts ----------------------------------------------------------------

    def _clean(self, text: str) -> tuple[str, int]:
        """Blank out e-mail addresses and "(끝)" (same length, so offsets hold), trim the ends."""
        text = _EMAIL.sub(lambda m: " " * len(m.group()), text)
        text = self._end_marks.sub(lambda m: " " * len(m.group()), text)
        lead = len(text) - len(_LEAD_JUNK.sub("", text))
        body = _TRAIL_JUNK.sub("", text[lead:])
        return body, lead

    def _parse(self, body: str) -> list[Parsed] | None:
        match = self._signoff.fullmatch(body)
        if match:
            return [Parsed("reporter", (match.group("name"),), _service(match.group("service")), 0, len(body))]
        match = self._name_first.fullmatch(body)
        if match:
            role = self.words.titles[_squash(match.group("title"))]
            service = _service(match.group("service")) or self._dateline_service(match.group("dateline"))
            return [Parsed(role, _split_names(match.group("names")), service, 0, len(body))]
        return self._role_first_list(body)

    def _dateline_service(self, dateline: str | None) -> str | None:
        """ "(서울=자유아시아방송)" names the service after the place."""
        after = (dateline or "").strip("() ").partition("=")[2].strip()
        return after if after and self._service.fullmatch(after) else None

    def _role_first_list(self, body: str) -> list[Parsed] | None:
        """ "기자 김지은, 최동훈, 에디터 양성원, 웹팀 이경하" -> one credit per role."""
        credits: list[Parsed] = []
        position = 0
        while True:
            position = self._gap.match(body, position).end()
            if position >= len(body):
                return credits or None
            match = self._role_first.match(body, position)
            if not match:
                return None
            names = _split_names(match.group("names"))
            for word in re.split(r"\s*[·/]\s*", match.group("roles")):
                credits.append(Parsed(self.words.roles[_squash(word)], names, None, match.start(), match.end()))
            position = match.end()

    def _looks_like_byline(self, body: str) -> bool:
        """Plainly meant as a byline though unreadable ("기자 Jieun Kim"): short, no verb ending."""
        if _VERB_ENDING.search(body):
            return False
        tokens = body.split()
        return (len(tokens) <= 8 and bool(self._role_start.match(body))) or (
            len(tokens) <= 5 and bool(self._title_end.search(body))
        )


def _squash(word: str) -> str:
    """Role words as the tables spell them ("웹 편집" is in the table with its space)."""
    return " ".join(word.split()) if " " in word else word


def _split_names(text: str) -> tuple[str, ...]:
    return tuple(n for n in _NAME_SEPARATOR.split(text.strip()) if n)


def _service(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None
