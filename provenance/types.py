"""Plain data passed between the pipeline stages.

read → segment → embed → align → assess → credits → report. Each stage takes
and returns these frozen dataclasses, so every stage can be called and tested
on its own, and a report can be serialised without knowing who built it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Sequence


class Role(str, Enum):
    """What a line of an article is, as far as comparison is concerned."""

    CONTENT = "content"  # headline, body, caption, quote: compared
    CREDIT = "credit"  # "Reported by …", "김지은 기자": parsed, not compared
    BOILERPLATE = "boilerplate"  # comment-form notices, share links: ignored
    BLANK = "blank"  # an empty line of presegmented input: keeps its number, never compared


class Status(str, Enum):
    """Outcome of one bead of the alignment."""

    OK = "ok"
    DRIFTED = "drifted"  # aligned, but the meaning differs
    DROPPED = "dropped"  # original sentence with no translation
    ADDED = "added"  # translation sentence with no source
    EXCLUDED = "excluded"  # credit line, boilerplate or blank line: not compared

    @property
    def is_problem(self) -> bool:
        return self in (Status.DRIFTED, Status.DROPPED, Status.ADDED)


class Severity(str, Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one side, located in its source file."""

    index: int  # 0-based position among all sentences of the document
    text: str
    lang: str
    passage: int  # 0-based passage (paragraph) index
    start: int  # character span in the document text, end exclusive
    end: int
    line: int  # 1-based line of `start`
    role: Role = Role.CONTENT


@dataclass(frozen=True, slots=True)
class Passage:
    index: int
    start: int
    end: int
    line: int
    sentences: tuple[int, ...]  # indices into Document.sentences

    @property
    def size(self) -> int:
        return len(self.sentences)


@dataclass(frozen=True, slots=True)
class Document:
    """A segmented article: its text, passages and sentences."""

    path: str  # as the user named it; "<string>" for text passed from Python
    lang: str
    text: str
    passages: tuple[Passage, ...]
    sentences: tuple[Sentence, ...]

    def content(self) -> list[Sentence]:
        return [s for s in self.sentences if s.role is Role.CONTENT]

    def joined(self, indices: Sequence[int]) -> tuple[str, dict[int, int]]:
        """The sentences at `indices` joined by a space (as the checks read a bead), and
        where each starts in that text."""
        starts, offset = {}, 0
        for i in indices:
            starts[i] = offset
            offset += len(self.sentences[i].text) + 1
        return " ".join(self.sentences[i].text for i in indices), starts

    def evidence(self, side: str, indices: Sequence[int], start: int, end: int, text: str | None = None) -> "Evidence":
        """Evidence for [start, end) of the sentences at `indices` as `joined` joins them, in
        the sentence where it starts (cut at that sentence's end); `text` names it, else the
        sentence's own characters do."""
        offset = 0
        for i in indices:
            sentence = self.sentences[i].text
            if start < offset + len(sentence) or i == indices[-1]:
                local = max(0, start - offset)
                stop = min(len(sentence), end - offset)
                return Evidence(side, i, local, stop, sentence[local:stop] if text is None else text)
            offset += len(sentence) + 1
        raise ValueError("no sentences to locate evidence in")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a finding shows in one sentence: a character span within it."""

    side: str  # "src" or "tgt"
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Reason:
    """Why a bead is not ok: a stable code, a sentence for people, evidence."""

    code: str
    message: str
    severity: Severity
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Bead:
    """src sentences ↔ tgt sentences (either side may be empty)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float  # similarity of the two sides, 0..1; 0 for one-sided beads
    status: Status = Status.OK
    reasons: tuple[Reason, ...] = ()

    @property
    def severity(self) -> Severity | None:
        if not self.reasons:
            return None
        return max((r.severity for r in self.reasons), key=lambda s: s.rank)


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem rolled up for people: a bead, or a whole passage."""

    code: str
    severity: Severity
    message: str
    src: tuple[int, ...]  # sentence indices in the original
    tgt: tuple[int, ...]  # sentence indices in the translation
    src_line: int | None
    tgt_line: int | None
    passage_src: int | None = None  # set when a whole passage is concerned
    passage_tgt: int | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Everything `compare` found, ready for any renderer."""

    source: Document
    target: Document
    alignment: tuple[Bead, ...]
    findings: tuple[Finding, ...]
    signature: dict[str, str]
    credits: dict = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    # content-sentence similarity matrix (numpy, float32) for the HTML heat map;
    # None for very long articles, where it would cost more memory than it shows
    similarity: Any = field(default=None, repr=False, compare=False)

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Status}
        for bead in self.alignment:
            out[bead.status.value] += 1
        return out

    def worst(self) -> Severity | None:
        severities = [f.severity for f in self.findings]
        return max(severities, key=lambda s: s.rank) if severities else None
