"""The evaluation as a plain-text table for people: aligners side by side, targets beside."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from .perturb import MODES
from .score import BEAD_KINDS, Scores

if TYPE_CHECKING:
    from .run import AlignerRun, EvalResult

LABEL = 40
COLUMN = 11

Figure = Callable[["AlignerRun"], "float | int | None"]


def render(result: "EvalResult") -> str:
    runs = list(result.runs.values())
    targets = {key: f"{'≥' if op == '>=' else '≤'} {value:.2f}" for key, (op, value) in _targets(result).items()}
    lines = [
        f"{result.corpus}: {result.pairs:,} sentence pairs ({result.left_out} noisy or blank left out) · "
        f"mode {result.mode} · seed {result.seed} · "
        f"{result.perturbed_documents} perturbed + {result.unperturbed_documents} unperturbed documents",
        "",
        _row("", [r.aligner for r in runs], "target"),
    ]
    first = runs[0]
    lines.append(f"perturbed documents ({first.perturbed.documents}, {first.perturbed.sentences:,} sentences)")
    lines += _group(runs, "perturbed", targets)
    lines += _kinds(runs, result.mode)
    lines.append(f"unperturbed documents ({first.unperturbed.documents}, {first.unperturbed.sentences:,} sentences)")
    lines += _group(runs, "unperturbed", targets)
    lines.append(f"speed (model loaded in {result.encoder_seconds:.1f} s and warmed up in {result.warm_up_seconds:.1f} s)")
    lines.append(_row("  wall time in the checker, s", [f"{r.seconds:.1f}" for r in runs]))
    lines.append(_row("  CPU time in the checker, s", [f"{r.cpu_seconds:.1f}" for r in runs]))
    lines.append(_row("  sentences per second", [_number(r.sentences_per_second, ".0f") for r in runs]))
    lines.append(_row("  documents refused as unrelated", [str(r.refused) for r in runs]))
    lines.append("")
    lines.append(f"encoder {first.signature.get('encoder', '?')} · calibration {first.signature.get('calibration', '?')}")
    return "\n".join(lines)


def _targets(result: "EvalResult") -> dict[str, tuple[str, float]]:
    from .run import TARGETS

    return TARGETS[result.mode]


def _group(runs: list["AlignerRun"], group: str, targets: dict[str, str]) -> list[str]:
    def scores(run: "AlignerRun") -> Scores:
        return getattr(run, group)

    rows: list[tuple[str, Callable[[Scores], float | None], str]] = [
        ("link precision", lambda s: s.link.precision, ""),
        ("link recall", lambda s: s.link.recall, ""),
        ("link F1", lambda s: s.link.f1, "link_f1"),
        ("strict bead F1 (both sides non-empty)", lambda s: s.bead.f1, ""),
    ]
    if group == "perturbed":
        rows += [
            ("dropped/added sentence F1", lambda s: s.one_sided.f1, "dropped_added_f1"),
            ("  dropped F1", lambda s: s.dropped.f1, ""),
            ("  added F1", lambda s: s.added.f1, ""),
            ("problem flags precision", lambda s: s.flags.precision, ""),
            ("problem flags recall", lambda s: s.flags.recall, ""),
            ("problem flags F1", lambda s: s.flags.f1, ""),
        ]
    out = [_row(f"  {label}", [_number(get(scores(r))) for r in runs], targets.get(f"{group}.{key}", "")) for label, get, key in rows]
    out.append(
        _row(
            "  false alarms per 100 sentences",
            [_number(scores(r).false_alarms_per_100, ".2f") for r in runs],
            targets.get(f"{group}.false_alarms_per_100", ""),
        )
    )
    return out


def _kinds(runs: list["AlignerRun"], mode: str) -> list[str]:
    out = ["  found, by perturbation kind (count)"]
    for kind in MODES[mode]:
        found_total = runs[0].perturbed.kinds.get(kind, (0, 0))
        how = "exact bead" if kind in BEAD_KINDS else "flagged"
        label = f"    {kind} ({found_total[1]}, {how})"
        out.append(_row(label, [_number(r.perturbed.kind_recall(kind)) for r in runs]))
    return out


def _row(label: str, cells: list[str], target: str = "") -> str:
    return f"{label:<{LABEL}}" + "".join(f"{c:>{COLUMN}}" for c in cells) + (f"{target:>{COLUMN}}" if target else "")


def _number(value: float | None, spec: str = ".3f") -> str:
    return "—" if value is None else format(value, spec)
