"""provenance: check that a translation still says what its original says.

Public API (imported lazily, so `import provenance` stays cheap)::

    from provenance import compare, compare_texts, Settings
"""

from __future__ import annotations

__version__ = "0.1.0"

_LAZY = {
    "compare": "provenance.api",
    "compare_texts": "provenance.api",
    "compare_documents": "provenance.api",
    "Settings": "provenance.config",
    "Thresholds": "provenance.config",
    "Report": "provenance.types",
    "ProvenanceError": "provenance.errors",
    "InputError": "provenance.errors",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'provenance' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
