"""Accepting a known difference without silencing everything.

Two kinds of waiver, both tied to the exact sentences of one finding, so a
waiver stops applying as soon as one of those sentences changes:

* an inline marker in the translation, an HTML comment naming the finding's
  code and id (the id is printed with every finding)::

      <!-- provenance: ignore addition.passage 1a2b3c4d (background for English readers) -->

  It is blanked out (same length, newlines kept) before the text is compared,
  so line numbers do not move and the segmenter never reads it;

* a baseline file (`.provenance-baseline.json`, written by
  `provenance check --write-baseline`) listing the fingerprints of accepted
  findings: only new findings fail.

The id is a hash of (code, the original's sentences, the translation's
sentences), whitespace-normalised; the baseline fingerprint adds the
translation's path, so a baseline entry cannot waive the same sentences in
another article.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ..errors import ConfigError
from .codes import all_codes

SHORT_ID = 8  # hex digits of the id written in markers
BASELINE_SCHEMA = "provenance.baseline/1"

_MARKER = re.compile(r"<!--\s*provenance\s*:(?P<body>.*?)-->", re.S)
_REASON = re.compile(r"\((?P<reason>[^()]*)\)\s*$")
_ID = re.compile(r"[0-9a-fA-F]{%d,64}" % SHORT_ID)
_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass(frozen=True, slots=True)
class Marker:
    """One `ignore CODE ID` item of an inline marker (a marker may hold several)."""

    line: int  # 1-based line of the marker in the translation
    code: str
    ident: str  # lower-case hex, at least SHORT_ID digits
    reason: str = ""
    problem: str = ""  # set when the marker cannot be read; code/ident may be empty

    def waives(self, code: str, ident: str) -> bool:
        return not self.problem and self.code == code and ident.startswith(self.ident)

    def to_dict(self) -> dict:
        return {f: getattr(self, f) for f in ("line", "code", "ident", "reason", "problem")}

    @classmethod
    def from_dict(cls, data: dict) -> "Marker":
        return cls(**data)


def marker_text(code: str, ident: str) -> str:
    """The marker an editor pastes into the translation to accept this finding."""
    return f"<!-- provenance: ignore {code} {ident[:SHORT_ID]} -->"


def strip_markers(text: str) -> tuple[str, list[Marker]]:
    """`text` with every provenance marker blanked (offsets and lines kept), and the markers read."""
    markers: list[Marker] = []

    def blank(match: re.Match[str]) -> str:
        line = text.count("\n", 0, match.start()) + 1
        markers.extend(parse_marker(match.group("body"), line))
        return _NOT_NEWLINE.sub(" ", match.group())

    return _MARKER.sub(blank, text), markers


def parse_marker(body: str, line: int) -> list[Marker]:
    """`ignore CODE ID[, CODE ID…] [(reason)]` → one Marker per item, or one with a problem."""
    body = " ".join(body.split())
    verb, _, rest = body.partition(" ")
    if verb != "ignore":
        return [Marker(line, "", "", problem=f"expected 'ignore CODE ID', found {body!r}")]
    reason_match = _REASON.search(rest)
    reason = reason_match.group("reason").strip() if reason_match else ""
    items = rest[: reason_match.start()] if reason_match else rest
    markers = [_item(part.split(), line, reason) for part in items.split(",")]
    return markers or [Marker(line, "", "", problem="names no finding")]


def _item(words: list[str], line: int, reason: str) -> Marker:
    if len(words) != 2:
        found = " ".join(words) or "nothing"
        return Marker(line, "", "", reason, f"expected CODE ID (the id printed with the finding), found {found!r}")
    code, ident = words
    if code not in all_codes():
        return Marker(line, code, "", reason, f"unknown finding code {code!r}")
    if not _ID.fullmatch(ident):
        return Marker(line, code, "", reason, f"{ident!r} is not a finding id ({SHORT_ID} hex digits)")
    return Marker(line, code, ident.lower(), reason)


# -- fingerprints -------------------------------------------------------------------
def finding_id(code: str, src_text: Sequence[str], tgt_text: Sequence[str]) -> str:
    """Hash of the code and the sentences involved: survives moves, not edits."""
    parts = [code, "\x1e".join(_normal(t) for t in src_text), "\x1e".join(_normal(t) for t in tgt_text)]
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def fingerprint(ident: str, translation: str) -> str:
    """The baseline key: the finding's id within one translation file."""
    return hashlib.sha256(f"{ident}\x1f{translation}".encode("utf-8")).hexdigest()


def _normal(text: str) -> str:
    return " ".join(text.split())


# -- baseline ------------------------------------------------------------------------
@dataclass
class Baseline:
    """Accepted findings; each entry waives one finding with its fingerprint."""

    path: Path
    entries: list[dict]

    def __post_init__(self) -> None:
        self._left = Counter(e["fingerprint"] for e in self.entries)

    def take(self, fingerprint_: str) -> bool:
        """Use up one entry with this fingerprint, if any is left."""
        if self._left[fingerprint_] > 0:
            self._left[fingerprint_] -= 1
            return True
        return False

    def unused(self, translations: set[str] | None = None) -> int:
        """Entries that waived nothing this run (of the given translations only)."""
        fingerprints = {
            e["fingerprint"] for e in self.entries if translations is None or e.get("translation") in translations
        }
        return sum(self._left[f] for f in fingerprints)


def _entry_order(entry: dict) -> tuple:
    return entry.get("translation", ""), entry.get("line") or 0, entry.get("code", ""), entry["fingerprint"]


def load_baseline(path: Path) -> Baseline | None:
    """The baseline at `path`, None when there is none; a damaged one is an error to fix."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise ConfigError(
            f"{path}: not a readable baseline ({exc}); fix it or write a new one with --write-baseline"
        ) from None
    entries = data.get("findings") if isinstance(data, dict) else None
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema != BASELINE_SCHEMA or not isinstance(entries, list) or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise ConfigError(f"{path}: not a {BASELINE_SCHEMA} file; write a new one with --write-baseline")
    return Baseline(path, entries)


def write_baseline(path: Path, entries: Iterable[dict], keep: Iterable[dict] = ()) -> int:
    """Write the baseline (sorted, no timestamps: it diffs cleanly in review); returns its size."""
    rows = sorted([*keep, *entries], key=_entry_order)
    document = {
        "schema": BASELINE_SCHEMA,
        "about": "Findings accepted by the editors. Each entry waives one finding while the sentences "
        "involved stay the same. Rewrite with `provenance check --write-baseline`.",
        "findings": rows,
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot write the baseline ({exc.strerror or exc})") from None
    return len(rows)
