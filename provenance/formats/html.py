"""The article's own text from an HTML page: headline to the end of its body.

Chosen by measurement against trafilatura, readability-lxml, jusText,
Resiliparse and boilerpy3 on news pages written for the tests
(`tests/data/html`, `docs/robustness.md`): the libraries either drop the
headline, standfirst, caption and byline (trafilatura keeps them only as
metadata) or keep comments, navigation and "most read" lists. News pages have
one shape, and the rule that fits it is short:

1. drop what is never article text: scripts, styles, forms, navigation,
   asides, footers, comments, hidden elements, and elements whose class or id
   says share/related/comment/ad/newsletter/cookie/breadcrumb/tags/…;
2. the body is the element holding the most paragraph text (readability's
   scoring: a paragraph counts for its parent, half for its grandparent,
   less the share of it that is link text);
3. the article runs from the headline (the last <h1> before the body, else
   the element whose text is the page <title>) to the end of the body, so the
   standfirst, byline and photo caption between them are kept.

Each block element and each <br>-separated run is a passage (a blank line
between passages); lxml records the source line of each, returned as a line
map. Parsing is lxml's (BSD), imported only for HTML input.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from lxml.html import HtmlElement

#: Never article text, whatever their content.
DROP_TAGS = frozenset(
    """script style noscript template iframe svg math canvas form button input select
    textarea option label nav aside menu dialog head object embed video audio map footer time""".split()
)
#: Elements that start a new passage.
BLOCK_TAGS = frozenset(
    """p div section article main header h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote
    figure figcaption table thead tbody tfoot tr td th caption pre address center hr
    details summary""".split()
)
#: Leaf blocks whose text is a paragraph (scored for their parent).
PARAGRAPH_TAGS = frozenset("p li blockquote pre dd td th figcaption h2 h3 h4 h5 h6".split())
#: Words in class or id names of boilerplate (after splitting "c-share-bar", "mostRead").
BOILERPLATE_WORDS = frozenset(
    """share sharing social sns related relatedarticles comment comments reply replies ad ads advert
    adverts advertisement adslot sponsor sponsored promo promotion newsletter subscribe subscription
    signup cookie cookies consent gdpr breadcrumb breadcrumbs tag tags menu nav navbar navigation
    sidebar rail widget popular mostread mostviewed trending recommend recommended outbrain taboola
    readmore seealso alsoread footer print toolbar pagination pager skip sronly visuallyhidden hidden modal popup login
    search copyright date time timestamp published updated""".split()
)
#: Words in class or id names of credit blocks kept when they follow the body.
CREDIT_WORDS = frozenset("byline author authors reporter reporters writer credit credits journalist contributor".split())
#: How many siblings after the body are looked at for a byline.
CREDIT_SIBLINGS = 3
BOILERPLATE_ROLES = frozenset("navigation banner contentinfo complementary search menu menubar dialog".split())
#: A class-matched element holding more of the page's text than this is a wrapper, kept.
WRAPPER_SHARE = 0.4
#: Direct text shorter than this is not a paragraph (a label, a date).
MIN_PARAGRAPH = 25
TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—:·»]|::)\s+")

_CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BR_RUNS = re.compile(r"(?:\x00\s*)+")  # runs between <br>s in `_direct_markup`
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


def html_to_text(html: str) -> tuple[str, tuple[int, ...]]:
    """(plain text with a blank line between passages, source line of each text line)."""
    root = _parse(html)
    if root is None:
        return "", ()
    title = _page_title(root)
    _clean(root)
    body = root.find("body")
    body = body if body is not None else root
    container = _best_container(body)
    start = _headline(body, container, title) if container is not None else None
    end = _with_byline(container) if container is not None else None
    passages = _passages(body, start if start is not None else container, end)
    lines: list[str] = []
    line_map: list[int] = []
    for text, line in passages:
        if lines:
            lines.append("")
            line_map.append(line)
        for offset, piece in enumerate(text.split("\n")):
            lines.append(piece)
            line_map.append(line + offset)
    return "\n".join(lines), tuple(line_map)


# -- parsing and cleaning ------------------------------------------------------
def _parse(html: str) -> "HtmlElement | None":
    try:
        import lxml.etree
        import lxml.html
    except ImportError:  # pragma: no cover - lxml is a dependency
        from ..errors import ConfigError

        raise ConfigError("reading HTML needs lxml: pip install lxml") from None

    html = re.sub(r"\A\s*<\?xml[^>]*>", "", html)  # lxml refuses str input with an XML declaration
    html = _NOT_XML.sub(" ", html)  # and text nodes with control characters (found by fuzzing)
    if not html.strip():
        return None
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _page_title(root: "HtmlElement") -> str:
    node = root.find(".//title")
    text = node.text_content() if node is not None else ""
    if not text.strip():
        meta = root.xpath('//meta[@property="og:title"]/@content')
        text = meta[0] if meta else ""
    return _collapse(text)


def _clean(root: "HtmlElement") -> None:
    """Remove comments and boilerplate elements, keeping the text that follows them."""
    total = len(_collapse(root.text_content())) or 1
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):  # comment or processing instruction
            doomed.append(element)
        elif _never_text(element) or (_boilerplate_name(element) and not _is_wrapper(element, total)):
            doomed.append(element)
    for element in doomed:
        _remove(element)


def _never_text(element: "HtmlElement") -> bool:
    if element.tag in DROP_TAGS:
        return True
    attrs = element.attrib
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if attrs.get("role", "").lower() in BOILERPLATE_ROLES:
        return True
    return bool(_HIDDEN_STYLE.search(attrs.get("style", "")))


def _boilerplate_name(element: "HtmlElement") -> bool:
    if element.tag in ("html", "body", "main", "article"):
        return False
    return _named(element, BOILERPLATE_WORDS)


def _named(element: "HtmlElement", vocabulary: frozenset[str]) -> bool:
    """Whether a word of the element's class or id ("c-share-bar", "mostRead") is in `vocabulary`."""
    names = f"{element.get('class', '')} {element.get('id', '')}"
    if not names.strip():
        return False
    words = [w.lower() for w in _CLASS_WORDS.findall(names)]
    pairs = (a + b for a, b in zip(words, words[1:]))
    return any(w in vocabulary for w in words) or any(p in vocabulary for p in pairs)


def _is_wrapper(element: "HtmlElement", total: int) -> bool:
    """A layout wrapper named after what it wraps ("has-sidebar"): too much text to be one."""
    return len(_collapse(element.text_content())) > WRAPPER_SHARE * total


def _remove(element: "HtmlElement") -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


# -- finding the article -------------------------------------------------------
def _best_container(body: "HtmlElement") -> "HtmlElement | None":
    """The element with the most paragraph text, readability-style."""
    scores: dict["HtmlElement", float] = {}
    for element in body.iter():
        if not isinstance(element.tag, str) or element.tag not in BLOCK_TAGS:
            continue
        text, link = _direct_text(element)
        if len(text) < MIN_PARAGRAPH:
            continue
        weight = len(text) * (1.0 - link / max(1, len(text)))
        if weight <= 0:
            continue
        runs = sum(1 for run in _BR_RUNS.split(_direct_markup(element)) if len(run.strip()) >= MIN_PARAGRAPH)
        holder = element if runs >= 2 else element.getparent()
        if holder is None:
            holder = element
        scores[holder] = scores.get(holder, 0.0) + weight
        grand = holder.getparent()
        if grand is not None:
            scores[grand] = scores.get(grand, 0.0) + weight / 2
    if not scores:
        return None
    return max(scores, key=scores.get)


def _direct_markup(element: "HtmlElement") -> str:
    """Direct text with each <br> as NUL, to count <br><br>-separated runs."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag == "br":
            parts.append("\x00")
        elif isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return "".join(parts)


def _direct_text(element: "HtmlElement") -> tuple[str, int]:
    """Text of the element outside its block children, and how much of it is link text."""
    parts = [element.text or ""]
    link = 0
    for child in element:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            inner = child.text_content()
            parts.append(inner)
            if child.tag == "a":
                link += len(_collapse(inner))
            else:
                link += sum(len(_collapse(a.text_content())) for a in child.iter("a"))
        parts.append(child.tail or "")
    return _collapse("".join(parts)), link


def _headline(body: "HtmlElement", container: "HtmlElement", title: str) -> "HtmlElement | None":
    """Where the article starts: the <h1> that repeats the page title, else any element
    that does, else the first <h1> in the body, else the last <h1> before it."""
    order = {element: index for index, element in enumerate(body.iter())}
    start = order[container]
    end = start + sum(1 for _ in container.iter())
    wanted = _title_candidates(title)
    h1s = [h for h in body.iter("h1") if order[h] < end]
    titled = [h for h in h1s if _collapse(h.text_content()) in wanted]
    if titled:
        return titled[-1]
    found = _titled_element(body, container, wanted, order, end)
    if found is not None:
        return found
    inside = [h for h in h1s if order[h] > start]
    before = [h for h in h1s if order[h] < start]
    return (inside[:1] or before[-1:] or [None])[0]


def _titled_element(body, container, wanted: set[str], order: dict, end: int) -> "HtmlElement | None":
    """The last element before the body's end whose whole text is the page title."""
    if not wanted:
        return None
    heads = {w[:8] for w in wanted}
    found = None
    for element in body.iter():
        if order[element] >= end:
            break
        if element is container or _inside(container, element):
            continue  # an ancestor of the body holds all of it, not just the title
        if _collapse(element.text or "")[:8] in heads and _collapse(element.text_content()) in wanted:
            found = element
    return found


def _with_byline(container: "HtmlElement") -> "HtmlElement":
    """The body, or the byline block right after it (Korean portals put "… 기자" there)."""
    end = container
    for count, sibling in enumerate(container.itersiblings()):
        if count >= CREDIT_SIBLINGS:
            break
        if isinstance(sibling.tag, str) and _named(sibling, CREDIT_WORDS):
            end = sibling
    return end


def _title_candidates(title: str) -> set[str]:
    """The title, and its longest part ("Headline | Site" → "Headline", not the site name)."""
    if not title:
        return set()
    longest = max(TITLE_SEPARATORS.split(title), key=len)
    return {title, longest} if len(longest) >= 8 else {title}


def _inside(element: "HtmlElement", ancestor: "HtmlElement") -> bool:
    return any(parent is ancestor for parent in element.iterancestors())


# -- passages ------------------------------------------------------------------
def _passages(body: "HtmlElement", start: "HtmlElement | None", end: "HtmlElement | None") -> list[tuple[str, int]]:
    """(text, source line) of each passage from `start` to the end of `end`."""
    if end is None:
        start = end = body
    out: list[tuple[str, int]] = []
    current: list[str] = []
    line = 0
    links = [0, 0]  # link characters and links in the current passage
    active = False

    def flush() -> None:
        nonlocal current, line
        text = "\n".join(_collapse(piece) for piece in "".join(current).split("\n"))
        text = re.sub(r"\n{2,}", "\n", text).strip("\n ")
        if text and not _link_list(text, links):
            out.append((text, line))
        current, line = [], 0
        links[0] = links[1] = 0

    def add(text: str | None, at: int, link: bool) -> None:
        nonlocal line
        if not active or not text:
            return
        if text.strip() and not line:
            line = at + text[: len(text) - len(text.lstrip())].count("\n")
        current.append(text)
        if link:
            links[0] += len(text.strip())

    for event, element in _events(body):
        tag = element.tag
        at = getattr(element, "sourceline", None) or line or 1
        if event == "start":
            if element is start:
                active = True
            if tag in BLOCK_TAGS and active:
                flush()
            if tag == "br" and active:
                flush()  # a line break in news HTML separates units: title, date, paragraphs
            if tag == "a" and active:
                links[1] += 1
            add(element.text, at, _in_link(element))
        else:
            if tag in BLOCK_TAGS and active:
                flush()
            if element is end:
                flush()
                active = False
            add(element.tail, at, _in_link(element.getparent()) if element.getparent() is not None else False)
    flush()
    return out


def _events(root: "HtmlElement") -> Iterator[tuple[str, "HtmlElement"]]:
    """("start", el) and ("end", el) in document order, without recursion (deep pages)."""
    stack: list[tuple["HtmlElement", Iterator]] = [(root, iter(root))]
    yield "start", root
    while stack:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            yield "end", element
            continue
        if not isinstance(child.tag, str):
            continue
        yield "start", child
        stack.append((child, iter(child)))


def _in_link(element: "HtmlElement | None") -> bool:
    while element is not None:
        if element.tag == "a":
            return True
        if element.tag in BLOCK_TAGS:
            return False
        element = element.getparent()
    return False


def _link_list(text: str, links: list[int]) -> bool:
    """Mostly link text, in two or more links: a menu or a list of other stories."""
    return links[1] >= 2 and links[0] >= 0.5 * len(text.replace("\n", ""))


def _collapse(text: str) -> str:
    return " ".join(_SPACES.sub(" ", text).split())
