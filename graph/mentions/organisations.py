"""Organisation names the small model misses or cuts: capitalised phrases headed or led by a
word that says what they name (a candidate source)."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..contract import fold
from ..curated import packaged_words
from ..tokens import Tokens
from .boundaries import before_role, coordinated, split_org_run
from .candidates import Candidate, CandidateKind
from .words import CONNECTORS, DETERMINERS, ORG_TYPES, is_noun


ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
OFFICE_WORDS = 6  # words of an office before "of the" and the organisation it is held in


def org_name_candidates(
    toks: Tokens, head_words: dict[str, str], known: set[tuple[int, int]], country_names: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(), roles: frozenset[str] = frozenset(),
) -> Iterator[Candidate]:
    """Capitalised phrases headed or led by a word that says what they name ("Muslim Board of
    Uzbekistan", "Main Directorate for Combating Extremism", "Murghab River"), which the small
    model often misses or cuts. ``nouns``: English common nouns, which no person's name is made of.
    A role at the end of a run (``roles``: "the Acme Office Acting Director, Ann Lee") is the
    office of the person named after it, not a word of the organisation's name."""
    persons = {t for ent in toks.ents if ent.label_ == "PERSON" for t in range(ent.start, ent.end)}
    spacy_orgs = {(e.start + (toks.lower[e.start] in DETERMINERS), e.end) for e in toks.ents if e.label_ == "ORG"}
    text, lower, name_word = toks.text, toks.lower, toks.name_word
    i = 0
    n = len(toks)
    while i < n:
        if i in persons or (not name_word[i] and not ORDINAL.match(text[i])):
            i += 1
            continue
        j = i + 1
        while j < n and j not in persons:
            if name_word[j]:
                j += 1
                continue
            if text[j] == "-" and not toks.space[j - 1] and j + 1 < n and name_word[j + 1] and not toks.space[j]:
                j += 2
                continue
            if lower[j] in CONNECTORS and j + 1 < n:
                k = j
                while k < n and lower[k] in CONNECTORS:
                    k += 1
                if k < n and k not in persons and name_word[k] and toks.sentence[k] == toks.sentence[i]:
                    j = k + 1
                    continue
            break
        after_org = False
        pieces = split_org_run(toks, _after_office(toks, i, j, head_words), j, head_words, known)
        if len(pieces) > 1 and (pieces[0][0], pieces[-1][1]) in spacy_orgs and _no_person_in(toks, pieces, nouns) \
                and not coordinated(toks, pieces, head_words):
            pieces = [(pieces[0][0], pieces[-1][1])]  # spaCy reads the whole run as one organisation too
        for start, end in pieces:
            end = before_role(toks, start, end, roles, head_words)
            if end - start > 2 and text[start].endswith("s") and fold(text[start][:-1]) in country_names:
                start += 1  # "Tajikistans Special Assignment Police Unit": a possessive without its apostrophe
            words = [word for word, alpha in zip(text[start:end], toks.is_alpha[start:end]) if alpha]
            head_type = head_words.get(words[-1]) or head_words.get(words[0]) or _head_before_of(toks, start, end, head_words) if words else None
            if words and words[-1][0].isupper() and head_type and len(words) > 1:
                yield Candidate(start, end, CandidateKind.ORG, head_type)
                after_org = True
                continue
            if after_org and 2 <= len(words) <= 3 and all(w[0].isupper() and w not in head_words for w in words) and not _english_words(toks, start, end, nouns):
                # the name an organisation's title runs into ("... Ministry of Internal Affairs Oleg Ilinykh")
                yield Candidate(start, end, CandidateKind.NER, "PERSON")
            after_org = False
        i = j


def _head_before_of(toks: Tokens, start: int, end: int, head_words: dict[str, str]) -> str | None:
    """The type of a head word that a place or a founder's name qualifies, before the name's
    "of"/"for": "Lund Institute for Peace and Non-Violence" is an organisation's name."""
    for k in range(start + 1, end - 1):
        if toks.lower[k] in CONNECTORS:  # the first one: "Ada for the Institute of X" is no such name
            good = k >= start + 2 and toks.lower[k] in ("of", "for") and toks.name_word[k + 1]
            head = head_words.get(toks.text[k - 1]) if good else None
            return head if head in ORG_TYPES else None  # not an award's or a treaty's name
    return None


def _english_words(toks: Tokens, start: int, end: int, nouns: frozenset[str]) -> bool:
    """Every word of the span is an English common noun ("Enforcement Executives")."""
    return bool(nouns) and all(is_noun(t.lower_, nouns) for t in toks.tok[start:end] if t.is_alpha)


def _no_person_in(toks: Tokens, pieces: list[tuple[int, int]], nouns: frozenset[str]) -> bool:
    """No piece of a run after the first is a name an organisation's title ran into."""
    return all(_english_words(toks, s, e, nouns) or e - s == 1 for s, e in pieces[1:])


def _after_office(toks: Tokens, start: int, end: int, head_words: dict[str, str]) -> int:
    """Where an organisation's name starts in "Chair of the Regional Ferry Council" or "Fellow of
    the Royal Society": after an office held in it (words that are no head word of a name), "of"
    and "the". "Bank of the South" and "Council of the Baltic Sea States" start with their head."""
    lower, text = toks.lower, toks.text
    for k in range(start + 1, min(start + OFFICE_WORDS + 1, end - 2)):
        if lower[k] != "of":
            continue
        if lower[k + 1] != "the" or any(w in head_words for w in text[start:k]) or not any(
            head_words.get(w) in ORG_TYPES for w in text[k + 2 : end]
        ):
            return start
        return k + 2
    return start


# Works that two sponsors often put out together under one name: data/speaker_words.tsv "joint"
JOINT_WORKS = frozenset(packaged_words("speaker_words.tsv", "joint"))


_JOINT_MODIFIERS = 3  # words of a poll's kind between its sponsor and the noun ("online opinion poll")


def joint_sponsor_candidates(toks: Tokens) -> Iterator[Candidate]:
    """Two names joined by a slash before a poll ("a Harbor Weekly/Varda poll", "the latest
    Norvik/Ostrand survey"): the partnership that puts the poll out, one sponsor, which is how
    pollsters are listed and cited; read apart, the poll's words would go to its second name
    alone. Runs of capitalised words (with "of"/"the" inside) on both sides of an unspaced "/"."""
    if "/" not in toks.doc_text:
        return
    text, lower, name_word, space = toks.text, toks.lower, toks.name_word, toks.space
    n = len(toks)
    # a place the poll is of is no sponsor's word ("the Ledger/Ipsos Norland poll")
    places = {t for ent in toks.ents if ent.label_ in ("GPE", "LOC") for t in range(ent.start, ent.end)}
    for i in (k for k, word in enumerate(text) if word == "/"):
        if not 0 < i < n - 2 or space[i - 1] or space[i] or not name_word[i - 1] or not name_word[i + 1]:
            continue
        end = i + 1
        while end < n and (name_word[end] or text[end] == "/" and not space[end - 1] and not space[end]
                           or lower[end] in CONNECTORS and end + 1 < n and name_word[end + 1]) \
                and not is_noun(lower[end], JOINT_WORKS) and (end == i + 1 or end not in places):
            end += 1
        stop = end
        while stop < n and (stop in places or stop - end < _JOINT_MODIFIERS and toks.tok[stop].tag_ in ("JJ", "NN")
                            and not is_noun(lower[stop], JOINT_WORKS)):
            stop += 1  # read past the place and the poll's kind to the poll ("A/B national tracking poll")
        if stop >= n or not is_noun(lower[stop], JOINT_WORKS) or text[end - 1] == "/":
            continue
        start = i - 1
        while start > 0 and toks.sentence[start - 1] == toks.sentence[i] and (
                name_word[start - 1] and lower[start - 1] not in DETERMINERS
                or lower[start - 1] in CONNECTORS and start > 1 and name_word[start - 2]):
            start -= 1
        while lower[start] in CONNECTORS:
            start += 1
        yield Candidate(start, end, CandidateKind.ORG, "organization")
