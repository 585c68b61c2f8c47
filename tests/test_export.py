"""graph.json and graph.graphml: deterministic, valid, and the same as the slow standard writers.

graph.json is written with orjson and graph.graphml line by line; these tests hold them to what
``json.dumps`` and networkx's own GraphML writer give for the same graph, on text that needs
escaping (markup, quotes, non-ASCII, line breaks of every kind) and attribute values of every type.
"""
from __future__ import annotations

import io
import json
import re

import networkx as nx
import numpy as np
import pytest

from graph.export import (
    dumps_graphml,
    dumps_json,
    dumps_json_bytes,
    from_data,
    graph_json_bytes,
    graphml_graph,
    to_data,
    write_outputs,
)

HOSTILE = 'A & B <script>alert("x")</script> \'quoted\' — café ½ 😀'
ODD_ID = 'a&b"<c>\ttab\nline\rcr'  # every character an attribute value escapes
LINE_BREAKS = "one\r\ntwo\rthree\x0bfour\x0cfive\x1csix\x85seven\u2028eight\u2029nine\ttab"


def tricky_graph(reverse: bool = False) -> nx.MultiDiGraph:
    """Every value type that occurs in a graph and a few that could, in a given insertion order."""
    nodes = [
        ("Q1", {"label": HOSTILE, "type": "person", "aliases": ["Ann", HOSTILE], "mentions": 3,
                "documents": ["d/1", "d/2"], "wikidata": "Q1", "statements": 1}),
        (ODD_ID, {"label": "quotes & markup in an id", "type": "place", "aliases": [], "mentions": 1,
                      "documents": ["d/1"], "wikidata": None, "statements": 0}),
        ("bare", {}),
        ("typed", {"label": LINE_BREAKS, "score": 0.1, "flag": True, "count": np.int64(7), "pair": ("x", "y"),
                   "meta": {"b": 1, "a": [1, 2]}, "mentions": 2}),
        ("élan", {"label": "Élan", "mentions": "2"}),  # one attribute name, two types: two GraphML keys
    ]
    evidence = [{"doc": "d/1", "sentence": HOSTILE, "start": 0, "end": 10},
                {"doc": "d/2", "sentence": LINE_BREAKS, "start": 5, "end": 9, "statement": "s1", "cue": "said",
                 "kind": "direct", "reported_by": None}]
    edges = [
        ("Q1", ODD_ID, "co_mention", {"kind": "co_mention", "weight": 2, "documents": ["d/1", "d/2"],
                                          "evidence": evidence}),
        ("Q1", ODD_ID, "attribution", {"kind": "attribution", "weight": 1, "documents": ["d/2"],
                                           "evidence": evidence[1:]}),
        ("typed", "Q1", "affiliation", {"kind": "affiliation", "weight": 1, "documents": [], "evidence": []}),
        ("élan", "élan", "co_mention", {"kind": "co_mention", "weight": 1, "documents": ["d/1"],
                                        "evidence": [{"doc": "d/1", "sentence": "", "start": 0, "end": 0}]}),
    ]
    if reverse:
        nodes, edges = nodes[::-1], edges[::-1]
    G = nx.MultiDiGraph()
    G.add_nodes_from(nodes)
    G.add_edges_from(edges)
    G.graph["documents"] = [{"id": "d/1", "title": HOSTILE, "date": None}, {"id": "d/2", "title": "Two"}]
    G.graph["statements"] = [{"id": "s1", "doc": "d/2", "text": LINE_BREAKS, "mentions": []}]
    return G


def json_ready(G: nx.MultiDiGraph) -> dict:
    """``to_data`` of the graph with the values JSON has no type for made plain (numpy int, tuple)."""
    H = G.copy()
    H.nodes["typed"]["count"] = int(H.nodes["typed"]["count"])
    return to_data(H)


def test_graph_json_is_what_json_dumps_writes_and_parses_back():
    data = json_ready(tricky_graph())
    text = dumps_json(data)
    assert text == json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
    assert dumps_json_bytes(data) == text.encode("utf-8")
    assert json.loads(text) == json.loads(json.dumps(data))  # tuples become lists, as before
    assert "café ½ 😀" in text  # UTF-8 itself, not \\u escapes


def test_graph_json_floats_parse_back_equal():
    # the one difference from json.dumps: orjson writes 1e-7 where json writes 1e-07
    values = [0.1, -0.0, 1e-7, 1e22, 5e-324, 1.7976931348623157e308]
    assert json.loads(dumps_json({"x": values})) == {"x": values}


def test_graph_json_is_deterministic_whatever_the_insertion_order():
    assert dumps_json_bytes(json_ready(tricky_graph())) == dumps_json_bytes(json_ready(tricky_graph(reverse=True)))


def test_graph_json_takes_what_only_the_standard_json_takes():
    data = {"nodes": [{"id": "big", "mentions": 2**70}], "edges": [], "graph": {"by_year": {2024: 1}}}
    assert json.loads(dumps_json(data)) == {"nodes": [{"id": "big", "mentions": 2**70}], "edges": [],
                                            "graph": {"by_year": {"2024": 1}}}
    with pytest.raises(TypeError):
        dumps_json({"nodes": [{"id": "x", "aliases": {"a"}}]})  # a set: refused, as before


@pytest.mark.parametrize("reverse", [False, True])
def test_graphml_is_byte_for_byte_what_networkx_writes(reverse):
    G = tricky_graph(reverse)
    assert dumps_graphml(G) == "\n".join(nx.generate_graphml(graphml_graph(G))).encode("utf-8")


def test_graphml_reads_back_as_the_flattened_graph():
    G = tricky_graph()
    back = nx.read_graphml(io.BytesIO(dumps_graphml(G)))
    flat = graphml_graph(G)

    def as_read(value):
        # ElementTree writes non-ASCII as character references, so \x85 and U+2028/9 come back as
        # they were; generate_graphml's splitlines() turned ASCII line breaks into \n, and so does this.
        return re.sub(r"\r\n|[\r\x0b\x0c\x1c\x1d\x1e]", "\n", value) if isinstance(value, str) else value

    assert {k: v for k, v in back.graph.items() if k not in ("node_default", "edge_default")} == flat.graph
    assert list(back.nodes(data=True)) == [(n, {k: as_read(v) for k, v in d.items()}) for n, d in flat.nodes(data=True)]
    assert list(back.edges(keys=True, data=True)) == [
        (u, v, k, {name: as_read(value) for name, value in d.items()}) for u, v, k, d in flat.edges(keys=True, data=True)]
    assert back.nodes["typed"]["flag"] is True and back.nodes["typed"]["count"] == 7
    assert back.nodes["élan"]["mentions"] == "2" and back.nodes["Q1"]["mentions"] == 3
    assert back.edges["Q1", ODD_ID, "co_mention"]["evidence"].startswith(HOSTILE + "\n")


def test_graphml_refuses_what_networkx_refuses():
    G = tricky_graph()
    G.nodes["bare"]["when"] = object()
    with pytest.raises(nx.NetworkXError):
        dumps_graphml(G)


def test_write_outputs_writes_both_files_and_nothing_else(tmp_path):
    G = tricky_graph()
    G.nodes["typed"]["count"] = 7
    written = write_outputs(G, tmp_path)
    assert sorted(written) == ["graph.graphml", "graph.json"]
    data = to_data(G)
    assert (tmp_path / "graph.json").read_bytes() == graph_json_bytes(data)
    assert (tmp_path / "graph.graphml").read_bytes() == dumps_graphml(G, data["graph"]["build_id"])
    assert json.loads((tmp_path / "graph.json").read_text("utf-8"))["nodes"][0]["id"] == "Q1"
    assert from_data(json.loads((tmp_path / "graph.json").read_text("utf-8"))).number_of_edges() == 4
    # the folder's lock stays (removing it would race with a writer waiting for it)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".entity-graph.lock", "graph.graphml", "graph.json"]
