"""Names the model tagged that no rule explains dropping are kept (issue 10, class 5): through a
real build of short hand-written texts. Each test is one way a tagged name used to be lost."""
from __future__ import annotations

from tests.built import build_texts, node_named, nodes_with


def test_a_party_named_as_a_whole_keeps_its_node_when_who_follows_it(tmp_path):
    # "who" is a person's cue, but a party or people takes it too: its node is a group, not lost
    G = build_texts(tmp_path, "Republicans who opposed the bill met on Tuesday in the capital.\n")
    assert node_named(G, "Republicans")["type"] == "group"


def test_both_before_two_parties_is_no_quantifier(tmp_path):
    # "both X and Y" names the two as wholes; "Many Democrats" (a part) stays no node
    G = build_texts(
        tmp_path,
        "Meeting both Republicans and Democrats, the council passed the ferry budget. "
        "Many Democrats said the fares were too high.\n",
    )
    assert node_named(G, "Republicans")["type"] == "group"
    assert not nodes_with(G, "Many Democrats")


def test_a_given_name_the_tagger_reads_as_a_noun_at_a_sentence_start_stays_a_name(tmp_path):
    G = build_texts(tmp_path, "Nobody answered the door at the farm on Friday. Diane and I waited in the car.\n")
    assert node_named(G, "Diane")["type"] == "person"


def test_a_given_name_written_as_a_common_word_is_still_no_name(tmp_path):
    # the text writes "grace" in lower case too: the capital says nothing
    G = build_texts(
        tmp_path,
        "Nobody answered the door. Grace and I waited in the car. She showed grace under pressure.\n",
    )
    assert not nodes_with(G, "Grace")


def test_a_month_before_a_lone_name_starts_no_title(tmp_path):
    # "Iris" is also an English noun: a capitalised word beside it would make it a cut title
    # ("her Second Sonata"), but a month is no part of a title
    G = build_texts(
        tmp_path,
        "The bakery was busy all autumn. Then around October Iris had to take a second job because of "
        "the rent.\n",
    )
    assert node_named(G, "Iris")["type"] == "person"


def test_a_party_tag_after_a_senators_name_is_no_acronym_of_it(tmp_path):
    # "(D-Mo.)" after "Democratic Sen. Nora Quill" once made the whole phrase an organisation's
    # long form, and the person was lost
    G = build_texts(
        tmp_path,
        "\u201cHe never answers a question about the harbor,\u201d Democratic Sen. Nora Quill (D-Mo.) said. "
        "\u201cThe ferry fares keep rising.\u201d\n",
    )
    assert node_named(G, "Nora Quill")["type"] == "person"
    assert not [a for _, a in G.nodes(data=True) if a["type"] == "organization" and "Quill" in a["label"]]


def test_a_firm_named_after_people_keeps_its_acronym(tmp_path):
    # the short form's last letter is the last partner's initial: a long form, no party tag
    G = build_texts(
        tmp_path,
        "He co-founded two firms - Roe, Dunn, Vale and Kane (RDV&K) and, later, a smaller one. "
        "RDV&K closed in 2001.\n",
    )
    assert not nodes_with(G, "Kane")


def test_a_day_after_a_word_still_makes_one_title(tmp_path):
    # "Giant Wednesday": a day after a capitalised common word is a name of its own, not an
    # organisation "Giant" (a month or day *before* a lone name starts no title; after it, it may)
    G = build_texts(
        tmp_path,
        "The rowing club took two cups at the regattas known as Giant Wednesday: Dover and Rye.\n",
    )
    assert not nodes_with(G, "Giant")
