"""The evaluation harness: seeded test documents, a scorer and a length-only floor.

    >>> from provenance.evaluate import evaluate
    >>> result = evaluate("kpc.ko", "kpc.en", docs=80, seed=1, noise="noise.json")
    >>> print(result.render_table())

Imports are lazy: the API loads `provenance.evaluate.galechurch` for the
length aligner without pulling in the rest.
"""

from __future__ import annotations

from typing import Any

_LAZY = {
    "evaluate": "provenance.evaluate.run",
    "evaluate_corpus": "provenance.evaluate.run",
    "EvalResult": "provenance.evaluate.run",
    "main_eval": "provenance.evaluate.cli",
    "make_documents": "provenance.evaluate.perturb",
    "load_corpus": "provenance.evaluate.corpus",
    "score_document": "provenance.evaluate.score",
}

__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'provenance.evaluate' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
