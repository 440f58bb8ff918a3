"""The reader: every encoding newsrooms use comes out as the same text."""

from __future__ import annotations

import pytest

from provenance.errors import InputError
from provenance.read import read_text

KOREAN = "북한이 노동자 3천 명을 러시아에 다시 보낼 준비를 하고 있습니다.\n\n소식통은 말했다."
ENGLISH = "North Korea is preparing to send 3,000 workers back to Russia.\r\nThe source said — “soon”."

ENCODED = [
    ("utf-8", KOREAN, KOREAN.encode("utf-8")),
    ("utf-8-bom", KOREAN, b"\xef\xbb\xbf" + KOREAN.encode("utf-8")),
    ("utf-16-le-bom", KOREAN, KOREAN.encode("utf-16")),
    ("utf-16-be-bom", KOREAN, b"\xfe\xff" + KOREAN.encode("utf-16-be")),
    ("cp949", KOREAN, KOREAN.encode("cp949")),
    ("euc-kr", KOREAN, KOREAN.encode("euc-kr")),
    ("cp1252", ENGLISH.replace("\r\n", "\n"), ENGLISH.encode("cp1252")),
]


@pytest.mark.parametrize("name,expected,data", ENCODED, ids=[e[0] for e in ENCODED])
def test_decodes(tmp_path, name, expected, data):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    assert read_text(path) == expected


def test_line_endings_and_nfd_hangul_are_normalised(tmp_path):
    import unicodedata

    path = tmp_path / "nfd.txt"
    path.write_bytes(unicodedata.normalize("NFD", "평양\r\n신의주\r단둥").encode("utf-8"))
    assert read_text(path) == "평양\n신의주\n단둥"


BAD = [
    ("empty", b"", "empty"),
    ("blank", b"  \n\t\n ", "whitespace"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
]


@pytest.mark.parametrize("name,data,words", BAD, ids=[b[0] for b in BAD])
def test_bad_files_name_the_file_and_the_problem(tmp_path, name, data, words):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_text(path)
    assert str(path) in str(caught.value) and words in str(caught.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_explicit_encoding_that_does_not_fit(tmp_path):
    path = tmp_path / "k.txt"
    path.write_bytes(KOREAN.encode("cp949"))
    with pytest.raises(InputError, match="not valid utf-8"):
        read_text(path, encoding="utf-8")
    assert read_text(path, encoding="euc-kr") == KOREAN
