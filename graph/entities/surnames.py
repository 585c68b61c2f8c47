"""People's names in their parts: the forms a surname takes alone ("Lee" of "Ann Lee", "van Dam",
a two-word surname), which person of a document a lone surname names, and the names the model read
as something else that may still be a person's. Helpers of :func:`graph.entities._link_lone_names`.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..contract import fold
from ..curated import packaged_rows
from ..entity_types import full_person_name, has_given_name
from ..gazetteer import Gazetteer, NameKnowledge
from ..records import DocumentAnalysis, LinkRule, Mention, MentionKind, SpeakerResolution, StatementKind
from .unionfind import UnionFind, own_key


def surname_forms(words: list[str], names: NameKnowledge) -> set[str]:
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
    if len(words) >= 3 and _compound_surname_word(words[-2], names):
        forms.add(fold(" ".join(words[-2:])))  # "Whitacre Delgado" of "Lorna Whitacre Delgado"
    return forms


def _compound_surname_word(word: str, names: NameKnowledge) -> bool:
    """A word before the last of a name that starts a two-word surname: capitalised, no initial,
    no given name (the "Lee" of "Ann Lee Smith" is a middle name, and "Lee Smith" another person)."""
    folded = fold(word)
    return (len(word) > 1 and word[:1].isupper() and word.replace("-", "").isalpha()
            and folded not in names.given_names and folded not in names.nicknames and word.lower() not in names.particles)


def lone_name(name: str, names: NameKnowledge) -> bool:
    """One word, or a surname with its particles ("van Dam", "de la Cruz")."""
    words = name.split()
    return len(words) == 1 or len(words) <= 3 and " ".join(words[:-1]).lower() in names.particles


def position(m: Mention) -> int:
    """Where a mention stands in reading order: the byline and the outlet before all the text."""
    return m.start if m.in_text else -1


def named_before(people: Iterable[tuple[int, str]], start: int) -> str | None:
    """The key of the person named last before ``start`` among ``people`` (``(start, key)`` in text
    order), else the first named after it; None when there is nobody."""
    chosen = None
    for at, key in people:
        if chosen is not None and at > start:
            break
        chosen = key
    return chosen


def two_unsure(unsure: dict[str, tuple[str | None, bool]], name: str) -> bool:
    """Whether two names of the document that the model did not read as people's end with this
    surname: it is then one of them, and no namesake of another document."""
    return name in unsure and unsure[name][0] is None


def link_demonym_surnames(a: DocumentAnalysis, doc_keys: list[str | None], by_surname: dict[str, list[tuple[int, str]]], uf: UnionFind) -> None:
    """"German said" in an article about "Tessa German": a people's name that is the surname of a
    person of the document is that person, when the document never names the country itself
    (an article on Germany that quotes someone called German keeps its "German" exports)."""
    named = {k for m, k in zip(a.mentions, doc_keys) if k and m.kind != MentionKind.DEMONYM}
    for i, m in enumerate(a.mentions):
        k = doc_keys[i]
        if m.kind != MentionKind.DEMONYM or not k or k in named or " " in m.name or not m.name[:1].isupper():
            continue
        target = named_before(by_surname.get(fold(m.name), ()), position(m))
        if target is not None:
            uf.relink(doc_keys, i, target, LinkRule.SURNAME, a.doc)


def link_leading_given_names(a: DocumentAnalysis, doc_keys: list[str | None], gaz: Gazetteer, uf: UnionFind) -> None:
    """"Rosa Lia" in an article about "Rosa Lia Brandt" is her: two given names that start exactly
    one full name of three words or more in the document (with a "Rosa Lia Brandt" and a "Rosa
    Lia Cole", or a surname that is no given name, "Rosa Brandt", it stays itself)."""
    names = gaz.names
    pairs = [i for i, m in enumerate(a.mentions) if own_key(m, doc_keys[i]) and len(words := m.name.split()) == 2
             and all(fold(w) in names.given_names for w in words)]
    if not pairs:
        return
    starts: dict[str, set[str]] = defaultdict(set)  # folded first two words -> keys of the full names they start
    for m, k in zip(a.mentions, doc_keys):
        words = names.core(m.name)
        # the rest a surname, not a title or a head word that ends a name cut short ("Ann Lee Justice")
        if k and len(words) >= 3 and full_person_name(m, gaz) and not any(
                w.lower() in gaz.titles or w in gaz.head_words or fold(w) in gaz.stop_names for w in words[2:]):
            starts[fold(" ".join(words[:2]))].add(k)
    for i in pairs:
        found = starts.get(fold(a.mentions[i].name))
        if found and len(found) == 1 and not _named_apart(a, [i], next(iter(found)), doc_keys):
            uf.relink(doc_keys, i, next(iter(found)), LinkRule.GIVEN_NAME, a.doc)


def link_middle_given_names(a: DocumentAnalysis, doc_keys: list[str | None], gaz: Gazetteer, uf: UnionFind) -> None:
    """"Tove Lund" in an article about "Ida Tove Maria Lund" is her, known by a middle name: a
    two-word person's name whose first word is a middle given name of exactly one longer full
    name of the document with the same surname (beside a "Tove Lund" of her own, or two such
    longer names, it stays itself)."""
    names = gaz.names
    bare: dict[str, list[int]] = defaultdict(list)  # key of a two-word full name -> its mentions
    longer: dict[tuple[str, str], set[str]] = defaultdict(set)  # (middle given name, surname) -> keys
    for i, (m, k) in enumerate(zip(a.mentions, doc_keys)):
        if not (own_key(m, k) and " " in m.name and full_person_name(m, gaz)):
            continue
        words = names.core(m.name)
        if len(words) == 2:
            bare[k].append(i)
        elif len(words) >= 3:
            for w in words[1:-1]:
                if len(w) > 2 and fold(w) in names.given_names:
                    longer[(fold(w), fold(words[-1]))].add(k)
    for k, found in bare.items():
        words = names.core(a.mentions[found[0]].name)
        targets = longer.get((fold(words[0]), fold(words[-1])))
        if targets and len(targets) == 1 and not _named_apart(a, found, next(iter(targets)), doc_keys):
            for i in found:
                uf.relink(doc_keys, i, next(iter(targets)), LinkRule.NAME, a.doc)


APPOSITION_CHARS = 8  # "Tove Lund (born Ida Tove Lund": the longer name right after the shorter


def _named_apart(a: DocumentAnalysis, short: list[int], long_key: str, doc_keys: list[str | None]) -> bool:
    """Whether one sentence names both, not as a name and its longer form set right after it:
    "Ann Lee met her rival Mary Ann Lee" names two people."""
    longs = [m for m, k in zip(a.mentions, doc_keys) if k == long_key]
    for i in short:
        m = a.mentions[i]
        for other in longs:
            if other.sentence == m.sentence and not 0 <= other.start - m.end <= APPOSITION_CHARS:
                return True
    return False


PERSON_SPEECH = (StatementKind.DIRECT, StatementKind.INDIRECT, StatementKind.QUESTION, StatementKind.NEGATED)


def link_curated_surnames(a: DocumentAnalysis, doc_keys: list[str | None], by_surname: dict[str, list[tuple[int, str]]], uf: UnionFind) -> None:
    """"Jordan said" in an article that names "Rep. Sam Jordan": a one-word name the curated data
    knows (a country, a city) that is the surname of a person of the document is that person where
    a title comes with it ("Mr. Jordan") or it is named as the one who speaks; elsewhere in the
    same article ("exports to Jordan") it stays the place."""
    speakers = _speakers(a)
    for i, m in enumerate(a.mentions):
        k = doc_keys[i]
        if not (k and k.startswith(("g:", "c:")) and m.in_text and " " not in m.name and m.name[:1].isupper()):
            continue
        if not (m.title or i in speakers):
            continue
        target = named_before(by_surname.get(fold(m.name), ()), position(m))
        if target is not None:
            uf.relink(doc_keys, i, target, LinkRule.SURNAME, a.doc)


# data/pronouns.tsv: word, person, number, gender, form; "he" -> m, "she" -> f
_PRONOUN_GENDERS = {w: gender for w, _, _, gender, _ in packaged_rows("pronouns.tsv") if gender in ("m", "f")}


def pronoun_genders(a: DocumentAnalysis) -> dict[int, str]:
    """Mention -> the gender a "he" or "she" that the statement stage resolved to it says: "Lee
    ... she said" is a woman, whatever full name of the document ends with "Lee". Mentions that
    "he" and "she" both point to get none."""
    said: dict[int, set[str]] = defaultdict(set)
    for s in a.statements:
        if s.speaker_mention is not None and s.speaker_resolution == SpeakerResolution.PRONOUN and s.speaker_text:
            gender = _PRONOUN_GENDERS.get(s.speaker_text.lower())
            if gender:
                said[s.speaker_mention].add(gender)
    return {i: next(iter(g)) for i, g in said.items() if len(g) == 1}


def _speakers(a: DocumentAnalysis) -> set[int]:
    """The mentions the document names as the ones who say, ask or deny something."""
    return {s.speaker_mention for s in a.statements
            if s.speaker_mention is not None and s.speaker_resolution == SpeakerResolution.NAME and s.kind in PERSON_SPEECH}


def unsure_full_names(a: DocumentAnalysis, doc_keys: list[str | None], people_keys: set[str], gaz: Gazetteer) -> dict[str, tuple[str | None, bool]]:
    """Names of two or three capitalised words that may be a person's though the model read them
    as something else ("Sylke Varnholt" as an organisation), by their surname's forms: the key of
    the one such name of the document (None with two), and whether a title or a cue on one of
    its mentions, or on a mention of the surname alone, says it is a person's; with neither,
    nothing here says the two are one person."""
    found: dict[str, set[str]] = defaultdict(set)
    said_person: set[str] = set()  # keys of such names, and folded lone surnames, that a title or a cue calls a person's
    speakers = _speakers(a)  # "Varnholt wrote that...": a surname that speaks is a person's
    for i, (m, k) in enumerate(zip(a.mentions, doc_keys)):
        if k and " " not in m.name and (m.title or "person" in m.type_votes or i in speakers):
            said_person.add(fold(m.name))
        if k in people_keys or not _could_be_full_name(m, k, gaz):
            continue
        for form in surname_forms(m.name.split(), gaz.names):
            found[form].add(k)
        if m.title or "person" in m.type_votes:
            said_person.add(k)
    # One name names one person in a document: every mention of the surname joins when one says so.
    return {form: (next(iter(ks)) if len(ks) == 1 else None, form in said_person or bool(ks & said_person)) for form, ks in found.items()}


def _could_be_full_name(m: Mention, k: str | None, gaz: Gazetteer) -> bool:
    """A name the model tagged that could be a person's full name by its form: two or three
    capitalised words, no head word ("Kittredge Tower"), no country or kind of thing first, no shape
    of another type unless a given name leads a place's shape ("Ann Marsh")."""
    words = m.name.split()
    if not 2 <= len(words) <= 3 or not own_key(m, k) or not m.guessed or m.kind != MentionKind.NER or m.headline:
        return False
    if m.name.isupper() or any(not w[:1].isupper() for w in words) or lone_name(m.name, gaz.names):
        return False
    if words[0] in gaz.head_words or words[-1] in gaz.head_words:
        return False
    lead = fold(words[0])
    if lead in gaz.country_names or lead in gaz.demonym_country or lead in gaz.stop_names or lead in gaz.names.type_nouns:
        return False
    shape = gaz.names.shape_type(m.name)
    return shape is None or shape == "place" and has_given_name(m.name, gaz)
