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


KO = "경찰은 남성 두 명을 체포했으며 이들이 은행에서 현금 5억 원을 훔친 혐의를 받고 있다고 밝혔다."


@pytest.mark.parametrize(
    ("uncut", "cut", "expected"),
    [
        # the cut takes the theft the Korean reports: less of the original is left
        ("Police said they arrested two men suspected of stealing 500 million won in cash from a bank.",
         "Police said they arrested two men.", True),
        # the cut takes background the Korean never gave: the translation reads as much like it as before
        ("Police said they arrested two men suspected of stealing 500 million won in cash from a bank, "
         "the third such robbery in the port city of Busan since the spring festival began in March.",
         "Police said they arrested two men suspected of stealing 500 million won in cash from a bank.", False),
    ],
)
def test_a_cut_took_something_stated_when_the_translation_reads_less_like_the_original(encoder, uncut, cut, expected):
    from benchmarks.stated_edits import cut_took

    assert cut_took(KO, uncut, cut, encoder) is expected
