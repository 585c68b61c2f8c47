"""The build pipeline: the parse cache (hits, misses, invalidation, damage), ``--jobs`` (the same
graph.json bytes whatever the number of processes) and the progress bar."""
from __future__ import annotations

import io
import json
import sqlite3
import sys

import pytest

import graph.cache as cache_module
import graph.nlp
from graph import cli
from graph.cache import FILENAME, CacheStats, ParseCache, default_cache_dir, parse_key
from graph.cli import main
from graph.export import prepare
from graph.gazetteer import load_gazetteer
from graph.pipeline import Progress, build
from graph.pipeline import progress as progress_module
from graph.pipeline.runners import ProcessRunner
from tests.built import page_faults_of_reused_buffers

ARTICLES = {
    "lavrov.txt": (
        "Lavrov warns of threats\n\n"
        "Foreign Minister Sergey Lavrov said on Friday that Russia would help Tajikistan. "
        "Lavrov spoke in Dushanbe after meeting officials of the Collective Security Treaty Organization (CSTO).\n"
    ),
    "border.txt": "The CSTO and Russia held exercises near the Afghan border. Kazakhstan sent observers.\n",
    "talks.txt": "The Taliban met Chinese diplomats in Beijing. \"The talks went well,\" said Wang Yi, China's foreign minister.\n",
}
EXTRA = "Officials of the Zorvath Brigade said the border was calm. The Zorvath Brigade patrols near Dushanbe.\n"
ZORVATH = {"id": "zorvath_brigade", "label": "Zorvath Brigade", "type": "group", "wikidata": None, "aliases": ["Zorvath Brigade"]}


def write_corpus(folder, articles=ARTICLES):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def graph_bytes(result) -> bytes:
    return prepare(result.graph)[1]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def uncached(corpus):
    """The graph built with no cache: what every other build must reproduce byte for byte."""
    result = build([corpus], cache=False)
    assert result.cache.path is None and result.cache.hits == result.cache.misses == 0
    return graph_bytes(result)


# --- the cache ---------------------------------------------------------------------------------


def test_second_build_parses_nothing_and_gives_the_same_graph(corpus, uncached, tmp_path):
    first = build([corpus], cache=tmp_path / "cache")
    assert (first.cache.hits, first.cache.misses, first.cache.errors) == (0, 3, 0)
    assert (tmp_path / "cache" / FILENAME).exists()
    second = build([corpus], cache=tmp_path / "cache")
    assert (second.cache.hits, second.cache.misses) == (3, 0)
    assert "nlp" not in second.timings  # nothing was parsed
    assert graph_bytes(first) == graph_bytes(second) == uncached


def test_adding_articles_parses_only_them(corpus, tmp_path):
    cache = tmp_path / "cache"
    build([corpus], cache=cache)
    grown = write_corpus(tmp_path / "grown", {**ARTICLES, "extra.txt": EXTRA})
    result = build([grown], cache=cache)
    assert (result.cache.hits, result.cache.misses) == (3, 1)
    edited = write_corpus(tmp_path / "edited", {**ARTICLES, "border.txt": ARTICLES["border.txt"] + "Talks resume.\n"})
    assert (build([edited], cache=cache).cache.misses) == 1  # the key is the text


def test_new_curated_data_reuses_every_parse(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", {**ARTICLES, "extra.txt": EXTRA})
    cache = tmp_path / "cache"
    before = build([corpus], cache=cache)
    entities = tmp_path / "extra.jsonl"
    entities.write_text(json.dumps(ZORVATH) + "\n", encoding="utf-8")
    after = build([corpus], cache=cache, extra_entities=[entities])
    assert (after.cache.hits, after.cache.misses) == (4, 0)
    assert after.graph.nodes["zorvath_brigade"]["type"] == "group"  # the new data was applied to the cached parses
    assert graph_bytes(after) == graph_bytes(build([corpus], cache=False, extra_entities=[entities]))
    assert graph_bytes(before) != graph_bytes(after)


def test_another_pipeline_version_misses(corpus, uncached, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    build([corpus], cache=cache)
    real = graph.nlp.pipeline_version
    monkeypatch.setattr(graph.nlp, "pipeline_version", lambda nlp: real(nlp) + "/spacy-99.0")
    result = build([corpus], cache=cache)
    assert (result.cache.hits, result.cache.misses) == (0, 3)
    assert graph_bytes(result) == uncached
    assert len(ParseCache(cache)) == 6  # both versions are kept


def test_damaged_entries_are_parsed_again(corpus, uncached, tmp_path):
    cache = tmp_path / "cache"
    build([corpus], cache=cache)
    with sqlite3.connect(cache / FILENAME) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM parses ORDER BY key")]
        db.execute("UPDATE parses SET data = ? WHERE key = ?", (b"not a parse", keys[0]))
        db.execute("UPDATE parses SET data = substr(data, 1, 40) WHERE key = ?", (keys[1],))
    result = build([corpus], cache=cache)
    assert (result.cache.hits, result.cache.misses, result.cache.errors) == (1, 2, 2)
    assert graph_bytes(result) == uncached
    assert (build([corpus], cache=cache).cache.hits) == 3  # the damaged entries were replaced


def test_a_file_that_is_not_a_cache_is_set_aside(corpus, uncached, tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILENAME).write_bytes(b"garbage, not SQLite" * 100)
    result = build([corpus], cache=cache)
    assert (result.cache.hits, result.cache.misses) == (0, 3)
    assert graph_bytes(result) == uncached
    assert list(cache.glob(f"{FILENAME}.corrupt-*"))
    assert len(ParseCache(cache)) == 3


def test_an_unusable_cache_folder_does_not_stop_the_build(corpus, uncached, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    result = build([corpus], cache=blocker / "cache")
    assert result.cache.hits == 0 and result.cache.errors >= 1
    assert str(result.cache).startswith("cache unavailable")
    assert graph_bytes(result) == uncached


def test_a_busy_cache_is_skipped_not_set_aside(tmp_path, monkeypatch):
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_S", 0.1)
    with ParseCache(tmp_path) as store:
        store.put_many([("a", b"1")])
    other = sqlite3.connect(tmp_path / FILENAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another build writing
    try:
        with ParseCache(tmp_path) as store:
            assert store.get_many(["a"]) == {"a": b"1"}  # WAL: readers do not wait for writers
            store.put_many([("b", b"2")])
            assert store.errors == 1
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(tmp_path.glob("*.corrupt-*"))
    with ParseCache(tmp_path) as store:
        assert store.get_many(["a", "b"]) == {"a": b"1"}


def test_cache_store_round_trip_and_location(tmp_path, monkeypatch):
    with ParseCache(tmp_path / "c") as store:
        store.put_many([("a", b"1"), ("b", b"2")])
        store.put_many([("a", b"3")])
        assert store.get_many(["a", "b", "c"]) == {"a": b"3", "b": b"2"}
    assert parse_key("text", "v1") != parse_key("text", "v2") != parse_key("text.", "v2")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "entity-graph"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "entity-graph"
    assert str(CacheStats(2, 1, 0, "/x")) == "cache 2 hits, 1 miss (/x)"


# --- the command line: --jobs, cache options, progress -----------------------------------------


def test_jobs_and_cache_state_do_not_change_graph_json(corpus, uncached, tmp_path, monkeypatch, capsys):
    """Two workers, one document per chunk so that chunks come back out of order, parsing into a
    new cache; then one process reading that cache: the same bytes as the uncached build."""
    monkeypatch.setattr(ProcessRunner, "chunk_chars", 1)
    monkeypatch.setattr(cli, "PARALLEL_RENDER_EDGES", 0)  # the page rendered in its own process too
    cache = tmp_path / "cache"
    outs, pages = {}, {}
    for name, args in {"two-cold": ["--jobs", "2"], "one-warm": ["-j", "1"]}.items():
        assert main(["build", str(corpus), "--out", str(tmp_path / name), "--cache-dir", str(cache), *args]) == 0
        outs[name] = (tmp_path / name / "graph.json").read_bytes()
        pages[name] = (tmp_path / name / "graph.html").read_bytes()
        assert "with 2 processes" in capsys.readouterr().out or name == "one-warm"
    assert outs["two-cold"] == outs["one-warm"] == uncached
    assert pages["two-cold"] == pages["one-warm"]
    assert len(ParseCache(cache)) == 3  # the workers' parses were cached by the parent


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc options")
def test_jobs_workers_keep_freed_memory_whatever_they_inherit(monkeypatch):
    """A local Dask cluster's nanny leaves MALLOC_TRIM_THRESHOLD_=65536 in the environment of the
    process that started it; --jobs workers started there later inherited it and took 90 times the
    page faults (a quarter more CPU per chunk). They keep freed memory as a plain process does."""
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    with ProcessRunner(None, load_gazetteer(), 1) as runner:
        runner.version()
        faults = runner._pool.submit(page_faults_of_reused_buffers).result()
    assert faults < 20 * 6144 // 4, faults


def test_summary_reports_the_cache(corpus, tmp_path, capsys):
    cache = tmp_path / "cache"
    assert main(["build", str(corpus), "--out", str(tmp_path / "a"), "--cache-dir", str(cache)]) == 0
    assert "cache 0 hits, 3 misses" in capsys.readouterr().out
    assert main(["build", str(corpus), "--out", str(tmp_path / "b"), "--cache-dir", str(cache)]) == 0
    assert "cache 3 hits, 0 misses" in capsys.readouterr().out


def test_no_cache_writes_nothing_to_the_default_location(corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "--no-cache"]) == 0
    assert "cache off" in capsys.readouterr().out
    assert not (tmp_path / "xdg").exists()
    assert main(["build", str(corpus), "--out", str(tmp_path / "o"), "-q"]) == 0
    assert (tmp_path / "xdg" / "entity-graph" / FILENAME).exists()


def test_progress_bar_on_stderr_and_quiet_silences_it(corpus, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(progress_module, "PROGRESS_DELAY_S", 0.0)  # as if the build had taken long
    assert main(["build", str(corpus), "--out", str(tmp_path / "a"), "--no-cache"]) == 0
    captured = capsys.readouterr()
    assert "3/3" in captured.err and "doc" in captured.err and "writing" in captured.err
    assert "3/3" not in captured.out
    assert main(["build", str(corpus), "--out", str(tmp_path / "b"), "--no-cache", "--quiet"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_progress_bar_waits_before_showing():
    out = io.StringIO()
    bar = Progress(3, delay=60, file=out)
    bar.update(3, CacheStats(hits=1))
    bar.stage("resolving entities")
    bar.close()
    assert out.getvalue() == ""
    shown = io.StringIO()
    with Progress(3, delay=0, file=shown) as bar:
        bar.update(3, CacheStats(hits=1))
    assert "3/3" in shown.getvalue() and "1 cached" in shown.getvalue()


def test_bad_jobs_value_is_a_usage_error(capsys):
    with pytest.raises(SystemExit):
        main(["build", "x", "--jobs", "-1"])
    assert "--jobs" in capsys.readouterr().err



def test_a_document_that_fails_is_one_problem_and_the_others_are_built(corpus, tmp_path, monkeypatch, capsys):
    """A document whose analysis raises (made to, by the test-only fault hook) is left out with
    one line naming it, in this process and in worker processes alike."""
    from graph.faults import FAULT_ENV

    monkeypatch.setenv(FAULT_ENV, "fail-document:Kazakhstan sent observers")
    one = build([corpus], cache=False)
    assert [(p.path, p.message.split(" (")[0]) for p in one.problems] == [(str(corpus / "border.txt"), "could not be analysed")]
    assert sorted(d.path for d in one.documents) == [str(corpus / "lavrov.txt"), str(corpus / "talks.txt")]
    assert main(["build", str(corpus), "--jobs", "2", "--no-cache", "-q", "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == f"entity-graph: skipped {one.problems[0]}\n"
    assert (tmp_path / "out" / "graph.json").read_bytes() == graph_bytes(one)
