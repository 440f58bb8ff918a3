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


def test_a_direction_edit_turns_every_move_the_other_way_where_the_original_states_one():
    import random

    from benchmarks.checks import perturb_direction

    rng = random.Random(0)
    assert perturb_direction("Exports rose 5 percent and are up 3% this year.", rng, "수출이 5% 늘었다.") == (
        "Exports fell 5 percent and are down 3% this year."
    )
    assert perturb_direction("Exports rose 5 percent.", rng, "수출이 5%였다.") is None  # no way to see it
    assert perturb_direction("Exports rose but imports fell.", rng, "수출이 늘었다.") is None  # both ways
