"""The credit records one article yields, and the outcome of matching two names."""

from __future__ import annotations

from dataclasses import dataclass

#: Every role a credit can carry, in the order reports list them.
ROLES: tuple[str, ...] = ("reporter", "translator", "writer", "editor", "contributor", "web_editor")


@dataclass(frozen=True)
class Credit:
    """One role and who filled it, as one credit line states it."""

    role: str
    names: tuple[str, ...]
    service: str | None  # "RFA's Korean Service", "RFA 자유아시아방송"; None when not stated
    sentence: int | None  # sentence index in the Document
    line: int | None  # 1-based line in the file
    text: str  # the raw clause the credit was read from

    def to_dict(self) -> dict:
        return {
            "role": self.role,
            "names": list(self.names),
            "service": self.service,
            "sentence": self.sentence,
            "line": self.line,
            "text": self.text,
        }


@dataclass(frozen=True)
class Credits:
    """All credits of one article, and which sentences they were read from."""

    lang: str
    credits: tuple[Credit, ...] = ()
    lines: tuple[int, ...] = ()  # sentences holding credits (or credit-looking text)
    unparsed: tuple[int, ...] = ()  # sentences that look like credits but could not be read
    line_numbers: tuple[int, ...] = ()  # file line of each sentence in `lines`

    def line_of(self, sentence: int) -> int | None:
        """File line of a credit sentence (None if it is not one)."""
        pairs = dict(zip(self.lines, self.line_numbers))
        return pairs.get(sentence)

    def of(self, role: str) -> list[Credit]:
        return [c for c in self.credits if c.role == role]

    def names(self, role: str) -> list[str]:
        """Names credited with `role`, each once, in order of appearance."""
        seen: dict[str, None] = {}
        for credit in self.of(role):
            seen.update(dict.fromkeys(credit.names))
        return list(seen)

    def has(self, role: str) -> bool:
        return any(c.role == role for c in self.credits)

    @property
    def empty(self) -> bool:
        return not self.credits and not self.lines

    def to_dict(self) -> dict:
        roles = {role: self.names(role) for role in ROLES if self.has(role)}
        return {
            "lang": self.lang,
            "roles": roles,
            "credits": [c.to_dict() for c in self.credits],
            "lines": list(self.lines),
            "unparsed": list(self.unparsed),
            "line_numbers": list(self.line_numbers),
        }


@dataclass(frozen=True)
class NameMatch:
    """How well a romanised name and a Hangul name denote the same person."""

    english: str
    korean: str
    confidence: float  # 0..1
    how: str  # "exact", "variant", "fuzzy", "same-script", "unsupported", "none"

    @property
    def matched(self) -> bool:
        from .names import MATCH_THRESHOLD

        return self.confidence >= MATCH_THRESHOLD

    def to_dict(self) -> dict:
        return {
            "english": self.english,
            "korean": self.korean,
            "confidence": round(self.confidence, 3),
            "how": self.how,
            "matched": self.matched,
        }
