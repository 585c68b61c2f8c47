"""Where the build's own stages spend their time: cProfile of mentions + statements (per document,
after the parse), then entities and assemble (over the corpus), on a sample of the BBC articles.

The documents are parsed first (not profiled), so the profile holds only the project's code. It
prints the functions by their own time, then by cumulative time, for each part.

Usage:  .venv/bin/python bench/stage_profile.py --sample 200 --top 30
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bbc_news.jsonl"
SEED = 6  # the same shuffle as bench/build_bench.py


def show(profile: cProfile.Profile, title: str, top: int) -> None:
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profile, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        body = out.getvalue()
        print(f"\n=== {title}, by {key} ===")
        print(body[body.index("ncalls"):] if "ncalls" in body else body)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args()

    from graph.assemble import build_graph
    from graph.documents import read_documents
    from graph.entities import resolve
    from graph.gazetteer import load_gazetteer
    from graph.pipeline.analyser import Analyser, Timer, analyse

    rows = [line for line in args.corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(SEED).shuffle(rows)
    path = Path("/tmp") / f"entity-graph-profile-{args.sample}.jsonl"
    path.write_text("\n".join(rows[: args.sample]) + "\n", encoding="utf-8")
    documents, _ = read_documents([path])
    gazetteer = load_gazetteer()
    analyser = Analyser(None, gazetteer)
    t = time.perf_counter()
    docs = list(analyser.nlp.pipe([d.text for d in documents], batch_size=64))
    print(f"{len(documents)} docs parsed in {time.perf_counter() - t:.1f} s")

    timer = Timer()
    profile = cProfile.Profile()
    profile.enable()
    analyses = [analyse(d, doc, analyser.extractor, timer) for d, doc in zip(documents, docs)]
    profile.disable()
    print("stage seconds under the profiler:", {k: round(v, 2) for k, v in timer.timings.items()})
    show(profile, "mentions + statements", args.top)

    profile = cProfile.Profile()
    profile.enable()
    resolution = resolve(analyses, gazetteer)
    build_graph(documents, analyses, resolution)
    profile.disable()
    show(profile, "entities + assemble", args.top)


if __name__ == "__main__":
    main()
