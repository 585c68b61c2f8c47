"""What kind of thing a building's name names, and the forms one name takes in a text: a head word
alone, an island or a city without its head word, an organisation's head before "of" or after the
name, "Saint" written "St.". Through a real build of short hand-written articles, with the traps
(a person whose surname is a building word, two lodges in one text, two people sharing a surname)."""
from __future__ import annotations

import pytest

from tests.built import build_texts, node_named, nodes_with


def test_buildings_are_places_by_their_shape(tmp_path):
    G = build_texts(
        tmp_path,
        "Visitors queued outside the Harlowe Museum of Glass on Sunday. The Harlowe Museum of Glass "
        "opened in 1902. Across the road, the Brindle Theatre staged a new play, and the Corran Lodge "
        "was full. The Ellis Marrow Bridge was closed for repairs, and traffic on the Ellis Marrow "
        "Bridge moved to the ferry. Engineers said the Ellis Marrow Bridge would reopen in May.\n",
    )
    for name in ("Harlowe Museum of Glass", "Brindle Theatre", "Corran Lodge", "Ellis Marrow Bridge"):
        assert node_named(G, name)["type"] == "place", name


def test_a_person_whose_surname_is_a_building_word_stays_a_person(tmp_path):
    G = build_texts(
        tmp_path,
        "Senator Henry Calder Lodge spoke in the chamber on Monday. Lodge said the bill would fail.\n",
    )
    assert node_named(G, "Henry Calder Lodge")["type"] == "person"


def test_a_head_word_alone_is_the_one_name_with_that_head(tmp_path):
    G = build_texts(
        tmp_path,
        "We stayed at the Pellham Lodge for three nights. The Lodge has twelve rooms and a small bar.\n",
        "The Corran Lodge and the Minster Lodge both opened this spring. The Lodge was busy all week.\n",
    )
    assert "Lodge" in node_named(G, "Pellham Lodge")["aliases"]
    # two lodges named in the second text: "the Lodge" there is neither
    assert node_named(G, "Corran Lodge")["aliases"] == ["Corran Lodge"]


def test_a_head_word_alone_beside_several_names_with_that_head_is_no_node(tmp_path):
    G = build_texts(
        tmp_path,
        "There are three hotels in Marvane: the Corlis Bay Hotel, the Quenby Hotel and the Tallow "
        "Hotel. Rooms at the Quenby Hotel share a bathroom. The Hotel serves breakfast until ten.\n",
    )
    assert node_named(G, "Quenby Hotel")["aliases"] == ["Quenby Hotel"]
    assert not [n for n in nodes_with(G, "Hotel") if n["label"] == "Hotel"]


def test_two_people_sharing_a_surname_stay_two_beside_these_forms(tmp_path):
    G = build_texts(
        tmp_path,
        "Nora Tarvik and her brother Paul Tarvik run the ferry to Tarvik Island. Nora Tarvik said the "
        "crossing takes an hour. Paul Tarvik said the boat was old.\n",
    )
    nora, paul = node_named(G, "Nora Tarvik"), node_named(G, "Paul Tarvik")
    assert nora is not paul and nora["type"] == paul["type"] == "person"
    assert not [n for n in nodes_with(G, "Tarvik Island") if n["type"] == "person"]


def test_two_countries_forms_of_one_short_name_stay_apart(tmp_path):
    G = build_texts(
        tmp_path,
        "The Kenyan Farmers Union called a strike on Monday.\n",
        "The Ugandan Farmers Union opposed the strike.\n",
        "The Farmers Union said the strike would last a week.\n",
    )
    assert node_named(G, "Kenyan Farmers Union") is not node_named(G, "Ugandan Farmers Union")


def test_the_games_named_alone_are_an_event_and_no_node(tmp_path):
    G = build_texts(
        tmp_path,
        "Mira Castellane won two medals at the Paralympics. The Paralympics drew record crowds.\n",
    )
    assert not nodes_with(G, "Paralympics")
    assert node_named(G, "Mira Castellane")["type"] == "person"


def test_two_streets_whose_names_only_start_alike_stay_two(tmp_path):
    G = build_texts(
        tmp_path,
        "The parade turned from Park Street into Parker Street at noon. Shops on Park Street closed "
        "early, and Parker Street was quiet.\n",
    )
    assert node_named(G, "Park Street") is not node_named(G, "Parker Street")


def test_two_people_sharing_a_surname_stay_two_with_all_these_rules(tmp_path):
    G = build_texts(
        tmp_path,
        "Nora Vantreck and her brother Paul Vantreck ran the Vantreck Music Hall. Nora Vantreck sang; "
        "Paul Vantreck kept the books. Vantreck Paul, as the posters called him, retired in 1901.\n",
    )
    assert node_named(G, "Nora Vantreck") is not node_named(G, "Paul Vantreck")


def test_a_peers_title_after_a_name_is_that_person(tmp_path):
    G = build_texts(
        tmp_path,
        "Lord Byron met Robert Selwyn, 3rd Earl of Kilmory, at school. Robert Selwyn, 3rd Earl of "
        "Kilmory, later became a friend.\n",
    )
    assert "3rd Earl of Kilmory" in node_named(G, "Robert Selwyn")["aliases"]
    assert node_named(G, "Robert Selwyn")["label"] == "Robert Selwyn"


# One name in other forms: (the texts, the node's name, the forms that must be its aliases).
FORMS = {
    "island without its head word": (
        ["Tarvik Island lies off the northern coast. Tarvik has two villages and a harbour, and "
         "ferries leave Tarvik twice a day.\n"],
        "Tarvik Island", {"Tarvik"}),
    "head before 'of' or after the name, across documents": (
        ["The Assembly of Northern Tarsis voted on the budget on Monday.\n",
         "The Northern Tarsis Assembly will meet again in June, its speaker said.\n"],
        "Northern Tarsis Assembly", {"Assembly of Northern Tarsis"}),
    "Saint and St.": (
        ["Patients at St. Aldric Hospital waited for hours on Monday.\n",
         "Saint Aldric Hospital hired forty nurses this year.\n"],
        "Saint Aldric Hospital", {"St. Aldric Hospital", "Saint Aldric Hospital"}),
    "a government by its country or its demonym": (
        ["The Government of the Republic of Estonia approved the ferry timetable on Monday.\n",
         "The Estonian Government said the new ferry would cost two million euros.\n"],
        "Estonian Government", {"Government of the Republic of Estonia"}),
    "a street written short": (
        ["The parade moved along Harwick Street on Sunday.\n", "Shops on Harwick St. stayed open late.\n"],
        "Harwick Street", {"Harwick St."}),
    "an acronym the text does not define": (
        ["The Harlan Valley Authority raised water prices on Monday. Farmers said the HVA had "
         "ignored them for years.\n"],
        "Harlan Valley Authority", {"HVA"}),
    "an organisation without its country, across the corpus": (
        ["The Kenyan Farmers Union called a strike on Monday.\n",
         "The Farmers Union said the strike would last a week.\n"],
        "Farmers Union", {"Kenyan Farmers Union"}),
    "a head word alone, of the name it heads before 'of'": (
        ["Tobias Wren joined the Grand Lodge of Ontario in 1790. The Lodge met every Tuesday in the "
         "old hall, and Wren kept its accounts.\n"],
        "Grand Lodge of Ontario", {"Lodge"}),
    "a saint the text calls by one name (the model takes 'Saint Aldric' for a place)": (
        ["Aldric was born in a village near the coast around 340, and Aldric later wrote to the bishops. "
         "Aldric died in 420. The letters of Saint Aldric are kept in Rome.\n"],
        "Aldric", {"Saint Aldric"}),
    "two names differing by an adjective ending": (
        ["Ann Corry sang at the Kessel Music Hall on Friday. Later that year she returned to the "
         "Kessel Musical Hall for three nights.\n"],
        "Kessel Music Hall", {"Kessel Music Hall", "Kessel Musical Hall"}),
    "a name written surname first": (
        ["The novelist Haruki Tanabe was born in Osaka. In Japan he is known as Tanabe Haruki, and "
         "Tanabe Haruki signed his first books that way.\n"],
        "Haruki Tanabe", {"Tanabe Haruki"}),
    "leading words cut to initials": (
        ["Traffic on the George Corbin Bridge slowed on Monday after a crash. Drivers were told to "
         "avoid the GC Bridge until the evening.\n"],
        "George Corbin Bridge", {"GC Bridge"}),
}


@pytest.mark.parametrize("texts, name, forms", FORMS.values(), ids=FORMS.keys())
def test_a_form_of_a_name_is_an_alias_of_its_node(tmp_path, texts, name, forms):
    node = node_named(build_texts(tmp_path, *texts), name)
    assert forms <= set(node["aliases"]), node["aliases"]


def test_a_persons_label_is_the_full_name_most_articles_write(tmp_path):
    G = build_texts(
        tmp_path,
        "Governor Marta Q. Ellery signed the water bill on Monday, her office said.\n",
        "Marta Ellery said the water bill would lower prices. Ellery spoke in Dunmore.\n",
        "Critics of Marta Ellery said the bill came too late. Ellery did not answer them.\n",
    )
    node = node_named(G, "Marta Ellery")
    assert node["label"] == "Marta Ellery", node["label"]
    assert "Marta Q. Ellery" in node["aliases"]
    assert len(node["documents"]) == 3
