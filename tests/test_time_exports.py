"""Time in the graph (first/last seen, kg.between, kg.timeline) and the exports (GEXF, GraphML,
Neo4j, CSV), on a generated corpus of dated articles and on the seeds, built through the CLI."""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest
from antlr4 import CommonTokenStream, InputStream
from antlr4.error.ErrorListener import ErrorListener
from antlr4_cypher import CypherLexer, CypherParser
from dated_corpus import write_dated_corpus

import graph
from graph.cli import main

README = Path(__file__).resolve().parent.parent / "README.md"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict, dict]:
    """(output folder, graph.json data, document id -> expected date)"""
    root = tmp_path_factory.mktemp("dated")
    expected = write_dated_corpus(root / "corpus")
    assert main(["build", str(root / "corpus"), "-o", str(root / "out"), "-q", "--formats", "gexf,neo4j,csv"]) == 0
    return root / "out", json.loads((root / "out" / "graph.json").read_text(encoding="utf-8")), expected


@pytest.fixture(scope="module", params=["dated corpus", "seeds"])
def exported(request, built, tmp_path_factory) -> tuple[Path, dict]:
    """(output folder, graph.json data) of the dated corpus and of the seeds, with every export."""
    if request.param == "dated corpus":
        return built[0], built[1]
    out = tmp_path_factory.mktemp("seeds") / "out"
    assert main(["build", str(README.parent / "seeds"), "-o", str(out), "-q", "--formats", "gexf,neo4j,csv"]) == 0
    return out, json.loads((out / "graph.json").read_text(encoding="utf-8"))


def date_of(data: dict) -> dict:
    return {d["id"]: d["date"] for d in data["graph"]["documents"]}


def edge_key(e: dict) -> tuple:
    return (e["source"], e["target"], e["kind"])


# ---- dates, first/last seen ----------------------------------------------------------------


def test_documents_get_their_dates_and_the_summary_counts_them(built, capsys, tmp_path) -> None:
    out, data, expected = built
    assert date_of(data) == expected
    corpus = out.parent / "corpus"
    assert main(["build", str(corpus), "-o", str(tmp_path / "again")]) == 0
    assert f"documents  {len(expected)}  ({sum(1 for v in expected.values() if v)} dated)" in capsys.readouterr().out


def test_first_and_last_seen_span_the_evidence_dates(exported) -> None:
    _, data = exported
    dates = date_of(data)
    assert data["edges"] and data["nodes"]
    for e in data["edges"]:
        days = sorted(d for d in (dates[ev["doc"]] for ev in e["evidence"]) if d)
        assert all(ev["date"] == dates[ev["doc"]] for ev in e["evidence"])
        assert (e["first_seen"], e["last_seen"]) == ((days[0], days[-1]) if days else (None, None))
    for n in data["nodes"]:
        days = sorted(d for d in (dates[doc] for doc in n["documents"]) if d)
        assert (n["first_seen"], n["last_seen"]) == ((days[0], days[-1]) if days else (None, None))
        assert sum(n["document_mentions"].values()) == n["mentions"]
    assert all(s["date"] == dates[s["doc"]] for s in data["graph"]["statements"])
    if len(set(filter(None, dates.values()))) > 1:
        assert any(n["first_seen"] != n["last_seen"] for n in data["nodes"])


def test_between_keeps_what_the_period_says(built) -> None:
    out, data, expected = built
    kg = graph.load(out / "graph.json")
    march = kg.between("2021-03-01", dt.date(2021, 3, 31))
    in_march = {d for d, day in expected.items() if day and day.startswith("2021-03")}
    assert {d["id"] for d in march.documents} == in_march
    for _, _, a in march.nx.edges(data=True):
        assert {ev["doc"] for ev in a["evidence"]} <= in_march
        assert "2021-03-01" <= a["first_seen"] <= a["last_seen"] <= "2021-03-31"
    assert all(s["doc"] in in_march for s in march.statements)
    assert len(kg.between("2030-01-01")) == 0
    assert len(kg.between(None, None).documents) == sum(1 for v in expected.values() if v)  # undated: in no period
    with pytest.raises(ValueError):
        kg.between("2021-04-01", "2021-03-01")


def test_timeline_counts_mentions_and_statements_per_week(built) -> None:
    out, data, _ = built
    kg = graph.load(out / "graph.json")
    speaker = max(kg.statements, key=lambda s: s["speaker"] is not None)["speaker"]
    frame = kg.timeline(speaker, freq="W")
    assert list(frame.columns) == ["mentions", "documents", "statements", "about"]
    node = kg.nx.nodes[speaker]
    dates = date_of(data)
    dated = {d: n for d, n in node["document_mentions"].items() if dates[d]}
    assert frame["mentions"].sum() == sum(dated.values())
    assert frame["statements"].sum() == sum(1 for s in kg.statements if s["speaker"] == speaker and dates[s["doc"]])
    assert frame.index[0] == pd.Period(node["first_seen"], freq="W").start_time
    assert (frame.index[1:] - frame.index[:-1] == pd.Timedelta(weeks=1)).all()  # empty weeks are rows of zeros
    said = kg.said(speaker)
    assert len(said) and [None if pd.isna(v) else v for v in said["date"]] == [dates[d] for d in said["doc"]]
    monthly = kg.timeline(speaker, freq="M")
    assert monthly["mentions"].sum() == frame["mentions"].sum() and len(monthly) < len(frame)


# ---- exports: round trips --------------------------------------------------------------------


def test_gexf_round_trip_with_spells_from_the_evidence_dates(exported) -> None:
    out, data = exported
    text = (out / "graph.gexf").read_text(encoding="utf-8")
    assert 'version="1.3"' in text and 'timeformat="date"' in text and "lastmodifieddate" not in text
    H = nx.read_gexf(out / "graph.gexf", version="1.3")
    dates = date_of(data)
    assert sorted(H.nodes) == sorted(n["id"] for n in data["nodes"])
    for n in data["nodes"]:
        attrs = H.nodes[n["id"]]
        assert (attrs["label"], attrs["type"], attrs["mentions"]) == (n["label"], n["type"], n["mentions"])
        assert attrs.get("first_seen") == n["first_seen"]
        days = sorted({dates[d] for d in n["documents"] if dates[d]})
        assert attrs.get("spells", []) == [(d, d) for d in days]
    edges = {a["id"]: a for _, _, a in H.edges(data=True)}
    assert len(edges) == len(data["edges"])
    for e in data["edges"]:
        attrs = edges["|".join(edge_key(e))]
        assert (attrs["kind"], attrs["weight"], attrs.get("last_seen")) == (e["kind"], e["weight"], e["last_seen"])
        days = sorted({ev["date"] for ev in e["evidence"] if ev["date"]})
        assert attrs.get("spells", []) == [(d, d) for d in days]


def test_graphml_round_trip(exported) -> None:
    out, data = exported
    H = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert sorted(H.nodes) == sorted(n["id"] for n in data["nodes"])
    got = {(u, v, k): a for u, v, k, a in H.edges(keys=True, data=True)}
    assert {edge_key(e): (e["weight"], e["first_seen"]) for e in data["edges"]} == {
        key: (a["weight"], a.get("first_seen")) for key, a in got.items()}


def test_csv_tables_round_trip(exported) -> None:
    out, data = exported
    nodes = pd.read_csv(out / "csv" / "nodes.csv", keep_default_na=False)
    edges = pd.read_csv(out / "csv" / "edges.csv", keep_default_na=False)
    statements = pd.read_csv(out / "csv" / "statements.csv", keep_default_na=False)
    documents = pd.read_csv(out / "csv" / "documents.csv", keep_default_na=False)
    assert list(nodes["id"]) == sorted(n["id"] for n in data["nodes"])
    by_id = {n["id"]: n for n in data["nodes"]}
    for row in nodes.itertuples():
        n = by_id[row.id]
        assert (row.type, row.mentions, row.first_seen or None, row.documents.split("; ")) == (
            n["type"], n["mentions"], n["first_seen"], n["documents"])
    assert sorted(zip(edges["source"], edges["target"], edges["kind"], edges["weight"], edges["last_seen"])) == sorted(
        (*edge_key(e), e["weight"], e["last_seen"] or "") for e in data["edges"])
    assert sorted(zip(statements["id"], statements["date"])) == sorted(
        (s["id"], s["date"] or "") for s in data["graph"]["statements"])
    assert dict(zip(documents["id"], documents["date"])) == {k: v or "" for k, v in date_of(data).items()}


# ---- Neo4j: the import tool's header rules, a read back, Cypher that parses -------------------

IMPORT_TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
                "date", "localtime", "time", "localdatetime", "datetime", "duration"}
HEADER_FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>ID|LABEL|START_ID|END_ID|TYPE|IGNORE|[a-z]+(?:\[\])?)(?:\((?P<space>\w+)\))?)?$")


def read_import_csv(path: Path) -> tuple[str, str | None, list[dict]]:
    """Check ``path``'s header by neo4j-admin import's rules; returns (node|relationship, id space
    of a node file, rows with values converted by their types)."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header, body = rows[0], rows[1:]
    fields = [HEADER_FIELD.match(h) for h in header]
    assert all(fields), header
    kinds = [f["type"] for f in fields]
    names = [f["name"] for f in fields if f["name"]]
    assert len(names) == len(set(names)), f"{path.name}: repeated property"
    for f in fields:
        if f["type"] and f["type"] not in ("ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"):
            assert f["type"].removesuffix("[]") in IMPORT_TYPES, f"{path.name}: type {f['type']}"
    if "ID" in kinds:
        shape = "node"
        assert kinds.count("ID") == 1 and kinds.count("LABEL") <= 1 and not {"START_ID", "END_ID", "TYPE"} & set(kinds)
    else:
        shape = "relationship"
        assert kinds.count("START_ID") == 1 and kinds.count("END_ID") == 1 and kinds.count("TYPE") == 1
    space = fields[kinds.index("ID")]["space"] if shape == "node" else None
    out = []
    for row in body:
        assert len(row) == len(header)
        record = {}
        for f, value in zip(fields, row):
            key = f["name"] or f":{f['type']}"
            t = f["type"]
            if value == "":
                record[key] = None
            elif t in ("int", "long"):
                record[key] = int(value)
            elif t == "date":
                record[key] = dt.date.fromisoformat(value).isoformat()
            elif t and t.endswith("[]"):
                record[key] = value.split(";")
            else:
                record[key] = value
            if t in ("START_ID", "END_ID"):
                record[f"{key}_space"] = f["space"]
        out.append(record)
    return shape, space, out


def test_neo4j_files_follow_the_import_rules_and_hold_the_graph(exported) -> None:
    out, data = exported
    folder = out / "neo4j"
    nodes: dict[str, dict[str, dict]] = {}
    relationships = []
    for path in sorted(folder.glob("*.csv")):
        shape, space, rows = read_import_csv(path)
        if shape == "node":
            assert space not in nodes
            nodes[space] = {r[next(k for k in r if k == "id")]: r for r in rows}
        else:
            relationships += rows
    assert set(nodes) == {"Entity", "Statement", "Document"}
    assert sorted(nodes["Entity"]) == sorted(n["id"] for n in data["nodes"])
    for n in data["nodes"]:
        row = nodes["Entity"][n["id"]]
        assert (row["type"], row["mentions"], row["first_seen"], row["documents"]) == (n["type"], n["mentions"], n["first_seen"], n["documents"])
        assert row[":LABEL"] == "Entity;" + n["type"].title()
    for r in relationships:  # every end is a node of its id space
        assert r[":START_ID"] in nodes[r[":START_ID_space"]] and r[":END_ID"] in nodes[r[":END_ID_space"]]
    between = {(r[":START_ID"], r[":END_ID"], r[":TYPE"]): r for r in relationships if r[":START_ID_space"] == r[":END_ID_space"] == "Entity"}
    assert {(e["source"], e["target"], e["kind"].upper()): (e["weight"], e["first_seen"]) for e in data["edges"]} == {
        k: (r["weight"], r["first_seen"]) for k, r in between.items()}
    statements = data["graph"]["statements"]
    by_type = lambda t: sorted((r[":START_ID"], r[":END_ID"]) for r in relationships if r[":TYPE"] == t)  # noqa: E731
    assert by_type("SAID") == sorted((s["speaker"], s["id"]) for s in statements if s["speaker"])
    assert by_type("IN") == sorted((s["id"], s["doc"]) for s in statements)
    assert by_type("ABOUT") == sorted((s["id"], m) for s in statements for m in s["mentions"])
    assert by_type("RELAYED") == sorted((s["reported_by"], s["id"]) for s in statements if s["reported_by"])
    assert {k: r["date"] for k, r in nodes["Statement"].items()} == {s["id"]: s["date"] for s in statements}


class _Errors(ErrorListener):
    def __init__(self) -> None:
        self.errors: list[str] = []

    def syntaxError(self, recognizer, symbol, line, column, message, error) -> None:  # noqa: N802 - ANTLR's name
        self.errors.append(f"{line}:{column} {message}")


def cypher_errors(query: str) -> list[str]:
    """Syntax errors of an openCypher query, from the openCypher grammar (antlr4-cypher)."""
    errors = _Errors()
    lexer = CypherLexer(InputStream(query))
    lexer.removeErrorListeners()
    lexer.addErrorListener(errors)
    parser = CypherParser(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(errors)
    parser.script()
    return errors.errors


# The grammar has no LOAD CSV clause nor schema commands: those two forms are checked against
# Neo4j's syntax here, and the query that follows LOAD CSV goes to the parser.
LOAD_CSV = re.compile(r"^LOAD CSV WITH HEADERS FROM '(?P<url>file:///[\w.-]+\.csv)' AS row\s+(?P<rest>.+)$", re.DOTALL)
CONSTRAINT = re.compile(r"^CREATE CONSTRAINT \w+ IF NOT EXISTS FOR \(n:\w+\) REQUIRE n\.id IS UNIQUE$")


def test_cypher_parser_rejects_broken_queries() -> None:
    assert cypher_errors("MATCH (a:Entity)-[:SAID]->(s) RETURN a.label") == []
    assert cypher_errors("MATCH (a:Entity RETURN a")
    assert cypher_errors("MATCH (a) RETURN a.x ORDER a")


def test_load_cypher_parses_and_loads_every_file(exported) -> None:
    folder = exported[0] / "neo4j"
    script = "\n".join(line for line in (folder / "load.cypher").read_text(encoding="utf-8").splitlines() if not line.startswith("//"))
    statements = [s.strip() for s in re.split(r";$", script, flags=re.MULTILINE) if s.strip()]
    loaded = set()
    for statement in statements:
        if statement.startswith("CREATE CONSTRAINT"):
            assert CONSTRAINT.match(statement), statement
            continue
        load = LOAD_CSV.match(statement)
        if load:
            loaded.add(load["url"].removeprefix("file:///"))
            headers = next(csv.reader((folder / load["url"].removeprefix("file:///")).open(encoding="utf-8")))
            for used in re.findall(r"row\.`([^`]+)`", load["rest"]):
                assert used in headers, (load["url"], used)
            statement = load["rest"]
        assert cypher_errors(statement) == [], statement
    assert loaded == {p.name for p in folder.glob("*.csv")}


def test_readme_cypher_queries_parse() -> None:
    section = README.read_text(encoding="utf-8").split("### Neo4j", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    queries = re.findall(r"```cypher\n(.*?)```", section, re.DOTALL)
    assert len(queries) >= 3
    for q in queries:
        assert cypher_errors(q.strip().rstrip(";")) == [], q


# ---- CLI and determinism ---------------------------------------------------------------------


@pytest.mark.parametrize("fmt, path", [("gexf", "g.gexf"), ("graphml", "g.graphml"), ("neo4j", "neo"), ("csv", "tables")])
def test_export_command_writes_what_the_build_wrote(exported, tmp_path, fmt, path) -> None:
    out, _ = exported
    assert main(["export", str(out / "graph.json"), "--to", fmt, "-o", str(tmp_path / path)]) == 0
    built_path = out / {"gexf": "graph.gexf", "graphml": "graph.graphml", "neo4j": "neo4j", "csv": "csv"}[fmt]
    if built_path.is_dir():
        assert {p.name: p.read_bytes() for p in built_path.iterdir()} == {p.name: p.read_bytes() for p in (tmp_path / path).iterdir()}
    elif fmt == "graphml":  # the same content; attributes in graph.json's order, so other key ids
        a, b = (nx.read_graphml(p, force_multigraph=True) for p in (built_path, tmp_path / path))
        assert dict(a.nodes(data=True)) == dict(b.nodes(data=True))
        assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))
    else:
        assert built_path.read_bytes() == (tmp_path / path).read_bytes()


def test_export_of_a_bad_file_is_one_line(tmp_path, capsys) -> None:
    bad = tmp_path / "graph.json"
    bad.write_text("{", encoding="utf-8")
    assert main(["export", str(bad), "--to", "gexf", "-o", str(tmp_path / "g.gexf")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(bad) in err[0]
    assert not (tmp_path / "g.gexf").exists()
    with pytest.raises(SystemExit):
        main(["build", str(tmp_path), "--formats", "gexf,xls"])
