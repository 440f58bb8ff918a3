"""What every benchmark ends with: its figures as one JSON line, and as a file when asked."""

from __future__ import annotations

import json
from pathlib import Path


def emit(result: dict, path: Path | None) -> int:
    print(json.dumps(result))
    if path:
        path.write_text(json.dumps(result, indent=2) + "\n")
    return 0
