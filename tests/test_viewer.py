"""The viewer page: self-contained, safe with hostile article text, and working in a real browser.

The browser checks (``assert_viewer_works``) take any graph.json dict, so the same checks can run
on the seeds graph as well as on the fixture below.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
from collections import Counter, defaultdict
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.cli import main
from graph.viewer import OVERVIEW_SIZE, render_html, write_html
from graph.viewer.page import json_for_script_block

CHROMIUM = "/usr/bin/chromium"
SCRIPT_PAYLOAD = "<script>window.__pwned=1;alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=window.__pwned=1;alert(1)>"
LINK_PAYLOAD = "javascript:window.__pwned=1;alert(1)"

TASS = "000_4a1f0c2d9e8b7a65"
REUTERS = "001_9c3e5b7a1d2f4e60"


def _statement_evidence(doc, text, start, statement, cue, kind, reported_by):
    return {"doc": doc, "sentence": text, "start": start, "end": start + len(text), "statement": statement,
            "cue": cue, "kind": kind, "reported_by": reported_by}


def fixture_graph() -> dict:
    """A small graph.json with every node type and edge kind, and hostile text in the places an
    article can put it: a document title, an evidence sentence and an alias."""
    warning = "Kabulov said that ISIS fighters are massing along Afghanistan's northern border."
    quote = "someone's hand is pushing freshly trained ISIL fighters to mass along Afghanistan's northern border"
    hostile_sentence = f"Russia and Afghanistan {IMG_PAYLOAD} discussed the border."
    nato_sentence = "NATO Secretary General Jens Stoltenberg rejected the claim in Brussels."
    nodes = [
        {"id": "zamir-kabulov", "label": "Zamir Kabulov", "type": "person", "aliases": ["Kabulov", "Zamir Kabulov"],
         "mentions": 6, "documents": [TASS], "wikidata": None, "statements": 2},
        {"id": "jens-stoltenberg", "label": "Jens Stoltenberg", "type": "person", "aliases": ["Stoltenberg"],
         "mentions": 2, "documents": [REUTERS], "wikidata": "Q57287", "statements": 0},
        {"id": "Q159", "label": "Russia", "type": "country", "aliases": ["Russian Federation", "Moscow"],
         "mentions": 9, "documents": [TASS, REUTERS], "wikidata": "Q159", "statements": 0},
        {"id": "Q889", "label": "Afghanistan", "type": "country", "aliases": ["Afghan"],
         "mentions": 7, "documents": [TASS, REUTERS], "wikidata": "Q889", "statements": 0},
        {"id": "Q2429253", "label": "ISIS", "type": "group", "aliases": ["ISIL", "Islamic State", LINK_PAYLOAD],
         "mentions": 5, "documents": [TASS], "wikidata": "Q2429253", "statements": 0},
        {"id": "Q7184", "label": "NATO", "type": "alliance", "aliases": ["North Atlantic Alliance"],
         "mentions": 3, "documents": [REUTERS], "wikidata": "Q7184", "statements": 0},
        {"id": "russian-foreign-ministry", "label": "Russian Foreign Ministry", "type": "organization",
         "aliases": ["Foreign Ministry"], "mentions": 2, "documents": [TASS], "wikidata": None, "statements": 0},
        {"id": "tass", "label": "TASS", "type": "organization", "aliases": [], "mentions": 1,
         "documents": [TASS], "wikidata": "Q223947", "statements": 0},
        {"id": "Q1036", "label": "Kunduz", "type": "place", "aliases": [], "mentions": 1,
         "documents": [TASS], "wikidata": "javascript:alert(1)", "statements": 0},
    ]
    edges = [
        {"source": "Q159", "target": "Q889", "key": 0, "kind": "co_mention", "weight": 2, "documents": [TASS, REUTERS],
         "evidence": [{"doc": REUTERS, "sentence": hostile_sentence, "start": 10, "end": 10 + len(hostile_sentence)},
                      {"doc": TASS, "sentence": "Moscow is worried about Afghan stability.", "start": 400, "end": 441}]},
        {"source": "Q2429253", "target": "Q889", "key": 0, "kind": "co_mention", "weight": 3, "documents": [TASS],
         "evidence": [{"doc": TASS, "sentence": warning, "start": 120, "end": 120 + len(warning)}]},
        {"source": "Q2429253", "target": "Q1036", "key": 0, "kind": "co_mention", "weight": 1, "documents": [TASS],
         "evidence": [{"doc": TASS, "sentence": "ISIS holds villages near Kunduz.", "start": 700, "end": 732}]},
        {"source": "zamir-kabulov", "target": "Q2429253", "key": 0, "kind": "co_mention", "weight": 1,
         "documents": [TASS], "evidence": [{"doc": TASS, "sentence": warning, "start": 120, "end": 120 + len(warning)}]},
        {"source": "zamir-kabulov", "target": "Q2429253", "key": 1, "kind": "attribution", "weight": 1,
         "documents": [TASS], "evidence": [_statement_evidence(TASS, quote, 300, "s1", "said", "direct", "tass")]},
        {"source": "zamir-kabulov", "target": "Q889", "key": 0, "kind": "attribution", "weight": 1,
         "documents": [TASS], "evidence": [_statement_evidence(TASS, quote, 300, "s1", "said", "direct", "tass")]},
        {"source": "tass", "target": "zamir-kabulov", "key": 0, "kind": "reported_by", "weight": 1,
         "documents": [TASS], "evidence": [_statement_evidence(TASS, quote, 300, "s1", "said", "direct", "tass")]},
        {"source": "zamir-kabulov", "target": "russian-foreign-ministry", "key": 0, "kind": "affiliation",
         "weight": 1, "documents": [TASS],
         "evidence": [{"doc": TASS, "sentence": "Zamir Kabulov, director of the Foreign Ministry's Second Department",
                       "start": 200, "end": 266, "role": "director"}]},
        {"source": "zamir-kabulov", "target": "Q159", "key": 0, "kind": "affiliation", "weight": 1,
         "documents": [TASS], "evidence": [{"doc": TASS, "sentence": "Zamir Kabulov, Russian presidential envoy",
                                            "start": 180, "end": 221, "role": "envoy"}]},
        {"source": "jens-stoltenberg", "target": "Q7184", "key": 0, "kind": "affiliation", "weight": 1,
         "documents": [REUTERS], "evidence": [{"doc": REUTERS, "sentence": nato_sentence, "start": 50,
                                               "end": 50 + len(nato_sentence), "role": "Secretary General"}]},
        {"source": "Q7184", "target": "Q159", "key": 0, "kind": "co_mention", "weight": 1, "documents": [REUTERS],
         "evidence": [{"doc": REUTERS, "sentence": "NATO accused Russia of spreading the story.", "start": 90,
                       "end": 133}]},
    ]
    statements = [{"id": "s1", "doc": TASS, "speaker": "zamir-kabulov", "cue": "said", "kind": "direct",
                   "text": quote, "reported_by": "tass", "mentions": ["Q2429253", "Q889"], "start": 300,
                   "end": 300 + len(quote)}]
    documents = [
        {"id": TASS, "title": f"Russia warns of ISIS build-up {SCRIPT_PAYLOAD}", "outlet": "TASS",
         "author": "Staff", "date": "2016-01-12", "path": f"seeds/{TASS}.txt"},
        {"id": REUTERS, "title": "NATO dismisses Russian claims on Afghanistan", "outlet": "Reuters",
         "author": None, "date": "2016-01-13", "path": f"seeds/{REUTERS}.txt"},
    ]
    return {"directed": True, "multigraph": True, "graph": {"documents": documents, "statements": statements},
            "nodes": nodes, "edges": edges}


# ---------------------------------------------------------------- plain tests (no browser)

EXTERNAL_REFERENCE = re.compile(r"""(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*((?:https?:)?//[^"'\s]*)""", re.I)
CSS_URL = re.compile(r"""url\(\s*(?!["']?data:)""", re.I)
STYLE_BLOCK = re.compile(r"<style>(.*?)</style>", re.S)
CSS_IMPORT = re.compile(r"@import", re.I)


def test_page_references_nothing_outside_itself():
    page = render_html(fixture_graph())
    # (the Wikidata link a panel creates is an address the reader may follow, kept in a constant)
    assert EXTERNAL_REFERENCE.findall(page) == []
    styles = "".join(STYLE_BLOCK.findall(page))
    assert "vis-network" in styles and not CSS_URL.findall(styles), "every url() in the styles must be data:"
    assert not CSS_IMPORT.search(styles)
    assert "default-src 'none'" in page  # and the CSP forbids fetching anything anyway


def test_hostile_text_appears_only_escaped():
    page = render_html(fixture_graph())
    for payload in (SCRIPT_PAYLOAD, IMG_PAYLOAD):
        assert payload not in page
    # A javascript: URL has nothing to escape; it must only be data, never in an attribute.
    assert page.count(LINK_PAYLOAD) == _data_block(page).count(LINK_PAYLOAD) == 1
    data = _embedded_data(page)
    # ...and yet the page has the exact text, to show as text
    assert any(SCRIPT_PAYLOAD in d["title"] for d in data["documents"].values())
    assert any(LINK_PAYLOAD in e["aliases"] for e in data["entities"].values())
    assert any(IMG_PAYLOAD in data["sentences"][ev["sentence"]] for r in data["relations"].values() for ev in r["evidence"])


def test_script_block_escaping_round_trips():
    tricky = {"t": "</script><!-- a & b \u2028\u2029 <b>"}
    encoded = json_for_script_block(tricky)
    assert not set("<>&\u2028\u2029") & set(encoded)
    assert json.loads(encoded) == tricky


def test_same_data_gives_identical_bytes_whatever_the_input_order():
    graph = fixture_graph()
    shuffled = {**graph, "nodes": list(reversed(graph["nodes"])), "edges": list(reversed(graph["edges"]))}
    assert render_html(graph) == render_html(graph) == render_html(shuffled)


def test_write_html_replaces_the_file_atomically(tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old")
    write_html(fixture_graph(), target, title="Seeds")
    assert target.read_text("utf-8") == render_html(fixture_graph(), title="Seeds")
    # no temporary left behind; the folder's lock stays
    assert sorted(p.name for p in tmp_path.iterdir()) == [".entity-graph.lock", "graph.html"]


def test_page_data_drives_nodes_edges_and_legend():
    graph = fixture_graph()
    for number, node in enumerate(graph["nodes"]):
        node["community"] = number % 2
    data = _embedded_data(render_html(graph, title="Seeds <b>", overview_size=5))
    assert data["title"] == "Seeds <b>" and data["overviewSize"] == 5
    assert len(data["entities"]) == 9 and len(data["edges"]) == 11
    assert [t["id"] for t in data["legend"]["types"]] == [
        "person", "group", "organization", "country", "alliance", "place"]
    assert [k["id"] for k in data["legend"]["kinds"]] == ["co_mention", "attribution", "reported_by", "affiliation"]
    assert all(set(e) == {"id", "from", "to", "kind", "weight"} for e in data["edges"])  # no HTML "title"
    assert {n["id"]: n["community"] for n in graph["nodes"]} == {i: e["community"] for i, e in data["entities"].items()}
    # PageRank of the undirected projection: the hub (Kabulov, six relationships) ranks first
    pagerank = {i: e["pagerank"] for i, e in data["entities"].items()}
    assert sum(pagerank.values()) == pytest.approx(1.0, abs=1e-6)
    assert max(pagerank, key=pagerank.get) == "zamir-kabulov"


def test_a_type_outside_the_six_never_reaches_the_legend():
    graph = fixture_graph()
    graph["nodes"][0]["type"] = "none"
    graph["nodes"][1]["type"] = "work"  # a kind the contract allows as text but the page does not draw
    data = _embedded_data(render_html(graph))
    # the only two people now have no proper type: "person" goes from the legend, nothing comes in
    assert [t["id"] for t in data["legend"]["types"]] == ["group", "organization", "country", "alliance", "place"]
    assert data["entities"]["zamir-kabulov"]["type"] == data["entities"]["jens-stoltenberg"]["type"] == "unknown"


def test_render_command_sets_the_overview_size(tmp_path):
    source = tmp_path / "graph.json"
    source.write_text(json.dumps(fixture_graph()), "utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "view.html"), "--overview", "4"]) == 0
    assert _embedded_data((tmp_path / "view.html").read_text("utf-8"))["overviewSize"] == 4
    assert main(["render", str(source), "-o", str(tmp_path / "default.html")]) == 0
    assert _embedded_data((tmp_path / "default.html").read_text("utf-8"))["overviewSize"] == OVERVIEW_SIZE == 200


def test_an_edge_to_a_missing_node_is_refused_naming_it():
    graph = fixture_graph()
    graph["edges"].append({"source": "Q159", "target": "nowhere", "key": 0, "kind": "co_mention", "weight": 1})
    with pytest.raises(ValueError, match=r"^graph data: edges\[11\]\.target: 'nowhere' is not a node$"):
        render_html(graph)


def _embedded_data(page: str) -> dict:
    """The page's data: the block read at once, and its ``details`` read after the first drawing."""
    return {**json.loads(_data_block(page)), **json.loads(_data_block(page, "graph-details"))}


def _data_block(page: str, block: str = "graph-data") -> str:
    return re.search(rf'<script type="application/json" id="{block}">(.*?)</script>', page, re.S).group(1)


# ---------------------------------------------------------------- in headless Chromium

BROWSER_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

def _has_playwright() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return True


# Skipped on a laptop without the browser; in CI (CI set) it runs, and fails if anything is missing.
needs_chromium = pytest.mark.skipif(
    not os.environ.get("CI") and not (os.path.exists(CHROMIUM) and _has_playwright()),
    reason=f"needs {CHROMIUM} (apt-get install chromium) and the playwright package; "
           "in CI this test runs and fails instead",
)


@pytest.fixture(scope="module")
def browser():
    with _launched_chromium() as launched:
        yield launched


@needs_chromium
def test_viewer_works_in_headless_chromium(tmp_path, browser):
    assert_viewer_works(fixture_graph(), tmp_path, search="Kabulov", expect_label="Zamir Kabulov", browser=browser)


HOSTILE_ROW = {
    "id": "hostile",
    "title": "<script>window.__pwned=1</script>Kabulov speaks",
    "outlet": '<img src=x onerror="window.__pwned=1">',
    "text": "Zamir Kabulov met Taliban envoys in Moscow &lt;img src=x onerror=window.__pwned=1&gt; on Friday. "
    "Kabulov said the Taliban and Russia &lt;script&gt;window.__pwned=1&lt;/script&gt; agreed.",
}


@needs_chromium
def test_the_seeds_graph_html_written_by_the_build(tmp_path, browser):
    """The real build of seeds/, plus an article whose title, outlet and text carry script
    payloads that survive cleaning: the written graph.html works offline and runs none of them."""
    corpus = tmp_path / "corpus"
    shutil.copytree(Path(__file__).resolve().parent.parent / "seeds", corpus)
    (corpus / "hostile.jsonl").write_text(json.dumps(HOSTILE_ROW) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(corpus), "--out", str(out), "--quiet"]) == 0
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert any("onerror" in (d["outlet"] or "") for d in graph["graph"]["documents"])  # the payload got through
    assert_viewer_works(graph, tmp_path, search="Kabulov", expect_label="Zamir Kabulov", browser=browser,
                        page_path=out / "graph.html")


@needs_chromium
def test_viewer_works_in_a_sandboxed_iframe(tmp_path, browser):
    """The notebook embeds the page as an iframe srcdoc, sandboxed to scripts only."""
    outer = tmp_path / "notebook.html"
    outer.write_text('<!DOCTYPE html><iframe id="viewer" sandbox="allow-scripts" style="width:1300px;height:800px" '
                     f'srcdoc="{html.escape(render_html(fixture_graph()), quote=True)}"></iframe>', "utf-8")
    with _offline_page(browser) as (page, outside_requests):
        page.goto(outer.resolve().as_uri())  # returns once the iframe has loaded too
        frame = page.frame_locator("#viewer")
        viewer = next(f for f in page.frames if f != page.main_frame)
        viewer.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=10_000)
        frame.locator("#search").fill("kabulov")
        frame.locator("#search").press("Enter")
        assert frame.locator("#details h2").text_content() == "Zamir Kabulov"
        _open_every_panel(viewer)
        _assert_nothing_ran(viewer)
    assert outside_requests == []


def assert_viewer_works(
    graph: dict, workdir: Path, *, search: str, expect_label: str, browser=None, page_path: Path | None = None
) -> None:
    """Open the rendered page with every request blocked and counted, and use it as an analyst
    would: search, click a relationship, filter. Works on any graph.json dict (rendered here, or
    the page already written for it at ``page_path``); launches its own Chromium unless given one."""
    if browser is None:
        with _launched_chromium() as launched:
            return assert_viewer_works(
                graph, workdir, search=search, expect_label=expect_label, browser=launched, page_path=page_path
            )
    if page_path is None:
        page_path = workdir / "graph.html"
        write_html(graph, page_path)
    with _offline_page(browser) as (page, outside_requests):
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=10_000)

        _assert_nodes_drawn(page, graph)
        _assert_search_focuses(page, search, expect_label)
        _assert_edge_click_shows_evidence(page, graph)
        _assert_type_filter_hides_nodes(page)
        _open_every_panel(page)  # shows all the hostile text there is, as a payload would need
        _assert_nothing_ran(page)
    assert outside_requests == [], f"the page fetched {outside_requests}"


@contextmanager
def _launched_chromium():
    """The system Chromium (Playwright's own browsers are never downloaded), with a fresh
    temporary profile as Playwright gives every launch."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=BROWSER_FLAGS)
        try:
            yield launched
        finally:
            launched.close()


@contextmanager
def _offline_page(browser):
    """A page in a fresh context where every request other than for a file: URL is aborted, and
    every request other than for a file: page or a data: URL is counted; dialogs and script
    errors fail the test.

    Predicates passed to wait_for_function are written as functions: Playwright evaluates a bare
    expression with eval(), which the page's CSP (rightly) refuses."""
    outside_requests: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
        context.on("request", lambda request: None if request.url.startswith(("file:", "data:", "about:"))
                   else outside_requests.append(request.url))
        context.add_init_script("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation',
                (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """)
        page = context.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page, outside_requests
        assert dialogs == [], "a dialog opened"
        assert errors == []
    finally:
        context.close()


def _assert_nothing_ran(frame) -> None:
    assert frame.evaluate("typeof window.__pwned") == "undefined"
    assert frame.evaluate("window.__cspViolations") == []


def _assert_nodes_drawn(page, graph: dict) -> None:
    """The overview: the most mentioned related entities, up to the default number."""
    related = {str(end) for e in graph["edges"] if e["source"] != e["target"] for end in (e["source"], e["target"])}
    assert page.evaluate("entityGraph.shownNodeIds().length") == min(OVERVIEW_SIZE, len(related))
    coloured_pixels = page.evaluate("""() => {
        const canvas = document.querySelector('#network canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let coloured = 0;
        for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] > 0 && (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240)) coloured++;
        }
        return coloured;
    }""")
    assert coloured_pixels > 500, "the canvas is blank"


def _assert_search_focuses(page, search: str, expect_label: str) -> None:
    page.fill("#search", search.lower())
    page.press("#search", "Enter")
    page.wait_for_function("() => entityGraph.selectedNode() !== null")
    assert page.text_content("#details h2") == expect_label
    # focused: once the camera animation ends, the node sits in the middle of the view
    page.wait_for_function("""() => {
        const id = entityGraph.selectedNode();
        const node = entityGraph.network.getPositions([id])[id];
        const view = entityGraph.network.getViewPosition();
        return Math.hypot(node.x - view.x, node.y - view.y) < 5;
    }""", timeout=5_000)


def _assert_edge_click_shows_evidence(page, graph: dict) -> None:
    """Click, with the mouse, the middle of a relationship that is the only one between its two
    entities (so it is drawn straight and nothing else is there)."""
    page.evaluate("entityGraph.network.fit()")  # no animation: the button's would cost 0.5 s here
    target = page.evaluate("""() => {
        const net = entityGraph.network;
        const pairs = {};
        for (const e of entityGraph.edges.get()) {
            const pair = [e.from, e.to].sort().join('\\u0000');
            pairs[pair] = (pairs[pair] || 0) + 1;
        }
        // nothing else within a few pixels either: a click lands on a whole pixel
        const around = (e) => [[0, 0], [-4, 0], [4, 0], [0, -4], [0, 4]].map(([dx, dy]) => ({x: mid(e).x + dx, y: mid(e).y + dy}));
        const edge = entityGraph.edges.get().find((e) => pairs[[e.from, e.to].sort().join('\\u0000')] === 1
            && around(e).every((p) => net.getNodeAt(p) === undefined && net.getEdgeAt(p) === e.id));
        function mid(e) {
            const p = net.getPositions([e.from, e.to]);
            return net.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
        }
        const box = document.querySelector('#network canvas').getBoundingClientRect();
        const point = mid(edge);
        return {id: edge.id, x: box.left + point.x, y: box.top + point.y};
    }""")
    page.mouse.click(target["x"], target["y"])
    panel = page.text_content("#details")
    evidence = page.evaluate(f"""() => {{
        const details = JSON.parse(document.getElementById('graph-details').textContent);
        return details.relations[{json.dumps(target['id'])}].evidence.map((ev) => details.sentences[ev.sentence]);
    }}""")
    assert evidence and evidence[0] in panel
    assert page.locator("#details .evidence mark").count() >= 1


def _assert_type_filter_hides_nodes(page) -> None:
    before = set(page.evaluate("entityGraph.shownNodeIds()"))
    checkbox = page.locator("#type-filters input").first
    hidden_type = checkbox.get_attribute("data-type")
    checkbox.uncheck()
    after = set(page.evaluate("entityGraph.shownNodeIds()"))
    of_type = set(page.evaluate(f"entityGraph.nodes.getIds({{filter: (n) => n.type === {json.dumps(hidden_type)}}})"))
    assert of_type and after == before - of_type
    checkbox.check()
    assert set(page.evaluate("entityGraph.shownNodeIds()")) == before


def _open_every_panel(page) -> None:
    """Every entity's and every relationship's panel, drawn or not."""
    page.evaluate("""() => {
        const data = JSON.parse(document.getElementById('graph-data').textContent);
        const details = JSON.parse(document.getElementById('graph-details').textContent);
        for (const id of Object.keys(data.entities)) entityGraph.selectNode(id);
        for (const id of Object.keys(details.relations)) entityGraph.selectEdge(id);
    }""")
    page.wait_for_timeout(200)  # an injected <img onerror> would fire by now


# ---------------------------------------------------------------- a corpus of thousands of entities

SYLLABLES = ("ka", "lo", "ven", "mir", "tas", "ro", "bel", "dun", "sa", "vi", "tor", "nek", "pa", "li", "gor", "em")
TYPES_IN_TURN = ("person", "person", "organization", "place", "group", "country", "alliance")
N_ENTITIES = 5400
N_ISOLATED = 150
N_GROUPS = 24


def _generated_name(number: int) -> str:
    """Two made-up words from the number's digits in base 16: unique, pronounceable, no real name."""
    digits = []
    while True:
        number, digit = divmod(number, len(SYLLABLES))
        digits.append(SYLLABLES[digit])
        if not number:
            break
    first = "".join(digits[:2]).capitalize()
    return f"{first} {''.join(reversed(digits)).capitalize()}vo"


def generated_corpus_graph(seed: int = 7) -> dict:
    """graph.json of a generated corpus of N_ENTITIES entities, through the public assemble and
    export stages: articles whose sentences name two or three entities (mostly of one group, the
    popular ones far more often, as in news), and some entities named only alone."""
    import random

    from graph.assemble import build_graph
    from graph.export import to_data
    from graph.records import Document, DocumentAnalysis, Entity, Mention, NameType, Resolution, Sentence

    rng = random.Random(seed)
    names = [_generated_name(n) for n in range(N_ENTITIES)]
    assert len(set(names)) == N_ENTITIES
    ids = [f"ent-{n}" for n in range(N_ENTITIES)]
    related = list(range(N_ENTITIES - N_ISOLATED))
    group_of = {n: n % N_GROUPS for n in related}
    members = [[n for n in related if group_of[n] == g] for g in range(N_GROUPS)]
    popularity = {n: 1.0 / (1 + n // N_GROUPS) ** 0.8 for n in related}
    pending = list(related)  # every related entity is named with another at least once
    rng.shuffle(pending)
    documents, analyses, assignments = [], [], {}
    mentions_of = [0] * N_ENTITIES
    documents_of: list[set] = [set() for _ in range(N_ENTITIES)]
    doc_number = 0
    while pending or doc_number < 60:
        doc_id = f"{doc_number:04d}_generated"
        text, sentences, mentions, entity_of = "", [], [], []
        for _ in range(12):
            first = pending.pop() if pending else rng.choices(related, [popularity[n] for n in related])[0]
            group = members[group_of[first]] if rng.random() < 0.85 else related
            others = rng.choices(group, [popularity[n] for n in group], k=rng.choice((1, 2)))
            named = list(dict.fromkeys([first, *others]))
            if doc_number % 5 == 0 and len(sentences) == 0:
                named = [N_ENTITIES - N_ISOLATED + doc_number // 5 % N_ISOLATED]  # an entity named alone
            start = len(text)
            parts = []
            for n in named:
                offset = start + sum(len(p) for p in parts) + (5 if not parts else 0)
                if not parts:
                    parts.append("Then ")
                mentions.append(Mention(doc_id, offset, offset + len(names[n]), names[n], names[n], NameType.OTHER, len(sentences)))
                entity_of.append(ids[n])
                mentions_of[n] += 1
                documents_of[n].add(doc_id)
                parts.append(names[n] + (" met " if n != named[-1] else ""))
            parts.append(" in the capital. ")
            text += "".join(parts)
            sentences.append(Sentence(start, len(text) - 1))
        documents.append(Document(doc_id, text, title=f"Report {doc_number}", outlet="Generated Wire"))
        analyses.append(DocumentAnalysis(doc_id, sentences=sentences, mentions=mentions))
        assignments[doc_id] = entity_of
        doc_number += 1
    entities = [Entity(ids[n], names[n], TYPES_IN_TURN[n % len(TYPES_IN_TURN)],
                       aliases=[names[n], names[n].split()[1]], mentions=mentions_of[n],
                       documents=sorted(documents_of[n])) for n in range(N_ENTITIES) if mentions_of[n]]
    data = to_data(build_graph(documents, analyses, Resolution(entities, assignments)))
    for document, analysis in zip(documents[:3], analyses[:3]):  # the offsets are right
        assert all(document.text[m.start:m.end] == m.text for m in analysis.mentions)
    return data


@pytest.fixture(scope="module")
def big_graph() -> dict:
    return generated_corpus_graph()


def test_the_build_stores_seeded_communities(big_graph):
    communities = {n["id"]: n["community"] for n in big_graph["nodes"]}
    related = {end for e in big_graph["edges"] for end in (e["source"], e["target"])}
    assert all(communities[i] is None for i in communities if i not in related)
    assert all(isinstance(communities[i], int) for i in related)
    sizes = [sum(1 for c in communities.values() if c == number) for number in range(max(filter(None, communities.values())) + 1)]
    assert sizes == sorted(sizes, reverse=True)  # numbered largest first
    # the generated groups come out as communities: most links stay inside one
    inside = sum(communities[e["source"]] == communities[e["target"]] for e in big_graph["edges"])
    assert inside > 0.6 * len(big_graph["edges"])


@needs_chromium
def test_overview_and_drill_down_on_thousands_of_entities(big_graph, tmp_path, browser):
    assert len(big_graph["nodes"]) >= 5000
    related = {end for e in big_graph["edges"] for end in (e["source"], e["target"])}
    isolated = {n["id"] for n in big_graph["nodes"]} - related
    page_path = tmp_path / "graph.html"
    write_html(big_graph, page_path)
    with _offline_page(browser) as (page, outside_requests):
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=30_000)

        first_view = set(page.evaluate("entityGraph.shownNodeIds()"))
        assert len(first_view) == min(OVERVIEW_SIZE, len(related)) == 200
        mentions = {n["id"]: n["mentions"] for n in big_graph["nodes"]}
        assert min(mentions[i] for i in first_view) >= max(mentions[i] for i in related - first_view)
        assert not first_view & isolated
        _assert_labels_legible_and_apart(page)

        # search by an alias (not the label) for an entity outside the first view, then expand it
        surnames = Counter(n["label"].split()[1] for n in big_graph["nodes"])
        neighbours_of = defaultdict(set)
        for e in big_graph["edges"]:
            neighbours_of[e["source"]].add(e["target"])
            neighbours_of[e["target"]].add(e["source"])
        outside = min((i for i in related - first_view if surnames[i_label(big_graph, i).split()[1]] == 1
                       and len(neighbours_of[i] - first_view) >= 2), key=lambda i: (mentions[i], i))
        label = i_label(big_graph, outside)
        page.fill("#search", label.split()[1])
        page.press("#search", "Enter")
        assert page.text_content("#details h2") == label
        assert outside in page.evaluate("entityGraph.shownNodeIds()")
        before_expand = set(page.evaluate("entityGraph.shownNodeIds()"))
        page.click("#details .action.expand")
        after_expand = set(page.evaluate("entityGraph.shownNodeIds()"))
        assert after_expand - before_expand and after_expand - before_expand <= neighbours_of[outside]
        assert (after_expand - first_view) - {outside}, "expanding reached no node outside the first view"
        _assert_labels_legible_and_apart(page)

        # the path between two entities, over the strongest links
        source = max(first_view, key=lambda i: (mentions[i], i))
        page.fill("#path-from", i_label(big_graph, source))
        page.fill("#path-to", label)
        page.click("#path-button")
        path = page.evaluate("entityGraph.shownNodeIds()")
        assert set(path) >= {source, outside} and page.locator("#details .path-steps li").count() == len(path) - 1
        _assert_strongest_path(big_graph, page.evaluate("entityGraph.pathShown()"), source, outside)
        _assert_labels_legible_and_apart(page)

        # back to the expanded view, back to the first, and forward again
        page.click("#back")
        assert set(page.evaluate("entityGraph.shownNodeIds()")) == after_expand
        page.click("#back")
        page.click("#back")
        assert set(page.evaluate("entityGraph.shownNodeIds()")) == first_view
        page.click("#forward")
        assert set(page.evaluate("entityGraph.shownNodeIds()")) == before_expand

        # another measure and size: a new overview of exactly that many
        page.select_option("#measure", "pagerank")
        page.fill("#overview-size", "120")
        page.click("#overview")
        assert len(page.evaluate("entityGraph.shownNodeIds()")) == 120
        _assert_labels_legible_and_apart(page)

        # isolated entities are listed, not drawn
        page.click("#isolated summary")
        page.wait_for_function("() => document.querySelectorAll('#isolated-list li').length > 0")  # on "toggle"
        assert page.locator("#isolated-list li").count() == len(isolated)
        assert not set(page.evaluate("entityGraph.shownNodeIds()")) & isolated
        _assert_nothing_ran(page)
    assert outside_requests == []


def i_label(graph: dict, node_id: str) -> str:
    return next(n["label"] for n in graph["nodes"] if n["id"] == node_id)


def _assert_labels_legible_and_apart(page) -> None:
    """Every drawn node has a label at least 11 px high on screen at the zoom the view opens with,
    and no two label boxes, as vis-network lays them out for drawing, overlap. vis measures a label
    only when it draws it on screen, so the view is fitted on screen first (zooming changes no
    overlap: labels scale with the drawing)."""
    sizes = page.evaluate("""() => {
        const net = entityGraph.network, scale = net.getScale();
        return entityGraph.shownNodeIds().map((id) => [net.body.nodes[id].labelModule.elementOptions.label,
                                                       net.body.nodes[id].labelModule.fontOptions.size * scale]);
    }""")
    assert sizes and all(text for text, _ in sizes)
    assert min(px for _, px in sizes) >= 11
    view = page.evaluate("""() => new Promise((done) => {
        const net = entityGraph.network, view = {scale: net.getScale(), position: net.getViewPosition()};
        net.fit({animation: false});
        net.once('afterDrawing', () => done(view));
        net.redraw();
    })""")
    boxes = page.evaluate("""() => entityGraph.shownNodeIds().map((id) => {
        const node = entityGraph.network.body.nodes[id], s = node.labelModule.size;
        return {id, x: node.x, y: node.y, left: s.left, top: s.top, right: s.left + s.width, bottom: s.top + s.height};
    })""")
    page.evaluate(f"() => entityGraph.network.moveTo({json.dumps(view)})")
    for b in boxes:  # measured where the node is now, not left over from another view
        assert b["left"] < b["x"] < b["right"] and b["y"] < b["top"], b
    boxes.sort(key=lambda b: b["left"])
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if b["left"] >= a["right"]:
                break
            assert not (a["top"] < b["bottom"] and b["top"] < a["bottom"]), f"labels overlap: {a} {b}"


def _assert_strongest_path(graph: dict, path: list[str], source: str, target: str) -> None:
    """Consecutive entities are related, and no path costs less (a link costs 1 / its weight)."""
    import networkx as nx

    from graph.communities import projection

    G = nx.MultiDiGraph()
    G.add_edges_from((e["source"], e["target"], {"weight": e["weight"]}) for e in graph["edges"])
    H = projection(G)
    assert path[0] == source and path[-1] == target
    cost = sum(1 / H.edges[a, b]["weight"] for a, b in zip(path, path[1:]))
    best = nx.dijkstra_path_length(H, source, target, weight=lambda a, b, attrs: 1 / attrs["weight"])
    assert cost == pytest.approx(best)
