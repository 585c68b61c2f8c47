"""Resolve the mentions of a whole corpus to canonical entities: one real entity, one node.

Names are linked with a union-find over name keys, each link a rule a reader would apply:
the curated data's aliases, demonyms and capitals; acronyms the text defines; a lone surname or
first name to the full name used in the same document (else, for a surname, the only person of
the corpus with it); an organisation's short form to its long form in the same document;
spellings that differ only in case, dots, spaces or hyphens; typos of curated names;
transliterations and nicknames of a first name. A name resolved within its document takes the key
of what it names there (two documents' "Clinton" may be two people); names linked across the
corpus share a union-find root. Every rule works on dictionaries keyed by name, so resolution
stays linear in the mentions. The type of an unknown entity is voted in :mod:`graph.entity_types`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from .entity_types import full_person_name, vote_type
from .entity_types import person_like as _person_like
from .contract import fold
from .gazetteer import Entry, Gazetteer, NameKnowledge, slug
from .records import AliasReason, DocumentAnalysis, Entity, LinkRule, Mention, Resolution

FUZZY_MIN_LENGTH = 6
FUZZY_SIMILARITY = 0.86


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.reasons: dict[str, AliasReason] = {}  # a key that joined a cluster -> the rule that joined it
        self.mention_reasons: dict[tuple[str, int], AliasReason] = {}  # (doc, index) -> the rule of a relinked mention

    def find(self, key: str) -> str:
        parent = self.parent.setdefault(key, key)
        if parent != key:
            parent = self.parent[key] = self.find(parent)
        return parent

    def union(self, a: str, b: str, rule: LinkRule = LinkRule.LINKED, doc: str | None = None) -> None:
        """One cluster of ``a`` and ``b``, linked by ``rule`` (read in ``doc``): the reason is
        kept for the root that joins the other's cluster, so each key's reason is the link that
        first brought its names in."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        # A curated entry stays the root, so a cluster's entry is found at its root.
        if rb.startswith("g:") and not ra.startswith("g:"):
            ra, rb = rb, ra
        if ra.startswith("g:") and rb.startswith("g:"):
            return  # never merge two curated entities
        self.parent[rb] = ra
        self.reasons[rb] = AliasReason(rule, doc)

    def relink(self, doc_keys: list[str | None], index: int, key: str, rule: LinkRule, doc: str) -> None:
        """Point one mention of ``doc`` (``doc_keys[index]``) at ``key``, by ``rule``: a link made for
        that mention, not for every mention of its name (a lone surname is the person named before it)."""
        doc_keys[index] = key
        self.find(key)
        self.mention_reasons[(doc, index)] = AliasReason(rule, doc)


def resolve(analyses: Iterable[DocumentAnalysis], gazetteer: Gazetteer) -> Resolution:
    """Turn every document's mentions into corpus-wide entities.

    >>> from graph.records import Mention, DocumentAnalysis
    >>> from graph.gazetteer import load_gazetteer
    >>> m = [Mention("d1", 0, 13, "Zamir Kabulov", "Zamir Kabulov", "PERSON", 0),
    ...      Mention("d1", 30, 37, "Kabulov", "Kabulov", "ORG", 1)]
    >>> res = resolve([DocumentAnalysis("d1", mentions=m)], load_gazetteer())
    >>> [(e.label, e.type, e.mentions) for e in res.entities]
    [('Zamir Kabulov', 'person', 2)]
    """
    analyses = list(analyses)
    uf = _UnionFind()
    keys: dict[str, list[str | None]] = {}
    for a in analyses:
        keys[a.doc] = [_mention_key(m, gazetteer) for m in a.mentions]
        for k in keys[a.doc]:
            if k:
                uf.find(k)
    own_keys = {doc: list(doc_keys) for doc, doc_keys in keys.items()}  # to tell a relinked mention

    _link_acronyms(analyses, keys, uf)
    _link_curated_spellings(uf, gazetteer)
    _link_first_name_variants(uf, analyses, keys, gazetteer)
    _link_lone_names(analyses, keys, uf, gazetteer)
    _link_org_short_forms(analyses, keys, uf, gazetteer)
    _link_country_forms(analyses, keys, uf, gazetteer)
    _link_head_forms(analyses, keys, uf, gazetteer)
    _link_word_orders(analyses, keys, uf, gazetteer)
    _link_initials(analyses, keys, uf)
    _link_variants_in_document(analyses, keys, uf)
    _link_transliterated_places(analyses, keys, uf)

    clusters: dict[str, list[Mention]] = defaultdict(list)
    cluster_reasons: dict[str, list[AliasReason]] = defaultdict(list)  # how each mention of a cluster joined it
    for a in analyses:
        for i, (m, k) in enumerate(zip(a.mentions, keys[a.doc])):
            if k:
                clusters[uf.find(k)].append(m)
                relinked = uf.mention_reasons.get((a.doc, i))
                cluster_reasons[uf.find(k)].append(_mention_reason(m, k, own_keys[a.doc][i], relinked, uf))

    entities: dict[str, Entity] = {}
    root_to_id: dict[str, str] = {}
    used_ids: dict[str, int] = {}
    for root in sorted(clusters):
        entity = _make_entity(root, clusters[root], gazetteer)
        if entity is None:
            continue
        entity.id = _unique_id(entity.id, used_ids)
        entity.alias_reasons = _alias_reasons(clusters[root], cluster_reasons[root])
        root_to_id[root] = entity.id
        entities[entity.id] = entity

    assignments = {
        doc: [root_to_id.get(uf.find(k)) if k else None for k in doc_keys] for doc, doc_keys in keys.items()
    }
    ordered = sorted(entities.values(), key=lambda e: e.id)
    return Resolution(entities=ordered, assignments=assignments)


# --- keys --------------------------------------------------------------------------------------


def _mention_key(m: Mention, gaz: Gazetteer) -> str | None:
    if m.key:
        if m.kind == "capital" and m.role == "place":
            return f"c:{m.key}"  # the city itself
        return f"g:{m.key}"
    name_key = fold(m.name)
    if len(name_key) < 2 or name_key in gaz.stop_names:
        return None
    # A name the curated data knows, written another way ("The Islamic State", "Anadolu agency").
    for s in gaz.by_fold.get(name_key, ()):
        if s.kind == "alias":
            return f"g:{s.entry}"
    return f"n:{name_key}"


def _link_acronyms(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind) -> None:
    """A short form defined in a text names what its long form names, in the whole corpus."""
    for a in analyses:
        by_name = {fold(m.name): k for m, k in zip(a.mentions, keys[a.doc]) if k}
        for d in a.acronyms:
            long_key = by_name.get(fold(d.long))
            short_key = by_name.get(fold(d.short)) or f"n:{fold(d.short)}"
            if long_key:
                uf.union(long_key, short_key, LinkRule.ACRONYM, a.doc)


def _link_curated_spellings(uf: _UnionFind, gaz: Gazetteer) -> None:
    """Typos and variants of curated names ("Afganistan", "Kirgiztan", "Washigton")."""
    choices = {form: surfaces for form, surfaces in gaz.by_fold.items() if len(form) >= FUZZY_MIN_LENGTH}
    by_initial: dict[str, list[str]] = defaultdict(list)  # a typo keeps its first letter
    for form in choices:
        by_initial[form[:1]].append(form)
    names = sorted(k for k in list(uf.parent) if k.startswith("n:") and len(k) - 2 >= FUZZY_MIN_LENGTH)
    for key in names:
        if uf.find(key).startswith("g:"):
            continue
        name = key[2:]
        forms = by_initial.get(name[:1])
        hit = forms and process.extractOne(name, forms, scorer=Levenshtein.normalized_similarity, score_cutoff=FUZZY_SIMILARITY)
        if not hit:
            continue
        surfaces = [s for s in choices[hit[0]] if s.kind in ("alias", "demonym", "capital")]
        if surfaces:
            uf.union(f"g:{surfaces[0].entry}", key, LinkRule.SPELLING)


ORG_LABELS = ("ORG", "organization", "group")
LONE_NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC")  # a lone surname the model took for a place or a body
PLACE_NAME_LABELS = ("GPE", "LOC")  # a lone word the model took for a place is a first name only if it is one


def _surname_forms(words: list[str], names: NameKnowledge) -> set[str]:
    """The folded ways a full name's surname is written alone: "Lee" of "Ann Lee", "Assad" and
    "al-Assad" of "Bashar al-Assad", "Dam" and "van Dam" of "Jean-Claude van Dam"."""
    last = words[-1]
    forms = {fold(last)}
    for particle in names.particles:
        if particle.endswith("-") and last.lower().startswith(particle) and len(last) > len(particle) + 1:
            forms.add(fold(last[len(particle):]))
    for n in (3, 2):
        if len(words) > n and " ".join(words[-n:-1]).lower() in names.particles:
            forms.add(fold(" ".join(words[-n:])))
    return forms


class _FullNames:
    """The parts of people's full names, worked out once per distinct name and label."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self._parts: dict[tuple[str, bool], tuple[list[str], set[str]] | None] = {}

    def parts(self, m: Mention) -> tuple[list[str], set[str]] | None:
        """The name's core words and its surname's forms, or None when it is no full person name."""
        key = (m.name, _person_like(m))  # all that full_person_name reads
        if key not in self._parts:
            names = self.gaz.names
            words = names.core(m.name)
            full = len(words) >= 2 and full_person_name(m, self.gaz) and not _lone_name(m.name, names)
            self._parts[key] = (words, _surname_forms(words, names)) if full else None
        return self._parts[key]


def _lone_name(name: str, names: NameKnowledge) -> bool:
    """One word, or a surname with its particles ("van Dam", "de la Cruz")."""
    words = name.split()
    return len(words) == 1 or len(words) <= 3 and " ".join(words[:-1]).lower() in names.particles


def _link_lone_names(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind, gaz: Gazetteer) -> None:
    """A lone surname is the person of the same document whose full name ends with it; when two
    people share it, the one named last before it. A surname the model tagged as an organisation
    or place is that person too. A lone first name right after a full name ("Ann" after "Ann
    Lee", "Xi" after "Xi Jinping") is that person. With no full name in the document, a surname
    is the one person of the corpus who has it, and nobody when the corpus has two."""
    names = gaz.names
    full_names = _FullNames(gaz)
    corpus: dict[str, set[str]] = defaultdict(set)
    people: dict[str, list[tuple[int, str, set[str], str]]] = {}  # doc -> full names in text order
    for a in analyses:
        people[a.doc] = found = []
        for m, k in zip(a.mentions, keys[a.doc]):
            found_parts = full_names.parts(m) if k and " " in m.name else None
            if found_parts:
                words, forms = found_parts
                found.append((m.start, k, forms, fold(words[0])))
                for form in forms:
                    corpus[form].add(uf.find(k))
    for a in analyses:
        doc_keys = keys[a.doc]
        by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)  # form -> (start, key), in text order
        by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for start, k, forms, first in people[a.doc]:
            for form in forms:
                by_surname[form].append((start, k))
            by_first[first].append((start, k))
        for i, m in enumerate(a.mentions):
            k = doc_keys[i]
            if not _own_key(m, k) or m.label not in LONE_NAME_LABELS or not _lone_name(m.name, names):
                continue
            name = fold(m.name)
            rule = LinkRule.SURNAME
            target = _named_before(by_surname.get(name, ()), m.start)
            if target is None and (m.label not in PLACE_NAME_LABELS or name in names.given_names):
                target = _named_before(by_first.get(name, ()), m.start)  # "Cleveland" is no "Cleveland Smith"
                rule = LinkRule.GIVEN_NAME
            if target is not None:
                uf.relink(doc_keys, i, target, rule, a.doc)
            elif m.label not in PLACE_NAME_LABELS and not by_surname.get(name) and len(corpus.get(name, ())) == 1:
                uf.union(next(iter(corpus[name])), k, LinkRule.SURNAME, a.doc)


def _own_key(m: Mention, k: str | None) -> bool:
    """Whether a mention still has its own name's key: not resolved within its document to what
    it names there ("Dallas" of "Hugh Dallas" is no longer the word "Dallas" for later rules)."""
    return k is not None and k == f"n:{fold(m.name)}"


def _named_before(people: Iterable[tuple[int, str]], start: int) -> str | None:
    """The key of the person named last before ``start`` among ``people`` (``(start, key)`` in text
    order), else the first named after it; None when there is nobody."""
    chosen = None
    for at, key in people:
        if chosen is not None and at > start:
            break
        chosen = key
    return chosen


def _link_org_short_forms(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind, gaz: Gazetteer) -> None:
    """Within a document, "Home Office" is the "UK Home Office" and "Labour" the "Labour Party"
    it names: an organisation's name without its country or without its head word."""
    for a in analyses:
        doc_keys = keys[a.doc]
        places = {fold(m.name) for m in a.mentions if m.label in PLACE_LABELS or m.label == "country"}
        short_forms: dict[str, set[str]] = defaultdict(set)
        for m, k in zip(a.mentions, doc_keys):
            if k and not _person_like(m) and m.label not in PLACE_LABELS and len(m.name.split()) >= 2:
                for short in _org_short_forms(m.name, gaz, places):
                    short_forms[short].add(k)
        if not short_forms:
            continue
        for i, m in enumerate(a.mentions):
            k = doc_keys[i]
            longs = short_forms.get(fold(m.name))
            if longs and len(longs) == 1 and _own_key(m, k) and k not in longs and (m.label in ORG_LABELS or _bare_person_word(m)):
                uf.relink(doc_keys, i, next(iter(longs)), LinkRule.SHORT_FORM, a.doc)


def _link_country_forms(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind, gaz: Gazetteer) -> None:
    """"Tarsian Workers' Party" and "Workers' Party" across the corpus: an organisation's name
    without its leading country or demonym names it in every document, when the corpus has one
    such long form only (with a "UK Home Office" and a "Tarsian Home Office", "Home Office" is
    left to each document)."""
    longs: dict[str, set[str]] = defaultdict(set)  # folded short form -> keys of its long forms
    for a in analyses:
        for m, k in zip(a.mentions, keys[a.doc]):
            words = m.name.split()
            if not k or len(words) < 3 or _person_like(m) or m.label in PLACE_LABELS:
                continue
            for n in (1, 2):
                lead, rest = fold(" ".join(words[:n])), words[n:]
                if len(rest) >= 2 and (lead in gaz.country_names or lead in gaz.demonym_country):
                    longs[fold(" ".join(rest))].add(uf.find(k))
    for short, found in sorted(longs.items()):
        key = f"n:{short}"
        if len(found) == 1 and key in uf.parent and not uf.find(key).startswith("g:"):
            uf.union(next(iter(found)), key, LinkRule.SHORT_FORM)


SAME_PLACE_HEADS = {"island", "islands", "isle", "atoll", "peninsula", "archipelago"}  # "X Island" is X
SAME_PLACE_LEADS = {"city", "town", "village", "municipality", "borough"}  # "City of X" is X


def _link_head_forms(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind, gaz: Gazetteer) -> None:
    """Within a document, a head word alone ("the Ministry", "the Lodge") is the one name the
    document gives with that head ("Ministry of Defence", "Ashvale Lodge"), and an island's name
    alone is the island named with its head word ("Ostra" of "Ostra Island"). With two names of
    that head in the document, or none, the word stays what it was."""
    heads = set(gaz.head_words) | {noun.capitalize() for noun in gaz.names.type_nouns}
    for a in analyses:
        doc_keys = keys[a.doc]
        by_head: dict[str, set[str]] = defaultdict(set)  # folded head word -> keys of names it heads
        by_island: dict[str, set[str]] = defaultdict(set)  # folded name without its island word -> keys
        for m, k in zip(a.mentions, doc_keys):
            words = m.name.split()
            if not k or len(words) < 2 or _person_like(m):
                continue
            by_head[fold(words[-1])].add(k)
            if len(words) >= 3 and words[1] == "of":
                by_head[fold(words[0])].add(k)
            if words[-1].lower() in SAME_PLACE_HEADS:
                by_island[fold(" ".join(words[:-1]))].add(k)
            elif len(words) >= 3 and words[1] == "of" and words[0].lower() in SAME_PLACE_LEADS:
                by_island[fold(" ".join(words[2:]))].add(k)
        if not by_head:
            continue
        for i, m in enumerate(a.mentions):
            if m.name not in heads and fold(m.name) not in by_island:
                continue
            k = doc_keys[i]
            if m.role or _person_like(m) and " " in m.name or not _own_key(m, k):
                continue
            name = fold(m.name)
            targets = by_island.get(name) or (by_head.get(name) if m.name in heads else None)
            if targets and len(targets) == 1 and k not in targets:
                uf.relink(doc_keys, i, next(iter(targets)), LinkRule.SHORT_FORM, a.doc)


WORD_ORDER = re.compile(r"^(.+?) of (?:the )?(.+)$")
STREET_WORDS = {"st": "Street", "ave": "Avenue", "rd": "Road", "blvd": "Boulevard"}
STREET_ABBREVIATION = re.compile(r"\s(St|Ave|Rd|Blvd)\.?$", re.IGNORECASE)


def _link_word_orders(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind, gaz: Gazetteer) -> None:
    """"Senate of the Republic" is the "Republic Senate", "Ministry of Health" the "Health
    Ministry": an organisation's head word before "of" or after its name, anywhere in the corpus
    (one name written two ways is one name, as the same spelling is)."""
    seen: set[str] = set()
    demonyms: dict[str, set[str]] = defaultdict(set)  # country entry -> its folded demonyms
    for demonym, country in gaz.demonym_country.items():
        demonyms[country].add(demonym)
    for key in [k for k in uf.parent if k.startswith("n:saint")]:
        other = "n:st" + key[len("n:saint"):]  # "Saint Ann Bay" is "St. Ann Bay"
        if other in uf.parent:
            uf.union(key, other, LinkRule.NAME)
    for a in analyses:
        for m, k in zip(a.mentions, keys[a.doc]):
            if m.name in seen or _person_like(m) or not _own_key(m, k):
                continue
            seen.add(m.name)
            street = STREET_ABBREVIATION.search(m.name)
            if street:  # "Elm St." is "Elm Street"
                full = f"n:{fold(m.name[: street.start()] + ' ' + STREET_WORDS[street[1].lower()])}"
                if full in uf.parent:
                    uf.union(full, k, LinkRule.NAME, a.doc)
                continue
            match = WORD_ORDER.match(m.name)
            if not match or gaz.head_words.get(match[1].split()[-1]) not in ("organization", "group", "alliance"):
                continue
            other = fold(f"{match[2]} {match[1]}")
            curated = [s for s in gaz.by_fold.get(other, ()) if s.kind == "alias"]
            others = [f"g:{curated[0].entry}" if curated else f"n:{other}"]
            # "Government of the Republic of Tarsis" is the "Tarsian Government"
            countries = {s.entry for s in gaz.by_fold.get(fold(match[2]), ()) if s.kind == "alias"}
            others += [f"n:{d}{fold(match[1])}" for c in sorted(countries) for d in sorted(demonyms.get(c, ()))]
            for other_key in others:
                if other_key in uf.parent:
                    uf.union(other_key, k, LinkRule.NAME, a.doc)
                    break


def _bare_person_word(m: Mention) -> bool:
    """One word the model called a person with nothing else saying so (no title, no cue): in a
    document that names "Ashvale University" and no person with it, "Ashvale" is the university."""
    return m.label == "PERSON" and " " not in m.name and not m.role and not m.type_votes


def _initials(name: str) -> str:
    """"SEP" of "Saturday Evening Post", "HP" of "Hewlett-Packard": the capitals that start its
    words ("of", "the", "and" left out)."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _link_initials(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind) -> None:
    """An acronym the text uses without defining it is the one name of the document (not a
    person's) whose words start with its letters; with two such names, or none, it stays itself.
    Three letters at least: two match too many names by chance."""
    for a in analyses:
        doc_keys = keys[a.doc]
        if not any(3 <= len(m.name) <= 6 and m.name.isupper() for m in a.mentions):
            continue
        by_initials: dict[str, set[str]] = defaultdict(set)
        for m, k in zip(a.mentions, doc_keys):
            if k and " " in m.name and not _person_like(m) and not m.name.isupper():
                by_initials[_initials(m.name)].add(uf.find(k))
        if not by_initials:
            continue
        for i, m in enumerate(a.mentions):
            k = doc_keys[i]
            if not (3 <= len(m.name) <= 6 and m.name.isupper() and m.name.isalpha()) or not _own_key(m, k):
                continue
            longs = by_initials.get(m.name)
            if longs and len(longs) == 1 and uf.find(k) not in longs:
                uf.relink(doc_keys, i, next(iter(longs)), LinkRule.ACRONYM, a.doc)


def _org_short_forms(name: str, gaz: Gazetteer, places: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Folded shorter names of an organisation: without a leading country, demonym or a place the
    document names ("UK Home Office" -> "Home Office", "Leeds Rhinos" -> "Rhinos"), without a
    closing head word ("Labour Party" -> "Labour")."""
    words = name.split()
    out = []
    for n in (1, 2):
        lead = fold(" ".join(words[:n]))
        rest = words[n:]
        if rest and (lead in gaz.country_names or lead in gaz.demonym_country or lead in places):
            if len(rest) >= 2 or rest[0] not in gaz.head_words and fold(rest[0]) not in gaz.stop_names:
                out.append(fold(" ".join(rest)))
    if gaz.head_words.get(words[-1]) in ("organization", "group") and words[-2][:1].isupper():
        rest = words[:-1]
        short = fold(" ".join(rest))
        if short not in gaz.country_names and short not in gaz.demonym_country and short not in gaz.stop_names:
            out.append(short)
    return out


def _link_first_name_variants(uf: _UnionFind, analyses: list[DocumentAnalysis], keys, gaz: Gazetteer) -> None:
    """"Sergei Lavrov" and "Sergey Lavrov", "Bill" and "William Clinton": the same surname and a
    first name spelled alike or a nickname of the other (never "Bill" and "Hillary Clinton")."""
    full_names = _FullNames(gaz)
    by_surname: dict[str, set[str]] = defaultdict(set)
    firsts: dict[str, str] = {}
    for a in analyses:
        for m, k in zip(a.mentions, keys[a.doc]):
            found = full_names.parts(m) if k and k.startswith("n:") and " " in m.name else None
            if found:
                words = found[0]
                by_surname[fold(words[-1])].add(k)
                firsts[k] = fold(words[0])
    for surname in sorted(by_surname):
        group = sorted(by_surname[surname])
        if len(group) > 1:
            for i, j in _alike_first_names([firsts[k] for k in group], gaz.names):
                uf.union(group[i], group[j], LinkRule.FIRST_NAME)


FIRST_NAME_BLOCK = 512  # rows of first names scored at once (a block of scores is 512 x n floats)


def _alike_first_names(firsts: list[str], names: NameKnowledge | None = None) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, in order, of first names that may be one name: equal,
    one the initial of the other (when only one name has that initial), a nickname of the other,
    or spelled alike (``fuzz.ratio`` >= 80). Each distinct name is scored once, in rapidfuzz's C
    loop: a common surname has thousands of mentions but far fewer distinct first names.

    >>> _alike_first_names(["sergei", "sergey", "s", "anna"])
    [(0, 1), (0, 2), (1, 2)]
    >>> _alike_first_names(["john", "j", "jane"])
    []
    """
    at: dict[str, list[int]] = defaultdict(list)
    for i, first in enumerate(firsts):
        at[first].append(i)
    distinct = sorted(at)
    alike: set[tuple[str, str]] = {(f, f) for f in distinct}
    for top in range(0, len(distinct), FIRST_NAME_BLOCK):
        block = distinct[top : top + FIRST_NAME_BLOCK]
        scores = process.cdist(block, distinct, scorer=fuzz.ratio, score_cutoff=80)
        alike.update((block[r], distinct[c]) for r, c in zip(*scores.nonzero()))
    by_initial: dict[str, list[str]] = defaultdict(list)
    for first in distinct:
        by_initial[first[:1]].append(first)
    for initial in (f for f in distinct if len(f) == 1):
        full = [other for other in by_initial[initial] if len(other) > 1]
        if all((full[0], other) in alike for other in full[1:]):  # "J. Reed" is no one when there are John and Jane Reed
            alike.update((initial, other) for other in by_initial[initial])
    if names is not None:
        alike.update((fa, fb) for fa in distinct for fb in names.nicknames.get(fa, ()) if fb in at)
    pairs = set()
    for fa, fb in alike:
        pairs.update((min(i, j), max(i, j)) for i in at[fa] for j in at[fb] if i != j)
    return sorted(pairs)


def _link_variants_in_document(analyses: list[DocumentAnalysis], keys, uf: _UnionFind) -> None:
    """Within one article, "Badakhshan" is the "Gorno-Badakhshan" it named before, and
    "Kurgan-Tube" the "Kurgan-Tyube": a hyphenated name's last part, or a one-letter slip."""
    for a in analyses:
        names: dict[str, str] = {}
        known: dict[str, str] = {}
        for m, k in zip(a.mentions, keys[a.doc]):
            if _own_key(m, k) and not (_person_like(m) and " " in m.name):
                names.setdefault(k, m.name)
            elif k and k.startswith("g:") and m.label == "place":
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
        ordered = sorted(k for k in names if len(k) - 2 >= FUZZY_MIN_LENGTH)
        folded = [k[2:] for k in ordered]
        scores = process.cdist(folded, folded, scorer=Levenshtein.normalized_similarity, score_cutoff=FUZZY_SIMILARITY)
        for i, j in zip(*scores.nonzero()):
            if i < j and folded[i][:1] == folded[j][:1]:
                uf.union(ordered[i], ordered[j], LinkRule.SPELLING, a.doc)


PLACE_LABELS = {"GPE", "LOC", "FAC", "place"}
RIVER_WORDS = {"River", "Darya", "Daryo", "Lake"}  # "Murghab River" is the Murghab; "Cardiff Bay" is not Cardiff


def _transliteration_key(name: str) -> str:
    """What two romanisations of one place share: "Murghab"/"Murhaba", "Khatlon"/"Hatlon"."""
    key = fold(name).replace("kh", "h").replace("gh", "h").replace("y", "i")
    return re.sub(r"[aeiou]+$", "", key) if len(key) > 5 else key


def _link_transliterated_places(analyses: list[DocumentAnalysis], keys, uf: _UnionFind) -> None:
    """Places the curated data does not know, spelled by two transliterations across the corpus,
    with or without their geographic head word ("Murhaba" and "Murghab River")."""
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


# --- entities ----------------------------------------------------------------------------------


def _mention_reason(m: Mention, key: str, own_key: str | None, relinked: AliasReason | None, uf: _UnionFind) -> AliasReason:
    """How one mention joined its cluster: the rule that relinked it, else the link that brought
    its key in, else (the root's own names) the curated data or the name itself."""
    if relinked is not None:
        return relinked
    if key != own_key:  # relinked by a rule that gave no reason
        return AliasReason(LinkRule.LINKED, m.doc)
    reason = uf.reasons.get(key) or AliasReason(_own_rule(m, key))
    return reason if reason.doc is not None else AliasReason(reason.rule, m.doc)


def _alias_reasons(mentions: list[Mention], reasons_of_mentions: list[AliasReason]) -> dict[str, AliasReason]:
    """Each name of a cluster with how it joined, in the first document that names it so."""
    reasons: dict[str, AliasReason] = {}
    for m, reason in zip(mentions, reasons_of_mentions):
        for alias in (m.name, m.text.strip() if m.start >= 0 else ""):
            if alias:
                reasons.setdefault(alias, reason)
    return dict(sorted(reasons.items()))


def _own_rule(m: Mention, key: str) -> LinkRule:
    if not key.startswith(("g:", "c:")):
        return LinkRule.NAME
    if m.kind == "demonym":
        return LinkRule.DEMONYM
    if m.kind == "capital" and key.startswith("g:"):
        return LinkRule.CAPITAL
    return LinkRule.CURATED


def _make_entity(root: str, mentions: list[Mention], gaz: Gazetteer) -> Entity | None:
    text_mentions = [m for m in mentions if m.start >= 0]
    entry: Entry | None = None
    if root.startswith("g:"):
        entry = gaz.entries.get(root[2:])
    elif root.startswith("c:"):
        entry = gaz.capitals.get(root[2:])
    if entry is None:
        # A name seen only in headlines or bylines-and-headlines is too weak to stand alone,
        # unless a title or a given name says it is a person's ("President Lee", "Ann Lee").
        if not any(not m.headline or m.role or m.kind == "ner" and full_person_name(m, gaz) for m in mentions):
            return None
        if not any(any(c.isupper() for c in m.name) for m in mentions):
            return None
        type_ = vote_type(mentions, gaz)
        if type_ is None:
            return None
        label = _choose_label(mentions, type_, gaz)
        entity = Entity(id=slug(label), label=label, type=type_)
    else:
        entity = Entity(id=entry.node_id, label=entry.label, type=entry.type, wikidata=entry.wikidata)
    entity.aliases = sorted({m.name for m in mentions} | {m.text.strip() for m in text_mentions} - {""})
    entity.mentions = len(mentions)
    entity.documents = sorted({m.doc for m in mentions})
    return entity


def _choose_label(mentions: list[Mention], type_: str, gaz: Gazetteer) -> str:
    counts = Counter(m.name for m in mentions if not m.headline) or Counter(m.name for m in mentions)
    if type_ == "person":
        # The fullest form of a name ("Lloyd James Austin" over "Austin").
        return max(sorted(counts), key=lambda n: (len(n.split()), counts[n], _cased(n)))
    label = max(sorted(counts), key=lambda n: (counts[n], len(n), _cased(n)))
    # An organisation's full name over the short form the text uses more ("Labour Party", "Labour").
    longer = [n for n in sorted(counts) if " " in n and fold(label) in _org_short_forms(n, gaz)]
    return max(longer, key=lambda n: (counts[n], len(n), _cased(n))) if longer else label


def _cased(name: str) -> int:
    """Prefer "Lyudmila Alexandrova" to "ALEXANDROVA Lyudmila" and "Taliban" to "TALIBAN"."""
    return -sum(w.isupper() and len(w) > 4 for w in name.split())


def _unique_id(base: str, used: dict[str, int]) -> str:
    """``base``, or ``base-2``, ``base-3``... when taken (a counter per base keeps this linear)."""
    candidate = base
    while candidate in used:
        used[base] = used.get(base, 1) + 1
        candidate = f"{base}-{used[base]}"
    used[candidate] = used.get(candidate, 1)
    return candidate
