"""Thresholds fitted per encoder and language pair, loaded at run time.

A calibration file is `<encoder>/<source>-<target>.json` holding the fitted
thresholds together with the data, date and figures they came from. The
user's own calibration directory wins over the files shipped in `models/`;
with neither, the defaults in `config.Thresholds` apply.
"""

from __future__ import annotations

import dataclasses
import json
import os
from functools import lru_cache
from pathlib import Path

from .config import Settings, Thresholds
from .errors import ConfigError

SHIPPED = Path(__file__).resolve().parent.parent / "models"


def user_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(os.environ.get("PROVENANCE_CALIBRATION", Path(base) / "provenance" / "calibration"))


def encoder_key(encoder: str) -> str:
    """A file-system name for an encoder name or a local model path."""
    return Path(encoder.rstrip("/")).name or "encoder"


def calibration_path(encoder: str, source_lang: str, target_lang: str) -> Path | None:
    name = f"{encoder_key(encoder)}/{source_lang}-{target_lang}.json"
    for root in (user_dir(), SHIPPED):
        path = root / name
        if path.is_file():
            return path
    return None


def calibrated(settings: Settings) -> Settings:
    """Settings with fitted thresholds, unless thresholds were set explicitly."""
    if settings.calibration is not None:
        return settings  # already resolved, or set by hand
    path = calibration_path(settings.encoder, settings.source_lang, settings.target_lang)
    if path is None:
        return settings.replace(calibration="defaults")
    fitted = _load(str(path))
    merged = dataclasses.replace(Thresholds(), **fitted)
    if settings.thresholds != Thresholds():  # explicit values win over the file
        changed = {
            k: v for k, v in dataclasses.asdict(settings.thresholds).items() if v != getattr(Thresholds(), k)
        }
        merged = dataclasses.replace(merged, **changed)
    return settings.replace(thresholds=merged, calibration=f"{path.parent.name}/{path.name}")


@lru_cache(maxsize=16)
def _load(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        thresholds = data["thresholds"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{path}: not a calibration file ({exc})") from None
    known = {f.name for f in dataclasses.fields(Thresholds)}
    unknown = set(thresholds) - known
    if unknown:
        raise ConfigError(f"{path}: unknown threshold {sorted(unknown)[0]!r}")
    return thresholds


#: sections of a calibration file fitted by other tools, kept when the thresholds are rewritten
KEPT_SECTIONS = ("partial",)


def write_calibration(path: Path, settings: Settings, thresholds: Thresholds, provenance: dict) -> None:
    """Write a calibration file with where its numbers came from.

    Sections this writer does not produce (the lost-clause model under
    "partial", fitted by benchmarks/partial.py) are kept from the file it replaces.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    record = {
        "encoder": settings.encoder,
        "source": settings.source_lang,
        "target": settings.target_lang,
        "thresholds": thresholds.to_dict(),
        **provenance,
    }
    if path.is_file():
        try:
            old = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            old = {}
        record.update({key: value for key, value in old.items() if key in KEPT_SECTIONS and key not in record})
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
