"""The viewer's review piece, in headless Chromium and offline: an entity's panel shows how its
names joined; the review actions make a list the page keeps and downloads as corrections.json,
and a rebuild with that file applies every correction."""
from __future__ import annotations

import json

import pytest
from test_corrections import write_corpus
from test_viewer import _launched_chromium, _offline_page, needs_chromium

from graph.cli import main
from graph.viewer import render_html
from graph.viewer.review import review_payload


def test_the_review_data_block_holds_reasons_titles_and_names():
    data = {"nodes": [{"id": "k", "label": "Viktor Danilenko", "alias_reasons": {
                "Danilenko": {"rule": "surname", "doc": "d1"}, "Viktor Danilenko": {"rule": "name", "doc": "d1"}}},
                      {"id": "q", "label": "Russia"}],
            "graph": {"documents": [{"id": "d1", "title": "Envoy warns"}, {"id": "d2", "title": "Other"}]}}
    review = review_payload(data)
    assert review["reasons"] == {"k": [["Danilenko", "surname", "d1"], ["Viktor Danilenko", "name", "d1"]]}
    assert review["titles"] == {"d1": "Envoy warns"} and review["names"] == {"k": "Viktor Danilenko", "q": "Russia"}
    assert review["rules"]["surname"].startswith("the surname of the full name")
    said = review_payload({"graph": {"documents": [{"id": "d1", "title": "T"}], "statements": [
        {"id": "d1#2", "doc": "d1", "speaker": "k", "text": " ".join(["word"] * 40), "start": 5},
        {"id": "d1#1", "doc": "d1", "speaker": None, "text": "nobody's", "start": 1}]}})
    assert said["statements"] == {"d1#2": ["d1", " ".join(["word"] * 30) + " …"], "d1#1": ["d1", "nobody's"]}
    assert said["said"] == {"k": ["d1#2"], "": ["d1#1"]} and said["titles"] == {"d1": "T"}
    page = render_html({**data, "directed": True, "multigraph": True, "edges": [], "nodes": [
        {"type": "person", "aliases": [], "mentions": 1, "documents": ["d1"], **n} for n in data["nodes"]]})
    assert '<script type="application/json" id="review-data">' in page


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("review")
    corpus = write_corpus(base / "corpus")
    assert main(["build", str(corpus), "--out", str(base / "out"), "--quiet"]) == 0
    return base, corpus, json.loads((base / "out" / "graph.json").read_text(encoding="utf-8"))


def node_id(data: dict, label: str) -> str:
    return next(n["id"] for n in data["nodes"] if n["label"] == label)


@pytest.fixture(scope="module")
def browser():
    with _launched_chromium() as launched:
        yield launched


@needs_chromium
def test_review_actions_make_a_file_a_rebuild_applies(built, browser, tmp_path):
    base, corpus, data = built
    # One statement shown with no speaker, whatever the extraction finds: the page lists it apart.
    unsaid = next(st for st in data["graph"]["statements"] if st["text"].startswith("Nobody wants to invest"))
    shown = {**data, "graph": {**data["graph"], "statements": [
        {**st, "speaker": None} if st is unsaid else st for st in data["graph"]["statements"]]}}
    (tmp_path / "shown.json").write_text(json.dumps(shown), encoding="utf-8")
    page_path = tmp_path / "review.html"
    assert main(["render", str(tmp_path / "shown.json"), "--out", str(page_path)]) == 0
    with _offline_page(browser) as (page, outside):
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("() => window.entityGraph && window.entityGraphReview")
        assert page.evaluate("entityGraphReview.enabled") is True
        details = page.locator("#details")

        def select(label: str) -> None:
            page.evaluate(f"entityGraph.selectNode({json.dumps(node_id(data, label))})")

        # the reasons: how "Danilenko" joined Viktor Danilenko
        select("Viktor Danilenko")
        reasons = details.locator(".review-reasons li")
        assert reasons.count() == 2
        surname = details.locator('.review-reasons li[data-rule="surname"]')
        assert "Danilenko" in surname.inner_text() and "the surname of the full name" in surname.inner_text()
        assert "Envoy warns of failed talks" in surname.inner_text()
        # split this alias off, into a new entity
        details.locator("select.review-alias").select_option("Danilenko")
        details.locator(".review-actions input[placeholder^='into']").fill("Oleg Danilenko")
        details.locator("button.review-split").click()
        # his statements are listed; one was said by the other Danilenko
        said = details.locator(".review-said li", has_text="We will not accept these terms")
        said.locator("button.review-wrong-speaker").click()
        said.locator("input.review-name").fill("Oleg Danilenko")
        said.locator("button.review-set-speaker").click()

        select("Anya Grey")  # her pen name
        details.locator(".review-actions input[placeholder^='another']").fill("Anna Petrova")
        details.locator("button.review-merge").click()
        assert "Added: merge" in details.locator(".review-status").inner_text()

        select("Brightwater Capital")
        details.locator("select.review-type").select_option("organization")
        details.locator("button.review-retype").click()
        details.locator(".review-actions input[placeholder^='a better']").fill("Brightwater Capital Partners")
        details.locator("button.review-rename").click()

        select("Tbilisi")
        details.locator("button.review-not-entity").click()

        # a statement: the words Anna Petrova is credited with were said by no one named
        edge = page.evaluate(f"""() => entityGraph.edges.get({{filter: (e) => e.kind === 'attribution'
            && e.from === {json.dumps(node_id(data, 'Anna Petrova'))}}})[0].id""")
        page.evaluate(f"entityGraph.selectEdge({json.dumps(edge)})")
        quote = details.locator(".evidence li", has_text="frightened traders").first
        quote.locator("button.review-wrong-speaker").click()
        quote.locator("button.review-no-speaker").click()

        # a statement with no speaker, which no link shows: listed under the corrections
        page.locator(".review-unattributed summary").click()
        item = page.locator(".review-unattributed li", has_text="Nobody wants to invest")
        item.locator("button.review-wrong-speaker").click()
        item.locator("input.review-name").fill("Brightwater Capital")
        item.locator("button.review-set-speaker").click()

        listed = page.locator(".review-list ol li")
        assert listed.count() == 8
        with page.expect_download() as download:
            page.locator("button.review-download").click()
        assert download.value.suggested_filename == "corrections.json"
        fixes = tmp_path / "corrections.json"
        download.value.save_as(fixes)

        # the page keeps the list: a reload shows it again
        page.reload()
        page.wait_for_function("() => window.entityGraphReview")
        assert page.evaluate("entityGraphReview.corrections().length") == 8
        assert outside == []

    written = json.loads(fixes.read_text(encoding="utf-8"))["corrections"]
    assert {c["action"] for c in written} == {"split", "merge", "retype", "rename", "not_entity", "speaker"}
    speakers = {c["text"]: c for c in written if c["action"] == "speaker"}
    nobody = next(c for text, c in speakers.items() if text.startswith("that the CSTO exercises"))
    assert nobody["doc"] == "market" and nobody["speaker"] is None
    assert any(t.startswith("We will not accept") and c == {"action": "speaker", "doc": "envoy", "text": t,
                                                          "speaker": "Oleg Danilenko"} for t, c in speakers.items())

    out = tmp_path / "rebuilt"
    assert main(["build", str(corpus), "--out", str(out), "--corrections", str(fixes)]) == 0
    rebuilt = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    labels = {n["label"]: n for n in rebuilt["nodes"]}
    assert "Anya Grey" not in labels and "Tbilisi" not in labels and "Oleg Danilenko" in labels
    assert "Anya Grey" in labels["Anna Petrova"]["aliases"]
    assert labels["Brightwater Capital Partners"]["type"] == "organization"
    said = next(s for s in rebuilt["graph"]["statements"] if s["text"].startswith("that the CSTO exercises"))
    assert said["speaker"] is None
    said = next(s for s in rebuilt["graph"]["statements"] if s["text"].startswith("We will not accept"))
    assert said["speaker"] == labels["Oleg Danilenko"]["id"]
    said = next(s for s in rebuilt["graph"]["statements"] if s["text"].startswith("Nobody wants to invest"))
    assert said["speaker"] == labels["Brightwater Capital Partners"]["id"]  # named by its old name, after the rename


@needs_chromium
def test_in_a_sandboxed_frame_the_reasons_show_and_the_actions_hide(built, browser, tmp_path):
    base, _, data = built
    import html

    outer = tmp_path / "notebook.html"
    page_html = (base / "out" / "graph.html").read_text(encoding="utf-8")
    outer.write_text(f'<iframe sandbox="allow-scripts" style="width:1400px;height:900px" '
                     f'srcdoc="{html.escape(page_html, quote=True)}"></iframe>', encoding="utf-8")
    with _offline_page(browser) as (page, _):
        page.goto(outer.resolve().as_uri())
        frame = page.frames[1]
        frame.wait_for_function("() => window.entityGraph && window.entityGraphReview")
        assert frame.evaluate("entityGraphReview.enabled") is False
        frame.evaluate(f"entityGraph.selectNode({json.dumps(node_id(data, 'Viktor Danilenko'))})")
        assert frame.locator("#details .review-reasons li").count() == 2
        assert frame.locator("#details .review-actions").count() == 0
        assert frame.locator(".review-list").count() == 0
