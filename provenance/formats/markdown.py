"""Markdown to plain text, line for line.

Parsed by markdown-it-py (CommonMark, with tables and strikethrough; already
installed as a dependency of rich). Every line of the output is the same line
of the input with its inline markup gone: emphasis, links (their text kept),
images, code marks, inline HTML. Block markers the segmenter understands are
written back in one spelling ("# ", "- ", "> "), so headings, list items and
quotes stay passages of their own. Code blocks, HTML comments, reference
definitions and front matter become blank lines (a front-matter `title:`
becomes a heading on its own line).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)
_FRONT_TITLE = re.compile(r"""^title:[ \t]*(?P<q>["']?)(?P<title>.*?)(?P=q)[ \t]*$""", re.I)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_HTML_RAW = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)", re.S | re.I)
_HTML_TAG = re.compile(r"<[^>\n]*>")
#: Front matter is looked for only this far into the file.
_FRONT_MATTER_LINES = 200


@lru_cache(maxsize=1)
def parser() -> "MarkdownIt":
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_to_text(text: str) -> str:
    """The text of a Markdown document, one output line per input line."""
    lines = text.split("\n")
    out = [""] * len(lines)
    body = _front_matter(lines, out)
    _render(parser().parse(body), out)
    return "\n".join(out)


def _front_matter(lines: list[str], out: list[str]) -> str:
    """The text with a leading YAML block blanked; its title written into `out`."""
    if not lines or lines[0].strip() != "---":
        return "\n".join(lines)
    head = "\n".join(lines[1:_FRONT_MATTER_LINES])
    end = _FRONT_MATTER_END.search(head)
    if end is None:
        return "\n".join(lines)
    last = head.count("\n", 0, end.start()) + 1  # index of the closing line
    for index in range(1, last):
        title = _FRONT_TITLE.match(lines[index])
        if title and title.group("title").strip():
            out[index] = "# " + title.group("title").strip()
    return "\n".join([""] * (last + 1) + lines[last + 1 :])


def _render(tokens: list["Token"], out: list[str]) -> None:
    prefix: list[str] = []  # open containers: "> " for quotes, "- " for a fresh item
    row: list[str] | None = None
    row_line = 0
    pending_item = False
    previous: "Token | None" = None
    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            prefix.append("> ")
        elif kind == "blockquote_close":
            prefix.pop()
        elif kind == "list_item_open":
            pending_item = True
        elif kind == "tr_open":
            row, row_line = [], token.map[0] if token.map else 0
        elif kind == "tr_close" and row is not None:
            _put(out, row_line, ["- " + " · ".join(cell for cell in row if cell)])
            row = None
        elif kind == "inline" and row is not None:
            row.append(" ".join(plain(token.children or []).split()))
        elif kind == "inline" and token.map:
            marker = _marker(previous, pending_item)
            pending_item = False
            quote = "".join(prefix)
            pieces = plain(token.children or []).split("\n")
            _put(out, token.map[0], [quote + marker + pieces[0], *(quote + p for p in pieces[1:])])
        elif kind == "html_block" and token.map:
            _put(out, token.map[0], _html_text(token.content).split("\n"))
        previous = token


def _marker(before: "Token | None", item: bool) -> str:
    """"# " for a heading, "- " for the first paragraph of a list item."""
    if before is not None and before.type == "heading_open":
        return "#" * int(before.tag[1]) + " "
    return "- " if item else ""


def plain(children: list["Token"]) -> str:
    """Inline tokens as the words a reader sees: markup gone, breaks kept as "\\n"."""
    parts: list[str] = []
    for child in children:
        kind = child.type
        if kind in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            parts.append(" ")
    return "".join(parts)


def _html_text(block: str) -> str:
    """Raw HTML inside Markdown: its text, comments and scripts blanked, lines kept."""
    def blank(match: re.Match[str]) -> str:
        return "\n" * match.group().count("\n")

    block = _HTML_RAW.sub(blank, _HTML_COMMENT.sub(blank, block))
    return html.unescape(_HTML_TAG.sub(" ", block)).rstrip("\n")


def _put(out: list[str], first: int, pieces: list[str]) -> None:
    """Write `pieces` from line `first` on; extra pieces join the last line."""
    room = len(out) - first
    if room <= 0:
        return
    if len(pieces) > room:
        pieces = [*pieces[: room - 1], " ".join(pieces[room - 1 :])]
    for offset, piece in enumerate(pieces):
        out[first + offset] = " ".join(piece.split())
