"""Aligner output as assessed: beads that hide an unrelated sentence are split (align.without_unrelated_parts), and
pairs the encoder reads poorly but that share exact figures are not flagged."""

from __future__ import annotations

from provenance.align import Link, without_unrelated_parts
from provenance.types import Status

CHANCE = 0.35


def test_unrelated_sentence_carried_by_a_good_one_is_split_off():
    # 2-1: the second original sentence is as far from the translation as chance,
    # and the pair reads worse joined than the first sentence alone
    links = [Link((0, 1), (0,), 0.70, parts=(0.72, 0.33)), Link((2,), (1,), 0.8)]
    out = without_unrelated_parts(links, CHANCE)
    assert [(l.src, l.tgt) for l in out] == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert out[0].similarity == 0.72


def test_unrelated_first_sentence_of_a_one_to_two_bead_comes_first():
    out = without_unrelated_parts([Link((0,), (0, 1), 0.45, parts=(0.20, 0.60))], CHANCE)
    assert [(l.src, l.tgt) for l in out] == [((), (0,)), ((0,), (1,))]


def test_a_moved_pair_split_off_an_unrelated_sentence_is_still_moved():
    out = without_unrelated_parts([Link((0, 1), (5,), 0.70, parts=(0.72, 0.33), moved=True)], CHANCE)
    assert [(l.src, l.tgt, l.moved) for l in out] == [((0,), (5,), True), ((1,), (), False)]


def test_a_sentence_split_in_two_stays_one_bead():
    # each half alone is weak, but joined they read better than either: a true split
    links = [Link((0,), (0, 1), 0.74, parts=(0.30, 0.55))]
    assert without_unrelated_parts(links, CHANCE) == links


def test_related_parts_stay_together():
    links = [Link((0, 1), (0,), 0.60, parts=(0.62, 0.45))]
    assert without_unrelated_parts(links, CHANCE) == links


def test_a_sentence_below_chance_that_barely_raises_its_bead_is_split_off():
    # "Shigeo Tokuda is a porn star." pasted beside a translation: -0.004 alone, +0.001 joined
    links = [Link((6,), (6, 7), 0.5496, parts=(0.5483, -0.004))]
    assert without_unrelated_parts(links, CHANCE) == links  # no gain asked: it stays
    out = without_unrelated_parts(links, CHANCE, gain=0.0075)
    assert [(l.src, l.tgt) for l in out] == [((6,), (6,)), ((), (7,))]
    # a part that raises the bead by more than the gain stays (a true split)
    raised = [Link((0,), (0, 1), 0.59, parts=(0.54, 0.13))]
    assert without_unrelated_parts(raised, CHANCE, gain=0.0075) == raised


def test_halves_joined_by_the_aligner_stay_joined():
    # with_split_halves joined them: the second half says little alone ("That printed what it said…")
    halves = [Link((0,), (0, 1), 0.59, parts=(0.61, 0.29), halves=True)]
    assert without_unrelated_parts(halves, CHANCE) == halves
    plain = [Link((0,), (0, 1), 0.59, parts=(0.61, 0.29))]
    assert [(l.src, l.tgt) for l in without_unrelated_parts(plain, CHANCE)] == [((0,), (0,)), ((), (1,))]


def test_a_first_half_that_reads_above_random_pairs_keeps_its_split_whole():
    # "If it stays on its present course." / "It will hit central and eastern Taiwan early Monday, the
    # bureau said.": the first half reads 0.24 like the original, below chance but above random pairs
    split = [Link((1,), (1, 2), 0.535, parts=(0.24, 0.541))]
    assert [(l.src, l.tgt) for l in without_unrelated_parts(split, CHANCE, 0.0075)] == [((), (1,)), ((1,), (2,))]
    assert without_unrelated_parts(split, CHANCE, 0.0075, whole=0.22) == split
    # a pasted sentence reads less like the original than that: it is split off as before
    pasted = [Link((1,), (1, 2), 0.535, parts=(0.541, 0.17))]
    assert [(l.src, l.tgt) for l in without_unrelated_parts(pasted, CHANCE, 0.0075, whole=0.22)] == [
        ((1,), (1,)), ((), (2,))]
    # a 2-1 bead's extra original is judged as before: the rule is the translation's halves'
    merged = [Link((0, 1), (0,), 0.535, parts=(0.541, 0.24))]
    assert [(l.src, l.tgt) for l in without_unrelated_parts(merged, CHANCE, 0.0075, whole=0.22)] == [
        ((0,), (0,)), ((1,), ())]


def _one_sentence_pair(original: str, translation: str, similarity: float):
    from provenance.api import resolve_settings
    from provenance.assess import _judge
    from provenance.segment import segment

    source, target = segment(original, "ko"), segment(translation, "en")
    return _judge((0,), (0,), similarity, source, target, resolve_settings(), None)


OIL = "8월 인도분 서부텍사스산 중질유는 2.16달러 오른 131.04달러에 거래됐다."


def test_a_pair_the_encoder_reads_poorly_but_with_the_same_exact_figures_is_ok():
    bead = _one_sentence_pair(OIL, "Light, sweet crude for August delivery settled up $2.16 to $131.04 a barrel.", 0.26)
    assert bead.status is Status.OK and bead.reasons == ()


def test_a_pair_the_encoder_reads_poorly_with_nothing_shared_is_low_similarity():
    bead = _one_sentence_pair(OIL, "Oil prices rose on Tuesday.", 0.26)
    assert bead.status is Status.DRIFTED
    assert [r.code for r in bead.reasons] == ["drift.low-similarity"]


def test_evidence_in_a_beads_joined_sentences_lands_in_its_own_sentence():
    from provenance.segment import segment

    doc = segment("첫 문장이다. 둘째 문장은 길다. 셋째 문장.", "ko")
    text, starts = doc.joined([1, 2])
    at = text.index("셋째")
    found = doc.evidence("src", [1, 2], at, at + 2)
    assert (found.sentence, found.start, found.end, found.text) == (2, 0, 2, "셋째")
    first = doc.evidence("tgt", [1, 2], 0, 2, text="named")
    assert (first.side, first.sentence, first.start, first.text) == ("tgt", 1, 0, "named")
    # a span running past its sentence's end is cut there
    across = doc.evidence("src", [1, 2], starts[1] + 3, at + 2)
    assert across.sentence == 1 and across.end == len(doc.sentences[1].text)


def _weekday_beads(translations: list[str]):
    from provenance.assess import _with_weekdays
    from provenance.segment import segment
    from provenance.types import Bead

    source = segment("선거는 27일 치러졌다.\n개표는 28일 끝났다.\n결과는 29일 발표됐다.", "ko")
    target = segment("\n".join(translations), "en")
    beads = [Bead((k,), (k,), 0.8, Status.OK, ()) for k in range(len(translations))]
    return _with_weekdays(beads, source, target)


def test_two_lone_weekdays_that_disagree_are_warnings_and_so_is_an_outvoted_one():
    """In one article, one of two weekdays that cannot both be right is wrong (nothing tells which)."""
    tie = _weekday_beads(["The election was held on Sunday.", "Counting ended on Wednesday."])
    assert [b.status for b in tie] == [Status.DRIFTED, Status.DRIFTED]
    assert all(r.severity.value == "warning" for b in tie for r in b.reasons if r.code == "drift.date")
    outvoted = _weekday_beads(["The election was held on Sunday.", "Counting ended on Wednesday.", "Results came on Tuesday."])
    assert [b.status for b in outvoted] == [Status.OK, Status.DRIFTED, Status.OK]
