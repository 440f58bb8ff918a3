"""Fit the thresholds for one encoder: `provenance calibrate --encoder PATH`.

The defaults in `config.Thresholds` were tuned by hand for the default
encoder. Another encoder puts translations and non-translations at other
similarities (a model with anisotropic output scores every pair above 0.8),
so the same numbers would mean something else. Each similarity threshold therefore keeps its *place*
between two anchors measured on the encoder's own output over a parallel
corpus:

* chance: the median similarity of random non-translation pairs;
* faithful: the median similarity of translation pairs.

A threshold at position p = (t - chance) / (faithful - chance) for the
default encoder (its calibration shipped in `models/use-m3/` for the pair,
else the defaults) gets the same p for the new one; thresholds that are
differences of similarities (merge penalty, per-sentence evidence) scale
with faithful - chance. Medians are used because they are stable on a few
hundred pairs, where the tails the thresholds sit in are not; calibrating
the default encoder on kpc-dev gives back its defaults.
"""

from __future__ import annotations

import dataclasses
import datetime
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from .calibration import SHIPPED, encoder_key, user_dir, write_calibration
from .config import Settings, Thresholds
from .errors import EncoderError, InputError, ProvenanceError

#: Thresholds that are similarities, placed between the anchors.
PLACED = ("unrelated", "drift", "link", "chance_similarity", "added_clause")
#: Thresholds that are differences of similarities, scaled by the span.
SCALED = ("merge_penalty", "document_unrelated", "flipped_clause")
#: Fewer pairs than this give anchors too unstable to fit anything.
MIN_PAIRS = 5
#: Below this span the encoder does not tell translations from random pairs.
MIN_SPAN = 0.05
#: Random pairs per sentence pair (shifted rows), enough for a stable median.
RANDOM_SHIFTS = 20


@dataclass(frozen=True)
class Anchors:
    """Where an encoder puts random pairs and translations, on one corpus."""

    chance: float
    faithful: float
    pairs: int

    @property
    def span(self) -> float:
        return self.faithful - self.chance

    def to_dict(self) -> dict[str, float]:
        return {"chance": round(self.chance, 4), "faithful": round(self.faithful, 4), "pairs": self.pairs}


REFERENCE_ENCODER = "use-m3"
#: The default encoder (use-m3 0.2.1) on kpc-dev, noisy pairs left out:
#: `python -m provenance.calibrate --encoder use-m3` reports them.
REFERENCE = Anchors(chance=0.0503, faithful=0.6306, pairs=961)


def measure(encoder: Any, source: Sequence[str], target: Sequence[str], *, seed: int = 0) -> Anchors:
    """Median similarity of translation pairs and of random non-translation pairs.

    Random pairs are the rows of the target shifted by up to RANDOM_SHIFTS
    offsets (all of them for a small corpus), so their cost is linear.
    """
    n = len(source)
    if n != len(target):
        raise ValueError(f"{n} source sentences but {len(target)} target sentences")
    vectors = encoder.encode(list(source) + list(target))
    src, tgt = vectors[:n], vectors[n:]
    faithful = np.einsum("ij,ij->i", src, tgt)
    shifts = np.arange(1, n)
    if len(shifts) > RANDOM_SHIFTS:
        shifts = np.sort(np.random.default_rng(seed).choice(shifts, RANDOM_SHIFTS, replace=False))
    chance = np.concatenate([np.einsum("ij,ij->i", src, np.roll(tgt, -int(s), axis=0)) for s in shifts])
    return Anchors(chance=float(np.median(chance)), faithful=float(np.median(faithful)), pairs=n)


def reference_thresholds(source_lang: str = "ko", target_lang: str = "en") -> Thresholds:
    """What the default encoder runs with for this pair: its shipped calibration, else the defaults."""
    import json

    path = SHIPPED / REFERENCE_ENCODER / f"{source_lang}-{target_lang}.json"
    if not path.is_file():
        return Thresholds()
    fitted = json.loads(path.read_text(encoding="utf-8"))["thresholds"]
    return dataclasses.replace(Thresholds(), **fitted)


def fit(anchors: Anchors, base: Thresholds | None = None, reference: Anchors = REFERENCE) -> Thresholds:
    """Thresholds for an encoder with these anchors, keeping each of `base`'s places."""
    base = base or reference_thresholds()
    if anchors.span < MIN_SPAN:
        raise EncoderError(
            f"the encoder does not separate translations from random pairs on this corpus "
            f"(median similarity {anchors.faithful:.3f} vs {anchors.chance:.3f}): not calibrated"
        )
    scale = anchors.span / reference.span
    changes: dict[str, float] = {}
    for name in PLACED:
        position = (getattr(base, name) - reference.chance) / reference.span
        changes[name] = round(float(np.clip(anchors.chance + position * anchors.span, -1.0, 1.0)), 4)
    for name in SCALED:
        changes[name] = round(getattr(base, name) * scale, 4)
    return dataclasses.replace(base, **changes)


def calibrate(
    encoder_name_or_path: str,
    source_file: str | Path | None = None,
    target_file: str | Path | None = None,
    *,
    source_lang: str = "ko",
    target_lang: str = "en",
    noise: str | Path | None = None,
    out_dir: str | Path | None = None,
    pooling: str | None = None,
    prefix: str | None = None,
    encoder: Any = None,
) -> Path:
    """Measure the encoder on a parallel corpus, write its thresholds, return the file.

    The corpus is two line-aligned files (line i translates line i), kpc-dev
    from ../shared/data when none is given. The file goes to
    `<out_dir or the user's calibration directory>/<encoder>/<src>-<tgt>.json`,
    where the checker finds it for runs with the same `--encoder`.
    """
    from .evaluate.corpus import load_corpus

    source_file, target_file, noise = _corpus_files(source_file, target_file, noise)
    try:
        corpus = load_corpus(source_file, target_file, noise=noise, source_lang=source_lang, target_lang=target_lang)
    except (ValueError, UnicodeDecodeError) as exc:  # unequal line counts, not UTF-8
        raise InputError(str(source_file), f"not a line-aligned parallel corpus ({exc})") from None
    if len(corpus) < MIN_PAIRS:
        raise InputError(str(source_file), f"needs at least {MIN_PAIRS} sentence pairs to calibrate, found {len(corpus)}")
    encoder = encoder if encoder is not None else _encoder(encoder_name_or_path, pooling, prefix)
    anchors = measure(encoder, corpus.source, corpus.target)
    thresholds = fit(anchors, reference_thresholds(source_lang, target_lang))
    settings = Settings(source_lang=source_lang, target_lang=target_lang, encoder=str(encoder_name_or_path))
    path = Path(out_dir or user_dir()) / encoder_key(str(encoder_name_or_path)) / f"{source_lang}-{target_lang}.json"
    write_calibration(path, settings, thresholds, _provenance(encoder, corpus, anchors, pooling, prefix))
    _forget_loaded()
    return path


def summary(path: Path) -> str:
    """One line for the command to print: where, which anchors, which thresholds."""
    import json

    record = json.loads(path.read_text(encoding="utf-8"))
    anchors = record.get("anchors", {})
    fitted = ", ".join(f"{k}={record['thresholds'][k]:g}" for k in PLACED + SCALED)
    return (
        f"{path}: {record.get('pairs', '?')} pairs, translations {anchors.get('faithful', 0):.3f} "
        f"vs random {anchors.get('chance', 0):.3f}; {fitted}"
    )


def _corpus_files(source_file, target_file, noise) -> tuple[Path, Path, Any]:
    if (source_file is None) != (target_file is None):
        raise InputError(str(source_file or target_file), "give both files of the parallel corpus, or neither")
    if source_file is not None:
        for path in (Path(source_file), Path(target_file)):
            if not path.is_file():
                raise InputError(str(path), "no such file")
        return Path(source_file), Path(target_file), noise
    from .evaluate.corpus import CorpusMissing, named_paths

    try:
        src, tgt, named_noise, _, _ = named_paths("kpc")
    except CorpusMissing as exc:
        raise InputError("../shared/data", f"no corpus given and the development data is absent ({exc})") from None
    return src, tgt, noise if noise is not None else named_noise


def _encoder(name: str, pooling: str | None, prefix: str | None) -> Any:
    from .embed import REGISTRY, get_encoder
    from .embed.hf import is_local_model, load_local_encoder

    if name not in REGISTRY and is_local_model(name):
        return load_local_encoder(os.path.expanduser(name), pooling=pooling, prefix=prefix)
    if pooling is not None or prefix is not None:
        raise EncoderError(f"--pooling and --prefix apply to local model directories, not to {name!r}")
    return get_encoder(name)


def _provenance(encoder: Any, corpus: Any, anchors: Anchors, pooling: str | None, prefix: str | None) -> dict:
    record: dict[str, Any] = {
        "encoder_signature": encoder.signature,
        "corpus": corpus.name,
        "pairs": len(corpus),
        "anchors": anchors.to_dict(),
        "reference": {"encoder": REFERENCE_ENCODER, **REFERENCE.to_dict()},
        "method": "each threshold keeps its place between the median similarity of random pairs "
        "and of translation pairs (provenance/calibrate.py)",
        "date": datetime.date.today().isoformat(),
    }
    if pooling is not None:
        record["pooling"] = pooling
    if prefix is not None:
        record["prefix"] = prefix
    return record


def _forget_loaded() -> None:
    """A later run in this process reads the file just written, not a cached older one."""
    from . import calibration

    calibration._load.cache_clear()


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m provenance.calibrate --encoder NAME_OR_PATH [SOURCE TARGET]` until the CLI has it."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m provenance.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("--encoder", default="use-m3")
    parser.add_argument("files", nargs="*", metavar="FILE", help="source and target corpus files (default: kpc-dev)")
    parser.add_argument("--source-lang", "-s", default="ko")
    parser.add_argument("--target-lang", "-t", default="en")
    parser.add_argument("--pooling", choices=("cls", "mean", "max"))
    parser.add_argument("--prefix")
    parser.add_argument("--out-dir", help="default: the user's calibration directory")
    args = parser.parse_args(argv)
    if len(args.files) not in (0, 2):
        parser.error("give two corpus files (source, target) or none")
    files = args.files or [None, None]
    try:
        path = calibrate(
            args.encoder, files[0], files[1], source_lang=args.source_lang, target_lang=args.target_lang,
            out_dir=args.out_dir, pooling=args.pooling, prefix=args.prefix,
        )
    except ProvenanceError as exc:
        print(f"provenance: error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(summary(path))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
