"""``neo4j``: the graph as CSV files for ``neo4j-admin database import`` and a ``load.cypher``
script that loads the same files with ``LOAD CSV`` (for users without admin access).

The model: entities, statements and documents are nodes; relationships between entities keep
their kind as the relationship type; a statement links its speaker, the entities it names, the
outlet that relayed it and its document::

    (:Entity)-[:CO_MENTION|ATTRIBUTION|REPORTED_BY|AFFILIATION]->(:Entity)
    (:Entity)-[:SAID]->(:Statement)-[:IN]->(:Document)
    (:Statement)-[:ABOUT]->(:Entity)
    (:Entity)-[:RELAYED]->(:Statement)

Headers follow the import tool's rules: ``name:type`` (``int``, ``date``, ``string[]`` with ``;``
between array items; no type is string), one ``:ID(Space)`` per node file with ``Entity``,
``Statement`` and ``Document`` id spaces (ids may repeat across them), ``:LABEL`` (``;`` between
labels), and ``:START_ID(Space)``, ``:END_ID(Space)``, ``:TYPE`` in relationship files. Import with::

    neo4j-admin database import full --multiline-fields=true \\
      --nodes=entities.csv --nodes=statements.csv --nodes=documents.csv \\
      --relationships=relationships.csv --relationships=said.csv --relationships=in.csv \\
      --relationships=about.csv --relationships=relayed.csv neo4j

Both ways give the same graph: ``load.cypher`` is generated from the same column list.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..records import ENTITY_TYPES
from ._common import csv_bytes

ARRAY_DELIMITER = ";"  # neo4j-admin's default --array-delimiter


@dataclass(frozen=True)
class Column:
    """One CSV column: its property name, its import type (``string``, ``int``, ``date``,
    ``string[]``) and how to read its value from a record."""

    name: str
    type: str
    value: Callable[[dict], Any]

    @property
    def header(self) -> str:
        return self.name if self.type == "string" else f"{self.name}:{self.type}"

    def cell(self, record: dict) -> Any:
        v = self.value(record)
        if self.type == "string[]":
            # the array delimiter may not appear inside an item
            return ARRAY_DELIMITER.join(str(x).replace(ARRAY_DELIMITER, ",") for x in v or []) or None
        return v


def _get(key: str) -> Callable[[dict], Any]:
    return lambda r: r.get(key)


def _columns(*spec: tuple[str, str]) -> list[Column]:
    return [Column(name, kind, _get(name)) for name, kind in spec]


@dataclass(frozen=True)
class NodeFile:
    file: str
    space: str  # the id space and the node label
    columns: list[Column]
    labels: Callable[[dict], list[str]]


@dataclass(frozen=True)
class RelationshipFile:
    file: str
    start: str  # id spaces
    end: str
    types: tuple[str, ...]
    columns: list[Column]


ENTITY_LABELS = {t: t.title() for t in ENTITY_TYPES}
NODE_FILES = (
    NodeFile("entities.csv", "Entity", _columns(
        ("label", "string"), ("type", "string"), ("mentions", "int"), ("statements", "int"),
        ("documents", "string[]"), ("aliases", "string[]"), ("wikidata", "string"),
        ("first_seen", "date"), ("last_seen", "date"),
    ), lambda r: ["Entity"] + ([ENTITY_LABELS[r["type"]]] if r.get("type") in ENTITY_LABELS else [])),
    NodeFile("statements.csv", "Statement", _columns(
        ("kind", "string"), ("cue", "string"), ("text", "string"), ("start", "int"), ("end", "int"),
        ("resolution", "string"), ("date", "date"),
    ), lambda r: ["Statement"]),
    NodeFile("documents.csv", "Document", _columns(
        ("title", "string"), ("outlet", "string"), ("author", "string"), ("date", "date"),
        ("url", "string"), ("path", "string"),
    ), lambda r: ["Document"]),
)
EDGE_TYPES = ("CO_MENTION", "ATTRIBUTION", "REPORTED_BY", "AFFILIATION")
RELATIONSHIP_FILES = (
    RelationshipFile("relationships.csv", "Entity", "Entity", EDGE_TYPES, _columns(
        ("weight", "int"), ("documents", "string[]"), ("first_seen", "date"), ("last_seen", "date"),
    )),
    RelationshipFile("said.csv", "Entity", "Statement", ("SAID",), []),
    RelationshipFile("in.csv", "Statement", "Document", ("IN",), []),
    RelationshipFile("about.csv", "Statement", "Entity", ("ABOUT",), []),
    RelationshipFile("relayed.csv", "Entity", "Statement", ("RELAYED",), []),
)


def neo4j_files(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """File name -> bytes: the node and relationship CSV files and ``load.cypher``."""
    entities = [{"id": n, **a} for n, a in sorted(G.nodes(data=True), key=lambda n: str(n[0]))]
    statements = sorted(G.graph.get("statements", []), key=lambda s: str(s.get("id")))
    documents = sorted(G.graph.get("documents", []), key=lambda d: str(d.get("id")))
    nodes = dict(zip((f.file for f in NODE_FILES), (entities, statements, documents)))
    known = {d.get("id") for d in documents}
    relationships = {
        "relationships.csv": [
            (u, v, str(a.get("kind", k)).upper(), a)
            for u, v, k, a in sorted(G.edges(keys=True, data=True), key=lambda e: tuple(map(str, e[:3])))
        ],
        "said.csv": [(s["speaker"], s["id"], "SAID", s) for s in statements if s.get("speaker") in G],
        "in.csv": [(s["id"], s["doc"], "IN", s) for s in statements if s.get("doc") in known],
        "about.csv": [(s["id"], m, "ABOUT", s) for s in statements for m in s.get("mentions") or [] if m in G],
        "relayed.csv": [(s["reported_by"], s["id"], "RELAYED", s) for s in statements if s.get("reported_by") in G],
    }
    files = {}
    for f in NODE_FILES:
        header = [f"id:ID({f.space})"] + [c.header for c in f.columns] + [":LABEL"]
        rows = ([r["id"]] + [c.cell(r) for c in f.columns] + [";".join(f.labels(r))] for r in nodes[f.file])
        files[f.file] = csv_bytes(header, rows)
    for f in RELATIONSHIP_FILES:
        header = [f":START_ID({f.start})", f":END_ID({f.end})", ":TYPE"] + [c.header for c in f.columns]
        rows = ([u, v, t] + [c.cell(a) for c in f.columns] for u, v, t, a in relationships[f.file])
        files[f.file] = csv_bytes(header, rows)
    files["load.cypher"] = load_cypher().encode("utf-8")
    return files


def load_cypher() -> str:
    """The ``LOAD CSV`` script: constraints, then nodes, labels by type, relationships."""
    lines = [
        "// Load entity-graph's Neo4j export with LOAD CSV (no admin access needed).",
        "// Copy the .csv files of this folder into the database's import directory, then run:",
        "//   cypher-shell -u neo4j -p PASSWORD -f load.cypher",
        "",
    ]
    for f in NODE_FILES:
        lines.append(f"CREATE CONSTRAINT {f.space.lower()}_id IF NOT EXISTS FOR (n:{f.space}) REQUIRE n.id IS UNIQUE;")
    lines.append("")
    for f in NODE_FILES:
        lines += [
            _load(f.file),
            f"MERGE (n:{f.space} {{id: row.`id:ID({f.space})`}})",
            "SET " + ",\n    ".join(f"n.{_name(c.name)} = {_value(c)}" for c in f.columns) + ";",
            "",
        ]
    for entity_type, label in ENTITY_LABELS.items():
        lines.append(f"MATCH (n:Entity) WHERE n.type = '{entity_type}' SET n:{label};")
    lines.append("")
    for f in RELATIONSHIP_FILES:
        for rel_type in f.types:
            lines.append(_load(f.file))
            if len(f.types) > 1:
                lines.append(f"WITH row WHERE row.`:TYPE` = '{rel_type}'")
            lines.append(f"MATCH (a:{f.start} {{id: row.`:START_ID({f.start})`}}), (b:{f.end} {{id: row.`:END_ID({f.end})`}})")
            if f.columns:
                lines.append(f"MERGE (a)-[r:{rel_type}]->(b)")
                lines.append("SET " + ",\n    ".join(f"r.{_name(c.name)} = {_value(c)}" for c in f.columns) + ";")
            else:
                lines.append(f"MERGE (a)-[:{rel_type}]->(b);")
            lines.append("")
    return "\n".join(lines)


def _load(file: str) -> str:
    return f"LOAD CSV WITH HEADERS FROM 'file:///{file}' AS row"


def _name(name: str) -> str:
    return f"`{name}`" if name in ("end", "start") else name


def _value(c: Column) -> str:
    field = f"row.`{c.header}`"
    return {
        "int": f"toInteger({field})",
        "date": f"date({field})",
        "string[]": f"split({field}, '{ARRAY_DELIMITER}')",
    }.get(c.type, field)
