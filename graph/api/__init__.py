"""The analyst's API (see :mod:`graph.api.knowledge_graph`)."""
from .knowledge_graph import BuildOptions, EntityNotFound, GraphView, KnowledgeGraph, build, load, normalize_name

__all__ = ["KnowledgeGraph", "GraphView", "EntityNotFound", "build", "load"]
