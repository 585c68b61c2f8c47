"""A stand-in for spaCy's ``ner`` that decodes the same model's entities for a whole batch at
once with numpy: same entities, about a quarter of a parse less time.

Why: spaCy's named-entity recogniser takes one transition per token, one document state after
the other, and for every state and step asks each of its ~74 moves whether it is valid. That
loop is compiled Cython, but the spaCy wheels for Python < 3.12 are compiled with profiling
hooks that take and release the GIL on every call of the small state functions: under ``perf``
a third of the component's time is that locking, and the decoding (without the network that
reads the words) costs more than the dependency parser does.

The entity recogniser's state is small: where the buffer is (one token per step) and the open
entity, if any (its first token and label). So all the documents of a batch step together, and
each step is a handful of array operations: the features' precomputed vectors summed in spaCy's
order, its bias, maxout, the output layer by the same BLIS ``sgemm`` spaCy calls, the moves'
validity as masks, and the first best valid move. Nothing is approximated, so the entities are
the same bit for bit (``tests/test_nlp.py`` compares them with the stock component's).

:func:`use_batch_ner` puts it in place of a loaded pipeline's stock ``ner`` when the model is
of the kind decoded here (greedy, BILUO moves, every class seen); on any batch it cannot decode
exactly (entities already set before it, by a ruler say) it runs the stock component.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from spacy.attrs import ENT_IOB, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer, Pipe
from spacy.tokens import Doc, Span
from spacy.util import minibatch

# The entity moves, as spaCy names them ("B-ORG", "U-GPE", "O")
BEGIN, IN, LAST, UNIT, OUT = "BILUO"


class BatchEntityRecognizer(Pipe):
    """A stock ``EntityRecognizer`` (its model and moves, given by :meth:`use`), decoded batch
    by batch. Any other attribute (``moves``, ``model``, ``to_bytes``...) is the stock one's."""

    component_version = "1"  # part of graph.nlp.pipeline_version: bump when results may change

    def __init__(self, vocab, name: str = "ner") -> None:
        self.vocab, self.name = vocab, name
        self.stock: EntityRecognizer | None = None

    def use(self, stock: EntityRecognizer) -> None:
        """Decode the model of ``stock`` (see :meth:`supports`)."""
        self.stock = stock
        tok2vec, self.lower, self.upper = stock.model.layers
        self.tok2vec = tok2vec
        names = [stock.moves.get_class_name(i) for i in range(stock.moves.n_moves)]
        kinds = np.array([name[0] for name in names])
        labels = np.array([self.vocab.strings.add(name[2:]) if name[2:] else 0 for name in names], dtype=np.uint64)
        # What the moves need of a state, per move (see spaCy's ner.pyx: Begin, In, Last, Unit, Out)
        named = labels != 0
        self._begin, self._in, self._last = (kinds == BEGIN) & named, (kinds == IN) & named, (kinds == LAST) & named
        self._unit, self._out = (kinds == UNIT) & named, kinds == OUT
        self._opens = (kinds == BEGIN) | (kinds == UNIT)
        self._closes = (kinds == LAST) | (kinds == UNIT)
        self._labels = labels

    def __getattr__(self, name: str):  # the rest (moves, model, to_bytes, to_disk...) is the stock one's
        if name == "stock" or name.startswith("__"):  # (no recursion before __init__ sets stock)
            raise AttributeError(name)
        return getattr(self.stock, name)

    def __reduce__(self):  # pickled as the stock component it decodes
        return _rebuilt, (self.vocab, self.name, self.stock)

    @property
    def labels(self) -> tuple[str, ...]:
        return self.stock.labels if self.stock is not None else ()

    @staticmethod
    def supports(stock: Pipe) -> bool:
        """Whether ``stock`` is a model this class decodes exactly as spaCy does."""
        if type(stock) is not EntityRecognizer or stock.cfg.get("beam_width", 1) != 1:
            return False
        model = stock.model
        if len(model.layers) != 3 or not model.attrs.get("has_upper") or model.attrs.get("unseen_classes"):
            return False  # unseen classes get the batch's lowest score: that would depend on the batch
        lower = model.layers[1]
        names = [stock.moves.get_class_name(i) for i in range(stock.moves.n_moves)]
        return (
            lower.name == "precomputable_affine" and lower.get_dim("nF") == 3
            and all(name == "O" or name[:2] in ("B-", "I-", "L-", "U-") for name in names)
        )

    def __call__(self, doc: Doc) -> Doc:
        self._decode([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size):
            self._decode(batch)
            yield from batch

    def _decode(self, docs: list[Doc]) -> None:
        if self.stock is None:
            raise RuntimeError("batch_entity_recognizer has no model: see graph.nlp_ner.use_batch_ner")
        if any(doc.to_array(ENT_IOB).any() for doc in docs):
            list(self.stock.pipe(docs, batch_size=len(docs)))  # entities set before: spaCy's own rules for them
            return
        lengths = [len(doc) for doc in docs]
        if not any(lengths):
            for doc in docs:
                doc.set_ents([], default="outside")
            return
        found = self._entities(docs, lengths)
        for doc, spans in zip(docs, found):
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label in spans], default="outside")

    def _entities(self, docs: list[Doc], lengths: list[int]) -> list[list[tuple[int, int, int]]]:
        """Each document's entities as (start, end, label id), as spaCy's greedy decoding finds them."""
        tokvecs = self.tok2vec.predict(docs)
        cached, _ = self.lower(tokvecs, False)  # per token and feature: (hidden, piece); row 0 is the padding
        rows, features, hidden, pieces = cached.shape
        cached = cached.reshape(rows, features, hidden * pieces)
        bias = self.lower.get_param("b").reshape(hidden * pieces)
        W, b = self.upper.get_param("W"), self.upper.get_param("b")
        import blis.py  # spaCy's dependency; its sgemm is the one spaCy's decoding calls

        space = np.concatenate([doc.to_array(IS_SPACE) for doc in docs]).astype(bool)
        sent_start = np.concatenate([doc.to_array(SENT_START) for doc in docs]) == 1
        starts = np.cumsum([0] + lengths[:-1])
        # The states, longest document first: the ones still running are always the first ``n``.
        order = sorted(range(len(docs)), key=lambda i: -lengths[i])
        length = np.array([lengths[i] for i in order])
        offset = np.array([starts[i] for i in order])
        is_open = np.zeros(len(docs), dtype=bool)
        ent_start = np.zeros(len(docs), dtype=np.int64)
        ent_label = np.zeros(len(docs), dtype=np.uint64)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        n, t = len(docs), 0
        while True:
            while n and length[n - 1] <= t:
                n -= 1
            if not n:
                break
            opened, b0 = is_open[:n], offset[:n] + t
            # The features (spaCy's StateC.set_context_tokens for 3): the buffer's first token, and
            # within an entity its first token and the token before the buffer; padding otherwise.
            first = np.where(opened, offset[:n] + ent_start[:n] + 1, 0)
            before = np.where(opened, b0, 0)
            unmaxed = cached[b0 + 1, 0] + cached[first, 1]  # summed in spaCy's order (its saxpy calls)
            unmaxed += cached[before, 2]
            unmaxed += bias
            hiddens = unmaxed.reshape(n, hidden, pieces).max(axis=2)
            scores = blis.py.gemm(hiddens, W, trans2=True, beta=0.0)
            scores += b
            # The moves' validity (no entity set before: spaCy's rules without their preset cases)
            more = length[:n] > t + 1  # the buffer holds a token after this one
            next_starts = np.zeros(n, dtype=bool)
            next_starts[more] = sent_start[b0[more] + 1]
            blank = space[b0]
            same_label = self._labels == ent_label[:n, None]
            closed = ~opened
            valid = (
                self._begin & (closed & more & ~next_starts & ~blank)[:, None]
                | self._in & (opened & more & ~next_starts)[:, None] & same_label
                | self._last & opened[:, None] & same_label
                | self._unit & (closed & ~blank)[:, None]
                | self._out & closed[:, None]
            )
            move = np.where(valid, scores, -np.inf).argmax(axis=1)  # the first of equal scores, as spaCy
            opens, closes = self._opens[move], self._closes[move]
            ent_start[:n][opens] = t
            ent_label[:n][opens] = self._labels[move[opens]]
            for i in np.flatnonzero(closes).tolist():
                found[order[i]].append((int(ent_start[i]), t + 1, int(ent_label[i])))
            is_open[:n] = (opened | opens) & ~closes
            t += 1
        return found


def _rebuilt(vocab, name: str, stock: EntityRecognizer | None) -> BatchEntityRecognizer:
    fast = BatchEntityRecognizer(vocab, name)
    if stock is not None:
        fast.use(stock)
    return fast


@Language.factory("batch_entity_recognizer")
def make_batch_entity_recognizer(nlp: Language, name: str) -> BatchEntityRecognizer:
    return BatchEntityRecognizer(nlp.vocab, name)  # its model comes from use_batch_ner


def use_batch_ner(nlp: Language) -> bool:
    """Replace ``nlp``'s stock ``ner`` by a :class:`BatchEntityRecognizer` of its model, in
    place and under the same name, when the model is one it decodes exactly; say whether it did."""
    if "ner" not in nlp.pipe_names or nlp.get_pipe_meta("ner").factory != "ner":
        return False
    stock = nlp.get_pipe("ner")
    if not BatchEntityRecognizer.supports(stock):
        return False
    fast = nlp.replace_pipe("ner", "batch_entity_recognizer")
    fast.use(stock)
    return True


__all__ = ["BatchEntityRecognizer", "use_batch_ner"]
