from __future__ import annotations

from spacy.tokens import Doc, Token

from ..records import Affiliation, Document, Mention, SpeakerResolution, Statement, StatementKind
from .context import Claim, Context, build_context
from .direct import continuations, direct_quotations, labelled_lines
from .reported import reported_speech
from .resolution import Resolved, resolve
from .roles import appositive_roles
from .sourcing import sourcing
from .speakers import phrase_text
from .syntax import tokens_span, trim
from .words import FIRST_SINGULAR, PERSON_LABELS


def extract_statements(document: Document, doc: Doc, mentions: list[Mention]) -> tuple[list[Statement], list[Affiliation]]:
    """Statements and stated affiliations of one document.

    ``mentions`` are the document's mentions (``graph.mentions``); speakers and outlets of the
    statements, and both ends of the affiliations, are indexes into it.

    >>> statements, affiliations = extract_statements(document, doc, mentions)  # doctest: +SKIP
    >>> statements[0].kind, statements[0].cue, mentions[statements[0].speaker_mention].name  # doctest: +SKIP
    ('direct', 'says', 'Mansur')
    """
    ctx = build_context(document, doc, mentions)
    affiliations = [
        Affiliation(document.id, person, org, role, start, end)
        for person, org, role, start, end in appositive_roles(ctx)
    ]
    direct = list(direct_quotations(ctx))
    ctx.accept_quotes(direct)
    reported = list(reported_speech(ctx)) + list(sourcing(ctx))
    continued = list(continuations(ctx, direct, reported))
    ctx.accept_quotes(continued)
    claims = direct + continued + list(labelled_lines(ctx)) + reported
    kept = _deduplicate(ctx, claims)
    statements: list[Statement] = []
    history: list[tuple[int, int]] = []  # (cue offset, speaker mention) of the statements so far
    narrator: list[int | None] = []  # the interviewee, looked for at the first "I" that needs one
    for claim, start, end in sorted(kept, key=lambda x: (min(x[0].cue_start, x[1]), x[1])):
        res = resolve(ctx, claim, history)
        if res.mention is None and not claim.in_quote and ctx.author is None and claim.speaker is not None \
                and claim.speaker.lower_ in FIRST_SINGULAR:
            if not narrator:
                narrator.append(_interviewee(ctx))
            if narrator[0] is not None:
                res = Resolved(narrator[0], SpeakerResolution.PRONOUN)  # an interview's answers: "I think ..."
        if res.drop or claim.named_only and res.mention is None:
            continue
        if claim.in_quote and claim.kind != StatementKind.DIRECT and not (res.how in (SpeakerResolution.NAME, SpeakerResolution.PRONOUN) and res.mention is not None):
            continue  # words reported inside a quote count only when the quote names who said them
        if res.mention is not None:
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
    statements.sort(key=lambda st: (st.start, st.end))
    return statements, affiliations


_INTERVIEW_OPENING = 800  # characters: the headline and the paragraph that introduces an interview
_INTERVIEW_WORDS = frozenset({"interview", "interviews", "interviewed", "speak", "talk", "tell"})


def _interviewee(ctx: Context) -> int | None:
    """The one person an interview's opening says was interviewed ("The Herald interviews Jane
    Doe", "Jane Doe, interviewed by the Herald", "Interview with Jane Doe", "spoke with Jane Doe",
    "Jane Doe tells the Herald"): the "I" of the answers that follow, outside quotation marks."""
    found: set[str] = set()
    doc = ctx.doc
    for i in ctx.words.tokens(_INTERVIEW_WORDS):
        tok = doc[i]
        if tok.idx > _INTERVIEW_OPENING:
            break
        lemma = tok.lemma_.lower()
        people: list[Token] = []
        if tok.lower_.startswith("interview"):
            sent = tok.sent
            if tok.tag_ == "VBN" or tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "by":
                people = [t for t in doc[max(sent.start, tok.i - 12) : tok.i]][::-1]  # "X, interviewed by ..."
            else:
                people = list(doc[tok.i + 1 : min(sent.end, tok.i + 13)])  # "interviews X", "interview with X"
        elif lemma in ("speak", "talk"):
            people = [t for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to") for t in c.subtree]
        elif lemma == "tell" and any(c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN" for c in tok.children):
            people = [t for c in tok.children if c.dep_ == "nsubj" for t in c.subtree]
        n = next((ctx.mention_at(t) for t in people if ctx.mention_at(t) is not None
                  and ctx.mentions[ctx.mention_at(t)].label in PERSON_LABELS), None)
        if n is not None:
            found.add(ctx.people.keys.get(n, str(n)))
    if len(found) != 1:
        return None
    key = found.pop()
    named = ctx.people.named.get(key)
    return named[0] if named else int(key) if key.isdigit() else None


def _deduplicate(ctx: Context, claims: list[Claim]) -> list[tuple[Claim, int, int]]:
    """One statement per attributed span: a direct quote wins over another reading of the same
    words, and reported speech whose words all sit inside an accepted quote is that quote's."""
    kept: list[tuple[Claim, int, int]] = []
    starts: set[int] = set()
    for claim in sorted(claims, key=lambda c: (-c.priority, c.start)):
        start, end = trim(ctx, claim.start, claim.end)
        if end <= start or any(s in starts for s in range(start - 2, start + 3)):
            continue  # empty, or a statement kept already starts within two characters
        if claim.priority == 0 and not claim.in_quote and ctx.within_accepted_quote(start, end):
            continue
        starts.add(start)
        kept.append((claim, start, end))
    return kept


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
