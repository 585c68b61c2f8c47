"""Speakers whose names the model tags wrongly, through the public API (``graph.build``) on short
invented texts: a section's heading run into its paragraph read as a transcript's label, an
untagged acronym as the subject of a cue, a surname the model calls a thing, a person's name that
ends like a law's, and a lone name that is a company's as well as its founder's.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, nodes_with, one, said

TEXTS = {
    # a heading run into its paragraph: a clause, no one's label
    "heading": "The county will vote on the budget on Friday.\n\n"
               "Budget Cuts Threaten Rural Clinics: Several clinics in the north may close by the end of the year.\n\n"
               "The mayor said the vote was close.",
    "heading_names": "Polls opened early.\n\n"
                     "Tamsin Orlove Endorses Marven Husk: The former executive backed the senator on Wednesday at a rally.",
    "heading_org": "The council met on Monday.\n\n"
                   "Harbour Levy Stalls Ferry Plans: The council wants the levy gone before spring, and a vote in March will decide it.",
    "title_heading": "Carmen Delaney Wins Seat: The long-time activist took the seat with 60 percent of the vote.\n\n"
                     "Delaney said she would fight for the schools.",
    # a transcript's labels are still read
    "transcript": "Peter Mansbridge spoke with the premier on Sunday.\n\n"
                  "Premier Ann Keller: We will build it, and we will start in the spring.\n\n"
                  "Senator Bob Ray: The plan is far too costly for the province.",
    # an untagged acronym that speaks is a body
    "acronym": "The station's owners sold it last year. WNBRX suggested that the new schedule would start in May.",
    "acronym_word": "The servers failed on Monday. IT said the servers were down.",
    # a surname the model tags as a work, beside a full name it tags as an organisation
    "thing_surname": "Speaking to the Courier, Maryam Delgado said the ferry left early.\n\n"
                     "\u201cIt is over,\u201d Delgado told Morning Edition.",
    # a person's name the model tagged that ends with a word that ends laws' names
    "law_surname": "Helen Law runs a fund that backs senators. \u201cWe are worried,\u201d Law said on Monday. "
                   "The fund has more money than it can spend this year, Law said.",
    # a lone surname is the person; a company named after its founder is not
    "surname": "Ann Varga testified before the committee on Tuesday. Varga explained that the clinic had run out of money in March.",
    "founder": "Harold Quimby founded the retailer Quimby in 1990. Quimby reported a loss on Monday. "
               "Harold Quimby said he would retire.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


def test_a_heading_run_into_its_paragraph_is_no_speaker(kg):
    assert not [s for s in said(kg, "heading") if s["text"].startswith("Several clinics")]
    assert not [s for s in said(kg, "heading_names") if s["text"].startswith("The former executive")]
    assert not [s for s in said(kg, "heading_org") if s["text"].startswith("The council wants")]
    assert not nodes_with(kg.nx, "Harbour Levy Stalls Ferry Plans")  # the model's span, cut at the verb


def test_a_headline_clause_is_cut_to_the_name_in_it(kg):
    assert not nodes_with(kg.nx, "Carmen Delaney Wins Seat")
    speaker = one(kg, "title_heading", "she would fight")["speaker"]
    assert "Carmen Delaney" in kg.nx.nodes[speaker]["aliases"]
    assert not [s for s in said(kg, "title_heading") if s["text"].startswith("The long-time activist")]


def test_a_transcripts_labels_still_name_their_speakers(kg):
    assert label(kg, one(kg, "transcript", "We will build it")["speaker"]) == "Ann Keller"
    assert label(kg, one(kg, "transcript", "The plan is far too costly")["speaker"]) == "Bob Ray"


def test_an_untagged_acronym_that_speaks_is_an_organisation(kg):
    speaker = one(kg, "acronym", "the new schedule")["speaker"]
    assert label(kg, speaker) == "WNBRX" and kg.nx.nodes[speaker]["type"] == "organization"
    assert not nodes_with(kg.nx, "IT")  # a function word in capitals names no one


def test_a_surname_the_model_calls_a_work_is_the_person_it_names(kg):
    assert label(kg, one(kg, "thing_surname", "It is over")["speaker"]) == "Maryam Delgado"


def test_a_persons_name_ending_like_a_laws_is_a_person(kg):
    assert label(kg, one(kg, "law_surname", "We are worried")["speaker"]) == "Helen Law"
    assert label(kg, one(kg, "law_surname", "The fund has more money")["speaker"]) == "Helen Law"


def test_a_lone_surname_is_the_person_but_not_the_company_named_after_him(kg):
    assert label(kg, one(kg, "surname", "the clinic had run out")["speaker"]) == "Ann Varga"
    company = one(kg, "founder", "a loss on Monday")["speaker"]
    assert label(kg, company) == "Quimby" and kg.nx.nodes[company]["type"] == "organization"
    assert label(kg, one(kg, "founder", "he would retire")["speaker"]) == "Harold Quimby"
