"""A build's three outputs are one set: one build id in each, replaced together even when the
writer is killed between renames (the fault hook of graph.outputs), never written by two builds
at once, and refused by load and render when mixed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import graph
from graph.cli import main as cli_main
from graph.export import write_outputs
from graph.faults import FAULT_ENV
from graph.outputs import PENDING_NAME, output_lock, read_build_ids
from graph.viewer import render_html

sys.path.insert(0, str(Path(__file__).parent))
from test_contract import valid  # noqa: E402

OUTPUTS = ["graph.graphml", "graph.html", "graph.json"]
# Writes the graph.json at argv[1] as a build's set into argv[2]: a writer that can be killed.
WRITER = ("import sys, graph; from graph.export import write_outputs; from graph.viewer import render_html; "
          "write_outputs(graph.load(sys.argv[1]).nx, sys.argv[2], render_html)")


def a_graph(label: str = "Russia"):
    data = valid()
    data["nodes"][0]["label"] = label
    return graph.KnowledgeGraph.from_data(data).nx


def write_set(out: Path, label: str = "Russia") -> str:
    write_outputs(a_graph(label), out, render_html)
    return json.loads((out / "graph.json").read_text("utf-8"))["graph"]["build_id"]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != ".entity-graph.lock")


def test_the_outputs_carry_one_content_derived_build_id(tmp_path):
    first, second, other = (write_set(tmp_path / name, label) for name, label in
                            (("a", "Russia"), ("b", "Russia"), ("c", "Russian Federation")))
    assert len(first) == 16 and first == second != other
    assert read_build_ids(tmp_path / "a") == {"graph.graphml": first, "graph.html": first}
    for name in OUTPUTS:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert listing(tmp_path / "a") == OUTPUTS
    assert graph.load(tmp_path / "a").nx.nodes["ru"]["label"] == "Russia"


def test_load_and_render_refuse_a_mixed_set(tmp_path, capsys):
    old, new = tmp_path / "old", tmp_path / "new"
    old_id, new_id = write_set(old, "Russia"), write_set(new, "Russian Federation")
    (new / "graph.html").replace(old / "graph.html")
    for path in (old, old / "graph.json"):
        with pytest.raises(ValueError) as caught:
            graph.load(path)
        message = str(caught.value)
        assert message.startswith(str(old / "graph.json")) and str(old / "graph.html") in message
        assert old_id in message and new_id in message and "\n" not in message
    assert cli_main(["render", str(old / "graph.json"), "--out", str(tmp_path / "view.html")]) == 1
    assert capsys.readouterr().err == f"entity-graph: error: {message}\n"
    (old / "graph.html").unlink()  # a set without its page is not mixed
    assert graph.load(old).nx.nodes["ru"]["label"] == "Russia"


@pytest.mark.parametrize("fault", ["temp:1", "temp:3", "rename:1", "rename:2", "rename:3"])
def test_a_writer_killed_at_any_step_leaves_a_set_the_next_build_completes(tmp_path, fault, capsys):
    out = tmp_path / "out"
    old_id = write_set(out, "Russia")
    source = tmp_path / "new.json"
    graph.KnowledgeGraph(a_graph("Russian Federation")).save(source)
    killed = subprocess.run([sys.executable, "-c", WRITER, str(source), str(out)],
                            env={**os.environ, FAULT_ENV: fault}, capture_output=True)
    assert killed.returncode == -9, killed.stderr.decode()
    if fault.startswith("temp"):  # killed before any rename: the old set stands, its temporary files lie about
        assert graph.load(out).nx.nodes["ru"]["label"] == "Russia"
        assert any(name.endswith(".tmp") for name in listing(out))
    else:
        assert (out / PENDING_NAME).exists()
        with pytest.raises(ValueError, match="half replaced"):
            graph.load(out)
        assert cli_main(["render", str(out), "--out", str(tmp_path / "view.html")]) == 1
        assert capsys.readouterr().err.count("\n") == 1
        # whoever takes the folder next finishes the renames that were recorded
        with output_lock(out):
            pass
        new = graph.load(out)
        assert new.nx.nodes["ru"]["label"] == "Russian Federation" and listing(out) == OUTPUTS
    newest_id = write_set(out, "RF")
    assert listing(out) == OUTPUTS and newest_id not in (old_id,)
    assert read_build_ids(out) == {"graph.graphml": newest_id, "graph.html": newest_id}


def test_stale_temporary_files_are_removed_by_the_next_writer(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in (".graph.json.entity-graph-k3j_x9a2.tmp", ".graph.html.entity-graph-AbCdEfGh.tmp",
                 ".entity-graph.pending"):
        (out / name).write_text("left by a killed build")
    for name in ("notes.tmp", ".notes.k3j_x9a2.tmp"):  # not ours: kept
        (out / name).write_text("another program's file")
    write_set(out)
    assert listing(out) == [".notes.k3j_x9a2.tmp", *OUTPUTS, "notes.tmp"]


def test_a_second_build_into_the_same_folder_stops_with_one_line(tmp_path):
    out = tmp_path / "out"
    text = tmp_path / "a.txt"
    text.write_text("Russia and Tajikistan held talks in Dushanbe.\n", encoding="utf-8")
    build = [sys.executable, "-m", "graph", "build", str(text), "--out", str(out), "--no-cache", "-q"]
    with output_lock(out):  # as a running build holds it
        second = subprocess.run(build, capture_output=True, text=True)
    assert second.returncode == 1
    assert second.stderr == (f"entity-graph: error: another entity-graph (pid {os.getpid()}) is writing to {out}; "
                             "wait for it to finish or choose another folder\n")
    assert listing(out) == []
    # two at once: the one that gets the folder builds, the other stops; the set is whole
    both = [subprocess.Popen(build, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = sorted((p.wait(), p.stderr.read()) for p in both)
    assert results[0] == (0, "")
    assert results[1][0] == 0 or "another entity-graph" in results[1][1]
    assert listing(out) == OUTPUTS and "Tajikistan" in graph.load(out)
