"""Metadata shown in an article's text, found before cleaning: byline, dateline, copyright lines;
and what makes a first line look like a headline.

* byline ``By Sami Karimi`` or ``By <u>Sami Karimi</u> Global Research, April 26, 2017 Region: …``
  (author, outlet, date) and ``Articles by: South Front`` (author); a line with an upper-case
  surname and a given name, ``ALEXANDROVA Lyudmila`` (author ``Lyudmila Alexandrova``). These
  lines only carry metadata and are removed from the body (later stages read ``Document.author``).
* dateline ``MOSCOW, April 8. /TASS/.`` or ``LONDON (Reuters) -`` gives the outlet; the dateline
  stays in the body, it is part of the first sentence.
* copyright ``Copyright © Sami Karimi, Global Research, 2017`` (outlet Global Research, author
  Sami Karimi), "The original source of this article is X", "X may not share the opinions of its
  contributors" (outlet X); these lines are boilerplate (:mod:`graph.documents.boilerplate`).

What a source gives in fields (rows, HTML ``<meta>``, front matter) wins over the text: a
:class:`Meta` is filled from the strongest source first.

>>> text, meta = text_metadata("By Jan Novak, Daily Courier, March 3, 2021\\nPRAGUE (Courier) - Rain fell.")
>>> text
'PRAGUE (Courier) - Rain fell.'
>>> meta.author, meta.outlet, meta.date
('Jan Novak', 'Daily Courier', '2021-03-03')
>>> looks_like_headline("Flood waters reach the old town")
True
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as date_cls

from ..curated import packaged_words
from .boilerplate import LABELS
from .normalise import TAG_RE
from .paragraphs import sentence_spans

__all__ = ["Meta", "looks_like_headline", "text_metadata"]

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


_PARTICLES = frozenset(packaged_words("function_words.tsv", "name_particle"))  # data/function_words.tsv
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
_HEADING_WORDS = frozenset(packaged_words("heading_words.txt"))  # data/heading_words.txt

# Words no name is made of: a line "About BRICS" or "In BRIEF" is a heading, not a name in capitals.
_FUNCTION_WORDS = frozenset("on in at of to for from with about by into after before over under the a an".split())


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
    return " ".join(TAG_RE.sub(" ", line).split())


_LABEL_SPLIT_RE = re.compile(rf"\b{LABELS}\s*:", re.IGNORECASE)


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
        more = rest.strip(" ,;")
        if taken and words[len(taken) - 1].endswith(",") and re.search(r"\band\b|&", more) and _valid_name(more) and not _parse_date(more):
            name, rest = f"{name}, {more}", ""  # "By A, B, and C": three authors, no outlet
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
    if not 2 <= len(words) <= 4 or any(w.casefold().strip(".") in _HEADING_WORDS | _FUNCTION_WORDS for w in words):
        return None  # "About BRICS", "About US": a heading

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
class Meta:
    """What is known of a document besides its text; each source fills what is still empty."""

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


def text_metadata(text: str) -> tuple[str, Meta]:
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
    meta = Meta()
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


def looks_like_headline(line: str) -> bool:
    """2-30 words, one sentence, no final full stop, not a dateline or byline."""
    words = line.split()
    if not 2 <= len(words) <= 30 or len(line) > 250:
        return False
    if line[-1] in ".,;:" or not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'«"):
        return False
    if len(sentence_spans(line)) > 1 or not any(c.isalpha() for c in line):
        return False
    if _DATELINE_RE.match(line) or _BYLINE_RE.match(line):
        return False
    return True

