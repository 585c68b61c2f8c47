"""One real entity, one node, where a text names it in two forms: a state's postal code and its
name, a standard code in brackets and the name before it, a surname that is also a country's
name, "the States"; with the traps (a code alone, the country itself, two people sharing a
surname). Through a real build of short hand-written articles."""
from __future__ import annotations

import pytest

from tests.built import build_texts, node_named, nodes_with

ARTICLES = {
    "roads.txt": (
        "Getting there\n\n"
        "Most visitors come from Nebraska. From the north, take Route 9 from Dunwell, NE, and follow "
        "the river. The drive across Nebraska takes a day.\n"
    ),
    "code_alone.txt": (
        "A short trip\n\n"
        "The bus leaves Harlow, VT, at noon and reaches the lake by evening.\n"
    ),
    "airport.txt": (
        "Flying in\n\n"
        "The city is served by Aldmoor International Airport (IATA: QRB), ten miles from the centre. "
        "Buses from QRB run every hour, and QRB has two terminals.\n"
    ),
    "shares.txt": (
        "Markets\n\n"
        "Shares of Velmora Foods (NASDAQ: VLMF) rose on Tuesday. Analysts said VLMF would raise "
        "prices.\n"
    ),
    "hearing.txt": (
        "A tense hearing\n\n"
        "Rep. Tomas Jordan, a member of the panel, questioned the witness for an hour. \"The answers "
        "were not good enough,\" Jordan said. Ministers from Jordan attended as guests.\n"
    ),
    "abroad.txt": (
        "Travel notes\n\n"
        "She moved to the United States in 1990. Life in the States was hard at first, she wrote.\n"
    ),
    "cousins.txt": (
        "Two cousins\n\n"
        "Rep. Ivo Jordan and his cousin Rep. Lena Jordan both spoke. \"We disagree,\" Lena Jordan "
        "said. \"We always have,\" Jordan said.\n"
    ),
    "team.txt": (
        "Marek Ilves\n\n"
        "Ilves was drafted by the Dunmore Falcons in the ninth round of the 2009 draft. He made his "
        "debut for the Falcons in 2012, and the Falcons traded him to the Tarn Rovers in 2013.\n"
    ),
    "league.txt": (
        "A new coach\n\n"
        "Sela Varga coaches the Tarn Rovers of the Northern Hockey League (NHL). She joined the NHL "
        "in 2019.\n"
    ),
    "brothers.txt": (
        "An architect's life\n\n"
        "Louis Henri Marchand was born in 1760. His brother Louis Andre died young, and Louis "
        "Henri became the eldest son.\n"
    ),
    "islands.txt": (
        "Getting to the islands\n\n"
        "Air Vellons flies to the Vellon Islands twice a week from the mainland. The Vellons are "
        "remote, and flights are often full.\n"
    ),
    "awards.txt": (
        "An evening of awards\n\n"
        "Actress Zuri Okonkwo-Baptiste took home the top prize. \"I owe this to my mother,\" "
        "Okonkwo-Baptiste said as she accepted the award.\n"
    ),
    "emails.txt": (
        "Old emails\n\n"
        "An email from Ilse Marwick, meanwhile, shows how the donors were courted. In one "
        "message, Marwick wrote that the donor had been impressed by the plan.\n"
    ),
    "cars.txt": (
        "The plant\n\n"
        "The Dorvale Motors plant in the valley was a disaster, workers said. In 1982, DM closed the "
        "plant, and a year later DM reopened it with a partner.\n"
    ),
    "mosque.txt": (
        "What to see\n\n"
        "Sheikh Tarifollah Mosque, on the east side of the square, is the finest building in the city. "
        "Sheikh Tarif Allah Mosque was built in the seventeenth century.\n"
    ),
    "linguist.txt": (
        "A linguist's life\n\n"
        "Marie Lund (born Ingrid Marie Helga Lund) was a Danish linguist. Marie Lund studied in Bergen, "
        "where her brother Erik Lund taught. Lund wrote twelve books.\n"
    ),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("splits"), named=ARTICLES)


def test_a_postal_code_is_the_state_its_document_names(graph):
    state = node_named(graph, "Nebraska")
    assert "NE" in state["aliases"]


def test_a_postal_code_alone_stays_itself(graph):
    assert not any("Vermont" in attrs["aliases"] for attrs in nodes_with(graph, "VT"))


def test_a_code_in_brackets_names_the_name_before_it(graph):
    airport = node_named(graph, "Aldmoor International Airport")
    assert "QRB" in airport["aliases"]
    assert "VLMF" in node_named(graph, "Velmora Foods")["aliases"]


def test_a_speaking_surname_that_is_a_country_is_the_person(graph):
    tomas = node_named(graph, "Rep. Tomas Jordan")
    assert "Jordan" in tomas["aliases"] and tomas["documents"] == ["hearing"]
    country = [a for a in nodes_with(graph, "Jordan") if a["type"] == "country"]
    assert country and "hearing" in country[0]["documents"]  # "Ministers from Jordan": the country


def test_two_people_sharing_a_surname_stay_two(graph):
    ivo, lena = node_named(graph, "Ivo Jordan"), node_named(graph, "Lena Jordan")
    assert ivo is not lena and ivo["type"] == lena["type"] == "person"
    assert "Jordan" in lena["aliases"] and "Jordan" not in ivo["aliases"]  # the one named last before it


def test_the_states_is_the_united_states(graph):
    us = node_named(graph, "United States")
    assert "States" in us["aliases"]


def test_a_teams_nickname_alone_is_the_team(graph):
    team = node_named(graph, "Dunmore Falcons")
    assert "Falcons" in team["aliases"] and team["type"] == "organization"
    assert "Falcons" not in node_named(graph, "Tarn Rovers")["aliases"]


def test_a_name_defined_by_its_acronym_keeps_its_bounds(graph):
    league = node_named(graph, "NHL")
    assert "Northern Hockey League" in league["aliases"]
    assert not nodes_with(graph, "Tarn Rovers of the Northern Hockey")


def test_the_first_two_given_names_are_the_person_but_not_a_brother(graph):
    louis = node_named(graph, "Louis Henri Marchand")
    assert "Louis Henri" in louis["aliases"]
    assert "Louis Andre" not in louis["aliases"]


def test_a_plural_that_is_a_places_name_stays_apart_from_the_airline(graph):
    for airline in nodes_with(graph, "Air Vellons"):
        assert "Vellons" not in airline["aliases"]


def test_an_occupation_before_a_name_is_a_title(graph):
    person = node_named(graph, "Zuri Okonkwo-Baptiste")
    assert person["type"] == "person" and "Okonkwo-Baptiste" in person["aliases"]


def test_a_surname_that_speaks_is_the_full_name_the_model_mistyped(graph):
    assert "Marwick" in node_named(graph, "Ilse Marwick")["aliases"]


def test_two_initials_are_the_two_word_organisation_of_their_document(graph):
    company = node_named(graph, "Dorvale Motors")
    assert "DM" in company["aliases"] and company["type"] == "organization"


def test_a_title_before_a_named_building_is_part_of_its_name(graph):
    mosque = node_named(graph, "Sheikh Tarifollah Mosque")
    assert mosque["type"] != "person" and "Sheikh Tarif Allah Mosque" in mosque["aliases"]


def test_a_person_known_by_a_middle_name_is_the_full_name_but_not_her_brother(graph):
    helga = node_named(graph, "Ingrid Marie Helga Lund")
    assert "Marie Lund" in helga["aliases"]
    assert node_named(graph, "Erik Lund") is not helga
