"""Names that are no actor's, through a real build of short hand-written articles: pieces of a
building's or a treaty's name, a role after an organisation, words that only look like names,
pets, peoples' adjectives of origin; with the traps (a body of plural name, a person named inside
a place's name, a person beside her role)."""
from __future__ import annotations

import pytest

from tests.built import build_texts, node_named, nodes_with

ARTICLES = {
    "beach.txt": (
        "Beach clean-up\n\n"
        "Members of the Harbour Keepers, a volunteer group, cleaned the beach. The Harbour Keepers said they "
        "collected two tons of plastic. Rose Banks, who led the day, thanked the town.\n"
    ),
    "visit.txt": (
        "Where to go\n\n"
        "Tom Avery Fort Hale Community Center, 14 Oak Terrace, tel: 555 0199, contact for more.\n\n"
        "Greta Lind Historic Park, Quarry Terrace, tel: 555 0101.\n\n"
        "Harbour Hall Auditorium\n\n"
        "Granville Civic Office Building\n\n"
        "Downtown has the best of the town's old buildings, like the Art Deco Kelby and Astor Theaters, and "
        "several cafes.\n\n"
        "Mayor Ida Quist thanked the Office of Coastal Planning Acting Director, Dr. Lena Hobb, for the plan.\n"
    ),
    "talk.txt": (
        "An interview\n\n"
        "Was the course hard? Nah, we laughed all week. I called it Foundations, since it built on the basics. "
        "Tho the rain came, we stayed. Later I watched a film with Jana Oster.\n"
    ),
    "forum.txt": (
        "Regional forum\n\n"
        "The ministers pledged support for Anglo-Nordic integration and for Anglo-Nordic structures. Tomas "
        "Hale, a self-described Radical Gardener, chaired the forum (Greek: \u03a4\u03bf\u03bc\u03b1\u03c2 "
        "\u03a7\u03b1\u03bb\u03b5). Visitors met at the Ada Morrow Statue in the square.\n\n"
        "Ada Morrow founded the town's first school in 1881.\n"
    ),
    "byline.txt": (
        "Tilda Shaw, cellist, interviewed by Coastline Weekly Saturday, March 4, 2017\n\n"
        "Coastline Weekly asked Tilda Shaw about her new album. Shaw said she recorded it at home.\n"
    ),
    "chef.txt": (
        "A new kitchen\n\n"
        "Lena Varga, a chef of Hungarian descent, opened two Thai restaurants on the harbour. Varga said "
        "the menus would change every month.\n"
    ),
    "pets.txt": (
        "At home with a singer\n\n"
        "Mara Quell lives in a cottage with her husband and their three dogs, Biscuit, Pepper and Noodle, "
        "who appear in her videos. Her sister, Ilse Quell, runs the studio.\n"
    ),
    "treaty.txt": (
        "Speech to the assembly\n\n"
        "Minister Ines Dahl urged all states to sign the Treaty on the Protection of Polar Waters next year.\n"
    ),
}


@pytest.fixture(scope="module")
def G(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("false_kinds"), named=ARTICLES)


def test_a_body_of_plural_name_with_an_article_stays(G):
    assert node_named(G, "Harbour Keepers")["type"] in ("organization", "group")
    # a person whose surname is a plural noun, led by a given name
    assert node_named(G, "Rose Banks")["type"] == "person"


def test_a_person_cut_from_the_place_named_after_her_is_no_person(G):
    # "Tom Avery Fort Hale Community Center", "Greta Lind Historic Park": one place's name each
    for name in ("Tom Avery", "Tom Avery Fort", "Tom Avery Fort Hale", "Greta Lind", "Greta Lind Historic"):
        assert not [n for n in nodes_with(G, name) if n["type"] == "person"], name


def test_a_building_is_no_organisation_cut_before_its_head(G):
    # "Harbour Hall Auditorium", "Granville Civic Office Building": not "Harbour Hall", "Civic Office"
    for name in ("Harbour Hall", "Civic Office", "Granville Civic Office"):
        assert not [n for n in nodes_with(G, name) if n["type"] == "organization"], name


def test_a_role_after_an_organisation_is_the_persons(G):
    # "the Office of X Acting Director, Dr. Lena Hobb": the office is "Office of X"
    assert node_named(G, "Office of Coastal Planning")["type"] == "organization"
    assert not nodes_with(G, "Office of Coastal Planning Acting Director")
    assert node_named(G, "Lena Hobb")["type"] == "person"


def test_interjections_and_names_of_things_are_no_person(G):
    # "Nah, we laughed", "Tho the rain came", "I called it Foundations"
    for name in ("Nah", "Tho", "Foundations"):
        assert not [n for n in nodes_with(G, name) if n["type"] in ("person", "organization")], name
    assert node_named(G, "Jana Oster")["type"] == "person"


def test_hyphened_adjectives_and_kinds_after_a_are_no_name(G):
    # "Anglo-Nordic integration", "a self-described Radical Gardener"
    assert not nodes_with(G, "Anglo-Nordic")
    assert not nodes_with(G, "Radical Gardener")
    assert node_named(G, "Tomas Hale")["type"] == "person"


def test_a_name_in_another_script_is_no_node(G):
    assert not [n for n in nodes_with(G, "\u03a4\u03bf\u03bc\u03b1\u03c2 \u03a7\u03b1\u03bb\u03b5")]


def test_a_statue_named_after_a_person_is_a_place(G):
    assert not [n for n in nodes_with(G, "Ada Morrow Statue") if n["type"] == "person"]
    assert node_named(G, "Ada Morrow")["type"] == "person"


def test_a_day_before_a_date_is_no_word_of_the_name(G):
    # "interviewed by Coastline Weekly Saturday, March 4": the outlet is "Coastline Weekly"
    assert not nodes_with(G, "Coastline Weekly Saturday")
    assert node_named(G, "Coastline Weekly")["type"] == "organization"


def test_a_peoples_adjective_of_origin_names_no_country(G):
    # "of Hungarian descent", "Thai restaurants": where a person or a kind comes from, not the state
    for name in ("Hungary", "Thailand"):
        assert not [n for n in nodes_with(G, name) if "chef" in n["documents"]], name
    assert node_named(G, "Lena Varga")["type"] == "person"


def test_the_object_of_a_treatys_name_is_no_organisation(G):
    # "the Treaty on the Protection of Polar Waters": the model tags "Treaty" and the rest apart
    assert not nodes_with(G, "Protection of Polar Waters")
    assert node_named(G, "Ines Dahl")["type"] == "person"


def test_pets_listed_beside_their_kind_are_no_actor(G):
    # "their three dogs, Biscuit, Pepper and Noodle": animals, whatever the model calls them
    for name in ("Pepper", "Noodle"):
        assert not [n for n in nodes_with(G, name) if n["type"] in ("person", "organization")], name
    # a person in apposition to a noun of people keeps her type
    assert node_named(G, "Ilse Quell")["type"] == "person"


def test_the_first_of_two_places_sharing_a_plural_head_is_a_place(G):
    # "the Art Deco Kelby and Astor Theaters": two theatres, not a person and a company
    for name in ("Kelby", "Art Deco Kelby", "Astor Theaters"):
        assert not [n for n in nodes_with(G, name) if n["type"] in ("person", "organization")], name
