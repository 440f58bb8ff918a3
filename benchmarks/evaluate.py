#!/usr/bin/env python3
"""Evaluate the checker on test documents cut from a line-aligned parallel corpus.

    python benchmarks/evaluate.py --corpus kpc --docs 80 --seed 1 --mode full --json eval.json
    python benchmarks/evaluate.py --corpus path/to/src.ko path/to/tgt.en --aligner embedding
    python benchmarks/evaluate.py --corpus ../shared/data/kpc-test   # a folder: one *.ko, one *.en, a noise.json if any

Prints a table for people (the embedding aligner beside the Gale–Church
length-only floor, targets beside both) and writes JSON for machines. Same
options, same figures. Skips with a message when ../shared/data is absent.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

try:
    from provenance.evaluate.cli import main_eval
except ImportError:  # run from a checkout that is not installed
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from provenance.evaluate.cli import main_eval


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", nargs="+", default=["kpc"], metavar="NAME|FOLDER|SRC TGT",
                        help="kpc, jhe (in ../shared/data), a folder (one *.ko, one *.en, a noise.json if any), "
                        "a file stem (STEM.ko, STEM.en), or two files")
    parser.add_argument("--docs", type=int, default=80, help="documents, a quarter of them unperturbed (default 80)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mode", choices=("structural", "full"), default="full",
                        help="structural: merges, splits, drops, insertions only (issue #2); full: all kinds")
    parser.add_argument("--aligner", choices=("embedding", "length", "both"), default="both")
    parser.add_argument("--encoder", default="use-m3")
    parser.add_argument("--noise", help="noise.json of pairs to leave out (default: the one beside the corpus, if any)")
    parser.add_argument("--json", dest="json_path", metavar="PATH", help="write the figures as JSON here")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return main_eval(args.corpus, args.docs, args.seed, args.mode, args.aligner, args.json_path,
                     noise=args.noise, encoder=args.encoder)


if __name__ == "__main__":
    sys.exit(main())
