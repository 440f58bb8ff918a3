"""Sentence embeddings behind a small interface.

An encoder turns texts into L2-normalised vectors. Encoders are found by name
through a registry of lazy import strings, so `import provenance` never pays
for numpy models, torch or transformers it does not use, and each is loaded at
most once per process.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, Sequence, runtime_checkable

from ..errors import EncoderError

if TYPE_CHECKING:
    import numpy as np

#: name -> "module:factory"; a factory takes no arguments and returns an Encoder.
REGISTRY: dict[str, str] = {
    "use-m3": "provenance.embed.use:UseEncoder",
    "hashing": "provenance.embed.hashing:HashingEncoder",
}

_LOADED: dict[tuple, "Encoder"] = {}


@runtime_checkable
class Encoder(Protocol):
    """What the pipeline needs from an encoder."""

    name: str

    @property
    def signature(self) -> str:
        """Name and revision, printed in every report."""

    def encode(self, texts: Sequence[str]) -> "np.ndarray":
        """(len(texts), dim) float32, rows L2-normalised."""


@dataclass
class SideEmbeddings:
    """Embeddings of one side: single sentences and runs of consecutive ones.

    `runs[k][i]` embeds sentences i .. i+k-1 read as one text, which is what a
    1-2 or 2-1 bead compares against (not an average of pair scores).
    """

    runs: dict[int, "np.ndarray"]
    texts: tuple[str, ...] = ()  # the sentences, for aligners that use lengths

    @property
    def single(self) -> "np.ndarray":
        return self.runs[1]

    def __len__(self) -> int:
        return len(self.runs[1])


def get_encoder(name: str = "use-m3", *, pooling: str | None = None, prefix: str | None = None) -> Encoder:
    """The encoder called `name` (or a local model directory), loaded once per process."""
    key = (name, pooling, prefix)
    if key not in _LOADED:
        _LOADED[key] = _load(name, pooling, prefix)
    return _LOADED[key]


def prefetch(name: str) -> None:
    """Start, on a thread, the slowest part of loading encoder `name` unless it is loaded:
    the default encoder's tokenizer (0.1 s). Called first thing by `provenance compare`."""
    if name == "use-m3" and not any(key[0] == name for key in _LOADED):
        from .background import prefetch_tokenizer

        prefetch_tokenizer()


def _load(name: str, pooling: str | None = None, prefix: str | None = None) -> Encoder:
    known = f"known: {', '.join(sorted(REGISTRY))}, or a model directory"
    if name not in REGISTRY:
        from .hf import is_local_model, load_local_encoder  # JSON only; torch loads in LocalEncoder()

        if not is_local_model(name):
            raise EncoderError(f"unknown encoder {name!r} ({known})")
        return load_local_encoder(os.path.expanduser(name), pooling=pooling, prefix=prefix)
    if pooling is not None or prefix is not None:
        raise EncoderError(f"--pooling and --prefix apply to local model directories, not to {name!r}")
    module_name, _, factory = REGISTRY[name].partition(":")
    return getattr(importlib.import_module(module_name), factory)()


def embed_sides(
    encoder: Encoder, source: Sequence[str], target: Sequence[str], max_run: int = 2
) -> tuple[SideEmbeddings, SideEmbeddings]:
    """Embed both sides in one batch, with runs of up to `max_run` sentences.

    Encoders that can compose runs from single-sentence work (the default one
    can) are asked to; others encode the joined texts.
    """
    embed_runs = getattr(encoder, "embed_runs", None)
    if embed_runs is not None:
        runs_src, runs_tgt = embed_runs([list(source), list(target)], max_run)
        return SideEmbeddings(runs_src, tuple(source)), SideEmbeddings(runs_tgt, tuple(target))
    texts: list[str] = []
    layout: list[tuple[int, int, int]] = []  # (side, k, count)
    for side, sentences in enumerate((source, target)):
        for k in range(1, max_run + 1):
            joined = [" ".join(sentences[i : i + k]) for i in range(max(0, len(sentences) - k + 1))]
            layout.append((side, k, len(joined)))
            texts.extend(joined)
    vectors = encoder.encode(texts)
    sides: list[dict[int, np.ndarray]] = [{}, {}]
    offset = 0
    for side, k, count in layout:
        sides[side][k] = vectors[offset : offset + count]
        offset += count
    return SideEmbeddings(sides[0], tuple(source)), SideEmbeddings(sides[1], tuple(target))


def vectors_for(encoder: Encoder, texts: Sequence[str], known: dict[str, "np.ndarray"]) -> "np.ndarray":
    """Vectors of `texts`: those in `known` (what the pipeline has already embedded) as they
    are, the rest encoded in one batch, each distinct text once."""
    import numpy as np

    missing = sorted({text for text in texts if text not in known})
    fresh = dict(zip(missing, np.asarray(encoder.encode(missing), dtype=np.float32))) if missing else {}
    return np.stack([known[t] if t in known else fresh[t] for t in texts]) if texts else np.zeros((0, 0), np.float32)


def embed_parts(
    encoder: Encoder, texts: Sequence[str], parts: Sequence[Sequence[Sequence[tuple[int, int]]]]
) -> list["np.ndarray"]:
    """Embeddings of parts of each text, a part being character spans (at word starts) read as one text.

    Encoders that can compose a part from the whole text's forward pass (the
    default one can) are asked to; the rest encode each part as a text.
    """
    compose = getattr(encoder, "embed_parts", None)
    out = list(compose(texts, parts)) if compose is not None else [None] * len(texts)
    todo = [k for k, vectors in enumerate(out) if vectors is None]
    if todo:
        part_texts = [[part_text(texts[k], spans) for spans in parts[k]] for k in todo]
        vectors = encoder.encode([t for group in part_texts for t in group])
        offset = 0
        for k, group in zip(todo, part_texts):
            out[k] = vectors[offset : offset + len(group)]
            offset += len(group)
    return out


def part_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text of a part: its spans, stripped and joined by a space."""
    return " ".join(piece for piece in (text[a:b].strip() for a, b in spans) if piece)
