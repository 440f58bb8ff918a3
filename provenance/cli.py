"""The `provenance` command: a thin typer layer over the Python API.

Each command calls one API function and maps its result to an exit code:
0 no problems, 1 problems at or above the failing severity, 2 bad usage or
unreadable input (one line on stderr, never a traceback), 3 an internal error.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from . import __version__

app = typer.Typer(
    name="provenance",
    help="Check that a translated article still says what its original says.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Format(str, Enum):
    text = "text"
    json = "json"
    html = "html"


class DataFormat(str, Enum):
    text = "text"
    json = "json"


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    markdown = "markdown"
    html = "html"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"provenance {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """Check that a translated article still says what its original says."""


@app.command()
def compare(
    original: Path = typer.Argument(..., help="The original article (e.g. Korean)."),
    translation: Path = typer.Argument(..., help="Its translation (e.g. English)."),
    source_lang: str = typer.Option("ko", "--source-lang", "-s", help="Language of the original."),
    target_lang: str = typer.Option("en", "--target-lang", "-t", help="Language of the translation."),
    presegmented: bool = typer.Option(False, help="One sentence per line; line i is sentence i."),
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here."),
    encoder: str = typer.Option("use-m3", help="Sentence encoder: use-m3, hashing, or a local model directory."),
    pooling: Optional[str] = typer.Option(None, help="Pooling of a local model: cls, mean or max."),
    prefix: Optional[str] = typer.Option(
        None, help='Text before each sentence for a local model (multilingual-e5: "query: ").'
    ),
    encoding: Optional[str] = typer.Option(None, help="Text encoding of both files (default: detect)."),
    input_format: InputFormat = typer.Option(
        InputFormat.auto, "--input-format", help="text, markdown or html (default: by extension, else sniffed)."
    ),
    fail_on: FailOn = typer.Option(FailOn.warning, help="Exit 1 when a finding is at least this severe."),
    problems_only: bool = typer.Option(False, "--problems-only", help="Show only beads with problems."),
    notes: bool = typer.Option(
        False, "--notes", help="List the info notes too: a name with no counterpart, a negation rendered otherwise."
    ),
) -> None:
    """Compare an original with its translation, sentence by sentence."""
    from .embed import prefetch

    prefetch(encoder)  # the tokenizer builds on a thread while the rest is imported and the files read
    from .api import compare as run_compare
    from .report import render

    report = run_compare(
        original,
        translation,
        encoding=encoding,
        input_format=None if input_format is InputFormat.auto else input_format.value,
        source_lang=source_lang,
        target_lang=target_lang,
        presegmented=presegmented,
        encoder=encoder,
        encoder_pooling=pooling,
        encoder_prefix=prefix,
    )
    color = output is None and fmt is Format.text and sys.stdout.isatty()
    width = _terminal_width() if output is None else None
    text = render(report, fmt.value, color=color, problems_only=problems_only, notes=notes, width=width)
    _emit(text, output)
    raise typer.Exit(exit_code(report, fail_on.value))


@app.command()
def credits(
    article: Path = typer.Argument(..., help="An article, original or translation."),
    lang: Optional[str] = typer.Option(None, "--lang", "-l", help="Its language (default: from its script)."),
    fmt: DataFormat = typer.Option(DataFormat.text, "--format", "-f", help="Output format."),
    encoding: Optional[str] = typer.Option(None, help="Text encoding (default: detect)."),
    input_format: InputFormat = typer.Option(
        InputFormat.auto, "--input-format", help="text, markdown or html (default: by extension, else sniffed)."
    ),
) -> None:
    """Print who reported, translated, wrote and edited one article."""
    from .api import article_credits

    fmt_in = None if input_format is InputFormat.auto else input_format.value
    found = article_credits(article, lang=lang, encoding=encoding, input_format=fmt_in)
    if fmt is DataFormat.json:
        import json

        _emit(json.dumps(found.to_dict(), ensure_ascii=False, indent=2) + "\n", None)
    else:
        from .credits import render_text

        _emit(render_text(found, path=str(article)).rstrip("\n") + "\n", None)


from .commands.check import check as _check_command  # noqa: E402 - typer only at import

app.command("check")(_check_command)


@app.command("eval")
def evaluate(
    corpus: list[str] = typer.Argument(None, help="kpc, jhe, a folder (one *.ko, one *.en, a noise.json if any), a file stem (STEM.ko + STEM.en) or two files."),
    docs: int = typer.Option(80, help="Test documents to build (a quarter left unperturbed)."),
    seed: int = typer.Option(1, help="Seed of the document generator."),
    mode: str = typer.Option("full", help="full: every perturbation; structural: merge, split, drop, insert."),
    aligner: str = typer.Option("both", help="embedding, length (Gale-Church floor) or both."),
    json_path: Optional[Path] = typer.Option(None, "--json", help="Write the figures as JSON here."),
    noise: Optional[Path] = typer.Option(
        None, help="noise.json of pairs to leave out (default: the one beside the corpus, if any)."
    ),
    source_lang: Optional[str] = typer.Option(None, "--source-lang", "-s", help="Language of the first file (default ko)."),
    target_lang: Optional[str] = typer.Option(None, "--target-lang", "-t", help="Language of the second file (default en)."),
) -> None:
    """Measure alignment and flags on a line-aligned parallel corpus."""
    from .evaluate import main_eval

    raise typer.Exit(main_eval(
        corpus or ["kpc"], docs, seed, mode, aligner, str(json_path) if json_path else None,
        noise=str(noise) if noise else None, source_lang=source_lang, target_lang=target_lang,
    ))


@app.command()
def calibrate(
    files: Optional[list[Path]] = typer.Argument(
        None, help="Source and target corpus files, line i translating line i (default: ../shared/data kpc-dev)."
    ),
    encoder: str = typer.Option("use-m3", help="Encoder name or local model directory."),
    source_lang: str = typer.Option("ko", "--source-lang", "-s"),
    target_lang: str = typer.Option("en", "--target-lang", "-t"),
    pooling: Optional[str] = typer.Option(None, help="Pooling of a local model: cls, mean or max."),
    prefix: Optional[str] = typer.Option(None, help="Text before each sentence for a local model."),
    out_dir: Optional[Path] = typer.Option(
        None, "--out-dir", help="Default: the user's calibration directory; `models` to ship it."
    ),
) -> None:
    """Fit the thresholds for an encoder on a parallel corpus and save them."""
    from .calibrate import calibrate as run, summary

    if files and len(files) != 2:
        raise typer.BadParameter("give two files (source, target) or none")
    source, target = files if files else (None, None)
    path = run(
        encoder, source, target, source_lang=source_lang, target_lang=target_lang,
        out_dir=out_dir, pooling=pooling, prefix=prefix,
    )
    typer.echo(summary(path))


#: the text report's width when it is not shown in a terminal (nor COLUMNS set)
REPORT_WIDTH = 120
#: narrower than this, two columns of sentences are unreadable: the report stays this wide
MIN_REPORT_WIDTH = 60


def _terminal_width() -> int:
    """The terminal's width (or COLUMNS), so the side-by-side table fits the screen."""
    import shutil

    return max(MIN_REPORT_WIDTH, shutil.get_terminal_size((REPORT_WIDTH, 24)).columns)


def exit_code(report, fail_on: str) -> int:
    """1 when a finding reaches the failing severity, else 0."""
    from .types import Severity

    if fail_on == "never" or not report.findings:
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for f in report.findings) else 0


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from .errors import InputError

    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(str(output), f"cannot write the report ({exc.strerror or exc})") from None


#: exit code after Ctrl-C, as shells report a process ended by SIGINT
INTERRUPTED = 130


def _interrupted(whole_process: bool) -> None:
    """Say so in one line. When the command line is the whole process, a second Ctrl-C
    is ignored from here on: exiting waits for the encoder's worker threads to finish
    their micro-batch, and interrupting that wait printed a traceback."""
    typer.echo("provenance: interrupted", err=True)
    if whole_process:
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the app, turn errors into one line and an exit code.

    Usage errors are typer's own (exit 2); our errors are one line on stderr
    with their exit code; anything else is a bug, said so in one line (exit 3).
    """
    from .errors import ProvenanceError

    try:
        app(args=argv, prog_name="provenance")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        if code == INTERRUPTED:  # typer turns Ctrl-C into exit 130 itself, silently
            _interrupted(whole_process=argv is None)
        return code
    except ProvenanceError as exc:
        typer.echo(f"provenance: error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:  # outside a command (typer catches it inside one)
        _interrupted(whole_process=argv is None)
        return INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        typer.echo(f"provenance: internal error: {type(exc).__name__}: {exc} (please report this)", err=True)
        return 3
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
