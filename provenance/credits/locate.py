"""Find the credit lines and site boilerplate at the end of an article.

Credits are only looked for at the end, walking back from the last passage:
trailing boilerplate passages are skipped, then the sentences that end a
passage and read as credits are taken, passage after passage, until a
sentence that is neither. A body sentence that happens to start "Reported by"
is therefore never taken unless nothing but credits follows it. One short
unknown label (an unlisted widget: a few words, no sentence punctuation) may
sit between the credits and the end, as long as the credits before it fill a
passage of their own.
A byline standing alone in one of the first passages ("By Jieun Kim",
"김지은 기자") is a credit too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import Enum

from ..types import Document, Role, Sentence
from .grammar import Grammar
from .lang import grammar_for

MAX_PASSAGES = 6  # passages (not counting boilerplate) looked at from the end
MAX_UNKNOWN_PASSAGES = 1  # unknown passages allowed after the credits
MAX_UNKNOWN_WORDS = 8  # and no sentence punctuation: a widget label, not prose
HEAD_PASSAGES = 3  # a standalone byline may be among the first passages


class Kind(str, Enum):
    BOILERPLATE = "boilerplate"
    EMPTY = "empty"  # punctuation left over by the splitter ("." or a lone quote mark)
    CREDIT = "credit"
    CONTINUATION = "continuation"  # a piece a splitter cut off the credit before it
    OTHER = "other"


@dataclass(frozen=True)
class Tail:
    credit: frozenset[int]  # positions in doc.sentences
    boilerplate: frozenset[int]
    embedded: tuple[tuple[int, int], ...]  # (position, offset) of a credit run into a body sentence


def locate(doc: Document) -> Tail:
    grammar = grammar_for(doc.lang)
    passages = _passages(doc)
    credit, boilerplate = _tail(doc, passages, grammar)
    embedded = () if credit else _embedded(doc, boilerplate, grammar)
    credit |= _head(doc, passages, grammar)
    return Tail(frozenset(credit), frozenset(boilerplate), embedded)


def mark_roles(doc: Document) -> Document:
    """A copy of `doc` with credit lines marked CREDIT and trailing site text BOILERPLATE."""
    tail = locate(doc)
    if not tail.credit and not tail.boilerplate:
        return doc
    sentences = tuple(_with_role(s, i, tail) for i, s in enumerate(doc.sentences))
    return replace(doc, sentences=sentences)


def _with_role(sentence: Sentence, position: int, tail: Tail) -> Sentence:
    if position in tail.credit:
        return replace(sentence, role=Role.CREDIT)
    if position in tail.boilerplate:
        return replace(sentence, role=Role.BOILERPLATE)
    return sentence


def _passages(doc: Document) -> list[list[int]]:
    """Sentence positions per passage, in order (from the sentences, whatever made them)."""
    groups: dict[int, list[int]] = {}
    for position, sentence in enumerate(doc.sentences):
        groups.setdefault(sentence.passage, []).append(position)
    return [groups[key] for key in sorted(groups)]


def _kinds(doc: Document, passage: list[int], grammar: Grammar) -> list[Kind]:
    kinds: list[Kind] = []
    for position in passage:
        text = doc.sentences[position].text
        if not any(c.isalnum() for c in text):
            kind = Kind.EMPTY
        elif grammar.is_boilerplate(text):
            kind = Kind.BOILERPLATE
        elif grammar.starts_credit(text):
            kind = Kind.CREDIT
        elif kinds and kinds[-1] in (Kind.CREDIT, Kind.CONTINUATION) and grammar.continues_credit(text):
            kind = Kind.CONTINUATION
        else:
            kind = Kind.OTHER
        kinds.append(kind)
    return kinds


def _tail(doc: Document, passages: list[list[int]], grammar: Grammar) -> tuple[set[int], set[int]]:
    credit: set[int] = set()
    boilerplate: set[int] = set()
    unknown = looked = 0
    for passage in reversed(passages):
        kinds = _kinds(doc, passage, grammar)
        if _is_boilerplate_passage(kinds):
            boilerplate.update(passage)
            continue
        looked += 1
        if looked > MAX_PASSAGES:
            break
        found, trailing, whole = _suffix(passage, kinds)
        if not found:
            boilerplate |= trailing
            if credit or unknown >= MAX_UNKNOWN_PASSAGES or not _is_label(doc, passage):
                break
            unknown += 1
            continue
        if unknown and not whole:
            break
        credit |= found
        boilerplate |= trailing
        if not whole:
            break
    return credit, boilerplate


def _is_boilerplate_passage(kinds: list[Kind]) -> bool:
    """All boilerplate, or mostly so with no credit (a comment notice with one odd sentence)."""
    count = kinds.count(Kind.BOILERPLATE)
    size = len(kinds) - kinds.count(Kind.EMPTY)
    return count == size or (count * 2 >= size and Kind.CREDIT not in kinds)


def _suffix(passage: list[int], kinds: list[Kind]) -> tuple[set[int], set[int], bool]:
    """Credit and boilerplate sentences that end the passage, and whether they fill it."""
    credit: set[int] = set()
    boilerplate: set[int] = set()
    for position, kind in zip(reversed(passage), reversed(kinds)):
        if kind in (Kind.BOILERPLATE, Kind.EMPTY):
            boilerplate.add(position)
        elif kind in (Kind.CREDIT, Kind.CONTINUATION):
            credit.add(position)
        else:
            return credit, boilerplate, False
    return credit, boilerplate, True


def _head(doc: Document, passages: list[list[int]], grammar: Grammar) -> set[int]:
    return {
        passage[0]
        for passage in passages[:HEAD_PASSAGES]
        if len(passage) == 1 and grammar.head_byline(doc.sentences[passage[0]].text)
    }


def _embedded(doc: Document, boilerplate: set[int], grammar: Grammar) -> tuple[tuple[int, int], ...]:
    """A credit run into the last body sentence ("… evening.Reported by …")."""
    for position in range(len(doc.sentences) - 1, -1, -1):
        if position in boilerplate:
            continue
        offset = grammar.embedded(doc.sentences[position].text)
        return ((position, offset),) if offset is not None else ()
    return ()


def _is_label(doc: Document, passage: list[int]) -> bool:
    """A few words without sentence punctuation ("Latest Stories"): page furniture, not prose."""
    text = " ".join(doc.sentences[p].text for p in passage).strip()
    return len(text.split()) <= MAX_UNKNOWN_WORDS and not text.endswith((".", "!", "?", "\"", "”", "다"))
