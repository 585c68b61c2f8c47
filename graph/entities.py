"""Resolve the mentions of a whole corpus to canonical entities: one real entity, one node.

Names are linked with a union-find over name keys, each link a rule a reader would apply:
the curated data's aliases, demonyms and capitals; acronyms the text defines; a surname to the
full name used in the same document (else the only one in the corpus); spellings that differ only
in case, dots, spaces or hyphens; typos of curated names; transliterations of a first name.
Every rule works on dictionaries keyed by name, so resolution stays linear in the mentions.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Levenshtein

from .gazetteer import Entry, Gazetteer, fold, slug
from .records import AcronymDefinition, AliasReason, DocumentAnalysis, Entity, LinkRule, Mention, Resolution

# What one mention says about the type of its entity, and how loudly.
LABEL_VOTES = {
    "PERSON": ("person", 1.0),
    "ORG": ("organization", 1.0),
    "GPE": ("place", 1.0),
    "LOC": ("place", 1.0),
    "FAC": ("place", 0.5),
}
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
    _link_surnames(analyses, keys, uf)
    _link_first_name_variants(uf, analyses, keys)
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


def _person_like(m: Mention) -> bool:
    return m.label in ("PERSON", "person") or m.kind == "byline"


def _link_surnames(analyses: list[DocumentAnalysis], keys: dict[str, list[str | None]], uf: _UnionFind) -> None:
    """"Kabulov" is the Zamir Kabulov of the same document, else the only Kabulov of the corpus."""
    corpus_full: dict[str, set[str]] = defaultdict(set)
    doc_full: dict[str, dict[str, set[str]]] = {}
    for a in analyses:
        full: dict[str, set[str]] = defaultdict(set)
        for m, k in zip(a.mentions, keys[a.doc]):
            words = m.name.split()
            if k and len(words) >= 2 and _person_like(m):
                surname = fold(words[-1])
                full[surname].add(k)
                corpus_full[surname].add(uf.find(k))
        doc_full[a.doc] = full
    for a in analyses:
        for m, k in zip(a.mentions, keys[a.doc]):
            if not k or not k.startswith("n:") or len(m.name.split()) != 1 or m.label not in ("PERSON", "ORG"):
                continue
            surname = fold(m.name)
            local = doc_full[a.doc].get(surname, set())
            roots = {uf.find(x) for x in local} or corpus_full.get(surname, set())
            if len({uf.find(r) for r in roots}) == 1:
                uf.union(next(iter(roots)), k, LinkRule.SURNAME, a.doc)


def _link_first_name_variants(uf: _UnionFind, analyses: list[DocumentAnalysis], keys) -> None:
    """"Sergei Lavrov" and "Sergey Lavrov": the same surname and a first name spelled alike."""
    by_surname: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for a in analyses:
        for m, k in zip(a.mentions, keys[a.doc]):
            words = m.name.split()
            if k and k.startswith("n:") and len(words) >= 2 and _person_like(m):
                by_surname[fold(words[-1])].add(k)
                names[k] = fold(words[0])
    for surname in sorted(by_surname):
        group = sorted(by_surname[surname])
        if len(group) > 1:
            for i, j in _alike_first_names([names[k] for k in group]):
                uf.union(group[i], group[j], LinkRule.FIRST_NAME)


FIRST_NAME_BLOCK = 512  # rows of first names scored at once (a block of scores is 512 x n floats)


def _alike_first_names(firsts: list[str]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, in order, of first names that may be one name: equal,
    one the initial of the other, or spelled alike (``fuzz.ratio`` >= 80). Each distinct name is
    scored once, in rapidfuzz's C loop: a common surname has thousands of mentions but far fewer
    distinct first names.

    >>> _alike_first_names(["sergei", "sergey", "s", "anna"])
    [(0, 1), (0, 2), (1, 2)]
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
        alike.update((initial, other) for other in by_initial[initial])
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
            if k and k.startswith("n:") and not (_person_like(m) and " " in m.name):
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
            if not k or not k.startswith("n:") or m.label not in PLACE_LABELS:
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
        # A name seen only in headlines or bylines-and-headlines is too weak to stand alone.
        if not any(not m.headline for m in mentions):
            return None
        if not any(any(c.isupper() for c in m.name) for m in mentions):
            return None
        type_ = _vote_type(mentions, gaz)
        if type_ is None:
            return None
        label = _choose_label(mentions, type_)
        entity = Entity(id=slug(label), label=label, type=type_)
    else:
        entity = Entity(id=entry.node_id, label=entry.label, type=entry.type, wikidata=entry.wikidata)
    entity.aliases = sorted({m.name for m in mentions} | {m.text.strip() for m in text_mentions} - {""})
    entity.mentions = len(mentions)
    entity.documents = sorted({m.doc for m in mentions})
    return entity


def _vote_type(mentions: list[Mention], gaz: Gazetteer) -> str | None:
    votes: Counter[str] = Counter()
    for m in mentions:
        weight = 0.5 if m.headline else 1.0
        if m.kind == "org":
            votes[m.label] += 1.5 * weight
        elif m.kind == "byline":
            votes["person"] += 0.5
        elif m.kind == "outlet":
            votes["organization"] += 0.5
        elif m.label in LABEL_VOTES:
            type_, w = LABEL_VOTES[m.label]
            if type_ == "person" and (len(m.name.split()) >= 2 or m.role):
                w *= 2  # a full name or a title is the strongest sign of a person
            votes[type_] += w * weight
        if m.kind in ("ner", "acronym") and m.label == "ORG":
            head = m.name.split()[-1] if m.name.split() else ""
            if gaz.head_words.get(head) in ("group", "alliance"):
                votes[gaz.head_words[head]] += 1.0
    if not votes:
        return None
    if not any(len(m.name.split()) > 1 or m.role for m in mentions if _person_like(m)):
        # A lone word is a person's name only where a full name or a title says so ("Yukos").
        others = {t: v for t, v in votes.items() if t != "person"}
        if others:
            votes = Counter(others)
    return max(sorted(votes), key=lambda t: votes[t])


def _choose_label(mentions: list[Mention], type_: str) -> str:
    counts = Counter(m.name for m in mentions if not m.headline) or Counter(m.name for m in mentions)
    if type_ == "person":
        # The fullest form of a name ("Lloyd James Austin" over "Austin").
        return max(sorted(counts), key=lambda n: (len(n.split()), counts[n], _cased(n)))
    return max(sorted(counts), key=lambda n: (counts[n], len(n), _cased(n)))


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


def acronym_table(acronyms: Iterable[AcronymDefinition]) -> dict[str, str]:
    """Short form -> long form, as the corpus defines them (for display)."""
    return {d.short: d.long for d in acronyms}
