"""Statements that answer no attribution on any news, through the public API: one build
(``graph.build``) of short hand-written texts, one per construction, and the statements of
graph.json read back per document.

The classes: a line label that names a part of the page ("Editor's note:"), a list's entry that
describes its label ("Port Vale: green hills and a harbour"), content that is only
the cue's own particle ("ruled that out" saying "out"), a clause of result read as what was told
("tells so many stories that ..."), a clause of time read as what was said ("said before he
died"), a clause of time read as what someone was called ("called Lee after the vote ended"), and
speech asked for in a coordination ("asked him to stand up and say ..."), a lone word of content that
names nothing ("said little", "talking about now"), a noun of view in its literal sense ("a tune
sprang to his mind"), and "according to" a method or a plan ("went according to plan"), which says in keeping with what, not who says so.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one, said

TEXTS = {
    # a line's label that names a part of the page, not who speaks
    "editors_note": "Dale Brook spoke in Millbrook on Monday. \u201cThe town is broke,\u201d he said.\n\n"
                    "Editor\u2019s note: Dale Brook often\nignores\nthe harbour accounts and is a keen sailor "
                    "who has long hoped to rebuild the old ferry pier.",
    "named_label": "Dale Brook: The harbour plan will cost far too much money.",
    # a list whose entries describe the label: a guide's places, a glossary's terms
    "guide": "The islands differ a lot.\n\nPort Vale: steep wooded slopes, rocky with an old lighthouse.\n\n"
             "Tom Reed: low and sandy with small coves, some of them rather narrow.\n\nSal Key: the largest of the three isles.",
    # the cue's particle is no content
    "particle": "The pupils want a longer break. But the school's governors have firmly ruled that out.",
    # "so ... that": the clause is the result of the telling, not what was told
    "result": "Club secretary Tom Reed also asserted that Coach Ann Ray tells so many stories that "
              "the players often miss their own bus.",
    "told_that": "Senator Ann Ray tells voters that the plan is sound.",
    # a clause of time after the cue says when the words were said
    "time": "The old songs still matter, whether it was a hymn at the harbour or a banner with the words "
            "\u201cKeep the light on,\u201d as Tom Reed, sitting by the lamp in the fog, said before he died. "
            "Lee said before the vote that the bill was flawed.",
    # "called X after ...": a telephone call (or a meeting called), not a naming
    "phone": "Baker Rita Vance, who called Ann Ray shortly after the oven was repaired, told her "
             "staff that the shop would reopen.",
    "naming": "Senator Ann Ray called the plan a disgrace when she spoke on Monday.",
    # speech asked for, in a coordination after the infinitive
    "asked": "The teacher asked the pupil to stand up and say the poem again.",
    # one word of reported content that names nothing: how much, or when
    "little": "At the cooking contest the judge tasted every dish but said little. The chess coach rarely says much.",
    "now": "Ann Ray spoke about her orchard for an hour; the orchard is what the whole village keeps talking about now.",
    "answer": "Asked whether she would stand again, Senator Ann Ray said no. Coach Tom Hill suggested waiting.",
    # a noun of view in its literal sense: a place, not whose view
    "mind": "Then an old tune sprang to his mind as the boat drifted past the pier. To my mind, the harbour fee is far too high.",
    # "according to" a method or a plan: in keeping with it, no source
    "accordance": "The librarian shelved the old maps according to a strict system of her own. "
                  "The launch went according to plan. According to the harbour board, the ferry will sail in June. "
                  "According to the mayor's plan, the old pier will be rebuilt in stone.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


def test_an_editors_note_is_no_statement_of_anyone(kg):
    assert [(s["cue"], s["text"]) for s in said(kg, "editors_note")] == [("said", "The town is broke")]


def test_a_label_that_names_someone_still_speaks(kg):
    st = one(kg, "named_label", "The harbour plan")
    assert (st["kind"], st["speaker_text"]) == ("direct", "Dale Brook")


def test_a_list_entry_that_describes_its_label_is_no_statement(kg):
    assert said(kg, "guide") == []


def test_a_cues_particle_is_no_content(kg):
    assert [s["text"] for s in said(kg, "particle")] == []


def test_a_clause_of_result_is_not_what_was_told(kg):
    assert [(s["cue"], s["text"]) for s in said(kg, "result")] == [
        ("asserted", "that Coach Ann Ray tells so many stories that the players often miss their own bus")]
    # "tells voters that ...": the clause is what was told
    assert one(kg, "told_that", "the plan is sound")["cue"] == "tells"


def test_a_clause_of_time_is_not_what_was_said(kg):
    assert [s["text"] for s in said(kg, "time")] == ["that the bill was flawed"]
    assert label(kg, one(kg, "time", "the bill was flawed")["speaker"]) == "Lee"


def test_calling_someone_after_an_event_names_nothing(kg):
    assert [(s["cue"], s["text"]) for s in said(kg, "phone")] == [("told", "that the shop would reopen")]
    assert one(kg, "naming", "the plan a disgrace")["cue"] == "called"


def test_speech_asked_for_in_a_coordination_is_not_made(kg):
    assert [(s["speaker_text"], s["text"]) for s in said(kg, "asked")] == [
        ("The teacher", "the pupil to stand up and say the poem again")]


def test_according_to_a_method_or_a_plan_is_no_source(kg):
    assert [(s["cue"], s["text"]) for s in said(kg, "accordance")] == [
        ("according to", "the ferry will sail in June"), ("according to", "the old pier will be rebuilt in stone")]


def test_a_lone_word_that_names_nothing_is_no_content(kg):
    assert said(kg, "little") == []
    assert [s["text"] for s in said(kg, "now")] == ["her orchard for an hour"]


def test_an_answer_or_an_act_named_in_one_word_stays(kg):
    assert [s["text"] for s in said(kg, "answer")] == ["no", "waiting"]


def test_a_noun_of_view_in_its_literal_sense_is_no_source(kg):
    assert [(s["cue"], s["text"]) for s in said(kg, "mind")] == [("To my mind", "the harbour fee is far too high")]
