"""How fast does the viewer open a big graph, and answer the reader?

Renders a graph.json (or a synthetic graph the shape of a real corpus), opens it in headless
Chromium with the network blocked, and prints, for each graph:

    render        Python time for render_html and the page's size
    first draw    navigation start -> vis-network's first drawing of the overview (laid out in the
                  page before vis sees it, so the first drawing is the final one)
    details       navigation start -> the evidence block read (after the first drawing)
    idle work     navigation start -> also the search index and the other measures' overviews
                  laid out, in idle time: the page is then ready
    interactions  each a reader's action -> the next frame (vis-network redraws in it): search a name outside the first view, expand it, its ego view, the
                  path from the top entity to it, back, forward, the overview by PageRank, a type
                  filter, colour by type, a relationship's evidence

Usage:  .venv/bin/python bench/viewer_bench.py --graph /tmp/bbc/graph.json --graph out/graph.json
        .venv/bin/python bench/viewer_bench.py [--nodes 2000] [--edges 10000]   (a synthetic graph)
        .venv/bin/python bench/viewer_bench.py --graph /tmp/bbc/graph.json --runs 0 \
            --screenshot docs/screenshot.png                                  (the README's pictures)
        .venv/bin/python bench/viewer_bench.py --graph out/graph.json --runs 0 \
            --screenshot docs/drill-down.png --focus Kabulov
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.viewer import render_html  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TYPES = [("person", 0.45), ("organization", 0.2), ("country", 0.12), ("place", 0.12), ("group", 0.08),
         ("alliance", 0.03)]
KINDS = [("co_mention", 0.7), ("attribution", 0.15), ("reported_by", 0.07), ("affiliation", 0.08)]
WORDS = ("officials said the ministry would respond to reports of troops near the border while analysts "
         "warned that the claims were unverified and the agency denied any involvement in the strike").split()


def synthetic_graph(n_nodes: int, n_edges: int, *, n_documents: int = 400, seed: int = 1) -> dict:
    """A graph.json with ``n_nodes`` entities and ``n_edges`` relationships; a few hubs hold most
    of the links, as in news (everybody mentions Russia and the US)."""
    rng = random.Random(seed)
    documents = [{"id": f"{i:03d}_{rng.getrandbits(64):016x}", "title": f"Report {i}: " + _sentence(rng, 7),
                  "outlet": rng.choice(["TASS", "Reuters", "RT", "AP", "Sputnik", "BBC"]), "author": None,
                  "date": f"2016-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "path": None}
                 for i in range(n_documents)]
    nodes = []
    for i in range(n_nodes):
        label = f"{_word(rng).capitalize()} {_word(rng).capitalize()} {i}"
        nodes.append({"id": f"n{i}", "label": label, "type": _weighted(rng, TYPES),
                      "aliases": [label.split()[1] + f" {i}"], "mentions": 1 + int(rng.paretovariate(1.3)),
                      "documents": sorted(d["id"] for d in rng.sample(documents, rng.randint(1, 4))),
                      "wikidata": f"Q{rng.randint(1, 10**7)}" if rng.random() < 0.4 else None, "statements": 0})
    popularity = [1.0 / (rank + 1) ** 0.9 for rank in range(n_nodes)]  # Zipf-like hubs
    edges, seen = [], set()
    while len(edges) < n_edges:
        source, target = rng.choices(range(n_nodes), weights=popularity, k=2)
        kind = _weighted(rng, KINDS)
        if source == target or (source, target, kind) in seen:
            continue
        seen.add((source, target, kind))
        weight = 1 + int(rng.paretovariate(1.6)) - 1
        doc = rng.choice(documents)["id"]
        evidence = [{"doc": doc, "sentence": f"{nodes[source]['label']} " + _sentence(rng, 14)
                     + f" {nodes[target]['label']}.", "start": 0, "end": 100}
                    for _ in range(min(weight, 3))]
        edges.append({"source": f"n{source}", "target": f"n{target}", "key": 0, "kind": kind, "weight": weight,
                      "documents": [doc], "evidence": evidence})
    return {"directed": True, "multigraph": True, "graph": {"documents": documents, "statements": []},
            "nodes": nodes, "edges": edges}


def _weighted(rng: random.Random, table: list[tuple[str, float]]) -> str:
    return rng.choices([name for name, _ in table], weights=[w for _, w in table])[0]


def _word(rng: random.Random) -> str:
    return rng.choice(WORDS)


def _sentence(rng: random.Random, n: int) -> str:
    return " ".join(_word(rng) for _ in range(n))


def interactions(search_name: str, top_name: str, edge_id: str) -> list[tuple[str, str]]:
    """(name, JavaScript) of each timed action, in the order a reader might take them."""
    set_value = "(id, value) => { document.getElementById(id).value = value; }"
    return [
        ("search", f"({set_value})('search', {json.dumps(search_name)}); document.getElementById('search-button').click();"),
        ("expand", "document.querySelector('#details .action.expand').click();"),
        ("ego view", "document.querySelector('#details .action.ego').click();"),
        ("path", f"({set_value})('path-from', {json.dumps(top_name)}); ({set_value})('path-to', {json.dumps(search_name)});"
                 " document.getElementById('path-button').click();"),
        ("back", "document.getElementById('back').click();"),
        ("forward", "document.getElementById('forward').click();"),
        ("overview by PageRank", "const m = document.getElementById('measure'); m.value = 'pagerank';"
                                 " m.dispatchEvent(new Event('change'));"),
        ("type filter", "document.querySelector('#type-filters input').click();"),
        ("colour by type", "const c = document.getElementById('colour-by'); c.value = 'type';"
                           " c.dispatchEvent(new Event('change'));"),
        ("evidence panel", f"entityGraph.selectEdge({json.dumps(edge_id)});"),
    ]


def measure_in_browser(html_path: Path, actions: list[tuple[str, str]]) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    url = html_path.resolve().as_uri()
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=BROWSER_FLAGS,
            viewport={"width": 1400, "height": 900})
        try:
            context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
            page = context.new_page()
            page.goto(url)
            page.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=120_000)
            figures = {"first draw": page.evaluate("entityGraph.timing.firstDraw"),
                       "details read": page.evaluate("entityGraph.timing.detailsParsed"),
                       "idle work done": page.evaluate("entityGraph.timing.idleWorkDone")}
            for name, script in actions:
                figures[name] = _timed(page, script)
                page.wait_for_timeout(600)  # camera animations end before the next action
            return figures
        finally:
            context.close()


def _timed(page, script: str) -> float:
    """Milliseconds from running ``script`` to the next frame after it: vis-network redraws in an
    animation frame asked for while the script ran, so that frame is drawn by then."""
    return page.evaluate(f"""async () => {{
        const start = performance.now();
        {script}
        await new Promise((done) => requestAnimationFrame(() => done()));
        return performance.now() - start;
    }}""")


def take_screenshot(html_path: Path, png: Path, *, focus: str | None) -> None:
    """The page at 1400×900: the first view; with ``focus``, as an analyst would leave it after
    searching that name, expanding it and opening its strongest relationship."""
    from playwright.sync_api import sync_playwright

    url = html_path.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
            page.goto(url)
            page.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=120_000)
            if focus:
                page.select_option("#colour-by", "type")  # one community fills an ego view
                page.fill("#search", focus)
                page.press("#search", "Enter")
                page.click("#details .action.ego")
                page.wait_for_timeout(300)
                page.click("#details .strong-links .weight >> nth=0")
                page.mouse.move(5, 895)  # no hover tooltip in the picture
            page.screenshot(path=str(png))
        finally:
            browser.close()


def probe_names(graph: dict, overview_size: int) -> tuple[str, str, str]:
    """A related entity just outside the first view (by mentions), the most mentioned one, and
    the heaviest relationship's id as the page numbers them."""
    from graph.viewer.payload import _usable_edges

    related = {str(e[end]) for e in graph["edges"] for end in ("source", "target") if e["source"] != e["target"]}
    ranked = sorted((n for n in graph["nodes"] if str(n["id"]) in related),
                    key=lambda n: (-(n.get("mentions") or 0), str(n.get("label")), str(n["id"])))
    outside = ranked[min(len(ranked) - 1, overview_size + 50)]
    edges = _usable_edges(graph, {str(n["id"]) for n in graph["nodes"]})
    heaviest = max(range(len(edges)), key=lambda i: (edges[i].get("weight") or 1, -i))
    return str(outside["label"]), str(ranked[0]["label"]), f"e{heaviest}"


def bench_one(graph: dict, name: str, args: argparse.Namespace) -> None:
    from graph.viewer import OVERVIEW_SIZE

    n_nodes, n_edges = len(graph["nodes"]), len(graph["edges"])
    started = time.perf_counter()
    page = render_html(graph, title=args.title or f"{name}: {n_nodes:,} entities, {n_edges:,} relationships")
    render_s = time.perf_counter() - started
    print(f"== {name}: {n_nodes} nodes, {n_edges} edges")
    print(f"render               {render_s:.2f} s in Python, page {len(page.encode()) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as workdir:
        html_path = Path(workdir) / "graph.html"
        html_path.write_text(page, "utf-8")
        if args.keep:
            args.keep.write_text(page, "utf-8")
        actions = interactions(*probe_names(graph, OVERVIEW_SIZE))
        runs = [measure_in_browser(html_path, actions) for _ in range(args.runs)]
        if args.screenshot:
            take_screenshot(html_path, args.screenshot, focus=args.focus)
            print(f"screenshot {args.screenshot}")
    for figure in runs[0] if runs else []:
        values = [run[figure] for run in runs]
        print(f"{figure:<20} median {statistics.median(values):6.0f} ms   runs: " + ", ".join(f"{v:.0f}" for v in values))
    if runs:
        slowest = max(max(run[f] for f in run if f not in ("first draw", "details read", "idle work done")) for run in runs)
        print(f"{'slowest interaction':<20}        {slowest:6.0f} ms   (load average {os.getloadavg()[0]:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--graph", type=Path, action="append", help="a graph.json to measure (repeatable)")
    parser.add_argument("--nodes", type=int, default=2000, help="without --graph: a synthetic graph this big")
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the (last) page here too")
    parser.add_argument("--title", help="page title (default: the graph's name and size)")
    parser.add_argument("--screenshot", type=Path, help="also save a 1400x900 screenshot here")
    parser.add_argument("--focus", help="for the screenshot: search this name, its ego view, its strongest link")
    args = parser.parse_args()
    if args.graph:
        for path in args.graph:
            bench_one(json.loads(path.read_text("utf-8")), path.parent.name or path.name, args)
    else:
        bench_one(synthetic_graph(args.nodes, args.edges), "synthetic", args)


if __name__ == "__main__":
    main()
