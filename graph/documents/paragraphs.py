"""Cleaning, third step: sentences, paragraphs and repetition inside one document.

* Boilerplate lines (:mod:`graph.documents.boilerplate`) go.
* Repetition inside a document: a paragraph of 8 words or more that was already seen is dropped
  (the first copy stays); sentences of 8 words or more that were already seen are dropped from the
  start of a paragraph, the rest of that paragraph stays. Shorter repeats (dialogue, "Yes.") stay.
* A paragraph broken in the middle of a sentence (no end punctuation, next one starts in lower
  case) is joined back with a single ``\\n``.

>>> structure(split_paragraphs("The mayor opened the new bridge on\\n\\nthe river on Monday.\\n\\nShare this"))
['The mayor opened the new bridge on\\nthe river on Monday.']
>>> sentence_spans("Dr. Lee met Mr. Ode in the U.S. capital. They spoke.")
((0, 40), (41, 52))
"""
from __future__ import annotations

import re

from .boilerplate import is_boilerplate
from .normalise import compare_key

__all__ = ["MIN_REPEAT_WORDS", "sentence_spans", "split_paragraphs", "structure"]

MIN_REPEAT_WORDS = 8  # a paragraph or sentence this long counts once per document
_BLANK_LINES_RE = re.compile(r"\n[ \n]*\n")

_SENT_END_RE = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)|\n")
_WORD_BEFORE_RE = re.compile(r"\w+$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt st jr sr vs no gov sen rep capt maj adm cmdr rev fr inc ltd "
    "co corp dept est fig approx jan feb mar apr jun jul aug sep sept oct nov dec mt ft etc al".split()
)


def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
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


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of ``text``: the blocks between blank lines."""
    return [p for p in _BLANK_LINES_RE.split(text) if p.strip()]


def _drop_boilerplate_lines(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        lines = [line for line in p.split("\n") if line and not is_boilerplate(line)]
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
        pkey = compare_key(p)
        if pkey in seen_paragraphs and _words(pkey) >= MIN_REPEAT_WORDS:
            continue
        seen_paragraphs.add(pkey)
        spans = spans_of.get(p)
        if spans is None:
            spans = spans_of[p] = sentence_spans(p)
        cut = None
        keys = [compare_key(p[s:e]) for s, e in spans]
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


def structure(paragraphs: list[str]) -> list[str]:
    """Boilerplate lines, broken paragraphs, repeats, until nothing changes (each step only removes
    or merges, so this ends)."""
    spans_of: dict[str, tuple[tuple[int, int], ...]] = {}  # the rounds after the first see the same paragraphs
    for _ in range(50):
        new = _drop_repeats(_join_broken(_drop_boilerplate_lines(paragraphs)), spans_of)
        if new == paragraphs:
            break
        paragraphs = new
    return paragraphs
