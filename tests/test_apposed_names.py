"""Names set off by commas beside a person noun, and names that only qualify an epoch (issue 10):
through a real build of short hand-written texts."""
from __future__ import annotations

from tests.built import build_texts, node_named


def _labels(G) -> set[str]:
    return {d.get("label") or n for n, d in G.nodes(data=True)}


def test_an_untagged_name_in_apposition_to_a_person_noun_is_a_person(tmp_path):
    # the model tags neither name; the noun beside the commas says who they are
    G = build_texts(
        tmp_path,
        "We moved into the old house in spring. Orlenna, the maid, is so slow that nobody minds her.\n",
        "Dear Wenna, Pim, the gardener, says the roses are fine.\n",
    )
    assert node_named(G, "Orlenna")["type"] == "person"
    assert node_named(G, "Pim")["type"] == "person"


def test_a_lone_word_the_model_calls_a_body_is_the_person_its_apposition_names(tmp_path):
    # the model reads the word as an organisation or a place; the person noun beside it outvotes that
    G = build_texts(
        tmp_path,
        "The rain kept on. Her gardener, Ossery, planted the beds again in May.\n",
        "Tessaly, the housekeeper, kept the keys.\n",
    )
    assert node_named(G, "Ossery")["type"] == "person"
    assert node_named(G, "Tessaly")["type"] == "person"


def test_english_words_beside_a_person_noun_make_no_person(tmp_path):
    # an adverb or a place before the commas, or an animal's name, is no apposition of a person
    G = build_texts(tmp_path, "Later, the maid went home. In the morning, his editor called again, and Happy, the dog, barked.\n")
    assert not {"Later", "Happy"} & _labels(G)


def test_a_name_seen_only_before_an_epoch_noun_is_no_entity(tmp_path):
    G = build_texts(
        tmp_path,
        "The abbey was rebuilt after the Tarvenid restoration. Under the Olmarid dynasty the town grew rich, "
        "and the Olmarid era ended in war.\n",
        # a given name too: the epoch is named after a house, not this document's person
        "In 1660, Gordane was wounded. Upon hearing of the Tobin restoration, Gordane left the Polish service.\n",
    )
    assert not {"Tarvenid", "Olmarid", "Tobin"} & _labels(G)


def test_a_person_named_elsewhere_keeps_the_name_before_an_epoch_noun(tmp_path):
    G = build_texts(tmp_path, "Ann Lee led the party for ten years. Historians still argue about the Lee era.\n")
    assert node_named(G, "Ann Lee")["type"] == "person"
