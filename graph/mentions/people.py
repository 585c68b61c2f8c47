"""People's names the small model leaves untagged although the words around them say what they
are (a candidate source): a title right before the name ("Atty. Ferne Hollis", "Pope Severian I"),
a person noun ("the brother Thaddeor", "his friend Ann Lee"), or a given name leading a run of
capitalised words ("Basile Fontragne"). Only words the model tagged as nothing are read, so
this adds names and never changes one the model found."""
from __future__ import annotations

import re
from collections.abc import Iterator

from ..contract import fold
from ..curated import packaged_rows
from ..gazetteer import Gazetteer
from ..records import CueClass
from ..tokens import Tokens
from .boundaries import is_epithet, is_regnal_number, join_hyphenated
from .candidates import Candidate, CandidateKind
from .titles import title_start
from .words import INNER_CAPITAL, NER_LABELS

MAX_WORDS = 4  # a name's words after its cue: "Maria de los Santos" is about the longest


class PersonCues:
    """The words that cue a person's name, from the curated data, built once per process."""

    def __init__(self, gaz: Gazetteer, dictionary: frozenset[str] = frozenset()) -> None:
        # A title's last word is what stands right before the name ("Vice President" -> "president").
        self.titles = frozenset(t.split()[-1] for t in gaz.titles)
        self.title_words = frozenset(w.rstrip(".") for t in gaz.titles for w in t.split())
        self.nouns = frozenset(n for n, type_ in gaz.names.type_nouns.items() if type_ == "person")
        self.given = gaz.names.given_names
        self.first_names = self.given | frozenset(gaz.names.nicknames)  # "Bert" as well as "Albert"
        # one-word surname particles of name_particles.txt ("van", "de", "bin"; not "al-" or "van der")
        self.particles = frozenset(p for p in gaz.names.particles if " " not in p and not p.endswith("-"))
        self.dictionary = dictionary  # English words, which an all-caps line's surname is not
        self.words = self.titles | self.nouns | self.given
        self.person_nouns = self.nouns | self.titles  # what a name in apposition stands beside
        self.stop_names = gaz.stop_names
        self.head_words = gaz.head_words
        self.shape_type = gaz.names.shape_type
        self.title_strings = frozenset(title.replace(".", "") for title in gaz.titles)

    def names_no_one(self, word: str) -> bool:
        """An organisation's head word, a word that never names an entity alone, or a word of a
        title: no word of an untagged person's name ("Ministry", "March", "Dr.")."""
        return word in self.head_words or fold(word) in self.stop_names or word.lower().rstrip(".") in self.title_words


def cued_person_candidates(toks: Tokens, cues: PersonCues, taken: set[int], headline_sents: set[int] = frozenset()) -> Iterator[Candidate]:
    """Untagged capitalised runs a cue marks as a person's name. ``taken``: the tokens of the other
    sources' candidates, which this source leaves alone; in ``headline_sents`` (title-case lines,
    where every word is capitalised) only a title or a person noun leads a run."""
    n = len(toks)
    text, lower, space = toks.text, toks.lower, toks.space
    for p in toks.lower_positions(cues.words):
        word = lower[p]
        shouted = text[p].isupper() and len(text[p]) > 1  # in an all-caps line every word is a "name word"
        if word in cues.given and toks.name_word[p] and (shouted or not (p > 0 and toks.name_word[p - 1] and "\n" not in space[p - 1])):
            start, given = p, True  # "Basile Fontragne", but not "Camp Harold"
        elif p + 1 < n and "\n" not in space[p] and space[p] and (
            word in cues.titles and text[p][:1].isupper() or word in cues.nouns and text[p].islower() and toks.tok[p].pos_ == "NOUN"
        ):
            start, given = p + 1, False
        else:
            continue
        if shouted:
            end = _shouted_run_end(toks, p, start, cues, taken)
        elif given and toks.sentence[p] in headline_sents:
            continue  # a title-case line capitalises every word: a given name leads no run there
        elif not given and word in cues.titles and not _leads(toks, p, cues):
            continue
        else:
            # after a person noun the model's non-actor tag is wrong ("the grammarian X Y" as a law or product)
            end = _run_end(toks, start, cues, taken, not given and word in cues.nouns)
        if end == start or (given and end - start == 1 and not _lone_given_name(toks, start)):
            continue
        if given and end < n and text[end] == "-" and not space[end - 1]:
            continue  # "Franco-Italian": a compound adjective
        if end < n and toks.tok[end].ent_iob_ == "B" and toks.tok[end].ent_type_ == "PERSON" and space[end - 1] == " ":
            continue  # the name goes on into the model's span ("Alejandro" + "Mayorkas"): mended there
        if not given and end - start == 1 and (_quoted(toks, p, end) or _plural_word(toks, start, cues)):
            continue  # "Miss Sunshine" in quotes: a nickname; "Dear Colleagues": a plural noun
        if cues.shape_type(toks.span_text(p, end)) not in (None, "person"):
            continue  # "Imam Rahim Mosque", "Omar Tell Palace": a building named after a person
        if end < n and is_regnal_number(toks, end):
            end += 1  # "Pope Severian I"
        elif not given and is_epithet(toks, end, end + 2):  # not "Jane the Virgin", a show
            end += 2
        yield Candidate(*join_hyphenated(toks, start, end, True), CandidateKind.NER, "PERSON")


def _run_end(toks: Tokens, start: int, cues: PersonCues, taken: set[int], over_non_actors: bool = False) -> int:
    """Where the untagged capitalised words from ``start`` end (a surname particle may join two);
    ``over_non_actors``: words the model tagged as a work, product or law count as untagged."""
    end = start
    n = len(toks)
    while end < n and end - start < MAX_WORDS and end not in taken:
        tok = toks.tok[end]
        if end > start and ("\n" in toks.space[end - 1] or not toks.space[end - 1]):
            break
        if toks.lower[end] in cues.particles and end > start and end + 1 < n and toks.name_word[end + 1]:
            end += 1
            continue
        word = toks.text[end]
        tagged = tok.ent_iob_ != "O" and not (over_non_actors and tok.ent_type_ not in NER_LABELS)
        if not toks.name_word[end] or tagged or tok.tag_ != "NNP" or word in cues.head_words:
            break
        if fold(word) in cues.stop_names or word.lower().rstrip(".") in cues.title_words or word.lower() in cues.nouns:
            break  # "Dear Mom", "Mr. President": a role, not a name
        if end > start and word.isupper() and len(word) > 1 and not toks.text[start].isupper():
            break  # "DBE", "MP" after a name: letters after it, not part of it
        if sum(c.isupper() for c in word[1:]) > 1 and not word.isupper():
            break  # "BobicFlagShareLike": words run together on a web page
        end += 1
    while end > start and toks.lower[end - 1] in cues.particles:
        end -= 1
    return end


def _shouted_run_end(toks: Tokens, p: int, start: int, cues: PersonCues, taken: set[int]) -> int:
    """In an all-caps line the model's tags say little: a title takes the one all-caps word after
    it ("MRS. LEE"), a given name one more that is no English word ("ANN LEE", not "ANN SAID")."""
    n = len(toks)
    i = start if start > p else start + 1
    if i >= n or i in taken or toks.tok[i].ent_iob_ != "O" or toks.space[i - 1] != " " or not toks.text[i].isalpha() or not toks.text[i].isupper():
        return start
    word = toks.text[i]
    if word in cues.head_words or fold(word) in cues.stop_names or word.lower() in cues.title_words or fold(word) in cues.given:
        return start
    if toks.tok[i].is_stop or start == p and word.lower() in cues.dictionary:
        return start
    return i + 1


def _plural_word(toks: Tokens, i: int, cues: PersonCues) -> bool:
    """An English plural noun ("Colleagues", "Neighbours"), which names no one person."""
    word = toks.lower[i]
    return word.endswith("s") and (word[:-1] in cues.dictionary or word.endswith("es") and word[:-2] in cues.dictionary)


def _lone_given_name(toks: Tokens, i: int) -> bool:
    """A given name alone is a person's only inside a sentence, as a proper noun ("the property
    of Rosalind"): at a sentence's start any word is capitalised."""
    return not toks.tok[i].is_sent_start and i > 0 and toks.is_alpha[i - 1] and toks.text[i - 1].islower()


def _leads(toks: Tokens, p: int, cues: PersonCues) -> bool:
    """The title ending at token ``p`` is whole ("Secretary of State", not "State" of "Brill
    State") and starts a capitalised run, rather than ending a longer name."""
    k = title_start(toks, p + 1, cues.title_strings)
    return k <= p and (k == 0 or not toks.name_word[k - 1] or "\n" in toks.space[k - 1])


QUOTES = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}


def _quoted(toks: Tokens, title: int, end: int) -> bool:
    """A title and one word in quotes: a nickname ("Miss Sunshine"), not a name."""
    return title > 0 and toks.text[title - 1] in QUOTES and end < len(toks) and toks.text[end] in QUOTES


INNER_CAPITAL_WORD = re.compile(INNER_CAPITAL.pattern + "[a-z]")  # and lower case after it: "D'Ambrosio", not "O'NEILL"


def extend_person_names(toks: Tokens, candidates: list[Candidate], cues: PersonCues, dictionary: frozenset[str], taken: set[int]) -> list[Candidate]:
    """Mend the model's cuts of people's names: two of its person spans side by side on one line
    are one name ("Ann Beth" + "Rose Lee"); an untagged given name right before one leads it
    ("María" + "Elena Ruiz"); an untagged capitalised word right after one that is no English
    word ends it ("Tom" + "D\u2019Ambrosio"). ``taken``: tokens the curated data names."""
    people = sorted((c for c in candidates if c.kind == CandidateKind.NER and c.label == "PERSON"), key=lambda c: c.start)
    if not people:
        return candidates
    starts = {c.start: c for c in people}
    merged: set[int] = set()  # ids of candidates joined to the one before them
    for c in people:
        if id(c) in merged:
            continue
        while c.end in starts and toks.space[c.end - 1] == " " and starts[c.end].length + c.length <= MAX_WORDS + 1:
            nxt = starts[c.end]
            merged.add(id(nxt))
            c.end = nxt.end
        if c.start > 1 and _leading_given_name(toks, c.start - 1, cues, taken):
            c.start -= 1
        if c.end < len(toks) and _trailing_surname(toks, c.end, cues, dictionary, taken):
            c.end += 1
    return [c for c in candidates if id(c) not in merged]


def _untagged_word(toks: Tokens, i: int, taken: set[int]) -> bool:
    tok = toks.tok[i]
    return i not in taken and tok.ent_iob_ == "O" and toks.space[i - 1] == " " if i > 0 else False


def _leading_given_name(toks: Tokens, i: int, cues: PersonCues, taken: set[int]) -> bool:
    return (
        toks.space[i] == " " and toks.name_word[i] and toks.tok[i].tag_ == "NNP" and fold(toks.text[i]) in cues.given
        and i not in taken and toks.tok[i].ent_iob_ == "O" and not toks.name_word[i - 1]
    )


def _trailing_surname(toks: Tokens, i: int, cues: PersonCues, dictionary: frozenset[str], taken: set[int]) -> bool:
    if not _untagged_word(toks, i, taken) or i + 1 < len(toks) and toks.name_word[i + 1] and toks.space[i] == " ":
        return False
    word = toks.text[i]
    if INNER_CAPITAL_WORD.match(word):
        return True
    return (
        toks.name_word[i] and toks.tok[i].tag_ == "NNP" and not word.isupper() and word.lower() not in dictionary
        and not cues.names_no_one(word) and fold(word) not in cues.given
    )


LIST_JOINS = frozenset({",", "and", "or", "&"})
LIST_ENDS = frozenset({",", "and", "or", "&", ".", ";", ":", ")", "\u2014"})


def listed_person_candidates(toks: Tokens, candidates: list[Candidate], cues: PersonCues, dictionary: frozenset[str],
                             taken: set[int]) -> Iterator[Candidate]:
    """Untagged names in a list of people ("Ann Lee, Basile Fontragne and Tom Reed"): two or three
    capitalised words that are no English words, or one given name ("Orla and Ned"), standing
    between the list's commas or "and" right beside a name the model tagged as a person's (a lone
    given name lists only another given name). The list says what they are; a name the model found
    beside them is read first, so this only adds names."""
    people = [c for c in candidates if c.kind == CandidateKind.NER and c.label == "PERSON"
              and (c.end - c.start >= 2 or fold(toks.text[c.start]) in cues.first_names)]
    if not people:
        return
    n = len(toks)
    text, lower = toks.text, toks.lower
    seen: set[int] = set()

    def run_from(i: int, step: int, full: bool) -> tuple[int, int] | None:
        """The name starting (step 1) or ending (step -1) at token i: two or three words (when
        ``full``), or one given name."""
        j = i
        while 0 <= j < n and abs(j - i) < 3 and _list_name_word(toks, j, cues, dictionary, taken):
            j += step
        start, end = (i, j) if step > 0 else (j + 1, i + 1)
        if end - start == 1:
            if fold(text[start]) not in cues.first_names or lower[start] in dictionary:
                return None
        elif not full or end - start < 2 or any("\n" in toks.space[k] or not toks.space[k] for k in range(start, end - 1)):
            return None
        before, after = start - 1, end
        if after >= n or text[after] not in LIST_ENDS and lower[after] not in LIST_ENDS:
            return None
        # the list's first name follows a word that is no name ("with", "fellow-Danes": a compound)
        if before >= 0 and lower[before] not in LIST_JOINS and toks.name_word[before] and not (
                before > 0 and text[before - 1] == "-" and not toks.space[before - 1]):
            return None
        return start, end

    for c in people:
        full = c.end - c.start >= 2
        for i, step in ((c.end, 1), (c.start - 1, -1)):
            # past ", " / " and " / ", and " beside the tagged name
            k = i
            hops = 0
            while 0 <= k < n and lower[k] in LIST_JOINS and hops < 2:
                k += step
                hops += 1
            if not hops or not 0 <= k < n:
                continue
            found = run_from(k, step, full)
            if found and found[0] not in seen:
                seen.add(found[0])
                yield Candidate(found[0], found[1], CandidateKind.NER, "PERSON")


def _list_name_word(toks: Tokens, i: int, cues: PersonCues, dictionary: frozenset[str], taken: set[int]) -> bool:
    """A word of an untagged name in a list: capitalised (not all capitals), no English word, no
    title, role or head word."""
    word = toks.text[i]
    return (
        i not in taken and toks.tok[i].ent_iob_ == "O" and toks.name_word[i] and not word.isupper() and toks.tok[i].tag_ in ("NNP", "NNPS")
        and (toks.lower[i] not in dictionary or fold(word) in cues.given) and not cues.names_no_one(word) and toks.lower[i] not in cues.nouns
    )



DEFINITE = {"the", "his", "her", "their", "its", "my", "our", "your"}
OF_PHRASE = 4  # words of an "of" phrase after the noun: "the king of the old city, X"
APPOSITION_ENDS = {",", ".", ";", ":"}
BODY_LABELS = {"ORG", "GPE", "LOC", "FAC", "NORP"}  # what the model calls a person's lone name in apposition


def apposed_person_candidates(toks: Tokens, cues: PersonCues, dictionary: frozenset[str], taken: set[int]) -> Iterator[Candidate]:
    """Untagged names set off by commas beside a definite singular person noun or title: "Orla,
    the maid, ...", "his editor, Brandvik, ...", "the king of the city, Orvel". The apposition says
    what the name is; its words are capitalised and no English words, or given names ("his wife,
    Rose"), so "Later, the maid" or "In Paris, his editor" add nothing."""
    n = len(toks)
    text, lower = toks.text, toks.lower
    seen: set[int] = set()
    for p in toks.lower_positions(cues.person_nouns):
        d = _definite_person_noun(toks, p, cues)
        if d is None:
            continue
        found = None
        if d >= 2 and text[d - 1] == ",":  # "Orla, the maid, ..."
            end = d - 1
            start = end
            while start > 0 and end - start < 3 and _list_name_word(toks, start - 1, cues, dictionary, taken):
                start -= 1
            if start < end and (start == 0 or not toks.name_word[start - 1] or toks.tok[start].is_sent_start) and _closes(toks, p):
                found = start, end
        k = _after_noun(toks, p)
        if found is None and k + 1 < n and text[k] == ",":  # "his editor, Brandvik, ..."
            start = end = k + 1
            while end < n and end - start < 3 and _list_name_word(toks, end, cues, dictionary, taken) and (end == start or toks.space[end - 1] == " "):
                end += 1
            if start < end and _apposition_ends(toks, end):
                found = start, end
        if found and found[0] not in seen and (found[1] - found[0] > 1 or lower[found[0]] not in dictionary
                                                or fold(text[found[0]]) in cues.given):
            seen.add(found[0])
            yield Candidate(found[0], found[1], CandidateKind.NER, "PERSON")


def as_apposed_person(toks: Tokens, cand: Candidate, cues: PersonCues, dictionary: frozenset[str]) -> Candidate:
    """A one-word name the model calls a body or a place ("Her gardener, Ossery, ...", "Ossery,
    the housekeeper, ...") is a person's where a definite person noun stands beside it between
    commas; an English word is left alone ("Later, the maid")."""
    i = cand.start
    if cand.kind != CandidateKind.NER or cand.label not in BODY_LABELS or cand.end - i != 1 or toks.lower[i] in dictionary \
            or not toks.text[i][:1].isupper() or toks.text[i].isupper():
        return cand
    n = len(toks)
    if i + 2 < n and toks.text[i + 1] == ",":
        p = i + 2
        while p < n and p - i <= 5 and toks.text[p].islower() and toks.lower[p] not in cues.person_nouns:
            p += 1
        if p < n and _definite_person_noun(toks, p, cues) == i + 2 and _closes(toks, p):
            return Candidate(cand.start, cand.end, cand.kind, "PERSON", cand.surfaces, cand.inverted)
    if i >= 3 and toks.text[i - 1] == "," and _apposition_ends(toks, i + 1):
        for p in range(i - 2, max(0, i - 3 - OF_PHRASE), -1):
            if toks.lower[p] in cues.person_nouns and _definite_person_noun(toks, p, cues) is not None \
                    and _after_noun(toks, p) == i - 1:
                return Candidate(cand.start, cand.end, cand.kind, "PERSON", cand.surfaces, cand.inverted)
    return cand


def _definite_person_noun(toks: Tokens, p: int, cues: PersonCues) -> int | None:
    """Where the definite noun phrase that person noun ``p`` heads starts ("his longtime editor",
    "the family maid"), or None when it is no singular lower-case noun after "the" or a possessive
    ("the neighbours, X and Y" is a list)."""
    text = toks.text
    if not text[p].islower() or toks.tok[p].tag_ != "NN":
        return None
    d = p - 1
    while d >= 0 and text[d].islower() and toks.tok[d].pos_ in ("ADJ", "NOUN") and toks.lower[d] not in DEFINITE:
        d -= 1
    if d < 0 or toks.lower[d] not in DEFINITE or not text[d].islower() and not toks.tok[d].is_sent_start:
        return None
    return d


def _after_noun(toks: Tokens, p: int) -> int:
    """The token after person noun ``p`` and the lower-case "of" phrase that may follow it."""
    k = p + 1
    if k < len(toks) and toks.lower[k] == "of":
        while k < len(toks) and k - p <= OF_PHRASE and toks.text[k].islower():
            k += 1
    return k


def _closes(toks: Tokens, p: int) -> bool:
    """The noun phrase of person noun ``p`` closes the apposition: a comma or a stop after it."""
    k = _after_noun(toks, p)
    return k < len(toks) and toks.text[k] in APPOSITION_ENDS


def _apposition_ends(toks: Tokens, end: int) -> bool:
    """The name in apposition ends at ``end``: a stop, a possessive or the clause's verb after it."""
    return end == len(toks) or toks.text[end] in APPOSITION_ENDS or toks.text[end] in ("'s", "\u2019s") or toks.tok[end].pos_ in ("VERB", "AUX")


# The speech cues of the statements stage's lexicon (one-word verbs), read here from the same file.
SPEECH_VERBS = frozenset(row[0].lower() for row in packaged_rows("reporting_verbs.tsv") if len(row) > 1 and row[1] == CueClass.SPEECH and " " not in row[0])
# and those that say a body asserted or published something ("suggested", "reported"), for an acronym
STATING_VERBS = SPEECH_VERBS | frozenset(row[0].lower() for row in packaged_rows("reporting_verbs.tsv")
                                         if len(row) > 1 and row[1] in (CueClass.CLAIM, CueClass.REPORT) and " " not in row[0])
SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def speaker_name_candidates(toks: Tokens, cues: PersonCues, dictionary: frozenset[str], taken: set[int],
                            headline_sents: set[int] = frozenset()) -> Iterator[Candidate]:
    """A capitalised word (or two) the model tagged as nothing that is the subject of a speech
    cue ("..., Quorvath said"): somebody speaks, so it names a person when nothing says it is a
    word. Its capital is no evidence at a sentence's start, so the word must be no English word
    (``dictionary``) or the document must name it elsewhere after a given name or a title ("Mr.
    Stone ... Stone said"); it is never a word the document also writes in lower case, a pronoun,
    or a word the curated data knows as a place, an organisation's head or a title; a title-case line
    (``headline_sents``, all-caps lines among them) is no evidence. An acronym in running text
    ("KWBX suggested that ...") that is no English word names a body: an organisation."""
    verbs = toks.tokens(STATING_VERBS)
    if not verbs:
        return
    lowered: set[str] | None = None
    for v in verbs:
        verb = toks.tok[v]
        lemma = verb.lemma_.lower()
        if verb.pos_ not in ("VERB", "AUX") or lemma not in STATING_VERBS:
            continue
        for child in verb.children:
            i = child.i
            if child.dep_ not in SUBJECTS or i >= v or not _speaker_word(toks, i, cues, taken) or toks.sentence[i] in headline_sents:
                continue  # a title-case line capitalises every word
            if lemma not in SPEECH_VERBS and not toks.text[i].isupper():
                continue  # "Growth suggested": only an acronym is a body by a claim or a report
            start = i - 1 if i > 0 and toks.tok[i - 1].dep_ == "compound" and toks.tok[i - 1].head.i == i and _speaker_word(toks, i - 1, cues, taken) else i
            if lowered is None:
                lowered = {w for w, t in zip(toks.lower, toks.text) if t.islower()}
            if any(toks.lower[k] in lowered for k in range(start, i + 1)):
                continue  # "Growth said" where the text writes "growth": a common noun
            if toks.tok[i].tag_ != "NNP" or toks.lower[i].endswith("s") and toks.lower[i][:-1] in dictionary:
                continue  # "Lawmakers said", "Keeps saying": a plural or a verb, capitalised
            if start > 0 and toks.lower[start - 1] == "the":
                continue  # "The Ledger writes": a title, not a person
            label = _named_in_full(toks, i, cues)
            if label is None and toks.lower[i] in dictionary:
                continue
            yield Candidate(start, i + 1, CandidateKind.NER, label or ("ORG" if toks.text[i].isupper() else "PERSON"))


def _speaker_word(toks: Tokens, i: int, cues: PersonCues, taken: set[int]) -> bool:
    tok = toks.tok[i]
    word = toks.text[i]
    return (
        i not in taken and (tok.ent_iob_ == "O" or _lone_thing(toks, i)) and toks.name_word[i] and word[:1].isupper() and (not word.isupper() or _acronym(tok))
        and tok.pos_ in ("PROPN", "NOUN", "VERB", "ADJ") and not cues.names_no_one(word) and word.lower() not in cues.nouns
    )


# What the model calls a thing, not an actor: a surname it reads so as the subject of "said"
# ("..., Varga told the paper") is still someone's.
THING_LABELS = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "LAW"})


def _lone_thing(toks: Tokens, i: int) -> bool:
    """Token ``i`` is alone a model's entity of a thing's type (see THING_LABELS)."""
    tok = toks.tok[i]
    return tok.ent_iob_ == "B" and tok.ent_type_ in THING_LABELS and (i + 1 == len(toks) or toks.tok[i + 1].ent_iob_ != "I")


def _acronym(tok) -> bool:
    """An all-caps word of two letters or more that is no function word ("KWBX", not "I", "IT",
    "US"): whether it is an English word is asked with the rest (see speaker_name_candidates)."""
    return len(tok.text) >= 2 and tok.text.isalpha() and not tok.is_stop


def _named_in_full(toks: Tokens, i: int, cues: PersonCues) -> str | None:
    """How the document names the word elsewhere: after a given name or a title ("Ann Stone", "Mr.
    Stone": PERSON), or at the edge of a longer name the model tagged ("Stone Holdings": its label)."""
    word = toks.text[i]
    for ent in toks.ents:
        if len(ent) > 1 and ent.label_ in ("PERSON", "ORG") and word in (ent[0].text, ent[-1].text):
            return ent.label_
    for k in range(1, len(toks)):
        if k != i and toks.text[k] == word:
            before = toks.text[k - 1]
            if fold(before) in cues.given or before.rstrip(".").lower() in cues.titles or before.lower() in cues.title_words:
                return "PERSON"
    return None
