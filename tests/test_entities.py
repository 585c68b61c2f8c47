"""Entity resolution, rule by rule, through a real build of short hand-written articles."""
from __future__ import annotations

import pytest

from graph.pipeline import build
from tests.built import build_texts, node_named

ARTICLES = {
    "a.txt": (
        "Talks in the Gulf\n\n"
        "Moscow hosted talks on Syria on Monday. The Shanghai Cooperation Organisation (SCO) sent "
        "observers, and the SCO promised to help.\n\n"
        "Field Marshal Khalifa Haftar met Kazakh and Uzbekistani diplomats. Haftar's forces later "
        "advanced on Tripoli.\n\n"
        "The Islamic State claimed the attack. ISIS fighters and ISIL recruits were seen near the border.\n\n"
        "The forum was held in Moscow, and Nikita Mendkovich, an analyst, spoke there. Mendkovich said "
        "the risk was growing.\n\n"
        "Washigton's actions were criticised by Tehran. Militants crossed from Afganistan into Kirgiztan "
        "last year.\n\n"
        "The Tajik Union of Journalists (TUJ) protested. The TUJ said 40 reporters were detained on "
        "12 March 2021 and fined $5,000.\n"
    ),
    "b.txt": (
        "Envoy meets militants\n\n"
        "Russian envoy Zamir Kabulov met Taliban representatives in Doha on Tuesday. The Afghan Taliban "
        "said the meeting was useful.\n"
    ),
    "c.txt": (
        "Envoy speaks again\n\n"
        "Kabulov told reporters that the talks would continue. General Lloyd James Austin visited Kabul.\n"
    ),
    # a name broken by a no-break space
    "d.txt": "Nikita\u00a0Mendkovich said the border was calm.\n",
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("articles"), named=ARTICLES)


def test_known_aliases_are_one_node(graph):
    isis = node_named(graph, "ISIS")
    assert isis["label"] == "Islamic State" and isis["type"] == "group"
    assert {"ISIS", "ISIL", "Islamic State"} <= set(isis["aliases"])
    assert isis["wikidata"] == "Q2429253" and isis["mentions"] == 3


def test_acronym_defined_in_the_text(graph):
    tuj = node_named(graph, "TUJ")
    assert tuj["label"] == "Tajik Union of Journalists"
    assert tuj["type"] == "organization" and tuj["mentions"] == 2


def test_known_acronym_and_its_definition(graph):
    sco = node_named(graph, "SCO")
    assert sco["label"] == "Shanghai Cooperation Organisation" and sco["type"] == "alliance"


def test_surname_is_the_full_name_in_the_same_document(graph):
    haftar = node_named(graph, "Haftar")
    assert haftar["label"] == "Khalifa Haftar" and haftar["type"] == "person"
    assert "Field Marshal Khalifa Haftar" not in haftar["aliases"]  # the title is stripped


def test_surname_is_the_full_name_elsewhere_in_the_corpus(graph):
    kabulov = node_named(graph, "Kabulov")
    assert kabulov["label"] == "Zamir Kabulov"
    assert kabulov["documents"] == ["b", "c"]


def test_titles_are_stripped(graph):
    austin = node_named(graph, "Lloyd James Austin")
    assert austin["type"] == "person"
    # the title is no part of the name; the alias as written keeps it, beside the bare name
    assert [a for a in austin["aliases"] if a.startswith("General")] == ["General Lloyd James Austin"]
    assert "Lloyd James Austin" in austin["aliases"]


def test_name_broken_by_a_no_break_space(graph):
    mendkovich = node_named(graph, "Nikita Mendkovich")
    assert mendkovich["documents"] == ["a", "d"]
    assert "Mendkovich" in mendkovich["aliases"]


def test_demonyms_and_adjectives_are_the_country(graph):
    assert node_named(graph, "Kazakh")["label"] == "Kazakhstan"
    assert node_named(graph, "Uzbekistani")["label"] == "Uzbekistan"
    russia = node_named(graph, "Russian")
    assert russia["label"] == "Russia" and russia["type"] == "country"


def test_capital_as_actor_is_the_country_and_as_place_the_city(graph):
    russia = node_named(graph, "Russia")
    assert "Moscow" in russia["aliases"]  # "Moscow hosted talks"
    city = [a for _, a in graph.nodes(data=True) if a["label"] == "Moscow"]
    assert len(city) == 1 and city[0]["type"] == "place"  # "held in Moscow"
    assert node_named(graph, "Tehran")["label"] == "Iran"  # "criticised by Tehran": an actor


def test_typos_of_known_names(graph):
    assert node_named(graph, "Washigton")["label"] == "United States"
    assert node_named(graph, "Afganistan")["label"] == "Afghanistan"
    assert node_named(graph, "Kirgiztan")["label"] == "Kyrgyzstan"


def test_a_country_modifier_before_a_known_group(graph):
    taliban = node_named(graph, "Afghan Taliban")
    assert taliban["label"] == "Taliban" and taliban["type"] == "group"


def test_places_are_place_nodes(graph):
    for name in ("Tripoli", "Doha", "Kabul"):
        assert node_named(graph, name)["type"] == "place"


def test_no_dates_money_numbers_or_headline_words(graph):
    labels = {attrs["label"] for _, attrs in graph.nodes(data=True)}
    for junk in ("Monday", "Tuesday", "12 March 2021", "$5,000", "40", "Gulf", "Talks", "Envoy"):
        assert junk not in labels


def test_one_type_per_entity_from_all_its_mentions(tmp_path):
    # spaCy's small model often tags a lone surname as an organisation; the full name decides.
    (tmp_path / "t.txt").write_text(
        "Farkhad Tolipov, an Uzbek political scientist, disagrees. Tolipov rejects the notion. "
        "Tolipov is at a loss. According to Tolipov, the threat is exaggerated.\n",
        encoding="utf-8",
    )
    G = build([tmp_path]).graph
    tolipov = node_named(G, "Tolipov")
    assert tolipov["label"] == "Farkhad Tolipov" and tolipov["type"] == "person" and tolipov["mentions"] >= 3


def test_user_extends_the_curated_data_without_editing_python(tmp_path):
    (tmp_path / "news.txt").write_text(
        "The Zarafshan Valley Watch reported clashes. ZVW monitors said two villages were shelled.\n",
        encoding="utf-8",
    )
    extra = tmp_path / "mine.jsonl"
    extra.write_text(
        '{"id": "zvw", "label": "Zarafshan Valley Watch", "type": "organization", "wikidata": "Q999999999", '
        '"aliases": ["ZVW"]}\n',
        encoding="utf-8",
    )
    G = build([tmp_path / "news.txt"], extra_entities=[extra]).graph
    watch = node_named(G, "ZVW")
    assert watch["label"] == "Zarafshan Valley Watch" and watch["wikidata"] == "Q999999999"
    assert watch["mentions"] == 2 and "Q999999999" in G


def test_a_malformed_curated_file_names_the_file_and_line(tmp_path):
    from graph.gazetteer import GazetteerError, load_gazetteer

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "label": "X", "type": "country"}\n{"id": "y", "label": "Y", "type": "planet"}\n')
    with pytest.raises(GazetteerError, match=r"bad\.jsonl:2: type 'planet'"):
        load_gazetteer([bad])


def test_two_transliterations_of_one_place_across_documents(tmp_path):
    (tmp_path / "one.txt").write_text("Fighting spread along the Murghab River on Sunday.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("Militants attacked villages near Murhaba and withdrew.\n", encoding="utf-8")
    G = build([tmp_path]).graph
    river = node_named(G, "Murhaba")
    assert "Murghab River" in river["aliases"] and river["type"] == "place"
    assert river["documents"] == ["one", "two"]
