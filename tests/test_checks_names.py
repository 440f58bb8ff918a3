"""Names: phonetic skeletons, exonyms and the name check."""

from __future__ import annotations

import pytest

from provenance.checks import check_pair
from provenance.checks.lang import en
from provenance.checks.names import _Words
from provenance.checks.phonetic import skeleton, skeletons
from provenance.checks.side import Side
from provenance.romanize import romanize
from provenance.types import Severity

COUNTERPARTS = [
    ("블라디보스토크", "Vladivostok"),
    ("평양", "Pyongyang"),
    ("유엔", "U.N."),
    ("유엔", "UN"),
    ("김정은", "Kim Jong Un"),
    ("문재인", "Moon Jae-in"),
    ("트럼프", "Trump"),
    ("신의주", "Sinuiju"),
    ("단둥", "Dandong"),
    ("하바롭스크", "Khabarovsk"),
    ("로렌스 리버모어", "Lawrence Livermore"),
    ("창기라이", "Tsvangirai"),
    ("신화는", "Xinhua"),
    ("헤르마스", "Hermas"),
    ("미국인들은", "Americans"),
    ("IBM社가", "IBM"),
]


@pytest.mark.parametrize(("korean", "english"), COUNTERPARTS)
def test_name_has_counterpart(korean, english):
    words = _Words(Side(f"그는 {korean} 이야기를 했다.", "ko"))
    names = [n for n in en.names(f"He spoke of {english} at length.") if n.key]
    assert names and all(words.has_counterpart(n) for n in names)


@pytest.mark.parametrize(("korean", "english"), [("평양", "Seoul"), ("트럼프", "Obama"), ("블라디보스토크", "Khabarovsk")])
def test_other_name_has_no_counterpart(korean, english):
    words = _Words(Side(f"그는 {korean} 이야기를 했다.", "ko"))
    names = [n for n in en.names(f"He spoke of {english} at length.") if n.key]
    assert names and not any(words.has_counterpart(n) for n in names)


@pytest.mark.parametrize(
    ("latin", "hangul"),
    [("Vladivostok", "블라디보스토크"), ("Smith", "스미스"), ("Gordon", "고든"), ("Pyongyang", "평양"), ("McCain", "매케인")],
)
def test_skeletons_agree(latin, hangul):
    assert skeleton(romanize(hangul)) in skeletons(latin)


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Prime Minister Junichiro Koizumi met John McCain.", ["junichiro koizumi", "john mccain"]),
        ("They went to Seoul.", ["seoul"]),  # "They" is capitalised by position
        ("I've seen Tuesday's news.", []),
        ("Car Collides With Train In Tennessee", []),  # a headline
        ("The Car Collides, Train Derails", ["car collides", "train derails"]),  # its only small word starts it
        ("Car-With Train Derails", []),  # a small word after a hyphen is a word of its own
        ("It was a Mugabe-led government.", ["mugabe"]),
    ],
)
def test_english_name_keys(text, keys):
    assert [n.key for n in en.names(text) if n.key] == keys


def test_faithful_names_are_quiet():
    found = check_pair("김정은 위원장이 평양에서 트럼프 대통령을 만났다.", "Kim Jong Un met President Trump in Pyongyang.", enabled=["name"])
    assert found == []


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("유엔 안전보장이사회는 결의 2397호에서 이를 금지했다.", "In Resolution 2397, the UN Security Council banned it."),
        ("EU 집행위원회가 발표했다.", "The EU Commission announced it."),
    ],
)
def test_a_two_letter_acronym_inside_a_longer_name_is_its_counterpart(korean, english):
    assert check_pair(korean, english, enabled=["name"]) == []


def test_a_two_letter_token_is_not_found_inside_another_word():
    found = check_pair("그는 UNESCO 회의에 참석했다.", "He met the UN Security Council.", enabled=["name"])
    assert [r.tgt[0].text for r in found] == ["UN Security Council"]


def test_a_new_countrys_adjective_names_it_only_before_its_state():
    # "Nigerian pirates": people of a country, not the country itself, so no swap for 가나
    found = check_pair("선원들은 가나 인근 해상에서 해적에게 납치됐다.", "Nigerian pirates kidnapped the sailors off West Africa.",
                       enabled=["name"])
    assert [r for r in found if r.severity is not Severity.INFO] == []
    found = check_pair("선원들은 가나 인근 해상에서 납치됐다.", "The Nigerian government said the sailors were kidnapped.", enabled=["name"])
    assert [r.severity for r in found] == [Severity.ERROR]  # before its state, the adjective names the country


def test_swapped_name_names_both_sides_at_info_level():
    found = check_pair(
        "프랑크푸르트에서 열린 회의에 참석했다.", "He attended the meeting in Copenhagen.", enabled=["name"]
    )  # neither city in the exonym table: a sounded-out guess, so a note
    assert [(r.severity, r.tgt[0].text, r.src[0].text) for r in found] == [(Severity.INFO, "Copenhagen", "프랑크푸르트")]
    assert "프랑크푸르트" in found[0].message


@pytest.mark.parametrize(
    ("korean", "english", "original", "translated", "severity"),
    [
        # a country, city or leader of the exonym table: both sides known, an error
        ("윤석열 대통령은 일본을 방문했다.", "President Yoon Suk Yeol visited China.", "일본", "China", Severity.ERROR),
        ("김정은 국무위원장이 평양을 방문했다.", "Kim Jong Un visited Seoul.", "평양", "Seoul", Severity.ERROR),
        ("김정은 국무위원장이 평양을 방문했다.", "Kim Il Sung visited Pyongyang.", "김정은", "Kim Il Sung", Severity.ERROR),
        ("중국인들은 반발했다.", "Japan objected.", "중국", "Japan", Severity.ERROR),
        ("중국으로의 수출이 줄었다.", "Exports to Japan fell.", "중국", "Japan", Severity.ERROR),  # 으로의: two particles
        ("외교부는 성명을 냈다.", "The Unification Ministry issued a statement.", "외교부", "Unification Ministry", Severity.ERROR),
        ("산업통상자원부는 1일 밝혔다.", "The Ministry of Finance said on the 1st.", "산업통상자원부", "Ministry of Finance", Severity.ERROR),
        ("평안남도 일대에서 발사했다.", "It was fired from North Pyongan Province.", "평안남도", "North Pyongan", Severity.ERROR),
        ("과학기술정보통신부는 27일 밝혔다.", "The Ministry of Education said on the 27th.", "과학기술정보통신부", "Ministry of Education", Severity.ERROR),
        ("수도권 전철은 75%만 운행한다.", "Subway trains in Busan will run at 75 percent.", "수도권", "Busan", Severity.ERROR),
        ("미국 로스앤젤레스로 향하던 여객기", "A plane bound for New York", "로스앤젤레스", "New York", Severity.ERROR),  # the country dropped
        ("인천지법은 17일 그에게 징역 15년을 선고했다.", "The Seoul court sentenced him to 15 years on the 17th.", "인천", "Seoul", Severity.ERROR),
        ("선원들은 가나 인근 해상에서 납치됐다.", "The sailors were kidnapped in waters near Nigeria.", "가나", "Nigeria", Severity.ERROR),
        ("민원 업무는 상하이 총영사관에서 처리한다.", "The Consulate General in Guangzhou will handle them.", "상하이", "Guangzhou", Severity.ERROR),
        ("중국발 미세먼지가 유입됐다.", "Dust blew in from Japan.", "중국", "Japan", Severity.ERROR),  # 중국발: from China
        ("브뤼셀에서 열린 회의에 참석했다.", "He attended the meeting in Berlin.", "브뤼셀", "Berlin", Severity.ERROR),
        ("동해상으로 발사했다.", "It was fired into the Yellow Sea.", "동해", "Yellow Sea", Severity.ERROR),
        ("북한은 남측에 통지문을 보냈다.", "North Korea sent a notice to China.", "남측", "China", Severity.ERROR),
        ("일본 정부도 회의를 열었다.", "The South Korean government also met.", "일본", "South Korean", Severity.ERROR),
        ("부산 사하구의 공장에서 불이 났다.", "A fire broke out at a plant in Saha District, Incheon.", "부산", "Incheon", Severity.ERROR),
        ("경찰은 방화로 보고 있다.", "Prosecutors suspect arson.", "경찰", "Prosecutors", Severity.ERROR),
        ("검찰의 구형량인 징역 7년보다 낮다.", "It is less than the seven years sought by his lawyers.", "검찰", "lawyers", Severity.ERROR),
        ("기시다 후미오 일본 총리는 도쿄에서 말했다.", "Prime Minister Shinzo Abe said in Tokyo.", "기시다", "Abe", Severity.ERROR),
        ("야당은 강하게 반발했다.", "The ruling party strongly protested.", "야당", "ruling party", Severity.ERROR),
        # a titled person spelled as nobody of the original: a warning
        ("오세훈 서울시장은 말했다.", "Seoul Mayor Park Won-soon said.", "오세훈", "Park Won-soon", Severity.WARNING),
        ("이재명 대표는 반발했다.", "Party leader Han Dong-hoon protested.", "이재명", "Han Dong-hoon", Severity.WARNING),
        ("김민지 기자가 보도했다.", "Reporter Kim Min-jung reported.", "김민지", "Kim Min-jung", Severity.WARNING),
        ("대표 사절인 전영수씨는 말했다.", "The chief envoy Chun Yung-woo said.", "전영수", "Chun Yung-woo", Severity.WARNING),
        ("여당 박민수 후보가 이겼다.", "Ruling party candidate Kim Min-su won.", "박민수", "Kim Min-su", Severity.WARNING),  # another family
        ("이창용 총재는 말했다.", "Governor Lee Ju-yeol said.", "이창용", "Lee Ju-yeol", Severity.WARNING),
        # 국내 ("home") is Korea, which the translation names: no second country to confuse
        ("총책은 캄보디아에서 체포돼 국내로 송환됐다.", "The leader was arrested in Vietnam and returned to South Korea.",
         "캄보디아", "Vietnam", Severity.ERROR),
    ],
)
def test_a_name_put_in_anothers_place_is_reported_with_both(korean, english, original, translated, severity):
    (found,) = check_pair(korean, english, enabled=["name"])
    assert found.severity is severity
    assert (found.src[0].text, found.tgt[0].text) == (original, translated)
    assert english[found.tgt[0].start : found.tgt[0].end] == translated


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("오세훈 서울시장은 말했다.", "Seoul Mayor Oh Se-hoon said."),
        ("이재명 대표는 반발했다.", "Party leader Lee Jae-myung protested."),
        ("김정은 국무위원장이 말했다.", "Kim Jong Un said."),
        # 라이스 is Rice, and 박의춘 spells Pak Ui Chun though 외무상 is no title the list knows
        ("라이스 국무장관은 박의춘 북한 외무상을 만났다.", "Rice met North Korean Foreign Minister Pak Ui Chun."),
        ("정부 대변인은 말했다.", "Government spokesman Kim Eun-hye said."),  # 정부 is no person
        ("여당 박민수 후보가 이겼다.", "Ruling party candidate Pak Min-su won."),  # Pak spells 박
    ],
)
def test_no_person_swap_where_every_titled_person_is_spelled(korean, english):
    assert not [r for r in check_pair(korean, english, enabled=["name"]) if r.severity.rank >= Severity.WARNING.rank]


@pytest.mark.parametrize(
    ("korean", "english"),
    [
        ("윤석열 대통령은 일본을 방문했다.", "President Yoon Suk Yeol visited Tokyo."),  # the capital for the country
        ("미국과 중국이 합의했다.", "Washington and Beijing agreed."),
        ("인도주의 지원을 일본이 약속했다.", "Japan pledged humanitarian aid."),  # 인도주의 names no India
        ("미국 정부는 성명을 냈다.", "LONDON, England (CNN) The government issued a statement."),  # a dateline
        ("북한은 회담을 거부했다.", "Talks on inter-Korean ties failed."),
        ("스위스에서 회의가 열렸다.", "The meeting was about the Beijing Games."),  # an event, not the city
        ("베이징에 도착했다.", "She arrived from Sweden."),  # a city left out, a country added: two edits
        # an adjective names a language or people anywhere: 중국 left implicit by its city
        ("중국 단둥의 소식통은 RFA에 말했다.", "A source in Dandong told RFA's Korean Service."),
        # a ministry under any of its English names
        ("산업통상자원부는 1일 밝혔다.", "The Ministry of Trade, Industry and Energy said on the 1st."),
        ("산업부는 1일 밝혔다.", "The trade ministry said on the 1st."),
        ("기재부 장관이 말했다.", "Finance Minister Choi Sang-mok said."),
        ("국방부는 성명을 냈다.", "The Pentagon issued a statement."),
        ("몬테네그로의 외교부는 반발했다.", "Montenegro's foreign ministry protested."),
        ("충남 지역에 비가 내렸다.", "Rain fell in South Chungcheong Province."),
        ("경찰은 방화로 보고 있다.", "Investigators suspect arson."),
        ("검찰 수사관들이 압수수색했다.", "Prosecution investigators raided the office."),  # investigators are anyone's
        ("윤석열 대통령은 말했다.", "President Yoon said."),  # a surname answers for its leader
        ("여당은 법안을 처리했다.", "The governing party passed the bill."),
        ("세계대전 당시 파괴됐다.", "It was destroyed in the war in Daejeon."),  # 세계대전 is no 대전
        ("동해상으로 발사했다.", "It was fired into the Sea of Japan."),
        ("북한은 남측에 통지문을 보냈다.", "The North sent a notice to the South."),  # inter-Korean news
        ("평안남도 일대에서 동해상으로 발사했다.", "It was fired into the East Sea from the South Pyongan Province area."),
        ("일본 정부는 한국어 교육을 지원한다.", "The Japanese government supports Korean lessons."),  # an adjective, no state
    ],
)
def test_no_swap_where_the_translation_names_the_same_or_nothing_of_its_kind(korean, english):
    assert not [r for r in check_pair(korean, english, enabled=["name"]) if r.severity is Severity.ERROR]


def test_unmatched_name_alone_is_info():
    found = check_pair("그는 회의에 참석했다.", "He attended the meeting in Frankfurt.", enabled=["name"])
    assert [r.severity for r in found] == [Severity.INFO]


@pytest.mark.parametrize(
    ("token", "text", "found"),
    [
        ("kim", "kim said", True),  # at the start
        ("kim", "mr. kim said", True),  # after a space
        ("kim", "(kim) said", True),  # after punctuation
        ("kim", "hakim said", False),  # inside a word
        ("kim", "akim, then kim", True),  # a later occurrence counts
        ("kim", "", False),
    ],
)
def test_token_starts_a_word(token, text, found):
    from provenance.checks.names import _starts_a_word

    assert _starts_a_word(token, text) is found


def _skeleton_step_by_step(latin: str, silent_r: bool) -> str:
    """The skeleton as first written, every step on every word: what the fast path must equal."""
    import re

    from provenance.checks import phonetic

    word = re.sub(r"[^a-z]", "", latin.lower())
    word = re.sub(r"^x(?=[iu])", "s", word)
    word = re.sub(r"^ts", "j", word)
    if silent_r:
        word = re.sub(r"(?<=[aeiou])r(?=[^aeiouy]|e?$)", "", word)
    word = re.sub(r"c(?=[eiy])", "s", word)
    word = re.sub(r"ng(?![aeiou])", "n", word)
    for digraph, sound in phonetic._DIGRAPHS:
        word = word.replace(digraph, sound)
    word = re.sub(r"[aeiouwyh]", "", word.translate(phonetic._FOLD))
    return re.sub(r"(.)\1+", r"\1", word)


@pytest.mark.parametrize(
    "word",
    ["Xinhua", "Tsvangirai", "Livermore", "Hermas", "McCain", "O'Neill", "Schröder", "Khabarovsk", "ssangyong",
     "jjigae", "Thatcher", "Quixote", "ckh", "TSCHAIKOVSKY", "Cyrus", "Ng", "", "1984", romanize("블라디보스토크")],
)
def test_skeleton_skips_only_steps_that_cannot_apply(word):
    for silent_r in (True, False):
        assert skeleton(word, silent_r=silent_r) == _skeleton_step_by_step(word, silent_r)


def test_romanize_by_table_is_syllable_by_syllable():
    from provenance.romanize import syllable

    text = "김정은 met IBM社 3번, 똠얌꿍!"
    assert romanize(text) == "".join(syllable(char) for char in text)
    assert romanize("김지은", sep="-") == "gim-ji-eun"


def test_the_first_listed_particle_is_stripped():
    from provenance.checks.lang import ko

    def first_listed(word: str) -> str:
        for particle in ko.PARTICLES:
            if word.endswith(particle) and len(word) - len(particle) >= 2:
                return word[: -len(particle)]
        return word

    words = [stem + particle + more for stem in ("서울", "미", "블라디보") for particle in ko.PARTICLES for more in ("", "는", "의")]
    assert [ko._strip_particle(w) for w in words] == [first_listed(w) for w in words]


@pytest.mark.parametrize("key", ["pltpstk", "pltp", "stk", "pltpsk", "kmjn", "sl", "", "ltpstkpl"])
def test_sounds_like_any_word_as_word_by_word(key):
    from rapidfuzz import fuzz

    words = _Words(Side("그는 블라디보스토크와 서울, 김정은을 이야기했다.", "ko"))

    def word_by_word(key: str) -> bool:
        return bool(key) and any(
            word_key == key
            or (len(key) >= 3 and word_key.startswith(key))
            or (len(key) >= 4 and key in word_key)
            or (len(key) >= 3 and fuzz.ratio(key, word_key) >= 80)
            for _, word_key in words.skeletons
        )

    assert words._sounds_like(key) == word_by_word(key)


@pytest.mark.parametrize(
    ("original", "translation", "partner"),
    [
        ("그는 스트라우스를 만났다.", "He met Mendelssohn.", "스트라우스"),  # one name missing, one left over: a swap
        ("그는 스트라우스를 만났다.", "He met Mendelssohn and Kowalski.", None),  # two missing: no telling which
        ("그는 스트라우스와 슈베르트를 만났다.", "He met Mendelssohn.", None),  # two left over
        ("그는 스미스를 만났다.", "He met Jones.", None),  # too short to call a swap
    ],
)
def test_a_swap_names_the_one_word_left_over(original, translation, partner):
    found = [r for r in check_pair(original, translation) if r.code == "drift.name"]
    assert found and all(r.severity is Severity.INFO for r in found)
    assert [s.text for r in found for s in r.src] == ([partner] if partner else [])


def test_orphans_stop_at_the_limit_in_order():
    words = _Words(Side("그는 스트라우스와 슈베르트, 스미스를 만났다.", "ko"))
    other = Side("He met nobody.", "en")
    everyone = words.orphans(other)
    assert len(everyone) >= 2 and words.orphans(other, limit=2) == everyone[:2]


@pytest.mark.parametrize("text", ["그는 블라디보스토크와 서울, 김정은을 이야기했다.", "IBM社가 U.S.와 A&T-Co를 샀다", "", "a b 가"])
def test_word_keys_are_the_names_without_spans(text):
    from provenance.checks.lang import ko

    assert ko.word_keys(text) == [(n.text, n.key) for n in ko.names(text)]
