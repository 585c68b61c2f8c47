"""Capitalised words that are no names: common nouns and adjectives capitalised by their place,
from the lemmatizer's dictionary."""
from __future__ import annotations

import bisect
import re
from collections import Counter

from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Token

from ..contract import fold
from ..curated import packaged_words
from ..records import Mention, MentionKind, NameType
from ..tokens import Tokens
from .words import DETERMINERS, INNER_CAPITAL, is_noun


LOWER_WORD = re.compile(r"\b[a-z]+\b")


def without_common_words(
    mentions: list[Mention], toks: Tokens, nouns: frozenset[str], given_names: frozenset[str] = frozenset(),
    stop_names: frozenset[str] = frozenset(), roles: frozenset[str] = frozenset(), heads: frozenset[str] = frozenset(),
) -> list[Mention]:
    """Drop a lone capitalised English noun whose capital says nothing: the document also writes
    it in lower case ("Harvest" beside "the harvest"), it is a piece of a longer capitalised title
    the model cut ("Sonata" in "her Second Sonata"), a heading on a line of its own ("Background"),
    or a "person" with an article ("the attached Appendix"; not "the Lee family"), or a "person"
    named once, at the start of a line ("Granite towers", "Sculptor's sketch": a caption or a list
    item; not a given name), a "person" that is the plural of a noun ("Professors"), or a
    noun of a person's role (``roles``: "its Chair"). Kept: a name the curated data knows, one a title or a
    cue makes a person, a word of a person's longer name in the document (a surname), the head word
    of a longer name (its short form), and places. A day, month or compass word before it
    (``stop_names``: "in March Odile moved") starts no title."""
    lone = [m for m in mentions if m.kind == MentionKind.NER and not m.key and not m.title and not m.type_votes
            and m.guessed and m.label in (NameType.PERSON, NameType.ORGANIZATION, NameType.GEOPOLITICAL, NameType.PLACE)
            and " " not in m.name and is_noun(m.name.lower(), nouns) and not m.name.isupper()]
    if not lone:
        return mentions
    lower_words = set(LOWER_WORD.findall(toks.doc_text))
    # A surname: a word of a longer name that names a person; or the head word of a longer name,
    # its short form (``heads``: "the Lodge" of "Ashvale Lodge"). Not any word of a longer name of
    # something else ("Symphony" beside "First Symphony", "Plan" beside "Master Plan").
    name_words = {word for m in mentions if " " in m.name and _person_name(m, given_names) for word in m.name.split()}
    name_words |= {word for m in mentions if " " in m.name for word in m.name.split() if word in heads}  # "Grand Lodge of X"
    common = set()
    counts = Counter(m.name for m in mentions)
    for m in lone:
        if m.name in name_words:
            continue
        i = bisect.bisect_left(toks.idx, m.start)
        if i >= len(toks) or toks.idx[i] != m.start:
            continue
        before = toks.text[i - 1] if i > 0 and toks.space[i - 1] == " " else ""  # on the same line
        after = toks.text[i + 1] if i + 1 < len(toks) and toks.space[i] == " " else ""
        if fold(before) in stop_names:
            before = ""  # "in March Odile moved"; but a day after a word makes a name ("Giant Wednesday")
        if toks.sentence[i] > 0 and _alone_on_line(toks, i):
            common.add(id(m))  # a section's heading; the first line is the text's title, which may be a name
        elif m.label not in (NameType.PERSON, NameType.ORGANIZATION):
            continue
        elif m.name.lower() in lower_words or before[:1].isupper() and before.lower() not in DETERMINERS or after[:1].isupper():
            common.add(id(m))
        elif m.label is NameType.PERSON and _after_article(toks, i) and not _modifies_noun(toks, i):
            common.add(id(m))
        elif m.label is NameType.PERSON and counts[m.name] == 1 and _opens_line(toks, i) and fold(m.name) not in given_names:
            common.add(id(m))
        elif m.label is NameType.PERSON and _bare_plural(m.name, nouns) and toks.sent_start[toks.sentence[i]] != i:
            common.add(id(m))  # "elites and Professors": many people, not one (a company may be "Staples")
        elif fold(m.name) in roles:
            common.add(id(m))  # "its Chair, Ann Lee": the office, not the name of whoever holds it
    return [m for m in mentions if id(m) not in common]


def _person_name(m: Mention, given_names: frozenset[str]) -> bool:
    """A longer name the model calls a person's, or one that a given name leads ("Ann Baker")."""
    return m.label is NameType.PERSON or fold(m.name.split()[0]) in given_names


def _bare_plural(name: str, nouns: frozenset[str]) -> bool:
    """The plural of an English noun, which is no word of its own ("Professors"; not "News")."""
    lower = name.lower()
    return lower not in nouns and lower.endswith("s") and is_noun(lower, nouns)


def _opens_line(toks: Tokens, i: int) -> bool:
    """Token ``i`` is the first of its line."""
    return i == 0 or "\n" in toks.space[i - 1] or "\n" in toks.text[i - 1]


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


INDEFINITE = {"a", "an"}


def after_indefinite_article(toks: Tokens, start: int, end: int) -> bool:
    """"a Mutual Society", "an unusual Oath", "saw a Studebaker": a capitalised phrase after
    "a"/"an" (and lower-case adjectives or participles, maybe hyphened: "a self-styled Free
    Thinker") is one of a kind, or a thing, not the name of one actor.
    Not when it modifies a noun after it ("a Harvard professor", "a UN official")."""
    j = start - 1
    while j >= 0 and toks.lower[j] not in INDEFINITE and toks.text[j].islower() and toks.space[j] == " ":
        if j > 1 and toks.text[j - 1] in ("-", "\u2010") and not toks.space[j - 1] and not toks.space[j - 2] and toks.text[j - 2].islower() \
                and (toks.tok[j].pos_ == "ADJ" or toks.tok[j].tag_ == "VBN"):
            j -= 3  # "a self-described Tory": a hyphened adjective before it (not "a still-struggling X")
        elif toks.tok[j].pos_ in ("ADJ", "ADV") or toks.tok[j].tag_ == "VBN":
            j -= 1
        else:
            break
    if j < 0 or toks.lower[j] not in INDEFINITE or not toks.text[j].islower() or toks.space[j] != " ":
        return False
    return not (end < len(toks) and toks.text[end][:1].islower() and toks.tok[end].pos_ in ("NOUN", "PROPN", "ADJ"))


def looks_like_a_name(toks: Tokens, start: int, end: int, given_names: frozenset[str] = frozenset()) -> bool:
    """Not a sentence-initial common noun tagged as a name ("Experts", "Shadows"): a proper noun,
    an acronym, a word capitalised inside ("O'Reilly", "McAdam"), a given name the document never
    writes in lower case (the tagger reads a sentence's first word as a noun: "-- Maribel and I
    wrote it"; but not "Hope" beside "hope"), or two capitalised words."""
    tokens = [t for t in toks.tok[start:end] if t.is_alpha or INNER_CAPITAL.match(t.text)]
    if any(t.pos_ == "PROPN" or t.is_upper or INNER_CAPITAL.match(t.text) for t in tokens):
        return True
    if len(tokens) == 1 and tokens[0].text[:1].isupper() and fold(tokens[0].text) in given_names:
        return not re.search(r"\b" + re.escape(tokens[0].lower_) + r"\b", toks.doc_text)
    return sum(t.is_title or t.text[:1].isupper() for t in tokens) >= 2


def dictionary_words(nlp: Language, pos: str = "adj") -> frozenset[str]:
    """English words of one part of speech (``adj``, ``noun``...), from the lemmatizer's WordNet
    index when the pipeline has one."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(index.get(hash_string(pos), ()))


def irregular_verbs(nlp: Language) -> dict[str, str]:
    """Irregular verb forms and their lemma ("said" -> "say"), from the lemmatizer's exceptions."""
    if "lemmatizer" not in nlp.pipe_names:
        return {}
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_exc"):
        return {}
    return {form: lemmas[0] for form, lemmas in (lookups.get_table("lemma_exc").get("verb") or {}).items() if lemmas}


def is_english_modifier(tok: Token, adjectives: frozenset[str]) -> bool:
    """An adjective capitalised only because it opens a sentence or qualifies a noun."""
    if tok.lower_ not in adjectives:
        return False
    return tok.is_sent_start or tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN"


def is_common_word(tok: Token) -> bool:
    return tok.vocab[tok.lower_].is_stop



EPOCH_NOUNS = frozenset(packaged_words("epoch_nouns.txt"))  # data/epoch_nouns.txt
_EPOCH_AFTER = r"(?! (?:" + "|".join(map(re.escape, sorted(EPOCH_NOUNS))) + r")\b)"  # not followed by an epoch noun


def without_epoch_modifiers(mentions: list[Mention], toks: Tokens) -> list[Mention]:
    """Drop a one-word name the model guessed that the document only writes right before a
    lower-case noun of a span of history ("the Tarven dynasty", "after the Veyl restoration"):
    it names the epoch, not a person or body of its own, even when it is a given name ("the Tobin
    restoration"). A name also written elsewhere in the document, alone or as a word of a longer
    name, is kept ("the Lee era" beside "Ann Lee")."""
    lone = [m for m in mentions if m.kind == MentionKind.NER and not m.key and not m.title and m.guessed and " " not in m.name]
    if not lone:
        return mentions
    name_words = {word for m in mentions if " " in m.name for word in m.name.split()}
    before_epoch: dict[str, bool] = {}
    for m in lone:
        i = bisect.bisect_left(toks.idx, m.start)
        epoch = (i + 1 < len(toks) and toks.idx[i] == m.start and toks.space[i] == " "
                 and toks.text[i + 1].islower() and toks.lower[i + 1] in EPOCH_NOUNS)
        before_epoch[m.name] = before_epoch.get(m.name, True) and epoch
    drop = {name for name, epoch in before_epoch.items()
            if epoch and name not in name_words
            and not re.search(r"\b" + re.escape(name) + r"\b" + _EPOCH_AFTER, toks.doc_text)}
    dropped = {id(m) for m in lone if m.name in drop}
    return [m for m in mentions if id(m) not in dropped]
