"""Line-aligned parallel corpora: line i of one file translates line i of the other.

Pairs judged noisy by hand (`noise.json`: 1-based line numbers, `unrelated`
and `partial`) are dropped before documents are cut, so that the identity
alignment is gold; otherwise a checker that rightly flags them scores as wrong.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

#: The development data beside the repository (`../shared/data`).
DATA_DIR = Path(os.environ.get("PROVENANCE_DATA", Path(__file__).resolve().parents[3] / "shared" / "data"))

#: Short names for the development corpora: file stem (plus `.ko` / `.en`), languages.
NAMED: dict[str, tuple[str, str, str]] = {
    "kpc": ("kpc-dev/korean-english-park.dev", "ko", "en"),
    "jhe": ("jhe-dev/jhe-koen-dev", "ko", "en"),
}


@dataclass(frozen=True)
class Corpus:
    """Clean sentence pairs, with the 1-based line each came from."""

    name: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    lines: tuple[int, ...]
    source_lang: str = "ko"
    target_lang: str = "en"
    dropped: int = 0  # pairs left out as noise or blank

    def __len__(self) -> int:
        return len(self.source)


class CorpusMissing(FileNotFoundError):
    """A named corpus whose data folder is absent (reported, not raised to users)."""


def named_paths(name: str, data_dir: Path | None = None) -> tuple[Path, Path, Path | None, str, str]:
    """(source, target, noise or None, source_lang, target_lang) of a named corpus."""
    stem, src_lang, tgt_lang = NAMED[name]
    base = (data_dir or DATA_DIR) / stem
    src, tgt = base.with_name(f"{base.name}.{src_lang}"), base.with_name(f"{base.name}.{tgt_lang}")
    if not src.is_file() or not tgt.is_file():
        raise CorpusMissing(f"{name}: {src.parent} not found (the development data lives in ../shared/data)")
    noise = base.parent / "noise.json"
    return src, tgt, (noise if noise.is_file() else None), src_lang, tgt_lang


def folder_paths(folder: str | Path, source_lang: str = "ko", target_lang: str = "en") -> tuple[Path, Path, Path | None]:
    """(source, target, noise or None) of a corpus folder laid out as ../shared/data's:
    one `*.ko` file, one `*.en` file and perhaps a `noise.json`, so a new corpus
    (a held-out test set) is named by its folder alone."""
    folder = Path(folder)
    found = []
    for lang in (source_lang, target_lang):
        files = sorted(folder.glob(f"*.{lang}"))
        if len(files) != 1:
            what = "no" if not files else f"{len(files)}"
            raise ValueError(f"{folder}: {what} *.{lang} files; a corpus folder holds one *.{source_lang} and one *.{target_lang}")
        found.append(files[0])
    noise = folder / "noise.json"
    return found[0], found[1], (noise if noise.is_file() else None)


def load_corpus(
    source: str | Path,
    target: str | Path,
    *,
    noise: str | Path | set[int] | None = None,
    source_lang: str = "ko",
    target_lang: str = "en",
    name: str | None = None,
) -> Corpus:
    """Read two line-aligned files, leaving out noisy and blank pairs."""
    src_lines, tgt_lines = _read_lines(Path(source), source_lang), _read_lines(Path(target), target_lang)
    if len(src_lines) != len(tgt_lines):
        raise ValueError(f"{source} has {len(src_lines)} lines but {target} has {len(tgt_lines)}")
    _check_languages(source, src_lines, source_lang, target, tgt_lines, target_lang)
    noisy = noise_lines(noise)
    kept = [
        (n, s, t)
        for n, (s, t) in enumerate(zip(src_lines, tgt_lines), start=1)
        if n not in noisy and s and t
    ]
    return Corpus(
        name=name or Path(source).name,
        source=tuple(s for _, s, _ in kept),
        target=tuple(t for _, _, t in kept),
        lines=tuple(n for n, _, _ in kept),
        source_lang=source_lang,
        target_lang=target_lang,
        dropped=len(src_lines) - len(kept),
    )


def from_pairs(pairs: list[tuple[str, str]], *, name: str = "<pairs>", source_lang: str = "ko", target_lang: str = "en") -> Corpus:
    """A corpus from sentence pairs in memory (tests, other tools)."""
    return Corpus(
        name=name,
        source=tuple(_clean(s) for s, _ in pairs),
        target=tuple(_clean(t) for _, t in pairs),
        lines=tuple(range(1, len(pairs) + 1)),
        source_lang=source_lang,
        target_lang=target_lang,
    )


def noise_lines(noise: str | Path | set[int] | None) -> set[int]:
    """1-based line numbers to leave out: a set, or a `noise.json` (every list in it)."""
    if noise is None:
        return set()
    if isinstance(noise, (set, frozenset)):
        return set(noise)
    data = json.loads(Path(noise).read_text(encoding="utf-8"))
    return {int(n) for value in data.values() if isinstance(value, list) for n in value}


def _read_lines(path: Path, lang: str | None = None) -> list[str]:
    """Lines split on "\\n" only: str.splitlines would also split on U+2028 and
    friends inside a line and shift the alignment. Decoded as articles are (a BOM,
    UTF-16, CP949 or EUC-KR for Korean), and refused as they are (binary: an
    InputError naming the file)."""
    from ..read import decode

    text, _ = decode(path.read_bytes(), str(path), lang=lang)
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [_clean(line) for line in lines]


def _check_languages(source, src_lines, source_lang, target, tgt_lines, target_lang) -> None:
    """InputError when a side is plainly not in its language (files swapped, say), as
    `compare` refuses such articles: every document would be refused as unrelated."""
    from types import SimpleNamespace

    from ..language import check_languages

    check_languages(*(
        SimpleNamespace(path=str(path), lang=lang, text="\n".join(lines[:200]))
        for path, lines, lang in ((source, src_lines, source_lang), (target, tgt_lines, target_lang))
    ))


def _clean(line: str) -> str:
    """One line, one sentence: collapse every kind of whitespace to single spaces."""
    return " ".join(line.split())
