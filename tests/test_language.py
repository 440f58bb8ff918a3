"""Which script a text is written in: the ground of the swapped- and wrong-language errors."""

from __future__ import annotations

import re

import pytest

from provenance.language import guess_language, script_of, script_profile
from provenance.read import _looks_binary

TEXTS = [
    "북한은 14일 동해상으로 탄도미사일 2발을 발사했다고 합동참모본부가 밝혔다.",
    "North Korea fired two ballistic missiles on Dec. 14, the Joint Chiefs said.",
    "김정은(Kim Jong Un) 위원장은 「조선중앙통신」에 따르면 平壤에서 연설했다.",
    "東京で記者会見が開かれ、カタカナとひらがなも混じる。 Ελληνικά και русский текст.",
    "ㄱㄴㄷ ᄀᄂ 12,345 — … !!",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_profile_counts_every_letter_by_its_script(text):
    """The common scripts are counted by regex runs; the shares must be those of a letter-by-letter count."""
    counts: dict[str, int] = {}
    for char in text:
        script = script_of(char)
        if script:
            counts[script] = counts.get(script, 0) + 1
    total = sum(counts.values()) or 1
    assert script_profile(text) == pytest.approx({script: n / total for script, n in counts.items()})


def test_the_language_is_guessed_from_the_script():
    assert guess_language(TEXTS[0]) == "ko"
    assert guess_language(TEXTS[1]) == "en"


@pytest.mark.parametrize(
    "data, binary",
    [
        (b"plain text\twith tabs\r\nand lines\x0c\x1b[0m" * 50, False),  # tab, CR, LF, form feed, escape
        (b"a" * 95 + b"\x00" * 5, False),  # at the limit: 5% control bytes
        (b"a" * 94 + b"\x01" * 6, True),
        (bytes(range(1, 32)) * 20, True),
    ],
)
def test_a_file_is_binary_by_its_share_of_control_bytes(data, binary):
    assert _looks_binary(data) is binary


@pytest.mark.parametrize(
    "code, message",
    [
        ("kr", "'kr': use the two-letter language code 'ko' (Korean)"),
        ("KOR", "'KOR': use the two-letter language code 'ko' (Korean)"),
        ("english", "'english': use the two-letter language code 'en' (English)"),
        ("jp", "'jp': use the two-letter language code 'ja' (Japanese)"),
        ("k o", "'k o' is not a language code"),
        ("", "'' is not a language code"),
    ],
)
def test_what_is_not_a_language_code_is_refused_with_the_right_one(code, message):
    from provenance.errors import ConfigError
    from provenance.language import check_language_code

    with pytest.raises(ConfigError, match="^" + re.escape(f"source language {message}")):
        check_language_code(code, "source language")


@pytest.mark.parametrize("code", ["ko", "en", "ko-KR", "zh_Hant", "xx", "yue"])
def test_language_tags_pass(code):
    from provenance.language import check_language_code

    check_language_code(code)


def test_settings_with_a_country_code_for_a_language_are_refused():
    from provenance.api import resolve_settings
    from provenance.errors import ConfigError

    with pytest.raises(ConfigError, match="target language 'us': use the two-letter language code 'en'"):
        resolve_settings(target_lang="us")
