"""Who said what: constructions of news attribution that a plain "X said (that) ..." rule misses,
through the public API (one build of short hand-written texts, read back per document).

Each text is one construction: citing, a cue that closes its sentence with its addressee, a
preposition after the cue, names given in quotation marks, records and polls that show or find,
an interview's Q/A lines, headlines that name the speaker before "to" or "on", a closing
"according to", and "as X put it".
"""
from __future__ import annotations

import pytest

from tests.built import build_articles, label, one, said

TEXTS = {
    # citing: what the speaker cites is the speaker's claim
    "cited": "Senator Ann Ray cited reports of rising crime in the harbour district.",
    "citing_after_quote": "\u201cThis is not a hard race,\u201d Governor Tom Hale said, citing the weak field of rivals.",
    "cites_words": "\u201cThe border is quiet and the roads are open again.\u201d\n\n"
                   "\u201cWe expect no trouble this winter,\u201d the Valley Ledger cites Dan Moss's words from the forum.",
    # a cue that closes its sentence with its addressee
    "told_outlet": "The mayor will seek a second term, her top aide, Tom Reyes, told the Valley Ledger.",
    "relative_who": "Mara Quill was in high favour with the duke, who confided to her the keys of the castle.",
    # a preposition with its object after the cue is no particle ("wrote in to complain" is)
    "writes_in": "Dan Parker, a professor at Lakeside University, writes in the Monthly Review that the mayor "
                 "shows a taste for conflict.",
    # names the speaker gives, in quotation marks or with "as"
    "called_quoted": "Governor Tom Hale later called her \u201cthird-rate\u201d and skipped the debate.",
    "called_that": "Campaign manager Jim Boyle called that \u201cbeyond preposterous.\u201d",
    "describes_herself": "Senator Ann Ray describes herself as \u201ca consistent moderate.\u201d",
    "calls_himself": "Senator Bob Lee calls himself a democratic socialist.",
    "named_in_passing": "Ann Ray hosts a weekly show called \u201cThe Harbour Hour\u201d on local radio. "
                        "The rebels, a group calling itself the River Front, seized the bridge. "
                        "The town fell quiet, as the armed group calling itself the Hill Guard moved north.",
    # records, polls and studies that show or find
    "records_show": "The Harbor Fund raised $5 million last year, state records show.",
    "projection": "A projection from the state budget office shows that the deficit could fall next year.",
    "poll_opening": "In a poll released Sunday, three of four residents disapproved of the way the mayor had "
                    "handled the flood.",
    "pointed_to": "Senator Ann Ray pointed to the new jobs report as proof that the plan works. "
                  "The arrow on the sign pointed to the door.",
    # an interview's questions and answers
    "q_and_a": "Interview with novelist Clara Moss\n\nClara Moss talks about her new book on a mining town.\n\n"
               "Q: You open your book on the day the mine closed. What did you find?\n\n"
               "A: I came home from school and my father was gone.\n\n"
               "Q: Did the company take care of the families?\n\n"
               "A: No, no one did. No one checked up on us for years.",
    # headlines that name the speaker before "to" or "on"
    "headline_to": "Mayor Rita Vance to Farmers: We Will Fix the Roads\n\n"
                   "Mayor Rita Vance spoke on Monday at a farm fair in the north of the county.",
    # a closing "according to" vouches for its whole sentence
    "according_closing": "On Tuesday, the mayor drew strong support among older voters, while her rival was "
                         "ahead among students, according to exit polls.",
    # verbs of speaking that report only beside a quote, and closing verbs the tagger read as nouns
    "manner": "\u201cThey would have backed the only bill with support from both parties,\u201d Senator Pat Doyle "
              "fumed on Tuesday.\n\n\u201cWe will not give up on this city,\u201d Lee shot back.",
    "email_read": "\u201cFriend, let me be blunt. I can beat the mayor. Nobody else can,\u201d the email read.",
    "economy_boomed": "As the factories reopened across the region, the economy boomed.",
    # the reported clause as a whole: after the cue, with the subject the parse hung on the cue,
    # with "that" as its subject
    "clause_after": "Dan Slinker, whose firm uses big data to help shops find suppliers, said the mayor was "
                    "a candidate in the spirit of the valley.",
    "lost_subject": "Hemsley, the co-author of a book about the spread of news, said the days when the nation "
                    "had one story are gone.",
    "that_subject": "But lawyers and legal experts said that is highly unlikely.",
    # names given after a participle, also where the parse made a clause of them; a phrase before a
    # closing cue is no one's words
    "calling_after_quote": "\u201cWe were going to do what we were going to do,\u201d Dan Axton said, calling the "
                           "network chief \u201cbrilliant.\u201d",
    "calling_clause": "In court documents, his lawyer asked for a sentence of three years, calling his hacking "
                      "\u201can addiction of sorts.\u201d",
    # counted or averaged documents, and "made (it) clear that"
    "average_of_polls": "An average of recent polls by the Ledger shows Mayor Vance leads her rival by about "
                        "13 points in the state.",
    "made_clear": "Senator Ann Ray made it clear that she would not back the bill. "
                  "The storm made the roads clear of snow.",
    # a quantifier as the subject of a belief stands for unnamed people; a quote inside a relative
    # clause of the object names nothing for the main verb
    "most_believe": "Most believe that the harbour is safer than it was ten years ago. "
                    "But few believe the new pier will open on time.",
    "quote_in_relative": "Instead, Bo Barton called for voters to back Carl Dale, whom he describes as having "
                         "\u201ca prosecutor's bearing.\u201d",
    # a subject the parse lost in a long subject phrase
    "long_subject": "About 4 in 10 say they want the next mayor to be more liberal.\n\n"
                    "But activists clamoring to block Hale from the nomination say they're suddenly gaining ground.",
    # a regular verb form whose lemma the tagger got wrong ("hopes" as a form of "hop")
    "wrong_lemma": "Tom Bivens hopes the council and the mayor do not make the same mistake this time around.",
    # what a question is about
    "asked_about": "One voter asked Senator Lee about the two million people deported under the last government.",
    # a quote right after its cue, with no comma or colon
    "quote_after_cue": "Band member Tom Flea shared the news on social media last week, writing "
                       "\u201cFeels great to support someone I believe in.\u201d",
    # "as X put it"
    "put_it": "The plan was a failure, as Senator Ann Ray put it. He put it on the table and left.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


def test_what_a_speaker_cites_is_the_speakers_claim(kg):
    st = one(kg, "cited", "reports of rising crime")
    assert label(kg, st["speaker"]) == "Ann Ray"
    st = one(kg, "citing_after_quote", "the weak field of rivals")
    assert label(kg, st["speaker"]) == "Tom Hale"


def test_cites_that_introduces_a_quote_adds_no_statement_of_its_object(kg):
    assert not [s for s in said(kg, "cites_words") if s["text"].startswith("Dan Moss")]


def test_a_cue_closing_its_sentence_with_its_addressee_reports_the_words_before_it(kg):
    st = one(kg, "told_outlet", "The mayor will seek a second term")
    assert label(kg, st["speaker"]) == "Tom Reyes"


def test_a_relative_clause_reports_nothing_before_it(kg):
    assert said(kg, "relative_who") == []


def test_a_preposition_after_the_cue_is_not_its_particle(kg):
    st = one(kg, "writes_in", "the mayor shows a taste for conflict")
    assert label(kg, st["speaker"]) == "Dan Parker"


def test_names_given_in_quotation_marks_or_with_as_are_statements(kg):
    assert label(kg, one(kg, "called_quoted", "her \u201cthird-rate")["speaker"]) == "Tom Hale"
    assert label(kg, one(kg, "called_that", "that \u201cbeyond preposterous")["speaker"]) == "Jim Boyle"
    assert label(kg, one(kg, "describes_herself", "herself as")["speaker"]) == "Ann Ray"
    assert label(kg, one(kg, "calls_himself", "himself a democratic socialist")["speaker"]) == "Bob Lee"


def test_a_name_given_in_passing_is_no_statement(kg):
    assert said(kg, "named_in_passing") == []


def test_records_projections_and_polls_that_show_are_sources(kg):
    st = one(kg, "records_show", "The Harbor Fund raised $5 million")
    assert st["kind"] == "according_to" and st["speaker_text"] == "state records"
    assert one(kg, "projection", "the deficit could fall")["kind"] == "according_to"
    assert one(kg, "poll_opening", "three of four residents disapproved")["kind"] == "according_to"


def test_pointing_to_evidence_is_a_claim_and_an_arrow_points_at_nothing(kg):
    texts = [s["text"] for s in said(kg, "pointed_to")]
    assert texts == ["the new jobs report as proof that the plan works"]


def test_an_interviews_questions_and_answers_are_statements_the_answers_the_interviewees(kg):
    lines = said(kg, "q_and_a")
    questions = [s for s in lines if s["text"].startswith(("You open", "Did the company"))]
    answers = [s for s in lines if s["text"].startswith(("I came home", "No, no one"))]
    assert len(questions) == 2 and all(s["speaker"] is None for s in questions)
    assert len(answers) == 2 and all(label(kg, s["speaker"]) == "Clara Moss" for s in answers)


def test_a_headline_names_its_speaker_before_to(kg):
    st = one(kg, "headline_to", "We Will Fix the Roads")
    assert label(kg, st["speaker"]) == "Rita Vance"


def test_a_closing_according_to_vouches_for_its_whole_sentence(kg):
    st = one(kg, "according_closing", "On Tuesday, the mayor drew strong support")
    assert "while her rival was ahead among students" in st["text"]


def test_as_someone_put_it_reports_the_words_and_putting_a_thing_does_not(kg):
    lines = said(kg, "put_it")
    assert [s["text"] for s in lines] == ["The plan was a failure"]
    assert label(kg, lines[0]["speaker"]) == "Ann Ray"


def test_verbs_of_speaking_beside_a_quote_report_it(kg):
    assert label(kg, one(kg, "manner", "They would have backed")["speaker"]) == "Pat Doyle"
    assert one(kg, "manner", "We will not give up")["kind"] == "direct"
    st = one(kg, "email_read", "Friend, let me be blunt")
    assert st["kind"] == "direct" and st["speaker"] is None


def test_a_verb_that_speaks_only_beside_a_quote_reports_nothing_without_one(kg):
    assert said(kg, "economy_boomed") == []


def test_the_reported_clause_is_the_one_after_the_cue_and_keeps_its_subject(kg):
    assert [s["text"] for s in said(kg, "clause_after")] == ["the mayor was a candidate in the spirit of the valley"]
    assert [s["text"] for s in said(kg, "lost_subject")] == ["the days when the nation had one story are gone"]
    assert [s["text"] for s in said(kg, "that_subject")] == ["that is highly unlikely"]


def test_a_participle_after_a_quote_or_read_as_a_clause_names_what_it_calls(kg):
    st = one(kg, "calling_after_quote", "the network chief")
    assert st["cue"] == "calling" and label(kg, st["speaker"]) == "Dan Axton"
    texts = [s["text"] for s in said(kg, "calling_clause")]
    assert any(t.startswith("his hacking") for t in texts)
    assert not any(t.startswith("In court documents") for t in texts)


def test_an_average_of_polls_shows_and_made_it_clear_reports_its_clause(kg):
    assert one(kg, "average_of_polls", "Mayor Vance leads")["kind"] == "according_to"
    lines = said(kg, "made_clear")
    assert [s["text"] for s in lines] == ["she would not back the bill"]
    assert label(kg, lines[0]["speaker"]) == "Ann Ray"


def test_most_or_few_believe_is_a_belief_with_no_named_speaker(kg):
    lines = said(kg, "most_believe")
    assert [s["text"][:20] for s in lines] == ["the harbour is safer", "the new pier will op"]
    assert all(s["kind"] == "belief" and s["speaker"] is None for s in lines)


def test_a_quote_in_a_relative_clause_of_the_object_is_not_what_the_main_verb_calls(kg):
    assert not [s for s in said(kg, "quote_in_relative") if s["text"].startswith("Carl Dale")]


def test_a_cue_after_a_long_subject_phrase_keeps_its_statement(kg):
    lines = said(kg, "long_subject")
    assert [s["text"][:22] for s in lines] == ["they want the next may", "they're suddenly gaini"]
    assert [s["speaker_text"] for s in lines] == ["About 4 in 10", "activists"]


def test_a_cue_whose_lemma_the_tagger_got_wrong_is_still_a_cue(kg):
    st = one(kg, "wrong_lemma", "the council and the mayor")
    assert st["kind"] == "belief" and label(kg, st["speaker"]) == "Tom Bivens"


def test_asking_someone_about_something_is_a_statement_about_it(kg):
    st = one(kg, "asked_about", "the two million people deported")
    assert st["speaker_text"] == "One voter"


def test_a_quote_right_after_its_cue_is_a_direct_quotation(kg):
    st = one(kg, "quote_after_cue", "Feels great to support")
    assert st["kind"] == "direct" and "Tom Flea" in st["speaker_text"]
