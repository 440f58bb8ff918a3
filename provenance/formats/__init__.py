"""Article formats: plain text, Markdown and HTML, each reduced to plain text.

The segmenter reads plain text in which blank lines separate passages and
"#", "-", "1." and ">" mark headings, list items and quotes. Markdown keeps
those block markers and loses its inline markup (`**3천 명**` → `3천 명`,
`[RFA](https://…)` → `RFA`) line by line, so line numbers still point into
the file. HTML is reduced to the article's own text (headline to end of body,
navigation, scripts, comments and share buttons dropped); its lines are lines
of the extracted text, and `Article.line_map` gives the line of the file each
came from.

Parsers are imported only for their format: `import provenance` stays light.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..types import Document

#: File extension -> format.
EXTENSIONS: dict[str, str] = {
    ".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mkd": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".txt": "text", ".text": "text",
}
FORMATS = ("text", "markdown", "html")
#: Names accepted for `format` besides FORMATS.
ALIASES = {"auto": None, "txt": "text", "plain": "text", "md": "markdown", "htm": "html"}

_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)


@dataclass(frozen=True, slots=True)
class Article:
    """An article as the pipeline reads it: text, and where that text came from."""

    text: str  # normalised plain text with passages and block markers
    format: str  # "text", "markdown" or "html"
    path: str = "<string>"
    encoding: str = "utf-8"  # as decoded (detected or given)
    line_map: tuple[int, ...] | None = None  # text line i+1 -> file line; None: the same

    def source_line(self, line: int) -> int:
        """The file's line for 1-based `line` of `text` (itself when lines are kept)."""
        if self.line_map is None or not self.line_map:
            return line
        return self.line_map[min(max(line, 1), len(self.line_map)) - 1]


def with_source_lines(document: "Document", article: Article) -> "Document":
    """`document` (segmented from `article.text`) with lines of the original file.

    Only HTML changes lines; for text and Markdown the document is returned as is.
    """
    if article.line_map is None:
        return document
    import dataclasses

    sentences = tuple(dataclasses.replace(s, line=article.source_line(s.line)) for s in document.sentences)
    passages = tuple(dataclasses.replace(p, line=article.source_line(p.line)) for p in document.passages)
    return dataclasses.replace(document, sentences=sentences, passages=passages)


def detect_format(path: str, text: str, requested: str | None = None) -> str:
    """`requested` if given, else by extension, else HTML when the text starts like a page."""
    from ..errors import ConfigError

    if requested is not None:
        key = requested.strip().lower()
        if key in FORMATS:
            return key
        if key not in ALIASES:
            raise ConfigError(f"unknown input format {requested!r} (known: auto, {', '.join(FORMATS)})")
        if ALIASES[key] is not None:
            return ALIASES[key]
    suffix = PurePath(path).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return "html" if _HTML_START.match(text[:4096].lstrip("\ufeff")) else "text"


def convert(text: str, format: str, *, path: str = "<string>", encoding: str = "utf-8") -> Article:
    """Plain text of `text` in `format`, normalised (see `provenance.read.normalise`)."""
    from ..read import normalise

    line_map = None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if format == "markdown":
        from .markdown import markdown_to_text

        text = markdown_to_text(text)
    elif format == "html":
        from .html import html_to_text

        text, line_map = html_to_text(text)
    return Article(normalise(text), format, path, encoding, line_map)


__all__ = ["Article", "EXTENSIONS", "FORMATS", "convert", "detect_format", "with_source_lines"]
