"""What a `check` run produces, in two layers.

`PairOutcome` is what comparing one pair found, before any policy: it only
depends on the two files and the settings, so it can be cached on disk and
computed in a worker process. `judge` (in `policy`) turns outcomes into a
`CheckResult`: configured severities, ignored codes, waivers, what fails.
Every renderer (text, JSON, SARIF, JUnit, GitHub) reads a `CheckResult`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..types import Severity
from .discover import Pair
from .waivers import Marker


@dataclass(frozen=True, slots=True)
class RawFinding:
    """A finding of one pair as the pipeline reported it, with the sentences involved."""

    code: str
    severity: Severity
    message: str
    src_line: int | None = None  # exact 1-based lines of the sentences involved
    tgt_line: int | None = None
    src_near: int | None = None  # where to point when a side has no sentence (a drop, an addition)
    tgt_near: int | None = None
    src_text: tuple[str, ...] = ()
    tgt_text: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["severity"] = self.severity.value
        out["src_text"], out["tgt_text"] = list(self.src_text), list(self.tgt_text)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "RawFinding":
        data = dict(data)
        data["severity"] = Severity(data["severity"])
        data["src_text"], data["tgt_text"] = tuple(data["src_text"]), tuple(data["tgt_text"])
        return cls(**data)


@dataclass(frozen=True)
class PairOutcome:
    """Everything comparing one pair found, independent of policy and waivers."""

    pair: Pair
    findings: tuple[RawFinding, ...]
    markers: tuple[Marker, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    signature: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    compared: bool = True  # False: a half is missing or the pair could not be compared
    has_original: bool = True
    has_translation: bool = True
    cached: bool = False  # read from the result cache, not computed this run

    def to_dict(self) -> dict[str, Any]:
        return {
            "findings": [f.to_dict() for f in self.findings],
            "markers": [m.to_dict() for m in self.markers],
            "counts": self.counts,
            "signature": self.signature,
            "seconds": self.seconds,
            "compared": self.compared,
            "has_original": self.has_original,
            "has_translation": self.has_translation,
        }

    @classmethod
    def from_dict(cls, pair: Pair, data: dict[str, Any], cached: bool = True) -> "PairOutcome":
        return cls(
            pair=pair,
            findings=tuple(RawFinding.from_dict(f) for f in data["findings"]),
            markers=tuple(Marker.from_dict(m) for m in data["markers"]),
            counts=data["counts"],
            signature=data["signature"],
            seconds=data["seconds"],
            compared=data["compared"],
            has_original=data["has_original"],
            has_translation=data["has_translation"],
            cached=cached,
        )


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int | None  # None: the whole file
    exact: bool = True  # False: the nearest line (where a dropped sentence would go)
    role: str = "translation"  # or "original"


@dataclass(frozen=True, slots=True)
class CheckFinding:
    """A finding after policy: effective severity, id, waiver, whether it fails the run."""

    code: str
    severity: Severity
    message: str
    its: str  # ITS 2.0 localization-quality issue type
    location: Location  # where to fix it: the translation when it exists
    related: tuple[Location, ...]  # the other side
    ident: str  # content id: code + sentences (see waivers.finding_id)
    fingerprint: str  # baseline key: id + translation path
    waived: str = ""  # "", "baseline" or "inline"
    waiver_reason: str = ""
    fails: bool = False  # at or above the failing severity (and not waived)

    @property
    def active(self) -> bool:
        return not self.waived

    def line_in(self, role: str) -> int | None:
        for loc in (self.location, *self.related):
            if loc.role == role:
                return loc.line
        return None


@dataclass(frozen=True)
class PairResult:
    pair: Pair
    findings: tuple[CheckFinding, ...]
    counts: dict[str, int]
    seconds: float
    compared: bool
    cached: bool

    @property
    def active(self) -> list[CheckFinding]:
        return [f for f in self.findings if f.active]

    @property
    def failed(self) -> bool:
        return any(f.fails for f in self.findings)

    @property
    def status(self) -> str:
        if self.failed:
            return "failed"
        return "findings" if self.active else "ok"


@dataclass(frozen=True)
class CheckResult:
    """The whole run: pairs in order, the run's signature, statistics."""

    pairs: tuple[PairResult, ...]
    signature: dict[str, str]
    fail_on: str
    root: str
    elapsed: float = 0.0
    baseline: str | None = None  # path of the baseline used, if any
    baseline_unused: int = 0
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def findings(self) -> list[CheckFinding]:
        return [f for p in self.pairs for f in p.findings]

    @property
    def failed(self) -> bool:
        return any(p.failed for p in self.pairs)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def summary(self) -> dict[str, Any]:
        active = [f for f in self.findings if f.active]
        by_severity = {s.value: sum(1 for f in active if f.severity is s) for s in reversed(Severity)}
        return {
            "pairs": len(self.pairs),
            "failed_pairs": sum(1 for p in self.pairs if p.failed),
            "pairs_with_findings": sum(1 for p in self.pairs if p.active),
            "findings": len(active),
            "by_severity": by_severity,
            "failing": sum(1 for f in active if f.fails),
            "waived": {
                "baseline": sum(1 for f in self.findings if f.waived == "baseline"),
                "inline": sum(1 for f in self.findings if f.waived == "inline"),
            },
            "baseline_unused": self.baseline_unused,
            "exit_code": self.exit_code,
        }
