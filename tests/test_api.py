"""The analyst's API (graph.api) on a small hand-made graph whose answers are known by hand.

Two obvious clusters joined by one weak link (Russia -- United States, weight 1):

    A (TASS article):    Russia, Tajikistan, CSTO, Zamir Kabulov, TASS, Moscow (a place; also an
                         alias of Russia)
    B (Reuters article): United States, NATO, Islamic State, Jens Stoltenberg, Reuters

Kabulov is quoted three times (twice via TASS, once directly); Stoltenberg once via Reuters; one
statement has no speaker.
"""
from __future__ import annotations

import json
from html.parser import HTMLParser

import networkx as nx
import pandas as pd
import pytest

import graph
from graph.api import EntityNotFound, GraphView, KnowledgeGraph, normalize_name
from graph.cli import main as cli_main

TASS_DOC = "000_tass"
REUTERS_DOC = "001_reuters"
KABULOV_QUOTE = "The CSTO must reinforce the Tajik border now"


def node(id_, label, type_, mentions, documents, aliases=(), statements=0, wikidata=None):
    return {"id": id_, "label": label, "type": type_, "aliases": list(aliases), "mentions": mentions,
            "documents": list(documents), "wikidata": wikidata, "statements": statements}


def sentences(*where):
    """Evidence: one distinct sentence per (doc, n) pair."""
    return [{"doc": doc, "sentence": f"Sentence {n} of {doc}.", "start": 100 * n, "end": 100 * n + 20} for doc, n in where]


def said(*statements):
    return [{"doc": s["doc"], "sentence": s["text"], "start": s["start"], "end": s["end"], "statement": s["id"],
             "cue": s["cue"], "kind": s["kind"], "reported_by": s["reported_by"]} for s in statements]


def edge(source, target, kind, evidence, **extra):
    weight = len({(ev["doc"], ev["start"], ev.get("statement")) for ev in evidence})
    return {"source": source, "target": target, "key": kind, "kind": kind, "weight": weight,
            "documents": sorted({ev["doc"] for ev in evidence}), "evidence": evidence, **extra}


def statement(id_, doc, speaker, kind, cue, text, reported_by, mentions, start, speaker_text=None):
    return {"id": id_, "doc": doc, "speaker": speaker, "speaker_text": speaker_text, "cue": cue, "kind": kind,
            "text": text, "reported_by": reported_by, "mentions": mentions, "start": start, "end": start + len(text)}


S1 = statement(f"{TASS_DOC}#1", TASS_DOC, "zamir-kabulov", "direct", "said", KABULOV_QUOTE, "tass",
               ["Q863", "csto"], 1000, "Kabulov")
S2 = statement(f"{TASS_DOC}#2", TASS_DOC, "zamir-kabulov", "indirect", "warned",
               "fighters were massing on the Tajik border", "tass", ["Q863"], 1200)
S3 = statement(f"{TASS_DOC}#3", TASS_DOC, "zamir-kabulov", "direct", "added", "We are ready", None, [], 1400)
S4 = statement(f"{REUTERS_DOC}#1", REUTERS_DOC, "jens-stoltenberg", "according_to", "according to",
               "Islamic State is weakened", "reuters", ["Q2429253"], 900)
S5 = statement(f"{REUTERS_DOC}#2", REUTERS_DOC, None, "direct", "said", "Washington will stay", None, ["Q30"], 1100,
               "Western diplomats")


def fixture_data() -> dict:
    t, r = TASS_DOC, REUTERS_DOC
    nodes = [
        node("Q159", "Russia", "country", 9, [t, r], ["Russia", "Russian Federation", "Moscow", "the Kremlin"], wikidata="Q159"),
        node("Q863", "Tajikistan", "country", 6, [t, r], ["Tajik"], wikidata="Q863"),
        node("csto", "Collective Security Treaty Organization", "alliance", 4, [t], ["CSTO"]),
        node("zamir-kabulov", "Zamir Kabulov", "person", 3, [t], ["Kabulov", "Zamir Kabulov"], statements=3),
        node("tass", "TASS", "organization", 1, [t], ["TASS"]),
        node("moscow", "Moscow", "place", 2, [t, r], ["Moscow"]),
        node("Q30", "United States", "country", 8, [t, r], ["U.S.", "US", "Washington"], wikidata="Q30"),
        node("Q7184", "NATO", "alliance", 5, [r], ["NATO", "North Atlantic Treaty Organization"], wikidata="Q7184"),
        node("Q2429253", "Islamic State", "group", 7, [t, r], ["ISIS", "ISIL", "Islamic State of Iraq and the Levant"]),
        node("jens-stoltenberg", "Jens Stoltenberg", "person", 2, [r], ["Stoltenberg"], statements=1),
        node("reuters", "Reuters", "organization", 1, [r], ["Reuters"]),
    ]
    edges = [
        edge("Q159", "Q863", "co_mention", sentences((t, 1), (t, 2), (t, 3), (r, 1), (r, 2))),
        edge("Q159", "csto", "co_mention", sentences((t, 1), (t, 2), (t, 4), (t, 5))),
        edge("Q863", "csto", "co_mention", sentences((t, 1), (t, 2), (r, 1))),
        edge("Q159", "zamir-kabulov", "co_mention", sentences((t, 6), (t, 7))),
        edge("Q159", "moscow", "co_mention", sentences((t, 8), (r, 3))),
        edge("Q159", "Q30", "co_mention", sentences((r, 4))),
        edge("zamir-kabulov", "Q863", "attribution", said(S1, S2)),
        edge("zamir-kabulov", "csto", "attribution", said(S1)),
        edge("tass", "zamir-kabulov", "reported_by", said(S1, S2)),
        edge("zamir-kabulov", "Q159", "affiliation",
             [{"doc": t, "sentence": "Zamir Kabulov, Russia's presidential envoy", "start": 40, "end": 82,
               "role": "presidential envoy"}]),
        edge("Q30", "Q7184", "co_mention", sentences((r, 5), (r, 6), (r, 7), (r, 8))),
        edge("Q2429253", "Q30", "co_mention", sentences((r, 5), (r, 9), (t, 9))),
        edge("Q2429253", "Q7184", "co_mention", sentences((r, 5), (r, 10))),
        edge("Q7184", "jens-stoltenberg", "co_mention", sentences((r, 11), (r, 12))),
        edge("jens-stoltenberg", "Q2429253", "attribution", said(S4)),
        edge("reuters", "jens-stoltenberg", "reported_by", said(S4)),
        edge("jens-stoltenberg", "Q7184", "affiliation",
             [{"doc": r, "sentence": "NATO Secretary General Jens Stoltenberg", "start": 10, "end": 49,
               "role": "Secretary General"}]),
    ]
    documents = [
        {"id": t, "title": "Kabulov warns of ISIS build-up near the Tajik border", "outlet": "TASS", "author": None,
         "date": "2016-01-21", "url": None, "path": "seeds/000_tass.txt"},
        {"id": r, "title": "NATO chief says Islamic State is weakened", "outlet": "Reuters", "author": "Jane Doe",
         "date": "2016-01-22", "url": "https://example.org/nato", "path": "seeds/001_reuters.txt"},
    ]
    return {"directed": True, "multigraph": True, "graph": {"documents": documents, "statements": [S1, S2, S3, S4, S5]},
            "nodes": nodes, "edges": edges}


CLUSTER_A = {"Q159", "Q863", "csto", "zamir-kabulov", "tass", "moscow"}
CLUSTER_B = {"Q30", "Q7184", "Q2429253", "jens-stoltenberg", "reuters"}


@pytest.fixture
def graph_json(tmp_path):
    path = tmp_path / "out" / "graph.json"
    path.parent.mkdir()
    path.write_text(json.dumps(fixture_data()), encoding="utf-8")
    return path


@pytest.fixture
def kg(graph_json) -> KnowledgeGraph:
    return graph.load(graph_json)


def edge_set(k: KnowledgeGraph) -> set[tuple]:
    return {(u, v, key, a["weight"]) for u, v, key, a in k.nx.edges(keys=True, data=True)}


# ---- loading, saving, building ------------------------------------------------------------------

def test_load_holds_graph_documents_and_statements(kg, graph_json):
    assert isinstance(kg, KnowledgeGraph)
    assert isinstance(kg.nx, nx.MultiDiGraph)
    assert kg.nx.number_of_nodes() == 11 and kg.nx.number_of_edges() == 17
    assert [d["id"] for d in kg.documents] == [TASS_DOC, REUTERS_DOC]
    assert [s["id"] for s in kg.statements] == [S1["id"], S2["id"], S3["id"], S4["id"], S5["id"]]
    assert kg.problems == []
    assert repr(kg) == "<KnowledgeGraph: 11 entities, 17 relationships, 2 documents, 5 statements>"
    assert len(kg) == 11
    assert graph.load(graph_json.parent).to_data() == kg.to_data()  # the output folder works too


def test_load_rejects_what_is_not_a_graph(tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a graph.json"):
        graph.load(bad)
    with pytest.raises(ValueError, match="cannot read"):
        graph.load(tmp_path / "missing.json")


def test_to_data_round_trips_the_contract(kg):
    data = kg.to_data()
    expected = fixture_data()
    assert sorted(n["id"] for n in data["nodes"]) == sorted(n["id"] for n in expected["nodes"])
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["zamir-kabulov"] == next(n for n in expected["nodes"] if n["id"] == "zamir-kabulov")
    sentences = data["graph"].pop("sentences")
    assert data["graph"] == expected["graph"]
    assert len(data["edges"]) == len(expected["edges"])
    # evidence refers to a table holding each sentence once; resolved, it is the evidence read
    assert len(sentences) == len(set(sentences))
    resolved = {(e["source"], e["target"], e["key"]): [{**ev, "sentence": sentences[ev["sentence"]]} for ev in e["evidence"]]
                for e in data["edges"]}
    assert resolved == {(e["source"], e["target"], e["key"]): e["evidence"] for e in expected["edges"]}
    assert {text for e in expected["edges"] for text in (ev["sentence"] for ev in e["evidence"])} == set(sentences)


def test_save_writes_a_graph_json_that_loads_and_renders(kg, tmp_path):
    sub = kg.ego("Zamir Kabulov")
    path = sub.save(tmp_path / "views" / "kabulov.json")
    assert path == tmp_path / "views" / "kabulov.json"
    again = graph.load(path)
    assert again.to_data() == sub.to_data()
    assert set(again.nx) == set(sub.nx)
    assert kg.save(tmp_path / "views") == tmp_path / "views" / "graph.json"  # a folder gets graph.json
    html_path = tmp_path / "views" / "kabulov.html"
    assert cli_main(["render", str(path), "--out", str(html_path)]) == 0
    assert "Zamir Kabulov" in html_path.read_text(encoding="utf-8")


def test_build_two_text_files(tmp_path):
    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Russia reinforces Tajikistan\n\n"
        "Russia and Tajikistan agreed to strengthen the border with Afghanistan. "
        "Russia will send more troops to Tajikistan next month.\n", encoding="utf-8")
    (corpus / "b.txt").write_text(
        "Kazakhstan meets Russia\n\n"
        "Kazakhstan and Russia discussed trade. Kazakhstan also talked with China about the railway.\n",
        encoding="utf-8")
    kg = graph.build(corpus)  # one path, not a list: a folder, not its characters
    assert isinstance(kg, KnowledgeGraph)
    assert sorted(d["id"] for d in kg.documents) == ["a", "b"]
    russia = kg.find("Russia")
    assert kg.entity("russia's")["id"] == russia
    assert sorted(kg.entity("Russia")["documents"]) == ["a", "b"]
    near = kg.neighbours("Russia")
    tajik = near[(near["label"] == "Tajikistan") & (near["kind"] == "co_mention")]
    assert len(tajik) == 1 and tajik.iloc[0]["weight"] == 2 and tajik.iloc[0]["documents"] == ["a"]
    assert kg.top(1, by="mentions")["label"].tolist() == ["Russia"]


def test_build_passes_the_cache_and_jobs_through(tmp_path):
    from graph.cache import ParseCache

    corpus = tmp_path / "articles"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Russia and Tajikistan agreed to strengthen the border.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Kazakhstan and Russia discussed trade.\n", encoding="utf-8")
    first = graph.build(corpus, cache=tmp_path / "cache")
    with ParseCache(tmp_path / "cache") as store:
        assert len(store) == 2  # both parses stored where we said
    again = graph.build(corpus, cache=tmp_path / "cache", jobs=2)
    assert again.to_data() == first.to_data()
    graph.build(corpus, cache=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "cache"]


# ---- finding entities -----------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("zamir-kabulov", "zamir-kabulov"),          # the id
    ("Zamir Kabulov", "zamir-kabulov"),          # the label
    ("kabulov", "zamir-kabulov"),                # an alias, any case
    ("Kabulov's", "zamir-kabulov"),              # possessive
    ("Kabulov’s", "zamir-kabulov"),              # typographic apostrophe
    ("the CSTO", "csto"),                        # a leading "the"
    ("The CSTO's", "csto"),
    ("ISIL", "Q2429253"),
    ("islamic state of iraq and the levant", "Q2429253"),
    ("u.s.", "Q30"),                             # dots
    ("the Kremlin", "Q159"),
    ("Moscow", "moscow"),                        # a label beats another entity's alias
    ("jens stoltenberg", "jens-stoltenberg"),    # hyphens
])
def test_find_by_any_name(kg, name, expected):
    assert kg.find(name) == expected


def test_entity_returns_id_and_attributes_as_a_copy(kg):
    entity = kg.entity("CSTO")
    assert entity == {"id": "csto", "label": "Collective Security Treaty Organization", "type": "alliance",
                      "aliases": ["CSTO"], "mentions": 4, "documents": [TASS_DOC], "wikidata": None, "statements": 0}
    entity["aliases"].append("changed")
    assert kg.nx.nodes["csto"]["aliases"] == ["CSTO"]


def test_unknown_name_is_a_key_error_with_suggestions(kg):
    with pytest.raises(KeyError) as caught:
        kg.find("Kabulof")
    assert isinstance(caught.value, EntityNotFound)
    assert caught.value.suggestions[0] == "Zamir Kabulov"
    assert str(caught.value).startswith("no entity named 'Kabulof'; did you mean 'Zamir Kabulov'")
    with pytest.raises(EntityNotFound) as caught:
        kg.entity("Stoltenburg")
    assert caught.value.suggestions == ["Jens Stoltenberg"]
    with pytest.raises(EntityNotFound, match="no close name") as caught:
        kg.find("Vladimir Putin")
    assert caught.value.suggestions == []
    assert "ISIS" in kg and "Putin" not in kg


def test_normalize_name():
    assert normalize_name("The Taliban’s") == "taliban"
    assert normalize_name("  U.S.  ") == "us"
    assert normalize_name("Kurgan-Tyube") == normalize_name("kurgan tyube")
    assert normalize_name("Therapists") == "therapists"  # only the word "the"


def test_entities_table(kg):
    table = kg.entities()
    assert list(table.columns) == ["id", "label", "type", "mentions", "statements", "documents", "aliases", "wikidata"]
    assert table["id"].tolist() == ["Q159", "Q30", "Q2429253", "Q863", "Q7184", "csto", "zamir-kabulov",
                                    "jens-stoltenberg", "moscow", "reuters", "tass"]
    assert table.iloc[0].to_dict() == {"id": "Q159", "label": "Russia", "type": "country", "mentions": 9, "statements": 0,
                                       "documents": 2, "aliases": ["Russia", "Russian Federation", "Moscow", "the Kremlin"],
                                       "wikidata": "Q159"}
    assert kg.entities(["person", "organization"])["label"].tolist() == ["Zamir Kabulov", "Jens Stoltenberg", "Reuters", "TASS"]
    with pytest.raises(ValueError, match="unknown type"):
        kg.entities("persons")


# ---- relationships and evidence -------------------------------------------------------------------

def test_neighbours_ranked_by_weight_with_evidence(kg):
    table = kg.neighbours("Kabulov")
    assert list(table.columns) == ["id", "label", "type", "kind", "direction", "weight", "documents", "evidence"]
    assert table[["label", "kind", "direction", "weight"]].values.tolist() == [
        ["Russia", "co_mention", "both", 2],
        ["Tajikistan", "attribution", "out", 2],
        ["TASS", "reported_by", "in", 2],
        ["Collective Security Treaty Organization", "attribution", "out", 1],
        ["Russia", "affiliation", "out", 1],
    ]
    tass = table.iloc[2]
    assert tass["documents"] == [TASS_DOC]
    assert tass["evidence"] == [KABULOV_QUOTE, "fighters were massing on the Tajik border"]
    assert table.iloc[4]["evidence"] == ["Zamir Kabulov, Russia's presidential envoy"]
    assert kg.neighbors is not None and kg.neighbors("Kabulov").equals(table)


def test_neighbours_by_kind_and_limit(kg):
    assert kg.neighbours("Russia", limit=2)["label"].tolist() == ["Tajikistan", "Collective Security Treaty Organization"]
    assert kg.neighbours("Russia", kinds="affiliation")[["label", "direction"]].values.tolist() == [["Zamir Kabulov", "in"]]
    empty = kg.neighbours("Reuters", kinds=["co_mention"])
    assert empty.empty and list(empty.columns)[:3] == ["id", "label", "type"]


def test_relationships_table(kg):
    table = kg.relationships("co_mention", min_weight=4)
    assert list(table.columns) == ["source", "source_label", "target", "target_label", "kind", "weight", "documents"]
    assert table[["source", "target", "weight"]].values.tolist() == [["Q159", "Q863", 5], ["Q159", "csto", 4], ["Q30", "Q7184", 4]]
    assert len(kg.relationships()) == 17
    assert kg.relationships(["reported_by"])[["source_label", "target_label", "weight"]].values.tolist() == [
        ["TASS", "Zamir Kabulov", 2], ["Reuters", "Jens Stoltenberg", 1]]


def test_evidence_between_two_entities(kg):
    table = kg.evidence("Tajikistan", "Russia")
    assert list(table.columns) == ["source", "target", "kind", "doc", "title", "sentence", "start", "end", "statement", "cue", "role", "date"]
    assert table[["doc", "start"]].values.tolist() == [[TASS_DOC, 100], [TASS_DOC, 200], [TASS_DOC, 300],
                                                       [REUTERS_DOC, 100], [REUTERS_DOC, 200]]
    assert table.iloc[0]["title"] == "Kabulov warns of ISIS build-up near the Tajik border"
    both = kg.evidence("Kabulov", "Russia")
    assert both["kind"].tolist() == ["affiliation", "co_mention", "co_mention"]
    assert both.iloc[0]["role"] == "presidential envoy"
    quoted = kg.evidence("CSTO", "Kabulov", kinds="attribution")
    assert quoted[["source", "target", "sentence", "statement", "cue"]].values.tolist() == [
        ["zamir-kabulov", "csto", KABULOV_QUOTE, S1["id"], "said"]]
    assert kg.evidence("TASS", "Reuters").empty


# ---- statements ------------------------------------------------------------------------------------

def test_said_is_who_said_what(kg):
    table = kg.said()
    assert list(table.columns) == ["statement", "doc", "title", "speaker", "speaker_label", "speaker_text",
                                   "reported_by", "reported_by_label", "kind", "cue", "text", "mentions", "date"]
    assert table["statement"].tolist() == [S1["id"], S2["id"], S3["id"], S4["id"], S5["id"]]
    first = table.iloc[0]
    assert (first["speaker_label"], first["reported_by_label"], first["cue"], first["text"]) == (
        "Zamir Kabulov", "TASS", "said", KABULOV_QUOTE)
    assert first["mentions"] == ["Tajikistan", "Collective Security Treaty Organization"]
    assert first["title"] == "Kabulov warns of ISIS build-up near the Tajik border"
    assert pd.isna(table.iloc[4]["speaker"]) and pd.isna(table.iloc[2]["reported_by_label"])
    assert (first["speaker_text"], table.iloc[4]["speaker_text"]) == ("Kabulov", "Western diplomats")
    unreported = kg.said(kind="direct", document=REUTERS_DOC)  # S5: no speaker, no outlet
    assert pd.api.types.is_string_dtype(unreported["reported_by_label"]) and unreported["reported_by_label"].isna().all()


@pytest.mark.parametrize("args, kwargs, expected", [
    (("Kabulov",), {}, [S1, S2, S3]),
    ((), {"about": "Tajikistan"}, [S1, S2]),
    ((), {"about": "the United States"}, [S5]),
    ((), {"reported_by": "TASS"}, [S1, S2]),
    ((), {"kind": "according_to"}, [S4]),
    ((), {"document": REUTERS_DOC}, [S4, S5]),
    (("Kabulov",), {"about": "CSTO", "reported_by": "TASS"}, [S1]),
    (("Stoltenberg",), {"about": "Tajikistan"}, []),
])
def test_said_filters(kg, args, kwargs, expected):
    assert kg.said(*args, **kwargs)["statement"].tolist() == [s["id"] for s in expected]


def test_said_unknown_names_and_documents_raise(kg):
    with pytest.raises(EntityNotFound):
        kg.said("Putin")
    with pytest.raises(KeyError, match="unknown document"):
        kg.said(document="002_missing")


def test_quotes_is_who_quotes_whom(kg):
    table = kg.quotes()
    assert list(table.columns) == ["speaker", "speaker_label", "speaker_text", "reported_by", "reported_by_label",
                                   "statements", "documents", "example"]
    rows = [[None if pd.isna(r.speaker) else r.speaker, r.speaker_text, None if pd.isna(r.reported_by) else r.reported_by,
             r.statements, r.documents, r.example] for r in table.itertuples()]
    assert rows == [
        ["zamir-kabulov", ["Kabulov"], "tass", 2, [TASS_DOC], KABULOV_QUOTE],
        ["jens-stoltenberg", [], "reuters", 1, [REUTERS_DOC], "Islamic State is weakened"],
        ["zamir-kabulov", [], None, 1, [TASS_DOC], "We are ready"],
        [None, ["Western diplomats"], None, 1, [REUTERS_DOC], "Washington will stay"],  # an unnamed source
    ]
    assert kg.quotes(reported_by="Reuters")["speaker_label"].tolist() == ["Jens Stoltenberg"]
    assert kg.quotes("Kabulov")["statements"].tolist() == [2, 1]


def test_tables_keep_their_columns_when_there_are_no_statements(kg):
    # Kept: statements by a country, or by nobody known and naming one; not Kabulov's naming Tajikistan.
    assert kg.filter(types="country").statements == [S5]
    bare = kg.filter(types="alliance")  # CSTO and NATO are not related: nothing is left
    assert len(bare) == 0 and bare.statements == [] and bare.documents == []
    assert bare.said().empty and list(bare.said().columns)[:3] == ["statement", "doc", "title"]
    none = KnowledgeGraph(nx.MultiDiGraph())
    assert none.said().empty and list(none.said().columns)[0] == "statement"
    assert none.quotes().empty and list(none.quotes().columns)[0] == "speaker"
    assert none.communities().empty and none.top().empty


# ---- importance and structure ---------------------------------------------------------------------

def test_top_by_mentions(kg):
    table = kg.top(10)
    assert list(table.columns) == ["id", "label", "type", "mentions", "statements", "documents", "degree"]
    assert table["label"].tolist() == ["Russia", "United States", "Islamic State", "Tajikistan", "NATO",
                                       "Collective Security Treaty Organization", "Zamir Kabulov",
                                       "Jens Stoltenberg", "Moscow", "Reuters"]  # ties by label
    assert table["mentions"].tolist() == [9, 8, 7, 6, 5, 4, 3, 2, 2, 1]
    assert kg.top(3, types="person")["label"].tolist() == ["Zamir Kabulov", "Jens Stoltenberg"]


def test_top_by_degree_documents_and_statements(kg):
    degree = kg.top(11, by="degree")
    assert list(zip(degree["label"], degree["degree"])) == [
        ("Russia", 5), ("Zamir Kabulov", 4),
        ("Collective Security Treaty Organization", 3), ("Islamic State", 3), ("Jens Stoltenberg", 3),
        ("NATO", 3), ("Tajikistan", 3), ("United States", 3),
        ("Moscow", 1), ("Reuters", 1), ("TASS", 1),
    ]
    assert kg.top(5, by="documents")["label"].tolist() == ["Islamic State", "Moscow", "Russia", "Tajikistan", "United States"]
    assert kg.top(3, by="statements")[["label", "statements"]].values.tolist() == [
        ["Zamir Kabulov", 3], ["Jens Stoltenberg", 1], ["Collective Security Treaty Organization", 0]]


def test_top_by_betweenness(kg):
    table = kg.top(7, by="betweenness")
    assert list(table.columns)[-1] == "betweenness"
    # Russia and the United States are the two ends of the only bridge; Kabulov and Stoltenberg are
    # the only ways to TASS and Reuters; NATO and Islamic State share the paths to Stoltenberg.
    assert table["label"].tolist() == ["Russia", "United States", "Jens Stoltenberg", "Zamir Kabulov",
                                       "Islamic State", "NATO", "Collective Security Treaty Organization"]
    pairs = 45  # 11 entities
    assert table["betweenness"].tolist() == pytest.approx([29 / pairs, 24 / pairs, 9 / pairs, 9 / pairs,
                                                           7 / pairs, 7 / pairs, 0.0])


def test_top_by_pagerank(kg):
    table = kg.top(11, by="pagerank")
    # NATO outranks Tajikistan though less heavily linked: its cluster is smaller, so it gets a larger share.
    assert table["label"].tolist()[:5] == ["Russia", "NATO", "Tajikistan", "United States", "Zamir Kabulov"]
    assert sum(table["pagerank"]) == pytest.approx(1.0)
    # the scores are networkx's weighted PageRank of the one-link-per-pair projection
    reference = nx.pagerank(kg.projection(), weight="weight")
    assert dict(zip(table["id"], table["pagerank"])) == pytest.approx(reference, abs=1e-8)


def test_top_rejects_an_unknown_measure(kg):
    with pytest.raises(ValueError, match="not a measure"):
        kg.top(by="influence")


def test_projection_sums_every_kind_in_either_direction(kg):
    H = kg.projection()
    assert isinstance(H, nx.Graph) and not H.is_directed()
    assert H.edges["Q159", "zamir-kabulov"]["weight"] == 3  # co-mention 2 + affiliation 1
    assert H.edges["tass", "zamir-kabulov"]["weight"] == 2
    assert H.number_of_edges() == 15
    assert isinstance(H.edges["Q159", "Q863"]["weight"], int)


@pytest.mark.parametrize("seed", [0, 1, 7, 42])
def test_communities_are_the_two_clusters(kg, seed):
    table = kg.communities(seed=seed)
    assert list(table.columns) == ["community", "size", "members", "ids"]
    assert table["community"].tolist() == [0, 1]
    assert table["size"].tolist() == [6, 5]
    assert table.iloc[0]["ids"] == ["Q159", "Q863", "csto", "zamir-kabulov", "moscow", "tass"]  # most mentioned first
    assert table.iloc[0]["members"] == ["Russia", "Tajikistan", "Collective Security Treaty Organization",
                                        "Zamir Kabulov", "Moscow", "TASS"]
    assert set(table.iloc[1]["ids"]) == CLUSTER_B


def test_communities_repeat_and_drop_small_ones(kg):
    assert kg.communities(seed=3).equals(kg.communities(seed=3))
    assert kg.communities(min_size=6)["ids"].tolist() == [kg.communities().iloc[0]["ids"]]
    lonely = kg.filter(kinds="attribution", keep_isolated=True)
    assert lonely.communities(min_size=1)["size"].tolist() == [3, 2, 1, 1, 1, 1, 1, 1]
    assert lonely.communities()["size"].tolist() == [3, 2]


# ---- subgraphs --------------------------------------------------------------------------------------

def test_subgraph_is_induced_and_of_the_same_class(kg):
    sub = kg.subgraph(["Russia", "the United States", "Moscow"])
    assert type(sub) is KnowledgeGraph and sub is not kg
    assert edge_set(sub) == {("Q159", "Q30", "co_mention", 1), ("Q159", "moscow", "co_mention", 2)}
    assert [s["id"] for s in sub.statements] == [S5["id"]]
    assert [d["id"] for d in sub.documents] == [TASS_DOC, REUTERS_DOC]
    sub.nx.nodes["Q159"]["label"] = "changed"
    assert kg.nx.nodes["Q159"]["label"] == "Russia"  # a copy, not a view
    assert set(kg.subgraph("Reuters").nx) == {"reuters"}
    # Stoltenberg names the Islamic State, but he is not in it; the unattributed S5 names the US.
    assert [s["id"] for s in kg.subgraph(["ISIS", "US"]).statements] == [S5["id"]]


def test_ego_network(kg):
    ego = kg.ego("Zamir Kabulov")
    assert set(ego.nx) == {"zamir-kabulov", "Q159", "Q863", "csto", "tass"}
    assert edge_set(ego) == {
        ("Q159", "Q863", "co_mention", 5), ("Q159", "csto", "co_mention", 4), ("Q863", "csto", "co_mention", 3),
        ("Q159", "zamir-kabulov", "co_mention", 2), ("zamir-kabulov", "Q863", "attribution", 2),
        ("zamir-kabulov", "csto", "attribution", 1), ("tass", "zamir-kabulov", "reported_by", 2),
        ("zamir-kabulov", "Q159", "affiliation", 1),
    }
    assert [s["id"] for s in ego.statements] == [S1["id"], S2["id"], S3["id"]]
    assert set(kg.ego("TASS", radius=2).nx) == {"tass", "zamir-kabulov", "Q159", "Q863", "csto"}
    quoted = kg.ego("Kabulov", kinds="attribution")
    assert edge_set(quoted) == {("zamir-kabulov", "Q863", "attribution", 2), ("zamir-kabulov", "csto", "attribution", 1)}


def test_filter_by_type(kg):
    people = kg.filter(types=["person", "organization"])
    assert edge_set(people) == {("tass", "zamir-kabulov", "reported_by", 2), ("reuters", "jens-stoltenberg", "reported_by", 1)}
    countries = kg.filter(types="country")
    assert set(countries.nx) == {"Q159", "Q863", "Q30"}
    assert set(kg.filter(types="place").nx) == set()  # Moscow's only link is to a country
    assert set(kg.filter(types="place", keep_isolated=True).nx) == {"moscow"}
    with pytest.raises(ValueError, match="unknown type"):
        kg.filter(types="persons")


def test_filter_by_kind_and_weight(kg):
    quotes = kg.filter(kinds="attribution")
    assert set(quotes.nx) == {"zamir-kabulov", "Q863", "csto", "jens-stoltenberg", "Q2429253"}
    assert len(kg.filter(kinds="attribution", keep_isolated=True)) == 11
    heavy = kg.filter(min_weight=4)
    assert edge_set(heavy) == {("Q159", "Q863", "co_mention", 5), ("Q159", "csto", "co_mention", 4),
                               ("Q30", "Q7184", "co_mention", 4)}
    assert kg.filter(kinds=["co_mention"], min_weight=3).nx.number_of_edges() == 5
    with pytest.raises(ValueError, match="unknown kind"):
        kg.filter(kinds="quote")


def test_filter_by_document_recounts_weights(kg):
    tass = kg.filter(documents=TASS_DOC)
    assert set(tass.nx) == {"Q159", "Q863", "csto", "zamir-kabulov", "tass", "moscow", "Q30", "Q2429253"}
    weights = {(u, v, k): a["weight"] for u, v, k, a in tass.nx.edges(keys=True, data=True)}
    assert weights[("Q159", "Q863", "co_mention")] == 3  # 5 in all, 3 in the TASS article
    assert weights[("Q863", "csto", "co_mention")] == 2
    assert weights[("Q2429253", "Q30", "co_mention")] == 1
    assert ("Q159", "Q30", "co_mention") not in weights  # only in the Reuters article
    assert all(ev["doc"] == TASS_DOC for _, _, a in tass.nx.edges(data=True) for ev in a["evidence"])
    assert all(a["documents"] == [TASS_DOC] for _, _, a in tass.nx.edges(data=True))
    assert tass.nx.nodes["Q159"]["documents"] == [TASS_DOC] and tass.nx.nodes["Q159"]["mentions"] == 9
    assert [d["id"] for d in tass.documents] == [TASS_DOC]
    assert [s["id"] for s in tass.statements] == [S1["id"], S2["id"], S3["id"]]
    reuters = kg.filter(documents=[REUTERS_DOC])
    assert "zamir-kabulov" not in reuters.nx and reuters.nx.nodes["jens-stoltenberg"]["statements"] == 1
    core = kg.filter(documents=TASS_DOC, min_weight=2)  # weight counted in the TASS article only
    assert set(core.nx) == {"Q159", "Q863", "csto", "zamir-kabulov", "tass"}
    with pytest.raises(KeyError, match="unknown document.*did you mean '000_tass'"):
        kg.filter(documents="000_tas")


def test_filters_compose_and_leave_the_original_alone(kg):
    before = kg.to_data()
    composed = kg.filter(types=["country", "alliance"]).filter(min_weight=3)
    assert edge_set(composed) == {("Q159", "Q863", "co_mention", 5), ("Q159", "csto", "co_mention", 4),
                                  ("Q863", "csto", "co_mention", 3), ("Q30", "Q7184", "co_mention", 4)}
    assert type(composed) is KnowledgeGraph
    assert kg.to_data() == before


# ---- the inline view -------------------------------------------------------------------------------

class _Iframes(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "iframe":
            self.found.append(dict(attrs))


def test_show_embeds_the_offline_viewer_in_an_iframe(kg):
    from graph.viewer import render_html

    sub = kg.ego("Kabulov")
    view = sub.show(title='Kabulov "ego" <network>', height=500)
    assert isinstance(view, GraphView)
    markup = view._repr_html_()
    assert markup.startswith('<iframe srcdoc="') and markup.endswith("</iframe>")
    parser = _Iframes()
    parser.feed(markup)
    assert len(parser.found) == 1
    iframe = parser.found[0]
    # The attribute holds the whole page, byte for byte, once unescaped: nothing leaked out of it.
    assert iframe["srcdoc"] == render_html(sub.to_data(), title='Kabulov "ego" <network>') == view.html
    assert "allow-scripts" in iframe["sandbox"] and "allow-same-origin" not in iframe["sandbox"]
    assert "height: 500px" in iframe["style"]
    assert "<" not in markup[len('<iframe srcdoc="'):markup.index('" style=')]  # escaped
    # Offline: no script, stylesheet or frame loaded from anywhere.
    page = view.html.lower()
    assert "<script src" not in page and "<link rel=\"stylesheet\"" not in page and "default-src 'none'" in page
    assert "Zamir Kabulov" in view.html


def test_view_save_writes_the_page(kg, tmp_path):
    view = kg.show()
    path = view.save(tmp_path / "page.html")
    assert path.read_text(encoding="utf-8") == view.html
    assert repr(view).startswith("<GraphView:")


def test_fixture_weights_match_their_evidence():
    # Guard for the fixture itself: the clusters are joined by exactly one edge.
    data = fixture_data()
    across = [e for e in data["edges"] if ({e["source"], e["target"]} & CLUSTER_A) and ({e["source"], e["target"]} & CLUSTER_B)]
    assert [(e["source"], e["target"], e["weight"]) for e in across] == [("Q159", "Q30", 1)]
    assert sum(e["weight"] for e in data["edges"]) == 37


def test_docstring_examples_that_run():
    import doctest

    import importlib
    import pkgutil

    import graph.api

    modules = [graph.api] + [importlib.import_module(f"graph.api.{m.name}") for m in pkgutil.iter_modules(graph.api.__path__)]
    results = [doctest.testmod(module, optionflags=doctest.ELLIPSIS) for module in modules]
    assert sum(r.failed for r in results) == 0 and sum(r.attempted for r in results) >= 3
