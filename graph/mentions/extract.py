"""Find the names in one parsed document: spaCy's entities, the curated data, organisation names
the small model misses, and acronyms the text defines.

``extract_mentions`` gathers the candidates of every source (``candidates`` and the modules it
names), keeps the longest non-overlapping ones, and makes each a ``Mention``: its bounds
(``boundaries``, ``titles``), its entry in the curated data (``entries``) and its type
(``type_cues``, ``common_words``, ``headlines``).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..contract import fold
from ..curated import packaged_words
from ..gazetteer import Gazetteer
from ..records import ENTITY_TYPES, AcronymDefinition, CapitalUse, Document, EntityType, Mention, MentionKind, NameType, Sentence, SurfaceKind
from ..tokens import Tokens
from .acronyms import acronym_candidates, code_definitions
from .bibliography import inverted_name_candidates
from .candidates import (
    Candidate,
    CandidateKind,
    choose,
    crosses,
    gazetteer_candidates,
    is_common_coordination,
    is_compound_of_known,
    is_qualified_known,
    joins_two_names,
    ner_candidates,
    overlaps,
)
from .boundaries import before_role, law_named_after, runs_on
from .common_words import (after_indefinite_article, dictionary_words, irregular_verbs, is_english_modifier, looks_like_a_name,
                           without_common_words, without_epoch_modifiers)
from .context import MentionContext
from .entries import known_with_modifier, pick_surface
from .headlines import HeadlineNames, body_name_words, is_headline, is_shouting, run_in_headings
from .organisations import joint_sponsor_candidates, org_name_candidates
from .people import PersonCues, apposed_person_candidates, as_apposed_person, cued_person_candidates, extend_person_names, listed_person_candidates, speaker_name_candidates
from .titles import TitleIndex, is_title_modifier, leading_titles, title_start, titles_by_first_word
from .type_cues import COMPASS, acts, context_type_votes, in_place_context, names_a_people
from .words import DETERMINERS, NER_LABELS, ORG_TYPES, is_noun


# What a label of this stage (spaCy's, or the entity type a source implies) says a name is: the
# one place spaCy's labels are read. Any other label ("none" of a head word) names no actor.
NAME_TYPES = {
    "PERSON": NameType.PERSON, "person": NameType.PERSON, "NORP": NameType.GROUP, "group": NameType.GROUP,
    "ORG": NameType.ORGANIZATION, "organization": NameType.ORGANIZATION, "GPE": NameType.GEOPOLITICAL,
    "country": NameType.COUNTRY, "alliance": NameType.ALLIANCE, "LOC": NameType.PLACE, "place": NameType.PLACE,
    "FAC": NameType.FACILITY,
}
SPACES = re.compile(r"\s+")
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
TRAILING_POSSESSIVE = re.compile(r"['\u2019]s?$")

# The spaCy label a curated type stands for, when a name of several entries is left to spaCy's reading.
COMBINING_FORMS = packaged_words("function_words.tsv", "combining_form")  # data/function_words.tsv
CURATED_TYPE_LABELS = {"person": "PERSON", "country": "GPE", "place": "GPE"}


class MentionExtractor:
    """Holds what finding mentions needs once per process: the matchers built from the data."""

    def __init__(self, gazetteer: Gazetteer, nlp: Language) -> None:
        self.gazetteer = gazetteer
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._add_patterns(gazetteer, nlp.make_doc)
        self.english_adjectives = dictionary_words(nlp)
        self.english_nouns = dictionary_words(nlp, "noun")
        self.english_words = self.english_nouns | self.english_adjectives  # common words a topic is made of
        self.titles_by_first_word: TitleIndex = titles_by_first_word(gazetteer)
        self.title_strings = frozenset(title.replace(".", "") for title in gazetteer.titles)
        self.person_cues = PersonCues(gazetteer, self.english_words)
        # what a capitalised word alone names when it is an office, not a name ("its Chair", "as Rector")
        self.roles = self.person_cues.nouns | frozenset(t for t in gazetteer.titles if " " not in t and not t.endswith("."))
        # head words whose name alone is a short form of the name they end ("the Lodge" of "Ashvale Lodge")
        self.name_heads = frozenset(w for w, type_ in gazetteer.head_words.items() if type_ in ENTITY_TYPES) | frozenset(
            noun.capitalize() for noun, type_ in gazetteer.names.type_nouns.items() if type_ in ENTITY_TYPES and type_ != "person"
        )
        self.headline_names = HeadlineNames(
            dictionary_words(nlp, "verb"), irregular_verbs(nlp), self.english_words, gazetteer.names.given_names
        )

    def _add_patterns(self, gazetteer: Gazetteer, make) -> None:
        exact: dict[str, list] = {}
        lower: dict[str, list] = {}
        for form in gazetteer.surfaces:
            pattern = make(form)
            if len(pattern) > 1:
                lower.setdefault(form, []).append(pattern)
                if "'" in form:  # texts write "People’s" as often as "People's"
                    lower[form].append(make(form.replace("'", "\u2019")))
            else:
                variants = {form, form.upper()}
                if not form.isupper():
                    variants.add(form[:1].upper() + form[1:])
                exact.setdefault(form, []).extend(make(v) for v in sorted(variants))
        for form, patterns in exact.items():
            self.exact.add(form, patterns)
        for form, patterns in lower.items():
            self.lower.add(form, patterns)

    def __call__(self, document: Document, doc: Doc, toks: Tokens | None = None) -> tuple[list[Sentence], list[Mention], list[AcronymDefinition]]:
        return extract_mentions(document, doc, self, toks)


def extract_mentions(
    document: Document, doc: Doc, extractor: MentionExtractor, toks: Tokens | None = None
) -> tuple[list[Sentence], list[Mention], list[AcronymDefinition]]:
    """The sentences, mentions and acronym definitions of one document, in text order
    (``toks``: the document's token view, made here when not given)."""
    gaz = extractor.gazetteer
    toks = Tokens(doc) if toks is None else toks
    sents = toks.sents
    sentences = [Sentence(s.start_char, s.end_char) for s in sents]
    sentence_texts = [toks.span_text(s.start, s.end) for s in sents]
    shouting = [is_shouting(text) for text in sentence_texts]
    headline_sents = {i for i, s in enumerate(sents) if is_headline(toks, s, sentence_texts[i], shouting[i], i == 0, extractor.headline_names.is_verb_form)}
    shouting_tokens = {t for s, shouts in zip(sents, shouting) if shouts for t in range(s.start, s.end)}

    known_candidates = list(gazetteer_candidates(doc, extractor, shouting_tokens))
    known = {(c.start, c.end) for c in known_candidates if c.kind != CandidateKind.WEAK}
    candidates = known_candidates + [
        c for c in ner_candidates(toks, gaz.head_words, known) if not is_compound_of_known(toks, c, known) and not is_qualified_known(toks, c, known, gaz)
        and not is_common_coordination(toks, c, gaz.head_words, extractor.english_words)
    ]
    # a section's heading run into its paragraph ("Budget Cuts Threaten Rural Clinics: ..."): a
    # headline too, though its sentence goes on after the colon
    headings, body = run_in_headings(toks, headline_sents, extractor.headline_names)  # body: the body's name words, read when needed
    candidates, body = _headline_people(toks, candidates, headline_sents, shouting, extractor.headline_names, body, headings)
    candidates = extend_person_names(
        toks, candidates, extractor.person_cues, extractor.english_words,
        {t for c in known_candidates for t in range(c.start, c.end)},
    )
    org_candidates = list(org_name_candidates(toks, gaz.head_words, known, gaz.country_names, extractor.english_nouns,
                                              extractor.roles))
    acronyms: list[AcronymDefinition] = []
    not_names: set[str] = set()
    for cand, short, long_span in acronym_candidates(toks):
        if any(t.is_title or t.is_upper for t in long_span if t.is_alpha):
            candidates.append(cand)
            acronyms.append(AcronymDefinition(document.id, short.text, _clean_name(long_span.text)))
        else:
            not_names.add(fold(short.text))  # "rare earth elements (REEs)": a term, not a name
    # A name the text defines by its acronym has its bounds: "the Tarn Rovers of the Northern Hockey
    # League (NHL)" is neither "Tarn Rovers of the Northern Hockey" nor the whole phrase, whatever
    # a head word made of it.
    defined = [c for c in candidates if c.kind == CandidateKind.ACRONYM]
    if defined:
        def cut(o: Candidate) -> bool:
            return any(crosses(o, c) or o.start < c.start and c.end <= o.end for c in defined)

        org_candidates = [o for o in org_candidates if not cut(o)]
        candidates = [c for c in candidates if c.kind != CandidateKind.NER or not cut(c)]
    for short, long_span in code_definitions(toks):
        acronyms.append(AcronymDefinition(document.id, short.text, _clean_name(long_span.text)))
    # A name that an organisation's title ran into splits spaCy's span there too.
    tails = [o for o in org_candidates if o.label == "PERSON"]
    candidates = [
        c
        for c in candidates
        if c.kind != CandidateKind.NER
        or not any(crosses(c, o) for o in org_candidates) and not joins_two_names(c, org_candidates, toks)
        and not any(overlaps(c, t) and (c.start, c.end) != (t.start, t.end) for t in tails)
    ]
    candidates += org_candidates
    joints = list(joint_sponsor_candidates(toks))
    # the model's span that runs on into the poll's own word ("Lee/Ray Poll") is the sponsor and the work
    candidates = [c for c in candidates if c.kind != CandidateKind.NER or not any(j.start <= c.start < j.end < c.end for j in joints)]
    candidates += joints
    candidates += inverted_name_candidates(toks, gaz.names.given_names, gaz.titles)
    taken = {t for c in candidates for t in range(c.start, c.end)}
    candidates += cued_person_candidates(toks, extractor.person_cues, taken, headline_sents)
    taken = {t for c in candidates for t in range(c.start, c.end)}
    candidates += listed_person_candidates(toks, candidates, extractor.person_cues, extractor.english_words, taken)
    taken = {t for c in candidates for t in range(c.start, c.end)}
    candidates += apposed_person_candidates(toks, extractor.person_cues, extractor.english_words, taken)
    taken = {t for c in candidates for t in range(c.start, c.end)}
    candidates += speaker_name_candidates(toks, extractor.person_cues, extractor.english_words, taken, headline_sents)
    candidates, body = _headline_people(toks, candidates, headline_sents, shouting, extractor.headline_names, body, headings)

    # A weak alias ("IS", "Free Press", "Ministry of Internal Affairs") counts when the entity is
    # named in full in the document, or when the very same words look like a name on their own.
    strong_entries = {s.entry for c in known_candidates if c.kind != CandidateKind.WEAK for s in c.surfaces}
    ner_spans = {(c.start, c.end) for c in candidates if c.kind in (CandidateKind.NER, CandidateKind.ORG)}
    candidates = [
        c for c in candidates
        if c.kind != CandidateKind.WEAK or {s.entry for s in c.surfaces} & strong_entries or (c.start, c.end) in ner_spans
    ]
    candidates = [as_apposed_person(toks, _as_law(toks, c, gaz), extractor.person_cues, extractor.english_words) for c in candidates]
    covered = Counter(t for c in candidates for t in range(c.start, c.end))
    candidates = [_run_on(toks, c, headline_sents, extractor, covered) for c in candidates]
    chosen = choose(candidates)
    # The country a document is about decides which ministry a bare "Ministry of Internal Affairs" is.
    country_counts = Counter(
        s.entry for c in chosen for s in c.surfaces[:1] if gaz.entries[s.entry].type == EntityType.COUNTRY
    )
    context = MentionContext(
        document, toks, gaz, headline_sents, not_names, country_counts, extractor.english_adjectives,
        extractor.titles_by_first_word, strong_entries, extractor.title_strings, extractor.english_words, headings,
    )

    mentions: list[Mention] = []
    for cand in chosen:
        mention = _make_mention(cand, context)
        if mention is not None:
            mentions.append(mention)
    mentions = without_common_words(mentions, toks, extractor.english_nouns, gaz.names.given_names, gaz.stop_names,
                                    extractor.roles, extractor.name_heads)
    mentions = without_epoch_modifiers(mentions, toks)
    mentions += _metadata_mentions(document)
    return sentences, mentions, acronyms


def _as_law(toks: Tokens, cand: Candidate, gaz: Gazetteer) -> Candidate:
    """A name that is the start of a law's name ("the Ann Lee Justice in Housing Act") spans the
    whole law, which names no actor (see :func:`law_named_after`)."""
    if cand.inverted:
        return cand
    end = law_named_after(toks, cand.start, cand.end, gaz.names.shape_type)
    return cand if end == cand.end else Candidate(cand.start, end, CandidateKind.NER, cand.label)


def _run_on(toks: Tokens, cand: Candidate, headline_sents: set[int], extractor: MentionExtractor, taken: Counter) -> Candidate:
    """An organisation's name the model cut before its last capitalised words takes them (see
    :func:`runs_on`); not in a title-case line, where every word has a capital, nor over words
    another source reads as a name (``taken``: "the Acme Council Jim Beam": a person after it)."""
    gaz = extractor.gazetteer
    if cand.kind == CandidateKind.NER and cand.label in ("PERSON", "ORG") and (place := _cut_from_a_place_name(toks, cand, gaz)):
        return place
    if cand.kind == CandidateKind.NER and cand.label == "PERSON":
        return cand
    if cand.kind == CandidateKind.NER and cand.label == "ORG" and (end := before_role(toks, cand.start, cand.end, extractor.roles, gaz.head_words)) < cand.end:
        return Candidate(cand.start, end, cand.kind, cand.label)
    if cand.kind != CandidateKind.NER or cand.label != "ORG" or toks.sentence[cand.start] in headline_sents:
        return cand

    def not_a_name(word: str) -> bool:
        folded = fold(word)
        return folded in extractor.roles or folded in gaz.stop_names or word in gaz.titles or gaz.names.type_nouns.get(folded) == "person"

    end = runs_on(toks, cand.end, not_a_name, gaz.head_words.get(toks.text[cand.end - 1]) in ORG_TYPES)
    if end == cand.end or any(taken[t] for t in range(cand.end, end)) or fold(toks.text[cand.end]) in gaz.names.given_names:
        return cand
    return Candidate(cand.start, end, cand.kind, cand.label)


def _cut_from_a_place_name(toks: Tokens, cand: Candidate, gaz: Gazetteer) -> Candidate | None:
    """A person's or organisation's name the model cut from the place named with it ("Ann Lee" +
    "Community Center", "Lee Historic" + "Park", "Kelby" + "Opera House", "Port Board" + "Elm
    Bus Station"): the capitalised words around it on its line that make a place's name
    (graph/data/name_shapes.tsv) are its own, and the whole a place; so is the first of two names
    that share a plural head ("Kelby and Astor Theaters"). None when they make none."""
    def word(k: int) -> bool:
        return toks.is_alpha[k] and toks.text[k][:1].isupper() and toks.tok[k].pos_ == "PROPN"

    end = cand.end
    while end < len(toks) and toks.space[end - 1] == " " and word(end):
        end += 1
    start = cand.start
    if cand.label == "ORG":
        while start > 0 and toks.space[start - 1] == " " and word(start - 1) and toks.sentence[start - 1] == toks.sentence[cand.start]:
            start -= 1
    for s, e in ((start, end), (cand.start, end), (start, cand.end)):
        if (s, e) != (cand.start, cand.end) and gaz.names.shape_type(toks.span_text(s, e)) == "place":
            return Candidate(s, e, CandidateKind.NER, "FAC")
    # "the Kelby and Astor Theaters": the first of two places that share the plural head after "and"
    k = cand.end + 1
    if k < len(toks) and toks.lower[cand.end] == "and" and word(k) and toks.text[cand.end - 1][:1].isupper():
        while k < len(toks) and toks.space[k - 1] == " " and word(k):
            k += 1
        last = toks.text[k - 1]
        if last.endswith("s") and gaz.names.shape_type(toks.span_text(cand.end + 1, k)) == "place" \
                and gaz.names.shape_type(f"{toks.span_text(cand.start, cand.end)} {last[:-1]}") == "place":
            return Candidate(cand.start, cand.end, CandidateKind.NER, "FAC")
    return None


def _headline_people(
    toks: Tokens, candidates: list[Candidate], headline_sents: set[int], shouting: list[bool], names: HeadlineNames,
    body: set[str] | None, headings: set[int] = frozenset(),
) -> tuple[list[Candidate], set[str] | None]:
    """The model's person spans in title-case lines cut to the names in them (``HeadlineNames``):
    there it reads the capitalised verbs and function words as parts of the name. In a heading run
    into its paragraph (``headings``: its tokens) an organisation's span too ("Harbour Levy Stalls
    Ferry Plans"): the line is a clause, whatever the model made of it."""
    inside = [c for c in candidates if c.kind == CandidateKind.NER and (
        c.label == "PERSON" and toks.sentence[c.start] in headline_sents and not shouting[toks.sentence[c.start]]
        or c.label in ("PERSON", "ORG") and c.start in headings)]
    if not inside:
        return candidates, body
    body = body_name_words(toks, headline_sents) if body is None else body
    out = [c for c in candidates if not any(c is h for h in inside)]
    for c in inside:
        out += [Candidate(start, end, c.kind, c.label) for start, end in names.pieces(toks, c.start, c.end, body)]
    return out, body


def _make_mention(cand: Candidate, ctx: MentionContext) -> Mention | None:
    toks, gaz = ctx.toks, ctx.gaz
    doc = toks.doc
    start, end = cand.start, cand.end
    if cand.inverted:
        return _inverted_mention(cand, ctx)
    if start >= 2 and toks.lower[start - 1] == "of" and toks.lower[start - 2] in gaz.titles and cand.label != "country" and not _named_body(toks, cand, gaz, ctx.english_words):
        return None  # "Minister of Foreign Affairs": part of a title
    key = title = gender = capital_use = None
    label, kind = cand.label, cand.kind
    written = start
    surface = pick_surface(cand.surfaces, doc[start:end], ctx) if cand.surfaces else None
    if cand.surfaces and surface is None:
        # a name of several entries that nothing in the text tells apart: a name of its own
        label, kind = CURATED_TYPE_LABELS.get(cand.label, "ORG"), MentionKind.NER
    if surface is not None:
        key = surface.entry
        kind = {SurfaceKind.ALIAS: MentionKind.GAZETTEER, SurfaceKind.WEAK: MentionKind.GAZETTEER}.get(surface.kind, surface.kind)
        label = gaz.entries[key].type
        gender = gaz.entries[key].gender
        if surface.kind == SurfaceKind.CAPITAL:
            capital_use = CapitalUse.ACTOR if acts(doc[start:end]) else CapitalUse.PLACE
    else:
        if label == "NORP":
            if not names_a_people(toks, start, end):
                return None  # "Democratic", "Japanese": a people's adjective, not the people
            label = "group"  # "Sikhs", "Democrats": a people, creed or party as a group
        if cand.kind == CandidateKind.NER and end - start > 2 and toks.lower[start] in COMPASS and toks.lower[start + 1] == "of":
            start += 2  # "Northeast of X" the model took whole: the place is X
            label = "LOC"
        if cand.kind == CandidateKind.NER:
            written = start  # the name as the text writes it keeps its titles ("Senator Ann Lee")
            titles, title, gender = leading_titles(toks, start, end, gaz, ctx.titles_by_first_word)
            if titles and start + titles < end and gaz.head_words.get(toks.text[start + titles]) in ORG_TYPES:
                titles, title, gender = 0, None, None  # "Major League", "General Assembly": no title, a name
            elif (titles and end - start - titles >= 2 and gaz.head_words.get(toks.text[end - 1]) in (*ORG_TYPES, "place")
                  and toks.lower[start + titles] not in ("of", "for") and fold(toks.text[start + titles]) not in gaz.names.given_names):
                titles, title, gender = 0, None, None  # "Sheikh Tarif Mosque", "King Ahmad University": a name, not a person's
            elif titles and start + titles < end and toks.lower[start + titles] in ("of", "for"):
                # "Chair of the Harbour Committee": an office; the name is what it is held in
                start += titles + 1
                while start < end and toks.lower[start] in DETERMINERS:
                    start += 1
                titles, title, gender = 0, None, None
                label = gaz.head_words.get(toks.text[end - 1]) or label
                written = start
            start += titles
            if titles and end - start == 1 and gaz.names.type_nouns.get(toks.lower[start]) == "person":
                return None  # "Dear Mom", "Madam Chairman": a title and a role, no name
            if titles:
                label = "PERSON"  # only people have titles ("Field Marshal Khalifa Haftar")
            if start >= end or is_title_modifier(toks, start, end, gaz) or end - start == 1 and _title_at(toks.lower[start], gaz.titles) and toks.text[start].endswith("."):
                return None  # "Insp." the model tagged alone is the title of the name after it
            if not looks_like_a_name(toks, start, end, gaz.names.given_names):
                return None  # sentence-initial common nouns tagged as names ("Experts", "Shadows")
            if end - start == 1 and label != "PERSON" and is_english_modifier(toks.tok[start], ctx.english_adjectives):
                return None  # "Quadrilateral talks": a capitalised word, not a name
            if end - start == 3 and toks.lower[start] in COMBINING_FORMS and toks.text[start + 1] == "-" and end < len(toks) \
                    and toks.text[end].islower() and toks.tok[end].pos_ == "NOUN":
                return None  # "Anglo-Nordic trade": an adjective of two peoples, not a name
        if _inside_a_law(toks, start, end, gaz):
            return None  # "the Treaty on the Peaceful Use of X": the object of a treaty's name, no actor
        if end - start >= 2 and label not in ("PERSON", "person") and fold(toks.text[end - 1]) in gaz.stop_names \
                and _date_after(toks, end, gaz.stop_names) and fold(toks.text[start]) not in gaz.names.given_names:
            end -= 1  # "interviewed by Acme News Saturday, May 2": the day opens the date after the name
        name = _clean_name(toks.span_text(start, end))
        words = name.split()
        head_type = gaz.head_words.get(words[-1]) if words else None
        if head_type == "none" and not (label == "PERSON" and len(words) == 2 and fold(words[0]) in gaz.names.given_names) \
                or len(words) == 1 and head_type:
            return None  # treaties, summits, wars are not actors ("Helen Law" the model calls a person is one); "the Bank" alone names nothing
        title_before = _title_at(toks.lower[start - 1], gaz.titles) if start > 0 else None
        if cand.kind == CandidateKind.NER and title is None and title_before and len(words) == 1 and gaz.names.type_nouns.get(words[0].lower()) == "person":
            return None  # "Mr. Chair", "Madam Chairman": a form of address, no name
        if cand.kind == CandidateKind.NER and title is None and title_before and len(words) >= 2 and head_type in (*ORG_TYPES, "place") and fold(words[0]) not in gaz.names.given_names:
            start = written = title_start(toks, start, ctx.title_strings)  # "Sheikh Tarif Mosque": the title is the name's
        elif cand.kind == CandidateKind.NER and title is None and title_before:
            title, gender = title_before, gaz.titles[title_before]
            label = "PERSON"  # "Mr Chavez": the title stands outside spaCy's span
            written = title_start(toks, start, ctx.title_strings)
        key = known_with_modifier(name, gaz)
        if key:
            kind, label = MentionKind.GAZETTEER, gaz.entries[key].type
        elif title is None and after_indefinite_article(toks, start, end):
            return None  # "run as a Mutual Society", "saw a Studebaker": a kind of thing
        elif label in ("ORG", "PERSON", "GPE", "FAC", "organization") and len(words) <= 2 and not head_type and title is None and in_place_context(toks, start, end, gaz):
            label = "LOC"
    name = _clean_name(toks.span_text(start, end))
    text = toks.span_text(min(written, start), end)  # an alias as written: "Judge Ann Lee" beside "Ann Lee"
    if title and len(name) == 1 and written < start:
        name = _clean_name(text)  # "Mrs. B": an initial alone names nobody, with its title it is how the text names her
    if not name or not any(c.isalpha() for c in name) or fold(name) in ctx.not_names:
        return None
    if not key and not any(c.isalpha() and unicodedata.name(c, "").startswith("LATIN") for c in name):
        return None  # a name in another script, given beside its English form ("Aristotle (Ἀριστοτέλης)")
    if not key and (fold(name) in gaz.stop_names or fold(name) in gaz.names.suffixes):
        return None  # "Jr" cut from "Ann Lee, Jr." names nobody
    sentence = toks.sentence[start]
    return Mention(
        doc=ctx.document.id,
        start=toks.idx[start],
        end=toks.end_char(end),
        text=text,
        name=name,
        label=NAME_TYPES.get(label, NameType.OTHER),
        sentence=sentence,
        kind=MentionKind(kind),
        key=key,
        capital_use=capital_use,
        title=title,
        gender=gender,
        subtype=gaz.entries[key].kind if key in gaz.entries else None,
        headline=sentence in ctx.headline_sents or start in ctx.headings,
        type_votes=() if key else context_type_votes(toks, start, end, gaz.names.type_nouns),
        guessed=label in NER_LABELS,
    )


def _inside_a_law(toks: Tokens, start: int, end: int, gaz: Gazetteer) -> bool:
    """The name ends a law's or a treaty's name that the model left out ("Treaty on the" + name):
    the capitalised word before "on"/"of" (and "the") and the name make a law's shape."""
    j = start - 1
    if j >= 0 and toks.lower[j] == "the":
        j -= 1
    if j < 1 or toks.lower[j] not in ("on", "of") or not toks.text[j - 1][:1].isupper():
        return False
    return gaz.names.shape_type(toks.span_text(j - 1, end)) == "law"


def _date_after(toks: Tokens, end: int, stop_names: frozenset[str]) -> bool:
    """A number, or a comma and a month or a number, right after token ``end - 1``: a date."""
    if end >= len(toks):
        return False
    if toks.tok[end].like_num:
        return True
    return toks.text[end] == "," and end + 1 < len(toks) and (toks.tok[end + 1].like_num or fold(toks.text[end + 1]) in stop_names)


def _named_body(toks: Tokens, cand: Candidate, gaz: Gazetteer, english: frozenset[str]) -> bool:
    """What an office after "of" is held in, rather than the office's portfolio ("director of
    Tarn Rights Watch", "professor of Ashvale University", "founder of Quorvex Partners", "head of
    ACX"; not "Minister of Foreign Affairs", "Secretary of State"): a name of several words the
    curated data knows, or an organisation's name that its head word ends, an acronym, or a word
    that is no English word makes."""
    if cand.kind == CandidateKind.GAZETTEER:  # not a name the data calls ambiguous alone (a magazine's "Foreign Affairs")
        return cand.end - cand.start > 1 and all(s.kind != SurfaceKind.WEAK for s in cand.surfaces)
    if cand.kind == CandidateKind.ORG:  # a name its head word makes an organisation's ("... University")
        return cand.label in ORG_TYPES
    if cand.kind != CandidateKind.NER or cand.label != "ORG":
        return False
    if cand.end - cand.start > 1 and gaz.head_words.get(toks.text[cand.end - 1]) in ORG_TYPES:
        return True
    words = [toks.text[i] for i in range(cand.start, cand.end) if toks.is_alpha[i] or any(c.isdigit() for c in toks.text[i])]
    if len(words) == 1:  # one word: an acronym ("Director of Media" is a portfolio)
        return len(words[0]) > 1 and words[0].isupper()
    return any(w.isupper() or not is_noun(w.lower(), english) for w in words)


def _title_at(word: str, titles: dict[str, str | None]) -> str | None:
    """The curated title a lower-case word is, with or without its dot ("det." is "Det.", "mr" "Mr")."""
    if word in titles:
        return word
    bare = word.rstrip(".")
    return bare if bare in titles else word + "." if word + "." in titles else None


def _inverted_mention(cand: Candidate, ctx: MentionContext) -> Mention:
    """"Lee, Ann" is Ann Lee: the name in its usual order, the text as written (an alias)."""
    toks = ctx.toks
    text = toks.span_text(cand.start, cand.end)
    surname, given = text.split(", ", 1)
    return Mention(
        doc=ctx.document.id,
        start=toks.idx[cand.start],
        end=toks.end_char(cand.end),
        text=text,
        name=f"{given} {surname}",
        label=NameType.PERSON,
        sentence=toks.sentence[cand.start],
        kind=MentionKind.NER,
        type_votes=(EntityType.PERSON,),
    )


def _metadata_mentions(document: Document) -> list[Mention]:
    """The byline's author and the outlet: entities of the document with no place in its text."""
    out = []
    for kind, label, value in ((MentionKind.BYLINE, NameType.PERSON, document.author), (MentionKind.OUTLET, NameType.ORGANIZATION, document.outlet)):
        for name in _split_names(value):
            out.append(Mention(document.id, None, None, name, name, label, None, kind=kind))
    return out


def _split_names(value: str | None) -> list[str]:
    if not value:
        return []
    return [p.strip() for p in re.split(r"\s*(?:,|;|\band\b|&)\s*", value) if p.strip()]  # "A, B, and C"


def _clean_name(text: str) -> str:
    text = SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    text = LEADING_THE.sub("", text)
    text = TRAILING_POSSESSIVE.sub("", text)
    return text.strip(" .,;:-\u2013\u2014\"'\u201c\u201d")
