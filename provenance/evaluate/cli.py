"""`provenance eval` and `benchmarks/evaluate.py`: options in, table and JSON out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Sequence

from .corpus import NAMED, CorpusMissing, folder_paths, load_corpus, named_paths


def main_eval(
    corpus: str | Sequence[str],
    docs: int = 80,
    seed: int = 1,
    mode: str = "full",
    aligner: str = "both",
    json_path: str | None = None,
    *,
    noise: str | None = None,
    encoder: str = "use-m3",
    source_lang: str | None = None,
    target_lang: str | None = None,
) -> int:
    """Evaluate, print the table, write JSON; the exit code (0 also when the
    development data is absent: that is reported and skipped, not a failure)."""
    from ..errors import ProvenanceError
    from ..language import check_language_code
    from .run import evaluate_corpus

    if docs < 1:
        return _error("--docs must be at least 1")
    try:
        for lang, what in ((source_lang, "source language"), (target_lang, "target language")):
            if lang is not None:
                check_language_code(lang, what)
        loaded = resolve_corpus(corpus, noise, source_lang=source_lang, target_lang=target_lang)
    except ProvenanceError as exc:  # a file that is not text, or not in its language; a bad code
        return _error(str(exc))
    except CorpusMissing as exc:
        print(f"skipped: {exc}", file=sys.stderr)
        return 0
    except OSError as exc:
        return _error(f"{exc.filename or corpus}: {(exc.strerror or str(exc)).lower()}")
    except ValueError as exc:
        return _error(str(exc))
    try:
        result = evaluate_corpus(loaded, docs=docs, seed=seed, mode=mode, aligner=aligner, encoder=encoder)
    except ValueError as exc:
        return _error(str(exc))
    print(result.render_table())
    if json_path:
        try:
            Path(json_path).write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        except OSError as exc:
            return _error(f"{json_path}: cannot write the figures ({exc.strerror or exc})")
        print(f"\nJSON written to {json_path}")
    return 0


def _error(message: str) -> int:
    """One line on stderr, as the other commands say it; exit code 2."""
    print(f"provenance: error: {message}", file=sys.stderr)
    return 2


#: what `resolve_corpus` takes, for error messages
CORPUS_FORMS = "kpc, jhe, a folder with one *.ko and one *.en, a file stem STEM for STEM.ko + STEM.en, or two files"


def resolve_corpus(
    corpus: str | Sequence[str], noise: str | None = None, *, source_lang: str | None = None, target_lang: str | None = None
):
    """A corpus from a name ("kpc", "jhe"), a folder (one *.ko, one *.en, perhaps a
    noise.json), a file stem (STEM.ko + STEM.en) or two paths; two paths are Korean and
    English unless `source_lang` and `target_lang` say otherwise."""
    parts = [corpus] if isinstance(corpus, str) else list(corpus)
    langs = {"source_lang": source_lang or "ko", "target_lang": target_lang or "en"}
    if len(parts) == 1 and parts[0] in NAMED:
        src, tgt, named_noise, src_lang, tgt_lang = named_paths(parts[0])
        name = f"{parts[0]}-dev"
        return load_corpus(src, tgt, noise=noise or named_noise, source_lang=src_lang, target_lang=tgt_lang, name=name)
    if len(parts) == 1 and Path(parts[0]).is_dir():
        src, tgt, folder_noise = folder_paths(parts[0])
        return load_corpus(src, tgt, noise=noise or folder_noise, name=Path(parts[0]).resolve().name, **langs)
    if len(parts) == 1:
        stem = Path(parts[0])
        parts = [str(stem.with_name(f"{stem.name}.ko")), str(stem.with_name(f"{stem.name}.en"))]
        if not all(Path(p).is_file() for p in parts):
            raise ValueError(f"{stem}: no corpus there ({CORPUS_FORMS})")
    if len(parts) != 2:
        raise ValueError(f"a corpus is {CORPUS_FORMS}, not {len(parts)} paths")
    src, tgt = (Path(p) for p in parts)
    return load_corpus(src, tgt, noise=noise or _folder_noise(src, tgt), name=f"{src.name} + {tgt.name}", **langs)


def _folder_noise(src: Path, tgt: Path) -> Path | None:
    """The noise.json beside two files that are their folder's only corpus (a noise.json
    numbers the lines of one pair of files, so it is not guessed for anything else)."""
    try:
        found_src, found_tgt, noise = folder_paths(src.parent)
    except ValueError:
        return None
    same = found_src.resolve() == src.resolve() and found_tgt.resolve() == tgt.resolve()
    return noise if same else None
