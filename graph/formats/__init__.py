"""Exports for the tools analysts already use, each written from the built graph:

* ``gexf``: one GEXF 1.3 file with spells from the evidence dates, so Gephi's timeline plays it;
* ``graphml``: the GraphML file every build writes (``graph.graphml``);
* ``neo4j``: a folder of CSV files for ``neo4j-admin database import`` and a ``load.cypher``
  script for ``LOAD CSV``;
* ``csv``: a folder of plain tables (nodes, edges, statements, documents) for spreadsheets and pandas.

Writes are atomic, as for ``graph.json``: every file is written beside its target and moved into
place once all are complete. The same graph gives the same bytes.

>>> write_format(G, "gexf", "out/graph.gexf")        # doctest: +SKIP
>>> write_formats(G, "out", ["neo4j", "csv"])         # out/neo4j/, out/csv/  # doctest: +SKIP
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from ..export import dumps_graphml, write_atomically
from . import gexf, neo4j, tables

__all__ = ["FORMATS", "write_format", "write_formats", "default_path"]

# name -> (what it writes, file or folder name in a build's output folder, writer)
_FILE, _FOLDER = "file", "folder"
FORMATS: dict[str, tuple[str, str, Callable[[nx.MultiDiGraph], dict[str, bytes] | bytes]]] = {
    "gexf": (_FILE, "graph.gexf", gexf.dumps_gexf),
    "graphml": (_FILE, "graph.graphml", dumps_graphml),
    "neo4j": (_FOLDER, "neo4j", neo4j.neo4j_files),
    "csv": (_FOLDER, "csv", tables.table_files),
}


def default_path(out_dir: str | os.PathLike, name: str) -> Path:
    """Where a build writes format ``name`` inside its output folder."""
    return Path(out_dir) / FORMATS[_check(name)][1]


def write_format(G: nx.MultiDiGraph, name: str, path: str | os.PathLike) -> list[Path]:
    """Write ``G`` as format ``name`` to ``path`` (a file, or a folder for ``neo4j`` and ``csv``);
    returns the files written."""
    shape, _, dump = FORMATS[_check(name)]
    path = Path(path)
    if shape == _FILE:
        path.parent.mkdir(parents=True, exist_ok=True)
        return list(write_atomically(path.parent, {path.name: dump(G)}).values())
    path.mkdir(parents=True, exist_ok=True)
    return list(write_atomically(path, dump(G)).values())


def write_formats(G: nx.MultiDiGraph, out_dir: str | os.PathLike, names: Iterable[str]) -> dict[str, Path]:
    """Write each format of ``names`` to its place in ``out_dir`` (see :func:`default_path`)."""
    written = {}
    for name in dict.fromkeys(names):
        written[name] = default_path(out_dir, name)
        write_format(G, name, written[name])
    return written


def _check(name: str) -> str:
    if name not in FORMATS:
        raise ValueError(f"unknown export format {name!r}; use {', '.join(FORMATS)}")
    return name
