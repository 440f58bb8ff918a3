"""`provenance check`: the pre-publication check of a whole repository, for CI.

    >>> from provenance.check import load_config, run_check
    >>> config = load_config()                  # provenance.toml / pyproject.toml, then defaults
    >>> result = run_check(config=config)       # every pair under the project root
    >>> result.exit_code, result.summary()

Discovery (`discover`), configuration (`config`), waivers (`waivers`),
per-pair comparison (`pairs`), policy (`policy`) and the runner with its
caches and workers (`runner`) are separate modules; renderers live in
`provenance.check.render` (text, JSON) and `provenance.report` (SARIF,
JUnit, GitHub annotations).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, Sequence

from .config import CheckConfig, apply_options, find_root
from .config import load_config as _load_file
from .discover import Pair, discover
from .result import CheckFinding, CheckResult, PairResult

__all__ = [
    "CheckConfig",
    "CheckFinding",
    "CheckResult",
    "Pair",
    "PairResult",
    "discover",
    "load_config",
    "run_check",
    "write_baseline",
]


def load_config(
    paths: Sequence[Path] = (), config_file: Path | None = None, *, start: Path | None = None, **options: Any
) -> CheckConfig:
    """Defaults, then the project's configuration file, then `options` (None: not given).

    The project root is found from the checked paths (or `start`, or the
    current directory) by walking up to `provenance.toml`, a `pyproject.toml`
    with `[tool.provenance]`, or `.git`.
    """
    if config_file is not None:
        config = _load_file(Path(config_file).resolve().parent, Path(config_file))
    else:
        root, found = find_root(start or _common_parent(paths))
        config = _load_file(root, found)
    return apply_options(config, **options)


def run_check(
    paths: Sequence[Path] = (),
    *,
    config: CheckConfig | None = None,
    encoder: Any = None,
    progress: bool = False,
    use_baseline: bool = True,
) -> CheckResult:
    """Check every pair (or those touching `paths`) and judge the findings.

    `encoder` replaces the configured one (it still goes behind the cache);
    with it, pairs are compared in this process.
    """
    from .policy import judge
    from .runner import run_pairs
    from .waivers import load_baseline

    started = time.perf_counter()
    config = config or load_config(paths)
    pairs = discover(config, [Path(p) for p in paths])
    baseline = load_baseline(config.baseline_path) if use_baseline else None
    outcomes, stats = run_pairs(pairs, config, encoder=encoder, progress=progress)
    results = judge(outcomes, config, baseline)
    return CheckResult(
        pairs=tuple(results),
        signature=run_signature(outcomes, config),
        fail_on=config.fail_on,
        root=str(config.root),
        elapsed=time.perf_counter() - started,
        baseline=_shown(config.baseline_path, config.root) if baseline is not None else None,
        baseline_unused=baseline.unused({p.translation for p in pairs}) if baseline is not None else 0,
        stats=stats.to_dict(),
    )


def write_baseline(result: CheckResult, config: CheckConfig) -> int:
    """Record the run's findings (waived inline or not at all) as accepted; returns the count.

    Entries of translations this run did not check are kept, so a narrowed
    run (`provenance check PATH --write-baseline`) rewrites only its own.
    """
    from .waivers import load_baseline
    from .waivers import write_baseline as write

    checked = {p.pair.translation for p in result.pairs}
    previous = load_baseline(config.baseline_path)
    keep = [e for e in previous.entries if e.get("translation") not in checked] if previous else []
    entries = [
        {
            "fingerprint": f.fingerprint,
            "code": f.code,
            "translation": p.pair.translation,
            "original": p.pair.original,
            "line": f.location.line,
            "message": f.message,
        }
        for p in result.pairs
        for f in p.findings
        if f.waived != "inline" and not f.code.startswith("waiver.")  # markers are fixed in the file
    ]
    return write(config.baseline_path, entries, keep)


def run_signature(outcomes: Sequence[Any], config: CheckConfig) -> dict[str, str]:
    """The pairs' shared signature (what changes the numbers), plus the check's own settings."""
    signature: dict[str, str] = {}
    for outcome in outcomes:
        if outcome.signature:
            signature = dict(outcome.signature)
            break
    if not signature:
        from .. import __version__

        settings = config.settings
        signature = {
            "tool": f"provenance {__version__}",
            "pair": f"{settings.source_lang}-{settings.target_lang}",
            "encoder": settings.encoder,
        }
    signature["embeddings"] = "float16-cache" if config.cache != "off" else "float32"
    signature["fail_on"] = config.fail_on
    return signature


def _common_parent(paths: Sequence[Path]) -> Path:
    import os

    if not paths:
        return Path.cwd()
    resolved = [Path(p).resolve() for p in paths]
    common = Path(os.path.commonpath([str(p) for p in resolved]))
    return common if common.is_dir() else common.parent


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)
