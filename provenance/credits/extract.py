"""Turn the credit lines of a Document into `Credits`."""

from __future__ import annotations

from ..types import Document, Role
from .grammar import Grammar, Parsed, Reading
from .lang import grammar_for
from .locate import locate
from .model import Credit, Credits


def extract_credits(doc: Document) -> Credits:
    """The credits of `doc`: its credit lines found anew, plus any sentence already marked CREDIT."""
    grammar = grammar_for(doc.lang)
    tail = locate(doc)
    marked = {i for i, s in enumerate(doc.sentences) if s.role is Role.CREDIT}
    credits: list[Credit] = []
    lines: dict[int, int] = {}
    unparsed: set[int] = set()
    for group in _groups(doc, sorted(tail.credit | marked), grammar):
        texts = [doc.sentences[p].text for p in group]
        starts = _starts(texts)
        reading = grammar.read(" ".join(texts))
        lines.update((doc.sentences[p].index, doc.sentences[p].line) for p in group)
        if reading is None or not reading.ok:
            unparsed.add(doc.sentences[group[0]].index)
        credits.extend(_credits(doc, group, starts, " ".join(texts), reading))
    for position, offset in tail.embedded:
        text = doc.sentences[position].text
        reading = grammar.read(text[offset:])
        lines[doc.sentences[position].index] = doc.sentences[position].line
        credits.extend(_credits(doc, [position], [0], text, _shifted(reading, offset)))
    ordered = sorted(lines)
    return Credits(
        doc.lang,
        tuple(credits),
        tuple(ordered),
        tuple(sorted(unparsed)),
        tuple(lines[i] for i in ordered),
    )


def _groups(doc: Document, positions: list[int], grammar: Grammar) -> list[list[int]]:
    """Credit sentences with the fragments a splitter cut off them ("Leejin J." + "Jun.")."""
    groups: list[list[int]] = []
    for position in positions:
        sentence = doc.sentences[position]
        previous = groups[-1][-1] if groups else None
        if (
            previous == position - 1
            and doc.sentences[previous].passage == sentence.passage
            and not grammar.starts_credit(sentence.text)
            and grammar.continues_credit(sentence.text)
        ):
            groups[-1].append(position)
        else:
            groups.append([position])
    return groups


def _starts(texts: list[str]) -> list[int]:
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text) + 1
    return starts


def _shifted(reading: Reading | None, offset: int) -> Reading | None:
    if reading is None:
        return None
    moved = tuple(Parsed(p.role, p.names, p.service, p.start + offset, p.end + offset) for p in reading.credits)
    return Reading(moved, reading.ok)


def _credits(doc: Document, group: list[int], starts: list[int], text: str, reading: Reading | None) -> list[Credit]:
    if reading is None:
        return []
    out = []
    for parsed in reading.credits:
        which = max(i for i, start in enumerate(starts) if start <= parsed.start)
        sentence = doc.sentences[group[which]]
        within = parsed.start - starts[which]
        line = sentence.line + sentence.text.count("\n", 0, within)
        raw = text[parsed.start:parsed.end].strip()
        out.append(Credit(parsed.role, parsed.names, parsed.service, sentence.index, line, raw))
    return out
