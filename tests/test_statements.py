"""Attributed statements and affiliations (graph.statements) on short hand-written texts.

Each test parses a text with the real spaCy pipeline, finds its mentions with the real mention
stage, and checks what ``extract_statements`` says: who speaks (by name), how the speaker was
found, the kind of statement, where its words start, and which outlet relays them.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from graph.gazetteer import load_gazetteer
from graph.mentions import MentionExtractor
from graph.nlp import load_pipeline
from graph.records import Document, NameType
from graph.statements import extract_statements, find_quotes, load_lexicon


@pytest.fixture(scope="module")
def analyse():
    nlp = load_pipeline()
    extractor = MentionExtractor(load_gazetteer(), nlp)

    def run(text: str, **meta):
        document = Document(id="t", text=text, **meta)
        doc = nlp(text)
        _, mentions, _ = extractor(document, doc)
        statements, affiliations = extract_statements(document, doc, mentions)
        return statements, affiliations, mentions

    return run


def speaker(st, mentions) -> str | None:
    return None if st.speaker_mention is None else mentions[st.speaker_mention].name


def reporter(st, mentions) -> str | None:
    return None if st.reported_by_mention is None else mentions[st.reported_by_mention].name


def find(statements, text_start: str):
    """The statement whose words start with ``text_start``, after the complementizer that
    reported words keep ("that ...", "whether ...")."""
    hits = [st for st in statements if re.sub(r"^(?:that|whether|if)\s+", "", st.text).startswith(text_start)]
    assert hits, f"no statement starts with {text_start!r}: {[st.text[:40] for st in statements]}"
    return hits[0]


# --- the lexicon ----------------------------------------------------------------------------------


def test_lexicon_is_general_and_classed():
    lex = load_lexicon()
    assert len(lex.verbs) + len(lex.phrasal) >= 150
    assert {lex.verbs[v].cls for v in ("say", "believe", "allege", "report")} == {"speech", "belief", "claim", "report"}
    assert "quote" in lex.verbs["say"].frames and "to" in lex.verbs["promise"].frames
    assert ("point", "out") in lex.phrasal
    assert "see" not in lex.verbs and "discover" not in lex.verbs  # factive verbs report facts, not words


# --- direct quotes --------------------------------------------------------------------------------


def test_direct_quote_with_the_speaker_after(analyse):
    sts, _, m = analyse("\u201cWe will not allow this to happen,\u201d said Ivan Petrov.")
    st = find(sts, "We will not allow")
    assert (st.kind, speaker(st, m), st.speaker_resolution) == ("direct", "Ivan Petrov", "name")
    assert st.cue == "said"


def test_speaker_in_the_middle_of_a_quote_makes_one_statement(analyse):
    text = "\u201cThe border is open,\u201d said Anna Kowalska, \u201cand the trucks keep coming every night.\u201d"
    sts, _, m = analyse(text)
    direct = [st for st in sts if st.kind == "direct"]
    assert len(direct) == 1
    st = direct[0]
    assert speaker(st, m) == "Anna Kowalska"
    assert st.text.startswith("The border is open") and st.text.endswith("every night")


def test_quote_resumes_after_the_cue(analyse):
    text = ("Daniyar Kosnazarov is a regional analyst.\n\n"
            "\u201cSmall groups lost their funding after the withdrawal,\u201d notes Kosnazarov. "
            "\u201cIn the search for new money, they have sworn allegiance to ISIS.\u201d")
    sts, _, m = analyse(text)
    st = find(sts, "Small groups lost")
    assert speaker(st, m) == "Daniyar Kosnazarov"
    assert st.end > text.index("In the search")  # the second quote belongs to the same statement
    assert not [s for s in sts if s.text.startswith("In the search")]


def test_nested_quotes_stay_inside_one_statement(analyse):
    text = ("Maria Ivanova, a Moscow lawyer, spoke on Monday.\n\n"
            "\u201cThe officer told me \u2018leave the country now\u2019 and I did not argue,\u201d she said.")
    sts, _, m = analyse(text)
    st = find(sts, "The officer told me")
    assert st.kind == "direct" and st.text.endswith("did not argue")
    assert (speaker(st, m), st.speaker_resolution) == ("Maria Ivanova", "pronoun")


def test_multi_paragraph_quote(analyse):
    text = ("\u201cThe first part of the plan is to close the border.\n\n"
            "\u201cThe second part is to rebuild the roads before winter,\u201d said Ivan Petrov.")
    sts, _, m = analyse(text)
    st = find(sts, "The first part")
    assert speaker(st, m) == "Ivan Petrov"
    assert "rebuild the roads" in st.text


def test_quote_with_missing_opening_mark_and_a_description(analyse):
    text = ("Farkhad Tolipov, an independent Uzbek political scientist, doubts the official account.\n\n"
            "The Central Asian republics feel intimidated by the militants,\u201d says the expert. "
            "\u201cBut nobody takes any action.\u201d")
    sts, _, m = analyse(text)
    st = find(sts, "The Central Asian republics")
    assert (st.kind, speaker(st, m), st.speaker_resolution) == ("direct", "Farkhad Tolipov", "nominal")
    assert "nobody takes any action" in st.text


def test_unbalanced_quotation_mark_does_not_lose_the_rest(analyse):
    text = ("He called the plan \u201ca total disaster for the region and walked out.\n\n"
            "Ivan Petrov said that the talks had failed.\n\n"
            "\u201cWe will return next year,\u201d Petrov added.")
    sts, _, m = analyse(text)
    st = find(sts, "the talks had failed")
    assert (st.kind, speaker(st, m)) == ("indirect", "Ivan Petrov")
    st = find(sts, "We will return")
    assert (st.kind, speaker(st, m)) == ("direct", "Ivan Petrov")


def test_words_quoted_inside_a_sentence_are_not_a_direct_quote(analyse):
    sts, _, _ = analyse("The ministry called the raid \u201ca routine check of documents\u201d, a spokesman said.")
    assert not [st for st in sts if st.kind == "direct"]


def test_quotes_x_as_saying_records_the_outlet(analyse):
    text = ("\u201cTaliban militants are gathering forces in the north,\u201d the Svobodnaya Pressa portal quotes "
            "Russia\u2019s ambassador in Tajikistan, Igor Lyakin-Frolov, as saying.")
    sts, affs, m = analyse(text)
    st = find(sts, "Taliban militants")
    assert (st.kind, speaker(st, m), reporter(st, m)) == ("direct", "Igor Lyakin-Frolov", "Svobodnaya Pressa")
    assert ("Igor Lyakin-Frolov", "Russia") in {(m[a.person_mention].name, m[a.org_mention].name) for a in affs}


def test_indirect_quoted_as_saying_with_an_unnamed_source(analyse):
    sts, _, m = analyse("Russian media quoted a source at the General Staff as saying that Moscow had approved the aid.")
    st = find(sts, "Moscow had approved")
    assert st.speaker_mention is None and st.speaker_resolution == "none"
    assert "as saying" in st.cue


def test_told_an_outlet(analyse):
    text = ("\u201cThe risk of destabilization is growing,\u201d the director of the Centre for Modern Afghan "
            "Studies, Omar Nessar, has told TASS.")
    sts, affs, m = analyse(text)
    st = find(sts, "The risk of destabilization")
    assert (speaker(st, m), reporter(st, m)) == ("Omar Nessar", "TASS")
    assert any(m[a.person_mention].name == "Omar Nessar" and "Centre for Modern Afghan Studies" in m[a.org_mention].name
               for a in affs)


# --- reported speech ------------------------------------------------------------------------------


def test_reported_speech_and_a_pronoun(analyse):
    text = ("Sergei Beseda, head of the 5th FSB service, warned that the militants were moving north. "
            "He noted that the border guards should act early.")
    sts, affs, m = analyse(text)
    first = find(sts, "the militants were moving north")
    assert (first.kind, speaker(first, m), first.cue) == ("indirect", "Sergei Beseda", "warned")
    second = find(sts, "the border guards should act")
    assert (speaker(second, m), second.speaker_resolution) == ("Sergei Beseda", "pronoun")
    assert [(m[a.person_mention].name, m[a.org_mention].name, a.role) for a in affs] == [
        ("Sergei Beseda", "FSB", "head of the 5th FSB service")]


def test_belief_and_claim_verbs_and_infinitives(analyse):
    text = ("Vadim Kozyulin also alleges that part of the group is controlled from abroad. "
            "Nikita Mendkovich believes the situation will get worse. "
            "The commander promised to wage war on the government.")
    sts, _, m = analyse(text)
    assert speaker(find(sts, "part of the group"), m) == "Vadim Kozyulin"
    assert speaker(find(sts, "the situation will get worse"), m) == "Nikita Mendkovich"
    assert find(sts, "to wage war").cue == "promised"


def test_unnamed_sources_keep_no_speaker(analyse):
    text = ("Ivan Petrov met the governor on Monday. "
            "Experts believe that only the joint forces can stop the attacks. "
            "Afghan officials said the talks were inconclusive.")
    sts, _, m = analyse(text)
    for start, kind, phrase in (("only the joint forces", "belief", "Experts"), ("the talks were inconclusive", "indirect", "Afghan officials")):
        st = find(sts, start)
        assert st.speaker_mention is None, f"{start!r} given to {speaker(st, m)}"
        assert (st.kind, st.speaker_text) == (kind, phrase)


def test_content_before_the_cue_and_an_outlet_as_speaker(analyse):
    text = "Turkmen troops are being moved to the border, reported the news agency Interfax."
    sts, _, m = analyse(text)
    st = find(sts, "Turkmen troops are being moved")
    assert (st.kind, speaker(st, m), reporter(st, m)) == ("according_to", "Interfax", "Interfax")


def test_parenthetical_cue_splits_its_content(analyse):
    text = ("Farkhad Tolipov teaches in Tashkent. "
            "The solution to the regional problems, says Tolipov, lies in a common security structure.")
    sts, _, m = analyse(text)
    st = find(sts, "The solution to the regional problems")
    assert speaker(st, m) == "Farkhad Tolipov" and "common security structure" in st.text


def test_modal_and_factive_verbs_are_not_statements(analyse):
    sts, _, _ = analyse("It should be noted that the border is long. We could argue that the plan failed. "
                        "Officials discovered that the fence was broken.")
    assert sts == []


# --- sourcing ---------------------------------------------------------------------------------------


def test_according_to_a_person_and_to_a_report(analyse):
    text = ("The militants see the region as a foothold, according to Zamir Kabulov, a Russian diplomat. "
            "According to a report by the International Crisis Group, up to 4,000 citizens have joined them.")
    sts, _, m = analyse(text)
    st = find(sts, "The militants see the region")
    assert (st.kind, speaker(st, m), st.cue) == ("according_to", "Zamir Kabulov", "according to")
    assert "according to" not in st.text
    st = find(sts, "up to 4,000 citizens")
    assert speaker(st, m) == "International Crisis Group"


def test_first_person_plural_outside_quotes_is_the_author(analyse):
    sts, _, m = analyse("According to our information, more troops have been deployed in the region.",
                        author="South Front")
    st = find(sts, "more troops have been deployed")
    assert (speaker(st, m), st.speaker_resolution) == ("South Front", "pronoun")


# --- speaker resolution -----------------------------------------------------------------------------


def test_pronoun_skips_the_nearest_name_of_the_wrong_gender(analyse):
    text = ("Mr John Kerry met Maria Zakharova, the ministry spokeswoman, in Geneva on Monday.\n\n"
            "\u201cWe discussed the border and nothing else,\u201d she said.")
    sts, _, m = analyse(text)
    st = find(sts, "We discussed the border")
    assert (speaker(st, m), st.speaker_resolution) == ("Maria Zakharova", "pronoun")


def test_description_skips_a_nearer_person_of_another_role(analyse):
    text = ("Political analyst Dmitri Trenin spoke shortly after President Vladimir Putin arrived in Dushanbe.\n\n"
            "\u201cThe sanctions will not change anything,\u201d the analyst said.")
    sts, _, m = analyse(text)
    st = find(sts, "The sanctions will not change")
    assert (speaker(st, m), st.speaker_resolution) == ("Dmitri Trenin", "nominal")


def test_statement_inside_a_statement(analyse):
    text = "Daniyar Kosnazarov notes that back in 2014 the Taliban said it did not condone the attacks."
    sts, _, m = analyse(text)
    assert speaker(find(sts, "back in 2014"), m) == "Daniyar Kosnazarov"
    assert speaker(find(sts, "it did not condone"), m) == "Taliban"


def test_a_person_the_tagger_called_an_organisation_or_a_place_still_speaks(analyse):
    # the small model sometimes labels a full name an organisation and a lone surname a place:
    # a common given name first still makes it a person, and the surname names that person
    text = ("Radio host Sean Brightwater praised the senator on Tuesday.\n\n"
            "\u201cHe is a rising star,\u201d Brightwater said. Brightwater said the feud was over.")
    nlp = load_pipeline()
    document = Document(id="t", text=text)
    doc = nlp(text)
    _, mentions, _ = MentionExtractor(load_gazetteer(), nlp)(document, doc)
    relabelled = [replace(m, label=NameType.ORGANIZATION if " " in m.name else NameType.PLACE) if "Brightwater" in m.name else m for m in mentions]
    assert any(m.name == "Sean Brightwater" and m.label is NameType.ORGANIZATION for m in relabelled)
    statements, _ = extract_statements(document, doc, relabelled)
    assert speaker(find(statements, "He is a rising star"), relabelled) == "Sean Brightwater"
    assert speaker(find(statements, "the feud was over"), relabelled) == "Sean Brightwater"


# --- the quotation-mark scanner ---------------------------------------------------------------------


def test_find_quotes_pairs_marks_and_survives_unbalanced_ones():
    text = 'He said: "No way." Then "we go," she said.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["No way.", "we go,"]
    text = "A \u201cbroken quote here.\n\nNext paragraph with \u201ca real quote\u201d here."
    quotes = [text[q.start : q.end] for q in find_quotes(text)]
    assert quotes == ["broken quote here.", "a real quote"]
    text = "Missing opening mark,\u201d he said. \u201cThen more.\u201d"
    quotes = find_quotes(text)
    assert not quotes[0].opened and text[quotes[0].start : quotes[0].end] == "Missing opening mark,"


def test_accusations_and_characterisations(analyse):
    text = ("Moscow accused Washington of transferring militants to Afghanistan. "
            "Maria Zakharova called the report \u201ca blatant provocation\u201d.")
    sts, _, m = analyse(text)
    st = find(sts, "Washington of transferring")
    assert (st.cue, speaker(st, m)) == ("accused", "Moscow")
    st = find(sts, "the report")
    assert (st.cue, speaker(st, m)) == ("called", "Maria Zakharova")
    assert not [s for s in sts if s.kind == "direct"]


def test_passive_quote_and_a_spokesman_for_an_organisation(analyse):
    text = ("\u201cWe will respond to any provocation,\u201d Sergei Lavrov was quoted as saying by RIA Novosti.\n\n"
            "A spokesman for the Russian Defence Ministry said the drills were routine.")
    sts, _, m = analyse(text)
    st = find(sts, "We will respond")
    assert (speaker(st, m), reporter(st, m)) == ("Sergei Lavrov", "RIA Novosti")
    st = find(sts, "the drills were routine")
    assert (speaker(st, m), st.speaker_resolution) == ("Russian Defence Ministry", "nominal")


def test_a_cue_after_a_colon_and_the_sentence_after_the_quote(analyse):
    text = "Dmitry Peskov said: \u201cWe have nothing to do with this.\u201d He added that the Kremlin would not comment."
    sts, _, m = analyse(text)
    st = find(sts, "We have nothing")
    assert (st.kind, st.cue, speaker(st, m)) == ("direct", "said", "Dmitry Peskov")
    st = find(sts, "the Kremlin would not comment")
    assert (st.cue, speaker(st, m), st.speaker_resolution) == ("added", "Dmitry Peskov", "pronoun")
