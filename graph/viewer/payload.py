"""From graph.json (networkx node-link data) to what the page needs.

The page draws only a few hundred entities at a time (the overview, then what the analyst expands
to), so it gets the whole graph as plain, compact data: every entity with its details and
importance measures, every relationship as ``{id, from, to, kind, weight}``, the evidence behind
each relationship and the documents. The page lays out and styles what it draws itself; pyvis
supplies vis-network's options. Everything here is plain data: the page builds its panels from it
with DOM text calls, never as HTML.
"""
from __future__ import annotations

import json
from typing import Any

import networkx as nx

from ..contract import BUILD_ID, SentenceTable, sentence_text

from ..communities import projection
from .styles import NODE_STYLES, legend

# How many entities the first view draws, most important first.
OVERVIEW_SIZE = 200
# Evidence fields the panel shows; anything else in graph.json stays out of the page.
EVIDENCE_FIELDS = ("doc", "sentence", "statement", "speaker_text", "cue", "kind", "reported_by", "role")
DOCUMENT_FIELDS = ("title", "outlet", "author", "date")
UNKNOWN_TYPE = "unknown"


def build_payload(data: dict, title: str | None = None, overview_size: int = OVERVIEW_SIZE) -> dict[str, Any]:
    """Everything the page embeds, as one JSON-ready dict with a deterministic order. Its
    ``details`` go into a block of their own, which the page parses after its first drawing.

    ``data`` is graph.json in the current file form (as :func:`graph.contract.validate` returns it)."""
    graph_attrs = data.get("graph") or {}
    raw_nodes = sorted(data.get("nodes") or [], key=lambda n: str(n["id"]))
    node_ids = {str(n["id"]) for n in raw_nodes}
    raw_edges = _sorted_edges(data)
    edges = [{"id": f"e{index}", "from": str(e["source"]), "to": str(e["target"]), "kind": _kind(e),
              "weight": _weight(e)} for index, e in enumerate(raw_edges)]
    pagerank = _pagerank(node_ids, edges)
    sentences = SentenceTable()  # renumbered in the page's own order: the same page whatever the input order
    return {
        "title": title or graph_attrs.get("title") or "Entity graph",
        "overviewSize": max(1, int(overview_size)),
        "legend": legend(sorted({_type(n) for n in raw_nodes} & set(NODE_STYLES)), sorted({e["kind"] for e in edges})),
        "maxWeight": max((e["weight"] for e in edges), default=1),
        "options": _vis_options(),
        "edges": edges,
        "entities": {str(n["id"]): _entity_details(n, pagerank) for n in raw_nodes},
        "buildId": graph_attrs.get(BUILD_ID),
        "documents": {str(d["id"]): _pick(d, DOCUMENT_FIELDS) for d in graph_attrs.get("documents") or []},
        # Read by the page after its first drawing: the bulk of the bytes, needed only in the panel.
        "details": {
            "relations": {edge["id"]: _relation_details(raw, data, sentences) for edge, raw in zip(edges, raw_edges)},
            # Evidence refers to its sentence by index, as in graph.json: each text is embedded once.
            "sentences": sentences.texts,
            "entityDocuments": {str(n["id"]): sorted({str(d) for d in n.get("documents") or []}) for n in raw_nodes},
        },
    }


def _sorted_edges(data: dict) -> list[dict]:
    """The edges, sorted so that edge ids do not depend on input order (the contract's check has
    already refused an edge to a missing node and read old files' ``links``)."""
    return sorted(data.get("edges") or [], key=lambda e: (str(e["source"]), str(e["target"]), _kind(e), str(e.get("key", ""))))


def _pagerank(node_ids: set[str], edges: list[dict]) -> dict[str, float]:
    """Weighted PageRank on the one-link-per-pair projection (as ``kg.top(by="pagerank")``)."""
    G = nx.MultiDiGraph()
    G.add_nodes_from(sorted(node_ids))
    G.add_edges_from((e["from"], e["to"], {"weight": e["weight"]}) for e in edges)
    H = projection(G)
    return nx.pagerank(H, weight="weight") if H.number_of_edges() else {}


def _vis_options() -> dict:
    """vis-network's options: pyvis's for what it has an API for, the rest added here. The page
    places every node itself, so physics is off until the reader switches it on."""
    # Imported here: pyvis pulls in IPython, which the CLI should not pay for unless it renders.
    from pyvis.network import Network

    net = Network(directed=True)
    net.toggle_physics(False)
    net.inherit_edge_colors(False)
    net.options.edges.smooth.enabled = False  # straight edges: far faster
    net.toggle_hide_edges_on_drag(False)
    net.toggle_drag_nodes(True)
    options = json.loads(net.get_network_data()[-1])
    options.pop("configure", None)  # pyvis's option editor UI; ours is the filter panel
    options["nodes"] = {
        "borderWidth": 1.5,
        "borderWidthSelected": 3,
        # a selected node's label stays as it is (vis would make it bold, wider than laid out for)
        "chosen": {"node": True, "label": False},
        "color": {"highlight": {"border": "#1b1b1b"}, "hover": {"border": "#1b1b1b"}},
        "font": {"face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "color": "#1f2430",
                 "strokeWidth": 3, "strokeColor": "#ffffff"},
    }
    options["edges"].update({
        "selectionWidth": 2,
        "hoverWidth": 1.5,
        "arrows": {"to": {"scaleFactor": 0.6}},
        "arrowStrikethrough": False,
    })
    options["interaction"].update({"hover": True, "tooltipDelay": 150, "multiselect": False,
                                   "navigationButtons": False, "keyboard": {"enabled": False}})
    options["layout"] = {"improvedLayout": False, "randomSeed": 1}
    options["physics"].update({
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120, "springConstant": 0.04,
                             "avoidOverlap": 0.4},
        # when the physics switch is turned on; each iteration costs O(n log n + edges)
        "stabilization": {"enabled": True, "iterations": 150, "updateInterval": 50, "fit": False},
    })
    return options


def _entity_details(node: dict, pagerank: dict[str, float]) -> dict:
    label = str(node.get("label") or node["id"])
    aliases = sorted({str(a) for a in node.get("aliases") or [] if str(a) and str(a) != label})
    community = node.get("community")
    return {
        "label": label,
        "type": _type(node),
        "aliases": aliases,
        "wikidata": node.get("wikidata") or None,
        "mentions": int(node.get("mentions") or 0),
        "statements": int(node.get("statements") or 0),
        "pagerank": round(pagerank.get(str(node["id"]), 0.0), 9),
        "community": community if isinstance(community, int) and not isinstance(community, bool) else None,
    }


def _relation_details(edge: dict, data: dict, sentences: SentenceTable) -> dict:
    return {
        "kind": _kind(edge),
        "weight": _weight(edge),
        "documents": sorted({str(d) for d in edge.get("documents") or []}),
        "evidence": [{**_pick(item, EVIDENCE_FIELDS), "sentence": sentences.number(sentence_text(data, item))}
                     for item in edge.get("evidence") or []],
    }


def _pick(record: dict, fields: tuple[str, ...]) -> dict:
    return {f: record[f] for f in fields if record.get(f) is not None}


def _type(node: dict) -> str:
    """One of the contract's six types; anything else (a missing or stray type) is "unknown",
    which the page draws in grey and the legend never lists."""
    value = str(node.get("type") or "")
    return value if value in NODE_STYLES else UNKNOWN_TYPE


def _kind(edge: dict) -> str:
    return str(edge.get("kind") or "unknown")


def _weight(edge: dict) -> int:
    return max(1, int(edge.get("weight") or len(edge.get("evidence") or []) or 1))
