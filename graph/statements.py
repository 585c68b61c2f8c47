"""Who said what: attributed statements and stated affiliations in one parsed document.

Public surface: :func:`extract_statements` (plus :func:`find_quotes`, the quotation-mark scanner,
usable on its own).

How it works, textacy style: small extractor generators over the spaCy ``Doc`` each yield
:class:`Claim` candidates (an attributed span, its cue, and the tokens that name its speaker),
then one resolution step turns the speaker tokens into an index of ``mentions``:

* :func:`direct_quotations` - quoted words, with the cue before, after or in the middle of the
  quote; quotes running over paragraphs, missing an opening or closing mark, resuming after the
  cue. Quotation marks are paired by a forgiving scanner (:func:`find_quotes`) that never gives
  up on the rest of a document because one mark is unbalanced.
* :func:`reported_speech` - a reporting verb (``graph/data/reporting_verbs.tsv``, several hundred
  cues in classes speech / belief / claim / report) with its content: a clause ("said that ..."),
  an object ("reported attempts ..."), an infinitive ("promised to ..."), a content that comes
  before the cue ("..., reported the publication X"), "quotes X as saying that ...".
* :func:`sourcing` - "according to X", "in X's view", "from a Russian perspective".
* :func:`appositive_roles` - "Sergei Beseda, head of the 5th FSB service", "PIR Center expert
  Vadim Kozyulin": :class:`~graph.records.Affiliation` records, and the roles that let a later
  "the expert said" find the right person.

Speakers: a name (the mention at the subject's head, its apposition, or a name inside an outlet
or institution phrase), a pronoun (he / she: the most salient earlier person whose gender fits;
we / our: the document's author or outlet), or a description ("the expert", "the deputy minister":
the most recent earlier person whose stated role fits). Plural or indefinite sources ("experts",
"a source at the General Staff", "Afghan officials") keep the statement with no speaker. An outlet
that relays the words ("told TASS", "RIA cites ...", "the X portal quotes ...") is recorded as
``reported_by_mention``.
"""
from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import accumulate

from spacy.attrs import IDX, LEMMA, LENGTH, LOWER
from spacy.tokens import Doc, Span, Token

from .curated import load_curated
from .records import Affiliation, Document, Mention, Statement

# --- lexicons ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cue:
    lemma: str  # "say", "point out", "voice concern"
    cls: str  # speech | belief | claim | report
    frames: frozenset[str]  # that | obj | to | quote

    @property
    def kind(self) -> str:
        return "according_to" if self.cls == "report" else "indirect"


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Cue]  # single-word verb lemmas
    phrasal: dict[tuple[str, str], Cue]  # (verb, particle or object noun)
    nouns: dict[str, str]  # noun lemma -> class
    noun_gender: dict[str, str]

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The words an entry starts with: the verbs, and the first words of the phrasal entries."""
        return frozenset(self.verbs) | {verb for verb, _ in self.phrasal}

    @cached_property
    def view_nouns(self) -> frozenset[str]:
        """"view", "opinion", "perspective"...: the nouns of "in X's view"."""
        return frozenset(noun for noun, cls in self.nouns.items() if cls == "view")


@lru_cache(maxsize=4)
def load_lexicon(data_dir: str | None = None) -> Lexicon:
    """The reporting cues and speaker nouns of ``graph/data`` (cached)."""
    data = load_curated(folder=data_dir)
    verbs: dict[str, Cue] = {}
    phrasal: dict[tuple[str, str], Cue] = {}
    for row in data.rows("reporting_verbs.tsv"):
        lemma, cls = row[0].lower(), row[1]
        frames = frozenset(f.strip() for f in (row[2] if len(row) > 2 else "that").split(",") if f.strip())
        cue = Cue(lemma, cls, frames)
        words = lemma.split()
        if len(words) == 1:
            verbs[lemma] = cue
        else:
            phrasal[(words[0], " ".join(words[1:]))] = cue
    nouns: dict[str, str] = {}
    gender: dict[str, str] = {}
    for row in data.rows("attribution_nouns.tsv"):
        nouns[row[0].lower()] = row[1]
        if len(row) > 2 and row[2]:
            gender[row[0].lower()] = row[2]
    return Lexicon(verbs, phrasal, nouns, gender)


# --- small word classes (grammar, not data) ----------------------------------------------------

SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
MODALS = {"could", "might", "may", "should", "must", "can", "would", "ought", "shall"}
MALE_PRONOUNS = {"he", "him", "his", "himself"}
FEMALE_PRONOUNS = {"she", "her", "hers", "herself"}
FIRST_SINGULAR = {"i", "me", "my", "mine", "myself"}
FIRST_PLURAL = {"we", "us", "our", "ours", "ourselves"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
RELATIVE = {"who", "whom", "that", "which", "whose"}
INDEFINITE_DETS = {"a", "an", "some", "several", "many", "numerous", "few", "other", "various", "one", "two",
                   "three", "unnamed", "anonymous", "any", "most", "all", "certain", "more"}
SUBORDINATORS = {"if", "when", "because", "as", "while", "after", "before", "since", "unless", "although",
                 "though", "whereas", "once", "until", "so"}
COMPLEMENTIZERS = {"that", "whether", "if"}
HONORIFICS = {"mr": "m", "mr.": "m", "sir": "m", "lord": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "madam": "f", "madame": "f", "lady": "f", "dame": "f", "mme": "f", "mme.": "f"}
SPEAKER_LABELS = {"PERSON", "person", "ORG", "organization", "GPE", "country", "group", "alliance", "NORP"}
PERSON_LABELS = {"PERSON", "person"}
PLACE_LABELS = {"LOC", "place", "FAC"}
OUTLET_WORDS = {"news", "agency", "times", "post", "press", "radio", "tv", "television", "daily", "gazette",
                "journal", "herald", "tribune", "telegraph", "broadcasting", "media", "chronicle", "chronicles",
                "observer", "guardian", "independent", "express", "mail", "mirror", "review", "bulletin", "wire",
                "channel", "network"}
# The curated data's kinds of organisation that publish.
MEDIA_KINDS = {"news_agency", "newspaper", "broadcaster", "online", "magazine"}
AUDIENCE_WORDS = {"council", "assembly", "parliament", "congress", "committee", "commission", "court",
                  "ministry", "government", "senate", "duma", "conference", "summit", "forum", "meeting",
                  "commons", "lords", "house", "session", "hearing", "rally", "audience", "crowd", "delegate",
                  "reporter", "journalist", "lawmaker", "mp", "student", "supporter", "congregation"}
VIEW_PREPS = {"in", "from", "to"}
SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson", "spokesmen", "spokeswomen", "representative", "mouthpiece"}
AGE_NOUN = re.compile(r"^\d+-year-old$")
EXPERT, OFFICIAL, PRESS, PERSON_NOUN = "expert", "official", "press", "person"
PEOPLE_CLASSES = {EXPERT, OFFICIAL, PRESS, PERSON_NOUN}
ROLE_PREPS = {"of", "at", "under", "with", "from", "within", "for"}
SENTENCE_END = {".", "!", "?"}


# --- quotation marks ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Quote:
    """Quoted words: ``start``/``end`` are the content's offsets (inside the marks); ``opened`` /
    ``closed`` say whether the text has the opening / closing mark."""

    start: int
    end: int
    opened: bool = True
    closed: bool = True
    open_mark: int | None = None  # offset of the opening mark
    close_mark: int | None = None


OPENERS = {"\u201c": "double", "\u00ab": "double", "\u201e": "double"}
CLOSERS = {"\u201d": "double", "\u00bb": "double"}
QUOTATION_MARK = re.compile("[" + "".join(OPENERS) + "".join(CLOSERS) + '"]')  # the characters _mark_role reads
PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in PARAGRAPH_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _mark_role(text: str, i: int, lo: int, hi: int) -> str | None:
    """'open', 'close' or 'either' for a double quotation mark at ``i`` inside [lo, hi)."""
    c = text[i]
    if c in OPENERS:
        return "open"
    if c in CLOSERS:
        return "close"
    if c != '"':
        return None
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isspace() or prev in "([{<\u2014\u2013-/\u2018'":
        return "open" if not nxt.isspace() else "close"
    if nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-\u2019'\u2026":
        return "close"
    return "either"


def _marks(text: str, lo: int, hi: int) -> Iterator[tuple[int, str]]:
    """(offset, role) of the double quotation marks inside [lo, hi), in text order."""
    for m in QUOTATION_MARK.finditer(text, lo, hi):
        yield m.start(), _mark_role(text, m.start(), lo, hi)


def find_quotes(text: str) -> list[Quote]:
    """Spans of text between double quotation marks (curly, straight or guillemets).

    Forgiving by design: a paragraph that ends inside an open quote continues it into the next
    paragraph when that one opens with a mark (the convention for long quotes) or closes one before
    opening another; otherwise the quote ends with its paragraph. A closing mark with no opening
    mark before it in its paragraph closes a quote that started at the paragraph's start. So an
    unbalanced mark costs at most one paragraph, never the rest of the document.

    >>> [text[q.start:q.end] for text in ['He said: "No way." Then "we go," she said.'] for q in find_quotes(text)]
    ['No way.', 'we go,']
    """
    quotes: list[Quote] = []
    paragraphs = _paragraphs(text)
    carry: tuple[int, int | None] | None = None  # (content start, opening mark) of a quote left open
    for n, (lo, hi) in enumerate(paragraphs):
        marks = list(_marks(text, lo, hi))
        open_at: tuple[int, int | None] | None = None
        seen_any = False
        if carry is not None:
            first = marks[0] if marks else None
            if first and first[1] in ("open", "either") and not text[lo:first[0]].strip():
                marks = marks[1:]  # the opening mark that repeats at a continued paragraph
            open_at = carry
            carry = None
        for i, role in marks:
            if role == "either":
                role = "close" if open_at is not None else "open"
            if role == "open":
                if open_at is not None:
                    # a new quote opens while one is open: the earlier one lost its closing mark
                    quotes.append(_quote(text, open_at, i, closed=False))
                open_at = (i + 1, i)
            else:
                if open_at is not None:
                    quotes.append(_quote(text, open_at, i, closed=True))
                    open_at = None
                elif not seen_any:
                    # closing mark with no opening one: the quote starts with the paragraph
                    quotes.append(_quote(text, (lo, None), i, closed=True))
            seen_any = True
        if open_at is not None:
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None and _continues(text, nxt):
                carry = open_at
            else:
                quotes.append(_quote(text, open_at, hi, closed=False))
    return [q for q in quotes if q.end > q.start]


def _continues(text: str, paragraph: tuple[int, int]) -> bool:
    """Does an open quote go on into this paragraph? Yes when it starts with an opening mark or
    closes a quote before it opens one."""
    lo, hi = paragraph
    for i, role in _marks(text, lo, hi):
        if not text[lo:i].strip():
            return role in ("open", "either")
        return role == "close" or (role == "either" and not text[i - 1].isspace())
    return False


def _quote(text: str, open_at: tuple[int, int | None], end: int, closed: bool) -> Quote:
    start, mark = open_at
    s, e = start, end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Quote(s, e, opened=mark is not None, closed=closed, open_mark=mark, close_mark=end if closed else None)


# --- candidates ----------------------------------------------------------------------------------


@dataclass
class Claim:
    """A candidate statement before its speaker is resolved."""

    kind: str
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


class Spans:
    """(start, end) pairs of offsets, asked by bisection rather than by a scan of every pair (they
    are asked once per claim, or per person in a claim)."""

    def __init__(self, pairs: Iterable[tuple[int, int]]) -> None:
        pairs = sorted(pairs)
        self.starts = [s for s, _ in pairs]
        self.reach = list(accumulate((e for _, e in pairs), max))  # the furthest end of the pairs so far

    def covers(self, char: int) -> bool:
        """Some pair has start <= char < end."""
        k = bisect_right(self.starts, char)
        return k > 0 and char < self.reach[k - 1]

    def encloses(self, start: int, end: int) -> bool:
        """Some pair starts at or before ``start`` and ends at or after ``end``."""
        k = bisect_right(self.starts, start)
        return k > 0 and end <= self.reach[k - 1]


@dataclass
class Context:
    document: Document
    doc: Doc
    text: str
    mentions: list[Mention]
    lex: Lexicon
    quotes: list[Quote]
    token_mention: list[int | None]
    paragraph_starts: list[int]
    starts: list[int]  # token index -> character offset
    words: TokenWords  # which tokens carry which words
    cues: dict[int, Cue] = field(default_factory=dict)  # token index -> the lexicon entry it starts
    author: int | None = None
    outlet: int | None = None
    person_keys: dict[int, str] = field(default_factory=dict)  # mention -> person key (surname)
    roles: dict[str, set[str]] = field(default_factory=dict)  # person key -> role nouns
    genders: dict[str, str] = field(default_factory=dict)  # person key -> m / f
    quote_spans: list[tuple[int, int]] = field(default_factory=list)  # accepted direct quotes
    direct_cues: list[tuple[int, int]] = field(default_factory=list)  # their cues' offsets
    anchored: set[str] = field(default_factory=set)  # surnames of people named in full
    people: list[int] = field(default_factory=list)  # person_keys' mentions in text order (see _index_people)
    people_starts: list[int] = field(default_factory=list)  # where they start
    named: dict[str, list[int]] = field(default_factory=dict)  # person key -> the mentions labelled a person
    _quote_index: tuple[int, Spans, Spans] | None = None  # see _quote_spans

    def mention_at(self, tok: Token) -> int | None:
        return self.token_mention[tok.i]

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


def _build_context(document: Document, doc: Doc, mentions: list[Mention]) -> Context:
    # Whole-document scans read plain per-token lists, made once from the parse's arrays: going
    # through Token objects (one is made per access) would cost more than the rules themselves.
    starts, lengths = doc.to_array([IDX, LENGTH]).T.tolist()
    ends = [s + n for s, n in zip(starts, lengths)]
    text = _parse_text(document, doc)
    token_mention: list[int | None] = [None] * len(doc)
    for n, m in enumerate(mentions):
        if m.start < 0 or m.end <= m.start:
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
        paragraph_starts=[s for s, _ in _paragraphs(text)] or [0],
        starts=starts,
        words=TokenWords(doc),
    )
    ctx.cues = _cues(ctx)
    for n, m in enumerate(mentions):
        if m.start == -1 and m.kind == "byline" and ctx.author is None:
            ctx.author = n
        elif m.start == -1 and m.kind == "outlet" and ctx.outlet is None:
            ctx.outlet = n
    _index_people(ctx)
    return ctx


def _parse_text(document: Document, doc: Doc) -> str:
    """The text the parse's offsets point into: the document's, which the parse keeps character
    for character (``Doc.text`` would join it again token by token); checked by its length."""
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    return document.text if len(document.text) == length else doc.text


class TokenWords:
    """Which tokens carry which words, read from the parse's arrays and decided once per distinct
    word: cheaper than a Token object per word of the document."""

    def __init__(self, doc: Doc) -> None:
        self.lemma_ids, self.lower_ids = doc.to_array([LEMMA, LOWER]).T.tolist()
        strings = doc.vocab.strings
        self.lowered = {h: strings[h].lower() for h in set(self.lemma_ids).union(self.lower_ids)}

    def tokens(self, words: Collection[str]) -> list[int]:
        """Indexes, in order, of the tokens whose lowercase form or lemma is one of ``words``."""
        ids = {h for h, word in self.lowered.items() if word in words}
        return [i for i, (lemma, lower) in enumerate(zip(self.lemma_ids, self.lower_ids)) if lemma in ids or lower in ids]


def _cues(ctx: Context) -> dict[int, Cue]:
    """The tokens that start a lexicon entry (see :func:`_cue_of`), by index. An entry starts with
    the token's lemma or form, so only tokens with one of those words need a look."""
    cues: dict[int, Cue] = {}
    for i in ctx.words.tokens(ctx.lex.first_words):
        cue = _cue_of(ctx, ctx.doc[i])
        if cue is not None:
            cues[i] = cue
    return cues


def _index_people(ctx: Context) -> None:
    """Which mentions name people, grouped by surname, with the gender the text gives them."""
    persons = [n for n, m in enumerate(ctx.mentions) if m.start >= 0 and m.label in PERSON_LABELS]
    surnames: dict[str, str] = {}
    full_names: set[str] = set()
    for n in persons:
        words = ctx.mentions[n].name.split()
        if len(words) < 2:
            continue  # a surname counts once the text has given the full name
        surnames[words[-1].lower()] = words[-1].lower()
        full_names.add(ctx.mentions[n].name.lower())
    ctx.anchored = set(surnames)
    for n, m in enumerate(ctx.mentions):
        if m.start < 0:
            continue
        words = m.name.split()
        if not words:
            continue
        if m.label in PERSON_LABELS:
            ctx.person_keys[n] = words[-1].lower()
        elif m.kind == "ner" and m.label not in PLACE_LABELS and (
                (len(words) == 1 and words[0].lower() in surnames) or m.name.lower() in full_names):
            # "Kabulov's words": spaCy called a surname an ORG, but the text named that person
            ctx.person_keys[n] = surnames[words[-1].lower()]
    lex = ctx.lex
    for n, m in enumerate(ctx.mentions):
        if m.start < 0 or n in ctx.person_keys or m.label in PLACE_LABELS or m.kind in ("demonym", "capital", "gazetteer"):
            continue
        span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span.text.split()) > 3:
            continue
        head = span.root
        apposed = [c for c in head.children if c.dep_ == "appos"] + ([head.head] if head.dep_ == "appos" else [])
        honorific = span.start > 0 and ctx.doc[span.start - 1].lower_ in HONORIFICS
        if honorific or any(noun_class(lex, a) in PEOPLE_CLASSES for a in apposed):
            # "Zakharova, the ministry's spokeswoman": a person, whatever spaCy labelled the name
            ctx.person_keys[n] = m.name.split()[-1].lower()
    for n, key in ctx.person_keys.items():
        m = ctx.mentions[n]
        gender = m.gender
        if gender is None:
            span = ctx.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.start > 0:
                gender = HONORIFICS.get(ctx.doc[span.start - 1].lower_)
        if gender and key not in ctx.genders:
            ctx.genders[key] = gender
        if m.role:
            ctx.roles.setdefault(key, set()).update(m.role.lower().split())
    # the people in text order, for looking back from a statement; mentions at one place in
    # person_keys order when walking back
    order = {n: k for k, n in enumerate(ctx.person_keys)}
    ctx.people = sorted(ctx.person_keys, key=lambda n: (ctx.mentions[n].start, -order[n]))
    ctx.people_starts = [ctx.mentions[n].start for n in ctx.people]
    for n, key in ctx.person_keys.items():
        if ctx.mentions[n].label in PERSON_LABELS:
            ctx.named.setdefault(key, []).append(n)


# --- helpers over the parse ----------------------------------------------------------------------


def _trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """Offsets without surrounding spaces, commas and quotation marks (a final full stop goes too,
    a question mark stays)."""
    text = ctx.text
    while start < end and (text[start].isspace() or text[start] in ",;:\u2014\u2013-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.\u2014\u2013-"):
        end -= 1
    return start, end


def _tokens_span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _subtree_span(tok: Token, exclude: set[int] | None = None) -> tuple[int, int]:
    """Character span of a token's subtree; with ``exclude``, the contiguous part around the
    token that avoids those token indexes."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if exclude:
        i = tok.i
        left = i
        while left - 1 >= lo and left - 1 not in exclude:
            left -= 1
        right = i
        while right + 1 <= hi and right + 1 not in exclude:
            right += 1
        lo, hi = left, right
    doc = tok.doc
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _has_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _cue_text(verb: Token, extra: list[Token] = ()) -> tuple[str, int, int]:
    """The cue words: the verb, its particle and negation ("did not rule out")."""
    parts = [verb] + [c for c in verb.children if c.dep_ in ("prt", "neg")] + list(extra)
    parts += [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("do", "does", "did") and any(
        x.dep_ == "neg" for x in verb.children)]
    parts = sorted(set(parts), key=lambda t: t.i)
    words = []
    for k, t in enumerate(parts):
        if k and t.i > parts[k - 1].i + 1:
            words.append("...")
        words.append(t.text)
    return " ".join(words), parts[0].idx, parts[-1].idx + len(parts[-1].text)


def _cue_of(ctx: Context, verb: Token) -> Cue | None:
    """The lexicon entry a verb token starts, phrasal and light-verb entries first."""
    if verb.pos_ not in ("VERB", "AUX") and not (verb.tag_.startswith("VB")):
        return None
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "prt":
            cue = ctx.lex.phrasal.get((lemma, child.lemma_.lower()))
            if cue:
                return cue
        if child.dep_ in ("dobj", "oprd", "acomp"):
            cue = ctx.lex.phrasal.get((lemma, child.lemma_.lower()))
            if cue:
                return cue
    cue = ctx.lex.verbs.get(lemma)
    if cue is None and lemma != verb.lower_:
        cue = ctx.lex.verbs.get(verb.lower_)
    return cue


def _light_noun(ctx: Context, verb: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in ("dobj", "oprd", "acomp") and (lemma, child.lemma_.lower()) in ctx.lex.phrasal:
            return child
    return None


def _subject(verb: Token) -> tuple[Token | None, str]:
    """The token naming who speaks through ``verb``, and how it was found ('subject', 'agent',
    'passive' for the verb's own passive with no agent, 'none')."""
    seen = set()
    v = verb
    while v is not None and v.i not in seen:
        seen.add(v.i)
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            if subj.lower_ in RELATIVE and v.dep_ == "relcl":
                return v.head, "subject"
            return subj, "subject"
        passive = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is not None:
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj, "agent"
        if passive is not None:
            if v.i == verb.i:
                return passive, "passive"
            if passive.lower_ in RELATIVE and v.dep_ == "relcl":
                return v.head, "subject"
            return passive, "subject"  # "Russia is emboldened to say"
        if v.dep_ in ("conj", "xcomp") and v.head.pos_ in ("VERB", "AUX", "ADJ"):
            v = v.head
            continue
        if v.dep_ == "advcl" and v.tag_ == "VBG":  # "..., adding that ..."
            v = v.head
            continue
        if v.dep_ in ("acl",) and v.head.pos_ in ("NOUN", "PROPN"):
            return v.head, "subject"  # "witnesses reporting ...", "a statement saying ..."
        break
    return None, "none"


def _stray_subject(ctx: "Context", verb: Token) -> Token | None:
    """A sentence whose parse lost the subject of its main verb ("Russian president Vladimir Putin
    in a meeting ... declared that"): the last named actor before the verb in its sentence that no
    preposition governs."""
    if verb.dep_ != "ROOT":
        return None
    for t in reversed(list(verb.doc[verb.sent.start : verb.i])):
        n = ctx.mention_at(t)
        if n is None or t.dep_ in ("pobj", "poss", "compound", "amod") or ctx.in_quote(t.idx):
            continue
        m = ctx.mentions[n]
        if m.label in PLACE_LABELS or m.kind == "demonym":
            continue
        return t
    return None


def _inverted_subject(verb: Token) -> Token | None:
    """"says Mansur", "reported the publication X": a noun right after a verb that has no subject."""
    for child in verb.children:
        if child.i > verb.i and child.dep_ in ("dobj", "attr", "npadvmod", "nsubj", "dep", "appos") and (child.pos_ in (
                "PROPN", "NOUN") or child.lower_ in ("he", "she", "they", "i", "we")):
            if child.i - verb.i <= 4:
                return child
    return None


# --- extractors ----------------------------------------------------------------------------------


def direct_quotations(ctx: Context) -> Iterator[Claim]:
    """Quoted words with their cue: ``"...," X said``, ``X said: "..."``, ``"...," said X, "..."``,
    ``"...," X said. "..."`` (the quote resumes), a cue in the paragraph before ("he said" alone
    on its line), and a cueless quote paragraph right after a quote of the same speaker."""
    doc, text = ctx.doc, ctx.text
    starts = ctx.starts
    paragraphs = _paragraphs(text)
    previous: Claim | None = None
    previous_paragraph = -2
    pending: list[Claim] = []
    for q in ctx.quotes:
        first = _token_at(doc, starts, q.start)
        last = _token_at(doc, starts, q.end - 1)
        if first is None or last is None:
            continue
        para = ctx.paragraph_of(q.start)
        if not _stands_alone(ctx, q):
            continue  # quoted words inside a sentence ('hyped "fears of ..."'): a term or a partial quote
        if _colon_before(ctx, q):
            cue = _cue_before(ctx, q, first) or _cue_after(ctx, q, last)  # 'X said: "..."'
        else:
            cue = _cue_after(ctx, q, last) or _cue_before(ctx, q, first)
        if cue is not None:
            verb, speaker, reporter, extra = cue
            if previous is not None and previous.cue_start == verb.idx and ctx.paragraph_of(previous.start) == para:
                previous.end = max(previous.end, q.end)  # '"...," said X, "..."'
                continue
            cue_words, cs, ce = _cue_text(verb, extra)
            claim = Claim("direct", cue_words, q.start, q.end, cs, ce, speaker=speaker if isinstance(speaker, Token) else None,
                          speaker_tokens=speaker if isinstance(speaker, list) else None, reporter=reporter, priority=2)
            if speaker is None:
                claim.unnamed = True
            pending.append(claim)
            previous, previous_paragraph = claim, para
            continue
        if not any(t.is_alpha for t in doc[first.i : last.i + 1]):
            continue  # no words
        if previous is not None and para == previous_paragraph and _only_cue_between(ctx, previous, q):
            previous.end = max(previous.end, q.end)  # the quote resumes after the cue
            continue
        if previous is not None and para == previous_paragraph + 1 and _whole_paragraph(ctx, paragraphs[para], q):
            # a quote paragraph of its own right after a quoted speaker goes on with the same speaker
            claim = Claim("direct", previous.cue, q.start, q.end, previous.cue_start, previous.cue_end,
                          speaker=previous.speaker, speaker_tokens=previous.speaker_tokens, reporter=previous.reporter,
                          unnamed=previous.unnamed, priority=1)
            pending.append(claim)
            previous, previous_paragraph = claim, para
            continue
    for claim in pending:
        ctx.quote_spans.append((claim.start, claim.end))
        yield claim


def _colon_before(ctx: Context, q: Quote) -> bool:
    if q.open_mark is None:
        return False
    return ctx.text[max(0, q.open_mark - 3) : q.open_mark].rstrip().endswith(":")


def _stands_alone(ctx: Context, q: Quote) -> bool:
    """A quote that opens a sentence, or follows a colon, comma or dash: not words quoted inside
    someone else's sentence."""
    if not q.opened or q.open_mark is None:
        return True
    lo = ctx.paragraph_starts[ctx.paragraph_of(q.open_mark)]
    before = ctx.text[lo : q.open_mark].rstrip()
    if not before:
        return True
    return before[-1] in ".!?:;,\u2014\u2013-\u201d\")]\u2026"


def _token_at(doc: Doc, starts: list[int], char: int) -> Token | None:
    i = bisect_right(starts, char) - 1
    if i < 0:
        return None
    return doc[i]


def _only_cue_between(ctx: Context, previous: Claim, q: Quote) -> bool:
    """Between the previous quote and this one stands nothing but its cue."""
    gap = ctx.text[previous.end : q.start]
    gap_wo_cue = gap.replace(ctx.text[previous.cue_start : previous.cue_end], " ")
    return previous.cue_start >= previous.end and previous.cue_end <= q.start and len(gap_wo_cue.split()) <= 30


def _whole_paragraph(ctx: Context, paragraph: tuple[int, int], q: Quote) -> bool:
    lo, hi = paragraph
    before = ctx.text[lo : q.start].strip(" \"\u201c\u201d\u00ab\u00bb")
    after = ctx.text[q.end : hi].strip(" \"\u201c\u201d\u00ab\u00bb.,")
    return not before and not after and q.opened


def _quote_cue_verbs(ctx: Context, tokens: list[Token]) -> list[tuple[Token, Cue]]:
    out = []
    for t in tokens:
        cue = ctx.cues.get(t.i)
        if cue is not None and "quote" in cue.frames:
            out.append((t, cue))
    return out


def _frame_after(ctx: Context, q: Quote, last: Token) -> list[Token]:
    """Tokens after the closing mark, up to the end of the sentence, the next quote or the
    paragraph's end."""
    doc = ctx.doc
    out = []
    i = last.i + 1
    while i < len(doc) and ctx.starts[i] < q.end:
        i += 1
    while i < len(doc) and (doc[i].is_quote or doc[i].text in {"\u201d", '"', "\u00bb"}) and not out:
        i += 1  # the closing mark
    while i < len(doc):
        t = doc[i]
        if "\n" in t.text or t.is_quote or t.text in OPENERS or t.text in CLOSERS:
            break
        out.append(t)
        if t.text in SENTENCE_END or "\n" in t.whitespace_:
            break
        i += 1
    return out


def _cue_after(ctx: Context, q: Quote, last: Token):
    """'"...," X said', '"...," says X', '"...," RIA cites X's words', '"...," the Y portal quotes X as
    saying', '"...," X has told TASS'."""
    if not q.closed:
        return None
    frame = _frame_after(ctx, q, last)
    if not frame:
        return None
    content_end = ctx.text[q.start : q.end].rstrip()
    first_word = next((t for t in frame if not t.is_punct), None)
    if first_word is None:
        return None
    if content_end.endswith((",", "?", "!", "\u2026", "\u2014", "\u2013", "-")) or frame[0].text in (",", "\u2014", "\u2013"):
        reach = 16  # '"...," the director of the Centre for ..., X, has told TASS'
    elif content_end.endswith(".") and (first_word.is_lower or first_word.pos_ in ("PRON", "PROPN", "DET")):
        reach = 7  # '"... ." he said.' / '"... ." Smith said.'
    else:
        return None
    ids = {t.i for t in frame}
    for verb, cue in _quote_cue_verbs(ctx, frame):
        if frame.index(verb) > reach or _has_own_content(ctx, verb, cue, q):
            break  # a sentence of its own after the quote: "He added that ..."
        if verb.head.i in ids and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") and verb.dep_ not in ("conj", "parataxis"):
            continue  # inside another clause of the frame ("He added that X would not comment")
        return _quote_speaker(ctx, verb, cue, frame)
    return None


def _cue_before(ctx: Context, q: Quote, first: Token):
    """'X said: "..."', 'X said, "..."', and 'he said' ending the paragraph before the quote."""
    if not q.opened or q.open_mark is None:
        return None
    doc = ctx.doc
    i = first.i - 1
    while i >= 0 and doc[i].idx >= q.open_mark:
        i -= 1
    frame: list[Token] = []
    crossed_paragraph = False
    while i >= 0:
        t = doc[i]
        if t.is_space and "\n" in t.text:
            if frame or crossed_paragraph:
                break
            crossed_paragraph = True
            i -= 1
            continue
        if t.text in SENTENCE_END or t.is_quote or t.text in OPENERS or t.text in CLOSERS:
            break
        frame.insert(0, t)
        i -= 1
    if not frame:
        return None
    tail = [t for t in frame if not t.is_space]
    if not tail:
        return None
    end = tail[-1]
    if crossed_paragraph:
        if end.text not in (":", ",") and end.i not in ctx.cues:
            return None
    elif end.text not in (":", ",") and end.i not in ctx.cues:
        return None
    for verb, cue in reversed(_quote_cue_verbs(ctx, tail)):
        if _has_own_content(ctx, verb, cue, q):
            continue
        return _quote_speaker(ctx, verb, cue, tail)
    return None


def _has_own_content(ctx: Context, verb: Token, cue: Cue, q: Quote) -> bool:
    """The verb has a complement outside the quote: it reports something else."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and not (q.start - 2 <= child.idx < q.end + 1):
            sub = child.subtree
            if not any(q.start - 2 <= t.idx < q.end + 1 for t in sub):
                if child.dep_ == "xcomp" and child.lemma_ in ("say", "saying"):
                    continue
                return True
    return False


def _quote_speaker(ctx: Context, verb: Token, cue: Cue, frame: list[Token]):
    """(verb, speaker, reporter, extra cue tokens) of a quote's cue."""
    lemma = verb.lemma_.lower()
    in_frame = {t.i for t in frame}
    extra: list[Token] = []
    if lemma in ("quote", "cite"):
        reporter, how = _subject(verb)
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
            reporter = _phrase_head(before) if reporter is None or reporter.i not in in_frame else reporter
            obj = _phrase_head(after) if obj is None else obj
        if obj is not None and obj.lemma_.lower() in ctx.lex.nouns and ctx.lex.nouns[obj.lemma_.lower()] == "document":
            owner = _owner(obj)
            if owner is not None:
                return verb, owner, reporter, extra
        return verb, obj, reporter, extra
    speaker, how = _subject(verb)
    if speaker is not None and speaker.i not in in_frame and how != "agent":
        speaker = None
    if speaker is None:
        speaker = _inverted_subject(verb)
    if speaker is None:
        before = [t for t in frame if t.i < verb.i and not t.is_punct]
        after = [t for t in frame if t.i > verb.i]
        speaker = _phrase_head(before) or _phrase_head(after[:6])
    reporter = _told_outlet(ctx, verb)
    return verb, speaker, reporter, extra


def _phrase_head(tokens: list[Token]) -> Token | None:
    """The first noun or pronoun of a token run whose head lies outside it."""
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.pos_ in ("NOUN", "PROPN", "PRON") and (t.head.i not in ids or t.head.i == t.i):
            return t
    for t in tokens:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
    return None


def _owner(noun: Token) -> Token | None:
    """Whose report, words or view: "Kabulov's words", "a report by X", "our information"."""
    for c in noun.children:
        if c.dep_ == "poss":
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("by", "of", "from"):
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    for c in noun.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":  # "the report, published by Human Rights Watch"
            agent = next((g for g in c.children if g.dep_ == "agent"), None)
            pobj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return pobj
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN"):
            return c
    return None


def _told_outlet(ctx: Context, verb: Token) -> Token | None:
    """The outlet that got the words: "told TASS", "in an interview with Anadolu agency",
    "speaking to Reuters", "in comments to RIA"."""
    lemma = verb.lemma_.lower()
    if lemma == "tell":
        for c in verb.children:
            if c.dep_ in ("dobj", "dative", "iobj") and _is_outlet_phrase(ctx, c):
                return c
    candidates = list(verb.children)
    subj, _ = _subject(verb)
    if subj is not None:
        candidates += list(subj.children)
    for c in candidates:
        if c.dep_ == "prep" and c.lower_ in ("in", "during", "to"):
            noun = next((g for g in c.children if g.dep_ == "pobj"), None)
            if noun is not None and ctx.lex.nouns.get(noun.lemma_.lower()) in ("interview", "document"):
                for p in noun.children:
                    if p.dep_ == "prep" and p.lower_ in ("with", "to", "for"):
                        obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                        if obj is not None and _is_outlet_phrase(ctx, obj):
                            return obj
        if c.dep_ == "acl" and c.lemma_.lower() in ("poll", "interview", "survey", "question", "contact", "ask", "cite", "quote"):
            agent = next((g for g in c.children if g.dep_ == "agent"), None)  # "experts polled by Russia Direct"
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
    n = _mention_in_phrase(ctx, tok)
    if n is None:
        return False
    if ctx.mention_at(tok) is None and tok.lemma_.lower() in AUDIENCE_WORDS:
        return False  # "told the APEC summit", "told a UN meeting"
    m = ctx.mentions[n]
    if m.subtype in MEDIA_KINDS:
        return True
    if m.label in PERSON_LABELS or m.label in PLACE_LABELS or m.label in ("country", "GPE") or n in ctx.person_keys:
        return False
    words = {w.lower().strip(".,") for w in m.name.split()}
    if words & AUDIENCE_WORDS and not words & OUTLET_WORDS:
        return False
    return True


def _mention_in_phrase(ctx: Context, tok: Token) -> int | None:
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


def reported_speech(ctx: Context) -> Iterator[Claim]:
    """A reporting verb and its content: a clause, an object, an infinitive, or content that comes
    before the cue ("..., reported the publication X"); "quotes X as saying that ..."."""
    doc = ctx.doc
    for i, cue in ctx.cues.items():
        verb = doc[i]
        if _has_modal(verb):
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
        return _quoted_as_saying(ctx, verb)
    content = _content(ctx, verb, cue)
    if content is None:
        return None
    start, end, inverted = content
    if ctx.in_accepted_quote(start) and _is_quote_cue(ctx, verb):
        return None
    if inverted:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        speaker = next((c for c in subjects if c.i > verb.i), subjects[0] if subjects else None)
        how = "subject"
        if speaker is None:
            speaker, how = _subject(verb) if any(c.dep_ in ("nsubjpass", "agent") for c in verb.children) else (None, "none")
        if speaker is None:
            speaker = _inverted_subject(verb)
            how = "subject" if speaker is not None else "none"
    else:
        speaker, how = _subject(verb)
    if speaker is None and how == "none":
        speaker = _stray_subject(ctx, verb)
        how = "subject" if speaker is not None else how
    claim_kind = cue.kind
    light = _light_noun(ctx, verb)
    cue_words, cs, ce = _cue_text(verb, [light] if light is not None else [])
    claim = Claim(claim_kind, cue_words, start, end, cs, ce, in_quote=ctx.in_quote(verb.idx))
    if how == "passive":
        if speaker is not None and speaker.lower_ == "it" and not inverted or inverted and speaker is not None and speaker.lower_ == "it":
            claim.unnamed = True  # "it was reported that ...", "..., it was claimed"
            speaker = None
        else:
            return None  # "X is said to be ...", "he was denied a try", "she was told that"
    elif speaker is None:
        return None  # no one says it: an imperative, an infinitive of purpose
    claim.speaker = speaker
    claim.reporter = _told_outlet(ctx, verb)
    return claim


def _is_quote_cue(ctx: Context, verb: Token) -> bool:
    return any(s <= verb.idx < e for s, e in ctx.direct_cues)


def _content(ctx: Context, verb: Token, cue: Cue) -> tuple[int, int, bool] | None:
    """(start, end, inverted) of the words a reporting verb attributes; ``inverted`` when they come
    before the cue ("..., reported the publication X")."""
    children = list(verb.children)
    light = _light_noun(ctx, verb)
    if not _own_subject_before(verb) or verb.dep_ == "parataxis":
        before = _content_before(ctx, verb)
        if before is not None:
            return before
    if "that" in cue.frames:
        for c in children:
            if c.dep_ != "ccomp":
                continue
            if c.i > verb.i:
                s, e = _clause_span(ctx, c, verb)
                return s, e, False
            if c.pos_ in ("VERB", "AUX") and _comma_between(ctx.doc, c, verb):
                s, e = _clause_span(ctx, c, verb)
                return s, e, True
        if light is not None:
            for c in light.children:
                if c.dep_ in ("acl", "ccomp") and any(g.lower_ in COMPLEMENTIZERS for g in c.children):
                    s, e = _clause_span(ctx, c, verb)
                    return s, e, False
        clause = _stray_that_clause(verb)
        if clause is not None:
            s, e = _clause_span(ctx, clause, verb)
            return s, e, False
    if "to" in cue.frames:
        for c in children:
            if c.dep_ == "xcomp" and c.i > verb.i and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                s, e = _subtree_span(c)
                return s, e, False
    if light is not None:
        for holder in (light, verb):
            for c in holder.children:
                if c.dep_ == "prep" and c.i > light.i and c.lower_ in ("over", "about", "on", "at", "regarding", "to", "of", "for"):
                    pobj = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
                    if pobj is not None:
                        s, e = _subtree_span(pobj)
                        return s, e, False
        return None
    if "pred" in cue.frames:
        # "called the report a provocation", "described the claims as fake", "branded him a traitor"
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
        pred = next((c for c in children if obj is not None and c.i > obj.i and (
            c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr", "advcl") or c.dep_ == "prep" and c.lower_ == "as")), None)
        if obj is not None and pred is not None:
            return (*_object_and_rest(obj, children), False)
        if obj is not None and obj.right_edge.i > obj.i and any(
                t.dep_ in ("appos", "oprd") or t.dep_ == "prep" and t.lower_ == "as" for t in obj.subtree if t.i > obj.i):
            s, e = _subtree_span(obj)  # the parse hung the predicate on the object
            return s, e, False
    if "obj" in cue.frames:
        obj = next((c for c in children if c.dep_ == "dobj" and c.i > verb.i), None)
        if obj is not None and not _is_person_like(ctx, obj) and ctx.lex.nouns.get(obj.lemma_.lower()) not in PEOPLE_CLASSES | {"media"}:
            s, e = _object_and_rest(obj, children)
            return _skip_complementizer(ctx, s), e, False
        if any(c.dep_ == "nsubjpass" for c in children) and any(c.dep_ == "agent" for c in children):
            subj = next(c for c in children if c.dep_ == "nsubjpass")
            if subj.lower_ not in ("it", "this", "that", "which", "who"):
                s, e = _subtree_span(subj)
                return s, e, False
    for c in children:
        if c.dep_ in ("advcl", "parataxis", "ccomp") and c.i < verb.i and c.pos_ in ("VERB", "AUX"):
            if any(g.dep_ == "mark" and g.lower_ in SUBORDINATORS for g in c.children):
                continue
            if _comma_between(ctx.doc, c, verb) and not _has_right_complement(verb):
                s, e = _subtree_span(c)
                return s, e, True
    return None


def _object_and_rest(obj: Token, children: list[Token]) -> tuple[int, int]:
    """The object and what follows it in the clause, up to a coordination or a punctuation mark."""
    s, e = _subtree_span(obj)
    for c in sorted(children, key=lambda t: t.i):
        if c.i <= obj.i:
            continue
        if c.dep_ in ("cc", "conj") or (c.dep_ == "punct" and c.text != "-"):
            break
        e = max(e, _subtree_span(c)[1])
    return s, e


def _stray_that_clause(verb: Token) -> Token | None:
    """"warned Afghans from the very beginning that it may ...": a that-clause the parse hung on a
    noun after the verb instead of on the verb. Only when the verb has no clause of its own."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return None
    for t in verb.subtree:
        if t.i <= verb.i or t.lower_ != "that" or t.dep_ != "mark" or t.i - verb.i > 12:
            continue
        clause = t.head
        if clause.dep_ in ("acl", "advcl", "ccomp") and clause.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if clause.head.lemma_.lower() in ("fact", "idea", "notion", "way", "time", "moment", "extent"):
                return None
            if any(a.dep_ == "relcl" for a in [clause]):
                return None
            return clause
        return None
    return None


def _has_right_complement(verb: Token, ctx: Context | None = None) -> bool:
    """A clause or an object after the verb; an object that names a speaker ("reported the news
    agency IA Fergana") stands for an inverted subject, not content."""
    for c in verb.children:
        if c.i <= verb.i:
            continue
        if c.dep_ in ("ccomp", "xcomp"):
            return True
        if c.dep_ == "dobj":
            if ctx is not None and (ctx.mention_at(c) is not None or c.pos_ == "PROPN" or c.lower_ in ("he", "she", "they")
                                    or ctx.lex.nouns.get(c.lemma_.lower()) in PEOPLE_CLASSES | {"media", "institution"}):
                continue
            return True
    return False


def _content_before(ctx: Context, verb: Token) -> tuple[int, int, bool] | None:
    """"..., reported the publication X", "The solution ..., says Tolipov, lies in ...": a cue with
    no subject of its own before it, hanging off the clause it reports."""
    head = verb.head
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.dep_ == "parataxis" or (verb.dep_ in ("conj", "advcl", "ccomp") and head.i < verb.i):
        if not _comma_between(ctx.doc, head, verb) or _has_right_complement(verb, ctx) and verb.dep_ != "parataxis":
            return None
        if verb.dep_ == "parataxis" and head.left_edge.i < verb.i < head.i:
            s, e = _subtree_span(head)  # the cue splits its content
        else:
            s, e = _subtree_span(head, exclude={t.i for t in verb.subtree})
        return s, e, True
    return None


def _skip_complementizer(ctx: Context, start: int) -> int:
    m = re.match(r"(?:that|whether)\s+", ctx.text[start : start + 10])
    return start + m.end() if m else start


def _own_subject_before(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children)


def _comma_between(doc: Doc, a: Token, b: Token) -> bool:
    return any(t.text in (",", "\u2014", "\u2013", "-") for t in doc[min(a.i, b.i) : max(a.i, b.i)])


def _clause_span(ctx: Context, clause: Token, verb: Token) -> tuple[int, int]:
    """A content clause without its complementizer ("that") and without the cue's own words."""
    if clause.i < verb.i:  # content before its cue: the part of the clause that leaves out the cue's words
        s, e = _subtree_span(clause, exclude={t.i for t in verb.subtree} - {t.i for t in clause.subtree})
    else:
        s, e = _subtree_span(clause)
    doc = ctx.doc
    first = clause.left_edge
    if first.lower_ in COMPLEMENTIZERS and first.pos_ in ("SCONJ", "ADP") and first.i + 1 < len(doc):
        s = max(s, doc[first.i + 1].idx)
    return _skip_complementizer(ctx, s), e


def _is_person_like(ctx: Context, tok: Token) -> bool:
    n = ctx.mention_at(tok)
    if n is not None and (n in ctx.person_keys):
        return True
    return tok.lower_ in ("him", "her", "them", "me", "us", "reporters", "journalists")


def _quoted_as_saying(ctx: Context, verb: Token) -> Claim | None:
    """"Russian media quoted a source at the General Staff as saying that ...", "X was quoted as
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
    reporter, how = _subject(verb)
    if how == "passive":
        obj, reporter = reporter, None
    elif how == "agent":
        obj, reporter = next((c for c in verb.children if c.dep_ == "nsubjpass"), None), reporter
    cue_words, cs, ce = _cue_text(verb, [t for t in (said.head if said.head.lower_ == "as" else None, said) if t is not None])
    claim = Claim("indirect", cue_words, s, e, cs, ce, speaker=obj, reporter=reporter, in_quote=ctx.in_quote(verb.idx))
    if obj is None:
        claim.unnamed = True
    return claim


def sourcing(ctx: Context) -> Iterator[Claim]:
    """"according to X", "in X's view", "from a Russian perspective", "in the words of X"."""
    doc = ctx.doc
    # such a phrase opens with "according" or with a preposition whose object is a view noun
    found = ctx.words.tokens({"according"} | ctx.lex.view_nouns)
    for i in sorted({j for i in found for j in (i, doc[i].head.i)}):
        tok = doc[i]
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            to = doc[tok.i + 1]
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None:
                source = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if source is None:
                continue
            claim = _sourced(ctx, tok, source, "according to", tok.idx, to.idx + len(to.text), {t.i for t in tok.subtree} | {t.i for t in to.subtree})
            if claim is not None:
                yield claim
        elif tok.lower_ in VIEW_PREPS and tok.dep_ == "prep":
            noun = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if noun is None or ctx.lex.nouns.get(noun.lemma_.lower()) != "view":
                continue
            owner = _owner(noun)
            if owner is None:
                continue
            if tok.lower_ == "to" and noun.lemma_.lower() != "mind":
                continue
            phrase = {t.i for t in tok.subtree}
            s, e = _tokens_span(list(tok.subtree))
            claim = _sourced(ctx, tok, owner, ctx.text[s:e], s, e, phrase)
            if claim is not None:
                yield claim


def _sourced(ctx: Context, tok: Token, source: Token, cue: str, cs: int, ce: int, phrase: set[int]) -> Claim | None:
    doc = ctx.doc
    sent = tok.sent
    head = tok.head
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    if head.i in phrase:
        head = sent.root
    # the clause the phrase qualifies, without the phrase
    lo, hi = head.left_edge.i, head.right_edge.i
    lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    p_lo, p_hi = min(phrase), max(phrase)
    if p_lo <= lo:
        lo = p_hi + 1
    elif p_hi >= hi:
        hi = p_lo - 1
    if lo > hi:
        return None
    s, e = _trim(ctx, doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    if e - s < 3:
        return None
    claim = Claim("according_to", cue, s, e, cs, ce, speaker=source, in_quote=ctx.in_quote(cs))
    return claim


def appositive_roles(ctx: Context) -> Iterator[tuple[int, list[int], str, int, int]]:
    """(person mention, organisation mentions, role text, start, end) for roles stated beside a
    name: "X, head of Y" (apposition after), "the director of Y, X" (before), "Y expert X",
    "Deputy Minister of Foreign Affairs of Russia X" (title before the name)."""
    doc = ctx.doc
    seen: set[tuple[int, int]] = set()
    for n in sorted(ctx.person_keys):
        m = ctx.mentions[n]
        if ctx.mentions[n].label not in PERSON_LABELS:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        roles: list[Token] = []
        # apposition after the name, or the name as apposition of a role noun
        for c in head.children:
            if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN") and c.i > head.i and _role_like(ctx, c):
                roles.append(c)
        if roles:
            # "X, Russian presidential envoy to Afghanistan, and the director of ...": a second role
            for c in head.children:
                if c.dep_ == "conj" and c.i > roles[0].i and _role_like(ctx, c) and ctx.mention_at(c) is None:
                    roles.append(c)
        if head.dep_ == "appos" and head.head.i < head.i:
            holder = head.head
            if not _role_like(ctx, holder) and holder.dep_ == "pobj" and holder.head.head.i < holder.i:
                holder = holder.head.head  # "the director of the Service, X": the parse hung X on "Service"
            if _role_like(ctx, holder):
                roles.append(holder)
        for role in roles:
            role_tokens = _role_phrase(ctx, role, span)
            yield from _role_record(ctx, n, role, role_tokens, span, seen)
        # a title before the name ("PIR Center expert X", "Deputy Minister of ... X")
        left = [t for t in doc[head.left_edge.i : span.start]]
        while left and (left[0].dep_ in ("det", "punct") or left[0].pos_ in ("ADP", "PUNCT")):
            left = left[1:]
        if left and not any(t.text in (",", "(", ")") for t in left):
            role_heads = [t for t in left if _role_like(ctx, t)]
            if role_heads:
                yield from _role_record(ctx, n, role_heads[-1], left, span, seen)


def _role_phrase(ctx: Context, role: Token, name: Span) -> list[Token]:
    """The words of a role phrase: the role noun's subtree without clauses, coordinated phrases or
    other people, and never reaching into the name."""
    skip: set[int] = set(range(name.start, name.end))
    for c in role.children:
        if c.dep_ in ("relcl", "acl", "advcl", "conj", "cc", "appos", "punct") and c.i > role.i:
            skip |= {t.i for t in c.subtree}
    for t in role.subtree:
        n = ctx.mention_at(t)
        if n is not None and n in ctx.person_keys:
            skip.add(t.i)
    lo = hi = role.i
    while lo - 1 >= role.left_edge.i and lo - 1 not in skip:
        lo -= 1
    while hi + 1 <= role.right_edge.i and hi + 1 not in skip:
        hi += 1
    doc = role.doc
    if hi + 1 < len(doc) and doc[hi + 1].text == ")" and any(t.text == "(" for t in doc[lo : hi + 1]):
        hi += 1
    return list(doc[lo : hi + 1])


def _role_like(ctx: Context, tok: Token) -> bool:
    return ctx.lex.nouns.get(tok.lemma_.lower()) in PEOPLE_CLASSES or ctx.lex.nouns.get(tok.lower_) in PEOPLE_CLASSES


def _role_record(ctx: Context, person: int, role: Token, role_tokens: list[Token], name: Span, seen: set):
    if not role_tokens:
        return
    key = ctx.person_keys.get(person)
    role_tokens = sorted(role_tokens, key=lambda t: t.i)
    while role_tokens and (role_tokens[-1].is_punct or role_tokens[-1].is_space):
        role_tokens.pop()
    while role_tokens and (role_tokens[0].is_punct or role_tokens[0].dep_ == "det"):
        role_tokens.pop(0)
    if not role_tokens:
        return
    if key:
        ctx.roles.setdefault(key, set()).update(
            w for t in role_tokens if _role_like(ctx, t) for w in (t.lemma_.lower(), t.lower_))
        for t in role_tokens:
            g = ctx.lex.noun_gender.get(t.lemma_.lower())
            if g and _role_like(ctx, t) and key not in ctx.genders:
                ctx.genders[key] = g
    orgs = _role_orgs(ctx, role, role_tokens)
    s, e = _tokens_span(role_tokens)
    text = ctx.text[s:e]
    lo = min(s, name.start_char)
    hi = max(e, name.end_char)
    for org in orgs:
        if (person, org) in seen:
            continue
        seen.add((person, org))
        yield person, org, text, lo, hi


def _role_orgs(ctx: Context, role: Token, role_tokens: list[Token]) -> list[int]:
    """Organisations and countries a role belongs to: its possessor and modifiers ("Russia's
    ambassador", "Uzbek political scientist", "PIR Center expert") and what follows "of", "at",
    "under" ("head of the 5th FSB service ... under the Library of ..."), not "to" or "in" ("envoy
    to Afghanistan", "ambassador in Tajikistan")."""
    allowed = {t.i for t in role_tokens}
    out: list[int] = []

    def add(tok: Token) -> None:
        n = ctx.mention_at(tok)
        if n is None or tok.i not in allowed:
            return
        doc = tok.doc
        if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "-" and doc[tok.i + 2].tag_ == "VBN":
            return  # "US-trained", "Moscow-backed": who trained or backs, not whom he works for
        m = ctx.mentions[n]
        if m.label in PERSON_LABELS or m.label in PLACE_LABELS or n in ctx.person_keys:
            return
        if m.label not in SPEAKER_LABELS:
            return
        if n not in out:
            out.append(n)

    def walk(tok: Token, depth: int) -> None:
        if depth > 4:
            return
        add(tok)
        for c in tok.children:
            if c.dep_ in ("poss", "compound", "amod", "nmod"):
                for g in c.subtree:
                    add(g)
            elif c.dep_ == "prep" and c.lower_ in ROLE_PREPS - {"for"} | ({"for"} if depth == 0 else set()):
                if c.lower_ == "for" and depth == 0:
                    continue
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    walk(pobj, depth + 1)

    candidates = [role] + [t for t in role_tokens if t.head.i not in allowed and t.i != role.i]
    for tok in candidates:
        walk(tok, 0)
    return out


# --- speaker resolution --------------------------------------------------------------------------


@dataclass
class Resolved:
    mention: int | None
    how: str  # name | pronoun | nominal | none
    reporter: int | None = None
    drop: bool = False


def _resolve_phrase(ctx: Context, tok: Token, claim: Claim, history: list[tuple[int, int]], depth: int = 0) -> Resolved:
    """Who a speaker phrase names."""
    lex = ctx.lex
    if depth > 3:
        return Resolved(None, "none")
    n = ctx.mention_at(tok)
    lower = tok.lower_
    lemma = tok.lemma_.lower()
    if n is not None:
        m = ctx.mentions[n]
        if m.label in PLACE_LABELS and m.kind not in ("capital", "demonym"):
            return Resolved(None, "none")
        if m.kind == "demonym" and tok.pos_ == "ADJ":
            pass  # "Uzbekistani intelligence": handled as an institution below when it is a modifier
        elif m.kind == "demonym" and tok.pos_ in ("NOUN", "PROPN") and tok.tag_ in ("NNS", "NNPS"):
            return Resolved(None, "nominal")  # "Russians believe": unnamed people
        elif m.kind == "demonym" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return _resolve_description(ctx, tok, claim, history)  # "the Spaniard said"
        else:
            return Resolved(_as_person(ctx, n), "name")
    if tok.pos_ == "PROPN":
        # a name the mention stage missed: a surname of a person the text named, or a name beside it
        key = _surname_key(ctx, tok.lower_)
        if key is not None:
            full = _full_person(ctx, key, tok.idx)
            if full is not None:
                return Resolved(full, "name")
        near = _mention_beside(ctx, tok)
        if near is not None:
            return Resolved(_as_person(ctx, near), "name")
    if tok.pos_ == "PRON" or lower in MALE_PRONOUNS | FEMALE_PRONOUNS | FIRST_PLURAL | FIRST_SINGULAR | PLURAL_PRONOUNS:
        return _resolve_pronoun(ctx, tok, claim, history)
    cls = noun_class(lex, tok)
    if cls == "media":
        inner = _mention_in_phrase(ctx, tok)
        if inner is not None:
            return Resolved(inner, "name", reporter=inner)  # "reported the news agency IA Fergana"
        return Resolved(None, "nominal")
    # apposition or compound name: "the director of X, Omar Nessar", "expert Vadim Kozyulin"
    for c in tok.children:
        if c.dep_ in ("appos", "compound", "nmod") and ctx.mention_at(c) is not None:
            cm = ctx.mention_at(c)
            if cm in ctx.person_keys or ctx.mentions[cm].label in SPEAKER_LABELS - {"NORP"}:
                if c.dep_ == "appos" or (cm in ctx.person_keys):
                    return Resolved(cm, "name")
    for c in tok.children:
        if c.dep_ == "appos":
            for g in c.subtree:
                gm = ctx.mention_at(g)
                if gm is not None and gm in ctx.person_keys:
                    return Resolved(gm, "name")
    if cls == "document":
        owner = _owner(tok)
        if owner is not None:
            return _resolve_phrase(ctx, owner, claim, history, depth + 1)
        return Resolved(None, "nominal")
    if cls == "institution":
        inner = _mention_in_phrase(ctx, tok)
        if inner is None:
            for c in tok.children:
                if c.dep_ in ("amod", "poss", "compound", "nmod"):
                    inner = ctx.mention_at(c)
                    if inner is not None:
                        break
        if inner is not None and inner not in ctx.person_keys:
            return Resolved(inner, "nominal")
        return Resolved(None, "nominal")
    if lemma in SPOKESPEOPLE or cls in PEOPLE_CLASSES and _speaks_for(ctx, tok) is not None:
        org = _speaks_for(ctx, tok)  # "a spokesman for BAA", "a Foreign Ministry spokeswoman"
        if org is not None and lemma in SPOKESPEOPLE:
            return Resolved(org, "nominal")
    if cls in PEOPLE_CLASSES or AGE_NOUN.match(lower):
        named = _name_closing_phrase(ctx, tok)
        if named is not None:
            return Resolved(named, "name")  # "the head of the Main Directorate ... Oleg Ilinykh said"
        if tok.tag_ in ("NNS", "NNPS") or _indefinite(tok):
            return Resolved(None, "nominal")  # "experts", "a source at the General Staff"
        if cls == PERSON_NOUN:
            return Resolved(None, "nominal")  # "the man", "the source": someone the text does not name
        return _resolve_description(ctx, tok, claim, history)
    if tok.pos_ == "PROPN":
        return Resolved(None, "name")
    if tok.tag_ in ("NNS", "NNPS") and any(c.dep_ == "amod" for c in tok.children) and lemma not in lex.nouns:
        return Resolved(None, "none", drop=True)
    return Resolved(None, "none", drop=True)  # an event or a thing: not a speaker


def _name_closing_phrase(ctx: Context, tok: Token) -> int | None:
    """A person named at the very end of a role phrase ("the head of the X of the Y Oleg Ilinykh"),
    however the parse attached the name."""
    end = tok.right_edge
    while end.i > tok.i and (end.is_punct or end.is_space):
        end = end.doc[end.i - 1]
    n = ctx.mention_at(end)
    if n is not None and n in ctx.person_keys and ctx.mentions[n].label in PERSON_LABELS and end.i > tok.i:
        return n
    return None


def _speaks_for(ctx: Context, tok: Token) -> int | None:
    """The organisation a spokesperson speaks for: "for X", "of X", "at X", or "X spokesman"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "from"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            n = _mention_in_phrase(ctx, obj) if obj is not None else None
            if n is not None and n not in ctx.person_keys and ctx.mentions[n].label not in PLACE_LABELS:
                return n
    for c in tok.children:
        if c.dep_ in ("compound", "nmod", "poss", "amod") and c.i < tok.i:
            n = ctx.mention_at(c)
            if n is not None and n not in ctx.person_keys and ctx.mentions[n].label in SPEAKER_LABELS:
                return n
    return None


def _surname_key(ctx: Context, word: str) -> str | None:
    return word if word in ctx.named else None


def _full_person(ctx: Context, key: str, before: int) -> int | None:
    """The fullest person mention of a surname: the longest name, the nearest before ``before``."""
    same = ctx.named.get(key)
    if not same:
        return None
    earlier = [n for n in same if ctx.mentions[n].start < before] or same
    return max(earlier, key=lambda n: (len(ctx.mentions[n].name.split()), ctx.mentions[n].start if ctx.mentions[n].start < before else -ctx.mentions[n].start))


def _as_person(ctx: Context, n: int) -> int:
    """A surname that spaCy took for an organisation ("Kabulov's words") stands for the person the
    text named in full."""
    m = ctx.mentions[n]
    key = ctx.person_keys.get(n)
    if key is None or m.label in PERSON_LABELS and len(m.name.split()) > 1:
        return n
    full = _full_person(ctx, key, m.start)
    return n if full is None else full


def _mention_beside(ctx: Context, tok: Token) -> int | None:
    """A named actor right beside an unrecognised name heading a subject ("SouthFront: Analysis &
    Intelligence already pointed out")."""
    doc = ctx.doc
    lo = max(tok.left_edge.i - 3, tok.sent.start)
    for t in list(doc[lo : tok.right_edge.i + 1]):
        n = ctx.mention_at(t)
        if n is None or abs(t.i - tok.i) > 3:
            continue
        m = ctx.mentions[n]
        if m.label in SPEAKER_LABELS and m.label not in ("NORP",) and m.kind != "demonym":
            return n
    return None


def noun_class(lex: Lexicon, tok: Token) -> str | None:
    """The class of a speaker noun, two-word names first ("news agency", "political scientist")."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            cls = lex.nouns.get(f"{c.lower_} {tok.lemma_.lower()}") or lex.nouns.get(f"{c.lower_} {tok.lower_}")
            if cls:
                return cls
    return lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)


def _indefinite(tok: Token) -> bool:
    det = next((c for c in tok.children if c.dep_ in ("det", "nummod", "amod") and c.lower_ in INDEFINITE_DETS), None)
    if det is not None:
        return True
    has_det = any(c.dep_ in ("det", "poss") for c in tok.children)
    return not has_det and tok.tag_ in ("NN",) and tok.i > 0 and tok.doc[tok.i - 1].lower_ not in ("the",) and not tok.is_title


def _gender_of(ctx: Context, n: int) -> str | None:
    key = ctx.person_keys.get(n)
    m = ctx.mentions[n]
    return m.gender or (ctx.genders.get(key) if key else None)


def _person_candidates(ctx: Context, before: int, history: list[tuple[int, int]]) -> Iterator[tuple[int, int, str]]:
    """(position, mention, source) of people named before ``before``, most recent first (a speaker
    before a mention at the same place): mentions outside quoted words, and earlier statements'
    speakers at their cue. Made as they are asked for: a caller looks back only as far as it needs."""

    def mentions() -> Iterator[tuple[int, int, str]]:
        for k in reversed(range(bisect_right(ctx.people_starts, before))):
            n = ctx.people[k]
            m = ctx.mentions[n]
            if m.end <= before and not ctx.in_quote(m.start) and _anchored(ctx, n):
                yield m.start, n, "mention"

    earlier = sorted((h for h in history if h[0] < before), key=lambda h: -h[0])
    speakers = ((pos, n, "speaker") for pos, n in earlier if n in ctx.person_keys and _anchored(ctx, n))
    return heapq.merge(speakers, mentions(), key=lambda c: -c[0])


def _anchored(ctx: Context, n: int) -> bool:
    """A person the text introduces: a full name, the surname of one, or a name with a title.
    A lone word that spaCy called a person ("Labour", "Oscar") is no antecedent."""
    m = ctx.mentions[n]
    key = ctx.person_keys.get(n)
    return len(m.name.split()) > 1 or key in ctx.anchored or bool(m.role or m.gender) or key in ctx.genders or key in ctx.roles


def _resolve_pronoun(ctx: Context, tok: Token, claim: Claim, history: list[tuple[int, int]]) -> Resolved:
    lower = tok.lower_
    if lower in FIRST_SINGULAR | FIRST_PLURAL:
        # outside quotes, the writer: "According to our information", "We noted"
        if claim.in_quote:
            return Resolved(None, "pronoun", drop=True)
        order = (ctx.outlet, ctx.author) if lower in FIRST_PLURAL else (ctx.author, ctx.outlet)
        for n in order:
            if n is not None:
                return Resolved(n, "pronoun")
        return Resolved(None, "pronoun", drop=True)  # a writer the metadata does not name
    # an editor's gloss in brackets: "They [Afghan government] said"
    bracket = _bracketed_mention(ctx, tok)
    if bracket is not None:
        return Resolved(bracket, "pronoun")
    if lower in PLURAL_PRONOUNS or lower in ("it", "its"):
        n = _nonperson_antecedent(ctx, claim, history)
        if n is None:
            return Resolved(None, "pronoun", drop=True)
        return Resolved(n, "pronoun")
    if lower not in MALE_PRONOUNS | FEMALE_PRONOUNS:
        return Resolved(None, "pronoun", drop=True)
    if claim.in_quote:
        return Resolved(None, "pronoun", drop=True)
    want = "m" if lower in MALE_PRONOUNS else "f"
    before = min(claim.start, claim.cue_start)
    n = _salient_person(ctx, before, history, lambda k: (g := _gender_of(ctx, k)) is None or g == want)
    if n is None:
        return Resolved(None, "pronoun")
    key = ctx.person_keys.get(n)
    if key and key not in ctx.genders:
        ctx.genders[key] = want  # what the pronoun tells about the person, for later pronouns
    return Resolved(n, "pronoun")


def _salient_person(ctx: Context, before: int, history, fits) -> int | None:
    """The person a pronoun points to: among the people of the nearest sentence (or earlier
    statement) that names one who fits, the speaker of an earlier statement first, then a subject,
    then anyone but a possessor; no further back than three paragraphs."""
    limit = ctx.paragraph_of(before) - 3
    same: list[tuple[int, int, str]] = []  # the people who fit, back to the start of the nearest one's sentence
    sent_start = None
    for c in _person_candidates(ctx, before, history):
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
        pos, n, src = c
        tok = _token_of_mention(ctx, n)
        dep = tok.dep_ if tok is not None else ""
        head = tok.head if tok is not None else None
        subject = dep in SUBJECT_DEPS or (dep == "appos" and head is not None and head.dep_ in SUBJECT_DEPS)
        return (src != "speaker", not subject, dep == "poss", -pos)

    return min(same, key=rank)[1]


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
        if n in ctx.person_keys:
            return None  # the last speaker was a person: "they" is someone else
        m = ctx.mentions[n]
        if m.label in SPEAKER_LABELS and m.label not in PERSON_LABELS:
            return n
    return None


def _resolve_description(ctx: Context, tok: Token, claim: Claim, history) -> Resolved:
    """"the expert", "the deputy minister", "the head of X": the most recent person before the
    claim whose known role fits the description; a person whose roles are unknown may stand in."""
    lemma = tok.lemma_.lower()
    cls = ctx.lex.nouns.get(lemma)
    words = {lemma, tok.lower_} | {c.lower_ for c in tok.children if c.dep_ in ("compound", "amod")}
    gender = ctx.lex.noun_gender.get(lemma)
    before = min(claim.start, claim.cue_start)

    def fits(n: int) -> bool:
        g = _gender_of(ctx, n)
        if gender and g and g != gender:
            return False
        roles = ctx.roles.get(ctx.person_keys.get(n, ""), set())
        if not roles:
            return True
        if roles & words:
            return True
        role_classes = {ctx.lex.nouns.get(r) for r in roles} - {None}
        return cls in role_classes

    limit = ctx.paragraph_of(before) - 4
    nearest = known = None  # the nearest person who fits, and the nearest who fits by a known role
    for c in _person_candidates(ctx, before, history):
        # the nearest no further back than the limit, one of known role in the nearest's paragraph or the one before
        reach = limit if nearest is None else ctx.paragraph_of(nearest[0]) - 1
        if ctx.paragraph_of(c[0]) < reach:
            break
        if not fits(c[1]):
            continue
        nearest = nearest or c
        if ctx.roles.get(ctx.person_keys.get(c[1], "")):
            known = c
            break
    best = known or nearest  # a person said to be an expert beats a nearer one of unknown role
    if best is None or ctx.paragraph_of(best[0]) < limit:
        return Resolved(None, "nominal")
    n = best[1]
    key = ctx.person_keys.get(n)
    if key and cls in PEOPLE_CLASSES:
        ctx.roles.setdefault(key, set()).add(lemma)
    return Resolved(n, "nominal")


def _resolve(ctx: Context, claim: Claim, history: list[tuple[int, int]]) -> Resolved:
    if claim.unnamed or (claim.speaker is None and not claim.speaker_tokens):
        res = Resolved(None, "none")
    elif claim.speaker is not None:
        res = _resolve_phrase(ctx, claim.speaker, claim, history)
    else:
        head = _phrase_head(claim.speaker_tokens or [])
        res = _resolve_phrase(ctx, head, claim, history) if head is not None else Resolved(None, "none")
    if claim.reporter is not None:
        rep = ctx.mention_at(claim.reporter)
        if rep is None:
            inner = _resolve_phrase(ctx, claim.reporter, claim, history)
            rep = inner.mention if not inner.drop else None
        if rep is not None and rep not in ctx.person_keys:
            res.reporter = rep
    return res


# --- the stage -----------------------------------------------------------------------------------


def extract_statements(document: Document, doc: Doc, mentions: list[Mention]) -> tuple[list[Statement], list[Affiliation]]:
    """Statements and stated affiliations of one document.

    ``mentions`` are the document's mentions (``graph.mentions``); speakers and outlets of the
    statements, and both ends of the affiliations, are indexes into it.

    >>> statements, affiliations = extract_statements(document, doc, mentions)  # doctest: +SKIP
    >>> statements[0].kind, statements[0].cue, mentions[statements[0].speaker_mention].name  # doctest: +SKIP
    ('direct', 'says', 'Mansur')
    """
    ctx = _build_context(document, doc, mentions)
    affiliations = [
        Affiliation(document.id, person, org, role, start, end)
        for person, org, role, start, end in appositive_roles(ctx)
    ]
    direct = list(direct_quotations(ctx))
    ctx.direct_cues = [(c.cue_start, c.cue_end) for c in direct]
    claims = direct + list(reported_speech(ctx)) + list(sourcing(ctx))
    kept = _deduplicate(ctx, claims)
    statements: list[Statement] = []
    history: list[tuple[int, int]] = []  # (cue offset, speaker mention) of the statements so far
    for claim, start, end in sorted(kept, key=lambda x: (min(x[0].cue_start, x[1]), x[1])):
        res = _resolve(ctx, claim, history)
        if res.drop:
            continue
        if claim.in_quote and claim.kind != "direct" and not (res.how == "name" or res.how == "pronoun" and res.mention is not None):
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
                speaker_resolution=res.how if res.mention is not None else "none",
                cue_start=claim.cue_start,
                cue_end=claim.cue_end,
            )
        )
    statements.sort(key=lambda st: (st.start, st.end))
    return statements, affiliations


def _deduplicate(ctx: Context, claims: list[Claim]) -> list[tuple[Claim, int, int]]:
    """One statement per attributed span: a direct quote wins over another reading of the same
    words, and reported speech whose words all sit inside an accepted quote is that quote's."""
    kept: list[tuple[Claim, int, int]] = []
    starts: set[int] = set()
    for claim in sorted(claims, key=lambda c: (-c.priority, c.start)):
        start, end = _trim(ctx, claim.start, claim.end)
        if end <= start or any(s in starts for s in range(start - 2, start + 3)):
            continue  # empty, or a statement kept already starts within two characters
        if claim.priority == 0 and not claim.in_quote and ctx.within_accepted_quote(start, end):
            continue
        starts.add(start)
        kept.append((claim, start, end))
    return kept
