"""A quote paragraph with no cue of its own after a line that tells of someone speaking, through
the public API (``graph.build``) on short hand-written texts.

"Hill stood by his remarks." or "Ray spoke for an hour at the rally." introduces the quote paragraph
that follows: its words are that person's, though the line reports no words itself. After a line
about something else, or about a person doing something other than speaking, the quote's speaker
stays unknown.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one

TEXTS = {
    "remarks": "Mayor Tom Hill toured the flooded valley on Monday.\n\n"
               "Hill stood by his pointed remarks about the dam company.\n\n"
               "\u201cTen winters ago they promised a new levee, and we are still waiting.\u201d",
    "spoke": "Voters filled the school hall in Dover on Friday night.\n\n"
             "Governor Ann Ray spoke for an hour about the ferry contract.\n\n"
             "\u201cThe ferry will run every day of the year, whatever the weather.\u201d",
    "pronoun": "Senator Carl Ott visited the mine on Tuesday.\n\n"
               "He gave a short speech to the miners.\n\n"
               "\u201cThis pit will stay open as long as I sit in the Senate.\u201d",
    "clause": "Parents still do not know the new bus times, since Governor Ann Ray spoke mostly about the budget at the meeting.\n\n"
              "\u201cEvery school bus will run on time by March.\u201d",
    "quick_to_add": "Mayor Tom Hill opened the new bridge on Monday.\n\n"
                    "Hill was quick to add that walkers could still cross the old bridge.\n\n"
                    "\u201cClosing it? Not a chance.\u201d",
    "interviewer": "Herald reporter Ann Lee held a long interview with the harbour master on Monday.\n\n"
                   "\u201cThe harbour has never been busier than this summer.\u201d",
    "topic": "Mayor Tom Hill toured the flooded valley on Monday.\n\n"
             "The river fell by a metre overnight.\n\n"
             "\u201cNobody was ready for a storm like this one.\u201d",
    "not_speaking": "Residents gathered at the town hall on Monday.\n\n"
                    "Mayor Tom Hill toured the flooded valley in the afternoon.\n\n"
                    "\u201cThe water came right up to our kitchen.\u201d",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


@pytest.mark.parametrize("doc, start, person", [
    ("remarks", "Ten winters ago", "Tom Hill"),
    ("spoke", "The ferry will run", "Ann Ray"),
    ("pronoun", "This pit will stay open", "Carl Ott"),
    ("clause", "Every school bus", "Ann Ray"),
    ("quick_to_add", "Closing it?", "Tom Hill"),
])
def test_a_quote_paragraph_after_a_line_telling_of_someone_speaking_is_theirs(kg, doc, start, person):
    assert label(kg, one(kg, doc, start)["speaker"]) == person


@pytest.mark.parametrize("doc, start", [
    ("topic", "Nobody was ready"),
    ("not_speaking", "The water came"),
])
def test_a_quote_paragraph_after_a_line_about_something_else_has_no_speaker(kg, doc, start):
    assert one(kg, doc, start)["speaker"] is None


def test_an_interviewer_is_not_the_speaker_of_the_quote_after_the_interview(kg):
    assert label(kg, one(kg, "interviewer", "The harbour has never")["speaker"]) != "Ann Lee"
