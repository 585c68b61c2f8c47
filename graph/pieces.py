"""Long documents in pieces: a text longer than :data:`PIECE_CHARS` is parsed and analysed piece
by piece, and the pieces' analyses are joined back into the document's.

spaCy refuses a text over ``nlp.max_length`` (a million characters, error E088), and its memory
grows with the length of what it parses at once. So a long document is cut at paragraph breaks
(else at line breaks, else after a sentence's end, else at a space, else anywhere) into pieces of
at most :data:`PIECE_CHARS` characters; each piece is parsed and analysed as a document of its own
(and cached as one), and :func:`join_analyses` shifts the offsets, sentence numbers and mention
indexes of the later pieces into the whole document's. The cuts depend on the text alone, so a
build stays deterministic. A piece after the first carries no metadata (title, author, outlet):
those belong to the document once.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .records import Document, DocumentAnalysis

MAX_CHARS = 10_000_000  # a longer document (file or row) is skipped when read (``--max-chars``)
PIECE_CHARS = 100_000  # as a worker's chunk of documents: parsing memory stays that of a chunk

# Where a piece may end, best first. A cut leaves the separator out of both pieces.
_BREAKS = (re.compile(r"\n\n+"), re.compile(r"\n"), re.compile(r"(?<=[.!?]) +"), re.compile(r"\s+"))


def cut_points(text: str, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """The ``(start, end)`` of the pieces of ``text``, each at most ``limit`` characters; one
    piece when the text is short enough. A cut is looked for in the second half of a piece's room,
    so no piece is shorter than half of ``limit`` but the last.

    >>> text = "One paragraph.\\n\\nAnother one. It is longer."
    >>> [text[s:e] for s, e in cut_points(text, 30)]
    ['One paragraph.', 'Another one. It is longer.']
    >>> cut_points("abcdefgh", 3)  # no break anywhere: cut every 3 characters
    [(0, 3), (3, 6), (6, 8)]
    """
    pieces = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        floor = start + limit // 2
        cut = None
        for pattern in _BREAKS:
            last = None
            for last in pattern.finditer(text, floor, end + 1):
                pass
            if last is not None and last.start() > start:
                cut_start = last.start()
                while cut_start > start + 1 and text[cut_start - 1].isspace():
                    cut_start -= 1  # the window began inside the separator
                cut = (cut_start, last.end())
                break
        if cut is None:
            cut = (end, end)
        pieces.append((start, cut[0]))
        start = cut[1]
    if start < len(text) or not pieces:
        pieces.append((start, len(text)))
    return pieces


def split_document(document: Document, limit: int = PIECE_CHARS) -> list[tuple[int, Document]]:
    """``document`` as ``(offset, piece)`` pairs: itself alone when it is short enough."""
    if len(document.text) <= limit:
        return [(0, document)]
    out = []
    for i, (start, end) in enumerate(cut_points(document.text, limit)):
        piece = replace(document, text=document.text[start:end])
        if i:
            piece = replace(piece, title=None, author=None, outlet=None)
        out.append((start, piece))
    return out


def join_analyses(parts: list[tuple[int, DocumentAnalysis]]) -> DocumentAnalysis:
    """One document's analysis from those of its pieces, ``(offset, analysis)`` in text order."""
    if len(parts) == 1 and parts[0][0] == 0:
        return parts[0][1]
    whole = DocumentAnalysis(doc=parts[0][1].doc)
    for offset, part in parts:
        sentence_base, mention_base = len(whole.sentences), len(whole.mentions)

        def at(value: int | None) -> int | None:
            return None if value is None else value + offset

        def mention(index: int | None) -> int | None:
            return None if index is None else index + mention_base

        whole.sentences.extend(replace(s, start=s.start + offset, end=s.end + offset) for s in part.sentences)
        whole.mentions.extend(
            m if not m.in_text else replace(m, start=m.start + offset, end=m.end + offset, sentence=m.sentence + sentence_base)
            for m in part.mentions
        )
        whole.acronyms.extend(part.acronyms)
        whole.statements.extend(
            replace(s, start=s.start + offset, end=s.end + offset, cue_start=at(s.cue_start), cue_end=at(s.cue_end),
                    speaker_mention=mention(s.speaker_mention), reported_by_mention=mention(s.reported_by_mention))
            for s in part.statements
        )
        whole.affiliations.extend(
            replace(a, start=a.start + offset, end=a.end + offset, person_mention=a.person_mention + mention_base,
                    org_mention=a.org_mention + mention_base)
            for a in part.affiliations
        )
    return whole
