"""Cleaning across the documents of one call: a line found in many of them is boilerplate.

A line found in at least 3 documents and in at least 20 % of the documents read in one call is
removed, except lines with quotation marks, dialogue lines (starting with a dash) and short
sentences of at most four words ending in ``.!?`` ("Thank you."), and except in a document where
such lines would make up more than half of the text: that document is a copy of another article
(syndication), not a page carrying boilerplate, and keeps its text.

>>> footer = "Our newsroom is supported by readers"
>>> docs = [[f"Story {i}: the harbour reopened after the storm, said the port.", footer] for i in range(4)]
>>> drop_corpus_boilerplate(docs)[0]
['Story 0: the harbour reopened after the storm, said the port.']
"""
from __future__ import annotations

from collections import Counter

from .normalise import compare_key
from .paragraphs import structure

__all__ = ["CORPUS_MIN_DOCS", "CORPUS_MIN_SHARE", "drop_corpus_boilerplate"]

CORPUS_MIN_DOCS = 3  # a line in at least this many documents ...
CORPUS_MIN_SHARE = 0.2  # ... and in at least this share of them is boilerplate


def _line_exempt(line: str) -> bool:
    """Lines that may recur across a corpus legitimately: quotes, dialogue, short sentences."""
    if any(q in line for q in "\"“”„«»‘"):
        return True
    if line[:1] in "-–—―":
        return True
    return line.count(" ") < 4 and line[-1:] in ".!?…"


def drop_corpus_boilerplate(documents: list[list[str]]) -> list[list[str]]:
    """The paragraphs of each document (in the order given) without the lines frequent across
    ``documents``; a document with nothing to remove comes back as it was given."""
    n = len(documents)
    if n < CORPUS_MIN_DOCS:
        return documents
    df: Counter[str] = Counter()
    for doc in documents:
        df.update({compare_key(line) for p in doc for line in p.split("\n")})
    threshold = max(CORPUS_MIN_DOCS, CORPUS_MIN_SHARE * n)
    frequent = {k for k, v in df.items() if v >= threshold}
    if not frequent:
        return documents
    out = []
    for doc in documents:
        total = removed = 0
        for p in doc:
            for line in p.split("\n"):
                total += len(line)
                if compare_key(line) in frequent and not _line_exempt(line):
                    removed += len(line)
        if not removed or removed * 2 > total:
            out.append(doc)  # nothing to remove, or a copy of another article
            continue
        paragraphs = []
        for p in doc:
            lines = [line for line in p.split("\n") if compare_key(line) in frequent and _line_exempt(line) or compare_key(line) not in frequent]
            if lines:
                paragraphs.append("\n".join(lines))
        out.append(structure(paragraphs))
    return out
