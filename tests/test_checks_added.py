"""A negation in a clause the original does not have: an info note, not a reversed statement."""

from __future__ import annotations

import dataclasses

import pytest

from provenance.api import compare_texts
from provenance.checks.added import added_clauses, clause_around
from provenance.config import Settings, Thresholds
from provenance.types import Severity, Status

from .helpers import FakeEncoder

NURSE_KO = "그는 8년 동안 성욕 감퇴로 고민해 온 클리블랜드 클리닉의 간호사다."
NURSE_EN = (
    "This isn't her real name, but she's a nurse at the Cleveland Clinic "
    "who felt no sex drive for eight years."
)
LEFT_KO = "그녀는 어제 병원을 떠났다."
LEFT_EN = "She left the hospital yesterday."


def clause(text: str, word: str, lang: str = "en") -> str | None:
    start = text.index(word)
    bounds = clause_around(text, start, start + len(word), lang)
    return None if bounds is None else text[bounds[0] : bounds[1]]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (NURSE_EN, "isn't", "This isn't her real name"),
        (NURSE_EN, "no", "who felt no sex drive for eight years."),
        ("He said the plan, which was not approved, would go ahead.", "not", "which was not approved"),
        ("Officials did not respond because it was late.", "not", "Officials did not respond"),
        ('"We will not give up," the minister said.', "not", '"We will not give up,'),
        ("The ministry did not comment on the report.", "not", None),  # the whole sentence
    ],
)
def test_the_clause_around_a_negation(text, word, expected):
    assert clause(text, word) == expected


def test_a_language_without_clause_rules_has_no_clause():
    assert clause("Il n'est pas venu, elle est venue.", "pas", lang="xx") is None


ORIGINAL = "원문."
TRANSLATION = "The plan went ahead, which was not approved."
ADDED, REST = "which was not approved.", "The plan went ahead,"
SPAN = [(TRANSLATION.index("not"), TRANSLATION.index("not") + 3)]


@pytest.mark.parametrize(
    ("clause_vector", "rest_vector", "lowered"),
    [
        ([0.05, 1, 0], [0.9, 0.2, 0], True),  # unrelated clause, the rest matches better: added
        ([0.6, 1, 0], [0.9, 0.2, 0], False),  # the clause reads as part of the original
        ([0.05, 1, 0], [0.3, 1, 0], False),  # without the clause the match is no better
    ],
)
def test_a_clause_is_added_when_unrelated_and_the_rest_matches_better(clause_vector, rest_vector, lowered):
    encoder = FakeEncoder({ORIGINAL: [1, 0, 0], TRANSLATION: [0.8, 0.6, 0], ADDED: clause_vector, REST: rest_vector})
    [found] = added_clauses([(ORIGINAL, TRANSLATION, SPAN)], "en", encoder.encode, below=0.15)
    assert (found is not None) is lowered
    if lowered:
        assert found[0].text == ADDED and found[0].similarity < 0.15


def test_a_denied_report_is_never_read_as_an_added_clause():
    translation = "Officials did not say, and the plan went ahead."
    encoder = FakeEncoder({})
    span = [(translation.index("not"), translation.index("not") + 3)]
    assert added_clauses([(ORIGINAL, translation, span)], "en", encoder.encode, below=0.15) == [None]
    assert encoder.asked == []  # decided without the encoder


@pytest.mark.model
def test_a_negation_in_an_added_clause_is_an_info_note():
    report = compare_texts(f"{NURSE_KO}\n{LEFT_KO}", f"{NURSE_EN}\n{LEFT_EN}", presegmented=True)
    bead = report.alignment[0]
    assert bead.status is Status.OK
    [note] = [r for r in bead.reasons if r.code == "drift.negation"]
    assert note.severity is Severity.INFO
    assert "This isn't her real name" in note.message and "addition" in note.message
    assert not [f for f in report.findings if f.code == "drift.negation"]


@pytest.mark.model
def test_a_reversed_statement_stays_an_error():
    report = compare_texts(
        f"그는 클리블랜드 클리닉의 간호사다.\n{LEFT_KO}", f"He is not a nurse at the Cleveland Clinic.\n{LEFT_EN}", presegmented=True
    )
    assert report.alignment[0].status is Status.DRIFTED
    assert [f.severity for f in report.findings if f.code == "drift.negation"] == [Severity.ERROR]


@pytest.mark.model
@pytest.mark.parametrize(
    ("settings", "negations"),
    [
        (Settings(checks=("number", "date", "name", "partial")), []),  # the negation check is off
        (Settings(thresholds=dataclasses.replace(Thresholds(), added_clause=-1.0)), [Severity.ERROR]),  # never lowered
    ],
    ids=["negation check off", "threshold below every similarity"],
)
def test_the_step_follows_the_settings(settings, negations):
    report = compare_texts(f"{NURSE_KO}\n{LEFT_KO}", f"{NURSE_EN}\n{LEFT_EN}", presegmented=True, settings=settings)
    assert [r.severity for r in report.alignment[0].reasons if r.code == "drift.negation"] == negations


def test_a_clause_close_to_one_clause_of_a_long_original_is_not_added():
    original, translation = "그는 어제 떠났고, 회의는 열리지 않았다.", "He left yesterday, and the meeting was not held."
    clause, rest = "and the meeting was not held.", "He left yesterday,"
    encoder = FakeEncoder({
        original: [1, 0, 0], translation: [0.8, 0.6, 0], clause: [0.05, 1, 0], rest: [0.9, 0.2, 0],
        "그는 어제 떠났고": [1, 0.05, 0], "회의는 열리지 않았다.": [0.1, 1, 0],
    })
    span = [(translation.index("not"), translation.index("not") + 3)]
    assert added_clauses([(original, translation, span)], "en", encoder.encode, below=0.15) != [None]  # far from the whole
    assert added_clauses([(original, translation, span)], "en", encoder.encode, below=0.15, source_lang="ko") == [None]
