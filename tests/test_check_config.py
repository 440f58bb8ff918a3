"""`provenance check` configuration: where it is found, what it accepts, what wins."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.check import load_config
from provenance.check.config import find_root
from provenance.errors import ConfigError
from provenance.types import Severity


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# -- where the file is found -------------------------------------------------------
ROOT_CASES = [
    # (files to create, start folder, expected root, expected config file)
    ({"provenance.toml": "", "a/b/x.txt": ""}, "a/b", ".", "provenance.toml"),
    ({"pyproject.toml": "[tool.provenance]\n", "a/x.txt": ""}, "a", ".", "pyproject.toml"),
    ({"pyproject.toml": "[tool.black]\n", ".git/HEAD": "", "a/x.txt": ""}, "a", ".", None),
    ({"provenance.toml": "", "pyproject.toml": "[tool.provenance]\n"}, ".", ".", "provenance.toml"),
    ({".git/HEAD": "", "sub/provenance.toml": "", "sub/x/y.txt": ""}, "sub/x", "sub", "sub/provenance.toml"),
]


@pytest.mark.parametrize("files, start, root, config", ROOT_CASES)
def test_root_and_file_are_found_walking_up(tmp_path, files, start, root, config):
    for name, text in files.items():
        write(tmp_path / name, text)
    found_root, found_file = find_root(tmp_path / start)
    assert found_root == (tmp_path / root).resolve()
    assert found_file == ((tmp_path / config).resolve() if config else None)


# -- errors that name the key -----------------------------------------------------------
ERROR_CASES = [
    ("provenance.toml", "tresholds = 1\n", "unknown key 'tresholds'"),
    ("provenance.toml", "[thresholds]\ndrfit = 0.4\n", "unknown threshold 'drfit'"),
    ("provenance.toml", "[severity]\n\"drift.numbr\" = \"info\"\n", "unknown finding code 'drift.numbr'"),
    ("provenance.toml", "[severity]\n\"drift.number\" = \"fatal\"\n", "must be one of error, warning, info"),
    ("provenance.toml", "fail_on = \"sometimes\"\n", "'fail_on' must be one of"),
    ("provenance.toml", "ignore_codes = [\"nope.*\"]\n", "unknown finding code 'nope.*'"),
    ("provenance.toml", "workers = 0\n", "'workers' must be a positive integer"),
    ("provenance.toml", "checks = [\"numbers\"]\n", "unknown check 'numbers'"),
    ("provenance.toml", "[[pairs]]\noriginal = \"ko/*.txt\"\ntranslaton = \"en/*.txt\"\n", "unknown key 'translaton'"),
    ("provenance.toml", "[[pairs]]\noriginal = \"ko/*.txt\"\ntranslation = \"en/**\"\n", "same wildcards"),
    ("provenance.toml", "cache = \"sometimes\"\n", "'cache' must be one of"),
    ("provenance.toml", "source_lang = 3\n", "'source_lang' must be a non-empty string"),
    ("provenance.toml", "not toml at all [\n", "not valid TOML"),
    ("pyproject.toml", "[tool.provenance]\nfail_onn = \"error\"\n", "pyproject.toml: unknown key 'fail_onn'"),
]


@pytest.mark.parametrize("name, text, expected", ERROR_CASES)
def test_bad_configuration_is_an_error_naming_the_key(tmp_path, name, text, expected):
    write(tmp_path / name, text)
    with pytest.raises(ConfigError) as error:
        load_config(start=tmp_path)
    assert expected in str(error.value)


def test_unknown_key_message_lists_the_known_keys(tmp_path):
    write(tmp_path / "provenance.toml", "tresholds = 1\n")
    with pytest.raises(ConfigError, match=r"known: .*thresholds"):
        load_config(start=tmp_path)


# -- precedence: defaults, then the file, then options ----------------------------------------
FILE = """
source_lang = "ja"
fail_on = "error"
ignore = ["drafts"]
ignore_codes = ["credit.unparsed"]
workers = 3
cache_dir = "cache-here"

[severity]
"drift.low-similarity" = "info"
"credit.*" = "info"

[thresholds]
drift = 0.5
"""

PRECEDENCE_CASES = [
    # (options, attribute getter, expected)
    ({}, lambda c: c.settings.source_lang, "ja"),
    ({}, lambda c: c.settings.target_lang, "en"),  # default kept
    ({"source_lang": "zh"}, lambda c: c.settings.source_lang, "zh"),
    ({}, lambda c: c.fail_on, "error"),
    ({"fail_on": "info"}, lambda c: c.fail_on, "info"),
    ({}, lambda c: c.ignore, ("drafts",)),
    ({"ignore": ["other"]}, lambda c: c.ignore, ("other",)),  # a list option replaces the file's
    ({}, lambda c: c.workers, 3),
    ({"workers": 1}, lambda c: c.workers, 1),
    ({}, lambda c: c.settings.thresholds.drift, 0.5),
    ({}, lambda c: c.severity_of("drift.low-similarity", Severity.WARNING), Severity.INFO),
    ({"severity": ["drift.low-similarity=error"]}, lambda c: c.severity_of("drift.low-similarity", Severity.WARNING), Severity.ERROR),
    ({"severity": ["drift.number=info"]}, lambda c: c.severity_of("drift.low-similarity", Severity.WARNING), Severity.INFO),
    ({}, lambda c: c.severity_of("credit.missing", Severity.WARNING), Severity.INFO),  # a pattern
    ({}, lambda c: c.severity_of("drift.number", Severity.ERROR), Severity.ERROR),  # untouched
    ({}, lambda c: c.is_ignored_code("credit.unparsed"), True),
]


@pytest.mark.parametrize("options, get, expected", PRECEDENCE_CASES)
def test_options_override_the_file_which_overrides_defaults(tmp_path, options, get, expected):
    write(tmp_path / "provenance.toml", FILE)
    config = load_config(start=tmp_path, **options)
    assert get(config) == expected


def test_workers_auto_in_the_file_means_chosen_by_the_runner(tmp_path):
    write(tmp_path / "provenance.toml", 'workers = "auto"\n')
    assert load_config(start=tmp_path).workers is None


def test_paths_in_the_file_are_relative_to_it_and_on_the_command_line_to_the_cwd(tmp_path, monkeypatch):
    write(tmp_path / "repo/provenance.toml", 'cache_dir = "cache-here"\nbaseline = "accepted.json"\n')
    config = load_config(start=tmp_path / "repo")
    assert config.cache_directory == (tmp_path / "repo/cache-here").resolve()
    assert config.baseline_path == (tmp_path / "repo/accepted.json").resolve()
    monkeypatch.chdir(tmp_path)
    config = load_config(start=tmp_path / "repo", cache_dir=Path("elsewhere"))
    assert config.cache_directory == (tmp_path / "elsewhere").resolve()


def test_exact_code_wins_over_a_pattern_whatever_the_order(tmp_path):
    write(tmp_path / "provenance.toml", '[severity]\n"drift.*" = "info"\n"drift.number" = "error"\n')
    config = load_config(start=tmp_path)
    assert config.severity_of("drift.number", Severity.WARNING) is Severity.ERROR
    assert config.severity_of("drift.date", Severity.ERROR) is Severity.INFO


FAIL_CASES = [
    # (fail_on, fail_on_codes, code, severity, fails)
    ("warning", (), "drift.number", Severity.ERROR, True),
    ("warning", (), "drift.name", Severity.WARNING, True),
    ("warning", (), "credit.unparsed", Severity.INFO, False),
    ("error", (), "drift.name", Severity.WARNING, False),
    ("never", (), "drift.number", Severity.ERROR, False),
    ("never", ("drift.number",), "drift.number", Severity.INFO, True),
    ("error", ("credit.*",), "credit.translator-missing", Severity.WARNING, True),
]


@pytest.mark.parametrize("fail_on, codes, code, severity, fails", FAIL_CASES)
def test_what_fails_the_run(tmp_path, fail_on, codes, code, severity, fails):
    config = load_config(start=tmp_path, fail_on=fail_on, fail_on_codes=list(codes) or None)
    assert config.fails(code, severity) is fails


def test_explicit_config_file_sets_the_root(tmp_path):
    config_file = write(tmp_path / "conf/pyproject.toml", '[tool.provenance]\ntarget_lang = "fr"\n')
    config = load_config(config_file=config_file)
    assert config.root == (tmp_path / "conf").resolve()
    assert config.settings.target_lang == "fr"


def test_missing_explicit_config_file_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="no such configuration file"):
        load_config(config_file=tmp_path / "nope.toml")
