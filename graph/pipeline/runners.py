"""How the per-document stages run: a :class:`DocumentRunner` takes chunks of documents and gives
back their :class:`~graph.pipeline.analyser.ChunkResult` in chunk order. Two live here: in this
process (:class:`InProcessRunner`) and in a pool of local processes (:class:`ProcessRunner`,
``--jobs``); the third runs on a Dask cluster (:class:`graph.pipeline.cluster.DaskRunner`,
``--scheduler``). What they run is the same :meth:`Analyser.run <graph.pipeline.analyser.Analyser.run>`,
so the graph does not depend on the runner.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Protocol

from ..gazetteer import Gazetteer
from .analyser import Analyser, Chunk, ChunkResult, shared_analyser

GC_GEN0_THRESHOLD = 50_000  # Python's default, 700, makes export and render spend a third of their time in gc
WINDOW_PER_WORKER = 3  # chunks queued per worker, so that none waits for the build's process
ORPHAN_CHECK_S = 1.0  # how often a worker checks that the build's process is still alive
# glibc's malloc options (mallopt): give freed memory back to the OS only past 64 MB free, and
# serve requests under 32 MB from the heap (glibc's own ceiling when it adapts by itself).
M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3
TRIM_THRESHOLD_BYTES, MMAP_THRESHOLD_BYTES = 64 << 20, 32 << 20


class DocumentRunner(Protocol):
    """Runs the per-document stages over chunks of documents.

    ``workers``: how many chunks run at once (the chunks shrink near the end so that all of them
    finish together); ``chunk_chars`` and ``chunk_docs``: the most text and documents per chunk;
    ``description``: for the build's summary line (``"2 processes"``).
    """

    workers: int
    chunk_chars: int
    chunk_docs: int
    description: str

    def version(self) -> str:
        """The pipeline version the workers parse with (the parse cache's key); waits for them."""
        ...

    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        """Each chunk's result, in the order of ``chunks``."""
        ...

    def close(self, abort: bool = False) -> None:
        """Stop the workers: when they are done, or at once (``abort``: an error or Ctrl-C)."""
        ...


class ClusterUnavailable(RuntimeError):
    """The Dask cluster cannot be used: Dask is not installed, or the scheduler cannot be reached."""


class _Runner:
    """Context management for the runners: closed at the end, aborted on an exception."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc) -> None:
        self.close(abort=exc_type is not None)

    def close(self, abort: bool = False) -> None:
        pass


class InProcessRunner(_Runner):
    """In this process, one chunk after the other (``jobs`` 1)."""

    workers = 1
    # spaCy parses a batch of a few dozen articles markedly faster than one of a dozen, and one of
    # 64 (200,000 characters) 5-10 % slower than one of 30-45: its arrays outgrow what malloc reuses
    chunk_chars = 100_000
    chunk_docs = 64
    description = "1 process"

    def __init__(self, model: str | None, gazetteer: Gazetteer) -> None:
        self.model, self.gazetteer = model, gazetteer
        self._analyser: Analyser | None = None

    def version(self) -> str:
        if self._analyser is None:
            self._analyser = shared_analyser(self.model, self.gazetteer)
        return self._analyser.version

    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        self.version()
        assert self._analyser is not None
        return map(self._analyser.run, chunks)


class ProcessRunner(_Runner):
    """In ``jobs`` local processes, each of which loads the pipeline and the curated data once."""

    chunk_chars = 100_000  # as fast as 200,000 with workers, and 0.3 GB less memory
    chunk_docs = 64

    def __init__(self, model: str | None, gazetteer: Gazetteer, jobs: int) -> None:
        self.workers = jobs
        self.description = f"{jobs} processes"
        # 'spawn': a worker starts clean (no copy of the parent's threads or locks) on every OS.
        self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
            jobs, mp_context=multiprocessing.get_context("spawn"), initializer=_init_worker, initargs=(model, gazetteer, os.getpid())
        )
        # One task per worker makes the pool start all of them now: they load the pipeline
        # while the build's process reads the documents.
        self._warmup = [self._pool.submit(_worker_version) for _ in range(jobs)]

    def version(self) -> str:
        return same_version(f.result() for f in self._warmup)

    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        assert self._pool is not None
        pool = self._pool
        return in_order(lambda chunk: pool.submit(_worker_run, chunk), chunks, self.workers * WINDOW_PER_WORKER)

    def close(self, abort: bool = False) -> None:
        if self._pool is not None:
            if abort:
                for process in list((getattr(self._pool, "_processes", None) or {}).values()):
                    process.terminate()
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def in_order(
    submit: Callable[[Chunk], Future], chunks: Iterable[Chunk], window: int, pending: deque | None = None
) -> Iterator[ChunkResult]:
    """Submit the chunks, ``window`` at most in flight, and give their results back in order: the
    workers never wait for the build's process, which holds only the window's parses, never the
    corpus's. ``submit`` returns a future (of :mod:`concurrent.futures` or Dask's); ``pending``
    holds those in flight (for a runner to cancel)."""
    pending = deque() if pending is None else pending
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield _next_result(pending)
    while pending:
        yield _next_result(pending)


def _next_result(pending: deque) -> ChunkResult:
    result = pending[0].result()  # still pending (to cancel) while it is awaited
    pending.popleft()
    return result


def same_version(versions: Iterable[str]) -> str:
    """The one pipeline version all workers loaded."""
    found = set(versions)
    if len(found) != 1:
        raise RuntimeError(f"workers loaded different pipelines: {sorted(found)}")
    return found.pop()


# --- in a worker process -------------------------------------------------------------------------

_worker: Analyser | BaseException | None = None


def _init_worker(model: str | None, gazetteer: Gazetteer, parent: int) -> None:
    global _worker
    _exit_with_parent(parent)
    keep_freed_memory()  # a worker may inherit MALLOC_TRIM_THRESHOLD_ (from a Dask cluster the user started in this process)
    gc.set_threshold(GC_GEN0_THRESHOLD, *gc.get_threshold()[1:])
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    try:
        _worker = Analyser(model, gazetteer)
    except Exception as exc:  # noqa: BLE001 - raised again, in the parent, by the first task
        _worker = exc


def keep_freed_memory() -> None:
    """Undo, in this worker process, the ``MALLOC_TRIM_THRESHOLD_=65536`` that Dask's nanny puts
    in a worker's environment (``distributed.nanny.pre-spawn-environ``). With it glibc gives every
    freed block of 64 kB back to the OS and stops adapting when to use mmap, so each of spaCy's
    arrays is mapped, zeroed and unmapped again: seven times the page faults of a plain process,
    and a worker parses 10-20 % slower than a ``--jobs`` process. A nanny of a local cluster runs
    in the process that started it and leaves the variable in its environment (a ``local:N``
    build puts it back; a cluster the user started does not), so ``--jobs`` workers started
    there later may inherit it: they call this too (in a plain worker it changes nothing
    measurable). A worker holds one pipeline and one chunk at a time, so keeping freed memory
    costs little. Not glibc: nothing to undo."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES)
        libc.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
    except (OSError, AttributeError):  # another C library (musl has no mallopt)
        pass


def _exit_with_parent(parent: int) -> None:
    """End this worker when the build's process ``parent`` dies (killed with SIGKILL, it cannot
    stop its workers): at once on Linux (the kernel's parent-death signal), else within
    :data:`ORPHAN_CHECK_S` (a thread that watches for a new parent process id)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            PR_SET_PDEATHSIG = 1
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _worker_state() -> Analyser:
    if isinstance(_worker, BaseException):
        raise _worker
    assert _worker is not None
    return _worker


def _worker_version() -> str:
    return _worker_state().version


def _worker_run(chunk: Chunk) -> ChunkResult:
    return _worker_state().run(chunk)


__all__ = ["ClusterUnavailable", "DocumentRunner", "InProcessRunner", "ProcessRunner", "in_order", "same_version"]
