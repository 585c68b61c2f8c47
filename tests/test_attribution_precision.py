"""Statements that are no statements, through the public API: one build (``graph.build``) of short
hand-written news texts, one per construction, and the statements of graph.json read back per document.

The classes follow the spurious statements attribution had on news nobody tuned for: a second
statement inside one reported claim, speech that was only planned or wished for, and cues whose
words are no claim.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one, said

TEXTS = {
    # a cue inside the words another statement reports
    "own_belief": "Mayor Rita Vance said she thinks the bridge will be finished by June.",
    "own_second_cue": "Mayor Rita Vance said she made the call herself and thought the delay was fair.",
    "asserted_act": "Senator Ann Ray noted that the governor has mocked the plan. "
                    "Council aides said the mayor had rejected the offer.",
    "nested_thing": "Senator Ann Ray said the vote underscores that the council has failed.",
    "nested_speech": "Professor Dan Hale notes that the council said it would not raise taxes.",
    "first_person_in_quote": "Principal Ann Ray visited the new gym on Monday. She drew laughs when she said, "
                             "\u201cUnlike Coach Tom Hill, I know that the roof still leaks.\u201d Ray left at noon.",
    "letter": "Dear Oskar:\n\nThe harvest is finally in and the barn is full. The nights were cold, as you will know from the forecasts.\n\n"
              "I know that the river will flood the lower fields.\n\nWith love,\n\nMara Quill",
    "filler": "Governor Ian Marsh opened the bridge on Monday. \u201cYou know, this bridge has never been so busy,\u201d "
              "Marsh said. You know, the bridge cost twice the budget.",
    # speech planned, expected or asked for is not made
    "unrealized": "Mayor Rita Vance plans to call on farmers to sell their land. "
                  "Vance is expected to announce a new budget on Monday. "
                  "The union urged Senator Bob Lee to condemn the attack. "
                  "No rule requires bidders to disclose their partners.",
    "made": "Senator Bob Lee said the tax was unfair, going on to say that it would hurt farmers.",
    # a phrase that sets the scene before "X asked ..." is no words of X
    "scene": "At the interval, a boy asked for an autograph. "
             "In a short letter, the club asked for a lower fine. "
             "As the match ended, a fan was hit by a flare, police said.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


# --- one statement per reported claim ---------------------------------------------------------------


@pytest.mark.parametrize("doc, start", [
    ("own_belief", "she thinks the bridge"),
    ("own_second_cue", "she made the call herself"),
])
def test_the_speakers_own_cue_inside_her_reported_words_is_the_same_claim(kg, doc, start):
    st = one(kg, doc, start)
    assert label(kg, st["speaker"]) == "Rita Vance"
    assert len(said(kg, doc)) == 1


def test_an_act_the_speaker_reports_is_the_speakers_claim_not_a_statement_of_the_actor(kg):
    # "noted that the governor has mocked ...": the senator says it; the governor is not quoted
    assert [s["text"] for s in said(kg, "asserted_act")] == ["that the governor has mocked the plan", "the mayor had rejected the offer"]
    assert label(kg, one(kg, "asserted_act", "the governor has mocked")["speaker"]) == "Ann Ray"


def test_a_thing_that_speaks_inside_reported_words_is_the_speakers_claim(kg):
    assert [(s["speaker_text"], s["text"]) for s in said(kg, "nested_thing")] == [
        ("Senator Ann Ray", "the vote underscores that the council has failed")]


def test_speech_reported_inside_reported_speech_is_a_statement_of_its_own(kg):
    assert label(kg, one(kg, "nested_speech", "the council said")["speaker"]) == "Dan Hale"
    assert one(kg, "nested_speech", "it would not raise taxes")["speaker_text"] == "the council"


def test_what_the_quotes_i_knows_is_the_quote_not_a_second_statement(kg):
    # and never a statement of the name inside the quote
    st = one(kg, "first_person_in_quote", "Unlike Coach Tom Hill")
    assert (label(kg, st["speaker"]), st["kind"]) == ("Ann Ray", "direct")
    assert len(said(kg, "first_person_in_quote")) == 1


# --- speech not made --------------------------------------------------------------------------------


def test_speech_planned_expected_or_asked_for_is_no_statement(kg):
    # the union's urging is a statement of the union; the senator said nothing
    assert [(s["speaker_text"], s["text"]) for s in said(kg, "unrealized")] == [("The union", "Senator Bob Lee to condemn the attack")]


def test_going_on_to_say_reports_speech_that_was_made(kg):
    assert one(kg, "made", "it would hurt farmers")["cue"] == "say"


# --- words that are no claim ------------------------------------------------------------------------


def test_a_phrase_setting_the_scene_before_the_cue_is_not_what_was_said(kg):
    assert [s["text"] for s in said(kg, "scene")] == ["As the match ended, a fan was hit by a flare"]


def test_a_letters_greeting_names_the_addressee_not_the_speaker(kg):
    assert [(label(kg, s["speaker"]), s["text"]) for s in said(kg, "letter")] == [
        ("Mara Quill", "that the river will flood the lower fields")]


def test_you_know_is_a_filler_not_a_belief(kg):
    assert [s["kind"] for s in said(kg, "filler")] == ["direct"]
