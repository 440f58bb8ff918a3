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


def test_an_unknown_name_is_refused_with_one_line_and_exit_code_2(capsys):
    with pytest.raises(SystemExit, match="not kpc, jhe or a folder") as refused:
        corpus_lines(["wikipedia"])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "error: --corpus: 'wikipedia' is not kpc, jhe or a folder" in err


def test_a_benchmark_given_files_that_are_not_there_exits_2_without_a_traceback(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "benchmarks" / "throughput.py"
    missing = [str(tmp_path / "nothing.ko"), str(tmp_path / "nothing.en")]
    done = subprocess.run([sys.executable, str(script), "--corpus", *missing], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.startswith("throughput.py: error: --corpus: cannot read") and "Traceback" not in done.stderr


def test_an_absent_named_corpus_is_skipped_not_an_error(tmp_path, monkeypatch):
    from provenance.evaluate import corpus

    monkeypatch.setattr(corpus, "DATA_DIR", tmp_path)
    assert corpus_lines(["kpc"]) is None
