"""Resolve the mentions of a whole corpus to canonical entities: one real entity, one node.

Names are linked with a union-find over name keys, each link a rule a reader would apply:
the curated data's aliases, demonyms and capitals; acronyms the text defines, and an undefined
one to the one name of its document with its initials; a lone surname or first name to the full
name used in the same document, even one the model mistyped when a title, a cue or speech says the
surname is a person's, or one the curated data knows as a place's name when a title or speech comes
with it (else, for a surname, the only person of the corpus with it); an
organisation's short form to its long form in the same document (without its country: in the
corpus, when one long form has it); a head word alone ("the Lodge") to the one name with that
head in its document, an island's name to "X Island"; "Senate of X" to "X Senate", "Saint" to
"St.", "Elm St." to "Elm Street", "GW Bridge" to the name whose leading words it initials, a
state's postal code to the state its document names, a team's plural nickname to the team; "Saint X"
to the one-name person X of its document, a peer's title to the name it follows, two given names
or a middle name to the one full name of the document that holds them; a name written
surname first to the other order; "Musical Hall" to "Music Hall"; spellings that differ only in case, dots, spaces or hyphens;
typos of curated names; transliterations and nicknames of a first name. A name resolved within its document takes the key
of what it names there (two documents' "Clinton" may be two people); names linked across the
corpus share a union-find root. Every rule works on dictionaries keyed by name, so resolution
stays linear in the mentions. The type of an unknown entity is voted in :mod:`graph.entity_types`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from ..contract import fold
from ..entity_types import full_person_name, named_as_bodies, vote_type
from ..entity_types import person_like as _person_like
from ..gazetteer import Entry, Gazetteer, slug
from ..records import AliasReason, CapitalUse, DocumentAnalysis, Entity, EntityType, LinkRule, Mention, MentionKind, NameType, Resolution, SurfaceKind
from .forms import (link_country_forms, link_head_forms, link_initials, link_org_short_forms,
                    link_partial_initials, link_saints, link_short_names, link_word_orders, org_short_forms)
from .given_names import alike_first_names, conflicting_middles, ends_with_initial, middle_initials, other_first_name, other_gender
from .surnames import (link_curated_surnames, link_demonym_surnames, link_leading_given_names, link_middle_given_names,
                       lone_name, named_before, position, pronoun_genders, surname_forms, two_unsure, unsure_full_names)
from .unionfind import UnionFind as _UnionFind
from .variants import FUZZY_MIN_LENGTH, FUZZY_SIMILARITY, link_reversed_names, link_transliterated_places, link_variants_in_document
from .unionfind import own_key as _own_key



def resolve(analyses: Iterable[DocumentAnalysis], gazetteer: Gazetteer) -> Resolution:
    """Turn every document's mentions into corpus-wide entities.

    >>> from graph.records import Mention, DocumentAnalysis
    >>> from graph.gazetteer import load_gazetteer
    >>> m = [Mention("d1", 0, 13, "Zamir Kabulov", "Zamir Kabulov", NameType.PERSON, 0),
    ...      Mention("d1", 30, 37, "Kabulov", "Kabulov", NameType.ORGANIZATION, 1)]
    >>> res = resolve([DocumentAnalysis("d1", mentions=m)], load_gazetteer())
    >>> [(e.label, e.type, e.mentions) for e in res.entities]
    [('Zamir Kabulov', <EntityType.PERSON: 'person'>, 2)]
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
    _link_middle_names_in_document(analyses, keys, uf, gazetteer)
    _link_first_name_variants(uf, analyses, keys, gazetteer)
    _link_lone_names(analyses, keys, uf, gazetteer)
    _link_peerages(analyses, keys, uf, gazetteer)
    link_org_short_forms(analyses, keys, uf, gazetteer)
    link_country_forms(analyses, keys, uf, gazetteer)
    link_head_forms(analyses, keys, uf, gazetteer)
    link_saints(analyses, keys, uf)
    link_word_orders(analyses, keys, uf, gazetteer)
    link_initials(analyses, keys, uf)
    link_partial_initials(analyses, keys, uf)
    link_short_names(analyses, keys, uf, gazetteer)
    link_variants_in_document(analyses, keys, uf, gazetteer)
    link_reversed_names(analyses, keys, uf)
    link_transliterated_places(analyses, keys, uf)

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
        if m.kind == MentionKind.CAPITAL and m.capital_use == CapitalUse.PLACE:
            return f"c:{m.key}"  # the city itself
        return f"g:{m.key}"
    name_key = fold(m.name)
    if len(name_key) < 2 or name_key in gaz.stop_names:
        return None
    # A name the curated data knows, written another way ("The Islamic State", "Anadolu agency").
    for s in gaz.by_fold.get(name_key, ()):
        if s.kind == SurfaceKind.ALIAS:
            return f"g:{s.entry}"
    return f"n:{name_key}"


def _link_acronyms(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind) -> None:
    """A short form defined in a text names what its long form names, in the whole corpus."""
    for a in analyses:
        by_name = {fold(m.name): k for m, k in zip(a.mentions, keys[a.doc]) if k}
        for d in a.acronyms:
            # the long form as the document's names give it, or the longest name it ends with (the
            # model may cut a long name at a sentence break it sees inside: "Sky Harbor Airport")
            words = d.long.split()
            long_key = next((by_name[f] for n in range(max(1, len(words) - 1)) if (f := fold(" ".join(words[n:]))) in by_name), None)
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
        surfaces = [s for s in choices[hit[0]] if s.kind in (SurfaceKind.ALIAS, SurfaceKind.DEMONYM, SurfaceKind.CAPITAL)]
        if surfaces and not other_first_name(name, hit[0], gaz.entries.get(surfaces[0].entry), gaz.names):
            uf.union(f"g:{surfaces[0].entry}", key, LinkRule.SPELLING)


# A lone surname the model took for a place, a building or a body (a guessed type: see Mention.guessed).
LONE_NAME_LABELS = (NameType.PERSON, NameType.ORGANIZATION, NameType.GEOPOLITICAL, NameType.PLACE, NameType.FACILITY)
# a lone word the model took for a place is a first name only if it is one
PLACE_NAME_LABELS = (NameType.GEOPOLITICAL, NameType.PLACE, NameType.FACILITY)


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
            full = len(words) >= 2 and full_person_name(m, self.gaz) and not lone_name(m.name, names)
            self._parts[key] = (words, surname_forms(words, names)) if full else None
        return self._parts[key]

    def given_lead(self, m: Mention) -> tuple[list[str], set[str]] | None:
        """The parts of a person's name whose first word is both a surname particle and a given
        name ("Al Verrick", "Ben Harwood", where "al" and "ben" may also start a surname), read as a
        full name; None for any other name."""
        names = self.gaz.names
        words = m.name.split()
        if len(words) != 2 or not lone_name(m.name, names) or not words[0][:1].isupper() or not _person_like(m):
            return None
        first = fold(words[0])
        if first not in names.given_names and first not in names.nicknames:
            return None
        return words, surname_forms(words, names)


def _link_lone_names(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind, gaz: Gazetteer) -> None:
    """A lone surname is the person of the same document whose full name ends with it; when two
    people share it, the one named last before it. A surname the model tagged as an organisation
    or place is that person too. A lone first name right after a full name ("Ann" after "Ann
    Lee", "Xi" after "Xi Jinping") is that person. A surname with a title or a cue ("Ms. Varnholt",
    "Varnholt said she") is the one name of its document that ends with it even when the model took
    that name for something else ("Sylke Varnholt" as an organisation). A people's name that is a
    person's surname ("German" of "Tessa German") is that person where the country goes unnamed. A
    "she" the statement stage resolved to a lone surname says it is no man of that surname. With
    no full name in the document, a surname is the one person of the corpus who has it (a given name
    with no title is nobody else's surname), and nobody when the corpus has two, or when two names of the document the model did not read as people's
    end with it."""
    names = gaz.names
    full_names = _FullNames(gaz)
    corpus: dict[str, set[str]] = defaultdict(set)
    genders: dict[str, set[str]] = defaultdict(set)  # root of a full name -> its given names' genders
    people: dict[str, list[tuple[int, str, set[str], str]]] = {}  # doc -> full names in text order
    for a in analyses:
        found = []
        given_leads = []
        for m, k in zip(a.mentions, keys[a.doc]):
            found_parts = full_names.parts(m) if k and " " in m.name else None
            if found_parts:
                words, forms = found_parts
                found.append((position(m), k, forms, fold(words[0])))
            elif k and " " in m.name and (lead := full_names.given_lead(m)):
                given_leads.append((position(m), k, lead))
        # "Al Verrick" is a full name unless the document names someone whose surname it is
        # ("Karim Al Nasser" and "Al Nasser"): then it is that person's surname, linked below.
        surnames = {form for _, _, forms, _ in found for form in forms}
        for start, k, (words, forms) in given_leads:
            if fold(" ".join(words)) not in surnames:
                found.append((start, k, forms, fold(words[0])))
        # "Whitacre Delgado" beside "Lorna Whitacre Delgado" is her surname, not a second full name
        people[a.doc] = found = sorted((p for p in found if p[1][2:] not in surnames), key=lambda person: person[0])
        named_here = {k for _, k, _, _ in found}
        for _, k, forms, first in found:
            for form in forms:
                corpus[form].add(uf.find(k))
            if first in names.genders:
                genders[uf.find(k)].add(names.genders[first])
        for m, k in zip(a.mentions, keys[a.doc]):
            if m.gender and k and " " in m.name and k in named_here:
                genders[uf.find(k)].add(m.gender)  # "Ms. Dana Lee": a title says what her name does not
    lone_genders: dict[str, set[str | None]] = defaultdict(set)  # key -> the titles' genders of its mentions left to the corpus
    corpus_links: dict[str, tuple[str, str]] = {}  # key of a lone surname -> the one person of the corpus with it, the first document
    for a in analyses:
        doc_keys = keys[a.doc]
        by_surname: dict[str, list[tuple[int, str]]] = defaultdict(list)  # form -> (start, key), in text order
        by_first: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for start, k, forms, first in people[a.doc]:
            for form in forms:
                by_surname[form].append((start, k))
            by_first[first].append((start, k))
        people_keys = {k for _, k, _, _ in people[a.doc]}
        link_leading_given_names(a, doc_keys, gaz, uf)
        unsure = unsure_full_names(a, doc_keys, people_keys, gaz)
        if by_surname:
            link_demonym_surnames(a, doc_keys, by_surname, uf)
            link_curated_surnames(a, doc_keys, by_surname, uf)
        # "Mr. Lee" in an article naming "Ann Lee" only is another, unnamed Lee ("Mr. Lee" her
        # husband): the article's "Lee" with no gender is whichever of the two it names last before.
        unnamed: dict[str, list[tuple[int, str]]] = defaultdict(list)  # folded surname -> the unnamed one's (start, key)
        for j, (m, k) in enumerate(zip(a.mentions, doc_keys)):
            if (m.gender or m.title) and _own_key(m, k) and (found := by_surname.get(fold(m.name))):
                if all(other_gender(m.gender, genders.get(uf.find(p[1]))) for p in found) or (
                        all(_named_before_in_sentence(a, j, p[1], doc_keys) for p in found)):
                    # "Tom Lee, the son of Senator Lee": a titled surname later in the sentence
                    # that names the only full name with it is someone else ("General Lee got off
                    # lightly," said a lawyer for Ann Lee: the surname first may be her)
                    unnamed[fold(m.name)].append((position(m), k))
        said_gender = pronoun_genders(a)
        bodies = named_as_bodies(a.mentions)
        for i, m in enumerate(a.mentions):
            k = doc_keys[i]
            if not _own_key(m, k) or not m.guessed or m.label not in LONE_NAME_LABELS:
                continue
            gender = m.gender or said_gender.get(i)  # a title's, else what "he" or "she" said of this mention
            name = fold(m.name)
            if name in bodies and not (m.title or gender or EntityType.PERSON in m.type_votes):
                continue  # "the retailer Quimby" beside "Harold Quimby": the lone name is the company unless it is marked a person's
            if not lone_name(m.name, names) and not (
                m.label == NameType.PERSON and len(m.name.split()) == 2 and k not in people_keys and (name in by_surname or name in corpus)
            ):
                continue  # one word, a particle's surname, or a person's two-word surname ("Whitacre Delgado")
            rule = LinkRule.SURNAME
            candidates = [p for p in by_surname.get(name, ()) if not other_gender(gender, genders.get(uf.find(p[1])))]
            if name in unnamed and not m.gender:
                candidates = sorted(candidates + unnamed[name])
            target = named_before(candidates, position(m))
            if target == k:
                continue  # the unnamed namesake, whose own name it is
            if target is None and (m.label not in PLACE_NAME_LABELS or name in names.given_names):
                target = named_before(by_first.get(name, ()), position(m))  # "Cleveland" is no "Cleveland Smith"
                rule = LinkRule.GIVEN_NAME
            if target is None and name in unsure:
                # "Sylke Varnholt" the model read as a body, "Ms. Varnholt" as a person: one person
                unsure_key, said_person = unsure[name]
                if unsure_key and said_person:
                    target, rule = unsure_key, LinkRule.SURNAME
            if target is not None:
                uf.relink(doc_keys, i, target, rule, a.doc)
            elif (m.label not in PLACE_NAME_LABELS and not by_surname.get(name) and not two_unsure(unsure, name) and len(corpus.get(name, ())) == 1
                  and (m.title or name not in names.given_names)):
                # a bare first name ("James and Olive Lee") is someone of its own document, not another's surname
                corpus_links.setdefault(k, (next(iter(corpus[name])), a.doc))
                lone_genders[k].add(gender)
    # A surname called "Mr." in one article and "Ms." in another names two people: neither is the corpus's.
    for k, (person, doc) in corpus_links.items():
        said = lone_genders[k] - {None}
        if len(said) <= 1 and not any(other_gender(g, genders.get(person)) for g in said):
            uf.union(person, k, LinkRule.SURNAME, doc)


def _named_before_in_sentence(a: DocumentAnalysis, i: int, key: str, doc_keys: list[str | None]) -> bool:
    """Whether the sentence of mention ``i`` names ``key`` before it."""
    m = a.mentions[i]
    return any(k == key and other.sentence == m.sentence and other.end < m.start
               for other, k in zip(a.mentions, doc_keys) if other.start is not None and m.start is not None)


# A peer's title ("2nd Earl of Tarn", "Duchess of Ashvale"), which the text sets after the name.
PEER_TITLES = r"(?:Earl|Duke|Duchess|Marquess|Marquis|Marchioness|Viscount|Viscountess|Baron|Baroness|Count|Countess)"
PEERAGE = re.compile(rf"^(?:\d+(?:st|nd|rd|th)\s+{PEER_TITLES}(?:\s+of\s+\S.*)?|{PEER_TITLES}\s+of\s+\S.*)$")
APPOSITION_GAP = 2  # ", " between a name and its title


def _link_peerages(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind, gaz: Gazetteer) -> None:
    """"Ann Lee, 3rd Countess of Tarn": a peer's title set right after a full name is that person,
    and so is that title again in the same document."""
    full_names = _FullNames(gaz)
    for a in analyses:
        doc_keys = keys[a.doc]
        titled: dict[str, str] = {}  # folded title -> the person's key
        for i in range(1, len(a.mentions)):
            m, before = a.mentions[i], a.mentions[i - 1]
            if not (PEERAGE.match(m.name) and m.in_text and before.in_text and doc_keys[i - 1] and _own_key(m, doc_keys[i])):
                continue
            if 0 < m.start - before.end <= APPOSITION_GAP and full_names.parts(before):
                titled.setdefault(fold(m.name), doc_keys[i - 1])
        if not titled:
            continue
        for i, m in enumerate(a.mentions):
            person = titled.get(fold(m.name))
            if person and _own_key(m, doc_keys[i]):
                uf.relink(doc_keys, i, person, LinkRule.NAME, a.doc)


def _link_first_name_variants(uf: _UnionFind, analyses: list[DocumentAnalysis], keys, gaz: Gazetteer) -> None:
    """"Sergei Lavrov" and "Sergey Lavrov", "Bill" and "William Clinton": the same surname and a
    first name spelled alike or a nickname of the other (never "Bill" and "Hillary Clinton"), and
    no two middle initials that differ ("Ann B. Lee" and "Ann C. Lee" are two people). A name
    without one that fits two such people ("Ann Lee") joins neither: it is the one its own
    document names (:func:`_link_middle_names_in_document`), else itself."""
    full_names = _FullNames(gaz)
    by_surname: dict[str, set[str]] = defaultdict(set)
    firsts: dict[str, str] = {}
    middles: dict[str, str] = {}
    for a in analyses:
        for m, k in zip(a.mentions, keys[a.doc]):
            found = full_names.parts(m) if _own_key(m, k) and " " in m.name else None
            if found and not ends_with_initial(found[0]):
                words = found[0]
                by_surname[fold(words[-1])].add(k)
                firsts[k] = fold(words[0])
                middles[k] = middle_initials(words)
    roots_middles: dict[str, set[str]] = {}  # root -> the middle initials its full names carry
    torn: set[str] = set()  # keys and roots of names without middle initials that fit two people
    for surname in sorted(by_surname):
        group = sorted(by_surname[surname])
        if len(group) < 2:
            continue
        pairs = alike_first_names([firsts[k] for k in group], gaz.names)
        partners: dict[int, set[str]] = defaultdict(set)  # a name without middle initials -> those of its partners
        for i, j in pairs:
            for x, y in ((i, j), (j, i)):
                if not middles[group[x]] and middles[group[y]]:
                    partners[x].add(middles[group[y]])
        torn.update(group[x] for x, found in partners.items() if conflicting_middles(found))
        for i, j in pairs:
            a, b = group[i], group[j]
            ra, rb = uf.find(a), uf.find(b)
            ma = roots_middles.get(ra, {middles[a]} - {""})
            mb = roots_middles.get(rb, {middles[b]} - {""})
            # a torn name's cluster takes nobody with middle initials, through any chain of links
            if ra == rb or conflicting_middles(ma | mb) or (ra in torn or a in torn) and mb or (rb in torn or b in torn) and ma:
                continue
            uf.union(a, b, LinkRule.FIRST_NAME)
            root = uf.find(a)
            roots_middles[root] = ma | mb
            if {a, b, ra, rb} & torn:
                torn.add(root)


def _link_middle_names_in_document(analyses: list[DocumentAnalysis], keys, uf: _UnionFind, gaz: Gazetteer) -> None:
    """Within one article, "Ann Lee" is the "Ann B. Lee" it names: a full name without middle
    initials is the one full name of its document with the same first name and surname and
    middle initials (with two such, "Ann B. Lee" and "Ann C. Lee", it stays itself); and one
    known by a middle name is the full name that holds it (:func:`link_middle_given_names`)."""
    full_names = _FullNames(gaz)
    for a in analyses:
        doc_keys = keys[a.doc]
        bare: list[tuple[int, tuple[str, str]]] = []
        initialed: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)  # (first, surname) -> middles -> key
        for i, (m, k) in enumerate(zip(a.mentions, doc_keys)):
            found = full_names.parts(m) if _own_key(m, k) and " " in m.name else None
            if not found or ends_with_initial(found[0]):
                continue  # "Hollis T." is no bare "Hollis" with surname "T." of "Hollis K. T."
            words = found[0]
            name = (fold(words[0]), fold(words[-1]))
            middle = middle_initials(words)
            if middle:
                initialed[name].setdefault(middle, k)
            elif len(words) == 2:
                bare.append((i, name))
        for i, name in bare:
            found = initialed.get(name)
            if found and not conflicting_middles(set(found)):
                target = found[max(found, key=len)]
                if target != doc_keys[i]:
                    _relink_person(a, doc_keys, i, target, uf)
        link_middle_given_names(a, doc_keys, gaz, uf)


def _relink_person(a: DocumentAnalysis, doc_keys: list[str | None], i: int, target: str, uf: _UnionFind) -> None:
    """Every mention of the document with the name of mention ``i`` points at ``target``."""
    own = doc_keys[i]
    for j, k in enumerate(doc_keys):
        if k == own:
            uf.relink(doc_keys, j, target, LinkRule.NAME, a.doc)


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
        for alias in (m.name, m.text.strip() if m.in_text else ""):
            if alias:
                reasons.setdefault(alias, reason)
    return dict(sorted(reasons.items()))


def _own_rule(m: Mention, key: str) -> LinkRule:
    if not key.startswith(("g:", "c:")):
        return LinkRule.NAME
    if m.kind == MentionKind.DEMONYM:
        return LinkRule.DEMONYM
    if m.kind == MentionKind.CAPITAL and key.startswith("g:"):
        return LinkRule.CAPITAL
    return LinkRule.CURATED


def _make_entity(root: str, mentions: list[Mention], gaz: Gazetteer) -> Entity | None:
    text_mentions = [m for m in mentions if m.in_text]
    entry: Entry | None = None
    if root.startswith("g:"):
        entry = gaz.entries.get(root[2:])
    elif root.startswith("c:"):
        entry = gaz.capitals.get(root[2:])
    if entry is None:
        # A name seen only in headlines or bylines-and-headlines is too weak to stand alone,
        # unless a title or a given name says it is a person's ("President Lee", "Ann Lee").
        if not any(not m.headline or m.title or m.kind == MentionKind.NER and full_person_name(m, gaz) for m in mentions):
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
        # A full name over a lone one ("Lloyd Austin" over "Austin"), not a peer's title; among full
        # names the one most documents write ("Ann Lee" over the "Ann B. Lee" of one article).
        docs: dict[str, set[str]] = {}
        for m in mentions:
            docs.setdefault(m.name, set()).add(m.doc)
        return max(sorted(counts), key=lambda n: (not PEERAGE.match(n), " " in n, len(docs.get(n, ())),
                                                  len(n.split()), counts[n], _cased(n)))
    label = max(sorted(counts), key=lambda n: (counts[n], len(n), _cased(n)))
    # An organisation's full name over the short form the text uses more ("Labour Party", "Labour").
    longer = [n for n in sorted(counts) if " " in n and fold(label) in org_short_forms(n, gaz)]
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
