"""Find the names in one parsed document: spaCy's entities, the curated data, organisation names
the small model misses, and acronyms the text defines.

Each source is a small generator of candidate spans over a spaCy ``Doc`` (as textacy's extractors
are); ``extract_mentions`` keeps the longest non-overlapping ones and cleans their names.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .gazetteer import Gazetteer, Surface, fold
from .records import AcronymDefinition, Document, Mention, Sentence

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
CONNECTORS = {"of", "the", "for", "and", "on", "&", "de", "del", "du", "al", "el", "la"}
DETERMINERS = {"the", "a", "an"}
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
LOCATIVE = {"in", "at", "near", "into", "around", "outside", "inside", "across", "towards", "toward", "on"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "poss", "csubj"}
# Parts of speech that cannot start a name: "Browbeating the Taliban", "Politically the Taliban".
LEADING_NON_NAME = {"VERB", "ADV", "ADP", "PRON", "SCONJ", "CCONJ", "AUX", "PART", "INTJ", "DET", "NUM"}
# In an all-caps line, only names of these types are told apart from ordinary words.
SHOUTED_TYPES = {"country", "alliance", "group", "place"}
BREAKS = {"(", ")", ":", ";", "[", "]", "\u2022", "|", ","}
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9\-&\.]{0,9}$")

# Higher wins when two candidates cover the same tokens.
PRIORITY = {"acronym": 6, "gazetteer": 5, "demonym": 5, "capital": 5, "weak": 4, "org": 3, "ner": 2}


@dataclass
class Candidate:
    start: int  # token indexes
    end: int
    kind: str  # gazetteer | weak | demonym | capital | org | ner | acronym
    label: str  # spaCy label, or the entity type the source implies
    surfaces: tuple[Surface, ...] = ()

    @property
    def length(self) -> int:
        return self.end - self.start


class MentionExtractor:
    """Holds what finding mentions needs once per process: the matchers built from the data."""

    def __init__(self, gazetteer: Gazetteer, nlp: Language) -> None:
        self.gazetteer = gazetteer
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._add_patterns(gazetteer, nlp.make_doc)
        self.english_adjectives = _dictionary_adjectives(nlp)
        self.titles_by_first_word = _titles_by_first_word(gazetteer)

    def _add_patterns(self, gazetteer: Gazetteer, make) -> None:
        exact: dict[str, list] = {}
        lower: dict[str, list] = {}
        for form in gazetteer.surfaces:
            pattern = make(form)
            if len(pattern) > 1:
                lower.setdefault(form, []).append(pattern)
            else:
                variants = {form, form.upper()}
                if not form.isupper():
                    variants.add(form[:1].upper() + form[1:])
                exact.setdefault(form, []).extend(make(v) for v in sorted(variants))
        for form, patterns in exact.items():
            self.exact.add(form, patterns)
        for form, patterns in lower.items():
            self.lower.add(form, patterns)

    def __call__(self, document: Document, doc: Doc) -> tuple[list[Sentence], list[Mention], list[AcronymDefinition]]:
        return extract_mentions(document, doc, self)


# --- candidate sources -------------------------------------------------------------------------


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
            if shouting and len(span) == 1 and _is_common_word(span[0]):
                continue  # "US" or "IS" in an all-caps headline is the English word
            if end - start == 1 and span[0].is_lower and span.text != form:
                continue
            if matcher is extractor.lower and not _case_agrees(span, form, gaz.head_words, shouting):
                continue  # "U.S. marines" is not the "U.S. Marines"
            if shouting and gaz.entries[surfaces[0].entry].type not in SHOUTED_TYPES:
                continue  # "FOREIGN POLICY DIARY" is a column's name, not the magazine
            kinds = {s.kind for s in surfaces}
            kind = "gazetteer" if "alias" in kinds else "demonym" if "demonym" in kinds else (
                "capital" if "capital" in kinds else "weak")
            entry = gaz.entries[surfaces[0].entry]
            yield Candidate(start, end, kind, entry.type, surfaces)


def _overlaps(a: Candidate, b: Candidate) -> bool:
    return a.start < b.end and b.start < a.end


def _crosses(a: Candidate, b: Candidate) -> bool:
    """The spans overlap and neither holds the other."""
    return a.start < b.end and b.start < a.end and not (a.start <= b.start and b.end <= a.end) and not (
        b.start <= a.start and a.end <= b.end
    )


def _case_agrees(span: Span, form: str, head_words: dict[str, str], shouting: bool) -> bool:
    """A name matched regardless of case must keep its capitals, but for a generic last word
    ("Anadolu agency", "Haqqani network"); in an all-caps line any multi-word name goes."""
    if shouting:
        return True
    words = form.split()
    if len(words) != len(span):
        return all(not (w[:1].isupper() and not t.text[:1].isupper()) for w, t in zip(words, span))
    for i, (word, tok) in enumerate(zip(words, span)):
        if word[:1].isupper() and not tok.text[:1].isupper():
            if i == len(words) - 1 and word in head_words:
                continue
            return False
    return True


def ner_candidates(doc: Doc) -> Iterator[Candidate]:
    """spaCy's entities of the kinds that name actors or places, trimmed of what is not the name."""
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        for start, end in _trim(doc, ent.start, ent.end):
            yield Candidate(start, end, "ner", ent.label_)


def org_name_candidates(
    doc: Doc, head_words: dict[str, str], known: set[tuple[int, int]], country_names: frozenset[str] = frozenset()
) -> Iterator[Candidate]:
    """Capitalised phrases headed or led by a word that says what they name ("Muslim Board of
    Uzbekistan", "Main Directorate for Combating Extremism", "Murghab River"), which the small
    model often misses or cuts."""
    persons = {t for ent in doc.ents if ent.label_ == "PERSON" for t in range(ent.start, ent.end)}
    i = 0
    n = len(doc)
    while i < n:
        if i in persons or (not _is_name_word(doc[i]) and not ORDINAL.match(doc[i].text)):
            i += 1
            continue
        j = i + 1
        while j < n and j not in persons:
            tok = doc[j]
            if _is_name_word(tok):
                j += 1
                continue
            if tok.text == "-" and not doc[j - 1].whitespace_ and j + 1 < n and _is_name_word(doc[j + 1]) and not tok.whitespace_:
                j += 2
                continue
            if tok.lower_ in CONNECTORS and j + 1 < n:
                k = j
                while k < n and doc[k].lower_ in CONNECTORS:
                    k += 1
                if k < n and k not in persons and _is_name_word(doc[k]) and doc[k].sent == doc[i].sent:
                    j = k + 1
                    continue
            break
        after_org = False
        for start, end in _split_org_run(doc, i, j, head_words, known):
            if end - start > 2 and doc[start].text.endswith("s") and fold(doc[start].text[:-1]) in country_names:
                start += 1  # "Tajikistans Special Assignment Police Unit": a possessive without its apostrophe
            words = [t.text for t in doc[start:end] if t.is_alpha]
            head_type = head_words.get(words[-1]) or head_words.get(words[0]) if words else None
            if words and words[-1][0].isupper() and head_type and len(words) > 1:
                yield Candidate(start, end, "org", head_type)
                after_org = True
                continue
            if after_org and 2 <= len(words) <= 3 and all(w[0].isupper() and w not in head_words for w in words):
                # the name an organisation's title runs into ("... Ministry of Internal Affairs Oleg Ilinykh")
                yield Candidate(start, end, "ner", "PERSON")
            after_org = False
        i = j


def acronym_candidates(doc: Doc) -> Iterator[tuple[Candidate, Span, Span]]:
    """``Long Name (ABBR)`` and ``ABBR (Long Name)``: the long form as a candidate, with both spans.

    The long form is found with the Schwartz-Hearst rule: every letter of the short form, right to
    left, in the long form, the first at the start of a word."""
    for tok in doc:
        if tok.text != "(":
            continue
        close = next((t.i for t in doc[tok.i + 1 : tok.i + 5] if t.text == ")"), None)
        if close is None or close == tok.i + 1:
            continue
        inner = doc[tok.i + 1 : close]
        short = inner.text
        letters = [c for c in short if c.isalpha()]
        capitals = sum(c.isupper() for c in letters)
        if ACRONYM.match(short.replace(" ", "")) and capitals >= 2 and capitals >= 0.6 * len(letters):
            long_span = _long_form_before(doc, tok.i, short)
            if long_span is not None:
                yield Candidate(long_span.start, long_span.end, "acronym", "ORG"), inner, long_span


# --- choosing and cleaning ---------------------------------------------------------------------


def extract_mentions(
    document: Document, doc: Doc, extractor: MentionExtractor
) -> tuple[list[Sentence], list[Mention], list[AcronymDefinition]]:
    """The sentences, mentions and acronym definitions of one document, in text order."""
    gaz = extractor.gazetteer
    sents = list(doc.sents)
    sentences = [Sentence(s.start_char, s.end_char) for s in sents]
    sentence_of = _sentence_index(sents, len(doc))
    doc_text = doc.text  # spaCy joins the tokens' texts anew on every call
    sentence_texts = [doc_text[s.start_char : s.end_char] for s in sents]  # what Span.text gives, sliced
    shouting = [_is_shouting(text) for text in sentence_texts]
    headline_sents = {i for i, s in enumerate(sents) if _is_headline(s, sentence_texts[i], shouting[i])}
    shouting_tokens = {t for s, shouts in zip(sents, shouting) if shouts for t in range(s.start, s.end)}

    known_candidates = list(gazetteer_candidates(doc, extractor, shouting_tokens))
    known = {(c.start, c.end) for c in known_candidates if c.kind != "weak"}
    candidates = known_candidates + [
        c for c in ner_candidates(doc) if not _is_compound_of_known(doc, c, known) and not _is_qualified_known(doc, c, known, gaz)
    ]
    org_candidates = list(org_name_candidates(doc, gaz.head_words, known, gaz.country_names))
    acronyms: list[AcronymDefinition] = []
    not_names: set[str] = set()
    for cand, short, long_span in acronym_candidates(doc):
        if any(t.is_title or t.is_upper for t in long_span if t.is_alpha):
            candidates.append(cand)
            acronyms.append(AcronymDefinition(document.id, short.text, _clean_name(long_span.text)))
        else:
            not_names.add(fold(short.text))  # "rare earth elements (REEs)": a term, not a name
    # A name that an organisation's title ran into splits spaCy's span there too.
    tails = [o for o in org_candidates if o.label == "PERSON"]
    candidates = [
        c
        for c in candidates
        if c.kind != "ner"
        or not any(_crosses(c, o) for o in org_candidates)
        and not any(_overlaps(c, t) and (c.start, c.end) != (t.start, t.end) for t in tails)
    ]
    candidates += org_candidates

    # A weak alias ("IS", "Free Press", "Ministry of Internal Affairs") counts when the entity is
    # named in full in the document, or when the very same words look like a name on their own.
    strong_entries = {s.entry for c in known_candidates if c.kind != "weak" for s in c.surfaces}
    ner_spans = {(c.start, c.end) for c in candidates if c.kind in ("ner", "org")}
    candidates = [
        c for c in candidates
        if c.kind != "weak" or {s.entry for s in c.surfaces} & strong_entries or (c.start, c.end) in ner_spans
    ]
    chosen = _choose(candidates)
    # The country a document is about decides which ministry a bare "Ministry of Internal Affairs" is.
    country_counts = Counter(
        s.entry for c in chosen for s in c.surfaces[:1] if gaz.entries[s.entry].type == "country"
    )
    context = MentionContext(
        document, doc, gaz, sentence_of, headline_sents, not_names, country_counts, extractor.english_adjectives,
        extractor.titles_by_first_word,
    )

    mentions: list[Mention] = []
    for cand in chosen:
        mention = _make_mention(cand, context)
        if mention is not None:
            mentions.append(mention)
    mentions += _metadata_mentions(document)
    return sentences, mentions, acronyms


@dataclass
class MentionContext:
    document: Document
    doc: Doc
    gaz: Gazetteer
    sentence_of: list[int]
    headline_sents: set[int]
    not_names: set[str]
    country_counts: Counter
    english_adjectives: frozenset[str]
    titles_by_first_word: dict[str, list[tuple[list[str], str, str | None]]]


def _make_mention(cand: Candidate, ctx: MentionContext) -> Mention | None:
    doc, gaz = ctx.doc, ctx.gaz
    start, end = cand.start, cand.end
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in gaz.titles and cand.label != "country":
        return None  # "Minister of Foreign Affairs": part of a title
    key = role = gender = None
    label, kind = cand.label, cand.kind
    if cand.surfaces:
        surface = _pick_surface(cand.surfaces, doc[start:end], ctx)
        key = surface.entry
        kind = {"alias": "gazetteer", "weak": "gazetteer"}.get(surface.kind, surface.kind)
        label = gaz.entries[key].type
        gender = gaz.entries[key].gender
        if surface.kind == "capital":
            role = "actor" if _acts(doc[start:end]) else "place"
    else:
        if cand.label == "NORP":
            return None  # a people or creed that the curated data does not tie to a country
        if cand.kind == "ner":
            titles, role, gender = _leading_titles(doc, start, end, gaz, ctx.titles_by_first_word)
            start += titles
            if titles:
                label = "PERSON"  # only people have titles ("Field Marshal Khalifa Haftar")
            if start >= end or _is_title_modifier(doc, start, end, gaz):
                return None
            if not any(t.pos_ == "PROPN" or t.is_upper for t in doc[start:end] if t.is_alpha):
                return None  # sentence-initial common nouns tagged as names ("Experts", "Shadows")
            if end - start == 1 and label != "PERSON" and _is_english_modifier(doc[start], ctx.english_adjectives):
                return None  # "Quadrilateral talks": a capitalised word, not a name
        name = _clean_name(doc[start:end].text)
        words = name.split()
        head_type = gaz.head_words.get(words[-1]) if words else None
        if head_type == "none" or (len(words) == 1 and head_type):
            return None  # treaties, summits, wars are not actors; "the Bank" alone names nothing
        title_before = doc[start - 1].lower_.rstrip(".") if start > 0 else ""
        if cand.kind == "ner" and role is None and title_before in gaz.titles:
            role, gender = title_before, gaz.titles[title_before]
            label = "PERSON"  # "Mr Chavez": the title stands outside spaCy's span
        key = _known_with_modifier(name, gaz)
        if key:
            kind, label = "gazetteer", gaz.entries[key].type
        elif label in ("ORG", "PERSON", "GPE", "organization") and len(words) <= 2 and not head_type and _in_place_context(doc, start, end, gaz):
            label = "LOC"
    span = doc[start:end]
    name = _clean_name(span.text)
    if not name or not any(c.isalpha() for c in name) or fold(name) in ctx.not_names:
        return None
    if not key and fold(name) in gaz.stop_names:
        return None
    sentence = ctx.sentence_of[span.start]
    return Mention(
        doc=ctx.document.id,
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        name=name,
        label=label,
        sentence=sentence,
        kind=kind,
        key=key,
        role=role,
        gender=gender,
        subtype=gaz.entries[key].kind if key in gaz.entries else None,
        headline=sentence in ctx.headline_sents,
    )


def _is_compound_of_known(doc: Doc, cand: Candidate, known: set[tuple[int, int]]) -> bool:
    """"Afghanistan-Turkmenistan" or "Russia-U.S.": names the curated data knows, hyphenated."""
    hyphens = [i for i in range(cand.start, cand.end) if doc[i].text in {"-", "\u2013"}]
    if not hyphens:
        return False
    bounds = [cand.start, *[h for h in hyphens], cand.end]
    pieces = [(bounds[0], bounds[1])] + [(a + 1, b) for a, b in zip(bounds[1:-1], bounds[2:])]
    return all(p in known for p in pieces)


def _is_qualified_known(doc: Doc, cand: Candidate, known: set[tuple[int, int]], gaz: Gazetteer) -> bool:
    """"Northern Afghanistan" is Afghanistan: a direction word before a curated name."""
    return cand.end - cand.start > 1 and fold(doc[cand.start].text) in gaz.stop_names and (cand.start + 1, cand.end) in known


def _known_with_modifier(name: str, gaz: Gazetteer) -> str | None:
    """"Afghan Taliban" is the Taliban, "Russian Foreign Ministry" is Russia's: a demonym or country
    before a curated name, where the entry belongs to that country (or to none)."""
    words = name.split()
    if len(words) < 2:
        return None
    country = gaz.demonym_country.get(fold(words[0])) or _country_named(words[0], gaz)
    if not country:
        return None
    surfaces = gaz.by_fold.get(fold(" ".join(words[1:])), ())
    for s in surfaces:
        if gaz.entries[s.entry].country == country:
            return s.entry
    for s in surfaces:
        entry = gaz.entries[s.entry]
        if s.kind == "alias" and entry.country is None and entry.type in ("group", "organization", "person"):
            return s.entry
    return None


def _in_place_context(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """An unknown short name used as a place: after "in"/"near"..., beside a place noun ("Helmand
    province", "field Galkinish"), or listed with places ("Dushanbe, Kulyab and Kurgan-Tyube")."""
    span = doc[start:end]
    root = span.root
    for tok in (doc[end] if end < len(doc) else None, doc[start - 1] if start > 0 else None):
        if tok is not None and tok.is_lower and gaz.head_words.get(tok.text) == "place":
            return True
    head = root
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
        if head.ent_type_ in ("GPE", "LOC"):
            return True
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def _titles_by_first_word(gaz: Gazetteer) -> dict[str, list[tuple[list[str], str, str | None]]]:
    """Title phrases as words without dots, with the title and its gender, by their first word,
    longest first (the order of ``gaz.titles_by_length``): at a word of a name, only the titles
    that start with it can match."""
    index: dict[str, list[tuple[list[str], str, str | None]]] = {}
    for title, gender in gaz.titles_by_length:
        words = [w.rstrip(".") for w in title]
        index.setdefault(words[0], []).append((words, " ".join(title), gender))
    return index


def _leading_titles(
    doc: Doc, start: int, end: int, gaz: Gazetteer, titles_by_first_word: dict[str, list[tuple[list[str], str, str | None]]]
) -> tuple[int, str | None, str | None]:
    """How many tokens of titles (and a demonym before them) lead a name: "Field Marshal Khalifa
    Haftar", "Russian Deputy Interior Minister Igor Zubov", "President Putin"."""
    words = [t.lower_.rstrip(".") for t in doc[start:end]]
    i = 0
    role = gender = None
    while i < len(words) - 1:
        for title, name, title_gender in titles_by_first_word.get(words[i], ()):
            n = len(title)
            if i + n < len(words) and words[i : i + n] == title:
                role = role or name
                gender = gender or title_gender
                i += n
                break
        else:
            if role is None and fold(words[i]) in gaz.demonym_country and i + 2 < len(words):
                i += 1  # "Russian" before a title
                continue
            break
    if role is None:
        return 0, None, None
    return i, role, gender


def _is_title_modifier(doc: Doc, start: int, end: int, gaz: Gazetteer) -> bool:
    """"Interior" in "Deputy Interior Minister": a word that qualifies a title, not a name."""
    if end - start != 1 or end >= len(doc):
        return False
    return doc[end].lower_ in gaz.titles


def _metadata_mentions(document: Document) -> list[Mention]:
    """The byline's author and the outlet: entities of the document with no place in its text."""
    out = []
    for kind, label, value in (("byline", "PERSON", document.author), ("outlet", "ORG", document.outlet)):
        for name in _split_names(value):
            out.append(Mention(document.id, -1, -1, name, name, label, -1, kind=kind))
    return out


def _split_names(value: str | None) -> list[str]:
    if not value:
        return []
    return [p.strip() for p in re.split(r"\s*(?:,|;| and | & )\s*", value) if p.strip()]


def _choose(candidates: list[Candidate]) -> list[Candidate]:
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


def _pick_surface(surfaces: tuple[Surface, ...], span: Span, ctx: MentionContext) -> Surface:
    """Among the entries a surface form may name, the one of the country the text ties it to
    ("Uzbek Ministry of Internal Affairs", "NSS of Uzbekistan"), else of the country the document
    names most, else a strong one."""
    if len(surfaces) == 1:
        return surfaces[0]
    gaz = ctx.gaz
    country = _country_context(span, gaz)
    by_country = {gaz.entries[s.entry].country: s for s in surfaces if gaz.entries[s.entry].country}
    if country in by_country:
        return by_country[country]
    for country, _ in sorted(ctx.country_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if country in by_country:
            return by_country[country]
    strong = [s for s in surfaces if s.kind != "weak"]
    return (strong or list(surfaces))[0]


def _country_context(span: Span, gaz: Gazetteer) -> str | None:
    """The country named right before a span ("Uzbek", "Uzbekistan's") or right after ("of Russia")."""
    doc = span.doc
    before = [t for t in doc[max(span.start - 3, 0) : span.start] if t.text not in POSSESSIVE and t.lower_ != "the"]
    if before:
        country = gaz.demonym_country.get(fold(before[-1].text)) or _country_named(before[-1].text, gaz)
        if country:
            return country
    after = [t for t in doc[span.end : span.end + 6] if t.text not in "()" and not t.is_upper]
    if len(after) >= 2 and after[0].lower_ == "of":
        return _country_named(after[1].text, gaz)
    return None


def _country_named(text: str, gaz: Gazetteer) -> str | None:
    for s in gaz.by_fold.get(fold(text), ()):
        if gaz.entries[s.entry].type == "country":
            return s.entry
    return None


def _acts(span: Span) -> bool:
    """A capital used as an actor ("Moscow hosted", "Washington's actions") rather than a place."""
    root = span.root
    while root.dep_ == "conj" and root.head is not root:
        root = root.head
    if root.dep_ in ACTOR_DEPS or (root.dep_ == "pobj" and root.head.dep_ == "agent"):
        return True  # "Moscow hosted", "criticised by Tehran"
    doc = span.doc
    after = doc[span.end : span.end + 2]
    if after and after[0].text in POSSESSIVE:
        return True
    return len(after) == 2 and after[0].text == "-" and after[1].lower_ in {"led", "backed", "sponsored", "brokered"}


def _trim(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an entity span where the name ends: at line breaks, brackets, possessives and colons
    (what follows a colon is a subtitle: "SouthFront: Analysis & Intelligence"); drop words before
    the name ("Browbeating the Taliban") and punctuation at its ends; finish a name cut after "of"
    ("Chronicles of" + "Turkmenistan") and join one broken by a hyphen ("Lyakin-Frolov")."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for i in range(start, end):
        tok = doc[i]
        if tok.text == ":":
            pieces.append((piece_start, i))
            piece_start = end
            break
        if "\n" in tok.text or tok.text in BREAKS or tok.text in POSSESSIVE:
            pieces.append((piece_start, i))  # the breaking token belongs to neither side
            piece_start = i + 1
        elif tok.lower_ == "the" and i > piece_start and doc[i - 1].lower_ not in CONNECTORS:
            piece_start = i + 1  # "Politically the Taliban": what comes before "the" is not the name
        elif "\n" in tok.whitespace_:
            pieces.append((piece_start, i + 1))
            piece_start = i + 1
    pieces.append((piece_start, end))
    out = []
    for s, e in pieces:
        while s < e and (doc[s].pos_ in LEADING_NON_NAME or doc[s].is_punct or doc[s].is_space):
            s += 1
        while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].text in POSSESSIVE):
            e -= 1
        if e > s and doc[e - 1].lower_ in CONNECTORS:
            e = _finish_name(doc, e)
        if s < e:
            out.append(_join_hyphenated(doc, s, e))
    return out


def _finish_name(doc: Doc, end: int) -> int:
    """A span that stops at a connector takes the capitalised words that follow, or gives it up."""
    j = end
    while j < len(doc) and _is_name_word(doc[j]) and "\n" not in doc[j - 1].whitespace_:
        j += 1
    if j > end:
        return j
    while end > 0 and doc[end - 1].lower_ in CONNECTORS:
        end -= 1
    return end


def _join_hyphenated(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """"Kurgan" + "-" + "Tyube" is one name; a chain of three or more is a list of names."""
    if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        nxt = doc[end + 1]
        chain = end + 2 < len(doc) and doc[end + 2].text == "-" and not nxt.whitespace_
        if nxt.is_title and not chain:
            return start, end + 2
    return start, end


def _split_org_run(doc: Doc, start: int, end: int, head_words: dict[str, str], known: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a run of capitalised words where two names meet: "X of the Ministry of Y" when the part
    after "of" is itself an organisation, "A and the B", and at a curated name before "and"."""
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].pos_ in LEADING_NON_NAME):
        start += 1
    cuts: list[tuple[int, int]] = []
    piece = start
    i = start
    while i < end:
        tok = doc[i]
        if tok.lower_ == "of" and i > piece:
            k = i + 1
            while k < end and doc[k].lower_ in DETERMINERS:
                k += 1
            left_is_org = any(t.text in head_words for t in doc[piece:i])
            if k < end and doc[k].text in head_words and left_is_org:
                cuts.append((piece, i))
                piece = k
                i = k
                continue
        if tok.lower_ in {"and", "&"} and i > piece:
            left = (piece, i)
            nxt = doc[i + 1] if i + 1 < end else None
            if (nxt is not None and nxt.lower_ in DETERMINERS) or left in known or any(
                (s, e) in known for s in range(piece, i) for e in (i,)
            ):
                cuts.append(left)
                piece = i + 1
        i += 1
    cuts.append((piece, end))
    cuts = [part for s, e in cuts for part in _split_places_at_and(doc, s, e, head_words)]
    cuts = [part for s, e in cuts for part in _split_at_phrase_roots(doc, s, e, head_words)]
    out = []
    for s, e in cuts:
        while s < e and (doc[s].lower_ in CONNECTORS or doc[s].is_punct):
            s += 1
        while e > s and (doc[e - 1].lower_ in CONNECTORS or doc[e - 1].is_punct):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _split_places_at_and(doc: Doc, start: int, end: int, head_words: dict[str, str]) -> list[tuple[int, int]]:
    """"Murhaba and Amu-Darya": places are listed with "and", not named with it."""
    if head_words.get(doc[end - 1].text) != "place":
        return [(start, end)]
    pieces, s = [], start
    for i in range(start, end):
        if doc[i].lower_ in ("and", "&"):
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return [(a, b) for a, b in pieces if a < b]


def _split_at_phrase_roots(doc: Doc, start: int, end: int, head_words: dict[str, str]) -> list[tuple[int, int]]:
    """Two noun phrases side by side ("... of the Ministry of Internal Affairs Oleg Ilinykh said"):
    where the parse attaches a later part of the run outside it, that part is another name."""
    roots = [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]
    bounds = {max(start, min(t.left_edge.i, t.i)) for t in roots[1:]}
    for t in doc[start:end]:
        # "Ministry" as a modifier of "Ilinykh": the organisation's name ends where its phrase does
        if t.text[:1].isupper() and t.dep_ in ("nmod", "compound") and t.i < t.head.i < end and t.right_edge.i + 1 < end:
            if head_words.get(t.text, "place") != "place" and t.head.text not in head_words:
                bounds.add(t.right_edge.i + 1)
    bounds = sorted(bounds - {start})
    if not bounds:
        return [(start, end)]
    pieces, s = [], start
    for b in bounds:
        pieces.append((s, b))
        s = b
    pieces.append((s, end))
    return [(a, b) for a, b in pieces if a < b]


def _long_form_before(doc: Doc, paren: int, short: str) -> Span | None:
    letters = [c.lower() for c in short if c.isalnum()]
    sent_start = doc[paren].sent.start
    window_start = max(sent_start, paren - min(len(letters) + 5, len(letters) * 2 + 2))
    words = doc[window_start:paren]
    text = words.text
    if not text:
        return None
    # Schwartz & Hearst (2003): match the short form's letters right to left in the long form.
    s_idx = len(letters) - 1
    l_idx = len(text) - 1
    while s_idx >= 0:
        c = letters[s_idx]
        while l_idx >= 0 and (text[l_idx].lower() != c or (s_idx == 0 and l_idx > 0 and text[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return _first_letter_fallback(doc, paren, short)
        s_idx -= 1
        l_idx -= 1
    start_char = words.start_char + l_idx + 1
    span = doc.char_span(start_char, words.end_char, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span if len(span) >= 2 else None


def _first_letter_fallback(doc: Doc, paren: int, short: str) -> Span | None:
    """A foreign acronym ("FSB" for Federal Security Service): accept the capitalised phrase
    right before the bracket when it starts with the acronym's first letter."""
    i = paren
    while i > doc[paren].sent.start and (doc[i - 1].is_title or doc[i - 1].is_upper or doc[i - 1].lower_ in CONNECTORS):
        i -= 1
    while i < paren and doc[i].lower_ in CONNECTORS:
        i += 1
    if paren - i >= 2 and doc[i].text[:1].upper() == short[:1].upper():
        return doc[i:paren]
    return None


def _clean_name(text: str) -> str:
    text = re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"['\u2019]s?$", "", text)
    return text.strip(" .,;:-\u2013\u2014\"'\u201c\u201d")


def _sentence_index(sents: list[Span], length: int) -> list[int]:
    index = [0] * length
    for i, sent in enumerate(sents):
        for t in range(sent.start, sent.end):
            index[t] = i
    return index


def _is_name_word(tok: Token) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or tok.text.replace(".", "").isalpha())


def _is_shouting(text: str) -> bool:
    """An all-caps line (the text of a sentence)."""
    letters = list(filter(str.isalpha, text))
    return len(letters) > 8 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def _is_headline(sent: Span, text: str, shouting: bool) -> bool:
    """A title-case or all-caps line (``text`` is the sentence's, ``shouting`` whether it is
    all caps): spaCy's capitalisation cues mean nothing there."""
    if shouting:
        return True
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(words) < 4:
        return False
    return sum(t.text[0].isupper() for t in words) / len(words) >= 0.75 and not text.rstrip().endswith((".", "?", "!", "\u201d", '"'))


def _dictionary_adjectives(nlp: Language) -> frozenset[str]:
    """English adjectives, from the lemmatizer's WordNet index when the pipeline has one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(index.get(hash_string("adj"), ()))


def _is_english_modifier(tok: Token, adjectives: frozenset[str]) -> bool:
    """An adjective capitalised only because it opens a sentence or qualifies a noun."""
    if tok.lower_ not in adjectives:
        return False
    return tok.is_sent_start or tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN"


def _is_common_word(tok: Token) -> bool:
    return tok.vocab[tok.lower_].is_stop
