"""Every alias of a node records how it joined the entity (``alias_reasons`` in graph.json,
``kg.why`` in the API): one hand-written corpus that makes each rule of resolution fire."""
from __future__ import annotations

import pytest

import graph

GRAIN = (
    "Grain exporters meet in Almaty\n\n"
    "The Northern Grain Cooperative (NGC) said on Tuesday that exports to the United States would rise. "
    "The NGC expects a record harvest.\n\n"
    "American officials welcomed the news. Washington criticised the new tariffs, while Kazakhstn promised lower duties.\n\n"
    "Marta Kowalczyk, a trader, said prices were stable. \"We are optimistic,\" Kowalczyk told reporters.\n\n"
    "Trucks crossed the border at Khorgos on Monday. Dmitri Sorokin, a driver, said the queue was long.\n\n"
    "Floods hit Ust-Kamenogorsk last week. Rescue teams in Kamenogorsk worked through the night.\n"
)
CROSSING = (
    "Border crossings reopen\n\n"
    "The crossing at Horgos reopened on Friday after repairs. Dmitry Sorokin said drivers were relieved.\n"
)


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("reasons")
    (corpus / "grain.txt").write_text(GRAIN, encoding="utf-8")
    (corpus / "crossing.txt").write_text(CROSSING, encoding="utf-8")
    return graph.build(corpus)


@pytest.mark.parametrize("entity, alias, rule, doc", [
    ("United States", "United States", "curated", "grain"),
    ("United States", "American", "demonym", "grain"),
    ("United States", "Washington", "capital", "grain"),  # acting: it criticised
    ("Northern Grain Cooperative", "NGC", "acronym", "grain"),  # defined in grain
    ("Northern Grain Cooperative", "Northern Grain Cooperative", "name", "grain"),
    ("Marta Kowalczyk", "Kowalczyk", "surname", "grain"),
    ("Kazakhstan", "Kazakhstn", "spelling", "grain"),
    ("Dmitri Sorokin", "Dmitry Sorokin", "first_name", "crossing"),
    ("Ust-Kamenogorsk", "Kamenogorsk", "name_part", "grain"),
    ("Horgos", "Khorgos", "transliteration", "grain"),
])
def test_each_rule_records_its_reason(kg, entity, alias, rule, doc):
    node = kg.entity(entity)
    assert alias in node["aliases"]
    assert node["alias_reasons"][alias] == {"rule": rule, "doc": doc}


def test_every_alias_has_a_reason_and_aliases_stay_a_list_of_names(kg):
    for node in kg.nx.nodes.values():
        assert isinstance(node["aliases"], list) and all(isinstance(a, str) for a in node["aliases"])
        assert sorted(node["alias_reasons"]) == sorted(node["aliases"])


def test_why_explains_the_name_asked_first(kg):
    why = kg.why("Kowalczyk")
    assert list(why.columns) == ["alias", "rule", "doc", "title", "why"]
    assert why.iloc[0].to_dict() == {
        "alias": "Kowalczyk", "rule": "surname", "doc": "grain", "title": "Grain exporters meet in Almaty",
        "why": "the surname of the full name in the document (else the only one in the corpus)",
    }
    assert set(why["alias"]) == {"Kowalczyk", "Marta Kowalczyk"}


def test_why_after_a_correction(kg, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "grain.txt").write_text(GRAIN, encoding="utf-8")
    fixed = graph.build(corpus, corrections=[{"action": "merge", "entities": ["Kazakhstan", "Almaty"]}])
    why = fixed.why("Almaty")
    assert why.iloc[0]["rule"] == "correction" and why.iloc[0]["why"] == "your correction"


def test_why_on_a_graph_json_without_reasons(kg):
    data = kg.to_data()
    for n in data["nodes"]:
        n.pop("alias_reasons")
    old = graph.KnowledgeGraph.from_data(data)
    assert old.why("NGC")["rule"].isna().all()
