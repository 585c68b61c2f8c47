"""The per-document token lists (graph.tokens.Tokens, shared by the mentions and statements
stages) and the mention stage's title index read what spaCy's objects would give, so the rules
mean the same whichever they read; the mention records the stage hands on speak the project's
vocabulary (graph.records), not spaCy's."""
from __future__ import annotations

import pytest

from graph.gazetteer import fold, load_gazetteer
from graph.mentions import MentionExtractor, _leading_titles, _titles_by_first_word
from graph.nlp import load_pipeline
from graph.pipeline.analyser import analyse
from graph.records import CueClass, Document, MentionKind, NameType, NounClass
from graph.statements import load_lexicon
from graph.tokens import Tokens

TEXT = (
    "RUSSIA AND CHINA SIGN NEW TREATY\n\n"
    "Russian Deputy Interior Minister Igor Zubov met the Federal Security Service (FSB) in  Moscow.\n"
    "Field Marshal Khalifa Haftar said Kurgan-Tyube's U.S. envoy had left. "
    "\u201cIt is over,\u201d President Putin told Mr Chavez.\n"
    "Murhaba and Amu-Darya"
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def test_tokens_read_what_spacy_gives(nlp):
    doc = nlp(TEXT)
    sents = list(doc.sents)
    toks = Tokens(doc, sents)
    assert toks.doc_text == doc.text
    assert toks.text == [t.text for t in doc] and toks.lower == [t.lower_ for t in doc]
    assert toks.name_word == [t.text[:1].isupper() and (t.is_alpha or t.text.replace(".", "").isalpha()) for t in doc]
    for span in [*sents, *doc.ents, doc[2:7], doc[len(doc) - 3 :]]:
        assert toks.span_text(span.start, span.end) == span.text
        assert (toks.idx[span.start], toks.end_char(span.end)) == (span.start_char, span.end_char)
    for t in doc:
        assert sents[toks.sentence[t.i]] == t.sent
        assert toks.sent_start_of(t.i) == t.sent.start
    assert toks.sents == sents and Tokens(doc).sents == sents
    words = {"say", "minister", "left"}
    assert toks.tokens(words) == [t.i for t in doc if t.lemma_.lower() in words or t.lower_ in words]


def _leading_titles_by_trying_all(words: list[str], gaz) -> tuple[int, str | None, str | None]:
    """The rule as first written: every title, longest first, at every word."""
    i = 0
    role = gender = None
    while i < len(words) - 1:
        for title, title_gender in gaz.titles_by_length:
            n = len(title)
            if i + n < len(words) and words[i : i + n] == [t.rstrip(".") for t in title]:
                role = role or " ".join(title)
                gender = gender or title_gender
                i += n
                break
        else:
            if role is None and fold(words[i]) in gaz.demonym_country and i + 2 < len(words):
                i += 1
                continue
            break
    return (i, role, gender) if role is not None else (0, None, None)


@pytest.mark.parametrize(
    "name",
    [
        "Russian Deputy Interior Minister Igor Zubov",
        "Field Marshal Khalifa Haftar",
        "President Putin",
        "Adm. Mike Mullen",
        "Air Chief Marshal Sir Jock Stirrup",
        "Prime Minister",
        "Igor Zubov",
    ],
)
def test_leading_titles_try_only_the_titles_that_start_with_the_word(nlp, gaz, name):
    doc = nlp.make_doc(name)
    toks = Tokens(doc, [doc[:]])
    expected = _leading_titles_by_trying_all([t.lower_.rstrip(".") for t in doc], gaz)
    assert _leading_titles(toks, 0, len(doc), gaz, _titles_by_first_word(gaz)) == expected


def test_leading_titles_count_a_demonym_and_a_title(nlp, gaz):
    doc = nlp.make_doc("Russian Deputy Interior Minister Igor Zubov")
    toks = Tokens(doc, [doc[:]])
    titles, role, _ = _leading_titles(toks, 0, len(doc), gaz, _titles_by_first_word(gaz))
    assert (titles, role) == (4, "deputy interior minister")


def test_mention_records_speak_the_project_vocabulary(nlp):
    """What a name is, as an enum member the later stages compare (no spaCy label leaves the
    stage); the byline and the outlet have no place in the text: no offsets, no sentence."""
    text = ("Ann Varley, the mayor of Tolbridge, visited Russia on Monday.\n"
            "\u201cWe are ready,\u201d Varley said at the Harbour Ministry.")
    document = Document(id="t", text=text, author="Joe Brill", outlet="Tolbridge Herald")
    analysis = analyse(document, nlp(text), MentionExtractor(load_gazetteer(), nlp))
    mentions = analysis.mentions
    assert mentions and all(isinstance(m.label, NameType) and isinstance(m.kind, MentionKind) for m in mentions)
    metadata = [m for m in mentions if not m.in_text]
    assert [(m.kind, m.name, m.label) for m in metadata] == [
        (MentionKind.BYLINE, "Joe Brill", NameType.PERSON), (MentionKind.OUTLET, "Tolbridge Herald", NameType.ORGANIZATION)]
    assert all(m.start is None and m.end is None and m.sentence is None for m in metadata)
    in_text = [m for m in mentions if m.in_text]
    assert all(text[m.start : m.end] == m.text and 0 <= m.sentence < len(analysis.sentences) for m in in_text)
    by_name = {m.name: m for m in in_text}
    assert by_name["Ann Varley"].label == NameType.PERSON
    assert (by_name["Russia"].label, by_name["Russia"].guessed) == (NameType.COUNTRY, False)  # the curated data says so
    assert [s for s in analysis.statements if "ready" in s.text][0].speaker_mention == mentions.index(by_name["Ann Varley"])


def test_lexicon_classes_are_enum_members():
    lex = load_lexicon()
    assert all(isinstance(cue.cls, CueClass) for cue in [*lex.verbs.values(), *lex.phrasal.values()])
    assert lex.verbs["say"].cls == CueClass.SPEECH
    assert all(isinstance(cls, NounClass) for cls in lex.nouns.values())
    assert lex.nouns["spokesman"] in (NounClass.OFFICIAL, NounClass.PERSON) and "view" in lex.view_nouns
