"""Parts of a page that are not the story: photo credits, author bios, credit lines of writers
("(Reporting by ...; Editing by ...)", "With files from ...", "Jo Roe · CBC News · Posted ..."),
"READ MORE:" / "WATCH:" promos and the signature lines of embedded social posts.

Read with the documents (:func:`split_zones` runs on the cleaned paragraphs of one text): these
parts leave the text, and the people they credit become the document's metadata (its author or
photographer), so that no later stage takes them for people of the story. Everything here is
line shapes and a few cue words (``data/credit_words.txt``), never a list of names.

>>> paragraphs, found = split_zones([
...     "Ann Lee speaks in Ottawa on Monday. Jo Roe/The Canadian Press",
...     "READ MORE: Ottawa weighs a new budget",
...     "Ann Lee said the budget would pass.",
...     "Kim Day is a reporter who covers Parliament.",
... ])
>>> paragraphs
['Ann Lee speaks in Ottawa on Monday. The Canadian Press', 'Ann Lee said the budget would pass.']
>>> found.photographers, found.author
(['Jo Roe'], 'Kim Day')
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .curated import packaged_words

# A person's name: 2-4 capitalised words, with particles ("van", "de", "al-") and initials.
_WORD = r"(?![a-z])[^\W\d_][\w'\u2019.\-]*"  # a capital (or a letter without case) first
_NAME = rf"{_WORD}(?:\s+(?:[a-z]{{1,3}}\s+)?{_WORD}){{1,3}}"
_PARTICLES = frozenset(packaged_words("function_words.tsv", "name_particle"))  # data/function_words.tsv
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"

# "(Photo: Jo Roe)", "Photo by Jo Roe/AP", "Image courtesy of NASA", "Credit: Jo Roe"
_LABELLED_CREDIT = re.compile(
    r"(?:[(\[]\s*|^\s*|(?<=[.!?\u201d\"]) )(?P<label>(?:(?:file|staff|submitted|handout)\s+)?(?-i:[A-Z][\w.&\-]*\s+){0,3}?"
    r"(?:photo(?:graph)?s?|images?|pictures?|illustrations?|videos?|graphics?|cartoons?|credits?|courtesy|submitted)"
    r"(?:\s+(?:credit|courtesy))?)(?:\s+of)?\s*(?:\bby\b|:|/|\|)\s*"
    r"(?P<who>[^()\[\]\n:]{2,80}?)\s*(?:[)\]]|$)",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_\"\u201c])")
_CREDIT_PARTS = re.compile(r"\s*(?:/|,|;|\band\b|\|)\s*")  # "Jo Roe/AP", "Jo Roe, File"
# "Jo Roe/The Canadian Press" or "THE CANADIAN PRESS/Jo Roe" at a line's end or in brackets.
SLASH_CREDIT_CHARS = 160  # looked for in this many last characters of a line
_SLASH_CREDIT = re.compile(r"(?P<left>[^/()\[\]\n]+?)\s*/\s*(?P<right>[^/()\[\]\n]+?)\s*[)\]]?\s*$")
# '"Old Road" by Jo Roe is licensed under CC BY 2.0': the credit of a picture under a licence;
# a text's has its authors' list ("by Jo Roe, Al Kim, and Bo Li is licensed under").
_LICENCE_CREDIT = re.compile(
    rf"\bby\s+(?P<who>{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME}){{0,5}})\s+(?:is\s+)?licen[cs]ed\s+under\b"
)
# The same credit of a picture whose credited name is written any way: a user name, capitals
# ('"Old Road" by jo roe is licensed under', '"Old Road" by JO ROE is licensed under').
_PICTURE_LICENCE_CREDIT = re.compile(
    r"^\s*[\"\u201c\u2018'][^\n]{1,200}?[\"\u201d\u2019']\s+by\s+(?P<who>[^\n\"\u201c\u201d]{1,80}?)\s+(?:is\s+)?licen[cs]ed\s+under\b"
)
_PROMO = re.compile(
    r"^[\s(\[]*(?:read more|read also|also read|more|watch|listen|related|see also|video|photos|"
    r"click here|sign up|explainer)\s*[:|]",
    re.IGNORECASE,
)
# "— Jo Roe (@joroe) March 3, 2021", "A post shared by Jo Roe (@joroe)"
_SOCIAL_SIGNATURE = re.compile(
    rf"^\s*(?:[\u2014\u2013\-]+|a post shared by)\s*[^()\n]{{1,60}}?\s*\(@\w{{1,30}}\)\s*(?:{_MONTH}\s*\d{{1,2}},?\s*\d{{4}})?\s*$",
    re.IGNORECASE,
)
_SOCIAL_LINK = re.compile(r"\s*\bpic\.twitter\.com/\w+")
# "Jo Roe is a reporter who covers ...", "— Jo Roe is a freelance writer based in ..."
_BIO = re.compile(
    rf"^[\s\u2014\u2013\-*_]*(?P<who>{_NAME})\s+(?:is|was|has been)\s+(?:a|an|the)\s+(?:[\w\-',]+\s+){{0,6}}?"
    r"(?:reporter|journalist|writer|correspondent|editor|columnist|contributor|producer|freelancer|"
    r"host|anchor|photographer|videographer|blogger)s?\b"
)
# "CBC's Jo Roe has more." at the end of a broadcast story
_HAS_MORE = re.compile(rf"^(?:[\w.]+['\u2019]s\s+)?(?P<who>{_NAME})\s+(?:has|reports)\s+(?:more|the story|details)\b[^.]{{0,40}}\.?\s*$")
# "(Reporting by Jo Roe; Additional reporting by Al Kim; Editing by Bo Li)": the wire's credits
_WIRE_PART = re.compile(r"^\s*(?:additional\s+)?(?P<what>reporting|writing|editing|research)\s+by\s+(?P<who>.+)$", re.IGNORECASE)
# "— With files from Jo Roe and The Associated Press"; "Jo Roe · CBC News · Posted: Mar 3, 2021"
_WITH_FILES = re.compile(r"^[\s\u2014\u2013\-*_(]*with (?:files|reporting) (?:from|by)\s+(?P<who>[^\n]{2,120}?)[\s.)]*$", re.IGNORECASE)
_DOT_BYLINE = re.compile(rf"^(?P<who>{_NAME})(?:\s*\u00b7\s*[^\u00b7\n]{{1,60}}){{1,3}}$")
_BYLINE_PART = re.compile(r"\u00b7\s*(?:posted|updated|published)\b|\b(?:news|press|reporter|correspondent)\b", re.IGNORECASE)
BIO_PARAGRAPHS = 3  # author bios are looked for among the last paragraphs
BIO_MAX_WORDS = 80


@dataclass
class Zones:
    """What the non-story parts of one text said about it."""

    photographers: list[str] = field(default_factory=list)
    author: str | None = None


@lru_cache(maxsize=1)
def credit_words() -> frozenset[str]:
    """Words that make the part after a slash an agency ("Press", "Images", "Reuters")."""
    text = resources.files("graph").joinpath("data/credit_words.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def split_zones(paragraphs: list[str]) -> tuple[list[str], Zones]:
    """The paragraphs without their non-story parts, and the people those parts credit."""
    found = Zones()
    agencies = _repeated_agencies(paragraphs)
    kept: list[str] = []
    for paragraph in paragraphs:
        lines = []
        for line in paragraph.split("\n"):
            line = _strip_credits(line, agencies, found)
            if not line or _PROMO.match(line) or _SOCIAL_SIGNATURE.match(line):
                continue
            writers = _contributors(line)
            if writers is not None:  # a line that only credits the story's writers (or editors)
                if writers:
                    found.author = _join_names(found.author, ", ".join(writers))
                continue
            lines.append(line)
        if lines:
            kept.append("\n".join(lines))
    for i in range(max(len(kept) - BIO_PARAGRAPHS, 1), len(kept)):
        who = _bio_author(kept[i], kept[:i] + kept[i + 1 :])
        if who:
            found.author = _join_names(found.author, who)
            return kept[:i] + kept[i + 1 :], found
    return kept, found


def _join_names(names: str | None, more: str) -> str:
    """``names`` and ``more`` (", "-separated), each name once, in order."""
    return ", ".join(dict.fromkeys(n for n in [*(names or "").split(", "), *more.split(", ")] if n))


def _wire_credits(line: str) -> list[str] | None:
    """The writers of a "(Reporting by ...; Editing by ...)" line, None when the line is not one:
    every part must credit people by name."""
    writers = []
    for part in line.strip(" ()[].").split(";"):
        m = _WIRE_PART.match(part)
        if not m:
            return None
        people = _CREDIT_PARTS.split(m.group("who").strip(" ."))
        if not all(_is_person_name(p) for p in people):
            return None
        if m.group("what").lower() in ("reporting", "writing"):
            writers += people
    return writers


def _contributors(line: str) -> list[str] | None:
    """The writers a wire credit line, a "With files from ..." line or a dotted byline names;
    None when the line is not one of these."""
    wire = _wire_credits(line)
    if wire is not None:
        return wire
    m = _WITH_FILES.match(line)
    if m:
        people = [p for p in _CREDIT_PARTS.split(m.group("who")) if _is_person_name(p)]
        return people or None
    m = _DOT_BYLINE.match(line)
    if m and line.count(" ") < 15 and _BYLINE_PART.search(line) and _is_person_name(m.group("who")):
        return [" ".join(m.group("who").split())]
    return None


def _repeated_agencies(paragraphs: list[str]) -> set[str]:
    """Parts after a slash at line ends that the text repeats: an agency credited again and again."""
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        for line in paragraph.split("\n"):
            credit = _slash_credit(line)
            if credit:
                counts[credit[1].lower()] += 1
    return {agency for agency, n in counts.items() if n >= 2}


def _strip_credits(line: str, agencies: set[str], found: Zones) -> str:
    """The line without the people its credits name; an agency credited stays ("Photo: AP"),
    as the organisation it is."""
    m = _LICENCE_CREDIT.search(line)
    names = [part for part in _CREDIT_PARTS.split(m.group("who")) if part] if m else []
    if names and all(_is_person_name(name) for name in names):
        if line.lstrip()[:1] in "\"\u201c'\u2018":  # '"Old Road" by ...': a picture's credit
            for name in names:
                _credit(found, name)
        else:  # "Why We Sleep by Jo Roe and Al Kim is licensed ...": the text's own authors
            found.author = _join_names(found.author, ", ".join(names))
        before = _SENTENCE_END.split(line[: m.start()])
        return " ".join(before[:-1]).strip()  # the sentence of a picture's caption and licence goes
    m = _PICTURE_LICENCE_CREDIT.match(line)
    if m:
        for name in _CREDIT_PARTS.split(m.group("who")):
            if any(c.isalpha() for c in name):
                _credit(found, name)
        return ""  # a picture's title, its credit and its licence: none of it is the story
    m = _LABELLED_CREDIT.search(line)
    if m:
        parts = [_without_credit_words(p) for p in _CREDIT_PARTS.split(m.group("who")) if p]
        people = [p for p in parts if _is_person_name(p)]
        for who in people:
            _credit(found, who)
        if people:
            rest = [p for p in parts if p not in people and p.lower() not in credit_words()]
            label = m.group("label").strip()
            kept = f"({label}: {', '.join(rest)})" if rest else f"({label})" if " " in label else ""
            line = " ".join(x for x in (line[: m.start()].strip(), kept, line[m.end() :].strip()) if x)
    credit = _slash_credit(line)
    if credit and _is_agency(credit[1], agencies):
        who, agency, start = credit
        _credit(found, who)
        line = f"{line[:start].rstrip(' ([/|')} {agency}".strip()
    line = _SOCIAL_LINK.sub("", line)
    return line if any(c.isalnum() for c in line) else ""


def _without_credit_words(part: str) -> str:
    """"Jo Roe Image" is Jo Roe: the credit's own words after a name."""
    words = part.split()
    while len(words) > 2 and words[-1].lower() in credit_words():
        words.pop()
    return " ".join(words)


def _slash_credit(line: str) -> tuple[str, str, int] | None:
    """``(person, agency, where the credit starts)`` of a line ending "Jo Roe/The Canadian Press"
    or "THE CANADIAN PRESS/Jo Roe": the person is the last words before the slash (or all the
    words after it) that make a name."""
    if "/" not in line[-SLASH_CREDIT_CHARS:]:
        return None
    m = _SLASH_CREDIT.search(line, max(len(line) - SLASH_CREDIT_CHARS, 0))
    if not m:
        return None
    left, right = m.group("left"), m.group("right").strip()
    agency = re.split(r"[.!?]\s", left)[-1].strip()  # the caption's sentence may come before the agency
    if _is_person_name(right) and agency.isupper():
        return right, agency, m.start("left") + left.rindex(agency)
    if not _is_agency_name(right):
        return None  # "A Ledger/Varda poll showed a lead for Lee": a sentence runs on after the slash, no credit
    words = left.split()
    for n in (4, 3, 2):
        if len(words) < n or any(w.endswith(".") and len(w) > 2 for w in words[-n:]):
            continue  # a sentence's end is not inside a name; initials are
        who = " ".join(words[-n:])
        if _is_person_name(who):
            return who, right, m.start("left") + left.rindex(words[-n])
    return None


_AGENCY_INNER_WORDS = frozenset({"of", "the", "and", "&", "for", "de", "la"})
_AGENCY_WORDS = 6


def _is_agency_name(text: str) -> bool:
    """A credit's agency is a name ("The Canadian Press", "Ames Wire via Ferro Images", "staff"): a few
    words, each capitalised but for connectors and credit words; a clause with other lower-case
    words is the sentence going on."""
    words = text.rstrip(".").split()
    return 0 < len(words) <= _AGENCY_WORDS and all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in _AGENCY_INNER_WORDS or w.lower().strip(".,") in credit_words()
        for w in words)


def _is_agency(agency: str, repeated: set[str]) -> bool:
    words = [w.strip(".,").lower() for w in agency.split()]
    return agency.lower() in repeated or any(w in credit_words() for w in words) or (agency.isupper() and len(agency) > 1)


def _is_person_name(text: str) -> bool:
    """2-4 capitalised words (particles aside), not all of them in capitals."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    names = [w for w in words if w.lower() not in _PARTICLES]
    return (
        2 <= len(names) <= 4
        and all(w[0].isupper() and any(c.isalpha() for c in w) for w in names)
        and not all(w.isupper() for w in names)
        and not any(w.strip(".,").lower() in credit_words() for w in names)
    )


def _credit(found: Zones, who: str) -> None:
    who = " ".join(who.split())
    if who not in found.photographers:
        found.photographers.append(who)


def _bio_author(paragraph: str, story: list[str]) -> str | None:
    """The author a closing bio paragraph names, when the story itself never names them (a story
    may well end on a reporter it is about)."""
    if paragraph.count(" ") + 1 > BIO_MAX_WORDS:
        return None
    m = _BIO.match(paragraph) or _HAS_MORE.match(paragraph)
    if not m or not _is_person_name(m.group("who")):
        return None
    who = " ".join(m.group("who").split())
    surname = who.split()[-1]
    if any(re.search(rf"\b{re.escape(surname)}\b", p) for p in story):
        return None
    return who
