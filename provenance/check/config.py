"""The `check` configuration: defaults, then a file, then command-line flags.

The file is `provenance.toml` (keys at its top level) or the
`[tool.provenance]` table of `pyproject.toml`, found by walking up from the
checked paths to the repository root; `provenance.toml` wins when both exist.
Every key is validated here, so a typo is an error that names the key rather
than a setting silently ignored. See docs/ci.md for the reference.
"""

from __future__ import annotations

import dataclasses
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from ..config import Settings, Thresholds
from ..errors import ConfigError
from ..types import Severity
from .codes import all_codes

CONFIG_FILE = "provenance.toml"
PYPROJECT = "pyproject.toml"
BASELINE_FILE = ".provenance-baseline.json"
FAIL_ON = ("error", "warning", "info", "never")
CACHE_MODES = ("all", "embeddings", "off")
DEFAULT_EXTENSIONS = (".txt", ".md", ".markdown", ".html", ".htm")
INPUT_FORMATS = ("auto", "text", "markdown", "html")


@dataclass(frozen=True)
class PairSpec:
    """A manifest entry: two paths, or two glob patterns with the same wildcards."""

    original: str
    translation: str


@dataclass(frozen=True)
class CheckConfig:
    """Everything one `provenance check` run needs, frozen once built."""

    root: Path
    settings: Settings = field(default_factory=Settings)
    fail_on: str = "warning"  # a severity, or "never"
    fail_on_codes: tuple[str, ...] = ()  # these fail the run whatever their severity
    ignore_codes: tuple[str, ...] = ()  # these are never reported
    severity: tuple[tuple[str, Severity], ...] = ()  # per-code overrides
    ignore: tuple[str, ...] = ()  # path globs left out of discovery
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    conventions: bool = True  # pair files by name without a manifest
    pairs: tuple[PairSpec, ...] = ()
    cache: str = "all"  # "all": embeddings and pair results, "embeddings", "off"
    cache_dir: Path | None = None  # None: ~/.cache/provenance (or $PROVENANCE_CACHE)
    workers: int | None = None  # None: chosen from the number of pairs
    baseline: Path | None = None  # None: <root>/.provenance-baseline.json
    encoding: str | None = None
    input_format: str | None = None  # None: by extension, else sniffed (as `compare`)
    config_file: Path | None = None

    def replace(self, **changes: Any) -> "CheckConfig":
        return dataclasses.replace(self, **changes)

    @property
    def baseline_path(self) -> Path:
        return self.baseline or self.root / BASELINE_FILE

    @property
    def cache_directory(self) -> Path:
        if self.cache_dir is not None:
            return self.cache_dir
        from ..embed.use import cache_root

        return cache_root()

    def severity_of(self, code: str, default: Severity) -> Severity:
        for pattern, severity in self.severity:
            if _code_matches(code, pattern):
                return severity
        return default

    def is_ignored_code(self, code: str) -> bool:
        return any(_code_matches(code, p) for p in self.ignore_codes)

    def fails(self, code: str, severity: Severity) -> bool:
        if any(_code_matches(code, p) for p in self.fail_on_codes):
            return True
        return self.fail_on != "never" and severity.rank >= Severity(self.fail_on).rank


def _code_matches(code: str, pattern: str) -> bool:
    return code == pattern or fnmatch.fnmatchcase(code, pattern)


# -- finding and reading the file -----------------------------------------------
def find_root(start: Path) -> tuple[Path, Path | None]:
    """The project root above `start` and its configuration file, if any.

    The first directory holding `provenance.toml`, or a `pyproject.toml` with
    a `[tool.provenance]` table, or `.git`, is the root.
    """
    start = start.resolve()
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file():
            return directory, candidate
        pyproject = directory / PYPROJECT
        if pyproject.is_file() and "provenance" in _read_toml(pyproject).get("tool", {}):
            return directory, pyproject
        if (directory / ".git").exists():
            return directory, None
    return start, None


def load_config(root: Path, config_file: Path | None = None) -> CheckConfig:
    """Defaults updated by the file's keys (none when there is no file)."""
    config = CheckConfig(root=root)
    if config_file is None:
        return config
    table = _table(config_file)
    config = config.replace(config_file=config_file, root=config_file.resolve().parent)
    return apply_file(config, table, config_file.name)


def _table(path: Path) -> dict[str, Any]:
    data = _read_toml(path)
    if path.name == PYPROJECT:
        return dict(data.get("tool", {}).get("provenance", {}))
    return data


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


# -- keys ---------------------------------------------------------------------------
def apply_file(config: CheckConfig, table: dict[str, Any], where: str) -> CheckConfig:
    """`config` with every key of `table` applied; unknown keys name themselves."""
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        known = ", ".join(sorted(_KEYS))
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {known})")
    for key, value in table.items():
        config = _KEYS[key](config, value, f"{where}: {key!r}")
    return config


def apply_options(config: CheckConfig, **options: Any) -> CheckConfig:
    """Command-line options (None: not given) over the file; a list replaces the file's list."""
    given = {k: v for k, v in options.items() if v is not None}
    unknown = sorted(set(given) - set(_KEYS))
    if unknown:
        raise ConfigError(f"unknown option {unknown[0]!r}")
    for key, value in given.items():
        if isinstance(value, Path):  # paths on the command line are relative to where it runs
            value = value.resolve()
        config = _KEYS[key](config, value, f"option {key.replace('_', '-')!r}")
    return config


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where} must be a non-empty string, not {value!r}")
    return value


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where} must be a list of strings, not {value!r}")
    return tuple(value)


def _codes(value: Any, where: str) -> tuple[str, ...]:
    patterns = _strings(value, where)
    known = all_codes()
    for pattern in patterns:
        if not any(_code_matches(code, pattern) for code in known):
            raise ConfigError(f"{where}: unknown finding code {pattern!r} (known: {', '.join(sorted(known))})")
    return patterns


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(f"{where} must be one of error, warning, info, not {value!r}") from None


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where} must be true or false, not {value!r}")
    return value


def _path(config: CheckConfig, value: Any, where: str) -> Path:
    path = Path(_string(str(value) if isinstance(value, Path) else value, where)).expanduser()
    return path if path.is_absolute() else config.root / path


def _setting(name: str, parse: Callable[[Any, str], Any]):
    def apply(config: CheckConfig, value: Any, where: str) -> CheckConfig:
        return config.replace(settings=config.settings.replace(**{name: parse(value, where)}))

    return apply


def _field(name: str, parse: Callable[[Any, str], Any]):
    def apply(config: CheckConfig, value: Any, where: str) -> CheckConfig:
        return config.replace(**{name: parse(value, where)})

    return apply


def _fail_on(config: CheckConfig, value: Any, where: str) -> CheckConfig:
    if value not in FAIL_ON:
        raise ConfigError(f"{where} must be one of {', '.join(FAIL_ON)}, not {value!r}")
    settings = config.settings if value == "never" else config.settings.replace(fail_on=Severity(value))
    return config.replace(fail_on=value, settings=settings)


def _thresholds(config: CheckConfig, value: Any, where: str) -> CheckConfig:
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of numbers")
    fields = {f.name: f.type for f in dataclasses.fields(Thresholds)}
    for name, number in value.items():
        if name not in fields:
            raise ConfigError(f"{where}: unknown threshold {name!r} (known: {', '.join(fields)})")
        if isinstance(number, bool) or not isinstance(number, (int, float)):
            raise ConfigError(f"{where}: {name!r} must be a number, not {number!r}")
    changes = {k: (int(v) if fields[k] in (int, "int") else float(v)) for k, v in value.items()}
    return config.replace(settings=config.settings.with_thresholds(**changes))


def _severities(config: CheckConfig, value: Any, where: str) -> CheckConfig:
    if isinstance(value, (list, tuple)):  # from the command line: "code=level"
        value = dict(_split_assignment(item, where) for item in value)
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of code = severity")
    known = all_codes()
    pairs = []
    for code, level in value.items():
        if not any(_code_matches(c, code) for c in known):
            raise ConfigError(f"{where}: unknown finding code {code!r} (known: {', '.join(sorted(known))})")
        pairs.append((code, _severity(level, f"{where}: {code!r}")))
    merged = {code: level for code, level in config.severity}
    merged.update(pairs)
    # exact codes before patterns, so "drift.*" = "info" can coexist with "drift.number" = "error"
    ordered = sorted(merged.items(), key=lambda item: any(ch in item[0] for ch in "*?["))
    return config.replace(severity=tuple(ordered))


def _split_assignment(item: str, where: str) -> tuple[str, str]:
    code, sep, level = str(item).partition("=")
    if not sep:
        raise ConfigError(f"{where}: expected CODE=SEVERITY, not {item!r}")
    return code.strip(), level.strip()


def _pairs(config: CheckConfig, value: Any, where: str) -> CheckConfig:
    if not isinstance(value, list):
        raise ConfigError(f"{where} must be an array of tables with 'original' and 'translation'")
    specs = []
    for i, entry in enumerate(value):
        if not isinstance(entry, dict) or set(entry) != {"original", "translation"}:
            extra = sorted(set(entry) - {"original", "translation"}) if isinstance(entry, dict) else []
            detail = f"unknown key {extra[0]!r}" if extra else "needs exactly 'original' and 'translation'"
            raise ConfigError(f"{where}[{i}]: {detail}")
        specs.append(PairSpec(_string(entry["original"], where), _string(entry["translation"], where)))
    from .discover import check_patterns

    for spec in specs:
        check_patterns(spec, where)
    return config.replace(pairs=tuple(specs))


def _check_names(names: tuple[str, ...], where: str) -> tuple[str, ...]:
    from ..checks import CHECKS

    for name in names:
        if name not in CHECKS:
            raise ConfigError(f"{where}: unknown check {name!r} (known: {', '.join(CHECKS)})")
    return names


def _extensions(value: Any, where: str) -> tuple[str, ...]:
    return tuple(e if e.startswith(".") else f".{e}" for e in _strings(value, where))


def _workers(value: Any, where: str) -> int | None:
    if value == "auto":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(f"{where} must be a positive integer or \"auto\", not {value!r}")
    return value


def _cache(value: Any, where: str) -> str:
    if value is True:
        return "all"
    if value is False:
        return "off"
    if value not in CACHE_MODES:
        raise ConfigError(f"{where} must be one of {', '.join(CACHE_MODES)}, not {value!r}")
    return value


def _choice(options: tuple[str, ...]):
    def parse(value: Any, where: str) -> str:
        if value not in options:
            raise ConfigError(f"{where} must be one of {', '.join(options)}, not {value!r}")
        return value

    return parse


_KEYS: dict[str, Callable[[CheckConfig, Any, str], CheckConfig]] = {
    "source_lang": _setting("source_lang", _string),
    "target_lang": _setting("target_lang", _string),
    "encoder": _setting("encoder", _string),
    "pooling": _setting("encoder_pooling", _string),
    "prefix": _setting("encoder_prefix", _string),
    "presegmented": _setting("presegmented", _bool),
    "aligner": _setting("aligner", _choice(("embedding", "length"))),
    "checks": _setting("checks", lambda v, w: _check_names(_strings(v, w), w)),
    "thresholds": _thresholds,
    "fail_on": _fail_on,
    "fail_on_codes": _field("fail_on_codes", _codes),
    "ignore_codes": _field("ignore_codes", _codes),
    "severity": _severities,
    "ignore": _field("ignore", _strings),
    "extensions": _field("extensions", _extensions),
    "conventions": _field("conventions", _bool),
    "pairs": _pairs,
    "cache": _field("cache", _cache),
    "cache_dir": lambda c, v, w: c.replace(cache_dir=_path(c, v, w)),
    "workers": _field("workers", _workers),
    "baseline": lambda c, v, w: c.replace(baseline=_path(c, v, w)),
    "encoding": _field("encoding", _string),
    "input_format": _field("input_format", lambda v, w: None if _choice(INPUT_FORMATS)(v, w) == "auto" else v),
}

KNOWN_KEYS = tuple(sorted(_KEYS))
