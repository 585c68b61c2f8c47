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
    "citing_after_quote": "\u201cThis will not be a close match,\u201d Coach Tom Hale said, citing the injuries of the visiting side.",
    "cites_words": "\u201cThe border is quiet and the roads are open again.\u201d\n\n"
                   "\u201cWe expect no trouble this winter,\u201d the Valley Ledger cites Dan Moss's words from the forum.",
    # a cue that closes its sentence with its addressee
    "told_outlet": "The mayor will seek a second term, her top aide, Tom Reyes, told the Valley Ledger.",
    "relative_who": "Mara Quill worked closely with the harbour master, who confided to her the codes of the boathouse.",
    # a preposition with its object after the cue is no particle ("wrote in to complain" is)
    "writes_in": "Dan Parker, a professor at Lakeside University, writes in the Monthly Review that the mayor "
                 "shows a taste for conflict.",
    # names the speaker gives, in quotation marks or with "as"
    "called_quoted": "Governor Tom Hale later called her \u201cthird-rate\u201d and skipped the debate.",
    "called_that": "Campaign manager Jim Boyle called that \u201cbeyond preposterous.\u201d",
    "describes_herself": "Senator Ann Ray describes herself as \u201ca consistent moderate.\u201d",
    "calls_himself": "Coach Bob Lee calls himself a humble teacher.",
    "named_in_passing": "Ann Ray hosts a weekly show called \u201cThe Harbour Hour\u201d on local radio. "
                        "The rebels, a group calling itself the River Front, seized the bridge. "
                        "The town fell quiet, as the armed group calling itself the Hill Guard moved north.",
    # records, polls and studies that show or find
    "records_show": "The Harbor Fund raised $5 million last year, state records show.",
    "projection": "A projection from the state budget office shows that the deficit could fall next year.",
    "poll_opening": "In a poll published Friday, two of three parents disapproved of the way the school had "
                    "handled the snow day.",
    "pointed_to": "Senator Ann Ray pointed to the new jobs report as proof that the plan works. "
                  "The arrow on the sign pointed to the door.",
    # an interview's questions and answers
    "q_and_a": "Interview with novelist Clara Moss\n\nClara Moss talks about her new book on a fishing village.\n\n"
               "Q: Your novel begins on the morning the cannery shut. Why that day?\n\n"
               "A: My aunt worked there for thirty years and it changed her.\n\n"
               "Q: Did the owners help the workers?\n\n"
               "A: Not at all. They sold the boats and moved away.",
    # headlines that name the speaker before "to" or "on"
    "headline_to": "Mayor Rita Vance to Farmers: We Will Fix the Roads\n\n"
                   "Mayor Rita Vance spoke on Monday at a farm fair in the north of the county.",
    # a closing "according to" vouches for its whole sentence
    "according_closing": "On Tuesday, the mayor drew strong support among older voters, while her rival was "
                         "ahead among students, according to exit polls.",
    "according_after_colon": "The ferry levy has not slowed the harbour: the port had its busiest summer in a "
                             "decade, according to the harbour board.",
    # verbs of speaking that report only beside a quote, and closing verbs the tagger read as nouns
    "manner": "\u201cThey would have backed the only bill with support from both parties,\u201d Senator Pat Doyle "
              "fumed on Tuesday.\n\n\u201cWe will not give up on this city,\u201d Lee shot back.",
    "email_read": "\u201cDear member, we need your help. The roof must be fixed. Only you can save it,\u201d the email read.",
    "economy_boomed": "As the factories reopened across the region, the economy boomed.",
    # the reported clause as a whole: after the cue, with the subject the parse hung on the cue,
    # with "that" as its subject
    "clause_after": "Dan Dorvale, whose bakery supplies bread to half the schools in town, said the mayor was "
                    "a friend of the small shops.",
    "lost_subject": "Brankin, the co-author of a guide to the county's rivers, said the years when the salmon "
                    "ran each autumn are over.",
    "that_subject": "But coaches and former players said that is very doubtful.",
    # names given after a participle, also where the parse made a clause of them; a phrase before a
    # closing cue is no one's words
    "calling_after_quote": "\u201cWe knew what we had to do,\u201d Dan Axton said, calling the "
                           "team captain \u201cfearless.\u201d",
    "calling_clause": "In a letter to the league, the club asked for a fine of two thousand pounds, calling the brawl "
                      "\u201ca lapse of judgement.\u201d",
    # counted or averaged documents, and "made (it) clear that"
    "average_of_polls": "An average of weekly polls by the Gazette shows Councillor Vance leads her rival by about "
                        "5 points in the ward.",
    "made_clear": "Principal Ann Ray made it clear that the school would not close early. "
                  "The storm made the roads clear of snow.",
    # a quantifier as the subject of a belief stands for unnamed people; a quote inside a relative
    # clause of the object names nothing for the main verb
    "most_believe": "Most believe that the harbour is safer than it was ten years ago. "
                    "But few believe the new pier will open on time.",
    "quote_in_relative": "Instead, Bo Barton called for members to back Carl Dale, whom he has described as having "
                         "\u201ca captain's calm.\u201d",
    # a subject the parse lost in a long subject phrase
    "long_subject": "Roughly 3 in 5 say they want the new pool to open on Sundays.\n\n"
                    "But parents campaigning to keep the old gym from closing say they're finally being heard.",
    # a regular verb form whose lemma the tagger got wrong ("hopes" as a form of "hop")
    "wrong_lemma": "Tom Harrowby hopes the council and the mayor will not repeat last year's error.",
    # what a question is about
    "asked_about": "One parent asked Principal Lee about the two hundred pupils moved to the annex last year.",
    # a quote right after its cue, with no comma or colon
    "quote_after_cue": "Club captain Tom Pardew posted the team photo online on Monday, writing "
                       "\u201cProud to play beside these lads every week.\u201d",
    # "as X put it"
    "put_it": "The plan was a failure, as Senator Ann Ray put it. He put it on the table and left.",
    # where reported words start: at their complementizer, past words set off before it, and after
    # the writer's opening connective when the cue closes the sentence
    "complementizer": "The harbour master said that the old crane would be sold. Two members asked whether "
                      "the ferry would run in winter.",
    "set_off_that": "The auditor stated, while speaking to reporters on Friday, that the tunnel cost twice the "
                    "first estimate.",
    "that_comma": "The harbour master said that, if the ferry ran late again, the town would fine its owners.",
    "urged_whom": "The union urged the council to delay the vote. Senator Ann Ray called on the governor to resign. "
                  "The coach asked Tom Pike, the team's captain, to stay calm.",
    "connective_closing": "The mayor opened the new library on Monday. In fact, the building cost twice the first "
                          "estimate, the city auditor said. However, visits to the old branch have fallen by half, "
                          "according to the library board. Still, she said, the reading rooms are full every evening.",
}


@pytest.fixture(scope="module")
def kg(tmp_path_factory):
    return build_articles(tmp_path_factory, TEXTS)


def test_what_a_speaker_cites_is_the_speakers_claim(kg):
    st = one(kg, "cited", "reports of rising crime")
    assert label(kg, st["speaker"]) == "Ann Ray"
    st = one(kg, "citing_after_quote", "the injuries of the visiting side")
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
    assert label(kg, one(kg, "calls_himself", "himself a humble teacher")["speaker"]) == "Bob Lee"


def test_a_name_given_in_passing_is_no_statement(kg):
    assert said(kg, "named_in_passing") == []


def test_records_projections_and_polls_that_show_are_sources(kg):
    st = one(kg, "records_show", "The Harbor Fund raised $5 million")
    assert st["kind"] == "according_to" and st["speaker_text"] == "state records"
    assert one(kg, "projection", "the deficit could fall")["kind"] == "according_to"
    assert one(kg, "poll_opening", "two of three parents disapproved")["kind"] == "according_to"


def test_pointing_to_evidence_is_a_claim_and_an_arrow_points_at_nothing(kg):
    texts = [s["text"] for s in said(kg, "pointed_to")]
    assert texts == ["the new jobs report as proof that the plan works"]


def test_an_interviews_questions_and_answers_are_statements_the_answers_the_interviewees(kg):
    lines = said(kg, "q_and_a")
    questions = [s for s in lines if s["text"].startswith(("Your novel begins", "Did the owners"))]
    answers = [s for s in lines if s["text"].startswith(("My aunt worked", "Not at all"))]
    assert len(questions) == 2 and all(s["speaker"] is None for s in questions)
    assert len(answers) == 2 and all(label(kg, s["speaker"]) == "Clara Moss" for s in answers)


def test_a_headline_names_its_speaker_before_to(kg):
    st = one(kg, "headline_to", "We Will Fix the Roads")
    assert label(kg, st["speaker"]) == "Rita Vance"


def test_a_closing_according_to_vouches_for_its_whole_sentence(kg):
    st = one(kg, "according_closing", "On Tuesday, the mayor drew strong support")
    assert "while her rival was ahead among students" in st["text"]
    # ... the last of its clauses, when a colon sets the writer's own words apart before it
    st = one(kg, "according_after_colon", "the port had its busiest summer")
    assert st["text"].startswith("the port had") and st["speaker_text"] == "the harbour board"


def test_as_someone_put_it_reports_the_words_and_putting_a_thing_does_not(kg):
    lines = said(kg, "put_it")
    assert [s["text"] for s in lines] == ["The plan was a failure"]
    assert label(kg, lines[0]["speaker"]) == "Ann Ray"


def test_verbs_of_speaking_beside_a_quote_report_it(kg):
    assert label(kg, one(kg, "manner", "They would have backed")["speaker"]) == "Pat Doyle"
    assert one(kg, "manner", "We will not give up")["kind"] == "direct"
    st = one(kg, "email_read", "Dear member, we need your help")
    assert st["kind"] == "direct" and st["speaker"] is None


def test_a_verb_that_speaks_only_beside_a_quote_reports_nothing_without_one(kg):
    assert said(kg, "economy_boomed") == []


def test_the_reported_clause_is_the_one_after_the_cue_and_keeps_its_subject(kg):
    assert [s["text"] for s in said(kg, "clause_after")] == ["the mayor was a friend of the small shops"]
    assert [s["text"] for s in said(kg, "lost_subject")] == ["the years when the salmon ran each autumn are over"]
    assert [s["text"] for s in said(kg, "that_subject")] == ["that is very doubtful"]


def test_a_participle_after_a_quote_or_read_as_a_clause_names_what_it_calls(kg):
    st = one(kg, "calling_after_quote", "the team captain")
    assert st["cue"] == "calling" and label(kg, st["speaker"]) == "Dan Axton"
    texts = [s["text"] for s in said(kg, "calling_clause")]
    assert any(t.startswith("the brawl") for t in texts)
    assert not any(t.startswith("In a letter to the league") for t in texts)


def test_an_average_of_polls_shows_and_made_it_clear_reports_its_clause(kg):
    assert one(kg, "average_of_polls", "Councillor Vance leads")["kind"] == "according_to"
    lines = said(kg, "made_clear")
    assert [s["text"] for s in lines] == ["that the school would not close early"]
    assert label(kg, lines[0]["speaker"]) == "Ann Ray"


def test_most_or_few_believe_is_a_belief_with_no_named_speaker(kg):
    lines = said(kg, "most_believe")
    assert [s["text"][:25] for s in lines] == ["that the harbour is safer", "the new pier will open on"]
    assert all(s["kind"] == "belief" and s["speaker"] is None for s in lines)


def test_a_quote_in_a_relative_clause_of_the_object_is_not_what_the_main_verb_calls(kg):
    assert not [s for s in said(kg, "quote_in_relative") if s["text"].startswith("Carl Dale")]


def test_a_cue_after_a_long_subject_phrase_keeps_its_statement(kg):
    lines = said(kg, "long_subject")
    assert [s["text"][:22] for s in lines] == ["they want the new pool", "they're finally being "]
    assert [s["speaker_text"] for s in lines] == ["Roughly 3 in 5", "parents"]


def test_a_cue_whose_lemma_the_tagger_got_wrong_is_still_a_cue(kg):
    st = one(kg, "wrong_lemma", "the council and the mayor")
    assert st["kind"] == "belief" and label(kg, st["speaker"]) == "Tom Harrowby"


def test_asking_someone_about_something_is_a_statement_about_it(kg):
    st = one(kg, "asked_about", "the two hundred pupils moved")
    assert st["speaker_text"] == "One parent"


def test_a_quote_right_after_its_cue_is_a_direct_quotation(kg):
    st = one(kg, "quote_after_cue", "Proud to play beside")
    assert st["kind"] == "direct" and "Tom Pardew" in st["speaker_text"]


def test_reported_words_start_at_their_complementizer(kg):
    assert [s["text"] for s in said(kg, "complementizer")] == [
        "that the old crane would be sold", "whether the ferry would run in winter"]


def test_a_complementizer_before_a_comma_stays_with_the_words(kg):
    assert [s["text"] for s in said(kg, "that_comma")] == ["that, if the ferry ran late again, the town would fine its owners"]


def test_words_set_off_between_a_cue_and_its_that_are_not_what_was_said(kg):
    assert [s["text"] for s in said(kg, "set_off_that")] == ["that the tunnel cost twice the first estimate"]


def test_a_closing_cues_words_start_after_the_writers_connective(kg):
    assert one(kg, "connective_closing", "the building cost")["text"].startswith("the building cost")
    assert one(kg, "connective_closing", "visits to the old branch")["text"].startswith("visits")
    # words that run on past the cue keep theirs
    assert one(kg, "connective_closing", "Still, she said")["text"].endswith("full every evening")


def test_what_is_urged_starts_at_whom_it_urges(kg):
    assert [s["text"] for s in said(kg, "urged_whom")] == [
        "the council to delay the vote", "the governor to resign", "to stay calm"]
