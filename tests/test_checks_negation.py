"""Polarity markers and the negation check."""

from __future__ import annotations

import pytest

from provenance.checks import check_pair
from provenance.checks.lang import en, ko
from provenance.types import Severity
from .helpers import serious


def kinds(module, text):
    return [m.kind for m in module.negations(text)]


MARKERS = [
    (ko, "정부는 집회를 금지했습니다.", ["negative"]),  # a ban is negative in itself, as 거부 is
    (ko, "그곳에는 물이 없다.", ["negation"]),
    (ko, "그는 회의에 가지 못했다.", ["negation"]),
    (ko, "그것은 사실이 아니다.", ["negation"]),
    (ko, "거기에 가지 말라.", ["negation"]),
    (ko, "그는 오지 않았다.", ["negation"]),
    (ko, "그렇게 말하지 마.", ["negation"]),
    (ko, "도움이 될지도 모른다.", []),  # "might": not a negation
    (ko, "재미있을 뿐만 아니라 유익하다.", []),  # "not only … but also"
    (ko, "수출국뿐만아니라 재배업체에도 이득이다.", []),  # the same, written without a space
    (ko, "그들은 우연치 않게 이 장르를 개척했다.", []),  # 우연치 않게 = by chance
    (ko, "파업을 계속할지 아닐지 투표로 정한다.", []),  # "whether or not"
    (ko, "그 소문이 사실인지 아닌지 물었다.", []),
    (ko, "그는 범인이 아닐 것이다.", ["negation"]),
    (ko, "그는 잘못을 인정했다.", []),  # 잘못 = a mistake
    (ko, "이 사건은 테러와 무관하다.", ["negative"]),
    (en, "The government did not ban the rally.", ["negation", "negative"]),
    (en, "There is no water there.", ["negative"]),
    (en, "He can't come.", ["negation"]),
    (en, "It is still not clear.", ["negation"]),
    (en, "It was not only fun but useful.", ["negative"]),
    (en, "That was lucky, wasn't it?", []),  # a tag question
    (en, "They banned the rally.", ["negative"]),  # so it answers "허용하지 않았다"
    (ko, "밤 10시 이후 통행금지가 내려졌다.", []),  # 통행금지 = a curfew
    (en, "He failed to close the door.", ["negative"]),
    # negative in themselves, so each answers a Korean negative word (불가능, 상관없이, 불참, 거부)
    (en, "They had a seemingly unbreakable code.", ["negative"]),
    (en, "Jobs are open to all regardless of caste.", ["negative"]),
    (en, "Fliers urged a boycott of the vote.", ["negative"]),
    (en, "The North turned down appeals to join the talks.", ["negative"]),
    (en, "Catching is out of the question.", ["negative"]),
    (en, "He turned to the crowd and walked out of the hall.", []),
    (ko, "반대로 해외 스타들은 사진을 허용했다.", []),  # 반대로 = conversely
    # a question left open reverses nothing: not a negated predicate on either side
    # ("not" stays a negative word, which can only answer a negation of the other side)
    (en, "He said the plant would open, but did not say where.", ["negative"]),
    (en, "Officials didn't tell reporters how many people were hurt.", []),
    (en, "Police would not immediately say why the road was closed.", ["negative"]),
    (en, "The ministry has not disclosed how much it paid.", ["negative"]),
    (en, "She did not confirm whether he was there.", ["negative"]),
    (en, "He did not say the plant would open.", ["negation"]),
    (en, "He did not know where she was.", ["negation"]),  # not knowing is a state, not a report
]


@pytest.mark.parametrize(("module", "text", "expected"), MARKERS)
def test_markers(module, text, expected):
    assert kinds(module, text) == expected


FAITHFUL = [
    ("정부는 집회를 금지했습니다.", "The government banned the rally."),
    ("그곳에는 물이 없다.", "There is no water there."),
    ("그는 회의에 가지 못했다.", "He could not go to the meeting."),
    ("그것은 사실이 아니다.", "That is not true."),
    ("문이 닫히지 않았다.", "The door failed to close."),
    ("이 사건은 테러와 무관하다.", "The incident is not related to terrorism."),
    ("입법 과정 없이 도입됐다.", "It was introduced without legislation."),
    ("그는 그 계획에 반대했다.", "He did not support the plan."),  # a negative word answers a negated verb
    # a number not reached is said with or without a negation
    ("차이는 50명이 채 되지 않는 것으로 알려졌다.", "They were separated by fewer than 50."),
    ("이는 절반에도 못 미치는 규모다.", "That is not even half of it."),
    ("실적은 기대에 미치지 못했다.", "Earnings fell short of expectations."),
    # "not … until" is when it happens; "처음 본다" is "I have never seen"
    ("이 정도 감소는 2050년 이후에나 나타날 것이다.", "A decline this size would not come until after 2050."),
    ("재개까지 적어도 2주는 걸릴 것이다.", "It would likely not resume for at least two weeks."),
    # "can't be less than" is a lower bound: 이상
    ("장비는 50달러 이상이 든다.", "The hardware can't be less than 50 bucks."),
    ("참가자는 300명 이상이다.", "Participants cannot be fewer than 300."),
    ("대학이 교수 자녀들을 부정하게 합격시켰다.", "The university fraudulently admitted professors' children."),  # 부정하게: illicitly
    # a translator's negation for an affirmative original, and the other way round
    ("눈을 치우기에는 장비가 부족했다.", "The equipment was not enough to clear the snow."),
    ("김천은 포항과 1-1로 비겼다.", "Gimcheon and Pohang could not be separated in a 1-1 draw."),
    ("5등급 차량의 운행이 제한됩니다.", "Grade 5 vehicles may not be driven."),
    ("울산은 최근 7경기에서 한 번도 지지 않았다.", "Ulsan are unbeaten in seven matches."),
    ("미세먼지 농도는 좀처럼 낮아지지 않았다.", "Fine dust levels stayed stubbornly high."),
    ("그는 2022년 선거에는 출마하지 않았다.", "He sat out the 2022 election."),
    ("어부들이 한 달 넘게 바다에 나가지 못하고 있다.", "Fishermen have been stuck on shore for more than a month."),
    ("두 후보 모두 지지율이 30%를 넘지 못했다.", "Both candidates were held under 30 percent."),
    ("제재는 북한이 핵을 포기할 때까지 멈추지 않을 것이다.", "Sanctions will not stop until the North gives up its nuclear arms."),
    ("\"이렇게 뜨거운 것은 처음 본다\"고 말했다.", "\"I have never seen it this heated,\" he said."),
    # the renderings above, without a new negation; "a few" renders no negation at all
    ("배심원단이 평결에 이르지 못한 채 1년이 지났다.", "A year passed after a jury failed to reach a verdict."),
    ("그렇게 생각하는 사람은 거의 없을 것이다.", "Very few people will think so."),
    ("몇 주 후에는 사람들이 더 이상 슬퍼 보이지 않을 것이다.", "In a few more weeks people won't look sad any more."),
    ("몇 년 전만 해도 암호화는 아무도 관심을 두지 않는 기술이었다.", "A few years ago encryption was a technology nobody cared about."),
    ("사고로 다친 사람은 전혀 없었다.", "No one at all was hurt in the accident."),
    # "No," answers; it renders no negation of the original's
    ("상황이 좋지 않아 보인다고 말했다.", "\"No, it doesn't look so good,\" she said."),
    # "no later than" is a deadline, not a rendered negation
    ("접종 기록이 확인되지 않는 사람은 출국 2주 전까지 접종해야 한다.",
     "Those who cannot confirm their records must get a dose no later than two weeks before leaving."),
    # weaker negative words render other things, so the Korean negation still answers the "not"
    ("국가는 법에 반하는 상황을 계속 인정할 수 없다.", "The state could not continue to accept situations that went against the law."),
]

#: a Korean negative word the English renders with one of its own cannot also answer a new "not"
FLIPPED_AGAINST_NEGATIVE_WORDS = [
    ("해독이 불가능한 암호 프로그램이 인터넷에 올려졌다.", "An unbreakable code was never placed on the Internet.", "never"),
    ("기회가 계급과 상관없이 모든 사람에게 열려 있다.", "Jobs are no longer open to all regardless of caste.", "no longer"),
    ("그들은 투표 불참을 독려하다 연행됐다.", "They were never seized for urging a boycott of the vote.", "never"),
    ("북한은 회담에 불참하겠다고 밝혔다.", "North Korea is no longer isolated after it turned down the talks.", "no longer"),
]

#: a Korean negated predicate the English already renders with a word that says it alone
#: ("못한" as "failed", "거의 없을" as "very few") cannot also answer a new "not"
FLIPPED_AFTER_RENDERED_NEGATION = [
    ("배심원단이 평결에 이르지 못한 채 1년이 지났다.", "A year passed after a jury failed to reach a verdict on whether he was never guilty.", "never"),
    ("그렇게 생각하는 사람은 거의 없을 것이다.", "Very few people will not think so.", "will not"),
    ("후보 3명 중 과반을 얻은 후보는 없었다.", "None of the three candidates, who is not a lawyer, won a majority.", "is not"),
    # 아무도 … 않는 is one negation, which "nobody" renders whole
    ("몇 년 전만 해도 암호화는 아무도 관심을 두지 않는 기술이었다.", "A few years ago encryption was never a technology nobody cared about.", "never"),
    ("그들은 파트너가 될 것 같지 않은 이들을 위해 20년 동안 노력해 왔다.", "They have not been working for 20 years for these unlikely partners.", "have not"),
]

FLIPPED = [
    ("정부는 집회를 금지했습니다.", "The government did not ban the rally.", "did not"),
    ("그는 내일 온다.", "He will not come tomorrow.", "will not"),
    ("휘발유 재고 감소는 예상보다 적었다.", "The decline in inventories was not less than forecast.", "was not"),
    ("그들은 합의에 도달했다고 말했다.", "They did not say they had reached an agreement.", "did not"),
    ("그는 회의에 가지 못했다.", "He could not go and would not stay.", "would not"),
    # 없이 is answered by "without", so it cannot also answer "is not"
    ("입법 과정 없이 도입된 것이 문제다.", "The problem is not that it came in without legislation.", "is not"),
    # 반대 is answered by "against", so it cannot also answer "is not"
    ("내가 사형에 반대하는 이유는 실수가 쉽기 때문이다.", "The reason I am against the death penalty is not that mistakes are easy.", "is not"),
    # 반대로 (conversely) and 일반대중 (the general public) are not negative words to answer a "not"
    ("반대로 해외 스타들은 팬들이 사진을 찍도록 허용했다.", "In contrast, stars abroad did not let fans take photos.", "did not"),
    ("일반대중은 그 소식을 반겼다.", "The general public did not welcome the news.", "did not"),
]


@pytest.mark.parametrize(("ko_text", "en_text"), FAITHFUL)
def test_faithful_polarity_is_quiet(ko_text, en_text):
    found = check_pair(ko_text, en_text, enabled=["negation"])
    assert serious(found) == []


@pytest.mark.parametrize(("ko_text", "en_text", "evidence"), FLIPPED + FLIPPED_AGAINST_NEGATIVE_WORDS + FLIPPED_AFTER_RENDERED_NEGATION)
def test_added_negation_is_an_error(ko_text, en_text, evidence):
    found = check_pair(ko_text, en_text, enabled=["negation"])
    assert [(r.code, r.severity) for r in found] == [("drift.negation", Severity.ERROR)]
    assert any(evidence in span.text for span in found[0].tgt)


@pytest.mark.parametrize(
    ("ko_text", "en_text", "flagged"),
    [
        # the quoted statement has a negation of its own, so counting alone misses the denial
        ("NHK는 부상자는 없었다고 보도했다.", "NHK did not report that no one was hurt.", True),
        ("NHK는 부상자는 없었다고 보도했다.", "NHK reported that no one was hurt.", False),
        ("정부는 대부분이 이라크 출신이 아니라는 점도 지적했다.", "Most were not Iraqis, the government did not say.", True),
        ("경찰은 체포된 인원을 밝히지 않았다.", "Police did not say how many were arrested.", False),
        # reported by criticising, or by a quote's "…라며"
        ("그는 \"근거도 없는 결정\"이라고 비난했다.", "He did not say it was \"a decision with no basis.\"", True),
        ("단체는 \"근거가 없다\"라며 의구심을 나타냈다.", "The group did not say there was \"no basis\" and voiced doubts.", True),
        ("그것은 이제 행정부서에서도 사용되고 있다.", "It is no longer used in government offices.", True),
        ("그것은 더 이상 사용되지 않는다.", "It is no longer used.", False),
        # a quantity denied: "not everyone", "not all" (but "whether or not all" denies nothing)
        ("여객선이 좌초했지만 전원 구조됐습니다.", "The ferry ran aground, but not everyone on board was rescued.", True),
        ("승객이 모두 구조된 것은 아니다.", "Not all passengers were rescued.", False),
        ("승객 전원이 구조됐는지 확인하고 있다.", "They are checking whether or not all were rescued.", False),
    ],
)
def test_denied_reports_and_no_longer(ko_text, en_text, flagged):
    found = check_pair(ko_text, en_text, enabled=["negation"])
    assert bool([r for r in found if r.severity is Severity.ERROR]) is flagged


def test_opposing_answers_a_negated_support():
    assert check_pair("그는 그 계획에 찬성하지 않았다.", "He opposed the plan.", enabled=["negation"]) == []


@pytest.mark.parametrize(
    ("ko_text", "en_text", "severity"),
    [
        # the statement's own verb negated, nothing negative in the translation: a reversal
        ("그는 회의에 가지 않았다.", "He went to the meeting.", Severity.WARNING),
        ("북한은 아직 공식 입장을 내놓지 않았습니다.", "North Korea has issued an official statement.", Severity.WARNING),
        ("야당 대표는 \"뜻을 받아들인다\"며 사퇴하지 않겠다고 밝혔습니다.",
         "The opposition leader said he accepts the will of the people and would step down.", Severity.WARNING),
        ("그는 법정 구속은 되지 않았습니다.", "He was taken into custody in court.", Severity.WARNING),
        ("선수들은 끝까지 싸웠지만 운이 따르지 못했다.", "The players fought to the end and luck was on their side.", Severity.WARNING),
        # the contrast kept ("요청했지만 … 않았다" as "…, but he is ready to leave"): a note
        ("NBC는 그가 남아줄 것을 요청했지만 그는 이를 받아들이지 않았다.",
         "NBC wants to keep him, but he is ready to jump ship.", Severity.INFO),
        ("NBC는 그가 남아줄 것을 요청했지만 그는 이를 받아들이지 않았다.",
         "NBC wanted him to stay, and he took up the offer.", Severity.WARNING),
        # the speaker named between the quote and the report
        ("원전에서는 이상이 발견되지 않았다고 호쿠리쿠전력이 밝혔습니다.", "Abnormalities were found at the plant, the utility said.", Severity.WARNING),
        ("광부 수백명은 아직 빠져 나오지 못하고 있다고 통신이 보도했다.",
         "The bears have kept hundreds of geologists and miners from reaching the mine.", Severity.INFO),
        ('감독은 "선수들이 끝까지 포기하지 않았다"고 말했습니다.', '"The players gave up before the end," the manager said.', Severity.WARNING),
        # no one hurt: the statement is that nobody was
        ("승객 180명 가운데 다친 사람은 없었습니다.", "Several of the 180 passengers were hurt.", Severity.WARNING),
        ("승객 180명 가운데 다친 사람은 없었습니다.", "None of the 180 passengers were hurt.", None),
        ("사상자는 없는 것으로 알려졌다.", "There were reportedly casualties.", Severity.WARNING),
        ('재판부는 "피해 회복이 이뤄지지 않았다"고 지적했습니다.', '"The damage has been recovered," the court said.', Severity.WARNING),
        ("귀순 과정에서 총격은 없었습니다.", "Shots were fired during his defection.", Severity.WARNING),
        ("연기를 마신 승객들은 생명에는 지장이 없는 것으로 알려졌다.", "The passengers who inhaled smoke are reportedly in danger.", Severity.WARNING),
        # a word that may render the negation: a note
        ("북한은 아직 공식 입장을 내놓지 않았습니다.", "North Korea has yet to issue a statement.", Severity.INFO),
        ("일단 구입한 이후에는 돈이 들지 않게 됩니다.", "It is essentially free once you buy it.", Severity.INFO),
        ("톰 크루즈는 소년이었을 때 글을 잘 읽지 못했다.", "As a boy, Tom Cruise was a poor reader.", Severity.INFO),
        ("산불이 사흘째 꺼지지 않고 있습니다.", "The wildfire has been burning for a third day.", Severity.INFO),  # an ongoing state
        # a negation before the statement's verb, in a modifier, or of being (없다): a note
        ("이란이 입장을 보이지 않아 협상이 결렬됐다.", "Talks broke down when Iran scoffed at the call.", Severity.INFO),
        ("경찰은 검거되지 않은 조직원 10명을 쫓고 있다.", "Police are tracking ten members at large.", Severity.INFO),
        ("이 모의 실험은 한 치의 오차도 없어야만 한다.", "The simulations must be as precise as possible.", Severity.INFO),
    ],
)
def test_a_lost_negation_of_the_statement_is_a_warning(ko_text, en_text, severity):
    found = check_pair(ko_text, en_text, enabled=["negation"])
    assert [r.severity for r in found] == ([severity] if severity else [])


@pytest.mark.parametrize(
    ("text", "negative"),
    [
        ("The opposition leader conceded.", False),  # a party, not a stance
        ("The opposition parties walked out.", False),
        ("He voiced opposition to the plan.", True),
        ("Opposition grew.", True),
    ],
)
def test_the_opposition_is_no_negative_word(text, negative):
    assert bool(en.negative_words(text)) is negative


@pytest.mark.parametrize(
    ("en_text", "negated"),
    [
        ("You can't help but marvel at the view.", False),
        ("You cannot help but marvel at the view.", False),
        ("Thick glasses just won't cut it.", False),
        ("He didn't help them.", True),
        ("It cannot be done.", True),
    ],
)
def test_idioms_that_assert_are_not_negations(en_text, negated):
    from provenance.checks.lang import en

    assert bool([m for m in en.negations(en_text) if m.kind == "negation"]) is negated


def _alternatives(pattern):
    """The top-level alternatives of a compiled pattern, parsed (zero-width asserts kept)."""
    from re import _constants as sre, _parser

    items = [item for item in _parser.parse(pattern.pattern, pattern.flags).data if item[0] not in (sre.AT, sre.ASSERT)]
    (op, (_, branches)), *_ = items
    assert op is sre.BRANCH
    return branches


def _leading_literals(branch) -> str:
    """The literal text every match of `branch` starts with, past its lookarounds."""
    from re import _constants as sre

    out = ""
    for op, av in branch:
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            continue
        if op is not sre.LITERAL:
            break
        out += chr(av)
    return out


def _first_characters(branch) -> set[str]:
    """The characters a match of `branch` can begin with, past lookarounds and optional spaces."""
    from re import _constants as sre

    for op, av in branch:
        if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT) or (op is sre.MAX_REPEAT and av[0] == 0):
            continue
        if op is sre.LITERAL:
            return {chr(av)}
        if op is sre.IN and all(item_op is sre.LITERAL for item_op, _ in av):
            return {chr(item) for _, item in av}
        if op is sre.BRANCH:
            return set().union(*(_first_characters(b) for b in av[1]))
        if op is sre.SUBPATTERN:
            return _first_characters(av[3])
        raise AssertionError(f"cannot tell how {op} begins")
    raise AssertionError("an empty alternative")


def test_every_negative_word_begins_as_listed():
    """English negative words are only looked for in sentences with a word that begins
    like one of them (and behind a first-letter lookahead): a new word must be listed."""
    for branch in _alternatives(en._NEGATIVE_WORDS):
        assert _leading_literals(branch).lower().startswith(en._NEGATIVE_STARTS)


def test_every_korean_negation_begins_with_a_listed_syllable():
    for branch in _alternatives(ko._NEGATION):
        assert _first_characters(branch) <= set(ko.NEGATION_SYLLABLES)


def test_every_english_negation_begins_with_a_listed_character():
    """`_NEGATION` skips ahead to these characters: a new way of negating must begin with one."""
    for branch in _alternatives(en._NEGATION):
        assert {c.lower() for c in _first_characters(branch)} <= set(en._NEGATION_FIRST)


@pytest.mark.parametrize("module", [en, ko])
@pytest.mark.parametrize(
    "text",
    ["He did not go.", "It is no longer unclear.", "Nobody came, and none left without fear.", "They never refused.",
     "그곳에는 물이 없다.", "그는 불가능하다고 말하지 않았다.", "아무도 반대하지 못했다.", ""],
)
def test_negations_are_the_negated_and_the_negative_words(module, text):
    """The negation check reads the two kinds apart; together they are `negations`."""
    markers = module.negations(text)
    assert module.negated(text) == [m for m in markers if m.kind == "negation"]
    assert module.negative_words(text) == [m for m in markers if m.kind != "negation"]


@pytest.mark.parametrize(
    "text",
    ["He did not go.", "She won’t say.", "No one came, and none left.", "Nobody is unaware of it.", "They dismissed it.", "A NON-STARTER."],
)
def test_skipped_patterns_could_not_have_matched(monkeypatch, text):
    """A pattern the text's clues rule out finds nothing when run anyway."""
    found = (en.negations(text), en.affirmed_reports(text), en.denied_reports(text))
    en._clues.cache_clear()
    monkeypatch.setattr(en, "_finditer", lambda pattern, text, possible: pattern.finditer(text))
    assert (en.negations(text), en.affirmed_reports(text), en.denied_reports(text)) == found


def test_a_case_fold_lower_misses_still_counts():
    """"ſeldom" is "seldom" to a case-insensitive pattern though not to str.lower()."""
    assert [m.span.text for m in en.negations("They ſeldom agree.")] == ["ſeldom"]


def test_a_report_with_a_question_left_open_is_not_a_denied_report():
    """"He said …, but did not say where": news adds the open question to the report it keeps."""
    ko_text = "그는 회사가 내년에 새 공장을 열 것이라고 말했다."
    added = "He said the company would open a new plant next year, but he did not say where."
    assert not [r for r in check_pair(ko_text, added) if r.code == "drift.negation"]
    assert en.denied_reports(added) == []
    denied = "He did not say the company would open a new plant next year."
    assert [r.severity for r in check_pair(ko_text, denied) if r.code == "drift.negation"] == [Severity.ERROR]


def test_an_open_question_still_answers_one_in_the_original():
    """The Korean side keeps its 않: "몇 명인지 밝히지 않았다" may well come out as "did not give
    the number", and a negation left unanswered in the translation would be an error. The
    English "not" of an open question still answers it, as a negative word."""
    ko_text = "경찰은 부상자가 몇 명인지는 밝히지 않았다."
    assert ko.negated(ko_text)
    for english in ("Police did not say how many people were hurt.", "Police did not give the number of injured."):
        assert not [r for r in check_pair(ko_text, english) if r.code == "drift.negation"]


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        (ko, "정부는 집회를 허용했다.", [("allow", "허용")]),
        (ko, "정부는 집회를 금지했다.", [("ban", "금지")]),
        (ko, "그는 혐의를 인정했다.", [("admit", "인정했")]),
        (ko, "그는 혐의를 부인했다.", [("deny", "부인")]),
        (ko, "북한은 제안을 거부했다.", [("reject", "거부")]),
        (ko, "정치범 수용소에 갇혔다.", []),  # 수용소 = a camp
        (ko, "그는 실력을 인정받았다.", []),  # was recognised
        (en, "The government lifted the ban on rallies.", [("allow", "lifted the ban")]),
        (en, "The government banned the rally.", [("ban", "banned")]),
        (en, "He denied the charges.", [("deny", "denied")]),
        (en, "He refused to comment.", []),
        (en, "North Korea turned down the offer.", [("reject", "turned down")]),
        (ko, "노조는 이 안을 지지했고 야당은 반대했다.", [("support", "지지"), ("oppose", "반대")]),
        (ko, "주민 다수가 찬성했다.", [("support", "찬성")]),
        (ko, "회의 일정은 밝혀지지 않았다.", []),  # 지지 inside a word
        (ko, "협상은 지지부진하다.", []),  # sluggish
        (ko, "대통령 지지율이 떨어졌다.", []),  # a rating, not a stance
        (ko, "반대로 수출은 늘었다.", []),  # conversely
        (ko, "결과는 정반대였다.", []),  # the exact opposite
        (ko, "차가 반대 방향으로 달렸다.", []),
        (en, "The union backed the plan.", [("support", "backed")]),
        (en, "The mayor is in favour of the plan.", [("support", "in favour of")]),
        (en, "Lawmakers voted against the bill.", [("oppose", "voted against")]),
        (en, "Residents opposed the landfill.", [("oppose", "opposed")]),
        (en, "The army backed down.", []),
        (en, "The war against terror goes on.", []),
        (en, "The opposition party won.", []),
        (en, "The government refused to allow the rally.", [("ban", "refused to allow")]),
        (en, "He failed to admit it.", [("deny", "failed to admit")]),
        (ko, "두 정상은 관계 정상화에 합의했다.", [("accept", "합의")]),
        (ko, "2004년 합의에 대해 소원을 냈다.", []),  # the agreement, a noun: no stance taken
        (ko, "야당은 강하게 반발했다.", [("oppose", "반발")]),
        (ko, "저가 반발 매수가 들어왔다.", []),  # bargain hunting on a rebound
        (en, "The two leaders agreed to restore ties.", [("accept", "agreed")]),
    ],
)
def test_stances(module, text, expected):
    assert [(m.kind, text[m.span.start : m.span.end]) for m in module.stances(text)] == expected


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("정부는 집회를 허용했다.", "The government banned the rally.", True),
        ("그는 혐의를 인정했다.", "He denied the charges.", True),
        ("북한은 제안을 거부했다.", "North Korea accepted the offer.", True),
        ("정부는 집회를 금지했다.", "The government allowed the rally.", True),
        ("정부는 집회를 허용했다.", "The government lifted the ban on rallies.", False),
        ("그는 혐의를 부인했다.", "He denied the charges.", False),
        # a translator's negation of the opposite says the same: 금지 answers "did not allow"
        ("정부는 집회를 금지했다.", "The government did not allow the rally.", False),
        ("정부는 집회를 허용하지 않았다.", "The government banned the rally.", False),
        # but "did not ban" for 금지 is still the reversal it was
        ("정부는 집회를 금지했다.", "The government did not ban the rally.", True),
        ("북한은 조선중앙통신을 통해 이번 연습을 비난했다.", "North Korea praised the exercise through KCNA.", True),
        ("북한은 조선중앙통신을 통해 이번 연습을 비난했다.", "North Korea denounced the exercise through KCNA.", False),
        ("감독은 선수들의 투지를 칭찬했다.", "The manager criticized the players' fighting spirit.", True),
        ("경쟁 당국은 조건부로 합병을 승인했다.", "Competition authorities rejected the merger on conditions.", True),
        ("경쟁 당국은 조건부로 합병을 승인했다.", "Competition authorities approved the merger on conditions.", False),
        ("독감 백신이 미국 FDA의 품목 허가를 받았다.", "The flu vaccine has been rejected by the U.S. FDA.", True),
        ("독감 백신이 미국 FDA의 품목 허가를 받았다.", "The flu vaccine has won approval from the U.S. FDA.", False),
        ("한미일은 이번 발사를 강하게 규탄했다.", "South Korea, the U.S. and Japan strongly welcomed the launch.", True),
        # a quotation is a clause of its own: the negation after it turns no stance inside it
        ("야당 대표는 \"국민의 뜻을 받아들인다\"며 사퇴하지 않겠다고 밝혔다.",
         "The opposition leader said he \"rejects the will of the people\" but would not step down.", True),
        ("야당 대표는 \"국민의 뜻을 받아들인다\"며 사퇴하지 않겠다고 밝혔다.",
         "The opposition leader said he \"accepts the will of the people\" but would not step down.", False),
        # banning one thing and allowing another: nothing to pair
        ("정부는 집회를 금지하고 행진은 허용했다.", "The government allowed the rally but banned the march.", False),
        # a negation attached to a stance turns it: "did not allow" bans, "cannot ban" allows
        ("정부는 집회를 허용하지 않았다.", "The government did not ban the rally.", True),
        ("고용주는 지각을 허용할 수 없다.", "Employers cannot ban arriving late.", True),
        ("그는 그 글을 받아들이지 않겠다고 말했다.", "He said he could not reject the piece.", True),
        ("정부는 집회를 허용하지 않았다.", "The government did not allow the rally.", False),
        ("그는 혐의를 인정하지 않았다.", "He has not admitted the charges.", False),
        ("그는 혐의를 인정하지 않았다.", "He denied the charges.", False),
        # a refusal turns the stance it governs: "refused to allow" bans
        ("정부는 집회를 허용했다.", "The government refused to allow the rally.", True),
        ("정부는 집회를 허용하지 않았다.", "The government refused to allow the rally.", False),
        ("그는 혐의를 인정하지 않았다.", "He refused to admit the charges.", False),
        ("북한은 제안을 거부했다.", "North Korea declined to accept the offer.", False),
        ("노조는 이 안을 지지했다.", "The union refused to support the plan.", True),
        # support / oppose, and "did not support" opposes
        ("택시업계는 승객이 줄어들 것이라며 반대하고 있다.", "The taxi industry supports the plan.", True),
        ("매케인은 이 안을 지지한다고 밝혔다.", "McCain said he opposed the measure.", True),
        ("매케인은 이 안을 지지한다고 밝혔다.", "McCain said he backed the measure.", False),
        ("노조는 이 안을 지지하지 않았다.", "The union opposed the plan.", False),
        ("노조는 이 안을 지지하지 않았다.", "The union supported the plan.", True),
        ("두 정상은 관계 정상화에 합의했다.", "The two leaders refused to normalize relations.", True),
        ("두 정상은 관계 정상화에 합의했다.", "The two leaders agreed to normalize relations.", False),
        ("야당은 강하게 반발했다.", "The opposition strongly supported it.", True),
        ("야당은 강하게 반발했다.", "The opposition strongly protested.", False),
        ("김 전 시장 측은 판결에 불복해 항소하겠다고 밝혔다.", "Kim's side said it would accept the ruling.", True),
        ("김 전 시장 측은 판결에 불복해 항소하겠다고 밝혔다.", "Kim's side said it would appeal the ruling.", False),
        # a negation in another clause leaves the stance as it is: 허용 is not "banned"
        ("정부는 집회를 허용했지만 행진은 열리지 않았다.", "The government banned the rally, but the march did not take place.", True),
        ("정부는 집회를 허용했지만 행진은 열리지 않았다.", "The government allowed the rally, but the march did not take place.", False),
        # one in the stance's clause that turns none may turn one unseen ("nor" carries it)
        ("대변인은 그 보도를 확인하거나 부인하지 않았다.", "The spokesman has not confirmed nor denied the report.", False),
        # 받아줄 수 없지만 … 받아들이겠다: the original rejects one thing and accepts another
        ("편집장은 원고를 받아줄 수 없지만 수정된 원고는 받아들이겠다고 밝혔다.",
         "The editor said he could not accept the piece as written, but would look at another draft.", False),
    ],
)
def test_a_stance_turned_into_its_opposite_is_an_error(original, translation, flagged):
    found = [r for r in check_pair(original, translation) if r.code == "drift.negation"]
    assert bool(found) is flagged
    if flagged:
        assert found[0].severity is Severity.ERROR
