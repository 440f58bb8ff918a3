"""Cross-check the credits of an original and its translation.

A translation must say who translated it, and the reporter it names must be
the reporter of the original (and the other way round). Findings use the
stable codes of `provenance.codes`; their severities can be changed per code.
"""

from __future__ import annotations

from typing import Mapping

from ..codes import lookup
from ..types import Finding, Severity
from .model import Credits, NameMatch
from .names import match_name

MISSING = "credit.missing"
TRANSLATOR_MISSING = "credit.translator-missing"
REPORTER_MISMATCH = "credit.reporter-mismatch"
UNPARSED = "credit.unparsed"

#: credits of the translation that may name the original's reporter
_NAMING_REPORTERS = ("reporter", "contributor", "writer")


def cross_check(
    source: Credits,
    target: Credits,
    *,
    severities: Mapping[str, Severity | str] | None = None,
) -> list[Finding]:
    """Findings about the credits: `source` is the original, `target` the translation."""
    severity = _severities(severities)
    pair = (source, target)
    findings: list[Finding] = []
    if target.empty:
        findings.append(_finding(MISSING, severity, "The translation has no credit line.", pair))
    elif not target.has("translator"):
        credited = ", ".join(dict.fromkeys(c.role for c in target.credits)) or "nothing readable"
        message = f"The translation's credits name no translator (they credit: {credited})."
        findings.append(_finding(TRANSLATOR_MISSING, severity, message, pair, tgt=target.lines))
    findings.extend(_reporter_findings(source, target, severity))
    for index in source.unparsed:
        message = f"A credit line of the original could not be read (sentence {index})."
        findings.append(_finding(UNPARSED, severity, message, pair, src=(index,)))
    for index in target.unparsed:
        message = f"A credit line of the translation could not be read (sentence {index})."
        findings.append(_finding(UNPARSED, severity, message, pair, tgt=(index,)))
    return findings


def reporter_matches(source: Credits, target: Credits) -> list[NameMatch]:
    """For every reporter of the translation, its best match among the original's reporters."""
    korean = source.names("reporter")
    return [_best(name, korean) for name in target.names("reporter")] if korean else []


def _reporter_findings(source: Credits, target: Credits, severity: dict[str, Severity]) -> list[Finding]:
    original, translated = source.names("reporter"), target.names("reporter")
    if not original or not translated:
        return []  # a side names no reporter (or only a service): nothing to compare
    findings = []
    for name in translated:
        best = _best(name, original)
        if not best.matched and best.how != "unsupported":
            findings.append(
                _finding(
                    REPORTER_MISMATCH,
                    severity,
                    f"Reporter {name!r} of the translation is not in the original's byline "
                    f"(reporters there: {', '.join(original)}; closest {best.korean!r} at {best.confidence:.2f}).",
                    (source, target),
                    src=_sentences(source, "reporter"),
                    tgt=_sentences(target, "reporter", name),
                )
            )
    credited = [n for role in _NAMING_REPORTERS for n in target.names(role)]
    for name in original:
        best = max((match_name(c, name) for c in credited), key=lambda m: m.confidence)
        if not best.matched and best.how != "unsupported":
            findings.append(
                _finding(
                    REPORTER_MISMATCH,
                    severity,
                    f"Reporter {name!r} of the original is not credited in the translation "
                    f"(reporters there: {', '.join(translated)}; closest {best.english!r} at {best.confidence:.2f}).",
                    (source, target),
                    src=_sentences(source, "reporter", name),
                    tgt=_sentences(target, "reporter"),
                )
            )
    return findings


def _best(english: str, korean: list[str]) -> NameMatch:
    return max((match_name(english, k) for k in korean), key=lambda m: m.confidence)


def _sentences(credits: Credits, role: str, name: str | None = None) -> tuple[int, ...]:
    found = {c.sentence for c in credits.of(role) if c.sentence is not None and (name is None or name in c.names)}
    return tuple(sorted(found))


def _line(credits: Credits, sentences: tuple[int, ...]) -> int | None:
    lines = [line for line in map(credits.line_of, sentences) if line is not None]
    return min(lines) if lines else None


def _severities(overrides: Mapping[str, Severity | str] | None) -> dict[str, Severity]:
    codes = (MISSING, TRANSLATOR_MISSING, REPORTER_MISMATCH, UNPARSED)
    table = {code: lookup(code).severity for code in codes}
    for code, value in (overrides or {}).items():
        table[code] = Severity(value)
    return table


def _finding(
    code: str,
    severity: dict[str, Severity],
    message: str,
    pair: tuple[Credits, Credits],
    *,
    src: tuple[int, ...] = (),
    tgt: tuple[int, ...] = (),
) -> Finding:
    source, target = pair
    return Finding(
        code=code,
        severity=severity[code],
        message=message,
        src=src,
        tgt=tgt,
        src_line=_line(source, src),
        tgt_line=_line(target, tgt),
    )
