"""The per-document stages on a Dask cluster (``--scheduler``): past one machine.

Every worker loads the spaCy pipeline and the curated data once (:class:`AnalyserPlugin`, a Dask
worker plugin) and runs :meth:`Analyser.run <graph.pipeline.analyser.Analyser.run>` on chunks of
documents of up to a megabyte of text, returning the same plain records as local processes. The
build's process (the client) keeps the parse cache: it sends a cached document's stored parse
instead of having it parsed again, and stores the new parses that come back. Resolution, assembly
and export stay on the client. Dask runs a chunk again elsewhere when its worker dies; a document
that fails is reported as it is locally; on an error or Ctrl-C the chunks in flight are cancelled.

Dask is an optional extra: ``pip install "entity-graph[dask]"``.
"""
from __future__ import annotations

import gc
import logging
import os
import threading
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import count

from ..gazetteer import Gazetteer
from .analyser import Analyser, Chunk, ChunkResult, shared_analyser
from .options import LOCAL_CLUSTER
from .runners import GC_GEN0_THRESHOLD, WINDOW_PER_WORKER, ClusterUnavailable, _Runner, in_order, keep_freed_memory, same_version

try:
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # Dask is an optional extra: DaskRunner says how to install it
    WorkerPlugin = object  # type: ignore[misc,assignment]

PLUGIN_NAME = "entity-graph-analyser"
CONNECT_TIMEOUT_S = 20  # how long to try to reach the scheduler
WORKERS_TIMEOUT_S = 60  # how long to wait for its first worker


class DaskRunner(_Runner):
    """On the Dask cluster whose scheduler is at ``scheduler`` (``tcp://host:8786``), or on a new
    cluster of N processes on this machine (``local:N``). Connecting and loading the pipeline on
    the workers go on while the build reads its documents."""

    # Tasks of a few seconds: enough of them that every worker stays busy to the end, and each
    # worker's batch stays small in memory; with their cached parses (about 5 bytes per character
    # of text) they stay far under Dask's 10 MB warning for a large task.
    chunk_chars = 200_000
    chunk_docs = 64

    def __init__(self, scheduler: str, model: str | None, gazetteer: Gazetteer) -> None:
        try:
            import distributed  # noqa: F401
        except ImportError:
            raise ClusterUnavailable('--scheduler needs Dask: pip install "entity-graph[dask]"') from None
        self.scheduler = scheduler
        self.workers = 1
        self.description = "Dask workers"
        self._plugin = AnalyserPlugin(model, gazetteer)
        self._cluster = None
        self._saved_environ: dict[str, str] | None = None  # a local cluster's: see _restore_environ
        self._client = None
        self._pending: deque = deque()  # chunks in flight
        self._version: str | BaseException | None = None
        self._closed = False
        self._setup = threading.Thread(target=self._connect, name="dask-connect", daemon=True)
        self._setup.start()

    def _connect(self) -> None:
        from distributed import Client, LocalCluster

        try:
            local = LOCAL_CLUSTER.fullmatch(self.scheduler)
            if local:
                self._saved_environ = dict(os.environ)  # put back by close(): see _restore_environ
                self._cluster = LocalCluster(
                    n_workers=int(local.group(1)), threads_per_worker=1, processes=True, dashboard_address=None,
                    silence_logs=logging.ERROR,
                    # No dashboard, but the scheduler's HTTP server stays: on a free port, not 8787
                    # (taken by another cluster: a warning on stderr)
                    scheduler_kwargs={"dashboard_address": ":0"},
                )
                self._client = Client(self._cluster)
            else:
                try:
                    self._client = Client(self.scheduler, timeout=CONNECT_TIMEOUT_S)
                except (OSError, TimeoutError) as exc:
                    raise ClusterUnavailable(f"cannot reach the Dask scheduler at {self.scheduler}: {exc}") from None
                try:
                    self._client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_S)
                except TimeoutError:
                    raise ClusterUnavailable(f"no Dask worker joined the scheduler at {self.scheduler} in {WORKERS_TIMEOUT_S} s") from None
            if self._closed:
                return
            self._client.register_plugin(self._plugin, name=PLUGIN_NAME)
            self._version = same_version(self._client.run(_plugin_version).values())
        except BaseException as exc:  # noqa: BLE001 - raised again in the build's thread by version()
            self._version = exc

    def version(self) -> str:
        self._setup.join()
        if isinstance(self._version, BaseException):
            raise self._version
        assert self._version is not None and self._client is not None
        self.workers = max(1, sum(self._client.nthreads().values()))
        self.description = f"{self.workers} Dask worker{'s' if self.workers != 1 else ''}"
        return self._version

    def map(self, chunks: Iterable[Chunk]) -> Iterator[ChunkResult]:
        client = self._client
        assert client is not None
        build, numbers = uuid.uuid4().hex[:12], count()

        def submit(chunk: Chunk):
            return client.submit(_run_chunk, chunk, key=f"entity-graph-chunk-{build}-{next(numbers)}", pure=False)

        return in_order(submit, chunks, self.workers * WINDOW_PER_WORKER, self._pending)

    def close(self, abort: bool = False) -> None:
        self._closed = True
        self._setup.join()
        if self._client is not None:
            if abort and self._pending:
                self._client.cancel(list(self._pending), force=True)
            self._pending.clear()
            if self._cluster is not None:
                _quiet_teardown(self._client)
            self._client.close()
            self._client = None
        if self._cluster is not None:
            quiet = logging.getLogger("distributed")
            level = quiet.level
            quiet.setLevel(logging.CRITICAL)
            try:
                self._cluster.close()
            finally:
                quiet.setLevel(level)
            self._cluster = None
        if self._saved_environ is not None:
            _restore_environ(self._saved_environ)
            self._saved_environ = None


def _restore_environ(saved: dict[str, str]) -> None:
    """Put the process environment back as ``saved``. A local cluster's nannies and scheduler run in
    the build's process and change its environment to start their workers (Dask's
    ``distributed.nanny.pre-spawn-environ``: MALLOC_TRIM_THRESHOLD_, OMP_NUM_THREADS...; a fixed
    PYTHONHASHSEED; __DASK_PARENT_PID): after the build the user's process, and the ``--jobs``
    workers it may start later, have the environment they had."""
    for key in set(os.environ) - set(saved):
        del os.environ[key]
    for key, value in saved.items():
        if os.environ.get(key) != value:
            os.environ[key] = value


class AnalyserPlugin(WorkerPlugin):
    """A Dask worker plugin: the worker loads the pipeline and the curated data once, when it
    starts (or when a build registers the plugin), and keeps them for every chunk. A worker that
    already holds the same model for an earlier build keeps it (:func:`shared_analyser`)."""

    name = PLUGIN_NAME

    def __init__(self, model: str | None, gazetteer: Gazetteer) -> None:
        self.model, self.gazetteer = model, gazetteer
        self.analyser: Analyser | BaseException | None = None

    def __getstate__(self) -> dict:
        return {"model": self.model, "gazetteer": self.gazetteer, "analyser": None}

    def setup(self, worker) -> None:
        gc.set_threshold(GC_GEN0_THRESHOLD, *gc.get_threshold()[1:])
        keep_freed_memory()
        try:
            self.analyser = shared_analyser(self.model, self.gazetteer)
        except Exception as exc:  # noqa: BLE001 - raised again, on the client, by version()
            self.analyser = exc

    def teardown(self, worker) -> None:
        self.analyser = None

    def ready(self) -> Analyser:
        if isinstance(self.analyser, BaseException):
            raise self.analyser
        assert self.analyser is not None
        return self.analyser


def _quiet_teardown(client) -> None:
    """Before this build stops the local cluster it started: its workers and nannies log only
    what is critical. As they go down one by one, a worker's heartbeat can meet the scheduler
    closing and print a traceback (a known race of Dask's shutdown) that says nothing about the
    build."""
    for nanny in (False, True):
        try:
            client.run(_log_only_critical, nanny=nanny, on_error="ignore")
        except Exception:  # noqa: BLE001 - a worker already gone: nothing to quiet
            pass


def _log_only_critical() -> None:
    logging.getLogger("distributed").setLevel(logging.CRITICAL)


def _worker_plugin(worker) -> AnalyserPlugin:
    return worker.plugins[PLUGIN_NAME]


def _plugin_version(dask_worker) -> str:
    return _worker_plugin(dask_worker).ready().version


def _run_chunk(chunk: Chunk) -> ChunkResult:
    from distributed import get_worker

    return _worker_plugin(get_worker()).ready().run(chunk)


__all__ = ["AnalyserPlugin", "DaskRunner"]
