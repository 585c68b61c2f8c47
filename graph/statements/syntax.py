from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Token

from ..curated import packaged_words
from .context import Context
from .words import SUBJECT_DEPS


def trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding spaces, commas and quotation marks (a final full stop goes too,
    a question mark stays)."""
    text = ctx.text
    while start < end and (text[start].isspace() or text[start] in ",;:\u2014\u2013-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\u2014\u2013-"):
        end -= 1
    return start, end


def tokens_span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def subtree_span(tok: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    """Character span of a token's subtree; with ``exclude``, the contiguous part around the
    token that avoids those token indexes."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if exclude:
        i = tok.i
        left = i
        while left - 1 >= lo and left - 1 not in exclude:
            left -= 1
        right = i
        while right + 1 <= hi and right + 1 not in exclude:
            right += 1
        lo, hi = left, right
    doc = tok.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def token_at(doc: Doc, starts: list[int], char: int) -> Token | None:
    i = bisect_right(starts, char) - 1
    if i < 0:
        return None
    return doc[i]


def comma_between(doc: Doc, a: Token, b: Token) -> bool:
    return any(t.text in (",", "\u2014", "\u2013", "-") for t in doc[min(a.i, b.i) : max(a.i, b.i)])


def own_subject_before(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children)


def skip_complementizer(ctx: Context, start: int) -> int:
    m = re.match(r"(?:that|whether)\s+", ctx.text[start : start + 10])
    return start + m.end() if m else start


def phrase_head(tokens: list[Token]) -> Token | None:
    """The first noun or pronoun of a token run whose head lies outside it."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.pos_ in ("NOUN", "PROPN", "PRON") and (t.head.i not in ids or t.head.i == t.i):
            return t
    # a parse that hung the run on a word misread as a verb ("Dover police Chief Ann Lee said",
    # "Dover" a verb): the last word of the first run of nouns, where a compound's head stands
    for k, t in enumerate(tokens):
        if t.pos_ in ("NOUN", "PROPN"):
            while k + 1 < len(tokens) and tokens[k + 1].pos_ in ("NOUN", "PROPN") and tokens[k + 1].i == tokens[k].i + 1:
                k += 1
            return tokens[k]
    return None


def owner_of(noun: Token) -> Token | None:
    """Whose report, words or view: "Kabulov's words", "a report by X", "an Acme survey", "the
    view of the ministry", "a letter from her doctor"; not what a document is about ("a survey of
    voters"): a document's "of" names its owner only when it is a name."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    preps = [(c, next((g for g in c.children if g.dep_ == "pobj"), None)) for c in noun.children if c.dep_ == "prep"]
    for c, pobj in preps:
        if c.lower_ == "by" and pobj is not None:
            return pobj
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "the report, published by Human Rights Watch"
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
    for c in reversed(list(noun.lefts)):  # the name next to the noun: "an early-October Acme News poll"
        if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN") and c.text[:1].isupper():
            return c  # "a Russian report", "an Acme survey", not "a new poll"
    for c, pobj in preps:
        if pobj is not None and (c.lower_ == "from" or c.lower_ == "of" and (pobj.pos_ == "PROPN" or not _documentary(noun))):
            return pobj
    return None


_DOCUMENTS = frozenset(packaged_words("attribution_nouns.tsv", "document"))


def _documentary(noun: Token) -> bool:
    """A document noun ("survey", "poll", "report"): its "of" is what it is about."""
    return noun.lemma_.lower() in _DOCUMENTS
