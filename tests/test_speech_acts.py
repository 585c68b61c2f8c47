"""Statements whose cue is not a verb of saying, through the public API (``graph.build``) on short
hand-written news texts: acts of speech that judge someone or something (criticising, praising,
endorsing: kind ``evaluation``), and polls, studies and documents that report something (kind
``according_to``, or ``direct`` for the words a letter or a sign reads). Verbs of wanting or stance ("wants", "supports", "opposes") say nothing and give
no statement.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, said, one, label

TEXTS = {
    # evaluation: the object, a person too, and what it is judged for or as
    "criticised": "Senator Ann Ray criticized the mayor's budget plan on Monday.",
    "praised_for": "Governor Tom Hill praised the volunteers for their courage during the flood.",
    "blasted": "Mayor Rita Vance blasted the harbour board for its decision to close the ferry. "
               "She also mocked Tom Hill.",
    "endorsed": "Senator Bob Lee endorsed Ann Ray for governor on Tuesday.",
    "passive": "The new toll was condemned by Mayor Rita Vance.",
    "as_what": "Critics denounced the pipeline deal as a giveaway.",
    "participle": "Mayor Rita Vance spoke in the square, criticizing the governor for the delay.",
    "negated": "Governor Tom Hill did not criticize the board.",
    "body": "Northwind Shipping praised the new harbour rules.",
    "and_called": "The tenants' union slammed the housing ruling and called it a disgrace to the city.",
    "and_said": "Senator Ann Ray criticized the budget and said that it would hurt farmers.",
    # no one judges: a thing or weather as the subject, an infinitive, the one judged
    "weather": "Heavy rains slammed the coast on Monday. The storm blasted the harbour wall.",
    "infinitive": "Senator Ann Ray wants to criticize the plan. Ray urged the mayor to condemn the fire.",
    "judged": "The mayor was criticized for the delay. The town was flooded and condemned by nobody. "
              "The coach was booed at the stadium and mocked in the papers. "
              "The council was outvoted on the budget, and rebuked 12 to 3 in the chamber.",
    "elected": "Tom Hill was elected in May and praised the voters.",
    "candidate": "The Republican candidate criticized the ruling. Her allies praised the judge.",
    "endorsed_one": "The dockers' union endorsed two of the candidates on Friday.",
    "declined": "Governor Tom Hill declined to criticize the board.",
    # documents, polls and records as sources
    "poll_object": "A new survey showed rising support for the harbour bridge among young voters.",
    "filings": "Senator Ann Ray spent $2 million on legal fees last year, court filings show.",
    "owned_records": "Municipal records show Ray sold the farm in 2019.",
    "study_found": "The study found high levels of lead in the water.",
    "report_lists": "The report lists six failures by the harbour board.",
    "lawsuit": "The lawsuit claims the harbour board broke the law.",
    "letter_reads": "The letter reads: \u201cWe will not pay the new fees.\u201d "
                    "\u201cGo home,\u201d another sign read.",
    "described": "Mayor Rita Vance described long queues outside the clinic every morning. "
                 "Vance was described by the local paper as a rising star.",
    # a person or a body that shows or finds something states nothing by it
    "showed_courage": "Senator Ann Ray showed courage. Police found the car in a lake. "
                      "Ray read \u201cThe Long Road\u201d twice last summer.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


# --- evaluation: criticising, praising, endorsing ----------------------------------------------------


@pytest.mark.parametrize("doc, start, speaker, cue", [
    ("criticised", "the mayor's budget plan", "Ann Ray", "criticized"),
    ("praised_for", "the volunteers for their courage", "Tom Hill", "praised"),
    ("blasted", "the harbour board for its decision to close the ferry", "Rita Vance", "blasted"),
    ("blasted", "Tom Hill", "Rita Vance", "mocked"),  # the one judged is the content, a person too
    ("endorsed", "Ann Ray for governor", "Bob Lee", "endorsed"),
    ("passive", "The new toll", "Rita Vance", "condemned"),
    ("participle", "the governor for the delay", "Rita Vance", "criticizing"),
    ("body", "the new harbour rules", "Northwind Shipping", "praised"),
    ("elected", "the voters", "Tom Hill", "praised"),  # active beside a passive
])
def test_an_evaluation_is_a_statement_of_its_speaker_about_its_object(kg, doc, start, speaker, cue):
    st = one(kg, doc, start)
    assert (st["kind"], label(kg, st["speaker"]), st["cue"]) == ("evaluation", speaker, cue)


def test_an_evaluation_by_unnamed_people_keeps_the_phrase_and_what_the_object_is_called(kg):
    st = one(kg, "as_what", "the pipeline deal as a giveaway")
    assert (st["speaker"], st["speaker_text"], st["kind"]) == (None, "Critics", "evaluation")


def test_an_evaluation_and_what_the_speaker_called_its_object_are_one_statement_the_namings(kg):
    # "slammed X and called it Y": one judgement, said out; a claim of its own stays apart
    assert [(s["cue"], s["text"]) for s in said(kg, "and_called")] == [
        ("called", "it a disgrace to the city")]
    assert [(s["kind"], s["text"]) for s in said(kg, "and_said")] == [
        ("evaluation", "the budget"), ("indirect", "that it would hurt farmers")]


@pytest.mark.parametrize("start, phrase", [("the ruling", "The Republican candidate"), ("the judge", "Her allies")])
def test_a_description_of_people_or_someones_people_can_judge(kg, start, phrase):
    st = one(kg, "candidate", start)
    assert (st["speaker_text"], st["kind"]) == (phrase, "evaluation")


def test_a_word_for_a_number_can_be_judged_a_count_cannot(kg):
    assert one(kg, "endorsed_one", "two of the candidates")["kind"] == "evaluation"


def test_an_evaluation_under_not_is_negated(kg):
    st = one(kg, "negated", "the board")
    assert (label(kg, st["speaker"]), st["kind"]) == ("Tom Hill", "negated")


@pytest.mark.parametrize("doc", ["weather", "judged", "declined"])
def test_no_one_judging_gives_no_statement(kg, doc):
    # "the storm blasted ...": a thing is no speaker; "was criticized": the one judged does not speak
    assert said(kg, doc) == []


def test_an_evaluation_wanted_or_urged_is_not_made(kg):
    # "wants to criticize" is a wish; "urged the mayor to condemn" is the urging, not Ray condemning
    assert [s["cue"] for s in said(kg, "infinitive")] == ["urged"]


# --- documents, polls and records as sources ----------------------------------------------------------


@pytest.mark.parametrize("doc, start, phrase, kind", [
    ("poll_object", "rising support for the harbour bridge", "A new survey", "according_to"),
    ("filings", "Senator Ann Ray spent $2 million", "court filings", "according_to"),
    ("owned_records", "Ray sold the farm", "Municipal records", "according_to"),  # "Municipal" owns nothing
    ("study_found", "high levels of lead", "The study", "according_to"),
    ("report_lists", "six failures by the harbour board", "The report", "according_to"),
    ("lawsuit", "the harbour board broke the law", "The lawsuit", "indirect"),
    ("letter_reads", "We will not pay the new fees", "The letter", "direct"),
    ("letter_reads", "Go home", "another sign", "direct"),
])
def test_a_document_poll_or_record_is_the_source_of_what_it_shows(kg, doc, start, phrase, kind):
    st = one(kg, doc, start)
    assert (st["speaker"], st["speaker_text"], st["kind"]) == (None, phrase, kind)


def test_a_person_who_shows_or_finds_something_or_reads_a_title_states_nothing(kg):
    assert said(kg, "showed_courage") == []


def test_what_someone_described_is_their_statement(kg):
    st = one(kg, "described", "long queues outside the clinic")
    assert (label(kg, st["speaker"]), st["kind"]) == ("Rita Vance", "indirect")
    # in the passive, the one described and what they were called
    st = one(kg, "described", "Vance was described by the local paper as a rising star")
    assert st["speaker_text"] == "the local paper"
