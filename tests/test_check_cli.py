"""`provenance check` as CI runs it: exit codes, configuration, waivers, caches, workers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from provenance.check import load_config, run_check
from provenance.check.runner import choose_workers, progress_wanted
from provenance.cli import app, main
from provenance.commands.check import check

from .conftest import FIXTURES

if not any((c.name or getattr(c.callback, "__name__", "")) == "check" for c in app.registered_commands):
    app.command("check")(check)  # until cli.py registers it

REPO = {
    "ko/workers.txt": "nk-workers/ko.txt",
    "en/workers.txt": "nk-workers/en-changed-numbers.txt",
    "background.ko.txt": "nk-workers/ko.txt",
    "background.en.txt": "nk-workers/en-added-background.txt",
    "typhoon.ko.md": "typhoon/ko.txt",
    "typhoon.en.md": "typhoon/en.txt",
}


def make_repo(root: Path, files: dict[str, str] = REPO, config: str = "") -> Path:
    (root / ".git").mkdir(parents=True, exist_ok=True)
    for name, fixture in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(FIXTURES / fixture, root / name)
    if config:
        (root / "provenance.toml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> Path:
    """One cache for the module: the first run pays for the encoder, later ones read."""
    return tmp_path_factory.mktemp("cache")


def run(capsys, monkeypatch, root: Path, *args: str) -> tuple[int, str, str]:
    monkeypatch.chdir(root)
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_json(capsys, monkeypatch, root: Path, cache: Path, *args: str) -> tuple[int, dict]:
    code, out, _ = run(capsys, monkeypatch, root, "--format", "json", "--cache-dir", str(cache), *args)
    return code, json.loads(out)


def active(document: dict) -> list[tuple[str, str]]:
    return sorted((p["translation"], f["code"]) for p in document["pairs"] for f in p["findings"] if not f["waived"])


# -- without the model ---------------------------------------------------------------------------
USAGE_CASES = [
    ("tresholds = 1\n", (), "unknown key 'tresholds'"),
    ("", ("--fail-on-code", "drift.nmber"), "unknown finding code 'drift.nmber'"),
    ("", ("--workers", "many"), "'--workers' must be a positive integer"),
    ("", ("--format", "pdf"), "Invalid value"),
    ("", ("nowhere.txt",), "nowhere.txt: no such file or directory"),
]


@pytest.mark.parametrize("config, args, message", USAGE_CASES)
def test_usage_and_configuration_errors_exit_2_with_one_line(tmp_path, capsys, monkeypatch, config, args, message):
    root = make_repo(tmp_path, {}, config)
    code, out, err = run(capsys, monkeypatch, root, *args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err and out == ""


def test_no_pairs_is_not_a_failure(tmp_path, capsys, monkeypatch):
    root = make_repo(tmp_path, {})
    (root / "notes.txt").write_text("nothing to pair\n", encoding="utf-8")
    code, out, err = run(capsys, monkeypatch, root, "notes.txt")
    assert code == 0
    assert "no article pairs found" in err and "0 pairs checked" in out


PROGRESS_CASES = [(True, None, True), (True, "true", False), (False, None, False)]


@pytest.mark.parametrize("tty, ci, shown", PROGRESS_CASES)
def test_progress_bar_only_on_a_terminal_outside_ci(monkeypatch, tty, ci, shown):
    class Stream:
        def isatty(self) -> bool:
            return tty

    monkeypatch.delenv("CI", raising=False)
    if ci:
        monkeypatch.setenv("CI", ci)
    assert progress_wanted(Stream()) is shown


WORKER_CASES = [
    # (requested, pairs to compare, injected encoder, expected)
    (None, 3, False, 1),  # too few to pay for starting workers
    (2, 3, False, 2),
    (4, 3, False, 3),  # never more than the pairs
    (2, 50, True, 1),  # an encoder object lives in this process
    (None, 0, False, 1),
]


@pytest.mark.parametrize("requested, count, injected, expected", WORKER_CASES)
def test_worker_count(requested, count, injected, expected):
    assert choose_workers(requested, count, injected) == expected


AUTO_CASES = [(2, 12, 1), (2, 16, 2), (2, 500, 2), (8, 500, 4), (8, 24, 3), (1, 500, 1)]


@pytest.mark.parametrize("cores, count, expected", AUTO_CASES)
def test_auto_workers_one_per_core_when_each_has_enough_pairs(monkeypatch, cores, count, expected):
    from provenance.check import runner

    monkeypatch.setattr(runner, "_cores", lambda: cores)
    assert choose_workers(None, count) == expected


# -- with the model ------------------------------------------------------------------------------------
@pytest.mark.model
def test_exit_codes_and_text_output(tmp_path, capsys, monkeypatch, cache):
    root = make_repo(tmp_path)
    code, out, _ = run(capsys, monkeypatch, root, "--cache-dir", str(cache))
    assert code == 1
    assert "  en/workers.txt:5: error drift.number: " in out
    assert "  background.en.txt:23: warning addition.passage: " in out
    assert "typhoon" not in out.split("pairs checked")[0]  # the clean pair is not listed
    code, out, _ = run(capsys, monkeypatch, root, "--cache-dir", str(cache), "typhoon.en.md")
    assert code == 0 and "1 pair checked" in out
    code, _, _ = run(capsys, monkeypatch, root, "--cache-dir", str(cache), "background.ko.txt", "--fail-on", "error")
    assert code == 0  # the added passage is a warning


@pytest.mark.model
def test_the_file_sets_the_failing_level_and_the_flag_overrides_it(tmp_path, capsys, monkeypatch, cache):
    root = make_repo(tmp_path, config='fail_on = "never"\n[severity]\n"addition.passage" = "error"\n')
    code, document = as_json(capsys, monkeypatch, root, cache, "background.en.txt")
    assert code == 0
    assert [f["severity"] for p in document["pairs"] for f in p["findings"]] == ["error"]
    code, _ = as_json(capsys, monkeypatch, root, cache, "background.en.txt", "--fail-on", "error")
    assert code == 1
    code, _ = as_json(capsys, monkeypatch, root, cache, "background.en.txt", "--fail-on", "error", "--ignore-code", "addition.*")
    assert code == 0


@pytest.mark.model
def test_a_missing_half_is_a_finding(tmp_path, capsys, monkeypatch, cache):
    root = make_repo(tmp_path, {"ko/workers.txt": "nk-workers/ko.txt", "en/extra.txt": "typhoon/en.txt"})
    code, document = as_json(capsys, monkeypatch, root, cache)
    assert code == 1
    assert active(document) == [("en/extra.txt", "pair.missing-original"), ("en/workers.txt", "pair.missing-translation")]


@pytest.mark.model
def test_a_pair_that_cannot_be_compared_is_a_finding_naming_its_file(tmp_path, capsys, monkeypatch, cache):
    root = make_repo(tmp_path, {"typhoon.en.md": "typhoon/en.txt"})
    (root / "typhoon.ko.md").write_bytes(b"")
    code, document = as_json(capsys, monkeypatch, root, cache)
    [finding] = document["pairs"][0]["findings"]
    assert code == 1 and finding["code"] == "pair.invalid"
    assert finding["message"] == "cannot be compared: typhoon.ko.md: the file is empty"


@pytest.mark.model
def test_baseline_accepts_current_findings_until_a_sentence_changes(tmp_path, capsys, monkeypatch, cache):
    root = make_repo(tmp_path)
    code, _, err = run(capsys, monkeypatch, root, "--cache-dir", str(cache), "--write-baseline")
    assert code == 0 and "wrote 4 accepted findings" in err
    baseline = json.loads((root / ".provenance-baseline.json").read_text(encoding="utf-8"))
    assert sorted(e["code"] for e in baseline["findings"]) == ["addition.passage", "drift.date", "drift.number", "drift.number"]
    code, document = as_json(capsys, monkeypatch, root, cache)
    assert code == 0 and active(document) == [] and document["summary"]["waived"]["baseline"] == 4

    workers = root / "en/workers.txt"
    workers.write_text(workers.read_text(encoding="utf-8").replace("30,000", "40,000", 1), encoding="utf-8")
    code, document = as_json(capsys, monkeypatch, root, cache)
    assert code == 1
    assert active(document) == [("en/workers.txt", "drift.number")]
    assert document["summary"]["baseline_unused"] == 1


@pytest.mark.model
def test_an_inline_marker_waives_one_finding_until_its_sentences_change(tmp_path, capsys, monkeypatch, cache):
    root = make_repo(tmp_path)
    _, document = as_json(capsys, monkeypatch, root, cache, "background.en.txt")
    [finding] = document["pairs"][0]["findings"]
    assert finding["code"] == "addition.passage"
    path = root / "background.en.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    line = finding["location"]["line"]
    lines.insert(line - 1, finding["waiver"].replace(" -->", " (background for readers) -->"))
    lines.insert(line, "")
    path.write_text("\n".join(lines), encoding="utf-8")

    code, document = as_json(capsys, monkeypatch, root, cache, "background.en.txt")
    assert code == 0
    [waived] = document["pairs"][0]["findings"]
    assert waived["waived"] == "inline" and waived["waiver_reason"] == "background for readers"
    assert waived["location"]["line"] == line + 2  # the marker line and blank line moved it, nothing else

    text = path.read_text(encoding="utf-8").replace("largest Chinese city", "biggest Chinese city")
    path.write_text(text, encoding="utf-8")
    code, document = as_json(capsys, monkeypatch, root, cache, "background.en.txt")
    assert code == 1
    assert active(document) == [("background.en.txt", "addition.passage"), ("background.en.txt", "waiver.unused")]


@pytest.mark.model
def test_markdown_pairs_are_read_as_compare_reads_them_and_markers_still_waive(tmp_path, capsys, monkeypatch, cache):
    from provenance.api import compare

    root = make_repo(tmp_path, {"bg.ko.md": "nk-workers/ko.txt", "bg.en.md": "nk-workers/en-added-background.txt"})
    path = root / "bg.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Dandong is", "**Dandong** is", 1), encoding="utf-8")
    expected = [(f.code, f.tgt_line) for f in compare(root / "bg.ko.md", path).findings]
    _, document = as_json(capsys, monkeypatch, root, cache)
    [finding] = document["pairs"][0]["findings"]
    assert [(finding["code"], finding["location"]["line"])] == expected

    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(finding["location"]["line"] - 2, finding["waiver"])  # on the blank line's place, before it
    path.write_text("\n".join(lines), encoding="utf-8")
    code, document = as_json(capsys, monkeypatch, root, cache)
    assert code == 0
    assert [f["waived"] for f in document["pairs"][0]["findings"]] == ["inline"]


class Counting:
    """The real encoder, counting the sentences it is asked to encode."""

    def __init__(self, inner) -> None:
        self.inner, self.name, self.signature, self.encoded = inner, inner.name, inner.signature, 0

    def encode(self, texts):
        self.encoded += len(texts)
        return self.inner.encode(texts)

    def embed_runs(self, sides, max_run=2):
        self.encoded += sum(len(s) for s in sides)
        return self.inner.embed_runs(sides, max_run)


@pytest.mark.model
def test_a_warm_run_encodes_nothing_and_an_edit_encodes_only_its_neighbourhood(tmp_path, encoder):
    root = make_repo(tmp_path / "repo")
    config = load_config(start=root, cache_dir=tmp_path / "cache", cache="embeddings")
    cold = Counting(encoder)
    first = run_check(config=config, encoder=cold)
    assert cold.encoded > 100
    warm = Counting(encoder)
    second = run_check(config=config, encoder=warm)
    assert warm.encoded == 0
    assert [(f.code, f.location) for f in second.findings] == [(f.code, f.location) for f in first.findings]

    path = root / "typhoon.en.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Typhoon", "Storm", 1), encoding="utf-8")
    edited = Counting(encoder)
    run_check(config=config, encoder=edited)
    assert 1 <= edited.encoded <= 3  # the changed sentence and its neighbours, for the 2-sentence runs


@pytest.mark.model
def test_the_result_cache_skips_unchanged_pairs(tmp_path, encoder):
    root = make_repo(tmp_path / "repo")
    config = load_config(start=root, cache_dir=tmp_path / "cache")
    first = run_check(config=config, encoder=encoder)
    assert first.stats["compared"] == 3
    second = run_check(config=config, encoder=Counting(encoder))
    assert second.stats["compared"] == 0 and second.stats["from_result_cache"] == 3
    assert [p.findings for p in second.pairs] == [p.findings for p in first.pairs]
    assert all(p.cached for p in second.pairs)


@pytest.mark.model
def test_a_pair_with_a_missing_half_is_checked_but_not_counted_as_compared(tmp_path, encoder):
    root = make_repo(tmp_path / "repo", {**REPO, "orphan.ko.txt": "typhoon/ko.txt"})
    config = load_config(start=root, cache_dir=tmp_path / "cache", cache="off")
    result = run_check(config=config, encoder=encoder)
    assert len(result.pairs) == 4 and result.stats["compared"] == 3
    assert [f.code for p in result.pairs if not p.compared for f in p.findings] == ["pair.missing-translation"]


@pytest.mark.model
def test_a_run_without_cache_starts_the_tokenizer_early_unless_given_an_encoder(tmp_path, monkeypatch, encoder):
    import provenance.embed

    asked = []
    monkeypatch.setattr(provenance.embed, "prefetch", asked.append)
    root = make_repo(tmp_path / "repo")
    run_check(config=load_config(start=root, cache_dir=tmp_path / "cache", cache="off"), encoder=encoder)
    assert asked == []
    run_check(config=load_config(start=root, cache_dir=tmp_path / "cache", cache="embeddings"))
    assert asked == []  # the cache may hold every sentence: the encoder may never be loaded
    run_check(config=load_config(start=root, cache_dir=tmp_path / "cache", cache="off"))
    assert asked == ["use-m3"]


@pytest.mark.model
def test_two_workers_find_what_one_process_finds(tmp_path, capsys, monkeypatch, cache):
    root = make_repo(tmp_path)
    _, single = as_json(capsys, monkeypatch, root, cache, "--cache", "embeddings")
    code, parallel = as_json(capsys, monkeypatch, root, tmp_path / "fresh-cache", "--workers", "2")
    assert code == 1 and parallel["stats"]["workers"] == 2
    assert parallel["stats"]["encoder_loads"] == 2
    assert active(parallel) == active(single)


def test_the_commands_script_imports_nothing_a_spawned_worker_would_pay_for():
    """A spawned `check` worker re-imports the command's script as its main module."""
    import subprocess
    import sys
    import tomllib

    root = Path(__file__).resolve().parents[1]
    scripts = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    module, _, function = scripts["provenance"].partition(":")
    code = f"import sys, {module} as m; print(callable(m.{function}), sorted(k for k in ('typer', 'rich', 'numpy', 'provenance.cli') if k in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True)
    assert done.stdout.split() == ["True", "[]"]
