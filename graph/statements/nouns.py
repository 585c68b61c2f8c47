"""Statements carried by a noun of saying with its owner: "Lee's claim that the vote was rigged",
"the senator's insistence that ...", "the charge by Lee that ..." (the nouns of
``graph/data/speech_nouns.tsv``)."""
from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from .context import Claim, Context
from .cues import Cue
from .syntax import subtree_span, trim
from .words import FIRST_PLURAL, FIRST_SINGULAR, SECOND_PERSON

# the prepositions that name a speech noun's owner after it ("the claim by Lee", "an admission from Lee")
_OWNER_PREPS = ("by", "from")


def noun_claims(ctx: Context) -> Iterator[Claim]:
    """A speech noun with an owner (a possessor, "by X", "from X") and a "that" clause: the clause
    is the owner's words. A noun with no owner ("the claim that ...") names no one's words."""
    doc = ctx.doc
    for i in ctx.words.tokens(ctx.lex.speech_nouns):
        noun = doc[i]
        if noun.pos_ != "NOUN":
            continue  # "Lee claims that ...": a verb, read by the reporting verbs
        cue = _entry(ctx, noun)
        if cue is None:
            continue
        owner = _owner(noun)
        clause = _that_clause(noun)
        if owner is None or clause is None:
            continue
        if owner.lower_ in FIRST_SINGULAR | FIRST_PLURAL | SECOND_PERSON:
            continue  # "our belief that ...", "my claim that ...": the stance of whoever speaks the words around it
        s, e = subtree_span(clause)
        s, e = trim(ctx, s, e)  # the words keep their "that", as annotated news marks them
        if e - s < 3:
            continue
        yield Claim(cue.kind, noun.text, s, e, noun.idx, noun.idx + len(noun.text), speaker=owner,
                    in_quote=ctx.in_quote(noun.idx), cue_class=cue.cls)


def _owner(noun: Token) -> Token | None:
    """Whose words: the possessor ("Lee's claim", "his insistence") or the object of "by" / "from"
    before the clause ("the claim by Lee that ...")."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS and c.i > noun.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def owned_speech_noun(ctx: Context, noun: Token) -> bool:
    """A noun of saying with a named owner ("Lee's claim"): its "that" clause is the owner's words,
    never the content of a verb the parse hung it near ("critics doubted Lee's claim that ...").
    A pronoun owner mostly is the verb's own subject ("Lee repeated his claim that ..."), whose
    statement the verb then reports."""
    if noun.pos_ != "NOUN" or _entry(ctx, noun) is None:
        return False
    owner = _owner(noun)
    return owner is not None and owner.pos_ != "PRON"


def _entry(ctx: Context, noun: Token) -> Cue | None:
    return ctx.lex.speech_nouns.get(noun.lemma_.lower()) or ctx.lex.speech_nouns.get(noun.lower_)


def _that_clause(noun: Token) -> Token | None:
    """The noun's "that" clause: "that" as its mark; or read as the pronoun of a relative clause
    whose verb has a subject or an object of its own besides ("Lee's denial that he took the
    loan": "that" can be neither, so the clause is the denial's content)."""
    for c in noun.children:
        if c.dep_ not in ("acl", "ccomp", "relcl") or c.i < noun.i:
            continue
        first = c.left_edge
        if first.lower_ != "that" or first.head.i != c.i:
            continue
        if first.dep_ == "mark" and c.dep_ != "relcl":
            return c
        if first.dep_ in ("nsubj", "dobj") and any(g.dep_ == first.dep_ and g.i != first.i for g in c.children):
            return c
    return None
