"""Names set off by commas beside a person noun, and names that only qualify an epoch (issue 10):
through a real build of short hand-written texts."""
from __future__ import annotations

from tests.built import build_texts, node_named


def _labels(G) -> set[str]:
    return {d.get("label") or n for n, d in G.nodes(data=True)}


def test_an_untagged_name_in_apposition_to_a_person_noun_is_a_person(tmp_path):
    # the model tags none of them; the noun beside the commas says who they are
    G = build_texts(
        tmp_path,
        "We moved into the old house in spring. Orlenna, the maid, is so slow that nobody minds her.\n",
        "Every week his tutor, Pellamy, came up the hill to teach him Latin.\n",
        "The town had a fair each year. The king of the city, Torvald Ussen, opened it with a speech.\n",
    )
    assert node_named(G, "Orlenna")["type"] == "person"
    assert node_named(G, "Pellamy")["type"] == "person"
    assert node_named(G, "Torvald Ussen")["type"] == "person"


def test_english_words_beside_a_person_noun_make_no_person(tmp_path):
    # an adverb or a place before the commas, or an animal's name, is no apposition of a person
    G = build_texts(tmp_path, "Later, the maid went home. In the morning, his editor called again, and Happy, the dog, barked.\n")
    assert not {"Later", "Happy"} & _labels(G)


def test_a_name_seen_only_before_an_epoch_noun_is_no_entity(tmp_path):
    G = build_texts(
        tmp_path,
        "The abbey was rebuilt after the Tarvenid restoration. Under the Olmarid dynasty the town grew rich, "
        "and the Olmarid era ended in war.\n",
    )
    assert not {"Tarvenid", "Olmarid"} & _labels(G)


def test_a_person_named_elsewhere_keeps_the_name_before_an_epoch_noun(tmp_path):
    G = build_texts(tmp_path, "Ann Lee led the party for ten years. Historians still argue about the Lee era.\n")
    assert node_named(G, "Ann Lee")["type"] == "person"
