"""The build, stage by stage: read documents -> NLP -> mentions -> statements -> resolve entities
-> the user's corrections (if any) -> assemble the graph. Export and rendering are the caller's
(see ``graph.cli``).

The per-document stages (parse, mentions, statements) are pure functions of the document's text,
the spaCy pipeline and the curated data, so they run in chunks of documents: in this process
(``jobs=1``) or in ``jobs`` worker processes, each of which loads the pipeline and the curated data
once and returns plain :class:`~graph.records.DocumentAnalysis` records. Chunks are put back in
document order, so the graph does not depend on ``jobs``. Parses are cached (:mod:`graph.cache`)
by text and pipeline version, so a rebuild parses only new or changed documents.
"""
from __future__ import annotations

import gc
import multiprocessing
import signal
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from os import PathLike
from typing import TYPE_CHECKING

from .cache import CacheStats, ParseCache, decode_doc, encode_doc, parse_key
from .corrections import Correction, CorrectionReport, apply_corrections, read_corrections
from .documents import read_documents
from .gazetteer import Gazetteer, load_gazetteer
from .records import Document, DocumentAnalysis, Problem

if TYPE_CHECKING:  # spaCy is imported only where documents are parsed: not in the parent of workers
    import networkx as nx

    from .mentions import MentionExtractor

PROGRESS_DELAY_S = 2.0  # a bar appears only for builds longer than this
# Text per chunk of documents, in this process or sent to a worker: spaCy parses a batch of a
# few dozen articles markedly faster than one of a dozen.
CHUNK_CHARS = {"local": 200_000, "workers": 100_000}
CHUNK_MAX_DOCS = 64
TAIL_CHUNKS_PER_JOB = 4  # with workers, chunks shrink near the end so that all of them finish together
MIN_CHUNK_CHARS = 20_000
WINDOW_PER_JOB = 3  # chunks queued per worker, so that none waits for the parent
GC_GEN0_THRESHOLD = 50_000  # Python's default, 700, makes export and render spend a third of their time in gc


@dataclass
class BuildResult:
    """A built graph and how the build went.

    ``timings`` are seconds per stage: ``read``, ``setup`` (loading the pipeline, or waiting for
    workers to load it), ``nlp``, ``mentions``, ``statements`` (per document: with ``jobs`` > 1,
    summed over the workers, so they may add up to more than the wall time), ``documents`` (wall
    time of the per-document stages), ``entities`` (resolution over the corpus, then the user's
    corrections) and ``assemble``.
    """

    graph: nx.MultiDiGraph
    documents: list[Document]
    problems: list[Problem] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    cache: CacheStats = field(default_factory=CacheStats)
    jobs: int = 1
    corrections: CorrectionReport | None = None  # with corrections: how many applied, which matched nothing


class NoDocuments(RuntimeError):
    """Nothing usable was read; ``problems`` says why, file by file."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass
class Timer:
    timings: dict[str, float] = field(default_factory=dict)

    def add(self, stage: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - since
        return now

    def merge(self, timings: dict[str, float]) -> None:
        for stage, seconds in timings.items():
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds


CacheOption = bool | str | PathLike | None
CorrectionsOption = str | PathLike | Sequence | None


def build(
    paths: Iterable[str | PathLike],
    *,
    model: str | None = None,
    extra_entities: Sequence[str | PathLike] = (),
    jobs: int = 1,
    cache: CacheOption = True,
    progress: bool | Progress = False,
    corrections: CorrectionsOption = None,
) -> BuildResult:
    """Read the files and folders in ``paths`` and build their entity graph.

    ``jobs``: processes that parse and analyse documents (1: this one). ``cache``: True for the
    default parse cache (:func:`graph.cache.default_cache_dir`), a folder for another one, False
    for none. ``progress``: a bar on stderr for builds that take more than a couple of seconds.
    ``corrections``: the user's corrections (a JSON or YAML file, or a list; see
    :mod:`graph.corrections`), applied after entity resolution.
    """
    timer = Timer()
    fixes = read_corrections(corrections)  # a bad file stops the build before anything is parsed
    gazetteer = load_gazetteer(extra_entities)
    with fewer_gc_passes(), _Engine(model, gazetteer, jobs) as engine:  # workers load the pipeline while we read
        t = time.perf_counter()
        documents, problems = read_documents(paths)
        timer.add("read", t)
        if not documents:
            raise NoDocuments("no usable documents", problems)
        result = _build(documents, gazetteer, engine, timer, cache, progress, fixes)
    result.problems = problems + result.problems
    return result


def build_documents(
    documents: Sequence[Document],
    *,
    model: str | None = None,
    extra_entities: Sequence[str | PathLike] = (),
    gazetteer: Gazetteer | None = None,
    timer: Timer | None = None,
    jobs: int = 1,
    cache: CacheOption = True,
    progress: bool | Progress = False,
    corrections: CorrectionsOption = None,
) -> BuildResult:
    """Build the graph of documents already read (see :func:`build` for the options)."""
    timer = timer or Timer()
    fixes = read_corrections(corrections)
    gazetteer = gazetteer or load_gazetteer(extra_entities)
    with fewer_gc_passes(), _Engine(model, gazetteer, jobs) as engine:
        return _build(documents, gazetteer, engine, timer, cache, progress, fixes)


def _build(
    documents: Sequence[Document],
    gazetteer: Gazetteer,
    engine: _Engine,
    timer: Timer,
    cache: CacheOption,
    progress,
    corrections: Sequence[Correction] | None = None,
) -> BuildResult:
    from .assemble import build_graph
    from .entities import resolve

    bar = progress if isinstance(progress, Progress) else Progress(len(documents), enabled=bool(progress))
    owned = bar is not progress
    if bar.total is None:
        bar.reset(len(documents))
    stats = CacheStats()
    try:
        t = time.perf_counter()
        version = engine.version()
        timer.add("setup", t)
        store = _open_cache(cache)
        try:
            t = time.perf_counter()
            analyses = engine.analyse(documents, version, store, stats, timer, bar)
            timer.add("documents", t)
        finally:
            if store is not None:
                stats.path = str(store.path)
                stats.errors += store.errors
                store.close()
        bar.stage("resolving entities")
        t = time.perf_counter()
        resolution = resolve(analyses, gazetteer)
        report = None
        if corrections is not None:
            analyses, resolution, report = apply_corrections(corrections, analyses, resolution)
        t = timer.add("entities", t)
        bar.stage("assembling")
        G = build_graph(documents, analyses, resolution)
        timer.add("assemble", t)
    except BaseException:
        if owned:
            bar.close(finished=False)
        raise
    if owned:
        bar.close()
    return BuildResult(
        graph=G, documents=list(documents), timings=timer.timings, cache=stats, jobs=engine.jobs, corrections=report
    )


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


def _open_cache(cache: CacheOption) -> ParseCache | None:
    if cache is None or cache is False:
        return None
    return ParseCache(None if cache is True else cache)  # when unusable, it counts its errors


def analyse(document: Document, doc, extractor: MentionExtractor, timer: Timer | None = None) -> DocumentAnalysis:
    """The per-document stages on a parsed document: mentions, then statements."""
    from .statements import extract_statements

    timer = timer or Timer()
    t = time.perf_counter()
    sentences, mentions, acronyms = extractor(document, doc)
    t = timer.add("mentions", t)
    statements, affiliations = extract_statements(document, doc, mentions)
    timer.add("statements", t)
    return DocumentAnalysis(
        doc=document.id,
        sentences=sentences,
        mentions=mentions,
        acronyms=acronyms,
        statements=statements,
        affiliations=affiliations,
    )


# --- the per-document stages, in this process or in workers ---------------------------------


@dataclass
class ChunkResult:
    """What one chunk of documents gave: analyses in document order, the new parses to cache (by
    index in the chunk), cache counts and stage timings."""

    analyses: list[DocumentAnalysis]
    parses: list[tuple[int, bytes]]
    stats: CacheStats
    timings: dict[str, float]


class Analyser:
    """What a process needs to analyse documents, loaded once: the pipeline and the matchers."""

    def __init__(self, model: str | None, gazetteer: Gazetteer, nlp=None) -> None:
        from .mentions import MentionExtractor
        from .nlp import load_pipeline

        self.nlp = nlp if nlp is not None else load_pipeline(model)
        self.extractor = MentionExtractor(gazetteer, self.nlp)

    @property
    def version(self) -> str:
        """What a cached parse must have been made by (see :func:`graph.nlp.pipeline_version`)."""
        from . import nlp

        return nlp.pipeline_version(self.nlp)

    def run(self, documents: Sequence[Document], cached: Sequence[bytes | None], store: bool) -> ChunkResult:
        """Parse (or take from ``cached``) and analyse ``documents``; with ``store``, return the
        bytes of the new parses."""
        timer = Timer()
        stats = CacheStats()
        t = time.perf_counter()
        docs: list = [None] * len(documents)
        for i, (document, data) in enumerate(zip(documents, cached)):
            if data is not None:
                docs[i] = decode_doc(data, self.nlp.vocab, document.text)
                if docs[i] is None:
                    stats.errors += 1
        missing = [i for i, d in enumerate(docs) if d is None]
        stats.hits = len(documents) - len(missing)
        stats.misses = len(missing) if store else 0  # without a cache, nothing is a miss
        t = timer.add("cache", t)
        parses: list[tuple[int, bytes]] = []
        analyses = []
        parsed = self.nlp.pipe([documents[i].text for i in missing], batch_size=max(1, len(missing)))
        for i, document in enumerate(documents):
            if docs[i] is None:
                docs[i] = next(parsed)
                t = timer.add("nlp", t)
                if store:
                    parses.append((i, encode_doc(docs[i])))
                    t = timer.add("cache", t)
            analyses.append(analyse(document, docs[i], self.extractor, timer))
            docs[i] = None  # a parse is big: keep only the records
            t = time.perf_counter()
        return ChunkResult(analyses, parses, stats, timer.timings)


_analysers: dict[tuple, Analyser] = {}


def _shared_analyser(model: str | None, gazetteer: Gazetteer) -> Analyser:
    """The analyser of ``model`` and these curated data, loaded once per process: a notebook or a
    test suite that builds again does not load the pipeline again. One is kept (a pipeline is a
    few hundred MB); curated data with another fingerprint only rebuild the matchers."""
    key = (model, gazetteer.fingerprint)
    if key not in _analysers or not gazetteer.fingerprint:
        nlp = next((a.nlp for (m, _), a in _analysers.items() if m == model), None)
        _analysers.clear()
        analyser = Analyser(model, gazetteer, nlp)
        if not gazetteer.fingerprint:
            return analyser
        _analysers[key] = analyser
    return _analysers[key]


_worker: Analyser | BaseException | None = None


def _init_worker(model: str | None, gazetteer: Gazetteer) -> None:
    global _worker
    gc.set_threshold(GC_GEN0_THRESHOLD, *gc.get_threshold()[1:])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    try:
        _worker = Analyser(model, gazetteer)
    except Exception as exc:  # noqa: BLE001 - raised again, in the parent, by the first task
        _worker = exc


def _worker_state() -> Analyser:
    if isinstance(_worker, BaseException):
        raise _worker
    assert _worker is not None
    return _worker


def _worker_version() -> str:
    return _worker_state().version


def _worker_run(documents: Sequence[Document], cached: Sequence[bytes | None], store: bool) -> ChunkResult:
    return _worker_state().run(documents, cached, store)


class _Engine:
    """Runs the per-document stages: here (``jobs`` 1) or in a pool of ``jobs`` processes."""

    def __init__(self, model: str | None, gazetteer: Gazetteer, jobs: int = 1) -> None:
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self.model, self.gazetteer, self.jobs = model, gazetteer, jobs
        self._local: Analyser | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._warmup: list[Future] = []
        if jobs > 1:
            # 'spawn': a worker starts clean (no copy of the parent's threads or locks) on every OS.
            self._pool = ProcessPoolExecutor(
                jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker, initargs=(model, gazetteer)
            )
            # One task per worker makes the pool start all of them now: they load the pipeline
            # while the parent reads the documents.
            self._warmup = [self._pool.submit(_worker_version) for _ in range(jobs)]

    def __enter__(self) -> _Engine:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(abort=exc_type is not None)

    def close(self, abort: bool = False) -> None:
        """Stop the workers: when they are done, or at once on an error or Ctrl-C."""
        if self._pool is not None:
            if abort:
                for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                    process.terminate()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def version(self) -> str:
        if self._pool is None:
            if self._local is None:
                self._local = _shared_analyser(self.model, self.gazetteer)
            return self._local.version
        versions = {f.result() for f in self._warmup}
        if len(versions) != 1:
            raise RuntimeError(f"workers loaded different pipelines: {sorted(versions)}")
        return versions.pop()

    def analyse(
        self, documents: Sequence[Document], version: str, store: ParseCache | None, stats: CacheStats, timer: Timer, bar: Progress
    ) -> list[DocumentAnalysis]:
        """Every document's analysis, in document order."""
        store = store if store is not None and store.usable else None
        budget = CHUNK_CHARS["local"] if self._pool is None else CHUNK_CHARS["workers"]
        chunks = _chunks(documents, budget, CHUNK_MAX_DOCS, 1 if self._pool is None else self.jobs)
        analyses: list[DocumentAnalysis] = []

        def lookup(chunk: list[Document]) -> tuple[list[str], list[bytes | None]]:
            keys = [parse_key(d.text, version) for d in chunk]
            found = store.get_many(keys) if store is not None else {}
            return keys, [found.get(k) for k in keys]

        def take(keys: list[str], result: ChunkResult) -> None:
            analyses.extend(result.analyses)
            if store is not None and result.parses:
                store.put_many((keys[i], data) for i, data in result.parses)
            stats.add(result.stats)
            timer.merge(result.timings)
            bar.update(len(result.analyses), stats)

        if self._pool is None:
            assert self._local is not None
            for chunk in chunks:
                keys, cached = lookup(chunk)
                take(keys, self._local.run(chunk, cached, store is not None))
            return analyses

        # A window of chunks in flight, taken back in order: the workers never wait for the
        # parent, and the parent holds only the window's parses, never the corpus's.
        window: deque[tuple[list[str], Future]] = deque()
        for chunk in chunks:
            keys, cached = lookup(chunk)
            window.append((keys, self._pool.submit(_worker_run, chunk, cached, store is not None)))
            if len(window) >= self.jobs * WINDOW_PER_JOB:
                keys, future = window.popleft()
                take(keys, future.result())
        while window:
            keys, future = window.popleft()
            take(keys, future.result())
        return analyses


def _chunks(documents: Sequence[Document], budget: int, max_docs: int, jobs: int = 1) -> Iterator[list[Document]]:
    """Consecutive runs of documents of about ``budget`` characters (at least one document each).

    For ``jobs`` workers, a chunk holds at most a ``TAIL_CHUNKS_PER_JOB``-th of each worker's share
    of the text still to come (but :data:`MIN_CHUNK_CHARS`), as in guided self-scheduling: big
    chunks while there is much to do, small ones at the end, so that no worker parses a last big
    chunk while the others wait.

    >>> docs = [Document(id=str(i), text="x" * 10_000) for i in range(40)]
    >>> [len(c) for c in _chunks(docs, 200_000, 64, jobs=2)]
    [5, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2]
    """
    remaining = sum(len(d.text) for d in documents)

    def limit() -> int:
        return budget if jobs == 1 else min(budget, max(MIN_CHUNK_CHARS, remaining // (jobs * TAIL_CHUNKS_PER_JOB)))

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


# --- progress ----------------------------------------------------------------------------------


class Progress:
    """A tqdm bar over documents on stderr. It shows only once the build has run for ``delay``
    seconds (default :data:`PROGRESS_DELAY_S`), and then names the corpus-level stages that follow
    the documents. Disabled, it does nothing."""

    def __init__(self, total: int | None = None, *, enabled: bool = True, delay: float | None = None, file=None) -> None:
        self.total = total
        self._bar = None
        self._shown_after = time.monotonic() + (PROGRESS_DELAY_S if delay is None else delay)
        if enabled:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total,
                unit="doc",
                desc="parsing",
                file=file or sys.stderr,
                delay=PROGRESS_DELAY_S if delay is None else delay,
                dynamic_ncols=True,
                mininterval=0.5,
            )

    @property
    def enabled(self) -> bool:
        return self._bar is not None

    def reset(self, total: int) -> None:
        self.total = total
        if self._bar is not None:
            self._bar.total = total

    def update(self, n: int, stats: CacheStats | None = None) -> None:
        if self._bar is not None:
            if stats is not None and stats.hits:
                self._bar.set_postfix_str(f"{stats.hits} cached", refresh=False)
            self._bar.update(n)

    def stage(self, name: str) -> None:
        """Name what the build does now (the bar stays full while the corpus-level stages run)."""
        if self._bar is not None:
            self._bar.set_description_str(name, refresh=False)
            if time.monotonic() >= self._shown_after:  # tqdm would show a bar now, ignoring its delay
                self._bar.refresh()

    def close(self, finished: bool = True) -> None:
        if self._bar is not None:
            if finished and time.monotonic() >= self._shown_after:
                self._bar.set_description_str("done", refresh=False)
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(finished=exc_type is None)


@contextmanager
def progress_bar(enabled: bool, total: int | None = None) -> Iterator[Progress]:
    """A :class:`Progress` that the caller can go on naming stages on after the build (export)."""
    bar = Progress(total, enabled=enabled)
    try:
        yield bar
    except BaseException:
        bar.close(finished=False)
        raise
    bar.close()


__all__ = ["BuildResult", "NoDocuments", "Progress", "Timer", "analyse", "build", "build_documents", "fewer_gc_passes", "progress_bar"]
