"""Who a lone surname is when the corpus is large: the speaker of a statement in one article is never
another article's person just because they share a surname, when the corpus names two people with it;
and a surname alone joins the one person of that surname the corpus names in full."""
from __future__ import annotations

import pytest

from tests.built import build_articles, nodes_with, one

ARTICLES = {
    # two different people of one surname, each in an article of their own
    "harbour": "Dock workers strike\n\nMarta Quellan, a crane operator, led the strike at the harbour on Monday. "
    "Quellan said the workers would stay out until the contract was signed.\n",
    "choir": "A new choir\n\nTobias Quellan, a music teacher, started a choir at the library. Quellan said "
    "forty singers had joined in the first week.\n",
    # a lone surname in a third article: either of the two could be meant, so neither is
    "council": "Council vote\n\nThe council voted on the budget on Tuesday. Quellan said the vote was a "
    "disgrace and promised to appeal.\n",
    # one person of this surname in the corpus: the surname alone elsewhere is that person
    "bridge": "Bridge reopens\n\nRosalind Vantreight, the city engineer, reopened the old bridge on Friday after "
    "two years of repairs.\n",
    # "she" said of a lone surname: no man of that surname, in this article or in another
    "dinner": "Debate night\n\nThe former governor Tom Ardley and his son Peter Ardley spoke first at the "
    "dinner in Dover.\n\nLater in the evening, Ardley took the stage to loud applause. She said the state "
    "needed better schools and safer roads.\n",
    "ferry": "Ferry fares\n\nOwen Brisk, the ferry company's owner, raised the fares on Monday.\n",
    "fares": "Fares protest\n\nCommuters gathered at the pier on Tuesday. Later, Brisk met the crowd at the "
    "gate. She said the new fares were unfair to students.\n",
    "traffic": "Traffic eases\n\nTraffic on the east side eased this week. Vantreight said the bridge would "
    "carry buses from June.\n",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, ARTICLES)


def _node(kg, node_id):
    return kg.nx.nodes[node_id]


def test_two_people_sharing_a_surname_in_two_articles_stay_two_nodes(kg):
    marta = one(kg, "harbour", "the workers would stay out")["speaker"]
    tobias = one(kg, "choir", "forty singers")["speaker"]
    assert marta and tobias and marta != tobias
    assert _node(kg, marta)["label"] == "Marta Quellan" and _node(kg, marta)["documents"] == ["harbour"]
    assert _node(kg, tobias)["label"] == "Tobias Quellan" and _node(kg, tobias)["documents"] == ["choir"]


def test_a_lone_surname_of_two_namesakes_elsewhere_joins_neither(kg):
    speaker = one(kg, "council", "the vote was a disgrace")["speaker"]
    assert speaker is None or _node(kg, speaker)["documents"] == ["council"]
    for name in ("Marta Quellan", "Tobias Quellan"):
        assert "council" not in nodes_with(kg.nx, name)[0]["documents"]


def test_a_lone_surname_joins_the_corpus_only_person_of_that_name(kg):
    speaker = one(kg, "traffic", "the bridge would carry buses")["speaker"]
    assert speaker and _node(kg, speaker)["label"] == "Rosalind Vantreight"
    assert _node(kg, speaker)["documents"] == ["bridge", "traffic"]


@pytest.mark.parametrize("doc, start", [("dinner", "the state needed better schools"), ("fares", "the new fares")])
def test_a_lone_surname_called_she_is_no_man_of_that_surname(kg, doc, start):
    speaker = one(kg, doc, start)["speaker"]
    assert speaker is None or _node(kg, speaker)["label"] not in ("Tom Ardley", "Peter Ardley", "Owen Brisk")
