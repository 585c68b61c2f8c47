"""Who said what where the typing of quotation marks, signatures and transcript labels goes astray,
through the public API (one build of short hand-written texts, read back per document).

Each text is one construction that a careful writer would mark otherwise: an opening mark typed
where the closing one belongs, a quote inside a quote, a quote whose comma before the cue is left
out, a dash stuck to the closing mark of a signed quote, a transcript labelled with surnames the
tagger does not read as names, and documents that find or show.
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one, said

TEXTS = {
    # an opening mark typed after the quote's last word: the writer meant a closing one
    "wrong_way_close": "\u201cNot this year,\u201c Senator Tom Dale said. \u201cThe budget will wait for spring.\u201d",
    # quoted words inside a quote, with curly marks of the same kind
    "nested": "The fair opened on Sunday.\n\n"
              "\u201cAs a beekeeper, I find what she calls \u201ca circus\u201d more honest than the council "
              "meetings she runs.\u201d \u2015 Ana Torres\n\n"
              "\u201cThe orchard show was the best in years.\u201d \u2015 Luis Medina",
    # the comma before the cue left out
    "no_comma": "\u201cThe last ferry of the year leaves on Friday\u201d Mayor Rita Vance said. "
                "\u201cAfter that the island waits for the ice.\u201d\n\n"
                "\"We have asked the harbour board for the figures three times now\" "
                "said Tom Reyes, a city spokesman.",
    # after a quote that ends with its comma, a clause the parse hung on the cue is not the cue's
    "clause_after_cue": "\u201cWe will tax every crate that crosses the river,\u201d Tom Dale said in March of the "
                        "fruit company, whose owner moved 200 jobs to the coast.\n\n"
                        "''The trouble started when the harbour board lent money for its own wages,'' Ms. Ann Ray said, "
                        "''and when it lent to firms that could not pay it back.''",
    # parses that hide the cue: a cue between the clause's subject and its verb, and a closing
    # "he said" the parse cut off as a sentence of its own
    "subject_before_cue": "The trouble now, Tom Bell told me on Monday, is that the bakery opens only at noon.",
    "cut_at_comma": "Rents in the valley rose again this year, Mayor Rita Vance said.\n\n"
                    "Those who do own small shops suffer, even with a \"steady\" trade, she said.",
    "relative_not_parenthetical": "The mayor, who said the plan was too costly, is leaving the city.",
    # "that" read as an adverb of a clause the parse made adverbial; a verb in "s" read as a noun
    "that_adverb": "Coach Ann Kell tweeted in the late evening on Sunday that the referee was \u201cblind\u201d and "
                   "\u201ca joke\u201d and urged fans to \u201clook up\u201d the league rules.",
    "claims_noun": "The club wants every player to pay the dues.\n\nBut Tom Bell claims that he deserves a waiver.",
    # an object whose relative clause the parse cut off as a sentence of its own
    "run_on_object": "The mayor answered the charge on Friday.\n\nAt Monday's council debate, Ann Ray cited "
                     "disparaging remarks Tom Bell had made about Dina Pryce as examples of his contempt for the harbour workers.",
    # "at the time that ..." opens what was reported; a panel is a body that finds
    "at_the_time": "The Hill Gazette reported at the time that the school's head, Tom Bell, told the parents "
                   "that the trip was off.",
    "panel_found": "The club stayed quiet, though a disciplinary panel in 2019 found the coach was in breach of the rules.",
    "title_in_text": "The film opened to full houses. \u201cThe Long Road Home\u201d topped the list for weeks.",
    # a dash stuck to the closing mark, and a signature with initials
    "signed": "Readers wrote in after the debate.\n\n"
              "\u201cThe council should open the library on Sundays again.\u201d\u2015 Dina Pryce.\n\n"
              "\u201cThe new bus line saved my shop this winter.\u201d \u2015 Nora B. Quist Varela.",
    # a transcript whose labels are surnames in capitals or alone, which the tagger reads as nouns,
    # adjectives or pronouns
    "transcript": "Governor Greta Lund spoke with host Jim Walsh on Sunday about the harbour bill.\n\n"
                  "WALSH: Governor, will you sign the harbour bill this week?\n\n"
                  "LUND: Well, I think the harbour bill needs one more reading.",
    "panel": "Host Rob Callan asked the panel about rents. Callan spoke with Mia Serrano and Tom Reyes.\n\n"
             "Callan: Right, rents went up again this spring.\n\n"
             "Serrano: Right, and the new towers will not bring them down, whatever the builders promise.",
    # inquiries and averages find and show; "as polls show X ahead" reports its own object
    "inquiry": "The inquiry found that the port authority had lost the ferry contracts twice.",
    "averages": "Polling averages show Ann Ray ahead by four points in the northern wards.",
    "as_polls_show": "The debate was a risk for him, as polls show Ann Ray well ahead in the suburbs.",
    "as_reported": "The mayor will not run again, as the Valley Ledger reported on Monday.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


def test_an_opening_mark_after_the_last_word_closes_the_quote(kg):
    st = one(kg, "wrong_way_close", "Not this year")
    assert label(kg, st["speaker"]) == "Tom Dale" and st["text"].endswith("wait for spring")


def test_a_quote_inside_a_quote_keeps_the_outer_quote_whole(kg):
    st = one(kg, "nested", "As a beekeeper")
    assert label(kg, st["speaker"]) == "Ana Torres" and st["text"].endswith("meetings she runs")
    assert label(kg, one(kg, "nested", "The orchard show")["speaker"]) == "Luis Medina"


def test_a_quote_whose_comma_is_left_out_has_its_cue(kg):
    st = one(kg, "no_comma", "The last ferry of the year")
    assert label(kg, st["speaker"]) == "Rita Vance"
    st = one(kg, "no_comma", "We have asked the harbour board")
    assert label(kg, st["speaker"]) == "Tom Reyes"


def test_a_title_in_quotation_marks_is_no_statement(kg):
    assert said(kg, "title_in_text") == []


def test_signed_quotes_with_the_dash_on_the_mark_or_initials_in_the_name(kg):
    st = one(kg, "signed", "The council should open")
    assert label(kg, st["speaker"]) == "Dina Pryce" and st["cue"] == "\u2015"
    assert label(kg, one(kg, "signed", "The new bus line")["speaker"]) == "Nora B. Quist Varela"


def test_transcript_lines_labelled_with_surnames(kg):
    assert label(kg, one(kg, "transcript", "Governor, will you sign")["speaker"]) == "Jim Walsh"
    assert label(kg, one(kg, "transcript", "Well, I think the harbour bill")["speaker"]) == "Greta Lund"
    assert label(kg, one(kg, "panel", "Right, rents went up")["speaker"]) == "Rob Callan"
    assert label(kg, one(kg, "panel", "Right, and the new towers")["speaker"]) == "Mia Serrano"


def test_inquiries_and_averages_find_and_show(kg):
    assert one(kg, "inquiry", "the port authority had lost")["kind"] == "according_to"
    assert one(kg, "averages", "Ann Ray ahead by four points")["kind"] == "according_to"


def test_as_polls_show_reports_its_object_and_as_reported_the_clause(kg):
    assert one(kg, "as_polls_show", "Ann Ray well ahead")
    assert not [s for s in said(kg, "as_polls_show") if s["text"].startswith("The debate")]
    st = one(kg, "as_reported", "The mayor will not run again")
    assert st["speaker_text"] == "the Valley Ledger"


def test_a_clause_hung_on_the_cue_of_a_comma_quote_leaves_the_quote_its_cue(kg):
    st = one(kg, "clause_after_cue", "We will tax every crate")
    assert label(kg, st["speaker"]) == "Tom Dale" and st["kind"] == "direct"
    st = one(kg, "clause_after_cue", "The trouble started")
    assert label(kg, st["speaker"]) == "Ann Ray" and st["kind"] == "direct"
    assert not [s for s in said(kg, "clause_after_cue") if s["text"].startswith(("relocated", "moved", "whose"))]


def test_a_cue_between_a_clause_and_its_subject_reports_the_clause(kg):
    st = one(kg, "subject_before_cue", "The trouble now")
    assert label(kg, st["speaker"]) == "Tom Bell" and st["text"].endswith("only at noon")
    assert not [s for s in said(kg, "relative_not_parenthetical") if s["text"].startswith("The mayor")]


def test_a_closing_cue_cut_off_by_the_parse_reports_the_words_before_it(kg):
    st = one(kg, "cut_at_comma", "Those who do own small shops")
    assert label(kg, st["speaker"]) == "Rita Vance"


def test_that_read_as_an_adverb_and_a_verb_read_as_a_noun_still_report(kg):
    st = one(kg, "that_adverb", "the referee was")
    assert label(kg, st["speaker"]) == "Ann Kell"
    st = one(kg, "claims_noun", "he deserves a waiver")
    assert label(kg, st["speaker"]) == "Tom Bell"


def test_an_object_cut_off_by_a_sentence_break_keeps_its_relative_clause(kg):
    st = one(kg, "run_on_object", "disparaging remarks")
    assert label(kg, st["speaker"]) == "Ann Ray" and st["text"].endswith("harbour workers")


def test_at_the_time_that_and_a_panel_that_finds(kg):
    st = one(kg, "at_the_time", "the school's head")
    assert st["speaker_text"] == "The Hill Gazette"
    assert one(kg, "panel_found", "the coach was in breach")["kind"] == "according_to"
