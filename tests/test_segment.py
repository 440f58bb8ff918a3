"""Segmenter: sentence splits, spans, passages, Markdown, presegmented input.

The case tables are also scored by benchmarks/segmentation.py against other
splitters, so they hold plain (text, expected sentences) pairs.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.segment import VERSION, segment, segmenter_signature, split_sentences
from provenance.segment.lang import available, rules_for
from provenance.types import Document, Role

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

EN_CASES = [
    ("The ministry confirmed the report. Officials declined to comment.",
     ["The ministry confirmed the report.", "Officials declined to comment."]),
    ("The ministry confirmed the report. !!! Officials declined to comment.",
     ["The ministry confirmed the report. !!!", "Officials declined to comment."]),
    ("“We will not send them back. The border stays closed,” the official said.",
     ["“We will not send them back.", "The border stays closed,” the official said."]),
    ('"They left in December," the source said. "Nobody came back."',
     ['"They left in December," the source said.', '"Nobody came back."']),
    ("“Did they leave?” he asked. Nobody answered.",
     ["“Did they leave?” he asked.", "Nobody answered."]),
    ("“Stop the trucks!” shouted a guard at the gate.",
     ["“Stop the trucks!” shouted a guard at the gate."]),
    ("He called the plan “impossible.” Others disagreed.",
     ["He called the plan “impossible.”", "Others disagreed."]),
    ("The workers must leave by Dec. 22 this year. Talks resume Jan. 5.",
     ["The workers must leave by Dec. 22 this year.", "Talks resume Jan. 5."]),
    ("The U.S. embassy issued a statement. It gave no details.",
     ["The U.S. embassy issued a statement.", "It gave no details."]),
    ("The aid shipment finally reached the U.S. The crates were opened on Monday.",
     ["The aid shipment finally reached the U.S.", "The crates were opened on Monday."]),
    ("The U.N. Security Council met on Friday.", ["The U.N. Security Council met on Friday."]),
    ("Mr. Kim and Mrs. Lee met Dr. Park near St. Mary's hospital.",
     ["Mr. Kim and Mrs. Lee met Dr. Park near St. Mary's hospital."]),
    ("Gov. Kim Young-hoon and Sen. Park Jin-su spoke first.",
     ["Gov. Kim Young-hoon and Sen. Park Jin-su spoke first."]),
    ("The team ranked No. 1 in the survey. Its rival came in at No. 7.",
     ["The team ranked No. 1 in the survey.", "Its rival came in at No. 7."]),
    ("The hearing starts at 9 a.m. and ends at 5 p.m. on Friday.",
     ["The hearing starts at 9 a.m. and ends at 5 p.m. on Friday."]),
    ("The plane landed at 6 p.m. The passengers were held for hours.",
     ["The plane landed at 6 p.m.", "The passengers were held for hours."]),
    ("Shares of Acme Inc. rose 1.5 percent. Volume topped 1,000,000 shares.",
     ["Shares of Acme Inc. rose 1.5 percent.", "Volume topped 1,000,000 shares."]),
    ("The hotel was bought by Acme Corp. The deal closed in March.",
     ["The hotel was bought by Acme Corp.", "The deal closed in March."]),
    ("Acme Inc. Chief Executive Jane Doe resigned.", ["Acme Inc. Chief Executive Jane Doe resigned."]),
    ("John F. Kennedy visited Berlin in 1963.", ["John F. Kennedy visited Berlin in 1963."]),
    ("Kim met Vladimir V. Putin in Vladivostok on Thursday.",
     ["Kim met Vladimir V. Putin in Vladivostok on Thursday."]),
    ("The backup was Plan B. The first plan had failed.",
     ["The backup was Plan B.", "The first plan had failed."]),
    ("Exports grew 3.7 percent in 2019. Imports fell 2.5%.",
     ["Exports grew 3.7 percent in 2019.", "Imports fell 2.5%."]),
    ("The ship carried 2,300 tons of coal. It sank off the coast.",
     ["The ship carried 2,300 tons of coal.", "It sank off the coast."]),
    ("He paused ... and then went on reading the statement.",
     ["He paused ... and then went on reading the statement."]),
    ("The talks collapsed... The delegates flew home.", ["The talks collapsed...", "The delegates flew home."]),
    ("Nobody knows what comes next… Officials are waiting.",
     ["Nobody knows what comes next…", "Officials are waiting."]),
    ("Where are the workers now? Nobody knows! The office is silent.",
     ["Where are the workers now?", "Nobody knows!", "The office is silent."]),
    ("The report (released on Monday) was brief. It ran to two pages.",
     ["The report (released on Monday) was brief.", "It ran to two pages."]),
    ("The court met on Monday. (The ruling came later.) Appeals followed.",
     ["The court met on Monday.", "(The ruling came later.)", "Appeals followed."]),
    ("Neighbours, e.g. Russia and China, abstained.", ["Neighbours, e.g. Russia and China, abstained."]),
    ("She moved to Washington, D.C. in 2010.", ["She moved to Washington, D.C. in 2010."]),
    ("She moved to Washington, D.C. Her family stayed in Seoul.",
     ["She moved to Washington, D.C.", "Her family stayed in Seoul."]),
    ("Martin Luther King Jr. spoke here in 1966.", ["Martin Luther King Jr. spoke here in 1966."]),
    ("The talks will be held in St. Petersburg next week.",
     ["The talks will be held in St. Petersburg next week."]),
    ("Reported by Kim Ji-eun for RFA's Korean Service. Translated by Lee Jin. Written in English by Sam Park.",
     ["Reported by Kim Ji-eun for RFA's Korean Service.", "Translated by Lee Jin.",
      "Written in English by Sam Park."]),
    ("Translated by Minji Jun. Edited by Sam Lee.", ["Translated by Minji Jun.", "Edited by Sam Lee."]),
    ("Reported by Kim No. Photos by Lee Mar.", ["Reported by Kim No.", "Photos by Lee Mar."]),
    ("Workers Return to Vladivostok", ["Workers Return to Vladivostok"]),
    ("Updated at 10:30 a.m. ET on Sept. 4, 2020.", ["Updated at 10:30 a.m. ET on Sept. 4, 2020."]),
    ("The site is example.org. Readers can comment there.",
     ["The site is example.org.", "Readers can comment there."]),
]

KO_CASES = [
    ("북한이 노동자 파견을 준비하고 있다. 소식통이 이같이 전했다.",
     ["북한이 노동자 파견을 준비하고 있다.", "소식통이 이같이 전했다."]),
    # symbols alone are nothing to translate: they stay with the sentence before
    ("북한이 노동자 파견을 준비하고 있다. 🙂🙂", ["북한이 노동자 파견을 준비하고 있다. 🙂🙂"]),
    ("그는 “전혀 사실이 아니다.”고 말했다.", ["그는 “전혀 사실이 아니다.”고 말했다."]),
    ("그는 “전혀 사실이 아니다.” 고 말했다.", ["그는 “전혀 사실이 아니다.” 고 말했다."]),
    ("그는 “왜 안 되나?”라고 물었다.", ["그는 “왜 안 되나?”라고 물었다."]),
    ("그는 “다 끝났다.” 라며 자리를 떴다.", ["그는 “다 끝났다.” 라며 자리를 떴다."]),
    ("소식통은 “노동자들이 다시 들어올 준비를 하고 있습니다. 이번에는 연수생 자격입니다”라고 말했다.",
     ["소식통은 “노동자들이 다시 들어올 준비를 하고 있습니다.", "이번에는 연수생 자격입니다”라고 말했다."]),
    ("“준비가 끝났습니다.” 소식통은 이렇게 말했다.", ["“준비가 끝났습니다.”", "소식통은 이렇게 말했다."]),
    ("소식통은 “식당들이 문을 열었다”며 “손님이 많다”고 전했다.",
     ["소식통은 “식당들이 문을 열었다”며 “손님이 많다”고 전했다."]),
    ("그는 ‘모두 끝났다’고 말했다.", ["그는 ‘모두 끝났다’고 말했다."]),
    ("그가 한 말은 ‘모두 끝났다.’ 그 한마디였다.", ["그가 한 말은 ‘모두 끝났다.’", "그 한마디였다."]),
    ("정말 그럴까? 아무도 모른다.", ["정말 그럴까?", "아무도 모른다."]),
    ("그렇죠. 문제는 돈이에요. 어떻게 할까요?", ["그렇죠.", "문제는 돈이에요.", "어떻게 할까요?"]),
    ("유엔 안보리가 제재를 결의했다! 러시아는 반대했다.", ["유엔 안보리가 제재를 결의했다!", "러시아는 반대했다."]),
    ("그는 떠났다.그리고 돌아오지 않았다.", ["그는 떠났다.", "그리고 돌아오지 않았다."]),
    ("조지 W. 부시 대통령이 연설했다.", ["조지 W. 부시 대통령이 연설했다."]),
    ("미국(U.S.) 정부는 입장을 밝히지 않았다.", ["미국(U.S.) 정부는 입장을 밝히지 않았다."]),
    ("회의는 2020. 3. 15. 서울에서 열렸다.", ["회의는 2020. 3. 15. 서울에서 열렸다."]),
    ("환율은 1,200.5원을 기록했다. 전날보다 3.5% 올랐다.", ["환율은 1,200.5원을 기록했다.", "전날보다 3.5% 올랐다."]),
    ("돈을 벌어야죠… 그래서 다시 갑니다.", ["돈을 벌어야죠…", "그래서 다시 갑니다."]),
    ("그런데… 문제는 돈이었다.", ["그런데… 문제는 돈이었다."]),
    ("식당들은 영업 중이다。손님도 많다。", ["식당들은 영업 중이다。", "손님도 많다。"]),
    ("북한 노동자들, 러시아로 복귀 준비", ["북한 노동자들, 러시아로 복귀 준비"]),
    ("기자 김지은, 에디터 양성원", ["기자 김지은, 에디터 양성원"]),
    ("문의는 jieun@example.com 으로 하면 된다. 답장은 늦을 수 있다.",
     ["문의는 jieun@example.com 으로 하면 된다.", "답장은 늦을 수 있다."]),
]

OTHER_CASES = [
    ("fr", "Il est parti. Elle reste? Oui!", ["Il est parti.", "Elle reste?", "Oui!"]),
    ("fr", "Il est parti… elle reste.", ["Il est parti… elle reste."]),
    ("zh", "他来了。她走了。", ["他来了。", "她走了。"]),
    ("ja", "雨が降った！店は閉まった。", ["雨が降った！", "店は閉まった。"]),
    ("ar", "هل هو هنا؟ نعم.", ["هل هو هنا؟", "نعم."]),
    ("hi", "वह आया। वह गया।", ["वह आया।", "वह गया।"]),
    ("xx", "Version 2.5 is out. Get it now.", ["Version 2.5 is out.", "Get it now."]),
]

MARKDOWN_CASES = [
    # text, expected sentences, expected passage of each sentence
    ("# Workers Return\nThe first group arrived.", ["Workers Return", "The first group arrived."], [0, 1]),
    ("## Sanctions at a glance\n\n- Workers must leave\n- No new visas", 
     ["Sanctions at a glance", "Workers must leave", "No new visas"], [0, 1, 1]),
    ("1. Send workers back\n2. Open restaurants", ["Send workers back", "Open restaurants"], [0, 0]),
    ("* One point. A second one\n* Another point", ["One point.", "A second one", "Another point"], [0, 0, 0]),
    ("> Quoted line one.\n> Quoted line two goes\n> on here.",
     ["Quoted line one.", "Quoted line two goes on here."], [0, 0]),
    ("Workers Return\n=====\n\nThe first group arrived.", ["Workers Return", "The first group arrived."], [0, 1]),
    ("Before the break.\n\n---\n\nAfter the break.", ["Before the break.", "After the break."], [0, 1]),
    ("Intro line.\n> A quoted remark.\nBack to the story.",
     ["Intro line.", "A quoted remark.", "Back to the story."], [0, 0, 0]),
    ("#hashtag is not a heading.", ["#hashtag is not a heading."], [0]),
]

LAYOUT_CASES = [
    # text, lang, expected sentences, expected (passage, line) of each
    ("Workers Return to Russia\n\nThe first group arrived. More will follow.\n",
     "en", ["Workers Return to Russia", "The first group arrived.", "More will follow."], [(0, 1), (1, 3), (1, 3)]),
    ("The sanctions require every worker\nto return home by the end of the year.",
     "en", ["The sanctions require every worker to return home by the end of the year."], [(0, 1)]),
    ("Workers Wait at the Airport\nNorth Korean workers queued for hours.\nThe flight was late.",
     "en", ["Workers Wait at the Airport", "North Korean workers queued for hours.", "The flight was late."],
     [(0, 1), (0, 2), (0, 3)]),
    ("Officials said the plan\nwas final. Talks\nended on Monday.",
     "en", ["Officials said the plan was final.", "Talks ended on Monday."], [(0, 1), (0, 2)]),
    ("A caption without a stop\n\n\n   \nBody text here.", "en",
     ["A caption without a stop", "Body text here."], [(0, 1), (1, 5)]),
    ("북한 노동자들, 러시아로 복귀 준비\n북한이 노동자들을 다시 보내려 한다.\n소식통이 전했다.",
     "ko", ["북한 노동자들, 러시아로 복귀 준비", "북한이 노동자들을 다시 보내려 한다.", "소식통이 전했다."],
     [(0, 1), (0, 2), (0, 3)]),
    ("  Indented first line. Second sentence.  ", "en",
     ["Indented first line.", "Second sentence."], [(0, 1), (0, 1)]),
]

PRESEGMENTED_CASES = [
    ("First. Second.\n\nThird", ["First. Second.", "", "Third"]),
    ("one\ntwo\n", ["one", "two"]),
    ("- item stays\n# so does this", ["- item stays", "# so does this"]),
    ("  padded  \n\t", ["padded", ""]),
    ("", []),
    ("\n", [""]),
]

ARTICLE = """# North Korea Readies Workers for Russia

Workers wait for a flight at an airport in the Far East, Sept. 2, 2019.

North Korea is preparing to send workers back to Russia. The plan would
restore a source of foreign cash, sources said.

“They left last year because of sanctions. Now they are coming back,” a source
told reporters on Wednesday. “They will arrive as trainees,” the source said.

The sanctions required workers to go home by Dec. 22. Experts at the U.N. say
the new visas break the rules... Russia denies it.

Reported by Kim Ji-eun for the Korean Service. Translated by Lee Jin.
"""


def texts(doc: Document) -> list[str]:
    return [s.text for s in doc.sentences]


def joined(raw: str) -> str:
    """The sentence text expected for a raw span: line breaks read as spaces."""
    return re.sub(r"\s*\n\s*", " ", raw)


def assert_invariants(doc: Document) -> None:
    text = doc.text
    previous_end = 0
    for i, s in enumerate(doc.sentences):
        assert s.index == i and s.role is Role.CONTENT and s.lang == doc.lang
        assert previous_end <= s.start < s.end <= len(text)
        raw = text[s.start : s.end]
        assert raw == raw.strip() and s.text == s.text.strip() and s.text
        # Markers of continued block quotes become spaces; nothing else changes.
        assert s.text.replace(">", " ").split() == raw.replace(">", " ").split()
        assert s.line == text.count("\n", 0, s.start) + 1
        assert i in doc.passages[s.passage].sentences
        previous_end = s.end
    for k, p in enumerate(doc.passages):
        assert p.index == k and p.sentences == tuple(range(p.sentences[0], p.sentences[-1] + 1))
        assert (p.start, p.end, p.line) == (doc.sentences[p.sentences[0]].start,
                                            doc.sentences[p.sentences[-1]].end,
                                            doc.sentences[p.sentences[0]].line)
    assert [i for p in doc.passages for i in p.sentences] == list(range(len(doc.sentences)))
    assert_covered(doc)


def assert_covered(doc: Document) -> None:
    """Every visible character is in a sentence, except Markdown markers."""
    covered = [False] * len(doc.text)
    for s in doc.sentences:
        covered[s.start : s.end] = [True] * (s.end - s.start)
    offset = 0
    for line in doc.text.split("\n"):
        first = next((k for k in range(len(line)) if covered[offset + k]), len(line))
        for k, char in enumerate(line):
            if not covered[offset + k] and not char.isspace():
                assert k < first and char in "#>-*+•=_0123456789.)", (line, k)
        offset += len(line) + 1


@pytest.mark.parametrize("text, expected", EN_CASES, ids=[c[0][:40] for c in EN_CASES])
def test_english_sentences(text: str, expected: list[str]) -> None:
    doc = segment(text, "en")
    assert texts(doc) == expected
    assert_invariants(doc)


@pytest.mark.parametrize("text, expected", KO_CASES, ids=[c[0][:20] for c in KO_CASES])
def test_korean_sentences(text: str, expected: list[str]) -> None:
    doc = segment(text, "ko")
    assert texts(doc) == expected
    assert_invariants(doc)


@pytest.mark.parametrize("lang, text, expected", OTHER_CASES, ids=[c[0] + ":" + c[1][:15] for c in OTHER_CASES])
def test_generic_fallback(lang: str, text: str, expected: list[str]) -> None:
    doc = segment(text, lang)
    assert texts(doc) == expected
    assert_invariants(doc)


@pytest.mark.parametrize("text, expected, passages", MARKDOWN_CASES, ids=[c[0][:25] for c in MARKDOWN_CASES])
def test_markdown_markers(text: str, expected: list[str], passages: list[int]) -> None:
    doc = segment(text, "en")
    assert texts(doc) == expected
    assert [s.passage for s in doc.sentences] == passages
    assert_invariants(doc)


@pytest.mark.parametrize("text, lang, expected, places", LAYOUT_CASES, ids=[c[0][:25] for c in LAYOUT_CASES])
def test_passages_and_lines(text: str, lang: str, expected: list[str], places: list[tuple[int, int]]) -> None:
    doc = segment(text, lang)
    assert texts(doc) == expected
    assert [(s.passage, s.line) for s in doc.sentences] == places
    for s in doc.sentences:
        assert s.text == joined(text[s.start : s.end])
    assert_invariants(doc)


@pytest.mark.parametrize("text, expected", PRESEGMENTED_CASES, ids=[repr(c[0])[:20] for c in PRESEGMENTED_CASES])
def test_presegmented_is_one_sentence_per_line(text: str, expected: list[str]) -> None:
    doc = segment(text, "en", presegmented=True)
    assert texts(doc) == expected
    assert [s.line for s in doc.sentences] == list(range(1, len(expected) + 1))
    assert all(s.passage == 0 for s in doc.sentences)
    assert len(doc.passages) == (1 if expected else 0)
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text
        assert text.count("\n", 0, s.start) + 1 == s.line
        assert s.role is (Role.CONTENT if s.text else Role.BLANK)  # an empty line keeps its number, uncompared


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\n \n", "---", "#", "> "])
def test_nothing_to_split_gives_an_empty_document(text: str) -> None:
    doc = segment(text, "ko", path="empty.txt")
    assert (doc.path, doc.lang, doc.text) == ("empty.txt", "ko", text)
    assert doc.sentences == () and doc.passages == ()


@pytest.mark.parametrize("text", [ARTICLE, "Workers Wait\nThey queued. They left.\n\n그는 떠났다. 끝."])
def test_carriage_returns_change_nothing_but_offsets(text: str) -> None:
    """The reader normalises newlines; CRLF text that slips through splits the same."""
    crlf = segment(text.replace("\n", "\r\n"), "en")
    assert texts(crlf) == texts(segment(text, "en"))
    assert [s.line for s in crlf.sentences] == [s.line for s in segment(text, "en").sentences]
    assert_invariants(crlf)


def test_article_keeps_every_invariant() -> None:
    doc = segment(ARTICLE, "en", path="article.md")
    assert_invariants(doc)
    assert doc.path == "article.md" and len(doc.passages) == 6
    assert texts(doc)[3] == "The plan would restore a source of foreign cash, sources said."
    assert doc.sentences[3].line == 5 and doc.sentences[6].line == 9
    assert texts(doc)[-2:] == ["Reported by Kim Ji-eun for the Korean Service.", "Translated by Lee Jin."]


def test_split_sentences_gives_spans_of_the_passage() -> None:
    passage = "“Sanctions still apply. Nothing changed,” he said. Talks end Dec. 3."
    spans = split_sentences(passage, "en")
    assert [passage[a:b] for a, b in spans] == ["“Sanctions still apply.", "Nothing changed,” he said.",
                                                "Talks end Dec. 3."]


@pytest.mark.parametrize("lang, name", [("ko", "ko"), ("ko-KR", "ko"), ("EN_us", "en"), ("fr", "generic"),
                                        ("../en", "generic"), ("", "generic")])
def test_signature_names_the_rules_used(lang: str, name: str) -> None:
    assert segmenter_signature(lang) == f"rules-{name}-{VERSION}"


@pytest.mark.parametrize("code", sorted(available()))
def test_every_language_module_loads_and_splits(code: str) -> None:
    assert rules_for(code).name == code
    doc = segment("First sentence here. Second one here.", code)
    assert len(doc.sentences) == 2


def test_segmenting_grows_linearly_with_the_article() -> None:
    """A guard against quadratic work, not a timing (benchmarks/segmentation.py measures the
    speed): the best of three runs on an article five times as long takes well under 25
    times as long. A single timed run failed CI once when the machine paused (289 ms)."""
    short, long = "\n\n".join([ARTICLE] * 5), "\n\n".join([ARTICLE] * 25)  # about 60 and 300 sentences
    assert len(segment(long, "en").sentences) >= 300

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            began = time.perf_counter()
            segment(text, "en")
            times.append(time.perf_counter() - began)
        return min(times)

    short_time, long_time = best(short), best(long)
    assert long_time < 12 * short_time, f"{long_time * 1000:.1f} ms against {short_time * 1000:.1f} ms"


PIECES = st.sampled_from(
    [". ", "? ", "! ", "... ", "… ", "。", "\n", "\n\n", "# ", "> ", "- ", "1. ", "---\n", "“", "”", "\"",
     "’", "U.S. ", "Dr. ", "다. ", "다.”고 ", "No. 1", " ", "A", "a", "가", "3.5", "\t", "\u3000"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=8), PIECES), max_size=30), st.sampled_from(["en", "ko", "xx"]))
def test_any_text_keeps_the_invariants(parts: list[str], lang: str) -> None:
    text = "".join(parts)
    assert_invariants(segment(text, lang))
    doc = segment(text, lang, presegmented=True)
    assert len(doc.sentences) == text.count("\n") + (1 if text and not text.endswith("\n") else 0)


@pytest.mark.data
@pytest.mark.skipif(not DATA.is_dir(), reason="../shared/data is absent")
@pytest.mark.parametrize("lang, least_recall, least_precision", [("en", 0.96, 0.92), ("ko", 0.98, 0.95)])
def test_line_boundaries_of_news_sentences_are_recovered(lang: str, least_recall: float,
                                                         least_precision: float) -> None:
    """Joined kpc-dev lines split back where punctuation allows (see benchmarks/segmentation.py)."""
    lines = (DATA / "kpc-dev" / f"korean-english-park.dev.{lang}").read_text(encoding="utf-8").split("\n")
    ended = [line.strip() for line in lines if re.search(r"[.?!][\"'”’]?$", line.strip())]
    text = " ".join(ended[:400])
    found = {s.start for s in segment(text, lang).sentences}
    gold, offset = set(), 0
    for line in ended[:400]:
        gold.add(offset)
        offset += len(line) + 1
    recall = len(found & gold) / len(gold)
    precision = len(found & gold) / len(found)
    # Precision is a lower bound: some lines hold two sentences.
    assert recall >= least_recall and precision >= least_precision, (recall, precision)
