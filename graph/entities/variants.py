"""Spellings of one name within an article or across the corpus: a hyphenated name's last part,
a one-letter slip, a derived word ("Musical Hall" / "Music Hall"), a name written surname first,
two transliterations of a place, two letters of an acronym swapped. Rules of
:func:`graph.entities.resolve`, each linking keys of the union-find.
"""
from __future__ import annotations

import re
from collections import defaultdict

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from ..contract import fold
from ..curated import packaged_words
from ..entity_types import person_like as _person_like
from ..gazetteer import Gazetteer
from ..records import DocumentAnalysis, LinkRule, NameType
from .forms import PLACE_LABELS
from .unionfind import UnionFind as _UnionFind
from .unionfind import own_key as _own_key

FUZZY_MIN_LENGTH = 6
FUZZY_SIMILARITY = 0.86
NAMED_THINGS = ("organization", "group", "alliance", "place")  # head words of names that are no person's


def link_variants_in_document(analyses: list[DocumentAnalysis], keys, uf: _UnionFind, gaz: Gazetteer) -> None:
    """Within one article, "Varzob" is the "Nizhne-Varzob" it named before, and
    "Kalat-Tepe" the "Kalat-Tyepe": a hyphenated name's last part, or a one-letter slip (not
    in people's names: "Daniel" and "Daniela Lee" are two, but "Tarif Mosque" is no one's name)."""
    for a in analyses:
        names: dict[str, str] = {}
        known: dict[str, str] = {}
        for m, k in zip(a.mentions, keys[a.doc]):
            if _own_key(m, k) and not (_person_like(m) and " " in m.name and gaz.head_words.get(m.name.split()[-1]) not in NAMED_THINGS):
                names.setdefault(k, m.name)
            elif k and k.startswith("g:") and m.label == NameType.PLACE and not m.guessed:
                known.setdefault(k, m.name)
        if not names:
            continue
        _link_transposed_acronyms(a, keys[a.doc], names, uf)
        by_last_part = defaultdict(list)
        for k, name in [*names.items(), *known.items()]:
            parts = name.split("-")
            if len(parts) == 2 and len(parts[1]) >= 4 and " " not in name:
                by_last_part[fold(parts[1])].append(k)
        for k in names:
            for longer in by_last_part.get(k[2:], ()):
                uf.union(longer, k, LinkRule.NAME_PART, a.doc)
        _link_derived_words(a.doc, names, uf)
        ordered = sorted(k for k in names if len(k) - 2 >= FUZZY_MIN_LENGTH)
        folded = [k[2:] for k in ordered]
        scores = process.cdist(folded, folded, scorer=Levenshtein.normalized_similarity, score_cutoff=FUZZY_SIMILARITY)
        for i, j in zip(*scores.nonzero()):
            if i < j and folded[i][:1] == folded[j][:1]:
                uf.union(ordered[i], ordered[j], LinkRule.SPELLING, a.doc)


def link_reversed_names(analyses: list[DocumentAnalysis], keys, uf: _UnionFind) -> None:
    """Within one article, "Sato Kenji" is the "Kenji Sato" it names: a two-word person's name
    written surname first, as East Asian names often are, beside the given-name-first form."""
    for a in analyses:
        orders: dict[tuple[str, str], str] = {}
        for m, k in zip(a.mentions, keys[a.doc]):
            words = m.name.split()
            if _own_key(m, k) and len(words) == 2 and words[0] != words[1]:
                orders.setdefault((fold(words[0]), fold(words[1])), k)
        people = {fold(m.name) for m in a.mentions if _person_like(m)}  # one of the two forms must be a person's
        for (first, last), k in orders.items():
            other = orders.get((last, first))
            if other and first < last and (k[2:] in people or other[2:] in people):
                uf.union(k, other, LinkRule.NAME, a.doc)


DERIVED_WORD_MIN = 4  # "Music" in "Musical": a shorter stem would match by chance
# Endings that make an adjective or a plural of a word ("Music"/"Musical", "Nation"/"National"),
# not another name ("Park"/"Parker" are two streets).
DERIVING_ENDINGS = ("al", "ial", "an", "ian", "ic", "s", "es")


def _link_derived_words(doc: str, names: dict[str, str], uf: _UnionFind) -> None:
    """Within one article, "Musical Hall" is the "Music Hall" it named: two names with the same
    head word that differ in one other word only, one word the other's start ("Music"/"Musical")."""
    by_head: dict[tuple[int, str], list[tuple[str, list[str]]]] = defaultdict(list)
    for k, name in names.items():
        words = name.split()
        if len(words) >= 2:
            by_head[(len(words), fold(words[-1]))].append((k, [fold(w) for w in words[:-1]]))
    for group in by_head.values():
        for i, (ka, wa) in enumerate(group):
            for kb, wb in group[i + 1 :]:
                differ = [(x, y) for x, y in zip(wa, wb) if x != y]
                if len(differ) == 1 and _derived(*differ[0]):
                    uf.union(ka, kb, LinkRule.SPELLING, doc)


def _derived(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return len(short) >= DERIVED_WORD_MIN and long.startswith(short) and long[len(short) :] in DERIVING_ENDINGS


# "Velna River" is the Velna; "Cardiff Bay" is not Cardiff (data/place_words.tsv; capitalised, as in a name)
RIVER_WORDS = {w[:1].upper() + w[1:] for w in packaged_words("place_words.tsv", "water_head")}


def _transliteration_key(name: str) -> str:
    """What two romanisations of one place share: "Sughdar"/"Suhdara", "Khorvat"/"Horvat"."""
    key = fold(name).replace("kh", "h").replace("gh", "h").replace("y", "i")
    return re.sub(r"[aeiou]+$", "", key) if len(key) > 5 else key


def link_transliterated_places(analyses: list[DocumentAnalysis], keys, uf: _UnionFind) -> None:
    """Places the curated data does not know, spelled by two transliterations across the corpus,
    with or without their geographic head word ("Suhdara" and "Sughdar River")."""
    by_key: dict[str, set[str]] = defaultdict(set)
    for a in analyses:
        for m, k in zip(a.mentions, keys[a.doc]):
            if not _own_key(m, k) or m.label not in PLACE_LABELS:
                continue
            words = m.name.split()
            if len(words) == 2 and words[-1] in RIVER_WORDS:
                words = words[:-1]
            if len(words) == 1 and len(words[0]) >= 5:
                by_key[_transliteration_key(words[0])].add(k)
    for group in by_key.values():
        first, *rest = sorted(group)
        for other in rest:
            uf.union(first, other, LinkRule.TRANSLITERATION)


def _link_transposed_acronyms(a: DocumentAnalysis, doc_keys, names: dict[str, str], uf: _UnionFind) -> None:
    """"SCTO" in an article about the "CSTO": two letters swapped, the commonest typo."""
    acronyms = {m.name: k for m, k in zip(a.mentions, doc_keys) if k and m.name.isupper() and len(m.name) >= 3}
    for k, name in names.items():
        if not (name.isupper() and len(name) >= 3):
            continue
        for other, other_key in acronyms.items():
            if other != name and sorted(other) == sorted(name) and OSA.distance(other, name) == 1:
                uf.union(other_key, k, LinkRule.SPELLING, a.doc)
