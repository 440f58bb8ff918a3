"""The text report shows every sentence whole, whatever the terminal's width."""

from __future__ import annotations

import re

import pytest

from provenance.api import compare_texts
from provenance.report.text import render_text

from .conftest import FIXTURES

KO = (FIXTURES / "nk-workers/ko.txt").read_text(encoding="utf-8")
EN = (FIXTURES / "nk-workers/en-changed-numbers.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report(encoder):
    return compare_texts(KO, EN, encoder=encoder)


def _table_text(rendered: str) -> str:
    """The table's cells read in order, borders and line breaks removed."""
    return re.sub(r"[\s│┃]+", "", rendered)


@pytest.mark.parametrize("width", [72, 100, 120, 160])
def test_no_character_of_a_korean_sentence_is_lost_to_wrapping(report, width):
    rendered = render_text(report, width=width)
    assert "…" not in rendered  # the fixture has none: an ellipsis is a cut
    table = _table_text(rendered)
    for sentence in report.source.content():
        # word by word, as the wrapped lines of the two columns interleave
        for word in sentence.text.split():
            assert word in table, (width, word)


def test_the_changed_number_is_shown_in_both_sides(report):
    rendered = render_text(report, width=120)
    assert "3천" in rendered and "30,000" in rendered
