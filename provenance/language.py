"""Which language a text is in, by script: enough to catch swapped or wrong files.

The check is deliberately coarse (letters per script), so it is instant and
never wrong about Korean against English; for languages written in the same
script as each other it says nothing rather than guess.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import ConfigError, InputError
from .types import Document

#: language code -> the script most of its letters are written in
SCRIPTS: dict[str, str] = {
    "ko": "hangul", "ja": "kana", "zh": "han", "en": "latin", "fr": "latin", "de": "latin",
    "es": "latin", "pt": "latin", "it": "latin", "nl": "latin", "pl": "latin", "tr": "latin",
    "vi": "latin", "id": "latin", "ru": "cyrillic", "uk": "cyrillic", "ar": "arabic",
    "ug": "arabic", "fa": "arabic", "th": "thai", "my": "myanmar", "km": "khmer", "lo": "lao",
    "bo": "tibetan",
}

#: language code -> its name, for messages ("ko (Korean)")
NAMES: dict[str, str] = {
    "ko": "Korean", "ja": "Japanese", "zh": "Chinese", "en": "English", "fr": "French", "de": "German",
    "es": "Spanish", "pt": "Portuguese", "it": "Italian", "nl": "Dutch", "pl": "Polish", "tr": "Turkish",
    "vi": "Vietnamese", "id": "Indonesian", "ru": "Russian", "uk": "Ukrainian", "ar": "Arabic",
    "ug": "Uyghur", "fa": "Persian", "th": "Thai", "my": "Burmese", "km": "Khmer", "lo": "Lao",
    "bo": "Tibetan",
}

#: script -> its name, for messages
SCRIPT_NAMES: dict[str, str] = {"hangul": "Hangul", "kana": "Japanese kana", "han": "Chinese characters"}

#: language code -> legacy (pre-Unicode) encodings its files still come in, most likely first
LEGACY_ENCODINGS: dict[str, tuple[str, ...]] = {
    "ko": ("cp949",), "ja": ("shift_jis", "euc_jp"), "zh": ("gb18030", "big5"), "ru": ("cp1251",),
    "uk": ("cp1251",), "vi": ("cp1258",), "th": ("cp874",), "ar": ("cp1256",), "fa": ("cp1256",),
    "ug": ("cp1256",), "pl": ("cp1250",), "tr": ("cp1254",),
}
#: Tried for every file: Korean and English newsrooms' own, then the big CJK ones
#: (measured on kpc-dev: 1,601 of 1,602 CP949/EUC-KR/Windows-1252 windows decoded exactly).
DEFAULT_ENCODINGS: tuple[str, ...] = ("cp949", "cp1252", "gb18030", "big5", "shift_jis")


#: codes people give for a language that are not its language code: a country's, or ISO 639-2's
MISTAKEN_CODES: dict[str, str] = {
    "kr": "ko", "kor": "ko", "jp": "ja", "jpn": "ja", "cn": "zh", "chi": "zh", "zho": "zh", "eng": "en",
    "us": "en", "gb": "en",
    "vn": "vi", "vie": "vi", "rus": "ru", "ua": "uk", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de",
    "spa": "es", "ara": "ar", "per": "fa", "fas": "fa", "tha": "th", "bur": "my", "mya": "my", "khm": "km",
}
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


def check_language_code(lang: str, what: str = "language") -> None:
    """ConfigError for what is plainly not a two-letter language code ("kr" is Korea's country
    code, "korean" a name, "kor" ISO 639-2's): such a code would silently turn the drift checks
    off, as for a language without rules of its own."""
    suggestion = MISTAKEN_CODES.get(lang.lower()) or next(
        (code for code, name in NAMES.items() if name.lower() == lang.lower()), None
    )
    if suggestion:
        raise ConfigError(f"{what} {lang!r}: use the two-letter language code {suggestion!r} ({NAMES[suggestion]})")
    if not _LANGUAGE_TAG.fullmatch(lang):
        raise ConfigError(f"{what} {lang!r} is not a language code (two letters, as ko or en)")


def legacy_encodings(lang: str | None = None) -> tuple[str, ...]:
    """Encodings to choose from for a file that is not UTF-8: `lang`'s own first."""
    own = LEGACY_ENCODINGS.get(_code(lang), ()) if lang else ()
    return tuple(dict.fromkeys((*own, *DEFAULT_ENCODINGS)))


def describe(lang: str) -> str:
    """"ko (Korean)", or the bare code for a language without a name here."""
    name = NAMES.get(_code(lang))
    return f"{lang} ({name})" if name else lang


def script_name(script: str) -> str:
    return SCRIPT_NAMES.get(script, script.capitalize())


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


#: the common scripts counted by one regex each (as runs: a match per letter was 2-4x
#: slower); other letters go through `script_of`
_COUNTED = {
    "hangul": re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+"),
    "latin": re.compile("[A-Za-z]+"),
    "kana": re.compile("[\u3040-\u30ff]+"),
    "han": re.compile("[\u4e00-\u9fff]+"),
}
_OTHER = re.compile("[^\\sA-Za-z0-9\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\u3040-\u30ff\u4e00-\u9fff]")


def script_profile(text: str, sample: int = 4000) -> dict[str, float]:
    """Share of letters per script, over the first `sample` characters (enough to tell scripts apart)."""
    head = text[:sample]
    counts = {script: n for script, pattern in _COUNTED.items() if (n := len(head) - len(pattern.sub("", head)))}
    for char in _OTHER.findall(head):
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
    src_script, tgt_script = SCRIPTS.get(_code(source.lang)), SCRIPTS.get(_code(target.lang))
    found_src, found_tgt = dominant_script(source.text), dominant_script(target.text)
    if src_script and tgt_script and src_script != tgt_script:
        if found_src == tgt_script and found_tgt == src_script:
            raise InputError(
                source.path,
                f"looks like {describe(target.lang)} and the translation like {describe(source.lang)}: "
                "are the original and the translation swapped?",
            )
    for doc, expected, found in ((source, src_script, found_src), (target, tgt_script, found_tgt)):
        if expected and found and found != expected and _share(doc.text, expected) < 0.2:
            other = target if doc is source else source
            raise InputError(doc.path, _not_in(doc, found, other))


def _not_in(doc: Document, found: str, other: Document) -> str:
    """'is not in en (English): most of its letters are Hangul, as in ko (Korean) …'."""
    message = f"is not in {describe(doc.lang)}: most of its letters are {script_name(found)}"
    if SCRIPTS.get(_code(other.lang)) == found:
        return f"{message}, like the other file: are both files in {describe(other.lang)}?"
    guessed = guess_language(doc.text, default="")
    return f"{message}, as in {describe(guessed)}" if guessed else message


def _share(text: str, script: str) -> float:
    return script_profile(text).get(script, 0.0)


def _code(lang: str) -> str:
    return lang.replace("_", "-").split("-", 1)[0].strip().lower()
