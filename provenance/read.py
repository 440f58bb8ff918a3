"""Read an article file into clean Unicode text, or say clearly why not.

Newsroom files come in UTF-8 (with or without BOM), UTF-16, and for Korean
often CP949 / EUC-KR; English from Word is often Windows-1252. Legacy
encodings are told apart by charset-normalizer, restricted to the encodings
newsrooms use (measured: unrestricted, it reads curly quotes as Mac Latin-2).

The text that leaves here is normalised (`normalise`): "\\n" line endings,
NFC, full-width ASCII folded. Line numbers are unchanged by it, so they point
into the file; character offsets index the normalised text.

`read_article` also takes Markdown and HTML (`provenance.formats`).
"""

from __future__ import annotations

import codecs
import re
import stat
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import InputError

if TYPE_CHECKING:
    from .formats import Article

#: Files larger than this are refused before reading (see docs/robustness.md).
MAX_BYTES = 10 * 1024 * 1024
#: Text longer than this is refused before segmenting: about 4x the 5,000-sentence
#: article measured (2 min, 440 MB), so a real article never meets it.
MAX_TEXT_CHARS = 2_000_000

#: Longest BOM first: a UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_META_CHARSET = re.compile(r"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
#: Labels pages declare -> the codec browsers really use (WHATWG Encoding Standard).
_WEB_CHARSETS = {
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "iso-8859-1": "cp1252", "latin1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "gb2312": "gb18030", "gbk": "gb18030", "x-sjis": "shift_jis",
}

#: Magic numbers of files people mistake for articles: name them in the error.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive: .docx, .hwpx or .odt"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office or HWP document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)

# Characters folded 1:1 so that the same text always compares equal:
# full-width ASCII (１２３，ＡＢＣ → 123,ABC) except ！ and ？, which the
# segmenter reads as CJK sentence ends; full-width currency signs; spaces.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F) if code not in (0xFF01, 0xFF1F)}
_FOLD.update({0xFFE0: 0xA2, 0xFFE1: 0xA3, 0xFFE2: 0xAC, 0xFFE3: 0xAF, 0xFFE4: 0xA6, 0xFFE5: 0xA5, 0xFFE6: 0x20A9})
_FOLD.update({code: 0x20 for code in (0x09, 0x00A0, 0x3000, 0x202F, 0x205F, *range(0x2000, 0x200B))})  # tabs too: 2만\t5천
_FOLD.update({code: 0x0A for code in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)})  # other line breaks
_CONTROLS = (*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0))
_FOLD.update({code: 0x20 for code in _CONTROLS})  # C0 and C1 controls but newlines (tab is above)
_FOLD.update({code: None for code in (0x00AD, 0x200B, 0x2060, 0xFEFF)})  # invisible: soft hyphen, zero widths
_FOLD[0x0D] = 0x0A  # lone CR (CRLF is joined first)


def read_text(path: str | Path, encoding: str | None = None, *, lang: str | None = None) -> str:
    """The file's text, decoded and normalised; InputError if it is not an article.

    `lang`, when known, puts that language's legacy encodings first.
    """
    name = str(path)
    text, _ = decode(read_bytes(Path(path), name), name, encoding, lang=lang)
    text = normalise(text)
    _check_text(name, text, "text")
    return text


def read_article(
    path: str | Path, encoding: str | None = None, format: str | None = None, *, lang: str | None = None
) -> "Article":
    """The file as an `Article`: plain text, Markdown or HTML reduced to its text.

    The format comes from `format` ("text", "markdown", "html"), else from the
    file's extension, else from its first bytes (`<!doctype`, `<html`).
    """
    from .formats import convert, detect_format

    name = str(path)
    data = read_bytes(Path(path), name)
    raw, used = decode(data, name, encoding, lang=lang)
    kind = detect_format(name, raw, format)
    if kind == "html" and encoding is None:
        raw, used = _declared_charset(data, raw, used)
    article = convert(raw, kind, path=name, encoding=used)
    _check_text(name, article.text, kind)
    return article


def _check_text(name: str, text: str, kind: str) -> None:
    if not text.strip():
        problem = "the file holds only whitespace" if kind == "text" else f"no article text found in this {kind} file"
        raise InputError(name, problem)
    if not any(char.isalpha() for char in text):
        raise InputError(name, "has no words, only digits, punctuation or symbols: there is nothing to compare")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            name, f"has {len(text):,} characters of text; the limit is {MAX_TEXT_CHARS:,}: split the article into parts"
        )


def _declared_charset(data: bytes, text: str, used: str) -> tuple[str, str]:
    """An HTML page's own <meta charset>, when it decodes the bytes and no BOM said otherwise."""
    found = _META_CHARSET.search(text[:4096])
    if not found or used.startswith(("utf-16", "utf-32", "utf-8-sig")):
        return text, used
    declared = _WEB_CHARSETS.get(found.group(1).lower(), found.group(1).lower())
    try:
        if codecs.lookup(declared).name == codecs.lookup(used).name:
            return text, used
        return data.decode(declared), declared
    except (LookupError, UnicodeDecodeError):
        return text, used


def normalise(text: str) -> str:
    """One spelling for the same text, with the same lines.

    CRLF, CR and other line breaks become "\\n"; NFC (NFD Hangul from macOS
    composes); full-width ASCII and odd spaces (tabs too) fold to plain ones; soft
    hyphens and zero-width spaces go. Not NFKC: that would turn compatibility
    jamo (ㅋㅋ) into conjoining jamo, ² into 2 and ½ into 1⁄2.
    HTML character references left in plain text by a content system
    (jalape&ntilde;os, 1992&#8211;1995) become their characters: a reference
    must end in ";" (html.unescape alone reads "&notice" as "¬ice"), and one
    that names a line break or another control stays as it is, so lines stay.
    """
    text = text.replace("\r\n", "\n").translate(_FOLD)
    if "&" in text and ";" in text:
        text = _REFERENCE.sub(_referenced, text)
    return unicodedata.normalize("NFC", text)


_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _referenced(m: re.Match) -> str:
    """The text a reference names, folded as the rest is (&nbsp; a space, &shy; nothing), or the
    reference as it stands: unknown, invalid (&#0;), or a line break or other control."""
    import html

    text = html.unescape(m.group())
    if text == m.group() or not text or "\ufffd" in text:  # html.unescape drops some controls (&#7;)
        return m.group()
    text = text.translate(_FOLD)
    return m.group() if any(not c.isprintable() for c in text) else text


def read_bytes(path: Path, name: str | None = None) -> bytes:
    """The file's bytes, refusing what is not a regular, non-empty file under MAX_BYTES."""
    name = name or str(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(name, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "is not a regular file (a device, pipe or socket)")
    if info.st_size > MAX_BYTES:
        raise InputError(name, f"file is {info.st_size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.1f} MB")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # bounded even if the file grows meanwhile
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(name, f"file is over the {MAX_BYTES / 1e6:.1f} MB limit")
    if not data:
        raise InputError(name, "the file is empty")
    return data


def decode(data: bytes, name: str, encoding: str | None = None, *, lang: str | None = None) -> tuple[str, str]:
    """(text, encoding used); InputError when the bytes are not text."""
    if encoding:
        _refuse_utf8_read_as(data, name, encoding)
        return _decode_as(data, name, encoding), encoding
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode_as(data, name, codec, after_bom=True), codec
    if b"\x00" in data[:8192]:
        return _utf16_without_bom(data, name), "utf-16"
    if _magic(data) or _looks_binary(data):
        raise InputError(name, _binary(data))
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _legacy(data, name, lang)


def _refuse_utf8_read_as(data: bytes, name: str, codec: str) -> None:
    """InputError for UTF-8 text with letters beyond ASCII forced into another encoding: a
    single-byte one (latin-1, cp1252) decodes anything, into mojibake the language check
    would then blame on the file; legacy text is almost never valid UTF-8 by chance."""
    import codecs

    try:
        wanted = codecs.lookup(codec).name
    except LookupError:
        return  # _decode_as names the unknown encoding
    if wanted in ("utf-8", "utf-8-sig") or data.isascii():
        return
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return
    raise InputError(name, f"is UTF-8, not {codec} as asked (--encoding, or encoding in the configuration); leave it out to have the encoding detected")


def _decode_as(data: bytes, name: str, codec: str, after_bom: bool = False) -> str:
    try:
        return data.decode(codec)
    except LookupError:
        raise InputError(name, f"unknown encoding {codec!r}") from None
    except UnicodeDecodeError as exc:
        where = " after its byte-order mark" if after_bom else ""
        raise InputError(name, f"is not valid {codec}{where} (byte {exc.start})") from None


def _binary(data: bytes) -> str:
    kind = _magic(data)
    return f"looks like a binary file ({kind}), not text" if kind else "looks like a binary file, not text"


def _magic(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC if data.startswith(magic)), None)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # in C: a Python loop was 30 us a file
    return controls > len(head) * 0.05


#: control bytes that plain text does not contain (tab, newlines, form feed and escape it may)
_CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in (9, 10, 12, 13, 27))


def _utf16_without_bom(data: bytes, name: str) -> str:
    """NUL bytes: UTF-16 text saved without a BOM, or a binary file."""
    kind = _magic(data)
    if kind is None and len(data) % 2 == 0:
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            # any article has a space or a line break; bytes of a binary file read as
            # UTF-16 are CJK-looking characters without one ("\x00\x01\x02\x03binary")
            if _printable_share(text) > 0.97 and any(c.isspace() for c in text[:4096]):
                return text
    raise InputError(name, _binary(data))


def _printable_share(text: str) -> float:
    sample = text[:4096]
    good = sum(1 for c in sample if c.isprintable() or c in "\n\r\t")
    return good / max(1, len(sample))


def _legacy(data: bytes, name: str, lang: str | None) -> tuple[str, str]:
    """Not UTF-8: the most coherent of the newsroom's legacy encodings."""
    from charset_normalizer import from_bytes

    from .language import legacy_encodings

    candidates = legacy_encodings(lang)
    matches = from_bytes(data, cp_isolation=list(candidates))
    tried = ", ".join(candidates[:4])
    if not matches:
        raise InputError(name, f"is not UTF-8 and not {tried} either; name its encoding with --encoding")
    for match in matches:  # best first
        text = str(match)
        if not _garbled_hangul(text):
            return text, match.encoding
    raise InputError(name, f"reads as garbled Hangul in {matches.best().encoding}, and is not UTF-8 or {tried} either; "
                           "name its encoding with --encoding")


def _garbled_hangul(text: str) -> bool:
    """Many lone jamo (ㅟ, ㅛ, ㅻ) among the syllables: bytes of another encoding
    (EUC-JP, say) read as CP949. Korean text writes jamo alone only in ㅋㅋ or ㅠㅠ."""
    jamo = sum(1 for c in text if "\u3131" <= c <= "\u318e")
    syllables = sum(1 for c in text if "\uac00" <= c <= "\ud7a3")
    return jamo >= 3 and jamo > 0.05 * (jamo + syllables)
