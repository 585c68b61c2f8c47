"""Names the small model cuts into fragments, where the fragment would be a false node and the
whole name is lost: a law named after a person, cut after the person's name and the next word.
Through a real build of short hand-written articles."""
from __future__ import annotations

from tests.built import build_texts, labels, node_named


def test_a_law_named_after_a_person_is_one_law_not_a_person(tmp_path):
    G = build_texts(
        tmp_path,
        "Lending bill\n\n"
        "The House will pass the Tavon Riggs Fairness in Lending Act today. The Tavon Riggs Fairness "
        "in Lending Act changes how banks lend. Tavon Riggs lost his home in 2019, and his sister "
        "said he would have wanted this.\n",
        "Housing bill\n\n"
        "The House passed the Marla Quint Justice in Housing Act on Tuesday. Marla Quint, whose "
        "eviction started the campaign, thanked the members. Quint said she was proud.\n",
    )
    assert not [label for label in labels(G) if "Fairness" in label or "Justice" in label]
    # the people the laws are named after are still there, as people
    assert node_named(G, "Tavon Riggs")["type"] == "person"
    assert node_named(G, "Marla Quint")["type"] == "person"


def test_a_movement_name_the_model_cut_before_its_last_word_is_whole(tmp_path):
    G = build_texts(
        tmp_path,
        "Marchers fill the square\n\n"
        "Thousands of people marched on Saturday, waving Green Rivers Matter flags and singing. The "
        "river is cleaner than a year ago, said the Fenwick Trust Chairman on Monday.\n",
    )
    assert node_named(G, "Green Rivers Matter")["type"] in ("organization", "group")
    assert "Green Rivers" not in labels(G)
    # a role after an organisation's name is no part of it
    assert not [label for label in labels(G) if label.endswith("Chairman")]


def test_a_school_name_the_model_cut_before_of_is_whole(tmp_path):
    G = build_texts(
        tmp_path,
        "Ann Marlow trained at the University of Leeds, followed by Birmingham's Corran Tate Academy "
        "of Dramatic Art. She joined a touring company in 2001.\n",
    )
    assert node_named(G, "Corran Tate Academy of Dramatic Art")["type"] == "organization"
    assert "Corran Tate Academy" not in labels(G)


def test_a_street_corner_is_two_places_and_a_firm_with_an_ampersand_is_one(tmp_path):
    G = build_texts(
        tmp_path,
        "Getting around Brask\n\n"
        "The number 9 bus runs north to the Pine Ridge Hotel along N 52nd St & Calloway, and the "
        "tram stops at Elm Ave & Corbel St every ten minutes. Quarrel & Finch sells maps at the depot.\n",
    )
    assert not [label for label in labels(G) if "&" in label and ("St" in label or "Ave" in label)]
    assert node_named(G, "52nd St")["type"] == "place" and node_named(G, "Calloway")["type"] == "place"
    # a firm named with "&" and no place on either side stays one name
    assert "Quarrel & Finch" in labels(G)


def test_two_offices_joined_by_and_are_two_whole_names(tmp_path):
    G = build_texts(
        tmp_path,
        "A letter on campus radio\n\n"
        "In two notes sent to the Office of Harbour Safety and Division of Ferry "
        "Operations, our rowing club asked for a new slipway by the old pier.\n",
    )
    assert node_named(G, "Office of Harbour Safety")["type"] == "organization"
    assert node_named(G, "Division of Ferry Operations")["type"] == "organization"
    assert not [label for label in labels(G) if " and " in label or label in ("Ferry Operations", "Division")]


def test_an_institute_named_for_two_causes_is_not_cut_at_and(tmp_path):
    G = build_texts(
        tmp_path,
        "Envoys trained in Graz\n\n"
        "The Lund Institute for Neutrality and Non-Alignment said on Monday it would close. "
        "Sweden has long hosted talks, and the Graz Centre for Mediation and Non-Violence opened in "
        "2012 to train envoys from both sides.\n",
    )
    assert node_named(G, "Lund Institute for Neutrality and Non-Alignment")["type"] == "organization"
    assert node_named(G, "Graz Centre for Mediation and Non-Violence")["type"] == "organization"
    assert not {"Non-Alignment", "Non-Violence", "Lund Institute for Neutrality"} & labels(G)
