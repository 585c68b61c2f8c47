"""One parsed document's tokens as plain lists, read once per document and shared by the
per-document stages (mentions, statements).

The rules walk the tokens again and again, and spaCy makes a new ``Token`` object on every
``doc[i]`` (and decodes its text on every ``.text``): reading these lists instead is what keeps
those stages fast.
"""
from __future__ import annotations

from collections.abc import Collection

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span


class Tokens:
    """A parsed document's tokens, read once into plain lists.

    ``tok`` keeps the ``Token`` objects themselves, for what the rules read only now and then
    (part of speech, punctuation, the parse). ``sents`` are the document's sentences (spaCy's,
    unless given)."""

    def __init__(self, doc: Doc, sents: list[Span] | None = None) -> None:
        sents = list(doc.sents) if sents is None else sents
        self.doc = doc
        self.sents = sents
        self.ents = doc.ents  # spaCy makes the entity spans anew on every call
        self.tok = list(doc)
        self.text = [t.text for t in self.tok]
        self.lower = [t.lower_ for t in self.tok]
        self.space = [t.whitespace_ for t in self.tok]  # after the token: " " or ""
        self.idx = [t.idx for t in self.tok]  # where the token starts in the document's text
        self.is_alpha = [t.is_alpha for t in self.tok]
        self.name_word = [_is_name_word(text, alpha) for text, alpha in zip(self.text, self.is_alpha)]
        self.sentence = _sentence_index(sents, len(doc))  # the index of each token's sentence
        self.sent_start = [sent.start for sent in sents]  # the first token of each sentence
        self.doc_text = "".join(text + space for text, space in zip(self.text, self.space))  # doc.text
        # Which tokens carry which words, from the parse's arrays and decided once per distinct word.
        ids = doc.to_array([LEMMA, LOWER])
        self._lower_array = ids[:, 1] if len(doc) else np.zeros(0, dtype=np.uint64)
        self.lemma_ids, self.lower_ids = ids.T.tolist()
        strings = doc.vocab.strings
        self.lowered = {h: strings[h].lower() for h in set(self.lemma_ids).union(self.lower_ids)}

    def __len__(self) -> int:
        return len(self.tok)

    def end_char(self, end: int) -> int:
        """Where a span of tokens ending before token ``end`` ends (``doc[start:end].end_char``)."""
        return self.idx[end - 1] + len(self.text[end - 1])

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text``, cut from the document's text."""
        return self.doc_text[self.idx[start] : self.end_char(end)] if start < end else ""

    def sent_start_of(self, i: int) -> int:
        """The first token of token ``i``'s sentence (``doc[i].sent.start``)."""
        return self.sent_start[self.sentence[i]]

    def tokens(self, words: Collection[str]) -> list[int]:
        """Indexes, in order, of the tokens whose lowercase form or lemma is one of ``words``."""
        ids = {h for h, word in self.lowered.items() if word in words}
        return [i for i, (lemma, lower) in enumerate(zip(self.lemma_ids, self.lower_ids)) if lemma in ids or lower in ids]

    def lower_positions(self, words: Collection[str]) -> list[int]:
        """Indexes, in order, of the tokens whose lowercase form is one of ``words`` (found by the
        parse's arrays, not token by token)."""
        ids = [h for h, word in self.lowered.items() if word in words]
        if not ids or not len(self._lower_array):
            return []
        return np.flatnonzero(np.isin(self._lower_array, np.array(ids, dtype=self._lower_array.dtype))).tolist()


def _sentence_index(sents: list[Span], length: int) -> list[int]:
    index = [0] * length
    for i, sent in enumerate(sents):
        for t in range(sent.start, sent.end):
            index[t] = i
    return index


def _is_name_word(text: str, is_alpha: bool) -> bool:
    """A capitalised word, maybe with dots ("Ministry", "U.S."): ``is_alpha`` is spaCy's flag."""
    return text[:1].isupper() and (is_alpha or text.replace(".", "").isalpha())


__all__ = ["Tokens"]
