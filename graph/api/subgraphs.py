"""Narrowing a graph: the entities and relationships that pass some conditions, and the new graph
they make, with the statements and documents that still belong to it.

Plain functions of the networkx graph ``G`` (the graph.json contract); they never change ``G``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph(documents=[{"id": "d1"}, {"id": "d2"}], statements=[])
>>> G.add_node("orla", type="person", documents=["d1", "d2"])
>>> G.add_node("acme", type="organization", documents=["d1"])
>>> G.add_node("vesk", type="organization", documents=["d2"])
>>> G.add_edge("orla", "acme", key="co_mention", documents=["d1"], evidence=[{"doc": "d1"}], weight=1)
'co_mention'
>>> G.add_edge("orla", "vesk", key="co_mention", documents=["d2"], evidence=[{"doc": "d2"}], weight=1)
'co_mention'
>>> nodes, edges = filtered(G, docs={"d2"})
>>> H = derive(G, nodes, edges, {"d2"})
>>> sorted(H.nodes), [d["id"] for d in H.graph["documents"]], H.nodes["orla"]["documents"]
(['orla', 'vesk'], ['d2'], ['d2'])
"""
from __future__ import annotations

import copy

import networkx as nx

from ..contract import edge_weight
from ..periods import stamp_seen
from .lookups import documents, kind, statements

__all__ = ["derive", "edge_in_documents", "edges_among", "filtered"]


def edges_among(G: nx.MultiDiGraph, nodes: set) -> list[tuple]:
    """Every edge (with key and data) whose ends are both in ``nodes``."""
    return [(u, v, k, a) for u, v, k, a in G.edges(keys=True, data=True) if u in nodes and v in nodes]


def filtered(
    G: nx.MultiDiGraph,
    *,
    types: set[str] | None = None,
    kinds: set[str] | None = None,
    min_weight: float | None = None,
    docs: set[str] | None = None,
    keep_isolated: bool = False,
) -> tuple[set, list[tuple]]:
    """The nodes and edges that pass every condition given (None: no condition); see
    :meth:`graph.api.KnowledgeGraph.filter`. An edge kept for ``docs`` has only their evidence."""
    nodes = {
        n for n, a in G.nodes(data=True)
        if (types is None or a.get("type") in types)
        and (docs is None or docs & set(a.get("documents") or []))
    }
    edges = []
    for u, v, k, a in G.edges(keys=True, data=True):
        if u not in nodes or v not in nodes or (kinds is not None and kind(k, a) not in kinds):
            continue
        if docs is not None:
            a = edge_in_documents(a, docs)
            if a is None:
                continue
        if min_weight is None or a.get("weight", 1) >= min_weight:
            edges.append((u, v, k, a))
    if not keep_isolated:
        nodes = {n for u, v, _, _ in edges for n in (u, v)}
    return nodes, edges


def derive(G: nx.MultiDiGraph, nodes: set, edges: list[tuple], docs: set[str] | None = None) -> nx.MultiDiGraph:
    """A new graph of ``nodes`` and ``edges`` (attributes copied), with the statements and
    documents that still belong to it; with ``docs``, only what those documents say."""
    kept = [
        copy.deepcopy(s) for s in statements(G)
        if (docs is None or s.get("doc") in docs)
        and (s.get("speaker") in nodes
             or (s.get("speaker") is None and any(m in nodes for m in s.get("mentions") or [])))
    ]
    H = nx.MultiDiGraph()
    for n in sorted(nodes, key=str):
        attrs = copy.deepcopy(G.nodes[n])
        if docs is not None:
            attrs["documents"] = [d for d in attrs.get("documents") or [] if d in docs]
            if "document_mentions" in attrs:
                attrs["document_mentions"] = {d: n for d, n in attrs["document_mentions"].items() if d in docs}
            attrs["statements"] = sum(1 for s in kept if s.get("speaker") == n)
        H.add_node(n, **attrs)
    for u, v, k, a in sorted(edges, key=lambda e: (str(e[0]), str(e[1]), str(e[2]))):
        H.add_edge(u, v, key=k, **copy.deepcopy(a))
    used = {s.get("doc") for s in kept}
    used |= {d for _, a in H.nodes(data=True) for d in a.get("documents") or []}
    used |= {d for _, _, a in H.edges(data=True) for d in a.get("documents") or []}
    H.graph = {key: copy.deepcopy(value) for key, value in G.graph.items() if key not in ("documents", "statements")}
    H.graph["documents"] = [copy.deepcopy(d) for d in documents(G) if d.get("id") in used]
    H.graph["statements"] = kept
    if docs is not None:
        stamp_seen(H)  # the first and last days within these documents
    return H


def edge_in_documents(attrs: dict, docs: set[str]) -> dict | None:
    """The edge's attributes with only the evidence from ``docs``; None when nothing is left."""
    attrs = dict(attrs)
    evidence = attrs.get("evidence")
    if evidence:
        kept = [ev for ev in evidence if ev.get("doc") in docs]
        if not kept:
            return None
        attrs["evidence"] = kept
        attrs["weight"] = edge_weight(kept)
        attrs["documents"] = sorted({ev.get("doc") for ev in kept})
        return attrs
    kept_documents = [d for d in attrs.get("documents") or [] if d in docs]
    if not kept_documents:
        return None
    attrs["documents"] = kept_documents
    return attrs
