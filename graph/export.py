"""Write a graph to disk: ``graph.json`` (the contract other tools read, see
:mod:`graph.contract`), ``graph.graphml`` (for Gephi) and the HTML viewer, as one set carrying
one build id (written by :mod:`graph.outputs`: atomically, under the folder's lock); and read a
graph.json back, checked.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
import orjson
from networkx.readwrite.graphml import GraphML

from .contract import BUILD_ID, from_data, to_data, validate
from .outputs import check_set, write_atomically

__all__ = ["to_data", "from_data", "dumps_json", "dumps_json_bytes", "graph_json_bytes", "load_json",
           "graphml_graph", "dumps_graphml", "prepare", "write_outputs"]
# GraphML repeats each evidence sentence on every edge it supports (Gephi has no table to refer
# to): each is cut to this many characters there, so that a sentence listing hundreds of names
# cannot multiply into gigabytes; graph.json keeps the whole text.
GRAPHML_SENTENCE_CHARS = 500


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


def graph_json_bytes(data: dict) -> bytes:
    """``graph.json`` for file-form ``data`` with its build id, which is set on ``data`` too: the
    first 16 hex digits of the SHA-256 of the file with a blank id, so the same graph always gets
    the same id (and the same bytes) and the outputs of one build can be told from another's."""
    data["graph"][BUILD_ID] = _BLANK_ID
    blank = dumps_json_bytes(data)
    build_id = hashlib.sha256(blank).hexdigest()[:16]
    data["graph"][BUILD_ID] = build_id
    # The field can only be the graph's: a quote inside any string is written escaped.
    return blank.replace(f'"{BUILD_ID}": "{_BLANK_ID}"'.encode(), f'"{BUILD_ID}": "{build_id}"'.encode(), 1)


_BLANK_ID = "0" * 16


def load_json(path: str | os.PathLike) -> dict:
    """Read a ``graph.json`` (or the folder holding one) checked against the contract
    (:func:`graph.contract.validate`), in the current file form. Raises ``ValueError``, one line
    naming the file and the problem: not a graph.json, a field that breaks the contract, or
    outputs beside it that belong to another build."""
    path = Path(path)
    if path.is_dir():
        path = path / "graph.json"
    try:
        data = orjson.loads(path.read_bytes())
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except orjson.JSONDecodeError as exc:
        raise ValueError(f"{path}: not a graph.json ({exc})") from None
    data = validate(data, str(path))
    check_set(path, data["graph"].get(BUILD_ID))
    return data


def graphml_graph(G: nx.MultiDiGraph, build_id: str | None = None) -> nx.MultiDiGraph:
    """A copy with only scalar attributes, as GraphML and Gephi want: lists joined, evidence as
    text (each sentence cut to ``GRAPHML_SENTENCE_CHARS``), and the build id when given.

    This is the graph ``graph.graphml`` holds; :func:`dumps_graphml` writes it without building it."""
    graph_attrs, nodes, edges = _graphml_items(G, build_id)
    H = nx.MultiDiGraph()
    H.graph.update(graph_attrs)
    H.add_nodes_from(nodes)
    H.add_edges_from(edges)
    return H


def _graphml_items(G: nx.MultiDiGraph, build_id: str | None = None
                   ) -> tuple[dict, Iterator[tuple[Any, dict]], Iterator[tuple[Any, Any, Any, dict]]]:
    """The graph attributes, nodes and edges of :func:`graphml_graph`, in its order (sorted)."""
    graph_attrs = {"documents": len(G.graph.get("documents", [])), "statements": len(G.graph.get("statements", []))}
    if build_id is not None:
        graph_attrs[BUILD_ID] = build_id
    nodes = ((node, {k: _scalar(v) for k, v in attrs.items() if v is not None})
             for node, attrs in sorted(G.nodes(data=True)))

    def edges() -> Iterator[tuple[Any, Any, Any, dict]]:
        for source, target, key, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: e[:3]):
            flat = {k: _scalar(v) for k, v in attrs.items() if k != "evidence" and v is not None}
            flat["evidence"] = "\n".join(_clipped(ev.get("sentence") or "") for ev in attrs.get("evidence", []))
            yield source, target, key, flat

    return graph_attrs, nodes, edges()


def _clipped(sentence: str) -> str:
    return sentence if len(sentence) <= GRAPHML_SENTENCE_CHARS else sentence[:GRAPHML_SENTENCE_CHARS - 1] + "…"


def dumps_graphml(G: nx.MultiDiGraph, build_id: str | None = None) -> bytes:
    """``graph.graphml``: :func:`graphml_graph` of ``G`` as GraphML, byte for byte what
    ``"\\n".join(nx.generate_graphml(graphml_graph(G, build_id)))`` gives, about ten times as fast.

    networkx builds an ElementTree element per node, edge and attribute value and then serialises
    the tree (seconds for tens of thousands of edges); this writes the same lines as strings.
    Mirrored from networkx 3.6's ``GraphMLWriter`` (``prettyprint``): the key ids ``d0``, ``d1``, ...
    in order of first use (graph, nodes, edges) and declared last first, one key per attribute
    name, type and scope; the graph's own data after its nodes and edges; non-ASCII characters as
    character references (ElementTree writes US-ASCII); and line breaks other than ``\\n`` in text
    turned into ``\\n``, as ``generate_graphml`` (its ``splitlines``) does.
    """
    graph_attrs, nodes, edges = _graphml_items(G, build_id)
    xml_types = _graphml_xml_types()
    keys: dict[tuple[str, str, str], str] = {}  # (name, GraphML type, scope) -> key id, as networkx keys them
    key_of: dict[tuple[str, Any, type], str] = {}  # (scope, name, Python type) -> key id, a shortcut

    def new_key(scope: str, name: Any, value_type: type) -> str:
        xml_type = xml_types.get(value_type)
        if xml_type is None:
            raise nx.NetworkXError(f"GraphML writer does not support {value_type} as data values.")
        key_id = keys.setdefault((str(name), xml_type, scope), f"d{len(keys)}")
        key_of[(scope, name, value_type)] = key_id
        return key_id

    def data_lines(scope: str, attrs: dict, indent: str) -> list[str]:
        lines = []
        for name, value in attrs.items():
            value_type = type(value)
            key_id = key_of.get((scope, name, value_type)) or new_key(scope, name, value_type)
            text = _xml_text(value if value_type is str else str(value))
            lines.append(f'{indent}<data key="{key_id}">{text}</data>' if text else f'{indent}<data key="{key_id}" />')
        return lines

    graph_data = data_lines("graph", graph_attrs, "    ")  # first: its keys are d0, d1, ...
    body: list[str] = []
    for node, attrs in nodes:
        element = f'    <node id="{_xml_attribute(str(node))}"'
        _append_element(body, element, "    </node>", data_lines("node", attrs, "      "))
    for source, target, key, attrs in edges:
        element = (f'    <edge source="{_xml_attribute(str(source))}" target="{_xml_attribute(str(target))}"'
                   f' id="{_xml_attribute(str(key))}"')
        _append_element(body, element, "    </edge>", data_lines("edge", attrs, "      "))
    body += graph_data
    lines = [f'<graphml xmlns="{GraphML.NS_GRAPHML}" xmlns:xsi="{GraphML.NS_XSI}" '
             f'xsi:schemaLocation="{GraphML.SCHEMALOCATION}">']
    lines += [f'  <key id="{key_id}" for="{scope}" attr.name="{_xml_attribute(name)}" attr.type="{xml_type}" />'
              for (name, xml_type, scope), key_id in reversed(keys.items())]
    _append_element(lines, f'  <graph edgedefault="{"directed" if G.is_directed() else "undirected"}"',
                    "  </graph>", body)
    lines.append("</graphml>")
    text = "\n".join(lines).encode("ascii", "xmlcharrefreplace")
    if any(char in text for char in _OTHER_LINE_BREAK_CHARS):  # rare: a scan for each is fast, the regex is not
        text = _OTHER_LINE_BREAKS.sub(b"\n", text)
    return text


# What str.splitlines() splits an ASCII text on, besides "\n".
_OTHER_LINE_BREAK_CHARS = (b"\r", b"\x0b", b"\x0c", b"\x1c", b"\x1d", b"\x1e")
_OTHER_LINE_BREAKS = re.compile(rb"\r\n|[\r\x0b\x0c\x1c\x1d\x1e]")


def _append_element(lines: list[str], start_tag: str, end_tag: str, children: list[str]) -> None:
    """An element with its children's lines, or an empty one (``<x ... />``, as ElementTree writes it)."""
    if children:
        lines.append(start_tag + ">")
        lines += children
        lines.append(end_tag)
    else:
        lines.append(start_tag + " />")


def _xml_text(text: str) -> str:
    """Character data escaped as ElementTree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _xml_attribute(text: str) -> str:
    """An attribute value escaped as ElementTree escapes it."""
    text = _xml_text(text)
    for char, escape in (('"', "&quot;"), ("\r", "&#13;"), ("\n", "&#10;"), ("\t", "&#09;")):
        if char in text:
            text = text.replace(char, escape)
    return text


@lru_cache(maxsize=None)
def _graphml_xml_types() -> dict[type, str]:
    """Python type -> GraphML ``attr.type``, networkx's own table (int -> long, float -> double, ...)."""
    table = GraphML()
    table.construct_types()
    return table.xml_type


def _scalar(value):
    if isinstance(value, (list, tuple, set)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def prepare(G: nx.MultiDiGraph) -> tuple[dict, bytes]:
    """The file-form data of ``G`` with its build id, and its graph.json bytes."""
    data = to_data(G)
    return data, graph_json_bytes(data)


def write_outputs(
    G: nx.MultiDiGraph,
    out_dir: str | os.PathLike,
    render_html: Callable[[dict], str] | None = None,
    *,
    prepared: tuple[dict, bytes] | None = None,
) -> dict[str, Path]:
    """Write graph.json, graph.graphml and (with ``render_html``; else an old one is removed)
    graph.html into ``out_dir`` as one set (see :mod:`graph.outputs`). ``prepared``: what
    :func:`prepare` gave for ``G``, when the caller needed it first."""
    out = Path(out_dir)
    data, graph_json = prepared or prepare(G)
    contents: dict[str, bytes | None] = {"graph.json": graph_json}
    contents["graph.graphml"] = dumps_graphml(G, data["graph"][BUILD_ID])
    contents["graph.html"] = render_html(data).encode("utf-8") if render_html is not None else None
    return write_atomically(out, contents)
