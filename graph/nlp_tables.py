"""Table-driven stand-ins for spaCy's ``attribute_ruler`` and ``lemmatizer``: same annotations,
less Python per token.

Why: the stock components cost about a fifth of a parse. ``AttributeRuler`` runs a ``Matcher``
and then, for every match (every token matches at least one tag-map rule), builds a ``Span`` and
calls ``set_token_attrs``; the rule ``Lemmatizer`` calls ``rule_lemmatize`` for every token, and
for a word it has not seen it scans the WordNet index (lists of up to 57,000 words) once per
candidate form.

What they do instead:

* :class:`TableAttributeRuler` (factory ``table_attribute_ruler``) is an ``AttributeRuler`` (same
  patterns, same serialization) that compiles its patterns into a table. The attributes the
  patterns test (TAG, LOWER, DEP, IS_SPACE for ``en_core_web_sm``) are encoded with numpy into one
  integer per token: each value the patterns name keeps its own code, every other value shares
  one (plus a bit per REGEX it matches). Which rules match a code, and what they then set, is
  worked out once and cached across documents; the results are written back with
  ``Doc.from_array``. Fixed-length patterns of several tokens are found by shifting per-token
  booleans. Patterns the table cannot decide exactly (operators, extension attributes, MORPH,
  FUZZY...) stay with a stock ``Matcher``, run only on a document that has a token for each of
  their other specs. All matches are merged by rule index, in the order ``AttributeRuler.match``
  gives them (later rules win).
* :class:`TableLemmatizer` (factory ``table_lemmatizer``) wraps the language's own lemmatizer and
  caches its lemma by ``(orth, pos, morph)``, for the tokens that have no lemma yet (or all of
  them with ``overwrite``). An unseen key is lemmatized by the library's own method (so the rules
  are the library's), run against a copy of the tables whose index lists are frozensets.

:func:`use_table_components` puts them in place of the stock components of a loaded pipeline when
those are the stock classes (anything else is left alone). The pipe names stay ``attribute_ruler``
and ``lemmatizer``, so code that asks for them keeps working.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
from spacy.attrs import (
    DEP,
    ENT_TYPE,
    IDS,
    IS_ALPHA,
    IS_ASCII,
    IS_BRACKET,
    IS_CURRENCY,
    IS_DIGIT,
    IS_LEFT_PUNCT,
    IS_LOWER,
    IS_PUNCT,
    IS_QUOTE,
    IS_RIGHT_PUNCT,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LEMMA,
    LENGTH,
    LIKE_EMAIL,
    LIKE_NUM,
    LIKE_URL,
    LOWER,
    MORPH,
    NORM,
    ORTH,
    POS,
    PREFIX,
    SHAPE,
    SUFFIX,
    TAG,
)
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer, Pipe
from spacy.pipeline.attributeruler import attribute_ruler_score
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

# Token attributes a compiled pattern may test: their value in ``Doc.to_array`` is the value the
# Matcher compares (``get_token_attr``). String-valued ones may also be tested by REGEX.
_STRING_KEYS = frozenset({ORTH, LOWER, NORM, SHAPE, PREFIX, SUFFIX, LEMMA, POS, TAG, DEP, ENT_TYPE})
_KEYS = _STRING_KEYS | {LENGTH, IS_ALPHA, IS_ASCII, IS_DIGIT, IS_LOWER, IS_PUNCT, IS_SPACE, IS_TITLE, IS_UPPER,
                        LIKE_URL, LIKE_NUM, LIKE_EMAIL, IS_STOP, IS_BRACKET, IS_QUOTE, IS_LEFT_PUNCT,
                        IS_RIGHT_PUNCT, IS_CURRENCY}
# What a rule sets that is written with ``Doc.from_array``: fields of the token only (for these
# ``set_token_attrs`` touches nothing else), and ``to_array`` reads them back unchanged. Any
# other attribute (NORM, ENT_*, lexeme flags...) is set per token with ``set_token_attrs``.
_WRITTEN = (LEMMA, POS, TAG, MORPH, DEP)
_UINT64_MAX = 2**64 - 1
# The caches hold one entry per distinct key (a table code, an attribute value, an
# (orth, pos, morph) triple), so they grow with the vocabulary, not with the corpus; past this
# many entries one is emptied and starts again, which costs only time.
MAX_CACHE_ENTRIES = 1_000_000

Condition = tuple[int, str, Any]  # (attribute id, "==" | "IN" | "NOT_IN" | "REGEX", operand)


def _compile_spec(spec: Any, vocab: Vocab) -> list[Condition] | None:
    """The conditions of one Matcher token spec, or None when the table cannot decide it exactly
    as the Matcher does (operators, extension attributes, other attributes or predicates)."""
    if not isinstance(spec, dict):
        return None
    conditions: list[Condition] = []
    for key, value in spec.items():
        if not isinstance(key, str):
            return None
        name = key.upper()
        attr = IDS.get("ORTH" if name == "TEXT" else name)
        if attr not in _KEYS:
            return None
        if isinstance(value, str):  # the Matcher interns the string
            conditions.append((attr, "==", vocab.strings.add(value)))
        elif isinstance(value, int):  # bool included
            if not 0 <= value <= _UINT64_MAX:
                return None
            conditions.append((attr, "==", int(value)))
        elif isinstance(value, dict):
            for predicate, operand in value.items():
                predicate = predicate.upper() if isinstance(predicate, str) else predicate
                if predicate in ("IN", "NOT_IN") and isinstance(operand, (list, tuple)) and all(
                    isinstance(v, (str, int)) for v in operand
                ):
                    conditions.append((attr, predicate, frozenset(get_string_id(v) for v in operand)))
                elif predicate == "REGEX" and isinstance(operand, str) and attr in _STRING_KEYS:
                    conditions.append((attr, predicate, re.compile(operand)))
                else:
                    return None
        else:
            return None
    return conditions


class _KeyColumn:
    """One tested attribute, its values coded as small integers: a value some condition names
    has a code of its own (its place in ``named``, plus one), all others share code 0; plus one
    bit per REGEX on the attribute that the value matches."""

    def __init__(self, attr: int, named: Iterable[int], regexes: list[re.Pattern], strings) -> None:
        self.attr = attr
        self.named = np.array(sorted({v for v in named if 0 <= v <= _UINT64_MAX}), dtype=np.uint64)
        self.regexes = regexes
        self.strings = strings
        self.base = len(self.named) + 1
        self.radix = self.base << len(regexes)
        # The REGEX bits of the values seen, as sorted arrays for a vectorized lookup. One entry
        # per distinct value (a word, for LOWER): bounded by the vocabulary and MAX_CACHE_ENTRIES.
        self._seen = np.zeros(0, dtype=np.uint64)
        self._seen_bits = np.zeros(0, dtype=np.int64)

    def encode(self, values: np.ndarray) -> np.ndarray:
        """The codes of a column of ``Doc.to_array`` values."""
        if len(self.named):
            at = np.minimum(np.searchsorted(self.named, values), len(self.named) - 1)
            codes = np.where(self.named[at] == values, at + 1, 0).astype(np.int64)
        else:
            codes = np.zeros(len(values), dtype=np.int64)
        if self.regexes:
            codes += self._regex_bits(values) * self.base
        return codes

    def _regex_bits(self, values: np.ndarray) -> np.ndarray:
        seen, seen_bits = self._seen, self._seen_bits
        at = np.minimum(np.searchsorted(seen, values), max(len(seen) - 1, 0))
        known = seen[at] == values if len(seen) else np.zeros(len(values), dtype=bool)
        if known.all():
            return seen_bits[at]
        new = np.unique(values[~known])
        # As the Matcher's REGEX predicate reads a value: the string it stands for.
        texts = [self.strings[v] for v in new.tolist()]
        new_bits = np.array([sum(1 << i for i, r in enumerate(self.regexes) if r.search(t)) for t in texts],
                            dtype=np.int64)
        if len(seen) + len(new) > MAX_CACHE_ENTRIES:
            seen, seen_bits = seen[:0], seen_bits[:0]
        seen, seen_bits = np.concatenate([seen, new]), np.concatenate([seen_bits, new_bits])
        order = np.argsort(seen, kind="stable")
        self._seen, self._seen_bits = seen[order], seen_bits[order]
        return self._regex_bits(values)

    def decode(self, code: int) -> tuple[int | None, int]:
        """(the named value, or None for any other value; the REGEX bits)."""
        index, bits = code % self.base, code // self.base
        return (int(self.named[index - 1]) if index else None), bits


class _RuleTable:
    """An ``AttributeRuler``'s rules, compiled; :meth:`apply` sets what the ruler would set.

    A rule's pattern is decided by the table when each of its tokens is a spec the table can
    test (:func:`_compile_spec`) and it has no operators: a one-token pattern that sets its own
    token becomes a row of the table, a longer one is found by shifting boolean columns. Any other
    pattern stays with a stock ``Matcher``, which runs only on documents that have a token for
    each of the pattern's testable specs.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        vocab = ruler.vocab
        self.vocab = vocab
        self.indices = list(ruler.indices)
        self.ruler_matcher = ruler.matcher  # for error messages
        # What each rule sets: the _WRITTEN part (by column) and the rest.
        self.sets = [{_WRITTEN.index(a): v for a, v in attrs.items() if a in _WRITTEN} for attrs in ruler.attrs]
        self.other_attrs = [{a: v for a, v in attrs.items() if a not in _WRITTEN} for attrs in ruler.attrs]
        self.sets_others = any(self.other_attrs)
        self.single: list[tuple[int, list[Condition]]] = []  # one-token patterns: (rule, conditions)
        self.specs: list[list[Condition]] = []  # the specs of the other patterns, deduplicated
        spec_ids: dict[tuple, int] = {}
        self.fixed: list[tuple[int, tuple[int, ...]]] = []  # longer patterns: (rule, spec ids)
        self.matcher = Matcher(vocab, validate=ruler.validate)  # the rest, under the ruler's keys
        self.matcher_needs: list[int] = []  # per Matcher pattern: bit mask of spec ids it needs
        for rule in range(len(ruler.attrs)):
            key = str(rule)
            rest = []
            for pattern in ruler.matcher.get(key)[1]:
                compiled = [_compile_spec(spec, vocab) for spec in pattern]
                if len(pattern) == 1 and compiled[0] is not None and self.indices[rule] in (0, -1):
                    self.single.append((rule, compiled[0]))
                    continue
                ids = []
                for conditions in compiled:
                    if conditions is not None:
                        ids.append(spec_ids.setdefault(tuple(conditions), len(spec_ids)))
                        if ids[-1] == len(self.specs):
                            self.specs.append(conditions)
                if len(ids) == len(pattern) and pattern and max(ids) < 63:
                    self.fixed.append((rule, tuple(ids)))
                else:
                    rest.append(pattern)
                    self.matcher_needs.append(sum(1 << i for i in set(ids) if i < 63))
            if rest:
                self.matcher.add(key, rest)
        # The tested attributes, and the code of a token: one int64 from all its columns' codes.
        named: dict[int, set[int]] = {}
        regexes: dict[int, list[re.Pattern]] = {}
        for conditions in [c for _, c in self.single] + self.specs:
            for attr, kind, operand in conditions:
                named.setdefault(attr, set())
                regexes.setdefault(attr, [])
                if kind == "==":
                    named[attr].add(operand)
                elif kind == "REGEX":
                    if operand not in regexes[attr]:
                        regexes[attr].append(operand)
                else:
                    named[attr].update(v for v in operand if isinstance(v, int))
        self.columns = [_KeyColumn(a, named[a], regexes[a], vocab.strings) for a in sorted(named)]
        self.key_attrs = [c.attr for c in self.columns]
        self.strides = []
        stride = 1
        for column in self.columns:
            self.strides.append(stride)
            stride *= column.radix
        # Only a ruler that tests so many values that a code does not fit in 62 bits, or that sets
        # extension attributes (whose setters may run any code), is left to the stock method.
        self.usable = stride < 2**62 and not any("_" in attrs for attrs in ruler.attrs)
        # code -> (effect id, bit mask of the specs its tokens match): one entry per distinct
        # combination of named values (and REGEX bits) seen, not per token or per word: about
        # 600 on 300 BBC articles. Rules tuple -> effect id: one per distinct set of matching rules.
        self._by_code: dict[int, tuple[int, int]] = {}
        self._by_rules: dict[tuple[int, ...], int] = {}
        self._effects: list[tuple[tuple[int, ...], dict[int, int], tuple[int, ...]]] = []
        self._arrays: tuple[np.ndarray, np.ndarray] | None = None

    # --- resolving a code: which rules match, what they set ----------------------------------

    def _holds(self, conditions: list[Condition], values: dict[int, tuple[int | None, int]]) -> bool:
        for attr, kind, operand in conditions:
            value, bits = values[attr]
            if kind == "==":
                if value != operand:
                    return False
            elif kind == "IN":
                if value is None or value not in operand:
                    return False
            elif kind == "NOT_IN":
                if value is not None and value in operand:
                    return False
            else:  # REGEX: its bit
                column = self.columns[self.key_attrs.index(attr)]
                if not bits >> column.regexes.index(operand) & 1:
                    return False
        return True

    def _resolve(self, code: int) -> tuple[int, int]:
        if len(self._by_code) >= MAX_CACHE_ENTRIES:
            self._by_code.clear()
        values = {column.attr: column.decode(code // stride % column.radix)
                  for column, stride in zip(self.columns, self.strides)}
        rules = tuple(sorted({rule for rule, conditions in self.single if self._holds(conditions, values)}))
        specs = sum(1 << i for i, conditions in enumerate(self.specs) if i < 63 and self._holds(conditions, values))
        resolved = self._by_code[code] = (self._effect(rules), specs)
        return resolved

    def _effect(self, rules: tuple[int, ...]) -> int:
        """The id of what ``rules`` (ascending) do to a token: later rules overwrite earlier ones,
        as in ``AttributeRuler.match``, which sorts matches by rule."""
        effect = self._by_rules.get(rules)
        if effect is None:
            values: dict[int, int] = {}
            for rule in rules:
                values.update(self.sets[rule])
            others = tuple(rule for rule in rules if self.other_attrs[rule])
            effect = self._by_rules[rules] = len(self._effects)
            self._effects.append((rules, values, others))
            self._arrays = None
        return effect

    def _effect_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        """(values, whether set): arrays (effect, column of _WRITTEN) to index by effect id."""
        if self._arrays is None:
            values = np.zeros((len(self._effects), len(_WRITTEN)), dtype=np.uint64)
            is_set = np.zeros((len(self._effects), len(_WRITTEN)), dtype=bool)
            for i, (_, sets, _) in enumerate(self._effects):
                for col, value in sets.items():
                    values[i, col] = value
                    is_set[i, col] = True
            self._arrays = (values, is_set)
        return self._arrays

    # --- applying ------------------------------------------------------------------------------

    def _matches(self, doc: Doc, specs: np.ndarray, present: int) -> list[tuple[int, int, int, int]]:
        """The matches of the patterns that are not one-token rows, as (rule, start, end, token)."""
        n = len(doc)
        found = []
        for rule, ids in self.fixed:
            length = len(ids)
            if length > n or any(not present >> i & 1 for i in ids):
                continue
            starts = np.ones(n - length + 1, dtype=bool)
            for k, i in enumerate(ids):
                starts &= (specs[k:n - length + 1 + k] >> np.uint64(i)) & np.uint64(1) == 1
            found += [(rule, start, start + length) for start in np.flatnonzero(starts).tolist()]
        if any(needs & present == needs for needs in self.matcher_needs):
            found += [(int(self.vocab.strings[match_id]), start, end)
                      for match_id, start, end in self.matcher(doc, allow_missing=True, as_spans=False)]
        matches = []
        for rule, start, end in found:
            index = self.indices[rule]
            target = index + (end if index < 0 else start)
            if not start <= target < end:  # as AttributeRuler.set_annotations
                raise ValueError(Errors.E1001.format(
                    patterns=self.ruler_matcher.get(str(rule)), span=[t.text for t in doc[start:end]], index=index))
            matches.append((rule, start, end, target))
        return matches

    def apply(self, doc: Doc) -> None:
        """Set the attributes the ruler would set on ``doc``."""
        n = len(doc)
        if not n:
            return
        codes = np.zeros(n, dtype=np.int64)
        if self.columns:
            keys = doc.to_array(self.key_attrs).reshape(n, -1)
            for j, (column, stride) in enumerate(zip(self.columns, self.strides)):
                codes += column.encode(keys[:, j]) * stride
        unique, inverse = np.unique(codes, return_inverse=True)
        inverse = inverse.reshape(-1)
        effect_of, specs_of = [], []
        for code in unique.tolist():
            effect, specs = self._by_code.get(code) or self._resolve(code)
            effect_of.append(effect)
            specs_of.append(specs)
        base = np.array(effect_of, dtype=np.int64)[inverse]  # per token: its one-token rules
        effects = base
        present = 0
        for specs in specs_of:
            present |= specs
        matches = self._matches(doc, np.array(specs_of, dtype=np.uint64)[inverse], present) if present or \
            self.matcher_needs else []
        if matches:  # merged into their tokens' effects
            effects = base.copy()
            added: dict[int, set[int]] = {}
            for rule, _, _, target in matches:
                added.setdefault(target, set()).add(rule)
            for target, rules in added.items():
                effects[target] = self._effect(tuple(sorted(rules.union(self._effects[base[target]][0]))))
        if self.sets_others:
            # Attributes outside _WRITTEN, token by token, in AttributeRuler's order.
            applications = [(rule, i, i + 1, i) for i, effect in enumerate(base.tolist())
                            for rule in self._effects[effect][2]]
            applications += [m for m in matches if self.other_attrs[m[0]]]
            for rule, _, _, target in sorted(applications):
                set_token_attrs(doc[target], self.other_attrs[rule])
        values, is_set = self._effect_arrays()
        token_values, token_set = values[effects], is_set[effects]
        written = token_set.any(axis=0)
        if written.any():
            columns = [a for a, w in zip(_WRITTEN, written) if w]
            array = doc.to_array(columns).reshape(n, -1)
            array = np.where(token_set[:, written], token_values[:, written], array).astype(np.uint64)
            doc.from_array(columns, array)


class TableAttributeRuler(AttributeRuler):
    """An ``AttributeRuler`` that applies its rules through a compiled table (see the module
    docstring): same patterns, serialization and results as the stock component."""

    component_version = "1"  # part of graph.nlp.pipeline_version: bump when results may change

    def __init__(self, vocab: Vocab, name: str = "attribute_ruler", *, validate: bool = False,
                 scorer: Callable | None = attribute_ruler_score) -> None:
        super().__init__(vocab, name, validate=validate, scorer=scorer)
        self._table: _RuleTable | None = None

    def clear(self) -> None:
        super().clear()
        self._table = None

    def add(self, patterns: Iterable, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._table = None  # compiled again on the next document

    def __call__(self, doc: Doc) -> Doc:
        if self._table is None:
            self._table = _RuleTable(self)
        if not self._table.usable:
            return super().__call__(doc)
        error_handler = self.get_error_handler()
        try:
            self._table.apply(doc)
            return doc
        except Exception as e:  # noqa: BLE001 - as AttributeRuler: the pipeline's error handler decides
            return error_handler(self.name, self, [doc], e)

    def __reduce__(self):
        state = {k: v for k, v in self.__dict__.items() if k != "_table"}  # compiled again when used
        return (_restore, (type(self), self.name, state))


@Language.factory(
    "table_attribute_ruler",
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep"],
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_table_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Callable | None) -> TableAttributeRuler:
    """The ``table_attribute_ruler`` factory: configured as spaCy's ``attribute_ruler``."""
    return TableAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


def _restore(cls: type, name: str, state: dict) -> Pipe:
    """Unpickle a table component: its state without the caches, which are rebuilt when used."""
    pipe = cls.__new__(cls)
    pipe.__dict__.update(state)
    pipe.name = name
    if isinstance(pipe, TableAttributeRuler):
        pipe._table = None
    else:
        pipe._reset()
    return pipe


class _NoCache(dict):
    """A dict that keeps nothing: the wrapped lemmatizer's own cache, which TableLemmatizer's
    cache makes redundant."""

    def __setitem__(self, key, value) -> None:
        pass


class TableLemmatizer(Pipe):
    """The language's own lemmatizer (``inner``), with lemmas cached by ``(orth, pos, morph)``
    and written with ``Doc.from_array``. Same results, serialization and ``lookups``."""

    component_version = "1"  # part of graph.nlp.pipeline_version: bump when results may change

    def __init__(self, inner: Lemmatizer) -> None:
        self.inner = inner
        self.name = inner.name
        self._reset()

    def _reset(self) -> None:
        # (orth, pos, morph) -> lemma string. One entry per distinct triple (bounded by
        # MAX_CACHE_ENTRIES); strings, not hashes, so a spaCy memory zone cannot orphan them.
        self._lemmas: dict[tuple[int, int, int], str] = {}
        self._lemmatize: Callable | None = None

    @property
    def vocab(self) -> Vocab:
        return self.inner.vocab

    @property
    def lookups(self) -> Lookups:
        return self.inner.lookups

    @lookups.setter
    def lookups(self, lookups: Lookups) -> None:
        self.inner.lookups = lookups
        self._reset()

    @property
    def mode(self) -> str:
        return self.inner.mode

    @property
    def overwrite(self) -> bool:
        return self.inner.overwrite

    @property
    def scorer(self) -> Callable | None:
        return self.inner.scorer

    def __getattr__(self, name: str) -> Any:  # anything else (cache, rule_lemmatize...): the inner one's
        inner = self.__dict__.get("inner")
        if inner is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(inner, name)

    def lemmatize(self, token) -> list[str]:
        """The lemmas of ``token``, as the wrapped lemmatizer gives them."""
        return self.inner.lemmatize(token)

    def _fast_lemmatize(self) -> Callable:
        """The wrapped lemmatizer's own method for its mode, bound to a shallow copy of it whose
        ``lemma_index`` lists are frozensets: ``form in index`` becomes a hash lookup instead of
        a scan of a list. Membership is all ``rule_lemmatize`` asks of the index."""
        if self._lemmatize is None:
            inner = self.inner
            proxy = type(inner).__new__(type(inner))
            proxy.__dict__.update(inner.__dict__)
            proxy.name = inner.name
            proxy.cache = _NoCache()
            if proxy.lookups.has_table("lemma_index"):
                lookups = Lookups()
                for name in proxy.lookups.tables:
                    lookups.set_table(name, proxy.lookups.get_table(name))
                index = Table(name="lemma_index")
                for key, words in proxy.lookups.get_table("lemma_index").items():
                    index[key] = frozenset(words) if isinstance(words, list) else words
                lookups.set_table("lemma_index", index)
                proxy.lookups = lookups
            self._lemmatize = getattr(proxy, f"{proxy.mode}_lemmatize")
        return self._lemmatize

    def __call__(self, doc: Doc) -> Doc:
        inner = self.inner
        if not inner._validated:
            inner._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            self._apply(doc)
            return doc
        except Exception as e:  # noqa: BLE001 - as Lemmatizer: the pipeline's error handler decides
            return error_handler(self.name, self, [doc], e)

    def _apply(self, doc: Doc) -> None:
        n = len(doc)
        if not n:
            return
        array = doc.to_array([LEMMA, ORTH, POS, MORPH])
        todo = np.arange(n) if self.inner.overwrite else np.flatnonzero(array[:, 0] == 0)
        if not len(todo):
            return
        lemmas, lemmatize = self._lemmas, None
        out = []
        for i, key in zip(todo.tolist(), zip(*array[todo, 1:].T.tolist())):
            lemma = lemmas.get(key)
            if lemma is None:
                lemmatize = lemmatize or self._fast_lemmatize()
                if len(lemmas) >= MAX_CACHE_ENTRIES:
                    lemmas.clear()
                lemma = lemmas[key] = lemmatize(doc[i])[0]
            out.append(lemma)
        add = self.vocab.strings.add  # as ``token.lemma_ = ...`` does
        hashes = {lemma: add(lemma) for lemma in set(out)}
        column = array[:, 0]
        column[todo] = [hashes[lemma] for lemma in out]
        doc.from_array([LEMMA], column.reshape(n, 1))

    # --- the rest is the wrapped lemmatizer's ---------------------------------------------------

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None,
                   lookups: Lookups | None = None) -> None:
        self.inner.initialize(get_examples, nlp=nlp, lookups=lookups)
        self._reset()

    def score(self, examples, **kwargs) -> dict:
        return self.inner.score(examples, **kwargs)

    def to_bytes(self, *, exclude=()) -> bytes:
        return self.inner.to_bytes(exclude=exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude=()) -> TableLemmatizer:
        self.inner.from_bytes(bytes_data, exclude=exclude)
        self._reset()
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        self.inner.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=()) -> TableLemmatizer:
        self.inner.from_disk(path, exclude=exclude)
        self._reset()
        return self

    def __reduce__(self):
        return (_restore, (type(self), self.name, {"inner": self.inner}))


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
    if lemmatizer.mode == "rule":
        return cls.rule_lemmatize is Lemmatizer.rule_lemmatize and cls.is_base_form in (
            Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
    return False


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
