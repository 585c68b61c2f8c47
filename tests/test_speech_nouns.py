"""Statements whose cue is a noun of saying owned by a named speaker ("Vale's claim that ...",
"the claim by Vale that ..."), and people who speak for someone else ("Pike's spokeswoman",
"Pike's aide"), through the public API (``graph.build``) on short hand-written news texts.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, said, one, label

TEXTS = {
    # a noun of saying with its owner and a "that" clause: the owner's words
    "possessor": "Senator Ann Vale spoke in Dover on Monday. "
                 "Critics mocked Vale's claim that thousands of ballots had been lost.",
    "role_possessor": "Governor Rob Kettle toured the plant on Friday. "
                      "The governor's insistence that the plant would stay open surprised the workers.",
    "modified": "Mayor Ida Brunt met the board on Tuesday. "
                "Brunt's constant emphasis that the town pool would stay free won her votes.",
    "by_agent": "Ann Vale spoke on Monday. The claim by Vale that the vote was rigged was rejected by the court.",
    "pronoun": "Rob Kettle toured the mill on Monday. Workers cheered his assertion that the mill would reopen in May.",
    "belief": "Ida Brunt addressed the council. Brunt's belief that taxes must fall won her few friends.",
    "denial": "Rob Kettle was asked about the loan. Kettle's denial that he took the loan did not end the inquiry.",
    "inside_speech": "Ida Brunt spoke on Monday. Tom Orr said Brunt's claim that the bridge was safe was false.",
    # no owner, a clause that says what the noun is, the speaker's own stance, a relative clause
    "no_owner": "The claim that thousands of ballots were lost spread quickly online.",
    "content_noun": "Ann Vale spoke on Monday. Vale's idea that the park should close angered residents.",
    "own_stance": "It is our belief that the harbour must stay open to every boat.",
    "relative": "Ann Vale spoke on Monday. Vale's claim, which she made in May, was withdrawn.",
    "doubted": "Rob Kettle toured the mill on Monday. Workers doubted Kettle's claim that the mill would reopen in May.",
    "repeated": "Rob Kettle toured the mill on Monday. He repeated his claim that the mill would reopen in May.",
    # people who speak for someone, or do not
    "spokeswoman": "Tom Pike was charged with fraud on Friday. Judge Ann Lowe set a trial date. "
                   "Pike's spokeswoman said the case against him was weak.",
    "spokesman_later": "Tom Pike was charged with fraud on Friday. Pike's spokesman said the case was weak. "
                       "Judge Ann Lowe set a trial date.\n\nThe spokesman said an appeal would follow.",
    "aide": "Tom Pike was charged with fraud on Friday. Judge Ann Lowe set a trial date. "
            "Pike's aide said the case against him was weak.",
    "lawyer": "Tom Pike was charged with fraud on Friday. Pike's lawyer said the case against him was weak.",
    "named_lawyer": "Tom Pike was charged with fraud on Friday. "
                    "Pike's lawyer, Dan Orr, said the case against him was weak.",
    "known_aide": "Senator Tom Pike flew home on Friday. Ann Rowe, Pike's aide, stayed behind.\n\n"
                  "Pike's aide said the vote would be close.",
    "indefinite_adviser": "Senator Tom Pike spoke in Dover on Friday. A top Tom Pike adviser said the rally had gone well.",
    "aide_to": "Senator Tom Pike spoke in Dover on Friday. The longtime aide to Senator Tom Pike said the rally had gone well.",
    "last_speaker": "Senator Tom Pike spoke in Dover on Friday. Ann Rowe called for a recount.\n\n"
                    "\u201cThe count was a farce,\u201d Pike's former adviser said.",
    "campaign": "Rita Moss ran for mayor. Moss's campaign said the poll was wrong.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


@pytest.mark.parametrize("doc, start, speaker, cue", [
    ("possessor", "thousands of ballots had been lost", "Ann Vale", "claim"),
    ("role_possessor", "the plant would stay open", "Rob Kettle", "insistence"),
    ("modified", "the town pool would stay free", "Ida Brunt", "emphasis"),
    ("by_agent", "the vote was rigged", "Ann Vale", "claim"),
    ("pronoun", "the mill would reopen in May", "Rob Kettle", "assertion"),
])
def test_a_noun_of_saying_with_its_owner_is_the_owners_statement(kg, doc, start, speaker, cue):
    st = one(kg, doc, start)
    assert label(kg, st["speaker"]) == speaker
    assert st["cue"] == cue and st["kind"] == "indirect"


def test_the_statement_that_carries_the_noun_stays_its_own(kg):
    # "Critics mocked Vale's claim ...": the critics' judgement and Vale's words, two statements
    assert one(kg, "possessor", "Vale's claim")["speaker"] is None
    assert label(kg, one(kg, "inside_speech", "the bridge was safe")["speaker"]) == "Ida Brunt"
    assert label(kg, one(kg, "inside_speech", "Brunt's claim")["speaker"]) == "Tom Orr"


def test_a_verb_near_the_noun_does_not_take_its_clause(kg):
    # "doubted" says nothing by a clause of its own: the clause is the owner's claim, not the workers' doubt
    st = one(kg, "doubted", "the mill would reopen")
    assert label(kg, st["speaker"]) == "Rob Kettle" and st["cue"] == "claim"
    # the verb's own subject owning the noun: one statement, the speaker's
    assert label(kg, one(kg, "repeated", "the mill would reopen")["speaker"]) == "Rob Kettle"


def test_the_noun_gives_the_kind(kg):
    assert one(kg, "belief", "taxes must fall")["kind"] == "belief"
    assert one(kg, "denial", "he took the loan")["kind"] == "negated"


@pytest.mark.parametrize("doc, words", [
    ("no_owner", "thousands of ballots were lost"),
    ("content_noun", "the park should close"),
    ("own_stance", "the harbour must stay open"),
    ("relative", "she made in May"),
    ("relative", "which she made"),
])
def test_no_owner_or_no_words_of_the_owner_is_no_statement(kg, doc, words):
    assert not [s for s in said(kg, doc) if s["text"].startswith(words)]


def test_a_persons_spokesperson_speaks_for_the_person(kg):
    # not the nearest woman the text named, and "the spokesman" later speaks for the same person
    assert label(kg, one(kg, "spokeswoman", "the case against him")["speaker"]) == "Tom Pike"
    assert label(kg, one(kg, "spokesman_later", "an appeal would follow")["speaker"]) == "Tom Pike"


@pytest.mark.parametrize("doc", ["aide", "lawyer", "indefinite_adviser", "aide_to"])
def test_an_unnamed_aide_adviser_or_lawyer_is_not_the_person_served(kg, doc):
    st = next(s for s in said(kg, doc) if s["text"].startswith(("the case", "the rally")))
    assert st["speaker"] is None


def test_a_named_stand_in_or_one_said_to_hold_the_role_speaks(kg):
    assert label(kg, one(kg, "named_lawyer", "the case against him")["speaker"]) == "Dan Orr"
    assert label(kg, one(kg, "known_aide", "the vote would be close")["speaker"]) == "Ann Rowe"
    assert label(kg, one(kg, "campaign", "the poll was wrong")["speaker"]) == "Rita Moss"
    # a description of the one who spoke last goes on with her words
    assert label(kg, one(kg, "last_speaker", "The count was a farce")["speaker"]) == "Ann Rowe"
