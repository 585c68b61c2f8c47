"""The user's corrections, applied after entity resolution and before the graph is assembled.

resolve entities -> **corrections** -> assemble

A corrections file (JSON, or YAML) is a list of fixes an analyst made once and wants kept in every
rebuild: merge entities, split a name off an entity, rename or retype one, mark a name as not an
entity, give a statement another speaker or none. Entities are named by their label or any alias
(compared as resolution compares names: case, accents, dots, spaces, hyphens, a leading "the" and a
possessive do not count), never by generated ids; a statement by its document and the first words
of what was said. Corrections apply in the file's order, each to the result of those before it.
One that matches nothing is reported, never an error: the file stays valid as the corpus grows.

>>> fixes = parse_corrections([{"action": "retype", "entity": "Yukos", "type": "organization"}])
>>> fixes[0]
Retype(entity='Yukos', type='organization', number=1)
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from os import PathLike
from pathlib import Path

from .contract import fold
from .gazetteer import slug
from .records import ENTITY_TYPES, AliasReason, EntityType, DocumentAnalysis, Entity, LinkRule, Mention, Resolution, SpeakerResolution


class Action(str, Enum):
    """What a correction does (its ``action`` field)."""

    MERGE = "merge"
    SPLIT = "split"
    RENAME = "rename"
    RETYPE = "retype"
    NOT_ENTITY = "not_entity"
    SPEAKER = "speaker"


@dataclass(frozen=True)
class Merge:
    """The entities named become one: the first keeps its id, label and type."""

    entities: tuple[str, ...]
    number: int = 0


@dataclass(frozen=True)
class Split:
    """The mentions of ``alias`` leave the entity ``source`` (default: the one with that name) for
    the entity ``target`` (an existing entity, or a new one of that label; default: ``alias``)."""

    alias: str
    source: str | None = None
    target: str | None = None
    type: str | None = None  # of a new entity (default: the source's type)
    number: int = 0


@dataclass(frozen=True)
class Rename:
    entity: str
    label: str
    number: int = 0


@dataclass(frozen=True)
class Retype:
    entity: str
    type: str
    number: int = 0


@dataclass(frozen=True)
class NotEntity:
    """An entity's label: the entity goes. Else an alias: the mentions of that name go."""

    name: str
    number: int = 0


@dataclass(frozen=True)
class Speaker:
    """The statement of document ``doc`` whose text begins with ``words`` was said by ``speaker``
    (an entity named in that document), or by nobody known (None)."""

    doc: str
    words: str
    speaker: str | None
    number: int = 0


Correction = Merge | Split | Rename | Retype | NotEntity | Speaker


@dataclass
class CorrectionReport:
    """How the corrections went: how many applied, and one line for each that matched nothing."""

    total: int = 0
    applied: int = 0
    unmatched: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"corrections {self.applied} of {self.total} applied"


class CorrectionsError(ValueError):
    """A corrections file that cannot be read: one line naming it and the problem."""


# --- reading -----------------------------------------------------------------------------------

# The fields of each action: required, then optional.
FIELDS: dict[Action, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Action.MERGE: (("entities",), ()),
    Action.SPLIT: (("alias",), ("from", "to", "type")),
    Action.RENAME: (("entity", "label"), ()),
    Action.RETYPE: (("entity", "type"), ()),
    Action.NOT_ENTITY: (("name",), ()),
    Action.SPEAKER: (("doc", "text", "speaker"), ()),
}
COMMENT_FIELDS = ("note", "comment")  # free text for the analyst, ignored


def load_corrections(path: str | PathLike) -> list[Correction]:
    """Read a corrections file: JSON, or YAML (``.yaml``, ``.yml``). Raises
    :class:`CorrectionsError` naming the file and the problem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CorrectionsError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise CorrectionsError(f"{path}: not UTF-8 text") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f" at line {mark.line + 1}" if mark is not None else ""
            raise CorrectionsError(f"{path}: not valid YAML{where}") from None
    else:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CorrectionsError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return parse_corrections(data, source=str(path))


def parse_corrections(data: object, source: str = "corrections") -> list[Correction]:
    """The corrections in ``data``: a list of ``{"action": ..., ...}`` objects, or an object with
    such a list under ``corrections``."""
    if isinstance(data, dict) and "corrections" in data:
        data = data["corrections"]
    if data is None:
        return []
    if not isinstance(data, list):
        raise CorrectionsError(f"{source}: expected a list of corrections (or {{\"corrections\": [...]}})")
    return [_parse_one(item, number, source) for number, item in enumerate(data, 1)]


def _parse_one(item: object, number: int, source: str) -> Correction:
    if isinstance(item, (Merge, Split, Rename, Retype, NotEntity, Speaker)):
        return replace(item, number=number)

    def problem(message: str) -> CorrectionsError:
        return CorrectionsError(f"{source}: correction {number}: {message}")

    if not isinstance(item, dict):
        raise problem("not an object with an action")
    try:
        action = Action(item.get("action"))
    except ValueError:
        raise problem(f"unknown action {item.get('action')!r}; use one of {', '.join(a.value for a in Action)}") from None
    required, optional = FIELDS[action]
    unknown = set(item) - {"action", *required, *optional, *COMMENT_FIELDS}
    if unknown:
        raise problem(f"unknown field(s) {', '.join(sorted(unknown))} for {action.value}")
    missing = [f for f in required if f not in item]
    if missing:
        raise problem(f"{action.value} needs {', '.join(missing)}")

    def text(name: str, nullable: bool = False) -> str | None:
        value = item.get(name)
        if value is None and (nullable or name in optional):
            return None
        if not isinstance(value, str) or not value.strip() or not fold(value) and name != "text":
            raise problem(f"{name} must be a name, not {value!r}")
        return value.strip()

    def entity_type(name: str) -> str | None:
        value = text(name)
        if value is not None and value not in ENTITY_TYPES:
            raise problem(f"{name} {value!r} is not one of {', '.join(ENTITY_TYPES)}")
        return value

    if action is Action.MERGE:
        names = item["entities"]
        if not isinstance(names, list) or len(names) < 2 or not all(isinstance(n, str) and fold(n) for n in names):
            raise problem("merge needs entities: a list of two or more names")
        return Merge(tuple(n.strip() for n in names), number)
    if action is Action.SPLIT:
        return Split(text("alias"), text("from"), text("to"), entity_type("type"), number)
    if action is Action.RENAME:
        return Rename(text("entity"), text("label"), number)
    if action is Action.RETYPE:
        return Retype(text("entity"), entity_type("type"), number)
    if action is Action.NOT_ENTITY:
        return NotEntity(text("name"), number)
    words = text("text")
    if not statement_words(words):
        raise problem(f"text must hold the first words of the statement, not {words!r}")
    return Speaker(text("doc"), words, text("speaker", nullable=True), number)


def read_corrections(corrections: str | PathLike | Sequence | None) -> list[Correction] | None:
    """Corrections given as a file, a list (of dicts or correction records), or None (none given)."""
    if corrections is None:
        return None
    if isinstance(corrections, (str, PathLike)):
        return load_corrections(corrections)
    return parse_corrections(list(corrections))


# --- applying ----------------------------------------------------------------------------------


def apply_corrections(
    corrections: Sequence[Correction], analyses: Sequence[DocumentAnalysis], resolution: Resolution
) -> tuple[list[DocumentAnalysis], Resolution, CorrectionReport]:
    """Apply ``corrections`` in order to a resolved corpus; new records, the inputs untouched.

    >>> from graph.records import Mention, NameType
    >>> m = [Mention("d1", 0, 5, "Yukos", "Yukos", NameType.PERSON, 0)]
    >>> res = Resolution([Entity("yukos", "Yukos", "person", aliases=["Yukos"], mentions=1, documents=["d1"])],
    ...                  {"d1": ["yukos"]})
    >>> _, fixed, report = apply_corrections([Retype("Yukos", "organization", 1)], [DocumentAnalysis("d1", mentions=m)], res)
    >>> fixed.entities[0].type, str(report)
    (<EntityType.ORGANIZATION: 'organization'>, 'corrections 1 of 1 applied')
    """
    state = _State(analyses, resolution)
    report = CorrectionReport(total=len(corrections))
    for correction in corrections:
        miss = state.apply(correction)
        if miss is None:
            report.applied += 1
        else:
            report.unmatched.append(f"correction {correction.number} ({describe(correction)}) matches nothing: {miss}")
    return state.analyses(), state.resolution(), report


def describe(correction: Correction) -> str:
    """A short description of a correction, for the one-line reports."""
    if isinstance(correction, Merge):
        return "merge " + ", ".join(map(repr, correction.entities))
    if isinstance(correction, Split):
        into = f" into {correction.target!r}" if correction.target else ""
        source = f" from {correction.source!r}" if correction.source else ""
        return f"split {correction.alias!r}{source}{into}"
    if isinstance(correction, Rename):
        return f"rename {correction.entity!r} to {correction.label!r}"
    if isinstance(correction, Retype):
        return f"retype {correction.entity!r} to {correction.type}"
    if isinstance(correction, NotEntity):
        return f"not an entity: {correction.name!r}"
    return f"speaker of {correction.doc}: {correction.words!r}"


def statement_words(text: str) -> list[str]:
    """The words of a text as statements are matched: case, accents and punctuation do not count."""
    text = unicodedata.normalize("NFKD", text)
    return re.findall(r"\w+", "".join(c for c in text if not unicodedata.combining(c)).casefold())


class _State:
    """The corpus being corrected: entities by id, each document's assignments, and each
    entity's mentions, with an index of names kept up to date as corrections change them."""

    def __init__(self, analyses: Sequence[DocumentAnalysis], resolution: Resolution) -> None:
        self.by_doc = {a.doc: a for a in analyses}
        self.order = [a.doc for a in analyses]
        self.position = {doc: n for n, doc in enumerate(self.order)}
        self.statements = {a.doc: list(a.statements) for a in analyses}
        self.entities = {e.id: replace(e, aliases=list(e.aliases), documents=list(e.documents),
                                       alias_reasons=dict(e.alias_reasons)) for e in resolution.entities}
        self.assignments = {doc: list(ids) for doc, ids in resolution.assignments.items()}
        self.members: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for doc in self.order:
            for i, entity in enumerate(self.assignments.get(doc, ())):
                if entity is not None:
                    self.members[entity].append((doc, i))
        self.names: dict[str, set[str]] = defaultdict(set)
        for entity in self.entities.values():
            self._index(entity)

    # -- results

    def analyses(self) -> list[DocumentAnalysis]:
        return [replace(self.by_doc[doc], statements=self.statements[doc]) for doc in self.order]

    def resolution(self) -> Resolution:
        return Resolution(entities=sorted(self.entities.values(), key=lambda e: e.id), assignments=self.assignments)

    # -- names

    def _index(self, entity: Entity) -> None:
        for name in (entity.label, *entity.aliases):
            self.names[fold(name)].add(entity.id)

    def _unindex(self, entity: Entity) -> None:
        for name in (entity.label, *entity.aliases):
            self.names[fold(name)].discard(entity.id)

    def find(self, name: str) -> Entity | None:
        """The entity called ``name``: the one whose label it is, else the most mentioned of
        those with that alias."""
        key = fold(name)
        found = [self.entities[i] for i in self.names.get(key, ())]
        if not found:
            return None
        return min(found, key=lambda e: (fold(e.label) != key, -e.mentions, e.id))

    def mention(self, doc: str, index: int) -> Mention:
        return self.by_doc[doc].mentions[index]

    # -- changes

    def move(self, mentions: Iterable[tuple[str, int]], target: Entity | None) -> None:
        """Assign mentions to ``target`` (None: to no entity)."""
        for doc, i in mentions:
            self.assignments[doc][i] = target.id if target else None
            if target is not None:
                self.members[target.id].append((doc, i))

    def recount(self, entity: Entity) -> None:
        """Aliases, mentions and documents from the entity's mentions, as resolution counts them;
        an entity left with none goes. Aliases it did not have joined by the user's correction."""
        self._unindex(entity)
        members = sorted(set(self.members.pop(entity.id, [])), key=lambda m: (self.position[m[0]], m[1]))
        members = [(doc, i) for doc, i in members if self.assignments[doc][i] == entity.id]
        if not members:
            del self.entities[entity.id]
            return
        self.members[entity.id] = members
        mentions = [self.mention(doc, i) for doc, i in members]
        aliases = {m.name for m in mentions} | {m.text.strip() for m in mentions if m.in_text} - {""}
        entity.aliases = sorted(aliases)
        entity.mentions = len(mentions)
        entity.documents = sorted({m.doc for m in mentions})
        reasons = {a: r for a, r in entity.alias_reasons.items() if a in aliases}
        for alias in aliases - set(reasons):
            reasons[alias] = AliasReason(LinkRule.CORRECTION)
        entity.alias_reasons = dict(sorted(reasons.items()))
        self._index(entity)

    def new_entity(self, label: str, type_: str) -> Entity:
        base = slug(label) or "entity"
        entity_id, n = base, 1
        while entity_id in self.entities:
            n += 1
            entity_id = f"{base}-{n}"
        entity = Entity(id=entity_id, label=label, type=type_)
        self.entities[entity_id] = entity
        return entity

    def named(self, entity: Entity, name: str) -> list[tuple[str, int]]:
        """The entity's mentions written ``name``."""
        key = fold(name)
        return [(doc, i) for doc, i in self.members.get(entity.id, ())
                if self.assignments[doc][i] == entity.id
                and key in (fold(self.mention(doc, i).name), fold(self.mention(doc, i).text))]

    # -- the corrections: each returns None when applied, else why it matched nothing

    def apply(self, c: Correction) -> str | None:
        if isinstance(c, Merge):
            return self.merge(c)
        if isinstance(c, Split):
            return self.split(c)
        if isinstance(c, (Rename, Retype)):
            entity = self.find(c.entity)
            if entity is None:
                return f"no entity named {c.entity!r}"
            self._unindex(entity)
            if isinstance(c, Rename):
                entity.label = c.label
            else:
                entity.type = EntityType(c.type)
            self._index(entity)
            return None
        if isinstance(c, NotEntity):
            return self.not_entity(c)
        return self.speaker(c)

    def merge(self, c: Merge) -> str | None:
        found = [(name, self.find(name)) for name in c.entities]
        missing = [name for name, e in found if e is None]
        entities = list({e.id: e for _, e in found if e is not None}.values())
        if len(entities) < 2 and missing:
            return "no entity named " + ", ".join(map(repr, missing))
        keep, *others = entities
        for other in others:
            self._unindex(other)
            self.move(self.members.pop(other.id, []), keep)
            keep.wikidata = keep.wikidata or other.wikidata
            del self.entities[other.id]
        self.recount(keep)
        return None

    def split(self, c: Split) -> str | None:
        source = self.find(c.source or c.alias)
        if source is None:
            return f"no entity named {c.source or c.alias!r}"
        moving = self.named(source, c.alias)
        if not moving:
            return f"{source.label!r} has no mention written {c.alias!r}"
        label = c.target or c.alias
        target = self.find(label) if c.target else None
        if target is source:
            return f"{c.alias!r} is already {source.label!r}"
        if target is None:
            target = self.new_entity(label, c.type or source.type)
        else:
            self._unindex(target)
        for doc, i in moving:
            self.assignments[doc][i] = None
        self.move(moving, target)
        self.recount(source)
        self.recount(target)
        if source.id in self.entities and source.wikidata is None and fold(source.label) == fold(c.alias):
            # its own name was split off: it takes the commonest name it has left
            self._unindex(source)
            counts = Counter(self.mention(doc, i).name for doc, i in self.members[source.id])
            source.label = max(sorted(counts), key=lambda n: (counts[n], len(n)))
            self._index(source)
        return None

    def not_entity(self, c: NotEntity) -> str | None:
        entity = self.find(c.name)
        if entity is None:
            return f"no entity named {c.name!r}"
        if fold(entity.label) == fold(c.name):
            self._unindex(entity)
            self.move(self.members.pop(entity.id, []), None)
            del self.entities[entity.id]
            return None
        for holder in [self.entities[i] for i in sorted(self.names.get(fold(c.name), ()))]:
            self.move(self.named(holder, c.name), None)
            self.recount(holder)
        return None

    def speaker(self, c: Speaker) -> str | None:
        if c.doc not in self.by_doc:
            return f"no document {c.doc!r}"
        words = statement_words(c.words)
        statements = self.statements[c.doc]
        hits = [n for n, st in enumerate(statements) if statement_words(st.text)[: len(words)] == words]
        if len(hits) != 1:
            return f"{len(hits)} statements of {c.doc!r} begin {c.words!r}" + ("; give more words" if hits else "")
        statement = statements[hits[0]]
        if c.speaker is None:
            self.statements[c.doc][hits[0]] = replace(statement, speaker_mention=None, speaker_resolution=SpeakerResolution.NONE)
            return None
        entity = self.find(c.speaker)
        if entity is None:
            return f"no entity named {c.speaker!r}"
        named = [i for doc, i in self.members.get(entity.id, ()) if doc == c.doc and self.assignments[doc][i] == entity.id]
        if not named:
            return f"{entity.label!r} is not named in {c.doc!r}"

        def nearness(i: int) -> tuple:
            m = self.mention(c.doc, i)
            if not m.in_text:
                return (2, 0)  # a byline: only when the text never names the speaker
            return (0, statement.start - m.end) if m.end <= statement.start else (1, m.start - statement.start)

        index = min(named, key=nearness)
        self.statements[c.doc][hits[0]] = replace(statement, speaker_mention=index, speaker_resolution=SpeakerResolution.NAME)
        return None


__all__ = [
    "Action", "Correction", "CorrectionReport", "CorrectionsError", "Merge", "NotEntity", "Rename", "Retype",
    "Speaker", "Split", "apply_corrections", "describe", "load_corrections", "parse_corrections", "read_corrections",
    "statement_words",
]
