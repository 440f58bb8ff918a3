"""A negation put in a clause the original states affirmatively, while it negates another."""

from __future__ import annotations

import dataclasses
from functools import partial

import pytest

from provenance.api import compare_texts
from provenance.checks.flipped import clauses, flipped_negations
from provenance.config import Settings, Thresholds
from provenance.embed import embed_parts
from provenance.types import Severity, Status

from .helpers import FakeEncoder

CHEAP_KO = "소프트웨어 암호화는 아주 저렴하고, 구입한 뒤에는 돈이 들지 않게 됩니다."
CHEAP_EN = "Software encryption is not very cheap, essentially free once you have bought it."
FAITHFUL_EN = "Software encryption is very cheap, and it costs nothing once you have bought it."
OTHER_KO = "정부는 어제 새 규정을 발표했다."
OTHER_EN = "The government announced the new rules yesterday."


def pieces(text: str, lang: str = "ko") -> list[str]:
    return [text[a:b] for a, b in clauses(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (CHEAP_KO, ["소프트웨어 암호화는 아주 저렴하고", "구입한 뒤에는 돈이 들지 않게 됩니다."]),
        ("회담을 재개하는데 합의했으나 진전을 보이지 못했다.", ["회담을 재개하는데", "합의했으나", "진전을 보이지 못했다."]),
        ("물을 마시고 있지 않습니다.", ["물을 마시고 있지 않습니다."]),  # 하고 있다: one predicate
        ("미국, 한국, 중국 등 10개국 회의에 불참했다.", ["미국, 한국, 중국 등 10개국 회의에 불참했다."]),  # a list
        ("하지만 인명 피해 규모는 밝히지 않았습니다.", ["하지만 인명 피해 규모는 밝히지 않았습니다."]),  # a connective alone
        ("베이징에서 열린 회의에 참석했다.", ["베이징에서 열린 회의에 참석했다."]),  # 에서 is a place
        # 피하지 못하고 변을 당했다 reads as one clause: "couldn't escape and were caught" renders both
        ("사람들이 피하지 못하고 집 안에서 변을 당했다.", ["사람들이 피하지 못하고 집 안에서 변을 당했다."]),
        ("공기를 개선하기 위해 홀짝제를 시행했다.", ["공기를 개선하기 위해", "홀짝제를 시행했다."]),
    ],
)
def test_korean_clauses(text, expected):
    assert pieces(text) == expected


CHEAP_CLAUSE, AFFIRMATIVE, NEGATED = "Software encryption is not very cheap", "소프트웨어 암호화는 아주 저렴하고", "구입한 뒤에는 돈이 들지 않게 됩니다."


@pytest.mark.parametrize(
    ("affirmative", "negated", "flipped"),
    [
        ([1, 0.1, 0], [0.3, 1, 0], True),  # the negated clause renders the affirmative one
        ([0.3, 1, 0], [1, 0.1, 0], False),  # … the negated one: the negation is where it belongs
        ([0.9, 0.4, 0], [0.85, 0.5, 0], False),  # too close to tell
    ],
)
def test_a_negated_clause_matched_to_an_affirmative_one_is_flipped(affirmative, negated, flipped):
    encoder = FakeEncoder({CHEAP_CLAUSE: [1, 0, 0], AFFIRMATIVE: affirmative, NEGATED: negated})
    [found] = flipped_negations([(CHEAP_KO, CHEAP_EN)], ("ko", "en"), partial(embed_parts, encoder), margin=0.1)
    assert bool(found) is flipped
    if flipped:
        assert (found[0].negation.text, found[0].original.text) == ("is not", AFFIRMATIVE)


@pytest.mark.parametrize(
    ("original", "translation"),
    [
        ("그는 오지 않았다.", "He did not come to the meeting, officials said."),  # one clause: the count's case
        ("그는 어제 왔고, 오늘 떠났다.", "He did not come yesterday and left today."),  # no negation to place
        ("그들은 반대하지 않았고, 그는 떠나지 않았다.", "They did not object, and he did not leave."),  # all negated
        (CHEAP_KO, "Encryption may or may not be cheap, but it is free once bought."),  # "may or may not"
        (CHEAP_KO, "It is not, however, free once you have bought it."),  # too few words to read
    ],
)
def test_beads_with_nothing_to_tell_apart_are_not_encoded(original, translation):
    encoder = FakeEncoder({})
    assert flipped_negations([(original, translation)], ("ko", "en"), partial(embed_parts, encoder), margin=0.1) == [[]]
    assert encoder.asked == []


@pytest.mark.model
def test_the_pipeline_flags_a_flipped_clause_with_evidence_on_both_sides():
    report = compare_texts(f"{CHEAP_KO}\n{OTHER_KO}", f"{CHEAP_EN}\n{OTHER_EN}", presegmented=True)
    bead = report.alignment[0]
    assert bead.status is Status.DRIFTED
    [reason] = [r for r in bead.reasons if r.code == "drift.negation"]
    assert reason.severity is Severity.ERROR
    assert {(e.side, e.text) for e in reason.evidence} == {("src", AFFIRMATIVE), ("tgt", "is not")}
    assert report.alignment[1].status is Status.OK


@pytest.mark.model
def test_a_faithful_translation_is_not_flipped():
    report = compare_texts(f"{CHEAP_KO}\n{OTHER_KO}", f"{FAITHFUL_EN}\n{OTHER_EN}", presegmented=True)
    assert not [r for b in report.alignment for r in b.reasons if r.code == "drift.negation"]


@pytest.mark.model
@pytest.mark.parametrize(
    "settings",
    [
        Settings(checks=("number", "date", "name", "partial")),  # the negation check is off
        Settings(thresholds=dataclasses.replace(Thresholds(), flipped_clause=2.0)),  # no margin is enough
    ],
    ids=["negation check off", "margin above every difference"],
)
def test_the_step_follows_the_settings(settings):
    report = compare_texts(f"{CHEAP_KO}\n{OTHER_KO}", f"{CHEAP_EN}\n{OTHER_EN}", presegmented=True, settings=settings)
    assert not [r for r in report.alignment[0].reasons if r.code == "drift.negation"]


def test_sentences_of_a_joined_bead_are_clauses_of_their_own():
    joined = "그는 어제 떠났다. 그녀는 오지 않았다."
    assert pieces(joined) == ["그는 어제 떠났다.", "그녀는 오지 않았다."]
    original = "만일 당신이 최근에 이사를 했다면, 그렇지 않았을 때보다 병에 걸리기가 더 쉽다."
    split = "If you have moved house in recent months. You are more likely to fall ill than you haven't."
    clause, first, second = "You are more likely to fall ill than you haven't.", "만일 당신이 최근에 이사를 했다면", "그렇지 않았을 때보다 병에 걸리기가 더 쉽다."
    encoder = FakeEncoder({clause: [1, 0, 0], first: [0.2, 1, 0], second: [1, 0.1, 0]})
    assert flipped_negations([(original, split)], ("ko", "en"), partial(embed_parts, encoder), margin=0.1) == [[]]
    assert clause in encoder.asked  # the negated clause stops at its sentence's start
