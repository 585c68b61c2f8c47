"""Words that are no names, and names that are no actors, through a real build of short
hand-written articles: a capitalised common noun the model tags alone, a form of address, a
place the model calls a person; with the traps (a surname that is an English word, a person
whose name is written beside a role)."""
from __future__ import annotations

import pytest

from tests.built import build_texts, labels, node_named, nodes_with

ARTICLES = {
    "composer.txt": (
        "A composer at home\n\n"
        "Mirela Kostova wrote her First Symphony at twenty. Her Third Symphony was written for Oslo, and "
        "her Ninth Symphony was first played in Lisbon. Kostova said she wrote at night.\n"
    ),
    "council.txt": (
        "Council votes\n\n"
        "The conductor Ann Baker thanked the players. Ms. Baker said the season would go on. Mr. Chair, "
        "said Baker, the vote is ours. The board and its Chair, Lena Ortiz, agreed.\n"
    ),
    "bridge.txt": (
        "Bridge closed\n\n"
        "The old bridge was closed on Friday after a crack was found. Ms. Cook, who runs the ferry, said "
        "the boats would run every hour. Cook said the cook at the harbour cafe had sold out by noon.\n"
    ),
    "island.txt": (
        "Island guide\n\n"
        "School groups that fly in for camps often stay at Rangiwai Marae, which sleeps forty. Rangiwai "
        "Marae. If you want one place to remember the island by, this is it. Camps at Rangiwai Marae also "
        "use the hall.\n"
    ),
    "stories.txt": (
        "Early work\n\n"
        "Her first published piece, the story \"Kawabune\", appeared in 1891. Critics praised The Watchman "
        "(2004) and Silverline (2006). Her brother wrote a story called Tomas's Winter, and Tomas Varga "
        "said he was proud of it.\n"
    ),
    "academy.txt": (
        "A linguist remembered\n\n"
        "Jonas Vestergaard ran the academy's choir for thirty years, and served as Rector of the academy "
        "in 1915. Mara King, his student, edited his letters. King said he wrote every morning.\n"
    ),
    "sleep.txt": (
        "Why we nap\n\n"
        "\u201cAfternoon on the porch\u201d by Della marsh is licensed under CC BY-SA 4.0\n\n"
        "\u201cTwo cats\u201d by TOBIAS WREN is licensed under CC BY 2.0\n\n"
        "Short naps help adults think more clearly, said Priya Raman, who studies sleep.\n"
    ),
    "letters.txt": (
        "The letters\n\n"
        "The court decided that the letters belong to Isabel. Her lawyer wrote to the court again in June. "
        "The guardian said he had never heard from Isabel. Isabel was not told of the hearing, and the "
        "papers of Isabel were sealed.\n"
    ),
}


@pytest.fixture(scope="module")
def G(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("false_nodes"), named=ARTICLES)


def test_a_form_of_address_is_no_name(G):
    # "Mr. Chair", "its Chair": the office, not a person called Chair
    assert not nodes_with(G, "Chair") and not nodes_with(G, "Mr. Chair")
    assert node_named(G, "Lena Ortiz")["type"] == "person"


def test_an_office_alone_is_no_name(G):
    # "served as Rector of the academy": a title the model tagged alone
    assert not nodes_with(G, "Rector")


def test_a_surname_that_is_an_english_word_stays_a_person(G):
    baker = node_named(G, "Ann Baker")
    assert baker["type"] == "person"
    assert "Baker" in baker["aliases"]
    assert node_named(G, "Mirela Kostova")["type"] == "person"
    assert "Ann Baker" in labels(G)
    # a lone surname the document also writes as a common noun ("the cook"), with a title and a "who"
    assert node_named(G, "Cook")["type"] == "person"
    # a surname that is also a title ("King") stays with the full name it ends
    king = node_named(G, "Mara King")
    assert king["type"] == "person" and "King" in king["aliases"]


def test_a_name_read_as_a_place_more_often_than_as_a_person_is_a_place(G):
    # the model calls it a person once, a facility twice ("stay at X"); no given name or title
    assert node_named(G, "Rangiwai Marae")["type"] == "place"


def test_a_title_in_quotes_after_a_kind_of_work_is_no_node(G):
    # 'the story "X"': the noun names a work across the quote; "The X (2004)": a dated title
    assert not nodes_with(G, "Kawabune")
    assert not nodes_with(G, "Watchman") and not nodes_with(G, "The Watchman")


def test_a_person_named_inside_a_title_stays_a_person(G):
    # "a story called Tomas's Winter": the possessive is a person's, not the work's name
    assert node_named(G, "Tomas Varga")["type"] == "person"


def test_the_credit_of_a_licensed_picture_names_no_node(G):
    # '"Title" by NAME is licensed under CC ...': the photographer is metadata, however the name is written
    for name in ("Della", "Della marsh", "TOBIAS WREN", "WREN", "Tobias Wren"):
        assert not nodes_with(G, name), name
    assert node_named(G, "Priya Raman")["type"] == "person"


def test_a_given_name_alone_read_as_a_person_stays_a_person(G):
    # "heard from Isabel", "belong to Isabel" read as places beside "Isabel was not told": a given name
    assert node_named(G, "Isabel")["type"] == "person"
