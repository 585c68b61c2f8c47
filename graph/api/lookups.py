"""Small reads of the graph that the tables, the subgraphs and :class:`~graph.api.KnowledgeGraph`
share: its documents and statements, an edge's kind, a node's label.

``G`` is always the networkx ``MultiDiGraph`` of the graph.json contract (:mod:`graph.contract`).

>>> import networkx as nx
>>> G = nx.MultiDiGraph(documents=[{"id": "d1", "title": "Talks", "date": "2021-03-01"}])
>>> G.add_edge("acme", "orla", key="attribution", weight=1)
'attribution'
>>> G.nodes["acme"]["label"] = "Acme Corporation"
>>> label(G, "acme"), label(G, "orla"), titles(G), kinds_present(G)
('Acme Corporation', 'orla', {'d1': 'Talks'}, {'attribution'})
"""
from __future__ import annotations

import networkx as nx

__all__ = ["dates", "documents", "edges_of", "kind", "kinds_present", "label", "node_label", "statements", "titles",
           "types_present"]


def documents(G: nx.MultiDiGraph) -> list[dict]:
    """The graph's document records."""
    return G.graph.get("documents") or []


def statements(G: nx.MultiDiGraph) -> list[dict]:
    """The graph's statement records."""
    return G.graph.get("statements") or []


def titles(G: nx.MultiDiGraph) -> dict:
    """Document id -> title."""
    return {d.get("id"): d.get("title") for d in documents(G)}


def dates(G: nx.MultiDiGraph) -> dict:
    """Document id -> date."""
    return {d.get("id"): d.get("date") for d in documents(G)}


def kind(key, attrs: dict) -> str:
    """An edge's kind: its ``kind`` attribute, else its key."""
    return attrs.get("kind") or str(key)


def node_label(node, attrs: dict) -> str:
    """A node's label, else its id."""
    return str(attrs.get("label") or node)


def label(G: nx.MultiDiGraph, node) -> str:
    """The label of ``node``; a node not in ``G`` shows as its id."""
    if node in G:
        return node_label(node, G.nodes[node])
    return str(node)


def edges_of(G: nx.MultiDiGraph, node) -> list[tuple]:
    """Every edge of ``node`` (out, then in; a loop once), with keys and data."""
    out = list(G.out_edges(node, keys=True, data=True))
    return out + [e for e in G.in_edges(node, keys=True, data=True) if e[0] != node]


def types_present(G: nx.MultiDiGraph) -> set[str]:
    """The entity types of ``G``'s nodes."""
    return {t for _, t in G.nodes(data="type") if t is not None}


def kinds_present(G: nx.MultiDiGraph) -> set[str]:
    """The kinds of ``G``'s edges."""
    return {kind(k, a) for _, _, k, a in G.edges(keys=True, data=True)}
