"""The tables of the analyst's API: one row of plain values per entity, relationship, piece of
evidence or statement, as a pandas DataFrame with fixed columns.

Each function takes the networkx graph ``G`` (the graph.json contract) and arguments that
:class:`~graph.api.KnowledgeGraph` has already checked: node ids found by name, sets of known types
or kinds (None: all). Rows are sorted so that the same graph always gives the same table.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("orla", label="Orla Brenn", type="person", mentions=4, documents=["d1"])
>>> G.add_node("acme", label="Acme", type="organization", mentions=2, documents=["d1"])
>>> G.add_edge("orla", "acme", key="affiliation", kind="affiliation", weight=2, documents=["d1"])
'affiliation'
>>> entities(G)[["id", "type", "mentions"]].values.tolist()
[['orla', 'person', 4], ['acme', 'organization', 2]]
>>> neighbours(G, "acme")[["id", "kind", "direction", "weight"]].values.tolist()
[['orla', 'affiliation', 'in', 2]]
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

import networkx as nx

from ..communities import louvain_groups, projection
from ..records import LINK_RULE_EXPLANATIONS
from .lookups import dates, edges_of, kind, label, node_label, statements, titles
from .names import normalize_name

if TYPE_CHECKING:  # pandas is imported when a table is asked for, so ``import graph`` stays light
    import pandas as pd

__all__ = ["MEASURES", "communities", "entities", "evidence", "neighbours", "quotes", "relationships", "said",
           "select_statements", "timeline", "top", "why"]

MEASURES = ("mentions", "statements", "documents", "degree", "pagerank", "betweenness")

ENTITY_COLUMNS = ["id", "label", "type", "mentions", "statements", "documents", "aliases", "wikidata"]
TOP_COLUMNS = ["id", "label", "type", "mentions", "statements", "documents", "degree"]
NEIGHBOUR_COLUMNS = ["id", "label", "type", "kind", "direction", "weight", "documents", "evidence"]
RELATIONSHIP_COLUMNS = ["source", "source_label", "target", "target_label", "kind", "weight", "documents"]
EVIDENCE_COLUMNS = ["source", "target", "kind", "doc", "title", "sentence", "start", "end", "statement", "cue", "role", "date"]
SAID_COLUMNS = ["statement", "doc", "title", "speaker", "speaker_label", "speaker_text", "reported_by",
                "reported_by_label", "kind", "cue", "text", "mentions", "date"]
QUOTES_COLUMNS = ["speaker", "speaker_label", "speaker_text", "reported_by", "reported_by_label", "statements",
                  "documents", "example"]
COMMUNITY_COLUMNS = ["community", "size", "members", "ids"]
WHY_COLUMNS = ["alias", "rule", "doc", "title", "why"]
WHY = {rule.value: text for rule, text in LINK_RULE_EXPLANATIONS.items()}


def why(G: nx.MultiDiGraph, node, asked: str) -> pd.DataFrame:
    """Why each name of ``node`` is one of its aliases; the rows of the name ``asked`` come first."""
    reasons = G.nodes[node].get("alias_reasons") or {}
    titles_ = titles(G)
    asked = normalize_name(asked)
    rows = []
    for alias in G.nodes[node].get("aliases") or []:
        reason = reasons.get(alias) or {}
        rule, doc = reason.get("rule"), reason.get("doc")
        rows.append({"alias": alias, "rule": rule, "doc": doc, "title": titles_.get(doc),
                     "why": WHY.get(rule, "not recorded (a graph.json from before alias reasons)")})
    rows.sort(key=lambda r: (normalize_name(r["alias"]) != asked, r["alias"].casefold(), r["alias"]))
    return _frame(rows, WHY_COLUMNS)


def entities(G: nx.MultiDiGraph, wanted: set[str] | None = None) -> pd.DataFrame:
    """Every entity (of the types ``wanted``), most mentioned first."""
    rows = [
        {
            "id": n,
            "label": node_label(n, a),
            "type": a.get("type"),
            "mentions": a.get("mentions", 0),
            "statements": a.get("statements", 0),
            "documents": len(a.get("documents") or []),
            "aliases": list(a.get("aliases") or []),
            "wikidata": a.get("wikidata"),
        }
        for n, a in G.nodes(data=True)
        if wanted is None or a.get("type") in wanted
    ]
    rows.sort(key=lambda r: (-r["mentions"], r["label"].casefold(), str(r["id"])))
    return _frame(rows, ENTITY_COLUMNS)


def neighbours(G: nx.MultiDiGraph, node, wanted: set[str] | None = None, limit: int | None = None) -> pd.DataFrame:
    """The entities related to ``node``, one row per relationship (of the kinds ``wanted``), heaviest first."""
    rows = []
    for source, target, key, attrs in edges_of(G, node):
        kind_ = kind(key, attrs)
        if wanted is not None and kind_ not in wanted:
            continue
        other = target if source == node else source
        direction = "both" if kind_ == "co_mention" else ("out" if source == node else "in")
        rows.append({
            "id": other,
            "label": label(G, other),
            "type": G.nodes[other].get("type"),
            "kind": kind_,
            "direction": direction,
            "weight": attrs.get("weight", 1),
            "documents": list(attrs.get("documents") or []),
            "evidence": _unique(ev.get("sentence", "").strip() for ev in attrs.get("evidence") or []),
        })
    rows.sort(key=lambda r: (-r["weight"], r["label"].casefold(), r["kind"], r["direction"]))
    return _frame(rows[:limit] if limit is not None else rows, NEIGHBOUR_COLUMNS)


def relationships(G: nx.MultiDiGraph, wanted: set[str] | None = None, min_weight: float | None = None) -> pd.DataFrame:
    """Every relationship (of the kinds ``wanted``, of at least ``min_weight``), heaviest first."""
    rows = [
        {
            "source": u,
            "source_label": label(G, u),
            "target": v,
            "target_label": label(G, v),
            "kind": kind(k, a),
            "weight": a.get("weight", 1),
            "documents": list(a.get("documents") or []),
        }
        for u, v, k, a in G.edges(keys=True, data=True)
        if (wanted is None or kind(k, a) in wanted) and (min_weight is None or a.get("weight", 1) >= min_weight)
    ]
    rows.sort(key=lambda r: (-r["weight"], r["source_label"].casefold(), r["target_label"].casefold(), r["kind"]))
    return _frame(rows, RELATIONSHIP_COLUMNS)


def evidence(G: nx.MultiDiGraph, a, b, wanted: set[str] | None = None) -> pd.DataFrame:
    """The evidence of every relationship (of the kinds ``wanted``) between ``a`` and ``b``, in document order."""
    titles_, dates_ = titles(G), dates(G)
    rows = []
    for source, target, key, attrs in edges_of(G, a):
        kind_ = kind(key, attrs)
        if {source, target} != {a, b} or (wanted is not None and kind_ not in wanted):
            continue
        for ev in attrs.get("evidence") or []:
            rows.append({
                "source": source,
                "target": target,
                "kind": kind_,
                "doc": ev.get("doc"),
                "title": titles_.get(ev.get("doc")),
                "sentence": (ev.get("sentence") or "").strip(),
                "start": ev.get("start"),
                "end": ev.get("end"),
                "statement": ev.get("statement"),
                "cue": ev.get("cue"),
                "role": ev.get("role"),
                "date": dates_.get(ev.get("doc")),
            })
    rows.sort(key=lambda r: (str(r["doc"]), r["start"] if r["start"] is not None else -1, r["kind"]))
    return _frame(rows, EVIDENCE_COLUMNS)


def select_statements(G: nx.MultiDiGraph, speaker=None, about=None, reported_by=None, kind: str | None = None,
                      docs: set[str] | None = None) -> list[dict]:
    """The statements of ``speaker``, naming ``about``, reported by ``reported_by`` (node ids), of
    ``kind``, in ``docs`` (None: any), in document order."""
    return sorted(
        (
            s for s in statements(G)
            if (speaker is None or s.get("speaker") == speaker)
            and (about is None or about in (s.get("mentions") or []))
            and (reported_by is None or s.get("reported_by") == reported_by)
            and (kind is None or s.get("kind") == kind)
            and (docs is None or s.get("doc") in docs)
        ),
        key=lambda s: (str(s.get("doc")), s.get("start") or 0, str(s.get("id"))),
    )


def said(G: nx.MultiDiGraph, selected: list[dict]) -> pd.DataFrame:
    """One row per statement of ``selected``."""
    titles_, dates_ = titles(G), dates(G)
    rows = [_statement_row(G, s, titles_, dates_) for s in selected]
    return _frame(rows, SAID_COLUMNS)


def _statement_row(G: nx.MultiDiGraph, s: dict, titles_: dict, dates_: dict) -> dict:
    speaker, outlet = s.get("speaker"), s.get("reported_by")
    return {
        "statement": s.get("id"),
        "doc": s.get("doc"),
        "title": titles_.get(s.get("doc")),
        "speaker": speaker,
        "speaker_label": label(G, speaker) if speaker is not None else None,
        "speaker_text": s.get("speaker_text"),
        "reported_by": outlet,
        "reported_by_label": label(G, outlet) if outlet is not None else None,
        "kind": s.get("kind"),
        "cue": s.get("cue"),
        "text": s.get("text"),
        "mentions": [label(G, m) for m in s.get("mentions") or []],
        "date": dates_.get(s.get("doc")),
    }


def quotes(G: nx.MultiDiGraph, selected: list[dict], speaker=None) -> pd.DataFrame:
    """One row per (speaker, reporting outlet) of ``selected``, most statements first; unnamed
    sources get a row per phrase unless one ``speaker`` was asked for."""
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for s in selected:
        if s.get("speaker") is not None:
            groups[(s["speaker"], s.get("reported_by"))].append(s)
        elif s.get("speaker_text") and speaker is None:
            groups[(None, s.get("reported_by"), s["speaker_text"].casefold())].append(s)
    rows = [
        {
            "speaker": who,
            "speaker_label": label(G, who) if who is not None else None,
            "speaker_text": sorted({s["speaker_text"] for s in said if s.get("speaker_text")}),
            "reported_by": outlet,
            "reported_by_label": label(G, outlet) if outlet is not None else None,
            "statements": len(said),
            "documents": sorted({s.get("doc") for s in said}),
            "example": said[0].get("text"),
        }
        for (who, outlet, *_), said in groups.items()
    ]
    rows.sort(key=lambda r: (-r["statements"], r["speaker_label"] is None,
                             (r["speaker_label"] or next(iter(r["speaker_text"]), "")).casefold(),
                             r["reported_by_label"] is None, (r["reported_by_label"] or "").casefold()))
    return _frame(rows, QUOTES_COLUMNS)


def top(G: nx.MultiDiGraph, n: int = 10, by: str = "mentions", wanted: set[str] | None = None) -> pd.DataFrame:
    """The ``n`` entities (of the types ``wanted``) highest by the measure ``by`` (one of :data:`MEASURES`)."""
    table = entities(G)
    if wanted is not None:
        table = table[table["type"].isin(sorted(wanted))]
    projected = projection(G)
    table = table.assign(degree=[projected.degree(node) for node in table["id"]])
    columns = list(TOP_COLUMNS)
    if by in ("pagerank", "betweenness"):
        scores = nx.pagerank(projected, weight="weight") if by == "pagerank" else nx.betweenness_centrality(projected)
        table = table.assign(**{by: [scores[node] for node in table["id"]]})
        columns.append(by)
    table = table.assign(_key=table["label"].str.casefold())
    table = table.sort_values([by, "_key", "id"], ascending=[False, True, True], kind="stable")
    return table[columns].head(n).reset_index(drop=True)


def communities(G: nx.MultiDiGraph, seed: int = 0, resolution: float = 1.0, min_size: int = 2) -> pd.DataFrame:
    """The Louvain communities of at least ``min_size`` entities, largest first."""
    ranked = louvain_groups(G, seed=seed, resolution=resolution)
    rows = [
        {"community": number, "size": len(ids), "members": [label(G, i) for i in ids], "ids": ids}
        for number, ids in enumerate(ranked)
        if len(ids) >= min_size
    ]
    return _frame(rows, COMMUNITY_COLUMNS)


def timeline(G: nx.MultiDiGraph, node, freq: str = "W") -> pd.DataFrame:
    """Mentions, documents, statements made and statements about ``node`` per period of ``freq``."""
    import pandas as pd

    attrs = G.nodes[node]
    date_of = dates(G)
    # A graph.json from before per-document counts: one mention per document.
    per_document = attrs.get("document_mentions") or {d: 1 for d in attrs.get("documents") or []}
    rows = [{"date": date_of.get(d), "mentions": n, "documents": 1} for d, n in per_document.items()]
    for s in statements(G):
        said, about = s.get("speaker") == node, node in (s.get("mentions") or [])
        if said or about:
            rows.append({"date": date_of.get(s.get("doc")), "statements": int(said), "about": int(about)})
    columns = ["mentions", "documents", "statements", "about"]
    frame = pd.DataFrame(rows, columns=["date", *columns]).dropna(subset=["date"])
    if frame.empty:
        return pd.DataFrame(columns=columns, index=pd.DatetimeIndex([], name="period"), dtype="int64")
    periods = pd.to_datetime(frame["date"]).dt.to_period(freq)
    counts = frame[columns].fillna(0).astype("int64").groupby(periods).sum()
    counts = counts.reindex(pd.period_range(counts.index.min(), counts.index.max(), freq=freq), fill_value=0)
    counts.index = counts.index.to_timestamp(how="start")
    counts.index.name = "period"
    return counts


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _frame(rows: list[dict], columns: list[str]) -> pd.DataFrame:
    """The table, with every column of text (or nothing) as pandas' string dtype, so that a
    missing value is always NaN, never None in one column and NaN in the next."""
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    for column in frame.columns:
        if frame[column].dtype == object and all(isinstance(v, str) for v in frame[column] if v is not None):
            frame[column] = frame[column].astype("str")
    return frame
