"""The graph.json contract (graph.contract): a file that breaks it gets one clear line naming the
file and the field from graph.load and `entity-graph render`, never a traceback; a file that keeps
it, with fields a later version added, or written in an older form, loads and renders."""
from __future__ import annotations

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import graph
from graph.api import normalize_name
from graph.cli import main as cli_main
from graph.contract import fold

SENTENCE = "Russia and Tajikistan met the CSTO."


def valid() -> dict:
    """A small graph.json in the current form: evidence refers to the sentence table."""
    return {
        "directed": True,
        "multigraph": True,
        "graph": {
            "documents": [{"id": "d1", "title": "A title", "outlet": None, "author": None, "date": None,
                           "url": None, "path": "d1.txt"}],
            "statements": [{"id": "d1#1", "doc": "d1", "speaker": "ru", "cue": "said", "kind": "direct",
                            "text": "We met.", "reported_by": None, "mentions": ["tj"], "start": 40, "end": 47,
                            "resolution": "name"}],
            "sentences": ["We met.", SENTENCE],
            "build_id": "0123456789abcdef",
        },
        "nodes": [
            {"id": "ru", "label": "Russia", "type": "country", "aliases": ["Russia"], "mentions": 2,
             "documents": ["d1"], "wikidata": "Q159", "statements": 1},
            {"id": "tj", "label": "Tajikistan", "type": "country", "aliases": [], "mentions": 1,
             "documents": ["d1"], "wikidata": None, "statements": 0},
        ],
        "edges": [  # in the order graph.json keeps: by source, target, key
            {"source": "ru", "target": "tj", "key": "attribution", "kind": "attribution", "weight": 1,
             "documents": ["d1"], "evidence": [{"doc": "d1", "sentence": 0, "start": 40, "end": 47,
                                                "statement": "d1#1", "cue": "said", "kind": "direct",
                                                "reported_by": None}]},
            {"source": "ru", "target": "tj", "key": "co_mention", "kind": "co_mention", "weight": 1,
             "documents": ["d1"], "evidence": [{"doc": "d1", "sentence": 1, "start": 0, "end": 35}]},
        ],
    }


def changed(path: str, value, *, delete: bool = False):
    """A change to ``valid()``: set (or delete) the field at a dotted path with list indexes."""
    def apply(data: dict) -> dict:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target = data
        for part in parents:
            target = target[part]
        if delete:
            del target[last]
        else:
            target[last] = value
        return data
    return apply


def nested(depth: int):
    value: list = []
    for _ in range(depth):
        value = [value]
    return value


# (what is wrong, the change as JSON data or raw bytes, what the one line must name)
MALFORMED = [
    ("garbage", b"this is not json", "not a graph.json"),
    ("empty file", b"", "not a graph.json"),
    ("not UTF-8", b'{"nodes": ["\xff\xfe"]}', "not a graph.json"),
    ("lone surrogate", b'{"nodes": [{"id": "\\ud800"}], "edges": []}', "not a graph.json"),
    ("NaN weight", json.dumps(valid()).replace('"weight": 1', '"weight": NaN', 1).encode(), "not a graph.json"),
    ("infinite weight", json.dumps(valid()).replace('"weight": 1', '"weight": 1e400', 1).encode(), "not a graph.json"),
    ("nested beyond any parser", b"[" * 5000 + b"]" * 5000, "not a graph.json"),
    ("top level a list", lambda d: [d], "not an object"),
    ("top level a string", lambda d: "graph", "not an object"),
    ("no nodes", changed("nodes", None, delete=True), "no nodes and edges"),
    ("no edges", changed("edges", None, delete=True), "no nodes and edges"),
    ("undirected", changed("directed", False), "directed"),
    ("not a multigraph", changed("multigraph", False), "multigraph"),
    ("nodes an object", changed("nodes", {"ru": {}}), "nodes: must be a list"),
    ("node a string", changed("nodes.0", "ru"), "nodes[0]: must be an object"),
    ("node without id", changed("nodes.0.id", None, delete=True), "nodes[0]: has no 'id'"),
    ("int node id", changed("nodes.0.id", 7), "nodes[0].id"),
    ("empty node id", changed("nodes.0.id", ""), "nodes[0].id"),
    ("duplicate node id", changed("nodes.1.id", "ru"), "nodes[1].id"),
    ("label a list", changed("nodes.0.label", ["Russia"]), "nodes[0].label"),
    ("node without type", changed("nodes.1.type", None, delete=True), "nodes[1]: has no 'type'"),
    ("aliases a string", changed("nodes.0.aliases", "Russia"), "nodes[0].aliases"),
    ("alias a number", changed("nodes.0.aliases", ["Russia", 5]), "nodes[0].aliases[1]"),
    ("node documents an object", changed("nodes.0.documents", {"d1": 1}), "nodes[0].documents"),
    ("negative mentions", changed("nodes.0.mentions", -1), "nodes[0].mentions"),
    ("fractional mentions", changed("nodes.0.mentions", 1.5), "nodes[0].mentions"),
    ("boolean mentions", changed("nodes.0.mentions", True), "nodes[0].mentions"),
    ("huge mentions", changed("nodes.0.mentions", 10**30), "nodes[0].mentions"),
    ("wikidata a number", changed("nodes.0.wikidata", 159), "nodes[0].wikidata"),
    ("edges an object", changed("edges", {}), "edges: must be a list"),
    ("edge a list", changed("edges.0", ["ru", "tj"]), "edges[0]: must be an object"),
    ("edge without source", changed("edges.0.source", None, delete=True), "edges[0]: has no 'source'"),
    ("edge to no node", changed("edges.0.target", "nowhere"), "edges[0].target"),
    ("int edge end", changed("edges.1.source", 1), "edges[1].source"),
    ("edge without kind or key", lambda d: [e.pop("kind") and e.pop("key") for e in d["edges"]] and d, "edges[0].kind"),
    ("huge weight", changed("edges.0.weight", 1e308), "edges[0].weight"),
    ("huge integer weight", changed("edges.0.weight", 10**40), "edges[0].weight"),
    ("zero weight", changed("edges.0.weight", 0), "edges[0].weight"),
    ("weight a string", changed("edges.0.weight", "3"), "edges[0].weight"),
    ("edge documents a string", changed("edges.0.documents", "d1"), "edges[0].documents"),
    ("evidence an object", changed("edges.0.evidence", {}), "edges[0].evidence"),
    ("evidence item a string", changed("edges.0.evidence.0", "a sentence"), "edges[0].evidence[0]"),
    ("evidence without doc", changed("edges.0.evidence.0.doc", None, delete=True), "edges[0].evidence[0]: has no 'doc'"),
    ("sentence index out of the table", changed("edges.0.evidence.0.sentence", 9), "edges[0].evidence[0].sentence"),
    ("sentence an object", changed("edges.0.evidence.0.sentence", {"text": SENTENCE}), "edges[0].evidence[0].sentence"),
    ("negative offset", changed("edges.0.evidence.0.start", -4), "edges[0].evidence[0].start"),
    ("end before start", changed("edges.0.evidence.0.start", 50), "edges[0].evidence[0].end"),
    ("cue a number", changed("edges.0.evidence.0.cue", 3), "edges[0].evidence[0].cue"),
    ("graph a list", changed("graph", []), "graph: must be an object"),
    ("sentences an object", changed("graph.sentences", {}), "graph.sentences"),
    ("a sentence a number", changed("graph.sentences.1", 1), "graph.sentences[1]"),
    ("build id a number", changed("graph.build_id", 12), "graph.build_id"),
    ("documents a string", changed("graph.documents", "d1"), "graph.documents"),
    ("document without id", changed("graph.documents.0.id", None, delete=True), "graph.documents[0]: has no 'id'"),
    ("statement text a list", changed("graph.statements.0.text", ["We", "met"]), "graph.statements[0].text"),
    ("statement speaker a number", changed("graph.statements.0.speaker", 1), "graph.statements[0].speaker"),
    ("statement mentions a string", changed("graph.statements.0.mentions", "tj"), "graph.statements[0].mentions"),
    ("statement start a string", changed("graph.statements.0.start", "40"), "graph.statements[0].start"),
    ("an extra field nested too deep", changed("nodes.0.history", nested(500)), "nodes[0].history"),
    ("an extra top-level field nested too deep", changed("extra", nested(900)), "extra"),
]


def write(tmp_path, change) -> str:
    path = tmp_path / "graph.json"
    if isinstance(change, bytes):
        path.write_bytes(change)
    else:
        path.write_text(json.dumps(change(valid()), ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("what, change, field", MALFORMED, ids=[case[0] for case in MALFORMED])
def test_a_malformed_graph_json_is_one_line_naming_the_file_and_field(tmp_path, capsys, what, change, field):
    path = write(tmp_path, change)
    with pytest.raises(ValueError) as caught:
        graph.load(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and field in message and "\n" not in message
    html = tmp_path / "view.html"
    assert cli_main(["render", str(path), "--out", str(html)]) == 1
    err = capsys.readouterr().err
    assert err == f"entity-graph: error: {message}\n" and not html.exists()


def test_a_missing_file_or_empty_folder_is_one_line(tmp_path, capsys):
    for path in (tmp_path / "missing.json", tmp_path):
        with pytest.raises(ValueError, match="cannot read"):
            graph.load(path)
        assert cli_main(["render", str(path), "--out", str(tmp_path / "x.html")]) == 1
        assert capsys.readouterr().err.count("\n") == 1


def test_from_data_checks_the_contract_too():
    with pytest.raises(ValueError, match=r"graph data: nodes\[0\]\.id"):
        graph.KnowledgeGraph.from_data(changed("nodes.0.id", 7)(valid()))


def test_fields_a_later_version_adds_are_kept_and_optional(tmp_path):
    data = valid()
    data["nodes"][0]["first_seen"] = "2016-01-21"
    data["edges"][1]["first_seen"] = "2016-01-21"
    data["edges"][1]["evidence"][0]["date"] = "2016-01-21"
    data["graph"]["statements"][0]["speaker_text"] = "the Russian side"
    data["graph"]["statements"][0]["kind"] = "a_kind_not_yet_known"
    data["graph"]["provenance"] = {"tool": {"name": "entity-graph", "options": [1, 2, {"x": None}]}}
    data["edges"].append({"source": "tj", "target": "ru", "key": "alliance", "kind": "alliance", "weight": 1})
    for field in ("aliases", "documents", "mentions", "statements", "wikidata"):
        del data["nodes"][1][field]
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    kg = graph.load(path)
    assert kg.nx.nodes["ru"]["first_seen"] == "2016-01-21"
    assert kg.nx.edges["ru", "tj", "co_mention"]["evidence"][0] == {
        "doc": "d1", "sentence": SENTENCE, "start": 0, "end": 35, "date": "2016-01-21"}
    assert kg.statements[0]["speaker_text"] == "the Russian side"
    assert kg.nx.graph["provenance"] == data["graph"]["provenance"]
    assert list(kg.evidence("Russia", "Tajikistan", kinds="co_mention")["sentence"]) == [SENTENCE]
    assert cli_main(["render", str(path), "--out", str(tmp_path / "view.html")]) == 0


def test_older_files_load_links_and_inline_sentences(tmp_path):
    """networkx before 3.4 wrote ``links``; before the sentence table evidence held its text."""
    data = valid()
    sentences = data["graph"].pop("sentences")
    del data["graph"]["build_id"]
    for edge in data["edges"]:
        for ev in edge["evidence"]:
            ev["sentence"] = sentences[ev["sentence"]]
    data["links"] = data.pop("edges")
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    kg = graph.load(path)
    current = graph.KnowledgeGraph.from_data(valid())
    assert kg.to_data() == current.to_data()
    assert list(kg.neighbours("Russia", kinds="co_mention")["evidence"]) == [[SENTENCE]]
    assert cli_main(["render", str(path), "--out", str(tmp_path / "view.html")]) == 0
    assert SENTENCE in (tmp_path / "view.html").read_text("utf-8")


def test_the_file_form_round_trips(tmp_path):
    kg = graph.KnowledgeGraph.from_data(valid())
    path = kg.save(tmp_path / "copy.json")
    again = json.loads(path.read_text("utf-8"))
    expected = copy.deepcopy(valid())
    assert again["graph"].pop("build_id") != expected["graph"].pop("build_id")  # the id is of the content
    assert again == expected


@pytest.mark.parametrize("a, b", [("Müller", "Muller"), ("South Front", "SouthFront"), ("U.S.", "US"),
                                  ("The Taliban’s", "taliban"), ("Kurgan-Tyube", "kurgan tyube")])
def test_one_name_normaliser_for_the_build_and_the_api(a, b):
    assert fold(a) == fold(b) and normalize_name(a) == normalize_name(b) == fold(a)


# ---- any corruption: one line or a graph that works --------------------------------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


def _places(value, path=()):
    """Every (path, value) inside ``value``."""
    yield path, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _places(child, (*path, index))


PLACES = [path for path, _ in _places(valid()) if path]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(where=st.sampled_from(PLACES), value=JSON_VALUES, delete=st.booleans())
def test_any_corrupted_field_loads_or_is_one_line(tmp_path, where, value, delete):
    data = valid()
    parent = data
    for part in where[:-1]:
        parent = parent[part]
    if delete and isinstance(parent, dict):
        del parent[where[-1]]
    else:
        parent[where[-1]] = value
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        kg = graph.load(path)
    except ValueError as error:
        assert str(error).startswith(f"{path}: ") and "\n" not in str(error)
        return
    # what loads works: tables, subgraphs, saving and the page
    for node in kg.nx:
        kg.neighbours(node)
    kg.entities(), kg.relationships(), kg.said(), kg.quotes(), kg.top(3, by="pagerank")
    kg.filter(min_weight=1, keep_isolated=True).save(tmp_path / "again.json")
    graph.load(tmp_path / "again.json")
    assert "<html" in kg.show().html


def test_every_statement_kind_is_in_the_readme_contract_and_the_viewer():
    # a kind the user can filter on must be documented and shown, not only written
    from pathlib import Path

    from graph.records import StatementKind

    root = Path(__file__).resolve().parent.parent
    readme = root.joinpath("README.md").read_text(encoding="utf-8")
    viewer = root.joinpath("graph", "viewer", "viewer.js").read_text(encoding="utf-8")
    shown = viewer.split("const STATEMENT_KINDS", 1)[1].split("};", 1)[0]
    for kind in StatementKind:
        assert f"`{kind.value}`" in readme, kind
        assert f"{kind.value}:" in shown, kind
