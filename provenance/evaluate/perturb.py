"""Seeded test documents cut from a parallel corpus, with a perturbed target side.

Consecutive pairs are cut into documents of 12–40 sentences. A perturbed
document gets one to three edits of its translation, each recorded with its
kind, and the gold alignment follows from the edits:

* structural kinds change the alignment: `merge` (gold 2-1), `split` (1-2),
  `drop` (source sentence dropped), `insert` (a far-away sentence added);
* content kinds keep the bead 1-1 but make it a problem (drifted): `number`,
  `date`, `partial` (last clauses cut off), `negate`, `unrelated` (a sentence
  replaced by a far-away one; linking it or splitting it into dropped + added
  are both right, so its gold bead is marked `either`).

Edits never touch a sentence next to another edit, so two edits cannot
combine into something the gold does not describe (a drop beside an insert
looks like a replacement). Same corpus and seed, same documents.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Callable, Iterator

from ..types import Status
from .corpus import Corpus
from .lang import rules_for

STRUCTURAL = ("merge", "split", "drop", "insert")
CONTENT = ("number", "date", "partial", "negate", "unrelated")
MODES: dict[str, tuple[str, ...]] = {"structural": STRUCTURAL, "full": STRUCTURAL + CONTENT}
#: Sentences inserted or pasted in come from at least this many lines away.
FAR = 100


@dataclass(frozen=True, slots=True)
class GoldBead:
    """Gold source ↔ target sentences with the status a perfect checker gives."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    status: Status = Status.OK
    either: bool = False  # a wrong sentence pasted in: linked or dropped + added are both right


@dataclass(frozen=True, slots=True)
class Perturbation:
    kind: str
    src: tuple[int, ...]  # affected sentences, indices in the final document
    tgt: tuple[int, ...]
    note: str = ""


@dataclass(frozen=True)
class TestDocument:
    index: int
    source: tuple[str, ...]
    target: tuple[str, ...]
    gold: tuple[GoldBead, ...]
    perturbations: tuple[Perturbation, ...]
    lines: tuple[int, ...]  # corpus line of each source sentence

    @property
    def perturbed(self) -> bool:
        return bool(self.perturbations)

    @property
    def size(self) -> int:
        return len(self.source) + len(self.target)


def make_documents(
    corpus: Corpus,
    *,
    count: int,
    seed: int,
    mode: str = "full",
    unperturbed_share: float = 0.25,
    sizes: tuple[int, int] = (12, 40),
) -> list[TestDocument]:
    """`count` documents, about `unperturbed_share` of them left as they are."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r} (known: {', '.join(MODES)})")
    if len(corpus) < sizes[0]:
        raise ValueError(f"{corpus.name}: {len(corpus)} sentence pairs, fewer than one document of {sizes[0]}")
    rng = random.Random(seed)
    spans = _spans(len(corpus), count, sizes, rng)
    plain = set(rng.sample(range(count), round(count * unperturbed_share)))
    deck = _Deck(MODES[mode], rng)
    rules = rules_for(corpus.target_lang)
    docs = []
    for index, (start, end) in enumerate(spans):
        units = [_Unit((i,), [corpus.target[start + i]]) for i in range(end - start)]
        if index not in plain:
            context = _Context(rng, rules, _far_picker(corpus, start, end, rng))
            for _ in range(rng.randint(1, 3)):
                deck.draw(lambda kind: PERTURBATIONS[kind](units, context))
        docs.append(_finish(index, corpus, start, end, units))
    return docs


# -- cutting -------------------------------------------------------------------
def _spans(total: int, count: int, sizes: tuple[int, int], rng: random.Random) -> list[tuple[int, int]]:
    """Consecutive runs of 12–40 pairs; further passes over the corpus start at
    another offset, so documents repeat lines but not cuts."""
    passes: list[list[tuple[int, int]]] = []
    while sum(map(len, passes)) < count:
        passes.append(_one_pass(total, sizes, rng))
    needed = count - sum(map(len, passes[:-1]))
    last = sorted(rng.sample(passes[-1], needed))
    return [span for one in passes[:-1] for span in one] + last


def _one_pass(total: int, sizes: tuple[int, int], rng: random.Random) -> list[tuple[int, int]]:
    low, high = sizes
    start = rng.randrange(0, min(high, max(1, total - low + 1)))
    spans = []
    while start + low <= total:
        end = min(total, start + rng.randint(low, high))
        spans.append((start, end))
        start = end
    return spans


# -- editing -------------------------------------------------------------------
@dataclass
class _Unit:
    """A gold bead while the target side is being edited."""

    src: tuple[int, ...]
    texts: list[str]
    status: Status = Status.OK
    kind: str | None = None
    note: str = ""
    either: bool = False


@dataclass
class _Context:
    rng: random.Random
    rules: ModuleType
    far: Callable[[], str | None]


class _Deck:
    """Kinds dealt in shuffled rounds, so every kind is used about equally."""

    def __init__(self, kinds: tuple[str, ...], rng: random.Random) -> None:
        self.kinds = kinds
        self.rng = rng
        self.cards: list[str] = []

    def draw(self, apply: Callable[[str], bool]) -> str | None:
        """Apply the first card that applies to this document; it leaves the deck."""
        if not self.cards:
            self.cards = list(self.kinds)
            self.rng.shuffle(self.cards)
        for i, kind in enumerate(self.cards):
            if apply(kind):
                del self.cards[i]
                return kind
        spare = [k for k in self.kinds if k not in self.cards]
        self.rng.shuffle(spare)
        return next((kind for kind in spare if apply(kind)), None)


def _quiet(units: list[_Unit], k: int) -> bool:
    return not 0 <= k < len(units) or units[k].kind is None


def _fresh(units: list[_Unit], k: int) -> bool:
    return 0 <= k < len(units) and units[k].kind is None and len(units[k].src) == 1 and len(units[k].texts) == 1


def _singles(units: list[_Unit], rng: random.Random) -> Iterator[int]:
    """Untouched 1-1 beads with untouched neighbours, in random order."""
    spots = [k for k in range(len(units)) if _fresh(units, k) and _quiet(units, k - 1) and _quiet(units, k + 1)]
    rng.shuffle(spots)
    return iter(spots)


def _merge(units: list[_Unit], ctx: _Context) -> bool:
    spots = [
        k
        for k in range(len(units) - 1)
        if _fresh(units, k) and _fresh(units, k + 1) and _quiet(units, k - 1) and _quiet(units, k + 2)
    ]
    if not spots:
        return False
    k = ctx.rng.choice(spots)
    first, second = units[k], units[k + 1]
    units[k : k + 2] = [_Unit(first.src + second.src, [f"{first.texts[0]} {second.texts[0]}"], kind="merge")]
    return True


def _split(units: list[_Unit], ctx: _Context) -> bool:
    for k in _singles(units, ctx.rng):
        parts = split_sentence(units[k].texts[0], ctx.rules)
        if parts:
            units[k] = _Unit(units[k].src, list(parts), kind="split")
            return True
    return False


def _drop(units: list[_Unit], ctx: _Context) -> bool:
    for k in _singles(units, ctx.rng):
        units[k] = _Unit(units[k].src, [], Status.DROPPED, kind="drop")
        return True
    return False


def _insert(units: list[_Unit], ctx: _Context) -> bool:
    gaps = [g for g in range(len(units) + 1) if _quiet(units, g - 1) and _quiet(units, g)]
    text = ctx.far()
    if not gaps or text is None:
        return False
    units.insert(ctx.rng.choice(gaps), _Unit((), [text], Status.ADDED, kind="insert"))
    return True


def _unrelated(units: list[_Unit], ctx: _Context) -> bool:
    text = ctx.far()
    for k in _singles(units, ctx.rng):
        if text is None:
            return False
        units[k] = _Unit(units[k].src, [text], Status.DRIFTED, kind="unrelated", either=True)
        return True
    return False


def _content(kind: str, edit: Callable[[str, _Context], tuple[str, str] | None]) -> Callable[[list[_Unit], _Context], bool]:
    """A perturbation that rewrites one sentence in place: gold drifted."""

    def perturb(units: list[_Unit], ctx: _Context) -> bool:
        for k in _singles(units, ctx.rng):
            edited = edit(units[k].texts[0], ctx)
            if edited:
                text, note = edited
                units[k] = _Unit(units[k].src, [text], Status.DRIFTED, kind=kind, note=note)
                return True
        return False

    return perturb


# -- sentence edits (the language's rules are data in `lang/<code>.py`) ---------------
def split_sentence(text: str, rules: ModuleType) -> tuple[str, str] | None:
    """Two sentences from one, cut at the clause boundary nearest the middle."""
    middle = len(text) / 2
    for pattern, lead in (*rules.SPLITS, (rules.COMMA, "")):
        cuts = [
            (abs(m.start() - middle), m)
            for m in pattern.finditer(text)
            if _words(text[: m.start()]) >= rules.MIN_PART_WORDS and _words(text[m.end() :]) >= rules.MIN_PART_WORDS
            and not _closes_reference(text, m.start())
        ]
        if pattern is rules.COMMA:  # a bare comma only near the middle
            cuts = [(d, m) for d, m in cuts if d <= 0.2 * len(text)]
        if cuts:
            m = min(cuts, key=lambda cut: cut[0])[1]
            rest = text[m.end() :]
            second = lead + rest if lead else _capitalise(rest)
            return _end_sentence(text[: m.start()], rules), second
    return None


def change_number(text: str, rules: ModuleType, rng: random.Random) -> tuple[str, str] | None:
    """A number (not a year) altered: a digit changed, times ten, or another number word."""
    spots = [(m, True) for m in rules.NUMBER.finditer(text) if not rules.YEAR.fullmatch(m.group())]
    spots += [(m, False) for m in rules.NUMBER_WORD.finditer(text)]
    if not spots:
        return None
    m, in_digits = rng.choice(spots)
    old = m.group()
    new = _other_number(old, rng) if in_digits else rng.choice(rules.NUMBER_WORDS[old])
    return _replace(text, m.start(), m.end(), new), f"{old} → {new}"


def change_date(text: str, rules: ModuleType, rng: random.Random) -> tuple[str, str] | None:
    """A month, day, weekday or year changed."""
    spots: list[tuple[int, int, str]] = []
    for m in rules.MONTH.finditer(text):
        spots.append((m.start(1), m.end(1), rng.choice([x for x in rules.MONTHS if x != m.group(1)])))
        if m.group(2):
            day = int(m.group(2))
            spots.append((m.start(2), m.end(2), str(rng.choice([d for d in range(1, 29) if d != day]))))
    for m in rules.WEEKDAY.finditer(text):
        spots.append((m.start(), m.end(), rng.choice([x for x in rules.WEEKDAYS if x != m.group()])))
    for m in rules.YEAR.finditer(text):
        spots.append((m.start(), m.end(), str(int(m.group()) + rng.choice((-3, -2, -1, 1, 2, 3)))))
    if not spots:
        return None
    start, end, new = rng.choice(spots)
    return _replace(text, start, end, new), f"{text[start:end]} → {new}"


def cut_clause(text: str, rules: ModuleType, keep: float | None = None) -> tuple[str, str] | None:
    """The sentence cut at its last clause boundary within the first `keep` of it (60% by default)."""
    limit = (rules.PARTIAL_KEEP if keep is None else keep) * len(text)
    ends = [m.start() for m in rules.CLAUSE_END.finditer(text) if m.start() <= limit and not _closes_reference(text, m.start())]
    ends = [e for e in ends if _words(text[:e]) >= rules.MIN_PART_WORDS]
    if not ends:
        return None
    kept = _end_sentence(text[: ends[-1]], rules)
    return kept, f"kept {len(kept) / len(text):.0%}"


def negate(text: str, rules: ModuleType, rng: random.Random) -> tuple[str, str] | None:
    """The leftmost auxiliary or simple past verb negated (is → is not, said → did not say)."""
    if rules.NEGATED.search(text):
        return None
    m = rules.NEGATABLE.search(text)
    if not m:
        return None
    word = m.group(1)
    new = rng.choice(rules.NEGATIONS[word]) if word in rules.NEGATIONS else f"did not {rules.PAST_TO_BASE[word]}"
    return _replace(text, m.start(), m.end(), new), f"{word} → {new}"


def _other_number(old: str, rng: random.Random) -> str:
    if "." not in old and rng.random() < 0.5:
        value = int(old.replace(",", "")) * 10
        return f"{value:,}" if "," in old else str(value)
    positions = [i for i, ch in enumerate(old) if ch.isdigit()]
    i = rng.choice(positions)
    lowest = "1" if i == 0 and len(positions) > 1 else "0"
    choices = [d for d in "0123456789" if d != old[i] and d >= lowest]
    return old[:i] + rng.choice(choices) + old[i + 1 :]


PERTURBATIONS: dict[str, Callable[[list[_Unit], _Context], bool]] = {
    "merge": _merge,
    "split": _split,
    "drop": _drop,
    "insert": _insert,
    "number": _content("number", lambda text, ctx: change_number(text, ctx.rules, ctx.rng)),
    "date": _content("date", lambda text, ctx: change_date(text, ctx.rules, ctx.rng)),
    "partial": _content("partial", lambda text, ctx: cut_clause(text, ctx.rules)),
    "negate": _content("negate", lambda text, ctx: negate(text, ctx.rules, ctx.rng)),
    "unrelated": _unrelated,
}


# -- gold ----------------------------------------------------------------------
def _finish(index: int, corpus: Corpus, start: int, end: int, units: list[_Unit]) -> TestDocument:
    """Number the target sentences and read the gold off the edited beads."""
    target: list[str] = []
    gold: list[GoldBead] = []
    perturbations: list[Perturbation] = []
    for unit in units:
        tgt = tuple(range(len(target), len(target) + len(unit.texts)))
        target.extend(unit.texts)
        gold.append(GoldBead(unit.src, tgt, unit.status, unit.either))
        if unit.kind:
            perturbations.append(Perturbation(unit.kind, unit.src, tgt, unit.note))
    return TestDocument(
        index=index,
        source=corpus.source[start:end],
        target=tuple(target),
        gold=tuple(gold),
        perturbations=tuple(perturbations),
        lines=corpus.lines[start:end],
    )


def _far_picker(corpus: Corpus, start: int, end: int, rng: random.Random) -> Callable[[], str | None]:
    """A target sentence from far outside [start, end), or outside it at all in a small corpus."""

    def pick() -> str | None:
        total = len(corpus)
        for gap in (FAR, 0):
            before, after = max(0, start - gap), max(0, total - (end + gap))
            if before + after:
                r = rng.randrange(before + after)
                return corpus.target[r if r < before else end + gap + (r - before)]
        return None

    return pick


def _end_sentence(text: str, rules: ModuleType) -> str:
    """A cut-off clause made to end like a sentence: no dangling "and," and one full stop."""
    text = rules.DANGLING.sub("", text)
    return text if text.endswith((".", "!", "?")) else text + "."


#: a character reference left in a corpus line ("jalape&ntilde;os"), up to its semicolon
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,30}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6})$")


def _closes_reference(text: str, at: int) -> bool:
    """Whether the ';' at `at` ends a character reference: not a clause boundary, but the
    middle of a word (splitting there gave "…fresh jalape&ntilde." and "Os and …")."""
    return text.startswith(";", at) and _REFERENCE.search(text, max(0, at - 40), at) is not None


def _words(text: str) -> int:
    return len(text.split())


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _replace(text: str, start: int, end: int, new: str) -> str:
    return text[:start] + new + text[end:]
