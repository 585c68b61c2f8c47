from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .context import Context, title_abbreviations
from .syntax import tokens_span
from .words import PEOPLE_CLASSES, PERSON_LABELS, PLACE_LABELS, ROLE_PREPS, SPEAKER_LABELS


def appositive_roles(ctx: Context) -> Iterator[tuple[int, list[int], str, int, int]]:
    """(person mention, organisation mentions, role text, start, end) for roles stated beside a
    name: "X, head of Y" (apposition after), "the director of Y, X" (before), "Y expert X",
    "Deputy Minister of Transport of Norway X" (title before the name)."""
    doc = ctx.doc
    seen: set[tuple[int, int]] = set()
    for n in sorted(ctx.people.keys):
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
            # "X, Norway's special envoy to Chile, and the director of ...": a second role
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
        if n is not None and n in ctx.people.keys:
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
    return ctx.lex.nouns.get(tok.lemma_.lower()) in PEOPLE_CLASSES or ctx.lex.nouns.get(tok.lower_) in PEOPLE_CLASSES or (
        tok.lower_ in title_abbreviations())


def _role_words(tok: Token) -> tuple[str, ...]:
    """The words a role token gives the person: "Sen." is a senator."""
    full = title_abbreviations().get(tok.lower_)
    return (full,) if full else (tok.lemma_.lower(), tok.lower_)


def _role_record(ctx: Context, person: int, role: Token, role_tokens: list[Token], name: Span, seen: set):
    if not role_tokens:
        return
    key = ctx.people.keys.get(person)
    role_tokens = sorted(role_tokens, key=lambda t: t.i)
    while role_tokens and (role_tokens[-1].is_punct or role_tokens[-1].is_space):
        role_tokens.pop()
    while role_tokens and (role_tokens[0].is_punct or role_tokens[0].dep_ == "det"):
        role_tokens.pop(0)
    if not role_tokens:
        return
    if key:
        ctx.people.roles.setdefault(key, set()).update(
            w for t in role_tokens if _role_like(ctx, t) for w in _role_words(t))
        for t in role_tokens:
            g = ctx.lex.noun_gender.get(t.lemma_.lower())
            if g and _role_like(ctx, t) and key not in ctx.people.genders:
                ctx.people.genders[key] = g
    orgs = _role_orgs(ctx, role, role_tokens)
    s, e = tokens_span(role_tokens)
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
    "under" ("head of the 3rd roads office ... under the Ministry of ..."), not "to" or "in" ("envoy
    to Chile", "ambassador in Tajikistan")."""
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
        if m.label in PERSON_LABELS or m.label in PLACE_LABELS or n in ctx.people.keys:
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
