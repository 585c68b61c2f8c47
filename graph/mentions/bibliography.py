"""People named surname first at the start of the lines of a list of works (a candidate source)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..contract import fold
from ..tokens import Tokens
from .candidates import Candidate, CandidateKind


_CAPITAL_WORD = r"[A-Z][a-z][\w'\u2019\-]*"
_INVERTED_NAME = rf"{_CAPITAL_WORD}(?: {_CAPITAL_WORD})?, {_CAPITAL_WORD}(?: (?:{_CAPITAL_WORD}|[A-Z]\.))" + "{0,2}"

# A line of a list of works that starts with its authors, surname first: "Lee, Ann. The Long Road",
# "Lee, Ann and Roe, Jo. Letters".
_INVERTED_LINE = re.compile(rf"(?m)^(?P<names>{_INVERTED_NAME}(?: and {_INVERTED_NAME})*)\. +\S")
_INVERTED_ONE = re.compile(_INVERTED_NAME)


def inverted_name_candidates(toks: Tokens, given_names: frozenset[str], titles: dict[str, str | None]) -> Iterator[Candidate]:
    """People named surname first at the start of the lines of a list of works ("Lee, Ann. The
    Long Road"). The shape must be the list's: two lines or more of it, one with a given name or a
    person the model found; a line alone must give a given name after its comma. A title is no
    part of it ("Senator Lee, Mr. Speaker, ...": an address)."""
    lines = [
        line for line in _INVERTED_LINE.finditer(toks.doc_text)
        if not any(word.lower().rstrip(".,") in titles for word in line.group("names").split())
    ]
    if not lines:
        return
    people = {t for ent in toks.ents if ent.label_ == "PERSON" for t in range(ent.start, ent.end)}

    def named(line: re.Match) -> bool:
        for m in _INVERTED_ONE.finditer(line.group("names")):
            given = m.group().split(", ", 1)[1].split()[0]
            if fold(given) in given_names:
                return True
        span = toks.doc.char_span(line.start(), line.end("names"), alignment_mode="contract")
        return span is not None and any(t in people for t in range(span.start, span.end))

    if not (len(lines) >= 2 and any(named(line) for line in lines)):
        lines = [line for line in lines if named(line)]
    for line in lines:
        for m in _INVERTED_ONE.finditer(line.group("names")):
            span = toks.doc.char_span(line.start() + m.start(), line.start() + m.end(), alignment_mode="contract")
            if span is not None and len(span) >= 3 and span.text == m.group():
                yield Candidate(span.start, span.end, CandidateKind.NER, "PERSON", inverted=True)
