"""`provenance check --html-dir`: an index page and a page per compared pair."""

from __future__ import annotations

import shutil

import pytest

from provenance.cli import main

from .conftest import FIXTURES

pytestmark = pytest.mark.model


def test_html_dir_has_an_index_and_a_page_per_compared_pair(tmp_path, monkeypatch, capsys):
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(FIXTURES / "nk-workers/ko.txt", repo / "story.ko.txt")
    shutil.copy(FIXTURES / "nk-workers/en-changed-numbers.txt", repo / "story.en.txt")
    shutil.copy(FIXTURES / "typhoon/ko.txt", repo / "storm.ko.txt")  # no translation
    monkeypatch.chdir(repo)
    html = tmp_path / "html"
    code = main(["check", "--html-dir", str(html), "--cache-dir", str(tmp_path / "cache")])
    capsys.readouterr()
    assert code == 1
    index = (html / "index.html").read_text(encoding="utf-8")
    pages = sorted(p.name for p in html.glob("*.html") if p.name != "index.html")
    assert len(pages) == 1 and pages[0] in index
    page = (html / pages[0]).read_text(encoding="utf-8")
    assert page.count('data-status="drifted"') >= 3
    assert "storm.ko.txt" in index  # the pair with a missing half is listed, without a page
