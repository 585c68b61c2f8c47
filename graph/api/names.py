"""Finding an entity by name: its id, label or any alias, compared the build's own way.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("acme", label="Acme Corporation", aliases=["Acme"], mentions=3)
>>> find(G, "the ACME's")
'acme'
>>> find(G, "Acme Corp")
Traceback (most recent call last):
graph.api.names.EntityNotFound: no entity named 'Acme Corp'; did you mean 'Acme Corporation'?
"""
from __future__ import annotations

import difflib
from collections import defaultdict

import networkx as nx

from ..contract import fold
from .lookups import label

__all__ = ["EntityNotFound", "find", "name_index", "normalize_name", "suggestions"]


class EntityNotFound(KeyError):
    """No entity has that name. ``suggestions`` holds the labels of close names, best first."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else "; no close name either"
        super().__init__(f"no entity named {name!r}{hint}")

    def __str__(self) -> str:  # KeyError's own str() would show the message in quotes
        return str(self.args[0])


def normalize_name(name: str) -> str:
    """The form names are compared in, the build's own (:func:`graph.contract.fold`): case,
    accents, a leading "the", a possessive, dots, spaces, hyphens and quotes do not count.

    >>> normalize_name("The Taliban’s")
    'taliban'
    >>> normalize_name("U.S."), normalize_name("Müller") == normalize_name("Muller")
    ('us', True)
    """
    return fold(name)


def _words(name: str) -> set[str]:
    return {w for w in map(fold, str(name).split()) if w}


def find(G: nx.MultiDiGraph, name: str):
    """The node id of the entity called ``name``: its id, label or any alias; see
    :meth:`graph.api.KnowledgeGraph.find`. Raises :class:`EntityNotFound`."""
    if name in G:
        return name
    candidates = name_index(G).get(normalize_name(name))
    if candidates:
        return min(candidates)[-1]
    raise EntityNotFound(name, suggestions(G, name))


def name_index(G: nx.MultiDiGraph) -> dict[str, list[tuple]]:
    """normalized name -> [(rank, -mentions, id, node)]: label before alias, then most mentioned."""
    index: dict[str, list[tuple]] = defaultdict(list)
    for node, attrs in G.nodes(data=True):
        names = [(0, attrs.get("label") or str(node)), (1, str(node))]
        names += [(1, alias) for alias in attrs.get("aliases") or []]
        seen = set()
        for rank, name in names:
            key = normalize_name(name)
            if key and key not in seen:
                seen.add(key)
                index[key].append((rank, -attrs.get("mentions", 0), str(node), node))
    return index


def suggestions(G: nx.MultiDiGraph, name: str, n: int = 5) -> list[str]:
    """Labels of up to ``n`` entities with a name close to ``name``, best first."""
    index = name_index(G)
    query = normalize_name(name)
    close = difflib.get_close_matches(query, list(index), n=n, cutoff=0.6)
    # Names holding every word of the query ("Kabulov" -> "Zamir Kabulov"), word by word.
    words = _words(name)
    named = [(attrs.get("label") or str(node), *(attrs.get("aliases") or []))
             for node, attrs in G.nodes(data=True)]
    containing = sorted({normalize_name(n) for names in named for n in names if words and words <= _words(n)} & set(index),
                        key=lambda k: (len(k), k))
    labels: list[str] = []
    for key in close + containing:
        label_ = label(G, min(index[key])[-1])
        if label_ not in labels:
            labels.append(label_)
    return labels[:n]
