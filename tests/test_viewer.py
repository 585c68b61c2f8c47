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
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.cli import main
from graph.viewer import render_html, write_html
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
    data = _embedded_data(render_html(fixture_graph(), title="Seeds <b>"))
    assert data["title"] == "Seeds <b>"
    assert len(data["nodes"]) == 9 and len(data["edges"]) == 11
    assert [t["id"] for t in data["legend"]["types"]] == [
        "person", "group", "organization", "country", "alliance", "place"]
    assert [k["id"] for k in data["legend"]["kinds"]] == ["co_mention", "attribution", "reported_by", "affiliation"]
    assert all("title" not in n for n in data["nodes"] + data["edges"])  # vis renders title as HTML
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in data["nodes"])
    arrows = {e["kind"]: e["arrows"] for e in data["edges"]}
    assert arrows == {"co_mention": "", "attribution": "to", "reported_by": "to", "affiliation": ""}


def test_an_edge_to_a_missing_node_is_refused_naming_it():
    graph = fixture_graph()
    graph["edges"].append({"source": "Q159", "target": "nowhere", "key": 0, "kind": "co_mention", "weight": 1})
    with pytest.raises(ValueError, match=r"^graph data: edges\[11\]\.target: 'nowhere' is not a node$"):
        render_html(graph)


def _embedded_data(page: str) -> dict:
    return json.loads(_data_block(page))


def _data_block(page: str) -> str:
    return re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.S).group(1)


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
    assert page.evaluate("entityGraph.shownNodeIds().length") == len(graph["nodes"])
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
        const data = JSON.parse(document.getElementById('graph-data').textContent);
        return data.relations[{json.dumps(target['id'])}].evidence.map((ev) => data.sentences[ev.sentence]);
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
    page.evaluate("""() => {
        for (const id of entityGraph.nodes.getIds()) entityGraph.selectNode(id);
        for (const id of entityGraph.edges.getIds()) entityGraph.selectEdge(id);
    }""")
    page.wait_for_timeout(200)  # an injected <img onerror> would fire by now
