"""The aligner on synthetic embeddings whose true alignment is known.

Random unit vectors stand for sentences; a translation is the same vector
plus noise, a merged pair is the normalised sum. No model needed.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from provenance.align import align
from provenance.config import Thresholds
from provenance.embed import SideEmbeddings

DIM = 512  # as the default encoder: random vectors are near-orthogonal, as unrelated sentences are


def unit(v: np.ndarray) -> np.ndarray:
    return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)


def side(vectors: list[np.ndarray]) -> SideEmbeddings:
    single = unit(np.array(vectors))
    pairs = unit(single[:-1] + single[1:]) if len(single) > 1 else np.zeros((0, DIM), np.float32)
    return SideEmbeddings({1: single, 2: pairs})


def build(ops: str, seed: int = 0, noise: float = 0.35):
    """ops, one char per source sentence: '=' translated, 'd' dropped,
    'm' merged with the next, 's' split in two, 'a' translated with an added
    sentence after it. Returns source, target and the gold links."""
    rng = np.random.default_rng(seed)
    src = [rng.normal(size=DIM) for _ in ops]
    tgt: list[np.ndarray] = []
    gold: set[tuple[int, int]] = set()

    def noisy(v):
        return unit(v) + noise * unit(rng.normal(size=DIM))

    i = 0
    while i < len(ops):
        op = ops[i]
        if op == "d":
            i += 1
            continue
        if op == "m" and i + 1 < len(ops):
            gold |= {(i, len(tgt)), (i + 1, len(tgt))}
            tgt.append(noisy(unit(src[i]) + unit(src[i + 1])))
            i += 2
            continue
        if op == "s":
            half = rng.normal(size=DIM)
            gold |= {(i, len(tgt)), (i, len(tgt) + 1)}
            tgt += [noisy(unit(src[i]) + 0.6 * unit(half)), noisy(unit(src[i]) - 0.6 * unit(half))]
            i += 1
            continue
        gold.add((i, len(tgt)))
        tgt.append(noisy(src[i]))
        if op == "a":
            tgt.append(rng.normal(size=DIM))
        i += 1
    return side(src), side(tgt), gold


def links_of(result) -> set[tuple[int, int]]:
    return {(i, j) for link in result for i in link.src for j in link.tgt}


CASES = [
    ("faithful", "=" * 20),
    ("dropped", "=====d=====dd======"),
    ("added", "===a=======a========"),
    ("merged", "====m======m========"),
    ("split", "=====s=========s====="),
    ("mixed", "==d==m===a===s==dd====m=="),
]


@pytest.mark.parametrize("name,ops", CASES)
def test_recovers_gold_alignment(name, ops):
    src, tgt, gold = build(ops, seed=len(ops))
    assert links_of(align(src, tgt, Thresholds())) == gold


@pytest.mark.parametrize("name,ops", CASES)
def test_every_sentence_in_exactly_one_bead_in_order(name, ops):
    src, tgt, _ = build(ops, seed=3)
    result = align(src, tgt, Thresholds())
    assert [i for link in result for i in link.src] == list(range(len(src)))
    assert [j for link in result for j in link.tgt] == list(range(len(tgt)))
    assert all(1 <= len(link.src) + len(link.tgt) <= 4 for link in result)


def test_empty_sides():
    src, _, _ = build("===")
    empty = SideEmbeddings({1: np.zeros((0, DIM), np.float32), 2: np.zeros((0, DIM), np.float32)})
    assert [(l.src, l.tgt) for l in align(src, empty, Thresholds())] == [((0,), ()), ((1,), ()), ((2,), ())]
    assert align(empty, empty, Thresholds()) == []


def test_unrelated_sides_are_not_linked():
    rng = np.random.default_rng(7)
    src = side([rng.normal(size=DIM) for _ in range(10)])
    tgt = side([rng.normal(size=DIM) for _ in range(10)])
    assert links_of(align(src, tgt, Thresholds())) == set()


def test_long_articles_use_the_band_and_stay_correct():
    ops = ("=" * 40 + "d" + "=" * 30 + "a" + "=" * 20 + "m") * 6 + "=" * 40  # ~600 sentences
    src, tgt, gold = build(ops, seed=11, noise=0.3)
    result = links_of(align(src, tgt, Thresholds()))
    f1 = 2 * len(result & gold) / (len(result) + len(gold))
    assert f1 > 0.99


def test_a_whole_dropped_block_in_a_long_article_is_found():
    ops = "=" * 300 + "d" * 40 + "=" * 300
    src, tgt, gold = build(ops, seed=5, noise=0.3)
    result = align(src, tgt, Thresholds())
    dropped = {link.src[0] for link in result if link.src and not link.tgt}
    assert set(range(300, 340)) <= dropped
    assert links_of(result) == gold


@pytest.mark.parametrize("values", [[0.3], [0.5, 0.1], [0.2, 0.9, 0.4], [0.7, 0.1, 0.1, 0.4, 0.25, 0.6]])
def test_the_margin_baseline_is_numpys_median(values):
    from provenance.align import median

    array = np.array(values, dtype=np.float32)
    assert median(array) == pytest.approx(float(np.median(array)), abs=1e-7)
    assert array.tolist() == np.array(values, dtype=np.float32).tolist()  # not reordered in place


@pytest.mark.parametrize("name, ops", CASES)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_whole_grid_search_takes_the_banded_searchs_path(name, ops, seed):
    """Short articles take a vectorised DP; given the whole grid as its band, the general
    row-by-row search must choose every move the same, ties included."""
    from provenance.align import _banded_reward, _reward_tables, _search, _search_full, _valuer

    source, target, _ = build(ops, seed=seed)
    thresholds = Thresholds()
    if seed == 2:  # repeated basis vectors, exact products, no margin: paths of equal scores
        basis = np.eye(DIM, dtype=np.float32)
        source = side([basis[k // 2] for k in range(len(source))])
        target = side([basis[k // 3] for k in range(len(target))])
        thresholds = dataclasses.replace(thresholds, margin=0.0)
    n, m = len(source), len(target)
    value = _valuer(source, target, thresholds)
    whole = (np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))
    assert _search_full(n, m, _reward_tables(source, target, value)) == _search(
        n, m, whole, _banded_reward(source, target, value)
    )


# -- sentences moved out of order ----------------------------------------------------------
def _moved_article(seed: int = 3):
    """Ten sentences; the translation moves sentence 2 to the end."""
    rng = np.random.default_rng(seed)
    src = [rng.normal(size=DIM) for _ in range(10)]
    order = [0, 1, 3, 4, 5, 6, 7, 8, 9, 2]
    tgt = [unit(src[i]) + 0.35 * unit(rng.normal(size=DIM)) for i in order]
    return side(src), side(tgt)


def test_a_moved_sentence_is_paired_where_the_original_has_it():
    from provenance.align import with_moves

    source, target = _moved_article()
    links = align(source, target, Thresholds())
    assert ((2,), ()) in [(l.src, l.tgt) for l in links] and ((), (9,)) in [(l.src, l.tgt) for l in links]
    moved = with_moves(links, source, target, Thresholds().chance_similarity)
    pairs = [(l.src, l.tgt, l.moved) for l in moved]
    assert ((2,), (9,), True) in pairs and not any(l.src == () or l.tgt == () for l in moved)
    assert [l.src for l in moved if l.src] == [(i,) for i in range(10)]  # in the original's order


def test_a_dropped_and_an_added_sentence_only_loosely_alike_stay_apart():
    from provenance.align import Link, with_moves

    rng = np.random.default_rng(4)
    a, b, c = (unit(rng.normal(size=DIM)) for _ in range(3))
    # the added sentence reads closest to the dropped one, but no closer than sentences on the same topic
    loose = unit(0.3 * a + unit(rng.normal(size=DIM)))
    source, target = side([a, b, c]), side([b, c, loose])
    assert 0.1 < float(target.single[2] @ source.single[0]) < 0.35
    links = [Link((0,), (), 0.0), Link((1,), (0,), 0.9), Link((2,), (1,), 0.9), Link((), (2,), 0.0)]
    assert with_moves(links, source, target, 0.35) == links
    assert with_moves(links, source, target, 0.1)[0].moved  # the floor alone keeps them apart


def test_only_a_mutual_best_above_the_floor_is_moved():
    from provenance.align import Link, with_moves

    rng = np.random.default_rng(5)
    a, b, c = (unit(rng.normal(size=DIM)) for _ in range(3))
    noise = lambda: 0.3 * unit(rng.normal(size=DIM))  # noqa: E731
    links = [Link((0,), (), 0.0), Link((1,), (0,), 0.9), Link((2,), (1,), 0.9), Link((), (2,), 0.0)]
    target = side([b + noise(), c + noise(), a + noise()])
    moved = with_moves(links, side([a, b, c]), target, 0.35)
    assert [(l.src, l.tgt, l.moved) for l in moved] == [((0,), (2,), True), ((1,), (0,), False), ((2,), (1,), False)]
    assert with_moves(links, side([a, b, c]), target, 0.99) == links  # not as close as the floor asks
    # the added sentence reads closest to a linked original sentence: not a move
    assert with_moves(links, side([a, target.single[2], c]), target, 0.35) == links


def test_a_moved_sentence_merged_into_a_neighbours_bead_is_taken_out_of_it():
    from provenance.align import Link, with_moves

    rng = np.random.default_rng(6)
    a, b, c, d = (unit(rng.normal(size=DIM)) for _ in range(4))
    noise = lambda: 0.3 * unit(rng.normal(size=DIM))  # noqa: E731
    # the translation moved a to the end, where the aligner read it as part of d's bead
    target = side([b + noise(), c + noise(), a + noise(), d + noise()])
    source = side([a, b, c, d])
    parts = (float(target.single[2] @ source.single[3]), float(target.single[3] @ source.single[3]))
    links = [Link((0,), (), 0.0), Link((1,), (0,), 0.9), Link((2,), (1,), 0.9), Link((3,), (2, 3), 0.6, parts)]
    moved = with_moves(links, source, target, 0.35)
    assert [(l.src, l.tgt, l.moved) for l in moved] == [
        ((0,), (2,), True), ((1,), (0,), False), ((2,), (1,), False), ((3,), (3,), False)
    ]
    assert moved[-1].similarity == pytest.approx(parts[1])


def test_a_pairing_in_the_alignments_own_order_is_not_a_move():
    from provenance.align import Link, with_moves

    rng = np.random.default_rng(8)
    a, b, c = (unit(rng.normal(size=DIM)) for _ in range(3))
    # target 1 reads as source 1, but pairing them crosses nothing: the alignment's choice stands
    source = side([a, b, c])
    target = side([unit(a + 0.3 * unit(rng.normal(size=DIM))), unit(b + 0.2 * a), c])
    parts = tuple(float(target.single[k] @ source.single[0]) for k in range(2))
    links = [Link((0,), (0, 1), 0.8, parts), Link((1,), (), 0.0), Link((2,), (2,), 0.9)]
    assert float(target.single[1] @ source.single[1]) > 0.35  # each the other's closest
    assert with_moves(links, source, target, 0.35) == links


def _moved_and_joined(seed: int = 10):
    """Source a b c d e; the translation joined a and b into one sentence and moved it to
    the end: c d e ab. The aligner leaves a and b dropped and ab added."""
    from provenance.align import Link

    rng = np.random.default_rng(seed)
    a, b, c, d, e = (unit(rng.normal(size=DIM)) for _ in range(5))
    noise = lambda: 0.25 * unit(rng.normal(size=DIM))  # noqa: E731
    source = side([a, b, c, d, e])
    target = side([c + noise(), d + noise(), e + noise(), a + b + noise()])
    links = [Link((0,), (), 0.0), Link((1,), (), 0.0), Link((2,), (0,), 0.9), Link((3,), (1,), 0.9),
             Link((4,), (2,), 0.9), Link((), (3,), 0.0)]
    return source, target, links


def test_a_moved_pair_takes_in_the_sentence_the_translator_joined_to_it():
    from provenance.align import with_moves

    source, target, links = _moved_and_joined()
    moved = with_moves(links, source, target, 0.35, merge_penalty=0.03)
    assert [(l.src, l.tgt, l.moved) for l in moved] == [
        ((0, 1), (3,), True), ((2,), (0,), False), ((3,), (1,), False), ((4,), (2,), False)
    ]
    joined = moved[0]
    assert joined.similarity == pytest.approx(float(source.runs[2][0] @ target.single[3]))
    assert joined.similarity > max(joined.parts) + 0.06  # reads better as one, by more than twice the penalty
    # without the join it would be one moved pair and a dropped sentence
    assert [(l.src, l.tgt) for l in with_moves(links, source, target, 0.35, merge_penalty=0.25)][:2] in (
        [((0,), (3,)), ((1,), ())], [((0,), ()), ((1,), (3,))]
    )


def test_a_moved_pair_takes_in_the_other_half_of_a_split_sentence():
    from provenance.align import Link, with_moves

    rng = np.random.default_rng(11)
    a, b, c, half = (unit(rng.normal(size=DIM)) for _ in range(4))
    noise = lambda: 0.2 * unit(rng.normal(size=DIM))  # noqa: E731
    # the translation moved a to the end and split it in two: b c a1 a2
    source = side([a, b, c])
    target = side([b + noise(), c + noise(), a + 0.8 * half + noise(), a - 0.8 * half + noise()])
    links = [Link((0,), (), 0.0), Link((1,), (0,), 0.9), Link((2,), (1,), 0.9), Link((), (2,), 0.0), Link((), (3,), 0.0)]
    moved = with_moves(links, source, target, 0.35, merge_penalty=0.03)
    assert [(l.src, l.tgt, l.moved) for l in moved] == [((0,), (2, 3), True), ((1,), (0,), False), ((2,), (1,), False)]


def test_a_dropped_sentence_beside_a_moved_one_stays_dropped():
    from provenance.align import Link, with_moves

    rng = np.random.default_rng(12)
    a, b, c, d = (unit(rng.normal(size=DIM)) for _ in range(4))
    noise = lambda: 0.25 * unit(rng.normal(size=DIM))  # noqa: E731
    # a moved to the end, and b left out of the translation, though a's translation echoes it a little
    source = side([a, b, c, d])
    target = side([c + noise(), d + noise(), a + 0.45 * b + noise()])
    links = [Link((0,), (), 0.0), Link((1,), (), 0.0), Link((2,), (0,), 0.9), Link((3,), (1,), 0.9), Link((), (2,), 0.0)]
    gain = float(source.runs[2][0] @ target.single[2]) - float(source.single[0] @ target.single[2])
    assert 0 < gain < 0.06  # joined reads a little closer, as a sentence on the same topic can
    moved = with_moves(links, source, target, 0.35, merge_penalty=0.03)
    assert [(l.src, l.tgt, l.moved) for l in moved][:2] == [((0,), (2,), True), ((1,), (), False)]
    assert with_moves(links, source, target, 0.35, merge_penalty=0.0)[0].src == (0, 1)  # the margin keeps it out


def _moved_beside_an_unlinked_neighbour(seed: int, second):
    """Source a b c d e: a moved to the end (its translation echoing b), `second(b, c, e, x)`
    added after c's translation, and e dropped, all unlinked. Asserts that the moved pair
    does not take b in; returns source and target for the test's own reasons why."""
    from provenance.align import Link, with_moves

    rng = np.random.default_rng(seed)
    a, b, c, d, e, x = (unit(rng.normal(size=DIM)) for _ in range(6))
    noise = lambda: 0.2 * unit(rng.normal(size=DIM))  # noqa: E731
    source = side([a, b, c, d, e])
    target = side([c + noise(), second(b, c, e, x) + noise(), d + noise(), a + 0.6 * b + noise()])
    links = [Link((0,), (), 0.0), Link((1,), (), 0.0), Link((2,), (0,), 0.9), Link((), (1,), 0.0),
             Link((3,), (2,), 0.9), Link((4,), (), 0.0), Link((), (3,), 0.0)]
    gain = float(source.runs[2][0] @ target.single[3]) - float(source.single[0] @ target.single[3])
    assert gain > 0.06  # b would join the moved pair on the margin alone
    moved = with_moves(links, source, target, 0.35, merge_penalty=0.03)
    assert [(l.src, l.tgt, l.moved) for l in moved][:2] == [((0,), (3,), True), ((1,), (), False)]
    return source, target


def test_a_neighbour_translated_elsewhere_is_not_taken_in():
    # b's own translation, with more of c in it than of b: no mutual best pairs them
    source, target = _moved_beside_an_unlinked_neighbour(13, lambda b, c, e, x: 0.6 * b + 0.8 * c)
    assert float(source.single[1] @ target.single[1]) > float(source.single[1] @ target.single[3])


def test_a_neighbour_another_unlinked_sentence_reads_as_its_own_is_not_taken_in():
    # b loosely translated: b reads closest to the moved pair's end, but that sentence claims b
    source, target = _moved_beside_an_unlinked_neighbour(15, lambda b, c, e, x: 0.4 * b + 0.9 * x)
    b_reads = target.single @ source.single[1]
    assert b_reads[3] > b_reads[1]
    assert float(target.single[1] @ source.single[1]) > float(target.single[1] @ source.single[0])


def test_a_neighbour_that_reads_as_another_unlinked_sentence_is_not_taken_in():
    # part of b went into a sentence that is mostly the dropped e's: b reads closest to it,
    # though it reads closer to e than to b and so does not claim b
    source, target = _moved_beside_an_unlinked_neighbour(16, lambda b, c, e, x: 0.65 * b + 0.75 * e)
    b_reads = target.single @ source.single[1]
    assert b_reads[1] > b_reads[3]
    assert float(target.single[1] @ source.single[4]) > float(target.single[1] @ source.single[1])


def _moved_joined_without_a_mutual_best(seed: int = 17):
    """Sentences a b c d and their translation c' d' ab: a and b joined and moved to the end,
    c's translation echoing a. ab reads closest to a, a closest to c', b closest to ab: no
    single sentence is ab's mutual best, but a and b read as one are."""
    rng = np.random.default_rng(seed)
    a, b, c, d = (unit(rng.normal(size=DIM)) for _ in range(4))
    noise = lambda: 0.15 * unit(rng.normal(size=DIM))  # noqa: E731
    joined_side = side([a, b, c, d])
    single_side = side([c + 1.5 * a + noise(), d + noise(), 1.1 * a + b + noise()])
    return joined_side, single_side


@pytest.mark.parametrize("joined_on", ["src", "tgt"])
def test_two_moved_sentences_read_as_one_are_paired_with_the_sentence_that_joins_them(joined_on):
    from provenance.align import Link, with_moves

    joined_side, single_side = _moved_joined_without_a_mutual_best()
    assert int(np.argmax(joined_side.single @ single_side.single[2])) == 0  # ab reads closest to a
    assert int(np.argmax(single_side.single @ joined_side.single[0])) == 0  # a reads closest to c'
    links = [((0,), ()), ((1,), ()), ((2,), (0,)), ((3,), (1,)), ((), (2,))]
    if joined_on == "src":
        source, target = joined_side, single_side
        links = [Link(s, t, 0.9 if s and t else 0.0) for s, t in links]
        expected = [((0, 1), (2,), True), ((2,), (0,), False), ((3,), (1,), False)]
    else:
        source, target = single_side, joined_side
        links = sorted((Link(t, s, 0.9 if s and t else 0.0) for s, t in links), key=lambda l: (l.src or (9,), l.tgt))
        expected = [((0,), (2,), False), ((1,), (3,), False), ((2,), (0, 1), True)]
    assert [(l.src, l.tgt, l.moved) for l in with_moves(links, source, target, 0.35, merge_penalty=0.03)] == expected
    assert with_moves(links, source, target, 0.35, merge_penalty=0.5) == links  # joined must read better than alone


def _swapped_passages(seed: int = 14):
    """Source a b c d e: the translation swapped passage (b) with passage (c d), joining c
    and d: a CD B e. The aligner links them in order, each with the other's translation."""
    from provenance.align import Link

    rng = np.random.default_rng(seed)
    a, b, c, d, e, topic = (unit(rng.normal(size=DIM)) for _ in range(6))
    noise = lambda: 0.3 * unit(rng.normal(size=DIM))  # noqa: E731
    # b, c and d are on one topic (two estimates of a harvest)
    b, c, d = (unit(v + 0.8 * topic) for v in (b, c, d))
    source = side([a, b, c, d, e])
    target = side([a + noise(), c + d + noise(), b + noise(), e + noise()])
    in_order = [Link((0,), (0,), 0.9), Link((1,), (1,), float(source.single[1] @ target.single[1])),
                Link((2, 3), (2,), float(source.runs[2][2] @ target.single[2])), Link((4,), (3,), 0.9)]
    return source, target, in_order


def test_two_neighbouring_passages_swapped_are_paired_crosswise():
    from provenance.align import with_moves

    source, target, links = _swapped_passages()
    moved = with_moves(links, source, target, 0.35, merge_penalty=0.03)
    assert [(l.src, l.tgt, l.moved) for l in moved] == [
        ((0,), (0,), False), ((1,), (2,), True), ((2, 3), (1,), True), ((4,), (3,), False)
    ]
    assert moved[2].parts == pytest.approx((float(source.single[2] @ target.single[1]), float(source.single[3] @ target.single[1])))
    assert min(l.similarity for l in moved[1:3]) > max(l.similarity for l in links[1:3])


def test_a_crosswise_pairing_better_for_one_pair_only_is_not_a_swap():
    from provenance.align import with_moves

    source, target, links = _swapped_passages()
    # the joined pair reads better in order than b does crosswise: the alignment stands
    strong = dataclasses.replace(links[2], similarity=0.99)
    kept = [links[0], links[1], strong, links[3]]
    assert with_moves(kept, source, target, 0.35, merge_penalty=0.03) == kept
    # nor below the floor, however much better than the pairs it would replace
    assert with_moves(links, source, target, 0.99, merge_penalty=0.03) == links


def test_the_closest_sentences_are_found_a_block_of_rows_at_a_time():
    from provenance.align import _closest

    rng = np.random.default_rng(9)
    vectors, others = unit(rng.normal(size=(50, DIM))), unit(rng.normal(size=(30, DIM)))
    best, value = _closest(vectors, others, rows=7)
    full = vectors @ others.T
    assert best.tolist() == full.argmax(axis=1).tolist()
    np.testing.assert_allclose(value, full.max(axis=1), rtol=1e-6)


def test_no_two_sentences_are_joined_across_a_gap():
    from provenance.align import Link, _parts, without_joins_across

    source, target, _ = build("=s==m=", seed=3)
    beads = [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3, 4), (4,)), ((5,), (5,))]
    links = [Link(src, tgt, 0.8, _parts(src, tgt, source, target)) for src, tgt in beads]
    # no gaps: nothing changes
    assert without_joins_across(links, source, target, set(), set()) == links
    # a byline between target sentences 1 and 2, and between source sentences 3 and 4
    out = without_joins_across(links, source, target, {3}, {1})
    assert [i for l in out for i in l.src] == list(range(6)) and [j for l in out for j in l.tgt] == list(range(6))
    assert all(len(l.src) < 2 and len(l.tgt) < 2 for l in out)
    split, merged = links[1], links[3]
    kept_tgt = split.tgt[split.parts.index(max(split.parts))]
    kept_src = merged.src[merged.parts.index(max(merged.parts))]
    assert ((1,), (kept_tgt,)) in [(l.src, l.tgt) for l in out]
    assert ((kept_src,), (4,)) in [(l.src, l.tgt) for l in out]
    kept = next(l for l in out if l.src == (1,))
    assert kept.similarity == pytest.approx(float(source.single[1] @ target.single[kept_tgt]), abs=1e-6)
    # a 2-2 link across a gap becomes two 1-1 links
    both = without_joins_across([Link((0, 1), (0, 1), 0.7)], source, target, {0}, set())
    assert [(l.src, l.tgt) for l in both] == [((0,), (0,)), ((1,), (1,))]


def _unit(vectors):
    vectors = np.asarray(vectors, dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def _halves_case(half_direction):
    """Source: two sentences. Target: sentence 0's translation in two halves, then sentence 1's."""
    from provenance.align import Link, with_split_halves

    rng = np.random.default_rng(3)
    src = _unit(rng.normal(size=(2, 16)))
    first_half = _unit([src[0] + 0.3 * rng.normal(size=16)])[0]
    second_half = _unit([half_direction(src, rng)])[0]
    tgt = _unit([first_half, second_half, src[1]])
    joined = _unit([first_half + second_half, second_half + src[1]])
    source = SideEmbeddings({1: src, 2: _unit([src[0] + src[1]])})
    target = SideEmbeddings({1: tgt, 2: joined})
    links = [Link((0,), (0,), float(src[0] @ tgt[0])), Link((), (1,), 0.0), Link((1,), (2,), float(src[1] @ tgt[2]))]
    sizes = {(0,): -0.7, (0, 1): -0.1}  # the first half alone is short; with the second, as usual
    return with_split_halves(links, source, target, set(), lambda i, js: sizes.get(js, 0.0))


def test_a_short_translation_takes_in_the_unaligned_half_beside_it():
    links = _halves_case(lambda src, rng: src[0] + 0.3 * rng.normal(size=16))  # the rest of sentence 0
    assert [(link.src, link.tgt) for link in links] == [((0,), (0, 1)), ((1,), (2,))]
    assert links[0].halves  # the half reads like the source: kept whole through assessment


def along(*weights):
    """A unit vector with these cosines to the first basis vectors."""
    v = np.zeros(16, dtype=np.float32)
    v[: len(weights)] = weights
    v[15] = np.sqrt(max(0.0, 1 - sum(w * w for w in weights)))
    return v


def test_a_half_that_reads_like_chance_is_joined_but_not_kept_whole():
    from provenance.align import Link, with_split_halves

    src = np.stack([along(1.0), along(0, 0, 0, 1.0)])
    tgt = np.stack([along(0.61), along(0.15), along(0, 0, 0, 0.9)])  # the half: 0.15 like sentence 0
    joined = np.stack([along(0.59), along(0.1)])
    source = SideEmbeddings({1: src, 2: np.stack([along(0.7, 0, 0, 0.7)])})
    target = SideEmbeddings({1: tgt, 2: joined})
    links = [Link((0,), (0,), 0.61), Link((), (1,), 0.0), Link((1,), (2,), 0.9)]
    sizes = {(0,): -0.7, (0, 1): -0.1}
    out = with_split_halves(links, source, target, set(), lambda i, js: sizes.get(js, 0.0))
    assert out[0].tgt == (0, 1) and not out[0].halves  # joined, but assessment may split it again


@pytest.mark.parametrize(
    ("half", "joined", "taken"),
    [
        (0.5, 0.63, True),  # reads like the original, and the pair reads better joined
        (0.5, 0.60, False),  # … but reads worse joined: an insertion on the same topic
        (0.2, 0.63, False),  # hardly like the original: the length test decides, and the link is not short
    ],
)
def test_a_half_that_reads_like_the_original_joins_a_link_of_usual_length(half, joined, taken):
    """A translation sentence split in two where the English runs longer than the Korean:
    the first half alone has the usual length, so only the similarities can tell."""
    from provenance.align import Link, with_split_halves

    src = np.stack([along(1.0), along(0, 0, 0, 1.0)])
    tgt = np.stack([along(0.61), along(half), along(0, 0, 0, 0.9)])
    source = SideEmbeddings({1: src, 2: np.stack([along(0.7, 0, 0, 0.7)])})
    target = SideEmbeddings({1: tgt, 2: np.stack([along(joined), along(0.1)])})
    links = [Link((0,), (0,), 0.61), Link((), (1,), 0.0), Link((1,), (2,), 0.9)]
    sizes = {(0,): 0.0, (0, 1): 0.4}  # the first half alone as long as usual, both together longer
    out = with_split_halves(links, source, target, set(), lambda i, js: sizes.get(js, 0.0))
    assert (out[0].tgt == (0, 1)) is taken


@pytest.mark.parametrize(
    ("left_out", "joined", "sizes", "taken"),
    [
        (0.45, 0.60, {(0,): 0.8, (0, 1): 0.1}, True),  # the translation is long for its original alone
        (0.45, 0.60, {(0,): 0.3, (0, 1): -0.4}, False),  # … not long enough: an omission beside it
        (0.45, 0.60, {(0,): 0.8, (0, 1): 0.9}, False),  # joined, no closer to the usual length
        (0.25, 0.60, {(0,): 0.8, (0, 1): 0.1}, False),  # the left-out original hardly reads like it
        (0.45, 0.52, {(0,): 0.8, (0, 1): 0.1}, False),  # the pair reads much worse joined
        (0.60, 0.64, {(0,): 0.1, (0, 1): -0.5}, False),  # reads like it and better joined: not enough alone
    ],
)
def test_an_original_left_over_beside_a_long_translation_joins_it(left_out, joined, sizes, taken):
    """Two original sentences merged in one translation sentence: the one that says less alone
    is left over by the aligner, and the translation is too long for the other alone."""
    from provenance.align import Link, with_merged_halves

    src = np.stack([along(0.61), along(left_out), along(0, 0, 0, 0.9)])
    tgt = np.stack([along(1.0), along(0, 0, 0, 1.0)])
    source = SideEmbeddings({1: src, 2: np.stack([along(joined), along(0.1)])})
    target = SideEmbeddings({1: tgt, 2: np.stack([along(0.7, 0, 0, 0.7)])})
    links = [Link((0,), (0,), 0.61), Link((1,), (), 0.0), Link((2,), (1,), 0.9)]
    out = with_merged_halves(links, source, target, set(), lambda sources, j: sizes.get(sources, 0.0))
    assert (out[0].src == (0, 1) and out[0].tgt == (0,)) is taken
    assert [i for link in out for i in link.src] == [0, 1, 2] and [j for link in out for j in link.tgt] == [0, 1]
    if taken:
        assert len(out) == 2 and out[0].parts == pytest.approx((0.61, left_out), abs=1e-5)


def test_an_unrelated_sentence_beside_a_short_translation_stays_added():
    links = _halves_case(lambda src, rng: -src[0] + rng.normal(size=16))  # nothing like sentence 0
    assert [(link.src, link.tgt) for link in links] == [((0,), (0,)), ((), (1,)), ((1,), (2,))]


def _replacement_sides():
    rng = np.random.default_rng(5)
    src = _unit(rng.normal(size=(5, 16)))
    tgt = _unit(rng.normal(size=(5, 16)))
    return SideEmbeddings({1: src}), SideEmbeddings({1: tgt})


def test_an_untranslated_sentence_and_an_added_one_in_its_place_become_a_pair():
    from provenance.align import Link, with_replacements

    source, target = _replacement_sides()
    links = [Link((0,), (0,), 0.8), Link((1,), (), 0.0), Link((), (1,), 0.0), Link((2,), (2,), 0.8)]
    out = with_replacements(links, source, target)
    assert [(l.src, l.tgt) for l in out] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert out[1].similarity == pytest.approx(float(source.single[1] @ target.single[1]), abs=1e-6)
    # two and two, in either order of the run, are paired in order
    links = [Link((), (0,), 0.0), Link((0,), (), 0.0), Link((1,), (), 0.0), Link((), (1,), 0.0), Link((2,), (2,), 0.8)]
    assert [(l.src, l.tgt) for l in with_replacements(links, source, target)][:2] == [((0,), (0,)), ((1,), (1,))]


def test_unequal_or_interrupted_runs_of_unlinked_sentences_stay_as_they_are():
    from provenance.align import Link, with_replacements

    source, target = _replacement_sides()
    two_for_one = [Link((0,), (), 0.0), Link((1,), (), 0.0), Link((), (0,), 0.0), Link((2,), (1,), 0.8)]
    assert with_replacements(two_for_one, source, target) == two_for_one
    # a link between them: each stands beside a translated sentence, not in another's place
    apart = [Link((0,), (), 0.0), Link((1,), (0,), 0.8), Link((), (1,), 0.0)]
    assert with_replacements(apart, source, target) == apart
    moved = [Link((0,), (), 0.0), Link((3,), (1,), 0.7, moved=True), Link((), (0,), 0.0)]
    assert with_replacements(moved, source, target) == moved


class _TableEncoder:
    """Texts to fixed vectors; any other text (a joined run the aligner asks for) gets an
    axis of its own, unlike everything else."""

    signature = "table"

    def __init__(self, table: dict[str, np.ndarray], dim: int = 32) -> None:
        self.table, self.axes = dict(table), iter(np.eye(dim, dtype=np.float32)[::-1])

    def encode(self, texts):
        return np.stack([self.table.setdefault(text, next(self.axes)) for text in texts])


def test_a_pasted_sentence_first_taken_in_as_a_half_then_split_off_pairs_with_the_untranslated_one():
    """The translation of 원문 1 was replaced by a sentence from another story. The short
    translation of 원문 0 takes it in as a second half (`with_split_halves`: it reads 0.15 like
    원문 0), the unrelated-part rule splits it off again (joined, the pair reads no better), and
    only then does it stand in the place of 원문 1: one unrelated pair, not an omission and an
    addition side by side."""
    from provenance.api import compare_texts
    from provenance.types import Status

    e = np.eye(32, dtype=np.float32)
    ko = ["가나다라마바사아자차카타파하가나다라마바사 하는 긴 첫 문장입니다.", "두 번째 원문 문장은 전혀 다른 이야기를 합니다.",
          "세 번째 원문 문장입니다.", "네 번째 원문 문장입니다."]
    en = ["A short one.", "Here is a pasted sentence from another story.", "The third sentence.", "The fourth sentence."]
    table = {ko[0]: e[0], ko[1]: e[1], ko[2]: e[2], ko[3]: e[3],
             en[0]: e[0], en[1]: unit(0.15 * e[0] - 0.3 * e[1] + 0.94 * e[5]), en[2]: e[2], en[3]: e[3],
             f"{en[0]} {en[1]}": e[0]}
    report = compare_texts("\n".join(ko), "\n".join(en), presegmented=True, checks=(),
                           encoder=_TableEncoder(table))
    beads = [(b.src, b.tgt, b.status) for b in report.alignment]
    assert beads == [((0,), (0,), Status.OK), ((1,), (1,), Status.DRIFTED), ((2,), (2,), Status.OK), ((3,), (3,), Status.OK)]
    assert [r.code for r in report.alignment[1].reasons] == ["drift.unrelated"]


def test_the_sentence_a_run_lacks_is_taken_from_a_neighbouring_merge_that_reads_it_below_chance():
    """The translation of original 1 was replaced; the aligner joined original 1 to its
    neighbour's translation (a 2-1 bead whose part for it reads 0.12) and left the pasted
    sentence with no source. With the chance level given, the two stand in place as a pair."""
    from provenance.align import Link, with_replacements

    source, target = _replacement_sides()
    links = [Link((0,), (0,), 0.8), Link((), (1,), 0.0), Link((1, 2), (2,), 0.52, parts=(0.12, 0.45)), Link((3,), (3,), 0.8)]
    assert with_replacements(links, source, target) == links  # no chance level: as before
    out = with_replacements(links, source, target, below=0.35)
    assert [(l.src, l.tgt) for l in out] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert out[2].similarity == 0.45 and out[1].similarity == pytest.approx(float(source.single[1] @ target.single[1]), abs=1e-6)
    # the bead before the run gives its last sentence; a 1-2 bead gives a translation sentence
    before = [Link((0, 1), (0,), 0.6, parts=(0.55, 0.2)), Link((), (1,), 0.0), Link((2,), (2,), 0.8)]
    assert [(l.src, l.tgt) for l in with_replacements(before, source, target, below=0.35)] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    one_two = [Link((0,), (0,), 0.8), Link((1,), (), 0.0), Link((2,), (1, 2), 0.6, parts=(0.3, 0.58))]
    assert [(l.src, l.tgt) for l in with_replacements(one_two, source, target, below=0.35)] == [
        ((0,), (0,)), ((1,), (1,)), ((2,), (2,))]


@pytest.mark.parametrize(
    ("sizes", "taken"),
    [
        ({((1, 2), (2,)): -0.6, ((2,), (2,)): -0.05}, True),  # short for both originals, as usual for one
        ({((1, 2), (2,)): -0.3, ((2,), (2,)): 0.0}, False),  # only a little short for both: a merge
        ({((1, 2), (2,)): -0.6, ((2,), (2,)): 0.7}, False),  # one alone is no better: a merge condensed
    ],
)
def test_a_run_takes_a_sentence_its_neighbouring_merge_reads_above_chance_but_cannot_hold(sizes, taken):
    """The translation of original 1 was replaced by a sentence on the same topic: the aligner
    joined original 1 to its neighbour's translation, and it reads above chance there (0.40),
    but that translation is far shorter than usual for the two originals and as long as usual
    for original 2 alone."""
    from provenance.align import Link, with_replacements

    source, target = _replacement_sides()
    links = [Link((0,), (0,), 0.8), Link((), (1,), 0.0), Link((1, 2), (2,), 0.6, parts=(0.40, 0.45)), Link((3,), (3,), 0.8)]
    out = with_replacements(links, source, target, below=0.35, ratio=lambda src, tgt: sizes.get((src, tgt), 0.0))
    pairs = [(l.src, l.tgt) for l in out]
    assert (pairs == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]) is taken
    assert taken or out == links
    # the mirror image: a 1-2 bead whose two translations are far too long for its original
    one_two = [Link((0,), (0,), 0.8), Link((1,), (), 0.0), Link((2,), (1, 2), 0.6, parts=(0.40, 0.58))]
    mirrored = {((2,), (1, 2)): -sizes[((1, 2), (2,))] if taken else 0.2, ((2,), (2,)): 0.05}
    out = with_replacements(one_two, source, target, below=0.35, ratio=lambda src, tgt: mirrored.get((src, tgt), 0.0))
    assert ([(l.src, l.tgt) for l in out] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]) is taken


def test_a_neighbouring_merge_keeps_a_sentence_it_reads_above_chance_or_joined_by_its_own_step():
    from provenance.align import Link, with_replacements

    source, target = _replacement_sides()
    merged = [Link((0,), (0,), 0.8), Link((), (1,), 0.0), Link((1, 2), (2,), 0.6, parts=(0.40, 0.45))]
    assert with_replacements(merged, source, target, below=0.35) == merged  # a real merge beside an addition
    halves = [Link((0,), (0, 1), 0.6, parts=(0.58, 0.2), halves=True), Link((1,), (), 0.0), Link((2,), (2,), 0.8)]
    assert with_replacements(halves, source, target, below=0.35) == halves
    moved = [Link((0,), (0,), 0.8), Link((), (1,), 0.0), Link((1, 2), (2,), 0.5, parts=(0.1, 0.45), moved=True)]
    assert with_replacements(moved, source, target, below=0.35) == moved
    # a run two short takes nothing: one sentence from a neighbour would not even it
    short = [Link((0,), (0,), 0.8), Link((), (1,), 0.0), Link((), (2,), 0.0), Link((1, 2), (3,), 0.5, parts=(0.1, 0.45))]
    assert with_replacements(short, source, target, below=0.35) == short
