"""The graph in Jupyter: the offline viewer page inside an ``<iframe>``.

>>> view = GraphView("<html><body>graph</body></html>", height=300)
>>> view
<GraphView: 31 characters of HTML; display it in Jupyter>
>>> 'srcdoc="&lt;html&gt;' in view._repr_html_()
True
"""
from __future__ import annotations

import html
import os
from pathlib import Path

from ..outputs import write_atomically

__all__ = ["GraphView"]


class GraphView:
    """An interactive view of a graph for Jupyter: the offline viewer page inside an ``<iframe>``.

    Displaying it in a notebook shows the page inline; nothing is fetched from the network.
    ``html`` is the page itself (what ``entity-graph render`` writes).

    >>> view = kg.show(title="Seeds")  # doctest: +SKIP
    >>> view                           # in Jupyter: the interactive graph  # doctest: +SKIP
    """

    def __init__(self, page: str, *, height: int = 650):
        self.html = page
        self.height = int(height)

    def _repr_html_(self) -> str:
        # srcdoc gets the whole page, attribute-escaped. The sandbox gives the page an opaque origin
        # of its own (it cannot reach the notebook), scripts run, and Wikidata links still open.
        return (
            f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
            f'style="width: 100%; height: {self.height}px; border: 1px solid #ccc;" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox" '
            'loading="eager" title="entity graph"></iframe>'
        )

    def save(self, path: str | os.PathLike) -> Path:
        """Write the page as a standalone HTML file.

        >>> kg.show().save("out/view.html")  # doctest: +SKIP
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path.parent, {path.name: self.html.encode("utf-8")})
        return path

    def __repr__(self) -> str:
        return f"<GraphView: {len(self.html):,} characters of HTML; display it in Jupyter>"
