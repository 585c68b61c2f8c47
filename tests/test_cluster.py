"""The build on a Dask cluster (``--scheduler``): one LocalCluster of two worker processes, shared
by the tests of this module, must give graph.json byte for byte as the local build does, use the
parse cache kept by the build's process, survive a worker killed in the middle of a chunk, and
report a document that fails without losing the others."""
from __future__ import annotations

import logging
import os
import random
import sys
import time

import pytest

distributed = pytest.importorskip("distributed")

import graph.pipeline.cluster as cluster_module  # noqa: E402
from graph.cli import main  # noqa: E402
from graph.export import dumps_json, to_data  # noqa: E402
from graph.pipeline import BuildOptions, Progress, build  # noqa: E402
from graph.faults import FAULT_ENV  # noqa: E402
from graph.pipeline.cluster import DaskRunner  # noqa: E402
from tests.built import page_faults_of_reused_buffers  # noqa: E402

SEEDS = os.path.join(os.path.dirname(__file__), "..", "seeds")

# A generated corpus of invented people, groups and places, so that no build here leans on
# anything curated: who said what to whom, in a few sentence shapes.
PEOPLE = ["Ilsa Varnholm", "Teodor Brask", "Mirela Quandt", "Osric Pellham", "Dana Krolow", "Yusuf Amberley"]
GROUPS = ["the Halvard Institute", "the Northmere Council", "the Vesk Union", "the Corran Trust"]
PLACES = ["Tallowmere", "Brisk Harbour", "Ostvald", "Karrow"]


def generated_corpus(folder, n: int = 24, seed: int = 16):
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        a, b = rng.sample(PEOPLE, 2)
        group, place = rng.choice(GROUPS), rng.choice(PLACES)
        text = (
            f"{a} meets {b} in {place}\n\n"
            f"{a}, the head of {group}, said on Tuesday that talks in {place} would resume. "
            f'"We have nothing to hide," {b} told reporters after the meeting. '
            f"{b.split()[1]} later met officials of {group} in {rng.choice(PLACES)}.\n"
        )
        (folder / f"article-{i:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def graph_bytes(result) -> bytes:
    return dumps_json(to_data(result.graph)).encode("utf-8")


def _set_fault(value: str | None) -> None:
    """Run on a worker (client.run): set or clear its fault hook."""
    import os

    from graph.faults import FAULT_ENV

    if value is None:
        os.environ.pop(FAULT_ENV, None)
    else:
        os.environ[FAULT_ENV] = value


def _fault() -> str | None:
    import os

    from graph.faults import FAULT_ENV

    return os.environ.get(FAULT_ENV)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
    ) as local, distributed.Client(local) as client:
        yield local.scheduler_address, client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generated_corpus(tmp_path_factory.mktemp("generated"))


@pytest.fixture
def one_document_per_chunk(monkeypatch):
    """Chunks of one document, so that they finish out of order and on both workers."""
    monkeypatch.setattr(DaskRunner, "chunk_chars", 1)


def test_the_cluster_gives_the_local_graph_json(cluster, corpus, one_document_per_chunk):
    address, _ = cluster
    for paths in ([SEEDS], [corpus]):
        local = build(paths, cache=False)
        distributed_ = build(paths, BuildOptions(scheduler=address, cache=False))
        assert distributed_.runner == "2 Dask workers"
        assert distributed_.timings["nlp"] > 0
        assert graph_bytes(distributed_) == graph_bytes(local)


def test_the_cache_stays_with_the_build_and_a_second_build_parses_nothing(cluster, corpus, tmp_path):
    address, _ = cluster
    options = BuildOptions(scheduler=address, cache=tmp_path / "cache")
    first = build([corpus], options)
    assert (first.cache.hits, first.cache.misses, first.cache.errors) == (0, 24, 0)
    second = build([corpus], options)
    assert (second.cache.hits, second.cache.misses) == (24, 0)
    assert "nlp" not in second.timings  # the workers decoded the parses the build sent them
    local = build([corpus], cache=tmp_path / "cache")  # and a local build reads what they parsed
    assert local.cache.hits == 24
    assert graph_bytes(first) == graph_bytes(second) == graph_bytes(local)


def test_a_worker_killed_mid_chunk_has_its_chunk_run_again(cluster, corpus, one_document_per_chunk):
    address, client = cluster
    expected = graph_bytes(build([corpus], cache=False))
    doomed = sorted(client.scheduler_info()["workers"])[0]
    client.run(_set_fault, "exit-worker", workers=[doomed])  # its next chunk ends its process
    result = build([corpus], BuildOptions(scheduler=address, cache=False))
    assert graph_bytes(result) == expected and not result.problems
    assert doomed not in client.scheduler_info()["workers"]  # it did die; Dask ran its chunk elsewhere
    client.wait_for_workers(2, timeout=120)  # the nanny starts a new one, without the fault
    assert set(client.run(_fault).values()) == {None}


def test_a_document_that_fails_on_a_worker_is_reported_not_fatal(cluster, corpus, tmp_path, capsys, monkeypatch):
    address, client = cluster
    bad = corpus / "article-03.txt"
    mark = bad.read_text(encoding="utf-8").split("\n")[0]  # its headline: in no other article of this seed
    assert sum(mark in p.read_text(encoding="utf-8") for p in corpus.iterdir()) == 1
    client.run(_set_fault, f"fail-document:{mark}")
    try:
        result = build([corpus], BuildOptions(scheduler=address, cache=False))
        code = main(["build", str(corpus), "--scheduler", address, "--no-cache", "-q", "--out", str(tmp_path / "out")])
    finally:
        client.run(_set_fault, None)
    assert [p.path for p in result.problems] == [str(bad)]
    assert "could not be analysed (RuntimeError: fault injected" in result.problems[0].message
    assert len(result.documents) == 23 and bad.name not in result.graph.graph["documents"]
    assert code == 0
    err = capsys.readouterr().err
    assert err.startswith(f"entity-graph: skipped {bad}: could not be analysed") and len(err.strip().splitlines()) == 1
    monkeypatch.setenv(FAULT_ENV, f"fail-document:{mark}")  # locally: the same problem, the same graph
    local = build([corpus], cache=False)
    assert local.problems == result.problems and graph_bytes(local) == graph_bytes(result)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc options")
def test_workers_keep_freed_memory_instead_of_mapping_it_again(cluster, corpus):
    """Dask's nanny starts workers with MALLOC_TRIM_THRESHOLD_=65536, which made them parse 10-20 %
    slower than --jobs processes (every big array of spaCy's mapped and zeroed anew); a worker
    that has taken the build's plugin keeps its freed memory, as a plain process does."""
    address, client = cluster
    build([corpus], BuildOptions(scheduler=address, cache=False))
    faults = client.run(page_faults_of_reused_buffers)
    assert len(faults) == 2 and max(faults.values()) < 20 * 6144 // 4, faults


class _Interrupt(Progress):
    """Ctrl-C as the first chunk comes back."""

    def update(self, n, stats=None):
        raise KeyboardInterrupt


def test_ctrl_c_cancels_the_chunks_and_leaves_the_output(cluster, corpus, tmp_path, monkeypatch, one_document_per_chunk):
    address, client = cluster
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--scheduler", address, "--no-cache", "-q", "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    with pytest.raises(KeyboardInterrupt):
        build([corpus], scheduler=address, cache=False, progress=_Interrupt(enabled=False))
    monkeypatch.setattr(Progress, "update", _Interrupt.update)
    assert main(["build", str(corpus), "--scheduler", address, "--no-cache", "-q", "--out", str(out)]) == 130
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    deadline = time.monotonic() + 30
    while client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert client.run_on_scheduler(lambda dask_scheduler: len(dask_scheduler.tasks)) == 0  # nothing left running


def test_an_unreachable_scheduler_or_a_bad_address_is_one_line(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(cluster_module, "CONNECT_TIMEOUT_S", 1)
    seeds = ["build", SEEDS, "--out", str(tmp_path / "out")]
    assert main([*seeds, "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("entity-graph: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9") and "\n" not in err
    assert main([*seeds, "--scheduler", "somewhere"]) == 2
    assert "not a Dask scheduler address: 'somewhere'" in capsys.readouterr().err
    assert main([*seeds, "--scheduler", "local:2", "--jobs", "2"]) == 2
    assert "exclude each other" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_a_local_cluster_leaves_the_environment_as_it_was(corpus, monkeypatch):
    """A local cluster's nannies, in the build's process, set MALLOC_TRIM_THRESHOLD_ and the
    thread counts of numeric libraries in its environment to start their workers; after the
    build the user's process has the environment it had (a set value kept, an unset one unset)."""
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    monkeypatch.setenv("OMP_NUM_THREADS", "3")
    before = dict(os.environ)
    result = build([corpus], BuildOptions(scheduler="local:1", cache=False))
    assert result.runner == "1 Dask worker"
    assert dict(os.environ) == before
