"""Split an article into passages and sentences, keeping exact source offsets.

Rules, not a model: passages come from blank lines and Markdown blocks
(`layout`), sentences from punctuation judged with per-language data
(`rules`, `lang/`). Measured against pysbd, blingfire and kss in
`benchmarks/segmentation.py`; the rules load in well under a millisecond,
which the one-second `compare` budget needs.
"""

from __future__ import annotations

import bisect
import re

from ..errors import InputError
from ..types import Document, Passage, Role, Sentence
from . import layout
from .lang import LangRules, rules_for
from .rules import boundaries

__all__ = ["segment", "split_sentences", "segmenter_signature", "SEGMENTER_SIGNATURE", "VERSION"]

#: Bumped whenever a change can move a boundary; part of every report signature.
VERSION = 3
#: Longer "sentences" (a run with no punctuation) are cut, so the encoder and the
#: checks stay bounded: 2.4x the longest sentence in ../shared/data (416 characters).
MAX_SENTENCE_CHARS = 1000
#: An overlong sentence is cut at the last space (else clause mark) after this share of the limit.
_CUT_FROM = 0.6
#: More sentences than this on one side are refused with a clear message: the
#: 5,000-sentence article takes 2 minutes and 440 MB (docs/robustness.md).
MAX_SENTENCES = 10_000
_CLAUSE_MARKS = ",;:、，；：)]}」』）"

_LINE_BREAK = re.compile(r"\s*\n\s*")


def segmenter_signature(lang: str) -> str:
    """Short id of the splitter used for `lang`, e.g. "rules-ko-1" or "rules-generic-1"."""
    return f"rules-{rules_for(lang).name}-{VERSION}"


SEGMENTER_SIGNATURE = segmenter_signature


def segment(text: str, lang: str, *, path: str = "<string>", presegmented: bool = False) -> Document:
    """Passages and sentences of `text`; every span indexes `text` itself.

    A passage spans its first sentence's start to its last one's end, so
    Markdown markers before it are outside, as they are outside sentences.

    With `presegmented`, line i is sentence i and everything is passage 0, so
    sentence indices equal line numbers; an empty line is a sentence "" with
    the role BLANK, never compared (two of them would otherwise match perfectly).
    """
    if presegmented:
        passages, sentences = _by_line(text, lang)
    else:
        passages, sentences = _by_rules(text, lang)
    if len(sentences) > MAX_SENTENCES:
        raise InputError(
            path, f"has {len(sentences):,} sentences; the limit is {MAX_SENTENCES:,}: split the article into parts"
        )
    return Document(path=path, lang=lang, text=text, passages=tuple(passages), sentences=tuple(sentences))


def split_sentences(passage_text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of the sentences in `passage_text`, in order."""
    return [(s.start, s.end) for s in _by_rules(passage_text, lang)[1]]


def _by_rules(text: str, lang: str) -> tuple[list[Passage], list[Sentence]]:
    rules = rules_for(lang)
    lines = layout.split_lines(text)
    work = layout.masked(text, lines)
    line_starts = [line.start for line in lines]
    passages: list[Passage] = []
    sentences: list[Sentence] = []
    for group in layout.passages(lines):
        first = len(sentences)
        for run_start, run_end in layout.runs(work, group):
            for start, end in _sentence_spans(work, run_start, run_end, rules):
                line = bisect.bisect_right(line_starts, start)
                body = _LINE_BREAK.sub(" ", work[start:end])
                sentences.append(Sentence(len(sentences), body, lang, len(passages), start, end, line))
        if len(sentences) > first:
            start, end = sentences[first].start, sentences[-1].end
            line = sentences[first].line
            passages.append(Passage(len(passages), start, end, line, tuple(range(first, len(sentences)))))
    return passages, sentences


#: a piece of text with none of these has nothing to translate
_LETTER_OR_DIGIT = re.compile(r"[^\W_]")


def _sentence_spans(work: str, run_start: int, run_end: int, rules: LangRules) -> list[tuple[int, int]]:
    run = work[run_start:run_end]
    cuts = [0, *boundaries(run, rules), len(run)]
    spans = []
    for cut_start, cut_end in zip(cuts, cuts[1:]):
        piece = run[cut_start:cut_end]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip())
            start = run_start + cut_start + lead
            if spans and not _LETTER_OR_DIGIT.search(stripped):
                # "…했다. 🙂🙂" or "…said. !!!": nothing to translate, so it ends the sentence before
                spans[-1] = (spans[-1][0], start + len(stripped))
                continue
            spans.extend(_bounded(work, start, start + len(stripped)))
    return spans


def _bounded(text: str, start: int, end: int, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """(start, end) cut into pieces of at most `limit` characters, at spaces where possible."""
    spans = []
    while end - start > limit:
        window = text[start : start + limit]
        floor = int(limit * _CUT_FROM)
        cut = max(window.rfind(" "), window.rfind("\n"))
        if cut < floor:
            cut = max(window.rfind(mark) for mark in _CLAUSE_MARKS) + 1
        if cut < floor:
            cut = limit
        piece = text[start : start + cut]
        stripped = piece.rstrip()
        if stripped.strip():
            spans.append((start, start + len(stripped)))
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))
    return spans


def _by_line(text: str, lang: str) -> tuple[list[Passage], list[Sentence]]:
    sentences = []
    for number, line in enumerate(layout.split_lines(text)):
        body = text[line.start : line.end]
        stripped = body.strip()
        start = line.start + len(body) - len(body.lstrip()) if stripped else line.start
        role = Role.CONTENT if stripped else Role.BLANK
        sentences.append(Sentence(number, stripped, lang, 0, start, start + len(stripped), number + 1, role))
    if not sentences:
        return [], []
    passage = Passage(0, 0, len(text), 1, tuple(range(len(sentences))))
    return [passage], sentences
