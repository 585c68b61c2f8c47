"""Acronyms the text defines, ``Long Name (ABBR)``: the long form as a candidate (a candidate
source)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from ..tokens import Tokens
from .candidates import Candidate
from .words import CONNECTORS


ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9\-&\.]{0,9}$")


def acronym_candidates(toks: Tokens) -> Iterator[tuple[Candidate, Span, Span]]:
    """``Long Name (ABBR)`` and ``ABBR (Long Name)``: the long form as a candidate, with both spans.

    The long form is found with the Schwartz-Hearst rule: every letter of the short form, right to
    left, in the long form, the first at the start of a word."""
    text = toks.text
    for paren, word in enumerate(text):
        if word != "(":
            continue
        close = next((j for j in range(paren + 1, min(paren + 5, len(text))) if text[j] == ")"), None)
        if close is None or close == paren + 1:
            continue
        inner = toks.doc[paren + 1 : close]
        short = inner.text
        letters = [c for c in short if c.isalpha()]
        capitals = sum(c.isupper() for c in letters)
        if ACRONYM.match(short.replace(" ", "")) and capitals >= 2 and capitals >= 0.6 * len(letters):
            long_span = _long_form_before(toks, paren, short)
            if long_span is not None and not _ends_in_a_person(long_span, short):
                yield Candidate(long_span.start, long_span.end, "acronym", "ORG"), inner, long_span


def _ends_in_a_person(span: Span, short: str) -> bool:
    """Words before a person's name the model tagged, whose surname gives the short form no last
    letter: "Sen. Ann Lee (D-Ohio)" is a person with her party's tag, not an organisation's long
    form. A firm named after people ("Roe, Dunn and Kane (RDK)") and a long form the model reads
    as a person as a whole stay long forms."""
    last = span[-1]
    if last.ent_type_ != "PERSON":
        return False
    first = last.i
    while first > span.start and span.doc[first].ent_iob_ != "B":
        first -= 1
    letters = [c for c in short if c.isalpha()]
    return first > span.start and bool(letters) and letters[-1].lower() != last.text[:1].lower()


def _long_form_before(toks: Tokens, paren: int, short: str) -> Span | None:
    doc = toks.doc
    letters = [c.lower() for c in short if c.isalnum()]
    sent_start = toks.sent_start_of(paren)
    window_start = max(sent_start, paren - min(len(letters) + 5, len(letters) * 2 + 2))
    words = doc[window_start:paren]
    text = words.text
    if not text:
        return None
    # Schwartz & Hearst (2003): match the short form's letters right to left in the long form.
    s_idx = len(letters) - 1
    l_idx = len(text) - 1
    while s_idx >= 0:
        c = letters[s_idx]
        while l_idx >= 0 and (text[l_idx].lower() != c or (s_idx == 0 and l_idx > 0 and text[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return _first_letter_fallback(toks, paren, short)
        s_idx -= 1
        l_idx -= 1
    start_char = words.start_char + l_idx + 1
    span = doc.char_span(start_char, words.end_char, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span if len(span) >= 2 else None


def _first_letter_fallback(toks: Tokens, paren: int, short: str) -> Span | None:
    """A foreign acronym ("FSB" for Federal Security Service): accept the capitalised phrase
    right before the bracket when it starts with the acronym's first letter."""
    tok, lower = toks.tok, toks.lower
    i = paren
    sent_start = toks.sent_start_of(paren)
    while i > sent_start and (tok[i - 1].is_title or tok[i - 1].is_upper or lower[i - 1] in CONNECTORS):
        i -= 1
    while i < paren and lower[i] in CONNECTORS:
        i += 1
    if paren - i >= 2 and toks.text[i][:1].upper() == short[:1].upper():
        return toks.doc[i:paren]
    return None
