"""Find the (original, translation) pairs of a repository.

Two ways, used together: a manifest of paths or glob patterns in the
configuration, and naming conventions that need no configuration:

* a language before the extension: `story.ko.md` ↔ `story.en.md` (also
  `ko.txt` ↔ `en.txt` in one folder);
* a folder named after the language: `ko/story.txt` ↔ `en/story.txt` (the
  deepest such folder is the one swapped).

A file whose counterpart does not exist still makes a pair; the missing half
is reported as a finding, so a translation nobody wrote is not silently skipped.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import ConfigError, InputError
from .config import CheckConfig, PairSpec

#: folders never entered (besides hidden ones): tool caches and installs
SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "site-packages"})

_WILDCARD = re.compile(r"\*\*/|\*\*|\*|\?")


@dataclass(frozen=True, order=True)
class Pair:
    """Two files as paths relative to the root (POSIX separators), as reported."""

    translation: str
    original: str
    found_by: str = field(default="manifest", compare=False)  # "manifest", "name" or "folder"

    def paths(self, root: Path) -> tuple[Path, Path]:
        return root / self.original, root / self.translation


def discover(config: CheckConfig, paths: Sequence[Path] = ()) -> list[Pair]:
    """Every pair under `config.root`, narrowed to those touching `paths` if given."""
    files = list_files(config.root, config.ignore)
    pairs: dict[tuple[str, str], Pair] = {}
    claimed: set[str] = set()
    for spec in config.pairs:
        for pair in _manifest_pairs(spec, files, config):
            pairs.setdefault((pair.original, pair.translation), pair)
            claimed.update((pair.original, pair.translation))
    if config.conventions:
        for pair in _convention_pairs(files, claimed, config):
            pairs.setdefault((pair.original, pair.translation), pair)
    found = sorted(pairs.values())
    return select(found, paths, config.root) if paths else found


def select(pairs: Iterable[Pair], paths: Sequence[Path], root: Path) -> list[Pair]:
    """The pairs with a file at or under one of `paths` (which must exist)."""
    targets = []
    for path in paths:
        if not path.exists():
            raise InputError(str(path), "no such file or directory")
        targets.append(path.resolve())
    root = root.resolve()

    def touches(pair: Pair) -> bool:
        files = [p.resolve() for p in pair.paths(root)]
        return any(f == t or t in f.parents for f in files for t in targets)

    return [pair for pair in pairs if touches(pair)]


# -- walking -------------------------------------------------------------------------
def list_files(root: Path, ignore: Sequence[str] = ()) -> list[str]:
    """Files under `root` as relative POSIX paths, sorted; hidden and ignored ones left out."""
    matchers = [_ignore_matcher(p) for p in ignore]
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath).relative_to(root).as_posix()
        base = "" if base == "." else base + "/"
        dirnames[:] = sorted(
            d
            for d in dirnames
            if not d.startswith(".") and d not in SKIPPED_DIRS and not _ignored(base + d, matchers)
        )
        out.extend(base + f for f in sorted(filenames) if not f.startswith(".") and not _ignored(base + f, matchers))
    return out


def _ignore_matcher(pattern: str):
    """Like .gitignore: a pattern without "/" matches a name at any depth, else a path from the root."""
    pattern = pattern.rstrip("/")
    if "/" not in pattern:
        return lambda rel: any(fnmatchcase(part, pattern) for part in rel.split("/"))
    regex = _glob_regex(pattern.lstrip("/"))[0]
    return lambda rel: regex.fullmatch(rel) is not None


def _ignored(rel: str, matchers) -> bool:
    return any(match(rel) for match in matchers)


# -- manifest ---------------------------------------------------------------------------
def check_patterns(spec: PairSpec, where: str) -> None:
    """Both patterns must use the same wildcards in the same order."""
    original, translation = _wildcards(spec.original), _wildcards(spec.translation)
    if original != translation:
        raise ConfigError(
            f"{where}: {spec.original!r} and {spec.translation!r} must use the same wildcards "
            f"in the same order ({' '.join(original) or 'none'} vs {' '.join(translation) or 'none'})"
        )


def _manifest_pairs(spec: PairSpec, files: list[str], config: CheckConfig) -> list[Pair]:
    original, translation = (posixpath.normpath(p.lstrip("/")) for p in (spec.original, spec.translation))
    if not _wildcards(original):
        return [Pair(translation, original, "manifest")]
    out = []
    from_original, _ = _glob_regex(original)
    from_translation, _ = _glob_regex(translation)
    for rel in files:
        match = from_original.fullmatch(rel)
        if match:
            out.append(Pair(_fill(translation, match.groups()), rel, "manifest"))
        match = from_translation.fullmatch(rel)
        if match:
            out.append(Pair(rel, _fill(original, match.groups()), "manifest"))
    return out


def _wildcards(pattern: str) -> list[str]:
    return _WILDCARD.findall(pattern)


def _glob_regex(pattern: str) -> tuple[re.Pattern[str], int]:
    """A regex for a glob, one group per wildcard: ** crosses folders, * and ? do not."""
    out, count, cursor = [], 0, 0
    for match in _WILDCARD.finditer(pattern):
        out.append(re.escape(pattern[cursor : match.start()]))
        token = match.group()
        out.append({"**/": "((?:[^/]+/)*)", "**": "(.*)", "*": "([^/]*)", "?": "([^/])"}[token])
        count += 1
        cursor = match.end()
    out.append(re.escape(pattern[cursor:]))
    return re.compile("".join(out)), count


def _fill(pattern: str, values: Sequence[str]) -> str:
    parts = iter(values)
    return _WILDCARD.sub(lambda _: next(parts), pattern)


# -- conventions --------------------------------------------------------------------------
def _convention_pairs(files: list[str], claimed: set[str], config: CheckConfig) -> list[Pair]:
    source, target = config.settings.source_lang, config.settings.target_lang
    if source == target:
        return []
    extensions = tuple(e.lower() for e in config.extensions)
    out = []
    for rel in files:
        if rel in claimed or not rel.lower().endswith(extensions):
            continue
        hit = counterpart(rel, source, target)
        if hit is None:
            continue
        lang, other, how = hit
        out.append(Pair(other, rel, how) if lang == source else Pair(rel, other, how))
    return out


def counterpart(rel: str, source: str, target: str) -> tuple[str, str, str] | None:
    """(language of `rel`, the other half's path, which convention) or None."""
    swap = {source: target, target: source}
    parts = rel.split("/")
    pieces = parts[-1].split(".")
    if len(pieces) >= 2 and pieces[-2] in swap:
        lang = pieces[-2]
        pieces[-2] = swap[lang]
        return lang, "/".join([*parts[:-1], ".".join(pieces)]), "name"
    for index in range(len(parts) - 2, -1, -1):
        if parts[index] in swap:
            lang = parts[index]
            return lang, "/".join([*parts[:index], swap[lang], *parts[index + 1 :]]), "folder"
    return None
