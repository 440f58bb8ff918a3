"""Any local Hugging Face encoder: a sentence-transformers directory or a plain model.

Newsrooms working from languages the default encoder does not cover, or
wanting a bitext encoder such as LaBSE, point `--encoder` at a model they
already have on disk. Two layouts are read:

* sentence-transformers: `modules.json` lists a Transformer, a Pooling
  (`1_Pooling/config.json`), optional Dense layers (`2_Dense/`) and
  Normalize, in order. LaBSE is CLS + Dense(tanh) + Normalize;
  multilingual-e5 is mean pooling + Normalize and wants a text prefix.
* a plain transformers model (`config.json`, weights, tokenizer files),
  pooled as asked (`cls`, `mean` or `max`; mean by default).

The directory is checked before torch is imported, so a missing file is a
one-line error in milliseconds; no hub is ever contacted. Output rows are
always L2-normalised (the aligner compares unit vectors), whether or not the
model ends in Normalize. The layout is read with the json module only; torch
and transformers are imported in the encoder's constructor, never by
`import provenance`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Sequence

import numpy as np

from ..errors import EncoderError
from .use import default_threads

log = logging.getLogger("provenance.embed")

#: Pooling modes a plain model may be given (`--pooling`).
POOLINGS = ("cls", "mean", "max")
#: Also accepted when a sentence-transformers configuration asks for them.
_ST_POOLINGS = POOLINGS + ("mean_sqrt_len_tokens", "lasttoken")
DEFAULT_POOLING = "mean"

WEIGHT_FILES = (
    "model.safetensors",
    "model.safetensors.index.json",
    "pytorch_model.bin",
    "pytorch_model.bin.index.json",
)
TOKENIZER_FILES = (
    "tokenizer.json",
    "sentencepiece.bpe.model",
    "spiece.model",
    "tokenizer.model",
    "vocab.txt",
    "vocab.json",
)
_DENSE_WEIGHTS = ("model.safetensors", "pytorch_model.bin")
#: sentence-transformers module types that wrap a transformers model (old releases named them per family).
_TRANSFORMER_KINDS = {"Transformer", "BERT", "RoBERTa", "XLMRoBERTa", "DistilBERT", "CamemBERT", "ALBERT"}
_INSTALL = "pip install 'translation-provenance[transformers]'"

#: Padded tokens per forward pass: bounds activation memory, keeps batches full.
TOKEN_BUDGET = 8192
MAX_BATCH = 128


@dataclass(frozen=True)
class Step:
    """One module after pooling: a Dense layer (its directory) or Normalize."""

    kind: str  # "dense" | "normalize"
    path: Path | None = None


@dataclass(frozen=True)
class Layout:
    """What a model directory asks for, read from its files without torch."""

    root: Path
    model_dir: Path  # config.json, weights and tokenizer (a sentence-transformers "path")
    pooling: tuple[str, ...]
    steps: tuple[Step, ...] = ()
    prefix: str = ""
    max_length: int | None = None  # sentence_bert_config.json max_seq_length
    lower_case: bool = False
    sentence_transformers: bool = False
    include_prompt: bool = True  # Pooling's include_prompt: False would pool without the prefix's tokens

    def describe(self) -> str:
        """Pooling and head, as short as a signature wants: `cls+dense+norm`."""
        parts = ["+".join(self.pooling)] + ["norm" if s.kind == "normalize" else "dense" for s in self.steps]
        return "+".join(parts)


def load_local_encoder(
    path: str | os.PathLike[str],
    *,
    pooling: str | None = None,
    prefix: str | None = None,
    device: str | None = None,
    threads: int | None = None,
) -> "LocalEncoder":
    """The encoder in model directory `path`.

    `pooling` and `prefix` override what a sentence-transformers layout says;
    for a plain model they default to mean pooling and no prefix. `device`
    defaults to a GPU when there is one; `threads` to the cores available.
    """
    return LocalEncoder(read_layout(path, pooling=pooling, prefix=prefix), device=device, threads=threads)


def is_local_model(name: str) -> bool:
    """Whether an `--encoder` value means a model directory: it is one, or it looks
    like a path (so a mistyped path says "not a model directory", not "unknown encoder")."""
    seps = {os.sep, os.altsep} - {None}
    return os.path.isdir(name) or any(sep in name for sep in seps) or name.startswith(("~", "."))


def local_signature(path: str | os.PathLike[str], *, pooling: str | None = None, prefix: str | None = None) -> str:
    """The signature an encoder for `path` will have, without importing torch (for caches)."""
    return signature(read_layout(path, pooling=pooling, prefix=prefix))


def signature(layout: Layout) -> str:
    """`hf:<directory>@<digest>/<pooling and head>[/prefix='…']`: what changes the vectors."""
    prefix = f"/prefix={layout.prefix!r}" if layout.prefix else ""
    return f"hf:{layout.root.resolve().name}@{_digest(layout)}/{layout.describe()}{prefix}"


def read_layout(path: str | os.PathLike[str], *, pooling: str | None = None, prefix: str | None = None) -> Layout:
    """Check the directory and read its layout; raise EncoderError naming what is missing."""
    root = Path(path)
    if not root.is_dir():
        raise EncoderError(f"{path}: not a model directory")
    modules = _read_json(root / "modules.json", root) if (root / "modules.json").is_file() else None
    if modules is None:
        layout = Layout(root=root, model_dir=root, pooling=_pooling_modes(pooling or DEFAULT_POOLING, POOLINGS, root))
    else:
        layout = _st_layout(root, modules, pooling)
    _require_model_files(layout.model_dir, root)
    if prefix is not None:
        layout = dataclasses.replace(layout, prefix=prefix)
    if layout.prefix and not layout.include_prompt:
        raise EncoderError(
            f"{root}: its Pooling leaves the prompt out (include_prompt: false), which is not supported; "
            "run it with an empty prefix or pool it with --pooling"
        )
    return layout


class LocalEncoder:
    """A transformers model plus pooling and head, run in inference mode.

    Texts are sorted by token length and cut into batches of about
    TOKEN_BUDGET padded tokens, so little time goes to padding; texts over
    the model's maximum length are truncated, and reported.
    """

    def __init__(self, layout: Layout, *, device: str | None = None, threads: int | None = None) -> None:
        torch, transformers = _import_backend(layout.root)
        self.layout = layout
        self.name = layout.root.resolve().name
        self._torch = torch
        self.device = device or ("cuda" if torch.cuda.is_available() else "cpu")
        self.threads = threads or default_threads()
        with _quiet(transformers):
            self._tokenizer, self._model, config = _load_model(layout, transformers, torch, self.device)
        self._head = [_load_step(step, torch, self.device) for step in layout.steps]
        self.max_length = _max_length(layout, self._tokenizer, config)
        self.dim = _output_dim(config.hidden_size, layout, self._head)
        self._signature = signature(layout)
        self.last_truncated: tuple[tuple[int, int], ...] = ()  # (text index, its token count)

    @property
    def signature(self) -> str:
        return self._signature

    @property
    def threads(self) -> int:
        return self._torch.get_num_threads()

    @threads.setter
    def threads(self, value: int) -> None:
        """Torch's intra-op threads (process-wide): a parallel runner sets each worker's share."""
        self._torch.set_num_threads(max(1, int(value)))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), dim) float32, rows L2-normalised."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            self.last_truncated = ()
            return out
        ids = self.tokenize(texts)
        torch = self._torch
        with torch.inference_mode():
            for batch in length_batches([len(row) for row in ids], TOKEN_BUDGET, MAX_BATCH):
                out[batch] = self._forward([ids[i] for i in batch]).cpu().numpy()
        return out

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids with special tokens, cut at max_length; `last_truncated` says which were cut."""
        prepared = [self._prepare(text) for text in texts]
        ids = self._tokenizer(prepared, add_special_tokens=True, truncation=False, verbose=False)["input_ids"]
        long = [i for i, row in enumerate(ids) if len(row) > self.max_length]
        self.last_truncated = tuple((i, len(ids[i])) for i in long)
        if long:
            cut = self._tokenizer(
                [prepared[i] for i in long], add_special_tokens=True, truncation=True, max_length=self.max_length
            )["input_ids"]
            for i, row in zip(long, cut):
                ids[i] = row
            longest = max(n for _, n in self.last_truncated)
            log.warning(
                "%s: %d of %d texts are longer than %d tokens and were truncated (longest: %d tokens)",
                self.name, len(long), len(ids), self.max_length, longest,
            )
        return ids

    # -- model --------------------------------------------------------------
    def _prepare(self, text: str) -> str:
        text = self.layout.prefix + text
        return text.lower() if self.layout.lower_case else text

    def _forward(self, rows: list[list[int]]):
        torch = self._torch
        width = max(map(len, rows))
        pad = self._tokenizer.pad_token_id if self._tokenizer.pad_token_id is not None else 0
        input_ids = torch.full((len(rows), width), pad, dtype=torch.long)
        mask = torch.zeros((len(rows), width), dtype=torch.long)
        for r, row in enumerate(rows):
            input_ids[r, : len(row)] = torch.tensor(row, dtype=torch.long)
            mask[r, : len(row)] = 1
        input_ids, mask = input_ids.to(self.device), mask.to(self.device)
        hidden = self._model(input_ids=input_ids, attention_mask=mask).last_hidden_state
        vectors = pool(torch, hidden.float(), mask, self.layout.pooling)
        for module in self._head:
            vectors = module(vectors)
        return torch.nn.functional.normalize(vectors, p=2, dim=-1)


# -- pooling and batching (plain functions, tested against hand computation) --
def pool(torch: Any, hidden: Any, mask: Any, modes: Sequence[str]) -> Any:
    """Sentence vectors from token vectors (batch, tokens, dim), as sentence-transformers pools.

    Several modes are concatenated in the order given.
    """
    weights = mask.unsqueeze(-1).to(hidden.dtype)
    counts = weights.sum(dim=1).clamp(min=1e-9)
    parts = []
    for mode in modes:
        if mode == "cls":
            parts.append(hidden[:, 0])
        elif mode == "mean":
            parts.append((hidden * weights).sum(dim=1) / counts)
        elif mode == "mean_sqrt_len_tokens":
            parts.append((hidden * weights).sum(dim=1) / counts.sqrt())
        elif mode == "max":
            parts.append(hidden.masked_fill(weights == 0, torch.finfo(hidden.dtype).min).max(dim=1).values)
        elif mode == "lasttoken":  # rows are right-padded here
            last = (mask.sum(dim=1) - 1).clamp(min=0)
            parts.append(hidden[torch.arange(hidden.shape[0], device=hidden.device), last])
        else:  # read_layout lets no other mode through
            raise EncoderError(f"pooling {mode!r} is not supported")
    return parts[0] if len(parts) == 1 else torch.cat(parts, dim=-1)


def length_batches(lengths: Sequence[int], budget: int = TOKEN_BUDGET, max_batch: int = MAX_BATCH) -> Iterator[list[int]]:
    """Indices grouped longest first, each group padded to at most `budget` tokens.

    Sorting puts texts of similar length together, so padding is small; the
    longest group comes first, so peak memory shows at once.
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    batch: list[int] = []
    for i in order:
        width = lengths[batch[0]] if batch else lengths[i]
        if batch and (len(batch) + 1 > max_batch or (len(batch) + 1) * width > budget):
            yield batch
            batch = []
        batch.append(i)
    if batch:
        yield batch


# -- layout -------------------------------------------------------------------
def _st_layout(root: Path, modules: Any, pooling: str | None) -> Layout:
    """A sentence-transformers directory: modules in order, then their settings."""
    if not isinstance(modules, list) or not modules:
        raise EncoderError(f"{root}: modules.json lists no modules")
    model_dir: Path | None = None
    modes: tuple[str, ...] | None = None
    include_prompt = True
    steps: list[Step] = []
    for module in sorted(modules, key=lambda m: m.get("idx", 0)):
        kind = str(module.get("type", "")).rsplit(".", 1)[-1]
        where = root / module.get("path", "")
        if kind in _TRANSFORMER_KINDS and model_dir is None:
            model_dir = where
        elif kind == "Pooling" and modes is None:
            modes, include_prompt = _st_pooling(where, root)
        elif kind == "Dense":
            steps.append(Step("dense", where))
        elif kind == "Normalize":
            steps.append(Step("normalize"))
        else:
            raise EncoderError(f"{root}: module {module.get('type')!r} in modules.json is not supported")
    if model_dir is None:
        raise EncoderError(f"{root}: modules.json has no Transformer module")
    if pooling is not None:
        modes, include_prompt = _pooling_modes(pooling, POOLINGS, root), True
    bert = _read_json(model_dir / "sentence_bert_config.json", root) if (model_dir / "sentence_bert_config.json").is_file() else {}
    return Layout(
        root=root,
        model_dir=model_dir,
        pooling=modes or (DEFAULT_POOLING,),
        steps=tuple(steps),
        prefix=_st_prefix(root),
        max_length=bert.get("max_seq_length"),
        lower_case=bool(bert.get("do_lower_case", False)),
        sentence_transformers=True,
        include_prompt=include_prompt,
    )


def _st_pooling(where: Path, root: Path) -> tuple[tuple[str, ...], bool]:
    """Pooling modes and include_prompt from a Pooling config, in either format
    sentence-transformers writes (a `pooling_mode` string, or older per-mode flags)."""
    config = _read_json(where / "config.json", root)
    include_prompt = config.get("include_prompt", True) is not False
    if isinstance(config.get("pooling_mode"), str):
        return _pooling_modes(config["pooling_mode"], _ST_POOLINGS, root), include_prompt
    flags = {
        "cls": "pooling_mode_cls_token",
        "mean": "pooling_mode_mean_tokens",
        "max": "pooling_mode_max_tokens",
        "mean_sqrt_len_tokens": "pooling_mode_mean_sqrt_len_tokens",
        "weightedmean": "pooling_mode_weightedmean_tokens",
        "lasttoken": "pooling_mode_lasttoken",
    }
    modes = [mode for mode, key in flags.items() if config.get(key)]
    return _pooling_modes("+".join(modes) or DEFAULT_POOLING, _ST_POOLINGS, root), include_prompt


def _pooling_modes(spec: str, allowed: Sequence[str], root: Path) -> tuple[str, ...]:
    modes = tuple(part.strip().lower() for part in spec.split("+") if part.strip())
    for mode in modes or (spec,):
        if mode not in allowed:
            raise EncoderError(f"{root}: pooling {mode!r} is not supported (use {', '.join(allowed)})")
    return modes


def _st_prefix(root: Path) -> str:
    """The prompt a sentence-transformers model asks for by default, else its "query" prompt.

    Bitext is a symmetric task; multilingual-e5 asks for "query: " on both sides there.
    """
    path = root / "config_sentence_transformers.json"
    if not path.is_file():
        return ""
    config = _read_json(path, root)
    prompts = config.get("prompts") or {}
    default = config.get("default_prompt_name")
    if default and isinstance(prompts.get(default), str):
        return prompts[default]
    query = prompts.get("query")
    return query if isinstance(query, str) else ""


def _require_model_files(model_dir: Path, root: Path) -> None:
    if not (model_dir / "config.json").is_file():
        raise EncoderError(f"{_shown(model_dir, root)}: no config.json (not a transformers model directory)")
    if not any((model_dir / name).is_file() for name in WEIGHT_FILES):
        raise EncoderError(f"{_shown(model_dir, root)}: no model weights (model.safetensors or pytorch_model.bin)")
    if not any((model_dir / name).is_file() for name in TOKENIZER_FILES):
        raise EncoderError(
            f"{_shown(model_dir, root)}: no tokenizer files (tokenizer.json, sentencepiece.bpe.model or vocab.txt)"
        )


def _shown(path: Path, root: Path) -> str:
    return str(root) if path == root else str(path)


def _read_json(path: Path, root: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise EncoderError(f"{root}: {path.relative_to(root)} is missing") from None
    except (OSError, ValueError) as exc:
        raise EncoderError(f"{root}: cannot read {path.name} ({exc})") from None


def _digest(layout: Layout) -> str:
    """Short hash of the configuration files' contents and the other files' sizes.

    Reading multi-GB weights to hash them would cost seconds per run; sizes
    plus configurations (which fix pooling, head and maximum length) tell
    two models apart in practice.
    """
    h = hashlib.sha1()
    for path in sorted(layout.root.rglob("*")):
        relative = path.relative_to(layout.root)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        size = path.stat().st_size
        h.update(str(relative).encode())
        h.update(path.read_bytes() if path.suffix == ".json" and size < 1_000_000 else str(size).encode())
    return h.hexdigest()[:8]


# -- loading (torch from here on) ---------------------------------------------
def _import_backend(root: Path) -> tuple[Any, Any]:
    """torch and transformers, offline: no hub is contacted, whatever is cached.

    OpenMP threads that sleep rather than spin while waiting: on a machine
    busy with other work (a CI runner, a laptop) spinning threads fight over
    the cores; measured on 2 cores under load, the tiny test model ran 10x
    slower with 2 spinning threads than with 1, and no slower with 2
    sleeping ones. Takes effect only if torch is not imported yet.
    """
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    try:
        import torch
        import transformers
    except ImportError as exc:
        raise EncoderError(f"{root}: {exc.name or 'transformers'} is not installed: {_INSTALL}") from None
    return torch, transformers


@contextmanager
def _quiet(transformers: Any) -> Iterator[None]:
    """No progress bars or unused-weight notices while loading; the caller's settings come back."""
    logging_ = transformers.utils.logging
    verbosity, bars = logging_.get_verbosity(), logging_.is_progress_bar_enabled()
    logging_.set_verbosity_error()
    logging_.disable_progress_bar()
    try:
        yield
    finally:
        logging_.set_verbosity(verbosity)
        if bars:
            logging_.enable_progress_bar()


def _load_model(layout: Layout, transformers: Any, torch: Any, device: str) -> tuple[Any, Any, Any]:
    where = str(layout.model_dir)
    try:
        config = transformers.AutoConfig.from_pretrained(where, local_files_only=True)
        tokenizer = transformers.AutoTokenizer.from_pretrained(where, local_files_only=True)
        model = transformers.AutoModel.from_pretrained(where, local_files_only=True, dtype=torch.float32)
    except (OSError, ValueError, KeyError, ImportError) as exc:
        raise EncoderError(f"{where}: cannot load the model ({_first_line(exc)})") from None
    model.eval()
    model.to(device)
    return tokenizer, model, config


def _load_step(step: Step, torch: Any, device: str) -> Any:
    if step.kind == "normalize":
        return lambda x: torch.nn.functional.normalize(x, p=2, dim=-1)
    return _load_dense(step.path, torch, device)


def _load_dense(folder: Path, torch: Any, device: str) -> Any:
    """A sentence-transformers Dense layer: linear, then its activation."""
    config = _read_json(folder / "config.json", folder.parent)
    weights_file = next((folder / n for n in _DENSE_WEIGHTS if (folder / n).is_file()), None)
    if weights_file is None:
        raise EncoderError(f"{folder}: no weights (model.safetensors or pytorch_model.bin)")
    if weights_file.suffix == ".safetensors":
        from safetensors.torch import load_file

        state = load_file(str(weights_file))
    else:
        state = torch.load(str(weights_file), map_location="cpu", weights_only=True)
    linear = torch.nn.Linear(int(config["in_features"]), int(config["out_features"]), bias=bool(config.get("bias", True)))
    try:
        linear.load_state_dict({k.removeprefix("linear."): v for k, v in state.items()})
    except RuntimeError as exc:
        raise EncoderError(f"{folder}: weights do not fit its config.json ({_first_line(exc)})") from None
    activation = _activation(config.get("activation_function", "torch.nn.modules.linear.Identity"), torch, folder)
    layer = torch.nn.Sequential(linear, activation).eval().to(device)
    return layer


def _activation(name: str, torch: Any, folder: Path) -> Any:
    """`torch.nn.modules.activation.Tanh` -> torch.nn.Tanh(); only torch.nn's own modules."""
    cls = getattr(torch.nn, str(name).rsplit(".", 1)[-1], None)
    if not str(name).startswith("torch.") or not isinstance(cls, type) or not issubclass(cls, torch.nn.Module):
        raise EncoderError(f"{folder}: activation {name!r} is not supported (torch.nn modules only)")
    return cls()


def _max_length(layout: Layout, tokenizer: Any, config: Any) -> int:
    """Tokens per text: the smallest of what the model card, tokenizer and positions allow."""
    limits = [_position_limit(config)]
    if layout.max_length:
        limits.append(int(layout.max_length))
    declared = getattr(tokenizer, "model_max_length", None)
    if isinstance(declared, int) and 0 < declared < 1_000_000:
        limits.append(declared)
    return min(limits)


def _position_limit(config: Any) -> int:
    """Positions the model can embed. RoBERTa-style models number them from
    pad_token_id + 1, so two fewer than max_position_embeddings are usable."""
    positions = getattr(config, "max_position_embeddings", None) or 512
    model_type = getattr(config, "model_type", "")
    if "roberta" in model_type or model_type == "camembert":
        pad = getattr(config, "pad_token_id", None)
        positions -= (1 if pad is None else pad) + 1
    return int(positions)


def _output_dim(hidden_size: int, layout: Layout, head: list[Any]) -> int:
    dim = hidden_size * len(layout.pooling)
    for step, module in zip(layout.steps, head):
        if step.kind == "dense":
            dim = module[0].out_features
    return dim


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
