from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..records import CueClass, NounClass, SpeakerSlot, StatementKind
from .clauses import adverbial, discourse_marker, has_own_speaker, judged, opened_by_subordinator, self_named, small_clause, stray_that_clause
from .context import Claim, Context
from .nouns import owned_speech_noun
from .cues import Cue, cue_text, has_modal, light_noun, noun_class, unrealized
from .repairs import apposed_before, contrast_cut, relative_cut, told_past_relative, coordinated_object_end, parenthetical_content, subject_across_modifier, subject_before_relative
from .speakers import can_speak, inverted_subject, is_person_like, name_before_verb, stray_subject, subject_of, told_outlet
from .syntax import comma_between, own_subject_before, skip_complementizer, subtree_span
from .words import ADDRESSING, COMPLEMENTIZERS, RELATIVE_OR_DEICTIC, PEOPLE_CLASSES, QUESTION_WORDS, REFLEXIVES, SUBORDINATORS


def reported_speech(ctx: Context) -> Iterator[Claim]:
    """A reporting verb and its content: a clause, an object, an infinitive, or content that comes
    before the cue ("..., reported the publication X"); "quotes X as saying that ..."."""
    doc = ctx.doc
    for i, cue in ctx.cues.items():
        verb = doc[i]
        if has_modal(verb) or unrealized(verb):
            continue
        claim = _reported(ctx, verb, cue)
        if claim is not None:
            yield claim


def _reported(ctx: Context, verb: Token, cue: Cue) -> Claim | None:
    lemma = verb.lemma_.lower()
    # "saying" in "X quoted Y as saying that ...": the speaker is Y, the outlet X
    if lemma == "say" and verb.dep_ in ("pcomp", "advcl", "xcomp"):
        quoter = verb.head.head if verb.head.lower_ == "as" else verb.head
        if quoter.lemma_.lower() in ("quote", "cite"):
            return None  # read from the quoting verb
    if lemma in ("quote", "cite"):
        quoted = _quoted_as_saying(ctx, verb)
        if quoted is not None or lemma == "quote" or _is_quote_cue(ctx, verb):
            return quoted  # '"...," RIA cites Lee's words': the object says whose the quote is
        # "X said ..., citing the weak currency", "the airline cited a shortage of pilots": what
        # the speaker cites is the speaker's claim (the object frame; "cited in the report" has none)
    if lemma in ("say", "know") and discourse_marker(verb):
        return None  # "That said, ...", "Having said that, ...", "You know, ...": the writer turning, no one's statement
    if cue.lemma == "put it" and not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None  # "as Lee put it, ..." words; "put it on the table" none
    if cue.kind is None or _silenced(ctx, verb):
        return None  # "declined to comment", "refused to say whether ..."
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.i < verb.head.i and verb.head.i in ctx.cues and cue.cls == CueClass.SPEECH:
        return None  # "Referring to the pact, he said ...": the frame of the statement that follows
    if cue.cls == CueClass.EVALUATION and (any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or judged(verb)):
        return None  # "wants to praise", "urged Lee to condemn": an infinitive judges nothing yet, or not its subject
    content = (told_past_relative(ctx, verb) if lemma in ADDRESSING else None) or _content(ctx, verb, cue)
    if content is None:
        return None
    start, end, inverted = content
    if not inverted:
        end = relative_cut(ctx, verb, contrast_cut(ctx, start, end))
    if ctx.in_accepted_quote(start) and _is_quote_cue(ctx, verb):
        return None
    if not inverted and start > verb.idx and _is_quote_cue(ctx, verb) \
            and not ctx.text[start : start + 8].lower().startswith(("that ", "whether ")) \
            and not ctx.text[max(0, start - 9) : start].rstrip().lower().endswith(("that", "whether")):
        return None  # '"...," Lee said in May of the plant, whose owner ...': the cue is the quote's
    if inverted and _is_quote_cue(ctx, verb) and any(start <= qs <= end + 3 for qs, _ in ctx.quote_spans):
        return None  # '... ("Give us the old pool hours," wrote X)': the words before the cue are the quote's
    if inverted:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        speaker = next((c for c in subjects if c.i > verb.i), subjects[0] if subjects else None)
        if speaker is not None and speaker.i < verb.i:
            speaker = name_before_verb(speaker, verb) or speaker  # "..., now, Carl Crane, Kolar said"
        how = SpeakerSlot.SUBJECT
        if speaker is None:
            speaker, how = subject_of(verb) if any(c.dep_ in ("nsubjpass", "agent") for c in verb.children) else (None, SpeakerSlot.NONE)
        if speaker is None:
            held, held_how = subject_of(verb)
            if held is not None and held_how == SpeakerSlot.SUBJECT and held.head.i == verb.i:
                speaker, how = held, held_how  # "..., state records show.": the subject the parse hung on the verb otherwise
        if speaker is None and lemma not in ADDRESSING:  # "..., told the Ledger": the object is whom the words are told
            speaker = inverted_subject(verb)
            how = SpeakerSlot.SUBJECT if speaker is not None else SpeakerSlot.NONE
        if speaker is None:
            speaker = apposed_before(verb)
            how = SpeakerSlot.SUBJECT if speaker is not None else SpeakerSlot.NONE
    else:
        reporting = _participle_of_report(ctx, verb)
        speaker, how = subject_of(reporting if reporting is not None else verb)
    if speaker is None and how == SpeakerSlot.NONE:
        speaker = stray_subject(ctx, verb) or subject_across_modifier(verb) or subject_before_relative(verb)
        how = SpeakerSlot.SUBJECT if speaker is not None else how
    if cue.cls == CueClass.EVALUATION and (speaker is None or not can_speak(ctx, speaker)):
        return None  # "the storm slammed the coast", "rains lashed ...": no one judged
    claim_kind = _kind(ctx, verb, cue, start)
    light = light_noun(ctx.lex, verb)
    extra = [light] if light is not None else []
    if "prep" in cue.frames:  # "called for", "called on"
        extra += [c for c in verb.children if c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ == cue.lemma.split()[-1]]
    cue_words, cs, ce = cue_text(verb, extra)
    claim = Claim(claim_kind, cue_words, start, end, cs, ce, in_quote=ctx.in_quote(verb.idx), cue_class=cue.cls)
    if how == SpeakerSlot.PASSIVE:
        if speaker is not None and speaker.lower_ == "it" and not inverted or inverted and speaker is not None and speaker.lower_ == "it":
            claim.unnamed = True  # "it was reported that ...", "..., it was claimed"
            speaker = None
        else:
            return None  # "X is said to be ...", "he was denied a try", "she was told that"
    elif speaker is None:
        return None  # no one says it: an imperative, an infinitive of purpose
    claim.speaker = speaker
    claim.reporter = told_outlet(ctx, verb)
    return claim


def _participle_of_report(ctx: Context, verb: Token) -> Token | None:
    """"X said costs rose, citing ...", "X said costs rose, adding that ...": a participle after a
    comma that the parse hung on the reported clause rather than on the reporting verb; the
    reporting verb, whose speaker the participle shares."""
    if verb.dep_ == "xcomp" and verb.head.tag_ == "VBG":
        verb = verb.head  # "..., going on to say that ...": the participle the verb completes
    if verb.tag_ != "VBG" or verb.dep_ != "advcl":
        return None
    # the comma before the participle, also outside a closing quotation mark ('said: "...," adding')
    comma = verb.i - 1
    while comma > 0 and verb.doc[comma].is_quote and verb.doc[comma].is_punct:
        comma -= 1
    if comma < 1 or verb.doc[comma].text != ",":
        return None
    clause = verb.head
    if clause.dep_ == "ccomp" and clause.head.i in ctx.cues and clause.head.i < clause.i:
        return clause.head
    said = verb.doc[comma - 1]
    if said.i in ctx.cues and said.pos_ == "VERB" and ctx.in_quote(clause.idx) and not ctx.in_quote(said.idx):
        # '"...," Lee said, going on to say that ... "...": hung on a verb of the quote after it,
        # the participle goes on with the reporting verb right before its comma
        return said
    return None


def _silenced(ctx: Context, verb: Token) -> bool:
    """The cue is the infinitive of a verb of silence: "declined to say whether ..."."""
    if verb.dep_ != "xcomp":
        return False
    head = ctx.cues.get(verb.head.i)
    return head is not None and head.kind is None


def _kind(ctx: Context, verb: Token, cue: Cue, start: int) -> StatementKind:
    """The lexicon's kind, made negated by a "not" on the cue, and a question only when the words
    ask one ("asked whether ...", not "asked that ...")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return StatementKind.NEGATED
    if cue.kind == StatementKind.QUESTION:
        first = ctx.text[start : start + 12].split(maxsplit=1)
        before = ctx.text[max(0, start - 9) : start].lower().split()
        asking = COMPLEMENTIZERS - {"that"} | QUESTION_WORDS
        if not (first and first[0].lower() in asking or before and before[-1] in asking):
            return StatementKind.INDIRECT
    return cue.kind


def _is_quote_cue(ctx: Context, verb: Token) -> bool:
    return any(s <= verb.idx < e for s, e in ctx.direct_cues)


def _content(ctx: Context, verb: Token, cue: Cue) -> tuple[int, int, bool] | None:
    """(start, end, inverted) of the words a reporting verb attributes; ``inverted`` when they come
    before the cue ("..., reported the publication X")."""
    children = list(verb.children)
    light = light_noun(ctx.lex, verb)
    if "target" in cue.frames:
        return _target(ctx, verb, children)
    as_reported = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
    if not own_subject_before(verb) or verb.dep_ == "parataxis" or as_reported:  # "..., as X reported"
        before = _content_before(ctx, verb)
        if before is not None:
            return before
    if "that" in cue.frames:
        # a clause after the cue first: one before it may be a clause of the speaker's phrase
        # ("Lee, whose firm uses big data, said costs rose")
        for c in sorted(children, key=lambda t: t.i < verb.i):
            if c.dep_ != "ccomp" or light is not None and c.i == light.i:
                continue
            if c.left_edge.i == c.right_edge.i and c.lower_ in QUESTION_WORDS:
                continue  # "I don't know why.", "know what": no words to attribute
            if adverbial(c):
                continue  # "said before he died", "spoke after the vote ended": when, not what, was said
            if cue.cls == CueClass.REPORT and small_clause(c):
                continue  # "found it cancelled", "will find it difficult": a small clause, no finding ("consider it necessary" is a belief)
            if c.i > verb.i:
                if any(k.dep_ == "conj" and verb.i < k.i < c.left_edge.i for k in children):
                    continue  # 'X "got A," Lee said, and still "got B... It raises C."': a clause of the coordinated words, not the cue's
                s, e = _clause_span(ctx, c, verb)
                return s, e, False
            if c.pos_ in ("VERB", "AUX") and comma_between(ctx.doc, c, verb):
                s, e = _clause_span(ctx, c, verb)
                return s, e, True
        if light is not None:
            for c in light.children:
                if c.dep_ in ("acl", "ccomp", "advcl") and any(g.lower_ in COMPLEMENTIZERS for g in c.children):
                    s, e = _clause_span(ctx, c, verb)
                    return s, e, False
        if cue.kind == StatementKind.QUESTION and not any(c.dep_ == "xcomp" and c.i > verb.i for c in children):
            # "asked the senator if she would run": the parse made the question an adverbial clause
            for c in children:
                if c.i > verb.i and c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children):
                    s, e = _clause_span(ctx, c, verb)
                    return s, e, False
        clause = stray_that_clause(verb)
        if clause is not None and not owned_speech_noun(ctx, clause.head):
            s, e = _clause_span(ctx, clause, verb)
            return s, e, False
    if "to" in cue.frames:
        for c in children:
            if c.dep_ == "xcomp" and c.i > verb.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                s, e = subtree_span(c)
                # "urged the council to wait": whom it urges is the subject of what it asks for
                objs = [o for o in children if o.dep_ == "dobj"] + [o for p in children if p.dep_ == "prep" and p.i == verb.i + 1 and p.lower_ == "on"
                                                                    for o in p.children if o.dep_ == "pobj"]  # "called on the council to ..."
                obj = next((o for o in objs if verb.i < o.i < c.i and o.right_edge.i < c.left_edge.i), None)
                if obj is not None and obj.lower_ not in REFLEXIVES and not any(t.text == "," for t in obj.subtree):
                    # (not one set off with its own apposition: "asked Ann Lee, the host, to ...")
                    s = obj.left_edge.idx
                return s, e, False
    if light is not None and light.pos_ == "ADJ":
        return None  # "made it clear" says only a clause ("made the roads clear of snow" nothing)
    if light is not None:
        for holder in (light, verb):
            for c in holder.children:
                if c.dep_ == "prep" and c.i > light.i and c.lower_ in ("over", "about", "on", "at", "regarding", "to", "of", "for"):
                    pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None:
                        s, e = subtree_span(pobj)
                        return s, e, False
        return None
    if "prep" in cue.frames:
        after = _after_preposition(ctx, verb, cue, children)
        if after is not None:
            return after
    if "pred" in cue.frames:
        fronted = next((c for c in children if c.dep_ == "dobj" and c.i < verb.i and (
            c.lower_ in ("what", "which", "whom") or c.lower_ == "that" and verb.dep_ == "relcl")), None)
        if fronted is not None and any(c.i > verb.i and c.dep_ in ("oprd", "xcomp", "attr", "acomp") for c in children):
            # "what critics called a ploy", "a plan, which Lee called reckless": the words start at "what"
            return fronted.idx, subtree_span(verb)[1], False
        # "called the report a provocation", "described the claims as fake", "branded him a traitor"
        # a reflexive object names only with "as" ("describes herself as a moderate"; "a group
        # calling itself X" is a name, not a statement)
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i and (c.lower_ not in REFLEXIVES or any(
            g.dep_ == "prep" and g.lower_ == "as" and g.i > c.i for g in children) or self_named(verb))), None)
        if obj is None:  # "called Ann Lee a liar": the parse may read both as predicates
            preds = [c for c in children if c.dep_ in ("oprd", "attr") and c.i > verb.i]
            obj = preds[0] if len(preds) > 1 and (preds[0].lower_ not in REFLEXIVES or self_named(verb)) else None
            if len(preds) == 1 and _quoted(ctx, preds[0]) and preds[0].left_edge.lower_ not in REFLEXIVES and has_own_speaker(verb):
                s, e = subtree_span(preds[0])  # 'called her "third-rate"': the parse hung the object on the quoted name
                return s, e, False
        pred = next((c for c in children if obj is not None and c.i > obj.i and (
            c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr") or c.dep_ == "advcl" and not opened_by_subordinator(c) or c.dep_ == "prep" and c.lower_ == "as" or has_own_speaker(verb) and _quoted(ctx, c))), None)
        if obj is not None and pred is not None:
            return (*_object_and_rest(obj, children), False)
        clauses = {t.i for c in obj.subtree if c.dep_ in ("relcl", "acl") for t in c.subtree} if obj is not None else set()
        if obj is not None and obj.right_edge.i > obj.i and any(
                t.dep_ in ("appos", "oprd") or t.dep_ == "prep" and t.lower_ == "as" for t in obj.subtree if t.i > obj.i and t.i not in clauses):
            s, e = subtree_span(obj)  # the parse hung the predicate on the object
            return s, e, False
    if "pred" in cue.frames and has_own_speaker(verb):
        named = [c for c in children if c.i > verb.i and c.dep_ in ("ccomp", "xcomp", "dobj", "oprd", "attr", "dep")
                 and not any(g.dep_ in ("mark", "aux") for g in c.children)]  # not "called for voters to back X"
        if named and any(_quoted(ctx, c) for c in named):
            # 'calling his hacking "an addiction"' read as a clause: the quoted name is what was called
            return named[0].left_edge.idx, max(subtree_span(c)[1] for c in named), False
    if verb.lemma_.lower() == "ask" and not any(c.dep_ in ("ccomp", "xcomp") for c in children):
        about = next((c for c in children if c.dep_ == "prep" and c.lower_ == "about" and c.i > verb.i), None)
        topic = next((g for g in about.children if g.dep_ in ("pobj", "pcomp")), None) if about is not None else None
        if topic is not None:  # "asked the senator about the deportations": what the question is about
            s, e = subtree_span(topic)
            return s, e, False
    if "record" in cue.frames:
        recorded = _recorded(ctx, verb, children)
        if recorded is not None:
            return recorded
    if "obj" in cue.frames:
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
        charged = obj is not None and cue.cls == CueClass.CLAIM and any(
            c.dep_ == "prep" and c.i > obj.i and c.lower_ in ("of", "for") for c in children)  # "accused Lee of lying"
        if obj is not None and cue.cls == CueClass.SPEECH and obj.pos_ == "PRON" and not charged:
            obj = None  # "said it again", "say that": a pronoun says nothing of the words
        if obj is not None and (charged or not is_person_like(ctx, obj) and ctx.lex.nouns.get(obj.lemma_.lower()) not in PEOPLE_CLASSES | {NounClass.MEDIA}):
            s, e = _object_and_rest(obj, children)
            return s, e, False
        answer = next((c for c in children if c.dep_ == "intj" and c.i == verb.i + 1), None)
        if obj is None and answer is not None:  # "60% said yes", "he said no to the plan"
            return answer.idx, _object_and_rest(answer, children)[1], False
        gerund = next((c for c in children if c.dep_ in ("xcomp", "ccomp") and c.tag_ == "VBG" and c.i == verb.i + 1), None)
        if obj is None and gerund is not None:  # "proposed dropping the tax", "suggested waiting"
            s, e = subtree_span(gerund)
            return s, e, False
        if any(c.dep_ == "nsubjpass" for c in children) and any(c.dep_ == "agent" for c in children):
            subj = next(c for c in children if c.dep_ == "nsubjpass")
            if subj.lower_ not in ("it", "this", "that", "which", "who"):
                s, e = subtree_span(subj)
                called = next((c for c in children if c.i > verb.i and (c.dep_ == "oprd" or c.dep_ == "prep" and c.lower_ == "as")), None)
                if called is not None:  # "Lee was described by the paper as a rising star": what Lee was called too
                    e = subtree_span(called)[1]
                return s, e, False
    for c in children:
        if c.i < verb.i and (c.dep_ in ("advcl", "parataxis", "ccomp") and c.pos_ in ("VERB", "AUX")
                             or c.dep_ == "dep" and c.left_edge.i == c.sent.start):  # "Language unclear on ..., experts say"
            if any(g.dep_ == "mark" and g.lower_ in SUBORDINATORS for g in c.children):
                continue
            if comma_between(ctx.doc, c, verb) and not _has_right_complement(verb):
                s, e = subtree_span(c)
                return s, e, True
    if "quote" in cue.frames and cue.cls == CueClass.SPEECH:
        trailing = _trailing_cue(ctx, verb)
        if trailing is not None:
            return trailing
    if "that" in cue.frames and cue.cls == CueClass.SPEECH:
        return parenthetical_content(ctx, verb)
    return None


def _target(ctx: Context, verb: Token, children: list[Token]) -> tuple[int, int, bool] | None:
    """What an evaluation judges: the object, a person too, with what it is judged for ("criticized
    Lee for the delay", "praised the plan as bold"); in the passive, the subject ("the plan was
    condemned by Lee"). No object, no statement ("Lee criticized again")."""
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i and c.lower_ not in REFLEXIVES), None)
    if obj is not None and obj.tag_ == "CD" and obj.text[:1].isdigit():
        return None  # "rebuked 12 to 3 in the chamber": a vote's count, not what is judged
    if obj is not None:
        if _said_of_target(ctx, verb) is not None:
            return None  # "slammed the ruling and called it a disgrace": one judgement, which the naming says
        s, e = _object_and_rest(obj, children)
        return s, e, False
    subj = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subj is not None and any(c.dep_ == "agent" for c in children) and subj.lower_ not in RELATIVE_OR_DEICTIC:
        s, e = subtree_span(subj)
        return s, e, False
    return None


def _recorded(ctx: Context, verb: Token, children: list[Token]) -> tuple[int, int, bool] | None:
    """What a document, a poll or a record shows or finds ("a new poll showed rising support for the bridge",
    "the study found high levels of lead"): the object and the rest of the clause. Only for such a
    subject: "Lee showed courage", "the police found the car" state nothing."""
    subject, _ = subject_of(verb)
    if subject is None or not _document_phrase(ctx, subject):
        return None
    obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None:
        return None
    s, e = _object_and_rest(obj, children)
    return s, e, False


def _quoted(ctx: Context, tok: Token) -> bool:
    """A phrase that opens with a quotation mark or sits in a quote ('called the plan "a disgrace"',
    'called that "beyond the pale"'): the name the speaker gave, whatever the parse made of it."""
    if tok.is_punct:
        return False  # the closing mark of a quote earlier in the clause
    first = tok.left_edge
    clauses = {t.i for c in tok.subtree if c.dep_ in ("relcl", "acl", "advcl") for t in c.subtree}  # "Dale, whom he calls '...'"
    return any(t.is_quote and t.i not in clauses for t in tok.subtree) or first.i - 1 > tok.head.i and ctx.doc[first.i - 1].is_quote


def _document_phrase(ctx: Context, tok: Token) -> bool:
    """A document, a poll or a record, also one counted or averaged ("an average of weekly polls",
    "none of the emails", "most of the records")."""
    if noun_class(ctx.lex, tok) == NounClass.DOCUMENT:
        return True
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return pobj is not None and tok.tag_ != "NNP" and noun_class(ctx.lex, pobj) == NounClass.DOCUMENT


def _said_of_target(ctx: Context, verb: Token) -> Token | None:
    """A cue of naming coordinated with an evaluation, sharing its speaker, that says what the
    judgement was ("slammed the ruling and called it a disgrace"): one judgement, one statement, the
    naming's. A claim of its own ("criticized the plan and said that ...") leaves both."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i in ctx.cues and "pred" in ctx.cues[c.i].frames and not any(
                g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
            return c
    return None


def _trailing_cue(ctx: Context, verb: Token) -> tuple[int, int, bool] | None:
    """"As the rally began, a girl was hurt by a bystander, police said.", "..., said Ann Lee, a
    historian": a cue clause that closes its sentence after a comma reports everything before the
    comma, whatever the parse made of it (a subordinate clause, a noun read as the head)."""
    doc, sent = ctx.doc, verb.sent
    # an inverted subject first: '... signals "the end" for the union, said Lee' (the parse may make
    # a noun of the words before a subject too)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    subject = next((c for c in subjects if c.i > verb.i), subjects[0] if subjects else None)
    if subject is None:
        return None
    if verb.dep_ == "relcl" or subject.lower_ in ("who", "which", "that"):
        return None  # "..., the harbour master, who confided to her ...": a relative clause reports nothing before it
    cue = ctx.cues.get(verb.i)
    if cue is not None and "that" not in cue.frames and not can_speak(ctx, subject):
        return None  # "..., the economy boomed.": a verb that speaks only beside a quote, and no one to speak
    start = min(verb.i, subject.left_edge.i)
    begin = sent.start
    if start - 1 == sent.start and sent.start > 0 and doc[start - 1].text == "," and not doc[sent.start - 1].is_space:
        begin = doc[sent.start - 1].sent.start  # the parse cut the sentence at the cue's comma: its words are before
    if start - 1 <= begin or doc[start - 1].text not in (",", "\u2014", "\u2013", "--"):
        return None
    last = next((t for t in reversed(doc[verb.i : sent.end]) if not (t.is_space or t.is_quote)), verb)
    if last.text not in (".", "!", "?") or "\n" in doc[verb.i : last.i].text:
        return None  # "..., he said" before a line break: the words that follow are his, not those before
    after = [t for t in doc[verb.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
    if any(t.i not in {g.i for g in verb.subtree} for t in after):
        return None  # the sentence goes on past the cue's clause
    if _has_right_complement(verb, ctx):
        return None  # the cue has content of its own after it (not its addressee: "..., Lee told reporters.")
    words = [t for t in doc[begin : start - 1] if t.is_alpha]
    if len(words) < 3 or words[0].pos_ == "ADP" and not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None  # "In a short letter, the club asked for ...": a phrase, not words someone said
    if doc[begin].dep_ == "prep" and not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None  # "At the interval, a boy asked ...": a phrase that sets the scene, no words of hers
    return doc[begin].idx, doc[start - 2].idx + len(doc[start - 2].text), True


def _after_preposition(ctx: Context, verb: Token, cue: Cue, children: list[Token]) -> tuple[int, int, bool] | None:
    """"called for the fees to be paid back", "called on Ann Lee to apologise": the words after
    the cue's preposition (the infinitive, when the preposition names whom the words address)."""
    word = cue.lemma.split()[-1]
    prep = next((c for c in children if c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ == word), None)
    if prep is None or prep.i + 1 >= len(ctx.doc):
        return None
    infinitive = next((c for c in children if c.dep_ == "xcomp" and c.i > prep.i), None)
    if infinitive is not None and "to" in cue.frames:
        s, e = subtree_span(infinitive)
        return s, e, False
    end = prep.right_edge.idx + len(prep.right_edge.text)
    for c in children:
        if c.i > prep.i and c.dep_ not in ("punct", "cc", "conj", "advcl", "parataxis"):
            end = max(end, c.right_edge.idx + len(c.right_edge.text))
    return ctx.doc[prep.i + 1].idx, end, False


def _object_and_rest(obj: Token, children: list[Token]) -> tuple[int, int]:
    """The object and what follows it in the clause, up to a coordination or a punctuation mark."""
    s, e = subtree_span(obj)
    for c in sorted(children, key=lambda t: t.i):
        if c.i <= obj.i:
            continue
        if c.dep_ in ("cc", "conj") or (c.dep_ == "punct" and c.text != "-"):
            break
        e = max(e, subtree_span(c)[1])
    return s, _run_on(obj, coordinated_object_end(obj, e))


def _run_on(obj: Token, end: int) -> int:
    """The end of an object the parse cut off with a sentence break where the text has no stop
    ("cited remarks Lee had made about ...": "Lee had made ..." read as a sentence of its own): the
    end of that next sentence."""
    doc, sent = obj.doc, obj.sent
    last = doc[sent.end - 1]
    if sent.end >= len(doc) or end < last.idx + len(last.text) or last.is_punct or last.is_space or "\n" in last.whitespace_:
        return end
    nxt = doc[sent.end].sent
    tail = next((t for t in reversed(nxt) if not t.is_space), None)
    return tail.idx + (0 if tail.is_punct else len(tail.text)) if tail is not None else end


def _has_right_complement(verb: Token, ctx: Context | None = None) -> bool:
    """A clause or an object after the verb; an object that names a speaker ("reported the news
    agency Valley Wire") stands for an inverted subject, not content."""
    for c in verb.children:
        if c.i <= verb.i:
            continue
        if c.dep_ in ("ccomp", "xcomp", "oprd"):
            return True  # "oprd": '..., calling the chief "brilliant"' names after the cue
        if c.dep_ == "dobj":
            if verb.lemma_.lower() in ADDRESSING and verb.lemma_.lower() != "ask":
                continue  # "..., Lee told a Senate panel.": whom the words were told
            if ctx is not None and (light := light_noun(ctx.lex, verb)) is not None and light.i == c.i:
                continue  # the "it" of "as Lee put it" is the cue's own word
            if ctx is not None and not own_subject_before(verb) and (
                    ctx.mention_at(c) is not None or c.pos_ == "PROPN" or c.lower_ in ("he", "she", "they")
                    or ctx.lex.nouns.get(c.lemma_.lower()) in PEOPLE_CLASSES | {NounClass.MEDIA, NounClass.INSTITUTION}):
                continue  # with a subject of its own ("as polls show Lee ahead"), the name is what it reports
            return True
    return False


def _content_before(ctx: Context, verb: Token) -> tuple[int, int, bool] | None:
    """"..., reported the publication X", "The solution ..., says Lee, lies in ...": a cue with
    no subject of its own before it, hanging off the clause it reports."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    as_reported = verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if verb.dep_ == "parataxis" or (verb.dep_ in ("conj", "advcl", "ccomp") and head.i < verb.i) or as_reported:
        if not comma_between(ctx.doc, head, verb) or _has_right_complement(verb, ctx) and verb.dep_ != "parataxis":
            return None
        if verb.dep_ == "parataxis" and head.left_edge.i < verb.i < head.i:
            s, e = subtree_span(head)  # the cue splits its content
        else:
            s, e = subtree_span(head, exclude={t.i for t in verb.subtree})
        return s, e, True
    return None


def _clause_span(ctx: Context, clause: Token, verb: Token) -> tuple[int, int]:
    """A content clause without the cue's own words; one after its cue keeps its complementizer
    ("that", "whether"), one before it (a fronted clause) does not."""
    if clause.i < verb.i:  # content before its cue: the part of the clause that leaves out the cue's words
        s, e = subtree_span(clause, exclude={t.i for t in verb.subtree} - {t.i for t in clause.subtree})
    else:
        s, e = subtree_span(clause)
        between = [t for t in ctx.doc[verb.i + 1 : clause.left_edge.i] if not t.is_punct]
        if between and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj", "mark") for c in clause.children) and any(
                t.pos_ in ("NOUN", "PROPN") and t.head.i == verb.i for t in between) and all(
                t.head.i == verb.i or verb.i < t.head.i < clause.left_edge.i for t in between):
            s = between[0].idx  # "said the days when ... are gone": the clause's subject, which the parse hung on the cue
            named = next((t for t in between if t.dep_ == "appos" and t.head.dep_ in ("dobj", "dative") and t.head.head.i == verb.i), None)
            if named is not None and verb.lemma_.lower() in ADDRESSING:
                s = named.left_edge.idx  # "told the Ledger, Vale would lead ...": whom it was told, then the clause's subject
        tail = next((c for c in clause.children if c.i > clause.i and c.i in ctx.cues and (_participle_of_report(ctx, c) or c).i == verb.i), None)
        if tail is not None:  # ", citing ...", ", adding that ...": the speaker's next statement
            e = min(e, ctx.doc[tail.i - 1].idx)
    doc = ctx.doc
    first = clause.left_edge
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("that", "whether")), None)
    if clause.i > verb.i and mark is not None and first.i < mark.i and doc[mark.i - 1].text == "," and mark.i + 1 < len(doc):
        # "stated, while visiting the dam, that ...", "believes, she added, that ...": the words set off
        # between the cue and its complementizer tell the manner or the moment of saying, not the words
        s, first = max(s, doc[mark.i].idx), mark
    if clause.i > verb.i:
        return s, e  # words after their cue keep their complementizer ("said that ...", "asked whether ..."), as annotated news marks them
    if first.lower_ in COMPLEMENTIZERS and first.pos_ in ("SCONJ", "ADP") and first.i + 1 < len(doc):
        s = max(s, doc[first.i + 1].idx)
    if first.idx == s and first.lower_ == "that" and first.dep_ in ("nsubj", "nsubjpass"):
        return s, e  # "said that is unlikely": "that" is the clause's subject, not a complementizer
    return skip_complementizer(ctx, s), e


def _quoted_as_saying(ctx: Context, verb: Token) -> Claim | None:
    """"The Gazette quoted a source at the town hall as saying that ...", "X was quoted as
    saying that ...", "RIA cited X as saying that ..."."""
    said = None
    for t in verb.subtree:
        if t.lemma_.lower() == "say" and t.i > verb.i and (t.head == verb or t.head.lower_ == "as"):
            said = t
            break
    if said is None:
        return None
    ccomp = next((c for c in said.children if c.dep_ == "ccomp"), None)
    if ccomp is None:
        return None
    s, e = _clause_span(ctx, ccomp, said)
    if ctx.in_accepted_quote(s):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "appos") and c.i > verb.i), None)
    reporter, how = subject_of(verb)
    if how == SpeakerSlot.PASSIVE:
        obj, reporter = reporter, None
    elif how == SpeakerSlot.AGENT:
        obj, reporter = next((c for c in verb.children if c.dep_ == "nsubjpass"), None), reporter
    cue_words, cs, ce = cue_text(verb, [t for t in (said.head if said.head.lower_ == "as" else None, said) if t is not None])
    claim = Claim(StatementKind.INDIRECT, cue_words, s, e, cs, ce, speaker=obj, reporter=reporter, in_quote=ctx.in_quote(verb.idx))
    if obj is None:
        claim.unnamed = True
    return claim
