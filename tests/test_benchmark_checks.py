"""The checks benchmark reads any corpus the way `provenance eval` does."""

from __future__ import annotations

import json

from benchmarks.checks import corpus_pairs


def test_a_corpus_folder_gives_its_clean_pairs_numbered_by_line(tmp_path):
    folder = tmp_path / "kpc-test"
    folder.mkdir()
    (folder / "test.ko").write_text("하나\n둘\n\n넷\n", encoding="utf-8")
    (folder / "test.en").write_text("one\ntwo\nthree\nfour\n", encoding="utf-8")
    (folder / "noise.json").write_text(json.dumps({"unrelated": [2]}), encoding="utf-8")
    assert corpus_pairs([[str(folder)]]) == [("kpc:1", "하나", "one"), ("kpc:4", "넷", "four")]
