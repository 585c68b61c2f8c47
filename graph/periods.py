"""Time in the graph: when each entity and relationship was first and last seen, and which
documents fall in a period.

Dates are the documents' dates (ISO ``YYYY-MM-DD`` strings, see :mod:`graph.dates`), so they
compare as text. Undated documents count for nothing here: an entity named only in undated
documents has ``first_seen`` and ``last_seen`` None.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import networkx as nx

__all__ = ["as_day", "document_dates", "in_period", "seen_span", "stamp_seen"]


def document_dates(G: nx.MultiDiGraph) -> dict[str, str | None]:
    """Document id -> its date (or None), from the graph's document table."""
    return {d.get("id"): d.get("date") for d in G.graph.get("documents", [])}


def seen_span(dates: Iterable[str | None]) -> tuple[str | None, str | None]:
    """The earliest and the latest of ``dates``, None ignored.

    >>> seen_span(["2019-03-04", None, "2018-12-31"])
    ('2018-12-31', '2019-03-04')
    >>> seen_span([None])
    (None, None)
    """
    known = sorted(d for d in dates if d)
    return (known[0], known[-1]) if known else (None, None)


def stamp_seen(G: nx.MultiDiGraph) -> None:
    """Set ``first_seen`` and ``last_seen`` on every node and edge of ``G`` from the dates of the
    documents it is found in (a node's ``documents``, an edge's evidence)."""
    date_of = document_dates(G)
    for _, attrs in G.nodes(data=True):
        attrs["first_seen"], attrs["last_seen"] = seen_span(date_of.get(d) for d in attrs.get("documents") or [])
    for _, _, attrs in G.edges(data=True):
        docs = [ev.get("doc") for ev in attrs.get("evidence") or []] or attrs.get("documents") or []
        attrs["first_seen"], attrs["last_seen"] = seen_span(date_of.get(d) for d in docs)


def as_day(value: Any) -> str:
    """A day given as ``"2019-03-04"``, a ``date``/``datetime`` or a pandas ``Timestamp``, as
    ``YYYY-MM-DD``; a clear ``ValueError`` otherwise.

    >>> as_day("2019-03-04"), as_day(dt.date(2019, 3, 4))
    ('2019-03-04', '2019-03-04')
    """
    if isinstance(value, dt.datetime) or hasattr(value, "to_pydatetime"):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ValueError(f"not a date: {value!r}; use YYYY-MM-DD") from None


def in_period(date: str | None, start: str | None, end: str | None) -> bool:
    """``date`` lies in ``[start, end]`` (both included; None leaves that side open); an undated
    thing lies in no period.

    >>> in_period("2019-03-04", "2019-03-01", None), in_period(None, None, None)
    (True, False)
    """
    return bool(date) and (start is None or date >= start) and (end is None or date <= end)
