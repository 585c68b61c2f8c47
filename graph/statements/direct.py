from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from spacy.tokens import Token

from ..records import NounClass, StatementKind
from .context import Claim, Context, given_name_genders, title_abbreviations
from .cues import Cue, cue_text, noun_class
from .quotes import CLOSERS, OPENERS, Quote, Spans, paragraph_spans
from .speakers import quote_speaker, speaking_subject
from .syntax import token_at, trim
from .words import COUNTRY_LABELS, DASHES, HONORIFICS, LINE_LABELS, PEOPLE_CLASSES, PERSON_LABELS, PLACE_LABELS, SALUTATIONS, SENTENCE_END


def direct_quotations(ctx: Context) -> Iterator[Claim]:
    """Quoted words with their cue: ``"...," X said``, ``X said: "..."``, ``"...," said X, "..."``,
    ``"...," X said. "..."`` (the quote resumes), and a cue in the paragraph before ("he said"
    alone on its line)."""
    previous: Claim | None = None
    found: list[Claim] = []  # kept until the end: a later quote may extend an earlier claim
    for q in ctx.quotes:
        ends = _standing_quote(ctx, q)
        if ends is None:
            continue
        first, last = ends
        para = ctx.paragraph_of(q.start)
        if _colon_before(ctx, q):
            cue = _cue_before(ctx, q, first) or _cue_after(ctx, q, last)  # 'X said: "..."'
        else:
            cue = _cue_after(ctx, q, last) or _cue_before(ctx, q, first)
        if cue is not None:
            verb, speaker, reporter, extra = cue
            if previous is not None and previous.cue_start == verb.idx and ctx.paragraph_of(previous.start) == para:
                previous.end = max(previous.end, q.end)  # '"...," said X, "..."'
                continue
            cue_words, cs, ce = cue_text(verb, extra)
            previous = Claim(StatementKind.DIRECT, cue_words, q.start, q.end, cs, ce, speaker=speaker if isinstance(speaker, Token) else None,
                             speaker_tokens=speaker if isinstance(speaker, list) else None, reporter=reporter, priority=2)
            previous.unnamed = speaker is None
            found.append(previous)
        elif (named := _name_before_colon(ctx, q)) is not None:
            colon = named.nbor(1)  # 'pollster Ann Lee: "..."', 'From the report: "..."': the name or document is the cue
            previous = Claim(StatementKind.DIRECT, ":", q.start, q.end, colon.idx, colon.idx + 1, speaker=named, priority=2,
                             named_only=noun_class(ctx.lex, named) != NounClass.DOCUMENT)
            found.append(previous)
        elif (signed := _signature(ctx, q, last)) is not None:
            dash, name = signed  # '"..." \u2015 Ines Varrow': a quote signed with a name
            dash_end = dash.idx + len(dash.text)  # the dash may be glued to the closing mark: its last character
            previous = Claim(StatementKind.DIRECT, ctx.text[dash_end - 1:dash_end], q.start, q.end, dash_end - 1, dash_end,
                             speaker=name, priority=2, named_only=True)
            found.append(previous)
        elif previous is not None and ctx.paragraph_of(previous.start) == para and _has_words(ctx, first, last) \
                and _only_cue_between(ctx, previous, q):
            previous.end = max(previous.end, q.end)  # the quote resumes after the cue
    yield from found


def labelled_lines(ctx: Context) -> Iterator[Claim]:
    """A paragraph that opens with a name and a colon: a transcript's "LUND: Well, look, ..." or a
    headline's "Lund: Ferry won't sail on Sunday". Kept only when the label names someone."""
    doc = ctx.doc
    paragraphs = paragraph_spans(ctx.text)
    yield from _question_and_answer_lines(ctx, paragraphs)
    if paragraphs:
        yield from _headline_to_or_on(ctx, paragraphs[0])
    for k, (lo, hi) in enumerate(paragraphs):
        first = token_at(doc, ctx.starts, lo)
        if first is None:
            continue
        label: list[Token] = []
        for t in doc[first.i : first.i + 6]:
            if t.text == ":":
                break
            if t.is_quote or t.is_punct and t.text not in (".", "-", "'"):
                label = []
                if t.i > first.i:
                    break
                continue
            label.append(t)
        else:
            continue
        colon = doc[first.i + (label[-1].i - first.i + 1 if label else 0)] if label else None
        # a name in a headline's capitals is often tagged a noun or a verb ("Lee: ..."): there a
        # capitalised word will do
        headline = k == 0
        # a transcript's label is often a surname alone, which the tagger reads as a noun or an
        # adjective ("Serrano: Right, ..."): it will do when the document names that person in full
        person = 0 < len(label) <= 2 and label[-1].text[:1].isupper() and label[-1].lower_ in ctx.people.named
        if colon is None or colon.text != ":" or not any(t.pos_ == "PROPN" or (headline or person) and t.text[:1].isupper() and t.is_alpha for t in label) \
                or any(t.pos_ in ("AUX", "ADP") or t.pos_ in ("PRON", "VERB") and not (headline or person) for t in label):
            continue
        n = ctx.mention_at(label[-1])
        if n is not None and ctx.mentions[n].label in PLACE_LABELS | COUNTRY_LABELS:
            continue  # a dateline: "WASHINGTON: ..."
        if not _one_name(ctx, label, n):
            continue  # a heading run into its paragraph ("Budget Cuts Threaten Rural Clinics: ..."): a clause, no one's label
        if label[0].lower_ in SALUTATIONS:
            continue  # a letter's "Dear Oskar:": whom the words are for, not who says them
        if label[-1].lower_ in LINE_LABELS:
            continue  # "Editor's note: ...", "Related: ...": a part of the page, no one's words
        line_end = ctx.text.find("\n", colon.idx, hi)  # a label speaks for its line
        start, end = trim(ctx, colon.idx + 1, hi if line_end < 0 else line_end)
        start += len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip("\"\u201c\u201d\u2018\u2019 '"))
        if len(ctx.text[start:end].split()) < 3:
            continue
        if ctx.text[start].islower() and not any(t.pos_ in ("VERB", "AUX") for t in doc[colon.i + 1 : colon.i + 40] if t.idx < end):
            continue  # "Port Vale: green hills and a harbour": a list's entry that describes the label, no one's words
        # "Poll: ...", "Insiders: ...": a source the lexicon knows speaks though it names no one
        known = noun_class(ctx.lex, label[-1]) in PEOPLE_CLASSES | {NounClass.DOCUMENT, NounClass.MEDIA}
        yield Claim(StatementKind.DIRECT, ":", start, end, colon.idx, colon.idx + 1, speaker=label[-1],
                    priority=1, named_only=not known)


def _one_name(ctx: Context, label: list[Token], n: int | None) -> bool:
    """Whether a line's label names one person or body, as a transcript's does ("Sen. Ann Lee",
    "Acme News host Ann Lee", "LUND"), rather than saying something of someone, as a heading does
    ("Ann Lee Endorses Bo Reed", "Budget Cuts Threaten Rural Clinics"). Before the name that ends
    it (``n``, its mention, if any) stand only titles, role nouns, given names, lower-case words and
    a body that owns the role; never another person, and in a label of three words or more no
    capitalised word that is none of these."""
    start = ctx.mentions[n].start if n is not None else label[-1].idx
    titles = title_abbreviations()
    for t in label:
        if t.idx >= start or not t.is_alpha or t.is_lower:
            continue
        owner = ctx.mention_at(t)
        if owner is not None:
            if ctx.mentions[owner].label in PERSON_LABELS or owner in ctx.people.keys:
                return False  # two people in one line's opening: one does something to the other
            continue
        word = t.lower_
        if word in titles or word + "." in titles or word in HONORIFICS or word in given_name_genders() \
                or noun_class(ctx.lex, t) in PEOPLE_CLASSES:
            continue
        if len(label) >= 3:
            return False
    return True


def _headline_to_or_on(ctx: Context, para: tuple[int, int]) -> Iterator[Claim]:
    """A headline "Lee to Farmers: We Will Fix the Roads" or "Lee on the Budget: 'It Will Pass'":
    the name before "to" or "on" says the words after the colon."""
    doc = ctx.doc
    first = token_at(doc, ctx.starts, para[0])
    if first is None:
        return
    words = []
    for t in doc[first.i : min(first.i + 16, len(doc))]:
        if t.text == ":" or t.idx >= para[1]:
            break
        words.append(t)
    else:
        return
    if not words or words[-1].i + 1 >= len(doc) or doc[words[-1].i + 1].text != ":":
        return
    cut = next((k for k, t in enumerate(words) if k > 0 and t.lower_ in ("to", "on") and t.pos_ == "ADP"), None)
    if cut is None:
        return
    name = words[:cut]
    if not all(t.text[:1].isupper() or t.text == "." for t in name) or not any(t.pos_ == "PROPN" for t in name) \
            or any(t.pos_ in ("VERB", "AUX", "PRON") for t in name):
        return
    colon = doc[words[-1].i + 1]
    line_end = ctx.text.find("\n", colon.idx, para[1])
    start, end = trim(ctx, colon.idx + 1, para[1] if line_end < 0 else line_end)
    start += len(ctx.text[start:end]) - len(ctx.text[start:end].lstrip("\"\u201c\u201d\u2018\u2019 '"))
    end -= len(ctx.text[start:end]) - len(ctx.text[start:end].rstrip("\"\u201c\u201d\u2018\u2019 '."))
    if len(ctx.text[start:end].split()) < 3:
        return
    yield Claim(StatementKind.DIRECT, ":", start, end, colon.idx, colon.idx + 1, speaker=name[-1], priority=1, named_only=True)


def _question_and_answer_lines(ctx: Context, paragraphs: list[tuple[int, int]]) -> Iterator[Claim]:
    """An interview's "Q: ..." and "A: ..." paragraphs (two or more in the document): each says
    something, the answers the interviewee's (:mod:`.resolution`), the questions no one's named."""
    lines = []
    for lo, hi in paragraphs:
        head = ctx.text[lo : lo + 3]
        if head[:1] in "QA" and head[1:2] == ":" or head[:1] in "QA" and head[1:3] == ".:":
            lines.append((lo, hi, head[0]))
    if len(lines) < 2:
        return
    for lo, hi, which in lines:
        colon = ctx.text.index(":", lo)
        line_end = ctx.text.find("\n", colon, hi)
        start, end = trim(ctx, colon + 1, hi if line_end < 0 else line_end)
        if len(ctx.text[start:end].split()) < 2:
            continue
        label = token_at(ctx.doc, ctx.starts, lo)
        answer = which == "A" and label is not None
        yield Claim(StatementKind.DIRECT, ":", start, end, colon, colon + 1, speaker=label if answer else None,
                    unnamed=not answer, priority=1)


def _name_before_colon(ctx: Context, q: Quote) -> Token | None:
    """The name or document right before the colon that opens a quote with no cue ('pollster Ann
    Lee: "..."', 'More from the report: "..."'); not someone the words are addressed to ('his
    message to Lee: "..."')."""
    if not _colon_before(ctx, q):
        return None
    colon = token_at(ctx.doc, ctx.starts, ctx.text.rindex(":", 0, q.open_mark))
    if colon is None or colon.text != ":" or colon.i == 0:
        return None
    name = colon.nbor(-1)
    if name.dep_ == "pobj" and name.head.lower_ != "from":
        return None
    n = ctx.mention_at(name)
    if n is not None and name.pos_ == "PROPN" and ctx.mentions[n].label not in PLACE_LABELS | COUNTRY_LABELS:
        return name
    return name if noun_class(ctx.lex, name) == NounClass.DOCUMENT else None


def introduced_paragraphs(ctx: Context) -> Iterator[Claim]:
    """A paragraph that ends with a cue and a colon ("In a speech in May, she said:", "Lee
    writes:") or is a label alone ("LEE:"): the next paragraph, with no quotation marks, is what
    was said (a quotation set off as a block)."""
    doc = ctx.doc
    spans = paragraph_spans(ctx.text)
    for (lo, hi), (nlo, nhi) in zip(spans, spans[1:]):
        tail = ctx.text[lo:hi].rstrip()
        nxt = ctx.text[nlo:nhi].lstrip()
        if not tail.endswith(":") or not nxt or nxt[0] in "\"\u201c\u201d\u00ab'\u2018" or len(nxt.split()) < 3:
            continue
        colon = token_at(doc, ctx.starts, lo + len(tail) - 1)
        if colon is None or colon.text != ":" or colon.i == 0:
            continue
        before = colon.nbor(-1)
        cue = ctx.cues.get(before.i)
        start, end = trim(ctx, nlo, nhi)
        if cue is not None and "quote" in cue.frames:
            frame = [t for t in doc[max(before.sent.start, token_at(doc, ctx.starts, lo).i) : colon.i] if not t.is_space]
            verb, speaker, reporter, extra = quote_speaker(ctx, before, cue, frame)
            cue_words, cs, ce = cue_text(verb, extra)
            claim = Claim(StatementKind.DIRECT, cue_words, start, end, cs, ce, speaker=speaker if isinstance(speaker, Token) else None,
                          speaker_tokens=speaker if isinstance(speaker, list) else None, reporter=reporter, priority=1)
            claim.unnamed = speaker is None
            yield claim
            continue
        label = [t for t in doc[token_at(doc, ctx.starts, lo).i : colon.i] if not t.is_space]
        if label and label[0].lower_ in SALUTATIONS:
            continue  # a letter's "Dear Oskar:" on a line of its own: whom the letter is for
        if 0 < len(label) <= 3 and all(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") for t in label):
            yield Claim(StatementKind.DIRECT, ":", start, end, colon.idx, colon.idx + 1, speaker=label[-1],
                        priority=1, named_only=True)  # a transcript's "LEE:" on a line of its own


def _signature(ctx: Context, q: Quote, last: Token) -> tuple[Token, Token] | None:
    """A dash and a name closing the paragraph right after a quote: (the dash's token, the name's
    last word)."""
    if not q.closed:
        return None
    frame = _frame_after(ctx, q, last)
    if frame and frame[0].text[-1:] not in DASHES and frame[0].i > 0:
        glued = frame[0].doc[frame[0].i - 1]  # '..."\u2015 Ann Soto': the tokenizer kept the mark and the dash as one word
        if len(glued.text) > 1 and glued.text[-1] in DASHES and glued.idx + len(glued.text) <= frame[0].idx and 1 <= len(frame) <= 6:
            frame = [glued] + frame
    # the dash may stick to the closing mark ('..."\u2015 Ann Lee'); a signature has up to six words (initials)
    if not frame or (frame[0].text not in DASHES and frame[0].text[-1:] not in DASHES) or not 2 <= len(frame) <= 7:
        return None
    end = frame[-1].idx + len(frame[-1].text)
    if ctx.text[end:].split("\n", 1)[0].strip():
        return None  # the line goes on: no signature
    names = [t for t in frame[1:] if t.pos_ == "PROPN"]
    return (frame[0], names[-1]) if names else None


def continuations(ctx: Context, quoted: list[Claim], reported: list[Claim]) -> Iterator[Claim]:
    """A quote paragraph of its own, with no cue: right after a paragraph whose last statement has
    a speaker it goes on with that speaker (the common news pattern); after a paragraph with no
    statement that tells of a person speaking ("Lee spoke for an hour."), that person; after
    another paragraph with no statement (a change of topic) its speaker is unknown. A paragraph here is a line of text, so
    that texts with one paragraph a line read the same as those with blank lines between.
    ``quoted`` are the claims of :func:`direct_quotations`, ``reported`` those of the other
    extractors."""
    claimed = Spans((c.start, c.end) for c in quoted)
    lines = _lines(ctx.text)
    starts = [lo for lo, _ in lines]

    def line_of(char: int) -> int:
        return bisect_right(starts, char) - 1

    last_in: dict[int, Claim] = {}  # line -> its last statement outside quoted words
    for c in sorted(quoted + [c for c in reported if not c.in_quote], key=lambda c: max(c.start, c.cue_start)):
        last_in[line_of(max(c.start, c.cue_start))] = c
    for q in ctx.quotes:
        if claimed.covers(q.start):
            continue
        ends = _standing_quote(ctx, q)
        line = line_of(q.start)
        if ends is None or not _has_words(ctx, *ends) or not _whole_paragraph(ctx, (lines[line][0], lines[line_of(q.end)][1]), q):
            continue
        previous = last_in.get(line - 1)
        intro = _introducer(ctx, lines[line - 1]) if previous is None and line > 0 else None
        below = _signed_below(ctx, lines[line_of(q.end) + 1]) if line_of(q.end) + 1 < len(lines) else None
        if below is not None:
            dash, name = below  # the quote paragraph, then "- Ann Lee." on a line of its own
            claim = Claim(StatementKind.DIRECT, dash.text, q.start, q.end, dash.idx, dash.idx + len(dash.text),
                          speaker=name, priority=1, named_only=True)
        elif intro is not None:
            verb, who = intro  # "Ann Lee issued the following statement:" then the quote paragraph
            claim = Claim(StatementKind.DIRECT, verb.text, q.start, q.end, verb.idx, verb.idx + len(verb.text),
                          speaker=who, priority=1)
        elif previous is None and line > 0 and (told := speaking_subject(ctx, *lines[line - 1])) is not None:
            word, who = told  # "Ray stood by her remarks." then the quote paragraph: Ray's words
            claim = Claim(StatementKind.DIRECT, word.text, q.start, q.end, word.idx, word.idx + len(word.text),
                          speaker=who, priority=1)
        elif previous is None:
            claim = Claim(StatementKind.DIRECT, "", q.start, q.end, q.start, q.start, unnamed=True, priority=1)
        else:
            claim = Claim(StatementKind.DIRECT, previous.cue, q.start, q.end, previous.cue_start, previous.cue_end,
                          speaker=previous.speaker, speaker_tokens=previous.speaker_tokens, reporter=previous.reporter,
                          unnamed=previous.unnamed, priority=1, cue_class=previous.cue_class)
        last_in[line_of(q.end)] = claim
        yield claim


_SIGNATURE_WORDS = 12  # "- Ann Lee, a nurse from Dover, speaking after the vote." is about as long as one gets


def _signed_below(ctx: Context, line: tuple[int, int]) -> tuple[Token, Token] | None:
    """(dash, the name's last word) of a line that signs the quote paragraph above it: a dash, then
    a name ("- Ann Lee.", "-Mayor Tom Hill, Dover."), and nothing else but a few words after a comma."""
    lo, hi = line
    first = token_at(ctx.doc, ctx.starts, lo + len(ctx.text[lo:hi]) - len(ctx.text[lo:hi].lstrip()))
    if first is None or first.text not in DASHES:
        return None
    words = [t for t in ctx.doc[first.i + 1 :] if t.idx < hi and not t.is_space]
    if not words or len(words) > _SIGNATURE_WORDS or ctx.in_quote(words[0].idx):
        return None
    head = []
    for t in words:
        if t.text in (",", ".", "(") or t.text in DASHES:
            break
        head.append(t)
    if not head or not all(t.text[:1].isupper() for t in head) or len(head) > 5:
        return None  # "- and then the vote was held": a sentence, not a name
    names = [t for t in head if ctx.mention_at(t) is not None or t.pos_ == "PROPN"]
    return (first, names[-1]) if names else None


def _introducer(ctx: Context, line: tuple[int, int]) -> tuple[Token, Token] | None:
    """(verb, speaker) of a line that introduces the quote paragraph after it ("Ann Lee issued the
    following statement:", "Lee echoed:"): it ends with a colon, and its last sentence's main verb
    has a subject that names someone (a name or a pronoun), outside quoted words."""
    lo, hi = line
    if not ctx.text[lo:hi].rstrip().endswith(":"):
        return None
    last = token_at(ctx.doc, ctx.starts, hi - 1)
    if last is None:
        return None
    root = last.sent.root
    if root.pos_ not in ("VERB", "AUX") or root.idx < lo:
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj" and c.i < root.i), None)
    if subj is None or ctx.in_quote(subj.idx) or not (ctx.mention_at(subj) is not None or subj.pos_ in ("PROPN", "PRON")):
        return None
    return root, subj


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of text that are not blank."""
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out or [(0, len(text))]


def _standing_quote(ctx: Context, q: Quote) -> tuple[Token, Token] | None:
    """The first and last tokens of a quote that stands alone (see :func:`_stands_alone`)."""
    first = token_at(ctx.doc, ctx.starts, q.start)
    last = token_at(ctx.doc, ctx.starts, q.end - 1)
    if first is None or last is None or not _stands_alone(ctx, q):
        return None  # quoted words inside a sentence ('hyped "fears of ..."'): a term or a partial quote
    return first, last


def _has_words(ctx: Context, first: Token, last: Token) -> bool:
    return any(t.is_alpha for t in ctx.doc[first.i : last.i + 1])


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
    before = ctx.text[lo : q.open_mark].rsplit("\n", 1)[-1].rstrip()  # from the line's start
    if not before:
        return True
    if before[-1] in ".!?:;,\u2014\u2013-\u201d\")]\u2026([":  # "(" too: a quote set off in brackets
        return True
    # 'writing "Feels great to ..."', 'said "We will ..."': right after a cue of quotes, a quote that
    # reads as a sentence: a capital first, its own stop last (a title, 'read "The Long Road"', has none)
    cue_word = token_at(ctx.doc, ctx.starts, lo + len(ctx.text[lo : q.open_mark].rstrip()) - 1)
    cue = ctx.cues.get(cue_word.i) if cue_word is not None else None
    words = ctx.text[q.start : q.end].strip()
    return cue is not None and "quote" in cue.frames and words[:1].isupper() and words[-1:] in (".", "!", "?", ",")


def _only_cue_between(ctx: Context, previous: Claim, q: Quote) -> bool:
    """Between the previous quote and this one stands nothing but its cue."""
    gap = ctx.text[previous.end : q.start]
    if "\n" in gap and not _alone_on_line(ctx, q):
        # a quote on a new line (a paragraph, in texts that break lines only) with words of its own
        # around it ('"...," Lee retorted', '"..." ― Lee'): another speaker's, whose cue went unread
        return False
    gap_wo_cue = gap.replace(ctx.text[previous.cue_start : previous.cue_end], " ")
    return previous.cue_start >= previous.end and previous.cue_end <= q.start and len(gap_wo_cue.split()) <= 30


def _alone_on_line(ctx: Context, q: Quote) -> bool:
    """No words stand before or after the quote on its line(s)."""
    lo = ctx.text.rfind("\n", 0, q.start) + 1
    hi = ctx.text.find("\n", q.end)
    around = ctx.text[lo : q.start] + " " + ctx.text[q.end : len(ctx.text) if hi < 0 else hi]
    return not any(c.isalnum() for c in around)


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
        if "\n" in t.text or _quote_mark(t):
            break
        out.append(t)
        if "\n" in t.whitespace_ or t.text in SENTENCE_END and not _abbreviation_dot(t):
            break
        i += 1
    return out


def _quoted_title_before(close: Token) -> list[Token] | None:
    """The marks and words of a quoted title that ``close`` closes (a forum's, a show's, a book's
    name inside the sentence: at most five capitalised words and the words between, no verb, no closing comma), which a
    frame reads through; None otherwise."""
    words: list[Token] = []
    k = close.i - 1
    while k >= close.sent.start and len(words) <= 8 and sum(not w.is_punct for w in words) <= 5:
        t = close.doc[k]
        if _quote_mark(t):
            if not words or t.i == t.sent.start or words[-1].is_punct \
                    or any(w.pos_ in ("VERB", "AUX", "PRON") or not (w.is_title or w.is_digit or w.is_punct or w.pos_ in ("ADP", "DET", "CCONJ")) for w in words):
                return None  # not a title inside the sentence: a quote of its own ('"Fine," Lee said, "..."')
            return [t] + words + [close]
        words.insert(0, t)
        k -= 1
    return None


def _quote_mark(t: Token) -> bool:
    """A quotation mark, not the apostrophe of a plural's possessive ("the families' lawyer said")."""
    if t.tag_ == "POS" and t.i > 0 and not t.doc[t.i - 1].whitespace_ and t.doc[t.i - 1].lower_.endswith("s"):
        return False
    return t.is_quote or t.text in OPENERS or t.text in CLOSERS


def _abbreviation_dot(t: Token) -> bool:
    """The full stop of "R-Ky.," or "Sen. Smith": the sentence goes on."""
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is not None and (nxt.text == "," or nxt.is_lower)


def _cue_after(ctx: Context, q: Quote, last: Token):
    """'"...," X said', '"...," says X', '"...," RIA cites X's words', '"...," the Y portal quotes X as
    saying', '"...," X has told TASS'."""
    if not q.closed:
        return None
    frame = _frame_after(ctx, q, last)
    if not frame:
        return None
    content_end = ctx.text[q.start : q.end].rstrip().rstrip("'\u2019\u2018").rstrip()  # '..., \'Meh,\'" he said'
    first_word = next((t for t in frame if not t.is_punct), None)
    if first_word is None:
        return None
    if content_end.endswith((",", "?", "!", "\u2026", "\u2014", "\u2013", "-")) or frame[0].text in (",", "\u2014", "\u2013"):
        reach = 16  # '"...," the head of the Institute for ..., X, has told the Gazette'
    elif content_end.endswith(".") and (first_word.is_lower or first_word.pos_ in ("PRON", "PROPN", "DET")):
        reach = 7  # '"... ." he said.' / '"... ." Smith said.'
    elif content_end[-1:].isalnum() and len(content_end.split()) >= 3 and _opens_sentence(ctx, q):
        reach = 3  # '"... the last ferry of the year" Lee said.', '"..." said Lee': the comma left out
    else:
        return None
    ids = {t.i for t in frame}
    for verb, cue in _quote_cue_verbs(ctx, frame):
        at = frame.index(verb)
        # '"...," Lee, the party's long-time leader in the north and its ..., said': a long
        # apposition set off by commas between the speaker and the cue
        long_apposition = reach == 16 and at <= 32 and frame[at - 1].text == "," and first_word.pos_ in ("PROPN", "PRON")
        # '"...," Lee said in May of the plant, whose owner moved 300 jobs': after a quote that ends
        # with its comma, a clause the parse hung on the cue is a misreading unless "that" opens it
        comma_quote = content_end.endswith(",") and at <= 4
        if at > reach and not long_apposition or _has_own_content(ctx, verb, cue, q, that_only=comma_quote):
            break  # a sentence of its own after the quote: "He added that ..."
        if verb.head.i in ids and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX") and verb.dep_ not in ("conj", "parataxis"):
            continue  # inside another clause of the frame ("He added that X would not comment")
        return quote_speaker(ctx, verb, cue, frame)
    return None


def _opens_sentence(ctx: Context, q: Quote) -> bool:
    """The quote's opening mark starts its line or follows the end of a sentence."""
    if q.open_mark is None:
        return False
    before = ctx.text[: q.open_mark].rsplit("\n", 1)[-1].rstrip()
    return not before or before[-1] in ".!?"


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
        if t.text in SENTENCE_END:
            break
        if _quote_mark(t):
            title = _quoted_title_before(t) if frame else None
            if title is None:
                break
            frame[:0] = title  # 'X stressed ... at a "Veterans Forum" sponsored by Y and said: "..."'
            i = title[0].i - 1
            continue
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
        return quote_speaker(ctx, verb, cue, tail)
    return None


def _has_own_content(ctx: Context, verb: Token, cue: Cue, q: Quote, that_only: bool = False) -> bool:
    """The verb has a complement outside the quote: it reports something else (``that_only``: only
    a clause that "that" or "whether" opens counts)."""
    inverted = not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp") and not (q.start - 2 <= child.idx < q.end + 1):
            if inverted and child.left_edge.i == verb.i + 1:
                continue  # '"...," said Ann Lee, who heads Keep the Peace': the speaker read into a clause
            sub = child.subtree
            if not any(q.start - 2 <= t.idx < q.end + 1 for t in sub):
                if child.dep_ == "xcomp" and child.lemma_ in ("say", "saying"):
                    continue
                if that_only and not any(m.dep_ == "mark" and m.lower_ in ("that", "whether") for m in child.children):
                    continue
                return True
    return False
