"""The per-document stages on a chunk of documents: parse (or decode a cached parse), mentions,
statements. What a worker (a process, a Dask worker, or the build's own process) loads once and
runs over and over; it returns plain records, so a chunk's result pickles cheaply back to the build.
"""
from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..cache import CacheStats, decode_doc, encode_doc
from ..faults import inject
from ..gazetteer import Gazetteer
from ..records import Document, DocumentAnalysis
from ..tokens import Tokens

if TYPE_CHECKING:
    from ..mentions import MentionExtractor

@dataclass
class Timer:
    """Seconds per stage, added up."""

    timings: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - since
        return now

    def merge(self, timings: dict[str, float]) -> None:
        for stage, seconds in timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds


@dataclass
class Chunk:
    """Consecutive documents to analyse together, with their cached parses (``None``: not in the
    cache) and whether new parses should be returned for the cache (``store``)."""

    documents: list[Document]
    cached: list[bytes | None]
    store: bool


@dataclass
class ChunkResult:
    """What one chunk gave: an analysis per document in chunk order (``None`` where the document
    failed: ``failures`` holds its index in the chunk and why), the new parses to cache (by index
    in the chunk), cache counts and stage timings."""

    analyses: list[DocumentAnalysis | None]
    parses: list[tuple[int, bytes]]
    stats: CacheStats
    timings: dict[str, float]
    failures: list[tuple[int, str]] = field(default_factory=list)


def analyse(document: Document, doc, extractor: MentionExtractor, timer: Timer | None = None) -> DocumentAnalysis:
    """The per-document stages on a parsed document: mentions, then statements, both reading one
    token view of the document."""
    from ..statements import extract_statements

    timer = timer or Timer()
    t = time.perf_counter()
    toks = Tokens(doc)
    sentences, mentions, acronyms = extractor(document, doc, toks)
    t = timer.add("mentions", t)
    statements, affiliations = extract_statements(document, doc, mentions, toks)
    timer.add("statements", t)
    return DocumentAnalysis(
        doc=document.id,
        sentences=sentences,
        mentions=mentions,
        acronyms=acronyms,
        statements=statements,
        affiliations=affiliations,
    )


class Analyser:
    """What a process needs to analyse documents, loaded once: the pipeline and the matchers."""

    def __init__(self, model: str | None, gazetteer: Gazetteer, nlp=None) -> None:
        from ..mentions import MentionExtractor
        from ..nlp import add_abbreviations, load_pipeline

        self.nlp = nlp if nlp is not None else load_pipeline(model)
        add_abbreviations(self.nlp, gazetteer.abbreviations)  # before the matchers tokenize their patterns
        self.extractor = MentionExtractor(gazetteer, self.nlp)

    @property
    def version(self) -> str:
        """What a cached parse must have been made by (see :func:`graph.nlp.pipeline_version`)."""
        from .. import nlp

        return nlp.pipeline_version(self.nlp)

    def run(self, chunk: Chunk) -> ChunkResult:
        """Parse (or decode from ``chunk.cached``) and analyse the chunk's documents. A document
        that fails is reported in the result's ``failures``; the others go on."""
        documents = chunk.documents
        inject("exit-worker")  # tests only (graph.faults)
        timer = Timer()
        stats = CacheStats()
        t = time.perf_counter()
        docs: list = [None] * len(documents)
        for i, (document, data) in enumerate(zip(documents, chunk.cached)):
            if data is not None:
                docs[i] = decode_doc(data, self.nlp.vocab, document.text)
                if docs[i] is None:
                    stats.errors += 1
        missing = [i for i, d in enumerate(docs) if d is None]
        stats.hits = len(documents) - len(missing)
        stats.misses = len(missing) if chunk.store else 0  # without a cache, nothing is a miss
        t = timer.add("cache", t)
        result = ChunkResult([], [], stats, timer.timings)
        parsed = self._parse([documents[i].text for i in missing])
        for i, document in enumerate(documents):
            try:
                if docs[i] is None:
                    doc = next(parsed)
                    t = timer.add("nlp", t)
                    if isinstance(doc, Exception):
                        raise doc
                    docs[i] = doc
                    if chunk.store:
                        result.parses.append((i, encode_doc(doc, document.text)))
                        t = timer.add("cache", t)
                inject("fail-document", document.text)
                result.analyses.append(analyse(document, docs[i], self.extractor, timer))
            except Exception as exc:  # noqa: BLE001 - one bad document costs itself, not the build
                result.analyses.append(None)
                result.failures.append((i, f"{type(exc).__name__}: {exc}"))
            docs[i] = None  # a parse is big: keep only the records
            t = time.perf_counter()
        return result

    def _parse(self, texts: list[str]) -> Iterator:
        """The parses of ``texts`` in order, in one batch (spaCy parses a batch of a few dozen
        articles markedly faster than one of a dozen). Should the batch fail, the texts left are
        parsed one by one, and a text that fails gives its exception in place of its parse."""
        done = 0
        try:
            for doc in self.nlp.pipe(texts, batch_size=max(1, len(texts))):
                done += 1
                yield doc
        except Exception:  # noqa: BLE001 - found again below, text by text
            for text in texts[done:]:
                try:
                    yield self.nlp(text)
                except Exception as exc:  # noqa: BLE001 - the caller reports it as the document's problem
                    yield exc


_analysers: dict[tuple, Analyser] = {}


def shared_analyser(model: str | None, gazetteer: Gazetteer) -> Analyser:
    """The analyser of ``model`` and these curated data, loaded once per process: a notebook, a
    test suite or a Dask worker that builds again does not load the pipeline again. One is kept
    (a pipeline is a few hundred MB); curated data with another fingerprint only rebuild the
    matchers."""
    key = (model, gazetteer.fingerprint)
    if key not in _analysers or not gazetteer.fingerprint:
        nlp = next((a.nlp for (m, _), a in _analysers.items() if m == model), None)
        _analysers.clear()
        analyser = Analyser(model, gazetteer, nlp)
        if not gazetteer.fingerprint:
            return analyser
        _analysers[key] = analyser
    return _analysers[key]


__all__ = ["Analyser", "Chunk", "ChunkResult", "Timer", "analyse", "shared_analyser"]
