"""Choosing the speaker where the sentence holds other clauses, through the public API: one build
(``graph.build``) of short hand-written news texts, and the statements of graph.json read back per
document.

Each text is one class of fault: a participle set off after a relative clause that the parse hung
on the clause's verb, a quoted fragment inside another statement's words read as a statement of
its own, a group that speaks with a named member ("unions, including X, said"), an infinitive on a
noun ("took a minute to note") read as the noun speaking.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one, said

TEXTS = {
    "after_relative": "Principal Dan Tasker met the parents on Monday. Tasker was dismissive when asked about a gardener "
                      "who said he was never paid, saying, \"Maybe he forgot the hedges.\"",
    "after_relative_far": "Principal Dan Tasker was equally dismissive when made to explain not rehiring a plumber who said "
                          "he was cheated after he fixed a boiler, saying, \"Maybe he left a leak in the pipes.\"",
    "relative_speaks": "Principal Dan Tasker met Ian Voss, a cook who said he was underpaid. Voss, who bakes for three schools, "
                       "said, \"Nobody pays me on time.\"",
    "fragment": "Senator Ann Rooke spoke in Dover on Monday. Asked whether farmers still resent the new grazing rules, "
                "the senator acknowledged that she still hears from \"a few growers\" who feel cheated, \"though fewer each season.\"",
    "nested_speech": "Principal Dan Tasker spoke at the depot. Tasker said his father told him: \"Never sell the farm.\"",
    "took_a_moment": "Even the referee Gerda Ostrow took a minute to note the empty seats behind the far goal.",
    "footage": "The bakery's new advert uses a clip of Nessa Carvell asking, \"Who ate the last scone?\"",
    "owned_decision": "Coach Ivo Tanner spoke on Friday. Tanner's decision to announce that the club would move surprised fans.",
    "including": "Other dock unions, including the Union of Riggers and the League of Pilots, have also endorsed "
                 "Nessa Carvell. Many parents, including Mr. Dan Hobb, said they were pleased with the new timetable. "
                 "Protesters, including many students, said the fees were too high.",
    "including_they": "Several fishing crews, including the Dover Net Company, urged the harbour board to dredge the channel, "
                      "although they say they can wait until spring.",
    "party_member": "Governor Tom Hale toured the flooded valley on Monday.\n\n"
                    "The Norland Republican said the state would pay for the repairs.\n\n"
                    "Another Norland Republican said the money would come too late.",
    "encouraged": "Mayor Ann Rooke has encouraged the village bakeries to share a delivery van and has said she will keep "
                  "paying for the market's own cart.",
    "apposed_host": "Ivy Tran left the radio station in 2014.\n\n"
                    "Another Radio North host, Ann Mertz, had earlier denounced the takeover in a newspaper column.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


@pytest.mark.parametrize("doc", ["after_relative", "after_relative_far"])
def test_a_participle_after_a_relative_clause_goes_with_the_clause_outside_it(kg, doc):
    assert label(kg, one(kg, doc, "Maybe he")["speaker"]) == "Dan Tasker"
    assert one(kg, doc, "he was")["speaker"] is None  # the gardener's and the plumber's own words stay theirs


def test_a_relative_clause_inside_the_subject_leaves_the_subject_speaking(kg):
    assert label(kg, one(kg, "relative_speaks", "Nobody pays me")["speaker"]) == "Ian Voss"


def test_a_quoted_fragment_inside_reported_words_is_part_of_them_not_a_statement(kg):
    (st,) = said(kg, "fragment")
    assert label(kg, st["speaker"]) == "Ann Rooke" and st["text"].startswith("that she still hears")


def test_speech_of_someone_named_inside_reported_words_stays_a_statement(kg):
    assert one(kg, "nested_speech", "Never sell the farm")["speaker_text"] == "his father"


@pytest.mark.parametrize("doc, start, person", [("took_a_moment", "the empty seats", "Gerda Ostrow"),
                                                ("owned_decision", "the club would move", "Ivo Tanner")])
def test_an_infinitive_on_a_thing_someone_takes_or_has_is_that_persons_speech(kg, doc, start, person):
    assert label(kg, one(kg, doc, start)["speaker"]) == person


def test_someone_shown_doing_the_speaking_in_what_another_uses_is_the_speaker(kg):
    assert label(kg, one(kg, "footage", "Who ate")["speaker"]) == "Nessa Carvell"


@pytest.mark.parametrize("start, member", [("Nessa Carvell", "Union of Riggers"), ("they were pleased", "Dan Hobb")])
def test_a_group_that_speaks_with_a_named_member_is_that_member(kg, start, member):
    assert label(kg, one(kg, "including", start)["speaker"]) == member


def test_a_group_with_no_named_member_stays_unnamed_and_they_after_it_is_not_the_member(kg):
    assert one(kg, "including", "the fees")["speaker"] is None
    assert label(kg, one(kg, "including_they", "the harbour board to dredge")["speaker"]) == "Dover Net Company"
    assert one(kg, "including_they", "they can wait")["speaker"] is None


def test_the_party_member_is_the_person_in_focus_but_another_one_is_someone_else(kg):
    assert label(kg, one(kg, "party_member", "the state would pay")["speaker"]) == "Tom Hale"
    assert one(kg, "party_member", "the money would come")["speaker"] is None


def test_encouraging_someone_to_act_is_a_statement_of_its_own(kg):
    assert label(kg, one(kg, "encouraged", "the village bakeries to share a delivery van")["speaker"]) == "Ann Rooke"
    assert label(kg, one(kg, "encouraged", "she will keep")["speaker"]) == "Ann Rooke"


def test_a_noun_that_cannot_speak_alone_speaks_through_the_person_apposed_to_it(kg):
    assert label(kg, one(kg, "apposed_host", "the takeover")["speaker"]) == "Ann Mertz"
