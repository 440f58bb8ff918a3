"""An on-disk embedding cache, so a re-run encodes only the sentences that changed.

`CachedEncoder` wraps any encoder and keeps its vectors in one SQLite database
per cache directory, keyed by a hash of (encoder signature, kind, text): a new
encoder revision never reads an old one's vectors. Why SQLite: one file, WAL
mode lets parallel workers and concurrent CI jobs read while one writes, and
a torn write is rolled back rather than left half-written.

Vectors are stored as float16 (1 KB each), rounded and re-normalised the same
way whether they were just computed or read back, so a cold and a warm run
give identical results. A corrupt database is moved aside and rebuilt with a
warning on stderr; an unwritable one turns the cache off, never the run.

The inner encoder is loaded lazily: a run whose sentences are all cached never
loads the model (for the default encoder its signature is known without it).
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

DB_NAME = "vectors-v1.sqlite3"
_SCHEMA_VERSION = 1
_RUN_JOIN = "\x1f"  # joins the sentences of a run in its key; never in text
_QUERY_CHUNK = 900


def default_directory() -> Path:
    """`~/.cache/provenance/embeddings` (or `$PROVENANCE_CACHE/embeddings`)."""
    from .use import cache_root

    return cache_root() / "embeddings"


def warn(message: str) -> None:
    print(f"provenance: warning: {message}", file=sys.stderr)


class KeyValueStore:
    """A blob table in one SQLite file that survives corruption and concurrency.

    Every failure degrades to a miss: a locked database skips one write, a
    read-only one is only read, a corrupt one is rebuilt once, an unopenable
    one disables the store.
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._pid = 0
        self._disabled = False
        self._read_only = False
        self._rebuilt = False

    # -- public -------------------------------------------------------------
    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        found: dict[bytes, bytes] = {}
        unique = list(dict.fromkeys(keys))
        for start in range(0, len(unique), _QUERY_CHUNK):
            chunk = unique[start : start + _QUERY_CHUNK]
            sql = f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(chunk))})"
            rows = self._run(lambda conn: conn.execute(sql, chunk).fetchall(), default=[])
            found.update(rows)
        return found

    def put_many(self, items: Iterable[tuple[bytes, bytes]]) -> None:
        rows = list(items)
        if not rows or self._read_only:
            return

        def write(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany("INSERT OR IGNORE INTO entries (key, value) VALUES (?, ?)", rows)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

        self._run(write, default=None, writing=True)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    @property
    def enabled(self) -> bool:
        return not self._disabled

    # -- connection ------------------------------------------------------------
    def _run(self, operation: Callable[[sqlite3.Connection], Any], default: Any, writing: bool = False) -> Any:
        for _attempt in range(2):
            conn = self._connection()
            if conn is None:
                return default
            try:
                return operation(conn)
            except sqlite3.OperationalError as exc:  # locked, read-only, disk full: not corruption
                if _is_busy(exc):
                    return default  # another run holds the lock: a miss, not a failure
                if writing:
                    self._read_only = True
                    warn(f"cache {self.path} cannot be written ({exc}); reading it only")
                else:
                    self._give_up(exc)
                return default
            except sqlite3.DatabaseError as exc:  # "file is not a database", "malformed"
                self._corrupt(exc)
        return default

    def _connection(self) -> sqlite3.Connection | None:
        if self._disabled:
            return None
        if self._conn is not None and self._pid == os.getpid():
            return self._conn
        self._conn = None  # a connection must not cross a fork
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self._prepare(conn)
        except sqlite3.OperationalError as exc:
            if _is_busy(exc):
                return None
            return self._give_up(exc)
        except sqlite3.DatabaseError as exc:
            self._corrupt(exc)
            return None if self._disabled else self._connection()
        except OSError as exc:
            return self._give_up(exc)
        self._conn, self._pid = conn, os.getpid()
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == _SCHEMA_VERSION:
            conn.execute("SELECT count(*) FROM (SELECT 1 FROM entries LIMIT 1)").fetchone()  # reads a page
            return
        conn.execute("BEGIN IMMEDIATE")  # one process creates it; the others wait, then see it
        try:
            if conn.execute("PRAGMA user_version").fetchone()[0] != _SCHEMA_VERSION:
                conn.execute("DROP TABLE IF EXISTS entries")  # a new database, or an older layout
                conn.execute("CREATE TABLE entries (key BLOB PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
                conn.execute(f"PRAGMA user_version={_SCHEMA_VERSION}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    def _corrupt(self, exc: Exception) -> None:
        """Delete the unreadable database so the next connection starts a new one (once per process)."""
        self.close()
        if self._rebuilt:
            self._give_up(exc)
            return
        self._rebuilt = True
        warn(f"cache {self.path} is unreadable ({exc}); rebuilding it")
        for suffix in ("", "-wal", "-shm"):
            try:
                Path(f"{self.path}{suffix}").unlink()
            except OSError:
                pass

    def _give_up(self, exc: Exception) -> None:
        if not self._disabled:
            warn(f"cache {self.path} cannot be used ({exc}); continuing without it")
        self._disabled = True
        return None


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class CachedEncoder:
    """An encoder with the same interface as `inner`, backed by the disk cache.

    `inner` is an encoder or a zero-argument loader of one; with a loader,
    `signature` must be given (it names the vectors) and the model is loaded
    only when a text is missing from the cache.
    """

    def __init__(
        self,
        inner: Any,
        directory: str | Path | None = None,
        *,
        signature: str | None = None,
        name: str | None = None,
    ) -> None:
        self._inner = None if callable(inner) and not hasattr(inner, "encode") else inner
        self._loader = inner if self._inner is None else None
        if self._inner is None and signature is None:
            raise ValueError("a lazily loaded encoder needs its signature")
        self._signature = signature
        self.name = name or getattr(self._inner, "name", "encoder")
        self.store = KeyValueStore(Path(directory or default_directory()) / DB_NAME)
        self.hits = 0
        self.misses = 0

    # -- the encoder interface ----------------------------------------------
    @property
    def signature(self) -> str:
        if self._signature is None:
            self._signature = self.inner.signature
        return self._signature

    @property
    def inner(self) -> Any:
        if self._inner is None:
            self._inner = self._loader()
            real = self._inner.signature
            if real != self._signature:  # never store vectors under another encoder's name
                warn(f"encoder signature is {real}, expected {self._signature}; caching under {real}")
                self._signature = real
        return self._inner

    @property
    def loaded(self) -> bool:
        return self._inner is not None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        keys = [self._key("text", t) for t in texts]
        found = self._lookup(keys)
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in found))
        if missing:
            fresh = self.inner.encode(missing)
            self._keep({self._key("text", t): v for t, v in zip(missing, fresh)}, found)
        return _stack([found[k] for k in keys], self._dim(found))

    def embed_runs(self, sides: Sequence[Sequence[str]], max_run: int = 2) -> list[dict[int, np.ndarray]]:
        """Like the inner encoder's `embed_runs`; only sentences that miss are encoded.

        A sentence is encoded again when it or a run it belongs to is missing:
        missing stretches of a side are encoded as blocks, in one batch.
        """
        keyed = [_run_keys(self, side, max_run) for side in sides]
        found = self._lookup([k for runs in keyed for k in runs.values()])
        blocks = [(s, block) for s, runs in enumerate(keyed) for block in _missing_blocks(runs, found)]
        if blocks:
            self._encode_blocks(sides, blocks, max_run, found)
        dim = self._dim(found)
        out = []
        for side, runs in zip(sides, keyed):
            out.append(
                {
                    k: _stack([found[runs[(k, i)]] for i in range(max(0, len(side) - k + 1))], dim)
                    for k in range(1, max_run + 1)
                }
            )
        return out

    def embed_parts(
        self, texts: Sequence[str], parts: Sequence[Sequence[Sequence[tuple[int, int]]]]
    ) -> list[np.ndarray | None]:
        """Like the inner encoder's `embed_parts`, from the cache when every part of a text is there.

        Texts the inner encoder cannot compose come back as None: the caller
        then encodes their parts as texts, which `encode` caches.
        """
        if not texts:
            return []
        keys = [[self._key("part", f"{text}\x00{spans!r}") for spans in group] for text, group in zip(texts, parts)]
        found = self._lookup([k for group in keys for k in group])
        todo = [i for i, group in enumerate(keys) if any(k not in found for k in group)]
        unmapped: set[int] = set()
        if todo:
            compose = getattr(self.inner, "embed_parts", None)
            computed = compose([texts[i] for i in todo], [parts[i] for i in todo]) if compose else [None] * len(todo)
            fresh = {}
            for i, vectors in zip(todo, computed):
                if vectors is None:
                    unmapped.add(i)
                else:
                    fresh.update(zip(keys[i], vectors))
            self._keep(fresh, found)
        # the width is asked of the encoder only for a text with no parts and nothing found
        return [
            None if i in unmapped else _stack([found[k] for k in group], 0) if group else _stack([], self._dim(found))
            for i, group in enumerate(keys)
        ]

    # -- internals ------------------------------------------------------------
    def _key(self, kind: str, text: str) -> bytes:
        data = f"{self.signature}\x00{kind}\x00{text}".encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, digest_size=16).digest()

    def _lookup(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        raw = self.store.get_many(keys) if keys else {}
        found = {}
        for key, blob in raw.items():
            vector = _decode(blob)
            if vector is not None:
                found[key] = vector
        unique = len(set(keys))
        self.hits += len(found)
        self.misses += unique - len(found)
        return found

    def _keep(self, fresh: dict[bytes, np.ndarray], found: dict[bytes, np.ndarray]) -> None:
        """Store fresh vectors, and use them as they will read back: a cold run equals a warm one."""
        blobs = {key: _encode(v) for key, v in fresh.items()}
        self.store.put_many(blobs.items())
        found.update((key, _decode(blob)) for key, blob in blobs.items())

    def _encode_blocks(self, sides, blocks, max_run: int, found: dict[bytes, np.ndarray]) -> None:
        texts = [[sides[s][i] for i in range(a, b)] for s, (a, b) in blocks]
        computed = self._embed_runs_inner(texts, max_run)
        fresh: dict[bytes, np.ndarray] = {}
        for (s, (a, b)), runs in zip(blocks, computed):
            side = sides[s]
            for k, vectors in runs.items():
                for j, vector in enumerate(vectors):
                    key = self._key("run", _RUN_JOIN.join(side[a + j : a + j + k]))
                    if key not in found:
                        fresh[key] = vector
        self._keep(fresh, found)

    def _embed_runs_inner(self, texts: list[list[str]], max_run: int) -> list[dict[int, np.ndarray]]:
        inner = self.inner
        if hasattr(inner, "embed_runs"):
            return inner.embed_runs(texts, max_run)
        # the same joined texts `embed_sides` encodes for encoders without runs
        out = []
        for side in texts:
            runs = {}
            for k in range(1, max_run + 1):
                joined = [" ".join(side[i : i + k]) for i in range(max(0, len(side) - k + 1))]
                runs[k] = inner.encode(joined) if joined else np.zeros((0, 1), dtype=np.float32)
            out.append(runs)
        return out

    def _dim(self, found: dict[bytes, np.ndarray]) -> int:
        for vector in found.values():
            return len(vector)
        probe = self.inner.encode(["."])
        return int(probe.shape[1])


def _run_keys(encoder: CachedEncoder, side: Sequence[str], max_run: int) -> dict[tuple[int, int], bytes]:
    """(k, i) -> key of the run of k sentences starting at i."""
    return {
        (k, i): encoder._key("run", _RUN_JOIN.join(side[i : i + k]))
        for k in range(1, max_run + 1)
        for i in range(max(0, len(side) - k + 1))
    }


def _missing_blocks(runs: dict[tuple[int, int], bytes], found: dict) -> list[tuple[int, int]]:
    """Maximal stretches [a, b) of sentences that must be encoded again."""
    needed = sorted({i + j for (k, i), key in runs.items() if key not in found for j in range(k)})
    blocks: list[tuple[int, int]] = []
    for i in needed:
        if blocks and blocks[-1][1] == i:
            blocks[-1] = (blocks[-1][0], i + 1)
        else:
            blocks.append((i, i + 1))
    return blocks


def _encode(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).astype(np.float16).tobytes()


def _decode(blob: bytes) -> np.ndarray | None:
    """float16 back to float32, re-normalised; None for a damaged row (a miss)."""
    if not isinstance(blob, bytes) or len(blob) % 2 or not blob:
        return None
    vector = np.frombuffer(blob, dtype=np.float16).astype(np.float32)
    norm = float(np.linalg.norm(vector))
    if not np.isfinite(norm):
        return None
    return vector / norm if norm > 0 else vector


def _stack(vectors: list[np.ndarray], dim: int) -> np.ndarray:
    if not vectors:
        return np.zeros((0, dim), dtype=np.float32)
    return np.stack(vectors).astype(np.float32, copy=False)


# -- building one from a name --------------------------------------------------
def known_signature(name: str) -> str | None:
    """The signature of a registered encoder without loading its model, if cheap to know."""
    if name == "use-m3":
        from . import package

        if package.resources() is None:
            return None
        return f"use-m3@{package.version()}"  # as UseEncoder.signature
    return None


def cached_encoder(name: str, directory: str | Path | None = None) -> CachedEncoder:
    """The encoder called `name` behind the disk cache, loaded only when needed."""
    from . import get_encoder

    signature = known_signature(name)
    if signature is None:
        return CachedEncoder(get_encoder(name), directory)
    return CachedEncoder(lambda: get_encoder(name), directory, signature=signature, name=name)
