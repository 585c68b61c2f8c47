"""Table-driven stand-ins for spaCy's ``attribute_ruler`` and ``lemmatizer``: same annotations,
less Python per token.

Why: the stock components cost about a fifth of a parse. ``AttributeRuler`` runs a ``Matcher``
and then, for every match (every token matches a tag-map rule), builds a ``Span`` and calls
``set_token_attrs``; the rule ``Lemmatizer`` calls ``rule_lemmatize`` for every token, and for a
word it has not seen it scans the WordNet index (lists of up to 57,000 words).

* :class:`TableAttributeRuler` (factory ``table_attribute_ruler``) is an ``AttributeRuler`` (same
  patterns and serialization). Which of its one-token rules set a token, and what they set,
  depends only on the token's values of the attributes they test (exact value, IN, NOT_IN,
  REGEX): it is worked out once per combination of values, cached, and written with
  ``Doc.from_array``. Fixed-length patterns of such specs are found from the specs each token
  meets; the others (operators, extensions, MORPH...) stay with a stock ``Matcher``. All
  matches are merged by rule as ``AttributeRuler.match`` orders them (later rules win).
* :class:`TableLemmatizer` (factory ``table_lemmatizer``) wraps the language's own lemmatizer and
  caches its lemma by ``(orth, pos, morph)``; an unseen key goes to the library's own method, run
  against a copy of the tables whose index lists are frozensets.

:func:`use_table_components` puts them in place of a loaded pipeline's stock components, under
the same pipe names (anything else is left alone).
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer, Pipe
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# Token attributes the table may test: their value in ``Doc.to_array`` is the one the Matcher
# compares (not so for MORPH). REGEX only on the string-valued ones.
_STRING_ATTRS = frozenset(IDS[a] for a in "ORTH LOWER NORM SHAPE PREFIX SUFFIX LEMMA POS TAG DEP ENT_TYPE".split())
_TESTED = _STRING_ATTRS | {IDS[a] for a in (
    "LENGTH IS_ALPHA IS_ASCII IS_DIGIT IS_LOWER IS_PUNCT IS_SPACE IS_TITLE IS_UPPER LIKE_URL LIKE_NUM LIKE_EMAIL "
    "IS_STOP IS_BRACKET IS_QUOTE IS_LEFT_PUNCT IS_RIGHT_PUNCT IS_CURRENCY").split()}
# What a rule sets that is written with ``Doc.from_array``: fields of the token only (for these
# ``set_token_attrs`` touches nothing else). Anything else (NORM, lexeme flags...) is set token
# by token with ``set_token_attrs``.
_WRITTEN = (LEMMA, POS, TAG, MORPH, DEP)
# The caches hold one entry per distinct key (a value of an attribute, an (orth, pos, morph)
# triple), so they grow with the vocabulary, not with the corpus; past this many entries one is
# emptied and starts again, which costs only time.
MAX_CACHE_ENTRIES = 1_000_000

Condition = tuple[int, str, Any]  # (attribute, "IN" | "NOT_IN" | "REGEX", frozenset of values | regex)


def _conditions(spec: Any, vocab: Vocab) -> list[Condition] | None:
    """The conditions of one Matcher token spec (an exact value is IN a set of one), or None when
    the table cannot decide it exactly as the Matcher does."""
    if not isinstance(spec, dict):
        return None
    conditions: list[Condition] = []
    for key, value in spec.items():
        attr = IDS.get("ORTH" if key.upper() == "TEXT" else key.upper()) if isinstance(key, str) else None
        if attr not in _TESTED:
            return None
        if not isinstance(value, dict):  # the Matcher interns an exact string value
            value = {"IN": [vocab.strings.add(value) if isinstance(value, str) else value]}
        for kind, operand in value.items():
            kind = kind.upper() if isinstance(kind, str) else kind
            if kind in ("IN", "NOT_IN") and isinstance(operand, (list, tuple)) and all(
                    isinstance(v, str) or isinstance(v, int) and 0 <= v < 2**64 for v in operand):
                conditions.append((attr, kind, frozenset(map(get_string_id, operand))))
            elif kind == "REGEX" and isinstance(operand, str) and attr in _STRING_ATTRS:
                conditions.append((attr, kind, re.compile(operand)))
            else:
                return None
    return conditions


class _Representatives(dict):
    """A cache for one tested attribute: value -> the first value seen that meets the same
    conditions (its own if an IN/NOT_IN names it; else any other matching the same regexes)."""

    def __init__(self, named: set[int], regexes: list[re.Pattern], vocab: Vocab) -> None:
        super().__init__()
        self.named, self.regexes, self.strings = named, regexes, vocab.strings
        self.first: dict[tuple, int] = {}

    def __missing__(self, value: int) -> int:
        if len(self) >= MAX_CACHE_ENTRIES:
            self.clear()
        key = (value if value in self.named else None, *(bool(r.search(self.strings[value])) for r in self.regexes))
        self[value] = self.first.setdefault(key, value)
        return self[value]


class _RuleTable(dict):
    """An ``AttributeRuler``'s rules, compiled; :meth:`apply` sets what the ruler would set.

    As a dict, a cache: the representatives of a token's values of ``key_attrs`` -> the id of its
    effect, the one-token rules that set it and the specs of longer patterns it meets (about
    600 combinations and 200 effects on 300 BBC articles).
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        super().__init__()
        self.ruler, self.vocab = ruler, ruler.vocab
        # A ruler setting extension attributes (their setters may run any code) is left to the
        # stock method.
        self.usable = not any("_" in attrs for attrs in ruler.attrs)
        self.writes = [{_WRITTEN.index(a): v for a, v in attrs.items() if a in _WRITTEN} for attrs in ruler.attrs]
        self.other_sets = [{a: v for a, v in attrs.items() if a not in _WRITTEN} for attrs in ruler.attrs]
        self.single: list[tuple[int, list[Condition]]] = []  # one-token patterns: (rule, conditions)
        self.specs: list[list[Condition]] = []  # the token specs of the longer ones
        self.fixed: list[tuple[int, range]] = []  # longer patterns: (rule, their specs' ids)
        self.matcher = Matcher(self.vocab, validate=ruler.validate)  # the others, under the same keys
        for rule, index in enumerate(ruler.indices):
            rest = []
            for pattern in ruler.matcher.get(str(rule))[1]:
                specs = [_conditions(spec, self.vocab) for spec in pattern]
                if not specs or None in specs:
                    rest.append(pattern)
                elif len(specs) == 1 and index in (0, -1):
                    self.single.append((rule, specs[0]))
                else:
                    self.fixed.append((rule, range(len(self.specs), len(self.specs) + len(specs))))
                    self.specs += specs
            if rest:
                self.matcher.add(str(rule), rest)
        named: dict[int, set[int]] = {}  # per tested attribute, the values an IN/NOT_IN names
        regexes: dict[int, list[re.Pattern]] = {}
        for attr, kind, operand in [c for _, spec in self.single for c in spec] + sum(self.specs, []):
            named.setdefault(attr, set()).update(() if kind == "REGEX" else operand)
            if kind == "REGEX":
                regexes.setdefault(attr, []).append(operand)
        self.key_attrs = sorted(named)
        self.representatives = [_Representatives(named[a], regexes.get(a, []), self.vocab) for a in self.key_attrs]
        self.effects: dict[tuple[tuple[int, ...], tuple[int, ...]], int] = {}  # (rules, specs) -> id
        self._arrays: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None

    def __missing__(self, row: tuple[int, ...]) -> int:
        if len(self) >= MAX_CACHE_ENTRIES:
            self.clear()
        token, strings = dict(zip(self.key_attrs, row)), self.vocab.strings

        def holds(conditions: list[Condition]) -> bool:  # as the Matcher's predicates read the values
            return all(operand.search(strings[token[a]]) is not None if kind == "REGEX"
                       else (token[a] in operand) == (kind == "IN") for a, kind, operand in conditions)

        rules = [rule for rule, conditions in self.single if holds(conditions)]
        effect = self[row] = self.effect(rules, [i for i, spec in enumerate(self.specs) if holds(spec)])
        return effect

    def effect(self, rules: Iterable[int], specs: Iterable[int] = ()) -> int:
        """The id of the effect of one-token ``rules`` on a token that meets ``specs``."""
        key = (tuple(sorted(set(rules))), tuple(specs))
        if key not in self.effects:
            self.effects[key] = len(self.effects)
            self._arrays = None
        return self.effects[key]

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """By effect id: each _WRITTEN value and whether it is set (later rules overwrite earlier
        ones, as ``AttributeRuler.match`` sorts matches by rule); whether it meets a spec."""
        if self._arrays is None:
            values = np.zeros((len(self.effects), len(_WRITTEN)), dtype=np.uint64)
            is_set = np.zeros((len(self.effects), len(_WRITTEN)), dtype=bool)
            for (rules, _), effect in self.effects.items():
                for rule in rules:
                    for column, value in self.writes[rule].items():
                        values[effect, column], is_set[effect, column] = value, True
            self._arrays = (values, is_set, np.array([bool(specs) for _, specs in self.effects], dtype=bool))
        return self._arrays

    def _fixed_matches(self, effects: np.ndarray) -> list[tuple[int, int, int]]:
        """The matches of the longer table patterns, as (rule, start, end)."""
        specs_of = [specs for _, specs in self.effects]
        at: dict[int, set[int]] = {}  # spec id -> the tokens that meet it
        for i in np.flatnonzero(self.arrays()[2][effects]).tolist():
            for spec in specs_of[effects[i]]:
                at.setdefault(spec, set()).add(i)
        return [(rule, i, i + len(specs)) for rule, specs in self.fixed for i in at.get(specs[0], ())
                if all(i + k in at.get(spec, ()) for k, spec in enumerate(specs))]

    def apply(self, doc: Doc) -> None:
        """Set on ``doc`` what the ruler would set."""
        n = len(doc)
        if not n:
            return
        rows = [()] * n
        if self.key_attrs:
            columns = doc.to_array(self.key_attrs).reshape(n, -1).T.tolist()
            rows = zip(*[map(values.__getitem__, column) for values, column in zip(self.representatives, columns)])
        effects = np.fromiter(map(self.__getitem__, rows), dtype=np.intp, count=n)
        found = self._fixed_matches(effects) if self.fixed else []
        if len(self.matcher):
            found += [(int(self.vocab.strings[key]), start, end)
                      for key, start, end in self.matcher(doc, allow_missing=True, as_spans=False)]
        added: dict[int, list[int]] = {}  # target token -> the rules of its matches
        for rule, start, end in sorted(found):  # as AttributeRuler.match orders them
            index = self.ruler.indices[rule]
            target = index + (end if index < 0 else start)
            if not start <= target < end:  # as AttributeRuler.set_annotations
                raise ValueError(Errors.E1001.format(patterns=self.ruler.matcher.get(str(rule)),
                                                     span=[t.text for t in doc[start:end]], index=index))
            added.setdefault(target, []).append(rule)
        rules_of = [rules for rules, _ in self.effects]
        for target, rules in added.items():
            effects[target] = self.effect(rules + list(rules_of[effects[target]]))
        if any(self.other_sets):  # in rule order, as a lexeme is shared by tokens
            rules_of = [rules for rules, _ in self.effects]
            for rule, i in sorted((rule, i) for i, effect in enumerate(effects.tolist()) for rule in rules_of[effect]):
                if self.other_sets[rule]:
                    set_token_attrs(doc[i], self.other_sets[rule])
        values, is_set, _ = self.arrays()
        token_set = is_set[effects]
        written = token_set.any(axis=0)
        if written.any():
            columns = [a for a, w in zip(_WRITTEN, written) if w]
            current = doc.to_array(columns).reshape(n, -1)
            doc.from_array(columns, np.where(token_set[:, written], values[effects][:, written], current))


class TableAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that applies its rules through a :class:`_RuleTable`: same patterns,
    serialization and results as the stock component."""

    component_version = "1"  # part of graph.nlp.pipeline_version: bump when results may change
    _table: _RuleTable | None = None  # compiled on the first document after a change of patterns

    def clear(self) -> None:
        super().clear()
        self._table = None

    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._table = None

    def __call__(self, doc: Doc) -> Doc:
        if self._table is None:
            self._table = _RuleTable(self)
        if not self._table.usable:
            return super().__call__(doc)
        try:
            self._table.apply(doc)
            return doc
        except Exception as e:  # noqa: BLE001 - as AttributeRuler: the pipeline's error handler decides
            return self.get_error_handler()(self.name, self, [doc], e)

    def __reduce__(self):  # for spawned workers: the patterns, not the table (compiled again)
        return _unpickle_ruler, (type(self), self.name, {k: v for k, v in self.__dict__.items() if k != "_table"})


def _unpickle_ruler(cls: type, name: str, state: dict) -> TableAttributeRuler:
    ruler = cls.__new__(cls)
    ruler.__dict__.update(state)
    ruler.name = name  # a Cython field of Pipe, not in __dict__
    return ruler


@Language.factory(
    "table_attribute_ruler",
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep"],
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_table_attribute_ruler(nlp: Language, name: str, validate: bool,
                               scorer: Callable | None) -> TableAttributeRuler:
    """The ``table_attribute_ruler`` factory: configured as spaCy's ``attribute_ruler``."""
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


class _NoCache(dict):
    """The wrapped lemmatizer's own cache, redundant (and unbounded) beside TableLemmatizer's."""

    def __setitem__(self, key, value) -> None:
        pass


class TableLemmatizer(Pipe):
    """The language's own lemmatizer (``inner``), with lemmas cached by ``(orth, pos, morph)`` and
    written with ``Doc.from_array``. Same results; any other attribute (``vocab``, ``lookups``,
    ``mode``, ``scorer``, ``to_bytes``, ``to_disk``...) is the inner one's."""

    component_version = "1"  # part of graph.nlp.pipeline_version: bump when results may change

    def __init__(self, inner: Lemmatizer) -> None:
        self.inner, self.name = inner, inner.name
        self._lookups: Lookups | None = None  # the inner lookups that the caches are for
        # (orth, pos, morph) -> lemma string (not hash, so a spaCy memory zone cannot orphan it).
        self._lemmas: dict[tuple[int, int, int], str] = {}
        self._lemmatize: Callable | None = None  # see _fast_lemmatize

    def __getattr__(self, name: str) -> Any:  # only for what this class does not have
        if name == "inner" or name.startswith("__"):  # (no recursion before __init__ sets inner)
            raise AttributeError(name)
        return getattr(self.inner, name)

    # Loading is the inner lemmatizer's (the caches follow its lookups), but returns this one.

    def initialize(self, get_examples: Callable | None = None, **kwargs: Any) -> None:
        self.inner.initialize(get_examples, **kwargs)

    def from_bytes(self, bytes_data: bytes, **kwargs: Any) -> TableLemmatizer:
        self.inner.from_bytes(bytes_data, **kwargs)
        return self

    def from_disk(self, path: Any, **kwargs: Any) -> TableLemmatizer:
        self.inner.from_disk(path, **kwargs)
        return self

    def __reduce__(self):  # for spawned workers: the inner lemmatizer, not the caches
        return type(self), (self.inner,)

    def _fast_lemmatize(self) -> Callable:
        """The inner lemmatizer's own method for its mode, bound to a shallow copy of it whose
        ``lemma_index`` lists are frozensets: ``form in index``, all that ``rule_lemmatize`` asks
        of the index, becomes a hash lookup instead of a scan of a list."""
        if self._lemmatize is None:
            inner, proxy = self.inner, type(self.inner).__new__(type(self.inner))
            proxy.__dict__.update(inner.__dict__)
            proxy.name, proxy.cache, proxy.lookups = inner.name, _NoCache(), Lookups()
            for name in inner.lookups.tables:
                table = inner.lookups.get_table(name)
                if name == "lemma_index":
                    table = Table.from_dict({pos: frozenset(words) if isinstance(words, list) else words
                                             for pos, words in table.items()}, name)
                proxy.lookups.set_table(name, table)
            self._lemmatize = getattr(proxy, f"{proxy.mode}_lemmatize")
        return self._lemmatize

    def __call__(self, doc: Doc) -> Doc:
        if not self.inner._validated:
            self.inner._validate_tables(Errors.E1004)
        if self._lookups is not self.inner.lookups:  # new tables (initialize, from_bytes...): new caches
            self._lookups, self._lemmas, self._lemmatize = self.inner.lookups, {}, None
        try:
            self._apply(doc)
            return doc
        except Exception as e:  # noqa: BLE001 - as Lemmatizer: the pipeline's error handler decides
            return self.get_error_handler()(self.name, self, [doc], e)

    def _apply(self, doc: Doc) -> None:
        array = doc.to_array([LEMMA, ORTH, POS, MORPH])
        todo = np.arange(len(doc)) if self.inner.overwrite else np.flatnonzero(array[:, 0] == 0)
        lemmas, out = self._lemmas, []
        for i, key in zip(todo.tolist(), map(tuple, array[todo, 1:].tolist())):
            lemma = lemmas.get(key)
            if lemma is None:
                if len(lemmas) >= MAX_CACHE_ENTRIES:
                    lemmas.clear()
                lemma = lemmas[key] = self._fast_lemmatize()(doc[i])[0]
            out.append(lemma)
        if out:
            add = self.inner.vocab.strings.add  # as ``token.lemma_ = ...`` does
            hashes = {lemma: add(lemma) for lemma in set(out)}
            array[todo, 0] = [hashes[lemma] for lemma in out]
            doc.from_array([LEMMA], array[:, :1])


@Language.factory(
    "table_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "rule", "overwrite": False,
                    "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}},
    default_score_weights={"lemma_acc": 1.0},
)
def make_table_lemmatizer(nlp: Language, model, name: str, mode: str, overwrite: bool,
                          scorer: Callable | None) -> TableLemmatizer:
    """The ``table_lemmatizer`` factory: configured as the language's ``lemmatizer``, which it
    creates and wraps."""
    inner = nlp.create_pipe("lemmatizer", name=name, config={"model": model, "mode": mode, "overwrite": overwrite})
    inner.scorer = scorer
    return TableLemmatizer(inner)


def _is_table_lemmatizable(lemmatizer: Any) -> bool:
    """A stock lemmatizer whose lemma is a function of (orth, pos, morph): the library's own
    ``__call__`` and mode method, and a base-form test that reads only POS and MORPH."""
    cls = type(lemmatizer)
    if not isinstance(lemmatizer, Lemmatizer) or cls.__call__ is not Lemmatizer.__call__:
        return False
    if lemmatizer.mode == "lookup":
        return cls.lookup_lemmatize is Lemmatizer.lookup_lemmatize
    return lemmatizer.mode == "rule" and cls.rule_lemmatize is Lemmatizer.rule_lemmatize and cls.is_base_form in (
        Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)


def use_table_components(nlp: Language) -> list[str]:
    """Replace ``nlp``'s stock ``attribute_ruler`` and ``lemmatizer`` (made by the factories of
    those names, of the stock classes) by the table-driven ones, in place and under the same
    names; return the names replaced. Components of any other kind are left as they are."""
    replaced = []
    for name, pipe in list(nlp.pipeline):
        factory = nlp.get_pipe_meta(name).factory
        if factory == "attribute_ruler" and type(pipe) is AttributeRuler:
            fast = nlp.replace_pipe(name, "table_attribute_ruler", config={"validate": pipe.validate})
            fast.add_patterns(pipe.patterns)
            fast.scorer = pipe.scorer
        elif factory == "lemmatizer" and _is_table_lemmatizable(pipe):
            config = {"mode": pipe.mode, "overwrite": pipe.overwrite}
            if type(nlp.create_pipe("lemmatizer", config=config)) is not type(pipe):
                continue  # the language's lemmatizer is not the one loaded: keep that one
            fast = nlp.replace_pipe(name, "table_lemmatizer", config=config)
            fast.initialize(lookups=pipe.lookups)
            fast.inner.scorer = pipe.scorer
        else:
            continue
        replaced.append(name)
    return replaced
