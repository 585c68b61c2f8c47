"""Build the graph of a few hand-written articles and find its nodes: the helpers of the tests
that check names, types and resolution through a real build."""
from __future__ import annotations

import re

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


def build_articles(tmp_path_factory, texts: dict[str, str]):
    """The knowledge graph (``graph.build``) of articles named by ``texts``' keys, for a module's fixture."""
    import graph

    folder = tmp_path_factory.mktemp("news")
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return graph.build([folder], cache=False)


def said(kg, doc: str) -> list[dict]:
    """The statements of one article, in reading order."""
    return sorted((s for s in kg.statements if s["doc"] == doc), key=lambda s: s["start"])


def one(kg, doc: str, text_start: str) -> dict:
    """The one statement of ``doc`` whose words start with ``text_start``, after the complementizer
    that reported words keep ("that ...", "whether ...")."""
    hits = [s for s in said(kg, doc) if re.sub(r"^(?:that|whether|if)\s+", "", s["text"]).startswith(text_start) or s["text"].startswith(text_start)]
    assert len(hits) == 1, f"{doc}: {text_start!r} in {[s['text'][:40] for s in said(kg, doc)]}"
    return hits[0]


def label(kg, node: str | None) -> str | None:
    """The label of a speaker's node, None for no speaker."""
    return None if node is None else kg.nx.nodes[node]["label"]


def page_faults_of_reused_buffers(*_dask_worker) -> int:
    """In a worker: the page faults of filling and freeing a 24 MB buffer 20 times (bigger than any
    gap the loaded pipeline leaves in the heap, so it is mapped and zeroed anew each time, 6,144
    pages, where freed memory goes straight back to the OS; once where it is kept). A 1 MB buffer
    fits such a gap and shows nothing."""
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(20):
        buffer = b"\x01" * (24 << 20)
        del buffer
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before
