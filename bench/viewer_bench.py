"""How fast does the viewer open a big graph?

Builds a synthetic graph.json the shape of a real corpus (heavy-tailed degrees, every node type
and edge kind, evidence sentences on every edge), renders it, opens it in headless Chromium with
the network blocked, and prints:

    render      Python time for render_html (layout included) and the page size
    first draw  navigation start -> vis-network's first drawing of the graph
    stabilised  navigation start -> final layout. Graphs of up to 300 nodes get a short physics
                refinement before vis draws them at all; bigger ones are drawn as laid out in
                Python. Either way the first drawing is the final layout and the figures match.
    physics     (--physics) switch physics on -> its bounded stabilisation (150 iterations) done
    filter      click on a type checkbox -> redrawn graph

Usage:  .venv/bin/python bench/viewer_bench.py [--nodes 2000] [--edges 10000] [--runs 3] [--physics]
        .venv/bin/python bench/viewer_bench.py --graph out/graph.json      (a real graph instead)
        .venv/bin/python bench/viewer_bench.py --graph out/graph.json --runs 0 \
            --screenshot docs/screenshot.png --focus Kabulov                 (the README picture)
"""
from __future__ import annotations

import argparse
import json
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


def measure_in_browser(html_path: Path, *, physics: bool) -> dict[str, float]:
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
            page.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=60_000)
            figures = {"first_draw_ms": page.evaluate("entityGraph.timing.firstDraw"),
                       "stabilised_ms": page.evaluate("entityGraph.timing.stabilized")}
            figures["filter_redraw_ms"] = page.evaluate("""() => new Promise((done) => {
                const start = performance.now();
                entityGraph.network.once('afterDrawing', () => done(performance.now() - start));
                document.querySelector('#type-filters input').click();
            })""")
            if physics:
                figures["physics_settle_ms"] = page.evaluate("""() => new Promise((done) => {
                    const start = performance.now();
                    entityGraph.network.once('stabilizationIterationsDone', () => done(performance.now() - start));
                    document.getElementById('physics').click();
                })""")
            return figures
        finally:
            context.close()


def take_screenshot(html_path: Path, png: Path, *, focus: str | None) -> None:
    """The page at 1400×900; with ``focus``, as an analyst would leave it after searching that name
    and opening its strongest relationship."""
    from playwright.sync_api import sync_playwright

    url = html_path.resolve().as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
            page.goto(url)
            page.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=60_000)
            if focus:
                page.fill("#search", focus)
                page.press("#search", "Enter")
                page.wait_for_timeout(700)  # camera animation
                page.click("#details .strong-links .weight >> nth=0")
                page.mouse.move(5, 895)  # no hover tooltip in the picture
            page.screenshot(path=str(png))
        finally:
            browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--physics", action="store_true", help="also time a settle with physics switched on")
    parser.add_argument("--keep", type=Path, help="write the page here too")
    parser.add_argument("--graph", type=Path, help="a graph.json to measure instead of a synthetic graph")
    parser.add_argument("--title", help="page title (default: the graph's size)")
    parser.add_argument("--screenshot", type=Path, help="also save a 1400x900 screenshot here")
    parser.add_argument("--focus", help="for the screenshot: search this name and open its strongest link")
    args = parser.parse_args()

    graph = json.loads(args.graph.read_text("utf-8")) if args.graph else synthetic_graph(args.nodes, args.edges)
    n_nodes, n_edges = len(graph["nodes"]), len(graph["edges"])
    started = time.perf_counter()
    page = render_html(graph, title=args.title or f"{'Synthetic graph' if not args.graph else args.graph.name}, "
                                                  f"{n_nodes} entities, {n_edges} relationships")
    render_s = time.perf_counter() - started
    print(f"graph      {n_nodes} nodes, {n_edges} edges")
    print(f"render     {render_s:.2f} s in Python, {len(page.encode()) / 1e6:.1f} MB of HTML")

    with tempfile.TemporaryDirectory() as workdir:
        html_path = Path(workdir) / "graph.html"
        html_path.write_text(page, "utf-8")
        if args.keep:
            args.keep.write_text(page, "utf-8")
        runs = [measure_in_browser(html_path, physics=args.physics) for _ in range(args.runs)]
        if args.screenshot:
            take_screenshot(html_path, args.screenshot, focus=args.focus)
            print(f"screenshot {args.screenshot}")
    for name in runs[0] if runs else []:
        values = [run[name] for run in runs]
        print(f"{name:<18} median {statistics.median(values):7.0f} ms   runs: "
              + ", ".join(f"{v:.0f}" for v in values))


if __name__ == "__main__":
    main()
