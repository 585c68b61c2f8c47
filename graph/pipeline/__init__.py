"""The build, stage by stage: read documents -> analyse each (NLP, mentions, statements) ->
resolve entities -> the user's corrections (if any) -> assemble the graph. Writing it is the caller's (see ``graph.cli``).

The per-document stages are pure functions of the document's text, the spaCy pipeline and the
curated data, so they run in chunks of documents on a :class:`~graph.pipeline.runners.DocumentRunner`:
in this process, in local worker processes (``jobs``), or on a Dask cluster (``scheduler``,
:mod:`graph.pipeline.cluster`). Each worker loads the pipeline and the curated data once and
returns plain :class:`~graph.records.DocumentAnalysis` records; results come back in document
order, so the graph does not depend on the runner. Parses are cached (:mod:`graph.cache`) by text
and pipeline version, here, so a rebuild parses only new or changed documents.
"""
from __future__ import annotations

import gc
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING, Any

from ..cache import CacheStats, ParseCache
from ..corrections import Correction, CorrectionReport, apply_corrections, read_corrections
from ..documents import read_documents
from ..gazetteer import Gazetteer, load_gazetteer
from ..records import Document, Problem
from .analyser import Timer, analyse
from .corpus import analyse_corpus
from .options import BuildOptions, CacheOption
from .progress import Progress, progress_bar
from .runners import GC_GEN0_THRESHOLD, DocumentRunner, InProcessRunner, ProcessRunner

if TYPE_CHECKING:  # spaCy is imported only where documents are parsed: not in the parent of workers
    import networkx as nx


@dataclass
class BuildResult:
    """A built graph and how the build went.

    ``problems``: input left out, one per file, row or document. ``timings`` are seconds per
    stage: ``read``, ``setup`` (loading the pipeline, or waiting for workers to load it), ``nlp``,
    ``mentions``, ``statements`` (per document: with workers, summed over them, so they may add up
    to more than the wall time), ``documents`` (wall time of the per-document stages),
    ``entities`` (resolution over the corpus, then the user's corrections) and ``assemble``. ``jobs``: the chunks that ran at
    once; ``runner``: where (``"2 processes"``, ``"4 Dask workers"``).
    """

    graph: nx.MultiDiGraph
    documents: list[Document]
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    cache: CacheStats = field(default_factory=CacheStats)
    jobs: int = 1
    runner: str = "1 process"
    corrections: CorrectionReport | None = None  # with corrections: how many applied, which matched nothing


class NoDocuments(RuntimeError):
    """Nothing usable was read; ``problems`` says why, file by file."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def build(paths: Iterable[str | PathLike], options: BuildOptions | None = None, /, **changes: Any) -> BuildResult:
    """Read the files and folders in ``paths`` and build their entity graph.

    ``options`` (a :class:`BuildOptions`), with ``changes`` to its fields:
    ``build(paths, jobs=2, cache=False)`` is ``build(paths, BuildOptions(jobs=2, cache=False))``.
    """
    options = (options or BuildOptions()).changed(**changes)
    timer = Timer()
    fixes = read_corrections(options.corrections)  # a bad file stops the build before anything is parsed
    gazetteer = load_gazetteer(options.extra_entities)
    with fewer_gc_passes(), open_runner(options, gazetteer) as runner:  # workers load the pipeline while we read
        t = time.perf_counter()
        documents, problems = read_documents(paths, max_chars=options.max_chars)
        timer.add("read", t)
        if not documents:
            raise NoDocuments("no usable documents", problems)
        result = _build(documents, gazetteer, runner, timer, options, fixes)
    result.problems = problems + result.problems
    return result


def build_documents(
    documents: Sequence[Document], options: BuildOptions | None = None, /, *, gazetteer: Gazetteer | None = None, **changes: Any
) -> BuildResult:
    """Build the graph of documents already read (see :func:`build` for the options)."""
    options = (options or BuildOptions()).changed(**changes)
    fixes = read_corrections(options.corrections)
    gazetteer = gazetteer or load_gazetteer(options.extra_entities)
    with fewer_gc_passes(), open_runner(options, gazetteer) as runner:
        return _build(documents, gazetteer, runner, Timer(), options, fixes)


def _build(documents: Sequence[Document], gazetteer: Gazetteer, runner: DocumentRunner, timer: Timer, options: BuildOptions,
           corrections: Sequence[Correction] | None = None) -> BuildResult:
    """The story after reading: analyse each document, resolve the entities, apply the user's
    corrections, assemble the graph."""
    from ..assemble import build_graph
    from ..entities import resolve

    progress = options.progress
    bar = progress if isinstance(progress, Progress) else Progress(len(documents), enabled=bool(progress))
    if bar.total is None:
        bar.reset(len(documents))
    stats = CacheStats()
    with _owned(bar, progress):
        t = time.perf_counter()
        version = runner.version()
        timer.add("setup", t)
        with _open_cache(options.cache, stats) as store:
            t = time.perf_counter()
            corpus = analyse_corpus(documents, runner, version, store, stats, timer, bar)
            timer.add("documents", t)
        bar.stage("resolving entities")
        t = time.perf_counter()
        resolution = resolve(corpus.analyses, gazetteer)
        analyses, report = corpus.analyses, None
        if corrections is not None:
            analyses, resolution, report = apply_corrections(corrections, analyses, resolution)
        t = timer.add("entities", t)
        bar.stage("assembling")
        G = build_graph(corpus.documents, analyses, resolution)
        timer.add("assemble", t)
    return BuildResult(
        graph=G, documents=corpus.documents, problems=corpus.problems, timings=timer.timings, cache=stats,
        jobs=runner.workers, runner=runner.description, corrections=report,
    )


def open_runner(options: BuildOptions, gazetteer: Gazetteer) -> DocumentRunner:
    """The runner of the per-document stages that ``options`` ask for; a context manager."""
    if options.scheduler is not None:
        from .cluster import DaskRunner

        return DaskRunner(options.scheduler, options.model, gazetteer)
    if options.jobs > 1:
        return ProcessRunner(options.model, gazetteer, options.jobs)
    return InProcessRunner(options.model, gazetteer)


@contextmanager
def _owned(bar: Progress, progress) -> Iterator[None]:
    """Close ``bar`` at the end if the build made it (``progress`` was not a bar already)."""
    owned = bar is not progress
    try:
        yield
    except BaseException:
        if owned:
            bar.close(finished=False)
        raise
    if owned:
        bar.close()


@contextmanager
def _open_cache(cache: CacheOption, stats: CacheStats) -> Iterator[ParseCache | None]:
    """The parse cache that ``cache`` names (None for none); closed after, its path and errors
    added to ``stats``. An unusable cache counts its errors rather than stopping the build."""
    store = None if cache is None or cache is False else ParseCache(None if cache is True else cache)
    try:
        yield store
    finally:
        if store is not None:
            stats.path, stats.read_only = str(store.path), store.read_only
            stats.errors += store.errors
            store.close()


@contextmanager
def fewer_gc_passes() -> Iterator[None]:
    """Run the cyclic garbage collector less often while building. A build allocates millions of
    small objects (records, graph attributes, JSON) that live until it ends and hold no cycles;
    with Python's default thresholds the collector walks them over and over. Restored after."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_GEN0_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


__all__ = [
    "BuildOptions", "BuildResult", "NoDocuments", "Progress", "Timer", "analyse", "build", "build_documents",
    "fewer_gc_passes", "open_runner", "progress_bar",
]
