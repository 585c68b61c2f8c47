"""Build the graph of a few hand-written articles and find its nodes: the helpers of the tests
that check names, types and resolution through a real build."""
from __future__ import annotations

from graph.pipeline import build


def build_texts(folder, *texts: str, named: dict[str, str] | None = None):
    """The graph of articles with these texts, one a file (``named``: file name -> text)."""
    for name, text in (named or {f"{i}.txt": text for i, text in enumerate(texts)}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return build([folder]).graph


def nodes_with(G, name: str) -> list[dict]:
    """The nodes whose label or aliases hold ``name``."""
    return [attrs for _, attrs in G.nodes(data=True) if name == attrs["label"] or name in attrs["aliases"]]


def node_named(G, name: str) -> dict:
    """The one node whose label or aliases hold ``name``."""
    hits = nodes_with(G, name)
    assert len(hits) == 1, f"{name!r} is on {len(hits)} nodes: {[h['label'] for h in hits]}"
    return hits[0]


def labels(G) -> set[str]:
    return {attrs["label"] for _, attrs in G.nodes(data=True)}
