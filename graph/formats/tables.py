"""``csv``: the graph as four plain tables for spreadsheets and pandas.

``nodes.csv`` (one row per entity), ``edges.csv`` (one row per relationship: source, target, kind),
``statements.csv`` and ``documents.csv``; list values (documents, aliases, named entities) are
joined with ``"; "``. ``pandas.read_csv("edges.csv")`` gives the relationships table.
"""
from __future__ import annotations

import networkx as nx

from ._common import csv_bytes, joined

NODE_COLUMNS = ["id", "label", "type", "mentions", "statements", "documents", "aliases", "wikidata", "first_seen", "last_seen"]
EDGE_COLUMNS = ["source", "target", "kind", "weight", "documents", "first_seen", "last_seen"]
STATEMENT_COLUMNS = ["id", "doc", "date", "speaker", "kind", "cue", "text", "reported_by", "mentions", "start", "end", "resolution"]
DOCUMENT_COLUMNS = ["id", "title", "outlet", "author", "date", "url", "path"]


def table_files(G: nx.MultiDiGraph) -> dict[str, bytes]:
    """File name -> CSV bytes for the four tables of ``G``."""
    nodes = [{"id": n, **a} for n, a in sorted(G.nodes(data=True), key=lambda n: str(n[0]))]
    edges = [{"source": u, "target": v, "kind": a.get("kind", k), **a}
             for u, v, k, a in sorted(G.edges(keys=True, data=True), key=lambda e: tuple(map(str, e[:3])))]
    statements = sorted(G.graph.get("statements", []), key=lambda s: str(s.get("id")))
    documents = sorted(G.graph.get("documents", []), key=lambda d: str(d.get("id")))
    return {
        "nodes.csv": _table(NODE_COLUMNS, nodes, list_columns={"documents", "aliases"}),
        "edges.csv": _table(EDGE_COLUMNS, edges, list_columns={"documents"}),
        "statements.csv": _table(STATEMENT_COLUMNS, statements, list_columns={"mentions"}),
        "documents.csv": _table(DOCUMENT_COLUMNS, documents, list_columns=set()),
    }


def _table(columns: list[str], records: list[dict], *, list_columns: set[str]) -> bytes:
    return csv_bytes(columns, ([joined(r.get(c)) if c in list_columns else r.get(c) for c in columns] for r in records))
