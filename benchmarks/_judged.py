"""Corpus lines read by hand and judged to be real translation errors (benchmarks/judged/).

A flag on such a line is the checker being right about the corpus, so the
false-alarm figures and the lost-clause model's calibration leave them out of
the faithful pairs.
"""

from __future__ import annotations

import json
from pathlib import Path

JUDGED = Path(__file__).resolve().parent / "judged" / "kpc-dev-translation-errors.json"
#: corpus name -> its file of judged lines
JUDGED_FILES = {"kpc": JUDGED}


def judged_errors(path: Path = JUDGED) -> set[int]:
    """1-based lines judged to be real translation errors."""
    return {int(line) for line in json.loads(path.read_text(encoding="utf-8"))["translation_errors"]}


def judged_errors_of(corpus_name: str) -> set[int]:
    """The judged lines of a named corpus (none for a corpus no one has read)."""
    path = JUDGED_FILES.get(corpus_name)
    return judged_errors(path) if path is not None else set()
