"""The interactive viewer: one self-contained, offline HTML file for a graph.json.

    render_html(data) -> str            the page, for files or an iframe's srcdoc
    write_html(data, path)              the page, written atomically
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .page import assemble_page
from .payload import build_payload
from .review import review_payload

__all__ = ["render_html", "write_html"]


def render_html(data: dict, *, title: str | None = None) -> str:
    """The viewer page for ``data`` (graph.json: networkx node-link data of the entity graph).

    The same data always gives byte-identical HTML."""
    return assemble_page(build_payload(data, title), review_payload(data))


def write_html(data: dict, path: str | os.PathLike, *, title: str | None = None) -> None:
    """Write the viewer page to ``path``; a reader never sees a half-written file."""
    target = Path(path)
    page = render_html(data, title=title)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as out:
            out.write(page)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; the page is meant to be shared
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
