from __future__ import annotations

import re

from spacy.tokens import Doc

from ..records import Affiliation, CueClass, Document, Mention, NameType, SpeakerResolution, Statement, StatementKind
from ..tokens import Tokens
from .context import Claim, Context, build_context
from .direct import continuations, direct_quotations, introduced_paragraphs, labelled_lines
from .nouns import noun_claims
from .reported import reported_speech
from .resolution import resolve
from .roles import appositive_roles
from .sourcing import sourcing
from .speakers import can_speak, phrase_text
from .syntax import tokens_span, trim
from .words import CONNECTIVES, WH_RELATIVES


def extract_statements(document: Document, doc: Doc, mentions: list[Mention], toks: Tokens | None = None) -> tuple[list[Statement], list[Affiliation]]:
    """Statements and stated affiliations of one document.

    ``mentions`` are the document's mentions (``graph.mentions``); speakers and outlets of the
    statements, and both ends of the affiliations, are indexes into it. ``toks`` is the document's
    token view (:class:`graph.tokens.Tokens`), shared with the mentions stage; made here when not given.

    >>> statements, affiliations = extract_statements(document, doc, mentions)  # doctest: +SKIP
    >>> statements[0].kind, statements[0].cue, mentions[statements[0].speaker_mention].name  # doctest: +SKIP
    ('direct', 'says', 'Mansur')
    """
    ctx = build_context(document, doc, mentions, toks)
    affiliations = [
        Affiliation(document.id, person, org, role, start, end)
        for person, org, role, start, end in appositive_roles(ctx)
    ]
    direct = list(direct_quotations(ctx))
    ctx.accept_quotes(direct)
    reported = list(reported_speech(ctx)) + list(sourcing(ctx)) + list(noun_claims(ctx))
    continued = list(continuations(ctx, direct, reported))
    ctx.accept_quotes(continued)
    claims = direct + continued + list(labelled_lines(ctx)) + list(introduced_paragraphs(ctx)) + reported
    kept = _deduplicate(ctx, claims)
    statements: list[Statement] = []
    # each statement's cue class, whether its speaker phrase can speak, and whether its cue is a
    # verb coordinated with an earlier one, sharing its subject ("said A and added B")
    classes: list[tuple[CueClass, bool, bool]] = []
    history: list[tuple[int, int]] = []  # (cue offset, speaker mention) of the statements so far
    for claim, start, end in sorted(kept, key=lambda x: (min(x[0].cue_start, x[1]), x[1])):
        if _fragment(ctx.text, claim, start, end) or _no_content_word(ctx.doc, claim, start, end):
            continue
        res = resolve(ctx, claim, history)
        if res.drop or claim.named_only and res.mention is None:
            continue
        if claim.in_quote and claim.kind != StatementKind.DIRECT and not (res.how in (SpeakerResolution.NAME, SpeakerResolution.PRONOUN) and res.mention is not None):
            continue  # words reported inside a quote count only when the quote names who said them
        if res.mention is not None and not res.member:
            history.append((claim.cue_start, res.mention))
        statements.append(
            Statement(
                doc=document.id,
                kind=claim.kind,
                cue=claim.cue,
                text=ctx.text[start:end],
                start=start,
                end=end,
                speaker_mention=res.mention,
                reported_by_mention=res.reporter,
                speaker_resolution=res.how if res.mention is not None else SpeakerResolution.NONE,
                cue_start=claim.cue_start,
                cue_end=claim.cue_end,
                speaker_text=_speaker_text(ctx, claim),
            )
        )
        classes.append((claim.cue_class, claim.speaker is None or can_speak(ctx, claim.speaker), _coordinated_with(ctx.doc, claim)))
    cue_classes = {id(st): cls for st, (cls, _, _) in zip(statements, classes)}
    statements = _without_nested_claims(statements, classes, mentions)
    statements = _without_quoted_fragments(statements, cue_classes)
    statements.sort(key=lambda st: (st.start, st.end))
    return statements, affiliations


def _fragment(text: str, claim: Claim, start: int, end: int) -> bool:
    """Content that is no words of anyone's: fewer than two letters (a broken token), or
    only the cue's own words ("ruled that out" read as saying "out")."""
    if len(re.findall(r"[^\W\d_]", text[start:end])) < 2:
        return True
    return claim.cue_start <= start and end <= claim.cue_end


# what a lone word of reported content is when it tells nothing of the words: how much, how or when
# ("said little", "rarely says much", "talking about now"), or a word of the clause the parse cut
# off (a lone "was" of "what critics say was ...", a lone "that" before a colon)
_NO_CONTENT_POS = frozenset({"ADV", "ADJ", "AUX", "VERB", "DET", "SCONJ", "ADP", "PART", "CCONJ"})
_NO_CONTENT_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _no_content_word(doc: Doc, claim: Claim, start: int, end: int) -> bool:
    """Reported content (not a quote) that is one word naming nothing: an adverb, a verb, a
    determiner, a relative or question word, a conjunction. A quote's one word ("'Never,' he said")
    and an answer ("said yes") are words of their own."""
    if claim.kind == StatementKind.DIRECT:
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not (t.is_punct or t.is_space or t.is_quote)]
    # a verb in -ing names an act ("proposed waiting", "backed drilling"): content
    return len(words) == 1 and words[0].tag_ != "VBG" and (words[0].pos_ in _NO_CONTENT_POS or words[0].tag_ in _NO_CONTENT_TAGS)


def _coordinated_with(doc: Doc, claim: Claim) -> bool:
    """Whether the claim's cue is a verb coordinated with an earlier one, with no subject of its own
    ("said A and said B"; the parse often hangs the second verb on the first claim's words)."""
    span = doc.char_span(claim.cue_start, claim.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    verb = span[0]
    return verb.dep_ == "conj" and verb.head.i < verb.i and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _without_nested_claims(statements: list[Statement], classes: list[tuple[CueClass, bool, bool]], mentions: list[Mention]) -> list[Statement]:
    """One statement per reported claim. A cue inside the reported words of another statement is
    part of that claim, not a second one, when its speaker is the same ("Lee said she thinks the
    plan works", "Lee said she made the call and expected a delay") or when it is no act of speech
    of its own ("Lee noted that the mayor has mocked the plan", "aides said he had rejected the
    idea"), or when its subject is no one who speaks ("Lee said the findings raised questions about
    ..."): the outer speaker asserts it. A speech verb coordinated with an earlier verb, sharing
    its subject ("Lee said A and added B"), is a second claim. Speech reported inside reported speech ("Lee said the
    council told her that ...") is a statement of its own, and so is what a direct quote reports of
    others; what the quote's "I" or "we" thinks or says is the quote itself."""
    reported = [st for st in statements if st.kind != StatementKind.DIRECT]
    # quoted words; a transcript's or headline's labelled line ("LEE: I think ...") is not quoted,
    # and what its "I" thinks stays a statement of its own
    quotes = [st for st in statements if st.kind == StatementKind.DIRECT and st.cue != ":"]
    kept = []
    for st, (cls, speaks, coordinated) in zip(statements, classes):
        if st.kind != StatementKind.DIRECT and st.cue_start is not None:
            cue = st.cue_start
            outer = next((o for o in reported if o is not st and o.start <= cue < o.end and not (o.start >= st.start and o.end <= st.end)), None)
            if outer is not None and not (coordinated and cls == CueClass.SPEECH) and (cls != CueClass.SPEECH or not speaks or _same_speaker(mentions, outer.speaker_mention, st.speaker_mention)):
                continue
            if (st.speaker_text or "").lower() in ("i", "we") and any(q.start <= cue < q.end for q in quotes):
                continue  # "I know that ..." inside a quote: the quote's own words, which it already attributes
        kept.append(st)
    return kept


def _without_quoted_fragments(statements: list[Statement], cue_classes: dict[int, CueClass]) -> list[Statement]:
    """Quoted words inside what another statement reports, with their cue, that name no one who
    says them ('Lee granted that she meets "a few growers" who feel cheated, "though fewer"'): a
    fragment of the outer statement, which the relative clause ("who feel") or a cue of no speech
    only runs through; not a statement of its own. Speech a named or described speaker utters
    inside reported words ("Lee said his father told him: '...'") stays."""
    outer = [st for st in statements if st.kind != StatementKind.DIRECT]
    kept = []
    for st in statements:
        if st.kind == StatementKind.DIRECT and st.speaker_mention is None and st.cue_start is not None and (
                (st.speaker_text or "").lower() in WH_RELATIVES | {"", "that"} or cue_classes.get(id(st)) == CueClass.BELIEF) and any(
                o.start <= min(st.start, st.cue_start) and max(st.end, st.cue_end or 0) <= o.end for o in outer):
            continue
        kept.append(st)
    return kept


def _same_speaker(mentions: list[Mention], a: int | None, b: int | None) -> bool:
    """Two speaker mentions that name one entity: the same mention, key or name, or one person's surname."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    ma, mb = mentions[a], mentions[b]
    if ma.key is not None and ma.key == mb.key or ma.name == mb.name:
        return True
    if ma.label == mb.label == NameType.PERSON:
        return ma.name.split()[-1:] == mb.name.split()[-1:]
    return False


def _deduplicate(ctx: Context, claims: list[Claim]) -> list[tuple[Claim, int, int]]:
    """One statement per attributed span: a direct quote wins over another reading of the same
    words, and reported speech whose words all sit inside an accepted quote is that quote's."""
    kept: list[tuple[Claim, int, int]] = []
    starts: set[int] = set()
    # of two readings that start together, the one whose cue stands outside quoted words, then the
    # longer: 'Ann "gets why ..., and people believe that," Lee said' is Lee's, not the people's
    for claim in sorted(claims, key=lambda c: (-c.priority, c.start, c.in_quote, -c.end)):
        start, end = trim(ctx, claim.start, claim.end)
        start = _after_connective(ctx, claim, start, end)
        if end <= start or any(s in starts for s in range(start - 2, start + 3)):
            continue  # empty, or a statement kept already starts within two characters
        if claim.priority == 0 and not claim.in_quote and ctx.within_accepted_quote(start, end):
            continue
        starts.add(start)
        kept.append((claim, start, end))
    return kept


_CONNECTIVE = re.compile(r"(?:(?:but|and|yet)\s+)?(" + "|".join(sorted(map(re.escape, CONNECTIVES), key=len, reverse=True)) + r")\s*,\s+", re.I)


def _after_connective(ctx: Context, claim: Claim, start: int, end: int) -> int:
    """Words that a closing cue reports ("In fact, X rose, Lee said", "However, X fell, according
    to Y") start after the writer's opening connective: it links the sentence to the writer's last
    one. Quoted words keep it, and so do words that run on past the cue ("Still, he said, X")."""
    if claim.kind == StatementKind.DIRECT or claim.priority or end > claim.cue_start:
        return start
    m = _CONNECTIVE.match(ctx.text, start, end)
    if m is None or ctx.in_quote(start) or len(ctx.text[m.end() : end].split()) < 3:
        return start
    return m.end()


def _speaker_text(ctx: Context, claim: Claim) -> str | None:
    """The speaker phrase as the text writes it, also where it names no entity ("officials")."""
    if claim.unnamed:
        return None
    if claim.speaker is not None:
        return phrase_text(ctx.text, claim.speaker) or None
    if claim.speaker_tokens:
        start, end = trim(ctx, *tokens_span(claim.speaker_tokens))
        return ctx.text[start:end] or None
    return None

