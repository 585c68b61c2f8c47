"""Who said what where the parse hides the cue's frame, through the public API (one build of short
hand-written texts, read back per document): a relative clause that takes the subject of the cue,
a cue set in the middle of the words it reports, a closing cue whose subject comes after it while
the parse makes a noun of the words before, and a poll that shows its object up or down."""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one, said

TEXTS = {
    # the parse hangs the subject on the relative clause's verb
    "relative_subject": "One fisherman, who like others waited at the harbour for hours, said the fear was "
                        "that the quay would flood.",
    # a cue inside the words it reports, with fronted adverbials before its subject (the parse may
    # make the words a clause of the cue, their subject an apposition of whom they were told)
    "parenthetical": "And yet each Tuesday, from 9 a.m. to 11, the retired ferry captain told the Hill Gazette, "
                     "Mara Vale would run a sailing class.",
    "subordinate_not_parenthetical": "When the mayor spoke to reporters, the council voted. "
                                     "After Tom Lusk told the council, the vote was held. "
                                     "When I wrote my harbour poems, that was true hardship.",
    "wh_opening": "In what looked like the only time the bakers and the millers agreed, the millers are calling on the "
                  "guild chief to resign.",
    # an inverted subject after a closing cue, the words before read as a noun phrase
    "inverted_after_noun": 'The sale of the mill signals "a fresh start" for the valley, said Tom '
                           "Vale, founder of the Mill Trust.",
    # a poll that shows its object up or down: the particle is the object's
    "poll_up": "Polls show Councillor Vance up by 6 points in the race for the east ward.",
    "showed_up": "The mayor showed up late to the meeting on Monday. Lee showed her guests out after the dinner.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


def test_a_subject_the_parse_gave_to_a_relative_clause_still_speaks(kg):
    st = one(kg, "relative_subject", "the fear was")
    assert st["speaker_text"] == "One fisherman" and st["speaker"] is None


def test_a_cue_set_inside_its_words_reports_the_sentence(kg):
    lines = said(kg, "parenthetical")
    assert len(lines) == 1 and "Mara Vale would run a sailing class" in lines[0]["text"]
    assert "Hill Gazette" not in lines[0]["text"] or lines[0]["text"].startswith("And yet each Tuesday")
    st = lines[0]
    assert st["speaker_text"] == "the retired ferry captain"


def test_a_subordinate_clause_with_a_cue_reports_nothing_after_it(kg):
    assert said(kg, "subordinate_not_parenthetical") == []
    assert [s["text"] for s in said(kg, "wh_opening")] == ["to resign"]


def test_a_closing_cue_with_its_subject_after_it_reports_the_words_before(kg):
    st = one(kg, "inverted_after_noun", "The sale of the mill signals")
    assert label(kg, st["speaker"]) == "Tom Vale"


def test_a_poll_that_shows_someone_up_is_a_source_and_showing_up_is_not(kg):
    st = one(kg, "poll_up", "Councillor Vance up by 6 points")
    assert st["kind"] == "according_to" and st["speaker_text"] == "Polls"
    assert said(kg, "showed_up") == []
