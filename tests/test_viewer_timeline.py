"""The viewer's time range slider (graph/viewer/timeline.js) in headless Chromium: moving it hides
the relationships whose evidence lies outside the range; undated evidence has its own checkbox."""
from __future__ import annotations

import pytest
from test_viewer import _launched_chromium, _offline_page, needs_chromium

from graph.viewer import write_html

MARCH, APRIL, MAY = "2021-03-01", "2021-04-12", "2021-05-03"


def dated_graph(dates: dict[str, str | None]) -> dict:
    """Four entities; one relationship per document (march, april, may, undated) and one with
    evidence from march and may."""
    nodes = [{"id": n, "label": n.title(), "type": "country", "aliases": [], "mentions": 1, "documents": [],
              "wikidata": None, "statements": 0} for n in ("norway", "sweden", "denmark", "finland")]

    def edge(source, target, *docs):
        evidence = [{"doc": d, "sentence": f"{source} and {target} in {d}.", "start": 0, "end": 10, "date": dates[d]} for d in docs]
        return {"source": source, "target": target, "key": "co_mention", "kind": "co_mention", "weight": len(docs),
                "documents": list(docs), "evidence": evidence}

    return {
        "directed": True, "multigraph": True,
        "graph": {"documents": [{"id": d, "title": d, "outlet": None, "author": None, "date": day, "url": None, "path": None}
                                for d, day in dates.items()], "statements": []},
        "nodes": nodes,
        "edges": [edge("norway", "sweden", "march"), edge("norway", "denmark", "april"), edge("sweden", "denmark", "may"),
                  edge("denmark", "finland", "undated"), edge("norway", "finland", "march", "may")],
    }


DATES = {"march": MARCH, "april": APRIL, "may": MAY, "undated": None}


def shown_pairs(page) -> set[tuple[str, str]]:
    edges = page.evaluate("entityGraph.edges.get(entityGraph.shownEdgeIds()).map((e) => [e.from, e.to])")
    return {tuple(e) for e in edges}


def move(page, handle: str, day: str) -> None:
    index = page.evaluate("entityGraph.timeRange.days").index(day)
    page.locator(handle).fill(str(index))


@pytest.fixture(scope="module")
def browser():
    with _launched_chromium() as launched:
        yield launched


@needs_chromium
def test_moving_the_slider_hides_relationships_outside_the_range(tmp_path, browser) -> None:
    page_path = tmp_path / "graph.html"
    write_html(dated_graph(DATES), page_path)
    with _offline_page(browser) as (page, _):
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=10_000)
        everything = {("norway", "sweden"), ("norway", "denmark"), ("sweden", "denmark"), ("denmark", "finland"), ("norway", "finland")}
        assert page.locator("#time-range").is_visible()
        assert page.evaluate("entityGraph.timeRange.days") == [MARCH, APRIL, MAY]
        assert shown_pairs(page) == everything

        move(page, "#time-to", APRIL)  # March to April
        assert page.locator("#time-range-value").text_content() == f"{MARCH} – {APRIL}"
        assert shown_pairs(page) == everything - {("sweden", "denmark")}

        move(page, "#time-from", APRIL)  # April only: the March+May relationship goes too
        assert shown_pairs(page) == {("norway", "denmark"), ("denmark", "finland")}

        page.locator("#time-undated").uncheck()
        assert shown_pairs(page) == {("norway", "denmark")}

        move(page, "#time-to", MAY)
        move(page, "#time-from", MAY)
        assert shown_pairs(page) == {("sweden", "denmark"), ("norway", "finland")}
        assert "2 of 5 relationships" in page.locator("#counts").text_content()


@needs_chromium
def test_no_slider_shown_without_dates(tmp_path, browser) -> None:
    page_path = tmp_path / "graph.html"
    write_html(dated_graph(dict.fromkeys(DATES)), page_path)
    with _offline_page(browser) as (page, _):
        page.goto(page_path.resolve().as_uri())
        page.wait_for_function("() => window.entityGraph && entityGraph.ready()", timeout=10_000)
        assert page.locator("#time-range").count() == 0
        assert len(shown_pairs(page)) == 5
