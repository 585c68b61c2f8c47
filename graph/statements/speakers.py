from __future__ import annotations

from spacy.tokens import Token

from ..curated import packaged_words
from ..records import CueClass, MentionKind, NameType, NounClass, SpeakerSlot
from .context import Context
from .cues import Cue, closing_compound_subject, name_compound_subject, noun_class
from .syntax import owner_of, phrase_head, subtree_span, token_at
from .words import ABSTRACT_SUFFIXES, AGENT_SUFFIXES, AUDIENCE_WORDS, MEDIA_KINDS, OUTLET_WORDS, PERSON_LABELS, PLACE_LABELS, RELATIVE, SPEAKER_LABELS


def subject_of(verb: Token) -> tuple[Token | None, SpeakerSlot]:
    """The token naming who speaks through ``verb``, and how it was found (a :class:`SpeakerSlot`:
    subject, agent, passive for the verb's own passive with no agent, none)."""
    seen = set()
    v = verb
    while v is not None and v.i not in seen:
        seen.add(v.i)
        # of two subjects (a misparse), the word nearest before the verb; never a dash read as a noun
        subjects = [c for c in v.children if c.dep_ in ("nsubj", "csubj") and (c.text[:1].isalnum() or c.text == "%")]
        subj = max(subjects, key=lambda c: (c.i < v.i, c.i if c.i < v.i else -c.i)) if subjects else None
        if subj is None and v.pos_ in ("VERB", "AUX") and v.i > 0 and v.doc[v.i - 1].head.i == v.i and v.doc[v.i - 1].dep_ == "compound" \
                and v.doc[v.i - 1].tag_ in ("NNS", "NNPS"):
            subj = v.doc[v.i - 1]  # "..., state records show.": a plural noun the parse hung on the verb as a compound
        if subj is None and v.i == verb.i and v.pos_ == "NOUN":
            # '"...," the email read.', "But Lee claims that ...": the verb itself read as a noun
            subj = closing_compound_subject(v) or name_compound_subject(v)
        if subj is not None:
            named = name_before_verb(subj, v)
            if named is not None:
                return named, SpeakerSlot.SUBJECT
            if subj.lower_ in RELATIVE and v.dep_ == "relcl":
                return v.head, SpeakerSlot.SUBJECT
            return subj, SpeakerSlot.SUBJECT
        passive = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None and (passive is not None or any(c.dep_ == "auxpass" for c in v.children) or v.tag_ == "VBN"):
            # an agent of a passive only: "said by telephone" is how, not who
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, SpeakerSlot.AGENT
        if passive is not None:
            if v.i == verb.i:
                return passive, SpeakerSlot.PASSIVE
            if passive.lower_ in RELATIVE and v.dep_ == "relcl":
                return v.head, SpeakerSlot.SUBJECT
            return passive, SpeakerSlot.SUBJECT  # "the club is emboldened to say"
        if v.dep_ == "xcomp" and v.head.pos_ == "VERB":
            obj = next((c for c in v.head.children if c.dep_ == "dobj" and c.i < v.i), None)
            if obj is not None and (v.head.lemma_.lower() not in _SUBJECT_CONTROL or v.tag_ != "VB"):
                # "forced Lee to admit that ...": Lee admits; "used a clip of Lee asking ...": Lee
                # asks, though "used the hearing to say ..." is the user's
                return obj, SpeakerSlot.SUBJECT
        if v.dep_ == "conj" and v.head.dep_ == "ccomp" and v.head.head.lemma_ == v.lemma_:
            v = v.head.head  # "Lee said Park was ... and said Kim was not involved": the second "said" is Lee's
            continue
        if v.dep_ in ("conj", "xcomp") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
            v = v.head
            continue
        if v.dep_ == "advcl" and v.tag_ == "VBG":  # "..., adding that ..."
            v = set_off_participle_head(v)
            continue
        if v.dep_ == "pcomp" and v.tag_ == "VBG":
            # "responded by saying that ...", "after saying that ...", "aside from saying ...",
            # "for promoting pills and for saying ...": up through the preposition to its verb
            holder = _verb_holding(v.head)
            if holder is not None:
                v = holder
                continue
        if v.dep_ == "acl" and v.head.pos_ == "NOUN" and v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            # "took a minute to note ...", "made the decision to announce ...": an infinitive
            # on a thing that someone has or takes; the one who has it, not the thing, speaks
            noun = v.head
            owner = next((c for c in noun.children if c.dep_ == "poss"), None)
            if owner is not None:
                return owner, SpeakerSlot.SUBJECT  # "Lee's decision to announce ..."
            if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
                v = noun.head
                continue
            break
        if v.dep_ in ("acl",) and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head, SpeakerSlot.SUBJECT  # "witnesses reporting ...", "a statement saying ..."
        break
    return None, SpeakerSlot.NONE


def set_off_participle_head(participle: Token) -> Token:
    """The verb whose subject a participle goes on with. One set off by a comma right after a
    relative clause that the parse hung it on goes with the clause the relative's noun stands in:
    "Park was dismissive about a gardener who said he was never paid, saying ..." is Park's, not
    the gardener's. (After a reported clause it stays ambiguous: "an aide said Lee calmed the room,
    telling them ..." is Lee's.)"""
    head = participle.head
    if participle.i == 0 or participle.doc[participle.i - 1].text != "," or head.i > participle.i:
        return head
    own = {t.i for t in participle.subtree}
    if max(t.i for t in head.subtree if t.i not in own) != participle.i - 1:
        return head  # the clause goes on past the comma: the participle is not after it
    if head.dep_ == "relcl":
        t = head.head  # the noun the clause is on; up to the nearest verb with a subject of its own
        for _ in range(12):
            if t.pos_ in ("VERB", "AUX") and t.dep_ != "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                return t
            if t.head is t:
                return head
            t = t.head
        return head
    return head


def name_before_verb(subj: Token, verb: Token) -> Token | None:
    """A name read as in apposition to the subject that stands right before the verb, after the
    words it reports ("... to, now, Carl Crane, Kolar said"): the name speaks, the subject belongs
    to the reported words."""
    appos = next((c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if appos is None or subj.pos_ != "PROPN" or appos.right_edge.i != verb.i - 1 or subj.i > appos.i:
        return None
    # the reported words before the subject: a clause the verb reports ("... to, now, Carl Crane,
    # Kolar said"), or one the parse hung on it as an adverbial ("To see the real dam, Judge Ray
    # said, one should visit ..."), or a verb the parse set aside inside the words it reports
    if not any(c.dep_ in ("ccomp", "advcl") and c.i < subj.i for c in verb.children) and not (
            verb.dep_ == "parataxis" and subj.left_edge.i > verb.sent.start):
        return None
    return appos


_SUBJECT_CONTROL = frozenset(packaged_words("control_verbs.txt"))  # "X promised Y to ...": X does it


def _verb_holding(prep: Token) -> Token | None:
    """The verb a preposition hangs on, through a coordinated preposition or an adverb ("aside
    from"); None when it hangs on a noun."""
    t = prep
    for _ in range(3):
        if t.dep_ not in ("prep", "conj", "advmod") or t.head is t:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


_OBJECTS = ("dobj", "iobj", "dative", "oprd")


def stray_subject(ctx: "Context", verb: Token) -> Token | None:
    """A sentence whose parse lost the subject of its main verb ("Russian president Vladimir Putin
    in a meeting ... declared that"): the last named actor before the verb in its sentence that no
    preposition governs nor verb takes as its object ("X, who opposed Y, last week said": not Y)."""
    if verb.dep_ != "ROOT":
        return None
    for t in reversed(list(verb.doc[verb.sent.start : verb.i])):
        n = ctx.mention_at(t)
        if n is None or t.dep_ in ("pobj", "poss", "compound", "amod") or ctx.in_quote(t.idx):
            continue
        obj = t.head if t.dep_ == "appos" and t.head.dep_ in _OBJECTS else t
        if obj.dep_ in _OBJECTS and any(c.dep_ in ("nsubj", "nsubjpass") for c in obj.head.children):
            continue  # the object of a clause with its own subject; an infinitive's "object" may be the lost subject
        m = ctx.mentions[n]
        if m.label in PLACE_LABELS or m.kind == MentionKind.DEMONYM:
            continue
        return t
    return None


def inverted_subject(verb: Token, ctx: Context | None = None) -> Token | None:
    """"says Mansur", "reported the publication X": a noun right after a finite verb that has no
    subject. Not the object of a participle ("suggesting a few questions") nor a time ("said
    Thursday morning")."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return None
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "dep", "appos") and (child.pos_ in (
                "PROPN", "NOUN") or child.lower_ in ("he", "she", "they", "i", "we")):
            if child.dep_ == "npadvmod" and ctx is not None and ctx.mention_at(child) is None:
                continue  # "said Monday", "said that way": an adverb of time or manner
            if child.i - verb.i <= 4:
                return child
    return None


def quote_speaker(ctx: Context, verb: Token, cue: Cue, frame: list[Token]):
    """(verb, speaker, reporter, extra cue tokens) of a quote's cue."""
    lemma = verb.lemma_.lower()
    in_frame = {t.i for t in frame}
    extra: list[Token] = []
    if lemma in ("quote", "cite"):
        reporter, how = subject_of(verb)
        said = next((t for t in verb.subtree if t.lemma_ == "say" and t.i > verb.i), None)
        if said is not None:
            extra = [t for t in (said.head if said.head.lower_ == "as" else None, said) if t is not None]
        passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if passive is not None:
            # "X was quoted (by Y) as saying": X speaks, Y relays
            agent = next((t for t in verb.subtree if t.dep_ == "agent" or t.dep_ == "prep" and t.lower_ == "by"), None)
            by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            return verb, passive, by, extra
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "appos") and c.i > verb.i), None)
        if reporter is None or reporter.i not in in_frame or obj is None:
            before = [t for t in frame if t.i < verb.i]
            after = [t for t in frame if t.i > verb.i]
            reporter = phrase_head(before) if reporter is None or reporter.i not in in_frame else reporter
            obj = phrase_head(after) if obj is None else obj
        if obj is not None and obj.lemma_.lower() in ctx.lex.nouns and ctx.lex.nouns[obj.lemma_.lower()] == NounClass.DOCUMENT:
            owner = owner_of(obj)
            if owner is not None:
                return verb, owner, reporter, extra
        return verb, obj, reporter, extra
    speaker, how = subject_of(verb)
    if speaker is not None and speaker.i not in in_frame and how != SpeakerSlot.AGENT:
        speaker = _participle_speaker(ctx, verb)
    before = [t for t in frame if t.i < verb.i and not t.is_punct]
    if speaker is None and any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in before):
        speaker = phrase_head(before)  # '"...," Lee, a long-time ally, said Monday': the parse lost the subject
        if speaker is not None and speaker.dep_ == "pobj" and ctx.lex.nouns.get(speaker.lemma_.lower()) in (NounClass.DOCUMENT, NounClass.INTERVIEW):
            # 'In a statement to the Herald, her adviser, Ann Lee, said:' read as if the adviser were
            # the Herald's: the statement is where, the actor named after it who
            speaker = stray_subject(ctx, verb) or speaker
    if speaker is None:
        speaker = inverted_subject(verb, ctx)
    if speaker is None:
        after = [t for t in frame if t.i > verb.i]
        speaker = phrase_head(after[:6])
    reporter = told_outlet(ctx, verb)
    return verb, speaker, reporter, extra


def _participle_speaker(ctx: Context, verb: Token) -> Token | None:
    """The speaker a participle goes on with ('Lee told the Herald that ...," adding, "..."',
    '"...," Lee said on the radio, adding: "..."'): the subject of the verb outside quoted words
    that it hangs on, in its sentence, though it stands before an earlier quote."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj", "xcomp"):
        return None
    head = verb.head
    while ctx.in_quote(head.idx) and head.dep_ in ("ccomp", "xcomp", "conj", "advcl") and head.head is not head:
        head = head.head  # '... that the plan "had no chance," adding': the quoted verb is the reported one's
    if ctx.in_quote(head.idx) or head.pos_ not in ("VERB", "AUX"):
        # the parse hung the participle on the quoted words ('Lee ducked the question, treating it
        # as a joke -- "..." -- and, when pressed, asserting, "..."'): the subject of the
        # sentence's first clause outside quotation marks
        return _sentence_subject(ctx, verb)
    speaker, how = subject_of(head)
    if speaker is None or how == SpeakerSlot.PASSIVE or speaker.sent != verb.sent or speaker.i > verb.i or ctx.in_quote(speaker.idx):
        return None
    return speaker


def _sentence_subject(ctx: Context, verb: Token) -> Token | None:
    """The subject of the first finite clause before ``verb`` in its sentence that is outside
    quotation marks and outside the participle's own clause."""
    own = {t.i for t in verb.subtree}
    for t in verb.doc[verb.sent.start : verb.i]:
        if t.dep_ == "nsubj" and t.i not in own and t.head.tag_ in ("VBD", "VBZ", "VBP") and t.pos_ in ("PROPN", "NOUN", "PRON") \
                and not ctx.in_quote(t.idx) and not ctx.in_quote(t.head.idx):
            return t
    return None


def told_outlet(ctx: Context, verb: Token) -> Token | None:
    """The outlet that got the words: "told TASS", "in an interview with Anadolu agency",
    "speaking to Reuters", "in comments to RIA"."""
    lemma = verb.lemma_.lower()
    if lemma == "tell":
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj") and _is_outlet_phrase(ctx, c):
                return c
    candidates = list(verb.children)
    subj, _ = subject_of(verb)
    if subj is not None:
        candidates += list(subj.children)
    for c in candidates:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "to"):
            noun = next((g for g in c.children if g.dep_ == "pobj"), None)
            if noun is not None and ctx.lex.nouns.get(noun.lemma_.lower()) in (NounClass.INTERVIEW, NounClass.DOCUMENT):
                for p in noun.children:
                    if p.dep_ == "prep" and p.lower_ in ("with", "to", "for"):
                        obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                        if obj is not None and _is_outlet_phrase(ctx, obj):
                            return obj
        if c.dep_ == "acl" and c.lemma_.lower() in ("poll", "interview", "survey", "question", "contact", "ask", "cite", "quote"):
            agent = next((g for g in c.children if g.dep_ == "agent"), None)  # "experts polled by the Gazette"
            obj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if obj is not None and _is_outlet_phrase(ctx, obj):
                return obj
        if c.dep_ in ("advcl", "prep") and c.lemma_.lower() in ("speak", "talk"):
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("to", "with"):
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if obj is not None and _is_outlet_phrase(ctx, obj):
                        return obj
    return None


def _is_outlet_phrase(ctx: Context, tok: Token) -> bool:
    """A named organisation that plausibly publishes: an ORG-like mention that is not an audience
    such as a council or a ministry."""
    n = mention_in_phrase(ctx, tok)
    if n is None:
        return False
    if ctx.mention_at(tok) is None and tok.lemma_.lower() in AUDIENCE_WORDS:
        return False  # "told the APEC summit", "told a UN meeting"
    m = ctx.mentions[n]
    if m.subtype in MEDIA_KINDS:
        return True
    if m.label in PERSON_LABELS or m.label in PLACE_LABELS or m.label in (NameType.COUNTRY, NameType.GEOPOLITICAL) or n in ctx.people.keys:
        return False
    words = {w.lower().strip(".,") for w in m.name.split()}
    if words & AUDIENCE_WORDS and not words & OUTLET_WORDS:
        return False
    return True


def mention_in_phrase(ctx: Context, tok: Token) -> int | None:
    """The mention a noun phrase names: at its head, else in its compounds and appositions."""
    n = ctx.mention_at(tok)
    if n is not None:
        return n
    for c in tok.children:
        if c.dep_ in ("compound", "appos", "nmod", "dep") and c.i < tok.i + 8:
            n = ctx.mention_at(c)
            if n is not None:
                return n
    for c in tok.children:
        if c.dep_ in ("compound", "appos", "nmod"):
            for g in c.subtree:
                n = ctx.mention_at(g)
                if n is not None:
                    return n
    return None


def is_person_like(ctx: Context, tok: Token) -> bool:
    n = ctx.mention_at(tok)
    if n is not None and (n in ctx.people.keys):
        return True
    return tok.lower_ in ("him", "her", "them", "me", "us", "reporters", "journalists")


def can_speak(ctx: Context, tok: Token) -> bool:
    """A phrase that can name someone who speaks: a person, a body or a country the mentions found,
    a personal pronoun, a speaker noun of the lexicon (people, bodies, outlets, documents), a name,
    or a noun of agent ("critics", "protesters"); not a thing or an event ("the storm", "rains")."""
    n = ctx.mention_at(tok)
    if n is not None:
        return ctx.mentions[n].label in SPEAKER_LABELS or n in ctx.people.keys
    for c in tok.children:
        if c.dep_ == "appos" and (m := ctx.mention_at(c)) is not None and m in ctx.people.keys:
            return True  # "a fellow host, Ann Lee, warned ...": the person named beside the noun
    lower = tok.lower_
    if tok.pos_ == "PRON":
        return lower in _SPEAKING_PRONOUNS
    if tok.pos_ == "PROPN":
        return True
    cls = noun_class(ctx.lex, tok)
    if cls is not None:
        return cls not in (NounClass.VIEW, NounClass.INTERVIEW)
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or lemma.endswith(ABSTRACT_SUFFIXES):
        return False
    # "critics", "the candidate", "the nominee"; "Lee's allies", "his rivals": people of someone
    return lemma.endswith(AGENT_SUFFIXES + ("ic", "ate")) or tok.tag_ == "NNS" and any(c.dep_ == "poss" for c in tok.children)


_SPEAKING_PRONOUNS = {"i", "we", "you", "he", "she", "they", "who", "one", "many", "some", "others", "both", "several"}


def phrase_text(text: str, tok: Token) -> str:
    """The words of the noun phrase ``tok`` heads, without its clauses, appositions and trailing
    punctuation ("Rucker Culpepper, who runs ..." -> "Rucker Culpepper"; "a spokeswoman for the
    company" stays whole)."""
    skip: set[int] = set()
    for c in tok.children:
        if c.i > tok.i and (c.dep_ in ("relcl", "acl", "appos", "advcl", "parataxis", "punct")
                            or c.dep_ == "prep" and c.lower_ not in ("for", "of", "at", "from", "with", "in", "on")):
            skip |= {t.i for t in c.subtree}
    start, end = subtree_span(tok, exclude=skip)
    return text[start:end].strip().strip(" ,;:\u2015\u2014\u2013-\"\u201c\u201d").strip()


_SPEAKING_WORDS = frozenset(packaged_words("speaking_words.txt"))  # data/speaking_words.txt


def speaking_subject(ctx: Context, lo: int, hi: int) -> tuple[Token, Token] | None:
    """(word of speech, speaker) of the text from ``lo`` to ``hi`` (a line with no statement) when
    its last sentence tells of a person speaking: a verb of speech or of ``speaking_words.txt``
    whose subject names a person (a person's name, "he", "she"), or a noun of that file on a verb
    whose subject does ("Lee spoke for an hour at the rally.", "Ray stood by her remarks.", "since
    Lee spoke mostly about the budget at the meeting"). A quote paragraph right after such a
    line, with no cue of its own, is that person's. An interview "with" someone is theirs, not
    the interviewer's."""
    last = token_at(ctx.doc, ctx.starts, len(ctx.text[:hi].rstrip()) - 1)
    if last is None or last.idx < lo:
        return None
    for t in last.sent:
        if t.idx < lo or ctx.in_quote(t.idx):
            continue
        lemma = t.lemma_.lower()
        cue = ctx.cues.get(t.i)
        if t.pos_ == "VERB" and (cue is not None and cue.cls == CueClass.SPEECH or lemma in _SPEAKING_WORDS and lemma != "interview"):
            verb = t
        elif t.pos_ == "NOUN" and lemma in _SPEAKING_WORDS and not any(c.dep_ == "prep" and c.lower_ == "with" for c in t.children):
            verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        else:
            continue
        subj = _clause_subject(verb) if verb is not None else None
        if subj is None or ctx.in_quote(subj.idx):
            continue
        n = ctx.mention_at(subj)
        if subj.lower_ in ("he", "she") or n is not None and (n in ctx.people.keys or ctx.mentions[n].label in PERSON_LABELS):
            return t, subj
    return None


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb or adjective it completes ("Lee was eager to add")."""
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is not None:
            return subj
        if verb.dep_ not in ("xcomp", "acomp", "conj") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None
