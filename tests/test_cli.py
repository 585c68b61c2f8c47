"""The command line: a build on a temporary corpus, the graph.json contract, determinism, and
every kind of bad input."""
from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest

from graph.cli import main

ARTICLE = (
    "Lavrov warns of threats\n\n"
    "Foreign Minister Sergey Lavrov said on Friday that Russia would help Tajikistan. "
    "Lavrov spoke in Dushanbe after meeting officials of the Collective Security Treaty Organization (CSTO).\n\n"
    "The CSTO and Russia held exercises near the Afghan border.\n"
)
ROWS = [
    {"id": "row-1", "title": "Taliban talks", "text": "The Taliban met Chinese diplomats in Beijing. China said the talks went well.",
     "outlet": "Example News", "author": "Jane Doe", "date": "2024-01-02", "url": "https://example.org/1"},
    {"id": "row-2", "text": "Pakistan and India exchanged fire. The United Nations called for calm."},
]


def write_corpus(folder):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "lavrov.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "rows.jsonl").write_text("\n".join(json.dumps(r) for r in ROWS) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("cli")
    corpus = write_corpus(base / "corpus")
    out = base / "out"
    assert main(["build", str(corpus), "--out", str(out)]) == 0
    return base, corpus, out, json.loads((out / "graph.json").read_text(encoding="utf-8"))


def test_build_writes_the_three_outputs(built):
    _, _, out, _ = built
    for name in ("graph.json", "graph.graphml", "graph.html"):
        assert (out / name).stat().st_size > 0
    assert not list(out.glob(".*.tmp"))  # no temporary files left behind


def test_nodes_follow_the_contract(built):
    data = built[3]
    assert data["directed"] is True and data["multigraph"] is True
    nodes = {n["id"]: n for n in data["nodes"]}
    for n in nodes.values():
        assert {"id", "label", "type", "aliases", "mentions", "documents", "wikidata"} <= set(n)
        assert n["type"] in {"person", "group", "organization", "country", "alliance", "place"}
        assert n["mentions"] >= 1 and n["documents"] and isinstance(n["aliases"], list)
    lavrov = next(n for n in nodes.values() if "Lavrov" in n["aliases"])
    assert lavrov["type"] == "person" and lavrov["documents"] == ["lavrov"]
    russia = nodes["Q159"]  # a Wikidata id where the curated data knows it
    assert russia["wikidata"] == "Q159" and russia["label"] == "Russia"
    csto = next(n for n in nodes.values() if "CSTO" in n["aliases"])
    assert csto["type"] == "alliance" and csto["mentions"] == 3


def test_co_mention_edges_carry_their_evidence(built):
    data = built[3]
    edges = [e for e in data["edges"] if e["kind"] == "co_mention"]
    assert edges
    texts = {"lavrov": (built[1] / "lavrov.txt").read_text(encoding="utf-8")}
    sentences = data["graph"]["sentences"]  # each evidence sentence once; evidence holds its index
    assert len(sentences) == len(set(sentences))
    for e in edges:
        assert {"source", "target", "kind", "weight", "documents", "evidence"} <= set(e)
        assert e["source"] < e["target"]  # stored once per pair
        assert e["weight"] == len({(ev["doc"], ev["start"]) for ev in e["evidence"]})
        assert e["documents"] == sorted({ev["doc"] for ev in e["evidence"]})
        for ev in e["evidence"]:
            assert {"doc", "sentence", "start", "end"} <= set(ev) and ev["end"] > ev["start"]
            if ev["doc"] in texts:
                assert sentences[ev["sentence"]] in texts[ev["doc"]]
    russia_csto = next(e for e in edges if {e["source"], e["target"]} == {"Q159", next(n["id"] for n in data["nodes"] if "CSTO" in n["aliases"])})
    assert russia_csto["weight"] == 1 and "exercises" in sentences[russia_csto["evidence"][0]["sentence"]]


def test_documents_and_statements_are_graph_attributes(built):
    graph = built[3]["graph"]
    docs = {d["id"]: d for d in graph["documents"]}
    assert set(docs) == {"lavrov", "row-1", "row-2"}
    assert docs["row-1"]["outlet"] == "Example News" and docs["row-1"]["author"] == "Jane Doe"
    assert docs["row-1"]["date"] == "2024-01-02" and docs["row-1"]["title"] == "Taliban talks"
    for d in docs.values():
        assert {"id", "title", "outlet", "author", "date", "path"} <= set(d)
    assert isinstance(graph["statements"], list)


def test_same_input_gives_identical_graph_json(built, tmp_path):
    _, corpus, out, _ = built
    assert main(["build", str(corpus), "--out", str(tmp_path / "again"), "--quiet"]) == 0
    assert (tmp_path / "again" / "graph.json").read_bytes() == (out / "graph.json").read_bytes()


def test_graphml_has_only_scalar_attributes(built):
    G = nx.read_graphml(built[2] / "graph.graphml")
    assert G.number_of_nodes() == len(built[3]["nodes"])
    for _, attrs in G.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())
    for *_, attrs in G.edges(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in attrs.values())
        assert attrs["evidence"]


def test_summary_names_counts_and_top_entities(built, capsys):
    _, corpus, _, _ = built
    out = built[0] / "summary"
    assert main(["build", str(corpus), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "documents  3" in printed and "co_mention" in printed and "Russia (country)" in printed


@pytest.mark.parametrize(
    "setup, expected",
    [
        (lambda p: p.mkdir(), "no supported"),
        (lambda p: None, "does not exist"),
    ],
    ids=["empty folder", "missing path"],
)
def test_nothing_usable_fails_and_writes_nothing(tmp_path, capsys, setup, expected):
    target = tmp_path / "input"
    setup(target)
    out = tmp_path / "out"
    assert main(["build", str(target), "--out", str(out)]) != 0
    err = capsys.readouterr().err
    assert str(target) in err and "Traceback" not in err
    assert not (out / "graph.json").exists()
    assert not out.exists()  # not even the folder


def test_failed_build_leaves_earlier_output_as_it_was(built, tmp_path, capsys):
    _, corpus, _, _ = built
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "-q"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["build", str(empty), "--out", str(out)]) != 0
    assert "empty.txt" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_bad_files_are_skipped_with_one_line_each(tmp_path, capsys):
    corpus = write_corpus(tmp_path / "corpus")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (corpus / "latin1.txt").write_bytes("Caf\xe9 in Paris".encode("latin-1"))
    (corpus / "empty.md").write_text("", encoding="utf-8")
    with (corpus / "rows.jsonl").open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for name in ("binary.txt", "latin1.txt", "empty.md", "rows.jsonl:3"):
        assert sum(name in line for line in err.splitlines()) == 1, (name, err)
    docs = {d["id"] for d in json.loads((out / "graph.json").read_text())["graph"]["documents"]}
    assert docs == {"lavrov", "row-1", "row-2"}


def test_missing_model_is_one_clear_line(built, tmp_path, capsys):
    assert main(["build", str(built[1]), "--out", str(tmp_path / "o"), "--model", "xx_no_such_pipeline"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "xx_no_such_pipeline" in err[0] and "not installed" in err[0]


def test_render_writes_html_and_rejects_what_is_not_a_graph(built, tmp_path, capsys):
    assert main(["render", str(built[2] / "graph.json"), "-o", str(tmp_path / "view.html")]) == 0
    assert (tmp_path / "view.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    bogus = tmp_path / "bogus.json"
    bogus.write_text('{"hello": 1}', encoding="utf-8")
    assert main(["render", str(bogus), "-o", str(tmp_path / "x.html")]) == 1
    assert "bogus.json" in capsys.readouterr().err and not (tmp_path / "x.html").exists()


def test_python_dash_m_graph_is_the_same_command():
    run = subprocess.run([sys.executable, "-m", "graph", "--help"], capture_output=True, text=True, check=True)
    assert "build" in run.stdout and "render" in run.stdout
