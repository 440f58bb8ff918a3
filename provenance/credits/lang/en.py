"""English credit lines and site boilerplate, as data for the cue grammar.

A credit clause is `<cue> by <names> [for <service>]`: "Reported by Jieun Kim
for RFA's Korean Service", "Translated and written in English by Leejin Jun",
"with additional reporting by …", "Reporting by …; Editing by …".
"""

from __future__ import annotations

from ..latin import CueGrammar, CueWords

WORDS = CueWords(
    # participle before "by" -> role
    verbs={
        "reported": "reporter",
        "translated": "translator",
        "written": "writer",
        "rewritten": "writer",
        "compiled": "writer",
        "adapted": "writer",
        "edited": "editor",
        "copy-edited": "editor",
        "copy edited": "editor",
        "copyedited": "editor",
        "produced": None,
        "illustrated": None,
        "designed": None,
        "narrated": None,
        "filmed": None,
        "photographed": None,
        "fact-checked": None,
        "fact checked": None,
        "voiced": None,
    },
    # noun phrase before "by" -> role (None: a credit, but not one we report)
    nouns={
        "with additional reporting": "contributor",
        "with reporting": "contributor",
        "additional reporting": "contributor",
        "with additional research": "contributor",
        "additional research": "contributor",
        "research": "contributor",
        "reporting": "reporter",
        "writing": "writer",
        "editing": "editor",
        "translation": "translator",
        "english translation": "translator",
        "english version": "writer",
        "english adaptation": "writer",
        "english text": "writer",
        "photo": None,
        "photos": None,
        "photograph": None,
        "photographs": None,
        "video": None,
        "graphic": None,
        "graphics": None,
        "illustration": None,
        "story": "writer",
        "text": "writer",
        "production": None,
        "design": None,
        "audio": None,
        "music": None,
        "map": None,
        "maps": None,
    },
    labels={
        "reporter": "reporter",
        "reporters": "reporter",
        "reporting": "reporter",
        "correspondent": "reporter",
        "translator": "translator",
        "translators": "translator",
        "translation": "translator",
        "writer": "writer",
        "writers": "writer",
        "writing": "writer",
        "text": "writer",
        "editor": "editor",
        "editors": "editor",
        "editing": "editor",
        "additional reporting": "contributor",
        "contributor": "contributor",
        "contributors": "contributor",
        "web editor": "web_editor",
        "photo": None,
        "photos": None,
        "video": None,
        "graphics": None,
        "producer": None,
    },
    other_participle=r"(?-i:[A-Z][a-z]+(?:-[a-z]+)?ed)",
    by="by",
    noun_by=("from",),
    conjunctions=("and", "&"),
    service_preposition="for",
    # "of"/"from"/"with"/"at" introduce a service only when an organisation follows
    affiliation_prepositions=("of", "from", "with", "at"),
    location_prepositions=("in", "from", "reporting from"),
    # "Written in English by", "Translated from Korean by"
    language_qualifiers=("in", "into", "from"),
    # "X contributed to this report." / "X and Y contributed reporting."
    contributed=r"(?P<names>.+?)\s+contributed(?:\s+(?:additional\s+)?(?:reporting|research))?"
    r"(?:\s+(?:to|for)\s+(?:this|the)\s+(?:report|story|article))?",
    byline=r"(?-i:By|BY)\s+(?P<arg>.+)",
    organisations=(
        "RFA", "Radio Free Asia", "BenarNews", "Benar News", "Service", "Services", "Staff",
        "Desk", "Bureau", "Newsroom", "News", "Agency", "Reuters", "AFP", "AP", "Yonhap",
        "Associated Press", "Agence France-Presse", "Xinhua", "KCNA", "Kyodo", "VOA",
        "Voice of America", "Daily NK", "NK News", "Newsis", "NHK", "BBC", "CNN",
    ),
    titles=(
        "reporter", "reporters", "correspondent", "correspondents", "writer", "writers",
        "staff writer", "editor", "journalist", "journalists", "photographer", "stringer",
    ),
    particles=(
        "de", "da", "del", "della", "di", "du", "des", "van", "von", "der", "den", "ter",
        "la", "le", "bin", "binti", "bint", "ibn", "al", "el", "y", "e", "dos", "das", "do",
    ),
    not_names=(
        "the", "this", "that", "these", "those", "it", "its", "please", "all", "our", "we",
        "you", "they", "he", "she", "his", "her", "their", "a", "an", "comments", "share",
        "click", "read", "more", "officials", "sources", "state", "media",
    ),
    # anywhere in a sentence: site furniture, never news
    boilerplate=(
        r"copyright\s*(?:©|\(c\)|\d{4})", r"©", r"\(c\)\s*\d{4}", r"all rights reserved",
        r"used with (?:the )?permission of", r"terms of (?:use|service)", r"privacy policy",
        r"add your comment", r"leave a comment", r"\bmoderator\b", r"(?:form|box) below",
        r"comments? (?:are|is) (?:approved|moderated|reviewed)", r"comments? will not appear",
        r"not responsible for (?:the content|what readers|the postings|comments)",
        r"(?:stick|keep) to the facts", r"respectful of others", r"respect other readers",
        r"in plain text", r"sign up for (?:our|the)", r"subscribe to (?:our|the)",
        r"follow (?:us|rfa) on", r"download (?:the|our) app", r"click here",
        r"^(?:tags?|related(?: stories| articles| content| coverage)?|read more|see also|"
        r"more from \w+|filed under)\s*:",
    ),
    # a line made only of these words is page furniture ("Share | Print | Email")
    furniture=(
        "share", "print", "email", "e-mail", "mail", "facebook", "twitter", "x", "whatsapp",
        "telegram", "linkedin", "reddit", "kakaotalk", "tweet", "comment", "comments", "copy",
        "link", "copied", "related", "stories", "articles", "read", "more", "listen",
        "subscribe", "advertisement", "back", "to", "top", "next", "previous", "tags",
        "home", "menu", "donate", "rss", "podcast", "download", "audio", "print-friendly",
        "version", "a-", "a+", "font", "size",
    ),
)

GRAMMAR = CueGrammar(WORDS)
