"""The line-aligned corpus the speed and memory benchmarks read.

kpc-dev from ../shared/data by default; `--corpus jhe`, `--corpus FOLDER` (one
*.ko and one *.en file, as in ../shared/data) or `--corpus SRC TGT` (two files,
line i of one the translation of line i of the other) to measure on other articles. Lines are read as they are: no noise filtering, unlike the
evaluation harness, since speed does not depend on whether a pair is clean.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


class CorpusError(SystemExit):
    """A corpus a benchmark cannot read: one line on stderr and exit code 2, as the CLI
    answers bad input (a traceback or exit code 1 would read as a crash)."""

    def __init__(self, message: str) -> None:
        super().__init__(2)
        self.message = message
        print(f"{Path(sys.argv[0]).name}: error: {message}", file=sys.stderr)

    def __str__(self) -> str:
        return self.message


def add_corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus", nargs="+", default=["kpc"], metavar="NAME|SRC TGT",
        help="kpc or jhe (in ../shared/data), a folder with one *.ko and one *.en file, "
        "or a source and a target file (default: kpc)",
    )


def corpus_lines(choice: list[str]) -> tuple[list[str], list[str]] | None:
    """(source lines, target lines), or None when a named corpus is absent."""
    from provenance.evaluate.corpus import CorpusMissing, folder_paths, named_paths

    if len(choice) == 1 and Path(choice[0]).is_dir():
        try:
            src, tgt, _ = folder_paths(choice[0])
        except ValueError as exc:
            raise CorpusError(f"--corpus: {exc}") from None
    elif len(choice) == 1:
        try:
            src, tgt, *_ = named_paths(choice[0])
        except CorpusMissing:
            return None
        except KeyError:
            raise CorpusError(f"--corpus: {choice[0]!r} is not kpc, jhe or a folder; give a name, a folder or two files") from None
    elif len(choice) == 2:
        src, tgt = (Path(p) for p in choice)
    else:
        raise CorpusError("--corpus takes a name (kpc, jhe) or a source and a target file")
    source, target = (_lines(path) for path in (src, tgt))
    if len(source) != len(target):
        raise CorpusError(f"--corpus: {src} has {len(source)} lines but {tgt} has {len(target)}")
    return source, target


def _lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"--corpus: cannot read {path}: {exc}") from None
