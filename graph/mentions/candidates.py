"""Where a name may be: the candidate record, the spans the curated data and spaCy's entities
give, how candidates relate, and the choice of the longest non-overlapping ones.

Each source is a small generator of candidate spans (as textacy's extractors are); the other
sources are ``organisations``, ``acronyms`` and ``bibliography``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from ..contract import fold
from ..curated import packaged_words
from ..gazetteer import Gazetteer, Surface
from ..records import EntityType, SurfaceKind
from ..tokens import Tokens
from .boundaries import is_epithet, is_regnal_number, split_coordinated_places, trim
from .common_words import is_common_word
from .words import NER_LABELS, POSSESSIVE, is_noun

if TYPE_CHECKING:
    from .extract import MentionExtractor  # holds the matchers, and calls this module


TRAILING_NON_NAMES = {"I", "me", "Mr", "Mrs", "Ms", "Dr"}

# In an all-caps line, only names of these types are told apart from ordinary words.
SHOUTED_TYPES = {EntityType.COUNTRY, EntityType.ALLIANCE, EntityType.GROUP, EntityType.PLACE}
ORIGIN_NOUNS = packaged_words("function_words.tsv", "origin_noun")  # data/function_words.tsv


class CandidateKind(StrEnum):
    """Which source proposed a candidate span. The mention keeps it as a :class:`MentionKind`,
    where a weak alias that held is a gazetteer name."""

    GAZETTEER = "gazetteer"  # an alias of a curated entry
    WEAK = "weak"  # a weak alias or demonym: counts only where something backs it
    DEMONYM = "demonym"
    CAPITAL = "capital"
    ORG = "org"  # a capitalised phrase headed by a word that says what it names
    NER = "ner"  # the model's entity, or a name a rule of this stage finds
    ACRONYM = "acronym"  # the long form of an acronym the text defines


# Higher wins when two candidates cover the same tokens.
PRIORITY = {CandidateKind.ACRONYM: 6, CandidateKind.GAZETTEER: 5, CandidateKind.DEMONYM: 5, CandidateKind.CAPITAL: 5, CandidateKind.WEAK: 4, CandidateKind.ORG: 3, CandidateKind.NER: 2}


@dataclass
class Candidate:
    start: int  # token indexes
    end: int
    kind: CandidateKind
    label: str  # spaCy label, or the entity type the source implies
    surfaces: tuple[Surface, ...] = ()
    inverted: bool = False  # "Lee, Ann" in a list of works: the surname first, then a comma

    @property
    def length(self) -> int:
        return self.end - self.start


def gazetteer_candidates(doc: Doc, extractor: MentionExtractor, shouting_tokens: set[int] = frozenset()) -> Iterator[Candidate]:
    """Spans that the curated data names: aliases, demonyms, capitals. ``shouting_tokens`` are the
    tokens of all-caps lines, where case tells names from words no longer."""
    strings = doc.vocab.strings
    gaz = extractor.gazetteer
    for matcher in (extractor.exact, extractor.lower):
        for match_id, start, end in matcher(doc):
            form = strings[match_id]
            surfaces = tuple(gaz.surfaces.get(form, ()))
            if not surfaces:
                continue
            span = doc[start:end]
            shouting = start in shouting_tokens
            if shouting and len(span) == 1 and is_common_word(span[0]):
                continue  # "US" or "IS" in an all-caps headline is the English word
            if end - start == 1 and span[0].is_lower and span.text != form:
                continue
            if matcher is extractor.lower and not _case_agrees(span, form, gaz.head_words, shouting):
                continue  # "U.S. marines" is not the "U.S. Marines"
            if shouting and gaz.entries[surfaces[0].entry].type not in SHOUTED_TYPES:
                continue  # "FOREIGN POLICY DIARY" is a column's name, not the magazine
            kinds = {s.kind for s in surfaces}
            kind = CandidateKind.GAZETTEER if SurfaceKind.ALIAS in kinds else CandidateKind.DEMONYM if SurfaceKind.DEMONYM in kinds else (
                CandidateKind.CAPITAL if SurfaceKind.CAPITAL in kinds else CandidateKind.WEAK)
            if kind == CandidateKind.DEMONYM and end < len(doc) and doc[end].lower_ in ORIGIN_NOUNS:
                continue  # "of Irish descent", "Thai restaurants": where a kind comes from, not the state
            entry = gaz.entries[surfaces[0].entry]
            yield Candidate(start, end, kind, entry.type, surfaces)


def _case_agrees(span: Span, form: str, head_words: dict[str, str], shouting: bool) -> bool:
    """A name matched regardless of case must keep its capitals, but for a generic last word
    ("Anadolu agency", "Haqqani network"); in an all-caps line any multi-word name goes."""
    if shouting:
        return True
    words = form.split()
    if len(words) != len(span):
        words = [w for w in re.split(r"\s+|['\u2019]s?\b", form) if w]  # "People's": "People" and "'s"
        tokens = [t for t in span if t.text not in POSSESSIVE]
        if len(words) == len(tokens):
            return all(not (w[:1].isupper() and not t.text[:1].isupper()) for w, t in zip(words, tokens))
        return all(not (w[:1].isupper() and not t.text[:1].isupper()) for w, t in zip(words, span))
    for i, (word, tok) in enumerate(zip(words, span)):
        if word[:1].isupper() and not tok.text[:1].isupper():
            if i == len(words) - 1 and word in head_words:
                continue
            return False
    return True


def ner_candidates(
    toks: Tokens, head_words: dict[str, str] | None = None, known: set[tuple[int, int]] = frozenset()
) -> Iterator[Candidate]:
    """spaCy's entities of the kinds that name actors or places, trimmed of what is not the name
    (``head_words`` and the ``known`` spans of curated names tell where a possessive ends one)."""
    head_words = head_words or {}
    places = {ent.text for ent in toks.ents if ent.label_ in ("GPE", "LOC")}
    for ent in toks.ents:
        if ent.label_ not in NER_LABELS:
            continue
        spans = [(s, e, ent.label_) for s, e in trim(toks, ent.start, ent.end, ent.label_, head_words, known)]
        if ent.label_ != "PERSON":
            # the two places a model's organisation listed are places, not organisations
            spans = [
                (s2, e2, label if len(parts) == 1 else "LOC") for s, e, label in spans
                for parts in [split_coordinated_places(toks, s, e, head_words, places)] for s2, e2 in parts
            ]
        for start, end, label in spans:
            if end - start > 2 and toks.lower[end - 2] in ("&", "and") and toks.text[end - 1].rstrip(".") in TRAILING_NON_NAMES:
                end -= 2  # "Sue Lee & I", "Tom Reed and Mr": a name, then a word that names nobody
            if ent.label_ == "PERSON" and end == ent.end and is_epithet(toks, end, end + 2):
                end += 2  # spaCy leaves "the Great" out of "Peter the Great"
            elif ent.label_ == "PERSON" and end == ent.end and is_regnal_number(toks, end):
                end += 1  # nor "I" out of "King Henry I"
            yield Candidate(start, end, CandidateKind.NER, label)


def is_compound_of_known(toks: Tokens, cand: Candidate, known: set[tuple[int, int]]) -> bool:
    """"Afghanistan-Turkmenistan" or "Russia-U.S.": names the curated data knows, hyphenated."""
    hyphens = [i for i in range(cand.start, cand.end) if toks.text[i] in {"-", "\u2013"}]
    if not hyphens:
        return False
    bounds = [cand.start, *[h for h in hyphens], cand.end]
    pieces = [(bounds[0], bounds[1])] + [(a + 1, b) for a, b in zip(bounds[1:-1], bounds[2:])]
    return all(p in known for p in pieces)


def is_qualified_known(toks: Tokens, cand: Candidate, known: set[tuple[int, int]], gaz: Gazetteer) -> bool:
    """"Northern Afghanistan" is Afghanistan: a direction word before a curated name."""
    return cand.end - cand.start > 1 and fold(toks.text[cand.start]) in gaz.stop_names and (cand.start + 1, cand.end) in known


def is_common_coordination(toks: Tokens, cand: Candidate, head_words: dict[str, str], words: frozenset[str]) -> bool:
    """A model's organisation or place that is two common phrases joined by "and" ("Peace and
    Security", "Maritime Ethics and Navigation"): a topic, not a name. Every word is an English
    noun or adjective (``words``) and none says what a name is ("Rules and Standards Committee"); a
    person ("Mary and Ann Lee") and "&" ("Halvorsen & Pike") are left alone."""
    if cand.kind != CandidateKind.NER or cand.label == "PERSON" or cand.end - cand.start < 3:
        return False
    inner = range(cand.start + 1, cand.end - 1)
    if not any(toks.lower[i] == "and" for i in inner):
        return False
    for i in range(cand.start, cand.end):
        text = toks.text[i]
        if toks.lower[i] in ("and", "of", "the") or toks.tok[i].is_punct:
            continue
        if text in head_words or not text[:1].isupper() or not is_noun(text.lower(), words):
            return False
    return True


def overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def crosses(a: Candidate, b: Candidate) -> bool:
    """The spans overlap and neither holds the other."""
    return a.start < b.end and b.start < a.end and not (a.start <= b.start and b.end <= a.end) and not (
        b.start <= a.start and a.end <= b.end
    )


def joins_two_names(cand: Candidate, orgs: list[Candidate], toks: Tokens) -> bool:
    """A model's entity that spans two organisations the text joins with "and"."""
    inner = sorted((o.start, o.end) for o in orgs if cand.start <= o.start and o.end <= cand.end and o.length < cand.length)
    return any(b[0] == a[1] + 1 and toks.lower[a[1]] in ("and", "&") for a, b in zip(inner, inner[1:]))



def choose(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then by source priority; a token belongs to one mention at most."""
    taken: set[int] = set()
    chosen = []
    for cand in sorted(candidates, key=lambda c: (-c.length, -PRIORITY[c.kind], c.start)):
        tokens = set(range(cand.start, cand.end))
        if tokens & taken:
            continue
        taken |= tokens
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)