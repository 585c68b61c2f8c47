"""Score a built graph against the user's own annotation of their articles (``entity-graph evaluate``).

The gold file (JSON; see ``docs/gold_template.json``) lists, per document, the entities the article
names (a name, a type, optionally other names it goes by there) and its statements (the speaker's
name, or null, and the first words of what was said)::

    {"types": ["person", "organization", ...],          # optional: the types annotated
     "documents": [
       {"id": "envoy",
        "entities": [{"name": "Zamir Kabulov", "type": "person", "aliases": ["Kabulov"]}],
        "statements": [{"speaker": "Zamir Kabulov", "text": "We will not accept"}]}]}

The matching rules (README, "Measure it on your articles"):

- Only the gold's documents are scored, by id (the file stem, or the row's ``id``).
- A node and a gold entity of one document match when the node names the document (its
  ``documents``) and one of the gold's names is the node's label or one of its aliases, compared as
  resolution compares names (case, accents, dots, spaces, hyphens, a leading "the", a possessive do
  not count). A gold entity is one entity in every document where it has the same ``name``.
- Entity recall: the (document, gold entity) pairs some node matches; precision: the (document,
  node) pairs that match some gold entity, over every node of an annotated type naming the document.
- Splits: for each gold entity, the nodes it matched beyond the first; merges: for each node, the
  gold entities it matched beyond the first. Type accuracy: over the matched pairs, the node's type
  (of the node whose label is the gold's name, else the most mentioned) is the gold's.
- A statement matches a gold one of its document when the gold's words (compared without case,
  accents or punctuation) run in its text from one of its first three words; each is used once,
  in text order. Speaker accuracy: over matched statements, both have no speaker, or the speaker
  node's label or an alias is one of the gold speaker's names.

>>> graph_data = {"nodes": [{"id": "k", "label": "Zamir Kabulov", "type": "person",
...     "aliases": ["Kabulov", "Zamir Kabulov"], "documents": ["d1"], "mentions": 2}], "edges": [],
...     "graph": {"documents": [{"id": "d1"}], "statements": [
...         {"doc": "d1", "speaker": "k", "text": "We will not accept these terms", "start": 0}]}}
>>> gold = {"documents": [{"id": "d1", "entities": [{"name": "Zamir Kabulov", "type": "person"},
...     {"name": "Russia", "type": "country"}], "statements": [{"speaker": "Kabulov", "text": "we will not"}]}]}
>>> scores = evaluate(graph_data, parse_gold(gold))
>>> scores.entities.recall, scores.entities.precision, scores.speakers.accuracy
(0.5, 1.0, 1.0)
"""
from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from os import PathLike
from pathlib import Path

from .corrections import statement_words as _words
from .contract import fold
from .records import ENTITY_TYPES

WORDS_SLACK = 3  # a gold statement's words may start at any of the statement's first three words


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()

    @property
    def keys(self) -> set[str]:
        return {fold(n) for n in (self.name, *self.aliases)} - {""}


@dataclass(frozen=True)
class GoldStatement:
    speaker: str | None
    text: str


@dataclass(frozen=True)
class GoldDocument:
    id: str
    entities: tuple[GoldEntity, ...] = ()
    statements: tuple[GoldStatement, ...] = ()


@dataclass(frozen=True)
class Gold:
    documents: tuple[GoldDocument, ...]
    types: tuple[str, ...] = ENTITY_TYPES  # the entity types the annotation covers


class GoldError(ValueError):
    """A gold file that cannot be used: one line naming it and the problem."""


@dataclass
class Match:
    """Found / total for one side of a comparison, both ways."""

    gold: int = 0  # gold items
    found: int = 0  # items in the graph
    gold_matched: int = 0
    found_matched: int = 0

    @property
    def recall(self) -> float | None:
        return self.gold_matched / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.found_matched / self.found if self.found else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass(frozen=True)
class Miss:
    """One fault: ``kind`` (missed_entity, extra_entity, split, merge, wrong_type, missed_statement,
    extra_statement, wrong_speaker), the document (None for splits and merges) and what is wrong."""

    kind: str
    doc: str | None
    what: str


@dataclass
class Evaluation:
    documents: int = 0
    missing_documents: list[str] = field(default_factory=list)
    entities: Match = field(default_factory=Match)
    splits: int = 0
    merges: int = 0
    types: Accuracy = field(default_factory=Accuracy)
    statements: Match = field(default_factory=Match)
    speakers: Accuracy = field(default_factory=Accuracy)
    misses: list[Miss] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The figures (and misses) as plain data, for ``--json``."""
        return {
            "documents": self.documents,
            "missing_documents": self.missing_documents,
            "entities": {**asdict(self.entities), "precision": self.entities.precision,
                         "recall": self.entities.recall, "f1": self.entities.f1},
            "splits": self.splits,
            "merges": self.merges,
            "type_accuracy": {**asdict(self.types), "accuracy": self.types.accuracy},
            "statements": {**asdict(self.statements), "precision": self.statements.precision,
                           "recall": self.statements.recall, "f1": self.statements.f1},
            "speaker_accuracy": {**asdict(self.speakers), "accuracy": self.speakers.accuracy},
            "misses": [asdict(m) for m in self.misses],
        }

    def table(self, details: bool = False) -> str:
        """The figures as lines of text; with ``details``, one line per miss after them."""
        missing = f" ({len(self.missing_documents)} not in the graph: {', '.join(self.missing_documents)})" if self.missing_documents else ""
        lines = [
            f"documents         {self.documents} annotated{missing}",
            _match_line("entities", self.entities),
            f"splits            {self.splits}",
            f"merges            {self.merges}",
            _accuracy_line("type accuracy", self.types),
            _match_line("statements", self.statements),
            _accuracy_line("speaker accuracy", self.speakers),
        ]
        if details:
            lines += [f"{m.kind:17s} {m.doc + ': ' if m.doc else ''}{m.what}" for m in self.misses]
        return "\n".join(lines)


def _figure(value: float | None) -> str:
    return "  -  " if value is None else f"{value:.3f}"


def _match_line(name: str, m: Match) -> str:
    return (f"{name:17s} precision {_figure(m.precision)}  recall {_figure(m.recall)}  F1 {_figure(m.f1)}"
            f"   ({m.gold_matched} of {m.gold} gold found; {m.found_matched} of {m.found} found are gold)")


def _accuracy_line(name: str, a: Accuracy) -> str:
    return f"{name:17s} {_figure(a.accuracy)}  ({a.right} of {a.total})"


# --- reading -----------------------------------------------------------------------------------


def load_gold(path: str | PathLike) -> Gold:
    """Read a gold file; :class:`GoldError` naming it and the problem when it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldError(f"{path}: not valid JSON ({exc})") from None
    return parse_gold(data, source=str(path))


def parse_gold(data: object, source: str = "gold") -> Gold:
    """The gold annotation in ``data`` (see the module's documentation for the format)."""

    def fail(message: str) -> GoldError:
        return GoldError(f"{source}: {message}")

    if not isinstance(data, dict) or not isinstance(data.get("documents"), list):
        raise fail('expected {"documents": [...]}')
    types = data.get("types", list(ENTITY_TYPES))
    if not isinstance(types, list) or not set(types) <= set(ENTITY_TYPES):
        raise fail(f"types must be a list of {', '.join(ENTITY_TYPES)}")
    documents, seen = [], set()
    for n, doc in enumerate(data["documents"], 1):
        where = f"document {n}"
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not doc["id"]:
            raise fail(f"{where} needs an id")
        where = f"document {doc['id']!r}"
        if doc["id"] in seen:
            raise fail(f"{where} is listed twice")
        seen.add(doc["id"])
        entities, statements = [], []
        for e in _items(doc, "entities", where, fail):
            name, type_ = e.get("name"), e.get("type")
            aliases = e.get("aliases", [])
            if not isinstance(name, str) or not fold(name):
                raise fail(f"{where}: an entity without a name: {e!r}")
            if type_ not in ENTITY_TYPES:
                raise fail(f"{where}: {name!r} has type {type_!r}, not one of {', '.join(ENTITY_TYPES)}")
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise fail(f"{where}: the aliases of {name!r} must be a list of names")
            entities.append(GoldEntity(name, type_, tuple(aliases)))
        for s in _items(doc, "statements", where, fail):
            speaker, text = s.get("speaker"), s.get("text")
            if "speaker" not in s or not (speaker is None or isinstance(speaker, str) and fold(speaker)):
                raise fail(f"{where}: a statement needs a speaker (a name, or null): {s!r}")
            if not isinstance(text, str) or not _words(text):
                raise fail(f"{where}: a statement needs the first words of what was said as text: {s!r}")
            statements.append(GoldStatement(speaker, text))
        documents.append(GoldDocument(doc["id"], tuple(entities), tuple(statements)))
    return Gold(tuple(documents), tuple(types))


def _items(doc: dict, key: str, where: str, fail) -> list[dict]:
    items = doc.get(key, [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise fail(f"{where}: {key} must be a list of objects")
    return items


# --- scoring -----------------------------------------------------------------------------------


def evaluate(data: dict, gold: Gold) -> Evaluation:
    """Score graph.json ``data`` against ``gold``; see the module's documentation for the rules."""
    result = Evaluation(documents=len(gold.documents))
    nodes = {n["id"]: n for n in data.get("nodes", [])}
    built = {d.get("id") for d in (data.get("graph") or {}).get("documents", [])}
    built |= {d for n in nodes.values() for d in n.get("documents") or []}
    names = {i: {fold(x) for x in (n.get("label") or "", *(n.get("aliases") or []))} - {""} for i, n in nodes.items()}
    in_doc: dict[str, list[str]] = defaultdict(list)
    for i in sorted(nodes):
        for d in nodes[i].get("documents") or []:
            in_doc[d].append(i)
    statements_of: dict[str, list[dict]] = defaultdict(list)
    for s in (data.get("graph") or {}).get("statements", []):
        statements_of[s.get("doc")].append(s)

    gold_nodes: dict[str, set[str]] = defaultdict(set)  # gold entity (folded name) -> nodes it matched
    node_golds: dict[str, set[str]] = defaultdict(set)  # node -> gold entities it matched
    gold_names: dict[str, set[str]] = defaultdict(set)  # gold entity -> every name it goes by (folded)
    shown: dict[str, str] = {}  # gold entity -> its name as written
    for doc in gold.documents:
        for e in doc.entities:
            gold_names[fold(e.name)] |= e.keys
            shown.setdefault(fold(e.name), e.name)

    for doc in gold.documents:
        if doc.id not in built:
            result.missing_documents.append(doc.id)
        present = [i for i in in_doc.get(doc.id, []) if nodes[i].get("type") in gold.types]
        matched_nodes: set[str] = set()
        for e in doc.entities:
            result.entities.gold += 1
            hits = [i for i in in_doc.get(doc.id, []) if names[i] & e.keys]
            if not hits:
                result.misses.append(Miss("missed_entity", doc.id, f"{e.name} ({e.type})"))
                continue
            result.entities.gold_matched += 1
            matched_nodes.update(hits)
            gold_nodes[fold(e.name)].update(hits)
            for i in hits:
                node_golds[i].add(fold(e.name))
            best = min(hits, key=lambda i: (fold(nodes[i].get("label") or "") != fold(e.name), -(nodes[i].get("mentions") or 0), i))
            result.types.total += 1
            if nodes[best].get("type") == e.type:
                result.types.right += 1
            else:
                result.misses.append(Miss("wrong_type", doc.id, f"{_node(nodes, best)} is {nodes[best].get('type')}, gold {e.type}"))
        result.entities.found += len(present)
        result.entities.found_matched += len([i for i in present if i in matched_nodes])
        for i in present:
            if i not in matched_nodes:
                result.misses.append(Miss("extra_entity", doc.id, _node(nodes, i)))
        _score_statements(doc, statements_of.get(doc.id, []), nodes, names, gold_names, result)

    for key, hit in sorted(gold_nodes.items()):
        if len(hit) > 1:
            result.splits += len(hit) - 1
            result.misses.append(Miss("split", None, f"{shown[key]}: " + ", ".join(_node(nodes, i) for i in sorted(hit))))
    for i, golds in sorted(node_golds.items()):
        if len(golds) > 1:
            result.merges += len(golds) - 1
            result.misses.append(Miss("merge", None, f"{_node(nodes, i)}: " + ", ".join(shown[k] for k in sorted(golds))))
    return result


def _score_statements(doc: GoldDocument, found: list[dict], nodes: dict, names: dict, gold_names: dict, result: Evaluation) -> None:
    found = sorted(found, key=lambda s: (s.get("start") or 0, str(s.get("id"))))
    words = [_words(s.get("text") or "") for s in found]
    used: set[int] = set()
    result.statements.gold += len(doc.statements)
    result.statements.found += len(found)
    for g in doc.statements:
        wanted = _words(g.text)
        hit = next((n for n, w in enumerate(words) if n not in used and _begins(w, wanted)), None)
        if hit is None:
            result.misses.append(Miss("missed_statement", doc.id, f"{_quote(g.text)} ({g.speaker or 'no speaker'})"))
            continue
        used.add(hit)
        result.statements.gold_matched += 1
        result.statements.found_matched += 1
        speaker = found[hit].get("speaker")
        result.speakers.total += 1
        if g.speaker is None:
            right = speaker is None
        else:
            right = speaker in names and bool(names[speaker] & _names_of(g.speaker, gold_names))
        if right:
            result.speakers.right += 1
        else:
            said_by = _node(nodes, speaker) if speaker is not None else "no speaker"
            result.misses.append(Miss("wrong_speaker", doc.id, f"{_quote(g.text)} by {said_by}, gold {g.speaker or 'no speaker'}"))
    for n, s in enumerate(found):
        if n not in used:
            result.misses.append(Miss("extra_statement", doc.id, _quote(s.get("text") or "")))


def _names_of(name: str, gold_names: dict[str, set[str]]) -> set[str]:
    """Every name of the gold entity called ``name`` (by its name or an alias), folded."""
    key = fold(name)
    return set().union({key}, *(keys for keys in gold_names.values() if key in keys))


def _begins(words: list[str], wanted: list[str]) -> bool:
    """``wanted`` runs in ``words`` from one of its first :data:`WORDS_SLACK` words."""
    return any(words[k : k + len(wanted)] == wanted for k in range(min(WORDS_SLACK, max(1, len(words)))))


def _node(nodes: dict, node_id: str) -> str:
    label = (nodes.get(node_id) or {}).get("label")
    return f"{label} [{node_id}]" if label and label != node_id else str(node_id)


def _quote(text: str, words: int = 8) -> str:
    parts = text.split()
    return '"' + " ".join(parts[:words]) + (" …" if len(parts) > words else "") + '"'


__all__ = ["Evaluation", "Gold", "GoldError", "Miss", "evaluate", "load_gold", "parse_gold"]
