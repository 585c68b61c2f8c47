"""Reported speech that a broken parse hides: readings of a cue for the parses the plain rules of
:mod:`.reported` do not expect. Each function takes the cue's token and returns what the plain
rule would have found (the speaker, or the attributed words), or None.

* :func:`subject_across_modifier` - "Roughly 3 in 5 say ...": a subject lost in a long subject phrase.
* :func:`apposed_before` - "..., her top aide, Tom Reyes, told the Ledger.": a speaker hung on the words before.
* :func:`subject_before_relative` - "One fisherman, who like others waited at the harbour
  for hours, said ...": the parse hung the subject on the relative clause's verb.
* :func:`parenthetical_content` - "And yet each Tuesday, the retired captain told the Gazette,
  Vale would run a class": a cue set in the middle of the words it reports.
* :func:`told_past_relative` / :func:`relative_cut` - "told a woman who asked why ... that it was
  late": the words told, which the parse hung inside the addressee's relative clause.
* :func:`contrast_cut` - "Most said A, while one in four said B": a second claim the parse hung
  inside the first one's words.
* :func:`coordinated_object_end` - "praised the library, and a plan to open it on Sundays": an object's
  second conjunct the parse hung on the verb.
"""
from __future__ import annotations

from spacy.tokens import Token

from .context import Context
from .words import ADDRESSING as _ADDRESSING, CONTRASTS, QUESTION_WORDS, RELATIVE, SUBORDINATORS, WH_RELATIVES

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
        if after + 1 < verb.i and doc[after].text == "," and doc[after + 1].lower_ in WH_RELATIVES:
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
    if subject is None or subject.lower_ in RELATIVE:
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


def coordinated_object_end(obj: Token, end: int) -> int:
    """The end of an object whose next conjunct the parse hung on a verb ("began by praising
    the library, and a plan to open it on Sundays": "plan" a conjunct of "began"; "point out their own
    skills, each other's mistakes": a second object): a noun phrase right after the object, past a
    comma or "and"/"or", whose head is a noun hanging on a verb before the object. A noun cannot
    coordinate with a verb, so it is the object's; a clause with a subject of its own ("..., and the
    council voted") has a verb for its head and stays out."""
    doc = obj.doc
    k = obj.right_edge.i + 1
    while k < obj.sent.end and doc[k].idx < end:
        k += 1
    after = k
    if k < obj.sent.end and doc[k].text == ",":
        k += 1
    if k < obj.sent.end and doc[k].lower_ in ("and", "or"):
        k += 1
    if k >= obj.sent.end or k == after or doc[k].is_punct:
        return end  # nothing after the object, or no comma or "and" between
    head = doc[k]
    while head.head.i != head.i and head.head.i > k:
        head = head.head
    verb = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.dep_ not in ("conj", "dobj") or verb.pos_ not in ("VERB", "AUX") or verb.i >= obj.i:
        return end
    last = head.right_edge
    while last.i > head.i and (last.is_punct or last.is_space):
        last = doc[last.i - 1]
    return max(end, last.idx + len(last.text))




def contrast_cut(ctx: Context, start: int, end: int) -> int:
    """The end of reported words that run on into a contrasting claim of someone else ("About four
    in 10 said the pool would be busier, while seven in 10 said they expected the fees to rise", "One says
    A, while another says B"): a cue with a subject of its own, opened by a comma and "while",
    "whereas" or "although", that the parse hung on a verb of the first claim's words. The words stop
    at that comma; the second claim is a statement of its own."""
    doc = ctx.doc
    for i in sorted(ctx.cues):
        verb = doc[i]
        if not start < verb.idx < end or verb.dep_ != "advcl" or verb.head.i > verb.i:
            continue
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in CONTRASTS), None)
        if mark is None or mark.i == 0 or doc[mark.i - 1].text != "," or doc[mark.i - 1].idx <= start:
            continue
        if not any(c.dep_ == "nsubj" and mark.i < c.i < verb.i for c in verb.children):
            continue
        if not any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > verb.i for c in verb.children):
            continue  # "..., while Lee spoke": no words of its own
        return doc[mark.i - 1].idx
    return end


_RELATIVE_PRONOUNS = WH_RELATIVES - {"whose"}  # "who", "whom", "which": the relative clause's subject or object


def _relative_of_addressee(verb: Token) -> Token | None:
    """The verb of a relative clause on the cue's addressee ("told voters who wonder ..."), also
    when the parse made it a clause of the cue with "who" as its subject."""
    for c in verb.children:
        if c.dep_ == "dobj" and c.i > verb.i:
            rel = next((g for g in c.children if g.dep_ == "relcl" and g.i > c.i), None)
            if rel is not None:
                return rel
            nxt = c.right_edge.i + 1
            if nxt < len(verb.doc) and verb.doc[nxt].lower_ in _RELATIVE_PRONOUNS:
                wh = verb.doc[nxt]
                if wh.dep_ == "nsubj" and wh.head.dep_ == "ccomp" and wh.head.head.i == verb.i:
                    return wh.head
    return None


def _swallowed_clause(ctx: Context, rel: Token) -> Token | None:
    """A that-clause inside a relative clause, hung on a verb or noun of it past other words ("who
    ask why he cannot match the rival's zeal that he was coached differently", "who asked whether
    the bus would run late because of worries that the roads are icy"): it is no part of the relative
    clause. Right after its verb ("who work to ensure that ...") it is that verb's own."""
    for t in rel.subtree:
        if t.i <= rel.i or t.dep_ not in ("ccomp", "acl") or t.head.i == rel.i or t.head.i in ctx.cues:
            continue
        # on a verb, or on a noun of the relative clause's own words ("would run late because of
        # worries that the roads are icy")
        if t.dep_ == "ccomp" and t.head.i + 1 == t.left_edge.i:
            continue  # "work to ensure that ...": right after its verb, the clause is that verb's own
        if t.left_edge.lower_ == "that" and t.left_edge.dep_ == "mark" and t.head.pos_ in (("VERB", "AUX") if t.dep_ == "ccomp" else ("NOUN",)):
            return t
    return None


def told_past_relative(ctx: Context, verb: Token) -> tuple[int, int, bool] | None:
    """"Lee tells parents who ask why he cannot match the rival's zeal that he 'was coached
    differently'": the words an addressing cue tells, which the parse hung inside the relative clause on
    its addressee; from after their "that" to the clause's end."""
    if any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return None  # "told staff who work to ensure that ... to go home": the cue's own infinitive
    rel = _relative_of_addressee(verb)
    clause = _swallowed_clause(ctx, rel) if rel is not None else None
    if clause is None:
        return None
    first = ctx.doc[clause.left_edge.i + 1]
    while first.i < clause.right_edge.i and first.is_quote:
        first = ctx.doc[first.i + 1]  # 'that "this is ...': the quote's mark, a direct quote's business
    last = clause.right_edge
    while last.i > first.i and (last.is_punct or last.is_space):
        last = ctx.doc[last.i - 1]
    return first.idx, last.idx + len(last.text), False


def relative_cut(ctx: Context, verb: Token, end: int) -> int:
    """The end of what the addressee's relative clause says ("told a woman who asked whether the
    bus would run late that ..."): before the that-clause that belongs to the addressing cue."""
    if verb.dep_ == "relcl" and verb.head.dep_ == "dobj":
        cue = verb.head.head
    elif verb.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.lower_ in _RELATIVE_PRONOUNS for c in verb.children):
        cue = verb.head  # "tells voters who wonder ...": the relative clause made a clause of the cue
    else:
        return end
    if cue.lemma_.lower() not in _ADDRESSING:
        return end
    clause = _swallowed_clause(ctx, verb)
    return min(end, ctx.doc[clause.left_edge.i - 1].idx + len(ctx.doc[clause.left_edge.i - 1].text)) if clause is not None else end
