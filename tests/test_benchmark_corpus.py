"""The corpus option of the speed and memory benchmarks: named, two files, or a clear refusal."""

from __future__ import annotations

import pytest

from benchmarks._corpus import corpus_lines


def test_two_files_are_read_line_by_line(tmp_path):
    (tmp_path / "a.ko").write_text("하나.\n둘.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("One.\nTwo.\n", encoding="utf-8")
    assert corpus_lines([str(tmp_path / "a.ko"), str(tmp_path / "a.en")]) == (["하나.", "둘."], ["One.", "Two."])


def test_files_of_different_lengths_are_refused_naming_both(tmp_path):
    (tmp_path / "a.ko").write_text("하나.\n둘.\n", encoding="utf-8")
    (tmp_path / "a.en").write_text("One.\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"a\.ko has 2 lines but .*a\.en has 1"):
        corpus_lines([str(tmp_path / "a.ko"), str(tmp_path / "a.en")])


def test_a_folder_is_read_through_its_one_ko_and_one_en_file(tmp_path):
    (tmp_path / "test.ko").write_text("하나.\n둘.\n", encoding="utf-8")
    (tmp_path / "test.en").write_text("One.\nTwo.\n", encoding="utf-8")
    assert corpus_lines([str(tmp_path)]) == (["하나.", "둘."], ["One.", "Two."])


def test_a_folder_with_two_files_of_one_language_is_refused(tmp_path):
    for name in ("a.ko", "b.ko", "a.en"):
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"2 \*\.ko files"):
        corpus_lines([str(tmp_path)])


def test_an_unknown_name_is_refused():
    with pytest.raises(SystemExit, match="not kpc, jhe or a folder"):
        corpus_lines(["wikipedia"])


def test_an_absent_named_corpus_is_skipped_not_an_error(tmp_path, monkeypatch):
    from provenance.evaluate import corpus

    monkeypatch.setattr(corpus, "DATA_DIR", tmp_path)
    assert corpus_lines(["kpc"]) is None
