"""How each entity type and relationship kind looks, in one place.

The page's legend, filters and the vis-network options are all built from these tables, so a new
type or kind needs one line here. Colours are the Tableau 10 palette (distinguishable in print and
by most colour-blind readers); the shapes repeat the type information for everyone else.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class NodeStyle:
    label: str
    color: str
    shape: str


@dataclass(frozen=True)
class EdgeStyle:
    label: str
    color: str
    arrows: str  # vis-network "to" or "" (no arrowhead)
    dashes: bool
    description: str


NODE_STYLES: dict[str, NodeStyle] = {
    "person": NodeStyle("Person", "#4e79a7", "dot"),
    "group": NodeStyle("Group", "#f28e2b", "triangle"),
    "organization": NodeStyle("Organisation", "#59a14f", "square"),
    "country": NodeStyle("Country", "#e15759", "diamond"),
    "alliance": NodeStyle("Alliance", "#b07aa1", "hexagon"),
    "place": NodeStyle("Place", "#9c755f", "triangleDown"),
}
# Anything the pipeline adds later still draws, in grey, until it gets its own line above.
UNKNOWN_NODE_STYLE = NodeStyle("Other", "#9d9d9d", "dot")

EDGE_STYLES: dict[str, EdgeStyle] = {
    "co_mention": EdgeStyle("Co-mention", "#b8bcc4", "", False, "named in the same sentence"),
    "attribution": EdgeStyle("Attribution", "#d1495b", "to", False, "speaker → entity they spoke about"),
    "reported_by": EdgeStyle("Relay", "#7d5ba6", "to", True, "outlet → speaker it quoted"),
    "affiliation": EdgeStyle("Affiliation", "#2a9d8f", "", True, "person → organisation or country"),
}
UNKNOWN_EDGE_STYLE = EdgeStyle("Other", "#cccccc", "", False, "")


def node_style(entity_type: str) -> NodeStyle:
    return NODE_STYLES.get(entity_type, UNKNOWN_NODE_STYLE)


def edge_style(kind: str) -> EdgeStyle:
    return EDGE_STYLES.get(kind, UNKNOWN_EDGE_STYLE)


def legend(node_types: list[str], edge_kinds: list[str]) -> dict:
    """The styles of the types and kinds present in one graph, in display order, for the page."""
    ordered_types = [t for t in NODE_STYLES if t in node_types] + sorted(set(node_types) - set(NODE_STYLES))
    ordered_kinds = [k for k in EDGE_STYLES if k in edge_kinds] + sorted(set(edge_kinds) - set(EDGE_STYLES))
    return {
        "types": [{**asdict(node_style(t)), "id": t, "label": _display_name(t, NODE_STYLES)} for t in ordered_types],
        "kinds": [{**asdict(edge_style(k)), "id": k, "label": _display_name(k, EDGE_STYLES)} for k in ordered_kinds],
    }


def _display_name(key: str, table: dict) -> str:
    return table[key].label if key in table else key.replace("_", " ").capitalize()
