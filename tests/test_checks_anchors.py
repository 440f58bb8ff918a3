"""Shared anchors keep a terse but faithful translation from reading as unrelated."""

from __future__ import annotations

from provenance.checks.anchors import shared_anchors


def test_exact_prices_are_anchors():
    ko = "중질유(WTI)는 2.16달러 오른 131.04달러에 거래됐다."
    en = "Light, sweet crude settled up $2.16 to $131.04 a barrel."
    assert shared_anchors(ko, en, "ko", "en") == 2


def test_small_round_numbers_are_not_anchors():
    assert shared_anchors("3명이 다쳤다.", "Three people were hurt.", "ko", "en") == 0


def test_latin_words_both_sides_use_are_anchors():
    ko = "NHK와 AP 통신은 WTO 회의가 열렸다고 보도했다."
    en = "The WTO meeting opened, NHK reported."
    assert shared_anchors(ko, en, "ko", "en") == 2


def test_unrelated_sentences_share_nothing():
    ko = "시카고 당국은 7살 조카를 찾고 있다."
    en = "Guler said police have launched an investigation into the blasts."
    assert shared_anchors(ko, en, "ko", "en") == 0
