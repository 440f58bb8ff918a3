"""`provenance check`: check every article pair of a repository before publication.

A thin layer over `provenance.check`: flags map onto configuration keys
(they override `provenance.toml` / `[tool.provenance]`), the result is
rendered in the chosen format, and the exit code is 0 (nothing fails),
1 (a finding at or above the failing severity) or 2 (usage or configuration).
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


class CacheMode(str, Enum):
    all = "all"
    embeddings = "embeddings"
    off = "off"


def check(
    paths: Optional[List[Path]] = typer.Argument(None, help="Files or folders to check (default: the whole project)."),
    config_file: Optional[Path] = typer.Option(None, "--config", help="Configuration file (default: found upwards)."),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", "-s", help="Language of the originals."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", "-t", help="Language of the translations."),
    encoder: Optional[str] = typer.Option(None, "--encoder", help="Sentence encoder."),
    fmt: CheckFormat = typer.Option(CheckFormat.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here."),
    html_dir: Optional[Path] = typer.Option(
        None, "--html-dir", help="Also write an HTML page per pair and an index.html here."
    ),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", help="Fail on findings at least this severe."),
    fail_on_code: Optional[List[str]] = typer.Option(None, "--fail-on-code", help="Always fail on this code."),
    ignore_code: Optional[List[str]] = typer.Option(None, "--ignore-code", help="Never report this code."),
    severity: Optional[List[str]] = typer.Option(None, "--severity", help="CODE=error|warning|info."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Leave out paths matching this glob."),
    workers: Optional[str] = typer.Option(None, "--workers", "-j", help="Worker processes, or auto."),
    cache: Optional[CacheMode] = typer.Option(None, "--cache", help="What to cache on disk."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Same as --cache off."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Where the caches live."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Baseline file of accepted findings."),
    no_baseline: bool = typer.Option(False, "--no-baseline", help="Ignore the baseline file."),
    write_baseline: bool = typer.Option(False, "--write-baseline", help="Accept all current findings."),
    encoding: Optional[str] = typer.Option(None, help="Text encoding of the files (default: detect)."),
    input_format: Optional[str] = typer.Option(
        None, "--input-format", help="text, markdown, html or auto (default: by extension, else sniffed)."
    ),
    progress: Optional[bool] = typer.Option(
        None, "--progress/--no-progress", help="Progress bar (default: on a terminal, not in CI)."
    ),
) -> None:
    """Check every original/translation pair of the project (or of PATHS), for CI."""
    from ..check import load_config, run_check
    from ..check import write_baseline as record
    from ..check.render import render_check
    from ..check.runner import progress_wanted

    config = load_config(
        paths or (),
        config_file,
        source_lang=source_lang,
        target_lang=target_lang,
        encoder=encoder,
        fail_on=fail_on.value if fail_on else None,
        fail_on_codes=fail_on_code or None,
        ignore_codes=ignore_code or None,
        severity=severity or None,
        ignore=ignore or None,
        workers=_workers(workers),
        cache="off" if no_cache else (cache.value if cache else None),
        cache_dir=cache_dir,
        baseline=baseline,
        encoding=encoding,
        input_format=input_format,
    )
    show_progress = progress_wanted() if progress is None else progress
    use_baseline = not (no_baseline or write_baseline)
    result = run_check(paths or (), config=config, progress=show_progress, use_baseline=use_baseline)
    if not result.pairs:
        typer.echo(f"provenance: no article pairs found under {config.root}", err=True)
    if write_baseline:
        count = record(result, config)
        plural = "s" * (count != 1)
        typer.echo(f"provenance: wrote {count} accepted finding{plural} to {config.baseline_path}", err=True)
        raise typer.Exit(0)
    if html_dir is not None:
        index = write_html_pages(result, config, html_dir)
        typer.echo(f"provenance: HTML report in {index}", err=True)
    _emit(render_check(result, fmt.value), output)
    raise typer.Exit(result.exit_code)


def write_html_pages(result, config, directory: Path) -> Path:
    """One HTML page per pair and an index; each compared pair is reported afresh."""
    from ..api import resolve_settings
    from ..check.pairs import report_for_pair
    from ..check.runner import make_encoder
    from ..errors import InputError
    from ..report.html import write_html_dir

    settings = resolve_settings(config.settings)
    encoder = make_encoder(config, settings)
    pages = []
    for outcome in result.pairs:
        title = f"{outcome.pair.original} → {outcome.pair.translation}"
        if not outcome.compared:
            pages.append((title, "; ".join(f.message for f in outcome.findings) or "not compared"))
            continue
        try:
            report, _ = report_for_pair(
                outcome.pair, config.root, settings, encoder, config.encoding, config.input_format
            )
        except InputError as exc:
            pages.append((title, str(exc)))
            continue
        pages.append((title, report))
    return write_html_dir(directory, pages)


def _workers(value: str | None) -> int | str | None:
    if value is None or value == "auto":
        return value
    try:
        return int(value)
    except ValueError:
        from ..errors import ConfigError

        raise ConfigError(f"option '--workers' must be a positive integer or auto, not {value!r}") from None


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from ..errors import InputError

    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(str(output), f"cannot write the report ({exc.strerror or exc})") from None
