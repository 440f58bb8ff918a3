"""The command line as users run it: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from provenance.cli import main

from .conftest import FIXTURES

pytestmark = pytest.mark.model

KO = str(FIXTURES / "nk-workers/ko.txt")
EN = str(FIXTURES / "nk-workers/en.txt")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_faithful_pair_exits_0_with_a_clean_summary(capsys):
    code, out, _ = run(capsys, "compare", KO, EN)
    assert code == 0
    assert "no problems" in out
    assert "encoder:use-m3" in out and "pair:ko-en" in out  # the signature


def test_changed_numbers_exit_1_and_are_in_the_json(capsys):
    code, out, _ = run(capsys, "compare", KO, str(FIXTURES / "nk-workers/en-changed-numbers.txt"), "--format", "json")
    assert code == 1
    report = json.loads(out)
    drifted = [b for b in report["alignment"] if b["status"] == "drifted"]
    codes = {r["code"] for b in drifted for r in b["reasons"]}
    assert {"drift.number", "drift.date"} <= codes
    assert report["summary"]["counts"]["drifted"] == len(drifted)


def test_notes_lists_info_notes_and_keeps_the_exit_code(capsys):
    ko, en = (str(FIXTURES / "economy-long" / name) for name in ("ko.txt", "en-reordered.txt"))
    code, out, _ = run(capsys, "compare", ko, en, "--notes")
    assert code == 0
    assert "Notes" in out and "order.moved" in out.split("Notes")[1]
    assert "Notes" not in run(capsys, "compare", ko, en)[1]


def test_a_moved_paragraph_is_an_info_finding_that_does_not_fail(capsys):
    ko, en = (str(FIXTURES / "economy-long" / name) for name in ("ko.txt", "en-reordered.txt"))
    code, out, _ = run(capsys, "compare", ko, en)
    assert code == 0 and "moved" in out and "0 dropped · 0 added" in out
    assert run(capsys, "compare", ko, en, "--fail-on", "info")[0] == 1
    report = json.loads(run(capsys, "compare", ko, en, "--format", "json")[1])
    assert [(f["code"], f["severity"]) for f in report["findings"]] == [("order.moved", "info")]


def test_fail_on_controls_the_exit_code(capsys):
    args = ("compare", KO, str(FIXTURES / "nk-workers/en-no-translator.txt"))
    assert run(capsys, *args)[0] == 1  # translator missing is a warning
    assert run(capsys, *args, "--fail-on", "error")[0] == 0
    assert run(capsys, *args, "--fail-on", "never")[0] == 0


def test_json_schema_has_the_documented_fields(capsys):
    code, out, _ = run(capsys, "compare", KO, EN, "-f", "json")
    report = json.loads(out)
    assert report["schema"] == "provenance.report/1"
    assert set(report) >= {"signature", "source", "target", "alignment", "findings", "credits", "summary"}
    sentence = report["source"]["sentences"][0]
    assert set(sentence) >= {"index", "text", "passage", "start", "end", "line", "role"}
    text = (FIXTURES / "nk-workers/ko.txt").read_text(encoding="utf-8")
    assert text[sentence["start"] : sentence["end"]].strip() == sentence["text"]
    for side in ("src", "tgt"):  # every sentence of both sides in exactly one bead, in order
        seen = [i for bead in report["alignment"] for i in bead[side]]
        assert sorted(seen) == list(range(len(report["source" if side == "src" else "target"]["sentences"])))
    assert report["signature"]["encoder"].startswith("use-m3")
    assert report["credits"]["target"]["credits"]


def test_presegmented_line_i_is_sentence_i(tmp_path, capsys):
    src = tmp_path / "src.txt"
    tgt = tmp_path / "tgt.txt"
    src.write_text("북한이 노동자 3천 명을 보낸다.\n중국은 이를 묵인했다.\n비가 많이 왔다.\n", encoding="utf-8")
    tgt.write_text("North Korea sends 3,000 workers.\nIt rained a lot.\n", encoding="utf-8")
    code, out, _ = run(capsys, "compare", str(src), str(tgt), "--presegmented", "-f", "json")
    beads = [(b["src"], b["tgt"], b["status"]) for b in json.loads(out)["alignment"]]
    assert beads == [([0], [0], "ok"), ([1], [], "dropped"), ([2], [1], "ok")]
    assert code == 1


def test_presegmented_empty_lines_keep_their_numbers_and_never_pair_up(tmp_path, capsys):
    """Two empty lines are identical texts: compared, they would pull the alignment off course."""
    src, tgt = tmp_path / "src.txt", tmp_path / "tgt.txt"
    src.write_text("북한은 오늘 미사일을 발사했다.\n\n정부는 이를 규탄했다.\n회의는 내일 열린다.\n", encoding="utf-8")
    tgt.write_text("North Korea fired a missile today.\nThe government condemned it.\n\nThe meeting is tomorrow.\n", encoding="utf-8")
    code, out, _ = run(capsys, "compare", str(src), str(tgt), "--presegmented", "-f", "json")
    report = json.loads(out)
    beads = [(b["src"], b["tgt"], b["status"]) for b in report["alignment"]]
    assert beads == [
        ([0], [0], "ok"), ([1], [], "excluded"), ([2], [1], "ok"), ([], [2], "excluded"), ([3], [3], "ok"),
    ]
    assert report["source"]["sentences"][1]["role"] == "blank"
    assert code == 0


def test_output_file(tmp_path, capsys):
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, "compare", KO, EN, "-f", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] == 0


def bad_inputs(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    return [
        ("empty", [str(empty), EN], str(empty), "empty"),
        ("binary", [KO, str(binary)], str(binary), "binary"),
        ("missing", [KO, str(tmp_path / "nope.txt")], "nope.txt", "no such file"),
        ("directory", [str(tmp_path), EN], str(tmp_path), "directory"),
        ("swapped", [EN, KO], EN, "swapped"),
        ("same language", [KO, KO], KO, "not in en"),
        ("unrelated", [str(FIXTURES / "typhoon/ko.txt"), EN], EN, "does not appear to be a translation"),
    ]


@pytest.mark.parametrize("case", range(7))
def test_bad_input_is_one_line_exit_2(tmp_path, capsys, case):
    name, args, where, words = bad_inputs(tmp_path)[case]
    code, out, err = run(capsys, "compare", *args)
    assert code == 2, name
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and where in lines[0] and words in lines[0], err
    assert "Traceback" not in err


def test_no_traceback_from_the_installed_command(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    done = subprocess.run(
        [sys.executable, "-m", "provenance", "compare", str(empty), EN], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert done.stderr.strip() == f"provenance: error: {empty}: the file is empty"


def test_usage_error_exits_2(capsys):
    assert run(capsys, "compare", KO)[0] == 2
    assert run(capsys, "compare", KO, EN, "--format", "xml")[0] == 2


def test_ctrl_c_is_exit_130_with_one_line(capsys, monkeypatch):
    import provenance.api

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(provenance.api, "compare", interrupted)
    code, out, err = run(capsys, "compare", KO, EN)
    assert code == 130
    assert err.strip() == "provenance: interrupted" and out == ""


#: A command interrupted while a worker thread is busy, then interrupted again while
#: the exiting process waits for that thread (as for the encoder's micro-batches).
_SECOND_CTRL_C = """
import os, signal, sys, threading, time
from concurrent.futures import ThreadPoolExecutor
import provenance.api, provenance.cli

busy = ThreadPoolExecutor(1)
busy.submit(time.sleep, 1.5)  # an in-flight micro-batch that exit must wait for

def interrupted(*args, **kwargs):
    threading.Timer(0.4, os.kill, (os.getpid(), signal.SIGINT)).start()  # during that wait
    raise KeyboardInterrupt

provenance.api.compare = interrupted
sys.argv = ["provenance", "compare", sys.argv[1], sys.argv[2]]
sys.exit(provenance.cli.main())
"""


def test_a_second_ctrl_c_while_exiting_prints_no_traceback():
    done = subprocess.run([sys.executable, "-c", _SECOND_CTRL_C, KO, EN], capture_output=True, text=True, timeout=60)
    assert done.returncode == 130
    assert done.stderr.strip() == "provenance: interrupted"


@pytest.mark.parametrize(("columns", "width"), [("80", 80), ("150", 150), ("30", 60)])
def test_the_text_report_fits_the_terminal(capsys, monkeypatch, columns, width):
    from rich.cells import cell_len

    monkeypatch.setenv("COLUMNS", columns)  # what shutil.get_terminal_size reads first
    code, out, err = run(capsys, "compare", KO, EN)
    table = [line for line in out.splitlines() if line[:1] in "┏┃┡│└"]
    assert table and max(cell_len(line) for line in table) == width  # the table is as wide as the screen, no wider
