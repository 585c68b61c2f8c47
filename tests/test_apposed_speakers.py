"""A speaker's apposition names whom the speaker serves, not the speaker, through the public API
(``graph.build``) on short hand-written texts.

The fault: when the mention stage has no mention for the speaker's own name ("said Nora
Charter, a former clerk to Harbour Board Chair Ann Brack"), the resolver looked through the whole
apposition and took the person named in its prepositional phrase for the speaker. A person in the apposition's own
words ("the director of the agency, Ilya Varnov, said") is still the speaker.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one

TEXTS = {
    "aide_to": "The town council met in Dover on Tuesday to plan the summer fair.\n\n"
               "\u201cIf the rain comes early, the bakery tent has to go up first,\u201d "
               "said Nora Charter, a longtime clerk to Harbour Board Chair Ann Brack and now head of a rowing club.",
    "adviser_of": "Governor Tom Hill visited the flooded valley on Monday.\n\n"
                  "\u201cThe levees will not hold another winter,\u201d said Arthur Grant, a longtime adviser of Governor Tom Hill.",
    "apposed_name": "The water agency closed two reservoirs on Monday.\n\n"
                    "The head of the agency, Deputy Minister Ilya Varnov, said the reservoirs would reopen in June.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


@pytest.mark.parametrize("doc, start, served", [
    ("aide_to", "If the rain comes early", "Ann Brack"),
    ("adviser_of", "The levees will not hold", "Tom Hill"),
])
def test_the_person_a_speaker_serves_is_not_the_speaker(kg, doc, start, served):
    st = one(kg, doc, start)
    assert label(kg, st["speaker"]) != served


def test_a_name_in_the_apposition_itself_is_the_speaker(kg):
    st = one(kg, "apposed_name", "the reservoirs would reopen")
    assert label(kg, st["speaker"]) == "Ilya Varnov"
