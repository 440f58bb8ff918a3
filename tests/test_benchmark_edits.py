"""The editor's-errors benchmark: every edit applies to its article, and names one sentence."""

from __future__ import annotations

import pytest

from benchmarks.edits import edited, load, summary
from provenance.segment import segment

from .conftest import FIXTURES

SPEC = load()


@pytest.mark.parametrize("edit", SPEC["edits"], ids=lambda e: f"{e['article']}/{e['id']}")
def test_each_edit_changes_its_translation_and_points_at_one_sentence(edit):
    paths = SPEC["articles"][edit["article"]]
    translation = (FIXTURES / paths["translation"]).read_text(encoding="utf-8")
    assert edited(translation, edit) != translation
    expect = edit["expect"]
    for key, path in (("src_contains", paths["original"]), ("tgt_contains", None)):
        if key in expect:
            text = (FIXTURES / path).read_text(encoding="utf-8") if path else edited(translation, edit)
            sentences = [s.text for s in segment(text, "ko" if path else "en").sentences]
            assert sum(expect[key] in s for s in sentences) == 1


def test_an_edit_that_no_longer_applies_is_an_error():
    with pytest.raises(ValueError, match="not in the translation once"):
        edited("Exports rose.", {"article": "a", "id": "b", "find": "imports", "replace": "exports"})


def test_the_summary_counts_each_kind_and_names_the_misses():
    rows = [
        {"id": "a/faithful", "reason": None, "found": True, "false_alarms": []},
        {"id": "a/x", "reason": "number", "found": True, "false_alarms": []},
        {"id": "a/y", "reason": "number", "found": False, "false_alarms": ["drifted[...]"]},
        {"id": "a/z", "reason": "date", "found": True, "false_alarms": []},
    ]
    figures = summary(rows)
    assert figures["by_reason"] == {"date": {"found": 1, "planted": 1}, "number": {"found": 1, "planted": 2}}
    assert (figures["planted"], figures["found"], figures["false_alarms"], figures["missed"]) == (3, 2, 1, ["a/y"])
