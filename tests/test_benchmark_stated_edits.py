"""Whether an eval edit changed something the original states: the split behind benchmarks/stated_edits.py."""

from __future__ import annotations

import pytest

from benchmarks.stated_edits import stated


@pytest.mark.parametrize(
    ("kind", "note", "source", "expected"),
    [
        ("number", "3,000 → 30,000", "북한이 노동자 3천 명을 보냈다.", True),
        ("number", "two → four", "남북은 회담을 재개하기로 합의했다.", False),  # the English alone counts them
        ("number", "73 → 730", "야다브 후보가 308표를 얻었다.", False),
        ("date", "Monday → Thursday", "유엔 재판소가 21일(현지시간) 밝혔다.", True),
        ("date", "Tuesday → Monday", "곰 무리가 광부들을 습격했다.", False),
    ],
)
def test_an_edit_is_stated_when_the_original_gives_its_number_or_a_date(kind, note, source, expected):
    assert stated(kind, note, source, "ko", "en") is expected
