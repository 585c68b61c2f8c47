"""The plain records that flow from one stage to the next.

read documents -> NLP -> mentions -> statements -> resolve entities -> corrections -> assemble
-> export / render

Each stage takes the records of the stages before it and returns its own; none of them holds a
spaCy object, so they pickle cheaply between processes and into the cache.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum, StrEnum


@dataclass(frozen=True)
class Document:
    """One cleaned article. ``text`` is what every character offset in the graph points into."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    date: str | None = None
    url: str | None = None
    path: str | None = None
    photographer: str | None = None  # who credit lines name (", "-separated): metadata, not a node


@dataclass(frozen=True)
class Problem:
    """Input that could not be used: which file (or file:line) and what is wrong with it."""

    path: str
    message: str

    def __str__(self) -> str:
        """One line, whatever the file name or the message hold (a newline shows as ``\\n``)."""
        return _one_line(f"{self.path}: {self.message}")


def _one_line(text: str) -> str:
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


class MentionKind(StrEnum):
    """Where a mention's evidence comes from. A ``StrEnum``: it equals its value ("ner")."""

    NER = "ner"  # spaCy's entity, its label read into ``Mention.label``
    ORG = "org"  # a capitalised phrase led or headed by a word that says what it names
    ACRONYM = "acronym"  # the long form of an acronym the text defines
    GAZETTEER = "gazetteer"  # an alias of a curated entry
    DEMONYM = "demonym"  # a country named through its people
    CAPITAL = "capital"  # a country named through its capital
    BYLINE = "byline"  # the document's author (no place in the text)
    OUTLET = "outlet"  # the document's outlet (no place in the text)


class SurfaceKind(StrEnum):
    """How the curated data lets a text name an entry (``graph.gazetteer.Surface``)."""

    ALIAS = "alias"  # its name or an alias
    WEAK = "weak"  # a weak alias or demonym, or one that describes ("Russian military"): counts only where backed
    DEMONYM = "demonym"  # a country's people or adjective
    CAPITAL = "capital"  # a country's capital


class NameType(StrEnum):
    """What the mentions stage says a name is (``Mention.label``); the mentions stage alone reads
    spaCy's labels into it. Its values that are entity types are those of :data:`ENTITY_TYPES`."""

    PERSON = "person"
    GROUP = "group"  # a people, creed or party as a group
    ORGANIZATION = "organization"
    COUNTRY = "country"  # known to be a country (the curated data)
    GEOPOLITICAL = "geopolitical"  # a country, city or state as the model reads it, not known to be a country
    ALLIANCE = "alliance"
    PLACE = "place"
    FACILITY = "facility"  # a building, an airport, a road: a place the model reads as built
    OTHER = "other"  # a name of no actor nor place ("Treaty of X")


class CueClass(StrEnum):
    """What a reporting cue of the lexicon (graph/data/reporting_verbs.tsv) does."""

    SPEECH = "speech"  # saying
    BELIEF = "belief"  # thinking
    CLAIM = "claim"  # asserting, accusing, promising
    REPORT = "report"  # announcing, publishing: sourcing
    SILENCE = "silence"  # declining to speak: no statement
    EVALUATION = "evaluation"  # praising, criticising, endorsing: saying what one thinks of someone or something


class SpeakerSlot(StrEnum):
    """Where a verb names who speaks through it (``graph.statements.speakers.subject_of``)."""

    SUBJECT = "subject"  # its subject (or the subject of the verb it hangs from)
    AGENT = "agent"  # the "by" phrase of a passive: "was reported by X"
    PASSIVE = "passive"  # the verb's own passive subject, with no agent: "X was told", "it was reported"
    NONE = "none"  # none found


class NounClass(StrEnum):
    """What a speaker noun of the lexicon (graph/data/attribution_nouns.tsv) names."""

    EXPERT = "expert"  # people named by what they are: "the expert said" points back to a person
    OFFICIAL = "official"
    PRESS = "press"
    PERSON = "person"
    STANDING = "standing"  # what anyone may be for a while ("the candidate", "the nominee"): no class of roles
    INSTITUTION = "institution"  # a body speaking as one ("the authorities said")
    MEDIA = "media"  # an outlet
    DOCUMENT = "document"  # a report, a statement: words with no speaker of their own
    INTERVIEW = "interview"  # "in an interview with X"
    VIEW = "view"  # "in X's view"


class EntityType(StrEnum):
    """What a node is. A StrEnum: it compares equal to its value and is written as it in JSON."""

    PERSON = "person"
    GROUP = "group"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    ALLIANCE = "alliance"
    PLACE = "place"


class NonActorType(StrEnum):
    """Kinds of named things that are not actors and make no node: films and books, brands and
    software, laws and treaties, storms and tournaments, pets and horses."""

    WORK = "work"
    PRODUCT = "product"
    LAW = "law"
    EVENT = "event"
    ANIMAL = "animal"


def type_of(value: str) -> EntityType | NonActorType:
    """The :class:`EntityType` or :class:`NonActorType` whose value is ``value``.

    >>> type_of("work")
    <NonActorType.WORK: 'work'>
    """
    return EntityType(value) if value in EntityType._value2member_map_ else NonActorType(value)


class CapitalUse(StrEnum):
    """How a country's capital is named: for its government ("Moscow said") or as the city."""

    ACTOR = "actor"
    PLACE = "place"


@dataclass(frozen=True)
class Mention:
    """A surface form in a document that names an entity, before resolution.

    ``kind`` (a :class:`MentionKind`) says where the evidence comes from: ``gazetteer`` (matched
    the curated data, ``key`` is that entry's id), ``ner`` (spaCy's entity), ``demonym``
    or ``capital`` (a country named through its people or its capital, ``key`` is the country),
    ``byline``, ``outlet``.
    ``label`` (a :class:`NameType`) says what the name is; ``guessed`` whether that is a guess
    (the model's reading, or this stage's from a title, a place context, the byline) rather than
    what the curated data or a head word says.
    ``name`` is the surface form with titles, possessives and no-break spaces cleaned away.
    ``start``, ``end`` (character offsets) and ``sentence`` are None for a mention with no place
    in the text (the byline, the outlet): see ``in_text``.
    """

    doc: str
    start: int | None
    end: int | None
    text: str
    name: str
    label: NameType
    sentence: int | None
    kind: MentionKind = MentionKind.NER
    key: str | None = None
    capital_use: CapitalUse | None = None  # for a country named by its capital (kind capital)
    title: str | None = None  # the title word before a person's name ("senator", "mr.")
    gender: str | None = None  # "m" / "f" when a title or the curated data says so
    subtype: str | None = None  # the curated entry's kind: "news_agency", "newspaper", "think_tank"...
    headline: bool = False  # in a title-case or all-caps line, where spaCy's tags are unreliable
    # What the words around the name say it is ("the film X", "X, who"): entity types, or
    # non-actor types; votes for resolution, which weighs them with the rest of the evidence.
    type_votes: tuple[EntityType | NonActorType, ...] = ()
    guessed: bool = True  # the type is the model's reading (or this stage's), not the curated data's or a head word's

    @property
    def in_text(self) -> bool:
        """Whether the mention has a place in the text (the byline's and the outlet's have none)."""
        return self.start is not None


@dataclass(frozen=True)
class AcronymDefinition:
    """``long (SHORT)`` or ``SHORT (long)`` written in a document."""

    doc: str
    short: str
    long: str


class StatementKind(StrEnum):
    """How a statement attributes its words; graph.json writes the value."""

    DIRECT = "direct"  # quoted words: '"...," X said'
    INDIRECT = "indirect"  # reported speech: "X said that ..."
    ACCORDING_TO = "according_to"  # sourcing: "according to X", "X reported"
    BELIEF = "belief"  # a belief or an estimate: "X thinks ...", "X estimates ..."
    QUESTION = "question"  # "X asked whether ..."
    NEGATED = "negated"  # a denial or negated speech: "X denied that ...", "X did not say that ..."
    EVALUATION = "evaluation"  # praise, criticism, endorsement of someone or something: "X criticized Y for ..."


class SpeakerResolution(StrEnum):
    """How a statement's speaker was found in the text."""

    NAME = "name"  # the speaker phrase names it
    PRONOUN = "pronoun"  # "he said": the person the pronoun points back to
    NOMINAL = "nominal"  # "the expert said", "the ministry said": a description or an institution
    NONE = "none"  # no speaker


@dataclass(frozen=True)
class Statement:
    """Attributed words. Speaker and outlet refer to mentions of the same document (indexes into
    ``DocumentAnalysis.mentions``), so that resolution, which runs over the whole corpus, can turn
    them into entity ids later."""

    doc: str
    kind: StatementKind
    cue: str
    text: str
    start: int
    end: int
    speaker_mention: int | None = None
    reported_by_mention: int | None = None
    speaker_resolution: SpeakerResolution = SpeakerResolution.NAME
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None  # the speaker phrase as written ("officials", "the company's spokesperson")


@dataclass(frozen=True)
class Affiliation:
    """A person's role in an organisation or country, stated in the text."""

    doc: str
    person_mention: int
    org_mention: int
    role: str
    start: int
    end: int


@dataclass
class DocumentAnalysis:
    """Everything the per-document stages found in one document."""

    doc: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    acronyms: list[AcronymDefinition] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    affiliations: list[Affiliation] = field(default_factory=list)


@dataclass
class Resolution:
    """The entities of a corpus and, for each document, the entity id of each of its mentions
    (None where a mention was judged not to name an entity)."""

    entities: list[Entity]
    assignments: dict[str, list[str | None]]


class LinkRule(str, Enum):
    """How a name joined its entity: the rule of resolution (or the user's correction) that linked it."""

    NAME = "name"  # the entity's own name, or that name written another way (case, dots, spaces)
    CURATED = "curated"  # a name or alias of the curated entry
    DEMONYM = "demonym"  # the country's people or adjective ("Tajik")
    CAPITAL = "capital"  # a capital acting as its country ("Moscow hosted")
    ACRONYM = "acronym"  # a short form the document defines
    SURNAME = "surname"  # the surname of the full name in the document (else the only one in the corpus)
    FIRST_NAME = "first_name"  # the same surname with a first name spelled alike ("Sergei", "Sergey")
    GIVEN_NAME = "given_name"  # a lone first name, of the full name named before it ("Ann" after "Ann Lee")
    SPELLING = "spelling"  # a spelling within a slip of a known name ("Afganistan", "SCTO")
    NAME_PART = "name_part"  # the last part of a hyphenated name ("Badakhshan", "Gorno-Badakhshan")
    SHORT_FORM = "short_form"  # an organisation's name without its country or head word ("Home Office")
    TRANSLITERATION = "transliteration"  # another romanisation of a place ("Murhaba", "Murghab")
    CORRECTION = "correction"  # the user's corrections file
    LINKED = "linked"  # a rule that gave no reason of its own


# How each rule reads, for people (kg.why, the viewer's entity panel).
LINK_RULE_EXPLANATIONS = {
    LinkRule.NAME: "its own name, or that name written alike",
    LinkRule.CURATED: "a name of the curated entry",
    LinkRule.DEMONYM: "a demonym of the country",
    LinkRule.CAPITAL: "the capital, acting as its country",
    LinkRule.ACRONYM: "an acronym defined in the document",
    LinkRule.SURNAME: "the surname of the full name in the document (else the only one in the corpus)",
    LinkRule.FIRST_NAME: "the same surname, with a first name spelled alike",
    LinkRule.GIVEN_NAME: "the first name of the full name named before it in the document",
    LinkRule.SPELLING: "a spelling within a slip of a known name",
    LinkRule.NAME_PART: "the last part of a hyphenated name in the document",
    LinkRule.SHORT_FORM: "the organisation's name without its country or head word, in the document",
    LinkRule.TRANSLITERATION: "another transliteration of the place's name",
    LinkRule.CORRECTION: "your correction",
    LinkRule.LINKED: "linked by resolution",
}


@dataclass(frozen=True)
class AliasReason:
    """Why a name is an alias of its entity: the rule that linked it, and the document it was read in."""

    rule: LinkRule
    doc: str | None = None


@dataclass
class Entity:
    """One real-world entity: a node of the graph."""

    id: str
    label: str
    type: EntityType  # a plain string is taken for its member
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    alias_reasons: dict[str, AliasReason] = field(default_factory=dict)  # alias -> how it joined

    def __post_init__(self) -> None:
        self.type = EntityType(self.type)


ENTITY_TYPES = tuple(EntityType)
NON_ACTOR_TYPES = tuple(NonActorType)
