"""Every document of a corpus through a :class:`~graph.pipeline.runners.DocumentRunner`: long
documents cut into pieces (:mod:`graph.pieces`), pieces grouped into chunks, each chunk's cached
parses looked up and its new ones stored, and the analyses joined back in document order.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from ..cache import CacheStats, ParseCache, parse_key
from ..pieces import join_analyses, split_document
from ..records import Document, DocumentAnalysis, Problem
from .analyser import Chunk, ChunkResult, Timer
from .runners import DocumentRunner

TAIL_CHUNKS_PER_WORKER = 4  # with workers, chunks shrink near the end so that all of them finish together
MIN_CHUNK_CHARS = 20_000


@dataclass
class AnalysedCorpus:
    """The documents that were analysed and their analyses, in document order, and a problem per
    document that failed (left out of both)."""

    documents: list[Document] = field(default_factory=list)
    analyses: list[DocumentAnalysis] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def analyse_corpus(
    documents: Sequence[Document],
    runner: DocumentRunner,
    version: str,
    store: ParseCache | None,
    stats: CacheStats,
    timer: Timer,
    bar,
) -> AnalysedCorpus:
    """Every document's analysis, in document order, run by ``runner``; cached parses of
    ``version`` are taken from ``store`` and new ones put there. ``bar``: a
    :class:`~graph.pipeline.progress.Progress`."""
    store = store if store is not None and store.usable else None
    # A long document goes as pieces (see graph.pieces), joined back as their analyses come in.
    split = [split_document(d) for d in documents]
    owners = deque((document, offset, len(pieces)) for document, pieces in zip(documents, split) for offset, _ in pieces)
    pieces = [p for doc_pieces in split for _, p in doc_pieces]
    del split
    keys: deque[list[str]] = deque()  # of the chunks sent and not yet back

    def chunks() -> Iterator[Chunk]:
        for documents in _chunks(pieces, runner.chunk_chars, runner.chunk_docs, runner.workers):
            chunk_keys = [parse_key(d.text, version) for d in documents]
            found = store.get_many(chunk_keys) if store is not None else {}
            keys.append(chunk_keys)
            yield Chunk(documents, [found.get(k) for k in chunk_keys], store is not None)

    corpus = AnalysedCorpus()
    parts: list[tuple[int, DocumentAnalysis | None]] = []
    failures: list[str] = []

    def take(result: ChunkResult) -> None:
        chunk_keys = keys.popleft()
        why = dict(result.failures)
        done = len(corpus.documents) + len(corpus.problems)
        for i, analysis in enumerate(result.analyses):
            document, offset, count = owners.popleft()
            parts.append((offset, analysis))
            if i in why:
                failures.append(why[i])
            if len(parts) == count:
                if failures:
                    corpus.problems.append(Problem(document.path or document.id, f"could not be analysed ({failures[0]})"))
                else:
                    corpus.documents.append(document)
                    corpus.analyses.append(join_analyses(parts))  # type: ignore[arg-type] - none failed
                parts.clear()
                failures.clear()
        if store is not None and result.parses:
            store.put_many((chunk_keys[i], data) for i, data in result.parses)
        stats.add(result.stats)
        timer.merge(result.timings)
        bar.update(len(corpus.documents) + len(corpus.problems) - done, stats)

    for result in runner.map(chunks()):
        take(result)
    return corpus


def _chunks(documents: Sequence[Document], budget: int, max_docs: int, workers: int = 1) -> Iterator[list[Document]]:
    """Consecutive runs of documents of about ``budget`` characters (at least one document each).

    For several ``workers``, a chunk holds at most a ``TAIL_CHUNKS_PER_WORKER``-th of each
    worker's share of the text still to come (but :data:`MIN_CHUNK_CHARS`), as in guided
    self-scheduling: big chunks while there is much to do, small ones at the end, so that no
    worker parses a last big chunk while the others wait.

    >>> docs = [Document(id=str(i), text="x" * 10_000) for i in range(40)]
    >>> [len(c) for c in _chunks(docs, 200_000, 64, workers=2)]
    [5, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
    """
    remaining = sum(len(d.text) for d in documents)

    def limit() -> int:
        return budget if workers == 1 else min(budget, max(MIN_CHUNK_CHARS, remaining // (workers * TAIL_CHUNKS_PER_WORKER)))

    chunk: list[Document] = []
    size, most = 0, limit()
    for d in documents:
        if chunk and (size + len(d.text) > most or len(chunk) >= max_docs):
            yield chunk
            remaining -= size
            chunk, size, most = [], 0, limit()
        chunk.append(d)
        size += len(d.text)
    if chunk:
        yield chunk


__all__ = ["AnalysedCorpus", "analyse_corpus"]
