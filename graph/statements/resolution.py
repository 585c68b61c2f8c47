"""Who a claim's speaker phrase names: a name, a description or role ("the senator", "the
company"), an institution, an outlet; pronouns are :mod:`.pronouns`'."""
from __future__ import annotations

from spacy.tokens import Token

from ..records import CueClass, MentionKind, NameType, NounClass, SpeakerResolution
from .context import Claim, Context, Resolved, title_abbreviations
from .cues import noun_class
from .pronouns import gender_of, person_candidates, resolve_pronoun, salient_person
from .speakers import mention_in_phrase, subject_of
from .interview import interviewee_of
from .namesakes import as_person, expanded_acronym, fronted_gender, full_person, short_name, surname_key
from .syntax import owner_of, phrase_head, token_at
from .words import ABSTRACT_SUFFIXES, AGENT_SUFFIXES, ANONYMOUS_NOUNS, AGE_NOUN, FEMALE_PRONOUNS, FIRST_PLURAL, FIRST_SINGULAR, INDEFINITE_DETS, MALE_PRONOUNS, ORGANISATION_LABELS, PEOPLE_CLASSES, PERSON_LABELS, PERSON_NOUN, PLACE_LABELS, PLURAL_PRONOUNS, SPEAKER_LABELS, SPOKESPEOPLE


_DATELINE_DASHES = frozenset({"--", "\u2014", "\u2013", "-"})
_APOSTROPHES = frozenset({"'", "\u2019", "'s", "\u2019s"})


def _resolve_phrase(ctx: Context, tok: Token, claim: Claim, history: list[tuple[int, int]], depth: int = 0) -> Resolved:
    """Who a speaker phrase names."""
    lex = ctx.lex
    if depth > 3:
        return Resolved(None, SpeakerResolution.NONE)
    if claim.cue == ":" and tok.text in _ANSWER_LABELS and ctx.text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 1] == ":":
        return Resolved(interviewee_of(ctx), SpeakerResolution.NOMINAL)  # an interview's "A: ..."
    n = ctx.mention_at(tok)
    lower = tok.lower_
    lemma = tok.lemma_.lower()
    if tok.i == tok.sent.start and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].text in _DATELINE_DASHES:
        # "WASHINGTON -- President Ann Lee ... said": the dateline is where, the name after it who
        apposed = next((c for c in tok.children if c.dep_ == "appos"), None)
        if apposed is not None:
            return _resolve_phrase(ctx, apposed, claim, history, depth + 1)
    if n is not None:
        m = ctx.mentions[n]
        if m.kind == MentionKind.CAPITAL and (key := surname_key(ctx, m.name.lower())) is not None:
            # "Lima said" where the text named Ada Lima: the person, not the capital's government
            full = full_person(ctx, key, tok.idx, history)
            if full is not None:
                return Resolved(full, SpeakerResolution.NAME)
        if m.label in PLACE_LABELS and m.kind not in (MentionKind.CAPITAL, MentionKind.DEMONYM):
            # a place does not speak, but a surname the tagger took for one does ("Moss said")
            full = full_person(ctx, key, tok.idx, history) if (key := surname_key(ctx, m.name.lower())) else None
            return Resolved(full, SpeakerResolution.NAME if full is not None else SpeakerResolution.NONE)
        if m.kind == MentionKind.DEMONYM and tok.pos_ == "ADJ":
            pass  # "Uzbekistani intelligence": handled as an institution below when it is a modifier
        elif m.kind == MentionKind.DEMONYM and tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS"):
            return Resolved(None, SpeakerResolution.NOMINAL)  # "Russians believe": unnamed people
        elif m.label == NameType.GROUP and tok.tag_ in ("NNS", "NNPS"):
            # "Democrats said", "some Republicans say": members of a party or a people, not the
            # party itself; unnamed people, as "protesters said"
            return Resolved(None, SpeakerResolution.NOMINAL)
        elif m.kind == MentionKind.DEMONYM and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return _resolve_description(ctx, tok, claim, history)  # "the Spaniard said"
        else:
            return Resolved(as_person(ctx, n, history, fronted_gender(tok)), SpeakerResolution.NAME)
    if n is None:
        apposed = _apposed_person(ctx, tok)
        if apposed is not None:
            return Resolved(apposed, SpeakerResolution.NAME)  # "Ann Lee, a consultant and an activist who said"
    if tok.is_title or tok.pos_ == "PROPN" or tok.is_upper and ctx.text[tok.idx + len(tok.text) : tok.idx + len(tok.text) + 1] == ":":
        # a name the mention stage missed (tagged a noun, or first in its sentence; a transcript's
        # label in capitals): the surname of a person the text named
        key = surname_key(ctx, tok.lower_)
        if key is not None:
            full = full_person(ctx, key, tok.idx, history)
            if full is not None:
                return Resolved(full, SpeakerResolution.NAME)
    if tok.pos_ == "PROPN" or tok.is_title and tok.i > tok.sent.start:
        # a title read as the head ("former Dakota Gov. and party Chairman Ed Varga said"): the
        # person named at the phrase's end, not a body named inside it
        named = _titled_person(ctx, tok)
        if named is not None:
            return Resolved(named, SpeakerResolution.NAME)
        # or a name beside it
        near = _mention_beside(ctx, tok)
        if near is not None:
            return Resolved(as_person(ctx, near), SpeakerResolution.NAME)
        body = expanded_acronym(ctx, tok)
        if body is None:
            body = short_name(ctx, tok)
        if body is not None:
            return Resolved(body, SpeakerResolution.NAME)
    if lower in FIRST_SINGULAR and not claim.in_quote:
        label = _transcript_label(ctx, tok)
        if label is not None:
            # "GREEN: Well, I think ...": the "I" of a transcript's line is the person it is labelled
            # with; "A: I think ..." the interviewee's
            if label.text in _ANSWER_LABELS:
                return Resolved(interviewee_of(ctx), SpeakerResolution.PRONOUN)
            res = _resolve_phrase(ctx, label, claim, history, depth + 1)
            if res.mention is not None:
                return Resolved(res.mention, SpeakerResolution.PRONOUN)
    if lower in MALE_PRONOUNS | FEMALE_PRONOUNS | FIRST_PLURAL | FIRST_SINGULAR | PLURAL_PRONOUNS | {"it", "its"} or (
            tok.pos_ == "PRON" and not _agent_like(tok)):
        return resolve_pronoun(ctx, tok, claim, history)
    cls = noun_class(lex, tok)
    if cls is None and tok.pos_ in ("NOUN", "PRON") and _counts_documents(ctx, tok):
        cls = NounClass.DOCUMENT  # "an average of weekly polls shows ...", "none of the emails showed ..."
    if cls == NounClass.MEDIA:
        inner = mention_in_phrase(ctx, tok)
        if inner is not None:
            return Resolved(inner, SpeakerResolution.NAME, reporter=inner)  # "reported the news agency Valley Wire"
        return Resolved(None, SpeakerResolution.NOMINAL)
    # apposition or compound name: "the director of X, Ilya Varnov", "expert Lena Dorsk"; the
    # apposed name first ("Another Lee ally, Farm Secretary Tom Vilk, told": Vilk, not Lee)
    for c in sorted(tok.children, key=lambda c: c.dep_ != "appos"):
        if c.dep_ in ("appos", "compound", "nmod") and ctx.mention_at(c) is not None:
            cm = ctx.mention_at(c)
            if c.dep_ != "appos" and tok.tag_ == "NNS" and tok.pos_ == "NOUN":
                continue  # "Lee supporters", "Lee aides": people around the person, not the person
            if c.dep_ != "appos" and c.i < tok.i and cls in PEOPLE_CLASSES and cm in ctx.people.keys:
                continue  # "a senior Lee adviser": whom the role serves, not who holds it
            if cm in ctx.people.keys or ctx.mentions[cm].label in SPEAKER_LABELS:
                if c.dep_ == "appos" or (cm in ctx.people.keys):
                    return Resolved(cm, SpeakerResolution.NAME)
    for c in tok.children:
        if c.dep_ == "appos":
            for g in c.subtree:
                gm = ctx.mention_at(g)
                if gm is not None and gm in ctx.people.keys and _in_apposed_name(g, c):
                    return Resolved(gm, SpeakerResolution.NAME)
    if cls == NounClass.DOCUMENT:
        owner = owner_of(tok)
        if owner is None and tok.dep_ == "dobj" and tok.head.pos_ == "VERB":
            # "Acme issued a statement saying ...", "the club put out a note saying ...":
            # who issued the text speaks through it
            owner, _ = subject_of(tok.head)
        if owner is None:
            # "the Acme national tracking poll": a body named among the words before the noun
            owner = next((t for t in reversed(tok.doc[tok.left_edge.i : tok.i]) if (m := ctx.mention_at(t)) is not None
                          and ctx.mentions[m].label == NameType.ORGANIZATION), None)
        if owner is not None:
            res = _resolve_phrase(ctx, owner, claim, history, depth + 1)
            if res.mention is None and owner.dep_ == "poss":
                # "May's Acme poll", "last year's Acme survey": a time owns no poll; its sponsor is named beside it
                named = next((c for c in reversed(list(tok.lefts)) if c.dep_ in ("compound", "amod") and ctx.mention_at(c) is not None), None)
                if named is not None and (by_name := _resolve_phrase(ctx, named, claim, history, depth + 1)).mention is not None:
                    return by_name
            if not res.drop:
                return res  # "Municipal records": an owner that is no one leaves the document's words unowned
        return Resolved(None, SpeakerResolution.NOMINAL)
    if cls == NounClass.INSTITUTION:
        owner = _owning_person(ctx, tok)
        if owner is not None:
            return Resolved(owner, SpeakerResolution.NOMINAL)  # "Lee's campaign", "the Lee office": the person speaks through it
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON"), None)
        if poss is not None and poss.lower_ in MALE_PRONOUNS | FEMALE_PRONOUNS:
            res = resolve_pronoun(ctx, poss, claim, history)  # "his campaign said": the person "his" is
            if res.mention is not None:
                return Resolved(res.mention, SpeakerResolution.NOMINAL)
        inner = mention_in_phrase(ctx, tok)
        if inner is None:
            for c in tok.children:
                if c.dep_ in ("amod", "poss", "compound", "nmod"):
                    inner = ctx.mention_at(c)
                    if inner is not None:
                        break
        if inner is not None and inner not in ctx.people.keys and ctx.mentions[inner].label != NameType.GEOPOLITICAL:
            return Resolved(inner, SpeakerResolution.NOMINAL)  # "Uzbek intelligence", "the Interior Ministry"
        if inner is not None and ctx.mentions[inner].label == NameType.GEOPOLITICAL:
            return Resolved(None, SpeakerResolution.NOMINAL)  # "Toronto police": a body the graph has no node for
        if any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) and tok.tag_ == "NN":
            return Resolved(_body_named_before(ctx, tok, claim, history), SpeakerResolution.NOMINAL)
        return Resolved(None, SpeakerResolution.NOMINAL)
    if lemma in SPOKESPEOPLE or cls in PEOPLE_CLASSES and _speaks_for(ctx, tok) is not None:
        org = _speaks_for(ctx, tok, people=lemma in SPOKESPEOPLE)  # "a spokesman for BAA", "a Foreign Ministry spokeswoman"
        if org is not None and lemma in SPOKESPEOPLE:
            # a person's spokesperson speaks for the person too ("a spokeswoman for Ann Lee")
            return Resolved(as_person(ctx, org) if org in ctx.people.keys else org, SpeakerResolution.NOMINAL)
    if cls in PEOPLE_CLASSES or AGE_NOUN.match(lower):
        if any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETS for c in tok.children):
            return Resolved(None, SpeakerResolution.NOMINAL)  # "a source close to X": never X
        named = _name_closing_phrase(ctx, tok)
        if named is not None:
            return Resolved(named, SpeakerResolution.NAME)  # "the head of the Roads Department ... Piet Janssen said"
        if tok.tag_ in ("NNS", "NNPS") or _indefinite(tok):
            return Resolved(None, SpeakerResolution.NOMINAL)  # "experts", "a source at the town hall"
        if cls == NounClass.STANDING and not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.children):
            # "the Republican", "the nominee": the person in focus; not one of a kind ("another
            # Norland Republican", "two in five Republican farmers")
            return Resolved(None, SpeakerResolution.NOMINAL)
        if cls == PERSON_NOUN and not _described_person(tok):
            return Resolved(None, SpeakerResolution.NOMINAL)  # "the man", "the source": someone the text does not name
        return _resolve_description(ctx, tok, claim, history)
    if tok.pos_ == "PROPN":
        return Resolved(None, SpeakerResolution.NAME)
    if tok.tag_ == "NN" and _agent_like(tok) and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        res = _resolve_description(ctx, tok, claim, history)  # "the Ohio dairy farmer said"
        if res.mention is not None:
            return res
    if (claim.cue_class in (CueClass.SPEECH, CueClass.EVALUATION) and tok.pos_ in ("NOUN", "NUM")
            or claim.cue_class == CueClass.SPEECH and tok.dep_ in ("nsubj", "csubj") or _agent_like(tok)):
        # "protesters said", "73 percent said", "the report says", "most said", "several said" (a
        # quantifier, or a noun the tagger took for a verb): whoever is the subject of a verb of
        # speech speaks, though no entity is named (an evaluation's speaker phrase was vetted
        # already: speakers.can_speak)
        return Resolved(None, SpeakerResolution.NONE)
    if tok.dep_ in ("nsubj", "csubj") and (lower in INDEFINITE_DETS - {"a", "an", "other"} or lower == "others"):
        return Resolved(None, SpeakerResolution.NONE)  # "most believe", "few think", "others say": unnamed people
    return Resolved(None, SpeakerResolution.NONE, drop=True)  # an event or a thing: "the deployment suggests"


_ATTACHED_DEPS = frozenset({"prep", "pobj", "relcl", "acl", "advcl", "poss"})


def _in_apposed_name(g: Token, apposed: Token) -> bool:
    """Whether ``g`` is part of the apposition's own words ("the director, Deputy Minister Ilya
    Varnov"), not of a phrase hanging on it: in "Ed Ray, a longtime clerk to Ann Lee, said" or "Ed
    Ray, Ann Lee's aide, said" Lee is whom the speaker serves, not the speaker."""
    while g.i != apposed.i and g.head.i != g.i:
        if g.dep_ in _ATTACHED_DEPS:
            return False
        g = g.head
    return g.i == apposed.i


def _counts_documents(ctx: Context, tok: Token) -> bool:
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return pobj is not None and noun_class(ctx.lex, pobj) == NounClass.DOCUMENT


_ANSWER_LABELS = frozenset({"A", "A."})
_LABEL_WORDS = 4  # "SEN. ANN LEE:" is about as long as a transcript's label gets


def _transcript_label(ctx: Context, tok: Token) -> Token | None:
    """The last word of the label that opens the line of ``tok`` when the line is a transcript's
    ("LEE: ...", "Ann Lee: ...", "A: ..."): a few capitalised words, no verb, then a colon."""
    para = ctx.paragraph_of(tok.idx)
    first = token_at(ctx.doc, ctx.starts, ctx.paragraph_starts[para])
    if first is None or first.i >= tok.i:
        return None
    for t in ctx.doc[first.i : min(first.i + _LABEL_WORDS + 1, tok.i)]:
        if t.text == ":":
            label = ctx.doc[t.i - 1] if t.i > first.i else None
            return label if label is not None and (label.text in _ANSWER_LABELS or label.pos_ == "PROPN") else None
        if not t.text[:1].isupper() and t.text != "." or t.pos_ in ("VERB", "AUX", "ADP", "PRON"):
            return None
    return None


def _described_person(tok: Token) -> bool:
    """"the Ohio dairy farmer", "the 34-year-old actress": a person the text named, described
    again; not "the man", "the source", nor "his wife" (someone else)."""
    if tok.lemma_.lower() in ANONYMOUS_NOUNS or tok.tag_ not in ("NN", "NNP"):
        return False
    children = list(tok.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(c.dep_ == "poss" for c in children):
        return False
    return any(c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i for c in children)


def _agent_like(tok: Token) -> bool:
    """A noun that can name someone who speaks: people ("protesters", "one of them"), or a noun
    of agent ("the senator") rather than of an abstraction ("the deployment")."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PRON":
        return lemma in ("one", "many", "some", "most", "all", "others", "both", "several", "few")
    if tok.pos_ not in ("NOUN", "PROPN") or lemma.endswith(ABSTRACT_SUFFIXES):
        return False
    return tok.pos_ == "PROPN" or tok.tag_ in ("NNS", "NNPS") or lemma.endswith(AGENT_SUFFIXES)


def _body_named_before(ctx: Context, tok: Token, claim: Claim, history: list[tuple[int, int]]) -> int | None:
    """"the company", "the ministry": the organisation the text named before whose name has the
    noun ("Acme Mining Company"), else the organisation that spoke last in this paragraph or the
    one before ("Acme said ... The company added ...")."""
    before = min(claim.start, claim.cue_start)
    para = ctx.paragraph_of(before)
    noun = tok.lemma_.lower()
    for n in range(len(ctx.mentions) - 1, -1, -1):
        m = ctx.mentions[n]
        if not m.in_text or m.start >= before or n in ctx.people.keys or m.label not in ORGANISATION_LABELS:
            continue
        if ctx.paragraph_of(m.start) < para - 5:
            break
        if noun in m.name.lower().split():
            return n
    for pos, n in reversed(history):
        if pos >= before:
            continue
        if ctx.paragraph_of(pos) < para - 1:
            break
        if n not in ctx.people.keys and ctx.mentions[n].label in ORGANISATION_LABELS:
            return n
    return None


def _name_closing_phrase(ctx: Context, tok: Token) -> int | None:
    """A person named at the very end of a role phrase ("the head of the X of the Y Oleg Ilinykh"),
    however the parse attached the name."""
    end = tok.right_edge
    while end.i > tok.i and (end.is_punct or end.is_space):
        end = end.doc[end.i - 1]
    n = ctx.mention_at(end)
    if n is not None and n in ctx.people.keys and ctx.mentions[n].label in PERSON_LABELS and end.i > tok.i:
        if _principal(ctx, tok) == n:
            return None  # "the longtime aide to Senator Tom Lee": whom the role serves
        return n
    return None


def _principal(ctx: Context, tok: Token) -> int | None:
    """The named person a role noun serves ("Lee's aide", "a Lee adviser", "an aide to Lee", "a
    spokeswoman for Lee"): never the one who holds the role."""
    for c in tok.children:
        if c.dep_ == "poss" or c.dep_ in ("compound", "nmod") and c.i < tok.i:
            n = ctx.mention_at(c)
        elif c.dep_ == "prep" and c.lower_ in ("to", "for") and c.i > tok.i:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            n = mention_in_phrase(ctx, pobj) if pobj is not None else None
        else:
            continue
        if n is not None and n in ctx.people.keys:
            return as_person(ctx, n)  # a surname tagged otherwise ("Lee's" read as a firm) too
        if n is None and c.dep_ != "prep" and c.pos_ == "PROPN" and (key := surname_key(ctx, c.lower_)) is not None:
            return full_person(ctx, key, c.idx)  # a surname the mention stage left untagged
    return None


def _apposed_person(ctx: Context, tok: Token) -> int | None:
    """The person a description stands in apposition to, through its coordination ("Ann Lee, a
    consultant and an activist who said ..."): the description is hers."""
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    if t.dep_ != "appos":
        return None
    n = ctx.mention_at(t.head)
    if n is None or n not in ctx.people.keys or ctx.mentions[n].label not in PERSON_LABELS:
        return None
    return as_person(ctx, n)


_TITLE_LINKS = frozenset({"conj", "compound", "appos", "flat", "nmod"})


def _titled_person(ctx: Context, tok: Token) -> int | None:
    """The person a title heading a phrase belongs to ("former Dakota Gov. and Farmers Union
    Chairman Ed Varga"): a person named in the phrase's titles and names, not in a clause or a
    preposition hanging on it ("a group called X funded by Ann Lee")."""
    titles = title_abbreviations()
    if tok.lower_ not in titles and tok.lower_ + "." not in titles and ctx.lex.nouns.get(tok.lemma_.lower()) not in PEOPLE_CLASSES:
        return None
    found = None
    stack = [c for c in tok.children if c.dep_ in _TITLE_LINKS]
    while stack:
        t = stack.pop()
        n = ctx.mention_at(t)
        if n is not None and n in ctx.people.keys and ctx.mentions[n].label in PERSON_LABELS:
            found = n if found is None or ctx.mentions[n].start > ctx.mentions[found].start else found
        stack += [c for c in t.children if c.dep_ in _TITLE_LINKS]
    return found


def _speaks_for(ctx: Context, tok: Token, people: bool = False) -> int | None:
    """The organisation a spokesperson speaks for: "for X", "of X", "at X", or "X spokesman";
    with ``people``, a person too ("a spokeswoman for Ann Lee")."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            n = mention_in_phrase(ctx, obj) if obj is not None else None
            if n is not None and (people and c.lower_ == "for" or n not in ctx.people.keys) and ctx.mentions[n].label not in PLACE_LABELS:
                return n
    for c in tok.children:
        if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i < tok.i:
            n = ctx.mention_at(c)
            if n is not None and n not in ctx.people.keys and ctx.mentions[n].label in SPEAKER_LABELS:
                return n
    return None


def _mention_beside(ctx: Context, tok: Token) -> int | None:
    """A named actor right beside an unrecognised name heading a subject ("SouthFront: Analysis &
    Intelligence already pointed out")."""
    doc = ctx.doc
    if noun_class(ctx.lex, tok) in PEOPLE_CLASSES:
        return None  # "the Senator from Alaska": a role, not an unrecognised name
    lo = max(tok.left_edge.i - 3, tok.sent.start)
    for t in list(doc[lo : tok.right_edge.i + 1]):
        n = ctx.mention_at(t)
        if n is None or abs(t.i - tok.i) > 3 or t.dep_ == "pobj":
            continue
        m = ctx.mentions[n]
        if m.label in SPEAKER_LABELS and m.kind != MentionKind.DEMONYM:
            return n
    return None


def _indefinite(tok: Token) -> bool:
    det = next((c for c in tok.children if c.dep_ in ("det", "nummod", "amod") and c.lower_ in INDEFINITE_DETS), None)
    if det is not None:
        return True
    has_det = any(c.dep_ in ("det", "poss") for c in tok.children)
    return not has_det and tok.tag_ in ("NN",) and tok.i > 0 and tok.doc[tok.i - 1].lower_ not in ("the",) and not tok.is_title


def _resolve_description(ctx: Context, tok: Token, claim: Claim, history) -> Resolved:
    """"the expert", "the deputy minister", "the head of X": the most recent person before the
    claim whose known role fits the description; a person whose roles are unknown may stand in."""
    lemma = tok.lemma_.lower()
    cls = ctx.lex.nouns.get(lemma)
    words = {lemma, tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    gender = ctx.lex.noun_gender.get(lemma)
    before = min(claim.start, claim.cue_start)

    def holds(n: int) -> bool:
        """The text said this person holds the role; for a word of a whole class ("the official",
        "the expert"), a role of that class ("deputy minister")."""
        roles = ctx.people.roles.get(ctx.people.keys.get(n, ""), set())
        return bool(roles & words) or lemma == cls and cls in {ctx.lex.nouns.get(r) for r in roles}

    def fits(n: int) -> bool:
        g = gender_of(ctx, n)
        if gender and g and g != gender:
            return False
        # a person of known roles of another class is not "the expert"; a noun the lexicon does
        # not class ("the nominee") cannot be told from them
        roles = ctx.people.roles.get(ctx.people.keys.get(n, ""), set())
        return cls in (None, NounClass.STANDING) or not roles or bool(roles & words) or cls in {ctx.lex.nouns.get(r) for r in roles}

    limit = ctx.paragraph_of(before) - 4
    principal = _principal(ctx, tok)
    if principal is not None:
        # "Lee's aide", "Lee's lawyer": someone other than Lee - one the text said holds that role
        # ("Ann Roe, Lee's aide"); for a spokesperson, Lee (speaking for Lee is the post); else the
        # one who spoke last, of this paragraph or the one before ('"...," Lee's former strategist
        # said' goes on with its speaker); else no one (an aide the text leaves unnamed)
        own = ctx.people.keys.get(principal)
        for c in person_candidates(ctx, before, history):
            if ctx.paragraph_of(c[0]) < limit:
                break
            if ctx.people.keys.get(c[1]) != own and fits(c[1]) and holds(c[1]):
                return Resolved(c[1], SpeakerResolution.NOMINAL)
        if lemma in SPOKESPEOPLE or tok.lower_ in SPOKESPEOPLE:
            if own is not None:  # "the spokesman said" further on speaks for the same person
                ctx.people.roles.setdefault(own, set()).add(lemma)
            return Resolved(as_person(ctx, principal, history), SpeakerResolution.NOMINAL)
        if history:
            at, last = history[-1]
            if ctx.people.keys.get(last) not in (None, own) and fits(last) and ctx.paragraph_of(at) >= ctx.paragraph_of(before) - 1:
                return Resolved(last, SpeakerResolution.NOMINAL)
        return Resolved(None, SpeakerResolution.NOMINAL)
    nearest = known = None  # the nearest person who fits, and the nearest who fits by a known role
    for c in person_candidates(ctx, before, history):
        # the nearest no further back than the limit, one of known role in the nearest's paragraph or the one before
        reach = limit if nearest is None else ctx.paragraph_of(nearest[0]) - 1
        if ctx.paragraph_of(c[0]) < reach:
            break
        if not fits(c[1]):
            continue
        nearest = nearest or c
        if holds(c[1]):
            known = c
            break
    if known is None and nearest is not None:
        # no one said to hold the role: the person in focus (the last to speak, or the subject of
        # the nearest sentence that names someone who fits), not merely the nearest name
        focus = salient_person(ctx, before, history, fits)
        if focus is not None:
            nearest = next((c for c in person_candidates(ctx, before, history) if c[1] == focus), nearest)
    best = known or nearest  # a person said to be an expert beats a nearer one of unknown role
    if known is None and best is not None and ctx.paragraph_of(best[0]) != ctx.paragraph_of(before) and _role_of_a_body(ctx, tok):
        best = None  # "Ruritania's finance minister" paragraphs after someone else: whoever holds that post
    if best is None or ctx.paragraph_of(best[0]) < limit:
        return Resolved(None, SpeakerResolution.NOMINAL)
    n = best[1]
    key = ctx.people.keys.get(n)
    if key and cls in PEOPLE_CLASSES:
        ctx.people.roles.setdefault(key, set()).add(lemma)
    return Resolved(n, SpeakerResolution.NOMINAL)


def _role_of_a_body(ctx: Context, tok: Token) -> bool:
    """A post named by the country or place it is held in ("Ruritania's finance minister",
    "Springfield's tax commissioner"): a person of unknown roles stands in for it only from
    the same paragraph."""
    for c in tok.children:
        if c.dep_ == "poss":
            n = ctx.mention_at(c)
            if n is not None and n not in ctx.people.keys and ctx.mentions[n].label in PLACE_LABELS | {NameType.GEOPOLITICAL, NameType.COUNTRY}:
                return True
    return False


def resolve(ctx: Context, claim: Claim, history: list[tuple[int, int]]) -> Resolved:
    if claim.unnamed or (claim.speaker is None and not claim.speaker_tokens):
        res = Resolved(None, SpeakerResolution.NONE)
    elif claim.speaker is not None:
        res = _resolve_phrase(ctx, claim.speaker, claim, history)
    else:
        head = phrase_head(claim.speaker_tokens or [])
        res = _resolve_phrase(ctx, head, claim, history) if head is not None else Resolved(None, SpeakerResolution.NONE)
    if res.mention is None and not res.drop and claim.speaker is not None:
        member = _named_member(ctx, claim.speaker)
        if member is not None:
            res = Resolved(member, SpeakerResolution.NAME, member=True)
    if claim.reporter is not None:
        rep = ctx.mention_at(claim.reporter)
        if rep is None:
            inner = _resolve_phrase(ctx, claim.reporter, claim, history)
            rep = inner.mention if not inner.drop else None
        if rep is not None and rep not in ctx.people.keys:
            res.reporter = rep
    return res


def _named_member(ctx: Context, tok: Token) -> int | None:
    """The first named member of a group that speaks unnamed: "other unions, including the Union
    of Riggers, have endorsed ...", "parents, including Mr. Lee, said ...", "the sponsors, which
    include the Rowing Trust, say ...": the member named is one of those who speak."""
    if tok.tag_ not in ("NNS", "NNPS") and tok.lower_ not in ("others", "many", "some", "several"):
        return None
    members = []
    for c in tok.children:
        if c.i < tok.i:
            continue
        if c.lower_ == "including" and c.dep_ in ("prep", "acl"):
            members += [g for g in c.children if g.dep_ in ("pobj", "dobj")]
        elif c.dep_ == "relcl" and c.lemma_ == "include" and any(g.lower_ in ("which", "that", "who") for g in c.children if g.dep_ == "nsubj"):
            members += [g for g in c.children if g.dep_ == "dobj"]
    doc = tok.doc
    for m in sorted(members, key=lambda t: t.i):
        after = doc[m.right_edge.i + 1] if m.right_edge.i + 1 < len(doc) else None
        if after is not None and not (after.is_punct or after.pos_ == "CCONJ" or after.pos_ in ("VERB", "AUX")):
            continue  # the member's words run on into something else: a misparse, not a whole name
        # "including Dover college professor Ann Lee": the person the member's words close on,
        # not the body named in her title
        person = next((n for t in (m, *(c for c in m.children if c.dep_ in ("compound", "appos")))
                       if (n := ctx.mention_at(t)) is not None and n in ctx.people.keys), None)
        if person is not None:
            return as_person(ctx, person)
        n = ctx.mention_at(m)
        if n is not None and ctx.mentions[n].label in SPEAKER_LABELS and ctx.mentions[n].label not in PLACE_LABELS and not any(
                c.dep_ in ("compound", "appos") and c.pos_ == "PROPN" and ctx.mention_at(c) != n for c in m.children):
            return n
    return None


def _owning_person(ctx: Context, tok: Token) -> int | None:
    """The person a body belongs to, named as its possessor or in a compound ("Lee's team",
    "the Lee campaign")."""
    for c in tok.children:
        # "Lee's campaign"; "Sanders' campaign", which the parser may read as a modifier
        if c.dep_ in ("poss", "compound") or c.dep_ == "nmod" and c.i < tok.i and any(g.text in _APOSTROPHES for g in c.doc[c.i + 1 : tok.i]):
            n = ctx.mention_at(c)
            if n is not None and n in ctx.people.keys:
                return as_person(ctx, n)
            if n is None and c.text[:1].isupper() and (key := surname_key(ctx, c.lower_)) is not None:
                return full_person(ctx, key, c.idx)  # a surname the mention stage missed ("Rivers' campaign")
    return None
