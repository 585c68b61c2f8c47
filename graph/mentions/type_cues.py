"""What the words around a name say it is: the type votes of its context, and the cues that
make it a place, a people or an actor."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..curated import packaged_rows, packaged_words
from ..gazetteer import Gazetteer
from ..records import EntityType, NonActorType
from ..tokens import Tokens
from .words import POSSESSIVE


ARTICLES = packaged_words("function_words.tsv", "determiner")  # data/function_words.tsv
QUANTIFIERS = packaged_words("function_words.tsv", "quantifier")  # data/function_words.tsv
PEOPLE_SUFFIXES = ("ian", "an", "n", "ese", "i")  # Asia-n, Sudan-ese, Iraq-i
LOCATIVE = packaged_words("place_cues.tsv", "locative")  # data/place_cues.tsv, as the four below
# A way somewhere: "via X", "through X", "along X"; and "from X", "to X" for a lone word the model
# calls no person ("ferries from X"), as people and works are also "from"/"to" ("a letter to Lee").
ROUTE = packaged_words("place_cues.tsv", "route")
ROUTE_OF_A_WORD = packaged_words("place_cues.tsv", "route_of_a_word")
NOT_ROUTE_HEADS = packaged_words("place_cues.tsv", "not_route_head")
TRAVEL = packaged_words("place_cues.tsv", "travel")  # "flew to X": a journey, whoever X is named after
ACTOR_DEPS = {"nsubj", "nsubjpass", "agent", "poss", "csubj"}
RELATIVE_PERSON = {"who", "whom", "whose"}
COMPASS = packaged_words("place_cues.tsv", "compass")
PLACE_ENT_TYPES = {"GPE", "LOC", "FAC"}
OPENING_QUOTES = {'"', "\u201c", "'", "\u2018"}


def context_type_votes(toks: Tokens, start: int, end: int, type_nouns: dict[str, EntityType | NonActorType]) -> tuple[EntityType | NonActorType, ...]:
    """What the words around the name at tokens ``start:end`` say it is: a noun right before it
    ("the film X", "spokeswoman X", "the late X"), a noun in apposition ("X, a drug maker"),
    a relative "who" ("X, who ..."). Types from ``type_nouns`` (graph/data/type_nouns.tsv)."""
    votes = []
    # the noun may stand before the quote that opens a title ('the story "Far Fields"')
    noun_at = start - 2 if start > 1 and toks.text[start - 1] in OPENING_QUOTES else start - 1
    if noun_at >= 0:
        before = toks.lower[noun_at]
        type_ = type_nouns.get(before) or (before.endswith("s") and type_nouns.get(before[:-1]))
        # a lower-case noun ("Bill" in "Bill Clinton" is no law), or the word after an article the
        # tagger took for an adjective ("the novel X")
        if type_ and toks.text[noun_at].islower() and (
            toks.tok[noun_at].pos_ == "NOUN" or before == "late" or noun_at > 0 and toks.lower[noun_at - 1] in ARTICLES
        ):
            votes.append(type_)
    noun = _noun_before_naming(toks, start)
    if noun is not None and not (end < len(toks) and toks.lower[end] in POSSESSIVE):  # "a story called Ann's War"
        type_ = type_nouns.get(toks.lower[noun]) or (toks.lower[noun].endswith("s") and type_nouns.get(toks.lower[noun][:-1]))
        if type_:
            votes.append(type_)  # "a quarter called X", "the company, known as X"
    if start > 1 and toks.lower[start - 1] in THING_PRONOUNS and toks.lower[start - 2] in NAMING and toks.tok[start - 1].pos_ == "PRON":
        votes.append(NonActorType.WORK)  # "I called it X": a thing's name
    if start > 2 and toks.lower[start - 1] == "of" and toks.text[start - 2].islower() and (
        type_nouns.get(toks.lower[start - 2]) == "place" or toks.lower[start - 2] in COMPASS
    ) and not (end < len(toks) and toks.lower[end] in POSSESSIVE):
        votes.append(EntityType.PLACE)  # "the island of X", "the city of X", "20 km north of X"
    if start > 1 and toks.text[start - 1] == "," and toks.tok[start - 2].ent_type_ == "GPE" and (end == len(toks) or toks.tok[end].is_punct) and not (
        end - start >= 2 and toks.tok[start].ent_type_ == "PERSON"  # "the mayor of Springfield, Ann Lee,"
    ):
        votes.append(EntityType.PLACE)  # "Springfield, X." names the region a town is in
    if _said_to_be_a_place(toks.doc[start:end].root, type_nouns) or _defined_as_a_place(toks, start, end, type_nouns) or _in_a_list_of_places(toks, start, type_nouns) or _another_name_of_a_place(toks, start, type_nouns) or _led_by_a_place_word(toks, start, end) or _listed_with_places(toks, end, type_nouns):
        votes.append(EntityType.PLACE)
    if _dated_in_brackets(toks, start, end) and toks.tok[start].ent_type_ not in PLACE_ENT_TYPES:
        votes.append(NonActorType.WORK)  # "Rivers of Ash (1998)": a book's or a film's title with its year
    after = end + (end < len(toks) and toks.text[end] == ",")
    if after < len(toks) and toks.lower[after] in RELATIVE_PERSON:
        clause = toks.tok[after].head  # "who" in a clause on this name, not on a noun before it
        if clause.dep_ == "relcl" and start <= clause.head.i < end:
            votes.append(EntityType.PERSON)
    root = toks.doc[start:end].root
    lone_word = end - start == 1 and not toks.text[start].isupper()  # "AK said he" is a body speaking
    if lone_word and root.ent_type_ not in PLACE_ENT_TYPES and root.dep_ == "nsubj" and _refers_as_a_person(toks, end):
        # only for a lone word, a surname whose full name may be out of sight: a longer name
        # that "said he" is as often a body speaking of someone else ("Police said he ...")
        votes.append(EntityType.PERSON)
    listed = root
    while listed.dep_ == "conj" and listed.head.i < listed.i:
        listed = listed.head
    if listed.dep_ == "appos" and listed.head.i < start and listed.head.pos_ == "NOUN" and listed.head.is_lower:
        # "their four dogs, X, Y and Z", "two firms, X and Y": the noun the names stand beside
        type_ = type_nouns.get(listed.head.lower_) or type_nouns.get(listed.head.lemma_.lower())
        if type_:
            votes.append(type_)
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end:
            type_ = type_nouns.get(child.lower_) or type_nouns.get(child.lemma_.lower())
            if type_ and child.pos_ == "NOUN":
                votes.append(type_)
            elif type_ == "place" and child.pos_ == "PROPN" and child.text[:1].isupper() and any(t.lower_ in ARTICLES for t in child.lefts):
                votes.append(EntityType.PLACE)  # "X, the South Vale Archipelago": the name in another language
    return tuple(votes)


NAMING = packaged_words("function_words.tsv", "naming")  # "a quarter called X"
NAMING_ADVERBS = packaged_words("function_words.tsv", "naming_adverb")  # "a company, now known as X"
THING_PRONOUNS = packaged_words("function_words.tsv", "thing_pronoun")  # "I called it X"


def _named_word(toks: Tokens, start: int) -> int | None:
    """The word before "called X", "known as X", "now known as X" (past a comma), which the name is
    given to; None where no naming words come before the name."""
    j = start - 1
    if j >= 1 and toks.lower[j] == "as" and toks.lower[j - 1] == "known":
        j -= 2
    elif j >= 0 and toks.lower[j] in NAMING:
        j -= 1
    else:
        return None
    while j >= 0 and toks.lower[j] in NAMING_ADVERBS:
        j -= 1
    if j >= 0 and toks.text[j] == ",":
        j -= 1
    return j if j >= 0 else None


def _noun_before_naming(toks: Tokens, start: int) -> int | None:
    """The lower-case noun a name is given to: "a quarter called X", "a firm, now known as X"."""
    j = _named_word(toks, start)
    return j if j is not None and toks.text[j].islower() and toks.tok[j].pos_ == "NOUN" else None


PLACE_LEADS = packaged_words("place_cues.tsv", "place_lead")  # data/place_cues.tsv
COLLECTIVES = packaged_words("place_cues.tsv", "collective")
NAME_ENT_TYPES = {"NORP", "LANGUAGE"}


def _another_name_of_a_place(toks: Tokens, start: int, type_nouns: dict[str, EntityType | NonActorType]) -> bool:
    """The name is another name of a place the text has just named: "Tavora, known as Tavra in the
    local dialect", "an old Quarter called X", "Kessary (Greek: ..., X)". Only a name the small model
    reads as a place counts ("Ann Lee, known as Annie" is hers)."""
    j = _named_word(toks, start)
    if j is not None and toks.tok[j].pos_ == "PROPN" and (type_nouns.get(toks.lower[j]) == "place" or _a_place(toks, j, start, type_nouns)):
        return True
    # in brackets that open on a language right after a place: "Kessary (Greek: ..., X)"
    for i in range(start - 1, max(0, start - 12) - 1, -1):
        if toks.text[i] == ")":
            return False
        if toks.text[i] == "(":
            return (
                i + 2 < start and i > 0 and toks.text[i + 2] == ":" and toks.tok[i + 1].ent_type_ in NAME_ENT_TYPES
                and _a_place(toks, i - 1, start, type_nouns)
            )
    return False


def _a_place(toks: Tokens, i: int, after: int, type_nouns: dict[str, EntityType | NonActorType]) -> bool:
    """The word ``i`` of a name the small model reads as a place, or that the sentence going on at
    ``after`` says is one ("X (...) is a city in ...", "X, also called Y, is a chain of lakes")."""
    tok = toks.tok[i]
    if tok.ent_type_ in PLACE_ENT_TYPES:
        return True
    if tok.ent_type_ == "NORP":
        return False
    sentence = toks.sentence[after]
    stop = toks.sent_start[sentence + 1] if sentence + 1 < len(toks.sent_start) else len(toks)
    for k in range(after, min(stop, after + 40)):
        if toks.tok[k].lemma_ == "be" and toks.tok[k].pos_ in ("AUX", "VERB"):
            k += 1
            while k < stop and toks.tok[k].pos_ in ("DET", "ADJ", "ADV"):
                k += 1
            if k + 2 < stop and toks.lower[k] in COLLECTIVES and toks.lower[k + 1] == "of":
                k += 2  # "a group of islands"
            while k + 1 < stop and toks.tok[k].pos_ == "NOUN" and toks.tok[k + 1].pos_ == "NOUN":
                k += 1  # the head of "a port town", "a city councillor"
            return k < stop and type_nouns.get(toks.tok[k].lemma_.lower()) == "place" and toks.tok[k].pos_ == "NOUN"
    return False


def _said_to_be_a_place(root: Token, type_nouns: dict[str, EntityType | NonActorType]) -> bool:
    """The subject of "is a city", "is a small port town", "is a chain of lakes"."""
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return False
    for noun in root.head.children:
        if noun.dep_ == "attr" and noun.pos_ == "NOUN":
            if noun.lemma_.lower() in COLLECTIVES:
                noun = next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), noun)
            return type_nouns.get(noun.lemma_.lower()) == "place"
    return False


def _defined_as_a_place(toks: Tokens, start: int, end: int, type_nouns: dict[str, EntityType | NonActorType]) -> bool:
    """A name a colon defines as a place, at the start of a line of a list: "X: the biggest island
    of the group" (not a headline's "Senator X: ...")."""
    if end + 1 >= len(toks) or toks.text[end] != ":" or not (start == 0 or "\n" in toks.text[start - 1] or toks.tok[start].is_sent_start):
        return False
    k = end + 1
    while k < len(toks) and toks.tok[k].pos_ in ("DET", "ADJ", "ADV") and k < end + 5:
        k += 1
    while k + 1 < len(toks) and toks.tok[k].pos_ == "NOUN" and toks.tok[k + 1].pos_ == "NOUN":
        k += 1
    return k < len(toks) and toks.tok[k].pos_ == "NOUN" and type_nouns.get(toks.tok[k].lemma_.lower()) == "place"


def _in_a_list_of_places(toks: Tokens, start: int, type_nouns: dict[str, EntityType | NonActorType]) -> bool:
    """A name in a list that a plural place noun opens: "the islands Tarn, Vell Major and Osk"
    (the first name is the noun's own cue, context_type_votes)."""
    k, commas = start - 1, 0
    while k > 0 and k > start - 30:
        word = toks.text[k]
        if word == ",":
            commas += 1
        elif not (word[:1].isupper() or word in ("and", "or", "de", "la", "le", "del", "of", "-", "'")):
            break
        k -= 1
    word = toks.text[k]
    return commas > 0 and word.islower() and word.endswith("s") and type_nouns.get(toks.tok[k].lemma_.lower()) == "place" and toks.text[k + 1][:1].isupper()


def _led_by_a_place_word(toks: Tokens, start: int, end: int) -> bool:
    """A name after a word that leads places' names in other languages ("Plac X", "Piazza X"),
    which the small model leaves out of the name."""
    return start > 0 and toks.text[start - 1][:1].isupper() and toks.lower[start - 1] in PLACE_LEADS


def _listed_with_places(toks: Tokens, end: int, type_nouns: dict[str, EntityType | NonActorType]) -> bool:
    """The first of names that a plural place noun closes: "the Tarra and Vell districts"."""
    if end >= len(toks) or toks.lower[end] not in ("and", "or", ","):
        return False
    for i in range(end + 1, min(end + 6, len(toks))):
        word = toks.text[i]
        if word in (",", "and", "or") or word[:1].isupper():
            continue
        return word.islower() and word.endswith("s") and type_nouns.get(word[:-1]) == "place" and i > end + 1
    return False


YEAR = re.compile(r"^1[5-9]\d\d$|^20\d\d$")


def _dated_in_brackets(toks: Tokens, start: int, end: int) -> bool:
    """A title-case name of two words or more (or one after a capitalised "The" inside a sentence)
    with a lone year in brackets after it, which dates a work ("The Long Road (1998)"); a person's years are a range or a birth ("Ann Lee (b. 1950)"), a
    place's the year something happened there ("in Geneva (1910)"), and after "by" the year dates
    the work of the name's author ("a portrait by Ann Lee (1642)")."""
    return (
        (end - start >= 2 or start > 0 and toks.text[start - 1] == "The" and toks.sent_start[toks.sentence[start]] != start - 1)
        and not (start > 0 and toks.lower[start - 1] == "by")
        and end + 2 < len(toks)
        and toks.text[end] == "("
        and YEAR.match(toks.text[end + 1]) is not None
        and toks.text[end + 2] == ")"
    )


PERSONAL_PRONOUNS = {row[0] for row in packaged_rows("pronouns.tsv") if row[3] in ("m", "f")}  # data/pronouns.tsv


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


def in_place_context(toks: Tokens, start: int, end: int, gaz: Gazetteer) -> bool:
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
    if prep.lower_ in ROUTE_OF_A_WORD and (
        prep.head.lemma_.lower() in TRAVEL or any(c.dep_ == "compound" and c.lemma_.lower() in TRAVEL for c in prep.head.children)
    ):
        return True  # "flew to the X", "a ferry link from X": a journey's end or start
    lone = end - start == 1 and toks.tok[start].ent_type_ != "PERSON" and toks.lower[start - 1] == prep.lower_
    return lone and prep.lower_ in ROUTE_OF_A_WORD and prep.head.lower_ not in NOT_ROUTE_HEADS


def acts(span: Span) -> bool:
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


def names_a_people(toks: Tokens, start: int, end: int) -> bool:
    """A plural noun that names a people, creed or party as a whole ("Sikhs", "the Democrats"),
    not one led by a quantifier ("Many Democrats") nor one named after a place in the document."""
    last = toks.text[end - 1]
    if end - start > 2 or not (last[:1].isupper() and last.endswith("s") and toks.tok[end - 1].tag_ in ("NNPS", "NNS")):
        return False
    if start > 0 and toks.lower[start - 1] in QUANTIFIERS and toks.tok[start - 1].tag_ != "CC":  # not "both X and Y"
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
