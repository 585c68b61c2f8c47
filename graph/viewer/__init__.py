"""The interactive viewer: one self-contained, offline HTML file for a graph.json.

    render_html(data) -> str            the page, for files or an iframe's srcdoc
    write_html(data, path)              the page, written atomically
"""
from __future__ import annotations

import os
from pathlib import Path

from ..contract import validate
from ..outputs import write_atomically
from .page import assemble_page
from .payload import build_payload
from .review import review_payload

__all__ = ["render_html", "write_html"]


def render_html(data: dict, *, title: str | None = None, checked: bool = False) -> str:
    """The viewer page for ``data`` (graph.json: networkx node-link data of the entity graph).

    The same data always gives byte-identical HTML. ``data`` is checked against the contract
    (``ValueError`` naming the field) and may be in any form :func:`graph.contract.validate` reads;
    ``checked``: it is what ``validate`` or ``to_data`` returned, and is not checked again."""
    data = data if checked else validate(data, "graph data")
    return assemble_page(build_payload(data, title), review_payload(data))


def write_html(data: dict, path: str | os.PathLike, *, title: str | None = None, checked: bool = False) -> None:
    """Write the viewer page to ``path``; a reader never sees a half-written file."""
    target = Path(path)
    write_atomically(target.parent, {target.name: render_html(data, title=title, checked=checked).encode("utf-8")})
