"""Shapes of clauses around a cue that tell whether it reports anything, read from the parse
alone: a verb with a speaker of its own, a passive with no agent, a clause of time or of result, a
small clause, a discourse marker, a that-clause the parse hung on the wrong word. The extractor of
reported speech (:mod:`graph.statements.reported`) asks these."""
from __future__ import annotations

from spacy.tokens import Token

from .words import ADVERBIAL_MARKS, CONTENT_NOUNS, DEGREE_WORDS, SUBORDINATORS


def self_named(verb: Token) -> bool:
    """"Lee calls himself a socialist": a finite verb with its own subject, whose reflexive object
    the speaker names; not a participle ("the group calling itself X", a name, even where the
    parse gave the participle a subject)."""
    return verb.tag_ in ("VBZ", "VBD", "VBP") and has_own_speaker(verb) and any(c.dep_ == "nsubj" for c in verb.children)


def has_own_speaker(verb: Token) -> bool:
    """A verb with a speaker of its own: a subject, or a participle after its clause ("..., calling
    him a liar"); not a name given in passing ("a podcast called 'Ask Ann'", "was called 'Big Lee'")."""
    if verb.dep_ in ("acl", "relcl", "amod") or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ == "nsubj" for c in verb.children) or verb.dep_ in ("advcl", "conj", "xcomp")


def judged(verb: Token) -> bool:
    """A participle of the passive with no agent, also through a coordination ("the council was outvoted
    and rebuked in the chamber"): its subject is the one judged, not the one judging."""
    if verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("agent", "nsubj", "nsubjpass", "aux") for c in verb.children):
        return False
    if verb.tag_ == "VBD" and any(c.dep_ == "dobj" for c in verb.children):
        return False  # "was elected and praised the voters": active; a participle the tagger read as a past tense has no object
    top = verb
    while top.dep_ == "conj" and top.head.tag_ == "VBN":
        top = top.head
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in top.children)


def opened_by_subordinator(clause: Token) -> bool:
    """"after the vote ended", "when he lost": a clause of time or cause, never what someone or
    something is called ("called Lee after the vote ended" is a telephone call)."""
    return any(g.dep_ == "mark" and g.lower_ in SUBORDINATORS or g.dep_ == "advmod" and g.lower_ in ADVERBIAL_MARKS and g.i == clause.left_edge.i
               for g in clause.children)


def adverbial(clause: Token) -> bool:
    """A clause of time, cause or concession read as a cue's complement: it opens with its
    subordinator and has no comma inside ("said before he died"; "says since the ruling, the county
    has ..." is a clause the phrase only opens)."""
    first = clause.left_edge
    return first.dep_ == "mark" and first.head.i == clause.i and first.lower_ in ADVERBIAL_MARKS and not any(
        t.text == "," for t in clause.doc[first.i : clause.right_edge.i])


def discourse_marker(verb: Token) -> bool:
    """"said" in a sentence-opening "That said," / "That being said," / "Having said that,"; "you
    know," and "as you know" as fillers ("You know, the telescope is ...")."""
    doc, start = verb.doc, verb.sent.start
    if verb.lemma_.lower() == "know" and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in verb.children):
        if verb.i + 1 < len(doc) and doc[verb.i + 1].text in (",", "\u2014", "--") and doc[verb.i - 1].lower_ == "you":
            return True  # "You know, ..."
        if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
            return True  # "..., as you know": what the reader knows, no one's statement
    before = [t.lower_ for t in doc[start : verb.i]]
    after = doc[verb.i + 1 : verb.i + 3]
    if before in (["that"], ["this"], ["that", "being"], ["this", "being"]):
        return len(after) > 0 and after[0].text == ","
    return before == ["having"] and len(after) > 1 and after[0].lower_ in ("that", "this") and after[1].text == ","


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def small_clause(clause: Token) -> bool:
    """An object and its state, with no verb of its own ("found it empty", "found herself alone",
    "will find it difficult"): no finding. A clause with a tense, a complementizer, a verb in -ing
    ("a poll shows Lee leading") or a subject that is a name or a noun ("found the mayor
    honest", a verb the tagger read as a participle) is one."""
    if clause.tag_ in FINITE_TAGS or clause.tag_ in ("VBG", "VB"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS or c.dep_ == "mark" for c in clause.children):
        return False
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.pos_ == "PRON"


def stray_that_clause(verb: Token) -> Token | None:
    """"warned members from the first day that it may ...": a that-clause the parse hung on a
    noun after the verb instead of on the verb. Only when the verb has no clause of its own."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    for c in verb.children:
        # "tweeted in the early hours that Lee was ...": "that" read as an adverb of a clause the
        # parse made adverbial
        if c.dep_ == "advcl" and c.i > verb.i and c.left_edge.lower_ == "that" and c.left_edge.dep_ == "advmod" \
                and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            return c
    for t in verb.subtree:
        # "that" as the clause's mark, or read as an adverb of it ("reported at the time that the
        # head told ...", the clause made a relative of "time")
        adverb = t.dep_ == "advmod" and t.i == t.head.left_edge.i
        if t.i <= verb.i or t.lower_ != "that" or t.dep_ != "mark" and not adverb or t.i - verb.i > 12:
            continue
        clause = t.head
        if any(w.lower_ in DEGREE_WORDS for w in verb.doc[verb.i + 1 : t.i]):
            return None  # "tells so many stories that the players miss the bus": a result, not what is told
        if clause.dep_ in ("acl", "advcl", "ccomp", "relcl") and clause.head.pos_ in ("NOUN", "PROPN", "PRON"):
            at_the_time = clause.head.lower_ == "time" and clause.head.i >= 2 and clause.head.doc[clause.head.i - 2].lower_ == "at" \
                and clause.head.doc[clause.head.i - 1].lower_ == "the" and clause.head.i + 1 == t.i
            if clause.head.lemma_.lower() in CONTENT_NOUNS and not at_the_time:
                return None  # "at the time that ...": "then", and the clause is what was said
            if clause.dep_ == "relcl" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
                return None  # a relative clause ("the plan that failed"); "told reporters at a debate that
                # voters were ...": "that" opens a clause with its own subject, the parse's relative is the content
            return clause
        return None
    return None
