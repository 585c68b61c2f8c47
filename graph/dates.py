"""The date of a document, as ISO 8601 ``YYYY-MM-DD``, from what the document itself says.

Public surface: :func:`document_date` (the one call the documents stage makes) and
:func:`parse_date` (one written date, for the API and the exports).

Where a date comes from, first found wins:

1. the date given with the document (a JSONL/CSV ``date`` field, front matter, an HTML
   ``<meta>`` date, a byline date found while reading);
2. a dateline or byline date in its opening lines: ``MOSCOW, March 3 (TASS) -``,
   ``Published 3 March 2019``, ``Updated: 2019-03-04``, or a line that is only a date;
3. a date in its URL: ``/2019/03/04/``, ``/2019-03-04/``, ``/20190304/``.

python-dateutil does the parsing; around it, the rules that keep dates honest and the build
reproducible. Relative dates ("yesterday", "3 days ago") are refused. A numeric date whose day and
month could be either way round (``03/04/2019``) is undecidable and gives nothing, while
``13/04/2019`` is 13 April. Two-digit years are refused (dateutil would read them against
today's century). A date without a year (``March 3``) takes the year only from the document
itself (its URL); never today's year. So the same input gives the same date on any day.

>>> parse_date("Published 3 March 2019")
'2019-03-03'
>>> parse_date("2024-03-05T10:00:00Z")
'2024-03-05'
>>> parse_date("03/04/2019") is None, parse_date("13/04/2019")
(True, '2019-04-13')
>>> parse_date("yesterday") is None, parse_date("March 3") is None, parse_date("March 3", year=2019)
(True, True, '2019-03-03')
>>> document_date(None, "MOSCOW, March 3 (TASS) - Talks began.", "https://tass.example/2019/03/03/talks")
'2019-03-03'
"""
from __future__ import annotations

import re
from datetime import datetime

from dateutil import parser as _dateutil

__all__ = ["document_date", "parse_date"]

HEAD_LINES = 8  # opening lines searched for a dateline or byline date
HEAD_CHARS = 3000  # ... within this many first characters
SHORT_DATE_LINE = 8  # a line of at most this many words that is mostly a date is a date line

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_YEAR = r"(?:1[89]|2[01])\d\d"
# A written date: month names with or without a year, ISO, and numeric day/month/year.
_WRITTEN = re.compile(
    rf"\b(?:{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\.?,?(?:\s+{_YEAR})?"
    rf"|{_YEAR}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
    rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]{_YEAR}"
    rf"|{_YEAR}[./]\d{{1,2}}[./]\d{{1,2}})(?![\w/-])",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"\b(?:yesterday|today|tomorrow|tonight|ago|recently"
    r"|(?:last|next|this)\s+(?:week|month|year|\w+day))\b",
    re.IGNORECASE,
)
_NUMERIC_DMY = re.compile(rf"^(\d{{1,2}})[./-](\d{{1,2}})[./-]({_YEAR})$")
# Year first is year-month-day (ISO and its slashed or dotted forms); dateutil's dayfirst would swap them.
_YEAR_FIRST = re.compile(rf"^({_YEAR})([./-])(\d{{1,2}})\2(\d{{1,2}})(?:[T ].*)?$")
_HAS_YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
# Opening-line contexts: a dateline (CAPITALS, date, then an outlet in brackets/slashes or a dash)
# and a byline-like line (By ..., Published/Updated/Posted/Date ...).
_DATELINE = re.compile(r"^[A-Z][A-Z'’.\-]+(?: [A-Z][A-Z'’.\-]+){0,3}\s*,\s*(?P<when>[^()/–—]{3,40}?)\s*\.?\s*(?:\(|/|[-–—]\s)")
_BYLINE = re.compile(r"^(?:by\b|(?:first\s+)?(?:published|posted|updated|last updated|date|dated|issued)\b)", re.IGNORECASE)
_URL_DATE = re.compile(rf"(?<!\d)(?P<y>{_YEAR})(?P<sep>[/_-]?)(?P<m>\d\d)(?P=sep)(?P<d>\d\d)(?!\d)")
_URL_YEAR = re.compile(rf"/(?P<y>{_YEAR})/")
_WEEKDAY = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\b\.?,?", re.IGNORECASE)
_TIME_OF_DAY = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b(?:at|[AaPp]\.?[Mm]\.?|GMT|UTC|[A-Z]{2,4}T)(?!\w)|[|,•·\-–—]")
# Two defaults far apart: a field dateutil fills from the default differs between them.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1908, 2, 2))


def document_date(given: str | None, text: str, url: str | None = None) -> str | None:
    """The document's date as ``YYYY-MM-DD``, or None when nothing it carries says it.

    >>> document_date("2021-06-03T09:00:00+01:00", "Text.", None)
    '2021-06-03'
    >>> document_date(None, "Storm Hits Coast\\n\\nPublished 3 March 2019\\n\\nThe storm ...", None)
    '2019-03-03'
    >>> document_date(None, "Nothing dated here.", "https://news.example/2020/11/05/story.html")
    '2020-11-05'
    """
    year = _url_year(url)
    return (
        (parse_date(given, year=year) if given else None)
        or _head_date(text, year)
        or _url_date(url)
    )


def parse_date(value: str, *, year: int | None = None) -> str | None:
    """The date ``value`` states, as ``YYYY-MM-DD``; None if it states none, a relative one,
    an undecidable day/month order or (without ``year``) no year. A value that is not only a
    date ("Published 3 March 2019") gives the first date written in it.

    >>> parse_date("April 26, 2017"), parse_date("Tue, 05 Mar 2019 10:00:00 +0000")
    ('2017-04-26', '2019-03-05')
    """
    if _RELATIVE.search(str(value)):
        return None
    whole = _parse_one(value, year)
    if whole is not _UNREADABLE:
        return whole
    match = _WRITTEN.search(str(value))
    found = _parse_one(match.group(0), year) if match else None
    return None if found is _UNREADABLE else found


_UNREADABLE = object()  # dateutil could not read it at all (as opposed to: read it, no full date)


def _parse_one(value: str, year: int | None):
    text = " ".join(_WEEKDAY.sub(" ", str(value)).split()).strip(" ,.;:")
    if not text:
        return None
    year_first = _YEAR_FIRST.match(text)
    if year_first:
        return _checked(int(year_first.group(1)), int(year_first.group(3)), int(year_first.group(4)))
    numeric = _NUMERIC_DMY.match(text)
    if numeric:
        first, second, y = (int(g) for g in numeric.groups())
        if first <= 12 and second <= 12 and first != second:
            return None  # 03/04/2019: March or April, nothing says which
        return _checked(y, second, first) if first > 12 else _checked(y, first, second)
    try:
        a, b = (_dateutil.parse(text, default=d, dayfirst=True) for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return _UNREADABLE
    if a.month != b.month or a.day != b.day:
        return None  # "March 2019": no day
    if a.year != b.year or not _HAS_YEAR.search(text):
        if year is None or a.year != _DEFAULTS[0].year:
            return None  # no year, or a two-digit one
        return _checked(year, a.month, a.day)
    return _checked(a.year, a.month, a.day)


def _checked(y: int, m: int, d: int) -> str | None:
    try:
        return datetime(y, m, d).date().isoformat()
    except ValueError:
        return None


def _head_date(text: str, year: int | None) -> str | None:
    """A dateline or byline date in the opening lines, or a short line that is a date."""
    lines = [line.strip() for line in text[:HEAD_CHARS].split("\n") if line.strip()][:HEAD_LINES]
    for line in lines:
        dateline = _DATELINE.match(line)
        if dateline:
            when = dateline.group("when")
            match = _WRITTEN.search(when)
            found = parse_date(match.group(0), year=year) if match and _mostly(match, when) else None
            if found:
                return found
        if _BYLINE.match(line) or len(line.split()) <= SHORT_DATE_LINE:
            match = _WRITTEN.search(line)
            if match and (_BYLINE.match(line) or _mostly(match, line)):
                found = parse_date(match.group(0), year=year)
                if found:
                    return found
    return None


def _mostly(match: re.Match[str], line: str) -> bool:
    """The date is most of the line (a weekday or a time may stand beside it)."""
    rest = _WEEKDAY.sub(" ", line[: match.start()] + " " + line[match.end() :])
    rest = _TIME_OF_DAY.sub(" ", rest)
    return len(rest.split()) <= 2


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    for m in _URL_DATE.finditer(url):
        found = _checked(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if found:
            return found
    return None


def _url_year(url: str | None) -> int | None:
    if not url:
        return None
    full = _url_date(url)
    if full:
        return int(full[:4])
    m = _URL_YEAR.search(url)
    return int(m.group("y")) if m else None
