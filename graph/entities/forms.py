"""Organisations and places named in several forms: a short form without the country or the head
word ("Home Office" of the "UK Home Office"), a head word alone ("the Lodge"), an island without
its head word, the head before "of" or after the name ("Senate of X", "X Senate"), "Saint" and
"St.", a street's abbreviation, an acronym by its initials, a state's postal code. Rules of :func:`graph.entities.resolve`,
each linking keys of the union-find.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..contract import fold
from ..curated import packaged_rows, packaged_words
from ..entity_types import person_like
from ..gazetteer import Gazetteer
from ..records import DocumentAnalysis, EntityType, LinkRule, Mention, MentionKind, NameType, SurfaceKind
from .unionfind import UnionFind, own_key

ORG_LABELS = (NameType.ORGANIZATION, NameType.GROUP)
PLACE_LABELS = {NameType.GEOPOLITICAL, NameType.PLACE, NameType.FACILITY}


def link_org_short_forms(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: UnionFind, gaz: Gazetteer) -> None:
    """Within a document, "Home Office" is the "UK Home Office" and "Labour" the "Labour Party"
    it names: an organisation's name without its country or without its head word."""
    for a in analyses:
        doc_keys = keys[a.doc]
        places = {fold(m.name) for m in a.mentions if m.label in PLACE_LABELS or m.label == NameType.COUNTRY}
        short_forms: dict[str, set[str]] = defaultdict(set)
        plurals: dict[str, set[str]] = defaultdict(set)  # the nicknames of teams and bands ("Rhinos" of "Leeds Rhinos")
        for m, k in zip(a.mentions, doc_keys):
            if k and not person_like(m) and m.label not in PLACE_LABELS and len(m.name.split()) >= 2:
                for short in org_short_forms(m.name, gaz, places):
                    short_forms[short].add(k)
                if m.label in ORG_LABELS and (plural := _plural_nickname(m.name, gaz)):
                    plurals[plural].add(k)
        if plurals:
            # "the Tarns" of the "Tarn Islands" are the islands, not "Air Tarns": a plural whose
            # singular is a name of the document is a place's or a family's name
            singulars = {fold(w) for m in a.mentions for w in m.name.split()}
            plurals = {p: ks for p, ks in plurals.items() if p[:-1] not in singulars}
            for plural, ks in plurals.items():
                short_forms[plural] |= ks
        if not short_forms:
            continue
        # One name names one thing in a document: when most of a short form's mentions read as the
        # organisation's, the model's odd place label on another ("at Harrow") is outvoted.
        votes: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # folded name -> [as the organisation, all]
        for m, k in zip(a.mentions, doc_keys):
            if own_key(m, k) and fold(m.name) in short_forms:
                votes[fold(m.name)][0] += m.label in ORG_LABELS or _bare_person_word(m)
                votes[fold(m.name)][1] += 1
        for i, m in enumerate(a.mentions):
            k = doc_keys[i]
            longs = short_forms.get(fold(m.name))
            if not (longs and len(longs) == 1 and own_key(m, k) and k not in longs):
                continue
            org_votes, all_votes = votes[fold(m.name)]
            # the model reads a team's nickname alone as a place as often as not ("the Rhinos won")
            if fold(m.name) in plurals or m.label in ORG_LABELS or _bare_person_word(m) or m.guessed and 2 * org_votes > all_votes:
                uf.relink(doc_keys, i, next(iter(longs)), LinkRule.SHORT_FORM, a.doc)


def _plural_nickname(name: str, gaz: Gazetteer) -> str | None:
    """"Rhinos" of "Leeds Rhinos": the plural noun that ends a two-word organisation's name and
    names it alone, as a team's or a band's nickname does; None for any other name."""
    words = name.split()
    last = words[-1]
    if len(words) != 2 or not words[0][:1].isupper() or not (last[:1].isupper() and last[1:].islower() and last.isalpha()):
        return None
    if len(last) < 4 or not last.endswith("s") or last.endswith(("ss", "us", "is")) or last in gaz.head_words:
        return None
    folded = fold(last)
    if folded in gaz.stop_names or folded in gaz.demonym_country or folded in gaz.country_names:
        return None
    return folded


def link_country_forms(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: UnionFind, gaz: Gazetteer) -> None:
    """"Tarsian Workers' Party" and "Workers' Party" across the corpus: an organisation's name
    without its leading country or demonym names it in every document, when the corpus has one
    such long form only (with a "UK Home Office" and a "Tarsian Home Office", "Home Office" is
    left to each document)."""
    longs: dict[str, set[str]] = defaultdict(set)  # folded short form -> keys of its long forms
    for a in analyses:
        for m, k in zip(a.mentions, keys[a.doc]):
            words = m.name.split()
            if not k or len(words) < 3 or person_like(m) or m.label in PLACE_LABELS:
                continue
            for n in (1, 2):
                lead, rest = fold(" ".join(words[:n])), words[n:]
                if len(rest) >= 2 and (lead in gaz.country_names or lead in gaz.demonym_country):
                    longs[fold(" ".join(rest))].add(uf.find(k))
    for short, found in sorted(longs.items()):
        key = f"n:{short}"
        if len(found) == 1 and key in uf.parent and not uf.find(key).startswith("g:"):
            uf.union(next(iter(found)), key, LinkRule.SHORT_FORM)


SAME_PLACE_HEADS = packaged_words("place_words.tsv", "same_place_head")  # "X Island" is X (data/place_words.tsv)
SAME_PLACE_LEADS = packaged_words("place_words.tsv", "same_place_lead")  # "City of X" is X


def link_head_forms(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: UnionFind, gaz: Gazetteer) -> None:
    """Within a document, a head word alone ("the Ministry", "the Lodge") is the one name the
    document gives with that head ("Ministry of Defence", "Ashvale Lodge"), and an island's name
    alone is the island named with its head word ("Ostra" of "Ostra Island"). With two names of
    that head in the document it names none of them (no entity); with none, it stays what it was."""
    heads = set(gaz.head_words) | {noun.capitalize() for noun in gaz.names.type_nouns}
    for a in analyses:
        doc_keys = keys[a.doc]
        by_head: dict[str, set[str]] = defaultdict(set)  # folded head word -> keys of names it heads
        by_island: dict[str, set[str]] = defaultdict(set)  # folded name without its island word -> keys
        for m, k in zip(a.mentions, doc_keys):
            words = m.name.split()
            if not k or len(words) < 2 or person_like(m):
                continue
            by_head[fold(words[-1])].add(k)
            if "of" in words[1:-1]:  # "Ministry of Defence", "Grand Lodge of Ashvale": the word before "of"
                by_head[fold(words[words.index("of") - 1])].add(k)
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
            if m.title or person_like(m) and " " in m.name or not own_key(m, k):
                continue
            name = fold(m.name)
            targets = by_island.get(name) or (by_head.get(name) if m.name in heads else None)
            if targets and len(targets) == 1 and k not in targets:
                uf.relink(doc_keys, i, next(iter(targets)), LinkRule.SHORT_FORM, a.doc)
            elif targets and k not in targets and m.name in heads and len({uf.find(t) for t in targets}) > 1:
                doc_keys[i] = None  # "the Hotel" in a text naming four hotels names none of them


SAINT = re.compile(r"^(?:Saint|St\.?)\s+(\S+)$")


def link_saints(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: UnionFind) -> None:
    """Within a document that calls a person by one name ("Jerome"), "Saint Jerome" and "St.
    Jerome" are that person, whatever the model took them for; with no lone person of that name in
    the document ("St. Albans" in a text about nobody called Albans) the name stays what it was."""
    for a in analyses:
        doc_keys = keys[a.doc]
        saints = [i for i, m in enumerate(a.mentions) if SAINT.match(m.name) and own_key(m, doc_keys[i])]
        if not saints:
            continue
        people: dict[str, set[str]] = defaultdict(set)  # folded lone name -> keys of the people it names here
        for m, k in zip(a.mentions, doc_keys):
            if " " not in m.name and person_like(m) and own_key(m, k):  # known by one name, as saints are
                people[fold(m.name)].add(k)
        for i in saints:
            found = people.get(fold(SAINT.match(a.mentions[i].name)[1]))
            if found and len(found) == 1:
                uf.relink(doc_keys, i, next(iter(found)), LinkRule.NAME, a.doc)


WORD_ORDER = re.compile(r"^(.+?) of (?:the )?(.+)$")
STREET_WORDS = {row[0]: row[2] for row in packaged_rows("place_words.tsv") if row[1] == "street"}  # data/place_words.tsv
STREET_ABBREVIATION = re.compile(rf"\s({'|'.join(map(re.escape, sorted(STREET_WORDS)))})\.?$", re.IGNORECASE)


def link_word_orders(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: UnionFind, gaz: Gazetteer) -> None:
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
            if m.name in seen or person_like(m) or not own_key(m, k):
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
            curated = [s for s in gaz.by_fold.get(other, ()) if s.kind == SurfaceKind.ALIAS]
            others = [f"g:{curated[0].entry}" if curated else f"n:{other}"]
            # "Government of the Republic of Tarsis" is the "Tarsian Government"
            countries = {s.entry for s in gaz.by_fold.get(fold(match[2]), ()) if s.kind == SurfaceKind.ALIAS}
            others += [f"n:{d}{fold(match[1])}" for c in sorted(countries) for d in sorted(demonyms.get(c, ()))]
            for other_key in others:
                if other_key in uf.parent:
                    uf.union(other_key, k, LinkRule.NAME, a.doc)
                    break


def _bare_person_word(m: Mention) -> bool:
    """One word the model called a person with nothing else saying so (no title, no cue): in a
    document that names "Ashvale University" and no person with it, "Ashvale" is the university."""
    return m.label == NameType.PERSON and m.guessed and " " not in m.name and not m.title and not m.type_votes


def _initials(name: str) -> str:
    """"SEP" of "Saturday Evening Post", "HP" of "Hewlett-Packard": the capitals that start its
    words ("of", "the", "and" left out)."""
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def link_initials(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: UnionFind) -> None:
    """An acronym the text uses without defining it is the one name of the document (not a
    person's) whose words start with its letters; with two such names, or none, it stays itself.
    Three letters at least, or two for an organisation's name of two words ("TM" of "Tarn Motors"):
    two letters match too many other names by chance."""
    for a in analyses:
        doc_keys = keys[a.doc]
        if not any(2 <= len(m.name) <= 6 and m.name.isupper() for m in a.mentions):
            continue
        by_initials: dict[str, set[str]] = defaultdict(set)
        for m, k in zip(a.mentions, doc_keys):
            if k and " " in m.name and not person_like(m) and not m.name.isupper():
                initials = _initials(m.name)
                if len(initials) > 2 or m.label in ORG_LABELS and len(m.name.split()) == 2:
                    by_initials[initials].add(uf.find(k))
        if not by_initials:
            continue
        for i, m in enumerate(a.mentions):
            k = doc_keys[i]
            if not (2 <= len(m.name) <= 6 and m.name.isupper() and m.name.isalpha()) or not own_key(m, k):
                continue
            longs = by_initials.get(m.name)
            if longs and len(longs) == 1 and uf.find(k) not in longs:
                uf.relink(doc_keys, i, next(iter(longs)), LinkRule.ACRONYM, a.doc)


def link_short_names(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: UnionFind, gaz: Gazetteer) -> None:
    """Within a document that names "Kansas", "Lawrence, KS" names it too: a standard short form
    in capitals (the curated ``short_names.tsv``) is the full name the same document gives. Alone,
    a short form may stand for something else ("VA", "LA"), and it stays itself; so does one whose
    full name the document gives as a country or a capital ("Georgia", "Washington")."""
    if not gaz.short_names:
        return
    for a in analyses:
        doc_keys = keys[a.doc]
        short = [i for i, m in enumerate(a.mentions) if m.name in gaz.short_names and own_key(m, doc_keys[i])]
        if not short:
            continue
        full = {fold(gaz.short_names[a.mentions[i].name]) for i in short}
        found: dict[str, str] = {}
        for m, k in zip(a.mentions, doc_keys):
            if k and fold(m.name) in full and m.kind not in (MentionKind.CAPITAL, MentionKind.DEMONYM) and not _country(k, gaz):
                found.setdefault(fold(m.name), k)
        for i in short:
            target = found.get(fold(gaz.short_names[a.mentions[i].name]))
            if target is not None:
                uf.relink(doc_keys, i, target, LinkRule.ACRONYM, a.doc)


def _country(key: str, gaz: Gazetteer) -> bool:
    entry = gaz.entries.get(key[2:]) if key.startswith("g:") else None
    return entry is not None and entry.type == EntityType.COUNTRY


PARTIAL_INITIALS = re.compile(r"^([A-Z]{2,4}) (\S.*)$")


def link_partial_initials(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: UnionFind) -> None:
    """Within a document, "GW Bridge" is the "George Washington Bridge" and "TU Library" the
    "Tarsis University Library" it names: a name's leading words cut to their initials, its
    last words kept. With two such names in the document, or none, it stays itself."""
    for a in analyses:
        doc_keys = keys[a.doc]
        cut = [i for i, m in enumerate(a.mentions) if PARTIAL_INITIALS.match(m.name) and own_key(m, doc_keys[i])]
        if not cut:
            continue
        longs: dict[tuple[str, str], set[str]] = defaultdict(set)  # (initials, folded kept words) -> keys
        for m, k in zip(a.mentions, doc_keys):
            words = m.name.split()
            if not k or len(words) < 3 or person_like(m) or m.name.isupper():
                continue
            for n in range(2, len(words)):
                lead, kept = words[:n], fold(" ".join(words[n:]))
                longs[(_initials(" ".join(lead)), kept)].add(uf.find(k))
                longs[("".join(w[0] for w in lead).upper(), kept)].add(uf.find(k))  # "SOO" of "School of Open"
        for i in cut:
            match = PARTIAL_INITIALS.match(a.mentions[i].name)
            found = longs.get((match[1], fold(match[2])))
            if found and len(found) == 1 and uf.find(doc_keys[i]) not in found:
                uf.relink(doc_keys, i, next(iter(found)), LinkRule.ACRONYM, a.doc)


def org_short_forms(name: str, gaz: Gazetteer, places: set[str] | frozenset[str] = frozenset()) -> list[str]:
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
