"""Direction-of-change markers and the direction check (a figure up on one side, down on the
other; a balance in the black on one side, in the red on the other)."""

from __future__ import annotations

import pytest

from provenance.checks import check_pair
from provenance.checks.lang import en, ko
from provenance.types import Severity


def moves(module, text):
    return [(m.kind, text[m.span.start : m.span.end]) for m in module.changes(text)]


MARKERS = [
    (ko, "수출이 지난해보다 5% 늘었다.", [("up", "늘었")]),
    (ko, "사망자가 49명으로 증가했다.", [("up", "증가")]),
    (ko, "유가가 2.16달러 오른 131.04달러에 거래됐다.", [("up", "오른")]),
    (ko, "금리를 0.25%포인트 인하했다.", [("down", "인하했")]),
    (ko, "지하수 수위가 매년 1미터씩 내려가고 있다.", [("down", "내려가")]),
    (ko, "성적이 떨어졌다.", [("down", "떨어졌")]),
    (ko, "수출은 줄었지만 수입은 늘었다.", [("down", "줄었"), ("up", "늘었")]),
    (ko, "늘 그렇듯 조용했다.", []),  # 늘 = always
    (ko, "오른쪽으로 돌았다.", []),  # 오른쪽 = the right side
    (ko, "인상적인 장면이었다.", []),  # 인상적 = striking
    (ko, "금리 인하 시점이 밀릴 수 있다.", [("down", "인하")]),  # a rate cut, the noun
    (ko, "요금 인상이 예정돼 있다.", [("up", "인상")]),
    (ko, "인하대학교에서 열렸다.", []),  # a university
    (ko, "줄이 길었다.", []),  # 줄 = a queue
    (ko, "브라운스빌에서 약 266km 떨어진 지점", []),  # 266 km away
    (ko, "가족과 떨어져 살았다.", []),  # lived apart
    (ko, "바퀴는 위로 올라갔다.", []),  # moved upwards: no figure
    (ko, "그는 세계 3위로 올라섰다.", [("up", "올라")]),  # a rank rose
    (ko, "투표율은 4년 전보다 6.3%포인트 낮았다.", [("down", "낮았")]),  # lower than before: a move
    (ko, "수출은 지난해보다 3% 많았다.", [("up", "많았")]),
    (ko, "관심이 높았다.", []),  # high, compared with nothing
    (ko, "기준금리를 연 3.5%에서 3.25%로 0.25%포인트 내렸다.", [("down", "내렸")]),
    (ko, "정부는 전기 요금을 올렸다.", [("up", "올렸")]),
    (ko, "밤새 비가 내렸다.", []),  # rain fell: nothing set lower
    (ko, "정부는 대피 명령을 내렸다.", []),  # an order given
    (en, "Exports rose 5 percent.", [("up", "rose")]),
    (en, "The Dow is up 40 points.", [("up", "up")]),
    (en, "Stockpiles dropped by 2.9 million barrels.", [("down", "dropped")]),
    (en, "Profits were down 5 percent.", [("down", "down")]),
    (en, "Rates were cut by 0.25 points.", [("down", "cut")]),
    (en, "He rose to power in 2011.", []),
    (en, "He grew up in Seoul.", []),
    (en, "Farmers grow rice there.", []),
    (en, "He fell ill.", []),
    (en, "He declined to comment.", []),  # refused
    (en, "He dropped by the office.", []),
    (en, "The school opens this fall.", []),  # autumn
    (en, "The lower house passed the bill.", []),
    (en, "A fault on the lower end of the scale.", []),
    (en, "It raised concerns.", []),
    (en, "She ended up in Seoul.", []),
    (en, "Cases have doubled since last month.", [("up", "doubled")]),
]


@pytest.mark.parametrize(("module", "text", "expected"), MARKERS)
def test_markers(module, text, expected):
    assert moves(module, text) == expected


@pytest.mark.parametrize(
    ("original", "translation", "flagged"),
    [
        ("수출이 지난해보다 5% 줄었다.", "Exports rose 5 percent from a year earlier.", True),
        ("수출이 지난해보다 5% 줄었다.", "Exports fell 5 percent from a year earlier.", False),
        ("쌀값이 20% 올랐다.", "The price of rice fell 20 percent.", True),
        ("실업률이 하락했다.", "The unemployment rate increased.", True),
        ("다우지수는 40포인트 상승했습니다.", "And the Dow is down 40 points.", True),
        ("다우지수는 40포인트 상승했습니다.", "And the Dow is up 40 points.", False),
        # both ways in one sentence: counting cannot pair the movements
        ("수출은 줄었지만 수입은 늘었다.", "Exports rose but imports fell.", False),
        # a negated move: "did not fall" is near enough to "held up"
        ("수출은 줄지 않았다.", "Exports rose.", False),
        ("수출이 늘었다.", "Exports did not fall.", False),
        # a negation elsewhere does not turn the move
        ("공급이 증가하는 수요를 따라잡을 수 없다.", "Supplies cannot keep up with falling demand.", True),
        ("수출이 줄었지만 수입은 변하지 않았다.", "Exports rose, while imports did not change.", True),
        # nothing said to move on one side
        ("수출이 5% 늘었다.", "Exports stood at $5 billion.", False),
        # 올렸다 raises, but 수익을 올렸다 earns and 사진을 올렸다 posts
        ("정부는 폭염 위기경보 수준을 '경계'에서 '심각'으로 올렸습니다.", "The government lowered the heat wave alert.", True),
        ("정부는 폭염 위기경보 수준을 '경계'에서 '심각'으로 올렸습니다.", "The government raised the heat wave alert.", False),
        ("이 영화는 개봉 첫 주 1억 달러의 수익을 올렸다.", "The film's takings fell to $100 million.", False),
        ("오름폭은 전주보다 0.03%포인트 줄었습니다.", "The increase widened by 0.03 percentage point.", True),
        ("오름폭은 전주보다 0.03%포인트 줄었습니다.", "The increase narrowed by 0.03 percentage point.", False),
        ("그는 선거에서 득표 차이를 줄였다.", "He won by a narrow margin.", False),  # a narrow margin moves nothing
        ("부정 평가는 63%로 4%포인트 내렸습니다.", "The disapproval rating rose 4 percentage points to 63 percent.", True),
        ("부정 평가는 63%로 4%포인트 내렸습니다.", "The disapproval rating fell 4 percentage points to 63 percent.", False),
        ("야외 훈련은 48건으로 두 배 이상 늘었다.", "Field exercises more than halved to 48.", True),
        ("많이 걷는 사람은 적게 걷는 사람보다 사망 위험이 47% 낮다.", "Those who walk more have a 47 percent higher risk of death.", True),
        ("많이 걷는 사람은 적게 걷는 사람보다 사망 위험이 47% 낮다.", "Those who walk more have a 47 percent lower risk of death.", False),
        ("소득대체율은 41.5%에서 43%로 높아집니다.", "The replacement rate will fall from 41.5 percent to 43 percent.", True),
        ("영화제 측은 관객이 10% 이상 늘 것으로 기대한다.", "The festival expects attendance to fall by over 10 percent.", True),
        ("NBC는 리노가 남아줄 것을 요청했다.", "NBC asked Leno to stay, his ratings jumping.", False),  # 남아줄 것: no fall
        ("물가 상승률은 전달보다 0.2%포인트 낮아졌다.", "Inflation was up 0.2 percentage point from the month before.", True),  # 상승률: a rate
        ("대형 병원들은 응급실 운영 시간을 단축했다.", "Major hospitals lengthened the hours of their emergency rooms.", True),
        ("정부는 운영 기간을 연장했다.", "The government extended the period.", False),
        ("새 철조망은 기존 철조망보다 1m 더 높습니다.", "The new fence is 1 meter lower than the old one.", True),
        ("당국은 경비대 병력을 2천 명가량 늘렸다.", "The authorities withdrew about 2,000 border guards.", True),
        # a comparison: 구형량보다 낮은 형 is a lighter sentence, not a heavier one
        ("재판부는 구형량인 징역 7년보다는 낮은 형을 선고했다.", "The court gave a heavier sentence than the seven years sought.", True),
        ("재판부는 구형량인 징역 7년보다는 낮은 형을 선고했다.", "The court gave a lighter sentence than the seven years sought.", False),
        ("올해 관광객은 지난해보다 많은 수준이다.", "Tourist numbers fell this year.", True),
        # an exchange rate in won rises as the won falls; the dollar in won rises with it
        ("원·달러 환율은 4.7원 오른 1,450.3원에 마감했다.", "The Korean won closed at 1,450.3 per dollar, down 4.7 won.", False),
        ("원·달러 환율은 4.7원 오른 1,450.3원에 마감했다.", "The dollar closed at 1,450.3 won, down 4.7 won.", True),
        # a rise and a rate cut: two ways, nothing to compare
        ("가계부채 증가세가 잡히지 않으면 금리 인하가 늦어질 수 있다.", "Unless debt growth is reined in, a rate cut could be delayed.", False),
    ],
)
def test_a_figure_going_the_other_way_is_an_error(original, translation, flagged):
    found = [r for r in check_pair(original, translation) if r.code == "drift.direction"]
    assert bool(found) is flagged
    if flagged:
        assert found[0].severity is Severity.ERROR and found[0].src and found[0].tgt
        assert "went" in found[0].message


def test_the_check_can_be_left_out():
    assert not check_pair("수출이 5% 줄었다.", "Exports rose 5 percent.", enabled=["number", "negation"])


BALANCES = [
    (ko, "무역수지는 51억 달러 흑자를 냈다.", [("black", "흑자")]),
    (ko, "3분기 영업손실은 2천억 원이었다.", [("red", "영업손실")]),
    (ko, "순이익이 늘었다.", [("black", "순이익")]),
    (ko, "적자에서 흑자로 돌아섰다.", [("red", "적자"), ("black", "흑자")]),
    (ko, "국익을 위한 결정이다.", []),  # an interest, no balance
    (ko, "적자생존의 법칙", []),  # survival of the fittest
    (en, "It posted a trade surplus of $5.1 billion.", [("black", "surplus")]),
    (en, "The company swung to a loss.", [("red", "swung to a loss")]),
    (en, "Operating profit rose.", [("black", "Operating profit")]),
    (en, "The budget is in the red.", [("red", "in the red")]),
    (en, "The loss of life was heavy.", []),
    (en, "They put profits before safety.", []),
]


@pytest.mark.parametrize(("module", "text", "expected"), BALANCES)
def test_balance_markers(module, text, expected):
    assert [(m.kind, text[m.span.start : m.span.end]) for m in module.balances(text)] == expected


@pytest.mark.parametrize(
    ("original", "translation", "flagged", "says"),
    [
        # a balance with its sign turned
        ("무역수지는 51억 달러 흑자를 냈다.", "It posted a trade deficit of $5.1 billion.", True, "black"),
        ("무역수지는 51억 달러 흑자를 냈다.", "It posted a trade surplus of $5.1 billion.", False, None),
        ("영업손실이 2천억 원에 달했다.", "Operating profit reached 200 billion won.", True, "black"),
        ("영업손실이 2천억 원에 달했다.", "The operating loss reached 200 billion won.", False, None),
        ("적자에서 흑자로 돌아섰다.", "It swung to a surplus.", False, None),  # both on one side: not compared
        ("흑자를 내지 못했다.", "It ran a deficit.", False, None),  # a negation in the bead: not compared
        ("무역수지는 흑자를 냈다.", "Exports rose.", False, None),  # no balance in the translation
        # a measure, a range, a verdict, a superlative or a sex turned around
        ("군은 감시와 경계를 강화하고 있다.", "The military is easing surveillance.", True, None),
        ("군은 감시와 경계를 강화하고 있다.", "The military is stepping up surveillance.", False, None),
        ("정부는 규제를 완화했다.", "The government tightened the rules.", True, None),
        ("정부는 규제를 완화했다.", "The government relaxed the rules.", False, None),
        ("규제를 완화하고 지원을 강화했다.", "It eased the rules.", False, None),  # both ways in the original
        ("강화도에서 열렸다.", "It was held on an island, with ease.", False, None),  # the island; "with ease"
        ("수출 규제를 해제하기로 했다.", "It decided to tighten export restrictions.", True, None),
        ("수출 규제를 해제하기로 했다.", "It decided to lift export restrictions.", False, None),
        ("반군의 무장 해제를 강화했다.", "It stepped up the rebels' disarmament.", False, None),  # 무장 해제 is disarming
        ("단거리 탄도미사일 2발을 발사했다.", "It fired two long-range ballistic missiles.", True, None),
        ("단거리 탄도미사일 2발을 발사했다.", "It fired two short-range ballistic missiles.", False, None),
        ("대륙간탄도미사일을 발사했다.", "It fired an intermediate-range missile.", True, None),
        ("대륙간탄도미사일을 발사했다.", "It fired an ICBM.", False, None),
        ("법원은 김 전 시장에게 징역 5년을 선고했다.", "The court acquitted former mayor Kim.", True, None),
        ("법원은 김 전 시장에게 징역 5년을 선고했다.", "The court sentenced former mayor Kim to five years in prison.", False, None),
        ("법원은 그에게 무죄를 선고했다.", "The court convicted him.", True, None),
        ("법원은 그에게 무죄를 선고했다.", "The court found him not guilty.", False, None),
        ("7~12세 어린이 환자가 가장 많았다.", "Children aged 7 to 12 had the lowest rate.", True, None),
        ("7~12세 어린이 환자가 가장 많았다.", "Children aged 7 to 12 had the highest rate.", False, None),
        ("서울은 올여름 들어 가장 더웠다.", "It was the coolest day of the summer in Seoul.", True, None),
        ("서울은 올여름 들어 가장 더웠다.", "It was the hottest day of the summer in Seoul.", False, None),
        ("예산 증가율은 2005년 이후 두 번째로 낮은 수준이다.", "The growth rate is the second highest since 2005.", True, None),
        ("최소 4명이 숨지고 최대 30명이 실종됐다.", "At least four died and up to 30 are missing.", False, None),  # bounds, not superlatives
        ("총책인 40대 남성은 체포됐다.", "The leader, a woman in her 40s, was arrested.", True, None),
        ("총책인 40대 남성은 체포됐다.", "The leader, a man in his 40s, was arrested.", False, None),
        ("남성복 매장에서 여성이 다쳤다.", "A woman was hurt in a menswear shop.", False, None),  # 남성복 is menswear
        # a condition, a majority or a venue turned around
        ("부상자 2명은 위독한 상태입니다.", "Two of the injured are in stable condition.", True, None),
        ("부상자 2명은 위독한 상태입니다.", "Two of the injured are in critical condition.", False, None),
        ("환자 수는 안정세를 보이고 있다.", "Case numbers remain unstable.", True, None),
        ("환자 수는 안정세를 보이고 있다.", "Case numbers remain stable.", False, None),
        ("여당은 과반을 유지하게 됐다.", "The ruling party lost its majority.", True, None),
        ("여당은 과반을 유지하게 됐다.", "The ruling party kept its majority.", False, None),
        ("여당은 과반 의석을 잃었다.", "The ruling party retained a slim majority.", True, None),
        ("토트넘은 22일 맨체스터 시티와 원정 경기를 치른다.", "Tottenham host Manchester City on the 22nd.", True, None),
        ("토트넘은 22일 맨체스터 시티와 원정 경기를 치른다.", "Tottenham visit Manchester City on the 22nd.", False, None),
        ("미사일은 일본 배타적경제수역(EEZ) 밖에 떨어졌다.", "The missile landed inside Japan's exclusive economic zone.", True, None),
        ("미사일은 일본 배타적경제수역(EEZ) 밖에 떨어졌다.", "The missile landed outside Japan's exclusive economic zone.", False, None),
        ("기한 내에 신청해야 한다.", "Applications must be made outside the deadline.", True, None),
        ("국내에서 팔린 차량이 외부로 반출됐다.", "Cars sold at home were taken outside.", False, None),  # 국내 is no "inside"
        ("그는 10달러밖에 없었다.", "He had $10 inside his wallet.", False, None),  # 밖에 없다: "only", and a negation
        ("스마트폰 사업은 판매 부진으로 영업이익이 20% 줄었다.", "Smartphone profit fell 20 percent despite strong sales.", True, None),
        ("스마트폰 사업은 판매 부진으로 영업이익이 20% 줄었다.", "Smartphone profit fell 20 percent on weak sales.", False, None),
        ("회사는 메모리 수요가 견조할 것으로 내다봤다.", "The company expects memory demand to weaken.", True, None),
        ("회사는 메모리 수요가 견조할 것으로 내다봤다.", "The company expects memory demand to remain solid.", False, None),
        ("우주항공청은 위성과의 첫 교신에 성공했다고 밝혔다.", "The agency said it had failed to make first contact.", True, None),
        ("우주항공청은 위성과의 첫 교신에 성공했다고 밝혔다.", "The agency said it had made first contact successfully.", False, None),
        ("우주항공청은 첫 교신에 성공하지 못했다.", "The agency failed to make first contact.", False, None),  # negated: not compared
        ("정부는 일자리 지원을 강화하겠다고 밝혔다.", "The government said it would scale back job support.", True, None),
        ("정부는 일자리 지원을 강화하겠다고 밝혔다.", "The government said it would step up job support.", False, None),
        ("캘리포니아주 남부에서 산불이 났다.", "A wildfire broke out in Northern California.", True, None),
        ("캘리포니아주 남부에서 산불이 났다.", "A wildfire broke out in Southern California.", False, None),
        ("나폴리 서부 해변에서 사고가 났다.", "It happened at a beach west of Naples, southern Italy.", False, None),  # two parts named
        ("남북 정상이 만났다.", "The leaders of North and South Korea met.", False, None),  # countries, not parts
        ("일본 상공에서 왼쪽 엔진에 이상 신호가 감지됐다.", "A warning was detected in its right engine over Japan.", True, None),
        ("일본 상공에서 왼쪽 엔진에 이상 신호가 감지됐다.", "A warning was detected in its left engine over Japan.", False, None),
        ("여객기는 오른쪽으로 기울었다.", "The plane left Incheon and tilted.", False, None),  # "left" the verb is no side
        ("경찰은 해킹 배후에 해외 조직이 있는지 수사하고 있다.", "Police are investigating whether a domestic group was behind it.", True, None),
        ("경찰은 해킹 배후에 해외 조직이 있는지 수사하고 있다.", "Police are investigating whether an overseas group was behind it.", False, None),
        ("서아프리카 기니만 해역에서 납치됐다.", "They were kidnapped in the Gulf of Guinea off East Africa.", True, None),
        ("발사체를 남쪽 방향으로 발사했다.", "It launched the rocket northward.", True, None),
        ("두 사람의 건강 상태가 양호하다.", "The two are in critical condition.", True, None),
        ("유벤투스는 홈에서 인터 밀란과 첫 경기를 치른다.", "Juventus play their first game away against Inter Milan.", True, None),
        ("회사는 내년 가을부터 백신을 공급한다.", "The company will supply the vaccine from next spring.", True, None),
        ("회사는 내년 가을부터 백신을 공급한다.", "The company will supply the vaccine from next fall.", False, None),
        ("봄철 물가가 올랐다.", "Prices rose this spring, and the fall in exports slowed.", False, None),  # "the fall in": no season
        ("승객 27명이 가벼운 부상을 입었다.", "Twenty-seven passengers suffered serious injuries.", True, None),
        ("승객 27명이 가벼운 부상을 입었다.", "Twenty-seven passengers suffered minor injuries.", False, None),
        ("북한 병사 1명이 15일 오전 중부전선을 넘어 귀순했다.", "A soldier defected on the evening of the 15th.", True, None),
        ("북한 병사 1명이 15일 오전 중부전선을 넘어 귀순했다.", "A soldier defected on the eastern front.", True, None),
        ("북한 병사 1명이 15일 오전 중부전선을 넘어 귀순했다.", "A soldier defected on the central front on the morning of the 15th.", False, None),
        ("국영 판매소는 물량이 부족하다.", "State shops have plentiful supplies.", True, None),
        ("당국이 외화 사용을 단속했다.", "The authorities eased restrictions on foreign currency.", True, None),
        ("당국이 외화 사용을 단속했다.", "The authorities cracked down on foreign currency.", False, None),
        ("원정 도박 혐의로 기소됐다.", "He was charged with gambling at a casino he hosted.", False, None),  # a gambling trip
    ],
)
def test_an_opposite_state_is_an_error(original, translation, flagged, says):
    found = [r for r in check_pair(original, translation) if r.code == "drift.direction"]
    assert bool(found) is flagged
    if flagged:
        assert found[0].severity is Severity.ERROR and found[0].src and found[0].tgt
        assert says is None or (says in found[0].message and "red" in found[0].message)
