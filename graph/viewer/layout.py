"""Deterministic node positions, computed once in Python so the browser has nothing to settle.

networkx's spring layout is O(n²) per iteration without scipy (and slow with it at a few thousand
nodes), so only the *backbone* — the most strongly connected nodes — goes through it. Every other
node is then placed next to the neighbours already placed, on a golden-angle spiral around its
strongest one, which is where force-directed physics would have pulled it anyway. Graphs up to
BACKBONE_SIZE nodes, i.e. every real corpus so far, get a plain spring layout.
"""
from __future__ import annotations

import math
from collections import defaultdict

import networkx as nx

BACKBONE_SIZE = 400  # spring_layout on 400 nodes takes ~0.5 s
SEED = 20240607
PIXELS_PER_NODE = 120  # spread so that labels of neighbouring nodes do not sit on each other
MIN_SPREAD = 320
MIN_NODE_DISTANCE = 110  # about one label wide
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
SPIRAL_STEP = 28.0

Position = tuple[float, float]


def layout_positions(node_ids: list[str], weighted_links: list[tuple[str, str, float]]) -> dict[str, Position]:
    """Positions in vis-network pixels for every node; the same input always gives the same output."""
    graph = _undirected_strength_graph(node_ids, weighted_links)
    strength = {n: graph.degree(n, weight="weight") for n in graph}
    by_strength = sorted(graph, key=lambda n: (-strength[n], n))
    backbone = by_strength[:BACKBONE_SIZE]

    positions = _spring_layout(graph, backbone)
    _push_apart(positions, sorted(backbone), MIN_NODE_DISTANCE)
    _place_around_neighbours(graph, by_strength[BACKBONE_SIZE:], positions)
    _place_unconnected_on_outer_ring(by_strength, positions)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in sorted(positions.items())}


def _undirected_strength_graph(node_ids: list[str], weighted_links: list[tuple[str, str, float]]) -> nx.Graph:
    """One undirected, weighted link per pair, built in sorted order so that layout does not
    depend on the order of the input."""
    summed: dict[tuple[str, str], float] = defaultdict(float)
    for source, target, weight in weighted_links:
        if source != target:
            summed[tuple(sorted((source, target)))] += weight
    graph = nx.Graph()
    graph.add_nodes_from(sorted(node_ids))
    for (a, b), weight in sorted(summed.items()):
        # log keeps a pair named together 200 times from collapsing onto one point
        graph.add_edge(a, b, weight=1.0 + math.log(weight) if weight >= 1 else weight)
    return graph


def _spring_layout(graph: nx.Graph, backbone: list[str]) -> dict[str, Position]:
    if not backbone:
        return {}
    sub = nx.Graph()
    sub.add_nodes_from(sorted(backbone))
    sub.add_weighted_edges_from(sorted((a, b, w) for a, b, w in graph.subgraph(backbone).edges(data="weight")))
    scale = max(MIN_SPREAD, PIXELS_PER_NODE * math.sqrt(len(backbone)))
    raw = nx.spring_layout(sub, seed=SEED, weight="weight", iterations=100, scale=scale)
    return {n: (float(x), float(y)) for n, (x, y) in raw.items()}


def _place_around_neighbours(graph: nx.Graph, remaining: list[str], positions: dict[str, Position]) -> None:
    """Place, strongest first, each node near its already placed neighbours. Repeated passes let a
    chain hanging off the backbone be placed link by link."""
    children_of: dict[str, int] = defaultdict(int)
    pending = remaining
    while pending:
        still_pending = []
        for node in pending:
            placed = [(positions[nb], graph[node][nb]["weight"], nb) for nb in graph[node] if nb in positions]
            if not placed:
                still_pending.append(node)
                continue
            anchor = max(placed, key=lambda p: (p[1], p[2]))[2]
            positions[node] = _spiral_point(positions[anchor], children_of[anchor])
            children_of[anchor] += 1
        if len(still_pending) == len(pending):
            return  # the rest are not connected to anything placed
        pending = still_pending


def _spiral_point(centre: Position, index: int) -> Position:
    radius = SPIRAL_STEP * (1.5 + math.sqrt(index + 1))
    angle = index * GOLDEN_ANGLE
    return centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle)


def _place_unconnected_on_outer_ring(ordered: list[str], positions: dict[str, Position]) -> None:
    """Nodes in components too small for the backbone go round the outside, in strength order."""
    loose = [n for n in ordered if n not in positions]
    radius = max((math.hypot(x, y) for x, y in positions.values()), default=0.0) + 3 * SPIRAL_STEP
    capacity, slot = _ring_capacity(radius), 0
    for node in loose:
        if slot == capacity:
            radius += 2 * SPIRAL_STEP
            capacity, slot = _ring_capacity(radius), 0
        angle = 2 * math.pi * slot / capacity
        positions[node] = (radius * math.cos(angle), radius * math.sin(angle))
        slot += 1


def _ring_capacity(radius: float) -> int:
    return max(8, int(2 * math.pi * radius / (2 * SPIRAL_STEP)))


def _push_apart(positions: dict[str, Position], nodes: list[str], min_distance: float, rounds: int = 60) -> None:
    """Spring layouts pack a dense core tightly and leave long tails; labels in the core then
    overlap. Nudge every pair closer than ``min_distance`` apart (half each), a few rounds."""
    import numpy as np

    if len(nodes) < 2:
        return
    xy = np.array([positions[n] for n in nodes], dtype=float)
    for _ in range(rounds):
        delta = xy[:, None, :] - xy[None, :, :]
        distance = np.hypot(delta[..., 0], delta[..., 1])
        np.fill_diagonal(distance, np.inf)
        overlap = np.clip(min_distance - distance, 0, None)
        if not overlap.any():
            break
        # identical points get pushed along a fixed diagonal rather than by random jitter
        direction = np.where(distance[..., None] > 1e-9, delta / np.maximum(distance, 1e-9)[..., None],
                             np.array([0.7071, 0.7071]) * np.sign(np.arange(len(nodes))[:, None] - np.arange(len(nodes))[None, :])[..., None])
        xy += 0.5 * (direction * overlap[..., None]).sum(axis=1)
    for node, (x, y) in zip(nodes, xy):
        positions[node] = (float(x), float(y))
