from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import accumulate


OPENERS = {"\u201c": "double", "\u00ab": "double", "\u201e": "double", "``": "double"}
CLOSERS = {"\u201d": "double", "\u00bb": "double"}
# Two apostrophes stand for a straight double mark in some outlets' ASCII style (''Yes,'' she said).
STRAIGHT = ('"', "''")
QUOTATION_MARK = re.compile("|".join(re.escape(m) for m in sorted([*OPENERS, *CLOSERS, *STRAIGHT], key=len, reverse=True)))
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")


@dataclass(frozen=True)
class Quote:
    """Quoted words: ``start``/``end`` are the content's offsets (inside the marks); ``opened`` /
    ``closed`` say whether the text has the opening / closing mark."""

    start: int
    end: int
    opened: bool = True
    closed: bool = True
    open_mark: int | None = None  # offset of the opening mark
    close_mark: int | None = None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _mark_role(text: str, i: int, j: int, lo: int, hi: int) -> str | None:
    """'open', 'close' or 'either' for a double quotation mark at [i, j) inside [lo, hi)."""
    c = text[i:j]
    prev = text[i - 1] if i > lo else " "
    nxt = text[j] if j < hi else " "
    if c in OPENERS:
        # an opening mark typed at the end of words ('"Not yet,“ he said'): the writer meant a closing one
        if c == "\u201c" and not prev.isspace() and prev in ".,!?;\u2026" and (nxt.isspace() or nxt in ".,;:!?)"):
            return "close"
        return "open"
    if c in CLOSERS:
        # a closing mark typed before a word ("”We waited"): the writer meant an opening one
        return "open" if prev.isspace() and nxt.isalnum() else "close"
    if c not in STRAIGHT:
        return None
    if prev.isspace() or prev in "([{<\u2014\u2013-/\u2018'":
        return "open" if not nxt.isspace() else "close"
    if nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-\u2019'\u2026":
        return "close"
    return "either"


def _marks(text: str, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
    """(offset, end, role) of the double quotation marks inside [lo, hi), in text order."""
    for m in QUOTATION_MARK.finditer(text, lo, hi):
        yield m.start(), m.end(), _mark_role(text, m.start(), m.end(), lo, hi)


def find_quotes(text: str) -> list[Quote]:
    """Spans of text between double quotation marks (curly, straight or guillemets).

    Forgiving by design: a paragraph that ends inside an open quote continues it into the next
    paragraph when that one opens with a mark (the convention for long quotes) or closes one before
    opening another; otherwise the quote ends with its paragraph. A closing mark with no opening
    mark before it in its paragraph closes a quote that started at the paragraph's start. So an
    unbalanced mark costs at most one paragraph, never the rest of the document.

    >>> [text[q.start:q.end] for text in ['He said: "No way." Then "we go," she said.'] for q in find_quotes(text)]
    ['No way.', 'we go,']
    """
    quotes: list[Quote] = []
    paragraphs = paragraph_spans(text)
    carry: tuple[int, int | None] | None = None  # (content start, opening mark) of a quote left open
    for n, (lo, hi) in enumerate(paragraphs):
        marks = list(_marks(text, lo, hi))
        open_at: tuple[int, int | None] | None = None
        seen_any = False
        if carry is not None:
            first = marks[0] if marks else None
            if first and first[2] in ("open", "either") and not text[lo:first[0]].strip():
                marks = marks[1:]  # the opening mark that repeats at a continued paragraph
            open_at = carry
            carry = None
        nested_close = -1  # the closing mark of a quote inside the open one
        for k, (i, j, role) in enumerate(marks):
            if k == nested_close:
                continue
            if role == "either":
                role = "close" if open_at is not None else "open"
            if role == "open":
                if open_at is not None and _nested(marks, k):
                    nested_close = k + 1  # 'what she calls "a circus" and ...': quoted words inside the quote
                    continue
                if open_at is not None:
                    # a new quote opens while one is open: the earlier one lost its closing mark
                    quotes.append(_quote(text, open_at, i, closed=False))
                open_at = (j, i)
            else:
                if open_at is not None:
                    quotes.append(_quote(text, open_at, i, closed=True))
                    open_at = None
                elif not seen_any:
                    # closing mark with no opening one: the quote starts with the paragraph
                    quotes.append(_quote(text, (lo, None), i, closed=True))
            seen_any = True
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None and _continues(text, nxt, open_at[1]):
                carry = open_at
            else:
                quotes.append(_quote(text, open_at, hi, closed=False))
    return [q for q in quotes if q.end > q.start]


def _nested(marks: list[tuple[int, int, str | None]], k: int) -> bool:
    """Does the opening mark ``k``, inside an open quote, open a quote within it? Yes when two
    closing marks follow before any other opens: the inner quote's and the outer one's."""
    after = [role for _, _, role in marks[k + 1 : k + 3]]
    return len(after) == 2 and after[0] in ("close", "either") and after[1] == "close"


def _continues(text: str, paragraph: tuple[int, int], open_mark: int | None) -> bool:
    """Does an open quote go on into this paragraph? Yes when it starts with an opening mark of the
    quote's own style (a continued quote repeats its mark: a straight quote left open before a
    paragraph that opens with a curly one lost its closing mark, the new mark is another quote),
    or when it closes a quote before it opens one."""
    lo, hi = paragraph
    for i, j, role in _marks(text, lo, hi):
        if not text[lo:i].strip():
            return role in ("open", "either") and (open_mark is None or _straight(text, open_mark) == _straight(text[i:j], 0))
        return role == "close" or (role == "either" and not text[i - 1].isspace())
    return False


def _straight(text: str, i: int) -> bool:
    """Is the mark at ``i`` a straight one (" or '')?"""
    return text.startswith(STRAIGHT, i)


def _quote(text: str, open_at: tuple[int, int | None], end: int, closed: bool) -> Quote:
    start, mark = open_at
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Quote(s, e, opened=mark is not None, closed=closed, open_mark=mark, close_mark=end if closed else None)


class Spans:
    """(start, end) pairs of offsets, asked by bisection rather than by a scan of every pair (they
    are asked once per claim, or per person in a claim)."""

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(pairs)
        self.starts = [s for s, _ in pairs]
        self.reach = list(accumulate((e for _, e in pairs), max))  # the furthest end of the pairs so far

    def covers(self, char: int) -> bool:
        """Some pair has start <= char < end."""
        k = bisect_right(self.starts, char)
        return k > 0 and char < self.reach[k - 1]

    def encloses(self, start: int, end: int) -> bool:
        """Some pair starts at or before ``start`` and ends at or after ``end``."""
        k = bisect_right(self.starts, start)
        return k > 0 and end <= self.reach[k - 1]
