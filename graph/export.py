"""Write a graph to disk: ``graph.json`` (the contract other tools read), ``graph.graphml`` (for
Gephi) and the HTML viewer. Writes are atomic: every file is written beside its target first and
moved into place only when all of them are complete, so a failed build leaves earlier output as it was.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import orjson


def to_data(G: nx.MultiDiGraph) -> dict:
    """The node-link form of ``G``, in a stable order (the same graph gives the same bytes)."""
    data = nx.node_link_data(G, edges="edges")
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"], e["key"]))
    return data


def from_data(data: dict) -> nx.MultiDiGraph:
    """Rebuild the graph from its node-link form (as read from ``graph.json``)."""
    G = nx.node_link_graph(data, edges="edges", directed=True, multigraph=True)
    return G


def dumps_json(data: dict) -> str:
    """``graph.json`` text for node-link ``data``: see :func:`dumps_json_bytes`."""
    return dumps_json_bytes(data).decode("utf-8")


def dumps_json_bytes(data: dict) -> bytes:
    """``graph.json`` as UTF-8: keys sorted, two-space indent, a final newline; the same data always
    gives the same bytes.

    orjson writes it about ten times as fast as ``json.dumps(indent=...)``, whose indenting encoder
    is pure Python (seconds for a corpus of thousands of articles). For the values a graph holds
    (str, int, bool, None, lists, dicts with str keys) the text is the one that
    ``json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2)`` writes."""
    try:
        return orjson.dumps(data, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS | orjson.OPT_APPEND_NEWLINE)
    except orjson.JSONEncodeError:
        # What orjson refuses and json may take (integers beyond 64 bits, non-str keys): the same
        # layout, from json, which then accepts or rejects it as it always did.
        return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")


def load_json(path: str | os.PathLike) -> dict:
    """Read a ``graph.json``; a clear ``ValueError`` naming the file when it is not one."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: not a graph.json ({exc})") from None
    if not isinstance(data, dict) or "nodes" not in data or ("edges" not in data and "links" not in data):
        raise ValueError(f"{path}: not a graph.json (no nodes and edges)")
    if "links" in data and "edges" not in data:
        data["edges"] = data.pop("links")
    return data


def graphml_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, as GraphML and Gephi want: lists joined, evidence as text."""
    H = nx.MultiDiGraph()
    H.graph["documents"] = len(G.graph.get("documents", []))
    H.graph["statements"] = len(G.graph.get("statements", []))
    for node, attrs in sorted(G.nodes(data=True)):
        H.add_node(node, **{k: _scalar(v) for k, v in attrs.items() if v is not None})
    for source, target, key, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
        flat = {k: _scalar(v) for k, v in attrs.items() if k != "evidence" and v is not None}
        flat["evidence"] = "\n".join(ev.get("sentence", "") for ev in attrs.get("evidence", []))
        H.add_edge(source, target, key=key, **flat)
    return H


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def write_outputs(G: nx.MultiDiGraph, out_dir: str | os.PathLike, render_html: Callable[[dict], str] | None = None) -> dict[str, Path]:
    """Write graph.json, graph.graphml and (with ``render_html``) graph.html into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    data = to_data(G)
    contents: dict[str, bytes] = {"graph.json": dumps_json_bytes(data)}
    contents["graph.graphml"] = "\n".join(nx.generate_graphml(graphml_graph(G))).encode("utf-8")
    if render_html is not None:
        contents["graph.html"] = render_html(data).encode("utf-8")
    return write_atomically(out, contents)


def write_atomically(out: Path, contents: dict[str, bytes]) -> dict[str, Path]:
    """Write every file to a temporary name in ``out``, then move them all into place."""
    temps: dict[str, str] = {}
    try:
        for name, body in contents.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=out)
            temps[name] = tmp
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        for tmp in temps.values():
            Path(tmp).unlink(missing_ok=True)
        raise
    written = {}
    for name, tmp in temps.items():
        os.chmod(tmp, 0o644)
        os.replace(tmp, out / name)
        written[name] = out / name
    return written
