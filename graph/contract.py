"""The graph.json contract: what a node, an edge, its evidence, a sentence and a statement hold,
the weight rule, the name normaliser, and the check that a file keeps to all of it.

The file is networkx node-link JSON of a ``MultiDiGraph`` with two graph-level tables besides the
documents and statements: ``sentences``, the text of every evidence passage stored once (an
evidence item's ``sentence`` is its index there; a sentence naming fifty entities supports a
thousand edges but is written once), and ``build_id``, which ties a build's three outputs together.
In memory (``KnowledgeGraph.nx``) evidence holds the text itself: :func:`to_data` and
:func:`from_data` convert. Files written before the table (evidence with its text inline) and by
networkx before 3.4 (``links`` for ``edges``) are read as well.

:func:`validate` accepts fields it does not know (later versions add them) and reports the first
thing that breaks the contract as one :class:`ContractError` naming the field:

>>> validate({"directed": True, "nodes": [{"id": 7, "label": "x", "type": "person"}], "edges": []}, "g.json")
Traceback (most recent call last):
...
graph.contract.ContractError: g.json: nodes[0].id: must be a non-empty string, not 7
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import networkx as nx

EDGE_KINDS = ("co_mention", "attribution", "reported_by", "affiliation")
# The graph-level fields this module fills in; a graph's own attributes of those names are replaced.
SENTENCES = "sentences"
BUILD_ID = "build_id"
# Counts and offsets above this are not a graph anyone built (and lose precision in JavaScript).
MAX_COUNT = 2**53 - 1
# Fields the contract does not know may hold any JSON, but not nested deeper than this: a deeper
# value would exhaust Python's recursion when copied (the API copies attributes) or written.
MAX_EXTRA_DEPTH = 32


class ContractError(ValueError):
    """A graph.json that breaks the contract; the message names the file and the field."""


# --------------------------------------------------------------------------------------------
# The rules the build and the API share
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=1 << 16)  # pure, and the build asks for the same few words again and again
def fold(text: str) -> str:
    """The key two spellings of one name share: case, accents, dots, spaces, hyphens, quotes, a
    leading "the" and a possessive do not count. The build matches names by it and the API finds
    entities by it.

    >>> fold("South Front") == fold("SouthFront") == fold("south-front")
    True
    >>> fold("Müller") == fold("Muller"), fold("U.S."), fold("The Taliban’s")
    (True, 'us', 'taliban')
    """
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['\u2019]s?$", "", text.strip())
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"[\W_]+", "", text)


def edge_weight(evidence: Iterable[dict]) -> int:
    """An edge's weight: its distinct passages, a statement counted once however many of its
    names it links.

    >>> edge_weight([{"doc": "a", "start": 0}, {"doc": "a", "start": 0}, {"doc": "b", "start": 0}])
    2
    """
    return len({(ev.get("doc"), ev.get("start"), ev.get("statement")) for ev in evidence})


# --------------------------------------------------------------------------------------------
# Graph <-> file form
# --------------------------------------------------------------------------------------------

def to_data(G: nx.MultiDiGraph) -> dict:
    """The file form of ``G`` in a stable order (the same graph gives the same data): node-link
    data whose evidence refers to ``graph.sentences`` by index, in order of first use."""
    data = nx.node_link_data(G, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    # keys are kinds (strings); a graph from elsewhere may have networkx's numbers, even both
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], type(e["key"]).__name__, e["key"]))
    graph = {k: v for k, v in data.get("graph", {}).items() if k not in (SENTENCES, BUILD_ID)}
    table = SentenceTable()
    for edge in data["edges"]:
        if "evidence" in edge:
            edge["evidence"] = [{**ev, "sentence": table.number(ev["sentence"])} if isinstance(ev.get("sentence"), str)
                                else ev for ev in edge["evidence"]]
    graph[SENTENCES] = table.texts
    data["graph"] = graph
    return data


class SentenceTable:
    """Evidence texts, each once, numbered in order of first use.

    >>> table = SentenceTable()
    >>> table.number("One."), table.number("Two."), table.number("One."), table.texts
    (0, 1, 0, ['One.', 'Two.'])
    """

    def __init__(self) -> None:
        self.texts: list[str] = []
        self._numbers: dict[str, int] = {}

    def number(self, text: str) -> int:
        number = self._numbers.get(text)
        if number is None:
            number = self._numbers[text] = len(self.texts)
            self.texts.append(text)
        return number


def from_data(data: dict) -> nx.MultiDiGraph:
    """The graph of file-form ``data`` (as :func:`validate` returns it): evidence gets its text
    back from the sentence table; the table and the build id do not stay on the graph."""
    graph = data.get("graph") or {}
    sentences = graph.get(SENTENCES) or []
    edges = []
    for edge in data.get("edges") or []:
        if edge.get("evidence"):
            edge = {**edge, "evidence": [
                {**ev, "sentence": sentences[ev["sentence"]]} if type(ev.get("sentence")) is int else ev
                for ev in edge["evidence"]
            ]}
        edges.append(edge)
    data = {**data, "edges": edges, "graph": {k: v for k, v in graph.items() if k not in (SENTENCES, BUILD_ID)}}
    return nx.node_link_graph(data, edges="edges", directed=True, multigraph=True)


def sentence_text(data: dict, evidence: dict) -> str:
    """The text of one evidence item of file-form ``data`` (as :func:`validate` returns it)."""
    return data["graph"][SENTENCES][evidence["sentence"]]


# --------------------------------------------------------------------------------------------
# Validation
# --------------------------------------------------------------------------------------------

def validate(data: Any, source: str = "graph.json") -> dict:
    """``data`` (parsed graph.json) checked against the contract, in the current file form:
    ``edges`` (not ``links``), evidence referring to ``graph.sentences``. ``source`` names the
    file in the error. Fields the contract does not know are kept as they are.

    >>> data = validate({"nodes": [], "links": []})
    >>> data["edges"], data["graph"]["sentences"]
    ([], [])
    """
    return _Validator(str(source)).graph(data)


_OPTIONAL_STR = (str, type(None))


class _Validator:
    def __init__(self, source: str):
        self.source = source

    def fail(self, where: str, problem: str) -> ContractError:
        return ContractError(f"{self.source}: {where}: {problem}" if where else f"{self.source}: {problem}")

    # ---- the parts -------------------------------------------------------------------------

    def graph(self, data: Any) -> dict:
        if not isinstance(data, dict):
            raise self.fail("", f"not a graph.json (the top level is {_kind_of(data)}, not an object)")
        if "nodes" not in data or ("edges" not in data and "links" not in data):
            raise self.fail("", "not a graph.json (no nodes and edges)")
        data = dict(data)
        if "edges" not in data:
            data["edges"] = data.pop("links")
        if data.get("directed", True) is not True:
            raise self.fail("directed", "an entity graph is directed (true), not " + _show(data.get("directed")))
        if data.get("multigraph", True) is not True:
            raise self.fail("multigraph", "an entity graph is a multigraph (true), not " + _show(data.get("multigraph")))
        graph = data.get("graph")
        graph = {} if graph is None else dict(self.mapping(graph, "graph"))
        table = SentenceTable()
        for text in self.strings(graph, SENTENCES, "graph"):
            table.texts.append(text)  # numbered as they stand, even if one repeats
        sentences = table.texts
        self.optional(graph, BUILD_ID, "graph", str)
        nodes = self.nodes(data["nodes"])
        data["edges"] = self.edges(data["edges"], nodes, table)
        for i, doc in enumerate(self.records(graph.get("documents", []), "graph.documents")):
            self.document(doc, f"graph.documents[{i}]")
        for i, st in enumerate(self.records(graph.get("statements", []), "graph.statements")):
            self.statement(st, f"graph.statements[{i}]")
        self.extras(graph, "graph", ("documents", "statements", SENTENCES, BUILD_ID))
        self.extras(data, "", ("directed", "multigraph", "graph", "nodes", "edges"))
        graph[SENTENCES] = sentences
        data["graph"] = graph
        return data

    def nodes(self, nodes: Any) -> set[str]:
        seen: set[str] = set()
        for i, node in enumerate(self.records(nodes, "nodes")):
            where = f"nodes[{i}]"
            node_id = self.required(node, "id", where, str)
            if node_id in seen:
                raise self.fail(f"{where}.id", f"{node_id!r} is the id of an earlier node too")
            seen.add(node_id)
            self.required(node, "label", where, str)
            self.required(node, "type", where, str)
            self.optional(node, "wikidata", where, _OPTIONAL_STR)
            self.strings(node, "aliases", where)
            self.strings(node, "documents", where)
            for count in ("mentions", "statements"):
                self.count(node, count, where)
            self.extras(node, where, ("id", "label", "type", "wikidata", "aliases", "documents", "mentions", "statements"))
        return seen

    def edges(self, edges: Any, nodes: set[str], table: SentenceTable) -> list[dict]:
        out = []
        seen: set[tuple] = set()
        for i, edge in enumerate(self.records(edges, "edges")):
            where = f"edges[{i}]"
            for end in ("source", "target"):
                node = self.required(edge, end, where, str)
                if node not in nodes:
                    raise self.fail(f"{where}.{end}", f"{node!r} is not a node")
            kind = edge.get("kind", edge.get("key"))
            if not isinstance(kind, str) or not kind:
                raise self.fail(f"{where}.kind", "must be a non-empty string, not " + _show(kind))
            if "key" not in edge:
                edge = {**edge, "key": kind}  # the key is the kind
            key = edge["key"]
            if type(key) not in (str, int):  # networkx's own keys are 0, 1, ...
                raise self.fail(f"{where}.key", f"must be a string or a whole number, not {_show(key)}")
            if (edge["source"], edge["target"], key) in seen:
                raise self.fail(f"{where}.key", f"a second {edge['source']!r} -> {edge['target']!r} edge keyed {key!r}")
            seen.add((edge["source"], edge["target"], key))
            weight = edge.get("weight", 1)
            if type(weight) is not int or not 1 <= weight <= MAX_COUNT:
                raise self.fail(f"{where}.weight", "must be a whole number from 1 to 2^53, not " + _show(weight))
            self.strings(edge, "documents", where)
            if "evidence" in edge:
                edge = {**edge, "evidence": [self.evidence(ev, f"{where}.evidence[{j}]", table)
                                             for j, ev in enumerate(self.records(edge["evidence"], f"{where}.evidence"))]}
            self.extras(edge, where, ("source", "target", "kind", "key", "weight", "documents", "evidence"))
            out.append(edge)
        return out

    def evidence(self, ev: dict, where: str, table: SentenceTable) -> dict:
        self.required(ev, "doc", where, str)
        sentence = ev.get("sentence")
        if isinstance(sentence, str):  # a file from before the sentence table
            ev = {**ev, "sentence": table.number(sentence)}
        elif type(sentence) is not int or not 0 <= sentence < len(table.texts):
            raise self.fail(f"{where}.sentence", f"must be an index into graph.{SENTENCES} "
                            f"(0 to {len(table.texts) - 1}), not {_show(sentence)}")
        start, end = self.count(ev, "start", where), self.count(ev, "end", where)
        if start is not None and end is not None and end < start:
            raise self.fail(f"{where}.end", f"{end} is before start {start}")
        for name in ("statement", "cue", "kind", "reported_by", "role"):
            self.optional(ev, name, where, _OPTIONAL_STR)
        self.extras(ev, where, ("doc", "sentence", "start", "end", "statement", "cue", "kind", "reported_by", "role"))
        return ev

    def document(self, doc: dict, where: str) -> None:
        self.required(doc, "id", where, str)
        fields = ("title", "outlet", "author", "date", "url", "path")
        for name in fields:
            self.optional(doc, name, where, _OPTIONAL_STR)
        self.extras(doc, where, ("id", *fields))

    def statement(self, st: dict, where: str) -> None:
        for name in ("id", "doc", "text"):
            self.required(st, name, where, str)
        fields = ("speaker", "cue", "kind", "reported_by", "resolution")
        for name in fields:
            self.optional(st, name, where, _OPTIONAL_STR)
        self.strings(st, "mentions", where)
        self.count(st, "start", where)
        self.count(st, "end", where)
        self.extras(st, where, ("id", "doc", "text", "mentions", "start", "end", *fields))

    # ---- the checks ------------------------------------------------------------------------

    def records(self, value: Any, where: str) -> list[dict]:
        """A list of objects."""
        if not isinstance(value, list):
            raise self.fail(where, f"must be a list, not {_kind_of(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{where}[{i}]", f"must be an object, not {_kind_of(item)}")
        return value

    def mapping(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, f"must be an object, not {_kind_of(value)}")
        return value

    def strings(self, record: dict, name: str, where: str) -> list[str]:
        """The list of strings ``record[name]`` (absent: none)."""
        if name not in record:
            return []
        value, where = record[name], f"{where}.{name}"
        if not isinstance(value, list):
            raise self.fail(where, f"must be a list of strings, not {_kind_of(value)}")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise self.fail(f"{where}[{i}]", f"must be a string, not {_show(item)}")
        return value

    def required(self, record: dict, name: str, where: str, kind: type) -> Any:
        if name not in record:
            raise self.fail(where, f"has no {name!r}")
        value = record[name]
        if not isinstance(value, kind) or value == "":
            raise self.fail(f"{where}.{name}", f"must be a non-empty string, not {_show(value)}")
        return value

    def optional(self, record: dict, name: str, where: str, kinds: type | tuple) -> None:
        value = record.get(name)
        if value is not None and not isinstance(value, kinds):
            raise self.fail(f"{where}.{name}", f"must be a string or null, not {_show(value)}")

    def count(self, record: dict, name: str, where: str) -> int | None:
        """The whole number ``record[name]`` (absent: None)."""
        if name not in record:
            return None
        value = record[name]
        if type(value) is not int or not 0 <= value <= MAX_COUNT:
            raise self.fail(f"{where}.{name}", f"must be a whole number from 0 to 2^53, not {_show(value)}")
        return value

    def extras(self, record: dict, where: str, known: tuple[str, ...]) -> None:
        """Fields the contract does not know are welcome, as long as they are not absurdly deep."""
        for name, value in record.items():
            if name not in known and isinstance(value, (list, dict)) and _depth(value) > MAX_EXTRA_DEPTH:
                raise self.fail(f"{where}.{name}" if where else name, f"nested deeper than {MAX_EXTRA_DEPTH} levels")


def _depth(value: Any) -> int:
    """How deeply lists and objects nest in ``value`` (without recursion: it may be very deep)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (list, dict)):
            deepest = max(deepest, depth)
            if deepest > MAX_EXTRA_DEPTH:
                return deepest
            stack.extend((child, depth + 1) for child in (item.values() if isinstance(item, dict) else item))
    return deepest


def _kind_of(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number",
            float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def _show(value: Any) -> str:
    """A value for a message: short, on one line."""
    if isinstance(value, (dict, list)):
        return _kind_of(value)
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
