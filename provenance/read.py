"""Read an article file into clean Unicode text, or say clearly why not.

Newsroom files come in UTF-8 (with or without BOM), UTF-16, and for Korean
often CP949 / EUC-KR. The text that leaves here is NFC-normalised with "\\n"
line endings, so the same words always compare equal.
"""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

from .errors import InputError

#: Files larger than this are refused before reading (see README, limits).
MAX_BYTES = 10 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Tried in order when there is no BOM and the text is not UTF-8.
_FALLBACKS = ("cp949", "cp1252")


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """The file's text, decoded and normalised; InputError if it is not an article."""
    name = str(path)
    data = _read_bytes(Path(path), name)
    text = _decode(data, name, encoding)
    text = normalise(text)
    if not text.strip():
        raise InputError(name, "the file holds only whitespace")
    return text


def normalise(text: str) -> str:
    """NFC, "\\n" line endings, no BOM: one spelling for the same text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def _read_bytes(path: Path, name: str) -> bytes:
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a directory, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(name, f"file is {size / 1e6:.1f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB")
        data = path.read_bytes()
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise InputError(name, "the file is empty")
    return data


def _decode(data: bytes, name: str, encoding: str | None) -> str:
    if encoding:
        try:
            return data.decode(encoding)
        except LookupError:
            raise InputError(name, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(name, f"is not valid {encoding} (byte {exc.start})") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    if _looks_binary(data):
        raise InputError(name, "looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _guess(data, name)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls > len(head) * 0.05


def _guess(data: bytes, name: str) -> str:
    """Legacy encodings: CP949 (a superset of EUC-KR) when it yields Korean, else a detector."""
    try:
        text = data.decode("cp949")
        if any("\uac00" <= c <= "\ud7a3" for c in text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best)
    for codec in _FALLBACKS:
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise InputError(name, "cannot tell the text encoding; name it with --encoding")
