"""Deterministic node positions, computed once in Python so the browser has nothing to settle.

networkx's spring layout is O(n²) per iteration without scipy (and slow with it at a few thousand
nodes), so only the *backbone* — the most strongly connected nodes — goes through it. Every other
node is then placed next to the neighbours already placed, on a golden-angle spiral around its
strongest one, which is where force-directed physics would have pulled it anyway. A main
component of up to BACKBONE_SIZE nodes, i.e. every real corpus so far, gets a plain spring layout.
Small components and lone nodes go round it.
"""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx
import numpy as np

BACKBONE_SIZE = 300  # networkx's spring_layout without scipy: ~0.2 s for 300 nodes, O(n²)
SEED = 20240607
PIXELS_PER_NODE = 80  # spread so that labels of neighbouring nodes do not sit on each other
MIN_SPREAD = 320
MIN_NODE_DISTANCE = 80  # keeps neighbouring labels mostly apart at the zoom where they are drawn
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPIRAL_STEP = 28.0
COMPONENT_GAP = 90.0

Position = tuple[float, float]


def layout_positions(node_ids: list[str], weighted_links: list[tuple[str, str, float]]) -> dict[str, Position]:
    """Positions in vis-network pixels for every node; the same input always gives the same output."""
    graph = _undirected_strength_graph(node_ids, weighted_links)
    strength = dict(graph.degree(weight="weight"))  # one pass; per node it costs a view each

    def by_strength(nodes) -> list[str]:
        return sorted(nodes, key=lambda n: (-strength[n], n))

    components = sorted((by_strength(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    positions: dict[str, Position] = {}
    if components:
        # The main component gets the spring layout. A spring layout of everything would fling
        # the small components and lone nodes far out and shrink the part that matters to a dot.
        main = components[0]
        positions = _spring_layout(graph, main[:BACKBONE_SIZE])
        _push_apart(positions, sorted(main[:BACKBONE_SIZE]), MIN_NODE_DISTANCE)
        _place_around_neighbours(graph, main[BACKBONE_SIZE:], positions)
        _place_components_on_outer_ring(graph, components[1:], positions)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in sorted(positions.items())}


def _undirected_strength_graph(node_ids: list[str], weighted_links: list[tuple[str, str, float]]) -> nx.Graph:
    """One undirected, weighted link per pair, built in sorted order so that layout does not
    depend on the order of the input."""
    summed: dict[tuple[str, str], float] = defaultdict(float)
    for source, target, weight in weighted_links:
        if source != target:
            summed[(source, target) if source < target else (target, source)] += weight
    graph = nx.Graph()
    graph.add_nodes_from(sorted(node_ids))
    # log keeps a pair named together 200 times from collapsing onto one point. One
    # add_edges_from: add_edge per link costs more than the rest of this function.
    graph.add_edges_from((a, b, {"weight": (1.0 + math.log(weight)) if weight >= 1 else weight})
                         for (a, b), weight in sorted(summed.items()))
    return graph


def _spring_layout(graph: nx.Graph, backbone: list[str]) -> dict[str, Position]:
    if not backbone:
        return {}
    sub = nx.Graph()
    sub.add_nodes_from(sorted(backbone))
    sub.add_weighted_edges_from(sorted((a, b, w) for a, b, w in graph.subgraph(backbone).edges(data="weight")))
    scale = max(MIN_SPREAD, PIXELS_PER_NODE * math.sqrt(len(backbone)))
    raw = nx.spring_layout(sub, seed=SEED, weight="weight", iterations=60, scale=scale)
    return {n: (float(x), float(y)) for n, (x, y) in raw.items()}


def _place_around_neighbours(graph: nx.Graph, remaining: list[str], positions: dict[str, Position]) -> None:
    """Place, strongest first, each node near its already placed neighbours. Repeated passes let a
    chain hanging off the placed ones be placed link by link."""
    children_of: dict[str, int] = defaultdict(int)
    pending = remaining
    while pending:
        still_pending = []
        for node in pending:
            placed = [(link["weight"], nb) for nb, link in graph.adj[node].items() if nb in positions]
            if not placed:
                still_pending.append(node)
                continue
            anchor = max(placed)[1]  # the strongest link; of equal ones, the greatest id
            positions[node] = _spiral_point(positions[anchor], children_of[anchor])
            children_of[anchor] += 1
        if len(still_pending) == len(pending):
            raise AssertionError(f"{pending[0]} is not connected to any placed node")  # callers pass components
        pending = still_pending


def _spiral_point(centre: Position, index: int) -> Position:
    radius = SPIRAL_STEP * (1.5 + math.sqrt(index + 1))
    angle = index * GOLDEN_ANGLE
    return centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)


def _place_components_on_outer_ring(graph: nx.Graph, components: list[list[str]],
                                    positions: dict[str, Position]) -> None:
    """Small components and lone nodes go round the main one, biggest first, each kept together
    around its strongest node."""
    if not components:
        return
    reach = max((math.hypot(x, y) for x, y in positions.values()), default=0.0)
    radius = reach + 2 * COMPONENT_GAP
    angle = 0.0
    for component in components:
        footprint = COMPONENT_GAP * (1 + math.sqrt(len(component)))  # arc length it needs
        if angle + footprint / radius > 2 * math.pi:
            radius, angle = radius + 2 * COMPONENT_GAP, 0.0
        angle += footprint / (2 * radius)
        positions[component[0]] = (radius * math.cos(angle), radius * math.sin(angle))
        _place_around_neighbours(graph, component[1:], positions)
        angle += footprint / (2 * radius)


def _push_apart(positions: dict[str, Position], nodes: list[str], min_distance: float, rounds: int = 30) -> None:
    """Spring layouts pack a dense core tightly and leave long tails; labels in the core then
    overlap. Nudge every pair closer than ``min_distance`` apart (half each way), a few rounds."""
    if len(nodes) < 2:
        return
    x = np.array([positions[n][0] for n in nodes])
    y = np.array([positions[n][1] for n in nodes])
    # Coincident points have no direction to be pushed in; a tiny fixed offset per index gives one.
    x += np.arange(len(nodes)) * 1e-3
    for _ in range(rounds):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        distance = np.sqrt(dx * dx + dy * dy)
        np.fill_diagonal(distance, np.inf)
        push = np.clip(min_distance - distance, 0, None) / distance  # 0 where far enough apart
        if not push.any():
            break
        x += 0.5 * (dx * push).sum(axis=1)
        y += 0.5 * (dy * push).sum(axis=1)
    for node, node_x, node_y in zip(nodes, x, y):
        positions[node] = (float(node_x), float(node_y))
