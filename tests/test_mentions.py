"""The mention stage's per-document token lists (graph.mentions.Tokens) and title index read what
spaCy's objects would give, so the rules mean the same whichever they read."""
from __future__ import annotations

import pytest

from graph.gazetteer import fold, load_gazetteer
from graph.mentions import Tokens, _leading_titles, _titles_by_first_word
from graph.nlp import load_pipeline

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
