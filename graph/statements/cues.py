from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spacy.tokens import Doc, Token

from ..curated import load_curated
from ..records import CueClass, NounClass, StatementKind
from .words import MODALS, UNREALIZED


@dataclass(frozen=True)
class Cue:
    """One row of ``reporting_verbs.tsv``."""

    lemma: str  # "say", "point out", "voice concern"
    cls: CueClass
    frames: frozenset[str]  # that | obj | to | pred | quote
    kind: StatementKind | None  # of the words it reports; None: it reports none ("declined to comment")


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Cue]  # single-word verb lemmas
    phrasal: dict[tuple[str, str], Cue]  # (verb, particle or object noun)
    nouns: dict[str, NounClass]  # noun lemma -> class
    noun_gender: dict[str, str]
    speech_nouns: dict[str, Cue]  # "claim", "insistence": nouns whose "that" clause is their owner's words

    @cached_property
    def first_words(self) -> frozenset[str]:
        """The words an entry starts with: the verbs, and the first words of the phrasal entries."""
        return frozenset(self.verbs) | {verb for verb, _ in self.phrasal}

    @cached_property
    def candidate_words(self) -> frozenset[str]:
        """The first words and their regular inflections, for the tokens whose lemma the tagger got
        wrong ("hopes" read as a form of "hop"): see :func:`_regular_base`."""
        out = set(self.first_words)
        for w in self.verbs:
            stem = w[:-1] if w.endswith("e") else w
            out |= {w + "s", w + "es", w + "d", w + "ed", stem + "ing"}
        return frozenset(out)

    @cached_property
    def view_nouns(self) -> frozenset[str]:
        """"view", "opinion", "perspective"...: the nouns of "in X's view"."""
        return frozenset(noun for noun, cls in self.nouns.items() if cls == NounClass.VIEW)

    @cached_property
    def document_nouns(self) -> frozenset[str]:
        """"poll", "report", "statement"...: the nouns of "in the latest poll, ..."."""
        return frozenset(noun for noun, cls in self.nouns.items() if cls == NounClass.DOCUMENT)


@lru_cache(maxsize=4)
def load_lexicon(data_dir: str | None = None) -> Lexicon:
    """The reporting cues and speaker nouns of ``graph/data`` (cached)."""
    data = load_curated(folder=data_dir)
    verbs: dict[str, Cue] = {}
    phrasal: dict[tuple[str, str], Cue] = {}
    for row in data.rows("reporting_verbs.tsv"):
        lemma, cls = row[0].lower(), CueClass(row[1])
        frames = frozenset(f.strip() for f in (row[2] if len(row) > 2 else "that").split(",") if f.strip())
        kind = row[3] if len(row) > 3 and row[3] else "indirect"
        cue = Cue(lemma, cls, frames, None if kind == "none" else StatementKind(kind))
        words = lemma.split()
        if len(words) == 1:
            verbs[lemma] = cue
        else:
            phrasal[(words[0], " ".join(words[1:]))] = cue
    nouns: dict[str, NounClass] = {}
    gender: dict[str, str] = {}
    for row in data.rows("attribution_nouns.tsv"):
        nouns[row[0].lower()] = NounClass(row[1])
        if len(row) > 2 and row[2]:
            gender[row[0].lower()] = row[2]
    speech_nouns = {row[0].lower(): Cue(row[0].lower(), CueClass(row[1]), frozenset({"that"}), StatementKind(row[2]))
                    for row in data.rows("speech_nouns.tsv")}
    return Lexicon(verbs, phrasal, nouns, gender, speech_nouns)


def noun_class(lex: Lexicon, tok: Token) -> NounClass | None:
    """The class of a speaker noun, two-word names first ("news agency", "political scientist")."""
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i == tok.i - 1:
            cls = lex.nouns.get(f"{c.lower_} {tok.lemma_.lower()}") or lex.nouns.get(f"{c.lower_} {tok.lower_}")
            if cls:
                return cls
    return lex.nouns.get(tok.lemma_.lower()) or lex.nouns.get(tok.lower_)


def cue_of(lex: Lexicon, verb: Token) -> Cue | None:
    """The lexicon entry a verb token starts, phrasal and light-verb entries first."""
    if verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB") and not _verb_in_noun_tag(verb):
        return None
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ == "prt":
            cue = lex.phrasal.get((lemma, child.lemma_.lower()))
            if cue:
                return cue
        if child.dep_ in ("dobj", "oprd", "acomp") or child.dep_ in ("prep", "advmod") and child.i == verb.i + 1 \
                or child.dep_ == "ccomp" and child.pos_ == "ADJ":  # "shot back" as an adverb; "made it clear" as a clause
            cue = lex.phrasal.get((lemma, child.lemma_.lower()))
            if cue and child.dep_ == "prep" and "prep" not in cue.frames and any(g.dep_ == "pobj" for g in child.children):
                continue  # "wrote in the Review that ...": a preposition with its object, not the particle of "wrote in"
            if cue:
                return cue
    cue = lex.verbs.get(lemma)
    if cue is None and lemma != verb.lower_:
        cue = lex.verbs.get(verb.lower_)
    if cue is None and verb.tag_.startswith("VB"):
        cue = _regular_base(lex, verb.lower_)
    if cue is not None and cue.cls != CueClass.SPEECH and any(c.dep_ == "prt" and not _predicate_of_object(verb, c) for c in verb.children):
        return None  # "found out", "showed up": another verb than the entry's ("cried out" still speaks)
    return cue


def _predicate_of_object(verb: Token, prt: Token) -> bool:
    """"polls show Vance up by ten points": a particle after a noun object says where the object
    stands (the parse's particle is the object's predicate); "showed them up", "found it out" are
    the phrasal verb, its object a pronoun."""
    if prt.lower_ not in ("up", "down", "ahead", "behind") or prt.i + 1 >= len(prt.doc) or prt.doc[prt.i + 1].pos_ != "ADP":
        return False  # "held her chair out": the phrasal verb; "up by ten points" a standing
    return any(c.dep_ == "dobj" and verb.i < c.i < prt.i and c.pos_ in ("PROPN", "NOUN") for c in verb.children)


def _regular_base(lex: Lexicon, form: str) -> Cue | None:
    """The entry of a regular verb form whose lemma the tagger got wrong ("hopes", "hoped" given
    the lemma "hop"): the form less "s", "es", "d", "ed" or "ing"."""
    for suffix, add in (("ing", "e"), ("ing", ""), ("es", ""), ("ed", ""), ("s", ""), ("d", "")):
        if form.endswith(suffix) and len(form) > len(suffix) + 2:
            cue = lex.verbs.get(form[: -len(suffix)] + add)
            if cue is not None:
                return cue
    return None


def _verb_in_noun_tag(tok: Token) -> bool:
    """"Lee claims that ...": a verb the tagger took for a noun, with a subject and a clause of its
    own; '"...," the email read.', "..., state records show.": a closing verb the tagger read as the
    head of a compound noun with its subject."""
    if tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "nsubj" for c in tok.children) and any(c.dep_ == "ccomp" for c in tok.children):
        return True
    return closing_compound_subject(tok) is not None or name_compound_subject(tok) is not None


def name_compound_subject(tok: Token) -> Token | None:
    """The subject of a verb in "s" read as a plural noun with a name for its compound: "But Lee
    claims that ...", whose "that" clause the parse still hangs on the verb."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.tag_ != "NNS" or tok.i == 0 or tok.lower_ != tok.lemma_.lower() + "s":
        return None
    prev = doc[tok.i - 1]
    if prev.dep_ != "compound" or prev.head.i != tok.i or prev.pos_ != "PROPN":
        return None
    if not any(c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in tok.children):
        return None
    return prev


def closing_compound_subject(tok: Token) -> Token | None:
    """The subject of a closing verb read as a noun ("the email read.", "state records show."): the
    noun right before it that the parse made its compound; only for a verb form ("show", "shows")
    that ends its sentence or clause."""
    doc = tok.doc
    if tok.dep_ != "ROOT" or tok.i == 0 or tok.i + 1 >= len(doc) or doc[tok.i + 1].text not in (".", ",", ";"):
        return None
    lemma = tok.lemma_.lower()
    if not (tok.tag_ == "NN" and tok.lower_ == lemma or tok.tag_ == "NNS" and tok.lower_ == lemma + "s"):
        return None
    prev = doc[tok.i - 1]
    if prev.dep_ != "compound" or prev.head.i != tok.i or prev.pos_ not in ("NOUN", "PROPN"):
        return None
    return prev


def light_noun(lex: Lexicon, verb: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if (child.dep_ in ("dobj", "oprd", "acomp") or child.dep_ == "ccomp" and child.pos_ == "ADJ") and (lemma, child.lemma_.lower()) in lex.phrasal:
            return child
    return None


def cue_text(verb: Token, extra: list[Token] = ()) -> tuple[str, int, int]:
    """The cue words: the verb, its particle and negation ("did not rule out")."""
    parts = [verb] + [c for c in verb.children if c.dep_ in ("prt", "neg")] + list(extra)
    parts += [c for c in verb.children if c.dep_ == "aux" and c.lower_ in ("do", "does", "did") and any(
        x.dep_ == "neg" for x in verb.children)]
    parts = sorted(set(parts), key=lambda t: t.i)
    words = []
    for k, t in enumerate(parts):
        if k and t.i > parts[k - 1].i + 1:
            words.append("...")
        words.append(t.text)
    return " ".join(words), parts[0].idx, parts[-1].idx + len(parts[-1].text)


def has_modal(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


def _bare_coordinated(verb: Token) -> Token | None:
    """The verb a bare verb is coordinated with, sharing its subject and auxiliaries ("to stand
    up and say the poem"): only a base form with no subject or auxiliary of its own."""
    if verb.dep_ != "conj" or verb.tag_ != "VB" or verb.head.i >= verb.i or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    return verb.head


def unrealized(verb: Token) -> bool:
    """Speech not made (yet): the infinitive of a plan, a hope, an expectation or a request ("plans
    to call on", "is expected to say", "urged Lee to condemn"). "Went on to say", "took to the radio
    to say" report speech that was made; "I want to remind you that ..." makes it."""
    if verb.dep_ not in ("xcomp", "ccomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        first = _bare_coordinated(verb)  # "asked him to stand up and say it again"
        return first is not None and unrealized(first)
    head = verb.head
    if head.i == verb.i or any(c.dep_ == "prt" for c in head.children):
        return False  # "going on to say": said
    return head.lemma_.lower() in UNREALIZED or head.lower_ in UNREALIZED


def find_cues(lex: Lexicon, doc: Doc, candidates: Iterable[int]) -> dict[int, Cue]:
    """The tokens that start a lexicon entry (see :func:`cue_of`), by index. An entry starts with
    the token's lemma or form, so only tokens with one of those words need a look."""
    cues: dict[int, Cue] = {}
    for i in candidates:
        cue = cue_of(lex, doc[i])
        if cue is not None:
            cues[i] = cue
    return cues
