"""Capitalised words that name no actor make no node: titles of works, common nouns written in
title case, events and awards, lists joined by "and". Through a real build of short hand-written
articles, with the traps: a painter after "by" with a dated work, a one-word company, a lone
surname, a real organisation whose name holds "and"."""
from __future__ import annotations

import pytest

from tests.built import build_texts, labels, node_named, nodes_with

ARTICLES = {
    "poet.txt": (
        "A poet's early years\n\n"
        "Ann Lee grew up on a farm near the coast. Her first collection, Morning Walks (1906), sold well. "
        "She wrote the novel Tender Mercies at sixty. Her portrait by Tomas Verhoeven (1991) hangs in the "
        "town hall. Lee said the portrait flattered her.\n"
    ),
    "awards.txt": (
        "Awards season\n\n"
        "Best Buy said sales of his films rose. Sam Okafor was nominated for Best Director by the Northland "
        "Screen Awards. October is National Pottery Month across Ohio, and the Spring Carnival of Puppetry "
        "opens in March. Okafor also won the All-Bronze Skate Trophy Series.\n"
    ),
    "friends.txt": (
        "Why old friends matter\n\n"
        "By Ann Lee, Tom Reed, and Maria Gomez\n\n"
        "Friendship keeps people healthy, a new survey of two thousand adults found.\n"
    ),
    "alliance.txt": (
        "Interview with a historian\n\n"
        "About BRICS\n\n"
        "The group has grown since its first summit, the historian said.\n"
    ),
    "conference.txt": (
        "Conference notes\n\n"
        "Her thesis on Trade and Welfare won a prize. Halvorsen & Pike sponsored the fair. The Rules and "
        "Standards Committee met on Tuesday, and the University of Lagos and Rivers State University signed "
        "a deal.\n"
    ),
    "guide.txt": (
        "Old town guide\n\n"
        "The first huts were built around 1200 BC near the river. Visitors use the ATM by the ferry office. Tom "
        "Reed, the MVP of the final, drove in two RBI. The Harbor Transit Authority (HTA) runs the ferries, "
        "and the HTA said fares would rise.\n"
    ),
    "charity.txt": (
        "A small charity\n\n"
        "The Riverside Trust became a Mutual Society in 1990, and now also sells goods. Its founder, a "
        "Harvard professor, was treated by a Dr. Okonkwo after a fall. Volunteers join a yearly Mentor "
        "Exchange Scheme. Nobody in the village has ever owned a Studebaker.\n"
    ),
    "founders.txt": (
        "Local news\n\n"
        "Ann Lee founded a company called Zentrix in 2004. The town has a quarter called Tessaro, where "
        "merchants once lived. Zentrix said it would hire forty people.\n"
    ),
    "contributors.txt": (
        "Contributors\n\n"
        "Maria Gomez teaches Developmental Psychology at Northfield University. She once taught at the "
        "Department of Psychology in Leeds. On holiday she swam near Pointe des Roches. Lindqvist "
        "Economics, a consultancy, said growth would slow.\n"
    ),
    "daytrips.txt": (
        "Day trips\n\n"
        "See\n\n"
        "Fort Brackwater Historic Park (tel: 1 555 010-2020) has a small museum. Pellham Historic Park is "
        "open in summer.\n"
    ),
    "probe.txt": (
        "Space notes\n\n"
        "Tom Thatcher leads the mission team at the agency.\n\n"
        "Artist's impression of the new bridge.\n\n"
        "Thatcher said the probe would reach the comet in May.\n\n"
        "Grace joined the mission team last year.\n"
    ),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("articles"), named=ARTICLES)


# --- works: a cue that the name is a book or a film outweighs the model's "person" -------------


def test_a_dated_title_or_a_novel_is_no_node(graph):
    assert not nodes_with(graph, "Morning Walks")  # "poems ..., X (1906)"
    assert not nodes_with(graph, "Tender Mercies")  # "the novel X", the tagger's adjective "novel"


def test_the_author_of_a_dated_work_stays_a_person(graph):
    assert node_named(graph, "Tomas Verhoeven")["type"] == "person"  # "by X (1991)": the year is the work's
    assert node_named(graph, "Ann Lee")["type"] == "person"


# --- events and awards: their shape says they are no actor (graph/data/name_shapes.tsv) --------


def test_awards_months_and_shows_are_no_nodes(graph):
    for name in ("Best Director", "National Pottery Month", "Spring Carnival of Puppetry",
                 "All-Bronze Skate Trophy Series"):
        assert not nodes_with(graph, name), name


def test_a_company_whose_name_starts_like_an_award_stays(graph):
    assert nodes_with(graph, "Best Buy")  # "Best" leads an award only before a category ("Best Director")
    assert node_named(graph, "Sam Okafor")["type"] == "person"


# --- the page's metadata: a list of authors, a heading in capitals -----------------------------


def test_every_author_of_a_listed_byline_is_a_person(graph):
    for name in ("Ann Lee", "Tom Reed", "Maria Gomez"):
        assert node_named(graph, name)["type"] == "person"
    assert not any(label.startswith("and ") for label in labels(graph))  # "By A, B, and C"


def test_a_heading_led_by_a_preposition_is_no_author(graph):
    assert not nodes_with(graph, "About Brics")
    assert nodes_with(graph, "BRICS")


# --- coordinations: "X and Y" of common words is a topic; two names with one head are two -------


def test_common_words_joined_by_and_are_no_name(graph):
    assert not nodes_with(graph, "Trade and Welfare")


def test_names_made_with_and_stay_whole(graph):
    assert nodes_with(graph, "Halvorsen & Pike")
    assert node_named(graph, "Rules and Standards Committee")["type"] == "organization"


def test_two_organisations_sharing_a_head_word_are_two_nodes(graph):
    assert not any(" and Rivers" in label for label in labels(graph))
    assert node_named(graph, "University of Lagos")["type"] == "organization"
    assert node_named(graph, "Rivers State University")["type"] == "organization"


# --- abbreviations of common nouns and eras (graph/data/stop_names.txt) ------------------------


def test_common_abbreviations_are_no_organisations(graph):
    for name in ("BC", "ATM", "MVP", "RBI"):
        assert not nodes_with(graph, name), name


def test_an_acronym_the_text_defines_stays(graph):
    assert node_named(graph, "HTA")["type"] == "organization"


# --- "a"/"an" before a capitalised phrase: a kind of thing, not one actor's name ----------------


def test_a_capitalised_phrase_after_a_is_no_node(graph):
    for name in ("Mutual Society", "Mentor Exchange Scheme", "Studebaker"):
        assert not nodes_with(graph, name), name


def test_a_name_modifying_a_noun_or_with_a_title_after_a_stays(graph):
    assert nodes_with(graph, "Harvard")  # "a Harvard professor"
    assert node_named(graph, "Okonkwo")["type"] == "person"  # "a Dr. Okonkwo"
    assert node_named(graph, "Riverside Trust")["type"] == "organization"


# --- "a quarter called X": the noun a name is given to says what it names ----------------------


def test_a_name_given_to_a_noun_takes_its_type(graph):
    assert node_named(graph, "Tessaro")["type"] == "place"  # the model says organization
    assert node_named(graph, "Zentrix")["type"] == "organization"


# --- shapes: a discipline alone is no body; a place named by its leading word in French... -----


def test_a_discipline_alone_is_no_organisation(graph):
    assert not nodes_with(graph, "Developmental Psychology")
    assert node_named(graph, "Department of Psychology")["type"] == "organization"
    assert node_named(graph, "Northfield University")["type"] == "organization"
    assert nodes_with(graph, "Lindqvist Economics")  # a firm: a proper name, then the discipline


def test_a_headland_named_in_french_is_a_place(graph):
    assert node_named(graph, "Pointe des Roches")["type"] == "place"


def test_a_historic_park_is_a_place_not_a_person(graph):
    for node in nodes_with(graph, "Brackwater Historic Park") + nodes_with(graph, "Historic Park"):
        assert node["type"] == "place", node["label"]  # the model says person; "Park" alone is a surname


# --- a "person" named once, by an English noun opening a line: a caption's first word ----------


def test_a_caption_opening_noun_is_no_person(graph):
    assert not nodes_with(graph, "Artist")


def test_a_surname_or_a_given_name_opening_a_line_stays(graph):
    assert "Thatcher" in node_named(graph, "Tom Thatcher")["aliases"]  # "Thatcher said": a word of a full name
    assert node_named(graph, "Grace")["type"] == "person"  # an English noun, but a given name
