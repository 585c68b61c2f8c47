"""From graph.json (networkx node-link data) to what the page needs.

pyvis builds the vis-network node and edge records and the network options; this module adds
what pyvis has no notion of — the entity details, the evidence behind each relationship and the
documents — which the page shows in its side panel. Everything here is plain data: the page
builds its panels from it with DOM text calls, never as HTML.
"""
from __future__ import annotations

import json
import math
from collections import defaultdict
from functools import lru_cache
from typing import Any

from ..contract import BUILD_ID, SentenceTable, sentence_text
from .layout import layout_positions
from .styles import edge_style, legend, node_style

# Above this many edges vis-network pans smoothly only if it skips edges while dragging.
LARGE_GRAPH_EDGES = 3000
# Up to this size the browser refines the Python layout with a few hundred physics iterations
# before the first drawing (~0.2 s for a hundred nodes; it spreads a dense core far better than
# networkx's spring layout), then freezes it. Bigger graphs are drawn as laid out in Python.
SETTLE_IN_BROWSER_NODES = 300
SETTLE_ITERATIONS = 200
# Evidence fields the panel shows; anything else in graph.json stays out of the page.
EVIDENCE_FIELDS = ("doc", "sentence", "statement", "speaker_text", "cue", "kind", "reported_by", "role")
DOCUMENT_FIELDS = ("title", "outlet", "author", "date")
PARALLEL_EDGE_BEND = 0.18


def build_payload(data: dict, title: str | None = None) -> dict[str, Any]:
    """Everything the page embeds, as one JSON-ready dict with a deterministic order.

    ``data`` is graph.json in the current file form (as :func:`graph.contract.validate` returns it)."""
    graph_attrs = data.get("graph") or {}
    raw_nodes = sorted(data.get("nodes") or [], key=lambda n: str(n["id"]))
    node_ids = {str(n["id"]) for n in raw_nodes}
    raw_edges = _usable_edges(data, node_ids)
    positions = layout_positions(
        [str(n["id"]) for n in raw_nodes],
        [(str(e["source"]), str(e["target"]), _weight(e)) for e in raw_edges],
    )
    vis_nodes, vis_edges, options = _vis_network(raw_nodes, raw_edges, positions)
    sentences = SentenceTable()  # renumbered in the page's own order: the same page whatever the input order
    return {
        "title": title or graph_attrs.get("title") or "Entity graph",
        "legend": legend(sorted({_type(n) for n in raw_nodes}), sorted({_kind(e) for e in raw_edges})),
        "maxWeight": max((_weight(e) for e in raw_edges), default=1),
        "options": options,
        "nodes": vis_nodes,
        "edges": vis_edges,
        "entities": {str(n["id"]): _entity_details(n) for n in raw_nodes},
        "relations": {edge["id"]: _relation_details(raw, data, sentences) for edge, raw in zip(vis_edges, raw_edges)},
        "documents": {str(d["id"]): _pick(d, DOCUMENT_FIELDS) for d in graph_attrs.get("documents") or []},
        # Evidence refers to its sentence by index here, as in graph.json: each text is embedded once.
        "sentences": sentences.texts,
        "buildId": graph_attrs.get(BUILD_ID),
        "skippedEdges": len(data.get("edges") or data.get("links") or []) - len(raw_edges),
    }


def _usable_edges(data: dict, node_ids: set[str]) -> list[dict]:
    """Edges whose two ends are nodes, sorted so that edge ids do not depend on input order.
    networkx writes ``edges`` since 3.4 and ``links`` before; both are read."""
    edges = data.get("edges") or data.get("links") or []
    usable = [e for e in edges if str(e["source"]) in node_ids and str(e["target"]) in node_ids]
    return sorted(usable, key=lambda e: (str(e["source"]), str(e["target"]), _kind(e), str(e.get("key", ""))))


def _vis_network(raw_nodes: list[dict], raw_edges: list[dict], positions: dict) -> tuple[list, list, dict]:
    # Imported here: pyvis pulls in IPython, which the CLI should not pay for unless it renders.
    from pyvis.network import Network

    net = Network(directed=True)
    for node in raw_nodes:
        _add_vis_node(net, node, positions[str(node["id"])])
    bends = _parallel_edge_bends(raw_edges)
    for index, edge in enumerate(raw_edges):
        _add_vis_edge(net, edge, f"e{index}", bends[index])
    large = len(raw_edges) > LARGE_GRAPH_EDGES
    settle = len(raw_nodes) <= SETTLE_IN_BROWSER_NODES and not large
    _configure(net, large=large, settle=settle)
    nodes, edges, _heading, _height, _width, options_json = net.get_network_data()
    return nodes, edges, _with_viewer_options(options_json, large=large, settle=settle)


def _add_vis_node(net, node: dict, position: tuple[float, float]) -> None:
    style = node_style(_type(node))
    _add_node(
        net,
        str(node["id"]),
        label=str(node.get("label") or node["id"]),
        shape=style.shape,
        color={"background": style.color, "border": _darker(style.color),
               "highlight": {"background": style.color, "border": "#1b1b1b"},
               "hover": {"background": style.color, "border": "#1b1b1b"}},
        value=max(1, int(node.get("mentions") or 1)),
        x=position[0],
        y=position[1],
        type=_type(node),  # read by the page's type filter; vis ignores unknown fields
    )


def _add_vis_edge(net, edge: dict, edge_id: str, bend: float) -> None:
    style = edge_style(_kind(edge))
    weight = _weight(edge)
    # Straight (the global default) unless two relationships join the same pair; then each bends
    # its own way so both stay visible and clickable.
    curve = {"smooth": {"enabled": True, "type": "curvedCW", "roundness": bend}} if bend else {}
    _add_edge(
        net,
        str(edge["source"]),
        str(edge["target"]),
        id=edge_id,
        arrows=style.arrows,
        dashes=style.dashes,
        color={"color": style.color, "highlight": _darker(style.color), "hover": _darker(style.color)},
        value=weight,
        kind=_kind(edge),
        weight=weight,
        **curve,
    )


def _add_node(net, n_id: str, label: str, shape: str, **options: Any) -> None:
    """``net.add_node`` in constant time: the same record, from pyvis's own ``Node``.

    pyvis 0.3.2 checks for a duplicate id with ``n_id not in self.node_ids``, a list, which makes
    adding n nodes O(n²); its ``node_map`` is the same set of ids as a dict, so it is used instead."""
    from pyvis.node import Node

    if n_id in net.node_map:  # pyvis keeps the first of two nodes with one id
        return
    record = Node(n_id, shape, label=label or n_id, font_color=net.font_color, **options).options
    net.nodes.append(record)
    net.node_ids.append(n_id)
    net.node_map[n_id] = record


def _add_edge(net, source: str, to: str, **options: Any) -> None:
    """``net.add_edge`` for a directed network in constant time: the same record, from pyvis's own ``Edge``.

    pyvis 0.3.2 checks that both ends exist with ``source in self.get_nodes()``, a scan of the node
    list for every edge (O(edges × nodes)); a look-up in ``node_map`` answers the same."""
    from pyvis.edge import Edge

    assert net.directed, "pyvis drops a duplicate edge of an undirected network; this does not"
    for end in (source, to):
        if end not in net.node_map:
            raise ValueError(f"non existent node {end!r}")
    net.edges.append(Edge(source, to, net.directed, **options).options)


def _parallel_edge_bends(raw_edges: list[dict]) -> list[float]:
    seen_per_pair: dict[tuple[str, str], int] = defaultdict(int)
    bends = []
    for edge in raw_edges:
        source, target = str(edge["source"]), str(edge["target"])
        pair = (source, target) if source <= target else (target, source)
        rank = seen_per_pair[pair]
        seen_per_pair[pair] += 1
        # 0, +b, -b, +2b, ... ; the sign flips with direction for curvedCW, which is fine
        bends.append(round(PARALLEL_EDGE_BEND * math.ceil(rank / 2) * (1 if rank % 2 else -1), 3) if rank else 0.0)
    return bends


def _configure(net, *, large: bool, settle: bool) -> None:
    """The options pyvis has an API for."""
    net.toggle_physics(settle)  # the page turns it off once settled; it has a physics switch
    net.inherit_edge_colors(False)
    net.options.edges.smooth.enabled = False  # straight edges unless set per edge: far faster
    net.toggle_hide_edges_on_drag(large)
    net.toggle_drag_nodes(True)


def _with_viewer_options(options_json: str, *, large: bool, settle: bool) -> dict:
    """Add the options pyvis has no API for (size scaling, fonts, hover, solver settings)."""
    options = json.loads(options_json)
    options.pop("configure", None)  # pyvis's option editor UI; ours is the filter panel
    options["nodes"] = {
        "borderWidth": 1.5,
        "borderWidthSelected": 3,
        "font": {"face": "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", "color": "#1f2430",
                 "strokeWidth": 3, "strokeColor": "#ffffff"},
        "scaling": {"min": 10, "max": 32,
                    # labels follow node size; the small ones disappear when zoomed out
                    "label": {"enabled": True, "min": 14, "max": 30, "maxVisible": 30, "drawThreshold": 6}},
    }
    options["edges"].update({
        "scaling": {"min": 1, "max": 9, "label": {"enabled": False}},
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
        "stabilization": {"enabled": True, "iterations": SETTLE_ITERATIONS if settle else 60 if large else 150,
                          "updateInterval": 50, "fit": settle},
    })
    return options


def _entity_details(node: dict) -> dict:
    label = str(node.get("label") or node["id"])
    aliases = sorted({str(a) for a in node.get("aliases") or [] if str(a) and str(a) != label})
    return {
        "label": label,
        "type": _type(node),
        "aliases": aliases,
        "wikidata": node.get("wikidata") or None,
        "mentions": int(node.get("mentions") or 0),
        "statements": int(node.get("statements") or 0),
        "documents": sorted({str(d) for d in node.get("documents") or []}),
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
    return str(node.get("type") or "unknown")


def _kind(edge: dict) -> str:
    return str(edge.get("kind") or "unknown")


def _weight(edge: dict) -> int:
    return max(1, int(edge.get("weight") or len(edge.get("evidence") or []) or 1))


@lru_cache(maxsize=None)
def _darker(hex_colour: str, factor: float = 0.72) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * factor) for c in (red, green, blue)))
