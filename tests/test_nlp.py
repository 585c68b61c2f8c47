"""The table-driven ``attribute_ruler`` and ``lemmatizer`` (graph.nlp_tables): the pipeline that
``load_pipeline`` gives annotates exactly as the stock pipeline does, token by token, on the seed
articles, on generated texts and with hand-made rules that reach every path of the table."""
from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.lookups import Lookups
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

from graph.cache import decode_doc, encode_doc
from graph.nlp import load_pipeline, pipeline_version
from graph.nlp_ner import BatchEntityRecognizer, use_batch_ner
from graph.nlp_tables import TableAttributeRuler, TableLemmatizer, use_table_components

SEEDS = sorted((Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
ATTRS = ["ORTH", "POS", "TAG", "DEP", "HEAD", "MORPH", "LEMMA", "ENT_IOB", "ENT_TYPE", "SENT_START", "NORM", "SPACY"]


@pytest.fixture(scope="module")
def fast():
    return load_pipeline()


@pytest.fixture(scope="module")
def stock(fast):
    """A second copy of the same package, with its stock components (and our paragraph_breaks)."""
    nlp = load_pipeline(stock=True)  # as spaCy ships it (the benchmark's floor)
    assert "paragraph_breaks" not in nlp.pipe_names and nlp.meta["name"] == fast.meta["name"]
    nlp.add_pipe("paragraph_breaks", before="parser")
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler
    return nlp


def assert_same(doc: Doc, expected: Doc, attrs=ATTRS) -> None:
    assert doc.text == expected.text
    np.testing.assert_array_equal(doc.to_array(attrs), expected.to_array(attrs))
    assert [str(t.morph) for t in doc] == [str(t.morph) for t in expected]
    assert [t.lemma_ for t in doc] == [t.lemma_ for t in expected]
    assert [t.pos_ for t in doc] == [t.pos_ for t in expected]


# --- the default pipeline ---------------------------------------------------------------------


def test_the_default_pipeline_has_the_table_components_under_the_stock_names(fast, stock):
    assert fast.pipe_names == stock.pipe_names
    assert isinstance(fast.get_pipe("attribute_ruler"), TableAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), TableLemmatizer)
    assert fast.get_pipe("lemmatizer").lookups.has_table("lemma_index")  # graph.mentions reads it
    assert isinstance(fast.get_pipe("ner"), BatchEntityRecognizer)
    assert fast.get_pipe("ner").labels == stock.get_pipe("ner").labels
    version = pipeline_version(fast)
    assert "attribute_ruler=table_attribute_ruler@1" in version and "lemmatizer=table_lemmatizer@1" in version
    assert "ner=batch_entity_recognizer@1" in version
    assert version != pipeline_version(stock)
    assert "=" not in pipeline_version(stock).rsplit("/", 1)[1]  # a stock pipeline's key is unchanged


def test_a_new_component_version_is_a_new_pipeline_version(fast, monkeypatch):
    before = pipeline_version(fast)
    monkeypatch.setattr(TableLemmatizer, "component_version", "2")
    assert pipeline_version(fast) != before


def test_seed_articles_are_annotated_as_by_the_stock_pipeline(fast, stock):
    texts = [path.read_text(encoding="utf-8") for path in SEEDS]
    assert texts
    for doc, expected in zip(fast.pipe(texts), stock.pipe(texts)):
        assert_same(doc, expected)
        assert doc.to_bytes() == expected.to_bytes()  # everything, the tensor included
        assert_same(decode_doc(encode_doc(doc), fast.vocab, doc.text), expected)  # the parse cache


WORDS = ["'s", "y'all", "y' all", "gonna", "gotta", "let's", "Let's", "ain't", "c'mon", "nothin'", "doin'", "ol'",
         "'em", "'nuff", "I", "i", "you", "it", "me", "there", "There", "is", "are", "'re", "'m", "did", "had", "has",
         "got", "gets", "been", "being", "that", "which", "but", "not", "n't", "can't", "won't", "shan't", "'d",
         "would", "The", "BBC", "London", "Sergey", "Lavrov", "said", "running", "better", "children", "geese",
         "was", "were", "do", "does", "something", "Nobody", "himself", "its", "their", "here", "once", "well",
         "if", "though", "1,000", "$5bn", "U.S.", "e-mail", ".", ",", "!", "?", '"', "(", ")", "-", ":", "\u2019s"]
SEPARATORS = [" ", " ", " ", "", "\n", "\n\n", "  ", " \n "]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=0, max_size=30))
def test_generated_texts_are_annotated_as_by_the_stock_pipeline(fast, stock, pieces):
    text = "".join(word + sep for word, sep in pieces)
    assert_same(fast(text), stock(text))


def test_entities_of_a_batch_are_those_of_the_stock_recognizer(fast, stock):
    """Documents of every length decoded together (one of them empty, one a single word, lines
    of spaces and sentence breaks) get the stock component's entities, in any batch."""
    texts = [path.read_text(encoding="utf-8") for path in SEEDS][:6] + [
        "", "Paris", "Ann Lee met Tom Okafor in Lagos.\n\nThe Bank of Nowhere said on Monday it had lost $5bn.",
        "  \n Mr. Lee \n\n Acme Corp.  ", "Ann Lee\nToronto\nNorth Ridge Council",
    ]
    expected = [stock.get_pipe("ner")(doc) for doc in stock.pipe(texts, disable=["ner"])]
    for batch_size in (1, 3, 64):
        docs = list(fast.pipe(texts, batch_size=batch_size))
        for doc, want in zip(docs, expected):
            assert_same(doc, want, ["ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID"])
            assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in want.ents]


def test_entities_set_before_the_recognizer_are_kept_as_by_the_stock_one(fast, stock):
    """A ruler's entities before ``ner`` bind the moves (spaCy's preset rules): the stock
    component decodes such a batch."""
    texts = ["Ann Lee met the Zorblax Council in Lagos.", "Tom Okafor spoke in Ghent on Monday."]
    pipelines = []
    for nlp in (stock, fast):
        ruled = load_pipeline(stock=nlp is stock)
        ruled.add_pipe("entity_ruler", before="ner").add_patterns([{"label": "ORG", "pattern": "Zorblax Council"}])
        pipelines.append(ruled)
    assert isinstance(pipelines[1].get_pipe("ner"), BatchEntityRecognizer)
    docs = list(pipelines[1].pipe(texts))
    for doc, want in zip(docs, pipelines[0].pipe(texts)):
        assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in want.ents]
    assert ("Zorblax Council", "ORG") in [(e.text, e.label_) for e in docs[0].ents]


def test_a_recognizer_it_cannot_decode_exactly_is_left_alone():
    nlp = load_pipeline(stock=True)
    stock = nlp.get_pipe("ner")
    stock.cfg["beam_width"] = 4  # beam search: not the greedy decoding done here
    try:
        assert not use_batch_ner(nlp)
        assert nlp.get_pipe("ner") is stock
    finally:
        stock.cfg["beam_width"] = 1


def test_the_components_pickle(fast):
    """What a worker process or a pickled pipeline gets works as the original."""
    text = SEEDS[0].read_text(encoding="utf-8")
    expected = fast(text)
    vocab, ruler, lemmatizer, ner = pickle.loads(pickle.dumps(
        (fast.vocab, fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer"), fast.get_pipe("ner"))))
    assert ruler.vocab is vocab and lemmatizer.vocab is vocab
    parsed = fast(text, disable=["attribute_ruler", "lemmatizer", "ner"])
    doc = lemmatizer(ruler(Doc(vocab).from_bytes(parsed.to_bytes())))
    assert_same(doc, expected, [a for a in ATTRS if not a.startswith("ENT_")])
    assert_same(ner(doc), expected)


# --- every path of the table, with hand-made rules --------------------------------------------

RULES = [
    {"patterns": [[{}]], "attrs": {"LEMMA": "any"}},  # every token; later rules override it
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"LOWER": {"IN": ["a", "the"]}, "TAG": "DT"}]], "attrs": {"MORPH": "PronType=Art", "LEMMA": "the"}},
    {"patterns": [[{"TEXT": {"REGEX": "^[A-Z]"}}]], "attrs": {"NORM": "capital"}},  # a token-only field, per token
    {"patterns": [[{"lower": "run"}, {"TAG": "NN"}]], "attrs": {"DEP": "compound"}},  # two tokens, the first
    {"patterns": [[{"LOWER": "big"}, {"OP": "?"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "large"}, "index": -1},  # Matcher
    {"patterns": [[{"TAG": {"NOT_IN": ["NN", ""]}, "DEP": "nsubj"}]], "attrs": {"POS": "PRON"}},
    {"patterns": [[{"IS_PUNCT": True}]], "attrs": {"TAG": "PUNCT", "IS_STOP": True}},  # a lexeme flag, per token
    {"patterns": [[{"IS_PUNCT": True, "LOWER": "!"}]], "attrs": {"IS_STOP": False}},  # ... in rule order
    {"patterns": [[{"LOWER": "dog"}], [{"TAG": "VB", "LENGTH": 3}]], "attrs": {"LEMMA": "hound", "POS": "X"}},
    {"patterns": [[{"LOWER": {"REGEX": "^d"}}, {"LOWER": {"IN": ["ran", "runs"]}}]], "attrs": {"POS": "VERB"}, "index": 1},
    {"patterns": [[{"DEP": "det"}, {"IS_ALPHA": True}]], "attrs": {"MORPH": "Definite=Def", "TAG": "NNX"}, "index": -1},
    {"patterns": [[{"ORTH": {"FUZZY": "cat"}}]], "attrs": {"LEMMA": "feline"}},  # a predicate left to the Matcher
    {"patterns": [[{"LOWER": "x"}]], "attrs": {"DEP": "dep", "MORPH": "_"}},
]
SMALL_WORDS = ["the", "a", "The", "dog", "Dog", "run", "ran", "runs", "big", "cat", "cats", "x", ".", "!", "did", "I"]
SMALL_TAGS = ["NN", "DT", "VB", "IN", "_SP", "NNP"]
SMALL_DEPS = ["nsubj", "dobj", "det", "ROOT", "dep"]


def _ruled_pipelines(rules):
    """Two blank pipelines (two vocabs: a rule may change a lexeme) with the same rules, the
    stock ruler in one and the table-driven one in the other."""
    pipelines = []
    for table in (False, True):
        nlp = spacy.blank("en")
        nlp.add_pipe("attribute_ruler").add_patterns(rules)
        if table:
            assert use_table_components(nlp) == ["attribute_ruler"]
        pipelines.append(nlp)
    return pipelines


def _annotated(nlp, words, tags, deps):
    return Doc(nlp.vocab, words=words, tags=tags, deps=deps, heads=[len(words) - 1] * len(words))


@pytest.fixture(scope="module")
def ruled():
    return _ruled_pipelines(RULES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(SMALL_WORDS), st.sampled_from(SMALL_TAGS), st.sampled_from(SMALL_DEPS)),
                min_size=1, max_size=12))
def test_hand_made_rules_are_applied_as_by_the_stock_ruler(ruled, tokens):
    # The two vocabs see the same rules on the same docs, so the lexeme flags the rules set
    # evolve alike in both.
    stock, table = ruled
    words, tags, deps = map(list, zip(*tokens))
    expected = stock(_annotated(stock, words, tags, deps))
    doc = table(_annotated(table, words, tags, deps))
    assert_same(doc, expected, ATTRS + ["IS_STOP"])
    assert [t.norm_ for t in doc] == [t.norm_ for t in expected]


def test_a_rule_index_outside_its_match_fails_as_in_the_stock_ruler():
    rules = [{"patterns": [[{"LOWER": "a"}, {"LOWER": "b"}]], "attrs": {"LEMMA": "x"}, "index": 2}]
    messages = []
    for nlp in _ruled_pipelines(rules):
        nlp(_annotated(nlp, ["c"], ["NN"], ["ROOT"]))  # no match, no error
        with pytest.raises(ValueError, match="E1001") as error:
            nlp(_annotated(nlp, ["a", "b"], ["NN", "NN"], ["ROOT", "dep"]))
        messages.append(str(error.value))
    assert messages[0] == messages[1]


def test_extension_attributes_are_left_to_the_stock_method():
    Token.set_extension("table_test_flag", default=False, force=True)
    rules = [{"patterns": [[{"LOWER": "dog"}]], "attrs": {"_": {"table_test_flag": True}, "LEMMA": "hound"}}]
    docs = [nlp(_annotated(nlp, ["a", "dog"], ["DT", "NN"], ["det", "ROOT"])) for nlp in _ruled_pipelines(rules)]
    for doc in docs:
        assert [t._.table_test_flag for t in doc] == [False, True] and doc[1].lemma_ == "hound"


def test_patterns_added_later_are_used(fast):
    _, table = _ruled_pipelines(RULES[:2])
    doc = table(_annotated(table, ["dog"], ["NN"], ["ROOT"]))
    assert doc[0].lemma_ == "any"
    table.get_pipe("attribute_ruler").add([[{"LOWER": "dog"}]], {"LEMMA": "hound"})
    assert table(_annotated(table, ["dog"], ["NN"], ["ROOT"]))[0].lemma_ == "hound"


# --- the lemmatizer in lookup and rule modes --------------------------------------------------


def _lemmatizing_pipelines(mode: str, overwrite: bool):
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"dogs": "dog", "ran": "run", "geese": "goose"})
    lookups.add_table("lemma_rules", {"noun": [["s", ""], ["ies", "y"]], "verb": [["ed", ""], ["ing", ""]]})
    lookups.add_table("lemma_index", {"noun": ["dog", "city", "cat"], "verb": ["walk"]})
    lookups.add_table("lemma_exc", {"noun": {"geese": ["goose"]}})
    pipelines = []
    for table in (False, True):
        nlp = spacy.blank("en")
        nlp.add_pipe("lemmatizer", config={"mode": mode, "overwrite": overwrite}).initialize(lookups=lookups)
        if table:
            assert use_table_components(nlp) == ["lemmatizer"]
            assert nlp.get_pipe("lemmatizer").mode == mode
        pipelines.append(nlp)
    return pipelines


@pytest.mark.parametrize("mode", ["lookup", "rule"])
@pytest.mark.parametrize("overwrite", [False, True])
def test_the_lemmatizer_gives_the_stock_lemmas(mode, overwrite):
    words = ["Dogs", "dogs", "ran", "geese", "cities", "walked", "walking", "cats", "Cats", "dogs", "x"]
    pos = ["NOUN", "NOUN", "VERB", "NOUN", "NOUN", "VERB", "VERB", "NOUN", "PROPN", "VERB", "SPACE"]
    lemmas = ["", "", "", "", "preset", "", "", "", "", "", ""]
    morphs = ["Number=Plur", "Number=Sing", "", "", "", "Tense=Past", "VerbForm=Inf", "", "", "", ""]
    docs = [nlp(Doc(nlp.vocab, words=words, pos=pos, lemmas=lemmas, morphs=morphs))
            for nlp in _lemmatizing_pipelines(mode, overwrite)]
    assert_same(docs[1], docs[0], ["ORTH", "POS", "MORPH", "LEMMA"])
    assert (docs[1][4].lemma_ == "preset") is not overwrite


def test_other_components_are_left_alone():
    nlp = spacy.blank("nl")  # Dutch lemmatizer: its own lookup and rule methods
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("attribute_ruler", name="my_ruler")
    assert use_table_components(nlp) == ["my_ruler"]
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "DutchLemmatizer"
    assert pipeline_version(nlp).endswith("/lemmatizer,my_ruler=table_attribute_ruler@1")
