"""``entity-graph evaluate``: a hand-made graph.json scored against a hand-made gold annotation whose
figures are worked out by hand, every kind of miss listed, bad gold files refused in one line."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.cli import main
from graph.evaluation import evaluate, load_gold, parse_gold

ROOT = Path(__file__).resolve().parent.parent


def node(id_, label, type_, aliases, documents, mentions=1):
    return {"id": id_, "label": label, "type": type_, "aliases": aliases, "documents": documents,
            "mentions": mentions, "wikidata": None, "statements": 0}


def said(doc, n, speaker, text, start):
    return {"id": f"{doc}#{n}", "doc": doc, "speaker": speaker, "text": text, "start": start, "end": start + len(text),
            "cue": "said", "kind": "direct", "reported_by": None, "mentions": []}


GRAPH = {
    "directed": True, "multigraph": True, "edges": [],
    "nodes": [
        node("zk", "Viktor Danilenko", "person", ["Danilenko", "Viktor Danilenko"], ["d1", "d2"], 3),
        node("kab2", "V. Danilenko", "person", ["V. Danilenko"], ["d2"]),  # a split of Viktor Danilenko
        node("ru", "Russia", "country", ["Russia", "Russian"], ["d1"]),
        node("ta", "Tajikistan", "country", ["Tajikistan", "Uzbekistan"], ["d1"]),  # a merge of two countries
        node("tbilisi", "Tbilisi", "place", ["Tbilisi"], ["d1"]),
        node("bw", "Brightwater Capital", "place", ["Brightwater Capital"], ["d2"]),  # the wrong type
        node("pet", "Petrova", "place", ["Petrova"], ["d2"]),  # not the gold's name: an extra entity
        node("mt", "Monday Times", "organization", ["Monday Times"], ["d3"]),  # in a document not annotated
    ],
    "graph": {
        "documents": [{"id": d} for d in ("d1", "d2", "d3")],
        "statements": [
            said("d1", 1, "zk", "We will not accept these terms", 10),
            said("d1", 2, "ru", "that the border is safe and calm", 80),  # gold: Beridze said it
            said("d1", 3, None, "Talks will resume", 200),  # not in the gold
            said("d2", 1, None, "Nobody wants to invest near a war", 30),
            said("d2", 2, "bw", "the market fell by three percent", 5),
            said("d3", 1, "mt", "Prices rose", 0),  # a document not annotated
        ],
    },
}

GOLD = {
    "documents": [
        {"id": "d1",
         "entities": [
             {"name": "Viktor Danilenko", "type": "person", "aliases": ["Danilenko"]},
             {"name": "Russia", "type": "country"},
             {"name": "Tajikistan", "type": "country"},
             {"name": "Uzbekistan", "type": "country"},
             {"name": "Tbilisi", "type": "place"},
             {"name": "Irakli Beridze", "type": "person"},
         ],
         "statements": [
             {"speaker": "Danilenko", "text": "We will not accept"},
             {"speaker": "Irakli Beridze", "text": "The border is safe"},
             {"speaker": "Viktor Danilenko", "text": "Sanctions will not work"},
         ]},
        {"id": "d2",
         "entities": [
             {"name": "viktor danilenko", "type": "person", "aliases": ["V. Danilenko"]},
             {"name": "Brightwater Capital", "type": "organization"},
             {"name": "Anna Petrova", "type": "person"},
         ],
         "statements": [
             {"speaker": None, "text": "“Nobody wants to invest”"},
             {"speaker": "Brightwater Capital", "text": "The market fell"},
         ]},
        {"id": "d4",  # not in the graph: everything in it is missed
         "entities": [{"name": "Anatoly Voronin", "type": "person"}],
         "statements": [{"speaker": "Anatoly Voronin", "text": "We are ready"}]},
    ],
}


@pytest.fixture()
def files(tmp_path):
    graph_json, gold = tmp_path / "graph.json", tmp_path / "gold.json"
    graph_json.write_text(json.dumps(GRAPH), encoding="utf-8")
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    return graph_json, gold


def test_the_figures_worked_out_by_hand():
    scores = evaluate(GRAPH, parse_gold(GOLD))
    # 10 gold (document, entity) pairs, 7 found; 8 (document, node) pairs in annotated documents, 7 gold
    assert (scores.entities.gold, scores.entities.gold_matched) == (10, 7)
    assert (scores.entities.found, scores.entities.found_matched) == (8, 7)
    assert scores.entities.recall == pytest.approx(0.7) and scores.entities.precision == pytest.approx(0.875)
    assert scores.entities.f1 == pytest.approx(2 * 0.7 * 0.875 / 1.575)
    assert (scores.splits, scores.merges) == (1, 1)
    assert (scores.types.right, scores.types.total) == (6, 7)
    # 6 gold statements, 4 found; 5 statements in annotated documents, 4 gold
    assert (scores.statements.gold, scores.statements.gold_matched, scores.statements.found) == (6, 4, 5)
    assert scores.statements.recall == pytest.approx(4 / 6) and scores.statements.precision == pytest.approx(0.8)
    assert (scores.speakers.right, scores.speakers.total) == (3, 4)
    assert scores.missing_documents == ["d4"]


def test_a_perfect_graph_scores_one_everywhere():
    gold = {"documents": [{"id": "d1", "entities": [{"name": "Russia", "type": "country"},
                                                    {"name": "Tbilisi", "type": "place"}],
                           "statements": [{"speaker": "Russia", "text": "the border is safe"}]}]}
    data = {"nodes": [n for n in GRAPH["nodes"] if n["id"] in ("ru", "tbilisi")],
            "graph": {"documents": [{"id": "d1"}], "statements": [said("d1", 1, "ru", "that the border is safe", 0)]}}
    scores = evaluate(data, parse_gold(gold))
    figures = [scores.entities.precision, scores.entities.recall, scores.types.accuracy,
               scores.statements.precision, scores.statements.recall, scores.speakers.accuracy]
    assert figures == [1.0] * 6 and (scores.splits, scores.merges) == (0, 0) and not scores.misses


def test_types_not_annotated_are_not_counted_against_precision():
    gold = dict(GOLD, types=["person", "country", "organization"])
    scores = evaluate(GRAPH, parse_gold(gold))
    # Tbilisi, Brightwater Capital and Petrova are places: no longer among the found
    assert (scores.entities.found, scores.entities.found_matched) == (5, 5)


def test_the_cli_prints_the_figures_and_every_miss(files, capsys):
    graph_json, gold = files
    assert main(["evaluate", str(graph_json), "--gold", str(gold), "--details"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0] == "documents         3 annotated (1 not in the graph: d4)"
    assert lines[1].startswith("entities          precision 0.875  recall 0.700  F1 0.778")
    assert lines[2:5] == ["splits            1", "merges            1", "type accuracy     0.857  (6 of 7)"]
    assert lines[5].startswith("statements        precision 0.800  recall 0.667  F1 0.727")
    assert lines[6] == "speaker accuracy  0.750  (3 of 4)"
    details = set(lines[7:])
    assert details == {
        "missed_entity     d1: Irakli Beridze (person)",
        "wrong_type        d2: Brightwater Capital [bw] is place, gold organization",
        "missed_entity     d2: Anna Petrova (person)",
        "extra_entity      d2: Petrova [pet]",
        "missed_entity     d4: Anatoly Voronin (person)",
        "wrong_speaker     d1: \"The border is safe\" by Russia [ru], gold Irakli Beridze",
        "missed_statement  d1: \"Sanctions will not work\" (Viktor Danilenko)",
        "extra_statement   d1: \"Talks will resume\"",
        "missed_statement  d4: \"We are ready\" (Anatoly Voronin)",
        "split             Viktor Danilenko: V. Danilenko [kab2], Viktor Danilenko [zk]",
        "merge             Tajikistan [ta]: Tajikistan, Uzbekistan",
    }


def test_the_cli_writes_json(files, capsys):
    graph_json, gold = files
    assert main(["evaluate", str(graph_json), "--gold", str(gold), "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["entities"]["recall"] == pytest.approx(0.7) and figures["merges"] == 1
    assert len(figures["misses"]) == 11


def test_the_template_is_a_valid_gold_file():
    gold = load_gold(ROOT / "docs" / "gold_template.json")
    assert gold.documents and all(d.entities and d.statements for d in gold.documents)


@pytest.mark.parametrize("content, problem", [
    ("[1, 2]", 'expected {"documents": [...]}'),
    ('{"documents": [{"entities": []}]}', "document 1 needs an id"),
    ('{"documents": [{"id": "a", "entities": [{"name": "X", "type": "thing"}]}]}', "document 'a': 'X' has type 'thing'"),
    ('{"documents": [{"id": "a", "statements": [{"text": "We will"}]}]}', "a statement needs a speaker"),
    ('{"documents": [{"id": "a"}, {"id": "a"}]}', "document 'a' is listed twice"),
    ("{oops", "not valid JSON"),
])
def test_a_bad_gold_file_is_one_line(files, tmp_path, capsys, content, problem):
    graph_json, _ = files
    gold = tmp_path / "bad.json"
    gold.write_text(content, encoding="utf-8")
    assert main(["evaluate", str(graph_json), "--gold", str(gold)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"entity-graph: error: {gold}: ") and problem in err and "\n" not in err


def test_docstring_examples_that_run():
    import doctest

    import graph.evaluation

    assert doctest.testmod(graph.evaluation).failed == 0
