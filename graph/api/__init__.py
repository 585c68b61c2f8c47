"""The analyst's API: load or build a knowledge graph and explore it in Python or Jupyter.

>>> import graph
>>> kg = graph.load("out/graph.json")  # or graph.build(["seeds"])  # doctest: +SKIP
>>> kg                                             # doctest: +SKIP
<KnowledgeGraph: 113 entities, 559 relationships, 5 documents, 75 statements>
>>> kg.entity("the CSTO")["label"]                 # doctest: +SKIP
'Collective Security Treaty Organization'
>>> kg.top(5, by="pagerank")                       # doctest: +SKIP
>>> kg.ego("Zamir Kabulov").show()                 # doctest: +SKIP

Tables come back as pandas DataFrames; subgraphs (``ego``, ``filter``, ``subgraph``) as new
``KnowledgeGraph`` objects, so they can be explored, shown or saved the same way.

Measures that need an undirected graph (degree, PageRank, betweenness, communities, ego networks)
use the *projection*: one undirected link per pair of entities whose weight is the sum of the
weights of every relationship between them, of any kind and in either direction. Narrow it first
with ``filter`` (e.g. ``kg.filter(kinds="attribution").top(by="pagerank")``).

Everything here is computed on each call from ``kg.nx``; nothing is cached.

The modules: :mod:`~graph.api.knowledge_graph` (the class and the entry points),
:mod:`~graph.api.names` (finding an entity by name), :mod:`~graph.api.tables` (the tables),
:mod:`~graph.api.subgraphs` (narrowing the graph), :mod:`~graph.api.lookups` (small reads they
share), :mod:`~graph.api.view` (the graph in Jupyter).
"""
from ..pipeline.options import BuildOptions  # noqa: F401  (graph exports it from here)
from .knowledge_graph import KnowledgeGraph, build, load
from .names import EntityNotFound, normalize_name  # noqa: F401  (normalize_name: the tests compare names with it)
from .view import GraphView

__all__ = ["KnowledgeGraph", "GraphView", "EntityNotFound", "build", "load"]
