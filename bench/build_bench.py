"""How fast is a build on a real corpus, and how close does it come to spaCy alone?

For each sample size and each number of processes, in the same run and alternating, two fresh
Python processes over the same documents (as ``read_documents`` cleans them):

    bare    load the build's spaCy pipeline as spaCy ships it (``load_pipeline(stock=True)``: all
            its components, none of ours) and run ``nlp.pipe(texts, n_process=jobs)`` over the
            texts: the floor a build can approach. The build parses with the same model but puts
            table-driven ``attribute_ruler`` and ``lemmatizer`` (same annotations, see
            graph/nlp_tables.py) in place of the stock ones
    build   ``entity-graph build``'s work from the files to graph.json, graph.graphml and
            graph.html: read, parse, mentions, statements, entities, assemble, export, render,
            with a new, empty parse cache (the default configuration, writing the cache included)

and prints documents/s and words/s of each (wall time of the whole process, Python start and
imports included, best of ``--repeat``), their ratio, the CPU time of the process tree, its peak
memory (the sum of the RSS of the process and its children, sampled every 50 ms), the time of
each stage, and how the total grows with the number of documents. Then the incremental builds on
the largest sample: every parse cached, 10 articles new, and new curated data.

Usage:  .venv/bin/python bench/build_bench.py                         (100, 500 and every article)
        .venv/bin/python bench/build_bench.py --sample 200 --jobs 1 --repeat 3
        .venv/bin/python bench/build_bench.py --corpus other.jsonl --sample 100 500 --json out.json
        .venv/bin/python bench/build_bench.py --sample 300 --jobs 2 --scheduler local:2 --repeat 3

The corpus is read where it lies (default ``../shared/corpus/bbc_news.jsonl`` beside the repo);
samples are a fixed shuffle's first N articles, so every category is in each, and the smaller
samples are parts of the bigger ones.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news.jsonl"
SEED = 6
STAGES = ("read", "setup", "nlp", "mentions", "statements", "entities", "assemble", "export", "render")


# --- what runs in the measured processes -------------------------------------------------------


def child_bare(texts_file: str, jobs: int, batch_size: int) -> dict:
    from graph.nlp import load_pipeline

    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    t = time.perf_counter()
    nlp = load_pipeline(stock=True)  # as spaCy ships it: all its components, none of ours
    load = time.perf_counter() - t
    n = 0
    for _ in nlp.pipe(texts, n_process=jobs, batch_size=batch_size):
        n += 1
    return {"docs": n, "load": load, "pipe": time.perf_counter() - t - load}


def child_build(corpus: str, out: str, workers: str, cache: str, extra: list[str]) -> dict:
    """``workers``: a number of processes (``--jobs``), or a Dask scheduler (``--scheduler``)."""
    from graph.cli import write_build_outputs
    from graph.pipeline import BuildOptions, build, fewer_gc_passes

    where = {"jobs": int(workers)} if workers.isdigit() else {"scheduler": workers}
    options = BuildOptions(cache=cache or False, extra_entities=extra, **where)
    with fewer_gc_passes():  # what entity-graph build does, but for the progress bar and the summary
        result = build([corpus], options)
        write_build_outputs(result, out, jobs=options.jobs)
    return {
        "docs": len(result.documents),
        "timings": result.timings,
        "hits": result.cache.hits,
        "misses": result.cache.misses,
        "nodes": result.graph.number_of_nodes(),
        "edges": result.graph.number_of_edges(),
    }


# --- measuring a process -----------------------------------------------------------------------


def _tree_rss(pid: int) -> tuple[int, int]:
    """The summed RSS of process ``pid`` and its descendants, and the largest descendant's."""
    import psutil

    try:
        proc = psutil.Process(pid)
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    total = largest = 0
    for p in procs:
        try:
            rss = p.memory_info().rss
        except psutil.Error:
            continue
        total += rss
        if p is not proc:
            largest = max(largest, rss)
    return total, largest


def run_measured(args: list[str]) -> dict:
    """Run ``python build_bench.py --child ...``: wall time, CPU time and peak RSS of its tree."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    peak = peak_child = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_child
        while not stop.is_set():
            total, largest = _tree_rss(proc.pid)
            peak, peak_child = max(peak, total), max(peak_child, largest)
            stop.wait(0.05)

    sampler = None
    try:
        import psutil  # noqa: F401

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    except ImportError:
        pass
    out, _ = proc.communicate()
    wall = time.perf_counter() - t
    stop.set()
    if sampler:
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"measured process failed ({proc.returncode}): {' '.join(args)}")
    report = json.loads(out.strip().splitlines()[-1])
    report["wall"] = wall
    report["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # Without psutil: the largest single process (a lower bound of the tree's peak).
    report["peak_rss_mb"] = (peak or after.ru_maxrss * 1024) / 2**20
    report["peak_worker_mb"] = peak_child / 2**20  # the largest child process: a worker's peak
    return report


# --- the benchmark -----------------------------------------------------------------------------


def prepare(corpus: Path, sizes: list[int], work: Path) -> dict[int, dict]:
    from graph.documents import read_documents

    rows = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(SEED).shuffle(rows)
    samples = {}
    for n in sizes:
        n = min(n, len(rows))
        folder = work / f"sample-{n}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "articles.jsonl"
        path.write_text("\n".join(rows[:n]) + "\n", encoding="utf-8")
        documents, _ = read_documents([path])
        texts = work / f"texts-{n}.json"
        texts.write_text(json.dumps([d.text for d in documents]), encoding="utf-8")
        words = sum(len(d.text.split()) for d in documents)
        chars = sum(len(d.text) for d in documents)
        samples[n] = {"path": path, "texts": texts, "docs": len(documents), "words": words, "chars": chars}
    return samples


def bare_batch_size(sample: dict, jobs: int) -> int:
    """The number of documents in the build's (biggest) chunks, about 64,
    so that the two differ by the work after the parse, not by batching. (spaCy's default of 256
    is slower here, and needs twice the memory; with workers, it would leave one idle on a small
    sample, since spaCy deals whole batches round-robin.)"""
    from graph.pipeline.runners import InProcessRunner, ProcessRunner

    runner = InProcessRunner if jobs == 1 else ProcessRunner
    average = max(1, sample["chars"] // max(1, sample["docs"]))
    return max(1, min(runner.chunk_docs, runner.chunk_chars // average, sample["docs"] // jobs or 1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sample", type=int, nargs="+", default=[100, 500, 10**9], metavar="N",
                    help="sample sizes (default: 100 500 and the whole corpus)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], metavar="N")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each measurement; the best is kept")
    ap.add_argument("--bare-batch", nargs="+", default=["auto"], metavar="N",
                    help="nlp.pipe batch sizes to try for the floor, the fastest counts (default: auto, the build's chunk size)")
    ap.add_argument("--scheduler", metavar="ADDRESS",
                    help="instead: paired builds with the largest --jobs and on this Dask scheduler (local:N for a local cluster); median doc/s of --repeat pairs")
    ap.add_argument("--no-incremental", action="store_true", help="skip the cached rebuilds")
    ap.add_argument("--json", type=Path, help="also write every figure here")
    ap.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child:
        kind, *rest = args.child
        if kind == "bare":
            report = child_bare(rest[0], int(rest[1]), int(rest[2]))
        else:
            report = child_build(rest[0], rest[1], rest[2], rest[3], rest[4:])
        print(json.dumps(report))
        return

    if not args.corpus.exists():
        raise SystemExit(f"no corpus at {args.corpus} (pass --corpus)")
    work = Path(tempfile.mkdtemp(prefix="entity-graph-bench-"))
    samples = prepare(args.corpus, sorted(set(args.sample)), work)
    sizes = ", ".join(f"{s['docs']} docs / {s['words']:,} words" for s in samples.values())
    print(f"corpus {args.corpus}: samples {sizes}")
    print(f"machine: {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at start; Python {sys.version.split()[0]}")
    if args.scheduler:
        for sample in samples.values():
            compare_scheduler(sample, max(args.jobs), args.scheduler, args.repeat, work)
        shutil.rmtree(work, ignore_errors=True)
        return
    results = []
    for n, sample in samples.items():
        for jobs in args.jobs:
            best: dict[str, dict] = {}
            batches = [bare_batch_size(sample, jobs) if b == "auto" else int(b) for b in args.bare_batch]
            for run in range(args.repeat):
                for kind in ["bare"] * len(batches) + ["build"]:  # alternating, so that load from elsewhere hits both
                    if kind == "bare":
                        batch = batches.pop(0)
                        batches.append(batch)
                        child = ["bare", str(sample["texts"]), str(jobs), str(batch)]
                    else:
                        cache = work / f"cache-{n}-{jobs}-{run}"
                        child = ["build", str(sample["path"]), str(work / f"out-{n}-{jobs}"), str(jobs), str(cache)]
                    report = run_measured(child)
                    if kind == "bare":
                        report["batch_size"] = batch
                    if kind not in best or report["wall"] < best[kind]["wall"]:
                        best[kind] = report
            row = {"docs": sample["docs"], "words": sample["words"], "jobs": jobs, "bare": best["bare"], "build": best["build"],
                   "graph_json": (work / f"out-{n}-{jobs}" / "graph.json").read_bytes()}
            results.append(row)
            print_row(row, header=len(results) == 1)

    print_stages(results)
    print_scaling(results)
    check_same_graphs(results)
    incremental = [] if args.no_incremental else run_incremental(samples[max(samples)], work, max(args.jobs))
    if args.json:
        for row in results:
            row.pop("graph_json", None)
        args.json.write_text(json.dumps({"results": results, "incremental": incremental}, indent=1, default=str))
    shutil.rmtree(work, ignore_errors=True)  # samples, caches and outputs: a few hundred MB


def compare_scheduler(sample: dict, jobs: int, scheduler: str, repeat: int, work: Path) -> dict:
    """``repeat`` pairs of cold builds (an empty cache each), ``--jobs jobs`` then ``--scheduler``:
    the median throughput of each, their ratio, and peak memory (all processes, and the largest
    worker). Each build starts its workers (a local cluster too), as ``entity-graph build`` does."""
    import statistics

    runs: dict[str, list[dict]] = {"jobs": [], "scheduler": []}
    graphs = set()
    for run in range(repeat):
        for kind, workers in (("jobs", str(jobs)), ("scheduler", scheduler)):
            out = work / f"out-{kind}"
            runs[kind].append(run_measured(["build", str(sample["path"]), str(out), workers, str(work / f"cache-{kind}-{run}")]))
            graphs.add((out / "graph.json").read_bytes())
    rate = {kind: statistics.median(sample["docs"] / r["wall"] for r in rs) for kind, rs in runs.items()}
    print(f"\n{sample['docs']} docs, {repeat} paired cold builds (median doc/s; peak RSS of all processes, of the largest worker)")
    for kind, label in (("jobs", f"--jobs {jobs}"), ("scheduler", f"--scheduler {scheduler}")):
        rs = runs[kind]
        print(f"  {label:<24} {rate[kind]:6.2f} doc/s   wall {statistics.median(r['wall'] for r in rs):6.1f} s   "
              f"setup {statistics.median(r['timings'].get('setup', 0.0) for r in rs):5.1f} s   "
              f"peak {max(r['peak_rss_mb'] for r in rs):6.0f} MB, worker {max(r['peak_worker_mb'] for r in rs):5.0f} MB")
    client = ("read", "entities", "assemble", "export", "render")
    for kind, rs in runs.items():
        per_k = {s: statistics.median(1000 * r["timings"].get(s, 0.0) / sample["docs"] for r in rs) for s in client}
        print(f"  {kind}: the build's own stages, s per 1,000 articles: " + ", ".join(f"{k} {v:.2f}" for k, v in per_k.items()))
    ratio = rate["scheduler"] / rate["jobs"]
    print(f"  throughput ratio scheduler / jobs: {ratio:.2f}; graph.json identical: {'yes' if len(graphs) == 1 else 'NO'}")
    return {"rate": rate, "ratio": ratio, "runs": runs}


def print_row(row: dict, header: bool) -> None:
    if header:
        print()
        print(f"{'docs':>5} {'jobs':>4} | {'bare s':>7} {'doc/s':>6} {'word/s':>7} | {'build s':>7} {'doc/s':>6} {'word/s':>7} "
              f"| {'ratio':>5} {'cpu ratio':>9} | {'peak RSS':>8} {'(bare)':>8} {'bare batch':>10}")
    bare, build = row["bare"], row["build"]
    print(
        f"{row['docs']:>5} {row['jobs']:>4} | {bare['wall']:7.1f} {row['docs'] / bare['wall']:6.2f} {row['words'] / bare['wall']:7.0f} "
        f"| {build['wall']:7.1f} {row['docs'] / build['wall']:6.2f} {row['words'] / build['wall']:7.0f} "
        f"| {bare['wall'] / build['wall']:5.2f} {bare['cpu'] / build['cpu']:9.2f} "
        f"| {build['peak_rss_mb']:6.0f}MB {bare['peak_rss_mb']:6.0f}MB {bare['batch_size']:>10}",
        flush=True,
    )


def print_stages(results: list[dict]) -> None:
    print("\nstage seconds (nlp, mentions, statements: summed over the worker processes when jobs > 1)")
    print(f"{'docs':>5} {'jobs':>4} | " + " ".join(f"{s:>10}" for s in STAGES) + f" | {'documents':>9} {'wall':>7}")
    for row in results:
        t = row["build"]["timings"]
        print(f"{row['docs']:>5} {row['jobs']:>4} | " + " ".join(f"{t.get(s, 0.0):10.2f}" for s in STAGES)
              + f" | {t.get('documents', 0.0):9.2f} {row['build']['wall']:7.1f}")


def print_scaling(results: list[dict]) -> None:
    print("\ngrowth: seconds per 1,000 documents (flat = linear), and speed-up of jobs over 1 job")
    by = {(r["docs"], r["jobs"]): r for r in results}
    for (docs, jobs), row in sorted(by.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        t = row["build"]["timings"]
        per_k = {s: 1000 * t.get(s, 0.0) / docs for s in ("read", "documents", "entities", "assemble", "export", "render")}
        speedup = ""
        if jobs != 1 and (docs, 1) in by:
            one = by[(docs, 1)]
            speedup = f"  speed-up build {one['build']['wall'] / row['build']['wall']:.2f}x, bare {one['bare']['wall'] / row['bare']['wall']:.2f}x"
        print(f"{docs:>5} docs, {jobs} jobs: total {1000 * row['build']['wall'] / docs:6.1f} s/1k docs; "
              + ", ".join(f"{k} {v:.1f}" for k, v in per_k.items()) + speedup)


def check_same_graphs(results: list[dict]) -> None:
    by_docs: dict[int, set[bytes]] = {}
    for row in results:
        by_docs.setdefault(row["docs"], set()).add(row["graph_json"])
    same = all(len(v) == 1 for v in by_docs.values())
    print(f"\ngraph.json identical across jobs for each sample: {'yes' if same else 'NO'}")


def run_incremental(sample: dict, work: Path, jobs: int) -> list[dict]:
    """A cache filled by a cold build; then all cached, 10 articles new, and new curated data."""
    import sqlite3

    from graph.cache import FILENAME, parse_key
    from graph.nlp import load_pipeline, pipeline_version

    cache = work / "cache-incremental"
    out = work / "out-incremental"
    cold = run_measured(["build", str(sample["path"]), str(out), str(jobs), str(cache)])
    graphs = [(out / "graph.json").read_bytes()]
    warm = run_measured(["build", str(sample["path"]), str(out), str(jobs), str(cache)])
    graphs.append((out / "graph.json").read_bytes())
    version = pipeline_version(load_pipeline())
    texts = json.loads(sample["texts"].read_text(encoding="utf-8"))
    with sqlite3.connect(cache / FILENAME) as db:  # as if the last 10 articles had just been added
        db.executemany("DELETE FROM parses WHERE key = ?", [(parse_key(t, version),) for t in texts[-10:]])
    added = run_measured(["build", str(sample["path"]), str(out), str(jobs), str(cache)])
    graphs.append((out / "graph.json").read_bytes())
    extra = work / "extra-entities.jsonl"
    extra.write_text(json.dumps({"id": "bench_entity", "label": "Bench Entity", "type": "organization", "aliases": ["Bench Entity Ltd"]}) + "\n")
    data = run_measured(["build", str(sample["path"]), str(out), str(jobs), str(cache), str(extra)])
    print(f"\nincremental, {sample['docs']} docs, {jobs} jobs (wall s, parses: hits/misses)")
    rows = []
    for name, r in (("cold cache", cold), ("all cached", warm), ("10 new articles", added), ("new curated data", data)):
        print(f"  {name:<18} {r['wall']:7.1f} s   {r['hits']:>5}/{r['misses']:<5}  nlp {r['timings'].get('nlp', 0.0):6.1f} s  peak {r['peak_rss_mb']:.0f} MB")
        rows.append({"case": name, **r})
    print(f"  graph.json identical with a cold, a full and a partial cache: {'yes' if len(set(graphs)) == 1 else 'NO'}")
    return rows


if __name__ == "__main__":
    main()
