"""Lines, passages and Markdown block markers: where sentences cannot cross.

The layout pass cuts a document into *runs*: stretches of text that the
punctuation rules then split. A run never crosses a passage (blank lines),
a heading, a list item or a change in block quoting. Markdown markers are
masked with spaces, so offsets in the masked text are offsets in the original.

A line break inside a passage is read as wrapping (a space) unless the
passage looks like one paragraph or sentence per line: when at least half of
its lines end in final punctuation, an unpunctuated line (a headline, a
caption) also ends its sentence, unless the next line starts in lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rules import CLOSED_FINALS, CLOSERS, SPACED_FINALS

_RULE = re.compile(r"[ \t]*([-*_=])(?:[ \t]*\1){2,}[ \t]*")
_MARKER = re.compile(
    r"[ \t]*(?P<quote>(?:>[ \t]*)*)"
    r"(?:(?P<heading>#{1,6})(?=[ \t]|$)[ \t]*|(?P<item>(?:[-*+•]|\d{1,3}[.)])[ \t]+))?"
)
_FINAL_AT_END = re.compile(rf"[{re.escape(SPACED_FINALS + CLOSED_FINALS)}][{re.escape(CLOSERS)}]*\s*$")


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offset of the line in the document
    content: int  # offset after any Markdown marker
    end: int  # offset of the newline (or the end of the text)
    kind: str  # "blank", "rule", "heading", "item" or "text"
    quoted: bool

    @property
    def blank(self) -> bool:
        return self.kind in ("blank", "rule")


def split_lines(text: str) -> list[Line]:
    """Every line of `text` (split on "\\n" only), classified."""
    lines = []
    start = 0
    for end in _newline_offsets(text):
        lines.append(_classify(text, start, end))
        start = end + 1
    return lines


def _newline_offsets(text: str) -> list[int]:
    offsets = [m.start() for m in re.finditer("\n", text)]
    if text and not text.endswith("\n"):
        offsets.append(len(text))
    return offsets


def _classify(text: str, start: int, end: int) -> Line:
    body = text[start:end]
    if not body.strip():
        return Line(start, end, end, "blank", False)
    if _RULE.fullmatch(body):
        return Line(start, end, end, "rule", False)
    marker = _MARKER.match(body)
    kind = "heading" if marker.group("heading") else "item" if marker.group("item") else "text"
    return Line(start, start + marker.end(), end, kind, bool(marker.group("quote")))


def passages(lines: list[Line]) -> list[list[Line]]:
    """Groups of lines separated by blank lines and rules; a heading stands alone."""
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank or line.kind == "heading":
            if current:
                groups.append(current)
            current = [line] if line.kind == "heading" else []
            if line.kind == "heading":
                groups.append(current)
                current = []
        else:
            current.append(line)
    if current:
        groups.append(current)
    return groups


def runs(text: str, group: list[Line]) -> list[tuple[int, int]]:
    """Spans (from the first line's content to a line end) that sentences may fill."""
    line_mode = _one_per_line(text, group)
    spans = []
    first = group[0]
    for line, following in zip(group, group[1:]):
        if _breaks(text, line, following, line_mode):
            spans.append((first.content, line.end))
            first = following
    spans.append((first.content, group[-1].end))
    return spans


def _one_per_line(text: str, group: list[Line]) -> bool:
    punctuated = sum(1 for line in group if _FINAL_AT_END.search(text, line.content, line.end))
    return len(group) > 1 and 2 * punctuated >= len(group)


def _breaks(text: str, line: Line, following: Line, line_mode: bool) -> bool:
    if following.kind == "item" or line.quoted != following.quoted:
        return True
    if not line_mode or _FINAL_AT_END.search(text, line.content, line.end):
        return False  # wrapping, or punctuation the rules will judge
    nxt = text[following.content : following.end].lstrip()
    return not nxt[:1].islower()


def masked(text: str, lines: list[Line]) -> str:
    """`text` with the Markdown markers of `lines` replaced by spaces, same length."""
    pieces = []
    cursor = 0
    for line in lines:
        if line.content > line.start:
            pieces.append(text[cursor : line.start])
            pieces.append(" " * (line.content - line.start))
            cursor = line.content
    pieces.append(text[cursor:])
    return "".join(pieces)
