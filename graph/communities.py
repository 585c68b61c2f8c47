"""Communities of the assembled graph: Louvain on the one-link-per-pair projection, seeded.

The build stores each entity's community as the node attribute ``community`` (0 is the largest),
so the viewer can colour and group the overview without computing anything in the browser, and
every reader of graph.json sees the same groups. Entities related to nobody get ``None``.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

SEED = 0


def projection(G: nx.MultiDiGraph) -> nx.Graph:
    """One undirected link per related pair, weighted by the sum of all their relationships.

    Built in sorted order, so every measure on it comes out the same on every run.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "a"), ("b", "c")])
    >>> sorted(projection(G).edges(data="weight"))
    [('a', 'b', 2), ('b', 'c', 1)]
    """
    weights: dict[tuple, float] = defaultdict(int)
    for u, v, attrs in G.edges(data=True):
        if u != v:
            weights[tuple(sorted((u, v), key=str))] += attrs.get("weight", 1)
    H = nx.Graph()
    H.add_nodes_from(sorted(G.nodes, key=str))
    H.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(weights.items(), key=lambda i: (str(i[0][0]), str(i[0][1]))))
    return H


def louvain_groups(G: nx.MultiDiGraph, *, seed: int = SEED, resolution: float = 1.0) -> list[list]:
    """Louvain communities of ``G``'s projection, largest first (ties: more mentions, then id);
    each a list of node ids, most mentioned first (ties: by label, then id).

    >>> G = nx.MultiDiGraph([("a", "b"), ("c", "d")])
    >>> louvain_groups(G)
    [['a', 'b'], ['c', 'd']]
    """
    H = projection(G)
    found = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed) if len(H) else []
    mentions = {n: G.nodes[n].get("mentions", 0) or 0 for n in G.nodes}
    label = {n: str(G.nodes[n].get("label") or n).casefold() for n in G.nodes}
    ranked = [sorted(c, key=lambda n: (-mentions[n], label[n], str(n))) for c in found]
    ranked.sort(key=lambda ids: (-len(ids), -sum(mentions[i] for i in ids), str(ids[0])))
    return ranked


def assign_communities(G: nx.MultiDiGraph, *, seed: int = SEED) -> None:
    """Set the node attribute ``community``: the number of the entity's Louvain community (0 is
    the largest), or ``None`` for an entity with no relationship to another.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")]); G.add_node("lone")
    >>> assign_communities(G)
    >>> [G.nodes[n]["community"] for n in ("a", "b", "c", "lone")]
    [0, 0, 0, None]
    """
    related = {n for u, v in G.edges() if u != v for n in (u, v)}
    numbered = (ids for ids in louvain_groups(G, seed=seed) if related.intersection(ids))
    number_of = {n: number for number, ids in enumerate(numbered) for n in ids}
    for node in G.nodes:
        G.nodes[node]["community"] = number_of.get(node) if node in related else None
