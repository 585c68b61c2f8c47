"""Peak memory of a build of one very long text file (issue: a document over spaCy's million
characters must build, in pieces, with memory bounded).

Writes a text of ``--mb`` megabytes (default 50) made of generated news-like paragraphs (names,
places, quotes; every paragraph different, so that cleaning keeps them all), runs
``entity-graph build`` on it in a fresh process with a new, empty parse cache (and ``--max-chars``
raised above the text's length: the default skips a document over 10 million characters), and prints the
wall time and the peak resident memory of the process tree (sampled every 50 ms).

With ``--small``, the build uses a small pipeline instead of the default model (spaCy's
tokenizer, the text's names tagged and recognised by rules, a sentencizer: what
``tests/test_hostile_input.py`` uses), which parses some 30 times faster: the figure for what the
build holds beside the parser (records, graph, outputs), on a shared machine in minutes.

Usage:  .venv/bin/python bench/memory_bench.py                 (50 MB, --jobs 1, the default model)
        .venv/bin/python bench/memory_bench.py --mb 50 --small
        .venv/bin/python bench/memory_bench.py --mb 5 --jobs 2
"""
from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

FIRST = ["Anna", "Boris", "Chen", "Dmitri", "Elena", "Farid", "Grace", "Hassan", "Ivan", "Julia", "Kemal", "Lena"]
LAST = ["Petrov", "Okafor", "Lindqvist", "Haddad", "Moreau", "Novak", "Tanaka", "Alvarez", "Kowalski", "Brennan"]
PLACES = ["Oslo", "Nairobi", "Lima", "Hanoi", "Tbilisi", "Quito", "Accra", "Riga", "Manila", "Tunis", "Baku"]
ORGS = ["the Ministry of Transport", "the Central Bank", "the Red Cross", "the city council", "the port authority"]
WORDS = ("report budget talks border election trade water harvest bridge contract strike court vote "
         "road school hospital market fuel grain tariff treaty visit summit").split()


def paragraph(rng: random.Random, n: int) -> str:
    person = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    place, org = rng.choice(PLACES), rng.choice(ORGS)
    w = [rng.choice(WORDS) for _ in range(6)]
    return (
        f"{person} met officials of {org} in {place} on day {n} to discuss the {w[0]} and the {w[1]}. "
        f"\"The {w[2]} will not wait,\" {person.split()[1]} said, adding that the {w[3]} of {place} "
        f"was {n % 97} per cent behind plan. Critics in {rng.choice(PLACES)} called the {w[4]} a {w[5]}."
    )


def write_text(path: Path, megabytes: float) -> int:
    rng = random.Random(12)
    target = int(megabytes * 1_000_000)
    size, n = 0, 0
    with path.open("w", encoding="utf-8") as f:
        f.write("A very long file\n\n")
        while size < target:
            p = paragraph(rng, n) + "\n\n"
            f.write(p)
            size += len(p)
            n += 1
    return size


def small_pipeline(path: Path) -> None:
    """The small pipeline of ``--small``, saved to ``path`` (a path ``--model`` takes)."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler", name="names").add([[{"TEXT": {"IN": FIRST + LAST + PLACES}}]], {"POS": "PROPN"})
    nlp.add_pipe("sentencizer", name="parser")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": [{"TEXT": {"IN": FIRST}}, {"TEXT": {"IN": LAST}}]},
                        *({"label": "GPE", "pattern": place} for place in PLACES)])
    nlp.to_disk(path)


def tree_rss(pid: int) -> int:
    """The resident memory of ``pid`` and its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=50.0, help="size of the text in megabytes (default 50)")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--small", action="store_true", help="a small rule-based pipeline instead of the default model")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "long.txt"
        chars = write_text(text, args.mb)
        model = []
        if args.small:
            small_pipeline(Path(tmp) / "small")
            model = ["--model", str(Path(tmp) / "small")]
        cmd = [sys.executable, "-m", "graph", "build", str(text), "--out", str(Path(tmp) / "out"), "--quiet",
               "--jobs", str(args.jobs), "--cache-dir", str(Path(tmp) / "cache"), "--max-chars", str(2 * chars), *model]
        t = time.perf_counter()
        proc = subprocess.Popen(cmd)
        peak = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not stop.wait(0.05):
                peak = max(peak, tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        stop.set()
        sampler.join()
        seconds = time.perf_counter() - t
        size = sum(f.stat().st_size for f in (Path(tmp) / "out").glob("*")) if code == 0 else 0
    print(f"text {chars:,} characters, {'small pipeline' if args.small else 'default model'}, --jobs {args.jobs}: exit {code}, {seconds:.0f} s, "
          f"peak RSS {peak / 2**20:,.0f} MB, outputs {size / 2**20:,.1f} MB")
    return code


if __name__ == "__main__":
    sys.exit(main())
