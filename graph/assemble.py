"""Assemble the records of a corpus into one networkx graph.

Nodes are entities; edges are keyed by their kind, so one pair of entities may be linked as
``co_mention``, ``attribution``, ``reported_by`` and ``affiliation`` at once. Every edge carries
its evidence: the sentences (or statements) that support it, with offsets into the documents.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx

from .communities import assign_communities
from .contract import EDGE_KINDS, edge_weight
from .periods import stamp_seen
from .records import Document, DocumentAnalysis, Resolution

__all__ = ["EDGE_KINDS", "LIST_NAMES", "LIST_NEIGHBOURS", "build_graph"]
# A sentence naming more entities than this is a list ("delegates from A, B, C, ... and Z"): its
# names are co-mentioned only with the LIST_NEIGHBOURS names written before and after each, not
# with every other one (300 names would make 44,850 edges of one sentence).
LIST_NAMES = 15
LIST_NEIGHBOURS = 3


def build_graph(
    documents: Iterable[Document], analyses: Iterable[DocumentAnalysis], resolution: Resolution
) -> nx.MultiDiGraph:
    """The entity graph of a corpus.

    >>> G = build_graph(documents, analyses, resolution)  # doctest: +SKIP
    >>> G.edges["russia", "tajikistan", "co_mention"]["weight"]  # doctest: +SKIP
    12
    """
    documents = {d.id: d for d in documents}
    analyses = sorted(analyses, key=lambda a: a.doc)
    G = nx.MultiDiGraph()
    mentions_in: dict[str, Counter] = defaultdict(Counter)  # entity -> document -> mentions, for timelines
    for doc_id, assigned in resolution.assignments.items():
        for entity in assigned:
            if entity:
                mentions_in[entity][doc_id] += 1
    for e in resolution.entities:
        G.add_node(
            e.id,
            label=e.label,
            type=str(e.type),  # a plain string in the graph: networkx's own writers take no enum
            aliases=list(e.aliases),
            mentions=e.mentions,
            documents=list(e.documents),
            document_mentions=dict(sorted(mentions_in[e.id].items())),
            wikidata=e.wikidata,
            statements=0,
            alias_reasons={alias: {"rule": r.rule.value, "doc": r.doc} for alias, r in e.alias_reasons.items()},
        )
    edges: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    statements: list[dict] = []
    for a in analyses:
        doc = documents[a.doc]
        entity_of = resolution.assignments.get(a.doc, [])
        _co_mentions(doc, a, entity_of, edges)
        statements += _statements(doc, a, entity_of, edges)
        _affiliations(doc, a, entity_of, edges)
    for s in statements:
        if s["speaker"] in G:
            G.nodes[s["speaker"]]["statements"] += 1
    for (source, target, kind), evidence in sorted(edges.items()):
        G.add_edge(
            source,
            target,
            key=kind,
            kind=kind,
            weight=edge_weight(evidence),
            documents=sorted({ev["doc"] for ev in evidence}),
            evidence=evidence,
        )
    G.graph["documents"] = [
        {"id": d.id, "title": d.title, "outlet": d.outlet, "author": d.author, "date": d.date, "url": d.url, "path": d.path,
         "photographer": d.photographer}
        for d in sorted(documents.values(), key=lambda d: d.id)
    ]
    G.graph["statements"] = statements
    assign_communities(G)
    stamp_seen(G)
    return G


def _co_mentions(doc: Document, a: DocumentAnalysis, entity_of: list, edges: dict) -> None:
    in_sentence: dict[int, dict[str, int]] = defaultdict(dict)  # sentence -> entity -> its first mention's start
    for m, entity in zip(a.mentions, entity_of):
        if entity and m.in_text:
            first = in_sentence[m.sentence]
            first[entity] = min(first.get(entity, m.start), m.start)
    for index in sorted(in_sentence):
        present = in_sentence[index]
        if len(present) < 2:
            continue
        sentence = a.sentences[index]
        evidence = {"doc": doc.id, "sentence": doc.text[sentence.start : sentence.end], "start": sentence.start, "end": sentence.end,
                    "date": doc.date}
        for pair in _co_mentioned_pairs(present):
            edges[(*pair, "co_mention")].append(evidence)


def _co_mentioned_pairs(first_seen: dict[str, int]) -> list[tuple[str, str]]:
    """The pairs of entities one sentence co-mentions (each pair sorted): all of them, or in a list
    (more than LIST_NAMES entities) each with its LIST_NEIGHBOURS next ones in reading order."""
    if len(first_seen) <= LIST_NAMES:
        return list(combinations(sorted(first_seen), 2))
    order = sorted(first_seen, key=lambda e: (first_seen[e], e))
    return sorted({tuple(sorted((order[i], order[j])))
                   for i in range(len(order)) for j in range(i + 1, min(i + 1 + LIST_NEIGHBOURS, len(order)))})


def _entity(entity_of: list, index: int | None) -> str | None:
    if index is None or index < 0 or index >= len(entity_of):
        return None
    return entity_of[index]


def _statements(doc: Document, a: DocumentAnalysis, entity_of: list, edges: dict) -> list[dict]:
    out = []
    # Resolved mentions by start, so that each statement looks only at those inside it (a long
    # article has hundreds of mentions and dozens of statements).
    by_start = sorted((m.start, m.end, e) for m, e in zip(a.mentions, entity_of) if e and m.in_text)
    starts = [start for start, _, _ in by_start]
    for n, st in enumerate(sorted(a.statements, key=lambda s: (s.start, s.end))):
        speaker = _entity(entity_of, st.speaker_mention)
        outlet = _entity(entity_of, st.reported_by_mention)
        inside = by_start[bisect_left(starts, st.start) : bisect_right(starts, st.end)]
        named = sorted({e for _, end, e in inside if end <= st.end} - {speaker})
        record = {
            "id": f"{doc.id}#{n + 1}",
            "doc": doc.id,
            "speaker": speaker,
            "speaker_text": st.speaker_text,
            "cue": st.cue,
            "kind": st.kind.value,
            "text": st.text,
            "reported_by": outlet,
            "mentions": named,
            "start": st.start,
            "end": st.end,
            "resolution": st.speaker_resolution.value,
            "date": doc.date,
        }
        out.append(record)
        evidence = {
            "doc": doc.id,
            "sentence": st.text,
            "start": st.start,
            "end": st.end,
            "statement": record["id"],
            "speaker_text": st.speaker_text,
            "cue": st.cue,
            "kind": st.kind.value,
            "reported_by": outlet,
            "date": doc.date,
        }
        if speaker:
            for target in named:
                edges[(speaker, target, "attribution")].append(evidence)
            if outlet and outlet != speaker:
                edges[(outlet, speaker, "reported_by")].append(evidence)
    return out


def _affiliations(doc: Document, a: DocumentAnalysis, entity_of: list, edges: dict) -> None:
    for af in a.affiliations:
        person, org = _entity(entity_of, af.person_mention), _entity(entity_of, af.org_mention)
        if person and org and person != org:
            edges[(person, org, "affiliation")].append(
                {"doc": doc.id, "sentence": doc.text[af.start : af.end], "start": af.start, "end": af.end, "role": af.role,
                 "date": doc.date}
            )
