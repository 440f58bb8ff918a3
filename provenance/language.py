"""Which language a text is in, by script: enough to catch swapped or wrong files.

The check is deliberately coarse (letters per script), so it is instant and
never wrong about Korean against English; for languages written in the same
script as each other it says nothing rather than guess.
"""

from __future__ import annotations

import unicodedata

from .errors import InputError
from .types import Document

#: language code -> the script most of its letters are written in
SCRIPTS: dict[str, str] = {
    "ko": "hangul", "ja": "kana", "zh": "han", "en": "latin", "fr": "latin", "de": "latin",
    "es": "latin", "pt": "latin", "it": "latin", "nl": "latin", "pl": "latin", "tr": "latin",
    "vi": "latin", "id": "latin", "ru": "cyrillic", "uk": "cyrillic", "ar": "arabic",
    "ug": "arabic", "fa": "arabic", "th": "thai", "my": "myanmar", "km": "khmer", "lo": "lao",
    "bo": "tibetan",
}


def script_of(char: str) -> str | None:
    if not char.isalpha():
        return None
    code = ord(char)
    if 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F:
        return "hangul"
    if 0x3040 <= code <= 0x30FF:
        return "kana"
    if 0x4E00 <= code <= 0x9FFF:
        return "han"
    name = unicodedata.name(char, "")
    return name.split(" ")[0].lower() if name else None


def script_profile(text: str, sample: int = 20000) -> dict[str, float]:
    """Share of letters per script, over the first `sample` characters."""
    counts: dict[str, int] = {}
    for char in text[:sample]:
        script = script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values()) or 1
    return {script: n / total for script, n in counts.items()}


def dominant_script(text: str) -> str | None:
    profile = script_profile(text)
    return max(profile, key=profile.get) if profile else None


def guess_language(text: str, default: str = "en") -> str:
    """A language code from the script: only where the script names one language."""
    script = dominant_script(text)
    candidates = [lang for lang, s in SCRIPTS.items() if s == script]
    return candidates[0] if len(candidates) == 1 else default


def check_languages(source: Document, target: Document) -> None:
    """InputError when a file is plainly not in the language it should be."""
    src_script, tgt_script = SCRIPTS.get(source.lang), SCRIPTS.get(target.lang)
    found_src, found_tgt = dominant_script(source.text), dominant_script(target.text)
    if src_script and tgt_script and src_script != tgt_script:
        if found_src == tgt_script and found_tgt == src_script:
            raise InputError(
                source.path,
                f"looks like {target.lang} and the translation like {source.lang}: "
                "are the original and the translation swapped?",
            )
    for doc, expected, found in ((source, src_script, found_src), (target, tgt_script, found_tgt)):
        if expected and found and found != expected and _share(doc.text, expected) < 0.2:
            raise InputError(doc.path, f"is not in {doc.lang} (most letters are {found} script)")


def _share(text: str, script: str) -> float:
    return script_profile(text).get(script, 0.0)
