"""Who the "I" outside quotation marks is when no byline says: in an interview, the person
interviewed (named once at the top), so that "I think ..." in a Q&A piece is that person's; in a
letter, the person who signs it ("Yours,\n\nAnn Lee")."""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from ..curated import packaged_words
from ..records import NounClass
from .context import Context
from .words import PERSON_LABELS


def interviewee_of(ctx: Context) -> int | None:
    """:func:`find_interviewee`, looked for once per document, when a first "I" needs it."""
    if ctx.interviewee_found is None:
        ctx.interviewee_found = (find_interviewee(ctx),)
    return ctx.interviewee_found[0]


def find_interviewee(ctx: Context) -> int | None:
    """The mention of the one person a document presents as interviewed, or None: a headline
    that announces an interview and names one person, else (with no byline) an opening that says
    who was interviewed."""
    found = _headline_interviewee(ctx)
    if found is None and ctx.author is None:
        found = _opening_interviewee(ctx)
    return found


def _headline_interviewee(ctx: Context) -> int | None:
    """A headline that announces an interview ("Interview with Ann Lee", "Ann Lee: an interview",
    "Paper interviews writer Ann Lee") and names one person: the "I" of the answers."""
    if len(ctx.paragraph_starts) < 3:
        return None
    end = ctx.paragraph_starts[1]
    if not any(w in _INTERVIEW_WORDS and w.startswith("interview")  # "Paper interviews Ann Lee"
               or ctx.lex.nouns.get(w) == NounClass.INTERVIEW and w.startswith("interview")
               or w in _QA_MARKS  # "Q&A with Ann Lee"
               for w in ctx.text[:end].lower().replace(":", " ").split()):
        return None
    people = {ctx.mentions[n].name: n for n in ctx.people.keys
              if ctx.mentions[n].in_text and ctx.mentions[n].start < end and len(ctx.mentions[n].name.split()) > 1}
    if not people:
        # the tagger missed the name in the headline: a full name there ("... Ann Lee Tuesday")
        # whose surname names a person further on
        words = [w.strip(".,:;!?\"'()") for w in ctx.text[:end].split()]
        people = {w.lower(): ctx.people.named[w.lower()][0] for prev, w in zip(words, words[1:])
                  if prev[:1].isupper() and w[:1].isupper() and ctx.people.named.get(w.lower())}
    return next(iter(people.values())) if len(people) == 1 else None


_INTERVIEW_OPENING = 800  # characters: the headline and the paragraph that introduces an interview
_INTERVIEW_WORDS = frozenset(packaged_words("interview_words.txt"))  # data/interview_words.txt
_QA_MARKS = frozenset({"q&a", "q.&a.", "q-and-a"})  # a headline's mark of questions and answers


def _opening_interviewee(ctx: Context) -> int | None:
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
            if any(ctx.lex.nouns.get(t.lemma_.lower()) == NounClass.PRESS for t in people):
                continue  # "he spoke with the paper's reporter Ann Lee": she asks, he is interviewed
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


def signer_of(ctx: Context) -> int | None:
    """:func:`find_signer`, looked for once per document, when a first "I" needs it."""
    if ctx.signer_found is None:
        ctx.signer_found = (find_signer(ctx),)
    return ctx.signer_found[0]


_SIGNATURE_PARAGRAPHS = 6  # a signature sits among the last paragraphs (a postscript or a title may follow)
_CLOSING_WORDS = 6  # "With warm wishes from all of us here," is about as long as a closing gets
_NAME_WORDS = 5  # "[Signed] Ann Lee", "Dr. Ann B. Lee"


def find_signer(ctx: Context) -> int | None:
    """The person who signs a letter: near its end, a short closing paragraph that ends with a
    comma ("Yours,", "Best wishes,") followed by a paragraph that is a person's name, or both on
    one line ("Sincerely, Ann Lee"). A structure, not a word list: news paragraphs do not end with
    a comma."""
    starts = ctx.paragraph_starts
    spans = [(s, starts[k + 1] if k + 1 < len(starts) else len(ctx.text)) for k, s in enumerate(starts)]
    first = max(len(spans) - _SIGNATURE_PARAGRAPHS, 1)
    for k in range(len(spans) - 1, first - 1, -1):
        start, end = spans[k]
        words = ctx.text[start:end].split()
        if not words or len(words) > _CLOSING_WORDS + _NAME_WORDS:
            continue
        if words[-1].endswith(",") and len(words) <= _CLOSING_WORDS and k + 1 < len(spans):
            name_start, name_end = spans[k + 1]
            if len(ctx.text[name_start:name_end].split()) <= _NAME_WORDS:
                found = _person_in(ctx, name_start, name_end)
                if found is None:
                    found = _given_name_of(ctx, ctx.text[name_start:name_end].split())
                if found is not None:
                    return found
        comma = ctx.text.find(",", start, end)
        if 0 <= comma and len(ctx.text[start:comma].split()) <= _CLOSING_WORDS and len(ctx.text[comma + 1:end].split()) <= _NAME_WORDS:
            found = _person_in(ctx, comma + 1, end)  # "Sincerely, Ann Lee" on one line
            if found is not None:
                return found
    return None


def _person_in(ctx: Context, start: int, end: int) -> int | None:
    """The first person named in [start, end), as the text's first mention labelled a person."""
    k = bisect_left(ctx.people.starts, start)
    if k < len(ctx.people.order) and ctx.people.starts[k] < end:
        n = ctx.people.order[k]
        named = ctx.people.named.get(ctx.people.keys.get(n, ""))
        return named[0] if named else n
    return None


def _given_name_of(ctx: Context, words: list[str]) -> int | None:
    """A letter signed with a given name alone ("Ann"), which the tagger seldom calls a person:
    the one person the letter names in full with that given name (in its address, say)."""
    if len(words) != 1 or not words[0].isalpha() or not words[0][:1].isupper():
        return None
    given = words[0].lower()
    found = {ctx.people.keys[n]: n for n in ctx.people.order
             if len(name := ctx.mentions[n].name.split()) > 1 and name[0].lower() == given}
    return next(iter(found.values())) if len(found) == 1 else None
