from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..curated import packaged_words
from ..records import NounClass, StatementKind
from .context import Claim, Context
from .syntax import owner_of, tokens_span, trim
from .words import ISSUED_DOCUMENTS, VIEW_PREPS

# data/accordance_nouns.tsv: "bare" ones only with no article or owner ("according to plan")
_ACCORDANCE_NOUNS = frozenset(packaged_words("accordance_nouns.tsv", "any"))
_BARE_ACCORDANCE_NOUNS = frozenset(packaged_words("accordance_nouns.tsv", "bare"))


def sourcing(ctx: Context) -> Iterator[Claim]:
    """"according to X", "in X's view", "from a Russian perspective", "in the words of X"."""
    doc = ctx.doc
    # such a phrase opens with "according" or with a preposition whose object is a view noun
    found = ctx.words.tokens({"according"} | ctx.lex.view_nouns | ctx.lex.document_nouns)
    for i in sorted({j for i in found for j in (i, doc[i].head.i)}):
        tok = doc[i]
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None:
                source = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if source is None or _accordance(source):
                continue  # "sorted according to a fixed system": in keeping with it, not as it says
            opening = _opening_swallowed(ctx, tok, source)
            if opening is not None:
                yield opening
                continue
            claim = _sourced(ctx, tok, source, "according to", tok.idx, to.idx + len(to.text), {t.i for t in tok.subtree} | {t.i for t in to.subtree})
            if claim is not None:
                yield claim
        elif tok.lower_ in VIEW_PREPS and tok.dep_ == "prep":
            noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if noun is not None and tok.lower_ == "in" and ctx.lex.nouns.get(noun.lemma_.lower()) == NounClass.DOCUMENT:
                claim = _in_document(ctx, tok, noun)
                if claim is not None:
                    yield claim
                continue
            if noun is None or ctx.lex.nouns.get(noun.lemma_.lower()) != NounClass.VIEW:
                continue
            owner = owner_of(noun)
            if owner is None:
                continue
            if tok.lower_ == "to" and noun.lemma_.lower() != "mind":
                continue
            if tok.lower_ == "to" and not _set_off(ctx, tok):
                continue  # "a tune sprang to his mind": where a thought went; "to my mind, ..." is a view
            phrase = {t.i for t in tok.subtree}
            s, e = tokens_span(list(tok.subtree))
            claim = _sourced(ctx, tok, owner, ctx.text[s:e], s, e, phrase)
            if claim is not None:
                yield claim


def _accordance(source: Token) -> bool:
    """The object of "according to" is a method, a rule or a plan it keeps to, not a source."""
    lemma = source.lemma_.lower()
    if source.pos_ == "PROPN":
        return False
    return lemma in _ACCORDANCE_NOUNS or lemma in _BARE_ACCORDANCE_NOUNS and not any(c.dep_ in ("det", "poss") for c in source.children)


def _set_off(ctx: Context, prep: Token) -> bool:
    """A phrase that opens its sentence or that commas or dashes set apart from the clause."""
    doc = ctx.doc
    first, last = prep.left_edge.i, prep.right_edge.i
    marks = (",", "\u2014", "\u2013", "--", "(")
    return first == prep.sent.start or doc[first - 1].text in marks or last + 1 < len(doc) and doc[last + 1].text in marks + (")",)


def _opening_swallowed(ctx: Context, tok: Token, source: Token) -> Claim | None:
    """"According to food critic Tom Rall, the menu reeks of haste.": an opening "according to X,"
    that the parse made the root of its sentence, the rest a noun hung on the source (the verb read
    as a plural noun): the sentence after the comma that closes the source's name is the source's."""
    doc, sent = ctx.doc, tok.sent
    if tok.dep_ != "ROOT" or ctx.in_quote(tok.idx):
        return None
    if any(not (t.is_punct or t.pos_ in ("CCONJ", "ADV")) for t in doc[sent.start : tok.i]):
        return None  # only "But", "And yet", a bracket before it
    # the comma right after the source's own words (its name and modifiers, before any apposition)
    end = max([source.i] + [t.i for c in source.lefts for t in c.subtree])
    if end + 1 >= sent.end or doc[end + 1].text != ",":
        return None
    rest = [t for t in doc[end + 2 : sent.end] if t.is_alpha]
    if len(rest) < 3:
        return None
    last = next(t for t in reversed(doc[end + 2 : sent.end]) if not (t.is_punct or t.is_space))
    s, e = trim(ctx, doc[end + 2].idx, last.idx + len(last.text))
    to = doc[tok.i + 1]
    return Claim(StatementKind.ACCORDING_TO, "according to", s, e, tok.idx, to.idx + len(to.text), speaker=source, in_quote=False)


def _in_document(ctx: Context, prep: Token, noun: Token) -> Claim | None:
    """"In the latest poll, Lee led Park 47 to 39", "In a statement, the firm thanked its staff": a
    document that opens the sentence is the source of the clause it qualifies. Not when the clause's
    verb is itself a cue ("In a statement, Lee said ..."): that cue reports the words."""
    head = prep.head
    if prep.left_edge.i == prep.sent.start:
        if head.pos_ not in ("VERB", "AUX") or head.i < prep.i or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
            return _after_opening_comma(ctx, prep, noun)
        if prep.right_edge.i + 1 >= len(ctx.doc) or ctx.doc[prep.right_edge.i + 1].text != ",":
            return None
    else:
        # further on, "Lee leads Park in the latest poll", "Lee has a lead in the polls": the
        # clause the phrase hangs on (through a noun: "a lead in the polls"); a specific
        # document, not a figure of speech ("in other words")
        if any(c.dep_ == "amod" and c.lower_ == "other" or c.dep_ == "nummod" for c in noun.children) or ctx.in_quote(prep.idx):
            return None
        if noun.tag_ != "NNS" and not any(c.dep_ in ("det", "poss") for c in noun.children):
            return None  # "in analysis", "in print": a manner, not a source
        for _ in range(2):
            if head.pos_ in ("VERB", "AUX") or head.dep_ not in ("dobj", "attr", "pobj", "prep", "npadvmod", "advmod", "acomp"):
                break
            head = head.head
        if head.pos_ not in ("VERB", "AUX"):
            return None
    if head.i in ctx.cues or any(c.i in ctx.cues for c in head.children if c.dep_ in ("xcomp", "ccomp")):
        return None
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in head.children):
        return None
    phrase = {t.i for t in prep.subtree}
    s, e = tokens_span(list(prep.subtree))
    return _sourced(ctx, prep, _issuer(noun, head) or noun, ctx.text[s:e], s, e, phrase)


def _issuer(noun: Token, head: Token) -> Token | None:
    """"In a statement issued Friday, Coach Lee was more careful": a document of no named
    owner that its author issues (a statement, a letter; not a poll) is the words of the clause's
    subject."""
    if noun.lemma_.lower() not in ISSUED_DOCUMENTS or owner_of(noun) is not None:
        return None
    return next((c for c in head.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def _after_opening_comma(ctx: Context, prep: Token, noun: Token) -> Claim | None:
    """"In a poll published Friday, two of three parents disapproved ...": an opening "In" and
    a document, then a comma, whatever the parse made of the rest: the sentence after the comma
    is the document's."""
    doc, sent = ctx.doc, prep.sent
    if prep.lower_ != "in" or prep.i != sent.start or ctx.in_quote(prep.idx):
        return None
    if not any(c.dep_ in ("det", "poss") for c in noun.children) or any(c.dep_ == "amod" and c.lower_ == "other" for c in noun.children):
        return None
    comma = next((t for t in doc[noun.i + 1 : sent.end] if t.text == ","), None)
    if comma is None or comma.i - noun.i > 6 or comma.i + 1 >= sent.end:
        return None  # the phrase runs on: no clause of its own after it
    rest = [t for t in doc[comma.i + 1 : sent.end] if t.is_alpha]
    if len(rest) < 4 or any(t.i in ctx.cues for t in doc[comma.i + 1 : sent.end]):
        return None  # too short, or a cue of its own reports it ("In a statement, Lee said ...")
    last = next(t for t in reversed(doc[comma.i + 1 : sent.end]) if not (t.is_punct or t.is_space))
    s, e = trim(ctx, doc[comma.i + 1].idx, last.idx + len(last.text))
    cs, ce = tokens_span(list(doc[prep.i : comma.i]))
    return Claim(StatementKind.ACCORDING_TO, ctx.text[cs:ce], s, e, cs, ce, speaker=noun, in_quote=False)


def _sourced(ctx: Context, tok: Token, source: Token, cue: str, cs: int, ce: int, phrase: set[int]) -> Claim | None:
    doc = ctx.doc
    sent = tok.sent
    head = tok.head
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.i in phrase:
        head = sent.root
    # the clause the phrase qualifies, without the phrase
    lo, hi = head.left_edge.i, head.right_edge.i
    lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    p_lo, p_hi = min(phrase), max(phrase)
    if cue == "according to" and p_lo - 1 > sent.start and doc[p_lo - 1].text == "," and all(
            t.is_punct or t.is_space for t in doc[p_hi + 1 : sent.end]):
        # "..., while Lee trailed among students, according to exit polls.": a closing source
        # vouches for the whole sentence before it, whatever clause the parse hung it on
        lo, hi = sent.start, p_lo - 2
        # ... but only for the last of the sentence's clauses a colon or a semicolon sets apart ("The
        # levy has not slowed trade: the port had its best year, according to its board."): what
        # comes before it is the writer's own
        lo = max([k + 1 for k in range(sent.start, hi) if doc[k].text in (":", ";") and not ctx.in_quote(doc[k].idx)], default=lo)
    if all(t.is_punct or t.is_space or t.pos_ == "CCONJ" for t in doc[lo:p_lo]):
        lo = p_lo  # "(According to X, ...", "But according to X, ...": only a bracket, a mark or a conjunction before the phrase
    if p_lo <= lo:
        lo = p_hi + 1
    elif p_hi >= hi:
        hi = p_lo - 1
    if lo > hi:
        return None
    s, e = trim(ctx, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    if e - s < 3:
        return None
    claim = Claim(StatementKind.ACCORDING_TO, cue, s, e, cs, ce, speaker=source, in_quote=ctx.in_quote(cs))
    return claim
