"""Credit lines in languages that write `<cue> by <names> [for <service>]`.

The grammar is cue-driven rather than sentence-driven: a credit text is cut
at every role cue ("Reported by", "Translated and written in English by",
"with additional reporting by"), and the text between two cues is one
argument. That survives what sentence splitters do to credit lines (cutting
"Leejin J. Jun" after the initial, or not cutting "Service.Translated") and
credits run into one paragraph. An argument must read as a list of names,
possibly with a service, or the clause is reported as unparsed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping

from .grammar import alternation, Parsed, Reading, clean_space

_LEAD_JUNK = re.compile(r"^[\s\-–—*•·|>(\[{\"“‘']+")
_TRAIL_JUNK = re.compile(r"[\s.;:,!?\-–—*•·|)\]}\"”’']+$")
_EMAIL_OR_URL = re.compile(r"\(?\s*(?:\S+@\S+\.\w+|https?://\S+|www\.\S+)\s*\)?")
_PARENTHESIS = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_LIST_SEPARATOR = re.compile(
    r"\s*(?:,?\s*and\s+by\s+|,\s*and\s+|,\s*&\s*|,|;|\s+and\s+|\s*&\s*|\s+/\s+)\s*", re.I
)
_CLAUSE_BOUNDARY = set(".;:,!?()[]{}\"“”‘’'|/—–-•*>")
_SENTENCE_END = set(".!?\"”’)")
# ", a freelance journalist" after a name says what the person is, not who
_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+(?-i:[a-z])[^,;.]*(?=[,;.]|$)")
_TRAILING_DATE = re.compile(r"[\s,|–—-]*(?:\d{4}[./-]\d{1,2}[./-]\d{1,2}|updated\b).*$", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*")
_FUNCTION_WORDS = frozenset("for and of in by with the from at english 's".split())


@dataclass(frozen=True)
class CueWords:
    """The words of one language's credit lines (see `lang/en.py`)."""

    verbs: Mapping[str, str | None]
    nouns: Mapping[str, str | None]
    labels: Mapping[str, str | None]  # "Reporter: X", "Translation: Y" (a colon follows)
    other_participle: str  # any other "<Participle> by" is a credit we do not report
    by: str
    noun_by: tuple[str, ...]  # other words that may follow a noun cue ("additional reporting from")
    conjunctions: tuple[str, ...]
    service_preposition: str
    affiliation_prepositions: tuple[str, ...]
    location_prepositions: tuple[str, ...]
    language_qualifiers: tuple[str, ...]
    contributed: str
    byline: str
    organisations: tuple[str, ...]
    titles: tuple[str, ...]  # "RFA Korean reporter Jieun Kim": job titles between a service and a name
    particles: tuple[str, ...]
    not_names: tuple[str, ...]
    boilerplate: tuple[str, ...]
    furniture: tuple[str, ...]


def _alternation(words) -> str:
    return alternation(words, r"\s+")


class CueGrammar:
    """The `Grammar` for cue-and-"by" credit lines, built from one `CueWords`."""

    def __init__(self, words: CueWords) -> None:
        self.words = words
        conj = _alternation(words.conjunctions)
        qualifier = rf"(?:\s+(?:{_alternation(words.language_qualifiers)})\s+(?-i:[A-Z][a-z]+))"
        verb = rf"(?:{_alternation(words.verbs)}){qualifier}?"
        joiner = rf"(?:\s*,\s*(?:(?:{conj})\s+)?|\s+(?:{conj})\s+|\s*&\s*)"
        verbs = rf"{verb}(?:{joiner}{verb})*"
        nouns = _alternation(words.nouns)
        service = re.escape(words.service_preposition)
        self._verb = re.compile(_alternation(words.verbs), re.I)
        by = re.escape(words.by)
        noun_by = _alternation((words.by, *words.noun_by))
        self._cue = re.compile(
            rf"\b(?:(?P<head>{verbs})(?:\s+{service}\s+(?P<service>[^.;]{{1,80}}?))?\s*\b{by}\b"
            rf"|(?P<noun>{nouns})\s*\b(?:{noun_by})\b"
            rf"|(?P<other>{words.other_participle})\s+{by}\b"
            rf"|(?P<label>{_alternation(words.labels)})(?=\s*[:：]))\s*[:：]?\s*",
            re.I,
        )
        self._contributed = re.compile(words.contributed, re.I)
        self._byline = re.compile(words.byline)
        self._organisation = re.compile(rf"(?<!\w)(?:{_alternation(words.organisations)})(?!\w)")
        orgs = self._organisation.pattern
        affiliation = _alternation(words.affiliation_prepositions)
        self._affiliation = re.compile(rf"\s+(?:{affiliation})\s+(?=(?:\S+\s+){{0,3}}?(?:{orgs}))", re.I)
        self._titled = re.compile(rf"(?P<org>.+?)\s+(?:{_alternation(words.titles)})\s+(?P<name>(?-i:[A-Z]).+)", re.I)
        self._service_split = re.compile(rf"\s+{service}\s+", re.I)
        self._location = re.compile(rf"\s+(?:{_alternation(words.location_prepositions)})\s+(?-i:[A-Z]).*$", re.I)
        self._trailing_conjunction = re.compile(rf"(?:\s+|^)(?:{conj})$", re.I)
        self._boundary_conjunction = re.compile(rf"(?:^|\s)(?:{conj})$", re.I)
        self._boilerplate = re.compile("|".join(f"(?:{p})" for p in words.boilerplate), re.I)
        self._furniture = frozenset(words.furniture)
        self._particles = frozenset(words.particles)
        self._not_names = frozenset(words.not_names)

    # --- sentence questions -------------------------------------------------

    def is_boilerplate(self, text: str) -> bool:
        if self._boilerplate.search(text):
            return True
        tokens = [t for t in re.split(r"[\s|·•,/]+", text.strip().lower().strip(".:")) if t]
        return bool(tokens) and len(tokens) <= 12 and all(t in self._furniture for t in tokens)

    def starts_credit(self, text: str) -> bool:
        body = _LEAD_JUNK.sub("", text)
        if self._whole_sentence(body) is not None:
            return True
        cue = self._cue.match(body)
        if cue is None or cue.group("other"):  # "Signed by Kim …" alone is prose, not a credit
            return False
        following = next((c for c in self._cues(body) if c.start() >= cue.end()), None)
        return self._looks_like_names(body[cue.end(): following.start() if following else len(body)])

    def continues_credit(self, text: str) -> bool:
        tokens = text.strip().split()
        return 0 < len(tokens) <= 4 and all(self._name_token(t.rstrip(".,;")) or _is_initial(t) for t in tokens)

    def read(self, text: str) -> Reading | None:
        lead = len(text) - len(_LEAD_JUNK.sub("", text))
        whole = self._whole_sentence(text[lead:])
        if whole is not None:
            role, groups = whole
            end = len(text.rstrip())
            return Reading(tuple(Parsed(role, n, s, lead, end) for n, s in groups), True)
        cues = self._cues(text)
        if not cues or text[lead:cues[0].start()].strip():
            return None
        credits: list[Parsed] = []
        ok = True
        for cue, following in zip(cues, [*cues[1:], None]):
            end = following.start() if following else len(text)
            groups = self._argument(text[cue.end():end], cue.group("service"))
            if groups is None:
                ok = False
                continue
            for role in self._roles(cue):
                if role is not None:
                    credits.extend(Parsed(role, names, service, cue.start(), end) for names, service in groups)
        return Reading(tuple(credits), ok)

    def embedded(self, text: str) -> int | None:
        for cue in self._cues(text):
            before = text[: cue.start()].rstrip()
            if before and before[-1] in _SENTENCE_END:
                reading = self.read(text[cue.start():])
                if reading is not None and reading.ok and reading.credits:
                    return cue.start()
        return None

    def head_byline(self, text: str) -> bool:
        match = self._byline.fullmatch(_TRAIL_JUNK.sub("", text.strip()))
        return match is not None and self._argument(match.group("arg"), None) is not None

    # --- parts ----------------------------------------------------------------

    def _cues(self, text: str) -> list[re.Match]:
        return [m for m in self._cue.finditer(text) if self._at_boundary(text, m)]

    def _at_boundary(self, text: str, cue: re.Match) -> bool:
        """Cues count at the start of a clause, so "was reported by" in a body never does."""
        if _head(cue).lower().startswith("with"):
            return True
        before = text[: cue.start()].rstrip()
        if not before or before[-1] in _CLAUSE_BOUNDARY or self._boundary_conjunction.search(before):
            return True
        return text[cue.start()].isupper()  # "… RFA Korean Translated by …": a line break lost

    def _roles(self, cue: re.Match) -> list[str | None]:
        if cue.group("noun"):
            return [self.words.nouns[clean_space(cue.group("noun")).lower()]]
        if cue.group("label"):
            return [self.words.labels[clean_space(cue.group("label")).lower()]]
        if cue.group("other"):
            return [None]  # "Produced by", "Illustrated by": a credit, not one of our roles
        roles = [self.words.verbs[clean_space(v).lower()] for v in self._verb.findall(cue.group("head"))]
        return list(dict.fromkeys(roles))

    def _whole_sentence(self, text: str) -> tuple[str, list] | None:
        """Credits that are a whole sentence of their own shape: "X contributed …", "By X"."""
        body = _TRAIL_JUNK.sub("", text.strip())
        match = self._contributed.fullmatch(body)
        if match:
            groups = self._argument(match.group("names"), None)
            return ("contributor", groups) if groups else None
        match = self._byline.fullmatch(body)
        if match:
            groups = self._argument(_TRAILING_DATE.sub("", match.group("arg")), None)
            return ("reporter", groups) if groups else None
        return None

    def _looks_like_names(self, argument: str) -> bool:
        """Mostly capitalised words: a credit, not a body sentence that starts "Reported by"."""
        argument = _APPOSITIVE.sub("", argument)
        words = [w for w in _WORD.findall(argument) if w.lower() not in _FUNCTION_WORDS]
        if not words or len(words) > 40:
            return False
        lower = sum(1 for w in words if w[0].islower() and w.lower() not in self._particles)
        return lower <= len(words) / 3

    def _argument(self, text: str, cue_service: str | None) -> list[tuple[tuple[str, ...], str | None]] | None:
        """Names and service of one clause: [(names, service), …], one entry per stated service."""
        text = self._clean_argument(text)
        if not text:
            return None
        text = self._affiliation.sub(f" {self.words.service_preposition} ", text)
        pieces = self._service_split.split(text)
        groups = []
        names_text = pieces[0]
        for position, piece in enumerate(pieces[1:], start=2):
            if position == len(pieces):
                service, following = piece, None
            else:
                split = self._service_then_names(piece)
                if split is None:
                    return None
                service, following = split
            group = self._group(names_text, service)
            if group is None:
                return None
            groups.append(group)
            names_text = following
        if names_text is not None:
            group = self._group(names_text, cue_service)
            if group is None:
                return None
            groups.append(group)
        return groups

    def _clean_argument(self, text: str) -> str:
        text = _APPOSITIVE.sub("", _EMAIL_OR_URL.sub(" ", text))
        text = _PARENTHESIS.sub(self._parenthesis, text)
        text = _TRAIL_JUNK.sub("", clean_space(text))
        return self._trailing_conjunction.sub("", text).strip(" ,;")

    def _parenthesis(self, match: re.Match) -> str:
        inside = match.group(1)
        if self._organisation.search(inside):
            return f" {self.words.service_preposition} {inside}"
        return ""

    def _service_then_names(self, piece: str) -> tuple[str, str] | None:
        """"RFA's Korean Service and Y" -> ("RFA's Korean Service", "Y")."""
        for separator in _LIST_SEPARATOR.finditer(piece):
            names = self._names(piece[separator.end():])
            if separator.start() > 0 and names is not None and names[0] and not names[1]:
                return piece[: separator.start()], piece[separator.end():]
        return None

    def _group(self, text: str, service: str | None) -> tuple[tuple[str, ...], str | None] | None:
        split = self._names(text)
        if split is None:
            return None
        persons, organisations = split
        service = service or (" and ".join(organisations) if organisations else None)
        if not persons and not service:
            return None
        return tuple(persons), _normal_service(service)

    def _names(self, text: str) -> tuple[list[str], list[str]] | None:
        """People and organisations in a list "A, B and C"; None if an item is neither."""
        persons: list[str] = []
        organisations: list[str] = []
        for item in _LIST_SEPARATOR.split(text):
            item = _TRAIL_JUNK.sub("", _LEAD_JUNK.sub("", item))
            if not item:
                continue
            titled = self._titled.fullmatch(item)
            if titled and self._organisation.search(titled.group("org")):
                organisations.append(titled.group("org"))
                item = titled.group("name")
            elif self._organisation.search(item):
                organisations.append(item)
                continue
            item = self._location.sub("", item)
            if not self._is_name(item):
                return None
            persons.append(item)
        return persons, organisations

    def _is_name(self, text: str) -> bool:
        tokens = text.split()
        if not 1 <= len(tokens) <= 6 or tokens[0].lower() in self._particles:
            return False
        names = [t for t in tokens if t.lower() not in self._particles]
        return (
            all(self._name_token(t) or _is_initial(t) for t in names)
            and any(len(t.rstrip(".")) > 1 for t in names)
        )

    def _name_token(self, token: str) -> bool:
        core = token.strip("'’\"")
        if not core or core.lower() in self._not_names:
            return False
        if not core[0].isalpha() or core[0].islower():
            return False
        return all(c.isalpha() or c in "-'’." for c in core)


def _head(cue: re.Match) -> str:
    return next(cue.group(g) for g in ("head", "noun", "other", "label") if cue.group(g))


def _is_initial(token: str) -> bool:
    return len(token) == 2 and token[0].isalpha() and token[0].isupper() and token[1] == "."


def _normal_service(service: str | None) -> str | None:
    if not service:
        return None
    service = _TRAIL_JUNK.sub("", clean_space(service.replace("’", "'").replace("‘", "'")))
    return re.sub(r"^the\s+", "", service, flags=re.I) or None
