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
from .payload import OVERVIEW_SIZE, build_payload
from .review import review_payload

__all__ = ["OVERVIEW_SIZE", "render_html", "write_html"]


def render_html(data: dict, *, title: str | None = None, checked: bool = False,
                overview_size: int = OVERVIEW_SIZE) -> str:
    """The viewer page for ``data`` (graph.json: networkx node-link data of the entity graph).

    The page opens on the ``overview_size`` most important entities (the reader can change both
    the number and the measure). The same data always gives byte-identical HTML. ``data`` is
    checked against the contract (``ValueError`` naming the field) and may be in any form
    :func:`graph.contract.validate` reads; ``checked``: it is what ``validate`` or ``to_data``
    returned, and is not checked again."""
    data = data if checked else validate(data, "graph data")
    return assemble_page(build_payload(data, title, overview_size), review_payload(data))


def write_html(data: dict, path: str | os.PathLike, *, title: str | None = None, checked: bool = False,
               overview_size: int = OVERVIEW_SIZE) -> None:
    """Write the viewer page to ``path``; a reader never sees a half-written file."""
    target = Path(path)
    page = render_html(data, title=title, checked=checked, overview_size=overview_size)
    write_atomically(target.parent, {target.name: page.encode("utf-8")})
