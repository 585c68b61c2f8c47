"""Statements whose cue is already a verb of speech or a sourcing phrase, in the constructions whose
parse or layout hid them: one build (``graph.build``) of short hand-written news texts, one per
construction, and the statements of graph.json read back per document (the style of
tests/test_attribution.py)."""
from __future__ import annotations

import pytest

from tests.built import build_articles, said, one, label

TEXTS = {
    # a subject the tagger did not read as a noun: a quantifier, a percentage
    "quantifiers": "The mill closed in March after forty years. Most said they had loved working there. "
                   "In the county, 85% of voters said the mill should reopen.",
    # a headline's "Name: ..." with the name tagged a noun, and a source the lexicon knows ("Poll: ...")
    "headline_name": "Marlow: The harbour bridge will never be finished\n\n"
                     "Councillor Edna Marlow spoke at the town hall on Monday about the bridge.",
    "headline_poll": "Poll: Voters in the valley want a new hospital\n\nA survey of 900 residents was published on Monday.",
    # a poll further on in its clause sources the clause; a manner ("in analysis") does not
    "poll_after": "Senator Ann Ray leads her rival by six points in the latest poll. "
                  "Her aide Tom Bell worked in analysis for years.",
    # a quote's cue after a long apposition of its speaker
    "long_apposition": "Leaders of the shops met in Dover on Monday.\n\n"
                       "\"We will win this fight,\" Mayor Tom Hill, the longest-serving mayor in the county and a former "
                       "shopkeeper himself, said after the meeting.",
    # a cue clause that closes its sentence after a comma reports all before the comma
    "trailing_cue": "Her fate in the race hinges on the vote in May, analyst says.\n\n"
                    "In a long part of the interview, he said\n\n\"We will not give up the fight.\"",
    # a headline's label speaks for its line only
    "label_line": "Economists: The dam will ruin the valley;\nA vote on the dam is due in May, analyst says.\n\n"
                  "The county will decide in May.",
    # what a verb of speech says as its object; a pronoun object says nothing
    "said_object": "The poll asked whether the mayor should resign. Sixty percent of voters said yes, "
                   "and 30% said the same of his deputy.\n\n"
                   "Senator Ann Ray tweeted a photo of the flooded road on Monday. Ray said it again on Friday.",
    # a colon opens the words: after a name with no cue, and before a paragraph set off as a block
    "colons": "Councillor Ann Ray spoke in Dover on Monday. The plan did not surprise local pollster Tom Bell: "
              "\u201cVoters have wanted a new bridge for years.\u201d\n\n"
              "In a speech last July, Ray said:\n\n"
              "The bridge will be built before the next election, whatever the cost to the county.\n\n"
              "BELL:\n\nWell, nobody in this town trusts the county with money.\n\n"
              "The council listed three roads:\n\nMain Street, Mill Lane and the old coast road.",
    # a sourcing phrase after an opening bracket still opens its clause
    "bracketed_source": "The park was busy on Sunday. (According to the city council, the park has no rules on skating.)",
    # a question "if ..." the parse hung on the cue as an adverbial clause
    "asked_if": "The paper asked the senator if she had been preparing for the race.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


@pytest.mark.parametrize("start, phrase", [("they had loved", "Most"), ("the mill should reopen", "85% of voters")])
def test_any_subject_of_a_verb_of_speech_speaks(kg, start, phrase):
    st = one(kg, "quantifiers", start)
    assert (st["speaker"], st["speaker_text"]) == (None, phrase)


def test_a_headline_label_names_its_speaker(kg):
    assert label(kg, one(kg, "headline_name", "The harbour bridge")["speaker"]) == "Edna Marlow"
    st = one(kg, "headline_poll", "Voters in the valley")
    assert (st["speaker"], st["speaker_text"]) == (None, "Poll")


def test_a_poll_further_on_in_the_clause_sources_it(kg):
    st = one(kg, "poll_after", "Senator Ann Ray leads her rival")
    assert (st["kind"], st["speaker_text"]) == ("according_to", "the latest poll")
    assert st["text"] == "Senator Ann Ray leads her rival by six points"
    assert len(said(kg, "poll_after")) == 1


def test_a_quotes_cue_after_a_long_apposition_of_its_speaker(kg):
    st = one(kg, "long_apposition", "We will win")
    assert (label(kg, st["speaker"]), st["kind"], st["text"]) == ("Tom Hill", "direct", "We will win this fight")


def test_a_cue_closing_its_sentence_reports_all_before_its_comma(kg):
    st = one(kg, "trailing_cue", "Her fate in the race")
    assert (st["speaker_text"], st["text"]) == ("analyst", "Her fate in the race hinges on the vote in May")
    assert not [s for s in said(kg, "trailing_cue") if s["text"].startswith("In a long part")]  # his words follow


def test_a_headline_label_speaks_for_its_line(kg):
    assert one(kg, "label_line", "The dam will ruin")["text"] == "The dam will ruin the valley"
    assert one(kg, "label_line", "A vote on the dam")["speaker_text"] == "analyst"


@pytest.mark.parametrize("start", ["yes", "the same of his deputy", "a photo of the flooded road"])
def test_the_object_of_a_verb_of_speech_is_what_it_says(kg, start):
    assert one(kg, "said_object", start)["kind"] == "indirect"


def test_a_pronoun_object_says_nothing(kg):
    assert not [s for s in said(kg, "said_object") if s["text"].startswith("it")]


@pytest.mark.parametrize("start, speaker", [
    ("Voters have wanted a new bridge", "Tom Bell"),
    ("The bridge will be built", "Ann Ray"),
    ("Well, nobody in this town", "Tom Bell"),
])
def test_a_colon_opens_the_words_of_the_name_or_cue_before_it(kg, start, speaker):
    st = one(kg, "colons", start)
    assert (label(kg, st["speaker"]), st["kind"]) == (speaker, "direct")


def test_a_list_after_a_colon_is_no_ones_words(kg):
    assert not [s for s in said(kg, "colons") if s["text"].startswith("Main Street")]


def test_a_sourcing_phrase_after_a_bracket_is_not_part_of_the_words(kg):
    assert one(kg, "bracketed_source", "the park has no rules")["speaker_text"] == "the city council"


def test_asked_if_is_a_question(kg):
    assert one(kg, "asked_if", "she had been preparing")["kind"] == "question"
