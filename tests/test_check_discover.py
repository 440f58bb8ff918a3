"""Pair discovery: naming conventions, the manifest, ignored paths, narrowing by paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.check import load_config
from provenance.check.discover import counterpart, discover
from provenance.errors import ConfigError, InputError


def make_repo(root: Path, files: list[str], config: str = "") -> Path:
    (root / ".git").mkdir(parents=True, exist_ok=True)
    for name in files:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text\n", encoding="utf-8")
    if config:
        (root / "provenance.toml").write_text(config, encoding="utf-8")
    return root


def found(root: Path, paths=(), **options) -> set[tuple[str, str]]:
    config = load_config(start=root, **options)
    return {(p.original, p.translation) for p in discover(config, [root / p for p in paths])}


COUNTERPART_CASES = [
    ("story.ko.md", ("ko", "story.en.md", "name")),
    ("news/story.en.txt", ("en", "news/story.ko.txt", "name")),
    ("nk-workers/ko.txt", ("ko", "nk-workers/en.txt", "name")),
    ("ko/story.txt", ("ko", "en/story.txt", "folder")),
    ("site/en/2024/05/story.md", ("en", "site/ko/2024/05/story.md", "folder")),
    ("ko/en/story.txt", ("en", "ko/ko/story.txt", "folder")),  # the deepest folder is swapped
    ("story.txt", None),
    ("english/story.txt", None),
    ("en-changed-numbers.txt", None),
    ("story.ko", None),  # "ko" is the extension here, not a language tag before one
]


@pytest.mark.parametrize("rel, expected", COUNTERPART_CASES)
def test_counterpart_by_naming_convention(rel, expected):
    assert counterpart(rel, "ko", "en") == expected


DISCOVERY_CASES = [
    # (files, config, expected pairs)
    (
        ["story.ko.md", "story.en.md", "README.md"],
        "",
        {("story.ko.md", "story.en.md")},
    ),
    (
        ["ko/a.txt", "en/a.txt", "ko/b.txt", "en/c.txt"],
        "",
        {("ko/a.txt", "en/a.txt"), ("ko/b.txt", "en/b.txt"), ("ko/c.txt", "en/c.txt")},  # missing halves too
    ),
    (
        ["story.ko.md", "story.en.md", "story.ko.pdf"],  # only the configured extensions
        "",
        {("story.ko.md", "story.en.md")},
    ),
    (
        ["desk/kr/2024/a.txt", "web/eng/2024/a.txt", "desk/kr/b.txt"],
        '[[pairs]]\noriginal = "desk/kr/**/*.txt"\ntranslation = "web/eng/**/*.txt"\n',
        {("desk/kr/2024/a.txt", "web/eng/2024/a.txt"), ("desk/kr/b.txt", "web/eng/b.txt")},
    ),
    (
        ["special/interview-ko.md", "special/interview-en.md"],
        '[[pairs]]\noriginal = "special/interview-ko.md"\ntranslation = "special/interview-en.md"\n',
        {("special/interview-ko.md", "special/interview-en.md")},
    ),
    (
        ["a.ko.txt", "a.en.txt", "drafts/b.ko.txt", "drafts/b.en.txt", "x/c.ko.txt"],
        'ignore = ["drafts", "x/*.txt"]\n',
        {("a.ko.txt", "a.en.txt")},
    ),
    (
        ["a.ko.txt", "a.en.txt", ".hidden/b.ko.txt", "node_modules/c.ko.txt"],
        "",
        {("a.ko.txt", "a.en.txt")},
    ),
    (
        ["a.ko.txt", "a.en.txt", "ko/b.txt", "en/b.txt"],
        "conventions = false\n",
        set(),
    ),
    (
        ["a.ja.md", "a.en.md", "a.ko.md"],
        'source_lang = "ja"\n',
        {("a.ja.md", "a.en.md")},
    ),
]


@pytest.mark.parametrize("files, config, expected", DISCOVERY_CASES)
def test_discovery(tmp_path, files, config, expected):
    assert found(make_repo(tmp_path, files, config)) == expected


def test_a_manifest_pair_is_not_paired_again_by_convention(tmp_path):
    config = '[[pairs]]\noriginal = "ko/a.txt"\ntranslation = "published/a.txt"\n'
    root = make_repo(tmp_path, ["ko/a.txt", "published/a.txt"], config)
    assert found(root) == {("ko/a.txt", "published/a.txt")}  # not also ko/a.txt ↔ en/a.txt (missing)


NARROWING_CASES = [
    (["en/a.txt"], {("ko/a.txt", "en/a.txt")}),  # the other half is found
    (["ko/a.txt"], {("ko/a.txt", "en/a.txt")}),
    (["ko"], {("ko/a.txt", "en/a.txt"), ("ko/b.txt", "en/b.txt")}),
    (["notes.txt"], set()),
]


@pytest.mark.parametrize("paths, expected", NARROWING_CASES)
def test_paths_narrow_the_run(tmp_path, paths, expected):
    root = make_repo(tmp_path, ["ko/a.txt", "en/a.txt", "ko/b.txt", "en/b.txt", "notes.txt"])
    assert found(root, paths) == expected


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path):
    root = make_repo(tmp_path, ["ko/a.txt", "en/a.txt"])
    with pytest.raises(InputError, match="no such file"):
        found(root, ["ko/zzz.txt"])


def test_wildcards_must_match_on_both_sides(tmp_path):
    make_repo(tmp_path, [], '[[pairs]]\noriginal = "ko/*.txt"\ntranslation = "en/story.txt"\n')
    with pytest.raises(ConfigError, match="same wildcards"):
        load_config(start=tmp_path)
