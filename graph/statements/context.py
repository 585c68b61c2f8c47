from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from ..contract import fold
from ..curated import load_curated
from ..entity_types import named_as_bodies
from ..records import CueClass, Document, Mention, MentionKind, SpeakerResolution, StatementKind
from ..tokens import Tokens
from .cues import Cue, Lexicon, find_cues, load_lexicon, noun_class
from .quotes import Quote, Spans, find_quotes, paragraph_spans
from .words import HONORIFICS, PEOPLE_CLASSES, PERSON_LABELS, PLACE_LABELS


@dataclass
class Claim:
    """A candidate statement before its speaker is resolved."""

    kind: StatementKind
    cue: str
    start: int  # content offsets
    end: int
    cue_start: int
    cue_end: int
    speaker: Token | None = None  # the token that names the speaker (head of its phrase)
    speaker_tokens: list[Token] | None = None  # a phrase with no clear head (a broken parse)
    reporter: Token | None = None  # the token naming an outlet that relays the words
    unnamed: bool = False  # the text gives no speaker ("it was reported that")
    in_quote: bool = False  # the cue itself stands inside quoted words
    priority: int = 0  # direct quotes win over other readings of the same words
    named_only: bool = False  # a statement only when its speaker resolves to a name ("PENCE: ...")
    cue_class: CueClass = CueClass.SPEECH  # the cue's class in the lexicon


@dataclass
class Resolved:
    """Who a claim's speaker phrase names: a mention (or None), how it was found, the outlet that
    relays the words, and whether the claim is no statement after all."""

    mention: int | None
    how: SpeakerResolution
    reporter: int | None = None
    drop: bool = False
    # one named member speaks for a group ("unions, including X, said"): later pronouns ("they")
    # still mean the group, not the member
    member: bool = False


@dataclass
class People:
    """The people a document names, by a key (the surname): which mentions, in text order, and
    what the text tells of them. ``roles`` and ``genders`` grow as the stage reads on ("X, the
    ministry's spokeswoman", a "she" that points to X)."""

    keys: dict[int, str] = field(default_factory=dict)  # mention -> person key (surname)
    roles: dict[str, set[str]] = field(default_factory=dict)  # person key -> role nouns
    genders: dict[str, str] = field(default_factory=dict)  # person key -> m / f
    anchored: set[str] = field(default_factory=set)  # surnames of people named in full
    order: list[int] = field(default_factory=list)  # the keys' mentions in text order (see index_people)
    starts: list[int] = field(default_factory=list)  # where they start
    named: dict[str, list[int]] = field(default_factory=dict)  # person key -> the mentions labelled a person
    # surnames of people named in full where the mention stage found no person ("Lee said",
    # tagged a noun or a place): (offset, token index, the person's fullest mention before)
    bare: list[tuple[int, int, int]] = field(default_factory=list)
    # "he" / "she" as subjects outside quotes, resolved in text order as the stage reads on (see
    # pronouns.follow_pronouns): each keeps its person in focus for the pronouns after it
    subject_pronouns: list[int] | None = None  # their token indexes
    followed: int = 0  # how many of them have been resolved
    chain: list[tuple[int, int]] = field(default_factory=list)  # (offset, person) of those resolved to someone
    pronoun_referent: dict[int, int | None] = field(default_factory=dict)  # token index -> person


@dataclass
class Context:
    """One document as the extractors read it: the parse, the text, the mentions by token, the
    lexicon's cues by token, the people named, and the direct quotes accepted so far."""

    document: Document
    doc: Doc
    text: str
    mentions: list[Mention]
    lex: Lexicon
    quotes: list[Quote]
    token_mention: list[int | None]
    paragraph_starts: list[int]
    starts: list[int]  # token index -> character offset
    words: Tokens  # the document's token view: which tokens carry which words
    cues: dict[int, Cue] = field(default_factory=dict)  # token index -> the lexicon entry it starts
    author: int | None = None
    outlet: int | None = None
    interviewee_found: tuple[int | None] | None = None  # found once, when an "I" needs it (see interview.interviewee_of)
    signer_found: tuple[int | None] | None = None  # a letter's signer, likewise (see interview.signer_of)
    people: People = field(default_factory=lambda: People())
    quote_spans: list[tuple[int, int]] = field(default_factory=list)  # accepted direct quotes
    direct_cues: list[tuple[int, int]] = field(default_factory=list)  # their cues' offsets
    _quote_index: tuple[int, Spans, Spans] | None = None  # see _quote_spans

    def mention_at(self, tok: Token) -> int | None:
        return self.token_mention[tok.i]

    def accept_quotes(self, claims: list[Claim]) -> None:
        """The direct quotes that are statements: other readings of their words yield to them."""
        self.quote_spans += [(c.start, c.end) for c in claims]
        self.direct_cues += [(c.cue_start, c.cue_end) for c in claims]

    def in_quote(self, char: int) -> bool:
        """Inside quoted words (any pair of quotation marks, not only accepted quotes)."""
        return self._quote_spans()[0].covers(char)

    def in_accepted_quote(self, char: int) -> bool:
        """Inside a direct quote accepted as a statement."""
        return self._quote_spans()[1].covers(char)

    def within_accepted_quote(self, start: int, end: int) -> bool:
        """[start, end) lies wholly inside one accepted direct quote."""
        return self._quote_spans()[1].encloses(start, end)

    def _quote_spans(self) -> tuple[Spans, Spans]:
        """All quoted words (quotes and accepted quotes), and the accepted quotes alone; made again
        when a quote has been accepted since."""
        if self._quote_index is None or self._quote_index[0] != len(self.quote_spans):
            every = Spans([(q.start, q.end) for q in self.quotes] + self.quote_spans)
            self._quote_index = (len(self.quote_spans), every, Spans(self.quote_spans))
        return self._quote_index[1], self._quote_index[2]

    def paragraph_of(self, char: int) -> int:
        return bisect_right(self.paragraph_starts, char) - 1


def build_context(document: Document, doc: Doc, mentions: list[Mention], toks: Tokens | None = None) -> Context:
    # Whole-document scans read plain per-token lists, made once per document (``toks``, made here
    # when not given): going through Token objects (one is made per access) would cost more than
    # the rules themselves.
    toks = Tokens(doc) if toks is None else toks
    starts = toks.idx
    ends = [s + len(t) for s, t in zip(starts, toks.text)]
    text = _parse_text(document, doc)
    token_mention: list[int | None] = [None] * len(doc)
    for n, m in enumerate(mentions):
        if not m.in_text or m.end <= m.start:
            continue
        i = max(bisect_right(starts, m.start) - 1, 0)
        while i < len(doc) and starts[i] < m.end:
            if ends[i] > m.start and token_mention[i] is None:
                token_mention[i] = n
            i += 1
    ctx = Context(
        document=document,
        doc=doc,
        text=text,
        mentions=mentions,
        lex=load_lexicon(),
        quotes=find_quotes(text),
        token_mention=token_mention,
        paragraph_starts=[s for s, _ in paragraph_spans(text)] or [0],
        starts=starts,
        words=toks,
    )
    ctx.cues = find_cues(ctx.lex, ctx.doc, ctx.words.tokens(ctx.lex.candidate_words))
    for n, m in enumerate(mentions):
        if not m.in_text and m.kind == MentionKind.BYLINE and ctx.author is None:
            ctx.author = n
        elif not m.in_text and m.kind == MentionKind.OUTLET and ctx.outlet is None:
            ctx.outlet = n
    _index_people(ctx)
    return ctx


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Given name (lower case) -> "m" / "f": the second column of ``graph/data/given_names.tsv``."""
    return {row[0].lower(): row[1] for row in load_curated().rows("given_names.tsv") if len(row) > 1 and row[1] in ("m", "f")}


@lru_cache(maxsize=1)
def title_abbreviations() -> dict[str, str]:
    """Abbreviated title (lower case, with its dot) -> the role noun it stands for: the third
    column of ``graph/data/titles.tsv`` ("Sen." -> "senator")."""
    return {row[0].lower(): row[2].lower() for row in load_curated().rows("titles.tsv") if len(row) > 2 and row[2]}


def _parse_text(document: Document, doc: Doc) -> str:
    """The text the parse's offsets point into: the document's, which the parse keeps character
    for character (``Doc.text`` would join it again token by token); checked by its length."""
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return document.text if len(document.text) == length else doc.text


def _index_people(ctx: Context) -> None:
    """Which mentions name people, grouped by surname, with the gender the text gives them."""
    given = given_name_genders()
    persons = [n for n, m in enumerate(ctx.mentions) if m.in_text and (m.label in PERSON_LABELS or _given_name_first(m, given))]
    named_people = set(persons)  # labelled a person, or named like one
    surnames: dict[str, str] = {}
    full_names: set[str] = set()
    for n in persons:
        words = ctx.mentions[n].name.split()
        if len(words) < 2:
            continue  # a surname counts once the text has given the full name
        surnames[words[-1].lower()] = words[-1].lower()
        full_names.add(ctx.mentions[n].name.lower())
    ctx.people.anchored = set(surnames)
    # two people of one surname ("Ann Ray", "Tom Ray"): each full name is a person of its own, with
    # its own gender and roles; the bare surname stays ambiguous (see namesakes.full_person)
    firsts: dict[str, set[str]] = {}
    for name in full_names:
        firsts.setdefault(name.split()[-1], set()).add(name.split()[0])
    shared = {surname for surname, names in firsts.items() if len(names) > 1}
    bodies = named_as_bodies(ctx.mentions)  # "the retailer Quimby": a company named after "Harold Quimby"
    for n, m in enumerate(ctx.mentions):
        if not m.in_text:
            continue
        words = m.name.split()
        if not words:
            continue
        surname = words[-1].lower()
        if m.label in PERSON_LABELS or _given_name_first(m, given):
            ctx.people.keys[n] = f"{words[0].lower()} {surname}" if surname in shared and len(words) > 1 else surname
        elif m.kind == MentionKind.NER and m.label not in PLACE_LABELS and (
                (len(words) == 1 and words[0].lower() in surnames and fold(m.name) not in bodies) or m.name.lower() in full_names):
            # "Kabulov's words": spaCy called a surname an ORG, but the text named that person
            ctx.people.keys[n] = surnames[surname]
    lex = ctx.lex
    for n, m in enumerate(ctx.mentions):
        if not m.in_text or n in ctx.people.keys or m.label in PLACE_LABELS or m.kind in (MentionKind.DEMONYM, MentionKind.CAPITAL, MentionKind.GAZETTEER):
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span.text.split()) > 3:
            continue
        head = span.root
        apposed = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        honorific = span.start > 0 and ctx.doc[span.start - 1].lower_ in HONORIFICS
        if honorific or any(noun_class(lex, a) in PEOPLE_CLASSES for a in apposed):
            # "Zakharova, the ministry's spokeswoman": a person, whatever spaCy labelled the name
            ctx.people.keys[n] = m.name.split()[-1].lower()
    by_given_name = given_name_genders()
    guessed: dict[str, str | None] = {}  # person key -> the gender of the given names it is named with
    for n, key in ctx.people.keys.items():
        m = ctx.mentions[n]
        gender = m.gender
        if gender is None:
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.start > 0:
                gender = HONORIFICS.get(ctx.doc[span.start - 1].lower_)
        if gender and key not in ctx.people.genders:
            ctx.people.genders[key] = gender
        if m.title:  # "Senator Ann Lee": the role "the senator" may point back to her
            ctx.people.roles.setdefault(key, set()).update(m.title.lower().split())
        words = m.name.split()
        if len(words) > 1 and n in named_people:
            g = by_given_name.get(words[0].lower())
            guessed[key] = g if guessed.get(key, g) == g else None  # two given names that disagree: no guess
    for key, g in guessed.items():
        if g and key not in ctx.people.genders:
            ctx.people.genders[key] = g  # what the text says (a title, "Mrs") wins over the given name
    # the people in text order, for looking back from a statement; mentions at one place in
    # key order when walking back
    order = {n: k for k, n in enumerate(ctx.people.keys)}
    ctx.people.order = sorted(ctx.people.keys, key=lambda n: (ctx.mentions[n].start, -order[n]))
    ctx.people.starts = [ctx.mentions[n].start for n in ctx.people.order]
    for n in ctx.people.keys:
        if n in named_people:
            ctx.people.named.setdefault(ctx.mentions[n].name.split()[-1].lower(), []).append(n)
    _index_bare_surnames(ctx, surnames, named_people)


def _given_name_first(m: Mention, given: dict[str, str]) -> bool:
    """A name the tagger took for an organisation that reads as a person's: two or three
    capitalised words, the first a common given name ("Carly Fiorina")."""
    words = m.name.split()
    return (m.kind == MentionKind.NER and m.label not in PLACE_LABELS and 2 <= len(words) <= 3
            and words[0].lower() in given and all(w[:1].isupper() for w in words))


def _index_bare_surnames(ctx: Context, surnames: dict[str, str], named_people: set[int]) -> None:
    """Where a capitalised surname of a person named in full stands with no person mention on it:
    the person the text named before it (the nearest full name with that surname)."""
    people = ctx.people
    full: dict[str, list[int]] = {}
    for n in people.order:
        m = ctx.mentions[n]
        if n in named_people and len(m.name.split()) > 1:
            full.setdefault(m.name.split()[-1].lower(), []).append(n)
    for i in ctx.words.tokens(surnames.keys()):
        tok = ctx.doc[i]
        key = tok.lower_
        n = ctx.token_mention[i]
        if key not in full or not tok.text[:1].isupper() or (n is not None and n in people.keys):
            continue
        start = ctx.starts[i]
        earlier = [k for k in full[key] if ctx.mentions[k].end <= start]
        if earlier:
            people.bare.append((start, i, earlier[-1]))
