"""Evidence is stored once: graph.json keeps each sentence in one table that evidence refers to,
and a sentence that lists many names co-mentions each only with its neighbours in the list, so
that a list of hundreds of names cannot turn into tens of thousands of edges."""
from __future__ import annotations

import json

import graph
from graph.assemble import LIST_NAMES, LIST_NEIGHBOURS, build_graph
from graph.export import GRAPHML_SENTENCE_CHARS, dumps_graphml, prepare
from graph.gazetteer import load_gazetteer
from graph.records import Document, DocumentAnalysis, Entity, Mention, NameType, Resolution, Sentence
from graph.viewer.payload import build_payload


def listed(n: int, *, lead: str = "Delegates came from ") -> tuple[Document, DocumentAnalysis, Resolution]:
    """One document whose one sentence names ``n`` entities, written "Name0001, Name0002, ..."."""
    names = [f"Name{i:04d}" for i in range(n)]
    text = lead + ", ".join(names) + "."
    mentions, start = [], len(lead)
    for name in names:
        mentions.append(Mention(doc="d", start=start, end=start + len(name), text=name, name=name, label=NameType.ORGANIZATION, sentence=0))
        start += len(name) + 2
    doc = Document(id="d", text=text)
    analysis = DocumentAnalysis(doc="d", sentences=[Sentence(0, len(text))], mentions=mentions)
    entities = [Entity(id=name.lower(), label=name, type="organization", mentions=1, documents=["d"]) for name in names]
    return doc, analysis, Resolution(entities=entities, assignments={"d": [e.id for e in entities]})


def co_mentions(G) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in G.edges(keys=True) if k == "co_mention"}


def test_a_short_sentence_links_every_pair():
    doc, analysis, resolution = listed(LIST_NAMES)
    assert len(co_mentions(build_graph([doc], [analysis], resolution))) == LIST_NAMES * (LIST_NAMES - 1) // 2


def test_a_list_links_each_name_with_its_neighbours_only():
    n = 300
    doc, analysis, resolution = listed(n)
    G = build_graph([doc], [analysis], resolution)
    expected = {(f"name{i:04d}", f"name{j:04d}") for i in range(n) for j in range(i + 1, min(i + 1 + LIST_NEIGHBOURS, n))}
    assert co_mentions(G) == expected
    assert len(expected) == n * LIST_NEIGHBOURS - LIST_NEIGHBOURS * (LIST_NEIGHBOURS + 1) // 2  # not 44,850
    data, graph_json = prepare(G)
    # the sentence is in graph.json once, however many edges it supports
    assert data["graph"]["sentences"] == [doc.text]
    assert graph_json.count(b"Name0150, Name0151") == 1
    # a few hundred bytes per node and edge (every pair with its sentence copied was 150 MB)
    assert len(graph_json) < 500 * (len(expected) + n) + 2 * len(doc.text)
    # GraphML has no table: there each edge holds the sentence, cut short
    graphml = dumps_graphml(G, data["graph"]["build_id"])
    assert graphml.count(b"Delegates came from Name0000") == len(expected)
    assert len(graphml) < len(expected) * (GRAPHML_SENTENCE_CHARS + 500)
    # ... and in the viewer's data once; the evidence refers to it
    payload = build_payload(data)
    assert payload["details"]["sentences"] == [doc.text]
    assert {ev["sentence"] for r in payload["details"]["relations"].values() for ev in r["evidence"]} == {0}
    # the API shows the text
    kg = graph.KnowledgeGraph.from_data(json.loads(graph_json))
    assert list(kg.evidence("Name0007", "Name0008")["sentence"]) == [doc.text]
    assert kg.neighbours("Name0007")["evidence"].tolist() == [[doc.text]] * (2 * LIST_NEIGHBOURS)


def test_a_built_list_of_many_names_stays_bounded(tmp_path):
    """Through the build: a 300-name list of curated names in one 4 KB file."""
    countries = sorted({e.label for e in load_gazetteer().entries.values() if e.type == "country" and e.label.isascii()})
    names = countries[:150]
    text = "The summit was attended by " + ", ".join(names) + " and the UN.\n"
    (tmp_path / "list.txt").write_text("Summit\n\n" + text, encoding="utf-8")
    kg = graph.build([tmp_path / "list.txt"], cache=False)
    n = sum(1 for node, t in kg.nx.nodes(data="type") if t == "country")
    assert n > 100
    co = [e for e in kg.nx.edges(keys=True) if e[2] == "co_mention"]
    assert len(co) <= len(kg) * max(LIST_NEIGHBOURS, LIST_NAMES)
    out = kg.save(tmp_path / "graph.json")
    assert out.read_text("utf-8").count(names[len(names) // 2] + ", ") == 1
