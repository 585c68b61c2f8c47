"""Real names the build used to lose (issue 10): through a real build of short hand-written texts,
one test per way a name was lost."""
from __future__ import annotations

from tests.built import build_texts, node_named, nodes_with


def test_a_bare_first_name_is_no_surname_of_another_documents_person(tmp_path):
    # no full name in its own document: "Thomas" is someone of that text, not Maya Thomas
    G = build_texts(
        tmp_path,
        "The painter Maya Thomas opened a gallery in Leeds on Monday. Critics praised the new rooms.\n",
        "My neighbour kept bees for years. Thomas sold the honey at the market every Saturday, and "
        "the children loved him.\n",
    )
    assert node_named(G, "Maya Thomas")["documents"] == ["0"]
    assert node_named(G, "Thomas")["documents"] == ["1"]


def test_an_untagged_name_listed_beside_a_persons_name_is_a_person(tmp_path):
    # the model tags the second name of "X Y and Alexander Livane" but not the first
    G = build_texts(tmp_path, "His fellow-Danes Paul Menvies and Alexander Livane also found the service attractive.\n")
    assert node_named(G, "Paul Menvies")["type"] == "person"
    assert node_named(G, "Alexander Livane")["type"] == "person"


def test_an_untagged_given_name_coordinated_with_a_tagged_one_is_a_person(tmp_path):
    # at a sentence's start a lone given name needs a cue: "X and Ned" lists two people
    G = build_texts(
        tmp_path,
        "The bakery was full all month, and the ovens never cooled. Lorenzo and Ned and I all worked late shifts.\n",
    )
    assert node_named(G, "Lorenzo")["type"] == "person"
    assert node_named(G, "Ned")["type"] == "person"


def test_a_list_makes_no_person_of_english_words(tmp_path):
    # "Northern Lights" between two people is no name the list vouches for: English words make it
    G = build_texts(tmp_path, "The prize went to Ann Lee, Northern Lights and Bob Stone.\n")
    assert node_named(G, "Bob Stone")["type"] == "person"
    assert not [a for _, a in G.nodes(data=True) if a["type"] == "person" and "Lights" in a["label"]]


def test_a_name_the_model_calls_a_product_after_an_occupation_is_a_person(tmp_path):
    # "the grammarian X": an occupation is a person cue like "the singer X", whatever non-actor tag X has
    G = build_texts(tmp_path, "Later she copied books for the grammarian Pelio Vastrum in Padua.\n")
    assert node_named(G, "Pelio Vastrum")["type"] == "person"


def test_the_body_an_office_is_held_in_is_named_but_not_the_offices_portfolio(tmp_path):
    G = build_texts(
        tmp_path,
        "Sue Park is a professor of Ashvale University. Ann Lee, Minister of Foreign Affairs, "
        "visited the campus on Monday with Tom Reed, founder of Quorvex Partners.\n",
    )
    assert node_named(G, "Ashvale University")["type"] == "organization"
    assert node_named(G, "Quorvex Partners")["type"] == "organization"
    assert not nodes_with(G, "Foreign Affairs")


def test_two_peoples_adjectives_joined_inside_an_institutes_name_keep_it_whole(tmp_path):
    G = build_texts(
        tmp_path,
        "The club's rowing handbook came out in 2011 from the Centre for German and Dutch Studies in Leeds.\n",
    )
    assert node_named(G, "Centre for German and Dutch Studies")["type"] == "organization"
