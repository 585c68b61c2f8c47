"""A speaker's name the small model leaves untagged: the subject of a speech cue is a person when
the word is no English word, or the document names it with a title or a given name elsewhere; a
capitalised common word ("Critics said") is not. Invented texts, through ``graph.build``."""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one

TEXTS = {
    "unknown": "The mill on the river will close in March, its owners announced on Monday. "
               "In a statement, Quorvath said the workers would be paid until the end of the year.",
    "word": "Mr. Stone has run the harbour ferry for twenty years. The ferry carried 40,000 people last summer. "
            "Stone said the new pier would open in the spring.",
    "titled": "Sales fell. Gable said the store would close. The shop was opened by Ms. Gable in 1998.",
    "lone": "The harbour board met again on Friday. Upney said the ferry would run on Sunday.",
    "common": "The council approved the budget on Tuesday. Critics said the plan was too costly for a small town.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


def person_labels(kg) -> set[str]:
    return {attrs["label"] for _, attrs in kg.nx.nodes(data=True) if attrs.get("type") == "person"}


def test_an_untagged_surname_that_is_no_english_word_speaks(kg):
    assert label(kg, one(kg, "unknown", "the workers would be paid")["speaker"]) == "Quorvath"


def test_a_surname_that_is_an_english_word_speaks_when_a_title_names_it(kg):
    assert label(kg, one(kg, "word", "the new pier")["speaker"]) in {"Stone", "Mr. Stone"}


def test_an_untagged_surname_that_is_an_english_word_speaks_when_the_text_titles_it(kg):
    # the model tags the titled "Ms. Gable" but not the bare subject of "said"
    assert label(kg, one(kg, "titled", "the store would close")["speaker"]) in {"Gable", "Ms. Gable"}


def test_a_capitalised_common_word_before_said_is_no_person(kg):
    assert "Critics" not in person_labels(kg)
    assert one(kg, "common", "the plan was too costly")["speaker"] is None


def test_an_untagged_name_named_once_as_the_subject_of_said_is_the_speaker(kg):
    # the model tags nothing here: without the rule the statement has no speaker node (its type,
    # with no evidence but the cue, is left to the vote across the corpus)
    speaker = one(kg, "lone", "the ferry would run on Sunday")["speaker"]
    assert speaker is not None and label(kg, speaker) == "Upney"
