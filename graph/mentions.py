"""Find the names in one parsed document: spaCy's entities, the curated data, organisation names
the small model misses, and acronyms the text defines.

Each source is a small generator of candidate spans over a spaCy ``Doc`` (as textacy's extractors
are); ``extract_mentions`` keeps the longest non-overlapping ones and cleans their names.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from .contract import fold
from .gazetteer import Gazetteer, Surface
from .records import AcronymDefinition, Document, Mention, MentionKind, NameType, Sentence, SurfaceKind
from .tokens import Tokens

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
# What a label of this stage (spaCy's, or the entity type a source implies) says a name is: the
# one place spaCy's labels are read. Any other label ("none" of a head word) names no actor.
NAME_TYPES = {
    "PERSON": NameType.PERSON, "person": NameType.PERSON, "NORP": NameType.GROUP, "group": NameType.GROUP,
    "ORG": NameType.ORGANIZATION, "organization": NameType.ORGANIZATION, "GPE": NameType.GEOPOLITICAL,
    "country": NameType.COUNTRY, "alliance": NameType.ALLIANCE, "LOC": NameType.PLACE, "place": NameType.PLACE,
    "FAC": NameType.FACILITY,
}
CONNECTORS = {"of", "the", "for", "and", "on", "&", "de", "del", "du", "al", "el", "la"}
DETERMINERS = {"the", "a", "an"}
QUANTIFIERS = {"many", "most", "some", "few", "several", "all", "other", "both", "more", "fewer", "no", "those", "these"}
PEOPLE_SUFFIXES = ("ian", "an", "n", "ese", "i")  # Asia-n, Sudan-ese, Iraq-i
REGNAL_NUMBER = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
TRAILING_NON_NAMES = {"I", "me", "Mr", "Mrs", "Ms", "Dr"}
LOWER_WORD = re.compile(r"\b[a-z]+\b")
POSSESSIVE = {"'s", "\u2019s", "'", "\u2019"}
LOCATIVE = {"in", "at", "near", "into", "around", "outside", "inside", "across", "towards", "toward", "on"}
# A way somewhere: "via X", "through X", "along X"; and "from X", "to X" for a lone word the model
# calls no person ("ferries from X"), as people and works are also "from"/"to" ("a letter to Lee").
ROUTE = {"via", "through", "throughout", "along"}
ROUTE_OF_A_WORD = {"from", "to"}
NOT_ROUTE_HEADS = {"according", "thanks", "due", "next", "owing", "prior", "contrary", "compared", "close", "similar", "addition", "apart", "aside"}
ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "poss", "csubj"}
# Parts of speech that cannot start a name: "Browbeating the Taliban", "Politically the Taliban".
LEADING_NON_NAME = {"VERB", "ADV", "ADP", "PRON", "SCONJ", "CCONJ", "AUX", "PART", "INTJ", "DET", "NUM"}
# In an all-caps line, only names of these types are told apart from ordinary words.
SHOUTED_TYPES = {"country", "alliance", "group", "place"}
SPACED_BREAKS = {"/", "-", "\u2013", "\u2014"}  # "Newsmax / Zogby", "Army - Navy": two names
BREAKS = {"(", ")", ":", ";", "[", "]", "\u2022", "|", ","}
ORDINAL = re.compile(r"^\d+(st|nd|rd|th)$")
SPACES = re.compile(r"\s+")
LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
TRAILING_POSSESSIVE = re.compile(r"['\u2019]s?$")
ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9\-&\.]{0,9}$")

ORG_TYPES = {"organization", "group", "alliance"}
OFFICE_WORDS = 6  # words of an office before "of the" and the organisation it is held in
HYPHEN_WORD_TAGS = {"VBN", "VBD", "VBG", "VB", "JJ", "JJR", "JJS", "RB"}  # "Kremlin-backed", "Lee-led"
INNER_CAPITAL = re.compile(r"^(?:[A-Z][a-z]?['\u2019]|Ma?c)[A-Z]")
# The spaCy label a curated type stands for, when a name of several entries is left to spaCy's reading.
CURATED_TYPE_LABELS = {"person": "PERSON", "country": "GPE", "place": "GPE"}
# Higher wins when two candidates cover the same tokens.
PRIORITY = {"acronym": 6, "gazetteer": 5, "demonym": 5, "capital": 5, "weak": 4, "org": 3, "ner": 2}

# Title phrases by their first word: the words without dots, the title, its gender.
TitleIndex = dict[str, list[tuple[list[str], str, str | None]]]


@dataclass
class Candidate:
    start: int  # token indexes
    end: int
    kind: str  # gazetteer | weak | demonym | capital | org | ner | acronym
    label: str  # spaCy label, or the entity type the source implies
    surfaces: tuple[Surface, ...] = ()
    inverted: bool = False  # "Lee, Ann" in a list of works: the surname first, then a comma

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
        self.english_adjectives = _dictionary_words(nlp)
        self.english_nouns = _dictionary_words(nlp, "noun")
        self.titles_by_first_word: TitleIndex = _titles_by_first_word(gazetteer)
        self.title_strings = frozenset(title.replace(".", "") for title in gazetteer.titles)

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
            kind = "gazetteer" if SurfaceKind.ALIAS in kinds else "demonym" if SurfaceKind.DEMONYM in kinds else (
                "capital" if SurfaceKind.CAPITAL in kinds else "weak")
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
    for ent in toks.ents:
        if ent.label_ not in NER_LABELS:
            continue
        for start, end in _trim(toks, ent.start, ent.end, ent.label_, head_words, known):
            if end - start > 2 and toks.lower[end - 2] in ("&", "and") and toks.text[end - 1].rstrip(".") in TRAILING_NON_NAMES:
                end -= 2  # "Sue Lee & I", "Tom Reed and Mr": a name, then a word that names nobody
            if ent.label_ == "PERSON" and end == ent.end and _is_epithet(toks, end, end + 2):
                end += 2  # spaCy leaves "the Great" out of "Peter the Great"
            elif ent.label_ == "PERSON" and end == ent.end and _is_regnal_number(toks, end):
                end += 1  # nor "I" out of "King Henry I"
            yield Candidate(start, end, "ner", ent.label_)


def org_name_candidates(
    toks: Tokens, head_words: dict[str, str], known: set[tuple[int, int]], country_names: frozenset[str] = frozenset(),
    nouns: frozenset[str] = frozenset(),
) -> Iterator[Candidate]:
    """Capitalised phrases headed or led by a word that says what they name ("Muslim Board of
    Uzbekistan", "Main Directorate for Combating Extremism", "Murghab River"), which the small
    model often misses or cuts. ``nouns``: English common nouns, which no person's name is made of."""
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
        pieces = _split_org_run(toks, _after_office(toks, i, j, head_words), j, head_words, known)
        if len(pieces) > 1 and (pieces[0][0], pieces[-1][1]) in spacy_orgs and _no_person_in(toks, pieces, nouns) \
                and not _coordinated(toks, pieces, head_words):
            pieces = [(pieces[0][0], pieces[-1][1])]  # spaCy reads the whole run as one organisation too
        for start, end in pieces:
            if end - start > 2 and text[start].endswith("s") and fold(text[start][:-1]) in country_names:
                start += 1  # "Tajikistans Special Assignment Police Unit": a possessive without its apostrophe
            words = [word for word, alpha in zip(text[start:end], toks.is_alpha[start:end]) if alpha]
            head_type = head_words.get(words[-1]) or head_words.get(words[0]) if words else None
            if words and words[-1][0].isupper() and head_type and len(words) > 1:
                yield Candidate(start, end, "org", head_type)
                after_org = True
                continue
            if after_org and 2 <= len(words) <= 3 and all(w[0].isupper() and w not in head_words for w in words) and not _english_words(toks, start, end, nouns):
                # the name an organisation's title runs into ("... Ministry of Internal Affairs Oleg Ilinykh")
                yield Candidate(start, end, "ner", "PERSON")
            after_org = False
        i = j


def _english_words(toks: Tokens, start: int, end: int, nouns: frozenset[str]) -> bool:
    """Every word of the span is an English common noun ("Enforcement Executives")."""
    return bool(nouns) and all(_is_noun(t.lower_, nouns) for t in toks.tok[start:end] if t.is_alpha)


def _is_noun(word: str, nouns: frozenset[str]) -> bool:
    """``word`` or its singular ("executives", "companies") is in ``nouns``."""
    if word in nouns:
        return True
    if word.endswith("ies"):
        return word[:-3] + "y" in nouns
    return word.endswith("s") and (word[:-1] in nouns or word.endswith("es") and word[:-2] in nouns)


def _no_person_in(toks: Tokens, pieces: list[tuple[int, int]], nouns: frozenset[str]) -> bool:
    """No piece of a run after the first is a name an organisation's title ran into."""
    return all(_english_words(toks, s, e, nouns) or e - s == 1 for s, e in pieces[1:])


def _after_office(toks: Tokens, start: int, end: int, head_words: dict[str, str]) -> int:
    """Where an organisation's name starts in "Chair of the National Space Council" or "Fellow of
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


_CAPITAL_WORD = r"[A-Z][a-z][\w'\u2019\-]*"
_INVERTED_NAME = rf"{_CAPITAL_WORD}(?: {_CAPITAL_WORD})?, {_CAPITAL_WORD}(?: (?:{_CAPITAL_WORD}|[A-Z]\.))" + "{0,2}"
# A line of a list of works that starts with its authors, surname first: "Lee, Ann. The Long Road",
# "Lee, Ann and Roe, Jo. Letters".
_INVERTED_LINE = re.compile(rf"(?m)^(?P<names>{_INVERTED_NAME}(?: and {_INVERTED_NAME})*)\. +\S")
_INVERTED_ONE = re.compile(_INVERTED_NAME)


def inverted_name_candidates(toks: Tokens, given_names: frozenset[str], titles: dict[str, str | None]) -> Iterator[Candidate]:
    """People named surname first at the start of the lines of a list of works ("Lee, Ann. The
    Long Road"). The shape must be the list's: two lines or more of it, one with a given name or a
    person the model found; a line alone must give a given name after its comma. A title is no
    part of it ("Senator Lee, Mr. Speaker, ...": an address)."""
    lines = [
        line for line in _INVERTED_LINE.finditer(toks.doc_text)
        if not any(word.lower().rstrip(".,") in titles for word in line.group("names").split())
    ]
    if not lines:
        return
    people = {t for ent in toks.ents if ent.label_ == "PERSON" for t in range(ent.start, ent.end)}

    def named(line: re.Match) -> bool:
        for m in _INVERTED_ONE.finditer(line.group("names")):
            given = m.group().split(", ", 1)[1].split()[0]
            if fold(given) in given_names:
                return True
        span = toks.doc.char_span(line.start(), line.end("names"), alignment_mode="contract")
        return span is not None and any(t in people for t in range(span.start, span.end))

    if not (len(lines) >= 2 and any(named(line) for line in lines)):
        lines = [line for line in lines if named(line)]
    for line in lines:
        for m in _INVERTED_ONE.finditer(line.group("names")):
            span = toks.doc.char_span(line.start() + m.start(), line.start() + m.end(), alignment_mode="contract")
            if span is not None and len(span) >= 3 and span.text == m.group():
                yield Candidate(span.start, span.end, "ner", "PERSON", inverted=True)


def acronym_candidates(toks: Tokens) -> Iterator[tuple[Candidate, Span, Span]]:
    """``Long Name (ABBR)`` and ``ABBR (Long Name)``: the long form as a candidate, with both spans.

    The long form is found with the Schwartz-Hearst rule: every letter of the short form, right to
    left, in the long form, the first at the start of a word."""
    text = toks.text
    for paren, word in enumerate(text):
        if word != "(":
            continue
        close = next((j for j in range(paren + 1, min(paren + 5, len(text))) if text[j] == ")"), None)
        if close is None or close == paren + 1:
            continue
        inner = toks.doc[paren + 1 : close]
        short = inner.text
        letters = [c for c in short if c.isalpha()]
        capitals = sum(c.isupper() for c in letters)
        if ACRONYM.match(short.replace(" ", "")) and capitals >= 2 and capitals >= 0.6 * len(letters):
            long_span = _long_form_before(toks, paren, short)
            if long_span is not None:
                yield Candidate(long_span.start, long_span.end, "acronym", "ORG"), inner, long_span


# --- choosing and cleaning ---------------------------------------------------------------------


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
    shouting = [_is_shouting(text) for text in sentence_texts]
    headline_sents = {i for i, s in enumerate(sents) if _is_headline(toks, s, sentence_texts[i], shouting[i], i == 0)}
    shouting_tokens = {t for s, shouts in zip(sents, shouting) if shouts for t in range(s.start, s.end)}

    known_candidates = list(gazetteer_candidates(doc, extractor, shouting_tokens))
    known = {(c.start, c.end) for c in known_candidates if c.kind != "weak"}
    candidates = known_candidates + [
        c for c in ner_candidates(toks, gaz.head_words, known) if not _is_compound_of_known(toks, c, known) and not _is_qualified_known(toks, c, known, gaz)
    ]
    org_candidates = list(org_name_candidates(toks, gaz.head_words, known, gaz.country_names, extractor.english_nouns))
    acronyms: list[AcronymDefinition] = []
    not_names: set[str] = set()
    for cand, short, long_span in acronym_candidates(toks):
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
        or not any(_crosses(c, o) for o in org_candidates) and not _joins_two_names(c, org_candidates, toks)
        and not any(_overlaps(c, t) and (c.start, c.end) != (t.start, t.end) for t in tails)
    ]
    candidates += org_candidates
    candidates += inverted_name_candidates(toks, gaz.names.given_names, gaz.titles)

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
        document, toks, gaz, headline_sents, not_names, country_counts, extractor.english_adjectives,
        extractor.titles_by_first_word, strong_entries, extractor.title_strings,
    )

    mentions: list[Mention] = []
    for cand in chosen:
        mention = _make_mention(cand, context)
        if mention is not None:
            mentions.append(mention)
    mentions = _without_common_words(mentions, toks, extractor.english_nouns)
    mentions += _metadata_mentions(document)
    return sentences, mentions, acronyms


def _without_common_words(mentions: list[Mention], toks: Tokens, nouns: frozenset[str]) -> list[Mention]:
    """Drop a lone capitalised English noun whose capital says nothing: the document also writes
    it in lower case ("Harvest" beside "the harvest"), it is a piece of a longer capitalised title
    the model cut ("Sonata" in "her Second Sonata"), a heading on a line of its own ("Background"),
    or a "person" with an article ("the attached Appendix"; not "the Lee family"). Kept: a name the curated data knows, one a title or a
    cue makes a person, a word of a longer name in the document (a surname), and places."""
    lone = [m for m in mentions if m.kind == MentionKind.NER and not m.key and not m.role and not m.type_votes
            and m.guessed and m.label in (NameType.PERSON, NameType.ORGANIZATION, NameType.GEOPOLITICAL, NameType.PLACE)
            and " " not in m.name and _is_noun(m.name.lower(), nouns) and not m.name.isupper()]
    if not lone:
        return mentions
    lower_words = set(LOWER_WORD.findall(toks.doc_text))
    name_words = {word for m in mentions if " " in m.name for word in m.name.split()}
    common = set()
    for m in lone:
        if m.name in name_words:
            continue
        i = bisect.bisect_left(toks.idx, m.start)
        if i >= len(toks) or toks.idx[i] != m.start:
            continue
        before = toks.text[i - 1] if i > 0 and toks.space[i - 1] == " " else ""  # on the same line
        after = toks.text[i + 1] if i + 1 < len(toks) and toks.space[i] == " " else ""
        if toks.sentence[i] > 0 and _alone_on_line(toks, i):
            common.add(id(m))  # a section's heading; the first line is the text's title, which may be a name
        elif m.label not in (NameType.PERSON, NameType.ORGANIZATION):
            continue
        elif m.name.lower() in lower_words or before[:1].isupper() and before.lower() not in DETERMINERS or after[:1].isupper():
            common.add(id(m))
        elif m.label is NameType.PERSON and _after_article(toks, i) and not _modifies_noun(toks, i):
            common.add(id(m))
    return [m for m in mentions if id(m) not in common]


def _alone_on_line(toks: Tokens, i: int) -> bool:
    """Token ``i`` is a line of its own (a heading), but for punctuation."""
    j = i - 1
    while j >= 0 and "\n" not in toks.space[j] and "\n" not in toks.text[j]:
        if toks.is_alpha[j]:
            return False
        j -= 1
    j = i
    while j < len(toks) and "\n" not in toks.space[j]:
        j += 1
        if j < len(toks) and ("\n" in toks.text[j] or toks.is_alpha[j]):
            return "\n" in toks.text[j]
    return True


ARTICLES = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"}


def _modifies_noun(toks: Tokens, i: int) -> bool:
    """A lower-case noun follows token ``i`` on its line: "the Lee family", "the Quartet statement"."""
    return i + 1 < len(toks) and toks.space[i] == " " and toks.text[i + 1].islower() and toks.tok[i + 1].pos_ == "NOUN"


def _after_article(toks: Tokens, i: int) -> bool:
    """An article or possessive before token ``i``, maybe with lower-case words between ("the
    attached Appendix"): what a person's name does not take."""
    j = i - 1
    while j >= 0 and toks.space[j] == " " and toks.text[j].islower() and toks.lower[j] not in ARTICLES and (toks.tok[j].pos_ == "ADJ" or toks.tok[j].tag_ == "VBN"):
        j -= 1
    return j >= 0 and toks.space[j] == " " and toks.lower[j] in ARTICLES and (toks.text[j].islower() or toks.tok[j].is_sent_start)


@dataclass
class MentionContext:
    document: Document
    toks: Tokens
    gaz: Gazetteer
    headline_sents: set[int]
    not_names: set[str]
    country_counts: Counter
    english_adjectives: frozenset[str]
    titles_by_first_word: TitleIndex
    named_in_full: set[str]  # curated entries the document names by a strong alias
    title_strings: frozenset[str]  # the curated titles, lower case without dots ("vice president")


def _make_mention(cand: Candidate, ctx: MentionContext) -> Mention | None:
    toks, gaz = ctx.toks, ctx.gaz
    doc = toks.doc
    start, end = cand.start, cand.end
    if cand.inverted:
        return _inverted_mention(cand, ctx)
    if start >= 2 and toks.lower[start - 1] == "of" and toks.lower[start - 2] in gaz.titles and cand.label != "country":
        return None  # "Minister of Foreign Affairs": part of a title
    key = role = gender = None
    label, kind = cand.label, cand.kind
    written = start
    surface = _pick_surface(cand.surfaces, doc[start:end], ctx) if cand.surfaces else None
    if cand.surfaces and surface is None:
        # a name of several entries that nothing in the text tells apart: a name of its own
        label, kind = CURATED_TYPE_LABELS.get(cand.label, "ORG"), "ner"
    if surface is not None:
        key = surface.entry
        kind = {SurfaceKind.ALIAS: "gazetteer", SurfaceKind.WEAK: "gazetteer"}.get(surface.kind, surface.kind)
        label = gaz.entries[key].type
        gender = gaz.entries[key].gender
        if surface.kind == SurfaceKind.CAPITAL:
            role = "actor" if _acts(doc[start:end]) else "place"
    else:
        if label == "NORP":
            if not _names_a_people(toks, start, end):
                return None  # "Democratic", "Japanese": a people's adjective, not the people
            label = "group"  # "Sikhs", "Democrats": a people, creed or party as a group
        if cand.kind == "ner":
            written = start  # the name as the text writes it keeps its titles ("Senator Ann Lee")
            titles, role, gender = _leading_titles(toks, start, end, gaz, ctx.titles_by_first_word)
            if titles and start + titles < end and gaz.head_words.get(toks.text[start + titles]) in ORG_TYPES:
                titles, role, gender = 0, None, None  # "Major League", "General Assembly": no title, a name
            elif titles and start + titles < end and toks.lower[start + titles] in ("of", "for"):
                # "Chair of the Judiciary Committee": an office; the name is what it is held in
                start += titles + 1
                while start < end and toks.lower[start] in DETERMINERS:
                    start += 1
                titles, role, gender = 0, None, None
                label = gaz.head_words.get(toks.text[end - 1]) or label
                written = start
            start += titles
            if titles:
                label = "PERSON"  # only people have titles ("Field Marshal Khalifa Haftar")
            if start >= end or _is_title_modifier(toks, start, end, gaz):
                return None
            if not _looks_like_a_name(toks, start, end):
                return None  # sentence-initial common nouns tagged as names ("Experts", "Shadows")
            if end - start == 1 and label != "PERSON" and _is_english_modifier(toks.tok[start], ctx.english_adjectives):
                return None  # "Quadrilateral talks": a capitalised word, not a name
        name = _clean_name(toks.span_text(start, end))
        words = name.split()
        head_type = gaz.head_words.get(words[-1]) if words else None
        if head_type == "none" or (len(words) == 1 and head_type):
            return None  # treaties, summits, wars are not actors; "the Bank" alone names nothing
        title_before = toks.lower[start - 1].rstrip(".") if start > 0 else ""
        if cand.kind == "ner" and role is None and title_before in gaz.titles:
            role, gender = title_before, gaz.titles[title_before]
            label = "PERSON"  # "Mr Chavez": the title stands outside spaCy's span
            written = _title_start(toks, start, ctx.title_strings)
        key = _known_with_modifier(name, gaz)
        if key:
            kind, label = "gazetteer", gaz.entries[key].type
        elif label in ("ORG", "PERSON", "GPE", "organization") and len(words) <= 2 and not head_type and role is None and _in_place_context(toks, start, end, gaz):
            label = "LOC"
    name = _clean_name(toks.span_text(start, end))
    text = toks.span_text(min(written, start), end)  # an alias as written: "Judge Ann Lee" beside "Ann Lee"
    if not name or not any(c.isalpha() for c in name) or fold(name) in ctx.not_names:
        return None
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
        role=role,
        gender=gender,
        subtype=gaz.entries[key].kind if key in gaz.entries else None,
        headline=sentence in ctx.headline_sents,
        type_votes=() if key else context_type_votes(toks, start, end, gaz.names.type_nouns),
        guessed=label in NER_LABELS,
    )


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
        type_votes=("person",),
    )


RELATIVE_PERSON = {"who", "whom", "whose"}
COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
PLACE_ENT_TYPES = {"GPE", "LOC", "FAC"}


def context_type_votes(toks: Tokens, start: int, end: int, type_nouns: dict[str, str]) -> tuple[str, ...]:
    """What the words around the name at tokens ``start:end`` say it is: a noun right before it
    ("the film X", "spokeswoman X", "the late X"), a noun in apposition ("X, a drug maker"),
    a relative "who" ("X, who ..."). Types from ``type_nouns`` (graph/data/type_nouns.tsv)."""
    votes = []
    if start > 0:
        before = toks.lower[start - 1]
        type_ = type_nouns.get(before) or (before.endswith("s") and type_nouns.get(before[:-1]))
        if type_ and toks.text[start - 1].islower() and (toks.tok[start - 1].pos_ == "NOUN" or before == "late"):
            votes.append(type_)  # a lower-case noun: "Bill" in "Bill Clinton" is no law
    if start > 2 and toks.lower[start - 1] == "of" and toks.text[start - 2].islower() and (
        type_nouns.get(toks.lower[start - 2]) == "place" or toks.lower[start - 2] in COMPASS
    ) and not (end < len(toks) and toks.lower[end] in POSSESSIVE):
        votes.append("place")  # "the island of X", "the city of X", "20 km north of X"
    if start > 1 and toks.text[start - 1] == "," and toks.tok[start - 2].ent_type_ == "GPE" and (end == len(toks) or toks.tok[end].is_punct):
        votes.append("place")  # "Springfield, X." names the region a town is in
    if _dated_in_brackets(toks, start, end) and toks.tok[start].ent_type_ not in PLACE_ENT_TYPES:
        votes.append("work")  # "Rivers of Ash (1998)": a book's or a film's title with its year
    after = end + (end < len(toks) and toks.text[end] == ",")
    if after < len(toks) and toks.lower[after] in RELATIVE_PERSON:
        clause = toks.tok[after].head  # "who" in a clause on this name, not on a noun before it
        if clause.dep_ == "relcl" and start <= clause.head.i < end:
            votes.append("person")
    root = toks.doc[start:end].root
    lone_word = end - start == 1 and not toks.text[start].isupper()  # "AK said he" is a body speaking
    if lone_word and root.ent_type_ not in PLACE_ENT_TYPES and root.dep_ == "nsubj" and _refers_as_a_person(toks, end):
        # only for a lone word, a surname whose full name may be out of sight: a longer name
        # that "said he" is as often a body speaking of someone else ("Police said he ...")
        votes.append("person")
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end:
            type_ = type_nouns.get(child.lower_) or type_nouns.get(child.lemma_.lower())
            if type_ and child.pos_ == "NOUN":
                votes.append(type_)
    return tuple(votes)


YEAR = re.compile(r"^1[5-9]\d\d$|^20\d\d$")


def _dated_in_brackets(toks: Tokens, start: int, end: int) -> bool:
    """A title-case name of two words or more with a lone year in brackets after it, which dates a
    work ("The Long Road (1998)"); a person's years are a range or a birth ("Ann Lee (b. 1950)"), a
    place's the year something happened there ("in Geneva (1910)")."""
    return (
        end - start >= 2
        and end + 2 < len(toks)
        and toks.text[end] == "("
        and YEAR.match(toks.text[end + 1]) is not None
        and toks.text[end + 2] == ")"
    )


PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}


def _refers_as_a_person(toks: Tokens, end: int) -> bool:
    """The rest of the sentence after a subject speaks of a "he" or a "she" ("X said she ..."),
    with no other name between that the pronoun could be."""
    sentence = toks.sentence[end - 1]
    stop = toks.sent_start[sentence + 1] if sentence + 1 < len(toks.sent_start) else len(toks)
    for i in range(end, stop):
        if toks.name_word[i] and toks.tok[i].ent_type_ == "PERSON":
            return False
        if toks.lower[i] in PERSONAL_PRONOUNS:
            return True
    return False


def _is_compound_of_known(toks: Tokens, cand: Candidate, known: set[tuple[int, int]]) -> bool:
    """"Afghanistan-Turkmenistan" or "Russia-U.S.": names the curated data knows, hyphenated."""
    hyphens = [i for i in range(cand.start, cand.end) if toks.text[i] in {"-", "\u2013"}]
    if not hyphens:
        return False
    bounds = [cand.start, *[h for h in hyphens], cand.end]
    pieces = [(bounds[0], bounds[1])] + [(a + 1, b) for a, b in zip(bounds[1:-1], bounds[2:])]
    return all(p in known for p in pieces)


def _is_qualified_known(toks: Tokens, cand: Candidate, known: set[tuple[int, int]], gaz: Gazetteer) -> bool:
    """"Northern Afghanistan" is Afghanistan: a direction word before a curated name."""
    return cand.end - cand.start > 1 and fold(toks.text[cand.start]) in gaz.stop_names and (cand.start + 1, cand.end) in known


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
        if s.kind == SurfaceKind.ALIAS and entry.country is None and entry.type in ("group", "organization", "person"):
            return s.entry
    return None


def _in_place_context(toks: Tokens, start: int, end: int, gaz: Gazetteer) -> bool:
    """An unknown short name used as a place: after "in"/"near"..., beside a place noun ("Helmand
    province", "field Galkinish"), or listed with places ("Dushanbe, Kulyab and Kurgan-Tyube")."""
    for i in (end, start - 1):
        if 0 <= i < len(toks) and gaz.head_words.get(toks.text[i]) == "place" and toks.tok[i].is_lower:
            return True
    head = toks.doc[start:end].root
    if any(child.dep_ == "conj" and child.ent_type_ in ("GPE", "LOC") for child in head.children):
        return True  # the first of a list of places ("from Kilbrannagh, Dublin or Cork")
    if head.dep_ == "appos" and head.head.i == start - 2 and toks.text[start - 1] == "," and head.head.pos_ == "PROPN":
        head = head.head  # "in Exeter, Devon": a name right after a name, as the region it lies in
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
        if head.ent_type_ in ("GPE", "LOC"):
            return True
    if head.dep_ != "pobj" or end < len(toks) and toks.lower[end] in POSSESSIVE:
        return False  # "in Lee's report" is in a report
    prep = head.head
    if prep.lower_ in LOCATIVE or prep.lower_ in ROUTE:
        return True
    lone = end - start == 1 and toks.tok[start].ent_type_ != "PERSON" and toks.lower[start - 1] == prep.lower_
    return lone and prep.lower_ in ROUTE_OF_A_WORD and prep.head.lower_ not in NOT_ROUTE_HEADS


def _titles_by_first_word(gaz: Gazetteer) -> TitleIndex:
    """Title phrases as words without dots, with the title and its gender, by their first word,
    longest first (the order of ``gaz.titles_by_length``): at a word of a name, only the titles
    that start with it can match."""
    index: TitleIndex = {}
    for title, gender in gaz.titles_by_length:
        words = [w.rstrip(".") for w in title]
        index.setdefault(words[0], []).append((words, " ".join(title), gender))
    return index


def _leading_titles(
    toks: Tokens, start: int, end: int, gaz: Gazetteer, titles_by_first_word: TitleIndex
) -> tuple[int, str | None, str | None]:
    """How many tokens of titles (and a demonym before them) lead a name: "Field Marshal Khalifa
    Haftar", "Russian Deputy Interior Minister Igor Zubov", "President Putin"."""
    words = [word.rstrip(".") for word in toks.lower[start:end]]
    i = 0
    role = gender = None
    while i < len(words) - 1:
        for title, name, title_gender in titles_by_first_word.get(words[i], ()):
            n = len(title)
            if i + n < len(words) and words[i : i + n] == title and words[i + n] not in POSSESSIVE:
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


def _title_start(toks: Tokens, start: int, title_strings: frozenset[str]) -> int:
    """Where the title written right before a name begins: "Vice President" in "Vice President
    Ann Lee" (the longest title of up to four tokens on the name's line), or ``start``."""
    for k in range(min(4, start), 0, -1):
        if any("\n" in toks.space[i] for i in range(start - k, start)):
            continue
        words = toks.doc_text[toks.idx[start - k] : toks.end_char(start)].lower().replace(".", "")
        if words in title_strings:
            return start - k
    return start


def _is_title_modifier(toks: Tokens, start: int, end: int, gaz: Gazetteer) -> bool:
    """"Interior" in "Deputy Interior Minister": a word that qualifies a title, not a name."""
    if end - start != 1 or end >= len(toks):
        return False
    return toks.lower[end] in gaz.titles


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


def _pick_surface(surfaces: tuple[Surface, ...], span: Span, ctx: MentionContext) -> Surface | None:
    """Among the entries a surface form may name, the one of the country the text ties it to
    ("Uzbek Ministry of Internal Affairs", "NSS of Uzbekistan"), else the one the document names in
    full, else of the country the document names most, else the one it names strongly; None when
    nothing decides ("Commonwealth": of Nations, or of Independent States?), and for a weak name
    of one country's body ("Senate", "House") in a text that names other countries but not its."""
    surface = _pick_entry(surfaces, span, ctx)
    if surface is None or surface.kind != SurfaceKind.WEAK or surface.entry in ctx.named_in_full:
        return surface
    country = ctx.gaz.entries[surface.entry].country
    if country and ctx.country_counts and country not in ctx.country_counts:
        return None
    return surface


def _pick_entry(surfaces: tuple[Surface, ...], span: Span, ctx: MentionContext) -> Surface | None:
    entries = {s.entry for s in surfaces}
    if len(entries) == 1:
        return surfaces[0]
    gaz = ctx.gaz
    country = _country_context(span, gaz)
    by_country = {gaz.entries[s.entry].country: s for s in surfaces if gaz.entries[s.entry].country}
    if country in by_country:
        return by_country[country]
    named = [s for s in surfaces if s.entry in ctx.named_in_full]
    if len({s.entry for s in named}) == 1:
        return named[0]
    for country, _ in sorted(ctx.country_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if country in by_country:
            return by_country[country]
    strong = [s for s in surfaces if s.kind != SurfaceKind.WEAK]
    return strong[0] if strong else None  # the data lists the likelier entry first ("Moscow": Russia)


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


def _is_regnal_number(toks: Tokens, i: int) -> bool:
    """A Roman numeral right after a name ("Henry VIII", "Henry I"); "I" only where no verb
    follows, which would make it the speaker's "I" ("Ann Lee I think", "Ballads I called them")."""
    if i >= len(toks) or not REGNAL_NUMBER.match(toks.text[i]) or toks.space[i - 1] != " ":
        return False
    return toks.text[i] != "I" or i + 1 == len(toks) or not toks.tok[i + 1].tag_.startswith(("VB", "MD"))


def _is_epithet(toks: Tokens, the: int, end: int) -> bool:
    """"Peter the Great", "Ivan the Terrible": a name, "the" and one capitalised word, which is
    no name of its own and is the name's end."""
    if the + 2 != end or end > len(toks) or toks.lower[the] != "the":
        return False
    word = toks.tok[the + 1]
    return (
        toks.tok[the - 1].pos_ == "PROPN"
        and toks.name_word[the - 1]
        and toks.name_word[the + 1]
        and word.ent_iob_ != "B"
        and (end == len(toks) or not toks.name_word[end])
    )


def _is_first_name(toks: Tokens, i: int, end: int) -> bool:
    """"Will" in "an injury to Will Middlebrooks": a capitalised word tagged as a verb or adverb
    inside a person's name, not where a sentence or line starts (where any word is capitalised),
    and not an inflected verb ("Copying Beethoven")."""
    tok = toks.tok[i]
    return (
        tok.pos_ in ("AUX", "VERB", "ADV", "INTJ")
        and tok.tag_ in ("MD", "VB", "VBP", "RB", "UH", "NNP")
        and tok.is_title
        and not tok.is_sent_start
        and i > 0
        and "\n" not in toks.space[i - 1]
        and i + 1 < end
        and toks.name_word[i + 1]
    )


def _is_possessive_name(
    toks: Tokens, start: int, i: int, end: int, label: str, head_words: dict[str, str], known: set[tuple[int, int]]
) -> bool:
    """A possessive inside an institution's name ("King's College", "People's Republic of Korea"):
    spaCy took the whole as one organisation or building, and it goes on to a word that says what
    it names. "Russia's Foreign Ministry" is two names: the curated data knows its owner."""
    if label not in ("ORG", "FAC") or not head_words or i + 1 >= end or not toks.name_word[i + 1]:
        return False
    if head_words.get(toks.text[end - 1]) not in ("organization", "place", "country", "group"):
        return False
    return i - start in (1, 2) and not any((s, i) in known for s in range(start, i))


def _trim(
    toks: Tokens, start: int, end: int, label: str = "", head_words: dict[str, str] | None = None,
    known: set[tuple[int, int]] = frozenset(),
) -> list[tuple[int, int]]:
    """Cut an entity span where the name ends: at line breaks, brackets, possessives and colons
    (what follows a colon is a subtitle: "SouthFront: Analysis & Intelligence"); drop words before
    the name ("Browbeating the Taliban") and punctuation at its ends; finish a name cut after "of"
    ("Chronicles of" + "Turkmenistan") and join one broken by a hyphen ("Lyakin-Frolov")."""
    text, lower, tok = toks.text, toks.lower, toks.tok
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for i in range(start, end):
        if text[i] == ":":
            pieces.append((piece_start, i))
            piece_start = end
            break
        if text[i] in POSSESSIVE and _is_possessive_name(toks, piece_start, i, end, label, head_words or {}, known):
            continue  # "King's College", "Democratic People's Republic of Korea"
        spaced = text[i] in SPACED_BREAKS and i > start and toks.space[i - 1] and toks.space[i]
        if "\n" in text[i] or text[i] in BREAKS or text[i] in POSSESSIVE or spaced:
            pieces.append((piece_start, i))  # the breaking token belongs to neither side
            piece_start = i + 1
        elif lower[i] == "the" and i > piece_start and lower[i - 1] not in CONNECTORS and not _is_epithet(toks, i, end):
            piece_start = i + 1  # "Politically the Taliban": what comes before "the" is not the name
        elif i > start and _breaks_a_name(toks, i):
            pieces.append((piece_start, i))  # "Lee composed Rain", "House of Wax as Wade": two names
            piece_start = i + 1
        elif "\n" in toks.space[i]:
            pieces.append((piece_start, i + 1))
            piece_start = i + 1
    pieces.append((piece_start, end))
    out = []
    for s, e in pieces:
        while s < e and (tok[s].pos_ in LEADING_NON_NAME or tok[s].is_punct or tok[s].is_space) and not (label == "PERSON" and _is_first_name(toks, s, e)):
            s += 1
        while e > s and (tok[e - 1].is_punct or tok[e - 1].is_space or text[e - 1] in POSSESSIVE):
            e -= 1
        if e > s and lower[e - 1] in CONNECTORS:
            e = _finish_name(toks, e)
        if s < e:
            out.append(_join_hyphenated(toks, s, e, label == "PERSON"))
    return out


# Lower-case words a name may hold: connectors ("Bank of the South"), "at" and "in" ("University
# of X at Y", "Mission in Kosovo", "Committee for a Fair Vote"), surname particles ("Ludwig van
# Beethoven", "Ali bin Said").
NAME_INNER_WORDS = CONNECTORS | {
    "a", "an", "at", "in", "upon", "et", "y", "e", "von", "van", "der", "den", "da", "di", "dos", "das", "des", "le",
    "les", "bin", "ibn", "ben", "abu", "zu", "und", "dei", "della",
}


def _breaks_a_name(toks: Tokens, i: int) -> bool:
    """A lower-case word inside a model's entity that no name holds: a verb, a noun, "as", "this"
    ("Lee composed Rain", "Winter Fair this Sat"). Not a word after a hyphen ("Wong Kwok-hing")."""
    word = toks.text[i]
    return (
        word.islower()
        and toks.is_alpha[i]
        and toks.lower[i] not in NAME_INNER_WORDS
        and not (toks.text[i - 1] in {"-", "\u2013"} and not toks.space[i - 1])
    )


def _finish_name(toks: Tokens, end: int) -> int:
    """A span that stops at a connector takes the capitalised words that follow, or gives it up."""
    j = end
    while j < len(toks) and toks.name_word[j] and "\n" not in toks.space[j - 1]:
        j += 1
    if j > end:
        return j
    while end > 0 and toks.lower[end - 1] in CONNECTORS:
        end -= 1
    return end


def _join_hyphenated(toks: Tokens, start: int, end: int, person: bool = False) -> tuple[int, int]:
    """"Kurgan" + "-" + "Tyube" is one name; a chain of three or more is a list of names. A
    person's given name may go on in lower case ("Wong Kwok-hing"), but not into a verb or an
    adjective ("Lee-led")."""
    text, space = toks.text, toks.space
    if end + 1 < len(toks) and text[end] == "-" and not space[end - 1] and not space[end]:
        chain = end + 2 < len(toks) and text[end + 2] == "-" and not space[end + 1]
        after = toks.tok[end + 1]
        given = person and after.is_lower and after.is_alpha and after.tag_ not in HYPHEN_WORD_TAGS
        if (after.is_title or given) and not chain:
            return start, end + 2
    return start, end


def _names_a_people(toks: Tokens, start: int, end: int) -> bool:
    """A plural noun that names a people, creed or party as a whole ("Sikhs", "the Democrats"),
    not one led by a quantifier ("Many Democrats") nor one named after a place in the document."""
    last = toks.text[end - 1]
    if end - start > 2 or not (last[:1].isupper() and last.endswith("s") and toks.tok[end - 1].tag_ in ("NNPS", "NNS")):
        return False
    if start > 0 and toks.lower[start - 1] in QUANTIFIERS:
        return False
    return not _place_of_people(toks.span_text(start, end), toks.doc_text)


def _place_of_people(name: str, text: str) -> bool:
    """Whether ``text`` names the place the people ``name`` is called after ("Central Asians" and
    "Central Asia"): the people then stands for the place, as a curated demonym does."""
    singular = name[:-1]
    for suffix in PEOPLE_SUFFIXES:
        if singular.endswith(suffix) and len(singular) > len(suffix) + 2:
            if re.search(r"\b" + re.escape(singular[: -len(suffix)]) + r"\b", text):
                return True
    return False


def _looks_like_a_name(toks: Tokens, start: int, end: int) -> bool:
    """Not a sentence-initial common noun tagged as a name ("Experts", "Shadows"): a proper noun,
    an acronym, a word capitalised inside ("O'Reilly", "McAdam"), or two capitalised words."""
    tokens = [t for t in toks.tok[start:end] if t.is_alpha or INNER_CAPITAL.match(t.text)]
    if any(t.pos_ == "PROPN" or t.is_upper or INNER_CAPITAL.match(t.text) for t in tokens):
        return True
    return sum(t.is_title or t.text[:1].isupper() for t in tokens) >= 2


def _split_org_run(toks: Tokens, start: int, end: int, head_words: dict[str, str], known: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Split a run of capitalised words where two names meet: "X of the Ministry of Y" when the part
    after "of" is itself an organisation, "A and the B", and at a curated name before "and"."""
    text, lower, tok = toks.text, toks.lower, toks.tok
    while start < end and (lower[start] in DETERMINERS or tok[start].pos_ in LEADING_NON_NAME):
        start += 1
    cuts: list[tuple[int, int]] = []
    piece = start
    i = start
    while i < end:
        if lower[i] == "of" and i > piece:
            k = i + 1
            while k < end and lower[k] in DETERMINERS:
                k += 1
            left_is_org = any(word in head_words for word in text[piece:i])
            if k < end and text[k] in head_words and left_is_org:
                cuts.append((piece, i))
                piece = k
                i = k
                continue
        if lower[i] in {"on", "in"} and i > piece and any((s, i) in known for s in range(piece, i)):
            cuts.append((piece, i))  # "Philippines on Busuanga Island": a place, then another
            piece = i + 1
        if lower[i] in {"and", "&"} and i > piece:
            left = (piece, i)
            determiner_next = i + 1 < end and lower[i + 1] in DETERMINERS
            if determiner_next or left in known or any((s, e) in known for s in range(piece, i) for e in (i,)) or _two_names_at(toks, piece, i, end, head_words):
                cuts.append(left)
                piece = i + 1
        i += 1
    cuts.append((piece, end))
    cuts = [part for s, e in cuts for part in _split_places_at_and(toks, s, e, head_words)]
    cuts = [part for s, e in cuts for part in _split_at_phrase_roots(toks, s, e, head_words)]
    out = []
    for s, e in cuts:
        while s < e and (lower[s] in CONNECTORS or tok[s].is_punct):
            s += 1
        while e > s and (lower[e - 1] in CONNECTORS or tok[e - 1].is_punct):
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _coordinated(toks: Tokens, pieces: list[tuple[int, int]], head_words: dict[str, str]) -> bool:
    """Two pieces of a run are two organisations joined by "and" (see :func:`_two_names_at`)."""
    return any(
        b[0] == a[1] + 1 and toks.lower[a[1]] in ("and", "&") and _two_names_at(toks, a[0], a[1], b[1], head_words)
        for a, b in zip(pieces, pieces[1:])
    )


def _joins_two_names(cand: Candidate, orgs: list[Candidate], toks: Tokens) -> bool:
    """A model's entity that spans two organisations the text joins with "and"."""
    inner = sorted((o.start, o.end) for o in orgs if cand.start <= o.start and o.end <= cand.end and o.length < cand.length)
    return any(b[0] == a[1] + 1 and toks.lower[a[1]] in ("and", "&") for a, b in zip(inner, inner[1:]))


def _two_names_at(toks: Tokens, start: int, conj: int, end: int, head_words: dict[str, str]) -> bool:
    """"Office of Lands and Division of Water", "Acme University and Brill University": both sides
    of the "and" have a whole organisation's shape, led by its head word and "of"/"for", or of two
    words or more ending in one. "Department of Health and Human Services" is one name."""
    def led(s: int, e: int) -> bool:
        return e - s >= 3 and head_words.get(toks.text[s]) in ORG_TYPES and toks.lower[s + 1] in ("of", "for")

    def headed(s: int, e: int) -> bool:
        return e - s >= 2 and head_words.get(toks.text[e - 1]) in ORG_TYPES and toks.name_word[s]

    return led(start, conj) and led(conj + 1, end) or headed(start, conj) and headed(conj + 1, end)


def _split_places_at_and(toks: Tokens, start: int, end: int, head_words: dict[str, str]) -> list[tuple[int, int]]:
    """"Murhaba and Amu-Darya": places are listed with "and", not named with it."""
    if head_words.get(toks.text[end - 1]) != "place":
        return [(start, end)]
    pieces, s = [], start
    for i in range(start, end):
        if toks.lower[i] in ("and", "&"):
            pieces.append((s, i))
            s = i + 1
    pieces.append((s, end))
    return [(a, b) for a, b in pieces if a < b]


def _split_at_phrase_roots(toks: Tokens, start: int, end: int, head_words: dict[str, str]) -> list[tuple[int, int]]:
    """Two noun phrases side by side ("... of the Ministry of Internal Affairs Oleg Ilinykh said"):
    where the parse attaches a later part of the run outside it, that part is another name."""
    run = toks.tok[start:end]
    roots = [t for t in run if not (start <= t.head.i < end) or t.head.i == t.i]
    bounds = {max(start, min(t.left_edge.i, t.i)) for t in roots[1:]}
    for t in run:
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


def _long_form_before(toks: Tokens, paren: int, short: str) -> Span | None:
    doc = toks.doc
    letters = [c.lower() for c in short if c.isalnum()]
    sent_start = toks.sent_start_of(paren)
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
            return _first_letter_fallback(toks, paren, short)
        s_idx -= 1
        l_idx -= 1
    start_char = words.start_char + l_idx + 1
    span = doc.char_span(start_char, words.end_char, alignment_mode="expand")
    if span is None or len(span) < 2:
        return None
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span if len(span) >= 2 else None


def _first_letter_fallback(toks: Tokens, paren: int, short: str) -> Span | None:
    """A foreign acronym ("FSB" for Federal Security Service): accept the capitalised phrase
    right before the bracket when it starts with the acronym's first letter."""
    tok, lower = toks.tok, toks.lower
    i = paren
    sent_start = toks.sent_start_of(paren)
    while i > sent_start and (tok[i - 1].is_title or tok[i - 1].is_upper or lower[i - 1] in CONNECTORS):
        i -= 1
    while i < paren and lower[i] in CONNECTORS:
        i += 1
    if paren - i >= 2 and toks.text[i][:1].upper() == short[:1].upper():
        return toks.doc[i:paren]
    return None


def _clean_name(text: str) -> str:
    text = SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    text = LEADING_THE.sub("", text)
    text = TRAILING_POSSESSIVE.sub("", text)
    return text.strip(" .,;:-\u2013\u2014\"'\u201c\u201d")


def _is_shouting(text: str) -> bool:
    """An all-caps line (the text of a sentence)."""
    letters = list(filter(str.isalpha, text))
    return len(letters) > 8 and sum(map(str.isupper, letters)) / len(letters) > 0.8


def _is_headline(toks: Tokens, sent: Span, text: str, shouting: bool, first: bool = False) -> bool:
    """A title-case or all-caps line (``text`` is the sentence's, ``shouting`` whether it is
    all caps): spaCy's capitalisation cues mean nothing there. A line that lists things ("Ann Lee,
    The Long Road"; "Terminal 2: Delta, Frontier") or writes a lower-case word of its own is not
    one, unless it opens the text (``first``), where titles live."""
    if shouting:
        return True
    span = slice(sent.start, sent.end)
    words = [(word, tok) for word, alpha, tok in zip(toks.text[span], toks.is_alpha[span], toks.tok[span]) if alpha and len(word) > 3]
    if len(words) < 4:
        return False
    if sum(word[0].isupper() for word, _ in words) / len(words) < 0.75 or text.rstrip().endswith((".", "?", "!", "\u201d", '"')):
        return False
    if first:
        return True
    return "," not in text and not any(word.islower() and len(word) > 4 and not tok.is_stop for word, tok in words)


def _dictionary_words(nlp: Language, pos: str = "adj") -> frozenset[str]:
    """English words of one part of speech (``adj``, ``noun``...), from the lemmatizer's WordNet
    index when the pipeline has one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(index.get(hash_string(pos), ()))


def _is_english_modifier(tok: Token, adjectives: frozenset[str]) -> bool:
    """An adjective capitalised only because it opens a sentence or qualifies a noun."""
    if tok.lower_ not in adjectives:
        return False
    return tok.is_sent_start or tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN"


def _is_common_word(tok: Token) -> bool:
    return tok.vocab[tok.lower_].is_stop
