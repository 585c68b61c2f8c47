"""Pronoun speakers: who "he", "she", "they", "I" and "we" are, by gender, number and salience (the
subject of recent statements, not merely the nearest name), and the people a description or a
namesake may point back to."""
from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Token

from ..records import CueClass, SpeakerResolution
from .context import Claim, Context, Resolved
from .interview import interviewee_of, signer_of
from .speakers import mention_in_phrase
from .words import FEMALE_PRONOUNS, FIRST_PLURAL, FIRST_SINGULAR, MALE_PRONOUNS, ORGANISATION_LABELS, PERSON_LABELS, PLACE_LABELS, PLURAL_PRONOUNS, SPEAKER_LABELS, SUBJECT_DEPS, SUBJECT_PRONOUNS


def gender_of(ctx: Context, n: int) -> str | None:
    key = ctx.people.keys.get(n)
    m = ctx.mentions[n]
    return m.gender or (ctx.people.genders.get(key) if key else None)


def person_candidates(ctx: Context, before: int, history: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """(position, mention, source) of people named before ``before``, most recent first (a speaker
    before a mention at the same place): mentions outside quoted words, and earlier statements'
    speakers at their cue. Made as they are asked for: a caller looks back only as far as it needs."""

    def mentions() -> Iterator[tuple[int, int, str]]:
        for k in reversed(range(bisect_right(ctx.people.starts, before))):
            n = ctx.people.order[k]
            m = ctx.mentions[n]
            if m.end <= before and not ctx.in_quote(m.start) and _anchored(ctx, n):
                yield m.start, n, "mention"

    earlier = sorted((h for h in history if h[0] < before), key=lambda h: -h[0])
    speakers = ((pos, n, "speaker") for pos, n in earlier if n in ctx.people.keys and _anchored(ctx, n))
    chain = ctx.people.chain
    pronouns = ((pos, n, "pronoun") for pos, n in reversed(chain[: bisect_right(chain, (before, -1))]))
    bare = ctx.people.bare
    surnames = ((pos, n, "surname") for pos, _, n in reversed(bare[: bisect_right(bare, (before, -1, -1))])
                if not ctx.in_quote(pos))
    return heapq.merge(speakers, pronouns, mentions(), surnames, key=lambda c: -c[0])


def _candidate_token(ctx: Context, c: tuple[int, int, str]) -> Token | None:
    """The token that names a candidate where it stands: its mention's head, or the bare surname."""
    pos, n, src = c
    if src == "surname":
        k = bisect_right(ctx.people.bare, (pos, len(ctx.doc), -1)) - 1
        return ctx.doc[ctx.people.bare[k][1]]
    return _token_of_mention(ctx, n) if src == "mention" else None


def is_subject(ctx: Context, c: tuple[int, int, str]) -> bool:
    """A candidate named as the subject of a verb (or in apposition to one), or a subject pronoun."""
    if c[2] == "pronoun":
        return True
    tok = _candidate_token(ctx, c)
    if tok is None:
        return False
    return tok.dep_ in SUBJECT_DEPS or (tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS)


def follow_pronouns(ctx: Context, before: int, history: list[tuple[int, int]]) -> None:
    """Resolve, in text order, the subject pronouns ("he", "she") outside quotes that stand before
    ``before``: a sentence whose subject is "he" keeps his person in focus ("Lee met Park. He
    praised the plan. He said ..." - the second "he" is Lee, though Park was named after him)."""
    people = ctx.people
    if people.subject_pronouns is None:
        people.subject_pronouns = [
            i for i in ctx.words.tokens(SUBJECT_PRONOUNS)
            if ctx.doc[i].dep_ in SUBJECT_DEPS and not ctx.in_quote(ctx.starts[i])]
    while people.followed < len(people.subject_pronouns):
        i = people.subject_pronouns[people.followed]
        pos = ctx.starts[i]
        if pos >= before:
            break
        people.followed += 1
        if i not in people.pronoun_referent:
            people.pronoun_referent[i] = _person_for_pronoun(ctx, ctx.doc[i].lower_, pos, history)
        n = people.pronoun_referent[i]
        if n is not None:
            people.chain.append((pos, n))


def _person_for_pronoun(ctx: Context, pronoun: str, before: int, history: list[tuple[int, int]]) -> int | None:
    """The person "he" or "she" at ``before`` points to (see :func:`_salient_person`); what the
    pronoun tells of the person's gender is kept for later pronouns."""
    want = "m" if pronoun in MALE_PRONOUNS else "f"
    n = salient_person(ctx, before, history, lambda k: (g := gender_of(ctx, k)) is None or g == want)
    key = ctx.people.keys.get(n) if n is not None else None
    if key and key not in ctx.people.genders:
        ctx.people.genders[key] = want
    return n


def _anchored(ctx: Context, n: int) -> bool:
    """A person the text introduces: a full name, the surname of one, or a name with a title.
    A lone word that spaCy called a person ("Labour", "Oscar") is no antecedent."""
    m = ctx.mentions[n]
    key = ctx.people.keys.get(n)
    return len(m.name.split()) > 1 or key in ctx.people.anchored or bool(m.title or m.gender) or key in ctx.people.genders or key in ctx.people.roles


def resolve_pronoun(ctx: Context, tok: Token, claim: Claim, history: list[tuple[int, int]]) -> Resolved:
    lower = tok.lower_
    if lower in FIRST_SINGULAR | FIRST_PLURAL:
        # outside quotes, the writer: "According to our information", "We noted"
        if claim.in_quote:
            return Resolved(None, SpeakerResolution.PRONOUN, drop=True)
        interviewee = interviewee_of(ctx) if lower in FIRST_SINGULAR and not _asks(ctx, tok) else None
        if interviewee is not None:
            return Resolved(interviewee, SpeakerResolution.PRONOUN)  # an interview's answers: the interviewee
        signer = signer_of(ctx) if lower in FIRST_SINGULAR and ctx.author is None else None
        if signer is not None:
            return Resolved(signer, SpeakerResolution.PRONOUN)  # a letter: the person who signs it
        order = (ctx.outlet, ctx.author) if lower in FIRST_PLURAL else (ctx.author, ctx.outlet)
        for n in order:
            if n is not None:
                return Resolved(n, SpeakerResolution.PRONOUN)
        return Resolved(None, SpeakerResolution.NONE)  # a writer the metadata does not name: still their words
    # an editor's gloss in brackets: "They [Afghan government] said"
    bracket = _bracketed_mention(ctx, tok)
    if bracket is not None:
        return Resolved(bracket, SpeakerResolution.PRONOUN)
    if lower in PLURAL_PRONOUNS or lower in ("it", "its"):
        n = _nonperson_antecedent(ctx, claim, history)
        if n is None and lower in PLURAL_PRONOUNS:
            return Resolved(None, SpeakerResolution.NONE)  # "they say": people the text does not name
        if n is None and tok.head.idx == claim.cue_start and tok.dep_ == "nsubj" and claim.cue_class == CueClass.SPEECH:
            return Resolved(None, SpeakerResolution.NONE)  # "It says the fees ...": a body the text does not name
        if n is None:
            return Resolved(None, SpeakerResolution.PRONOUN, drop=True)  # "it is worth mentioning that": no one
        return Resolved(n, SpeakerResolution.PRONOUN)
    if lower == "you" and not claim.in_quote and _asks(ctx, tok):
        interviewee = interviewee_of(ctx)  # an interview's question: "Do you think ...?" asks the interviewee's view
        if interviewee is not None:
            return Resolved(interviewee, SpeakerResolution.PRONOUN)
    if lower not in MALE_PRONOUNS | FEMALE_PRONOUNS:
        return Resolved(None, SpeakerResolution.NONE)  # "no one", "you", "someone": a speaker the text does not name
    if claim.in_quote:
        return Resolved(None, SpeakerResolution.PRONOUN, drop=True)
    before = min(claim.start, claim.cue_start)
    follow_pronouns(ctx, before, history)
    referents = ctx.people.pronoun_referent
    if tok.i not in referents:
        referents[tok.i] = _person_for_pronoun(ctx, lower, before, history)
    return Resolved(referents[tok.i], SpeakerResolution.PRONOUN)


def _asks(ctx: Context, tok: Token) -> bool:
    """The paragraph of ``tok`` ends with a question: an interviewer's words."""
    para = ctx.paragraph_of(tok.idx)
    end = ctx.paragraph_starts[para + 1] if para + 1 < len(ctx.paragraph_starts) else len(ctx.text)
    return ctx.text[tok.idx:end].rstrip().endswith("?")


def salient_person(ctx: Context, before: int, history, fits) -> int | None:
    """The person a pronoun points to: among the people of the nearest sentence (or earlier
    statement) that names one who fits, the speaker of an earlier statement first, then a subject,
    then anyone but a possessor; no further back than three paragraphs."""
    limit = ctx.paragraph_of(before) - 3
    same: list[tuple[int, int, str]] = []  # the people who fit, back to the start of the nearest one's sentence
    sent_start = None
    for c in person_candidates(ctx, before, history):
        if sent_start is None and ctx.paragraph_of(c[0]) < limit:
            return None  # no one who fits in reach
        if sent_start is not None and c[0] < sent_start:
            break
        if fits(c[1]):
            sent_start = _sentence_start(ctx, c[0]) if sent_start is None else sent_start
            same.append(c)
    if not same:
        return None

    def rank(c) -> tuple:
        tok = _candidate_token(ctx, c)
        return (c[2] != "speaker", not is_subject(ctx, c), not _main_clause(tok), tok is not None and tok.dep_ == "poss", -c[0])

    return min(same, key=rank)[1]


def _main_clause(tok: Token | None) -> bool:
    """A word of the sentence's main clause, not of a clause inside it: of "Lee was blunt, claiming
    that Park wanted more", Lee is in focus for the "he" that follows, though Park is nearer."""
    if tok is None:
        return True  # a pronoun or an earlier speaker: ranked by other means
    head = tok.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "Lee met Park and said ...": the second verb is the main clause's too
    if tok.dep_ == "appos" and tok.head.dep_ in SUBJECT_DEPS:
        head = tok.head.head
    return head.dep_ == "ROOT"


def _sentence_start(ctx: Context, char: int) -> int:
    tok = ctx.doc.char_span(char, min(char + 1, len(ctx.text)), alignment_mode="expand")
    if tok is None or not len(tok):
        return char
    return tok[0].sent.start_char


def _token_of_mention(ctx: Context, n: int) -> Token | None:
    m = ctx.mentions[n]
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _bracketed_mention(ctx: Context, tok: Token) -> int | None:
    doc = ctx.doc
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text in ("[", "("):
        for t in doc[tok.i + 2 : tok.i + 8]:
            if t.text in ("]", ")"):
                break
            n = ctx.mention_at(t)
            if n is not None and ctx.mentions[n].label not in PLACE_LABELS:
                return n
    return None


def _nonperson_antecedent(ctx: Context, claim: Claim, history: list[tuple[int, int]]) -> int | None:
    """"it" / "they": the organisation, group or country that spoke last, in this paragraph or the
    one before ("BT says ... It said ...")."""
    before = min(claim.start, claim.cue_start)
    para = ctx.paragraph_of(before)
    for pos, n in reversed(history):
        if pos >= before:
            continue
        if ctx.paragraph_of(pos) < para - 1:
            break
        if n in ctx.people.keys:
            return None  # the last speaker was a person: "they" is someone else
        m = ctx.mentions[n]
        if m.label in SPEAKER_LABELS and m.label not in PERSON_LABELS:
            return n
    return _subject_body_before(ctx, before)


def _subject_body_before(ctx: Context, before: int) -> int | None:
    """The organisation that is the subject of the sentence before, in the same paragraph, when no
    one spoke yet ("Acme wrote to the council on Monday. It says ..."); a person subject in between
    means the pronoun is someone else."""
    sent = ctx.doc.char_span(before, min(before + 1, len(ctx.text)), alignment_mode="expand")
    if sent is None or not len(sent) or sent[0].sent.start == 0:
        return None
    previous = ctx.doc[sent[0].sent.start - 1].sent
    if ctx.paragraph_of(previous.start_char) != ctx.paragraph_of(before):
        return None
    for tok in previous:
        if tok.dep_ in SUBJECT_DEPS and tok.head == previous.root:
            n = mention_in_phrase(ctx, tok)
            if n is not None and ctx.mentions[n].label in ORGANISATION_LABELS and not ctx.in_quote(tok.idx):
                return n
            return None
    return None
