"""Peak memory and graph.json size for one sentence that lists N names (issue: 300 names in a 4 KB
file once gave 37,675 edges and 178 MB of graph.json; 1,000 names needed 24 GB).

    .venv/bin/python bench/list_bench.py                 # N = 300, 1000, 3000 through assemble + outputs
    .venv/bin/python bench/list_bench.py --build         # also a real build of a file listing curated names

Each N runs in a fresh process; its peak RSS (ru_maxrss) is what it took, imports included. The
records path writes graph.json, graph.graphml and graph.html exactly as a build does, from
hand-made records (no spaCy), so the figures isolate what a list costs after the parse.
"""
from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RECORDS_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, "tests")
from test_evidence_table import listed  # one document, one sentence, N entities: the test's records
from graph.assemble import build_graph
from graph.export import write_outputs
from graph.viewer import render_html
doc, analysis, resolution = listed(int(sys.argv[1]))
G = build_graph([doc], [analysis], resolution)
write_outputs(G, Path(sys.argv[2]), render_html)
print(len(doc.text), G.number_of_edges())
"""

BUILD_CHILD = """
import sys
from pathlib import Path
from graph.cli import main
sys.exit(main(["build", sys.argv[1], "--out", sys.argv[2], "--no-cache", "-q"]))
"""


def run(code: str, *args: str) -> tuple[str, float, float]:
    """stdout, seconds and peak RSS (MB) of a fresh Python running ``code``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    seconds = time.perf_counter() - t
    if done.returncode:
        raise SystemExit(done.stderr)
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: run the smallest N first
    return done.stdout.strip(), seconds, max(peak, before) / 1024


def sizes(out: Path) -> str:
    return "  ".join(f"{name} {(out / name).stat().st_size / 1e6:7.2f} MB" for name in ("graph.json", "graph.graphml", "graph.html"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 1000, 3000])
    parser.add_argument("--build", action="store_true", help="also a real build of a list of curated names")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in sorted(args.sizes):
            out = Path(tmp) / f"records-{n}"
            stdout, seconds, peak = run(RECORDS_CHILD, str(n), str(out))
            chars, edges = stdout.split()
            print(f"records  {n:6d} names  {int(chars):7d} chars  {int(edges):6d} edges  "
                  f"{seconds:5.1f} s  peak {peak:6.0f} MB  {sizes(out)}")
        if args.build:
            sys.path.insert(0, str(ROOT))
            from graph.gazetteer import load_gazetteer

            labels = sorted({e.label for e in load_gazetteer().entries.values() if e.label.isascii()})
            text = Path(tmp) / "list.txt"
            text.write_text("Summit\n\nThe summit was attended by " + ", ".join(labels) + ".\n", encoding="utf-8")
            out = Path(tmp) / "build"
            _, seconds, peak = run(BUILD_CHILD, str(text), str(out))
            print(f"build    {len(labels):6d} names  {text.stat().st_size:7d} chars  "
                  f"{seconds:5.1f} s  peak {peak:6.0f} MB  {sizes(out)}")


if __name__ == "__main__":
    main()
