"""The plain records that flow from one stage to the next.

read documents -> NLP -> resolve entities -> extract statements -> assemble -> export / render

Each stage takes the records of the stages before it and returns its own; none of them holds a
spaCy object, so they pickle cheaply between processes and into the cache.
"""
from __future__ import annotations

from dataclasses import dataclass, field


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


@dataclass(frozen=True)
class Mention:
    """A surface form in a document that names an entity, before resolution.

    ``kind`` says where the evidence comes from: ``gazetteer`` (matched the curated data, ``key``
    is that entry's id), ``ner`` (spaCy's label in ``label``), ``demonym`` or ``capital`` (a country
    named through its people or its capital, ``key`` is the country), ``byline``.
    ``name`` is the surface form with titles, possessives and no-break spaces cleaned away.
    """

    doc: str
    start: int
    end: int
    text: str
    name: str
    label: str
    sentence: int
    kind: str = "ner"
    key: str | None = None
    role: str | None = None  # "actor" or "place" for capitals; a title word for people
    gender: str | None = None  # "m" / "f" when a title or the curated data says so
    subtype: str | None = None  # the curated entry's kind: "news_agency", "newspaper", "think_tank"...
    headline: bool = False  # in a title-case or all-caps line, where spaCy's tags are unreliable


@dataclass(frozen=True)
class AcronymDefinition:
    """``long (SHORT)`` or ``SHORT (long)`` written in a document."""

    doc: str
    short: str
    long: str


@dataclass(frozen=True)
class Statement:
    """Attributed words. Speaker and outlet refer to mentions of the same document (indexes into
    ``DocumentAnalysis.mentions``), so that resolution, which runs over the whole corpus, can turn
    them into entity ids later."""

    doc: str
    kind: str  # direct | indirect | according_to
    cue: str
    text: str
    start: int
    end: int
    speaker_mention: int | None = None
    reported_by_mention: int | None = None
    speaker_resolution: str = "name"  # name | pronoun | nominal | none
    cue_start: int | None = None
    cue_end: int | None = None


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


@dataclass
class Entity:
    """One real-world entity: a node of the graph."""

    id: str
    label: str
    type: str  # person | group | organization | country | alliance | place
    wikidata: str | None = None
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    documents: list[str] = field(default_factory=list)


ENTITY_TYPES = ("person", "group", "organization", "country", "alliance", "place")
STATEMENT_KINDS = ("direct", "indirect", "according_to")
