"""entity-graph: news articles in, an entity-and-relationship knowledge graph with evidence out.

The stages, each a module: ``documents`` (read, clean) -> ``nlp`` (spaCy) -> ``mentions`` (names in
a document) -> ``statements`` (who said what) -> ``entities`` (one node per real entity) ->
``corrections`` (the user's fixes, if any) -> ``assemble`` (networkx graph) -> ``export`` / ``viewer``;
``evaluation`` scores a graph against the user's own annotation. ``contract`` says what graph.json
holds and checks it; ``outputs`` writes every file.

For analysts, ``graph.api`` (exported here): ``graph.load("out/graph.json")`` or
``graph.build(["seeds"])`` gives a ``KnowledgeGraph`` to explore in Python or Jupyter.
"""
__version__ = "0.1.0"

from .api import BuildOptions, EntityNotFound, GraphView, KnowledgeGraph, build, load  # noqa: E402

__all__ = ["BuildOptions", "EntityNotFound", "GraphView", "KnowledgeGraph", "build", "load", "__version__"]
