"""Run the pipeline over many pairs: caches first, then one process or several.

Per run the encoder is loaded at most once per process, and only if some
sentence is not in the embedding cache. With the result cache on, a pair
whose two files, settings and tool are unchanged is not compared again at
all. Pairs left to compare are shared with worker processes when there are
enough to pay for starting them; this process works too (each process loads
its own encoder and gets an equal share of the cores); see
docs/ci.md for the measurements.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

from ..config import Settings
from .config import CheckConfig
from .discover import Pair
from .pairs import check_pair
from .result import PairOutcome

RESULTS_DB = "results-v1.sqlite3"
_RESULT_FORMAT = 1
#: each worker must have this many pairs to compare, or starting it (~1 s) costs more than it saves
MIN_PAIRS_PER_WORKER = 8
#: "auto" runs one worker per core up to this many, each with one encoder thread: on 2 cores,
#: 2 workers beat 1 process encoding on both cores, 1.2x (docs/ci.md, benchmarks/check.py)
MAX_AUTO_WORKERS = 4


@dataclass
class RunStats:
    workers: int = 1
    compared: int = 0
    from_result_cache: int = 0
    embedding_hits: int = 0
    embedding_misses: int = 0
    encoder_loads: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "workers": self.workers,
            "compared": self.compared,
            "from_result_cache": self.from_result_cache,
            "embedding_hits": self.embedding_hits,
            "embedding_misses": self.embedding_misses,
            "encoder_loads": self.encoder_loads,
        }


def run_pairs(
    pairs: Sequence[Pair],
    config: CheckConfig,
    *,
    encoder: Any = None,
    progress: bool = False,
) -> tuple[list[PairOutcome], RunStats]:
    """The outcome of every pair, in order, and how they were obtained."""
    from ..api import resolve_settings

    settings = resolve_settings(config.settings)
    stats = RunStats()
    outcomes: list[PairOutcome | None] = [None] * len(pairs)
    results = _ResultCache(config, settings, encoder) if config.cache == "all" and pairs else None
    if results is not None:
        for index, outcome in results.lookup(pairs).items():
            outcomes[index] = outcome
        stats.from_result_cache = sum(1 for o in outcomes if o is not None)
    todo = [i for i, o in enumerate(outcomes) if o is None]
    if todo and encoder is None and config.cache == "off":
        # built while the first pairs are read and segmented; with a cache, the encoder may
        # never be needed (a warm run of changed settings built it for nothing: +0.1-0.2 s, +30 MB)
        from ..embed import prefetch

        prefetch(settings.encoder)
    stats.workers = choose_workers(config.workers, len(todo), injected=encoder is not None)
    with _Progress(len(pairs), progress, done=len(pairs) - len(todo)) as bar:
        compute = _in_workers if stats.workers > 1 else _in_process
        for index, outcome in compute(todo, pairs, config, settings, encoder, stats):
            outcomes[index] = outcome
            if results is not None:
                results.save(index, outcome)  # as it comes: an interrupted run keeps its work
            bar.advance()
    stats.compared = sum(1 for i in todo if outcomes[i] is not None and outcomes[i].compared)  # not a missing half
    return [o for o in outcomes if o is not None], stats


def choose_workers(requested: int | None, count: int, injected: bool = False) -> int:
    """Workers to start: as asked, else by the measured default; never more than the pairs."""
    if injected or count <= 1:
        return 1  # an encoder object passed in lives in this process only
    if requested is not None:
        return max(1, min(requested, count))
    return max(1, min(MAX_AUTO_WORKERS, _cores(), count // MIN_PAIRS_PER_WORKER))


def _cores() -> int:
    from ..embed.use import available_cores

    return available_cores()


# -- one process ------------------------------------------------------------------------
def _in_process(todo, pairs, config, settings, encoder, stats):
    encoder = make_encoder(config, settings, encoder)
    for index in todo:
        yield index, check_pair(pairs[index], config.root, settings, encoder, config.encoding, config.input_format)
    _count(stats, encoder)


def make_encoder(config: CheckConfig, settings: Settings, encoder: Any = None, threads: int | None = None) -> Any:
    """The run's encoder: `encoder` or the configured one, behind the cache unless it is off.

    The configured encoder is loaded lazily, on the first sentence missing
    from the cache, with `threads` encoder threads when given.
    """
    from ..embed import get_encoder
    from ..embed.cache import CachedEncoder, known_signature

    def load() -> Any:
        model = get_encoder(settings.encoder, pooling=settings.encoder_pooling, prefix=settings.encoder_prefix)
        if threads is not None and hasattr(model, "threads"):
            model.threads = threads  # this process's share of the cores
        return model

    directory = config.cache_directory / "embeddings"
    if config.cache == "off":
        return encoder if encoder is not None else load()
    if encoder is not None:
        return CachedEncoder(encoder, directory)
    signature = known_signature(settings.encoder)
    if signature is None:
        return CachedEncoder(load(), directory)
    return CachedEncoder(load, directory, signature=signature, name=settings.encoder)


def _count(stats: RunStats, encoder: Any) -> None:
    stats.embedding_hits += getattr(encoder, "hits", 0)
    stats.embedding_misses += getattr(encoder, "misses", 0)
    stats.encoder_loads += int(getattr(encoder, "loaded", True))


# -- worker processes --------------------------------------------------------------------
_WORKER: dict[str, Any] = {}


def _in_workers(todo, pairs, config, settings, encoder, stats):
    """Pairs shared between this process and `workers - 1` started ones.

    This process compares pairs too, taking them from the back of the queue
    while the others take them from the front: no core waits while a worker
    starts (about 0.5 s: Python, numpy, the mapped model), and one process
    fewer is started. Each process gets an equal share of the cores for its encoder threads.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, wait

    helpers = stats.workers - 1
    threads = max(1, _cores() // stats.workers)
    context = multiprocessing.get_context("spawn")  # never fork a process holding threads
    queue = deque(todo)
    pending: set = set()
    own = None  # this process's encoder, made on its first pair
    loaded: set[int] = set()
    with ProcessPoolExecutor(
        helpers, mp_context=context, initializer=_start_worker, initargs=(config, settings, threads)
    ) as pool:
        while queue or pending:
            while queue and len(pending) < 2 * helpers:  # a pair in hand and one waiting, per worker
                index = queue.popleft()
                pending.add(pool.submit(_work, index, pairs[index]))
            if queue:
                index = queue.pop()
                own = own or make_encoder(config, settings, threads=threads)
                yield index, check_pair(pairs[index], config.root, settings, own, config.encoding, config.input_format)
                done = {future for future in pending if future.done()}
            else:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                pending.discard(future)
                index, outcome, counts = future.result()
                stats.embedding_hits += counts["hits"]
                stats.embedding_misses += counts["misses"]
                if counts["loaded"]:
                    loaded.add(counts["pid"])
                yield index, outcome
    stats.encoder_loads += len(loaded)
    if own is not None:
        _count(stats, own)


def _start_worker(config: CheckConfig, settings: Settings, threads: int) -> None:
    from ..embed import prefetch

    os.environ.setdefault("OMP_NUM_THREADS", str(threads))
    os.environ.setdefault("OPENBLAS_NUM_THREADS", str(threads))
    _WORKER.update(config=config, settings=settings, threads=threads, encoder=None)
    if config.cache == "off":  # else the cache may hold every sentence (see run_pairs)
        prefetch(settings.encoder)  # builds while the worker imports the pipeline for its first pair


def _work(index: int, pair: Pair) -> tuple[int, PairOutcome, dict[str, int]]:
    """One pair in a worker; the worker's encoder is made on its first pair."""
    if _WORKER["encoder"] is None:
        _WORKER["encoder"] = make_encoder(_WORKER["config"], _WORKER["settings"], threads=_WORKER["threads"])
    encoder, config = _WORKER["encoder"], _WORKER["config"]
    hits, misses = getattr(encoder, "hits", 0), getattr(encoder, "misses", 0)
    outcome = check_pair(pair, config.root, _WORKER["settings"], encoder, config.encoding, config.input_format)
    counts = {
        "hits": getattr(encoder, "hits", 0) - hits,
        "misses": getattr(encoder, "misses", 0) - misses,
        "loaded": int(getattr(encoder, "loaded", True)),
        "pid": os.getpid(),
    }
    return index, outcome, counts


# -- result cache --------------------------------------------------------------------------
class _ResultCache:
    """Whole-pair outcomes keyed by both files' bytes, their paths, the settings and the tool."""

    def __init__(self, config: CheckConfig, settings: Settings, encoder: Any) -> None:
        from ..embed.cache import KeyValueStore

        self.config = config
        self.settings = settings
        self.encoder_signature = _encoder_signature(settings.encoder, encoder)
        self.db = KeyValueStore(config.cache_directory / "results" / RESULTS_DB)
        self.keys: dict[int, bytes] = {}

    def lookup(self, pairs: Sequence[Pair]) -> dict[int, PairOutcome]:
        keyed = {i: self._key(pair) for i, pair in enumerate(pairs)}
        self.keys = {i: k for i, k in keyed.items() if k is not None}
        found = self.db.get_many(list(self.keys.values()))
        out = {}
        for index, key in self.keys.items():
            blob = found.get(key)
            outcome = _decode(pairs[index], blob) if blob is not None else None
            if outcome is not None:
                out[index] = outcome
        return out

    def save(self, index: int, outcome: PairOutcome) -> None:
        """Keep the outcome of a pair with both halves (a missing half is cheap to find again)."""
        key = self.keys.get(index)
        if key is None or not (outcome.has_original and outcome.has_translation):
            return
        blob = zlib.compress(json.dumps(outcome.to_dict(), ensure_ascii=False).encode("utf-8"))
        self.db.put_many([(key, blob)])

    def _key(self, pair: Pair) -> bytes | None:
        original, translation = pair.paths(self.config.root)
        try:
            contents = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (original, translation)]
        except OSError:
            return None  # a missing half is cheap to report again
        parts = [
            _RESULT_FORMAT,
            code_stamp(),
            repr(self.settings),
            self.encoder_signature,
            self.config.encoding,
            self.config.input_format,
            pair.original,
            pair.translation,
            *contents,
        ]
        return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8")).digest()


def _decode(pair: Pair, blob: bytes) -> PairOutcome | None:
    try:
        return PairOutcome.from_dict(pair, json.loads(zlib.decompress(blob)))
    except (ValueError, KeyError, TypeError, zlib.error):
        return None  # a damaged entry is compared again


def _encoder_signature(name: str, encoder: Any) -> str:
    if encoder is not None:
        return encoder.signature
    from ..embed import get_encoder
    from ..embed.cache import known_signature

    return known_signature(name) or get_encoder(name).signature


@lru_cache(maxsize=1)
def code_stamp() -> str:
    """Changes whenever the installed code or shipped calibration changes, version bump or not.

    A hash of the files' contents, not their times: a fresh CI checkout of
    the same code keeps its cached results (about 15 ms for the package).
    """
    import provenance

    package = Path(provenance.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted([*package.rglob("*.py"), *package.parent.joinpath("models").rglob("*.json")]):
        try:
            digest.update(path.relative_to(package.parent).as_posix().encode() + b"\0" + path.read_bytes())
        except OSError:
            continue
    return f"{provenance.__version__}:{digest.hexdigest()[:16]}"


# -- progress -----------------------------------------------------------------------------------
class _Progress:
    """A progress bar on an interactive stderr; nothing in CI logs."""

    def __init__(self, total: int, enabled: bool, done: int = 0) -> None:
        self.total, self.enabled, self.done = total, enabled and total > 1, done
        self._bar = None

    def __enter__(self) -> "_Progress":
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn("checking pairs"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(file=sys.stderr),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("pairs", total=self.total, completed=self.done)
        return self

    def advance(self) -> None:
        if self._bar is not None:
            self._bar.advance(self._task)

    def __exit__(self, *exc: Any) -> None:
        if self._bar is not None:
            self._bar.stop()


def progress_wanted(stream: Any = None) -> bool:
    """On a terminal, unless the `CI` environment variable says this is a CI log."""
    stream = stream or sys.stderr
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("CI")
