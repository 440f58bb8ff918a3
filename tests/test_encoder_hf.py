"""Local Hugging Face encoders, on a tiny model built inside the test run.

A SentencePiece tokenizer is trained on the fixture text and a 2-layer
XLM-RoBERTa with random weights is saved with `save_pretrained`; layouts
(plain, LaBSE-like, e5-like) are written around it and loaded through the
real backend. Outputs are checked against pooling computed by hand from the
raw model's token states, one text at a time (so no padding or batching).

Directory checks, batching and calibration fitting need no torch and always
run; the rest skips without the `transformers` extra.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

from provenance.calibrate import MIN_SPAN, PLACED, REFERENCE, SCALED, Anchors, calibrate, fit, reference_thresholds
from provenance.config import Settings, Thresholds
from provenance.embed.hf import is_local_model, length_batches, local_signature, read_layout
from provenance.errors import EncoderError, InputError
from provenance.types import Status

from .conftest import FIXTURES

HIDDEN = 32
DENSE_OUT = 16
MAX_TOKENS = 512  # tokenizer limit; positions allow 512 too (514 - pad offset 2)

TEXTS = [
    "북한 노동자 3천 명이 러시아로 떠났습니다.",
    "The typhoon reached the east coast on Tuesday.",
    "Prices rose 30 percent in a month, residents said.",
    "평양",
    "Officials refused to comment on the report, citing security concerns in the border region.",
    "",
]

# Line-aligned pairs for calibration: the "translation" is a light edit, so
# even random weights score a pair above a random match of two texts.
CALIBRATION_PAIRS = [
    ("북한 노동자 3천 명이 러시아로 갔습니다.", "북한 노동자 3천 명이 러시아로 갔어요 ."),
    ("The typhoon hit the east coast on Tuesday.", "The typhoon hit the east coast on Tuesday ."),
    ("2020년 9월 7일", "2020년 9월 7일 ."),
    ("Prices rose 30 percent in one month.", "Prices rose 30 percent in one month ."),
    ("주민들은 물과 식량이 부족하다고 말했습니다.", "주민들은 물과 식량이 부족하다고 말했어요 ."),
    ("Kim Jong Un visited the flooded area.", "Kim Jong Un visited the flooded area ."),
    ("$110 million", "$110 million ."),
    ("세관 당국은 단속을 강화했습니다.", "세관 당국은 단속을 강화했어요 ."),
    ("Officials refused to comment.", "Officials refused to comment ."),
    ("평양", "평양 ."),
    ("A ferry left Busan for Fukuoka at dawn.", "A ferry left Busan for Fukuoka at dawn ."),
    ("노동자들은 임금의 대부분을 국가에 바칩니다.", "노동자들은 임금의 대부분을 국가에 바쳐요 ."),
]


# -- the tiny model -------------------------------------------------------------
@pytest.fixture(scope="session")
def backend():
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    return torch, transformers


@pytest.fixture(scope="session")
def tiny_model(backend, tmp_path_factory) -> Path:
    """A plain transformers directory: config, random weights, tokenizer; no modules.json.

    SentencePiece trained on the fixture text (vocabulary 500 or more), a 2-layer
    XLM-RoBERTa of width 32, both saved with `save_pretrained`.
    """
    from benchmarks.encoder_hf import build_tiny_model

    dest = tmp_path_factory.mktemp("tiny") / "tiny-xlmr"
    return build_tiny_model(dest, hidden=HIDDEN, layers=2, vocab=500, max_tokens=MAX_TOKENS)


@pytest.fixture(scope="session")
def token_states(backend, tiny_model):
    """Token states of one text, straight from transformers: the hand computation's input."""
    torch, transformers = backend
    tokenizer = transformers.AutoTokenizer.from_pretrained(str(tiny_model), local_files_only=True)
    model = transformers.AutoModel.from_pretrained(str(tiny_model), local_files_only=True).eval()

    def states(text: str, max_length: int = MAX_TOKENS) -> np.ndarray:
        ids = tokenizer(text, truncation=True, max_length=max_length, return_tensors="pt")
        with torch.no_grad():
            return model(**ids).last_hidden_state[0].numpy()

    return states


def st_layout(
    base: Path, dest: Path, *, pooling: str, dense: bool = False, normalize: bool = True,
    old_format: bool = False, prompts: dict | None = None, max_seq_length: int | None = None,
) -> Path:
    """A sentence-transformers directory around the tiny model, in the new or the old format."""
    import torch

    shutil.copytree(base, dest)
    prefix = "sentence_transformers.models." if old_format else "sentence_transformers.base.modules."
    modules = [{"idx": 0, "name": "0", "path": "", "type": prefix + "Transformer"},
               {"idx": 1, "name": "1", "path": "1_Pooling", "type": prefix + "Pooling"}]
    if old_format:
        flags = {"cls": "pooling_mode_cls_token", "mean": "pooling_mode_mean_tokens", "max": "pooling_mode_max_tokens"}
        pool_config = {"word_embedding_dimension": HIDDEN, **{key: mode == pooling for mode, key in flags.items()}}
    else:
        pool_config = {"embedding_dimension": HIDDEN, "pooling_mode": pooling, "include_prompt": True}
    _write(dest / "1_Pooling/config.json", pool_config)
    if dense:
        modules.append({"idx": 2, "name": "2", "path": "2_Dense", "type": prefix + "Dense"})
        _write(dest / "2_Dense/config.json", {"in_features": HIDDEN, "out_features": DENSE_OUT, "bias": True,
                                              "activation_function": "torch.nn.modules.activation.Tanh"})
        torch.manual_seed(1)
        linear = torch.nn.Linear(HIDDEN, DENSE_OUT)
        state = {f"linear.{k}": v.detach().clone() for k, v in linear.state_dict().items()}
        if old_format:
            torch.save(state, dest / "2_Dense/pytorch_model.bin")
        else:
            from safetensors.torch import save_file

            save_file(state, str(dest / "2_Dense/model.safetensors"))
    if normalize:
        modules.append({"idx": len(modules), "name": str(len(modules)), "path": f"{len(modules)}_Normalize",
                        "type": prefix + "Normalize"})
    _write(dest / "modules.json", modules)
    if max_seq_length is not None:
        _write(dest / "sentence_bert_config.json", {"max_seq_length": max_seq_length, "do_lower_case": False})
    if prompts is not None:
        _write(dest / "config_sentence_transformers.json", {"prompts": prompts, "default_prompt_name": None})
    return dest


def _write(path: Path, data) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def _unit(rows: np.ndarray) -> np.ndarray:
    return rows / np.linalg.norm(rows, axis=-1, keepdims=True)


HAND_POOLING = {
    "cls": lambda h: h[0],
    "mean": lambda h: h.mean(axis=0),
    "max": lambda h: h.max(axis=0),
}


# -- plain model: shapes, norms, pooling, determinism ---------------------------
@pytest.mark.transformers
@pytest.mark.parametrize("pooling", sorted(HAND_POOLING))
def test_pooling_matches_hand_computation(tiny_model, token_states, pooling):
    from provenance.embed.hf import load_local_encoder

    encoder = load_local_encoder(tiny_model, pooling=pooling)
    got = encoder.encode(TEXTS)
    expected = _unit(np.stack([HAND_POOLING[pooling](token_states(t)) for t in TEXTS]))
    assert got.shape == (len(TEXTS), HIDDEN) and got.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(got, axis=1), 1.0, atol=1e-5)
    np.testing.assert_allclose(got, expected, atol=2e-5)
    assert encoder.signature.endswith(f"/{pooling}") and encoder.signature.startswith("hf:tiny-xlmr@")


@pytest.mark.transformers
def test_pooling_modes_differ(tiny_model):
    """Each mode is a different function of the same states (the test above could not tell otherwise)."""
    from provenance.embed.hf import load_local_encoder

    vectors = {mode: load_local_encoder(tiny_model, pooling=mode).encode(TEXTS[:3]) for mode in HAND_POOLING}
    for a in vectors:
        for b in vectors:
            if a < b:
                assert np.abs(vectors[a] - vectors[b]).max() > 0.05, (a, b)


@pytest.mark.transformers
def test_deterministic_across_calls_loads_and_batch_order(tiny_model):
    from provenance.embed.hf import load_local_encoder

    first = load_local_encoder(tiny_model)
    once = first.encode(TEXTS)
    np.testing.assert_array_equal(once, first.encode(TEXTS))
    again = load_local_encoder(tiny_model)
    assert again.signature == first.signature
    np.testing.assert_allclose(again.encode(TEXTS[::-1])[::-1], once, atol=1e-6)
    singles = np.concatenate([first.encode([text]) for text in TEXTS])
    np.testing.assert_allclose(singles, once, atol=2e-5)  # padding in a batch changes nothing


@pytest.mark.transformers
def test_loading_never_opens_a_connection(tiny_model, tmp_path, monkeypatch):
    import socket

    from provenance.embed.hf import load_local_encoder

    def refuse(*args, **kwargs):
        raise AssertionError(f"network access during loading: {args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    path = st_layout(tiny_model, tmp_path / "offline", pooling="mean", dense=True)
    assert load_local_encoder(path).encode(TEXTS[:2]).shape == (2, DENSE_OUT)


@pytest.mark.transformers
def test_threads_follow_the_setting(tiny_model, backend):
    from provenance.embed.hf import load_local_encoder

    torch, _ = backend
    encoder = load_local_encoder(tiny_model, threads=1)
    assert torch.get_num_threads() == encoder.threads == 1
    encoder.threads = 2
    assert torch.get_num_threads() == 2


@pytest.mark.transformers
def test_empty_input(tiny_model):
    from provenance.embed.hf import load_local_encoder

    assert load_local_encoder(tiny_model).encode([]).shape == (0, HIDDEN)


@pytest.mark.transformers
def test_signature_is_known_before_loading(tiny_model, tmp_path):
    from provenance.embed.hf import load_local_encoder

    path = st_layout(tiny_model, tmp_path / "labse-like", pooling="cls", dense=True)
    assert load_local_encoder(path).signature == local_signature(path)
    assert load_local_encoder(path, prefix="query: ").signature == local_signature(path, prefix="query: ")


SIGNATURE_CHANGES = [
    # (what changes in the directory, how)
    ("config.json", lambda root: (root / "config.json").write_text('{"hidden_size": 64}', encoding="utf-8")),
    ("weights size", lambda root: (root / "model.safetensors").write_text("{}{}", encoding="utf-8")),
    ("a new file", lambda root: (root / "sentencepiece.bpe.model").write_bytes(b"x")),
]


@pytest.mark.parametrize("what, change", SIGNATURE_CHANGES, ids=[c[0] for c in SIGNATURE_CHANGES])
def test_signature_tracks_the_files(tmp_path, what, change):
    root = _fake_model(tmp_path / "m")
    before = local_signature(root)
    assert local_signature(root) == before and before.startswith("hf:m@") and before.endswith("/mean")
    change(root)
    assert local_signature(root) != before
    assert local_signature(root, pooling="cls") != local_signature(root)


# -- sentence-transformers layouts ------------------------------------------------
@pytest.mark.transformers
@pytest.mark.parametrize("old_format", [False, True], ids=["st-new", "st-old"])
def test_labse_layout_cls_dense_tanh_normalize(tiny_model, token_states, tmp_path, old_format):
    from provenance.embed.hf import load_local_encoder

    path = st_layout(tiny_model, tmp_path / "labse-like", pooling="cls", dense=True, old_format=old_format)
    encoder = load_local_encoder(path)
    weights = _dense_weights(path)
    cls = np.stack([token_states(t)[0] for t in TEXTS])
    expected = _unit(np.tanh(cls @ weights["linear.weight"].T + weights["linear.bias"]))
    got = encoder.encode(TEXTS)
    assert got.shape == (len(TEXTS), DENSE_OUT)
    np.testing.assert_allclose(got, expected, atol=2e-5)
    assert encoder.signature.endswith("/cls+dense+norm")


def _dense_weights(path: Path) -> dict[str, np.ndarray]:
    folder = path / "2_Dense"
    if (folder / "model.safetensors").is_file():
        from safetensors.numpy import load_file

        return load_file(str(folder / "model.safetensors"))
    import torch

    return {k: v.numpy() for k, v in torch.load(folder / "pytorch_model.bin", weights_only=True).items()}


E5_CASES = [
    # (prefix option, prompts in config_sentence_transformers.json, prefix that must be applied)
    ("query: ", None, "query: "),
    (None, {"query": "query: ", "passage": "passage: "}, "query: "),
    ("", {"query": "query: "}, ""),  # an explicit empty prefix wins over the configuration
    (None, None, ""),
]


@pytest.mark.transformers
@pytest.mark.parametrize("option, prompts, applied", E5_CASES)
def test_e5_layout_mean_pooling_with_prefix(tiny_model, token_states, tmp_path, option, prompts, applied):
    from provenance.embed.hf import load_local_encoder

    path = st_layout(tiny_model, tmp_path / "e5-like", pooling="mean", prompts=prompts)
    encoder = load_local_encoder(path, prefix=option)
    expected = _unit(np.stack([token_states(applied + t).mean(axis=0) for t in TEXTS]))
    np.testing.assert_allclose(encoder.encode(TEXTS), expected, atol=2e-5)
    assert (f"prefix={applied!r}" in encoder.signature) == bool(applied)


@pytest.mark.transformers
def test_pooling_option_overrides_the_layout(tiny_model, token_states, tmp_path):
    from provenance.embed.hf import load_local_encoder

    path = st_layout(tiny_model, tmp_path / "st", pooling="cls")
    got = load_local_encoder(path, pooling="max").encode(TEXTS[:2])
    np.testing.assert_allclose(got, _unit(np.stack([token_states(t).max(axis=0) for t in TEXTS[:2]])), atol=2e-5)


# -- truncation ------------------------------------------------------------------
@pytest.mark.transformers
def test_long_texts_are_truncated_and_reported(tiny_model, token_states, tmp_path, caplog):
    from provenance.embed.hf import load_local_encoder

    path = st_layout(tiny_model, tmp_path / "short", pooling="mean", max_seq_length=24)
    encoder = load_local_encoder(path)
    long_text = " ".join(["North Korea sent more workers to Russia this year."] * 10)
    with caplog.at_level(logging.WARNING, logger="provenance.embed"):
        got = encoder.encode([TEXTS[3], long_text])
    assert encoder.max_length == 24
    assert [i for i, _ in encoder.last_truncated] == [1]
    assert encoder.last_truncated[0][1] > 24
    assert "1 of 2 texts are longer than 24 tokens" in caplog.text
    expected = _unit(token_states(long_text, max_length=24).mean(axis=0))
    np.testing.assert_allclose(got[1], expected, atol=2e-5)


@pytest.mark.transformers
def test_max_length_is_capped_by_the_position_table(tiny_model):
    from provenance.embed.hf import load_local_encoder

    assert load_local_encoder(tiny_model).max_length == MAX_TOKENS  # 514 positions - (pad 1 + 1)


# -- the whole pipeline ----------------------------------------------------------
@pytest.mark.transformers
def test_compare_runs_end_to_end_with_the_tiny_model(tiny_model, tmp_path, monkeypatch):
    from provenance.api import compare
    from provenance.embed.hf import load_local_encoder

    monkeypatch.setenv("PROVENANCE_CALIBRATION", str(tmp_path))  # no user calibration leaks in
    encoder = load_local_encoder(tiny_model)
    report = compare(FIXTURES / "nk-workers/ko.txt", FIXTURES / "nk-workers/en.txt",
                     encoder=encoder, settings=Settings(encoder=str(tiny_model)))
    for side, doc in (("src", report.source), ("tgt", report.target)):
        seen = sorted(i for bead in report.alignment for i in getattr(bead, side))
        assert seen == list(range(len(doc.sentences)))  # each sentence in exactly one bead
    assert all(isinstance(bead.status, Status) for bead in report.alignment)
    assert all(not bead.src or not bead.tgt or -1.0 <= bead.score <= 1.0 + 1e-6 for bead in report.alignment)
    assert report.signature["encoder"] == encoder.signature


# -- directory errors (no torch needed) -------------------------------------------
def _fake_model(root: Path, files=("config.json", "model.safetensors", "tokenizer.json")) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in files:
        (root / name).write_text("{}", encoding="utf-8")
    return root


ERROR_CASES = [
    # (files present, extra setup, options, message fragment)
    (("config.json", "tokenizer.json"), None, {}, "no model weights (model.safetensors or pytorch_model.bin)"),
    (("config.json", "pytorch_model.bin"), None, {}, "no tokenizer files"),
    (("model.safetensors", "tokenizer.json"), None, {}, "no config.json"),
    (("config.json", "model.safetensors", "tokenizer.json"), None, {"pooling": "median"}, "pooling 'median' is not supported"),
    (("config.json", "model.safetensors", "tokenizer.json"), "modules", {}, "module 'sentence_transformers.models.LSTM'"),
    (("config.json", "model.safetensors", "tokenizer.json"), "pooling", {}, "1_Pooling/config.json is missing"),
]


@pytest.mark.parametrize("files, extra, options, message", ERROR_CASES)
def test_directory_problems_are_one_line_errors(tmp_path, files, extra, options, message):
    root = _fake_model(tmp_path / "labse", files)
    if extra == "modules":
        _write(root / "modules.json", [{"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"},
                                       {"idx": 1, "path": "1_LSTM", "type": "sentence_transformers.models.LSTM"}])
    elif extra == "pooling":
        _write(root / "modules.json", [{"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"},
                                       {"idx": 1, "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}])
    with pytest.raises(EncoderError) as caught:
        read_layout(root, **options)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert str(root) in str(caught.value)


LOCAL_NAME_CASES = [
    # (encoder value, read as a model directory)
    ("use-m3", False),
    ("labse", False),  # a bare name that is no directory here: an unknown registry name
    ("models/labse", True),  # a path, even a missing one: "not a model directory"
    ("./labse", True),
    ("~/models/e5", True),
]


@pytest.mark.parametrize("name, local", LOCAL_NAME_CASES)
def test_which_encoder_values_are_model_directories(name, local):
    assert is_local_model(name) is local


def test_an_existing_directory_is_a_model_whatever_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "labse").mkdir()
    assert is_local_model("labse")


def test_the_default_path_never_imports_torch(tmp_path):
    """Reading a layout, calibrating and comparing with a registered encoder stay torch-free."""
    import subprocess

    root = _fake_model(tmp_path / "m")
    src, tgt = _corpus(tmp_path)
    code = (
        "import sys\n"
        "from provenance.embed.hf import local_signature\n"
        "from provenance.calibrate import calibrate\n"
        "from provenance.api import compare\n"
        f"local_signature({str(root)!r})\n"
        f"calibrate('hashing', {str(src)!r}, {str(tgt)!r}, out_dir={str(tmp_path / 'cal')!r})\n"
        f"compare({str(FIXTURES / 'nk-workers/ko.txt')!r}, {str(FIXTURES / 'nk-workers/en.txt')!r}, "
        "settings=__import__('provenance.config').config.Settings(encoder='hashing').with_thresholds(document_unrelated=0))\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    env = {**os.environ, "PROVENANCE_CALIBRATION": str(tmp_path / "cal")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=FIXTURES.parent, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


PROMPT_CASES = [
    # (include_prompt in the Pooling config, prefix option, error expected)
    (False, "query: ", True),
    (False, "", False),
    (True, "query: ", False),
]


@pytest.mark.parametrize("include_prompt, prefix, refused", PROMPT_CASES)
def test_pooling_without_the_prompt_is_refused_not_ignored(tmp_path, include_prompt, prefix, refused):
    root = _fake_model(tmp_path / "m")
    _write(root / "modules.json", [{"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"},
                                   {"idx": 1, "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}])
    _write(root / "1_Pooling/config.json", {"pooling_mode": "mean", "include_prompt": include_prompt})
    if refused:
        with pytest.raises(EncoderError, match="include_prompt"):
            read_layout(root, prefix=prefix)
    else:
        assert read_layout(root, prefix=prefix).prefix == prefix


def test_transformer_in_a_subfolder_as_old_releases_saved_it(tmp_path):
    root = tmp_path / "old"
    _fake_model(root / "0_BERT", ("config.json", "pytorch_model.bin", "vocab.txt"))
    _write(root / "0_BERT/sentence_bert_config.json", {"max_seq_length": 128, "do_lower_case": True})
    _write(root / "modules.json", [{"idx": 0, "path": "0_BERT", "type": "sentence_transformers.models.BERT"},
                                   {"idx": 1, "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"}])
    _write(root / "1_Pooling/config.json", {"word_embedding_dimension": 8, "pooling_mode_cls_token": True})
    layout = read_layout(root)
    assert (layout.model_dir, layout.pooling, layout.max_length, layout.lower_case) == (root / "0_BERT", ("cls",), 128, True)


def test_not_a_directory(tmp_path):
    with pytest.raises(EncoderError, match="not a model directory"):
        read_layout(tmp_path / "absent")


def test_missing_backend_names_the_extra(tmp_path, monkeypatch):
    from provenance.embed.hf import load_local_encoder

    root = _fake_model(tmp_path / "labse")
    monkeypatch.setitem(sys.modules, "transformers", None)  # import fails as if not installed
    with pytest.raises(EncoderError, match=r"is not installed: pip install 'translation-provenance\[transformers\]'"):
        load_local_encoder(root)


LAYOUT_CASES = [
    # (pooling config, pooling option, modes read)
    ({"embedding_dimension": 8, "pooling_mode": "cls"}, None, ("cls",)),
    ({"word_embedding_dimension": 8, "pooling_mode_mean_tokens": True}, None, ("mean",)),
    ({"word_embedding_dimension": 8, "pooling_mode_cls_token": True, "pooling_mode_max_tokens": True}, None, ("cls", "max")),
    ({"embedding_dimension": 8, "pooling_mode": "cls"}, "mean", ("mean",)),
]


@pytest.mark.parametrize("config, option, modes", LAYOUT_CASES)
def test_layout_reads_both_pooling_formats(tmp_path, config, option, modes):
    root = _fake_model(tmp_path / "m")
    _write(root / "modules.json", [{"idx": 0, "path": "", "type": "sentence_transformers.models.Transformer"},
                                   {"idx": 1, "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
                                   {"idx": 2, "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"}])
    _write(root / "1_Pooling/config.json", config)
    layout = read_layout(root, pooling=option)
    assert layout.pooling == modes and [s.kind for s in layout.steps] == ["normalize"]


# -- batching ---------------------------------------------------------------------
BATCH_CASES = [
    # (token lengths, budget, max batch)
    ([5, 50, 7, 49, 6, 8], 100, 128),
    ([10] * 30, 100, 4),
    ([300, 2, 2], 100, 128),  # one text over budget still gets its own batch
    ([], 100, 128),
]


@pytest.mark.parametrize("lengths, budget, max_batch", BATCH_CASES)
def test_length_batches_cover_each_text_once_within_budget(lengths, budget, max_batch):
    batches = list(length_batches(lengths, budget, max_batch))
    assert sorted(i for batch in batches for i in batch) == list(range(len(lengths)))
    for batch in batches:
        width = max(lengths[i] for i in batch)
        assert len(batch) <= max_batch and (len(batch) == 1 or len(batch) * width <= budget)
    order = [lengths[i] for batch in batches for i in batch]
    assert order == sorted(order, reverse=True)


# -- calibration --------------------------------------------------------------------
def test_fit_gives_back_the_defaults_for_the_reference_encoder():
    fitted, defaults = fit(REFERENCE).to_dict(), reference_thresholds().to_dict()
    for name in defaults:
        assert fitted[name] == pytest.approx(defaults[name], abs=1e-3), name


SHIFT_CASES = [
    # (anchors of a new encoder)
    Anchors(chance=0.15, faithful=0.85, pairs=100),  # LaBSE-like: wider span
    Anchors(chance=0.80, faithful=0.95, pairs=100),  # anisotropic: everything high
    Anchors(chance=-0.05, faithful=0.40, pairs=100),
]


@pytest.mark.parametrize("anchors", SHIFT_CASES)
def test_fit_keeps_each_threshold_in_its_place(anchors):
    base, fitted = Thresholds(), fit(anchors, Thresholds())
    for name in PLACED:
        position = (getattr(base, name) - REFERENCE.chance) / REFERENCE.span
        assert (getattr(fitted, name) - anchors.chance) / anchors.span == pytest.approx(position, abs=1e-3), name
    for name in SCALED:
        assert getattr(fitted, name) / getattr(base, name) == pytest.approx(anchors.span / REFERENCE.span, rel=1e-2)
    assert sorted(PLACED, key=lambda n: getattr(fitted, n)) == sorted(PLACED, key=lambda n: getattr(base, n))
    placed = [getattr(fitted, n) for n in PLACED]
    assert anchors.chance < min(placed) and max(placed) < anchors.faithful
    assert (fitted.margin, fitted.band) == (base.margin, base.band)


def test_fit_refuses_an_encoder_that_cannot_tell_translations_apart():
    with pytest.raises(EncoderError, match="does not separate translations"):
        fit(Anchors(chance=0.90, faithful=0.90 + MIN_SPAN / 2, pairs=100))


def _corpus(tmp_path: Path, pairs=CALIBRATION_PAIRS) -> tuple[Path, Path]:
    src, tgt = tmp_path / "corpus.src", tmp_path / "corpus.tgt"
    src.write_text("".join(s + "\n" for s, _ in pairs), encoding="utf-8")
    tgt.write_text("".join(t + "\n" for _, t in pairs), encoding="utf-8")
    return src, tgt


def test_calibrate_writes_a_file_the_checker_uses(tmp_path, monkeypatch):
    """With the model-free encoder: the calibrate → settings round trip, no torch."""
    from provenance.api import resolve_settings

    monkeypatch.setenv("PROVENANCE_CALIBRATION", str(tmp_path / "cal"))
    src, tgt = _corpus(tmp_path)
    path = calibrate("hashing", src, tgt, source_lang="xx", target_lang="yy")
    assert path == tmp_path / "cal" / "hashing" / "xx-yy.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    assert record["pairs"] == len(CALIBRATION_PAIRS) and record["encoder_signature"].startswith("hashing")
    settings = resolve_settings(Settings(encoder="hashing", source_lang="xx", target_lang="yy"))
    assert settings.thresholds.to_dict() == record["thresholds"] != Thresholds().to_dict()
    assert settings.calibration == "hashing/xx-yy.json"


def test_calibrate_refuses_corpora_it_cannot_use(tmp_path):
    src, tgt = _corpus(tmp_path, CALIBRATION_PAIRS[:3])
    with pytest.raises(InputError, match="at least 5 sentence pairs"):
        calibrate("hashing", src, tgt, out_dir=tmp_path)
    with pytest.raises(InputError, match="both files"):
        calibrate("hashing", src, None, out_dir=tmp_path)
    with pytest.raises(InputError, match="no such file"):
        calibrate("hashing", src, tmp_path / "absent.en", out_dir=tmp_path)
    (tmp_path / "full").mkdir()
    longer, _ = _corpus(tmp_path / "full")  # 12 lines against 3
    with pytest.raises(InputError, match="not a line-aligned parallel corpus"):
        calibrate("hashing", longer, tgt, out_dir=tmp_path)


@pytest.mark.transformers
def test_calibrate_a_local_model(tiny_model, tmp_path, monkeypatch):
    from provenance.api import resolve_settings

    monkeypatch.setenv("PROVENANCE_CALIBRATION", str(tmp_path / "unused"))
    src, tgt = _corpus(tmp_path)
    path = calibrate(str(tiny_model), src, tgt, source_lang="ko", target_lang="en", out_dir=tmp_path / "models")
    assert path == tmp_path / "models" / "tiny-xlmr" / "ko-en.json"
    record = json.loads(path.read_text(encoding="utf-8"))
    anchors = record["anchors"]
    assert anchors["faithful"] - anchors["chance"] >= MIN_SPAN
    assert anchors["chance"] < record["thresholds"]["unrelated"] < record["thresholds"]["drift"] < anchors["faithful"]
    assert record["encoder_signature"].startswith("hf:tiny-xlmr@")
    monkeypatch.setenv("PROVENANCE_CALIBRATION", str(tmp_path / "models"))
    settings = resolve_settings(Settings(encoder=str(tiny_model)))
    assert settings.thresholds.to_dict() == record["thresholds"]


@pytest.mark.model
@pytest.mark.data
def test_calibrating_the_default_encoder_on_kpc_gives_back_its_defaults(shared_data, tmp_path):
    path = calibrate("use-m3", out_dir=tmp_path)
    fitted = json.loads(path.read_text(encoding="utf-8"))["thresholds"]
    for name, value in reference_thresholds("ko", "en").to_dict().items():
        assert fitted[name] == pytest.approx(value, abs=0.01), name
