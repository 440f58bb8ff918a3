"""Credits and bylines: who reported, translated and wrote a story, on both sides.

    doc = mark_roles(segment(text, "en"))   # credit lines -> Role.CREDIT, site text -> BOILERPLATE
    credits = extract_credits(doc)          # Credits(lang, credits=(Credit(role, names, service, …), …))
    findings = cross_check(ko_credits, en_credits)
    match_name("Jieun Kim", "김지은")        # NameMatch(confidence=0.9, how="variant")

English credit lines are read by a cue grammar (`latin.py`), Korean bylines
by a byline grammar (`hangul.py`); the words of each language are data in
`lang/<code>.py`.
"""

from __future__ import annotations

from .check import cross_check, reporter_matches
from .extract import extract_credits
from .locate import mark_roles
from .model import ROLES, Credit, Credits, NameMatch
from .names import MATCH_THRESHOLD, match_name
from .render import render_text


def credits_for_text(text: str, lang: str, *, path: str = "<string>") -> Credits:
    """Segment `text` and read its credits: what `provenance credits FILE` prints."""
    from ..segment import segment

    return extract_credits(mark_roles(segment(text, lang, path=path)))


__all__ = [
    "ROLES",
    "MATCH_THRESHOLD",
    "Credit",
    "Credits",
    "NameMatch",
    "credits_for_text",
    "cross_check",
    "extract_credits",
    "mark_roles",
    "match_name",
    "render_text",
    "reporter_matches",
]
