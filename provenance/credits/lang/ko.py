"""Korean bylines, sign-offs and site boilerplate, as data for the byline grammar.

Shapes: "기자 김지은, 에디터 양성원, 웹팀 이경하" (role, then names), "김지은 기자"
(name, then title), "RFA 자유아시아방송 김지은입니다." (the broadcast sign-off).
"""

from __future__ import annotations

from ..hangul import BylineGrammar, BylineWords

WORDS = BylineWords(
    # role word written before the names -> role (None: a credit we do not report)
    roles={
        "기자": "reporter",
        "취재기자": "reporter",
        "인턴기자": "reporter",
        "객원기자": "reporter",
        "특파원": "reporter",
        "통신원": "reporter",
        "취재": "reporter",
        "글": "reporter",
        "리포터": "reporter",
        "정리": "writer",
        "번역": "translator",
        "에디터": "editor",
        "편집": "editor",
        "편집자": "editor",
        "데스크": "editor",
        "감수": "editor",
        "웹팀": "web_editor",
        "웹편집": "web_editor",
        "웹 편집": "web_editor",
        "웹에디터": "web_editor",
        "웹담당": "web_editor",
        "웹디자인": "web_editor",
        "사진": None,
        "사진기자": None,
        "영상": None,
        "영상편집": None,
        "촬영": None,
        "그래픽": None,
        "디자인": None,
    },
    # title written after the name -> role
    titles={
        "기자": "reporter",
        "취재기자": "reporter",
        "인턴기자": "reporter",
        "객원기자": "reporter",
        "특파원": "reporter",
        "통신원": "reporter",
        "리포터": "reporter",
        "에디터": "editor",
        "편집자": "editor",
        "사진기자": None,
    },
    # broadcasters and papers named in sign-offs and bylines
    service=r"(?:RFA|VOA|KBS|MBC|SBS|YTN|자유\s*아시아\s*방송|미국의\s*소리|[가-힣]{1,8}(?:방송|뉴스|일보|신문|통신)|뉴스)",
    signoff_endings=("입니다", "이었습니다", "였습니다"),
    signoff_openers=("지금까지", "이상"),
    end_marks=(r"\(끝\)", r"<끝>", r"\[끝\]", r"－끝－", r"-끝-"),
    boilerplate=(
        r"저작권자", r"무단\s*(?:전재|복제|배포|게재)", r"재배포\s*금지", r"copyright\s*(?:©|ⓒ|\(c\)|\d{4})",
        r"ⓒ", r"©", r"\(c\)\s*\d{4}", r"all rights reserved", r"기사\s*제보", r"제보\s*(?:하기|전화|메일)",
        r"이\s*기사를\s*(?:공유|추천)", r"공유하기", r"URL\s*복사", r"원문\s*&\s*독해설명",
        r"댓글\s*(?:쓰기|달기|보기)", r"많이\s*본\s*(?:뉴스|기사)", r"관련\s*기사\s*:?$",
        r"구독\s*(?:하기|신청)", r"기사\s*(?:보내기|스크랩)", r"글자\s*크기", r"카카오톡\s*공유",
        r"^\s*(?:\(끝\)|<끝>|\[끝\]|-끝-)\s*$",
    ),
    furniture=(
        "인쇄", "목록", "공유", "댓글", "좋아요", "싫어요", "페이스북", "트위터", "카카오톡",
        "카카오스토리", "밴드", "네이버", "이메일", "메일", "스크랩", "닫기", "위로", "맨위로",
        "홈", "구독", "다음", "이전", "듣기", "프린트", "링크", "복사", "광고", "share",
        "print", "email", "facebook", "twitter", "rss", "url", "기사", "보내기", "추천",
    ),
)

GRAMMAR = BylineGrammar(WORDS)
