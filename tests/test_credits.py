"""Credits and bylines: finding them, reading them, matching names, cross-checking."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from provenance.credits import (
    MATCH_THRESHOLD,
    Credit,
    Credits,
    cross_check,
    extract_credits,
    mark_roles,
    match_name,
    render_text,
)
from provenance.types import Document, Passage, Role, Sentence, Severity

HERE = Path(__file__).resolve().parent
CASES = tomllib.loads((HERE / "data" / "credits" / "cases.toml").read_text(encoding="utf-8"))["case"]
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FIXTURES = HERE.parent / "fixtures"

BODY = {
    "en": "North Korea has reopened a border crossing with China for the first time in three years, "
    "a source said.\n\n“Trucks started moving again on Monday,” the source told RFA.\n\n",
    "ko": "북한이 3년 만에 중국과의 국경 통로를 다시 열었다고 소식통이 전했습니다.\n\n"
    "이 소식통은 “월요일부터 화물차가 다시 오가기 시작했다”고 말했습니다.\n\n",
}


def segmented(text: str, lang: str) -> Document:
    from provenance.segment import segment

    return segment(text, lang, path="<test>")


def document(passages: list[list[str]], lang: str = "en") -> Document:
    """A Document with exactly these passages and sentences (no segmenter involved)."""
    sentences, parts, offset, line = [], [], 0, 1
    for p_index, passage in enumerate(passages):
        first = len(sentences)
        for text in passage:
            sentences.append(Sentence(len(sentences), text, lang, p_index, offset, offset + len(text), line))
            offset += len(text) + 1
        parts.append(Passage(p_index, sentences[first].start, offset - 1, line, tuple(range(first, len(sentences)))))
        line += 2
        offset += 1
    text = "\n\n".join(" ".join(p) for p in passages)
    return Document("<test>", lang, text, tuple(parts), tuple(sentences))


def role_names(doc: Document) -> list[str]:
    return [s.role.value for s in doc.sentences]


def normal(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").replace("\u00a0", " ").split()).casefold()


# --------------------------------------------------------------- case table


def test_case_table_has_the_promised_size():
    langs = [c["lang"] for c in CASES]
    assert langs.count("en") >= 40 and langs.count("ko") >= 15
    assert len({c["id"] for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_every_role_name_and_service_is_extracted(case):
    doc = mark_roles(segmented(BODY[case["lang"]] + case["text"], case["lang"]))
    credits = extract_credits(doc)
    want = {(c["role"], normal(n)) for c in case["credits"] for n in c["names"]}
    got = {(c.role, normal(n)) for c in credits.credits for n in c.names}
    assert got == want
    for expected in case["credits"]:
        if expected.get("service"):
            services = {normal(c.service) for c in credits.of(expected["role"])}
            assert normal(expected["service"]) in services
    assert credits.unparsed == ()
    # the body before the credits is never taken for a credit
    assert all(s.role is Role.CONTENT for s in doc.sentences[:2])


# --------------------------------------------------------------- mark_roles

ROLE_CASES = [
    (
        "credit line then comment form",
        "en",
        [
            ["The talks ended without agreement."],
            ["Reported by Minji Choi for RFA's Korean Service.", "Translated by Daniel Park."],
            ["Add your comment using the form below in plain text.", "Comments will not appear in real time."],
        ],
        ["content", "credit", "credit", "boilerplate", "boilerplate"],
    ),
    (
        "body sentence starting 'Reported by' with more body after it",
        "en",
        [
            ["Reported by Minji Choi for RFA's Korean Service."],
            ["Officials declined to comment on the report."],
        ],
        ["content", "content"],
    ),
    (
        "'reported by' inside the last body sentence",
        "en",
        [["Officials met on Monday."], ["The launch was first reported by Yonhap on Tuesday."]],
        ["content", "content"],
    ),
    (
        "last sentence starts 'Reported by' but is prose",
        "en",
        [["Officials met on Monday."], ["Reported by state media on Monday, the launch was the third this month."]],
        ["content", "content"],
    ),
    (
        "credits inside the last paragraph",
        "en",
        [["Officials met on Monday."], ["RFA could not reach the ministry.", "Reported by Minji Choi.", "Edited by Nina Cole."]],
        ["content", "content", "credit", "credit"],
    ),
    (
        "credit line split after a middle initial",
        "en",
        [["Officials met on Monday."], ["Translated by Leah S.", "Kwon.", "Written in English by Mark Ellis."]],
        ["content", "credit", "credit", "credit"],
    ),
    (
        "copyright and share links after the credits",
        "en",
        [
            ["Officials met on Monday."],
            ["Reported by Minji Choi for RFA Korean."],
            ["Copyright © 1998-2024, RFA."],
            ["Share | Print | Email"],
        ],
        ["content", "credit", "boilerplate", "boilerplate"],
    ),
    (
        "an unknown widget after a credit paragraph",
        "en",
        [["Officials met on Monday."], ["Reported by Minji Choi for RFA Korean."], ["Latest Stories"]],
        ["content", "credit", "content"],
    ),
    (
        "a byline standing alone at the top",
        "en",
        [["Border Reopens"], ["By Minji Choi for RFA Korean"], ["Officials met on Monday."]],
        ["content", "credit", "content"],
    ),
    (
        "a last sentence starting 'By' is prose",
        "en",
        [["Officials met on Monday."], ["By Friday, most of the workers had gone home."]],
        ["content", "content"],
    ),
    (
        "Korean sign-off and byline at the end",
        "ko",
        [
            ["당국은 답변하지 않았습니다."],
            ["RFA 자유아시아방송 김하늘입니다."],
            ["기자 김하늘, 에디터 박준서, 웹팀 이소라"],
            ["저작권자 © 자유아시아방송 무단 전재 및 재배포 금지"],
            ["이 기사를 공유합니다"],
        ],
        ["content", "credit", "credit", "boilerplate", "boilerplate"],
    ),
    (
        "Korean sign-off inside the last paragraph",
        "ko",
        [["소식통이 전했습니다."], ["당국은 답변하지 않았습니다.", "RFA 자유아시아방송 김하늘입니다."]],
        ["content", "content", "credit"],
    ),
    (
        "Korean body sentence ending in 입니다 is not a sign-off",
        "ko",
        [["소식통이 전했습니다."], ["이번 조치는 3년 만에 처음입니다."]],
        ["content", "content"],
    ),
    (
        "a stray period after the last sentence does not make it boilerplate",
        "ko",
        [["소식통이 전했습니다."], ["그는 강하게 부인했다.", "."]],
        ["content", "content", "boilerplate"],
    ),
    (
        "a body sentence about copyright is not boilerplate",
        "en",
        [["Officials met on Monday."], ["Studios are worried about copyright violations in fan videos."]],
        ["content", "content"],
    ),
    (
        "Korean end mark after the byline",
        "ko",
        [["소식통이 전했습니다."], ["김하늘 기자"], ["(끝)"]],
        ["content", "credit", "boilerplate"],
    ),
]


@pytest.mark.parametrize("name, lang, passages, expected", ROLE_CASES, ids=[c[0] for c in ROLE_CASES])
def test_mark_roles(name, lang, passages, expected):
    doc = document(passages, lang)
    marked = mark_roles(doc)
    assert role_names(marked) == expected
    assert [s.text for s in marked.sentences] == [s.text for s in doc.sentences]
    assert all(s.role is Role.CONTENT for s in doc.sentences)  # the input is left alone


def test_mark_roles_works_on_the_real_article_shape():
    seed = Path(__file__).resolve().parents[2] / "shared" / "seed" / "rfa-north-korean-workers.en.txt"
    if not seed.exists():
        pytest.skip("shared/seed not present")
    doc = mark_roles(segmented(seed.read_text(encoding="utf-8"), "en"))
    tail = [s.role for s in doc.sentences[-8:]]
    assert tail == [Role.CREDIT] * 3 + [Role.BOILERPLATE] * 5
    assert all(s.role is Role.CONTENT for s in doc.sentences[:-8])


# --------------------------------------------------------------- extract_credits


def test_credit_fields_point_at_the_sentence_and_line():
    doc = document([["Officials met on Monday."], ["Reported by Minji Choi for RFA Korean.", "Translated by Daniel Park."]])
    credits = extract_credits(doc)
    translator = credits.of("translator")[0]
    assert translator == Credit("translator", ("Daniel Park",), None, 2, 3, "Translated by Daniel Park.")
    assert credits.lines == (1, 2) and credits.line_numbers == (3, 3)
    assert credits.names("reporter") == ["Minji Choi"]


UNPARSED_CASES = [
    ("en", "Reported by Minji Choi and others for RFA."),
    ("en", "Reported by Minji Choi for RFA's Korean Service. Translated by D. Park, J. Lee et al."),
    ("ko", "기자 Minji Choi"),
]


@pytest.mark.parametrize("lang, line", UNPARSED_CASES)
def test_credit_looking_lines_that_cannot_be_read_are_reported(lang, line):
    doc = mark_roles(segmented(BODY[lang] + line, lang))
    credits = extract_credits(doc)
    assert credits.unparsed
    assert all(doc.sentences[i].role is Role.CREDIT for i in credits.unparsed)


def test_sentences_marked_credit_by_someone_else_are_read():
    doc = document([["Reported by Minji Choi."], ["Officials met on Monday."]])
    first = doc.sentences[0]
    from dataclasses import replace

    doc = replace(doc, sentences=(replace(first, role=Role.CREDIT), doc.sentences[1]))
    assert extract_credits(doc).names("reporter") == ["Minji Choi"]


def test_credits_to_dict_is_json():
    doc = mark_roles(segmented(BODY["ko"] + "기자 김하늘, 에디터 박준서", "ko"))
    data = json.loads(json.dumps(extract_credits(doc).to_dict(), ensure_ascii=False))
    assert data["lang"] == "ko"
    assert data["roles"] == {"reporter": ["김하늘"], "editor": ["박준서"]}
    assert data["credits"][0]["text"] == "기자 김하늘"


# --------------------------------------------------------------- match_name

SAME_PERSON = [
    ("Gim Ji-eun", "김지은", "exact"),
    ("Jieun Kim", "김지은", "variant"),
    ("Kim Jieun", "김지은", "variant"),
    ("Ji-eun Kim", "김지은", "variant"),
    ("Kim Ji Eun", "김지은", "variant"),
    ("Sujin Lee", "이수진", "variant"),
    ("Yi Su-jin", "이수진", "variant"),
    ("Rhee Soo-jin", "이수진", "variant"),
    ("Pak So-yon", "박서연", "variant"),
    ("Choe Dong-hun", "최동훈", "exact"),
    ("Donghoon Choi", "최동훈", "variant"),
    ("Chung Ha-neul", "정하늘", "variant"),
    ("Jong Ha Nul", "정하늘", "variant"),
    ("Sohn Hye-min", "손혜민", "variant"),
    ("Kim Chŏng-ŭn", "김정은", "variant"),
    ("Minsu Namkoong", "남궁민수", "variant"),
    ("Sunwoo Jin", "선우진", "variant"),
    ("Kang Hyun Woo", "강현우", "variant"),
    ("O Se-hun", "오세훈", "exact"),
    ("Ryu Seung-min", "류승민", "exact"),
    ("Jieun Kimm", "김지은", "fuzzy"),
]

DIFFERENT_PEOPLE = [
    ("Jiwon Kim", "김지은"),
    ("Jiyeon Kim", "김지은"),
    ("Kim Jihoon", "김지은"),
    ("Park Jihoon", "박지은"),
    ("Jieun Kim", "박지은"),
    ("Lee Ji-eun", "김지은"),
    ("Sujin Lee", "이수정"),
    ("Seoyeon Park", "박서윤"),
    ("Donghoon Choi", "최동현"),
    ("Eugene Whong", "김지은"),
]


@pytest.mark.parametrize("english, korean, how", SAME_PERSON)
def test_same_person_matches(english, korean, how):
    match = match_name(english, korean)
    assert match.matched and match.how == how
    assert match.confidence == pytest.approx({"exact": 1.0, "variant": 0.9}.get(how, match.confidence), abs=0.051)


@pytest.mark.parametrize("english, korean", DIFFERENT_PEOPLE)
def test_different_people_do_not_match(english, korean):
    match = match_name(english, korean)
    assert not match.matched and match.confidence < MATCH_THRESHOLD - 0.05


def test_confidence_orders_exact_variant_fuzzy():
    exact, variant, fuzzy = (match_name(e, "김지은").confidence for e in ("Gim Jieun", "Kim Jieun", "Kim Jieunn"))
    assert exact > variant > fuzzy


def test_names_in_other_scripts_are_not_guessed():
    assert match_name("Liu Wenjie", "刘文杰").how == "unsupported"
    assert match_name("김지은", "김지은").confidence == 1.0
    assert match_name("Minji Choi", "Choi Minji").matched


# --------------------------------------------------------------- cross_check


def credits_of(text: str, lang: str) -> Credits:
    return extract_credits(mark_roles(segmented(BODY[lang] + text, lang)))


KO = "RFA 자유아시아방송 김지은입니다.\n\n기자 김지은, 에디터 양성원, 웹팀 이경하"
EN_OK = "Reported by Jieun Kim for RFA's Korean Service. Translated by Leejin Jun. Written in English by Eugene Whong."

CHECK_CASES = [
    ("consistent", KO, EN_OK, []),
    ("service-only reporter", KO, "Reported by RFA's Korean Service. Translated by Leejin Jun.", []),
    ("no translator", KO, "Reported by Jieun Kim for RFA's Korean Service. Written in English by Eugene Whong.",
     ["credit.translator-missing"]),
    ("no credits", KO, "RFA asked the ministry for comment.", ["credit.missing"]),
    ("other reporter", KO, "Reported by Jiwon Kim for RFA's Korean Service. Translated by Leejin Jun.",
     ["credit.reporter-mismatch", "credit.reporter-mismatch"]),
    ("extra reporter in translation", KO,
     "Reported by Jieun Kim and Hanna Yoon for RFA's Korean Service. Translated by Leejin Jun.",
     ["credit.reporter-mismatch"]),
    ("original reporter credited as contributor", "기자 김지은, 박성우",
     "Reported by Jieun Kim for RFA's Korean Service, with additional reporting by Sungwoo Park. Translated by Leejin Jun.",
     []),
    ("unreadable credit line", KO, "Reported by Jieun Kim and others for RFA. Translated by Leejin Jun.",
     ["credit.unparsed"]),
]


@pytest.mark.parametrize("name, ko, en, codes", CHECK_CASES, ids=[c[0] for c in CHECK_CASES])
def test_cross_check_findings(name, ko, en, codes):
    findings = cross_check(credits_of(ko, "ko"), credits_of(en, "en"))
    assert sorted(f.code for f in findings) == sorted(codes)


def test_findings_locate_both_sides():
    source, target = credits_of(KO, "ko"), credits_of("Reported by Jiwon Kim for RFA Korean. Translated by Leejin Jun.", "en")
    forward, reverse = cross_check(source, target)
    assert forward.tgt == (target.of("reporter")[0].sentence,)
    assert forward.src and forward.tgt_line == target.of("reporter")[0].line
    assert "Jiwon Kim" in forward.message and "김지은" in reverse.message
    assert forward.severity is Severity.WARNING


def test_default_and_configured_severities():
    source, target = credits_of(KO, "ko"), credits_of("Reported by Jieun Kim and others for RFA.", "en")
    default = {f.code: f.severity for f in cross_check(source, target)}
    assert default == {"credit.translator-missing": Severity.WARNING, "credit.unparsed": Severity.INFO}
    changed = cross_check(source, target, severities={"credit.translator-missing": "error", "credit.unparsed": Severity.WARNING})
    assert {f.code: f.severity for f in changed} == {
        "credit.translator-missing": Severity.ERROR,
        "credit.unparsed": Severity.WARNING,
    }


FIXTURE_PAIRS = [
    ("nk-workers", "en.txt", []),
    ("nk-workers", "en-no-translator.txt", ["credit.translator-missing"]),
    ("typhoon", "en.txt", []),
    ("economy-long", "en.txt", []),
]


@pytest.mark.parametrize("story, translation, codes", FIXTURE_PAIRS)
def test_fixture_articles(story, translation, codes):
    folder = FIXTURES / story
    if not (folder / translation).exists():
        pytest.skip(f"fixture {story}/{translation} not present")
    ko = extract_credits(mark_roles(segmented((folder / "ko.txt").read_text(encoding="utf-8"), "ko")))
    en = extract_credits(mark_roles(segmented((folder / translation).read_text(encoding="utf-8"), "en")))
    assert ko.names("reporter") and en.names("reporter")
    assert [f.code for f in cross_check(ko, en)] == codes


# --------------------------------------------------------------- render


def test_render_text_lists_roles_names_and_services():
    text = render_text(credits_of(EN_OK, "en"), path="story.en.txt")
    assert text.splitlines()[0].startswith("story.en.txt: credits (en)")
    assert "reporter" in text and "Jieun Kim — RFA's Korean Service" in text and "Leejin Jun" in text


def test_render_text_says_when_there_is_nothing():
    assert "no credit line" in render_text(credits_of("The ministry did not reply.", "en"))


# --------------------------------------------------------------- real data


def _lines(name: str) -> list[str]:
    return [line for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.data
@pytest.mark.parametrize(
    "name, lang",
    [
        ("kpc-dev/korean-english-park.dev.ko", "ko"),
        ("kpc-dev/korean-english-park.dev.en", "en"),
        ("jhe-dev/jhe-koen-dev.ko", "ko"),
        ("jhe-dev/jhe-koen-dev.en", "en"),
    ],
)
def test_real_news_sentences_are_never_taken_for_credits(name, lang):
    if not (DATA / name).exists():
        pytest.skip(f"{DATA / name} not present")
    taken = [
        line
        for line in _lines(name)
        if any(s.role is Role.CREDIT for s in mark_roles(segmented(BODY[lang] + line, lang)).sentences)
    ]
    assert taken == []
