"""Acronyms the text defines, ``Long Name (ABBR)``: the long form as a candidate (a candidate
source); and standard codes given after a name, ``X Airport (IATA: XAP)``."""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span

from ..tokens import Tokens
from .candidates import Candidate, CandidateKind
from ..curated import packaged_words
from .words import CONNECTORS

CODE_LABELS = packaged_words("function_words.tsv", "code_label")  # "IATA", "NYSE": data/function_words.tsv


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
                yield Candidate(long_span.start, long_span.end, CandidateKind.ACRONYM, "ORG"), inner, long_span


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


def code_definitions(toks: Tokens) -> Iterator[tuple[Span, Span]]:
    """``Ashvale Airport (IATA: ASV)``, ``Acme Corp. (NYSE: ACM)``: a standard code in brackets,
    behind its label, names the capitalised name right before the bracket, and with ``X or Y
    (IATA: ASV)`` X too. Yields (code, name) spans; the name is left to the other sources, since
    the code says nothing about what kind of thing it names."""
    text, lower = toks.text, toks.lower
    for paren, word in enumerate(text):
        if word != "(" or paren + 4 >= len(text) or text[paren + 2] != ":" or text[paren + 4] != ")":
            continue
        code = text[paren + 3]
        if lower[paren + 1] not in CODE_LABELS or not (code.isupper() and code.isalnum() and len(code) <= 6):
            continue
        end = paren
        for _ in range(2):  # the name before the bracket, then the one before "or"
            start = _capitalised_start(toks, end)
            if start is None:
                break
            yield toks.doc[paren + 3 : paren + 4], toks.doc[start:end]
            if start < 2 or lower[start - 1] != "or":
                break
            end = start - 1


NAME_WORDS_MAX = 8


def _capitalised_start(toks: Tokens, end: int) -> int | None:
    """Where the capitalised phrase ending right before token ``end`` starts (connectors inside
    it kept, not at its start), or None when the word before ``end`` is not capitalised."""
    tok, lower = toks.tok, toks.lower
    first = max(0, end - NAME_WORDS_MAX)  # not the sentence's start: the model cuts long names into two sentences
    i = end
    while i > first and (tok[i - 1].is_title or tok[i - 1].is_upper or lower[i - 1] in CONNECTORS):
        i -= 1
    while i < end and lower[i] in CONNECTORS:
        i += 1
    return i if i < end and tok[i].is_alpha else None
