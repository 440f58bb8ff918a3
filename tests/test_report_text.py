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


def test_a_drifted_bead_is_labelled_with_the_kinds_its_findings_name_once_each():
    from provenance.report.text import _drift_kinds
    from provenance.types import Bead, Reason, Severity, Status

    reasons = (
        Reason("drift.negation", "negates", Severity.ERROR),
        Reason("drift.name", "no counterpart", Severity.INFO),
        Reason("drift.number", "3,000 is 30,000", Severity.ERROR),
        Reason("drift.name", "no counterpart", Severity.INFO),
        Reason("drift.number", "110 is 180", Severity.WARNING),
    )
    assert _drift_kinds(Bead((0,), (0,), 0.8, Status.DRIFTED, reasons)) == ["negation", "number"]


def test_info_notes_stay_out_of_the_table(encoder):
    negated = (FIXTURES / "nk-workers/en-negated.txt").read_text(encoding="utf-8")
    negated = negated.replace("Council did not ban", "Council, chaired by Wilhelmina Przybylski, did not ban")  # a name note
    assert "Przybylski" in negated
    report = compare_texts(KO, negated, encoder=encoder)
    drifted = [b for b in report.alignment if b.status.value == "drifted"]
    assert len(drifted) == 1 and {r.code for r in drifted[0].reasons} >= {"drift.negation", "drift.name"}
    rendered = render_text(report, width=120, problems_only=True)
    assert "negation" in rendered and "name" not in rendered.split("Findings")[0]


def test_info_notes_are_listed_on_request_with_their_lines(encoder):
    original = "경찰은 아직 검거되지 않은 조직원 10명을 쫓고 있습니다.\n\n통일부는 성명을 냈습니다."
    dropped = "Police are tracking ten members of the ring.\n\nThe Unification Ministry issued a statement."
    report = compare_texts(original, dropped, encoder=encoder)
    assert "Notes" not in render_text(report, width=120)
    notes = render_text(report, width=120, notes=True).split("Notes")[1]
    assert "drift.negation  line 1:1" in notes and "the original negates" in notes


def test_credits_name_roles_as_people_write_them(report):
    credits = render_text(report, width=120).split("Credits")[-1]
    assert "web editor: 배미란" in credits and "web_editor" not in credits
