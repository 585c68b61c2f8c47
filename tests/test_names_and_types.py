"""Who a lone surname or first name is, and what kind of thing an unknown name names: through a
real build of short hand-written articles, with the traps (two people sharing a surname, "Bill"
beside "Hillary Clinton", a law named like a person, a film and a drug that are no people)."""
from __future__ import annotations

import pytest

from graph.records import ENTITY_TYPES
from tests.built import build_texts, node_named, nodes_with

ARTICLES = {
    "brothers.txt": (
        "Two brothers in court\n\n"
        "Tom Reed, a farmer from the valley, sued the county on Monday. His brother Jim Reed, a lawyer, "
        "filed the papers. Reed said the county had ignored the flooding for years. Jim said the case "
        "would take months.\n\n"
        "Later, Tom Reed spoke to reporters outside the courthouse. Reed said he was tired of waiting.\n"
    ),
    "campaign.txt": (
        "Campaign notes\n\n"
        "Hillary Clinton spoke in Ohio on Tuesday. Clinton said the economy was her first concern. "
        "Bill spent the day in Arkansas with friends from his school years.\n"
    ),
    "school.txt": (
        "Former president visits school\n\n"
        "Former president William Clinton visited a school in Harlem. Bill Clinton told the pupils "
        "that reading mattered most.\n"
    ),
    "laws.txt": (
        "Old laws revisited\n\n"
        "The Smith Act was passed in 1940. Critics of the Smith Act said it punished speech. Ann Lee, "
        "a historian who studies the period, said the law was used against unions. Lee said most of "
        "its cases were later overturned. Ann added that the archives were open.\n"
    ),
    "products.txt": (
        "A film and a drug\n\n"
        "The film Silent Morning opened on Friday to good reviews. Silent Morning was shot in Norway "
        "over two summers. Sales of the drug Veltrix rose after the approval, and Veltrix is now sold "
        "in forty countries. Bill C-45 was debated in parliament on Thursday.\n"
    ),
    "summit.txt": (
        "Leaders meet\n\n"
        "Xi Jinping met Bashar al-Assad in Beijing on Monday. Xi said the two countries were friends. "
        "Assad thanked him for his support. Jean-Claude van Dam, an actor who lives in Hong Kong, "
        "attended the dinner. Van Dam said he was honoured.\n"
    ),
    "figures.txt": (
        "Migration figures\n\n"
        "The UK Home Office published new figures on Monday. The Home Office said arrivals had fallen. "
        "The Labour Party criticised the figures, and Labour said the numbers were misleading. The "
        "Government did not comment.\n"
    ),
    "results.txt": (
        "Quarterly results\n\n"
        "Acme Widgets Inc reported higher profits on Tuesday. The company said demand was strong. "
        "Marta Kowalczyk, who founded Acme Widgets Inc in 1998, said she was pleased. Kowalczyk said "
        "the firm would hire more staff.\n"
    ),
}


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    return build_texts(tmp_path_factory.mktemp("articles"), named=ARTICLES)


# --- class 4: lone surnames and first names ----------------------------------------------------


def test_a_shared_surname_is_the_person_named_last_before_it(graph):
    tom, jim = node_named(graph, "Tom Reed"), node_named(graph, "Jim Reed")
    assert tom is not jim
    # "Reed said the county..." follows Jim Reed; "Reed said he was tired" follows Tom Reed again
    assert tom["mentions"] == 3 and jim["mentions"] == 3
    assert "Jim" in jim["aliases"] and "Jim" not in tom["aliases"]


def test_different_first_names_are_never_one_person(graph):
    hillary = node_named(graph, "Hillary Clinton")
    assert "Clinton" in hillary["aliases"] and "Bill" not in hillary["aliases"]
    assert "Bill Clinton" not in hillary["aliases"] and "William Clinton" not in hillary["aliases"]


def test_a_nickname_is_the_same_person(graph):
    bill = node_named(graph, "Bill Clinton")
    assert "William Clinton" in bill["aliases"] and bill["documents"] == ["school"]


def test_a_lone_surname_is_not_linked_across_documents_when_two_people_have_it(tmp_path):
    G = build_texts(
        tmp_path,
        "Nora Vance opened the bakery on Monday.\n",
        "Peter Vance, her cousin, runs the mill.\n",
        "Vance said the prices would rise next year.\n",
    )
    assert "Vance" not in node_named(G, "Nora Vance")["aliases"]
    assert "Vance" not in node_named(G, "Peter Vance")["aliases"]


def test_two_people_and_a_city_sharing_a_name_stay_three(tmp_path):
    G = build_texts(
        tmp_path,
        "The referee Nora Dallas sent off two players. Dallas said the tackles were reckless.\n",
        "The coach Peter Dallas resigned on Friday. Dallas said he was proud of the team.\n",
        "Flights to Dallas were cancelled because of the storm.\n",
    )
    nora, peter = node_named(G, "Nora Dallas"), node_named(G, "Peter Dallas")
    assert nora is not peter and nora["documents"] == ["0"] and peter["documents"] == ["1"]
    assert all(attrs["documents"] != ["0", "1", "2"] for _, attrs in G.nodes(data=True))


def test_a_first_name_after_the_full_name_is_that_person(graph):
    lee = node_named(graph, "Ann Lee")
    assert {"Ann", "Lee"} <= set(lee["aliases"]) and lee["type"] == "person"


def test_surname_first_and_particle_surnames(graph):
    assert "Xi" in node_named(graph, "Xi Jinping")["aliases"]
    assert "Assad" in node_named(graph, "Bashar al-Assad")["aliases"]
    assert "Van Dam" in node_named(graph, "Jean-Claude van Dam")["aliases"]


# --- class 2: the type of an unknown name ------------------------------------------------------


def test_a_law_named_like_a_person_is_no_person(graph):
    assert not nodes_with(graph, "Smith Act") and not nodes_with(graph, "Smith")
    assert not nodes_with(graph, "Bill C-45")


def test_a_film_and_a_drug_are_not_nodes(graph):
    assert not nodes_with(graph, "Silent Morning")
    assert not nodes_with(graph, "Veltrix")


def test_a_company_by_its_shape_and_its_founder_by_who(graph):
    assert node_named(graph, "Acme Widgets Inc")["type"] == "organization"
    founder = node_named(graph, "Marta Kowalczyk")
    assert founder["type"] == "person" and "Kowalczyk" in founder["aliases"]


def test_a_given_name_outweighs_the_model(tmp_path):
    G = build_texts(tmp_path, "Fans queued for hours. Margaret Oduya signed copies of the book, and Oduya thanked them.\n")
    assert node_named(G, "Margaret Oduya")["type"] == "person"


def test_every_node_has_one_of_the_six_types(graph):
    assert {attrs["type"] for _, attrs in graph.nodes(data=True)} <= set(ENTITY_TYPES)


def test_a_treaty_or_a_war_makes_no_node(tmp_path):
    G = build_texts(
        tmp_path,
        "Ministers recalled the Treaty of Lisbonne and the War on Hunger. The Treaty of Lisbonne was "
        "signed by twelve states.\n",
    )
    assert {attrs["type"] for _, attrs in G.nodes(data=True)} <= set(ENTITY_TYPES)
    assert not nodes_with(G, "Treaty of Lisbonne") and not nodes_with(G, "War on Hunger")


# --- class 6: organisations' short and long forms ----------------------------------------------


def test_an_organisation_without_its_country_or_its_head_word_is_one_node(graph):
    office = node_named(graph, "Home Office")
    assert "UK Home Office" in office["aliases"] and office["type"] == "organization"
    labour = node_named(graph, "Labour")
    assert labour["label"] == "Labour Party" and "Labour Party" in labour["aliases"]


def test_an_organisation_without_the_place_it_is_named_after_is_one_node(tmp_path):
    G = build_texts(
        tmp_path,
        "The Dunmore Housing Trust raised rents in Dunmore on Monday. The Housing Trust said repairs "
        "had become costlier. Tenants in Dunmore said they could not pay.\n",
    )
    trust = node_named(G, "Housing Trust")
    assert trust["label"] == "Dunmore Housing Trust" and trust["mentions"] == 2
    assert node_named(G, "Dunmore")["type"] == "place"


def test_a_surname_stays_the_person_beside_a_foundation_named_after_her(tmp_path):
    G = build_texts(
        tmp_path,
        "Marta Oyelaran founded the Oyelaran Foundation in 2001. Oyelaran said on Monday that the "
        "Oyelaran Foundation would fund ten schools.\n",
    )
    marta = node_named(G, "Marta Oyelaran")
    assert marta["type"] == "person" and "Oyelaran" in marta["aliases"]
    assert "Oyelaran" not in node_named(G, "Oyelaran Foundation")["aliases"]


def test_a_generic_head_alone_is_no_entity(graph):
    assert not nodes_with(graph, "Government")


def test_plural_and_generic_speakers_are_no_nodes(tmp_path):
    G = build_texts(
        tmp_path,
        "Many Democrats said the bill went too far. Lawmakers said they would vote next week. "
        "Senator Ruth Okafor said she would support it.\n",
    )
    assert not nodes_with(G, "Many Democrats") and not nodes_with(G, "Lawmakers")
    assert node_named(G, "Ruth Okafor")["type"] == "person"


def test_a_people_or_a_party_as_a_whole_is_a_group_but_not_its_adjective(tmp_path):
    G = build_texts(
        tmp_path,
        "The Senate debated the bill on Tuesday. The Democrats voted against it, while Democratic "
        "staff said little. Many Sikhs gathered outside, and later the Sikhs marched to the park.\n",
    )
    assert node_named(G, "Democrats")["type"] == "group"
    assert node_named(G, "Sikhs")["type"] == "group"
    assert not nodes_with(G, "Democratic") and not nodes_with(G, "Many Sikhs")


def test_a_people_named_after_a_place_in_the_text_is_no_group_of_its_own(tmp_path):
    G = build_texts(
        tmp_path,
        "Trade across Central Asia grew last year. Central Asians now buy more grain from abroad, "
        "the report said.\n",
    )
    assert not [attrs for _, attrs in G.nodes(data=True) if attrs["type"] == "group"]


def test_a_capitalised_common_noun_the_text_also_writes_in_lower_case_is_no_name(tmp_path):
    G = build_texts(
        tmp_path,
        "Dana Whitlock grew up on a farm near the river, where her family kept horses. Mum always "
        "said the barn was too red, Whitlock recalled. My mum painted it anyway, and the Order was "
        "restored. Nobody disobeyed an order from her. The King listened to the king of the valley.\n",
    )
    assert not nodes_with(G, "Mum") and not nodes_with(G, "Order") and not nodes_with(G, "King")
    whitlock = node_named(G, "Dana Whitlock")
    assert whitlock["type"] == "person" and "Whitlock" in whitlock["aliases"]


def test_the_first_of_a_list_of_places_is_a_place(tmp_path):
    G = build_texts(
        tmp_path,
        "The troupe tours six months a year, from either Kilbrannagh, Dublin or Cork.\n",
    )
    assert node_named(G, "Kilbrannagh")["type"] == "place"


def test_a_cemetery_or_a_swamp_is_a_place_by_its_shape(tmp_path):
    G = build_texts(
        tmp_path,
        "Guides lead walks past Montrose Cemetery and along Barrow Swamp. Montrose Cemetery opened in 1850.\n",
    )
    assert node_named(G, "Montrose Cemetery")["type"] == "place"
    assert node_named(G, "Barrow Swamp")["type"] == "place"


def test_a_regnal_number_stays_in_the_name(tmp_path):
    G = build_texts(
        tmp_path,
        "The chronicle says that the town was founded by Ivan Rurikov I in 1150. Ivan Rurikov I, his "
        "son wrote, died in 1170. Ann Lee I think was there. Ballads I called them.\n",
    )
    assert node_named(G, "Ivan Rurikov I")["type"] == "person"
    assert not nodes_with(G, "Ann Lee I") and not nodes_with(G, "Ballads I")


def test_a_licence_is_no_node_but_its_maker_is(tmp_path):
    G = build_texts(
        tmp_path,
        "The wiki chose the CC BY-SA 4.0 licence in 2009, said Ann Lee. Creative Commons wrote it, "
        "and CC BY-SA 4.0 now covers every page.\n",
    )
    assert not [label for label in (a["label"] for _, a in G.nodes(data=True)) if label.startswith("CC BY")]
    assert node_named(G, "Creative Commons")["type"] == "organization"


def test_a_name_and_i_is_the_name_alone(tmp_path):
    G = build_texts(tmp_path, "Dear Lena, Kathy Harlow & I went to the fair. Later Tom Beck & Mr left early.\n")
    assert node_named(G, "Kathy Harlow")["type"] == "person" and nodes_with(G, "Tom Beck")
    assert not [label for label in (a["label"] for _, a in G.nodes(data=True)) if label.endswith(("& I", "& Mr"))]


def test_a_one_word_town_on_a_route_or_after_a_place_noun_is_a_place(tmp_path):
    G = build_texts(
        tmp_path,
        "Flights from the capital arrive via Al Harwan twice a week. The trail runs along Kellerbrook "
        "to the sea. The ferry leaves from Odrun each morning. Monks lived in the desert of Tavros. "
        "Mara Vell was born in Edderby, Wealdshire. Later she moved to Tolcaster, Wealdshire, with her sister.\n",
    )
    for name in ("Al Harwan", "Kellerbrook", "Odrun", "Tavros", "Tolcaster"):
        assert node_named(G, name)["type"] == "place", name


def test_a_surname_sent_a_letter_to_stays_a_person(tmp_path):
    G = build_texts(
        tmp_path,
        "Mara Kestrel, the mayor, spoke on Monday. Kestrel said she would not resign. Residents sent "
        "a letter to Kestrel, and a petition from Kestrel reached the council. Kestrel told them she "
        "would answer.\n",
    )
    assert node_named(G, "Mara Kestrel")["type"] == "person"


def test_a_company_named_after_a_place_stays_an_organisation(tmp_path):
    G = build_texts(
        tmp_path,
        "Velmora Motors said on Monday that profits fell. Velmora Motors shares dropped in Tokyo. "
        "Analysts at Velmora Motors expect a recovery, and a statement from Velmora Motors blamed costs.\n",
    )
    assert node_named(G, "Velmora Motors")["type"] == "organization"


def test_node_types_are_plain_strings_in_the_graph_and_its_files(graph, tmp_path):
    """Entity types are an enum (records.EntityType) inside the build; the graph a user gets holds
    their plain values, which networkx's own writers and JSON take as they are."""
    import json

    import networkx as nx

    types = [attrs["type"] for _, attrs in graph.nodes(data=True)]
    assert types and all(type(t) is str for t in types)
    plain = nx.DiGraph()
    plain.add_nodes_from((n, {"type": attrs["type"]}) for n, attrs in graph.nodes(data=True))
    nx.write_graphml(plain, tmp_path / "g.graphml")  # networkx writes no enum
    assert json.loads(json.dumps(types)) == types


def test_another_name_of_a_place_is_a_place(tmp_path):
    """A name the text gives as another name of a place ("also known as", "called", a bracket
    opening on a language) is that place's, however the small model reads it alone."""
    G = build_texts(
        tmp_path,
        "Varnholm (Norse: Varnaholmr, also known as Varnhelm) is a city on the northern coast. "
        "Kessary (Greek: Kessaria, Kesári) is a port town. The town has an old Quarter called Telbrin, "
        "built by merchants in the 1600s. Brevora, known as Brevoa among fishermen, is a group of "
        "islands off the coast.\n",
    )
    for name in ("Varnhelm", "Kesári", "Telbrin", "Brevoa"):
        assert not [n for n in nodes_with(G, name) if n["type"] != "place"], name


def test_a_square_named_in_another_language_is_a_place(tmp_path):
    G = build_texts(
        tmp_path,
        "Squares\n\nMeydan Sorkhan. The old market square, lined with tea houses.\n\n"
        "Plac Zelenski is the heart of the old town, and the quiet Velandri and Tosko districts "
        "lie to its east. The Ardel and Mirren Rivers meet below the town. Dara Vell Statue stands by "
        "the gate.\n",
    )
    for name in ("Meydan Sorkhan", "Zelenski", "Velandri", "Mirren Rivers", "Dara Vell Statue"):
        assert not [n for n in nodes_with(G, name) if n["type"] in ("person", "organization")], name


def test_a_person_known_by_another_name_or_written_to_stays_a_person(tmp_path):
    """The traps: a person's nickname, a letter to a person, a meeting with one at a place, and a
    company named after a town keep their types."""
    G = build_texts(
        tmp_path,
        "Ann Tarrow, known as Annie Tee to her fans, is a singer from Brisbane. Fans sent a letter to "
        "Ann Tarrow in May. Rep. Tom Vale met with Ann Tarrow at his office, and Tom Vale said she was "
        "kind. Halvik Foods, known as Halvik in the town of Halvik Bay, is a company that sells fish.\n",
    )
    assert node_named(G, "Ann Tarrow")["type"] == "person"
    assert node_named(G, "Tom Vale")["type"] == "person"
    assert node_named(G, "Halvik Foods")["type"] == "organization"
    assert not [n for n in nodes_with(G, "Annie Tee") if n["type"] == "place"]


def test_a_name_a_journey_goes_to_is_a_place(tmp_path):
    """"Fly to the X", "a trip to the X": the end of a journey is a place whatever the small model
    calls it; a body that people return or write to stays one."""
    G = build_texts(
        tmp_path,
        "Walkers can get to the Dunrae only by boat. Sailing to the Dunrae is slow, and a "
        "trip to the Dunrae takes a day. The old boat is moored in the Dunrae. Ann Lee returned to the "
        "Velmar Trust in May, and she wrote a letter to the Velmar Trust about the flights.\n",
    )
    assert node_named(G, "Dunrae")["type"] == "place"
    assert node_named(G, "Velmar Trust")["type"] == "organization"
    assert node_named(G, "Ann Lee")["type"] == "person"


def test_a_ferry_link_ends_at_a_place_and_a_compass_point_is_no_part_of_its_name(tmp_path):
    G = build_texts(
        tmp_path,
        "From Ostby a small ferry sails through the strait to Vøre on Harnø. Northeast of "
        "Dellwyn and near the Corrister border lies Ashgrove, a neighborhood. The navy kept a base on "
        "Wenlow Atoll. Ann Lee has a connection to Tom Vale, who runs the ferry.\n",
    )
    assert node_named(G, "Vøre")["type"] == "place"
    assert node_named(G, "Dellwyn")["type"] == "place" and not nodes_with(G, "Northeast of Dellwyn")
    assert node_named(G, "Wenlow Atoll")["type"] == "place"
    assert node_named(G, "Tom Vale")["type"] == "person"


def test_what_the_text_says_a_name_is_makes_it_a_place(tmp_path):
    """"X is a small port town", "X is a chain of islands": the sentence says X is a place; a
    person "is a city councillor" and a brigade is no street."""
    G = build_texts(
        tmp_path,
        "Marnholt is a chain of islands off the cape. Kessary is a small port town. Ann Lee, who "
        "visited Kessary, is a city councillor. Catedral de San Ormo stands above Havnevej, and Wat "
        "Surin is on the river. The Varden Brigade said it would leave.\n",
    )
    for name in ("Marnholt", "Kessary", "Catedral de San Ormo", "Havnevej", "Wat Surin"):
        assert not [n for n in nodes_with(G, name) if n["type"] in ("person", "organization")], name
    assert node_named(G, "Ann Lee")["type"] == "person"
    assert not [n for n in nodes_with(G, "Varden Brigade") if n["type"] == "place"]


def test_islands_in_a_list_or_defined_by_a_colon_are_places(tmp_path):
    G = build_texts(
        tmp_path,
        "Islands\n\nMarn Vellis: the biggest island of the group.\n\n"
        "From the fort you can see the islands La Tarne, Petite Osk, Marn Vellis, Les Corbes, and Vell Major.\n",
    )
    for name in ("Marn Vellis", "La Tarne", "Petite Osk", "Les Corbes", "Vell Major"):
        assert node_named(G, name)["type"] == "place", name


def test_a_mayor_named_after_his_town_and_a_senator_in_a_headline_stay_people(tmp_path):
    """The traps: "the mayor of Springfield, Ann Lee," is no region of Springfield, and a headline's
    "Challenger Ann Lee: ..." is no definition of a place."""
    G = build_texts(
        tmp_path,
        "Senate Challenger Dara Quell: Close the Harbor Gate\n\n"
        "After the Republican mayor of Springfield, Doyle Marrick, was elected, a dinner was held. "
        "Former State Senator Dr. Dara Quell said the harbor would close. Marrick said he agreed.\n",
    )
    assert node_named(G, "Doyle Marrick")["type"] == "person"
    assert node_named(G, "Dara Quell")["type"] == "person"
