"""Names that are no actor's, through a real build of short hand-written articles: kinds of
things listed in capitals, pieces of a building's name, words that only look like names; with
the traps (a body of plural name, a person named inside a place's name)."""
from __future__ import annotations

import pytest

from tests.built import build_texts, node_named, nodes_with

ARTICLES = {
    "museum.txt": (
        "A day at the museum\n\n"
        "The lab stores the returned samples (Comet Grains, Lunar Pebbles, Tektites, and Solar Wind Foils "
        "gathered by balloons). On the islands you also find Sand Lizards, Grey Herons and Porpoises in the "
        "shallow bays. It is also possible to rent Rowing Skiffs with oars, or larger Pedal Boats if you are "
        "in a group.\n"
    ),
    "beach.txt": (
        "Beach clean-up\n\n"
        "Members of the Harbour Keepers, a volunteer group, cleaned the beach. The Harbour Keepers said they "
        "collected two tons of plastic. Rose Banks, who led the day, thanked the town.\n"
    ),
}


@pytest.fixture(scope="module")
def G(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("false_kinds"), named=ARTICLES)


def test_plural_common_nouns_listed_bare_are_no_person(G):
    # "Sand Lizards, Grey Herons and Porpoises", "rent Rowing Skiffs": kinds of things the model calls people
    for name in ("Grey Herons", "Rowing Skiffs", "Pedal Boats"):
        assert not [n for n in nodes_with(G, name) if n["type"] in ("organization", "group", "person")], name


def test_a_body_of_plural_name_with_an_article_stays(G):
    assert node_named(G, "Harbour Keepers")["type"] in ("organization", "group")
    # a person whose surname is a plural noun, led by a given name
    assert node_named(G, "Rose Banks")["type"] == "person"
