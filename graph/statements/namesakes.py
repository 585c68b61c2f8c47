"""Who a short form names: a surname among the people the text named in full (namesakes told
apart by focus and gender), an organisation's last word or its initials. Used by
:mod:`.resolution` for speaker phrases."""
from __future__ import annotations

from spacy.tokens import Token

from .context import Context
from .pronouns import gender_of, is_subject, person_candidates
from .words import HONORIFICS, ORGANISATION_LABELS, PERSON_LABELS


def surname_key(ctx: Context, word: str) -> str | None:
    """``word`` (lower case) when it is the surname of a person the text named in full."""
    return word if word in ctx.people.named else None


def full_person(ctx: Context, key: str, before: int, history: list[tuple[int, int]] = (), gender: str | None = None) -> int | None:
    """The fullest person mention of a surname: the longest name, the nearest before ``before``.
    When the text named two people of that surname in full ("Ann Ray", "Tom Ray"), the one in
    focus: the last of them to speak or to be a sentence's subject. ``gender`` (of "Mrs. Ray")
    leaves out the namesakes known to be of the other."""
    same = ctx.people.named.get(key)
    if not same:
        return None
    if gender is not None:
        # "Mrs. Ray" of Tom and Ann Ray is not Tom, whoever spoke last (a namesake whose gender
        # the text does not tell stays in)
        same = [n for n in same if gender_of(ctx, n) in (None, gender)] or same
    earlier = [n for n in same if ctx.mentions[n].start < before] or same
    if len({ctx.mentions[n].name for n in earlier if len(ctx.mentions[n].name.split()) > 1}) > 1:
        focus = _focused_namesake(ctx, key, before, history, set(same))
        if focus is not None:
            return focus
    return max(earlier, key=lambda n: (len(ctx.mentions[n].name.split()), ctx.mentions[n].start if ctx.mentions[n].start < before else -ctx.mentions[n].start))


def _focused_namesake(ctx: Context, key: str, before: int, history: list[tuple[int, int]], among: set[int]) -> int | None:
    """Of the people named in full who share the surname ``key`` (those of ``among``, the
    mentions of the namesakes in question), the last to speak or to be the subject of a sentence
    before ``before``."""
    for c in person_candidates(ctx, before, history):
        n = c[1]
        words = ctx.mentions[n].name.split()
        if n not in ctx.people.keys or len(words) < 2 or words[-1].lower() != key:
            continue
        if n not in among and ctx.mentions[n].name not in {ctx.mentions[k].name for k in among}:
            continue
        if c[2] == "speaker" or is_subject(ctx, c):
            return n
    return None


def as_person(ctx: Context, n: int, history: list[tuple[int, int]] = (), gender: str | None = None) -> int:
    """A surname that spaCy took for an organisation ("Kabulov's words") stands for the person the
    text named in full; ``gender``, what the sentence tells of it, picks among namesakes."""
    m = ctx.mentions[n]
    key = ctx.people.keys.get(n)
    if key is None or m.label in PERSON_LABELS and len(m.name.split()) > 1:
        return n
    full = full_person(ctx, key, m.start, history, named_gender(ctx, n) or gender)
    return n if full is None else full


def named_gender(ctx: Context, n: int) -> str | None:
    """The gender a mention itself tells: its title, or the honorific before it ("Mrs. Ray")."""
    m = ctx.mentions[n]
    if m.gender:
        return m.gender
    span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return None
    return HONORIFICS.get(ctx.doc[span.start - 1].lower_)


def fronted_gender(tok: Token) -> str | None:
    """The gender a possessive in a phrase opening the subject's clause tells of the subject ("In
    her memoir, Ray wrote ...": Ray is a woman, whichever Ray the text named last)."""
    if tok.dep_ != "nsubj":
        return None
    for c in tok.head.children:
        if c.i < tok.i and c.dep_ == "prep":
            for g in c.subtree:
                if g.dep_ == "poss" and g.lower_ in ("his", "her"):
                    return "m" if g.lower_ == "his" else "f"
    return None


def short_name(ctx: Context, tok: Token) -> int | None:
    """An organisation the text named in full, named again by its last word ("The Dayton Ledger
    reported ... The Ledger said"), when the mention stage did not take the word for a name: the
    latest such organisation before it."""
    if not tok.text[:1].isupper() or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    for n in range(len(ctx.mentions) - 1, -1, -1):
        m = ctx.mentions[n]
        if not m.in_text or m.start >= tok.idx or m.label not in ORGANISATION_LABELS or n in ctx.people.keys:
            continue
        words = m.name.split()
        if len(words) > 1 and words[-1] == tok.text:
            return n
    return None


def expanded_acronym(ctx: Context, tok: Token) -> int | None:
    """An organisation the text named in full before its initials ("the Harbour and Ferry
    Authority ... the H.F.A. said"), when the mention stage did not take the initials for a name."""
    letters = tok.text.replace(".", "")
    if len(letters) < 2 or not letters.isalpha() or not letters.isupper():
        return None
    for n in range(len(ctx.mentions)):
        m = ctx.mentions[n]
        if m.in_text and m.start < tok.idx and m.label in ORGANISATION_LABELS:
            initials = "".join(w[0] for w in m.name.split() if w[0].isupper())
            if initials == letters:
                return n
    return None
