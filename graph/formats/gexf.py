"""``gexf``: the graph as GEXF 1.3 for Gephi, dynamic: every entity and relationship has one spell
per day it was seen (the dates of its documents and evidence), so Gephi's timeline plays the
graph. Entities and relationships with no dated evidence have no spells: Gephi shows them always.

List attributes (documents, aliases) are joined as text, since networkx's writer reads a list as
a time series; the evidence sentences are one text attribute, as in GraphML. The file carries no
build-day stamp: the same graph gives the same bytes.
"""
from __future__ import annotations

import io

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter

from ..periods import document_dates
from ._common import joined

GEXF_VERSION = "1.3"
_NODE_ATTRIBUTES = ("type", "mentions", "statements", "wikidata", "first_seen", "last_seen")
_EDGE_ATTRIBUTES = ("kind", "first_seen", "last_seen")


def gexf_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph the GEXF file holds: scalar attributes, spells from the dates, an id per edge."""
    date_of = document_dates(G)
    H = nx.MultiDiGraph()
    for node, attrs in sorted(G.nodes(data=True), key=lambda n: str(n[0])):
        data = {"label": str(attrs.get("label") or node)}
        data.update((k, attrs[k]) for k in _NODE_ATTRIBUTES if attrs.get(k) is not None)
        data["documents"] = joined(attrs.get("documents"))
        data["aliases"] = joined(attrs.get("aliases"))
        _add_spells(data, (date_of.get(d) for d in attrs.get("documents") or []))
        H.add_node(node, **data)
    for u, v, k, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: tuple(map(str, e[:3]))):
        kind = str(attrs.get("kind", k))
        evidence = attrs.get("evidence") or []
        data = {"id": f"{u}|{v}|{kind}", "label": kind, "weight": attrs.get("weight", 1)}
        data.update((name, attrs[name]) for name in _EDGE_ATTRIBUTES if attrs.get(name) is not None)
        data["documents"] = joined(attrs.get("documents"))
        data["evidence"] = "\n".join(ev.get("sentence", "") for ev in evidence)
        _add_spells(data, (ev.get("date") or date_of.get(ev.get("doc")) for ev in evidence))
        H.add_edge(u, v, key=kind, **data)
    return H


def _add_spells(data: dict, dates) -> None:
    days = sorted({d for d in dates if d})
    if days:
        data["spells"] = [(day, day) for day in days]


def dumps_gexf(G: nx.MultiDiGraph) -> bytes:
    """GEXF 1.3 bytes of :func:`gexf_graph` of ``G``, written by networkx without its
    ``lastmodifieddate`` (the day of the build)."""
    writer = GEXFWriter(version=GEXF_VERSION)
    meta = writer.xml.find("meta")
    meta.attrib.pop("lastmodifieddate", None)
    meta.find("creator").text = "entity-graph"
    writer.add_graph(gexf_graph(G))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
