"""Quotations that run over paragraphs: a long quote leaves its closing mark off at a paragraph's
end and repeats its opening mark at the next one; a quote whose closing mark was lost ends with its
paragraph, and a new paragraph (or a new line, where lines are the paragraphs) may have a new
speaker. One build (``graph.build``) of short invented texts; statements read back per document."""
from __future__ import annotations

import pytest

from tests.built import build_articles, said, one, label

TEXTS = {
    # the convention, straight and curly: the quote goes on into the paragraph that reopens it
    "long_straight": "Mayor Edna Varlow spoke at the harbour on Monday.\n\n"
                     "\"The bridge will be built this year,\" Varlow said. \"We have the money and the men.\n\n"
                     "\"The work starts in May and ends before the winter.\"\n\n"
                     "The council meets again on Friday.",
    "long_curly": "Mayor Edna Varlow spoke at the harbour on Monday.\n\n"
                  "\u201cThe bridge will be built this year,\u201d Varlow said. \u201cWe have the money and the men.\n\n"
                  "\u201cThe work starts in May and ends before the winter.\u201d\n\n"
                  "The council meets again on Friday.",
    # a straight quote that lost its closing mark, then a paragraph that opens with a curly mark:
    # a new quote of another speaker, not the same one going on
    "lost_mark_style": "Councillor Tobin Marsh said: \"The plan is dead and the money is gone.\n\n"
                       "\u201cWe will find the money,\u201d said Ida Quarrel, the county treasurer.",
    # a lost closing mark before a paragraph with no mark at its start: the quote ends with its paragraph
    "lost_mark_text": "Councillor Tobin Marsh said: \"The plan is dead and the money is gone.\n\n"
                      "Ida Quarrel, the county treasurer, said the money would be found by June.",
    # lines for paragraphs: a quote on the next line, signed by another name (glued to its mark, so
    # not read as a signature), is not the previous quote resumed after its cue
    "lines_two_speakers": "Readers wrote to us about the mill.\n"
                          "\u201cIt is a sad day for the town.\u201d \u2015 Tobin Marsh\n"
                          "\u201cThe town will survive.\u201d\u2015 Ida Quarrel.",
    # nor is a quote after one, on a new line, that has a cue of its own (read or not)
    "lines_unread_cue": "Tobin Marsh said the town had lost its way: \u201cDover is no longer Dover,\u201d he claimed.\n"
                        "\u201cDover will always be Dover,\u201d an angry Ida Quarrel retaliated. \u201cIt never gives up.\u201d\n",
    # but a quote alone on the next line, with no words after it, is the same speaker going on
    "lines_same_speaker": "The mill will close in May.\n"
                          "\u201cIt is a sad day for the town,\u201d said Tobin Marsh, who chairs the mill's board.\n"
                          "\u201cThe town will survive it.\u201d\n"
                          "The board meets on Friday.",
    # and on one line the quote does resume after its cue
    "resumed_same_line": "\u201cIt is a sad day,\u201d Tobin Marsh said. \u201cThe town will survive it.\u201d",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


@pytest.mark.parametrize("doc", ["long_straight", "long_curly"])
def test_a_quote_goes_on_into_the_paragraph_that_reopens_it(kg, doc):
    st = one(kg, doc, "The bridge will be built")
    assert "We have the money" in st["text"] and label(kg, st["speaker"]) == "Edna Varlow"
    assert "ends before the winter" in st["text"] and "council meets" not in st["text"]


def test_a_paragraph_opening_with_another_style_of_mark_is_a_new_quote(kg):
    marsh = one(kg, "lost_mark_style", "The plan is dead")
    assert "find the money" not in marsh["text"]
    assert label(kg, marsh["speaker"]) == "Tobin Marsh"
    assert label(kg, one(kg, "lost_mark_style", "We will find")["speaker"]) == "Ida Quarrel"


def test_a_quote_that_lost_its_closing_mark_ends_with_its_paragraph(kg):
    marsh = one(kg, "lost_mark_text", "The plan is dead")
    assert "\n" not in marsh["text"] and label(kg, marsh["speaker"]) == "Tobin Marsh"
    assert label(kg, one(kg, "lost_mark_text", "the money would be found")["speaker"]) == "Ida Quarrel"


def test_a_quote_on_the_next_line_is_not_the_previous_one_resumed(kg):
    marsh = one(kg, "lines_two_speakers", "It is a sad day")
    assert "survive" not in marsh["text"] and label(kg, marsh["speaker"]) == "Tobin Marsh"
    assert not [s for s in said(kg, "lines_two_speakers") if s["speaker"] and label(kg, s["speaker"]) == "Tobin Marsh"
                and "survive" in s["text"]]


def test_a_quote_is_not_resumed_past_another_speakers_line(kg):
    st = one(kg, "lines_unread_cue", "Dover is no longer Dover")
    assert "\n" not in st["text"] and "never gives up" not in st["text"]


def test_a_quote_alone_on_the_next_line_goes_on_with_its_speaker(kg):
    st = one(kg, "lines_same_speaker", "It is a sad day")
    assert "survive it" in st["text"] and label(kg, st["speaker"]) == "Tobin Marsh"


def test_a_quote_resumes_after_its_cue_on_the_same_line(kg):
    st = one(kg, "resumed_same_line", "It is a sad day")
    assert "survive it" in st["text"] and label(kg, st["speaker"]) == "Tobin Marsh"
