"""Names inside title-case headlines, through one build (``graph.build``) of short hand-written
articles: a headline capitalises its verbs and function words, whatever its final punctuation, and
the model's person span runs on into them ("Senator Blasts Orla Penhaligon Over Tax Plan"). The
span is cut to the names there, and a false person does not take the real speaker's words."""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one

TEXTS = {
    # a verb before the name, a function word after it, and a final full stop
    "blasts": "Senator Blasts Orla Penhaligon Over Tax Plan.\n\n"
              "Senator Dag Whitcombe criticised Orla Penhaligon on Monday over her plan to raise taxes. "
              "Penhaligon said the plan was fair to families.\n",
    # "Says He": the headline's statement belongs to the man the body names
    "says_he": "Fenwick Says He Will Run Again.\n\n"
               "Mayor Corwin Fenwick said on Tuesday that he would run for a third term. "
               "\"The work is not done,\" Fenwick said.\n",
    # two names joined by a verb in the model's span
    "slams": "Peter Hollis Slams Janet Marrack And The Press In One Answer.\n\n"
             "Peter Hollis criticised Janet Marrack at the club dinner on Thursday. Marrack did not respond.\n",
    # a title that writes its short function words in lower case: its capitalised verb tells it
    "joins": "Gideon Wexley Joins a Panel of Farm Lobbyists on Radio.\n\n"
             "The former senator Gideon Wexley will host a morning programme from June, the network said.\n",
    # a surname that is also an English verb form: the body writes it as a name, so it stays
    "fields": "Mara Fields Wins Over Council With Harbour Plan.\n\n"
              "Councillor Mara Fields won the vote on Wednesday. Fields said the harbour would reopen in May.\n",
    # a bare verb of a plural subject before a known person's full name ("Lawmakers Rip ...")
    "rip": "River Pilots Rip Alexander Lukashenko As A \u2018Careless Captain.\u2019\n\n"
           "MINSK \u2015 Alexander Lukashenko\u2019s plan for the river port puts every crew at risk, pilots said "
           "Friday.\n\nLukashenko said the new port would open in the spring.\n",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


def labels(kg) -> set[str]:
    return {attrs["label"] for _, attrs in kg.nx.nodes(data=True)}


def test_a_verb_or_function_word_of_a_headline_is_no_part_of_a_name(kg):
    names = labels(kg)
    assert "Orla Penhaligon" in names
    assert not any("Blasts" in n or "Over" in n or "Says" in n or "Slams" in n for n in names), sorted(names)
    assert {"Peter Hollis", "Janet Marrack"} <= names


def test_a_title_with_lower_case_function_words_is_a_headline_too(kg):
    names = labels(kg)
    assert "Gideon Wexley" in names
    assert not any("Joins" in n for n in names), sorted(names)


def test_a_headline_statement_goes_to_the_real_speaker(kg):
    assert label(kg, one(kg, "says_he", "He Will Run Again")["speaker"]) == "Corwin Fenwick"


def test_a_name_the_body_writes_keeps_its_verb_like_surname(kg):
    names = labels(kg)
    assert "Mara Fields" in names
    assert "Mara" not in names


def test_a_bare_headline_verb_before_a_full_name_the_body_writes_is_no_part_of_it(kg):
    assert not any(n.startswith("Rip ") for n in labels(kg)), sorted(labels(kg))
    assert label(kg, one(kg, "rip", "the new port would open")["speaker"]) == "Alexander Lukashenko"
