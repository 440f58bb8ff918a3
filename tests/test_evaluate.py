"""The evaluation harness: generator, scorer, Gale–Church floor and runner.

The corpora here are synthetic sentences written for these tests; the tests
that read ../shared/data are marked `data` and skip when it is absent.
"""

from __future__ import annotations

import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from provenance.config import Thresholds
from provenance.embed import SideEmbeddings
from provenance.evaluate import corpus as corpus_module
from provenance.evaluate.cli import main_eval
from provenance.evaluate.corpus import from_pairs, load_corpus
from provenance.evaluate.galechurch import MEAN_RATIO, VARIANCE, align_lengths, fit_length_model
from provenance.evaluate.lang import rules_for
from provenance.evaluate.perturb import (
    CONTENT,
    MODES,
    STRUCTURAL,
    Perturbation,
    change_date,
    change_number,
    cut_clause,
    make_documents,
    negate,
    split_sentence,
)
from provenance.evaluate.score import Counts, score_document, total
from provenance.types import Status

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
EN = rules_for("en")
OK, DRIFTED, DROPPED, ADDED = Status.OK, Status.DRIFTED, Status.DROPPED, Status.ADDED

# -- a synthetic corpus ----------------------------------------------------------
SUBJECTS = ("The city council", "Officials in the port city", "The health ministry", "A local school board", "The bus company")
VERBS = ("said", "announced", "reported", "confirmed")
MONTH_NAMES = ("January", "March", "May", "July", "September", "November")


def clause(i: int) -> str:
    n, month, year = 7 + 3 * i, MONTH_NAMES[i % 6], 1990 + i % 30
    return (
        f"that {n} new buses will run from {month} {1 + i % 27}, and the fares are expected to stay the same for riders",
        f"it has hired {n} workers since {year}, but the union is asking for many more nurses",
        f"the old bridge was closed on Monday; repairs will take {n} weeks in the rainy season",
        f"{n} people attended the long meeting, which lasted almost two hours in the town hall",
        f"its budget for {n} parks is smaller than last year",
    )[i % 5]


def synthetic_pairs(count: int) -> list[tuple[str, str]]:
    return [
        (f"{i}번 문장: 시의회는 새 버스 {7 + 3 * i}대를 발표했다.", f"{SUBJECTS[i % 5]} {VERBS[i % 4]} {clause(i)}.")
        for i in range(count)
    ]


CORPUS = from_pairs(synthetic_pairs(400), name="synthetic")


def validate_gold(doc) -> None:
    """Every sentence of both sides in exactly one gold bead, in order, statuses matching shapes."""
    src = [i for b in doc.gold for i in b.src]
    tgt = [j for b in doc.gold for j in b.tgt]
    assert src == list(range(len(doc.source)))
    assert tgt == list(range(len(doc.target)))
    for bead in doc.gold:
        assert bead.src or bead.tgt
        if not bead.tgt:
            assert bead.status is DROPPED
        if not bead.src:
            assert bead.status is ADDED
        if bead.src and bead.tgt:
            assert bead.status in (OK, DRIFTED)


# -- generator -------------------------------------------------------------------
@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("seed", [0, 1, 7])
def test_generator_is_deterministic_and_gold_is_valid(mode, seed):
    first = make_documents(CORPUS, count=30, seed=seed, mode=mode)
    again = make_documents(CORPUS, count=30, seed=seed, mode=mode)
    assert first == again
    assert len(first) == 30
    for doc in first:
        assert 12 <= len(doc.source) <= 40
        assert 1 <= len(doc.perturbations) <= 3 or not doc.perturbed
        assert {p.kind for p in doc.perturbations} <= set(MODES[mode])
        validate_gold(doc)


def test_other_seed_other_documents():
    assert make_documents(CORPUS, count=10, seed=1) != make_documents(CORPUS, count=10, seed=2)


@pytest.mark.parametrize("mode", list(MODES))
def test_every_kind_of_the_mode_is_used(mode):
    docs = make_documents(CORPUS, count=60, seed=3, mode=mode)
    assert {p.kind for d in docs for p in d.perturbations} == set(MODES[mode])
    assert 10 <= sum(not d.perturbed for d in docs) <= 20  # about a quarter left alone


def originals(doc) -> list[str]:
    """The corpus translation of each source sentence of the document."""
    return [CORPUS.target[line - 1] for line in doc.lines]


def test_unperturbed_documents_are_the_corpus():
    for doc in make_documents(CORPUS, count=20, seed=5):
        if not doc.perturbed:
            assert list(doc.target) == originals(doc)
            assert all(b.src == b.tgt and len(b.src) == 1 and b.status is OK for b in doc.gold)


# kind -> check(original translations of the touched source sentences, new target sentences, gold bead)
KIND_CHECKS = {
    "merge": lambda orig, new, bead: len(orig) == 2 and new == [f"{orig[0]} {orig[1]}"] and bead.status is OK,
    "split": lambda orig, new, bead: len(new) == 2 and all(len(p.split()) >= 4 for p in new) and bead.status is OK,
    "drop": lambda orig, new, bead: len(orig) == 1 and new == [] and bead.status is DROPPED,
    "insert": lambda orig, new, bead: orig == [] and len(new) == 1 and new[0] in CORPUS.target and bead.status is ADDED,
    "number": lambda orig, new, bead: new != orig and len(new[0].split()) == len(orig[0].split()) and bead.status is DRIFTED,
    "date": lambda orig, new, bead: new != orig and len(new[0].split()) == len(orig[0].split()) and bead.status is DRIFTED,
    "partial": lambda orig, new, bead: len(new[0]) <= 0.62 * len(orig[0]) and orig[0].startswith(new[0][:-1]),
    "negate": lambda orig, new, bead: any(w in new[0] for w in (" not ", " no longer ", " never ", "cannot")),
    "unrelated": lambda orig, new, bead: new != orig and new[0] in CORPUS.target and bead.either,
}


@pytest.mark.parametrize("kind", list(KIND_CHECKS))
def test_each_kind_does_what_it_says(kind):
    docs = make_documents(CORPUS, count=80, seed=11, mode="full")
    seen = 0
    for doc in docs:
        beads = {(b.src, b.tgt): b for b in doc.gold}
        for p in doc.perturbations:
            if p.kind != kind:
                continue
            seen += 1
            orig = [originals(doc)[i] for i in p.src]
            new = [doc.target[j] for j in p.tgt]
            assert KIND_CHECKS[kind](orig, new, beads[(p.src, p.tgt)]), (orig, new)
    assert seen >= 3


def test_far_sentences_come_from_far_away():
    for doc in make_documents(CORPUS, count=40, seed=4):
        for p in doc.perturbations:
            if p.kind in ("insert", "unrelated"):
                line = CORPUS.target.index(doc.target[p.tgt[0]]) + 1
                assert min(abs(line - doc.lines[0]), abs(line - doc.lines[-1])) >= 100


def test_edits_never_touch_neighbours():
    for doc in make_documents(CORPUS, count=60, seed=9):
        touched = [k for k, b in enumerate(doc.gold) if b.status is not OK or len(b.src) != 1 or len(b.tgt) != 1]
        assert all(b - a >= 2 for a, b in zip(touched, touched[1:]))


SPLITS = [
    ("The mayor opened the new library, and the children read books all afternoon.",
     ("The mayor opened the new library.", "The children read books all afternoon.")),
    ("Prices rose sharply last year, but wages stayed flat for most workers.",
     ("Prices rose sharply last year.", "But wages stayed flat for most workers.")),
    ("The storm hit the coast overnight; thousands of homes lost power by morning.",
     ("The storm hit the coast overnight.", "Thousands of homes lost power by morning.")),
    ("He left early, and she stayed.", None),  # halves under four words
    # a character reference left in a corpus line is part of a word, not a clause boundary
    ("The agency warned shoppers not to eat raw jalape&ntilde; os from the three farms named on Monday.", None),
    ("The agency recalled jalape&ntilde; os sold in Texas; three farms stopped shipping them for now.",
     ("The agency recalled jalape&ntilde; os sold in Texas.", "Three farms stopped shipping them for now.")),
    ("Nothing here can be cut into two sentences at all.", None),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", SPLITS)
def test_split_sentence(text, expected):
    assert split_sentence(text, EN) == expected


NUMBERS = [
    ("About 275 people were evacuated in 2008.", "275", "2008"),
    ("The firm hired three engineers in March.", "three", None),
    ("Sales reached 4,500 units on Friday.", "4,500", None),
]


@pytest.mark.parametrize("text,changed,kept", NUMBERS)
@pytest.mark.parametrize("seed", range(5))
def test_change_number_changes_a_number_not_a_year(text, changed, kept, seed):
    new, note = change_number(text, EN, random.Random(seed))
    assert changed not in new.split() and note.startswith(changed)
    if kept:
        assert kept in new


@pytest.mark.parametrize("seed", range(5))
def test_a_half_becomes_a_third_or_a_quarter_not_a_a_third(seed):
    new, note = change_number("Exports fell by a half in a year.", EN, random.Random(seed))
    assert new in ("Exports fell by a third in a year.", "Exports fell by a quarter in a year.")
    assert note.startswith("a half")


DATES = [
    ("The talks ended on Monday.", "Monday"),
    ("The plant opened in 1998 after long delays.", "1998"),
    ("The vote is set for July 4 in the capital.", None),
]


@pytest.mark.parametrize("text,word", DATES)
@pytest.mark.parametrize("seed", range(5))
def test_change_date(text, word, seed):
    new, _ = change_date(text, EN, random.Random(seed))
    assert new != text and len(new.split()) == len(text.split())
    if word:
        assert word not in new


@pytest.mark.parametrize("text", ["The minister spoke.", "No numbers or dates in this sentence."])
def test_number_and_date_edits_need_something_to_change(text):
    assert change_number(text, EN, random.Random(0)) is None
    assert change_date(text, EN, random.Random(0)) is None


PARTIALS = [
    ("The council approved the budget on Tuesday, which will fund two new parks and a swimming pool in the east.",
     "The council approved the budget on Tuesday."),
    ("Police arrested the driver after the crash and charged him with reckless driving, a spokesman said.",
     "Police arrested the driver after the crash."),
    ("A short sentence with no clause boundary at all.", None),
    ("Federal health officials now say raw jalape&ntilde; os grown in one Mexican valley carried the strain.", None),
]  # fmt: skip


@pytest.mark.parametrize("text,expected", PARTIALS)
def test_cut_clause(text, expected):
    result = cut_clause(text, EN)
    assert (result and result[0]) == expected
    if result:
        assert len(result[0]) <= 0.62 * len(text)


NEGATIONS = [
    ("The bridge is safe for heavy trucks.", ("The bridge is not safe", "The bridge is no longer safe")),
    ("The company said it would cut jobs.", ("The company did not say it would cut jobs.",)),
    ("The team can win the title this year.", ("The team cannot win",)),
    ("Voters were angry about the tax.", ("Voters were not angry", "Voters were never angry")),
    ("The plan is not popular.", None),  # already negated
    ("Heavy rain across the region today.", None),  # no verb the rules know
]


@pytest.mark.parametrize("text,starts", NEGATIONS)
@pytest.mark.parametrize("seed", range(3))
def test_negate(text, starts, seed):
    result = negate(text, EN, random.Random(seed))
    if starts is None:
        assert result is None
    else:
        assert result[0].startswith(starts)


# -- scorer ----------------------------------------------------------------------
@dataclass(frozen=True)
class B:
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    status: Status = OK
    either: bool = False


GOLD = [B((0,), (0,)), B((1, 2), (1,)), B((3,), (), DROPPED), B((4,), (2,))]
# Gold links {00, 11, 21, 42}; the prediction misses the merge and drops sentence 2 as well.
PREDICTED = [B((0,), (0,)), B((1,), (1,)), B((2,), (), DROPPED), B((3,), (), DROPPED), B((4,), (2,))]

# (name, gold, predicted, perturbations, expected figures computed by hand)
SCORE_CASES = [
    ("perfect", GOLD, GOLD, [Perturbation("merge", (1, 2), (1,)), Perturbation("drop", (3,), ())],
     {"link": (1.0, 1.0, 1.0), "bead": (1.0, 1.0, 1.0), "dropped": (1.0, 1.0, 1.0), "flags": (1.0, 1.0, 1.0),
      "false_alarms": 0.0, "kinds": {"merge": (1, 1), "drop": (1, 1)}}),
    ("missed merge, extra drop", GOLD, PREDICTED, [Perturbation("merge", (1, 2), (1,)), Perturbation("drop", (3,), ())],
     {"link": (1.0, 0.75, 6 / 7), "bead": (2 / 3, 2 / 3, 2 / 3), "dropped": (0.5, 1.0, 2 / 3),
      "flags": (0.5, 1.0, 2 / 3), "false_alarms": 100 / 8, "kinds": {"merge": (0, 1), "drop": (1, 1)}}),
    ("drift flagged on the wrong bead", [B((0,), (0,), DRIFTED), B((1,), (1,))],
     [B((0,), (0,)), B((1,), (1,), DRIFTED)], [Perturbation("negate", (0,), (0,))],
     {"link": (1.0, 1.0, 1.0), "bead": (1.0, 1.0, 1.0), "dropped": (None, None, None), "flags": (0.0, 0.0, 0.0),
      "false_alarms": 50.0, "kinds": {"negate": (0, 1)}}),
    ("added sentence predicted as a 1-2 bead", [B((0,), (0,)), B((), (1,), ADDED), B((1,), (2,))],
     [B((0,), (0, 1)), B((1,), (2,))], [Perturbation("insert", (), (1,))],
     {"link": (2 / 3, 1.0, 0.8), "bead": (0.5, 0.5, 0.5), "dropped": (None, None, None), "flags": (None, 0.0, 0.0),
      "false_alarms": 0.0, "kinds": {"insert": (0, 1)}}),
]  # fmt: skip


def prf(counts: Counts) -> tuple:
    return counts.precision, counts.recall, counts.f1


@pytest.mark.parametrize("name,gold,predicted,perturbations,expected", SCORE_CASES, ids=[c[0] for c in SCORE_CASES])
def test_scores_by_hand(name, gold, predicted, perturbations, expected):
    scores = score_document(gold, predicted, perturbations)
    assert prf(scores.link) == pytest.approx(expected["link"])
    assert prf(scores.bead) == pytest.approx(expected["bead"])
    assert prf(scores.dropped) == pytest.approx(expected["dropped"])
    assert prf(scores.flags) == pytest.approx(expected["flags"])
    assert scores.false_alarms_per_100 == pytest.approx(expected["false_alarms"])
    assert scores.kinds == expected["kinds"]


EITHER_GOLD = [B((0,), (0,)), B((1,), (1,), DRIFTED, either=True), B((2,), (2,))]
# A sentence pasted in from elsewhere: linking it (drifted) or splitting it into
# dropped + added are both right; leaving it ok is a missed problem.
EITHER_CASES = [
    ("linked, drifted", [B((0,), (0,)), B((1,), (1,), DRIFTED), B((2,), (2,))], 1.0, 1.0, 1),
    ("dropped + added", [B((0,), (0,)), B((1,), (), DROPPED), B((), (1,), ADDED), B((2,), (2,))], 1.0, 1.0, 1),
    ("linked, ok", [B((0,), (0,)), B((1,), (1,)), B((2,), (2,))], 1.0, 0.0, 0),
    ("merged into a neighbour", [B((0,), (0,)), B((1, 2), (1, 2), DRIFTED)], 2 / 3, 1.0, 1),
]


@pytest.mark.parametrize("name,predicted,link_f1,flag_recall,found", EITHER_CASES, ids=[c[0] for c in EITHER_CASES])
def test_pasted_sentence_counts_either_way(name, predicted, link_f1, flag_recall, found):
    scores = score_document(EITHER_GOLD, predicted, [Perturbation("unrelated", (1,), (1,))])
    assert scores.link.f1 == pytest.approx(link_f1)
    assert scores.flags.recall == pytest.approx(flag_recall)
    assert scores.dropped.fp == scores.added.fp == 0
    assert scores.kinds == {"unrelated": (found, 1)}


def test_scores_add_up_over_documents():
    one = score_document(GOLD, GOLD, [Perturbation("merge", (1, 2), (1,))])
    two = score_document(GOLD, PREDICTED, [Perturbation("merge", (1, 2), (1,))])
    both = total([one, two])
    assert both.documents == 2 and both.sentences == 16
    assert both.link == Counts(7, 0, 1)
    assert both.kinds == {"merge": (1, 2)}
    assert both.link.f1 == pytest.approx(14 / 15)


def test_empty_counts_are_undefined_not_zero():
    assert prf(Counts()) == (None, None, None)
    assert Counts(0, 2, 0).f1 == 0.0


# -- Gale–Church -----------------------------------------------------------------
def length_side(lengths: list[int], char: str) -> SideEmbeddings:
    texts = tuple(char * n for n in lengths)
    return SideEmbeddings({1: np.zeros((len(texts), 1), dtype=np.float32)}, texts)


def english_lengths(korean: list[int]) -> list[int]:
    return [round(MEAN_RATIO * n) for n in korean]


GALE_CHURCH_CASES = [
    # (name, Korean lengths, English lengths, gold beads as (src, tgt))
    ("one to one", [20, 45, 12, 80, 33], english_lengths([20, 45, 12, 80, 33]),
     [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,)), ((4,), (4,))]),
    ("a merge", [20, 45, 12, 80, 33], english_lengths([20, 45, 12]) + english_lengths([80 + 33]),
     [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3, 4), (3,))]),
    ("a split", [30, 90, 25, 40], english_lengths([30, 45, 45, 25, 40]),
     [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]),
]  # fmt: skip


@pytest.mark.parametrize("name,ko,en,gold", GALE_CHURCH_CASES, ids=[c[0] for c in GALE_CHURCH_CASES])
def test_gale_church_aligns_length_regular_text(name, ko, en, gold):
    links = align_lengths(length_side(ko, "가"), length_side(en, "a"), Thresholds())
    assert [(link.src, link.tgt) for link in links] == gold
    assert all(0.0 <= link.similarity <= 1.0 for link in links)


@pytest.mark.parametrize("n,m", [(300, 300), (300, 250), (5, 300), (300, 1), (0, 4), (3, 0)])
def test_gale_church_covers_every_sentence_of_large_or_odd_documents(n, m):
    rng = random.Random(n * 1000 + m)
    started = time.perf_counter()
    links = align_lengths(
        length_side([rng.randint(10, 90) for _ in range(n)], "가"),
        length_side([rng.randint(20, 200) for _ in range(m)], "a"),
        Thresholds(),
    )
    assert [i for link in links for i in link.src] == list(range(n))
    assert [j for link in links for j in link.tgt] == list(range(m))
    assert time.perf_counter() - started < 10


FITS = [
    ([("가" * 10, "a" * 20), ("가" * 30, "a" * 60)], 2.0, 0.0),
    ([("가" * 10, "a" * 10), ("가" * 10, "a" * 30)], 2.0, 10.0),  # residuals -10 and +10 over 20 source chars
    ([("가 나 다", "a b c d e f")], 2.0, 0.0),  # whitespace is not counted
]


@pytest.mark.parametrize("pairs,ratio,variance", FITS)
def test_fit_length_model(pairs, ratio, variance):
    assert fit_length_model(pairs) == pytest.approx((ratio, variance))


# -- corpus files and the runner ---------------------------------------------------
def write_corpus(folder: Path, pairs: list[tuple[str, str]], noisy: dict[str, list[int]] | None = None) -> tuple[Path, Path]:
    src, tgt = folder / "c.src", folder / "c.tgt"
    src.write_text("".join(s + "\n" for s, _ in pairs), encoding="utf-8")
    tgt.write_text("".join(t + "\n" for _, t in pairs), encoding="utf-8")
    if noisy is not None:
        (folder / "noise.json").write_text(json.dumps(noisy), encoding="utf-8")
    return src, tgt


def test_load_corpus_leaves_out_noisy_and_blank_pairs(tmp_path):
    pairs = [("하나", "one"), ("둘", "two"), ("", "blank source"), ("넷\u2028넷", "four"), ("다섯", "five")]
    src, tgt = write_corpus(tmp_path, pairs, {"unrelated": [2], "partial": [5], "about": "text"})
    corpus = load_corpus(src, tgt, noise=tmp_path / "noise.json")
    assert corpus.source == ("하나", "넷 넷")  # a line separator inside a line does not split it
    assert corpus.lines == (1, 4)
    assert corpus.dropped == 3


def test_load_corpus_refuses_files_of_different_lengths(tmp_path):
    (tmp_path / "a").write_text("one\ntwo\n", encoding="utf-8")
    (tmp_path / "b").write_text("one\n", encoding="utf-8")
    with pytest.raises(ValueError, match="2 lines"):
        load_corpus(tmp_path / "a", tmp_path / "b")


@pytest.mark.parametrize("codec", ["cp949", "euc-kr", "utf-8-sig", "utf-16"])
def test_load_corpus_reads_korean_in_the_newsroom_encodings(tmp_path, codec):
    pairs = [("서울시는 14일 요금을 동결했다.", "Seoul froze fares on the 14th."), ("둘째 문장이다.", "The second sentence.")]
    (tmp_path / "a.ko").write_bytes("".join(s + "\r\n" for s, _ in pairs).encode(codec))
    (tmp_path / "a.en").write_text("".join(t + "\n" for _, t in pairs), encoding="utf-8")
    corpus = load_corpus(tmp_path / "a.ko", tmp_path / "a.en")
    assert corpus.source == tuple(s for s, _ in pairs)


def test_load_corpus_names_a_file_that_is_not_text(tmp_path):
    from provenance.errors import InputError

    (tmp_path / "a.ko").write_text("하나\n", encoding="utf-8")
    (tmp_path / "a.en").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    with pytest.raises(InputError, match="a.en"):
        load_corpus(tmp_path / "a.ko", tmp_path / "a.en")


def english_corpus(count: int) -> list[tuple[str, str]]:
    """Both sides English, so the model-free hashing encoder can align them."""
    return [(t, t) for _, t in synthetic_pairs(count)]


def test_runner_is_reproducible_and_reports_every_figure(tmp_path, capsys):
    from provenance.evaluate.run import evaluate_corpus

    corpus = from_pairs(english_corpus(300), source_lang="en", target_lang="en")
    first = evaluate_corpus(corpus, docs=8, seed=2, mode="full", encoder="hashing").to_dict()
    again = evaluate_corpus(corpus, docs=8, seed=2, mode="full", encoder="hashing").to_dict()
    for result in (first, again):  # everything but the speed is the same run to run
        result.pop("speed")
        for run in result["aligners"].values():
            run.pop("speed")
    assert first == again
    assert set(first["aligners"]) == {"embedding", "length"}
    embedding = first["aligners"]["embedding"]
    assert first["documents"] == {"perturbed": 6, "unperturbed": 2}
    assert embedding["unperturbed"]["link"]["f1"] > 0.9  # identical sentences are easy to link
    assert set(embedding["targets"]) == {
        "perturbed.link_f1", "unperturbed.link_f1", "perturbed.dropped_added_f1", "unperturbed.false_alarms_per_100",
    }  # fmt: skip
    json.dumps(first)


def test_main_eval_prints_a_table_and_writes_json(tmp_path, capsys):
    src, tgt = write_corpus(tmp_path, english_corpus(250))
    out = tmp_path / "eval.json"
    code = main_eval([str(src), str(tgt)], 4, 1, "structural", "length", str(out), encoder="hashing", source_lang="en")
    assert code == 0
    printed = capsys.readouterr().out
    assert "link F1" in printed and "length" in printed and "sentences per second" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["mode"] == "structural" and set(data["aligners"]) == {"length"}


def test_a_corpus_folder_is_named_by_its_files_and_noise(tmp_path):
    from provenance.evaluate.cli import resolve_corpus

    pairs = [("하나", "one"), ("둘", "two"), ("셋", "three")]
    src, tgt = write_corpus(tmp_path, pairs, {"unrelated": [2]})
    src.rename(tmp_path / "test.ko")
    tgt.rename(tmp_path / "test.en")
    corpus = resolve_corpus([str(tmp_path)])
    assert corpus.source == ("하나", "셋") and corpus.target == ("one", "three")  # noise.json read too
    assert corpus.name == tmp_path.name


def test_two_files_alone_in_their_folder_take_its_noise_json(tmp_path):
    from provenance.evaluate.cli import resolve_corpus

    pairs = [("하나", "one"), ("둘", "two"), ("셋", "three")]
    src, tgt = write_corpus(tmp_path, pairs, {"unrelated": [2]})
    src, tgt = src.rename(tmp_path / "test.ko"), tgt.rename(tmp_path / "test.en")
    assert resolve_corpus([str(src), str(tgt)]).source == ("하나", "셋")
    assert resolve_corpus([str(tmp_path / "test")]).source == ("하나", "셋")  # the file stem too
    (tmp_path / "other.ko").write_text("하나\n둘\n셋\n", encoding="utf-8")  # whose lines would it number?
    assert resolve_corpus([str(src), str(tgt)]).source == ("하나", "둘", "셋")


def test_a_corpus_folder_without_a_translation_is_refused(tmp_path, capsys):
    (tmp_path / "test.ko").write_text("하나\n", encoding="utf-8")
    assert main_eval([str(tmp_path)], 4, 1, "full", "length", None, encoder="hashing") == 2
    assert "no *.en files" in capsys.readouterr().err


def test_main_eval_skips_politely_without_the_data(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(corpus_module, "DATA_DIR", tmp_path / "absent")
    assert main_eval("kpc", 4, 1, "full", "both", None) == 0
    assert "skipped" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args, message",
    [
        ((["only-one-missing-file"], 4, 1, "full", "both"), "only-one-missing-file: no corpus there (kpc, jhe, a folder"),
        ((["a.ko", "a.en", "a.txt"], 4, 1, "full", "both"), "a corpus is kpc, jhe, a folder"),
        ((["missing.ko", "missing.en"], 4, 1, "full", "both"), "missing.ko: no such file or directory"),
        (("kpc", 4, 1, "sideways", "both"), "unknown mode 'sideways'"),
        (("kpc", 0, 1, "full", "both"), "--docs must be at least 1"),
    ],
)
def test_main_eval_reports_bad_options_in_one_line(args, message, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(corpus_module, "DATA_DIR", tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kpc-dev").mkdir()
    for ext, line in (("ko", "가\n"), ("en", "x\n")):
        (tmp_path / "kpc-dev" / f"korean-english-park.dev.{ext}").write_text(line * 20, encoding="utf-8")
    assert main_eval(*args, None) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"provenance: error: {message}") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("files", "langs", "message"),
    [
        ((("c.ko", "one\ntwo\n"), ("c.en", "하나\n둘\n")), {}, "c.ko: looks like en (English) and the translation like ko (Korean)"),
        ((("c.ko", "하나\n둘\n"), ("c.en", "하나\n둘\n")), {}, "c.en: is not in en (English): most of its letters are Hangul"),
        ((("c.ko", "하나\n"), ("c.en", "one\n")), {"source_lang": "kr"}, "source language 'kr': use the two-letter language code 'ko'"),
    ],
)
def test_main_eval_refuses_corpora_in_the_wrong_languages(files, langs, message, tmp_path, capsys):
    for name, text in files:
        (tmp_path / name).write_text(text * 10, encoding="utf-8")
    paths = [str(tmp_path / name) for name, _ in files]
    assert main_eval(paths, 2, 1, "full", "length", None, encoder="hashing", **langs) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_main_eval_says_when_it_cannot_write_the_json(tmp_path, capsys):
    src, tgt = tmp_path / "c.ko", tmp_path / "c.en"
    src.write_text("하나\n둘\n" * 10, encoding="utf-8")
    tgt.write_text("one\ntwo\n" * 10, encoding="utf-8")
    out = tmp_path / "absent" / "figures.json"
    assert main_eval([str(src), str(tgt)], 2, 1, "structural", "length", str(out), encoder="hashing") == 2
    assert f"{out}: cannot write the figures" in capsys.readouterr().err


# -- the development data ----------------------------------------------------------
needs_data = pytest.mark.skipif(not (DATA / "kpc-dev").is_dir(), reason="../shared/data is absent")


@pytest.mark.data
@needs_data
def test_length_model_constants_are_fitted_on_kpc_dev():
    from provenance.evaluate.cli import resolve_corpus

    corpus = resolve_corpus("kpc")
    ratio, variance = fit_length_model(zip(corpus.source, corpus.target))
    assert ratio == pytest.approx(MEAN_RATIO, abs=0.001)
    assert variance == pytest.approx(VARIANCE, abs=0.01)


@pytest.mark.data
@needs_data
@pytest.mark.parametrize("name", ["kpc", "jhe"])
def test_documents_from_the_development_data(name):
    from provenance.evaluate.cli import resolve_corpus

    corpus = resolve_corpus(name)
    docs = make_documents(corpus, count=80, seed=1, mode="full")
    for doc in docs:
        validate_gold(doc)
    kinds = {p.kind for d in docs for p in d.perturbations}
    assert kinds == set(STRUCTURAL + CONTENT)
    if name == "kpc":
        assert corpus.dropped == 39  # the 39 pairs of noise.json


def test_runner_uses_the_settings_it_is_given():
    from provenance.config import Settings
    from provenance.evaluate.run import evaluate_corpus

    corpus = from_pairs(english_corpus(300), source_lang="en", target_lang="en")
    default = evaluate_corpus(corpus, docs=4, seed=2, aligner="embedding", encoder="hashing").runs["embedding"]
    # hardly a pair is similar enough to link at this threshold: most sentences come out one-sided
    strict = Settings(encoder="hashing", calibration="test: few links").with_thresholds(link=0.95)
    result = evaluate_corpus(corpus, docs=4, seed=2, aligner="embedding", encoder="hashing", settings=strict)
    run = result.runs["embedding"]
    assert run.signature["calibration"] == "test: few links"
    assert "link=0.95" in run.signature["thresholds"]
    assert run.perturbed.link.f1 < default.perturbed.link.f1


def test_a_clause_past_the_partial_share_is_cut_only_when_asked():
    rules = rules_for("en")
    text = "The ministry confirmed on Monday the new rules would take effect next month, officials said."
    assert cut_clause(text, rules) is None  # its only boundary keeps more than 60 %
    kept, _ = cut_clause(text, rules, keep=1.0)
    assert kept == "The ministry confirmed on Monday the new rules would take effect next month."
