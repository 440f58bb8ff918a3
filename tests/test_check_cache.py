"""The on-disk embedding cache: warm runs encode nothing, edits re-encode only themselves,
damage and concurrency are survived, and results do not change."""

from __future__ import annotations

import json
import multiprocessing
import sqlite3

import numpy as np
import pytest

from provenance.embed.cache import DB_NAME, CachedEncoder
from provenance.embed.hashing import HashingEncoder

from .conftest import FIXTURES

ARTICLE = [f"Sentence number {i} says something about topic {i * 7}." for i in range(12)]
OTHER = [f"다른 문장 {i}번은 주제 {i * 3}에 대해 말합니다." for i in range(9)]


class RunsEncoder:
    """A deterministic encoder with `embed_runs` that records every text it is asked for."""

    name = "fake"
    signature = "fake-runs-1"

    def __init__(self) -> None:
        self.model = HashingEncoder()
        self.asked: list[str] = []

    def encode(self, texts):
        self.asked.extend(texts)
        return self.model.encode(texts)

    def embed_runs(self, sides, max_run=2):
        self.asked.extend(t for side in sides for t in side)
        out = []
        for side in sides:
            runs = {}
            for k in range(1, max_run + 1):
                joined = [" ".join(side[i : i + k]) for i in range(max(0, len(side) - k + 1))]
                runs[k] = self.model.encode(joined) if joined else np.zeros((0, self.model.dim), np.float32)
            out.append(runs)
        return out


def cached(tmp_path, inner=None):
    inner = inner or RunsEncoder()
    return CachedEncoder(inner, tmp_path), inner


def test_a_warm_run_encodes_nothing_and_returns_the_same_vectors(tmp_path):
    cold, _ = cached(tmp_path)
    first = cold.embed_runs([ARTICLE, OTHER])
    warm, inner = cached(tmp_path)
    second = warm.embed_runs([ARTICLE, OTHER])
    assert inner.asked == []
    assert warm.misses == 0 and warm.hits > 0
    for a, b in zip(first, second):
        assert a.keys() == b.keys()
        for k in a:
            assert np.array_equal(a[k], b[k])


EDIT_CASES = [
    # (index edited, the stretch [start, end) encoded again: the sentence and the runs it is in)
    (0, (0, 2)),
    (5, (4, 7)),
    (11, (10, 12)),
]


@pytest.mark.parametrize("index, stretch", EDIT_CASES)
def test_an_edited_sentence_is_encoded_again_with_its_neighbours_only(tmp_path, index, stretch):
    cached(tmp_path)[0].embed_runs([ARTICLE, OTHER])
    edited = list(ARTICLE)
    edited[index] = "A completely new sentence."
    warm, inner = cached(tmp_path)
    runs = warm.embed_runs([edited, OTHER])[0]
    assert inner.asked == edited[stretch[0] : stretch[1]]
    fresh = RunsEncoder().embed_runs([edited])[0]
    for k in runs:  # the same vectors as encoding from scratch (to float16 precision)
        assert runs[k].shape == fresh[k].shape
        assert np.allclose(runs[k], fresh[k], atol=2e-3)


def test_encode_is_cached_too(tmp_path):
    cached(tmp_path)[0].encode(ARTICLE)
    warm, inner = cached(tmp_path)
    vectors = warm.encode(ARTICLE + ["new"])
    assert inner.asked == ["new"]
    assert vectors.shape == (len(ARTICLE) + 1, HashingEncoder().dim)


class PartsEncoder(RunsEncoder):
    """RunsEncoder that also composes parts (here: encodes their texts), counting the texts it composes."""

    def __init__(self) -> None:
        super().__init__()
        self.composed: list[str] = []

    def embed_parts(self, texts, parts):
        from provenance.embed import part_text

        self.composed.extend(texts)
        return [self.model.encode([part_text(t, spans) for spans in group]) for t, group in zip(texts, parts)]


PARTS = [[((0, 8),), ((9, 15),), ((0, 8), (16, 40))] for _ in ARTICLE[:3]]


def test_composed_parts_are_cached_and_a_warm_run_loads_no_model(tmp_path):
    cold, inner = cached(tmp_path, PartsEncoder())
    first = cold.embed_parts(ARTICLE[:3], PARTS)
    assert inner.composed == ARTICLE[:3]
    loads = []

    def load():
        loads.append(1)
        return PartsEncoder()

    warm = CachedEncoder(load, tmp_path, signature=RunsEncoder.signature)
    second = warm.embed_parts(ARTICLE[:3], PARTS)
    assert loads == [] and warm.misses == 0
    for a, b in zip(first, second):
        assert np.array_equal(a, b)
    third = warm.embed_parts(ARTICLE[:4], PARTS + [[((0, 8),)]])  # one new text: only it is composed
    assert loads == [1] and warm.inner.composed == ARTICLE[3:4] and third[3].shape == (1, HashingEncoder().dim)


def test_parts_of_an_encoder_that_cannot_compose_are_left_to_the_caller(tmp_path):
    encoder, inner = cached(tmp_path)  # RunsEncoder has no embed_parts
    assert encoder.embed_parts(ARTICLE[:2], PARTS[:2]) == [None, None]
    assert encoder.embed_parts([], []) == []
    assert inner.asked == []  # nor is the encoder asked for its width ("." once per call)


def test_a_lazy_encoder_is_not_loaded_when_everything_is_cached(tmp_path):
    cached(tmp_path)[0].embed_runs([ARTICLE])
    loads = []

    def load():
        loads.append(1)
        return RunsEncoder()

    warm = CachedEncoder(load, tmp_path, signature=RunsEncoder.signature)
    warm.embed_runs([ARTICLE])
    assert loads == [] and not warm.loaded
    warm.embed_runs([ARTICLE + ["one more"]])
    assert loads == [1] and warm.loaded


def test_another_encoder_signature_never_reads_these_vectors(tmp_path):
    cached(tmp_path)[0].embed_runs([ARTICLE])

    class Other(RunsEncoder):
        signature = "fake-runs-2"

    warm, inner = cached(tmp_path, Other())
    warm.embed_runs([ARTICLE])
    assert inner.asked == ARTICLE


CORRUPTIONS = [
    b"this is not a database at all" * 100,
    b"SQLite format 3\x00" + b"\xff" * 5000,
]


@pytest.mark.parametrize("garbage", CORRUPTIONS)
def test_a_corrupt_cache_is_rebuilt_with_a_warning(tmp_path, capsys, garbage):
    (tmp_path / DB_NAME).write_bytes(garbage)
    encoder, inner = cached(tmp_path)
    runs = encoder.embed_runs([ARTICLE])[0]
    assert runs[1].shape[0] == len(ARTICLE)
    assert "rebuilding" in capsys.readouterr().err
    with sqlite3.connect(tmp_path / DB_NAME) as conn:  # a valid database again, holding the vectors
        assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] > 0
    warm, inner = cached(tmp_path)
    warm.embed_runs([ARTICLE])
    assert inner.asked == []


def test_an_unusable_cache_directory_turns_the_cache_off_not_the_run(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    encoder, inner = cached(blocker / "cache")
    runs = encoder.embed_runs([ARTICLE])[0]
    assert runs[1].shape[0] == len(ARTICLE)
    assert "continuing without it" in capsys.readouterr().err


def _fill(directory: str, offset: int) -> int:
    encoder = CachedEncoder(RunsEncoder(), directory)
    for round_ in range(15):
        side = [f"worker {offset} round {round_} sentence {i}" for i in range(6)]
        encoder.embed_runs([side, ARTICLE])
    return offset


def test_concurrent_writers_share_one_cache(tmp_path):
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        assert sorted(pool.starmap(_fill, [(str(tmp_path), n) for n in range(3)])) == [0, 1, 2]
    warm, inner = cached(tmp_path)
    for offset in range(3):
        warm.embed_runs([[f"worker {offset} round {r} sentence {i}" for i in range(6)] for r in range(15)])
    assert inner.asked == []


# -- with the real encoder ----------------------------------------------------------------------
CASES = {case["id"]: case for case in json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))}


def _shape(report):
    beads = [(b.src, b.tgt, b.status.value, tuple(r.code for r in b.reasons)) for b in report.alignment]
    return beads, [(f.code, f.src, f.tgt) for f in report.findings]


@pytest.mark.model
@pytest.mark.parametrize("case_id", ["nk-workers/changed-numbers", "typhoon/merged-split", "economy-long/reordered"])
def test_float16_cache_leaves_alignment_and_findings_unchanged(tmp_path, encoder, case_id):
    from provenance.api import compare

    case = CASES[case_id]
    files = (FIXTURES / case["original"], FIXTURES / case["translation"])
    plain = _shape(compare(*files, encoder=encoder))
    cold = _shape(compare(*files, encoder=CachedEncoder(encoder, tmp_path)))
    warm_encoder = CachedEncoder(encoder, tmp_path)
    warm = _shape(compare(*files, encoder=warm_encoder))
    assert cold == plain
    assert warm == cold
    assert warm_encoder.misses == 0
