"""Linking the names of one person, and keeping apart what only shares a name: a lone surname and
the full name before it when the first name is also a surname particle ("Al", "Ben"), when the
model mistyped the full name or read the surname as a building, when the surname has two words or
is a people's name ("German"). Through a real build of short hand-written articles, with the traps
(two people sharing a surname, a particle that is a surname's, a building named after a person, a
middle name and surname that are another person's, one person named in two articles)."""
from __future__ import annotations

from tests.built import build_texts, node_named, nodes_with


def test_a_given_name_that_is_also_a_particle_leads_a_full_name(tmp_path):
    G = build_texts(
        tmp_path,
        "Senator Al Verrick spoke to farmers in Dunmore on Tuesday. Verrick said the drought had cost "
        "them a season, and Verrick promised relief.\n",
        "Ben Harwood, a retired surgeon, is running for governor in Ohio. Mr. Harwood told reporters "
        "on Monday that he would cut taxes.\n",
    )
    assert "Verrick" in node_named(G, "Al Verrick")["aliases"]
    assert "Harwood" in node_named(G, "Ben Harwood")["aliases"]
    assert node_named(G, "Al Verrick")["type"] == node_named(G, "Ben Harwood")["type"] == "person"


def test_a_particle_surname_still_joins_the_full_name_it_ends(tmp_path):
    G = build_texts(
        tmp_path,
        "Karim Al Nasser, the trade minister, met the delegation on Sunday. Al Nasser said the talks "
        "went well, and Nasser later left for the airport.\n",
    )
    karim = node_named(G, "Karim Al Nasser")
    assert {"Al Nasser", "Nasser"} <= set(karim["aliases"])
    assert len(nodes_with(G, "Al Nasser")) == 1


def test_a_surname_the_model_reads_as_a_building_is_the_person(tmp_path):
    G = build_texts(tmp_path, "Sophie Le Garrec spoke in Lyon on Sunday. The crowd at Le Garrec chanted her name.\n")
    sophie = node_named(G, "Sophie Le Garrec")
    assert "Le Garrec" in sophie["aliases"] and sophie["type"] == "person"
    assert len(nodes_with(G, "Le Garrec")) == 1


def test_a_building_named_after_a_person_stays_a_place(tmp_path):
    G = build_texts(
        tmp_path,
        "Senator Dale Kittredge spoke in Denver on Sunday. Hundreds of protesters marched to Kittredge "
        "Tower on Monday.\n",
    )
    assert node_named(G, "Kittredge Tower")["type"] == "place"
    assert "Kittredge Tower" not in node_named(G, "Dale Kittredge")["aliases"]


def test_a_titled_surname_joins_the_full_name_the_model_took_for_a_body(tmp_path):
    G = build_texts(
        tmp_path,
        "Berlin has promised to spend more on defence, said Sylke Varnholt, the editor of a foreign "
        "policy journal. \"This is a real change,\" Ms. Varnholt said. Critics call the journal too "
        "hawkish, but Varnholt Publishing has doubled its readers.\n",
    )
    sylke = node_named(G, "Sylke Varnholt")
    assert "Varnholt" in sylke["aliases"] and sylke["type"] == "person"
    assert node_named(G, "Varnholt Publishing")["type"] == "organization"


def test_a_titled_surname_of_two_such_names_joins_neither_nor_a_namesake_elsewhere(tmp_path):
    G = build_texts(
        tmp_path,
        "Berlin has promised to spend more on defence, said Sylke Varnholt, the editor of a foreign "
        "policy journal, and Jorinde Varnholt, her sister. \"This is a real change,\" Ms. Varnholt said.\n",
        "The new policy was criticised by Oskar Varnholt, a retired general. Mr. Varnholt said it came "
        "too late.\n",
    )
    for name in ("Sylke Varnholt", "Jorinde Varnholt"):
        assert "Varnholt" not in node_named(G, name)["aliases"], name
    oskar = node_named(G, "Oskar Varnholt")
    assert oskar["documents"] == ["1"] and "Varnholt" in oskar["aliases"]


def test_a_two_word_surname_alone_is_the_person_it_ends(tmp_path):
    G = build_texts(
        tmp_path,
        "Representative Lorna Whitacre Delgado chairs the party. Ms. Whitacre Delgado said on Monday "
        "that the convention would be fair.\n",
    )
    assert "Whitacre Delgado" in node_named(G, "Lorna Whitacre Delgado")["aliases"]
    assert len(nodes_with(G, "Whitacre Delgado")) == 1


def test_a_middle_name_and_surname_are_another_person(tmp_path):
    G = build_texts(
        tmp_path,
        "Mary Ellen Farrow, the mayor, met her rival Ellen Farrow on Tuesday. Ellen Farrow said the "
        "debate went well.\n",
    )
    assert node_named(G, "Mary Ellen Farrow") is not node_named(G, "Ellen Farrow")


def test_a_surname_that_is_a_peoples_name_is_the_person_where_the_country_is_not_named(tmp_path):
    G = build_texts(
        tmp_path,
        "Tessa German, the mayor of Lanford, won a second term on Tuesday. \"We kept our promises,\" "
        "German said.\n",
        "Hal German, a trade adviser, said German exports to Germany's neighbours fell. Germany blamed "
        "the euro.\n",
    )
    assert "German" in node_named(G, "Tessa German")["aliases"]
    # where the country is named, its adjective stays the country's
    assert "German" not in node_named(G, "Hal German")["aliases"]



def test_one_person_named_in_two_articles_stays_one_node(tmp_path):
    G = build_texts(
        tmp_path,
        "Senator Al Verrick spoke to farmers in Dunmore on Tuesday. Verrick said the drought had cost "
        "them a season.\n",
        "The farm bill passed the Senate on Friday. Verrick said the vote was a relief for growers.\n",
    )
    al = node_named(G, "Al Verrick")
    assert sorted(al["documents"]) == ["0", "1"]
    assert len(nodes_with(G, "Verrick")) == 1
