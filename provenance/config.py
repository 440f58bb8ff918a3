"""One frozen settings object, built once and passed down the pipeline.

Defaults here, then calibration for the encoder and language pair (`models/`),
then a configuration file, then command-line flags: each layer is a
`Settings.replace(...)` of the one before.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError
from .types import Severity


@dataclass(frozen=True)
class Thresholds:
    """Numbers that decide statuses; calibrated per encoder and language pair."""

    # Below this similarity a 1-1 bead is not a translation (wrong passage).
    unrelated: float = 0.25
    # Below this similarity an aligned bead is reported as drifted.
    drift: float = 0.28
    # Alignment: reward for a bead is similarity minus this; a skipped
    # sentence costs nothing, so only pairs above it are worth linking.
    link: float = 0.15
    # Extra cost of a 2-sentence side (1-2, 2-1) and of a 2-2 bead.
    merge_penalty: float = 0.03
    # Weight of margin scoring: similarity relative to each sentence's neighbours.
    margin: float = 0.7
    # Half-width of the band searched around the first-pass path.
    band: int = 8
    # Similarity two sentences on the same topic reach by chance.
    chance_similarity: float = 0.35
    # Below this much evidence per sentence the two articles are unrelated.
    document_unrelated: float = 0.09
    # A negation in a clause of the translation no closer than this to the original is an
    # addition, not a reversal (provenance.checks.added).
    added_clause: float = 0.15
    # A negated clause of the translation closer by this to an affirmative clause of the
    # original than to every negated one is a reversal (provenance.checks.flipped).
    flipped_clause: float = 0.1

    def to_dict(self) -> dict[str, float]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class Settings:
    source_lang: str = "ko"
    target_lang: str = "en"
    presegmented: bool = False
    encoder: str = "use-m3"
    encoder_pooling: str | None = None  # local transformers models: cls, mean or max
    encoder_prefix: str | None = None  # local transformers models: text before each sentence
    aligner: str = "embedding"
    thresholds: Thresholds = field(default_factory=Thresholds)
    fail_on: Severity = Severity.WARNING
    checks: tuple[str, ...] | None = None  # None: every registered drift check
    calibration: str | None = None  # where thresholds came from, for the signature

    def replace(self, **changes: Any) -> "Settings":
        unknown = set(changes) - {f.name for f in dataclasses.fields(self)}
        if unknown:
            raise ConfigError(f"unknown setting: {sorted(unknown)[0]}")
        return dataclasses.replace(self, **changes)

    def with_thresholds(self, **changes: float) -> "Settings":
        known = {f.name for f in dataclasses.fields(Thresholds)}
        unknown = set(changes) - known
        if unknown:
            raise ConfigError(f"unknown threshold: {sorted(unknown)[0]}")
        return dataclasses.replace(self, thresholds=dataclasses.replace(self.thresholds, **changes))
