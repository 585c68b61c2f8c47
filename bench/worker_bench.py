"""How fast does one worker run its chunks, and how many page faults does it take, per variant?

Each run is a fresh Python process that does what a ``--jobs`` worker does (loads the
:class:`~graph.pipeline.analyser.Analyser` once, then runs chunks of the BBC articles, new parses
encoded for the cache) under one variant, and prints per chunk: wall seconds, CPU seconds of the
process, minor page faults and the stage seconds. Variants run one after the other, alternating
and in a new order each round, so that load from elsewhere on a shared machine hits all of them;
the first chunk of a run (warm-up) is left out of the figures. CPU seconds are the figure to
compare on a loaded machine (wall time there is mostly waiting for a core).

Variants: ``plain`` (a process as Python starts it), ``keep`` (:func:`keep_freed_memory` called
before the pipeline loads, as a worker does), ``batch:N`` (``nlp.pipe`` batch size N instead of
the whole chunk), ``trim65536`` (started with Dask's nanny's ``MALLOC_TRIM_THRESHOLD_=65536``, as
a ``--jobs`` worker is when the build's process started a local Dask cluster before), and
combinations (``trim65536+keep``); a variant ending in ``@PATH`` runs the ``graph`` package of
another checkout at PATH (``plain@/tmp/main``: the same worker before a change).

Usage:  .venv/bin/python bench/worker_bench.py --sample 300 --rounds 3 --variants plain keep
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news.jsonl"
SEED = 6  # the same shuffle as bench/build_bench.py


def child(variant: str, texts_file: str, chunk_chars: int, chunk_docs: int) -> None:
    t0 = time.perf_counter()
    parts = variant.split("+")
    if "keep" in parts:
        from graph.pipeline.runners import keep_freed_memory

        keep_freed_memory()
    import gc

    from graph.gazetteer import load_gazetteer
    from graph.pipeline.analyser import Analyser, Chunk
    from graph.pipeline.runners import GC_GEN0_THRESHOLD
    from graph.records import Document

    gc.set_threshold(GC_GEN0_THRESHOLD, *gc.get_threshold()[1:])  # as a worker does
    analyser = Analyser(None, load_gazetteer())
    for batch in [int(p.split(":")[1]) for p in parts if p.startswith("batch:")]:
        pipe = analyser.nlp.pipe
        analyser.nlp.pipe = lambda texts, batch_size=None: pipe(texts, batch_size=batch)  # type: ignore[method-assign]
    load = time.perf_counter() - t0
    texts = json.loads(Path(texts_file).read_text(encoding="utf-8"))
    chunks, chunk, size = [], [], 0
    for i, text in enumerate(texts):
        if chunk and (size + len(text) > chunk_chars or len(chunk) >= chunk_docs):
            chunks.append(chunk)
            chunk, size = [], 0
        chunk.append(Document(id=str(i), text=text))
        size += len(text)
    if chunk:
        chunks.append(chunk)
    rows = []
    for documents in chunks:
        r0, c0, t = resource.getrusage(resource.RUSAGE_SELF), time.process_time(), time.perf_counter()
        result = analyser.run(Chunk(documents, [None] * len(documents), True))
        wall, cpu, r1 = time.perf_counter() - t, time.process_time() - c0, resource.getrusage(resource.RUSAGE_SELF)
        rows.append({"docs": len(documents), "wall": wall, "cpu": cpu, "minflt": r1.ru_minflt - r0.ru_minflt, "timings": result.timings})
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"load": load, "chunks": rows, "peak_mb": peak}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--variants", nargs="+", default=["plain", "keep"])
    ap.add_argument("--chunk-chars", type=int, default=100_000, help="as ProcessRunner.chunk_chars")
    ap.add_argument("--chunk-docs", type=int, default=64)
    ap.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        variant, texts, chars, docs = args.child
        child(variant, texts, int(chars), int(docs))
        return

    from graph.documents import read_documents

    rows = [line for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(SEED).shuffle(rows)
    work = Path(tempfile.mkdtemp(prefix="entity-graph-worker-bench-"))
    path = work / "articles.jsonl"
    path.write_text("\n".join(rows[: args.sample]) + "\n", encoding="utf-8")
    documents, _ = read_documents([path])
    texts = work / "texts.json"
    texts.write_text(json.dumps([d.text for d in documents]), encoding="utf-8")
    print(f"{len(documents)} docs; chunks of <= {args.chunk_chars:,} chars / {args.chunk_docs} docs; {os.cpu_count()} CPUs")

    runs: dict[str, list[dict]] = {v: [] for v in args.variants}
    for r in range(args.rounds):
        order = args.variants[r % len(args.variants):] + args.variants[: r % len(args.variants)]
        for variant in order:
            env = dict(os.environ)
            what, _, tree = variant.partition("@")
            if "trim65536" in what.split("+"):
                env["MALLOC_TRIM_THRESHOLD_"] = "65536"
            if tree:
                env["PYTHONPATH"] = tree
            load = os.getloadavg()[0]
            out = subprocess.run([sys.executable, __file__, "--child", what, str(texts), str(args.chunk_chars), str(args.chunk_docs)],
                                 capture_output=True, text=True, cwd=tree or ROOT, env=env, check=True).stdout
            report = json.loads(out.strip().splitlines()[-1])
            report["loadavg"] = load
            runs[variant].append(report)
            body = report["chunks"][1:]
            docs = sum(c["docs"] for c in body)
            print(f"round {r + 1} {variant:<10} load {load:4.1f}: cpu {sum(c['cpu'] for c in body):6.1f} s  wall {sum(c['wall'] for c in body):6.1f} s  "
                  f"faults/40 docs {40 * sum(c['minflt'] for c in body) / docs:8.0f}  peak {report['peak_mb']:5.0f} MB", flush=True)

    print("\nper variant, chunks after the first (median over rounds; per 100 documents)")
    stages = ("nlp", "mentions", "statements", "cache")
    print(f"{'variant':<10} {'cpu s':>7} {'wall s':>7} {'faults':>8} " + " ".join(f"{s:>10}" for s in stages) + f" {'peak MB':>8}")
    for variant, reports in runs.items():
        def per100(f) -> float:
            vals = []
            for rep in reports:
                body = rep["chunks"][1:]
                vals.append(100 * sum(f(c) for c in body) / sum(c["docs"] for c in body))
            return statistics.median(vals)

        print(f"{variant:<10} {per100(lambda c: c['cpu']):7.2f} {per100(lambda c: c['wall']):7.2f} {per100(lambda c: c['minflt']):8.0f} "
              + " ".join(f"{per100(lambda c, s=s: c['timings'].get(s, 0.0)):10.2f}" for s in stages)
              + f" {statistics.median(r['peak_mb'] for r in reports):8.0f}")


if __name__ == "__main__":
    main()
