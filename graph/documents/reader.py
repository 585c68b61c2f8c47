"""First stage: read articles from files and folders, clean their text and find their metadata.

Public surface:

* :func:`read_documents` turns files and folders into :class:`~graph.records.Document` records and a
  list of :class:`~graph.records.Problem` (one line each) for everything it could not use. It never
  raises for bad input.
* :func:`clean_text` is the cleaning applied to every text, usable on its own.

Formats: ``.txt``, ``.md``, ``.html``/``.htm`` (one document per file, id = file stem) and
``.jsonl``/``.csv`` (one document per row, with a ``text`` field and optional ``id``, ``title``,
``url``, ``date``, ``outlet``, ``author``; id = the row's ``id``, else ``<stem>-<line>`` where
``<line>`` is the line the row starts on, the same number as in its ``path`` ``file.jsonl:LINE``).

Layout of ``Document.text`` (every character offset in the graph points into it): the title, when
the source shows one (a row's ``title``, ``<h1>``/``<title>``, front matter, a first ``# heading``,
or a first line that looks like a headline: 2-30 words, one sentence, no final full stop, and
not the whole text), is the first paragraph, then a blank line, then the body; paragraphs are
separated by one blank line (``\\n\\n``); a single ``\\n`` may separate lines inside a paragraph
(list items, a broken paragraph joined back). ``Document.title`` equals the first paragraph then.

Cleaning (:func:`clean_text`), in general rules, no list of known sentences:

* HTML tags are stripped and entities decoded, also in plain text (scrapes keep ``<u>…</u>``);
  outside HTML files only names of real HTML elements count as tags, so ``x <y and z> w`` style
  text survives. Double-escaped entities (``&amp;lt;``) are decoded until nothing is left to
  decode. HTML files go through BeautifulSoup over lxml: the ``<article>`` (the longest), else
  ``<main>``, else ``<body>``, without scripts, navigation, asides, forms, footers, page-level
  headers, hidden elements and blocks whose class/id says share/social/related/comments/ads
  (unless such a block holds most of the article); one paragraph per block element.
* Line endings become ``\\n``; no-break and other odd spaces become plain spaces, zero-width
  characters, soft hyphens and control characters go; runs of spaces collapse; text is NFC.
* Boilerplate lines go by pattern: donation widgets and amount-only lines (``2,500 $``),
  "Do you like this content?", ``Disclaimer:``, copyright lines, "contains copyrighted material …
  fair use", "For media inquiries", "Comment on … Facebook page", "Become a Member of …", "Share
  this", "Follow us", "Subscribe", "Read more", tag/category lines (``Tags:``, ``Region: … Theme:``),
  navigation lines ("All news"), e-mail/URL-only lines, "X may not share the opinions of its
  contributors" and "views expressed are those of the author" disclaimers. Patterns for widget
  phrases only fire on short lines, so a long sentence that merely starts with "Subscribe" stays.
* Repetition inside a document: a paragraph of 8 words or more that was already seen is dropped
  (the first copy stays); sentences of 8 words or more that were already seen are dropped from the
  start of a paragraph, the rest of that paragraph stays. Shorter repeats (dialogue, "Yes.") stay.
* A paragraph broken in the middle of a sentence (no end punctuation, next one starts in lower
  case) is joined back with a single ``\\n``.

Corpus-wide repetition (in :func:`read_documents` only): a line found in at least 3 documents and
in at least 20 % of the documents read in one call is boilerplate and is removed, except lines
with quotation marks, dialogue lines (starting with a dash) and short sentences of at most four
words ending in ``.!?`` ("Thank you."), and except in a document where such lines would make up
more than half of the text: that document is a copy of another article (syndication), not a page
carrying boilerplate, and keeps its text.

Metadata, found before cleaning. Row fields (JSONL/CSV) and HTML ``<meta>`` win over the text:

* byline ``By Sami Karimi`` or ``By <u>Sami Karimi</u> Global Research, April 26, 2017 Region: …``
  (author, outlet, date) and ``Articles by: South Front`` (author); a line with an upper-case
  surname and a given name, ``ALEXANDROVA Lyudmila`` (author ``Lyudmila Alexandrova``). These
  lines only carry metadata and are removed from the body (later stages read ``Document.author``).
* dateline ``MOSCOW, April 8. /TASS/.`` or ``LONDON (Reuters) -`` gives the outlet; the dateline
  stays in the body, it is part of the first sentence.
* copyright ``Copyright © Sami Karimi, Global Research, 2017`` (outlet Global Research, author
  Sami Karimi), "The original source of this article is X", "X may not share the opinions of its
  contributors" (outlet X); these lines are boilerplate and removed.
* ``.md`` front matter (``title:``, ``author:``, ``date:``, ``url:``, ``outlet:``/``source:``).
* parts of the page that are not the story (:mod:`graph.zones`, after cleaning): photo credits,
  a closing author bio, "READ MORE:" promos, social-post signatures leave the body; the people
  they credit fill ``Document.photographer`` and (when still empty) ``Document.author``.
* HTML: ``<meta name="author">``, ``article:author``, ``og:site_name``, ``article:published_time``,
  ``<link rel="canonical">``/``og:url``; title from the first ``<h1>`` of the article, else
  ``og:title``, else ``<title>``.

``Document.date`` is ISO ``YYYY-MM-DD`` or None: the given date, else a dateline or byline date,
else a date in the URL (:mod:`graph.dates`). Ids must be unique: on a clash the first document (in reading order) keeps the id and the
later one is skipped with a Problem (suffixing would make ids depend on which files are present).
Folders are walked recursively in sorted order, hidden files and folders (``.name``) are skipped,
other extensions are skipped silently; a file reached twice in one call is read once. What a walk
cannot read is a problem, not skipped silently: an unreadable folder, a symbolic link that dangles
or loops, a symbolic link to a folder (not followed), a supported name that is not a regular file
(a FIFO). A byte of a file name that is not UTF-8 shows as ``\\xNN`` in ids and paths; a lone
surrogate escaped in JSON (``\\ud800``) becomes U+FFFD. A document (file or row) longer than
``max_chars`` is skipped. CSV may be
separated by ``,``, ``;``, tab or ``|`` (the one whose header has a ``text`` column); a quote never
closed, which would make the rest of the file one row, skips that row. Problems come
in a fixed order: those of the paths given, then reading problems file by file (rows by line), then
documents left empty by cleaning or with a duplicate id. Same input, same documents and problems
in the same order.
"""
from __future__ import annotations

import csv
import errno
import html as html_lib
import io
import json
import os
import re
import stat
import unicodedata
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import date as date_cls
from pathlib import Path, PurePath
from typing import Iterable

from graph.dates import document_date
from graph.pieces import MAX_CHARS
from graph.records import Document, Problem
from graph.zones import split_zones

__all__ = ["SUPPORTED_EXTENSIONS", "clean_text", "read_documents"]

SUPPORTED_EXTENSIONS = (".csv", ".htm", ".html", ".jsonl", ".md", ".txt")
ROW_FIELDS = ("id", "title", "url", "date", "outlet", "author")

MIN_REPEAT_WORDS = 8  # a paragraph or sentence this long counts once per document
CORPUS_MIN_DOCS = 3  # a line in at least this many documents ...
CORPUS_MIN_SHARE = 0.2  # ... and in at least this share of them is boilerplate
SHORT_LINE_WORDS = 12  # widget phrases ("Subscribe", "Share this") only on lines this short

# ---------------------------------------------------------------------------------------------
# Normalisation: characters, spaces, tags, entities
# ---------------------------------------------------------------------------------------------

_HTML_ELEMENTS = (
    "a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br "
    "button canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir "
    "div dl dt em embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 "
    "head header hgroup hr html i iframe img input ins kbd label legend li link main map mark marquee "
    "menu meta meter nav nobr noscript object ol optgroup option output p param picture pre progress "
    "q rp rt ruby s samp script section select small source span strike strong style sub summary sup "
    "svg table tbody td template textarea tfoot th thead time title tr track tt u ul var video wbr"
).split()
_BLOCK_ELEMENTS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
    "figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav "
    "ol p pre section summary table tbody tfoot thead tr ul".split()
)
_ATTRS = r"""(?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*"""
_TAG_RE = re.compile(
    r"<(/?)(" + "|".join(sorted(_HTML_ELEMENTS, key=len, reverse=True)) + r")\b"
    + _ATTRS + r"\s*/?>",
    re.IGNORECASE | re.DOTALL,
)
_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_SPACE_CHARS = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_DROP_CHARS = "\u00ad\u200b\u2060\ufeff\u180e"
_CHAR_MAP = {ord(c): " " for c in _SPACE_CHARS}
_CHAR_MAP.update({ord(c): None for c in _DROP_CHARS})
_CHAR_MAP.update({0x2028: "\n", 0x2029: "\n\n", 0x0B: "\n", 0x0C: "\n", 0x85: "\n"})
# Other control characters (C0 and C1, except \n) are dropped.
_CHAR_MAP.update({c: None for c in list(range(0x00, 0x20)) + list(range(0x7F, 0xA0)) if c not in _CHAR_MAP and c != 0x0A})
_SPACES_RE = re.compile(r" {2,}")
_BLANK_LINES_RE = re.compile(r"\n[ \n]*\n")


def _strip_comments(text: str) -> str:
    """``<!-- … -->`` removed, in one pass (a regex would rescan an unclosed ``<!--``)."""
    out = []
    i = 0
    while True:
        j = text.find("<!--", i)
        k = text.find("-->", j + 4) if j >= 0 else -1
        if k < 0:
            break
        out.append(text[i:j])
        i = k + 3
    out.append(text[i:])
    return "".join(out)


def _strip_tags(text: str) -> str:
    if "<" not in text:
        return text
    if "<!--" in text:
        text = _strip_comments(text)

    def repl(m: re.Match[str]) -> str:
        name = (m.group(2) or "").lower()
        if name == "br":
            return "\n"
        if name in _BLOCK_ELEMENTS:
            return "\n\n"
        return ""

    return _TAG_RE.sub(repl, text)


def _decode_entities(text: str) -> str:
    return _ENTITY_RE.sub(lambda m: html_lib.unescape(m.group(0)), text) if "&" in text else text


_ODD_CHARS_RE = re.compile("[" + re.escape("".join(chr(c) for c in sorted(_CHAR_MAP))) + "]")


def _normalise_chars(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ODD_CHARS_RE.search(text):
        text = text.translate(_CHAR_MAP)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    lines = [_SPACES_RE.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines)


def _normalise(text: str, *, strip_tags: bool = True) -> str:
    """Characters, spaces and line ends; with ``strip_tags`` also tags and entities.

    Repeated until nothing changes, so that decoding cannot leave something decodable behind
    (``&amp;lt;u&amp;gt;`` -> ``<u>`` -> nothing): that makes cleaning idempotent. Every round
    that changes anything after the first one shortens the text, so the loop ends; a text with
    no ``<`` and no ``&`` left needs no further round (character normalisation is idempotent)."""
    text = _normalise_chars(text)
    for _ in range(1000):
        new = _decode_entities(_strip_tags(text) if strip_tags else text)
        if new == text:
            break
        text = _normalise_chars(new)
        if "&" not in text and (not strip_tags or "<" not in text):
            break
    return text


def _key(text: str) -> str:
    """Comparison key: case-folded, whitespace collapsed."""
    return " ".join(text.split()).casefold()


# ---------------------------------------------------------------------------------------------
# Boilerplate lines
# ---------------------------------------------------------------------------------------------

_CURRENCY = r"(?:[$€£¥₽₴]|usd|eur|gbp|rub|uah|dollars?|euros?)"
_AMOUNT = r"\d[\d.,']*(?: [\d.,']+)*"
_LABELS = r"(?:tags?|topics?|categor(?:y|ies)|filed under|keywords|region|theme|in-depth report|related topics|sections?)"

# Whatever the length of the line; all anchored at the line's start.
_BOILERPLATE_START = re.compile(
    "|".join(
        [
            rf"{_CURRENCY}\s*{_AMOUNT}$",  # amount-only lines of donation widgets
            rf"{_AMOUNT}\s*{_CURRENCY}$",
            r"disclaimer\s*[:.\-–—]",
            r"(?:copyright\s*)?(?:©|\(c\)\s*(?:19|20)\d\d)",
            r"copyright\s+(?:(?:19|20)\d\d|by\b)",
            r"the original source of this article is\b",
            r"for (?:media|press) (?:inquiries|enquiries|contacts?)\b",
            r"articles? by\s*:",
            rf"{_LABELS}\s*:",
            r"(?:(?:e-?mail|contact|web(?:site)?|url)\s*:\s*)?"
            r"(?:\[\s*email\s*protected\s*\]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+)$",
        ]
    ),
    re.IGNORECASE,
)
_TWO_LABELS = re.compile(rf"\b{_LABELS}\s*:.*\b{_LABELS}\s*:", re.IGNORECASE)  # "Region: … Theme: …"
# Whole-sentence disclaimers, on lines of up to 40 words.
_DISCLAIMER = re.compile(
    r"\b(?:may|does|do) not (?:necessarily )?(?:share|reflect|represent) the (?:opinions?|views?|positions?)\b"
    r".{0,60}\b(?:contributors?|authors?|columnists?|writers?|bloggers?|guests?|editorial (?:board|policy|position))\b"
    r"|\b(?:views|opinions) expressed\b.*\b(?:are|is) (?:solely )?(?:those|that|the responsibility) of\b",
    re.IGNORECASE,
)
# Widget phrases, only on lines of up to SHORT_LINE_WORDS words: they can open a real sentence.
_BOILERPLATE_SHORT = re.compile(
    "|".join(
        [
            r"do you (?:like|enjoy|value|appreciate) (?:this|our) (?:content|article|work|journalism|reporting)\b",
            r"(?:please )?consider (?:helping|supporting|donating)\b",
            r"(?:please )?(?:donate|support us|support our work|make a donation)\b",
            r"become an? (?:member|patron|supporter|subscriber|sponsor)\b",
            r"comment on\b.*\b(?:facebook|twitter|telegram|vk|page|forum)\b",
            r"share(?: this| on| via| with (?:friends|your)|\s*:|$)",
            r"follow us\b",
            r"follow (?:\S+ ){0,3}on (?:twitter|facebook|telegram|instagram|youtube|x|vk)\b",
            r"subscribe\b",
            r"sign up (?:for|to) (?:our|the) (?:\S+ )?(?:newsletter|digest|updates)\b",
            r"read (?:more|also|next|the full (?:story|article))\b",
            r"(?:see also|related(?: articles| stories| posts| news| coverage)?|more on this (?:story|topic)|recommended(?: for you)?)\s*:?$",
            r"related\s*:",
            r"(?:all (?:news|articles|stories)|home|menu|back to top|print(?: this)?(?: article| page)?|"
            r"advertisement|sponsored(?: content)?|skip to (?:main )?content)$",
            r"click here\b",
        ]
    ),
    re.IGNORECASE,
)


def _is_boilerplate(line: str) -> bool:
    """Whether one cleaned line is boilerplate by its own look (no context, so cleaning stays
    idempotent)."""
    if not line:
        return False
    if _BOILERPLATE_START.match(line):
        return True
    low = line.lower()
    if "fair use" in low and "copyrighted material" in low:
        return True
    if low.count(":") >= 2 and _TWO_LABELS.search(line):
        return True
    words = line.count(" ") + 1
    if words > 40:
        return False
    if "rights reserved" in low or ((" not " in low or "expressed" in low) and _DISCLAIMER.search(line)):
        return True
    return words <= SHORT_LINE_WORDS and _BOILERPLATE_SHORT.match(line) is not None


# ---------------------------------------------------------------------------------------------
# Sentences, paragraphs, repetition
# ---------------------------------------------------------------------------------------------

_SENT_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n")
_WORD_BEFORE_RE = re.compile(r"\w+$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt st jr sr vs no gov sen rep capt maj adm cmdr rev fr inc ltd "
    "co corp dept est fig approx jan feb mar apr jun jul aug sep sept oct nov dec mt ft etc al".split()
)


def _sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence; a line break always ends a sentence. Cheap and
    deterministic rather than clever: initials (``U.S.``) and common abbreviations do not end one."""
    spans = []
    start = 0
    n = len(text)
    for m in _SENT_END_RE.finditer(text):
        end = m.end()
        if m.group(0) != "\n":
            # the next sentence must start with an upper-case letter, a digit or an opening quote
            j = end
            while j < n and text[j] in " \t":
                j += 1
            nxt = text[j : j + 2]
            if not nxt or not (nxt[0].isupper() or nxt[0].isdigit() or (nxt[0] in "\"'“‘«(" and nxt[1:].strip())):
                continue
            if m.group(0)[0] == ".":
                word = _WORD_BEFORE_RE.search(text, max(start, m.start() - 20), m.start())
                if word:
                    w = word.group(0)
                    if (len(w) == 1 and w.isalpha()) or w.casefold() in _ABBREVIATIONS:
                        continue
        seg_end = m.start() if m.group(0) == "\n" else end
        if text[start:seg_end].strip():
            spans.append((start, seg_end))
        start = end
        while start < n and text[start] in " \t\n":
            start += 1
    if start < n and text[start:].strip():
        spans.append((start, n))
    return tuple(spans)


def _paragraphs(text: str) -> list[str]:
    return [p for p in _BLANK_LINES_RE.split(text) if p.strip()]


def _drop_boilerplate_lines(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        lines = [line for line in p.split("\n") if line and not _is_boilerplate(line)]
        if lines:
            out.append("\n".join(lines))
    return out


_OPEN_END = re.compile(r"(?:[^\W_]|,)$")


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph cut in mid-sentence (ends in a letter or comma, the next starts in lower case)."""
    groups: list[list[str]] = []
    for p in paragraphs:
        if groups and p[0].islower() and _OPEN_END.search(groups[-1][-1]):
            groups[-1].append(p)
        else:
            groups.append([p])
    return ["\n".join(g) for g in groups]


def _words(key: str) -> int:
    return key.count(" ") + 1 if key else 0


def _drop_repeats(paragraphs: list[str], spans_of: dict[str, tuple[tuple[int, int], ...]]) -> list[str]:
    """A paragraph, or a sentence at the start of one, of MIN_REPEAT_WORDS words or more counts
    once; the first copy stays. Only leading sentences go, so every remaining line is still a
    piece of an input line."""
    seen_paragraphs: set[str] = set()
    seen_sentences: set[str] = set()
    out = []
    for p in paragraphs:
        pkey = _key(p)
        if pkey in seen_paragraphs and _words(pkey) >= MIN_REPEAT_WORDS:
            continue
        seen_paragraphs.add(pkey)
        spans = spans_of.get(p)
        if spans is None:
            spans = spans_of[p] = _sentence_spans(p)
        cut = None
        keys = [_key(p[s:e]) for s, e in spans]
        for (s, _e), k in zip(spans, keys):
            if _words(k) >= MIN_REPEAT_WORDS and k in seen_sentences:
                continue
            cut = s
            break
        for k in keys:
            if _words(k) >= MIN_REPEAT_WORDS:
                seen_sentences.add(k)
        if cut is None:
            continue  # every sentence was a long repeat
        out.append(p[cut:] if cut else p)
    return out


def _structure(paragraphs: list[str]) -> list[str]:
    """Boilerplate lines, broken paragraphs, repeats, until nothing changes (each step only removes
    or merges, so this ends)."""
    spans_of: dict[str, tuple[tuple[int, int], ...]] = {}  # the rounds after the first see the same paragraphs
    for _ in range(50):
        new = _drop_repeats(_join_broken(_drop_boilerplate_lines(paragraphs)), spans_of)
        if new == paragraphs:
            break
        paragraphs = new
    return paragraphs


def clean_text(raw: str, *, html: bool = False) -> str:
    """Clean one article's text: see the module docstring for the rules.

    ``html=True`` reads ``raw`` as an HTML page or fragment and keeps its main text (the
    ``<article>``, else ``<main>``, else ``<body>``, without scripts, navigation, asides, forms,
    footers and hidden or sharing/related/comment blocks), one paragraph per block element.
    Returns paragraphs separated by ``\\n\\n``; ``""`` when nothing is left. Never raises on a
    ``str``; idempotent: ``clean_text(y) == y`` for ``y = clean_text(x)`` and for
    ``y = clean_text(x, html=True)``. Metadata lines (bylines) are not looked for here: that is
    :func:`read_documents`' work.
    """
    if html:
        raw = _html_extract(raw).text
    return "\n\n".join(_structure(_paragraphs(_normalise(raw))))


# ---------------------------------------------------------------------------------------------
# Metadata found in the text
# ---------------------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")],
        start=1,
    )
    for m in names
}
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>\d\d)-(?P<d3>\d\d))\b",
    re.IGNORECASE,
)


def _parse_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date written in ``text`` as ISO ``YYYY-MM-DD``, and its match."""
    for m in _DATE_RE.finditer(text):
        try:
            if m.group("y1"):
                d = date_cls(int(m.group("y1")), _MONTHS[m.group("m1").lower()], int(m.group("d1")))
            elif m.group("y2"):
                d = date_cls(int(m.group("y2")), _MONTHS[m.group("m2").lower()], int(m.group("d2")))
            else:
                d = date_cls(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
        except ValueError:
            continue
        return d.isoformat(), m
    return None


_PARTICLES = frozenset("de del della der den di da dos du van von la le al el bin ibn ben st st. mc y".split())
_BYLINE_RE = re.compile(r"^by\s*[:\-–—]?\s+(?P<rest>.+)$", re.IGNORECASE)
_MARKED_NAME_RE = re.compile(r"^<(?P<tag>[a-z][a-z0-9]*)\b[^>]*>\s*(?P<name>[^<]{2,80}?)\s*</(?P=tag)\s*>(?P<rest>.*)$", re.IGNORECASE)
_ARTICLES_BY_RE = re.compile(r"^articles? by\s*:\s*(?P<name>.+?)\s*$", re.IGNORECASE)
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,2})(?:\s*,\s*(?P<when>[^()/]{1,30}?))?\s*\.?\s*"
    r"(?:/\s*(?P<o1>[A-Za-z][\w .&\-]{0,30}?)\s*/|\((?P<o2>[A-Z][\w .&\-]{0,30}?)\))\s*[.:\-–—]*\s*(?=\S)"
)
_COPYRIGHT_RE = re.compile(r"(?:copyright\s*)?(?:©|\(c\))\s*(?P<who>.+)$|^copyright\s+(?P<who2>(?:19|20)\d\d.+|by\s.+)$", re.IGNORECASE)
_ORIGINAL_SOURCE_RE = re.compile(r"^the original source of this article is\s+(?P<o>.+?)(?:\s+copyright\b.*|\s*[.,]?\s*)$", re.IGNORECASE)
_NOT_SHARE_RE = re.compile(r"^(?P<o>.{2,60}?)\s+(?:may|does) not (?:necessarily )?share the (?:opinions?|views?)\b", re.IGNORECASE)
_HEADING_WORDS = frozenset(
    "news update updated live video photo photos exclusive breaking opinion analysis editorial report "
    "interview comment feature review world politics sport business".split()
)


def _is_name_word(w: str) -> bool:
    return bool(w) and (w[0].isupper() and not w.isupper() or (len(w) <= 3 and w.endswith(".") and w[0].isupper()))


def _valid_name(name: str) -> bool:
    """2 to 6 capitalised words (particles and initials allowed), possibly several names joined by
    ``and``/``,``/``&``."""
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b)\s*", name) if p]
    if not parts:
        return False
    for part in parts:
        words = part.split()
        if not 2 <= len(words) <= 6:
            return False
        if not all(_is_name_word(w) or w.lower() in _PARTICLES or (w.isupper() and len(w) > 1 and w.isalpha()) for w in words):
            return False
        if not (_is_name_word(words[0]) or words[0].isupper()) or not _is_name_word(words[-1]) and not words[-1].isupper():
            return False
    return True


def _valid_outlet(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or not (words[0][0].isupper() or words[0][0].isdigit()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in ("of", "the", "and", "&", "for", "de", "on") for w in words)


def _plain(line: str) -> str:
    return " ".join(_TAG_RE.sub(" ", line).split())


_LABEL_SPLIT_RE = re.compile(rf"\b{_LABELS}\s*:", re.IGNORECASE)


def _parse_byline(tagged: str) -> tuple[str, str | None, str | None] | None:
    """``By NAME[, OUTLET][, DATE] [Region: …]`` -> (author, outlet, date)."""
    m = _BYLINE_RE.match(tagged.strip())
    if not m:
        return None
    rest = m.group("rest").strip()
    marked = _MARKED_NAME_RE.match(rest)
    if marked:
        name = " ".join(marked.group("name").split())
        rest = marked.group("rest")
        # further marked-up authors: "and <u>B</u>"
        while True:
            more = re.match(r"^\s*(?:,|and|&)\s*(<.*)$", rest, re.IGNORECASE)
            nxt = _MARKED_NAME_RE.match(more.group(1)) if more else None
            if not nxt:
                break
            name += " and " + " ".join(nxt.group("name").split())
            rest = nxt.group("rest")
        rest = _plain(rest)
    else:
        plain = _plain(rest)
        words = plain.split()
        # the longest run of name words from the start, ended by a separator or the line's end
        taken = []
        for w in words:
            bare = w.rstrip(",|;")
            if not (_is_name_word(bare) or bare.lower() in _PARTICLES or bare.lower() == "and" or bare == "&"):
                break
            taken.append(bare)
            if bare != w:
                break
        while taken and (taken[-1].lower() in ("and", "&") or taken[-1].lower() in _PARTICLES):
            taken.pop()
        name = " ".join(taken)
        rest = plain[len(" ".join(words[: len(taken)])):]
    name = name.strip(" ,;|")
    if not _valid_name(name):
        return None
    label = _LABEL_SPLIT_RE.search(rest)
    if label:
        rest = rest[: label.start()]
    rest = rest.strip(" ,;|•·-–—")
    date = None
    outlet_part = rest
    parsed = _parse_date(rest)
    if parsed:
        date, dm = parsed
        outlet_part = rest[: dm.start()]
    outlet_part = re.sub(r"\b(?:published|updated|posted)\b\s*:?", "", outlet_part, flags=re.IGNORECASE)
    outlet_part = outlet_part.strip(" ,;|•·-–—")
    outlet = outlet_part if outlet_part and _valid_outlet(outlet_part) else None
    if rest and not date and not outlet:
        return None  # "By Friday Night, the protesters had left": not a byline
    return name, outlet, date


def _parse_caps_name(line: str) -> str | None:
    """``ALEXANDROVA Lyudmila`` or ``Lyudmila ALEXANDROVA`` -> ``Lyudmila Alexandrova``."""
    words = line.split()
    if not 2 <= len(words) <= 4 or any(w.casefold().strip(".") in _HEADING_WORDS for w in words):
        return None

    def upper(w: str) -> bool:
        letters = [c for c in w if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters) and all(c.isalpha() or c in "-'’" for c in w)

    def title(w: str) -> bool:
        return w[0].isupper() and len(w) >= 2 and all(c.isalpha() or c in "-'’" for c in w) and any(c.islower() for c in w[1:])

    def cap(w: str) -> str:
        return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))

    n_upper = 0
    while n_upper < len(words) and upper(words[n_upper]):
        n_upper += 1
    if 1 <= n_upper <= 2 and all(title(w) for w in words[n_upper:]) and len(words) - n_upper in (1, 2):
        return " ".join(words[n_upper:] + [cap(w) for w in words[:n_upper]])
    n_title = 0
    while n_title < len(words) and title(words[n_title]):
        n_title += 1
    if n_title in (1, 2) and len(words) - n_title in (1, 2) and all(upper(w) for w in words[n_title:]):
        return " ".join(words[:n_title] + [cap(w) for w in words[n_title:]])
    return None


def _parse_copyright(line: str) -> tuple[str | None, str | None]:
    """``Copyright © Sami Karimi, Global Research, 2017`` -> (author, outlet)."""
    m = _COPYRIGHT_RE.search(line)
    if not m:
        return None, None
    who = m.group("who") or m.group("who2") or ""
    who = re.sub(r"\ball rights reserved\b.*$", "", who, flags=re.IGNORECASE)
    who = re.sub(r"^by\s+", "", who.strip(), flags=re.IGNORECASE)
    parts = [p.strip(" .") for p in re.split(r"\s*[,|]\s*", who)]
    parts = [re.sub(r"^(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s+", "", p) for p in parts]
    parts = [p for p in parts if p and not re.fullmatch(r"(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?", p)]
    if not parts:
        return None, None
    outlet = parts[-1] if _valid_outlet(parts[-1]) else None
    author = parts[0] if len(parts) >= 2 and _valid_name(parts[0]) else None
    return author, outlet


@dataclass
class _Meta:
    title: str | None = None
    author: str | None = None
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    photographer: str | None = None

    def fill(self, **values: str | None) -> None:
        """Set the fields that are still empty (earlier sources win)."""
        for k, v in values.items():
            if v and not getattr(self, k):
                setattr(self, k, v)


_HEAD_LINES = 8  # bylines, caps names and datelines are looked for in this many first lines


def _text_metadata(text: str) -> tuple[str, _Meta]:
    """Metadata shown in the text (tags still in it); returns the text without the lines that only
    carry metadata (bylines, caps names, ``Articles by:``) and what was found."""
    lines = text.split("\n")
    keep = []
    byline: tuple[str, str | None, str | None] | None = None
    caps_name = articles_by = dl_outlet = dl_date = None
    cr_author = cr_outlet = source_outlet = share_outlet = None
    first_content = None
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            keep.append(line)
            continue
        seen += 1
        plain = _plain(line)
        head = seen <= _HEAD_LINES
        if first_content is None and plain:
            first_content = i
        drop = False
        if plain.lower().startswith("by"):
            b = _parse_byline(line)
            # a byline with more than a name must be near the top; "By Name" alone anywhere
            if b and (head or (b[1] is None and b[2] is None)):
                byline = byline or b
                drop = True
        if not drop and head and i != first_content:
            name = _parse_caps_name(plain)
            if name:
                caps_name = caps_name or name
                drop = True
        m = _ARTICLES_BY_RE.match(plain)
        if m and _valid_name(m.group("name")) or m and _valid_outlet(m.group("name")):
            articles_by = articles_by or m.group("name")
            drop = True
        if head and not drop:
            d = _DATELINE_RE.match(plain)
            if d and any(c.isalpha() for c in d.group("place")) and (d.group("o1") or d.group("o2")):
                dl_outlet = dl_outlet or (d.group("o1") or d.group("o2")).strip()
                if d.group("when"):
                    parsed = _parse_date(d.group("when"))
                    dl_date = dl_date or (parsed[0] if parsed else None)
        if "©" in plain or "copyright" in plain.lower() or "(c)" in plain.lower():
            a, o = _parse_copyright(plain)
            cr_author, cr_outlet = cr_author or a, cr_outlet or o
        m = _ORIGINAL_SOURCE_RE.match(plain)
        if m and _valid_outlet(m.group("o")):
            source_outlet = source_outlet or m.group("o")
        m = _NOT_SHARE_RE.match(plain)
        if m and _valid_outlet(m.group("o")):
            share_outlet = share_outlet or m.group("o")
        if not drop:
            keep.append(line)
    meta = _Meta()
    if byline:
        meta.fill(author=byline[0], outlet=byline[1], date=byline[2])
    meta.fill(author=caps_name)
    meta.fill(author=articles_by)
    meta.fill(author=cr_author)
    meta.fill(outlet=dl_outlet, date=dl_date)
    meta.fill(outlet=cr_outlet)
    meta.fill(outlet=source_outlet)
    meta.fill(outlet=share_outlet)
    # "By Sami Karimi Global Research, …" without markup: the outlet glued to the name
    if meta.author and meta.outlet and meta.author.endswith(" " + meta.outlet):
        meta.author = meta.author[: -len(meta.outlet) - 1].strip()
    return "\n".join(keep), meta


# ---------------------------------------------------------------------------------------------
# Markdown and HTML
# ---------------------------------------------------------------------------------------------

_MD_HEADING_RE = re.compile(r"^#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_RULE_RE = re.compile(r"^(?:[-=*_]\s*){3,}$")
_MD_IMAGE_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\((?:[^()\s]|\([^)]*\))*(?:\s+\"[^\"]*\")?\)")
_MD_REFDEF_RE = re.compile(r"^\[[^\]]+\]:\s+\S+.*$")
_MD_EMPH_RE = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?![\w*])|`([^`]+)`")
_FRONT_KEYS = {"title": "title", "author": "author", "authors": "author", "date": "date", "url": "url",
               "outlet": "outlet", "source": "outlet", "publisher": "outlet", "site": "outlet"}


def _markdown_to_text(text: str) -> tuple[str, _Meta, str | None]:
    """Front matter, heading marks, links, images and emphasis; returns the text, the front
    matter's metadata and the first heading when the document opens with one."""
    meta = _Meta()
    lines = text.split("\n")
    start = 0
    while start < len(lines) and not lines[start]:
        start += 1
    if start < len(lines) and lines[start] == "---":
        for end in range(start + 1, min(len(lines), start + 60)):
            if lines[end] in ("---", "..."):
                for line in lines[start + 1 : end]:
                    k, sep, v = line.partition(":")
                    v = v.strip().strip("\"'")
                    if sep and k.strip().lower() in _FRONT_KEYS and v:
                        meta.fill(**{_FRONT_KEYS[k.strip().lower()]: v})
                lines = lines[:start] + lines[end + 1 :]
                break
    out = []
    heading = None
    first = True
    for line in lines:
        if _MD_RULE_RE.match(line) or _MD_REFDEF_RE.match(line):
            if out and out[-1] and set(line.replace(" ", "")) <= {"=", "-"} and first is False and heading is None and len([x for x in out if x]) == 1:
                heading = out[-1]  # setext heading under the first line
            out.append("")
            continue
        h = _MD_HEADING_RE.match(line)
        if h:
            line = h.group(1)
            if first:
                heading = line
        line = re.sub(r"^>\s?", "", line)
        line = _MD_IMAGE_RE.sub("", line)
        line = _MD_LINK_RE.sub(r"\1", line)
        line = _MD_EMPH_RE.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", line)
        if line.strip():
            first = False
        out.append(line.strip())
    return "\n".join(out), meta, heading


_PARA = "\ue000"  # private-use sentinels for block and line breaks while reading HTML
_LINE = "\ue001"
_JUNK_TAGS = ["script", "style", "noscript", "template", "iframe", "svg", "canvas", "nav", "aside", "form",
              "button", "select", "input", "textarea", "object", "embed", "footer", "dialog"]
_JUNK_CLASS_RE = re.compile(
    r"^(?:share|sharing|social|newsletter|subscribe|subscription|related|recommended|comments?|cookies?|"
    r"promo|advert|advertisement|ads?|sidebar|breadcrumbs?|popup|modal|donate|donation|paywall)$"
)


_JUNK_TAG_SET = frozenset(_JUNK_TAGS)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CLASS_SPLIT_RE = re.compile(r"[-_\s]+")


@dataclass
class _Html:
    text: str
    meta: _Meta = field(default_factory=_Meta)


def _html_extract(raw: str) -> _Html:
    """Main text and metadata of an HTML page, with BeautifulSoup over lxml (linear on broken or
    deeply nested markup, where the stdlib parser can go quadratic). Imported here so that the
    rest of the package works without them; a missing one raises ImportError."""
    import lxml  # noqa: F401  (bs4 would otherwise fail with FeatureNotFound, caught below)
    from bs4 import BeautifulSoup, CData, Comment, Declaration, Doctype, ProcessingInstruction, Tag

    raw = raw.replace(_PARA, "").replace(_LINE, "")
    # comments go first, in one pass: the stdlib parser rescans an unclosed "<!--" (quadratic)
    raw = _strip_comments(raw).replace("<!--", "&lt;!--")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "looks like a filename/URL" on short input
            soup = BeautifulSoup(raw, "lxml")
    except Exception:  # the parser gave up: read it as text with tags
        return _Html(_strip_tags(raw))
    meta = _Meta()
    # one pass over the elements instead of a find() per question
    metas: dict[tuple[str, str], str] = {}
    first: dict[str, Tag] = {}
    articles: list[Tag] = []
    h1s: list[Tag] = []
    for tag in soup.find_all(True):
        name = tag.name
        if name == "meta":
            value = tag.get("content")
            if isinstance(value, str) and value.strip():
                for attr in ("name", "property", "itemprop"):
                    key = tag.get(attr)
                    if isinstance(key, str):
                        metas.setdefault((attr, key.strip().lower()), " ".join(value.split()))
        elif name == "link" and "canonical" in (tag.get("rel") or []):
            first.setdefault("canonical", tag)
        elif name == "article" and len(articles) < 50:
            articles.append(tag)
        elif name == "h1" and len(h1s) < 20:
            h1s.append(tag)
        elif name in ("main", "title") or (tag.get("role") == "main" and "role=main" not in first):
            first.setdefault(name if name in ("main", "title") else "role=main", tag)

    def content(**attrs: str) -> str | None:
        ((attr, key),) = attrs.items()
        return metas.get((attr, key))

    author = content(name="author") or content(property="article:author")
    if author and re.match(r"https?://", author):
        author = None
    meta.fill(
        author=author,
        outlet=content(property="og:site_name"),
        date=content(property="article:published_time") or content(itemprop="datepublished")
        or content(name="date") or content(name="pubdate"),
    )
    href = first["canonical"].get("href") if "canonical" in first else None
    meta.fill(url=href.strip() if isinstance(href, str) and href.strip() else None)
    meta.fill(url=content(property="og:url"))

    # the longest article (max keeps the first on a tie), else <main>, else the body
    root = max(articles, key=lambda a: len(a.get_text())) if articles else None
    root = root or first.get("main") or first.get("role=main") or soup.body or soup
    page_level = root is soup.body or root is soup
    root_len = len(root.get_text()) or 1
    # the article's first <h1>; on a page without <article>/<main>, not the site's logo in <header>/<nav>
    in_root = set(map(id, root.find_all("h1", limit=20))) if root is not soup else set(map(id, h1s))
    h1 = next((h for h in h1s if id(h) in in_root
               and not any(p.name in ("header", "nav", "aside", "footer") for p in h.parents)), None)
    h1_text = " ".join(h1.get_text(" ").split()) if h1 else ""
    guard_checks = 0

    def is_junk(tag: Tag) -> bool:
        nonlocal guard_checks
        if tag.name in _JUNK_TAG_SET or (page_level and tag.name == "header"):
            return True
        style = tag.get("style")
        if tag.has_attr("hidden") or tag.get("aria-hidden") == "true" or (
                isinstance(style, str) and _HIDDEN_STYLE_RE.search(style)):
            return True
        classes = tag.get("class") or []
        names = [*(classes if isinstance(classes, list) else [classes]), str(tag.get("id") or "")]
        if not any(_JUNK_CLASS_RE.match(t) for n in names for t in _CLASS_SPLIT_RE.split(n.lower()) if t):
            return False
        # never throw away most of the article because of a class name
        guard_checks += 1
        return guard_checks > 100 or len(tag.get_text()) <= root_len / 2

    # one iterative walk (deep pages must not recurse or rescan subtrees)
    pieces: list[str] = []
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            pieces.append(_PARA)
        elif isinstance(node, Tag):
            if node.name == "br":
                pieces.append(_LINE)
                continue
            if node is not root and is_junk(node):
                continue
            if node.name in _BLOCK_ELEMENTS:
                pieces.append(_PARA)
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif isinstance(node, str) and not isinstance(node, (Comment, Declaration, Doctype, ProcessingInstruction, CData)):
            pieces.append(str(node))
    text = re.sub(r"\s+", " ", "".join(pieces))
    text = re.sub(rf"\s*{_PARA}[\s{_PARA}{_LINE}]*", "\n\n", text)
    text = re.sub(rf"\s*{_LINE}\s*", "\n", text)
    title_tag = first.get("title")
    title = h1_text or content(property="og:title") or (" ".join(title_tag.get_text(" ").split()) if title_tag else "")
    if title and not h1_text and meta.outlet:
        parts = re.split(r"\s+[|\-–—:]\s+", title)
        if len(parts) > 1 and _key(parts[-1]) == _key(meta.outlet):
            title = title[: title.rfind(parts[-1])].rstrip(" |-–—:")
        elif len(parts) > 1 and _key(parts[0]) == _key(meta.outlet):
            title = title[len(parts[0]):].lstrip(" |-–—:")
    meta.title = title or None
    return _Html(text.strip(), meta)


# ---------------------------------------------------------------------------------------------
# Titles and assembly
# ---------------------------------------------------------------------------------------------


def _looks_like_headline(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 250:
        return False
    if line[-1] in ".,;:" or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'«"):
        return False
    if len(_sentence_spans(line)) > 1 or not any(c.isalpha() for c in line):
        return False
    if _DATELINE_RE.match(line) or _BYLINE_RE.match(line):
        return False
    return True


def _one_line(text: str | None) -> str | None:
    if text is None:
        return None
    text = " ".join(_normalise(text).split())
    return text or None


@dataclass
class _Candidate:
    id: str
    path: str
    paragraphs: list[str]
    meta: _Meta
    title: str | None = None  # given by a field, <h1>/<title> or front matter


def _assemble(c: _Candidate) -> tuple[str, str | None]:
    """Text and title: the title as the first paragraph, then the body."""
    paragraphs = list(c.paragraphs)
    title = c.title
    if title:
        tkey = _key(title)
        for i, p in enumerate(paragraphs[:3]):
            first, _, rest = p.partition("\n")
            if _key(first) == tkey:
                paragraphs[i : i + 1] = [rest] if rest.strip() else []
                break
    elif paragraphs:
        first, _, rest = paragraphs[0].partition("\n")
        # a headline-like first line is the title, unless it is all the text there is
        if (_looks_like_headline(first) and (not rest or len(rest) >= 2 * len(first))
                and (rest.strip() or len(paragraphs) > 1)):
            title = first
            paragraphs[0:1] = [rest] if rest.strip() else []
    if not paragraphs:
        return "", title
    body = "\n\n".join(paragraphs)
    return (f"{title}\n\n{body}" if title else body), title


# ---------------------------------------------------------------------------------------------
# Reading files
# ---------------------------------------------------------------------------------------------


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE_RE = re.compile("[\udc80-\udcff]")


def _safe_text(text: str) -> str:
    """``text`` without lone surrogates (a JSON ``\\ud800`` escape), which no UTF-8 output can
    hold: each becomes U+FFFD."""
    return _SURROGATE_RE.sub("\ufffd", text) if not text.isascii() else text


def _safe_name(name: str) -> str:
    """A file name as text: a byte that is not UTF-8 (which Python keeps as a lone surrogate)
    is shown as ``\\xNN``, so that two such names stay apart."""
    if name.isascii():
        return name
    return _safe_text(_ESCAPED_BYTE_RE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name))


def _as_path_str(p: PurePath) -> str:
    return _safe_name(p.as_posix())


def _walk(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Supported files under ``folder``, recursively, sorted by their path's components (so
    ``a/z.txt`` comes before ``b.txt``), hidden entries skipped, symlinked folders not followed;
    and one problem for each folder that cannot be read, each symbolic link to a folder, that is
    dangling or that loops, and each supported name that is not a regular file (a FIFO would
    block the build)."""
    found: list[Path] = []
    problems: list[tuple[tuple[str, ...], Problem]] = []

    def report(p: Path, message: str) -> None:
        problems.append((p.relative_to(folder).parts, Problem(_as_path_str(p), message)))

    def unreadable(exc: OSError) -> None:
        p = Path(exc.filename) if exc.filename else folder
        report(p, f"cannot read folder ({exc.strerror or exc})")

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unreadable, followlinks=False):
        for name in sorted(dirnames):
            p = Path(dirpath) / name
            if not name.startswith(".") and p.is_symlink():
                report(p, "symbolic link to a folder, not followed")
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            supported = p.suffix.lower() in SUPPORTED_EXTENSIONS
            try:
                mode = os.stat(p).st_mode
            except FileNotFoundError:
                report(p, "dangling symbolic link (its target does not exist)")
                continue
            except OSError as exc:
                if exc.errno == errno.ELOOP:
                    report(p, "symbolic link loop")
                elif supported:
                    report(p, f"cannot read ({exc.strerror or exc})")
                continue
            if not supported:
                continue
            if stat.S_ISREG(mode):
                found.append(p)
            else:
                report(p, "not a regular file (a FIFO, socket or device)")
    return sorted(found, key=lambda p: p.relative_to(folder).parts), [pr for _, pr in sorted(problems, key=lambda x: x[0])]


def _decode(data: bytes, path: str) -> tuple[str | None, Problem | None]:
    if not data.strip():
        return None, Problem(path, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, Problem(path, "not UTF-8 text (UTF-16, byte order mark at offset 0)")
    if b"\x00" in data:
        return None, Problem(path, "binary file, not text (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return None, Problem(path, f"not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start})")
    sample = text[:4096]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    if controls > max(8, len(sample) // 10):
        return None, Problem(path, "binary file, not text (control characters)")
    if not text.strip():
        return None, Problem(path, "empty file")
    return text, None


def _body(text: str, *, markup: str = "text") -> tuple[list[str], _Meta, str | None]:
    """Paragraphs, metadata and a title found while cleaning one text."""
    heading = None
    front = _Meta()
    text = _normalise(text, strip_tags=False)
    if markup == "md":
        text, front, heading = _markdown_to_text(text)
    text, meta = _text_metadata(text)
    front.fill(author=meta.author, outlet=meta.outlet, date=meta.date)
    if heading:
        heading = _one_line(heading)
    paragraphs, zones = split_zones(_structure(_paragraphs(_normalise(text))))
    front.fill(author=zones.author, photographer=", ".join(zones.photographers))
    return paragraphs, front, heading


def _row_value(value: object) -> str | None:
    if value is None or isinstance(value, (dict, list, bool)):
        return None
    text = " ".join(str(value).split())
    return text or None


def _quote_left_open(text: str, first_line: int) -> bool:
    """Whether the CSV record that starts on ``first_line`` (and runs to the end) has an odd
    number of quotation marks: a quoted field never closed."""
    lines = io.StringIO(text, newline="")
    for _ in range(first_line - 1):
        next(lines, None)
    return sum(line.count('"') for line in lines) % 2 == 1


def _read_rows(kind: str, text: str, path: str, stem: str, max_chars: int = MAX_CHARS) -> tuple[list[_Candidate], list[Problem]]:
    candidates: list[_Candidate] = []
    problems: list[Problem] = []
    rows: list[tuple[int, dict[str, object]]] = []
    if kind == ".jsonl":
        for lineno, line in enumerate(text.split("\n"), start=1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                problems.append(Problem(f"{path}:{lineno}", f"not valid JSON ({e.msg} at column {e.colno})"))
                continue
            except RecursionError:
                problems.append(Problem(f"{path}:{lineno}", "not valid JSON (nested too deeply)"))
                continue
            if not isinstance(obj, dict):
                problems.append(Problem(f"{path}:{lineno}", f"expected a JSON object, got {type(obj).__name__}"))
                continue
            # JSON can escape a lone surrogate (\ud800): made valid here, once for every later stage
            rows.append((lineno, {_safe_text(str(k)).strip().lower(): _safe_text(v) if isinstance(v, str) else v
                                  for k, v in obj.items()}))
    else:
        first_line = text.split("\n", 1)[0]
        delimiter = ","
        for d in (",", ";", "\t", "|"):
            if "text" in [c.strip().lower() for c in first_line.split(d)]:
                delimiter = d
                break
        old_limit = csv.field_size_limit()
        csv.field_size_limit(1 << 30)
        try:
            reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
            header: list[str] | None = None
            prev_end = 0
            try:
                for row in reader:
                    start, prev_end = prev_end + 1, reader.line_num
                    if not row or not any(cell.strip() for cell in row):
                        continue
                    if header is None:
                        header = [h.strip().lower() for h in row]
                        if "text" not in header:
                            shown = ", ".join(h for h in header if h) or "none"
                            problems.append(Problem(path, f"CSV has no 'text' column (columns: {shown})"))
                            return [], problems
                        continue
                    rows.append((start, {h: v for h, v in zip(header, row) if h}))
                if rows and rows[-1][0] == start and reader.line_num > start and _quote_left_open(text, start):
                    rows.pop()  # the csv module reads an unclosed quote to the end of the file, as one field
                    problems.append(Problem(f"{path}:{start}", f"unterminated quote: lines {start}-{reader.line_num} "
                                            "would be one row"))
            except csv.Error as e:
                problems.append(Problem(f"{path}:{reader.line_num}", f"not valid CSV ({e})"))
        finally:
            csv.field_size_limit(old_limit)
    for lineno, row in rows:
        where = f"{path}:{lineno}"
        if "text" not in row:
            problems.append(Problem(where, "row has no 'text' field"))
            continue
        raw = row["text"]
        if not isinstance(raw, str):
            problems.append(Problem(where, f"'text' is not a string ({type(raw).__name__})"))
            continue
        if not raw.strip():
            problems.append(Problem(where, "empty text"))
            continue
        if len(raw) > max_chars:
            problems.append(Problem(where, _too_long(len(raw), max_chars)))
            continue
        paragraphs, meta, _ = _body(raw)
        fields = {k: _row_value(row.get(k)) for k in ROW_FIELDS}
        given = _Meta(title=_one_line(fields["title"]), author=fields["author"], outlet=fields["outlet"],
                      date=fields["date"], url=fields["url"])
        given.fill(author=meta.author, outlet=meta.outlet, date=meta.date, photographer=meta.photographer)
        doc_id = fields["id"] or f"{stem}-{lineno}"
        candidates.append(_Candidate(doc_id, where, paragraphs, given, title=given.title))
    # in line order: bad JSON lines and rows without text are found in two passes
    problems.sort(key=lambda pr: int(pr.path.rsplit(":", 1)[1]) if pr.path != path else 0)
    return candidates, problems


def _too_long(length: int, max_chars: int, unit: str = "characters") -> str:
    return f"too long ({length:,} {unit}; the limit is {max_chars:,} characters, see --max-chars)"


def _read_file(p: Path, path: str, max_chars: int = MAX_CHARS) -> tuple[list[_Candidate], list[Problem]]:
    kind = p.suffix.lower()
    try:
        if kind not in (".jsonl", ".csv"):
            size = p.stat().st_size  # UTF-8 takes at most 4 bytes a character: don't read what is surely too long
            if size > 4 * max_chars:
                return [], [Problem(path, _too_long(size, max_chars, "bytes"))]
        data = p.read_bytes()
    except OSError as e:
        return [], [Problem(path, f"cannot read ({e.strerror or e})")]
    text, problem = _decode(data, path)
    del data
    if problem:
        return [], [problem]
    assert text is not None
    if kind in (".jsonl", ".csv"):
        return _read_rows(kind, text, path, _safe_name(p.stem), max_chars)
    if len(text) > max_chars:
        return [], [Problem(path, _too_long(len(text), max_chars))]
    if kind in (".html", ".htm"):
        try:
            page = _html_extract(text)
        except ImportError as e:
            return [], [Problem(path, f"cannot read HTML without beautifulsoup4 and lxml ({e})")]
        paragraphs, meta, _ = _body(page.text)
        page.meta.fill(author=meta.author, outlet=meta.outlet, date=meta.date, photographer=meta.photographer)
        return [_Candidate(_safe_name(p.stem), path, paragraphs, page.meta, title=_one_line(page.meta.title))], []
    paragraphs, meta, heading = _body(text, markup="md" if kind == ".md" else "text")
    title = _one_line(meta.title) or heading
    return [_Candidate(_safe_name(p.stem), path, paragraphs, meta, title=title)], []


def _gather(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    files: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        try:
            real = os.path.realpath(p)
        except (OSError, ValueError):
            real = str(p)
        if real not in seen:
            seen.add(real)
            files.append((p, _as_path_str(p)))

    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]  # type: ignore[list-item]
    for given in paths:
        try:
            p = Path(os.fsdecode(given))
            shown = _as_path_str(p)
        except (TypeError, ValueError) as e:
            problems.append(Problem(str(given), f"not a path ({e})"))
            continue
        try:
            if not p.exists():
                problems.append(Problem(shown, "symbolic link loop" if _is_link_loop(p) else
                                        "dangling symbolic link (its target does not exist)" if p.is_symlink() else
                                        "no such file or folder"))
            elif p.is_dir():
                found, walk_problems = _walk(p)
                problems.extend(walk_problems)
                if not found and not walk_problems:
                    problems.append(Problem(shown, f"folder has no supported files ({', '.join(SUPPORTED_EXTENSIONS)})"))
                for f in found:
                    add(f)
            elif p.suffix.lower() not in SUPPORTED_EXTENSIONS:
                shown_ext = p.suffix or "no extension"
                problems.append(Problem(shown, f"unsupported file type ({shown_ext}; expected one of {', '.join(SUPPORTED_EXTENSIONS)})"))
            elif not p.is_file():
                problems.append(Problem(shown, "not a regular file"))
            else:
                add(p)
        except OSError as e:
            problems.append(Problem(shown, f"cannot read ({e.strerror or e})"))
    return files, problems


def _is_link_loop(p: Path) -> bool:
    try:
        os.stat(p)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def _line_exempt(line: str) -> bool:
    """Lines that may recur across a corpus legitimately: quotes, dialogue, short sentences."""
    if any(q in line for q in "\"“”„«»‘"):
        return True
    if line[:1] in "-–—―":
        return True
    return line.count(" ") < 4 and line[-1:] in ".!?…"


def _drop_corpus_boilerplate(candidates: list[_Candidate]) -> None:
    n = len(candidates)
    if n < CORPUS_MIN_DOCS:
        return
    df: Counter[str] = Counter()
    for c in candidates:
        df.update({_key(line) for p in c.paragraphs for line in p.split("\n")})
    threshold = max(CORPUS_MIN_DOCS, CORPUS_MIN_SHARE * n)
    frequent = {k for k, v in df.items() if v >= threshold}
    if not frequent:
        return
    for c in candidates:
        total = removed = 0
        for p in c.paragraphs:
            for line in p.split("\n"):
                total += len(line)
                if _key(line) in frequent and not _line_exempt(line):
                    removed += len(line)
        if not removed or removed * 2 > total:
            continue  # nothing to remove, or a copy of another article
        paragraphs = []
        for p in c.paragraphs:
            lines = [line for line in p.split("\n") if _key(line) in frequent and _line_exempt(line) or _key(line) not in frequent]
            if lines:
                paragraphs.append("\n".join(lines))
        c.paragraphs = _structure(paragraphs)


def read_documents(
    paths: Iterable[str | os.PathLike[str]], *, max_chars: int = MAX_CHARS
) -> tuple[list[Document], list[Problem]]:
    """Read, clean and describe the articles in ``paths`` (files and folders).

    Returns the documents in reading order (paths in the order given, folders walked in sorted
    order, rows in file order) and one :class:`Problem` per unusable input: missing path, empty
    folder, unsupported named file, empty/binary/non-UTF-8 file, bad JSONL line, row without
    text, CSV without a ``text`` column, text left empty by cleaning, duplicate id, a document
    (file or row) of more than ``max_chars`` characters. Never raises for bad input. See the
    module docstring for cleaning, metadata and ids.
    """
    files, problems = _gather(paths)
    candidates: list[_Candidate] = []
    for p, shown in files:
        try:
            found, probs = _read_file(p, shown, max_chars)
        except RecursionError:
            found, probs = [], [Problem(shown, "cannot read (nested too deeply)")]
        candidates.extend(found)
        problems.extend(probs)

    unique: list[_Candidate] = []
    owner: dict[str, str] = {}
    for c in candidates:
        if not c.paragraphs:
            problems.append(Problem(c.path, "no text left after removing boilerplate"))
            continue
        if c.id in owner:
            problems.append(Problem(c.path, f"duplicate id {c.id!r} (already used by {owner[c.id]}); skipped"))
            continue
        owner[c.id] = c.path
        unique.append(c)

    _drop_corpus_boilerplate(unique)

    documents = []
    for c in unique:
        text, title = _assemble(c)
        if not text or (title and text == title):
            problems.append(Problem(c.path, "no text left after removing boilerplate"))
            continue
        m = c.meta
        documents.append(Document(id=c.id, text=text, title=title, outlet=m.outlet, author=m.author,
                                  date=document_date(m.date, text, m.url), url=m.url, path=c.path,
                                  photographer=m.photographer))
    return documents, problems
