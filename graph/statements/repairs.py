"""Reported speech that a broken parse hides: readings of a cue for the parses the plain rules of
:mod:`.reported` do not expect. Each function takes the cue's token and returns what the plain
rule would have found (the speaker, or the attributed words), or None.

* :func:`subject_across_modifier` - "Roughly 3 in 5 say ...": a subject lost in a long subject phrase.
* :func:`apposed_before` - "..., her top aide, Tom Reyes, told the Ledger.": a speaker hung on the words before.
* :func:`subject_before_relative` - "One fisherman, who like others waited at the harbour
  for hours, said ...": the parse hung the subject on the relative clause's verb.
* :func:`parenthetical_content` - "And yet each Tuesday, the retired captain told the Gazette,
  Vale would run a class": a cue set in the middle of the words it reports.
"""
from __future__ import annotations

from spacy.tokens import Token

from .context import Context
from .words import QUESTION_WORDS, SUBORDINATORS

_RELATIVES = frozenset({"who", "which", "whose", "whom"})
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def subject_before_relative(verb: Token) -> Token | None:
    """The subject of a finite cue that has none in the parse, lost to a relative clause set off by
    commas before it ("One fisherman, who like others waited ..., said the fear was ..."): the parse
    made the relative clause's verb a clause of the cue and the subject that verb's. The noun that
    opens the sentence, when a comma and a relative pronoun follow it and a comma closes the
    clause right before the cue."""
    if verb.tag_ not in _FINITE or verb.i < 4 or verb.doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children):
        return None
    doc, sent_start = verb.doc, verb.sent.start
    for clause in verb.children:
        if clause.i >= verb.i or clause.dep_ not in ("ccomp", "advcl", "parataxis"):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subject is None or subject.pos_ not in ("NOUN", "PROPN") or subject.left_edge.i != sent_start:
            continue
        after = subject.i + 1  # the relative clause may hang on the subject or on the verb
        if after + 1 < verb.i and doc[after].text == "," and doc[after + 1].lower_ in _RELATIVES:
            return subject
    return None


def parenthetical_content(ctx: Context, verb: Token) -> tuple[int, int, bool] | None:
    """"And yet each Tuesday, the retired captain told the Gazette, Vale would run a class",
    "Instead, Lee said, the plan would ...": a cue clause with its own subject, set off by a comma
    before the clause it reports, which the parse made an adverbial clause of that clause. The words
    are the whole sentence around the cue (the cue's subject is no part of them, but a statement is
    one span). Not a subordinate clause ("When Lee spoke, ...", "As Lee said, ...")."""
    head = verb.head
    if verb.dep_ == "parataxis" and head.dep_ in ("nsubj", "nsubjpass") and head.i < verb.i < head.head.i:
        head = head.head  # "The trouble now, Lee told me, is that ...": the parse hung the cue on the subject
    if verb.dep_ not in ("advcl", "parataxis") or head.i <= verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("mark", "ccomp", "xcomp", "advmod") and c.i > verb.i or c.dep_ == "mark" or c.tag_ == "WRB" for c in verb.children):
        return None  # words of its own after it, or a subordinate clause ("When I wrote the poems, ...")
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.lower_ in _RELATIVES | {"that"}:
        return None
    doc = verb.doc
    if any(t.lower_ in SUBORDINATORS | QUESTION_WORDS for t in doc[head.left_edge.i : verb.i]):
        return None  # "After Lee asked ..., ...", "In what looked like the only time X agreed, ...": subordinate
    words = [t.i for t in verb.subtree if not t.is_punct]  # the cue's clause, less the commas the parse gave it
    comma = words[-1] + 1
    if comma >= head.i or doc[comma].text != ",":
        return None
    own = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl") and comma < c.i < head.i), None)
    if own is None:
        # "The trouble now, Lee told me, is that ...": the clause's subject before the cue, set off by a comma
        lead = words[0] - 1  # the comma before the cue's clause
        own = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and lead > 0 and doc[lead].text == ","
                    and c.left_edge.i <= lead - 1 <= c.right_edge.i and c.i < verb.i), None)
    if own is None:
        return None  # "..., Lee said, adding ...": no clause of its own after the cue
    if any(c.dep_ == "mark" for c in head.children):
        return None  # "..., Lee said, because ...": a subordinate clause is no report
    start = head.left_edge.i
    if doc[start].is_quote or ctx.in_quote(doc[start].idx):
        return None  # quoted words: the direct quote reads them
    end = head.right_edge
    return doc[start].idx, end.idx + len(end.text), False


def subject_across_modifier(verb: Token) -> Token | None:
    """A finite cue whose subject the parse lost in a long subject phrase: "Roughly 3 in 5 say ...",
    "sources privy to the talks say ...", "parents campaigning to keep X say ...". The number that
    hangs on the cue, or the subject of the word the cue hangs on, with no comma between (a comma
    would make the cue a clause of its own)."""
    if verb.tag_ not in ("VBP", "VBZ", "VBD") or not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return None
    number = next((c for c in verb.children if c.dep_ in ("nummod", "quantmod") and c.i < verb.i), None)
    if number is not None:
        return number
    head = verb.head
    if verb.dep_ not in ("advcl", "dep") or head.i >= verb.i or any(t.is_punct for t in verb.doc[head.i : verb.i]):
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj" and c.i < head.i), None)
    return subject if subject is not None and subject.pos_ in ("NOUN", "PROPN") else None


def apposed_before(verb: Token) -> Token | None:
    """"..., her top aide, Tom Reyes, told the Ledger.": a speaker set off by commas right before a
    cue that the parse left with no subject (it hung the phrase on the words before as an apposition)."""
    doc = verb.doc
    k = verb.i - 1
    if k > 0 and doc[k].text == ",":
        k -= 1
    prev = doc[k]
    if k < verb.i - 2 or prev.dep_ != "appos" or prev.pos_ not in ("PROPN", "NOUN") or prev.head.i > prev.i:
        return None
    return prev
