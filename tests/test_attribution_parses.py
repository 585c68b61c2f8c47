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
                                     "When I wrote my first songs, that was real hardship.",
    "wh_opening": "In what looked like the only time the bakers and the millers agreed, the millers are calling on the "
                  "guild chief to resign.",
    # an inverted subject after a closing cue, the words before read as a noun phrase
    "inverted_after_noun": 'The sale of the mill signals "a fresh start" for the valley, said Tom '
                           "Vale, founder of the Mill Trust.",
    # a poll that shows its object up or down: the particle is the object's
    "poll_up": "Polls show Councillor Vance up by 6 points in the race for the east ward.",
    "showed_up": "The mayor showed up late to the meeting on Monday. Lee showed her guests out after the dinner.",
    # an opening "according to X," that the parse made the sentence's root (the verb after the
    # comma read as a plural noun hung on the source)
    "according_root": 'According to food critic Dan Pell, the new menu reeks of "haste" and thrift. '
                      "But according to Ada Roth, the menu reeks of haste.",
    # a second conjunct of the object that the parse hung on the verb, or made a second object
    "object_conjunct": "On Monday, Rina Cole began by praising the new library, and a plan to open it on Sundays.",
    "object_pair": "Lind and Ortega point out own skills, each other's mistakes at chess club.",
    "clause_conjunct": "Rina Cole criticized the toll plan, and the council voted against it on Monday.",
    # a slide or a review that shows something is a document that speaks
    "slide_shows": "Another slide shows that six of 10 loaves sold in the market are baked outside the town.",
    # a contrasting claim of someone else that the parse hung inside the first claim's words
    "while_another": "About four in 10 members said the pool would be busier next summer than now, while seven "
                     "in 10 said they expected the fees to rise.",
    "while_no_claim": "Lind said the talks would resume on Monday, while the minister spoke to reporters outside.",
    # the words told, which the parse hung inside the relative clause on the addressee
    "told_past_relative": "Mr. Kettering tells parents who ask why he cannot match Mr. Vance's zeal that he "
                          '"was coached differently."',
    "told_relative_plain": "Lind told reporters who had waited for hours that the vote would be held on Friday.",
    # a sentence that opens with quoted words, a closing cue, then more quoted words coordinated
    # with the first (the parse hangs the last quote's clause on the cue)
    "mixed_opening": 'Why did the club drop the fine?\n\nBanks "kept his place in the team," Vance said, and still '
                     '"got to captain (Lind\'s) side while the league looked into it… That hardly '
                     'seems fair."',
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
    assert [s["text"] for s in said(kg, "wh_opening")] == ["the guild chief to resign"]


def test_a_closing_cue_with_its_subject_after_it_reports_the_words_before(kg):
    st = one(kg, "inverted_after_noun", "The sale of the mill signals")
    assert label(kg, st["speaker"]) == "Tom Vale"


def test_a_poll_that_shows_someone_up_is_a_source_and_showing_up_is_not(kg):
    st = one(kg, "poll_up", "Councillor Vance up by 6 points")
    assert st["kind"] == "according_to" and st["speaker_text"] == "Polls"
    assert said(kg, "showed_up") == []


def test_an_opening_according_to_the_parse_made_the_root_sources_the_rest(kg):
    st = one(kg, "according_root", 'the new menu reeks of "haste" and thrift')
    assert st["kind"] == "according_to" and st["speaker_text"].endswith("Dan Pell")
    st = one(kg, "according_root", "the menu reeks of haste")
    assert label(kg, st["speaker"]) == "Ada Roth"


def test_an_objects_conjunct_the_parse_hung_on_the_verb_stays_in_the_object(kg):
    assert one(kg, "object_conjunct", "the new library")["text"].endswith("a plan to open it on Sundays")
    assert one(kg, "object_pair", "own skills")["text"].startswith("own skills, each other's mistakes")
    # a clause with its own subject after the object is no part of it
    assert all("council" not in s["text"] for s in said(kg, "clause_conjunct"))


def test_a_slide_that_shows_a_clause_is_a_source(kg):
    st = one(kg, "slide_shows", "six of 10 loaves")
    assert st["kind"] == "according_to" and st["speaker_text"] == "Another slide"


def test_a_contrasting_claim_inside_the_words_is_a_statement_of_its_own(kg):
    first = one(kg, "while_another", "the pool would be busier")
    assert first["text"].endswith("than now")
    second = one(kg, "while_another", "they expected the fees")
    assert second["speaker_text"] == "seven in 10"
    # no words of its own: the clause stays in the first claim
    assert one(kg, "while_no_claim", "the talks would resume")["text"].endswith("reporters outside")


def test_the_words_told_are_not_the_addressees_relative_clause(kg):
    st = one(kg, "told_past_relative", 'he "was coached differently')
    assert st["speaker_text"] == "Mr. Kettering"
    assert all("coached differently" not in s["text"] for s in said(kg, "told_past_relative") if s is not st)
    assert [s["text"] for s in said(kg, "told_relative_plain")] == ["that the vote would be held on Friday"]


def test_a_sentence_opening_with_quoted_words_is_the_closing_cues(kg):
    st = one(kg, "mixed_opening", 'Banks "kept his place')
    assert label(kg, st["speaker"]) == "Vance"
    assert not any(s["text"].startswith(("…", "That hardly")) for s in said(kg, "mixed_opening"))
